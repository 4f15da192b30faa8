"""The `idguide` command: the wizard by default; assess, checklist, flow, kiosk-pin headless."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from gui.content import DEFAULT_LOCALE, LOCALES, Content, load_content
from gui.domain import Answers, Assessment, InputError, RulesError, Situation, assess, load_rules
from gui.domain.card import DATES_OPTIONAL
from gui.domain.dates import china_today
from gui.languages import LANG_HELP

FIRST_YEAR, LAST_YEAR = 1900, 2199
VALUE_LENGTH = 80  # a value repeated in a message: longer ones are shortened


class _ArgumentError(Exception):
    pass


class _Exit(Exception):
    """argparse finished on its own (--help): leave main() with this status."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


# runs of digits (with date or number separators) in argparse's messages: an ID number or
# a birth date typed in the wrong place must not be echoed to the terminal
_DIGIT_RUNS = re.compile(r"[0-9０-９][0-9０-９XxＸ\-./年月日 \u3000]{3,}")


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing its English usage error and exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        from gui.shown import shown

        raise _ArgumentError(shown(_DIGIT_RUNS.sub("…", message)))

    def exit(self, status: int = 0, message: str | None = None) -> None:  # type: ignore[override]
        if message:
            print(message, file=sys.stderr, end="")
        raise _Exit(status)


def _printable_streams() -> None:
    """Chinese output whatever the locale: under LC_ALL=C (and PYTHONUTF8=0) Python's
    stdout is ASCII and the first Chinese character would raise UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "ascii"
        try:
            "身份证".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            if hasattr(stream, "reconfigure"):
                stream.reconfigure(encoding="utf-8", errors="replace")


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


def _language(parser: argparse.ArgumentParser, argv: Sequence[str]) -> str:
    """The language argparse will settle on, found before parsing so that parse errors
    speak it too: its own rules, i.e. an unambiguous abbreviation (`--lan en`) counts and
    the last of several (`--lang en --lang zh_CN`) wins. The one place that decides it."""
    options = parser._option_string_actions  # argparse offers no public list of them
    lang = options.get("--lang")
    if lang is None:
        return DEFAULT_LOCALE
    language = parser.get_default("lang") or DEFAULT_LOCALE
    tokens = list(argv)
    for i, token in enumerate(tokens):
        if token == "--":
            break
        name, has_value, value = token.partition("=")
        if not name.startswith("--"):
            continue
        if name not in options and parser.allow_abbrev:
            matches = [o for o in options if o.startswith(name)]
            name = matches[0] if len(matches) == 1 else name
        if options.get(name) is not lang:
            continue
        if not has_value:
            value = tokens[i + 1] if i + 1 < len(tokens) else ""
        language = value
    return language if language in LOCALES else DEFAULT_LOCALE


def add_assess_arguments(parser: argparse.ArgumentParser) -> None:
    """The card's facts; shared by `assess` and the commands that render an Assessment."""
    parser.add_argument("--birth", metavar="YYYY-MM-DD", help="birth date (required)")
    parser.add_argument(
        "--start",
        metavar="YYYY-MM-DD",
        help="card start date, the first date under 有效期限 (required, except that a "
        "lost or damaged card may leave out both dates)",
    )
    parser.add_argument(
        "--end", metavar="YYYY-MM-DD", help="card end date, the second date (or --long-term)"
    )
    parser.add_argument("--long-term", action="store_true", help="the card says 长期")
    parser.add_argument(
        "--situation",
        default="expiry",
        metavar="SITUATION",
        help="expiry | renewed | lost | damaged | renamed (default expiry)",
    )
    parser.add_argument("--away", action="store_true", help="applying away from the 户籍地")
    parser.add_argument("--low-income", action="store_true", help="低保 or special hardship")
    parser.add_argument("--travel-soon", action="store_true", help="train or plane soon")
    parser.add_argument(
        "--id-number",
        metavar="N",
        help="optional; '-' reads it from standard input "
        "(keeps it out of shell history); checked, never stored",
    )
    parser.add_argument(
        "--locality", metavar="NAME", help="apply a locality's rules, e.g. shenzhen"
    )
    parser.add_argument(
        "--as-of", metavar="YYYY-MM-DD", help="pretend today is this date (default: today in China)"
    )
    parser.add_argument("--lang", default=DEFAULT_LOCALE, help=LANG_HELP)


def answers_from(args: argparse.Namespace, content: Content) -> tuple[Answers, date]:
    """Turn parsed arguments into Answers and "today"; raise InputError for bad values."""
    fields = content.get("messages.fields")
    if args.lang not in LOCALES:
        raise InputError("unknown_lang", value=args.lang)
    if not args.birth:
        raise InputError("missing_value", field=fields["birth"])
    try:
        situation = Situation(args.situation)
    except ValueError:
        raise InputError("unknown_situation", value=args.situation) from None
    if args.end and args.long_term:
        raise InputError("end_and_long_term")
    given = (bool(args.start), bool(args.end or args.long_term))
    if situation in DATES_OPTIONAL and any(given) and not all(given):
        raise InputError("dates_partial")  # a lost or damaged card: both dates or neither
    if situation not in DATES_OPTIONAL and not args.start:
        raise InputError("missing_value", field=fields["start"])
    if args.start and not given[1]:
        raise InputError("end_missing")
    answers = Answers(
        birth=_parse_date(args.birth, fields["birth"]),
        start=_parse_date(args.start, fields["start"]) if args.start else None,
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


def error_text(error: InputError, content: Content) -> str:
    from gui.shown import shown

    safe = {key: shown(value, VALUE_LENGTH) for key, value in error.params.items()}
    return content.text(f"messages.errors.{error.code}", **safe)


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


def _assess_parser() -> _Parser:
    parser = _Parser(
        prog="idguide assess", description="Assess a resident ID card without a window."
    )
    add_assess_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def _checklist_parser() -> _Parser:
    parser = _Parser(
        prog="idguide checklist",
        description="Write the checklist PDF (and the calendar reminder) "
        "without a window: both files or neither.",
    )
    add_assess_arguments(parser)
    parser.add_argument(
        "--out",
        required=True,
        metavar="FILE.pdf",
        help="the PDF file to write: a new name or a regular file",
    )
    parser.add_argument("--ics", metavar="FILE.ics", help="also write the calendar reminder")
    return parser


def _flow_parser() -> _Parser:
    parser = _Parser(
        prog="idguide flow",
        description="The wizard's pages and branches in Graphviz form: "
        "idguide flow --dot | dot -Tsvg > flow.svg",
    )
    parser.add_argument("--dot", action="store_true", help="Graphviz dot (the only format)")
    return parser


def _kiosk_pin_parser() -> _Parser:
    return _Parser(
        prog="idguide kiosk-pin",
        description="Read an administrator PIN (4 or more digits, not echoed; or "
        "one line on standard input) and print the pin_hash line for "
        "the kiosk settings file.",
    )


def _card_reader_parser() -> _Parser:
    from gui.cardreader_cli import DESCRIPTION, add_arguments

    parser = _Parser(prog="idguide card-reader", description=DESCRIPTION)
    add_arguments(parser)
    return parser


# name, what it does, its parser: `idguide --help` lists each with its usage line
COMMANDS: tuple[tuple[str, str, Callable[[], _Parser]], ...] = (
    ("assess", "assess a card without a window (a summary, or --json)", _assess_parser),
    ("checklist", "write the checklist PDF (--out) and the reminder (--ics)", _checklist_parser),
    ("flow", "print the wizard's pages and branches (Graphviz)", _flow_parser),
    ("kiosk-pin", "hash an administrator PIN for the kiosk settings", _kiosk_pin_parser),
    ("card-reader", "read one ID card's dates (checks a reader)", _card_reader_parser),
)


def _commands_epilog() -> str:
    import textwrap

    lines = ["commands (idguide COMMAND --help for each):"]
    for name, summary, make in COMMANDS:
        usage = " ".join(make().format_usage().split()[1:])  # without "usage:"
        # keep each [--option VALUE] on one line: textwrap does not break at a no-break space
        usage = re.sub(r"\[[^]]*\]", lambda m: m[0].replace(" ", "\xa0"), usage)
        wrapped = textwrap.fill(
            usage, 88, initial_indent=" " * 15, subsequent_indent=" " * 17, break_on_hyphens=False
        )
        lines += [f"  {name:<13}{summary}", wrapped.replace("\xa0", " ")]
    return "\n".join(lines)


class _WindowParser(_Parser):
    """The window's options; the commands' usage is put together only for --help (it
    builds every command's parser, which every start of the window would pay for)."""

    def format_help(self) -> str:
        self.epilog = _commands_epilog()
        return super().format_help()


def _window_parser() -> _Parser:
    parser = _WindowParser(
        prog="idguide",
        description="身份证续期指引 · ID Renewal Guide: "
        "opens the wizard; the commands below work without a window.",
        usage="idguide [options]\n       idguide COMMAND [options]",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--as-of", metavar="YYYY-MM-DD", help="pretend today is this date (default: today in China)"
    )
    parser.add_argument(
        "--lang", help=f"{' | '.join(LOCALES)} (default: the last one used, else {DEFAULT_LOCALE})"
    )
    parser.add_argument("--large-text", action="store_true", help="start in large-text mode")
    parser.add_argument(
        "--locality",
        metavar="NAME",
        help="the window: apply a locality's rules (resources/rules/localities.toml), "
        "e.g. shenzhen; the kiosk names its own in [rules] locality",
    )
    parser.add_argument("--kiosk", action="store_true", help="full-screen unattended kiosk")
    parser.add_argument(
        "--exit-after-show",
        action="store_true",
        help="start, paint the first page, exit 0 (smoke test, start-up timing)",
    )
    parser.add_argument(
        "--config", metavar="FILE", help="kiosk settings (INI); see resources/kiosk.example.ini"
    )
    parser.add_argument(
        "--one-visitor",
        action="store_true",
        help="kiosk: a fresh process for every person, the screen covered throughout "
        "(the systemd unit in docs/kiosk.md)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (rules, content, fonts, Qt plugins, "
        "PDF), one line per check, then exit",
    )
    return parser


def _assess_command(argv: Sequence[str]) -> int:
    parser = _assess_parser()
    content = load_content(_language(parser, argv))
    try:
        args = parser.parse_args(argv)
        result = assess_from(args, content)
    except (_ArgumentError, InputError, RulesError) as exc:
        return _report(exc, content)
    if args.json:
        import json

        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        from gui.text_summary import summary_lines

        print("\n".join(summary_lines(result, content)))
    return 0


def _check_file_options(args: argparse.Namespace) -> None:
    """Refuse an empty or folder-shaped --out / --ics before anything is rendered."""
    for option, value in (("--out", args.out), ("--ics", args.ics)):
        if value is None:
            continue
        if not value.strip():
            raise InputError("out_empty", option=option)
        if value.endswith(("/", os.sep)):
            raise InputError("out_not_a_file", value=value)


def _checklist_command(argv: Sequence[str]) -> int:
    """Write the checklist PDF (and optionally the .ics reminder) without a window."""
    parser = _checklist_parser()
    content = load_content(_language(parser, argv))
    try:
        args = parser.parse_args(argv)
        _check_file_options(args)
        result = assess_from(args, content)
        if args.ics is not None and result.remind_on is None:
            raise InputError("no_reminder")  # say so before writing anything
    except (_ArgumentError, InputError, RulesError) as exc:
        return _report(exc, content)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window, no display needed
    from gui.export.files import (
        ExportError,
        check_files,
        write_checklist,
        write_checklist_and_reminder,
    )
    from gui.headless import gui_application

    out = Path(args.out)
    ics = None if args.ics is None else Path(args.ics)
    try:
        check_files([out] if ics is None else [out, ics], content)  # before any rendering
        with gui_application():
            if ics is None:
                write_checklist(out, result, content)
            else:
                write_checklist_and_reminder(out, ics, result, content)
    except ExportError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    return 0


def _flow_command(argv: Sequence[str]) -> int:
    """The page graph in Graphviz form: idguide flow --dot | dot -Tsvg."""
    try:
        _flow_parser().parse_args(argv)
    except _ArgumentError as exc:
        return _report(exc, load_content(DEFAULT_LOCALE))  # no --lang here
    from gui.flow import dot

    print(dot())
    return 0


def _kiosk_pin_command(argv: Sequence[str]) -> int:
    """Hash an administrator PIN for the kiosk config; the PIN is read, never echoed."""
    try:
        _kiosk_pin_parser().parse_args(argv)
    except _ArgumentError as exc:
        return _report(exc, load_content(DEFAULT_LOCALE))  # no --lang here
    from gui.kiosk.config import hash_pin

    pin = _read_secret("PIN: ")
    if not (pin.isascii() and pin.isdigit() and len(pin) >= 4):
        print("The PIN must be at least 4 digits.", file=sys.stderr)
        return 2
    print(f"pin_hash = {hash_pin(pin)}")
    return 0


def _card_reader_command(argv: Sequence[str]) -> int:
    """Read one card through the vendor's SDT library: its dates and the masked number."""
    parser = _card_reader_parser()
    content = load_content(_language(parser, argv))
    try:
        args = parser.parse_args(argv)
        if args.lang not in LOCALES:
            raise InputError("unknown_lang", value=args.lang)
    except (_ArgumentError, InputError) as exc:
        return _report(exc, content)
    from gui.cardreader_cli import run

    return run(args, content)


def _has_display() -> bool:
    """False on a Linux machine with no screen, where Qt would abort with a traceback."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _gui_command(argv: Sequence[str]) -> int:
    parser = _window_parser()
    content = load_content(_language(parser, argv))
    try:
        args = parser.parse_args(argv)
        if args.lang is not None and args.lang not in LOCALES:
            raise InputError("unknown_lang", value=args.lang)
        today = _today(args, content)
        if args.locality is not None and args.locality not in load_rules().localities:
            raise InputError("unknown_locality", value=args.locality)
    except (_ArgumentError, InputError, RulesError) as exc:
        return _report(exc, content)
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from gui.selftest import run as self_test

        return self_test()
    if not _has_display():
        print(content.text("messages.errors.no_display"), file=sys.stderr)
        return 2
    if args.kiosk and args.one_visitor and not os.environ.get("IDGUIDE_VISITOR_CHANNEL"):
        from gui.kiosk.visitors import serve  # no Qt in the supervisor

        launcher = (
            [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "gui"]
        )
        return serve([*launcher, *argv])
    if args.kiosk:
        from gui.kiosk.app import run_kiosk

        return run_kiosk(
            args.config,  # "" too: read_config says it names no file
            today if args.as_of else None,
            exit_after_show=args.exit_after_show,
            one_visitor=args.one_visitor,
        )
    from gui.app import run  # Qt is imported only for the window

    return run(
        today,
        args.lang,
        args.large_text,
        exit_after_show=args.exit_after_show,
        locality=args.locality,
    )


def main(argv: Sequence[str] | None = None) -> int:
    _printable_streams()
    args = list(sys.argv[1:] if argv is None else argv)
    commands = {
        "assess": _assess_command,
        "checklist": _checklist_command,
        "flow": _flow_command,
        "kiosk-pin": _kiosk_pin_command,
        "card-reader": _card_reader_command,
    }
    command = commands.get(args[0]) if args else None
    try:
        return command(args[1:]) if command else _gui_command(args)
    except _Exit as done:  # --help
        return done.status
    except BrokenPipeError:  # `idguide assess ... | head`: the reader left, say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
