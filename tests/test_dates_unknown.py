"""A lost or damaged card whose printed dates the person does not know (issue 18).

Only the birth date is needed: the case, fee, materials, next term and guardian rule
follow from it and the application day; nothing is claimed about the old card's dates.
"""

import json
import re

import pytest

from gui import present
from gui.cli import main
from gui.content import LOCALES, load_content
from gui.domain import Answers, InputError, Situation, assess
from gui.domain.assess import Case, Phase, Status
from tests.conftest import d

TODAY = d("2026-11-29")


def unknown(birth="1980-05-01", situation=Situation.LOST, **kw):
    return Answers(d(birth), None, None, situation, **kw)


@pytest.mark.parametrize(
    ("situation", "case", "fee", "materials"),
    [
        (Situation.LOST, Case.LOST, 40, ("hukou_book",)),
        (Situation.DAMAGED, Case.DAMAGED, 40, ("old_card", "hukou_book")),
    ],
)
def test_case_fee_and_materials_need_only_the_birth_date(rules, situation, case, fee, materials):
    a = assess(unknown(situation=situation), TODAY, rules)
    assert (a.status, a.phase, a.case) == (Status.UNKNOWN, Phase.DATES_UNKNOWN, case)
    assert (a.fee_yuan, a.materials) == (fee, materials)
    assert a.apply_on == TODAY and a.applies_now
    assert a.remind_on == d("2026-11-30")
    assert a.temp_id is not None  # no usable card while the new one is made
    # nothing about the old card's dates: no overdue days, no window, no mismatch
    assert (a.start_date, a.end_date, a.expected_end) == (None, None, None)
    assert (a.days_left, a.days_overdue, a.apply_from) == (None, None, None)
    assert "range_mismatch" not in a.warnings


@pytest.mark.parametrize(
    ("birth", "terms"),
    [
        ("1980-05-01", ("long_term",)),  # 46 today
        ("1981-01-20", ("20y", "long_term")),  # 46 within the 60 days a card may take
        ("2001-01-20", ("10y", "20y")),
        ("2011-06-01", ("5y",)),  # 15: a 5-year card
    ],
)
def test_next_term_follows_from_birth_and_the_application_day(rules, birth, terms):
    assert assess(unknown(birth), TODAY, rules).next_terms == terms


def test_a_child_under_the_rules_age_brings_a_guardian(rules):
    a = assess(unknown("2012-03-01"), TODAY, rules)
    assert a.minor and "guardian" in a.materials and "minor_needs_guardian" in a.warnings
    sixteen = assess(unknown("2010-11-29"), TODAY, rules)  # 16 today
    assert not sixteen.minor


def test_unknown_dates_are_refused_where_they_decide_the_answer(rules):
    for situation in (Situation.EXPIRY, Situation.RENAMED, Situation.RENEWED):
        with pytest.raises(InputError) as info:
            assess(unknown(situation=situation), TODAY, rules)
        assert info.value.code == "dates_needed"
    with pytest.raises(InputError) as info:  # an end date without its start
        assess(Answers(d("1980-05-01"), None, d("2030-01-01"), Situation.LOST), TODAY, rules)
    assert info.value.code == "dates_partial"


def test_json_says_the_dates_were_not_given(rules):
    data = assess(unknown(), TODAY, rules).to_json()
    assert (data["status"], data["phase"]) == ("unknown", "dates_unknown")
    assert (data["start_date"], data["end_date"], data["days_overdue"]) == (None, None, None)
    assert data["apply_on"] == "2026-11-29" and data["next_terms"] == ["long_term"]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("situation", [Situation.LOST, Situation.DAMAGED])
def test_no_page_claims_anything_about_the_dates(rules, locale, situation):
    content = load_content(locale)
    a = assess(unknown(situation=situation, travel_soon=True), TODAY, rules)
    said = [*(v for _, v in present.status_rows(a, content)), present.headline(a, content)[1]]
    said += [present.next_step(a, content), *present.warnings(a, content)]
    for section in present.impact_sections(a, content) + present.checklist_sections(a, content):
        said += section.items
    text = "\n".join(said)
    not_given = content.text("summary.labels.dates_not_given")
    assert not_given in dict(present.status_rows(a, content)).values()
    rows = dict(present.status_rows(a, content))
    assert rows[content.text("summary.labels.status")] == content.text("summary.status.unknown")
    claims = [content.text(f"summary.status.{s}") for s in ("expired", "long_term")]
    claims += [content.text(f"summary.labels.{k}") for k in ("days_left", "days_overdue")]
    claims += [  # the words around the number of days
        max(re.split(r"\{\w+\}", content.get(key)), key=len)
        for key in ("summary.headline.expired", "summary.labels.days_left_value")
    ]
    claims.append(content.text("summary.status.dates_valid"))
    claims.append(content.text("impacts.alipay.replacing.dates_valid"))
    for claim in claims:
        assert claim not in text, claim
    assert ("现在就可以" if locale == "zh_CN" else "now") in present.next_step(a, content)


CLI = ["--birth", "1980-05-01", "--as-of", "2026-11-29"]


@pytest.mark.parametrize("situation", ["lost", "damaged"])
def test_assess_accepts_a_card_with_no_dates(situation, capsys):
    assert main(["assess", *CLI, "--situation", situation, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["status"], data["case"], data["fee_yuan"]) == ("unknown", situation, 40)
    for lang, not_given in (("zh_CN", "有效期至: 没有填写"), ("en", "Valid until: not given")):
        assert main(["assess", *CLI, "--situation", situation, "--lang", lang]) == 0
        out = capsys.readouterr().out
        assert not_given in out and "2026年" not in out.split("\n")[3]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([], "缺少证件起始日期"),  # expiry needs the dates
        (["--situation", "renamed"], "缺少证件起始日期"),
        (["--situation", "lost", "--end", "2030-01-01"], "要么都填，要么都不填"),
        (["--situation", "lost", "--long-term"], "要么都填，要么都不填"),
        (["--situation", "lost", "--start", "2010-01-01"], "要么都填，要么都不填"),
        (["--start", "2010-01-01"], "缺少截止日期"),
    ],
)
def test_half_given_dates_are_one_clear_line(extra, message, capsys):
    assert main(["assess", *CLI, *extra]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
