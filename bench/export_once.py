"""The real app for the memory figure: start, show the wizard, export one checklist, exit."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from bench.sessions import fill_and_walk
from gui.app import build_wizard
from gui.export.files import write_checklist


def main() -> None:
    app = QApplication([])
    wizard = build_wizard(app, date(2026, 11, 29), "zh_CN", False)
    wizard.resize(1280, 800)
    wizard.show()
    fill_and_walk(wizard, app)
    with tempfile.TemporaryDirectory() as folder:
        write_checklist(Path(folder) / "checklist.pdf", wizard.session.assessment(), wizard.content)


if __name__ == "__main__":
    main()
