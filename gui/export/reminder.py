"""The renewal reminder: an .ics file and the VEVENT text behind the QR code."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, datetime, timedelta

import segno
from icalendar import Alarm, Calendar, Event

from gui import present
from gui.content import Content
from gui.domain import Assessment

QR_SCALE = 4  # pixels per module in the PNG; the PDF sizes the image in points


def _event(a: Assessment, content: Content, full: bool = True) -> Event:
    """An all-day event on the reminder day with an alarm a week before (no identifiers).

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
        separator = "、" if content.locale == "zh_CN" else "; "
        materials = separator.join(present.materials(a, content))
        event.add("description", content.text("export.reminder.description",
                                              materials=materials))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", content.text("export.reminder.alarm"))
    alarm.add("trigger", timedelta(days=-7))
    event.add_component(alarm)
    return event


def ics_bytes(a: Assessment, content: Content) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//ID Renewal Guide//idguide//")
    calendar.add("version", "2.0")
    calendar.add_component(_event(a, content))
    return calendar.to_ical()


def qr_text(a: Assessment, content: Content) -> str:
    """A bare VEVENT: what phone cameras offer to add to the calendar."""
    return _event(a, content, full=False).to_ical().decode("utf-8")


def qr_png(a: Assessment, content: Content) -> bytes:
    code = segno.make(qr_text(a, content), error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=QR_SCALE, border=4)
    return buffer.getvalue()
