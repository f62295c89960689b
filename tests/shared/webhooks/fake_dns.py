"""A resolver for tests: named hosts from a table, numeric hosts through the real resolver, never the network."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pytest

_real_getaddrinfo = socket.getaddrinfo


def fake_getaddrinfo(table: Mapping[str, Sequence[str]], calls: list[str] | None = None) -> Callable[..., Any]:
    def getaddrinfo(host: Any, port: Any, family: int = 0, type: int = 0, proto: int = 0, flags: int = 0) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if calls is not None:
            calls.append(name)
        if name in table:
            answers: list[Any] = []
            for text in table[name]:
                address = ipaddress.ip_address(text)
                if address.version == 6:
                    answers.append((socket.AF_INET6, socket.SOCK_STREAM, 6, "", (text, port, 0, 0)))
                else:
                    answers.append((socket.AF_INET, socket.SOCK_STREAM, 6, "", (text, port)))
            return answers
        # Numeric forms (2130706433, 0x7f.1, ::ffff:127.0.0.1) are normalized by the real resolver, offline.
        return _real_getaddrinfo(host, port, family, type, proto, flags | socket.AI_NUMERICHOST)

    return getaddrinfo


def install_fake_dns(
    monkeypatch: pytest.MonkeyPatch, table: Mapping[str, Sequence[str]], calls: list[str] | None = None
) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo(table, calls))
