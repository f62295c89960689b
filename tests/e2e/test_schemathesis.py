"""Schemathesis fuzzes every operation of the served OpenAPI document against the local host.

Positive runs send requests the document says are valid and check the answers conform to it: no 5xx, only
documented statuses, content types, bodies and headers. Negative runs send requests it says are invalid and
check they are refused as documented (problem+json), never with a 5xx.
"""

from __future__ import annotations

import hashlib
import ipaddress
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import httpx
import pytest
import schemathesis
from schemathesis import GenerationMode
from schemathesis.checks import CheckFunction, not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

import shared.webhooks.ssrf
from shared.blueprints.docs import get_openapi
from shared.webhooks.ssrf import IPAddress, UrlNotAllowed
from tests.conftest import token_for
from tests.e2e.conftest import LiveService, wait_for_status

pytestmark = pytest.mark.e2e

MAX_EXAMPLES = 25
CHECKS: list[CheckFunction] = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# Passing checks= runs only those: the negative run names the check that an invalid request is refused (a 4xx
# schemathesis expects for invalid data), which it applies only where the case is really invalid once sent.
NEGATIVE_CHECKS: list[CheckFunction] = [*CHECKS, negative_data_rejection]


@dataclass(frozen=True)
class FuzzTenant:
    base_url: str  # http://127.0.0.1:PORT/api, the document's server
    token: str
    # Path prefix -> ids that exist, in states a random well-formed id never reaches.
    known_ids: Mapping[str, tuple[str, ...]]

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def _literal_addresses_only(url: httpx.URL) -> list[IPAddress]:
    """Webhook URLs are resolved in-process (the host runs in this process): no DNS, so the run is offline."""
    try:
        return [ipaddress.ip_address(url.host)]
    except ValueError:
        raise UrlNotAllowed("webhook_url_unresolvable", "The URL's host name does not resolve.") from None


@pytest.fixture(scope="module")
def fuzz_tenant(live: LiveService) -> Iterator[FuzzTenant]:
    tenant = f"t-fuzz-{uuid.uuid4().hex[:8]}"
    with pytest.MonkeyPatch.context() as patch, live.client(tenant) as client:
        patch.setattr(shared.webhooks.ssrf, "resolve_addresses", _literal_addresses_only)
        waiting = client.post("/audio-files/upload-url", json={"fileName": "wait.wav", "engagementId": "fuzz"})
        rejected = client.post("/audio-files/upload-url", json={"fileName": "notes.wav", "engagementId": "fuzz"})
        assert waiting.status_code == rejected.status_code == 201, (waiting.text, rejected.text)
        upload = rejected.json()
        put = httpx.put(upload["uploadUrl"], content=b"not audio at all\n" * 64, headers=upload["requiredHeaders"])
        assert put.status_code == 201, put.text
        wait_for_status(client, upload["audioFileId"], ("failed",))
        # Loopback (allowed in tests) on the discard port: nothing is ever delivered to anyone.
        webhook = client.post("/webhooks", json={"url": "http://127.0.0.1:9/hook", "events": ["processing.failed"]})
        assert webhook.status_code == 201, webhook.text
        served = httpx.get(f"{live.api}/openapi.json")
        assert served.status_code == 200 and served.json() == get_openapi(), served.text[:500]
        known = {
            "/v1/audio-files/": (waiting.json()["audioFileId"], upload["audioFileId"]),
            "/v1/webhooks/": (webhook.json()["id"],),
        }
        yield FuzzTenant(live.base_url, token_for(tenant), known)


def _schema(mode: GenerationMode) -> schemathesis.BaseSchema:
    # The document the app serves (the fixture checks the host serves exactly this one). Loaded at import:
    # schemathesis' fixture-based lazy loading (from_fixture) fails under pytest 9.
    schema = schemathesis.openapi.from_dict(get_openapi())
    schema.config.update(request_timeout=30)
    # Bounded and repeatable: derandomized, no example database written into the repository.
    schema.config.generation.update(
        modes=[mode], max_examples=MAX_EXAMPLES, deterministic=True, database="none", with_security_parameters=False
    )
    return schema


positive = _schema(GenerationMode.POSITIVE)
# Operations without parameters or a body (health, the reference, the webhook list) have nothing to make invalid.
NO_INPUT = [
    operation["operationId"]
    for item in get_openapi()["paths"].values()
    for operation in item.values()
    if not operation.get("parameters") and "requestBody" not in operation
]
negative = _schema(GenerationMode.NEGATIVE).exclude(operation_id=NO_INPUT)


def _use_known_id(case: schemathesis.Case, fuzz_tenant: FuzzTenant) -> None:
    """A random well-formed id only ever finds 404: point most cases at resources that exist.

    Chosen from the generated id, so a derandomized run stays repeatable. DELETE keeps its random id so the
    resources survive the whole run.
    """
    generated = (case.path_parameters or {}).get("id")
    if not isinstance(generated, str) or case.method.upper() == "DELETE":
        return
    for prefix, ids in fuzz_tenant.known_ids.items():
        if case.operation.path.startswith(prefix):
            choice = hashlib.sha256(generated.encode()).digest()[0] % (len(ids) + 1)
            if choice < len(ids):
                case.path_parameters["id"] = ids[choice]


@positive.parametrize()
def test_valid_requests_get_documented_answers(case: schemathesis.Case, fuzz_tenant: FuzzTenant) -> None:
    _use_known_id(case, fuzz_tenant)
    case.call_and_validate(base_url=fuzz_tenant.base_url, headers=fuzz_tenant.headers, checks=CHECKS)


@negative.parametrize()
def test_invalid_requests_are_refused_as_documented(case: schemathesis.Case, fuzz_tenant: FuzzTenant) -> None:
    _use_known_id(case, fuzz_tenant)
    response = case.call_and_validate(
        base_url=fuzz_tenant.base_url, headers=fuzz_tenant.headers, checks=NEGATIVE_CHECKS
    )
    # A method the path does not have never reaches the app: the host answers a bare 404, as Core Tools does.
    if response.status_code >= 400 and case.method.upper() == case.operation.method.upper():
        assert response.headers.get("content-type", [""])[0].startswith("application/problem+json")
