"""What /api/v1/webhooks does, as plain functions of (dependencies, tenant, input) -> result or a domain error."""

from __future__ import annotations

import hashlib
import logging
import re

from ulid import ULID

from shared.clock import utcnow
from shared.dependencies import Dependencies
from shared.errors import BadRequest, Conflict, NotFound
from shared.storage.paging import decode_continuation, encode_continuation
from shared.webhooks.delivery import DEFAULT_POLICY, send_attempt
from shared.webhooks.models import (
    AttemptBody,
    CreateWebhookRequest,
    DeliveryBody,
    DeliveryListBody,
    ListDeliveriesQuery,
    RotatedSecretBody,
    UpdateWebhookRequest,
    WebhookBody,
    WebhookListBody,
    WebhookWithSecretBody,
)
from shared.webhooks.policy import DeliveryPolicy
from shared.webhooks.records import (
    DELIVERY_ID_PATTERN,
    SUBSCRIPTION_ID_PATTERN,
    DeliveryRecord,
    DeliveryStatus,
    SubscriptionRecord,
)
from shared.webhooks.signing import new_secret
from shared.webhooks.ssrf import UrlNotAllowed, check_url

logger = logging.getLogger(__name__)


def new_subscription_id() -> str:
    return f"wh_{ULID()}"


def checked_url(deps: Dependencies, raw: str) -> str:
    """The URL in normalized form if the SSRF guard lets it through now; else a 400 with a stable code."""
    try:
        target = check_url(raw, allow_loopback=deps.settings.webhook_allow_loopback)
    except UrlNotAllowed as refused:
        raise BadRequest(
            f"url: {refused.message}",
            code=refused.code,
            extra={"errors": [{"field": "url", "message": refused.message}]},
        ) from None
    return str(target.url)


def to_body(record: SubscriptionRecord) -> WebhookBody:
    now = utcnow()
    grace_running = record.previous_secret_expires_at is not None and record.previous_secret_expires_at > now
    return WebhookBody(
        id=record.id,
        url=record.url,
        events=record.events,
        description=record.description,
        enabled=record.enabled,
        disabled_reason=record.disabled_reason,
        created_at=record.created_at,
        updated_at=record.updated_at,
        secret_rotated_at=record.secret_rotated_at,
        previous_secret_expires_at=record.previous_secret_expires_at if grace_running else None,
    )


def _webhook_not_found(subscription_id: str) -> NotFound:
    return NotFound(f"No webhook with id '{subscription_id}'.", code="webhook_not_found")


def _delivery_not_found(delivery_id: str) -> NotFound:
    return NotFound(f"No delivery with id '{delivery_id}'.", code="delivery_not_found")


def get_subscription(deps: Dependencies, tenant_id: str, subscription_id: str) -> SubscriptionRecord:
    """The tenant's subscription, or 404: another tenant's id is indistinguishable from an unknown one."""
    valid = re.fullmatch(SUBSCRIPTION_ID_PATTERN, subscription_id) is not None
    record = deps.webhook_subscriptions.get(tenant_id, subscription_id) if valid else None
    if record is None:
        raise _webhook_not_found(subscription_id)
    return record


def create_subscription(
    deps: Dependencies, tenant_id: str, request: CreateWebhookRequest, policy: DeliveryPolicy = DEFAULT_POLICY
) -> WebhookWithSecretBody:
    url = checked_url(deps, request.url)
    # Counted before the insert: two creates racing at the limit may both pass; the limit is a guard, not a quota.
    if deps.webhook_subscriptions.count(tenant_id) >= policy.max_subscriptions_per_tenant:
        raise Conflict(
            f"A tenant can have at most {policy.max_subscriptions_per_tenant} webhooks; delete one first.",
            code="webhook_limit_reached",
        )
    secret = new_secret()
    now = utcnow()
    record = SubscriptionRecord(
        tenant_id=tenant_id,
        id=new_subscription_id(),
        url=url,
        events=list(request.events),
        description=request.description or None,
        secret=deps.webhook_secrets.seal(secret),
        created_at=now,
        updated_at=now,
    )
    deps.webhook_subscriptions.create(record)
    logger.info("Created webhook %s for events %s", record.id, ",".join(record.events))
    return WebhookWithSecretBody(**to_body(record).model_dump(), secret=secret)


def list_subscriptions(deps: Dependencies, tenant_id: str) -> WebhookListBody:
    return WebhookListBody(items=[to_body(record) for record in deps.webhook_subscriptions.list(tenant_id)])


def update_subscription(
    deps: Dependencies, tenant_id: str, subscription_id: str, request: UpdateWebhookRequest
) -> WebhookBody:
    get_subscription(deps, tenant_id, subscription_id)  # 404 before anything else
    url = checked_url(deps, request.url) if request.url is not None else None
    changes = request.model_fields_set

    def change(record: SubscriptionRecord) -> SubscriptionRecord:
        if url is not None:
            record.url = url
        if request.events is not None:
            record.events = list(request.events)
        if "description" in changes:
            record.description = request.description or None
        if request.enabled is not None:
            record.enabled = request.enabled
            if request.enabled:
                record.disabled_reason = None
            elif record.disabled_reason is None:
                record.disabled_reason = "disabled_by_client"
        record.updated_at = utcnow()
        return record

    stored = deps.webhook_subscriptions.mutate(tenant_id, subscription_id, change)
    if stored is None:
        raise _webhook_not_found(subscription_id)
    return to_body(stored)


def delete_subscription(deps: Dependencies, tenant_id: str, subscription_id: str) -> None:
    """Delete the subscription, then its delivery log; attempts still queued find it gone and stop."""
    get_subscription(deps, tenant_id, subscription_id)
    deps.webhook_subscriptions.delete(tenant_id, subscription_id)
    removed = deps.webhook_deliveries.delete_all(tenant_id, subscription_id)
    logger.info("Deleted webhook %s and %d deliveries", subscription_id, removed)


def rotate_secret(
    deps: Dependencies, tenant_id: str, subscription_id: str, policy: DeliveryPolicy = DEFAULT_POLICY
) -> RotatedSecretBody:
    """A new secret; the current one keeps signing too until the grace period ends (only the latest old one)."""
    get_subscription(deps, tenant_id, subscription_id)
    fresh = new_secret()
    sealed = deps.webhook_secrets.seal(fresh)

    def change(record: SubscriptionRecord) -> SubscriptionRecord:
        now = utcnow()
        record.previous_secret = record.secret
        record.previous_secret_expires_at = now + policy.secret_grace
        record.secret = sealed
        record.secret_rotated_at = now
        record.updated_at = now
        return record

    stored = deps.webhook_subscriptions.mutate(tenant_id, subscription_id, change)
    if stored is None or stored.previous_secret_expires_at is None:
        raise _webhook_not_found(subscription_id)
    logger.info("Rotated the secret of webhook %s", subscription_id)
    return RotatedSecretBody(id=stored.id, secret=fresh, previous_secret_expires_at=stored.previous_secret_expires_at)


# --- delivery log --------------------------------------------------------------------------------------


def delivery_body(record: DeliveryRecord) -> DeliveryBody:
    return DeliveryBody(
        id=record.id,
        webhook_id=record.subscription_id,
        event_id=record.event_id,
        event_type=record.event_type,
        status=record.status.value,
        created_at=record.created_at,
        updated_at=record.updated_at,
        attempt_count=record.attempt_count,
        next_attempt_at=record.next_attempt_at if record.status is DeliveryStatus.PENDING else None,
        final_error=record.final_error,
        attempts=[AttemptBody(**attempt.model_dump()) for attempt in reversed(record.attempts)],
    )


def _log_fingerprint(subscription_id: str) -> str:
    return hashlib.sha256(f"deliveries|{subscription_id}".encode()).hexdigest()[:16]


def list_deliveries(
    deps: Dependencies, tenant_id: str, subscription_id: str, query: ListDeliveriesQuery
) -> DeliveryListBody:
    """One page of the subscription's deliveries, newest event first; attempts newest first too."""
    get_subscription(deps, tenant_id, subscription_id)
    fingerprint = _log_fingerprint(subscription_id)
    after, page = decode_continuation(query.continuation_token, fingerprint) if query.continuation_token else (None, 1)
    result = deps.webhook_deliveries.list(tenant_id, subscription_id, limit=query.limit, after_row_key=after)
    return DeliveryListBody(
        items=[delivery_body(record) for record in result.records],
        has_more=result.next_row_key is not None,
        continuation_token=encode_continuation(result.next_row_key, page + 1, fingerprint)
        if result.next_row_key
        else None,
    )


def get_delivery(deps: Dependencies, tenant_id: str, subscription_id: str, delivery_id: str) -> DeliveryRecord:
    valid = re.fullmatch(DELIVERY_ID_PATTERN, delivery_id) is not None
    record = deps.webhook_deliveries.get(tenant_id, subscription_id, delivery_id) if valid else None
    if record is None:
        raise _delivery_not_found(delivery_id)
    return record


def redeliver(deps: Dependencies, tenant_id: str, subscription_id: str, delivery_id: str) -> DeliveryBody:
    """A fresh attempt sequence for the same event (same ``webhook-id``); older queued attempts stop counting."""
    subscription = get_subscription(deps, tenant_id, subscription_id)
    if not subscription.enabled:
        raise Conflict("The webhook is disabled; enable it before redelivering.", code="webhook_disabled")
    if re.fullmatch(DELIVERY_ID_PATTERN, delivery_id) is None:
        raise _delivery_not_found(delivery_id)  # the mutate below reads the row and answers 404 for a missing one

    def change(record: DeliveryRecord) -> DeliveryRecord:
        now = utcnow()
        record.sequence += 1
        record.last_attempt = 0
        record.status = DeliveryStatus.PENDING
        record.final_error = None
        record.claimed_attempt = None
        record.claimed_at = None
        record.next_attempt_at = now
        record.updated_at = now
        return record

    stored = deps.webhook_deliveries.mutate(tenant_id, subscription_id, delivery_id, change)
    if stored is None:
        raise _delivery_not_found(delivery_id)
    send_attempt(deps, stored, 1)
    logger.info("Redelivery %d of %s queued", stored.sequence, delivery_id)
    return delivery_body(stored)
