"""QApplication set-up: arguments, fonts, translators, settings, the window."""

from __future__ import annotations

import sys
from datetime import date

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from gui import i18n
from gui.domain import load_rules
from gui.flow import Session
from gui.fonts import load_fonts
from gui.wizard import GuideWizard


def build_wizard(app: QApplication, today: date, locale: str, large_text: bool) -> GuideWizard:
    """Fonts, translators and the wizard, for the window and for tests alike."""
    app.setFont(QFont(load_fonts(), 12))
    i18n.install(app, locale)
    return GuideWizard(Session(today, load_rules()), locale, large_text)


def run(today: date, locale: str, large_text: bool) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    wizard = build_wizard(app, today, locale, large_text)
    wizard.resize(1280, 800)
    wizard.show()
    return app.exec()
