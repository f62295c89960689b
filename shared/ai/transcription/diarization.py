"""Who spoke when on a mono call, computed without a model: MFCC and pitch statistics, clustering, Viterbi.

Pass 1 runs beside transcription, window by window: the 10 ms frames of each speech region (Silero VAD,
``speech.speech_regions``) are summarized in blocks of half a second: the MFCC frames' count, sum and sum of
squares, and the median pitch of the voiced frames, a few hundred bytes per block. Each block's mean
cepstrum and pitch (standardized; pitch clipped against octave errors and weighted most) is clustered with
Ward's method (scipy) into 2 voices, or 2 to ``max_speakers`` chosen by silhouette.

Pass 2 reads the recording again, window by window: each voice becomes a diagonal Gaussian over MFCC frames
(pooled from its blocks' sums) and a Gaussian over log pitch, and a Viterbi pass per speech region, which
pays ``SWITCH_COST`` for every change of voice, places turn boundaries to 10 ms. A backchannel in a pause is
a region of its own and gets the voice that fits it; where both talk at once the voice that fits the mixed
frames better wins (one voice per moment).

Memory grows only with the blocks (about 300 bytes per half second of speech) and the turns; features are
computed 5 s at a time; at most ``MAX_CLUSTERED`` blocks are clustered, the rest go to the nearest voice.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from shared.ai.audio import TARGET_SAMPLE_RATE, AudioWindow
from shared.ai.transcription.speech import SpeechRegion

FRAME_SAMPLES = 400  # 25 ms at 16 kHz
HOP_SAMPLES = 160  # 10 ms
_FFT_SIZE = 512
# Telephone band: the same features whether the call came at 8 kHz or 16 kHz.
_MEL_BANDS = 40
_MEL_LOW_HZ, _MEL_HIGH_HZ = 100.0, 3800.0
CEPSTRA = 19  # coefficients 1..19: the spectral envelope's shape, not its loudness (c0)
# Pitch: 40 ms frames (two periods of a 50 Hz voice), normalized autocorrelation, 70-450 Hz.
_PITCH_FRAME = 640
_PITCH_FFT = 2048
_MIN_LAG, _MAX_LAG = TARGET_SAMPLE_RATE // 450, TARGET_SAMPLE_RATE // 70
VOICED = 0.5  # autocorrelation peak above which a frame is voiced
_CHUNK_FRAMES = 500  # frames whose features are computed at once (5 s)

BLOCK_FRAMES = 50  # half a second of frames per block: the unit that is clustered
_MIN_BLOCK_FRAMES = 15  # a shorter tail joins the block before it
_MIN_VOICED_FRAMES = 4  # a block's pitch needs this many voiced frames
MAX_CLUSTERED = 1200  # blocks clustered at most (10 minutes of speech); their distances take ~11 MB
# Pitch weighs as much as PITCH_WEIGHT**2 cepstral coefficients in the clustering: it is what tells voices apart
# best, while a block's average envelope still depends on what was said.
PITCH_WEIGHT = 3.0
# Log-likelihood a change of voice must gain (summed over frames): below ~50 turns flicker inside a sentence;
# 80-150 score alike on the generated calls.
SWITCH_COST = 100.0
# A voiced frame's pitch counts at most this much (log-likelihood) against a voice: octave errors happen.
_PITCH_EVIDENCE_CAP = 6.0
_VARIANCE_FLOOR = 1e-3
_PITCH_SPREAD_FLOOR = 0.05  # log Hz: about 5 %


def _mel_filterbank(sample_rate: int = TARGET_SAMPLE_RATE) -> np.ndarray:
    def to_mel(hz: np.ndarray) -> np.ndarray:
        return 2595.0 * np.log10(1.0 + hz / 700.0)

    def to_hz(mel: np.ndarray) -> np.ndarray:
        return 700.0 * (10 ** (mel / 2595.0) - 1.0)

    edges = to_hz(np.linspace(to_mel(np.array(_MEL_LOW_HZ)), to_mel(np.array(_MEL_HIGH_HZ)), _MEL_BANDS + 2))
    bins = np.fft.rfftfreq(_FFT_SIZE, 1.0 / sample_rate)
    low, centre, high = edges[:-2, None], edges[1:-1, None], edges[2:, None]
    rising = (bins - low) / (centre - low)
    falling = (high - bins) / (high - centre)
    return np.maximum(0.0, np.minimum(rising, falling)).astype(np.float32)


_MEL = _mel_filterbank()
_WINDOW = np.hamming(FRAME_SAMPLES).astype(np.float32)
_PITCH_WINDOW = np.hanning(_PITCH_FRAME)
# The window's own autocorrelation, divided out so that long lags are not penalized.
_PITCH_WINDOW_AC = np.fft.irfft(np.abs(np.fft.rfft(_PITCH_WINDOW, _PITCH_FFT)) ** 2)[:_PITCH_FRAME]


def mfcc(samples: np.ndarray) -> np.ndarray:
    """MFCC frames (``frames``, ``CEPSTRA``) of 16 kHz mono audio: 25 ms frames every 10 ms."""
    from scipy.fft import dct

    if samples.size < FRAME_SAMPLES:
        return np.empty((0, CEPSTRA), dtype=np.float32)
    emphasized = np.empty(samples.size, dtype=np.float32)
    emphasized[0] = samples[0]
    emphasized[1:] = samples[1:] - 0.97 * samples[:-1]
    frames = sliding_window_view(emphasized, FRAME_SAMPLES)[::HOP_SAMPLES] * _WINDOW
    power = np.abs(np.fft.rfft(frames, _FFT_SIZE)) ** 2
    log_mel = np.log(power @ _MEL.T + 1e-8)
    return np.asarray(dct(log_mel, type=2, norm="ortho", axis=1)[:, 1 : CEPSTRA + 1], dtype=np.float32)


def log_pitch(samples: np.ndarray, frames: int) -> np.ndarray:
    """Log F0 (natural log of Hz) of ``frames`` frames every 10 ms; NaN where a frame is not voiced."""
    pitch = np.full(frames, np.nan)
    padded = np.pad(samples, (0, max(0, (frames - 1) * HOP_SAMPLES + _PITCH_FRAME - samples.size)))
    if not frames:
        return pitch
    chunks = sliding_window_view(padded, _PITCH_FRAME)[::HOP_SAMPLES][:frames]
    chunks = chunks - chunks.mean(axis=1, keepdims=True)
    spectrum = np.abs(np.fft.rfft(chunks * _PITCH_WINDOW, _PITCH_FFT)) ** 2
    correlation = np.fft.irfft(spectrum, _PITCH_FFT)[:, : _MAX_LAG + 1] / _PITCH_WINDOW_AC[: _MAX_LAG + 1]
    correlation /= np.maximum(correlation[:, :1], 1e-12)
    lag = _MIN_LAG + correlation[:, _MIN_LAG:].argmax(axis=1)
    voiced = correlation[np.arange(len(lag)), lag] > VOICED
    pitch[voiced] = np.log(TARGET_SAMPLE_RATE / lag[voiced])
    return pitch


def frame_features(samples: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``mfcc`` and ``log_pitch`` of every 10 ms frame, computed ``_CHUNK_FRAMES`` at a time: the FFTs of a
    30 s region in one go would hold about 120 MB."""
    frames = 0 if samples.size < FRAME_SAMPLES else 1 + (samples.size - FRAME_SAMPLES) // HOP_SAMPLES
    cepstra, pitch = [np.empty((0, CEPSTRA), dtype=np.float32)], [np.empty(0)]
    for first in range(0, frames, _CHUNK_FRAMES):
        count = min(_CHUNK_FRAMES, frames - first)
        start = first * HOP_SAMPLES
        piece = samples[start : start + (count - 1) * HOP_SAMPLES + max(FRAME_SAMPLES, _PITCH_FRAME)]
        cepstra.append(mfcc(piece)[:count])
        pitch.append(log_pitch(piece, count))
    return np.concatenate(cepstra), np.concatenate(pitch)


@dataclass(frozen=True)
class SpeakerTurn:
    voice: int  # 0-based, in order of first appearance
    start_ms: int
    end_ms: int


@dataclass
class _Blocks:
    """Per block of frames: its region, the frames' count, cepstral sum and sum of squares, and median pitch."""

    region: list[int] = field(default_factory=list)
    count: list[int] = field(default_factory=list)
    total: list[np.ndarray] = field(default_factory=list)
    squares: list[np.ndarray] = field(default_factory=list)
    pitch: list[float] = field(default_factory=list)  # NaN: too few voiced frames

    def add(self, region: int, cepstra: np.ndarray, pitch: np.ndarray) -> None:
        values = cepstra.astype(np.float64)
        voiced = pitch[~np.isnan(pitch)]
        self.region.append(region)
        self.count.append(len(cepstra))
        self.total.append(values.sum(axis=0))
        self.squares.append((values**2).sum(axis=0))
        self.pitch.append(float(np.median(voiced)) if voiced.size >= _MIN_VOICED_FRAMES else float("nan"))


@dataclass(frozen=True)
class VoiceModels:
    """Per voice: a diagonal Gaussian over cepstral frames and a Gaussian over log pitch."""

    mean: np.ndarray  # (voices, CEPSTRA)
    variance: np.ndarray
    pitch_mean: np.ndarray  # (voices,)
    pitch_spread: np.ndarray

    @property
    def count(self) -> int:
        return len(self.mean)

    def log_likelihood(self, cepstra: np.ndarray, pitch: np.ndarray) -> np.ndarray:
        """(frames, voices): how well each voice explains each frame."""
        spectral = -0.5 * (
            ((cepstra[:, None, :] - self.mean[None]) ** 2) / self.variance[None] + np.log(self.variance[None])
        ).sum(axis=2)
        tonal = -0.5 * ((pitch[:, None] - self.pitch_mean[None]) / self.pitch_spread[None]) ** 2
        tonal = np.where(np.isnan(tonal), 0.0, tonal)  # unvoiced frames say nothing about pitch
        tonal = np.maximum(tonal - tonal.max(axis=1, keepdims=True), -_PITCH_EVIDENCE_CAP)
        return np.asarray(spectral + tonal)


def silhouette(points: np.ndarray, labels: np.ndarray) -> float:
    """The mean silhouette of a clustering (Euclidean): near 1 well apart, near 0 not separated."""
    from scipy.spatial.distance import cdist

    clusters = np.unique(labels)
    if len(clusters) < 2:
        return 0.0
    distances = cdist(points, points)
    mean_to = np.stack([distances[:, labels == c].mean(axis=1) for c in clusters], axis=1)
    own = np.searchsorted(clusters, labels)
    sizes = np.array([(labels == c).sum() for c in clusters])
    rows = np.arange(len(points))
    # Leave the point itself out of its own cluster's mean distance.
    inner = mean_to[rows, own] * sizes[own] / np.maximum(sizes[own] - 1, 1)
    mean_to[rows, own] = np.inf
    outer = mean_to.min(axis=1)
    scores = np.where(sizes[own] > 1, (outer - inner) / np.maximum(np.maximum(inner, outer), 1e-12), 0.0)
    return float(scores.mean())


def block_embeddings(mean_cepstra: np.ndarray, pitch: np.ndarray) -> np.ndarray:
    """What is clustered: each block's mean cepstrum and median log pitch, standardized over the call, pitch
    clipped to its 5th-95th percentiles (octave errors) and weighted by ``PITCH_WEIGHT``."""
    known = ~np.isnan(pitch)
    if known.any():
        low, high = np.percentile(pitch[known], [5, 95])
        pitch = np.clip(np.where(known, pitch, np.median(pitch[known])), low, high)
    else:
        pitch = np.zeros(len(pitch))
    points = np.hstack([mean_cepstra, pitch[:, None]])
    spread = points.std(axis=0)
    points = (points - points.mean(axis=0)) / np.where(spread > 0, spread, 1.0)
    points[:, -1] *= PITCH_WEIGHT
    return points


def cluster_voices(points: np.ndarray, max_speakers: int) -> np.ndarray:
    """A voice (0..k-1) for each point: Ward clustering into k voices, k from 2 to ``max_speakers``, the one
    with the best silhouette."""
    from scipy.cluster.hierarchy import fcluster, linkage

    if max_speakers < 2 or len(points) < 2:
        return np.zeros(len(points), dtype=int)
    tree = linkage(points, method="ward")
    candidates = [fcluster(tree, k, criterion="maxclust") - 1 for k in range(2, min(max_speakers, len(points)) + 1)]
    if len(candidates) == 1:
        return np.asarray(candidates[0])
    return np.asarray(max(candidates, key=lambda labels: silhouette(points, labels)))


def viterbi(log_likelihood: np.ndarray, switch_cost: float = SWITCH_COST) -> np.ndarray:
    """The most likely voice per frame given per-frame log-likelihoods (``frames``, ``voices``), paying
    ``switch_cost`` for each change of voice."""
    frames, voices = log_likelihood.shape
    if voices == 1 or frames == 0:
        return np.zeros(frames, dtype=int)
    penalty = switch_cost * (1.0 - np.eye(voices))
    back = np.empty((frames, voices), dtype=np.int32)
    score = log_likelihood[0].copy()
    back[0] = np.arange(voices)
    for frame in range(1, frames):
        candidates = score[:, None] - penalty  # from (rows) to (columns)
        back[frame] = candidates.argmax(axis=0)
        score = candidates.max(axis=0) + log_likelihood[frame]
    path = np.empty(frames, dtype=int)
    path[-1] = int(score.argmax())
    for frame in range(frames - 1, 0, -1):
        path[frame - 1] = back[frame, path[frame]]
    return path


class Diarizer:
    """Tells the voices of one mono channel apart; ``push`` every window, then ``turns`` on a second read."""

    def __init__(self, *, max_speakers: int = 2, sample_rate: int = TARGET_SAMPLE_RATE):
        self.max_speakers = max_speakers
        self.sample_rate = sample_rate
        self._regions: list[SpeechRegion] = []
        self._blocks = _Blocks()

    def push(self, window: AudioWindow, regions: Sequence[SpeechRegion]) -> None:
        """Pass 1: summarize the speech of ``window`` (its ``regions``) in blocks."""
        for region in regions:
            cepstra, pitch = frame_features(self._samples(window, region))
            if not len(cepstra):
                continue
            index = len(self._regions)
            self._regions.append(region)
            starts = list(range(0, len(cepstra), BLOCK_FRAMES))
            if len(starts) > 1 and len(cepstra) - starts[-1] < _MIN_BLOCK_FRAMES:
                starts.pop()
            for first, last in zip(starts, [*starts[1:], len(cepstra)], strict=True):
                self._blocks.add(index, cepstra[first:last], pitch[first:last])

    def voices(self) -> VoiceModels | None:
        """Cluster the blocks into voices and model each; None without speech."""
        blocks = self._blocks
        if not blocks.count:
            return None
        count = np.asarray(blocks.count, dtype=np.float64)
        total, squares = np.stack(blocks.total), np.stack(blocks.squares)
        pitch = np.asarray(blocks.pitch)
        labels = self._cluster(block_embeddings(total / count[:, None], pitch))
        means, variances, pitch_means, pitch_spreads = [], [], [], []
        for voice in np.unique(labels):
            mine = labels == voice
            frames = count[mine].sum()
            mean = total[mine].sum(axis=0) / frames
            means.append(mean)
            variances.append(np.maximum(squares[mine].sum(axis=0) / frames - mean**2, _VARIANCE_FLOOR))
            voiced = pitch[mine & ~np.isnan(pitch)]
            pitch_means.append(float(np.median(voiced)) if voiced.size else 0.0)
            spread = float(np.std(voiced)) if voiced.size > 1 else 0.0
            pitch_spreads.append(max(spread, _PITCH_SPREAD_FLOOR) if voiced.size else np.inf)
        return VoiceModels(np.stack(means), np.stack(variances), np.array(pitch_means), np.array(pitch_spreads))

    def _cluster(self, points: np.ndarray) -> np.ndarray:
        if len(points) <= MAX_CLUSTERED:
            return cluster_voices(points, self.max_speakers)
        # A long call: cluster an even sample, then give every block the voice of the nearest centre.
        sample = np.linspace(0, len(points) - 1, MAX_CLUSTERED).astype(int)
        labels = cluster_voices(points[sample], self.max_speakers)
        centres = np.stack([points[sample][labels == voice].mean(axis=0) for voice in np.unique(labels)])
        return np.asarray(((points[:, None, :] - centres[None]) ** 2).sum(axis=2).argmin(axis=1))

    def turns(self, windows: Iterable[AudioWindow]) -> list[SpeakerTurn]:
        """Pass 2: the voices' turns, reading the same windows again (voices numbered by first appearance)."""
        models = self.voices()
        if models is None:
            return []
        raw: list[SpeakerTurn] = []
        pending = iter(self._regions)
        region = next(pending, None)
        for window in windows:
            window_end = window.start_sample + window.samples.size
            while region is not None and region.start_sample < window_end:
                likelihood = models.log_likelihood(*frame_features(self._samples(window, region)))
                raw.extend(self._runs(region, viterbi(likelihood)))
                region = next(pending, None)
        return _renumbered(raw)

    def _runs(self, region: SpeechRegion, path: np.ndarray) -> Iterable[SpeakerTurn]:
        changes = [0, *(np.flatnonzero(np.diff(path)) + 1).tolist(), len(path)]
        for first, last in itertools.pairwise(changes):
            start = region.start_sample + first * HOP_SAMPLES
            end = region.end_sample if last == len(path) else region.start_sample + last * HOP_SAMPLES
            yield SpeakerTurn(int(path[first]), start * 1000 // self.sample_rate, end * 1000 // self.sample_rate)

    @staticmethod
    def _samples(window: AudioWindow, region: SpeechRegion) -> np.ndarray:
        first = max(0, region.start_sample - window.start_sample)
        return window.samples[first : max(first, region.end_sample - window.start_sample)]


def _renumbered(turns: list[SpeakerTurn]) -> list[SpeakerTurn]:
    order: dict[int, int] = {}
    for turn in turns:
        order.setdefault(turn.voice, len(order))
    return [SpeakerTurn(order[t.voice], t.start_ms, t.end_ms) for t in turns]


class TurnIndex:
    """Which voice speaks over a stretch of time: the one whose turns cover most of it, else the nearest."""

    def __init__(self, turns: Sequence[SpeakerTurn]):
        self._turns = sorted(turns, key=lambda t: t.start_ms)
        self._starts = [t.start_ms for t in self._turns]
        self._longest = max((t.end_ms - t.start_ms for t in self._turns), default=0)

    def voice(self, start_ms: int, end_ms: int) -> int | None:
        if not self._turns:
            return None
        end_ms = max(end_ms, start_ms + 1)
        # Turns that can overlap [start, end): they start before end and after start minus the longest turn.
        low = bisect.bisect_left(self._starts, start_ms - self._longest)
        high = bisect.bisect_left(self._starts, end_ms)
        overlap: dict[int, int] = {}
        for turn in self._turns[low:high]:
            shared = min(end_ms, turn.end_ms) - max(start_ms, turn.start_ms)
            if shared > 0:
                overlap[turn.voice] = overlap.get(turn.voice, 0) + shared
        if overlap:
            return max(overlap, key=lambda voice: overlap[voice])
        middle = (start_ms + end_ms) // 2

        def distance(turn: SpeakerTurn) -> int:
            return max(turn.start_ms - middle, middle - turn.end_ms, 0)

        return min(self._turns[max(0, high - 2) : high + 1] or self._turns, key=distance).voice
