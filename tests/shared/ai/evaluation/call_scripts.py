"""The reference support calls, as clean text and as typical speech-recognition output, and a builder
that turns (speaker, text) turns into a realistic stereo ``Transcript``."""

from __future__ import annotations

from collections.abc import Sequence

from scripts.sample_calls import AI_AGENT_CALL, SUPPORT_CALL
from shared.models.transcript import EngineInfo, Segment, Transcript, Word

Script = tuple[tuple[str, str], ...]

# The reference calls are the ones the sample-call generator speaks, so text and audio never drift apart.
HUMAN_CALL: Script = tuple((turn.speaker, turn.text) for turn in SUPPORT_CALL.turns)
AI_CALL: Script = tuple((turn.speaker, turn.text) for turn in AI_AGENT_CALL.turns)

# Lowercase, no punctuation, digits as numerals, split and misheard words, a filler.
HUMAN_CALL_ASR: Script = (
    ("agent", "thank you for calling can toso support my name is sara how can i help you today"),
    ("customer", "hi i was charged twice for my subscription this month and um i want a refund"),
    ("agent", "i can help with that can you please confirm your a count number"),
    ("customer", "sure it is 45678"),
    ("agent", "thank you i see the duplicate charge i will issue a refund of 20 dollars today"),
    ("customer", "great how long will it take"),
    ("agent", "the refund will arrive within 5 busy ness days is there any thing else i can help you with"),
    ("customer", "no that is all thanks"),
    ("agent", "thank you for calling can toso have a great day"),
)

AI_CALL_ASR: Script = (
    (
        "agent",
        "hello this is the can toso virtual assistance this call is recorded for quality purposes how can i help you",
    ),
    ("customer", "i want to change my delivery address"),
    ("agent", "i can help with that can you please confirm your order number"),
    ("customer", "it is 9876"),
    (
        "agent",
        "thank you i have updated your delivery address would you like me to transfer you "
        "to a human a gent for anything else",
    ),
    ("customer", "no thanks goodbye"),
    ("agent", "thank you for calling contoso good bye"),
)

CHANNELS = {"agent": 0, "customer": 1}
FIRST_START_MS = 600
GAP_MS = 700
MS_PER_WORD = 330


def build_segments(
    lines: Sequence[tuple[str, str]],
    *,
    with_words: bool = True,
    overlaps_ms: dict[int, int] | None = None,
) -> list[Segment]:
    """Turns take ``MS_PER_WORD`` per word with ``GAP_MS`` between them (3-5 s for a typical turn).

    ``overlaps_ms`` makes turn ``i`` start that many ms before the previous turn ends (barge-in).
    """
    segments: list[Segment] = []
    cursor = FIRST_START_MS
    for index, (speaker, text) in enumerate(lines):
        start = FIRST_START_MS if index == 0 else cursor + GAP_MS - (overlaps_ms or {}).get(index, 0)
        tokens = text.split()
        words = [
            Word(text=token, start_ms=start + i * MS_PER_WORD, end_ms=start + (i + 1) * MS_PER_WORD - 40)
            for i, token in enumerate(tokens)
        ]
        end = start + len(tokens) * MS_PER_WORD
        segments.append(
            Segment(
                index=index,
                speaker=speaker,
                channel=CHANNELS.get(speaker),
                start_ms=start,
                end_ms=end,
                text=text,
                confidence=0.9,
                words=words if with_words else [],
            )
        )
        cursor = end
    return segments


def build_transcript(
    script: Sequence[tuple[str, str]],
    *,
    audio_file_id: str = "af_test",
    with_words: bool = True,
    overlaps_ms: dict[int, int] | None = None,
    tail_ms: int = 1500,
) -> Transcript:
    segments = build_segments(script, with_words=with_words, overlaps_ms=overlaps_ms)
    return Transcript(
        audio_file_id=audio_file_id,
        language="en-US",
        duration_ms=max(segment.end_ms for segment in segments) + tail_ms,
        speakers=list(dict.fromkeys(segment.speaker for segment in segments)),
        segments=segments,
        text="\n".join(f"{segment.speaker}: {segment.text}" for segment in segments),
        engine=EngineInfo(name="test", model="scripted", version="1"),
        created_at="2024-05-01T12:00:00Z",
    )
