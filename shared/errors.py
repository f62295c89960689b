"""Domain errors. Each carries an HTTP status and a stable machine-readable code; one place maps them."""

from __future__ import annotations

from typing import Any


class ServiceError(Exception):
    """An error a client may see. ``detail`` must be safe to show: no internals, no secrets."""

    status = 500
    code = "internal_error"
    title = "Internal Server Error"

    def __init__(
        self,
        detail: str,
        *,
        code: str | None = None,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ):
        super().__init__(detail)
        self.detail = detail
        if code:
            self.code = code
        self.extra = extra or {}
        self.headers = headers or {}


class BadRequest(ServiceError):
    status, code, title = 400, "bad_request", "Bad Request"


class ValidationFailed(BadRequest):
    code = "validation_error"


class Unauthorized(ServiceError):
    status, code, title = 401, "unauthorized", "Unauthorized"


class Forbidden(ServiceError):
    status, code, title = 403, "insufficient_scope", "Forbidden"


class NotFound(ServiceError):
    status, code, title = 404, "not_found", "Not Found"


class MethodNotAllowed(ServiceError):
    status, code, title = 405, "method_not_allowed", "Method Not Allowed"


class Conflict(ServiceError):
    status, code, title = 409, "conflict", "Conflict"


class PayloadTooLarge(ServiceError):
    status, code, title = 413, "payload_too_large", "Payload Too Large"


class UnsupportedMediaType(ServiceError):
    status, code, title = 415, "unsupported_media_type", "Unsupported Media Type"


class TooManyRequests(ServiceError):
    status, code, title = 429, "throttled", "Too Many Requests"


class ServiceUnavailable(ServiceError):
    status, code, title = 503, "service_unavailable", "Service Unavailable"


class ConcurrencyConflict(Exception):
    """An ETag compare-and-swap lost a race. Internal: callers re-read and decide again."""
