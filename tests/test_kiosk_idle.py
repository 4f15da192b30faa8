"""A finger on the screen keeps the kiosk session alive, by itself.

Qt normally also makes mouse events from a touch that no widget takes, and those re-arm
the idle timer too; turned off here, only the touch events are left, so the watchdog's
own TouchBegin and TouchUpdate handling is what is tested.
"""

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtTest import QTest

from tests.conftest import delete_now
from tests.kiosk_helpers import make_kiosk, next_page

SYNTHESIS = Qt.ApplicationAttribute.AA_SynthesizeMouseForUnhandledTouchEvents


@pytest.fixture
def kiosk(qapp):
    QCoreApplication.setAttribute(SYNTHESIS, False)
    wizard = make_kiosk(qapp)
    yield wizard
    wizard.leave()
    delete_now(wizard)
    QCoreApplication.setAttribute(SYNTHESIS, True)


def test_a_touch_and_a_finger_moving_rearm_the_idle_timer(kiosk, qtbot):
    watch, screen = kiosk.watch, QTest.createTouchDevice()
    watch.timer.stop()
    with qtbot.waitSignal(watch.input, timeout=1000):
        QTest.touchEvent(kiosk, screen).press(0, QPoint(600, 400)).commit()
    assert watch.timer.isActive()  # TouchBegin
    watch.timer.stop()
    with qtbot.waitSignal(watch.input, timeout=1000):
        QTest.touchEvent(kiosk, screen).move(0, QPoint(640, 300)).commit()
    assert watch.timer.isActive()  # TouchUpdate: a long drag through a page
    QTest.touchEvent(kiosk, screen).release(0, QPoint(640, 300)).commit()


def test_a_touch_cancels_the_are_you_still_there_countdown(kiosk, qtbot):
    next_page(kiosk)  # a session under way: idleness asks before it wipes
    kiosk.watch.timer.setInterval(30)
    kiosk.countdown.ticker.setInterval(1000)
    qtbot.waitUntil(kiosk.countdown.isVisible, timeout=2000)
    QTest.touchEvent(kiosk, QTest.createTouchDevice()).press(0, QPoint(600, 400)).commit()
    assert not kiosk.countdown.isVisible()
