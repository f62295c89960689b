"""The API's own description, no token needed: the OpenAPI document and Swagger UI over it ("try it" with a
pasted token). The document describes every HTTP function the app serves under /api, this blueprint's included
(the console's pages are the site's, not the API's)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import azure.functions as func

from shared.blueprints import audio_files, backtests, health, reviews, scorecards, webhooks
from shared.http import ApiBlueprint, text_response
from shared.openapi import PathParam, Reply, Route, build_openapi
from shared.web.static import FILE_NAME_PATTERN, VENDOR_DIR, WEB_ROOT, StaticFiles

bp = ApiBlueprint()
TAG = "Service"
# Built once per process from code, so caching it for a few minutes is safe; a deploy changes it.
_CACHE = {"Cache-Control": "public, max-age=300"}
# Swagger UI sets inline styles and data: images; it calls only this origin (the API) for "try it".
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_FILES = StaticFiles((WEB_ROOT / "docs", VENDOR_DIR))


def api_routes() -> Sequence[Route]:
    """Every API route of the app, as declared where its function is registered."""
    return (
        *health.bp.routes, *bp.routes, *audio_files.bp.routes, *scorecards.bp.routes, *reviews.bp.routes,
        *backtests.bp.routes, *webhooks.bp.routes,
    )  # fmt: skip


@lru_cache(maxsize=1)
def openapi_json() -> bytes:
    """The document, built once per process."""
    return json.dumps(build_openapi(api_routes()), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def get_openapi() -> dict[str, Any]:
    """The document as a new dict each call, so callers may change it."""
    document: dict[str, Any] = json.loads(openapi_json())
    return document


@bp.public_endpoint(Route(
    "GET", "/v1/openapi.json", "getOpenApi", "This OpenAPI document", TAG, None,
    (Reply(200, "The OpenAPI 3.1 document.", raw_schema={"type": "object"}),), {500: ("internal_error",)},
))  # fmt: skip
def openapi_document(req: func.HttpRequest) -> func.HttpResponse:
    return text_response(openapi_json(), "application/json", _CACHE)


@bp.public_endpoint(Route(
    "GET", "/v1/docs", "getDocs", "This reference, interactive (Swagger UI)", TAG, None,
    (Reply(200, "The reference page; paste a token under Authorize to try calls.", raw_schema={"type": "string"},
           media_type="text/html"),),
    {500: ("internal_error",)},
))  # fmt: skip
def api_docs(req: func.HttpRequest) -> func.HttpResponse:
    return _FILES.response("index.html", {"Content-Security-Policy": PAGE_POLICY})


@bp.public_endpoint(Route(
    "GET", "/v1/docs/{file}", "getDocsFile", "A script or style sheet of the reference page", TAG, None,
    (Reply(200, "The file.", raw_schema={"type": "string"}, media_type="text/javascript",
           text_media_types=("text/css",)),),
    {404: ("file_not_found",), 500: ("internal_error",)},
    path_params=(PathParam("file", FILE_NAME_PATTERN, "A file name, e.g. `swagger-ui-bundle.js`."),),
))  # fmt: skip
def api_docs_file(req: func.HttpRequest) -> func.HttpResponse:
    return _FILES.response(req.route_params.get("file", ""), {"Content-Security-Policy": PAGE_POLICY})
