"""Fan-out and delivery against a real Azurite and real loopback receivers that verify every signature."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from standardwebhooks.webhooks import WebhookVerificationError

from shared.audio_files.records import AudioFileRecord, ErrorInfo, Status
from shared.dependencies import Dependencies
from shared.pipeline.events import publish_run_outcome
from shared.webhooks import delivery, service
from shared.webhooks.delivery import AttemptMessage
from shared.webhooks.models import ListDeliveriesQuery, UpdateWebhookRequest
from shared.webhooks.policy import DeliveryPolicy
from shared.webhooks.records import DeliveryRecord, DeliveryStatus
from shared.webhooks.sender import WebhookSender
from tests.shared.webhooks.helpers import FAST, drain, publish, run_event, subscribe, take_messages
from tests.shared.webhooks.receiver import Answer, Receiver, running_receiver

pytestmark = pytest.mark.integration


def deliveries_of(deps: Dependencies, tenant: str, subscription_id: str) -> list[dict[str, Any]]:
    page = service.list_deliveries(deps, tenant, subscription_id, ListDeliveriesQuery(limit=100))
    return [item.to_wire() for item in page.items]


def test_an_event_reaches_exactly_the_subscriptions_that_want_it(deps: Dependencies, tenant: str) -> None:
    other_tenant = f"{tenant}-other"
    with running_receiver() as receiver:
        wanted = subscribe(deps, tenant, receiver.url("/wanted"))
        both = subscribe(deps, tenant, receiver.url("/both"), ("processing.failed", "analysis.completed"))
        subscribe(deps, tenant, receiver.url("/failures-only"), ("processing.failed",))
        disabled = subscribe(deps, tenant, receiver.url("/disabled"))
        service.update_subscription(deps, tenant, disabled.id, UpdateWebhookRequest(enabled=False))
        subscribe(deps, other_tenant, receiver.url("/other-tenant"))
        # A field that is not on the allow-list must never leave the service.
        event = run_event(tenant, transcript="the customer's words", campaignId="camp-9")
        publish(deps, event)
        outcomes = drain(deps, tenant)
        drain(deps, other_tenant, quiet_s=0.5)

    assert sorted(outcomes) == ["delivered", "delivered", "fanned_out:2"]
    by_path = {request.path: request for request in receiver.received}
    assert sorted(by_path) == ["/both", "/wanted"]
    for path, secret in (("/wanted", wanted.secret), ("/both", both.secret)):
        payload = by_path[path].verify(secret)
        assert by_path[path].headers["webhook-id"] == event["id"]
        assert payload == {
            "type": "analysis.completed",
            "timestamp": event["timestamp"],
            "data": {
                "audioFileId": event["data"]["audioFileId"],
                "runId": event["data"]["runId"],
                "status": "completed",
                "engagementId": "eng-1",
                "campaignId": "camp-9",
                "links": {"self": event["data"]["links"]["self"]},
            },
        }
    with pytest.raises(WebhookVerificationError):
        by_path["/wanted"].verify(both.secret)  # each subscription signs with its own secret
    [logged] = deliveries_of(deps, tenant, wanted.id)
    assert (logged["eventId"], logged["eventType"], logged["status"]) == (
        event["id"],
        "analysis.completed",
        "delivered",
    )


def test_the_event_a_finished_run_publishes_is_delivered(deps: Dependencies, tenant: str) -> None:
    now = datetime.now(UTC)
    record = AudioFileRecord(
        tenant_id=tenant, id="af_01HZX3N6Z8Q4W5E6R7T8Y9U0AC", file_name="call.wav", safe_file_name="call.wav",
        blob_name=f"{tenant}/af/call.wav", engagement_id="eng-7", recorded_at=now, created_at=now, updated_at=now,
        upload_expires_at=now, status=Status.FAILED, run_id="run-1",
        error=ErrorInfo(code="not_audio", message="The file is not audio: secret details", stage="transcription"),
    )  # fmt: skip
    with running_receiver() as receiver:
        subscription = subscribe(deps, tenant, receiver.url(), ("processing.failed",))
        publish_run_outcome(queues=deps.queues, record=record)
        drain(deps, tenant)
    [request] = receiver.received
    payload = request.verify(subscription.secret)
    assert payload["type"] == "processing.failed"  # type: ignore[index]
    assert payload["data"]["error"] == {"code": "not_audio", "stage": "transcription"}  # type: ignore[index]
    assert "secret details" not in request.body.decode()


def test_a_receiver_failing_twice_gets_three_attempts_with_one_webhook_id(deps: Dependencies, tenant: str) -> None:
    receiver = Receiver(script=[Answer(500), Answer(503)])
    with running_receiver(receiver):
        subscription = subscribe(deps, tenant, receiver.url())
        event = run_event(tenant)
        publish(deps, event)
        outcomes = drain(deps, tenant)
    assert outcomes == ["fanned_out:1", "retry_scheduled", "retry_scheduled", "delivered"]
    assert len(receiver.received) == 3
    assert {request.headers["webhook-id"] for request in receiver.received} == {event["id"]}
    for request in receiver.received:
        request.verify(subscription.secret)
    [logged] = deliveries_of(deps, tenant, subscription.id)
    assert logged["status"] == "delivered" and logged["attemptCount"] == 3 and "nextAttemptAt" not in logged
    assert [(a["attempt"], a["statusCode"]) for a in logged["attempts"]] == [(3, 204), (2, 503), (1, 500)]
    assert all(a["durationMs"] >= 0 and a["sequence"] == 1 for a in logged["attempts"])


def test_after_the_last_attempt_the_delivery_has_failed(deps: Dependencies, tenant: str) -> None:
    with running_receiver(Receiver(default=Answer(500))) as receiver:
        subscription = subscribe(deps, tenant, receiver.url())
        publish(deps, run_event(tenant))
        outcomes = drain(deps, tenant)
    assert outcomes[-1] == "failed" and len(receiver.received) == FAST.max_attempts == 3
    [logged] = deliveries_of(deps, tenant, subscription.id)
    assert (logged["status"], logged["finalError"], logged["attemptCount"]) == ("failed", "retries_exhausted", 3)


def test_retry_after_sets_the_next_attempt_time(deps: Dependencies, tenant: str) -> None:
    policy = DeliveryPolicy(retry_delays_s=(0,), jitter_ratio=0, retry_after_cap_s=60)
    with running_receiver(Receiver(default=Answer(429, {"retry-after": "30"}))) as receiver:
        subscription = subscribe(deps, tenant, receiver.url())
        publish(deps, run_event(tenant))
        [(event_message, _)] = take_messages(deps, tenant)
        delivery.handle_message(deps, event_message, WebhookSender(allow_loopback=True), policy)
        [(attempt_message, _)] = take_messages(deps, tenant)
        assert delivery.handle_message(deps, attempt_message, WebhookSender(allow_loopback=True), policy) == (
            "retry_scheduled"
        )
    [record] = service.list_deliveries(deps, tenant, subscription.id, ListDeliveriesQuery()).items
    assert record.next_attempt_at is not None
    wait = record.next_attempt_at - record.attempts[0].at
    assert timedelta(seconds=30) <= wait <= timedelta(seconds=31)
    assert take_messages(deps, tenant) == []  # the next attempt is queued invisible, not runnable yet


def test_410_gone_disables_the_subscription_and_stops(deps: Dependencies, tenant: str) -> None:
    with running_receiver(Receiver(default=Answer(410))) as receiver:
        subscription = subscribe(deps, tenant, receiver.url())
        publish(deps, run_event(tenant))
        outcomes = drain(deps, tenant)
        assert outcomes == ["fanned_out:1", "gone"] and len(receiver.received) == 1
        stored = service.get_subscription(deps, tenant, subscription.id)
        assert not stored.enabled and stored.disabled_reason == "endpoint_gone"
        [logged] = deliveries_of(deps, tenant, subscription.id)
        assert (logged["status"], logged["finalError"]) == ("failed", "endpoint_gone")
        publish(deps, run_event(tenant))
        assert drain(deps, tenant, quiet_s=1) == ["fanned_out:0"]
    assert len(receiver.received) == 1


def test_a_redirect_is_a_failed_attempt_and_never_followed(deps: Dependencies, tenant: str) -> None:
    with running_receiver() as internal, running_receiver() as receiver:
        receiver.default = Answer(302, {"location": internal.url("/internal")})
        subscription = subscribe(deps, tenant, receiver.url())
        publish(deps, run_event(tenant))
        drain(deps, tenant)
    assert internal.received == [] and len(receiver.received) == 3
    [logged] = deliveries_of(deps, tenant, subscription.id)
    assert logged["status"] == "failed"
    assert {(a["statusCode"], a["error"]) for a in logged["attempts"]} == {(302, "redirect_not_followed")}


def test_a_duplicated_event_message_makes_one_delivery(deps: Dependencies, tenant: str) -> None:
    with running_receiver() as receiver:
        subscription = subscribe(deps, tenant, receiver.url())
        event = run_event(tenant)
        publish(deps, event)
        publish(deps, event)
        outcomes = drain(deps, tenant)
    assert sorted(outcomes) == ["delivered", "fanned_out:0", "fanned_out:1"]
    assert len(receiver.received) == 1
    assert len(deliveries_of(deps, tenant, subscription.id)) == 1


def test_a_duplicated_attempt_message_sends_once(deps: Dependencies, tenant: str) -> None:
    with running_receiver() as receiver:
        subscribe(deps, tenant, receiver.url())
        publish(deps, run_event(tenant))
        [(event_message, _)] = take_messages(deps, tenant)
        delivery.handle_message(deps, event_message, WebhookSender(allow_loopback=True), FAST)
        [(attempt_message, _)] = take_messages(deps, tenant)
        sender = WebhookSender(allow_loopback=True)
        assert delivery.handle_message(deps, attempt_message, sender, FAST) == "delivered"
        assert delivery.handle_message(deps, attempt_message, sender, FAST) == "recorded"
        assert delivery.handle_message(deps, attempt_message, sender, FAST, dequeue_count=3) == "recorded"
    assert len(receiver.received) == 1


def test_an_attempt_claimed_by_another_worker_is_left_to_it(deps: Dependencies, tenant: str) -> None:
    with running_receiver() as receiver:
        subscription = subscribe(deps, tenant, receiver.url())
        publish(deps, run_event(tenant))
        [(event_message, _)] = take_messages(deps, tenant)
        parsed = delivery.parse_message(event_message)
        assert isinstance(parsed, delivery.EventMessage)
        [delivery_id] = delivery.fan_out(deps, parsed.event)
        message = AttemptMessage(tenant_id=tenant, subscription_id=subscription.id, delivery_id=delivery_id,
                                 sequence=1, attempt=1)  # fmt: skip

        def claimed_elsewhere(record: DeliveryRecord) -> DeliveryRecord:
            record.claimed_attempt, record.claimed_at = 1, datetime.now(UTC)
            return record

        deps.webhook_deliveries.mutate(tenant, subscription.id, delivery_id, claimed_elsewhere)
        sender = WebhookSender(allow_loopback=True)
        assert delivery.process_attempt(deps, message, sender, FAST) == "duplicate"
        assert receiver.received == []
        # The queue's retry of the message (the other worker died) does send.
        assert delivery.process_attempt(deps, message, sender, FAST, dequeue_count=2) == "delivered"
    assert len(receiver.received) == 1


def test_a_lost_follow_up_is_queued_again_by_the_retried_message(deps: Dependencies, tenant: str) -> None:
    receiver = Receiver(script=[Answer(500)])
    with running_receiver(receiver):
        subscribe(deps, tenant, receiver.url())
        publish(deps, run_event(tenant))
        [(event_message, _)] = take_messages(deps, tenant)
        sender = WebhookSender(allow_loopback=True)
        delivery.handle_message(deps, event_message, sender, FAST)
        [(attempt_message, _)] = take_messages(deps, tenant)
        assert delivery.handle_message(deps, attempt_message, sender, FAST) == "retry_scheduled"
        assert len(take_messages(deps, tenant)) == 1  # the follow-up, taken here: as if it were lost
        assert delivery.handle_message(deps, attempt_message, sender, FAST, dequeue_count=2) == "recorded"
        assert drain(deps, tenant) == ["delivered"]
    assert len(receiver.received) == 2


def test_redeliver_sends_the_same_event_again(deps: Dependencies, tenant: str) -> None:
    with running_receiver() as receiver:
        subscription = subscribe(deps, tenant, receiver.url())
        event = run_event(tenant)
        publish(deps, event)
        drain(deps, tenant)
        [logged] = deliveries_of(deps, tenant, subscription.id)
        queued = service.redeliver(deps, tenant, subscription.id, logged["id"])
        assert queued.status == "pending"
        assert drain(deps, tenant) == ["delivered"]
    first, second = receiver.received
    assert first.headers["webhook-id"] == second.headers["webhook-id"] == event["id"]
    assert first.verify(subscription.secret) == second.verify(subscription.secret)
    [logged] = deliveries_of(deps, tenant, subscription.id)
    assert logged["status"] == "delivered" and logged["attemptCount"] == 2
    assert [(a["sequence"], a["attempt"]) for a in logged["attempts"]] == [(2, 1), (1, 1)]


def test_after_a_rotation_deliveries_verify_with_the_old_and_the_new_secret(deps: Dependencies, tenant: str) -> None:
    with running_receiver() as receiver:
        subscription = subscribe(deps, tenant, receiver.url())
        rotated = service.rotate_secret(deps, tenant, subscription.id)
        assert rotated.secret != subscription.secret
        publish(deps, run_event(tenant))
        drain(deps, tenant)
    [request] = receiver.received
    assert len(request.headers["webhook-signature"].split(" ")) == 2
    assert request.verify(rotated.secret) == request.verify(subscription.secret)


def test_attempts_for_a_deleted_or_disabled_subscription_stop(deps: Dependencies, tenant: str) -> None:
    with running_receiver() as receiver:
        kept = subscribe(deps, tenant, receiver.url("/kept"))
        removed = subscribe(deps, tenant, receiver.url("/removed"))
        publish(deps, run_event(tenant))
        [(event_message, _)] = take_messages(deps, tenant)
        delivery.handle_message(deps, event_message, WebhookSender(allow_loopback=True), FAST)
        service.update_subscription(deps, tenant, kept.id, UpdateWebhookRequest(enabled=False))
        service.delete_subscription(deps, tenant, removed.id)
        outcomes = drain(deps, tenant)
    assert sorted(outcomes) == ["deleted", "subscription_disabled"]
    assert receiver.received == []
    [logged] = deliveries_of(deps, tenant, kept.id)
    assert (logged["status"], logged["finalError"]) == ("failed", "subscription_disabled")


def test_a_poisoned_attempt_ends_its_delivery_failed(deps: Dependencies, tenant: str) -> None:
    subscription = subscribe(deps, tenant, "http://127.0.0.1:9/hook")
    publish(deps, run_event(tenant))
    [(event_message, _)] = take_messages(deps, tenant)
    delivery.handle_message(deps, event_message, WebhookSender(allow_loopback=True), FAST)
    [(attempt_message, _)] = take_messages(deps, tenant)
    assert delivery.fail_from_poison(deps, attempt_message) == "failed"
    [logged] = deliveries_of(deps, tenant, subscription.id)
    assert (logged["status"], logged["finalError"]) == ("failed", "delivery_error")
    assert delivery.fail_from_poison(deps, b"not json") == "unreadable"


def test_the_delivery_log_pages_newest_first(deps: Dependencies, tenant: str) -> None:
    subscription = subscribe(deps, tenant, "http://127.0.0.1:9/hook")
    events = []
    for minutes_ago in (30, 20, 10):
        event = run_event(tenant)
        event["timestamp"] = (datetime.now(UTC) - timedelta(minutes=minutes_ago)).isoformat()
        events.append(event)
        delivery.fan_out(deps, delivery.RunEvent.model_validate(event))
    take_messages(deps, tenant)  # the attempts are not the point here
    first = service.list_deliveries(deps, tenant, subscription.id, ListDeliveriesQuery(limit=2))
    assert [item.event_id for item in first.items] == [events[2]["id"], events[1]["id"]]
    assert first.has_more and first.continuation_token
    second = service.list_deliveries(
        deps, tenant, subscription.id, ListDeliveriesQuery(limit=2, continuation_token=first.continuation_token)
    )
    assert [item.event_id for item in second.items] == [events[0]["id"]]
    assert not second.has_more and second.continuation_token is None
    assert all(item.status == DeliveryStatus.PENDING.value for item in first.items + second.items)


def test_the_stored_delivery_holds_no_content(deps: Dependencies, tenant: str) -> None:
    subscription = subscribe(deps, tenant, "http://127.0.0.1:9/hook")
    event = run_event(tenant, transcript="words", summary="a summary", error={"code": "x", "message": "details"})
    delivery.fan_out(deps, delivery.RunEvent.model_validate(event))
    take_messages(deps, tenant)
    table = deps.storage.table.get_table_client("WebhookDeliveries")
    [entity] = table.query_entities("PartitionKey eq @pk", parameters={"pk": f"{tenant}:{subscription.id}"})
    stored = json.dumps(dict(entity), default=str)
    assert "words" not in stored and "a summary" not in stored and "details" not in stored
