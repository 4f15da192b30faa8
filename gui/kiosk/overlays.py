"""Full-window panels the kiosk shows on top of the wizard instead of dialogs."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from gui import style
from gui.widgets import label

PANEL_PX = 560  # the least width of an overlay's card
TRAPPED = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.Shortcut,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.InputMethod,
        QEvent.Type.FocusIn,
    }
)


class KeyboardTrap(QObject):
    """While an overlay is up, the keyboard belongs to it: focus stays inside, Tab cycles
    inside, and no shortcut (the wizard's Alt+N, Alt+B …) reaches the widgets behind."""

    def __init__(self, overlay: Overlay) -> None:
        super().__init__(overlay)
        self.overlay = overlay

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        # the event type first: other events reach widgets in the middle of being destroyed,
        # where touching them from Python would crash
        kind = event.type()
        if kind not in TRAPPED or not isinstance(watched, QWidget) or not isValid(watched):
            return False
        if watched.window() is not self.overlay.window():
            return False
        inside = watched is self.overlay or self.overlay.isAncestorOf(watched)
        if (
            kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            self.overlay.cycle_focus(
                backwards=event.key() == Qt.Key.Key_Backtab
                or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            )
            return True
        if inside:
            return False
        if kind in (
            QEvent.Type.Shortcut,
            QEvent.Type.ShortcutOverride,
            QEvent.Type.KeyPress,
            QEvent.Type.KeyRelease,
            QEvent.Type.InputMethod,
        ):
            self.overlay.take_focus()
            return True
        if kind == QEvent.Type.FocusIn:  # focus must not settle behind the overlay
            QTimer.singleShot(0, self.overlay.take_focus)
        return False


class Overlay(QFrame):
    """Covers its parent (following its size) with a centred panel; hidden until shown.

    Modal to input: it takes the keyboard while shown and gives focus back when hidden.
    """

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        # opaque, not dimmed: the last person's dates must not stay readable behind it
        colours = style.COUNTDOWN
        self.setStyleSheet(
            f"QFrame#{name} {{ background: {colours['screen']}; }}"
            f" QFrame#panel {{ background: {colours['card']}; border-radius: 12px; }}"
            " QLabel#countdown_number { font-size: 120px; font-weight: 700;"
            f" color: {colours['number']}; }}"
        )
        self.panel = QFrame()
        self.panel.setObjectName("panel")
        self.panel.setMinimumWidth(PANEL_PX)
        self.content = QVBoxLayout(self.panel)
        self.content.setContentsMargins(32, 32, 32, 32)
        self.content.setSpacing(16)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.panel, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addStretch(1)
        parent.installEventFilter(self)
        self.host = parent  # the window it covers
        self.trap = KeyboardTrap(self)
        self._focus_before: QWidget | None = None
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self.host and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.host.rect())
        return False

    def present(self) -> None:
        self.setGeometry(self.host.rect())
        self.raise_()
        if not self.isVisible():
            focus = QApplication.focusWidget()
            self._focus_before = (
                focus if focus is not None and not self.isAncestorOf(focus) else None
            )
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self.trap)
        self.show()
        self.take_focus()

    def focus_chain(self) -> list[QWidget]:
        return [
            w
            for w in self.findChildren(QWidget)
            if w.isVisibleTo(self) and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]

    def focus_target(self) -> QWidget | None:
        """Where focus goes when the overlay opens (the first control by default)."""
        chain = self.focus_chain()
        return chain[0] if chain else None

    def take_focus(self) -> None:
        if not self.isVisible():
            return
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            target = self.focus_target()
            (target or self).setFocus(Qt.FocusReason.PopupFocusReason)

    def cycle_focus(self, backwards: bool) -> None:
        chain = self.focus_chain()
        if not chain:
            return
        focus = QApplication.focusWidget()
        index = chain.index(focus) if focus in chain else -1
        step = -1 if backwards else 1
        chain[(index + step) % len(chain)].setFocus(
            Qt.FocusReason.BacktabFocusReason if backwards else Qt.FocusReason.TabFocusReason
        )

    def hideEvent(self, event: QHideEvent) -> None:  # Qt override
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.trap)
        before, self._focus_before = self._focus_before, None
        if before is not None and isValid(before) and before.isVisible():
            before.setFocus(Qt.FocusReason.OtherFocusReason)
        super().hideEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        event.accept()  # a key the overlay's controls did not use stops here, not behind

    def mousePressEvent(self, event: QMouseEvent) -> None:  # Qt override
        event.accept()  # a tap on the dimmed area does nothing

    def wheelEvent(self, event: QWheelEvent) -> None:  # Qt override
        event.accept()


def big_button(text: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setMinimumHeight(64)
    return button


class CountdownOverlay(Overlay):
    """ "还在吗？" with seconds left and a big Continue button."""

    expired = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "countdown")
        self.question = label(role="title")
        self.number = label()  # the seconds left, big enough to read from a step away
        self.number.setObjectName("countdown_number")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = label()
        self.keep = big_button()
        self.keep.setObjectName("keep_going")
        self.keep.clicked.connect(self.cancel)
        for widget in (self.question, self.number, self.detail, self.keep):
            self.content.addWidget(widget)
        # as wide as its widest words ("30 秒后…" and "9 秒后…"): the card stays put while
        # the digits change
        self.panel.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self.left = 0

    def retranslate(self) -> None:
        self.question.setText(self.tr("还在吗？"))
        self.keep.setText(self.tr("继续"))
        self.keep.setAccessibleName(self.keep.text())
        self._show_left()

    def _show_left(self) -> None:
        self.number.setText(str(self.left))
        self.detail.setText(self.tr("{n} 秒后将清除本次填写的内容，回到首页。").format(n=self.left))
        self.number.setAccessibleName(self.detail.text())

    def start(self, seconds: int) -> None:
        self.left = seconds
        self.retranslate()
        self._fix_width(seconds)
        self.present()
        self.ticker.start()

    def _fix_width(self, seconds: int) -> None:
        """The panel's width for the longest text it will show in this countdown."""
        longest = self.tr("{n} 秒后将清除本次填写的内容，回到首页。").format(
            n="8" * len(str(seconds))
        )
        margins = self.content.contentsMargins()
        words = max(
            self.detail.fontMetrics().horizontalAdvance(longest),
            self.question.fontMetrics().horizontalAdvance(self.question.text()),
        )
        side = self.host.width() - 64  # a narrow screen wraps the words instead
        self.panel.setFixedWidth(max(PANEL_PX, min(side, words + margins.left() + margins.right())))

    def cancel(self) -> None:
        self.ticker.stop()
        self.hide()

    def _tick(self) -> None:
        self.left -= 1
        self._show_left()
        if self.left <= 0:
            self.cancel()
            self.expired.emit()


class PinOverlay(Overlay):
    """An on-screen keypad for the administrator's PIN."""

    entered = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "pin")
        self.prompt = label(role="title")
        self.message = label(role="error")
        self.field = QLineEdit()
        self.field.setObjectName("pin_field")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.field.setInputMethodHints(
            Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
        )
        keypad = QGridLayout()
        for index, key in enumerate("123456789"):
            keypad.addWidget(self._key(key), index // 3, index % 3)
        keypad.addWidget(self._key("0"), 3, 1)
        self.backspace = big_button("⌫")  # one wrong digit must not mean starting over
        self.backspace.setObjectName("pin_backspace")
        self.backspace.clicked.connect(lambda: self.field.setText(self.field.text()[:-1]))
        keypad.addWidget(self.backspace, 3, 2)
        self.ok, self.cancel_button = big_button(), big_button()
        self.ok.setObjectName("pin_ok")
        self.ok.clicked.connect(lambda: self.entered.emit(self.field.text()))
        self.cancel_button.clicked.connect(self.dismiss)
        row = QHBoxLayout()
        row.addWidget(self.cancel_button)
        row.addWidget(self.ok)
        for widget in (self.prompt, self.field, self.message):
            self.content.addWidget(widget)
        self.content.addLayout(keypad)
        self.content.addLayout(row)

    def _key(self, digit: str) -> QPushButton:
        button = big_button(digit)
        button.setObjectName(f"pin_key_{digit}")
        button.clicked.connect(lambda: self.field.setText(self.field.text() + digit))
        return button

    def retranslate(self) -> None:
        self.prompt.setText(self.tr("管理员 PIN"))
        self.field.setAccessibleName(self.tr("管理员 PIN"))
        self.ok.setText(self.tr("确定"))
        self.cancel_button.setText(self.tr("取消"))
        self.backspace.setAccessibleName(self.tr("删除一位"))

    def ask(self) -> None:
        self.field.setText("")
        self.message.setText("")
        self.retranslate()
        self.present()

    def refuse(self, minutes: int = 0) -> None:
        """A wrong PIN; `minutes` > 0 while the pad is shut after too many of them."""
        self.field.setText("")
        self.message.setText(
            self.tr("试错次数太多，请 {n} 分钟后再试。").format(n=minutes)
            if minutes
            else self.tr("PIN 不对。")
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        # Enter submits the PIN; it must not reach the wizard's Next button behind
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.ok.click()
            event.accept()
            return
        super().keyPressEvent(event)

    def dismiss(self) -> None:
        self.field.setText("")
        self.hide()


class AdminOverlay(Overlay):
    """What the administrator sees: configuration problems, leave, or go back."""

    leave = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "admin")
        self.heading = label(role="title")
        self.problems = label()
        self.problems.setObjectName("config_problems")
        self.quit, self.back = big_button(), big_button()
        self.quit.setObjectName("admin_quit")
        self.quit.clicked.connect(self.leave)
        self.back.clicked.connect(self.hide)
        for widget in (self.heading, self.problems, self.quit, self.back):
            self.content.addWidget(widget)

    def focus_target(self) -> QWidget | None:
        return self.back  # Enter on an admin screen someone walked up to must not quit

    def open(self, problems: list[str]) -> None:
        self.heading.setText(self.tr("管理"))
        notice = self.tr("配置有误，已使用默认值：") if problems else self.tr("配置正常。")
        self.problems.setText("\n".join([notice, *problems]))
        self.quit.setText(self.tr("退出自助模式"))
        self.back.setText(self.tr("返回"))
        self.present()


class ErrorOverlay(Overlay):
    """The neutral page after an unexpected error; the session is already reset."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "error")
        self.words = label(role="title")
        self.restart = big_button()
        self.restart.setObjectName("error_restart")
        self.restart.clicked.connect(self.hide)
        self.content.addWidget(self.words)
        self.content.addWidget(self.restart)

    def open(self) -> None:
        self.words.setText(self.tr("出了点问题，请重新开始"))
        self.restart.setText(self.tr("重新开始"))
        self.present()
