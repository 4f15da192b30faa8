"""`idguide card-reader`: read one card, for an administrator checking an installation.

It prints only what the app would use (the dates and the masked number). Every failure is
one line on stderr and exit status 2; the port is closed in every case.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from gui.cardreader import ReaderError
from gui.cardreader.sdt import DEFAULT_LIBRARY, SdtLibrary, read_one
from gui.cardreader.settings import parse_port
from gui.content import DEFAULT_LOCALE, Content
from gui.languages import LANG_HELP
from gui.shown import shown

DESCRIPTION = (
    "Read one resident ID card with the vendor's SDT library and print what the app "
    "would keep: birth date, validity dates (or long-term) and the masked number."
)
TIMEOUT_S = (1.0, 600.0)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        default=DEFAULT_LIBRARY,
        metavar="PATH",
        help=f"the vendor's SDT library (default {DEFAULT_LIBRARY} on the loader's path)",
    )
    parser.add_argument(
        "--port",
        default="1001",
        metavar="N|auto",
        help="1001-1016 (USB), 1-16 (serial), or auto to try each (default 1001)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--timeout", default="10", metavar="S", help="seconds to wait for a card (default 10)"
    )
    parser.add_argument("--lang", default=DEFAULT_LOCALE, help=LANG_HELP)


def error_line(error: ReaderError, content: Content) -> str:
    return content.text(f"card_reader.errors.{error.code}", **error.params)


def _timeout(raw: str) -> float:
    try:
        seconds = float(raw)  # "nan" and "inf" fail the range check below
    except ValueError:
        raise ReaderError("bad_timeout", value=shown(raw, 40)) from None
    if not TIMEOUT_S[0] <= seconds <= TIMEOUT_S[1]:
        raise ReaderError("bad_timeout", value=shown(raw, 40))
    return seconds


def run(args: argparse.Namespace, content: Content) -> int:
    try:
        ports = parse_port(args.port)
        if ports is None:
            raise ReaderError("bad_port", value=shown(args.port, 40))
        timeout = _timeout(args.timeout)
        card = read_one(SdtLibrary(args.library), ports, timeout, time.sleep, time.monotonic)
    except ReaderError as error:
        print(error_line(error, content), file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(card.to_json(), ensure_ascii=False))
        return 0
    label = content.get("card_reader.labels")
    end = label["long_term"] if card.end is None else card.end.isoformat()
    for key, value in (
        ("birth", card.birth.isoformat()),
        ("start", card.start.isoformat()),
        ("end", end),
        ("id_number_masked", card.id_number_masked),
    ):
        print(f"{label[key]}: {value}")
    return 0
