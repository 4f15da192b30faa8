"""QApplication set-up and the main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication, QLabel

from gui.content import load_content


def run(argv: Sequence[str]) -> int:
    app = QApplication([sys.argv[0], *argv])
    content = load_content()
    window = QLabel(content.text("summary.labels.title"))
    window.setMinimumSize(640, 400)
    window.show()
    return app.exec()
