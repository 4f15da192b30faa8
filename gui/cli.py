"""The `idguide` command: the wizard by default, `assess` headless."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from gui import present
from gui.content import DEFAULT_LOCALE, LOCALES, Content, load_content
from gui.domain import Answers, Assessment, InputError, RulesError, Situation, assess, load_rules
from gui.domain.dates import china_today

FIRST_YEAR, LAST_YEAR = 1900, 2199


class _ArgumentError(Exception):
    pass


# runs of digits (with date or number separators) in argparse's messages: an ID number or
# a birth date typed in the wrong place must not be echoed to the terminal
_DIGIT_RUNS = re.compile(r"[0-9０-９][0-9０-９XxＸ\-./年月日 \u3000]{3,}")


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing its English usage error and exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _ArgumentError(_DIGIT_RUNS.sub("…", message))


def _read_secret(prompt: str = "ID: ") -> str:
    """A secret from the terminal (not echoed) or from standard input."""
    import getpass

    return getpass.getpass(prompt) if sys.stdin.isatty() else sys.stdin.readline().strip()


def _parse_date(value: str, field: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError("date_format", field=field) from None


def _today(args: argparse.Namespace, content: Content) -> date:
    """--as-of, within the years the app's date lists and arithmetic cover, or China's today."""
    if args.as_of is None:
        return china_today()
    day = _parse_date(args.as_of, content.get("messages.fields")["as_of"])
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise InputError("as_of_range", first=str(FIRST_YEAR), last=str(LAST_YEAR))
    return day


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
    parser.add_argument("--id-number", help="optional; '-' reads it from standard input "
                        "(keeps it out of shell history); checked, never stored")
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
        id_number=_read_secret() if args.id_number == "-" else args.id_number,
        locality=args.locality,
    )
    return answers, _today(args, content)


def assess_from(args: argparse.Namespace, content: Content) -> Assessment:
    answers, today = answers_from(args, content)
    rules = load_rules()
    if answers.locality and answers.locality not in rules.localities:
        raise InputError("unknown_locality", value=answers.locality)
    return assess(answers, today, rules)


def summary_lines(a: Assessment, content: Content) -> list[str]:
    """The readable summary printed by `assess` without --json."""
    lines = [content.text("summary.labels.title")]
    lines += [f"{k}: {v}" for k, v in present.status_rows(a, content)]
    if a.materials:
        lines.append(content.text("summary.labels.materials") + ":")
        lines += [f"  - {m}" for m in present.materials(a, content)]
    temp = present.temp_id_line(a, content)
    if temp:
        lines.append(f"{content.text('summary.labels.temp_id')}: {temp}")
    if a.warnings:
        lines.append(content.text("summary.labels.warnings") + ":")
        lines += [f"  ! {w}" for w in present.warnings(a, content)]
    checked = present.format_date(a.rules_checked, content)
    lines.append(f"{content.text('summary.labels.checked')}: {checked}")
    return lines


def error_text(error: InputError, content: Content) -> str:
    return content.text(f"messages.errors.{error.code}", **error.params)


def _report(error: Exception, content: Content) -> int:
    """One line on stderr for what went wrong; exit 2 for the person's input, 3 for ours."""
    if isinstance(error, RulesError):  # a broken install, not the user's input
        print(f"rules pack: {error}", file=sys.stderr)
        return 3
    if isinstance(error, InputError):
        print(error_text(error, content), file=sys.stderr)
    else:
        print(content.text("messages.errors.bad_arguments", value=error), file=sys.stderr)
    return 2


def _assess_command(argv: Sequence[str]) -> int:
    content = load_content(_language(argv))
    parser = _Parser(prog="idguide assess", description="Assess a resident ID card.")
    add_assess_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    try:
        args = parser.parse_args(argv)
        result = assess_from(args, content)
    except (_ArgumentError, InputError, RulesError) as exc:
        return _report(exc, content)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        print("\n".join(summary_lines(result, content)))
    return 0


def _checklist_command(argv: Sequence[str]) -> int:
    """Write the checklist PDF (and optionally the .ics reminder) without a window."""
    content = load_content(_language(argv))
    parser = _Parser(prog="idguide checklist", description="Write the checklist PDF.")
    add_assess_arguments(parser)
    parser.add_argument("--out", required=True, help="the PDF file to write")
    parser.add_argument("--ics", help="also write the calendar reminder here")
    try:
        args = parser.parse_args(argv)
        for path in filter(None, (args.out, args.ics)):
            if not path.strip() or Path(path).is_dir():
                raise InputError("out_not_a_file", value=path)
        result = assess_from(args, content)
        if args.ics and result.remind_on is None:
            raise InputError("no_reminder")  # say so before writing anything
    except (_ArgumentError, InputError, RulesError) as exc:
        return _report(exc, content)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window, no display needed
    from gui.export.files import ExportError, write_checklist, write_reminder
    from gui.headless import start_gui_application

    start_gui_application()
    try:
        write_checklist(Path(args.out), result, content)
        if args.ics:
            write_reminder(Path(args.ics), result, content)
    except ExportError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    return 0


def _kiosk_pin_command() -> int:
    """Hash an administrator PIN for the kiosk config; the PIN is read, never echoed."""
    from gui.kiosk.config import hash_pin

    pin = _read_secret("PIN: ")
    if not (pin.isascii() and pin.isdigit() and len(pin) >= 4):
        print("The PIN must be at least 4 digits.", file=sys.stderr)
        return 2
    print(f"pin_hash = {hash_pin(pin)}")
    return 0


def _has_display() -> bool:
    """False on a Linux machine with no screen, where Qt would abort with a traceback."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _gui_command(argv: Sequence[str]) -> int:
    content = load_content(_language(argv))
    parser = _Parser(prog="idguide", description="身份证续期指引 · ID Renewal Guide",
                     epilog="headless: idguide assess --help | idguide flow --dot")
    parser.add_argument("--as-of", help="pretend today is YYYY-MM-DD (default: today in China)")
    parser.add_argument("--lang", help="zh_CN | en (default: the last one used, else zh_CN)")
    parser.add_argument("--large-text", action="store_true", help="start in large-text mode")
    parser.add_argument("--kiosk", action="store_true", help="full-screen unattended kiosk")
    parser.add_argument("--exit-after-show", action="store_true",
                        help="start, paint the first page, exit 0 (smoke test, start-up timing)")
    parser.add_argument("--config", help="kiosk settings (INI); see resources/kiosk.example.ini")
    try:
        args = parser.parse_args(argv)
        if args.lang is not None and args.lang not in LOCALES:
            raise InputError("unknown_lang", value=args.lang)
        today = _today(args, content)
    except (_ArgumentError, InputError) as exc:
        return _report(exc, content)
    if not _has_display():
        print(content.text("messages.errors.no_display"), file=sys.stderr)
        return 2
    if args.kiosk:
        from gui.kiosk.app import run_kiosk

        return run_kiosk(Path(args.config) if args.config else None,
                         today if args.as_of else None, exit_after_show=args.exit_after_show)
    from gui.app import run  # Qt is imported only for the window

    return run(today, args.lang, args.large_text, exit_after_show=args.exit_after_show)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["assess"]:
        return _assess_command(args[1:])
    if args[:1] == ["checklist"]:
        return _checklist_command(args[1:])
    if args[:1] == ["--self-test"]:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from gui.selftest import run

        return run()
    if args[:1] == ["kiosk-pin"]:
        return _kiosk_pin_command()
    if args[:1] == ["flow"]:  # the page graph in Graphviz form: idguide flow --dot | dot -Tsvg
        from gui.flow import dot

        if args[1:] not in ([], ["--dot"]):
            return _report(_ArgumentError(" ".join(args[1:])), load_content(_language(args)))
        print(dot())
        return 0
    return _gui_command(args)
