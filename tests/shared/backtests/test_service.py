"""The backtest job on Azurite: exact flips, resuming after a crash, repeated and early messages, poison."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from bench.evaluation import load_calls
from bench.seeding import create_scorecard_draft, seed_processed_calls
from shared.ai.evaluation.base import EvaluationContext
from shared.ai.evaluation.scorecards import default_scorecard
from shared.ai.factory import offline_evaluation_engine
from shared.backtests import service
from shared.backtests.models import BacktestRequest
from shared.backtests.records import CHUNK_SIZE, BacktestMessage, BacktestStatus
from shared.dependencies import Dependencies
from shared.errors import NotFound
from shared.models.analysis import Analysis
from shared.models.transcript import Transcript
from shared.pipeline.model import Stage
from shared.storage.blobs import ANALYSES_CONTAINER, run_output_blob_name
from shared.storage.queues import WEBHOOKS_QUEUE
from shared.webhooks.delivery import RunEvent, payload_of
from tests.queues import take_messages

pytestmark = pytest.mark.integration

DRAFT = default_scorecard("human").model_copy(update={"pass_threshold": 95.0})


class CrashingEngine:
    """The offline engine, until it has scored ``crash_after`` calls: then it fails like a lost worker."""

    name = "rules"

    def __init__(self, crash_after: int | None = None):
        self._engine = offline_evaluation_engine()  # as the calls were seeded
        self.scored = 0
        self.crash_after = crash_after

    def evaluate(self, transcript: Transcript, context: EvaluationContext) -> Analysis:
        if self.crash_after is not None and self.scored >= self.crash_after:
            raise RuntimeError("worker lost")
        self.scored += 1
        return self._engine.evaluate(transcript, context)


def _seed(deps: Dependencies, tenant: str, count: int) -> list[tuple[Any, Analysis]]:
    transcripts = [call.transcript for call in load_calls("dev") if call.call_type == "human"]
    transcripts = (transcripts * (count // len(transcripts) + 1))[:count]
    create_scorecard_draft(deps.scorecards, deps.blobs, tenant, DRAFT)
    return seed_processed_calls(
        records=deps.audio_files, blobs=deps.blobs, tenant_id=tenant, transcripts=transcripts, is_ai_call=False,
        campaign_id="c1", first_recorded_at=datetime(2026, 11, 1, tzinfo=UTC),
    )  # fmt: skip


def _draft_id(deps: Dependencies, tenant: str) -> str:
    [draft] = deps.scorecards.scorecards(tenant)  # the one _seed created
    return draft.id


def _create(deps: Dependencies, tenant: str, **request: Any) -> BacktestMessage:
    body = service.create_backtest(
        jobs=deps.backtests, queues=deps.queues, blobs=deps.blobs, tenant_id=tenant,
        scorecard_id=_draft_id(deps, tenant), version="1", request=BacktestRequest.model_validate(request),
    )  # fmt: skip
    return BacktestMessage(tenant_id=tenant, job_id=body.id)


def _runner(deps: Dependencies, engine: CrashingEngine) -> service.BacktestRunner:
    return service.BacktestRunner(
        jobs=deps.backtests, records=deps.audio_files, blobs=deps.blobs, queues=deps.queues, engine=lambda: engine
    )


def _report(deps: Dependencies, message: BacktestMessage) -> Any:
    return service.get_backtest(
        jobs=deps.backtests, blobs=deps.blobs, tenant_id=message.tenant_id,
        scorecard_id=_draft_id(deps, message.tenant_id), version="1", job_id=message.job_id,
    )  # fmt: skip


def test_a_crashed_job_resumes_at_its_first_unfinished_chunk(deps: Dependencies, tenant: str) -> None:
    seeded = _seed(deps, tenant, CHUNK_SIZE * 2 + 10)
    expected_flips = sum(1 for _, analysis in seeded if analysis.passed and analysis.score < 95.0)
    message = _create(deps, tenant, limit=500)

    crashing = CrashingEngine(crash_after=CHUNK_SIZE + 5)
    with pytest.raises(RuntimeError):
        _runner(deps, crashing).run(message)
    job = deps.backtests.get(tenant, message.job_id)
    assert job is not None
    assert (job.status, job.total, job.done, job.chunks_done) == (BacktestStatus.RUNNING, len(seeded), CHUNK_SIZE, 1)

    resumed = CrashingEngine()
    assert _runner(deps, resumed).run(message) == "completed"
    assert resumed.scored == len(seeded) - CHUNK_SIZE  # the finished chunk was not scored again
    body = _report(deps, message)
    assert (body.progress.total, body.progress.done, body.progress.flips) == (len(seeded), len(seeded), expected_flips)
    assert body.report is not None
    assert body.report.overall.pass_to_fail == expected_flips
    assert body.report.overall.calls == len(seeded)

    # One backtest.completed event, with ids and a link only.
    [event] = take_messages(deps, WEBHOOKS_QUEUE, lambda body: body.get("event", {}).get("tenantId") == tenant)
    assert event.body["event"]["type"] == "backtest.completed"
    assert payload_of(RunEvent.model_validate(event.body["event"]))["data"] == {
        "backtestId": message.job_id, "scorecardId": _draft_id(deps, tenant), "version": "1", "status": "completed",
        "links": {"self": f"/api/v1/scorecards/{_draft_id(deps, tenant)}/versions/1/backtests/{message.job_id}"},
    }  # fmt: skip

    # A copy of the message, delivered again, scores nothing and sends the same event again (the first send may
    # have been lost with its worker); being the same event, the fan-out makes one delivery of it.
    assert _runner(deps, CrashingEngine(crash_after=0)).run(message) == "already_finished"
    assert _report(deps, message).progress == body.progress
    [again] = take_messages(deps, WEBHOOKS_QUEUE, lambda body: body.get("event", {}).get("tenantId") == tenant)
    assert again.body == event.body


class LostEventSend:
    """The queues, except that the first webhook event is lost with its worker."""

    def __init__(self, queues: Any):
        self._queues = queues
        self.lost = 0

    def send(self, queue: str, message: dict[str, Any], *, visibility_timeout: int | None = None) -> None:
        if queue == WEBHOOKS_QUEUE and not self.lost:
            self.lost += 1
            raise RuntimeError("worker lost")
        self._queues.send(queue, message, visibility_timeout=visibility_timeout)


def test_an_event_lost_after_the_job_ended_is_sent_by_the_next_copy(deps: Dependencies, tenant: str) -> None:
    _seed(deps, tenant, 5)
    message = _create(deps, tenant, limit=5)
    losing = LostEventSend(deps.queues)
    runner = service.BacktestRunner(
        jobs=deps.backtests, records=deps.audio_files, blobs=deps.blobs, queues=losing,
        engine=lambda: CrashingEngine(),
    )  # fmt: skip
    with pytest.raises(RuntimeError):
        runner.run(message)
    assert losing.lost == 1
    assert _report(deps, message).status == BacktestStatus.COMPLETED

    assert runner.run(message) == "already_finished"
    [event] = take_messages(deps, WEBHOOKS_QUEUE, lambda body: body.get("event", {}).get("tenantId") == tenant)
    assert event.body["event"]["type"] == "backtest.completed"
    assert event.body["event"]["data"]["backtestId"] == message.job_id


def test_the_stored_analyses_are_never_written(deps: Dependencies, tenant: str) -> None:
    seeded = _seed(deps, tenant, 5)
    record = seeded[0][0]
    name = run_output_blob_name(tenant, record.id, Stage.EVALUATION, record.run_id)
    before = deps.blobs.properties(ANALYSES_CONTAINER, name)
    assert before is not None
    message = _create(deps, tenant, limit=5)
    assert _runner(deps, CrashingEngine()).run(message) == "completed"
    assert deps.blobs.properties(ANALYSES_CONTAINER, name) == before


def test_filters_and_limit_choose_the_calls(deps: Dependencies, tenant: str) -> None:
    _seed(deps, tenant, 6)  # recorded 2026-11-01 00:00 to 00:05, campaign c1
    cases = [({"limit": 4}, 4), ({"campaignId": "c2"}, 0), ({"from": "2026-11-02"}, 0), ({"to": "2026-11-01"}, 6)]
    for request, total in cases:
        message = _create(deps, tenant, **request)
        assert _runner(deps, CrashingEngine()).run(message) == "completed"
        assert _report(deps, message).progress.total == total, request


def test_a_message_before_its_job_is_retried_and_poison_fails_the_job(deps: Dependencies, tenant: str) -> None:
    _seed(deps, tenant, 1)
    early = BacktestMessage(tenant_id=tenant, job_id="bt_01JD0000000000000000000000")
    with pytest.raises(service.JobNotWritten):
        _runner(deps, CrashingEngine()).run(early)
    assert service.fail_from_poison(jobs=deps.backtests, body=early.model_dump_json()) == "no_job"

    message = _create(deps, tenant)
    assert service.fail_from_poison(jobs=deps.backtests, body=message.model_dump_json(by_alias=True)) == "failed"
    body = _report(deps, message)
    assert (body.status, body.error.code if body.error else None) == ("failed", "retries_exhausted")


def test_another_tenant_and_an_unknown_version_are_404(deps: Dependencies, tenant: str) -> None:
    _seed(deps, tenant, 1)
    message = _create(deps, tenant)
    with pytest.raises(NotFound):
        service.get_backtest(jobs=deps.backtests, blobs=deps.blobs, tenant_id="someone-else",
                             scorecard_id=_draft_id(deps, tenant),
                             version="1", job_id=message.job_id)  # fmt: skip
    draft_id = _draft_id(deps, tenant)
    with pytest.raises(NotFound) as missing:
        service.create_backtest(jobs=deps.backtests, queues=deps.queues, blobs=deps.blobs, tenant_id=tenant,
                                scorecard_id=draft_id, version="9", request=BacktestRequest())  # fmt: skip
    assert missing.value.code == "scorecard_version_not_found"
