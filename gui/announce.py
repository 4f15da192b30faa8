"""Tell screen readers about text that appeared without the focus moving to it."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QLabel


def announce(label: QLabel) -> None:
    """An alert for a message (an error, a reason): Orca reads it out at once."""
    label.setAccessibleName(label.text())
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleEvent(label, QAccessible.Event.Alert))
