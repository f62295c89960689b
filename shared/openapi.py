"""The OpenAPI 3.1 document of the HTTP API: a route table plus the pydantic models the handlers use.

Each ``Route`` names one operation: method, path, scope, query/body/response models and the error statuses and
codes it can answer with. The document is built from ``ROUTES`` once per process; a feature adds its endpoints
by adding ``Route`` entries (see ``WEBHOOK_ROUTES``). ``tests/shared/test_openapi.py`` checks the table against
the functions registered on the app, so a route without an entry (or an entry without a route) fails the tests.
"""

from __future__ import annotations

import copy
import html
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, models_json_schema

from shared.auth import SCOPES
from shared.models.analysis import Analysis
from shared.models.api import (
    AUDIO_FILE_ID_PATTERN,
    AudioFileBody,
    AudioFileListBody,
    DownloadUrlBody,
    ListAudioFilesQuery,
    ProcessBody,
    ProcessingStatusBody,
    ProcessRequest,
    TranscriptQuery,
    UploadUrlBody,
    UploadUrlRequest,
)
from shared.models.base import WireModel
from shared.models.transcript import Transcript
from shared.webhooks.models import (
    CreateWebhookRequest,
    DeliveryBody,
    DeliveryListBody,
    ListDeliveriesQuery,
    RotatedSecretBody,
    UpdateWebhookRequest,
    WebhookBody,
    WebhookListBody,
    WebhookWithSecretBody,
)
from shared.webhooks.records import DELIVERY_ID_PATTERN, SUBSCRIPTION_ID_PATTERN

OPENAPI_VERSION = "3.1.0"
API_VERSION = "1.0.0"
SERVER_URL = "/api"  # host.json routePrefix; paths below are relative to it
REF_TEMPLATE = "#/components/schemas/{model}"
SECURITY_SCHEME = "bearerAuth"
PROBLEM_MEDIA_TYPE = "application/problem+json"


# --- Bodies that exist only on the wire (no model elsewhere) ------------------------------------------


class FieldProblem(WireModel):
    field: str
    message: str


class Problem(WireModel):
    """RFC 9457 problem details with a stable ``code``; ``errors`` lists invalid fields on a 400."""

    type: str
    title: str
    status: int
    detail: str
    code: str
    errors: list[FieldProblem] | None = None


class HealthBody(WireModel):
    status: Literal["ok", "unhealthy"]
    checks: dict[str, str]
    storage_latency_ms: float | None = None


# --- The route table ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PathParam:
    name: str
    pattern: str
    description: str


@dataclass(frozen=True)
class Reply:
    """A success answer: a JSON model, other media types served as text, or no body (204)."""

    status: int
    description: str
    model: type[BaseModel] | None = None
    text_media_types: tuple[str, ...] = ()
    headers: tuple[tuple[str, str], ...] = ()  # (name, description), always sent
    raw_schema: Mapping[str, Any] | None = None  # for bodies that are not JSON objects (the spec itself)
    media_type: str = "application/json"


@dataclass(frozen=True)
class Route:
    method: str
    path: str  # relative to SERVER_URL, as the blueprint's route with a leading '/'
    operation_id: str
    summary: str
    tag: str
    scope: str | None  # None: no token needed
    replies: tuple[Reply, ...]
    errors: Mapping[int, tuple[str, ...]] = field(default_factory=dict)  # status -> the codes it can carry
    description: str = ""
    path_params: tuple[PathParam, ...] = ()
    query: type[BaseModel] | None = None
    body: type[BaseModel] | None = None
    body_required: bool = True
    body_example: Mapping[str, Any] | None = None
    query_docs: Mapping[str, str] = field(default_factory=dict)  # wire name -> description


# Every authenticated endpoint can answer these, whatever it does.
AUTH_ERRORS: Mapping[int, tuple[str, ...]] = {
    401: ("missing_token", "invalid_token", "token_expired"),
    403: ("insufficient_scope",),
    429: ("throttled",),
    500: ("internal_error",),
    503: ("storage_unavailable", "identity_provider_unavailable"),
}
BODY_ERRORS: Mapping[int, tuple[str, ...]] = {
    400: ("missing_body", "malformed_json", "validation_error"),
    413: ("body_too_large",),
    415: ("unsupported_media_type",),
}
STATUS_TEXT = {
    400: "The request is invalid: see `errors` for the fields.",
    401: "The bearer token is missing, malformed, expired or not issued for this API.",
    403: "The token does not grant the scope this endpoint needs.",
    404: "No such resource for this tenant (another tenant's id is indistinguishable from an unknown one).",
    409: "The resource is not in a state that allows this.",
    413: "Too large.",
    415: "The body must be application/json.",
    429: "Throttled by storage; retry after the Retry-After seconds.",
    500: "An unexpected error occurred.",
    503: "Storage or the identity provider is unavailable; retry after the Retry-After seconds.",
}
RETRY_AFTER = ("Retry-After", "Seconds to wait before retrying.")
WWW_AUTHENTICATE = ("WWW-Authenticate", "The bearer challenge (RFC 6750), with error='insufficient_scope' on a 403.")
ERROR_HEADERS: Mapping[int, tuple[tuple[str, str], ...]] = {
    401: (WWW_AUTHENTICATE,),
    403: (WWW_AUTHENTICATE,),
    429: (RETRY_AFTER,),
    503: (RETRY_AFTER,),
}

AUDIO_FILE_ID = PathParam("id", AUDIO_FILE_ID_PATTERN, "The audio file id: `af_` and a ULID.")
NOT_FOUND = ("audio_file_not_found",)
LIST_QUERY_DOCS = {
    "page": "Page number, from 1. Not with `continuationToken`.",
    "pageSize": "Items per page.",
    "campaignId": "Only recordings of this campaign.",
    "engagementId": "Only recordings of this engagement.",
    "isAICall": "Only AI-agent calls (`true`) or human calls (`false`).",
    "dateFrom": "Recorded at or after (ISO 8601; a bare date means the start of that day, UTC).",
    "dateTo": "Recorded at or before (ISO 8601; a bare date covers that whole day, UTC).",
    "continuationToken": "The `continuationToken` of the previous page, for the next one.",
}

AUDIO_FILE_ROUTES: tuple[Route, ...] = (
    Route(
        "GET", "/v1/audio-files", "listAudioFiles", "List recordings, newest first", "Audio files", "audio:read",
        (Reply(200, "One page of recordings.", AudioFileListBody),),
        {400: ("validation_error", "invalid_continuation_token")},
        query=ListAudioFilesQuery, query_docs=LIST_QUERY_DOCS,
        description="Page with `page`/`pageSize` (a page reached before starts at its bookmark) or follow "
        "`continuationToken`; every page carries `totalCount` and `totalPages`.",
    ),
    Route(
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
    ),
    Route(
        "GET", "/v1/audio-files/{id}", "getAudioFile", "One recording", "Audio files", "audio:read",
        (Reply(200, "The recording.", AudioFileBody),), {404: NOT_FOUND}, path_params=(AUDIO_FILE_ID,),
    ),
    Route(
        "DELETE", "/v1/audio-files/{id}", "deleteAudioFile", "Delete a recording and everything derived from it",
        "Audio files", "audio:write",
        (Reply(204, "Deleted."),), {404: NOT_FOUND}, path_params=(AUDIO_FILE_ID,),
    ),
    Route(
        "GET", "/v1/audio-files/{id}/download-url", "getDownloadUrl", "A download URL for the recording",
        "Audio files", "audio:download",
        (Reply(200, "A read-only URL for this one blob, valid 15 minutes, served as an attachment.",
               DownloadUrlBody),),
        {404: NOT_FOUND, 409: ("audio_not_uploaded",)}, path_params=(AUDIO_FILE_ID,),
    ),
    Route(
        "GET", "/v1/audio-files/{id}/transcript", "getTranscript", "The transcript", "Processing", "audio:read",
        (Reply(200, "The transcript: JSON by default, or plain text, SubRip or WebVTT with `format`.", Transcript,
               text_media_types=("text/plain", "application/x-subrip", "text/vtt")),),
        {400: ("validation_error",), 404: (*NOT_FOUND, "transcript_not_found"), 409: ("transcript_not_ready",)},
        path_params=(AUDIO_FILE_ID,), query=TranscriptQuery,
        query_docs={"format": "`json`, `text` (text/plain), `srt` (application/x-subrip) or `vtt` (text/vtt)."},
    ),
    Route(
        "GET", "/v1/audio-files/{id}/analysis", "getAnalysis", "The evaluation", "Processing", "audio:read",
        (Reply(200, "Scorecard criteria with evidence, sentiment, talk metrics and a summary.", Analysis),),
        {404: (*NOT_FOUND, "analysis_not_found"), 409: ("analysis_not_ready",)}, path_params=(AUDIO_FILE_ID,),
    ),
    Route(
        "POST", "/v1/audio-files/{id}/process", "processAudioFile", "Queue AI processing", "Processing",
        "audio:write",
        (Reply(202, "Queued (or already queued or running: `message` says which); poll the processing status.",
               ProcessBody, headers=(("Location", "The processing status."),)),),
        {
            **BODY_ERRORS,
            400: ("malformed_json", "validation_error"),
            404: NOT_FOUND,
            409: ("audio_not_uploaded", "invalid_upload", "processing_in_progress", "already_processed",
                  "transcript_not_found"),
        },
        path_params=(AUDIO_FILE_ID,), body=ProcessRequest, body_required=False, body_example={"force": True},
        description='No body queues transcription then evaluation. `{"force": true}` re-runs a finished file; '
        '`{"stages": ["evaluation"]}` re-evaluates the existing transcript only.',
    ),
    Route(
        "GET", "/v1/audio-files/{id}/processing-status", "getProcessingStatus", "Where processing is",
        "Processing", "audio:read",
        (Reply(200, "`pending`, `processing`, `evaluating`, `completed` or `failed`, with per-stage times, "
               "attempts and the error.", ProcessingStatusBody),),
        {404: NOT_FOUND}, path_params=(AUDIO_FILE_ID,),
    ),
)  # fmt: skip

META_ROUTES: tuple[Route, ...] = (
    Route(
        "GET", "/health", "getHealth", "Liveness and a storage round trip", "Service", None,
        (Reply(200, "Healthy.", HealthBody),
         Reply(503, "Storage is unreachable.", HealthBody, headers=(RETRY_AFTER,))),
    ),
    Route(
        "GET", "/v1/openapi.json", "getOpenApi", "This OpenAPI document", "Service", None,
        (Reply(200, "The OpenAPI 3.1 document.", raw_schema={"type": "object"}),), {500: ("internal_error",)},
    ),
    Route(
        "GET", "/v1/docs", "getDocs", "This reference as HTML", "Service", None,
        (Reply(200, "A self-contained HTML page.", raw_schema={"type": "string"}, media_type="text/html"),),
        {500: ("internal_error",)},
    ),
)  # fmt: skip

WEBHOOK_ID = PathParam("id", SUBSCRIPTION_ID_PATTERN, "The webhook id: `wh_` and a ULID.")
DELIVERY_ID = PathParam("deliveryId", DELIVERY_ID_PATTERN, "The delivery id: `dlv_` and a ULID.")
WEBHOOK_NOT_FOUND = ("webhook_not_found",)
WEBHOOK_URL_ERRORS = ("invalid_webhook_url", "webhook_url_not_allowed", "webhook_url_unresolvable")
# A new secret is wrapped with the Key Vault key before it is stored (Azure only).
SECRET_STORE_ERRORS = {503: (*AUTH_ERRORS[503], "secret_store_unavailable")}
WEBHOOK_BODY_ERRORS: Mapping[int, tuple[str, ...]] = {
    **BODY_ERRORS,
    400: (*BODY_ERRORS[400], *WEBHOOK_URL_ERRORS),
}
WEBHOOK_URL_RULES = (
    "The URL must be `https`, without user name or password, and every address its host resolves to must be "
    "public (no loopback, private, link-local, CGNAT, multicast or reserved addresses); it is checked again "
    "at every delivery."
)
DELIVERY_DESCRIPTION = (
    "Each event is POSTed as JSON `{type, timestamp, data}` (`data`: ids, status and links; never content) "
    "with the Standard Webhooks headers `webhook-id` (the event id, the same on every retry), "
    "`webhook-timestamp` and `webhook-signature`. Any 2xx answer is a delivery; redirects are not followed; "
    "failures are retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (with jitter, or later if "
    "`Retry-After` asks); `410 Gone` disables the webhook."
)

WEBHOOK_ROUTES: tuple[Route, ...] = (
    Route(
        "POST", "/v1/webhooks", "createWebhook", "Subscribe a URL to processing events", "Webhooks",
        "webhooks:manage",
        (Reply(201, "The webhook, with its signing `secret`: shown this once only.", WebhookWithSecretBody,
               headers=(("Location", "The new webhook."),)),),
        {**WEBHOOK_BODY_ERRORS, 409: ("webhook_limit_reached",), **SECRET_STORE_ERRORS},
        body=CreateWebhookRequest,
        body_example={"url": "https://crm.example/hooks/audio", "events": ["analysis.completed"]},
        description=f"{WEBHOOK_URL_RULES}\n\n{DELIVERY_DESCRIPTION}",
    ),
    Route(
        "GET", "/v1/webhooks", "listWebhooks", "The tenant's webhooks", "Webhooks", "webhooks:manage",
        (Reply(200, "Every webhook of the tenant (at most 20), without secrets.", WebhookListBody),),
    ),
    Route(
        "GET", "/v1/webhooks/{id}", "getWebhook", "One webhook", "Webhooks", "webhooks:manage",
        (Reply(200, "The webhook, without its secret.", WebhookBody),), {404: WEBHOOK_NOT_FOUND},
        path_params=(WEBHOOK_ID,),
    ),
    Route(
        "PATCH", "/v1/webhooks/{id}", "updateWebhook", "Change, disable or re-enable a webhook", "Webhooks",
        "webhooks:manage",
        (Reply(200, "The webhook as it is now.", WebhookBody),),
        {**WEBHOOK_BODY_ERRORS, 404: WEBHOOK_NOT_FOUND},
        path_params=(WEBHOOK_ID,), body=UpdateWebhookRequest, body_example={"enabled": False},
        description="Send only the fields to change. `enabled: true` also re-enables a webhook disabled by a "
        f"`410 Gone`. {WEBHOOK_URL_RULES}",
    ),
    Route(
        "DELETE", "/v1/webhooks/{id}", "deleteWebhook", "Delete a webhook and its delivery log", "Webhooks",
        "webhooks:manage",
        (Reply(204, "Deleted; attempts still queued stop."),), {404: WEBHOOK_NOT_FOUND}, path_params=(WEBHOOK_ID,),
    ),
    Route(
        "POST", "/v1/webhooks/{id}/rotate-secret", "rotateWebhookSecret", "Replace the signing secret",
        "Webhooks", "webhooks:manage",
        (Reply(200, "The new secret, shown this once only.", RotatedSecretBody),),
        {404: WEBHOOK_NOT_FOUND, **SECRET_STORE_ERRORS},
        path_params=(WEBHOOK_ID,),
        description="Until `previousSecretExpiresAt` (24 hours) every request carries two signatures in "
        "`webhook-signature`, one per secret, so the receiver can switch secrets without missing events.",
    ),
    Route(
        "GET", "/v1/webhooks/{id}/deliveries", "listWebhookDeliveries", "The delivery log, newest event first",
        "Webhooks", "webhooks:manage",
        (Reply(200, "Deliveries with their attempts (newest first), status codes and next retry time.",
               DeliveryListBody),),
        {400: ("validation_error", "invalid_continuation_token"), 404: WEBHOOK_NOT_FOUND},
        path_params=(WEBHOOK_ID,), query=ListDeliveriesQuery,
        query_docs={
            "limit": "Deliveries per page.",
            "continuationToken": "The `continuationToken` of the previous page, for the next one.",
        },
    ),
    Route(
        "POST", "/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", "redeliverWebhook",
        "Send an event again", "Webhooks", "webhooks:manage",
        (Reply(202, "A fresh series of attempts is queued, with the same `webhook-id`.", DeliveryBody),),
        {404: (*WEBHOOK_NOT_FOUND, "delivery_not_found"), 409: ("webhook_disabled",)},
        path_params=(WEBHOOK_ID, DELIVERY_ID),
    ),
)  # fmt: skip

ROUTES: tuple[Route, ...] = (*META_ROUTES, *AUDIO_FILE_ROUTES, *WEBHOOK_ROUTES)

TAGS = (
    ("Audio files", "Upload, list, download and delete call recordings."),
    ("Processing", "Transcription and evaluation: queue it, follow it, read the results."),
    ("Webhooks", "Subscriptions to processing events, signed per Standard Webhooks, and their delivery log."),
    ("Service", "Health and this reference; no token needed."),
)
API_DESCRIPTION = """\
Call recordings of a sales and contact-center platform: upload, list and download them, trigger AI \
processing (transcription, then evaluation) and follow it until `completed` or `failed`.

JSON is camelCase. Every call except the Service ones needs `Authorization: Bearer <token>`; the tenant comes \
from the token, never from the request. Each operation names the scope its token must grant.

Errors are `application/problem+json` with `type`, `title`, `status`, `detail` and a stable `code`."""


# models_json_schema's answer: (model, mode) -> {"$ref": ...}
Refs = Mapping[tuple[Any, JsonSchemaMode], dict[str, Any]]


# --- Building the document ------------------------------------------------------------------------------


def _strip_property_titles(node: Any) -> None:
    """Drop pydantic's generated per-field titles ("Filename" for fileName): noise in docs and generated code."""
    if isinstance(node, dict):
        properties = node.get("properties")
        if isinstance(properties, dict):
            for schema in properties.values():
                if isinstance(schema, dict):
                    schema.pop("title", None)
        for value in node.values():
            _strip_property_titles(value)
    elif isinstance(node, list):
        for value in node:
            _strip_property_titles(value)


def _without_null(schema: dict[str, Any]) -> dict[str, Any]:
    """A query value is never JSON null: keep the non-null branches of an optional field."""
    branches = schema.get("anyOf")
    if not isinstance(branches, list):
        return schema
    kept = [branch for branch in branches if branch != {"type": "null"}]
    rest = {key: value for key, value in schema.items() if key not in ("anyOf", "default")}
    if len(kept) == 1:
        return {**kept[0], **rest}
    return {"anyOf": kept, **rest}


def _query_parameters(route: Route, components: dict[str, Any]) -> list[dict[str, Any]]:
    assert route.query is not None
    schema = route.query.model_json_schema(by_alias=True, ref_template=REF_TEMPLATE)
    components.update(schema.pop("$defs", {}))
    required = set(schema.get("required", ()))
    excluded = {
        info.alias or name for name, info in route.query.model_fields.items() if info.exclude
    }  # e.g. the Functions key 'code'
    parameters = []
    for name, property_schema in schema["properties"].items():
        if name in excluded:
            continue
        value_schema = _without_null(dict(property_schema))
        value_schema.pop("title", None)
        if "default" in property_schema and property_schema["default"] is not None:
            value_schema["default"] = property_schema["default"]
        parameter: dict[str, Any] = {"name": name, "in": "query", "required": name in required}
        if name in route.query_docs:
            parameter["description"] = route.query_docs[name]
        parameters.append({**parameter, "schema": value_schema})
    return parameters


def _problem_response(status: int, codes: tuple[str, ...]) -> dict[str, Any]:
    schema = {
        "allOf": [
            {"$ref": REF_TEMPLATE.format(model="Problem")},
            {"properties": {"status": {"const": status}, "code": {"enum": list(codes)}}},
        ]
    }
    response: dict[str, Any] = {
        "description": f"{STATUS_TEXT.get(status, 'Error.')} Codes: {', '.join(f'`{c}`' for c in codes)}.",
        "content": {PROBLEM_MEDIA_TYPE: {"schema": schema}},
    }
    if status in ERROR_HEADERS:
        response["headers"] = _headers(ERROR_HEADERS[status])
    return response


def _headers(headers: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    return {
        name: {"description": description, "required": True, "schema": {"type": "string"}}
        for name, description in headers
    }


def _success_response(reply: Reply, refs: Refs) -> dict[str, Any]:
    response: dict[str, Any] = {"description": reply.description}
    content: dict[str, Any] = {}
    if reply.model is not None:
        content[reply.media_type] = {"schema": refs[(reply.model, "serialization")]}
    elif reply.raw_schema is not None:
        content[reply.media_type] = {"schema": dict(reply.raw_schema)}
    for media_type in reply.text_media_types:
        content[media_type] = {"schema": {"type": "string"}}
    if content:
        response["content"] = content
    if reply.headers:
        response["headers"] = _headers(reply.headers)
    return response


def _operation(route: Route, refs: Refs, components: dict[str, Any]) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "operationId": route.operation_id,
        "summary": route.summary,
        "tags": [route.tag],
    }
    description = route.description
    if route.scope:
        needs = f"Requires a bearer token with the `{route.scope}` scope."
        description = f"{needs}\n\n{description}" if description else needs
        operation["security"] = [{SECURITY_SCHEME: [route.scope]}]
        operation["x-required-scope"] = route.scope
    else:
        operation["security"] = []
    if description:
        operation["description"] = description
    parameters = [
        {
            "name": param.name,
            "in": "path",
            "required": True,
            "description": param.description,
            "schema": {"type": "string", "pattern": param.pattern},
        }
        for param in route.path_params
    ]
    if route.query is not None:
        parameters.extend(_query_parameters(route, components))
    if parameters:
        operation["parameters"] = parameters
    if route.body is not None:
        media: dict[str, Any] = {"schema": refs[(route.body, "validation")]}
        if route.body_example is not None:
            media["example"] = dict(route.body_example)
        operation["requestBody"] = {"required": route.body_required, "content": {"application/json": media}}
    responses: dict[str, Any] = {str(reply.status): _success_response(reply, refs) for reply in route.replies}
    errors = {**(AUTH_ERRORS if route.scope else {}), **route.errors}
    for status in sorted(errors):
        responses[str(status)] = _problem_response(status, errors[status])
    operation["responses"] = dict(sorted(responses.items()))
    return operation


def _check_route(route: Route) -> None:
    placeholders = re.findall(r"{([^}]+)}", route.path)
    declared = [param.name for param in route.path_params]
    if placeholders != declared:
        raise ValueError(f"{route.operation_id}: path parameters {placeholders} but declared {declared}")
    if route.scope is not None and route.scope not in SCOPES:
        raise ValueError(f"{route.operation_id}: unknown scope {route.scope!r}")


def build_openapi(routes: tuple[Route, ...] = ROUTES) -> dict[str, Any]:
    """The OpenAPI 3.1 document for ``routes``: schemas from the models, collected under components."""
    models: list[tuple[type[BaseModel], JsonSchemaMode]] = [(Problem, "serialization")]
    for route in routes:
        _check_route(route)
        models.extend((reply.model, "serialization") for reply in route.replies if reply.model is not None)
        if route.body is not None:
            models.append((route.body, "validation"))
    unique = list(dict.fromkeys(models))
    refs, definitions = models_json_schema(unique, by_alias=True, ref_template=REF_TEMPLATE)
    components: dict[str, Any] = dict(definitions.get("$defs", {}))
    paths: dict[str, dict[str, Any]] = {}
    operation_ids: set[str] = set()
    for route in routes:
        if route.operation_id in operation_ids:
            raise ValueError(f"operationId {route.operation_id} is used twice")
        operation_ids.add(route.operation_id)
        methods = paths.setdefault(route.path, {})
        if route.method.lower() in methods:
            raise ValueError(f"{route.method} {route.path} is in the route table twice")
        methods[route.method.lower()] = _operation(route, refs, components)
    used_tags = {route.tag for route in routes}
    document: dict[str, Any] = {
        "openapi": OPENAPI_VERSION,
        "info": {"title": "Audio Files API", "version": API_VERSION, "description": API_DESCRIPTION},
        "servers": [{"url": SERVER_URL}],
        "tags": [{"name": name, "description": text} for name, text in TAGS if name in used_tags],
        "paths": paths,
        "components": {
            "schemas": dict(sorted(components.items())),
            "securitySchemes": {
                SECURITY_SCHEME: {
                    "type": "http",
                    "scheme": "bearer",
                    "bearerFormat": "JWT",
                    "description": "A Microsoft Entra ID access token (an HS256 development token locally). "
                    f"Scopes (`scp`) or app roles (`roles`): {', '.join(f'`{s}`' for s in SCOPES)}. "
                    "The tenant is the token's tenant claim.",
                }
            },
        },
    }
    _strip_property_titles(document["components"]["schemas"])
    return document


@lru_cache(maxsize=1)
def _cached_document() -> dict[str, Any]:
    return build_openapi()


def get_openapi() -> dict[str, Any]:
    """The document of this app's routes, built once per process (a copy: callers may not change the cache)."""
    return copy.deepcopy(_cached_document())


@lru_cache(maxsize=1)
def openapi_json() -> bytes:
    return json.dumps(_cached_document(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# --- The HTML reference ---------------------------------------------------------------------------------
# Rendered on the server from the document itself, so the page and the JSON cannot disagree. Self-contained:
# inline CSS, no scripts, no fonts or assets from elsewhere (the page is served with a CSP that forbids them).

_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;margin:0;background:#f6f7f9}
main{max-width:1080px;margin:0 auto;padding:24px 32px 64px;background:#fff}
h1{margin:.2em 0}h2{border-bottom:2px solid #e3e6eb;padding-bottom:4px;margin-top:2em}
h3{margin:1.6em 0 .3em;font-size:1.05em}h4{margin:1em 0 .3em;font-size:.95em;color:#4a5263}
code,pre{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{background:#f3f4f7;padding:10px 12px;border-radius:6px;overflow-x:auto}
p code,td code,li code{background:#f3f4f7;padding:1px 4px;border-radius:4px}
table{border-collapse:collapse;width:100%;margin:.4em 0;font-size:14px}
th,td{border:1px solid #e3e6eb;padding:5px 8px;text-align:left;vertical-align:top}th{background:#f6f7f9}
.op{border:1px solid #e3e6eb;border-radius:8px;padding:4px 16px 12px;margin:18px 0}
.method{display:inline-block;min-width:56px;text-align:center;border-radius:4px;color:#fff;font-weight:600;
padding:1px 6px;margin-right:6px;font-size:13px}
.get{background:#2f6fd6}.post{background:#1e8a4c}.delete{background:#c23b3b}.patch{background:#b7791f}
.put{background:#7a4bc2}.scope{background:#fff4d6;border:1px solid #f0d58a;border-radius:4px;padding:0 6px}
.open{background:#e7f6ec;border:1px solid #9fd8b2;border-radius:4px;padding:0 6px}
nav ul{columns:2;padding-left:18px}a{color:#2257b5;text-decoration:none}a:hover{text-decoration:underline}
.muted{color:#6b7385}
"""


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _inline(text: str) -> str:
    """Escape, then render `code` spans (the only markup the descriptions use) and keep paragraphs."""
    escaped = _esc(text)
    with_code = re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped)
    return "".join(f"<p>{part}</p>" for part in with_code.split("\n\n") if part.strip())


def _anchor(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "-", text)


def _schema_type(schema: Mapping[str, Any]) -> str:
    """A short, linked description of a schema's type: 'array of <a>Segment</a>', 'string (date-time)'..."""
    if "$ref" in schema:
        name = str(schema["$ref"]).rsplit("/", 1)[-1]
        return f'<a href="#schema-{_anchor(name)}">{_esc(name)}</a>'
    for combinator in ("anyOf", "oneOf"):
        if combinator in schema:
            branches = [b for b in schema[combinator] if b != {"type": "null"}]
            nullable = len(branches) < len(schema[combinator])
            text = " or ".join(_schema_type(branch) for branch in branches)
            return f"{text} or null" if nullable else text
    if "allOf" in schema:
        # Branches that only narrow (a problem's status and codes) are shown elsewhere, not as a type.
        typed = [b for b in schema["allOf"] if any(key in b for key in ("$ref", "type", "anyOf", "oneOf", "enum"))]
        return " and ".join(_schema_type(branch) for branch in typed) or "any"
    if "const" in schema:
        return f"<code>{_esc(json.dumps(schema['const']))}</code>"
    if "enum" in schema:
        return "one of " + ", ".join(f"<code>{_esc(json.dumps(value))}</code>" for value in schema["enum"])
    kind = schema.get("type", "any")
    if kind == "array":
        return f"array of {_schema_type(schema.get('items', {}))}"
    if kind == "object" and isinstance(schema.get("additionalProperties"), dict):
        return f"map of string to {_schema_type(schema['additionalProperties'])}"
    text = _esc(" or ".join(kind) if isinstance(kind, list) else kind)
    return f"{text} ({_esc(schema['format'])})" if "format" in schema else text


_CONSTRAINTS = (
    ("minimum", "≥ {}"), ("exclusiveMinimum", "> {}"), ("maximum", "≤ {}"), ("exclusiveMaximum", "< {}"),
    ("minLength", "at least {} characters"), ("maxLength", "at most {} characters"),
    ("minItems", "at least {} items"), ("maxItems", "at most {} items"), ("pattern", "matches <code>{}</code>"),
)  # fmt: skip


def _constraints(schema: Mapping[str, Any]) -> str:
    parts = [template.format(_esc(schema[key])) for key, template in _CONSTRAINTS if key in schema]
    for branch in schema.get("anyOf", ()):
        if isinstance(branch, Mapping) and branch.get("type") != "null":
            inner = _constraints(branch)
            if inner:
                parts.append(inner)
    if "items" in schema and isinstance(schema["items"], Mapping):
        inner = _constraints(schema["items"])
        if inner:
            parts.append(f"each item {inner}")
    if schema.get("default") is not None:
        parts.append(f"default <code>{_esc(json.dumps(schema['default']))}</code>")
    return "; ".join(parts)


def _parameters_table(parameters: list[Mapping[str, Any]]) -> str:
    rows = "".join(
        f"<tr><td><code>{_esc(p['name'])}</code></td><td>{_esc(p['in'])}</td>"
        f"<td>{'yes' if p.get('required') else 'no'}</td><td>{_schema_type(p.get('schema', {}))}</td>"
        f"<td>{_constraints(p.get('schema', {}))}</td><td>{_inline(p.get('description', ''))}</td></tr>"
        for p in parameters
    )
    return (
        "<table><tr><th>Name</th><th>In</th><th>Required</th><th>Type</th><th>Constraints</th>"
        f"<th>Description</th></tr>{rows}</table>"
    )


def _error_codes(schema: Mapping[str, Any]) -> list[str]:
    for branch in schema.get("allOf", ()):
        code = branch.get("properties", {}).get("code", {}) if isinstance(branch, Mapping) else {}
        if "enum" in code:
            return [str(value) for value in code["enum"]]
    return []


def _responses_table(responses: Mapping[str, Any]) -> str:
    rows = []
    for status, response in responses.items():
        content = response.get("content", {})
        bodies = "<br>".join(
            f"<code>{_esc(media)}</code>: {_schema_type(media_object.get('schema', {}))}"
            for media, media_object in content.items()
        )
        codes = [code for media_object in content.values() for code in _error_codes(media_object.get("schema", {}))]
        codes_html = ", ".join(f"<code>{_esc(code)}</code>" for code in codes)
        headers = ", ".join(f"<code>{_esc(name)}</code>" for name in response.get("headers", {}))
        description = str(response.get("description", "")).split(" Codes: ")[0]  # the codes have their column
        rows.append(
            f"<tr><td><b>{_esc(status)}</b></td><td>{_inline(description)}</td><td>{bodies or '—'}</td>"
            f"<td>{codes_html or '—'}</td><td>{headers or '—'}</td></tr>"
        )
    return (
        "<table><tr><th>Status</th><th>Meaning</th><th>Body</th><th>Codes</th><th>Headers</th></tr>"
        f"{''.join(rows)}</table>"
    )


def _operation_html(method: str, path: str, operation: Mapping[str, Any]) -> str:
    scope = operation.get("x-required-scope")
    access = (
        f'<span class="scope">scope <code>{_esc(scope)}</code></span>'
        if scope
        else '<span class="open">no token needed</span>'
    )
    parts = [
        f'<section class="op" id="op-{_anchor(operation["operationId"])}">',
        f'<h3><span class="method {_esc(method)}">{_esc(method.upper())}</span>'
        f"<code>{_esc(SERVER_URL + path)}</code></h3>",
        f"<p><b>{_esc(operation.get('summary', ''))}</b> · {access} · "
        f'<span class="muted">operationId <code>{_esc(operation["operationId"])}</code></span></p>',
        _inline(operation.get("description", "")),
    ]
    if operation.get("parameters"):
        parts += ["<h4>Parameters</h4>", _parameters_table(operation["parameters"])]
    body = operation.get("requestBody")
    if body:
        for media, media_object in body.get("content", {}).items():
            required = "required" if body.get("required") else "optional"
            parts.append(
                f"<h4>Request body ({required})</h4><p><code>{_esc(media)}</code>: "
                f"{_schema_type(media_object.get('schema', {}))}</p>"
            )
            if "example" in media_object:
                parts.append(f"<pre>{_esc(json.dumps(media_object['example'], indent=2))}</pre>")
    parts += ["<h4>Responses</h4>", _responses_table(operation.get("responses", {})), "</section>"]
    return "".join(parts)


def _schema_html(name: str, schema: Mapping[str, Any]) -> str:
    header = f'<section id="schema-{_anchor(name)}"><h3>{_esc(name)}</h3>'
    if schema.get("description"):
        header += _inline(schema["description"])
    properties = schema.get("properties")
    if not isinstance(properties, Mapping):
        return f"{header}<p>{_schema_type(schema)}</p></section>"
    required = set(schema.get("required", ()))
    rows = "".join(
        f"<tr><td><code>{_esc(field_name)}</code></td><td>{'yes' if field_name in required else 'no'}</td>"
        f"<td>{_schema_type(field_schema)}</td><td>{_constraints(field_schema)}</td></tr>"
        for field_name, field_schema in properties.items()
    )
    extra = "" if schema.get("additionalProperties") is not False else "<p class=muted>Unknown fields are refused.</p>"
    return (
        f"{header}{extra}<table><tr><th>Field</th><th>Required</th><th>Type</th><th>Constraints</th></tr>"
        f"{rows}</table></section>"
    )


def render_docs(document: Mapping[str, Any]) -> str:
    """A readable, self-contained HTML reference of an OpenAPI document built by ``build_openapi``."""
    info = document.get("info", {})
    operations = [
        (method, path, operation)
        for path, methods in document.get("paths", {}).items()
        for method, operation in methods.items()
    ]
    sections = []
    toc = []
    for tag in document.get("tags", []):
        tagged = [item for item in operations if tag["name"] in item[2].get("tags", ())]
        if not tagged:
            continue
        anchor = f"tag-{_anchor(tag['name'])}"
        toc.append(f'<li><a href="#{anchor}">{_esc(tag["name"])}</a><ul>')
        toc.extend(
            f'<li><a href="#op-{_anchor(op["operationId"])}">{_esc(method.upper())} {_esc(path)}</a></li>'
            for method, path, op in tagged
        )
        toc.append("</ul></li>")
        sections.append(f'<h2 id="{anchor}">{_esc(tag["name"])}</h2>{_inline(tag.get("description", ""))}')
        sections.extend(_operation_html(method, path, op) for method, path, op in tagged)
    schemes = document.get("components", {}).get("securitySchemes", {})
    auth = "".join(
        f"<p><b>{_esc(name)}</b>: {_esc(scheme.get('type'))} {_esc(scheme.get('scheme', ''))} "
        f"({_esc(scheme.get('bearerFormat', ''))})</p>{_inline(scheme.get('description', ''))}"
        for name, scheme in schemes.items()
    )
    scope_rows = "".join(
        f"<tr><td><code>{_esc(method.upper())} {_esc(SERVER_URL + path)}</code></td>"
        f"<td>{_esc(op.get('x-required-scope') or '—')}</td></tr>"
        for method, path, op in operations
    )
    status_rows = "".join(
        f"<tr><td><b>{status}</b></td><td>{_inline(text)}</td></tr>" for status, text in STATUS_TEXT.items()
    )
    schemas = document.get("components", {}).get("schemas", {})
    return "".join(
        [
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width,initial-scale=1">',
            f"<title>{_esc(info.get('title', 'API'))} reference</title><style>{_CSS}</style></head><body><main>",
            f"<h1>{_esc(info.get('title', 'API'))}</h1>",
            f'<p class="muted">Version {_esc(info.get("version", ""))} · OpenAPI {_esc(document.get("openapi"))} · '
            f"base path <code>{_esc(SERVER_URL)}</code> · machine-readable: "
            '<a href="openapi.json">openapi.json</a></p>',
            _inline(info.get("description", "")),
            f"<nav><h2>Contents</h2><ul>{''.join(toc)}",
            '<li><a href="#auth">Authentication and scopes</a></li><li><a href="#errors">Errors</a></li>',
            '<li><a href="#schemas">Schemas</a></li></ul></nav>',
            f'<h2 id="auth">Authentication and scopes</h2>{auth}',
            f"<table><tr><th>Operation</th><th>Scope</th></tr>{scope_rows}</table>",
            '<h2 id="errors">Errors</h2><p>Every error is <code>application/problem+json</code>: '
            f'<a href="#schema-Problem">Problem</a>, with a stable <code>code</code> per status (listed with each '
            f"operation).</p><table><tr><th>Status</th><th>Meaning</th></tr>{status_rows}</table>",
            *sections,
            '<h2 id="schemas">Schemas</h2>',
            *(_schema_html(name, schema) for name, schema in schemas.items()),
            "</main></body></html>",
        ]
    )


@lru_cache(maxsize=1)
def docs_html() -> bytes:
    return render_docs(_cached_document()).encode("utf-8")
