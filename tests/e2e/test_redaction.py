"""Redaction as a client meets it: a generated call in which the customer reads a test card number, an SSN, an
e-mail address and a date of birth goes through the documented flow, and none of them comes back out.

The call is spoken with espeak-ng (as the sample calls and the redaction bench's calls are) and transcribed by
Whisper on the local host; leaks are judged as the bench judges them (four digits in a row or a name-like word).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest
import soundfile as sf

from scripts.sample_calls import SAMPLE_RATE, CallScript, TimedTurn, Turn, render_call
from shared.auth import READ_UNREDACTED_SCOPE, SCOPES
from shared.models.redaction import EntityType
from tests.e2e.conftest import TERMINAL, LiveService, ServiceLogs, upload_file, wait_for_status
from tests.shared.webhooks.receiver import running_receiver

pytestmark = pytest.mark.e2e

TENANT = "t-redaction"
# Digits in order ("one two three ... nine") and a run of ones sent Whisper's beam search into a loop ("9, 9, 9, ..."),
# and its fallback then samples at random: what was heard, and so what was found, changed from run to run. These
# (a payment processor's test card, and the SSN printed on a sample wallet card, since voided) are heard the same
# way on every run, and near enough on every CPU.
TURNS = (
    ("agent", "Thank you for calling Contoso billing. Before we continue I need to verify your identity."),
    ("agent", "What is your social security number?"),
    ("customer", "Zero seven eight, zero five, one one two zero."),
    ("agent", "And your date of birth?"),
    ("customer", "March third, nineteen eighty five."),
    ("agent", "Thank you. What is the new email address?"),
    ("customer", "It is john dot smith at gmail dot com."),
    ("agent", "Sure. Can I have the card number, please?"),
    ("customer", "It is six zero one one, zero zero zero nine, nine zero one three, nine four two four."),
    ("agent", "Thank you, the payment went through. Have a great day."),
)
# The customer's turn (index into TURNS) in which each kind is said.
PII_TURN = {EntityType.SSN: 2, EntityType.DATE_OF_BIRTH: 4, EntityType.EMAIL: 6, EntityType.CARD_NUMBER: 8}
# What the customer says, as digits and as the words a transcript would carry.
PII: dict[EntityType, tuple[str, tuple[str, ...]]] = {
    EntityType.SSN: ("078051120", ()),
    EntityType.DATE_OF_BIRTH: ("1985", ("march",)),
    EntityType.EMAIL: ("", ("john", "smith", "gmail")),
    EntityType.CARD_NUMBER: ("6011000990139424", ()),
}
_DIGIT_WORDS = {
    word: str(digit)
    for digit, word in enumerate(("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"))
}
# Log lines carry sizes, ports, timings and status codes, any of whose four digits in a row may be the same as
# four of the SSN's, or the birth year, by chance (runs failed so); six in a row of what was said is still caught
# there, and a date of birth, shorter than that, by its month's name.
LOG_DIGITS_IN_A_ROW = 6
_UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.IGNORECASE)
# An SRT or VTT cue's number and times: "10\n00:00:19,944 --> ..." would join into "1000".
_CUE_NUMBER_AND_TIMES = re.compile(r"^\d+\n(?=\d{2}:\d{2}:\d{2}[,.]\d{3} -->)|\d{2}:\d{2}:\d{2}[,.]\d{3}", re.MULTILINE)
# A masked span is a 1 kHz tone or silence: nearly all its energy within 50 Hz of 1 kHz, or next to none.
SILENT_RMS = 1e-3
MIN_TONE_ENERGY_SHARE = 0.95
# Of the customer's speech in a turn that says PII, at least this share is masked ("It is" may be heard).
MIN_MASKED_SPEECH_SHARE = 0.6
FRAME_MS = 20


@dataclass(frozen=True)
class PiiCall:
    path: Path
    spoken: np.ndarray  # (frames, 2) as rendered: agent left, customer right
    turns: list[TimedTurn]


@pytest.fixture(scope="module")
def pii_call(tmp_path_factory: pytest.TempPathFactory) -> PiiCall:
    stereo, turns = render_call(CallScript("pii_call", tuple(Turn(speaker, text) for speaker, text in TURNS)))
    path = tmp_path_factory.mktemp("redaction") / "pii_call.wav"
    sf.write(path, stereo, SAMPLE_RATE, subtype="PCM_16")
    return PiiCall(path, stereo, turns)


@pytest.fixture(scope="module")
def reader_only(live: LiveService) -> Iterator[httpx.Client]:
    with live.client(TENANT, [scope for scope in SCOPES if scope != READ_UNREDACTED_SCOPE]) as client:
        yield client


def leaked(text: str, digits_in_a_row: int = 4) -> list[str]:
    """The kinds of PII whose words, or any ``digits_in_a_row`` of whose digits (when it has that many), are in
    ``text``. Digits said as words count, and digit groups split by spaces, commas or dashes are joined; digits
    inside ids and hex names (``af_01M8...``, blob names), UUIDs (message ids: ``911a-4567-8789`` would join into
    "45678789") and the cue numbers and times of SRT and VTT are not numbers anyone said."""
    text = _CUE_NUMBER_AND_TIMES.sub(" ", _UUID.sub(" ", text))
    words = re.sub(r"\b(" + "|".join(_DIGIT_WORDS) + r")\b", lambda m: _DIGIT_WORDS[m.group()], text.lower())
    joined = re.sub(r"(?<=\d)[\s,.-]+(?=\d)", "", words)
    numbers = re.findall(r"(?<![0-9a-z_])\d+(?![0-9a-z_])", joined)
    found = []
    for kind, (digits, names) in PII.items():
        windows = {digits[i : i + digits_in_a_row] for i in range(len(digits) - digits_in_a_row + 1)}
        if any(window in number for window in windows for number in numbers) or any(
            re.search(rf"\b{name}\b", words) for name in names
        ):
            found.append(kind.value)
    return found


def strings(document: Any) -> str:
    """Every string in a JSON document, one a line (its numbers are times and counts, not what was said)."""
    if isinstance(document, str):
        return document
    if isinstance(document, dict):
        return "\n".join(strings(value) for value in document.values())
    if isinstance(document, list):
        return "\n".join(strings(value) for value in document)
    return ""


def _masked(samples: np.ndarray) -> bool:
    """Silence, or a tone whose energy sits within 50 Hz of 1 kHz."""
    if float(np.sqrt(np.mean(samples**2))) < SILENT_RMS:
        return True
    spectrum = np.abs(np.fft.rfft(samples)) ** 2
    frequencies = np.fft.rfftfreq(samples.size, 1 / SAMPLE_RATE)
    return float(spectrum[np.abs(frequencies - 1000) <= 50].sum() / spectrum.sum()) >= MIN_TONE_ENERGY_SHARE


def masked_speech_share(spoken: np.ndarray, redacted: np.ndarray, turn: TimedTurn) -> float:
    """Of the 20 ms frames of ``turn`` in which the customer spoke, the share that the redacted audio masks."""
    frame = FRAME_MS * SAMPLE_RATE // 1000
    first, last = turn.start_ms * SAMPLE_RATE // 1000, turn.end_ms * SAMPLE_RATE // 1000
    starts = [s for s in range(first, last - frame, frame) if np.sqrt(np.mean(spoken[s : s + frame, 1] ** 2)) > 0.01]
    assert len(starts) > 10, turn  # there was speech to hide
    return sum(_masked(redacted[s : s + frame, 1]) for s in starts) / len(starts)


def process(client: httpx.Client, path: Path, **fields: Any) -> str:
    audio_file_id = upload_file(client, path, contentType="audio/wav", **fields)
    wait_for_status(client, audio_file_id, ("pending",))
    assert client.post(f"/audio-files/{audio_file_id}/process").status_code == 202
    status = wait_for_status(client, audio_file_id, TERMINAL)
    assert status["status"] == "completed", status
    assert status["stages"]["redaction"]["status"] == "succeeded" and status["stages"]["redaction"]["attempts"] == 1
    return audio_file_id


def test_no_pii_leaves_through_transcript_analysis_webhook_or_log(
    live: LiveService, pii_call: PiiCall, service_logs: ServiceLogs, reader_only: httpx.Client
) -> None:
    path, spoken = pii_call.path, pii_call.spoken
    with running_receiver() as receiver, live.client(TENANT) as client:
        subscription = client.post("/webhooks", json={"url": receiver.url("/done"), "events": ["analysis.completed"]})
        assert subscription.status_code == 201, subscription.text
        audio_file_id = process(client, path)

        transcript = client.get(f"/audio-files/{audio_file_id}/transcript").json()
        found = {redaction["type"] for redaction in transcript["redactions"]}
        # what Whisper heard differs a little from machine to machine: show it when a kind is missed
        heard = [(segment["speaker"], segment["text"]) for segment in transcript["segments"]]
        assert {kind.value for kind in PII} <= found, (transcript["redactions"], heard)
        assert leaked(strings(transcript)) == [], [s["text"] for s in transcript["segments"]]
        for format_name in ("text", "srt", "vtt"):
            rendered = client.get(f"/audio-files/{audio_file_id}/transcript", params={"format": format_name})
            assert rendered.status_code == 200 and "[CARD_NUMBER]" in rendered.text
            assert leaked(rendered.text) == [], format_name
        analysis = client.get(f"/audio-files/{audio_file_id}/analysis")
        assert analysis.status_code == 200 and leaked(strings(analysis.json())) == []
        [delivery] = receiver.wait_for(1, timeout_s=120)
        payload = delivery.verify(subscription.json()["secret"])
        assert payload["data"]["audioFileId"] == audio_file_id and leaked(strings(payload)) == []
        logged = "\n".join(service_logs.lines)
        assert audio_file_id in logged  # the capture sees the service's records
        assert leaked(logged, LOG_DIGITS_IN_A_ROW) == []

        # The download is the redacted WAV: each redacted span is a tone or silence on both channels, where the
        # call as spoken had speech on the customer's channel.
        download = client.get(f"/audio-files/{audio_file_id}/download-url").json()
        assert download["fileName"].endswith(".redacted.wav")
        audio, rate = sf.read(io.BytesIO(httpx.get(download["downloadUrl"]).content))
        assert rate == SAMPLE_RATE and audio.shape[1] == 2
        customer_spans = [r for r in transcript["redactions"] if r["type"] != "person_name"]
        for redaction in customer_spans:
            first, last = redaction["startMs"] * rate // 1000, redaction["endMs"] * rate // 1000
            spoke = spoken[first:last, 1]
            assert float(np.sqrt(np.mean(spoke**2))) > SILENT_RMS * 10, redaction  # there was speech to hide
            assert all(_masked(audio[first:last, channel]) for channel in (0, 1)), redaction
        # And the spans are where the customer said it: each PII turn's speech is masked (measured per frame).
        for kind, index in PII_TURN.items():
            turn = pii_call.turns[index]
            share = masked_speech_share(spoken, audio, turn)
            assert share >= MIN_MASKED_SPEECH_SHARE, (kind, turn.text, share)

        # Unredacted content was not kept (the default policy): 404 with the scope, 403 without.
        for route in ("transcript", "download-url"):
            kept = client.get(f"/audio-files/{audio_file_id}/{route}", params={"unredacted": "true"})
            assert kept.status_code == 404 and kept.json()["code"] == "unredacted_not_kept"
            refused = reader_only.get(f"/audio-files/{audio_file_id}/{route}", params={"unredacted": "true"})
            assert refused.status_code == 403 and refused.json()["code"] == "insufficient_scope"
        # Nor can it be transcribed again: the original is gone.
        again = client.post(f"/audio-files/{audio_file_id}/process", json={"force": True})
        assert again.status_code == 409 and again.json()["code"] == "original_audio_not_kept"
        reevaluated = client.post(
            f"/audio-files/{audio_file_id}/process", json={"force": True, "stages": ["evaluation"]}
        )
        assert reevaluated.status_code == 202, reevaluated.text
        assert wait_for_status(client, audio_file_id, TERMINAL)["status"] == "completed"
        # The re-evaluation's event too carries nothing said on the call (and is received before the receiver stops).
        second = receiver.wait_for(2, timeout_s=120)[-1].verify(subscription.json()["secret"])
        assert leaked(strings(second)) == []


def test_a_kept_unredacted_transcript_is_shown_only_with_the_scope(
    live: LiveService, pii_call: PiiCall, reader_only: httpx.Client
) -> None:
    path = pii_call.path
    with live.client(TENANT) as client:
        audio_file_id = process(client, path, redaction={"keepUnredacted": True})
        redacted = client.get(f"/audio-files/{audio_file_id}/transcript").json()
        assert leaked(strings(redacted)) == []

        unredacted = client.get(f"/audio-files/{audio_file_id}/transcript", params={"unredacted": "true"})
        assert unredacted.status_code == 200 and unredacted.json().get("redactions") is None
        assert set(leaked(strings(unredacted.json()))) >= {"ssn", "card_number"}  # the check can fail
        original = client.get(f"/audio-files/{audio_file_id}/download-url", params={"unredacted": "true"})
        assert original.status_code == 200 and original.json()["fileName"] == path.name
        assert httpx.get(original.json()["downloadUrl"]).content == path.read_bytes()

        for route in ("transcript", "download-url"):
            refused = reader_only.get(f"/audio-files/{audio_file_id}/{route}", params={"unredacted": "true"})
            assert refused.status_code == 403 and refused.json()["code"] == "insufficient_scope"
        # Without asking for it, the scope changes nothing: the redacted transcript.
        assert reader_only.get(f"/audio-files/{audio_file_id}/transcript").json() == redacted
