"""Step 7: what to bring, then save, print or keep a reminder; tips close the page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout

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
TEXT_QR_PIXELS = 300  # more text, more modules: larger, so a phone still reads it
Writer = Callable[[Path, Assessment, Content], None]


class ChecklistPage(GuidePage):
    page_id = PageId.CHECKLIST

    def __init__(self, guide: GuideWizard) -> None:
        super().__init__(guide)
        self.case = label(role="heading")
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
        # a kiosk with no printer: the checklist itself as a QR code, for a phone
        self.text_qr = LazyPicture(TEXT_QR_PIXELS)
        self.text_qr.setObjectName("checklist_qr")
        self.text_qr_caption = label(role="hint")
        # the checklist first, read before anything is saved; then what to do with it
        self.actions_heading = label(role="heading")
        # the buttons, then the codes in a row under them: nothing beside the buttons, so
        # a portrait screen in large text has room for both
        reminder, codes = QVBoxLayout(), QHBoxLayout()
        self.qr_caption.setFixedWidth(QR_PIXELS)
        reminder.addWidget(self.qr)
        reminder.addWidget(self.qr_caption)
        reminder.addStretch(1)
        text_column = QVBoxLayout()
        self.text_qr_caption.setFixedWidth(TEXT_QR_PIXELS)
        text_column.addWidget(self.text_qr)
        text_column.addWidget(self.text_qr_caption)
        text_column.addStretch(1)
        codes.addLayout(text_column)
        codes.addLayout(reminder)
        codes.addStretch(1)
        self.body.addWidget(self.case)
        self.body.addWidget(self.text)
        self.body.addWidget(self.actions_heading)
        self.body.addLayout(actions)
        self.body.addWidget(self.outcome)
        self.body.addLayout(codes)
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
        ):
            text.setText("")
        self.qr.forget()  # the QR code encodes the reminder date
        self.text_qr.forget()
        self.outcome.setVisible(False)

    def render(self) -> None:
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
        """At a kiosk without a printer, the checklist as a QR code instead of paper."""
        from gui.checklist_qr import checklist_text, printer_available, text_qr_image

        kiosk = self.guide.kiosk
        wanted = kiosk is not None and not printer_available(kiosk.printer)
        self.print_button.setVisible(not wanted)
        for widget in (self.text_qr, self.text_qr_caption):
            widget.setVisible(wanted)
        if not wanted:
            self.text_qr.forget()
            return
        text = checklist_text(a, self.content)
        self.text_qr.set_maker(lambda: text_qr_image(text, TEXT_QR_PIXELS))
        caption = self.tr(
            "用手机扫一扫，把这份清单（材料、费用、去哪里办）存到手机上。"
            "里面没有姓名、出生日期和身份证号码。"
        )
        self.text_qr_caption.setText(caption)
        self.text_qr.setAccessibleName(caption)

    def _show(self, message: str) -> None:
        self.outcome.setText(message)
        self.outcome.setVisible(True)

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
