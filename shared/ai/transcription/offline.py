"""What the embedded (offline) engines share: probe, decode per channel in windows, merge into a Transcript.

An engine subclasses ``WindowedEngine`` and implements ``_transcribe_window`` for one 16 kHz mono window;
timing on the recording's timeline, speaker mapping, ordering and the transcript document are done here.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from shared.ai import utc_now_iso
from shared.ai.audio import (
    DEFAULT_MAX_WINDOW_S,
    DEFAULT_MIN_WINDOW_S,
    AudioFacts,
    AudioWindow,
    channels_are_duplicates,
    iter_windows,
    probe_audio,
    speaker_names,
)
from shared.ai.errors import EngineError
from shared.ai.transcription.base import AudioInput
from shared.ai.transcription.roles import CONFIDENT, decide_agent
from shared.ai.transcription.speech import SpeechPacker, speech_regions
from shared.models.transcript import EngineInfo, RecordingFacts, Segment, SpeakerRoles, Transcript, Word

logger = logging.getLogger(__name__)

DEFAULT_SPEAKERS: tuple[str, ...] = ("agent", "customer")  # stereo call recorders: agent left, customer right


@dataclass
class DraftSegment:
    """A segment on the recording's timeline, before speakers and indexes are assigned."""

    channel: int
    start_ms: int
    end_ms: int
    text: str
    confidence: float | None = None
    words: list[Word] = field(default_factory=list)


@dataclass(frozen=True)
class WindowResult:
    segments: list[DraftSegment]
    language: str | None = None


def clamp_unit(value: float) -> float:
    return min(1.0, max(0.0, value))


class WindowedEngine:
    """Template for engines that transcribe each channel window by window."""

    name: str = ""
    model: str = ""
    version: str = ""
    # Decode only the speech (joined into windows with a time map) instead of every window whole.
    speech_only: bool = False

    def __init__(
        self,
        *,
        speakers: Sequence[str] = DEFAULT_SPEAKERS,
        max_window_s: float = DEFAULT_MAX_WINDOW_S,
        min_window_s: float = DEFAULT_MIN_WINDOW_S,
        default_language: str | None = None,
    ):
        self.speakers = tuple(speakers)
        self.max_window_s = max_window_s
        self.min_window_s = min_window_s
        self.default_language = default_language

    def _transcribe_window(self, window: AudioWindow, language: str | None) -> WindowResult:
        raise NotImplementedError

    def load(self) -> None:
        """Load the model now (else the first ``transcribe`` does).

        Raises EngineError("model_unavailable") when it cannot.
        """

    def transcribe(self, audio: AudioInput) -> Transcript:
        facts = probe_audio(audio.path)  # AudioError (unsupported_audio) for empty, cut or non-audio files
        self.load()
        # A mono recording stored as stereo would otherwise have every word attributed to both speakers.
        mixdown = facts.channels > 1 and channels_are_duplicates(audio.path, facts=facts)
        channels = 1 if mixdown else facts.channels
        names = speaker_names(channels, self.speakers)
        started = time.perf_counter()
        drafts: list[DraftSegment] = []
        language: str | None = None
        decoded = 0
        # Every engine learns where the speech is (dead channels are reported); speech-only engines decode
        # nothing else, the others decode whole windows.
        packer = SpeechPacker(max_window_s=self.max_window_s)
        for window in iter_windows(
            audio.path,
            facts=facts,
            mixdown=mixdown,
            max_window_s=self.max_window_s,
            min_window_s=self.min_window_s,
        ):
            regions = speech_regions(window)
            packed = list(packer.push(window, regions))
            for unit in packed if self.speech_only else ([] if window.is_silent() else [window]):
                result = self._decode(audio, unit, language)
                language = language or result.language
                drafts.extend(result.segments)
                decoded += 1
        for unit in packer.finish() if self.speech_only else ():
            result = self._decode(audio, unit, language)
            language = language or result.language
            drafts.extend(result.segments)
            decoded += 1
        elapsed = time.perf_counter() - started
        logger.info(
            "%s transcribed %s: %d ms of audio, %d channel(s), %d windows decoded, %d segments in %.1f s (RTF %.3f)",
            self.name,
            audio.audio_file_id,
            facts.duration_ms,
            channels,
            decoded,
            len(drafts),
            elapsed,
            elapsed * 1000 / max(facts.duration_ms, 1),
        )
        recording = RecordingFacts(
            channels=facts.channels,
            sample_rate=facts.sample_rate,
            format=facts.format,
            dead_channels=[c for c in range(channels) if channels > 1 and not packer.speech_samples.get(c)],
            duplicate_channels=mixdown,
        )
        names, roles = channel_roles(names, drafts)
        return build_transcript(
            audio_file_id=audio.audio_file_id,
            facts=facts,
            speakers=names,
            drafts=drafts,
            language=language or self.default_language,
            engine=EngineInfo(name=self.name, model=self.model, version=self.version),
            roles=roles,
            recording=recording,
        )

    def _decode(self, audio: AudioInput, window: AudioWindow, language: str | None) -> WindowResult:
        try:
            return self._transcribe_window(window, language)
        except EngineError:
            raise
        except (RuntimeError, ValueError, MemoryError) as error:
            logger.exception("%s failed on %s at %d ms", self.name, audio.audio_file_id, window.start_ms)
            raise EngineError("engine_failed", f"{self.name} failed to transcribe", retryable=True) from error


def channel_roles(names: list[str], drafts: Sequence[DraftSegment]) -> tuple[list[str], SpeakerRoles | None]:
    """The channels' speaker names, the first two swapped when what was said shows the agent on the other.

    The first name is the configured agent channel's; content overrules it only when at least ``CONFIDENT``.
    """
    if len(names) < 2:
        return names, None
    texts = {channel: "" for channel in range(len(names))}
    for draft in drafts:
        texts[draft.channel] += " " + draft.text
    decision = decide_agent(texts)
    if decision is None:
        return names, None
    if decision.confidence < CONFIDENT:
        agreeing = decision.confidence if decision.agent == 0 else 1 - decision.confidence
        return names, SpeakerRoles(source="channel", confidence=round(agreeing, 3))
    if decision.agent == 0:
        return names, SpeakerRoles(source="content", confidence=decision.confidence)
    swapped = list(names)
    swapped[0], swapped[decision.agent] = names[decision.agent], names[0]
    return swapped, SpeakerRoles(source="content", confidence=decision.confidence, swapped=True)


def build_transcript(
    *,
    audio_file_id: str,
    facts: AudioFacts,
    speakers: list[str],
    drafts: Sequence[DraftSegment],
    language: str | None,
    engine: EngineInfo,
    roles: SpeakerRoles | None = None,
    recording: RecordingFacts | None = None,
) -> Transcript:
    """Merge the channels' segments by start time into the transcript document."""
    ordered = sorted((d for d in drafts if d.text.strip()), key=lambda d: (d.start_ms, d.channel, d.end_ms))
    segments = [
        Segment(
            index=index,
            speaker=speakers[draft.channel],
            channel=draft.channel,
            start_ms=draft.start_ms,
            end_ms=max(draft.end_ms, draft.start_ms),
            text=draft.text.strip(),
            confidence=None if draft.confidence is None else clamp_unit(draft.confidence),
            words=draft.words,
        )
        for index, draft in enumerate(ordered)
    ]
    return Transcript(
        audio_file_id=audio_file_id,
        language=language,
        duration_ms=facts.duration_ms,
        speakers=speakers,
        segments=segments,
        text="\n".join(f"{segment.speaker}: {segment.text}" for segment in segments),
        engine=engine,
        created_at=utc_now_iso(),
        roles=roles,
        audio=recording,
    )
