"""Deadlines, so nothing stays stuck: an upload that never arrives, a stage whose message or worker vanished.

Each deadline is a row in its own partition of the AudioFiles table, keyed by due time, so the sweeper reads
only what is due instead of scanning every tenant. A deadline is written before the state it guards, and that
state names it (``StageState.deadline_at``; an upload's is ``upload_expires_at``), so a crash between the two
leaves a row that is dropped when it falls due, and deleting a record finds every row that guards it.
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
NO_RUN = "-"


def due_after(now: datetime, delay: timedelta) -> datetime:
    """A due time at the millisecond precision of the row key, so the state and its row name the same instant."""
    due = now + delay
    return due.replace(microsecond=due.microsecond // 1000 * 1000)


@dataclass(frozen=True)
class Deadline:
    due: datetime
    tenant_id: str
    audio_file_id: str
    kind: str  # "upload" or a stage name
    run_id: str = NO_RUN

    @property
    def row_key(self) -> str:
        due_ms = int(self.due.timestamp() * 1000)
        return f"{due_ms:013d}|{self.tenant_id}|{self.audio_file_id}|{self.kind}|{self.run_id}"

    @classmethod
    def parse(cls, row_key: str) -> Deadline:
        due_ms, tenant_id, audio_file_id, kind, run_id = row_key.split("|")
        return cls(datetime.fromtimestamp(int(due_ms) / 1000, UTC), tenant_id, audio_file_id, kind, run_id)

    def names(self, due: datetime | None) -> bool:
        """Whether a state whose deadline is ``due`` is the one this row guards."""
        return due is not None and int(due.timestamp() * 1000) == int(self.due.timestamp() * 1000)


def upload_deadline(record: AudioFileRecord) -> Deadline:
    return Deadline(record.upload_expires_at, record.tenant_id, record.id, UPLOAD)


def deadlines_of(record: AudioFileRecord) -> list[Deadline]:
    """Every deadline row the record names: its upload's, and each stage's of the current run."""
    found = [upload_deadline(record)]
    for stage, state in record.stages.items():
        if state.deadline_at is not None and record.run_id is not None:
            found.append(Deadline(state.deadline_at, record.tenant_id, record.id, stage, record.run_id))
    return found


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


def expired_upload(record: AudioFileRecord, now: datetime) -> AudioFileRecord | None:
    if record.status is not Status.AWAITING_UPLOAD or record.upload_expires_at > now:
        return None
    record.status = Status.FAILED
    record.error = ErrorInfo(code="upload_expired", message="No audio was uploaded before the upload URL expired.",
                             stage="upload")  # fmt: skip
    record.updated_at = now
    return record
