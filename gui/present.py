"""Turn one Assessment into the words the pages, the summary and the PDF show.

Qt-free: everything here returns plain strings and lists. No rule is decided here;
the Assessment already says what applies, this module only picks the wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gui.content import Content
from gui.domain import Assessment
from gui.domain.assess import NEW_CARD_CASES, REPLACEMENT_CASES, Case, Status
from gui.languages import LANGUAGES


@dataclass(frozen=True)
class Section:
    heading: str
    items: tuple[str, ...]


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
    """The printed end date, 长期, or that it was not given (never a guessed date)."""
    if a.status is Status.UNKNOWN:
        return content.text("summary.labels.dates_not_given")
    return format_date(a.end_date, content)


def params(a: Assessment, content: Content) -> dict[str, object]:
    """Placeholder values every content text may use.

    Every number a rule decides reaches the wording from here, so a kiosk whose
    locality changes a rule (e.g. a 6-month window) is told its own number.
    """
    temp = a.temp_id
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
        "compiled": format_date(compiled, content),
    }


def headline(a: Assessment, content: Content) -> tuple[str, str]:
    """(icon, words) for the status banner; `a.status` names its colour."""
    if a.case is Case.RENEWED:
        key, icon = "renewed", "✓"
    elif a.case in REPLACEMENT_CASES and a.status is not Status.EXPIRED:
        key, icon = a.case.value, "▶"  # no window: the printed dates do not matter
    elif a.status is Status.RENEWABLE and a.days_left == 0:
        key, icon = "renewable_last_day", "▶"
    else:  # Status.UNKNOWN comes only with a replacement case, above
        key, icon = {
            Status.VALID: ("valid", "✓"),
            Status.RENEWABLE: ("renewable", "▶"),
            Status.EXPIRED: ("expired", "⚠"),
            Status.LONG_TERM: ("long_term", "✓"),
        }[a.status]
    return icon, content.text(f"summary.headline.{key}", **params(a, content))


def terms_text(a: Assessment, content: Content) -> str | None:
    terms = [content.text(f"summary.term.{t}") for t in a.next_terms]
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


def status_rows(a: Assessment, content: Content) -> list[tuple[str, str]]:
    """Label/value pairs describing where the person stands."""

    def label(key: str, **kw: object) -> str:
        return content.text(f"summary.labels.{key}", **kw)

    status = a.status.value
    if a.case in REPLACEMENT_CASES and a.status in (Status.VALID, Status.RENEWABLE):
        status = "dates_valid"  # "valid" would read as "nothing to do"
    rows = [
        (label("status"), content.text(f"summary.status.{status}")),
        (label("end_date"), _end_date(a, content)),
    ]
    if a.apply_on is not None:
        when = (
            label("apply_now")
            if a.applies_now
            else label("apply_on_date", date=format_date(a.apply_on, content))
        )
        rows.append((label("apply_on"), when))
    if a.days_left is not None:
        left = label("last_day") if a.days_left == 0 else label("days_left_value", days=a.days_left)
        rows.append((label("days_left"), left))
    if a.days_overdue is not None:
        rows.append((label("days_overdue"), label("days_overdue_value", days=a.days_overdue)))
    rows.append((label("case"), content.text(f"summary.case.{a.case}")))
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


def temp_id_line(a: Assessment, content: Content) -> str | None:
    if a.temp_id is None:
        return None
    t = a.temp_id
    return content.text(
        "summary.labels.temp_id_value", fee=t.fee_yuan, days=t.issue_days, months=t.valid_months
    )


def _items(
    content: Content, key: str, values: dict[str, object], minor: bool = False
) -> tuple[str, ...]:
    """Every text under `key`, in file order; `adult_only` ones are left out for a minor
    (credit products and credit advice mean nothing to a child's guardian)."""
    return tuple(
        content.text(f"{key}.{name}", **values)
        for name, item in content.get(key).items()
        if not (minor and isinstance(item, dict) and item.get("adult_only"))
    )


def impact_sections(a: Assessment, content: Content) -> list[Section]:
    """Alipay, then WeChat Pay / banks / 12306, then the case's own, then meanwhile."""
    values = params(a, content)
    heading = content.get("impacts.headings")
    sections = [
        Section(heading["alipay"], _items(content, f"impacts.alipay.{a.phase}", values, a.minor)),
        Section(heading["others"], _items(content, f"impacts.others.{a.phase}", values)),
    ]
    if a.case in (Case.LOST, Case.RENAMED):
        sections.append(
            Section(heading[a.case.value], _items(content, f"impacts.{a.case.value}", values))
        )
    if a.temp_id is not None:
        meanwhile = _items(content, "impacts.meanwhile", values)
        if a.temp_id.away_unsure:  # FACTS: not known whether it is issued away from home
            meanwhile = (*meanwhile, content.text("checklist.temp_id.away"))
        sections.append(Section(heading["meanwhile"], meanwhile))
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


def _fee_lines(a: Assessment, content: Content) -> tuple[str, ...]:
    """This person's fee and only the waiver that concerns them."""
    lines = [fee_text(a, content) or ""]
    if a.fee_waived_by == "low_income":
        lines.append(content.text("checklist.fee.low_income_waived"))
    elif a.fee_waived_by == "locality":
        lines.append(content.text("checklist.fee.locality_waived"))
    elif a.case is not Case.LOST and "fee_waiver_ask" not in a.warnings:
        lines.append(content.text("checklist.fee.hardship"))  # 补领 is never waived
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
        Section(heading["documents"], tuple(materials(a, content))),
        Section(heading["fee"], _fee_lines(a, content)),
        Section(heading["where"], (content.text(f"checklist.where.{place}"),)),
        Section(heading["at_office"], _items(content, "checklist.at_office", values)),
        Section(heading["collect"], tuple(collect)),
        Section(heading["processing"], _items(content, "checklist.processing", values)),
    ]
    if a.temp_id is not None:
        temp = [content.text("checklist.temp_id.what", **values)]
        if a.temp_id.away_unsure:
            temp.append(content.text("checklist.temp_id.away"))
        sections.append(Section(heading["temp_id"], tuple(temp)))
    return sections


def tips_sections(a: Assessment, content: Content) -> list[Section]:
    """Prevention for everyone; credit habits only for an adult's own card."""
    heading = content.get("tips.headings")
    kinds = ("prevention",) if a.minor else ("prevention", "credit")
    values = params(a, content)
    return [Section(heading[k], _items(content, f"tips.{k}", values)) for k in kinds]


def next_step(a: Assessment, content: Content) -> str:
    """One sentence that opens every result page: what to do now."""
    key = a.case.value
    if a.case in (Case.EXPIRY, Case.UNDER16):
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
    return content.text(f"export.pdf.titles.{a.case}")


def alipay_heading(a: Assessment, content: Content) -> str:
    """The sheet's Alipay heading for this case."""
    by_case = content.get("export.pdf.alipay_by_case")
    return str(by_case.get(a.case.value, content.text("export.pdf.alipay")))


def travel_section(a: Assessment, content: Content) -> Section | None:
    """Trains and flights without a usable card, when a trip is near."""
    if "travel_without_card" not in a.warnings:
        return None
    return next(
        (
            s
            for s in impact_sections(a, content)
            if s.heading == content.get("impacts.headings")["meanwhile"]
        ),
        None,
    )
