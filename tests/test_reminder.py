"""The calendar reminder and its QR code."""

import re
from datetime import date, timedelta

import pytest
import segno
from icalendar import Calendar

from gui.content import load_content
from gui.export.reminder import ics_bytes, qr_grey, qr_text
from tests.export_helpers import CANARY_ID, assessment


@pytest.mark.parametrize(
    ("name", "day", "alarms"),
    [
        ("valid", date(2039, 10, 1), 1),
        ("expiry", date(2026, 11, 30), 0),
        ("lost-away", date(2026, 11, 30), 0),
    ],
)
def test_event_on_the_window_or_tomorrow_with_a_week_alarm(name, day, alarms):
    a = assessment(name)
    calendar = Calendar.from_ical(ics_bytes(a, load_content("zh_CN")))
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == day
    found = event.walk("VALARM")
    assert len(found) == alarms  # tomorrow's event gets no alarm already in the past
    for alarm in found:
        assert alarm.decoded("trigger") == timedelta(days=-7)
    description = str(event.get("description"))
    for material in ("户口簿",):
        assert material in description


def without_random_id_and_stamp(ics: str) -> str:
    """The UID is random hex and could hold "1980" by chance (it once did, in CI)."""
    return "\n".join(line for line in ics.splitlines() if not line.startswith(("UID:", "DTSTAMP:")))


def test_reminder_holds_no_identifier():
    a = assessment("expiry", id_number=CANARY_ID)
    for lang in ("zh_CN", "en"):
        content = load_content(lang)
        ics = ics_bytes(a, content).decode()
        assert re.search(r"^UID:[0-9a-f-]{36}@idguide\r?$", ics, re.MULTILINE)
        for blob in (without_random_id_and_stamp(ics), qr_text(a, content)):
            for needle in (CANARY_ID, CANARY_ID[:6], CANARY_ID[-4:], "19800501", "1980"):
                assert needle not in blob


def test_qr_is_a_vevent_small_enough_to_scan_from_paper():
    a = assessment("expiry")
    text = qr_text(a, load_content("zh_CN"))
    assert text.startswith("BEGIN:VEVENT") and text.rstrip().endswith("END:VEVENT")
    assert "DTSTART;VALUE=DATE:20261130" in text
    assert segno.make(text, error="m").version <= 12  # ≤ 65 modules: 0.7 mm each at 46 mm
    size, grey = qr_grey(a, load_content("zh_CN"))
    reference = segno.make(text, error="m")
    assert size == reference.symbol_size()[0] and len(grey) == size * size
    assert grey[:size] == b"\xff" * size  # the quiet zone is light
    assert set(grey) == {0, 255}


def test_no_reminder_when_nothing_is_renewed():
    with pytest.raises(ValueError):
        ics_bytes(assessment("long-term"), load_content("en"))
