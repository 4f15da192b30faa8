"""Style-sheet states: a property the style sheet reads, re-applied when it changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

# Two spellings of an empty style sheet. Setting the other one makes Qt re-apply the
# application's rules to the widget, as QStyle.polish would; but the first call of
# QStyle.polish from Python costs 35-50 ms (PySide6 builds ~95 enum types then).
_EMPTY = ("/**/", "/* */")


def repolish(widget: QWidget) -> None:
    """Re-apply the application's style sheet to a widget that has none of its own."""
    widget.setStyleSheet(_EMPTY[widget.styleSheet() == _EMPTY[0]])


def restyle(widget: QWidget, name: str, value: str) -> None:
    """Set a property the style sheet reads; re-polishing is slow, so only on a change, and
    only once the widget has been polished (its first polish reads the property anyway)."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
            repolish(widget)
