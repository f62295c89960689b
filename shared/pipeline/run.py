"""A processing run: how it starts, how each stage's state changes, and the write order that keeps it findable.

Every change that sends work somewhere follows one outbox order: the deadline row first, then the record (an
ETag compare-and-swap that names that deadline), then the queue message. A crash after any step leaves either
a deadline without a matching state (dropped when due), or a state whose deadline the sweeper acts on (it sends
the message again), so no run is stranded. The state changes themselves are pure functions of the record, so
they are tested without storage; the functions that write take only the collaborators they use.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

from shared.audio_files.records import AudioFileRecord, ErrorInfo, Status
from shared.clock import utcnow
from shared.errors import ConcurrencyConflict
from shared.pipeline.deadlines import Deadline, due_after
from shared.pipeline.events import MessageSender
from shared.pipeline.model import Stage, StageMessage, StageState, StageStatus
from shared.scorecards.model import ScorecardPin

# As host.json maxDequeueCount: a stage begun this often without finishing keeps failing, and ends the run.
MAX_STAGE_ATTEMPTS = 5
# A stage message is taken within seconds unless the queue is backed up; after this it is sent again.
QUEUED_DEADLINE = timedelta(minutes=5)
_START_ATTEMPTS = 8


class RecordStore(Protocol):
    def get(self, tenant_id: str, audio_file_id: str) -> AudioFileRecord | None: ...

    def save(self, record: AudioFileRecord) -> AudioFileRecord: ...

    def mutate(
        self, tenant_id: str, audio_file_id: str, change: Callable[[AudioFileRecord], AudioFileRecord | None]
    ) -> AudioFileRecord | None: ...


class DeadlineBook(Protocol):
    def schedule(self, deadline: Deadline) -> None: ...

    def remove(self, deadline: Deadline) -> None: ...


@dataclass(frozen=True)
class RunTimes:
    queued: timedelta  # a stage still queued after this has its message sent again
    running: timedelta  # a stage begun this long ago without an end is looked at again (STAGE_DEADLINE_MINUTES)

    @classmethod
    def of(cls, stage_deadline_minutes: float) -> RunTimes:
        return cls(queued=QUEUED_DEADLINE, running=timedelta(minutes=stage_deadline_minutes))


class StartOutcome(StrEnum):
    QUEUED = "queued"  # a new run; its first stage's message sent now
    ALREADY_QUEUED = "already_queued"  # the current run's stage was still queued: its message sent again
    ALREADY_RUNNING = "already_running"  # a stage of the current run is being worked on


# --- messages and deadlines -----------------------------------------------------------------------------


def stage_message(record: AudioFileRecord, stage: Stage) -> StageMessage:
    assert record.run_id is not None
    return StageMessage(tenant_id=record.tenant_id, audio_file_id=record.id, run_id=record.run_id, stage=stage)


def send_stage(queues: MessageSender, record: AudioFileRecord, stage: Stage) -> None:
    queues.send(stage.queue, stage_message(record, stage).to_wire())


def stage_deadline(record: AudioFileRecord, stage: Stage, due: datetime, run_id: str | None = None) -> Deadline:
    run = run_id or record.run_id
    assert run is not None
    return Deadline(due, record.tenant_id, record.id, stage.value, run)


def next_stage(record: AudioFileRecord, stage: Stage) -> Stage | None:
    later = record.run_stages[record.run_stages.index(stage) + 1 :] if stage in record.run_stages else []
    return Stage(later[0]) if later else None


def current_stage(record: AudioFileRecord) -> tuple[Stage, StageState] | None:
    """The stage the current run is at, if the run is still going."""
    if record.run_id is None or record.status not in (Status.PENDING, Status.PROCESSING, Status.EVALUATING):
        return None
    for name in record.run_stages:
        state = record.stages.get(name)
        if state is not None and state.active:
            return Stage(name), state
    return None


def ending_stage(record: AudioFileRecord) -> Stage | None:
    """The stage that ended the record's run: its last if the run completed, the one that failed if it failed."""
    if record.run_id is None or not record.run_stages:
        return None
    if record.status is Status.COMPLETED:
        return Stage(record.run_stages[-1])
    if record.status is Status.FAILED:
        for name in record.run_stages:
            state = record.stages.get(name)
            if state is not None and state.status == StageStatus.FAILED:
                return Stage(name)
    return None


# --- pure state changes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunPlan:
    """A run about to start: its id and first deadline are chosen before anything is written."""

    run_id: str
    stages: list[Stage]
    deadline: Deadline
    scorecard: ScorecardPin | None = None  # the version its evaluation must use, if the request named one


def plan_run(
    tenant_id: str,
    audio_file_id: str,
    stages: list[Stage],
    times: RunTimes,
    now: datetime,
    scorecard: ScorecardPin | None = None,
) -> RunPlan:
    run_id = uuid.uuid4().hex
    due = due_after(now, times.queued)
    return RunPlan(run_id, stages, Deadline(due, tenant_id, audio_file_id, stages[0].value, run_id), scorecard)


def begin_run(record: AudioFileRecord, plan: RunPlan, now: datetime) -> AudioFileRecord:
    """Point the record at a new run whose first stage is queued; messages of older runs stop counting."""
    record.run_id = plan.run_id
    record.run_stages = [stage.value for stage in plan.stages]
    record.run_count += 1
    record.run_scorecard = plan.scorecard
    record.status = Status.PENDING
    record.error = None
    for stage in Stage:
        if stage == plan.stages[0]:
            record.stages[stage] = StageState(status=StageStatus.QUEUED, queued_at=now, deadline_at=plan.deadline.due)
        elif stage in plan.stages:
            record.stages[stage] = StageState(status=StageStatus.WAITING)
        else:
            # Kept from the earlier run (re-evaluation reuses its transcript), marked as not part of this one.
            kept = record.stage(stage)
            kept.status, kept.deadline_at = StageStatus.SKIPPED, None
        if stage in plan.stages:
            record.outputs.pop(stage, None)
    record.updated_at = now
    return record


def running_state(
    record: AudioFileRecord, message: StageMessage, status: Status, deadline_at: datetime, now: datetime
) -> AudioFileRecord:
    state = record.stage(message.stage)
    state.status = StageStatus.RUNNING
    state.started_at = now
    state.attempts += 1
    state.deadline_at = deadline_at
    record.status = status
    record.updated_at = now
    return record


def succeeded_state(
    record: AudioFileRecord,
    message: StageMessage,
    following: Stage | None,
    following_status: Status | None,
    following_deadline_at: datetime | None,
    now: datetime,
) -> AudioFileRecord | None:
    state = record.stages.get(message.stage)
    if record.run_id != message.run_id or state is None or state.status not in (StageStatus.RUNNING,
                                                                                StageStatus.RETRYING):  # fmt: skip
        return None
    state.status = StageStatus.SUCCEEDED
    state.completed_at = now
    state.last_error_code = None
    state.deadline_at = None
    record.outputs[message.stage] = message.run_id
    if following is not None and following_status is not None:
        record.stages[following] = StageState(status=StageStatus.QUEUED, queued_at=now,
                                              deadline_at=following_deadline_at)  # fmt: skip
        record.status = following_status
    else:
        record.status = Status.COMPLETED
    record.updated_at = now
    return record


def failed_state(record: AudioFileRecord, run_id: str, stage: Stage, error: ErrorInfo) -> AudioFileRecord | None:
    if record.run_id != run_id or record.status in (Status.COMPLETED, Status.FAILED):
        return None
    state = record.stages.get(stage)
    if state is None or not state.active:
        return None  # finished already (a poisoned copy of its message): the run is at a later stage
    state.status = StageStatus.FAILED
    state.completed_at = utcnow()
    state.last_error_code = error.code
    state.deadline_at = None
    record.status = Status.FAILED
    record.error = error
    record.updated_at = state.completed_at
    return record


def retrying_state(record: AudioFileRecord, message: StageMessage, code: str) -> AudioFileRecord | None:
    state = record.stages.get(message.stage)
    if record.run_id != message.run_id or state is None or state.status != StageStatus.RUNNING:
        return None
    state.status = StageStatus.RETRYING
    state.last_error_code = code
    record.updated_at = utcnow()
    return record


# --- writes in outbox order -----------------------------------------------------------------------------


def write_guarded(
    *,
    records: RecordStore,
    deadlines: DeadlineBook,
    tenant_id: str,
    audio_file_id: str,
    deadline: Deadline | None,
    change: Callable[[AudioFileRecord], AudioFileRecord | None],
) -> tuple[AudioFileRecord | None, bool]:
    """Write ``deadline`` (if any), then the record through ``change``; drop the row if the change did not apply.

    Returns what is stored afterwards and whether ``change`` was applied.
    """
    applied: list[bool] = []

    def tracked(record: AudioFileRecord) -> AudioFileRecord | None:
        applied.clear()
        updated = change(record)
        applied.append(updated is not None)
        return updated

    if deadline is not None:
        deadlines.schedule(deadline)
    stored = records.mutate(tenant_id, audio_file_id, tracked)
    took = stored is not None and bool(applied) and applied[0]
    if deadline is not None and not took:
        deadlines.remove(deadline)
    return stored, took


def start_run(
    *,
    records: RecordStore,
    deadlines: DeadlineBook,
    queues: MessageSender,
    times: RunTimes,
    tenant_id: str,
    audio_file_id: str,
    stages: list[Stage],
    refuse: Callable[[AudioFileRecord], None],
    scorecard: ScorecardPin | None = None,
) -> tuple[StartOutcome, AudioFileRecord] | None:
    """Start a run of ``stages``, or, when one is going, make sure its queued stage has a message.

    ``refuse`` raises the caller's error when the record may not be processed. None if there is no record.
    ``scorecard`` pins the version a new run evaluates with.
    """
    for _ in range(_START_ATTEMPTS):
        record = records.get(tenant_id, audio_file_id)
        if record is None:
            return None
        refuse(record)
        going = current_stage(record)
        if going is not None:
            stage, state = going
            if state.status == StageStatus.QUEUED:
                # The first request may have stopped before its message went out; a duplicate is harmless.
                send_stage(queues, record, stage)
                return StartOutcome.ALREADY_QUEUED, record
            return StartOutcome.ALREADY_RUNNING, record
        now = utcnow()
        plan = plan_run(tenant_id, audio_file_id, stages, times, now, scorecard)
        deadlines.schedule(plan.deadline)
        try:
            stored = records.save(begin_run(record.model_copy(deep=True), plan, now))
        except ConcurrencyConflict:
            deadlines.remove(plan.deadline)
            continue
        send_stage(queues, stored, stages[0])
        return StartOutcome.QUEUED, stored
    raise ConcurrencyConflict(audio_file_id)
