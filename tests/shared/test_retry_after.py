"""Retry-After in the forms Azure services and webhook receivers send it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from shared.retry_after import retry_after_seconds

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("", None),
        ("120", 120.0),
        (" 7 ", 7.0),
        ("-5", None),
        ("soon", None),
        ("1.5", 1.5),
    ],
)
def test_retry_after_as_seconds(header: str | None, expected: float | None) -> None:
    assert retry_after_seconds({"retry-after": header} if header is not None else {}, datetime.now(UTC)) == expected


def test_retry_after_as_an_http_date() -> None:
    now = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    assert retry_after_seconds({"retry-after": format_datetime(now + timedelta(minutes=3), usegmt=True)}, now) == 180
    assert retry_after_seconds({"retry-after": format_datetime(now - timedelta(minutes=3), usegmt=True)}, now) == 0


def test_azure_milliseconds_win_over_seconds() -> None:
    headers = httpx.Headers({"Retry-After-Ms": "1500", "Retry-After": "30"})
    assert retry_after_seconds(headers) == 1.5
    assert retry_after_seconds(httpx.Headers({"x-ms-retry-after-ms": "250"})) == 0.25
