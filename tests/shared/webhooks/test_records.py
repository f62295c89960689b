"""Delivery ids and keys, the bounded attempt log, and the table entity round trip."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from shared.webhooks.delivery import AttemptMessage, RunEvent, _append_attempt, payload_of
from shared.webhooks.policy import DeliveryPolicy
from shared.webhooks.records import (
    DELIVERY_ID_PATTERN,
    AttemptRecord,
    DeliveryRecord,
    delivery_from_entity,
    delivery_id_for,
    delivery_row_key,
    delivery_to_entity,
)

pytestmark = pytest.mark.unit

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def test_a_delivery_id_is_the_same_for_the_same_event_and_subscription_only() -> None:
    first = delivery_id_for("evt_1", "wh_A", NOW)
    assert re.fullmatch(DELIVERY_ID_PATTERN, first)
    assert delivery_id_for("evt_1", "wh_A", NOW) == first
    assert delivery_id_for("evt_2", "wh_A", NOW) != first
    assert delivery_id_for("evt_1", "wh_B", NOW) != first


def test_row_keys_sort_newest_event_first() -> None:
    older = delivery_row_key(delivery_id_for("evt_1", "wh_A", NOW))
    newer = delivery_row_key(delivery_id_for("evt_2", "wh_A", NOW + timedelta(milliseconds=1)))
    assert newer < older


def _delivery() -> DeliveryRecord:
    return DeliveryRecord(
        tenant_id="t1", subscription_id="wh_A", id=delivery_id_for("evt_1", "wh_A", NOW), event_id="evt_1",
        event_type="analysis.completed", event_time=NOW, payload={"type": "analysis.completed"},
        created_at=NOW, updated_at=NOW,
    )  # fmt: skip


def test_the_attempt_log_keeps_the_latest_attempts_and_counts_all() -> None:
    record = _delivery()
    policy = DeliveryPolicy(max_recorded_attempts=3)
    for number in range(1, 6):
        _append_attempt(record, AttemptRecord(sequence=1, attempt=number, at=NOW, duration_ms=1), policy)
    assert [a.attempt for a in record.attempts] == [3, 4, 5]
    assert record.attempt_count == 5


def test_the_entity_round_trip_keeps_everything() -> None:
    record = _delivery()
    record.attempts = [AttemptRecord(sequence=1, attempt=1, at=NOW, duration_ms=12, status_code=500)]
    record.next_attempt_at = NOW + timedelta(seconds=5)
    entity = delivery_to_entity(record)
    assert entity["PartitionKey"] == "t1:wh_A" and entity["RowKey"].endswith(record.id)
    assert delivery_from_entity(entity) == record


def test_the_payload_carries_only_ids_status_and_links() -> None:
    event = RunEvent(
        id="evt_1", type="processing.failed", tenant_id="t1", timestamp=NOW,
        data={
            "audioFileId": "af_1", "runId": "r1", "status": "failed", "engagementId": "e1",
            "transcript": "words", "error": {"code": "not_audio", "stage": "transcription", "message": "details"},
            "links": {"self": "/api/v1/audio-files/af_1", "evil": "https://elsewhere"}, "customerName": "Ann",
        },
    )  # fmt: skip
    assert payload_of(event) == {
        "type": "processing.failed",
        "timestamp": "2024-05-01T12:00:00Z",
        "data": {
            "audioFileId": "af_1", "runId": "r1", "status": "failed", "engagementId": "e1",
            "error": {"code": "not_audio", "stage": "transcription"}, "links": {"self": "/api/v1/audio-files/af_1"},
        },
    }  # fmt: skip


def test_attempt_messages_are_camel_case_on_the_queue() -> None:
    message = AttemptMessage(tenant_id="t1", subscription_id="wh_A", delivery_id="dlv_1", sequence=2, attempt=3)
    assert message.to_wire() == {
        "kind": "attempt", "tenantId": "t1", "subscriptionId": "wh_A", "deliveryId": "dlv_1", "sequence": 2,
        "attempt": 3,
    }  # fmt: skip
