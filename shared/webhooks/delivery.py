"""Fan-out of run events to subscriptions, and the attempts that deliver them, all through the ``webhooks`` queue.

An ``event`` message makes one delivery per enabled subscription that wants the event's type and queues its
first ``attempt`` message. An attempt message POSTs the signed payload once; a failure queues the next attempt
with the retry delay as the message's initial invisibility. At-least-once rules:

- a delivery's id is derived from the event and the subscription, so a repeated event makes no second delivery;
- an attempt first claims itself on the delivery record (ETag compare-and-swap), so a copy of the same message
  stands aside, and an attempt whose outcome is recorded does nothing (its copy only re-queues a lost follow-up);
- a redelivery starts a new sequence, and messages of older sequences stop counting.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated, Any, Literal

from pydantic import Field, TypeAdapter, ValidationError

from shared.clock import iso_z, utcnow
from shared.dependencies import Dependencies
from shared.models.base import WireModel
from shared.storage.queues import WEBHOOKS_QUEUE
from shared.webhooks.events import EVENT_TYPES
from shared.webhooks.policy import DeliveryPolicy, queue_delay_s
from shared.webhooks.records import (
    AttemptRecord,
    DeliveryRecord,
    DeliveryStatus,
    SubscriptionRecord,
    delivery_id_for,
)
from shared.webhooks.sender import SendResult, WebhookSender
from shared.webhooks.signing import signed_headers

logger = logging.getLogger(__name__)

DEFAULT_POLICY = DeliveryPolicy()
# A claim younger than this belongs to a worker that is still sending (the send itself is bounded by timeouts).
_CLAIM_WINDOW = timedelta(minutes=2)
# The payload's ``data`` is built from this allow-list only: ids, status and links, never content.
_DATA_FIELDS = ("audioFileId", "runId", "status", "engagementId", "campaignId", "backtestId", "scorecardId", "version")
_LINK_NAMES = ("self", "processingStatus", "transcript", "analysis")


# --- messages ------------------------------------------------------------------------------------------


class RunEvent(WireModel):
    id: str = Field(min_length=1, max_length=200)
    type: str
    tenant_id: str
    timestamp: datetime
    data: dict[str, Any]


class EventMessage(WireModel):
    kind: Literal["event"]
    event: RunEvent


class AttemptMessage(WireModel):
    kind: Literal["attempt"] = "attempt"
    tenant_id: str
    subscription_id: str
    delivery_id: str
    sequence: int = Field(ge=1)
    attempt: int = Field(ge=1)


WebhookMessage = Annotated[EventMessage | AttemptMessage, Field(discriminator="kind")]
_MESSAGE = TypeAdapter[EventMessage | AttemptMessage](WebhookMessage)


def parse_message(body: bytes | str) -> EventMessage | AttemptMessage:
    try:
        return _MESSAGE.validate_json(body)
    except ValidationError as error:
        # Raising sends it through the host's retries to the poison queue, where it stays for inspection.
        raise ValueError("Malformed webhooks message") from error


def send_attempt(deps: Dependencies, delivery: DeliveryRecord, attempt: int, delay_s: float = 0) -> None:
    message = AttemptMessage(
        tenant_id=delivery.tenant_id,
        subscription_id=delivery.subscription_id,
        delivery_id=delivery.id,
        sequence=delivery.sequence,
        attempt=attempt,
    )
    delay = queue_delay_s(delay_s)
    deps.queues.send(WEBHOOKS_QUEUE, message.to_wire(), visibility_timeout=delay or None)


# --- fan-out -------------------------------------------------------------------------------------------


def _safe_data(data: dict[str, Any]) -> dict[str, Any]:
    safe: dict[str, Any] = {name: data[name] for name in _DATA_FIELDS if isinstance(data.get(name), str)}
    error = data.get("error")
    if isinstance(error, dict):
        safe["error"] = {key: error[key] for key in ("code", "stage") if isinstance(error.get(key), str)}
    scorecard = data.get("scorecard")
    if isinstance(scorecard, dict):
        safe["scorecard"] = {key: scorecard[key] for key in ("id", "version") if isinstance(scorecard.get(key), str)}
    links = data.get("links")
    if isinstance(links, dict):
        safe["links"] = {name: links[name] for name in _LINK_NAMES if isinstance(links.get(name), str)}
    return safe


def payload_of(event: RunEvent) -> dict[str, Any]:
    """The Standard Webhooks payload: type, timestamp and thin data."""
    return {"type": event.type, "timestamp": iso_z(event.timestamp), "data": _safe_data(event.data)}


def fan_out(deps: Dependencies, event: RunEvent, dequeue_count: int = 1) -> list[str]:
    """Make (or find) the delivery of ``event`` for each subscription that wants it. Returns the new ids."""
    if event.type not in EVENT_TYPES:
        logger.warning("Ignoring webhook event %s of unknown type", event.id)
        return []
    created_ids: list[str] = []
    now = utcnow()
    for subscription in deps.webhook_subscriptions.list(event.tenant_id):
        if not subscription.wants(event.type):
            continue
        record = DeliveryRecord(
            tenant_id=event.tenant_id,
            subscription_id=subscription.id,
            id=delivery_id_for(event.id, subscription.id, event.timestamp),
            event_id=event.id,
            event_type=event.type,
            event_time=event.timestamp,
            payload=payload_of(event),
            created_at=now,
            updated_at=now,
            next_attempt_at=now,
        )
        created = deps.webhook_deliveries.create(record)
        if created is not None:
            send_attempt(deps, created, 1)
            created_ids.append(created.id)
        elif dequeue_count > 1:
            # A retried event message: the first try may have stopped between the insert and the send.
            existing = deps.webhook_deliveries.get(record.tenant_id, record.subscription_id, record.id)
            if existing and existing.sequence == 1 and existing.last_attempt == 0 and existing.claimed_attempt is None:
                send_attempt(deps, existing, 1)
    logger.info("Event %s (%s): %d new deliveries", event.id, event.type, len(created_ids))
    return created_ids


# --- attempts ------------------------------------------------------------------------------------------


@dataclass
class _Decision:
    action: str = "stale"  # "send", "stale", "duplicate", "recorded", "finished"


def _claim(
    record: DeliveryRecord, message: AttemptMessage, dequeue_count: int, decision: _Decision
) -> DeliveryRecord | None:
    decision.action = "stale"
    if record.sequence != message.sequence or message.attempt > record.last_attempt + 1:
        return None
    if message.attempt <= record.last_attempt:
        decision.action = "recorded"
        return None
    if record.status is not DeliveryStatus.PENDING:
        decision.action = "finished"
        return None
    now = utcnow()
    fresh_claim = record.claimed_at is not None and now - record.claimed_at < _CLAIM_WINDOW
    if record.claimed_attempt == message.attempt and fresh_claim and dequeue_count <= 1:
        decision.action = "duplicate"
        return None
    decision.action = "send"
    record.claimed_attempt = message.attempt
    record.claimed_at = now
    record.updated_at = now
    return record


def _append_attempt(record: DeliveryRecord, entry: AttemptRecord, policy: DeliveryPolicy) -> None:
    record.attempts = [*record.attempts, entry][-policy.max_recorded_attempts :]
    record.attempt_count += 1


def _record_outcome(
    record: DeliveryRecord,
    message: AttemptMessage,
    entry: AttemptRecord,
    result: SendResult,
    retry_delay_s: float | None,
    policy: DeliveryPolicy,
) -> DeliveryRecord | None:
    if record.sequence != message.sequence:
        # A redelivery started while this attempt was in flight: keep it in the log, change nothing else.
        _append_attempt(record, entry, policy)
        return record
    if message.attempt <= record.last_attempt:
        return None  # another worker recorded this attempt already
    _append_attempt(record, entry, policy)
    record.last_attempt = message.attempt
    record.claimed_attempt = None
    record.claimed_at = None
    record.updated_at = utcnow()
    record.next_attempt_at = None
    if result.delivered:
        record.status = DeliveryStatus.DELIVERED
        record.final_error = None
    elif result.gone:
        record.status = DeliveryStatus.FAILED
        record.final_error = "endpoint_gone"
    elif retry_delay_s is None:
        record.status = DeliveryStatus.FAILED
        record.final_error = "retries_exhausted"
    else:
        record.next_attempt_at = entry.at + timedelta(seconds=queue_delay_s(retry_delay_s))
    return record


def _give_up(record: DeliveryRecord, message: AttemptMessage, reason: str) -> DeliveryRecord | None:
    if record.sequence != message.sequence or record.status is not DeliveryStatus.PENDING:
        return None
    record.status = DeliveryStatus.FAILED
    record.final_error = reason
    record.claimed_attempt = None
    record.claimed_at = None
    record.next_attempt_at = None
    record.updated_at = utcnow()
    return record


def _ensure_follow_up(deps: Dependencies, record: DeliveryRecord, message: AttemptMessage) -> None:
    """A retried copy of an attempt whose outcome is recorded: re-queue the next attempt in case it was lost."""
    if (
        record.status is DeliveryStatus.PENDING
        and record.sequence == message.sequence
        and record.last_attempt == message.attempt
        and record.next_attempt_at is not None
    ):
        send_attempt(deps, record, message.attempt + 1, (record.next_attempt_at - utcnow()).total_seconds())


def _disable_gone(subscription: SubscriptionRecord) -> SubscriptionRecord | None:
    if not subscription.enabled:
        return None
    subscription.enabled = False
    subscription.disabled_reason = "endpoint_gone"
    subscription.updated_at = utcnow()
    return subscription


def encode_body(payload: dict[str, Any]) -> str:
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False)


def process_attempt(
    deps: Dependencies,
    message: AttemptMessage,
    sender: WebhookSender,
    policy: DeliveryPolicy = DEFAULT_POLICY,
    dequeue_count: int = 1,
) -> str:
    """Make one delivery attempt. Returns what happened; raises only when the queue should retry (storage)."""
    deliveries = deps.webhook_deliveries
    decision = _Decision()
    record = deliveries.mutate(
        message.tenant_id,
        message.subscription_id,
        message.delivery_id,
        lambda r: _claim(r, message, dequeue_count, decision),
    )
    if record is None:
        return "deleted"
    if decision.action == "recorded" and dequeue_count > 1:
        _ensure_follow_up(deps, record, message)
    if decision.action != "send":
        return decision.action

    subscription = deps.webhook_subscriptions.get(message.tenant_id, message.subscription_id)
    if subscription is None or not subscription.enabled:
        reason = "subscription_deleted" if subscription is None else "subscription_disabled"
        deliveries.mutate(
            message.tenant_id, message.subscription_id, message.delivery_id, lambda r: _give_up(r, message, reason)
        )
        return reason

    body = encode_body(record.payload)
    sent_at = utcnow()
    signing_secrets = [deps.webhook_secrets.open(stored) for stored in subscription.signing_secrets(sent_at)]
    headers = signed_headers(signing_secrets, record.event_id, sent_at, body)
    result = sender.send(subscription.url, headers, body.encode("utf-8"), sent_at)
    entry = AttemptRecord(
        sequence=message.sequence,
        attempt=message.attempt,
        at=sent_at,
        duration_ms=result.duration_ms,
        status_code=result.status_code,
        error=result.error,
    )
    failed = not result.delivered and not result.gone
    retry_delay_s = policy.retry_delay_s(message.attempt, result.retry_after_s) if failed else None
    stored = deliveries.mutate(
        message.tenant_id,
        message.subscription_id,
        message.delivery_id,
        lambda r: _record_outcome(r, message, entry, result, retry_delay_s, policy),
    )
    outcome = "delivered" if result.delivered else "gone" if result.gone else "failed"
    if result.gone:
        deps.webhook_subscriptions.mutate(message.tenant_id, message.subscription_id, _disable_gone)
        logger.warning("Webhook %s answered 410 Gone: subscription disabled", message.subscription_id)
    elif failed and retry_delay_s is not None:
        outcome = "retry_scheduled"
        current = stored is not None and stored.sequence == message.sequence and stored.last_attempt == message.attempt
        if current and stored is not None:
            send_attempt(deps, stored, message.attempt + 1, retry_delay_s)
    logger.info(
        "Delivery %s attempt %d.%d: %s (status %s, error %s, %d ms)",
        message.delivery_id,
        message.sequence,
        message.attempt,
        outcome,
        result.status_code,
        result.error,
        result.duration_ms,
    )
    return outcome


def fail_from_poison(deps: Dependencies, body: bytes | str) -> str:
    """The host gave up on a message after its retries: its delivery ends ``failed`` instead of pending forever."""
    try:
        message = parse_message(body)
    except ValueError:
        logger.error("Unreadable message in the webhooks poison queue; left for inspection")
        return "unreadable"
    if isinstance(message, EventMessage):
        logger.error("Webhook event %s could not be fanned out; left for inspection", message.event.id)
        return "event_left"
    stored = deps.webhook_deliveries.mutate(
        message.tenant_id,
        message.subscription_id,
        message.delivery_id,
        lambda r: _give_up(r, message, "delivery_error"),
    )
    return "failed" if stored is not None else "deleted"


def handle_message(
    deps: Dependencies,
    body: bytes | str,
    sender: WebhookSender,
    policy: DeliveryPolicy = DEFAULT_POLICY,
    dequeue_count: int = 1,
) -> str:
    message = parse_message(body)
    if isinstance(message, EventMessage):
        created = fan_out(deps, message.event, dequeue_count)
        return f"fanned_out:{len(created)}"
    return process_attempt(deps, message, sender, policy, dequeue_count)


def sender_for(deps: Dependencies, policy: DeliveryPolicy = DEFAULT_POLICY) -> WebhookSender:
    return WebhookSender(
        allow_loopback=deps.settings.webhook_allow_loopback,
        timeout_s=policy.attempt_timeout_s,
        user_agent=policy.user_agent,
    )
