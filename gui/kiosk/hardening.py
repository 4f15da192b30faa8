"""Process-level protections the kiosk turns on before anyone types anything.

A core dump holds whatever the process held: at a kiosk, the last person's ID number and
dates. The kiosk turns dumps off itself, so a site that forgets `LimitCORE=0` is still safe.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

PR_SET_DUMPABLE = 4  # <linux/prctl.h>


def disable_core_dumps() -> list[str]:
    """No core file, no crash-handler copy of memory; returns what could not be done."""
    failed: list[str] = []
    try:
        import resource
    except ImportError:  # Windows: no core files; WER dumps are a site policy (docs/kiosk.md)
        return failed
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (OSError, ValueError) as error:
        failed.append(f"RLIMIT_CORE: {error}")
    if sys.platform.startswith("linux"):
        # not dumpable: also no core through a core_pattern pipe (systemd-coredump,
        # apport), and other processes of the same user cannot read our memory
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
            if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
                failed.append(f"PR_SET_DUMPABLE: errno {ctypes.get_errno()}")
        except (OSError, AttributeError) as error:
            failed.append(f"PR_SET_DUMPABLE: {error}")
    return failed


def is_dumpable() -> bool | None:
    """The process's dumpable flag on Linux, None elsewhere (for the tests and self-checks)."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    return bool(libc.prctl(3, 0, 0, 0, 0))  # PR_GET_DUMPABLE
