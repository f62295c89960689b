"""Timer schedules as the Functions host reads them: six-field NCRONTAB (with seconds) or a TimeSpan interval.

All times are UTC, the host's default. NCRONTAB requires BOTH day-of-month and day-of-week to match when both
are restricted (unlike Vixie cron, which ORs them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from devhost.settings import HostStartupError, parse_timespan

_MONTH_NAMES = {
    name: number
    for number, name in enumerate(
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], start=1
    )
}
_DAY_NAMES = {name: number for number, name in enumerate(["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"])}
# Searching further than this many days means the expression never fires (e.g. 30 February).
_SEARCH_DAYS = 366 * 8


class Schedule(Protocol):
    def next_after(self, moment: datetime) -> datetime: ...


def parse_schedule(expression: str) -> Schedule:
    """A TimeSpan (``hh:mm:ss``) gives a fixed interval; anything else must be six-field NCRONTAB."""
    if ":" in expression and " " not in expression.strip():
        return IntervalSchedule(timedelta(seconds=parse_timespan(expression)))
    return CronSchedule.parse(expression)


@dataclass(frozen=True)
class IntervalSchedule:
    interval: timedelta

    def next_after(self, moment: datetime) -> datetime:
        return moment + self.interval


@dataclass(frozen=True)
class CronSchedule:
    seconds: frozenset[int]
    minutes: frozenset[int]
    hours: frozenset[int]
    days: frozenset[int]
    months: frozenset[int]
    weekdays: frozenset[int]  # 0 = Sunday

    @classmethod
    def parse(cls, expression: str) -> CronSchedule:
        fields = expression.split()
        if len(fields) != 6:
            raise HostStartupError(
                f"Timer schedule {expression!r} must have six fields (second minute hour day month day-of-week)."
            )
        try:
            weekdays = _parse_field(fields[5], 0, 7, _DAY_NAMES)
            return cls(
                seconds=_parse_field(fields[0], 0, 59),
                minutes=_parse_field(fields[1], 0, 59),
                hours=_parse_field(fields[2], 0, 23),
                days=_parse_field(fields[3], 1, 31),
                months=_parse_field(fields[4], 1, 12, _MONTH_NAMES),
                weekdays=frozenset(day % 7 for day in weekdays),  # 7 is Sunday too
            )
        except ValueError as error:
            raise HostStartupError(f"Timer schedule {expression!r}: {error}") from error

    def next_after(self, moment: datetime) -> datetime:
        """The first occurrence strictly after ``moment`` (whole seconds)."""
        candidate = moment.replace(microsecond=0) + timedelta(seconds=1)
        for _ in range(_SEARCH_DAYS):
            if self._day_matches(candidate):
                found = self._first_time_on_day_from(candidate)
                if found is not None:
                    return found
            candidate = (candidate + timedelta(days=1)).replace(hour=0, minute=0, second=0)
        raise HostStartupError("Timer schedule never fires.")

    def _day_matches(self, moment: datetime) -> bool:
        weekday = (moment.weekday() + 1) % 7  # Python: Monday = 0; cron: Sunday = 0
        return moment.month in self.months and moment.day in self.days and weekday in self.weekdays

    def _first_time_on_day_from(self, start: datetime) -> datetime | None:
        for hour in sorted(h for h in self.hours if h >= start.hour):
            minute_floor = start.minute if hour == start.hour else 0
            for minute in sorted(m for m in self.minutes if m >= minute_floor):
                second_floor = start.second if (hour, minute) == (start.hour, start.minute) else 0
                seconds = [s for s in self.seconds if s >= second_floor]
                if seconds:
                    return start.replace(hour=hour, minute=minute, second=min(seconds))
        return None


def _parse_field(text: str, low: int, high: int, names: dict[str, int] | None = None) -> frozenset[int]:
    values: set[int] = set()
    for part in text.split(","):
        range_text, _, step_text = part.partition("/")
        step = int(step_text) if step_text else 1
        if step < 1:
            raise ValueError(f"step must be positive in {part!r}")
        if range_text == "*":
            start, end = low, high
        elif "-" in range_text:
            first, last = range_text.split("-", 1)
            start, end = _value(first, names), _value(last, names)
        else:
            start = _value(range_text, names)
            end = high if step_text else start  # "5/10" means from 5 to the end, every 10
        if not (low <= start <= high and low <= end <= high) or start > end:
            raise ValueError(f"{part!r} is outside {low}-{high}")
        values.update(range(start, end + 1, step))
    return frozenset(values)


def _value(text: str, names: dict[str, int] | None) -> int:
    if names and text.upper() in names:
        return names[text.upper()]
    if not text.isdigit():
        raise ValueError(f"{text!r} is not a number")
    return int(text)
