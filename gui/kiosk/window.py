"""The wizard locked down for a service counter: full screen, no way out, idle reset."""

from __future__ import annotations

import math
import os
import sys
import time
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import (
    QClipboard,
    QCloseEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QLineEdit, QWidget, QWizard

from gui.domain.dates import china_today
from gui.flow import Draft, Session
from gui.kiosk.card_reader_panel import attach
from gui.kiosk.config import KioskConfig, check_pin
from gui.kiosk.guard import WindowGuard
from gui.kiosk.idle import InactivityWatch
from gui.kiosk.lockout import PinLockout
from gui.kiosk.overlays import AdminOverlay, CountdownOverlay, ErrorOverlay, PinOverlay
from gui.wizard import GuideWizard

TAPS = 5
TAP_WINDOW_S = 3.0
CORNER_PX = 64  # inside the step list's heading: covers no button


class AdminCorner(QWidget):
    """An invisible top-left square: five taps within three seconds ask for the PIN."""

    def __init__(self, parent: KioskWizard) -> None:
        super().__init__(parent)
        self.setObjectName("admin_corner")
        self.setGeometry(0, 0, CORNER_PX, CORNER_PX)
        self.taps: list[float] = []
        self.kiosk = parent

    def mousePressEvent(self, event: QMouseEvent) -> None:  # Qt override
        now = time.monotonic()
        self.taps = [t for t in self.taps if now - t <= TAP_WINDOW_S] + [now]
        if len(self.taps) >= TAPS:
            self.taps = []
            self.kiosk.admin_gesture()
        event.accept()


class NoUndo(QObject):
    """Undo and redo keys do nothing in the kiosk's fields: what one person deleted is not
    there for the next one to bring back (QLineEdit cannot switch its undo stack off)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if (
            event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        ):
            event.accept()
            return True
        return False


class NoContextMenus(QObject):
    """No context menu anywhere while the kiosk runs: not the fields' copy/paste menu, not a
    scroll bar's "Scroll here" menu (also in a drop-down's own pop-up window), not one a
    later page adds. In kiosk mode the kiosk is the whole application."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        return event.type() == QEvent.Type.ContextMenu


class KioskWizard(GuideWizard):
    def __init__(
        self,
        session: Session,
        config: KioskConfig,
        problems: list[str],
        as_of: date | None = None,
        lockout: PinLockout | None = None,
    ) -> None:
        super().__init__(session, config.language, config.large_text, touch=True)
        self.kiosk = config
        self.problems = problems
        self.as_of = as_of
        self._may_close = False
        self.guard: WindowGuard | None = None  # set by run_kiosk: keeps the window up
        self.lockout = lockout or PinLockout()
        self.one_visitor = False  # run_kiosk under a service manager: a process per visitor
        self.handover: tuple[int, int] | None = None  # the supervisor's channel (visitors.py)
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        self.countdown = CountdownOverlay(self)
        self.countdown.expired.connect(self.start_again)
        self.pin = PinOverlay(self)
        self.pin.entered.connect(self._check_pin)
        self.admin = AdminOverlay(self)
        self.admin.leave.connect(self.leave)
        self.error = ErrorOverlay(self)
        self.corner = AdminCorner(self)
        self.watch = InactivityWatch(config.idle_seconds * 1000, self)
        self.watch.idle.connect(self._idle)
        self.watch.input.connect(self._input)
        self.no_menus = NoContextMenus(self)  # removed again by leave()
        app = QGuiApplication.instance()
        if app is not None:
            app.installEventFilter(self.no_menus)
        self.no_undo = NoUndo(self)
        self.build_pages()  # now, not after the first paint: their line edits need guarding
        self.card_reader = None if config.card_reader is None else attach(self, config.card_reader)
        for edit in self.findChildren(QLineEdit):  # no copy, paste or "select all" menus
            edit.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            edit.installEventFilter(self.no_undo)
        self.retranslate()

    # --- no way out -----------------------------------------------------------------
    def reject(self) -> None:  # Escape and the window's close button end up here
        pass

    def accept(self) -> None:  # "完成 / 下一位": the next person starts clean
        self.start_again()

    def closeEvent(self, event: QCloseEvent) -> None:  # Alt+F4 and the window manager
        if self._may_close:
            event.accept()
        else:
            event.ignore()

    def admin_gesture(self) -> None:
        if self.kiosk is not None and self.kiosk.pin_hash:  # no PIN: no way out from the UI
            self.pin.ask()

    def _check_pin(self, pin: str) -> None:
        if self.lockout.remaining() > 0:  # no PBKDF2 work, no answer, while the pad is shut
            self.pin.refuse(minutes=math.ceil(self.lockout.remaining() / 60))
            return
        if self.kiosk is not None and check_pin(pin, self.kiosk.pin_hash):
            self.lockout.succeeded()
            self.pin.dismiss()
            self.admin.open(self.problems)
            return
        self.lockout.failed()  # a round of wrong PINs shuts the pad, longer each round
        if self.lockout.save_error:
            print(
                f"idguide kiosk: PIN lockout kept in memory only: {self.lockout.save_error}",
                file=sys.stderr,
            )
        self.pin.refuse(minutes=math.ceil(self.lockout.remaining() / 60))

    def leave(self) -> None:
        self._may_close = True
        self.watch.stop()
        if self.card_reader is not None:
            self.card_reader.stop()  # the worker closes the port
        app = QGuiApplication.instance()
        if app is not None:
            app.removeEventFilter(self.no_menus)
        if self.guard is not None:
            self.guard.stop()
        self.close()

    # --- idle reset -----------------------------------------------------------------
    def _pristine(self) -> bool:
        """Nothing to wipe: no answers, site language and text size, welcome page."""
        assert self.kiosk is not None
        return (
            self.currentId() <= 0
            and vars(self.session.draft) == vars(Draft())
            and self.language == self.kiosk.language
            and self.large_text == self.kiosk.large_text
        )

    def _idle(self) -> None:
        assert self.kiosk is not None
        # neither an open PIN pad nor an admin screen someone walked away from may keep
        # the last person's answers, or the way out, on screen
        self.pin.dismiss()
        self.admin.hide()
        if self._pristine():
            return
        self.countdown.start(self.kiosk.countdown_seconds)

    def _input(self) -> None:
        if self.countdown.isVisible():
            self.countdown.cancel()

    def new_session_day(self) -> date | None:
        return self.as_of or china_today()

    def start_again(self) -> None:
        """End the session; with `one_visitor`, end the process too once a person used it."""
        served = not self._pristine()
        self._wipe()
        if served and self.one_visitor:
            self.next_visitor()

    def next_visitor(self) -> None:
        """End this process so that the next person gets a fresh one (visitors.py): nothing
        of this one survives in memory (the wipe alone leaves freed heap holding old
        bytes). The wiped welcome page stays on screen until the supervisor says the next
        kiosk's window covers it."""
        self.watch.stop()
        if self.guard is not None:
            self.guard.stop()  # the next kiosk's window is about to cover this one
        if self.handover is None:  # run_kiosk(one_visitor=True) with no supervisor: just end
            QCoreApplication.exit(0)
            return
        QCoreApplication.processEvents()  # the wiped welcome page painted meanwhile
        read, write = self.handover
        os.write(write, b"done\n")
        os.read(read, 16)  # "exit" once the next window covers the screen (or EOF)
        sys.stderr.flush()
        os._exit(0)

    def _wipe(self) -> None:
        """Every answer, the clipboard and the site defaults back, in this process."""
        assert self.kiosk is not None
        for overlay in (self.countdown, self.pin, self.admin):
            overlay.hide()
        super().start_again()
        if self.card_reader is not None:  # what was read goes, a card left on it waits
            self.card_reader.reset()
        clipboard = QGuiApplication.clipboard()
        clipboard.clear(QClipboard.Mode.Clipboard)
        if clipboard.supportsSelection():
            clipboard.clear(QClipboard.Mode.Selection)
        self.set_locale(self.kiosk.language)
        self.set_large_text(self.kiosk.large_text)
        self.pages[self.current_page()].show_session()
        self.watch.timer.start()

    def recover(self) -> None:
        """After an unexpected error: reset, then say so in neutral words (in this process:
        a fresh one could not say it; the next person's session ends with a fresh one)."""
        self._wipe()
        self.error.open()

    def retranslate(self) -> None:
        super().retranslate()
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成 / 下一位"))
        if hasattr(self, "countdown"):  # GuideWizard's constructor translates first
            for overlay in (self.countdown, self.pin):
                overlay.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        if hasattr(self, "corner"):  # GuideWizard's constructor resizes before it exists
            self.corner.raise_()
