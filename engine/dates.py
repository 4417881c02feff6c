"""Counting periods as 民法典第二百零一条至第二百零三条 say.

第二百零一条: the starting day is not counted. 第二百零二条: a period in months or years ends on the
corresponding day of the last month, or that month's last day when it has none. 第二百零三条: a last day
that is a statutory rest day or holiday moves to the day after the holiday ends. Weekends always count
as rest days; official holidays and the working weekends (调休) come from the `chinese-calendar`
package's data, which covers a limited range of years — beyond it only weekends move, and the caller
is told so that the verdict can say it.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import chinese_calendar


def add_months(start: dt.date, months: int) -> dt.date:
    """The corresponding day `months` later, or that month's last day (2024-01-31 + 1 → 2024-02-29)."""
    total = start.month - 1 + months
    year, month = start.year + total // 12, total % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


@lru_cache(maxsize=8192)
def calendar_covers(day: dt.date) -> bool:
    try:
        chinese_calendar.is_holiday(day)
    except NotImplementedError:
        return False
    return True


@lru_cache(maxsize=8192)
def is_rest_day(day: dt.date) -> bool:
    """A statutory holiday or weekend rest day; a 调休 working weekend is not one."""
    try:
        return chinese_calendar.is_holiday(day)
    except NotImplementedError:
        return day.weekday() >= 5


@dataclass(frozen=True)
class PeriodEnd:
    date: dt.date  # the last day of the period, after any move
    unmoved: dt.date  # the last day by 第二百零一条、第二百零二条 alone
    covered: bool  # whether the holiday data covered every day we looked at

    @property
    def moved(self) -> bool:
        return self.date != self.unmoved


@lru_cache(maxsize=8192)
def period_end(start: dt.date, *, years: int = 0, months: int = 0, days: int = 0, moves: bool = True) -> PeriodEnd:
    """The last day of a period that starts to run on `start` (which itself is not counted)."""
    end = add_months(start, 12 * years + months) if (years or months) else start
    end = end + dt.timedelta(days=days)
    unmoved = end
    covered = calendar_covers(end)
    if moves:
        while is_rest_day(end):
            end += dt.timedelta(days=1)
            covered = covered and calendar_covers(end)
    return PeriodEnd(date=end, unmoved=unmoved, covered=covered)


def calendar_last_year() -> int:
    """The last year the holiday data covers."""
    from chinese_calendar import constants

    return max(constants.holidays).year
