"""Timer triggers through the local host: schedule, startup run and the function-level retry policy."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from devhost import FunctionHost
from tests.devhost import sample_app
from tests.waiting import wait_for

pytestmark = pytest.mark.integration


def test_an_every_second_schedule_fires_about_once_a_second(start_host: Callable[..., FunctionHost]) -> None:
    before = len(sample_app.recorded("tick"))
    started = time.monotonic()
    host = start_host(["tick"])
    wait_for(lambda: len(sample_app.recorded("tick")) >= before + 3, timeout=10)
    host.stop(timeout=5)
    fired = sample_app.recorded("tick")[before:]
    assert len(fired) <= time.monotonic() - started + 2  # about one a second, not a busy loop
    assert fired[0]["past_due"] is False
    assert fired[0]["next"] is not None
    count = len(sample_app.recorded("tick"))
    time.sleep(1.5)
    assert len(sample_app.recorded("tick")) == count  # stopped means stopped


def test_run_on_startup_with_fixed_delay_retries(start_host: Callable[..., FunctionHost]) -> None:
    before = len(sample_app.recorded("flaky_startup_tick"))
    start_host(["flaky_startup_tick"])  # yearly schedule: only the startup run happens in this test
    wait_for(lambda: len(sample_app.recorded("flaky_startup_tick")) >= before + 3, timeout=10)
    time.sleep(0.5)
    retries = [call["retry_count"] for call in sample_app.recorded("flaky_startup_tick")[before:]]
    assert retries == [0, 1, 2]  # max_retry_count 2: two retries, the last succeeds, no more
