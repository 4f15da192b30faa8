"""The installed desktop app: self-test, version, About, remembered preferences."""

import subprocess
import sys
import tomllib
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from gui import preferences, selftest
from gui.domain import load_rules
from gui.flow import PageId
from gui.version import version

ROOT = Path(__file__).resolve().parent.parent


def test_self_test_passes_with_one_line_per_check():
    result = subprocess.run(
        [sys.executable, "-m", "gui", "--self-test"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[1].rstrip(":") for line in lines[:-1]] == [
        "version",
        "rules",
        "content",
        "font",
        "translations",
        "plugins",
        "wizard",
        "pdf",
    ]
    assert all(line.startswith("ok ") for line in lines[:-1])
    assert lines[-1] == "self-test passed"


def test_self_test_names_what_failed(qapp, monkeypatch, capsys):
    monkeypatch.setattr(selftest, "load_fonts", lambda: "No Such Font")
    assert selftest.run() == 1
    out = capsys.readouterr().out
    assert "FAIL  font" in out and out.rstrip().endswith("self-test FAILED: font")


def test_self_test_font_check_names_characters_the_font_lacks(qapp, monkeypatch, capsys):
    # 龘 is outside GB 2312 and the content, so the subset has no glyph for it; a system
    # fallback font must not hide that
    monkeypatch.setattr(selftest, "content_characters", lambda: {"身", "A", "龘"})
    assert selftest.run() == 1
    out = capsys.readouterr().out
    assert "FAIL  font" in out and "lacks 1 characters" in out and "龘" in out


def test_self_test_checks_every_character_of_the_content():
    used = selftest.content_characters()
    # both languages' content: Chinese, Latin letters, full-width punctuation
    assert {"身", "证", "呗", "e", "W", "（", "」"} <= used and len(used) > 400
    assert not any(ch.isspace() for ch in used)


def test_version_comes_from_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert version() == project["version"]


def test_about_box_shows_version_and_rules_date(make_wizard, monkeypatch):
    shown = {}
    monkeypatch.setattr(
        QMessageBox, "about", staticmethod(lambda parent, title, text: shown.update(text=text))
    )
    wizard = make_wizard("en")
    wizard.pages[PageId.WELCOME].about.click()
    checked = load_rules().checked.isoformat()  # the pack's own date, not a copy of it
    assert version() in shown["text"] and checked in shown["text"]


def test_preferences_hold_language_and_text_size_only(qapp, tmp_path):
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    assert preferences.load() == ("zh_CN", False)
    preferences.save("en", True)
    assert preferences.load() == ("en", True)
    stored = "".join(p.read_text() for p in tmp_path.rglob("*") if p.is_file())
    assert set(line.split("=")[0] for line in stored.splitlines() if "=" in line) == {
        "language",
        "large_text",
    }


def test_desktop_entry_points_at_the_command_and_icon():
    entry = (ROOT / "resources" / "desktop" / "idguide.desktop").read_text(encoding="utf-8")
    assert "Exec=idguide" in entry and "Icon=idguide" in entry
    assert "Name[zh_CN]=身份证续期指引" in entry
    for size in (16, 32, 48, 64, 128, 256):
        assert (ROOT / "resources" / "icons" / f"idguide-{size}.png").is_file()
