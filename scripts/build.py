"""Build the one-folder bundle, prove it works, and report its size.

    python scripts/build.py             # dist/idguide/ frozen with this Python (any OS)
    sudo python3 scripts/build.py --portable   # dist/idguide/ frozen in Debian 11 (glibc 2.31)
    sudo python3 scripts/build.py --deb        # the portable bundle + dist/idguide_*_amd64.deb

Exits non-zero if PyInstaller fails, the frozen self-test or export fails, or the bundle
is over budget: a missing data file, font or plugin fails here, not on a user's machine.
--portable and --deb need root (debootstrap, chroot) and the Debian archive; they run on
the standard library alone: a bare `python3` (3.11 or later) with debootstrap and dpkg-deb
is enough, as on Debian 12.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUNDLE = DIST / "idguide"
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


def host_frozen(*args: str, fonts_conf: Path) -> subprocess.CompletedProcess[str]:
    """Run the bundle in dist/idguide on this machine."""
    executable = BUNDLE / ("idguide.exe" if os.name == "nt" else "idguide")
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "FONTCONFIG_FILE": str(fonts_conf)}
    return subprocess.run(
        [str(executable), *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )


def freeze_here() -> None:
    shutil.rmtree(BUNDLE, ignore_errors=True)
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


def check(frozen: Callable[..., subprocess.CompletedProcess[str]], folder: Path) -> bool:
    """The frozen self-test and a checklist export, with no system fonts, in `folder`
    (`frozen` runs the bundle, here or in the build root, and maps `folder` itself)."""
    fonts_conf = folder / "fonts.conf"
    fonts_conf.write_text(NO_SYSTEM_FONTS.format(cache=folder / "fc-cache"))
    print("frozen self-test with no system fonts (FONTCONFIG_FILE has none):")
    test = frozen("--self-test", fonts_conf=fonts_conf)
    print(test.stdout, end="")
    if test.returncode != 0:
        print(test.stderr, file=sys.stderr)
        return False
    out = folder / "清单.pdf"
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
    if export.returncode != 0 or not out.is_file() or not out.read_bytes().startswith(b"%PDF-"):
        print(f"frozen checklist export failed: {export.stderr}", file=sys.stderr)
        return False
    print(f"ok    frozen checklist export: {out.stat().st_size} bytes")
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--portable", action="store_true", help="freeze in Debian 11 (glibc 2.31)")
    where.add_argument("--deb", action="store_true", help="--portable, then the .deb")
    options = parser.parse_args()
    if options.portable or options.deb:
        sys.path.insert(0, str(ROOT / "scripts"))
        import debroot
        import portable

        with debroot.cache_locked():
            ok = portable.build_and_check(DIST, check, package=options.deb)
    else:
        freeze_here()
        with tempfile.TemporaryDirectory() as folder:
            ok = check(host_frozen, Path(folder))
    if not ok:
        return 1
    size, count = bundle_size(BUNDLE)
    print(f"bundle: {BUNDLE}  {size / 2**20:.1f} MiB in {count} files (budget {BUDGET_MB} MB)")
    if size > BUDGET_MB * 10**6:
        print("bundle over budget", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
