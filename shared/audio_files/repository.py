"""Reads and writes of audio file records and their index rows in Table Storage."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from azure.core import MatchConditions
from azure.core.exceptions import ResourceNotFoundError
from azure.data.tables import TableClient, TableTransactionError, UpdateMode

from shared.audio_files.records import (
    AudioFileRecord,
    from_entity,
    index_prefix,
    index_row_keys,
    inverted_time,
    to_entity,
)
from shared.errors import BadRequest, ConcurrencyConflict
from shared.storage.errors import raise_if_resource_missing
from shared.storage.paging import first_rows
from shared.storage.tables import compare_and_swap


@dataclass(frozen=True)
class ListQuery:
    tenant_id: str
    campaign_id: str | None = None
    engagement_id: str | None = None
    is_ai_call: bool | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None


@dataclass(frozen=True)
class ListPage:
    records: list[AudioFileRecord]
    next_row_key: str | None  # where the next page starts (exclusive); None on the last page
    entities_read: int


def _is_precondition_failure(error: TableTransactionError) -> bool:
    status = getattr(error, "status_code", None)
    return status in (409, 412) or getattr(error, "error_code", None) in ("UpdateConditionNotSatisfied",)


class AudioFileRepository:
    def __init__(self, table: TableClient):
        self._table = table

    def create(self, record: AudioFileRecord) -> AudioFileRecord:
        operations: list[Any] = [("create", to_entity(record))]
        operations += [("create", to_entity(record, key)) for key in index_row_keys(record)]
        results = self._table.submit_transaction(operations)
        return record.model_copy(update={"etag": results[0].get("etag")})

    def get(self, tenant_id: str, audio_file_id: str) -> AudioFileRecord | None:
        try:
            return from_entity(self._table.get_entity(tenant_id, audio_file_id))
        except ResourceNotFoundError as error:
            raise_if_resource_missing(error)
            return None

    def save(self, record: AudioFileRecord) -> AudioFileRecord:
        """Write the record if nobody changed it since it was read (ETag compare-and-swap)."""
        if not record.etag:
            raise ValueError("save() needs a record read from the table (with its ETag)")
        operations: list[Any] = [
            (
                "update",
                to_entity(record),
                {
                    "mode": UpdateMode.REPLACE,
                    "etag": record.etag,
                    "match_condition": MatchConditions.IfNotModified,
                },
            )
        ]
        operations += [
            ("upsert", to_entity(record, key), {"mode": UpdateMode.REPLACE}) for key in index_row_keys(record)
        ]
        try:
            results = self._table.submit_transaction(operations)
        except TableTransactionError as error:
            if _is_precondition_failure(error):
                raise ConcurrencyConflict(record.id) from error
            raise
        return record.model_copy(update={"etag": results[0].get("etag")})

    def mutate(
        self,
        tenant_id: str,
        audio_file_id: str,
        change: Callable[[AudioFileRecord], AudioFileRecord | None],
    ) -> AudioFileRecord | None:
        """Read, apply ``change``, compare-and-swap; on a lost race read again and decide again.

        ``change`` returns the new record, or None to leave the stored one as it is. Returns what is stored
        afterwards (None if the record does not exist).
        """
        return compare_and_swap(lambda: self.get(tenant_id, audio_file_id), self.save, change, audio_file_id)

    def delete(self, record: AudioFileRecord) -> None:
        operations: list[Any] = [("delete", {"PartitionKey": record.tenant_id, "RowKey": record.id})]
        operations += [("delete", {"PartitionKey": record.tenant_id, "RowKey": key}) for key in index_row_keys(record)]
        try:
            self._table.submit_transaction(operations)
        except TableTransactionError as error:
            if getattr(error, "status_code", None) != 404:
                raise

    def list(self, query: ListQuery, *, limit: int, skip: int = 0, after_row_key: str | None = None) -> ListPage:
        """One RowKey range of the matching index, newest first. Reads ``skip + limit + 1`` rows at most."""
        prefix = index_prefix(query.campaign_id, query.engagement_id, query.is_ai_call)
        low = prefix + (inverted_time(query.date_to) if query.date_to else "")
        high = prefix + (inverted_time(query.date_from) + "|~" if query.date_from else "~")
        if after_row_key is not None:
            if not after_row_key.startswith(prefix):
                raise BadRequest(
                    "The continuation token does not belong to these filters.",
                    code="invalid_continuation_token",
                )
            low_op, low = "gt", max(low, after_row_key)
        else:
            low_op = "ge"
        wanted = skip + limit + 1
        entities = self._table.query_entities(
            f"PartitionKey eq @tenant and RowKey {low_op} @low and RowKey lt @high",
            parameters={"tenant": query.tenant_id, "low": low, "high": high},
            results_per_page=min(wanted, 1000),
        )
        rows = first_rows(entities, wanted)
        page_rows = rows[skip : skip + limit]
        has_more = len(rows) > skip + limit
        return ListPage(
            records=[from_entity(row) for row in page_rows],
            next_row_key=page_rows[-1]["RowKey"] if has_more and page_rows else None,
            entities_read=len(rows),
        )
