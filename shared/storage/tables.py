"""Table Storage: table names, creation, and the SDK-error mapping every repository shares."""

from __future__ import annotations

import contextlib

from azure.core.exceptions import ResourceExistsError
from azure.data.tables import TableClient

from shared.storage.clients import StorageClients

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
