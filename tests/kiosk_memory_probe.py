"""Child process for test_kiosk_privacy: what of the last person is still in memory?

Runs kiosk sessions with the canary identity, then scans twice, once before and once
after the reset: every text a widget of the application shows or exposes, and every
Python string or date held by any object the garbage collector knows (the probe's and
the test helpers' own canary constants excluded by identity). Also counts raw canary bytes
in the process's writable memory (/proc/self/mem), for information: freed C heap is not
zeroed, which is why the kiosk also turns core dumps off and makes itself non-dumpable.
Prints one JSON object.
"""

import gc
import json
import linecache
import os
import sys
import types
from datetime import date
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.memory_scan import writable_memory


def owned_by_tests() -> set[int]:
    """ids of every object reachable from the test helper modules (their canary constants)."""
    seen: set[int] = set()
    stack: list[object] = [
        m.__dict__
        for name, m in sys.modules.items()
        if name.startswith("tests") or name == "__main__"
    ]
    stack.append(linecache.cache)  # source lines of the test helpers, read for tracebacks
    while stack:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, types.ModuleType | type):
            continue
        seen.add(id(obj))
        if isinstance(obj, dict):
            stack += list(obj.keys()) + list(obj.values())
        elif isinstance(obj, list | tuple | set | frozenset):
            stack += list(obj)
    return seen


def scan(wizard, forms, dates, excluded=frozenset()):
    from PySide6.QtWidgets import QApplication, QComboBox

    from tests.kiosk_helpers import texts_of

    texts = texts_of(wizard)
    for widget in QApplication.allWidgets():
        texts += texts_of(widget)
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
    widget_hits = sorted({f for t in texts for f in forms if f in t})
    gc.collect()
    excluded = owned_by_tests() | set(excluded)
    object_hits = set()
    for holder in gc.get_objects():
        for ref in gc.get_referents(holder):
            if id(ref) in excluded:
                continue
            if isinstance(ref, str) and len(ref) >= 8:
                object_hits.update(f"{f} in {type(holder).__name__}" for f in forms if f in ref)
            elif type(ref) is date and ref in dates:
                object_hits.add(f"date {ref} in {type(holder).__name__}")
    return widget_hits, sorted(object_hits)


def raw_hits(needles: list[bytes]) -> int:
    return sum(data.count(n) for data in writable_memory() for n in needles)


def main(sessions: int) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from gui.domain import Situation
    from tests.kiosk_helpers import CANARY_DATES, CANARY_FORMS, make_kiosk, run_session

    app = QApplication([])
    wizard = make_kiosk(app, {"kiosk/printer": "NoSuchPrinter-xyz"})
    situations = [s for s in Situation if s is not Situation.RENEWED]
    for number in range(sessions):
        if number:
            wizard.start_again()
        run_session(wizard, situations[number % len(situations)])
    forms = list(CANARY_FORMS)
    needles = [f.encode(e) for f in forms for e in ("utf-8", "utf-16-le")]
    before = scan(wizard, forms, set(CANARY_DATES))
    raw_before = raw_hits(needles)
    wizard.start_again()  # "完成 / 下一位", the idle countdown's end, 重新开始: all end here
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    report = {id(text) for found in before for text in found}  # the report itself
    after = scan(wizard, forms, set(CANARY_DATES), report)
    print(
        json.dumps(
            {
                "before": before,
                "after": after,
                "raw_before": raw_before,
                "raw_after": raw_hits(needles),
            }
        )
    )
    wizard.leave()


if __name__ == "__main__":
    main(int(sys.argv[1]))
