"""QApplication set-up: arguments, fonts, translators, settings, the window."""

from __future__ import annotations

import sys
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, QTimer
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from gui import i18n, preferences
from gui.domain import load_rules
from gui.flow import Session
from gui.fonts import load_fonts
from gui.resources import resource_path
from gui.wizard import GuideWizard


def build_wizard(
    app: QApplication, today: date, locale: str, large_text: bool, locality: str | None = None
) -> GuideWizard:
    """Fonts, translators and the wizard, for the window and for tests alike."""
    app.setFont(QFont(load_fonts(), 12))
    i18n.install(app, locale)
    return GuideWizard(Session(today, load_rules(), locality), locale, large_text)


PREFERRED = QSize(1280, 800)
TITLE_BAR_PX = 40  # the window manager's frame, not counted in the size we set


def window_geometry(available: QRect) -> QRect:
    """1280×800 where it fits, else the screen's available area (a 1366×768 laptop with a
    panel), centred on it, so 开始 and 下一步 are never below the screen's edge."""
    size = PREFERRED.boundedTo(QSize(available.width(), available.height() - TITLE_BAR_PX))
    area = QRect(0, 0, size.width(), size.height())
    area.moveCenter(available.center())
    area.moveTop(max(area.top(), available.top() + TITLE_BAR_PX))
    return area


class _QuitWhenPainted(QObject):
    """Ends the event loop once the window's first page has been painted."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QCoreApplication.quit)
        return False


def run(
    today: date,
    locale: str | None,
    large_text: bool,
    exit_after_show: bool = False,
    locality: str | None = None,
) -> int:
    """The desktop window; language and text size default to the last ones used;
    `locality` names dated, sourced local rules (resources/rules/localities.toml)."""
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setWindowIcon(QIcon(str(resource_path("icons", "idguide.svg"))))
    saved_locale, saved_large = preferences.load()
    wizard = build_wizard(app, today, locale or saved_locale, large_text or saved_large, locality)
    app.aboutToQuit.connect(lambda: preferences.save(wizard.language, wizard.large_text))
    screen = app.primaryScreen()
    if screen is not None:
        wizard.setGeometry(window_geometry(screen.availableGeometry()))
    else:
        wizard.resize(PREFERRED)
    if exit_after_show:
        painted = _QuitWhenPainted(wizard)
        wizard.installEventFilter(painted)
    wizard.show()
    return app.exec()
