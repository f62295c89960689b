"""The HTTP adapter layer: parse and validate requests, authenticate, and turn every outcome into a response.

Handlers stay small: ``@bp.endpoint(route)`` registers the function its ``Route`` declares, authenticates,
requires the route's scope and maps any error to one problem+json shape.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any, TypeVar

import azure.functions as func
from azure.core.exceptions import HttpResponseError, ServiceRequestError, ServiceResponseError
from pydantic import BaseModel, ValidationError

from shared.auth import Principal, bearer_token, get_validator
from shared.dependencies import get_dependencies
from shared.errors import (
    BadRequest,
    PayloadTooLarge,
    ServiceError,
    ServiceUnavailable,
    TooManyRequests,
    UnsupportedMediaType,
    ValidationFailed,
)
from shared.models.base import WireModel
from shared.openapi import Route
from shared.storage.errors import is_missing_resource

logger = logging.getLogger(__name__)

PROBLEM_TYPE_BASE = "urn:audio-files:problem:"
MAX_JSON_BODY_BYTES = 64 * 1024
_SECURITY_HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}

ModelT = TypeVar("ModelT", bound=BaseModel)


def json_response(
    body: WireModel | dict[str, Any], status: int = 200, headers: dict[str, str] | None = None
) -> func.HttpResponse:
    payload = body.to_wire() if isinstance(body, WireModel) else body
    return func.HttpResponse(
        json.dumps(payload, separators=(",", ":"), ensure_ascii=False, default=str),
        status_code=status,
        mimetype="application/json",
        charset="utf-8",
        headers={**_SECURITY_HEADERS, **(headers or {})},
    )


def text_response(text: str | bytes, mimetype: str, headers: dict[str, str] | None = None) -> func.HttpResponse:
    return func.HttpResponse(
        text,
        status_code=200,
        mimetype=mimetype,
        charset="utf-8",
        headers={**_SECURITY_HEADERS, **(headers or {})},
    )


def problem_response(error: ServiceError) -> func.HttpResponse:
    body = {
        "type": f"{PROBLEM_TYPE_BASE}{error.code}",
        "title": error.title,
        "status": error.status,
        "detail": error.detail,
        "code": error.code,
        **error.extra,
    }
    headers = {**_SECURITY_HEADERS, **error.headers}
    if error.status == 401:
        description = error.detail.replace('"', "'")
        headers["WWW-Authenticate"] = f'Bearer error="invalid_token", error_description="{description}"'
        if error.code == "missing_token":
            headers["WWW-Authenticate"] = "Bearer"
    elif error.status == 403:
        headers["WWW-Authenticate"] = 'Bearer error="insufficient_scope"'
    return func.HttpResponse(
        json.dumps(body, separators=(",", ":")),
        status_code=error.status,
        mimetype="application/problem+json",
        charset="utf-8",
        headers=headers,
    )


def validation_problem(error: ValidationError, where: str) -> ValidationFailed:
    """A 400 listing each invalid field by its wire name, without echoing the input back."""
    problems = []
    for item in error.errors(include_url=False, include_input=False, include_context=False):
        location = ".".join(str(part) for part in item["loc"]) or where
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "extra_forbidden":
            message = "is not a known field"
        problems.append({"field": location, "message": message})
    summary = "; ".join(f"{p['field']}: {p['message']}" for p in problems[:5])
    return ValidationFailed(f"Invalid {where}: {summary}", extra={"errors": problems})


def parse_query(request: func.HttpRequest, model: type[ModelT]) -> ModelT:
    try:
        return model.model_validate(dict(request.params))
    except ValidationError as error:
        raise validation_problem(error, "query parameters") from None


def parse_json_body(request: func.HttpRequest, model: type[ModelT], *, allow_empty: bool = False) -> ModelT:
    raw = request.get_body() or b""
    if len(raw) > MAX_JSON_BODY_BYTES:
        raise PayloadTooLarge(f"The request body is larger than {MAX_JSON_BODY_BYTES} bytes.", code="body_too_large")
    if not raw.strip():
        if allow_empty:
            return model.model_validate({})
        raise BadRequest("The request needs a JSON body.", code="missing_body")
    content_type = (request.headers.get("content-type") or "application/json").split(";")[0].strip().lower()
    if content_type != "application/json" and not content_type.endswith("+json"):
        raise UnsupportedMediaType("Send the body as application/json.", code="unsupported_media_type")
    try:
        data = json.loads(raw)
    # UnicodeDecodeError is a ValueError; RecursionError means nested too deeply, still the client's mistake.
    except (ValueError, RecursionError):
        raise BadRequest("The request body is not valid JSON.", code="malformed_json") from None
    if not isinstance(data, dict):
        raise BadRequest("The request body must be a JSON object.", code="malformed_json")
    try:
        # Strict: JSON types as documented (true, not 0 or "yes"; 10, not "10"; dates as ISO 8601 strings).
        return model.model_validate_json(raw, strict=True)
    except ValidationError as error:
        raise validation_problem(error, "request body") from None


def storage_unavailable(detail: str = "Storage is unavailable; try again shortly.") -> ServiceUnavailable:
    return ServiceUnavailable(detail, code="storage_unavailable", headers={"Retry-After": "5"})


def _storage_error(error: Exception) -> ServiceError | None:
    """The one mapping of storage SDK failures: unreachable, timed out, busy or missing a table, container or
    queue is a 503 with Retry-After (never a 500), throttling a 429."""
    if isinstance(error, (ServiceRequestError, ServiceResponseError)):  # timeouts included
        return storage_unavailable()
    if is_missing_resource(error):
        return storage_unavailable("Storage is not ready: a table, container or queue is missing; try again shortly.")
    if isinstance(error, HttpResponseError):
        if error.status_code == 503 or error.status_code == 500:
            return storage_unavailable("Storage is busy; try again shortly.")
        if error.status_code == 429:
            return TooManyRequests("Too many requests; try again shortly.", headers={"Retry-After": "5"})
    return None


def authenticate(request: func.HttpRequest) -> Principal:
    return get_validator().validate(bearer_token(request.headers.get("authorization")))


Handler = Callable[[func.HttpRequest, Principal], func.HttpResponse]
PublicHandler = Callable[[func.HttpRequest], func.HttpResponse]


def api_endpoint(scope: str) -> Callable[[Handler], PublicHandler]:
    """Authenticate, require ``scope``, run the handler, and map every failure to problem+json."""

    def decorate(handler: Handler) -> PublicHandler:
        def wrapper(req: func.HttpRequest) -> func.HttpResponse:
            return handle_errors(lambda: _authorized(req, scope, handler), handler.__name__)

        return _named_after(wrapper, handler)

    return decorate


def _named_after(wrapper: PublicHandler, handler: Callable[..., func.HttpResponse]) -> PublicHandler:
    """The Functions name is the Python name. Not functools.wraps: its __wrapped__ would show the indexer the
    handler's own signature, whose 'principal' has no binding."""
    wrapper.__name__, wrapper.__qualname__, wrapper.__doc__ = handler.__name__, handler.__qualname__, handler.__doc__
    return wrapper


def _authorized(req: func.HttpRequest, scope: str, handler: Handler) -> func.HttpResponse:
    principal = authenticate(req)
    principal.require(scope)
    return handler(req, principal)


def handle_errors(call: Callable[[], func.HttpResponse], operation: str) -> func.HttpResponse:
    try:
        return call()
    except ServiceError as error:
        if error.status >= 500:
            logger.warning("%s answered %s (%s)", operation, error.status, error.code)
        return problem_response(error)
    except Exception as error:  # the one place unknown failures become a generic answer
        mapped = _storage_error(error)
        if mapped is not None:
            logger.warning("%s: storage error %s", operation, type(error).__name__)
            _restore_missing_storage(error)
            return problem_response(mapped)
        logger.exception("Unhandled error in %s", operation)
        return problem_response(ServiceError("An unexpected error occurred.", code="internal_error"))


def _restore_missing_storage(error: Exception) -> None:
    """Locally, a missing table, container or queue is created again, so the client's retry succeeds."""
    if is_missing_resource(error):
        try:
            get_dependencies().resources.restore_after(error)
        except Exception as failure:  # storage trouble again: the 503 already says to retry
            logger.warning("Could not restore storage resources (%s).", type(failure).__name__)


class ApiBlueprint(func.Blueprint):
    """A blueprint whose HTTP functions are each declared by one ``Route``.

    ``endpoint(route)`` registers the function (route, method, anonymous at the Functions level), wraps it to
    authenticate and require the route's scope, and keeps the route so the OpenAPI document is built from the
    very declarations the app registers.
    """

    def __init__(self) -> None:
        super().__init__(http_auth_level=func.AuthLevel.ANONYMOUS)
        self.routes: list[Route] = []

    def endpoint(self, route: Route) -> Callable[[Handler], PublicHandler]:
        scope = route.scope
        if scope is None:
            raise ValueError(f"{route.operation_id} has no scope: declare it with public_endpoint")
        return lambda handler: self._register(route, api_endpoint(scope)(handler))

    def public_endpoint(self, route: Route) -> Callable[[PublicHandler], PublicHandler]:
        """An operation that needs no token (health, the API's own description, the console's files)."""
        if route.scope is not None:
            raise ValueError(f"{route.operation_id} needs {route.scope}: declare it with endpoint")

        def decorate(handler: PublicHandler) -> PublicHandler:
            def wrapper(req: func.HttpRequest) -> func.HttpResponse:
                return handle_errors(lambda: handler(req), handler.__name__)

            return self._register(route, _named_after(wrapper, handler))

        return decorate

    def _register(self, route: Route, function: PublicHandler) -> PublicHandler:
        self.routes.append(route)
        register = self.route(route=route.path.lstrip("/"), methods=[route.method], auth_level=func.AuthLevel.ANONYMOUS)
        register(function)
        return function
