"""The timer's work: act on due deadlines.

An upload that never arrived expires. A stage still queued at its deadline has its message sent again (the
first send may never have happened), with the next look further off each time; a stage begun but silent past
``STAGE_DEADLINE_MINUTES`` is sent again too, and only a stage begun ``MAX_STAGE_ATTEMPTS`` times without an
end (one that keeps failing) ends the run ``failed``. A row that no state names any more is dropped; one left by
a run that has ended repeats that ending's output cleanup and, if it guarded the stage that ended the run, its
event (a crash may have cut either short).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from shared.audio_files.records import AudioFileRecord, ErrorInfo, Status
from shared.pipeline.deadlines import UPLOAD, Deadline, due_after, expired_upload
from shared.pipeline.events import MessageSender, publish_run_outcome
from shared.pipeline.model import Stage, StageStatus
from shared.pipeline.run import (
    MAX_STAGE_ATTEMPTS,
    DeadlineBook,
    RecordStore,
    RunTimes,
    failed_state,
    send_stage,
    stage_deadline,
    write_guarded,
)
from shared.pipeline.stages import StageOutputs, publish_ending

logger = logging.getLogger(__name__)
_MAX_BACKOFF_STEPS = 4  # a queued stage is looked at after 1, 2, 4, 8, then every 16 queued deadlines


@dataclass
class SweepReport:
    examined: int = 0
    failed: list[str] = field(default_factory=list)
    requeued: list[str] = field(default_factory=list)
    rescheduled: int = 0


def _guarded_state(record: AudioFileRecord, deadline: Deadline) -> bool:
    """Whether ``deadline`` is the row the record's current state names (else it is stale and dropped)."""
    if record.run_id != deadline.run_id or record.status in (Status.COMPLETED, Status.FAILED):
        return False
    state = record.stages.get(deadline.kind)
    return state is not None and state.active and deadline.names(state.deadline_at)


def _sweep_stage(
    *, records: RecordStore, deadlines: DeadlineBook, queues: MessageSender, outputs: StageOutputs, times: RunTimes,
    deadline: Deadline, now: datetime, report: SweepReport,
) -> None:  # fmt: skip
    record = records.get(deadline.tenant_id, deadline.audio_file_id)
    if record is None:
        return
    if not _guarded_state(record, deadline):
        if record.run_id == deadline.run_id:
            outputs.discard_unused(record)  # does nothing while the run goes on
            publish_ending(queues=queues, outputs=outputs, record=record, stage=Stage(deadline.kind))
        return
    stage = Stage(deadline.kind)
    state = record.stages[stage]
    if state.status != StageStatus.QUEUED and state.attempts >= MAX_STAGE_ATTEMPTS:
        failure = ErrorInfo(
            code="stage_timeout",
            message=f"The {stage} stage did not finish in {state.attempts} attempts.",
            stage=stage,
        )
        stored = records.mutate(
            deadline.tenant_id, deadline.audio_file_id,
            lambda r: failed_state(r, deadline.run_id, stage, failure) if _guarded_state(r, deadline) else None,
        )  # fmt: skip
        if stored is not None and stored.status is Status.FAILED and stored.run_id == deadline.run_id:
            report.failed.append(stored.id)
            logger.warning("%s of %s kept failing: run ended", stage, stored.id)
            outputs.discard_unused(stored)
            publish_run_outcome(queues=queues, record=stored)
        return
    if state.status == StageStatus.QUEUED:
        delay = times.queued * 2 ** min(state.requeues + 1, _MAX_BACKOFF_STEPS)
    else:
        delay = times.running
    following = stage_deadline(record, stage, due_after(now, delay))

    def requeue(current: AudioFileRecord) -> AudioFileRecord | None:
        if not _guarded_state(current, deadline):
            return None
        current.stages[stage].requeues += 1
        current.stages[stage].deadline_at = following.due
        return current

    stored, applied = write_guarded(
        records=records, deadlines=deadlines, tenant_id=deadline.tenant_id, audio_file_id=deadline.audio_file_id,
        deadline=following, change=requeue,
    )  # fmt: skip
    if stored is not None and applied:
        send_stage(queues, stored, stage)
        report.requeued.append(stored.id)
        report.rescheduled += 1
        logger.info("%s of %s sent again (%s past its deadline)", stage, stored.id, state.status)


def sweep_deadlines(
    *, records: RecordStore, deadlines: DeadlineBook, queues: MessageSender, outputs: StageOutputs,
    due: list[Deadline], times: RunTimes, now: datetime,
) -> SweepReport:  # fmt: skip
    report = SweepReport()
    for deadline in due:
        report.examined += 1
        if deadline.kind == UPLOAD:
            stored, applied = write_guarded(
                records=records, deadlines=deadlines, tenant_id=deadline.tenant_id,
                audio_file_id=deadline.audio_file_id, deadline=None, change=lambda r: expired_upload(r, now),
            )  # fmt: skip
            if stored is not None and applied:
                report.failed.append(stored.id)
                logger.warning("upload of %s passed its deadline", stored.id)
        else:
            _sweep_stage(records=records, deadlines=deadlines, queues=queues, outputs=outputs, times=times,
                         deadline=deadline, now=now, report=report)  # fmt: skip
        deadlines.remove(deadline)
    return report
