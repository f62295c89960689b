"""Deadlines, so nothing stays stuck: an upload that never arrives, a stage whose worker vanished.

Each deadline is a row in its own partition of the AudioFiles table, keyed by due time, so the sweeper reads
only what is due instead of scanning every tenant. A deadline is written before the state it guards and only
acts if the record still shows that state when it falls due; otherwise it is simply dropped.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from azure.core.exceptions import ResourceNotFoundError
from azure.data.tables import TableClient

from shared.audio_files.records import AudioFileRecord, ErrorInfo, Status

logger = logging.getLogger(__name__)

DEADLINE_PARTITION = "~deadlines"  # tenant ids cannot start with '~'
UPLOAD = "upload"
SWEEP_BATCH = 500


@dataclass(frozen=True)
class Deadline:
    due: datetime
    tenant_id: str
    audio_file_id: str
    kind: str  # "upload" or a stage name
    run_id: str = "-"

    @property
    def row_key(self) -> str:
        due_ms = int(self.due.timestamp() * 1000)
        return f"{due_ms:013d}|{self.tenant_id}|{self.audio_file_id}|{self.kind}|{self.run_id}"

    @classmethod
    def parse(cls, row_key: str) -> Deadline:
        due_ms, tenant_id, audio_file_id, kind, run_id = row_key.split("|")
        return cls(datetime.fromtimestamp(int(due_ms) / 1000, UTC), tenant_id, audio_file_id, kind, run_id)


class DeadlineStore:
    def __init__(self, table: TableClient):
        self._table = table

    def schedule(self, deadline: Deadline) -> None:
        self._table.upsert_entity({"PartitionKey": DEADLINE_PARTITION, "RowKey": deadline.row_key})

    def due(self, now: datetime, limit: int = SWEEP_BATCH) -> list[Deadline]:
        rows = self._table.query_entities(
            "PartitionKey eq @partition and RowKey lt @now",
            parameters={"partition": DEADLINE_PARTITION, "now": f"{int(now.timestamp() * 1000):013d}"},
            select=["RowKey"],
            results_per_page=limit,
        )
        found = []
        for row in rows:
            found.append(Deadline.parse(row["RowKey"]))
            if len(found) >= limit:
                break
        return found

    def remove(self, deadline: Deadline) -> None:
        with contextlib.suppress(ResourceNotFoundError):
            self._table.delete_entity(DEADLINE_PARTITION, deadline.row_key)


def expired_upload(record: AudioFileRecord, deadline: Deadline, now: datetime) -> AudioFileRecord | None:
    if record.status is not Status.AWAITING_UPLOAD or record.upload_expires_at > now:
        return None
    record.status = Status.FAILED
    record.error = ErrorInfo(code="upload_expired", message="No audio was uploaded before the upload URL expired.",
                             stage="upload")  # fmt: skip
    record.updated_at = now
    return record


def stuck_stage(
    record: AudioFileRecord, deadline: Deadline, now: datetime, limit: timedelta
) -> tuple[AudioFileRecord | None, datetime | None]:
    """(the record failed for a timeout, or None; when to look again if the stage is active but not late)."""
    if record.run_id != deadline.run_id or record.status in (Status.COMPLETED, Status.FAILED):
        return None, None
    state = record.stages.get(deadline.kind)
    if state is None or not state.active or state.last_activity is None:
        return None, None
    late_at = state.last_activity + limit
    if late_at > now:
        return None, late_at
    state.status = "failed"
    record.status = Status.FAILED
    record.error = ErrorInfo(
        code="stage_timeout",
        message=f"The {deadline.kind} stage did not finish within {int(limit.total_seconds() // 60)} minutes.",
        stage=deadline.kind,
    )
    record.updated_at = now
    return record, None
