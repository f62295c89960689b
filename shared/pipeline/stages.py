"""The queue-triggered stages: one handler per ``Stage``, and the runner every stage message goes through.

At-least-once delivery is assumed everywhere. A stage acts only for the record's current run; it begins and
ends with an ETag compare-and-swap; its output goes to a blob named for its run, so a repeat of the same stage
overwrites rather than duplicates, and a stage that finds its run superseded or its record deleted removes what
it wrote. A message for a stage that already finished only makes sure the next stage's message exists, and
one of the stage that ended the run sends the run's event again (a crash may have lost it).

A new stage is a ``Stage`` member and a handler in ``build_handlers``: the handler says which record status the
stage runs under, which container its output goes to, which earlier stages' outputs its own replaces (deleted
once its success is stored: redaction's output replaces the unredacted transcript), and produces that output.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from pydantic import ValidationError

from shared.ai.errors import EngineError
from shared.ai.evaluation.base import EvaluationContext, EvaluationEngine
from shared.ai.transcription.base import AudioInput, TranscriptionEngine
from shared.audio_files.records import AudioFileRecord, ErrorInfo, Status
from shared.clock import utcnow
from shared.models.analysis import CallType, Scorecard
from shared.models.transcript import Transcript
from shared.pipeline.deadlines import due_after
from shared.pipeline.events import MessageSender, publish_run_outcome
from shared.pipeline.model import Stage, StageMessage, StageState, StageStatus
from shared.pipeline.run import (
    DeadlineBook,
    RecordStore,
    RunTimes,
    ending_stage,
    failed_state,
    next_stage,
    retrying_state,
    running_state,
    send_stage,
    stage_deadline,
    succeeded_state,
    write_guarded,
)
from shared.redaction.policy import effective_policy
from shared.redaction.service import redact_recording
from shared.scorecards.model import ScorecardPin
from shared.storage.blobs import (
    ANALYSES_CONTAINER,
    AUDIO_CONTAINER,
    TRANSCRIPTS_CONTAINER,
    BlobStore,
    run_output_blob_name,
    run_output_prefix,
)

logger = logging.getLogger(__name__)


class ScorecardChoice(Protocol):
    """Which card evaluates a call (shared.scorecards.service.ScorecardChooser)."""

    def choose(
        self, *, tenant_id: str, campaign_id: str | None, call_type: CallType, pinned: ScorecardPin | None
    ) -> Scorecard: ...


class StageHandler(Protocol):
    @property
    def status(self) -> Status:
        """The record's status while the stage runs."""

    @property
    def container(self) -> str:
        """Where the stage's output document goes, under a run-specific name."""

    @property
    def replaces(self) -> tuple[Stage, ...]:
        """Earlier stages whose outputs this stage's output supersedes: deleted once its success is stored."""

    def produce(self, record: AudioFileRecord) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Engines:
    transcription: Callable[[], TranscriptionEngine]
    evaluation: Callable[[], EvaluationEngine]


def output_of(blobs: BlobStore, record: AudioFileRecord, stage: Stage, container: str) -> dict[str, Any] | None:
    """The current output of ``stage`` for the record (from whichever run produced it), if there is one."""
    run_id = record.outputs.get(stage)
    if run_id is None:
        return None
    return blobs.read_json(container, run_output_blob_name(record.tenant_id, record.id, stage, run_id))


@dataclass(frozen=True)
class TranscriptionStage:
    blobs: BlobStore
    engine: Callable[[], TranscriptionEngine]
    status: Status = Status.PROCESSING
    container: str = TRANSCRIPTS_CONTAINER
    replaces: tuple[Stage, ...] = ()

    def produce(self, record: AudioFileRecord) -> dict[str, Any]:
        if self.blobs.properties(AUDIO_CONTAINER, record.blob_name) is None:
            # Redaction deleted the original, as its policy said: only the redacted copy is left.
            raise EngineError(
                "original_audio_not_kept", "The original recording was not kept after redaction.", retryable=False
            )
        with tempfile.TemporaryDirectory(prefix="transcribe-") as workdir:
            local = Path(workdir) / record.safe_file_name
            self.blobs.download_to_file(AUDIO_CONTAINER, record.blob_name, local)
            source_url, _ = self.blobs.download_sas_url(
                AUDIO_CONTAINER, record.blob_name, timedelta(hours=2), download_name=record.safe_file_name,
                content_type=record.content_type,
            )  # fmt: skip
            audio = AudioInput(
                audio_file_id=record.id,
                path=local,
                content_type=record.content_type,
                channels=record.channels,
                duration_ms=record.duration_ms,
                source_url=source_url,
                run_id=record.run_id,
            )
            return self.engine().transcribe(audio).to_wire()


@dataclass(frozen=True)
class RedactionStage:
    """The transcription's output, redacted under the recording's policy, becomes the transcript everyone reads;
    the redacted audio is written beside it. Only this stage ever reads the unredacted transcript."""

    blobs: BlobStore
    status: Status = Status.PROCESSING
    container: str = TRANSCRIPTS_CONTAINER
    replaces: tuple[Stage, ...] = (Stage.TRANSCRIPTION,)

    def produce(self, record: AudioFileRecord) -> dict[str, Any]:
        document = output_of(self.blobs, record, Stage.TRANSCRIPTION, TRANSCRIPTS_CONTAINER)
        if document is None:
            raise EngineError("transcript_not_found", "The transcript to redact is missing.", retryable=False)
        policy = effective_policy(blobs=self.blobs, tenant_id=record.tenant_id, override=record.redaction)
        try:
            redacted = redact_recording(
                blobs=self.blobs, tenant_id=record.tenant_id, audio_file_id=record.id,
                audio_blob_name=record.blob_name, transcript=Transcript.model_validate(document), policy=policy,
            )  # fmt: skip
        except LookupError:
            raise EngineError("audio_not_found", "The recording to redact is missing.", retryable=False) from None
        return redacted.transcript.to_wire()


@dataclass(frozen=True)
class EvaluationStage:
    blobs: BlobStore
    engine: Callable[[], EvaluationEngine]
    scorecards: ScorecardChoice
    status: Status = Status.EVALUATING
    container: str = ANALYSES_CONTAINER
    replaces: tuple[Stage, ...] = ()

    def produce(self, record: AudioFileRecord) -> dict[str, Any]:
        document = output_of(self.blobs, record, Stage.REDACTION, TRANSCRIPTS_CONTAINER)
        if document is None:
            raise EngineError("transcript_not_found", "The transcript to evaluate is missing.", retryable=False)
        context = EvaluationContext(
            audio_file_id=record.id,
            engagement_id=record.engagement_id,
            campaign_id=record.campaign_id,
            is_ai_call=record.is_ai_call,
            scorecard=self.scorecards.choose(
                tenant_id=record.tenant_id, campaign_id=record.campaign_id,
                call_type="ai_agent" if record.is_ai_call else "human", pinned=record.run_scorecard,
            ),
        )  # fmt: skip
        return self.engine().evaluate(Transcript.model_validate(document), context).to_wire()


def build_handlers(blobs: BlobStore, engines: Engines, scorecards: ScorecardChoice) -> dict[Stage, StageHandler]:
    return {
        Stage.TRANSCRIPTION: TranscriptionStage(blobs, engines.transcription),
        Stage.REDACTION: RedactionStage(blobs),
        Stage.EVALUATION: EvaluationStage(blobs, engines.evaluation, scorecards),
    }


@dataclass(frozen=True)
class StageOutputs:
    """The stages' output blobs of one recording, and which of them its record still needs.

    Cleanup is repeatable and keyed to the record, never to the step that made the garbage: a crash between
    a stored success and its cleanup leaves blobs that the run's ending (or any later message of the ended run,
    or the sweeper) deletes again.
    """

    blobs: BlobStore
    handlers: Mapping[Stage, StageHandler]

    def discard(self, record: AudioFileRecord, stage: Stage, keep: str | None = None) -> None:
        """Every output of ``stage`` for the record but ``keep``."""
        container = self.handlers[stage].container
        for name in self.blobs.list_names(container, run_output_prefix(record.tenant_id, record.id, stage)):
            if name != keep:
                self.blobs.delete(container, name)

    def current(self, record: AudioFileRecord, stage: Stage) -> dict[str, Any] | None:
        """The record's current output of ``stage``, if there is one."""
        return output_of(self.blobs, record, stage, self.handlers[stage].container)

    def discard_unused(self, record: AudioFileRecord) -> None:
        """Once the record's run has ended: every output it does not point at, and every output that a later
        stage's output replaced (the unredacted transcript), whichever run wrote it."""
        if record.status not in (Status.COMPLETED, Status.FAILED):
            return  # a run going on still reads its stages' outputs
        replaced = {stage for handler in self.handlers.values() for stage in handler.replaces}
        for stage in self.handlers:
            run_id = None if stage in replaced else record.outputs.get(stage)
            keep = run_output_blob_name(record.tenant_id, record.id, stage, run_id) if run_id else None
            self.discard(record, stage, keep)


def publish_ending(*, queues: MessageSender, outputs: StageOutputs, record: AudioFileRecord, stage: Stage) -> None:
    """Send the ended run's event again if ``stage`` is the one that ended it.

    The event goes after the record says the run ended, so a crash or a failed send between the two would lose
    it; what comes back afterwards (the ending stage's message, its deadline row) sends it here. Its id and time
    are the run's, so the fan-out finds the deliveries it already made and subscribers get each event once.
    """
    if stage != ending_stage(record):
        return
    # The completed event names the scorecard version its analysis used, as when it was first sent.
    analysis = outputs.current(record, stage) if record.status is Status.COMPLETED else None
    publish_run_outcome(queues=queues, record=record, analysis=analysis)


def parse_message(body: bytes | str) -> StageMessage:
    try:
        return StageMessage.model_validate_json(body)
    except ValidationError as error:
        # Raising sends it through the host's retries to the poison queue, where it stays for inspection.
        raise ValueError("Malformed stage message") from error


# --- the runner -----------------------------------------------------------------------------------------


@dataclass
class _Decision:
    action: str = "stale"  # "run", "stale", "duplicate", "done", "ended"
    previous_deadline_at: datetime | None = None


def _decide(
    record: AudioFileRecord, message: StageMessage, dequeue_count: int, decision: _Decision, running: timedelta
) -> bool:
    decision.action = "stale"
    if record.run_id != message.run_id or message.stage not in record.run_stages:
        return False
    if record.status in (Status.COMPLETED, Status.FAILED):
        decision.action = "ended"
        return False
    state = record.stages.get(message.stage, StageState())
    if state.status == StageStatus.SUCCEEDED:
        decision.action = "done"
        return False
    if state.status not in (StageStatus.QUEUED, StageStatus.RUNNING, StageStatus.RETRYING):
        return False
    # A stage may run for ``running`` (STAGE_DEADLINE_MINUTES, up to the function timeout) after it began: until
    # then a second message is a duplicate, not a sign that its worker died; the sweeper re-sends only later.
    if (
        state.status == StageStatus.RUNNING
        and dequeue_count <= 1
        and state.started_at is not None
        and utcnow() - state.started_at < running
    ):
        decision.action = "duplicate"
        return False
    decision.action = "run"
    decision.previous_deadline_at = state.deadline_at
    return True


@dataclass(frozen=True)
class StageRunner:
    """What a stage message needs: the record store, deadlines, queues, blobs, the handlers and the times."""

    records: RecordStore
    deadlines: DeadlineBook
    queues: MessageSender
    blobs: BlobStore
    handlers: Mapping[Stage, StageHandler]
    times: RunTimes

    def run(self, message: StageMessage, dequeue_count: int = 1) -> str:
        """Run one stage for one message. Returns what happened; raises when the queue should retry."""
        handler = self.handlers[message.stage]
        decision = _Decision()
        current = self.records.get(message.tenant_id, message.audio_file_id)
        if current is None:
            return "deleted"
        if not _decide(current, message, dequeue_count, decision, self.times.running):
            return self._not_run(current, message, handler, decision.action)

        now = utcnow()
        deadline = stage_deadline(current, message.stage, due_after(now, self.times.running), message.run_id)

        def begin(record: AudioFileRecord) -> AudioFileRecord | None:
            if not _decide(record, message, dequeue_count, decision, self.times.running):
                return None
            return running_state(record, message, handler.status, deadline.due, utcnow())

        record, began = write_guarded(
            records=self.records, deadlines=self.deadlines, tenant_id=message.tenant_id,
            audio_file_id=message.audio_file_id, deadline=deadline, change=begin,
        )  # fmt: skip
        if record is None:
            return "deleted"
        if not began:
            return self._not_run(record, message, handler, decision.action)
        self._drop_deadline(record, message.stage, decision.previous_deadline_at)

        output_name = run_output_blob_name(record.tenant_id, record.id, message.stage, message.run_id)
        try:
            output = handler.produce(record)
            self.blobs.write_json(handler.container, output_name, output)
        except EngineError as error:
            if error.retryable:
                code = error.code
                self.records.mutate(message.tenant_id, message.audio_file_id,
                                    lambda r: retrying_state(r, message, code))  # fmt: skip
                raise
            logger.info("%s of %s failed: %s", message.stage, message.audio_file_id, error.code)
            failure = ErrorInfo(code=error.code, message=error.message, stage=message.stage)
            finish_failed(records=self.records, deadlines=self.deadlines, queues=self.queues, outputs=self.outputs,
                          message=message, failure=failure)  # fmt: skip
            return "failed"
        except Exception as error:
            code = "storage_error" if type(error).__module__.startswith("azure") else "internal_error"
            self.records.mutate(message.tenant_id, message.audio_file_id, lambda r: retrying_state(r, message, code))
            raise
        return self._succeed(message, handler, output_name, output, deadline.due)

    @property
    def outputs(self) -> StageOutputs:
        return StageOutputs(self.blobs, self.handlers)

    def _not_run(self, record: AudioFileRecord, message: StageMessage, handler: StageHandler, action: str) -> str:
        """A message this stage does not act on; one of a finished stage or an ended run repeats what followed
        (the next stage's message, the cleanup, the run's event), which a crash may have cut short."""
        if action == "done":
            self._ensure_next_stage_queued(record, message.stage)
            self._drop_replaced_outputs(record, handler)
            return "already_done"
        if action == "ended":
            self.outputs.discard_unused(record)
            publish_ending(queues=self.queues, outputs=self.outputs, record=record, stage=message.stage)
        logger.info("Ignoring %s message for %s: %s", message.stage, message.audio_file_id, action)
        return action

    def _succeed(
        self, message: StageMessage, handler: StageHandler, output_name: str, output: dict[str, Any],
        deadline_at: datetime,
    ) -> str:  # fmt: skip
        current = self.records.get(message.tenant_id, message.audio_file_id)
        following = next_stage(current, message.stage) if current is not None else None
        now = utcnow()
        next_deadline = (
            stage_deadline(current, following, due_after(now, self.times.queued), message.run_id)
            if current is not None and following is not None
            else None
        )
        following_status = self.handlers[following].status if following is not None else None
        stored, applied = write_guarded(
            records=self.records, deadlines=self.deadlines, tenant_id=message.tenant_id,
            audio_file_id=message.audio_file_id, deadline=next_deadline,
            change=lambda r: succeeded_state(r, message, following, following_status,
                                             next_deadline.due if next_deadline else None, utcnow()),
        )  # fmt: skip
        if stored is None or stored.outputs.get(message.stage) != message.run_id:
            # Deleted, superseded or ended while this stage worked: what it wrote belongs to nobody.
            self.blobs.delete(handler.container, output_name)
            return "deleted" if stored is None else "superseded"
        if applied:
            if following is not None:
                send_stage(self.queues, stored, following)
            self.deadlines.remove(stage_deadline(stored, message.stage, deadline_at, message.run_id))
            if stored.status is Status.COMPLETED:
                self.outputs.discard_unused(stored)
                # The last stage is the evaluation: the event names the scorecard version its analysis used.
                publish_run_outcome(queues=self.queues, record=stored, analysis=output)
            else:
                self.outputs.discard(stored, message.stage, keep=output_name)  # older runs' outputs
                self._drop_replaced_outputs(stored, handler)
        return "succeeded"

    def _drop_replaced_outputs(self, record: AudioFileRecord, handler: StageHandler) -> None:
        """At once, not only when the run ends: the unredacted transcript goes as soon as the redacted one is stored."""
        for replaced in handler.replaces:
            self.outputs.discard(record, replaced)

    def _drop_deadline(self, record: AudioFileRecord, stage: Stage, due: datetime | None) -> None:
        if due is not None:
            self.deadlines.remove(stage_deadline(record, stage, due))

    def _ensure_next_stage_queued(self, record: AudioFileRecord, stage: Stage) -> None:
        following = next_stage(record, stage)
        if following and record.stages.get(following, StageState()).status == StageStatus.QUEUED:
            send_stage(self.queues, record, following)


def finish_failed(
    *,
    records: RecordStore,
    deadlines: DeadlineBook,
    queues: MessageSender,
    outputs: StageOutputs,
    message: StageMessage,
    failure: ErrorInfo,
) -> bool:
    """End the message's run ``failed`` at its stage, if that stage is the one the run is at. Whether the run has
    ended failed (by this call or an earlier copy of it, whose event is then sent again)."""
    before = records.get(message.tenant_id, message.audio_file_id)
    due = before.stages.get(message.stage, StageState()).deadline_at if before is not None else None
    stored = records.mutate(message.tenant_id, message.audio_file_id,
                            lambda r: failed_state(r, message.run_id, message.stage, failure))  # fmt: skip
    if stored is not None and stored.run_id == message.run_id and stored.status is Status.FAILED:
        if due is not None:
            deadlines.remove(stage_deadline(stored, message.stage, due))
        logger.info("Run %s of %s failed at %s: %s", message.run_id, message.audio_file_id, message.stage, failure.code)
        outputs.discard_unused(stored)
        publish_run_outcome(queues=queues, record=stored)
        return True
    return False


def fail_from_poison(
    *,
    records: RecordStore,
    deadlines: DeadlineBook,
    queues: MessageSender,
    outputs: StageOutputs,
    body: bytes | str,
    stage: Stage,
) -> str:
    """The host gave up on a message after its retries: the run ends ``failed`` with the last known reason, unless
    the message's stage finished meanwhile (a copy of its message failed only at what followed, which the next
    stage's deadline row also covers)."""
    try:
        message = parse_message(body)
    except ValueError:
        logger.error("Unreadable message in the %s poison queue; left for inspection", stage)
        return "unreadable"
    record = records.get(message.tenant_id, message.audio_file_id)
    if record is None:
        return "deleted"
    state = record.stages.get(message.stage, StageState())
    failure = ErrorInfo(
        code=state.last_error_code or "retries_exhausted",
        message=f"The {message.stage} stage failed after {max(state.attempts, 1)} attempts.",
        stage=message.stage,
    )
    ended = finish_failed(records=records, deadlines=deadlines, queues=queues, outputs=outputs, message=message,
                          failure=failure)  # fmt: skip
    return "failed" if ended else "ignored"
