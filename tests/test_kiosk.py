"""Kiosk mode: idle reset, lockdown, admin exit, wipe, offline, errors."""

import gc
import socket
import sys
import weakref

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWizard

from gui.flow import PageId
from gui.kiosk.app import install_crash_handler, read_config
from gui.kiosk.config import hash_pin, parse
from tests.kiosk_helpers import (
    CANARY_ID,
    canary_hits,
    make_kiosk,
    next_page,
    run_session,
    texts_of,
)

PIN = "2468"


@pytest.fixture
def kiosk(qapp, qtbot, request):
    made = []

    def make(values=None, fast=True):
        wizard = make_kiosk(qapp, values)
        made.append(wizard)
        qtbot.waitExposed(wizard)
        if fast:  # short injected timeouts: idle 60 ms, countdown ticks every 20 ms
            wizard.watch.timer.setInterval(60)
            wizard.countdown.ticker.setInterval(20)
        return wizard

    yield make
    for wizard in made:
        wizard.leave()
        wizard.deleteLater()


def test_countdown_shows_and_input_cancels_it(kiosk, qtbot):
    wizard = kiosk()
    next_page(wizard)
    wizard.pages[PageId.CARD].long_term.setChecked(True)
    wizard.countdown.ticker.setInterval(1000)  # slow enough to interrupt
    qtbot.waitUntil(wizard.countdown.isVisible, timeout=2000)
    assert "还在吗" in wizard.countdown.question.text()
    QTest.mouseMove(wizard, QPoint(600, 400))
    assert not wizard.countdown.isVisible()
    assert wizard.current_page() is PageId.CARD
    assert wizard.session.draft.long_term  # nothing lost


def test_countdown_expiry_wipes_and_returns_to_welcome(kiosk, qtbot):
    wizard = kiosk()
    run_session(wizard, print_it=False)
    wizard.set_locale("en")
    wizard.set_large_text(False)
    qtbot.waitUntil(lambda: wizard.current_page() is PageId.WELCOME, timeout=3000)
    assert wizard.session.draft.id_number == ""
    assert (wizard.language, wizard.large_text) == ("zh_CN", True)  # the site's defaults


def test_an_open_pin_pad_does_not_keep_the_last_answers(kiosk, qtbot):
    wizard = kiosk({"kiosk/pin_hash": hash_pin(PIN)})
    next_page(wizard)
    wizard.pages[PageId.CARD].long_term.setChecked(True)
    tap_corner(wizard, 5)  # someone opens the PIN pad and walks away
    assert wizard.pin.isVisible()
    qtbot.waitUntil(lambda: wizard.current_page() is PageId.WELCOME, timeout=3000)
    assert not wizard.pin.isVisible() and not wizard.session.draft.long_term


def test_untouched_kiosk_never_shows_a_countdown(kiosk, qtbot):
    wizard = kiosk()
    qtbot.wait(300)
    assert not wizard.countdown.isVisible()


def test_escape_close_and_reject_do_nothing(kiosk):
    wizard = kiosk(fast=False)
    next_page(wizard)
    QTest.keyClick(wizard, Qt.Key.Key_Escape)
    wizard.reject()
    assert not wizard.close()
    assert wizard.isVisible() and wizard.current_page() is PageId.CARD
    assert wizard.windowFlags() & Qt.WindowType.FramelessWindowHint


def tap_corner(wizard, times):
    for _ in range(times):
        QTest.mouseClick(wizard.corner, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))


def test_admin_exit_needs_five_taps_and_the_pin(kiosk):
    wizard = kiosk({"kiosk/pin_hash": hash_pin(PIN)}, fast=False)
    tap_corner(wizard, 4)
    assert not wizard.pin.isVisible()
    tap_corner(wizard, 1)
    assert wizard.pin.isVisible()
    for digit in "1357":
        wizard.pin.findChild(type(wizard.pin.ok), f"pin_key_{digit}").click()
    wizard.pin.ok.click()
    assert "PIN 不对" in wizard.pin.message.text() and not wizard.admin.isVisible()
    for digit in PIN:
        wizard.pin.findChild(type(wizard.pin.ok), f"pin_key_{digit}").click()
    wizard.pin.ok.click()
    assert wizard.admin.isVisible() and "配置正常" in wizard.admin.problems.text()
    wizard.admin.quit.click()
    assert not wizard.isVisible()


def test_slow_taps_do_not_open_the_pin(kiosk, monkeypatch):
    wizard = kiosk({"kiosk/pin_hash": hash_pin(PIN)}, fast=False)
    clock = iter(range(0, 100, 1))  # one tap a second: never five within three seconds
    monkeypatch.setattr("gui.kiosk.window.time.monotonic", lambda: next(clock))
    tap_corner(wizard, 10)
    assert not wizard.pin.isVisible()


def test_without_a_pin_there_is_no_way_out(kiosk):
    wizard = kiosk(fast=False)
    tap_corner(wizard, 5)
    assert not wizard.pin.isVisible() and not wizard.admin.isVisible()


def test_bad_config_starts_with_defaults_and_tells_the_admin(kiosk, tmp_path):
    ini = tmp_path / "kiosk.ini"
    ini.write_text(
        "[kiosk]\nidle_seconds = soon\nlanguage = fr\npin_hash = "
        + hash_pin(PIN)
        + "\n[rules]\nwindow_months = 99\n",
        encoding="utf-8",
    )
    config, problems = read_config(ini)
    assert config.idle_seconds == 90 and config.language == "zh_CN"
    assert len(problems) == 3
    wizard = kiosk({"kiosk/pin_hash": hash_pin(PIN)}, fast=False)
    wizard.problems = problems
    tap_corner(wizard, 5)
    for digit in PIN:
        wizard.pin.findChild(type(wizard.pin.ok), f"pin_key_{digit}").click()
    wizard.pin.ok.click()
    assert "配置有误" in wizard.admin.problems.text()
    assert "idle_seconds" in wizard.admin.problems.text()


def test_missing_or_garbage_config_never_crashes(tmp_path):
    config, problems = read_config(tmp_path / "absent.ini")
    assert problems and config.idle_seconds == 90
    garbage = tmp_path / "garbage.ini"
    garbage.write_bytes(b"\x00\xff[[[\n=\n")
    config, _ = read_config(garbage)
    assert config.language == "zh_CN"


def test_reset_leaves_nothing_of_the_last_person(kiosk):
    wizard = kiosk(fast=False)
    run_session(wizard)
    old = weakref.ref(wizard.session)
    QGuiApplication.clipboard().setText(CANARY_ID)
    wizard.button(QWizard.WizardButton.FinishButton).click()  # "完成 / 下一位"
    assert wizard.current_page() is PageId.WELCOME
    gc.collect()
    assert old() is None, "the last session is still referenced"
    assert QGuiApplication.clipboard().text() == ""
    assert canary_hits(texts_of(wizard)) == []
    for edit in wizard.findChildren(QLineEdit):
        edit.setFocus()
        QTest.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert edit.text() == "", edit.objectName()


def test_kiosk_checklist_has_no_file_dialogs_and_survives_no_printer(kiosk, monkeypatch):
    wizard = kiosk({"kiosk/printer": "NoSuchPrinter-xyz"}, fast=False)
    next_page(wizard)
    run_session_to_checklist(wizard)
    page = wizard.pages[PageId.CHECKLIST]
    assert not page.save_pdf.isVisible() and not page.save_ics.isVisible()
    page.print_button.click()
    assert "没有找到打印机" in page.outcome.text()
    assert wizard.current_page() is PageId.CHECKLIST and page.qr.isVisible()


def run_session_to_checklist(wizard):
    from datetime import date

    from gui.domain import Situation

    card = wizard.pages[PageId.CARD]
    card.birth.set_date(date(1980, 5, 1))
    card.start.set_date(date(2006, 5, 1))
    card.end.set_date(date(2026, 5, 1))
    next_page(wizard)
    wizard.pages[PageId.SITUATION].situations[Situation.EXPIRY].click()
    wizard.pages[PageId.SITUATION].home.click()
    while wizard.current_page() is not PageId.CHECKLIST:
        next_page(wizard)


def test_id_field_is_masked_with_no_context_menu(kiosk):
    wizard = kiosk(fast=False)
    field = wizard.pages[PageId.CARD].id_number
    assert field.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    assert field.echoMode() == QLineEdit.EchoMode.PasswordEchoOnEdit
    assert field.inputMethodHints() & Qt.InputMethodHint.ImhSensitiveData
    assert field.inputMethodHints() & Qt.InputMethodHint.ImhNoPredictiveText


def test_whole_sessions_open_no_socket(kiosk, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the kiosk tried to open a network socket")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    wizard = kiosk({"kiosk/printer": "NoSuchPrinter-xyz"}, fast=False)
    for _ in range(3):
        run_session(wizard)
        wizard.start_again()


def test_unexpected_error_resets_and_says_so(kiosk, monkeypatch):
    wizard = kiosk(fast=False)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_crash_handler(wizard)
    run_session(wizard, print_it=False)
    try:
        raise RuntimeError(f"boom {CANARY_ID}")
    except RuntimeError as error:
        sys.excepthook(RuntimeError, error, error.__traceback__)
    assert wizard.error.isVisible()
    assert "出了点问题" in wizard.error.words.text()
    assert wizard.current_page() is PageId.WELCOME
    assert wizard.session.draft.id_number == ""


def test_crash_handler_does_not_print_what_was_typed(kiosk, monkeypatch, capsys):
    wizard = kiosk(fast=False)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_crash_handler(wizard)
    try:
        raise ValueError(CANARY_ID)
    except ValueError as error:
        sys.excepthook(ValueError, error, error.__traceback__)
    err = capsys.readouterr().err
    assert "ValueError" in err and CANARY_ID not in err


def test_misspelt_setting_is_reported():
    config, problems = parse({"kiosk/idle_secnds": "45"})
    assert config.idle_seconds == 90
    assert problems == ["1 unknown setting(s), ignored: kiosk/idle_secnds"]


def test_config_parsing():
    config, problems = parse(
        {
            "kiosk/idle_seconds": "29",
            "kiosk/countdown_seconds": "20",
            "kiosk/large_text": "no",
            "rules/window_months": "6",
            "rules/free_cases_home": ["expiry", "damaged"],
            "site/name": "某派出所",
            "site/phone": "010-1",
        }
    )
    assert config.idle_seconds == 90 and problems[0] == (
        "kiosk/idle_seconds = 29: expected a whole number 30–3600"
    )
    assert "no source" in problems[1] and len(problems) == 2  # typed numbers are unsourced
    assert (config.countdown_seconds, config.large_text) == (20, False)
    assert config.site == ("某派出所", "010-1")
    assert config.locality == "site"


def test_admin_screen_left_open_is_closed_by_the_idle_reset(kiosk, qtbot):
    wizard = kiosk({"kiosk/pin_hash": hash_pin(PIN)})
    next_page(wizard)
    wizard.pages[PageId.CARD].long_term.setChecked(True)
    wizard.admin.open([])
    qtbot.waitUntil(lambda: not wizard.admin.isVisible(), timeout=3000)
    qtbot.waitUntil(lambda: wizard.current_page() is PageId.WELCOME, timeout=3000)


def test_enter_submits_the_pin_and_does_not_press_next(kiosk):
    wizard = kiosk({"kiosk/pin_hash": hash_pin(PIN)}, fast=False)
    tap_corner(wizard, 5)
    wizard.pin.field.setFocus()
    QTest.keyClicks(wizard.pin.field, PIN)
    QTest.keyClick(wizard.pin.field, Qt.Key.Key_Return)
    assert wizard.admin.isVisible()
    assert wizard.current_page() is PageId.WELCOME


def test_repeated_wrong_pins_lock_the_pad_for_a_minute(kiosk):
    wizard = kiosk({"kiosk/pin_hash": hash_pin(PIN)}, fast=False)
    tap_corner(wizard, 5)
    for _ in range(5):
        wizard.pin.entered.emit("0000")
    wizard.pin.entered.emit(PIN)  # even the right PIN waits now
    assert not wizard.admin.isVisible()
    assert "1 分钟" in wizard.pin.message.text()


# --- undo, overlays and the keyboard ---------------------------------------------------


def type_canary(card):
    card.id_number.setFocus()
    QTest.keyClicks(card.id_number, CANARY_ID)


def test_desktop_undo_and_redo_carry_the_session_with_the_field(make_wizard):
    wizard = make_wizard()
    next_page(wizard)
    card = wizard.pages[PageId.CARD]
    type_canary(card)
    assert wizard.session.draft.id_number == CANARY_ID
    card.id_number.undo()  # as Ctrl+Z does
    assert card.id_number.text() == wizard.session.draft.id_number
    while card.id_number.isUndoAvailable():
        QTest.keyClick(card.id_number, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert card.id_number.text() == "" and wizard.session.draft.id_number == ""
    assert "不符" not in card.error.text() and "match" not in card.error.text()
    card.id_number.redo()  # Qt keeps no redo for this masked field; whatever it does, follow
    assert card.id_number.text() == wizard.session.draft.id_number


def test_kiosk_id_field_has_no_undo(kiosk):
    wizard = kiosk(fast=False)
    next_page(wizard)
    card = wizard.pages[PageId.CARD]
    type_canary(card)
    for keys in (
        Qt.KeyboardModifier.ControlModifier,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    ):
        QTest.keyClick(card.id_number, Qt.Key.Key_Z, keys)
    QTest.keyClick(card.id_number, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert card.id_number.text() == CANARY_ID == wizard.session.draft.id_number
    card.id_number.selectAll()
    QTest.keyClick(card.id_number, Qt.Key.Key_Delete)
    QTest.keyClick(card.id_number, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert card.id_number.text() == "" == wizard.session.draft.id_number


def open_pin_pad_from_the_id_field(wizard):
    next_page(wizard)
    card = wizard.pages[PageId.CARD]
    card.id_number.setFocus()
    tap_corner(wizard, 5)
    assert wizard.pin.isVisible()
    return card


def test_pin_typed_on_a_keyboard_goes_to_the_pin_pad(kiosk):
    wizard = kiosk({"kiosk/pin_hash": hash_pin(PIN)}, fast=False)
    card = open_pin_pad_from_the_id_field(wizard)
    focus = QApplication.focusWidget()
    QTest.keyClicks(focus, PIN)  # "2468" used to arrive as "468": the 2 went to the ID field
    assert card.id_number.text() == "" and wizard.session.draft.id_number == ""
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert wizard.admin.isVisible()


@pytest.mark.parametrize("overlay", ["pin", "admin", "countdown", "error"])
def test_tab_cycles_inside_the_overlay_and_nothing_behind_reacts(kiosk, overlay):
    wizard = kiosk({"kiosk/pin_hash": hash_pin(PIN)}, fast=False)
    card = open_pin_pad_from_the_id_field(wizard)
    card.long_term.setChecked(True)
    if overlay == "admin":
        wizard.pin.dismiss()
        wizard.admin.open([])
    elif overlay == "countdown":
        wizard.pin.dismiss()
        wizard.countdown.start(60)
    elif overlay == "error":
        wizard.pin.dismiss()
        wizard.error.open()
    shown = getattr(wizard, overlay)
    seen = set()
    for _ in range(30):
        focus = QApplication.focusWidget()
        assert focus is not None and shown.isAncestorOf(focus), focus
        seen.add(focus)
        QTest.keyClick(focus, Qt.Key.Key_Tab)
    assert seen == set(shown.focus_chain())
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert shown.isAncestorOf(QApplication.focusWidget())
    for key, modifier in (
        (Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    ):
        QTest.keyClick(QApplication.focusWidget(), key, modifier)
    assert wizard.current_page() is PageId.CARD  # Alt+N did not press 下一步 behind
    assert card.long_term.isChecked() and card.id_number.text() == ""
    if overlay == "countdown":
        assert not shown.isVisible()  # any key means "still here": the countdown goes
        return
    card.id_number.setFocus()  # focus pushed behind comes straight back
    QApplication.processEvents()
    assert shown.isAncestorOf(QApplication.focusWidget())


def test_focus_returns_behind_when_the_overlay_closes(kiosk):
    wizard = kiosk({"kiosk/pin_hash": hash_pin(PIN)}, fast=False)
    next_page(wizard)
    card = wizard.pages[PageId.CARD]
    card.long_term.setFocus()  # a kiosk has no text fields: a box a finger ticks
    tap_corner(wizard, 5)
    assert wizard.pin.isVisible()
    wizard.pin.cancel_button.click()
    assert QApplication.focusWidget() is card.long_term


def context_menus_opened(widgets):
    """Send each widget a right-click's context-menu event; list the menus that showed."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QMenu

    opened = []

    class MenuSpy(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Show and isinstance(watched, QMenu):
                opened.append(watched.actions()[0].text() if watched.actions() else "menu")
                watched.close()  # offscreen menus cannot grab input; close it anyway
            return False

    spy = MenuSpy()
    QApplication.instance().installEventFilter(spy)
    try:
        for widget in widgets:
            point = QPoint(3, 3)
            QApplication.sendEvent(
                widget,
                QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, widget.mapToGlobal(point)),
            )
    finally:
        QApplication.instance().removeEventFilter(spy)
    return opened


def scroll_bars_and_fields(wizard):
    from PySide6.QtWidgets import QScrollBar

    return [*wizard.findChildren(QScrollBar), *wizard.findChildren(QLineEdit)]


@pytest.mark.qt_log_ignore("This plugin does not support")  # the control's offscreen menu
def test_no_context_menu_anywhere_in_the_kiosk(kiosk, make_wizard):
    desktop = make_wizard()
    # the check can see a menu: the desktop's scroll bars and fields do offer one
    assert context_menus_opened(scroll_bars_and_fields(desktop)[:3])
    wizard = kiosk(fast=False)
    run_session(wizard, print_it=False)
    assert context_menus_opened(scroll_bars_and_fields(wizard)) == []
