"""What the API does, as plain functions of (dependencies, tenant, input) -> result or a domain error.

Handlers only adapt HTTP to these; the blob trigger and tests call them too.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import re
from collections.abc import Callable
from datetime import timedelta

from ulid import ULID

from shared.audio_files.records import ACTIVE_STATUSES, AudioFileRecord, Status
from shared.audio_files.repository import AudioFileRepository, ListQuery
from shared.auth import Principal
from shared.clock import utcnow
from shared.dependencies import Dependencies
from shared.errors import ConcurrencyConflict, Conflict, NotFound, PayloadTooLarge
from shared.models.api import (
    AUDIO_FILE_ID_PATTERN,
    AudioFileBody,
    AudioFileListBody,
    DownloadUrlBody,
    DownloadUrlQuery,
    ErrorBody,
    ListAudioFilesQuery,
    ProcessBody,
    ProcessingStatusBody,
    ProcessRequest,
    StageBody,
    TranscriptQuery,
    UploadUrlBody,
    UploadUrlRequest,
)
from shared.pipeline.deadlines import DeadlineStore, deadlines_of, upload_deadline
from shared.pipeline.events import MessageSender
from shared.pipeline.model import PIPELINE, Stage, StageState, with_companions
from shared.pipeline.run import DeadlineBook, RecordStore, RunTimes, StartOutcome, current_stage, start_run
from shared.pipeline.stages import output_of
from shared.redaction.policy import redacted_audio_blob_name, require_unredacted_access, unredacted_transcript_blob_name
from shared.reviews.repository import ReviewRepository
from shared.storage.blobs import (
    ANALYSES_CONTAINER,
    AUDIO_CONTAINER,
    REDACTED_AUDIO_CONTAINER,
    TRANSCRIPTS_CONTAINER,
    BlobStore,
    recording_prefix,
    safe_file_name,
)
from shared.storage.blobs import audio_blob_name as make_audio_blob_name
from shared.storage.paging import decode_continuation, encode_continuation

logger = logging.getLogger(__name__)

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
    deps.deadlines.schedule(upload_deadline(record))
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


def _unredacted_not_kept(what: str) -> NotFound:
    return NotFound(f"The unredacted {what} of this audio file was not kept.", code="unredacted_not_kept")


def download_url(
    deps: Dependencies, principal: Principal, audio_file_id: str, query: DownloadUrlQuery
) -> DownloadUrlBody:
    """The redacted recording once redaction wrote it; before that (or with redaction off) the upload itself.
    ``unredacted`` asks for the upload itself: only with the scope, and only where the policy kept it."""
    if query.unredacted:
        require_unredacted_access(principal)
    record = get_record(deps, principal.tenant_id, audio_file_id)
    if record.uploaded_at is None or (record.error and record.error.stage == "upload"):
        # An upload refused on arrival is deleted: there is nothing to download.
        raise Conflict("No usable audio has been uploaded for this file.", code="audio_not_uploaded")
    redacted_name = redacted_audio_blob_name(record.tenant_id, record.id)
    redacted = None if query.unredacted else deps.blobs.properties(REDACTED_AUDIO_CONTAINER, redacted_name)
    content_type: str | None
    size_bytes: int | None
    if redacted is not None:
        container, blob_name, content_type, size_bytes = (
            REDACTED_AUDIO_CONTAINER,
            redacted_name,
            "audio/wav",
            redacted.size,
        )
        file_name = f"{record.safe_file_name.rsplit('.', 1)[0]}.redacted.wav"
    else:
        original = deps.blobs.properties(AUDIO_CONTAINER, record.blob_name)
        if original is None:
            raise _unredacted_not_kept("recording")
        container, blob_name, content_type, size_bytes = (
            AUDIO_CONTAINER,
            record.blob_name,
            record.content_type,
            record.size_bytes,
        )
        file_name = record.safe_file_name
    url, expires_at = deps.blobs.download_sas_url(
        container,
        blob_name,
        timedelta(minutes=deps.settings.download_url_ttl_minutes),
        download_name=file_name,
        content_type=content_type,
    )
    return DownloadUrlBody(
        audio_file_id=record.id,
        download_url=url,
        expires_at=expires_at,
        file_name=file_name,
        content_type=content_type,
        size_bytes=size_bytes,
    )


def _stage_body(state: StageState) -> StageBody:
    return StageBody(**state.model_dump())


def processing_status(deps: Dependencies, tenant_id: str, audio_file_id: str) -> ProcessingStatusBody:
    record = get_record(deps, tenant_id, audio_file_id)
    return ProcessingStatusBody(
        audio_file_id=record.id,
        status=record.status.value,
        run_id=record.run_id,
        stages={stage.value: _stage_body(record.stages.get(stage, StageState())) for stage in PIPELINE},
        error=ErrorBody(**record.error.model_dump()) if record.error else None,
        updated_at=record.updated_at,
    )


def load_document(
    deps: Dependencies, record: AudioFileRecord, stage: Stage, container: str, what: str
) -> dict[str, object]:
    document = output_of(deps.blobs, record, stage, container)
    if document is not None:
        return document
    if record.status in (Status.PENDING, *ACTIVE_STATUSES) and record.run_id:
        raise Conflict(f"The {what} is not ready yet; processing is {record.status.value}.", code=f"{what}_not_ready")
    raise NotFound(f"This audio file has no {what}; request processing first.", code=f"{what}_not_found")


def get_transcript_document(
    deps: Dependencies, principal: Principal, audio_file_id: str, query: TranscriptQuery
) -> dict[str, object]:
    """The redacted transcript (redaction's output); ``unredacted`` the copy kept before redaction, only with
    the scope and only where the policy kept it."""
    if query.unredacted:
        require_unredacted_access(principal)
    record = get_record(deps, principal.tenant_id, audio_file_id)
    if not query.unredacted:
        return load_document(deps, record, Stage.REDACTION, TRANSCRIPTS_CONTAINER, "transcript")
    document = deps.blobs.read_json(TRANSCRIPTS_CONTAINER, unredacted_transcript_blob_name(record.tenant_id, record.id))
    if document is None:
        raise _unredacted_not_kept("transcript")
    return document


def get_analysis(deps: Dependencies, tenant_id: str, audio_file_id: str) -> tuple[AudioFileRecord, dict[str, object]]:
    """The recording and its current analysis document (reviews are laid over it by shared.reviews)."""
    record = get_record(deps, tenant_id, audio_file_id)
    return record, load_document(deps, record, Stage.EVALUATION, ANALYSES_CONTAINER, "analysis")


# --- processing --------------------------------------------------------------------------------------

_START_MESSAGES = {
    StartOutcome.QUEUED: QUEUED_MESSAGE,
    StartOutcome.ALREADY_QUEUED: "Processing was already queued; its message was sent again",
    StartOutcome.ALREADY_RUNNING: "Processing is already running",
}


def _refusal(
    request: ProcessRequest, stages: list[Stage], original_exists: Callable[[AudioFileRecord], bool]
) -> Callable[[AudioFileRecord], None]:
    """What makes a record unprocessable for this request, as the 409 a client sees."""

    def refuse(record: AudioFileRecord) -> None:
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
        if current_stage(record) is not None:
            if request.force:
                raise Conflict("Processing is already queued or running.", code="processing_in_progress")
            return
        if record.status in (Status.COMPLETED, Status.FAILED) and not request.explicit:
            raise Conflict(
                f"This audio file is already {record.status.value}; send "
                '{"force": true}, or the stages to run again such as {"stages": ["evaluation"]}.',
                code="already_processed",
            )
        if Stage.TRANSCRIPTION not in stages and not record.has_transcript:
            raise Conflict(
                "There is no transcript to evaluate; include the transcription stage.",
                code="transcript_not_found",
            )
        if Stage.TRANSCRIPTION in stages and not original_exists(record):
            raise Conflict(
                "The original recording was not kept after redaction (the redaction policy), so it cannot be "
                "transcribed again. Evaluation-only reprocessing still works on the redacted transcript: send "
                '{"force": true, "stages": ["evaluation"]}.',
                code="original_audio_not_kept",
            )

    return refuse


def request_processing(
    *,
    records: RecordStore,
    deadlines: DeadlineBook,
    queues: MessageSender,
    blobs: BlobStore,
    times: RunTimes,
    tenant_id: str,
    audio_file_id: str,
    request: ProcessRequest,
) -> ProcessBody:
    if not _is_audio_file_id(audio_file_id):
        raise _not_found(audio_file_id)
    stages = with_companions(request.stages or list(PIPELINE))

    def original_exists(record: AudioFileRecord) -> bool:
        return blobs.properties(AUDIO_CONTAINER, record.blob_name) is not None

    started = start_run(
        records=records, deadlines=deadlines, queues=queues, times=times, tenant_id=tenant_id,
        audio_file_id=audio_file_id, stages=stages, refuse=_refusal(request, stages, original_exists),
        scorecard=request.scorecard if Stage.EVALUATION in stages else None,
    )  # fmt: skip
    if started is None:
        raise _not_found(audio_file_id)
    outcome, record = started
    assert record.run_id is not None
    logger.info("Process %s: %s (run %s)", record.id, outcome.value, record.run_id)
    return ProcessBody(
        status=record.status.value, message=_START_MESSAGES[outcome], audio_file_id=record.id,
        run_id=record.run_id, stages=record.run_stages,
    )  # fmt: skip


# --- delete ------------------------------------------------------------------------------------------


_DELETE_ATTEMPTS = 8


def delete_audio_file(
    *,
    records: AudioFileRepository,
    deadlines: DeadlineStore,
    blobs: BlobStore,
    reviews: ReviewRepository,
    tenant_id: str,
    audio_file_id: str,
) -> None:
    """Delete the recording and everything derived from it: blobs (every run's outputs and the blob trigger's
    receipts too), its reviews, then the deadline rows the record names, then the record, only as it was read.

    A stage that wrote in between (began, finished, queued the next stage with a new deadline row) changed the
    record, so the whole sweep runs again on what it wrote; a stage that writes after the record is gone finds
    it gone and removes what it wrote. The record goes last, so a delete that stops half way is asked again.
    """
    record = records.get(tenant_id, audio_file_id) if _is_audio_file_id(audio_file_id) else None
    if record is None:
        raise _not_found(audio_file_id)
    for _ in range(_DELETE_ATTEMPTS):
        _delete_what_came_from(record, deadlines=deadlines, blobs=blobs, reviews=reviews)
        try:
            records.delete(record)
        except ConcurrencyConflict:
            record = records.get(tenant_id, audio_file_id)
            if record is None:  # deleted by another request meanwhile
                return
            continue
        logger.info("Deleted %s", audio_file_id)
        return
    raise ConcurrencyConflict(audio_file_id)


def _delete_what_came_from(
    record: AudioFileRecord, *, deadlines: DeadlineStore, blobs: BlobStore, reviews: ReviewRepository
) -> None:
    audio = blobs.properties(AUDIO_CONTAINER, record.blob_name)
    for etag in {record.blob_etag, audio.etag if audio else None} - {None}:
        blobs.delete_trigger_receipts(AUDIO_CONTAINER, record.blob_name, str(etag))
    # Every run's outputs, the redacted recording and the unredacted copies kept by policy.
    for container in (AUDIO_CONTAINER, TRANSCRIPTS_CONTAINER, REDACTED_AUDIO_CONTAINER, ANALYSES_CONTAINER):
        blobs.delete_prefix(container, recording_prefix(record.tenant_id, record.id))
    reviews.delete_for_audio_file(record.tenant_id, record.id)
    for deadline in deadlines_of(record):
        deadlines.remove(deadline)
