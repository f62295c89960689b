"""Backtests and reviewer overrides as a client uses them: over HTTP through the local host, on Azurite.

The calls are seeded as processing leaves them (records, redacted transcripts and the default offline engine's
analyses with the built-in human card). Everything else is the API: the draft under test is created through
the scorecards API.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from bench.evaluation import load_calls
from bench.seeding import seed_processed_calls
from shared.ai.evaluation.base import EvaluationContext
from shared.ai.evaluation.scorecards import default_scorecard
from shared.ai.factory import offline_evaluation_engine
from shared.auth import SCOPES
from shared.dependencies import Dependencies
from shared.models.analysis import Analysis, Scorecard
from shared.models.transcript import Transcript
from tests.e2e.conftest import LiveService
from tests.waiting import wait_for

pytestmark = pytest.mark.e2e

CAMPAIGN = "spring-promo"
DRAFT_ID = "qa-human"
RECORDED = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def _transcripts(count: int) -> list[Transcript]:
    transcripts = [call.transcript for call in load_calls("dev") if call.call_type == "human"][:count]
    assert len(transcripts) == count
    return transcripts


def _seed(deps: Dependencies, tenant: str, count: int, campaign: str | None = CAMPAIGN) -> list[tuple[Any, Analysis]]:
    transcripts = _transcripts(count)
    return seed_processed_calls(
        records=deps.audio_files,
        blobs=deps.blobs,
        tenant_id=tenant,
        transcripts=transcripts,
        is_ai_call=False,
        campaign_id=campaign,
        first_recorded_at=RECORDED,
    )


def _stricter_draft() -> Scorecard:
    """The built-in human card, stricter: every decided criterion must pass, and the greeting needs wording no
    call has (so each stored greeting pass becomes a fail, and every call fails)."""
    base = default_scorecard("human")
    criteria = [
        c.model_copy(update={"any_of": ["zebra quartz marmalade"], "patterns": [], "pass_examples": []})
        if c.id == "greeting"
        else c
        for c in base.criteria
    ]
    return base.model_copy(
        update={"id": DRAFT_ID, "name": "QA human, strict", "pass_threshold": 100.0, "criteria": criteria}
    )


def _finished(client: httpx.Client, location: str) -> dict[str, Any]:
    def done() -> dict[str, Any] | None:
        response = client.get(location)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        assert body["status"] != "failed", body
        return body if body["status"] == "completed" else None

    result: dict[str, Any] = wait_for(done, 120, interval=0.5, message="the backtest did not complete")
    return result


def _criterion_flips(seeded: list[tuple[Any, Analysis]], draft: Scorecard) -> dict[str, tuple[set[str], set[str]]]:
    """Per criterion, the calls whose verdict goes pass to fail and fail to pass when evaluated with ``draft``
    by the engine the calls were seeded with. Besides the greeting, the intent layer weighs each sentence
    against every criterion's examples, so taking the greeting's away can move another verdict (a greeting
    sentence may then read closest to an empathy example)."""
    engine = offline_evaluation_engine()
    flips: dict[str, tuple[set[str], set[str]]] = {}
    for (record, stored), transcript in zip(seeded, _transcripts(len(seeded)), strict=True):
        context = EvaluationContext(audio_file_id=record.id, engagement_id=record.engagement_id,
                                    campaign_id=record.campaign_id, is_ai_call=False, scorecard=draft)  # fmt: skip
        before = {criterion.id: criterion.verdict for criterion in stored.criteria}
        for criterion in engine.evaluate(transcript, context).criteria:
            was = before.get(criterion.id)
            if {was, criterion.verdict} == {"pass", "fail"}:
                to_fail, to_pass = flips.setdefault(criterion.id, (set(), set()))
                (to_fail if was == "pass" else to_pass).add(record.id)
    return flips


def test_a_stricter_draft_backtest_reports_the_exact_flips(live: LiveService, deps: Dependencies, tenant: str) -> None:
    seeded = _seed(deps, tenant, 20)
    _seed(deps, tenant, 3, campaign="other-campaign")  # outside the filter
    passed = {record.id for record, analysis in seeded if analysis.passed}
    greeting_passed = {
        record.id for record, analysis in seeded if next(c for c in analysis.criteria if c.id == "greeting").passed
    }
    assert passed and greeting_passed and len(passed) < 20  # the set exercises both directions of the check
    before = {record.id: analysis.score for record, analysis in seeded}

    with live.client(tenant) as client:
        # The card as a client writes it: the service sets the id and version.
        card = {k: v for k, v in _stricter_draft().to_wire().items() if k not in ("id", "version")}
        made = client.post("/scorecards", json=card)
        assert made.status_code == 201, made.text
        draft_id = made.json()["id"]
        assert [v["status"] for v in made.json()["versions"]] == ["draft"]  # a backtest comes before publishing
        created = client.post(f"/scorecards/{draft_id}/versions/1/backtest", json={"campaignId": CAMPAIGN, "limit": 50})
        assert created.status_code == 202, created.text
        assert created.json()["status"] == "queued"
        location = created.headers["Location"].removeprefix("/api/v1")
        body = _finished(client, location)

        assert body["progress"] == {"total": 20, "done": 20, "flips": len(passed)}
        report = body["report"]
        assert report["overall"] == {
            "calls": 20,
            "skipped": 0,
            "passToFail": len(passed),
            "failToPass": 0,
            "unchanged": 20 - len(passed),
        }
        by_criterion = {c["criterionId"]: c for c in report["criteria"]}
        assert by_criterion["greeting"]["passToFail"] == len(greeting_passed)
        assert set(by_criterion["greeting"]["flippedCalls"]) == greeting_passed
        expected = _criterion_flips(seeded, _stricter_draft())
        assert expected["greeting"] == (greeting_passed, set())
        for criterion_id, entry in by_criterion.items():
            to_fail, to_pass = expected.get(criterion_id, (set(), set()))
            assert (entry["passToFail"], entry["failToPass"]) == (len(to_fail), len(to_pass)), criterion_id
            assert set(entry["flippedCalls"]) == to_fail | to_pass, criterion_id
        assert all(c["compared"] == 20 for c in by_criterion.values())
        flipped = set().union(*(to_fail | to_pass for to_fail, to_pass in expected.values()))
        assert {flip["audioFileId"] for flip in report["flips"]} == (passed | flipped)
        flip = report["flips"][0]
        assert flip["links"]["analysis"] == f"/api/v1/audio-files/{flip['audioFileId']}/analysis"

        # The stored analyses are untouched.
        for audio_file_id in list(passed)[:3]:
            analysis = client.get(f"/audio-files/{audio_file_id}/analysis").json()
            assert analysis["score"] == before[audio_file_id]
            assert analysis["passed"] is True

        # Another tenant sees none of it.
        with live.client("other-tenant") as other:
            assert other.get(location).json()["code"] == "backtest_not_found"
            refused = other.post(f"/scorecards/{draft_id}/versions/1/backtest", json={})
            assert (refused.status_code, refused.json()["code"]) == (404, "scorecard_version_not_found")
        without_scope = live.client(tenant, [s for s in SCOPES if s != "scorecards:manage"])
        with without_scope:
            assert without_scope.get(location).status_code == 403
        assert client.post(f"/scorecards/{draft_id}/versions/2/backtest", json={}).status_code == 404
        bad = client.post(f"/scorecards/{draft_id}/versions/1/backtest", json={"limit": 100_000})
        assert (bad.status_code, bad.json()["code"]) == (400, "validation_error")


def test_overrides_show_in_the_analysis_and_the_agreement(live: LiveService, deps: Dependencies, tenant: str) -> None:
    seeded = _seed(deps, tenant, 4)
    machine = [{c.id: c.verdict for c in analysis.criteria} for _, analysis in seeded]
    opposite = {"pass": "fail", "fail": "pass"}
    # Calls 0 and 1: the reviewer agrees on the greeting; calls 2 and 3: the reviewer says the opposite.
    greeting = [machine[i]["greeting"] if i < 2 else opposite[machine[i]["greeting"]] for i in range(4)]

    with live.client(tenant) as client:
        for index, (record, _) in enumerate(seeded):
            response = client.put(
                f"/audio-files/{record.id}/analysis/reviews",
                json={"criteria": [{"criterionId": "greeting", "verdict": greeting[index], "comment": "listened"}]},
            )
            assert response.status_code == 200, response.text
            reviews = response.json()["reviews"]
            assert [(r["criterionId"], r["verdict"], r["reviewer"]) for r in reviews] == [
                ("greeting", greeting[index], "dev-user")
            ]
        # A second reviewer's pass over call 3 adds the closing criterion; the greeting review stays.
        record3 = seeded[3][0]
        closing = client.put(
            f"/audio-files/{record3.id}/analysis/reviews",
            json={"criteria": [{"criterionId": "closing", "verdict": machine[3]["closing"]}]},
        )
        assert [r["criterionId"] for r in closing.json()["reviews"]] == ["closing", "greeting"]

        analysis = client.get(f"/audio-files/{record3.id}/analysis").json()
        shown = {c["id"]: c for c in analysis["criteria"]}
        assert shown["greeting"]["machineVerdict"] == machine[3]["greeting"]
        assert shown["greeting"]["review"]["verdict"] == greeting[3]
        assert shown["greeting"]["finalVerdict"] == greeting[3]
        assert "review" not in shown["empathy"]
        assert shown["empathy"]["finalVerdict"] == machine[3]["empathy"]
        assert analysis["final"]["reviewed"] == 2
        assert analysis["final"]["score"] != analysis["score"]  # the greeting's verdict changed sides

        agreement = client.get("/scorecards/default-human/agreement", params={"from": "2026-11-01", "to": "2026-11-30"})
        assert agreement.status_code == 200, agreement.text
        figures = agreement.json()
        assert figures["reviewedCalls"] == 4
        by_criterion = {c["criterionId"]: c for c in figures["criteria"]}
        assert (by_criterion["greeting"]["pairs"], by_criterion["greeting"]["agreed"]) == (4, 2)
        assert by_criterion["greeting"]["agreement"] == 0.5
        assert (by_criterion["closing"]["pairs"], by_criterion["closing"]["agreed"]) == (1, 1)
        assert (figures["overall"]["pairs"], figures["overall"]["agreed"]) == (5, 3)
        confusion = by_criterion["greeting"]["confusion"]
        for index in range(4):
            assert confusion[machine[index]["greeting"]][greeting[index]] >= 1
        assert sum(sum(row.values()) for row in confusion.values()) == 4

        earlier = client.get("/scorecards/default-human/agreement", params={"to": "2026-11-01"}).json()
        assert earlier["overall"]["pairs"] == 0
        assert "kappa" not in earlier["overall"]  # undefined without reviews

        unknown = client.put(
            f"/audio-files/{record3.id}/analysis/reviews",
            json={"criteria": [{"criterionId": "no-such", "verdict": "pass"}]},
        )
        assert (unknown.status_code, unknown.json()["code"]) == (400, "unknown_criterion")
        bad_verdict = client.put(
            f"/audio-files/{record3.id}/analysis/reviews",
            json={"criteria": [{"criterionId": "greeting", "verdict": "maybe"}]},
        )
        assert (bad_verdict.status_code, bad_verdict.json()["code"]) == (400, "validation_error")

    with live.client(tenant, [s for s in SCOPES if s != "audio:review"]) as reader:
        refused = reader.put(
            f"/audio-files/{record3.id}/analysis/reviews",
            json={"criteria": [{"criterionId": "greeting", "verdict": "pass"}]},
        )
        assert refused.status_code == 403

    with live.client("other-tenant") as other:
        assert other.get("/scorecards/default-human/agreement").json()["overall"]["pairs"] == 0
        assert other.get(f"/scorecards/{DRAFT_ID}/agreement").status_code == 404
        hidden = other.put(
            f"/audio-files/{record3.id}/analysis/reviews",
            json={"criteria": [{"criterionId": "greeting", "verdict": "pass"}]},
        )
        assert (hidden.status_code, hidden.json()["code"]) == (404, "audio_file_not_found")

    with live.client(tenant) as client:
        # Deleting a recording deletes its reviews: the agreement no longer counts them.
        assert client.delete(f"/audio-files/{record3.id}").status_code == 204
        after = client.get("/scorecards/default-human/agreement").json()
        assert (after["reviewedCalls"], after["overall"]["pairs"]) == (3, 3)
