"""Engine selection from settings: the offline defaults locally, Azure AI Speech and Azure OpenAI in Azure."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from shared.ai.evaluation.base import EvaluationEngine
from shared.ai.transcription.base import TranscriptionEngine
from shared.config import EvaluationEngineName, Settings, TranscriptionEngineName, get_settings
from shared.identity import get_credential

if TYPE_CHECKING:
    from shared.ai.evaluation.rules import RuleBasedEngine

logger = logging.getLogger(__name__)


def build_transcription_engine(settings: Settings) -> TranscriptionEngine:
    speakers = tuple(settings.channel_speakers)
    if settings.transcription_engine is TranscriptionEngineName.AZURE_SPEECH:
        from shared.ai.transcription.azure_speech import AzureSpeechEngine

        assert settings.azure_speech_endpoint
        key = settings.azure_speech_key.get_secret_value() if settings.azure_speech_key else None
        return AzureSpeechEngine(
            settings.azure_speech_endpoint,
            locale=settings.azure_speech_locale,
            credential=None if key else get_credential(),
            api_key=key,
            speakers=speakers,
        )
    if settings.transcription_engine is TranscriptionEngineName.WHISPER:
        from shared.ai.transcription.provision import (
            ProvisionError,
            default_model_dir,
            provision_model,
            verify_model_dir,
        )

        model_dir = settings.whisper_model_dir or default_model_dir()
        if not verify_model_dir(model_dir) and settings.whisper_download_on_first_use:
            try:
                provision_model(model_dir)
            except ProvisionError as error:
                logger.warning("Could not download the Whisper model: %s", error)
        if verify_model_dir(model_dir):
            from shared.ai.transcription.whisper import WhisperEngine

            return WhisperEngine(
                model_dir,
                speakers=speakers,
                language=settings.transcription_language,
                max_speakers=settings.max_speakers,
            )
        # The transcript names the engine, so nobody mistakes the fallback's output for Whisper's.
        logger.warning(
            "No verified Whisper model at %s; falling back to pocketsphinx. Run `make model` to provision it.",
            model_dir,
        )
    from shared.ai.transcription.sphinx import PocketSphinxEngine

    return PocketSphinxEngine(speakers=speakers, max_speakers=settings.max_speakers)


def build_evaluation_engine(settings: Settings) -> EvaluationEngine:
    if settings.evaluation_engine is EvaluationEngineName.AZURE_OPENAI:
        from shared.ai.evaluation.azure_openai import AzureOpenAIEngine

        assert settings.azure_openai_endpoint and settings.azure_openai_deployment
        key = settings.azure_openai_key.get_secret_value() if settings.azure_openai_key else None
        return AzureOpenAIEngine(
            settings.azure_openai_endpoint,
            settings.azure_openai_deployment,
            settings.azure_openai_api_version,
            credential=None if key else get_credential(),
            api_key=key,
        )
    return offline_evaluation_engine(settings.evaluation_encoder_dir)


def offline_evaluation_engine(encoder_dir: Path | None = None) -> RuleBasedEngine:
    """The offline engine the service runs: phrase lists, the intent layer and its learned reading, each as far as
    its verified model allows. Benches and tests that stand for the service build it here too."""
    from shared.ai.evaluation.intent import IntentModelUnavailable, load_intent_model
    from shared.ai.evaluation.learned import IntentClassifiersUnavailable, load_intent_classifiers
    from shared.ai.evaluation.rules import RuleBasedEngine

    try:
        classifiers = load_intent_classifiers()
    except IntentClassifiersUnavailable as error:
        logger.warning("No verified intent classifiers (%s); evaluating without the learned reading.", error)
        classifiers = None
    try:
        return RuleBasedEngine(intent=load_intent_model(encoder_dir), classifiers=classifiers)
    except IntentModelUnavailable as error:
        # The analysis names its model, so nobody mistakes phrase-list verdicts for the intent engine's.
        logger.warning("No verified intent model (%s); evaluating with phrase lists only. Run `make model`.", error)
        return RuleBasedEngine()


@lru_cache(maxsize=1)
def get_transcription_engine() -> TranscriptionEngine:
    return build_transcription_engine(get_settings())


@lru_cache(maxsize=1)
def get_evaluation_engine() -> EvaluationEngine:
    return build_evaluation_engine(get_settings())
