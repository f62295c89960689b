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
    *,
    progress: Callable[[], object] | None = None,
    ceiling: float | None = None,
) -> Any:
    """Poll until ``condition()`` is truthy and return it; fail the test on timeout.

    ``condition`` may raise to stop waiting at once (an assertion on a state that can no longer change).
    ``message`` (or what it returns, evaluated at the timeout) replaces the default failure text.
    With ``progress`` (its result is compared between polls: a status, a count), ``timeout`` counts from its
    last change, so work that keeps moving on a loaded machine is waited for while work that stalls still
    fails; ``ceiling`` bounds the whole wait.
    """
    started = time.monotonic()
    deadline = started + timeout
    last_limit = started + ceiling if ceiling is not None else float("inf")
    seen = progress() if progress is not None else None
    while True:
        value = condition()
        if value:
            return value
        now = time.monotonic()
        if progress is not None and (current := progress()) != seen:
            seen, deadline = current, now + timeout
        if now > min(deadline, last_limit):
            text = message() if callable(message) else message
            pytest.fail(text or f"condition not met within {timeout}s")
        time.sleep(interval)
