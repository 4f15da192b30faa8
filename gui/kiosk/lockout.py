"""How long the PIN pad stays shut after wrong PINs; remembered across restarts.

Each round of 5 wrong PINs shuts the pad for twice as long as the last (1, 2, 4 … minutes,
at most an hour); the right PIN starts over. Guessing all 10,000 four-digit PINs then takes
months instead of 33 hours, and restarting the kiosk (or crashing it) does not reset the
count, because it lives in a small file.

The file is not personal: it holds two counters and a time, all about the administrator's
PIN pad, never anything a member of the public typed. It lives in the service's state
folder (systemd `StateDirectory=` → $STATE_DIRECTORY), else $XDG_STATE_HOME/idguide, else
~/.local/state/idguide. If it cannot be written the count is kept in memory only.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

TRIES_PER_ROUND = 5
FIRST_LOCK_S = 60.0
MAX_LOCK_S = 3600.0
FILE_NAME = "pin-lockout.json"


def default_state_path() -> Path:
    folder = os.environ.get("STATE_DIRECTORY", "").split(":")[0]
    if folder:
        return Path(folder) / FILE_NAME
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "idguide" / FILE_NAME


def lock_seconds(rounds: int) -> float:
    """The wait after the `rounds`-th round of wrong PINs: 1, 2, 4 … minutes, at most 1 h."""
    return float(min(FIRST_LOCK_S * 2 ** min(max(rounds - 1, 0), 16), MAX_LOCK_S))


@dataclass
class PinLockout:
    path: Path | None = None  # None: memory only (tests, or no writable state folder)
    clock: Callable[[], float] = time.time  # wall clock: a restart must not reset it
    failures: int = 0  # wrong PINs in the current round
    rounds: int = 0  # completed rounds since the last right PIN
    locked_until: float = 0.0
    save_error: str | None = field(default=None, compare=False)

    @classmethod
    def load(cls, path: Path | None, clock: Callable[[], float] = time.time) -> PinLockout:
        lockout = cls(path, clock)
        if path is None:
            return lockout
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            lockout.failures = min(max(int(data["failures"]), 0), TRIES_PER_ROUND - 1)
            lockout.rounds = min(max(int(data["rounds"]), 0), 64)
            lockout.locked_until = float(data["locked_until"])
        except FileNotFoundError:
            pass
        except (OSError, ValueError, KeyError, TypeError):
            # a damaged file must not open the pad: treat it as one full round
            lockout.rounds = max(lockout.rounds, 1)
            lockout.locked_until = clock() + lock_seconds(lockout.rounds)
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
            self.path.parent.mkdir(parents=True, exist_ok=True)
            part.write_text(json.dumps(data), encoding="utf-8")
            os.replace(part, self.path)
            self.save_error = None
        except OSError as error:
            self.save_error = f"{self.path}: {error.strerror}"
