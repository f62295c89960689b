"""When a failed delivery is tried again, and the other knobs of delivery.

The default schedule is Standard Webhooks' reference schedule: the first attempt at once, then retries after
5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (8 attempts over about 27.6 hours), each delay stretched by up
to +/-10 % jitter so receivers that failed together are not retried together. A ``Retry-After`` longer than
the scheduled delay is honoured up to a cap; a shorter one never makes us retry sooner.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import timedelta

REFERENCE_RETRY_DELAYS_S: tuple[float, ...] = (5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600)
MAX_QUEUE_VISIBILITY_S = 7 * 24 * 3600  # Azure Queue Storage's limit for a message's initial invisibility


@dataclass(frozen=True)
class DeliveryPolicy:
    retry_delays_s: tuple[float, ...] = REFERENCE_RETRY_DELAYS_S
    jitter_ratio: float = 0.1
    retry_after_cap_s: float = 3600.0
    attempt_timeout_s: float = 10.0
    secret_grace: timedelta = timedelta(hours=24)  # how long a rotated-out secret keeps signing
    max_subscriptions_per_tenant: int = 20
    max_recorded_attempts: int = 20  # attempts kept on a delivery record (its total count is kept apart)
    user_agent: str = "AudioFiles-Webhooks/1.0"
    rng: random.Random = field(default_factory=random.Random, compare=False, repr=False)

    @property
    def max_attempts(self) -> int:
        return len(self.retry_delays_s) + 1

    @property
    def total_window_s(self) -> float:
        """From the first attempt to the last one, without jitter or Retry-After."""
        return float(sum(self.retry_delays_s))

    def retry_delay_s(self, attempt: int, retry_after_s: float | None = None) -> float | None:
        """Seconds to wait after failed attempt number ``attempt`` (1-based), or None when it was the last."""
        if attempt >= self.max_attempts:
            return None
        scheduled = self.retry_delays_s[attempt - 1]
        jitter = 1 + self.rng.uniform(-self.jitter_ratio, self.jitter_ratio) if self.jitter_ratio else 1.0
        delay = scheduled * jitter
        if retry_after_s is not None and retry_after_s > delay:
            delay = max(delay, min(retry_after_s, self.retry_after_cap_s))
        return min(delay, MAX_QUEUE_VISIBILITY_S)


def queue_delay_s(delay_s: float) -> int:
    """Queue visibility is whole seconds: round up so a retry never comes early."""
    return max(0, math.ceil(delay_s))
