"""The API's own description, no token needed: the OpenAPI document and an HTML reference built from it."""

from __future__ import annotations

import azure.functions as func

from shared.http import handle_errors, text_response
from shared.openapi import docs_html, openapi_json

bp = func.Blueprint()
ANONYMOUS = func.AuthLevel.ANONYMOUS
# Built once per process from code, so caching it for a few minutes is safe; a deploy changes it.
_CACHE = {"Cache-Control": "public, max-age=300"}
# The page is self-contained: inline CSS only, no scripts, frames, images or fonts from anywhere.
_PAGE_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def openapi_response() -> func.HttpResponse:
    return text_response(openapi_json(), "application/json", _CACHE)


def docs_response() -> func.HttpResponse:
    return text_response(docs_html(), "text/html", {**_CACHE, "Content-Security-Policy": _PAGE_POLICY})


@bp.route(route="v1/openapi.json", methods=["GET"], auth_level=ANONYMOUS)
def openapi_document(req: func.HttpRequest) -> func.HttpResponse:
    return handle_errors(openapi_response, "openapi_document")


@bp.route(route="v1/docs", methods=["GET"], auth_level=ANONYMOUS)
def api_docs(req: func.HttpRequest) -> func.HttpResponse:
    return handle_errors(docs_response, "api_docs")
