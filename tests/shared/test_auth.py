"""Bearer tokens: the local HS256 validator, header parsing, scopes, and Entra RS256 against a real JWKS server."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from types import SimpleNamespace
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

import shared.auth
from shared.auth import (
    LOCAL_AUDIENCE,
    LOCAL_ISSUER,
    REVIEW_SCOPE,
    SCOPES,
    SCORECARDS_SCOPE,
    EntraTokenValidator,
    JwksCache,
    LocalTokenValidator,
    Principal,
    bearer_token,
    build_validator,
    mint_dev_token,
)
from shared.errors import Forbidden, ServiceUnavailable, Unauthorized
from tests.fakes.server import LoopbackServer
from tests.settings import settings_from

SECRET = "local-test-secret-" + "x" * 50
TENANT = "contoso"
ISSUER = "https://login.example/tenant/v2.0"
AUDIENCE = "api://audio-files"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def hs256_token(header: dict[str, Any], claims: dict[str, Any], secret: bytes) -> str:
    """A token signed by hand, for shapes PyJWT refuses to produce (e.g. HS256 keyed with a PEM)."""
    signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(claims).encode())}"
    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64url(signature)}"


def unsigned_token(claims: dict[str, Any]) -> str:
    header = {"alg": "none", "typ": "JWT"}
    return f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(claims).encode())}."


def local_claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": LOCAL_ISSUER,
        "aud": LOCAL_AUDIENCE,
        "sub": "user-1",
        "tid": TENANT,
        "scp": "audio:read",
        "iat": now,
        "nbf": now,
        "exp": now + 600,
    }
    claims.update(overrides)
    return {key: value for key, value in claims.items() if value is not None}


def unauthorized(excinfo: pytest.ExceptionInfo[Unauthorized], code: str = "invalid_token") -> None:
    assert excinfo.value.status == 401
    assert excinfo.value.code == code


# --------------------------------------------------------------------------------------------------------------------
# Local tokens
# --------------------------------------------------------------------------------------------------------------------


@pytest.mark.unit
class TestLocalTokenValidator:
    validator = LocalTokenValidator(SECRET)

    def test_minted_token_gives_tenant_subject_and_scopes(self) -> None:
        principal = self.validator.validate(mint_dev_token(SECRET, TENANT, subject="alice"))
        assert principal == Principal(tenant_id=TENANT, subject="alice", scopes=frozenset(SCOPES))

    def test_minted_token_with_chosen_scopes(self) -> None:
        principal = self.validator.validate(mint_dev_token(SECRET, "tenant-2", ["audio:read"]))
        assert principal.tenant_id == "tenant-2"
        assert principal.scopes == frozenset({"audio:read"})

    def test_minted_token_without_scopes_has_none(self) -> None:
        assert self.validator.validate(mint_dev_token(SECRET, TENANT, [])).scopes == frozenset()

    def test_expired_token(self) -> None:
        with pytest.raises(Unauthorized) as excinfo:
            self.validator.validate(mint_dev_token(SECRET, TENANT, ttl_s=-3600))
        unauthorized(excinfo, "token_expired")
        assert "expired" in excinfo.value.detail

    def test_token_expired_within_the_leeway_is_accepted(self) -> None:
        assert self.validator.validate(mint_dev_token(SECRET, TENANT, ttl_s=-20)).tenant_id == TENANT

    def test_wrong_secret(self) -> None:
        with pytest.raises(Unauthorized) as excinfo:
            self.validator.validate(mint_dev_token("another-secret-" + "y" * 30, TENANT))
        unauthorized(excinfo)

    @pytest.mark.parametrize("claim", [{"aud": "another-api"}, {"iss": "someone-else"}])
    def test_wrong_audience_or_issuer(self, claim: dict[str, str]) -> None:
        token = jwt.encode(local_claims(**claim), SECRET, algorithm="HS256")
        with pytest.raises(Unauthorized) as excinfo:
            self.validator.validate(token)
        unauthorized(excinfo)
        assert "another audience or by another issuer" in excinfo.value.detail

    @pytest.mark.parametrize("left_out", ["aud", "iss", "exp"])
    def test_required_claims(self, left_out: str) -> None:
        token = jwt.encode(local_claims(**{left_out: None}), SECRET, algorithm="HS256")
        with pytest.raises(Unauthorized) as excinfo:
            self.validator.validate(token)
        unauthorized(excinfo)

    def test_not_yet_valid_token(self) -> None:
        later = int(time.time()) + 3600
        token = jwt.encode(local_claims(nbf=later, iat=later, exp=later + 600), SECRET, algorithm="HS256")
        with pytest.raises(Unauthorized) as excinfo:
            self.validator.validate(token)
        unauthorized(excinfo)

    def test_unsigned_token_is_refused(self) -> None:
        with pytest.raises(Unauthorized) as excinfo:
            self.validator.validate(unsigned_token(local_claims()))
        unauthorized(excinfo)

    def test_other_hmac_algorithm_is_refused(self) -> None:
        token = jwt.encode(local_claims(), SECRET, algorithm="HS512")
        with pytest.raises(Unauthorized):
            self.validator.validate(token)

    def test_hand_signed_token_is_accepted(self) -> None:
        # Proves hs256_token signs correctly, so the refusals built with it are meaningful.
        token = hs256_token({"alg": "HS256", "typ": "JWT"}, local_claims(), SECRET.encode())
        assert self.validator.validate(token).tenant_id == TENANT

    @pytest.mark.parametrize("garbage", ["", "abc", "a.b.c", "Bearer x", "e30.e30.e30"])
    def test_garbage(self, garbage: str) -> None:
        with pytest.raises(Unauthorized) as excinfo:
            self.validator.validate(garbage)
        unauthorized(excinfo)

    @pytest.mark.parametrize(
        "tenant",
        [None, "", "../x", "a/b", "x" * 65, "-leading-dash", "tenant\n", "ten ant", "tenänt", 42, ["contoso"]],
    )
    def test_missing_or_invalid_tenant(self, tenant: object) -> None:
        token = jwt.encode(local_claims(tid=tenant), SECRET, algorithm="HS256")
        with pytest.raises(Unauthorized) as excinfo:
            self.validator.validate(token)
        unauthorized(excinfo)
        assert "'tid'" in excinfo.value.detail

    @pytest.mark.parametrize("tenant", ["a", "x" * 64, "72f988bf-86f1-41af-91ab-2d7cd011db47", "Tenant-01"])
    def test_valid_tenants(self, tenant: str) -> None:
        assert self.validator.validate(mint_dev_token(SECRET, tenant)).tenant_id == tenant

    def test_custom_tenant_claim(self) -> None:
        validator = LocalTokenValidator(SECRET, tenant_claim="extension_tenant")
        token = mint_dev_token(SECRET, "fabrikam", tenant_claim="extension_tenant")
        assert validator.validate(token).tenant_id == "fabrikam"
        # The default claim is not consulted when another one is configured.
        with pytest.raises(Unauthorized) as excinfo:
            validator.validate(mint_dev_token(SECRET, "fabrikam"))
        assert "'extension_tenant'" in excinfo.value.detail

    def test_scopes_from_scp_and_roles(self) -> None:
        token = jwt.encode(
            local_claims(scp="audio:read  audio:download", roles=["audio:write", 7, "webhooks:manage"]),
            SECRET,
            algorithm="HS256",
        )
        assert self.validator.validate(token).scopes == frozenset(
            {"audio:read", "audio:download", "audio:write", "webhooks:manage"}
        )

    def test_scorecards_manage_is_granted_as_a_scope_or_an_app_role(self) -> None:
        assert "scorecards:manage" in SCOPES
        for claims in (local_claims(scp="scorecards:manage"), local_claims(scp=None, roles=["scorecards:manage"])):
            principal = self.validator.validate(jwt.encode(claims, SECRET, algorithm="HS256"))
            principal.require("scorecards:manage")
        reader = self.validator.validate(jwt.encode(local_claims(scp="audio:read"), SECRET, algorithm="HS256"))
        with pytest.raises(Forbidden):
            reader.require("scorecards:manage")

    def test_review_and_scorecard_permissions_come_as_scopes_or_app_roles(self) -> None:
        for claims in (local_claims(scp="audio:review scorecards:manage"),
                       local_claims(scp=None, roles=["audio:review", "scorecards:manage"])):  # fmt: skip
            principal = self.validator.validate(jwt.encode(claims, SECRET, algorithm="HS256"))
            principal.require(REVIEW_SCOPE)
            principal.require(SCORECARDS_SCOPE)
            with pytest.raises(Forbidden):
                principal.require("audio:write")
        assert {REVIEW_SCOPE, SCORECARDS_SCOPE} <= set(SCOPES)

    def test_scopes_from_roles_only(self) -> None:
        token = jwt.encode(local_claims(scp=None, roles=["audio:read"]), SECRET, algorithm="HS256")
        assert self.validator.validate(token).scopes == frozenset({"audio:read"})

    def test_malformed_scope_claims_give_no_scopes(self) -> None:
        token = jwt.encode(local_claims(scp=["audio:read"], roles="audio:write"), SECRET, algorithm="HS256")
        assert self.validator.validate(token).scopes == frozenset()

    def test_subject_prefers_oid(self) -> None:
        token = jwt.encode(local_claims(oid="object-id", sub="subject"), SECRET, algorithm="HS256")
        assert self.validator.validate(token).subject == "object-id"

    def test_error_detail_does_not_echo_the_token(self) -> None:
        token = mint_dev_token("another-secret-" + "y" * 30, TENANT)
        with pytest.raises(Unauthorized) as excinfo:
            self.validator.validate(token)
        assert token not in excinfo.value.detail
        assert token.split(".")[1] not in str(excinfo.value)


@pytest.mark.unit
class TestBearerToken:
    @pytest.mark.parametrize("header", [None, ""])
    def test_missing(self, header: str | None) -> None:
        with pytest.raises(Unauthorized) as excinfo:
            bearer_token(header)
        unauthorized(excinfo, "missing_token")

    @pytest.mark.parametrize("header", ["Basic dXNlcjpwYXNz", "Token abc", "abc", "Bearer", "Bearer   ", "   "])
    def test_wrong_scheme_or_empty_token(self, header: str) -> None:
        with pytest.raises(Unauthorized) as excinfo:
            bearer_token(header)
        unauthorized(excinfo)
        assert "Bearer <token>" in excinfo.value.detail

    @pytest.mark.parametrize(
        "header", ["Bearer abc.def.ghi", "bearer abc.def.ghi", "BEARER  abc.def.ghi ", " Bearer abc.def.ghi"]
    )
    def test_token(self, header: str) -> None:
        assert bearer_token(header) == "abc.def.ghi"


@pytest.mark.unit
class TestPrincipal:
    principal = Principal(tenant_id=TENANT, subject="user", scopes=frozenset({"audio:read"}))

    def test_granted_scope_passes(self) -> None:
        self.principal.require("audio:read")

    def test_missing_scope_is_forbidden(self) -> None:
        with pytest.raises(Forbidden) as excinfo:
            self.principal.require("audio:write")
        assert excinfo.value.status == 403
        assert excinfo.value.code == "insufficient_scope"
        assert "audio:write" in excinfo.value.detail


@pytest.mark.unit
class TestBuildValidator:
    def test_local_mode(self) -> None:
        settings = settings_from(
            AzureWebJobsStorage="UseDevelopmentStorage=true",
            AUTH_MODE="local",
            AUTH_DEV_SECRET=SECRET,
            AUTH_TENANT_CLAIM="org",
        )
        validator = build_validator(settings)
        assert isinstance(validator, LocalTokenValidator)
        assert validator.validate(mint_dev_token(SECRET, "t1", tenant_claim="org")).tenant_id == "t1"

    def test_entra_mode(self) -> None:
        settings = settings_from(
            AzureWebJobsStorage="UseDevelopmentStorage=true",
            AUTH_MODE="entra",
            AUTH_ISSUER=ISSUER,
            AUTH_AUDIENCE=AUDIENCE,
            AUTH_JWKS_URL="http://127.0.0.1:9/keys",
        )
        assert isinstance(build_validator(settings), EntraTokenValidator)


# --------------------------------------------------------------------------------------------------------------------
# Entra tokens against a real JWKS endpoint
# --------------------------------------------------------------------------------------------------------------------


class SigningKey:
    def __init__(self, kid: str):
        self.kid = kid
        self.private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.jwk = {**RSAAlgorithm.to_jwk(self.private.public_key(), as_dict=True), "kid": kid, "use": "sig"}
        self.public_pem = self.private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    def sign(self, claims: dict[str, Any], kid: str | None = None) -> str:
        return jwt.encode(claims, self.private, algorithm="RS256", headers={"kid": kid or self.kid})


@pytest.fixture(scope="module")
def key_one() -> SigningKey:
    return SigningKey("key-one")


@pytest.fixture(scope="module")
def key_two() -> SigningKey:
    return SigningKey("key-two")


class JwksServer:
    """A JWKS endpoint on 127.0.0.1 that counts requests and can be told to fail."""

    def __init__(self) -> None:
        self.document: object = {"keys": []}
        self.status = 200
        self.requests = 0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.requests += 1
                body = json.dumps(owner.document).encode()
                self.send_response(owner.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = LoopbackServer(Handler, name="fake-jwks").start()
        self.url = f"{self._server.origin}/discovery/keys"

    def serve(self, *keys: SigningKey) -> None:
        self.document = {"keys": [key.jwk for key in keys]}

    def close(self) -> None:
        self._server.stop()


@pytest.fixture
def jwks_server() -> Iterator[JwksServer]:
    server = JwksServer()
    yield server
    server.close()


@pytest.fixture
def http_client() -> Iterator[httpx.Client]:
    # trust_env=False: a proxy set in the environment must not take the loopback requests.
    with httpx.Client(timeout=2.0, trust_env=False) as client:
        yield client


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def monotonic(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """Controls the JWKS cache's clock only (tokens are still checked against the real time)."""
    fake = Clock()
    monkeypatch.setattr(shared.auth, "time", SimpleNamespace(monotonic=fake.monotonic, time=time.time))
    return fake


def entra_claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": "subject",
        "oid": "00000000-0000-0000-0000-000000000001",
        "tid": "72f988bf-86f1-41af-91ab-2d7cd011db47",
        "scp": "audio:read audio:write",
        "roles": ["webhooks:manage"],
        "iat": now,
        "nbf": now,
        "exp": now + 600,
    }
    claims.update(overrides)
    return {key: value for key, value in claims.items() if value is not None}


def entra_validator(server: JwksServer, client: httpx.Client, audience: str = AUDIENCE) -> EntraTokenValidator:
    return EntraTokenValidator(ISSUER, audience, JwksCache(server.url, client=client))


@pytest.mark.integration
class TestEntraTokenValidator:
    def test_valid_token(self, jwks_server: JwksServer, http_client: httpx.Client, key_one: SigningKey) -> None:
        jwks_server.serve(key_one)
        principal = entra_validator(jwks_server, http_client).validate(key_one.sign(entra_claims()))
        assert principal == Principal(
            tenant_id="72f988bf-86f1-41af-91ab-2d7cd011db47",
            subject="00000000-0000-0000-0000-000000000001",
            scopes=frozenset({"audio:read", "audio:write", "webhooks:manage"}),
        )
        assert jwks_server.requests == 1

    def test_keys_are_cached(self, jwks_server: JwksServer, http_client: httpx.Client, key_one: SigningKey) -> None:
        jwks_server.serve(key_one)
        validator = entra_validator(jwks_server, http_client)
        for _ in range(3):
            validator.validate(key_one.sign(entra_claims()))
        assert jwks_server.requests == 1

    @pytest.mark.parametrize(
        ("claims", "code", "detail"),
        [
            ({"aud": "api://someone-else"}, "invalid_token", "another audience"),
            ({"iss": "https://login.example/other/v2.0"}, "invalid_token", "another issuer"),
            ({"exp": -3600}, "token_expired", "expired"),  # seconds from when the test runs, not from collection
            ({"nbf": 3600}, "invalid_token", "not valid yet"),
            ({"tid": "../other"}, "invalid_token", "'tid'"),
            ({"exp": None}, "invalid_token", "not valid"),
        ],
        ids=["wrong-aud", "wrong-iss", "expired", "nbf-in-future", "bad-tenant", "no-exp"],
    )
    def test_refused_claims(
        self,
        jwks_server: JwksServer,
        http_client: httpx.Client,
        key_one: SigningKey,
        claims: dict[str, Any],
        code: str,
        detail: str,
    ) -> None:
        jwks_server.serve(key_one)
        now = int(time.time())
        claims = {name: now + value if name in ("exp", "nbf") and value is not None else value
                  for name, value in claims.items()}  # fmt: skip
        with pytest.raises(Unauthorized) as excinfo:
            entra_validator(jwks_server, http_client).validate(key_one.sign(entra_claims(**claims)))
        unauthorized(excinfo, code)
        assert detail in excinfo.value.detail

    def test_token_signed_by_another_key_with_a_known_kid(
        self, jwks_server: JwksServer, http_client: httpx.Client, key_one: SigningKey, key_two: SigningKey
    ) -> None:
        jwks_server.serve(key_one)
        with pytest.raises(Unauthorized) as excinfo:
            entra_validator(jwks_server, http_client).validate(key_two.sign(entra_claims(), kid=key_one.kid))
        unauthorized(excinfo)

    def test_audience_list_accepts_either(
        self, jwks_server: JwksServer, http_client: httpx.Client, key_one: SigningKey
    ) -> None:
        jwks_server.serve(key_one)
        validator = entra_validator(jwks_server, http_client, audience="api://a, b")
        assert validator.validate(key_one.sign(entra_claims(aud="api://a"))).subject
        assert validator.validate(key_one.sign(entra_claims(aud="b"))).subject
        assert validator.validate(key_one.sign(entra_claims(aud=["c", "b"]))).subject
        with pytest.raises(Unauthorized):
            validator.validate(key_one.sign(entra_claims(aud="c")))
        with pytest.raises(Unauthorized):
            validator.validate(key_one.sign(entra_claims(aud="api://a, b")))

    def test_hs256_signed_with_the_public_key_is_refused(
        self, jwks_server: JwksServer, http_client: httpx.Client, key_one: SigningKey
    ) -> None:
        jwks_server.serve(key_one)
        forged = hs256_token({"alg": "HS256", "typ": "JWT", "kid": key_one.kid}, entra_claims(), key_one.public_pem)
        with pytest.raises(Unauthorized) as excinfo:
            entra_validator(jwks_server, http_client).validate(forged)
        unauthorized(excinfo)

    def test_rs256_header_over_an_hmac_signature_is_refused(
        self, jwks_server: JwksServer, http_client: httpx.Client, key_one: SigningKey
    ) -> None:
        jwks_server.serve(key_one)
        forged = hs256_token({"alg": "RS256", "typ": "JWT", "kid": key_one.kid}, entra_claims(), key_one.public_pem)
        with pytest.raises(Unauthorized) as excinfo:
            entra_validator(jwks_server, http_client).validate(forged)
        unauthorized(excinfo)

    def test_unsigned_token_is_refused(
        self, jwks_server: JwksServer, http_client: httpx.Client, key_one: SigningKey
    ) -> None:
        jwks_server.serve(key_one)
        with pytest.raises(Unauthorized):
            entra_validator(jwks_server, http_client).validate(unsigned_token(entra_claims()))

    def test_token_without_kid_is_refused(
        self, jwks_server: JwksServer, http_client: httpx.Client, key_one: SigningKey
    ) -> None:
        jwks_server.serve(key_one)
        token = jwt.encode(entra_claims(), key_one.private, algorithm="RS256")
        with pytest.raises(Unauthorized) as excinfo:
            entra_validator(jwks_server, http_client).validate(token)
        unauthorized(excinfo)
        assert jwks_server.requests == 0

    def test_key_rotation_is_picked_up(
        self,
        jwks_server: JwksServer,
        http_client: httpx.Client,
        key_one: SigningKey,
        key_two: SigningKey,
        clock: Clock,
    ) -> None:
        jwks_server.serve(key_one)
        validator = entra_validator(jwks_server, http_client)
        validator.validate(key_one.sign(entra_claims()))
        assert jwks_server.requests == 1

        jwks_server.serve(key_two)  # the issuer rolls its key
        clock.advance(61)
        assert validator.validate(key_two.sign(entra_claims())).tenant_id
        assert jwks_server.requests == 2
        # The retired key is gone from the cache too.
        with pytest.raises(Unauthorized, match="unknown key"):
            validator.validate(key_one.sign(entra_claims()))
        assert jwks_server.requests == 2

    def test_unknown_kids_refetch_at_most_once_per_cooldown(
        self,
        jwks_server: JwksServer,
        http_client: httpx.Client,
        key_one: SigningKey,
        key_two: SigningKey,
        clock: Clock,
    ) -> None:
        jwks_server.serve(key_one)
        validator = entra_validator(jwks_server, http_client)
        validator.validate(key_one.sign(entra_claims()))
        clock.advance(61)

        with pytest.raises(Unauthorized, match="unknown key"):
            validator.validate(key_one.sign(entra_claims(), kid="made-up-1"))
        assert jwks_server.requests == 2

        clock.advance(5)
        jwks_server.serve(key_one, key_two)
        for kid in ("made-up-2", "made-up-3", key_two.kid):
            with pytest.raises(Unauthorized, match="unknown key"):
                validator.validate(key_two.sign(entra_claims(), kid=kid))
        assert jwks_server.requests == 2  # still cooling down: no request per forged kid

        clock.advance(60)
        assert validator.validate(key_two.sign(entra_claims())).subject
        assert jwks_server.requests == 3

    def test_unknown_kid_right_after_the_first_fetch_does_not_refetch(
        self, jwks_server: JwksServer, http_client: httpx.Client, key_one: SigningKey, clock: Clock
    ) -> None:
        jwks_server.serve(key_one)
        validator = entra_validator(jwks_server, http_client)
        validator.validate(key_one.sign(entra_claims()))
        with pytest.raises(Unauthorized, match="unknown key"):
            validator.validate(key_one.sign(entra_claims(), kid="made-up"))
        assert jwks_server.requests == 1

    def test_failed_refresh_keeps_cached_keys_and_respects_the_cooldown(
        self, jwks_server: JwksServer, http_client: httpx.Client, key_one: SigningKey, clock: Clock
    ) -> None:
        jwks_server.serve(key_one)
        validator = entra_validator(jwks_server, http_client)
        validator.validate(key_one.sign(entra_claims()))

        jwks_server.status = 500
        clock.advance(61)
        with pytest.raises(Unauthorized, match="unknown key"):
            validator.validate(key_one.sign(entra_claims(), kid="made-up-1"))
        assert jwks_server.requests == 2
        with pytest.raises(Unauthorized, match="unknown key"):
            validator.validate(key_one.sign(entra_claims(), kid="made-up-2"))
        assert jwks_server.requests == 2  # a failed attempt starts a cooldown too
        assert validator.validate(key_one.sign(entra_claims())).subject  # cached keys still work

    def test_stale_keys_are_refreshed_but_kept_while_the_provider_is_down(
        self, jwks_server: JwksServer, http_client: httpx.Client, key_one: SigningKey, clock: Clock
    ) -> None:
        jwks_server.serve(key_one)
        validator = entra_validator(jwks_server, http_client)
        validator.validate(key_one.sign(entra_claims()))

        clock.advance(24 * 3600 + 1)
        validator.validate(key_one.sign(entra_claims()))
        assert jwks_server.requests == 2  # refreshed once after a day

        jwks_server.status = 503
        clock.advance(24 * 3600 + 1)
        for _ in range(3):
            assert validator.validate(key_one.sign(entra_claims())).subject
        assert jwks_server.requests == 3  # one attempt, not one per request

    def test_provider_down_at_first_use(self, http_client: httpx.Client, key_one: SigningKey) -> None:
        server = JwksServer()
        url = server.url
        server.close()  # nothing listens on the port any more
        validator = EntraTokenValidator(ISSUER, AUDIENCE, JwksCache(url, client=http_client))
        with pytest.raises(ServiceUnavailable) as excinfo:
            validator.validate(key_one.sign(entra_claims()))
        assert excinfo.value.status == 503
        assert excinfo.value.code == "identity_provider_unavailable"
        assert excinfo.value.headers == {"Retry-After": "5"}

    @pytest.mark.parametrize("document", [["not", "an", "object"], {"keys": []}, {"keys": "nope"}, "text"])
    def test_unusable_key_set_at_first_use(
        self, jwks_server: JwksServer, http_client: httpx.Client, key_one: SigningKey, document: object
    ) -> None:
        jwks_server.document = document
        with pytest.raises(ServiceUnavailable) as excinfo:
            entra_validator(jwks_server, http_client).validate(key_one.sign(entra_claims()))
        assert excinfo.value.headers["Retry-After"] == "5"

    def test_error_status_at_first_use(
        self, jwks_server: JwksServer, http_client: httpx.Client, key_one: SigningKey
    ) -> None:
        jwks_server.serve(key_one)
        jwks_server.status = 502
        validator = entra_validator(jwks_server, http_client)
        with pytest.raises(ServiceUnavailable):
            validator.validate(key_one.sign(entra_claims()))
        jwks_server.status = 200  # the provider recovers: the next request fetches again
        assert validator.validate(key_one.sign(entra_claims())).subject
        assert jwks_server.requests == 2
