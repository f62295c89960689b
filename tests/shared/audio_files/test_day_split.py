"""How a date range splits into whole UTC days (counted by day counters) and pieces of days (counted by rows)."""

from datetime import UTC, date, datetime

import pytest

from shared.audio_files.records import DAY_MS, day_start_ms
from shared.audio_files.repository import split_days

pytestmark = pytest.mark.unit


def ms(*args: int) -> int:
    return int(datetime(*args, tzinfo=UTC).timestamp() * 1000)  # type: ignore[misc]


def test_bare_dates_are_whole_days() -> None:
    days = split_days(ms(2026, 1, 1), ms(2026, 1, 3) + DAY_MS - 1)
    assert (days.first_full, days.last_full, days.partial) == (date(2026, 1, 1), date(2026, 1, 3), [])


def test_times_inside_days_leave_pieces_at_both_ends() -> None:
    start, end = ms(2026, 1, 1, 12), ms(2026, 1, 4, 6)
    days = split_days(start, end)
    assert (days.first_full, days.last_full) == (date(2026, 1, 2), date(2026, 1, 3))
    assert days.partial == [(start, day_start_ms(date(2026, 1, 2)) - 1), (day_start_ms(date(2026, 1, 4)), end)]


def test_a_range_inside_one_day_is_one_piece() -> None:
    start, end = ms(2026, 1, 1, 8), ms(2026, 1, 1, 9)
    days = split_days(start, end)
    assert not days.has_full_days and days.partial == [(start, end)]


def test_open_ends_count_every_day_on_that_side() -> None:
    assert split_days(None, None).has_full_days
    days = split_days(None, ms(2026, 1, 1, 6))
    assert days.first_full is None and days.last_full == date(2025, 12, 31)
    assert days.partial == [(ms(2026, 1, 1), ms(2026, 1, 1, 6))]
    days = split_days(ms(2026, 1, 1, 6), None)
    assert days.first_full == date(2026, 1, 2) and days.last_full is None and len(days.partial) == 1
