"""Reusable widgets: a no-typing date picker, the status banner, rich-text helpers."""

from __future__ import annotations

import calendar
import html
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
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


def sections_html(sections: list[Section], tick_boxes: bool = False) -> str:
    """Headings and bullet (or tick-box) lists; every string is escaped."""
    bullet = "□ " if tick_boxes else ""  # U+25A1: in the bundled font
    parts = []
    for section in sections:
        parts.append(f"<h3>{html.escape(section.heading)}</h3>")
        items = "".join(f"<li>{bullet}{html.escape(item)}</li>" for item in section.items if item)
        style = ' style="list-style-type: none; margin-left: 0"' if tick_boxes else ""
        parts.append(f"<ul{style}>{items}</ul>")
    return "".join(parts)


class RowTable(QWidget):
    """Label / value rows (and an optional action button per row), reused between renders.

    Rows are created once and then only re-texted, shown or hidden: creating and deleting
    widgets on every page visit would churn Qt wrappers for every visitor at a kiosk.
    """

    def __init__(self, action: Callable[[str], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(1, 1)
        self.action = action
        self.rows: list[tuple[QLabel, QLabel, QPushButton | None]] = []

    def _add_row(self) -> None:
        row = len(self.rows)
        name, value = label(role="hint"), label(role="heading")
        self.grid.addWidget(name, row, 0)
        self.grid.addWidget(value, row, 1)
        button = None
        if self.action is not None:
            button = QPushButton()
            button.setProperty("role", "link")
            button.clicked.connect(self._clicked)
            self.grid.addWidget(button, row, 2)
        self.rows.append((name, value, button))

    def _clicked(self) -> None:
        assert self.action is not None
        self.action(str(self.sender().property("key")))

    def set_rows(self, rows: Sequence[tuple[str, str]], keys: Sequence[str] = (),
                 action_text: str = "", action_name: str = "") -> None:
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


class DateField(QWidget):
    """Year / month / day drop-downs: big targets, no typing, no invalid days."""

    changed = Signal()

    def __init__(self, first_year: int, last_year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year, self.month, self.day = QComboBox(), QComboBox(), QComboBox()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        for combo, part in ((self.year, "year"), (self.month, "month"), (self.day, "day")):
            combo.setObjectName(part)  # style.py sizes each part in em
            layout.addWidget(combo)
        layout.addStretch(1)
        self._years = list(range(last_year, first_year - 1, -1))  # recent years first
        self.retranslate("", "年", "月", "日")
        self.year.currentIndexChanged.connect(self._refill_days)
        self.month.currentIndexChanged.connect(self._refill_days)
        for combo in (self.year, self.month, self.day):
            combo.currentIndexChanged.connect(self.changed)

    def set_year_range(self, first_year: int, last_year: int) -> None:
        """New year choices (a kiosk runs past New Year); keeps the date if still offered."""
        self._years = list(range(last_year, first_year - 1, -1))
        self.retranslate(*self._labels)

    def retranslate(self, name: str, year: str, month: str, day: str) -> None:
        """Placeholders and accessible names in the current language; keeps the date."""
        self._labels = (name, year, month, day)
        kept = self.date()
        self.blockSignals(True)
        for combo, placeholder, values in (
            (self.year, year, self._years), (self.month, month, range(1, 13)),
        ):
            index = combo.currentIndex()
            combo.clear()
            combo.addItem(placeholder, None)
            for value in values:
                combo.addItem(str(value), value)
            combo.setCurrentIndex(max(index, 0))
        self._day_placeholder = day
        self._refill_days()
        for combo, part in ((self.year, year), (self.month, month), (self.day, day)):
            combo.setAccessibleName(f"{name} {part}".strip())
        self.blockSignals(False)
        self.set_date(kept)

    def _refill_days(self) -> None:
        year, month = self.year.currentData(), self.month.currentData()
        count = calendar.monthrange(year or 2000, month)[1] if month else 31
        chosen = self.day.currentData()
        self.day.blockSignals(True)
        self.day.clear()
        self.day.addItem(self._day_placeholder, None)
        for value in range(1, count + 1):
            self.day.addItem(str(value), value)
        self.day.setCurrentIndex(min(chosen, count) if chosen else 0)
        self.day.blockSignals(False)

    def date(self) -> date | None:
        parts = (self.year.currentData(), self.month.currentData(), self.day.currentData())
        return date(*parts) if all(parts) else None

    def set_date(self, value: date | None) -> None:
        if value is not None and value == self.date():
            return  # (None must still clear a half-picked date)
        if value is None:
            for combo in (self.year, self.month, self.day):
                combo.setCurrentIndex(0)
            return
        self.year.setCurrentIndex(max(self.year.findData(value.year), 0))
        self.month.setCurrentIndex(value.month)
        self.day.setCurrentIndex(value.day)


class StatusBanner(QFrame):
    """Icon + words + colour: the status reads the same without colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = label(role="title")
        self.words = label(role="title")
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
