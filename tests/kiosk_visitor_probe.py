"""The kiosk child that serves one canary visitor: for test_kiosk_fresh_process and
bench/visitor_gap.py, started by the supervisor (gui/kiosk/visitors.py).

Runs the real kiosk (`run_kiosk(..., one_visitor=True)`) on the X server in $DISPLAY. Once
its window is up it goes through a whole session with the canary identity and prints
"visited PID", so that the test can scan this process's memory while the session is on
screen (the control: the scan must find the canary here); when the file $PROBE_MARKER.go
appears (at once with $PROBE_EVERY) it presses 「完成 / 下一位」. Later children exec the
real kiosk, unless $PROBE_EVERY asks every child to serve a visitor (the bench).

Also: `scan(pid)`, the canary's bytes in a process's writable memory (/proc/PID/mem).
"""

import os
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.memory_scan import writable_memory

ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
# the issue's canary birth date; the helpers' 1980-05-01 is also the content's own example
# of a date ("例如 1980-05-01"), so every process holds it
CANARY_ID = "11010519491231002X"
BIRTH, START, END = date(1949, 12, 31), date(2009, 12, 31), date(2029, 12, 31)


def forms() -> list[str]:
    from tests.kiosk_helpers import date_forms

    number = [CANARY_ID, f"{CANARY_ID[:6]} {CANARY_ID[6:14]} {CANARY_ID[14:]}"]
    return number + [f for day in (BIRTH, START, END) for f in date_forms(day)]


def needles() -> dict[str, list[bytes]]:
    return {e: [f.encode(e) for f in forms()] for e in ENCODINGS}


def scan(pid: int) -> dict[str, int]:
    """Hits per encoding in the process's writable mappings (root, or the same user)."""
    hits = dict.fromkeys(ENCODINGS, 0)
    wanted = needles()
    for data in writable_memory(pid):
        for encoding, forms in wanted.items():
            hits[encoding] += sum(data.count(n) for n in forms)
    return hits


def visit(wizard) -> None:
    """Welcome → card (the number fills the birth date) → … → summary, as a person would."""
    from gui.domain import Situation
    from gui.flow import PageId
    from tests.kiosk_helpers import next_page

    next_page(wizard)
    card = wizard.pages[PageId.CARD]
    card.id_number.setFocus()
    card.id_number.setText(CANARY_ID)
    card.id_number.textEdited.emit(CANARY_ID)
    card.start.set_date(START)
    card.end.set_date(END)
    next_page(wizard)
    page = wizard.pages[PageId.SITUATION]
    page.situations[Situation.EXPIRY].click()
    page.home.click()
    for _ in range(20):
        if wizard.current_page() is PageId.SUMMARY:
            return
        next_page(wizard)
    raise AssertionError(f"the session stopped at {wizard.current_page()}")


def main() -> int:
    """The first child (no $PROBE_MARKER file yet) serves the canary visitor: it prints
    "visited PID", waits for the file $PROBE_MARKER.go, then presses 「完成 / 下一位」.
    Every later child becomes the real kiosk at once (exec: this file's canary constants
    go with the old program image), as systemd would start it."""
    every = bool(os.environ.get("PROBE_EVERY"))
    if Path(os.environ["PROBE_MARKER"]).exists() and not every:
        kiosk = [sys.executable, "-m", "gui", "--kiosk", "--one-visitor", "--as-of", "2026-11-29"]
        os.execv(sys.executable, kiosk)  # the channel's pipes and variable go along
    from PySide6.QtCore import QTimer

    import gui.kiosk.app as kiosk_app

    marker = Path(os.environ["PROBE_MARKER"])
    marker.touch()
    built = kiosk_app.build_kiosk

    def build(*args, **kwargs):
        wizard = built(*args, **kwargs)
        go = marker.with_suffix(".go")

        def wait_then_finish() -> None:
            if every or go.exists():
                wizard.accept()  # 「完成 / 下一位」
            else:
                QTimer.singleShot(50, wait_then_finish)

        def session() -> None:
            visit(wizard)
            print(f"visited {os.getpid()}", flush=True)
            wait_then_finish()

        QTimer.singleShot(300, session)
        return wizard

    kiosk_app.build_kiosk = build
    return kiosk_app.run_kiosk(None, date(2026, 11, 29), one_visitor=True)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    sys.exit(main())
