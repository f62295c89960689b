"""Blob Storage: our containers, blob names, SAS URLs and JSON documents."""

from __future__ import annotations

import contextlib
import json
import re
import threading
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from azure.core import MatchConditions
from azure.core.exceptions import HttpResponseError, ResourceExistsError, ResourceModifiedError, ResourceNotFoundError
from azure.storage.blob import (
    BlobLeaseClient,
    BlobSasPermissions,
    ContentSettings,
    StorageErrorCode,
    UserDelegationKey,
    generate_blob_sas,
)

from shared.errors import ConcurrencyConflict
from shared.storage.clients import StorageClients
from shared.storage.errors import raise_if_resource_missing

AUDIO_CONTAINER = "audio"
TRANSCRIPTS_CONTAINER = "transcripts"
ANALYSES_CONTAINER = "analyses"
SCORECARDS_CONTAINER = "scorecards"
POLICIES_CONTAINER = "policies"  # per-tenant choices, e.g. {tenant}/redaction.json
# Redacted copies of recordings; apart from "audio", whose blob trigger treats every new blob as an upload.
REDACTED_AUDIO_CONTAINER = "redacted-audio"
BACKTESTS_CONTAINER = "backtests"  # a backtest's selection, its progress chunks and its report
CONTAINERS = (
    AUDIO_CONTAINER,
    TRANSCRIPTS_CONTAINER,
    ANALYSES_CONTAINER,
    SCORECARDS_CONTAINER,
    POLICIES_CONTAINER,
    REDACTED_AUDIO_CONTAINER,
    BACKTESTS_CONTAINER,
)
# The Functions host's own container: its blob-trigger receipts name the blobs they were written for.
HOSTS_CONTAINER = "azure-webjobs-hosts"

_UNSAFE_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
_DOWNLOAD_RANGE_BYTES = 4 * 1024 * 1024
_RECEIPT_DELETE_ATTEMPTS = 3
# A user delegation key lives at most 7 days; a day, refreshed an hour early, keeps the calls to it rare.
_DELEGATION_KEY_LIFETIME = timedelta(days=1)
_DELEGATION_KEY_REFRESH_MARGIN = timedelta(hours=1)


def safe_file_name(file_name: str, default: str = "audio") -> str:
    """A blob- and header-safe name made from a client's file name: no path parts, ASCII, bounded."""
    base = re.split(r"[\\/]", file_name)[-1]
    ascii_name = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode()
    stem, dot, ext = ascii_name.rpartition(".")
    if not dot or not 1 <= len(ext) <= 10:
        stem, ext = ascii_name, ""
    clean_stem = _UNSAFE_CHARS.sub("_", stem).strip("._-")[:100] or default
    clean_ext = _UNSAFE_CHARS.sub("", ext).lower()
    return f"{clean_stem}.{clean_ext}" if clean_ext else clean_stem


AUDIO_BLOB_LEAF = "recording"


def audio_blob_name(tenant_id: str, audio_file_id: str) -> str:
    """Our name for a recording: ids only. The client's file name goes in the download's Content-Disposition,
    never in a blob path, which every storage and trigger log line carries."""
    return f"{tenant_id}/{audio_file_id}/{AUDIO_BLOB_LEAF}"


def recording_prefix(tenant_id: str, audio_file_id: str) -> str:
    """Every blob derived from one recording, in any container, is under this prefix."""
    return f"{tenant_id}/{audio_file_id}/"


def run_output_prefix(tenant_id: str, audio_file_id: str, stage: str) -> str:
    """One stage's outputs of every run: per stage, since two stages (transcription, redaction) share a container."""
    return f"{recording_prefix(tenant_id, audio_file_id)}{stage}/"


def run_output_blob_name(tenant_id: str, audio_file_id: str, stage: str, run_id: str) -> str:
    """Where one run writes a stage's JSON output: per run, so runs never overwrite or delete each other's."""
    return f"{run_output_prefix(tenant_id, audio_file_id, stage)}{run_id}.json"


@dataclass(frozen=True)
class BlobProperties:
    size: int
    content_type: str | None
    etag: str
    last_modified: datetime


class BlobStore:
    """Owns the blob clients; maps SDK errors to plain results."""

    def __init__(self, clients: StorageClients):
        self._clients = clients
        self._service = clients.blob
        self._key_lock = threading.Lock()
        self._delegation_key: UserDelegationKey | None = None
        self._delegation_key_expiry = datetime.min.replace(tzinfo=UTC)

    # --- SAS ---------------------------------------------------------------------------------------
    def _signing_key(self, now: datetime) -> dict[str, Any]:
        if self._clients.account_key:
            return {"account_key": self._clients.account_key}
        with self._key_lock:
            if self._delegation_key is None or now + _DELEGATION_KEY_REFRESH_MARGIN >= self._delegation_key_expiry:
                start = now - timedelta(minutes=5)
                expiry = now + _DELEGATION_KEY_LIFETIME
                self._delegation_key = self._service.get_user_delegation_key(start, expiry)
                self._delegation_key_expiry = expiry
            return {"user_delegation_key": self._delegation_key}

    def sas_url(
        self,
        container: str,
        blob_name: str,
        permission: BlobSasPermissions,
        ttl: timedelta,
        *,
        content_disposition: str | None = None,
        content_type: str | None = None,
    ) -> tuple[str, datetime]:
        now = datetime.now(UTC)
        expires_at = (now + ttl).replace(microsecond=0)
        blob_client = self._service.get_blob_client(container, blob_name)
        https_only = blob_client.url.startswith("https://")
        token = generate_blob_sas(
            account_name=self._clients.account_name,
            container_name=container,
            blob_name=blob_name,
            permission=permission,
            expiry=expires_at,
            # A little clock skew tolerance for clients whose clocks run behind.
            start=now - timedelta(minutes=5),
            protocol="https" if https_only else "https,http",
            content_disposition=content_disposition,
            content_type=content_type,
            **self._signing_key(now),
        )
        return f"{blob_client.url}?{token}", expires_at

    def upload_sas_url(self, blob_name: str, ttl: timedelta) -> tuple[str, datetime]:
        return self.sas_url(AUDIO_CONTAINER, blob_name, BlobSasPermissions(create=True), ttl)

    def download_sas_url(
        self, container: str, blob_name: str, ttl: timedelta, download_name: str, content_type: str | None
    ) -> tuple[str, datetime]:
        disposition = f'attachment; filename="{download_name}"'
        return self.sas_url(
            container,
            blob_name,
            BlobSasPermissions(read=True),
            ttl,
            content_disposition=disposition,
            content_type=content_type,
        )

    # --- blobs -------------------------------------------------------------------------------------
    def properties(self, container: str, blob_name: str) -> BlobProperties | None:
        try:
            props = self._service.get_blob_client(container, blob_name).get_blob_properties()
        except ResourceNotFoundError as error:
            raise_if_resource_missing(error)
            return None
        return BlobProperties(
            size=props.size,
            content_type=props.content_settings.content_type,
            etag=props.etag,
            last_modified=props.last_modified,
        )

    def read_head(self, container: str, blob_name: str, length: int) -> bytes:
        downloader = self._service.get_blob_client(container, blob_name).download_blob(offset=0, length=length)
        return downloader.readall()

    def download_to_file(self, container: str, blob_name: str, destination: Path) -> None:
        """Copy a blob to a file in ranges of ``_DOWNLOAD_RANGE_BYTES``: memory stays flat however large it is.

        (The SDK's own download holds up to its 32 MB single-get size in memory first.) Every range asks for the
        version whose size was read, so a blob replaced mid-copy fails instead of mixing two versions.
        """
        blob = self._service.get_blob_client(container, blob_name)
        properties = blob.get_blob_properties()
        with destination.open("wb") as handle:
            for offset in range(0, properties.size, _DOWNLOAD_RANGE_BYTES):
                blob.download_blob(
                    offset=offset,
                    length=_DOWNLOAD_RANGE_BYTES,
                    etag=properties.etag,
                    match_condition=MatchConditions.IfNotModified,
                ).readinto(handle)

    def upload_file(self, container: str, blob_name: str, source: Path, content_type: str) -> None:
        """Write a file to a blob, replacing it; the SDK sends it in blocks, so memory stays flat."""
        with source.open("rb") as handle:
            self._service.get_blob_client(container, blob_name).upload_blob(
                handle, overwrite=True, content_settings=ContentSettings(content_type=content_type)
            )

    def write_json(self, container: str, blob_name: str, document: dict[str, Any]) -> None:
        data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
        self._service.get_blob_client(container, blob_name).upload_blob(
            data,
            overwrite=True,
            content_settings=ContentSettings(content_type="application/json; charset=utf-8"),
        )

    def write_json_if(self, container: str, blob_name: str, document: dict[str, Any], *, etag: str | None) -> str:
        """Write only over the blob with ``etag`` (or, with None, only where there is none yet); returns the new
        ETag, and raises ConcurrencyConflict when someone else wrote first."""
        data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
        condition: dict[str, Any] = (
            {"etag": etag, "match_condition": MatchConditions.IfNotModified} if etag else {"if_none_match": "*"}
        )
        try:
            result = self._service.get_blob_client(container, blob_name).upload_blob(
                data,
                overwrite=True,
                content_settings=ContentSettings(content_type="application/json; charset=utf-8"),
                **condition,
            )
        except (ResourceExistsError, ResourceModifiedError) as error:
            raise ConcurrencyConflict(blob_name) from error
        return str(result["etag"])

    def read_json_tagged(self, container: str, blob_name: str) -> tuple[dict[str, Any], str] | None:
        """A JSON object and its ETag, or None when the blob is missing (or not a JSON object)."""
        try:
            downloader = self._service.get_blob_client(container, blob_name).download_blob()
        except ResourceNotFoundError as error:
            raise_if_resource_missing(error)
            return None
        document = json.loads(downloader.readall())
        return (document, str(downloader.properties.etag)) if isinstance(document, dict) else None

    def read_json(self, container: str, blob_name: str) -> dict[str, Any] | None:
        try:
            data = self._service.get_blob_client(container, blob_name).download_blob().readall()
        except ResourceNotFoundError as error:
            raise_if_resource_missing(error)
            return None
        document = json.loads(data)
        return document if isinstance(document, dict) else None

    def delete(self, container: str, blob_name: str) -> bool:
        try:
            self._service.get_blob_client(container, blob_name).delete_blob(delete_snapshots="include")
        except ResourceNotFoundError:
            return False
        return True

    def list_names(self, container: str, prefix: str) -> list[str]:
        return [blob.name for blob in self._service.get_container_client(container).list_blobs(name_starts_with=prefix)]

    def delete_prefix(self, container: str, prefix: str) -> int:
        container_client = self._service.get_container_client(container)
        deleted = 0
        for blob in container_client.list_blobs(name_starts_with=prefix):
            try:
                container_client.delete_blob(blob.name, delete_snapshots="include")
                deleted += 1
            except ResourceNotFoundError:
                pass
        return deleted

    def delete_trigger_receipts(self, container: str, blob_name: str, etag: str) -> int:
        """Delete the blob trigger's receipts for one version of a blob.

        Receipts are ``blobreceipts/{host id}/{function id}/{etag}/{container}/{blob}``: host ids and
        blob-triggered functions are few, so walking those two levels is bounded and the ETag names the rest.
        An app fed by Event Grid keeps no receipts, and then this finds nothing.
        """
        hosts = self._service.get_container_client(HOSTS_CONTAINER)
        names: list[str] = []
        try:
            for host in hosts.walk_blobs("blobreceipts/", delimiter="/"):
                for function in hosts.walk_blobs(host.name, delimiter="/"):
                    names.append(f"{function.name}{etag}/{container}/{blob_name}")
        except ResourceNotFoundError:
            return 0
        return sum(self._delete_receipt(name) for name in names)

    def _delete_receipt(self, name: str) -> bool:
        """Delete a receipt even while the host holds its lease: the host is still completing the trigger (an
        upload deleted as it arrives), and its completion then finds the receipt gone, as after a delete."""
        for _ in range(_RECEIPT_DELETE_ATTEMPTS - 1):
            try:
                return self.delete(HOSTS_CONTAINER, name)
            except HttpResponseError as error:
                if getattr(error, "error_code", None) != StorageErrorCode.LEASE_ID_MISSING:
                    raise
            with contextlib.suppress(HttpResponseError):  # released or broken meanwhile
                BlobLeaseClient(self._service.get_blob_client(HOSTS_CONTAINER, name)).break_lease(lease_break_period=0)
        return self.delete(HOSTS_CONTAINER, name)
