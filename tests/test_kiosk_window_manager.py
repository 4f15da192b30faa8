"""The kiosk refuses to start under a window manager, with a message pointing to
docs/kiosk.md; with none (or once it is gone) it starts. On Xvfb, with openbox."""

import subprocess
import sys

from gui.kiosk.app import EXIT_WINDOW_MANAGER
from gui.kiosk.window_manager import window_manager_running
from tests.x11_session import ROOT, Kiosk, XServer


def test_the_check_is_exact(tmp_path):
    server = XServer(1280, 800, window_manager=False)
    try:
        assert window_manager_running(server.display) is False
        assert window_manager_running(server.display) is False  # and it gave the root back
    finally:
        server.stop()
    with_wm = XServer(1280, 800, window_manager=True)
    try:
        assert window_manager_running(with_wm.display) is True
        with_wm.wm.terminate()
        with_wm.wm.wait(10)
        # openbox leaves _NET_SUPPORTING_WM_CHECK on the root; the check does not trust it
        assert window_manager_running(with_wm.display) is False
    finally:
        with_wm.stop()
    assert window_manager_running(":65000") is None  # no such display: not asked


def test_under_openbox_the_kiosk_does_not_start_and_says_where_to_read(tmp_path):
    server = XServer(1280, 800, window_manager=True)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "gui", "--kiosk", "--as-of", "2026-11-29"],
            cwd=ROOT,
            env=server.env(HOME=str(tmp_path)),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == EXIT_WINDOW_MANAGER, result.stderr
        assert "window manager is running" in result.stderr and "docs/kiosk.md" in result.stderr
        assert "Traceback" not in result.stderr
    finally:
        server.stop()


def test_without_a_window_manager_the_kiosk_starts(tmp_path):
    server = XServer(1280, 800, window_manager=False)
    app = Kiosk(server, tmp_path)  # waits until its window covers the screen
    try:
        assert app.process.poll() is None  # running: not refused
    finally:
        app.stop()
        server.stop()
