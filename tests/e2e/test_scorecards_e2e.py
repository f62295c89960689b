"""Scorecards as a client meets them over HTTP: publish a version, assign it to a campaign, process a call of
that campaign and see the version in the analysis and the webhook; re-evaluate with another version; a
published version never changes; another tenant sees none of it."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from scripts.sample_calls import SampleCalls
from tests.e2e.conftest import LiveService, upload_file, wait_for_status
from tests.shared.scorecards.cards import small_draft
from tests.shared.webhooks.receiver import running_receiver

pytestmark = pytest.mark.e2e

TENANT = "t-scorecards"
CAMPAIGN = "spring-e2e"
CARD = {
    **small_draft(name="Spring promo e2e"),
    "criteria": [
        {"id": "thanks", "name": "Thanks the caller", "weight": 2, "speaker": "agent",
         "anyOf": ["thank you for calling"]},
        {"id": "no_guarantee", "name": "No guarantees", "weight": 1, "speaker": "agent", "mustNot": True,
         "failExamples": ["i guarantee"]},
    ],
}  # fmt: skip


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json() if response.content else None


def problem(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    return str(response.json()["code"])


def scorecard_of(payload: object) -> object:
    assert isinstance(payload, dict)
    return payload["data"].get("scorecard")


def test_a_published_assigned_version_scores_the_campaigns_calls(live: LiveService, sample_calls: SampleCalls) -> None:
    with running_receiver() as receiver, live.client(TENANT) as client, live.client(f"{TENANT}-other") as other:
        hook = ok(client.post("/webhooks", json={"url": receiver.url("/done"), "events": ["analysis.completed"]}), 201)

        scorecard = ok(client.post("/scorecards", json=CARD), 201)
        scorecard_id = scorecard["id"]
        version_1 = f"/scorecards/{scorecard_id}/versions/1"
        published = ok(client.post(f"{version_1}/publish"))
        assert published["status"] == "published" and published["card"]["version"] == "1"
        # A published version cannot be changed; a new version is a draft that evaluates nothing until assigned.
        changed = client.put(version_1, json={**CARD, "passThreshold": 10})
        assert problem(changed, 409) == "scorecard_version_published"
        assert ok(client.get(version_1))["card"] == published["card"]
        draft = ok(client.post(f"/scorecards/{scorecard_id}/versions", json={**CARD, "passThreshold": 99}), 201)
        assert draft["version"] == 2 and draft["status"] == "draft"
        assigned = client.put("/scorecard-assignments",
                              json={"scorecardId": scorecard_id, "version": 1, "campaignId": CAMPAIGN})  # fmt: skip
        assert ok(assigned)["callType"] == "human"

        audio_file_id = upload_file(client, sample_calls.support_call, campaignId=CAMPAIGN, autoProcess=True)
        status = wait_for_status(client, audio_file_id, ("completed", "failed"))
        assert status["status"] == "completed", status
        analysis = ok(client.get(f"/audio-files/{audio_file_id}/analysis"))
        assert analysis["scorecard"] == {"id": scorecard_id, "name": "Spring promo e2e", "version": "1"}
        assert [criterion["id"] for criterion in analysis["criteria"]] == ["thanks", "no_guarantee"]
        assert analysis["passThreshold"] == 50
        [delivered] = receiver.wait_for(1, timeout_s=120)
        assert scorecard_of(delivered.verify(hook["secret"])) == {"id": scorecard_id, "version": "1"}

        # Re-evaluation names the stage (no force needed) and, here, a built-in card to use instead.
        again = client.post(
            f"/audio-files/{audio_file_id}/process",
            json={"stages": ["evaluation"], "scorecard": {"id": "default-human", "version": "2.8"}},
        )
        assert ok(again, 202)["stages"] == ["evaluation"]
        wait_for_status(client, audio_file_id, ("completed",))
        analysis = ok(client.get(f"/audio-files/{audio_file_id}/analysis"))
        assert (analysis["scorecard"]["id"], analysis["scorecard"]["version"]) == ("default-human", "2.8")
        second = receiver.wait_for(2, timeout_s=120)[1]
        assert scorecard_of(second.verify(hook["secret"])) == {"id": "default-human", "version": "2.8"}
        pinned_draft = client.post(
            f"/audio-files/{audio_file_id}/process",
            json={"stages": ["evaluation"], "scorecard": {"id": scorecard_id, "version": "2"}},
        )
        assert problem(pinned_draft, 409) == "scorecard_version_not_published"

        # Another tenant sees none of it.
        assert problem(other.get(f"/scorecards/{scorecard_id}"), 404) == "scorecard_not_found"
        assert problem(other.get(version_1), 404) == "scorecard_not_found"
        assert problem(other.post(f"{version_1}/publish"), 404) == "scorecard_not_found"
        assert ok(other.get("/scorecards")) == {"items": []}
        assert ok(other.get("/scorecard-assignments"))["campaigns"] == []
        borrowed = other.put("/scorecard-assignments", json={"scorecardId": scorecard_id, "version": 1})
        assert problem(borrowed, 404) == "scorecard_not_found"
        assert problem(other.get(f"/audio-files/{audio_file_id}/analysis"), 404) == "audio_file_not_found"
