"""A finger on the real kiosk: xdotool taps and swipes on Xvfb (no window manager), with
tests/kiosk_tap_probe.py telling where things are and what the screen shows."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path

from tests.x11_session import ROOT, XServer

PROBE = Path(__file__).with_name("kiosk_tap_probe.py")
SETTLE_S = 0.6  # longer than the double-click interval (400 ms): a second tap has landed


class Finger:
    def __init__(self, x: XServer, home: Path, config: Path, shots: Path) -> None:
        self.x = x
        self.shots = shots
        self.log: list[str] = []
        self.shot_names: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, str(PROBE), str(config)],
            cwd=ROOT,
            env=x.env(HOME=str(home), XDG_STATE_HOME=str(home / "state")),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self._line(60) == "ready", self.stop()
        x.wait_for(lambda: self.state()["covers"], 20, "the kiosk never covered the screen")
        time.sleep(0.5)  # the pages built after the first paint

    def _line(self, seconds: float) -> str:
        assert self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], seconds)
        if not ready:
            raise AssertionError(f"the kiosk did not answer; {self.stop()}")
        return self.process.stdout.readline().strip()

    def ask(self, command: str) -> object:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return json.loads(self._line(20))

    def state(self) -> dict:
        answer = self.ask("state")
        assert isinstance(answer, dict)
        return answer

    def where(self, path: str) -> dict | None:
        answer = self.ask(f"where {path}")
        assert answer is None or isinstance(answer, dict)
        return answer

    def swipe_up(self, pixels: int = 400) -> None:
        """A finger dragged up the middle of the page: the page scrolls down."""
        width, height = self.x.size
        x, y = width // 2, height // 2 + pixels // 2
        commands = ["mousemove", str(x), str(y), "mousedown", "1"]
        for step in range(1, 9):
            commands += ["sleep", "0.02", "mousemove", str(x), str(y - pixels * step // 8)]
        commands += ["sleep", "0.05", "mouseup", "1"]
        self.x.run("xdotool", *commands)
        time.sleep(1.0)  # the flick coasts and settles
        self.log.append(f"swipe up {pixels}px -> scroll={self.state()['scroll']}")

    def tap(self, path: str, double: bool = False, swipe: bool = True) -> dict:
        """Tap the middle of `path` (two taps 50 ms apart if `double`), swiping it into view
        first when it is below the fold (unless `swipe` is False: then it must be in view
        already); returns the state once any second tap has landed."""
        found = self.where(path)
        for _ in range(8 if swipe else 0):
            if found is None or found["inside"]:
                break
            self.swipe_up(300)
            found = self.where(path)
        assert found is not None, f"{path} is not on the page: {self.state()}"
        assert found["inside"], f"{path} could not be brought into view: {found}"
        x, y = found["x"] + found["w"] // 2, found["y"] + found["h"] // 2
        clicks = ["click", "--repeat", "2", "--delay", "50", "1"] if double else ["click", "1"]
        self.x.run("xdotool", "mousemove", str(x), str(y), *clicks)
        time.sleep(SETTLE_S)
        after = self.state()
        self.log.append(
            f"{'double tap' if double else 'tap'} {path} ({found['text']!s:.12}) at {x},{y}"
            f" -> {after['page']} scroll={after['scroll']}"
        )
        return after

    def shot(self, name: str) -> Path:
        path = self.shots / f"{name}.png"
        self.ask(f"shot {path}")
        self.shot_names.append(path.name)
        return path

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        errors = self.process.stderr.read() if self.process.stderr else ""
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
        return errors


def shots_folder(tmp_path: Path) -> Path:
    """IDGUIDE_SHOTS keeps the screenshots (for looking at them); otherwise a temp dir."""
    folder = Path(os.environ.get("IDGUIDE_SHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
