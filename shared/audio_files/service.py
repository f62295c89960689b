"""What the API does, as plain functions of (dependencies, tenant, input) -> result or a domain error.

Handlers only adapt HTTP to these; the blob trigger and tests call them too.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import re
import uuid
from datetime import datetime, timedelta

from ulid import ULID

from shared.audio_files.records import ACTIVE_STATUSES, STAGES, AudioFileRecord, StageState, Status
from shared.audio_files.repository import ListQuery
from shared.clock import utcnow
from shared.dependencies import Dependencies
from shared.errors import Conflict, NotFound, PayloadTooLarge
from shared.models.api import (
    AUDIO_FILE_ID_PATTERN,
    AudioFileBody,
    AudioFileListBody,
    DownloadUrlBody,
    ErrorBody,
    ListAudioFilesQuery,
    ProcessBody,
    ProcessingStatusBody,
    ProcessRequest,
    StageBody,
    UploadUrlBody,
    UploadUrlRequest,
)
from shared.pipeline.deadlines import UPLOAD, Deadline
from shared.storage.blobs import (
    ANALYSES_CONTAINER,
    AUDIO_CONTAINER,
    TRANSCRIPTS_CONTAINER,
    document_blob_name,
    safe_file_name,
)
from shared.storage.blobs import audio_blob_name as make_audio_blob_name
from shared.storage.paging import decode_continuation, encode_continuation
from shared.storage.queues import EVALUATION_QUEUE, TRANSCRIPTION_QUEUE

logger = logging.getLogger(__name__)

QUEUE_OF_STAGE = {"transcription": TRANSCRIPTION_QUEUE, "evaluation": EVALUATION_QUEUE}
# Upload failures that no processing run can fix: the bytes themselves are unusable.
# (shared.audio_files.uploads deletes the bytes of each of these on arrival.)
UPLOAD_ERROR_CODES = frozenset(
    {
        "empty_file",
        "not_audio",
        "file_too_large",
        "size_mismatch",
        "content_type_mismatch",
        "sample_rate_too_low",
        "audio_too_long",
        "upload_expired",
    }
)
QUEUED_MESSAGE = "Processing queued successfully"


def new_audio_file_id() -> str:
    return f"af_{ULID()}"


def _is_audio_file_id(value: str) -> bool:
    return re.fullmatch(AUDIO_FILE_ID_PATTERN, value) is not None


def _not_found(audio_file_id: str) -> NotFound:
    return NotFound(f"No audio file with id '{audio_file_id}'.", code="audio_file_not_found")


def get_record(deps: Dependencies, tenant_id: str, audio_file_id: str) -> AudioFileRecord:
    """The tenant's record, or 404: another tenant's id is indistinguishable from an unknown one."""
    record = deps.audio_files.get(tenant_id, audio_file_id) if _is_audio_file_id(audio_file_id) else None
    if record is None:
        raise _not_found(audio_file_id)
    return record


def to_body(record: AudioFileRecord) -> AudioFileBody:
    return AudioFileBody(
        id=record.id,
        file_name=record.file_name,
        engagement_id=record.engagement_id,
        campaign_id=record.campaign_id,
        is_ai_call=record.is_ai_call,
        status=record.status.value,
        recorded_at=record.recorded_at,
        created_at=record.created_at,
        updated_at=record.updated_at,
        uploaded_at=record.uploaded_at,
        content_type=record.content_type,
        size_bytes=record.size_bytes,
        duration_ms=record.duration_ms,
        duration_seconds=round(record.duration_ms / 1000, 3) if record.duration_ms is not None else None,
        channels=record.channels,
        sample_rate=record.sample_rate,
        has_transcript=record.has_transcript,
        has_analysis=record.has_analysis,
        error=ErrorBody(**record.error.model_dump()) if record.error else None,
    )


# --- upload ------------------------------------------------------------------------------------------


def _content_type_for(request: UploadUrlRequest) -> str:
    if request.content_type:
        return request.content_type
    guessed, _ = mimetypes.guess_type(request.file_name)
    return guessed if guessed and guessed.startswith("audio/") else "application/octet-stream"


def create_upload(deps: Dependencies, tenant_id: str, request: UploadUrlRequest) -> UploadUrlBody:
    settings = deps.settings
    if request.size_bytes is not None and request.size_bytes > settings.max_upload_bytes:
        raise PayloadTooLarge(
            f"sizeBytes is over the limit of {settings.max_upload_bytes} bytes.", code="file_too_large"
        )
    now = utcnow()
    audio_file_id = new_audio_file_id()
    blob_name = make_audio_blob_name(tenant_id, audio_file_id)
    record = AudioFileRecord(
        tenant_id=tenant_id,
        id=audio_file_id,
        file_name=request.file_name,
        safe_file_name=safe_file_name(request.file_name),
        blob_name=blob_name,
        engagement_id=request.engagement_id,
        campaign_id=request.campaign_id,
        is_ai_call=request.is_ai_call,
        recorded_at=request.recorded_at or now,
        created_at=now,
        updated_at=now,
        upload_expires_at=now + timedelta(hours=settings.upload_expiry_hours),
        auto_process=request.auto_process,
        declared_content_type=request.content_type,
        declared_size_bytes=request.size_bytes,
        redaction=request.redaction,
    )
    # The deadline goes first: if the record write fails, a deadline without a record is simply dropped.
    deps.deadlines.schedule(Deadline(record.upload_expires_at, tenant_id, audio_file_id, UPLOAD))
    deps.audio_files.create(record)
    upload_url, expires_at = deps.blobs.upload_sas_url(blob_name, timedelta(minutes=settings.upload_url_ttl_minutes))
    return UploadUrlBody(
        audio_file_id=audio_file_id,
        upload_url=upload_url,
        expires_at=expires_at,
        required_headers={"x-ms-blob-type": "BlockBlob", "Content-Type": _content_type_for(request)},
        max_size_bytes=settings.max_upload_bytes,
    )


# --- read --------------------------------------------------------------------------------------------


def _filters_fingerprint(query: ListAudioFilesQuery) -> str:
    start, end = query.range_start, query.range_end
    key = "|".join(
        str(part)
        for part in (
            query.campaign_id,
            query.engagement_id,
            query.is_ai_call,
            start.isoformat() if start else None,
            end.isoformat() if end else None,
        )
    )
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def list_audio_files(deps: Dependencies, tenant_id: str, query: ListAudioFilesQuery) -> AudioFileListBody:
    fingerprint = _filters_fingerprint(query)
    list_query = ListQuery(
        tenant_id=tenant_id,
        campaign_id=query.campaign_id,
        engagement_id=query.engagement_id,
        is_ai_call=query.is_ai_call,
        date_from=query.range_start,
        date_to=query.range_end,
    )
    if query.continuation_token:
        after, page = decode_continuation(query.continuation_token, fingerprint)
        result = deps.audio_files.page(list_query, limit=query.page_size, after_row_key=after)
    else:
        page = query.page
        result = deps.audio_files.page(list_query, limit=query.page_size, number=page)
    total = result.total_count or 0
    return AudioFileListBody(
        items=[to_body(record) for record in result.records],
        page=page,
        page_size=query.page_size,
        total_count=total,
        total_pages=-(-total // query.page_size),
        has_more=result.next_row_key is not None,
        continuation_token=encode_continuation(result.next_row_key, page + 1, fingerprint)
        if result.next_row_key
        else None,
    )


def download_url(deps: Dependencies, tenant_id: str, audio_file_id: str) -> DownloadUrlBody:
    record = get_record(deps, tenant_id, audio_file_id)
    if record.uploaded_at is None or (record.error and record.error.stage == "upload"):
        # An upload refused on arrival is deleted: there is nothing to download.
        raise Conflict("No usable audio has been uploaded for this file.", code="audio_not_uploaded")
    url, expires_at = deps.blobs.download_sas_url(
        record.blob_name,
        timedelta(minutes=deps.settings.download_url_ttl_minutes),
        download_name=record.safe_file_name,
        content_type=record.content_type,
    )
    return DownloadUrlBody(
        audio_file_id=record.id,
        download_url=url,
        expires_at=expires_at,
        file_name=record.safe_file_name,
        content_type=record.content_type,
        size_bytes=record.size_bytes,
    )


def _stage_body(state: StageState) -> StageBody:
    return StageBody(**state.model_dump())


def processing_status(deps: Dependencies, tenant_id: str, audio_file_id: str) -> ProcessingStatusBody:
    record = get_record(deps, tenant_id, audio_file_id)
    return ProcessingStatusBody(
        audio_file_id=record.id,
        status=record.status.value,
        run_id=record.run_id,
        stages={name: _stage_body(record.stages.get(name, StageState())) for name in STAGES},
        error=ErrorBody(**record.error.model_dump()) if record.error else None,
        updated_at=record.updated_at,
    )


def load_document(deps: Dependencies, record: AudioFileRecord, container: str, what: str) -> dict[str, object]:
    available = record.has_transcript if container == TRANSCRIPTS_CONTAINER else record.has_analysis
    document = deps.blobs.read_json(container, document_blob_name(record.tenant_id, record.id)) if available else None
    if document is not None:
        return document
    if record.status in (Status.PENDING, *ACTIVE_STATUSES) and record.run_id:
        raise Conflict(f"The {what} is not ready yet; processing is {record.status.value}.", code=f"{what}_not_ready")
    raise NotFound(f"This audio file has no {what}; request processing first.", code=f"{what}_not_found")


def get_transcript_document(deps: Dependencies, tenant_id: str, audio_file_id: str) -> dict[str, object]:
    return load_document(deps, get_record(deps, tenant_id, audio_file_id), TRANSCRIPTS_CONTAINER, "transcript")


def get_analysis_document(deps: Dependencies, tenant_id: str, audio_file_id: str) -> dict[str, object]:
    return load_document(deps, get_record(deps, tenant_id, audio_file_id), ANALYSES_CONTAINER, "analysis")


# --- processing --------------------------------------------------------------------------------------


def start_run(record: AudioFileRecord, stages: list[str], now: datetime) -> AudioFileRecord:
    """Point the record at a new run whose first stage is queued; messages of older runs stop counting."""
    record.run_id = uuid.uuid4().hex
    record.run_stages = list(stages)
    record.run_count += 1
    record.status = Status.PENDING
    record.error = None
    for name in STAGES:
        if name == stages[0]:
            record.stages[name] = StageState(status="queued", queued_at=now)
        elif name in stages:
            record.stages[name] = StageState(status="waiting")
        else:
            # Kept from the earlier run (re-evaluation reuses its transcript), marked as not part of this one.
            record.stage(name).status = "skipped"
    if "transcription" in stages:
        record.has_transcript = False
    record.has_analysis = False
    record.updated_at = now
    return record


def schedule_stage_deadline(deps: Dependencies, record: AudioFileRecord, stage: str) -> None:
    assert record.run_id is not None
    due = utcnow() + timedelta(minutes=deps.settings.stage_deadline_minutes)
    deps.deadlines.schedule(Deadline(due, record.tenant_id, record.id, stage, record.run_id))


def queue_stage(deps: Dependencies, record: AudioFileRecord, stage: str) -> None:
    """Send the stage's message, with a deadline in case no worker ever finishes it."""
    schedule_stage_deadline(deps, record, stage)
    deps.queues.send(QUEUE_OF_STAGE[stage], stage_message(record, stage))


def stage_message(record: AudioFileRecord, stage: str) -> dict[str, str]:
    assert record.run_id is not None
    return {"tenantId": record.tenant_id, "audioFileId": record.id, "runId": record.run_id, "stage": stage}


def request_processing(deps: Dependencies, tenant_id: str, audio_file_id: str, request: ProcessRequest) -> ProcessBody:
    if not _is_audio_file_id(audio_file_id):
        raise _not_found(audio_file_id)
    stages: list[str] = list(request.stages or STAGES)
    started: list[AudioFileRecord] = []

    def change(record: AudioFileRecord) -> AudioFileRecord | None:
        started.clear()
        if record.status is Status.AWAITING_UPLOAD:
            raise Conflict(
                "The audio has not been uploaded yet; PUT it to the upload URL first.",
                code="audio_not_uploaded",
            )
        if record.error and record.error.code in UPLOAD_ERROR_CODES:
            raise Conflict(
                f"The upload was rejected ({record.error.code}); upload the recording again.",
                code="invalid_upload",
            )
        active = record.run_id is not None and record.status in (Status.PENDING, *ACTIVE_STATUSES)
        if active:
            if request.force:
                raise Conflict("Processing is already queued or running.", code="processing_in_progress")
            return None
        if record.status in (Status.COMPLETED, Status.FAILED) and not request.force:
            raise Conflict(
                f'This audio file is already {record.status.value}; send {{"force": true}} to process it again.',
                code="already_processed",
            )
        if "transcription" not in stages and not record.has_transcript:
            raise Conflict(
                "There is no transcript to evaluate; include the transcription stage.",
                code="transcript_not_found",
            )
        updated = start_run(record, stages, utcnow())
        started.append(updated)
        return updated

    stored = deps.audio_files.mutate(tenant_id, audio_file_id, change)
    if stored is None:
        raise _not_found(audio_file_id)
    if started:
        queue_stage(deps, stored, stages[0])
        logger.info("Queued run %s of %s at stage %s", stored.run_id, stored.id, stages[0])
    assert stored.run_id is not None
    message = QUEUED_MESSAGE if stored.status is Status.PENDING else "Processing already in progress"
    return ProcessBody(
        status=stored.status.value, message=message, audio_file_id=stored.id, run_id=stored.run_id,
        stages=stored.run_stages,
    )  # fmt: skip


# --- delete ------------------------------------------------------------------------------------------


def delete_audio_file(deps: Dependencies, tenant_id: str, audio_file_id: str) -> None:
    """Delete the recording and everything derived from it. Blobs first, so nothing is left unreferenced."""
    record = get_record(deps, tenant_id, audio_file_id)
    deps.blobs.delete_prefix(AUDIO_CONTAINER, f"{tenant_id}/{audio_file_id}/")
    deps.blobs.delete(TRANSCRIPTS_CONTAINER, document_blob_name(tenant_id, audio_file_id))
    deps.blobs.delete(ANALYSES_CONTAINER, document_blob_name(tenant_id, audio_file_id))
    deps.audio_files.delete(record)
    logger.info("Deleted %s", audio_file_id)
