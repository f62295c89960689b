"""The service as a client meets it: the local Functions host on Azurite, over real HTTP."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from azure.storage.blob import BlobServiceClient

from devhost.azurite import Azurite, free_port
from devhost.host import FunctionHost
from devhost.settings import environment_overrides
from shared.auth import SCOPES
from shared.dependencies import reset_dependencies
from shared.openapi import SERVER_URL
from tests.conftest import DEV_SECRET, token_for
from tests.waiting import wait_for

REPO_ROOT = Path(__file__).resolve().parents[2]
TERMINAL = ("completed", "failed")


@dataclass
class LiveService:
    origin: str  # e.g. http://127.0.0.1:54321: the console is at /console

    @property
    def base_url(self) -> str:
        """Where the API is served (the OpenAPI document's server), e.g. http://127.0.0.1:54321/api."""
        return f"{self.origin}{SERVER_URL}"

    @property
    def api(self) -> str:
        return f"{self.base_url}/v1"

    def client(self, tenant: str, scopes: tuple[str, ...] | list[str] = SCOPES) -> httpx.Client:
        return httpx.Client(
            base_url=self.api, headers={"Authorization": f"Bearer {token_for(tenant, scopes)}"}, timeout=30
        )


# A stage on a loaded 2-core machine runs 10-20 times slower than on an idle one (Whisper above all) and shows
# no change while it runs (with two test runs sharing the cores, 300 s of silence is not proof of a hang): waits
# on processing give up after this long without any change of the status...
STALL_S = 600.0
# ...or after this long in all.
CEILING_S = 900.0


def wait_for_processing(
    client: httpx.Client,
    audio_file_id: str,
    reached: Callable[[dict[str, Any]], bool],
    description: str,
    *,
    stall_s: float = STALL_S,
    interval: float = 1.0,
) -> dict[str, Any]:
    """Poll processing-status (every second, as the API docs tell a client to) until ``reached(status)``;
    fail at once if the run ends first, or when the status stops changing for ``stall_s``."""
    last: dict[str, Any] = {}

    def poll() -> dict[str, Any] | None:
        response = client.get(f"/audio-files/{audio_file_id}/processing-status")
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        last.clear()
        last.update(body)
        if reached(body):
            return body
        assert body["status"] not in TERMINAL, f"ended {body['status']} while waiting for {description}: {body}"
        return None

    result: dict[str, Any] = wait_for(
        poll, stall_s, interval=interval, progress=lambda: json.dumps(last, sort_keys=True), ceiling=CEILING_S,
        message=lambda: f"no {description}: no change for {stall_s} s or {CEILING_S} s in all; last {last}",
    )  # fmt: skip
    return result


def wait_for_status(
    client: httpx.Client, audio_file_id: str, wanted: tuple[str, ...], timeout_s: float = STALL_S
) -> dict[str, Any]:
    """Wait until the status is one of ``wanted``; ``timeout_s`` bounds the time without any change."""
    return wait_for_processing(
        client, audio_file_id, lambda body: body["status"] in wanted, f"status in {wanted}", stall_s=timeout_s
    )


def upload_file(client: httpx.Client, path: Path, **fields: Any) -> str:
    """Request an upload URL and PUT the bytes with the headers the docs require; returns the id."""
    created = client.post("/audio-files/upload-url", json={"fileName": path.name, "engagementId": "eng-1", **fields})
    assert created.status_code == 201, created.text
    body = created.json()
    put = httpx.put(body["uploadUrl"], content=path.read_bytes(), headers=body["requiredHeaders"])
    assert put.status_code == 201, put.text
    return str(body["audioFileId"])


def start_host_process(environment: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    """``python -m devhost`` in its own process (so a test can kill -9 it), once its health check answers."""
    process = subprocess.Popen(
        [sys.executable, "-m", "devhost", "--port", str(port), "--settings", "local.settings.json.example"],
        cwd=REPO_ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip

    def healthy() -> bool:
        try:
            if httpx.get(f"http://127.0.0.1:{port}{SERVER_URL}/health", timeout=2).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        assert process.poll() is None, "the host exited at start"
        return False

    try:
        # Importing the app and its engines takes seconds idle and a minute or more on a loaded machine.
        wait_for(healthy, timeout=240, interval=0.3, message="the host did not start")
    except BaseException:
        process.kill()
        process.wait(timeout=10)
        raise
    return process


@dataclass
class KillableHost:
    """The app in its own host process on its own Azurite, so a test can kill -9 it and start it again."""

    storage: Azurite
    environment: dict[str, str]
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = start_host_process(self.environment, self.port)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None

    def client(self, tenant: str) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token_for(tenant)}"}
        return httpx.Client(base_url=f"http://127.0.0.1:{self.port}{SERVER_URL}/v1", headers=headers, timeout=30)

    @property
    def blobs(self) -> BlobServiceClient:
        return BlobServiceClient.from_connection_string(self.storage.connection_string)


@pytest.fixture
def killable(whisper_model_dir: Path) -> Iterator[KillableHost]:
    with Azurite() as storage:
        environment = host_process_environment(
            storage,
            WHISPER_MODEL_DIR=str(whisper_model_dir),
            # Long enough that a renewal late by seconds on a loaded machine does not hand a running stage to a
            # second worker; short enough that a killed host's messages come back soon.
            DEVHOST_QUEUE_LEASE_SECONDS="10",
            MAX_UPLOAD_BYTES=str(50 * 1024 * 1024),
            DEVHOST_BLOB_POLL_SECONDS="0.5",
        )
        host = KillableHost(storage, environment)
        host.start()
        try:
            yield host
        finally:
            host.kill()


@pytest.fixture(scope="package")  # stops with the e2e folder, so its triggers never race later tests
def live(app_environment: dict[str, str], whisper_model_dir: Path) -> Iterator[LiveService]:
    """The Function App on the local host, with the default (Whisper) engine and fast queue leases."""
    extra = {
        "WHISPER_MODEL_DIR": str(whisper_model_dir),
        "DEVHOST_QUEUE_LEASE_SECONDS": "10",
        "DEVHOST_BLOB_POLL_SECONDS": "0.5",
    }
    with environment_overrides(extra):
        reset_dependencies()
        host = FunctionHost(http_port=0, settings_file=REPO_ROOT / "local.settings.json.example").start()
        try:
            yield LiveService(host.base_url)
        finally:
            host.stop()
    reset_dependencies()


def host_process_environment(storage: Azurite, **settings: str) -> dict[str, str]:
    """The environment of a host process on ``storage``: this process's, the app's required settings, and more."""
    return {
        **os.environ,
        "AzureWebJobsStorage": storage.connection_string,
        "AUTH_MODE": "local",
        "AUTH_DEV_SECRET": DEV_SECRET,
        **settings,
    }


class ServiceLogs(logging.Handler):
    """The service's log records (any thread but the test's own, whose HTTP client logs the URLs it is given)."""

    def __init__(self, test_thread: int) -> None:
        super().__init__(level=logging.DEBUG)
        self.test_thread = test_thread
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.test_thread:
            return
        text = f"{record.name} {record.getMessage()}"
        if record.exc_info:
            text += "\n" + logging.Formatter().formatException(record.exc_info)
        self.lines.append(text)


@pytest.fixture
def service_logs() -> Iterator[ServiceLogs]:
    """Every record at DEBUG and above from the host's threads while the test runs."""
    root = logging.getLogger()
    capture = ServiceLogs(threading.get_ident())
    previous_level = root.level
    root.addHandler(capture)
    root.setLevel(logging.DEBUG)
    try:
        yield capture
    finally:
        root.removeHandler(capture)
        root.setLevel(previous_level)
