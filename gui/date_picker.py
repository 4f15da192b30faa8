"""Date entry for fingers and keyboards: no list longer than 31 rows, any date in 4 taps.

A date field shows its three parts as big buttons and a box to type `1965-08-23` or
`19650823`. Tapping a part opens a grid of big buttons below the field: decades, then
the ten years of the chosen decade, then 12 months, then the days of that month. Each
tap moves on to the next grid, so a whole date is decade, year, month, day: 4 taps.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gui.announce import announce
from gui.restyle import restyle
from gui.touch import TapDebounce

MODES = ("decade", "year", "month", "day")
_SEPARATED = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$")
_DIGITS = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_typed(text: str) -> date | None:
    """`1965-08-23`, `1965.8.23`, `1965/08/23`, `1965年8月23日` or `19650823`; else None."""
    text = text.strip().translate(str.maketrans("０１２３４５６７８９－．／", "0123456789-./"))
    match = _SEPARATED.match(text) or _DIGITS.match(text)
    if match is None:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


class ChoiceGrid(QWidget):
    """Big buttons in as many columns as fit: the same buttons are re-texted per grid."""

    chosen = Signal(int)

    def __init__(self, anchor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.anchor = anchor  # Tab goes from it into the grid, before whatever follows
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(8)
        self.buttons: list[QPushButton] = []
        self.values: list[int] = []
        self.max_columns = 7
        self._columns = 0
        # a double tap on a decade must not also pick the year that appears under it
        self.debounce = TapDebounce(self)

    def show_choices(
        self, choices: list[tuple[int, str, str]], max_columns: int, current: int | None
    ) -> None:
        """(value, text, accessible name) per button; the current value is marked."""
        while len(self.buttons) < len(choices):
            button = QPushButton(self)
            button.setProperty("role", "choice")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setProperty("index", len(self.buttons))
            button.clicked.connect(self._clicked)
            QWidget.setTabOrder(self.buttons[-1] if self.buttons else self.anchor, button)
            self.debounce.watch(button)
            self.buttons.append(button)
        self.debounce.moved_on()
        self.values = [value for value, _, _ in choices]
        for index, button in enumerate(self.buttons):
            shown = index < len(choices)
            button.setVisible(shown)
            button.setObjectName("")
            if shown:
                value, text, name = choices[index]
                button.setText(text)
                button.setAccessibleName(name)
                button.setObjectName(f"choice_{value}")
                restyle(button, "current", "true" if value == current else "false")
        self.max_columns = max_columns
        self._columns = 0
        self._relayout()
        # the button tapped keeps the focus while it is re-texted: its ring would make a
        # second value look chosen. The chosen value takes the focus, or the first one.
        focus = self.window().focusWidget()  # also while the window is not active
        if focus in self.buttons and choices:
            index = self.values.index(current) if current in self.values else 0
            self.buttons[index].setFocus(Qt.FocusReason.OtherFocusReason)

    def _clicked(self) -> None:
        self.chosen.emit(self.values[int(self.sender().property("index"))])

    def _fitting_columns(self) -> int:
        widest = max((b.sizeHint().width() for b in self.buttons[: len(self.values)]), default=1)
        spacing = self.grid.horizontalSpacing()
        fit = max(1, (self.width() + spacing) // (widest + spacing)) if self.width() > 0 else 1
        return max(1, min(self.max_columns, fit, len(self.values) or 1))

    def _relayout(self) -> None:
        columns = self._fitting_columns()
        if columns == self._columns:
            return
        self._columns = columns
        for button in self.buttons:
            self.grid.removeWidget(button)
        for index, button in enumerate(self.buttons[: len(self.values)]):
            self.grid.addWidget(button, index // columns, index % columns)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self._relayout()


class DateField(QWidget):
    """Year / month / day as big buttons with a grid below, or typed; no invalid days.

    `changed` is emitted whenever `date()` may have changed; `completed` when the day was
    tapped, so the page can open the next field.
    """

    changed = Signal()
    completed = Signal()
    opened = Signal()  # a grid was shown: the page scrolls so that all of it is in view

    def __init__(self, first_year: int, last_year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_year, self.last_year = first_year, last_year
        self._parts: dict[str, int | None] = {"year": None, "month": None, "day": None}
        self._decade: int | None = None
        self.mode: str | None = None  # the open grid, or None
        self.name = ""
        self.part_buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.setSpacing(8)
        for part in ("year", "month", "day"):
            button = QPushButton()
            button.setObjectName(part)
            button.setProperty("role", "datepart")
            button.clicked.connect(
                lambda _=False, p=part: self.open("decade" if p == "year" else p)
            )
            self.part_buttons[part] = button
            row.addWidget(button)
        self.typed = QLineEdit()
        self.typed.setObjectName("typed")
        self.typed.setInputMethodHints(
            Qt.InputMethodHint.ImhPreferNumbers | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.typed.setMaxLength(16)
        self.typed.textEdited.connect(self._typed_edited)
        self.typed.editingFinished.connect(self._typed_finished)
        row.addStretch(1)
        self.prompt = QLabel()
        self.prompt.setObjectName("picker_prompt")
        self.prompt.setProperty("role", "hint")
        self.prompt.setWordWrap(True)
        self.back_to_decades = QPushButton()
        self.back_to_decades.setObjectName("back_to_decades")
        self.back_to_decades.clicked.connect(lambda: self.open("decade"))
        self.grid = ChoiceGrid(self.back_to_decades)
        self.grid.chosen.connect(self._chosen)
        self.problem = QLabel()
        self.problem.setObjectName("date_problem")
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.panel = QWidget()
        self.panel.setObjectName("date_panel")
        panel = QVBoxLayout(self.panel)
        panel.setContentsMargins(0, 4, 0, 8)
        top = QHBoxLayout()
        top.addWidget(self.prompt, 1)
        top.addWidget(self.back_to_decades)
        panel.addLayout(top)
        panel.addWidget(self.grid)
        self.panel.hide()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(row)
        outer.addWidget(self.typed)  # its own line: a narrow portrait screen squeezes no part
        outer.addWidget(self.problem)
        outer.addWidget(self.panel)
        self.retranslate("")

    # --- the value --------------------------------------------------------------------
    def selected_date(self) -> date | None:
        year, month, day = self._parts["year"], self._parts["month"], self._parts["day"]
        return date(year, month, day) if year and month and day else None

    def set_date(self, value: date | None) -> None:
        """Show this date (None clears every part, and the typed text)."""
        before = self.selected_date()
        if value is None:
            self._parts = {"year": None, "month": None, "day": None}
            self._decade = None
            self.typed.setText("")  # setText also drops the undo history
            self.mode = None  # the page opens the first empty field again
            self.panel.hide()
        else:
            self._parts = {"year": value.year, "month": value.month, "day": value.day}
            self._decade = value.year // 10 * 10
            if parse_typed(self.typed.text()) != value:
                self.typed.setText("")
        self.problem.hide()
        self._show_parts()
        if self.mode is not None:
            self.open(self.mode)
        if value is None or value != before:
            self.changed.emit()

    def set_year_range(self, first_year: int, last_year: int, keep: bool = False) -> None:
        """New year choices: a kiosk runs past New Year (a date no longer offered is
        cleared), or another answer narrows them (`keep`: the page reports a contradiction
        instead of silently dropping an answer)."""
        if (first_year, last_year) == (self.first_year, self.last_year):
            return
        self.first_year, self.last_year = first_year, last_year
        year = self._parts["year"]
        if not keep and year is not None and not first_year <= year <= last_year:
            self.set_date(None)
        elif self.mode is not None:
            self.open(self.mode)

    def missing(self) -> list[str]:
        """The parts still to choose, as words ("年", "月", "日")."""
        words = {"year": self.tr("年"), "month": self.tr("月"), "day": self.tr("日")}
        return [words[p] for p, value in self._parts.items() if value is None]

    def show_problem(self, text: str) -> None:
        """Words under the field (empty hides them); screen readers hear them at once."""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        if text:
            announce(self.problem)

    def _set_part(self, part: str, value: int) -> None:
        before = self.selected_date()
        self._parts[part] = value
        year, month, day = self._parts["year"], self._parts["month"], self._parts["day"]
        if month and day:  # 31 May → February: the last day of the new month
            self._parts["day"] = min(day, calendar.monthrange(year or 2000, month)[1])
        if parse_typed(self.typed.text()) != self.selected_date():
            self.typed.setText("")
        self.problem.hide()
        self._show_parts()
        if self.selected_date() != before or self.selected_date() is None:
            self.changed.emit()

    # --- the grids ----------------------------------------------------------------------
    def open(self, mode: str | None) -> None:
        """Show a grid below the field ("decade", "year", "month", "day"), or close it."""
        self.mode = mode
        if mode == "year" and (
            self._decade is None or not self.first_year // 10 * 10 <= self._decade <= self.last_year
        ):
            mode = self.mode = "decade"
        self.panel.setVisible(mode is not None and self.isEnabled())
        if mode is None:
            return
        locale = QLocale()
        year, month = self._parts["year"], self._parts["month"]
        if mode == "decade":
            chosen = (
                self._decade if self._decade is not None else (year // 10 * 10 if year else None)
            )
            choices = [
                (
                    d,
                    self.tr("{n}年代").format(n=d),
                    self.tr("{field}：{n}年代").format(field=self.name, n=d),
                )
                for d in range(self.first_year // 10 * 10, self.last_year + 1, 10)
            ]
            self._show_grid(self.tr("先选年代"), choices, 4, chosen)
        elif mode == "year":
            assert self._decade is not None
            years = range(
                max(self._decade, self.first_year), min(self._decade + 9, self.last_year) + 1
            )
            choices = [
                (y, str(y), self.tr("{field}：{n}年").format(field=self.name, n=y)) for y in years
            ]
            self._show_grid(self.tr("再选年份"), choices, 5, year)
        elif mode == "month":
            choices = [
                (
                    m,
                    locale.monthName(m, QLocale.FormatType.ShortFormat),
                    self.tr("{field}：{month}").format(field=self.name, month=locale.monthName(m)),
                )
                for m in range(1, 13)
            ]
            self._show_grid(self.tr("选月份"), choices, 6, month)
        else:
            count = calendar.monthrange(year or 2000, month)[1] if month else 31
            choices = [
                (n, str(n), self.tr("{field}：{n}日").format(field=self.name, n=n))
                for n in range(1, count + 1)
            ]
            self._show_grid(self.tr("选日"), choices, 7, self._parts["day"])
        self.back_to_decades.setVisible(mode == "year")
        self.opened.emit()

    def _show_grid(
        self, prompt: str, choices: list[tuple[int, str, str]], columns: int, current: int | None
    ) -> None:
        self.prompt.setText(
            self.tr("{field}：{prompt}").format(field=self.name, prompt=prompt)
            if self.name
            else prompt
        )
        self.grid.show_choices(choices, columns, current)

    def _chosen(self, value: int) -> None:
        mode = self.mode
        if mode == "decade":
            self._decade = value
            self.open("year")
        elif mode == "year":
            self._set_part("year", value)
            self.open("month")
        elif mode == "month":
            self._set_part("month", value)
            self.open("day")
        elif mode == "day":
            self._set_part("day", value)
            self.open(None)
            self.completed.emit()

    # --- typing -------------------------------------------------------------------------
    def _typed_edited(self, text: str) -> None:
        value = parse_typed(text)
        if value is not None and self.first_year <= value.year <= self.last_year:
            self._take_typed(value)

    def _typed_finished(self) -> None:
        text = self.typed.text().strip()
        if not text:
            return
        value = parse_typed(text)
        if value is None:
            self.show_problem(self.tr("请按 1965-08-23 或 19650823 的样子输入"))
        elif not self.first_year <= value.year <= self.last_year:
            self.show_problem(
                self.tr("年份应在 {first} 到 {last} 之间").format(
                    first=self.first_year, last=self.last_year
                )
            )
        else:
            self._take_typed(value)

    def _take_typed(self, value: date) -> None:
        before = self.selected_date()
        self._parts = {"year": value.year, "month": value.month, "day": value.day}
        self._decade = value.year // 10 * 10
        self.problem.hide()
        self._show_parts()
        if self.mode is not None:
            self.open(None)
        if value != before:
            self.changed.emit()

    # --- words ------------------------------------------------------------------------
    def retranslate(self, name: str) -> None:
        """Texts and accessible names in the current language, for the field `name`."""
        self.name = name
        self.typed.setPlaceholderText(self.tr("或输入 1965-08-23"))
        self.typed.setAccessibleName(self.tr("{field}：输入日期").format(field=name))
        self.typed.setAccessibleDescription(self.tr("例如 1965-08-23 或 19650823"))
        self.back_to_decades.setText(self.tr("换年代"))
        self.back_to_decades.setAccessibleName(self.tr("{field}：换年代").format(field=name))
        self._show_parts()
        if self.mode is not None:
            self.open(self.mode)

    def _show_parts(self) -> None:
        locale = QLocale()
        year, month, day = self._parts["year"], self._parts["month"], self._parts["day"]
        texts = {
            "year": (self.tr("年"), self.tr("{n}年").format(n=year) if year else ""),
            "month": (
                self.tr("月"),
                locale.monthName(month, QLocale.FormatType.ShortFormat) if month else "",
            ),
            "day": (self.tr("日"), self.tr("{n}日").format(n=day) if day else ""),
        }
        for part, (word, value) in texts.items():
            button = self.part_buttons[part]
            button.setText(value or word)
            restyle(button, "empty", "false" if value else "true")
            name = self.tr("{field}：{part}").format(field=self.name, part=word)
            button.setAccessibleName(
                self.tr("{name}，{value}").format(name=name, value=value) if value else name
            )
