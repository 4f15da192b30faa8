"""The wizard's pages and branches as data: no Qt, so every branch is testable.

A `Session` holds one person's answers in progress (`Draft`), the day they are
assessed for and the rules; pages read and write the draft, and every page after
the questions renders `Session.assessment()`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from gui.domain import Answers, Assessment, InputError, RulesPack, Situation, assess
from gui.domain.assess import NEW_CARD_CASES, Case
from gui.domain.card import DATES_OPTIONAL


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


@dataclass(frozen=True)
class Branch:
    """The answers that choose between pages: the only inputs of the navigation map."""

    situation: Situation | None = None
    case: Case | None = None  # None until the card's dates are answered

    @property
    def applies_for_card(self) -> bool:
        """This person applies for a new card (and so is asked where, and gets a
        checklist): the domain's NEW_CARD_CASES, the one definition."""
        return self.case in NEW_CARD_CASES


def every_branch() -> list[Branch]:
    """Every combination a person can reach, for the exhaustive flow tests and the graph."""
    return [Branch(s, c) for s in (None, *Situation) for c in (None, *Case)]


@dataclass(frozen=True)
class View:
    """One page of the navigation map, as Electrum's wizard `navmap` declares a view.

    `next` is the page that follows: fixed, chosen by the branch, or None on the last page.
    `asks` names the answers asked on this page (a summary 修改 link edits them there);
    `answered` says whether they are all given (a question page's Next waits for it).
    `labels` names a choice's targets in `idguide flow --dot`.
    """

    next: PageId | Callable[[Branch], PageId] | None
    asks: tuple[str, ...] = ()
    answered: Callable[[Session], bool] | None = None
    labels: Mapping[PageId, str] = field(default_factory=dict)

    def following(self, branch: Branch) -> PageId | None:
        return self.next(branch) if callable(self.next) else self.next


NAVMAP: dict[PageId, View] = {
    PageId.WELCOME: View(next=PageId.CARD),
    PageId.CARD: View(
        next=PageId.SITUATION,
        # 不记得 / 证件丢了: a lost or damaged card needs only the birth date
        asks=("birth", "dates_unknown", "start", "end", "long_term", "id_number"),
        answered=lambda session: session.card_answered(),
        labels={PageId.SITUATION: "dates, or 不记得 (lost / damaged only)"},
    ),
    PageId.SITUATION: View(
        # with the new card in hand only the records are left to update
        next=lambda b: PageId.ALIPAY if b.situation is Situation.RENEWED else PageId.STATUS,
        asks=("situation", "away_from_home", "travel_soon", "low_income"),
        answered=lambda session: session.situation_answered(),
        labels={PageId.ALIPAY: "renewed", PageId.STATUS: "other"},
    ),
    PageId.STATUS: View(next=PageId.IMPACT),
    PageId.IMPACT: View(next=PageId.ALIPAY),
    PageId.ALIPAY: View(
        # until the dates are answered the step list shows the longest route
        next=lambda b: PageId.CHECKLIST if b.case is None or b.applies_for_card else PageId.SUMMARY,
        labels={PageId.CHECKLIST: "new card", PageId.SUMMARY: "renewed / long-term"},
    ),
    PageId.CHECKLIST: View(next=PageId.SUMMARY),
    PageId.SUMMARY: View(next=None),
}
QUESTION_PAGES = tuple(page for page, view in NAVMAP.items() if view.answered)
# Which page asks each answer: the summary's Change links jump there.
ASKED_ON = {name: page for page, view in NAVMAP.items() for name in view.asks}
# Changing an answer clears the answers that were given in its light.
DEPENDENTS = {
    "dates_unknown": ("start", "end", "long_term"),
    "long_term": ("end",),
    "situation": ("away_from_home", "travel_soon", "low_income"),
}


@dataclass
class Draft:
    """Answers in progress; None means not answered yet."""

    birth: date | None = None
    dates_unknown: bool = False  # 不记得: the card is lost or damaged, its dates not known
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

    def situations(self) -> tuple[Situation, ...]:
        """What the situation question offers: only a lost or damaged card when the
        card's dates are not known (every other case is decided by them)."""
        if self.dates_unknown:
            return tuple(s for s in Situation if s in DATES_OPTIONAL)
        return tuple(Situation)

    def answers(self, locality: str | None = None) -> Answers:
        """The complete Answers; InputError("missing_value") while a question is open.

        Without the card's dates the situation is one of DATES_OPTIONAL; until it is
        answered the card is taken as lost (the route and fee of a 补领)."""
        if self.dates_unknown:
            if self.birth is None:
                raise InputError("missing_value", field="birth")
            chosen = self.situation
            return Answers(
                birth=self.birth,
                start=None,
                end=None,
                situation=chosen
                if chosen is not None and chosen in DATES_OPTIONAL
                else Situation.LOST,
                away_from_home=bool(self.away_from_home),
                low_income=self.low_income,
                travel_soon=self.travel_soon,
                id_number=self.id_number or None,
                locality=locality,
            )
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


def next_page(page: PageId, branch: Branch) -> PageId | None:
    """The page after `page` on this branch; None after the last page."""
    return NAVMAP[page].following(branch)


def route(branch: Branch) -> list[PageId]:
    """Every page this person will see, in order (the progress indicator's steps)."""
    pages = [PageId.WELCOME]
    while (following := next_page(pages[-1], branch)) is not None:
        pages.append(following)
    return pages


def edges() -> set[tuple[PageId, PageId, str]]:
    """All transitions with the choice that selects them (for `idguide flow --dot`)."""
    found: set[tuple[PageId, PageId, str]] = set()
    for branch in every_branch():
        for page, view in NAVMAP.items():
            target = view.following(branch)
            if target is not None:
                found.add((page, target, view.labels.get(target, "")))
    return found


def dot() -> str:
    lines = ["digraph flow {", "  rankdir=LR;", "  node [shape=box, style=rounded];"]
    for source, target, label in sorted(edges()):
        attr = f' [label="{label}"]' if label else ""
        lines.append(f"  {source} -> {target}{attr};")
    lines.append("}")
    return "\n".join(lines)


class Session:
    """One person's visit: the draft, "today", the rules, the cached Assessment and the
    journey through the pages."""

    def __init__(self, today: date, rules: RulesPack, locality: str | None = None) -> None:
        self.today = today
        self.rules = rules
        self.locality = locality  # a kiosk site's own rules, if it has any
        self.draft = Draft()
        self._assessed: tuple[tuple[object, ...], Assessment] | None = None
        self.journey = Journey(self)

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

    def branch(self) -> Branch:
        return Branch(self.draft.situation, self.case())

    def applies_for_card(self) -> bool:
        return self.branch().applies_for_card

    def card_answered(self) -> bool:
        """The card's answers are complete and consistent: they can be assessed."""
        try:
            self.assessment()
        except InputError:
            return False
        return True

    def situation_answered(self) -> bool:
        """What happened, and where to apply if a card is applied for."""
        if self.draft.situation not in self.draft.situations():
            return False  # not answered, or not one offered (dates not known: lost or damaged)
        return not self.applies_for_card() or self.draft.away_from_home is not None

    def answers_complete(self) -> bool:
        """Every question on this person's route is answered: the summary can be shown."""
        return all(
            answered(self)
            for page in self.route()
            if (answered := NAVMAP[page].answered) is not None
        )

    def next_page(self, page: PageId) -> PageId | None:
        return next_page(page, self.branch())

    def route(self) -> list[PageId]:
        return route(self.branch())


class Journey:
    """The pages seen so far and where a 修改 returns: the engine behind the Qt wizard,
    as Electrum's WizardEngine keeps the history of its views.

    The wizard reports each move (`entered` going forward, `left` going back) and asks
    the journey where Next goes, whether this is the last page and where a jump may go.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.history: list[PageId] = [PageId.WELCOME]
        self.returning = False  # a summary 修改 is in progress

    @property
    def current(self) -> PageId:
        return self.history[-1]

    def following(self) -> PageId | None:
        """The page Next goes to; None on the last page."""
        # back to the summary only once every question is answered again (a change may
        # have cleared an answer on a later question page, or made a new one necessary)
        if (
            self.returning
            and NAVMAP[self.current].answered is not None
            and self.session.answers_complete()
        ):
            return PageId.SUMMARY
        return self.session.next_page(self.current)

    def is_last(self) -> bool:
        return self.following() is None

    def previous(self) -> PageId | None:
        """The page Back goes to; None on the first page."""
        return self.history[-2] if len(self.history) > 1 else None

    def can_jump_to(self, page: PageId) -> bool:
        """The step list's jumps: pages already seen, and the summary once every question
        is answered."""
        if page is PageId.SUMMARY:
            return page in self.history or self.session.answers_complete()
        return page in self.history and page is not self.current

    def change(self, page: PageId) -> None:
        """A summary 修改 link: the wizard goes back to `page`; Next then returns here."""
        if page not in self.history:
            raise ValueError(f"{page} has not been shown")
        self.returning = True

    def entered(self, page: PageId) -> None:
        if page is not self.current:  # the first page, re-entered after a restart
            self.history.append(page)
        if page is PageId.SUMMARY:
            self.returning = False

    def left(self, page: PageId) -> None:
        if page is self.current and len(self.history) > 1:
            self.history.pop()

    # the same moves, for driving the journey without a window
    def forward(self) -> PageId:
        following = self.following()
        if following is None:
            raise ValueError("no page after the last")
        self.entered(following)
        return following

    def back(self) -> PageId:
        self.left(self.current)
        return self.current
