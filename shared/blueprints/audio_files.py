"""HTTP endpoints of /api/v1/audio-files: adapters from HTTP to the service functions."""

from __future__ import annotations

import azure.functions as func

from shared.audio_files import service
from shared.audio_files.transcript_formats import render_transcript
from shared.auth import Principal
from shared.dependencies import get_dependencies
from shared.http import api_endpoint, json_response, parse_json_body, parse_query, text_response
from shared.models.api import ListAudioFilesQuery, ProcessRequest, TranscriptQuery, UploadUrlRequest
from shared.pipeline.run import RunTimes

bp = func.Blueprint()
ANONYMOUS = func.AuthLevel.ANONYMOUS


def _id(req: func.HttpRequest) -> str:
    return req.route_params.get("id", "")


@bp.route(route="v1/audio-files", methods=["GET"], auth_level=ANONYMOUS)
@api_endpoint("audio:read")
def list_audio_files(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    query = parse_query(req, ListAudioFilesQuery)
    return json_response(service.list_audio_files(get_dependencies(), principal.tenant_id, query))


@bp.route(route="v1/audio-files/upload-url", methods=["POST"], auth_level=ANONYMOUS)
@api_endpoint("audio:write")
def create_upload_url(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    body = parse_json_body(req, UploadUrlRequest)
    created = service.create_upload(get_dependencies(), principal.tenant_id, body)
    return json_response(created, status=201, headers={"Location": f"/api/v1/audio-files/{created.audio_file_id}"})


@bp.route(route="v1/audio-files/{id}", methods=["GET", "DELETE"], auth_level=ANONYMOUS)
def audio_file(req: func.HttpRequest) -> func.HttpResponse:
    if req.method.upper() == "DELETE":
        return _delete_audio_file(req)
    return _get_audio_file(req)


@api_endpoint("audio:read")
def _get_audio_file(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    record = service.get_record(get_dependencies(), principal.tenant_id, _id(req))
    return json_response(service.to_body(record))


@api_endpoint("audio:write")
def _delete_audio_file(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    deps = get_dependencies()
    service.delete_audio_file(records=deps.audio_files, deadlines=deps.deadlines, blobs=deps.blobs,
                              tenant_id=principal.tenant_id, audio_file_id=_id(req))  # fmt: skip
    return func.HttpResponse(status_code=204)


@bp.route(route="v1/audio-files/{id}/download-url", methods=["GET"], auth_level=ANONYMOUS)
@api_endpoint("audio:download")
def get_download_url(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    return json_response(service.download_url(get_dependencies(), principal.tenant_id, _id(req)))


@bp.route(route="v1/audio-files/{id}/transcript", methods=["GET"], auth_level=ANONYMOUS)
@api_endpoint("audio:read")
def get_transcript(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    query = parse_query(req, TranscriptQuery)
    document = service.get_transcript_document(get_dependencies(), principal.tenant_id, _id(req))
    if query.format == "json":
        return json_response(document)
    text, mimetype = render_transcript(document, query.format)
    return text_response(text, mimetype)


@bp.route(route="v1/audio-files/{id}/analysis", methods=["GET"], auth_level=ANONYMOUS)
@api_endpoint("audio:read")
def get_analysis(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    return json_response(service.get_analysis_document(get_dependencies(), principal.tenant_id, _id(req)))


@bp.route(route="v1/audio-files/{id}/process", methods=["POST"], auth_level=ANONYMOUS)
@api_endpoint("audio:write")
def process_audio_file(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    body = parse_json_body(req, ProcessRequest, allow_empty=True)
    deps = get_dependencies()
    result = service.request_processing(
        records=deps.audio_files, deadlines=deps.deadlines, queues=deps.queues,
        times=RunTimes.of(deps.settings.stage_deadline_minutes), tenant_id=principal.tenant_id,
        audio_file_id=_id(req), request=body,
    )  # fmt: skip
    return json_response(
        result,
        status=202,
        headers={"Location": f"/api/v1/audio-files/{result.audio_file_id}/processing-status"},
    )


@bp.route(route="v1/audio-files/{id}/processing-status", methods=["GET"], auth_level=ANONYMOUS)
@api_endpoint("audio:read")
def get_processing_status(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    return json_response(service.processing_status(get_dependencies(), principal.tenant_id, _id(req)))
