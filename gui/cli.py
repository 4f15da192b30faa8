"""The `idguide` command: the wizard by default, `assess` headless."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date

from gui.content import DEFAULT_LOCALE, LOCALES, Content, load_content
from gui.domain import Answers, Assessment, InputError, RulesError, Situation, assess, load_rules
from gui.domain.dates import china_today


class _ArgumentError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing its English usage error and exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _ArgumentError(message)


def _parse_date(value: str, field: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError("date_format", field=field, value=value) from None


def _language(argv: Sequence[str]) -> str:
    """The --lang value, read before parsing so that parse errors speak it too."""
    for i, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value in LOCALES:
            return value
    return DEFAULT_LOCALE


def add_assess_arguments(parser: argparse.ArgumentParser) -> None:
    """The card's facts; shared by `assess` and the commands that render an Assessment."""
    parser.add_argument("--birth", help="birth date, YYYY-MM-DD")
    parser.add_argument("--start", help="card start date (有效期限 first date), YYYY-MM-DD")
    parser.add_argument("--end", help="card end date, YYYY-MM-DD")
    parser.add_argument("--long-term", action="store_true", help="the card says 长期")
    parser.add_argument("--situation", default="expiry",
                        help="expiry | renewed | lost | damaged | renamed (default expiry)")
    parser.add_argument("--away", action="store_true", help="applying away from the 户籍地")
    parser.add_argument("--low-income", action="store_true", help="低保 or special hardship")
    parser.add_argument("--travel-soon", action="store_true", help="train or plane soon")
    parser.add_argument("--id-number", help="optional; checked, never stored")
    parser.add_argument("--locality", help="apply a locality's rules, e.g. shenzhen")
    parser.add_argument("--as-of", help="pretend today is YYYY-MM-DD (default: today in China)")
    parser.add_argument("--lang", default=DEFAULT_LOCALE, help="zh_CN | en")


def answers_from(args: argparse.Namespace, content: Content) -> tuple[Answers, date]:
    """Turn parsed arguments into Answers and "today"; raise InputError for bad values."""
    fields = content.get("messages.fields")
    if args.lang not in LOCALES:
        raise InputError("unknown_lang", value=args.lang)
    for name in ("birth", "start"):
        if not getattr(args, name):
            raise InputError("missing_value", field=fields[name])
    if args.end and args.long_term:
        raise InputError("end_and_long_term")
    if not args.end and not args.long_term:
        raise InputError("end_missing")
    try:
        situation = Situation(args.situation)
    except ValueError:
        raise InputError("unknown_situation", value=args.situation) from None
    answers = Answers(
        birth=_parse_date(args.birth, fields["birth"]),
        start=_parse_date(args.start, fields["start"]),
        end=_parse_date(args.end, fields["end"]) if args.end else None,
        situation=situation,
        away_from_home=args.away,
        low_income=args.low_income,
        travel_soon=args.travel_soon,
        id_number=args.id_number,
        locality=args.locality,
    )
    today = _parse_date(args.as_of, fields["as_of"]) if args.as_of else china_today()
    return answers, today


def assess_from(args: argparse.Namespace, content: Content) -> Assessment:
    answers, today = answers_from(args, content)
    rules = load_rules()
    if answers.locality and answers.locality not in rules.localities:
        raise InputError("unknown_locality", value=answers.locality)
    return assess(answers, today, rules)


def summary_lines(a: Assessment, content: Content) -> list[str]:
    """The readable summary printed by `assess` without --json."""
    label = lambda key, **kw: content.text(f"summary.labels.{key}", **kw)  # noqa: E731
    terms = [content.text(f"summary.term.{t}") for t in a.next_terms]
    rows = [
        (label("status"), content.text(f"summary.status.{a.status}")),
        (label("end_date"), a.end_date.isoformat() if a.end_date else label("long_term_end")),
    ]
    if a.apply_from:
        rows.append((label("apply_from"), a.apply_from.isoformat()))
    if a.days_left is not None:
        left = label("last_day") if a.days_left == 0 else label("days_left_value", days=a.days_left)
        rows.append((label("days_left"), left))
    if a.days_overdue is not None:
        rows.append((label("days_overdue"), label("days_overdue_value", days=a.days_overdue)))
    rows.append((label("case"), content.text(f"summary.case.{a.case}")))
    if terms:
        either = label("next_terms_either", a=terms[0], b=terms[-1])
        rows.append((label("next_terms"), terms[0] if len(terms) == 1 else either))
    if a.fee_yuan is not None:
        fee = label("fee_free") if a.fee_yuan == 0 else label("fee_value", yuan=a.fee_yuan)
        rows.append((label("fee"), fee))
    lines = [label("title")] + [f"{k}: {v}" for k, v in rows]
    if a.materials:
        lines.append(label("materials") + ":")
        lines += [f"  - {content.text(f'materials.{m}')}" for m in a.materials]
    if a.temp_id:
        t = a.temp_id
        value = label("temp_id_value", fee=t.fee_yuan, days=t.issue_days, months=t.valid_months)
        lines.append(f"{label('temp_id')}: {value}")
    if a.warnings:
        lines.append(label("warnings") + ":")
        lines += [f"  ! {warning_text(w, a, content)}" for w in a.warnings]
    lines.append(f"{label('checked')}: {a.rules_checked.isoformat()}")
    return lines


def warning_text(warning: str, a: Assessment, content: Content) -> str:
    return content.text(f"warnings.{warning}", expected_end=a.expected_end or "—",
                        apply_from=a.apply_from or "—")


def error_text(error: InputError, content: Content) -> str:
    return content.text(f"messages.errors.{error.code}", **error.params)


def _assess_command(argv: Sequence[str]) -> int:
    content = load_content(_language(argv))
    parser = _Parser(prog="idguide assess", description="Assess a resident ID card.")
    add_assess_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    try:
        args = parser.parse_args(argv)
        result = assess_from(args, content)
    except _ArgumentError as exc:
        print(content.text("messages.errors.bad_arguments", value=exc), file=sys.stderr)
        return 2
    except InputError as exc:
        print(error_text(exc, content), file=sys.stderr)
        return 2
    except RulesError as exc:  # a broken install, not the user's input
        print(f"rules pack: {exc}", file=sys.stderr)
        return 3
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        print("\n".join(summary_lines(result, content)))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["assess"]:
        return _assess_command(args[1:])
    from gui.app import run  # Qt is imported only for the window

    return run(args)
