"""Content is complete in every language and every claim is sourced and dated."""

import re
from datetime import date

import pytest

from gui.content import LOCALES, load_content
from gui.domain.assess import Case, Status
from gui.domain.rules import TERMS


def keys(node, prefix=""):
    if isinstance(node, dict) and "text" not in node:
        for k, v in node.items():
            yield from keys(v, f"{prefix}.{k}" if prefix else k)
    else:
        yield prefix


def test_every_key_exists_in_every_language():
    key_sets = {loc: set(keys(load_content(loc).files)) for loc in LOCALES}
    reference = key_sets["zh_CN"]
    for loc, found in key_sets.items():
        assert found == reference, (loc, found ^ reference)


@pytest.mark.parametrize("locale", LOCALES)
def test_claims_carry_source_and_checked(locale):
    content = load_content(locale)
    for file in ("materials", "warnings"):
        for key, item in content.files[file].items():
            assert item["source"], (file, key)
            assert isinstance(item["checked"], date), (file, key)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_id_the_engine_emits_has_wording(locale, rules):
    content = load_content(locale)
    materials = {m for c in rules.cases.values() for m in c.materials_home + c.materials_away}
    materials |= set(rules.temporary_id.materials) | {"guardian", "guardian_away"}
    materials.add("low_income_proof")
    for m in materials:
        assert content.text(f"materials.{m}")
    for s in Status:
        assert content.text(f"summary.status.{s}")
    for c in Case:
        assert content.text(f"summary.case.{c}")
    for t in TERMS:  # the years come from the bands: "{years} 年"
        years = rules.term_years(t)
        name = "long_term" if years is None else "years"
        assert content.text(f"summary.term.{name}", years=years)


def test_warnings_emitted_by_the_engine_have_wording():
    import inspect

    from gui.domain.assess import _warnings

    source = inspect.getsource(_warnings)
    emitted = set(re.findall(r'\(\s*"(\w+)",', source))
    assert emitted
    for locale in LOCALES:
        assert emitted == set(load_content(locale).files["warnings"]), locale


def texts(node):
    """Every worded claim in a content file: (key, table) for tables with `text`."""
    if isinstance(node, dict) and "text" in node:
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from texts(value)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    "file", ["impacts", "checklist", "alipay_path", "tips", "materials", "warnings"]
)
def test_every_claim_in_every_file_is_sourced_and_dated(locale, file):
    for item in texts(load_content(locale).files[file]):
        assert item["source"].strip(), item["text"]
        assert isinstance(item["checked"], date), item["text"]
        assert "第二十条" not in item["source"] + item["text"]  # 2003 numbering: now 第二十一条
        assert "实施细则（试行）" not in item["source"]  # the window's source is the 1986 细则


@pytest.mark.parametrize("locale", LOCALES)
def test_hedges_say_may(locale):
    content = load_content(locale)
    may = "可能" if locale == "zh_CN" else "may"
    for key in (
        "tips.credit.repay_on_time",
        "impacts.lost.misuse",
        "impacts.renamed.name_update",
        "impacts.alipay.restricted.bills_due",
        "alipay_path.notes.paths_vary",
    ):
        assert may in content.text(key, compiled="x"), key


def _everything_said(a, content):
    """All a person can see for this assessment: every result page's texts (status rows,
    headline, titles), the `assess` text summary and the PDF's text."""
    import io

    import pypdf

    from gui import present
    from gui.export.pdf import render_pdf
    from gui.text_summary import summary_lines

    said = [*present.warnings(a, content), present.next_step(a, content)]
    said += [*present.headline(a, content), present.sheet_title(a, content)]
    said += [f"{k} {v}" for k, v in present.status_rows(a, content)]
    said += present.recap(a, content)
    for section in (
        present.impact_sections(a, content)
        + present.checklist_sections(a, content)
        + present.tips_sections(a, content)
    ):
        said += [section.heading, *section.items]
    said += list(present.alipay_notes(a, content).values())
    said += summary_lines(a, content)
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(a, content)))
    said += [" ".join(page.extract_text().split()) for page in reader.pages]
    return "\n".join(said)


@pytest.mark.parametrize("locale", LOCALES)
def test_numbers_in_the_wording_come_from_the_rules_in_force(rules, locale, qapp):
    """A kiosk whose locality has a 6-month window (and other numbers) is told its own."""
    from dataclasses import replace

    from gui.domain import Answers, Situation, assess
    from gui.fonts import load_fonts

    load_fonts()
    content = load_content(locale)
    odd = replace(
        rules,
        window_months=6,
        reminder_days=45,
        issue_max_days=50,
        issue_extra_days=25,
        minor_age=15,
        temporary_id=replace(rules.temporary_id, fee_yuan=11, valid_months=4, issue_days=5),
        cases={k: replace(c, fee_yuan=c.fee_yuan + 1) for k, c in rules.cases.items()},
    )
    said = ""
    for birth, start, end, situation in [
        ("1990-01-01", "2020-01-01", "2040-01-01", Situation.EXPIRY),  # not yet
        ("1990-01-01", "2017-01-20", "2027-01-20", Situation.EXPIRY),  # may expire first
        ("2012-03-01", "2021-10-01", "2026-10-01", Situation.EXPIRY),  # minor (14)
        ("1990-01-01", "2020-01-01", "2040-01-01", Situation.LOST),
    ]:
        a = assess(
            Answers(
                date.fromisoformat(birth),
                date.fromisoformat(start),
                date.fromisoformat(end),
                situation,
            ),
            date(2026, 11, 29),
            odd,
        )
        said += _everything_said(a, content)
    months = "个月" if locale == "zh_CN" else " months"
    assert f"6{months}" in said.replace(" 个月", "个月")
    for stale in (
        f"3{months}",
        "60",
        "未满 16",
        "16 周岁",
        "Under 16",
        "under 16",
        "20 元",
        "40 元",
        "20 yuan",
        "40 yuan",
        "10 元",
        "10 yuan",
    ):
        assert stale not in said.replace(" 个月", "个月"), stale
    for fresh in ("45", "50", "25", "15", "41", "21", "11"):
        assert fresh in said, fresh
