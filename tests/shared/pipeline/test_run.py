"""A run's state changes and write order, without storage: in-memory collaborators that keep a journal."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest

from shared.audio_files.records import AudioFileRecord, Status
from shared.errors import ConcurrencyConflict, Conflict
from shared.pipeline.deadlines import Deadline, deadlines_of
from shared.pipeline.model import PIPELINE, Stage, StageStatus, with_companions
from shared.pipeline.run import RunTimes, StartOutcome, current_stage, start_run
from shared.pipeline.stages import Engines, build_handlers, parse_message
from shared.storage.queues import QUEUES
from shared.storage.tables import compare_and_swap

pytestmark = pytest.mark.unit

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
TIMES = RunTimes.of(45)


@dataclass
class Journal:
    entries: list[str] = field(default_factory=list)


@dataclass
class MemoryRecords:
    journal: Journal
    stored: dict[str, AudioFileRecord] = field(default_factory=dict)
    version: int = 0
    fail_next_save: bool = False

    def get(self, tenant_id: str, audio_file_id: str) -> AudioFileRecord | None:
        record = self.stored.get(audio_file_id)
        return record.model_copy(deep=True) if record else None

    def save(self, record: AudioFileRecord) -> AudioFileRecord:
        current = self.stored[record.id]
        if current.etag != record.etag or self.fail_next_save:
            self.fail_next_save = False
            raise ConcurrencyConflict(record.id)
        self.version += 1
        saved = record.model_copy(update={"etag": str(self.version)}, deep=True)
        self.stored[record.id] = saved
        self.journal.entries.append(f"record:{saved.status.value}")
        return saved

    def mutate(
        self, tenant_id: str, audio_file_id: str, change: Callable[[AudioFileRecord], AudioFileRecord | None]
    ) -> AudioFileRecord | None:
        return compare_and_swap(lambda: self.get(tenant_id, audio_file_id), self.save, change, audio_file_id)


@dataclass
class MemoryDeadlines:
    journal: Journal
    rows: set[str] = field(default_factory=set)

    def schedule(self, deadline: Deadline) -> None:
        self.rows.add(deadline.row_key)
        self.journal.entries.append(f"deadline:{deadline.kind}")

    def remove(self, deadline: Deadline) -> None:
        self.rows.discard(deadline.row_key)
        self.journal.entries.append(f"remove-deadline:{deadline.kind}")


@dataclass
class MemoryQueues:
    journal: Journal
    sent: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    fail: bool = False

    def send(self, queue: str, message: dict[str, Any], *, visibility_timeout: int | None = None) -> None:
        if self.fail:
            raise OSError("queue unavailable")
        self.sent.append((queue, message))
        self.journal.entries.append(f"message:{queue}")


@dataclass
class World:
    journal: Journal
    records: MemoryRecords
    deadlines: MemoryDeadlines
    queues: MemoryQueues

    def start(self, stages: tuple[Stage, ...] = PIPELINE) -> tuple[StartOutcome, AudioFileRecord] | None:
        return start_run(
            records=self.records, deadlines=self.deadlines, queues=self.queues, times=TIMES, tenant_id="t1",
            audio_file_id="af_1", stages=list(stages), refuse=lambda record: None,
        )  # fmt: skip


def new_world() -> World:
    journal = Journal()
    records = MemoryRecords(journal)
    records.stored["af_1"] = AudioFileRecord(
        tenant_id="t1", id="af_1", file_name="a.wav", safe_file_name="a.wav", blob_name="t1/af_1/a.wav",
        engagement_id="e1", recorded_at=NOW, created_at=NOW, updated_at=NOW, upload_expires_at=NOW,
        status=Status.PENDING, etag="0",
    )  # fmt: skip
    return World(journal, records, MemoryDeadlines(journal), MemoryQueues(journal))


@pytest.fixture
def world() -> World:
    return new_world()


def test_a_run_starts_with_its_deadline_then_its_record_then_its_message(world: World) -> None:
    started = world.start()
    assert started is not None
    outcome, record = started
    assert outcome is StartOutcome.QUEUED
    assert world.journal.entries == ["deadline:transcription", "record:pending", "message:transcription"]
    state = record.stages[Stage.TRANSCRIPTION]
    assert state.status is StageStatus.QUEUED and state.deadline_at is not None
    # The record names the row that guards it, so delete and the sweeper find exactly that row.
    assert {d.row_key for d in deadlines_of(record)} - world.deadlines.rows == {deadlines_of(record)[0].row_key}
    assert record.stages[Stage.EVALUATION].status is StageStatus.WAITING
    [(queue, body)] = world.queues.sent
    assert parse_message(json.dumps(body)).run_id == record.run_id and queue == "transcription"


def test_a_failed_send_leaves_a_run_that_a_retry_sends_again(world: World) -> None:
    world.queues.fail = True
    with pytest.raises(OSError):
        world.start()
    world.queues.fail = False
    retried = world.start()
    assert retried is not None
    outcome, record = retried
    assert outcome is StartOutcome.ALREADY_QUEUED and record.run_count == 1
    assert [body["runId"] for _, body in world.queues.sent] == [record.run_id]


def test_a_running_run_is_not_sent_again(world: World) -> None:
    started = world.start()
    assert started is not None

    def running(record: AudioFileRecord) -> AudioFileRecord:
        record.stages[Stage.TRANSCRIPTION].status = StageStatus.RUNNING
        record.status = Status.PROCESSING
        return record

    world.records.mutate("t1", "af_1", running)
    again = world.start()
    assert again is not None and again[0] is StartOutcome.ALREADY_RUNNING
    assert len(world.queues.sent) == 1


def test_a_lost_race_drops_its_deadline_and_decides_again(world: World) -> None:
    world.records.fail_next_save = True
    started = world.start()
    assert started is not None and started[0] is StartOutcome.QUEUED
    assert world.journal.entries[:2] == ["deadline:transcription", "remove-deadline:transcription"]
    assert len(world.deadlines.rows) == 1


def test_a_refused_record_writes_nothing(world: World) -> None:
    def refuse(record: AudioFileRecord) -> None:
        raise Conflict("no", code="already_processed")

    with pytest.raises(Conflict):
        start_run(records=world.records, deadlines=world.deadlines, queues=world.queues, times=TIMES,
                  tenant_id="t1", audio_file_id="af_1", stages=list(PIPELINE), refuse=refuse)  # fmt: skip
    assert world.journal.entries == []


def test_re_evaluation_skips_transcription_and_keeps_its_output(world: World) -> None:
    world.records.stored["af_1"].outputs = {"transcription": "run-0", "redaction": "run-0", "evaluation": "run-0"}
    started = world.start((Stage.EVALUATION,))
    assert started is not None
    _, record = started
    assert record.has_transcript and not record.has_analysis
    assert record.stages[Stage.TRANSCRIPTION].status is StageStatus.SKIPPED
    assert current_stage(record) == (Stage.EVALUATION, record.stages[Stage.EVALUATION])


def test_every_stage_has_a_handler_and_a_queue() -> None:
    engines = Engines(transcription=lambda: pytest.fail("not used"), evaluation=lambda: pytest.fail("not used"))
    assert list(build_handlers(blobs=None, engines=engines, scorecards=None)) == list(Stage)  # type: ignore[arg-type]
    for stage in Stage:
        assert {stage.queue, stage.poison_queue} <= {*QUEUES, *(f"{queue}-poison" for queue in QUEUES)}


@pytest.mark.parametrize(
    ("requested", "run"),
    [
        ([Stage.EVALUATION], [Stage.EVALUATION]),
        ([Stage.TRANSCRIPTION], [Stage.TRANSCRIPTION, Stage.REDACTION]),
        ([Stage.REDACTION, Stage.EVALUATION], list(Stage)),
    ],
)
def test_transcription_and_redaction_always_run_together(requested: list[Stage], run: list[Stage]) -> None:
    assert with_companions(requested) == run
