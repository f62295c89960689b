"""Storage clients and the credential, built once per process from the settings.

Locally (Azurite) a connection string with the account key is used; in Azure, identity-based service URIs
with one managed-identity credential, as the Functions triggers themselves are configured.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from azure.core.credentials import TokenCredential
from azure.core.pipeline.policies import RetryMode
from azure.data.tables import TableServiceClient
from azure.storage.blob import BlobServiceClient
from azure.storage.blob import LinearRetry as BlobLinearRetry
from azure.storage.queue import LinearRetry as QueueLinearRetry
from azure.storage.queue import QueueServiceClient

from shared.config import Settings, get_settings
from shared.identity import get_credential

AZURITE_ACCOUNT = "devstoreaccount1"
# Azurite's documented development key, used only when the settings say UseDevelopmentStorage=true.
AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
DEVELOPMENT_STORAGE = (
    f"DefaultEndpointsProtocol=http;AccountName={AZURITE_ACCOUNT};AccountKey={AZURITE_KEY};"
    f"BlobEndpoint=http://127.0.0.1:10000/{AZURITE_ACCOUNT};"
    f"QueueEndpoint=http://127.0.0.1:10001/{AZURITE_ACCOUNT};"
    f"TableEndpoint=http://127.0.0.1:10002/{AZURITE_ACCOUNT};"
)


def normalized_connection_string(value: str) -> str:
    return DEVELOPMENT_STORAGE if value.strip().rstrip(";").lower() == "usedevelopmentstorage=true" else value


def parse_connection_string(value: str) -> dict[str, str]:
    pairs = (part.split("=", 1) for part in normalized_connection_string(value).split(";") if "=" in part)
    return {key.strip(): val.strip() for key, val in pairs}


@dataclass(frozen=True)
class StorageClients:
    blob: BlobServiceClient
    queue: QueueServiceClient
    table: TableServiceClient
    account_name: str
    account_key: str | None  # None in Azure: SAS are user delegation SAS signed through the identity


@dataclass(frozen=True)
class _ClientOptions:
    """Timeouts and a bounded retry policy for each SDK (the defaults wait minutes and retry ten times).

    Blob and queue clients take the storage SDKs' own retry policy; tables take azure-core's. Clients made
    from a service client (``get_blob_client`` and the like) share its pipeline, so they inherit all of it.
    """

    blob: dict[str, Any]
    queue: dict[str, Any]
    table: dict[str, Any]


def _client_options(settings: Settings) -> _ClientOptions:
    timeouts = {
        "connection_timeout": settings.storage_connect_timeout_seconds,
        "read_timeout": settings.storage_read_timeout_seconds,
    }
    backoff, retries = settings.storage_retry_backoff_seconds, settings.storage_retry_total
    # The SDKs annotate backoff as int but compute with floats (random.uniform around it).
    linear: dict[str, Any] = {"backoff": backoff, "retry_total": retries, "random_jitter_range": backoff / 2}
    return _ClientOptions(
        blob={**timeouts, "retry_policy": BlobLinearRetry(**linear)},
        queue={**timeouts, "retry_policy": QueueLinearRetry(**linear)},
        table={
            **timeouts,
            "retry_total": settings.storage_retry_total,
            "retry_mode": RetryMode.Fixed,
            "retry_backoff_factor": backoff,
            "retry_backoff_max": backoff,
        },
    )


def build_storage_clients(settings: Settings, credential: TokenCredential | None = None) -> StorageClients:
    options = _client_options(settings)
    if settings.storage_connection_string:
        conn = normalized_connection_string(settings.storage_connection_string)
        parts = parse_connection_string(settings.storage_connection_string)
        return StorageClients(
            blob=BlobServiceClient.from_connection_string(conn, **options.blob),
            queue=QueueServiceClient.from_connection_string(conn, **options.queue),
            table=TableServiceClient.from_connection_string(conn, **options.table),
            account_name=parts.get("AccountName", ""),
            account_key=parts.get("AccountKey"),
        )
    assert settings.blob_service_uri and settings.queue_service_uri and settings.table_service_uri
    credential = credential or get_credential()
    blob = BlobServiceClient(settings.blob_service_uri, credential=credential, **options.blob)
    return StorageClients(
        blob=blob,
        queue=QueueServiceClient(settings.queue_service_uri, credential=credential, **options.queue),
        table=TableServiceClient(settings.table_service_uri, credential=credential, **options.table),
        account_name=blob.account_name or "",
        account_key=None,
    )


@lru_cache(maxsize=1)
def get_storage_clients() -> StorageClients:
    return build_storage_clients(get_settings())
