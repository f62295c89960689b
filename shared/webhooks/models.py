"""Request and response models of /api/v1/webhooks (camelCase on the wire)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from shared.models.base import StrictRequest, WireModel
from shared.webhooks.events import EventType
from shared.webhooks.ssrf import MAX_URL_LENGTH

WebhookUrl = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_URL_LENGTH)]
Description = Annotated[str, StringConstraints(strip_whitespace=True, max_length=256)]


def _unique_events(events: list[EventType]) -> list[EventType]:
    return list(dict.fromkeys(events))  # keep the client's order, drop repeats


# 1 to 10 event types, repeats dropped.
Events = Annotated[list[EventType], Field(min_length=1, max_length=10), AfterValidator(_unique_events)]


class CreateWebhookRequest(StrictRequest):
    url: WebhookUrl
    events: Events
    description: Description | None = None


class UpdateWebhookRequest(StrictRequest):
    url: WebhookUrl | None = None
    events: Events | None = None
    description: Description | None = None
    enabled: bool | None = None

    @model_validator(mode="after")
    def _something_to_change(self) -> UpdateWebhookRequest:
        if not self.model_fields_set:
            raise ValueError("send at least one of url, events, description, enabled")
        for name in ("url", "events", "enabled"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class WebhookBody(WireModel):
    id: str
    url: str
    events: list[str]
    description: str | None = None
    enabled: bool
    disabled_reason: str | None = None
    created_at: datetime
    updated_at: datetime
    secret_rotated_at: datetime | None = None
    previous_secret_expires_at: datetime | None = None


class WebhookWithSecretBody(WebhookBody):
    """Only the create answer carries the secret; it is never shown again."""

    secret: str


class WebhookListBody(WireModel):
    items: list[WebhookBody]


class RotatedSecretBody(WireModel):
    id: str
    secret: str
    previous_secret_expires_at: datetime


class AttemptBody(WireModel):
    sequence: int
    attempt: int
    at: datetime
    duration_ms: int
    status_code: int | None = None
    error: str | None = None


class DeliveryBody(WireModel):
    id: str
    webhook_id: str
    event_id: str
    event_type: str
    status: str
    created_at: datetime
    updated_at: datetime
    attempt_count: int
    next_attempt_at: datetime | None = None
    final_error: str | None = None
    attempts: list[AttemptBody]


class DeliveryListBody(WireModel):
    items: list[DeliveryBody]
    has_more: bool
    continuation_token: str | None = None


class ListDeliveriesQuery(StrictRequest):
    limit: int = Field(default=20, ge=1, le=100)
    continuation_token: Annotated[str, StringConstraints(max_length=2048)] | None = None
    code: str | None = Field(default=None, exclude=True)  # Azure Functions key, when one is used
