"""The review console at /console: a static page that calls this API (under /api) from the browser.

Locally it signs in with a pasted development token; in Azure with MSAL.js against the API's own Entra app
registration (docs/entra-id.md). The token stays in the page's memory: nothing here stores or sees it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal
from urllib.parse import urlsplit

import azure.functions as func

from shared.auth import READ_UNREDACTED_SCOPE, REVIEW_SCOPE, SCOPES
from shared.config import AuthMode, Settings, get_settings
from shared.http import ApiBlueprint, json_response
from shared.models.base import WireModel
from shared.openapi import SITE_ROOT, PathParam, Reply, Route
from shared.storage.clients import get_storage_clients
from shared.web.static import FILE_NAME_PATTERN, VENDOR_DIR, WEB_ROOT, StaticFiles

# A site page beside the API, not part of it: served from the root, and not in the OpenAPI document.
bp = ApiBlueprint(under=SITE_ROOT)
TAG = "Console"
_FILES = StaticFiles((WEB_ROOT / "console", VENDOR_DIR))
# What the console asks for; webhooks are managed elsewhere, unredacted content is not for everyday review, and
# the console records no reviewer verdicts (an admin-consented permission its users need not hold).
CONSOLE_SCOPES = tuple(
    scope for scope in SCOPES if scope.startswith("audio:") and scope not in (READ_UNREDACTED_SCOPE, REVIEW_SCOPE)
)


class ConsoleConfigBody(WireModel):
    """How the console signs in: a pasted token locally, MSAL.js with the API's app registration in Azure."""

    sign_in: Literal["token", "entra"]
    client_id: str | None = None
    authority: str | None = None
    scopes: list[str] = []


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def console_config(settings: Settings) -> ConsoleConfigBody:
    if settings.auth_mode is AuthMode.LOCAL:
        return ConsoleConfigBody(sign_in="token")
    assert settings.auth_audience and settings.auth_issuer  # required in entra mode (Settings checks)
    audiences = [value.strip() for value in settings.auth_audience.split(",") if value.strip()]
    client_id = next((value for value in audiences if not value.startswith("api://")), audiences[0])
    client_id = client_id.removeprefix("api://")
    return ConsoleConfigBody(
        sign_in="entra",
        client_id=client_id,
        authority=settings.auth_issuer.rstrip("/").removesuffix("/v2.0"),
        scopes=[f"api://{client_id}/{scope}" for scope in CONSOLE_SCOPES],
    )


@lru_cache(maxsize=1)
def page_policy() -> str:
    """The console calls this API, reads and writes blobs through SAS URLs, and (in Azure) signs in with Entra."""
    settings = get_settings()
    storage = _origin(get_storage_clients().blob.url)
    config = console_config(settings)
    sign_in = _origin(config.authority) if config.authority else ""
    connect = " ".join(filter(None, ("'self'", storage, sign_in)))
    frames = f"frame-src {sign_in}; " if sign_in else ""
    # wavesurfer.js styles its shadow DOM with a <style> element, hence 'unsafe-inline' for styles only.
    return (
        f"default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        f"connect-src {connect}; media-src {storage} blob:; {frames}base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    )


@bp.public_endpoint(Route(
    "GET", "/console", "getConsole", "The review console", TAG, None,
    (Reply(200, "The console page.", raw_schema={"type": "string"}, media_type="text/html"),),
    {500: ("internal_error",)},
))  # fmt: skip
def review_console(req: func.HttpRequest) -> func.HttpResponse:
    return _FILES.response("index.html", {"Content-Security-Policy": page_policy()})


@bp.public_endpoint(Route(
    "GET", "/console/config.json", "getConsoleConfig", "How the console signs in", TAG, None,
    (Reply(200, "The sign-in method and, in Azure, the MSAL.js settings (no secrets).", ConsoleConfigBody),),
    {500: ("internal_error",)},
))  # fmt: skip
def review_console_config(req: func.HttpRequest) -> func.HttpResponse:
    return json_response(console_config(get_settings()))


@bp.public_endpoint(Route(
    "GET", "/console/{file}", "getConsoleFile", "A script or style sheet of the console", TAG, None,
    (Reply(200, "The file.", raw_schema={"type": "string"}, media_type="text/javascript",
           text_media_types=("text/css",)),),
    {404: ("file_not_found",), 500: ("internal_error",)},
    path_params=(PathParam("file", FILE_NAME_PATTERN, "A file name, e.g. `console.js`."),),
))  # fmt: skip
def review_console_file(req: func.HttpRequest) -> func.HttpResponse:
    return _FILES.response(req.route_params.get("file", ""), {"Content-Security-Policy": page_policy()})
