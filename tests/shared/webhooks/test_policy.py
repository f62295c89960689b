"""The retry schedule: reference delays, jitter bounds, Retry-After, and the end of the schedule."""

from __future__ import annotations

import random

import pytest

from shared.webhooks.policy import (
    MAX_QUEUE_VISIBILITY_S,
    REFERENCE_RETRY_DELAYS_S,
    DeliveryPolicy,
    queue_delay_s,
)

pytestmark = pytest.mark.unit


def test_the_default_schedule_is_the_standard_webhooks_reference() -> None:
    policy = DeliveryPolicy()
    assert policy.retry_delays_s == (5, 300, 1800, 7200, 18000, 36000, 36000)
    assert policy.max_attempts == 8
    assert policy.total_window_s == 99_305  # about 27.6 hours from the first attempt to the last
    assert max(policy.retry_delays_s) * (1 + policy.jitter_ratio) < MAX_QUEUE_VISIBILITY_S


def test_without_jitter_each_attempt_gets_its_scheduled_delay_and_the_last_gets_none() -> None:
    policy = DeliveryPolicy(jitter_ratio=0)
    delays = [policy.retry_delay_s(attempt) for attempt in range(1, 9)]
    assert delays == [*REFERENCE_RETRY_DELAYS_S, None]
    assert policy.retry_delay_s(9) is None


def test_jitter_stays_within_ten_percent_and_varies() -> None:
    policy = DeliveryPolicy(rng=random.Random(7))
    samples = [policy.retry_delay_s(2) for _ in range(200)]
    assert all(s is not None and 270 <= s <= 330 for s in samples)
    assert len({round(s or 0, 3) for s in samples}) > 100


def test_retry_after_longer_than_the_schedule_is_honoured_up_to_the_cap() -> None:
    policy = DeliveryPolicy(jitter_ratio=0, retry_after_cap_s=3600)
    assert policy.retry_delay_s(1, retry_after_s=120) == 120  # scheduled 5 s, receiver asked for 2 min
    assert policy.retry_delay_s(1, retry_after_s=86_400) == 3600  # capped
    assert policy.retry_delay_s(3, retry_after_s=10) == 1800  # a shorter ask never makes us retry sooner
    assert policy.retry_delay_s(8, retry_after_s=10) is None  # nor adds attempts


def test_a_tiny_schedule_for_tests_and_local_runs() -> None:
    policy = DeliveryPolicy(retry_delays_s=(0, 0.2), jitter_ratio=0)
    assert policy.max_attempts == 3
    assert [policy.retry_delay_s(n) for n in (1, 2, 3)] == [0, 0.2, None]
    assert queue_delay_s(0.2) == 1 and queue_delay_s(0) == 0  # the queue counts whole seconds, never early
