"""Every number a rule decides reaches what a person sees from the rules pack (issue 21).

One test per number in resources/rules/national.toml: in a copy of the pack, change
that number and find the new value, and never the old one, on screen (the real wizard
and every present.* text the pages show), in the `assess` text summary and in the PDF.

The copy first gives every number a value of its own ("distinct"), so that a stale
"3 个月" cannot hide behind another rule's 3 months.
"""

import io
import re
import shutil
from datetime import date

import pypdf
import pytest
from PySide6.QtWidgets import QWizard

from gui import present
from gui.content import LOCALES, load_content
from gui.domain import Answers, Situation, assess, load_rules
from gui.export.pdf import render_pdf
from gui.flow import PageId
from gui.resources import resource_path
from gui.text_summary import summary_lines
from tests.conftest import TODAY, answer_situation, fill_card

# every number of the pack: its value in force, its distinct value, the value a test sets
DISTINCT = {
    ("validity", "band0_years"): (5, 6, 8),
    ("validity", "band1_age"): (16, 17, 19),
    ("validity", "band1_years"): (10, 11, 13),
    ("validity", "band2_age"): (26, 27, 29),
    ("validity", "band2_years"): (20, 21, 23),
    ("validity", "band3_age"): (46, 47, 49),
    ("window", "months"): (3, 4, 5),
    ("issue", "max_days"): (60, 61, 64),
    ("issue", "remote_extra_days"): (30, 31, 33),
    ("minor", "under_age"): (16, 15, 14),
    ("payment_reminder", "days_before"): (60, 59, 57),
    ("cases.expiry", "fee_yuan"): (20, 22, 32),
    ("cases.under16", "fee_yuan"): (20, 23, 33),
    ("cases.first_generation", "fee_yuan"): (20, 24, 34),
    ("cases.damaged", "fee_yuan"): (40, 41, 51),
    ("cases.lost", "fee_yuan"): (40, 42, 52),
    ("cases.renamed", "fee_yuan"): (20, 25, 35),
    ("temporary_id", "fee_yuan"): (10, 12, 16),
    ("temporary_id", "valid_months"): (3, 7, 9),
    ("temporary_id", "issue_days"): (3, 2, 6),
    ("first_generation", "issued_before"): (date(2004, 1, 1), date(2003, 6, 1), date(2002, 9, 1)),
    ("first_generation", "void_from"): (date(2013, 1, 1), date(2012, 7, 1), date(2011, 5, 1)),
}
BANDS = (  # the validity bands, written out with the band values above
    "bands = [\n"
    '    {{ min_age = 0, term = "5y", years = {band0_years} }},\n'
    '    {{ min_age = {band1_age}, term = "10y", years = {band1_years} }},\n'
    '    {{ min_age = {band2_age}, term = "20y", years = {band2_years} }},\n'
    '    {{ min_age = {band3_age}, term = "long_term" }},\n'
    "]"
)


def kind_of(table: str, key: str) -> str:
    """How the number is worded: the kind of pattern that finds it in the text."""
    if table == "first_generation":
        return "date"
    if key.startswith("band") or key == "under_age":
        return key.rsplit("_", 1)[1]  # "age" or "years"
    if key.endswith("months"):
        return "months"
    return "yuan" if key == "fee_yuan" else "days"


# cards that make each kind of number appear (birth, start, end, situation)
VALID = ("1990-01-01", "2020-01-01", "2040-01-01", Situation.EXPIRY)  # before the window
EXPIRED = ("1980-05-01", "2006-05-01", "2026-05-01", Situation.EXPIRY)


def near(age: int) -> tuple:
    """A card that ends on 2027-01-20, its holder turning `age` five days before."""
    return (f"{2027 - age}-01-15", "2017-01-20", "2027-01-20", Situation.EXPIRY)


CHILD = ("2013-03-01", "2021-10-01", "2026-10-01", Situation.EXPIRY)
FIRST_GENERATION = ("1940-05-01", "1995-06-01", "2015-06-01", Situation.EXPIRY)
AGES = {f"band{i}_age": DISTINCT[("validity", f"band{i}_age")][1:] for i in (1, 2, 3)}
CARDS = {
    # a term is named beside the next band's (the birthday's) term
    ("validity", "band0_years"): [near(AGES["band1_age"][0])],
    ("validity", "band1_years"): [near(AGES["band1_age"][0]), near(AGES["band2_age"][0])],
    ("validity", "band2_years"): [near(AGES["band2_age"][0]), near(AGES["band3_age"][0])],
    # the changed age: that birthday is the one named
    **{("validity", k): [near(new)] for k, (_, new) in AGES.items()},
    ("window", "months"): [VALID],
    ("issue", "max_days"): [EXPIRED],
    ("issue", "remote_extra_days"): [EXPIRED],
    ("minor", "under_age"): [CHILD],
    ("payment_reminder", "days_before"): [VALID],
    ("cases.expiry", "fee_yuan"): [EXPIRED],
    ("cases.under16", "fee_yuan"): [CHILD],
    ("cases.first_generation", "fee_yuan"): [FIRST_GENERATION],
    ("cases.damaged", "fee_yuan"): [(*EXPIRED[:3], Situation.DAMAGED)],
    ("cases.lost", "fee_yuan"): [(*EXPIRED[:3], Situation.LOST)],
    ("cases.renamed", "fee_yuan"): [(*EXPIRED[:3], Situation.RENAMED)],
    ("temporary_id", "fee_yuan"): [EXPIRED],
    ("temporary_id", "valid_months"): [EXPIRED],
    ("temporary_id", "issue_days"): [EXPIRED],
    ("first_generation", "issued_before"): [FIRST_GENERATION],
    ("first_generation", "void_from"): [FIRST_GENERATION],
}


def pattern(kind: str, value: object, locale: str) -> str:
    """The number as the wording states it; dates and other numbers do not match."""
    if isinstance(value, date):
        return re.escape(present.format_date(value, load_content(locale)))
    n = rf"(?<![\d.–-]){value}"
    if locale == "zh_CN":  # a date's day ("12月2日") is not a count of days
        return {
            "years": rf"{n} ?年",
            "age": rf"{n} ?周岁",
            "months": rf"{n} ?个月",
            "days": rf"(?<!月){n} ?[天日]",
            "yuan": rf"{n} ?元",
        }[kind]
    return {
        "years": rf"{n}[- ]years?\b",
        "age": rf"(?:[Uu]nder|turn|turns) {value}(?!\d)",
        "months": rf"{n}[- ]months?\b",
        "days": rf"{n} (?:working )?days?\b|up to {value} more",
        "yuan": rf"{n} yuan\b",
    }[kind]


def _set(text: str, table: str, key: str, value: object) -> str:
    """`key = …` inside `[table]` set to value."""
    start = text.index(f"[{table}]\n")
    end = text.find("\n[", start + 1)
    end = len(text) if end < 0 else end
    block, count = re.subn(rf"(?m)^{key} = .*$", f"{key} = {value}", text[start:end])
    assert count == 1, (table, key)
    return text[:start] + block + text[end:]


def write_pack(folder, values: dict) -> None:
    shutil.copytree(resource_path("rules"), folder)
    path = folder / "national.toml"
    text = path.read_text(encoding="utf-8")
    bands = {key: v for (table, key), v in values.items() if table == "validity"}
    text = re.sub(r"(?s)bands = \[\n.*?\n\]", lambda _: BANDS.format(**bands), text, count=1)
    for (table, key), value in values.items():
        if table != "validity":
            text = _set(text, table, key, value)
    path.write_text(text, encoding="utf-8")


def screen_text(a, content) -> str:
    """What the result pages show, from the functions they render."""
    said = [*present.headline(a, content), present.next_step(a, content)]
    said += [f"{k} {v}" for k, v in present.status_rows(a, content)]
    said += [*present.warnings(a, content), *present.recap(a, content)]
    said += [present.sheet_title(a, content), present.case_label(a, content)]
    for section in (
        present.impact_sections(a, content)
        + present.checklist_sections(a, content)
        + present.tips_sections(a, content)
    ):
        said += [section.heading, *section.items]
    said += list(present.alipay_notes(a, content).values())
    return "\n".join(said)


def pdf_text(a, content) -> str:
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(a, content)))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def wizard_text(make_wizard, pack, card, locale) -> str:
    """Every page of the real wizard, walked with this pack's rules."""
    from tests.test_case_screens import page_text

    wizard = make_wizard(locale)
    wizard.session.rules = pack
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    next_button.click()
    birth, start, end, situation = card
    fill_card(wizard, birth, start, end)
    next_button.click()
    answer_situation(wizard, situation)
    seen = []
    while wizard.current_page() is not PageId.SUMMARY:
        assert next_button.isEnabled(), wizard.current_page()
        next_button.click()
        seen.append(page_text(wizard.pages[wizard.current_page()]))
    return "\n".join(seen)


@pytest.fixture(scope="module")
def fonts(qapp):
    from gui.fonts import load_fonts

    load_fonts()


@pytest.mark.parametrize("number", list(DISTINCT), ids="/".join)
def test_a_changed_rule_number_leaves_no_stale_statement(number, tmp_path, fonts, make_wizard):
    table, key = number
    kind = kind_of(table, key)
    real, old, new = DISTINCT[number]
    write_pack(tmp_path / "rules", {k: v for k, (_, v, _) in DISTINCT.items()} | {number: new})
    pack = load_rules(tmp_path / "rules")
    for locale in LOCALES:
        content = load_content(locale)
        surfaces = {}
        for birth, start, end, situation in CARDS[number]:
            day = date.fromisoformat
            answers = Answers(day(birth), day(start), day(end), situation=situation)
            a = assess(answers, TODAY, pack)
            surfaces[f"screen {birth}"] = screen_text(a, content)
            surfaces[f"assess {birth}"] = "\n".join(summary_lines(a, content))
            surfaces[f"pdf {birth}"] = pdf_text(a, content)
        surfaces["wizard"] = wizard_text(make_wizard, pack, CARDS[number][0], locale)
        # the number in force, typed into a text, would stay when the pack changes
        stale = "|".join(pattern(kind, v, locale) for v in (real, old))
        fresh = pattern(kind, new, locale)
        for name, text in surfaces.items():
            found = re.search(stale, text)
            assert found is None, (locale, name, found and text[found.start() - 60 : found.end()])
        everywhere = "\n".join(surfaces.values())
        assert re.search(fresh, everywhere), (locale, fresh)  # the test can fail
        assert re.search(fresh, surfaces["wizard"]), (locale, "wizard", fresh)


def test_the_numbers_in_force_are_the_packs(rules):
    """The table above names each number's value in force: it must be the pack's."""
    bands = {f"band{i}_age": b.min_age for i, b in enumerate(rules.bands) if i}
    bands |= {f"band{i}_years": b.years for i, b in enumerate(rules.bands) if b.years}
    cases = {f"cases.{c}": r.fee_yuan for c, r in rules.cases.items()}
    temp = rules.temporary_id
    real = {
        **{("validity", k): v for k, v in bands.items()},
        ("window", "months"): rules.window_months,
        ("issue", "max_days"): rules.issue_max_days,
        ("issue", "remote_extra_days"): rules.issue_extra_days,
        ("minor", "under_age"): rules.minor_age,
        ("payment_reminder", "days_before"): rules.reminder_days,
        **{(c, "fee_yuan"): v for c, v in cases.items()},
        ("temporary_id", "fee_yuan"): temp.fee_yuan,
        ("temporary_id", "valid_months"): temp.valid_months,
        ("temporary_id", "issue_days"): temp.issue_days,
        ("first_generation", "issued_before"): rules.first_generation_before,
        ("first_generation", "void_from"): rules.first_generation_void_from,
    }
    assert {k: v[0] for k, v in DISTINCT.items()} == real
