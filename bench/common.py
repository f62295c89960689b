"""What the benchmarks share: a private Azurite and app environment, the local host, timing and request counting.

Everything runs on 127.0.0.1: an in-memory Azurite on free ports and, when asked for, the local Functions host
in this process on a free port. Environment variables the benchmark sets are restored on exit.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import threading
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import numpy as np
from rich.console import Console
from rich.table import Table

from devhost.azurite import Azurite
from shared.auth import SCOPES, mint_dev_token

REPO_ROOT = Path(__file__).resolve().parent.parent
SETTINGS_EXAMPLE = REPO_ROOT / "local.settings.json.example"
SAMPLE_CALLS_CACHE = REPO_ROOT / ".cache" / "sample-calls"

console = Console(width=160)


def parse_args(
    description: str,
    extra: Callable[[argparse.ArgumentParser], None] | None = None,
    argv: Sequence[str] | None = None,
) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--quick", action="store_true", help="fewer requests and shorter audio: a smoke run")
    if extra:
        extra(parser)
    return parser.parse_args(argv)


# --- statistics ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LatencyStats:
    count: int
    p50_ms: float
    p99_ms: float
    per_second: float
    errors: int
    first_error: str | None = None


def summarize(latencies_s: list[float], wall_s: float, errors: int, first_error: str | None) -> LatencyStats:
    values = np.asarray(latencies_s, dtype=float) * 1000 if latencies_s else np.asarray([np.nan])
    return LatencyStats(
        count=len(latencies_s),
        p50_ms=float(np.percentile(values, 50)),
        p99_ms=float(np.percentile(values, 99)),
        per_second=len(latencies_s) / wall_s if wall_s > 0 else float("nan"),
        errors=errors,
        first_error=first_error,
    )


def run_concurrently(
    make_worker: Callable[[int], tuple[Callable[[int], None], Callable[[], None]]],
    *,
    total: int,
    concurrency: int,
    warmup: int = 3,
    budget_s: float | None = None,
) -> LatencyStats:
    """``total`` calls split over ``concurrency`` threads; each call timed on its own.

    ``make_worker(worker_index)`` returns ``(call, close)``: ``call(i)`` makes request ``i`` (a global index, so
    workers pick different ids) and raises on a wrong answer; ``close()`` releases the worker's client. Each
    worker makes ``warmup`` untimed calls first; the threads then start together behind a barrier. With
    ``budget_s``, workers stop starting calls once that much time has passed (each makes at least one).
    """
    per_worker = [total // concurrency + (1 if index < total % concurrency else 0) for index in range(concurrency)]
    latencies: list[list[float]] = [[] for _ in range(concurrency)]
    failures: list[list[str]] = [[] for _ in range(concurrency)]
    barrier = threading.Barrier(concurrency + 1)
    finished: list[float] = [0.0] * concurrency

    def work(index: int) -> None:
        try:
            call, close = make_worker(index)
        except Exception as error:
            failures[index].append(f"worker setup: {type(error).__name__}: {error}"[:200])
            barrier.abort()  # the others and the caller stop waiting at once
            return
        try:
            for i in range(warmup):
                with contextlib.suppress(Exception):
                    call(total + index * warmup + i)
            barrier.wait(timeout=120)
            stop_at = time.perf_counter() + budget_s if budget_s else float("inf")
            offset = sum(per_worker[:index])
            for i in range(offset, offset + per_worker[index]):
                if i > offset and time.perf_counter() > stop_at:
                    break
                started = time.perf_counter()
                try:
                    call(i)
                except Exception as error:
                    failures[index].append(f"{type(error).__name__}: {error}"[:200])
                    continue
                latencies[index].append(time.perf_counter() - started)
            finished[index] = time.perf_counter()
        finally:
            close()

    threads = [threading.Thread(target=work, args=(index,), daemon=True) for index in range(concurrency)]
    for thread in threads:
        thread.start()
    try:
        barrier.wait(timeout=300)
    except threading.BrokenBarrierError:
        for thread in threads:
            thread.join(timeout=30)
        raise RuntimeError(f"workers did not start: {[m for worker in failures for m in worker][:1]}") from None
    started = time.perf_counter()
    for thread in threads:
        thread.join(timeout=600)
    wall = max(finished) - started if all(finished) else time.perf_counter() - started
    errors = [message for worker in failures for message in worker]
    flat = [value for worker in latencies for value in worker]
    return summarize(flat, wall, len(errors), errors[0] if errors else None)


# --- the environment ---------------------------------------------------------------------------------------


@dataclass
class BenchEnvironment:
    """Azurite, the app settings in ``os.environ``, and optionally the local host."""

    azurite: Azurite
    secret: str
    host: Any = None  # devhost.host.FunctionHost once started

    @property
    def api(self) -> str:
        assert self.host is not None, "the host is not running"
        return f"{self.host.base_url}/v1"

    def token(self, tenant: str) -> str:
        return mint_dev_token(self.secret, tenant, SCOPES)

    def client(self, tenant: str, timeout: float = 60) -> httpx.Client:
        return httpx.Client(
            base_url=self.api, headers={"Authorization": f"Bearer {self.token(tenant)}"}, timeout=timeout
        )

    def start_host(self, functions: Collection[str] | None = None) -> str:
        """Start the local host in this process on a free port (only ``functions``, if given); returns the API."""
        from devhost.host import FunctionHost

        self.host = FunctionHost(http_port=0, settings_file=SETTINGS_EXAMPLE, functions=functions).start()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.host.base_url}/health", timeout=2).status_code == 200:
                    return self.api
            time.sleep(0.2)
        raise RuntimeError("the local host did not answer /api/health")

    def stop_host(self) -> None:
        if self.host is not None:
            self.host.stop(timeout=30)
            self.host = None


def http_function_names() -> list[str]:
    """The app's HTTP-triggered functions (to run a host without queue, blob and timer pollers)."""
    from devhost.functions import HTTP_TRIGGER, describe_functions, load_app

    return [spec.name for spec in describe_functions(load_app("function_app")) if spec.trigger_type == HTTP_TRIGGER]


@contextlib.contextmanager
def bench_environment(extra_settings: dict[str, str] | None = None) -> Iterator[BenchEnvironment]:
    """A private in-memory Azurite and the app's settings pointing at it; everything undone on exit."""
    from devhost.settings import environment_overrides
    from shared.dependencies import reset_dependencies

    secret = secrets.token_hex(24)
    with Azurite() as azurite:
        values = {
            "AzureWebJobsStorage": azurite.connection_string,
            "AUTH_MODE": "local",
            "AUTH_DEV_SECRET": secret,
            "AUTH_TENANT_CLAIM": "tid",
            "BLOB_TRIGGER_SOURCE": "LogsAndContainerScan",
            "WEBHOOK_ALLOW_LOOPBACK": "true",
            "ORT_DISABLE_TELEMETRY": "1",
            **(extra_settings or {}),
        }
        with environment_overrides(values):
            reset_dependencies()
            environment = BenchEnvironment(azurite, secret)
            try:
                yield environment
            finally:
                environment.stop_host()
        reset_dependencies()


# --- counting storage requests ---------------------------------------------------------------------------

_tags = threading.local()


@contextlib.contextmanager
def tagged(tag: str) -> Iterator[None]:
    """Attribute the storage requests this thread makes inside the block to ``tag``."""
    previous = getattr(_tags, "tag", None)
    _tags.tag = tag
    try:
        yield
    finally:
        _tags.tag = previous


def _operation(service: str, method: str, url: str, batch_size: int | None) -> str:
    parts = urlsplit(url)
    segments = [segment for segment in parts.path.split("/") if segment][1:]  # drop the account name
    query = parse_qs(parts.query)
    if service == "table":
        if not segments:
            return f"{method} (service)"
        resource = segments[0]
        if resource == "$batch":
            return f"{method} $batch ({batch_size} entities)" if batch_size else f"{method} $batch"
        table, _, keys = resource.partition("(")
        if keys.rstrip(")"):
            kind = "deadline entity" if "PartitionKey='~deadlines'" in keys else "entity"
        else:
            kind = "query" if method == "GET" else "entities"
        return f"{method} {table} {kind}"
    if service == "queue":
        if not segments:
            return f"{method} (service)"
        queue = segments[0]
        return f"{method} {queue}/messages" if len(segments) > 1 else f"{method} {queue}"
    container = segments[0] if segments else "(service)"
    comp = query.get("comp", [""])[0]
    target = f"{container}/<blob>" if len(segments) > 1 else container
    return f"{method} {target}{f'?comp={comp}' if comp else ''}"


@dataclass
class RequestCounter:
    """Counts the storage SDK's HTTP requests (every attempt) by tag, service and operation.

    Installs itself on azure-core's ``RequestsTransport.send``, which every sync Blob, Queue and Table client
    uses; requests made on a thread inside ``tagged(...)`` get that tag, and with ``tag_host_functions`` the
    local host's invocations are tagged with the function name; everything else counts as ``untagged``.
    """

    ports: dict[int, str]
    tag_host_functions: bool = False
    counts: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _undo: list[Callable[[], None]] = field(default_factory=list)

    def __enter__(self) -> RequestCounter:
        from azure.core.pipeline.transport import RequestsTransport

        original_send = RequestsTransport.send
        counter = self

        def send(transport: Any, request: Any, **kwargs: Any) -> Any:
            counter.record(request)
            return original_send(transport, request, **kwargs)

        RequestsTransport.send = send
        self._undo.append(lambda: setattr(RequestsTransport, "send", original_send))
        if self.tag_host_functions:
            from devhost.invoker import Invoker

            original_call = Invoker._call

            def call(invoker: Any, spec: Any, arguments: dict[str, Any]) -> Any:
                with tagged(f"fn {spec.name}"):
                    return original_call(invoker, spec, arguments)

            Invoker._call = call  # type: ignore[method-assign,assignment]
            self._undo.append(lambda: setattr(Invoker, "_call", original_call))
        return self

    def __exit__(self, *exc: object) -> None:
        while self._undo:
            self._undo.pop()()

    def record(self, request: Any) -> None:
        url = str(request.url)
        service = self.ports.get(urlsplit(url).port or 0, "other")
        batch_size = _batch_size(request)
        tag = getattr(_tags, "tag", None) or "untagged"
        key = (tag, service, _operation(service, request.method, url, batch_size))
        with self._lock:
            self.counts[key] += 1

    def reset(self) -> None:
        with self._lock:
            self.counts.clear()

    def snapshot(self) -> Counter[tuple[str, str, str]]:
        with self._lock:
            return Counter(self.counts)


def _batch_size(request: Any) -> int | None:
    """Operations in a Table transaction: the parts of its changeset (None if not a batch)."""
    info = getattr(request, "multipart_mixed_info", None)
    if not info or not info[0]:
        return None
    size = 0
    for part in info[0]:
        inner = getattr(part, "multipart_mixed_info", None)
        size += len(inner[0]) if inner and inner[0] else 1
    return size


def azurite_ports(azurite: Azurite) -> dict[int, str]:
    return {azurite.blob_port: "blob", azurite.queue_port: "queue", azurite.table_port: "table"}


# --- output ---------------------------------------------------------------------------------------------


def table(title: str, columns: list[str], rows: list[list[Any]], caption: str | None = None) -> Table:
    out = Table(title=title, caption=caption, title_justify="left", caption_justify="left")
    for index, column in enumerate(columns):
        out.add_column(column, justify="left" if index == 0 else "right", overflow="fold")
    for row in rows:
        out.add_row(*(fmt(value) for value in row))
    return out


def fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        if value != value:  # NaN
            return "—"
        if abs(value) >= 100:
            return f"{value:,.0f}"
        if abs(value) >= 10:
            return f"{value:.1f}"
        return f"{value:.2f}"
    return str(value)


def machine_note() -> str:
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return f"{os.cpu_count()} CPUs, load average {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} (1 / 5 / 15 min)"
