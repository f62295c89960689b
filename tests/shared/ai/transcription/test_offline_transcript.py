"""Merging the channels' segments into the transcript document."""

from __future__ import annotations

import pytest

from shared.ai.audio import AudioFacts
from shared.ai.transcription.offline import DraftSegment, build_transcript
from shared.models.transcript import EngineInfo, Word

pytestmark = pytest.mark.unit

FACTS = AudioFacts(duration_ms=12_000, channels=2, sample_rate=16_000, format="wav")
ENGINE = EngineInfo(name="test", model="m", version="1")


def test_channels_are_merged_by_start_time_with_speaker_lines() -> None:
    drafts = [
        DraftSegment(channel=1, start_ms=3000, end_ms=4000, text=" Hi there. ", confidence=0.9),
        DraftSegment(channel=0, start_ms=500, end_ms=2500, text="Hello.", confidence=1.7),
        DraftSegment(
            channel=0,
            start_ms=5000,
            end_ms=6000,
            text="How can I help?",
            words=[Word(text="How", start_ms=5000, end_ms=5200)],
        ),
        DraftSegment(channel=1, start_ms=7000, end_ms=7000, text="   "),
    ]

    transcript = build_transcript(
        audio_file_id="af_1", facts=FACTS, speakers=["agent", "customer"], drafts=drafts, language="en", engine=ENGINE
    )

    assert [(s.index, s.speaker, s.channel, s.start_ms) for s in transcript.segments] == [
        (0, "agent", 0, 500),
        (1, "customer", 1, 3000),
        (2, "agent", 0, 5000),
    ]
    assert transcript.text == "agent: Hello.\ncustomer: Hi there.\nagent: How can I help?"
    assert transcript.segments[0].confidence == 1.0  # clamped into 0..1
    assert transcript.segments[2].words[0].text == "How"
    assert transcript.duration_ms == 12_000 and transcript.speakers == ["agent", "customer"]
    assert transcript.to_wire()["audioFileId"] == "af_1"


def test_an_empty_recording_gives_an_empty_transcript() -> None:
    transcript = build_transcript(
        audio_file_id="af_1", facts=FACTS, speakers=["speaker"], drafts=[], language="en", engine=ENGINE
    )

    assert transcript.segments == [] and transcript.text == ""
