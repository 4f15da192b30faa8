"""Fingers on a touch screen: flick scrolling with overshoot, and no double taps."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractScrollArea, QScroller, QScrollerProperties


def flick_scrolling(area: QAbstractScrollArea, mouse_too: bool) -> None:
    """A swipe scrolls `area` and springs back at its ends.

    On a kiosk the touch screen reaches Qt as a mouse, so a left-button drag scrolls too;
    a tap (no drag) still presses the button under the finger. Set up once per area.
    """
    if QScroller.hasScroller(area.viewport()):
        return
    gesture = (
        QScroller.ScrollerGestureType.LeftMouseButtonGesture
        if mouse_too
        else QScroller.ScrollerGestureType.TouchGesture
    )
    QScroller.grabGesture(area.viewport(), gesture)
    scroller = QScroller.scroller(area.viewport())
    properties = scroller.scrollerProperties()
    Metric, Policy = QScrollerProperties.ScrollMetric, QScrollerProperties.OvershootPolicy
    properties.setScrollMetric(Metric.VerticalOvershootPolicy, Policy.OvershootWhenScrollable)
    properties.setScrollMetric(Metric.HorizontalOvershootPolicy, Policy.OvershootAlwaysOff)
    properties.setScrollMetric(Metric.OvershootDragDistanceFactor, 0.2)
    properties.setScrollMetric(Metric.OvershootScrollDistanceFactor, 0.1)
    scroller.setScrollerProperties(properties)


class TapDebounce(QObject):
    """Ignores a second tap that comes within the platform's double-click interval of
    something that moved the screen on (a page change, a new grid of choices).

    Two quick taps arrive as press, release, double-click, release: the first release
    changes the page, and the rest would land on whatever the new page has under the
    finger (下一步 again, or a disabled one that explains what is missing). Only mouse
    events are held back: a key press or an accessible action is always deliberate.
    """

    HELD = frozenset(
        {
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.MouseButtonRelease,
        }
    )

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._moved_on = -1.0

    def moved_on(self) -> None:
        """The screen under the finger just changed."""
        self._moved_on = time.monotonic()

    def too_soon(self) -> bool:
        interval = QGuiApplication.styleHints().mouseDoubleClickInterval() / 1000
        return time.monotonic() - self._moved_on < interval

    def watch(self, target: QObject) -> None:
        """Hold back quick second taps on `target`: a widget, or a whole window (QWindow
        sees every mouse event before it is handed to the widget under the finger)."""
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        return event.type() in self.HELD and self.too_soon()
