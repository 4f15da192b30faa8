"""A fresh process for every visitor: after a canary session the kiosk exits 0 by itself,
and a memory scan of the process that serves the next person finds no canary date or
number in UTF-8, UTF-16 or UTF-32. On Xvfb with no window manager (the X server, its
clipboard and the state folder are shared by the two processes, as at a real counter)."""

import subprocess
import sys

from tests.kiosk_visitor_probe import ENCODINGS, scan
from tests.x11_session import ROOT, Kiosk, XServer


def test_the_next_visitor_gets_a_process_with_nothing_of_the_last(tmp_path):
    server = XServer(1280, 800, window_manager=False)
    env = server.env(HOME=str(tmp_path), XDG_STATE_HOME=str(tmp_path / "state"))
    first = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "kiosk_visitor_probe.py")],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    following = None
    try:
        assert first.stdout.readline() == "visited\n", first.communicate()[1]
        during = scan(first.pid)
        assert during["utf-8"] > 0 and during["utf-16-le"] > 0, during  # the control
        first.stdin.write("go\n")
        first.stdin.flush()
        assert first.wait(30) == 0, first.communicate()[1]  # it ended itself, cleanly
        following = Kiosk(server, tmp_path, "--one-visitor")  # what systemd starts next
        after = scan(following.process.pid)
        assert after == dict.fromkeys(ENCODINGS, 0), after
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
        for stream in (first.stdin, first.stdout, first.stderr):
            stream.close()
        if following is not None:
            following.stop()
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
