"""Any value a message repeats, made safe to print: one line, no control characters, short.

A value from the command line, a config file or a file name may hold a newline (which
splits a one-line message), an escape sequence (`\\x1b[2J` clears the terminal) or 50,000
characters; each is shown escaped or shortened instead.
"""

from __future__ import annotations

import unicodedata

SHOWN_LENGTH = 160  # a longer value is shortened in the middle so a message stays readable


def _shown_char(ch: str) -> str:
    if "\udc80" <= ch <= "\udcff":  # a byte that was not UTF-8 (surrogateescape): \xff
        return f"\\x{ord(ch) - 0xDC00:02x}"
    if unicodedata.category(ch).startswith(("C", "Zl", "Zp")):  # control, format, line breaks
        return ch.encode("unicode_escape").decode("ascii")
    return ch


def shown(value: object, limit: int = SHOWN_LENGTH) -> str:
    """`value` on one printable line of at most about `limit` characters."""
    text = str(value)
    if len(text) > 4 * limit:  # escaping a 50,000-character value only to cut it is waste
        text = f"{text[: 2 * limit]}{text[-2 * limit :]}"
    text = "".join(_shown_char(ch) for ch in text)
    if len(text) > limit:
        half = limit // 2
        text = f"{text[:half]}…{text[-half:]}"
    return text
