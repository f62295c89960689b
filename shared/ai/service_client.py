"""The one HTTP client layer for the Azure AI services (Speech, OpenAI): credentials, retries, error parsing.

Both services authenticate with a key header or a Microsoft Entra token for the Cognitive Services scope, answer
throttling with 429 and ``Retry-After`` (or ``retry-after-ms``), and describe errors as ``{"error": {"code",
"message"}}``. This module does all of that once, and turns every failure into an ``EngineError`` whose code
starts with the engine's prefix (``transcription_`` or ``evaluation_``):

- ``<prefix>_auth_failed`` (final): 401/403, or a credential that is refused;
- ``<prefix>_throttled`` / ``<prefix>_unavailable`` (retryable): 429, or 408/5xx/transport errors, once the
  retries are spent or the service asks for a longer wait than ``max_retry_wait_s`` (handed back in
  ``retry_after_s`` for the queue to honour), or a credential that cannot reach its identity endpoint;
- ``<prefix>_rejected`` (final): any other 4xx, unless the engine's ``rejected`` hook maps it more precisely.
"""

from __future__ import annotations

import logging
import random
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx
from azure.core.credentials import TokenCredential
from azure.core.exceptions import AzureError, ClientAuthenticationError

from shared.ai.errors import EngineError
from shared.retry_after import retry_after_seconds

logger = logging.getLogger(__name__)

AUTH_SCOPE = "https://cognitiveservices.azure.com/.default"
# Longest backoff between two retries when the service gives no Retry-After.
MAX_BACKOFF_S = 30.0
_RETRYABLE_STATUS = frozenset({408, 429})
_URL_PATTERN = re.compile(r"https?://\S+", re.IGNORECASE)


@dataclass(frozen=True)
class Refusal:
    """A final 4xx answer (not 401/403), parsed: what an engine's ``rejected`` hook maps to an ``EngineError``."""

    status: int
    code: str | None  # the service's error code, with the inner error's after a slash
    message: str | None  # the service's message; may quote the request, so never logged
    operation: str


class ServiceClient:
    """Sends requests to one Azure AI service. One instance holds one HTTP client: reuse it, close it.

    Redirects are not followed (a redirect would carry the key or token to wherever it points), and query
    strings are dropped from httpx's request log lines (result files are fetched from SAS URLs).
    """

    def __init__(
        self,
        *,
        service: str,
        error_prefix: str,
        key_header: str,
        credential: TokenCredential | None = None,
        api_key: str | None = None,
        timeout: float,
        max_retries: int,
        max_retry_wait_s: float,
        backoff_base_s: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
        rejected: Callable[[Refusal], EngineError] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        if (credential is None) == (api_key is None):
            raise ValueError(f"{service} needs exactly one of credential or api_key.")
        if max_retries < 0:
            raise ValueError("max_retries must be >= 0")
        self.service = service
        self._prefix = error_prefix
        self._key_header = key_header
        self._credential = credential
        self._api_key = api_key
        self._max_retries = max_retries
        self._max_retry_wait_s = max_retry_wait_s
        self._backoff_base_s = backoff_base_s
        self.sleep = sleep
        self._rejected = rejected or self._default_rejection
        _redact_httpx_request_logs()
        self._owns_client = http_client is None
        self._client = http_client or httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=False,
            headers={"User-Agent": "audio-files-service"},
        )

    def close(self) -> None:
        if self._owns_client:
            self._client.close()

    def auth_headers(self) -> dict[str, str]:
        if self._api_key is not None:
            return {self._key_header: self._api_key}
        assert self._credential is not None
        try:
            token = self._credential.get_token(AUTH_SCOPE)
        except ClientAuthenticationError as exc:  # the identity is refused or not set up: retrying won't help
            logger.warning("Could not get a token for %s: %s", self.service, type(exc).__name__)
            raise EngineError(
                f"{self._prefix}_auth_failed", f"Could not get a token for {self.service}.", retryable=False
            ) from exc
        except AzureError as exc:  # e.g. the identity endpoint could not be reached: may pass on a retry
            logger.warning("Could not get a token for %s: %s", self.service, type(exc).__name__)
            raise EngineError(
                f"{self._prefix}_unavailable", f"Could not get a token for {self.service}.", retryable=True
            ) from exc
        return {"Authorization": f"Bearer {token.token}"}

    def request(
        self,
        method: str,
        url: str,
        *,
        operation: str,
        body: Callable[[], Mapping[str, Any]] | None = None,
        authenticated: bool = True,
        retries: int | None = None,
    ) -> httpx.Response:
        """Send a request and return its 2xx/3xx answer; retry throttling, server errors and transport failures.

        ``body`` returns httpx keyword arguments (``json``, ``files``, ``params``...) afresh for every attempt, so
        a retry can rewind what it uploads. ``retries`` overrides ``max_retries`` (0 for best-effort calls).
        """
        most = self._max_retries if retries is None else retries
        attempt = 0
        while True:
            retry_after: float | None = None
            status: int | None = None
            headers = self.auth_headers() if authenticated else {}
            try:
                response = self._client.request(method, url, headers=headers, **(body() if body else {}))
            except httpx.TransportError as exc:  # connection refused or reset, timeouts
                failure = type(exc).__name__
            else:
                status = response.status_code
                if status < 400:
                    return response
                if status not in _RETRYABLE_STATUS and status < 500:
                    raise self._refusal(response, operation)
                retry_after = retry_after_seconds(response.headers)
                failure = f"HTTP {status}"
            if attempt >= most or (retry_after is not None and retry_after > self._max_retry_wait_s):
                logger.warning("%s %s failed (%s) after %d attempt(s)", self.service, operation, failure, attempt + 1)
                if status == 429:
                    code, message = "throttled", f"{self.service} is throttling requests ({operation})."
                else:
                    code, message = "unavailable", f"{self.service} is unavailable ({operation}: {failure})."
                raise EngineError(f"{self._prefix}_{code}", message, retryable=True, retry_after_s=retry_after)
            delay = retry_after if retry_after is not None else self.backoff(attempt)
            logger.warning(
                "%s %s failed (%s); retry %d of %d in %.2f s",
                self.service,
                operation,
                failure,
                attempt + 1,
                most,
                delay,
            )
            self.sleep(delay)
            attempt += 1

    def backoff(self, attempt: int) -> float:
        """Exponential from ``backoff_base_s``, half of it random, so workers throttled together spread out."""
        ceiling = min(MAX_BACKOFF_S, self._backoff_base_s * 2**attempt)
        return ceiling / 2 + random.uniform(0, ceiling / 2)

    def _refusal(self, response: httpx.Response, operation: str) -> EngineError:
        code, message = service_error(response)
        status = response.status_code
        # The service's message can quote the request (transcript text): only the status and code are logged.
        logger.warning("%s %s refused: HTTP %d (%s)", self.service, operation, status, code)
        if status in (401, 403):
            return EngineError(
                f"{self._prefix}_auth_failed",
                # The gateway's code for these is the status again ("401"), which adds nothing.
                failure_message(f"{self.service} refused the credentials (HTTP {status})", None, None),
                retryable=False,
            )
        return self._rejected(Refusal(status, code, message, operation))

    def _default_rejection(self, refusal: Refusal) -> EngineError:
        prefix = f"{self.service} rejected the {refusal.operation} request (HTTP {refusal.status})"
        return EngineError(
            f"{self._prefix}_rejected", failure_message(prefix, refusal.code, refusal.message), retryable=False
        )


def service_error(response: httpx.Response) -> tuple[str | None, str | None]:
    """The error code and message of an error answer: {code, message} or {error: {code, message}}."""
    try:
        payload = response.json()
    except ValueError:
        return None, None
    if not isinstance(payload, dict):
        return None, None
    error = payload.get("error", payload)
    if not isinstance(error, dict):
        return None, None
    code, message = error.get("code"), error.get("message")
    inner = error.get("innerError")
    if isinstance(inner, dict) and isinstance(inner.get("code"), str):
        code = f"{code}/{inner['code']}" if code else inner["code"]
    return (str(code) if code is not None else None), (message if isinstance(message, str) else None)


def failure_message(prefix: str, code: str | None, message: str | None) -> str:
    """A client-safe message: the service's code and message, minus URLs (they may carry SAS tokens)."""
    text = prefix + (f" ({code})" if code else "")
    if message:
        cleaned = _URL_PATTERN.sub("<url>", message).strip()
        text += f": {cleaned[:300]}"
    return text if text.endswith(".") else text + "."


class _RedactUrlQueries(logging.Filter):
    """Drops query strings from URLs in httpx's "HTTP Request: ..." log lines.

    Batch transcription results are fetched from SAS URLs; httpx logs every request URL at INFO, which would put
    a token that reads the transcript into the application's logs.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and any(isinstance(arg, httpx.URL) for arg in record.args):
            record.args = tuple(
                arg.copy_with(query=None, fragment=None) if isinstance(arg, httpx.URL) else arg for arg in record.args
            )
        return True


def _redact_httpx_request_logs() -> None:
    httpx_logger = logging.getLogger("httpx")
    if not any(isinstance(existing, _RedactUrlQueries) for existing in httpx_logger.filters):
        httpx_logger.addFilter(_RedactUrlQueries())


__all__ = ["AUTH_SCOPE", "Refusal", "ServiceClient", "failure_message", "service_error"]
