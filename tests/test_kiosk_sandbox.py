"""The app under the systemd hardening docs/kiosk.md recommends, simulated without systemd.

ProtectSystem=strict and ProtectHome=read-only make every file system read-only; PrivateTmp
gives the service its own empty /tmp and /var/tmp; StateDirectory= is the one writable
folder. A private mount namespace (unshare, as root) does the same here: every mount is
remounted read-only, fresh tmpfs go over /tmp and /var/tmp, and the interpreter and the
checkout are bound back in (read-only) when they live under /tmp. Not simulated: the
seccomp, capability and /dev restrictions systemd adds, and LimitCORE (tested in
test_kiosk_core_dump.py). Linux as root only; skipped where namespaces are not allowed.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SANDBOX = r"""
set -e
i=0
for keep in $KEEP; do mkdir -p /run/idguide-keep-$i 2>/dev/null || true
  mount --bind "$keep" /run/idguide-keep-$i; i=$((i+1)); done
for m in $(awk '{print $5}' /proc/self/mountinfo | sort -ru); do
  case "$m" in /proc*|/sys*|/dev*|/run/idguide-keep-*) continue;; esac
  mount -o remount,bind,ro "$m" 2>/dev/null || true
done
mount -t tmpfs tmpfs /tmp
mount -t tmpfs tmpfs /var/tmp
mkdir -p /tmp/state
i=0
for keep in $KEEP; do mkdir -p "$keep"; mount --bind /run/idguide-keep-$i "$keep"
  mount -o remount,bind,ro "$keep"; i=$((i+1)); done
if touch /idguide-probe 2>/dev/null || touch "$HOME/idguide-probe" 2>/dev/null; then
  echo "sandbox: still writable" >&2; exit 99; fi
exec "$@"
"""


def sandboxed(*command, **env):
    keep = [
        p
        for p in {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve(), ROOT}
        if str(p).startswith(("/tmp", "/var/tmp"))
    ]
    full_env = (
        os.environ
        | {
            "QT_QPA_PLATFORM": "offscreen",
            "KEEP": " ".join(map(str, keep)),
            "STATE_DIRECTORY": "/tmp/state",
        }
        | env
    )
    return subprocess.run(
        [
            "unshare",
            "--mount",
            "--propagation",
            "private",
            "sh",
            "-c",
            SANDBOX,
            "sandbox",
            *command,
        ],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def namespaces():
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("needs Linux and root (a private mount namespace)")
    probe = subprocess.run(["unshare", "--mount", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("mount namespaces are not allowed here (CAP_SYS_ADMIN)")


def checks(output):
    return {
        line.split()[1].rstrip(":"): line.split()[0]
        for line in output.splitlines()
        if line.split() and line.split()[0] in ("ok", "FAIL")
    }


def test_self_test_passes_on_a_read_only_system_with_a_private_tmp(namespaces):
    plain = subprocess.run(
        [sys.executable, "-m", "gui", "--self-test"],
        cwd=ROOT,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    hardened = sandboxed(sys.executable, "-m", "gui", "--self-test")
    assert "still writable" not in hardened.stderr
    assert checks(hardened.stdout) == checks(plain.stdout) != {}, hardened.stdout
    assert hardened.returncode == plain.returncode


def test_kiosk_starts_on_a_read_only_system_with_a_private_tmp(namespaces):
    result = sandboxed(sys.executable, "-m", "gui", "--kiosk", "--exit-after-show")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
