"""What the embedded (offline) engines share: probe, decode per channel in windows, merge into a Transcript.

An engine subclasses ``WindowedEngine`` and implements ``_transcribe_window`` for one 16 kHz mono window;
timing on the recording's timeline, speaker mapping, ordering and the transcript document are done here.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import partial

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
from shared.ai.transcription.diarization import Diarizer, TurnIndex
from shared.ai.transcription.roles import CONFIDENT, decide_agent
from shared.ai.transcription.speech import SpeechPacker, speech_regions
from shared.models.transcript import (
    UNATTRIBUTED_SPEAKER,
    EngineInfo,
    RecordingFacts,
    Segment,
    SpeakerRoles,
    Transcript,
    Word,
    numbered_speaker,
)

logger = logging.getLogger(__name__)

DEFAULT_SPEAKERS: tuple[str, ...] = ("agent", "customer")  # stereo call recorders: agent left, customer right
DEFAULT_MAX_SPEAKERS = 2  # voices told apart on a mono call; 1 turns diarization off


@dataclass
class DraftSegment:
    """A segment on the recording's timeline, before speakers and indexes are assigned."""

    channel: int
    start_ms: int
    end_ms: int
    text: str
    confidence: float | None = None
    words: list[Word] = field(default_factory=list)
    voice: int | None = None  # on a diarized mono call: which voice (else the channel is the speaker)

    @property
    def speaker_index(self) -> int:
        return self.channel if self.voice is None else self.voice


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
        max_speakers: int = DEFAULT_MAX_SPEAKERS,
    ):
        self.speakers = tuple(speakers)
        self.max_speakers = max_speakers
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
        # One voice per channel on stereo; a mono call's voices are told apart as it is read.
        diarizer = Diarizer(max_speakers=self.max_speakers) if channels == 1 and self.max_speakers > 1 else None
        windows = partial(
            iter_windows,
            audio.path,
            facts=facts,
            mixdown=mixdown,
            max_window_s=self.max_window_s,
            min_window_s=self.min_window_s,
        )
        for window in windows():
            regions = speech_regions(window)
            if diarizer is not None:
                diarizer.push(window, regions)
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
        if diarizer is not None:
            turns = TurnIndex(diarizer.turns(windows()))
            drafts, names, roles = voice_roles(assign_voices(drafts, turns), self.speakers)
        else:
            names, roles = channel_roles(names, drafts)
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


# A change of voice inside a segment moves to a punctuation mark at most this many words away: Whisper's word
# times and the turn boundaries are each off by a word now and then, its punctuation rarely.
SNAP_WORDS = 2
_CLAUSE_END = (".", "?", "!", ",", ";", ":")


def assign_voices(drafts: Sequence[DraftSegment], turns: TurnIndex) -> list[DraftSegment]:
    """Each word to the voice speaking over it; a segment is split wherever the voice changes.

    One word of another voice between two of the same is the same voice's (the other was backchanneling
    over it); a change moves to the nearest clause end within ``SNAP_WORDS``. A segment without word times
    goes whole to the voice that speaks over most of it.
    """
    assigned: list[DraftSegment] = []
    for draft in drafts:
        if not draft.words:
            assigned.append(replace(draft, voice=turns.voice(draft.start_ms, draft.end_ms) or 0))
            continue
        voices = word_voices(draft.words, [turns.voice(w.start_ms, w.end_ms) or 0 for w in draft.words])
        runs: list[tuple[int, list[Word]]] = []
        for voice, word in zip(voices, draft.words, strict=True):
            if runs and runs[-1][0] == voice:
                runs[-1][1].append(word)
            else:
                runs.append((voice, [word]))
        assigned.extend(
            replace(
                draft,
                start_ms=words[0].start_ms,
                end_ms=max(words[-1].end_ms, words[0].start_ms),
                text=" ".join(word.text for word in words),
                words=words,
                voice=voice,
            )
            for voice, words in runs
        )
    return assigned


def word_voices(words: Sequence[Word], voices: Sequence[int]) -> list[int]:
    """``voices`` (one per word of a segment) with lone flips undone and changes moved to clause ends."""
    result = list(voices)
    for index in range(1, len(result) - 1):
        if result[index - 1] == result[index + 1] != result[index]:
            result[index] = result[index - 1]
    for change in [i for i in range(1, len(result)) if result[i] != result[i - 1]]:
        if words[change - 1].text.endswith(_CLAUSE_END):
            continue
        ends = [i for i in range(max(1, change - SNAP_WORDS), min(len(result), change + SNAP_WORDS + 1))
                if words[i - 1].text.endswith(_CLAUSE_END)]  # fmt: skip
        if not ends:
            continue
        target = min(ends, key=lambda i: abs(i - change))
        before, after = result[change - 1], result[change]
        low, high = sorted((change, target))
        # The words between the change and the clause end go to the side the clause end puts them on.
        result[low:high] = [after if target < change else before] * (high - low)
    return result


def voice_roles(
    drafts: Sequence[DraftSegment], speakers: Sequence[str]
) -> tuple[list[DraftSegment], list[str], SpeakerRoles | None]:
    """A diarized call's segments with voices renumbered by first word, the voices' names, and the roles.

    When what was said shows which voice is the agent (at least ``CONFIDENT``), that voice takes the first of
    ``speakers`` and the voice that says most of the rest the second, as the channels are named on stereo
    calls; otherwise the voices are "speaker 1", "speaker 2"... by first appearance, and count as
    unattributed. One voice is "speaker", as any mono call without diarization.
    """
    order: dict[int, int] = {}
    for draft in sorted((d for d in drafts if d.text.strip()), key=lambda d: d.start_ms):
        order.setdefault(draft.speaker_index, len(order))
    drafts = [replace(draft, voice=order.get(draft.speaker_index, 0)) for draft in drafts]
    if len(order) < 2:
        return drafts, [UNATTRIBUTED_SPEAKER], None
    names = [numbered_speaker(voice + 1) for voice in range(len(order))]
    texts = {voice: "" for voice in range(len(order))}
    for draft in drafts:
        texts[draft.speaker_index] += " " + draft.text
    decision = decide_agent(texts)
    if decision is None or decision.confidence < CONFIDENT:
        return drafts, names, None
    names[decision.agent] = speakers[0]
    others = sorted((v for v in texts if v != decision.agent), key=lambda v: -len(texts[v].split()))
    if len(speakers) > 1:
        names[others[0]] = speakers[1]
    return drafts, names, SpeakerRoles(source="content", confidence=decision.confidence)


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
    """Merge the channels' (or voices') segments by start time into the transcript document."""
    ordered = sorted((d for d in drafts if d.text.strip()), key=lambda d: (d.start_ms, d.speaker_index, d.end_ms))
    segments = [
        Segment(
            index=index,
            speaker=speakers[draft.speaker_index],
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
