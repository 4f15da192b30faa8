"""Table-driven tests of the rules engine against FACTS.md."""

from dataclasses import FrozenInstanceError, replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gui.domain import Answers, InputError, Situation, assess
from gui.domain.assess import Case, Status
from gui.domain.dates import add_years
from tests.conftest import d

TODAY = d("2026-11-29")


def card(birth, start, end, **kw):
    return Answers(d(birth), d(start), d(end) if end else None, **kw)


# --- the card's own term (第五条) at each band boundary: age on the card's start date ---
@pytest.mark.parametrize(
    ("start", "term_years"),
    [
        ("2026-01-14", 5),  # day before the 16th birthday
        ("2026-01-15", 10),  # the birthday
        ("2026-01-16", 10),  # day after
    ],
)
def test_16th_birthday_boundary_for_the_printed_range(rules, start, term_years):
    answers = card("2010-01-15", start, None)
    a = assess(replace(answers, end=add_years(d(start), term_years)), d("2026-11-29"), rules)
    assert "range_mismatch" not in a.warnings


@pytest.mark.parametrize(
    ("birth", "start", "end", "fits"),
    [
        ("1980-06-10", "2006-06-09", "2016-06-09", True),  # 25 on the start date: 10 years
        ("1980-06-10", "2006-06-10", "2026-06-10", True),  # 26: 20 years
        ("1980-06-10", "2006-06-11", "2026-06-11", True),
        ("1980-06-10", "2006-06-10", "2016-06-10", False),  # 26 but printed 10 years
        ("1960-06-10", "2006-06-09", "2026-06-09", True),  # 45: 20 years
        ("1960-06-10", "2006-06-10", None, True),  # 46: long-term
        ("1960-06-10", "2006-06-11", None, True),
        ("1960-06-10", "2006-06-09", None, False),  # 45 but printed long-term
        ("1960-06-10", "2006-06-10", "2026-06-10", False),  # 46 but printed an end date
        ("1984-02-29", "2004-02-29", "2014-03-01", True),  # leap start, 10 years -> 1 March
        ("1984-02-29", "2004-02-29", "2014-02-28", False),  # plain relativedelta's answer
    ],
)
def test_printed_range_consistency(rules, birth, start, end, fits):
    a = assess(card(birth, start, end), TODAY, rules)
    assert ("range_mismatch" not in a.warnings) is fits


# --- the renewal window and the status ---
END = "2027-03-15"  # window opens 2026-12-15


@pytest.mark.parametrize(
    ("today", "status", "days_left", "days_overdue"),
    [
        ("2026-12-14", Status.VALID, 91, None),  # day before the window
        ("2026-12-15", Status.RENEWABLE, 90, None),  # first day of the window
        ("2027-03-15", Status.RENEWABLE, 0, None),  # last valid day
        ("2027-03-16", Status.EXPIRED, None, 1),  # first expired day
    ],
)
def test_window_edges(rules, today, status, days_left, days_overdue):
    a = assess(card("1990-01-01", "2017-03-15", END), d(today), rules)
    assert a.status is status
    assert a.apply_from == d("2026-12-15")
    assert (a.days_left, a.days_overdue) == (days_left, days_overdue)


def test_long_term_card(rules):
    a = assess(card("1950-01-01", "2005-01-01", None), TODAY, rules)
    assert a.status is Status.LONG_TERM
    assert (a.end_date, a.apply_from, a.days_left, a.days_overdue) == (None, None, None, None)
    assert a.case is Case.NONE
    assert a.fee_yuan is None and a.materials == ()
    assert "long_term_no_renewal" in a.warnings


def test_locality_window_override(rules):
    six = replace(rules, localities={"x": replace(rules.localities["shenzhen"], window_months=6)})
    a = assess(card("1990-01-01", "2017-03-15", END, locality="x"), TODAY, six)
    assert a.apply_from == d("2026-09-15")
    assert a.status is Status.RENEWABLE
    assert a.window_months == 6


def test_window_clamps_to_the_end_of_a_short_month(rules):
    a = assess(card("1990-01-01", "2017-05-31", "2027-05-31"), TODAY, rules)
    assert a.apply_from == d("2027-02-28")


# --- the next card's term(s): age on the issue date, up to 60 days after applying ---
@pytest.mark.parametrize(
    ("birth", "today", "terms"),
    [
        ("2011-01-29", "2026-11-29", ("5y",)),  # 16th birthday 61 days out
        ("2011-01-28", "2026-11-29", ("5y", "10y")),  # birthday on the 60th day
        ("2011-01-27", "2026-11-29", ("5y", "10y")),
        ("2010-11-29", "2026-11-29", ("10y",)),  # 16 today
        ("2001-01-27", "2026-11-29", ("10y", "20y")),
        ("1981-01-27", "2026-11-29", ("20y", "long_term")),
        ("1981-01-29", "2026-11-29", ("20y",)),
        ("1980-11-29", "2026-11-29", ("long_term",)),
        ("2000-02-29", "2025-12-31", ("10y", "20y")),  # 26 on 2026-03-01 (leap birthday)
        ("2000-02-29", "2025-12-30", ("10y",)),
    ],
)
def test_next_terms(rules, birth, today, terms):
    # an expired 5-year card whatever the age: only the new card's term matters here
    a = assess(card(birth, birth, None, situation=Situation.LOST), d(today), rules)
    assert a.next_terms == terms


def test_leap_day_birth_turns_26_on_1_march(rules):
    on_28 = assess(
        card("1992-02-29", "2008-03-01", None, situation=Situation.LOST),
        d("2018-02-28") - timedelta(days=60),
        rules,
    )
    assert on_28.next_terms == ("10y",)
    on_1 = assess(
        card("1992-02-29", "2008-03-01", None, situation=Situation.LOST), d("2018-03-01"), rules
    )
    assert on_1.next_terms == ("20y",)


def test_next_term_uses_the_window_when_applying_early_is_impossible(rules):
    # valid card, 16th birthday before the window opens: the new card is a 10-year one
    a = assess(card("2011-06-01", "2022-09-01", "2027-09-01"), d("2026-11-29"), rules)
    assert a.status is Status.VALID
    assert a.apply_on == d("2027-06-01")
    assert a.next_terms == ("10y",)
    assert "not_yet_renewable" in a.warnings


# --- cases, fees and materials ---
EXPIRED = ("1980-05-01", "2006-05-01", "2026-05-01")


@pytest.mark.parametrize(
    ("situation", "away", "low_income", "case", "fee", "materials"),
    [
        (Situation.EXPIRY, False, False, Case.EXPIRY, 20, ("old_card", "hukou_book")),
        # away from home 换领 needs the card itself, not the 户口簿 (issue 19)
        (Situation.EXPIRY, True, False, Case.EXPIRY, 20, ("old_card", "away_proof_ask")),
        (
            Situation.EXPIRY,
            False,
            True,
            Case.EXPIRY,
            0,
            ("old_card", "hukou_book", "low_income_proof"),
        ),
        (Situation.DAMAGED, False, False, Case.DAMAGED, 40, ("old_card", "hukou_book")),
        (Situation.LOST, False, False, Case.LOST, 40, ("hukou_book",)),
        (Situation.LOST, True, False, Case.LOST, 40, ("hukou_book_or_residence_permit",)),
        (Situation.LOST, False, True, Case.LOST, 40, ("hukou_book",)),  # 补领 is not waived
        (Situation.RENAMED, False, False, Case.RENAMED, 20, ("updated_hukou_book", "old_card")),
        (Situation.RENEWED, False, False, Case.RENEWED, None, ()),
    ],
)
def test_cases_fees_and_materials(rules, situation, away, low_income, case, fee, materials):
    answers = card(*EXPIRED, situation=situation, away_from_home=away, low_income=low_income)
    a = assess(answers, TODAY, rules)
    assert (a.case, a.fee_yuan, a.materials) == (case, fee, materials)


def test_under_16(rules):
    a = assess(card("2012-03-01", "2021-10-01", "2026-10-01"), TODAY, rules)
    assert a.case is Case.UNDER16
    assert a.fee_yuan == 20
    assert a.materials == ("old_card", "hukou_book", "guardian")
    assert "minor_needs_guardian" in a.warnings


def test_minor_who_lost_the_card_brings_a_guardian(rules):
    a = assess(
        card("2012-03-01", "2021-10-01", "2026-10-01", situation=Situation.LOST), TODAY, rules
    )
    assert a.materials == ("hukou_book", "guardian")


def test_shenzhen_waives_the_expiry_fee_for_local_hukou_only(rules):
    home = assess(card(*EXPIRED, locality="shenzhen"), TODAY, rules)
    away = assess(card(*EXPIRED, locality="shenzhen", away_from_home=True), TODAY, rules)
    assert (home.fee_yuan, home.fee_waived_by) == (0, "locality")
    assert (away.fee_yuan, away.fee_waived_by) == (20, None)


def test_under_16_before_the_window_is_told_when_to_apply(rules):
    a = assess(card("2014-03-01", "2022-06-01", "2027-06-01"), TODAY, rules)
    assert a.case is Case.UNDER16 and a.status is Status.VALID
    assert "not_yet_renewable" in a.warnings


def test_renewed_card_gets_no_travel_warning(rules):
    a = assess(
        card("1980-05-01", "2026-06-01", None, situation=Situation.RENEWED, travel_soon=True),
        TODAY,
        rules,
    )
    assert "travel_without_card" not in a.warnings


def test_locality_source_is_cited(rules):
    a = assess(card(*EXPIRED, locality="shenzhen"), TODAY, rules)
    assert rules.localities["shenzhen"].source in a.rules_sources


def test_renamed_warns_to_change_the_hukou_first(rules):
    a = assess(card(*EXPIRED, situation=Situation.RENAMED), TODAY, rules)
    assert "renamed_hukou_first" in a.warnings


# --- temporary ID ---
def test_expired_card_gets_temporary_id_advice(rules):
    a = assess(card(*EXPIRED), TODAY, rules)
    assert a.temp_id is not None
    assert (a.temp_id.fee_yuan, a.temp_id.valid_months, a.temp_id.issue_days) == (10, 3, 3)
    assert not a.temp_id.away_unsure


def test_valid_card_far_from_expiry_needs_no_temporary_id(rules):
    a = assess(card("1990-01-01", "2020-01-01", "2040-01-01"), TODAY, rules)
    assert a.temp_id is None
    assert a.status is Status.VALID


def test_away_temporary_id_is_unsure(rules):
    a = assess(card(*EXPIRED, away_from_home=True, travel_soon=True), TODAY, rules)
    assert a.temp_id is not None and a.temp_id.away_unsure
    assert {"temp_id_away_unsure", "travel_without_card", "away_limits"} <= set(a.warnings)


def test_card_that_may_expire_before_the_new_one_arrives(rules):
    a = assess(card("1990-01-01", "2017-01-20", "2027-01-20"), TODAY, rules)
    assert a.status is Status.RENEWABLE
    assert "may_expire_before_new_card" in a.warnings


# --- ID number and immutability ---
def test_matching_id_number_is_accepted_and_not_kept(rules):
    a = assess(card("1949-12-31", "2000-01-01", None, id_number="11010519491231002X"), TODAY, rules)
    assert "11010519491231002X" not in repr(a)
    assert "002X" not in str(a.to_json())


def test_fifteen_digit_number_asks_to_confirm(rules):
    a = assess(card("1949-12-31", "2000-01-01", None, id_number="110105491231002"), TODAY, rules)
    assert "id_converted_from_15" in a.warnings


def test_assessment_is_immutable(rules):
    a = assess(card(*EXPIRED), TODAY, rules)
    with pytest.raises(FrozenInstanceError):
        a.status = Status.VALID  # type: ignore[misc]


def test_answers_repr_hides_personal_data():
    answers = card(*EXPIRED, id_number="11010519491231002X")
    assert "1980" not in repr(answers) and "002X" not in repr(answers)


# --- robustness ---
any_date = st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31))


@settings(max_examples=300)
@given(
    birth=any_date,
    start=st.none() | any_date,  # None: a lost or damaged card's dates not given
    end=st.none() | any_date,
    today=any_date,
    situation=st.sampled_from(Situation),
    away=st.booleans(),
    low=st.booleans(),
    travel=st.booleans(),
    id_number=st.none() | st.text(max_size=20),
)
def test_no_input_makes_assess_crash(
    rules, birth, start, end, today, situation, away, low, travel, id_number
):
    answers = Answers(birth, start, end, situation, away, low, travel, id_number)
    try:
        a = assess(answers, today, rules)
    except InputError:
        return
    assert a.status in Status
    assert (a.days_left is None) or a.days_left >= 0


@pytest.mark.parametrize(
    ("end", "situation", "phase"),
    [
        ("2027-03-01", Situation.EXPIRY, "no_action"),  # valid, before the window
        ("2027-02-28", Situation.EXPIRY, "reminder"),  # in the window: renew now
        ("2027-01-28", Situation.EXPIRY, "reminder"),  # 60 days: institutions remind
        ("2026-11-29", Situation.EXPIRY, "reminder"),  # last valid day
        ("2026-11-28", Situation.EXPIRY, "restricted"),
        (None, Situation.EXPIRY, "long_term"),
        ("2036-11-01", Situation.RENEWED, "record_outdated"),
    ],
)
def test_phase_for_services(rules, end, situation, phase):
    a = assess(card("1990-01-01", "2016-11-01", end, situation=situation), TODAY, rules)
    assert a.phase == phase


@pytest.mark.parametrize(
    ("end", "situation", "remind_on"),
    [
        ("2027-06-01", Situation.EXPIRY, "2027-03-01"),  # the window's first day
        ("2027-01-10", Situation.EXPIRY, "2026-11-30"),  # window open: tomorrow
        ("2026-05-01", Situation.EXPIRY, "2026-11-30"),  # expired: tomorrow
        ("2030-01-01", Situation.LOST, "2026-11-30"),  # no window for a lost card
        (None, Situation.EXPIRY, None),  # nothing to renew
        ("2036-11-01", Situation.RENEWED, None),
    ],
)
def test_reminder_date(rules, end, situation, remind_on):
    a = assess(card("1980-01-01", "2017-06-01", end, situation=situation), TODAY, rules)
    assert a.remind_on == (d(remind_on) if remind_on else None)


# --- issue #12: boundaries that must each fail a test when changed ---
def test_under_16_boundary_is_strictly_below_16(rules):
    expired = ("2021-01-01", "2026-01-01")
    sixteen_today = assess(card("2010-11-29", *expired), TODAY, rules)
    fifteen = assess(card("2010-11-30", *expired), TODAY, rules)  # 16 tomorrow
    assert (sixteen_today.case, sixteen_today.minor) == (Case.EXPIRY, False)
    assert "guardian" not in sixteen_today.materials
    assert (fifteen.case, fifteen.minor) == (Case.UNDER16, True)
    assert "guardian" in fifteen.materials and "minor_needs_guardian" in fifteen.warnings


def test_guardian_threshold_is_16_not_18_and_comes_from_the_rules(rules):
    seventeen = card("2009-06-01", "2019-06-01", "2026-06-01")
    a = assess(seventeen, TODAY, rules)
    assert not a.minor and "guardian" not in a.materials
    assert "minor_needs_guardian" not in a.warnings
    eighteen_rule = assess(seventeen, TODAY, replace(rules, minor_age=18))
    assert eighteen_rule.minor and "guardian" in eighteen_rule.materials
    assert eighteen_rule.minor_age == 18


@pytest.mark.parametrize(("end", "temp"), [("2027-01-27", True), ("2027-01-28", False)])
def test_temporary_id_cut_off_at_exactly_the_issue_days(rules, end, temp):
    # 59 days left: the card may expire before the new one (60 days at most) arrives
    a = assess(card("1990-01-01", "2017-01-01", end), TODAY, rules)
    assert (a.temp_id is not None) is temp
    assert ("may_expire_before_new_card" in a.warnings) is temp


@pytest.mark.parametrize(
    ("end", "phase"), [("2027-01-28", "reminder"), ("2027-01-29", "no_action")]
)
def test_payment_reminder_phase_boundary(rules, end, phase):
    # a one-month window keeps the renewal window out of the way: only the 60 days decide
    one_month = replace(rules, window_months=1)
    a = assess(card("1990-01-01", "2017-01-01", end), TODAY, one_month)
    assert a.status is Status.VALID
    assert (a.days_left, a.phase) == ((d(end) - TODAY).days, phase)
    assert a.payment_reminder_days == 60


def test_a_locality_that_waives_under_16(rules):
    minor = ("2012-03-01", "2021-10-01", "2026-10-01")
    home = assess(card(*minor, locality="shenzhen"), TODAY, rules)
    away = assess(card(*minor, locality="shenzhen", away_from_home=True), TODAY, rules)
    assert home.case is Case.UNDER16
    assert (home.fee_yuan, home.fee_waived_by) == (0, "locality")
    assert (away.fee_yuan, away.fee_waived_by) == (20, None)
    assert rules.localities["shenzhen"].source in home.rules_sources
    assert rules.localities["shenzhen"].source not in away.rules_sources


VALID_DATES = ("1990-01-01", "2020-01-01", "2040-01-01")


@pytest.mark.parametrize("situation", [Situation.LOST, Situation.DAMAGED, Situation.RENAMED])
def test_lost_damaged_or_renamed_with_valid_dates_apply_now(rules, situation):
    a = assess(card(*VALID_DATES, situation=situation), TODAY, rules)
    assert a.status is Status.VALID  # the printed dates are still valid...
    assert a.apply_on == TODAY and a.applies_now  # ...and that does not matter
    assert a.apply_from is None  # the expiry window does not apply
    assert a.phase == "replacing"
    assert "not_yet_renewable" not in a.warnings
    assert a.to_json()["apply_on"] == TODAY.isoformat()
    assert rules.sources["window"] not in a.rules_sources


def test_lost_long_term_card_is_replaced(rules):
    a = assess(card("1950-01-01", "2005-01-01", None, situation=Situation.LOST), TODAY, rules)
    assert (a.case, a.phase, a.apply_on, a.fee_yuan) == (Case.LOST, "replacing", TODAY, 40)
    assert a.materials == ("hukou_book",)
    assert "long_term_no_renewal" not in a.warnings and "lost_report_promptly" in a.warnings


def test_expired_lost_card_is_restricted_and_applied_for_now(rules):
    a = assess(card(*EXPIRED, situation=Situation.LOST), TODAY, rules)
    assert (a.phase, a.apply_on) == ("restricted", TODAY)


@pytest.mark.parametrize(
    ("situation", "away", "fee", "by"),
    [
        (Situation.EXPIRY, False, 0, "low_income"),  # 第二十一条 at home
        (Situation.EXPIRY, True, 20, None),  # away: the office decides
        (Situation.DAMAGED, False, 40, None),  # 损坏换领: the office decides
        (Situation.LOST, False, 40, None),  # 补领 is never waived
    ],
)
def test_low_income_waiver_and_where_the_office_decides(rules, situation, away, fee, by):
    a = assess(
        card(*EXPIRED, situation=situation, away_from_home=away, low_income=True), TODAY, rules
    )
    assert (a.fee_yuan, a.fee_waived_by) == (fee, by)
    ask = situation is not Situation.LOST and by is None
    assert ("fee_waiver_ask" in a.warnings) is ask
    assert ("low_income_proof" in a.materials) is (situation is not Situation.LOST)


def test_sources_name_only_the_rules_used(rules):
    renewed = assess(
        card("1980-05-01", "2026-06-01", None, situation=Situation.RENEWED), TODAY, rules
    )
    expired = assess(card(*EXPIRED), TODAY, rules)
    assert rules.sources["window"] in expired.rules_sources
    assert rules.sources["window"] not in renewed.rules_sources
    assert "第二十条" not in " ".join(expired.rules_sources)
    assert len(set(expired.rules_sources)) == len(expired.rules_sources)


def test_json_reports_minor_and_sources(rules):
    data = assess(card("2012-03-01", "2021-10-01", "2026-10-01"), TODAY, rules).to_json()
    assert data["minor"] is True and data["rules_sources"]
    assert "payment_reminder_days" not in data


# --- issue 19: first-generation cards, away from home, the waiver, the next birthday ---
@pytest.mark.parametrize(
    ("start", "case", "status"),
    [
        ("2003-12-31", Case.FIRST_GENERATION, Status.VOID),  # the day before the law
        ("2004-01-01", Case.NONE, Status.LONG_TERM),  # a second-generation 长期 card
    ],
)
def test_first_generation_boundary(rules, start, case, status):
    a = assess(card("1950-01-01", start, None), TODAY, rules)
    assert (a.case, a.status) == (case, status)
    void = case is Case.FIRST_GENERATION
    assert (a.phase == "void") is void and a.first_generation is void
    assert ("first_generation_void" in a.warnings) is void
    assert (a.apply_on == TODAY) is void and (a.fee_yuan == 20) is void
    assert ("long_term_no_renewal" in a.warnings) is not void


def test_a_15_digit_number_is_a_first_generation_card(rules):
    a = assess(card("1949-12-31", "2005-01-01", None, id_number="110105491231002"), TODAY, rules)
    assert (a.case, a.status, a.applies_now) == (Case.FIRST_GENERATION, Status.VOID, True)
    assert {"id_converted_from_15", "first_generation_void"} <= set(a.warnings)
    assert a.to_json()["case"] == "first_generation"
    assert rules.sources["first_generation"].split(";")[0] in a.rules_sources


def test_first_generation_card_before_2013_keeps_its_printed_dates(rules):
    a = assess(card("1960-01-01", "1995-06-01", "2015-06-01"), d("2010-06-01"), rules)
    assert a.first_generation and a.status is Status.VALID and a.case is Case.EXPIRY
    assert "first_generation_void" not in a.warnings


def test_a_lost_first_generation_card_is_replaced_and_called_void(rules):
    a = assess(card("1950-01-01", "1999-01-01", None, situation=Situation.LOST), TODAY, rules)
    assert (a.case, a.status, a.phase) == (Case.LOST, Status.VOID, "void")
    assert "first_generation_void" in a.warnings


@pytest.mark.parametrize(
    ("situation", "birth", "materials"),
    [
        (Situation.EXPIRY, "1980-05-01", ("old_card", "away_proof_ask")),
        (Situation.DAMAGED, "1980-05-01", ("old_card", "away_proof_ask")),
        (Situation.EXPIRY, "2012-03-01", ("old_card", "away_proof_ask", "guardian_away")),
        (Situation.LOST, "1980-05-01", ("hukou_book_or_residence_permit",)),
    ],
)
def test_away_from_home_needs_the_card_not_the_hukou_book(rules, situation, birth, materials):
    a = assess(
        card(birth, "2021-10-01", "2026-10-01", situation=situation, away_from_home=True),
        TODAY,
        rules,
    )
    assert a.materials == materials
    assert "hukou_book" not in a.materials


@pytest.mark.parametrize(
    ("situation", "away", "low", "waiver"),
    [
        (Situation.EXPIRY, False, True, "low_income"),
        (Situation.EXPIRY, True, True, "ask"),
        (Situation.EXPIRY, False, False, "possible"),
        (Situation.DAMAGED, False, True, "ask"),
        (Situation.LOST, False, True, "not_covered"),  # 补领: the waiver does not cover it
        (Situation.LOST, True, True, "not_covered"),
        (Situation.LOST, False, False, None),
    ],
)
def test_fee_waiver_follows_the_cases_low_income_exempt(rules, situation, away, low, waiver):
    a = assess(
        card(*EXPIRED, situation=situation, away_from_home=away, low_income=low), TODAY, rules
    )
    assert a.to_json()["fee_waiver"] == waiver
    exempt = replace(rules.cases["lost"], low_income_exempt=True)
    if situation is Situation.LOST and low and not away:  # read from the rule, not the case id
        waived = assess(
            card(*EXPIRED, situation=situation, low_income=True),
            TODAY,
            replace(rules, cases={**rules.cases, "lost": exempt}),
        )
        assert (waived.fee_yuan, waived.to_json()["fee_waiver"]) == (0, "low_income")


@pytest.mark.parametrize(
    ("birth", "end", "longer"),
    [
        ("1981-01-15", "2027-01-20", ("2027-01-15", 46, "long_term", "20y")),
        ("1981-01-25", "2027-01-20", None),  # only by letting the card lapse: not advised
        ("2001-01-15", "2027-01-20", ("2027-01-15", 26, "20y", "10y")),
        ("1970-01-15", "2027-01-20", None),  # 56: already 长期
    ],
)
def test_a_band_birthday_before_the_card_ends_is_named(rules, birth, end, longer):
    a = assess(card(birth, "2007-01-20", end), TODAY, rules)
    found = a.longer_term
    got = None if found is None else (found.on.isoformat(), found.age, found.term, found.instead_of)
    assert got == longer
    assert ("longer_term_if_waiting" in a.warnings) is (longer is not None)


def test_renewed_with_expired_dates_is_asked_for_the_new_cards(rules):
    a = assess(card(*EXPIRED, situation=Situation.RENEWED), TODAY, rules)
    assert "renewed_card_expired" in a.warnings
    old = card("1950-01-01", "1999-06-01", None, situation=Situation.RENEWED)
    assert "renewed_card_expired" in assess(old, TODAY, rules).warnings  # first-generation
    fresh = assess(
        card("1980-05-01", "2026-06-01", None, situation=Situation.RENEWED), TODAY, rules
    )
    assert "renewed_card_expired" not in fresh.warnings
