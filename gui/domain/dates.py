"""China's "today" and the year arithmetic of GA 214.8-2004.

Dates are always `datetime.date`; nothing here reads the machine's time zone.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.relativedelta import relativedelta

CHINA_OFFSET = timezone(timedelta(hours=8), "UTC+8")


def china_zone() -> tzinfo:
    """Asia/Shanghai, or a fixed UTC+8 where no tz database is installed.

    China has kept UTC+8 without daylight saving since 1991, so the fallback gives
    the same dates for any "today" this app computes.
    """
    try:
        return ZoneInfo("Asia/Shanghai")
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return CHINA_OFFSET


def china_today(clock: Callable[[], float] = time.time) -> date:
    """The calendar date in China now, whatever zone the machine is set to."""
    return datetime.fromtimestamp(clock(), tz=china_zone()).date()


def add_years(day: date, years: int) -> date:
    """`day` plus whole years; 29 February lands on 1 March in non-leap years.

    GA 214.8-2004 ends a card started on 29 Feb on 1 Mar; plain relativedelta
    would give 28 Feb.
    """
    moved: date = day + relativedelta(years=years)
    if (day.month, day.day) == (2, 29) and moved.day == 28:
        return moved + timedelta(days=1)
    return moved


def add_months(day: date, months: int) -> date:
    """`day` plus (or minus) whole months, clamped to the month's last day."""
    return day + relativedelta(months=months)


def age_on(birth: date, on: date) -> int:
    """Completed years of age on `on`; a 29 Feb birthday counts from 1 Mar."""
    years = on.year - birth.year
    if add_years(birth, years) > on:
        years -= 1
    return years
