"""A local stand-in for Azure AI Speech's speech to text REST API (version 2024-11-15), for tests.

It answers in the documented shapes of fast transcription and batch transcription:
https://learn.microsoft.com/azure/ai-services/speech-service/fast-transcription-create
https://learn.microsoft.com/azure/ai-services/speech-service/batch-transcription-create
https://learn.microsoft.com/azure/ai-services/speech-service/batch-transcription-get
and checks what a client sends (path, api-version, credentials, multipart parts, JSON bodies) the way the
service does, so a client bug shows up as an error answer rather than as a plausible transcript.

What was said is scripted with ``ScriptedPhrase``: each phrase knows its channel (for stereo recordings
transcribed per channel) and its voice (for mono recordings with diarization), and the fake answers with
whichever the request asked for, like the service would. The audio itself is decoded to learn its channels
and duration. Failures can be scripted per operation: ``fail(429, times=2, retry_after="1")``.

Runs a stdlib HTTP server on 127.0.0.1 on a free port in a background thread; use it as a context manager.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import secrets
import threading
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from shared.ai.audio import AudioError, probe_audio
from tests.fakes.server import LoopbackServer

API_VERSION = "2024-11-15"
TICKS_PER_MS = 10_000

# Operations, as named in scripted failures and recorded requests.
TRANSCRIBE = "transcribe"
SUBMIT = "submit"
LIST_JOBS = "list"
GET_JOB = "get"
LIST_FILES = "files"
DELETE_JOB = "delete"
DOWNLOAD_RESULT = "content"
API_OPERATIONS = frozenset({TRANSCRIBE, SUBMIT, LIST_JOBS, GET_JOB, LIST_FILES, DELETE_JOB})

_DEFINITION_KEYS = frozenset({"locales", "models", "profanityFilterMode", "diarization", "channels"})
_BATCH_KEYS = frozenset(
    {"contentUrls", "contentContainerUrl", "locale", "displayName", "description", "model", "properties"}
    | {"customProperties", "dataset"}
)
_BATCH_PROPERTY_KEYS = frozenset(
    {
        "wordLevelTimestampsEnabled",
        "displayFormWordLevelTimestampsEnabled",
        "channels",
        "destinationContainerUrl",
        "punctuationMode",
        "profanityFilterMode",
        "timeToLiveHours",
        "diarization",
        "diarizationEnabled",
        "languageIdentification",
    }
)
_PROFANITY_MODES = frozenset({"None", "Masked", "Removed", "Tags"})
_PUNCTUATION_MODES = frozenset({"None", "Dictated", "Automatic", "DictatedAndAutomatic"})
_ACCESS_DENIED = {
    "error": {
        "code": "401",
        "message": "Access denied due to invalid subscription key or wrong API endpoint. Make sure to "
        "provide a valid key for an active subscription and use a correct regional API endpoint for your "
        "resource.",
    }
}
_JOB_PATH = re.compile(r"^/speechtotext/transcriptions/(?P<id>[0-9a-f-]{36})(?P<files>/files)?$")
_RESULT_PATH = re.compile(r"^/results/(?P<id>[0-9a-f-]{36})/(?P<name>contenturl_0\.json|report\.json)$")
_BLOB_PATH = re.compile(r"^/blobs/(?P<name>[^/?]+)$")
# The one filter shape this fake evaluates (the service supports more: eq/ne on several properties, and/or/not).
_DISPLAY_NAME_FILTER = re.compile(r"^displayName eq '(?P<value>(?:[^']|'')*)'$")


@dataclass(frozen=True)
class ScriptedPhrase:
    """One thing said in the fake call: where it sits in time, on which channel, by which voice."""

    text: str
    start_ms: int
    channel: int = 0  # the channel of a stereo recording that holds it
    speaker: int = 1  # the voice number diarization gives it ("without particular order")
    confidence: float = 0.9
    word_ms: int = 250  # every word lasts this long, one after the other

    @property
    def words(self) -> list[str]:
        return self.text.split()

    @property
    def duration_ms(self) -> int:
        return len(self.words) * self.word_ms


@dataclass
class RecordedRequest:
    """What a client sent, for tests to assert on."""

    operation: str
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names
    definition: dict[str, Any] | None = None
    audio: bytes | None = None
    audio_filename: str | None = None
    audio_content_type: str | None = None
    json_body: Any = None


@dataclass
class _Failure:
    status: int
    operation: str | None
    remaining: int
    retry_after: str | None
    body: dict[str, Any]


@dataclass
class _Job:
    id: str
    request: dict[str, Any]
    created: str
    fail_with: tuple[str, str] | None
    polls: int = 0
    status: str = "NotStarted"
    result: dict[str, Any] | None = None
    error: dict[str, str] | None = None
    result_sig: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    deleted: bool = False


class _ErrorAnswer(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status = status
        self.body = {"code": code, "message": message}


class FakeAzureSpeech:
    """The fake service. ``endpoint`` is its base URL; ``requests`` lists everything it received."""

    def __init__(
        self,
        phrases: Iterable[ScriptedPhrase] = (),
        *,
        api_key: str | None = "fake-speech-key",
        bearer_token: str | None = None,
        default_locale: str = "en-US",
        polls_not_started: int = 1,
        polls_running: int = 1,
    ) -> None:
        self.phrases = list(phrases)
        self.api_key = api_key
        self.bearer_token = bearer_token
        self.default_locale = default_locale
        self.polls_not_started = polls_not_started
        self.polls_running = polls_running
        self.transcribe_delay_s = 0.0  # makes fast transcription slower than a client's timeout
        self.requests: list[RecordedRequest] = []
        self.jobs: dict[str, _Job] = {}
        self._blobs: dict[str, tuple[bytes, str]] = {}  # name -> (audio, sig)
        self._failures: list[_Failure] = []
        self._batch_failure: tuple[str, str] | None = None
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = LoopbackServer(_handler_for(self), name="fake-azure-speech")

    # --- Lifecycle

    @property
    def endpoint(self) -> str:
        return self._server.origin

    def start(self) -> FakeAzureSpeech:
        self._server.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._server.stop()

    def __enter__(self) -> FakeAzureSpeech:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # --- Scripting

    def fail(
        self,
        status: int,
        *,
        times: int = 1,
        operation: str | None = None,
        retry_after: str | None = None,
        code: str | None = None,
        message: str | None = None,
    ) -> None:
        """The next ``times`` calls of ``operation`` (any API call if None) answer ``status`` instead."""
        if operation is not None and operation not in API_OPERATIONS | {DOWNLOAD_RESULT}:
            raise ValueError(f"unknown operation {operation!r}")
        if status in (401, 403):
            body: dict[str, Any] = _ACCESS_DENIED
        else:
            default_code = {429: "TooManyRequests", 500: "InternalServerError", 503: "ServiceUnavailable"}
            body = {
                "code": code or default_code.get(status, "InvalidRequest"),
                "message": message or HTTPStatus(status).phrase,
            }
        with self._lock:
            self._failures.append(_Failure(status, operation, times, retry_after, body))

    def fail_batch_jobs(self, code: str = "InvalidData", message: str = "The audio could not be processed.") -> None:
        """Batch jobs created from now on end ``Failed`` with ``properties.error`` = {code, message}."""
        self._batch_failure = (code, message)

    def blob_url(self, name: str, audio: bytes) -> str:
        """Stores audio as a fake blob and returns a read-only SAS-style URL batch jobs can be given."""
        sig = secrets.token_urlsafe(24)
        with self._lock:
            self._blobs[name] = (audio, sig)
        return f"{self.endpoint}/blobs/{name}?sv=2024-08-04&sr=b&sp=r&se=2099-01-01T00%3A00%3A00Z&sig={sig}"

    def calls(self, operation: str) -> list[RecordedRequest]:
        with self._lock:
            return [request for request in self.requests if request.operation == operation]

    # --- Request handling (called on server threads)

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        query = dict(parse_qsl(parts.query))
        body = _read_body(handler)
        headers = {name.lower(): value for name, value in handler.headers.items()}
        operation = _operation(handler.command, parts.path)
        recorded = RecordedRequest(operation or "unknown", handler.command, parts.path, query, headers)
        with self._lock:
            self.requests.append(recorded)
        try:
            if operation is None:
                raise _ErrorAnswer(404, "NotFound", "The requested resource does not exist.")
            if operation in API_OPERATIONS:
                if query.get("api-version") != API_VERSION:
                    raise _ErrorAnswer(400, "InvalidRequest", "The api-version is missing or not supported.")
                if not self._authorized(headers):
                    _send_json(handler, 401, _ACCESS_DENIED)
                    return
            failure = self._take_failure(operation)
            if failure is not None:
                extra = {"Retry-After": failure.retry_after} if failure.retry_after is not None else {}
                _send_json(handler, failure.status, failure.body, extra)
                return
            if operation == TRANSCRIBE:
                answer = self._transcribe(recorded, headers.get("content-type", ""), body)
                if self.transcribe_delay_s and self._stopping.wait(self.transcribe_delay_s):
                    return
                _send_json(handler, 200, answer)
            elif operation == SUBMIT:
                job = self._submit(recorded, headers.get("content-type", ""), body)
                self_url = self._job_url(job.id)
                _send_json(handler, 201, self._job_view(job), {"Location": self_url})
            elif operation == LIST_JOBS:
                _send_json(handler, 200, self._list_jobs(query.get("filter")))
            elif operation == GET_JOB:
                _send_json(handler, 200, self._job_view(self._poll(parts.path)))
            elif operation == LIST_FILES:
                _send_json(handler, 200, self._files(parts.path))
            elif operation == DELETE_JOB:
                self._delete(parts.path)
                _send_json(handler, 204, None)
            elif operation == DOWNLOAD_RESULT:
                _send_json(handler, 200, self._download(parts.path, query))
        except _ErrorAnswer as answer:
            _send_json(handler, answer.status, answer.body)

    def _authorized(self, headers: dict[str, str]) -> bool:
        if self.api_key is not None and headers.get("ocp-apim-subscription-key") == self.api_key:
            return True
        return self.bearer_token is not None and headers.get("authorization") == f"Bearer {self.bearer_token}"

    def _take_failure(self, operation: str | None) -> _Failure | None:
        with self._lock:
            for failure in self._failures:
                matches = failure.operation == operation or (failure.operation is None and operation in API_OPERATIONS)
                if matches and failure.remaining > 0:
                    failure.remaining -= 1
                    return failure
        return None

    # --- Fast transcription

    def _transcribe(self, recorded: RecordedRequest, content_type: str, body: bytes) -> dict[str, Any]:
        if not content_type.lower().startswith("multipart/form-data"):
            raise _ErrorAnswer(415, "UnsupportedMediaType", "The request must be multipart/form-data.")
        form = _parse_multipart(content_type, body)
        if "audio" not in form or not form["audio"].content:
            raise _ErrorAnswer(400, "InvalidRequest", "The audio part is missing or empty.")
        definition = _parse_definition(form["definition"].content if "definition" in form else b"{}")
        recorded.definition = definition
        recorded.audio = form["audio"].content
        recorded.audio_filename = form["audio"].filename
        recorded.audio_content_type = form["audio"].content_type
        channels, duration_ms = _decode_audio(form["audio"].content)

        diarize = bool(definition.get("diarization", {}).get("enabled"))
        # "For mono audio, the channels property is ignored"; stereo without it is merged to mono.
        separate = channels >= 2 and "channels" in definition
        locales = definition.get("locales") or [self.default_locale]
        spoken = self._spoken(channels, separate, definition.get("channels", [0, 1]))
        phrases = []
        for phrase in spoken:
            item: dict[str, Any] = {}
            if separate or diarize:
                item["channel"] = phrase.channel if separate else 0
            if diarize:
                item["speaker"] = phrase.speaker
            item |= {
                "offsetMilliseconds": phrase.start_ms,
                "durationMilliseconds": phrase.duration_ms,
                "text": phrase.text,
                "words": [
                    {"text": word, "offsetMilliseconds": start, "durationMilliseconds": phrase.word_ms}
                    for word, start in _word_starts(phrase)
                ],
                "locale": locales[0],
                "confidence": phrase.confidence,
            }
            phrases.append(item)
        if separate:
            combined = [
                {"channel": channel, "text": " ".join(p.text for p in spoken if p.channel == channel)}
                for channel in sorted({p.channel for p in spoken})
            ]
        else:
            combined = [{"text": " ".join(p.text for p in spoken)} | ({"channel": 0} if diarize else {})]
        return {"durationMilliseconds": duration_ms, "combinedPhrases": combined, "phrases": phrases}

    def _spoken(self, channels: int, separate: bool, wanted_channels: list[int]) -> list[ScriptedPhrase]:
        """The scripted phrases a transcription hears: per channel (listed channel by channel, like the
        service does) or merged into one stream in time order."""
        if separate:
            return sorted(
                (p for p in self.phrases if p.channel in wanted_channels),
                key=lambda p: (p.channel, p.start_ms),
            )
        return sorted(self.phrases, key=lambda p: p.start_ms)

    # --- Batch transcription

    def _submit(self, recorded: RecordedRequest, content_type: str, body: bytes) -> _Job:
        if not content_type.lower().startswith("application/json"):
            raise _ErrorAnswer(415, "UnsupportedMediaType", "The request must be application/json.")
        try:
            request = json.loads(body)
        except ValueError as exc:
            raise _ErrorAnswer(400, "InvalidRequest", "The body is not valid JSON.") from exc
        recorded.json_body = request
        _check_batch_request(request)
        job = _Job(id=str(uuid.uuid4()), request=request, created=_now(), fail_with=self._batch_failure)
        with self._lock:
            self.jobs[job.id] = job
        return job

    def _job(self, path: str) -> _Job:
        match = _JOB_PATH.match(path)
        with self._lock:
            job = self.jobs.get(match["id"]) if match else None
        if job is None or job.deleted:
            raise _ErrorAnswer(404, "NotFound", "The transcription does not exist.")
        return job

    def _poll(self, path: str) -> _Job:
        job = self._job(path)
        with self._lock:
            job.polls += 1
            if job.status in ("Succeeded", "Failed"):
                return job
            if job.polls <= self.polls_not_started:
                job.status = "NotStarted"
            elif job.polls <= self.polls_not_started + self.polls_running:
                job.status = "Running"
            else:
                self._finish(job)
        return job

    def _finish(self, job: _Job) -> None:
        if job.fail_with is not None:
            job.status, job.error = "Failed", {"code": job.fail_with[0], "message": job.fail_with[1]}
            return
        source = job.request.get("contentUrls", [""])[0]
        blob = self._blob_for(source)
        if blob is None:
            # The service reports the unreadable source in the error message, URL included.
            job.status = "Failed"
            job.error = {"code": "InvalidData", "message": f"Failed to download the audio from {source}."}
            return
        try:
            channels, duration_ms = _decode_audio(blob)
        except _ErrorAnswer:
            job.status, job.error = "Failed", {"code": "InvalidData", "message": "Unsupported audio format."}
            return
        job.result = self._batch_result(job.request, source, channels, duration_ms)
        job.status = "Succeeded"

    def _blob_for(self, url: str) -> bytes | None:
        parts = urlsplit(url)
        match = _BLOB_PATH.match(parts.path)
        if match is None or f"{parts.scheme}://{parts.netloc}" != self.endpoint:
            return None
        stored = self._blobs.get(match["name"])
        if stored is None or dict(parse_qsl(parts.query)).get("sig") != stored[1]:
            return None
        return stored[0]

    def _batch_result(self, request: dict[str, Any], source: str, channels: int, duration_ms: int) -> dict[str, Any]:
        properties = request["properties"]
        diarize = bool(properties.get("diarization", {}).get("enabled") or properties.get("diarizationEnabled"))
        wanted = properties.get("channels", [0, 1])
        # Stereo is split into its channels; diarization needs mono; mono audio is channel 0.
        separate = channels >= 2 and not diarize
        spoken = self._spoken(channels, separate, wanted)
        recognized = []
        for phrase in spoken:
            alternative: dict[str, Any] = {
                "confidence": phrase.confidence,
                "lexical": _lexical(phrase.text),
                "itn": _lexical(phrase.text),
                "maskedITN": _lexical(phrase.text),
                "display": phrase.text,
            }
            if properties.get("wordLevelTimestampsEnabled"):
                alternative["words"] = [
                    {"word": _lexical(word), "confidence": phrase.confidence} | _tick_span(start, phrase.word_ms)
                    for word, start in _word_starts(phrase)
                ]
            if properties.get("displayFormWordLevelTimestampsEnabled"):
                alternative["displayWords"] = [
                    {"displayText": word} | _tick_span(start, phrase.word_ms) for word, start in _word_starts(phrase)
                ]
            item: dict[str, Any] = {
                "recognitionStatus": "Success",
                "channel": phrase.channel if separate else 0,
            }
            if diarize:
                item["speaker"] = phrase.speaker
            item |= _tick_span(phrase.start_ms, phrase.duration_ms)
            item["nBest"] = [alternative]
            recognized.append(item)
        combined = [
            {
                "channel": channel,
                "lexical": _lexical(" ".join(p.text for p in spoken if (p.channel if separate else 0) == channel)),
                "display": " ".join(p.text for p in spoken if (p.channel if separate else 0) == channel),
            }
            for channel in sorted({p.channel if separate else 0 for p in spoken})
        ]
        return {
            "source": source,
            "timestamp": _now(),
            "durationInTicks": duration_ms * TICKS_PER_MS,
            "durationMilliseconds": duration_ms,
            "duration": _iso_duration(duration_ms),
            "combinedRecognizedPhrases": combined,
            "recognizedPhrases": recognized,
        }

    def _job_url(self, job_id: str) -> str:
        return f"{self.endpoint}/speechtotext/transcriptions/{job_id}?api-version={API_VERSION}"

    def _job_view(self, job: _Job) -> dict[str, Any]:
        properties = {key: value for key, value in job.request.get("properties", {}).items()}
        if job.error is not None:
            properties["error"] = job.error
        if job.result is not None:
            properties["durationMilliseconds"] = job.result["durationMilliseconds"]
        return {
            "self": self._job_url(job.id),
            "displayName": job.request.get("displayName"),
            "locale": job.request.get("locale"),
            "createdDateTime": job.created,
            "lastActionDateTime": _now(),
            "links": {"files": f"{self._job_url(job.id).replace('?', '/files?')}"},
            "properties": properties,
            "status": job.status,
        }

    def _list_jobs(self, filter_text: str | None) -> dict[str, Any]:
        """Transcriptions - List: ``{"values": [...]}`` (one page; no ``@nextLink`` at this size)."""
        wanted: str | None = None
        if filter_text is not None:
            match = _DISPLAY_NAME_FILTER.match(filter_text)
            if match is None:
                raise _ErrorAnswer(400, "InvalidQueryParameter", f"The filter '{filter_text}' is not supported.")
            wanted = match["value"].replace("''", "'")
        with self._lock:
            jobs = [job for job in self.jobs.values() if not job.deleted]
        return {
            "values": [
                self._job_view(job) for job in jobs if wanted is None or job.request.get("displayName") == wanted
            ]
        }

    def _files(self, path: str) -> dict[str, Any]:
        job = self._job(path)
        if job.status not in ("Succeeded", "Failed"):
            return {"values": []}
        values = []
        if job.result is not None:
            values.append(self._file_entry(job, "contenturl_0.json", "Transcription"))
        values.append(self._file_entry(job, "report.json", "TranscriptionReport"))
        return {"values": values}

    def _file_entry(self, job: _Job, name: str, kind: str) -> dict[str, Any]:
        content_url = (
            f"{self.endpoint}/results/{job.id}/{name}?sv=2024-08-04&sr=b&sp=r"
            f"&se=2099-01-01T00%3A00%3A00Z&sig={job.result_sig}"
        )
        return {
            "self": f"{self.endpoint}/speechtotext/transcriptions/{job.id}/files/{uuid.uuid4()}"
            f"?api-version={API_VERSION}",
            "name": name,
            "kind": kind,
            "links": {"contentUrl": content_url},
            "properties": {"size": 1024},
            "createdDateTime": _now(),
        }

    def _download(self, path: str, query: dict[str, str]) -> dict[str, Any]:
        match = _RESULT_PATH.match(path)
        with self._lock:
            job = self.jobs.get(match["id"]) if match else None
        # Storage answers 403 to a missing or wrong signature, 404 once the job (and its files) is deleted.
        if job is None or query.get("sig") != job.result_sig:
            raise _ErrorAnswer(403, "AuthenticationFailed", "Server failed to authenticate the request.")
        if job.deleted:
            raise _ErrorAnswer(404, "BlobNotFound", "The specified blob does not exist.")
        assert match is not None
        if match["name"] == "report.json":
            failed = job.result is None
            return {
                "successfulTranscriptionsCount": 0 if failed else 1,
                "failedTranscriptionsCount": 1 if failed else 0,
                "details": [{"source": job.request["contentUrls"][0], "status": "Failed" if failed else "Succeeded"}],
            }
        if job.result is None:
            raise _ErrorAnswer(404, "BlobNotFound", "The specified blob does not exist.")
        return job.result

    def _delete(self, path: str) -> None:
        match = _JOB_PATH.match(path)
        with self._lock:
            job = self.jobs.get(match["id"]) if match else None
            if job is not None:
                job.deleted = True  # deleting a missing job is also a 204


# --- Helpers


def _handler_for(fake: FakeAzureSpeech) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self) -> None:
            # A client that gave up (its timeout) leaves nothing to answer.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                fake._handle(self)

        do_GET = do_POST = do_DELETE = do_PUT = do_PATCH = _serve

        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep test output quiet

    return Handler


def _operation(method: str, path: str) -> str | None:
    if path == "/speechtotext/transcriptions:transcribe":
        return TRANSCRIBE if method == "POST" else None
    if path == "/speechtotext/transcriptions:submit":
        return SUBMIT if method == "POST" else None
    if path == "/speechtotext/transcriptions":
        return LIST_JOBS if method == "GET" else None
    job = _JOB_PATH.match(path)
    if job is not None:
        if job["files"]:
            return LIST_FILES if method == "GET" else None
        return {"GET": GET_JOB, "DELETE": DELETE_JOB}.get(method)
    if _RESULT_PATH.match(path) and method == "GET":
        return DOWNLOAD_RESULT
    return None


def _read_body(handler: BaseHTTPRequestHandler) -> bytes:
    if handler.headers.get("transfer-encoding", "").lower() == "chunked":
        chunks: list[bytes] = []
        while True:
            size = int(handler.rfile.readline().split(b";")[0].strip(), 16)
            if size == 0:
                handler.rfile.readline()
                return b"".join(chunks)
            chunks.append(handler.rfile.read(size))
            handler.rfile.readline()
    length = int(handler.headers.get("content-length") or 0)
    return handler.rfile.read(length) if length else b""


def _send_json(handler: BaseHTTPRequestHandler, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
    payload = b"" if body is None else json.dumps(body).encode()
    handler.send_response(status)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    if body is not None:
        handler.send_header("Content-Type", "application/json; charset=utf-8")
    handler.send_header("Content-Length", str(len(payload)))
    handler.end_headers()
    handler.wfile.write(payload)


@dataclass
class _FormPart:
    content: bytes
    filename: str | None
    content_type: str | None


def _parse_multipart(content_type: str, body: bytes) -> dict[str, _FormPart]:
    header = Message()
    header["content-type"] = content_type
    boundary = header.get_param("boundary")
    if not isinstance(boundary, str) or not boundary:
        raise _ErrorAnswer(400, "InvalidRequest", "The multipart boundary is missing.")
    parts: dict[str, _FormPart] = {}
    for section in body.split(b"--" + boundary.encode())[1:]:
        if section.startswith(b"--"):
            break  # the closing delimiter
        head, separator, content = section.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        if not separator:
            raise _ErrorAnswer(400, "InvalidRequest", "A multipart section has no headers.")
        part_headers = Message()
        for line in head.decode("utf-8", "replace").split("\r\n"):
            header_name, _, value = line.partition(":")
            part_headers[header_name.strip()] = value.strip()
        name = part_headers.get_param("name", header="content-disposition")
        filename = part_headers.get_param("filename", header="content-disposition")
        if not isinstance(name, str):
            raise _ErrorAnswer(400, "InvalidRequest", "A multipart section has no name.")
        parts[name] = _FormPart(
            content=content.removesuffix(b"\r\n"),
            filename=filename if isinstance(filename, str) else None,
            content_type=part_headers.get("content-type"),
        )
    return parts


def _parse_definition(raw: bytes) -> dict[str, Any]:
    try:
        definition = json.loads(raw)
    except ValueError as exc:
        raise _ErrorAnswer(400, "InvalidRequest", "The definition is not valid JSON.") from exc
    if not isinstance(definition, dict):
        raise _ErrorAnswer(400, "InvalidRequest", "The definition must be a JSON object.")
    unknown = set(definition) - _DEFINITION_KEYS
    if unknown:
        raise _ErrorAnswer(400, "InvalidArgument", f"Unknown definition properties: {sorted(unknown)}.")
    locales = definition.get("locales", [])
    if not isinstance(locales, list) or not all(isinstance(locale, str) for locale in locales):
        raise _ErrorAnswer(400, "InvalidArgument", "locales must be a list of locale names.")
    mode = definition.get("profanityFilterMode", "Masked")
    if mode not in _PROFANITY_MODES:
        raise _ErrorAnswer(400, "InvalidArgument", "profanityFilterMode is not supported.")
    channels = definition.get("channels")
    if channels is not None and (
        not isinstance(channels, list) or not 1 <= len(channels) <= 2 or not set(channels) <= {0, 1}
    ):
        raise _ErrorAnswer(400, "InvalidArgument", "channels must list up to two of the channels 0 and 1.")
    diarization = definition.get("diarization")
    if diarization is not None:
        _check_diarization(diarization)
        if diarization.get("enabled") and channels is not None and len(channels) > 1:
            raise _ErrorAnswer(400, "InvalidArgument", "Diarization of multiple channels is not supported.")
    return definition


def _check_diarization(diarization: Any) -> None:
    if not isinstance(diarization, dict) or not isinstance(diarization.get("enabled", False), bool):
        raise _ErrorAnswer(400, "InvalidArgument", "diarization must be {enabled, maxSpeakers}.")
    max_speakers = diarization.get("maxSpeakers", 2)
    if not isinstance(max_speakers, int) or not 2 <= max_speakers <= 35:
        raise _ErrorAnswer(400, "InvalidArgument", "maxSpeakers must be between 2 and 35.")


def _check_batch_request(request: Any) -> None:
    if not isinstance(request, dict):
        raise _ErrorAnswer(400, "InvalidRequest", "The body must be a JSON object.")
    unknown = set(request) - _BATCH_KEYS
    if unknown:
        raise _ErrorAnswer(400, "InvalidArgument", f"Unknown transcription properties: {sorted(unknown)}.")
    urls = request.get("contentUrls")
    if not request.get("contentContainerUrl") and (
        not isinstance(urls, list) or not urls or not all(isinstance(url, str) for url in urls)
    ):
        raise _ErrorAnswer(400, "InvalidArgument", "contentUrls or contentContainerUrl is required.")
    if not isinstance(request.get("locale"), str) or not request["locale"]:
        raise _ErrorAnswer(400, "InvalidArgument", "locale is required.")
    if not isinstance(request.get("displayName"), str) or not request["displayName"]:
        raise _ErrorAnswer(400, "InvalidArgument", "displayName is required.")
    properties = request.get("properties")
    if not isinstance(properties, dict):
        raise _ErrorAnswer(400, "InvalidArgument", "properties is required.")
    unknown = set(properties) - _BATCH_PROPERTY_KEYS
    if unknown:
        raise _ErrorAnswer(400, "InvalidArgument", f"Unknown transcription properties: {sorted(unknown)}.")
    hours = properties.get("timeToLiveHours")
    if not isinstance(hours, int) or not 6 <= hours <= 31 * 24:
        raise _ErrorAnswer(400, "InvalidTimeToLive", "timeToLiveHours must be between 6 hours and 31 days.")
    if properties.get("profanityFilterMode", "Masked") not in _PROFANITY_MODES:
        raise _ErrorAnswer(400, "InvalidArgument", "profanityFilterMode is not supported.")
    if properties.get("punctuationMode", "DictatedAndAutomatic") not in _PUNCTUATION_MODES:
        raise _ErrorAnswer(400, "InvalidArgument", "punctuationMode is not supported.")
    channels = properties.get("channels", [0, 1])
    if not isinstance(channels, list) or not channels or not all(isinstance(c, int) for c in channels):
        raise _ErrorAnswer(400, "InvalidArgument", "channels must be a list of channel numbers.")
    if "diarization" in properties:
        _check_diarization(properties["diarization"])


def _decode_audio(audio: bytes) -> tuple[int, int]:
    """Channels and duration in ms of the audio, as the service learns them by decoding it."""
    try:
        facts = probe_audio(io.BytesIO(audio))  # WAV, FLAC, MP3, M4A/AAC ... like the service
    except AudioError as exc:
        raise _ErrorAnswer(400, "InvalidRequest", "The audio format is not supported.") from exc
    return facts.channels, facts.duration_ms


def _word_starts(phrase: ScriptedPhrase) -> list[tuple[str, int]]:
    return [(word, phrase.start_ms + position * phrase.word_ms) for position, word in enumerate(phrase.words)]


def _tick_span(start_ms: int, duration_ms: int) -> dict[str, Any]:
    return {
        "offset": _iso_duration(start_ms),
        "duration": _iso_duration(duration_ms),
        "offsetInTicks": float(start_ms * TICKS_PER_MS),
        "durationInTicks": float(duration_ms * TICKS_PER_MS),
    }


def _iso_duration(milliseconds: int) -> str:
    return f"PT{milliseconds / 1000:g}S"


def _lexical(text: str) -> str:
    return re.sub(r"[^\w\s']", "", text).lower()


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
