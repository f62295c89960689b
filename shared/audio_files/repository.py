"""Reads and writes of audio file records, their index rows, counters and page bookmarks in Table Storage.

Counters are read-modify-write rows shared by the recordings of a tenant, so each transaction that changes
membership of the index carries an ETag compare-and-swap of the counter rows it touches; a lost race re-reads
and tries again. Each counter is split in shards (records.py) so that uploads at once seldom race for a row.
Page bookmarks remember where page N of one listing starts, tagged with the generation of that filter
combination's total (one value over its shards): any upload or delete in the combination changes the
generation, so a bookmark is trusted only while the listing is exactly as it was when it was taken.
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
    COUNTER_PREFIX,
    DAY_COUNTER,
    DAY_MS,
    SHARD_SEPARATOR,
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
    is_sharded,
    shard_range,
    to_entity,
    total_counter_key,
)
from shared.errors import BadRequest, ConcurrencyConflict
from shared.storage.errors import raise_if_resource_missing
from shared.storage.paging import first_rows
from shared.storage.tables import compare_and_swap

_COUNT = "count"
_GENERATION = "generation"
_COUNTER_ATTEMPTS = 40  # uploads into one tenant at once may still meet in a shard
_BACKOFF_S = 0.005
_MAX_TRANSACTION = 99  # the limit is 100; Azurite has reset connections on full batches sent in parallel
_BULK_WRITERS = 4
_BULK_ATTEMPTS = 4
_REBUILD_ATTEMPTS = 12  # each pass after the first writes only the groups that lost a race in the last
_MAX_PAGE = 99_999  # bookmark keys hold the page number inverted in five digits, so the nearest sorts first
# A record's counter rows (a total and a day per filter combination) are read at once.
_READERS = ThreadPoolExecutor(max_workers=16, thread_name_prefix="counter-read")


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
class CounterRebuild:
    records: int  # recordings counted
    rows_changed: int  # counter rows created, corrected or deleted
    rows_unsharded: int  # counter rows of the unsharded layout, deleted


@dataclass
class _CounterGroup:
    """The counter rows of one filter combination and shard: its total, whose ETag guards them, and its days."""

    total_key: str
    days: dict[str, tuple[Any | None, int]]  # RowKey -> (the stored row or None, the count it should have)


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
    """Changed or deleted since it was read; either way the caller reads again (and may find it gone)."""
    status = getattr(error, "status_code", None)
    code = getattr(error, "error_code", None)
    return status in (409, 412) or code in ("UpdateConditionNotSatisfied", "ResourceNotFound")


def _if_unchanged(entity: Any) -> dict[str, Any]:
    return {"etag": entity.metadata["etag"], "match_condition": MatchConditions.IfNotModified}


def _new_generation() -> str:
    return random.getrandbits(64).to_bytes(8, "big").hex()


@dataclass(frozen=True)
class _Written:
    """A row as a transaction left it: only its new ETag is known."""

    etag: str

    @property
    def metadata(self) -> dict[str, str]:
        return {"etag": self.etag}


def _counter_groups(stored: dict[str, Any], wanted: dict[str, int]) -> dict[str, _CounterGroup]:
    """The sharded counter rows stored or wanted, by the total row of their combination and shard."""
    groups: dict[str, _CounterGroup] = {}
    for key in sorted({*wanted, *filter(is_sharded, stored)}):
        combination, _, tail = key.rpartition("|")  # a combination key ends with '|'
        shard = tail.partition(SHARD_SEPARATOR)[2]
        total_key = total_counter_key(f"{combination}|") + SHARD_SEPARATOR + shard
        group = groups.setdefault(total_key, _CounterGroup(total_key, {}))
        if key != total_key:
            group.days[key] = (stored.get(key), wanted.get(key, 0))
    return groups


def _counter_operations(tenant_id: str, key: str, counter: Any | None, delta: int) -> list[Any]:
    """Move one counter by ``delta``: create it, update it or, at zero, delete it; always guarded."""
    entity = {"PartitionKey": tenant_id, "RowKey": key, _GENERATION: _new_generation()}
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

        Deleting what is already gone is not an error. A record read from the table (it has an ETag) is deleted
        only as it was read: if it changed since, ConcurrencyConflict, so the caller can act on the change.
        """
        tenant_id = record.tenant_id

        def operations() -> list[Any] | None:
            current = self._table_entity(tenant_id, record.id)
            if current is None:
                return None
            if record.etag and current.metadata["etag"] != record.etag:
                raise ConcurrencyConflict(record.id)
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

    # --- counters from the records ---------------------------------------------------------------------

    def rebuild_counters(self, tenant_id: str) -> CounterRebuild:
        """Set every counter row of a tenant to what its records say, while uploads and deletes go on.

        The counter rows are read before the records, and each filter combination and shard is written under
        the ETag its total row had then: every upload or delete in that group changes that row, so a write
        that would undo one fails, and the pass is made again for the groups that failed only. A group
        written once stays exact, since every upload and delete after it moves its rows under their ETags.
        """
        unsettled: set[str] | None = None  # the total keys of the groups still to write; None: all of them
        changed, removed = 0, 0
        for attempt in range(_REBUILD_ATTEMPTS):
            if attempt:
                time.sleep(random.uniform(0, _BACKOFF_S * 2 ** min(attempt, 6)))
            stored = {
                row["RowKey"]: row
                for row in self._counter_rows(tenant_id, COUNTER_PREFIX, COUNTER_PREFIX + "~", [_COUNT, _GENERATION])
            }
            wanted: dict[str, int] = {}
            records = 0
            for entity in self._table.query_entities(
                "PartitionKey eq @tenant and RowKey lt @first_other",
                parameters={"tenant": tenant_id, "first_other": "~"},
            ):
                records += 1
                for key in counter_row_keys(from_entity(entity)):
                    wanted[key] = wanted.get(key, 0) + 1
            unsharded = [row for key, row in stored.items() if not is_sharded(key)]
            for start in range(0, len(unsharded), _MAX_TRANSACTION):
                self._table.submit_transaction([("delete", row) for row in unsharded[start : start + _MAX_TRANSACTION]])
            removed += len(unsharded)
            groups = _counter_groups(stored, wanted)
            lost: set[str] = set()
            for group in groups.values():
                if unsettled is not None and group.total_key not in unsettled:
                    continue
                try:
                    changed += self._write_counter_group(tenant_id, group, stored.get(group.total_key), wanted)
                except TableTransactionError as error:
                    if not _lost_race(error):
                        raise
                    lost.add(group.total_key)
            if not lost:
                return CounterRebuild(records, changed, removed)
            unsettled = lost
        raise ConcurrencyConflict(f"counters of {tenant_id}")

    def tenant_ids(self) -> list[str]:
        """Every tenant with a recording: a scan of the whole table, for maintenance only."""
        tenants: set[str] = set()
        for entity in self._table.query_entities(
            "PartitionKey lt @other and RowKey lt @other", parameters={"other": "~"}, select=["PartitionKey"]
        ):
            tenants.add(entity["PartitionKey"])
        return sorted(tenants)

    def _write_counter_group(
        self, tenant_id: str, group: _CounterGroup, total: Any | None, wanted: dict[str, int]
    ) -> int:
        """Write the group's rows that are wrong, each batch guarded by (and rewriting) the total row."""
        want_total = wanted.get(group.total_key, 0)
        day_ops: list[Any] = []
        for key, (row, count) in sorted(group.days.items()):
            if row is not None and int(row.get(_COUNT, 0)) == count:
                continue
            entity = {"PartitionKey": tenant_id, "RowKey": key, _COUNT: count, _GENERATION: _new_generation()}
            if count == 0:
                day_ops.append(("delete", row))
            else:
                day_ops.append(("upsert", entity, {"mode": UpdateMode.REPLACE}))
        total_right = total is not None and int(total.get(_COUNT, 0)) == want_total
        if not day_ops and (total_right or (total is None and want_total == 0)):
            return 0
        guard = total
        chunk = _MAX_TRANSACTION - 1
        for start in range(0, max(len(day_ops), 1), chunk):
            # A zero total stays while its days are written (a count of zero reads as nothing), then goes.
            entity = {"PartitionKey": tenant_id, "RowKey": group.total_key, _COUNT: want_total}
            entity[_GENERATION] = _new_generation()
            if guard is None:
                guard_op: Any = ("create", entity)
            else:
                guard_op = ("update", entity, {"mode": UpdateMode.REPLACE, **_if_unchanged(guard)})
            results = self._table.submit_transaction([guard_op, *day_ops[start : start + chunk]])
            guard = _Written(str(results[0]["etag"]))
        if want_total == 0:
            self._table.submit_transaction([("delete", {"PartitionKey": tenant_id, "RowKey": group.total_key},
                                             _if_unchanged(guard))])  # fmt: skip
        return len(day_ops) + int(not total_right)

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
        """How many records match: one range read of the total's shards, plus the day counters of a date range
        (one range read) and the index row keys of a first or last day that the range covers only in part."""
        prefix = query.counter_prefix
        low, high = shard_range(total_counter_key(prefix))
        shards = self._counter_rows(query.tenant_id, low, high, [_COUNT, _GENERATION])
        if not shards:
            return Count(0, None, 0)
        # One value that changes whenever any shard does (each write gives its row a new generation).
        generation = hashlib.sha256(
            "|".join(f"{row['RowKey']}={row.get(_GENERATION)}" for row in shards).encode()
        ).hexdigest()[:16]
        if query.date_from is None and query.date_to is None:
            return Count(sum(int(row[_COUNT]) for row in shards), generation, len(shards))
        start = epoch_ms(query.date_from) if query.date_from else None
        end = epoch_ms(query.date_to) if query.date_to else None
        days = split_days(start, end)
        total, reads = 0, len(shards)
        if days.has_full_days:
            low = day_counter_key(prefix, days.first_full) if days.first_full else prefix + DAY_COUNTER
            high = (
                shard_range(day_counter_key(prefix, days.last_full))[1]
                if days.last_full
                else prefix + DAY_COUNTER + "~"
            )
            day_rows = self._counter_rows(query.tenant_id, low, high, [_COUNT])
            total += sum(int(row[_COUNT]) for row in day_rows)
            reads += len(day_rows)
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

    def _counter_rows(self, tenant_id: str, low: str, high: str, select: Sequence[str]) -> Sequence[Any]:
        """Counter rows with RowKeys in [low, high], in RowKey order."""
        return list(
            self._table.query_entities(
                "PartitionKey eq @tenant and RowKey ge @low and RowKey le @high",
                parameters={"tenant": tenant_id, "low": low, "high": high},
                select=["PartitionKey", "RowKey", *select],
                results_per_page=1000,
            )
        )

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
