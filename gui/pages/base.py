"""What every page shares: access to the session, scrolling, re-translation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QLabel, QScrollArea, QScroller, QVBoxLayout, QWidget, QWizardPage

from gui.content import Content
from gui.flow import PageId, Session
from gui.navigation import ActionBar
from gui.touch import flick_scrolling

if TYPE_CHECKING:
    from gui.wizard import GuideWizard


class GuidePage(QWizardPage):
    """A page whose widgets mirror the session's draft; Back never resets them."""

    page_id: PageId

    def __init__(self, guide: GuideWizard) -> None:
        super().__init__()
        self.guide = guide
        self.setObjectName(f"page_{self.page_id}")
        self.scroll_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the content takes focus, not its frame
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        self.body.setSpacing(12)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.bar: ActionBar | None = None
        if guide.touch:
            self.bar = ActionBar(self)
            outer.addWidget(self.bar)

    @property
    def session(self) -> Session:
        return self.guide.session

    @property
    def content(self) -> Content:
        return self.guide.content

    def retranslate(self) -> None:
        """Set every fixed string; called at start and on each language change."""

    def show_session(self) -> None:
        """Show the session's current state (answers or Assessment)."""

    def clear(self) -> None:
        """Forget everything shown for the last person (question pages re-show the draft)."""
        self.show_session()

    def explain_missing(self) -> None:
        """A tap on the disabled 下一步: say next to each unanswered field what is missing."""

    def opening_label(self) -> QLabel | None:
        """The sentence a result page opens with (results.py names it "verdict")."""
        return self.findChild(QLabel, "verdict")

    def enable_flick(self) -> None:
        flick_scrolling(self.scroll_area, self.guide.touch)

    def scroll_to_top(self) -> None:
        """The page opens at its top: not where the last reader (or person) left it."""
        if QScroller.hasScroller(self.scroll_area.viewport()):
            QScroller.scroller(self.scroll_area.viewport()).stop()  # a flick still coasting
        self.scroll_area.verticalScrollBar().setValue(0)

    def initializePage(self) -> None:  # Qt override
        # on first visit, not at start-up: setting up a scroller costs ~5 ms a page, and
        # Qt's first one ~40 ms more, so the first page waits for the wizard's first paint
        if self.guide.painted:
            self.enable_flick()
        self.show_session()
        self.scroll_to_top()  # moving on (Back keeps the place: QWizard does not call this)
        QTimer.singleShot(0, self._measure_text_again)
        if self.opening_label() is not None:  # result pages: the verdict is read first
            # after QWizard has moved the focus to the new page's first button
            QTimer.singleShot(0, self.focus_verdict)

    def _measure_text_again(self) -> None:
        """Once shown: a wrapped rich-text label's height was cached by the layout before
        the style sheet's font was final, and its last lines would be cut off."""
        for text in self.findChildren(QLabel):
            if text.wordWrap() and text.textFormat() is Qt.TextFormat.RichText:
                text.updateGeometry()
        self.body.activate()  # now, not at a later turn of the event loop

    def focus_verdict(self) -> None:
        from gui.announce import announce

        verdict = self.opening_label()
        if verdict is None or self.guide.currentPage() is not self:
            return
        verdict.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        verdict.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(verdict)

    def cleanupPage(self) -> None:  # Qt would reset the fields on Back
        pass

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.guide.has_shown(self.page_id):
                self.show_session()
            if self.bar is not None:  # 开始 / Start follows the page's new button text
                self.bar.refresh()
        super().changeEvent(event)
