"""Assessments for the export tests: one per case, on the fixed test day."""

from datetime import date

from gui.domain import Answers, Situation, assess, load_rules

TODAY = date(2026, 11, 29)


def _valid_id() -> str:
    from gui.domain.idnumber import check_char

    first17 = "11010519800501002"
    return first17 + check_char(first17)


CANARY_ID = _valid_id()  # born 1980-05-01, matches the birth date below

CASES = {
    # name: (birth, start, end, situation, away, low_income[, travel_soon])
    "expiry": ("1980-05-01", "2006-05-01", "2026-05-01", Situation.EXPIRY, False, False),
    "expiry-away-low-income": (
        "1980-05-01",
        "2006-05-01",
        "2026-05-01",
        Situation.EXPIRY,
        True,
        True,
    ),
    "under16": ("2012-03-01", "2021-10-01", "2026-10-01", Situation.EXPIRY, False, False),
    "damaged": ("1980-05-01", "2006-05-01", "2026-05-01", Situation.DAMAGED, False, False),
    "lost-away": ("1980-05-01", "2006-05-01", "2026-05-01", Situation.LOST, True, False),
    "lost-dates-unknown": ("1980-05-01", None, None, Situation.LOST, False, False),
    "renamed": ("1980-05-01", "2006-05-01", "2026-05-01", Situation.RENAMED, False, False),
    "renewed": ("1980-05-01", "2026-06-01", None, Situation.RENEWED, False, False),
    "valid": ("1990-01-01", "2020-01-01", "2040-01-01", Situation.EXPIRY, False, False),
    "long-term": ("1950-01-01", "2005-01-01", None, Situation.EXPIRY, False, False),
    # issue 19: a first-generation card, renewing away, a lost 长期 card, 低保 and 补领,
    # a child travelling, a 46th birthday before the card ends
    "first-generation": ("1940-05-01", "1995-06-01", None, Situation.EXPIRY, False, False),
    "expiry-away": ("1980-05-01", "2006-05-01", "2026-05-01", Situation.EXPIRY, True, False),
    "lost-long-term": ("1950-01-01", "2005-01-01", None, Situation.LOST, False, False),
    "lost-low-income": ("1980-05-01", "2016-05-01", "2036-05-01", Situation.LOST, False, True),
    "under16-travel": (
        "2012-03-01",
        "2021-10-01",
        "2026-10-01",
        Situation.EXPIRY,
        False,
        False,
        True,
    ),
    "near-46": ("1981-01-15", "2007-01-20", "2027-01-20", Situation.EXPIRY, False, False),
    "lost-away-travel": (
        "1980-05-01",
        "2016-05-01",
        "2036-05-01",
        Situation.LOST,
        True,
        False,
        True,
    ),
}


def assessment(name: str, id_number: str | None = None):
    birth, start, end, situation, away, low, *travel = CASES[name]
    if id_number and birth != "1980-05-01":
        id_number = None
    answers = Answers(
        date.fromisoformat(birth),
        date.fromisoformat(start) if start else None,
        date.fromisoformat(end) if end else None,
        situation,
        away,
        low,
        travel_soon=bool(travel and travel[0]),
        id_number=id_number,
    )
    return assess(answers, TODAY, load_rules())
