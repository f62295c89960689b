"""SAS URLs in Azure: user delegation SAS signed with a key fetched through the app's identity.

The storage SDK's real request pipeline talks to a local HTTPS server that plays the Blob service's
Get User Delegation Key operation (bearer tokens are only sent over TLS, hence HTTPS with a certificate made here).
"""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from azure.core.exceptions import ServiceRequestError
from azure.data.tables import TableServiceClient
from azure.storage.blob import BlobServiceClient, UserDelegationKey, generate_blob_sas
from azure.storage.queue import QueueServiceClient

from shared.storage import blobs
from shared.storage.blobs import AUDIO_CONTAINER, BlobStore
from shared.storage.clients import StorageClients, build_storage_clients
from tests.fakes.credentials import RecordingCredential
from tests.fakes.server import LoopbackServer, self_signed_certificate, tls_server_context
from tests.settings import settings_from

pytestmark = pytest.mark.integration

ACCOUNT = "audiofilesacct"
TOKEN = "fixed-test-token"
OID = "11111111-2222-3333-4444-555555555555"
TID = "66666666-7777-8888-9999-000000000000"
KEY_VERSION = "2025-11-05"
ISO = "%Y-%m-%dT%H:%M:%SZ"
BLOB_NAME = "tenant-1/01JTESTAUDIO/call.wav"


# ---------------------------------------------------------------------------------------------------------------
# A local "Blob service" over HTTPS
# ---------------------------------------------------------------------------------------------------------------
@dataclass
class RecordedRequest:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


@dataclass
class FakeBlobService:
    url: str
    cert_path: Path
    requests: list[RecordedRequest] = field(default_factory=list)
    keys: list[UserDelegationKey] = field(default_factory=list)  # every key handed out, in order

    def key_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.query.get("comp") == ["userdelegationkey"]]


def _handler(service: FakeBlobService) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # the test output stays quiet
            pass

        def _respond(self, status: int, body: bytes, content_type: str = "application/xml") -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("x-ms-request-id", f"req-{len(service.requests)}")
            self.send_header("x-ms-version", self.headers.get("x-ms-version", ""))
            self.end_headers()
            self.wfile.write(body)

        def _record(self) -> RecordedRequest:
            length = int(self.headers.get("Content-Length") or 0)
            parts = urlsplit(self.path)
            request = RecordedRequest(
                method=self.command,
                path=parts.path,
                query=parse_qs(parts.query),
                headers={k.lower(): v for k, v in self.headers.items()},
                body=self.rfile.read(length) if length else b"",
            )
            service.requests.append(request)
            return request

        def do_POST(self) -> None:
            request = self._record()
            if request.query.get("restype") != ["service"] or request.query.get("comp") != ["userdelegationkey"]:
                self._respond(400, b"<Error><Code>UnsupportedQueryParameter</Code></Error>")
                return
            key_info = ET.fromstring(request.body)  # noqa: S314 - the test's own client wrote it
            start, expiry = key_info.findtext("Start"), key_info.findtext("Expiry")
            key = UserDelegationKey()
            key.signed_oid, key.signed_tid = OID, TID
            key.signed_start, key.signed_expiry = start, expiry
            key.signed_service, key.signed_version = "b", KEY_VERSION
            key.value = base64.b64encode(f"key-{len(service.keys)}".encode().ljust(32, b"!")).decode()
            service.keys.append(key)
            body = (
                '<?xml version="1.0" encoding="utf-8"?><UserDelegationKey>'
                f"<SignedOid>{OID}</SignedOid><SignedTid>{TID}</SignedTid>"
                f"<SignedStart>{start}</SignedStart><SignedExpiry>{expiry}</SignedExpiry>"
                f"<SignedService>b</SignedService><SignedVersion>{KEY_VERSION}</SignedVersion>"
                f"<Value>{key.value}</Value></UserDelegationKey>"
            )
            self._respond(200, body.encode())

        def do_GET(self) -> None:
            self._record()
            self._respond(404, b"<Error><Code>ResourceNotFound</Code></Error>")

        do_PUT = do_HEAD = do_DELETE = do_GET

    return Handler


@pytest.fixture
def blob_service(tmp_path: Path) -> Iterator[FakeBlobService]:
    cert_path, key_path = self_signed_certificate(tmp_path)
    service = FakeBlobService(url="", cert_path=cert_path)
    with LoopbackServer(_handler(service), tls=tls_server_context(cert_path, key_path)) as server:
        service.url = f"{server.origin}/{ACCOUNT}"
        yield service


# ---------------------------------------------------------------------------------------------------------------
# The app's configuration in Azure: identity-based service URIs and a token credential
# ---------------------------------------------------------------------------------------------------------------
ENTRA = {
    "AUTH_MODE": "entra",
    "AUTH_ISSUER": f"https://login.microsoftonline.com/{TID}/v2.0",
    "AUTH_AUDIENCE": "00000000-0000-0000-0000-0000000000aa",
    "AUTH_JWKS_URL": f"https://login.microsoftonline.com/{TID}/discovery/v2.0/keys",
}


@pytest.fixture
def trust_local_certificate(blob_service: FakeBlobService, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app builds its clients without transport options: trust the test certificate the way requests does."""
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(blob_service.cert_path))
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(name, "127.0.0.1,localhost")


@pytest.fixture
def credential() -> RecordingCredential:
    return RecordingCredential(TOKEN)


@pytest.fixture
def identity_store(
    blob_service: FakeBlobService, credential: RecordingCredential, trust_local_certificate: None
) -> BlobStore:
    settings = settings_from(
        **ENTRA,
        AzureWebJobsStorage__blobServiceUri=blob_service.url,
        AzureWebJobsStorage__queueServiceUri=f"https://{ACCOUNT}.queue.core.windows.net/",
        AzureWebJobsStorage__tableServiceUri=f"https://{ACCOUNT}.table.core.windows.net/",
        AzureWebJobsStorage__clientId="client-id-of-the-managed-identity",
    )
    assert settings.storage_connection_string is None
    clients = build_storage_clients(settings, credential)
    assert clients.account_key is None and clients.account_name == ACCOUNT
    return BlobStore(clients)


def sas_query(url: str) -> dict[str, str]:
    values = parse_qs(urlsplit(url).query, keep_blank_values=True, strict_parsing=True)
    assert all(len(v) == 1 for v in values.values()), values
    return {k: v[0] for k, v in values.items()}


def expected_signature(
    query: dict[str, str], key: UserDelegationKey | None = None, account_key: str | None = None
) -> str:
    """The sig azure.storage.blob computes for the same fields and key, independently of the app's code path."""
    token = generate_blob_sas(
        account_name=ACCOUNT,
        container_name=AUDIO_CONTAINER,
        blob_name=BLOB_NAME,
        permission=query["sp"],
        start=query["st"],
        expiry=query["se"],
        protocol=query["spr"],
        content_disposition=query.get("rscd"),
        content_type=query.get("rsct"),
        user_delegation_key=key,
        account_key=account_key,
    )
    return sas_query(f"https://x/?{token}")["sig"]


def parse_time(value: str) -> datetime:
    return datetime.strptime(value, ISO).replace(tzinfo=UTC)


# ---------------------------------------------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------------------------------------------
def test_upload_url_is_a_user_delegation_sas(
    identity_store: BlobStore, blob_service: FakeBlobService, credential: RecordingCredential
) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    url, expires_at = identity_store.upload_sas_url(BLOB_NAME, timedelta(minutes=15))

    # One Get User Delegation Key request, authorised with the identity's bearer token.
    assert len(blob_service.requests) == 1
    request = blob_service.requests[0]
    assert request.method == "POST"
    assert request.path == f"/{ACCOUNT}/"
    assert request.query == {"restype": ["service"], "comp": ["userdelegationkey"]}
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.headers.get("x-ms-version")
    assert credential.scopes and all(scopes == ("https://storage.azure.com/.default",) for scopes in credential.scopes)
    key_info = ET.fromstring(request.body)  # noqa: S314 - the test's own client wrote it
    assert key_info.tag == "KeyInfo"
    key_start, key_expiry = parse_time(key_info.findtext("Start") or ""), parse_time(key_info.findtext("Expiry") or "")
    assert before - timedelta(minutes=6) <= key_start <= before  # a little clock skew tolerance
    assert timedelta(hours=23) < key_expiry - before <= timedelta(days=7)  # at most 7 days, the service's limit

    # The SAS: the blob's URL, create-only, HTTPS only, carrying the served key's identity fields.
    assert url.startswith(f"{blob_service.url}/{AUDIO_CONTAINER}/{BLOB_NAME}?")
    query = sas_query(url)
    key = blob_service.keys[0]
    assert query["sp"] == "c"
    assert query["sr"] == "b"
    assert query["spr"] == "https"
    assert "rscd" not in query and "rsct" not in query
    assert (query["skoid"], query["sktid"], query["sks"], query["skv"]) == (OID, TID, "b", KEY_VERSION)
    assert (query["skt"], query["ske"]) == (key.signed_start, key.signed_expiry)
    assert parse_time(query["se"]) == expires_at
    assert timedelta(minutes=14) < expires_at - before <= timedelta(minutes=15, seconds=2)
    assert parse_time(query["st"]) <= before
    assert parse_time(query["se"]) <= parse_time(query["ske"])  # the SAS never outlives its key
    assert query["sig"] == expected_signature(query, key)


def test_download_url_is_a_read_only_sas_that_names_the_file(
    identity_store: BlobStore, blob_service: FakeBlobService
) -> None:
    url, _ = identity_store.download_sas_url(AUDIO_CONTAINER, BLOB_NAME, timedelta(minutes=15), "call.wav", "audio/wav")
    query = sas_query(url)
    assert query["sp"] == "r"
    assert query["sr"] == "b"
    assert query["spr"] == "https"
    assert query["rscd"] == 'attachment; filename="call.wav"'
    assert query["rsct"] == "audio/wav"
    assert (query["skoid"], query["sktid"], query["sks"], query["skv"]) == (OID, TID, "b", KEY_VERSION)
    assert query["sig"] == expected_signature(query, blob_service.keys[0])


def test_the_signature_depends_on_the_served_key(identity_store: BlobStore, blob_service: FakeBlobService) -> None:
    query = sas_query(identity_store.upload_sas_url(BLOB_NAME, timedelta(minutes=5))[0])
    other = UserDelegationKey()
    vars(other).update(vars(blob_service.keys[0]))
    other.value = base64.b64encode(b"another-key".ljust(32, b"?")).decode()
    assert query["sig"] != expected_signature(query, other)
    changed_disposition = {**query, "rscd": 'attachment; filename="other.wav"'}
    assert query["sig"] != expected_signature(changed_disposition, blob_service.keys[0])


def test_one_delegation_key_signs_many_urls(identity_store: BlobStore, blob_service: FakeBlobService) -> None:
    urls = [identity_store.upload_sas_url(BLOB_NAME, timedelta(minutes=15))[0] for _ in range(5)]
    ttl = timedelta(minutes=15)
    urls += [identity_store.download_sas_url(AUDIO_CONTAINER, BLOB_NAME, ttl, "call.wav", None)[0] for _ in range(5)]
    assert len(blob_service.key_requests()) == 1
    assert len(blob_service.requests) == 1
    for url in urls:
        query = sas_query(url)
        assert query["sig"] == expected_signature(query, blob_service.keys[0])


def test_the_key_is_fetched_again_shortly_before_it_expires(
    identity_store: BlobStore, blob_service: FakeBlobService, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = datetime.now(UTC).replace(microsecond=0)

    class Clock(datetime):
        current = start

        @classmethod
        def now(cls, tz: Any = None) -> Any:
            return cls.current

    monkeypatch.setattr(blobs, "datetime", Clock)
    longest = timedelta(minutes=60)  # the largest TTL the settings allow

    def sign_at(offset: timedelta) -> dict[str, str]:
        Clock.current = start + offset
        return sas_query(identity_store.upload_sas_url(BLOB_NAME, longest)[0])

    first = sign_at(timedelta(0))
    late = sign_at(timedelta(hours=22, minutes=59))
    assert len(blob_service.key_requests()) == 1  # still valid for over an hour: reused
    assert (late["skt"], late["ske"]) == (first["skt"], first["ske"])
    assert parse_time(late["se"]) <= parse_time(late["ske"])

    renewed = sign_at(timedelta(hours=23))  # an hour before expiry: a new key
    assert len(blob_service.key_requests()) == 2
    assert parse_time(renewed["skt"]) == start + timedelta(hours=23) - timedelta(minutes=5)
    assert parse_time(renewed["ske"]) == start + timedelta(hours=23) + timedelta(days=1)
    assert renewed["sig"] == expected_signature(renewed, blob_service.keys[1])
    assert renewed["sig"] != expected_signature(renewed, blob_service.keys[0])

    sign_at(timedelta(hours=23, minutes=30))
    assert len(blob_service.key_requests()) == 2


def test_an_account_key_connection_signs_locally(blob_service: FakeBlobService, trust_local_certificate: None) -> None:
    account_key = base64.b64encode(b"an-account-key-for-tests".ljust(64, b"k")).decode()
    connection = (
        f"DefaultEndpointsProtocol=https;AccountName={ACCOUNT};AccountKey={account_key};"
        f"BlobEndpoint={blob_service.url};"
    )
    settings = settings_from(**ENTRA, AzureWebJobsStorage=connection)
    store = BlobStore(build_storage_clients(settings))

    url, _ = store.upload_sas_url(BLOB_NAME, timedelta(minutes=15))
    download, _ = store.download_sas_url(AUDIO_CONTAINER, BLOB_NAME, timedelta(minutes=15), "call.wav", "audio/wav")

    assert blob_service.requests == []  # no Get User Delegation Key, no request at all
    for sas in (url, download):
        query = sas_query(sas)
        assert not {"skoid", "sktid", "skt", "ske", "sks", "skv"} & query.keys()
        assert query["spr"] == "https"
        assert query["sig"] == expected_signature(query, account_key=account_key)


@pytest.mark.parametrize("trusted", [True, False])
def test_tls_verification_is_real(
    blob_service: FakeBlobService, credential: RecordingCredential, monkeypatch: pytest.MonkeyPatch, trusted: bool
) -> None:
    """A control for the tests above: the client reaches the server only when it trusts the test certificate."""
    monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(name, "127.0.0.1,localhost")
    service = BlobServiceClient(
        blob_service.url,
        credential=credential,
        connection_verify=str(blob_service.cert_path) if trusted else True,
        retry_total=0,
    )
    clients = StorageClients(
        blob=service,
        queue=QueueServiceClient(f"https://{ACCOUNT}.queue.core.windows.net/", credential=credential),
        table=TableServiceClient(f"https://{ACCOUNT}.table.core.windows.net/", credential=credential),
        account_name=ACCOUNT,
        account_key=None,
    )
    store = BlobStore(clients)
    if trusted:
        query = sas_query(store.upload_sas_url(BLOB_NAME, timedelta(minutes=15))[0])
        assert query["sig"] == expected_signature(query, blob_service.keys[0])
        assert len(blob_service.key_requests()) == 1
    else:
        with pytest.raises(ServiceRequestError):
            store.upload_sas_url(BLOB_NAME, timedelta(minutes=15))
        assert blob_service.requests == []
