"""A kiosk without a printer says so and hands over the whole sheet as QR codes.

The codes are read back with a QR reader library (zxing-cpp, a self-contained wheel: no
system library, so a fresh CI venv has it; pyzbar would need libzbar0 from apt), from the
page's own pixels after blurring them to what an old phone sees at arm's length.
"""

from datetime import date

import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from gui import present
from gui.checklist_qr import CODE_BYTES, MODULE_PX, modules, sheet_text, split_text
from gui.content import load_content
from gui.domain import Answers, Situation, assess
from gui.flow import PageId
from tests.kiosk_helpers import CANARY_FORMS, make_kiosk, next_page, run_session

BIRTH = date(1980, 5, 1)
SITE = ("某某区公安分局户政服务中心", "某某路 1 号一楼", "周一至周五 9:00–12:00", "010-12345678")
NO_PRINTER = {
    "kiosk/printer": "NoSuchPrinter-xyz",
    "site/name": SITE[0],
    "site/address": SITE[1],
    "site/hours": SITE[2],
    "site/phone": SITE[3],
}
# An old phone (2 megapixels, 1600 px across a 65° view) at 50 cm from a 24-inch 1080p
# screen sees 0.69 camera pixels per screen pixel: a 4 px module is 2.8 camera pixels.
CAMERA_PX_PER_MODULE = 2.8


def assessed(rules, situation=Situation.EXPIRY, away=False, travel=True):
    answers = Answers(
        BIRTH, date(2006, 5, 1), date(2026, 5, 1), situation, away, travel_soon=travel
    )
    return assess(answers, date(2026, 11, 29), rules)


def as_a_phone_sees_it(image: QImage) -> list[str]:
    """`image` (MODULE_PX px a module) shrunk to the camera's pixels and blurred, decoded."""
    side = round(image.width() * CAMERA_PX_PER_MODULE / MODULE_PX)
    seen = image.scaled(side, side, mode=Qt.TransformationMode.SmoothTransformation)
    seen = seen.scaled(
        side * 2 // 3, side * 2 // 3, mode=Qt.TransformationMode.SmoothTransformation
    )
    seen = seen.scaled(side, side, mode=Qt.TransformationMode.SmoothTransformation)  # blur
    grey = seen.convertToFormat(QImage.Format.Format_Grayscale8)
    rows = bytes(grey.constBits())[: grey.bytesPerLine() * grey.height()]
    pixels = memoryview(rows).cast("B", (grey.height(), grey.bytesPerLine()))
    return [found.text for found in zxingcpp.read_barcodes(pixels)]


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_the_text_is_the_whole_sheet_and_nothing_personal(rules, locale):
    content = load_content(locale)
    for situation, away in ((Situation.EXPIRY, False), (Situation.LOST, True)):
        a = assessed(rules, situation, away)
        text = sheet_text(a, content, SITE)
        for item in present.materials(a, content):
            assert item in text
        assert present.fee_text(a, content) in text
        assert content.text(f"checklist.where.{'away' if away else 'home'}") in text
        travel = present.travel_section(a, content)
        assert travel is not None and all(item in text for item in travel.items)
        assert present.next_step(a, content) in text
        assert all(line in text for line in SITE)
        assert present.alipay_notes(a, content)["do_not_switch"] in text
        assert not [form for form in CANARY_FORMS if form in text]
        assert present.format_date(BIRTH, content) not in text and "1980" not in text


def test_long_text_is_split_at_line_ends_within_the_limit(rules):
    text = sheet_text(assessed(rules), load_content("en"), SITE)
    parts = split_text(text)
    assert len(text.encode()) > CODE_BYTES and len(parts) > 1
    assert all(len(part.encode()) <= CODE_BYTES for part in parts)
    assert parts[0].startswith(f"(1/{len(parts)})\n")
    joined = "\n".join(part.split("\n", 1)[1] for part in parts)
    assert joined == text  # nothing lost or doubled at the cuts
    assert split_text("short") == ["short"]


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_kiosk_without_a_printer_says_so_and_its_codes_scan(qapp, qtbot, rules, size, locale):
    wizard = make_kiosk(qapp, NO_PRINTER | {"kiosk/language": locale})
    qtbot.addWidget(wizard)
    wizard.resize(*size)
    run_session(wizard, print_it=False)
    wizard.go_to(PageId.CHECKLIST)
    page = wizard.pages[PageId.CHECKLIST]
    assert not page.print_button.isVisible()
    # said plainly, first on the page, with the site's own name for "ask at the counter"
    assert page.no_printer.isVisible() and SITE[0] in page.no_printer.text()
    assert page.body.indexOf(page.take_away) == 1
    a = wizard.session.assessment()
    expected = split_text(sheet_text(a, wizard.content, SITE))
    codes = [picture for picture in page.text_qrs if picture.isVisible()]
    assert len(codes) == len(expected) <= 2
    viewport = page.scroll_area.viewport()
    decoded = []
    for picture, text in zip(codes, expected, strict=True):
        assert picture.width() >= modules(text) * 4  # ≥ 4 px a module on screen
        assert picture.height() <= viewport.height()  # one look takes the whole code
        page.scroll_area.ensureWidgetVisible(picture)
        QApplication.processEvents()
        decoded += as_a_phone_sees_it(picture.grab().toImage())
    assert decoded == expected
    # the limit: the largest code allowed still fits one look
    assert modules("x" * CODE_BYTES) * MODULE_PX <= viewport.height()
    next_page(wizard)
    wizard.start_again()
    assert all(picture.pixmap().isNull() for picture in page.text_qrs)  # nothing inherited
    wizard.leave()


def test_desktop_never_shows_the_checklist_code(make_wizard):
    from tests.conftest import answer_situation, fill_card

    wizard = make_wizard()
    wizard.next()
    fill_card(wizard, "1980-05-01", "2006-05-01", "2026-05-01")
    wizard.next()
    answer_situation(wizard, Situation.EXPIRY)
    wizard.go_to(PageId.CHECKLIST)
    page = wizard.pages[PageId.CHECKLIST]
    assert not any(p.isVisible() for p in page.text_qrs) and page.print_button.isVisible()
    assert not page.no_printer.isVisible()
