"""Import the app module, index its functions once, and check the local host can run each faithfully."""

from __future__ import annotations

import importlib
import inspect
import logging
import os
import threading
import typing
from collections.abc import Callable, Collection
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import azure.functions as func
import azurefunctions.extensions.bindings.blob as blob_sdk_types
from azure.functions.decorators.function_app import Function, FunctionRegister

from devhost.settings import HostStartupError, parse_timespan

logger = logging.getLogger(__name__)

HTTP_TRIGGER = "httpTrigger"
QUEUE_TRIGGER = "queueTrigger"
BLOB_TRIGGER = "blobTrigger"
TIMER_TRIGGER = "timerTrigger"
SUPPORTED_TRIGGERS = (HTTP_TRIGGER, QUEUE_TRIGGER, BLOB_TRIGGER, TIMER_TRIGGER)
# Triggers whose function-level retry policy Azure Functions honours (queues and blobs retry through
# host.json instead; the HTTP trigger never retries).
RETRY_POLICY_TRIGGERS = (TIMER_TRIGGER,)
# The host's own routes (keys, status, extension webhooks): a function route starting with either is refused,
# whatever host.json's routePrefix, so an empty prefix cannot shadow them.
RESERVED_ROUTE_STARTS = ("admin", "runtime")

_ALLOWED_PARAMETER_TYPES: dict[str, tuple[type, ...]] = {
    HTTP_TRIGGER: (func.HttpRequest,),
    QUEUE_TRIGGER: (func.QueueMessage,),
    # BlobClient is the SDK-type binding (azurefunctions-extensions-bindings-blob): a client, not the content.
    BLOB_TRIGGER: (func.InputStream, bytes, str, blob_sdk_types.BlobClient),
    TIMER_TRIGGER: (func.TimerRequest,),
}

# get_functions() may run only once per app (a second call fails its unique-name check): keep the result.
_indexed_functions: dict[int, tuple[FunctionRegister, list[Function]]] = {}
_index_lock = threading.Lock()


@dataclass(frozen=True)
class RetryPolicy:
    """A function-level ``@app.retry``: ``max_retry_count`` -1 retries forever."""

    strategy: str
    max_retry_count: int
    delay_interval: float
    minimum_interval: float
    maximum_interval: float

    @classmethod
    def from_settings(cls, function_name: str, settings: dict[str, Any] | None) -> RetryPolicy | None:
        if not settings:
            return None
        strategy = str(settings.get("strategy", "")).lower()
        if strategy not in ("fixed_delay", "exponential_backoff"):
            raise HostStartupError(f"Function {function_name}: unknown retry strategy {strategy!r}.")
        try:
            return cls(
                strategy=strategy,
                max_retry_count=int(settings["max_retry_count"]),
                delay_interval=_seconds(settings.get("delay_interval")),
                minimum_interval=_seconds(settings.get("minimum_interval")),
                maximum_interval=_seconds(settings.get("maximum_interval")),
            )
        except (KeyError, ValueError) as error:
            raise HostStartupError(f"Function {function_name}: invalid retry policy ({error}).") from error

    def allows_retry(self, retries_done: int) -> bool:
        return self.max_retry_count < 0 or retries_done < self.max_retry_count

    def delay_before_retry(self, retries_done: int) -> float:
        if self.strategy == "fixed_delay":
            return self.delay_interval
        return min(self.minimum_interval * (2**retries_done), self.maximum_interval)


def _seconds(value: Any) -> float:
    return parse_timespan(str(value)) if value else 0.0


@dataclass(frozen=True)
class FunctionSpec:
    """One registered function, reduced to what the host needs to trigger and call it."""

    name: str
    trigger_type: str
    trigger: Any  # the decorator's trigger object: .route/.methods, .queue_name, .path, .schedule ...
    parameter_name: str
    parameter_type: type | None
    wants_context: bool
    user_function: Callable[..., Any]
    is_async: bool
    retry_policy: RetryPolicy | None  # only for triggers in RETRY_POLICY_TRIGGERS


def load_app(module_name: str) -> FunctionRegister:
    module = importlib.import_module(module_name)
    return find_app(module)


def find_app(module: ModuleType) -> FunctionRegister:
    candidate = getattr(module, "app", None)
    if isinstance(candidate, FunctionRegister):
        return candidate
    registers = [value for value in vars(module).values() if isinstance(value, FunctionRegister)]
    if len(registers) != 1:
        raise HostStartupError(
            f"Module {module.__name__} must define exactly one FunctionApp (found {len(registers)})."
        )
    return registers[0]


def indexed_functions(app: FunctionRegister) -> list[Function]:
    with _index_lock:
        cached = _indexed_functions.get(id(app))
        if cached is None or cached[0] is not app:
            cached = (app, app.get_functions())
            _indexed_functions[id(app)] = cached
        return cached[1]


def describe_functions(app: FunctionRegister, only: Collection[str] | None = None) -> list[FunctionSpec]:
    """Specs for the enabled functions, failing at once on anything the host cannot run as Azure would."""
    specs: list[FunctionSpec] = []
    known: set[str] = set()
    for function in indexed_functions(app):
        name = function.get_function_name() or function.get_user_function().__name__
        known.add(name)
        if only is not None and name not in only:
            continue
        if os.environ.get(f"AzureWebJobs.{name}.Disabled", "").lower() in ("true", "1"):
            logger.info("Function %s is disabled by its AzureWebJobs.%s.Disabled setting.", name, name)
            continue
        specs.append(_describe(name, function))
    if only is not None:
        unknown = sorted(set(only) - known)
        if unknown:
            raise HostStartupError(f"No function named {', '.join(unknown)} in the app.")
    return specs


def _describe(name: str, function: Function) -> FunctionSpec:
    trigger = function.get_trigger()
    if trigger is None:
        raise HostStartupError(f"Function {name} has no trigger.")
    trigger_type = trigger.get_binding_name()
    if trigger_type not in SUPPORTED_TRIGGERS:
        raise HostStartupError(f"Function {name}: trigger {trigger_type!r} is not supported by the local host.")
    for binding in function.get_bindings():
        if binding is trigger:
            continue
        is_http_return = trigger_type == HTTP_TRIGGER and binding.get_binding_name() == "http"
        if not (is_http_return and binding.name == "$return"):
            raise HostStartupError(
                f"Function {name}: binding {binding.get_binding_name()!r} ({binding.name!r}) is not "
                "supported by the local host; use the storage SDK in the function body instead."
            )
    if trigger_type == HTTP_TRIGGER:
        _check_route_is_not_reserved(name, getattr(trigger, "route", None) or name)
    user_function = function.get_user_function()
    parameter_name = trigger.name
    signature = inspect.signature(user_function)
    for parameter in signature.parameters.values():
        if parameter.name not in (parameter_name, "context"):
            raise HostStartupError(
                f"Function {name}: parameter {parameter.name!r} has no binding "
                f"(only {parameter_name!r} and 'context' are bound)."
            )
    if parameter_name not in signature.parameters:
        raise HostStartupError(f"Function {name}: no parameter named {parameter_name!r} for its trigger.")
    parameter_type = _parameter_type(name, user_function, parameter_name, trigger_type)
    retry_settings = function.get_settings_dict("retry_policy")
    if retry_settings and trigger_type not in RETRY_POLICY_TRIGGERS:
        logger.warning(
            "Function %s: Azure Functions ignores function-level retry policies on %s (host.json rules "
            "apply), so the local host ignores it too.",
            name,
            trigger_type,
        )
        retry_settings = None
    retry_policy = RetryPolicy.from_settings(name, retry_settings)  # a bad policy fails at start
    return FunctionSpec(
        name=name,
        trigger_type=trigger_type,
        trigger=trigger,
        parameter_name=parameter_name,
        parameter_type=parameter_type,
        wants_context="context" in signature.parameters,
        user_function=user_function,
        is_async=inspect.iscoroutinefunction(user_function),
        retry_policy=retry_policy,
    )


def _check_route_is_not_reserved(name: str, route: str) -> None:
    """As the Functions host does: by the route's text alone, so ``administration/x`` is refused too."""
    if route.strip("/").lower().startswith(RESERVED_ROUTE_STARTS):
        raise HostStartupError(
            f"Function {name}: the specified route conflicts with one or more built in routes "
            f"({route!r}; routes starting with {' or '.join(RESERVED_ROUTE_STARTS)} are the host's)."
        )


def _parameter_type(name: str, user_function: Callable[..., Any], parameter: str, trigger_type: str) -> type | None:
    """The trigger parameter's annotation, checked against what the Python worker accepts for the trigger."""
    try:
        annotation = typing.get_type_hints(user_function).get(parameter)
    except Exception:  # unresolvable forward references: the worker would see a string, accept it here
        return None
    if not isinstance(annotation, type):
        return None
    allowed = _ALLOWED_PARAMETER_TYPES[trigger_type]
    if not issubclass(annotation, allowed):
        raise HostStartupError(
            f"Function {name}: {trigger_type} parameter {parameter!r} is annotated {annotation.__name__}; "
            f"the Python worker accepts {', '.join(t.__name__ for t in allowed)}."
        )
    return annotation
