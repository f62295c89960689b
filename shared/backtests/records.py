"""A backtest job: its table record, its status, and the one message its queue carries.

Table ``Backtests``: PartitionKey = tenant, RowKey = the job id (``bt_`` + ULID). Its blobs, in the
``backtests`` container under ``{tenant}/{jobId}/``: the selection of calls (``selection-{token}.json``, the
one the record names), one result file per chunk of calls (``chunks/{n}.json``) and the report.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field

from shared.models.base import WireModel
from shared.storage.tables import keyed_entity, keyed_record

JOB_ID_PATTERN = r"^bt_[0-7][0-9A-HJKMNP-TV-Z]{25}$"
CHUNK_SIZE = 50  # calls scored between two progress checkpoints


class BacktestStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"


class BacktestFilter(BaseModel):
    campaign_id: str | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None
    limit: int


class BacktestJob(BaseModel):
    tenant_id: str
    id: str
    scorecard_id: str
    version: str
    filter: BacktestFilter
    status: BacktestStatus = BacktestStatus.QUEUED
    created_at: datetime
    updated_at: datetime
    started_at: datetime | None = None
    completed_at: datetime | None = None
    selection_blob: str | None = None  # the selection the run works through, once chosen
    total: int = 0
    done: int = 0  # calls scored
    flips: int = 0  # calls whose overall pass/fail flips
    chunks_done: int = 0
    error_code: str | None = None
    etag: str | None = Field(default=None, exclude=True)

    @property
    def finished(self) -> bool:
        return self.status in (BacktestStatus.COMPLETED, BacktestStatus.FAILED)


class BacktestMessage(WireModel):
    """The message of the ``backtests`` queue: which job. Sent and read through this."""

    tenant_id: str
    job_id: str


def job_prefix(tenant_id: str, job_id: str) -> str:
    return f"{tenant_id}/{job_id}/"


def chunk_blob_name(tenant_id: str, job_id: str, index: int) -> str:
    return f"{job_prefix(tenant_id, job_id)}chunks/{index:05d}.json"


def report_blob_name(tenant_id: str, job_id: str) -> str:
    return f"{job_prefix(tenant_id, job_id)}report.json"


_JSON_FIELDS = ("filter",)


def to_entity(job: BacktestJob) -> dict[str, Any]:
    return keyed_entity(job, json_fields=_JSON_FIELDS)


def from_entity(entity: dict[str, Any]) -> BacktestJob:
    return keyed_record(BacktestJob, entity, json_fields=_JSON_FIELDS)
