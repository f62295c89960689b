"""The listing index against a real Azurite: cost per page, order, filters, paging, compare-and-swap."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from azure.data.tables import TableClient

from shared.audio_files.records import COUNTER_SHARDS, SHARD_SEPARATOR, AudioFileRecord, Status, counter_shard
from shared.audio_files.repository import AudioFileRepository, ListQuery
from shared.audio_files.service import new_audio_file_id
from shared.dependencies import Dependencies
from shared.errors import BadRequest, ConcurrencyConflict
from shared.storage.tables import AUDIO_FILES_TABLE

pytestmark = pytest.mark.integration
START = datetime(2026, 1, 1, tzinfo=UTC)


def make_record(tenant: str, index: int, **overrides: Any) -> AudioFileRecord:
    recorded = START + timedelta(minutes=index)
    values: dict[str, Any] = {
        "tenant_id": tenant,
        "id": new_audio_file_id(),
        "file_name": f"call-{index}.wav",
        "safe_file_name": f"call-{index}.wav",
        "blob_name": f"{tenant}/x/call.wav",
        "engagement_id": f"eng-{index % 50}",
        "campaign_id": "rare" if index % 100 == 0 else "common",
        "is_ai_call": index % 2 == 0,
        "recorded_at": recorded,
        "created_at": recorded,
        "updated_at": recorded,
        "upload_expires_at": recorded,
    }
    values.update(overrides)
    return AudioFileRecord.model_validate(values)


@pytest.fixture(scope="module")
def big_tenant(app_environment: dict[str, str]) -> tuple[str, list[AudioFileRecord]]:
    """3,000 recordings in one tenant; campaign 'rare' matches 1% of them."""
    from shared.dependencies import get_dependencies

    tenant = "t-big-listing"
    records = [make_record(tenant, index) for index in range(3000)]
    get_dependencies().audio_files.bulk_insert(records)
    return tenant, records


class WireCounter:
    """Counts the entities Table Storage actually returns, read from the HTTP responses themselves."""

    def __init__(self) -> None:
        self.entities = 0
        self.requests = 0

    def __call__(self, response: Any) -> None:
        http_response = response.http_response
        if http_response.request.method == "GET":
            self.requests += 1
            body = json.loads(http_response.body() or b"{}")
            # A query answers {"value": [...]}; a point read answers the entity itself.
            self.entities += len(body["value"]) if "value" in body else int("PartitionKey" in body)


@pytest.fixture
def counted(storage_connection_string: str) -> tuple[AudioFileRepository, WireCounter]:
    counter = WireCounter()
    table = TableClient.from_connection_string(storage_connection_string, AUDIO_FILES_TABLE, raw_response_hook=counter)
    return AudioFileRepository(table), counter


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"campaign_id": "rare"},
        {"campaign_id": "common", "is_ai_call": True},
        {"engagement_id": "eng-7"},
        {"campaign_id": "rare", "engagement_id": "eng-0", "is_ai_call": True},
        {
            "is_ai_call": False,
            "date_from": START + timedelta(minutes=100),
            "date_to": START + timedelta(minutes=1999),
        },
    ],
)
def test_every_page_reads_at_most_page_size_plus_one_entities(
    counted: tuple[AudioFileRepository, WireCounter],
    big_tenant: tuple[str, list[AudioFileRecord]],
    filters: dict[str, Any],
) -> None:
    repository, wire = counted
    tenant, records = big_tenant
    query = ListQuery(tenant_id=tenant, **filters)
    expected = [
        r
        for r in records
        if all(
            {
                "campaign_id": r.campaign_id == filters.get("campaign_id"),
                "engagement_id": r.engagement_id == filters.get("engagement_id"),
                "is_ai_call": r.is_ai_call == filters.get("is_ai_call"),
                "date_from": r.recorded_at >= filters.get("date_from", START),
                "date_to": r.recorded_at <= filters.get("date_to", START),
            }[name]
            for name in filters
        )
    ]
    expected.sort(key=lambda r: r.recorded_at, reverse=True)

    page_size, seen, after, pages = 25, [], None, 0
    while True:
        before = wire.entities
        page = repository.list(query, limit=page_size, after_row_key=after)
        assert wire.entities - before == page.entities_read <= page_size + 1
        seen += [r.id for r in page.records]
        pages += 1
        if page.next_row_key is None or pages >= 6:
            break
        after = page.next_row_key
    # Newest first, nothing skipped or repeated, across pages.
    assert seen == [r.id for r in expected][: len(seen)]
    assert len(seen) == min(len(expected), 6 * page_size)


def test_a_filter_matching_one_percent_reads_only_its_matches(
    counted: tuple[AudioFileRepository, WireCounter], big_tenant: tuple[str, list[AudioFileRecord]]
) -> None:
    tenant, records = big_tenant
    repository, wire = counted
    page = repository.list(ListQuery(tenant_id=tenant, campaign_id="rare"), limit=100)
    assert len(records) == 3000 and len(page.records) == 30
    assert page.entities_read == wire.entities == 30 and wire.requests == 1
    assert page.next_row_key is None
    assert all(r.campaign_id == "rare" for r in page.records)


def test_a_page_number_reached_before_starts_at_its_bookmark(
    counted: tuple[AudioFileRepository, WireCounter], big_tenant: tuple[str, list[AudioFileRecord]]
) -> None:
    tenant, records = big_tenant
    repository, wire = counted
    query = ListQuery(tenant_id=tenant, is_ai_call=True)
    newest_first = sorted((r for r in records if r.is_ai_call), key=lambda r: r.recorded_at, reverse=True)
    cold = repository.page(query, limit=10, number=40)
    # Never reached before: the row keys of pages 1-39 are read once (and bookmarked), then the page itself.
    assert cold.entities_read == 390 + 11 and cold.total_count == 1500
    before = wire.entities
    warm = repository.page(query, limit=10, number=40)
    # The total's shards (all used by 1,500 recordings) in one read, and the bookmark.
    assert warm.entities_read == 11 and warm.bookkeeping_reads == COUNTER_SHARDS + 1
    assert wire.entities - before == 11 + COUNTER_SHARDS + 1
    assert [r.id for r in warm.records] == [r.id for r in cold.records] == [r.id for r in newest_first[390:400]]
    nearer = repository.page(query, limit=10, number=45)  # from the nearest bookmark (page 41), not the start
    assert nearer.entities_read == 40 + 11
    assert [r.id for r in nearer.records] == [r.id for r in newest_first[440:450]]
    page_20 = repository.page(query, limit=10, number=20)  # passed on the way to page 40
    assert page_20.entities_read == 11
    assert [r.id for r in page_20.records] == [r.id for r in newest_first[190:200]]


def test_pages_past_the_end_read_nothing(
    counted: tuple[AudioFileRepository, WireCounter], big_tenant: tuple[str, list[AudioFileRecord]]
) -> None:
    tenant, _ = big_tenant
    repository, wire = counted
    page = repository.page(ListQuery(tenant_id=tenant, campaign_id="rare"), limit=10, number=4)
    assert page.records == [] and page.total_count == 30 and page.next_row_key is None
    assert wire.requests == 1 and wire.entities == page.bookkeeping_reads <= COUNTER_SHARDS  # the total's shards


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"campaign_id": "rare"},
        {"engagement_id": "eng-7", "is_ai_call": False},
        {"campaign_id": "common", "engagement_id": "eng-3", "is_ai_call": False},
        # whole days only (day 0 00:00 to day 1 23:59:59.999)
        {"date_from": START, "date_to": START + timedelta(days=2, milliseconds=-1)},
        # parts of days at both ends, a whole day between
        {"date_from": START + timedelta(minutes=700), "date_to": START + timedelta(days=2, minutes=5)},
        # one part of one day
        {"is_ai_call": True, "date_from": START + timedelta(minutes=10), "date_to": START + timedelta(minutes=90)},
        {"date_from": START + timedelta(days=1, minutes=1)},
        {"campaign_id": "common", "date_to": START + timedelta(hours=30)},
    ],
)
def test_total_count_matches_the_records(
    counted: tuple[AudioFileRepository, WireCounter], big_tenant: tuple[str, list[AudioFileRecord]], filters: dict
) -> None:
    tenant, records = big_tenant
    repository, wire = counted
    expected = [
        r
        for r in records
        if filters.get("campaign_id", r.campaign_id) == r.campaign_id
        and filters.get("engagement_id", r.engagement_id) == r.engagement_id
        and filters.get("is_ai_call", r.is_ai_call) == r.is_ai_call
        and filters.get("date_from", r.recorded_at) <= r.recorded_at <= filters.get("date_to", r.recorded_at)
    ]
    count = repository.count(ListQuery(tenant_id=tenant, **filters))
    assert count.total == len(expected) > 0
    assert count.entities_read == wire.entities
    if not any(name.startswith("date") for name in filters):
        assert wire.requests == 1 and wire.entities <= COUNTER_SHARDS  # one read of the total's shards


def test_a_count_over_whole_days_reads_day_counters_not_rows(
    counted: tuple[AudioFileRepository, WireCounter], big_tenant: tuple[str, list[AudioFileRecord]]
) -> None:
    tenant, _ = big_tenant
    repository, wire = counted
    count = repository.count(
        ListQuery(tenant_id=tenant, date_from=START, date_to=START + timedelta(days=2, milliseconds=-1))
    )
    assert count.total == 2880
    # The total's shards (for its generation), then two days' shards: two reads.
    assert wire.requests == 2 and wire.entities == count.entities_read == 3 * COUNTER_SHARDS


def test_continuation_tokens_read_page_size_plus_one(
    counted: tuple[AudioFileRepository, WireCounter], big_tenant: tuple[str, list[AudioFileRecord]]
) -> None:
    tenant, _ = big_tenant
    repository, wire = counted
    query = ListQuery(tenant_id=tenant)
    first = repository.list(query, limit=40)
    before = wire.entities
    by_token = repository.page(query, limit=10, after_row_key=first.next_row_key)
    # Ten, one more, and the total's shards.
    assert wire.entities - before == by_token.entities_read + by_token.bookkeeping_reads == 11 + COUNTER_SHARDS
    assert by_token.total_count == 3000


def test_an_upload_or_delete_retires_the_bookmarks_of_its_listings(deps: Dependencies, tenant: str) -> None:
    repository = deps.audio_files
    records = [make_record(tenant, index, campaign_id="c") for index in range(30)]
    repository.bulk_insert(records)
    query = ListQuery(tenant_id=tenant, campaign_id="c")
    assert repository.page(query, limit=5, number=3).entities_read == 10 + 6
    assert repository.page(query, limit=5, number=3).entities_read == 6
    newest = make_record(tenant, 10_000, campaign_id="c")
    repository.create(newest)
    shifted = repository.page(query, limit=5, number=3)
    assert shifted.entities_read == 10 + 6  # the bookmark was taken before the upload: not trusted
    newest_first = sorted([*records, newest], key=lambda r: r.recorded_at, reverse=True)
    assert [r.id for r in shifted.records] == [r.id for r in newest_first[10:15]]
    repository.delete(newest)
    assert [r.id for r in repository.page(query, limit=5, number=3).records] == [r.id for r in records[::-1][10:15]]
    assert repository.count(query).total == 30


def every_listing(campaigns: tuple[str, ...], engagement: str) -> list[dict[str, Any]]:
    """Each filter combination (each filter free or fixed), and date ranges of whole and partial days."""
    listings: list[dict[str, Any]] = [
        {
            key: value
            for key, value in (("campaign_id", campaign), ("engagement_id", eng), ("is_ai_call", ai))
            if value is not None
        }
        for campaign in (None, *campaigns)
        for eng in (None, engagement)
        for ai in (None, True, False)
    ]
    listings += [
        {"date_from": START, "date_to": START + timedelta(days=1, milliseconds=-1)},
        {"date_from": START + timedelta(hours=20), "date_to": START + timedelta(days=2, hours=3)},
        {"campaign_id": campaigns[0], "date_from": START + timedelta(days=1)},
    ]
    return listings


def assert_counts_match_the_index(repository: AudioFileRepository, tenant: str, listings: list[dict[str, Any]]) -> None:
    for filters in listings:
        query = ListQuery(tenant_id=tenant, **filters)
        listed = repository.list(query, limit=1000)
        assert repository.count(query).total == len(listed.records), filters


def counter_rows(tenant: str, storage_connection_string: str) -> list[Any]:
    table = TableClient.from_connection_string(storage_connection_string, AUDIO_FILES_TABLE)
    return list(
        table.query_entities("PartitionKey eq @t and RowKey ge '~c' and RowKey lt '~c~'", parameters={"t": tenant})
    )


def test_counts_stay_right_under_concurrent_uploads_and_deletes(
    deps: Dependencies, tenant: str, storage_connection_string: str
) -> None:
    """Sixteen writers at once: creates, deletes and deletes of what is already gone, across two campaigns,
    three days and both call kinds, so many transactions meet in the same counter shards."""
    repository = deps.audio_files

    def record(index: int) -> AudioFileRecord:
        # Spread over three days (every 53 minutes), engagement 'eng-x' for a third.
        return make_record(
            tenant,
            index * 53,
            campaign_id=("race", "other")[index % 2],
            engagement_id=f"eng-{'x' if index % 3 else 'y'}",
        )

    kept = [record(index) for index in range(60)]
    doomed = [record(100 + index) for index in range(40)]
    repository.bulk_insert(doomed)

    def work(item: tuple[str, AudioFileRecord]) -> None:
        action, target = item
        if action == "create":
            repository.create(target)
        else:
            repository.delete(target)

    jobs = [("create", r) for r in kept] + [("delete", r) for r in doomed] + [("delete", r) for r in doomed[:10]]
    jobs = [job for pair in zip(jobs[::2], jobs[1::2], strict=False) for job in pair] + jobs[len(jobs) // 2 * 2 :]
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(work, jobs))
    assert repository.count(ListQuery(tenant_id=tenant)).total == 60
    assert_counts_match_the_index(repository, tenant, every_listing(("race", "other"), "eng-x"))
    rows = counter_rows(tenant, storage_connection_string)
    assert rows and all(int(row["count"]) > 0 for row in rows)  # a shard at zero is deleted, never negative
    # Counting the records again finds every counter row already right.
    assert repository.rebuild_counters(tenant).rows_changed == 0


def test_counters_are_rebuilt_from_the_records(deps: Dependencies, tenant: str, storage_connection_string: str) -> None:
    """A tenant whose recordings predate the counters (or whose counters are of the unsharded layout)."""
    repository = deps.audio_files
    records = [make_record(tenant, index * 37, campaign_id=("a", "b")[index % 2]) for index in range(150)]
    repository.bulk_insert(records)
    table = TableClient.from_connection_string(storage_connection_string, AUDIO_FILES_TABLE)
    for row in counter_rows(tenant, storage_connection_string):
        table.delete_entity(row["PartitionKey"], row["RowKey"])
    legacy = {"PartitionKey": tenant, "RowKey": ListQuery(tenant_id=tenant).counter_prefix + "all", "count": 7}
    table.create_entity(legacy)
    repository.create(make_record(tenant, 10))  # an upload before the rebuild: its shards hold one each
    assert repository.count(ListQuery(tenant_id=tenant)).total == 1

    rebuilt = repository.rebuild_counters(tenant)
    assert rebuilt.records == 151 and rebuilt.rows_unsharded == 1 and rebuilt.rows_changed > 0
    assert_counts_match_the_index(repository, tenant, every_listing(("a", "b"), "eng-3"))
    assert all(row["RowKey"] != legacy["RowKey"] for row in counter_rows(tenant, storage_connection_string))
    again = repository.rebuild_counters(tenant)
    assert (again.records, again.rows_changed, again.rows_unsharded) == (151, 0, 0)


def test_a_rebuild_while_uploads_and_deletes_go_on_leaves_exact_counts(deps: Dependencies, tenant: str) -> None:
    repository = deps.audio_files
    existing = [make_record(tenant, index * 41, campaign_id="live") for index in range(80)]
    repository.bulk_insert(existing)
    arriving = [make_record(tenant, 5000 + index, campaign_id="live") for index in range(40)]

    def work(item: tuple[str, AudioFileRecord | None]) -> None:
        action, target = item
        if action == "rebuild":
            repository.rebuild_counters(tenant)
        elif action == "create" and target is not None:
            repository.create(target)
        elif target is not None:
            repository.delete(target)

    jobs: list[tuple[str, AudioFileRecord | None]] = [("rebuild", None)]
    for index in range(40):
        jobs += [("create", arriving[index]), ("delete", existing[index])]
        if index % 10 == 5:
            jobs.append(("rebuild", None))
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(work, jobs))
    assert repository.count(ListQuery(tenant_id=tenant)).total == 80
    assert_counts_match_the_index(repository, tenant, every_listing(("live",), "eng-1"))
    assert repository.rebuild_counters(tenant).rows_changed == 0


class UploadBeforeEachScan:
    """A table that lets one upload land between a rebuild's reading of the counters and its counting of the
    records, in every pass and each time in a shard of its own: the race a rebuild meets under steady load."""

    def __init__(self, table: TableClient, upload: Any) -> None:
        self._table = table
        self._upload = upload
        self.scans = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._table, name)

    def query_entities(self, query_filter: str, **kwargs: Any) -> Any:
        if "@first_other" in query_filter:  # the rebuild's scan of the records
            self.scans += 1
            self._upload(self.scans)
        return self._table.query_entities(query_filter, **kwargs)


def record_in_shard(tenant: str, index: int, shard: int) -> AudioFileRecord:
    while True:
        record = make_record(tenant, index, campaign_id="steady", engagement_id="eng-steady")
        if counter_shard(record.id) == f"{SHARD_SEPARATOR}{shard:02d}":
            return record


def test_a_rebuild_settles_although_every_pass_meets_a_new_upload(
    deps: Dependencies, tenant: str, storage_connection_string: str
) -> None:
    """Each pass writes only the groups that lost a race in the pass before, so an upload into a group the
    rebuild has already settled (which keeps that group exact itself) never makes it start over."""
    repository = deps.audio_files
    repository.bulk_insert([make_record(tenant, index * 29, campaign_id="steady") for index in range(30)])
    table = TableClient.from_connection_string(storage_connection_string, AUDIO_FILES_TABLE)
    for row in counter_rows(tenant, storage_connection_string):
        table.delete_entity(row["PartitionKey"], row["RowKey"])
    uploads = [record_in_shard(tenant, 2000 + shard, shard) for shard in range(COUNTER_SHARDS)]
    racing = UploadBeforeEachScan(table, lambda scan: repository.create(uploads[scan - 1]))

    rebuilt = AudioFileRepository(racing).rebuild_counters(tenant)  # type: ignore[arg-type]
    assert racing.scans == 2  # the pass after the first race finds its groups already settled
    assert rebuilt.records == 30 + racing.scans
    assert repository.count(ListQuery(tenant_id=tenant)).total == 30 + racing.scans
    assert_counts_match_the_index(repository, tenant, every_listing(("steady",), "eng-steady"))
    assert repository.rebuild_counters(tenant).rows_changed == 0


def test_a_token_from_other_filters_is_refused(
    deps: Dependencies, big_tenant: tuple[str, list[AudioFileRecord]]
) -> None:
    tenant, _ = big_tenant
    page = deps.audio_files.list(ListQuery(tenant_id=tenant, campaign_id="common"), limit=5)
    with pytest.raises(BadRequest):
        deps.audio_files.list(ListQuery(tenant_id=tenant, campaign_id="rare"), limit=5, after_row_key=page.next_row_key)


def test_other_tenants_rows_never_appear(
    deps: Dependencies, big_tenant: tuple[str, list[AudioFileRecord]], tenant: str
) -> None:
    deps.audio_files.create(make_record(tenant, 1))
    page = deps.audio_files.list(ListQuery(tenant_id=tenant), limit=100)
    assert len(page.records) == 1 and page.records[0].tenant_id == tenant


def test_save_is_a_compare_and_swap(deps: Dependencies, tenant: str) -> None:
    created = deps.audio_files.create(make_record(tenant, 1))
    first = deps.audio_files.get(tenant, created.id)
    second = deps.audio_files.get(tenant, created.id)
    assert first and second
    first.status = Status.PENDING
    deps.audio_files.save(first)
    second.status = Status.FAILED
    with pytest.raises(ConcurrencyConflict):
        deps.audio_files.save(second)
    stored = deps.audio_files.get(tenant, created.id)
    assert stored and stored.status is Status.PENDING
    # The index rows changed with the record, in the same transaction.
    listed = deps.audio_files.list(ListQuery(tenant_id=tenant, campaign_id=created.campaign_id), limit=5)
    assert listed.records[0].status is Status.PENDING


def test_mutate_retries_on_a_lost_race(deps: Dependencies, tenant: str) -> None:
    created = deps.audio_files.create(make_record(tenant, 1))
    calls = 0

    def change(record: AudioFileRecord) -> AudioFileRecord:
        nonlocal calls
        calls += 1
        if calls == 1:  # somebody else writes between our read and our write
            other = deps.audio_files.get(tenant, created.id)
            assert other
            other.file_name = "renamed-by-other.wav"
            deps.audio_files.save(other)
        record.status = Status.PENDING
        return record

    stored = deps.audio_files.mutate(tenant, created.id, change)
    assert calls == 2
    assert stored and stored.status is Status.PENDING and stored.file_name == "renamed-by-other.wav"


def test_a_record_deleted_between_read_and_write_is_reported_gone(deps: Dependencies, tenant: str) -> None:
    """A stage's write racing a delete must learn the record is gone, so it can drop the deadline row it wrote."""
    created = deps.audio_files.create(make_record(tenant, 1))
    stale = deps.audio_files.get(tenant, created.id)
    assert stale
    deps.audio_files.delete(stale)
    stale.status = Status.PENDING
    with pytest.raises(ConcurrencyConflict):
        deps.audio_files.save(stale)

    def change(record: AudioFileRecord) -> AudioFileRecord:
        deps.audio_files.delete(record)  # the delete lands between this read and its write
        record.status = Status.PENDING
        return record

    again = deps.audio_files.create(make_record(tenant, 2))
    assert deps.audio_files.mutate(tenant, again.id, change) is None
    rows = list(deps.audio_files._table.query_entities("PartitionKey eq @t", parameters={"t": tenant}))
    assert [row["RowKey"] for row in rows if not row["RowKey"].startswith("~")] == []


def test_delete_removes_record_and_index_rows(deps: Dependencies, tenant: str) -> None:
    created = deps.audio_files.create(make_record(tenant, 1))
    deps.audio_files.delete(created)
    assert deps.audio_files.get(tenant, created.id) is None
    rows = list(deps.audio_files._table.query_entities("PartitionKey eq @t", parameters={"t": tenant}))
    assert rows == []
