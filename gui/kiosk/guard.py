"""The window is the session: it stays shown, full screen and mapped, or the process ends.

A kiosk window that is minimised, hidden, un-fullscreened or unmapped (by a window manager's
shortcut or another X client) comes back within a second. A window destroyed behind Qt's
back (`xdotool windowclose`) cannot come back: the process exits non-zero, so the supervisor
(systemd `Restart=always`, Windows Shell Launcher) starts a fresh kiosk instead of leaving
a process with no window, which a supervisor never notices.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import (
    QAbstractNativeEventFilter,
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

EXIT_WINDOW_LOST = 70  # EX_SOFTWARE: not 0, so Restart=on-failure restarts too
CHECK_MS = 250  # four checks a second: "restores itself within a second"
XCB_DESTROY_NOTIFY = 17


class _DestroyWatch(QAbstractNativeEventFilter):
    """Sees the X server's DestroyNotify for our window (Qt itself ignores it)."""

    def __init__(self, window_id: int, lost: QTimer) -> None:
        super().__init__()
        self.window_id = window_id
        self.lost = lost

    def nativeEventFilter(
        self, event_type: QByteArray | bytes | bytearray | memoryview, message: object
    ) -> object:
        address = int(message)  # type: ignore[call-overload]  # a shiboken VoidPtr
        kind_name = bytes(event_type.data() if isinstance(event_type, QByteArray) else event_type)
        if kind_name == b"xcb_generic_event_t" and address:
            kind = ctypes.c_uint8.from_address(address).value & 0x7F
            # xcb_destroy_notify_event_t: type, pad, sequence, event (u32), window (u32)
            if (
                kind == XCB_DESTROY_NOTIFY
                and ctypes.c_uint32.from_address(address + 8).value == self.window_id
            ):
                self.lost.start()
        return False, 0


class WindowGuard(QObject):
    """Shows `window` full screen over its whole screen and keeps it that way."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.restored = 0  # how often the window had to be brought back (for the tests)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.soon = QTimer(self)  # a state change is answered at once, not at the next tick
        self.soon.setSingleShot(True)
        self.soon.setInterval(0)
        self.soon.timeout.connect(self.check)
        self.lost = QTimer(self)
        self.lost.setSingleShot(True)
        self.lost.setInterval(0)
        self.lost.timeout.connect(self._window_lost)
        self.destroy_watch: _DestroyWatch | None = None
        window.installEventFilter(self)

    def show(self) -> None:
        self._place()
        self.window.showFullScreen()
        app = QCoreApplication.instance()
        if app is not None and QGuiApplication.platformName() == "xcb":
            self.destroy_watch = _DestroyWatch(int(self.window.winId()), self.lost)
            app.installNativeEventFilter(self.destroy_watch)
        self.timer.start()

    def _place(self) -> None:
        # without a window manager showFullScreen() is only a hint: cover the screen ourselves
        screen = self.window.screen()
        if screen is not None and self.window.geometry() != screen.geometry():
            self.window.setGeometry(screen.geometry())

    def needs_restoring(self) -> bool:
        w = self.window
        handle = w.windowHandle()
        screen = w.screen()
        return (
            not w.isVisible()
            or w.isMinimized()
            or not w.windowState() & Qt.WindowState.WindowFullScreen
            or (handle is not None and not handle.isExposed())
            or (screen is not None and w.geometry() != screen.geometry())
        )

    def check(self) -> None:
        if not self.timer.isActive() or not self.needs_restoring():
            return
        self.restored += 1
        w = self.window
        handle = w.windowHandle()
        if w.isVisible() and handle is not None and not handle.isExposed():
            w.hide()  # unmapped by another client: Qt still thinks it is shown; map it anew
        w.show()
        # re-assert full screen even when Qt believes it already is: a window manager drops
        # _NET_WM_STATE_FULLSCREEN from a window it unmapped or moved to another desktop
        w.setWindowState(Qt.WindowState.WindowNoState)
        w.setWindowState(Qt.WindowState.WindowFullScreen)
        self._place()
        w.raise_()
        w.activateWindow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self.window and event.type() in (
            QEvent.Type.Hide,
            QEvent.Type.WindowStateChange,
            QEvent.Type.Move,
            QEvent.Type.Resize,
            QEvent.Type.Expose,
        ):
            self.soon.start()
        return False

    def stop(self) -> None:
        """The administrator leaves: nothing brings the window back any more."""
        self.timer.stop()
        self.soon.stop()
        app = QCoreApplication.instance()
        if app is not None and self.destroy_watch is not None:
            app.removeNativeEventFilter(self.destroy_watch)
            self.destroy_watch = None

    def _window_lost(self) -> None:
        if not self.timer.isActive():
            return
        self.stop()
        print(
            "idguide kiosk: the window was destroyed; exiting so that the service "
            "starts a fresh kiosk",
            file=sys.stderr,
            flush=True,
        )
        QCoreApplication.exit(EXIT_WINDOW_LOST)
