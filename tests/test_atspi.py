"""A screen reader's walk through the expired case, over the real accessibility bus.

Xvfb, a private D-Bus session (dbus-run-session) with the AT-SPI registry, the desktop app
with Qt's AT-SPI bridge, and pyatspi (the system's python3-pyatspi) doing only what a
reader does: read the tree, Press and Toggle. Skipped without those tools, except under
CI=true.
"""

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.x11_session import ROOT, XServer

SYSTEM_PYTHON = "/usr/bin/python3"


def need_atspi() -> None:
    missing = [tool for tool in ("dbus-run-session",) if shutil.which(tool) is None]
    has_pyatspi = (
        os.path.exists(SYSTEM_PYTHON)
        and subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], check=False).returncode == 0
    )
    if missing or not has_pyatspi or not os.path.exists("/usr/libexec/at-spi-bus-launcher"):
        reason = "install dbus-daemon at-spi2-core python3-pyatspi"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the screen-reader walk: {reason}")
        pytest.skip(reason)


@pytest.fixture(scope="module")
def walk():
    need_atspi()
    server = XServer(1366, 768, window_manager=False)
    try:
        result = subprocess.run(
            [
                *("dbus-run-session", "--", SYSTEM_PYTHON),
                *(
                    str(ROOT / "tests" / "system_python" / "atspi_walk.py"),
                    sys.executable,
                    str(ROOT),
                ),
            ],
            env=server.env(),
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
    finally:
        server.stop()
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, result.stdout + result.stderr
    found = json.loads(lines[-1])
    assert result.returncode == 0, found
    return found


def test_the_reader_completes_the_expired_case(walk):
    assert walk["pages_after_situation"][-1] == "您的回答" and walk["finished_on_summary"]


def test_toggling_a_radio_button_enables_next_as_a_key_press_does(walk):
    assert walk["radio_role"] == "radio button"
    assert walk["next_after_toggle"] is True


def test_the_language_choice_is_a_radio_group(walk):
    assert walk["language_roles"] == ["radio button"]


def test_the_current_step_is_announced_as_current_not_disabled(walk):
    assert walk["current_step"] == [["3. 您的情况（当前步骤）", True]]


def test_the_title_is_read_first(walk):
    assert walk["first_text"] == "身份证续期指引"
    assert walk["card_title_first"] == "您的身份证"
    assert walk["situation_title_first"] == "您的情况"
    assert walk["pages_after_situation"][:3] == [
        "您的证件现在怎样",
        "对支付宝和其他服务的影响",
        "在支付宝更新身份证",
    ]


def test_no_choice_is_followed_by_a_label_saying_the_same(walk):
    assert walk["duplicate_labels"] == []
