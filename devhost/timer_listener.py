"""Timer triggers: NCRONTAB or TimeSpan schedules in UTC, ``run_on_startup``, and function-level retry
policies (which Azure honours for timers). Like the host, an invocation never overlaps the previous one: the
next occurrence is computed after each run, so occurrences missed while running are skipped."""

from __future__ import annotations

import contextlib
import logging
import threading
from datetime import UTC, datetime, timedelta

import azure.functions as func

from devhost.concurrency import start_daemon
from devhost.functions import FunctionSpec
from devhost.invoker import Invoker
from devhost.ncrontab import Schedule, parse_schedule
from devhost.settings import resolve_app_setting_references

logger = logging.getLogger(__name__)

# An invocation starting later than this after its occurrence is reported as past due.
_PAST_DUE_TOLERANCE = timedelta(seconds=1)


class TimerListener:
    def __init__(self, spec: FunctionSpec, invoker: Invoker, *, stopping: threading.Event) -> None:
        self.spec = spec
        self.schedule: Schedule = parse_schedule(resolve_app_setting_references(spec.trigger.schedule))
        self._invoker = invoker
        self._stopping = stopping
        self._thread: threading.Thread | None = None
        self._last: datetime | None = None

    def start(self) -> None:
        self._thread = start_daemon(f"devhost-timer-{self.spec.name}", self._run)

    def join(self, timeout: float) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        now = datetime.now(UTC)
        if self.spec.trigger.run_on_startup:
            self._fire(scheduled=now, following=self.schedule.next_after(now))
        while not self._stopping.is_set():
            scheduled = self.schedule.next_after(datetime.now(UTC))
            if self._stopping.wait(max(0.0, (scheduled - datetime.now(UTC)).total_seconds())):
                return
            self._fire(scheduled=scheduled, following=self.schedule.next_after(scheduled))

    def _fire(self, *, scheduled: datetime, following: datetime) -> None:
        started = datetime.now(UTC)
        status = {
            "Last": (self._last or scheduled).isoformat(),
            "Next": following.isoformat(),
            "LastUpdated": started.isoformat(),
        }
        past_due = started - scheduled > _PAST_DUE_TOLERANCE

        def build() -> func.TimerRequest:
            return func.timer.TimerRequest(past_due=past_due, schedule_status=status, schedule={"AdjustForDST": True})

        # A failure is logged by the invoker; a timer simply waits for its next occurrence.
        with contextlib.suppress(Exception):
            self._invoker.invoke_with_retries(self.spec, build, self._stopping, trigger_detail=" timer")
        self._last = scheduled
