"""The flow as data, smart-answers style: per-node transitions, reachability, no dead ends,
and the journey (Next, last page, Back, 修改) for every situation and case, with no window."""

from datetime import date

import pytest

from gui.domain import Situation
from gui.domain.assess import Case
from gui.flow import (
    ASKED_ON,
    NAVMAP,
    PAGES,
    QUESTION_PAGES,
    Branch,
    Draft,
    PageId,
    Session,
    dot,
    edges,
    every_branch,
    next_page,
    route,
)

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
    assert next_page(page, Branch(situation, case)) is expected


def test_every_page_is_reachable():
    reached = {target for _, target, _ in edges()} | {PageId.WELCOME}
    assert reached == set(PAGES)


@pytest.mark.parametrize(("situation", "case"), ALL)
def test_no_dead_end(situation, case):
    pages = route(Branch(situation, case))
    assert pages[0] is PageId.WELCOME and pages[-1] is PageId.SUMMARY
    assert len(pages) == len(set(pages))  # no loop


def test_routes_by_branch():
    assert route(Branch(Situation.RENEWED, Case.RENEWED)) == [
        PageId.WELCOME,
        PageId.CARD,
        PageId.SITUATION,
        PageId.ALIPAY,
        PageId.SUMMARY,
    ]
    assert PageId.CHECKLIST not in route(Branch(Situation.EXPIRY, Case.NONE))
    assert PageId.ALIPAY in route(Branch(Situation.EXPIRY, Case.NONE))  # the record may be old
    assert route(Branch(Situation.EXPIRY, Case.EXPIRY)) == list(PAGES)


def test_changing_an_answer_clears_its_dependents():
    draft = Draft(situation=Situation.LOST, away_from_home=True, travel_soon=True, low_income=True)
    assert draft.set("situation", Situation.EXPIRY) == (
        "away_from_home",
        "travel_soon",
        "low_income",
    )
    assert (draft.away_from_home, draft.travel_soon, draft.low_income) == (None, False, False)


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


def test_a_long_term_card_only_being_checked_is_not_asked_where_to_apply(rules):
    session = Session(TODAY, rules)
    answer_card(session, LONG_TERM)
    session.draft.set("situation", Situation.EXPIRY)
    assert not session.applies_for_card() and session.situation_answered()
    session.draft.set("situation", Situation.LOST)  # a lost 长期 card is applied for
    assert session.applies_for_card() and not session.situation_answered()
    session.draft.set("away_from_home", True)
    assert session.situation_answered()
    short = Session(TODAY, rules)
    answer_card(short, ADULT)
    short.draft.set("situation", Situation.EXPIRY)
    assert short.applies_for_card() and not short.situation_answered()


def test_applying_for_a_card_is_the_domains_one_definition():
    from gui.domain.assess import NEW_CARD_CASES

    for branch in every_branch():
        assert branch.applies_for_card is (branch.case in NEW_CARD_CASES)
        # the checklist comes exactly when a card is applied for (or before the case is known)
        to_checklist = next_page(PageId.ALIPAY, branch) is PageId.CHECKLIST
        assert to_checklist is (branch.case is None or branch.applies_for_card)


def test_only_the_summary_is_last_on_every_branch():
    for branch in every_branch():
        for page in PAGES:
            assert (next_page(page, branch) is None) is (page is PageId.SUMMARY), (page, branch)


def test_every_answer_is_asked_on_exactly_one_question_page():
    from dataclasses import fields

    asked = [name for view in NAVMAP.values() for name in view.asks]
    assert sorted(asked) == sorted(f.name for f in fields(Draft))
    assert set(QUESTION_PAGES) == {PageId.CARD, PageId.SITUATION}


# --- the journey, with real answers for every situation and every case -----------------

TODAY = date(2026, 11, 29)
ADULT = (date(1980, 5, 1), date(2006, 5, 1), date(2026, 5, 1))  # expired in May
LONG_TERM = (date(1950, 1, 1), date(2005, 1, 1), None)  # 长期
MINOR = (date(2012, 3, 1), date(2022, 3, 1), date(2027, 3, 1))  # 14 years old
FIRST_GENERATION = (date(1940, 5, 1), date(1995, 6, 1), None)  # 长期 on paper, void since 2013
NO_DATES = (date(1980, 5, 1), None, None)  # 不记得: the card is gone, only the birth date

W, C, S, ST, I, A, CL, SU = PAGES  # noqa: E741
EVERYTHING = [W, C, S, ST, I, A, CL, SU]
RECORDS_ONLY = [W, C, S, A, SU]  # the new card is in hand
NO_CARD_NEEDED = [W, C, S, ST, I, A, SU]  # 长期 card only being checked

JOURNEYS = [
    # situation, card, the case it assesses to, the pages in order
    (Situation.EXPIRY, ADULT, Case.EXPIRY, EVERYTHING),
    (Situation.EXPIRY, MINOR, Case.UNDER16, EVERYTHING),
    (Situation.EXPIRY, LONG_TERM, Case.NONE, NO_CARD_NEEDED),
    (Situation.EXPIRY, FIRST_GENERATION, Case.FIRST_GENERATION, EVERYTHING),
    *[
        (situation, card, Case(situation.value), EVERYTHING)
        for situation in (Situation.LOST, Situation.DAMAGED, Situation.RENAMED)
        for card in (ADULT, MINOR, LONG_TERM)
    ],
    *[(Situation.RENEWED, card, Case.RENEWED, RECORDS_ONLY) for card in (ADULT, MINOR, LONG_TERM)],
    (Situation.LOST, NO_DATES, Case.LOST, EVERYTHING),
    (Situation.DAMAGED, NO_DATES, Case.DAMAGED, EVERYTHING),
]


def answer_card(session, card):
    birth, start, end = card
    session.draft.set("birth", birth)
    if card is NO_DATES:
        session.draft.set("dates_unknown", True)
        return
    session.draft.set("start", start)
    session.draft.set("long_term", end is None)
    session.draft.set("end", end)


def answer_everything(session, situation, card):
    answer_card(session, card)
    session.draft.set("situation", situation)
    if session.applies_for_card():
        session.draft.set("away_from_home", False)


def walk_to_summary(session):
    journey = session.journey
    while journey.current is not PageId.SUMMARY:
        journey.forward()
    return journey


def test_every_case_is_covered():
    assert {case for _, _, case, _ in JOURNEYS} == set(Case)
    assert {situation for situation, _, _, _ in JOURNEYS} == set(Situation)


@pytest.mark.parametrize(("situation", "card", "case", "pages"), JOURNEYS)
def test_the_journey_next_last_and_back(rules, situation, card, case, pages):
    session = Session(TODAY, rules)
    journey = session.journey
    assert journey.current is PageId.WELCOME and journey.previous() is None
    assert not journey.can_jump_to(PageId.SUMMARY)
    seen = [journey.current]
    while not journey.is_last():
        if journey.current is PageId.CARD:
            answer_card(session, card)
        if journey.current is PageId.SITUATION:
            answer_everything(session, situation, card)
        seen.append(journey.forward())
        assert journey.previous() is seen[-2]  # Back goes where the person came from
    assert session.case() is case
    assert seen == pages == session.route()
    assert journey.is_last() and journey.current is PageId.SUMMARY
    assert all(journey.can_jump_to(page) for page in pages[:-1])
    back = [journey.back() for _ in pages[1:]]
    assert back == pages[-2::-1]  # Back retraces every step, to the first page
    assert journey.can_jump_to(PageId.SUMMARY)  # answered: the summary is one tap away


@pytest.mark.parametrize(("situation", "card", "case", "pages"), JOURNEYS)
@pytest.mark.parametrize("asked_on", QUESTION_PAGES)
def test_a_change_from_the_summary_returns_to_it(rules, situation, card, case, pages, asked_on):
    session = Session(TODAY, rules)
    answer_everything(session, situation, card)
    journey = walk_to_summary(session)
    journey.change(asked_on)
    while journey.current is not asked_on:
        journey.back()
    assert journey.following() is PageId.SUMMARY  # not the next page of the route
    assert journey.forward() is PageId.SUMMARY and not journey.returning
    journey.back()  # an ordinary Back afterwards is not a change: Next follows the route
    assert journey.following() is next_page(asked_on, session.branch())


def test_a_change_that_opens_a_question_goes_through_it(rules):
    session = Session(TODAY, rules)
    answer_everything(session, Situation.EXPIRY, LONG_TERM)  # no place question
    journey = walk_to_summary(session)
    journey.change(PageId.CARD)
    while journey.current is not PageId.CARD:
        journey.back()
    answer_card(session, ADULT)  # now a card is applied for: where?
    assert not session.answers_complete() and not journey.can_jump_to(PageId.SUMMARY)
    assert journey.forward() is PageId.SITUATION
    assert journey.following() is PageId.STATUS  # Next waits on the page; the route is plain
    session.draft.set("away_from_home", True)
    assert journey.following() is PageId.SUMMARY


def test_a_change_that_clears_an_answer_waits_for_it(rules):
    session = Session(TODAY, rules)
    answer_everything(session, Situation.RENEWED, ADULT)
    journey = walk_to_summary(session)
    journey.change(PageId.SITUATION)
    assert journey.back() is PageId.ALIPAY and journey.back() is PageId.SITUATION
    session.draft.set("situation", Situation.LOST)  # now: where to apply?
    assert not session.situation_answered()
    session.draft.set("away_from_home", False)
    assert journey.forward() is PageId.SUMMARY


def test_a_change_needs_a_page_already_seen(rules):
    journey = Session(TODAY, rules).journey
    with pytest.raises(ValueError, match="situation"):
        journey.change(PageId.SITUATION)


def test_a_restart_reenters_the_first_page_only_once(rules):
    journey = Session(TODAY, rules).journey
    journey.left(PageId.WELCOME)  # QWizard.restart() cleans up every page it had shown
    journey.entered(PageId.WELCOME)
    assert journey.history == [PageId.WELCOME]


# --- 不记得 / 证件丢了: a card whose dates are not known ----------------------------------


def test_without_the_dates_the_card_page_needs_only_the_birth_date(rules):
    session = Session(TODAY, rules)
    session.draft.set("dates_unknown", True)
    assert not session.card_answered()  # the birth date still decides the fee and term
    session.draft.set("birth", date(1980, 5, 1))
    assert session.card_answered()
    answers = session.draft.answers()
    assert (answers.start, answers.end, answers.situation) == (None, None, Situation.LOST)
    assert session.route() == EVERYTHING  # a 补领 is applied for: the checklist is on it


def test_without_the_dates_only_lost_or_damaged_is_offered(rules):
    session = Session(TODAY, rules)
    answer_card(session, NO_DATES)
    assert session.draft.situations() == (Situation.LOST, Situation.DAMAGED)
    session.draft.set("situation", Situation.EXPIRY)  # chosen before the dates were dropped
    assert not session.situation_answered()
    session.draft.set("situation", Situation.DAMAGED)
    session.draft.set("away_from_home", True)
    assert session.situation_answered() and session.case() is Case.DAMAGED
    assert "range_mismatch" not in session.assessment().warnings
    assert session.assessment().days_overdue is None  # no "expired N days" nobody gave


def test_not_knowing_the_dates_clears_the_ones_given(rules):
    draft = Draft()
    for name, value in (("start", date(2006, 5, 1)), ("long_term", True)):
        draft.set(name, value)
    assert draft.set("dates_unknown", True) == ("start", "end", "long_term")
    assert (draft.start, draft.end, draft.long_term) == (None, None, False)


def test_the_card_page_asks_whether_the_dates_are_known():
    assert ASKED_ON["dates_unknown"] is PageId.CARD
    assert "不记得" in dot()
