"""The kiosk's [card_reader] section: library, port (a number or auto), poll interval."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gui.cardreader.sdt import AUTO_PORTS
from gui.shown import shown

SECTION = "card_reader"
KEYS = frozenset({f"{SECTION}/library", f"{SECTION}/port", f"{SECTION}/poll_ms"})
POLL_MS = (100, 5000)
DEFAULT_POLL_MS = 500
SHOWN_VALUE = 60  # a value repeated in a problem line


@dataclass(frozen=True)
class ReaderSettings:
    library: str
    ports: tuple[int, ...] = (1001,)
    poll_ms: int = DEFAULT_POLL_MS


def parse_port(raw: str) -> tuple[int, ...] | None:
    """The ports to try: all for "auto" (1001–1016, then 1–16), or one; None for neither."""
    text = raw.strip().lower()
    if text == "auto":
        return AUTO_PORTS
    if text.isascii() and text.isdigit() and len(text) <= 4 and int(text) in AUTO_PORTS:
        return (int(text),)
    return None


def parse(text: Callable[[str], str | None]) -> tuple[ReaderSettings | None, list[str]]:
    """The reader's settings (None: no reader configured) and the problems found.

    `text("section/key")` gives a value, stripped and length-checked, or None."""
    problems: list[str] = []
    library = text(f"{SECTION}/library")
    port_text, poll_text = text(f"{SECTION}/port"), text(f"{SECTION}/poll_ms")
    if library is None:
        if port_text or poll_text:
            problems.append(f"{SECTION}/library is empty: the card reader is not used")
        return None, problems
    ports: tuple[int, ...] = (1001,)
    if port_text is not None:
        parsed = parse_port(port_text)
        if parsed is None:
            problems.append(
                f"{SECTION}/port = {shown(port_text, SHOWN_VALUE)}: "
                "expected 1001–1016, 1–16 or auto"
            )
        else:
            ports = parsed
    poll_ms = DEFAULT_POLL_MS
    if poll_text is not None:
        lo, hi = POLL_MS
        digits = poll_text.isascii() and poll_text.isdigit() and len(poll_text) <= 5
        if digits and lo <= int(poll_text) <= hi:
            poll_ms = int(poll_text)
        else:
            problems.append(
                f"{SECTION}/poll_ms = {shown(poll_text, SHOWN_VALUE)}: "
                f"expected a whole number {lo}–{hi}"
            )
    return ReaderSettings(library, ports, poll_ms), problems
