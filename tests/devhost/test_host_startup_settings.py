"""Start-up with app settings: the host fails fast on a missing one and applies the settings file (Azurite)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from devhost import FunctionHost, HostStartupError
from tests.devhost.conftest import SAMPLE_APP

pytestmark = pytest.mark.integration


def test_the_host_fails_fast_on_missing_settings(
    names: dict[str, str], host_json: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SAMPLE_QUEUE")
    settings = tmp_path / "local.settings.json"
    settings.write_text('{"Values": {}}')
    with pytest.raises(HostStartupError, match="SAMPLE_QUEUE"):
        FunctionHost(
            SAMPLE_APP, http_port=0, host_json=host_json, settings_file=settings, functions=["process_message"]
        )


def test_settings_file_values_apply_unless_already_set(
    start_host: Callable[..., FunctionHost], names: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = tmp_path / "custom.settings.json"
    settings.write_text(
        '{"Values": {"AzureWebJobsStorage": "UseDevelopmentStorage=true", "DEVHOST_T_FROM_FILE": "yes"}}'
    )
    monkeypatch.setenv("DEVHOST_T_FROM_FILE", "placeholder")
    monkeypatch.delenv("DEVHOST_T_FROM_FILE")  # so teardown removes the value the host adds
    start_host(["process_message"], settings_file=settings)
    assert os.environ["DEVHOST_T_FROM_FILE"] == "yes"
    assert os.environ["AzureWebJobsStorage"] == names["AzureWebJobsStorage"]  # noqa: SIM112
