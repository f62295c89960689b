"""Calling user functions: sync or async, with a context object, functionTimeout, retry policies and one
log line per invocation (name, trigger, id, duration, outcome; never payloads)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

import azure.functions as func

from devhost.concurrency import InFlight, start_daemon
from devhost.functions import FunctionSpec

logger = logging.getLogger(__name__)


class FunctionTimeoutError(TimeoutError):
    """The invocation ran longer than host.json functionTimeout."""


class _TraceContext(func._abc.TraceContext):
    @property
    def trace_state(self) -> str:
        return ""

    @property
    def trace_parent(self) -> str:
        return ""

    @property
    def attributes(self) -> dict[str, str]:
        return {}


class _RetryContext(func._abc.RetryContext):
    def __init__(self, retry_count: int, max_retry_count: int) -> None:
        self._retry_count = retry_count
        self._max_retry_count = max_retry_count

    @property
    def retry_count(self) -> int:
        return self._retry_count

    @property
    def max_retry_count(self) -> int:
        return self._max_retry_count

    @property
    def exception(self) -> Any:
        return None


class InvocationContext(func.Context):
    """What the Python worker passes as ``context``."""

    def __init__(self, invocation_id: str, function_name: str, retry_count: int = 0, max_retry_count: int = 0):
        self._invocation_id = invocation_id
        self._function_name = function_name
        self._thread_local = threading.local()
        self._thread_local.invocation_id = invocation_id
        self._retry_context = _RetryContext(retry_count, max_retry_count)

    @property
    def invocation_id(self) -> str:
        return self._invocation_id

    @property
    def function_name(self) -> str:
        return self._function_name

    @property
    def function_directory(self) -> str:
        return ""

    @property
    def thread_local_storage(self) -> Any:
        return self._thread_local

    @property
    def trace_context(self) -> func._abc.TraceContext:
        return _TraceContext()

    @property
    def retry_context(self) -> func._abc.RetryContext:
        return self._retry_context


class Invoker:
    """Runs handlers. Async handlers share one event loop thread, as in the Python worker, so clients cached
    across invocations stay bound to a live loop; sync handlers run on the caller's thread."""

    def __init__(self, function_timeout: float | None) -> None:
        self.function_timeout = function_timeout
        self.in_flight = InFlight()
        self._loop = asyncio.new_event_loop()
        self._loop_thread = start_daemon("devhost-asyncio", self._loop.run_forever)

    def invoke(
        self,
        spec: FunctionSpec,
        trigger_value: Any,
        *,
        trigger_detail: str = "",
        retry_count: int = 0,
        max_retry_count: int = 0,
    ) -> Any:
        """Call the handler once; return its result or re-raise its exception after logging the outcome."""
        invocation_id = str(uuid.uuid4())
        arguments: dict[str, Any] = {spec.parameter_name: trigger_value}
        if spec.wants_context:
            arguments["context"] = InvocationContext(invocation_id, spec.name, retry_count, max_retry_count)
        started = time.monotonic()
        with self.in_flight.track():
            try:
                result = self._call(spec, arguments)
            except BaseException as error:
                duration_ms = (time.monotonic() - started) * 1000
                logger.error(
                    "Executed 'Functions.%s' (Failed, trigger=%s%s, Id=%s, Duration=%dms)",
                    spec.name,
                    spec.trigger_type,
                    trigger_detail,
                    invocation_id,
                    duration_ms,
                    exc_info=error,
                )
                if isinstance(error, Exception):
                    raise
                raise RuntimeError(f"{type(error).__name__} in Functions.{spec.name}") from error
        logger.info(
            "Executed 'Functions.%s' (Succeeded, trigger=%s%s, Id=%s, Duration=%dms)",
            spec.name,
            spec.trigger_type,
            trigger_detail,
            invocation_id,
            (time.monotonic() - started) * 1000,
        )
        return result

    def try_invoke(self, spec: FunctionSpec, trigger_value: Any, *, trigger_detail: str = "") -> bool:
        """Call the handler once; whether it succeeded (a failure is logged by ``invoke``)."""
        try:
            self.invoke(spec, trigger_value, trigger_detail=trigger_detail)
        except Exception:
            return False
        return True

    def invoke_with_retries(
        self,
        spec: FunctionSpec,
        build_trigger_value: Callable[[], Any],
        stopping: threading.Event,
        *,
        trigger_detail: str = "",
    ) -> Any:
        """Invoke, retrying in process under the function's retry policy before giving up."""
        policy = spec.retry_policy
        retries_done = 0
        while True:
            try:
                return self.invoke(
                    spec,
                    build_trigger_value(),
                    trigger_detail=trigger_detail,
                    retry_count=retries_done,
                    max_retry_count=policy.max_retry_count if policy else 0,
                )
            except Exception:
                if policy is None or not policy.allows_retry(retries_done):
                    raise
                delay = policy.delay_before_retry(retries_done)
                logger.info("Retrying Functions.%s in %.1fs (retry %d).", spec.name, delay, retries_done + 1)
                if stopping.wait(delay):
                    raise
                retries_done += 1

    def _call(self, spec: FunctionSpec, arguments: dict[str, Any]) -> Any:
        if spec.is_async:
            future = asyncio.run_coroutine_threadsafe(spec.user_function(**arguments), self._loop)
            try:
                return future.result(timeout=self.function_timeout)
            except concurrent.futures.TimeoutError as error:
                future.cancel()
                raise FunctionTimeoutError(f"Functions.{spec.name} exceeded functionTimeout") from error
        started = time.monotonic()
        result = spec.user_function(**arguments)
        # A sync handler cannot be interrupted; Azure would have failed it (and recycled the worker).
        if self.function_timeout is not None and time.monotonic() - started > self.function_timeout:
            raise FunctionTimeoutError(f"Functions.{spec.name} exceeded functionTimeout")
        return result

    def close(self) -> None:
        """Cancel async invocations still running and stop the loop (after the grace period of stop())."""

        def cancel_all() -> None:
            for task in asyncio.all_tasks(self._loop):
                task.cancel()
            self._loop.call_soon(self._loop.stop)

        if self._loop.is_running():
            self._loop.call_soon_threadsafe(cancel_all)
            self._loop_thread.join(timeout=5)
