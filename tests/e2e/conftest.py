"""The service as a client meets it: the local Functions host on Azurite, over real HTTP."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
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
from tests.conftest import DEV_SECRET, token_for
from tests.waiting import wait_for

REPO_ROOT = Path(__file__).resolve().parents[2]
TERMINAL = ("completed", "failed")


@dataclass
class LiveService:
    base_url: str  # e.g. http://127.0.0.1:54321/api

    @property
    def api(self) -> str:
        return f"{self.base_url}/v1"

    def client(self, tenant: str, scopes: tuple[str, ...] | list[str] = SCOPES) -> httpx.Client:
        return httpx.Client(
            base_url=self.api, headers={"Authorization": f"Bearer {token_for(tenant, scopes)}"}, timeout=30
        )


def wait_for_status(
    client: httpx.Client, audio_file_id: str, wanted: tuple[str, ...], timeout_s: float = 240
) -> dict[str, Any]:
    """Poll processing-status every second, as the API docs tell a client to, until a wanted status."""
    last: dict[str, Any] = {}

    def reached() -> dict[str, Any] | None:
        response = client.get(f"/audio-files/{audio_file_id}/processing-status")
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        last.update(body)
        if body["status"] in wanted:
            return body
        assert body["status"] not in TERMINAL, f"ended {body['status']} while waiting for {wanted}: {body}"
        return None

    result: dict[str, Any] = wait_for(
        reached, timeout_s, interval=1, message=lambda: f"still {last.get('status')} after {timeout_s} s: {last}"
    )
    return result


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
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        assert process.poll() is None, "the host exited at start"
        return False

    try:
        wait_for(healthy, timeout=60, interval=0.3, message="the host did not start")
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
        return httpx.Client(base_url=f"http://127.0.0.1:{self.port}/api/v1", headers=headers, timeout=30)

    @property
    def blobs(self) -> BlobServiceClient:
        return BlobServiceClient.from_connection_string(self.storage.connection_string)


@pytest.fixture
def killable(whisper_model_dir: Path) -> Iterator[KillableHost]:
    with Azurite() as storage:
        environment = host_process_environment(
            storage,
            WHISPER_MODEL_DIR=str(whisper_model_dir),
            DEVHOST_QUEUE_LEASE_SECONDS="4",
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
