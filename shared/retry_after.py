"""How long a server asks us to wait before trying again."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


def retry_after_seconds(headers: Mapping[str, str], now: datetime | None = None) -> float | None:
    """``retry-after-ms`` / ``x-ms-retry-after-ms`` (Azure AI services), else ``Retry-After`` as delta-seconds or
    an HTTP date. None when absent or unreadable; never negative. ``headers`` must look up case-insensitively
    (httpx.Headers does) or use lower-case names."""
    milliseconds = headers.get("retry-after-ms") or headers.get("x-ms-retry-after-ms")
    if milliseconds:
        try:
            return max(0.0, float(milliseconds) / 1000)
        except ValueError:
            pass
    value = (headers.get("retry-after") or "").strip()
    if not value:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - (now or datetime.now(UTC))).total_seconds())
