"""Reads and writes of audio file records, their index rows, counters and page bookmarks in Table Storage.

Counters are read-modify-write rows shared by every recording of a tenant, so each transaction that changes
membership of the index carries an ETag compare-and-swap of the counters it touches; a lost race re-reads and
tries again. Page bookmarks remember where page N of one listing starts, tagged with the generation of that
filter combination's total counter: any upload or delete in the combination changes the generation, so a
bookmark is trusted only while the listing is exactly as it was when the bookmark was taken.
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from azure.core import MatchConditions
from azure.core.exceptions import ResourceNotFoundError, ServiceResponseError
from azure.data.tables import TableClient, TableTransactionError, UpdateMode

from shared.audio_files.records import (
    BOOKMARK_PREFIX,
    DAY_COUNTER,
    DAY_MS,
    TOTAL_COUNTER,
    AudioFileRecord,
    counter_prefix,
    counter_row_keys,
    day_counter_key,
    day_of,
    day_start_ms,
    epoch_ms,
    from_entity,
    index_prefix,
    index_row_keys,
    inverted_ms,
    to_entity,
)
from shared.errors import BadRequest, ConcurrencyConflict
from shared.storage.errors import raise_if_resource_missing
from shared.storage.paging import first_rows
from shared.storage.tables import compare_and_swap

_COUNT = "count"
_GENERATION = "generation"
_COUNTER_ATTEMPTS = 40  # many uploads into one tenant at once all touch its total counter
_BACKOFF_S = 0.005
_MAX_TRANSACTION = 99  # the limit is 100; Azurite has reset connections on full batches sent in parallel
_BULK_WRITERS = 4
_BULK_ATTEMPTS = 4
_MAX_PAGE = 99_999  # bookmark keys hold the page number inverted in five digits, so the nearest sorts first
_READERS = ThreadPoolExecutor(max_workers=8, thread_name_prefix="counter-read")


@dataclass(frozen=True)
class ListQuery:
    tenant_id: str
    campaign_id: str | None = None
    engagement_id: str | None = None
    is_ai_call: bool | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None

    @property
    def index_prefix(self) -> str:
        return index_prefix(self.campaign_id, self.engagement_id, self.is_ai_call)

    @property
    def counter_prefix(self) -> str:
        return counter_prefix(self.campaign_id, self.engagement_id, self.is_ai_call)


@dataclass(frozen=True)
class ListPage:
    records: list[AudioFileRecord]
    next_row_key: str | None  # where the next page starts (exclusive); None on the last page
    entities_read: int  # index rows (including row keys read to find a page start not bookmarked yet)
    total_count: int | None = None
    bookkeeping_reads: int = 0  # counter and bookmark rows read


@dataclass(frozen=True)
class Count:
    total: int
    generation: str | None  # changes with every upload or delete in the filter combination
    entities_read: int


def _lost_race(error: TableTransactionError) -> bool:
    """Somebody changed a row of the transaction first (stale ETag, row created or deleted meanwhile)."""
    status = getattr(error, "status_code", None)
    return status in (404, 409, 412) or getattr(error, "error_code", None) in ("UpdateConditionNotSatisfied",)


def _stale_etag(error: TableTransactionError) -> bool:
    status = getattr(error, "status_code", None)
    return status in (409, 412) or getattr(error, "error_code", None) in ("UpdateConditionNotSatisfied",)


def _if_unchanged(entity: Any) -> dict[str, Any]:
    return {"etag": entity.metadata["etag"], "match_condition": MatchConditions.IfNotModified}


def _counter_operations(tenant_id: str, key: str, counter: Any | None, delta: int) -> list[Any]:
    """Move one counter by ``delta``: create it, update it or, at zero, delete it; always guarded."""
    new_generation = random.getrandbits(64).to_bytes(8, "big").hex()
    entity = {"PartitionKey": tenant_id, "RowKey": key, _GENERATION: new_generation}
    if counter is None:
        # Nothing to take one from: a record older than its counters; the count stays at zero, not below.
        return [("create", {**entity, _COUNT: delta})] if delta > 0 else []
    count = int(counter.get(_COUNT, 0)) + delta
    if count <= 0:
        return [("delete", counter, _if_unchanged(counter))]
    return [("update", {**entity, _COUNT: count}, {"mode": UpdateMode.REPLACE, **_if_unchanged(counter)})]


class AudioFileRepository:
    def __init__(self, table: TableClient):
        self._table = table

    # --- writes ----------------------------------------------------------------------------------------

    def create(self, record: AudioFileRecord) -> AudioFileRecord:
        """Insert the record, its index rows, and one more in each of its counters, in one transaction."""

        def operations() -> list[Any]:
            rows = [to_entity(record)] + [to_entity(record, key) for key in index_row_keys(record)]
            return [("create", row) for row in rows]

        results = self._commit_counted(record.tenant_id, operations, counter_row_keys(record), +1)
        assert results is not None
        return record.model_copy(update={"etag": results[0].get("etag")})

    def bulk_insert(self, records: Iterable[AudioFileRecord]) -> None:
        """Insert many new records at once (seeding, imports): rows in 99-entity transactions, then each
        counter compare-and-swapped once. Not atomic per record; the service's uploads use ``create``."""
        rows: dict[str, list[dict[str, Any]]] = {}
        deltas: dict[tuple[str, str], int] = {}
        for record in records:
            tenant_rows = rows.setdefault(record.tenant_id, [])
            tenant_rows.append(to_entity(record))
            tenant_rows += [to_entity(record, key) for key in index_row_keys(record)]
            for key in counter_row_keys(record):
                deltas[(record.tenant_id, key)] = deltas.get((record.tenant_id, key), 0) + 1
        chunks = [
            tenant_rows[start : start + _MAX_TRANSACTION]
            for tenant_rows in rows.values()
            for start in range(0, len(tenant_rows), _MAX_TRANSACTION)
        ]
        with ThreadPoolExecutor(_BULK_WRITERS) as writers:
            list(writers.map(self._write_rows, chunks))
        by_tenant: dict[str, list[tuple[str, int]]] = {}
        for (tenant_id, key), delta in deltas.items():
            by_tenant.setdefault(tenant_id, []).append((key, delta))
        for tenant_id, changes in by_tenant.items():
            for start in range(0, len(changes), _MAX_TRANSACTION):
                chunk = changes[start : start + _MAX_TRANSACTION]
                self._commit_counted(tenant_id, lambda: [], [key for key, _ in chunk], dict(chunk))

    def _write_rows(self, rows: list[dict[str, Any]]) -> None:
        """Upsert one batch of new rows; upserts can be sent again, so a dropped connection is retried."""
        for attempt in range(_BULK_ATTEMPTS):
            try:
                self._table.submit_transaction([("upsert", row, {"mode": UpdateMode.REPLACE}) for row in rows])
                return
            except ServiceResponseError:
                if attempt == _BULK_ATTEMPTS - 1:
                    raise
                time.sleep(0.2 * (attempt + 1))

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
            if _stale_etag(error):
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
        """Delete the record, its index rows and one from each of its counters, in one transaction.

        Deleting what is already gone is not an error; a record changed since it was read is read again.
        """
        tenant_id = record.tenant_id

        def operations() -> list[Any] | None:
            current = self._table_entity(tenant_id, record.id)
            if current is None:
                return None
            ops: list[Any] = [("delete", current, _if_unchanged(current))]
            ops += [("delete", {"PartitionKey": tenant_id, "RowKey": key}) for key in index_row_keys(record)]
            return ops

        self._commit_counted(tenant_id, operations, counter_row_keys(record), -1)

    def _table_entity(self, tenant_id: str, row_key: str) -> Any | None:
        try:
            return self._table.get_entity(tenant_id, row_key)
        except ResourceNotFoundError:
            return None

    def _commit_counted(
        self,
        tenant_id: str,
        operations: Callable[[], list[Any] | None],
        counter_keys: list[str],
        delta: int | dict[str, int],
    ) -> list[Any] | None:
        """Submit ``operations()`` with the counters moved by ``delta`` (per key, or the same for all), as
        one transaction guarded by the counters' ETags; on a lost race read everything again and retry.

        ``operations`` returns None when there is nothing left to do (then so does this).
        """
        for attempt in range(_COUNTER_ATTEMPTS):
            ops = operations()
            if ops is None:
                return None
            counters = list(_READERS.map(lambda key: self._table_entity(tenant_id, key), counter_keys))
            for key, counter in zip(counter_keys, counters, strict=True):
                change = delta[key] if isinstance(delta, dict) else delta
                ops += _counter_operations(tenant_id, key, counter, change)
            try:
                return self._table.submit_transaction(ops)
            except TableTransactionError as error:
                if not _lost_race(error):
                    raise
            time.sleep(random.uniform(0, _BACKOFF_S * 2 ** min(attempt, 6)))
        raise ConcurrencyConflict(f"counters of {tenant_id}")

    # --- reads -----------------------------------------------------------------------------------------

    def list(self, query: ListQuery, *, limit: int, after_row_key: str | None = None) -> ListPage:
        """One RowKey range of the matching index, newest first. Reads ``limit + 1`` rows at most."""
        low, high = _index_range(query)
        if after_row_key is not None:
            if not after_row_key.startswith(query.index_prefix):
                raise BadRequest(
                    "The continuation token does not belong to these filters.",
                    code="invalid_continuation_token",
                )
            low_op, low = "gt", max(low, after_row_key)
        else:
            low_op = "ge"
        entities = self._table.query_entities(
            f"PartitionKey eq @tenant and RowKey {low_op} @low and RowKey lt @high",
            parameters={"tenant": query.tenant_id, "low": low, "high": high},
            results_per_page=limit + 1,
        )
        rows = first_rows(entities, limit + 1)
        page_rows = rows[:limit]
        return ListPage(
            records=[from_entity(row) for row in page_rows],
            next_row_key=page_rows[-1]["RowKey"] if len(rows) > limit else None,
            entities_read=len(rows),
        )

    def page(self, query: ListQuery, *, limit: int, number: int = 1, after_row_key: str | None = None) -> ListPage:
        """Page ``number`` (or the page after a continuation point) with the listing's total count.

        A page reached before, with the listing unchanged since, starts at its bookmark: ``limit + 1`` rows.
        Otherwise the row keys from the nearest bookmark (or the start) are read to find it, and every page
        start passed on the way is bookmarked.
        """
        count = self.count(query)
        if after_row_key is not None or number == 1:
            result = self.list(query, limit=limit, after_row_key=after_row_key)
            return replace(result, total_count=count.total, bookkeeping_reads=count.entities_read)
        bookkeeping = count.entities_read
        if (number - 1) * limit >= count.total or count.generation is None or number > _MAX_PAGE:
            return ListPage([], None, 0, count.total, bookkeeping)
        bookmarks = _Bookmarks(query, limit, count.generation)
        start_page, after = self._nearest_bookmark(bookmarks, number)
        bookkeeping += int(start_page > 1)  # the bookmark row
        scanned = 0
        if start_page < number:
            keys = self._row_keys(query, after, (number - start_page) * limit)
            scanned = len(keys)
            starts = keys[limit - 1 :: limit]  # the last row of each page is where the next one starts
            self._save_bookmarks(bookmarks, dict(zip(range(start_page + 1, number + 1), starts, strict=False)))
            if len(starts) < number - start_page:  # rows deleted since the count: past the end
                return ListPage([], None, scanned, count.total, bookkeeping)
            after = starts[-1]
        result = self.list(query, limit=limit, after_row_key=after)
        if result.next_row_key is not None:
            self._save_bookmarks(bookmarks, {number + 1: result.next_row_key})
        return replace(
            result,
            entities_read=scanned + result.entities_read,
            total_count=count.total,
            bookkeeping_reads=bookkeeping,
        )

    def count(self, query: ListQuery) -> Count:
        """How many records match: one counter read, plus the day counters of a date range (one range read)
        and the index row keys of a first or last day that the range covers only in part."""
        prefix = query.counter_prefix
        total_row = self._table_entity(query.tenant_id, prefix + TOTAL_COUNTER)
        if total_row is None:
            return Count(0, None, 1)
        generation = total_row.get(_GENERATION)
        if query.date_from is None and query.date_to is None:
            return Count(int(total_row[_COUNT]), generation, 1)
        start = epoch_ms(query.date_from) if query.date_from else None
        end = epoch_ms(query.date_to) if query.date_to else None
        days = split_days(start, end)
        total, reads = 0, 1
        if days.has_full_days:
            low = day_counter_key(prefix, days.first_full) if days.first_full else prefix + DAY_COUNTER
            high = day_counter_key(prefix, days.last_full) if days.last_full else prefix + DAY_COUNTER + "~"
            for row in self._table.query_entities(
                "PartitionKey eq @tenant and RowKey ge @low and RowKey le @high",
                parameters={"tenant": query.tenant_id, "low": low, "high": high},
                select=[_COUNT],
                results_per_page=1000,
            ):
                total += int(row[_COUNT])
                reads += 1
        for first_ms, last_ms in days.partial:
            part = replace(query, date_from=None, date_to=None)
            low, high = _index_range(part, first_ms, last_ms)
            rows = sum(
                1
                for _ in self._table.query_entities(
                    "PartitionKey eq @tenant and RowKey ge @low and RowKey lt @high",
                    parameters={"tenant": query.tenant_id, "low": low, "high": high},
                    select=["RowKey"],
                    results_per_page=1000,
                )
            )
            total += rows
            reads += rows
        return Count(total, generation, reads)

    def _row_keys(self, query: ListQuery, after_row_key: str | None, count: int) -> Sequence[str]:
        low, high = _index_range(query)
        low_op = "ge" if after_row_key is None else "gt"
        entities = self._table.query_entities(
            f"PartitionKey eq @tenant and RowKey {low_op} @low and RowKey lt @high",
            parameters={"tenant": query.tenant_id, "low": after_row_key or low, "high": high},
            select=["RowKey"],
            results_per_page=min(count, 1000),
        )
        return [row["RowKey"] for row in first_rows(entities, count)]

    def _nearest_bookmark(self, bookmarks: _Bookmarks, number: int) -> tuple[int, str | None]:
        """The closest page at or before ``number`` whose start is known for this listing as it is now."""
        entities = self._table.query_entities(
            "PartitionKey eq @tenant and RowKey ge @low and RowKey lt @high and generation eq @generation",
            parameters={
                "tenant": bookmarks.tenant_id,
                "low": bookmarks.key(number),
                "high": bookmarks.prefix + "~",
                "generation": bookmarks.generation,
            },
            results_per_page=1,
        )
        found = first_rows(entities, 1)
        if not found:
            return 1, None
        return bookmarks.page_of(found[0]["RowKey"]), found[0]["after"]

    def _save_bookmarks(self, bookmarks: _Bookmarks, starts: dict[int, str]) -> None:
        rows = [
            (
                "upsert",
                {
                    "PartitionKey": bookmarks.tenant_id,
                    "RowKey": bookmarks.key(page),
                    "after": after,
                    _GENERATION: bookmarks.generation,
                },
            )
            for page, after in starts.items()
            if page <= _MAX_PAGE
        ]
        for start in range(0, len(rows), _MAX_TRANSACTION):
            self._table.submit_transaction(rows[start : start + _MAX_TRANSACTION])


class _Bookmarks:
    """Where the pages of one listing (filters, date range, page size) start, as of one counter generation."""

    def __init__(self, query: ListQuery, limit: int, generation: str):
        listing = "|".join(
            str(part)
            for part in (
                query.index_prefix,
                epoch_ms(query.date_from) if query.date_from else "",
                epoch_ms(query.date_to) if query.date_to else "",
                limit,
            )
        )
        self.tenant_id = query.tenant_id
        self.generation = generation
        self.prefix = f"{BOOKMARK_PREFIX}{hashlib.sha256(listing.encode()).hexdigest()[:20]}|"

    def key(self, page: int) -> str:
        return f"{self.prefix}{_MAX_PAGE - page:05d}"  # inverted: the nearest page at or before N sorts first

    def page_of(self, row_key: str) -> int:
        return _MAX_PAGE - int(row_key.rsplit("|", 1)[1])


def _index_range(query: ListQuery, first_ms: int | None = None, last_ms: int | None = None) -> tuple[str, str]:
    """RowKeys [low, high) of the index rows recorded in the query's dates (or in [first_ms, last_ms])."""
    prefix = query.index_prefix
    if first_ms is None and query.date_from is not None:
        first_ms = epoch_ms(query.date_from)
    if last_ms is None and query.date_to is not None:
        last_ms = epoch_ms(query.date_to)
    low = prefix + (inverted_ms(last_ms) if last_ms is not None else "")
    high = prefix + (inverted_ms(first_ms) + "|~" if first_ms is not None else "~")
    return low, high


@dataclass(frozen=True)
class DaySplit:
    """A date range as whole UTC days (counted by day counters) and the parts of days at its ends."""

    first_full: date | None  # None: from the beginning
    last_full: date | None  # None: to the end
    partial: list[tuple[int, int]]  # [first_ms, last_ms] pieces of days covered in part

    @property
    def has_full_days(self) -> bool:
        return self.first_full is None or self.last_full is None or self.first_full <= self.last_full


def split_days(start_ms: int | None, end_ms: int | None) -> DaySplit:
    first_full: date | None = None
    last_full: date | None = None
    partial: list[tuple[int, int]] = []
    if start_ms is not None:
        first_day = day_of(start_ms)
        if start_ms == day_start_ms(first_day):
            first_full = first_day
        else:
            first_full = first_day + timedelta(days=1)
            day_end = day_start_ms(first_full) - 1
            partial.append((start_ms, day_end if end_ms is None else min(day_end, end_ms)))
    if end_ms is not None:
        last_day = day_of(end_ms)
        if end_ms == day_start_ms(last_day) + DAY_MS - 1:
            last_full = last_day
        else:
            last_full = last_day - timedelta(days=1)
            first_ms = day_start_ms(last_day)
            if start_ms is None or start_ms < first_ms:  # otherwise the start's piece already covers it
                partial.append((first_ms, end_ms))
    return DaySplit(first_full, last_full, partial)
