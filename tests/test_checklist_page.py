"""The checklist page's actions: save the PDF and the reminder, print, show the QR."""

import io

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QFileDialog, QWizard

from gui.domain import Situation
from gui.flow import PageId
from tests.conftest import answer_situation, fill_card


def answer_dialog(monkeypatch, path):
    """The save dialog returns `path`; "" is a cancelled dialog."""
    monkeypatch.setattr(
        QFileDialog,
        "exec",
        lambda self: QFileDialog.DialogCode.Accepted if path else QFileDialog.DialogCode.Rejected,
    )
    monkeypatch.setattr(QFileDialog, "selectedFiles", lambda self: [str(path)] if path else [])


def open_checklist(make_wizard, locale="zh_CN"):
    wizard = make_wizard(locale)
    wizard.button(QWizard.WizardButton.NextButton).click()
    fill_card(wizard, "1980-05-01", "2006-05-01", "2026-05-01")
    wizard.pages[PageId.CARD].id_number.setText("110105198005010021")
    wizard.button(QWizard.WizardButton.NextButton).click()
    answer_situation(wizard, Situation.EXPIRY)
    while wizard.current_page() is not PageId.CHECKLIST:
        wizard.button(QWizard.WizardButton.NextButton).click()
    return wizard, wizard.pages[PageId.CHECKLIST]


def test_save_pdf_proposes_the_dated_name_and_writes_a_real_pdf(make_wizard, tmp_path, monkeypatch):
    _wizard, page = open_checklist(make_wizard)
    proposed = {}
    own_selection = QFileDialog.selectedFiles

    def run(dialog):  # what the person sees first, then their choice
        proposed["name"] = own_selection(dialog)[0]
        proposed["labels"] = [dialog.labelText(label) for label in QFileDialog.DialogLabel]
        monkeypatch.setattr(QFileDialog, "selectedFiles", lambda self: [str(tmp_path / "清单.pdf")])
        return QFileDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "exec", run)
    page.save_pdf.click()
    assert proposed["name"].endswith("身份证换领清单-2026-11-29.pdf")
    assert "文件类型：" in proposed["labels"] and "位置：" in proposed["labels"]
    reader = pypdf.PdfReader(io.BytesIO((tmp_path / "清单.pdf").read_bytes()))
    text = "".join(p.extract_text() for p in reader.pages)
    assert "身份证换领清单" in text and "110105198005010021" not in text
    assert page.outcome.isVisible() and "已保存" in page.outcome.text()


def test_save_into_a_vanished_folder_explains_and_keeps_the_page(
    make_wizard, tmp_path, monkeypatch
):
    wizard, page = open_checklist(make_wizard, "en")
    answer_dialog(monkeypatch, tmp_path / "USB" / "x.pdf")
    page.save_pdf.click()
    assert "folder no longer exists" in page.outcome.text()
    assert wizard.current_page() is PageId.CHECKLIST


def test_save_reminder(make_wizard, tmp_path, monkeypatch):
    _wizard, page = open_checklist(make_wizard)
    answer_dialog(monkeypatch, tmp_path / "r.ics")
    page.save_ics.click()
    assert b"BEGIN:VEVENT" in (tmp_path / "r.ics").read_bytes()


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_qr_and_cancelled_dialogs(make_wizard, monkeypatch, locale):
    _wizard, page = open_checklist(make_wizard, locale)
    assert page.qr.isVisible()
    assert page.qr.pixmap().isNull()  # below the fold: not encoded until it is seen
    page.scroll_area.ensureWidgetVisible(page.qr)
    QApplication.processEvents()
    assert not page.qr.pixmap().isNull()
    answer_dialog(monkeypatch, "")
    page.save_pdf.click()
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QPrintDialog.DialogCode.Rejected)
    page.print_button.click()
    assert not page.outcome.isVisible()  # cancelling is not an error
