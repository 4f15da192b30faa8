"""How long the PIN pad stays shut after wrong PINs; remembered across restarts.

Each round of 5 wrong PINs shuts the pad for twice as long as the last (1, 2, 4 … minutes,
at most an hour); the right PIN starts over. Guessing all 10,000 four-digit PINs then takes
months instead of 33 hours, and restarting the kiosk (or crashing it) does not reset the
count, because it lives in a small file.

The file is not personal: it holds two counters and a time, all about the administrator's
PIN pad, never anything a member of the public typed. It lives in a `lockout` folder of
the service's state folder (systemd `StateDirectory=` → $STATE_DIRECTORY), else of
$XDG_STATE_HOME/idguide, else of ~/.local/state/idguide, with mode 0600.

Tampering does not open the pad: a file that is missing, unreadable, corrupt or holds a
non-finite time locks it for the longest step (an hour) and says why (`problem`, shown on
stderr and on the admin screen). A fresh install starts unlocked: the kiosk makes the
`lockout` folder and writes the file at its first start, so "the folder is there but the
file is not" means the file was removed, and only "no folder yet" means fresh. Why a folder
of its own: systemd creates StateDirectory before the kiosk runs, so that folder's
existence says nothing. If nothing can be written the count is kept in memory only.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from gui.shown import shown

TRIES_PER_ROUND = 5
FIRST_LOCK_S = 60.0
MAX_LOCK_S = 3600.0
FILE_NAME = "pin-lockout.json"
FOLDER_NAME = "lockout"
MAX_FILE_BYTES = 4096  # the real file is about 50 bytes


def default_state_path() -> Path:
    folder = os.environ.get("STATE_DIRECTORY", "").split(":")[0]
    if not folder:
        state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
        folder = str(Path(state) / "idguide")
    return Path(folder) / FOLDER_NAME / FILE_NAME


def lock_seconds(rounds: int) -> float:
    """The wait after the `rounds`-th round of wrong PINs: 1, 2, 4 … minutes, at most 1 h."""
    return float(min(FIRST_LOCK_S * 2 ** min(max(rounds - 1, 0), 16), MAX_LOCK_S))


# the first round whose wait is the longest: a tampered state starts there
LONGEST_ROUND = next(r for r in range(1, 64) if lock_seconds(r) >= MAX_LOCK_S)


def _read_state(path: Path) -> tuple[int, int, float]:
    """failures, rounds, locked_until from the file; ValueError for anything else."""
    with path.open("rb") as readable:
        raw = readable.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise ValueError("too large")
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("not an object")
    failures, rounds, until = data["failures"], data["rounds"], data["locked_until"]
    if not all(type(v) in (int, float) for v in (failures, rounds, until)):
        raise ValueError("not numbers")
    if not all(math.isfinite(v) for v in (failures, rounds, until)):  # json accepts NaN
        raise ValueError("not a finite number")
    return (
        min(max(int(failures), 0), TRIES_PER_ROUND - 1),
        min(max(int(rounds), 0), 64),
        float(until),
    )


@dataclass
class PinLockout:
    path: Path | None = None  # None: memory only (tests, or no writable state folder)
    clock: Callable[[], float] = time.time  # wall clock: a restart must not reset it
    failures: int = 0  # wrong PINs in the current round
    rounds: int = 0  # completed rounds since the last right PIN
    locked_until: float = 0.0
    save_error: str | None = field(default=None, compare=False)
    problem: str | None = field(default=None, compare=False)  # why the pad starts locked

    @classmethod
    def load(cls, path: Path | None, clock: Callable[[], float] = time.time) -> PinLockout:
        lockout = cls(path, clock)
        if path is None:
            return lockout
        try:
            lockout.failures, lockout.rounds, lockout.locked_until = _read_state(path)
            return lockout
        except FileNotFoundError:
            if not path.parent.exists():  # a fresh install: start unlocked, and say so on disk
                lockout._save()
                return lockout
            why = "is missing"
        except OSError as error:
            why = f"cannot be read ({error.strerror or error})"
        except (ValueError, KeyError, TypeError, RecursionError):
            why = "is damaged"
        # tampering must not open the pad: lock for the longest step, and say why
        lockout.rounds = max(lockout.rounds, LONGEST_ROUND)
        lockout.failures = 0
        lockout.locked_until = clock() + MAX_LOCK_S
        lockout.problem = (
            f"PIN lockout state {shown(str(path))} {why}: the PIN pad is shut for "
            f"{int(MAX_LOCK_S // 60)} minutes from the start"
        )
        lockout._save()
        return lockout

    def remaining(self) -> float:
        """Seconds until the pad opens; a clock set back cannot stretch it past the cap."""
        return min(max(self.locked_until - self.clock(), 0.0), lock_seconds(self.rounds))

    def failed(self) -> None:
        self.failures += 1
        if self.failures >= TRIES_PER_ROUND:
            self.failures = 0
            self.rounds += 1
            self.locked_until = self.clock() + lock_seconds(self.rounds)
        self._save()

    def succeeded(self) -> None:
        self.failures = self.rounds = 0
        self.locked_until = 0.0
        self._save()

    def _save(self) -> None:
        if self.path is None:
            return
        data = {"failures": self.failures, "rounds": self.rounds, "locked_until": self.locked_until}
        part = self.path.with_name(self.path.name + ".part")
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            with contextlib.suppress(FileNotFoundError):
                part.unlink()  # a .part of any mode left by a crash: ours is made 0600
            fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(json.dumps(data))
            os.replace(part, self.path)
            self.save_error = None
        except OSError as error:
            self.save_error = f"{shown(str(self.path))}: {error.strerror}"
