"""The SSRF guard, table-driven: every tricky target is refused, loopback only when allowed, and never the rest.

Name-based cases use a resolver table (no network); numeric tricks go through the real resolver offline.
"""

from __future__ import annotations

import ipaddress

import pytest

from shared.webhooks.ssrf import UrlNotAllowed, address_problem, check_url
from tests.shared.webhooks.fake_dns import install_fake_dns

pytestmark = pytest.mark.unit

DNS = {
    "hooks.example.com": ["93.184.216.34"],
    "v6.example.com": ["2606:4700:4700::1111"],
    "internal.example.com": ["10.0.0.7"],
    "mixed.example.com": ["93.184.216.34", "10.0.0.7"],  # ANY non-public address refuses the URL
    "metadata.example.com": ["169.254.169.254"],
    "mapped.example.com": ["::ffff:127.0.0.1"],
    "cgnat.example.com": ["100.64.1.2"],
    "localhost": ["127.0.0.1", "::1"],
}

NOT_ALLOWED = "webhook_url_not_allowed"
INVALID = "invalid_webhook_url"
UNRESOLVABLE = "webhook_url_unresolvable"

REFUSED_ALWAYS = [
    ("https://[::ffff:10.0.0.1]/", NOT_ALLOWED),
    ("https://[::ffff:169.254.169.254]/", NOT_ALLOWED),
    ("https://169.254.169.254/latest/meta-data/", NOT_ALLOWED),
    ("https://metadata.example.com/", NOT_ALLOWED),
    ("https://10.0.0.5/", NOT_ALLOWED),
    ("https://172.16.3.4/", NOT_ALLOWED),
    ("https://192.168.1.10/", NOT_ALLOWED),
    ("https://100.64.0.1/", NOT_ALLOWED),
    ("https://cgnat.example.com/", NOT_ALLOWED),
    ("https://0.0.0.0/", NOT_ALLOWED),
    ("https://[::]/", NOT_ALLOWED),
    ("https://224.0.0.1/", NOT_ALLOWED),
    ("https://[ff02::1]/", NOT_ALLOWED),
    ("https://[fe80::1]/", NOT_ALLOWED),
    ("https://[fc00::1]/", NOT_ALLOWED),
    ("https://[fd12:3456::1]/", NOT_ALLOWED),
    ("https://240.0.0.1/", NOT_ALLOWED),
    ("https://[2002:a00:1::1]/", NOT_ALLOWED),  # 6to4 around 10.0.0.1
    ("https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", NOT_ALLOWED),  # Teredo
    ("https://internal.example.com/hook", NOT_ALLOWED),
    ("https://mixed.example.com/hook", NOT_ALLOWED),
    ("https://user:pass@hooks.example.com/", INVALID),
    ("https://user@hooks.example.com/", INVALID),
    ("ftp://hooks.example.com/hook", INVALID),
    ("file:///etc/passwd", INVALID),
    ("gopher://hooks.example.com/", INVALID),
    ("hooks.example.com/hook", INVALID),
    ("https:///nohost", INVALID),
    ("https://hooks.example.com/#fragment", INVALID),
    ("https://hooks.example.com/" + "a" * 2048, INVALID),
    ("http://hooks.example.com/hook", INVALID),  # plain http only to loopback, and only when allowed
    ("https://nowhere.example.com/", UNRESOLVABLE),
    ("https://metadata.google.internal/", NOT_ALLOWED),  # never looked up: not in the resolver table
    ("https://printer.local/", NOT_ALLOWED),
    ("https://hooks.test/", NOT_ALLOWED),
    ("https://HOOKS.Example./", NOT_ALLOWED),
]

REFUSED_UNLESS_LOOPBACK_ALLOWED = [
    ("http://127.0.0.1/", INVALID),
    ("https://127.0.0.1/", NOT_ALLOWED),
    ("https://127.9.9.9:8443/", NOT_ALLOWED),
    ("https://[::1]/", NOT_ALLOWED),
    ("https://[::ffff:127.0.0.1]/", NOT_ALLOWED),
    ("https://2130706433/", NOT_ALLOWED),
    ("https://0x7f.1/", NOT_ALLOWED),
    ("https://017700000001/", NOT_ALLOWED),
    ("https://127.1/", NOT_ALLOWED),
    ("https://localhost/", NOT_ALLOWED),
    ("https://mapped.example.com/", NOT_ALLOWED),
]


@pytest.fixture(autouse=True)
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_dns(monkeypatch, DNS)


@pytest.mark.parametrize(("url", "code"), REFUSED_ALWAYS + REFUSED_UNLESS_LOOPBACK_ALLOWED)
def test_refused_without_loopback(url: str, code: str) -> None:
    with pytest.raises(UrlNotAllowed) as refused:
        check_url(url, allow_loopback=False)
    assert refused.value.code == code


@pytest.mark.parametrize(("url", "code"), REFUSED_ALWAYS)
def test_still_refused_when_loopback_is_allowed(url: str, code: str) -> None:
    with pytest.raises(UrlNotAllowed) as refused:
        check_url(url, allow_loopback=True)
    assert refused.value.code == code


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("http://127.0.0.1:8080/hook", "127.0.0.1"),
        ("https://127.0.0.1/", "127.0.0.1"),
        ("http://[::1]:9000/", "::1"),
        ("http://2130706433:8080/", "127.0.0.1"),
        ("http://localhost:8080/hook", "127.0.0.1"),
        ("https://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1"),
    ],
)
def test_loopback_is_allowed_when_allowed(url: str, address: str) -> None:
    target = check_url(url, allow_loopback=True)
    assert target.address == ipaddress.ip_address(address)


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("https://hooks.example.com/hook?x=1", "93.184.216.34"),
        ("https://hooks.example.com:8443/hook", "93.184.216.34"),
        ("https://v6.example.com/", "2606:4700:4700::1111"),
        ("https://93.184.216.34/", "93.184.216.34"),
        ("https://[2606:4700:4700::1111]/", "2606:4700:4700::1111"),
    ],
)
def test_public_https_targets_pass_and_are_pinned(url: str, address: str) -> None:
    target = check_url(url, allow_loopback=False)
    assert target.address == ipaddress.ip_address(address)
    pinned = target.pinned_url()
    assert pinned.host == address and pinned.path == target.url.path and pinned.query == target.url.query
    if target.host_is_ip:
        assert target.sni_hostname() is None
    else:
        host = target.url.host
        assert target.sni_hostname() == host and target.host_header().split(":")[0] == host


def test_each_check_resolves_the_name_exactly_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    install_fake_dns(monkeypatch, DNS, calls)
    check_url("https://hooks.example.com/hook", allow_loopback=False)
    assert calls == ["hooks.example.com"]


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("169.254.169.254", "link_local"),
        ("fe80::1", "link_local"),
        ("100.64.0.1", "shared_address_space"),
        ("10.1.2.3", "private"),
        ("fc00::1", "private"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("192.0.2.1", "private"),  # documentation range, marked private by the standard library
        ("8.8.8.8", None),
    ],
)
def test_address_problems_are_named(address: str, problem: str | None) -> None:
    assert address_problem(ipaddress.ip_address(address), allow_loopback=False) == problem
