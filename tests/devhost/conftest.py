"""Fixtures for the local host's tests: fresh queue/container names per test, a fast host.json, and a
factory that starts a FunctionHost on the sample app and always stops it."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from devhost import FunctionHost

SAMPLE_APP = "tests.devhost.sample_app"

# Fast versions of the repository's host.json values, so retries and poison handling take seconds.
FAST_HOST_JSON: dict[str, Any] = {
    "version": "2.0",
    "extensions": {
        "http": {"routePrefix": "api"},
        "queues": {
            "maxPollingInterval": "00:00:00.200",
            "visibilityTimeout": "00:00:01",
            "batchSize": 4,
            "newBatchThreshold": 2,
            "maxDequeueCount": 5,
            "messageEncoding": "base64",
        },
    },
    "functionTimeout": "00:01:00",
}


@pytest.fixture
def names(monkeypatch: pytest.MonkeyPatch, storage_connection_string: str) -> dict[str, str]:
    """Point the sample app at this test's own queue and container on the session's Azurite."""
    suffix = uuid.uuid4().hex[:12]
    values = {
        "AzureWebJobsStorage": storage_connection_string,
        "SAMPLE_QUEUE": f"sample-{suffix}",
        "SAMPLE_CONTAINER": f"sample-{suffix}",
        "SAMPLE_SCHEDULE": "*/1 * * * * *",
        "DEVHOST_BLOB_POLL_SECONDS": "0.2",
        "AzureFunctionsWebHost__hostid": f"test-{suffix}",
    }
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    return values


@pytest.fixture
def host_json(tmp_path: Path) -> Path:
    path = tmp_path / "host.json"
    path.write_text(json.dumps(FAST_HOST_JSON), encoding="utf-8")
    return path


@pytest.fixture
def start_host(names: dict[str, str], host_json: Path, tmp_path: Path) -> Iterator[Callable[..., FunctionHost]]:
    """``start_host(["fn", ...])`` starts a host running only those functions; all are stopped at teardown."""
    started: list[FunctionHost] = []
    empty_settings = tmp_path / "local.settings.json"
    empty_settings.write_text('{"IsEncrypted": false, "Values": {}}', encoding="utf-8")

    def start(functions: list[str], **options: Any) -> FunctionHost:
        options.setdefault("host_json", host_json)
        options.setdefault("settings_file", empty_settings)
        host = FunctionHost(SAMPLE_APP, http_port=0, functions=functions, **options)
        started.append(host)
        return host.start()

    yield start
    for host in started:
        host.stop(timeout=5)
