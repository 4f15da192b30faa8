"""Printing: silently through a real CUPS queue (cups-pdf), and its failures."""

import io
import os
import pwd
import shutil
import subprocess
import time
from pathlib import Path

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrintDialog

from gui.content import load_content
from gui.export.printing import print_silently, print_with_dialog
from tests.export_helpers import assessment

QUEUE = "IDGuidePDF"  # added by .ci/run as the default printer


def cups_pdf_ready():
    if shutil.which("lpstat") is None:
        return "CUPS is not installed"
    queues = subprocess.run(["lpstat", "-v"], capture_output=True, text=True, check=False)
    if f"{QUEUE}:" not in queues.stdout or "cups-pdf" not in queues.stdout:
        return f"no cups-pdf queue {QUEUE} (.ci/run adds it)"
    return None


@pytest.fixture
def cups_pdf():
    reason = cups_pdf_ready()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the CUPS test: {reason}")
        pytest.skip(reason)
    # cups-pdf writes to ~/PDF of the submitting user (from the password database)
    out = Path(pwd.getpwuid(os.getuid()).pw_dir) / "PDF"
    before = set(out.glob("*.pdf")) if out.exists() else set()
    return out, before


def wait_for_new_pdf(out, before, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        new = set(out.glob("*.pdf")) - before if out.exists() else set()
        for path in new:
            if path.stat().st_size and path.read_bytes().rstrip().endswith(b"%%EOF"):
                return path
        time.sleep(0.5)
    raise AssertionError(f"no job output appeared in {out}")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh_CN", ["身份证换领清单", "户口簿", "更换实名"]),
        ("en", ["ID card renewal checklist", "Household register", "95188"]),
    ],
)
def test_silent_print_reaches_cups(qapp, cups_pdf, lang, expected):
    from gui.fonts import load_fonts

    load_fonts()
    out, before = cups_pdf
    outcome = print_silently(assessment("expiry"), load_content(lang), QUEUE)
    assert outcome.ok, outcome.message
    job = wait_for_new_pdf(out, before)
    reader = pypdf.PdfReader(io.BytesIO(job.read_bytes()))
    assert 1 <= len(reader.pages) <= 3
    # the printed PDF's text runs may be joined by spaces, tabs or line breaks
    text = "".join("".join(page.extract_text() for page in reader.pages).split())
    for words in expected:
        assert "".join(words.split()) in text


def test_no_printer_gives_a_clear_message(qapp):
    outcome = print_silently(assessment("expiry"), load_content("zh_CN"), "NoSuchPrinter-xyz")
    assert not outcome.ok
    assert "没有找到打印机" in outcome.message


def test_cancelled_print_dialog_prints_nothing(qapp, qtbot, monkeypatch):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QPrintDialog.DialogCode.Rejected)
    assert print_with_dialog(parent, assessment("expiry"), load_content("en")) is None


def test_a_real_kiosk_session_prints_through_cups(qapp, cups_pdf):
    from tests.kiosk_helpers import make_kiosk, run_session

    out, before = cups_pdf
    wizard = make_kiosk(qapp, {"kiosk/printer": QUEUE, "site/name": "某某派出所户政窗口"})
    try:
        run_session(wizard)  # presses 打印清单 on the checklist page
        from gui.flow import PageId

        assert "已发送到打印机" in wizard.pages[PageId.CHECKLIST].outcome.text()
    finally:
        wizard.leave()
        wizard.deleteLater()
    job = wait_for_new_pdf(out, before)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(job.read_bytes())).pages)
    assert "身份证换领清单" in text.replace("\n", "")
    assert "某某派出所户政窗口" in text.replace("\n", "").replace(" ", "")


def last_job_attributes():
    ids = subprocess.run(
        ["lpstat", "-W", "all", "-o", QUEUE], capture_output=True, text=True, check=False
    ).stdout.split()
    numbers = [int(word.rsplit("-", 1)[1]) for word in ids if word.startswith(f"{QUEUE}-")]
    if not numbers:
        return ""
    return subprocess.run(
        ["ipptool", "-tv", f"ipp://localhost/jobs/{max(numbers)}", "get-job-attributes.test"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout


def test_kiosk_jobs_ask_cups_to_keep_no_copy(qapp, cups_pdf):
    if shutil.which("ipptool") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must check the job's options: install cups-ipp-utils")
        pytest.skip("install cups-ipp-utils (ipptool)")
    out, before = cups_pdf
    outcome = print_silently(assessment("expiry"), load_content("zh_CN"), QUEUE)
    assert outcome.ok, outcome.message
    wait_for_new_pdf(out, before)
    attributes = last_job_attributes()
    assert "job-retain-until (nameWithoutLanguage) = none" in attributes or (
        "job-retain-until (keyword) = none" in attributes
    ), attributes[-2000:]
