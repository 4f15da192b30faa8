"""Guard against the PySide6 6.12.0 / CPython 3.11 crash (Fatal Python error: none_dealloc).

That build drops a reference to None on every call of a void Qt method (and to True on
every Python Signal.emit()); after ~5,000 calls the interpreter aborts. pyproject.toml
excludes it; this test stops any future upgrade from bringing the bug back silently.
"""

import sys

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QLabel

CALLS = 20_000
CHUNK = 200  # check often: the bug aborts the interpreter before 20,000 calls
SLACK = 100  # unrelated allocations may move the counts a little; the bug moves one per call


class Emitter(QObject):
    fired = Signal(bool)


def test_void_calls_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for done in range(0, CALLS, CHUNK):
        for i in range(CHUNK):
            label.setText("x" if i % 2 else "y")
            QCoreApplication.processEvents()
        assert sys.getrefcount(None) >= before - SLACK, f"None lost references by call {done}"


def test_signal_emit_keeps_true_alive(qtbot):
    emitter = Emitter()
    received = []
    emitter.fired.connect(received.append)
    before = sys.getrefcount(True)
    for done in range(0, CALLS, CHUNK):
        for _ in range(CHUNK):
            emitter.fired.emit(True)
        assert sys.getrefcount(True) >= before - SLACK, f"True lost references by emit {done}"
    assert len(received) == CALLS
