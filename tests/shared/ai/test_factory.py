"""Engine selection from settings, including the fallback when no Whisper model is provisioned."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared.ai.evaluation.azure_openai import AzureOpenAIEngine
from shared.ai.evaluation.base import EvaluationContext
from shared.ai.evaluation.intent import MODEL_NAME, IntentModelUnavailable
from shared.ai.evaluation.rules import RuleBasedEngine
from shared.ai.factory import build_evaluation_engine, build_transcription_engine
from shared.ai.transcription.azure_speech import AzureSpeechEngine
from shared.ai.transcription.sphinx import PocketSphinxEngine
from shared.ai.transcription.whisper import WhisperEngine
from shared.config import Settings
from tests.settings import settings_from
from tests.shared.ai.evaluation.call_scripts import HUMAN_CALL, build_transcript

pytestmark = pytest.mark.unit
BASE = {"AzureWebJobsStorage": "UseDevelopmentStorage=true", "AUTH_MODE": "local", "AUTH_DEV_SECRET": "s" * 40}


def settings(**values: str) -> Settings:
    return settings_from(**BASE, **values)  # the test process's own settings must not leak in


def test_whisper_is_the_default_when_its_model_is_provisioned(whisper_model_dir: Path) -> None:
    engine = build_transcription_engine(settings(WHISPER_MODEL_DIR=str(whisper_model_dir)))
    assert isinstance(engine, WhisperEngine) and engine.name == "faster-whisper"
    assert engine.language is None  # detected per call unless pinned


def test_the_language_setting_pins_whisper(whisper_model_dir: Path) -> None:
    pinned = settings(WHISPER_MODEL_DIR=str(whisper_model_dir), TRANSCRIPTION_LANGUAGE="es")
    assert build_transcription_engine(pinned).language == "es"  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="TRANSCRIPTION_LANGUAGE"):
        settings(TRANSCRIPTION_LANGUAGE="Spanish")


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


def _evaluation_model(engine: object) -> str:
    assert isinstance(engine, RuleBasedEngine)
    analysis = engine.evaluate(build_transcript(HUMAN_CALL), EvaluationContext("af", "eng", None, False))
    return analysis.engine.model


def test_the_rules_engine_uses_the_verified_intent_model() -> None:
    assert MODEL_NAME in _evaluation_model(build_evaluation_engine(settings()))


def test_phrase_lists_take_over_without_a_verified_intent_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def unavailable(encoder_dir: Path | None) -> None:
        raise IntentModelUnavailable("weights/l2_supercat_256.safetensors does not match its pinned sha256")

    monkeypatch.setattr("shared.ai.evaluation.intent.load_intent_model", unavailable)
    model = _evaluation_model(build_evaluation_engine(settings()))
    assert MODEL_NAME not in model and model.startswith("phrase-rules")


def test_whisper_can_fetch_its_model_on_first_use(tmp_path: Path, whisper_model_dir: Path, monkeypatch) -> None:
    """In Azure the model is fetched (and hash-checked) on first use; here the wheels stand in for the hub."""
    import shared.ai.transcription.provision as provision

    fetched: list[Path] = []

    def fake_hub_copy(dest: Path, **_: object) -> Path:  # the same files a hub download would give
        import shutil

        shutil.copytree(whisper_model_dir, dest, dirs_exist_ok=True)
        fetched.append(dest)
        return dest

    monkeypatch.setattr(provision, "provision_model", fake_hub_copy)
    target = tmp_path / "model"
    engine = build_transcription_engine(settings(WHISPER_MODEL_DIR=str(target), WHISPER_DOWNLOAD_ON_FIRST_USE="true"))
    assert fetched == [target] and isinstance(engine, WhisperEngine)
    off = build_transcription_engine(settings(WHISPER_MODEL_DIR=str(tmp_path / "other")))
    assert isinstance(off, PocketSphinxEngine)


def test_the_encoder_directory_setting_chooses_where_the_second_reading_comes_from(tmp_path: Path) -> None:
    from shared.ai.evaluation.encoder import ENCODER_NAME, default_encoder_dir

    provisioned = _evaluation_model(
        build_evaluation_engine(settings(EVALUATION_ENCODER_DIR=str(default_encoder_dir())))
    )
    empty = _evaluation_model(build_evaluation_engine(settings(EVALUATION_ENCODER_DIR=str(tmp_path))))

    assert ENCODER_NAME in provisioned
    assert MODEL_NAME in empty and ENCODER_NAME not in empty  # WordLlama alone, and the analysis says so
