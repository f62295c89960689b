"""No stranded runs, no leftovers: the host killed (-9) at the worst moments, enqueue failures, delete mid-stage.

A client does what the docs say: upload, POST /process (again, if a request failed), poll until completed.
"""

from __future__ import annotations

from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from azure.data.tables import TableServiceClient
from azure.storage.queue import QueueServiceClient

from shared.ai.factory import get_evaluation_engine, get_transcription_engine
from shared.audio_files.repository import AudioFileRepository
from shared.clock import utcnow
from shared.dependencies import Dependencies
from shared.pipeline.deadlines import DeadlineStore
from shared.pipeline.model import Stage
from shared.pipeline.run import RunTimes
from shared.pipeline.stages import Engines, StageOutputs, build_handlers
from shared.pipeline.sweeper import sweep_deadlines
from shared.scorecards.service import ScorecardChooser
from shared.scorecards.store import ScorecardRepository
from shared.storage.blobs import BlobStore
from shared.storage.clients import StorageClients
from shared.storage.queues import TRANSCRIPTION_QUEUE
from shared.storage.tables import AUDIO_FILES_TABLE, SCORECARDS_TABLE
from tests.e2e.conftest import CEILING_S, TERMINAL, KillableHost, LiveService, upload_file, wait_for_status
from tests.storage_scan import blobs_naming, rows_naming
from tests.waiting import wait_for

pytestmark = pytest.mark.e2e


def _status(client: httpx.Client, audio_file_id: str) -> dict[str, Any]:
    body: dict[str, Any] = client.get(f"/audio-files/{audio_file_id}/processing-status").json()
    return body


def _assert_completed_once(host: KillableHost, client: httpx.Client, tenant: str, ids: list[str]) -> None:
    """Every file ends completed with exactly one (redacted) transcript, one analysis and one redacted recording
    (duplicates cost nothing; the unredacted transcription output is gone once the run has ended)."""
    for audio_file_id in ids:
        status = wait_for_status(client, audio_file_id, TERMINAL)
        assert status["status"] == "completed", status
        expected = {"transcripts": "redaction/", "analyses": "evaluation/", "redacted-audio": "recording.wav"}
        for container, name in expected.items():
            names = [b.name for b in host.blobs.get_container_client(container).list_blobs(f"{tenant}/{audio_file_id}")]
            assert len(names) == 1 and name in names[0], (container, names)
        assert client.get(f"/audio-files/{audio_file_id}/transcript").status_code == 200


@dataclass
class _SentMessages:
    bodies: list[dict[str, Any]] = field(default_factory=list)

    def send(self, queue: str, message: dict[str, Any], *, visibility_timeout: int | None = None) -> None:
        self.bodies.append(message)


class _DeletesRecorded(BlobStore):
    """The host's blobs as the sweeper reads them; what it would delete is recorded, not deleted."""

    def __init__(self, clients: StorageClients) -> None:
        super().__init__(clients)
        self.deleted: list[str] = []

    def delete(self, container: str, blob_name: str) -> bool:
        self.deleted.append(f"{container}/{blob_name}")
        return True

    def delete_prefix(self, container: str, prefix: str) -> int:
        self.deleted.append(f"{container}/{prefix}*")
        return 0


_UNUSED_ENGINES = Engines(transcription=get_transcription_engine, evaluation=get_evaluation_engine)  # never called


def _assert_sweeper_finds_nothing_to_do(host: KillableHost, ids: list[str]) -> None:
    """Every deadline left (a crash may orphan one between its row and its record) is one the sweeper drops; one
    of the stage that ended a run makes it send that run's end event again, which is identical, so harmless."""
    table_service = TableServiceClient.from_connection_string(host.storage.connection_string)
    table = table_service.get_table_client(AUDIO_FILES_TABLE)
    deadlines = DeadlineStore(table)
    later = utcnow() + timedelta(days=2)
    sent = _SentMessages()
    queue_service = QueueServiceClient.from_connection_string(host.storage.connection_string)
    blobs = _DeletesRecorded(StorageClients(host.blobs, queue_service, table_service, "", None))
    chooser = ScorecardChooser(ScorecardRepository(table_service.get_table_client(SCORECARDS_TABLE)), blobs)
    outputs = StageOutputs(blobs, build_handlers(blobs, _UNUSED_ENGINES, chooser))
    report = sweep_deadlines(records=AudioFileRepository(table), deadlines=deadlines, queues=sent, outputs=outputs,
                             due=deadlines.due(later), times=RunTimes.of(45), now=later)  # fmt: skip
    assert not set(ids) & set(report.failed + report.requeued), report
    repeated = [(body["kind"], body["event"]["type"], body["event"]["data"]["audioFileId"]) for body in sent.bodies]
    assert all(kind == "event" and event_type == "analysis.completed" for kind, event_type, _ in repeated), repeated
    assert {audio_file_id for _, _, audio_file_id in repeated} <= set(ids), repeated
    assert blobs.deleted == []  # the runs' own endings left no output behind for the sweeper to delete


def _process_until_accepted(client: httpx.Client, audio_file_id: str) -> dict[str, Any]:
    """What a client does after a request that got no answer: ask again until it is accepted."""

    def accepted() -> dict[str, Any] | None:
        try:
            response = client.post(f"/audio-files/{audio_file_id}/process")
        except httpx.TransportError:
            return None
        assert response.status_code in (202, 503), response.text
        return response.json() if response.status_code == 202 else None

    result: dict[str, Any] = wait_for(accepted, timeout=240, interval=0.5)
    return result


def test_killing_the_host_during_concurrent_process_requests_strands_no_file(
    killable: KillableHost, short_call: Path
) -> None:
    tenant = "t-kill-post"
    with killable.client(tenant) as client:
        ids = [upload_file(client, short_call) for _ in range(6)]
        for audio_file_id in ids:
            wait_for_status(client, audio_file_id, ("pending",))

        def post(audio_file_id: str) -> int | None:
            try:
                return client.post(f"/audio-files/{audio_file_id}/process").status_code
            except httpx.TransportError:
                return None

        with ThreadPoolExecutor(max_workers=len(ids)) as pool:
            futures = {pool.submit(post, audio_file_id): audio_file_id for audio_file_id in ids}
            wait(futures, return_when=FIRST_COMPLETED)  # the others are in flight: kill the host now
            killable.kill()
            answered = {futures[f]: f.result() for f in futures}
        killable.start()
        for audio_file_id, status_code in answered.items():
            if status_code != 202:
                _process_until_accepted(client, audio_file_id)
        _assert_completed_once(killable, client, tenant, ids)


@pytest.mark.parametrize("stage", [stage.value for stage in Stage])
def test_killing_the_host_during_each_stage_still_completes_every_file_once(
    killable: KillableHost, short_call: Path, stage: str
) -> None:
    tenant = f"t-kill-{stage}"
    with killable.client(tenant) as client:
        ids = [upload_file(client, short_call, autoProcess=True) for _ in range(3)]

        def in_stage() -> bool:
            status = _status(client, ids[0])
            assert status["status"] not in TERMINAL, status
            return bool(status["stages"][stage]["status"] == "running")

        wait_for(in_stage, timeout=CEILING_S, interval=0.05)
        killable.kill()
        killable.start()
        _assert_completed_once(killable, client, tenant, ids)
        _assert_sweeper_finds_nothing_to_do(killable, ids)


def _queue_length(deps: Dependencies, name: str) -> int:
    properties = deps.storage.queue.get_queue_client(name).get_queue_properties()
    return int(properties.approximate_message_count or 0)


def test_a_failed_enqueue_then_a_retried_process_request_completes(
    live: LiveService, short_call: Path, deps: Dependencies
) -> None:
    queues: QueueServiceClient = deps.storage.queue
    with live.client("t-enqueue") as client:
        audio_file_id = upload_file(client, short_call)
        wait_for_status(client, audio_file_id, ("pending",))
        queues.delete_queue(TRANSCRIPTION_QUEUE)  # the send of the stage message fails
        try:
            first = client.post(f"/audio-files/{audio_file_id}/process")
        finally:
            if not _queue_exists(deps):
                queues.create_queue(TRANSCRIPTION_QUEUE)
        if first.status_code != 202:  # unless the app itself re-created the queue and sent again
            assert first.status_code in (500, 503), first.text
            assert first.headers["content-type"].startswith("application/problem+json")
        retried = _process_until_accepted(client, audio_file_id)
        assert retried["status"] == "pending"
        status = wait_for_status(client, audio_file_id, TERMINAL)
        assert status["status"] == "completed", status


def _queue_exists(deps: Dependencies) -> bool:
    return any(queue.name == TRANSCRIPTION_QUEUE for queue in deps.storage.queue.list_queues())


@pytest.mark.parametrize("stage", [stage.value for stage in Stage])
def test_delete_during_each_stage_leaves_nothing_behind(
    live: LiveService, short_call: Path, deps: Dependencies, stage: str
) -> None:
    with live.client(f"t-delete-{stage}") as client:
        audio_file_id = upload_file(client, short_call, autoProcess=True)

        def in_stage() -> bool:
            status = _status(client, audio_file_id)
            assert status["status"] not in TERMINAL, status
            return bool(status["stages"][stage]["status"] in ("queued", "running") and status["status"] != "pending")

        wait_for(in_stage, timeout=CEILING_S, interval=0.05)
        assert client.delete(f"/audio-files/{audio_file_id}").status_code == 204
        # The stage still working ends (its message is gone from the queue), then nothing of the file is left.
        wait_for(lambda: all(_queue_length(deps, each.queue) == 0 for each in Stage), timeout=CEILING_S, interval=0.2)
        assert blobs_naming(deps.storage.blob, audio_file_id) == []
        table_service: TableServiceClient = deps.storage.table
        assert rows_naming(table_service, audio_file_id) == []
        assert client.get(f"/audio-files/{audio_file_id}").status_code == 404
