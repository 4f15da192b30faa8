"""The flow as data, smart-answers style: per-node transitions, reachability, no dead ends."""

from datetime import date

import pytest

from gui.domain import Situation
from gui.domain.assess import Case
from gui.flow import PAGES, Draft, PageId, Session, edges, next_page, route

ALL = [(s, c) for s in Situation for c in Case]


@pytest.mark.parametrize(
    ("page", "situation", "case", "expected"),
    [
        (PageId.WELCOME, None, None, PageId.CARD),
        (PageId.CARD, None, None, PageId.SITUATION),
        (PageId.SITUATION, Situation.EXPIRY, Case.EXPIRY, PageId.STATUS),
        (PageId.SITUATION, Situation.LOST, Case.LOST, PageId.STATUS),
        (PageId.SITUATION, Situation.RENEWED, Case.RENEWED, PageId.ALIPAY),  # 3 -> 6
        (PageId.STATUS, Situation.EXPIRY, Case.EXPIRY, PageId.IMPACT),
        (PageId.IMPACT, Situation.EXPIRY, Case.EXPIRY, PageId.ALIPAY),
        (PageId.ALIPAY, Situation.EXPIRY, Case.EXPIRY, PageId.CHECKLIST),
        (PageId.ALIPAY, Situation.RENEWED, Case.RENEWED, PageId.SUMMARY),  # 6 -> 8
        (PageId.ALIPAY, Situation.EXPIRY, Case.NONE, PageId.SUMMARY),  # long-term: no checklist
        (PageId.ALIPAY, Situation.LOST, Case.LOST, PageId.CHECKLIST),
        (PageId.CHECKLIST, Situation.DAMAGED, Case.DAMAGED, PageId.SUMMARY),
        (PageId.SUMMARY, Situation.EXPIRY, Case.EXPIRY, None),
    ],
)
def test_each_answer_leads_to_the_right_page(page, situation, case, expected):
    assert next_page(page, situation, case) is expected


def test_every_page_is_reachable():
    reached = {target for _, target, _ in edges()} | {PageId.WELCOME}
    assert reached == set(PAGES)


@pytest.mark.parametrize(("situation", "case"), ALL)
def test_no_dead_end(situation, case):
    pages = route(situation, case)
    assert pages[0] is PageId.WELCOME and pages[-1] is PageId.SUMMARY
    assert len(pages) == len(set(pages))  # no loop


def test_routes_by_branch():
    assert route(Situation.RENEWED, Case.RENEWED) == [
        PageId.WELCOME,
        PageId.CARD,
        PageId.SITUATION,
        PageId.ALIPAY,
        PageId.SUMMARY,
    ]
    assert PageId.CHECKLIST not in route(Situation.EXPIRY, Case.NONE)
    assert PageId.ALIPAY in route(Situation.EXPIRY, Case.NONE)  # the record may be old
    assert route(Situation.EXPIRY, Case.EXPIRY) == list(PAGES)


def test_changing_an_answer_clears_its_dependents():
    draft = Draft(situation=Situation.LOST, away_from_home=True, travel_soon=True, low_income=True)
    assert draft.set("situation", Situation.EXPIRY) == (
        "away_from_home",
        "travel_soon",
        "low_income",
    )
    assert (draft.away_from_home, draft.travel_soon, draft.low_income) == (None, False, False)
    assert not draft.situation_answered()


def test_first_answer_and_unchanged_answers_clear_nothing():
    draft = Draft(away_from_home=True)
    assert draft.set("situation", Situation.LOST) == ()  # first answer, not a change
    assert draft.set("situation", Situation.LOST) == ()
    assert draft.away_from_home is True


def test_long_term_clears_the_end_date():
    draft = Draft(end=date(2026, 5, 1))
    draft.set("long_term", True)
    assert draft.end is None


def test_session_follows_the_assessment(rules):
    session = Session(date(2026, 11, 29), rules)
    assert session.case() is None  # nothing answered yet
    session.draft.birth, session.draft.start = date(1950, 1, 1), date(2005, 1, 1)
    session.draft.long_term = True
    session.draft.situation = Situation.EXPIRY
    assert session.case() is Case.NONE
    assert PageId.CHECKLIST not in session.route()


def test_draft_repr_hides_answers():
    assert "1980" not in repr(Draft(birth=date(1980, 5, 1), id_number="11010519491231002X"))


def test_a_long_term_card_only_being_checked_is_not_asked_where_to_apply():
    from gui.domain import Situation
    from gui.flow import Draft

    draft = Draft(long_term=True)
    draft.set("situation", Situation.EXPIRY)
    assert not draft.applies_for_card() and draft.situation_answered()
    draft.set("situation", Situation.LOST)  # a lost 长期 card is applied for
    assert draft.applies_for_card() and not draft.situation_answered()
    draft.set("away_from_home", True)
    assert draft.situation_answered()
    short = Draft(long_term=False, situation=Situation.EXPIRY)
    assert short.applies_for_card() and not short.situation_answered()
