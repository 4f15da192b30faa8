"""A fresh process for every visitor: after a canary session the kiosk exits 0 by itself,
and a memory scan of the process that serves the next person finds no canary date or
number in UTF-8, UTF-16 or UTF-32. On Xvfb with no window manager (the X server, its
clipboard and the state folder are shared by the two processes, as at a real counter)."""

import subprocess
import sys
import time
from pathlib import Path

from tests.kiosk_visitor_probe import ENCODINGS, scan
from tests.x11_session import ROOT, XServer


def children(pid):
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def covering(server, pid):
    """Does a window of process `pid` cover the whole screen?"""
    for window in server.run("xdotool", "search", "--onlyvisible", "--pid", str(pid)).split():
        info = server.run("xwininfo", "-id", window)
        size = f"Width: {server.size[0]}" in info and f"Height: {server.size[1]}" in info
        if "IsViewable" in info and size and "Absolute upper-left X:  0" in info:
            return True
    return False


def test_the_next_visitor_gets_a_process_with_nothing_of_the_last(tmp_path):
    server = XServer(1280, 800, window_manager=False)
    env = server.env(
        HOME=str(tmp_path),
        XDG_STATE_HOME=str(tmp_path / "state"),
        PROBE_MARKER=str(tmp_path / "first"),
    )
    child = [sys.executable, str(ROOT / "tests" / "kiosk_visitor_probe.py")]
    code = f"import sys; from gui.kiosk.visitors import serve; sys.exit(serve({child!r}))"
    supervisor = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        word, pid = supervisor.stdout.readline().split()
        first = int(pid)
        assert word == "visited" and first in children(supervisor.pid)
        during = scan(first)
        assert during["utf-8"] > 0 and during["utf-16-le"] > 0, during  # the control
        (tmp_path / "first.go").touch()  # 「完成 / 下一位」
        samples = uncovered = 0
        deadline = time.monotonic() + 60
        while Path(f"/proc/{first}").exists() and time.monotonic() < deadline:
            following = [p for p in children(supervisor.pid) if p != first]
            samples += 1
            uncovered += not (
                covering(server, first) or any(covering(server, p) for p in following)
            )
        assert not Path(f"/proc/{first}").exists(), "the first kiosk never ended"
        assert samples > 0 and uncovered == 0, (samples, uncovered)  # never a bare screen
        (following,) = children(supervisor.pid)
        server.wait_for(lambda: covering(server, following), 10, "no next kiosk on screen")
        after = scan(following)
        assert after == dict.fromkeys(ENCODINGS, 0), after
        assert supervisor.poll() is None
    finally:
        kiosks = children(supervisor.pid)
        supervisor.terminate()
        assert supervisor.wait(10) == 128 + 15  # SIGTERM: it ended its kiosk too
        assert not any(Path(f"/proc/{pid}").exists() for pid in kiosks), kiosks
        supervisor.stdout.close()
        server.stop()


def test_without_one_visitor_the_wipe_stays_in_process(qapp, monkeypatch):
    # the desktop's 重新开始 and a kiosk with no service manager: wipe, keep running
    from PySide6.QtCore import QCoreApplication

    from gui.kiosk.app import build_kiosk
    from gui.kiosk.config import parse
    from tests.kiosk_helpers import TODAY, run_session

    exits = []
    monkeypatch.setattr(QCoreApplication, "exit", staticmethod(exits.append))
    config, problems = parse({})
    wizard = build_kiosk(qapp, config, problems, TODAY)
    try:
        wizard.resize(1280, 800)
        wizard.show()
        run_session(wizard, print_it=False)
        wizard.accept()
        assert exits == [] and wizard.currentId() == 0
        wizard.one_visitor = True
        wizard.accept()  # nobody was served since: nothing to end the process for
        assert exits == []
        run_session(wizard, print_it=False)
        wizard.accept()
        assert exits == [0] and wizard.currentId() == 0  # wiped first, then the exit
    finally:
        wizard.leave()
        wizard.deleteLater()
