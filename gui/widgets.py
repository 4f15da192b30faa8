"""Reusable widgets: the status banner, answer rows, rich-text helpers."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QWidget,
)

from gui.present import Section
from gui.style import TONES


class _ArrowsSelect(QObject):
    """Arrow keys in a radio group move to the next choice and choose it, as in a browser
    (Qt's own arrows in a QButtonGroup only move the focus)."""

    def __init__(self, group: QButtonGroup) -> None:
        super().__init__(group)
        self.group = group

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        step = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Left: -1,
        }.get(Qt.Key(event.key()))
        buttons = [b for b in self.group.buttons() if b.isVisible() and b.isEnabled()]
        if step is None or watched not in buttons:
            return False
        target = buttons[(buttons.index(watched) + step) % len(buttons)]
        target.setFocus(Qt.FocusReason.TabFocusReason)
        target.click()  # as a tap: the page hears buttonClicked, the group toggles
        return True


def select_with_arrows(group: QButtonGroup) -> None:
    arrows = _ArrowsSelect(group)
    for button in group.buttons():
        button.installEventFilter(arrows)


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget a page built for the previous Assessment."""
    while (item := layout.takeAt(0)) is not None:
        if widget := item.widget():
            widget.deleteLater()


def label(text: str = "", role: str | None = None, rich: bool = False) -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    if role:
        widget.setProperty("role", role)
    return widget


def sections_html(sections: list[Section]) -> str:
    """Headings and bullet lists, at 1.3 line spacing; every string is escaped.

    On screen no □ boxes: they would look like something to tap (the PDF keeps them).
    """
    parts = []
    for section in sections:
        parts.append(f"<h3>{html.escape(section.heading)}</h3>")
        items = "".join(f"<li>{html.escape(item)}</li>" for item in section.items if item)
        parts.append(f'<ul style="line-height: 130%">{items}</ul>')
    return "".join(parts)


# the mixin is only ever a button's: mypy checks it as one
if TYPE_CHECKING:
    _Button = QAbstractButton
else:
    _Button = object


class _Wrapping(_Button):
    """A radio button or check box whose words wrap (Qt's own never do, and get cut off on
    a narrow portrait screen or in large text). The words are the button's own, drawn by
    it: a tap anywhere on them is a tap on the choice, and a screen reader finds one
    control with one name, not a control followed by a label saying the same again."""

    words = ""
    indicator: QStyle.PixelMetric
    spacing: QStyle.PixelMetric

    def set_text(self, text: str) -> None:
        self.words = text
        self.setAccessibleName(text)
        self.updateGeometry()
        self.update()

    def _indent(self) -> int:
        style = self.style()
        return style.pixelMetric(self.indicator, None, self) + style.pixelMetric(
            self.spacing, None, self
        )

    def _text_rect(self, width: int) -> QRect:
        bounds = QRect(0, 0, max(1, width - self._indent()), 100_000)
        flags = Qt.TextFlag.TextWordWrap
        return self.fontMetrics().boundingRect(bounds, flags, self.words)

    def hasHeightForWidth(self) -> bool:  # Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # Qt override
        return max(super().sizeHint().height(), self._text_rect(width).height() + 8)

    def sizeHint(self) -> QSize:  # Qt override
        one_line = self.fontMetrics().horizontalAdvance(self.words)
        width = min(one_line, 40 * self.fontMetrics().horizontalAdvance("一"))
        return QSize(self._indent() + width, self.heightForWidth(self._indent() + width))

    def minimumSizeHint(self) -> QSize:  # Qt override
        return QSize(self._indent() + self.fontMetrics().horizontalAdvance("一一一一"), 0)

    def hitButton(self, pos: QPoint) -> bool:  # Qt override: the words are the target
        return self.rect().contains(pos)

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        super().paintEvent(event)  # the indicator (the button's own text is empty)
        painter = QPainter(self)
        text = QRect(self._indent(), 0, self.width() - self._indent(), self.height())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(
            text, int(Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap), self.words
        )
        if self.hasFocus():  # the keyboard's place, drawn round the words
            pen = painter.pen()
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(text.adjusted(0, 1, -1, -2))
        painter.end()


def _wraps(button: QAbstractButton) -> None:
    # narrower than its one line when the page is: the words wrap and it grows taller
    policy = QSizePolicy.Policy.Preferred
    button.setSizePolicy(QSizePolicy(policy, policy, QSizePolicy.ControlType.RadioButton))


class WrappingRadio(_Wrapping, QRadioButton):
    indicator = QStyle.PixelMetric.PM_ExclusiveIndicatorWidth
    spacing = QStyle.PixelMetric.PM_RadioButtonLabelSpacing

    def __init__(self) -> None:
        super().__init__()
        _wraps(self)


class WrappingCheck(_Wrapping, QCheckBox):
    indicator = QStyle.PixelMetric.PM_IndicatorWidth
    spacing = QStyle.PixelMetric.PM_CheckBoxLabelSpacing

    def __init__(self) -> None:
        super().__init__()
        _wraps(self)


class RowTable(QWidget):
    """Label / value rows (and an optional action button per row), reused between renders.

    Rows are created once and then only re-texted, shown or hidden: creating and deleting
    widgets on every page visit would churn Qt wrappers for every visitor at a kiosk.
    """

    def __init__(
        self, action: Callable[[str], None] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(3, 1)  # 修改 right beside its answer, not at the far edge
        self.action = action
        self.rows: list[tuple[QLabel, QLabel, QPushButton | None]] = []

    def _add_row(self) -> None:
        row = len(self.rows)
        name, value = label(role="hint"), label(role="heading")
        self.grid.addWidget(name, row, 0)
        self.grid.addWidget(value, row, 1)
        button = None
        if self.action is not None:
            button = QPushButton()  # a real button: a finger finds it, a reader names it
            button.clicked.connect(self._clicked)
            self.grid.addWidget(button, row, 2)
        self.rows.append((name, value, button))

    def _clicked(self) -> None:
        assert self.action is not None
        self.action(str(self.sender().property("key")))

    def set_rows(
        self,
        rows: Sequence[tuple[str, str]],
        keys: Sequence[str] = (),
        action_text: str = "",
        action_name: str = "",
    ) -> None:
        """Show these rows; with an action, `keys` name each row's button target."""
        # a label and its value must not read as one ("什么时候可以去办现在就可以"): a gap of
        # one and a half characters of the text as styled now
        self.ensurePolished()
        self.grid.setHorizontalSpacing(round(self.fontMetrics().horizontalAdvance("一") * 1.5))
        while len(self.rows) < len(rows):
            self._add_row()
        for index, (name, value, button) in enumerate(self.rows):
            shown = index < len(rows)
            for widget in (name, value, button):
                if widget is not None:
                    widget.setVisible(shown)
            if not shown:
                name.setText("")
                value.setText("")
                continue
            name.setText(rows[index][0])
            value.setText(rows[index][1])
            if button is not None:
                button.setText(action_text)
                button.setObjectName(f"change_{keys[index]}")
                button.setProperty("key", keys[index])
                button.setAccessibleName(action_name.format(answer=rows[index][0]))


class StatusBanner(QFrame):
    """Icon + words + colour: the status reads the same without colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = label(role="verdict")
        self.words = label(role="verdict")
        layout = QHBoxLayout(self)
        layout.addWidget(self.icon)
        layout.addWidget(self.words, 1)

    def clear(self) -> None:
        self.setStyleSheet("")
        self.icon.setText("")
        self.words.setText("")
        self.setAccessibleName("")

    def show_status(self, tone: str, icon: str, words: str) -> None:
        text, background = TONES[tone]
        self.setStyleSheet(
            f"StatusBanner {{ background: {background}; border: 3px solid {text};"
            f" border-radius: 8px; }} QLabel {{ color: {text}; }}"
        )
        self.icon.setText(icon)
        self.words.setText(words)
        self.setAccessibleName(words)
