"""The optional 18-digit (or legacy 15-digit) resident ID number, GB 11643-1999.

The number is only used to fill and cross-check the birth date. It is never stored,
logged or printed; `mask()` is the only form that may reach a screen.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from gui.domain.errors import InputError

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
# re's \d would accept Arabic-Indic and other digits: spell the ASCII ranges out.
_FULL = re.compile(r"[0-9]{17}[0-9X]")
_LEGACY = re.compile(r"[0-9]{15}")


@dataclass(frozen=True, repr=False)
class IdNumber:
    """A checked 18-character number and the birth date it encodes."""

    digits: str
    birth: date
    converted_from_15: bool

    def __repr__(self) -> str:  # keep the number out of tracebacks and logs
        return f"IdNumber({mask(self.digits)})"


def normalise(raw: str) -> str:
    """NFKC (full-width digits and Ｘ become ASCII), upper-case, no spaces of any kind."""
    text = unicodedata.normalize("NFKC", raw).upper()
    return "".join(ch for ch in text if not ch.isspace())


def check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character for 17 ASCII digits."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def _birth_from(digits8: str) -> date:
    try:
        return date(int(digits8[:4]), int(digits8[4:6]), int(digits8[6:8]))
    except ValueError:
        raise InputError("id_bad_birth_date") from None


def parse(raw: str) -> IdNumber:
    """Validate a typed number; raise InputError naming what is wrong."""
    text = normalise(raw)
    if _LEGACY.fullmatch(text):
        first17 = text[:6] + "19" + text[6:]
        birth = _birth_from(first17[6:14])
        return IdNumber(first17 + check_char(first17), birth, converted_from_15=True)
    if len(text) != 18:
        raise InputError("id_length", length=str(len(text)))
    if not _FULL.fullmatch(text):
        raise InputError("id_characters")
    birth = _birth_from(text[6:14])
    if birth.year < 1900:
        raise InputError("id_bad_birth_date")
    if check_char(text[:17]) != text[17]:
        raise InputError("id_checksum")
    return IdNumber(text, birth, converted_from_15=False)


def parse_on(raw: str, today: date) -> IdNumber:
    """parse(), refusing a number whose birth date is after `today`."""
    number = parse(raw)
    if number.birth > today:
        raise InputError("id_bad_birth_date")
    return number


def mask(number: str) -> str:
    """First four and last four characters, the rest as asterisks: 1101**********002X."""
    text = normalise(number)
    if len(text) <= 8:
        return "*" * len(text)
    return text[:4] + "*" * (len(text) - 8) + text[-4:]
