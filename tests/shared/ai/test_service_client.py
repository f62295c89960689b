"""The shared Azure AI client layer against the local Azure AI Speech fake: credentials, retries, error mapping.

The engines (Speech, OpenAI) only add their own answers' shapes on top; what is tested here holds for both.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from azure.core.exceptions import ClientAuthenticationError, ServiceRequestError

from shared.ai.errors import EngineError
from shared.ai.service_client import AUTH_SCOPE, Refusal, ServiceClient
from tests.fakes.azure_speech import API_VERSION, LIST_JOBS, FakeAzureSpeech
from tests.fakes.credentials import RecordingCredential

pytestmark = pytest.mark.integration

KEY_HEADER = "Ocp-Apim-Subscription-Key"


@pytest.fixture
def fake() -> Iterator[FakeAzureSpeech]:
    with FakeAzureSpeech() as server:
        yield server


@pytest.fixture
def sleeps() -> list[float]:
    return []


def make_client(fake: FakeAzureSpeech, sleeps: list[float], **options: Any) -> ServiceClient:
    settings: dict[str, Any] = {
        "service": "Azure AI Speech",
        "error_prefix": "transcription",
        "key_header": KEY_HEADER,
        "api_key": fake.api_key,
        "timeout": 5.0,
        "max_retries": 2,
        "max_retry_wait_s": 60.0,
        "sleep": sleeps.append,
    } | options
    return ServiceClient(**settings)


def list_jobs_url(fake: FakeAzureSpeech, **query: str) -> str:
    return f"{fake.endpoint}/speechtotext/transcriptions?{urlencode({'api-version': API_VERSION, **query})}"


def list_jobs(client: ServiceClient, fake: FakeAzureSpeech, **options: Any) -> Any:
    return client.request("GET", list_jobs_url(fake), operation="batch lookup", **options)


# --- credentials ------------------------------------------------------------------------------------------


def test_a_key_goes_in_the_service_s_key_header(fake: FakeAzureSpeech, sleeps: list[float]) -> None:
    response = list_jobs(make_client(fake, sleeps), fake)
    assert response.status_code == 200
    (request,) = fake.calls(LIST_JOBS)
    assert request.headers[KEY_HEADER.lower()] == fake.api_key and "authorization" not in request.headers


def test_a_credential_sends_a_bearer_token_for_the_cognitive_services_scope(sleeps: list[float]) -> None:
    credential = RecordingCredential()
    with FakeAzureSpeech(api_key=None, bearer_token=credential.token) as fake:
        client = make_client(fake, sleeps, api_key=None, credential=credential)
        assert list_jobs(client, fake).status_code == 200
        (request,) = fake.calls(LIST_JOBS)
    assert credential.scopes == [(AUTH_SCOPE,)]
    assert request.headers["authorization"] == "Bearer entra-token" and KEY_HEADER.lower() not in request.headers


@pytest.mark.parametrize(
    ("failure", "code", "retryable"),
    [
        (ClientAuthenticationError("identity not assigned"), "transcription_auth_failed", False),
        (ServiceRequestError("identity endpoint unreachable"), "transcription_unavailable", True),
    ],
)
def test_a_credential_that_cannot_get_a_token_fails_before_any_call(
    fake: FakeAzureSpeech, sleeps: list[float], failure: Exception, code: str, retryable: bool
) -> None:
    client = make_client(fake, sleeps, api_key=None, credential=RecordingCredential(error=failure))
    with pytest.raises(EngineError) as caught:
        list_jobs(client, fake)
    assert (caught.value.code, caught.value.retryable) == (code, retryable)
    assert fake.requests == []


def test_exactly_one_way_to_authenticate(fake: FakeAzureSpeech, sleeps: list[float]) -> None:
    with pytest.raises(ValueError, match="exactly one"):
        make_client(fake, sleeps, api_key=None)
    with pytest.raises(ValueError, match="exactly one"):
        make_client(fake, sleeps, credential=RecordingCredential())


# --- retries ----------------------------------------------------------------------------------------------


def test_throttling_waits_what_the_service_asks_then_succeeds(fake: FakeAzureSpeech, sleeps: list[float]) -> None:
    fake.fail(429, operation=LIST_JOBS, retry_after="3")
    fake.fail(429, operation=LIST_JOBS, retry_after="1")
    assert list_jobs(make_client(fake, sleeps), fake).status_code == 200
    assert sleeps == [3.0, 1.0] and len(fake.calls(LIST_JOBS)) == 3


def test_throttling_beyond_the_retries_is_a_retryable_throttled_error(
    fake: FakeAzureSpeech, sleeps: list[float]
) -> None:
    fake.fail(429, operation=LIST_JOBS, times=5, retry_after="4")
    with pytest.raises(EngineError) as caught:
        list_jobs(make_client(fake, sleeps), fake)
    assert (caught.value.code, caught.value.retryable, caught.value.retry_after_s) == (
        "transcription_throttled",
        True,
        4.0,
    )
    assert sleeps == [4.0, 4.0] and len(fake.calls(LIST_JOBS)) == 3


def test_a_wait_longer_than_max_retry_wait_is_handed_back_not_slept(fake: FakeAzureSpeech, sleeps: list[float]) -> None:
    fake.fail(429, operation=LIST_JOBS, retry_after="600")
    with pytest.raises(EngineError) as caught:
        list_jobs(make_client(fake, sleeps, max_retry_wait_s=30), fake)
    assert (caught.value.retryable, caught.value.retry_after_s) == (True, 600.0)
    assert sleeps == [] and len(fake.calls(LIST_JOBS)) == 1


def test_server_errors_back_off_exponentially_with_jitter(fake: FakeAzureSpeech, sleeps: list[float]) -> None:
    fake.fail(503, operation=LIST_JOBS, times=2)
    assert list_jobs(make_client(fake, sleeps), fake).status_code == 200
    assert len(sleeps) == 2 and 0.5 <= sleeps[0] <= 1.0 and 1.0 <= sleeps[1] <= 2.0


def test_persistent_server_errors_are_a_retryable_unavailable_error(fake: FakeAzureSpeech, sleeps: list[float]) -> None:
    fake.fail(500, operation=LIST_JOBS, times=5)
    with pytest.raises(EngineError) as caught:
        list_jobs(make_client(fake, sleeps, max_retries=1), fake)
    assert (caught.value.code, caught.value.retryable) == ("transcription_unavailable", True)
    assert "HTTP 500" in caught.value.message and len(fake.calls(LIST_JOBS)) == 2


def test_retries_can_be_turned_off_for_a_best_effort_call(fake: FakeAzureSpeech, sleeps: list[float]) -> None:
    fake.fail(503, operation=LIST_JOBS, times=2)
    with pytest.raises(EngineError):
        list_jobs(make_client(fake, sleeps), fake, retries=0)
    assert sleeps == [] and len(fake.calls(LIST_JOBS)) == 1


def test_an_unreachable_service_is_retried_then_unavailable(sleeps: list[float]) -> None:
    with FakeAzureSpeech() as gone:
        pass  # nothing listens on its port once it stops
    with pytest.raises(EngineError) as caught:
        list_jobs(make_client(gone, sleeps, max_retries=1), gone)
    assert (caught.value.code, caught.value.retryable) == ("transcription_unavailable", True)
    assert "ConnectError" in caught.value.message and len(sleeps) == 1


def test_every_attempt_gets_a_fresh_body(fake: FakeAzureSpeech, sleeps: list[float]) -> None:
    fake.fail(503, operation=LIST_JOBS)
    built: list[int] = []

    def body() -> dict[str, Any]:
        built.append(len(built))
        return {"params": {"api-version": API_VERSION, "filter": "displayName eq 'x'"}}

    url = f"{fake.endpoint}/speechtotext/transcriptions"
    make_client(fake, sleeps).request("GET", url, operation="batch lookup", body=body)
    assert built == [0, 1]
    assert [call.query["filter"] for call in fake.calls(LIST_JOBS)] == ["displayName eq 'x'"] * 2


# --- final answers ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [401, 403])
def test_refused_credentials_are_final(fake: FakeAzureSpeech, sleeps: list[float], status: int) -> None:
    fake.fail(status, operation=LIST_JOBS)
    with pytest.raises(EngineError) as caught:
        list_jobs(make_client(fake, sleeps), fake)
    assert (caught.value.code, caught.value.retryable) == ("transcription_auth_failed", False)
    assert sleeps == [] and fake.api_key not in caught.value.message


def test_other_4xx_are_final_rejections_with_the_service_code_and_no_urls(
    fake: FakeAzureSpeech, sleeps: list[float]
) -> None:
    fake.fail(400, operation=LIST_JOBS, code="InvalidData", message="Bad file at https://x.example/a?sig=secret")
    with pytest.raises(EngineError) as caught:
        list_jobs(make_client(fake, sleeps), fake)
    assert (caught.value.code, caught.value.retryable) == ("transcription_rejected", False)
    assert caught.value.message == (
        "Azure AI Speech rejected the batch lookup request (HTTP 400) (InvalidData): Bad file at <url>."
    )


def test_an_engine_maps_rejections_its_own_way(fake: FakeAzureSpeech, sleeps: list[float]) -> None:
    fake.fail(400, operation=LIST_JOBS, code="content_filter")
    seen: list[Refusal] = []

    def rejected(refusal: Refusal) -> EngineError:
        seen.append(refusal)
        return EngineError("transcription_filtered", "filtered", retryable=False)

    with pytest.raises(EngineError) as caught:
        list_jobs(make_client(fake, sleeps, rejected=rejected), fake)
    assert caught.value.code == "transcription_filtered"
    assert [(r.status, r.code, r.operation) for r in seen] == [(400, "content_filter", "batch lookup")]


# --- hygiene ----------------------------------------------------------------------------------------------


def test_logs_hold_no_key_no_service_message_and_no_query_string(
    fake: FakeAzureSpeech, sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    fake.fail(503, operation=LIST_JOBS)
    fake.fail(400, operation=LIST_JOBS, message="the transcript said: my card number is 4111 1111 1111 1111")
    client = make_client(fake, sleeps)
    with pytest.raises(EngineError):
        client.request("GET", list_jobs_url(fake, sig="sas-signature"), operation="batch lookup")
    logged = caplog.text
    assert "batch lookup" in logged and "HTTP 400" in logged  # the layer does log, so absences mean something
    # the service's words, not four digits alone: the local server's port may hold them ("port=41119")
    for private in (fake.api_key, "card number is 4111 1111", "sas-signature"):
        assert private is not None and private not in logged
