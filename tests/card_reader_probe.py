"""Child process for the card-reader kiosk runs (Xvfb and offscreen): a whole session from
the stand-in reader, the wipe, then the next session with the card left on the reader.

The probe never knows the card's name or address: its parent wrote the card to a staged
file, and the probe "lays the card on the reader" by renaming that file to the one the
stand-in reads (SDT_STANDIN_CARD), without opening it. So whatever the parent then finds
in this process's memory came from the card. At each point to look, the probe prints
{"scan": WHEN} and waits for a line on stdin while the parent reads /proc/PID/mem.
Screenshots of the X server's screen (or the window, offscreen) go to argv[1].
The last line is one JSON object: what each session showed.
"""

import json
import os
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(shots: Path, library: str) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QGuiApplication

    # not tests.kiosk_helpers: it imports the canary ID number, which must not be in this
    # process unless it came from the card
    from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWizard

    from gui.domain import Situation
    from gui.flow import Draft, PageId
    from gui.kiosk.app import build_kiosk
    from gui.kiosk.config import parse
    from gui.kiosk.guard import WindowGuard

    def next_page(wizard):
        wizard.button(QWizard.WizardButton.NextButton).click()
        QApplication.processEvents()

    def texts_of(widget):
        found = [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            found.append(widget.text())
        if isinstance(widget, QLineEdit):
            found += [widget.displayText(), widget.placeholderText()]
        return [t for t in found if t]

    card, staged = Path(os.environ["SDT_STANDIN_CARD"]), Path(os.environ["STAGED_CARD"])
    app = QApplication([])
    config, problems = parse({"card_reader/library": library, "card_reader/poll_ms": "100"})
    assert not problems, problems
    wizard = build_kiosk(app, config, problems, date(2026, 11, 29))
    wizard.guard = WindowGuard(wizard)
    wizard.guard.show()  # as run_kiosk: the screen's geometry, with or without a window manager
    panel = wizard.card_reader

    def wait_for(condition, seconds=10.0):
        end = time.monotonic() + seconds
        while not condition():
            assert time.monotonic() < end, "timed out"
            app.processEvents()
            time.sleep(0.01)

    def settle(seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def shot(name):
        settle(0.3)
        screen = QGuiApplication.primaryScreen()
        picture = screen.grabWindow(0) if os.environ.get("DISPLAY") else wizard.grab()
        picture.save(str(shots / name))

    def scan(when):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        print(json.dumps({"scan": when}), flush=True)
        sys.stdin.readline()

    def all_texts():
        found = []
        for widget in QApplication.allWidgets():
            found += texts_of(widget)
        return found

    wait_for(lambda: panel.reader_empty)
    next_page(wizard)
    shot("card-reader-1-invite.png")
    os.replace(staged, card)  # the visitor lays the card down
    wait_for(lambda: wizard.session.draft.start is not None)
    shot("card-reader-2-read.png")
    first = {
        "status": panel.status.text(),
        "dates": [str(d) for d in (wizard.session.draft.birth, wizard.session.draft.start)],
        "end": str(wizard.session.draft.end),
        "id_number": wizard.session.draft.id_number,
    }
    next_page(wizard)
    situation = wizard.pages[PageId.SITUATION]
    situation.situations[Situation.EXPIRY].click()
    situation.home.click()
    next_page(wizard)
    first["page"] = str(wizard.current_page())
    first["verdict"] = wizard.pages[PageId.STATUS].verdict.text()
    shot("card-reader-3-verdict.png")
    first["texts"] = all_texts()
    scan("after_read")
    wizard.start_again()  # the wipe; the card stays on the reader
    scan("after_wipe")
    next_page(wizard)
    wait_for(lambda: "读卡区上已有一张身份证" in panel.status.text())
    settle(1.0)  # ten polls with the card still there
    shot("card-reader-4-next-session.png")
    second = {
        "page": str(wizard.current_page()),
        "status": panel.status.text(),
        "empty": vars(wizard.session.draft) == vars(Draft()),
        "texts": all_texts(),
    }
    wizard.leave()
    print(json.dumps({"first": first, "second": second}, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
