"""A Qt application without a window, for exporting from the command line."""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication

from gui.fonts import load_fonts


def start_gui_application() -> QGuiApplication:
    """The existing application, or a new one; the bundled font is registered either way."""
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    assert isinstance(app, QGuiApplication)
    load_fonts()
    return app
