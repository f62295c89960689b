"""What happens when an upload lands in the audio container (the blob trigger calls this)."""

from __future__ import annotations

import logging
import tempfile
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from shared.ai.audio import AudioError, AudioFacts, AudioLimits, decoded_duration_ms, probe_audio
from shared.audio_files.records import AudioFileRecord, ErrorInfo, Status
from shared.clock import utcnow
from shared.dependencies import Dependencies
from shared.pipeline.events import publish_run_outcome
from shared.pipeline.model import PIPELINE
from shared.pipeline.run import RunPlan, RunTimes, begin_run, plan_run, send_stage
from shared.storage.blobs import AUDIO_CONTAINER, BlobProperties

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


# What the detected format is served as: the uploader's Content-Type header is never echoed back.
_MEDIA_TYPES = {
    "wav": "audio/wav",
    "flac": "audio/flac",
    "ogg": "audio/ogg",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "aac": "audio/aac",
}
# AudioError reasons with a code of their own; the rest (not audio, cut short, unreadable) are "not_audio".
_AUDIO_ERROR_CODES = {"empty": "empty_file", "sample_rate_too_low": "sample_rate_too_low", "too_long": "audio_too_long"}


def _upload_error(code: str, message: str) -> ErrorInfo:
    return ErrorInfo(code=code, message=message, stage="upload")


def _media_type(content_type: str | None) -> str | None:
    return content_type.split(";", 1)[0].strip().lower() if content_type else None


def _check_before_reading(record: AudioFileRecord, properties: BlobProperties, max_bytes: int) -> ErrorInfo | None:
    """What the blob's properties alone refuse: nothing of the upload has been read yet."""
    if properties.size == 0:
        return _upload_error("empty_file", "The uploaded file is empty.")
    if properties.size > max_bytes:
        return _upload_error("file_too_large", f"The uploaded file is over the limit of {max_bytes} bytes.")
    if record.declared_size_bytes is not None and properties.size != record.declared_size_bytes:
        return _upload_error(
            "size_mismatch",
            f"The upload holds {properties.size} bytes; the upload URL was requested for {record.declared_size_bytes}.",
        )
    declared = _media_type(record.declared_content_type)
    if declared is not None and _media_type(properties.content_type) != declared:
        return _upload_error(
            "content_type_mismatch",
            f"The upload was sent as {_media_type(properties.content_type) or 'no content type'}; "
            f"the upload URL was requested for {declared}.",
        )
    return None


def _check_audio(path: Path, limits: AudioLimits) -> AudioFacts | ErrorInfo:
    """Header first (cheap), then the decoded length (what the stages will really decode)."""
    try:
        facts = probe_audio(path, limits)
        return replace(facts, duration_ms=decoded_duration_ms(path, facts, limits))
    except AudioError as error:
        code = _AUDIO_ERROR_CODES.get(error.reason, "not_audio")
        return _upload_error(code, f"The uploaded file is not usable audio: {error.message}.")


def _validate(deps: Dependencies, record: AudioFileRecord, properties: BlobProperties) -> AudioFacts | ErrorInfo:
    refused = _check_before_reading(record, properties, deps.settings.max_upload_bytes)
    if refused is not None:
        return refused
    limits = AudioLimits(max_duration_s=deps.settings.max_audio_minutes * 60)
    with tempfile.TemporaryDirectory(prefix="upload-") as workdir:
        local = Path(workdir) / "recording"
        # To disk, not memory: the size is bounded above, and decoding reads the file block by block.
        deps.blobs.download_to_file(AUDIO_CONTAINER, record.blob_name, local)
        return _check_audio(local, limits)


def register_upload(deps: Dependencies, blob_path: str) -> UploadOutcome:
    """Check an arrived blob and move its record from ``awaiting_upload`` to ``pending`` or ``failed``.

    The blob's properties are checked before any byte is read; a refused upload's bytes are deleted after the
    record says why (and after its event, if processing was asked for). Idempotent: a second trigger for the same
    blob finds the record already moved on and changes nothing, except sending a refused upload's event and
    deleting its bytes again (a crash may have come between the record and either).
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
        if _refused_on_arrival(record):
            _settle_refusal(deps, record)
        return UploadOutcome(audio_file_id, "ignored")

    properties = deps.blobs.properties(AUDIO_CONTAINER, record.blob_name)
    if properties is None:  # deleted since the trigger fired: nothing arrived after all
        return UploadOutcome(audio_file_id, "ignored")
    verdict = _validate(deps, record, properties)
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
        current.size_bytes = properties.size
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
        current.content_type = _MEDIA_TYPES[verdict.format]
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
    elif _refused_on_arrival(stored):
        _settle_refusal(deps, stored)
    logger.info("Upload of %s: %s %s", audio_file_id, stored.status.value, stored.error.code if stored.error else "")
    return UploadOutcome(audio_file_id, stored.status.value, stored.error.code if stored.error else None)


def _settle_refusal(deps: Dependencies, record: AudioFileRecord) -> None:
    """What follows a refusal, after the record says it: the run's processing.failed event if processing was asked
    for, then the refused bytes deleted (neither kept nor downloadable). The bytes go last because they are what
    fires the trigger again after a crash or a failed send, and that trigger repeats both."""
    if record.run_id:
        publish_run_outcome(queues=deps.queues, record=record)
    deps.blobs.delete(AUDIO_CONTAINER, record.blob_name)


def _refused_on_arrival(record: AudioFileRecord) -> bool:
    return record.status is Status.FAILED and record.error is not None and record.error.stage == "upload"
