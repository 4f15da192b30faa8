"""The renewal reminder: an .ics file and the VEVENT text behind the QR code."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import segno
from icalendar import Alarm, Calendar, Event

from gui import present
from gui.content import Content
from gui.domain import Assessment
from gui.languages import LANGUAGES

ALARM_BEFORE = timedelta(days=7)
QR_BORDER = 4  # the quiet zone the QR standard asks for, in modules
_GREY = bytes([255, 0]) + bytes(254)  # segno's 0 (light) -> 255, 1 (dark) -> 0
QR_MASK = 2  # vertical stripes: no large same-colour blocks on typical calendar text


def _event(a: Assessment, content: Content, full: bool = True) -> Event:
    """An all-day event on the reminder day, with an alarm a week before if that is still
    ahead; nothing that identifies the person.

    `full=False` leaves out what only a calendar file needs (id, stamp, the list of
    documents), keeping the QR code small enough to scan from paper at arm's length.
    """
    if a.remind_on is None:
        raise ValueError("this assessment needs no renewal reminder")
    event = Event()
    event.add("summary", content.text("export.reminder.summary"))
    event.add("dtstart", a.remind_on)
    event.add("dtend", a.remind_on + timedelta(days=1))
    if full:
        # a random id: nothing about the person goes into the file
        event.add("uid", f"{uuid.uuid4()}@idguide")
        event.add("dtstamp", datetime.now(UTC).replace(microsecond=0))
        separator = LANGUAGES[content.locale].list_separator
        materials = separator.join(present.materials(a, content))
        event.add("description", content.text("export.reminder.description", materials=materials))
    if a.remind_on - ALARM_BEFORE > a.today:  # an alarm already in the past would never ring
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", content.text("export.reminder.alarm"))
        alarm.add("trigger", -ALARM_BEFORE)
        event.add_component(alarm)
    return event


def ics_bytes(a: Assessment, content: Content) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//ID Renewal Guide//idguide//")
    calendar.add("version", "2.0")
    calendar.add_component(_event(a, content))
    return bytes(calendar.to_ical())  # icalendar is untyped


def qr_text(a: Assessment, content: Content) -> str:
    """A bare VEVENT: what phone cameras offer to add to the calendar."""
    return bytes(_event(a, content, full=False).to_ical()).decode("utf-8")


def qr_grey(a: Assessment, content: Content) -> tuple[int, bytes]:
    """The reminder's QR code as 8-bit grey pixels (0 dark, 255 light), quiet zone included.

    Returns (modules per side, pixels row by row), one pixel per module.
    """
    # a fixed mask: segno's search over all eight takes ~20 ms and any mask scans
    code = segno.make(qr_text(a, content), error="m", micro=False, mask=QR_MASK)
    light = b"\xff" * QR_BORDER
    rows = [light + bytes(row).translate(_GREY) + light for row in code.matrix]
    size = len(rows[0])
    blank = [b"\xff" * size] * QR_BORDER
    return size, b"".join([*blank, *rows, *blank])
