"""The desktop by keyboard alone: where the focus starts, Enter, arrows in radio groups,
confirmations in view, a small screen, and English words with English punctuation."""

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWizard

from gui.domain import Situation
from gui.flow import PageId
from gui.widgets import WrappingCheck, WrappingRadio
from tests.conftest import answer_situation, fill_card
from tests.test_touch_layout import build, rect_in_window, scroll_view_of, settle, walk_expired_case
from tests.test_wizard import tab_to

WrappingWords = (WrappingCheck, WrappingRadio)  # their words wrap: never cut off


def test_focus_starts_on_start_and_enter_starts(make_wizard):
    wizard = make_wizard()
    QApplication.processEvents()  # the welcome page puts the focus on 开始 once shown
    assert wizard.focusWidget() is wizard.button(QWizard.WizardButton.NextButton)
    QTest.keyClick(wizard.focusWidget(), Qt.Key.Key_Return)
    assert wizard.current_page() is PageId.CARD


def test_enter_on_an_incomplete_page_says_what_is_missing(make_wizard):
    wizard = make_wizard()
    wizard.next()
    card = wizard.pages[PageId.CARD]
    QTest.keyClick(wizard, Qt.Key.Key_Return)
    assert wizard.current_page() is PageId.CARD
    assert card.birth.problem.isVisible() and "出生日期" in card.birth.problem.text()


def test_arrow_keys_choose_in_a_radio_group(make_wizard):
    wizard = make_wizard()
    languages = wizard.pages[PageId.WELCOME].languages.buttons()
    chinese, english = languages
    tab_to(wizard, chinese)  # the group's checked choice is its place in the Tab order
    QTest.keyClick(chinese, Qt.Key.Key_Right)
    assert english.isChecked() and wizard.language == "en"
    QTest.keyClick(english, Qt.Key.Key_Left)
    assert chinese.isChecked() and wizard.language == "zh_CN"
    wizard.next()
    fill_card(wizard, "1980-05-01", "2006-05-01", "2026-05-01")
    wizard.next()
    page = wizard.pages[PageId.SITUATION]
    expiry = page.situations[Situation.EXPIRY]
    tab_to(wizard, expiry)
    QTest.keyClick(expiry, Qt.Key.Key_Space)
    QTest.keyClick(expiry, Qt.Key.Key_Down)  # moves and chooses, as in a browser
    assert wizard.session.draft.situation is Situation.RENEWED
    assert wizard.focusWidget() is page.situations[Situation.RENEWED]


def test_a_saved_file_is_confirmed_where_the_eye_is(make_wizard, monkeypatch, tmp_path):
    import gui.file_dialog

    wizard = make_wizard()
    wizard.resize(1024, 700)
    wizard.next()
    fill_card(wizard, "1980-05-01", "2006-05-01", "2026-05-01")
    wizard.next()
    answer_situation(wizard, Situation.EXPIRY)
    wizard.go_to(PageId.CHECKLIST)
    page = wizard.pages[PageId.CHECKLIST]
    monkeypatch.setattr(gui.file_dialog, "ask_save_path", lambda *_: Path(tmp_path / "a.pdf"))
    page.save_ics.click()
    settle()
    viewport = page.scroll_area.viewport()
    box = QRect(page.outcome.mapTo(viewport, page.outcome.rect().topLeft()), page.outcome.size())
    assert page.outcome.isVisible() and viewport.rect().contains(box), (box, viewport.rect())


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_1024_by_700_fits(qapp, qtbot, large):
    wizard = build(qapp, qtbot, "desktop", 1024, 700, large, "en")
    window = wizard.rect()

    def check(w):
        for widget in [*w.findChildren(QAbstractButton), *w.findChildren(QLabel)]:
            if not widget.isVisible() or not widget.text():
                continue
            where = (w.current_page(), widget.text()[:30])
            box = rect_in_window(widget, w)
            view = scroll_view_of(widget)
            if view is None:  # outside a page's scrolling: wholly on screen ("Start again")
                assert window.contains(box), (where, box)
            else:  # inside, only downwards
                shown = rect_in_window(view, w)
                assert shown.left() <= box.left() and box.right() <= shown.right(), where
            if isinstance(widget, QAbstractButton) and not isinstance(widget, WrappingWords):
                assert widget.sizeHint().width() <= widget.width() + 1, where  # not cut off

    walk_expired_case(wizard, check)
    restart = wizard.steps.restart
    restart.ask.click()  # 重新开始 asks first: its answers must fit too, whole and apart
    settle()
    for button in (restart.question, restart.yes, restart.no):
        assert window.contains(rect_in_window(button, wizard)), button.text()
        assert button.height() >= button.minimumSizeHint().height(), button.text()
        assert button.visibleRegion().boundingRect() == button.rect(), button.text()
    assert not rect_in_window(restart.yes, wizard).intersects(rect_in_window(restart.no, wizard))


def test_english_words_have_english_punctuation(make_wizard, page=PageId.CARD):
    wizard = make_wizard("en")
    wizard.next()
    fill_card(wizard, "1980-05-01", "2006-05-01", "2026-05-01")
    if page is not PageId.CARD:
        wizard.next()
        answer_situation(wizard, Situation.EXPIRY)
    if page is PageId.STATUS:
        wizard.next()
    shown = wizard.pages[page]
    if page is PageId.CARD:
        shown.birth.open("month")
    words = []
    for widget in [*shown.findChildren(QAbstractButton), *shown.findChildren(QLabel)]:
        if widget.isVisible():
            words += [widget.text(), widget.accessibleName()]
    bad = [w for w in words if "：" in w or "，" in w]
    assert not bad, bad


def test_placeholder_words_are_readable(make_wizard):
    from gui.style import MUTED

    wizard = make_wizard()
    wizard.next()
    typed = wizard.pages[PageId.CARD].birth.typed
    assert typed.placeholderText()
    colour = typed.palette().color(typed.palette().ColorRole.PlaceholderText)
    # opaque hint grey, 8.9:1 on the white field (Qt's own was half-transparent text, 3.2:1)
    assert (colour.name().upper(), colour.alpha()) == (MUTED.upper(), 255)
