"""Navigation that a finger and a screen reader can use.

- ActionBar: the touch screen's large 上一步 / 下一步 under each page's content.
- MissingExplainer: a tap on a disabled 下一步 makes the page say what is missing.
- RestartControl: 重新开始, away from the navigation, confirmed inline (no dialog).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from gui.pages.base import GuidePage

_MARKS = re.compile(r"\(&\w\)|&(?=\w)|^[<\s]+|[>\s]+$")


def plain(text: str) -> str:
    """A button's words without its shortcut mark and arrows: "< 上一步(&B)" -> "上一步"."""
    return _MARKS.sub("", text).strip()


class MissingExplainer(QObject):
    """Watches a 下一步 button: a press while it is disabled asks the page to explain.

    A disabled widget gets no clicks, but its event filters still see the press.
    """

    def __init__(self, button: QAbstractButton, page_of: Callable[[], GuidePage | None]) -> None:
        super().__init__(button)
        self.page_of = page_of  # the page now shown
        button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(watched, QWidget)
            and not watched.isEnabled()
        ):
            page = self.page_of()
            if page is not None:
                page.explain_missing()
        return False


class ActionBar(QWidget):
    """上一步 at the left, 下一步 (or 开始, 完成) at the right, as wide as the content."""

    def __init__(self, page: GuidePage) -> None:
        super().__init__()
        self.page = page
        self.setObjectName("action_bar")
        self.back = QPushButton()
        self.back.setObjectName("bar_back")
        self.next = QPushButton()
        self.next.setObjectName("bar_next")
        self.next.setProperty("role", "primary")
        for button in (self.back, self.next):
            button.setProperty("nav", "true")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 8, 0, 0)
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.next)
        self.back.clicked.connect(lambda: page.guide.back())
        self.next.clicked.connect(self._next)
        MissingExplainer(self.next, lambda: page)
        page.completeChanged.connect(self.refresh)

    def _next(self) -> None:
        guide = self.page.guide
        if guide.session.journey.is_last():
            guide.accept()
        else:
            guide.next()

    def refresh(self) -> None:
        guide = self.page.guide
        if guide.currentPage() is not self.page:
            return
        first = guide.currentId() == guide.startId()
        last = guide.session.journey.is_last()
        self.back.setVisible(not first)
        self.back.setText(self.tr("上一步"))
        which = guide.WizardButton.FinishButton if last else guide.WizardButton.NextButton
        words = plain(self.page.buttonText(which)) if first or last else self.tr("下一步")
        self.next.setText(words)
        self.next.setEnabled(self.page.isComplete())
        for button in (self.back, self.next):
            button.setAccessibleName(button.text())


class RestartControl(QWidget):
    """重新开始, then an inline question: clear every answer? yes / no."""

    confirmed = Signal()
    asking = Signal(bool)  # the question is shown (the step list makes room for it)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("restart")
        self.ask = QPushButton()
        self.ask.setObjectName("restart_ask")
        self.question = QLabel()
        self.question.setObjectName("restart_question")
        self.question.setWordWrap(True)
        self.question.setProperty("role", "error")
        self.yes, self.no = QPushButton(), QPushButton()
        self.yes.setObjectName("restart_yes")
        self.yes.setProperty("role", "danger")
        self.no.setObjectName("restart_no")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.ask)
        column.addWidget(self.question)
        # side by side: one row less, so the list fits a 1024×700 screen in large text
        answers = QHBoxLayout()
        answers.addWidget(self.yes)
        answers.addWidget(self.no)
        column.addLayout(answers)
        self.ask.clicked.connect(lambda: self._asking(True, focus=True))
        self.no.clicked.connect(lambda: self._asking(False, focus=True))
        self.yes.clicked.connect(self._yes)
        self._asking(False)
        self.retranslate()

    def _asking(self, asking: bool, focus: bool = False) -> None:
        changed = self.question.isVisibleTo(self) != asking
        self.ask.setVisible(not asking)
        for widget in (self.question, self.yes, self.no):
            widget.setVisible(asking)
        if changed:
            self.asking.emit(asking)
        if focus:  # keyboard and screen-reader users land on the safe answer
            (self.no if asking else self.ask).setFocus()

    def _yes(self) -> None:
        self._asking(False)
        self.confirmed.emit()

    def reset(self) -> None:
        self._asking(False)

    def retranslate(self) -> None:
        self.ask.setText(self.tr("重新开始"))
        self.question.setText(self.tr("清除所有回答，从头开始？"))
        self.yes.setText(self.tr("是，清除"))
        self.no.setText(self.tr("不，继续"))
        self.ask.setAccessibleName(self.tr("重新开始（清除所有回答）"))
        for widget in (self.yes, self.no):
            widget.setAccessibleName(widget.text())
