"""The transcription interface every engine implements."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from shared.models.transcript import Transcript


@dataclass(frozen=True)
class AudioInput:
    """One recording to transcribe: the original bytes in a local file, plus what we know of it."""

    audio_file_id: str
    path: Path
    content_type: str | None = None
    channels: int | None = None
    # The recording's length, when already probed (the upload stores it); engines probe the file otherwise.
    duration_ms: int | None = None
    # A read-only URL of the same blob, for engines that fetch audio themselves (batch transcription).
    source_url: str | None = None
    # The processing run: an engine that starts a remote job names it after the run, so that a retried
    # stage finds and resumes the job instead of starting (and paying for) another.
    run_id: str | None = None


class TranscriptionEngine(Protocol):
    name: str

    def transcribe(self, audio: AudioInput) -> Transcript: ...
