"""Settings: required values, combinations that must go together, and how raw app settings are read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from shared.config import (
    STORAGE_CALL_BUDGET_SECONDS,
    AuthMode,
    BlobTriggerSource,
    EvaluationEngineName,
    Settings,
    TranscriptionEngineName,
    blob_trigger_source_from_environment,
    get_settings,
)
from shared.storage.clients import build_storage_clients
from tests.fakes.credentials import RecordingCredential
from tests.settings import clear_settings_environment, settings_from

pytestmark = pytest.mark.unit

SECRET = "s" * 40
AZURITE = "UseDevelopmentStorage=true"
ACCOUNT_KEY_CONN = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.windows.net"
SERVICE_URIS = {
    "AzureWebJobsStorage__blobServiceUri": "https://acct.blob.core.windows.net",
    "AzureWebJobsStorage__queueServiceUri": "https://acct.queue.core.windows.net",
    "AzureWebJobsStorage__tableServiceUri": "https://acct.table.core.windows.net",
}
ENTRA = {
    "AUTH_MODE": "entra",
    "AUTH_ISSUER": "https://login.microsoftonline.com/tenant/v2.0",
    "AUTH_AUDIENCE": "api://audio-files",
    "AUTH_JWKS_URL": "https://login.microsoftonline.com/tenant/discovery/v2.0/keys",
}


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The tests that read the process environment start without any app setting in it."""
    clear_settings_environment(monkeypatch)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def build(**values: Any) -> Settings:
    """Settings as the host would build them, from values given by their app setting names."""
    return settings_from(**values)


LOCAL: dict[str, Any] = {"AzureWebJobsStorage": AZURITE, "AUTH_MODE": "local", "AUTH_DEV_SECRET": SECRET}


def local(**overrides: Any) -> Settings:
    return settings_from(**{**LOCAL, **overrides})


def local_with_environment(**overrides: Any) -> Settings:
    """Like ``local``, but what the environment sets fills the values not given."""
    return Settings(**{**LOCAL, **overrides})


def error_text(excinfo: pytest.ExceptionInfo[ValidationError]) -> str:
    return str(excinfo.value)


class TestRequiredValues:
    def test_minimal_local_settings_have_documented_defaults(self) -> None:
        settings = local()
        assert settings.auth_mode is AuthMode.LOCAL
        assert settings.auth_dev_secret is not None
        assert settings.auth_dev_secret.get_secret_value() == SECRET
        assert settings.auth_tenant_claim == "tid"
        assert settings.transcription_engine is TranscriptionEngineName.WHISPER
        assert settings.evaluation_engine is EvaluationEngineName.RULES
        assert settings.channel_speakers == ["agent", "customer"]
        assert settings.blob_trigger_source is BlobTriggerSource.LOGS_AND_CONTAINER_SCAN
        assert settings.whisper_model_dir is None
        assert settings.webhook_allow_loopback is False

    def test_missing_auth_mode_is_named(self) -> None:
        with pytest.raises(ValidationError) as excinfo:
            build(AzureWebJobsStorage=AZURITE)
        errors = excinfo.value.errors()
        assert [error["loc"] for error in errors] == [("AUTH_MODE",)]
        assert errors[0]["type"] == "missing"

    def test_unknown_auth_mode_is_refused(self) -> None:
        with pytest.raises(ValidationError) as excinfo:
            local(AUTH_MODE="basic")
        assert "AUTH_MODE" in error_text(excinfo)

    def test_secret_is_not_shown_in_repr(self) -> None:
        assert SECRET not in repr(local())

    def test_settings_come_from_the_environment(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("AzureWebJobsStorage", AZURITE)
        monkeypatch.setenv("AUTH_MODE", "local")
        monkeypatch.setenv("AUTH_DEV_SECRET", SECRET)
        monkeypatch.setenv("MAX_UPLOAD_BYTES", "1024")
        settings = get_settings()
        assert settings.max_upload_bytes == 1024
        assert get_settings() is settings

    @pytest.mark.parametrize(
        ("name", "value"),
        [
            ("MAX_UPLOAD_BYTES", "0"),
            ("UPLOAD_URL_TTL_MINUTES", "0"),
            ("UPLOAD_URL_TTL_MINUTES", "61"),
            ("DOWNLOAD_URL_TTL_MINUTES", "120"),
            ("UPLOAD_EXPIRY_HOURS", "0"),
            ("STAGE_DEADLINE_MINUTES", "-1"),
            ("BLOB_TRIGGER_SOURCE", "Polling"),
            ("TRANSCRIPTION_ENGINE", "vosk"),
        ],
    )
    def test_out_of_range_values_are_refused(self, name: str, value: str) -> None:
        with pytest.raises(ValidationError) as excinfo:
            local(**{name: value})
        assert name in error_text(excinfo)


class TestStorage:
    def test_connection_string_is_enough(self) -> None:
        assert local(AzureWebJobsStorage=ACCOUNT_KEY_CONN).storage_connection_string == ACCOUNT_KEY_CONN

    def test_three_service_uris_are_enough(self) -> None:
        settings = build(AUTH_MODE="local", AUTH_DEV_SECRET=SECRET, **SERVICE_URIS)
        assert settings.storage_connection_string is None
        assert settings.blob_service_uri == SERVICE_URIS["AzureWebJobsStorage__blobServiceUri"]

    def test_nothing_is_refused(self) -> None:
        with pytest.raises(ValidationError, match="Storage is not configured"):
            build(AUTH_MODE="local", AUTH_DEV_SECRET=SECRET)

    @pytest.mark.parametrize("left_out", sorted(SERVICE_URIS))
    def test_two_of_three_service_uris_are_refused(self, left_out: str) -> None:
        uris = {name: value for name, value in SERVICE_URIS.items() if name != left_out}
        with pytest.raises(ValidationError, match="Storage is not configured"):
            build(AUTH_MODE="local", AUTH_DEV_SECRET=SECRET, **uris)

    def test_empty_connection_string_counts_as_unset(self) -> None:
        with pytest.raises(ValidationError, match="Storage is not configured"):
            build(AzureWebJobsStorage="", AUTH_MODE="local", AUTH_DEV_SECRET=SECRET)

    @pytest.mark.parametrize("name", ["AzureWebJobsStorage__clientId", "AZURE_CLIENT_ID"])
    def test_managed_identity_client_id_has_two_names(self, name: str) -> None:
        assert local(**{name: "11111111-2222-3333-4444-555555555555"}).managed_identity_client_id == (
            "11111111-2222-3333-4444-555555555555"
        )

    @pytest.mark.parametrize(
        ("connection", "expected"),
        [
            (ACCOUNT_KEY_CONN, True),
            ("UseDevelopmentStorage=true", True),
            ("usedevelopmentstorage=TRUE;", True),
        ],
    )
    def test_only_a_connection_with_a_key_signs_with_the_account_key(self, connection: str, expected: bool) -> None:
        clients = build_storage_clients(local(AzureWebJobsStorage=connection))
        assert (clients.account_key is not None) is expected

    def test_identity_access_signs_through_the_identity(self) -> None:
        settings = build(AUTH_MODE="local", AUTH_DEV_SECRET=SECRET, **SERVICE_URIS)
        assert build_storage_clients(settings, RecordingCredential()).account_key is None


class TestStorageTimeouts:
    def test_defaults_answer_within_the_budget(self) -> None:
        settings = local()
        assert (settings.storage_connect_timeout_seconds, settings.storage_read_timeout_seconds) == (2, 4)
        assert settings.storage_retry_total == 1
        assert settings.storage_call_budget_seconds <= STORAGE_CALL_BUDGET_SECONDS

    def test_values_that_would_let_a_call_hang_past_the_budget_are_refused(self) -> None:
        with pytest.raises(ValidationError, match="STORAGE_RETRY_TOTAL"):
            local(STORAGE_READ_TIMEOUT_SECONDS="10", STORAGE_RETRY_TOTAL="2")


class TestLocalAuth:
    def test_missing_secret_is_refused(self) -> None:
        with pytest.raises(ValidationError, match="AUTH_DEV_SECRET of at least 32 characters"):
            build(AzureWebJobsStorage=AZURITE, AUTH_MODE="local")

    def test_short_secret_is_refused(self) -> None:
        with pytest.raises(ValidationError, match="AUTH_DEV_SECRET"):
            local(AUTH_DEV_SECRET="x" * 31)

    def test_secret_of_exactly_32_characters_is_accepted(self) -> None:
        assert local(AUTH_DEV_SECRET="x" * 32).auth_dev_secret is not None

    @pytest.mark.parametrize("placeholder", ["changeme", "CHANGEME", "secret", "replace-me", "   "])
    def test_placeholders_are_refused(self, placeholder: str) -> None:
        with pytest.raises(ValidationError, match="AUTH_DEV_SECRET"):
            local(AUTH_DEV_SECRET=placeholder)

    def test_local_mode_does_not_need_entra_settings(self) -> None:
        settings = local()
        assert settings.auth_issuer is None and settings.auth_jwks_url is None


class TestEntraAuth:
    def test_complete_entra_settings_are_accepted(self) -> None:
        settings = build(AzureWebJobsStorage=AZURITE, **ENTRA)
        assert settings.auth_mode is AuthMode.ENTRA
        assert settings.auth_dev_secret is None

    @pytest.mark.parametrize("left_out", ["AUTH_ISSUER", "AUTH_AUDIENCE", "AUTH_JWKS_URL"])
    def test_each_missing_value_is_named(self, left_out: str) -> None:
        values = {name: value for name, value in ENTRA.items() if name != left_out}
        with pytest.raises(ValidationError) as excinfo:
            build(AzureWebJobsStorage=AZURITE, **values)
        [error] = excinfo.value.errors()
        assert error["msg"] == f"Value error, AUTH_MODE=entra needs {left_out}."

    def test_all_missing_values_are_named_at_once(self) -> None:
        with pytest.raises(ValidationError, match="AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL"):
            build(AzureWebJobsStorage=AZURITE, AUTH_MODE="entra")

    def test_empty_values_count_as_missing(self) -> None:
        with pytest.raises(ValidationError, match="AUTH_JWKS_URL"):
            build(AzureWebJobsStorage=AZURITE, **{**ENTRA, "AUTH_JWKS_URL": " "})


class TestEngines:
    def test_azure_speech_needs_its_endpoint(self) -> None:
        with pytest.raises(ValidationError, match="AZURE_SPEECH_ENDPOINT"):
            local(TRANSCRIPTION_ENGINE="azure-speech")

    def test_azure_speech_with_endpoint_is_accepted(self) -> None:
        settings = local(TRANSCRIPTION_ENGINE="azure-speech", AZURE_SPEECH_ENDPOINT="https://speech.example")
        assert settings.transcription_engine is TranscriptionEngineName.AZURE_SPEECH
        assert settings.azure_speech_key is None

    @pytest.mark.parametrize(
        "values",
        [
            {},
            {"AZURE_OPENAI_ENDPOINT": "https://openai.example"},
            {"AZURE_OPENAI_DEPLOYMENT": "gpt-4o-mini"},
            {"AZURE_OPENAI_ENDPOINT": "https://openai.example", "AZURE_OPENAI_DEPLOYMENT": ""},
        ],
    )
    def test_azure_openai_needs_endpoint_and_deployment(self, values: dict[str, str]) -> None:
        with pytest.raises(ValidationError, match="AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT"):
            local(EVALUATION_ENGINE="azure-openai", **values)

    def test_azure_openai_with_endpoint_and_deployment_is_accepted(self) -> None:
        settings = local(
            EVALUATION_ENGINE="azure-openai",
            AZURE_OPENAI_ENDPOINT="https://openai.example",
            AZURE_OPENAI_DEPLOYMENT="gpt-4o-mini",
        )
        assert settings.evaluation_engine is EvaluationEngineName.AZURE_OPENAI
        assert settings.azure_openai_api_version == "2024-10-21"

    def test_other_engines_do_not_need_azure_endpoints(self) -> None:
        settings = local(TRANSCRIPTION_ENGINE="pocketsphinx", EVALUATION_ENGINE="rules")
        assert settings.transcription_engine is TranscriptionEngineName.POCKETSPHINX


class TestRawValues:
    def test_channel_speakers_are_comma_separated(self) -> None:
        assert local(CHANNEL_SPEAKERS="agent, customer").channel_speakers == ["agent", "customer"]

    def test_channel_speakers_ignore_blank_parts(self) -> None:
        assert local(CHANNEL_SPEAKERS=" left ,, right , ").channel_speakers == ["left", "right"]

    def test_channel_speakers_from_the_environment(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("CHANNEL_SPEAKERS", "caller,callee,supervisor")
        assert local_with_environment().channel_speakers == ["caller", "callee", "supervisor"]

    def test_channel_speakers_of_only_commas_are_refused(self) -> None:
        with pytest.raises(ValidationError, match="CHANNEL_SPEAKERS needs at least one name"):
            local(CHANNEL_SPEAKERS=" , ,")

    def test_empty_channel_speakers_mean_the_default(self) -> None:
        assert local(CHANNEL_SPEAKERS="").channel_speakers == ["agent", "customer"]

    def test_empty_whisper_model_dir_means_unset(self) -> None:
        assert local(WHISPER_MODEL_DIR="").whisper_model_dir is None

    def test_empty_environment_value_means_unset(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("WHISPER_MODEL_DIR", "")
        monkeypatch.setenv("TRANSCRIPTION_ENGINE", "")
        monkeypatch.setenv("MAX_UPLOAD_BYTES", "  ")
        settings = local_with_environment()
        assert settings.whisper_model_dir is None
        assert settings.transcription_engine is TranscriptionEngineName.WHISPER
        assert settings.max_upload_bytes == 500 * 1024 * 1024

    def test_whisper_model_dir_is_a_path(self) -> None:
        assert local(WHISPER_MODEL_DIR="models/whisper").whisper_model_dir == Path("models/whisper")

    @pytest.mark.parametrize(("raw", "expected"), [("true", True), ("1", True), ("false", False), ("0", False)])
    def test_booleans(self, raw: str, expected: bool) -> None:
        assert local(WEBHOOK_ALLOW_LOOPBACK=raw).webhook_allow_loopback is expected

    def test_field_names_are_accepted_too(self) -> None:
        settings = build(
            storage_connection_string=AZURITE, auth_mode="local", auth_dev_secret=SECRET, max_upload_bytes=10
        )
        assert settings.max_upload_bytes == 10


class TestBlobTriggerSource:
    def test_default_scans_logs_and_container(self) -> None:
        assert blob_trigger_source_from_environment() == "LogsAndContainerScan"

    def test_event_grid(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("BLOB_TRIGGER_SOURCE", "EventGrid")
        assert blob_trigger_source_from_environment() == "EventGrid"

    def test_empty_value_means_the_default(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("BLOB_TRIGGER_SOURCE", "")
        assert blob_trigger_source_from_environment() == "LogsAndContainerScan"

    def test_unknown_value_is_refused(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("BLOB_TRIGGER_SOURCE", "eventgrid-typo")
        with pytest.raises(ValueError, match="eventgrid-typo"):
            blob_trigger_source_from_environment()

    def test_matches_the_settings_field(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("BLOB_TRIGGER_SOURCE", "EventGrid")
        assert local_with_environment().blob_trigger_source.value == blob_trigger_source_from_environment()
