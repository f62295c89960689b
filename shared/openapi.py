"""The OpenAPI 3.1 document of the HTTP API, built from the ``Route`` each HTTP function is declared with.

A ``Route`` names one operation: method, path, scope, query/body/response models and the error statuses and
codes it can answer with. ``ApiBlueprint.endpoint`` (shared/http.py) registers the function from it, so the
Functions registration and the document cannot disagree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, models_json_schema

from shared.auth import SCOPES
from shared.models.base import WireModel

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
    missing: list[str] | None = None  # in Azure: the tables, containers and queues storage lacks
    recreated: list[str] | None = None  # locally: the ones the app had to create again


# --- Route declarations ------------------------------------------------------------------------------------


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

TAGS = (
    ("Audio files", "Upload, list, download and delete call recordings."),
    ("Processing", "Transcription and evaluation: queue it, follow it, read the results."),
    ("Webhooks", "Subscriptions to processing events, signed per Standard Webhooks, and their delivery log."),
    ("Service", "Health and this reference (try it with a pasted token); no token needed to read them."),
    ("Console", "The review console's page and files; no token needed (the page signs in in the browser)."),
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


def build_openapi(routes: Sequence[Route]) -> dict[str, Any]:
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
