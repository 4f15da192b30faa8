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
