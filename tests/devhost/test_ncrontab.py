from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from devhost.ncrontab import CronSchedule, IntervalSchedule, parse_schedule
from devhost.settings import HostStartupError

pytestmark = pytest.mark.unit

START = datetime(2025, 1, 31, 23, 59, 58, 500_000, tzinfo=UTC)  # a Friday


def _next(expression: str, moment: datetime = START) -> datetime:
    return parse_schedule(expression).next_after(moment)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("* * * * * *", datetime(2025, 1, 31, 23, 59, 59, tzinfo=UTC)),
        ("*/15 * * * * *", datetime(2025, 2, 1, 0, 0, 0, tzinfo=UTC)),
        ("0 */5 * * * *", datetime(2025, 2, 1, 0, 0, 0, tzinfo=UTC)),
        ("0 30 9 * * *", datetime(2025, 2, 1, 9, 30, 0, tzinfo=UTC)),
        ("0 0 9-17 * * 1-5", datetime(2025, 2, 3, 9, 0, 0, tzinfo=UTC)),  # next weekday is Monday 3 Feb
        ("0 0 0 * * SUN", datetime(2025, 2, 2, 0, 0, 0, tzinfo=UTC)),
        ("0 0 0 * * 7", datetime(2025, 2, 2, 0, 0, 0, tzinfo=UTC)),  # 7 is Sunday too
        ("0 0 0 1 JAN,JUL *", datetime(2025, 7, 1, 0, 0, 0, tzinfo=UTC)),
        ("5,10 0 0 * * *", datetime(2025, 2, 1, 0, 0, 5, tzinfo=UTC)),
        ("10/20 * * * * *", datetime(2025, 2, 1, 0, 0, 10, tzinfo=UTC)),
        ("0 0 0 29 2 *", datetime(2028, 2, 29, 0, 0, 0, tzinfo=UTC)),
        # Day of month AND day of week must both match (13th falling on a Friday: June 2025).
        ("0 0 0 13 * 5", datetime(2025, 6, 13, 0, 0, 0, tzinfo=UTC)),
    ],
)
def test_next_occurrence(expression: str, expected: datetime) -> None:
    assert _next(expression) == expected


def test_next_occurrence_is_strictly_after() -> None:
    exact = datetime(2025, 1, 1, 10, 0, 0, tzinfo=UTC)
    assert _next("0 0 10 * * *", exact) == exact + timedelta(days=1)


def test_timespan_schedule_is_an_interval() -> None:
    schedule = parse_schedule("00:05:00")
    assert isinstance(schedule, IntervalSchedule)
    assert schedule.next_after(START) == START + timedelta(minutes=5)


@pytest.mark.parametrize(
    "expression", ["* * * * *", "60 * * * * *", "* * 24 * * *", "*/0 * * * * *", "x * * * * *", "0 0 0 30 2 *"]
)
def test_invalid_schedules_are_refused(expression: str) -> None:
    with pytest.raises(HostStartupError):
        CronSchedule.parse(expression).next_after(START)
