"""The wizard as a person uses it: every situation, both languages, Back, Change, keyboard."""

import html

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QWizard

from gui import present
from gui.domain import Situation
from gui.flow import PageId
from tests.conftest import answer_situation, d, fill_card

EXPIRED = ("1980-05-01", "2006-05-01", "2026-05-01")


def go_next(wizard):
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Next is disabled on {wizard.current_page()}"
    button.click()


def check_page_text(wizard):
    """The page on screen says what the session's Assessment says."""
    page, a = wizard.current_page(), wizard.session.assessment()
    content = wizard.content
    shown = wizard.pages[page]
    if page is PageId.STATUS:
        assert shown.banner.words.text() == present.headline(a, content)[1]
        values = [w.text() for w in shown.rows.findChildren(type(shown.banner.words))]
        for _, value in present.status_rows(a, content):
            assert value in values
    elif page is PageId.IMPACT:
        text = shown.text.text()
        for section in present.impact_sections(a, content):
            assert all(html.escape(item) in text for item in section.items)
    elif page is PageId.ALIPAY:
        assert "更换实名" in shown.warning.text()
        shown_text = "".join(w.text() for w in shown.findChildren(type(shown.intro)))
        assert all(
            html.escape(s.text) in shown_text  # the step labels are rich text
            for s in present.alipay_steps(content)
        )
    elif page is PageId.CHECKLIST:
        text = shown.text.text()
        assert all(html.escape(m) in text for m in present.materials(a, content))
        assert (a.temp_id is not None) == (content.get("checklist.headings")["temp_id"] in text)
    elif page is PageId.SUMMARY:
        assert shown.banner.words.text() == present.headline(a, content)[1]


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
@pytest.mark.parametrize("situation", list(Situation))
def test_whole_flow_for_each_situation(make_wizard, locale, situation):
    wizard = make_wizard(locale)
    go_next(wizard)
    fill_card(wizard, *EXPIRED)
    go_next(wizard)
    answer_situation(wizard, situation, away=situation is Situation.LOST)
    expected_route = wizard.session.route()
    seen = [PageId.WELCOME, PageId.CARD, PageId.SITUATION]
    while wizard.current_page() is not PageId.SUMMARY:
        go_next(wizard)
        seen.append(wizard.current_page())
        check_page_text(wizard)
    assert seen == expected_route
    if situation is Situation.RENEWED:
        assert seen == [
            PageId.WELCOME,
            PageId.CARD,
            PageId.SITUATION,
            PageId.ALIPAY,
            PageId.SUMMARY,
        ]
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()


def test_long_term_card_skips_the_checklist(make_wizard):
    wizard = make_wizard()
    go_next(wizard)
    fill_card(wizard, "1950-01-01", "2005-01-01", None)
    go_next(wizard)
    answer_situation(wizard, Situation.EXPIRY)
    go_next(wizard)
    assert "长期" in wizard.pages[PageId.STATUS].banner.words.text()
    pages = []
    while wizard.current_page() is not PageId.SUMMARY:
        go_next(wizard)
        pages.append(wizard.current_page())
    assert pages == [PageId.IMPACT, PageId.ALIPAY, PageId.SUMMARY]


def test_next_stays_disabled_until_the_card_is_valid(make_wizard):
    wizard = make_wizard()
    go_next(wizard)
    card = wizard.pages[PageId.CARD]
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    card.birth.set_date(d("1980-05-01"))
    card.start.set_date(d("2006-05-01"))
    assert not next_button.isEnabled()  # no end date and not long-term
    card.end.set_date(d("2006-04-01"))
    assert not next_button.isEnabled()
    assert card.error.isVisible()
    assert "截止日期应该晚于起始日期" in card.error.text()
    card.end.set_date(d("2026-05-01"))
    assert next_button.isEnabled()
    assert not card.error.isVisible()


def test_long_term_disables_the_end_date(make_wizard):
    wizard = make_wizard()
    go_next(wizard)
    card = wizard.pages[PageId.CARD]
    card.long_term.setChecked(True)
    assert not card.end.isEnabled()
    card.long_term.setChecked(False)
    assert card.end.isEnabled()


def test_id_number_fills_the_birth_date_and_is_masked(make_wizard, qtbot):
    wizard = make_wizard()
    go_next(wizard)
    card = wizard.pages[PageId.CARD]
    card.id_number.setFocus()
    QTest.keyClicks(card.id_number, "11010519491231002x")
    assert card.birth.selected_date() == d("1949-12-31")
    assert "1101**********002X" in card.id_recognised.text()
    card.start.set_date(d("2000-01-01"))
    card.long_term.setChecked(True)
    card.start.setFocus()  # leaving the field masks it
    assert card.id_number.echoMode() == card.id_number.EchoMode.PasswordEchoOnEdit
    go_next(wizard)
    answer_situation(wizard, Situation.EXPIRY)
    while wizard.current_page() is not PageId.SUMMARY:
        go_next(wizard)
    texts = [w.text() for w in wizard.findChildren(type(card.hint)) if w.isVisible()]
    assert any("1101**********002X" in t for t in texts)
    assert not any("19491231" in t for t in texts)


def test_id_number_that_contradicts_the_birth_date(make_wizard):
    wizard = make_wizard()
    go_next(wizard)
    fill_card(wizard, *EXPIRED)
    card = wizard.pages[PageId.CARD]
    QTest.keyClicks(card.id_number, "110105198005010029")  # wrong check character
    assert "校验码" in card.error.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    card.id_number.setText("")
    card.id_number.textEdited.emit("")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_back_never_loses_typed_input(make_wizard):
    wizard = make_wizard()
    go_next(wizard)
    fill_card(wizard, *EXPIRED)
    go_next(wizard)
    answer_situation(wizard, Situation.DAMAGED, away=True)
    go_next(wizard)
    wizard.back()
    wizard.back()
    card = wizard.pages[PageId.CARD]
    assert (card.birth.selected_date(), card.end.selected_date()) == (
        d("1980-05-01"),
        d("2026-05-01"),
    )
    go_next(wizard)
    situation = wizard.pages[PageId.SITUATION]
    assert situation.situations[Situation.DAMAGED].isChecked()
    assert situation.away.isChecked()


def test_change_jumps_there_and_back_and_clears_dependents(make_wizard):
    wizard = make_wizard()
    go_next(wizard)
    fill_card(wizard, *EXPIRED)
    go_next(wizard)
    answer_situation(wizard, Situation.LOST, away=True)
    while wizard.current_page() is not PageId.SUMMARY:
        go_next(wizard)
    summary = wizard.pages[PageId.SUMMARY]
    summary.findChild(
        type(wizard.button(QWizard.WizardButton.NextButton)), "change_situation"
    ).click()
    assert wizard.current_page() is PageId.SITUATION
    page = wizard.pages[PageId.SITUATION]
    page.situations[Situation.EXPIRY].click()
    assert not page.away.isChecked() and not page.home.isChecked()  # cleared, asked again
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.home.click()
    go_next(wizard)
    assert wizard.current_page() is PageId.SUMMARY  # straight back
    assert wizard.session.assessment().case.value == "expiry"
    # Change on the card page also returns to the summary
    summary.findChild(type(wizard.button(QWizard.WizardButton.NextButton)), "change_end").click()
    assert wizard.current_page() is PageId.CARD
    wizard.pages[PageId.CARD].end.set_date(d("2027-01-10"))
    go_next(wizard)
    assert wizard.current_page() is PageId.SUMMARY
    assert wizard.session.assessment().status.value == "renewable"


def test_step_list_shows_progress_and_jumps_back(make_wizard):
    wizard = make_wizard()
    go_next(wizard)
    fill_card(wizard, *EXPIRED)
    go_next(wizard)
    answer_situation(wizard, Situation.EXPIRY)
    go_next(wizard)
    steps = wizard.steps
    assert steps.position.text() == "第 4 步，共 8 步"
    assert steps.buttons[PageId.SUMMARY].isEnabled()  # every question answered
    steps.buttons[PageId.SUMMARY].click()
    assert wizard.current_page() is PageId.SUMMARY
    steps.buttons[PageId.CARD].click()
    assert wizard.current_page() is PageId.CARD
    assert wizard.pages[PageId.CARD].birth.selected_date() == d("1980-05-01")


def test_switching_language_mid_flow_keeps_answers(make_wizard):
    wizard = make_wizard("zh_CN")
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    go_next(wizard)
    assert "下一步" in next_button.text()  # Qt's own qtbase_zh_CN catalogue
    fill_card(wizard, *EXPIRED)
    go_next(wizard)
    answer_situation(wizard, Situation.EXPIRY)
    go_next(wizard)
    banner = wizard.pages[PageId.STATUS].banner
    assert banner.words.text() == "证件已过期 212 天"
    wizard.set_locale("en")
    assert banner.words.text() == "Your card expired 212 days ago"
    assert "Next" in next_button.text()
    assert wizard.pages[PageId.STATUS].title() == "Where your card stands"
    assert wizard.steps.position.text() == "Step 4 of 8"
    wizard.back()
    wizard.back()
    assert wizard.pages[PageId.CARD].birth.selected_date() == d("1980-05-01")
    assert wizard.pages[PageId.CARD].birth.part_buttons["month"].text() == "May"
    wizard.set_locale("zh_CN")
    assert wizard.pages[PageId.CARD].title() == "您的身份证"


def test_start_again_wipes_every_answer(make_wizard):
    wizard = make_wizard()
    go_next(wizard)
    QTest.keyClicks(wizard.pages[PageId.CARD].id_number, "11010519491231002X")
    fill_card(wizard, "1949-12-31", "2000-01-01", None)
    go_next(wizard)
    answer_situation(wizard, Situation.LOST)
    restart(wizard)
    assert wizard.current_page() is PageId.WELCOME
    card = wizard.pages[PageId.CARD]
    assert card.birth.selected_date() is None and card.id_number.text() == ""
    assert wizard.session.draft.id_number == "" and wizard.session.draft.situation is None
    card.id_number.undo()
    assert card.id_number.text() == ""  # nothing to bring back with Ctrl+Z


def test_start_again_after_a_long_term_card(make_wizard):
    # found by the kiosk state machine: showing the empty draft wrote the old tick back
    wizard = make_wizard()
    go_next(wizard)
    wizard.pages[PageId.CARD].long_term.click()
    QTest.keyClicks(wizard.pages[PageId.CARD].id_number, "110105198005010021")
    restart(wizard)
    assert not wizard.session.draft.long_term
    assert not wizard.pages[PageId.CARD].long_term.isChecked()


def restart(wizard):
    """重新开始, then the inline "yes"."""
    wizard.steps.restart.ask.click()
    assert wizard.steps.restart.question.isVisible()
    wizard.steps.restart.yes.click()


def tap_date(field, year, month=None, day=None):
    """Tap decade, year, month, day in the field's grids, as a finger would."""
    field.part_buttons["year"].click()
    for value in (year // 10 * 10, year, month, day):
        if value is not None:
            field.grid.findChild(QPushButton, f"choice_{value}").click()


def tab_to(wizard, widget, limit=80):
    """Press Tab until `widget` has focus (keyboard only: no clicks, no setFocus)."""
    for _ in range(limit):
        if wizard.focusWidget() is widget:
            return
        QTest.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget.objectName()}")


def press_next(wizard):
    button = wizard.button(QWizard.WizardButton.NextButton)
    tab_to(wizard, button)
    QTest.keyClick(button, Qt.Key.Key_Space)


def test_whole_flow_by_keyboard_alone(make_wizard):
    wizard = make_wizard()
    wizard.activateWindow()
    press_next(wizard)
    card = wizard.pages[PageId.CARD]
    for field, typed in (
        (card.birth, "1980-05-01"),
        (card.start, "20060501"),
        (card.end, "2026.5.1"),
    ):
        tab_to(wizard, field.typed)
        QTest.keyClicks(field.typed, typed)
    assert card.end.selected_date() == d("2026-05-01"), card.end.selected_date()
    press_next(wizard)
    situation = wizard.pages[PageId.SITUATION]
    tab_to(wizard, situation.situations[Situation.EXPIRY])
    QTest.keyClick(situation.situations[Situation.EXPIRY], Qt.Key.Key_Space)
    tab_to(wizard, situation.home)
    QTest.keyClick(situation.home, Qt.Key.Key_Space)
    while wizard.current_page() is not PageId.SUMMARY:
        press_next(wizard)
    assert wizard.session.assessment().status.value == "expired"
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    tab_to(wizard, finish)
    QTest.keyClick(finish, Qt.Key.Key_Space)
    assert not wizard.isVisible()


def test_change_that_clears_an_answer_asks_it_again(make_wizard):
    # found in review: Back to the card page, then Next, must not skip the cleared answer
    wizard = make_wizard()
    go_next(wizard)
    fill_card(wizard, *EXPIRED)
    go_next(wizard)
    answer_situation(wizard, Situation.EXPIRY)
    while wizard.current_page() is not PageId.SUMMARY:
        go_next(wizard)
    wizard.change(PageId.SITUATION)
    wizard.pages[PageId.SITUATION].situations[Situation.LOST].click()  # clears the place
    wizard.back()
    go_next(wizard)
    assert wizard.current_page() is PageId.SITUATION


def test_start_again_clears_a_half_picked_date(make_wizard):
    wizard = make_wizard()
    go_next(wizard)
    birth = wizard.pages[PageId.CARD].birth
    tap_date(birth, 1980, 5)
    assert birth.missing() == ["日"]
    restart(wizard)
    assert birth.missing() == ["年", "月", "日"]


def test_id_number_born_in_the_future_is_explained(make_wizard):
    from gui.domain.idnumber import check_char

    wizard = make_wizard()
    go_next(wizard)
    card = wizard.pages[PageId.CARD]
    number = "11010520300501002" + check_char("11010520300501002")
    QTest.keyClicks(card.id_number, number)
    assert card.birth.selected_date() is None
    assert "不是真实日期" in card.error.text()


def test_fifteen_digit_number_enables_next_without_leaving_the_field(make_wizard):
    wizard = make_wizard()
    go_next(wizard)
    card = wizard.pages[PageId.CARD]
    card.start.set_date(d("2000-01-01"))
    card.long_term.setChecked(True)
    QTest.keyClicks(card.id_number, "110105491231002")
    assert card.birth.selected_date() == d("1949-12-31")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_step_list_follows_the_answers_on_the_page(make_wizard):
    wizard = make_wizard()
    go_next(wizard)
    fill_card(wizard, *EXPIRED)
    go_next(wizard)
    wizard.pages[PageId.SITUATION].situations[Situation.RENEWED].click()
    assert wizard.steps.position.text() == "第 3 步，共 5 步"
    assert wizard.steps.buttons[PageId.SUMMARY].isEnabled()


def test_date_lists_follow_a_new_year(make_wizard):
    wizard = make_wizard()
    go_next(wizard)
    card = wizard.pages[PageId.CARD]
    wizard.session = wizard.session.fresh(d("2027-01-02"))  # the kiosk's next visitor
    card.show_session()
    card.start.set_date(d("2027-01-01"))
    assert card.start.selected_date() == d("2027-01-01")
