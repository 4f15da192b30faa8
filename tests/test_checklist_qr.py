"""A kiosk without a printer hands over the checklist as a QR code: nothing personal in it."""

from datetime import date

from PySide6.QtWidgets import QApplication

from gui import present
from gui.checklist_qr import checklist_text, text_qr_image
from gui.content import load_content
from gui.domain import Answers, Situation, assess
from gui.flow import PageId
from tests.kiosk_helpers import CANARY_FORMS, make_kiosk, next_page, run_session

BIRTH = date(1980, 5, 1)


def expired(rules, situation=Situation.EXPIRY, away=False):
    answers = Answers(BIRTH, date(2006, 5, 1), date(2026, 5, 1), situation, away)
    return assess(answers, date(2026, 11, 29), rules)


def test_the_text_carries_materials_fee_and_place_and_nothing_personal(rules):
    for locale in ("zh_CN", "en"):
        content = load_content(locale)
        for situation, away in ((Situation.EXPIRY, False), (Situation.LOST, True)):
            a = expired(rules, situation, away)
            text = checklist_text(a, content)
            for item in present.materials(a, content):
                assert item in text
            assert present.fee_text(a, content) in text
            place = "away" if away else "home"
            assert content.text(f"checklist.where.{place}") in text
            assert not [form for form in CANARY_FORMS if form in text]
            assert present.format_date(BIRTH, content) not in text
            assert "1980" not in text


def test_the_code_is_a_square_image_of_whole_modules(rules):
    text = checklist_text(expired(rules), load_content("zh_CN"))
    image = text_qr_image(text, 300)
    assert image.width() == image.height() >= 200
    corner = {image.pixelColor(x, y).lightness() for x in range(8) for y in range(8)}
    assert corner == {255}  # the quiet zone is white


def test_kiosk_without_a_printer_shows_the_checklist_code(qapp, qtbot):
    wizard = make_kiosk(qapp, {"kiosk/printer": "NoSuchPrinter-xyz"})
    qtbot.addWidget(wizard)
    run_session(wizard, print_it=False)
    wizard.go_to(PageId.CHECKLIST)
    page = wizard.pages[PageId.CHECKLIST]
    assert wizard.current_page() is PageId.CHECKLIST
    assert page.text_qr.isVisible()
    page.scroll.ensureWidgetVisible(page.text_qr)
    QApplication.processEvents()
    assert not page.text_qr.pixmap().isNull()
    assert not page.print_button.isVisible()
    assert "身份证号码" in page.text_qr_caption.text()
    next_page(wizard)
    wizard.start_again()
    assert page.text_qr.pixmap().isNull()  # the next person does not inherit it
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
    assert not page.text_qr.isVisible() and page.print_button.isVisible()
