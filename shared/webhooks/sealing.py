"""Webhook signing secrets at rest.

The delivery function must sign with the plain secret, so it cannot be hashed; in Azure it is wrapped with an RSA
key that never leaves Key Vault (RSA-OAEP-256), so reading the table is not enough to forge a webhook. Stored form:
``kv1|<key id with version>|<base64url of the wrapped bytes>``; the key version travels with the value, so rotating
the Key Vault key leaves older secrets readable. Without a key (Azurite, a developer's machine) secrets are stored
as they are.

Wrapping needs only the key's public half (the SDK fetches it once); unwrapping is a Key Vault call, so opened
secrets are kept in memory, bounded, and a subscription's deliveries cost one unwrap per process.
"""

from __future__ import annotations

import base64
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Protocol
from urllib.parse import urlsplit

from azure.core.credentials import TokenCredential
from azure.core.exceptions import AzureError
from azure.keyvault.keys.crypto import CryptographyClient, KeyWrapAlgorithm

from shared.errors import ServiceUnavailable

logger = logging.getLogger(__name__)

SEALED_PREFIX = "kv1|"
_ALGORITHM = KeyWrapAlgorithm.rsa_oaep_256
_OPENED_CACHE_SIZE = 1024


class SecretSealer(Protocol):
    def seal(self, secret: str) -> str:
        """The form to store."""
        ...

    def open(self, stored: str) -> str:
        """The secret a stored value holds."""
        ...


class SecretStoreUnavailable(ServiceUnavailable):
    code = "secret_store_unavailable"


class UnsealedSecrets:
    """Local development: secrets stored as they are."""

    def seal(self, secret: str) -> str:
        return secret

    def open(self, stored: str) -> str:
        if stored.startswith(SEALED_PREFIX):
            raise SecretStoreUnavailable(
                "This webhook's secret is sealed with a Key Vault key: set WEBHOOK_SECRET_KEY_ID."
            )
        return stored


def _key_without_version(key_id: str) -> str:
    """``https://<vault>/keys/<name>`` of a key URI, whatever its version."""
    parts = urlsplit(key_id)
    return f"{parts.scheme}://{parts.netloc}/{'/'.join(parts.path.strip('/').split('/')[:2])}".lower()


class KeyVaultSealer:
    """Wraps secrets with the Key Vault key ``key_id`` (a key URI, with or without a version)."""

    def __init__(self, key_id: str, credential: TokenCredential, **client_options: Any) -> None:
        self._key_id = key_id
        self._key = _key_without_version(key_id)
        self._credential = credential
        self._client_options = client_options
        self._clients: dict[str, CryptographyClient] = {}
        self._opened: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def _client(self, key_id: str) -> CryptographyClient:
        with self._lock:
            client = self._clients.get(key_id)
            if client is None:
                client = CryptographyClient(key_id, self._credential, **self._client_options)
                self._clients[key_id] = client
            return client

    def seal(self, secret: str) -> str:
        try:
            wrapped = self._client(self._key_id).wrap_key(_ALGORITHM, secret.encode("utf-8"))
        except AzureError as error:
            logger.warning("Key Vault refused to wrap a webhook secret: %s", type(error).__name__)
            raise SecretStoreUnavailable(
                "The secret store is unavailable; try again shortly.", headers={"Retry-After": "5"}
            ) from error
        value = base64.urlsafe_b64encode(wrapped.encrypted_key).decode("ascii").rstrip("=")
        return f"{SEALED_PREFIX}{wrapped.key_id}|{value}"

    def open(self, stored: str) -> str:
        if not stored.startswith(SEALED_PREFIX):
            return stored  # written before a key was configured; sealed when it is next replaced
        with self._lock:
            if stored in self._opened:
                self._opened.move_to_end(stored)
                return self._opened[stored]
        key_id, _, value = stored.removeprefix(SEALED_PREFIX).rpartition("|")
        if _key_without_version(key_id) != self._key:
            # The app's token goes wherever a key id points: only ever to the configured key.
            raise ValueError("A stored webhook secret names a key other than WEBHOOK_SECRET_KEY_ID.")
        try:
            unwrapped = self._client(key_id).unwrap_key(
                _ALGORITHM, base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
            )
        except AzureError as error:
            logger.warning("Key Vault refused to unwrap a webhook secret: %s", type(error).__name__)
            raise SecretStoreUnavailable("The secret store is unavailable.") from error
        secret = unwrapped.key.decode("utf-8")
        with self._lock:
            self._opened[stored] = secret
            while len(self._opened) > _OPENED_CACHE_SIZE:
                self._opened.popitem(last=False)
        return secret


def build_sealer(key_id: str | None, credential_factory: Callable[[], TokenCredential]) -> SecretSealer:
    """The sealer the settings ask for; ``credential_factory`` is only called when Key Vault is used."""
    if not key_id:
        return UnsealedSecrets()
    return KeyVaultSealer(key_id, credential_factory())
