"""One HTTP POST of a webhook to the address the SSRF guard checked, with its outcome as plain data.

Redirects are never followed (a 3xx is a failed attempt), environment proxies are ignored (they would connect
somewhere else than the checked address), and only the status line and headers of the answer are read.
"""

from __future__ import annotations

import logging
import ssl
import time
from dataclasses import dataclass
from datetime import datetime

import httpx

from shared.retry_after import retry_after_seconds
from shared.webhooks.ssrf import UrlNotAllowed, check_url

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SendResult:
    duration_ms: int
    status_code: int | None = None
    error: str | None = None  # a kind: timeout, connect_error, tls_error, address_not_allowed, ...
    retry_after_s: float | None = None

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300

    @property
    def gone(self) -> bool:
        return self.status_code == 410


def _is_tls_failure(error: BaseException) -> bool:
    seen: BaseException | None = error
    for _ in range(5):  # httpx wraps httpcore wraps ssl: look a few causes deep
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class WebhookSender:
    def __init__(
        self,
        *,
        allow_loopback: bool,
        timeout_s: float = 10.0,
        user_agent: str = "AudioFiles-Webhooks/1.0",
        verify: ssl.SSLContext | bool = True,
    ):
        self._allow_loopback = allow_loopback
        self._timeout = httpx.Timeout(timeout_s)
        self._user_agent = user_agent
        self._verify = verify

    def send(self, url: str, headers: dict[str, str], body: bytes, now: datetime) -> SendResult:
        started = time.monotonic()

        def elapsed_ms() -> int:
            return int((time.monotonic() - started) * 1000)

        try:
            target = check_url(url, allow_loopback=self._allow_loopback)
        except UrlNotAllowed as refused:
            kind = "dns_error" if refused.code == "webhook_url_unresolvable" else "address_not_allowed"
            return SendResult(duration_ms=elapsed_ms(), error=kind)
        request_headers = {
            **headers,
            "content-type": "application/json",
            "user-agent": self._user_agent,
            "host": target.host_header(),
        }
        sni = target.sni_hostname()
        extensions = {"sni_hostname": sni} if sni and target.url.scheme == "https" else {}
        try:
            # A client per attempt: pooled connections are keyed by address, and must not mix TLS names.
            with httpx.Client(
                timeout=self._timeout, follow_redirects=False, trust_env=False, verify=self._verify
            ) as client:
                request = client.build_request(
                    "POST", target.pinned_url(), headers=request_headers, content=body, extensions=extensions
                )
                response = client.send(request, stream=True)
                response.close()  # the body is of no interest; do not wait for it
        except httpx.TimeoutException:
            return SendResult(duration_ms=elapsed_ms(), error="timeout")
        except httpx.HTTPError as error:
            kind = "tls_error" if _is_tls_failure(error) else type(error).__name__
            kind = {"ConnectError": "connect_error", "RemoteProtocolError": "protocol_error"}.get(kind, kind)
            if kind not in ("tls_error", "connect_error", "protocol_error"):
                kind = "http_error"
            logger.info("Webhook to host %s failed: %s", target.url.host, kind)
            return SendResult(duration_ms=elapsed_ms(), error=kind)
        error_kind = "redirect_not_followed" if 300 <= response.status_code < 400 else None
        return SendResult(
            duration_ms=elapsed_ms(),
            status_code=response.status_code,
            error=error_kind,
            retry_after_s=retry_after_seconds(response.headers, now),
        )
