"""Reads and writes of reviews in Table Storage: one transaction per reviewer's submission, ETag-guarded."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from azure.core import MatchConditions
from azure.data.tables import TableClient, TableTransactionError, UpdateMode

from shared.errors import ConcurrencyConflict
from shared.reviews.records import (
    MAX_TIME_MS,
    ReviewRecord,
    agreement_prefix,
    agreement_row_key,
    agreement_time_key,
    from_entity,
    review_row_key,
    reviews_prefix,
    to_entity,
)

# Two rows per criterion in one transaction of at most 100 operations.
MAX_CRITERIA_PER_SUBMISSION = 50


def _prefix_end(prefix: str) -> str:
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


class ReviewRepository:
    def __init__(self, table: TableClient):
        self._table = table

    def for_audio_file(self, tenant_id: str, audio_file_id: str) -> list[ReviewRecord]:
        """Every criterion review of one recording: one RowKey range (bounded by its scorecard's criteria)."""
        prefix = reviews_prefix(audio_file_id)
        entities = self._table.query_entities(
            "PartitionKey eq @tenant and RowKey ge @low and RowKey lt @high",
            parameters={"tenant": tenant_id, "low": prefix, "high": _prefix_end(prefix)},
        )
        return [from_entity(entity) for entity in entities]

    def replace(self, before: dict[str, ReviewRecord], after: list[ReviewRecord]) -> None:
        """Write ``after`` in one transaction, provided the reviews in ``before`` (by criterion id, read with
        their ETags) are unchanged and the others still do not exist; raises ConcurrencyConflict otherwise."""
        if len(after) > MAX_CRITERIA_PER_SUBMISSION:
            raise ValueError(f"at most {MAX_CRITERIA_PER_SUBMISSION} criteria per transaction")
        operations: list[Any] = []
        for record in after:
            key = review_row_key(record.audio_file_id, record.criterion_id)
            old = before.get(record.criterion_id)
            if old is None:
                operations.append(("create", to_entity(record, key)))
            else:
                guard = {"mode": UpdateMode.REPLACE, "etag": old.etag, "match_condition": MatchConditions.IfNotModified}
                operations.append(("update", to_entity(record, key), guard))
                if agreement_row_key(old) != agreement_row_key(record):
                    operations.append(("delete", {"PartitionKey": old.tenant_id, "RowKey": agreement_row_key(old)}))
            operations.append(("upsert", to_entity(record, agreement_row_key(record)), {"mode": UpdateMode.REPLACE}))
        try:
            self._table.submit_transaction(operations)
        except TableTransactionError as error:
            if getattr(error, "status_code", None) in (404, 409, 412):
                raise ConcurrencyConflict("reviews") from error
            raise

    def agreement_rows(
        self, tenant_id: str, scorecard_id: str, *, start_ms: int, end_ms: int
    ) -> Iterator[ReviewRecord]:
        """The scorecard's reviews of calls recorded in [start_ms, end_ms], oldest call first."""
        entities = self._table.query_entities(
            "PartitionKey eq @tenant and RowKey ge @low and RowKey lt @high",
            parameters={
                "tenant": tenant_id,
                "low": agreement_time_key(scorecard_id, start_ms),
                # Keys hold 13-digit times: the range past the last one ends with the scorecard's prefix.
                "high": agreement_time_key(scorecard_id, end_ms + 1)
                if end_ms + 1 < MAX_TIME_MS
                else _prefix_end(agreement_prefix(scorecard_id)),
            },
            results_per_page=1000,
        )
        for entity in entities:
            yield from_entity(entity)

    def delete_for_audio_file(self, tenant_id: str, audio_file_id: str) -> int:
        """Remove a recording's reviews and their agreement rows (the recording is gone)."""
        records = self.for_audio_file(tenant_id, audio_file_id)
        keys = [key for r in records for key in (review_row_key(r.audio_file_id, r.criterion_id), agreement_row_key(r))]
        for start in range(0, len(keys), 100):
            batch: list[Any] = [
                ("delete", {"PartitionKey": tenant_id, "RowKey": key}) for key in keys[start : start + 100]
            ]
            self._table.submit_transaction(batch)
        return len(records)
