"""Nothing personal is written anywhere (100 sessions, an audit hook, a byte search for the
ID number and the birth and card dates) or left in memory after the reset."""

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.kiosk_helpers import CANARY_FORMS

ROOT = Path(__file__).resolve().parent.parent
SESSIONS = 100


def encodings(form):
    variants = {form, form.replace("-", ""), form.replace(" ", "")}
    for text in variants:
        for encoding in ("ascii", "utf-8", "utf-16-le", "utf-16-be"):
            try:
                yield text.encode(encoding)
            except UnicodeEncodeError:
                continue


def test_hundred_sessions_write_nothing_personal(tmp_path):
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    for folder in (home, tmp):
        folder.mkdir()
    env = os.environ | {
        "HOME": str(home),
        "TMPDIR": str(tmp),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_RUNTIME_DIR": str(tmp),
    }
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "kiosk_privacy_probe.py"), str(SESSIONS)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    written = json.loads(result.stdout.strip().splitlines()[-1])
    # allowed: Python's bytecode cache; nothing else may be opened for writing
    unexpected = [p for p in written if "__pycache__" not in p]
    assert unexpected == []

    needles = {needle for form in CANARY_FORMS for needle in encodings(form)}
    hits = []
    for folder in (home, tmp):
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                hits += [(str(path), n) for n in needles if n in data]
    assert hits == []
    assert CANARY_FORMS[0] not in result.stdout + result.stderr  # nor in any log line


def test_after_reset_no_canary_is_left_in_widgets_or_python_objects():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "kiosk_memory_probe.py"), "3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    widgets_before, objects_before = found["before"]
    # the scans can see the canary: mid-session it is on screen and in the session's objects
    assert CANARY_FORMS[0] in widgets_before and "2026年5月1日" in widgets_before
    assert any(hit.startswith("date 2006-05-01") for hit in objects_before)
    assert found["after"] == [[], []]
