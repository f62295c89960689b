"""HTTP endpoints of /api/v1/audio-files: adapters from HTTP to the service functions.

Each function is declared once by its ``Route``: the Functions registration and its OpenAPI entry come from it.
"""

from __future__ import annotations

from collections.abc import Mapping

import azure.functions as func

from shared.audio_files import service
from shared.audio_files.transcript_formats import render_transcript
from shared.auth import Principal
from shared.dependencies import get_dependencies
from shared.http import ApiBlueprint, json_response, parse_json_body, parse_query, text_response
from shared.models.api import (
    AUDIO_FILE_ID_PATTERN,
    AudioFileBody,
    AudioFileListBody,
    DownloadUrlBody,
    DownloadUrlQuery,
    ListAudioFilesQuery,
    ProcessBody,
    ProcessingStatusBody,
    ProcessRequest,
    TranscriptQuery,
    UploadUrlBody,
    UploadUrlRequest,
)
from shared.models.transcript import Transcript
from shared.openapi import BODY_ERRORS, PathParam, Reply, Route
from shared.pipeline.run import RunTimes
from shared.reviews.models import ReviewedAnalysis
from shared.reviews.service import reviewed_document
from shared.scorecards.service import require_runnable

bp = ApiBlueprint()

AUDIO_FILE_ID = PathParam("id", AUDIO_FILE_ID_PATTERN, "The audio file id: `af_` and a ULID.")
NOT_FOUND = ("audio_file_not_found",)
UNREDACTED_DOC = (
    "`true`: the content as it was before redaction, only where the redaction policy kept it (else 404 "
    "`unredacted_not_kept`) and only with the `audio:read-unredacted` scope (else 403 `insufficient_scope`)."
)
LIST_QUERY_DOCS: Mapping[str, str] = {
    "page": "Page number, from 1. Not with `continuationToken`.",
    "pageSize": "Items per page.",
    "campaignId": "Only recordings of this campaign.",
    "engagementId": "Only recordings of this engagement.",
    "isAICall": "Only AI-agent calls (`true`) or human calls (`false`).",
    "dateFrom": "Recorded at or after (ISO 8601; a bare date means the start of that day, UTC).",
    "dateTo": "Recorded at or before (ISO 8601; a bare date covers that whole day, UTC).",
    "continuationToken": "The `continuationToken` of the previous page, for the next one.",
}


def _id(req: func.HttpRequest) -> str:
    return req.route_params.get("id", "")


@bp.endpoint(Route(
    "GET", "/v1/audio-files", "listAudioFiles", "List recordings, newest first", "Audio files", "audio:read",
    (Reply(200, "One page of recordings.", AudioFileListBody),),
    {400: ("validation_error", "invalid_continuation_token")},
    query=ListAudioFilesQuery, query_docs=LIST_QUERY_DOCS,
    description="Page with `page`/`pageSize` (a page reached before starts at its bookmark) or follow "
    "`continuationToken`; every page carries `totalCount` and `totalPages`.",
))  # fmt: skip
def list_audio_files(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    query = parse_query(req, ListAudioFilesQuery)
    return json_response(service.list_audio_files(get_dependencies(), principal.tenant_id, query))


@bp.endpoint(Route(
    "POST", "/v1/audio-files/upload-url", "createUploadUrl", "Create a recording and an upload URL",
    "Audio files", "audio:write",
    (Reply(201, "The recording exists (status `awaiting_upload`); PUT the bytes to `uploadUrl` with "
           "`requiredHeaders`.", UploadUrlBody, headers=(("Location", "The new recording."),)),),
    {**BODY_ERRORS, 413: ("body_too_large", "file_too_large")},
    body=UploadUrlRequest,
    body_example={"fileName": "call.wav", "engagementId": "eng-42", "campaignId": "spring-promo"},
    description="The upload is then checked (size, real audio, duration): the recording becomes `pending`, "
    "or `failed` with `empty_file`, `file_too_large`, `size_mismatch`, `content_type_mismatch` (`sizeBytes` "
    "and `contentType` are binding), `not_audio`, `sample_rate_too_low` or `audio_too_long`.",
))  # fmt: skip
def create_upload_url(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    body = parse_json_body(req, UploadUrlRequest)
    created = service.create_upload(get_dependencies(), principal.tenant_id, body)
    return json_response(created, status=201, headers={"Location": f"/api/v1/audio-files/{created.audio_file_id}"})


@bp.endpoint(Route(
    "GET", "/v1/audio-files/{id}", "getAudioFile", "One recording", "Audio files", "audio:read",
    (Reply(200, "The recording.", AudioFileBody),), {404: NOT_FOUND}, path_params=(AUDIO_FILE_ID,),
))  # fmt: skip
def get_audio_file(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    record = service.get_record(get_dependencies(), principal.tenant_id, _id(req))
    return json_response(service.to_body(record))


@bp.endpoint(Route(
    "DELETE", "/v1/audio-files/{id}", "deleteAudioFile", "Delete a recording and everything derived from it",
    "Audio files", "audio:write",
    (Reply(204, "Deleted."),), {404: NOT_FOUND}, path_params=(AUDIO_FILE_ID,),
))  # fmt: skip
def delete_audio_file(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    deps = get_dependencies()
    service.delete_audio_file(records=deps.audio_files, deadlines=deps.deadlines, blobs=deps.blobs,
                              reviews=deps.reviews, tenant_id=principal.tenant_id, audio_file_id=_id(req))  # fmt: skip
    return func.HttpResponse(status_code=204)


@bp.endpoint(Route(
    "GET", "/v1/audio-files/{id}/download-url", "getDownloadUrl", "A download URL for the recording",
    "Audio files", "audio:download",
    (Reply(200, "A read-only URL for this one blob, valid 15 minutes, served as an attachment: the redacted "
           "recording (WAV) once processing redacted it, the upload itself before that or with redaction off.",
           DownloadUrlBody),),
    {400: ("validation_error",), 404: (*NOT_FOUND, "unredacted_not_kept"), 409: ("audio_not_uploaded",)},
    path_params=(AUDIO_FILE_ID,), query=DownloadUrlQuery, query_docs={"unredacted": UNREDACTED_DOC},
))  # fmt: skip
def get_download_url(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    query = parse_query(req, DownloadUrlQuery)
    return json_response(service.download_url(get_dependencies(), principal, _id(req), query))


@bp.endpoint(Route(
    "GET", "/v1/audio-files/{id}/transcript", "getTranscript", "The transcript", "Processing", "audio:read",
    (Reply(200, "The transcript: JSON by default, or plain text, SubRip or WebVTT with `format`.", Transcript,
           text_media_types=("text/plain", "application/x-subrip", "text/vtt")),),
    {400: ("validation_error",), 404: (*NOT_FOUND, "transcript_not_found", "unredacted_not_kept"),
     409: ("transcript_not_ready",)},
    path_params=(AUDIO_FILE_ID,), query=TranscriptQuery,
    query_docs={"format": "`json`, `text` (text/plain), `srt` (application/x-subrip) or `vtt` (text/vtt).",
                "unredacted": UNREDACTED_DOC},
    description="The redacted transcript: each detected entity is a typed token (`[CARD_NUMBER]`, ...) and "
    "`redactions` lists type and times, never the value.",
))  # fmt: skip
def get_transcript(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    query = parse_query(req, TranscriptQuery)
    document = service.get_transcript_document(get_dependencies(), principal, _id(req), query)
    if query.format == "json":
        return json_response(document)
    text, mimetype = render_transcript(document, query.format)
    return text_response(text, mimetype)


@bp.endpoint(Route(
    "GET", "/v1/audio-files/{id}/analysis", "getAnalysis", "The evaluation", "Processing", "audio:read",
    (Reply(200, "Scorecard criteria with evidence, sentiment, talk metrics and a summary; per criterion the "
           "machine's verdict, the reviewer's (`review`) and the `finalVerdict`, and the `final` score.",
           ReviewedAnalysis),),
    {404: (*NOT_FOUND, "analysis_not_found"), 409: ("analysis_not_ready",)}, path_params=(AUDIO_FILE_ID,),
    description="Reviews recorded with `PUT .../analysis/reviews` show while the analysis was made with the "
    "scorecard id and version they were made against.",
))  # fmt: skip
def get_analysis(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    deps = get_dependencies()
    record, document = service.get_analysis(deps, principal.tenant_id, _id(req))
    return json_response(reviewed_document(document, deps.reviews.for_audio_file(principal.tenant_id, record.id)))


@bp.endpoint(Route(
    "POST", "/v1/audio-files/{id}/process", "processAudioFile", "Queue AI processing", "Processing",
    "audio:write",
    (Reply(202, "Queued (or already queued or running: `message` says which); poll the processing status.",
           ProcessBody, headers=(("Location", "The processing status."),)),),
    {
        **BODY_ERRORS,
        400: ("malformed_json", "validation_error"),
        404: (*NOT_FOUND, "scorecard_not_found", "scorecard_version_not_found"),
        409: ("audio_not_uploaded", "invalid_upload", "processing_in_progress", "already_processed",
              "transcript_not_found", "scorecard_version_not_published", "original_audio_not_kept"),
    },
    path_params=(AUDIO_FILE_ID,), body=ProcessRequest, body_required=False, body_example={"force": True},
    description='No body queues transcription, redaction, then evaluation (transcription and redaction always '
    'run together). `{"force": true}` re-runs a finished file; `{"stages": ["evaluation"]}` re-evaluates the '
    "existing (redacted) transcript only (a finished file needs no `force` when the stages are named). "
    "Transcribing again needs the original recording: where the redaction policy did not keep it, 409 "
    "`original_audio_not_kept` (re-evaluation alone still runs). The evaluation uses the scorecard version "
    'assigned when it runs, or the one named by `{"scorecard": {"id": "sc_...", "version": "2"}}` (a published '
    'version, or a built-in card such as `{"id": "default-human", "version": "2.9"}`).',
))  # fmt: skip
def process_audio_file(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    body = parse_json_body(req, ProcessRequest, allow_empty=True)
    deps = get_dependencies()
    if body.scorecard is not None:  # a named version must exist and be published before a run is started
        require_runnable(repository=deps.scorecards, blobs=deps.blobs, tenant_id=principal.tenant_id,
                         pin=body.scorecard)  # fmt: skip
    result = service.request_processing(
        records=deps.audio_files, deadlines=deps.deadlines, queues=deps.queues, blobs=deps.blobs,
        times=RunTimes.of(deps.settings.stage_deadline_minutes), tenant_id=principal.tenant_id,
        audio_file_id=_id(req), request=body,
    )  # fmt: skip
    return json_response(
        result,
        status=202,
        headers={"Location": f"/api/v1/audio-files/{result.audio_file_id}/processing-status"},
    )


@bp.endpoint(Route(
    "GET", "/v1/audio-files/{id}/processing-status", "getProcessingStatus", "Where processing is",
    "Processing", "audio:read",
    (Reply(200, "`pending`, `processing`, `evaluating`, `completed` or `failed`, with per-stage times, "
           "attempts and the error.", ProcessingStatusBody),),
    {404: NOT_FOUND}, path_params=(AUDIO_FILE_ID,),
))  # fmt: skip
def get_processing_status(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    return json_response(service.processing_status(get_dependencies(), principal.tenant_id, _id(req)))
