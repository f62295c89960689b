"""The event types a subscription can ask for, and how an event's id is made. A leaf: producers import it."""

from __future__ import annotations

import uuid
from enum import StrEnum

_EVENT_NAMESPACE = uuid.UUID("5b1f8a52-7d0e-4c38-9a0e-3c2f3f7f6a01")


class EventType(StrEnum):
    ANALYSIS_COMPLETED = "analysis.completed"
    PROCESSING_FAILED = "processing.failed"
    BACKTEST_COMPLETED = "backtest.completed"


EVENT_TYPES = tuple(EventType)


def event_id(run_id: str, event_type: EventType) -> str:
    """The same run (or job) and outcome always give the same id, so a repeated completion is one event."""
    return f"evt_{uuid.uuid5(_EVENT_NAMESPACE, f'{run_id}:{event_type.value}').hex}"
