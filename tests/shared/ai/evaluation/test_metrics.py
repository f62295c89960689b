"""Talk metrics from segment timings."""

from __future__ import annotations

import pytest

from shared.ai.evaluation.metrics import compute_talk_metrics, merge_intervals
from shared.models.transcript import EngineInfo, Segment, Transcript

pytestmark = pytest.mark.unit


def transcript(segments: list[tuple[str, int, int, str]], duration_ms: int) -> Transcript:
    return Transcript(
        audio_file_id="af",
        language="en-US",
        duration_ms=duration_ms,
        speakers=sorted({speaker for speaker, *_ in segments}),
        segments=[
            Segment(index=i, speaker=speaker, start_ms=start, end_ms=end, text=text)
            for i, (speaker, start, end, text) in enumerate(segments)
        ],
        text="",
        engine=EngineInfo(name="test", model="m", version="1"),
        created_at="2024-05-01T12:00:00Z",
    )


def test_merge_intervals() -> None:
    assert merge_intervals([(5, 8), (0, 2), (1, 3), (8, 9)]) == [(0, 3), (5, 9)]


def test_stereo_call_with_barge_in() -> None:
    metrics = compute_talk_metrics(
        transcript(
            [
                ("agent", 0, 6_000, "one two three four five six seven eight nine ten"),
                ("customer", 5_000, 9_000, "sorry to interrupt but"),  # barges in 1 s early
                ("agent", 10_000, 12_000, "sure go ahead"),
                ("agent", 12_500, 15_000, "and then"),  # same speaker again: one monologue
                ("customer", 14_000, 14_500, "mm hmm"),  # backchannel inside the agent's turn
                ("customer", 20_000, 22_000, "thanks bye"),
            ],
            duration_ms=24_000,
        )
    )
    assert metrics.duration_ms == 24_000
    assert metrics.speech_ms == 9_000 + 2_000 + 2_500 + 2_000
    assert metrics.silence_ms == 8_500
    assert metrics.silence_ratio == pytest.approx(8_500 / 24_000, abs=1e-4)
    assert metrics.longest_silence_ms == 5_000  # 15 s to 20 s of dead air
    assert metrics.overlap_count == 2
    assert metrics.overlap_ms == 1_000 + 500
    agent, customer = metrics.speakers
    assert (agent.speaker, agent.talk_ms, agent.words, agent.turns, agent.interruptions) == ("agent", 10_500, 15, 2, 0)
    # The barge-in interrupts; the "mm hmm" inside the agent's turn is listening, not interrupting.
    assert (customer.talk_ms, customer.words, customer.interruptions) == (6_500, 8, 1)
    assert agent.talk_ratio + customer.talk_ratio == pytest.approx(1)
    assert agent.words_per_minute == pytest.approx(15 * 60_000 / 10_500, abs=0.1)
    # The customer's "mm hmm" and "thanks bye" are one turn but 5.5 s apart: not one 8 s monologue.
    assert (metrics.longest_monologue_ms, metrics.longest_monologue_speaker) == (6_000, "agent")


def test_empty_transcript() -> None:
    metrics = compute_talk_metrics(transcript([], duration_ms=0))
    assert (metrics.speech_ms, metrics.silence_ratio, metrics.speakers) == (0, 0.0, [])
    assert metrics.longest_monologue_speaker is None
