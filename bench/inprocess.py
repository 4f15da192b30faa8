"""In-process figures of the real app: page transitions, PDF export, kiosk reset.

python bench/inprocess.py        # prints one JSON object (milliseconds)
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.sessions import fill_and_walk, run_kiosk_session  # noqa: E402
from gui.app import build_wizard  # noqa: E402
from gui.content import load_content  # noqa: E402
from gui.domain import Answers, assess, load_rules  # noqa: E402
from gui.export.files import write_checklist  # noqa: E402
from gui.flow import PAGES  # noqa: E402
from gui.kiosk.app import build_kiosk  # noqa: E402
from gui.kiosk.config import parse  # noqa: E402
from gui.pages.base import GuidePage  # noqa: E402

DAY = date(2026, 11, 29)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def idle_build_ms(app: QApplication) -> tuple[float, float]:
    """What start-up leaves for after the first paint (the first page's scroller, the
    other pages, a page per turn of the event loop): first paint to the last page built,
    and the longest turn, which is the longest a tap in between would wait."""
    wizard = build_wizard(app, DAY, "zh_CN", False)
    wizard.resize(1280, 800)
    wizard.show()
    while not wizard.painted:
        app.processEvents()
    turns = []
    while len(wizard.findChildren(GuidePage)) < len(PAGES):
        start = time.perf_counter()
        app.processEvents()
        turns.append(time.perf_counter() - start)
    wizard.close()
    wizard.deleteLater()
    return sum(turns) * 1000, max(turns) * 1000


def main() -> None:
    app = QApplication([])
    idle_total, idle_turn = idle_build_ms(app)  # first: page modules not imported yet
    wizard = build_wizard(app, DAY, "zh_CN", False)
    wizard.resize(1280, 800)
    wizard.show()
    app.processEvents()
    transitions: list[float] = []
    restarts: list[float] = []
    for _ in range(30):
        transitions += fill_and_walk(wizard, app)
        start = time.perf_counter()
        wizard.start_again()
        app.processEvents()
        restarts.append(time.perf_counter() - start)
    exports = []
    with tempfile.TemporaryDirectory() as folder:
        a = assess(Answers(date(1980, 5, 1), date(2006, 5, 1), date(2026, 5, 1)), DAY, load_rules())
        content = load_content("zh_CN")
        for number in range(30):
            start = time.perf_counter()
            write_checklist(Path(folder) / f"c{number % 2}.pdf", a, content)
            exports.append(time.perf_counter() - start)
    config, problems = parse({"kiosk/printer": "NoSuchPrinter-xyz"})
    kiosk = build_kiosk(app, config, problems, DAY)
    kiosk.resize(1920, 1080)
    kiosk.show()
    resets = []
    for _ in range(30):
        run_kiosk_session(kiosk, app)
        start = time.perf_counter()
        kiosk.start_again()
        app.processEvents()
        resets.append(time.perf_counter() - start)
    kiosk.leave()
    print(
        json.dumps(
            {
                "transition_p95_ms": percentile(transitions, 0.95) * 1000,
                "transition_median_ms": statistics.median(transitions) * 1000,
                "restart_median_ms": statistics.median(restarts) * 1000,
                "export_median_ms": statistics.median(exports) * 1000,
                "kiosk_reset_median_ms": statistics.median(resets) * 1000,
                "kiosk_reset_max_ms": max(resets) * 1000,
                "idle_build_ms": idle_total,
                "idle_longest_turn_ms": idle_turn,
            }
        )
    )


if __name__ == "__main__":
    main()
