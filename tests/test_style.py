"""The code style gates: ruff (lint and format) on everything, mypy --strict on all of
gui/ (the Qt-free domain and card reader, and the Qt views)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ruff(*args):
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_is_clean():
    result = ruff("check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_would_change_nothing():
    # an editor that formats on save then leaves every diff to its real change
    result = ruff("format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_gui_passes_mypy_strict():
    """All of gui/, the Qt views too: a name that hides a Qt method (render, scroll,
    locale) or a widget that may be None is a type error here, not a surprise at run time."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "gui"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_domain_imports_no_qt():
    code = (
        "import sys, gui.cli, gui.cardreader.poller, gui.cardreader_cli; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
