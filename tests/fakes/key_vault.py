"""A local stand-in for Azure Key Vault's key operations, over HTTPS, shaped as the Key Vault REST reference says.

- ``GET /keys/{name}[/{version}]`` answers a KeyBundle: ``{"key": JsonWebKey (kid, kty, key_ops, n, e), ...}``
  with the public half only, as Key Vault does.
- ``POST /keys/{name}/{version}/wrapkey`` and ``/unwrapkey`` take ``{"alg", "value"}`` (base64url) and answer
  ``{"kid", "value"}``; RSA-OAEP-256 only, the algorithm the app uses.
- A request without a bearer token gets 401 and the ``WWW-Authenticate`` challenge that Key Vault clients start
  with; a wrong token gets 401; errors carry ``{"error": {"code", "message"}}``.
"""

from __future__ import annotations

import base64
import json
import re
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from tests.fakes.server import LoopbackServer, self_signed_certificate, tls_server_context

TOKEN = "key-vault-test-token"
TENANT = "72f988bf-0000-4000-8000-000000000000"
# The SDK sends an empty version ("/keys/name/", "/keys/name//wrapkey") for the current one, as Key Vault allows.
_KEY_PATH = re.compile(
    r"^/keys/(?P<name>[\w-]+)(?:/(?P<version>[0-9a-f]{32})?)?(?:/(?P<operation>wrapkey|unwrapkey))?$"
)
_OAEP_SHA256 = padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class FakeKeyVault:
    origin: str = ""
    cert_path: Path = Path()
    key_name: str = "webhook-secrets"
    versions: dict[str, rsa.RSAPrivateKey] = field(default_factory=dict)  # in creation order: the last is current
    calls: list[tuple[str, str, bool]] = field(default_factory=list)  # (method, path, had a bearer token)
    outage_status: int | None = None  # every authenticated call answers this while set
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def key_id(self) -> str:
        """The key's URI without a version, as the app is configured with it."""
        return f"{self.origin}/keys/{self.key_name}"

    @property
    def current_version(self) -> str:
        return list(self.versions)[-1]

    def rotate(self) -> str:
        """A new key version, as Key Vault's key rotation makes; older versions keep working."""
        version = uuid.uuid4().hex
        self.versions[version] = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        return version

    def operations(self, name: str) -> list[str]:
        return [path for method, path, authorized in self.calls if authorized and path.endswith(f"/{name}")]


def _handler(vault: FakeKeyVault) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _send(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def _error(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
            self._send(status, {"error": {"code": code, "message": message}}, headers)

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            path = self.path.split("?", 1)[0]
            authorization = self.headers.get("Authorization")
            with vault.lock:
                vault.calls.append((self.command, path, authorization is not None))
            if authorization is None:
                challenge = (
                    f'Bearer authorization="https://login.microsoftonline.com/{TENANT}", '
                    'resource="https://vault.azure.net"'
                )
                self._error(401, "Unauthorized", "AKV10000: Request is missing a Bearer token.",
                            {"WWW-Authenticate": challenge})  # fmt: skip
                return
            if authorization != f"Bearer {TOKEN}":
                self._error(401, "Unauthorized", "AKV10032: Invalid issuer.")
                return
            if vault.outage_status is not None:
                self._error(vault.outage_status, "ServiceUnavailable", "The service is unavailable.")
                return
            match = _KEY_PATH.match(path)
            if match is None or match["name"] != vault.key_name:
                self._error(404, "KeyNotFound", "A key with (name/id) was not found in this key vault.")
                return
            version = match["version"] or vault.current_version
            private_key = vault.versions.get(version)
            if private_key is None:
                self._error(404, "KeyNotFound", "A key with (name/id) was not found in this key vault.")
                return
            kid = f"{vault.origin}/keys/{vault.key_name}/{version}"
            operation = match["operation"]
            if operation is None and self.command == "GET":
                numbers = private_key.public_key().public_numbers()
                jwk = {
                    "kid": kid,
                    "kty": "RSA",
                    "key_ops": ["wrapKey", "unwrapKey"],
                    "n": _b64url(numbers.n.to_bytes((numbers.n.bit_length() + 7) // 8, "big")),
                    "e": _b64url(numbers.e.to_bytes(3, "big")),
                }
                attributes = {"enabled": True, "created": 1_700_000_000, "updated": 1_700_000_000,
                              "recoveryLevel": "Recoverable"}  # fmt: skip
                self._send(200, {"key": jwk, "attributes": attributes})
                return
            if operation is None or self.command != "POST":
                self._error(405, "BadParameter", "Operation not supported on this resource.")
                return
            try:
                request = json.loads(raw)
                algorithm, value = request["alg"], _unb64url(request["value"])
            except (ValueError, KeyError, TypeError):
                self._error(400, "BadParameter", "Property 'alg' and 'value' are required.")
                return
            if algorithm != "RSA-OAEP-256":
                self._error(400, "BadParameter", f"Algorithm '{algorithm}' is not supported by this fake.")
                return
            if operation == "wrapkey":
                result = private_key.public_key().encrypt(value, _OAEP_SHA256)
            else:
                try:
                    result = private_key.decrypt(value, _OAEP_SHA256)
                except ValueError:
                    self._error(400, "BadParameter", "Unwrap failed: the value was not wrapped with this key.")
                    return
            self._send(200, {"kid": kid, "value": _b64url(result)})

        do_GET = _handle
        do_POST = _handle

    return Handler


@contextmanager
def running_key_vault(directory: Path) -> Iterator[FakeKeyVault]:
    cert_path, key_path = self_signed_certificate(directory)
    tls = tls_server_context(cert_path, key_path)
    vault = FakeKeyVault(cert_path=cert_path)
    vault.rotate()
    with LoopbackServer(_handler(vault), tls=tls, name="fake-key-vault") as server:
        vault.origin = server.origin
        yield vault
