"""A fresh process for every visitor, with the screen covered the whole time.

`idguide --kiosk --one-visitor` is this supervisor: a small process that shows no window
and never sees what anyone types. It starts the kiosk as a child (a new program image:
nothing of another process's memory, only the command line and the environment). When the
child says its visitor's session is over, the supervisor starts the next child, waits until
that one's window is painted over the whole screen (on top of the old one: with no window
manager a newly mapped window goes on top), and only then tells the old child to exit. So
the screen never shows anything but a kiosk between two people, and the next person's
process has never held the last person's data. A child that ends any other way (the
administrator left, a crash, a lost window, a refused window manager) ends the supervisor
with its status, and systemd decides what comes next, as before.

The channel is two pipes whose numbers the child finds in $IDGUIDE_VISITOR_CHANNEL:
the child writes "shown" once its first page is painted and "done" after the wipe; the
supervisor answers "exit".
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from collections.abc import Sequence

CHANNEL_ENV = "IDGUIDE_VISITOR_CHANNEL"  # "READ_FD,WRITE_FD": the child's ends
QUIET_ENV = "IDGUIDE_REPORTED"  # set for every child after the first: problems said once
EXIT_WAIT_S = 10


class _Child:
    def __init__(self, command: Sequence[str], quiet: bool) -> None:
        to_child, from_supervisor = os.pipe()
        from_child, to_supervisor = os.pipe()
        env = dict(os.environ)
        env[CHANNEL_ENV] = f"{to_child},{to_supervisor}"
        if quiet:
            env[QUIET_ENV] = "1"
        self.process = subprocess.Popen(list(command), env=env, pass_fds=(to_child, to_supervisor))
        os.close(to_child)
        os.close(to_supervisor)
        self.tell = os.fdopen(from_supervisor, "w")
        self.hear = os.fdopen(from_child)

    def says(self) -> str:
        """The child's next word; "" once it has gone."""
        return self.hear.readline().strip()

    def status(self) -> int:
        code = self.process.wait()
        self.tell.close()
        self.hear.close()
        return code if code >= 0 else 128 - code  # killed by a signal: as a shell says it

    def end(self) -> None:
        with contextlib.suppress(OSError):
            self.tell.write("exit\n")
            self.tell.flush()
        try:
            self.process.wait(EXIT_WAIT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.status()


def _stop(signal_number: int, _frame: object) -> None:
    raise SystemExit(128 + signal_number)  # runs serve()'s `finally`: no child left behind


def serve(command: Sequence[str]) -> int:
    """Run `command` (the kiosk) once per visitor until a child ends on its own."""
    for stop in (signal.SIGTERM, signal.SIGHUP):  # systemd stops the whole group anyway
        signal.signal(stop, _stop)
    alive: list[_Child] = []
    try:
        alive.append(_Child(command, quiet=False))
        if alive[0].says() != "shown":
            return alive.pop().status()
        while True:
            if alive[0].says() != "done":
                return alive.pop().status()
            alive.append(_Child(command, quiet=True))
            shown = alive[1].says() == "shown"
            alive.pop(0).end()  # the next window covers the screen (or the next child failed)
            if not shown:
                return alive.pop().status() or 1
    finally:
        for child in alive:
            child.process.terminate()
            child.end()


def channel() -> tuple[int, int] | None:
    """This process's ends of the channel when a supervisor started it, else None."""
    value = os.environ.pop(CHANNEL_ENV, "")
    with contextlib.suppress(ValueError):
        read, write = (int(part) for part in value.split(","))
        return read, write
    return None
