"""Every page of the expired case, at every screen size, as a finger and an eye meet it.

Kiosk (touch) at 1920×1080, 1366×768 and portrait 1080×1920, the desktop at 1366×768,
each with large text on and off: targets big enough, nothing off screen, no label
clipped or squeezed, no list longer than 31 rows.
"""

from datetime import date

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from gui.domain import Situation
from gui.flow import PageId
from tests.conftest import answer_situation, fill_card

TODAY = date(2026, 11, 29)
EXPIRED = ("1980-05-01", "2006-05-01", "2026-05-01")
SIZES = [("kiosk", 1920, 1080), ("kiosk", 1366, 768), ("kiosk", 1080, 1920), ("desktop", 1366, 768)]


def build(qapp, qtbot, kind, width, height, large, locale="zh_CN"):
    if kind == "kiosk":
        from gui.kiosk.app import build_kiosk
        from gui.kiosk.config import parse

        config, problems = parse(
            {"kiosk/large_text": "true" if large else "false", "kiosk/language": locale}
        )
        wizard = build_kiosk(qapp, config, problems, TODAY)
    else:
        from gui.app import build_wizard

        wizard = build_wizard(qapp, TODAY, locale, large)
    qtbot.addWidget(wizard)
    wizard.resize(width, height)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def settle():
    """Let layouts that trigger further layouts (wrapped rich text) finish, as on screen."""
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def walk_expired_case(wizard, check):
    """Welcome → card → situation → status → impact → Alipay → checklist → summary."""
    while True:
        settle()
        check(wizard)
        page = wizard.current_page()
        if page is PageId.SUMMARY:
            return
        if page is PageId.CARD:
            fill_card(wizard, *EXPIRED)
        if page is PageId.SITUATION:
            answer_situation(wizard, Situation.EXPIRY)
        QApplication.processEvents()
        wizard.next()


def shown(wizard, kind):
    return [
        w for w in wizard.findChildren(kind) if w.isVisible() and not w.visibleRegion().isEmpty()
    ]


def rect_in_window(widget, wizard):
    return QRect(widget.mapTo(wizard, QPoint(0, 0)), widget.size())


def scroll_view_of(widget):
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent.viewport()
        parent = parent.parentWidget()
    return None


def check_page(wizard, least_px):
    page = wizard.current_page()
    window = wizard.rect()
    for area in shown(wizard, QAbstractScrollArea):  # pages scroll down, never sideways
        if hasattr(area, "widget") and area.widget() is not None:
            assert area.widget().width() <= area.viewport().width(), f"{page} too wide"
    for widget in shown(wizard, QAbstractButton) + shown(wizard, QLineEdit):
        where = (
            f"{page}: {type(widget).__name__} {widget.objectName()} "
            f"{getattr(widget, 'text', lambda: '')()!r}"
        )
        assert widget.height() >= least_px, f"{where} is {widget.height()} px tall"
        if isinstance(widget, QAbstractButton) and widget.text():  # Qt never wraps these
            assert widget.sizeHint().width() <= widget.width() + 1, f"{where} is cut off"
        box = rect_in_window(widget, wizard)
        view = scroll_view_of(widget)
        if view is None:  # outside a scroll area the widget must lie wholly on screen
            assert window.contains(box), f"{where} at {box} is off the screen {window}"
        else:  # inside one only vertical scrolling is allowed
            view_box = rect_in_window(view, wizard)
            assert box.left() >= view_box.left() and box.right() <= view_box.right(), where
    for label in shown(wizard, QLabel):
        text = label.text()
        if not text.strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
            continue
        where = f"{page}: label {text[:30]!r}"
        if label.wordWrap():
            assert label.heightForWidth(label.width()) <= label.height() + 1, f"{where} clipped"
        else:
            assert label.sizeHint().width() <= label.width() + 1, f"{where} clipped"
        six = 6 * label.fontMetrics().horizontalAdvance("中")
        own = label.fontMetrics().horizontalAdvance(text) if "<" not in text else six
        assert label.width() >= min(six, own), f"{where} is only {label.width()} px wide"
        assert rect_in_window(label, wizard).right() <= window.right() + 1, where
    for combo in shown(wizard, QComboBox):
        assert combo.count() <= 32, f"{page}: {combo.objectName()} offers {combo.count()}"
    for view in shown(wizard, QAbstractItemView):
        model = view.model()
        assert model is None or model.rowCount() <= 31, f"{page}: a list of {model.rowCount()}"
    for grid in wizard.findChildren(QWidget, "date_panel"):
        if grid.isVisible():
            choices = [b for b in grid.findChildren(QAbstractButton) if b.isVisible()]
            assert len(choices) <= 31 + 1, page


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize(
    ("kind", "width", "height"), SIZES, ids=[f"{k}-{w}x{h}" for k, w, h in SIZES]
)
def test_every_page_fits_the_screen_and_the_finger(qapp, qtbot, kind, width, height, large):
    wizard = build(qapp, qtbot, kind, width, height, large)
    least = 60 if kind == "kiosk" else 32
    seen = []
    walk_expired_case(wizard, lambda w: (seen.append(w.current_page()), check_page(w, least)))
    assert seen == [
        PageId.WELCOME,
        PageId.CARD,
        PageId.SITUATION,
        PageId.STATUS,
        PageId.IMPACT,
        PageId.ALIPAY,
        PageId.CHECKLIST,
        PageId.SUMMARY,
    ]
    if kind == "kiosk":
        wizard.leave()


@pytest.mark.parametrize(
    ("kind", "width", "height"), [("kiosk", 1080, 1920), ("desktop", 1366, 768)]
)
def test_english_is_longer_and_still_fits(qapp, qtbot, kind, width, height):
    wizard = build(qapp, qtbot, kind, width, height, True, "en")
    walk_expired_case(wizard, lambda w: check_page(w, 60 if kind == "kiosk" else 32))
    if kind == "kiosk":
        wizard.leave()


@pytest.mark.parametrize(
    ("screen", "expected"),
    [
        (QRect(0, 0, 1920, 1080), QSize(1280, 800)),
        (QRect(0, 0, 1366, 728), QSize(1280, 688)),  # a laptop with a 40 px panel
        (QRect(0, 32, 1280, 688), QSize(1280, 648)),
    ],
)
def test_desktop_window_fits_the_available_screen(screen, expected):
    from gui.app import window_geometry

    area = window_geometry(screen)
    assert area.size() == expected
    assert screen.contains(area)
