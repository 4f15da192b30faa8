"""Reusable widgets: the status banner, answer rows, rich-text helpers."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QWidget,
)

from gui.present import Section
from gui.style import TONES


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


class _ClickableWords(QLabel):
    """The words of a choice: a tap on them is a tap on the choice, as on a web form."""

    def __init__(self, button: QAbstractButton) -> None:
        super().__init__()
        self.button = button
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setBuddy(button)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # Qt override
        if self.rect().contains(event.position().toPoint()) and self.button.isEnabled():
            self.button.click()


class WrappedChoice(QWidget):
    """A radio button or check box whose words wrap (Qt's own never do, and get cut off
    on a narrow portrait screen or in large text)."""

    def __init__(self, button: QAbstractButton) -> None:
        super().__init__()
        self.button = button
        self.words = _ClickableWords(button)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.words, 1)

    def set_text(self, text: str) -> None:
        self.words.setText(text)
        self.button.setAccessibleName(text)


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
        # a label and its value never touch ("什么时候可以去办现在就可以"), even unstyled
        self.grid.setHorizontalSpacing(24)
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
