"""FunctionHost: loads a v2 Python Function App and runs its HTTP, queue, blob and timer functions locally."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Collection
from pathlib import Path
from types import TracebackType
from typing import Protocol

from devhost.blob_listener import BlobListener, default_host_id
from devhost.functions import (
    BLOB_TRIGGER,
    HTTP_TRIGGER,
    QUEUE_TRIGGER,
    SUPPORTED_TRIGGERS,
    TIMER_TRIGGER,
    FunctionSpec,
    describe_functions,
    load_app,
)
from devhost.http_server import HttpFrontEnd
from devhost.invoker import Invoker
from devhost.queue_listener import QueueListener
from devhost.settings import (
    DEFAULT_MAX_REQUEST_BODY_BYTES,
    HostConfig,
    apply_settings_to_environ,
    load_local_settings,
)
from devhost.timer_listener import TimerListener

logger = logging.getLogger(__name__)


class _Listener(Protocol):
    def start(self) -> None: ...

    def join(self, timeout: float) -> None: ...


class FunctionHost:
    """A local stand-in for the Functions host, for development and tests.

    Construction loads app settings (environment variables win), imports the app module and checks every
    function, so configuration errors surface at once; ``start()`` begins serving in background threads.
    ``http_port=0`` picks a free port (see ``base_url``).
    """

    def __init__(
        self,
        app_module: str = "function_app",
        *,
        http_port: int = 7071,
        host_json: Path | None = None,
        settings_file: Path | None = None,
        functions: Collection[str] | None = None,
        bind_host: str = "127.0.0.1",
        host_id: str | None = None,
        max_request_body_bytes: int = DEFAULT_MAX_REQUEST_BODY_BYTES,
    ) -> None:
        apply_settings_to_environ(load_local_settings(settings_file))
        self.config = HostConfig.load(host_json)
        self.functions: list[FunctionSpec] = describe_functions(load_app(app_module), functions)
        self._stopping = threading.Event()
        # Set when stop() gives up waiting: late finishers then leave their messages as a dead host would.
        self._abandoned = threading.Event()
        self._invoker = Invoker(self.config.function_timeout)
        self._started = False
        self._stopped = False

        try:
            by_trigger = {kind: [s for s in self.functions if s.trigger_type == kind] for kind in SUPPORTED_TRIGGERS}
            self._queue_listeners = [
                QueueListener(
                    spec,
                    self._invoker,
                    self.config.queues,
                    stopping=self._stopping,
                    abandoned=self._abandoned,
                )
                for spec in by_trigger[QUEUE_TRIGGER]
            ]
            resolved_host_id = host_id or default_host_id()
            self._blob_listeners = [
                BlobListener(
                    spec,
                    self._invoker,
                    self.config.queues,
                    max_parallelism=self.config.blobs_max_degree_of_parallelism,
                    host_id=resolved_host_id,
                    stopping=self._stopping,
                    abandoned=self._abandoned,
                )
                for spec in by_trigger[BLOB_TRIGGER]
            ]
            self._timer_listeners = [
                TimerListener(spec, self._invoker, stopping=self._stopping) for spec in by_trigger[TIMER_TRIGGER]
            ]
            # Bind now so base_url is known (and a busy port fails) before start().
            self._http = HttpFrontEnd(
                by_trigger[HTTP_TRIGGER],
                self._invoker,
                route_prefix=self.config.route_prefix,
                bind_host=bind_host,
                port=http_port,
                max_request_body_bytes=max_request_body_bytes,
            )
        except BaseException:
            self._invoker.close()
            raise
        self._listeners: list[_Listener] = [
            *self._queue_listeners,
            *self._blob_listeners,
            *self._timer_listeners,
        ]
        self._bind_host = bind_host

    @property
    def port(self) -> int:
        return self._http.port

    @property
    def base_url(self) -> str:
        """Where HTTP functions live, e.g. ``http://127.0.0.1:7071/api``."""
        prefix = f"/{self.config.route_prefix}" if self.config.route_prefix else ""
        return f"http://{self._bind_host}:{self.port}{prefix}"

    def start(self) -> FunctionHost:
        if self._started:
            raise RuntimeError("This host was already started; create a new FunctionHost to restart.")
        self._started = True
        for listener in self._listeners:
            listener.start()
        self._http.start()
        logger.info(
            "Local Functions host running %d functions; HTTP at %s",
            len(self.functions),
            self.base_url,
        )
        for spec in self.functions:
            logger.info("  %s: %s", spec.name, spec.trigger_type)
        return self

    def stop(self, timeout: float = 30.0) -> bool:
        """Stop polling and serving, and wait up to ``timeout`` s for running invocations.

        Returns False if some were still running: they are abandoned, so their queue messages and blob
        receipts stay leased until the lease lapses, exactly as when a host process dies.
        """
        if self._stopped:
            return True
        self._stopped = True
        if not self._started:
            self._http.stop_accepting()
            self._invoker.close()
            return True
        deadline = time.monotonic() + timeout
        self._stopping.set()
        self._http.stop_accepting()
        for listener in self._listeners:
            listener.join(max(0.0, deadline - time.monotonic()))
        # Listener counters cover settling too (delete, release, poison, receipt), not just the invocation.
        trackers = [
            *(listener.active for listener in self._queue_listeners),
            *(listener.active for listener in self._blob_listeners),
            self._invoker.in_flight,
        ]
        finished = all(tracker.wait_idle(max(0.0, deadline - time.monotonic())) for tracker in trackers)
        if not finished:
            self._abandoned.set()
            logger.warning("Invocations still running after %.1fs were abandoned.", timeout)
        self._invoker.close()
        logger.info("Local Functions host stopped.")
        return finished

    def __enter__(self) -> FunctionHost:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.stop()
