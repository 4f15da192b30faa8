"""The reference: a bare five-page QWizard on the same Qt and platform plugin.

python bench/bare_wizard.py --exit-after-show           # start-up, for whole-process timing
python bench/bare_wizard.py --exit-after-show --export  # + one 2-page Chinese PDF (peak RSS)
python bench/bare_wizard.py --timings                   # next()/restart()/PDF in-process, JSON
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QEvent, QIODevice, QObject, QTimer
from PySide6.QtGui import QFontDatabase, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage

FONT = Path(__file__).resolve().parent.parent / "resources" / "fonts"
TEXT = "身份证换领清单：原居民身份证、居民户口簿、工本费 20 元。" * 40


class QuitWhenPainted(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QCoreApplication.quit)
        return False


def wizard() -> QWizard:
    w = QWizard()
    for number in range(5):
        page = QWizardPage()
        page.setTitle(f"Page {number + 1}")
        QVBoxLayout(page).addWidget(QLabel("A bare page."))
        w.addPage(page)
    w.resize(1280, 800)
    return w


def export_pdf() -> bytes:
    """Two A4 pages of Chinese text with the same embedded font."""
    family = QFontDatabase.applicationFontFamilies(
        QFontDatabase.addApplicationFont(str(FONT / "IDGuideSansSC-Regular.ttf"))
    )[0]
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document = QTextDocument()
    document.setHtml(f"<p style='font-family: \"{family}\"'>{TEXT}</p>" * 2)
    document.print_(writer)
    del writer
    buffer.close()
    return data.data()


def timings(app: QApplication) -> dict[str, float]:
    w = wizard()
    w.show()
    app.processEvents()
    nexts, restarts, pdfs = [], [], []
    for _ in range(50):
        for _ in range(4):
            start = time.perf_counter()
            w.next()
            app.processEvents()
            nexts.append(time.perf_counter() - start)
        start = time.perf_counter()
        w.restart()
        app.processEvents()
        restarts.append(time.perf_counter() - start)
    for _ in range(20):
        start = time.perf_counter()
        export_pdf()
        pdfs.append(time.perf_counter() - start)
    return {
        "next_median_ms": statistics.median(nexts) * 1000,
        "restart_median_ms": statistics.median(restarts) * 1000,
        "pdf_median_ms": statistics.median(pdfs) * 1000,
    }


def main() -> int:
    app = QApplication(sys.argv[:1])
    if "--timings" in sys.argv:
        print(json.dumps(timings(app)))
        return 0
    w = wizard()
    if "--export" in sys.argv:
        export_pdf()
    if "--exit-after-show" in sys.argv:
        w.installEventFilter(QuitWhenPainted(w))
    w.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
