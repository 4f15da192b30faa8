"""The card as the person describes it, and the checks that make input impossible."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from gui.domain.errors import InputError

EARLIEST_BIRTH = date(1900, 1, 1)


class Situation(StrEnum):
    """What brought the person here."""

    EXPIRY = "expiry"  # the card has expired or soon will
    RENEWED = "renewed"  # the new card is in hand, Alipay still shows the old one
    LOST = "lost"
    DAMAGED = "damaged"
    RENAMED = "renamed"


# A card that is gone or unreadable is applied for now whatever it printed: its dates
# may be left out (start and end both None) and nothing is then claimed about them.
DATES_OPTIONAL = frozenset({Situation.LOST, Situation.DAMAGED})


@dataclass(frozen=True, repr=False)
class Answers:
    """Everything the wizard asks. `end` is None for a 长期 (long-term) card.

    `start` is None when the printed dates are not known (only in DATES_OPTIONAL
    situations); `end` is then None too and means "not known", not 长期.
    """

    birth: date
    start: date | None
    end: date | None
    situation: Situation = Situation.EXPIRY
    away_from_home: bool = False
    low_income: bool = False
    travel_soon: bool = False
    id_number: str | None = None
    locality: str | None = None

    def __repr__(self) -> str:  # answers are personal data: never print them whole
        return f"Answers(situation={self.situation.value})"

    @property
    def dates_known(self) -> bool:
        return self.start is not None


def check_dates(answers: Answers, today: date) -> None:
    """Raise InputError for dates no real card can carry."""
    birth, start, end = answers.birth, answers.start, answers.end
    if birth < EARLIEST_BIRTH:
        raise InputError("birth_before_1900")
    if birth > today:
        raise InputError("birth_in_future")
    if start is None:
        if end is not None:
            raise InputError("dates_partial")  # an end date needs its start date
        if answers.situation not in DATES_OPTIONAL:
            raise InputError("dates_needed")
        return
    if start < birth:
        raise InputError("start_before_birth")
    if start > today:
        raise InputError("start_in_future")
    if end is not None and end <= start:
        raise InputError("end_not_after_start")
