"""Debian 11 (bullseye, glibc 2.31) roots for the portable build and the package test.

A minbase root is made once with debootstrap and kept, untouched, in the build cache
(outside the checkout: /var/cache/idguide-build, or $IDGUIDE_BUILD_CACHE). Every other
root starts as a copy of it: the build root (which keeps its installed packages and
built Python between builds) and the throw-away roots the package is tested in.
Needs root (debootstrap, chroot, mount) and the Debian archive.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

SUITE = "bullseye"
MIRROR = os.environ.get("IDGUIDE_DEBIAN_MIRROR", "http://deb.debian.org/debian")
CACHE = Path(os.environ.get("IDGUIDE_BUILD_CACHE", "/var/cache/idguide-build"))
MINBASE = CACHE / f"{SUITE}-minbase"

# What the host lends a root while it is in use: name resolution for apt, the CA bundle
# and pip's settings so pip reaches PyPI the way this machine does.
HOST_FILES = ("/etc/resolv.conf", "/etc/ssl/certs/ca-certificates.crt", "/etc/pip.conf")
HOST_DIRS = ("/etc/xdg/pip",)
# pip settings that may name local folders (find-links, extra indexes): bound read-only
HOST_PIP_FOLDERS = ("/opt/wheels", "/opt/pypi", "/opt/pypi-more")
PASSED_ENV = ("http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY")


def log(message: str) -> None:
    print(f"[debroot] {message}", flush=True)


@contextlib.contextmanager
def cache_locked() -> Iterator[None]:
    """The cache to this process alone: two builds or package tests at once (two checkouts
    on one machine) would share the build root, its out/ folder and the test root."""
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def minbase() -> Path:
    """The pristine minbase root, made on first use (about 30 s)."""
    if not (MINBASE / "etc" / "debian_version").exists():
        partial = MINBASE.with_name(MINBASE.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        partial.parent.mkdir(parents=True, exist_ok=True)
        log(f"debootstrap --variant=minbase {SUITE} {partial}")
        subprocess.run(
            ["debootstrap", "--variant=minbase", SUITE, str(partial), MIRROR], check=True
        )
        # debootstrap's apt lists are not kept; every copy runs apt-get update itself
        partial.rename(MINBASE)
    return MINBASE


def fresh_copy(target: Path) -> Path:
    """A new root at `target`, copied from the minbase root (seconds, not a debootstrap)."""
    remove(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["cp", "-a", str(minbase()), str(target)], check=True)
    return target


def remove(root: Path) -> None:
    """Delete a root, refusing while anything is still mounted inside it."""
    if not root.exists():
        return
    inside = [m for m in _mounts() if m == root or root in m.parents]
    if inside:
        raise RuntimeError(f"still mounted in {root}: {inside}")
    shutil.rmtree(root)


def _mounts() -> list[Path]:
    lines = Path("/proc/self/mounts").read_text().splitlines()
    return [Path(line.split()[1].replace("\\040", " ")) for line in lines]


def _mount_script(root: Path) -> str:
    """Shell lines mounting /proc, /sys, /dev and the host's network and pip settings in
    `root`. They run in a private mount namespace of their own (see run()), so the
    mounts vanish with the command, however it ends, and none reaches the host."""
    r = shlex.quote(str(root))
    lines = [
        f"mount -t proc proc {r}/proc",
        f"mount --rbind /sys {r}/sys",
        f"mount --rbind /dev {r}/dev",
    ]
    for name in HOST_FILES:
        if Path(name).is_file():
            inside = root / name.lstrip("/")
            inside.parent.mkdir(parents=True, exist_ok=True)
            if inside.is_symlink():
                inside.unlink()
            inside.touch(exist_ok=True)
            lines.append(f"mount --bind -o ro {name} {shlex.quote(str(inside))}")
    for name in (*HOST_DIRS, *HOST_PIP_FOLDERS):
        if Path(name).is_dir():
            inside = root / name.lstrip("/")
            inside.mkdir(parents=True, exist_ok=True)
            lines.append(f"mount --bind -o ro {name} {shlex.quote(str(inside))}")
    return "\n".join(lines)


def run(
    root: Path,
    command: Sequence[str],
    *,
    env: dict[str, str] | None = None,
    check: bool = True,
    capture: bool = False,
    timeout: float | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `command` in `root`, with /proc, /sys, /dev and the host's network settings
    mounted for it alone, in a clean, predictable environment."""
    clean = {
        "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "HOME": "/root",
        "LANG": "C.UTF-8",
        "DEBIAN_FRONTEND": "noninteractive",
        **{k: v for k, v in os.environ.items() if k.startswith("PIP_") or k in PASSED_ENV},
        **(env or {}),
    }
    script = f'{_mount_script(root)}\nexec chroot {shlex.quote(str(root))} "$@"'
    return subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-ec", script, "sh", *command],
        env=clean,
        check=check,
        text=True,
        capture_output=capture,
        timeout=timeout,
    )


def apt_install(root: Path, packages: Sequence[str], *, extra: Sequence[str] = ()) -> None:
    run(root, ["apt-get", "update", "-q"])
    run(
        root,
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", *extra, *packages],
    )


if __name__ == "__main__":
    minbase()
    sys.exit(0)
