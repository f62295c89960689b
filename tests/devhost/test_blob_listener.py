"""Blob triggers through the local host against Azurite: receipts, changes, restarts, retries and poison."""

from __future__ import annotations

import base64
import json
import time
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from azure.storage.blob import BlobClient, BlobServiceClient, ContainerClient
from azure.storage.queue import QueueClient

from devhost import FunctionHost
from devhost.blob_listener import POISON_QUEUE, BlobPathPattern
from tests.devhost import sample_app
from tests.waiting import wait_for

pytestmark = pytest.mark.integration


def _container(names: dict[str, str]) -> ContainerClient:
    container = BlobServiceClient.from_connection_string(names["AzureWebJobsStorage"]).get_container_client(
        names["SAMPLE_CONTAINER"]
    )
    if not container.exists():
        container.create_container()
    return container


def _calls_for(function: str, blob_path: str) -> list[dict[str, Any]]:
    return [call for call in sample_app.recorded(function) if call.get("name", blob_path) == blob_path]


def _a_later_scan_happened(container: ContainerClient) -> None:
    """Upload a sentinel blob and wait for its invocation: the host has listed the container since now.

    The name sorts after the tests' other blobs, so that scan reached them before it reached the sentinel.
    """
    sentinel = f"zz-sentinel/{uuid.uuid4().hex}.txt"
    container.upload_blob(sentinel, b"sentinel")
    wait_for(lambda: _calls_for("on_blob", f"{container.container_name}/{sentinel}"))


def test_path_patterns() -> None:
    pattern = BlobPathPattern.parse("audio/{name}")
    assert (pattern.container, pattern.listing_prefix) == ("audio", "")
    assert pattern.matches("t1/af_x/call.wav")  # {name} spans slashes
    wav = BlobPathPattern.parse("audio/incoming/{name}.wav")
    assert wav.listing_prefix == "incoming/"
    assert wav.matches("incoming/a/b.wav")
    assert not wav.matches("incoming/a/b.mp3")
    assert not wav.matches("other/b.wav")


def test_a_blob_fires_once_per_version_and_not_again_after_a_restart(
    start_host: Callable[..., FunctionHost], names: dict[str, str]
) -> None:
    container = _container(names)
    blob_name = f"t1/{uuid.uuid4().hex}/call.wav"
    blob_path = f"{names['SAMPLE_CONTAINER']}/{blob_name}"
    container.upload_blob(blob_name, b"version one")

    first = start_host(["on_blob"])
    calls = wait_for(lambda: _calls_for("on_blob", blob_path))
    assert calls[0]["data"] == b"version one"
    assert calls[0]["length"] == len(b"version one")
    assert calls[0]["uri"].endswith(f"/{names['SAMPLE_CONTAINER']}/{blob_name}")
    _a_later_scan_happened(container)  # no second invocation for the same ETag
    assert len(_calls_for("on_blob", blob_path)) == 1
    first.stop(timeout=5)

    start_host(["on_blob"])
    _a_later_scan_happened(container)  # the new host has seen the blob, found the receipt and not fired
    assert len(_calls_for("on_blob", blob_path)) == 1

    container.upload_blob(blob_name, b"version two", overwrite=True)  # new ETag: fires again
    calls = wait_for(lambda: len(_calls_for("on_blob", blob_path)) == 2 and _calls_for("on_blob", blob_path))
    assert calls[1]["data"] == b"version two"

    receipts = BlobServiceClient.from_connection_string(names["AzureWebJobsStorage"]).get_container_client(
        "azure-webjobs-hosts"
    )
    receipt_names = [
        blob.name
        for blob in receipts.list_blobs(
            name_starts_with=f"blobreceipts/{names['AzureFunctionsWebHost__hostid']}/Host.Functions.on_blob/"
        )
        if "/zz-sentinel/" not in blob.name
    ]
    assert len(receipt_names) == 2  # one per version
    assert all(name.endswith(f"/{names['SAMPLE_CONTAINER']}/{blob_name}") for name in receipt_names)


def test_pattern_with_suffix_and_bytes_parameter(
    start_host: Callable[..., FunctionHost], names: dict[str, str]
) -> None:
    container = _container(names)
    marker = uuid.uuid4().hex.encode()
    container.upload_blob("wav/a/skip.mp3", b"mp3 " + marker)
    container.upload_blob("wav/a/take.wav", b"wav " + marker)
    start_host(["on_wav_blob"])
    wait_for(lambda: any(call["data"] == b"wav " + marker for call in sample_app.recorded("on_wav_blob")))
    time.sleep(0.6)
    datas = [call["data"] for call in sample_app.recorded("on_wav_blob")]
    assert b"mp3 " + marker not in datas
    assert datas.count(b"wav " + marker) == 1


def test_an_sdk_type_parameter_gets_a_client_for_the_blob_and_no_content(
    start_host: Callable[..., FunctionHost], names: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    container = _container(names)
    blob_name = f"sdk/{uuid.uuid4().hex}/recording"
    container.upload_blob(blob_name, b"x" * 4096)
    downloads: list[str] = []
    original = BlobClient.download_blob

    def counted(self: BlobClient, *args: Any, **kwargs: Any) -> Any:
        downloads.append(self.blob_name)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(BlobClient, "download_blob", counted)  # spies on the real SDK, changes nothing
    start_host(["on_sdk_blob"])
    [call] = wait_for(lambda: _calls_for("on_sdk_blob", f"{names['SAMPLE_CONTAINER']}/{blob_name}"))
    assert call["size"] == 4096
    assert blob_name not in downloads  # the host handed over a client, not the bytes


def test_a_failing_blob_is_tried_max_dequeue_count_times_then_poisoned(
    start_host: Callable[..., FunctionHost], names: dict[str, str]
) -> None:
    container = _container(names)
    blob_name = f"bad/{uuid.uuid4().hex}.bin"
    blob_path = f"{names['SAMPLE_CONTAINER']}/{blob_name}"
    etag = container.upload_blob(blob_name, b"fail please").get_blob_properties().etag
    poison = QueueClient.from_connection_string(names["AzureWebJobsStorage"], POISON_QUEUE)

    def poison_documents() -> list[dict[str, Any]]:
        try:
            messages = poison.peek_messages(max_messages=32)
        except Exception:
            return []
        documents = [json.loads(base64.b64decode(message.content)) for message in messages]
        return [document for document in documents if document["BlobName"] == blob_name]

    start_host(["on_blob"])
    (document,) = wait_for(poison_documents, timeout=30)
    assert document == {
        "Type": "BlobTrigger",
        "FunctionId": "Host.Functions.on_blob",
        "BlobType": "BlockBlob",
        "ContainerName": names["SAMPLE_CONTAINER"],
        "BlobName": blob_name,
        "ETag": etag,
    }
    assert len(_calls_for("on_blob", blob_path)) == 5
    _a_later_scan_happened(container)  # completed receipt: no more attempts
    assert len(_calls_for("on_blob", blob_path)) == 5


def test_a_missing_container_is_waited_for(start_host: Callable[..., FunctionHost], names: dict[str, str]) -> None:
    start_host(["on_blob"])
    time.sleep(0.5)  # polling a container that does not exist yet is not an error
    container = _container(names)
    container.upload_blob("late.txt", b"late")
    wait_for(lambda: _calls_for("on_blob", f"{names['SAMPLE_CONTAINER']}/late.txt"))
