"""Webhooks as a client meets them: subscribe over HTTP, process a generated call, receive one signed event."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.sample_calls import SampleCalls
from shared.dependencies import Dependencies
from shared.pipeline.model import Stage
from tests.e2e.conftest import CEILING_S, TERMINAL, LiveService, upload_file, wait_for_status
from tests.queues import queue_length
from tests.shared.webhooks.receiver import running_receiver
from tests.waiting import wait_for

pytestmark = pytest.mark.e2e

TENANT = "t-webhooks"


def test_a_processed_call_sends_exactly_one_verified_analysis_completed(
    live: LiveService, short_call: Path, deps: Dependencies
) -> None:
    with running_receiver() as receiver, live.client(TENANT) as client:
        created = client.post("/webhooks", json={"url": receiver.url("/completed"), "events": ["analysis.completed"]})
        assert created.status_code == 201, created.text
        subscription = created.json()
        failures_only = client.post("/webhooks", json={"url": receiver.url("/failed"), "events": ["processing.failed"]})
        assert failures_only.status_code == 201, failures_only.text

        audio_file_id = upload_file(client, short_call, autoProcess=True)
        status = wait_for_status(client, audio_file_id, TERMINAL)
        assert status["status"] == "completed", status

        [request] = receiver.wait_for(1, timeout_s=120)
        # Once the stage queues are drained (messages being handled count too), no stage can publish a second
        # event. The webhooks queue is shared with other tests' deliveries, whose retries wait there for minutes,
        # so it is not drained here: an event of this run already queued is delivered within seconds.
        wait_for(lambda: all(queue_length(deps, each.queue) == 0 for each in Stage), timeout=CEILING_S, interval=0.2)
        with pytest.raises(pytest.fail.Exception):
            receiver.wait_for(2, timeout_s=5)
        assert len(receiver.received) == 1
        assert request.path == "/completed"
        payload = request.verify(subscription["secret"])
        assert isinstance(payload, dict)
        assert payload["type"] == "analysis.completed"
        assert payload["data"]["audioFileId"] == audio_file_id
        assert payload["data"]["runId"] == status["runId"]
        assert payload["data"]["status"] == "completed"
        assert payload["data"]["links"]["analysis"] == f"/api/v1/audio-files/{audio_file_id}/analysis"
        assert request.headers["webhook-id"].startswith("evt_")

        log = client.get(f"/webhooks/{subscription['id']}/deliveries")
        assert log.status_code == 200, log.text
        [delivery] = log.json()["items"]
        assert delivery["eventId"] == request.headers["webhook-id"]
        assert delivery["status"] == "delivered"
        assert [attempt["statusCode"] for attempt in delivery["attempts"]] == [204]
        assert client.get(f"/webhooks/{failures_only.json()['id']}/deliveries").json()["items"] == []


def test_a_failed_run_sends_processing_failed(live: LiveService, sample_calls: SampleCalls) -> None:
    with running_receiver() as receiver, live.client("t-webhooks-failed") as client:
        created = client.post("/webhooks", json={"url": receiver.url("/failed"), "events": ["processing.failed"]})
        assert created.status_code == 201, created.text
        audio_file_id = upload_file(client, sample_calls.path("not_audio.wav"), autoProcess=True)
        status = wait_for_status(client, audio_file_id, TERMINAL)
        assert status["status"] == "failed"
        [request] = receiver.wait_for(1, timeout_s=120)
        payload = request.verify(created.json()["secret"])
        assert isinstance(payload, dict)
        assert payload["type"] == "processing.failed"
        assert payload["data"]["audioFileId"] == audio_file_id
        assert payload["data"]["error"] == {"code": "not_audio", "stage": "upload"}
