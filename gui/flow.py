"""The wizard's pages and branches as data: no Qt, so every branch is testable.

A `Session` holds one person's answers in progress (`Draft`), the day they are
assessed for and the rules; pages read and write the draft, and every page after
the questions renders `Session.assessment()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from gui.domain import Answers, Assessment, InputError, RulesPack, Situation, assess
from gui.domain.assess import Case


class PageId(StrEnum):
    WELCOME = "welcome"
    CARD = "card"
    SITUATION = "situation"
    STATUS = "status"
    IMPACT = "impact"
    ALIPAY = "alipay"
    CHECKLIST = "checklist"
    SUMMARY = "summary"


PAGES = tuple(PageId)
QUESTION_PAGES = (PageId.CARD, PageId.SITUATION)
# Which page asks each answer: the summary's Change links jump there.
ASKED_ON = {
    "birth": PageId.CARD,
    "start": PageId.CARD,
    "end": PageId.CARD,
    "long_term": PageId.CARD,
    "id_number": PageId.CARD,
    "situation": PageId.SITUATION,
    "away_from_home": PageId.SITUATION,
    "travel_soon": PageId.SITUATION,
    "low_income": PageId.SITUATION,
}
# Changing an answer clears the answers that were given in its light.
DEPENDENTS = {
    "long_term": ("end",),
    "situation": ("away_from_home", "travel_soon", "low_income"),
}


@dataclass
class Draft:
    """Answers in progress; None means not answered yet."""

    birth: date | None = None
    start: date | None = None
    end: date | None = None
    long_term: bool = False
    id_number: str = ""
    situation: Situation | None = None
    away_from_home: bool | None = None
    travel_soon: bool = False
    low_income: bool = False

    def __repr__(self) -> str:  # personal data: keep it out of logs and tracebacks
        return "Draft(…)"

    def set(self, name: str, value: object) -> tuple[str, ...]:
        """Set one answer; returns the dependent answers it cleared."""
        old = getattr(self, name)
        if old == value:
            return ()
        setattr(self, name, value)
        cleared = DEPENDENTS.get(name, ()) if old is not None else ()
        defaults = Draft()
        for dependent in cleared:
            setattr(self, dependent, getattr(defaults, dependent))
        return cleared

    def answers(self, locality: str | None = None) -> Answers:
        """The complete Answers; InputError("missing_value") while a question is open."""
        if self.birth is None or self.start is None:
            raise InputError("missing_value", field="birth" if self.birth is None else "start")
        if self.end is None and not self.long_term:
            raise InputError("end_missing")
        return Answers(
            birth=self.birth,
            start=self.start,
            end=None if self.long_term else self.end,
            situation=self.situation or Situation.EXPIRY,
            away_from_home=bool(self.away_from_home),
            low_income=self.low_income,
            travel_soon=self.travel_soon,
            id_number=self.id_number or None,
            locality=locality,
        )

    def applies_for_card(self) -> bool:
        """Whether these answers lead to an application (and so to the place question):
        not with the new card in hand, nor for a 长期 card that is only being checked."""
        if self.situation is Situation.RENEWED:
            return False
        return not (self.long_term and self.situation in (None, Situation.EXPIRY))

    def situation_answered(self) -> bool:
        if self.situation is None:
            return False
        return not self.applies_for_card() or self.away_from_home is not None


def next_page(page: PageId, situation: Situation | None, case: Case | None) -> PageId | None:
    """The page after `page` for these answers; None after the last page."""
    if page is PageId.WELCOME:
        return PageId.CARD
    if page is PageId.CARD:
        return PageId.SITUATION
    if page is PageId.SITUATION:
        return PageId.ALIPAY if situation is Situation.RENEWED else PageId.STATUS
    if page is PageId.STATUS:
        return PageId.IMPACT
    if page is PageId.IMPACT:
        return PageId.ALIPAY
    if page is PageId.ALIPAY:
        return PageId.SUMMARY if case in (Case.RENEWED, Case.NONE) else PageId.CHECKLIST
    if page is PageId.CHECKLIST:
        return PageId.SUMMARY
    return None


def route(situation: Situation | None, case: Case | None) -> list[PageId]:
    """Every page this person will see, in order (the progress indicator's steps)."""
    pages = [PageId.WELCOME]
    while (following := next_page(pages[-1], situation, case)) is not None:
        pages.append(following)
    return pages


def edges() -> set[tuple[PageId, PageId, str]]:
    """All transitions with the condition that selects them (for `idguide flow --dot`)."""
    found: set[tuple[PageId, PageId, str]] = set()
    for situation in Situation:
        for case in Case:
            for page in PAGES:
                target = next_page(page, situation, case)
                if target is None:
                    continue
                label = ""
                if page is PageId.SITUATION:
                    label = "renewed" if situation is Situation.RENEWED else "other"
                elif page is PageId.ALIPAY:
                    label = "renewed / long-term" if target is PageId.SUMMARY else "new card"
                found.add((page, target, label))
    return found


def dot() -> str:
    lines = ["digraph flow {", "  rankdir=LR;", "  node [shape=box, style=rounded];"]
    for source, target, label in sorted(edges()):
        attr = f' [label="{label}"]' if label else ""
        lines.append(f"  {source} -> {target}{attr};")
    lines.append("}")
    return "\n".join(lines)


class Session:
    """One person's visit: the draft, "today", the rules and the cached Assessment."""

    def __init__(self, today: date, rules: RulesPack, locality: str | None = None) -> None:
        self.today = today
        self.rules = rules
        self.locality = locality  # a kiosk site's own rules, if it has any
        self.draft = Draft()
        self._assessed: tuple[tuple[object, ...], Assessment] | None = None

    def fresh(self, today: date | None = None) -> Session:
        """A new, empty session with the same rules: the next person's."""
        return Session(today or self.today, self.rules, self.locality)

    def assessment(self) -> Assessment:
        """Assess the current answers; raises InputError while they are incomplete or wrong.

        Every page asks for it: the result is kept until an answer changes.
        """
        key = tuple(vars(self.draft).values())
        if self._assessed is None or self._assessed[0] != key:
            self._assessed = (
                key,
                assess(self.draft.answers(self.locality), self.today, self.rules),
            )
        return self._assessed[1]

    def case(self) -> Case | None:
        try:
            return self.assessment().case
        except InputError:
            return None

    def next_page(self, page: PageId) -> PageId | None:
        return next_page(page, self.draft.situation, self.case())

    def route(self) -> list[PageId]:
        return route(self.draft.situation, self.case())
