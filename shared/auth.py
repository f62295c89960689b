"""Bearer tokens: who is calling, for which tenant, with which scopes.

Two validators behind one interface: Microsoft Entra ID (RS256, keys from the tenant's JWKS) in Azure, and
HS256 tokens signed with a development secret locally. The tenant always comes from a token claim.
"""

from __future__ import annotations

import logging
import re
import threading
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

import httpx
import jwt

from shared.config import AuthMode, Settings, get_settings
from shared.errors import Forbidden, ServiceUnavailable, Unauthorized

logger = logging.getLogger(__name__)

# Reading a transcript or recording from before redaction (kept only where the tenant's policy says so).
READ_UNREDACTED_SCOPE = "audio:read-unredacted"
# Recording a reviewer's verdicts on an analysis (a QA reviewer's permission, apart from writing recordings).
REVIEW_SCOPE = "audio:review"
# Creating, publishing and assigning the tenant's scorecards; their backtests and reviewer agreement.
SCORECARDS_SCOPE = "scorecards:manage"
SCOPES = (
    "audio:read",
    "audio:download",
    "audio:write",
    "webhooks:manage",
    READ_UNREDACTED_SCOPE,
    REVIEW_SCOPE,
    SCORECARDS_SCOPE,
)
LOCAL_ISSUER = "audio-files-local"
LOCAL_AUDIENCE = "audio-files-api"
_TENANT_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,63}$")
_JWKS_REFRESH_COOLDOWN_S = 60.0
_JWKS_MAX_AGE_S = 24 * 3600.0
_LEEWAY_S = 60


@dataclass(frozen=True)
class Principal:
    tenant_id: str
    subject: str
    scopes: frozenset[str]

    def require(self, scope: str) -> None:
        if scope not in self.scopes:
            raise Forbidden(f"The token does not grant the '{scope}' scope.", code="insufficient_scope")


class TokenValidator(Protocol):
    def validate(self, token: str) -> Principal: ...


def _principal_from_claims(claims: dict[str, Any], tenant_claim: str) -> Principal:
    tenant = claims.get(tenant_claim)
    if not isinstance(tenant, str) or not _TENANT_PATTERN.fullmatch(tenant):
        raise Unauthorized(f"The token has no valid '{tenant_claim}' claim.", code="invalid_token")
    scopes: set[str] = set()
    scp = claims.get("scp")
    if isinstance(scp, str):
        scopes.update(scp.split())
    roles = claims.get("roles")
    if isinstance(roles, list):
        scopes.update(role for role in roles if isinstance(role, str))
    subject = claims.get("oid") or claims.get("sub") or ""
    return Principal(tenant_id=tenant, subject=str(subject), scopes=frozenset(scopes))


def _decode_error(error: jwt.PyJWTError) -> Unauthorized:
    # Say what kind of problem it was without echoing the token back.
    if isinstance(error, jwt.ExpiredSignatureError):
        return Unauthorized("The token has expired.", code="token_expired")
    if isinstance(error, jwt.ImmatureSignatureError):
        return Unauthorized("The token is not valid yet.", code="invalid_token")
    if isinstance(error, (jwt.InvalidAudienceError, jwt.InvalidIssuerError)):
        return Unauthorized("The token was issued for another audience or by another issuer.", code="invalid_token")
    return Unauthorized("The token is not valid.", code="invalid_token")


class LocalTokenValidator:
    """HS256 tokens signed with the development secret (local runs and tests only)."""

    def __init__(self, secret: str, tenant_claim: str = "tid"):
        self._secret = secret
        self._tenant_claim = tenant_claim

    def validate(self, token: str) -> Principal:
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=["HS256"],
                audience=LOCAL_AUDIENCE,
                issuer=LOCAL_ISSUER,
                leeway=_LEEWAY_S,
                options={"require": ["exp", "iss", "aud"]},
            )
        except jwt.PyJWTError as error:
            raise _decode_error(error) from None
        return _principal_from_claims(claims, self._tenant_claim)


class JwksCache:
    """The issuer's signing keys, fetched once and refreshed on an unknown key id (at most once a minute)."""

    def __init__(self, url: str, *, timeout_s: float = 5.0, client: httpx.Client | None = None):
        self._url = url
        self._client = client or httpx.Client(timeout=timeout_s)
        self._keys: dict[str, jwt.PyJWK] = {}
        self._fetched_at = 0.0
        self._attempted_at = 0.0
        self._lock = threading.Lock()

    def _refresh(self) -> None:
        self._attempted_at = time.monotonic()
        try:
            response = self._client.get(self._url)
            response.raise_for_status()
            document = response.json()
            if not isinstance(document, dict):
                raise ValueError("the JWKS is not a JSON object")
            key_set = jwt.PyJWKSet.from_dict(document)
        except (httpx.HTTPError, ValueError, jwt.PyJWTError) as error:
            logger.warning("Could not fetch the signing keys: %s", type(error).__name__)
            if not self._keys:
                raise ServiceUnavailable(
                    "The identity provider's keys are unavailable; try again shortly.",
                    code="identity_provider_unavailable",
                    headers={"Retry-After": "5"},
                ) from None
            return
        self._keys = {key.key_id: key for key in key_set.keys if key.key_id}
        self._fetched_at = time.monotonic()

    def key(self, key_id: str) -> jwt.PyJWK | None:
        with self._lock:
            now = time.monotonic()
            # Refetch when stale or for an unknown key id, but at most once per cooldown, failed attempts included.
            may_retry = now - self._attempted_at > _JWKS_REFRESH_COOLDOWN_S
            stale = now - self._fetched_at > _JWKS_MAX_AGE_S
            if not self._keys or (may_retry and (stale or key_id not in self._keys)):
                self._refresh()
            return self._keys.get(key_id)


class EntraTokenValidator:
    """RS256 tokens from Microsoft Entra ID: signature, issuer, audience, expiry and not-before."""

    def __init__(self, issuer: str, audience: str, jwks: JwksCache, tenant_claim: str = "tid"):
        self._issuer = issuer
        self._audiences = [part.strip() for part in audience.split(",") if part.strip()]
        self._jwks = jwks
        self._tenant_claim = tenant_claim

    def validate(self, token: str) -> Principal:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise Unauthorized("The token is not valid.", code="invalid_token") from None
        key_id = header.get("kid")
        if header.get("alg") != "RS256" or not isinstance(key_id, str):
            raise Unauthorized("The token is not valid.", code="invalid_token")
        key = self._jwks.key(key_id)
        if key is None:
            raise Unauthorized("The token is signed with an unknown key.", code="invalid_token")
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=["RS256"],
                audience=self._audiences,
                issuer=self._issuer,
                leeway=_LEEWAY_S,
                options={"require": ["exp", "iss", "aud"]},
            )
        except jwt.PyJWTError as error:
            raise _decode_error(error) from None
        return _principal_from_claims(claims, self._tenant_claim)


def build_validator(settings: Settings) -> TokenValidator:
    if settings.auth_mode is AuthMode.LOCAL:
        assert settings.auth_dev_secret is not None
        return LocalTokenValidator(settings.auth_dev_secret.get_secret_value(), settings.auth_tenant_claim)
    assert settings.auth_issuer and settings.auth_audience and settings.auth_jwks_url
    return EntraTokenValidator(
        settings.auth_issuer,
        settings.auth_audience,
        JwksCache(settings.auth_jwks_url),
        settings.auth_tenant_claim,
    )


@lru_cache(maxsize=1)
def get_validator() -> TokenValidator:
    return build_validator(get_settings())


def bearer_token(authorization: str | None) -> str:
    if not authorization:
        raise Unauthorized("Send a bearer token in the Authorization header.", code="missing_token")
    scheme, _, token = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("The Authorization header must be 'Bearer <token>'.", code="invalid_token")
    return token.strip()


def mint_dev_token(
    secret: str,
    tenant_id: str,
    scopes: Iterable[str] = SCOPES,
    *,
    subject: str = "dev-user",
    ttl_s: int = 12 * 3600,
    tenant_claim: str = "tid",
) -> str:
    """An HS256 token the local validator accepts: for `make token`, `make run` and tests."""
    now = int(time.time())
    claims = {
        "iss": LOCAL_ISSUER,
        "aud": LOCAL_AUDIENCE,
        "sub": subject,
        tenant_claim: tenant_id,
        "scp": " ".join(scopes),
        "iat": now,
        "nbf": now,
        "exp": now + ttl_s,
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(claims, secret, algorithm="HS256")
