"""HTTP through the local host: routing, request mapping, response mapping and error answers."""

from __future__ import annotations

import concurrent.futures
import http.client
import json
import logging
import socket
import threading
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import httpx
import pytest

from devhost import FunctionHost

pytestmark = pytest.mark.e2e

HTTP_FUNCTIONS = [
    "get_audio_file",
    "get_download_url",
    "search_audio_files",
    "numbers",
    "echo",
    "cookies",
    "boom",
    "wrong_return",
]


@pytest.fixture
def host(start_host: Callable[..., FunctionHost]) -> FunctionHost:
    return start_host(HTTP_FUNCTIONS, max_request_body_bytes=1024)


@pytest.fixture
def client(host: FunctionHost) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=host.base_url, timeout=10) as client:
        yield client


def test_base_url_uses_the_route_prefix_and_the_picked_port(host: FunctionHost) -> None:
    assert host.port != 0
    assert host.base_url == f"http://127.0.0.1:{host.port}/api"


def test_route_parameters_query_headers_and_body_reach_the_handler(client: httpx.Client, host: FunctionHost) -> None:
    response = client.put(
        "/v1/audio-files/af_123?x=1&x=2&empty=",
        content=b"payload",
        headers={"X-Custom": "value"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    seen = response.json()
    assert seen["function"] == "get_audio_file"
    assert seen["method"] == "PUT"
    assert seen["route_params"] == {"id": "af_123"}
    assert seen["params"] == {"x": "1,2", "empty": ""}
    assert seen["custom_header"] == "value"
    assert seen["body"] == "payload"
    assert seen["url"] == f"http://127.0.0.1:{host.port}/api/v1/audio-files/af_123?x=1&x=2&empty="
    assert seen["function_name"] == "get_audio_file"
    assert len(seen["invocation_id"]) == 36


def test_routes_match_case_insensitively_and_decode_values(client: httpx.Client) -> None:
    response = client.get("/V1/Audio-Files/a%20b%2Fc")
    assert response.status_code == 200
    # %2F stays encoded so a route value never spans segments, as in ASP.NET Core.
    assert response.json()["route_params"] == {"id": "a b%2Fc"}


def test_literal_segments_win_over_parameters_and_longer_routes_are_distinct(client: httpx.Client) -> None:
    assert client.get("/v1/audio-files/search").json() == {"function": "search_audio_files"}
    assert client.get("/v1/audio-files/af_1/download-url").json() == {"function": "get_download_url", "id": "af_1"}


def test_constraints_and_optional_segments(client: httpx.Client) -> None:
    assert client.get("/v1/numbers/42").json() == {"number": "42"}
    assert client.get("/v1/numbers/42/abc").json() == {"number": "42", "label": "abc"}
    assert client.get("/v1/numbers/forty-two").status_code == 404
    assert client.get("/v1/numbers/42/123").status_code == 404


def test_unknown_route_and_wrong_method_are_404_with_empty_body(client: httpx.Client) -> None:
    unknown = client.get("/v1/nothing-here")
    assert (unknown.status_code, unknown.content) == (404, b"")
    wrong_method = client.delete("/v1/audio-files/af_1")
    assert (wrong_method.status_code, wrong_method.content) == (404, b"")
    outside_prefix = client.get(f"{client.base_url.scheme}://{client.base_url.host}:{client.base_url.port}/v1/boom")
    assert outside_prefix.status_code == 404


def test_async_handler_status_headers_and_binary_body(client: httpx.Client) -> None:
    body = bytes(range(256))
    response = client.post("/v1/echo", content=body)
    assert response.status_code == 201
    assert response.content == body
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.headers["x-request-length"] == "256"
    assert response.headers["set-cookie"] == "a=1"


def test_several_set_cookie_headers_survive(client: httpx.Client) -> None:
    response = client.get("/v1/cookies")
    assert response.status_code == 202
    assert response.headers.get_list("set-cookie") == ["first=1; Path=/", "second=2; Path=/"]
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.text == "two cookies"


def test_a_str_return_value_is_a_200_text_response(client: httpx.Client) -> None:
    response = client.get("/v1/numbers/7")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=utf-8"


def test_unhandled_exception_is_500_with_empty_body_and_a_logged_error(
    client: httpx.Client, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="devhost"):
        response = client.get("/v1/boom")
    assert response.status_code == 500
    assert response.content == b""
    failures = [r for r in caplog.records if r.levelno == logging.ERROR and "Functions.boom" in r.getMessage()]
    assert failures and failures[0].exc_info is not None
    assert "secret internal detail" not in response.text


def test_unsupported_return_type_is_500(client: httpx.Client) -> None:
    response = client.get("/v1/wrong-return")
    assert (response.status_code, response.content) == (500, b"")


def test_body_over_the_limit_is_413_and_at_the_limit_is_accepted(client: httpx.Client) -> None:
    assert client.post("/v1/echo", content=b"x" * 1024).status_code == 201
    assert client.post("/v1/echo", content=b"x" * 1025).status_code == 413


def test_chunked_request_bodies_are_read_and_limited(client: httpx.Client) -> None:
    def chunks(total: int) -> Iterator[bytes]:
        for _ in range(total // 100):
            yield b"y" * 100

    accepted = client.post("/v1/echo", content=chunks(1000))
    assert accepted.status_code == 201
    assert accepted.content == b"y" * 1000
    assert client.post("/v1/echo", content=chunks(2000)).status_code == 413


def test_keep_alive_connection_serves_several_requests(host: FunctionHost) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", host.port, timeout=10)
    try:
        connection.request("GET", "/api/v1/audio-files/keep")
        first = connection.getresponse()
        assert first.status == 200 and json.loads(first.read())["route_params"] == {"id": "keep"}
        # The same keep-alive connection serves a second request.
        connection.request("GET", "/api/v1/audio-files/search")
        assert connection.getresponse().read() == b'{"function": "search_audio_files"}'
    finally:
        connection.close()


def _read_until_closed(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection (a timeout fails the test)."""
    received = b""
    while chunk := sock.recv(65536):
        received += chunk
    return received


def test_connection_close_is_honoured_and_said_in_the_reply(host: FunctionHost) -> None:
    with socket.create_connection(("127.0.0.1", host.port), timeout=10) as sock:
        sock.sendall(b"GET /api/v1/audio-files/bye HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        reply = _read_until_closed(sock)  # returns only because the server closes its end
    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200")
    assert b"\r\nconnection: close" in head.lower()
    assert json.loads(body)["route_params"] == {"id": "bye"}


def test_a_burst_of_100_concurrent_connections_is_served_without_resets(host: FunctionHost) -> None:
    """More simultaneous connects than socketserver's default backlog of 5: each gets its answer."""
    clients = 100
    ready = threading.Barrier(clients)

    def one_request(index: int) -> int:
        connection = http.client.HTTPConnection("127.0.0.1", host.port, timeout=60)
        try:
            ready.wait(timeout=60)
            connection.request("GET", f"/api/v1/audio-files/burst-{index}")
            response = connection.getresponse()
            assert json.loads(response.read())["route_params"] == {"id": f"burst-{index}"}
            return response.status
        finally:
            connection.close()

    with concurrent.futures.ThreadPoolExecutor(max_workers=clients) as pool:
        statuses = list(pool.map(one_request, range(clients)))  # a reset connection raises here
    assert statuses == [200] * clients


def test_malformed_content_length_is_400(host: FunctionHost) -> None:
    with socket.create_connection(("127.0.0.1", host.port), timeout=10) as sock:
        sock.sendall(b"POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n")
        reply = sock.recv(1024)
    assert reply.startswith(b"HTTP/1.1 400")


def test_host_status_and_landing_page(host: FunctionHost) -> None:
    root = f"http://127.0.0.1:{urlsplit(host.base_url).port}"
    assert httpx.get(f"{root}/admin/host/status").json() == {"state": "Running"}
    assert httpx.get(f"{root}/").status_code == 200


def test_stop_releases_the_port(start_host: Callable[..., FunctionHost]) -> None:
    host = start_host(["boom"])
    port = host.port
    host.stop(timeout=5)
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/api/v1/boom", timeout=2)
