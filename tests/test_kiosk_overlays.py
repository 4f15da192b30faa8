"""The kiosk's own panels: a PIN pad that forgives a wrong digit, a countdown that holds
still while its seconds change."""

from PySide6.QtWidgets import QApplication

from tests.kiosk_helpers import make_kiosk


def test_the_pin_pad_has_a_backspace(qapp, qtbot):
    wizard = make_kiosk(qapp)
    qtbot.addWidget(wizard)
    wizard.pin.ask()
    for key in "1249":
        wizard.pin.findChild(type(wizard.pin.ok), f"pin_key_{key}").click()
    wizard.pin.backspace.click()
    assert wizard.pin.field.text() == "124"
    assert wizard.pin.backspace.accessibleName()  # "⌫" alone says nothing to a reader
    wizard.leave()


def test_the_countdown_card_keeps_its_width(qapp, qtbot):
    wizard = make_kiosk(qapp, {"kiosk/countdown_seconds": "30"})
    qtbot.addWidget(wizard)
    countdown = wizard.countdown
    countdown.start(30)
    widths = set()
    for _ in range(25):  # 30 … 5: two digits, then one
        QApplication.processEvents()
        widths.add(countdown.panel.width())
        countdown._tick()
    assert len(widths) == 1, widths
    countdown.cancel()
    wizard.leave()
