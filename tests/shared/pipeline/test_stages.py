"""The pipeline's at-least-once rules against a real Azurite, with the real rule-based evaluator.

Transcription here returns a transcript of the reference call (speech recognition itself is tested with real
audio in the engine and e2e tests); what these tests check is the pipeline's state machine around it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

import pytest

from shared.ai.errors import EngineError
from shared.ai.evaluation.rules import RuleBasedEngine
from shared.ai.transcription.base import AudioInput
from shared.audio_files import service
from shared.audio_files.records import Status
from shared.dependencies import Dependencies
from shared.models.api import ProcessRequest
from shared.models.transcript import Transcript
from shared.pipeline.deadlines import UPLOAD, Deadline
from shared.pipeline.model import Stage, StageMessage, StageStatus
from shared.pipeline.run import MAX_STAGE_ATTEMPTS, RunTimes
from shared.pipeline.stages import (
    Engines,
    RedactionStage,
    StageHandler,
    StageOutputs,
    StageRunner,
    build_handlers,
    fail_from_poison,
)
from shared.pipeline.sweeper import SweepReport, sweep_deadlines
from shared.scorecards.service import ScorecardChooser
from shared.storage.blobs import ANALYSES_CONTAINER, TRANSCRIPTS_CONTAINER, BlobStore
from shared.storage.queues import EVALUATION_QUEUE, REDACTION_QUEUE, TRANSCRIPTION_QUEUE, WEBHOOKS_QUEUE
from tests import queues
from tests.shared.ai.evaluation.call_scripts import HUMAN_CALL, build_transcript
from tests.shared.audio_files.test_service import delete, process, uploaded
from tests.shared.webhooks.helpers import drain, subscribe
from tests.shared.webhooks.receiver import running_receiver
from tests.storage_scan import blobs_naming, rows_naming

pytestmark = pytest.mark.integration


@dataclass
class ScriptedTranscriber:
    """Returns the reference call's transcript, or raises the errors it is given, counting calls."""

    name: str = "scripted"
    errors: list[EngineError] = field(default_factory=list)
    calls: int = 0
    run_ids: list[str | None] = field(default_factory=list)

    def transcribe(self, audio: AudioInput) -> Transcript:
        self.calls += 1
        self.run_ids.append(audio.run_id)
        assert audio.path.stat().st_size > 0  # the stage handed over the real uploaded bytes
        if self.errors:
            raise self.errors.pop(0)
        return build_transcript(HUMAN_CALL, audio_file_id=audio.audio_file_id)


def engines_with(transcriber: ScriptedTranscriber) -> Engines:
    evaluator = RuleBasedEngine()
    return Engines(transcription=lambda: transcriber, evaluation=lambda: evaluator)


class Killed(BaseException):
    """The worker is killed (-9) at this line: nothing after it runs, and its message comes back."""


class KilledAtCleanup:
    """The runner's blob store, killed when it first lists outputs to delete (a stored success's cleanup)."""

    def __init__(self, blobs: BlobStore) -> None:
        self._blobs = blobs

    def list_names(self, container: str, prefix: str) -> list[str]:
        raise Killed

    def __getattr__(self, name: str) -> Any:
        return getattr(self._blobs, name)


class KilledAtEvent:
    """The runner's queues, killed when the run's event is sent: before the send, or right after it."""

    def __init__(self, deps: Dependencies, after_send: bool) -> None:
        self._queues = deps.queues
        self._after_send = after_send

    def send(self, queue: str, message: dict[str, Any], *, visibility_timeout: int | None = None) -> None:
        if queue == WEBHOOKS_QUEUE:
            if self._after_send:
                self._queues.send(queue, message, visibility_timeout=visibility_timeout)
            raise Killed
        self._queues.send(queue, message, visibility_timeout=visibility_timeout)


def handlers_of(deps: Dependencies, engines: Engines) -> dict[Stage, StageHandler]:
    return build_handlers(deps.blobs, engines, ScorecardChooser(deps.scorecards, deps.blobs))


def run_stage(
    deps: Dependencies, engines: Engines, message: StageMessage, dequeue_count: int = 1, blobs: Any = None,
    queues: Any = None,
) -> str:  # fmt: skip
    runner = StageRunner(
        records=deps.audio_files, deadlines=deps.deadlines, queues=queues or deps.queues, blobs=blobs or deps.blobs,
        handlers=handlers_of(deps, engines), times=RunTimes.of(deps.settings.stage_deadline_minutes),
    )  # fmt: skip
    return runner.run(message, dequeue_count)


def stage_outputs(deps: Dependencies) -> StageOutputs:
    return StageOutputs(deps.blobs, handlers_of(deps, engines_with(ScriptedTranscriber())))


def sweep(deps: Dependencies, now: datetime) -> SweepReport:
    return sweep_deadlines(records=deps.audio_files, deadlines=deps.deadlines, queues=deps.queues,
                           outputs=stage_outputs(deps), due=deps.deadlines.due(now),
                           times=RunTimes.of(deps.settings.stage_deadline_minutes), now=now)  # fmt: skip


def take_messages(deps: Dependencies, queue: str, audio_file_id: str) -> list[dict[str, Any]]:
    """The file's messages in ``queue``, taken off it (other tests' messages stay)."""
    taken = queues.take_messages(deps, queue, lambda body: audio_file_id in json.dumps(body))
    return [message.body for message in taken]


def start(deps: Dependencies, tenant: str) -> tuple[str, StageMessage]:
    audio_file_id = uploaded(deps, tenant)
    process(deps, tenant, audio_file_id, ProcessRequest())
    [body] = take_messages(deps, TRANSCRIPTION_QUEUE, audio_file_id)
    return audio_file_id, StageMessage.model_validate(body)


def redact(deps: Dependencies, engines: Engines, audio_file_id: str) -> None:
    """Run the redaction stage from its queued message (the step between transcription and evaluation)."""
    [body] = take_messages(deps, REDACTION_QUEUE, audio_file_id)
    assert run_stage(deps, engines, StageMessage.model_validate(body)) == "succeeded"


def test_a_run_moves_through_every_stage_to_completed(deps: Dependencies, tenant: str) -> None:
    transcriber = ScriptedTranscriber()
    audio_file_id, message = start(deps, tenant)
    assert run_stage(deps, engines_with(transcriber), message) == "succeeded"
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record and record.status is Status.PROCESSING and not record.has_transcript  # not redacted yet
    redact(deps, engines_with(transcriber), audio_file_id)
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record and record.status is Status.EVALUATING and record.has_transcript
    # Only the redacted transcript is left: the transcription's unredacted output went once redaction's was stored.
    stored = deps.blobs.list_names(TRANSCRIPTS_CONTAINER, f"{tenant}/{audio_file_id}/")
    assert stored == [f"{tenant}/{audio_file_id}/redaction/{record.run_id}.json"]
    [evaluation] = take_messages(deps, EVALUATION_QUEUE, audio_file_id)
    assert run_stage(deps, engines_with(transcriber), StageMessage.model_validate(evaluation)) == "succeeded"

    record = deps.audio_files.get(tenant, audio_file_id)
    assert record and record.status is Status.COMPLETED and record.has_analysis and record.error is None
    assert all(record.stages[stage].attempts == 1 for stage in ("transcription", "redaction", "evaluation"))
    analysis = service.get_analysis(deps, tenant, audio_file_id)[1]
    criteria = cast(list[dict[str, Any]], analysis["criteria"])
    results = {c["id"]: c["passed"] for c in criteria}
    assert results["greeting"] and not results["empathy"]
    [event] = take_messages(deps, WEBHOOKS_QUEUE, audio_file_id)
    assert event["event"]["type"] == "analysis.completed"
    assert "text" not in json.dumps(event["event"]["data"])  # ids and links only, never transcript content


@pytest.mark.parametrize("killed", ["before the send", "after the send"])
def test_a_kill_around_the_completion_event_still_delivers_it_once(
    deps: Dependencies, tenant: str, killed: str
) -> None:
    engines = engines_with(ScriptedTranscriber())
    audio_file_id, message = start(deps, tenant)
    assert run_stage(deps, engines, message) == "succeeded"
    redact(deps, engines, audio_file_id)
    [body] = take_messages(deps, EVALUATION_QUEUE, audio_file_id)
    evaluation = StageMessage.model_validate(body)
    with running_receiver() as receiver:
        subscription = subscribe(deps, tenant, receiver.url())
        with pytest.raises(Killed):  # right after the completed record was stored
            run_stage(deps, engines, evaluation, queues=KilledAtEvent(deps, after_send=killed == "after the send"))
        record = deps.audio_files.get(tenant, audio_file_id)
        assert record and record.status is Status.COMPLETED
        # The killed worker's message comes back once its lease ends.
        assert run_stage(deps, engines, evaluation, dequeue_count=2) == "ended"
        outcomes = drain(deps, tenant)
    fanned_out = ["fanned_out:0", "fanned_out:1"] if killed == "after the send" else ["fanned_out:1"]
    assert sorted(outcomes) == ["delivered", *fanned_out]
    [request] = receiver.received
    payload = request.verify(subscription.secret)
    assert payload["type"] == "analysis.completed"  # type: ignore[index]
    assert payload["data"]["runId"] == evaluation.run_id  # type: ignore[index]
    assert payload["data"]["scorecard"]["version"]  # type: ignore[index]


def test_duplicate_and_stale_messages_change_nothing(deps: Dependencies, tenant: str) -> None:
    transcriber = ScriptedTranscriber()
    audio_file_id, message = start(deps, tenant)
    engines = engines_with(transcriber)
    assert run_stage(deps, engines, message) == "succeeded"
    after_first = deps.audio_files.get(tenant, audio_file_id)
    # The same message again (at-least-once delivery): no second transcription, only the next stage re-queued.
    assert run_stage(deps, engines, message, dequeue_count=2) == "already_done"
    assert transcriber.calls == 1
    assert len(take_messages(deps, REDACTION_QUEUE, audio_file_id)) == 2
    stale = message.model_copy(update={"run_id": "an-older-run"})
    assert run_stage(deps, engines, stale) == "stale"
    after = deps.audio_files.get(tenant, audio_file_id)
    assert after and after_first and after.etag == after_first.etag


def test_a_duplicate_delivered_while_the_first_runs_is_dropped(deps: Dependencies, tenant: str) -> None:
    audio_file_id, message = start(deps, tenant)

    def mark_running(record):  # what a worker that is still transcribing has written
        record.stages["transcription"].status = StageStatus.RUNNING
        record.stages["transcription"].started_at = service.utcnow()
        record.status = Status.PROCESSING
        return record

    deps.audio_files.mutate(tenant, audio_file_id, mark_running)
    transcriber = ScriptedTranscriber()
    assert run_stage(deps, engines_with(transcriber), message, dequeue_count=1) == "duplicate"
    assert transcriber.calls == 0
    # A redelivery of the running worker's own message (it crashed) does run.
    assert run_stage(deps, engines_with(transcriber), message, dequeue_count=2) == "succeeded"


def test_a_duplicate_is_dropped_until_the_running_stage_deadline_not_a_fixed_window(
    deps: Dependencies, tenant: str
) -> None:
    """A transcription may run longer than 10 minutes on a busy host; a copy of its message arriving then must not
    start a second, concurrent transcription. Past the stage's deadline its worker is presumed lost."""
    audio_file_id, message = start(deps, tenant)

    def running_since(minutes: int) -> None:
        def change(record):
            state = record.stages["transcription"]
            state.status = StageStatus.RUNNING
            state.started_at = service.utcnow() - timedelta(minutes=minutes)
            record.status = Status.PROCESSING
            return record

        deps.audio_files.mutate(tenant, audio_file_id, change)

    assert deps.settings.stage_deadline_minutes == 45
    transcriber = ScriptedTranscriber()
    running_since(minutes=20)
    assert run_stage(deps, engines_with(transcriber), message, dequeue_count=1) == "duplicate"
    assert transcriber.calls == 0
    running_since(minutes=50)  # past the deadline: what the sweeper re-sent then
    assert run_stage(deps, engines_with(transcriber), message, dequeue_count=1) == "succeeded"
    assert transcriber.calls == 1


def test_final_engine_errors_fail_the_run_at_once(deps: Dependencies, tenant: str) -> None:
    transcriber = ScriptedTranscriber(errors=[EngineError("unsupported_audio", "cannot decode", retryable=False)])
    audio_file_id, message = start(deps, tenant)
    assert run_stage(deps, engines_with(transcriber), message) == "failed"
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record and record.status is Status.FAILED
    assert record.error and (record.error.code, record.error.stage) == ("unsupported_audio", "transcription")
    [event] = take_messages(deps, WEBHOOKS_QUEUE, audio_file_id)
    assert event["event"]["type"] == "processing.failed"


def test_retryable_errors_raise_for_the_queue_and_poison_ends_failed(deps: Dependencies, tenant: str) -> None:
    busy = EngineError("transcription_unavailable", "busy", retryable=True)
    transcriber = ScriptedTranscriber(errors=[busy, busy])
    audio_file_id, message = start(deps, tenant)
    for attempt in (1, 2):
        with pytest.raises(EngineError):
            run_stage(deps, engines_with(transcriber), message, dequeue_count=attempt)
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record and record.status is Status.PROCESSING
    assert record.stages["transcription"].status == "retrying"
    assert record.stages["transcription"].attempts == 2
    # The host moves the message to the poison queue after maxDequeueCount; the poison function ends the run.
    assert (
        fail_from_poison(
            records=deps.audio_files,
            deadlines=deps.deadlines,
            queues=deps.queues,
            outputs=stage_outputs(deps),
            body=message.model_dump_json(by_alias=True),
            stage=message.stage,
        )
        == "failed"
    )
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record and record.status is Status.FAILED and record.error
    assert record.error.code == "transcription_unavailable" and "2 attempts" in record.error.message


def test_a_retry_after_a_transient_error_completes(deps: Dependencies, tenant: str) -> None:
    transcriber = ScriptedTranscriber(errors=[EngineError("transcription_unavailable", "busy", retryable=True)])
    audio_file_id, message = start(deps, tenant)
    with pytest.raises(EngineError):
        run_stage(deps, engines_with(transcriber), message, dequeue_count=1)
    assert run_stage(deps, engines_with(transcriber), message, dequeue_count=2) == "succeeded"
    # Both attempts name the run, so an engine's remote job started by the first is found by the second.
    assert transcriber.run_ids == [message.run_id, message.run_id]
    record = deps.audio_files.get(tenant, audio_file_id)
    assert (
        record
        and record.stages["transcription"].attempts == 2
        and record.stages["transcription"].last_error_code is None
    )


def test_reevaluation_keeps_the_transcript(deps: Dependencies, tenant: str) -> None:
    transcriber = ScriptedTranscriber()
    audio_file_id, message = start(deps, tenant)
    run_stage(deps, engines_with(transcriber), message)
    redact(deps, engines_with(transcriber), audio_file_id)
    [evaluation] = take_messages(deps, EVALUATION_QUEUE, audio_file_id)
    run_stage(deps, engines_with(transcriber), StageMessage.model_validate(evaluation))
    take_messages(deps, WEBHOOKS_QUEUE, audio_file_id)

    rerun = process(deps, tenant, audio_file_id, ProcessRequest(force=True, stages=["evaluation"]))
    [again] = take_messages(deps, EVALUATION_QUEUE, audio_file_id)
    assert again["runId"] == rerun.run_id
    assert run_stage(deps, engines_with(transcriber), StageMessage.model_validate(again)) == "succeeded"
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record and record.status is Status.COMPLETED and transcriber.calls == 1


def test_the_sweeper_resends_a_stranded_queued_stage_and_expires_uploads(deps: Dependencies, tenant: str) -> None:
    audio_file_id, _message = start(deps, tenant)  # queued, and its message lost (taken off the queue)
    waiting = service.create_upload(
        deps, tenant, service.UploadUrlRequest(file_name="never.wav", engagement_id="e1")
    ).audio_file_id
    later = service.utcnow() + timedelta(hours=deps.settings.upload_expiry_hours, seconds=5)
    report = sweep(deps, later)
    assert waiting in report.failed and audio_file_id in report.requeued
    expired = deps.audio_files.get(tenant, waiting)
    assert expired and expired.error and expired.error.code == "upload_expired"
    [again] = take_messages(deps, TRANSCRIPTION_QUEUE, audio_file_id)
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record and record.status is Status.PENDING and again["runId"] == record.run_id
    # The message sent again completes the run.
    assert run_stage(deps, engines_with(ScriptedTranscriber()), StageMessage.model_validate(again)) == "succeeded"
    # Deadlines are consumed: a second sweep fails nothing, and re-sends only the stage now queued (redaction).
    again_report = sweep(deps, later)
    assert not {audio_file_id, waiting} & set(again_report.failed)
    assert again_report.requeued.count(audio_file_id) == 1
    assert [m["stage"] for m in take_messages(deps, REDACTION_QUEUE, audio_file_id)] == ["redaction"] * 2


def test_the_sweeper_fails_only_a_stage_that_keeps_failing(deps: Dependencies, tenant: str) -> None:
    audio_file_id, message = start(deps, tenant)
    transcriber = ScriptedTranscriber()

    class Vanishing(Exception):
        """A worker that dies mid-stage: the stage began, never ended."""

    def dies(audio: AudioInput) -> Transcript:
        raise Vanishing

    transcriber.transcribe = dies  # type: ignore[method-assign]
    for attempt in range(1, MAX_STAGE_ATTEMPTS + 1):
        with pytest.raises(Vanishing):
            run_stage(deps, engines_with(transcriber), message, dequeue_count=attempt + 1)
        report = sweep(deps, past_deadline(deps, tenant, audio_file_id, Stage.TRANSCRIPTION))
        record = deps.audio_files.get(tenant, audio_file_id)
        assert record
        if attempt < MAX_STAGE_ATTEMPTS:
            assert audio_file_id in report.requeued and record.status is Status.PROCESSING
        else:
            assert audio_file_id in report.failed
            assert record.status is Status.FAILED and record.error and record.error.code == "stage_timeout"
    take_messages(deps, TRANSCRIPTION_QUEUE, audio_file_id)


def past_deadline(deps: Dependencies, tenant: str, audio_file_id: str, stage: Stage) -> datetime:
    """Just past the deadline the stage's state names: its worker is then presumed lost. Read, not computed from
    the clock, so a slow begin on a busy machine does not leave the row not yet due."""
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record
    due = record.stages[stage].deadline_at
    assert due is not None
    return due + timedelta(seconds=1)


def outputs_left(deps: Dependencies, tenant: str, audio_file_id: str) -> list[str]:
    prefix = f"{tenant}/{audio_file_id}/"
    return deps.blobs.list_names(TRANSCRIPTS_CONTAINER, prefix) + deps.blobs.list_names(ANALYSES_CONTAINER, prefix)


@pytest.mark.parametrize("ending", ["the run completes", "the ending is killed too"])
def test_a_kill_before_the_cleanup_leaves_nothing_once_the_run_ends(
    deps: Dependencies, tenant: str, ending: str
) -> None:
    engines = engines_with(ScriptedTranscriber())
    audio_file_id, message = start(deps, tenant)
    assert run_stage(deps, engines, message) == "succeeded"
    [body] = take_messages(deps, REDACTION_QUEUE, audio_file_id)
    redaction = StageMessage.model_validate(body)
    with pytest.raises(Killed):  # right after redaction's success was stored
        run_stage(deps, engines, redaction, blobs=KilledAtCleanup(deps.blobs))
    run = message.run_id
    unredacted = f"{tenant}/{audio_file_id}/transcription/{run}.json"
    assert unredacted in outputs_left(deps, tenant, audio_file_id)
    [body] = take_messages(deps, EVALUATION_QUEUE, audio_file_id)
    evaluation = StageMessage.model_validate(body)
    if ending == "the run completes":
        assert run_stage(deps, engines, evaluation) == "succeeded"
    else:
        with pytest.raises(Killed):  # right after the completion was stored
            run_stage(deps, engines, evaluation, blobs=KilledAtCleanup(deps.blobs))
        assert unredacted in outputs_left(deps, tenant, audio_file_id)
        # The killed worker's redaction message comes back once its lease ends.
        assert run_stage(deps, engines, redaction, dequeue_count=2) == "ended"
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record and record.status is Status.COMPLETED
    assert outputs_left(deps, tenant, audio_file_id) == [
        f"{tenant}/{audio_file_id}/redaction/{run}.json",
        f"{tenant}/{audio_file_id}/evaluation/{run}.json",
    ]
    take_messages(deps, WEBHOOKS_QUEUE, audio_file_id)


def test_a_run_the_sweeper_ends_leaves_no_unredacted_transcript(
    deps: Dependencies, tenant: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    audio_file_id, message = start(deps, tenant)
    engines = engines_with(ScriptedTranscriber())
    assert run_stage(deps, engines, message) == "succeeded"
    [body] = take_messages(deps, REDACTION_QUEUE, audio_file_id)
    redaction = StageMessage.model_validate(body)

    class Vanishing(Exception):
        """A worker that dies mid-stage: the stage began, never ended."""

    def dies(self: RedactionStage, record: Any) -> dict[str, Any]:
        raise Vanishing

    monkeypatch.setattr(RedactionStage, "produce", dies)
    for attempt in range(1, MAX_STAGE_ATTEMPTS + 1):
        with pytest.raises(Vanishing):
            run_stage(deps, engines, redaction, dequeue_count=attempt + 1)
        sweep(deps, past_deadline(deps, tenant, audio_file_id, Stage.REDACTION))
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record and record.status is Status.FAILED and record.error and record.error.code == "stage_timeout"
    assert outputs_left(deps, tenant, audio_file_id) == []  # the transcription's unredacted output too
    take_messages(deps, REDACTION_QUEUE, audio_file_id)
    take_messages(deps, WEBHOOKS_QUEUE, audio_file_id)


def test_a_deadline_for_a_finished_state_is_dropped(deps: Dependencies, tenant: str) -> None:
    audio_file_id = uploaded(deps, tenant)  # arrived in time
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record
    deps.deadlines.schedule(Deadline(service.utcnow() - timedelta(seconds=1), tenant, audio_file_id, UPLOAD))
    before = record.etag
    sweep(deps, service.utcnow() + timedelta(days=2))
    after = deps.audio_files.get(tenant, audio_file_id)
    assert after and after.etag == before and after.status is Status.PENDING


@pytest.mark.parametrize("meanwhile", ["begins", "finishes"])
def test_a_stage_that_moves_on_while_a_delete_runs_leaves_nothing_behind(
    deps: Dependencies, tenant: str, meanwhile: str
) -> None:
    """Between the delete's read of the record and its end, the stage begins (and is still at it), or finishes
    and queues the next stage: either way a deadline row the record first read does not name, and a blob."""
    audio_file_id, message = start(deps, tenant)
    errors = [EngineError("transcription_unavailable", "busy", retryable=True)] if meanwhile == "begins" else []
    engines = engines_with(ScriptedTranscriber(errors=errors))

    class StageMovesOnMidDelete(BlobStore):
        moved = False

        def delete_prefix(self, container: str, prefix: str) -> int:
            if not self.moved:
                self.moved = True
                if meanwhile == "begins":
                    with pytest.raises(EngineError):  # for the queue to retry it: the stage stays retrying
                        run_stage(deps, engines, message)
                else:
                    assert run_stage(deps, engines, message) == "succeeded"
            return super().delete_prefix(container, prefix)

    service.delete_audio_file(records=deps.audio_files, deadlines=deps.deadlines,
                              blobs=StageMovesOnMidDelete(deps.storage), reviews=deps.reviews, tenant_id=tenant,
                              audio_file_id=audio_file_id)  # fmt: skip
    assert deps.audio_files.get(tenant, audio_file_id) is None
    assert blobs_naming(deps.storage.blob, audio_file_id) == []
    assert rows_naming(deps.storage.table, audio_file_id) == []


def test_a_stage_beginning_as_its_record_is_deleted_leaves_no_deadline_row(deps: Dependencies, tenant: str) -> None:
    """The client's delete lands between the stage's read of the record and its write of the running state: the
    stage has already written that state's deadline row, and must learn the record is gone to drop it."""
    audio_file_id, message = start(deps, tenant)

    class DeletedAsTheStageBegins:
        def __getattr__(self, name: str) -> Any:
            return getattr(deps.audio_files, name)

        def mutate(self, tenant_id: str, record_id: str, change: Any) -> Any:
            def deleted_first(record: Any) -> Any:
                delete(deps, tenant, audio_file_id)
                return change(record)

            return deps.audio_files.mutate(tenant_id, record_id, deleted_first)

    runner = StageRunner(
        records=cast(Any, DeletedAsTheStageBegins()), deadlines=deps.deadlines, queues=deps.queues, blobs=deps.blobs,
        handlers=handlers_of(deps, engines_with(ScriptedTranscriber())),
        times=RunTimes.of(deps.settings.stage_deadline_minutes),
    )  # fmt: skip
    assert runner.run(message) == "deleted"
    assert rows_naming(deps.storage.table, audio_file_id) == []
    assert blobs_naming(deps.storage.blob, audio_file_id) == []


@pytest.mark.parametrize("stage", ["transcription", "evaluation"])
def test_a_stage_that_finds_its_record_deleted_removes_what_it_wrote(
    deps: Dependencies, tenant: str, stage: str
) -> None:
    audio_file_id, message = start(deps, tenant)
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record

    class DeletedMidway(ScriptedTranscriber):
        def transcribe(self, audio: AudioInput) -> Transcript:
            delete(deps, tenant, audio_file_id)  # the client deletes while the engine works
            return super().transcribe(audio)

    if stage == "evaluation":
        assert run_stage(deps, engines_with(ScriptedTranscriber()), message) == "succeeded"
        redact(deps, engines_with(ScriptedTranscriber()), audio_file_id)
        [body] = take_messages(deps, EVALUATION_QUEUE, audio_file_id)
        message = StageMessage.model_validate(body)
        evaluator = RuleBasedEngine()

        class DeletingEvaluator:
            def evaluate(self, transcript: Transcript, context: Any) -> Any:
                delete(deps, tenant, audio_file_id)
                return evaluator.evaluate(transcript, context)

        engines = Engines(transcription=ScriptedTranscriber, evaluation=DeletingEvaluator)
    else:
        engines = engines_with(DeletedMidway())
    assert run_stage(deps, engines, message) == "deleted"
    assert blobs_naming(deps.storage.blob, audio_file_id) == []
    assert rows_naming(deps.storage.table, audio_file_id) == []
