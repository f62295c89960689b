"""A real webhook receiver on loopback: an http.server in a thread that records requests and answers as scripted."""

from __future__ import annotations

import ssl
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from standardwebhooks import Webhook

from tests.fakes import server as loopback
from tests.fakes.server import LoopbackServer
from tests.waiting import wait_for


@dataclass(frozen=True)
class Received:
    method: str
    path: str
    headers: dict[str, str]  # lower-case names
    body: bytes
    sni: str | None

    def verify(self, secret: str) -> object:
        """The parsed payload if the Standard Webhooks signature checks out with ``secret``; raises otherwise."""
        return Webhook(secret).verify(self.body, self.headers)


@dataclass(frozen=True)
class Answer:
    status: int = 204
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0


@dataclass
class Receiver:
    """Answers requests with ``script`` in order, then with ``default``; records everything it was sent."""

    port: int = 0
    scheme: str = "http"
    script: list[Answer] = field(default_factory=list)
    default: Answer = field(default_factory=Answer)
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str = "/hook", host: str = "127.0.0.1") -> str:
        return f"{self.scheme}://{host}:{self.port}{path}"

    def next_answer(self) -> Answer:
        with self.lock:
            return self.script.pop(0) if self.script else self.default

    def wait_for(self, count: int, timeout_s: float = 10.0) -> list[Received]:
        def arrived() -> list[Received] | None:
            with self.lock:
                return list(self.received) if len(self.received) >= count else None

        return wait_for(
            arrived, timeout_s, interval=0.02, message=lambda: f"expected {count} requests, got {len(self.received)}"
        )


def _handler_for(receiver: Receiver, sni_seen: dict[int, str | None]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:  # the only method webhooks use; anything else gets 405
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length)
            sni = sni_seen.get(id(self.connection)) if isinstance(self.connection, ssl.SSLSocket) else None
            with receiver.lock:
                receiver.received.append(
                    Received(
                        method="POST",
                        path=self.path,
                        headers={key.lower(): value for key, value in self.headers.items()},
                        body=body,
                        sni=sni,
                    )
                )
            answer = receiver.next_answer()
            if answer.delay_s:
                time.sleep(answer.delay_s)
            self.send_response(answer.status)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.send_header("content-length", "0")
            self.end_headers()

        def do_GET(self) -> None:
            self.send_response(405)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
            pass

    return Handler


@contextmanager
def running_receiver(receiver: Receiver | None = None, tls: ssl.SSLContext | None = None) -> Iterator[Receiver]:
    receiver = receiver or Receiver()
    sni_seen: dict[int, str | None] = {}
    if tls is not None:

        def remember_sni(sock: ssl.SSLObject | ssl.SSLSocket, name: str | None, _context: ssl.SSLContext) -> None:
            sni_seen[id(sock)] = name

        tls.sni_callback = remember_sni
    with LoopbackServer(_handler_for(receiver, sni_seen), tls=tls, name="webhook-receiver") as server:
        receiver.scheme, receiver.port = server.scheme, server.port
        yield receiver


@dataclass(frozen=True)
class SelfSignedCertificate:
    server_context: ssl.SSLContext
    client_context: ssl.SSLContext  # trusts only this certificate


def self_signed_certificate(host_name: str) -> SelfSignedCertificate:
    """A certificate valid for ``host_name`` only (not for 127.0.0.1), and contexts using it."""
    with tempfile.TemporaryDirectory() as directory:
        cert_path, key_path = loopback.self_signed_certificate(Path(directory), dns_names=(host_name,), ip_addresses=())
        server_context = loopback.tls_server_context(cert_path, key_path)
        cert_pem = cert_path.read_bytes()
    client_context = ssl.create_default_context(cadata=cert_pem.decode())
    return SelfSignedCertificate(server_context=server_context, client_context=client_context)
