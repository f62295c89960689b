"""Start-up checks: the host refuses what it could not run as Azure would, before anything starts."""

from __future__ import annotations

import logging

import azure.functions as func
import pytest

from devhost import HostStartupError
from devhost.functions import describe_functions, indexed_functions, load_app
from tests.devhost.conftest import SAMPLE_APP

pytestmark = pytest.mark.unit


def test_the_sample_app_is_described_by_trigger() -> None:
    app = load_app(SAMPLE_APP)
    specs = {spec.name: spec for spec in describe_functions(app)}
    assert specs["get_audio_file"].trigger_type == "httpTrigger"
    assert specs["get_audio_file"].wants_context
    assert specs["echo"].is_async
    assert specs["process_message"].trigger_type == "queueTrigger"
    assert specs["on_blob"].trigger_type == "blobTrigger"
    assert specs["on_wav_blob"].parameter_type is bytes
    assert specs["tick"].trigger_type == "timerTrigger"
    assert specs["flaky_startup_tick"].retry_policy is not None
    # Indexing is cached: get_functions() itself can run only once per app.
    assert indexed_functions(app) is indexed_functions(app)


def test_output_bindings_are_refused() -> None:
    app = func.FunctionApp()

    @app.queue_trigger(arg_name="msg", queue_name="in", connection="AzureWebJobsStorage")
    @app.queue_output(arg_name="out", queue_name="out", connection="AzureWebJobsStorage")
    def copy(msg: func.QueueMessage, out: func.Out[str]) -> None: ...

    with pytest.raises(HostStartupError, match="binding 'queue'"):
        describe_functions(app)


def test_unbound_parameters_are_refused() -> None:
    app = func.FunctionApp()

    @app.route(route="x")
    def handler(req: func.HttpRequest, extra: str) -> str:
        return extra

    with pytest.raises(HostStartupError, match="'extra' has no binding"):
        describe_functions(app)


def test_a_trigger_parameter_type_the_worker_refuses_is_refused() -> None:
    app = func.FunctionApp()

    @app.queue_trigger(arg_name="msg", queue_name="in", connection="AzureWebJobsStorage")
    def handler(msg: str) -> None: ...

    with pytest.raises(HostStartupError, match="annotated str"):
        describe_functions(app)


def test_retry_policies_on_queue_triggers_are_ignored_as_in_azure(caplog: pytest.LogCaptureFixture) -> None:
    app = func.FunctionApp()

    @app.queue_trigger(arg_name="msg", queue_name="in", connection="AzureWebJobsStorage")
    @app.retry(strategy="fixed_delay", max_retry_count="3", delay_interval="00:00:01")
    def handler(msg: func.QueueMessage) -> None: ...

    with caplog.at_level(logging.WARNING):
        (spec,) = describe_functions(app)
    assert spec.retry_policy is None
    assert "ignores function-level retry policies" in caplog.text


def test_unsupported_triggers_are_refused() -> None:
    app = func.FunctionApp()

    @app.service_bus_queue_trigger(arg_name="msg", queue_name="q", connection="Bus")
    def handler(msg: func.ServiceBusMessage) -> None: ...

    with pytest.raises(HostStartupError, match="not supported"):
        describe_functions(app)


def test_unknown_function_names_and_disabled_functions(monkeypatch: pytest.MonkeyPatch) -> None:
    app = load_app(SAMPLE_APP)
    with pytest.raises(HostStartupError, match="no_such_function"):
        describe_functions(app, ["no_such_function"])
    monkeypatch.setenv("AzureWebJobs.boom.Disabled", "true")
    assert [spec.name for spec in describe_functions(app, ["boom", "echo"])] == ["echo"]
