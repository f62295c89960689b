"""The API's promises over real HTTP: auth answers, tenant isolation, problem bodies, no 5xx for bad input."""

from __future__ import annotations

import httpx
import pytest

from shared.auth import SCOPES
from tests.audio_samples import tone_wav
from tests.e2e.conftest import LiveService, wait_for_status

pytestmark = pytest.mark.e2e

ID = "af_01JXYZ0000000000000000000A"
ENDPOINTS = [
    ("GET", "/audio-files", "audio:read"),
    ("GET", f"/audio-files/{ID}", "audio:read"),
    ("DELETE", f"/audio-files/{ID}", "audio:write"),
    ("GET", f"/audio-files/{ID}/download-url", "audio:download"),
    ("GET", f"/audio-files/{ID}/transcript", "audio:read"),
    ("GET", f"/audio-files/{ID}/analysis", "audio:read"),
    ("POST", "/audio-files/upload-url", "audio:write"),
    ("POST", f"/audio-files/{ID}/process", "audio:write"),
    ("GET", f"/audio-files/{ID}/processing-status", "audio:read"),
    ("PUT", f"/audio-files/{ID}/analysis/reviews", "audio:review"),
    ("GET", "/scorecards/default-human/agreement", "scorecards:manage"),
    ("POST", "/scorecards/default-human/versions/1/backtest", "scorecards:manage"),
    ("GET", "/scorecards/default-human/versions/1/backtests/bt_01JXYZ0000000000000000000A", "scorecards:manage"),
]


def assert_problem(response: httpx.Response, status: int, code: str | None = None) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, object] = response.json()
    assert {"type", "title", "status", "detail", "code"} <= body.keys()
    assert body["status"] == status
    if code:
        assert body["code"] == code
    return body


@pytest.mark.parametrize(("method", "path", "scope"), ENDPOINTS)
def test_every_endpoint_needs_a_token_and_its_scope(live: LiveService, method: str, path: str, scope: str) -> None:
    anonymous = httpx.request(method, f"{live.api}{path}", json={})
    assert_problem(anonymous, 401, "missing_token")
    assert anonymous.headers["www-authenticate"].startswith("Bearer")
    garbage = httpx.request(method, f"{live.api}{path}", headers={"Authorization": "Bearer not.a.token"}, json={})
    assert_problem(garbage, 401, "invalid_token")
    others = [s for s in SCOPES if s != scope]
    with live.client("t-scopes", scopes=others) as client:
        assert_problem(client.request(method, path, json={}), 403, "insufficient_scope")


def test_another_tenants_recording_is_not_found(live: LiveService, tmp_path) -> None:
    wav = tmp_path / "call.wav"
    wav.write_bytes(tone_wav())
    with live.client("t-owner") as owner, live.client("t-intruder") as intruder:
        created = owner.post("/audio-files/upload-url", json={"fileName": "call.wav", "engagementId": "e1"}).json()
        audio_file_id = created["audioFileId"]
        for method, path, _ in ENDPOINTS:
            if "{" in path or ID not in path:
                continue
            response = intruder.request(method, path.replace(ID, audio_file_id), json={})
            assert_problem(response, 404)
        assert intruder.get("/audio-files").json()["items"] == []
        assert owner.get(f"/audio-files/{audio_file_id}").status_code == 200


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (b"{not json", 400, "malformed_json"),
        (b"[]", 400, "malformed_json"),
        (b'{"engagementId": "e1"}', 400, "validation_error"),
        (b'{"fileName": "a.wav", "engagementId": "bad id with spaces"}', 400, "validation_error"),
        (b'{"fileName": "a.wav", "engagementId": "e1", "fileSize": 5}', 400, "validation_error"),
        (b'{"fileName": "a.wav", "engagementId": "e1", "contentType": "text/html"}', 400, "validation_error"),
        (b'{"fileName": "a.wav", "engagementId": "e1", "sizeBytes": 999999999999}', 413, "file_too_large"),
        (b'{"fileName": "' + b"x" * 70000 + b'", "engagementId": "e1"}', 413, "body_too_large"),
        (b"", 400, "missing_body"),
    ],
)
def test_bad_upload_requests_get_a_problem_with_a_code(live: LiveService, body: bytes, status: int, code: str) -> None:
    with live.client("t-bad-input") as client:
        response = client.post("/audio-files/upload-url", content=body, headers={"Content-Type": "application/json"})
        assert_problem(response, status, code)


@pytest.mark.parametrize(
    "query",
    [
        "pageSize=0",
        "pageSize=101",
        "page=0",
        "page=abc",
        "isAICall=yes",
        "dateFrom=yesterday",
        "dateFrom=2026-02-01&dateTo=2026-01-01",
        "campaignId=%27%20or%201%20eq%201",
        "continuationToken=garbage",
        "unknown=1",
    ],
)
def test_bad_list_queries_are_400(live: LiveService, query: str) -> None:
    with live.client("t-bad-query") as client:
        body = assert_problem(client.get(f"/audio-files?{query}"), 400)
        assert body["code"] in ("validation_error", "invalid_continuation_token")


def test_unknown_ids_and_states_are_4xx_never_5xx(live: LiveService) -> None:
    with live.client("t-states") as client:
        assert_problem(client.get("/audio-files/not-an-id"), 404, "audio_file_not_found")
        assert_problem(client.get(f"/audio-files/{ID}/transcript?format=docx"), 400, "validation_error")
        created = client.post("/audio-files/upload-url", json={"fileName": "a.wav", "engagementId": "e1"}).json()
        audio_file_id = created["audioFileId"]
        assert_problem(client.post(f"/audio-files/{audio_file_id}/process"), 409, "audio_not_uploaded")
        assert_problem(client.get(f"/audio-files/{audio_file_id}/download-url"), 409, "audio_not_uploaded")
        assert_problem(client.get(f"/audio-files/{audio_file_id}/transcript"), 404, "transcript_not_found")
        assert_problem(client.post(f"/audio-files/{audio_file_id}/process", json={"stages": ["x"]}), 400)
        assert_problem(
            client.post(
                f"/audio-files/{audio_file_id}/process", content=b"{", headers={"Content-Type": "application/json"}
            ),
            400,
        )


def test_a_text_file_uploaded_as_audio_ends_failed_with_not_audio(live: LiveService) -> None:
    with live.client("t-not-audio") as client:
        created = client.post("/audio-files/upload-url", json={"fileName": "notes.wav", "engagementId": "e1"}).json()
        put = httpx.put(
            created["uploadUrl"], content=b"meeting notes, not audio\n" * 50, headers=created["requiredHeaders"]
        )
        assert put.status_code == 201
        status = wait_for_status(client, created["audioFileId"], ("pending", "failed"))
        assert status["status"] == "failed" and status["error"]["code"] == "not_audio"
        assert_problem(client.post(f"/audio-files/{created['audioFileId']}/process"), 409, "invalid_upload")


def test_health_needs_no_token(live: LiveService) -> None:
    response = httpx.get(f"{live.base_url}/health")
    assert response.status_code == 200 and response.json()["status"] == "ok"
