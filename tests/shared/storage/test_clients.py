"""Storage clients against storage that accepts connections and never answers: each call fails, bounded."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from azure.core.exceptions import ServiceResponseError
from azure.storage.queue import TextBase64EncodePolicy

from devhost.azurite import ACCOUNT_KEY, ACCOUNT_NAME, connection_string
from shared.storage.clients import StorageClients, build_storage_clients
from tests.conftest import DEV_SECRET
from tests.settings import settings_from

pytestmark = pytest.mark.integration


class SilentServer:
    """Accepts every connection, reads nothing, answers nothing: a storage process that hangs."""

    def __init__(self) -> None:
        self._socket = socket.create_server(("127.0.0.1", 0), backlog=64)
        self.port = int(self._socket.getsockname()[1])
        self.connections: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return
            self.connections.append(connection)

    def close(self) -> None:
        self._socket.close()
        for connection in self.connections:
            connection.close()


@pytest.fixture
def silent() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.close()


@pytest.fixture
def clients(silent: SilentServer) -> StorageClients:
    settings = settings_from(
        AzureWebJobsStorage=connection_string(silent.port, silent.port, silent.port),
        AUTH_MODE="local",
        AUTH_DEV_SECRET=DEV_SECRET,
        STORAGE_READ_TIMEOUT_SECONDS="1",
        STORAGE_RETRY_TOTAL="2",
    )
    built = build_storage_clients(settings)
    assert (built.account_name, built.account_key) == (ACCOUNT_NAME, ACCOUNT_KEY)
    return built


CALLS: dict[str, Callable[[StorageClients], Any]] = {
    "table entity": lambda c: c.table.get_table_client("AudioFiles").get_entity("t", "r"),
    "table list": lambda c: list(c.table.list_tables()),
    "blob properties": lambda c: c.blob.get_blob_client("audio", "x").get_blob_properties(),
    "container list": lambda c: list(c.blob.list_containers()),
    "queue send": lambda c: c.queue.get_queue_client("q", message_encode_policy=TextBase64EncodePolicy()).send_message(
        "x"
    ),
    "queue list": lambda c: list(c.queue.list_queues()),
}


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
def test_a_call_to_hanging_storage_times_out_after_the_configured_retries(
    clients: StorageClients, silent: SilentServer, call: Callable[[StorageClients], Any]
) -> None:
    started = time.monotonic()
    with pytest.raises(ServiceResponseError):  # a read timeout, as the SDKs raise it
        call(clients)
    # One try and STORAGE_RETRY_TOTAL (2) retries, each on a fresh connection after its read timed out.
    assert len(silent.connections) == 3
    # Without the settings, the SDKs wait 60-300 s per try and retry up to ten times; this bound is generous.
    assert time.monotonic() - started < 30
