"""API latency through the local host, beside the bare storage calls each endpoint wraps.

For get, list (each filter, page 1 and a later page), upload-url and download-url: p50/p99 latency and
requests/s at 1 and 8 concurrent clients over HTTP (one httpx client per thread), and the same figures for the
storage SDK call the handler makes, called directly with the app's own clients; ratio = API p50 / bare p50.
Then the entities Table Storage reads per list page, for page numbers (which skip rows) and continuation
tokens (which do not).

Everything runs in this process against a private in-memory Azurite: the host (HTTP functions only, so no
queue or blob polling competes), the HTTP clients and the bare calls share the same cores and GIL, so the
ratios are what matter, not the absolute figures. ``GET /api/health`` (no storage) shows the host's own floor.

Last, listing at scale: a tenant of ``--scale`` recordings (100,000 by default), its counts, page 1, and page
1000 both cold and after the pages before it were visited, in entities read and seconds.

Usage: ``python -m bench.api [--quick] [--records N] [--requests N] [--budget S] [--scale N]``
"""

from __future__ import annotations

import argparse
import functools
import itertools
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from azure.core.exceptions import ResourceNotFoundError
from azure.data.tables import TableClient
from azure.storage.blob import BlobSasPermissions, generate_blob_sas

from bench.common import (
    BenchEnvironment,
    LatencyStats,
    bench_environment,
    console,
    http_function_names,
    machine_note,
    parse_args,
    run_concurrently,
    table,
)
from shared.audio_files.records import AudioFileRecord, Status, counter_row_keys, index_row_keys, to_entity
from shared.audio_files.repository import AudioFileRepository, Count, ListQuery
from shared.audio_files.service import new_audio_file_id
from shared.dependencies import Dependencies, get_dependencies
from shared.pipeline.deadlines import DEADLINE_PARTITION, UPLOAD, Deadline
from shared.storage.blobs import AUDIO_CONTAINER, audio_blob_name
from shared.storage.tables import AUDIO_FILES_TABLE

START = datetime(2026, 1, 1, tzinfo=UTC)
TENANT = "bench-list"
UPLOAD_TENANT = "bench-uploads"
BARE_UPLOAD_TENANT = "bench-uploads-bare"
PAGE_SIZE = 50
LATER_PAGE = 20
SCALE_TENANT = "bench-scale"
SCALE_PAGE = 1000
CONCURRENCY = (1, 8)
SAS_TTL = timedelta(minutes=15)


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


# --- seeding -------------------------------------------------------------------------------------------


def make_record(tenant: str, index: int, campaign: str | None = "") -> AudioFileRecord:
    """Recording ``index``: one a minute from START; campaign 'rare' for 1% (else 'common', or ``campaign``),
    50 engagements, every other one an AI call."""
    recorded = START + timedelta(minutes=index)
    audio_file_id = new_audio_file_id()
    blob_name = audio_blob_name(tenant, audio_file_id)
    return AudioFileRecord(
        tenant_id=tenant,
        id=audio_file_id,
        file_name=f"call-{index}.wav",
        safe_file_name=f"call-{index}.wav",
        blob_name=blob_name,
        engagement_id=f"eng-{index % 50}",
        campaign_id=("rare" if index % 100 == 0 else "common") if campaign == "" else campaign,
        is_ai_call=index % 2 == 0,
        recorded_at=recorded,
        created_at=recorded,
        updated_at=recorded,
        upload_expires_at=recorded + timedelta(hours=24),
        status=Status.PENDING,
        uploaded_at=recorded,
        content_type="audio/wav",
        size_bytes=1_000_000 + index,
        duration_ms=60_000,
        channels=2,
        sample_rate=16_000,
        audio_format="WAV",
    )


def seed(repository: AudioFileRepository, records: list[AudioFileRecord]) -> tuple[int, float]:
    """Insert the records, their index rows and counters in batch transactions (one partition).

    Returns the entities written (records, index rows and counters) and the seconds it took.
    """
    entities = sum(1 + len(index_row_keys(record)) for record in records)
    entities += len({key for record in records for key in counter_row_keys(record)})
    started = time.perf_counter()
    repository.bulk_insert(records)
    return entities, time.perf_counter() - started


# --- list cases ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListCase:
    name: str
    filters: dict[str, Any]  # ListQuery keyword arguments
    params: dict[str, str]  # the same filters as query parameters


def list_cases() -> list[ListCase]:
    """``GET /audio-files`` ("list" below) with each filter, and all of them together."""
    date_from, date_to = START + timedelta(minutes=500), START + timedelta(minutes=1499)
    dates = {"date_from": date_from, "date_to": date_to}
    date_params = {"dateFrom": _iso(date_from), "dateTo": _iso(date_to)}
    return [
        ListCase("unfiltered", {}, {}),
        ListCase("campaignId (1%)", {"campaign_id": "rare"}, {"campaignId": "rare"}),
        ListCase("engagementId (2%)", {"engagement_id": "eng-7"}, {"engagementId": "eng-7"}),
        ListCase("isAICall (50%)", {"is_ai_call": True}, {"isAICall": "true"}),
        ListCase("date range (50%)", dates, date_params),
        ListCase(
            "all combined",
            {"campaign_id": "common", "engagement_id": "eng-7", "is_ai_call": False, **dates},
            {"campaignId": "common", "engagementId": "eng-7", "isAICall": "false", **date_params},
        ),
    ]


class _RecordingTable:
    """Passes calls to a TableClient and remembers the last ``query_entities`` arguments."""

    def __init__(self, table_client: TableClient):
        self._table = table_client
        self.last_query: tuple[str, dict[str, Any], int] | None = None

    def query_entities(self, query_filter: str, **kwargs: Any) -> Any:
        self.last_query = (query_filter, dict(kwargs.get("parameters") or {}), int(kwargs["results_per_page"]))
        return self._table.query_entities(query_filter, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._table, name)


@dataclass(frozen=True)
class RangeQuery:
    """The exact Table query the repository makes for one page, to replay with the bare SDK."""

    query_filter: str
    parameters: dict[str, Any]
    results_per_page: int
    wanted: int
    entities_read: int
    next_row_key: str | None


def capture_query(table_client: TableClient, query: ListQuery, *, after_row_key: str | None = None) -> RangeQuery:
    recording = _RecordingTable(table_client)
    page = AudioFileRepository(recording).list(  # type: ignore[arg-type]
        query, limit=PAGE_SIZE, after_row_key=after_row_key
    )
    assert recording.last_query is not None
    query_filter, parameters, per_page = recording.last_query
    return RangeQuery(query_filter, parameters, per_page, PAGE_SIZE + 1, page.entities_read, page.next_row_key)


def row_key_before_page(repository: AudioFileRepository, query: ListQuery, page: int) -> str | None:
    """The continuation point of ``page`` (walking pages 1..page-1 with tokens), or None if it does not exist."""
    after: str | None = None
    for _ in range(page - 1):
        result = repository.list(query, limit=PAGE_SIZE, after_row_key=after)
        if result.next_row_key is None:
            return None
        after = result.next_row_key
    return after


def token_for_page(client: httpx.Client, params: dict[str, str], page: int) -> str:
    token: str | None = None
    for _ in range(page - 1):
        extra = {"continuationToken": token} if token else {}
        body = client.get("/audio-files", params={**params, "pageSize": PAGE_SIZE, **extra}).json()
        token = body["continuationToken"]
        assert token, f"fewer than {page} pages"
    assert token is not None
    return token


# --- the measured operations --------------------------------------------------------------------------------

Worker = Callable[[int], tuple[Callable[[int], None], Callable[[], None]]]


Request = Callable[[httpx.Client, int], httpx.Response]


def http_worker(env: BenchEnvironment, tenant: str, request: Request, expected: int) -> Worker:
    def make(_: int) -> tuple[Callable[[int], None], Callable[[], None]]:
        client = env.client(tenant)

        def call(i: int) -> None:
            response = request(client, i)
            if response.status_code != expected:
                raise RuntimeError(f"HTTP {response.status_code}: {response.text[:120]}")
            response.read()

        return call, client.close

    return make


def bare_worker(call: Callable[[int], None]) -> Worker:
    return lambda _: (call, lambda: None)


@dataclass
class Case:
    name: str
    api: Worker
    bare_name: str
    bare: Worker | None


def build_cases(env: BenchEnvironment, deps: Dependencies, ids: list[str], total_requests: int) -> list[Case]:
    table_client = deps.storage.table.get_table_client(AUDIO_FILES_TABLE)
    account_name, account_key = deps.storage.account_name, deps.storage.account_key
    assert account_key, "the benchmark runs on Azurite with an account key"
    blob_url = deps.storage.blob.get_blob_client(AUDIO_CONTAINER, "x").url.rsplit("/", 1)[0]
    repository = deps.audio_files

    def sas(blob_name: str, permission: BlobSasPermissions, **headers: Any) -> str:
        now = datetime.now(UTC)
        token = generate_blob_sas(
            account_name=account_name,
            container_name=AUDIO_CONTAINER,
            blob_name=blob_name,
            permission=permission,
            expiry=now + SAS_TTL,
            start=now - timedelta(minutes=5),
            protocol="https,http",
            account_key=account_key,
            **headers,
        )
        return f"{blob_url}/{blob_name}?{token}"

    # GET /api/health: no storage call; what the host and HTTP stack alone cost
    cases: list[Case] = [
        Case(
            "GET /api/health (no storage)",
            http_worker(env, TENANT, lambda c, _: c.get(f"{env.host.base_url}/health"), 200),
            "(none)",
            None,
        )
    ]

    # GET /audio-files/{id}  <->  point read
    def bare_get(i: int) -> None:
        table_client.get_entity(TENANT, ids[i % len(ids)])

    cases.append(
        Case(
            "GET /audio-files/{id}",
            http_worker(env, TENANT, lambda c, i: c.get(f"/audio-files/{ids[i % len(ids)]}"), 200),
            "get_entity",
            bare_worker(bare_get),
        )
    )

    # GET /audio-files?...  <->  the repository's RowKey range query, replayed with the SDK
    def bare_list(range_query: RangeQuery) -> Callable[[int], None]:
        def call(_: int) -> None:
            entities = table_client.query_entities(
                range_query.query_filter,
                parameters=range_query.parameters,
                results_per_page=range_query.results_per_page,
            )
            for rows, _entity in enumerate(entities, start=1):
                if rows >= range_query.wanted:
                    break

        return call

    def list_request(params: dict[str, Any]) -> Callable[[httpx.Client, int], httpx.Response]:
        return lambda client, _: client.get("/audio-files", params=params)

    for case in list_cases():
        query = ListQuery(tenant_id=TENANT, **case.filters)
        captured = capture_query(table_client, query)
        cases.append(
            Case(
                f"list {case.name}, page 1",
                http_worker(env, TENANT, list_request({**case.params, "pageSize": PAGE_SIZE}), 200),
                f"query_entities ({captured.results_per_page}/page)",
                bare_worker(bare_list(captured)),
            )
        )
    unfiltered = ListQuery(tenant_id=TENANT)
    with env.client(TENANT) as client:
        token = token_for_page(client, {}, LATER_PAGE)
    after = row_key_before_page(repository, unfiltered, LATER_PAGE)
    by_token = capture_query(table_client, unfiltered, after_row_key=after)
    cases.append(
        Case(
            f"list unfiltered, page {LATER_PAGE} by continuationToken",
            http_worker(env, TENANT, list_request({"pageSize": PAGE_SIZE, "continuationToken": token}), 200),
            f"query_entities ({by_token.results_per_page}/page)",
            bare_worker(bare_list(by_token)),
        )
    )
    with env.client(TENANT) as client:  # page=N starts at its bookmark once the pages before were visited
        for number in range(1, LATER_PAGE + 1):
            client.get("/audio-files", params={"pageSize": PAGE_SIZE, "page": number}).raise_for_status()
    cases.append(
        Case(
            f"list unfiltered, page={LATER_PAGE} (bookmarked)",
            http_worker(env, TENANT, list_request({"pageSize": PAGE_SIZE, "page": LATER_PAGE}), 200),
            f"query_entities ({by_token.results_per_page}/page)",
            bare_worker(bare_list(by_token)),
        )
    )

    # POST /audio-files/upload-url  <->  deadline upsert + record/index transaction + SAS (create)
    def upload_body(i: int) -> dict[str, Any]:
        return {"fileName": f"upload-{i}.wav", "engagementId": f"eng-{i % 50}", "campaignId": "spring"}

    # Each bare call inserts a new record: prepared up front (both concurrency levels and warm-ups) so building
    # the entities is not timed; next() on itertools.count is atomic, so threads never share one.
    prepared: list[tuple[dict[str, Any], list[Any], str]] = []
    next_prepared = itertools.count()
    for i in range(len(CONCURRENCY) * (total_requests + max(CONCURRENCY) * 3)):
        now = datetime.now(UTC)
        audio_file_id = new_audio_file_id()
        blob_name = audio_blob_name(BARE_UPLOAD_TENANT, audio_file_id)
        record = AudioFileRecord(
            tenant_id=BARE_UPLOAD_TENANT, id=audio_file_id, file_name=f"upload-{i}.wav",
            safe_file_name=f"upload-{i}.wav", blob_name=blob_name, engagement_id=f"eng-{i % 50}",
            campaign_id="spring", recorded_at=now, created_at=now, updated_at=now,
            upload_expires_at=now + timedelta(hours=24),
        )  # fmt: skip
        deadline = Deadline(record.upload_expires_at, BARE_UPLOAD_TENANT, audio_file_id, UPLOAD)
        operations: list[Any] = [("create", to_entity(record))]
        operations += [("create", to_entity(record, key)) for key in index_row_keys(record)]
        prepared.append(({"PartitionKey": DEADLINE_PARTITION, "RowKey": deadline.row_key}, operations, blob_name))
    counter_keys = counter_row_keys(record)  # the same for every prepared record (one day, one campaign)
    counter_reads = ThreadPoolExecutor(8)

    def read_counter(key: str) -> int:
        try:
            return int(table_client.get_entity(BARE_UPLOAD_TENANT, key).get("count", 0))
        except ResourceNotFoundError:
            return 0

    def bare_upload(_: int) -> None:
        # The same calls the API makes, without its compare-and-swap: counters read in parallel, then written
        # in the record's transaction.
        deadline_row, operations, blob_name = prepared[next(next_prepared)]
        table_client.upsert_entity(deadline_row)
        counts = list(counter_reads.map(read_counter, counter_keys))
        counters = [
            ("upsert", {"PartitionKey": BARE_UPLOAD_TENANT, "RowKey": key, "count": count + 1})
            for key, count in zip(counter_keys, counts, strict=True)
        ]
        table_client.submit_transaction(operations + counters)
        sas(blob_name, BlobSasPermissions(create=True))

    cases.append(
        Case(
            "POST upload-url",
            http_worker(env, UPLOAD_TENANT, lambda c, i: c.post("/audio-files/upload-url", json=upload_body(i)), 201),
            f"upsert + {len(counter_keys)} get_entity + $batch ({len(prepared[0][1]) + len(counter_keys)}) + SAS",
            bare_worker(bare_upload),
        )
    )

    # GET /audio-files/{id}/download-url  <->  point read + SAS (read, content disposition)
    def bare_download(i: int) -> None:
        entity = table_client.get_entity(TENANT, ids[i % len(ids)])
        sas(
            entity["blob_name"],
            BlobSasPermissions(read=True),
            content_disposition=f'attachment; filename="{entity["safe_file_name"]}"',
            content_type=entity.get("content_type"),
        )

    cases.append(
        Case(
            "GET {id}/download-url",
            http_worker(env, TENANT, lambda c, i: c.get(f"/audio-files/{ids[i % len(ids)]}/download-url"), 200),
            "get_entity + SAS",
            bare_worker(bare_download),
        )
    )
    return cases


# --- entities read per page ---------------------------------------------------------------------------------


def entities_per_page(repository: AudioFileRepository) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for case in list_cases():
        query = ListQuery(tenant_id=TENANT, **case.filters)
        first = repository.page(query, limit=PAGE_SIZE)
        after = row_key_before_page(repository, query, LATER_PAGE)
        by_token = repository.list(query, limit=PAGE_SIZE, after_row_key=after) if after else None
        cold = repository.page(query, limit=PAGE_SIZE, number=LATER_PAGE)
        warm = repository.page(query, limit=PAGE_SIZE, number=LATER_PAGE)
        rows.append(
            [
                case.name,
                first.total_count,
                first.bookkeeping_reads,
                len(first.records),
                first.entities_read,
                by_token.entities_read if by_token else None,
                len(warm.records),
                cold.entities_read if by_token else None,
                warm.entities_read if by_token else None,
            ]
        )
    return rows


# --- listing at scale ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Measured:
    what: str
    items: int
    entities: int
    bookkeeping: int
    seconds: float


def measure(what: str, call: Callable[[], Any]) -> Measured:
    started = time.perf_counter()
    result = call()
    seconds = time.perf_counter() - started
    if isinstance(result, Count):
        return Measured(what, result.total, 0, result.entities_read, seconds)
    return Measured(what, len(result.records), result.entities_read, result.bookkeeping_reads, seconds)


def scale_figures(repository: AudioFileRepository, records: int) -> list[Measured]:
    """Count, page 1 and page ``SCALE_PAGE`` of a tenant with ``records`` recordings (one a minute, 1% in a
    campaign): the deep page first as nobody visited it, then after walking pages 1.. in order."""
    tenant = f"{SCALE_TENANT}-{records}"
    query = ListQuery(tenant_id=tenant)
    figures = [
        measure("count (unfiltered)", lambda: repository.count(query)),
        measure("count (campaign, 1%)", lambda: repository.count(ListQuery(tenant_id=tenant, campaign_id="rare"))),
        measure(
            "count (30 whole days)",
            lambda: repository.count(
                ListQuery(tenant_id=tenant, date_from=START, date_to=START + timedelta(days=30, milliseconds=-1))
            ),
        ),
        measure(
            "count (30 days from 12:00 to 12:00)",
            lambda: repository.count(
                ListQuery(tenant_id=tenant, date_from=START + timedelta(hours=12), date_to=START + timedelta(days=30.5))
            ),
        ),
        measure("page 1", lambda: repository.page(query, limit=PAGE_SIZE)),
    ]
    walk = ListQuery(tenant_id=tenant, is_ai_call=True)  # another listing, so the cold jump left no bookmarks
    deepest = min(SCALE_PAGE, records // 2 // PAGE_SIZE)
    figures.append(
        measure(f"page {deepest}, never visited", lambda: repository.page(query, limit=PAGE_SIZE, number=deepest))
    )
    walked = [
        measure(f"isAICall page {n}", functools.partial(repository.page, walk, limit=PAGE_SIZE, number=n))
        for n in range(1, deepest)
    ]
    figures.append(
        Measured(
            f"isAICall pages 1-{deepest - 1}, in order (mean)",
            sum(m.items for m in walked) // len(walked),
            sum(m.entities for m in walked) // len(walked),
            sum(m.bookkeeping for m in walked) // len(walked),
            sum(m.seconds for m in walked) / len(walked),
        )
    )
    figures.append(
        measure(f"isAICall page {deepest}, after those", lambda: repository.page(walk, limit=PAGE_SIZE, number=deepest))
    )
    figures.append(measure(f"page {deepest}, again", lambda: repository.page(query, limit=PAGE_SIZE, number=deepest)))
    return figures


def seed_scale(repository: AudioFileRepository, records: int) -> tuple[int, float]:
    tenant = f"{SCALE_TENANT}-{records}"
    batch = [make_record(tenant, index, campaign="rare" if index % 100 == 0 else None) for index in range(records)]
    return seed(repository, batch)


# --- main ------------------------------------------------------------------------------------------------


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--records", type=int, default=2000, help="recordings seeded in the tenant (default 2000)")
    parser.add_argument("--requests", type=int, default=None, help="requests per case and concurrency (150; 40)")
    parser.add_argument(
        "--scale", type=int, default=100_000, help="recordings of the listing-at-scale tenant (default 100000; 0: skip)"
    )
    parser.add_argument("--budget", type=float, default=None, help="seconds per case and concurrency at most (4; 2)")


def main() -> None:
    args = parse_args(__doc__.splitlines()[0] if __doc__ else "", _options)
    requests = args.requests or (40 if args.quick else 150)
    budget = args.budget or (2.0 if args.quick else 4.0)
    if args.records < LATER_PAGE * PAGE_SIZE + 1:
        raise SystemExit(f"--records must be at least {LATER_PAGE * PAGE_SIZE + 1} for page {LATER_PAGE} to exist")
    console.rule("[bold]bench.api[/bold]: API latency beside the bare storage calls")
    console.print(
        f"{machine_note()}; {'quick' if args.quick else 'full'} mode: per case and concurrency {requests} requests "
        f"or {budget:.0f} s, whichever comes first"
    )
    with bench_environment() as env:
        deps = get_dependencies()
        records = [make_record(TENANT, index) for index in range(args.records)]
        entities, seconds = seed(deps.audio_files, records)
        console.print(
            f"Seeded {len(records):,} recordings ({entities:,} entities with index rows) in {seconds:.1f} s; "
            f"campaign 'rare' matches {sum(r.campaign_id == 'rare' for r in records)}."
        )
        env.start_host(http_function_names())
        ids = [record.id for record in records]
        cases = build_cases(env, deps, ids, requests)

        rows: list[list[Any]] = []
        problems: list[str] = []
        for case in cases:
            for concurrency in CONCURRENCY:
                api = run_concurrently(case.api, total=requests, concurrency=concurrency, budget_s=budget)
                if case.bare is None:
                    bare = None
                else:
                    bare = run_concurrently(case.bare, total=requests, concurrency=concurrency, budget_s=budget)
                rows.append(_row(case, concurrency, api, bare))
                for label, stats in (("API", api), ("bare", bare)):
                    if stats and stats.errors:
                        problems.append(
                            f"{case.name} x{concurrency} {label}: {stats.errors} errors, first: {stats.first_error}"
                        )
            console.print(f"  measured {case.name}", style="dim")
        env.stop_host()
        console.print(
            table(
                "Latency (ms) through the local host vs the bare storage call",
                [
                    "operation",
                    "clients",
                    "n",
                    "API p50",
                    "API p99",
                    "API req/s",
                    "bare call",
                    "n",
                    "bare p50",
                    "bare p99",
                    "bare req/s",
                    "p50 ratio",
                ],
                rows,
                caption="ms; n = requests timed (the request count or the time budget, whichever ends first). "
                "ratio = API p50 / bare p50. The health row is the host's own floor (no storage call). Host, "
                "clients and bare calls share this process (GIL) and the machine's cores.",
            )
        )
        for problem in problems:
            console.print(f"[red]{problem}[/red]")
        console.print(
            table(
                f"Entities read per list page (pageSize {PAGE_SIZE}, {args.records:,} recordings)",
                [
                    "filter",
                    "totalCount",
                    "count reads",
                    "page 1 items",
                    "page 1 read",
                    f"page {LATER_PAGE} read (token)",
                    f"page {LATER_PAGE} items",
                    f"page={LATER_PAGE} read, first time",
                    f"page={LATER_PAGE} read, again",
                ],
                entities_per_page(deps.audio_files),
                caption=f"Index rows read. A token starts the range after the last row. page={LATER_PAGE} the "
                f"first time reads the row keys of the {(LATER_PAGE - 1) * PAGE_SIZE} rows before it once "
                "(bookmarking every page start); again, it starts at its bookmark. count reads: counter rows "
                "(and index row keys of partly covered days). — = fewer than "
                f"{LATER_PAGE} pages.",
            )
        )
        if args.scale:
            scale_table(deps.audio_files, args.scale)


def scale_table(repository: AudioFileRepository, records: int) -> None:
    entities, seconds = seed_scale(repository, records)
    console.print(
        f"Seeded {records:,} recordings for listing at scale ({entities:,} entities with index rows and counters) "
        f"in {seconds:.1f} s ({entities / seconds:,.0f} entities/s)."
    )
    rows = [
        [m.what, m.items, m.entities, m.bookkeeping, f"{m.seconds * 1000:.1f}"]
        for m in scale_figures(repository, records)
    ]
    console.print(
        table(
            f"Listing at scale: {records:,} recordings, pageSize {PAGE_SIZE}",
            ["operation", "items (or count)", "index rows read", "counter + bookmark rows read", "ms"],
            rows,
            caption="What the list handler's storage reads cost (repository calls, no HTTP). A page never visited "
            "reads the row keys before it once and bookmarks every page start; a bookmark counts only while "
            "nothing was uploaded to or deleted from that listing since.",
        )
    )


def _row(case: Case, concurrency: int, api: LatencyStats, bare: LatencyStats | None) -> list[Any]:
    first = concurrency == CONCURRENCY[0]
    row = [case.name if first else "", concurrency, api.count, api.p50_ms, api.p99_ms, api.per_second]
    if bare is None:
        return [*row, case.bare_name if first else "", None, None, None, None, None]
    ratio = api.p50_ms / bare.p50_ms if bare.p50_ms > 0 else float("nan")
    return [
        *row,
        case.bare_name if first else "",
        bare.count,
        bare.p50_ms,
        bare.p99_ms,
        bare.per_second,
        f"{ratio:.1f}x",
    ]


if __name__ == "__main__":
    main()
