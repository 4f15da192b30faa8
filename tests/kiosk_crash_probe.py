"""Child process for test_kiosk_core_dump: a real kiosk that crashes mid-session.

`kiosk`: run_kiosk as shipped. `control`: the same with its core-dump protection skipped,
to prove that this machine writes a core here and that the core would hold the canary.
The session types the canary ID number, then the process sends itself SIGSEGV.
"""

import os
import signal
import sys
from datetime import date
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def crash_mid_session() -> None:
    from PySide6.QtWidgets import QApplication

    from gui.flow import PageId
    from gui.kiosk.hardening import is_dumpable
    from gui.kiosk.window import KioskWizard
    from tests.kiosk_helpers import run_session

    wizard = next(w for w in QApplication.topLevelWidgets() if isinstance(w, KioskWizard))
    run_session(wizard, print_it=False)
    wizard.go_to(PageId.CARD)  # mid-session: the number is in the field and the session
    print(f"dumpable={is_dumpable()}", flush=True)
    os.kill(os.getpid(), signal.SIGSEGV)


def main(mode: str) -> int:
    from PySide6.QtCore import QTimer

    import gui.kiosk.app as kiosk_app

    if mode == "control":
        kiosk_app.disable_core_dumps = list  # type: ignore[assignment]  # protection off
    QTimer.singleShot(0, crash_mid_session)
    return kiosk_app.run_kiosk(None, date(2026, 11, 29))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
