"""Step 2: the card's dates, and the optional ID number that fills the birth date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QLineEdit

from gui.announce import announce
from gui.date_picker import DateField
from gui.domain import InputError, idnumber
from gui.flow import PageId
from gui.pages.base import GuidePage
from gui.present import format_date
from gui.widgets import WrappingCheck, label

if TYPE_CHECKING:
    from gui.wizard import GuideWizard


class CardPage(GuidePage):
    page_id = PageId.CARD

    def __init__(self, guide: GuideWizard) -> None:
        super().__init__(guide)
        self._year = year = self.session.today.year
        self.hint = label(role="hint")
        self.birth_label, self.birth = label(role="heading"), DateField(1900, year)
        self.start_label, self.start = label(role="heading"), DateField(1950, year)
        self.end_label, self.end = label(role="heading"), DateField(1955, year + 20)
        self.long_term = QCheckBox()
        self.long_term.setObjectName("long_term")
        # a person without the card (lost, or unreadable) cannot read its dates: first on
        # the page, so nobody is stuck on dates they do not have, or makes some up
        self.dates_unknown = WrappingCheck()
        self.dates_unknown.setObjectName("dates_unknown")
        self.dates_unknown.toggled.connect(self._unknown_toggled)
        self.dated = (self.start_label, self.start, self.end_label, self.long_term, self.end)
        self.id_label, self.id_hint = label(role="heading"), label(role="hint")
        self.id_number = QLineEdit()
        self.id_number.setObjectName("id_number")
        # shown while typing, masked afterwards; no prediction or learning of the number
        self.id_number.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.id_number.setInputMethodHints(
            Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhPreferUppercase
        )
        self.id_number.setMaxLength(24)
        self.id_recognised = label(role="hint")
        self.error = label(role="error")
        self.error.setObjectName("card_error")
        self.fields = (self.birth, self.start, self.end)
        for field, name in zip(self.fields, ("birth", "start", "end"), strict=True):
            field.setObjectName(name)
            field.changed.connect(self._dates_changed)
            field.completed.connect(self._open_next_field)
            field.opened.connect(lambda f=field: self._show_grid_of(f))
        self.long_term.toggled.connect(self._dates_changed)
        # textChanged, not textEdited: undo and redo change the text too, and the session
        # must follow the field (an undone number must not linger in the session)
        self.id_number.textChanged.connect(self._id_changed)
        self.id_number.editingFinished.connect(self._id_finished)
        self._id_done = False
        self._rendering = False
        for widget in (
            self.hint,
            self.dates_unknown,
            self.birth_label,
            self.birth,
            self.start_label,
            self.start,
            self.end_label,
            self.long_term,  # above the end date's grids: seen before any of them
            self.end,
            self.id_label,
            self.id_hint,
            self.id_number,
            self.id_recognised,
            self.error,
        ):
            self.body.addWidget(widget)
        self.body.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("您的身份证"))
        self.hint.setText(
            self.tr(
                "请看身份证背面（国徽面）的「有效期限」，按上面的日期选择；"
                "已经领到新证的，选新证上的日期。"
            )
        )
        for field, text in (
            (self.birth, self.tr("出生日期")),
            (self.start, self.tr("有效期限：起始日期")),
            (self.end, self.tr("有效期限：截止日期")),
        ):
            field.retranslate(text)
        self.birth_label.setText(self.tr("出生日期"))
        self.start_label.setText(self.tr("有效期限：起始日期"))
        self.end_label.setText(self.tr("有效期限：截止日期"))
        self.dates_unknown.set_text(
            self.tr("不记得证件上的日期（证件丢了，或者坏得看不清）：只选出生日期就可以")
        )
        self.long_term.setText(self.tr("截止处印着「长期」"))
        self.long_term.setAccessibleName(self.long_term.text())
        self.id_label.setText(self.tr("身份证号码（可不填）"))
        self.id_hint.setText(
            self.tr("只用来自动填写并核对出生日期；不会保存，也不会打印，输入后只显示前后几位。")
        )
        self.id_number.setAccessibleName(self.tr("身份证号码（可不填）"))
        self.id_number.setPlaceholderText(self.tr("18 位号码，可不填"))

    def _show_grid_of(self, field: DateField) -> None:
        """All of an open grid in view (days 29–31 too), its prompt first if it is tall:
        once the layouts have given the grid's new rows their place."""
        QTimer.singleShot(0, self, lambda: self._scroll_to_grid(field))

    def _scroll_to_grid(self, field: DateField) -> None:
        if self.guide.currentPage() is not self or not field.panel.isVisible():
            return
        self.scroll_area.ensureWidgetVisible(field.panel, 0, 0)
        self.scroll_area.ensureWidgetVisible(field.prompt, 0, 0)

    def _narrow_years(self) -> None:
        """Only years that can hold an answer: a card starts after its holder's birth, and
        ends after it starts and at most 20 years later (长期 is the box above)."""
        draft, year = self.session.draft, self._year
        self.birth.set_year_range(1900, year)
        self.start.set_year_range(
            max(1950, draft.birth.year if draft.birth else 1900), year, keep=True
        )
        if draft.start is not None:
            self.end.set_year_range(draft.start.year, draft.start.year + 20, keep=True)
        else:
            self.end.set_year_range(self.start.first_year, year + 20, keep=True)

    def show_session(self) -> None:
        draft = self.session.draft
        self._year = self.session.today.year  # the year lists end at "today"
        self._narrow_years()
        at_kiosk = self.guide.kiosk is not None  # no keyboard at a counter: no text fields
        for widget in (self.id_label, self.id_hint, self.id_number):
            widget.setVisible(not at_kiosk)
        for field in self.fields:
            field.typed.setVisible(not at_kiosk)
        # showing the draft must not write half-shown values back into it
        self._rendering = True
        try:
            self.dates_unknown.setChecked(draft.dates_unknown)
            self.birth.set_date(draft.birth)
            self.start.set_date(draft.start)
            self.end.set_date(draft.end)
            self.long_term.setChecked(draft.long_term)
        finally:
            self._rendering = False
        if self.id_number.text() != draft.id_number:
            self.id_number.setText(draft.id_number)  # setText also drops the undo history
        self._id_done = bool(draft.id_number)
        self._refresh()
        if all(field.mode is None for field in self.fields):
            self._open_next_field()

    def _open_next_field(self) -> None:
        """The first date still to pick shows its decades: 4 taps to a whole date."""
        for field in self.fields:
            if field.selected_date() is None and field.isEnabled():
                field.open("decade")
                return

    def explain_missing(self) -> None:
        """A tap on the disabled 下一步: say, under each field, what is still missing."""
        first = None
        for field, name in (
            (self.birth, self.tr("出生日期")),
            (self.start, self.tr("起始日期")),
            (self.end, self.tr("截止日期")),
        ):
            parts = field.missing() if field.isEnabled() else []
            if parts and not field.problem.isVisible():  # a typing error stays in view
                field.show_problem(
                    self.tr("还没选{field}的：{parts}").format(
                        field=name, parts=self.tr("、").join(parts)
                    )
                )
                first = first or field
        if first is not None:  # the finger is at the bottom; the reason may be above
            self.scroll_area.ensureWidgetVisible(first)
        if self.session.draft.id_number.strip() and not self._id_done:
            self.error.setText(self.tr("身份证号码还没输完（18 位），也可以清空不填。"))
            self.error.setVisible(True)
        if self.error.isVisible():
            announce(self.error)

    def _unknown_toggled(self, unknown: bool) -> None:
        if self._rendering:
            return
        self.session.draft.set("dates_unknown", unknown)  # clears the card's dates
        self.show_session()  # the cleared dates shown empty, the next field to pick opened

    def _dates_changed(self) -> None:
        if self._rendering:
            return
        draft = self.session.draft
        draft.set("birth", self.birth.selected_date())
        if draft.dates_unknown:
            self._refresh()
            return
        draft.set("start", self.start.selected_date())
        draft.set("long_term", self.long_term.isChecked())
        draft.set("end", None if self.long_term.isChecked() else self.end.selected_date())
        self._narrow_years()
        self._refresh()

    def _id_changed(self, text: str) -> None:
        self.session.draft.set("id_number", text)
        typed = idnumber.normalise(text)
        # 18 characters, or an old 15-digit number that already reads as one
        self._id_done = len(typed) >= 18 or (len(typed) == 15 and self._parses(typed))
        if self._id_done:
            self._fill_birth()
        self._refresh()

    def _id_finished(self) -> None:
        self._id_done = bool(self.session.draft.id_number.strip())
        self._fill_birth()
        self._refresh()

    @staticmethod
    def _parses(text: str) -> bool:
        try:
            idnumber.parse(text)
        except InputError:
            return False
        return True

    def _fill_birth(self) -> None:
        try:
            number = idnumber.parse(self.session.draft.id_number)
        except InputError:
            return
        if number.birth <= self.session.today:  # a future date is reported, not filled in
            self.birth.set_date(number.birth)  # emits changed -> the draft follows

    def _problem(self) -> str | None:
        """The message for impossible input, or None (also while answers are missing)."""
        draft = self.session.draft
        if draft.id_number.strip():
            if not self._id_done:
                return None  # still typing the number
            # the number's own problems first: a missing date must not hide them
            try:
                idnumber.parse_on(draft.id_number, self.session.today)
            except InputError as error:
                return self.content.text(f"messages.errors.{error.code}", **error.params)
        try:
            self.session.assessment()
        except InputError as error:
            if error.code in ("missing_value", "end_missing"):
                return None
            return self.content.text(f"messages.errors.{error.code}", **error.params)
        return None

    def _refresh(self) -> None:
        draft = self.session.draft
        for widget in self.dated:  # without the card only the birth date is asked
            widget.setVisible(not draft.dates_unknown)
            widget.setEnabled(not draft.dates_unknown)
        self.end.setEnabled(not draft.long_term and not draft.dates_unknown)
        if draft.long_term:
            self.end.open(None)
            self.end.show_problem("")
        problem = self._problem()
        self.error.setText(f"⚠ {problem}" if problem else "")
        self.error.setVisible(bool(problem))
        recognised = ""
        try:
            if draft.id_number.strip() and self._id_done:
                number = idnumber.parse(draft.id_number)
                recognised = self.tr("已识别：{masked}，出生日期 {birth}").format(
                    masked=idnumber.mask(number.digits),
                    birth=format_date(number.birth, self.content),
                )
        except InputError:
            pass
        self.id_recognised.setText(recognised)
        self.id_recognised.setVisible(bool(recognised))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # Qt override
        if self.session.draft.id_number.strip() and not self._id_done:
            return False  # still typing the number
        return self.session.card_answered()
