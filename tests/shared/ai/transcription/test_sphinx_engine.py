"""PocketSphinx, the zero-download fallback, on the generated support call."""

from __future__ import annotations

import re

import pytest

from bench.transcription_engines import transcript_words, word_error_rate
from scripts.sample_calls import SUPPORT_CALL, SampleCalls
from shared.ai.errors import EngineError
from shared.ai.transcription.base import AudioInput
from shared.ai.transcription.sphinx import PocketSphinxEngine, is_filler
from shared.models.transcript import Transcript

# Measured: 66% on the generated call (synthetic voices suit it badly; ~32% on a clean human reading).
MAX_WER = 0.80
TURN_TOLERANCE_MS = 300


@pytest.fixture(scope="module")
def support_transcript(sample_calls: SampleCalls) -> Transcript:
    return PocketSphinxEngine().transcribe(AudioInput("af_support", sample_calls.support_call))


@pytest.mark.unit
@pytest.mark.slow
def test_pocketsphinx_gets_the_gist_of_the_support_call(support_transcript: Transcript) -> None:
    wer = word_error_rate(SUPPORT_CALL.text, transcript_words(support_transcript))

    assert wer < MAX_WER, f"WER {wer:.3f}: {support_transcript.text}"
    assert support_transcript.engine.name == "pocketsphinx"
    assert support_transcript.engine.model == "en-us"


@pytest.mark.unit
@pytest.mark.slow
def test_speakers_and_times_follow_the_script(support_transcript: Transcript, sample_calls: SampleCalls) -> None:
    turns = sample_calls.turns("support_call")

    assert support_transcript.speakers == ["agent", "customer"]
    assert len(support_transcript.segments) >= len(turns) - 1
    for segment in support_transcript.segments:
        turn = max(turns, key=lambda t: min(segment.end_ms, t.end_ms) - max(segment.start_ms, t.start_ms))
        assert (segment.speaker, segment.channel) == (turn.speaker, 0 if turn.speaker == "agent" else 1)
        assert turn.start_ms - TURN_TOLERANCE_MS <= segment.start_ms < segment.end_ms
        assert segment.end_ms <= turn.end_ms + TURN_TOLERANCE_MS


@pytest.mark.unit
@pytest.mark.slow
def test_words_are_real_words_with_times(support_transcript: Transcript) -> None:
    words = [word for segment in support_transcript.segments for word in segment.words]

    assert words
    for word in words:
        assert re.fullmatch(r"[a-z']+", word.text), word  # no <s>, <sil>, [NOISE] or to(2)
        assert word.start_ms < word.end_ms
        assert word.confidence is not None and 0 <= word.confidence <= 1
    for segment in support_transcript.segments:
        assert segment.text == " ".join(word.text for word in segment.words)


@pytest.mark.unit
def test_filler_tokens() -> None:
    assert all(is_filler(token) for token in ("<s>", "</s>", "<sil>", "[NOISE]", "++UH++", ""))
    assert not any(is_filler(token) for token in ("to(2)", "refund", "i"))


@pytest.mark.unit
def test_broken_audio_is_refused(sample_calls: SampleCalls) -> None:
    with pytest.raises(EngineError) as caught:
        PocketSphinxEngine().transcribe(AudioInput("af_1", sample_calls.path("truncated.wav")))

    assert caught.value.code == "unsupported_audio"
