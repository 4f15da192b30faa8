"""Languages come from one table (resources/languages.toml): adding one means its data
files and one entry, and no code names a language."""

import ast
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QLibraryInfo, QLocale

from gui import i18n, languages, present
from gui.content import Content, load_content
from gui.export import reminder
from gui.languages import DEFAULT_LOCALE, LANGUAGES, Language
from gui.resources import resource_path

ROOT = Path(__file__).resolve().parent.parent
QT_TRANSLATIONS = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_each_entry_has_its_data_files(code):
    language = LANGUAGES[code]
    names = {p.name for p in resource_path("content", DEFAULT_LOCALE).glob("*.toml")}
    assert {p.name for p in resource_path("content", code).glob("*.toml")} == names
    if language.catalogue:
        for suffix in (".ts", ".qm"):
            assert resource_path("translations", language.catalogue + suffix).is_file()
    if language.qt_catalogue:  # PySide6 ships it; the frozen build keeps it (build.spec)
        assert (QT_TRANSLATIONS / f"{language.qt_catalogue}.qm").is_file()
    assert QLocale(language.qt_locale).name() == language.qt_locale
    assert language.name and language.list_separator.strip()


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_each_language_installs_the_catalogues_its_entry_names(qapp, code):
    language = LANGUAGES[code]
    try:
        loaded = i18n.install(qapp, code)
        assert loaded == [n for n in (language.qt_catalogue, language.catalogue) if n]
        assert QLocale().name() == language.qt_locale  # the date picker's month names
    finally:
        i18n.install(qapp, DEFAULT_LOCALE)


def test_an_entry_without_twelve_months_is_refused():
    entry = {
        "name": "X",
        "qt_locale": "de_DE",
        "qt_catalogue": "",
        "catalogue": "",
        "list_separator": ", ",
        "month_names": ["Januar"] * 11,
    }
    with pytest.raises(ValueError, match="12 month names"):
        languages._language("de", entry)


def a_third_language(monkeypatch):
    """A made-up entry, worded (for this test only) with the English files."""
    third = Language(
        code="xx",
        name="Xish",
        qt_locale="de_DE",
        qt_catalogue=None,
        catalogue=None,
        list_separator=" + ",
        month_names=tuple(f"M{n}" for n in range(1, 13)),
    )
    monkeypatch.setitem(LANGUAGES, "xx", third)
    return Content("xx", resource_path("content", "en"))


def test_dates_and_lists_follow_the_entry(monkeypatch, rules):
    from gui.domain import Answers, Situation, assess

    content = a_third_language(monkeypatch)
    assert "M5" in present.format_date(date(2026, 5, 1), content)
    answers = Answers(
        birth=date(1980, 5, 1),
        start=date(2016, 12, 20),
        end=date(2026, 12, 20),
        situation=Situation.EXPIRY,
    )
    a = assess(answers, date(2026, 11, 29), rules)
    assert len(present.materials(a, content)) > 1  # so the separator shows
    (event,) = Calendar.from_ical(reminder.ics_bytes(a, content)).walk("VEVENT")
    assert " + ".join(present.materials(a, content)) in str(event["description"])
    # and the real languages keep their own
    english = load_content("en")
    assert "May" in present.format_date(date(2026, 5, 1), english)


def test_the_welcome_page_offers_every_entry_in_its_own_name(monkeypatch, make_wizard):
    from gui.flow import PageId

    a_third_language(monkeypatch)
    wizard = make_wizard()
    welcome = wizard.pages[PageId.WELCOME]
    offered = {b.objectName(): b.text() for b in welcome.languages.buttons()}
    for code, language in LANGUAGES.items():
        assert offered[f"lang_{code}"] == language.name


def locale_literals(path):
    codes = set(LANGUAGES)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.name}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in codes
    ]


def test_no_code_names_a_language():
    """Anything a language decides is in its entry: a literal "en" in the code would be a
    second place a new language has to be added."""
    found = [hit for path in sorted((ROOT / "gui").rglob("*.py")) for hit in locale_literals(path)]
    assert found == []


def test_the_search_finds_a_named_language(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text('separator = "、" if locale == "zh_CN" else "; "\n', encoding="utf-8")
    assert locale_literals(probe) == ["probe.py:1: 'zh_CN'"]


def test_the_frozen_build_keeps_the_qt_catalogues_the_table_names():
    # (the frozen self-test then loads each one: tests/test_frozen_build.py)
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert "languages.toml" in spec and "qtbase_zh_CN" not in spec
