"""The backtest request as a client sends it: JSON bodies validated strictly, dates as in the listing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from shared.backtests.models import MAX_BACKTEST_CALLS, BacktestRequest

pytestmark = pytest.mark.unit


def _parse(body: str) -> BacktestRequest:
    return BacktestRequest.model_validate_json(body, strict=True)


def test_dates_and_date_times_are_taken_from_json_strings() -> None:
    request = _parse('{"from": "2026-11-01", "to": "2026-11-02T10:00:00+01:00", "campaignId": "c1", "limit": 7}')
    assert request.range_start == datetime(2026, 11, 1, tzinfo=UTC)
    assert request.range_end == datetime(2026, 11, 2, 9, tzinfo=UTC)
    assert (request.campaign_id, request.limit) == ("c1", 7)
    whole_day = _parse('{"to": "2026-11-02"}').range_end
    assert whole_day is not None and (whole_day.hour, whole_day.minute) == (23, 59)
    assert _parse("{}").limit == 100


@pytest.mark.parametrize(
    "body",
    [
        '{"from": "2026-11-03", "to": "2026-11-02"}',
        '{"from": "12345"}',
        '{"limit": 0}',
        f'{{"limit": {MAX_BACKTEST_CALLS + 1}}}',
        '{"limit": "10"}',
        '{"campaignId": "bad id/with slash"}',
        '{"dateFrom": "2026-11-01"}',
    ],
)
def test_bad_requests_are_refused(body: str) -> None:
    with pytest.raises(ValidationError):
        _parse(body)
