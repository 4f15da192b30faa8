"""Build the one-folder bundle, prove it works, and report its size.

    python scripts/build.py          # dist/idguide/ + self-test + frozen checklist export

Exits non-zero if PyInstaller fails, the frozen self-test or export fails, or the bundle
is over budget: a missing data file, font or plugin fails here, not on a user's machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "idguide"
BUDGET_MB = 130


def bundle_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def frozen(*args: str) -> subprocess.CompletedProcess[str]:
    executable = BUNDLE / ("idguide.exe" if os.name == "nt" else "idguide")
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([str(executable), *args], env=env, capture_output=True, text=True,
                          timeout=300, check=False)


def main() -> int:
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--log-level", "WARN", "--distpath", str(ROOT / "dist"),
                    "--workpath", str(ROOT / "build"), str(ROOT / "build.spec")],
                   cwd=ROOT, check=True)
    test = frozen("--self-test")
    print(test.stdout, end="")
    if test.returncode != 0:
        print(test.stderr, file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "清单.pdf"
        export = frozen("checklist", "--birth", "1980-05-01", "--start", "2006-05-01",
                        "--end", "2026-05-01", "--as-of", "2026-11-29", "--out", str(out))
        if export.returncode != 0 or not out.read_bytes().startswith(b"%PDF-"):
            print(f"frozen checklist export failed: {export.stderr}", file=sys.stderr)
            return 1
        print(f"ok    frozen checklist export: {out.stat().st_size} bytes")
    size, count = bundle_size(BUNDLE)
    print(f"bundle: {BUNDLE}  {size / 2**20:.1f} MiB in {count} files "
          f"(budget {BUDGET_MB} MB)")
    if size > BUDGET_MB * 10**6:
        print("bundle over budget", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
