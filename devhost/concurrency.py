"""Threading helpers shared by the listeners: in-flight tracking, daemon workers, lease renewal."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

logger = logging.getLogger(__name__)


class InFlight:
    """Counts running invocations so stop() can wait for them to finish."""

    def __init__(self) -> None:
        self._count = 0
        self._changed = threading.Condition()

    @contextmanager
    def track(self) -> Iterator[None]:
        self.enter()
        try:
            yield
        finally:
            self.leave()

    def enter(self) -> None:
        with self._changed:
            self._count += 1

    def leave(self) -> None:
        with self._changed:
            self._count -= 1
            self._changed.notify_all()

    def wait_below(self, limit: int, timeout: float | None = None) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: self._count < limit, timeout)

    def wait_idle(self, timeout: float | None) -> bool:
        return self.wait_below(1, timeout)


def start_daemon(name: str, target: Callable[[], None]) -> threading.Thread:
    """Daemon thread: an abandoned invocation must not keep the process alive after stop()."""
    thread = threading.Thread(target=target, name=name, daemon=True)
    thread.start()
    return thread


class Renewer:
    """Calls ``renew`` every ``interval`` seconds in the background until stopped (or its ``with`` ends)."""

    def __init__(self, name: str, interval: float, renew: Callable[[], None]) -> None:
        self._interval = interval
        self._renew = renew
        self._stopped = threading.Event()
        self._thread = start_daemon(name, self._run)

    def _run(self) -> None:
        next_run = time.monotonic() + self._interval
        while not self._stopped.wait(max(0.0, next_run - time.monotonic())):
            try:
                self._renew()
            except Exception as error:
                logger.warning(
                    "Lease renewal failed in %s (%s); another host may take the item over.",
                    self._thread.name,
                    type(error).__name__,
                )
            next_run += self._interval

    def stop(self) -> None:
        self._stopped.set()
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout=30)

    def __enter__(self) -> Renewer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
