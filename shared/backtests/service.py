"""Backtests: re-score stored transcripts with a scorecard version and report what would flip, without
changing any stored analysis.

One module owns a backtest's lifecycle. ``create_backtest`` sends the job's message first and then writes its
record, so a crash between the two leaves a message that finds no job (retried, then dropped by the poison
queue) rather than a job nobody will run. The worker (``BacktestRunner``) is idempotent: it picks the
selection of calls once (a compare-and-swap names the selection blob, so two copies of the message agree on
it), scores the calls in chunks, writes each chunk's result to a blob named by its index and then advances the
job's progress by a compare-and-swap that only counts a chunk once. A crash at any line leaves a job that the
redelivered message resumes at its first unfinished chunk.
"""

from __future__ import annotations

import functools
import logging
import math
import re
import uuid
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from ulid import ULID

from shared.ai.evaluation.base import EvaluationContext, EvaluationEngine
from shared.audio_files.repository import AudioFileRepository, ListQuery
from shared.backtests.models import (
    BacktestBody,
    BacktestErrorBody,
    BacktestFilterBody,
    BacktestLinks,
    BacktestProgress,
    BacktestReport,
    BacktestRequest,
    CriterionFlip,
    CriterionFlips,
    FlipLinks,
    FlippedCall,
    OverallFlips,
)
from shared.backtests.records import (
    CHUNK_SIZE,
    JOB_ID_PATTERN,
    BacktestFilter,
    BacktestJob,
    BacktestMessage,
    BacktestStatus,
    chunk_blob_name,
    job_prefix,
    report_blob_name,
)
from shared.backtests.repository import BacktestRepository
from shared.clock import iso_z, utcnow
from shared.errors import NotFound
from shared.models.analysis import Analysis, Scorecard
from shared.models.transcript import Transcript
from shared.pipeline.events import MessageSender
from shared.pipeline.model import Stage
from shared.scorecards.service import read_scorecard_version
from shared.storage.blobs import (
    ANALYSES_CONTAINER,
    BACKTESTS_CONTAINER,
    TRANSCRIPTS_CONTAINER,
    BlobStore,
    run_output_blob_name,
)
from shared.storage.queues import BACKTESTS_QUEUE, WEBHOOKS_QUEUE
from shared.webhooks.events import EventType, event_id

logger = logging.getLogger(__name__)

_LIST_PAGE = 100
# Calls without an analysis are passed over; the selection reads at most this many listing rows per call wanted.
_SCAN_FACTOR = 5
# Seconds the message stays invisible: the record, written just after it, is there when it is first read.
_MESSAGE_DELAY_S = 1
_READERS = 8  # blob reads in flight while scoring a chunk
_PASS_FAIL = ("pass", "fail")


class JobNotWritten(Exception):
    """The message arrived before its job's record (or the record was never written): the queue retries."""


# --- API -----------------------------------------------------------------------------------------------


def _job_not_found(job_id: str) -> NotFound:
    return NotFound(f"No backtest with id '{job_id}'.", code="backtest_not_found")


def create_backtest(
    *,
    jobs: BacktestRepository,
    queues: MessageSender,
    blobs: BlobStore,
    tenant_id: str,
    scorecard_id: str,
    version: str,
    request: BacktestRequest,
) -> BacktestBody:
    if read_scorecard_version(blobs=blobs, tenant_id=tenant_id, scorecard_id=scorecard_id, version=version) is None:
        raise NotFound(f"Scorecard '{scorecard_id}' has no version {version}.", code="scorecard_version_not_found")
    now = utcnow()
    job = BacktestJob(
        tenant_id=tenant_id,
        id=f"bt_{ULID()}",
        scorecard_id=scorecard_id,
        version=version,
        filter=BacktestFilter(
            campaign_id=request.campaign_id,
            date_from=request.range_start,
            date_to=request.range_end,
            limit=request.limit,
        ),
        created_at=now,
        updated_at=now,
    )
    message = BacktestMessage(tenant_id=tenant_id, job_id=job.id)
    queues.send(BACKTESTS_QUEUE, message.to_wire(), visibility_timeout=_MESSAGE_DELAY_S)
    created = jobs.create(job)
    logger.info("Backtest %s of %s@%s queued", job.id, scorecard_id, version)
    return to_body(created)


def get_backtest(
    *, jobs: BacktestRepository, blobs: BlobStore, tenant_id: str, scorecard_id: str, version: str, job_id: str
) -> BacktestBody:
    """The job, with its report once completed. Another tenant's job, or one of another version, is a 404."""
    job = jobs.get(tenant_id, job_id) if re.fullmatch(JOB_ID_PATTERN, job_id) else None
    if job is None or job.scorecard_id != scorecard_id or job.version != version:
        raise _job_not_found(job_id)
    report = None
    if job.status is BacktestStatus.COMPLETED:
        document = blobs.read_json(BACKTESTS_CONTAINER, report_blob_name(tenant_id, job.id))
        report = BacktestReport.model_validate(document) if document is not None else None
    return to_body(job, report)


def to_body(job: BacktestJob, report: BacktestReport | None = None) -> BacktestBody:
    return BacktestBody(
        id=job.id,
        scorecard_id=job.scorecard_id,
        version=job.version,
        status=job.status.value,
        filter=BacktestFilterBody(
            campaign_id=job.filter.campaign_id,
            date_from=job.filter.date_from,
            date_to=job.filter.date_to,
            limit=job.filter.limit,
        ),
        progress=BacktestProgress(total=job.total, done=job.done, flips=job.flips),
        created_at=job.created_at,
        started_at=job.started_at,
        completed_at=job.completed_at,
        error=BacktestErrorBody(code=job.error_code) if job.error_code else None,
        links=BacktestLinks(self=job_location(job)),
        report=report,
    )


# --- comparing one call --------------------------------------------------------------------------------


def compare(stored: Analysis, rescored: Analysis) -> dict[str, Any]:
    """One call's result: pass/fail and score before and after, and each criterion's verdict before and after
    (before is None for a criterion the stored analysis does not have)."""
    before = {criterion.id: criterion.verdict for criterion in stored.criteria}
    return {
        "id": stored.audio_file_id,
        "passed": [stored.passed, rescored.passed],
        "score": [stored.score, rescored.score],
        "criteria": {c.id: [before.get(c.id), c.verdict] for c in rescored.criteria},
    }


def _is_flip(before: str | None, after: str) -> bool:
    return before in _PASS_FAIL and after in _PASS_FAIL and before != after


def _analysis_link(audio_file_id: str) -> FlipLinks:
    return FlipLinks(
        audio_file=f"/api/v1/audio-files/{audio_file_id}", analysis=f"/api/v1/audio-files/{audio_file_id}/analysis"
    )


def build_report(scorecard: Scorecard, results: Iterable[dict[str, Any]]) -> BacktestReport:
    """Per criterion and overall, how many re-scored calls flip between pass and fail, with the calls."""
    criteria = {
        c.id: CriterionFlips(
            criterion_id=c.id,
            compared=0,
            pass_to_fail=0,
            fail_to_pass=0,
            other_changes=0,
            not_in_stored_analysis=0,
            flipped_calls=[],
        )
        for c in scorecard.criteria
    }
    overall = OverallFlips(calls=0, skipped=0, pass_to_fail=0, fail_to_pass=0, unchanged=0)
    flips: list[FlippedCall] = []
    for result in results:
        if "skipped" in result:
            overall.skipped += 1
            continue
        overall.calls += 1
        passed_before, passed_after = result["passed"]
        if passed_before and not passed_after:
            overall.pass_to_fail += 1
        elif passed_after and not passed_before:
            overall.fail_to_pass += 1
        else:
            overall.unchanged += 1
        flipped: list[CriterionFlip] = []
        for criterion_id, (before, after) in result["criteria"].items():
            tally = criteria.get(criterion_id)
            if tally is None:
                continue
            if before is None:
                tally.not_in_stored_analysis += 1
                continue
            tally.compared += 1
            if _is_flip(before, after):
                if before == "pass":
                    tally.pass_to_fail += 1
                else:
                    tally.fail_to_pass += 1
                tally.flipped_calls.append(result["id"])
                flipped.append(CriterionFlip(criterion_id=criterion_id, before=before, after=after))
            elif before != after:
                tally.other_changes += 1
        if flipped or passed_before != passed_after:
            flips.append(
                FlippedCall(
                    audio_file_id=result["id"],
                    passed_before=passed_before,
                    passed_after=passed_after,
                    score_before=result["score"][0],
                    score_after=result["score"][1],
                    flipped_criteria=flipped,
                    links=_analysis_link(result["id"]),
                )
            )
    return BacktestReport(overall=overall, criteria=list(criteria.values()), flips=flips)


def job_location(job: BacktestJob) -> str:
    return f"/api/v1/scorecards/{job.scorecard_id}/versions/{job.version}/backtests/{job.id}"


def completion_event(job: BacktestJob) -> dict[str, Any]:
    """The ``backtest.completed`` webhook event: ids, status and a link; the report is read from the API."""
    return {
        "id": event_id(job.id, EventType.BACKTEST_COMPLETED),
        "type": EventType.BACKTEST_COMPLETED.value,
        "tenantId": job.tenant_id,
        "timestamp": iso_z(job.completed_at or job.updated_at),
        "data": {"backtestId": job.id, "scorecardId": job.scorecard_id, "version": job.version,
                 "status": job.status.value, "links": {"self": job_location(job)}},
    }  # fmt: skip


def _overall_flips(results: Sequence[dict[str, Any]]) -> int:
    return sum(1 for r in results if "passed" in r and r["passed"][0] != r["passed"][1])


# --- the worker ----------------------------------------------------------------------------------------


def parse_message(body: bytes | str) -> BacktestMessage:
    try:
        return BacktestMessage.model_validate_json(body)
    except ValidationError as error:
        raise ValueError("Malformed backtest message") from error


@dataclass(frozen=True)
class BacktestRunner:
    jobs: BacktestRepository
    records: AudioFileRepository
    blobs: BlobStore
    queues: MessageSender
    engine: Callable[[], EvaluationEngine]

    def run(self, message: BacktestMessage) -> str:
        """Run (or resume) one job. Returns what happened; raises when the queue should retry."""
        job = self.jobs.get(message.tenant_id, message.job_id)
        if job is None:
            raise JobNotWritten(message.job_id)
        if job.finished:
            # The first worker may have died between ending the job and sending its event: send it again; the
            # event is the same (id and time from the stored job), so the fan-out makes one delivery of it.
            self._announce(job)
            return "already_finished"
        scorecard = read_scorecard_version(
            blobs=self.blobs, tenant_id=job.tenant_id, scorecard_id=job.scorecard_id, version=job.version
        )
        if scorecard is None:
            self._finish(job, BacktestStatus.FAILED, error_code="scorecard_version_not_found")
            return "failed"
        if job.selection_blob is None:
            job = self._select(job, scorecard)
            if job.finished:
                return "already_finished"
        assert job.selection_blob is not None
        selection = self.blobs.read_json(BACKTESTS_CONTAINER, job.selection_blob) or {"calls": []}
        calls: list[dict[str, str]] = selection["calls"]
        chunks = math.ceil(len(calls) / CHUNK_SIZE)
        with ThreadPoolExecutor(max_workers=_READERS, thread_name_prefix="backtest") as pool:
            for index in range(job.chunks_done, chunks):
                part = calls[index * CHUNK_SIZE : (index + 1) * CHUNK_SIZE]
                results = list(pool.map(lambda call: self._score(job, scorecard, call), part))
                self.blobs.write_json(
                    BACKTESTS_CONTAINER, chunk_blob_name(job.tenant_id, job.id, index), {"results": results}
                )
                stored = self.jobs.mutate(
                    job.tenant_id, job.id, functools.partial(_advanced, index=index, results=results)
                )
                if stored is None or stored.finished:
                    return "already_finished"
        report = build_report(scorecard, self._results(job, chunks))
        self.blobs.write_json(BACKTESTS_CONTAINER, report_blob_name(job.tenant_id, job.id), report.to_wire())
        finished = self._finish(job, BacktestStatus.COMPLETED)
        if finished is not None:
            self._announce(finished)
        logger.info(
            "Backtest %s completed: %d calls, %d flips",
            job.id,
            report.overall.calls,
            report.overall.pass_to_fail + report.overall.fail_to_pass,
        )
        return "completed"

    def _select(self, job: BacktestJob, scorecard: Scorecard) -> BacktestJob:
        """Choose the calls once: this worker's choice is kept only if no other copy of the message chose first."""
        query = ListQuery(
            tenant_id=job.tenant_id,
            campaign_id=job.filter.campaign_id,
            is_ai_call=scorecard.call_type == "ai_agent",
            date_from=job.filter.date_from,
            date_to=job.filter.date_to,
        )
        calls: list[dict[str, str]] = []
        after: str | None = None
        scanned = 0
        while len(calls) < job.filter.limit and scanned < job.filter.limit * _SCAN_FACTOR:
            page = self.records.list(query, limit=_LIST_PAGE, after_row_key=after)
            for record in page.records:
                scanned += 1
                evaluated = Stage.REDACTION in record.outputs and Stage.EVALUATION in record.outputs
                if evaluated and len(calls) < job.filter.limit:
                    calls.append(
                        {
                            "id": record.id,
                            # The redacted transcript, the one the evaluation stage reads.
                            "transcript": record.outputs[Stage.REDACTION],
                            "analysis": record.outputs[Stage.EVALUATION],
                        }
                    )
            if page.next_row_key is None:
                break
            after = page.next_row_key
        name = f"{job_prefix(job.tenant_id, job.id)}selection-{uuid.uuid4().hex}.json"
        self.blobs.write_json(BACKTESTS_CONTAINER, name, {"calls": calls})

        def start(current: BacktestJob) -> BacktestJob | None:
            if current.selection_blob is not None or current.finished:
                return None
            now = utcnow()
            return current.model_copy(
                update={
                    "selection_blob": name,
                    "total": len(calls),
                    "status": BacktestStatus.RUNNING,
                    "started_at": now,
                    "updated_at": now,
                }
            )

        stored = self.jobs.mutate(job.tenant_id, job.id, start)
        if stored is None:
            raise JobNotWritten(job.id)
        if stored.selection_blob != name:
            self.blobs.delete(BACKTESTS_CONTAINER, name)  # another copy of the message chose first
        return stored

    def _score(self, job: BacktestJob, scorecard: Scorecard, call: dict[str, str]) -> dict[str, Any]:
        transcript = self.blobs.read_json(
            TRANSCRIPTS_CONTAINER, run_output_blob_name(job.tenant_id, call["id"], Stage.REDACTION, call["transcript"])
        )
        analysis = self.blobs.read_json(
            ANALYSES_CONTAINER, run_output_blob_name(job.tenant_id, call["id"], Stage.EVALUATION, call["analysis"])
        )
        if transcript is None or analysis is None:  # deleted or re-processed since the selection
            return {"id": call["id"], "skipped": "output_gone"}
        stored = Analysis.model_validate(analysis)
        context = EvaluationContext(
            audio_file_id=stored.audio_file_id,
            engagement_id=stored.engagement_id,
            campaign_id=stored.campaign_id,
            is_ai_call=stored.is_ai_call,
            scorecard=scorecard,
        )
        return compare(stored, self.engine().evaluate(Transcript.model_validate(transcript), context))

    def _results(self, job: BacktestJob, chunks: int) -> Iterable[dict[str, Any]]:
        for index in range(chunks):
            document = self.blobs.read_json(BACKTESTS_CONTAINER, chunk_blob_name(job.tenant_id, job.id, index))
            if document is None:
                raise RuntimeError(f"chunk {index} of backtest {job.id} is missing")
            yield from document["results"]

    def _announce(self, job: BacktestJob) -> None:
        if job.status is BacktestStatus.COMPLETED:
            self.queues.send(WEBHOOKS_QUEUE, {"kind": "event", "event": completion_event(job)})

    def _finish(self, job: BacktestJob, status: BacktestStatus, error_code: str | None = None) -> BacktestJob | None:
        """End the job; returns it if this call ended it (None if it had ended already)."""
        ended: list[BacktestJob] = []

        def finish(current: BacktestJob) -> BacktestJob | None:
            ended.clear()
            if current.finished:
                return None
            now = utcnow()
            update = {"status": status, "completed_at": now, "updated_at": now, "error_code": error_code}
            ended.append(current.model_copy(update=update))
            return ended[0]

        stored = self.jobs.mutate(job.tenant_id, job.id, finish)
        return stored if ended else None


def _advanced(job: BacktestJob, *, index: int, results: list[dict[str, Any]]) -> BacktestJob | None:
    """Count chunk ``index`` once: only when it is the next one (a copy of the message may have counted it)."""
    if job.finished or job.chunks_done != index:
        return None
    return job.model_copy(
        update={
            "chunks_done": index + 1,
            "done": job.done + len(results),
            "flips": job.flips + _overall_flips(results),
            "updated_at": utcnow(),
        }
    )


def fail_from_poison(*, jobs: BacktestRepository, body: bytes | str) -> str:
    """The host gave up on a job's message after its retries: the job ends ``failed``."""
    try:
        message = parse_message(body)
    except ValueError:
        logger.error("Unreadable message in the backtests poison queue; left for inspection")
        return "unreadable"

    def fail(current: BacktestJob) -> BacktestJob | None:
        if current.finished:
            return None
        now = utcnow()
        return current.model_copy(
            update={
                "status": BacktestStatus.FAILED,
                "completed_at": now,
                "updated_at": now,
                "error_code": "retries_exhausted",
            }
        )

    stored = jobs.mutate(message.tenant_id, message.job_id, fail)
    return "no_job" if stored is None else stored.status.value
