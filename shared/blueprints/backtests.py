"""HTTP endpoints of scorecard backtests, and the queue triggers of the job that runs them."""

from __future__ import annotations

import logging
import re

import azure.functions as func

from shared.ai.factory import get_evaluation_engine
from shared.auth import SCORECARDS_SCOPE, Principal
from shared.backtests import service
from shared.backtests.models import BacktestBody, BacktestRequest
from shared.backtests.records import JOB_ID_PATTERN
from shared.dependencies import get_dependencies
from shared.errors import NotFound
from shared.http import ApiBlueprint, json_response, parse_json_body
from shared.openapi import BODY_ERRORS, PathParam, Reply, Route
from shared.scorecards.model import SCORECARD_ID_PATTERN, VERSION_PATTERN
from shared.storage.queues import BACKTESTS_QUEUE

logger = logging.getLogger(__name__)
bp = ApiBlueprint()
CONNECTION = "AzureWebJobsStorage"
TAG = "Scorecards"
SCORECARD_ID = PathParam("id", SCORECARD_ID_PATTERN, "The scorecard id: `sc_` and a ULID.")
VERSION = PathParam("version", VERSION_PATTERN, "The version number.")
JOB_ID = PathParam("jobId", JOB_ID_PATTERN, "The backtest id: `bt_` and a ULID.")


def _scorecard_version(req: func.HttpRequest) -> tuple[str, str]:
    scorecard_id, version = req.route_params.get("id", ""), req.route_params.get("version", "")
    if not re.fullmatch(SCORECARD_ID_PATTERN, scorecard_id) or not re.fullmatch(VERSION_PATTERN, version):
        raise NotFound(f"Scorecard '{scorecard_id}' has no version {version}.", code="scorecard_version_not_found")
    return scorecard_id, version


@bp.endpoint(Route(
    "POST", "/v1/scorecards/{id}/versions/{version}/backtest", "createBacktest",
    "Re-score stored calls with a scorecard version", TAG, SCORECARDS_SCOPE,
    (Reply(202, "The backtest job, `queued`; follow it at `Location`.", BacktestBody,
           headers=(("Location", "The backtest job."),)),),
    {**BODY_ERRORS, 404: ("scorecard_version_not_found",)},
    path_params=(SCORECARD_ID, VERSION), body=BacktestRequest, body_required=False,
    body_example={"campaignId": "spring-promo", "from": "2026-11-01", "to": "2026-11-30", "limit": 500},
    description="A background job re-scores the stored transcripts of the scorecard's call type (optionally one "
    "campaign and calls recorded in a date range; newest first, at most `limit`) with this version, and reports "
    "per criterion and overall how many calls would flip between pass and fail compared with the analyses "
    "they have, with links to those calls. It never changes a stored analysis.",
))  # fmt: skip
def create_backtest(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    body = parse_json_body(req, BacktestRequest, allow_empty=True)
    scorecard_id, version = _scorecard_version(req)
    deps = get_dependencies()
    created = service.create_backtest(
        jobs=deps.backtests, queues=deps.queues, blobs=deps.blobs, tenant_id=principal.tenant_id,
        scorecard_id=scorecard_id, version=version, request=body,
    )  # fmt: skip
    return json_response(created, status=202, headers={"Location": created.links.self})


@bp.endpoint(Route(
    "GET", "/v1/scorecards/{id}/versions/{version}/backtests/{jobId}", "getBacktest",
    "A backtest's progress and report", TAG, SCORECARDS_SCOPE,
    (Reply(200, "Status (`queued`, `running`, `completed`, `failed`), progress `{total, done, flips}`, and the "
           "report once completed.", BacktestBody),),
    {404: ("backtest_not_found", "scorecard_version_not_found")}, path_params=(SCORECARD_ID, VERSION, JOB_ID),
))  # fmt: skip
def get_backtest(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    scorecard_id, version = _scorecard_version(req)
    deps = get_dependencies()
    result = service.get_backtest(
        jobs=deps.backtests, blobs=deps.blobs, tenant_id=principal.tenant_id, scorecard_id=scorecard_id,
        version=version, job_id=req.route_params.get("jobId", ""),
    )  # fmt: skip
    return json_response(result)


@bp.queue_trigger(arg_name="msg", queue_name=BACKTESTS_QUEUE, connection=CONNECTION)
def backtest_job(msg: func.QueueMessage) -> None:
    deps = get_dependencies()
    runner = service.BacktestRunner(
        jobs=deps.backtests,
        records=deps.audio_files,
        blobs=deps.blobs,
        queues=deps.queues,
        engine=get_evaluation_engine,
    )
    message = service.parse_message(msg.get_body())
    outcome = runner.run(message)
    logger.info("Backtest %s: %s (attempt %s)", message.job_id, outcome, msg.dequeue_count)


@bp.queue_trigger(arg_name="msg", queue_name=f"{BACKTESTS_QUEUE}-poison", connection=CONNECTION)
def backtest_job_poison(msg: func.QueueMessage) -> None:
    service.fail_from_poison(jobs=get_dependencies().backtests, body=msg.get_body())
