"""The installed app: build the one-folder bundle and prove the frozen executable works.

scripts/build.py runs PyInstaller, the frozen `--self-test` and a frozen checklist export,
and checks the size budget; a missing data file, font or plugin fails here, not on a
user's machine. About 20 s on this machine.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_frozen_bundle_builds_and_self_tests():
    result = subprocess.run(
        [sys.executable, "scripts/build.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert "frozen self-test with no system fonts" in result.stdout
    assert "self-test passed" in result.stdout
    assert "ok    frozen checklist export" in result.stdout
    assert "budget 130 MB" in result.stdout
