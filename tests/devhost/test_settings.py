from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from devhost.settings import (
    HostConfig,
    HostStartupError,
    apply_settings_to_environ,
    connection_string_for,
    load_local_settings,
    parse_timespan,
    resolve_app_setting_references,
)

pytestmark = pytest.mark.unit

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("00:00:02", 2), ("00:10:00", 600), ("1.02:00:00", 93_600), ("00:00:00.500", 0.5)],
)
def test_timespans(text: str, seconds: float) -> None:
    assert parse_timespan(text) == seconds


def test_bad_timespan() -> None:
    with pytest.raises(HostStartupError):
        parse_timespan("2 seconds")


def test_the_repository_host_json() -> None:
    config = HostConfig.load(REPO_ROOT / "host.json")
    assert config.route_prefix == ""  # the app puts /api before its API routes itself (console at /console)
    assert config.queues.max_polling_interval == 2
    assert config.queues.visibility_timeout == 10
    assert config.queues.batch_size == 4
    assert config.queues.effective_new_batch_threshold == 2
    assert config.queues.max_dequeue_count == 5
    assert config.queues.message_encoding == "base64"
    assert config.function_timeout == 30 * 60


def test_host_json_defaults() -> None:
    config = HostConfig.from_document({"version": "2.0"})
    assert config.route_prefix == "api"
    assert config.queues.batch_size == 16
    assert config.queues.effective_new_batch_threshold == 8
    assert config.queues.visibility_timeout == 0
    assert config.function_timeout is None
    assert HostConfig.from_document({"extensions": {"http": {"routePrefix": ""}}}).route_prefix == ""


@pytest.mark.parametrize(("value", "prefix"), [(None, "api"), ("", ""), ("/calls/", "calls"), (" v2 ", "v2")])
def test_route_prefix(value: str | None, prefix: str) -> None:
    assert HostConfig.from_document({"extensions": {"http": {"routePrefix": value}}}).route_prefix == prefix


def test_app_settings_override_host_json_values_whatever_their_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    host_json = tmp_path / "host.json"
    host_json.write_text(json.dumps({"extensions": {"http": {"routePrefix": "api"}, "queues": {"batchSize": 4}}}))
    monkeypatch.setenv("AzureFunctionsJobHost__extensions__http__routePrefix", "")
    monkeypatch.setenv("AzureFunctionsJobHost__Extensions__Queues__BatchSize", "8")
    monkeypatch.setenv("AzureFunctionsJobHost__functionTimeout", "00:05:00")
    config = HostConfig.load(host_json)
    assert config.route_prefix == ""
    assert config.queues.batch_size == 8
    assert config.function_timeout == 300
    monkeypatch.delenv("AzureFunctionsJobHost__extensions__http__routePrefix")
    assert HostConfig.load(host_json).route_prefix == "api"


def test_host_json_rejects_out_of_range_values() -> None:
    with pytest.raises(HostStartupError):
        HostConfig.from_document({"extensions": {"queues": {"batchSize": 64}}})
    with pytest.raises(HostStartupError):
        HostConfig.from_document({"extensions": {"queues": {"messageEncoding": "utf8"}}})


def test_local_settings_fill_the_environment_but_existing_variables_win(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = tmp_path / "local.settings.json"
    settings.write_text(
        json.dumps({"IsEncrypted": False, "Values": {"DEVHOST_T_NEW": "from-file", "DEVHOST_T_SET": "from-file"}})
    )
    monkeypatch.setenv("DEVHOST_T_SET", "from-environment")
    # Registered with monkeypatch so teardown removes what the loader adds.
    monkeypatch.setenv("DEVHOST_T_NEW", "placeholder")
    monkeypatch.delenv("DEVHOST_T_NEW")
    apply_settings_to_environ(load_local_settings(settings))
    assert os.environ["DEVHOST_T_NEW"] == "from-file"
    assert os.environ["DEVHOST_T_SET"] == "from-environment"


def test_example_settings_are_the_fallback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_local_settings(None) == {}
    (tmp_path / "local.settings.json.example").write_text(json.dumps({"Values": {"A": "1"}}))
    assert load_local_settings(None) == {"A": "1"}
    (tmp_path / "local.settings.json").write_text(json.dumps({"Values": {"A": "2"}}))
    assert load_local_settings(None) == {"A": "2"}


def test_encrypted_settings_are_refused(tmp_path: Path) -> None:
    settings = tmp_path / "local.settings.json"
    settings.write_text(json.dumps({"IsEncrypted": True, "Values": {}}))
    with pytest.raises(HostStartupError):
        load_local_settings(settings)


def test_app_setting_references_and_connections(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEVHOST_T_QUEUE", "jobs")
    assert resolve_app_setting_references("%DEVHOST_T_QUEUE%-in") == "jobs-in"
    with pytest.raises(HostStartupError):
        resolve_app_setting_references("%DEVHOST_T_MISSING%")
    monkeypatch.setenv("AzureWebJobsDevhostT", "UseDevelopmentStorage=true")
    assert connection_string_for("DevhostT") == "UseDevelopmentStorage=true"
    monkeypatch.setenv("DevhostIdentity__queueServiceUri", "https://x.queue.core.windows.net")
    with pytest.raises(HostStartupError, match="identity-based"):
        connection_string_for("DevhostIdentity")
