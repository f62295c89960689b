"""Table records of reviewers' verdicts.

Table ``Reviews``, PartitionKey = tenant. Per reviewed criterion of a recording, two rows written in one
transaction:

- ``c|{audioFileId}|{criterionId}``: the review itself (the latest one of that criterion of that call);
- ``a|{scorecardId}|{recorded time}|{audioFileId}|{criterionId}``: the same pair of verdicts, keyed for the
  agreement report, which reads one RowKey range per scorecard and date range.

A review is tied to the analysis it was made against: the scorecard id and version and the machine's verdict
at that moment are part of it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from shared.audio_files.records import epoch_ms
from shared.models.analysis import Verdict
from shared.storage.tables import from_properties, to_properties

MAX_TIME_MS = 10**13  # agreement keys hold times as 13 digits
REVIEW_PREFIX = "c|"
AGREEMENT_PREFIX = "a|"


class ReviewRecord(BaseModel):
    tenant_id: str
    audio_file_id: str
    criterion_id: str
    scorecard_id: str
    scorecard_version: str
    analysis_run_id: str  # the evaluation run whose analysis the reviewer saw
    recorded_at: datetime  # the call's; keys the agreement row, and never changes
    machine_verdict: Verdict
    verdict: Verdict
    reviewer: str  # the token's subject (oid or sub)
    reviewed_at: datetime
    comment: str | None = None
    etag: str | None = Field(default=None, exclude=True)


def review_row_key(audio_file_id: str, criterion_id: str) -> str:
    return f"{REVIEW_PREFIX}{audio_file_id}|{criterion_id}"


def reviews_prefix(audio_file_id: str) -> str:
    return f"{REVIEW_PREFIX}{audio_file_id}|"


def agreement_prefix(scorecard_id: str) -> str:
    return f"{AGREEMENT_PREFIX}{scorecard_id}|"


def agreement_time_key(scorecard_id: str, milliseconds: int) -> str:
    return f"{agreement_prefix(scorecard_id)}{milliseconds:013d}|"


def agreement_row_key(record: ReviewRecord) -> str:
    moment = agreement_time_key(record.scorecard_id, epoch_ms(record.recorded_at))
    return f"{moment}{record.audio_file_id}|{record.criterion_id}"


def to_entity(record: ReviewRecord, row_key: str) -> dict[str, Any]:
    entity: dict[str, Any] = {"PartitionKey": record.tenant_id, "RowKey": row_key}
    return entity | to_properties(record, exclude={"tenant_id"})


def from_entity(entity: dict[str, Any]) -> ReviewRecord:
    fields = from_properties(entity, leave_out={"PartitionKey", "RowKey"})
    return ReviewRecord.model_validate({**fields, "tenant_id": entity["PartitionKey"]})
