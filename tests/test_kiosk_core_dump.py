"""No core dump of a kiosk: a crash mid-session must not leave the ID number on disk.

What this proves: the kernel's core_pattern on this machine writes a plain file `core` in
the crashing process's working folder (checked first). A control child with the kiosk's
protection skipped crashes there under `ulimit -c unlimited` and leaves a core holding the
canary ID number; the real kiosk, crashed the same way, leaves no file at all. Because
the kiosk also makes itself non-dumpable, a core_pattern pipe (systemd-coredump, apport)
gets nothing either; that path is not exercised here.
"""

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.kiosk_helpers import CANARY_ID

ROOT = Path(__file__).resolve().parent.parent
PROBE = ROOT / "tests" / "kiosk_crash_probe.py"


def core_pattern():
    try:
        return Path("/proc/sys/kernel/core_pattern").read_text().strip()
    except OSError:
        return None


def crash(mode, folder):
    folder.mkdir()
    shell = f'ulimit -c unlimited && exec "{sys.executable}" "{PROBE}" {mode}'
    result = subprocess.run(
        ["sh", "-c", shell],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=os.environ | {"HOME": str(folder)},
    )
    return result, [p for p in folder.iterdir() if p.name.startswith("core")]


@pytest.fixture
def cores_land_in_the_working_folder():
    pattern = core_pattern()
    if pattern is None or pattern.startswith("|") or "/" in pattern:
        pytest.skip(
            f"core_pattern is {pattern!r}: this test needs one that writes a file in "
            "the crashing process's folder (e.g. 'core')"
        )
    if resource.getrlimit(resource.RLIMIT_CORE)[1] == 0:
        pytest.skip("the hard core-size limit is 0 here: no process can dump core")


def test_a_crashed_kiosk_leaves_no_core_file(tmp_path, cores_land_in_the_working_folder):
    control, control_cores = crash("control", tmp_path / "control")
    assert control.returncode == -11, control.stderr[-2000:]
    assert "dumpable=True" in control.stdout
    assert control_cores, "the control wrote no core: the test would prove nothing"
    data = control_cores[0].read_bytes()
    assert CANARY_ID.encode() in data or CANARY_ID.encode("utf-16-le") in data
    shutil.rmtree(tmp_path / "control")

    kiosk, kiosk_cores = crash("kiosk", tmp_path / "kiosk")
    assert kiosk.returncode == -11, kiosk.stderr[-2000:]  # it did crash, mid-session
    assert "dumpable=False" in kiosk.stdout
    assert kiosk_cores == []


def test_protection_is_in_place_after_the_call():
    # in a child: the test process itself must stay dumpable for other tests' tooling
    code = (
        "import resource; from gui.kiosk.hardening import disable_core_dumps, is_dumpable;"
        "print(disable_core_dumps(), resource.getrlimit(resource.RLIMIT_CORE), "
        "is_dumpable())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    expected_dumpable = False if sys.platform.startswith("linux") else None
    assert out == f"[] (0, 0) {expected_dumpable}"
