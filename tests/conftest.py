"""Suite-wide set-up: Qt runs offscreen, whatever the caller's environment says."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from datetime import date

import pytest
from hypothesis import settings

from gui.domain import RulesPack, load_rules

# CI replays a fixed set of examples (a red run must be reproducible); a developer's run
# explores new ones each time.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def no_unanswered_dialogs(monkeypatch):
    """A modal dialog that no test answers would wait offscreen for ever (CI once hung on
    one): it fails the test instead. Tests that expect a dialog patch `exec` themselves."""
    from PySide6.QtWidgets import QDialog

    def refuse(self, *args):
        raise AssertionError(f"an unanswered {type(self).__name__} opened; patch its exec()")

    monkeypatch.setattr(QDialog, "exec", refuse)


def delete_now(*widgets) -> None:
    """Close and delete widgets at once: a deleteLater() alone waits for a turn of the event
    loop that a test may never give it, and every live window slows the tests after it
    (each style-sheet change restyles every widget of every window)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for widget in widgets:
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _address(widget) -> int:
    from shiboken6 import Shiboken

    return Shiboken.getCppPointer(widget)[0]


def _windows() -> dict[int, str]:
    """The application's top-level widgets, by C++ address (wrappers come and go)."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        return {}
    return {
        _address(w): f"{type(w).__name__} {w.objectName()!r}"
        for w in QApplication.topLevelWidgets()
    }


@pytest.fixture(autouse=True)
def no_window_left_behind():
    """Every window a test makes is gone when it ends (qtbot.addWidget closes and
    deleteLater()s; this delivers the deletions). A test that leaves one fails, and its
    windows are deleted anyway so the next test starts clean."""
    from PySide6.QtCore import QCoreApplication, QEvent

    before = _windows()
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    left = {address: name for address, name in _windows().items() if address not in before}
    if left:
        from PySide6.QtWidgets import QApplication

        delete_now(*(w for w in QApplication.topLevelWidgets() if _address(w) in left))
        pytest.fail(f"the test left {len(left)} window(s) behind: {sorted(left.values())}")


@pytest.fixture(scope="session")
def rules() -> RulesPack:
    return load_rules()


def d(text: str) -> date:
    return date.fromisoformat(text)


TODAY = date(2026, 11, 29)


@pytest.fixture
def make_wizard(qapp, qtbot):
    """Build the real wizard (fonts, translators, style) as the app does, at 1280×800."""
    from gui.app import build_wizard

    def make(locale="zh_CN", large=False):
        wizard = build_wizard(qapp, TODAY, locale, large)
        qtbot.addWidget(wizard)
        wizard.resize(1280, 800)
        wizard.show()
        qtbot.waitExposed(wizard)
        return wizard

    return make


def fill_card(wizard, birth, start, end=None):
    """Pick dates in the card page's drop-downs, as a person would."""
    from gui.flow import PageId

    card = wizard.pages[PageId.CARD]
    for field, value in ((card.birth, birth), (card.start, start)):
        field.set_date(d(birth) if field is card.birth else d(start)) if value else None
    if end is None:
        card.long_term.setChecked(True)
    else:
        card.long_term.setChecked(False)
        card.end.set_date(d(end))


def answer_situation(wizard, situation, away=False):
    from gui.domain import Situation
    from gui.flow import PageId

    page = wizard.pages[PageId.SITUATION]
    page.situations[situation].click()
    if situation is not Situation.RENEWED:
        (page.away if away else page.home).click()
