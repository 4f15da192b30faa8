"""Every config case of tests/config_fuzz_cases.py through a real `idguide --kiosk`.

    python bench/config_fuzz.py [--random 300]

Each case (the named ones and the seeded damaged copies of the example file) starts
`python -m gui --kiosk --exit-after-show --config PATH` offscreen. A case passes when the
kiosk exits 0 with no traceback, says `config:` on stderr whenever reading the file found
a problem, and writes at most 30 lines. Prints the failures and one summary line; slow
(about a second a case), so not in the test suite, which runs the same cases in process.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gui.kiosk.config import read_config  # noqa: E402
from tests.config_fuzz_cases import cases  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--random", type=int, default=300)
    args = parser.parse_args()
    started = time.monotonic()
    failures: list[str] = []
    skipped = 0
    all_cases = cases(args.random)
    for name, make in all_cases.items():
        with tempfile.TemporaryDirectory() as folder:
            path = make(Path(folder))
            if "\0" in path:  # no command line can carry a NUL: tested in process only
                skipped += 1
                continue
            _, problems = read_config(path)
            result = subprocess.run(
                [sys.executable, "-m", "gui", "--kiosk", "--exit-after-show", "--config", path],
                cwd=ROOT,
                env=os.environ | {"QT_QPA_PLATFORM": "offscreen", "HOME": folder},
                capture_output=True,
                text=True,
                errors="replace",
                timeout=120,
                check=False,
            )
            Path(folder).chmod(0o700)
            for child in Path(folder).iterdir():  # the unreadable case: readable again
                if not child.is_symlink():
                    child.chmod(0o700)
        why = []
        if result.returncode != 0:
            why.append(f"exit {result.returncode}")
        if "Traceback" in result.stderr:
            why.append("traceback")
        if problems and "config:" not in result.stderr:
            why.append("no config: line")
        if result.stderr.count("\n") > 30:
            why.append(f"{result.stderr.count(chr(10))} lines")
        if why:
            failures.append(f"{name}: {', '.join(why)}: {result.stderr[-300:]!r}")
            print(failures[-1], flush=True)
    print(
        f"{len(all_cases) - skipped} config cases through real kiosk processes in "
        f"{time.monotonic() - started:.0f} s: {len(failures)} failures"
    )


if __name__ == "__main__":
    main()
