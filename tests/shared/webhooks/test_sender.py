"""One send against real loopback receivers: headers, pinning to the checked address (TLS too), no redirects."""

from __future__ import annotations

import socket
from datetime import UTC, datetime

import pytest

from shared.webhooks.sender import SendResult, WebhookSender
from tests.shared.webhooks.fake_dns import install_fake_dns
from tests.shared.webhooks.receiver import Answer, Receiver, running_receiver, self_signed_certificate

pytestmark = pytest.mark.integration

HEADERS = {"webhook-id": "evt_1", "webhook-timestamp": "1700000000", "webhook-signature": "v1,abc"}
BODY = b'{"type":"analysis.completed"}'


def send(url: str, *, sender: WebhookSender | None = None) -> SendResult:
    return (sender or WebhookSender(allow_loopback=True, timeout_s=2)).send(url, HEADERS, BODY, datetime.now(UTC))


def test_a_2xx_is_delivered_with_every_header() -> None:
    with running_receiver() as receiver:
        result = WebhookSender(allow_loopback=True, user_agent="UA/1").send(
            receiver.url("/hook?x=1"), HEADERS, BODY, datetime.now(UTC)
        )
    assert result.delivered and result.status_code == 204 and result.error is None
    [request] = receiver.received
    assert request.path == "/hook?x=1" and request.body == BODY
    assert request.headers["content-type"] == "application/json"
    assert request.headers["user-agent"] == "UA/1"
    assert request.headers["host"] == f"127.0.0.1:{receiver.port}"
    assert {name: request.headers[name] for name in HEADERS} == HEADERS


def test_loopback_is_refused_without_the_setting_and_nothing_is_sent() -> None:
    with running_receiver() as receiver:
        result = WebhookSender(allow_loopback=False).send(receiver.url(), HEADERS, BODY, datetime.now(UTC))
    assert not result.delivered and result.error == "address_not_allowed" and result.status_code is None
    assert receiver.received == []


def test_a_redirect_to_an_internal_address_is_not_followed() -> None:
    with running_receiver() as internal, running_receiver() as public_looking:
        public_looking.default = Answer(302, {"location": internal.url("/admin")})
        result = send(public_looking.url())
    assert not result.delivered and result.status_code == 302 and result.error == "redirect_not_followed"
    assert len(public_looking.received) == 1
    assert internal.received == []


def test_retry_after_is_read_from_the_answer() -> None:
    with running_receiver(Receiver(default=Answer(503, {"retry-after": "42"}))) as receiver:
        result = send(receiver.url())
    assert result.status_code == 503 and result.retry_after_s == 42 and not result.delivered


def test_a_slow_receiver_times_out() -> None:
    # The receiver answers only after 5 s: a send that ends well before then was cut off by the 0.3 s timeout.
    with running_receiver(Receiver(default=Answer(204, delay_s=5))) as receiver:
        result = send(receiver.url(), sender=WebhookSender(allow_loopback=True, timeout_s=0.3))
    assert result.error == "timeout" and result.status_code is None
    assert result.duration_ms < 3000


def test_a_closed_port_is_a_connect_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = send(f"http://127.0.0.1:{port}/hook")
    assert result.error == "connect_error" and result.status_code is None


def test_the_name_is_resolved_once_and_the_connection_goes_to_that_address(monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS rebinding: the first answer passes the check; any later answer would point inside."""
    answers = iter([["127.0.0.1"], ["10.0.0.9"], ["10.0.0.9"]])
    calls: list[str] = []

    class Rebinding(dict[str, list[str]]):
        def __contains__(self, name: object) -> bool:
            return name == "rebind.example.net"

        def __getitem__(self, name: str) -> list[str]:
            return next(answers)

    install_fake_dns(monkeypatch, Rebinding(), calls)
    with running_receiver() as receiver:
        result = send(f"http://rebind.example.net:{receiver.port}/hook")
    assert result.delivered
    assert calls.count("rebind.example.net") == 1
    assert receiver.received[0].headers["host"] == f"rebind.example.net:{receiver.port}"


def test_a_name_resolving_inside_at_send_time_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_dns(monkeypatch, {"hooks.example.net": ["10.0.0.9"]})
    result = send("https://hooks.example.net/hook")
    assert result.error == "address_not_allowed"


def test_https_connects_to_the_checked_address_with_the_original_name_in_sni_and_host(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    certificate = self_signed_certificate("hooks.example.net")  # valid for the name only, not for 127.0.0.1
    install_fake_dns(monkeypatch, {"hooks.example.net": ["127.0.0.1"]})
    sender = WebhookSender(allow_loopback=True, timeout_s=5, verify=certificate.client_context)
    with running_receiver(tls=certificate.server_context) as receiver:
        result = send(receiver.url("/hook", host="hooks.example.net"), sender=sender)
    assert result.delivered, result
    [request] = receiver.received
    assert request.sni == "hooks.example.net"
    assert request.headers["host"] == f"hooks.example.net:{receiver.port}"


def test_https_with_a_certificate_for_another_name_fails_as_tls(monkeypatch: pytest.MonkeyPatch) -> None:
    certificate = self_signed_certificate("other.example.net")
    install_fake_dns(monkeypatch, {"hooks.example.net": ["127.0.0.1"]})
    sender = WebhookSender(allow_loopback=True, timeout_s=5, verify=certificate.client_context)
    with running_receiver(tls=certificate.server_context) as receiver:
        result = send(receiver.url("/hook", host="hooks.example.net"), sender=sender)
    assert result.error == "tls_error" and not result.delivered
    assert receiver.received == []
