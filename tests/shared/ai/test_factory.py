"""Engine selection from settings, including the fallback when no Whisper model is provisioned."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared.ai.evaluation.azure_openai import AzureOpenAIEngine
from shared.ai.evaluation.rules import RuleBasedEngine
from shared.ai.factory import build_evaluation_engine, build_transcription_engine
from shared.ai.transcription.azure_speech import AzureSpeechEngine
from shared.ai.transcription.sphinx import PocketSphinxEngine
from shared.ai.transcription.whisper import WhisperEngine
from shared.config import Settings

pytestmark = pytest.mark.unit
BASE = {"AzureWebJobsStorage": "UseDevelopmentStorage=true", "AUTH_MODE": "local", "AUTH_DEV_SECRET": "s" * 40}


def settings(**values: str) -> Settings:
    return Settings.model_validate({**BASE, **values})


def test_whisper_is_the_default_when_its_model_is_provisioned(whisper_model_dir: Path) -> None:
    engine = build_transcription_engine(settings(WHISPER_MODEL_DIR=str(whisper_model_dir)))
    assert isinstance(engine, WhisperEngine) and engine.name == "faster-whisper"


def test_pocketsphinx_takes_over_without_a_verified_model(tmp_path: Path) -> None:
    (tmp_path / "model.bin").write_bytes(b"not the pinned model")
    engine = build_transcription_engine(settings(WHISPER_MODEL_DIR=str(tmp_path), CHANNEL_SPEAKERS="rep,caller"))
    assert isinstance(engine, PocketSphinxEngine) and engine.name == "pocketsphinx"


def test_azure_engines_are_chosen_by_settings() -> None:
    chosen = settings(
        TRANSCRIPTION_ENGINE="azure-speech",
        AZURE_SPEECH_ENDPOINT="https://speech.example.test",
        AZURE_SPEECH_KEY="k" * 32,
        EVALUATION_ENGINE="azure-openai",
        AZURE_OPENAI_ENDPOINT="https://openai.example.test",
        AZURE_OPENAI_DEPLOYMENT="evaluation",
        AZURE_OPENAI_KEY="k" * 32,
    )
    assert isinstance(build_transcription_engine(chosen), AzureSpeechEngine)
    assert isinstance(build_evaluation_engine(chosen), AzureOpenAIEngine)
    assert isinstance(build_evaluation_engine(settings()), RuleBasedEngine)
