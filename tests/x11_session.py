"""A real X server for the kiosk tests: Xvfb on a free display, an optional window manager,
the kiosk as a child process, and the tools that push its window around (xdotool, and an
EWMH "leave full screen" request sent through libX11, since wmctrl is not installed)."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = {
    "Xvfb": "xvfb",
    "xdotool": "xdotool",
    "xwininfo": "x11-utils",
    "xprop": "x11-utils",
    "openbox": "openbox",
}


def need(*tools: str) -> None:
    """Skip (fail under CI=true) when a system tool is missing, naming its Debian package."""
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        reason = "install " + " ".join(sorted({PACKAGES.get(t, t) for t in missing}))
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the X11 kiosk tests: {reason}")
        pytest.skip(reason)


class XServer:
    """Xvfb on a free display of its own, far from the :0 … :30 people and scripts use."""

    def __init__(self, width: int, height: int, window_manager: bool) -> None:
        need(
            "Xvfb", "xdotool", "xwininfo", "xprop", "xev", *(["openbox"] if window_manager else [])
        )
        first = 200 + os.getpid() % 400
        for number in range(first, first + 50):
            if Path(f"/tmp/.X{number}-lock").exists():
                continue
            read, write = os.pipe()  # -displayfd: Xvfb writes the number once it is ready
            self.xvfb = subprocess.Popen(
                # -noreset: by default the server resets whenever its last client leaves,
                # and a kiosk or xdotool connecting during the reset is refused
                [
                    "Xvfb",
                    f":{number}",
                    "-displayfd",
                    str(write),
                    "-screen",
                    "0",
                    f"{width}x{height}x24",
                    "-nolisten",
                    "tcp",
                    "-noreset",
                ],
                pass_fds=(write,),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            os.close(write)
            with os.fdopen(read) as ready:
                if ready.readline().strip() == str(number):
                    break
            self.xvfb.wait(10)  # the display was taken after all: try the next one
        else:
            raise AssertionError("no free X display for Xvfb")
        self.display = f":{number}"
        self.size = (width, height)
        self.wm: subprocess.Popen[bytes] | None = None
        if window_manager:
            self.wm = subprocess.Popen(
                ["openbox"], env=self.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            self.wait_for(
                lambda: (
                    "_NET_SUPPORTING_WM_CHECK(WINDOW)"
                    in self.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK")
                ),
                10,
                "openbox did not start",
            )

    def env(self, **extra: str) -> dict[str, str]:
        return os.environ | {"DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb"} | extra

    def run(self, *command: str) -> str:
        return subprocess.run(
            command, env=self.env(), capture_output=True, text=True, timeout=20, check=False
        ).stdout

    @staticmethod
    def wait_for(condition, seconds: float, failure: str) -> float:
        """Poll `condition` every 20 ms; return the seconds it took, or fail."""
        start = time.monotonic()
        while time.monotonic() - start < seconds:
            if condition():
                return time.monotonic() - start
            time.sleep(0.02)
        raise AssertionError(failure)

    def stop(self) -> None:
        for process in (self.wm, self.xvfb):
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(10)


class Kiosk:
    """`python -m gui --kiosk` on the given X server, with its top-level window id."""

    def __init__(self, x: XServer, home: Path, *args: str) -> None:
        self.x = x
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gui", "--kiosk", "--as-of", "2026-11-29", *args],
            cwd=ROOT,
            env=x.env(HOME=str(home), XDG_STATE_HOME=str(home / "state")),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.window = 0
        self.stderr = ""
        x.wait_for(self._found, 30, "the kiosk window never appeared")
        x.wait_for(self.covers_screen, 5, "the kiosk never covered the screen")

    def _found(self) -> bool:
        assert self.process.poll() is None, self.process.communicate()[1]
        ids = self.x.run("xdotool", "search", "--onlyvisible", "--pid", str(self.process.pid))
        self.window = int(ids.split()[0]) if ids.split() else 0
        return bool(self.window)

    def info(self) -> dict[str, str]:
        text = self.x.run("xwininfo", "-id", str(self.window))
        return dict(re.findall(r"^\s*([A-Za-z -]+):\s+(\S+)", text, re.M))

    def covers_screen(self) -> bool:
        info = self.info()
        return (
            info.get("Map State") == "IsViewable"
            and (int(info.get("Width", 0)), int(info.get("Height", 0))) == self.x.size
            and (info.get("Absolute upper-left X"), info.get("Absolute upper-left Y")) == ("0", "0")
        )

    def full_screen_hint(self) -> bool:
        return "_NET_WM_STATE_FULLSCREEN" in self.x.run(
            "xprop", "-id", str(self.window), "_NET_WM_STATE"
        )

    def restored(self) -> bool:
        return self.covers_screen() and (self.x.wm is None or self.full_screen_hint())

    def xdotool(self, *args: str) -> None:
        self.x.run("xdotool", *[a.replace("%w", str(self.window)) for a in args])

    def exit_code(self, seconds: float = 10) -> int:
        try:
            return self.process.wait(seconds)
        finally:
            self.stop()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stderr is not None and not self.process.stderr.closed:
            self.stderr += self.process.communicate()[1]


class _ClientMessage(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class _XEvent(ctypes.Union):
    _fields_ = [("xclient", _ClientMessage), ("pad", ctypes.c_long * 24)]


def leave_full_screen(display: str, window: int) -> None:
    """What a window manager's "un-fullscreen" does: an EWMH _NET_WM_STATE remove request."""
    x11 = ctypes.CDLL(ctypes.util.find_library("X11"))
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x11.XSendEvent.argtypes = [
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.c_int,
        ctypes.c_long,
        ctypes.POINTER(_XEvent),
    ]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    connection = x11.XOpenDisplay(display.encode())
    assert connection, f"cannot open {display}"
    try:
        event = _XEvent()
        event.xclient.type = 33  # ClientMessage
        event.xclient.window = window
        event.xclient.message_type = x11.XInternAtom(connection, b"_NET_WM_STATE", 0)
        event.xclient.format = 32
        event.xclient.data[0] = 0  # _NET_WM_STATE_REMOVE
        event.xclient.data[1] = x11.XInternAtom(connection, b"_NET_WM_STATE_FULLSCREEN", 0)
        event.xclient.data[3] = 1  # source: a normal application
        mask = (1 << 19) | (1 << 20)  # SubstructureNotify | SubstructureRedirect
        x11.XSendEvent(connection, x11.XDefaultRootWindow(connection), 0, mask, ctypes.byref(event))
    finally:
        x11.XCloseDisplay(connection)
