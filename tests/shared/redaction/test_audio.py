"""The redacted copy of a recording: the spans are a tone or silence on every channel, the rest untouched."""

from __future__ import annotations

import io

import numpy as np
import pytest
import soundfile as sf

from scripts.sample_calls import SampleCalls
from shared.models.redaction import EntityType, RedactedSpan
from shared.redaction.audio import PADDING_MS, TONE_HZ, TONE_LEVEL, Masking, merged_intervals, redact_audio

pytestmark = pytest.mark.unit


def _account_turn(sample_calls: SampleCalls) -> RedactedSpan:
    turn = next(t for t in sample_calls.turns("support_call") if "four five six seven eight" in t.text)
    return RedactedSpan(type=EntityType.ACCOUNT_NUMBER, segment=3, start_ms=turn.start_ms, end_ms=turn.end_ms)


def _redacted(sample_calls: SampleCalls, masking: Masking) -> tuple[np.ndarray, np.ndarray, int, RedactedSpan]:
    span = _account_turn(sample_calls)
    out = io.BytesIO()
    redact_audio(sample_calls.support_call, out, [span], masking=masking)
    out.seek(0)
    redacted, rate = sf.read(out, dtype="float32", always_2d=True)
    original, original_rate = sf.read(sample_calls.support_call, dtype="float32", always_2d=True)
    assert (rate, redacted.shape) == (original_rate, original.shape)
    return original, redacted, rate, span


def _samples(span: RedactedSpan, rate: int, padding_ms: int = 0) -> slice:
    return slice((span.start_ms - padding_ms) * rate // 1000, (span.end_ms + padding_ms) * rate // 1000)


def test_the_span_becomes_a_tone_on_every_channel(sample_calls: SampleCalls) -> None:
    original, redacted, rate, span = _redacted(sample_calls, Masking.TONE)
    inside = redacted[_samples(span, rate)]
    assert np.max(np.abs(original[_samples(span, rate)])) > 0.1  # the customer spoke there
    for channel in inside.T:
        spectrum = np.abs(np.fft.rfft(channel))
        peak_hz = np.argmax(spectrum) * rate / channel.size
        assert abs(peak_hz - TONE_HZ) < 5
        assert np.sqrt(np.mean(channel**2)) == pytest.approx(TONE_LEVEL / np.sqrt(2), rel=0.02)


def test_silence_and_nothing_else_changed(sample_calls: SampleCalls) -> None:
    original, redacted, rate, span = _redacted(sample_calls, Masking.SILENCE)
    masked = _samples(span, rate, PADDING_MS)
    assert np.max(np.abs(redacted[masked])) == 0.0
    outside = np.ones(original.shape[0], dtype=bool)
    outside[masked] = False
    # Both are 16-bit PCM: outside the span the copy is the same samples.
    assert np.max(np.abs(redacted[outside] - original[outside])) < 1e-4
    assert np.max(np.abs(original[outside])) > 0.1


def test_intervals_are_padded_and_merged() -> None:
    spans = [
        RedactedSpan(type=EntityType.SSN, segment=0, start_ms=1000, end_ms=2000),
        RedactedSpan(type=EntityType.EMAIL, segment=1, start_ms=2200, end_ms=3000),
        RedactedSpan(type=EntityType.SSN, segment=2, start_ms=50, end_ms=100),
        RedactedSpan(type=EntityType.SSN, segment=3, start_ms=9000, end_ms=9500),
    ]
    assert merged_intervals(spans, padding_ms=150) == [(0, 250), (850, 3150), (8850, 9650)]
