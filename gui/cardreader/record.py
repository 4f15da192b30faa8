"""The 256-byte text record of a resident ID card (二代证), read field by field.

The record is UCS-2 little-endian with fixed-width fields, in characters: name 15, sex 1,
ethnicity 2, birth date 8 (YYYYMMDD), address 35, ID number 18, issuing authority 15,
valid from 8, valid to 8 (YYYYMMDD or 长期), 18 reserved. Only the four fields the app
uses are ever decoded: the name and address never become Python strings, so wiping the
buffer wipes them.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from datetime import date

from gui.cardreader.errors import ReaderError
from gui.domain import InputError, idnumber

TEXT_BYTES = 256
PHOTO_BYTES = 1024
# (first character, width in characters)
BIRTH, ID_NUMBER, VALID_FROM, VALID_TO = (18, 8), (61, 18), (94, 8), (102, 8)
# Other cards read by the same readers carry their type at character 124, where a
# resident card has reserved space: 外国人永久居留身份证 'I' (2017) and 'Y' (2023),
# 港澳台居民居住证 'J'. Their layouts differ: declined, not guessed at.
CARD_TYPE = (124, 1)
OTHER_CARDS = frozenset({"I", "J", "Y"})
LONG_TERM = "长期"

Buffer = ctypes.Array[ctypes.c_char]


@dataclass(frozen=True, repr=False)
class CardDates:
    """What the app keeps of a card: its dates and the number's masked form."""

    birth: date
    start: date
    end: date | None  # None: 长期
    id_number_masked: str

    @property
    def long_term(self) -> bool:
        return self.end is None

    def to_json(self) -> dict[str, object]:
        return {
            "birth": self.birth.isoformat(),
            "start": self.start.isoformat(),
            "end": None if self.end is None else self.end.isoformat(),
            "long_term": self.long_term,
            "id_number_masked": self.id_number_masked,
        }

    def __repr__(self) -> str:  # dates are personal: keep them out of tracebacks and logs
        return "CardDates(…)"


def _field(text: Buffer, where: tuple[int, int]) -> str:
    """One field, decoded from the buffer in place (no copy of the whole record)."""
    first, width = where
    raw = ctypes.string_at(ctypes.addressof(text) + 2 * first, 2 * width)
    try:
        return raw.decode("utf-16-le").rstrip(" \x00")
    except UnicodeDecodeError:
        raise ReaderError("bad_record") from None


def _date(digits: str) -> date:
    if len(digits) != 8 or not (digits.isascii() and digits.isdigit()):
        raise ReaderError("bad_record")
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise ReaderError("bad_date") from None


def parse(text: Buffer, length: int) -> CardDates:
    """The dates of a resident card's record; ReaderError for anything else."""
    if length != TEXT_BYTES or len(text) < TEXT_BYTES:
        raise ReaderError("bad_record")
    if _field(text, CARD_TYPE) in OTHER_CARDS:
        raise ReaderError("other_card")
    birth, start = _date(_field(text, BIRTH)), _date(_field(text, VALID_FROM))
    valid_to = _field(text, VALID_TO)
    end = None if valid_to == LONG_TERM else _date(valid_to)
    if start < birth or (end is not None and end <= start):
        raise ReaderError("bad_date")
    try:
        number = idnumber.parse(_field(text, ID_NUMBER))
    except InputError:
        raise ReaderError("bad_record") from None
    # a second-generation card carries the 18-digit number, whose birth date is the card's
    if number.converted_from_15 or number.birth != birth:
        raise ReaderError("bad_record")
    return CardDates(birth, start, end, idnumber.mask(number.digits))


def wipe(*buffers: Buffer) -> None:
    """Overwrite the buffers in place: the name, address and photo go with them."""
    for buffer in buffers:
        ctypes.memset(buffer, 0, len(buffer))
