"""Nothing a client must keep private reaches the logs: tokens, SAS signatures, webhook secrets, call content.

The local host runs the app in this process, so a handler on the root logger sees every record the functions,
the Azure SDK and the host write while a client goes through the documented flows. Records written by the test's
own thread (its HTTP client logs the SAS URLs it is given) are the client's, not the service's, and are left out.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from scripts.sample_calls import SUPPORT_CALL, SampleCalls
from shared.auth import SCOPES, mint_dev_token
from tests.conftest import DEV_SECRET, token_for
from tests.e2e.conftest import TERMINAL, LiveService, ServiceLogs, wait_for_status
from tests.shared.webhooks.receiver import running_receiver

pytestmark = pytest.mark.e2e

TENANT = "t-log-hygiene"
SHORTEST_CHECKED_TEXT = 12  # characters: shorter call text ("thank you") is too common to prove a leak


def _sas_signature(url: str) -> str:
    [signature] = parse_qs(urlsplit(url).query)["sig"]
    return signature


def _call_content(transcript: dict[str, Any], analysis: dict[str, Any]) -> set[str]:
    """What the call said, as transcript segments, evidence quotes, summary points and the script itself."""
    texts = {segment["text"].strip() for segment in transcript["segments"]}
    texts |= {evidence["quote"] for criterion in analysis["criteria"] for evidence in criterion["evidence"]}
    texts |= {point["text"] for point in analysis["summary"]}
    texts |= {turn.text for turn in SUPPORT_CALL.turns}
    return {text for text in texts if len(text) >= SHORTEST_CHECKED_TEXT}


def test_the_service_logs_no_secret_and_no_call_content(
    live: LiveService, sample_calls: SampleCalls, service_logs: ServiceLogs
) -> None:
    token = token_for(TENANT)
    forged = mint_dev_token("not-the-dev-secret-but-long-enough-to-sign", TENANT, SCOPES)
    with running_receiver() as receiver, live.client(TENANT) as client:
        subscription = client.post("/webhooks", json={"url": receiver.url("/hook"), "events": ["analysis.completed"]})
        assert subscription.status_code == 201, subscription.text
        webhook_secret = subscription.json()["secret"]

        created = client.post(
            "/audio-files/upload-url", json={"fileName": "Jane Doe 555-0100.wav", "engagementId": "eng-private"}
        )
        assert created.status_code == 201, created.text
        upload = created.json()
        put = httpx.put(
            upload["uploadUrl"], content=sample_calls.support_call.read_bytes(), headers=upload["requiredHeaders"]
        )
        assert put.status_code == 201, put.text
        audio_file_id = upload["audioFileId"]
        wait_for_status(client, audio_file_id, ("pending",))
        assert client.post(f"/audio-files/{audio_file_id}/process").status_code == 202
        assert wait_for_status(client, audio_file_id, TERMINAL)["status"] == "completed"
        receiver.wait_for(1, timeout_s=120)

        download = client.get(f"/audio-files/{audio_file_id}/download-url")
        assert download.status_code == 200, download.text
        transcript = client.get(f"/audio-files/{audio_file_id}/transcript").json()
        analysis = client.get(f"/audio-files/{audio_file_id}/analysis").json()
        for rendered in ("text", "srt", "vtt"):
            assert client.get(f"/audio-files/{audio_file_id}/transcript", params={"format": rendered}).is_success

        # Refused requests are where a token is most tempting to log.
        refused = httpx.get(f"{live.api}/audio-files", headers={"Authorization": f"Bearer {forged}"})
        assert refused.status_code == 401
        assert httpx.get(f"{live.api}/audio-files", headers={"Authorization": "Bearer not.a.jwt"}).status_code == 401

    logged = "\n".join(service_logs.lines)
    assert audio_file_id in logged  # the capture sees the service's records, so an absence below means something
    secrets = {
        "the client's bearer token": token,
        "the bearer token's signature": token.rsplit(".", 1)[1],
        "a forged token's signature": forged.rsplit(".", 1)[1],
        "the dev signing secret": DEV_SECRET,
        "the upload SAS signature": _sas_signature(upload["uploadUrl"]),
        "the download SAS signature": _sas_signature(download.json()["downloadUrl"]),
        "the webhook secret": webhook_secret.removeprefix("whsec_"),
        "the uploaded file name": "Jane Doe",
        # and the forms it takes once made safe for a header or a path
        "the file name made safe": "Jane_Doe",
        "the file name URL-encoded": "Jane%20Doe",
        "the phone number in the file name": "555-0100",
    }
    leaked = [what for what, value in secrets.items() if value in logged]
    assert leaked == []
    content = _call_content(transcript, analysis)
    assert len(content) >= 5
    assert [text for text in content if text in logged] == []
