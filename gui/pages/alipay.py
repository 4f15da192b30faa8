"""Step 6: update the ID card on file in Alipay, with pictures and fallbacks."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontInfo, QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from gui import present
from gui.flow import PageId
from gui.pages.base import GuidePage
from gui.resources import resource_path
from gui.widgets import clear_layout, label

VIEWBOX = QSize(240, 420)  # the drawings' own size; their smallest label is 14 units
TEXT_PX_PER_UNIT = 20  # 24 px kiosk text: 1.2× (labels 17 px); never below 1× (14 px)
COLUMNS = 3

if TYPE_CHECKING:
    from gui.wizard import GuideWizard


class AlipayPage(GuidePage):
    page_id = PageId.ALIPAY

    def __init__(self, guide: GuideWizard) -> None:
        super().__init__(guide)
        self.intro = label()
        # the way out first: nobody should scroll past six drawings to find it
        self.shortcut = label()
        self.shortcut.setObjectName("alipay_shortcut")  # boxed by style.BOXES
        self.warning = label()
        self.warning.setObjectName("alipay_warning")
        self.step_grid = QGridLayout()
        self.fallback_heading = label(role="heading")
        self.fallback_grid = QGridLayout()
        self.notes = label(rich=True)
        self.notes.setObjectName("alipay_notes")
        self._built_for: tuple[str, int] | None = None  # language, drawing width
        self._cells: list[tuple[QGridLayout, QWidget]] = []
        self._columns = 0
        self.body.addWidget(self.intro)
        self.body.addWidget(self.shortcut)
        self.body.addWidget(self.warning)
        self.body.addLayout(self.step_grid)
        self.body.addWidget(self.fallback_heading)
        self.body.addLayout(self.fallback_grid)
        self.body.addWidget(self.notes)
        self.body.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("在支付宝更新身份证"))

    def image_size(self) -> QSize:
        """The drawings grow with the text, so their labels stay readable beside it."""
        self.ensurePolished()  # the style sheet's font, also before the first showing
        scale = max(1.0, QFontInfo(self.font()).pixelSize() / TEXT_PX_PER_UNIT)
        return QSize(round(VIEWBOX.width() * scale), round(VIEWBOX.height() * scale))

    def _add_step(self, grid: QGridLayout, number: str, step: present.Step) -> None:
        """One step as a card: its words above its picture."""
        cell = QWidget()
        cell.setObjectName("alipay_step")
        column = QVBoxLayout(cell)
        column.addWidget(label(f"<b>{html.escape(number)}</b> {html.escape(step.text)}", rich=True))
        if step.image:
            picture = self._drawing(step.image)
            picture.setObjectName("alipay_drawing")
            picture.setAccessibleName(self.tr("示意图：{step}").format(step=step.text))
            picture.setAccessibleDescription(self.tr("手机屏幕的示意图，要点的地方用红框圈出。"))
            column.addWidget(picture, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(1)
        self._cells.append((grid, cell))

    def _drawing(self, image: str) -> QLabel:
        """The drawing rendered once, at its size on screen: an SVG widget would render the
        file again on every paint (3 ms a page visit, and more while scrolling)."""
        from PySide6.QtSvg import QSvgRenderer  # first visit only: keeps start-up lean

        size, ratio = self.image_size(), self.devicePixelRatioF()
        picture = QImage(
            round(size.width() * ratio),
            round(size.height() * ratio),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        QSvgRenderer(str(resource_path("images", image))).render(
            painter, QRectF(0, 0, size.width(), size.height())
        )
        painter.end()
        shown = QLabel()
        shown.setPixmap(QPixmap.fromImage(picture))
        shown.setFixedSize(size)
        return shown

    def _fitting_columns(self) -> int:
        """Three cards a row when they fit, down to one on a narrow screen or in large text."""
        width = self.width() - 48  # the page's width is set even before it is first shown
        card = self.image_size().width() + 48
        return max(1, min(COLUMNS, width // card))

    def _place_cells(self) -> None:
        columns = self._fitting_columns()
        if columns == self._columns:
            return
        self._columns = columns
        counts: dict[int, int] = {}
        for grid, cell in self._cells:
            index = counts[id(grid)] = counts.get(id(grid), -1) + 1
            grid.addWidget(cell, index // columns, index % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        if self._cells:
            self._place_cells()

    def clear(self) -> None:  # the steps are the same for everyone; the notes carry dates
        self.intro.setText("")
        self.warning.setText("")
        self.shortcut.setText("")
        self.notes.setText("")

    def show_session(self) -> None:
        # the steps and pictures depend only on the language and text size: built once each
        if self._built_for != (self.content.locale, self.image_size().width()):
            self._build()
        a = self.session.assessment()
        self.intro.setText(present.alipay_intro(a, self.content))
        notes = present.alipay_notes(a, self.content)
        self.warning.setText("⚠ " + notes.pop("do_not_switch"))
        self.shortcut.setText(
            self.tr("找不到入口时：{search}\n{hotline}").format(
                search=self.content.text("alipay_path.fallbacks.search"),
                hotline=notes.pop("hotline"),
            )
        )
        heading = self.content.get("alipay_path.headings")
        items = "".join(f"<li>{html.escape(n)}</li>" for n in notes.values())
        self.notes.setText(f"<h3>{html.escape(heading['notes'])}</h3><ul>{items}</ul>")

    def _build(self) -> None:
        clear_layout(self.step_grid)
        clear_layout(self.fallback_grid)
        self._cells, self._columns = [], 0
        for index, step in enumerate(present.alipay_steps(self.content)):
            self._add_step(self.step_grid, f"{index + 1}.", step)
        for step in present.alipay_fallbacks(self.content):
            self._add_step(self.fallback_grid, "•", step)
        self._place_cells()
        self.fallback_heading.setText(self.content.get("alipay_path.headings")["fallbacks"])
        self._built_for = (self.content.locale, self.image_size().width())
