"""A stand-in for the app's Entra credential: a fixed token, the scopes it was asked for, or a chosen error."""

from __future__ import annotations

from typing import Any

from azure.core.credentials import AccessToken

_NEVER_EXPIRES = 4_102_444_800  # 2100-01-01


class RecordingCredential:
    """A TokenCredential that hands out ``token`` (or raises ``error``) and records each call's scopes."""

    def __init__(self, token: str = "entra-token", error: Exception | None = None) -> None:  # noqa: S107
        self.token = token
        self.error = error
        self.scopes: list[tuple[str, ...]] = []

    def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        self.scopes.append(scopes)
        if self.error is not None:
            raise self.error
        return AccessToken(self.token, _NEVER_EXPIRES)
