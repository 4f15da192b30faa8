"""Start the kiosk: read the site's config, lock the window down, survive errors."""

from __future__ import annotations

import os
import sys
import traceback
from datetime import date
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

from gui import i18n
from gui.domain import load_rules
from gui.domain.dates import china_today
from gui.flow import Session
from gui.fonts import load_fonts
from gui.kiosk import visitors
from gui.kiosk.config import KioskConfig, read_config
from gui.kiosk.guard import WindowGuard
from gui.kiosk.hardening import disable_core_dumps
from gui.kiosk.lockout import PinLockout, default_state_path
from gui.kiosk.window import KioskWizard
from gui.kiosk.window_manager import window_manager_running

EXIT_WINDOW_MANAGER = 78  # EX_CONFIG: the session is set up wrongly, not the app
WINDOW_MANAGER_REFUSED = (
    "idguide kiosk: a window manager is running on this X display, and its shortcuts "
    "and menus lead away from the kiosk; it runs only without one (X with no window "
    'manager, or cage on Wayland): see docs/kiosk.md, "The supported session"'
)


def build_kiosk(
    app: QApplication,
    config: KioskConfig,
    problems: list[str],
    as_of: date | None = None,
    lockout_path: Path | None = None,
) -> KioskWizard:
    """The kiosk window; `lockout_path` None keeps the PIN lockout in memory (tests)."""
    app.setFont(QFont(load_fonts(), 12))
    i18n.install(app, config.language)
    rules = config.rules(load_rules())
    session = Session(as_of or china_today(), rules, config.locality)
    lockout = PinLockout.load(lockout_path)
    if lockout.problem:  # a tampered lockout state: the admin screen says why it was shut
        problems = [*problems, lockout.problem]
    return KioskWizard(session, config, problems, as_of, lockout)


def install_crash_handler(wizard: KioskWizard) -> None:
    """An exception in a slot resets the session instead of leaving it half-done."""

    def handle(
        kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        # type and place only: an exception's message may echo what someone typed
        frames = traceback.extract_tb(trace)
        where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
        print(
            f"idguide kiosk: unexpected {kind.__name__} at {where}; session reset", file=sys.stderr
        )
        wizard.recover()

    sys.excepthook = handle


class SayWhenPainted(QObject):
    """Tells the supervisor (visitors.py) that this kiosk's first page is on screen."""

    def __init__(self, parent: QObject, write_fd: int) -> None:
        super().__init__(parent)
        self.write_fd = write_fd

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: os.write(self.write_fd, b"shown\n"))
        return False


class ExitWhenPainted(QObject):
    """`--exit-after-show`: end once the first page is painted.

    QCoreApplication.exit, not quit(): Qt 6's quit() first asks every window to close,
    and the kiosk window refuses, so quit() would never end the kiosk.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: QCoreApplication.exit(0))
        return False


def report_at_start(config: KioskConfig, problems: list[str]) -> None:
    """Config problems on stderr too: the journal sees them even when nobody can log in."""
    for problem in problems:
        print(f"idguide kiosk: config: {problem}", file=sys.stderr)
    if config.pin_hash is None:
        print(
            "idguide kiosk: no usable kiosk/pin_hash: there is no way out from the screen "
            "(stop the service to leave; make a hash with `idguide kiosk-pin`)",
            file=sys.stderr,
        )
    sys.stderr.flush()


def run_kiosk(
    config_path: str | None,
    as_of: date | None,
    exit_after_show: bool = False,
    one_visitor: bool = False,
) -> int:
    """The kiosk until the administrator leaves; with `one_visitor`, until the first
    person's session ends (a child of the supervisor in visitors.py, which starts the
    next one)."""
    for failure in disable_core_dumps():  # before anyone has typed anything
        print(f"idguide kiosk: core dumps could not be turned off: {failure}", file=sys.stderr)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    if QGuiApplication.platformName() == "xcb" and window_manager_running():
        print(WINDOW_MANAGER_REFUSED, file=sys.stderr, flush=True)
        return EXIT_WINDOW_MANAGER
    config, problems = read_config(config_path)
    wizard = build_kiosk(app, config, problems, as_of, default_state_path())
    if not os.environ.pop(visitors.QUIET_ENV, ""):  # the first visitor's process says them
        report_at_start(config, wizard.problems)
    if not config.show_cursor:
        app.setOverrideCursor(Qt.CursorShape.BlankCursor)
    wizard.one_visitor = one_visitor
    wizard.handover = visitors.channel() if one_visitor else None
    if wizard.handover is not None:
        wizard.installEventFilter(SayWhenPainted(wizard, wizard.handover[1]))
    install_crash_handler(wizard)
    wizard.guard = WindowGuard(wizard)
    if exit_after_show:
        wizard.installEventFilter(ExitWhenPainted(wizard))
    wizard.guard.show()
    status = app.exec()
    if one_visitor:
        # the next person is waiting on a black screen: skip tearing down thousands of Qt
        # objects one by one (up to 0.4 s measured); the process's end frees everything
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    return status
