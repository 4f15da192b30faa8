"""The portable one-folder bundle: frozen inside a Debian 11 root, so it needs glibc 2.31.

PyInstaller copies the build machine's system libraries into the bundle, so the bundle's
glibc floor is the build machine's. Freezing inside a Debian 11 (bullseye) root makes
that floor 2.31, which Kylin V10, Ubuntu 20.04 and everything newer provide. The root
holds Qt's runtime libraries, a CPython 3.11 built there with --enable-shared (bullseye
has only 3.9; PyInstaller needs a shared libpython; found through ld.so.conf.d, not an
rpath, so no build-root path is left in the bundle) and a venv with the pins in
packaging/portable-requirements.txt. Each stage is cached in the root with a stamp of
its inputs, so only what changed is redone: a first build takes about 3 minutes on two
idle cores (up to 8 on a busy machine), a rebuild about 1.5.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import debroot

ROOT = Path(__file__).resolve().parent.parent
BUILD_ROOT = debroot.CACHE / f"{debroot.SUITE}-build"
PYTHON = "/opt/python3.11"
VENV = "/opt/venv"
REQUIREMENTS = ROOT / "packaging" / "portable-requirements.txt"
STAMPS = "var/lib/idguide-build"

# The libraries Qt's xcb platform, fontconfig and printing load: PyInstaller bundles the
# ones it may (and the package depends on the rest, see scripts/deb.py).
RUNTIME_PACKAGES = [
    "libglib2.0-0",
    "libfontconfig1",
    "libfreetype6",
    "libegl1",
    "libgl1",
    "libopengl0",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libdbus-1-3",
    "libcups2",
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xkb1",
    "libxcb-randr0",
    "libxcb-render0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-xfixes0",
    "libxcb-util1",
    "libxcb-xinerama0",
    "libxcb-xinput0",
    "libsm6",
    "libice6",
]
# What building CPython needs (ssl for pip, sqlite/bz2/lzma/ffi for the standard library),
# and binutils for PyInstaller's objdump and strip.
BUILD_PACKAGES = [
    "gcc",
    "make",
    "libc6-dev",
    "binutils",
    "xz-utils",
    "libssl-dev",
    "zlib1g-dev",
    "libffi-dev",
    "libbz2-dev",
    "liblzma-dev",
    "libsqlite3-dev",
    "libexpat1-dev",
    "patch",
]
# CPython's source: the upstream tarball of Debian 12's python3.11 source package, fetched
# and checked by apt from the signed Debian archive (python.org is not reachable from
# every build machine; the Debian archive is, through the same mirror as debootstrap),
# with Debian's security fixes: the series from its first CVE patch on. The patches before
# that change Debian's install layout, which a private /opt prefix does not want.
PYTHON_SOURCE = "deb-src http://deb.debian.org/debian bookworm main"
CONFIGURE = [
    f"--prefix={PYTHON}",
    "--enable-shared",
    "--with-system-expat",
    "--without-static-libpython",
    "--disable-test-modules",
]


def log(message: str) -> None:
    print(f"[portable] {message}", flush=True)


def _key(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def _stage(root: Path, name: str, key: str) -> bool:
    """True when stage `name` was already done with these inputs."""
    stamp = root / STAMPS / name
    return stamp.is_file() and stamp.read_text() == key


def _done(root: Path, name: str, key: str) -> None:
    (root / STAMPS).mkdir(parents=True, exist_ok=True)
    (root / STAMPS / name).write_text(key)


def prepare_root() -> Path:
    """The build root with packages, Python and venv up to date (cached stages)."""
    root = BUILD_ROOT
    packages_key = _key(*RUNTIME_PACKAGES, *BUILD_PACKAGES, PYTHON_SOURCE)
    if not _stage(root, "packages", packages_key):
        log(f"new build root {root}")
        debroot.fresh_copy(root)
        (root / "etc/apt/sources.list.d/python-source.list").write_text(PYTHON_SOURCE + "\n")
        debroot.apt_install(root, [*RUNTIME_PACKAGES, *BUILD_PACKAGES])
        _done(root, "packages", packages_key)
    python_key = _key(packages_key, *CONFIGURE)
    if not _stage(root, "python", python_key):
        _build_python(root)
        _done(root, "python", python_key)
    venv_key = _key(python_key, REQUIREMENTS.read_text())
    if not _stage(root, "venv", venv_key):
        log("venv with packaging/portable-requirements.txt")
        shutil.rmtree(root / VENV.lstrip("/"), ignore_errors=True)
        shutil.copy(REQUIREMENTS, root / "tmp/requirements.txt")
        debroot.run(root, [f"{PYTHON}/bin/python3.11", "-m", "venv", VENV])
        debroot.run(root, [f"{VENV}/bin/pip", "install", "-q", "-r", "/tmp/requirements.txt"])
        _done(root, "venv", venv_key)
    return root


def _build_python(root: Path) -> None:
    log("CPython 3.11 from Debian's python3.11 source package")
    src = root / "usr/src/python"
    for leftover in (src, root / PYTHON.lstrip("/")):
        shutil.rmtree(leftover, ignore_errors=True)
    src.mkdir(parents=True)
    script = f"""set -e
cd /usr/src/python
apt-get source -q --download-only python3.11
tar -xf python3.11_*.orig.tar.*
tar -xf python3.11_*.debian.tar.*
cd Python-*/
sed -n '/^CVE-/,$p' ../debian/patches/series | grep -v '^#' | while read -r p; do
  patch -p1 --batch --quiet < "../debian/patches/$p" || exit 1
done
# Debian builds pyexpat into the interpreter; as a shared module its CVE-2026-4224 fix
# (which includes an internal header) needs Py_BUILD_CORE_MODULE, as in CPython 3.12.
macro="define_macros=[('Py_BUILD_CORE_MODULE', '1')]"
sed -i "s/sources=\\['pyexpat.c'\\]/&, $macro/" setup.py
grep -q "pyexpat.c'\\], define_macros" setup.py
./configure -q {" ".join(CONFIGURE)}
make -s -j{os.cpu_count() or 2}
make -s install
# no rpath: the root's loader finds libpython, so no build-root path is left in the bundle
echo {PYTHON}/lib > /etc/ld.so.conf.d/python3.11.conf
ldconfig
"""
    debroot.run(root, ["bash", "-c", script])
    shutil.rmtree(src)


def _copy_checkout(destination: Path) -> None:
    """The files git tracks, plus new ones not ignored: what a clean clone would hold."""
    shutil.rmtree(destination, ignore_errors=True)
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, (n.decode() for n in listed)):
        source = ROOT / name
        if source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def build_and_check(dist: Path, check: Callable[..., bool], *, package: bool) -> bool:
    """Freeze the checkout in the build root, run `check` on the bundle there (glibc 2.31
    and the root's libraries only), make the .deb if `package`, and move the bundle to
    dist/idguide."""
    root = prepare_root()
    _copy_checkout(root / "src")
    for leftover in ("out", "tmp/check"):
        shutil.rmtree(root / leftover, ignore_errors=True)
    bundle = dist / "idguide"
    shutil.rmtree(bundle, ignore_errors=True)
    log("pip install the app, then PyInstaller")
    debroot.run(
        root,
        [
            f"{VENV}/bin/pip",
            "install",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--force-reinstall",
            "/src",
        ],
    )
    # a dependency pyproject.toml gained but the pins lack fails here, by name
    debroot.run(root, [f"{VENV}/bin/pip", "check"])
    debroot.run(
        root,
        [
            f"{VENV}/bin/python",
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            "/out",
            "--workpath",
            "/tmp/pyinstaller",
            "/src/build.spec",
        ],
    )
    folder = root / "tmp/check"
    folder.mkdir()

    def inside(path: Path) -> str:
        return "/" + str(path.relative_to(root))

    def frozen(*args: str, fonts_conf: Path) -> subprocess.CompletedProcess[str]:
        mapped = [inside(Path(a)) if a.startswith(str(folder)) else a for a in args]
        return debroot.run(
            root,
            ["/out/idguide/idguide", *mapped],
            env={"QT_QPA_PLATFORM": "offscreen", "FONTCONFIG_FILE": inside(fonts_conf)},
            check=False,
            capture=True,
            timeout=300,
        )

    log("checks inside the Debian 11 root")
    ok = check(frozen, folder)
    if ok and package:
        import deb

        deb.build(root / "out/idguide", dist, root, "/out/idguide")
    dist.mkdir(parents=True, exist_ok=True)
    shutil.move(root / "out" / "idguide", bundle)
    shutil.rmtree(root / "src")
    return ok
