"""The listing index against a real Azurite: cost per page, order, filters, paging, compare-and-swap."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from azure.data.tables import TableClient

from shared.audio_files.records import AudioFileRecord, Status, index_row_keys, to_entity
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


def bulk_insert(repository: AudioFileRepository, records: list[AudioFileRecord]) -> None:
    """Insert records with their index rows, 99 entities per transaction (the service inserts one at a time)."""
    by_tenant: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        rows = by_tenant.setdefault(record.tenant_id, [])
        rows.append(to_entity(record))
        rows += [to_entity(record, key) for key in index_row_keys(record)]
    for rows in by_tenant.values():
        for start in range(0, len(rows), 99):
            repository._table.submit_transaction([("upsert", row) for row in rows[start : start + 99]])


@pytest.fixture(scope="module")
def big_tenant(app_environment: dict[str, str]) -> tuple[str, list[AudioFileRecord]]:
    """3,000 recordings in one tenant; campaign 'rare' matches 1% of them."""
    from shared.dependencies import get_dependencies

    tenant = "t-big-listing"
    records = [make_record(tenant, index) for index in range(3000)]
    bulk_insert(get_dependencies().audio_files, records)
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
            self.entities += len(json.loads(http_response.body() or b"{}").get("value", []))


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


def test_page_numbers_skip_and_continuation_does_not(
    counted: tuple[AudioFileRepository, WireCounter], big_tenant: tuple[str, list[AudioFileRecord]]
) -> None:
    tenant, _ = big_tenant
    repository, wire = counted
    query = ListQuery(tenant_id=tenant)
    by_number = repository.list(query, limit=10, skip=40)
    assert wire.entities == by_number.entities_read == 51  # page numbers cost the rows they skip...
    first = repository.list(query, limit=40)
    before = wire.entities
    by_token = repository.list(query, limit=10, after_row_key=first.next_row_key)
    assert wire.entities - before == by_token.entities_read == 11  # ...a continuation token does not
    assert [r.id for r in by_number.records] == [r.id for r in by_token.records]


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


def test_delete_removes_record_and_index_rows(deps: Dependencies, tenant: str) -> None:
    created = deps.audio_files.create(make_record(tenant, 1))
    deps.audio_files.delete(created)
    assert deps.audio_files.get(tenant, created.id) is None
    rows = list(deps.audio_files._table.query_entities("PartitionKey eq @t", parameters={"t": tenant}))
    assert rows == []
