import time
from datetime import UTC, date, datetime

import pytest

from gui.domain import dates
from gui.domain.dates import add_years, age_on, china_today


@pytest.mark.parametrize(
    ("start", "years", "expected"),
    [
        ("2004-02-29", 10, "2014-03-01"),  # GA 214.8-2004's own example
        ("2004-02-29", 20, "2024-02-29"),  # leap year to leap year keeps the day
        ("2004-02-29", 5, "2009-03-01"),
        ("2010-02-28", 10, "2020-02-28"),
        ("2010-03-01", 10, "2020-03-01"),
        ("2016-12-31", 10, "2026-12-31"),
    ],
)
def test_add_years_follows_the_leap_day_rule(start, years, expected):
    assert add_years(date.fromisoformat(start), years) == date.fromisoformat(expected)


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        ("1992-02-29", "2018-02-28", 25),
        ("1992-02-29", "2018-03-01", 26),  # born on 29 Feb: a year older on 1 March
        ("1992-02-29", "2020-02-29", 28),
        ("1992-02-29", "2020-02-28", 27),
        ("1980-05-01", "2026-04-30", 45),
        ("1980-05-01", "2026-05-01", 46),
        ("2010-12-31", "2010-12-31", 0),
    ],
)
def test_age_on(birth, on, age):
    assert age_on(date.fromisoformat(birth), date.fromisoformat(on)) == age


# 2026-11-28 15:59:59Z is 23:59:59 in Beijing; one second later it is 29 November there.
BEFORE = datetime(2026, 11, 28, 15, 59, 59, tzinfo=UTC).timestamp()
AFTER = datetime(2026, 11, 28, 16, 0, 0, tzinfo=UTC).timestamp()


@pytest.fixture(params=["UTC", "Asia/Shanghai", "America/Los_Angeles"])
def machine_zone(request, monkeypatch):
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def test_china_today_ignores_the_machine_zone(machine_zone):
    assert china_today(lambda: BEFORE) == date(2026, 11, 28)
    assert china_today(lambda: AFTER) == date(2026, 11, 29)


def test_china_today_without_tzdata_uses_a_fixed_offset(monkeypatch):
    def missing(_key):
        raise dates.ZoneInfoNotFoundError("no tzdata")

    monkeypatch.setattr(dates, "ZoneInfo", missing)
    assert dates.china_zone() is dates.CHINA_OFFSET
    assert china_today(lambda: BEFORE) == date(2026, 11, 28)
    assert china_today(lambda: AFTER) == date(2026, 11, 29)


def test_china_today_defaults_to_the_clock():
    now = datetime.now(dates.china_zone()).date()
    # the call may straddle midnight in China
    assert china_today() in (now, date.fromordinal(now.toordinal() + 1))
