"""App settings (local.settings.json), host.json options and connections, read as the Functions host does."""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

DEFAULT_STORAGE_SETTING = "AzureWebJobsStorage"
# Functions' default request body limit (maxRequestBodySize): 100 MB.
DEFAULT_MAX_REQUEST_BODY_BYTES = 104_857_600
# An app setting AzureFunctionsJobHost__extensions__http__routePrefix overrides that host.json value.
HOST_JSON_OVERRIDE_PREFIX = "AzureFunctionsJobHost__"
DEFAULT_ROUTE_PREFIX = "api"


class HostStartupError(RuntimeError):
    """The app or its configuration cannot be hosted; raised before anything starts."""


def load_local_settings(settings_file: Path | None) -> dict[str, str]:
    """Read the ``Values`` of local.settings.json (or its ``.example``); an absent file gives no values."""
    candidates = (
        [settings_file]
        if settings_file
        else [Path.cwd() / "local.settings.json", Path.cwd() / "local.settings.json.example"]
    )
    for candidate in candidates:
        if candidate.is_file():
            document = json.loads(candidate.read_text(encoding="utf-8"))
            if document.get("IsEncrypted"):
                raise HostStartupError(f"{candidate.name} is encrypted; the local host reads plain values only.")
            values = document.get("Values") or {}
            logger.info("Loaded %d app settings from %s", len(values), candidate.name)
            return {str(key): str(value) for key, value in values.items()}
    if settings_file:
        raise HostStartupError(f"Settings file {settings_file} does not exist.")
    return {}


def apply_settings_to_environ(values: dict[str, str]) -> None:
    """Copy settings into the environment; variables already set win (tests point at their own storage)."""
    for key, value in values.items():
        os.environ.setdefault(key, value)


_APP_SETTING_REFERENCE = re.compile(r"%([^%]+)%")


@contextmanager
def environment_overrides(values: Mapping[str, str]) -> Iterator[None]:
    """Set app settings in the environment for a while (tests, benchmarks), then put back what was there."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def resolve_app_setting_references(text: str) -> str:
    """Replace ``%Name%`` with app setting ``Name``, as the host does in queue names, paths and schedules."""

    def lookup(match: re.Match[str]) -> str:
        name = match.group(1)
        value = os.environ.get(name)
        if value is None:
            raise HostStartupError(f"App setting {name!r} referenced by {text!r} is not set.")
        return value

    return _APP_SETTING_REFERENCE.sub(lookup, text)


def connection_string_for(connection_name: str | None) -> str:
    """The connection string behind a binding's ``connection`` (also tried with prefix ``AzureWebJobs``)."""
    name = connection_name or DEFAULT_STORAGE_SETTING
    for candidate in (name, f"AzureWebJobs{name}"):
        value = os.environ.get(candidate)
        if value:
            return value
    if any(key.startswith(f"{name}__") for key in os.environ):
        raise HostStartupError(
            f"Connection {name!r} is identity-based ({name}__...); the local host needs a connection string."
        )
    raise HostStartupError(f"Connection {name!r}: no app setting of that name holds a connection string.")


_TIMESPAN = re.compile(r"^(?:(?P<days>\d+)\.)?(?P<hours>\d+):(?P<minutes>\d+):(?P<seconds>\d+(?:\.\d+)?)$")


def parse_timespan(text: str) -> float:
    """Seconds in a .NET TimeSpan string such as ``00:00:02``, ``1.00:00:00`` or ``00:00:00.500``."""
    match = _TIMESPAN.match(text.strip())
    if not match:
        raise HostStartupError(f"{text!r} is not a TimeSpan (expected [d.]hh:mm:ss[.fff]).")
    days = int(match.group("days") or 0)
    return (
        days * 86_400
        + int(match.group("hours")) * 3_600
        + int(match.group("minutes")) * 60
        + float(match.group("seconds"))
    )


@dataclass(frozen=True)
class QueueOptions:
    """``extensions.queues`` with the defaults of the Storage Queues extension 5.x."""

    max_polling_interval: float = 60.0
    visibility_timeout: float = 0.0
    batch_size: int = 16
    new_batch_threshold: int | None = None
    max_dequeue_count: int = 5
    message_encoding: str = "base64"

    @property
    def effective_new_batch_threshold(self) -> int:
        return self.new_batch_threshold if self.new_batch_threshold is not None else self.batch_size // 2


@dataclass(frozen=True)
class HostConfig:
    route_prefix: str = "api"
    queues: QueueOptions = field(default_factory=QueueOptions)
    blobs_max_degree_of_parallelism: int = 8
    function_timeout: float | None = None

    @classmethod
    def load(cls, host_json: Path | None) -> HostConfig:
        """host.json, then any ``AzureFunctionsJobHost__`` app settings over it, as the Functions host reads it."""
        path = host_json or Path.cwd() / "host.json"
        document: dict[str, Any] = {}
        if path.is_file():
            document = json.loads(path.read_text(encoding="utf-8"))
        elif host_json:
            raise HostStartupError(f"host.json {host_json} does not exist.")
        else:
            logger.warning("No host.json in %s: using the Functions defaults.", path.parent)
        return cls.from_document(with_app_setting_overrides(document, os.environ))

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> HostConfig:
        extensions = document.get("extensions") or {}
        http = extensions.get("http") or {}
        queues = extensions.get("queues") or {}
        blobs = extensions.get("blobs") or {}
        defaults = QueueOptions()
        batch_size = int(queues.get("batchSize", defaults.batch_size))
        if not 1 <= batch_size <= 32:
            raise HostStartupError(f"host.json queues.batchSize must be 1..32, not {batch_size}.")
        encoding = str(queues.get("messageEncoding", defaults.message_encoding)).lower()
        if encoding not in ("base64", "none"):
            raise HostStartupError(f"host.json queues.messageEncoding must be base64 or none, not {encoding!r}.")
        queue_options = QueueOptions(
            max_polling_interval=max(
                0.1, _timespan_or(queues.get("maxPollingInterval"), defaults.max_polling_interval)
            ),
            visibility_timeout=_timespan_or(queues.get("visibilityTimeout"), defaults.visibility_timeout),
            batch_size=batch_size,
            new_batch_threshold=(
                int(queues["newBatchThreshold"]) if queues.get("newBatchThreshold") is not None else None
            ),
            max_dequeue_count=int(queues.get("maxDequeueCount", defaults.max_dequeue_count)),
            message_encoding=encoding,
        )
        timeout_text = document.get("functionTimeout")
        return cls(
            route_prefix=_route_prefix(http.get("routePrefix")),
            queues=queue_options,
            blobs_max_degree_of_parallelism=int(blobs.get("maxDegreeOfParallelism", 8)),
            # -1 means unbounded in host.json.
            function_timeout=(parse_timespan(timeout_text) if timeout_text and str(timeout_text) != "-1" else None),
        )


def _timespan_or(value: Any, default: float) -> float:
    if value is None:
        return default
    return parse_timespan(str(value))


def _route_prefix(value: Any) -> str:
    """``routePrefix`` goes before every HTTP route; absent (or null) it is ``api``, empty it is nothing."""
    if value is None:
        return DEFAULT_ROUTE_PREFIX
    if not isinstance(value, str):
        raise HostStartupError(f"host.json http.routePrefix must be a string, not {value!r}.")
    return value.strip().strip("/")


def with_app_setting_overrides(document: dict[str, Any], settings: Mapping[str, str]) -> dict[str, Any]:
    """``document`` with each ``AzureFunctionsJobHost__a__b`` app setting written over its ``a.b`` value.

    As in Azure, names after the prefix match host.json's keys whatever their case (.NET configuration keys
    are case-insensitive) and the value is the setting's text, an empty one included.
    """
    merged: dict[str, Any] = json.loads(json.dumps(document))
    for name, value in settings.items():
        if not name.lower().startswith(HOST_JSON_OVERRIDE_PREFIX.lower()):
            continue
        *parents, leaf = name[len(HOST_JSON_OVERRIDE_PREFIX) :].split("__")
        node = merged
        for key in parents:
            existing = _key_like(node, key)
            if not isinstance(node.get(existing), dict):
                node[existing] = {}
            node = node[existing]
        node[_key_like(node, leaf)] = value
    return merged


def _key_like(node: dict[str, Any], key: str) -> str:
    return next((existing for existing in node if existing.lower() == key.lower()), key)
