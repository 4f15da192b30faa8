"""Step 7: what to bring, then save, print or keep a reminder; tips close the page."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from gui import present
from gui.content import Content
from gui.domain import Assessment
from gui.domain.assess import Case
from gui.flow import PageId
from gui.lazy_picture import LazyPicture
from gui.pages.base import GuidePage
from gui.widgets import label, sections_html

if TYPE_CHECKING:
    from gui.export.printing import PrintOutcome
    from gui.wizard import GuideWizard

# Export, printing, QR code and calendar code is imported on first use, not at start-up:
# together they are a third of the app's import time.

QR_PIXELS = 220
Writer = Callable[[Path, Assessment, Content], None]


class ChecklistPage(GuidePage):
    page_id = PageId.CHECKLIST

    def __init__(self, guide: GuideWizard) -> None:
        super().__init__(guide)
        self.case = label(role="heading")
        self.case.setObjectName("checklist_case")
        self.text = label(rich=True)
        self.text.setObjectName("checklist_text")
        self.save_pdf, self.print_button, self.save_ics = (QPushButton() for _ in range(3))
        actions = QVBoxLayout()  # stacked full-width buttons fit any width
        for button, name, slot in (
            (self.save_pdf, "save_pdf", self._save_pdf),
            (self.print_button, "print", self._print),
            (self.save_ics, "save_ics", self._save_ics),
        ):
            button.setObjectName(name)
            button.clicked.connect(slot)
            actions.addWidget(button)
        self.outcome = label()
        self.outcome.setObjectName("export_outcome")
        self.qr = LazyPicture(QR_PIXELS)
        self.qr.setObjectName("reminder_qr")
        self.qr_caption = label(role="hint")
        self.tips = label(rich=True)
        self.tips.setObjectName("tips_text")
        # a kiosk with no printer says so, and hands over the sheet as codes for a phone
        self.no_printer = label(role="notice")
        self.no_printer.setObjectName("no_printer")
        self.text_qr_caption = label(role="hint")
        self.text_codes = QVBoxLayout()  # one code under the other: each fits the page whole
        self.text_qrs: list[LazyPicture] = []
        self.actions_heading = label(role="heading")
        # the heading, the notice, the buttons, what happened, the codes: one block, that a
        # kiosk without a printer shows first (nobody should swipe three times to find it)
        self.take_away = QWidget()
        block = QVBoxLayout(self.take_away)
        block.setContentsMargins(0, 0, 0, 0)
        for widget in (self.actions_heading, self.no_printer):
            block.addWidget(widget)
        block.addLayout(actions)
        block.addWidget(self.outcome)
        block.addWidget(self.text_qr_caption)
        block.addLayout(self.text_codes)
        reminder, row = QVBoxLayout(), QHBoxLayout()
        self.qr_caption.setFixedWidth(QR_PIXELS)
        reminder.addWidget(self.qr)
        reminder.addWidget(self.qr_caption)
        row.addLayout(reminder)  # as wide as its caption: its height follows that width
        row.addStretch(1)
        self.body.addWidget(self.case)
        self.body.addWidget(self.text)
        self.body.addWidget(self.take_away)
        self.body.addLayout(row)
        self.body.addWidget(self.tips)
        self.body.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("去派出所办理：清单"))
        self.save_pdf.setText(self.tr("保存清单（PDF）"))
        self.print_button.setText(self.tr("打印清单"))
        self.save_ics.setText(self.tr("保存日历提醒"))
        self.actions_heading.setText(self.tr("带走这份清单"))
        for button in (self.save_pdf, self.print_button, self.save_ics):
            button.setAccessibleName(button.text())

    def clear(self) -> None:
        for text in (
            self.case,
            self.text,
            self.tips,
            self.outcome,
            self.qr_caption,
            self.text_qr_caption,
            self.no_printer,
        ):
            text.setText("")
        self.qr.forget()  # the QR code encodes the reminder date
        self._show_codes([])
        self.outcome.setVisible(False)

    def show_session(self) -> None:
        a = self.session.assessment()
        self.case.setText(present.case_label(a, self.content))
        self.case.setVisible(a.case is not Case.NONE)
        sections = present.checklist_sections(a, self.content)
        self.text.setText(sections_html(sections))
        self.tips.setText(sections_html(present.tips_sections(a, self.content)))
        self.outcome.setVisible(False)
        has_reminder = a.remind_on is not None
        at_kiosk = self.guide.kiosk is not None  # no file dialogs at a kiosk: print or QR
        self._show_text_qr(a)
        self.save_pdf.setVisible(not at_kiosk)
        self.save_ics.setVisible(has_reminder and not at_kiosk)
        self.qr.setVisible(has_reminder)
        self.qr_caption.setVisible(has_reminder)
        if has_reminder:
            from gui.export.document import qr_image

            content = self.content
            self.qr.set_maker(lambda: qr_image(a, content, QR_PIXELS))
            self.qr.setAccessibleName(self.content.text("export.pdf.qr"))
            self.qr_caption.setText(self.content.text("export.pdf.qr"))
        else:
            self.qr.forget()

    def _show_text_qr(self, a: Assessment) -> None:
        """At a kiosk without a printer: say so, and the sheet as codes instead of paper."""
        from gui.checklist_qr import printer_available, sheet_text, split_text

        kiosk = self.guide.kiosk
        wanted = kiosk is not None and not printer_available(kiosk.printer)
        self.print_button.setVisible(not wanted)
        for widget in (self.no_printer, self.text_qr_caption):
            widget.setVisible(wanted)
        # first on the page when it is the only way to take the sheet away
        place = 1 if wanted else 2
        if self.body.indexOf(self.take_away) != place:
            self.body.removeWidget(self.take_away)
            self.body.insertWidget(place, self.take_away)
        if not wanted or kiosk is None:
            self._show_codes([])
            return
        site = kiosk.site[0] if kiosk.site else ""
        self.no_printer.setText(
            self.tr("这台机器不能打印。请用手机扫下面的二维码，把清单存到手机上。")
            + (
                self.tr("没有手机？请到{site}的窗口，请工作人员帮您。").format(site=site)
                if site
                else self.tr("没有手机？请问工作人员。")
            )
        )
        parts = split_text(sheet_text(a, self.content, kiosk.site))
        self._show_codes(parts)
        caption = self.tr(
            "二维码里是这份清单的全部内容（材料、费用、去哪里办、出行、支付宝）。"
            "里面没有姓名、出生日期和身份证号码。"
        )
        if len(parts) > 1:
            caption += self.tr("一共 {n} 个二维码，请一个一个扫。").format(n=len(parts))
        self.text_qr_caption.setText(caption)

    def _show_codes(self, parts: list[str]) -> None:
        from gui.checklist_qr import MODULE_PX, modules, text_qr_image

        while len(self.text_qrs) < len(parts):
            picture = LazyPicture(0)
            picture.setObjectName(f"checklist_qr_{len(self.text_qrs) + 1}")
            self.text_codes.addWidget(picture)
            self.text_qrs.append(picture)
        for index, picture in enumerate(self.text_qrs):
            shown = index < len(parts)
            picture.setVisible(shown)
            if not shown:
                picture.forget()
                continue
            text = parts[index]
            side = modules(text) * MODULE_PX
            picture.setFixedSize(side, side)
            picture.set_maker(partial(text_qr_image, text, MODULE_PX))
            picture.setAccessibleName(
                self.tr("清单二维码 {n}/{total}").format(n=index + 1, total=len(parts))
            )

    def _show(self, message: str) -> None:
        """What happened, right under the button that did it, scrolled into view."""
        self.outcome.setText(message)
        self.outcome.setVisible(True)
        self.body.activate()
        self.scroll_area.ensureWidgetVisible(self.outcome)
        from gui.announce import announce

        announce(self.outcome)

    def _ask_path(self, kind: str, pattern: str) -> Path | None:
        from gui.export.files import file_name

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        proposed = Path(folder) / file_name(kind, self.session.assessment(), self.content)
        from gui.file_dialog import ask_save_path

        return ask_save_path(self, proposed, pattern)

    def _save(self, kind: str, pattern: str, write: Writer) -> None:
        from gui.export.files import ExportError

        path = self._ask_path(kind, pattern)
        if path is None:
            return
        try:
            write(path, self.session.assessment(), self.content)
        except ExportError as error:
            self._show(f"⚠ {error.message}")
            return
        self._show(self.content.text("export.save.saved", path=path))

    def _save_pdf(self) -> None:
        from gui.export.files import write_checklist

        self._save("pdf", "PDF (*.pdf)", write_checklist)

    def _save_ics(self) -> None:
        from gui.export.files import write_reminder

        self._save("ics", "iCalendar (*.ics)", write_reminder)

    def _print(self) -> None:
        from gui.export.printing import print_silently, print_with_dialog

        a, kiosk = self.session.assessment(), self.guide.kiosk
        if kiosk is not None:
            outcome: PrintOutcome | None = print_silently(
                a, self.content, kiosk.printer, kiosk.site
            )
        else:
            outcome = print_with_dialog(self, a, self.content)
        if outcome is not None:
            self._show(outcome.message if outcome.ok else f"⚠ {outcome.message}")
