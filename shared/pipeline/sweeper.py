"""The timer's work: act on due deadlines (expired uploads, stuck stages)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from shared.audio_files.records import AudioFileRecord
from shared.dependencies import Dependencies
from shared.pipeline.deadlines import UPLOAD, Deadline, expired_upload, stuck_stage
from shared.pipeline.events import publish_run_outcome

logger = logging.getLogger(__name__)


@dataclass
class SweepReport:
    examined: int = 0
    failed: list[str] = field(default_factory=list)
    rescheduled: int = 0


def sweep_deadlines(deps: Dependencies, now: datetime) -> SweepReport:
    report = SweepReport()
    limit = timedelta(minutes=deps.settings.stage_deadline_minutes)
    for deadline in deps.deadlines.due(now):
        report.examined += 1
        look_again: list[datetime] = []
        changed: list[bool] = []

        def decide(
            record: AudioFileRecord,
            deadline: Deadline = deadline,
            look_again: list[datetime] = look_again,
            changed: list[bool] = changed,
        ) -> AudioFileRecord | None:
            look_again.clear()
            changed.clear()
            if deadline.kind == UPLOAD:
                failed = expired_upload(record, deadline, now)
            else:
                failed, later = stuck_stage(record, deadline, now, limit)
                if later:
                    look_again.append(later)
            if failed is not None:
                changed.append(True)
            return failed

        stored = deps.audio_files.mutate(deadline.tenant_id, deadline.audio_file_id, decide)
        if stored is not None and changed:
            report.failed.append(stored.id)
            logger.warning("%s of %s passed its deadline", deadline.kind, stored.id)
            if deadline.kind != UPLOAD:
                publish_run_outcome(deps, stored)
        if look_again:
            deps.deadlines.schedule(
                Deadline(look_again[0], deadline.tenant_id, deadline.audio_file_id, deadline.kind, deadline.run_id)
            )
            report.rescheduled += 1
        deps.deadlines.remove(deadline)
    return report
