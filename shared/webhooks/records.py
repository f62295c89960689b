"""Table records of webhook subscriptions and deliveries.

Subscriptions: table WebhookSubscriptions, PartitionKey = tenant, RowKey = ``wh_`` + ULID.
Deliveries: table WebhookDeliveries, PartitionKey = ``{tenant}:{subscriptionId}``, RowKey = the inverted event
time then the delivery id, so one subscription's log reads newest first. The delivery id is derived from the
event id and the subscription id (``dlv_`` + a ULID whose time is the event's and whose randomness is a hash),
so a repeated event message finds the delivery it already made instead of making a second one.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field
from ulid import ULID

from shared.audio_files.records import inverted_time
from shared.storage.tables import from_properties, keyed_entity, keyed_record, to_properties

SUBSCRIPTION_ID_PATTERN = r"^wh_[0-7][0-9A-HJKMNP-TV-Z]{25}$"  # a ULID: first character at most 7 (128 bits)
DELIVERY_ID_PATTERN = r"^dlv_[0-7][0-9A-HJKMNP-TV-Z]{25}$"


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"


class SubscriptionRecord(BaseModel):
    tenant_id: str
    id: str
    url: str
    events: list[str]
    description: str | None = None
    enabled: bool = True
    disabled_reason: str | None = None  # "endpoint_gone" when the receiver answered 410
    secret: str  # as stored: see shared.webhooks.sealing
    # The secret before the last rotation keeps signing until this moment, so receivers can switch over.
    previous_secret: str | None = None
    previous_secret_expires_at: datetime | None = None
    secret_rotated_at: datetime | None = None
    created_at: datetime
    updated_at: datetime
    etag: str | None = Field(default=None, exclude=True)

    def signing_secrets(self, now: datetime) -> list[str]:
        valid = [self.secret]
        if self.previous_secret and self.previous_secret_expires_at and now < self.previous_secret_expires_at:
            valid.append(self.previous_secret)
        return valid

    def wants(self, event_type: str) -> bool:
        return self.enabled and event_type in self.events


class AttemptRecord(BaseModel):
    sequence: int  # 1 for the original delivery, +1 for each redelivery
    attempt: int  # 1-based within the sequence
    at: datetime
    duration_ms: int
    status_code: int | None = None
    error: str | None = None  # a kind, never a message: timeout, connect_error, address_not_allowed, ...


class DeliveryRecord(BaseModel):
    tenant_id: str
    subscription_id: str
    id: str
    event_id: str
    event_type: str
    event_time: datetime
    payload: dict[str, Any]  # exactly what is sent: {"type", "timestamp", "data"}
    status: DeliveryStatus = DeliveryStatus.PENDING
    created_at: datetime
    updated_at: datetime
    sequence: int = 1
    # The last attempt of the current sequence whose outcome is recorded (0 = none yet).
    last_attempt: int = 0
    attempt_count: int = 0  # every attempt ever made, across sequences
    attempts: list[AttemptRecord] = Field(default_factory=list)  # the most recent ones, bounded
    next_attempt_at: datetime | None = None
    # A worker has claimed this attempt and is sending it; a copy of the same message then stands aside.
    claimed_attempt: int | None = None
    claimed_at: datetime | None = None
    final_error: str | None = None
    etag: str | None = Field(default=None, exclude=True)


def delivery_id_for(event_id: str, subscription_id: str, event_time: datetime) -> str:
    digest = hashlib.sha256(f"{event_id}|{subscription_id}".encode()).digest()
    milliseconds = max(0, int(event_time.timestamp() * 1000))
    return f"dlv_{ULID.from_bytes(milliseconds.to_bytes(6, 'big') + digest[:10])}"


def delivery_time(delivery_id: str) -> datetime:
    return ULID.from_str(delivery_id.removeprefix("dlv_")).datetime


def delivery_partition(tenant_id: str, subscription_id: str) -> str:
    return f"{tenant_id}:{subscription_id}"


def delivery_row_key(delivery_id: str) -> str:
    return f"{inverted_time(delivery_time(delivery_id))}|{delivery_id}"


# --- entity conversion ---------------------------------------------------------------------------------


_SUBSCRIPTION_JSON_FIELDS = ("events",)
_DELIVERY_JSON_FIELDS = ("payload", "attempts")


def subscription_to_entity(record: SubscriptionRecord) -> dict[str, Any]:
    return keyed_entity(record, json_fields=_SUBSCRIPTION_JSON_FIELDS)


def subscription_from_entity(entity: dict[str, Any]) -> SubscriptionRecord:
    return keyed_record(SubscriptionRecord, entity, json_fields=_SUBSCRIPTION_JSON_FIELDS)


def delivery_to_entity(record: DeliveryRecord) -> dict[str, Any]:
    entity: dict[str, Any] = {
        "PartitionKey": delivery_partition(record.tenant_id, record.subscription_id),
        "RowKey": delivery_row_key(record.id),
        "tenant_id": record.tenant_id,
        "subscription_id": record.subscription_id,
    }
    return entity | to_properties(record, exclude={"tenant_id", "subscription_id"}, json_fields=_DELIVERY_JSON_FIELDS)


def delivery_from_entity(entity: dict[str, Any]) -> DeliveryRecord:
    fields = from_properties(entity, leave_out={"PartitionKey", "RowKey"}, json_fields=_DELIVERY_JSON_FIELDS)
    return DeliveryRecord.model_validate(fields)
