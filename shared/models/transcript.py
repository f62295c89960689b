"""The transcript document every transcription engine produces (stored as a blob, served as JSON)."""

from __future__ import annotations

import re

from pydantic import Field

from shared.models.base import WireModel
from shared.models.redaction import RedactedSpan

# The speaker of speech whose role (agent or customer) is unknown: every segment of mono audio, or with
# diarization one numbered voice per person ("speaker 1", "speaker 2"). Criteria for a role then count
# everyone's speech, because the agent cannot be told apart.
UNATTRIBUTED_SPEAKER = "speaker"
_UNATTRIBUTED = re.compile(rf"{UNATTRIBUTED_SPEAKER}(?: [1-9][0-9]*)?", re.ASCII)


def numbered_speaker(number: int) -> str:
    """The label of the ``number``-th (from 1) voice diarization told apart: "speaker 1", "speaker 2"."""
    return f"{UNATTRIBUTED_SPEAKER} {number}"


def is_unattributed(speaker: str) -> bool:
    """Whether a segment's speaker has no role: "speaker", or a diarized voice such as "speaker 2"."""
    return _UNATTRIBUTED.fullmatch(speaker) is not None


class Word(WireModel):
    text: str
    start_ms: int = Field(ge=0)
    end_ms: int = Field(ge=0)
    confidence: float | None = Field(default=None, ge=0, le=1)


class Segment(WireModel):
    """One stretch of speech by one speaker. ``index`` is the segment's position in ``segments``."""

    index: int = Field(ge=0)
    speaker: str  # "agent", "customer"; "speaker" or "speaker 1", "speaker 2" for mono audio (is_unattributed)
    channel: int | None = Field(default=None, ge=0)
    start_ms: int = Field(ge=0)
    end_ms: int = Field(ge=0)
    text: str
    confidence: float | None = Field(default=None, ge=0, le=1)
    words: list[Word] = Field(default_factory=list)


class EngineInfo(WireModel):
    name: str  # "faster-whisper", "pocketsphinx", "azure-speech"
    model: str  # e.g. "Systran/faster-whisper-base", "en-us"
    version: str  # engine library version


class Transcript(WireModel):
    audio_file_id: str
    language: str
    duration_ms: int = Field(ge=0)
    speakers: list[str]
    segments: list[Segment]
    text: str  # the full text, segments in time order, "speaker: text" lines
    engine: EngineInfo
    created_at: str  # ISO 8601 UTC
    # Set once the transcript is redacted: what was hidden and where (never the values); [] = nothing found.
    redactions: list[RedactedSpan] | None = None
