"""Table Storage: table names, creation, and the SDK-error mapping every repository shares."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TypeVar

from azure.core.exceptions import ResourceExistsError
from azure.data.tables import TableClient
from pydantic import BaseModel

from shared.errors import ConcurrencyConflict
from shared.storage.clients import StorageClients

RecordT = TypeVar("RecordT", bound=BaseModel)
_CAS_ATTEMPTS = 8

AUDIO_FILES_TABLE = "AudioFiles"
WEBHOOK_SUBSCRIPTIONS_TABLE = "WebhookSubscriptions"
WEBHOOK_DELIVERIES_TABLE = "WebhookDeliveries"
TABLES = (AUDIO_FILES_TABLE, WEBHOOK_SUBSCRIPTIONS_TABLE, WEBHOOK_DELIVERIES_TABLE)


def ensure_tables(clients: StorageClients) -> None:
    for name in TABLES:
        with contextlib.suppress(ResourceExistsError):
            clients.table.create_table(name)


def table_client(clients: StorageClients, name: str) -> TableClient:
    return clients.table.get_table_client(name)


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
