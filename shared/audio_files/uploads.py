"""What happens when an upload lands in the audio container (the blob trigger calls this)."""

from __future__ import annotations

import io
import logging
import uuid
from dataclasses import dataclass

from shared.ai.audio import AudioError, AudioFacts, probe_audio
from shared.audio_files.records import AudioFileRecord, ErrorInfo, Status
from shared.clock import utcnow
from shared.dependencies import Dependencies
from shared.pipeline.events import publish_run_outcome
from shared.pipeline.model import PIPELINE
from shared.pipeline.run import RunPlan, RunTimes, begin_run, plan_run, send_stage
from shared.storage.blobs import AUDIO_CONTAINER

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class UploadOutcome:
    audio_file_id: str | None
    status: str  # "pending", "failed", "ignored"
    code: str | None = None


def parse_audio_blob_path(path: str) -> tuple[str, str] | None:
    """(tenant, audio file id) of ``audio/{tenant}/{id}/{file}``, or of the same without the container."""
    parts = path.split("/")
    if parts and parts[0] == AUDIO_CONTAINER:
        parts = parts[1:]
    if len(parts) != 3 or not all(parts):
        return None
    return parts[0], parts[1]


def _validate(data: bytes, max_bytes: int) -> AudioFacts | ErrorInfo:
    if not data:
        return ErrorInfo(code="empty_file", message="The uploaded file is empty.", stage="upload")
    if len(data) > max_bytes:
        return ErrorInfo(
            code="file_too_large",
            message=f"The uploaded file is over the limit of {max_bytes} bytes.",
            stage="upload",
        )
    try:
        return probe_audio(io.BytesIO(data))
    except AudioError as error:
        code = "empty_file" if error.reason == "empty" else "not_audio"
        return ErrorInfo(code=code, message=f"The uploaded file is not usable audio: {error.message}.", stage="upload")


def register_upload(deps: Dependencies, blob_path: str, data: bytes) -> UploadOutcome:
    """Check an arrived blob and move its record from ``awaiting_upload`` to ``pending`` or ``failed``.

    Idempotent: a second trigger for the same blob finds the record already moved on and changes nothing.
    """
    located = parse_audio_blob_path(blob_path)
    if located is None:
        logger.warning("Ignoring a blob outside the audio layout")
        return UploadOutcome(None, "ignored")
    tenant_id, audio_file_id = located
    blob_name = blob_path.removeprefix(f"{AUDIO_CONTAINER}/")
    record = deps.audio_files.get(tenant_id, audio_file_id)
    if record is None or record.blob_name != blob_name:
        # Only our SAS URLs can write here, so this is a deleted record's late upload: keep nothing of it.
        logger.warning("Blob for unknown audio file %s: deleting it", audio_file_id)
        deps.blobs.delete(AUDIO_CONTAINER, blob_name)
        return UploadOutcome(audio_file_id, "ignored")
    if record.status is not Status.AWAITING_UPLOAD:
        return UploadOutcome(audio_file_id, "ignored")

    properties = deps.blobs.properties(AUDIO_CONTAINER, record.blob_name)
    verdict = _validate(data, deps.settings.max_upload_bytes)
    if isinstance(verdict, ErrorInfo) and verdict.code == "file_too_large":
        deps.blobs.delete(AUDIO_CONTAINER, record.blob_name)  # refused bytes are not kept
    run: RunPlan | None = None
    if record.auto_process and not isinstance(verdict, ErrorInfo):
        # The run's deadline row goes first, so a crash before its message is sent is found by the sweeper.
        run = plan_run(tenant_id, audio_file_id, list(PIPELINE), RunTimes.of(deps.settings.stage_deadline_minutes),
                       utcnow())  # fmt: skip
        deps.deadlines.schedule(run.deadline)

    def change(current: AudioFileRecord) -> AudioFileRecord | None:
        if current.status is not Status.AWAITING_UPLOAD:
            return None
        now = utcnow()
        current.updated_at = now
        current.uploaded_at = now
        current.size_bytes = len(data)
        if properties is not None:
            current.content_type = properties.content_type
            current.blob_etag = properties.etag
        if isinstance(verdict, ErrorInfo):
            current.status = Status.FAILED
            current.error = verdict
            if current.auto_process:
                # Processing was asked for with the upload: it is a run that failed at its first step, and its
                # processing.failed event tells the client so.
                current.run_id = uuid.uuid4().hex
                current.run_count += 1
            return current
        current.status = Status.PENDING
        current.duration_ms = verdict.duration_ms
        current.channels = verdict.channels
        current.sample_rate = verdict.sample_rate
        current.audio_format = verdict.format
        if run is not None:
            begin_run(current, run, now)
        return current

    stored = deps.audio_files.mutate(tenant_id, audio_file_id, change)
    run_started = run is not None and stored is not None and stored.run_id == run.run_id
    if run is not None and not run_started:
        deps.deadlines.remove(run.deadline)
    if stored is None:
        return UploadOutcome(audio_file_id, "ignored")
    if run is not None and run_started:
        send_stage(deps.queues, stored, run.stages[0])
    elif stored.status is Status.FAILED and stored.run_id:
        publish_run_outcome(queues=deps.queues, record=stored)
    logger.info("Upload of %s: %s", audio_file_id, stored.status.value)
    return UploadOutcome(audio_file_id, stored.status.value, stored.error.code if stored.error else None)
