"""Helpers of the webhook integration tests: subscribe, publish an event, and drive the ``webhooks`` queue."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime
from typing import Any

from shared.dependencies import Dependencies
from shared.storage.queues import WEBHOOKS_QUEUE
from shared.webhooks import delivery, service
from shared.webhooks.models import CreateWebhookRequest, WebhookWithSecretBody
from shared.webhooks.policy import DeliveryPolicy
from shared.webhooks.sender import WebhookSender
from tests import queues

# Retries at once, then after 1 s: the whole schedule of 3 attempts takes about a second.
FAST = DeliveryPolicy(retry_delays_s=(0, 1), jitter_ratio=0, attempt_timeout_s=3)


def subscribe(
    deps: Dependencies, tenant: str, url: str, events: tuple[str, ...] = ("analysis.completed",)
) -> WebhookWithSecretBody:
    return service.create_subscription(deps, tenant, CreateWebhookRequest(url=url, events=list(events)))


def run_event(tenant: str, event_type: str = "analysis.completed", **data: Any) -> dict[str, Any]:
    """An event as ``shared.pipeline.events`` makes it."""
    audio_file_id = data.pop("audioFileId", "af_01HZX3N6Z8Q4W5E6R7T8Y9U0AB")
    return {
        "id": f"evt_{uuid.uuid4().hex}",
        "type": event_type,
        "tenantId": tenant,
        "timestamp": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
        "data": {
            "audioFileId": audio_file_id,
            "runId": uuid.uuid4().hex,
            "status": "completed" if event_type == "analysis.completed" else "failed",
            "engagementId": "eng-1",
            "links": {"self": f"/api/v1/audio-files/{audio_file_id}"},
            **data,
        },
    }


def publish(deps: Dependencies, event: dict[str, Any]) -> None:
    deps.queues.send(WEBHOOKS_QUEUE, {"kind": "event", "event": event})


def _tenant_of(body: dict[str, Any]) -> str | None:
    if body.get("kind") == "event":
        return str(body.get("event", {}).get("tenantId"))
    return body.get("tenantId")


def take_messages(deps: Dependencies, tenant: str) -> list[tuple[str, int]]:
    """Receive and delete the tenant's visible webhook messages (others reappear in a few seconds)."""
    taken = queues.take_messages(deps, WEBHOOKS_QUEUE, lambda body: _tenant_of(body) == tenant)
    return [(message.text, message.dequeue_count) for message in taken]


def drain(
    deps: Dependencies,
    tenant: str,
    *,
    policy: DeliveryPolicy = FAST,
    sender: WebhookSender | None = None,
    quiet_s: float = 4,
    limit_s: float = 30,
) -> list[str]:
    """Run the queue handler on the tenant's messages until none has come for ``quiet_s``; the outcomes."""
    sender = sender or WebhookSender(allow_loopback=True, timeout_s=policy.attempt_timeout_s)
    outcomes: list[str] = []
    started = last_seen = time.monotonic()
    while time.monotonic() - last_seen < quiet_s and time.monotonic() - started < limit_s:
        messages = take_messages(deps, tenant)
        for text, dequeue_count in messages:
            outcomes.append(delivery.handle_message(deps, text, sender, policy, dequeue_count))
        if messages:
            last_seen = time.monotonic()
        else:
            time.sleep(0.1)
    return outcomes
