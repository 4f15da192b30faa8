"""Step 6: update the ID card on file in Alipay, with pictures and fallbacks."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from gui import present
from gui.flow import PageId
from gui.pages.base import GuidePage
from gui.resources import resource_path
from gui.widgets import clear_layout, label

IMAGE = QSize(180, 315)  # the drawings' 240 × 420 viewBox, scaled
COLUMNS = 3

if TYPE_CHECKING:
    from gui.wizard import GuideWizard


class AlipayPage(GuidePage):
    page_id = PageId.ALIPAY

    def __init__(self, guide: GuideWizard) -> None:
        super().__init__(guide)
        self.intro = label()
        self.warning = label()
        self.warning.setObjectName("alipay_warning")
        self.warning.setStyleSheet("QLabel { border: 3px solid #8A1C13; border-radius: 8px;"
                                   " padding: 8px; background: #FDECEA; color: #8A1C13; }")
        self.step_grid = QGridLayout()
        self.fallback_heading = label(role="heading")
        self.fallback_grid = QGridLayout()
        self.notes = label(rich=True)
        self.notes.setObjectName("alipay_notes")
        self._built_for: str | None = None
        self.body.addWidget(self.intro)
        self.body.addWidget(self.warning)
        self.body.addLayout(self.step_grid)
        self.body.addWidget(self.fallback_heading)
        self.body.addLayout(self.fallback_grid)
        self.body.addWidget(self.notes)
        self.body.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("在支付宝更新身份证"))

    @staticmethod
    def _add_step(grid: QGridLayout, index: int, number: str, step: present.Step) -> None:
        """One step as a card: its words above its picture, three to a row."""
        cell = QWidget()
        cell.setObjectName("alipay_step")
        column = QVBoxLayout(cell)
        column.addWidget(label(f"{number} {step.text}", role="heading"))
        if step.image:
            from PySide6.QtSvgWidgets import QSvgWidget  # first visit only: keeps start-up lean

            picture = QSvgWidget(str(resource_path("images", step.image)))
            picture.setFixedSize(IMAGE)
            picture.setAccessibleName(step.text)
            column.addWidget(picture, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(1)
        grid.addWidget(cell, index // COLUMNS, index % COLUMNS)

    def clear(self) -> None:  # the steps are the same for everyone; the notes carry dates
        self.intro.setText("")
        self.warning.setText("")
        self.notes.setText("")

    def render(self) -> None:
        # the steps and pictures depend only on the language: build them once per language
        if self._built_for != self.content.locale:
            self._build()
        a = self.session.assessment()
        self.intro.setText(present.alipay_intro(a, self.content))
        notes = present.alipay_notes(a, self.content)
        self.warning.setText("⚠ " + notes.pop("do_not_switch"))
        heading = self.content.get("alipay_path.headings")
        items = "".join(f"<li>{html.escape(n)}</li>" for n in notes.values())
        self.notes.setText(f"<h3>{html.escape(heading['notes'])}</h3><ul>{items}</ul>")

    def _build(self) -> None:
        clear_layout(self.step_grid)
        clear_layout(self.fallback_grid)
        for index, step in enumerate(present.alipay_steps(self.content)):
            self._add_step(self.step_grid, index, f"{index + 1}.", step)
        for index, step in enumerate(present.alipay_fallbacks(self.content)):
            self._add_step(self.fallback_grid, index, "•", step)
        self.fallback_heading.setText(self.content.get("alipay_path.headings")["fallbacks"])
        self._built_for = self.content.locale
