"""Find the speech in each channel and join it into windows of up to 30 s, so the decoder hears only speech.

Silero VAD (the ONNX model that ships inside faster-whisper, run with onnxruntime) marks speech in each
window ``iter_windows`` yields. ``SpeechPacker`` copies those regions, per channel, into windows of at most
``max_window_s`` whose ``pieces`` map every sample back to the recording. On a stereo call about half of each
channel is the other party talking; decoding only speech skips it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from shared.ai.audio import DEFAULT_MAX_WINDOW_S, AudioWindow, Piece

# onnxruntime phones home unless told not to, and reads this when it loads: set it before it can be imported.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

# Silence this long ends a speech region: shorter than the gap around the other party's shortest turn, so
# a channel's regions never span the other side's words, and longer than a pause between two words.
MIN_SILENCE_MS = 600
SPEECH_PAD_MS = 200  # kept on each side of a region, so soft word onsets and endings are not cut
MIN_SPEECH_MS = 120  # shorter blips (a click, a breath) are not speech


@dataclass(frozen=True)
class SpeechRegion:
    channel: int
    start_sample: int  # on the recording's timeline, at the window's sample rate
    end_sample: int


def speech_regions(window: AudioWindow) -> list[SpeechRegion]:
    """The speech in ``window`` according to Silero VAD, on the recording's timeline."""
    if window.is_silent():
        return []
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    options = VadOptions(
        min_silence_duration_ms=MIN_SILENCE_MS, speech_pad_ms=SPEECH_PAD_MS, min_speech_duration_ms=MIN_SPEECH_MS
    )
    stamps = get_speech_timestamps(window.samples, options, sampling_rate=window.sample_rate)
    return [
        SpeechRegion(window.channel, window.start_sample + stamp["start"], window.start_sample + stamp["end"])
        for stamp in stamps
        if stamp["end"] > stamp["start"]
    ]


@dataclass
class _Pending:
    chunks: list[np.ndarray] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    size: int = 0


class SpeechPacker:
    """Joins each channel's speech regions into windows of at most ``max_window_s``, in time order.

    Memory stays bounded by one pending window per channel. A region longer than a window (it cannot be, as
    regions come from windows of that length) would be cut.
    """

    def __init__(self, *, max_window_s: float = DEFAULT_MAX_WINDOW_S):
        self._max_s = max_window_s
        self._pending: dict[int, _Pending] = {}
        self._rates: dict[int, int] = {}
        self.speech_samples: dict[int, int] = {}  # per channel: how much speech was found

    def push(self, window: AudioWindow, regions: list[SpeechRegion]) -> Iterator[AudioWindow]:
        """Add ``window``'s speech; yields the windows that filled up."""
        self._rates[window.channel] = window.sample_rate
        self.speech_samples.setdefault(window.channel, 0)
        limit = int(self._max_s * window.sample_rate)
        pending = self._pending.setdefault(window.channel, _Pending())
        for region in regions:
            first = region.start_sample - window.start_sample
            samples = window.samples[first : first + min(region.end_sample - region.start_sample, limit)]
            if not samples.size:
                continue
            self.speech_samples[window.channel] += samples.size
            if pending.size + samples.size > limit:
                yield self._flush(window.channel)
                pending = self._pending[window.channel]
            pending.pieces.append(Piece(pending.size, region.start_sample, samples.size))
            pending.chunks.append(np.array(samples, dtype=np.float32))  # a copy: the window is released
            pending.size += samples.size

    def finish(self) -> Iterator[AudioWindow]:
        """The last, partly filled window of each channel."""
        for channel in sorted(self._pending):
            if self._pending[channel].size:
                yield self._flush(channel)

    def _flush(self, channel: int) -> AudioWindow:
        pending = self._pending[channel]
        self._pending[channel] = _Pending()
        return AudioWindow(
            channel,
            pending.pieces[0].start_sample,
            np.concatenate(pending.chunks),
            self._rates[channel],
            pieces=tuple(pending.pieces),
        )
