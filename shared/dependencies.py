"""Process-wide dependencies, built once on first use and shared by every invocation (like FastAPI's deps)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from shared.audio_files.repository import AudioFileRepository
from shared.config import Settings, get_settings
from shared.identity import get_credential
from shared.pipeline.deadlines import DeadlineStore
from shared.storage.blobs import BlobStore
from shared.storage.clients import StorageClients, get_storage_clients
from shared.storage.queues import QueueSender
from shared.storage.resources import StorageResources
from shared.storage.tables import AUDIO_FILES_TABLE, WEBHOOK_DELIVERIES_TABLE, WEBHOOK_SUBSCRIPTIONS_TABLE, table_client
from shared.webhooks.repository import DeliveryRepository, SubscriptionRepository
from shared.webhooks.sealing import SecretSealer, build_sealer


@dataclass(frozen=True)
class Dependencies:
    settings: Settings
    storage: StorageClients
    resources: StorageResources
    audio_files: AudioFileRepository
    deadlines: DeadlineStore
    blobs: BlobStore
    queues: QueueSender
    webhook_subscriptions: SubscriptionRepository
    webhook_deliveries: DeliveryRepository
    webhook_secrets: SecretSealer


def build_dependencies(settings: Settings, storage: StorageClients) -> Dependencies:
    return Dependencies(
        settings=settings,
        storage=storage,
        # Azurite (an account key): the app creates what Bicep creates in Azure.
        resources=StorageResources(storage, creates_missing=storage.account_key is not None),
        audio_files=AudioFileRepository(table_client(storage, AUDIO_FILES_TABLE)),
        deadlines=DeadlineStore(table_client(storage, AUDIO_FILES_TABLE)),
        blobs=BlobStore(storage),
        queues=QueueSender(storage),
        webhook_subscriptions=SubscriptionRepository(table_client(storage, WEBHOOK_SUBSCRIPTIONS_TABLE)),
        webhook_deliveries=DeliveryRepository(table_client(storage, WEBHOOK_DELIVERIES_TABLE)),
        webhook_secrets=build_sealer(settings.webhook_secret_key_id, get_credential),
    )


@lru_cache(maxsize=1)
def get_dependencies() -> Dependencies:
    deps = build_dependencies(get_settings(), get_storage_clients())
    if deps.resources.creates_missing:
        # Locally, the first use in a process creates them; in Azure a cold start must not spend a dozen
        # storage calls on resources that exist.
        deps.resources.create()
    return deps


def reset_dependencies() -> None:
    """Forget everything built from the environment (tests that change settings call this)."""
    from shared.auth import get_validator

    get_dependencies.cache_clear()
    get_storage_clients.cache_clear()
    get_settings.cache_clear()
    get_validator.cache_clear()
