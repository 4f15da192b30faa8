"""Child process for test_kiosk_privacy: 100 kiosk sessions under an audit hook.

Prints one JSON list: every path opened for writing from Python during the sessions.
(Qt's own C++ writes are invisible here; the parent searches the disk for those.)
"""

import json
import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
written: list[str] = []


def audit(event, args):
    if event == "open":
        path, mode, flags = args
        if (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & WRITE_FLAGS
        ):
            written.append(str(path))
    elif event in ("os.rename", "os.replace", "os.mkdir", "shutil.copyfile"):
        written.append(str(args[1] if event != "os.mkdir" else args[0]))


def main(sessions: int) -> None:
    from PySide6.QtWidgets import QApplication

    from gui.domain import Situation
    from tests.kiosk_helpers import make_kiosk, run_session

    app = QApplication([])
    sys.addaudithook(audit)  # from here on: the sessions themselves
    wizard = make_kiosk(app, {"kiosk/printer": "NoSuchPrinter-xyz"})
    situations = list(Situation)
    for number in range(sessions):
        run_session(wizard, situations[number % len(situations)])
        wizard.start_again()
    wizard.leave()
    print(json.dumps(sorted(set(written))))


if __name__ == "__main__":
    main(int(sys.argv[1]))
