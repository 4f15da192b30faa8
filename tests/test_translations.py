"""Every UI string is translated, the compiled catalogue is current, Qt's own is loaded."""

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from gui.resources import resource_path
from gui.selftest import content_characters

ROOT = Path(__file__).resolve().parent.parent
TS = resource_path("translations", "idguide_en.ts")
QM = resource_path("translations", "idguide_en.qm")
SOURCES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gui").rglob("*.py"))


def tool(name):
    found = shutil.which(name)
    if not found:
        pytest.skip(f"{name} not installed")
    return found


def messages(path):
    return {m.findtext("source"): m.find("translation") for m in ET.parse(path).iter("message")}


def test_no_unfinished_or_empty_translation():
    for source, translation in messages(TS).items():
        assert translation.get("type") not in ("unfinished", "obsolete"), source
        assert (translation.text or "").strip(), source


def test_every_string_in_the_code_is_in_the_ts_file(tmp_path):
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *SOURCES,
            "-ts",
            str(fresh),
            "-source-language",
            "zh_CN",
            "-target-language",
            "en",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    assert set(messages(fresh)) == set(messages(TS))


def test_compiled_catalogue_is_current(tmp_path):
    rebuilt = tmp_path / "idguide_en.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(rebuilt)], check=True, capture_output=True
    )
    assert rebuilt.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on the .ts file"


def used_characters():
    chars = content_characters()  # what the self-test checks in the running app
    for translation in messages(TS).values():
        chars |= set(translation.text or "")
    chars |= set("".join(messages(TS)))  # the Chinese source strings
    for svg in resource_path("images").glob("*.svg"):
        chars |= set("".join(ET.parse(svg).getroot().itertext()))
    return {c for c in chars if not c.isspace()}


@pytest.mark.parametrize("weight", ["Regular", "Bold"])
def test_every_character_we_show_is_in_the_bundled_font(weight):
    font = TTFont(resource_path("fonts", f"IDGuideSansSC-{weight}.ttf"))
    covered = set(map(chr, font.getBestCmap()))
    missing = sorted(used_characters() - covered)
    assert not missing, f"regenerate the font (resources/fonts/README.md): {missing}"


def test_the_app_registers_its_font(qapp):
    from PySide6.QtGui import QFontDatabase

    from gui.fonts import FONT_FAMILY, load_fonts

    assert load_fonts() == FONT_FAMILY
    assert FONT_FAMILY in QFontDatabase.families()
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(
        FONT_FAMILY
    )


def test_qt_and_our_catalogues_load(qapp):
    from gui import i18n

    try:
        assert i18n.install(qapp, "zh_CN") == ["qtbase_zh_CN"]
        assert i18n.install(qapp, "en") == ["idguide_en"]
    finally:
        i18n.install(qapp, "zh_CN")
