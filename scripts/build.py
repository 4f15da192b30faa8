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


# A fontconfig set-up with no fonts at all: the frozen app must show and print Chinese with
# its bundled font alone, as on a fresh machine or kiosk image with no CJK system font.
NO_SYSTEM_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def frozen(*args: str, fonts_conf: Path | None = None) -> subprocess.CompletedProcess[str]:
    executable = BUNDLE / ("idguide.exe" if os.name == "nt" else "idguide")
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    if fonts_conf is not None:
        env["FONTCONFIG_FILE"] = str(fonts_conf)
    return subprocess.run(
        [str(executable), *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )


def main() -> int:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(ROOT / "dist"),
            "--workpath",
            str(ROOT / "build"),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        check=True,
    )
    with tempfile.TemporaryDirectory() as folder:
        fonts_conf = Path(folder) / "fonts.conf"
        fonts_conf.write_text(NO_SYSTEM_FONTS.format(cache=Path(folder) / "fc-cache"))
        print("frozen self-test with no system fonts (FONTCONFIG_FILE has none):")
        test = frozen("--self-test", fonts_conf=fonts_conf)
        print(test.stdout, end="")
        if test.returncode != 0:
            print(test.stderr, file=sys.stderr)
            return 1
        out = Path(folder) / "清单.pdf"
        export = frozen(
            "checklist",
            "--birth",
            "1980-05-01",
            "--start",
            "2006-05-01",
            "--end",
            "2026-05-01",
            "--as-of",
            "2026-11-29",
            "--out",
            str(out),
            fonts_conf=fonts_conf,
        )
        if export.returncode != 0 or not out.read_bytes().startswith(b"%PDF-"):
            print(f"frozen checklist export failed: {export.stderr}", file=sys.stderr)
            return 1
        print(f"ok    frozen checklist export: {out.stat().st_size} bytes")
    size, count = bundle_size(BUNDLE)
    print(f"bundle: {BUNDLE}  {size / 2**20:.1f} MiB in {count} files (budget {BUDGET_MB} MB)")
    if size > BUDGET_MB * 10**6:
        print("bundle over budget", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
