"""Storage faults under a running host: paused (hangs), then wiped (comes back empty). Never a 500."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import httpx
import pytest
from azure.data.tables import TableServiceClient
from azure.storage.blob import BlobServiceClient
from azure.storage.queue import QueueServiceClient

from devhost.azurite import Azurite, free_port
from shared.storage.queues import TRANSCRIPTION_QUEUE
from tests.audio_samples import tone_wav
from tests.conftest import token_for
from tests.e2e.conftest import host_process_environment, start_host_process, wait_for_status
from tests.waiting import wait_for

pytestmark = pytest.mark.e2e

# What the API promises when storage hangs (README): 503 with Retry-After within 15 s.
ANSWER_WITHIN_S = 15
UNKNOWN_ID = "af_01JXYZ0000000000000000000A"


@dataclass
class HostOnOwnStorage:
    storage: Azurite
    base_url: str  # http://127.0.0.1:<port>/api

    def client(self, tenant: str) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token_for(tenant)}"}
        # Longer than the promise, so a late answer is measured rather than cut off.
        return httpx.Client(base_url=f"{self.base_url}/v1", headers=headers, timeout=60)

    def health(self) -> httpx.Response:
        return httpx.get(f"{self.base_url}/health", timeout=60)


@pytest.fixture(scope="module")
def host() -> Iterator[HostOnOwnStorage]:
    """The app in its own process on its own Azurite, so pausing or wiping storage touches no other test."""
    with Azurite() as storage:
        port = free_port()
        environment = host_process_environment(
            storage, TRANSCRIPTION_ENGINE="pocketsphinx", DEVHOST_BLOB_POLL_SECONDS="0.5"
        )
        process = start_host_process(environment, port)
        try:
            yield HostOnOwnStorage(storage, f"http://127.0.0.1:{port}/api")
        finally:
            process.kill()
            process.wait(timeout=10)


def _timed(call: Callable[[], httpx.Response]) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    response = call()
    return response, time.monotonic() - started


def test_paused_storage_answers_503_with_retry_after_in_time_then_recovers(host: HostOnOwnStorage) -> None:
    with host.client("t-paused") as client:
        assert client.get("/audio-files").status_code == 200  # pooled connections exist before the pause
        calls: dict[str, Callable[[], httpx.Response]] = {
            "list": lambda: client.get("/audio-files"),
            "get": lambda: client.get(f"/audio-files/{UNKNOWN_ID}"),
            "upload-url": lambda: client.post(
                "/audio-files/upload-url", json={"fileName": "call.wav", "engagementId": "e1"}
            ),
            "process": lambda: client.post(f"/audio-files/{UNKNOWN_ID}/process"),
            "health": host.health,
        }
        host.storage.pause()
        try:
            answers = {name: _timed(call) for name, call in calls.items()}
        finally:
            host.storage.resume()
        for name, (response, seconds) in answers.items():
            assert response.status_code == 503, (name, response.status_code, response.text)
            assert int(response.headers["Retry-After"]) > 0, name
            assert seconds < ANSWER_WITHIN_S, (name, seconds)
            if name != "health":
                assert response.json()["code"] == "storage_unavailable", name

        # After the pause, the same calls work again without a restart.
        wait_for(lambda: client.get("/audio-files").status_code == 200, timeout=60, interval=0.5)
        assert host.health().json()["status"] == "ok"
        created = client.post("/audio-files/upload-url", json={"fileName": "call.wav", "engagementId": "e1"})
        assert created.status_code == 201, created.text


def _wipe(storage: Azurite) -> None:
    """Delete every table, container and queue of the account, as a storage that comes back empty."""
    tables = TableServiceClient.from_connection_string(storage.connection_string)
    for table in tables.list_tables():
        tables.delete_table(table.name)
    blobs = BlobServiceClient.from_connection_string(storage.connection_string)
    for container in blobs.list_containers():
        blobs.delete_container(container.name)
    queues = QueueServiceClient.from_connection_string(storage.connection_string)
    for queue in queues.list_queues():
        queues.delete_queue(queue.name)


def _until_answered(call: Callable[[], httpx.Response], wanted: int) -> list[int]:
    """Repeat ``call`` as a client honouring Retry-After would, until ``wanted``; every answer's status."""
    statuses: list[int] = []

    def answered() -> bool:
        response = call()
        statuses.append(response.status_code)
        if response.status_code == 503:
            assert "Retry-After" in response.headers
        return response.status_code == wanted or response.status_code not in (503, wanted)

    wait_for(answered, timeout=60, interval=1)
    return statuses


def test_wiped_storage_answers_503_not_500_and_recovers_without_a_restart(host: HostOnOwnStorage) -> None:
    with host.client("t-wiped") as client:
        assert client.get("/audio-files").status_code == 200
        _wipe(host.storage)
        for wanted, call in [
            (200, lambda: client.get("/audio-files")),
            (201, lambda: client.post("/audio-files/upload-url", json={"fileName": "a.wav", "engagementId": "e"})),
            (404, lambda: client.get(f"/audio-files/{UNKNOWN_ID}")),
        ]:
            statuses = _until_answered(call, wanted)
            assert set(statuses) <= {503, wanted} and statuses[-1] == wanted, statuses

        # Health finds what is missing and, locally, creates it again.
        _wipe(host.storage)
        health = host.health()
        assert health.status_code == 200, health.text
        assert "table AudioFiles" in health.json()["recreated"]
        again = host.health().json()
        assert again["status"] == "ok" and "recreated" not in again, again


def test_processing_with_the_stage_queue_missing_is_503_not_500(host: HostOnOwnStorage, tmp_path) -> None:
    with host.client("t-queue") as client:
        created = client.post("/audio-files/upload-url", json={"fileName": "call.wav", "engagementId": "e1"}).json()
        put = httpx.put(created["uploadUrl"], content=tone_wav(), headers=created["requiredHeaders"])
        assert put.status_code == 201, put.text
        audio_file_id = created["audioFileId"]
        wait_for_status(client, audio_file_id, ("pending",), timeout_s=60)
        QueueServiceClient.from_connection_string(host.storage.connection_string).delete_queue(TRANSCRIPTION_QUEUE)

        first = client.post(f"/audio-files/{audio_file_id}/process")
        assert first.status_code == 503, first.text
        assert first.json()["code"] == "storage_unavailable"
        assert "Retry-After" in first.headers
        statuses = _until_answered(lambda: client.post(f"/audio-files/{audio_file_id}/process"), 202)
        assert statuses[-1] == 202, statuses
