"""The administrator PIN: bounded hashes, doubling lockout that survives a restart, and
config problems said at start (stderr, for the journal) as well as on the admin screen."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gui.kiosk.config import check_pin, hash_pin, parse, pin_hash_problem
from gui.kiosk.lockout import MAX_LOCK_S, PinLockout, lock_seconds

ROOT = Path(__file__).resolve().parent.parent
PIN = "2468"
GOOD = hash_pin(PIN)
_, _, SALT, DIGEST = GOOD.split("$")


def with_iterations(count):
    return f"pbkdf2_sha256${count}${SALT}${DIGEST}"


def test_kiosk_pin_hash_is_within_the_bounds_it_is_checked_against():
    assert pin_hash_problem(GOOD) is None
    assert check_pin(PIN, GOOD) and not check_pin("1357", GOOD)


@pytest.mark.parametrize(
    ("stored", "words"),
    [
        (with_iterations(10**100), "iteration count"),  # used to raise OverflowError per attempt
        (with_iterations(2 * 10**9), "iteration count"),  # about 8 minutes of frozen screen
        (with_iterations(99_999), "iteration count"),
        (with_iterations("-5"), "iteration count"),
        (with_iterations("２００００００"), "iteration count"),  # full-width digits
        (f"pbkdf2_sha256$200000${'ab' * 8}${DIGEST}", "salt of 8 bytes"),
        (f"pbkdf2_sha256$200000${'ab' * 65}${DIGEST}", "salt of 65 bytes"),
        (f"pbkdf2_sha256$200000$zz${DIGEST}", "hexadecimal"),
        (f"pbkdf2_sha256$200000${SALT}${DIGEST[:-2]}", "digest"),
        ("md5$1$aa$bb", "idguide kiosk-pin"),
    ],
)
def test_out_of_range_hashes_are_refused_with_a_clear_message(stored, words):
    started = time.monotonic()
    config, problems = parse({"kiosk/pin_hash": stored})
    assert config.pin_hash is None
    assert len(problems) == 1 and words in problems[0] and "no way out" in problems[0]
    assert not check_pin(PIN, stored)  # and checking it costs nothing
    assert time.monotonic() - started < 1


def test_lockout_doubles_each_round_up_to_an_hour():
    now = [1_000_000.0]
    lockout = PinLockout(clock=lambda: now[0])
    waits = []
    for _ in range(9):
        for attempt in range(5):
            assert lockout.remaining() == 0
            lockout.failed()
            assert (lockout.remaining() > 0) == (attempt == 4)
        waits.append(lockout.remaining())
        now[0] += lockout.remaining()
    assert waits == [60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]
    lockout.succeeded()
    for _ in range(5):
        lockout.failed()
    assert lockout.remaining() == 60  # the right PIN starts the doubling over


def test_a_clock_set_back_cannot_stretch_the_lock():
    now = [1_000_000.0]
    lockout = PinLockout(clock=lambda: now[0])
    for _ in range(5):
        lockout.failed()
    now[0] -= 10 * 365 * 86400
    assert lockout.remaining() == lock_seconds(1) <= MAX_LOCK_S


def test_lockout_survives_a_restart_and_holds_nothing_personal(tmp_path):
    path = tmp_path / "state" / "pin-lockout.json"
    lockout = PinLockout.load(path)
    for _ in range(7):
        lockout.failed()
    again = PinLockout.load(path)
    assert (again.rounds, again.failures) == (1, 2) and 50 < again.remaining() <= 60
    assert set(json.loads(path.read_text())) == {"failures", "rounds", "locked_until"}
    path.write_text("{not json")
    assert PinLockout.load(path).remaining() > 0  # a damaged file keeps the pad shut


def test_a_restarted_kiosk_is_still_locked(qapp, tmp_path):
    from gui.kiosk.app import build_kiosk

    config, problems = parse({"kiosk/pin_hash": GOOD})
    path = tmp_path / "state" / "pin-lockout.json"
    first = build_kiosk(qapp, config, problems, lockout_path=path)
    for _ in range(5):
        first.pin.entered.emit("0000")
    first.leave()
    first.deleteLater()
    second = build_kiosk(qapp, config, problems, lockout_path=path)  # after a restart
    try:
        second.pin.entered.emit(PIN)
        assert not second.admin.isVisible()
        assert "1 分钟" in second.pin.message.text()
    finally:
        second.leave()
        second.deleteLater()


def run_cli(*args, stdin=""):
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "gui", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_kiosk_pin_command_writes_a_usable_hash():
    result = run_cli("kiosk-pin", stdin="246813\n")
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip()
    assert line.startswith("pin_hash = ") and "246813" not in line
    config, problems = parse({"kiosk/pin_hash": line.removeprefix("pin_hash = ")})
    assert problems == [] and check_pin("246813", config.pin_hash)


def test_config_problems_and_a_pin_that_cannot_work_are_said_at_start(tmp_path):
    ini = tmp_path / "kiosk.ini"
    ini.write_text(
        f"[kiosk]\nidle_seconds = soon\npin_hash = {with_iterations(10**100)}\n", encoding="utf-8"
    )
    result = run_cli("--kiosk", "--exit-after-show", "--config", str(ini))
    assert result.returncode == 0, result.stderr
    assert "kiosk/idle_seconds = soon" in result.stderr
    assert "kiosk/pin_hash: iteration count" in result.stderr
    assert "no way out from the screen" in result.stderr


@pytest.mark.parametrize("kind", ["missing", "directory", "unreadable"])
def test_a_config_that_cannot_be_read_is_reported_and_defaults_are_used(tmp_path, kind):
    path = {"missing": Path("/nonexistent.ini"), "directory": tmp_path}.get(kind)
    if kind == "unreadable":
        if os.geteuid() == 0:
            pytest.skip("root reads any file; a directory stands in for an unreadable file")
        path = tmp_path / "secret.ini"
        path.write_text("[kiosk]\nlanguage = en\n")
        path.chmod(0)
    result = run_cli("--kiosk", "--exit-after-show", "--config", str(path))
    assert result.returncode == 0, result.stderr
    assert f"config: {path}:" in result.stderr and "defaults" in result.stderr


def test_the_admin_screen_says_the_config_file_is_missing(qapp, tmp_path):
    from gui.kiosk.app import build_kiosk, read_config

    config, problems = read_config(tmp_path / "absent.ini")
    wizard = build_kiosk(qapp, config, problems)
    try:
        wizard.admin.open(wizard.problems)
        assert "absent.ini: file not found" in wizard.admin.problems.text()
    finally:
        wizard.leave()
        wizard.deleteLater()
