"""A run's ending event is sent at least once: the record says the run ended first, the event goes after, and a
crash or a failed send between the two is made good by whatever comes back (the ending stage's message, the
poison message, the sweeper's deadline row). Without storage: the in-memory collaborators of ``test_run``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest

from shared.ai.errors import EngineError
from shared.audio_files.records import AudioFileRecord, Status
from shared.pipeline.deadlines import Deadline
from shared.pipeline.model import PIPELINE, Stage, StageMessage, StageStatus
from shared.pipeline.run import MAX_STAGE_ATTEMPTS
from shared.pipeline.stages import StageHandler, StageOutputs, StageRunner, fail_from_poison
from shared.pipeline.sweeper import sweep_deadlines
from shared.storage.blobs import ANALYSES_CONTAINER, TRANSCRIPTS_CONTAINER
from shared.storage.queues import WEBHOOKS_QUEUE
from shared.webhooks.events import EventType, event_id
from tests.shared.pipeline.test_run import TIMES, MemoryQueues, World, new_world

pytestmark = pytest.mark.unit

SCORECARD = {"id": "sc_01", "version": "3"}


class SendFailed(OSError):
    """The queue refused one send (or the worker died in it): the message goes back to its queue."""


@dataclass
class FlakyQueues(MemoryQueues):
    """Queues whose next send to ``failing`` raises once."""

    failing: str | None = None

    def send(self, queue: str, message: dict[str, Any], *, visibility_timeout: int | None = None) -> None:
        if queue == self.failing:
            self.failing = None
            raise SendFailed(queue)
        super().send(queue, message, visibility_timeout=visibility_timeout)


@dataclass
class MemoryBlobs:
    documents: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)

    def write_json(self, container: str, blob_name: str, document: dict[str, Any]) -> None:
        self.documents[(container, blob_name)] = document

    def read_json(self, container: str, blob_name: str) -> dict[str, Any] | None:
        return self.documents.get((container, blob_name))

    def delete(self, container: str, blob_name: str) -> bool:
        return self.documents.pop((container, blob_name), None) is not None

    def list_names(self, container: str, prefix: str) -> list[str]:
        return sorted(name for kept, name in self.documents if kept == container and name.startswith(prefix))


@dataclass(frozen=True)
class FakeStage:
    """A stage whose output is a fixed document, or that fails for good."""

    status: Status
    container: str
    output: dict[str, Any]
    replaces: tuple[Stage, ...] = ()
    fails: bool = False

    def produce(self, record: AudioFileRecord) -> dict[str, Any]:
        if self.fails:
            raise EngineError("unsupported_audio", "cannot decode", retryable=False)
        return self.output


def handlers(failing: Stage | None = None) -> dict[Stage, StageHandler]:
    return {
        Stage.TRANSCRIPTION: FakeStage(Status.PROCESSING, TRANSCRIPTS_CONTAINER, {"text": "unredacted"},
                                       fails=failing is Stage.TRANSCRIPTION),
        Stage.REDACTION: FakeStage(Status.PROCESSING, TRANSCRIPTS_CONTAINER, {"text": "redacted"},
                                   replaces=(Stage.TRANSCRIPTION,), fails=failing is Stage.REDACTION),
        Stage.EVALUATION: FakeStage(Status.EVALUATING, ANALYSES_CONTAINER, {"scorecard": SCORECARD},
                                    fails=failing is Stage.EVALUATION),
    }  # fmt: skip


@dataclass
class Run:
    world: World
    queues: FlakyQueues
    blobs: MemoryBlobs
    runner: StageRunner

    def start(self, stages: tuple[Stage, ...]) -> StageMessage:
        started = self.world.start(stages)
        assert started is not None
        return self.last_stage_message()

    def last_stage_message(self) -> StageMessage:
        queue, body = [sent for sent in self.queues.sent if sent[0] != WEBHOOKS_QUEUE][-1]
        message = StageMessage.model_validate(body)
        assert message.stage.queue == queue
        return message

    def until(self, last: Stage, message: StageMessage) -> StageMessage:
        """Run the stages before ``last``; its message."""
        while message.stage is not last:
            assert self.runner.run(message) == "succeeded"
            message = self.last_stage_message()
        return message

    def events(self) -> list[dict[str, Any]]:
        return [body["event"] for queue, body in self.queues.sent if queue == WEBHOOKS_QUEUE]

    def record(self) -> AudioFileRecord:
        stored = self.world.records.get("t1", "af_1")
        assert stored is not None
        return stored

    @property
    def outputs(self) -> StageOutputs:
        return self.runner.outputs


def run_with(failing: Stage | None = None) -> Run:
    world = new_world()
    queues = FlakyQueues(world.journal)
    world.queues = queues
    blobs = MemoryBlobs()
    runner = StageRunner(records=world.records, deadlines=world.deadlines, queues=queues, blobs=blobs,
                         handlers=handlers(failing), times=TIMES)  # fmt: skip
    return Run(world, queues, blobs, runner)


@pytest.fixture
def run() -> Run:
    return run_with()


RUNS = {"a full run": PIPELINE, "a re-evaluation": (Stage.EVALUATION,)}


@pytest.mark.parametrize("stages", RUNS.values(), ids=RUNS.keys())
def test_a_completion_whose_event_was_not_sent_sends_it_when_its_message_comes_back(
    run: Run, stages: tuple[Stage, ...]
) -> None:
    final = run.until(Stage.EVALUATION, run.start(stages))
    run.queues.failing = WEBHOOKS_QUEUE  # the send after the completed record (or the worker dies there)
    with pytest.raises(SendFailed):
        run.runner.run(final)
    assert run.record().status is Status.COMPLETED and run.events() == []

    assert run.runner.run(final, dequeue_count=2) == "ended"
    [event] = run.events()
    assert event["id"] == event_id(final.run_id, EventType.ANALYSIS_COMPLETED)
    assert event["type"] == "analysis.completed" and event["data"]["runId"] == final.run_id
    assert event["data"]["scorecard"] == SCORECARD  # read back from the stored analysis
    # The record said the run ended before the event went.
    entries = run.world.journal.entries
    assert entries.index("record:completed") < entries.index(f"message:{WEBHOOKS_QUEUE}")


def test_a_repeated_event_is_the_same_event(run: Run) -> None:
    """A worker killed after the send repeats it: same id and time, so the fan-out finds its deliveries made."""
    final = run.until(Stage.EVALUATION, run.start(PIPELINE))
    assert run.runner.run(final) == "succeeded"
    assert run.runner.run(final, dequeue_count=2) == "ended"
    first, again = run.events()
    assert first == again


def test_only_the_ending_stage_message_sends_the_event_again(run: Run) -> None:
    transcription = run.start(PIPELINE)
    final = run.until(Stage.EVALUATION, transcription)
    assert run.runner.run(final) == "succeeded"
    assert run.runner.run(transcription, dequeue_count=2) == "ended"
    assert len(run.events()) == 1


@pytest.mark.parametrize("stage", PIPELINE)
def test_a_failure_whose_event_was_not_sent_sends_it_when_its_message_comes_back(run: Run, stage: Stage) -> None:
    run = run_with(failing=stage)
    failing = run.until(stage, run.start(PIPELINE))
    run.queues.failing = WEBHOOKS_QUEUE
    with pytest.raises(SendFailed):
        run.runner.run(failing)
    assert run.record().status is Status.FAILED and run.events() == []

    assert run.runner.run(failing, dequeue_count=2) == "ended"
    [event] = run.events()
    assert event["id"] == event_id(failing.run_id, EventType.PROCESSING_FAILED)
    assert event["data"]["error"] == {"code": "unsupported_audio", "stage": stage.value}
    entries = run.world.journal.entries
    assert entries.index("record:failed") < entries.index(f"message:{WEBHOOKS_QUEUE}")


def test_a_poisoned_stage_whose_event_was_not_sent_sends_it_when_the_poison_message_comes_back(run: Run) -> None:
    message = run.start(PIPELINE)
    body = message.model_dump_json(by_alias=True)

    def poison() -> str:
        return fail_from_poison(records=run.world.records, deadlines=run.world.deadlines, queues=run.queues,
                                outputs=run.outputs, body=body, stage=message.stage)  # fmt: skip

    run.queues.failing = WEBHOOKS_QUEUE
    with pytest.raises(SendFailed):
        poison()
    assert run.record().status is Status.FAILED and run.events() == []
    assert poison() == "failed"
    [event] = run.events()
    assert event["id"] == event_id(message.run_id, EventType.PROCESSING_FAILED)


def test_a_run_the_sweeper_ended_sends_its_event_at_the_next_sweep_if_the_send_failed(run: Run) -> None:
    message = run.start(PIPELINE)

    def keeps_dying(record: AudioFileRecord) -> AudioFileRecord:
        state = record.stages[Stage.TRANSCRIPTION]
        state.status, state.attempts = StageStatus.RUNNING, MAX_STAGE_ATTEMPTS
        return record

    run.world.records.mutate("t1", "af_1", keeps_dying)
    now = run.record().stages[Stage.TRANSCRIPTION].deadline_at
    assert now is not None

    def sweep() -> None:
        due = [Deadline.parse(row) for row in sorted(run.world.deadlines.rows)]
        sweep_deadlines(records=run.world.records, deadlines=run.world.deadlines, queues=run.queues,
                        outputs=run.outputs, due=due, times=TIMES, now=now + timedelta(seconds=1))  # fmt: skip

    run.queues.failing = WEBHOOKS_QUEUE
    with pytest.raises(SendFailed):
        sweep()
    record = run.record()
    assert record.status is Status.FAILED and record.error and record.error.code == "stage_timeout"
    assert run.events() == []
    sweep()  # the row the failed sweep did not remove is due still
    [event] = run.events()
    assert event["id"] == event_id(message.run_id, EventType.PROCESSING_FAILED)
    assert run.world.deadlines.rows == set()
    sweep()
    assert len(run.events()) == 1


def test_a_poisoned_message_of_a_finished_stage_leaves_the_run_going(run: Run) -> None:
    """A copy of transcription's message that kept failing (say its re-send of the next stage's message did) ends
    up in the poison queue after transcription succeeded: the run is at redaction and must not end ``failed``,
    nor go on to end a second time as ``completed``, with two events."""
    transcription = run.start(PIPELINE)
    redaction = run.until(Stage.REDACTION, transcription)
    result = fail_from_poison(records=run.world.records, deadlines=run.world.deadlines, queues=run.queues,
                              outputs=run.outputs, body=transcription.model_dump_json(by_alias=True),
                              stage=transcription.stage)  # fmt: skip
    assert result == "ignored"
    assert run.record().status is Status.PROCESSING and run.events() == []
    final = run.until(Stage.EVALUATION, redaction)
    assert run.runner.run(final) == "succeeded"
    assert [event["type"] for event in run.events()] == ["analysis.completed"]
