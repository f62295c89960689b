"""Blob triggers by polling (Azurite emits no Event Grid events), with the host's blob receipts.

A receipt blob ``blobreceipts/<host id>/Host.Functions.<name>/<etag>/<container>/<blob>`` in container
``azure-webjobs-hosts`` records that a function has handled one version (ETag) of a blob, so a restart
does not fire again and a changed blob does. Receipts carry ``Incomplete`` metadata until the invocation
ends and are leased while it runs, so a host that dies mid-invocation leaves the blob to fire again once
the lease lapses. Failures retry after host.json visibilityTimeout, up to maxDequeueCount attempts in all;
then a JSON message goes to ``webjobs-blobtrigger-poison`` (base64, like any host queue message) and the
receipt is completed.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import json
import logging
import os
import re
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

import azure.functions as func
import azurefunctions.extensions.bindings.blob as blob_sdk_types
from azure.core import MatchConditions
from azure.core.exceptions import (
    HttpResponseError,
    ResourceExistsError,
    ResourceModifiedError,
    ResourceNotFoundError,
)
from azure.storage.blob import BlobClient, BlobLeaseClient, BlobProperties, BlobServiceClient
from azure.storage.queue import QueueClient

from devhost.concurrency import InFlight, Renewer, start_daemon
from devhost.functions import FunctionSpec
from devhost.invoker import Invoker
from devhost.queue_listener import send_creating_queue
from devhost.settings import (
    DEFAULT_STORAGE_SETTING,
    HostStartupError,
    QueueOptions,
    connection_string_for,
    resolve_app_setting_references,
)

logger = logging.getLogger(__name__)

HOSTS_CONTAINER = "azure-webjobs-hosts"
POISON_QUEUE = "webjobs-blobtrigger-poison"
POLL_SECONDS_SETTING = "DEVHOST_BLOB_POLL_SECONDS"
DEFAULT_POLL_SECONDS = 1.0
_RECEIPT_LEASE_SECONDS = 60  # the longest finite blob lease
_INCOMPLETE = "Incomplete"
_ATTEMPTS = "DevhostAttempts"


def default_host_id() -> str:
    """``AzureFunctionsWebHost__hostid`` if set, else one derived from the machine name as Core Tools does."""
    configured = os.environ.get("AzureFunctionsWebHost__hostid")  # noqa: SIM112 - the host's own name
    if configured:
        return configured
    cleaned = re.sub(r"[^a-z0-9-]", "", socket.gethostname().lower()) or "localhost"
    return cleaned[:32].rstrip("-")


@dataclass(frozen=True)
class BlobPathPattern:
    """``container/{name}``-style trigger paths; ``{name}`` spans slashes, as in the host."""

    container: str
    listing_prefix: str
    regex: re.Pattern[str]

    @classmethod
    def parse(cls, path: str) -> BlobPathPattern:
        container, separator, blob_pattern = path.strip("/").partition("/")
        if not separator or not blob_pattern or "{" in container:
            raise HostStartupError(f"Blob trigger path {path!r} must be 'container/blob-pattern'.")
        regex = ""
        for literal, parameter in re.findall(r"([^{]*)(?:\{([^}]*)\})?", blob_pattern):
            regex += re.escape(literal)
            if parameter:
                regex += ".+?"
        prefix = blob_pattern.split("{", 1)[0]
        return cls(container, prefix, re.compile(f"^{regex}$"))

    def matches(self, blob_name: str) -> bool:
        return self.regex.match(blob_name) is not None


class BlobListener:
    def __init__(
        self,
        spec: FunctionSpec,
        invoker: Invoker,
        options: QueueOptions,
        *,
        max_parallelism: int,
        host_id: str,
        stopping: threading.Event,
        abandoned: threading.Event,
    ) -> None:
        self.spec = spec
        self.pattern = BlobPathPattern.parse(resolve_app_setting_references(spec.trigger.path))
        connection = connection_string_for(spec.trigger.connection)
        self._container = BlobServiceClient.from_connection_string(connection).get_container_client(
            self.pattern.container
        )
        # Receipts live in the host's own storage, whatever account the blobs are in.
        host_storage = connection_string_for(DEFAULT_STORAGE_SETTING)
        self._receipts = BlobServiceClient.from_connection_string(host_storage).get_container_client(HOSTS_CONTAINER)
        self._poison_queue = QueueClient.from_connection_string(connection, POISON_QUEUE)
        self._function_id = f"Host.Functions.{spec.name}"
        self._host_id = host_id
        self._options = options
        self._invoker = invoker
        self._max_parallelism = max(1, max_parallelism)
        self._stopping = stopping
        self._abandoned = abandoned
        self._poll_seconds = float(os.environ.get(POLL_SECONDS_SETTING, DEFAULT_POLL_SECONDS))
        self.active = InFlight()
        self._lock = threading.Lock()
        self._finished: set[tuple[str, str]] = set()  # (blob name, etag) with a complete receipt
        self._running: set[tuple[str, str]] = set()
        self._retry_not_before: dict[tuple[str, str], float] = {}
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        with contextlib.suppress(ResourceExistsError):
            self._receipts.create_container()
        self._thread = start_daemon(f"devhost-blob-poll-{self.spec.name}", self._poll)

    def join(self, timeout: float) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _poll(self) -> None:
        while not self._stopping.is_set():
            try:
                self._scan_once()
            except ResourceNotFoundError:
                pass  # the container does not exist yet: nothing to trigger on
            except Exception as error:
                logger.warning("Scanning container %s failed (%s).", self.pattern.container, type(error).__name__)
            self._stopping.wait(self._poll_seconds)

    def _scan_once(self) -> None:
        for blob in self._container.list_blobs(name_starts_with=self.pattern.listing_prefix or None):
            if self._stopping.is_set():
                return
            if not self.pattern.matches(blob.name):
                continue
            key = (blob.name, _quoted_etag(str(blob.etag)))
            with self._lock:
                if key in self._finished or key in self._running:
                    continue
                if self._retry_not_before.get(key, 0.0) > time.monotonic():
                    continue
            while not self.active.wait_below(self._max_parallelism, timeout=0.2):
                if self._stopping.is_set():
                    return
            with self._lock:
                self._running.add(key)
            self.active.enter()
            start_daemon(f"devhost-blob-{self.spec.name}", functools.partial(self._process, blob, key))

    def _process(self, blob: BlobProperties, key: tuple[str, str]) -> None:
        try:
            self._process_blob(blob, key)
        except Exception:
            logger.exception("Local host failure handling blob %s/%s.", self.pattern.container, blob.name)
            with self._lock:
                self._retry_not_before[key] = time.monotonic() + max(self._options.visibility_timeout, 1.0)
        finally:
            with self._lock:
                self._running.discard(key)
            self.active.leave()

    def _receipt_client(self, blob_name: str, etag: str) -> BlobClient:
        return self._receipts.get_blob_client(
            f"blobreceipts/{self._host_id}/{self._function_id}/{etag}/{self.pattern.container}/{blob_name}"
        )

    def _process_blob(self, blob: BlobProperties, key: tuple[str, str]) -> None:
        blob_name, etag = key
        receipt = self._receipt_client(blob_name, etag)
        self._create_receipt(receipt)
        receipt_metadata = receipt.get_blob_properties().metadata or {}
        if _INCOMPLETE not in receipt_metadata:
            self._mark_finished(key)
            return
        try:
            lease = receipt.acquire_lease(lease_duration=_RECEIPT_LEASE_SECONDS)
        except HttpResponseError as error:
            if error.status_code == 409:  # another host instance is running it
                return
            raise
        # Re-read under the lease: another instance may have completed it between our read and the lease.
        receipt_metadata = receipt.get_blob_properties().metadata or {}
        if _INCOMPLETE not in receipt_metadata:
            lease.release()
            self._mark_finished(key)
            return
        attempts = int(receipt_metadata.get(_ATTEMPTS, "0")) + 1
        try:
            self._run_attempt(blob, key, receipt, lease, attempts)
        finally:
            if not self._abandoned.is_set():
                try:
                    lease.release()
                except HttpResponseError:
                    logger.warning("Could not release the receipt lease of %s.", blob_name)

    def _create_receipt(self, receipt: BlobClient) -> None:
        """An incomplete receipt, unless one exists; a receipts container deleted while the host runs (storage
        wiped) is created again, as at start."""
        for _ in range(2):
            try:
                receipt.upload_blob(b"", metadata={_INCOMPLETE: "true"}, overwrite=False)
                return
            except ResourceExistsError:
                return
            except ResourceNotFoundError:
                with contextlib.suppress(ResourceExistsError):
                    self._receipts.create_container()
        raise RuntimeError("The blob receipts container could not be created.")

    def _run_attempt(
        self,
        blob: BlobProperties,
        key: tuple[str, str],
        receipt: BlobClient,
        lease: BlobLeaseClient,
        attempts: int,
    ) -> None:
        blob_name, etag = key
        source = self._container.get_blob_client(blob_name)
        try:
            trigger_value = self._trigger_value(source, etag)
        except (ResourceModifiedError, ResourceNotFoundError):
            # Changed or deleted since listing: this version no longer exists, the next scan sees the new one.
            receipt.set_blob_metadata({}, lease=lease)
            self._mark_finished(key)
            return
        with Renewer(f"devhost-blob-lease-{self.spec.name}", _RECEIPT_LEASE_SECONDS / 2, lease.renew):
            succeeded = self._invoker.try_invoke(
                self.spec,
                trigger_value,
                trigger_detail=f" blob={self.pattern.container}/{blob_name} attempt={attempts}",
            )
        if self._abandoned.is_set():
            logger.warning("Blob %s finished after the host stopped: left for its receipt lease to lapse.", blob_name)
            return
        if succeeded:
            receipt.set_blob_metadata({}, lease=lease)
            self._mark_finished(key)
        elif attempts >= self._options.max_dequeue_count:
            self._send_to_poison(blob_name, etag, _blob_type_name(blob.blob_type))
            receipt.set_blob_metadata({}, lease=lease)
            self._mark_finished(key)
        else:
            receipt.set_blob_metadata({_INCOMPLETE: "true", _ATTEMPTS: str(attempts)}, lease=lease)
            with self._lock:
                self._retry_not_before[key] = time.monotonic() + self._options.visibility_timeout

    def _trigger_value(self, source: BlobClient, etag: str) -> Any:
        """What the worker hands the function: the content for InputStream/bytes/str, a client for the SDK type."""
        if isinstance(self.spec.parameter_type, type) and issubclass(
            self.spec.parameter_type, blob_sdk_types.BlobClient
        ):
            # Deferred binding: nothing is downloaded; only this version of the blob is triggered on.
            if _quoted_etag(str(source.get_blob_properties().etag)) != etag:
                raise ResourceModifiedError("the blob changed since it was listed")
            return source
        downloader = source.download_blob(etag=etag, match_condition=MatchConditions.IfNotModified)
        data = downloader.readall()
        return _content_value(
            self.spec, self.pattern.container, source.blob_name, source.url, data, downloader.properties
        )

    def _mark_finished(self, key: tuple[str, str]) -> None:
        with self._lock:
            self._finished.add(key)
            self._retry_not_before.pop(key, None)

    def _send_to_poison(self, blob_name: str, etag: str, blob_type: str) -> None:
        logger.error(
            "Blob %s/%s failed %d times in Functions.%s: moving it to queue '%s'.",
            self.pattern.container,
            blob_name,
            self._options.max_dequeue_count,
            self.spec.name,
            POISON_QUEUE,
        )
        document = {
            "Type": "BlobTrigger",
            "FunctionId": self._function_id,
            "BlobType": blob_type,
            "ContainerName": self.pattern.container,
            "BlobName": blob_name,
            "ETag": etag,
        }
        encoded = base64.b64encode(json.dumps(document).encode("utf-8")).decode("ascii")
        send_creating_queue(self._poison_queue, encoded)


def _content_value(
    spec: FunctionSpec, container: str, blob_name: str, uri: str, data: bytes, properties: BlobProperties
) -> Any:
    if spec.parameter_type is bytes:
        return data
    if spec.parameter_type is str:
        return data.decode("utf-8")
    content = properties.content_settings
    blob_properties = {
        "Length": properties.size,
        "ContentLength": properties.size,
        "ContentType": content.content_type if content else None,
        "ContentEncoding": content.content_encoding if content else None,
        "ETag": properties.etag,
        "LastModified": properties.last_modified.isoformat() if properties.last_modified else None,
        "BlobType": _blob_type_name(properties.blob_type),
    }
    return func.blob.InputStream(
        data=data,
        # The worker's InputStream.name is the blob path including its container.
        name=f"{container}/{blob_name}",
        uri=uri,
        length=properties.size,
        blob_properties=blob_properties,
        metadata=dict(properties.metadata or {}),
    )


def _blob_type_name(blob_type: Any) -> str:
    return str(getattr(blob_type, "value", blob_type) or "BlockBlob")


def _quoted_etag(etag: str) -> str:
    """Listings give ETags bare, headers quoted: use the header form everywhere (receipts, poison, If-Match)."""
    return etag if etag.startswith('"') else f'"{etag}"'
