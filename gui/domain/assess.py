"""Answers + today + rules -> one immutable Assessment.

`assess()` runs five named steps, each a small function over the one before:
the card's dates, the case, the money, the papers, the warnings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from gui.domain import idnumber
from gui.domain.card import Answers, Situation, check_dates
from gui.domain.dates import add_months, add_years, age_on
from gui.domain.errors import InputError
from gui.domain.rules import RulesPack


class Status(StrEnum):
    VALID = "valid"  # before the renewal window opens
    RENEWABLE = "renewable"  # inside the window, still valid
    EXPIRED = "expired"  # today is after the end date
    LONG_TERM = "long_term"  # 长期: no end date
    UNKNOWN = "unknown"  # lost or damaged, printed dates not given: nothing is claimed
    VOID = "void"  # a first-generation card: void whatever it prints


class Case(StrEnum):
    EXPIRY = "expiry"  # 到期换领
    UNDER16 = "under16"  # 到期换领 for a holder under the minor age: a guardian comes too
    FIRST_GENERATION = "first_generation"  # 换领 of a void first-generation card
    DAMAGED = "damaged"  # 损坏换领
    LOST = "lost"  # 丢失补领
    RENAMED = "renamed"  # 姓名变更
    RENEWED = "renewed"  # new card in hand: only the records need updating
    NONE = "none"  # long-term card, nothing to renew


# Situations whose case is the situation itself: the card is gone, unusable or
# bears the old name, so there is no window.
REPLACEMENT = {
    Situation.LOST: Case.LOST,
    Situation.DAMAGED: Case.DAMAGED,
    Situation.RENAMED: Case.RENAMED,
}
REPLACEMENT_CASES = frozenset(REPLACEMENT.values())
# Cases renewed on expiry: they wait for the window.
WINDOW_CASES = frozenset({Case.EXPIRY, Case.UNDER16})
# Cases where the person applies for a new card at all.
NEW_CARD_CASES = frozenset({*WINDOW_CASES, Case.FIRST_GENERATION, *REPLACEMENT_CASES})


class Phase(StrEnum):
    """What the card's state means for Alipay and other services right now."""

    NO_ACTION = "no_action"  # valid, before payment institutions start reminding
    REMINDER = "reminder"  # within the reminder period before the end date
    RESTRICTED = "restricted"  # expired: services may be restricted
    VOID = "void"  # a first-generation card: refused everywhere, services may be restricted
    LONG_TERM = "long_term"  # 长期: never expires, but an old record may still be on file
    REPLACING = "replacing"  # lost, damaged or renamed, dates still valid: apply now
    RECORD_OUTDATED = "record_outdated"  # new card in hand, apps still hold the old one
    DATES_UNKNOWN = "dates_unknown"  # lost or damaged, printed dates not given: apply now


class FeeWaiver(StrEnum):
    """What the checklist says about the 低保 / hardship waiver for this application."""

    LOW_INCOME = "low_income"  # waived (第二十一条)
    LOCALITY = "locality"  # waived by a local rule
    ASK = "ask"  # the person qualifies, but whether this application is waived is unknown
    POSSIBLE = "possible"  # waived or halved for those who qualify (the person did not say)
    NOT_COVERED = "not_covered"  # the person qualifies, but the law does not cover this case


@dataclass(frozen=True)
class TempIdAdvice:
    """临时居民身份证 for the weeks without a usable card."""

    fee_yuan: int
    valid_months: int
    issue_days: int
    materials: tuple[str, ...]
    away_unsure: bool  # whether it is issued away from the 户籍地 is not known


@dataclass(frozen=True)
class LongerTerm:
    """Applying on or after a band birthday that falls before the card ends gives a
    longer term: waiting is an option (a temporary ID covers a gap)."""

    on: date  # the birthday
    age: int
    term: str  # the longer term, e.g. "long_term"
    years: int | None  # its years (None: 长期)
    instead_of: str  # the term when applying now
    instead_of_years: int | None


@dataclass(frozen=True)
class Assessment:
    """Where the person stands; every page, the PDF and the reminder render this."""

    today: date
    status: Status
    start_date: date | None  # None: the printed dates were not given
    end_date: date | None
    apply_from: date | None  # the expiry window's first day; None when no window applies
    days_left: int | None  # 0 on the last valid day; None when expired or long-term
    days_overdue: int | None
    window_months: int
    case: Case
    phase: Phase
    apply_on: date | None  # when a new card can be applied for (None: no new card needed)
    remind_on: date | None  # the calendar reminder: the window's first day, or tomorrow
    next_terms: tuple[str, ...]  # the new card's possible terms, e.g. ("10y", "20y")
    next_term_years: tuple[int | None, ...]  # their years (None: 长期), from the bands
    longer_term: LongerTerm | None
    expected_end: date | None  # what 第五条 gives for this start date and birth date
    fee_yuan: int | None  # None when nothing is applied for
    fee_waived_by: str | None  # "low_income" or "locality"
    fee_waiver: FeeWaiver | None
    materials: tuple[str, ...]
    temp_id: TempIdAdvice | None
    warnings: tuple[str, ...]
    situation: Situation
    away_from_home: bool
    low_income: bool
    minor: bool  # under minor_age on the application day: a guardian applies too
    minor_age: int
    first_generation: bool  # started before first_generation_before, or a 15-digit number
    first_generation_before: date
    first_generation_void_from: date
    payment_reminder_days: int  # payment institutions remind this many days ahead
    issue_max_days: int  # the new card is issued within this many days
    issue_extra_days: int  # ... plus up to this many in remote areas
    rules_checked: date
    rules_sources: tuple[str, ...]  # only the rules that decided this assessment

    @property
    def applies_now(self) -> bool:
        """A new card can be applied for today."""
        return self.apply_on is not None and self.apply_on <= self.today

    def to_json(self) -> dict[str, Any]:
        def iso(d: date | None) -> str | None:
            return d.isoformat() if d else None

        longer = self.longer_term
        return {
            "status": self.status.value,
            "today": iso(self.today),
            "start_date": iso(self.start_date),
            "end_date": iso(self.end_date),
            "apply_from": iso(self.apply_from),
            "days_left": self.days_left,
            "days_overdue": self.days_overdue,
            "window_months": self.window_months,
            "case": self.case.value,
            "phase": self.phase.value,
            "apply_on": iso(self.apply_on),
            "remind_on": iso(self.remind_on),
            "next_terms": list(self.next_terms),
            "longer_term": None
            if longer is None
            else {
                "on": iso(longer.on),
                "age": longer.age,
                "term": longer.term,
                "instead_of": longer.instead_of,
            },
            "expected_end": iso(self.expected_end),
            "fee_yuan": self.fee_yuan,
            "fee_waived_by": self.fee_waived_by,
            "fee_waiver": None if self.fee_waiver is None else self.fee_waiver.value,
            "materials": list(self.materials),
            "temp_id": None
            if self.temp_id is None
            else {
                "fee_yuan": self.temp_id.fee_yuan,
                "valid_months": self.temp_id.valid_months,
                "issue_days": self.temp_id.issue_days,
                "materials": list(self.temp_id.materials),
                "away_unsure": self.temp_id.away_unsure,
            },
            "warnings": list(self.warnings),
            "minor": self.minor,
            "first_generation": self.first_generation,
            "situation": self.situation.value,
            "away_from_home": self.away_from_home,
            "rules_checked": iso(self.rules_checked),
            "rules_sources": list(self.rules_sources),
        }


# ---- step 1: the card's dates ----


@dataclass(frozen=True)
class _Dates:
    status: Status
    end: date | None
    window_from: date | None  # the expiry window's first day (None: 长期 or not known)
    expected_end: date | None
    first_generation: bool
    from_15: bool  # the number was a 15-digit one, converted


def _id_number_was_15(answers: Answers, today: date) -> bool:
    """Validate the optional number against the birth date; True if it had 15 digits."""
    if answers.id_number is None or not answers.id_number.strip():
        return False
    number = idnumber.parse_on(answers.id_number, today)
    if number.birth != answers.birth:
        raise InputError("id_birth_mismatch")  # no dates in messages: they are personal
    return number.converted_from_15


def _expected_end(answers: Answers, rules: RulesPack) -> date | None:
    """None for a 长期 band, and when the start date was not given."""
    if answers.start is None:
        return None
    band = rules.band_for(age_on(answers.birth, answers.start))
    return None if band.years is None else add_years(answers.start, band.years)


def _dates(answers: Answers, today: date, rules: RulesPack) -> _Dates:
    from_15 = _id_number_was_15(answers, today)
    start, end = answers.start, answers.end
    window_from = None if end is None else add_months(end, -rules.window_months)
    first_generation = from_15 or (start is not None and start < rules.first_generation_before)
    if start is None:
        status = Status.UNKNOWN
    elif first_generation and today >= rules.first_generation_void_from:
        status = Status.VOID
    elif end is None or window_from is None:
        status = Status.LONG_TERM
    elif today > end:
        status = Status.EXPIRED
    else:
        status = Status.RENEWABLE if today >= window_from else Status.VALID
    return _Dates(
        status, end, window_from, _expected_end(answers, rules), first_generation, from_15
    )


# ---- step 2: the case, and when to apply ----


@dataclass(frozen=True)
class _Application:
    case: Case
    apply_on: date  # meaningful only for a new card
    minor: bool  # under the minor age on apply_on, and applying for a card

    @property
    def new_card(self) -> bool:
        return self.case in NEW_CARD_CASES

    @property
    def windowed(self) -> bool:
        return self.case in WINDOW_CASES


def _case(situation: Situation, status: Status, minor: bool) -> Case:
    if situation is Situation.RENEWED:
        return Case.RENEWED
    if situation in REPLACEMENT:
        return REPLACEMENT[situation]
    if status is Status.VOID:
        return Case.FIRST_GENERATION
    if status is Status.LONG_TERM:
        return Case.NONE
    return Case.UNDER16 if minor else Case.EXPIRY


def _application(answers: Answers, dates: _Dates, today: date, rules: RulesPack) -> _Application:
    waits = answers.situation is Situation.EXPIRY and dates.status is not Status.VOID
    # loss, damage, a new name and a void card do not wait for the window
    apply_on = max(today, dates.window_from) if waits and dates.window_from else today
    minor = age_on(answers.birth, apply_on) < rules.minor_age
    case = _case(answers.situation, dates.status, minor)
    return _Application(case, apply_on, minor and case in NEW_CARD_CASES)


def _phase(app: _Application, dates: _Dates, days_left: int | None, rules: RulesPack) -> Phase:
    if app.case is Case.RENEWED:
        return Phase.RECORD_OUTDATED
    if dates.status is Status.UNKNOWN:
        return Phase.DATES_UNKNOWN
    if dates.status is Status.VOID:
        return Phase.VOID
    if dates.status is Status.EXPIRED:
        return Phase.RESTRICTED
    if app.case in REPLACEMENT_CASES:
        return Phase.REPLACING
    if dates.status is Status.LONG_TERM or days_left is None:
        return Phase.LONG_TERM
    # inside the renewal window the advice is "renew now", whatever the reminder period
    if dates.status is Status.RENEWABLE or days_left <= rules.reminder_days:
        return Phase.REMINDER
    return Phase.NO_ACTION


def _next_terms(birth: date, apply_on: date, rules: RulesPack) -> tuple[str, ...]:
    """Terms for every age the holder may have on the issue date (apply_on .. +max_days)."""
    last_issue = apply_on + timedelta(days=rules.issue_max_days)
    first, last = age_on(birth, apply_on), age_on(birth, last_issue)
    return tuple(dict.fromkeys(rules.band_for(a).term for a in range(first, last + 1)))


def _longer_term(
    answers: Answers, app: _Application, dates: _Dates, rules: RulesPack
) -> LongerTerm | None:
    """The next band birthday, if applying on it (before the card ends) gives more years."""
    if not app.windowed or dates.end is None:
        return None
    now = rules.band_for(age_on(answers.birth, app.apply_on))
    later = [b for b in rules.bands if b.min_age > now.min_age]
    if not later:
        return None
    birthday = add_years(answers.birth, later[0].min_age)
    if birthday > dates.end:  # only by letting the card lapse: never advised
        return None
    return LongerTerm(
        birthday, later[0].min_age, later[0].term, later[0].years, now.term, now.years
    )


# ---- step 3: the money ----


@dataclass(frozen=True)
class _Money:
    fee_yuan: int | None
    waived_by: str | None
    waiver: FeeWaiver | None


def _money(answers: Answers, app: _Application, rules: RulesPack) -> _Money:
    if not app.new_card:
        return _Money(None, None, None)
    rule = rules.cases[app.case.value]
    ask = rules.low_income
    unsure = app.case.value in ask.ask_cases or (ask.ask_away and answers.away_from_home)
    if answers.low_income and rule.low_income_exempt and not unsure:
        return _Money(0, "low_income", FeeWaiver.LOW_INCOME)
    locality = rules.localities.get(answers.locality or "")
    if locality and not answers.away_from_home and app.case.value in locality.free_cases_home:
        return _Money(0, "locality", FeeWaiver.LOCALITY)
    covered = rule.low_income_exempt or app.case.value in ask.ask_cases
    waiver: FeeWaiver | None
    if answers.low_income:
        waiver = FeeWaiver.ASK if covered and unsure else FeeWaiver.NOT_COVERED
    else:
        waiver = FeeWaiver.POSSIBLE if covered else None
    return _Money(rule.fee_yuan, None, waiver)


# ---- step 4: the papers ----


def _materials(
    answers: Answers, app: _Application, money: _Money, rules: RulesPack
) -> tuple[str, ...]:
    if not app.new_card:
        return ()
    rule = rules.cases[app.case.value]
    found = list(rule.materials_away if answers.away_from_home else rule.materials_home)
    if app.minor:
        found.append("guardian_away" if answers.away_from_home else "guardian")
    if money.waiver in (FeeWaiver.LOW_INCOME, FeeWaiver.ASK):
        found.append("low_income_proof")
    return tuple(found)


def _temp_id(
    answers: Answers, app: _Application, dates: _Dates, today: date, rules: RulesPack
) -> TempIdAdvice | None:
    """Advice for when the person may be without a usable card while the new one is made."""
    if not app.new_card:
        return None
    unusable = app.case in (Case.LOST, Case.DAMAGED, Case.FIRST_GENERATION)
    # the old card is kept until the new one is collected, but it may expire first
    expires_first = dates.status is Status.EXPIRED or (
        dates.end is not None and dates.end < today + timedelta(days=rules.issue_max_days)
    )
    if not (unusable or expires_first):
        return None
    temp = rules.temporary_id
    return TempIdAdvice(
        temp.fee_yuan,
        temp.valid_months,
        temp.issue_days,
        temp.materials,
        temp.away_unsure and answers.away_from_home,
    )


# ---- step 5: the warnings, and the sources cited ----


def _warnings(
    answers: Answers,
    dates: _Dates,
    app: _Application,
    money: _Money,
    temp_id: TempIdAdvice | None,
    longer: LongerTerm | None,
) -> tuple[str, ...]:
    status, case = dates.status, app.case
    checks = (
        (
            "range_mismatch",
            answers.dates_known and not dates.first_generation and dates.expected_end != dates.end,
        ),
        ("id_converted_from_15", dates.from_15),
        ("first_generation_void", status is Status.VOID and app.new_card),
        ("long_term_no_renewal", case is Case.NONE),
        # the dates entered are not a new card's: the old card's, entered by mistake
        ("renewed_card_expired", case is Case.RENEWED and status in (Status.EXPIRED, Status.VOID)),
        ("not_yet_renewable", app.windowed and status is Status.VALID),
        ("longer_term_if_waiting", longer is not None),
        ("minor_needs_guardian", app.minor),
        ("renamed_hukou_first", case is Case.RENAMED),
        ("lost_report_promptly", case is Case.LOST),
        ("away_limits", app.new_card and answers.away_from_home),
        ("fee_waiver_ask", money.waiver is FeeWaiver.ASK),
        ("temp_id_away_unsure", temp_id is not None and temp_id.away_unsure),
        (
            "travel_without_card",
            answers.travel_soon
            and app.new_card
            and (temp_id is not None or status is Status.EXPIRED),
        ),
        (
            "may_expire_before_new_card",
            status is Status.RENEWABLE and app.windowed and temp_id is not None,
        ),
    )
    return tuple(name for name, applies in checks if applies)


def _sources(
    answers: Answers,
    rules: RulesPack,
    national_window: int,
    dates: _Dates,
    app: _Application,
    money: _Money,
    temp_id: bool,
) -> tuple[str, ...]:
    """The sources of the rules this assessment used, each citation once."""
    named, case = rules.sources, app.case
    found = [named["validity"]]
    if dates.first_generation:
        found.append(named["first_generation"])
    if app.windowed:
        found.append(named["window"])
    if app.new_card:
        found += [named["issue"], rules.cases[case.value].source]
    if case is not Case.NONE:
        found.append(named["payment_reminder"])
    if app.minor:
        found.append(named["minor"])
    if money.waiver in (FeeWaiver.LOW_INCOME, FeeWaiver.ASK, FeeWaiver.NOT_COVERED):
        found.append(rules.low_income.source)
    if temp_id:
        found.append(named["temporary_id"])
    place = rules.localities.get(answers.locality or "")
    # a locality's rule is cited only where it changed this person's outcome
    if place and (
        money.waived_by == "locality" or (app.windowed and rules.window_months != national_window)
    ):
        found.append(place.source)
    citations = (c.strip() for s in found for c in s.split(";"))
    return tuple(dict.fromkeys(c for c in citations if c))


def assess(answers: Answers, today: date, rules: RulesPack) -> Assessment:
    """Assess a card. Raises InputError (and nothing else) for impossible input."""
    check_dates(answers, today)
    national_window = rules.window_months
    rules = rules.with_locality(answers.locality) if answers.locality else rules
    dates = _dates(answers, today, rules)
    app = _application(answers, dates, today, rules)
    money = _money(answers, app, rules)
    temp_id = _temp_id(answers, app, dates, today, rules)
    longer = _longer_term(answers, app, dates, rules)
    end, status = dates.end, dates.status
    counted = status in (Status.VALID, Status.RENEWABLE)  # the printed end date applies
    days_left = (end - today).days if counted and end is not None else None
    terms = _next_terms(answers.birth, app.apply_on, rules) if app.new_card else ()
    return Assessment(
        today=today,
        status=status,
        start_date=answers.start,
        end_date=end,
        apply_from=dates.window_from if app.windowed else None,
        days_left=days_left,
        days_overdue=(today - end).days if end is not None and status is Status.EXPIRED else None,
        window_months=rules.window_months,
        case=app.case,
        phase=_phase(app, dates, days_left, rules),
        apply_on=app.apply_on if app.new_card else None,
        remind_on=(app.apply_on if app.apply_on > today else today + timedelta(days=1))
        if app.new_card
        else None,
        next_terms=terms,
        next_term_years=tuple(rules.term_years(t) for t in terms),
        longer_term=longer,
        expected_end=dates.expected_end,
        fee_yuan=money.fee_yuan,
        fee_waived_by=money.waived_by,
        fee_waiver=money.waiver,
        materials=_materials(answers, app, money, rules),
        temp_id=temp_id,
        warnings=_warnings(answers, dates, app, money, temp_id, longer),
        situation=answers.situation,
        away_from_home=answers.away_from_home,
        low_income=answers.low_income,
        minor=app.minor,
        minor_age=rules.minor_age,
        first_generation=dates.first_generation,
        first_generation_before=rules.first_generation_before,
        first_generation_void_from=rules.first_generation_void_from,
        payment_reminder_days=rules.reminder_days,
        issue_max_days=rules.issue_max_days,
        issue_extra_days=rules.issue_extra_days,
        rules_checked=rules.checked,
        rules_sources=_sources(
            answers, rules, national_window, dates, app, money, temp_id is not None
        ),
    )
