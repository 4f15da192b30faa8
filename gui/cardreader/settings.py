"""The kiosk's [card_reader] section: library, port (a number or auto), poll interval."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from gui.cardreader.sdt import AUTO_PORTS, SERIAL_PORTS, USB_PORTS
from gui.shown import shown

SECTION = "card_reader"
KEYS = frozenset({f"{SECTION}/library", f"{SECTION}/port", f"{SECTION}/poll_ms"})
POLL_MS = (100, 5000)
DEFAULT_POLL_MS = 500


@dataclass(frozen=True)
class ReaderSettings:
    library: str
    ports: tuple[int, ...] = (1001,)
    poll_ms: int = DEFAULT_POLL_MS


def parse_port(raw: str) -> tuple[int, ...] | None:
    """ "auto" (1001–1016, then 1–16) or one port number; None when it is neither."""
    text = raw.strip().lower()
    if text == "auto":
        return AUTO_PORTS
    if text.isascii() and text.isdigit() and int(text) in USB_PORTS + SERIAL_PORTS:
        return (int(text),)
    return None


def _text(values: Mapping[str, object], key: str) -> str | None:
    value = values.get(f"{SECTION}/{key}")
    if isinstance(value, list | tuple):  # QSettings reads "a, b" as a list
        value = ", ".join(map(str, value))
    return None if value is None or str(value).strip() == "" else str(value).strip()


def parse(values: Mapping[str, object]) -> tuple[ReaderSettings | None, list[str]]:
    """The reader's settings (None: no reader configured) and the problems found."""
    problems: list[str] = []
    library = _text(values, "library")
    port_text, poll_text = _text(values, "port"), _text(values, "poll_ms")
    if library is None:
        if port_text or poll_text:
            problems.append(f"{SECTION}/library is empty: the card reader is not used")
        return None, problems
    ports: tuple[int, ...] = (1001,)
    if port_text is not None:
        parsed = parse_port(port_text)
        if parsed is None:
            problems.append(
                f"{SECTION}/port = {shown(port_text)}: expected 1001–1016, 1–16 or auto"
            )
        else:
            ports = parsed
    poll_ms = DEFAULT_POLL_MS
    if poll_text is not None:
        lo, hi = POLL_MS
        if poll_text.isascii() and poll_text.isdigit() and lo <= int(poll_text) <= hi:
            poll_ms = int(poll_text)
        else:
            problems.append(
                f"{SECTION}/poll_ms = {shown(poll_text)}: expected a whole number {lo}–{hi}"
            )
    return ReaderSettings(library, ports, poll_ms), problems
