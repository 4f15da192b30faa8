"""Turn one Assessment into the words the pages, the summary and the PDF show.

Qt-free: everything here returns plain strings and lists. No rule is decided here;
the Assessment already says what applies, this module only picks the wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gui.content import Content
from gui.domain import Assessment
from gui.domain.assess import Case, Status

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


@dataclass(frozen=True)
class Section:
    heading: str
    items: tuple[str, ...]


def format_date(day: date | None, content: Content) -> str:
    if day is None:
        return content.text("summary.labels.long_term_end")
    return content.text("summary.date.format", year=day.year, month=day.month, day=day.day,
                        month_name=MONTHS[day.month - 1])


def params(a: Assessment, content: Content) -> dict[str, object]:
    """Placeholder values every content text may use."""
    temp = a.temp_id
    return {
        "end_date": format_date(a.end_date, content),
        "apply_from": format_date(a.apply_from, content) if a.apply_from else "—",
        "expected_end": format_date(a.expected_end, content),
        "days_left": a.days_left if a.days_left is not None else "—",
        "days_overdue": a.days_overdue if a.days_overdue is not None else "—",
        "temp_fee": temp.fee_yuan if temp else "—",
        "temp_days": temp.issue_days if temp else "—",
        "temp_months": temp.valid_months if temp else "—",
        "checked": format_date(a.rules_checked, content),
    }


def headline(a: Assessment, content: Content) -> tuple[str, str]:
    """(icon, words) for the status banner; `a.status` names its colour."""
    key, icon = {
        Status.VALID: ("valid", "✓"),
        Status.RENEWABLE: ("renewable", "▶"),
        Status.EXPIRED: ("expired", "⚠"),
        Status.LONG_TERM: ("long_term", "✓"),
    }[a.status]
    if a.case is Case.RENEWED:
        key, icon = "renewed", "✓"
    elif a.status is Status.RENEWABLE and a.days_left == 0:
        key = "renewable_last_day"
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

    rows = [
        (label("status"), content.text(f"summary.status.{a.status}")),
        (label("end_date"), format_date(a.end_date, content)),
    ]
    if a.apply_from:
        rows.append((label("apply_from"), format_date(a.apply_from, content)))
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
    return content.text("summary.labels.temp_id_value", fee=t.fee_yuan, days=t.issue_days,
                        months=t.valid_months)


def _items(content: Content, key: str, values: dict[str, object]) -> tuple[str, ...]:
    return tuple(content.text(f"{key}.{item}", **values) for item in content.get(key))


def impact_sections(a: Assessment, content: Content) -> list[Section]:
    """Alipay, then WeChat Pay / banks / 12306, then what to do meanwhile."""
    values = params(a, content)
    heading = content.get("impacts.headings")
    sections = [
        Section(heading["alipay"], _items(content, f"impacts.alipay.{a.phase}", values)),
        Section(heading["others"], _items(content, f"impacts.others.{a.phase}", values)),
    ]
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
    return [Step(content.text(f"alipay_path.fallbacks.{k}"), v.get("image"))
            for k, v in found.items()]


def alipay_notes(a: Assessment, content: Content) -> dict[str, str]:
    values = params(a, content)
    return {k: content.text(f"alipay_path.notes.{k}", **values)
            for k in content.get("alipay_path.notes")}


def checklist_sections(a: Assessment, content: Content) -> list[Section]:
    """What to bring and what happens at the office, for this case and place."""
    values = params(a, content)
    heading = content.get("checklist.headings")
    place = "away" if a.away_from_home else "home"
    fee = fee_text(a, content) or ""
    sections = [
        Section(heading["documents"], tuple(materials(a, content))),
        Section(heading["fee"], (fee, content.text("checklist.fee.note"))),
        Section(heading["where"], (content.text(f"checklist.where.{place}"),)),
        Section(heading["at_office"], _items(content, "checklist.at_office", values)),
        Section(heading["processing"], _items(content, "checklist.processing", values)),
    ]
    if a.temp_id is not None:
        temp = [content.text("checklist.temp_id.what", **values)]
        if a.temp_id.away_unsure:
            temp.append(content.text("checklist.temp_id.away"))
        sections.append(Section(heading["temp_id"], tuple(temp)))
    return sections


def tips_sections(content: Content) -> list[Section]:
    heading = content.get("tips.headings")
    return [Section(heading[k], _items(content, f"tips.{k}", {})) for k in ("prevention", "credit")]
