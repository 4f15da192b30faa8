"""The window is the session, on a real X server (Xvfb) with no window manager.

Each test starts Xvfb on a free display and the real `python -m gui --kiosk` as a child
process, then does to its window what a person with a keyboard or another X client could
do. Skipped without xvfb / xdotool / x11-utils, except under CI=true.
"""

from __future__ import annotations

import subprocess
import threading
import time

import pytest

from gui.kiosk.guard import EXIT_WINDOW_LOST
from tests.x11_session import Kiosk, XServer

RESTORE_S = 1.0  # "restores itself within a second"
LANDSCAPE, PORTRAIT = (1920, 1080), (1080, 1920)


@pytest.fixture
def x_server():
    made = []

    def start(size=LANDSCAPE, window_manager=False):
        server = XServer(*size, window_manager)
        made.append(server)
        return server

    yield start
    for server in made:
        server.stop()


@pytest.fixture
def kiosk(tmp_path):
    made = []

    def start(server, *args):
        made.append(Kiosk(server, tmp_path, *args))
        return made[-1]

    yield start
    for process in made:
        process.stop()


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def test_without_a_window_manager_the_kiosk_covers_the_screen(x_server, kiosk, size):
    # showFullScreen() alone left a 500×678 window here: nobody acts on the hint
    app = kiosk(x_server(size))
    assert app.covers_screen()


def come_back_after(app, *action):
    """Do `action` to the kiosk's window; assert it was really disturbed, then restored."""
    app.x.wait_for(app.restored, 5, "the last restore never settled")
    started = time.monotonic()
    app.restored()
    probe = time.monotonic() - started  # one look with xwininfo + xprop, slow on a busy machine
    app.xdotool(*action)
    # a second for the kiosk, plus the time our own tools take to look (twice: the look that
    # may just miss the restore, and the one that sees it)
    return app.x.wait_for(
        app.restored, RESTORE_S + 2 * probe, f"not restored within 1 s after {action}"
    )


def test_window_restores_itself(x_server, kiosk):
    # another X client's doing; with a window manager the kiosk does not start at all
    # (test_kiosk_window_manager.py)
    server = x_server()
    app = kiosk(server)
    actions = [
        ("windowminimize", "%w"),
        ("windowunmap", "%w"),
        ("windowsize", "%w", "640", "480"),
        ("windowmove", "%w", "300", "200"),
    ]
    for action in actions:
        come_back_after(app, *action)
    assert app.process.poll() is None


def test_an_unmapped_window_was_really_gone_before_it_came_back(x_server, kiosk):
    # the restore test is only meaningful if the action takes effect: the X server's own
    # events (xev) show the unmap and then the kiosk mapping itself again; looking with
    # xwininfo afterwards may already find the window back
    server = x_server()
    app = kiosk(server)
    events = subprocess.Popen(
        ["xev", "-id", str(app.window), "-event", "structure", "-event", "property"],
        env=server.env(),
        stdout=subprocess.PIPE,
        text=True,
    )
    seen: list[str] = []
    reader = threading.Thread(target=lambda: seen.extend(events.stdout), daemon=True)
    reader.start()
    try:

        def xev_listens() -> bool:  # a property change it reports proves it is listening
            server.run(
                "xprop",
                "-id",
                str(app.window),
                "-f",
                "IDGUIDE_TEST",
                "8s",
                "-set",
                "IDGUIDE_TEST",
                "x",
            )
            return any("PropertyNotify" in line for line in seen)

        server.wait_for(xev_listens, 10, "xev never listened")
        app.xdotool("windowunmap", "%w")
        server.wait_for(
            lambda: unmapped_then_mapped(seen),
            RESTORE_S + 2,
            "the X server saw no unmap followed by the kiosk's own map",
        )
    finally:
        events.terminate()
        events.wait(10)
    server.wait_for(app.restored, RESTORE_S, "not restored")


def unmapped_then_mapped(xev_lines: list[str]) -> bool:
    gone = False
    for line in list(xev_lines):
        if line.startswith("UnmapNotify"):
            gone = True
        elif gone and line.startswith("MapNotify"):
            return True
    return False


def test_a_destroyed_window_ends_the_process_non_zero(x_server, kiosk):
    app = kiosk(x_server())
    app.xdotool("windowclose", "%w")  # XDestroyWindow behind Qt's back
    assert app.exit_code() == EXIT_WINDOW_LOST
    assert "window was destroyed" in app.stderr


def test_a_killed_connection_ends_the_process_non_zero(x_server, kiosk):
    app = kiosk(x_server())
    app.xdotool("windowkill", "%w")  # XKillClient: the X server drops our connection
    assert app.exit_code() != 0


def test_exit_after_show_paints_and_exits_in_kiosk_mode(x_server, tmp_path):
    import subprocess
    import sys

    from tests.x11_session import ROOT

    server = x_server()
    result = subprocess.run(
        [sys.executable, "-m", "gui", "--kiosk", "--exit-after-show"],
        cwd=ROOT,
        env=server.env(HOME=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
