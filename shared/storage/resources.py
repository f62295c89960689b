"""The tables, containers and queues the app needs: which are missing, and creating them where the app may.

In Azure, Bicep creates them and the app only reports what is missing. Locally (an account key: Azurite) the
app creates them at first use and again whenever storage says one is gone, so a wiped Azurite recovers
without a restart.
"""

from __future__ import annotations

import contextlib
import logging
import threading

from azure.core.exceptions import ResourceExistsError

from shared.storage.blobs import CONTAINERS
from shared.storage.clients import StorageClients
from shared.storage.errors import is_missing_resource
from shared.storage.queues import QUEUES
from shared.storage.tables import TABLES

logger = logging.getLogger(__name__)

ALL_QUEUES = tuple(name for queue in QUEUES for name in (queue, f"{queue}-poison"))


class StorageResources:
    def __init__(self, clients: StorageClients, *, creates_missing: bool):
        self._clients = clients
        self.creates_missing = creates_missing
        self._creating = threading.Lock()

    def missing(self) -> list[str]:
        """What the app needs and storage lacks, as ``table X`` / ``container X`` / ``queue X``: three list calls."""
        tables = {table.name for table in self._clients.table.list_tables()}
        containers = {container.name for container in self._clients.blob.list_containers()}
        queues = {queue.name for queue in self._clients.queue.list_queues()}
        return [
            *(f"table {name}" for name in TABLES if name not in tables),
            *(f"container {name}" for name in CONTAINERS if name not in containers),
            *(f"queue {name}" for name in ALL_QUEUES if name not in queues),
        ]

    def create(self) -> None:
        for name in TABLES:
            with contextlib.suppress(ResourceExistsError):
                self._clients.table.create_table(name)
        for name in CONTAINERS:
            with contextlib.suppress(ResourceExistsError):
                self._clients.blob.create_container(name)
        for name in ALL_QUEUES:
            with contextlib.suppress(ResourceExistsError):
                self._clients.queue.create_queue(name)

    def restore_after(self, error: BaseException) -> bool:
        """After ``error``: if it says a resource is missing and the app may create it, create what is missing.

        Concurrent requests that meet the same loss do not queue up behind one another: one creates, the others
        answer at once. Returns whether this call created them.
        """
        if not (self.creates_missing and is_missing_resource(error)):
            return False
        if not self._creating.acquire(blocking=False):
            return False
        try:
            self.create()
        except Exception as failure:  # the caller answers 503 either way; the next call tries again
            logger.warning("Re-creating the storage resources failed (%s).", type(failure).__name__)
            return False
        finally:
            self._creating.release()
        logger.warning("Storage resources were missing and have been re-created.")
        return True
