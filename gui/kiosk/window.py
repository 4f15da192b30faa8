"""The wizard locked down for a service counter: full screen, no way out, idle reset."""

from __future__ import annotations

import time
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QCloseEvent, QGuiApplication, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QLineEdit, QWidget, QWizard

from gui.domain.dates import china_today
from gui.flow import Draft, Session
from gui.kiosk.config import KioskConfig, check_pin
from gui.kiosk.idle import InactivityWatch
from gui.kiosk.overlays import AdminOverlay, CountdownOverlay, ErrorOverlay, PinOverlay
from gui.wizard import GuideWizard

PIN_TRIES = 5
PIN_LOCK_S = 60.0
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


class KioskWizard(GuideWizard):
    def __init__(self, session: Session, config: KioskConfig, problems: list[str],
                 as_of: date | None = None) -> None:
        super().__init__(session, config.language, config.large_text, touch=True)
        self.kiosk = config
        self.problems = problems
        self.as_of = as_of
        self._may_close = False
        self._failures = 0
        self._locked_until = 0.0
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
        for edit in self.findChildren(QLineEdit):  # no copy, paste or "select all" menus
            edit.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
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
        now = time.monotonic()
        if now < self._locked_until:
            self.pin.refuse(locked=True)
            return
        if self.kiosk is not None and check_pin(pin, self.kiosk.pin_hash):
            self._failures = 0
            self.pin.dismiss()
            self.admin.open(self.problems)
            return
        self._failures += 1
        if self._failures >= PIN_TRIES:  # slow guessing down: a 4-digit PIN is short
            self._failures = 0
            self._locked_until = now + PIN_LOCK_S
        self.pin.refuse(locked=now < self._locked_until)

    def leave(self) -> None:
        self._may_close = True
        self.watch.stop()
        self.close()

    # --- idle reset -----------------------------------------------------------------
    def _pristine(self) -> bool:
        """Nothing to wipe: no answers, site language and text size, welcome page."""
        assert self.kiosk is not None
        return (self.currentId() <= 0 and vars(self.session.draft) == vars(Draft())
                and self.locale == self.kiosk.language
                and self.large_text == self.kiosk.large_text)

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
        """End the session: every answer, the clipboard and the site defaults back."""
        assert self.kiosk is not None
        for overlay in (self.countdown, self.pin, self.admin):
            overlay.hide()
        super().start_again()
        clipboard = QGuiApplication.clipboard()
        clipboard.clear(QClipboard.Mode.Clipboard)
        if clipboard.supportsSelection():
            clipboard.clear(QClipboard.Mode.Selection)
        self.set_locale(self.kiosk.language)
        self.set_large_text(self.kiosk.large_text)
        self.pages[self.current_page()].render()
        self.watch.timer.start()

    def recover(self) -> None:
        """After an unexpected error: reset, then say so in neutral words."""
        self.start_again()
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
