"""The transcript document every transcription engine produces (stored as a blob, served as JSON)."""

from __future__ import annotations

from pydantic import Field

from shared.models.base import WireModel


class Word(WireModel):
    text: str
    start_ms: int = Field(ge=0)
    end_ms: int = Field(ge=0)
    confidence: float | None = Field(default=None, ge=0, le=1)


class Segment(WireModel):
    """One stretch of speech by one speaker. ``index`` is the segment's position in ``segments``."""

    index: int = Field(ge=0)
    speaker: str  # "agent", "customer", or "speaker" for mono audio
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
