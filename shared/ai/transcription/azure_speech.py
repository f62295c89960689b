"""Azure AI Speech transcription engine: fast transcription, and batch transcription for long recordings.

Fast transcription uploads the recording and answers synchronously:
https://learn.microsoft.com/azure/ai-services/speech-service/fast-transcription-create
Batch transcription reads the recording from a read-only SAS URL and is polled until it finishes:
https://learn.microsoft.com/azure/ai-services/speech-service/batch-transcription-create
https://learn.microsoft.com/azure/ai-services/speech-service/batch-transcription-get
Both use the speech to text REST API, version 2024-11-15:
https://learn.microsoft.com/rest/api/speechtotext/operation-groups?view=rest-speechtotext-2024-11-15

Speaker names: a stereo call recording has the agent on one channel and the customer on the other, so channels
are transcribed separately and each channel gets its configured name. Mono audio is diarized instead, and the
service numbers voices "without particular order", so by default they are labelled "speaker 1", "speaker 2" in
order of first appearance rather than guessed to be the agent or the customer (``name_diarized_speakers``
opts in to that guess: first voice heard gets the first name).
"""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from ipaddress import ip_address
from types import TracebackType
from typing import Any, Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from azure.core.credentials import TokenCredential
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from shared.ai import utc_now_iso
from shared.ai.audio import AudioError, probe_audio
from shared.ai.errors import EngineError
from shared.ai.service_client import AUTH_SCOPE, ServiceClient, failure_message
from shared.ai.transcription.base import AudioInput
from shared.models.transcript import UNATTRIBUTED_SPEAKER, EngineInfo, Segment, Transcript, Word, numbered_speaker
from shared.retry_after import retry_after_seconds

logger = logging.getLogger(__name__)

ENGINE_NAME = "azure-speech"
API_VERSION = "2024-11-15"
FAST_MODEL = "fast-transcription"
BATCH_MODEL = "batch-transcription"

# Fast transcription takes audio "less than 2 hours long and less than 300 MB in size" (2024-11-15 docs).
DEFAULT_FAST_MAX_BYTES = 300 * 1000 * 1000
DEFAULT_FAST_MAX_DURATION_S = 2 * 60 * 60.0
# Batch results count time in ticks of 100 ns.
TICKS_PER_MS = 10_000
# Jobs are deleted as soon as their result is read; the time to live bounds how long a job nobody comes back
# for (its run failed or was replaced while it ran) keeps a transcript on the service. 6 hours is the shortest
# accepted, and longer than a run's retries can take to resume it.
BATCH_TIME_TO_LIVE_HOURS = 6

ProfanityFilterMode = Literal["None", "Masked", "Removed", "Tags"]


# --- Wire shapes of the service's answers (only the fields we read)


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class _FastWord(_Wire):
    text: str
    offset_ms: int = Field(alias="offsetMilliseconds")
    duration_ms: int = Field(alias="durationMilliseconds")


class _FastPhrase(_Wire):
    channel: int | None = None
    speaker: int | None = None
    offset_ms: int = Field(alias="offsetMilliseconds")
    duration_ms: int = Field(alias="durationMilliseconds")
    text: str
    words: list[_FastWord] = Field(default_factory=list)
    locale: str | None = None
    confidence: float | None = None


class _FastResult(_Wire):
    duration_ms: int = Field(alias="durationMilliseconds")
    phrases: list[_FastPhrase]


class _BatchWord(_Wire):
    word: str
    offset_ticks: float = Field(alias="offsetInTicks")
    duration_ticks: float = Field(alias="durationInTicks")
    confidence: float | None = None


class _BatchDisplayWord(_Wire):
    display_text: str = Field(alias="displayText")
    offset_ticks: float = Field(alias="offsetInTicks")
    duration_ticks: float = Field(alias="durationInTicks")


class _BatchAlternative(_Wire):
    confidence: float | None = None
    display: str = ""
    words: list[_BatchWord] = Field(default_factory=list)
    display_words: list[_BatchDisplayWord] = Field(default_factory=list, alias="displayWords")


class _BatchPhrase(_Wire):
    recognition_status: str = Field(default="Success", alias="recognitionStatus")
    channel: int | None = None
    speaker: int | None = None
    offset_ticks: float = Field(alias="offsetInTicks")
    duration_ticks: float = Field(alias="durationInTicks")
    locale: str | None = None
    n_best: list[_BatchAlternative] = Field(default_factory=list, alias="nBest")


class _BatchResult(_Wire):
    duration_ms: int | None = Field(default=None, alias="durationMilliseconds")
    duration_ticks: float | None = Field(default=None, alias="durationInTicks")
    recognized_phrases: list[_BatchPhrase] = Field(default_factory=list, alias="recognizedPhrases")


class _EntityError(_Wire):
    code: str | None = None
    message: str | None = None


class _JobLinks(_Wire):
    files: str | None = None


class _JobProperties(_Wire):
    error: _EntityError | None = None


class _BatchJob(_Wire):
    self_url: str = Field(alias="self")
    status: str
    display_name: str | None = Field(default=None, alias="displayName")
    links: _JobLinks = Field(default_factory=_JobLinks)
    properties: _JobProperties = Field(default_factory=_JobProperties)


class _BatchJobList(_Wire):
    values: list[_BatchJob] = Field(default_factory=list)


class _FileLinks(_Wire):
    content_url: str | None = Field(default=None, alias="contentUrl")


class _ResultFile(_Wire):
    kind: str
    links: _FileLinks = Field(default_factory=_FileLinks)


class _FileList(_Wire):
    values: list[_ResultFile] = Field(default_factory=list)
    next_link: str | None = Field(default=None, alias="@nextLink")


# --- What both APIs boil down to


@dataclass
class _Phrase:
    channel: int | None
    speaker_id: int | None
    start_ms: int
    end_ms: int
    text: str
    confidence: float | None
    locale: str | None
    words: list[Word] = field(default_factory=list)


@dataclass(frozen=True)
class _Plan:
    """How one recording is transcribed: separate channels (stereo) or one diarized channel (mono)."""

    stereo: bool
    use_batch: bool


class AzureSpeechEngine:
    """Transcribes recordings with Azure AI Speech. One instance holds one HTTP client: reuse it, close it.

    Recordings smaller than ``fast_max_bytes`` and shorter than ``fast_max_duration_s`` go to fast
    transcription; larger ones go to batch transcription, which needs ``AudioInput.source_url``. Throttling
    (429), server errors (5xx) and connection failures are retried up to ``max_retries`` times with
    exponential backoff that honours ``Retry-After``; a wait longer than ``max_retry_wait_s`` is left to the
    caller through ``EngineError.retry_after_s``.
    """

    name = ENGINE_NAME

    def __init__(
        self,
        endpoint: str,
        *,
        locale: str = "en-US",
        credential: TokenCredential | None = None,
        api_key: str | None = None,
        speakers: Sequence[str] = ("agent", "customer"),
        name_diarized_speakers: bool = False,
        profanity_filter_mode: ProfanityFilterMode = "Masked",
        fast_max_bytes: int = DEFAULT_FAST_MAX_BYTES,
        fast_max_duration_s: float = DEFAULT_FAST_MAX_DURATION_S,
        timeout: float = 300.0,
        max_retries: int = 4,
        backoff_base_s: float = 1.0,
        max_retry_wait_s: float = 60.0,
        poll_interval_s: float = 10.0,
        # Within host.json's functionTimeout (30 min): a job still running then is left for the queue's retry,
        # which finds it by its name and waits on.
        batch_timeout_s: float = 20 * 60.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not speakers:
            raise ValueError("AzureSpeechEngine needs at least one speaker name.")
        if max_retries < 0 or fast_max_bytes <= 0 or fast_max_duration_s <= 0:
            raise ValueError("max_retries must be >= 0 and the fast transcription limits > 0.")
        self._endpoint = _checked_endpoint(endpoint)
        self._locale = locale
        self._speakers = tuple(speakers)
        self._name_diarized_speakers = name_diarized_speakers
        self._profanity_filter_mode = profanity_filter_mode
        self._fast_max_bytes = fast_max_bytes
        self._fast_max_duration_s = fast_max_duration_s
        self._poll_interval_s = poll_interval_s
        self._batch_timeout_s = batch_timeout_s
        self._service = ServiceClient(
            service="Azure AI Speech",
            error_prefix="transcription",
            key_header="Ocp-Apim-Subscription-Key",
            credential=credential,
            api_key=api_key,
            timeout=timeout,
            max_retries=max_retries,
            max_retry_wait_s=max_retry_wait_s,
            backoff_base_s=backoff_base_s,
            sleep=sleep,
        )

    # --- Lifecycle

    def close(self) -> None:
        self._service.close()

    def __enter__(self) -> AzureSpeechEngine:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # --- TranscriptionEngine

    def transcribe(self, audio: AudioInput) -> Transcript:
        plan = self._plan(audio)
        try:
            if plan.use_batch:
                phrases, duration_ms = self._transcribe_batch(audio, plan)
                model = BATCH_MODEL
            else:
                phrases, duration_ms = self._transcribe_fast(audio, plan)
                model = FAST_MODEL
        except (ValidationError, ValueError) as exc:
            # A 2xx answer we cannot read: the API changed shape, so retrying the same call will not help.
            logger.error(
                "Azure AI Speech answered %s in an unexpected shape: %s", audio.audio_file_id, type(exc).__name__
            )
            raise EngineError(
                "transcription_failed", "Azure AI Speech answered in an unexpected shape.", retryable=False
            ) from exc
        transcript = self._to_transcript(audio, plan, phrases, duration_ms, model)
        logger.info(
            "Azure AI Speech (%s) transcribed %s: %d segments, %d ms",
            model,
            audio.audio_file_id,
            len(transcript.segments),
            transcript.duration_ms,
        )
        return transcript

    def _plan(self, audio: AudioInput) -> _Plan:
        size = audio.path.stat().st_size
        channels, duration_ms = audio.channels, audio.duration_ms
        if channels is None or duration_ms is None:
            try:
                facts = probe_audio(audio.path)
            except AudioError:  # not audio we can read: the service decides (and says why it refuses)
                pass
            else:
                channels, duration_ms = channels or facts.channels, duration_ms or facts.duration_ms
        channels = channels or 1
        duration_s = None if duration_ms is None else duration_ms / 1000
        if channels > 2:
            # Fast transcription separates at most two channels; the first two hold the call's two parties.
            logger.warning("%s has %d channels; transcribing channels 0 and 1", audio.audio_file_id, channels)
        too_large = size >= self._fast_max_bytes or (duration_s is not None and duration_s >= self._fast_max_duration_s)
        if too_large and not audio.source_url:
            raise EngineError(
                "transcription_rejected",
                "The recording is too large or too long for fast transcription, and batch transcription "
                "needs a source URL for it.",
                retryable=False,
            )
        logger.info(
            "Azure AI Speech plan for %s: %d bytes, %s s, %d channel(s), %s",
            audio.audio_file_id,
            size,
            "unknown" if duration_s is None else f"{duration_s:.0f}",
            channels,
            BATCH_MODEL if too_large else FAST_MODEL,
        )
        return _Plan(stereo=channels >= 2, use_batch=too_large)

    # --- Fast transcription

    def _transcribe_fast(self, audio: AudioInput, plan: _Plan) -> tuple[list[_Phrase], int]:
        definition: dict[str, Any] = {
            "locales": [self._locale],
            "profanityFilterMode": self._profanity_filter_mode,
        }
        if plan.stereo:
            definition["channels"] = [0, 1]
        else:
            # The service cannot diarize and separate channels at once; mono audio has one channel anyway.
            definition["diarization"] = {"enabled": True, "maxSpeakers": 2}
        url = self._api_url("/speechtotext/transcriptions:transcribe")
        content_type = audio.content_type or "application/octet-stream"
        with audio.path.open("rb") as audio_file:

            def body() -> dict[str, Any]:
                audio_file.seek(0)  # a retry must upload the whole file (httpx also rewinds seekable files)
                return {
                    "files": {"audio": (audio.path.name, audio_file, content_type)},
                    "data": {"definition": json.dumps(definition)},
                }

            response = self._service.request("POST", url, operation="fast transcription", body=body)
        result = _FastResult.model_validate(response.json())
        phrases = [
            _Phrase(
                channel=phrase.channel,
                speaker_id=phrase.speaker,
                start_ms=phrase.offset_ms,
                end_ms=phrase.offset_ms + phrase.duration_ms,
                text=phrase.text,
                confidence=phrase.confidence,
                locale=phrase.locale,
                words=[
                    Word(text=word.text, start_ms=word.offset_ms, end_ms=word.offset_ms + word.duration_ms)
                    for word in phrase.words
                ],
            )
            for phrase in result.phrases
        ]
        return phrases, result.duration_ms

    # --- Batch transcription

    def _transcribe_batch(self, audio: AudioInput, plan: _Plan) -> tuple[list[_Phrase], int]:
        assert audio.source_url is not None  # _plan refuses batch without it
        properties: dict[str, Any] = {
            "wordLevelTimestampsEnabled": True,
            "displayFormWordLevelTimestampsEnabled": True,
            "punctuationMode": "DictatedAndAutomatic",
            "profanityFilterMode": self._profanity_filter_mode,
            "timeToLiveHours": BATCH_TIME_TO_LIVE_HOURS,
        }
        if plan.stereo:
            properties["channels"] = [0, 1]
        else:
            properties["channels"] = [0]
            properties["diarization"] = {"enabled": True, "maxSpeakers": 2}
        display_name = _batch_job_name(audio)
        job_url = self._find_job(display_name) if audio.run_id else None
        if job_url is None:
            job_request = {
                "contentUrls": [audio.source_url],
                "locale": self._locale,
                "displayName": display_name,
                "properties": properties,
            }
            created = self._service.request(
                "POST",
                self._api_url("/speechtotext/transcriptions:submit"),
                operation="batch submit",
                body=lambda: {"json": job_request},
            )
            job_url = self._on_endpoint(_BatchJob.model_validate(created.json()).self_url)
            logger.info("Azure AI Speech batch job %s created for %s", _without_query(job_url), audio.audio_file_id)
        else:
            logger.info("Azure AI Speech batch job %s resumed for %s", _without_query(job_url), audio.audio_file_id)
        try:
            job = self._wait_for_job(job_url, audio.audio_file_id)
        except EngineError as error:
            # A failed job is over; one still running is kept for the retry to resume, when it can find it.
            if not error.retryable or audio.run_id is None:
                self._delete_job(job_url)
            raise
        content_url = self._result_content_url(job)
        # The content URL is a SAS URL of the service's storage: fetched without our key or token.
        result_response = self._service.request(
            "GET", content_url, operation="batch result download", authenticated=False
        )
        result = _BatchResult.model_validate(result_response.json())
        self._delete_job(job_url)  # only once the result is read: a retry after a failed download finds it again
        return _batch_phrases(result)

    def _find_job(self, display_name: str) -> str | None:
        """The URL of this run's unfinished or succeeded job, if an earlier attempt submitted one."""
        query = urlencode({"api-version": API_VERSION, "filter": f"displayName eq '{display_name}'"})
        response = self._service.request(
            "GET", f"{self._endpoint}/speechtotext/transcriptions?{query}", operation="batch lookup"
        )
        for job in _BatchJobList.model_validate(response.json()).values:
            if job.display_name == display_name and job.status != "Failed":
                return self._on_endpoint(job.self_url)
        return None

    def _wait_for_job(self, job_url: str, audio_file_id: str) -> _BatchJob:
        deadline = time.monotonic() + self._batch_timeout_s
        while True:
            response = self._service.request("GET", job_url, operation="batch status")
            job = _BatchJob.model_validate(response.json())
            if job.status == "Succeeded":
                return job
            if job.status == "Failed":
                error = job.properties.error or _EntityError()
                logger.warning("Azure AI Speech batch job for %s failed: %s", audio_file_id, error.code)
                raise EngineError(
                    "transcription_failed",
                    failure_message("Batch transcription failed", error.code, error.message),
                    retryable=False,
                )
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise EngineError(
                    "transcription_timeout",
                    f"Batch transcription did not finish within {self._batch_timeout_s:.0f} s.",
                    retryable=True,
                    retry_after_s=self._poll_interval_s,
                )
            # The service may ask for a longer pause between polls with Retry-After.
            pause = max(self._poll_interval_s, retry_after_seconds(response.headers) or 0.0)
            logger.debug("Azure AI Speech batch job for %s is %s", audio_file_id, job.status)
            self._service.sleep(min(pause, remaining))

    def _result_content_url(self, job: _BatchJob) -> str:
        files_url = job.links.files or f"{_without_query(job.self_url)}/files"
        page_url: str | None = self._on_endpoint(files_url)
        while page_url is not None:
            page = _FileList.model_validate(self._service.request("GET", page_url, operation="batch files").json())
            for result_file in page.values:
                if result_file.kind == "Transcription" and result_file.links.content_url:
                    return result_file.links.content_url
            page_url = self._on_endpoint(page.next_link) if page.next_link else None
        # The job succeeded but the recording has no result: the per-file report holds why (not read here).
        raise EngineError(
            "transcription_failed",
            "Batch transcription finished without a transcript for the recording.",
            retryable=False,
        )

    def _delete_job(self, job_url: str) -> None:
        """Deletes the job and its result from the service; best effort, the time to live is the fallback."""
        try:
            self._service.request("DELETE", job_url, operation="batch delete", retries=0)
        except EngineError as exc:  # runs in a finally: must not hide the real outcome
            logger.warning("Could not delete Azure AI Speech batch job %s: %s", _without_query(job_url), exc.code)

    # --- HTTP

    def _api_url(self, path: str) -> str:
        return f"{self._endpoint}{path}?{urlencode({'api-version': API_VERSION})}"

    def _on_endpoint(self, url: str) -> str:
        """The same resource on the configured endpoint, so credentials only ever go to that host.

        The service answers with URLs on its regional host, which can differ from a custom-domain endpoint.
        """
        parts = urlsplit(url)
        query = dict(parse_qsl(parts.query))
        query.setdefault("api-version", API_VERSION)
        base = urlsplit(self._endpoint)
        return urlunsplit((base.scheme, base.netloc, parts.path, urlencode(query), ""))

    # --- Mapping to our Transcript

    def _to_transcript(
        self, audio: AudioInput, plan: _Plan, phrases: list[_Phrase], duration_ms: int, model: str
    ) -> Transcript:
        ordered = sorted(
            (phrase for phrase in phrases if phrase.text.strip()),
            key=lambda phrase: (
                phrase.start_ms,
                phrase.end_ms,
                -1 if phrase.channel is None else phrase.channel,
            ),
        )
        labels = self._speaker_labels(ordered, plan)
        segments = [
            Segment(
                index=index,
                speaker=labels[id(phrase)],
                channel=phrase.channel,
                start_ms=phrase.start_ms,
                end_ms=max(phrase.end_ms, phrase.start_ms),
                text=phrase.text.strip(),
                confidence=_unit(phrase.confidence),
                words=phrase.words,
            )
            for index, phrase in enumerate(ordered)
        ]
        if plan.stereo:
            by_channel = sorted({(seg.channel or 0, seg.speaker) for seg in segments})
            speakers = list(dict.fromkeys(speaker for _, speaker in by_channel))
        else:
            speakers = list(dict.fromkeys(seg.speaker for seg in segments))
        locales = Counter(phrase.locale for phrase in ordered if phrase.locale)
        return Transcript(
            audio_file_id=audio.audio_file_id,
            language=locales.most_common(1)[0][0] if locales else self._locale,
            duration_ms=max(duration_ms, max((seg.end_ms for seg in segments), default=0)),
            speakers=speakers,
            segments=segments,
            text="\n".join(f"{seg.speaker}: {seg.text}" for seg in segments),
            engine=EngineInfo(name=ENGINE_NAME, model=model, version=API_VERSION),
            created_at=utc_now_iso(),
        )

    def _speaker_labels(self, ordered: list[_Phrase], plan: _Plan) -> dict[int, str]:
        labels: dict[int, str] = {}
        first_seen: dict[int, int] = {}  # diarized speaker id -> position of first appearance
        for phrase in ordered:
            if plan.stereo and phrase.channel is not None:
                labels[id(phrase)] = self._channel_speaker(phrase.channel)
            elif phrase.speaker_id is not None:
                position = first_seen.setdefault(phrase.speaker_id, len(first_seen))
                labels[id(phrase)] = self._diarized_speaker(position)
            else:
                labels[id(phrase)] = UNATTRIBUTED_SPEAKER
        return labels

    def _channel_speaker(self, channel: int) -> str:
        return self._speakers[channel] if channel < len(self._speakers) else f"channel {channel}"

    def _diarized_speaker(self, position: int) -> str:
        if self._name_diarized_speakers and position < len(self._speakers):
            return self._speakers[position]
        return numbered_speaker(position + 1)


# --- Helpers


def _batch_job_name(audio: AudioInput) -> str:
    # Ids are letters, digits, "_" and "-": nothing to escape in the OData filter that looks the job up.
    return (
        f"audio file {audio.audio_file_id} run {audio.run_id}" if audio.run_id else f"audio file {audio.audio_file_id}"
    )


def _batch_phrases(result: _BatchResult) -> tuple[list[_Phrase], int]:
    phrases: list[_Phrase] = []
    for phrase in result.recognized_phrases:
        if phrase.recognition_status != "Success" or not phrase.n_best:
            continue
        best = phrase.n_best[0]
        start_ms = _ticks_to_ms(phrase.offset_ticks)
        # Display words match the display text; lexical "words" carry a confidence but read differently.
        if best.display_words:
            words = [_tick_word(w.display_text, w.offset_ticks, w.duration_ticks, None) for w in best.display_words]
        else:
            words = [_tick_word(w.word, w.offset_ticks, w.duration_ticks, w.confidence) for w in best.words]
        phrases.append(
            _Phrase(
                channel=phrase.channel,
                speaker_id=phrase.speaker,
                start_ms=start_ms,
                end_ms=start_ms + _ticks_to_ms(phrase.duration_ticks),
                text=best.display,
                confidence=best.confidence,
                locale=phrase.locale,
                words=words,
            )
        )
    if result.duration_ms is not None:
        duration_ms = result.duration_ms
    elif result.duration_ticks is not None:
        duration_ms = _ticks_to_ms(result.duration_ticks)
    else:
        duration_ms = 0
    return phrases, duration_ms


def _tick_word(text: str, offset_ticks: float, duration_ticks: float, confidence: float | None) -> Word:
    start_ms = _ticks_to_ms(offset_ticks)
    return Word(
        text=text,
        start_ms=start_ms,
        end_ms=start_ms + _ticks_to_ms(duration_ticks),
        confidence=_unit(confidence),
    )


def _ticks_to_ms(ticks: float) -> int:
    return max(0, round(ticks / TICKS_PER_MS))


def _unit(value: float | None) -> float | None:
    return None if value is None else min(1.0, max(0.0, value))


def _checked_endpoint(endpoint: str) -> str:
    parts = urlsplit(endpoint.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError("The Azure AI Speech endpoint must be an absolute https URL.")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        # Keys and tokens never travel in clear text; plain http is only for a local stand-in.
        raise ValueError("The Azure AI Speech endpoint must use https.")
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


def _without_query(url: str) -> str:
    """A URL safe to log: SAS tokens live in the query string."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


__all__ = ["API_VERSION", "AUTH_SCOPE", "AzureSpeechEngine", "ProfanityFilterMode"]
