"""A Qt application without a window, for exporting from the command line."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QGuiApplication

from gui.fonts import load_fonts


@contextmanager
def gui_application() -> Iterator[QGuiApplication]:
    """The running application, or a new one that is shut down on leaving.

    A command run inside another program (the tests call `main()`) must leave no
    application behind: a later QApplication would find this QGuiApplication instead,
    and the first widget would abort the interpreter.
    """
    running = QGuiApplication.instance()
    if running is not None:
        assert isinstance(running, QGuiApplication)
        load_fonts()
        yield running
        return
    app = QGuiApplication([sys.argv[0]])
    try:
        load_fonts()
        yield app
    finally:
        app.shutdown()
        load_fonts.cache_clear()  # the font registrations ended with the application
