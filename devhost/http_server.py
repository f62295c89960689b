"""The HTTP front end: routes requests under host.json routePrefix to HTTP-triggered functions.

Behaves as Core Tools does locally: function keys are not checked, a route that matches with the wrong method
is a 404, an unhandled exception is a 500 with an empty body, and bodies over the limit get 413.
"""

from __future__ import annotations

import http
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import azure.functions as func

from devhost.functions import FunctionSpec
from devhost.invoker import Invoker
from devhost.routing import RouteTable

logger = logging.getLogger(__name__)

_CHUNK_LINE_LIMIT = 4096


class RequestBodyTooLarge(Exception):
    pass


class BadRequest(Exception):
    pass


class HttpFrontEnd:
    def __init__(
        self,
        functions: list[FunctionSpec],
        invoker: Invoker,
        *,
        route_prefix: str,
        bind_host: str,
        port: int,
        max_request_body_bytes: int,
    ) -> None:
        self.routes: RouteTable[FunctionSpec] = RouteTable()
        for spec in functions:
            methods = [str(getattr(m, "value", m)) for m in spec.trigger.methods] if spec.trigger.methods else None
            self.routes.add(spec.trigger.route or spec.name, route_prefix, methods, spec)
        self.invoker = invoker
        self.max_request_body_bytes = max_request_body_bytes
        self._server = _Server((bind_host, port), _RequestHandler)
        self._server.front_end = self
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> None:
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="devhost-http", daemon=True
        )
        self._thread.start()

    def stop_accepting(self) -> None:
        """Stop taking new requests; requests already running finish on their own threads."""
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=10)
        self._server.server_close()


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a handler stuck past stop() must not block process exit
    allow_reuse_address = True
    # socketserver's default backlog of 5 reset connections of a burst; the kernel caps this at somaxconn.
    request_queue_size = 1024
    front_end: HttpFrontEnd


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes: with Nagle's algorithm on, delayed ACKs held every
    # keep-alive response back ~45 ms (measured by bench.api), hiding the app's own cost.
    disable_nagle_algorithm = True
    server: _Server

    def do_GET(self) -> None:
        try:
            self._handle()
        except Exception:
            logger.exception("Local host failure while serving %s %s", self.command, urlsplit(self.path).path)
            self._send_empty(http.HTTPStatus.INTERNAL_SERVER_ERROR, close=True)

    # TRACE and QUERY too: Core Tools answers any unrouted method with 404, not http.server's 501.
    do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = do_TRACE = do_QUERY = do_GET

    def handle_expect_100(self) -> bool:
        # Refuse an oversized upload before the client sends it.
        declared = self.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.server.front_end.max_request_body_bytes:
            self._send_empty(http.HTTPStatus.REQUEST_ENTITY_TOO_LARGE, close=True)
            return False
        return super().handle_expect_100()

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s - %s", self.address_string(), format % args)

    def _handle(self) -> None:
        front_end = self.server.front_end
        split = urlsplit(self.path)
        resolved = front_end.routes.resolve(self.command, split.path)
        if resolved is None:
            self._drain_body_quietly()
            if self.command == "GET" and split.path in ("", "/"):
                self._send(200, {"Content-Type": "text/html; charset=utf-8"}, [], _LANDING_PAGE)
            elif self.command == "GET" and split.path.rstrip("/").lower() == "/admin/host/status":
                self._send(200, {"Content-Type": "application/json; charset=utf-8"}, [], b'{"state":"Running"}')
            else:
                self._send_empty(http.HTTPStatus.NOT_FOUND)
            return
        spec, route_params = resolved
        try:
            body = self._read_body(front_end.max_request_body_bytes)
        except RequestBodyTooLarge:
            self._send_empty(http.HTTPStatus.REQUEST_ENTITY_TOO_LARGE, close=True)
            return
        except BadRequest:
            self._send_empty(http.HTTPStatus.BAD_REQUEST, close=True)
            return
        request = func.HttpRequest(
            self.command,
            f"http://{self.headers.get('Host') or f'127.0.0.1:{front_end.port}'}{self.path}",
            headers=_joined(self.headers.items()),
            params=_joined(parse_qsl(split.query, keep_blank_values=True)),
            route_params=route_params,
            body=body,
        )
        try:
            result = front_end.invoker.invoke(spec, request, trigger_detail=f" {self.command} {split.path}")
            status, headers, cookies, payload = _to_http_response(spec.name, result)
        except Exception:
            # Logged by the invoker; like Functions, the client sees a bare 500.
            self._send_empty(http.HTTPStatus.INTERNAL_SERVER_ERROR)
            return
        self._send(status, headers, cookies, payload)

    def _read_body(self, limit: int) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked(limit)
        declared = self.headers.get("Content-Length")
        if declared is None:
            return b""
        if not declared.strip().isdigit():
            raise BadRequest
        length = int(declared)
        if length > limit:
            raise RequestBodyTooLarge
        body = self.rfile.read(length)
        if len(body) != length:
            raise BadRequest
        return body

    def _read_chunked(self, limit: int) -> bytes:
        body = bytearray()
        while True:
            size_line = self.rfile.readline(_CHUNK_LINE_LIMIT)
            try:
                size = int(size_line.split(b";", 1)[0].strip(), 16)
            except ValueError as error:
                raise BadRequest from error
            if size == 0:
                while self.rfile.readline(_CHUNK_LINE_LIMIT) not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                return bytes(body)
            if len(body) + size > limit:
                raise RequestBodyTooLarge
            body += self.rfile.read(size)
            self.rfile.readline(_CHUNK_LINE_LIMIT)

    def _drain_body_quietly(self) -> None:
        """Read a small unrouted body so the connection can be reused; close on anything else."""
        declared = self.headers.get("Content-Length")
        if declared and declared.isdigit() and 0 < int(declared) <= 1_048_576:
            self.rfile.read(int(declared))
        elif declared not in (None, "0") or self.headers.get("Transfer-Encoding"):
            self.close_connection = True

    def _send_empty(self, status: http.HTTPStatus, close: bool = False) -> None:
        self._send(int(status), {}, [], b"", close=close)

    def _send(
        self, status: int, headers: dict[str, str], cookies: list[str], payload: bytes, close: bool = False
    ) -> None:
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            for cookie in cookies:
                self.send_header("Set-Cookie", cookie)
            self.send_header("Content-Length", str(len(payload)))
            # A client that asked to close (or spoke HTTP/1.0) is told so, then the connection closes.
            if close or self.close_connection:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            if self.command != "HEAD" and payload:
                self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            logger.debug("Client went away before the response was sent.")
            self.close_connection = True


def _joined(pairs: Any) -> dict[str, str]:
    """Repeated names joined by commas, as the host passes headers and query values to the worker."""
    joined: dict[str, str] = {}
    for name, value in pairs:
        joined[name] = f"{joined[name]},{value}" if name in joined else value
    return joined


_HOP_BY_HOP = {"content-length", "transfer-encoding", "connection", "keep-alive"}


def _to_http_response(function_name: str, result: Any) -> tuple[int, dict[str, str], list[str], bytes]:
    """The worker's conversion of a return value: HttpResponse or str; anything else fails the invocation."""
    if isinstance(result, str):
        return 200, {"Content-Type": "text/plain; charset=utf-8"}, [], result.encode("utf-8")
    if result is None:
        logger.warning("Functions.%s returned None: answering 204 with no body.", function_name)
        return 204, {}, [], b""
    if not isinstance(result, func.HttpResponse):
        logger.error(
            "Functions.%s returned %s; an HTTP function must return HttpResponse or str.",
            function_name,
            type(result).__name__,
        )
        raise TypeError("unsupported HTTP return type")
    headers: dict[str, str] = {}
    cookies: list[str] = []
    # Only Set-Cookie may repeat: the worker sends other headers as a map, so the last value wins.
    for name, value in result.headers.items():
        if name.lower() == "set-cookie":
            cookies.append(value)
        elif name.lower() not in _HOP_BY_HOP:
            headers = {key: val for key, val in headers.items() if key.lower() != name.lower()}
            headers[name] = value
    if not any(name.lower() == "content-type" for name in headers):
        mimetype = result.mimetype
        headers["Content-Type"] = f"{mimetype}; charset={result.charset}" if mimetype.startswith("text/") else mimetype
    return int(result.status_code), headers, cookies, result.get_body() or b""


_LANDING_PAGE = (
    b"<!DOCTYPE html><html><head><title>Local Functions host</title></head>"
    b"<body><p>The local Functions host is running.</p></body></html>"
)
