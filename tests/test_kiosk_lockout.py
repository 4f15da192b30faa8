"""The PIN lockout cannot be reset by tampering with its file; a fresh install is unlocked.

Tested as root (this process) and as an unprivileged service user (a child under setpriv).
"""

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from gui.kiosk.config import hash_pin, parse
from gui.kiosk.lockout import MAX_LOCK_S, PinLockout, default_state_path
from tests.config_fuzz_cases import ROOT

PIN = "2468"
UNLOCKED = '{"failures": 0, "rounds": 0, "locked_until": 0.0}'

TAMPERED = {
    "nan": '{"failures": 0, "rounds": 0, "locked_until": NaN}',
    "minus_infinity": '{"failures": 0, "rounds": 0, "locked_until": -Infinity}',
    "infinity_rounds": '{"failures": 0, "rounds": Infinity, "locked_until": 0}',
    "overflowing_number": '{"failures": 0, "rounds": 0, "locked_until": -1e999}',
    "not_json": "{not json",
    "empty": "",
    "a_list": "[0, 0, 0]",
    "strings": '{"failures": "0", "rounds": "0", "locked_until": "0"}',
    "a_missing_key": '{"failures": 0, "rounds": 0}',
    "not_utf8": b'{"failures": 0, "rounds": 0, "locked_until": 0\xff}',
    "deeply_nested": "[" * 4000,
    "too_large": UNLOCKED + " " * 10_000,
}


def state(tmp_path):
    path = tmp_path / "state" / "lockout" / "pin-lockout.json"
    PinLockout.load(path)  # the first start writes it
    return path


def assert_shut_for_an_hour(lockout, why):
    assert lockout.remaining() > MAX_LOCK_S - 60, lockout
    assert lockout.problem and why in lockout.problem, lockout.problem


def test_a_fresh_install_starts_unlocked_and_writes_the_file_at_once(tmp_path):
    path = tmp_path / "state" / "lockout" / "pin-lockout.json"
    lockout = PinLockout.load(path)
    assert lockout.remaining() == 0 and lockout.problem is None
    assert json.loads(path.read_text()) == json.loads(UNLOCKED)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_the_default_place_is_a_folder_of_its_own_in_the_state_directory(monkeypatch):
    monkeypatch.setenv("STATE_DIRECTORY", "/var/lib/idguide-kiosk")
    assert default_state_path().as_posix() == "/var/lib/idguide-kiosk/lockout/pin-lockout.json"


def test_a_deleted_file_keeps_the_pad_shut(tmp_path):
    path = state(tmp_path)
    path.unlink()
    assert_shut_for_an_hour(PinLockout.load(path), "is missing")
    assert PinLockout.load(path).remaining() > MAX_LOCK_S - 60  # and the lock was written


@pytest.mark.parametrize("case", sorted(TAMPERED))
def test_a_tampered_file_keeps_the_pad_shut(tmp_path, case):
    path = state(tmp_path)
    data = TAMPERED[case]
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    assert_shut_for_an_hour(PinLockout.load(path), "is damaged")


def test_an_unreadable_file_keeps_the_pad_shut(tmp_path):
    path = state(tmp_path)
    path.unlink()
    path.mkdir()  # unreadable as a file even for root, who reads a mode-000 file
    lockout = PinLockout.load(path)
    assert_shut_for_an_hour(lockout, "cannot be read")


def test_the_kiosk_refuses_the_right_pin_and_the_admin_screen_says_why(qapp, tmp_path):
    from gui.kiosk.app import build_kiosk

    path = state(tmp_path)
    path.write_text(TAMPERED["nan"])
    config, problems = parse({"kiosk/pin_hash": hash_pin(PIN)})
    wizard = build_kiosk(qapp, config, problems, lockout_path=path)
    try:
        wizard.pin.entered.emit(PIN)
        assert wizard.admin.isHidden() and "60 分钟" in wizard.pin.message.text()
        wizard.lockout.clock = lambda: 1e12  # an hour and more later
        wizard.pin.entered.emit(PIN)
        assert not wizard.admin.isHidden()
        assert "PIN lockout state" in wizard.admin.problems.text()
    finally:
        wizard.leave()
        wizard.deleteLater()


SERVICE_USER_PROBE = """
import json, os, stat, sys
from pathlib import Path
from gui.kiosk.lockout import PinLockout
path = Path(sys.argv[1]) / "lockout" / "pin-lockout.json"
fresh = PinLockout.load(path)
mode = stat.S_IMODE(path.stat().st_mode)
path.write_text('{"failures": 0, "rounds": 0, "locked_until": NaN}')
tampered = PinLockout.load(path)
print(json.dumps({"uid": os.geteuid(), "fresh": fresh.remaining(), "mode": mode,
                  "tampered": tampered.remaining(), "problem": tampered.problem}))
"""


def test_as_the_service_user(tmp_path):
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv (util-linux) to become the service user")
    folder = Path(tempfile.mkdtemp(prefix="idguide-service-user-"))  # /tmp/pytest-of-root is 0700
    command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable]
    try:
        os.chown(folder, 65534, 65534)
        result = subprocess.run(
            [*command, "-c", SERVICE_USER_PROBE, str(folder)],
            cwd=ROOT,
            env=os.environ | {"HOME": str(folder), "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        shutil.rmtree(folder)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert seen["uid"] == 65534 and seen["fresh"] == 0 and seen["mode"] == 0o600
    assert seen["tampered"] > MAX_LOCK_S - 60 and "is damaged" in seen["problem"]
