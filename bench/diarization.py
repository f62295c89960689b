"""Diarization and roles on generated calls: what ``bench.pipeline`` reports in its last tables.

Each of ``scripts.mono_calls``' calls (two espeak-ng voices, overlaps, backchannels, true turns known) is
transcribed by our Whisper engine twice in one child process (model loaded once): mixed to mono, where it is
diarized, and as stereo with the agent on the wrong channel. Per call: the diarization error rate of the
engine's own turns against the true ones, whether the agent is the agent, and how long diarization took
(its two passes, timed inside the engine's run) against the rest of the transcription.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.transcription_engines import (
    TimedSpeech,
    diarization_error_rate,
    peak_rss_mb,
    transcript_words,
    word_error_rate,
)
from scripts.mono_calls import MonoCall
from shared.models.transcript import Transcript

COLLAR_MS = 250  # NIST's usual collar: boundaries within 250 ms either way are not scored


@dataclass(frozen=True)
class DiarizedCall:
    name: str
    audio_s: float
    turns: int  # true turns, backchannels included
    der: float  # collar COLLAR_MS
    der_no_collar: float
    mono_role_right: bool
    mono_speakers: tuple[str, ...]
    mono_wer: float
    transcribe_s: float  # the whole mono transcription, diarization included
    diarize_s: float  # of which diarization's two passes
    stereo_role_right: bool
    stereo_swapped_flag: bool

    @property
    def added(self) -> float:
        """Diarization's time over the rest of the transcription."""
        return self.diarize_s / max(self.transcribe_s - self.diarize_s, 1e-9)


def agent_is_agent(transcript: Transcript, call: MonoCall) -> bool:
    """Whether the words the transcript gives to "agent" were, by time, mostly said by the true agent."""
    truth = {"agent": 0, "customer": 0}
    for segment in transcript.segments:
        if segment.speaker != "agent":
            continue
        for turn in call.turns:
            truth[turn.speaker] += max(0, min(segment.end_ms, turn.end_ms) - max(segment.start_ms, turn.start_ms))
    return transcript.roles is not None and truth["agent"] > truth["customer"]


class _DiarizationClock:
    """Times ``Diarizer.push`` and ``Diarizer.turns`` (which reads the recording again) inside the engine."""

    def __init__(self) -> None:
        from shared.ai.transcription import diarization

        self.seconds = 0.0
        self.turns: list[Any] = []
        self._class = diarization.Diarizer
        self._push, self._turns = self._class.push, self._class.turns
        clock = self

        def push(diarizer: Any, *args: Any) -> None:
            started = time.perf_counter()
            try:
                clock._push(diarizer, *args)
            finally:
                clock.seconds += time.perf_counter() - started

        def turns(diarizer: Any, windows: Iterable[Any]) -> list[Any]:
            started = time.perf_counter()
            try:
                clock.turns = clock._turns(diarizer, windows)
                return clock.turns
            finally:
                clock.seconds += time.perf_counter() - started

        self._class.push = push  # type: ignore[method-assign]
        self._class.turns = turns  # type: ignore[method-assign]

    def reset(self) -> None:
        self.seconds, self.turns = 0.0, []


def _diarize_in_child(model_dir: str, calls: Sequence[MonoCall]) -> list[DiarizedCall]:
    from shared.ai.transcription.base import AudioInput
    from shared.ai.transcription.whisper import WhisperEngine

    engine = WhisperEngine(Path(model_dir))  # the app's defaults: MAX_SPEAKERS 2, CHANNEL_SPEAKERS agent,customer
    engine.load()
    clock = _DiarizationClock()
    results: list[DiarizedCall] = []
    for call in calls:
        clock.reset()
        started = time.perf_counter()
        mono = engine.transcribe(AudioInput(f"bench-{call.name}", call.mono))
        transcribe_s = time.perf_counter() - started
        reference = [TimedSpeech(turn.speaker, turn.start_ms, turn.end_ms) for turn in call.turns]
        hypothesis = [TimedSpeech(turn.voice, turn.start_ms, turn.end_ms) for turn in clock.turns]
        stereo = engine.transcribe(AudioInput(f"bench-{call.name}-stereo", call.swapped_stereo))
        results.append(
            DiarizedCall(
                name=call.name,
                audio_s=mono.duration_ms / 1000,
                turns=len(call.turns),
                der=diarization_error_rate(reference, hypothesis, collar_ms=COLLAR_MS),
                der_no_collar=diarization_error_rate(reference, hypothesis, collar_ms=0),
                mono_role_right=agent_is_agent(mono, call),
                mono_speakers=tuple(mono.speakers),
                mono_wer=word_error_rate(call.reference, transcript_words(mono)),
                transcribe_s=transcribe_s,
                diarize_s=clock.seconds,
                # The agent is on channel 1 here: right means content moved the label there, and said so.
                stereo_role_right=stereo.speakers[:2] == ["customer", "agent"],
                stereo_swapped_flag=stereo.roles is not None and stereo.roles.swapped,
            )
        )
    return results


def diarize_calls(model_dir: Path, calls: Sequence[MonoCall]) -> list[DiarizedCall]:
    """Run ``calls`` through our engine in one fresh child process (model loaded once)."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        return pool.apply(_diarize_in_child, (str(model_dir), list(calls)))


def time_weighted_der(calls: Sequence[DiarizedCall], *, collar: bool = True) -> float:
    """The error over all calls together: each call's rate weighted by its length (as a pooled DER would be,
    near enough, the scored speech being about the same share of each call)."""
    total = sum(call.audio_s for call in calls)
    return sum((call.der if collar else call.der_no_collar) * call.audio_s for call in calls) / total


def rows(calls: Sequence[DiarizedCall]) -> Iterator[list[Any]]:
    for call in calls:
        yield [
            call.name, call.audio_s, call.turns, f"{call.der:.1%}", f"{call.der_no_collar:.1%}",
            ", ".join(call.mono_speakers), "yes" if call.mono_role_right else "NO", f"{call.mono_wer:.1%}",
            call.transcribe_s, call.diarize_s, f"{call.added:.1%}",
            "yes" if call.stereo_role_right and call.stereo_swapped_flag else "NO",
        ]  # fmt: skip


COLUMNS = [
    "call", "audio s", "true turns", f"DER (collar {COLLAR_MS} ms)", "DER (no collar)", "mono speakers",
    "mono agent right", "mono WER", "mono transcribe s", "of which diarization s", "diarization adds",
    "swapped stereo relabelled",
]  # fmt: skip


@dataclass(frozen=True)
class DiarizationMemory:
    label: str
    speech_regions_mb: float  # peak RSS reading the call and finding its speech (what transcription does anyway)
    diarized_mb: float  # the same plus both diarization passes

    @property
    def added_mb(self) -> float:
        return self.diarized_mb - self.speech_regions_mb


def _peak_in_child(audio_path: str, diarize: bool) -> float:
    from shared.ai.audio import iter_windows, probe_audio
    from shared.ai.transcription.diarization import Diarizer
    from shared.ai.transcription.speech import speech_regions

    facts = probe_audio(audio_path)
    diarizer = Diarizer()
    for window in iter_windows(audio_path, facts=facts):
        regions = speech_regions(window)
        if diarize:
            diarizer.push(window, regions)
    if diarize:
        diarizer.turns(iter_windows(audio_path, facts=facts))
    return peak_rss_mb()


def diarization_memory(label: str, audio: Path) -> DiarizationMemory:
    """Peak RSS of a child that reads ``audio`` and finds its speech, without and with diarizing it."""
    context = multiprocessing.get_context("spawn")
    peaks = []
    for diarize in (False, True):
        with context.Pool(1) as pool:
            peaks.append(pool.apply(_peak_in_child, (str(audio), diarize)))
    return DiarizationMemory(label, *peaks)
