"""The SSRF guard: which webhook URLs may be called, and the exact address a request may connect to.

A URL is checked when it is registered and again at every send. At send time the host is resolved once and
the request connects to that checked address (the original name still goes in the Host header and TLS SNI),
so a DNS answer that changes between the check and the connection (DNS rebinding) cannot reach anything else.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

import httpx

MAX_URL_LENGTH = 2048
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_SHARED_ADDRESS_SPACE = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT
# Names that are never public (RFC 2606, 6761, 6762, 8375, and cloud-internal DNS such as the GCP metadata
# host): refused without a lookup, which also keeps lookups of them off the network.
_NEVER_PUBLIC_SUFFIXES = (".test", ".example", ".invalid", ".local", ".internal", ".home.arpa", ".lan", ".intranet")


class UrlNotAllowed(ValueError):
    """The URL may not be called. ``code`` is stable; the message is safe to show (it names no address)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class ResolvedTarget:
    url: httpx.URL  # as registered
    address: IPAddress  # the checked address to connect to

    @property
    def host_is_ip(self) -> bool:
        try:
            ipaddress.ip_address(self.url.host)
        except ValueError:
            return False
        return True

    def pinned_url(self) -> httpx.URL:
        """The URL with its host replaced by the checked address; Host and SNI carry the original name."""
        return self.url.copy_with(host=str(self.address))

    def host_header(self) -> str:
        return self.url.netloc.decode("ascii")

    def sni_hostname(self) -> str | None:
        # TLS SNI never carries an IP literal: for those the certificate is checked against the address itself.
        return None if self.host_is_ip else self.url.raw_host.decode("ascii")


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 form carries (mapped ::ffff:a.b.c.d, 6to4, Teredo client), if any."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    return None


def address_problem(address: IPAddress, *, allow_loopback: bool) -> str | None:
    """Why connecting to ``address`` is refused, or None if it is a public address (or allowed loopback)."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            problem = address_problem(embedded, allow_loopback=allow_loopback)
            if problem is not None or address.ipv4_mapped is not None:
                return problem
    if address.is_loopback:
        return None if allow_loopback else "loopback"
    if address.is_unspecified:
        return "unspecified"
    if address.is_multicast:
        return "multicast"
    if address.is_link_local:  # includes the cloud metadata endpoint 169.254.169.254
        return "link_local"
    if isinstance(address, ipaddress.IPv4Address) and address in _SHARED_ADDRESS_SPACE:
        return "shared_address_space"
    if address.is_private:
        return "private"
    if address.is_reserved or not address.is_global:
        return "reserved"
    return None


def parse_url(raw: str, *, allow_loopback: bool) -> httpx.URL:
    """Check the URL's form (not its addresses): scheme, no credentials, a host, a sane length."""
    if len(raw) > MAX_URL_LENGTH:
        raise UrlNotAllowed("invalid_webhook_url", f"The URL is longer than {MAX_URL_LENGTH} characters.")
    try:
        url = httpx.URL(raw)
    except (httpx.InvalidURL, ValueError, TypeError):
        raise UrlNotAllowed("invalid_webhook_url", "The URL is not valid.") from None
    if url.scheme not in ("https", "http"):
        raise UrlNotAllowed("invalid_webhook_url", "The URL must use https.")
    if url.scheme == "http" and not allow_loopback:
        raise UrlNotAllowed("invalid_webhook_url", "The URL must use https.")
    if url.userinfo:
        raise UrlNotAllowed("invalid_webhook_url", "The URL must not contain a user name or password.")
    if not url.host:
        raise UrlNotAllowed("invalid_webhook_url", "The URL has no host.")
    if url.fragment:
        raise UrlNotAllowed("invalid_webhook_url", "The URL must not contain a fragment.")
    return url


def resolve_addresses(url: httpx.URL) -> list[IPAddress]:
    """Every address the host resolves to (numeric forms like 2130706433 or 0x7f.1 are normalized here)."""
    host = url.raw_host.decode("ascii")
    if ("." + host.lower().rstrip(".")).endswith(_NEVER_PUBLIC_SUFFIXES):
        raise UrlNotAllowed("webhook_url_not_allowed", "The URL's host name is not a public name.")
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError):
        raise UrlNotAllowed("webhook_url_unresolvable", "The URL's host name does not resolve.") from None
    addresses: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in answers:
        # Strip an IPv6 zone id ("fe80::1%eth0") before parsing; the address itself decides.
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise UrlNotAllowed("webhook_url_unresolvable", "The URL's host name does not resolve.")
    return addresses


def check_url(raw: str, *, allow_loopback: bool) -> ResolvedTarget:
    """Parse, resolve once, and refuse if ANY address is not public; the first address is the one to use."""
    url = parse_url(raw, allow_loopback=allow_loopback)
    addresses = resolve_addresses(url)
    for address in addresses:
        if address_problem(address, allow_loopback=allow_loopback) is not None:
            raise UrlNotAllowed("webhook_url_not_allowed", "The URL points to an address that is not public.")
    if url.scheme == "http" and not all(address.is_loopback or _mapped_loopback(address) for address in addresses):
        raise UrlNotAllowed("invalid_webhook_url", "The URL must use https.")
    return ResolvedTarget(url=url, address=addresses[0])


def _mapped_loopback(address: IPAddress) -> bool:
    return isinstance(address, ipaddress.IPv6Address) and bool(
        address.ipv4_mapped is not None and address.ipv4_mapped.is_loopback
    )
