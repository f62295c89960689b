"""The table record of one audio file, and the index rows that make listing cheap.

One table, partitioned by tenant. The record's RowKey is its id (``af_`` + ULID, so ids sort by time). Beside
it, in the same partition, one index row per filter combination the record can match: campaign, engagement
and isAICall each either fixed or free, then the inverted recording time, then the id. A list page is then one
RowKey range read of at most ``pageSize + 1`` rows, newest first, for any combination of filters.

Beside the index rows, counter rows answer ``totalCount`` in one range read: per filter combination a total,
and per UTC day of recording for date ranges. The record, its index rows and its counters change together in
one entity-group transaction, so a count never disagrees with the index. Each counter is split in
``COUNTER_SHARDS`` rows and a record counts in the shard its id picks, so uploads into one tenant at once
rarely compare-and-swap the same row; a count sums the shards of a counter, which sort together.
"""

from __future__ import annotations

import zlib
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from itertools import product
from typing import Any

from pydantic import BaseModel, Field

from shared.models.redaction import RedactionOverride
from shared.pipeline.model import Stage, StageState
from shared.scorecards.model import ScorecardPin
from shared.storage.tables import from_properties, to_properties

_MAX_TIME_MS = 10**13 - 1  # year 2286: inverted times stay 13 digits
# '~' sorts after every id character, so index, counter and bookmark rows never mix with records.
INDEX_PREFIX = "~i"
COUNTER_PREFIX = "~c"
BOOKMARK_PREFIX = "~b"
TOTAL_COUNTER = "all"
DAY_COUNTER = "d"  # then the day as YYYYMMDD
# Then the shard: '.' sorts before digits, so a day's shards never mix with the next day's ('#' is not
# allowed in a RowKey).
SHARD_SEPARATOR = "."
COUNTER_SHARDS = 16
DAY_MS = 86_400_000
_EPOCH_DAY = date(1970, 1, 1)


class Status(StrEnum):
    AWAITING_UPLOAD = "awaiting_upload"
    PENDING = "pending"
    PROCESSING = "processing"
    EVALUATING = "evaluating"
    COMPLETED = "completed"
    FAILED = "failed"


ACTIVE_STATUSES = (Status.PROCESSING, Status.EVALUATING)


class ErrorInfo(BaseModel):
    code: str
    message: str
    stage: str | None = None


class AudioFileRecord(BaseModel):
    tenant_id: str
    id: str
    file_name: str
    safe_file_name: str
    blob_name: str
    engagement_id: str
    campaign_id: str | None = None
    is_ai_call: bool = False
    recorded_at: datetime
    created_at: datetime
    updated_at: datetime
    status: Status = Status.AWAITING_UPLOAD
    upload_expires_at: datetime
    auto_process: bool = False
    declared_content_type: str | None = None
    declared_size_bytes: int | None = None
    redaction: RedactionOverride | None = None  # the upload's own redaction choices, over the tenant's
    # Facts of the uploaded blob, set when it arrives.
    content_type: str | None = None
    size_bytes: int | None = None
    duration_ms: int | None = None
    channels: int | None = None
    sample_rate: int | None = None
    audio_format: str | None = None
    uploaded_at: datetime | None = None
    blob_etag: str | None = None
    # The current processing run: every queue message names it, so an older run's message changes nothing.
    run_id: str | None = None
    run_stages: list[str] = Field(default_factory=list)
    run_count: int = 0
    # The scorecard version the current run was asked to evaluate with; None: the one assigned when it evaluates.
    run_scorecard: ScorecardPin | None = None
    stages: dict[str, StageState] = Field(default_factory=dict)
    error: ErrorInfo | None = None
    # Stage -> the run whose output of that stage is current. Outputs live at run-specific blob names, so a late
    # stage of an older run can never overwrite (or, cleaning up, delete) what a newer run wrote.
    outputs: dict[str, str] = Field(default_factory=dict)
    etag: str | None = Field(default=None, exclude=True)

    def stage(self, name: str) -> StageState:
        return self.stages.setdefault(name, StageState())

    @property
    def has_transcript(self) -> bool:
        return Stage.REDACTION in self.outputs  # the transcript clients read is redaction's output

    @property
    def has_analysis(self) -> bool:
        return Stage.EVALUATION in self.outputs


_JSON_FIELDS = {"stages", "error", "run_stages", "outputs", "redaction", "run_scorecard"}


def to_entity(record: AudioFileRecord, row_key: str | None = None) -> dict[str, Any]:
    """Table entity of the record (or of one of its index rows, given its RowKey)."""
    entity: dict[str, Any] = {"PartitionKey": record.tenant_id, "RowKey": row_key or record.id}
    entity |= to_properties(record, exclude={"tenant_id", "id"}, json_fields=_JSON_FIELDS)
    if row_key:
        entity["id"] = record.id
    return entity


def from_entity(entity: dict[str, Any]) -> AudioFileRecord:
    fields = from_properties(entity, leave_out={"PartitionKey", "RowKey", "id"}, json_fields=_JSON_FIELDS)
    fields["tenant_id"] = entity["PartitionKey"]
    fields["id"] = entity.get("id", entity["RowKey"])
    return AudioFileRecord.model_validate(fields)


def epoch_ms(moment: datetime) -> int:
    """Milliseconds since 1970, clamped to what the index can order (1970 to 2286)."""
    return min(max(int(moment.timestamp() * 1000), 0), _MAX_TIME_MS)


def inverted_ms(milliseconds: int) -> str:
    return f"{_MAX_TIME_MS - milliseconds:013d}"


def inverted_time(moment: datetime) -> str:
    # Clamped so a filter date before 1970 or after 2286 still gives a 13-digit key that sorts correctly.
    return inverted_ms(epoch_ms(moment))


def day_of(milliseconds: int) -> date:
    return _EPOCH_DAY + timedelta(days=milliseconds // DAY_MS)


def day_start_ms(day: date) -> int:
    return int(datetime.combine(day, datetime.min.time(), UTC).timestamp() * 1000)


Combination = tuple[str | None, str | None, bool | None]


def _combination_key(campaign_id: str | None, engagement_id: str | None, is_ai_call: bool | None) -> str:
    mask = f"{int(campaign_id is not None)}{int(engagement_id is not None)}{int(is_ai_call is not None)}"
    parts = [
        campaign_id if campaign_id is not None else "",
        engagement_id if engagement_id is not None else "",
        "" if is_ai_call is None else str(int(is_ai_call)),
    ]
    return f"{mask}|{'|'.join(parts)}|"


def index_prefix(campaign_id: str | None, engagement_id: str | None, is_ai_call: bool | None) -> str:
    """The RowKey prefix of the index for one filter combination (None = not filtered on)."""
    return INDEX_PREFIX + _combination_key(campaign_id, engagement_id, is_ai_call)


def counter_prefix(campaign_id: str | None, engagement_id: str | None, is_ai_call: bool | None) -> str:
    """The RowKey prefix of one filter combination's counters: ``all``, then one per day."""
    return COUNTER_PREFIX + _combination_key(campaign_id, engagement_id, is_ai_call)


def day_counter_key(prefix: str, day: date) -> str:
    """A day's counter, without its shard: its shards' RowKeys start with it."""
    return f"{prefix}{DAY_COUNTER}{day:%Y%m%d}"


def total_counter_key(prefix: str) -> str:
    """A combination's total, without its shard: its shards' RowKeys start with it."""
    return prefix + TOTAL_COUNTER


def counter_shard(audio_file_id: str) -> str:
    """The shard a recording counts in: fixed by its id, so its delete takes one from the shard it added to."""
    return f"{SHARD_SEPARATOR}{zlib.crc32(audio_file_id.encode()) % COUNTER_SHARDS:02d}"


def is_sharded(counter_row_key: str) -> bool:
    """Whether a counter row is one shard of a counter (rather than a row of the unsharded layout)."""
    return SHARD_SEPARATOR in counter_row_key.rpartition("|")[2]  # after the combination, which ends with '|'


def shard_range(counter_key: str) -> tuple[str, str]:
    """RowKeys [low, high] of every shard of one counter (a total, or a day)."""
    return counter_key + SHARD_SEPARATOR, counter_key + SHARD_SEPARATOR + "~"


def combinations(record: AudioFileRecord) -> list[Combination]:
    """Every filter combination the record matches: each filter fixed to the record's value, or free."""
    campaign_choices: list[str | None] = [None] + ([record.campaign_id] if record.campaign_id else [])
    return list(product(campaign_choices, [None, record.engagement_id], [None, record.is_ai_call]))


def index_row_keys(record: AudioFileRecord) -> list[str]:
    """Every index RowKey the record belongs to."""
    suffix = f"{inverted_time(record.recorded_at)}|{record.id}"
    return [index_prefix(*combination) + suffix for combination in combinations(record)]


def counter_row_keys(record: AudioFileRecord) -> list[str]:
    """The counter rows the record adds one to: per combination, the total and the day it was recorded, in
    the record's shard."""
    day = day_of(epoch_ms(record.recorded_at))
    shard = counter_shard(record.id)
    keys = []
    for combination in combinations(record):
        prefix = counter_prefix(*combination)
        keys += [total_counter_key(prefix) + shard, day_counter_key(prefix, day) + shard]
    return keys
