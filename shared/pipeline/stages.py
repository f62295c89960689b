"""The queue-triggered stages: transcription, then evaluation, then completion.

At-least-once delivery is assumed everywhere. A stage acts only for the record's current run; it begins and
ends with an ETag compare-and-swap; its output goes to a fixed blob path, so a repeated run of the same stage
overwrites rather than duplicates; and a message for a stage that already finished only makes sure the next
stage's message exists.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from pydantic import ValidationError

from shared.ai.errors import EngineError
from shared.ai.evaluation.base import EvaluationContext, EvaluationEngine
from shared.ai.transcription.base import AudioInput, TranscriptionEngine
from shared.audio_files.records import STAGES, AudioFileRecord, ErrorInfo, StageState, Status
from shared.audio_files.service import queue_stage, schedule_stage_deadline
from shared.clock import utcnow
from shared.dependencies import Dependencies
from shared.models.analysis import Scorecard
from shared.models.base import WireModel
from shared.models.transcript import Transcript
from shared.pipeline.events import publish_run_outcome
from shared.storage.blobs import (
    ANALYSES_CONTAINER,
    AUDIO_CONTAINER,
    SCORECARDS_CONTAINER,
    TRANSCRIPTS_CONTAINER,
    document_blob_name,
)

logger = logging.getLogger(__name__)

RUNNING_STATUS = {"transcription": Status.PROCESSING, "evaluation": Status.EVALUATING}
# A second message for a stage that another worker started this recently is a duplicate, not a retry.
_DUPLICATE_WINDOW = timedelta(minutes=10)


class StageMessage(WireModel):
    tenant_id: str
    audio_file_id: str
    run_id: str
    stage: str


@dataclass(frozen=True)
class Engines:
    transcription: Callable[[], TranscriptionEngine]
    evaluation: Callable[[], EvaluationEngine]


def parse_message(body: bytes | str) -> StageMessage:
    try:
        return StageMessage.model_validate_json(body)
    except ValidationError as error:
        # Raising sends it through the host's retries to the poison queue, where it stays for inspection.
        raise ValueError("Malformed stage message") from error


def _next_stage(record: AudioFileRecord, stage: str) -> str | None:
    later = record.run_stages[record.run_stages.index(stage) + 1 :] if stage in record.run_stages else []
    return later[0] if later else None


# --- state changes (each is a pure function of the record, applied under compare-and-swap) ---------


@dataclass
class _Decision:
    action: str = "stale"  # "run", "stale", "duplicate", "done"


def _begin(
    record: AudioFileRecord, message: StageMessage, dequeue_count: int, decision: _Decision
) -> AudioFileRecord | None:
    decision.action = "stale"
    if record.run_id != message.run_id or message.stage not in record.run_stages:
        return None
    if record.status in (Status.COMPLETED, Status.FAILED):
        return None
    state = record.stage(message.stage)
    now = utcnow()
    if state.status == "succeeded":
        decision.action = "done"
        return None
    if state.status in ("failed", "skipped", "waiting", "not_started"):
        return None
    if (
        state.status == "running"
        and dequeue_count <= 1
        and state.started_at is not None
        and now - state.started_at < _DUPLICATE_WINDOW
    ):
        decision.action = "duplicate"
        return None
    decision.action = "run"
    state.status = "running"
    state.started_at = now
    state.attempts += 1
    record.status = RUNNING_STATUS[message.stage]
    record.updated_at = now
    return record


def _succeed(record: AudioFileRecord, message: StageMessage) -> AudioFileRecord | None:
    state = record.stages.get(message.stage)
    if record.run_id != message.run_id or state is None or state.status not in ("running", "retrying"):
        return None
    now = utcnow()
    state.status = "succeeded"
    state.completed_at = now
    state.last_error_code = None
    if message.stage == "transcription":
        record.has_transcript = True
    else:
        record.has_analysis = True
    following = _next_stage(record, message.stage)
    if following:
        record.stages[following] = StageState(status="queued", queued_at=now)
        record.status = RUNNING_STATUS[following]
    else:
        record.status = Status.COMPLETED
    record.updated_at = now
    return record


def _fail(record: AudioFileRecord, message: StageMessage, error: ErrorInfo) -> AudioFileRecord | None:
    if record.run_id != message.run_id or record.status in (Status.COMPLETED, Status.FAILED):
        return None
    state = record.stage(message.stage)
    state.status = "failed"
    state.completed_at = utcnow()
    state.last_error_code = error.code
    record.status = Status.FAILED
    record.error = error
    record.updated_at = state.completed_at
    return record


def _note_retry(record: AudioFileRecord, message: StageMessage, code: str) -> AudioFileRecord | None:
    state = record.stages.get(message.stage)
    if record.run_id != message.run_id or state is None or state.status != "running":
        return None
    state.status = "retrying"
    state.last_error_code = code
    record.updated_at = utcnow()
    return record


# --- the work of each stage --------------------------------------------------------------------------


def _transcribe(deps: Dependencies, engines: Engines, record: AudioFileRecord) -> None:
    with tempfile.TemporaryDirectory(prefix="transcribe-") as workdir:
        local = Path(workdir) / record.safe_file_name
        deps.blobs.download_to_file(AUDIO_CONTAINER, record.blob_name, local)
        source_url, _ = deps.blobs.download_sas_url(
            record.blob_name, timedelta(hours=2), download_name=record.safe_file_name, content_type=record.content_type
        )
        audio = AudioInput(
            audio_file_id=record.id,
            path=local,
            content_type=record.content_type,
            channels=record.channels,
            duration_ms=record.duration_ms,
            source_url=source_url,
            run_id=record.run_id,
        )
        transcript = engines.transcription().transcribe(audio)
    deps.blobs.write_json(TRANSCRIPTS_CONTAINER, document_blob_name(record.tenant_id, record.id), transcript.to_wire())


def _campaign_scorecard(deps: Dependencies, record: AudioFileRecord) -> Scorecard | None:
    """A campaign's own scorecard, if one is stored at scorecards/{tenant}/{campaignId}.json."""
    if not record.campaign_id:
        return None
    document = deps.blobs.read_json(SCORECARDS_CONTAINER, document_blob_name(record.tenant_id, record.campaign_id))
    if document is None:
        return None
    try:
        return Scorecard.model_validate(document)
    except ValidationError:
        raise EngineError("invalid_scorecard", "The campaign's scorecard is not valid.", retryable=False) from None


def _evaluate(deps: Dependencies, engines: Engines, record: AudioFileRecord) -> None:
    document = deps.blobs.read_json(TRANSCRIPTS_CONTAINER, document_blob_name(record.tenant_id, record.id))
    if document is None:
        raise EngineError("transcript_not_found", "The transcript to evaluate is missing.", retryable=False)
    transcript = Transcript.model_validate(document)
    context = EvaluationContext(
        audio_file_id=record.id,
        engagement_id=record.engagement_id,
        campaign_id=record.campaign_id,
        is_ai_call=record.is_ai_call,
        scorecard=_campaign_scorecard(deps, record),
    )
    analysis = engines.evaluation().evaluate(transcript, context)
    deps.blobs.write_json(ANALYSES_CONTAINER, document_blob_name(record.tenant_id, record.id), analysis.to_wire())


_WORK = {"transcription": _transcribe, "evaluation": _evaluate}


# --- the stage runner ----------------------------------------------------------------------------------


def run_stage(deps: Dependencies, engines: Engines, message: StageMessage, dequeue_count: int = 1) -> str:
    """Run one stage for one message. Returns what happened; raises when the queue should retry."""
    if message.stage not in STAGES:
        raise ValueError(f"Unknown stage {message.stage!r}")
    decision = _Decision()
    record = deps.audio_files.mutate(
        message.tenant_id, message.audio_file_id, lambda r: _begin(r, message, dequeue_count, decision)
    )
    if record is None:
        return "deleted"
    if decision.action == "done":
        _ensure_next_stage_queued(deps, record, message.stage)
        return "already_done"
    if decision.action != "run":
        logger.info("Ignoring %s message for %s: %s", message.stage, message.audio_file_id, decision.action)
        return decision.action

    schedule_stage_deadline(deps, record, message.stage)
    try:
        _WORK[message.stage](deps, engines, record)
    except EngineError as error:
        if error.retryable:
            code = error.code
            deps.audio_files.mutate(message.tenant_id, message.audio_file_id, lambda r: _note_retry(r, message, code))
            raise
        failure = ErrorInfo(code=error.code, message=error.message, stage=message.stage)
        finish_failed(deps, message, failure)
        return "failed"
    except Exception as error:
        code = "storage_error" if type(error).__module__.startswith("azure") else "internal_error"
        deps.audio_files.mutate(message.tenant_id, message.audio_file_id, lambda r: _note_retry(r, message, code))
        raise

    stored = deps.audio_files.mutate(message.tenant_id, message.audio_file_id, lambda r: _succeed(r, message))
    if stored is None or stored.run_id != message.run_id:
        return "superseded"
    _ensure_next_stage_queued(deps, stored, message.stage)
    if stored.status is Status.COMPLETED:
        publish_run_outcome(deps, stored)
    return "succeeded"


def _ensure_next_stage_queued(deps: Dependencies, record: AudioFileRecord, stage: str) -> None:
    following = _next_stage(record, stage)
    if following and record.stages.get(following, StageState()).status == "queued":
        queue_stage(deps, record, following)


def finish_failed(deps: Dependencies, message: StageMessage, failure: ErrorInfo) -> None:
    stored = deps.audio_files.mutate(message.tenant_id, message.audio_file_id, lambda r: _fail(r, message, failure))
    if stored is not None and stored.run_id == message.run_id and stored.status is Status.FAILED:
        logger.info("Run %s of %s failed at %s: %s", message.run_id, message.audio_file_id, message.stage, failure.code)
        publish_run_outcome(deps, stored)


def fail_from_poison(deps: Dependencies, body: bytes | str, stage: str) -> str:
    """The host gave up on a message after its retries: the run ends ``failed`` with the last known reason."""
    try:
        message = parse_message(body)
    except ValueError:
        logger.error("Unreadable message in the %s poison queue; left for inspection", stage)
        return "unreadable"
    record = deps.audio_files.get(message.tenant_id, message.audio_file_id)
    if record is None:
        return "deleted"
    state = record.stages.get(message.stage, StageState())
    code = state.last_error_code or "retries_exhausted"
    failure = ErrorInfo(
        code=code,
        message=f"The {message.stage} stage failed after {max(state.attempts, 1)} attempts.",
        stage=message.stage,
    )
    finish_failed(deps, message, failure)
    return "failed"
