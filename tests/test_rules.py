"""The rules pack loads, and a broken pack fails with the file and key named."""

import shutil

import pytest

from gui.domain import RulesError, load_rules
from gui.domain.rules import CASE_IDS
from gui.resources import resource_path


def test_pack_is_dated_and_sourced(rules):
    assert rules.checked.isoformat() == "2026-12-03"
    assert [b.term for b in rules.bands] == ["5y", "10y", "20y", "long_term"]
    assert [b.min_age for b in rules.bands] == [0, 16, 26, 46]
    assert rules.window_months == 3
    assert rules.issue_max_days == 60 and rules.issue_extra_days == 30
    assert rules.minor_age == 16
    assert rules.low_income.ask_cases == ("damaged",) and rules.low_income.ask_away
    assert "第二十一条" in rules.cases["expiry"].source
    assert "第二十条" not in " ".join(c.source for c in rules.cases.values())
    assert rules.sources["window"] == "《居民身份证条例实施细则》(1986) 第十五条"
    assert set(rules.cases) == set(CASE_IDS)
    assert all(c.source for c in rules.cases.values())
    assert "shenzhen" in rules.localities


@pytest.fixture
def pack(tmp_path):
    folder = tmp_path / "rules"
    shutil.copytree(resource_path("rules"), folder)
    return folder


def break_pack(folder, old, new, file="national.toml"):
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("months = 3", "months = 30", "national.toml: window.months: 30 is outside 1..12"),
        ("months = 3", 'months = "3"', "national.toml: window.months: expected int"),
        ("max_days = 60", "", "national.toml: issue.max_days: missing"),
        (
            "fee_yuan = 40\nlow_income_exempt = false",
            "fee_yuan = true\nlow_income_exempt = false",
            "national.toml: cases.damaged.fee_yuan: expected int",
        ),
        ("under_age = 16", "under_age = 40", "national.toml: minor.under_age: 40 is outside"),
        (
            'ask_cases = ["damaged"]',
            'ask_cases = ["broken"]',
            "national.toml: low_income.ask_cases: unknown case ['broken']",
        ),
        ("[cases.renamed]", "[cases.renamed_x]", "national.toml: cases.renamed: missing"),
        ('term = "10y"', 'term = "12y"', "national.toml: validity.bands[1].term: '12y'"),
        ("min_age = 16", "min_age = 30", "national.toml: validity.bands: min_age must"),
        ('source = "居民身份证法 第五条"\n', "", "national.toml: validity.source: missing"),
        (
            "checked = 2026-11-29\nbands",
            'checked = "soon"\nbands',
            "national.toml: validity.checked: expected date",
        ),
        (
            'materials = ["hukou_book", "one_inch_photo"]',
            "materials = [1]",
            "national.toml: temporary_id.materials: expected a list of ids",
        ),
        ("[window]", "[window", "national.toml: not valid TOML"),
    ],
)
def test_broken_pack_names_file_and_key(pack, old, new, message):
    break_pack(pack, old, new)
    with pytest.raises(RulesError) as info:
        load_rules(pack)
    assert message in str(info.value)


def test_broken_locality_names_file_and_key(pack):
    break_pack(pack, '["expiry", "under16"]', '["expiry", "holiday"]', "localities.toml")
    with pytest.raises(RulesError, match=r"localities.toml: shenzhen.free_cases_home"):
        load_rules(pack)


def test_missing_pack(tmp_path):
    with pytest.raises(RulesError, match="rules file not found"):
        load_rules(tmp_path)
