"""The Azure AI Speech engine against a local fake of the service, over real HTTP on the loopback."""

from __future__ import annotations

import dataclasses
import inspect
import json
import logging
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile

from shared.ai.errors import EngineError
from shared.ai.transcription.azure_speech import AzureSpeechEngine
from shared.ai.transcription.base import AudioInput
from tests.fakes.azure_speech import (
    DELETE_JOB,
    DOWNLOAD_RESULT,
    GET_JOB,
    LIST_JOBS,
    SUBMIT,
    TRANSCRIBE,
    FakeAzureSpeech,
    ScriptedPhrase,
)
from tests.fakes.credentials import RecordingCredential

pytestmark = pytest.mark.integration

# A short call: the agent on channel 0, the customer on channel 1. Diarization numbers voices arbitrarily,
# so the agent is voice 2 here: mono labels must follow order of appearance, not the service's numbers.
CALL = [
    ScriptedPhrase("Thank you for calling Contoso.", start_ms=500, channel=0, speaker=2, confidence=0.93),
    ScriptedPhrase("Hi, I was charged twice.", start_ms=2500, channel=1, speaker=1, confidence=0.88),
    ScriptedPhrase("Let me check that for you.", start_ms=4200, channel=0, speaker=2, confidence=0.91),
    ScriptedPhrase("Thanks.", start_ms=6000, channel=1, speaker=1, confidence=0.97),
]


def write_wav(path: Path, *, seconds: float, channels: int, rate: int = 8000) -> Path:
    samples = int(seconds * rate)
    tone = (0.1 * np.sin(np.arange(samples) * 2 * np.pi * 440 / rate)).astype(np.float32)
    soundfile.write(path, np.column_stack([tone] * channels) if channels > 1 else tone, rate, subtype="PCM_16")
    return path


def write_m4a(path: Path, *, seconds: float, rate: int = 16000) -> Path:
    """Stereo AAC in an MP4 container (what phones record), which libsndfile cannot read."""
    import av  # comes with faster-whisper

    tone = (0.1 * np.sin(np.arange(int(seconds * rate)) * 2 * np.pi * 440 / rate)).astype(np.float32)
    with av.open(str(path), "w", format="mp4") as container:
        stream = container.add_stream("aac", rate=rate, layout="stereo")
        for start in range(0, tone.size, 1024):
            chunk = tone[start : start + 1024]
            frame = av.AudioFrame.from_ndarray(np.stack([chunk, chunk]), format="fltp", layout="stereo")
            frame.sample_rate = rate
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


@pytest.fixture
def fake() -> Iterator[FakeAzureSpeech]:
    with FakeAzureSpeech(CALL) as server:
        yield server


@pytest.fixture
def make_engine(fake: FakeAzureSpeech) -> Iterator[Callable[..., AzureSpeechEngine]]:
    engines: list[AzureSpeechEngine] = []

    def make(**overrides: Any) -> AzureSpeechEngine:
        options: dict[str, Any] = {
            "api_key": fake.api_key,
            "timeout": 5.0,
            "max_retries": 3,
            "backoff_base_s": 0.01,
            "poll_interval_s": 0.01,
            "batch_timeout_s": 5.0,
        } | overrides
        engine = AzureSpeechEngine(options.pop("endpoint", fake.endpoint), **options)
        engines.append(engine)
        return engine

    yield make
    for engine in engines:
        engine.close()


@pytest.fixture
def stereo_call(tmp_path: Path) -> AudioInput:
    path = write_wav(tmp_path / "call.wav", seconds=8, channels=2)
    return AudioInput(audio_file_id="af-stereo", path=path, content_type="audio/wav", channels=2)


@pytest.fixture
def mono_call(tmp_path: Path) -> AudioInput:
    path = write_wav(tmp_path / "mono.wav", seconds=8, channels=1)
    return AudioInput(audio_file_id="af-mono", path=path, content_type="audio/wav", channels=1)


def batch_audio(fake: FakeAzureSpeech, call: AudioInput, audio_file_id: str, run_id: str | None = None) -> AudioInput:
    """``call`` as the pipeline hands it over: with a read-only URL of its blob, for batch transcription."""
    source_url = fake.blob_url(call.path.name, call.path.read_bytes())
    return dataclasses.replace(call, audio_file_id=audio_file_id, source_url=source_url, run_id=run_id)


def assert_nothing_secret_logged(caplog: pytest.LogCaptureFixture, *secrets: str) -> None:
    logged = caplog.text
    for phrase in CALL:
        assert phrase.text not in logged
    for secret in secrets:
        assert secret not in logged
    assert "sig=" not in logged


# --- Fast transcription


def test_stereo_call_is_transcribed_per_channel_with_a_name_per_channel(
    fake: FakeAzureSpeech,
    make_engine: Callable[..., AzureSpeechEngine],
    stereo_call: AudioInput,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)

    transcript = make_engine().transcribe(stereo_call)

    (request,) = fake.calls(TRANSCRIBE)
    assert request.definition == {"locales": ["en-US"], "profanityFilterMode": "Masked", "channels": [0, 1]}
    assert request.audio == stereo_call.path.read_bytes()
    assert request.audio_content_type == "audio/wav"
    assert request.headers["ocp-apim-subscription-key"] == fake.api_key
    # The service lists channel 0 first, then channel 1: the transcript interleaves them by time.
    assert [(s.index, s.speaker, s.channel, s.start_ms) for s in transcript.segments] == [
        (0, "agent", 0, 500),
        (1, "customer", 1, 2500),
        (2, "agent", 0, 4200),
        (3, "customer", 1, 6000),
    ]
    first = transcript.segments[0]
    assert (first.text, first.end_ms, first.confidence) == (
        "Thank you for calling Contoso.",
        500 + 5 * 250,
        0.93,
    )
    assert [(w.text, w.start_ms, w.end_ms) for w in first.words][:2] == [
        ("Thank", 500, 750),
        ("you", 750, 1000),
    ]
    assert transcript.speakers == ["agent", "customer"]
    assert transcript.text.splitlines() == [
        "agent: Thank you for calling Contoso.",
        "customer: Hi, I was charged twice.",
        "agent: Let me check that for you.",
        "customer: Thanks.",
    ]
    assert (transcript.language, transcript.duration_ms) == ("en-US", 8000)
    assert transcript.engine.model_dump() == {
        "name": "azure-speech",
        "model": "fast-transcription",
        "version": "2024-11-15",
    }
    assert transcript.created_at.endswith("Z")
    assert_nothing_secret_logged(caplog, fake.api_key or "")


def test_mono_call_is_diarized_and_voices_are_numbered_by_first_appearance(
    fake: FakeAzureSpeech, make_engine: Callable[..., AzureSpeechEngine], mono_call: AudioInput
) -> None:
    transcript = make_engine().transcribe(mono_call)

    (request,) = fake.calls(TRANSCRIBE)
    assert request.definition is not None
    assert request.definition["diarization"] == {"enabled": True, "maxSpeakers": 2}
    assert "channels" not in request.definition
    assert [s.speaker for s in transcript.segments] == ["speaker 1", "speaker 2", "speaker 1", "speaker 2"]
    assert transcript.speakers == ["speaker 1", "speaker 2"]
    assert [s.start_ms for s in transcript.segments] == [500, 2500, 4200, 6000]


def test_diarized_voices_can_be_named_in_order_of_appearance_when_asked(
    make_engine: Callable[..., AzureSpeechEngine], mono_call: AudioInput
) -> None:
    transcript = make_engine(name_diarized_speakers=True).transcribe(mono_call)

    assert [s.speaker for s in transcript.segments] == ["agent", "customer", "agent", "customer"]


def test_channel_count_is_read_from_the_file_when_unknown(
    fake: FakeAzureSpeech, make_engine: Callable[..., AzureSpeechEngine], stereo_call: AudioInput
) -> None:
    unknown_channels = AudioInput(audio_file_id="af-1", path=stereo_call.path, content_type="audio/wav")

    transcript = make_engine(speakers=("rep", "caller")).transcribe(unknown_channels)

    (request,) = fake.calls(TRANSCRIBE)
    assert request.definition is not None and request.definition["channels"] == [0, 1]
    assert transcript.speakers == ["rep", "caller"]


def test_a_bearer_token_for_the_cognitive_services_scope_is_sent_with_a_credential(
    fake: FakeAzureSpeech, make_engine: Callable[..., AzureSpeechEngine], stereo_call: AudioInput
) -> None:
    fake.api_key, fake.bearer_token = None, "entra-token"
    credential = RecordingCredential("entra-token")

    transcript = make_engine(api_key=None, credential=credential).transcribe(stereo_call)

    assert len(transcript.segments) == 4
    assert credential.scopes == [("https://cognitiveservices.azure.com/.default",)]
    (request,) = fake.calls(TRANSCRIBE)
    assert request.headers["authorization"] == "Bearer entra-token"
    assert "ocp-apim-subscription-key" not in request.headers


# --- Retries and errors


def test_throttling_is_retried_after_the_wait_the_service_asks_for(
    fake: FakeAzureSpeech, make_engine: Callable[..., AzureSpeechEngine], stereo_call: AudioInput
) -> None:
    fake.fail(429, retry_after="1")
    started = time.monotonic()

    transcript = make_engine().transcribe(stereo_call)

    assert time.monotonic() - started >= 1.0
    assert len(fake.calls(TRANSCRIBE)) == 2
    assert len(transcript.segments) == 4
    # The retry uploads the whole recording again, from its first byte.
    assert fake.calls(TRANSCRIBE)[-1].audio == stereo_call.path.read_bytes()


def test_server_errors_are_retried_until_the_service_recovers(
    fake: FakeAzureSpeech, make_engine: Callable[..., AzureSpeechEngine], stereo_call: AudioInput
) -> None:
    fake.fail(500, times=1)
    fake.fail(503, times=1)

    transcript = make_engine().transcribe(stereo_call)

    assert len(fake.calls(TRANSCRIBE)) == 3
    assert len(transcript.segments) == 4


def test_audio_the_service_cannot_decode_is_rejected_without_retrying(
    fake: FakeAzureSpeech, make_engine: Callable[..., AzureSpeechEngine], tmp_path: Path
) -> None:
    garbage = tmp_path / "not-audio.wav"
    garbage.write_bytes(b"this is not a recording" * 100)

    with pytest.raises(EngineError) as caught:
        make_engine().transcribe(AudioInput(audio_file_id="af-bad", path=garbage, channels=1))

    assert (caught.value.code, caught.value.retryable) == ("transcription_rejected", False)
    assert "HTTP 400" in caught.value.message
    assert len(fake.calls(TRANSCRIBE)) == 1


def test_a_wrong_key_is_an_auth_failure_that_does_not_reveal_the_key(
    fake: FakeAzureSpeech, make_engine: Callable[..., AzureSpeechEngine], stereo_call: AudioInput
) -> None:
    with pytest.raises(EngineError) as caught:
        make_engine(api_key="wrong-key-123").transcribe(stereo_call)

    assert (caught.value.code, caught.value.retryable) == ("transcription_auth_failed", False)
    assert "wrong-key-123" not in caught.value.message
    assert len(fake.calls(TRANSCRIBE)) == 1


def test_a_slow_answer_times_out_and_is_retryable(
    fake: FakeAzureSpeech, make_engine: Callable[..., AzureSpeechEngine], stereo_call: AudioInput
) -> None:
    fake.transcribe_delay_s = 3.0

    with pytest.raises(EngineError) as caught:
        make_engine(timeout=0.3, max_retries=1).transcribe(stereo_call)

    assert (caught.value.code, caught.value.retryable) == ("transcription_unavailable", True)
    assert "Timeout" in caught.value.message
    assert len(fake.calls(TRANSCRIBE)) == 2


# --- Batch transcription


def test_a_recording_too_large_for_fast_transcription_goes_through_batch(
    fake: FakeAzureSpeech,
    make_engine: Callable[..., AzureSpeechEngine],
    stereo_call: AudioInput,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    audio = batch_audio(fake, stereo_call, "af-big")

    transcript = make_engine(fast_max_bytes=1000).transcribe(audio)

    assert fake.calls(TRANSCRIBE) == []
    (submit,) = fake.calls(SUBMIT)
    assert submit.json_body["contentUrls"] == [audio.source_url]
    assert submit.json_body["locale"] == "en-US"
    assert submit.json_body["properties"]["channels"] == [0, 1]
    assert submit.json_body["properties"]["wordLevelTimestampsEnabled"] is True
    assert "diarization" not in submit.json_body["properties"]
    # NotStarted, Running, then Succeeded: the engine polled until the job finished.
    assert len(fake.calls(GET_JOB)) == 3
    (download,) = fake.calls(DOWNLOAD_RESULT)
    assert "ocp-apim-subscription-key" not in download.headers and "authorization" not in download.headers
    assert len(fake.calls(DELETE_JOB)) == 1
    assert all(job.deleted for job in fake.jobs.values())

    assert transcript.engine.model == "batch-transcription"
    assert [(s.index, s.speaker, s.channel, s.start_ms, s.end_ms) for s in transcript.segments] == [
        (0, "agent", 0, 500, 1750),
        (1, "customer", 1, 2500, 3750),
        (2, "agent", 0, 4200, 5700),
        (3, "customer", 1, 6000, 6250),
    ]
    assert transcript.segments[1].text == "Hi, I was charged twice."
    assert transcript.segments[1].confidence == 0.88
    # Display words, so word texts read like the segment text.
    assert [(w.text, w.start_ms, w.end_ms) for w in transcript.segments[1].words][:2] == [
        ("Hi,", 2500, 2750),
        ("I", 2750, 3000),
    ]
    assert (transcript.duration_ms, transcript.language) == (8000, "en-US")
    assert_nothing_secret_logged(caplog, fake.api_key or "")


def test_a_recording_too_long_for_fast_transcription_goes_through_batch_with_diarization(
    fake: FakeAzureSpeech, make_engine: Callable[..., AzureSpeechEngine], mono_call: AudioInput
) -> None:
    audio = batch_audio(fake, mono_call, "af-long")

    transcript = make_engine(fast_max_duration_s=5.0).transcribe(audio)

    (submit,) = fake.calls(SUBMIT)
    assert submit.json_body["properties"]["diarization"] == {"enabled": True, "maxSpeakers": 2}
    assert submit.json_body["properties"]["channels"] == [0]
    assert [s.speaker for s in transcript.segments] == ["speaker 1", "speaker 2", "speaker 1", "speaker 2"]
    assert transcript.engine.model == "batch-transcription"


def test_an_m4a_recording_too_long_for_fast_transcription_goes_through_batch(
    fake: FakeAzureSpeech, make_engine: Callable[..., AzureSpeechEngine], tmp_path: Path
) -> None:
    # Neither channels nor duration given: both are probed from the file, which libsndfile cannot read.
    m4a = AudioInput(audio_file_id="af-m4a", path=write_m4a(tmp_path / "call.m4a", seconds=8), content_type="audio/mp4")

    transcript = make_engine(fast_max_duration_s=5.0).transcribe(batch_audio(fake, m4a, "af-m4a"))

    assert fake.calls(TRANSCRIBE) == []
    (submit,) = fake.calls(SUBMIT)
    assert submit.json_body["properties"]["channels"] == [0, 1]
    assert transcript.engine.model == "batch-transcription"


def test_the_stored_duration_decides_without_probing_the_file(
    fake: FakeAzureSpeech, make_engine: Callable[..., AzureSpeechEngine], stereo_call: AudioInput
) -> None:
    three_hours = dataclasses.replace(stereo_call, duration_ms=3 * 60 * 60 * 1000)

    transcript = make_engine().transcribe(batch_audio(fake, three_hours, "af-3h"))

    assert fake.calls(TRANSCRIBE) == []
    assert len(fake.calls(SUBMIT)) == 1
    assert transcript.engine.model == "batch-transcription"


def test_a_failed_batch_job_is_final_and_its_message_carries_no_urls(
    fake: FakeAzureSpeech, make_engine: Callable[..., AzureSpeechEngine], stereo_call: AudioInput
) -> None:
    # A source the fake cannot read: the job fails and names the URL, SAS included, in its error message.
    missing = fake.blob_url("other.wav", b"").replace("other.wav", "missing.wav")
    audio = AudioInput(audio_file_id="af-x", path=stereo_call.path, channels=2, source_url=missing)

    with pytest.raises(EngineError) as caught:
        make_engine(fast_max_bytes=1000).transcribe(audio)

    assert (caught.value.code, caught.value.retryable) == ("transcription_failed", False)
    assert "InvalidData" in caught.value.message
    assert "sig=" not in caught.value.message and "127.0.0.1" not in caught.value.message
    assert all(job.deleted for job in fake.jobs.values())


def test_a_scripted_batch_failure_code_reaches_the_error(
    fake: FakeAzureSpeech, make_engine: Callable[..., AzureSpeechEngine], stereo_call: AudioInput
) -> None:
    fake.fail_batch_jobs(code="InvalidAudioFormat", message="The audio format is not supported.")
    audio = batch_audio(fake, stereo_call, "af-y")

    with pytest.raises(EngineError) as caught:
        make_engine(fast_max_bytes=1000).transcribe(audio)

    assert caught.value.code == "transcription_failed"
    assert caught.value.message == "Batch transcription failed (InvalidAudioFormat): The audio format is not supported."


def test_a_batch_job_that_does_not_finish_in_time_is_retryable_and_deleted(
    fake: FakeAzureSpeech, make_engine: Callable[..., AzureSpeechEngine], stereo_call: AudioInput
) -> None:
    fake.polls_running = 1_000_000
    audio = batch_audio(fake, stereo_call, "af-z")

    with pytest.raises(EngineError) as caught:
        make_engine(fast_max_bytes=1000, batch_timeout_s=0.3).transcribe(audio)

    assert (caught.value.code, caught.value.retryable) == ("transcription_timeout", True)
    assert len(fake.calls(GET_JOB)) >= 2
    assert [job.deleted for job in fake.jobs.values()] == [True]


def test_a_batch_job_still_running_is_kept_and_the_retried_stage_resumes_it(
    fake: FakeAzureSpeech, make_engine: Callable[..., AzureSpeechEngine], stereo_call: AudioInput
) -> None:
    fake.polls_running = 1_000_000
    audio = batch_audio(fake, stereo_call, "af-long", run_id="r1")

    with pytest.raises(EngineError) as caught:
        make_engine(fast_max_bytes=1000, batch_timeout_s=0.3).transcribe(audio)
    assert (caught.value.code, caught.value.retryable) == ("transcription_timeout", True)
    assert [job.deleted for job in fake.jobs.values()] == [False]

    fake.polls_running = 0  # the job finishes while the message waits for its retry
    transcript = make_engine(fast_max_bytes=1000).transcribe(audio)  # the retry, in a new process

    assert len(transcript.segments) == 4
    assert len(fake.calls(SUBMIT)) == 1  # resumed, not submitted again
    lookups = fake.calls(LIST_JOBS)
    assert [request.query["filter"] for request in lookups] == ["displayName eq 'audio file af-long run r1'"] * 2
    assert [job.deleted for job in fake.jobs.values()] == [True]


def test_another_run_of_the_same_file_submits_its_own_job(
    fake: FakeAzureSpeech, make_engine: Callable[..., AzureSpeechEngine], stereo_call: AudioInput
) -> None:
    fake.polls_running = 1_000_000
    first = batch_audio(fake, stereo_call, "af-rerun", run_id="r1")
    with pytest.raises(EngineError):
        make_engine(fast_max_bytes=1000, batch_timeout_s=0.2).transcribe(first)
    fake.polls_running = 0
    forced = dataclasses.replace(first, run_id="r2")
    make_engine(fast_max_bytes=1000).transcribe(forced)
    assert len(fake.calls(SUBMIT)) == 2


def test_a_result_download_that_fails_is_read_again_by_the_retry(
    fake: FakeAzureSpeech, make_engine: Callable[..., AzureSpeechEngine], stereo_call: AudioInput
) -> None:
    fake.fail(503, operation=DOWNLOAD_RESULT, times=2)
    audio = batch_audio(fake, stereo_call, "af-dl", run_id="r1")

    with pytest.raises(EngineError) as caught:
        make_engine(fast_max_bytes=1000, max_retries=1).transcribe(audio)
    assert (caught.value.code, caught.value.retryable) == ("transcription_unavailable", True)
    assert [job.deleted for job in fake.jobs.values()] == [False]  # the result is still there to read

    transcript = make_engine(fast_max_bytes=1000).transcribe(audio)
    assert len(transcript.segments) == 4
    assert len(fake.calls(SUBMIT)) == 1
    assert [job.deleted for job in fake.jobs.values()] == [True]


def test_the_default_batch_wait_fits_in_the_function_timeout() -> None:
    host = json.loads((Path(__file__).resolve().parents[4] / "host.json").read_text(encoding="utf-8"))
    hours, minutes, seconds = (int(part) for part in host["functionTimeout"].split(":"))
    function_timeout_s = hours * 3600 + minutes * 60 + seconds
    batch_wait_s = inspect.signature(AzureSpeechEngine).parameters["batch_timeout_s"].default
    # Room for the submit, the result download and the stage's own work after the last poll.
    assert batch_wait_s <= 0.75 * function_timeout_s


def test_batch_calls_are_retried_like_fast_ones(
    fake: FakeAzureSpeech, make_engine: Callable[..., AzureSpeechEngine], stereo_call: AudioInput
) -> None:
    fake.fail(429, operation=SUBMIT, retry_after="0")
    fake.fail(500, operation=GET_JOB)
    audio = batch_audio(fake, stereo_call, "af-r")

    transcript = make_engine(fast_max_bytes=1000).transcribe(audio)

    assert len(transcript.segments) == 4
    assert len(fake.calls(SUBMIT)) == 2
    assert len(fake.jobs) == 1  # the throttled submit created no job


def test_a_recording_too_large_without_a_source_url_is_rejected_before_any_call(
    fake: FakeAzureSpeech, make_engine: Callable[..., AzureSpeechEngine], stereo_call: AudioInput
) -> None:
    with pytest.raises(EngineError) as caught:
        make_engine(fast_max_bytes=1000).transcribe(stereo_call)

    assert (caught.value.code, caught.value.retryable) == ("transcription_rejected", False)
    assert fake.requests == []


# --- The fake refuses what the service refuses, so the tests above can fail


def test_the_fake_refuses_malformed_requests(fake: FakeAzureSpeech, stereo_call: AudioInput) -> None:
    import httpx

    key = {"Ocp-Apim-Subscription-Key": fake.api_key or ""}
    transcribe = f"{fake.endpoint}/speechtotext/transcriptions:transcribe"
    audio = {"audio": ("call.wav", stereo_call.path.read_bytes(), "audio/wav")}
    with httpx.Client() as client:
        no_version = client.post(transcribe, headers=key, files=audio)
        no_audio = client.post(
            transcribe, params={"api-version": "2024-11-15"}, headers=key, files={"definition": (None, "{}")}
        )
        both = client.post(
            transcribe,
            params={"api-version": "2024-11-15"},
            headers=key,
            files=audio,
            data={"definition": '{"channels": [0, 1], "diarization": {"enabled": true, "maxSpeakers": 2}}'},
        )
        typo = client.post(
            transcribe,
            params={"api-version": "2024-11-15"},
            headers=key,
            files=audio,
            data={"definition": '{"locale": ["en-US"]}'},
        )
        no_ttl = client.post(
            f"{fake.endpoint}/speechtotext/transcriptions:submit",
            params={"api-version": "2024-11-15"},
            headers=key,
            json={"contentUrls": ["https://example.invalid/a.wav"], "locale": "en-US", "displayName": "x"},
        )
    assert [r.status_code for r in (no_version, no_audio, both, typo, no_ttl)] == [400, 400, 400, 400, 400]
