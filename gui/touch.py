"""Fingers on a touch screen: flick scrolling with overshoot."""

from __future__ import annotations

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
