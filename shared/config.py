"""One typed settings object for the whole app, read from the environment once per process.

Functions app settings (local.settings.json locally, app settings in Azure) arrive as environment variables.
Required values have no default: a missing one fails at start with a message naming it.
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# Secrets that appear in docs or examples: refusing them keeps a copied example from reaching Azure.
_PLACEHOLDER_SECRETS = {"", "changeme", "secret", "replace-me"}


class AuthMode(StrEnum):
    LOCAL = "local"  # HS256 tokens signed with AUTH_DEV_SECRET (development and tests)
    ENTRA = "entra"  # RS256 tokens from Microsoft Entra ID, checked against its JWKS


class TranscriptionEngineName(StrEnum):
    WHISPER = "whisper"
    POCKETSPHINX = "pocketsphinx"
    AZURE_SPEECH = "azure-speech"


class EvaluationEngineName(StrEnum):
    RULES = "rules"
    AZURE_OPENAI = "azure-openai"


class BlobTriggerSource(StrEnum):
    EVENT_GRID = "EventGrid"
    LOGS_AND_CONTAINER_SCAN = "LogsAndContainerScan"


# An API call must answer (503 with Retry-After) within 15 s when storage hangs; one storage call gets 13.
STORAGE_CALL_BUDGET_SECONDS = 13


def _split_csv(value: object) -> object:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    model_config = SettingsConfigDict(case_sensitive=True, extra="ignore", populate_by_name=True)

    # Storage: a connection string (Azurite, or an account key), or identity-based service URIs.
    storage_connection_string: str | None = Field(default=None, alias="AzureWebJobsStorage")
    blob_service_uri: str | None = Field(default=None, alias="AzureWebJobsStorage__blobServiceUri")
    queue_service_uri: str | None = Field(default=None, alias="AzureWebJobsStorage__queueServiceUri")
    table_service_uri: str | None = Field(default=None, alias="AzureWebJobsStorage__tableServiceUri")
    managed_identity_client_id: str | None = Field(
        default=None, validation_alias=AliasChoices("AzureWebJobsStorage__clientId", "AZURE_CLIENT_ID")
    )

    # Storage that stops answering must cost a caller seconds, not the SDK's minutes: one call takes at most
    # (retries + 1) * (connect + read timeout) plus the backoffs, and STORAGE_CALL_BUDGET_SECONDS caps that.
    storage_connect_timeout_seconds: float = Field(default=2, gt=0, le=30, alias="STORAGE_CONNECT_TIMEOUT_SECONDS")
    storage_read_timeout_seconds: float = Field(default=4, gt=0, le=120, alias="STORAGE_READ_TIMEOUT_SECONDS")
    storage_retry_total: int = Field(default=1, ge=0, le=5, alias="STORAGE_RETRY_TOTAL")
    storage_retry_backoff_seconds: float = Field(default=0.5, ge=0, le=10, alias="STORAGE_RETRY_BACKOFF_SECONDS")

    # Identity of callers.
    auth_mode: AuthMode = Field(alias="AUTH_MODE")
    auth_dev_secret: SecretStr | None = Field(default=None, alias="AUTH_DEV_SECRET")
    auth_issuer: str | None = Field(default=None, alias="AUTH_ISSUER")
    auth_audience: str | None = Field(default=None, alias="AUTH_AUDIENCE")
    auth_jwks_url: str | None = Field(default=None, alias="AUTH_JWKS_URL")
    auth_tenant_claim: str = Field(default="tid", alias="AUTH_TENANT_CLAIM")

    # Uploads and downloads.
    max_upload_bytes: int = Field(default=500 * 1024 * 1024, gt=0, alias="MAX_UPLOAD_BYTES")
    # Longer recordings are refused on arrival (checked from the header, then from the decoded length).
    max_audio_minutes: float = Field(default=240, gt=0, alias="MAX_AUDIO_MINUTES")
    upload_url_ttl_minutes: int = Field(default=15, ge=1, le=60, alias="UPLOAD_URL_TTL_MINUTES")
    download_url_ttl_minutes: int = Field(default=15, ge=1, le=60, alias="DOWNLOAD_URL_TTL_MINUTES")
    upload_expiry_hours: float = Field(default=24, gt=0, alias="UPLOAD_EXPIRY_HOURS")
    # Longer than host.json functionTimeout (30 min): an invocation the host stops gets its queue retry first.
    stage_deadline_minutes: float = Field(default=45, gt=0, alias="STAGE_DEADLINE_MINUTES")
    blob_trigger_source: BlobTriggerSource = Field(
        default=BlobTriggerSource.LOGS_AND_CONTAINER_SCAN, alias="BLOB_TRIGGER_SOURCE"
    )

    # AI engines.
    transcription_engine: TranscriptionEngineName = Field(
        default=TranscriptionEngineName.WHISPER, alias="TRANSCRIPTION_ENGINE"
    )
    whisper_model_dir: Path | None = Field(default=None, alias="WHISPER_MODEL_DIR")
    # The evaluation's word-order-aware encoder (all-MiniLM-L6-v2) as `make model` provisions it; unset, the
    # user cache. Without a verified one the intent layer runs on WordLlama alone and its model name says so.
    evaluation_encoder_dir: Path | None = Field(default=None, alias="EVALUATION_ENCODER_DIR")
    # In Azure (internet, no `make model`): fetch the pinned model from the hub on first use, hash-checked.
    # Off locally, where the hub is unreachable and `make model` provisions it ahead of time.
    whisper_download_on_first_use: bool = Field(default=False, alias="WHISPER_DOWNLOAD_ON_FIRST_USE")
    # ISO 639-1 code ("en", "es") that pins the offline engines' language; unset, Whisper detects it per call.
    transcription_language: str | None = Field(default=None, pattern=r"^[a-z]{2}$", alias="TRANSCRIPTION_LANGUAGE")
    channel_speakers: Annotated[list[str], NoDecode] = Field(default=["agent", "customer"], alias="CHANNEL_SPEAKERS")
    # Voices the offline engines tell apart on a mono call (2 to this many); 1 leaves mono calls undiarized.
    max_speakers: int = Field(default=2, ge=1, le=8, alias="MAX_SPEAKERS")
    azure_speech_endpoint: str | None = Field(default=None, alias="AZURE_SPEECH_ENDPOINT")
    azure_speech_key: SecretStr | None = Field(default=None, alias="AZURE_SPEECH_KEY")
    azure_speech_locale: str = Field(default="en-US", alias="AZURE_SPEECH_LOCALE")
    evaluation_engine: EvaluationEngineName = Field(default=EvaluationEngineName.RULES, alias="EVALUATION_ENGINE")
    azure_openai_endpoint: str | None = Field(default=None, alias="AZURE_OPENAI_ENDPOINT")
    azure_openai_deployment: str | None = Field(default=None, alias="AZURE_OPENAI_DEPLOYMENT")
    azure_openai_api_version: str = Field(default="2024-10-21", alias="AZURE_OPENAI_API_VERSION")
    azure_openai_key: SecretStr | None = Field(default=None, alias="AZURE_OPENAI_KEY")

    # Webhooks: loopback and plain http are for a developer's own machine only.
    webhook_allow_loopback: bool = Field(default=False, alias="WEBHOOK_ALLOW_LOOPBACK")
    # A Key Vault key URI: signing secrets are stored wrapped with it. Unset locally: stored as they are.
    webhook_secret_key_id: str | None = Field(default=None, alias="WEBHOOK_SECRET_KEY_ID")

    @model_validator(mode="before")
    @classmethod
    def _normalize_raw_values(cls, data: object) -> object:
        if not isinstance(data, dict):
            return data
        # App settings cannot be unset in every tool: an empty value means "not set".
        data = {key: value for key, value in data.items() if not (isinstance(value, str) and not value.strip())}
        if "CHANNEL_SPEAKERS" in data:
            data["CHANNEL_SPEAKERS"] = _split_csv(data["CHANNEL_SPEAKERS"])
        return data

    @model_validator(mode="after")
    def _check_combinations(self) -> Settings:
        if not self.storage_connection_string and not (
            self.blob_service_uri and self.queue_service_uri and self.table_service_uri
        ):
            raise ValueError(
                "Storage is not configured: set AzureWebJobsStorage to a connection string, or "
                "AzureWebJobsStorage__blobServiceUri, __queueServiceUri and __tableServiceUri for identity access."
            )
        if self.auth_mode is AuthMode.LOCAL:
            secret = self.auth_dev_secret.get_secret_value() if self.auth_dev_secret else ""
            if secret.lower() in _PLACEHOLDER_SECRETS or len(secret) < 32:
                raise ValueError("AUTH_MODE=local needs AUTH_DEV_SECRET of at least 32 characters.")
        else:
            missing = [
                name
                for name, value in (
                    ("AUTH_ISSUER", self.auth_issuer),
                    ("AUTH_AUDIENCE", self.auth_audience),
                    ("AUTH_JWKS_URL", self.auth_jwks_url),
                )
                if not value
            ]
            if missing:
                raise ValueError(f"AUTH_MODE=entra needs {', '.join(missing)}.")
        if self.transcription_engine is TranscriptionEngineName.AZURE_SPEECH and not self.azure_speech_endpoint:
            raise ValueError("TRANSCRIPTION_ENGINE=azure-speech needs AZURE_SPEECH_ENDPOINT.")
        if self.evaluation_engine is EvaluationEngineName.AZURE_OPENAI and not (
            self.azure_openai_endpoint and self.azure_openai_deployment
        ):
            raise ValueError("EVALUATION_ENGINE=azure-openai needs AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT.")
        if self.storage_call_budget_seconds > STORAGE_CALL_BUDGET_SECONDS:
            raise ValueError(
                f"Storage timeouts and retries allow {self.storage_call_budget_seconds:.1f} s per call; keep it within "
                f"{STORAGE_CALL_BUDGET_SECONDS} s so an API call answers 503 in time: lower STORAGE_RETRY_TOTAL, "
                "STORAGE_CONNECT_TIMEOUT_SECONDS or STORAGE_READ_TIMEOUT_SECONDS."
            )
        if len(self.channel_speakers) < 1:
            raise ValueError("CHANNEL_SPEAKERS needs at least one name.")
        return self

    @property
    def storage_call_budget_seconds(self) -> float:
        """The longest one storage call can take when storage stops answering: every attempt times out."""
        attempts = self.storage_retry_total + 1
        per_attempt = self.storage_connect_timeout_seconds + self.storage_read_timeout_seconds
        # The SDKs jitter the backoff by up to half of it.
        return attempts * per_attempt + self.storage_retry_total * self.storage_retry_backoff_seconds * 1.5


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings. Tests that change the environment call ``get_settings.cache_clear()``."""
    return Settings()  # values come from the environment


def blob_trigger_source_from_environment() -> str:
    """The blob trigger's source, needed when functions are indexed (before settings are loaded).

    Flex Consumption only supports Event Grid; locally (and on Azurite, which emits no events) the host scans.
    """
    import os

    value = os.environ.get("BLOB_TRIGGER_SOURCE", "").strip()  # empty means unset, as for every setting
    return BlobTriggerSource(value or BlobTriggerSource.LOGS_AND_CONTAINER_SCAN.value).value
