"""Answers + today + rules -> one immutable Assessment."""

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


class Case(StrEnum):
    EXPIRY = "expiry"  # 到期换领
    UNDER16 = "under16"  # 到期换领 for a holder under 16: a guardian comes too
    DAMAGED = "damaged"  # 损坏换领
    LOST = "lost"  # 丢失补领
    RENAMED = "renamed"  # 姓名变更
    RENEWED = "renewed"  # new card in hand: only the records need updating
    NONE = "none"  # long-term card, nothing to renew


# Cases that need no window: the card is gone, unusable or bears the old name.
REPLACEMENT_CASES = frozenset({Case.LOST, Case.DAMAGED, Case.RENAMED})
# Cases where the person applies for a new card at all.
NEW_CARD_CASES = frozenset({Case.EXPIRY, Case.UNDER16, *REPLACEMENT_CASES})


class Phase(StrEnum):
    """What the card's state means for Alipay and other services right now."""

    NO_ACTION = "no_action"  # valid, before payment institutions start reminding
    REMINDER = "reminder"  # within the reminder period before the end date
    RESTRICTED = "restricted"  # expired: services may be restricted
    LONG_TERM = "long_term"  # 长期: never expires, but an old record may still be on file
    REPLACING = "replacing"  # lost, damaged or renamed, dates still valid: apply now
    RECORD_OUTDATED = "record_outdated"  # new card in hand, apps still hold the old one
    DATES_UNKNOWN = "dates_unknown"  # lost or damaged, printed dates not given: apply now


@dataclass(frozen=True)
class TempIdAdvice:
    """临时居民身份证 for the weeks without a usable card."""

    fee_yuan: int
    valid_months: int
    issue_days: int
    materials: tuple[str, ...]
    away_unsure: bool  # whether it is issued away from the 户籍地 is not known


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
    expected_end: date | None  # what 第五条 gives for this start date and birth date
    fee_yuan: int | None  # None when nothing is applied for
    fee_waived_by: str | None  # "low_income" or "locality"
    materials: tuple[str, ...]
    temp_id: TempIdAdvice | None
    warnings: tuple[str, ...]
    situation: Situation
    away_from_home: bool
    minor: bool  # under minor_age on the application day: a guardian applies too
    minor_age: int
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
            "expected_end": iso(self.expected_end),
            "fee_yuan": self.fee_yuan,
            "fee_waived_by": self.fee_waived_by,
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
            "situation": self.situation.value,
            "away_from_home": self.away_from_home,
            "rules_checked": iso(self.rules_checked),
            "rules_sources": list(self.rules_sources),
        }


def _check_id_number(answers: Answers, today: date) -> bool:
    """Validate the optional number against the birth date; True if it was 15 digits."""
    if answers.id_number is None or not answers.id_number.strip():
        return False
    number = idnumber.parse(answers.id_number)
    if number.birth > today:
        raise InputError("id_bad_birth_date")
    if number.birth != answers.birth:
        raise InputError("id_birth_mismatch")  # no dates in messages: they are personal
    return number.converted_from_15


def _status(answers: Answers, apply_from: date | None, today: date) -> Status:
    end = answers.end
    if not answers.dates_known:
        return Status.UNKNOWN
    if end is None or apply_from is None:
        return Status.LONG_TERM
    if today > end:
        return Status.EXPIRED
    return Status.RENEWABLE if today >= apply_from else Status.VALID


def _phase(case: Case, status: Status, days_left: int | None, rules: RulesPack) -> Phase:
    if case is Case.RENEWED:
        return Phase.RECORD_OUTDATED
    if status is Status.UNKNOWN:
        return Phase.DATES_UNKNOWN
    if status is Status.EXPIRED:
        return Phase.RESTRICTED
    if case in REPLACEMENT_CASES:
        return Phase.REPLACING
    if status is Status.LONG_TERM or days_left is None:
        return Phase.LONG_TERM
    # inside the renewal window the advice is "renew now", whatever the reminder period
    if status is Status.RENEWABLE or days_left <= rules.reminder_days:
        return Phase.REMINDER
    return Phase.NO_ACTION


def _case(situation: Situation, status: Status, minor: bool) -> Case:
    if situation is Situation.RENEWED:
        return Case.RENEWED
    if situation is Situation.EXPIRY:
        if status is Status.LONG_TERM:
            return Case.NONE
        return Case.UNDER16 if minor else Case.EXPIRY
    return Case(situation.value)


def _expected_end(answers: Answers, rules: RulesPack) -> date | None:
    """None for a 长期 band, and when the start date was not given."""
    if answers.start is None:
        return None
    band = rules.band_for(age_on(answers.birth, answers.start))
    return None if band.years is None else add_years(answers.start, band.years)


def _next_terms(birth: date, apply_on: date, rules: RulesPack) -> tuple[str, ...]:
    """Terms for every age the holder may have on the issue date (apply_on .. +max_days)."""
    last_issue = apply_on + timedelta(days=rules.issue_max_days)
    first, last = age_on(birth, apply_on), age_on(birth, last_issue)
    return tuple(dict.fromkeys(rules.band_for(a).term for a in range(first, last + 1)))


def _waiver_unsure(answers: Answers, case: Case, rules: RulesPack) -> bool:
    """低保 / hardship: whether this application is waived is for the office to say."""
    ask = rules.low_income
    return (
        answers.low_income
        and case in NEW_CARD_CASES
        and (case.value in ask.ask_cases or (ask.ask_away and answers.away_from_home))
    )


def _fee(answers: Answers, case: Case, rules: RulesPack) -> tuple[int | None, str | None]:
    if case not in NEW_CARD_CASES:
        return None, None
    rule = rules.cases[case.value]
    if answers.low_income and rule.low_income_exempt and not _waiver_unsure(answers, case, rules):
        return 0, "low_income"
    locality = rules.localities.get(answers.locality or "")
    if locality and not answers.away_from_home and case.value in locality.free_cases_home:
        return 0, "locality"
    return rule.fee_yuan, None


def _materials(answers: Answers, case: Case, minor: bool, rules: RulesPack) -> tuple[str, ...]:
    if case not in NEW_CARD_CASES:
        return ()
    rule = rules.cases[case.value]
    found = list(rule.materials_away if answers.away_from_home else rule.materials_home)
    if minor and "guardian" not in found:
        found.append("guardian")
    if answers.low_income and (rule.low_income_exempt or _waiver_unsure(answers, case, rules)):
        found.append("low_income_proof")
    return tuple(found)


def _needs_temp_id(
    case: Case, status: Status, end: date | None, rules: RulesPack, today: date
) -> bool:
    """Whether the person may be without a usable card while the new one is made."""
    if case in (Case.LOST, Case.DAMAGED):
        return True
    if case not in NEW_CARD_CASES or end is None:
        return False
    # the old card is kept until the new one is collected, but it may expire first
    return status is Status.EXPIRED or end < today + timedelta(days=rules.issue_max_days)


def _sources(
    rules: RulesPack,
    national_window: int,
    case: Case,
    fee_by: str | None,
    temp_id: bool,
    minor: bool,
    locality: str | None,
    waiver_ask: bool,
) -> tuple[str, ...]:
    """The sources of the rules this assessment used, each citation once."""
    named = rules.sources
    found = [named["validity"]]
    if case in (Case.EXPIRY, Case.UNDER16):
        found.append(named["window"])
    if case in NEW_CARD_CASES:
        found += [named["issue"], rules.cases[case.value].source]
    if case not in (Case.NONE,):
        found.append(named["payment_reminder"])
    if minor and case in NEW_CARD_CASES:
        found.append(named["minor"])
    if fee_by == "low_income" or waiver_ask:
        found.append(rules.low_income.source)
    if temp_id:
        found.append(named["temporary_id"])
    place = rules.localities.get(locality or "")
    # a locality's rule is cited only where it changed this person's outcome
    if place and (
        fee_by == "locality"
        or (case in (Case.EXPIRY, Case.UNDER16) and rules.window_months != national_window)
    ):
        found.append(place.source)
    citations = (c.strip() for s in found for c in s.split(";"))
    return tuple(dict.fromkeys(c for c in citations if c))


def assess(answers: Answers, today: date, rules: RulesPack) -> Assessment:
    """Assess a card. Raises InputError (and nothing else) for impossible input."""
    check_dates(answers, today)
    from_15 = _check_id_number(answers, today)
    national_window = rules.window_months
    rules = rules.with_locality(answers.locality) if answers.locality else rules
    end = answers.end
    window_from = None if end is None else add_months(end, -rules.window_months)
    status = _status(answers, window_from, today)

    apply_on = today if window_from is None else max(today, window_from)
    if answers.situation is not Situation.EXPIRY:
        apply_on = today  # loss, damage and a new name do not wait for the window
    minor = age_on(answers.birth, apply_on) < rules.minor_age
    case = _case(answers.situation, status, minor)
    new_card = case in NEW_CARD_CASES
    minor = minor and new_card
    windowed = case in (Case.EXPIRY, Case.UNDER16)
    fee, waived_by = _fee(answers, case, rules)
    waiver_ask = _waiver_unsure(answers, case, rules)
    expected_end = _expected_end(answers, rules)
    temp = rules.temporary_id
    temp_id = (
        TempIdAdvice(
            temp.fee_yuan,
            temp.valid_months,
            temp.issue_days,
            temp.materials,
            temp.away_unsure and answers.away_from_home,
        )
        if _needs_temp_id(case, status, end, rules, today)
        else None
    )

    days_left = None if end is None or status is Status.EXPIRED else (end - today).days
    warnings = []
    if answers.dates_known and expected_end != end:
        warnings.append("range_mismatch")
    if from_15:
        warnings.append("id_converted_from_15")
    if case is Case.NONE:
        warnings.append("long_term_no_renewal")
    if windowed and status is Status.VALID:
        warnings.append("not_yet_renewable")
    if minor:
        warnings.append("minor_needs_guardian")
    if case is Case.RENAMED:
        warnings.append("renamed_hukou_first")
    if case is Case.LOST:
        warnings.append("lost_report_promptly")
    if new_card and answers.away_from_home:
        warnings.append("away_limits")
    if waiver_ask:
        warnings.append("fee_waiver_ask")
    if temp_id is not None and temp_id.away_unsure:
        warnings.append("temp_id_away_unsure")
    if answers.travel_soon and new_card and (temp_id is not None or status is Status.EXPIRED):
        warnings.append("travel_without_card")
    if status is Status.RENEWABLE and windowed and temp_id is not None:
        warnings.append("may_expire_before_new_card")

    return Assessment(
        today=today,
        status=status,
        start_date=answers.start,
        end_date=end,
        apply_from=window_from if windowed else None,
        days_left=days_left,
        days_overdue=(today - end).days if end is not None and status is Status.EXPIRED else None,
        window_months=rules.window_months,
        case=case,
        phase=_phase(case, status, days_left, rules),
        apply_on=apply_on if new_card else None,
        remind_on=(apply_on if apply_on > today else today + timedelta(days=1))
        if new_card
        else None,
        next_terms=_next_terms(answers.birth, apply_on, rules) if new_card else (),
        expected_end=expected_end,
        fee_yuan=fee,
        fee_waived_by=waived_by,
        materials=_materials(answers, case, minor, rules),
        temp_id=temp_id,
        warnings=tuple(warnings),
        situation=answers.situation,
        away_from_home=answers.away_from_home,
        minor=minor,
        minor_age=rules.minor_age,
        payment_reminder_days=rules.reminder_days,
        issue_max_days=rules.issue_max_days,
        issue_extra_days=rules.issue_extra_days,
        rules_checked=rules.checked,
        rules_sources=_sources(
            rules,
            national_window,
            case,
            waived_by,
            temp_id is not None,
            minor,
            answers.locality,
            waiver_ask,
        ),
    )
