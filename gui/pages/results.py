"""Steps 4 and 5: where the person stands and what it means.

Each page renders the session's one Assessment through gui.present; nothing here
decides a rule.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QWidget

from gui import present
from gui.flow import PageId
from gui.pages.base import GuidePage
from gui.widgets import StatusBanner, clear_layout, label, sections_html

if TYPE_CHECKING:
    from gui.wizard import GuideWizard


class StatusPage(GuidePage):
    page_id = PageId.STATUS

    def __init__(self, guide: GuideWizard) -> None:
        super().__init__(guide)
        self.banner = StatusBanner()
        self.banner.setObjectName("status_banner")
        self.rows = QWidget()
        self.grid = QGridLayout(self.rows)
        self.grid.setColumnStretch(1, 1)
        self.warnings = label(rich=True)
        self.warnings.setObjectName("status_warnings")
        for widget in (self.banner, self.rows, self.warnings):
            self.body.addWidget(widget)
        self.body.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("你的证件现在怎样"))

    def clear(self) -> None:
        self.banner.clear()
        clear_layout(self.grid)
        self.warnings.setText("")

    def render(self) -> None:
        a = self.session.assessment()
        icon, words = present.headline(a, self.content)
        self.banner.show_status(a.status.value, icon, words)
        clear_layout(self.grid)
        for row, (name, value) in enumerate(present.status_rows(a, self.content)):
            self.grid.addWidget(label(name, role="hint"), row, 0)
            self.grid.addWidget(label(value, role="heading"), row, 1)
        notes = present.warnings(a, self.content)
        self.warnings.setText("".join(f"<p>⚠ {html.escape(n)}</p>" for n in notes))
        self.warnings.setVisible(bool(notes))


class ImpactPage(GuidePage):
    page_id = PageId.IMPACT

    def __init__(self, guide: GuideWizard) -> None:
        super().__init__(guide)
        self.text = label(rich=True)
        self.text.setObjectName("impact_text")
        self.body.addWidget(self.text)
        self.body.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("对支付宝和其他服务的影响"))

    def clear(self) -> None:
        self.text.setText("")

    def render(self) -> None:
        a = self.session.assessment()
        self.text.setText(sections_html(present.impact_sections(a, self.content)))
