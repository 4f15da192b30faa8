"""The gap between visitors with a fresh process per visitor (`idguide --kiosk --one-visitor`).

    python bench/visitor_gap.py [--visitors 10] [--restart-sec 0.1] [--shot gap.png]

Plays systemd's part on Xvfb (no window manager): starts the kiosk, lets a canary session
run in it (tests/kiosk_visitor_probe.py), presses 「完成 / 下一位」, and when the process has
exited starts the next one after RestartSec. The gap is from the moment the old window is
no longer viewable to the moment the new one covers the whole screen; what the screen shows
meanwhile is sampled (`import -window root`: the X root window, black, no desktop).
Prints one line per visitor and a summary; for the report, not the test suite.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.x11_session import XServer  # noqa: E402


def window_of(server: XServer, pid: int) -> int:
    ids = server.run("xdotool", "search", "--onlyvisible", "--pid", str(pid)).split()
    return int(ids[0]) if ids else 0


def covers(server: XServer, window: int) -> bool:
    text = server.run("xwininfo", "-id", str(window))
    size = f"Width: {server.size[0]}" in text and f"Height: {server.size[1]}" in text
    return "IsViewable" in text and size and "Absolute upper-left X:  0" in text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visitors", type=int, default=10)
    parser.add_argument("--restart-sec", type=float, default=0.1)  # systemd's default
    parser.add_argument("--shot", type=Path)
    args = parser.parse_args()
    server = XServer(1920, 1080, window_manager=False)
    home = Path(tempfile.mkdtemp())
    env = server.env(HOME=str(home), XDG_STATE_HOME=str(home / "state"))
    probe = [sys.executable, str(ROOT / "tests" / "kiosk_visitor_probe.py")]
    gaps, colours = [], set()
    try:

        def start() -> tuple[subprocess.Popen[str], int]:
            process = subprocess.Popen(
                probe,
                cwd=ROOT,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
            while not (window := window_of(server, process.pid)) or not covers(server, window):
                time.sleep(0.005)
            return process, window

        process, window = start()
        for visitor in range(args.visitors):
            assert process.stdout.readline() == "visited\n"
            process.stdin.write("go\n")
            process.stdin.flush()
            while covers(server, window):
                time.sleep(0.002)
            gone = time.monotonic()
            sampled = visitor % 5 == 4
            if sampled:  # what the screen shows meanwhile (slows that gap: not counted)
                shot = args.shot or home / "gap.png"
                subprocess.run(["import", "-window", "root", str(shot)], env=env, check=True)
                histogram = server.run("convert", str(shot), "-format", "%c", "histogram:info:-")
                colours.update(line.split()[-1] for line in histogram.strip().splitlines())
            code = process.wait(30)
            exited = time.monotonic()
            time.sleep(args.restart_sec)
            process, window = start()
            gap = time.monotonic() - gone
            if not sampled:
                gaps.append(gap)
            print(
                f"visitor {visitor + 1}: exit {code}, gap {gap * 1000:.0f} ms (window gone → "
                f"process exited {(exited - gone) * 1000:.0f} ms){' sampled' if sampled else ''}",
                flush=True,
            )
        process.kill()
        process.wait()
    finally:
        server.stop()
    print(
        f"{len(gaps)} handovers not sampled, RestartSec {args.restart_sec} s: gap min "
        f"{min(gaps) * 1000:.0f} ms, median {statistics.median(gaps) * 1000:.0f} ms, max "
        f"{max(gaps) * 1000:.0f} ms; screen meanwhile: {', '.join(sorted(colours))}"
    )


if __name__ == "__main__":
    main()
