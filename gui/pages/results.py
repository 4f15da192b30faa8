"""Steps 4 and 5: where the person stands and what it means.

Each page renders the session's one Assessment through gui.present; nothing here
decides a rule.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from gui import present
from gui.flow import PageId
from gui.pages.base import GuidePage
from gui.widgets import RowTable, StatusBanner, label, sections_html

if TYPE_CHECKING:
    from gui.wizard import GuideWizard


def verdict_label() -> QLabel:
    """The page's first line: one sentence saying what to do now (present.next_step)."""
    verdict = label(role="heading")
    verdict.setObjectName("verdict")
    return verdict


class StatusPage(GuidePage):
    page_id = PageId.STATUS

    def __init__(self, guide: GuideWizard) -> None:
        super().__init__(guide)
        self.verdict = verdict_label()
        self.banner = StatusBanner()
        self.banner.setObjectName("status_banner")
        self.rows = RowTable()
        self.warnings = label(rich=True)
        self.warnings.setObjectName("status_warnings")
        for widget in (self.verdict, self.banner, self.rows, self.warnings):
            self.body.addWidget(widget)
        self.body.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("您的证件现在怎样"))

    def clear(self) -> None:
        self.verdict.setText("")
        self.banner.clear()
        self.rows.set_rows([])
        self.warnings.setText("")

    def show_session(self) -> None:
        a = self.session.assessment()
        self.verdict.setText(present.next_step(a, self.content))
        icon, words = present.headline(a, self.content)
        self.banner.show_status(a.status.value, icon, words)
        self.rows.set_rows(present.status_rows(a, self.content))
        notes = present.warnings(a, self.content)
        self.warnings.setText("".join(f"<p>⚠ {html.escape(n)}</p>" for n in notes))
        self.warnings.setVisible(bool(notes))


class ImpactPage(GuidePage):
    page_id = PageId.IMPACT

    def __init__(self, guide: GuideWizard) -> None:
        super().__init__(guide)
        self.verdict = verdict_label()
        self.text = label(rich=True)
        self.text.setObjectName("impact_text")
        self.body.addWidget(self.verdict)
        self.body.addWidget(self.text)
        self.body.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("对支付宝和其他服务的影响"))

    def clear(self) -> None:
        self.verdict.setText("")
        self.text.setText("")

    def show_session(self) -> None:
        a = self.session.assessment()
        self.verdict.setText(present.next_step(a, self.content))
        sections = present.impact_sections(a, self.content)
        travel = present.travel_section(a, self.content)
        if travel is not None:  # a trip is near: how to travel meanwhile comes first, in view
            sections = [travel, *(s for s in sections if s != travel)]
        self.text.setText(sections_html(sections))
