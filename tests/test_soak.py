"""Endurance in CI: 500 complete kiosk sessions after a 100-session warm-up.

The same script as the 10,000-session soak (bench/soak.py), in a child process so that
its memory figures are its own.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_five_hundred_sessions_leave_no_trace():
    result = subprocess.run([sys.executable, "bench/soak.py", "--sessions", "500",
                             "--warmup", "100", "--every", "50", "--json"], cwd=ROOT,
                            capture_output=True, text=True, timeout=900, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    soak = json.loads(result.stdout.strip().splitlines()[-1])
    assert soak["rss_growth_mib"] <= 1.0, soak["rss_growth_mib"]
    assert soak["rss_slope_mib_per_1000"] <= 1.0  # no upward trend in the second half
    assert soak["wrappers"][1] == soak["wrappers"][0], "Qt wrappers piled up"
    assert soak["top_level"][1] == soak["top_level"][0], "top-level widgets piled up"
    # PySide6 6.12.0 on CPython 3.11 lost a reference to None per call until the
    # interpreter aborted; the count must never fall. (It rises a little per session:
    # PySide keeps references to None in some calls, which is harmless.)
    assert soak["none_refs"][1] >= soak["none_refs"][0]
