"""``python -m devhost`` as a developer runs it: serves until SIGTERM, then stops cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.devhost.conftest import SAMPLE_APP

pytestmark = pytest.mark.e2e

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_cli_serves_until_sigterm(names: dict[str, str], host_json: Path, tmp_path: Path) -> None:
    settings = tmp_path / "local.settings.json"
    settings.write_text(json.dumps({"Values": {}}))
    process = subprocess.Popen(
        [
            sys.executable, "-m", "devhost",
            "--app", SAMPLE_APP, "--port", "0",
            "--host-json", str(host_json), "--settings", str(settings),
            "--functions", "get_audio_file", "boom",
        ],
        cwd=REPO_ROOT,
        env={**os.environ, **names},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        ready = process.stdout.readline()
        assert ready.startswith("Functions host ready at http://127.0.0.1:"), ready
        base_url = ready.rsplit(" ", 1)[1].strip()
        assert httpx.get(f"{base_url}/v1/audio-files/cli", timeout=10).json()["route_params"] == {"id": "cli"}
        assert httpx.get(f"{base_url}/v1/boom", timeout=10).status_code == 500
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, stderr
    assert "Executed 'Functions.get_audio_file' (Succeeded" in stderr
    assert "Executed 'Functions.boom' (Failed" in stderr
    assert "Local Functions host stopped." in stderr


def test_cli_reports_configuration_errors(tmp_path: Path) -> None:
    settings = tmp_path / "local.settings.json"
    settings.write_text(json.dumps({"Values": {}}))
    env = {key: value for key, value in os.environ.items() if key != "SAMPLE_QUEUE"}
    result = subprocess.run(
        [sys.executable, "-m", "devhost", "--app", SAMPLE_APP, "--settings", str(settings), "--port", "0"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "Cannot start" in result.stderr and "SAMPLE_QUEUE" in result.stderr
