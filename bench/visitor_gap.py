"""What the screen shows between two visitors, with a fresh process per visitor.

    python bench/visitor_gap.py [--visitors 10] [--shot handover.png]

Runs the supervisor of `idguide --kiosk --one-visitor` (gui/kiosk/visitors.py) on Xvfb
(1920×1080, no window manager), each child serving one canary visitor at once
(tests/kiosk_visitor_probe.py with $PROBE_EVERY). During every handover (from the old
child's "visited" until its process is gone) it samples, as fast as xdotool and xwininfo
allow, whether some kiosk window covers the whole screen, and times the handover. Prints
one line per visitor and a summary; for the report, not the test suite.
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

from tests.test_kiosk_fresh_process import children, covering  # noqa: E402
from tests.x11_session import XServer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visitors", type=int, default=10)
    parser.add_argument("--shot", type=Path, help="a screenshot taken mid-handover")
    args = parser.parse_args()
    server = XServer(1920, 1080, window_manager=False)
    home = Path(tempfile.mkdtemp())
    env = server.env(
        HOME=str(home),
        XDG_STATE_HOME=str(home / "state"),
        PROBE_MARKER=str(home / "marker"),
        PROBE_EVERY="1",
    )
    child = [sys.executable, str(ROOT / "tests" / "kiosk_visitor_probe.py")]
    code = f"import sys; from gui.kiosk.visitors import serve; sys.exit(serve({child!r}))"
    supervisor = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    handovers, total_samples, total_uncovered = [], 0, 0
    try:
        for visitor in range(args.visitors):
            _word, pid = supervisor.stdout.readline().split()
            old = int(pid)
            started = time.monotonic()
            samples = uncovered = 0
            while Path(f"/proc/{old}").exists():
                pids = children(supervisor.pid)
                samples += 1
                uncovered += not any(covering(server, p) for p in pids)
                if args.shot and visitor == 0 and samples == 3:
                    subprocess.run(["import", "-window", "root", str(args.shot)], env=env)
            handovers.append(time.monotonic() - started)
            total_samples += samples
            total_uncovered += uncovered
            print(
                f"visitor {visitor + 1}: handover {handovers[-1] * 1000:.0f} ms, "
                f"{samples} samples, {uncovered} not covered",
                flush=True,
            )
    finally:
        supervisor.terminate()
        supervisor.wait(10)
        server.stop()
    print(
        f"{len(handovers)} handovers: median {statistics.median(handovers) * 1000:.0f} ms, "
        f"max {max(handovers) * 1000:.0f} ms; {total_samples} samples, "
        f"{total_uncovered} with the screen not covered by a kiosk"
    )


if __name__ == "__main__":
    main()
