"""Child process for tests/test_kiosk_taps.py: the real kiosk (run_kiosk) on an X server,
answering questions about itself on stdin so that the test can tap it with xdotool.

Commands, one a line; each answer is one line of JSON:
- `where NAME[/NAME...]`: the screen rectangle of the first visible widget with that
  object name (each name searched inside the previous one), and whether the whole of it
  is inside its page's visible area: {"x", "y", "w", "h", "inside"} or null.
- `state`: the page shown, its scroll position, the words on its 下一步, the language,
  the visible error texts and the open date pickers.
- `shot FILE`: the X server's own pixels of the screen, saved as a PNG.
"""

import json
import os
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def visible(widget) -> bool:
    return widget.isVisible() and widget.width() > 0


def find(wizard, path: str):
    from PySide6.QtWidgets import QWidget

    found = [wizard.currentPage(), *wizard.findChildren(QWidget, "countdown")]
    for name in path.split("/"):
        found = [w for parent in found for w in parent.findChildren(QWidget, name) if visible(w)]
        if not found:
            return None
    return found[0]


def where(wizard, path: str) -> dict | None:
    from PySide6.QtCore import QRect

    widget = find(wizard, path)
    if widget is None:
        return None
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    page = wizard.currentPage()
    shown = QRect(page.mapToGlobal(page.rect().topLeft()), page.size())
    viewport = page.scroll_area.viewport()
    if viewport.isAncestorOf(widget):
        shown = QRect(viewport.mapToGlobal(viewport.rect().topLeft()), viewport.size())
    rect = QRect(top_left, widget.size())
    return {
        "x": rect.x(),
        "y": rect.y(),
        "w": rect.width(),
        "h": rect.height(),
        "inside": shown.contains(rect),
        "text": getattr(widget, "text", lambda: "")(),
    }


def state(wizard) -> dict:
    from PySide6.QtWidgets import QLabel

    from gui.date_picker import DateField

    page = wizard.currentPage()
    window = wizard.windowHandle()
    return {
        "covers": window is not None
        and window.isExposed()
        and wizard.geometry() == wizard.screen().geometry(),
        "page": str(wizard.current_page()),
        "scroll": page.scroll_area.verticalScrollBar().value(),
        "next": page.bar.next.text() if page.bar is not None else "",
        "locale": wizard.language,
        "errors": [
            w.text()
            for w in page.findChildren(QLabel)
            if w.property("role") == "error" and visible(w) and w.text()
        ],
        "pickers": [f.objectName() for f in page.findChildren(DateField) if f.panel.isVisible()],
    }


def serve(wizard) -> None:
    from PySide6.QtCore import QSocketNotifier
    from PySide6.QtGui import QGuiApplication

    def answer() -> None:
        line = sys.stdin.readline()
        if not line:
            notifier.setEnabled(False)
            return
        command, _, argument = line.strip().partition(" ")
        if command == "where":
            reply = where(wizard, argument)
        elif command == "state":
            reply = state(wizard)
        elif command == "shot":
            QGuiApplication.primaryScreen().grabWindow(0).save(argument)
            reply = argument
        else:
            reply = {"unknown": command}
        print(json.dumps(reply, ensure_ascii=False), flush=True)

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read, wizard)
    notifier.activated.connect(answer)
    print("ready", flush=True)


def main(config: str) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import gui.kiosk.app as kiosk_app
    from gui.kiosk.window import KioskWizard

    def start() -> None:
        wizard = next(w for w in QApplication.topLevelWidgets() if isinstance(w, KioskWizard))
        serve(wizard)

    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    QTimer.singleShot(0, start)
    return kiosk_app.run_kiosk(Path(config), date(2026, 11, 29))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
