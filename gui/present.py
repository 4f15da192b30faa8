"""Turn one Assessment into the words the pages, the summary and the PDF show.

Qt-free: everything here returns plain strings and lists. No rule is decided here;
the Assessment already says what applies, this module only picks the wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gui.content import Content
from gui.domain import Assessment
from gui.domain.assess import (
    NEW_CARD_CASES,
    REPLACEMENT_CASES,
    WINDOW_CASES,
    Case,
    FeeWaiver,
    Status,
)
from gui.languages import LANGUAGES


@dataclass(frozen=True)
class Section:
    """A heading and its items; `key` says what it is, so that code choosing what to
    show never compares translated headings."""

    key: str
    heading: str
    items: tuple[str, ...]
    lead: str = ""  # a sentence before the items


def format_date(day: date | None, content: Content) -> str:
    """A date in the locale's words; None is a 长期 end date."""
    if day is None:
        return content.text("summary.labels.long_term_end")
    return content.text(
        "summary.date.format",
        year=day.year,
        month=day.month,
        day=day.day,
        month_name=LANGUAGES[content.locale].month_names[day.month - 1],
    )


def _end_date(a: Assessment, content: Content) -> str:
    """The printed end date, 长期, or what stands in its place (never a guessed date)."""
    if a.status is Status.UNKNOWN:
        return content.text("summary.labels.dates_not_given")
    if a.status is Status.VOID:
        return content.text("summary.labels.void_end")
    return format_date(a.end_date, content)


def term_name(term: str, years: int | None, content: Content) -> str:
    """ "10 年" / "10 years", or 长期: the years come from the rules' bands."""
    if years is None:
        return content.text("summary.term.long_term")
    return content.text("summary.term.years", years=years)


def params(a: Assessment, content: Content) -> dict[str, object]:
    """Placeholder values every content text may use.

    Every number a rule decides reaches the wording from here, so a kiosk whose
    locality changes a rule (e.g. a 6-month window) is told its own number.
    """
    temp = a.temp_id
    longer = a.longer_term
    compiled = content.get("alipay_path.steps.s1")["checked"]
    return {
        "end_date": _end_date(a, content),
        "apply_from": format_date(a.apply_from, content) if a.apply_from else "—",
        "apply_on": format_date(a.apply_on, content) if a.apply_on else "—",
        "expected_end": format_date(a.expected_end, content) if a.start_date else "—",
        "days_left": a.days_left if a.days_left is not None else "—",
        "days_overdue": a.days_overdue if a.days_overdue is not None else "—",
        "temp_fee": temp.fee_yuan if temp else "—",
        "temp_days": temp.issue_days if temp else "—",
        "temp_months": temp.valid_months if temp else "—",
        "window_months": a.window_months,
        "reminder_days": a.payment_reminder_days,
        "issue_days": a.issue_max_days,
        "issue_extra_days": a.issue_extra_days,
        "minor_age": a.minor_age,
        "void_from": format_date(a.first_generation_void_from, content),
        "first_generation_before": format_date(a.first_generation_before, content),
        "longer_on": format_date(longer.on, content) if longer else "—",
        "longer_age": longer.age if longer else "—",
        "longer_term": term_name(longer.term, longer.years, content) if longer else "—",
        "shorter_term": term_name(longer.instead_of, longer.instead_of_years, content)
        if longer
        else "—",
        "compiled": format_date(compiled, content),
    }


def headline(a: Assessment, content: Content) -> tuple[str, str]:
    """(icon, words) for the status banner; `a.status` names its colour."""
    if a.case is Case.RENEWED:
        key, icon = "renewed", "✓"
    elif a.case in REPLACEMENT_CASES and a.status not in (Status.EXPIRED, Status.VOID):
        key, icon = a.case.value, "▶"  # no window: the printed dates do not matter
    elif a.status is Status.RENEWABLE and a.days_left == 0:
        key, icon = "renewable_last_day", "▶"
    else:  # Status.UNKNOWN comes only with a replacement case, above
        key, icon = {
            Status.VALID: ("valid", "✓"),
            Status.RENEWABLE: ("renewable", "▶"),
            Status.EXPIRED: ("expired", "⚠"),
            Status.VOID: ("void", "⚠"),
            Status.LONG_TERM: ("long_term", "✓"),
        }[a.status]
    return icon, content.text(f"summary.headline.{key}", **params(a, content))


def terms_text(a: Assessment, content: Content) -> str | None:
    terms = [term_name(t, y, content) for t, y in zip(a.next_terms, a.next_term_years, strict=True)]
    if not terms:
        return None
    if len(terms) == 1:
        return terms[0]
    return content.text("summary.labels.next_terms_either", a=terms[0], b=terms[-1])


def fee_text(a: Assessment, content: Content) -> str | None:
    if a.fee_yuan is None:
        return None
    if a.fee_yuan == 0:
        return content.text("summary.labels.fee_free")
    return content.text("summary.labels.fee_value", yuan=a.fee_yuan)


def case_label(a: Assessment, content: Content) -> str:
    """What is applied for, e.g. 到期换领（未满 16 周岁）: the age from the rules."""
    return content.text(f"summary.case.{a.case}", **params(a, content))


def _status_key(a: Assessment) -> str:
    """The status row's words: never "valid" or "长期有效" for a card that is replaced."""
    if a.case is Case.RENEWED:
        return "renewed"
    known = a.status in (Status.VALID, Status.RENEWABLE, Status.LONG_TERM)
    if a.case is Case.LOST and known:
        return "lost"  # void once the 补领 is applied for
    if a.case in REPLACEMENT_CASES and known:
        return "dates_valid"  # "valid" would read as "nothing to do"
    return a.status.value


def status_rows(a: Assessment, content: Content) -> list[tuple[str, str]]:
    """Label/value pairs describing where the person stands."""

    def label(key: str, **kw: object) -> str:
        return content.text(f"summary.labels.{key}", **kw)

    values = params(a, content)
    renewed = a.case is Case.RENEWED  # the dates are the new card's: no countdown
    rows = [
        (label("status"), content.text(f"summary.status.{_status_key(a)}", **values)),
        (label("new_card_end" if renewed else "end_date"), _end_date(a, content)),
    ]
    if a.apply_on is not None:
        when = (
            label("apply_now")
            if a.applies_now
            else label("apply_on_date", date=format_date(a.apply_on, content))
        )
        rows.append((label("apply_on"), when))
    # a card being replaced counts no days: its dates do not decide anything
    if a.days_left is not None and not renewed and a.case not in REPLACEMENT_CASES:
        left = label("last_day") if a.days_left == 0 else label("days_left_value", days=a.days_left)
        rows.append((label("days_left"), left))
    if a.days_overdue is not None and not renewed:
        rows.append((label("days_overdue"), label("days_overdue_value", days=a.days_overdue)))
    rows.append((label("case"), case_label(a, content)))
    terms = terms_text(a, content)
    if terms:
        rows.append((label("next_terms"), terms))
    fee = fee_text(a, content)
    if fee:
        rows.append((label("fee"), fee))
    return rows


def warnings(a: Assessment, content: Content) -> list[str]:
    return [content.text(f"warnings.{w}", **params(a, content)) for w in a.warnings]


def materials(a: Assessment, content: Content) -> list[str]:
    return [content.text(f"materials.{m}") for m in a.materials]


def _items(
    content: Content,
    key: str,
    values: dict[str, object],
    minor: bool = False,
    on_sheet: bool = False,
) -> tuple[str, ...]:
    """Every text under `key`, in file order. `adult_only` ones are left out for a minor
    (credit products mean nothing to a child's guardian), `minor_only` ones for an adult,
    and on paper the ones marked `on_sheet = false` (they repeat the status)."""

    def shown(item: object) -> bool:
        if not isinstance(item, dict):
            return True
        if on_sheet and item.get("on_sheet") is False:
            return False
        return not (item.get("adult_only") and minor) and not (item.get("minor_only") and not minor)

    return tuple(
        content.text(f"{key}.{name}", **values)
        for name, item in content.get(key).items()
        if shown(item)
    )


def _meanwhile(
    a: Assessment, content: Content, values: dict[str, object], on_sheet: bool = False
) -> Section | None:
    if a.temp_id is None:
        return None
    items = _items(content, "impacts.meanwhile", values, a.minor, on_sheet)
    if a.temp_id.away_unsure:  # FACTS: not known whether it is issued away from home
        items = (*items, content.text("checklist.temp_id.away"))
    return Section("meanwhile", content.get("impacts.headings")["meanwhile"], items)


def impact_sections(a: Assessment, content: Content) -> list[Section]:
    """Alipay, then WeChat Pay / banks / 12306, then the case's own, then meanwhile."""
    values = params(a, content)
    heading = content.get("impacts.headings")
    sections = [
        Section(
            "alipay",
            heading["alipay"],
            _items(content, f"impacts.alipay.{a.phase}", values, a.minor),
        ),
        Section("others", heading["others"], _items(content, f"impacts.others.{a.phase}", values)),
    ]
    if a.case in (Case.LOST, Case.RENAMED):
        key = a.case.value
        sections.append(Section(key, heading[key], _items(content, f"impacts.{key}", values)))
    meanwhile = _meanwhile(a, content, values)
    if meanwhile is not None:
        sections.append(meanwhile)
    return sections


@dataclass(frozen=True)
class Step:
    text: str
    image: str | None


def alipay_steps(content: Content) -> list[Step]:
    steps = content.get("alipay_path.steps")
    return [Step(content.text(f"alipay_path.steps.{k}"), v.get("image")) for k, v in steps.items()]


def alipay_fallbacks(content: Content) -> list[Step]:
    found = content.get("alipay_path.fallbacks")
    return [
        Step(content.text(f"alipay_path.fallbacks.{k}"), v.get("image")) for k, v in found.items()
    ]


def alipay_intro(a: Assessment, content: Content) -> str:
    """The Alipay page's first line: when and why this person updates Alipay."""
    key = {Case.RENEWED: "renewed", Case.NONE: "long_term", Case.RENAMED: "renamed"}.get(
        a.case, "new_card"
    )
    if "renewed_card_expired" in a.warnings:  # the route shows no warnings: say it here
        key = "renewed_old_dates"
    return content.text(f"alipay_path.intro.{key}")


def alipay_notes(a: Assessment, content: Content) -> dict[str, str]:
    values = params(a, content)
    notes = {
        k: (item["minor_text"] if a.minor and "minor_text" in item else item["text"]).format(
            **values
        )
        for k, item in content.get("alipay_path.notes").items()
    }
    if a.case is Case.RENAMED:
        notes["name_change"] = content.text("impacts.renamed.name_update")
    return notes


# the checklist's words for each FeeWaiver the engine decides
FEE_WAIVER_TEXT = {
    FeeWaiver.LOW_INCOME: "checklist.fee.low_income_waived",
    FeeWaiver.LOCALITY: "checklist.fee.locality_waived",
    FeeWaiver.POSSIBLE: "checklist.fee.hardship",
    FeeWaiver.NOT_COVERED: "checklist.fee.not_waived",
}


def _fee_lines(a: Assessment, content: Content) -> tuple[str, ...]:
    """This person's fee and only the waiver that concerns them (FeeWaiver.ASK is a
    warning of its own)."""
    lines = [fee_text(a, content) or ""]
    if a.fee_waiver in FEE_WAIVER_TEXT:
        lines.append(content.text(FEE_WAIVER_TEXT[a.fee_waiver]))
    return tuple(lines)


def checklist_sections(a: Assessment, content: Content) -> list[Section]:
    """What to bring and what happens at the office, for this case and place."""
    values = params(a, content)
    heading = content.get("checklist.headings")
    place = "away" if a.away_from_home else "home"
    collect = [content.text("checklist.collect.receipt"), content.text("checklist.collect.who")]
    if "old_card" in a.materials:  # a lost card leaves nothing to hand in
        collect.append(content.text("checklist.collect.old_card"))
    sections = [
        Section("documents", heading["documents"], tuple(materials(a, content))),
        Section("fee", heading["fee"], _fee_lines(a, content)),
        Section("where", heading["where"], (content.text(f"checklist.where.{place}"),)),
        Section("at_office", heading["at_office"], _items(content, "checklist.at_office", values)),
        Section("collect", heading["collect"], tuple(collect)),
        Section(
            "processing", heading["processing"], _items(content, "checklist.processing", values)
        ),
    ]
    if a.temp_id is not None:
        temp = [content.text("checklist.temp_id.what", **values)]
        if a.temp_id.away_unsure:
            temp.append(content.text("checklist.temp_id.away"))
        sections.append(Section("temp_id", heading["temp_id"], tuple(temp)))
    return sections


def tips_sections(a: Assessment, content: Content) -> list[Section]:
    """Prevention for everyone; credit habits only for an adult's own card."""
    heading = content.get("tips.headings")
    kinds = ("prevention",) if a.minor else ("prevention", "credit")
    values = params(a, content)
    return [Section(k, heading[k], _items(content, f"tips.{k}", values)) for k in kinds]


def next_step(a: Assessment, content: Content) -> str:
    """One sentence that opens every result page: what to do now."""
    key = a.case.value
    if a.case in WINDOW_CASES:
        key += "_now" if a.applies_now else "_later"
    return content.text(f"summary.verdict.{key}", **params(a, content))


def recap(a: Assessment, content: Content) -> list[str]:
    """Three lines that close the summary: what now, what to bring or tap, what after."""
    r = "summary.recap"
    if a.case not in NEW_CARD_CASES:
        long_term = a.case is Case.NONE
        alipay, others = (
            ("alipay_long_term", "others_long_term") if long_term else ("alipay_now", "others")
        )
        return [next_step(a, content), content.text(f"{r}.{alipay}"), content.text(f"{r}.{others}")]
    brought = content.text(f"{r}.bring_separator").join(materials(a, content))
    after = "after_renamed" if a.case is Case.RENAMED else "after"
    return [
        next_step(a, content),
        content.text(f"{r}.bring", materials=brought),
        content.text(f"{r}.{after}"),
    ]


def sheet_title(a: Assessment, content: Content) -> str:
    """The printed checklist's title: 补领 for a lost card, 换领 otherwise."""
    return content.text(f"export.pdf.titles.{a.case}", **params(a, content))


def alipay_heading(a: Assessment, content: Content) -> str:
    """The sheet's Alipay heading for this case."""
    by_case = content.get("export.pdf.alipay_by_case")
    return str(by_case.get(a.case.value, content.text("export.pdf.alipay")))


def travel_section(a: Assessment, content: Content) -> Section | None:
    """Trains and flights without a usable card, when a trip is near (for the sheet,
    which has the temporary ID in a section of its own)."""
    if "travel_without_card" not in a.warnings:
        return None
    return _meanwhile(a, content, params(a, content), on_sheet=True)


@dataclass(frozen=True)
class Sheet:
    """Everything the printed checklist says, in order: the PDF lays it out and the
    `assess` text summary prints it, so the two never differ in what they tell."""

    title: str
    dated: tuple[str, str]  # made on, rules checked
    verdict: str
    headline: tuple[str, str]  # icon, words
    status_rows: list[tuple[str, str]]
    sections: list[Section]  # by key: see sheet()
    sources: str
    privacy: str


def _alipay_sections(a: Assessment, content: Content) -> list[Section]:
    """The update steps, the two warnings printed beside them (更换实名, fraud), the
    fallbacks, then the notes."""
    notes = alipay_notes(a, content)
    heading = content.get("alipay_path.headings")
    boxed = (notes.pop("do_not_switch"), notes.pop("fraud"))
    return [
        Section(
            "alipay_steps",
            alipay_heading(a, content),
            tuple(s.text for s in alipay_steps(content)),
            lead=alipay_intro(a, content),
        ),
        Section("alipay_warnings", "", boxed),
        Section(
            "fallbacks", heading["fallbacks"], tuple(s.text for s in alipay_fallbacks(content))
        ),
        Section("notes", heading["notes"], tuple(notes.values())),
    ]


def sheet(a: Assessment, content: Content) -> Sheet:
    """The checklist a person takes home: what to do, what it means for Alipay and the
    bills, what to bring, how to travel meanwhile, how to update Alipay, how to avoid
    this next time. Sections by key: warnings, lost, renamed, alipay_impact,
    documents .. temp_id, meanwhile, alipay_steps, alipay_warnings, fallbacks, notes,
    prevention, credit."""
    values = params(a, content)
    text = content.text
    sections = []
    said = warnings(a, content)
    if said:
        sections.append(Section("warnings", text("export.pdf.warnings"), tuple(said)))
    by_key = {s.key: s for s in impact_sections(a, content)}
    sections += [by_key[k] for k in ("lost", "renamed") if k in by_key]
    impact = _items(content, f"impacts.alipay.{a.phase}", values, a.minor, on_sheet=True)
    sections.append(Section("alipay_impact", content.get("impacts.headings")["alipay"], impact))
    away_said = "temp_id_away_unsure" in a.warnings  # said once, in the warnings
    away = text("checklist.temp_id.away")
    if a.case in NEW_CARD_CASES:
        for section in checklist_sections(a, content):
            items = tuple(i for i in section.items if not (away_said and i == away))
            sections.append(Section(section.key, section.heading, items))
    travel = travel_section(a, content)
    if travel is not None:
        items = tuple(i for i in travel.items if not (away_said and i == away))
        sections.append(Section(travel.key, travel.heading, items))
    if a.case is not Case.NONE:  # a 长期 card needs no new card, so no "once it arrives"
        sections += _alipay_sections(a, content)
    sections += tips_sections(a, content)
    pdf = content.get("export.pdf")
    return Sheet(
        title=sheet_title(a, content),
        dated=(
            text("export.pdf.made_on", date=format_date(a.today, content)),
            text("export.pdf.rules_checked", date=format_date(a.rules_checked, content)),
        ),
        verdict=next_step(a, content),
        headline=headline(a, content),
        status_rows=status_rows(a, content),
        sections=sections,
        sources=text("export.pdf.sources", sources=pdf["source_separator"].join(a.rules_sources)),
        privacy=pdf["privacy"],
    )
