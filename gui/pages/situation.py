"""Step 3: what happened, where the person is, travel plans and 低保."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QAbstractButton, QButtonGroup

from gui.domain import Situation
from gui.flow import PageId
from gui.pages.base import GuidePage
from gui.widgets import WrappingCheck, WrappingRadio, label, select_with_arrows

if TYPE_CHECKING:
    from gui.wizard import GuideWizard


class SituationPage(GuidePage):
    page_id = PageId.SITUATION

    def __init__(self, guide: GuideWizard) -> None:
        super().__init__(guide)
        self.what_label, self.where_label = label(role="heading"), label(role="heading")
        self.what, self.where = QButtonGroup(self), QButtonGroup(self)
        self.situations: dict[Situation, WrappingRadio] = {}
        # each choice's words wrap (gui.widgets): the page sets them through this
        self.choices: dict[QAbstractButton, WrappingRadio | WrappingCheck] = {}
        self.body.addWidget(self.what_label)
        for situation in Situation:
            button = WrappingRadio()
            button.setObjectName(f"situation_{situation}")
            self.what.addButton(button)
            self.situations[situation] = button
            self._add_choice(button)
        self.body.addWidget(self.where_label)
        self.home, self.away = WrappingRadio(), WrappingRadio()
        self.home.setObjectName("place_home")
        self.away.setObjectName("place_away")
        for button in (self.home, self.away):
            self.where.addButton(button)
            self._add_choice(button)
        self.travel, self.low_income = WrappingCheck(), WrappingCheck()
        self.travel.setObjectName("travel_soon")
        self.low_income.setObjectName("low_income")
        self.low_income_hint = label(role="hint")
        self.missing = label(role="error")
        self.missing.setObjectName("situation_missing")
        self.missing.hide()
        for box in (self.travel, self.low_income):
            self._add_choice(box)
        self.body.addWidget(self.low_income_hint)
        self.body.addWidget(self.missing)
        self.body.addStretch(1)
        # toggled, not clicked: a screen reader's Toggle action and the arrow keys check a
        # radio button without a click, and must answer the question just the same
        self._rendering = False
        self.what.buttonToggled.connect(self._what_toggled)
        self.where.buttonToggled.connect(self._where_toggled)
        select_with_arrows(self.what)
        select_with_arrows(self.where)
        self.travel.toggled.connect(lambda on: self._set("travel_soon", on))
        self.low_income.toggled.connect(lambda on: self._set("low_income", on))
        self.retranslate()

    def _what_toggled(self, button: QAbstractButton, on: bool) -> None:
        if on and not self._rendering:
            self._situation_chosen(button)

    def _where_toggled(self, button: QAbstractButton, on: bool) -> None:
        if on and not self._rendering:
            self._place_chosen(button)

    def _add_choice(self, button: WrappingRadio | WrappingCheck) -> None:
        self.choices[button] = button
        self.body.addWidget(button)

    def retranslate(self) -> None:
        self.setTitle(self.tr("您的情况"))
        self.what_label.setText(self.tr("发生了什么？"))
        texts = {
            Situation.EXPIRY: self.tr("身份证已经过期，或者快到期了"),
            Situation.RENEWED: self.tr("已经领到新身份证，但支付宝里还是旧证"),
            Situation.LOST: self.tr("身份证丢了"),
            Situation.DAMAGED: self.tr("身份证损坏了"),
            Situation.RENAMED: self.tr("改了名字"),
        }
        for situation, button in self.situations.items():
            self.choices[button].set_text(texts[situation])
        self.where_label.setText(self.tr("您现在在哪里办？"))
        self.choices[self.home].set_text(self.tr("在户籍地（户口所在的城市）"))
        self.choices[self.away].set_text(self.tr("在外地（不是户口所在的城市）"))
        self.choices[self.travel].set_text(self.tr("最近要坐火车或飞机"))
        self.choices[self.low_income].set_text(self.tr("享受低保或特困救助（可不选）"))
        self.low_income_hint.setText(self.tr("只用来判断能否免交工本费。"))

    def show_session(self) -> None:
        draft = self.session.draft
        if draft.long_term:  # a 长期 card does not expire: the first choice is a check
            first = self.situations[Situation.EXPIRY]
            self.choices[first].set_text(self.content.text("summary.answers.long_term_check"))
        else:
            self.retranslate()
        self._rendering = True  # showing the draft is not answering
        try:
            for group in (self.what, self.where):
                group.setExclusive(False)  # lets an unanswered question show no choice
                for button in group.buttons():
                    button.setChecked(False)
                group.setExclusive(True)
            if draft.situation is not None:
                self.situations[draft.situation].setChecked(True)
            if draft.away_from_home is not None:
                (self.away if draft.away_from_home else self.home).setChecked(True)
        finally:
            self._rendering = False
        for box, value in ((self.travel, draft.travel_soon), (self.low_income, draft.low_income)):
            box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(False)
        self._show_questions()

    def _set(self, name: str, value: object) -> None:
        if self.session.draft.set(name, value):
            self.show_session()  # dependent answers were cleared: show them empty
        self._show_questions()

    def _situation_chosen(self, button: QAbstractButton) -> None:
        chosen = next(s for s, b in self.situations.items() if b is button)
        self._set("situation", chosen)

    def _place_chosen(self, button: QAbstractButton) -> None:
        self._set("away_from_home", button is self.away)

    def _show_questions(self) -> None:
        offered = self.session.draft.situations()  # without the card's dates: lost, damaged
        for situation, button in self.situations.items():
            button.setVisible(situation in offered)
        # nothing to apply for (new card in hand, or a 长期 card only being checked):
        # no place, travel or fee questions
        asked = self.session.applies_for_card()
        for widget in (
            self.where_label,
            self.choices[self.home],
            self.choices[self.away],
            self.choices[self.travel],
            self.choices[self.low_income],
            self.low_income_hint,
        ):
            widget.setVisible(asked)
        if self.isComplete():
            self.missing.hide()
        self.completeChanged.emit()

    def explain_missing(self) -> None:
        """A tap on the disabled 下一步: which question is still unanswered, in words."""
        from gui.announce import announce

        draft = self.session.draft
        if draft.situation is None:
            text, under = self.tr("请先选一项：发生了什么？"), self.what_label
        elif self.session.applies_for_card() and draft.away_from_home is None:
            text, under = self.tr("请选一项：您现在在哪里办？"), self.where_label
        else:
            return
        self.body.removeWidget(self.missing)  # next to the question it is about
        self.body.insertWidget(self.body.indexOf(under) + 1, self.missing)
        self.missing.setText(text)
        self.missing.show()
        self.scroll_area.ensureWidgetVisible(self.missing)
        announce(self.missing)

    def isComplete(self) -> bool:  # Qt override
        return self.session.situation_answered()
