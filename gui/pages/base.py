"""What every page shares: access to the session, scrolling, re-translation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget, QWizardPage

from gui.content import Content
from gui.flow import PageId, Session

if TYPE_CHECKING:
    from gui.wizard import GuideWizard


class GuidePage(QWizardPage):
    """A page whose widgets mirror the session's draft; Back never resets them."""

    page_id: PageId

    def __init__(self, guide: GuideWizard) -> None:
        super().__init__()
        self.guide = guide
        self.setObjectName(f"page_{self.page_id}")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        self.body.setSpacing(12)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    @property
    def session(self) -> Session:
        return self.guide.session

    @property
    def content(self) -> Content:
        return self.guide.content

    def retranslate(self) -> None:
        """Set every fixed string; called at start and on each language change."""

    def render(self) -> None:
        """Show the session's current state (answers or Assessment)."""

    def clear(self) -> None:
        """Forget everything shown for the last person (question pages re-show the draft)."""
        self.render()

    def initializePage(self) -> None:  # Qt override
        self.render()

    def cleanupPage(self) -> None:  # Qt would reset the fields on Back
        pass

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.guide.has_shown(self.page_id):
                self.render()
        super().changeEvent(event)
