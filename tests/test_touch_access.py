"""Screen readers, the wheel and the disabled 下一步: what the issue's done-when asks."""

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAccessible, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QScroller,
    QWizard,
)

from gui.date_picker import parse_typed
from gui.domain import Situation
from gui.flow import PageId
from tests.conftest import answer_situation, d, fill_card
from tests.test_touch_layout import build, walk_expired_case

FIELD_NAMES = {
    "zh_CN": ("出生日期", "起始日期", "截止日期"),
    "en": ("Birth date", "start date", "end date"),
}


def accessible_name(widget):
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface else ""


def controls(wizard):
    kinds = (QAbstractButton, QLineEdit)
    return [w for kind in kinds for w in wizard.findChildren(kind) if w.isVisible()]


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_every_control_is_named_for_its_field(make_wizard, locale):
    wizard = make_wizard(locale)
    checked = []

    def check(w):
        for widget in controls(w):
            name = accessible_name(widget).strip()
            where = (w.current_page(), widget.objectName(), name)
            assert name, where
            assert not name.replace("年", "").replace("月", "").replace("日", "").isdigit(), (
                where
            )  # a bare value ("1980", "5月") says nothing about the field
            assert not any(mark in name for mark in ("(&", "<", ">", "(N)", "(B)")), where
        if w.current_page() is PageId.CARD:
            card = w.pages[PageId.CARD]
            for field, word in zip(card.fields, FIELD_NAMES[locale], strict=True):
                for button in (*field.part_buttons.values(), field.typed):
                    assert word in accessible_name(button), accessible_name(button)
            for button in card.birth.grid.buttons:
                if button.isVisible():
                    assert FIELD_NAMES[locale][0] in accessible_name(button)
        checked.append(w.current_page())

    walk_expired_case(wizard, check)
    assert PageId.SUMMARY in checked


def test_a_result_page_opens_on_its_verdict(make_wizard, qtbot):
    wizard = make_wizard()
    wizard.next()
    fill_card(wizard, "1980-05-01", "2006-05-01", "2026-05-01")
    wizard.next()
    answer_situation(wizard, Situation.EXPIRY)
    wizard.next()
    assert wizard.current_page() is PageId.STATUS
    page = wizard.pages[PageId.STATUS]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.verdict)
    assert "现在就可以去换领" in accessible_name(page.verdict)


def test_a_date_error_is_shown_and_named(make_wizard):
    wizard = make_wizard()
    wizard.next()
    birth = wizard.pages[PageId.CARD].birth
    birth.typed.setFocus()
    QTest.keyClicks(birth.typed, "1980-13-45")
    QTest.keyClick(birth.typed, Qt.Key.Key_Return)
    assert birth.problem.isVisible()
    assert "1965-08-23" in birth.problem.text()
    assert accessible_name(birth.problem) == birth.problem.text()
    assert birth.selected_date() is None


def test_typed_dates_in_every_form():
    for text in (
        "1980-05-01",
        "19800501",
        "1980.5.1",
        "1980/05/01",
        "1980年5月1日",
        " １９８０－０５－０１ ",
    ):
        assert parse_typed(text) == date(1980, 5, 1), text
    for text in ("1980-02-30", "198051", "May 1980", "", "1980-5"):
        assert parse_typed(text) is None, text


def test_any_date_in_four_taps_and_1950_in_two(make_wizard):
    wizard = make_wizard()
    wizard.next()
    card = wizard.pages[PageId.CARD]
    taps = 0

    def tap(value):
        nonlocal taps
        button = next(
            b
            for b in card.birth.grid.buttons
            if b.isVisible() and b.objectName() == f"choice_{value}"
        )
        button.click()
        taps += 1

    assert card.birth.mode == "decade"  # the page opens on the first empty date
    tap(1950)
    tap(1950)
    assert taps == 2 and card.birth.part_buttons["year"].text() == "1950年"
    tap(2)
    assert [b.text() for b in card.birth.grid.buttons if b.isVisible()][-1] == "28"
    tap(28)
    assert taps == 4 and card.birth.selected_date() == date(1950, 2, 28)
    assert card.start.mode == "decade"  # on to the next date: again 4 taps


def test_wheel_over_an_unfocused_date_changes_nothing(make_wizard):
    wizard = make_wizard()
    wizard.resize(1366, 768)
    wizard.next()
    card = wizard.pages[PageId.CARD]
    card.end.set_date(d("2026-05-01"))
    QApplication.processEvents()
    card.id_number.setFocus()
    for target in (card.end.part_buttons["day"], card.end.typed, card.birth.grid.buttons[0]):
        centre = QPointF(target.rect().center())
        for delta in (-120, -120, 120, -120):
            event = QWheelEvent(
                centre,
                QPointF(target.mapToGlobal(centre.toPoint())),
                QPoint(0, 0),
                QPoint(0, delta),
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
                Qt.ScrollPhase.NoScrollPhase,
                False,
            )
            QApplication.sendEvent(target, event)
        assert card.end.selected_date() == d("2026-05-01")


@pytest.mark.parametrize("kind", ["kiosk", "desktop"])
def test_tapping_a_disabled_next_says_what_is_missing(qapp, qtbot, kind):
    wizard = build(qapp, qtbot, kind, 1366, 768, False)
    wizard.next()
    card = wizard.pages[PageId.CARD]
    card.birth.set_date(d("1980-05-01"))
    next_button = (
        card.bar.next if kind == "kiosk" else wizard.button(QWizard.WizardButton.NextButton)
    )
    assert not next_button.isEnabled() and next_button.isVisible()
    assert not card.start.problem.isVisible()
    QTest.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert wizard.current_page() is PageId.CARD
    assert card.start.problem.isVisible() and card.end.problem.isVisible()
    assert "起始日期" in card.start.problem.text() and "年" in card.start.problem.text()
    assert not card.birth.problem.isVisible()  # the birth date is complete
    # next to the field: directly under its buttons
    assert card.start.problem.parentWidget() is card.start
    if kind == "kiosk":
        wizard.leave()


def test_tapping_next_before_the_situation_is_answered(qapp, qtbot):
    wizard = build(qapp, qtbot, "kiosk", 1080, 1920, True)
    wizard.next()
    fill_card(wizard, "1980-05-01", "2006-05-01", "2026-05-01")
    wizard.next()
    page = wizard.pages[PageId.SITUATION]
    QTest.mouseClick(page.bar.next, Qt.MouseButton.LeftButton)
    assert page.missing.isVisible() and "发生了什么" in page.missing.text()
    choice = page.situations[Situation.EXPIRY]
    choice.setFocus()
    QTest.mouseClick(  # the words, at the far end of the line, are part of the target
        choice, Qt.MouseButton.LeftButton, pos=QPoint(choice.width() - 10, choice.height() // 2)
    )
    assert page.situations[Situation.EXPIRY].isChecked()
    QTest.mouseClick(page.bar.next, Qt.MouseButton.LeftButton)
    assert "在哪里办" in page.missing.text()
    assert page.body.indexOf(page.missing) == page.body.indexOf(page.where_label) + 1
    page.home.click()
    assert not page.missing.isVisible() and page.bar.next.isEnabled()
    wizard.leave()


def test_restart_asks_inline_and_sits_away_from_the_navigation(qapp, qtbot):
    wizard = build(qapp, qtbot, "kiosk", 1920, 1080, False)
    restart = wizard.steps.restart
    assert not restart.isVisible()  # not beside 开始 on the welcome page
    wizard.next()
    wizard.pages[PageId.CARD].birth.set_date(d("1980-05-01"))
    assert restart.ask.isVisible()
    restart.ask.click()
    assert restart.question.isVisible() and wizard.current_page() is PageId.CARD
    restart.no.click()
    assert wizard.session.draft.birth == d("1980-05-01")
    restart.ask.click()
    restart.yes.click()
    assert wizard.current_page() is PageId.WELCOME and wizard.session.draft.birth is None
    wizard.leave()


def test_tab_reaches_the_content_before_the_step_list(make_wizard):
    wizard = make_wizard()
    wizard.next()
    card = wizard.pages[PageId.CARD]
    chain, widget = [], wizard.nextInFocusChain()
    while widget is not wizard:
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    steps = [i for i, w in enumerate(chain) if w.property("role") == "step"]
    content = [
        chain.index(w)
        for w in (card.birth.part_buttons["year"], *card.birth.grid.buttons[:13], card.id_number)
    ]
    assert max(content) < min(steps), [w.objectName() for w in chain]


def test_buttons_carry_no_shortcut_marks_for_screen_readers(make_wizard):
    wizard = make_wizard()
    wizard.next()
    for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton):
        name = accessible_name(wizard.button(which))
        assert name in ("上一步", "下一步"), name


def test_kiosk_bar_is_large_and_plain(qapp, qtbot):
    wizard = build(qapp, qtbot, "kiosk", 1920, 1080, False)
    wizard.next()
    bar = wizard.pages[PageId.CARD].bar
    for button in (bar.back, bar.next):
        assert button.height() >= 64
        assert "(" not in button.text() and "<" not in button.text() and ">" not in button.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isVisible()
    assert isinstance(bar.next, QPushButton)
    wizard.leave()


def flick(viewport, start, end, steps=12):
    """A finger's press, moves and release, fed to the viewport's scroller the way Qt's
    flick gesture feeds it (offscreen, Qt cannot find the widget under a gesture)."""
    scroller = QScroller.scroller(viewport)
    Input = QScroller.Input
    scroller.handleInput(Input.InputPress, start, 0)
    for i in range(1, steps + 1):
        scroller.handleInput(Input.InputMove, start + (end - start) * i / steps, i * 15)
    scroller.handleInput(Input.InputRelease, end, (steps + 1) * 15)


def test_a_finger_drag_scrolls_every_page_that_scrolls(qapp, qtbot):
    wizard = build(qapp, qtbot, "kiosk", 1080, 1920, True)
    scrolled = []

    def check(w):
        page = w.pages[w.current_page()]
        bar = page.scroll_area.verticalScrollBar()
        if bar.maximum() == 0:
            return
        bar.setValue(0)
        viewport = page.scroll_area.viewport()
        # the gesture the kiosk's touch screen (a mouse to Qt) drives, set up on this page
        assert QScroller.hasScroller(viewport), w.current_page()
        x = viewport.width() / 2
        flick(viewport, QPointF(x, viewport.height() * 0.75), QPointF(x, viewport.height() * 0.25))
        qtbot.waitUntil(lambda: bar.value() > 0, timeout=3000)
        scrolled.append(w.current_page())

    walk_expired_case(wizard, check)
    assert PageId.ALIPAY in scrolled and PageId.CHECKLIST in scrolled, scrolled
    wizard.leave()


@pytest.mark.parametrize(
    ("kind", "width", "height"), [("kiosk", 1080, 1920), ("desktop", 1366, 768)]
)
def test_phone_drawings_are_drawn_described_and_readable(qapp, qtbot, kind, width, height):
    from PySide6.QtGui import QFontInfo, QImage

    from gui.pages.alipay import TEXT_PX_PER_UNIT, VIEWBOX

    wizard = build(qapp, qtbot, kind, width, height, large=False)
    wizard.next()
    fill_card(wizard, "1980-05-01", "2006-05-01", "2026-05-01")
    wizard.next()
    answer_situation(wizard, Situation.EXPIRY)
    while wizard.current_page() is not PageId.ALIPAY:
        wizard.next()
    page = wizard.pages[PageId.ALIPAY]
    drawings = page.findChildren(QLabel, "alipay_drawing")
    assert len(drawings) >= 6
    for drawing in drawings:
        assert drawing.accessibleName().startswith(("示意图：", "Drawing: "))
        assert drawing.accessibleDescription()
        assert drawing.size() == page.image_size()
        image = drawing.pixmap().toImage().convertToFormat(QImage.Format.Format_ARGB32)
        assert image.deviceIndependentSize().toSize() == drawing.size()
        inked = sum(
            1
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
            if image.pixelColor(x, y).alpha() > 0
        )
        assert inked > 0.3 * (image.width() // 7) * (image.height() // 7)  # not blank
    # the drawings' smallest labels are 14 units: ≥ 14 px on screen, larger with the text
    scale = drawings[0].height() / VIEWBOX.height()
    assert scale >= 1
    if kind == "kiosk":
        assert scale == QFontInfo(page.font()).pixelSize() / TEXT_PX_PER_UNIT > 1
        wizard.leave()
