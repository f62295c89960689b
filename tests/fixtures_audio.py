"""Pytest plugin with session fixtures for real speech: generated sample calls and the Whisper model.

Registered from tests/conftest.py (``pytest_plugins = ["tests.fixtures_audio"]``). Both are cached outside
git and reused across runs: the sample calls under ``.cache/sample-calls`` in the repository (regenerated when
the scripts or the generator change), the model in the per-user default model directory.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import soundfile as sf

from scripts.mono_calls import MonoCall, generate_mono_calls
from scripts.sample_calls import SampleCalls, generate_sample_calls
from shared.ai.transcription.provision import ProvisionError, default_model_dir, provision_model

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLE_CALLS_CACHE = REPO_ROOT / ".cache" / "sample-calls"
MONO_CALLS_CACHE = REPO_ROOT / ".cache" / "mono-calls"


@pytest.fixture(scope="session")
def sample_calls() -> SampleCalls:
    """The generated calls, their scripts (with turn times) and the broken files."""
    return generate_sample_calls(SAMPLE_CALLS_CACHE)


@pytest.fixture(scope="session")
def sample_calls_dir(sample_calls: SampleCalls) -> Path:
    return sample_calls.directory


@pytest.fixture(scope="session")
def whisper_model_dir() -> Path:
    """The verified Whisper base model, provisioned once per machine. Fails (never skips) without it."""
    try:
        return provision_model(default_model_dir())
    except ProvisionError as error:
        pytest.fail(f"Whisper model could not be provisioned: {error}", pytrace=False)


@pytest.fixture(scope="session")
def one_minute_call(sample_calls: SampleCalls) -> Path:
    """The support call repeated to about a minute (generated on first use, then cached)."""
    return generate_sample_calls(SAMPLE_CALLS_CACHE, long_minutes=[1]).long_call(1)


@pytest.fixture(scope="session")
def mono_calls() -> dict[str, MonoCall]:
    """Two-speaker calls mixed to mono with overlaps and backchannels, by name, with their true turns."""
    return {call.name: call for call in generate_mono_calls(MONO_CALLS_CACHE)}


@pytest.fixture(scope="session")
def short_call(sample_calls: SampleCalls, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mono support call's first two turns (agent, then customer; about 11 s): real speech from both
    speakers in one decoding window, for tests about the pipeline rather than about recognition, so they stay
    quick on a loaded machine."""
    audio, rate = sf.read(sample_calls.support_call_mono, dtype="int16")
    end_ms = sample_calls.turns("support_call")[1].end_ms + 600
    path = tmp_path_factory.mktemp("short-call") / "short_call.wav"
    sf.write(path, audio[: end_ms * rate // 1000], rate, subtype="PCM_16")
    return path
