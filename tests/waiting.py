"""Polling with a deadline: the one wait loop the tests share."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest


def wait_for(
    condition: Callable[[], Any],
    timeout: float = 15.0,
    interval: float = 0.05,
    message: str | Callable[[], str] | None = None,
) -> Any:
    """Poll until ``condition()`` is truthy and return it; fail the test on timeout.

    ``condition`` may raise to stop waiting at once (an assertion on a state that can no longer change).
    ``message`` (or what it returns, evaluated at the timeout) replaces the default failure text.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            text = message() if callable(message) else message
            pytest.fail(text or f"condition not met within {timeout}s")
        time.sleep(interval)
