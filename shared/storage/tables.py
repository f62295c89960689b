"""Table Storage: table names, creation, and the SDK-error mapping every repository shares."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping
from datetime import UTC, datetime
from enum import Enum
from typing import Any, TypeVar

from azure.core import MatchConditions
from azure.core.exceptions import ResourceModifiedError, ResourceNotFoundError
from azure.data.tables import TableClient, UpdateMode
from pydantic import BaseModel

from shared.errors import ConcurrencyConflict
from shared.storage.clients import StorageClients

RecordT = TypeVar("RecordT", bound=BaseModel)
_CAS_ATTEMPTS = 8

AUDIO_FILES_TABLE = "AudioFiles"
WEBHOOK_SUBSCRIPTIONS_TABLE = "WebhookSubscriptions"
WEBHOOK_DELIVERIES_TABLE = "WebhookDeliveries"
SCORECARDS_TABLE = "Scorecards"
REVIEWS_TABLE = "Reviews"
BACKTESTS_TABLE = "Backtests"
TABLES = (
    AUDIO_FILES_TABLE,
    WEBHOOK_SUBSCRIPTIONS_TABLE,
    WEBHOOK_DELIVERIES_TABLE,
    SCORECARDS_TABLE,
    REVIEWS_TABLE,
    BACKTESTS_TABLE,
)


def table_client(clients: StorageClients, name: str) -> TableClient:
    return clients.table.get_table_client(name)


def to_properties(record: BaseModel, *, exclude: Collection[str], json_fields: Collection[str] = ()) -> dict[str, Any]:
    """A record's fields as entity properties: unset ones left out, enums as their values, nested ones as JSON."""
    as_json = record.model_dump(mode="json", include=set(json_fields)) if json_fields else {}
    properties: dict[str, Any] = {}
    for name, value in record.model_dump(mode="python", exclude=set(exclude)).items():
        if value is None:
            continue
        if name in as_json:
            properties[name] = json.dumps(as_json[name], separators=(",", ":"))
        else:
            properties[name] = value.value if isinstance(value, Enum) else value
    return properties


def from_properties(
    entity: Mapping[str, Any], *, leave_out: Collection[str], json_fields: Collection[str] = ()
) -> dict[str, Any]:
    """Entity properties back as record fields, with the entity's ETag as ``etag``."""
    fields: dict[str, Any] = {}
    for name, value in entity.items():
        if name in leave_out:
            continue
        if name in json_fields:
            value = json.loads(value)
        elif isinstance(value, datetime):  # the SDK's own datetime subclass: keep plain aware datetimes
            value = datetime.fromtimestamp(value.timestamp(), UTC)
        fields[name] = value
    metadata = getattr(entity, "metadata", None)
    fields["etag"] = metadata.get("etag") if metadata else None
    return fields


_KEYS = {"tenant_id", "id"}


def keyed_entity(record: BaseModel, *, json_fields: Collection[str] = ()) -> dict[str, Any]:
    """A record kept as one row per tenant: ``tenant_id`` is the PartitionKey and ``id`` the RowKey."""
    keys = record.model_dump(include=_KEYS)
    entity: dict[str, Any] = {"PartitionKey": keys["tenant_id"], "RowKey": keys["id"]}
    return entity | to_properties(record, exclude=_KEYS, json_fields=json_fields)


def keyed_record(model: type[RecordT], entity: Mapping[str, Any], *, json_fields: Collection[str] = ()) -> RecordT:
    """The record ``keyed_entity`` made the row of, with the row's ETag."""
    fields = from_properties(entity, leave_out={"PartitionKey", "RowKey"}, json_fields=json_fields)
    return model.model_validate({**fields, "tenant_id": entity["PartitionKey"], "id": entity["RowKey"]})


def compare_and_swap(
    read: Callable[[], RecordT | None],
    save: Callable[[RecordT], RecordT],
    change: Callable[[RecordT], RecordT | None],
    what: str,
) -> RecordT | None:
    """Read, apply ``change``, save if nobody wrote in between (``save`` raises ConcurrencyConflict if they
    did); on a lost race read again and decide again.

    ``change`` gets a copy and returns the new record, or None to leave the stored one as it is. Returns what
    is stored afterwards (None if the record does not exist).
    """
    for _ in range(_CAS_ATTEMPTS):
        current = read()
        if current is None:
            return None
        updated = change(current.model_copy(deep=True))
        if updated is None:
            return current
        try:
            return save(updated)
        except ConcurrencyConflict:
            continue
    raise ConcurrencyConflict(what)


def replace_if_unchanged(table: TableClient, entity: dict[str, Any], etag: str | None, what: str) -> str:
    """Replace an entity only if it still has ``etag``; returns the new ETag or raises ConcurrencyConflict."""
    if not etag:
        raise ValueError("save() needs a record read from the table (with its ETag)")
    try:
        metadata = table.update_entity(
            entity, mode=UpdateMode.REPLACE, etag=etag, match_condition=MatchConditions.IfNotModified
        )
    except (ResourceModifiedError, ResourceNotFoundError) as error:
        # Not found: deleted meanwhile; the caller re-reads and sees it gone.
        raise ConcurrencyConflict(what) from error
    return str(metadata.get("etag"))
