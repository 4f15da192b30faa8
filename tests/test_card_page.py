"""The date pickers and the card page: one value looks chosen, no impossible years, and a
kiosk asks for nothing typed."""

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit

from gui.flow import PageId
from tests.conftest import d
from tests.test_touch_layout import build


def current(field):
    shown = [b for b in field.grid.buttons if b.isVisible()]
    return [b.text() for b in shown if b.property("current") == "true"]


def test_the_tapped_button_does_not_keep_a_ring_that_looks_chosen(make_wizard):
    wizard = make_wizard()
    wizard.next()
    birth = wizard.pages[PageId.CARD].birth
    birth.set_date(d("1980-05-20"))
    birth.open("month")
    march = birth.grid.findChild(type(birth.grid.buttons[0]), "choice_3")
    march.setFocus()
    march.click()  # the grid now shows days; the tapped button is re-texted to "3"
    assert birth.mode == "day" and current(birth) == ["20"]
    assert wizard.focusWidget().text() == "20"  # the focus ring sits on the chosen day


def decades(field):
    field.open("decade")
    return [b.objectName() for b in field.grid.buttons if b.isVisible()]


def test_no_decade_that_cannot_hold_an_answer(make_wizard):
    wizard = make_wizard()
    wizard.next()
    card = wizard.pages[PageId.CARD]
    card.birth.set_date(d("1980-05-01"))
    assert decades(card.start)[0] == "choice_1980"  # a card starts after its holder's birth
    card.start.set_date(d("2006-05-01"))
    assert decades(card.end) == ["choice_2000", "choice_2010", "choice_2020"]  # ≤ 20 years
    card.end.set_date(d("2026-05-01"))
    card.birth.set_date(d("2010-01-01"))  # a contradiction is reported, not silently dropped
    assert (
        card.start.selected_date() == d("2006-05-01") and not wizard.pages[PageId.CARD].isComplete()
    )


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
def test_a_kiosk_card_page_has_no_text_fields(qapp, qtbot, size):
    wizard = build(qapp, qtbot, "kiosk", *size, True)
    wizard.next()
    card = wizard.pages[PageId.CARD]
    assert [e.objectName() for e in card.findChildren(QLineEdit) if e.isVisible()] == []
    assert card.birth.panel.isVisible()  # the decades are there to tap instead
    wizard.leave()


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
def test_labels_and_values_do_not_touch(qapp, qtbot, size):
    from gui.domain import Situation
    from tests.conftest import answer_situation, fill_card

    wizard = build(qapp, qtbot, "kiosk", *size, True)
    wizard.next()
    fill_card(wizard, "1980-05-01", "2006-05-01", "2026-05-01")
    wizard.next()
    answer_situation(wizard, Situation.EXPIRY)
    wizard.next()
    QApplication.processEvents()
    gaps = []
    for name, value, _ in wizard.pages[PageId.STATUS].rows.rows:
        if name.isVisible():
            words = name.fontMetrics().horizontalAdvance(name.text())
            gap = value.geometry().left() - name.geometry().left() - words
            gaps.append(gap / name.fontMetrics().horizontalAdvance("一"))
    assert min(gaps) >= 1.4, gaps  # about a character and a half of the label, at least
    wizard.leave()


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_the_mismatch_warning_says_what_to_do(rules, locale):
    from datetime import date

    from gui import present
    from gui.content import load_content
    from gui.domain import Answers, Situation, assess

    # born 1980: 26 at a 2006 start, so a 20-year card; the end date chosen says 10 years
    answers = Answers(date(1980, 5, 1), date(2006, 5, 1), date(2016, 5, 1), Situation.EXPIRY)
    a = assess(answers, date(2026, 11, 29), rules)
    text = " ".join(present.warnings(a, load_content(locale)))
    look, fix, trust = {
        "zh_CN": ("国徽面", "改过来", "以证上印的为准"),
        "en": ("national emblem", "change it", "the date on the card is the one that counts"),
    }[locale]
    assert look in text and fix in text and trust in text, text


def test_a_near_trip_puts_travel_first_on_the_impact_page(qapp, qtbot):
    from gui.domain import Situation
    from tests.conftest import answer_situation, fill_card

    wizard = build(qapp, qtbot, "kiosk", 1920, 1080, True)
    wizard.next()
    fill_card(wizard, "1980-05-01", "2006-05-01", "2026-05-01")
    wizard.next()
    answer_situation(wizard, Situation.EXPIRY)
    wizard.pages[PageId.SITUATION].travel.click()
    wizard.next()
    wizard.next()
    assert wizard.current_page() is PageId.IMPACT
    text = wizard.pages[PageId.IMPACT].text.text()
    meanwhile = wizard.content.get("impacts.headings")["meanwhile"]
    assert text.index(meanwhile) < text.index("<h3>", 1), text[:200]  # the first section
    wizard.leave()
