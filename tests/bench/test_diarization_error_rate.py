"""The bench's diarization error rate scores as NIST's md-eval does: mapping, overlap, collar."""

from __future__ import annotations

import pytest

from bench.transcription_engines import TimedSpeech, diarization_error_rate

pytestmark = pytest.mark.unit

REFERENCE = [TimedSpeech("agent", 0, 4000), TimedSpeech("customer", 5000, 9000)]


def test_the_voices_numbering_does_not_matter() -> None:
    hypothesis = [TimedSpeech(1, 0, 4000), TimedSpeech(0, 5000, 9000)]
    assert diarization_error_rate(REFERENCE, hypothesis, collar_ms=0) == 0.0


def test_one_voice_for_everyone_confuses_the_other_speakers_time() -> None:
    hypothesis = [TimedSpeech(0, 0, 9000)]
    # 4 s of customer speech confused, 1 s of false alarm in the pause, over 8 s of reference speech.
    assert diarization_error_rate(REFERENCE, hypothesis, collar_ms=0) == pytest.approx(5 / 8)


def test_missed_speech_counts_and_the_collar_forgives_boundaries() -> None:
    late = [TimedSpeech(0, 200, 4000), TimedSpeech(1, 5000, 8000)]

    assert diarization_error_rate(REFERENCE, late, collar_ms=0) == pytest.approx(1.2 / 8)
    # Collars of 250 ms around the four edges leave 7 s scored; the late start is inside one, and of the
    # missed last second the 750 ms before the collar count.
    assert diarization_error_rate(REFERENCE, late, collar_ms=250) == pytest.approx(0.75 / 7)


def test_overlapped_speech_counts_once_per_speaker() -> None:
    reference = [TimedSpeech("agent", 0, 4000), TimedSpeech("customer", 3000, 5000)]
    single_voice_at_a_time = [TimedSpeech(0, 0, 4000), TimedSpeech(1, 4000, 5000)]
    # The customer's first second, under the agent, is missed: 1 s of 6 s.
    assert diarization_error_rate(reference, single_voice_at_a_time, collar_ms=0) == pytest.approx(1 / 6)
