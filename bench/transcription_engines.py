"""Measure a transcription engine on a file: real-time factor, word error rate and peak memory.

``measure_engine`` runs the engine in a fresh child process ("spawn") so the peak resident memory is that of
one transcription (model load included), not of whatever the calling process did before; a script calling it
needs the usual ``if __name__ == "__main__":`` guard.
``bench/pipeline.py`` calls these helpers; tests use ``normalize_for_wer`` and ``word_error_rate``.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import re
import resource
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from shared.ai.audio import probe_audio
from shared.ai.transcription.base import AudioInput, TranscriptionEngine
from shared.models.transcript import Transcript

_UNITS = [
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"),
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_NUMBER_WORDS = {word: value for value, word in enumerate(_UNITS)} | {
    word: 20 + 10 * index for index, word in enumerate(_TENS)
}


def normalize_for_wer(text: str) -> str:
    """Lower-case, drop punctuation and write numbers one way, so "$20" and "twenty dollars" compare equal.

    Number words become digits ("twenty five" -> "25"); long digit strings are read digit by digit
    ("45678" and "four five six seven eight" -> "4 5 6 7 8"), as people say account numbers.
    """
    text = text.lower()
    text = re.sub(r"\$(\d+(?:\.\d+)?)", r"\1 dollars", text)
    text = re.sub(r"(?<=\d)[,](?=\d{3}\b)", "", text)  # 1,000 -> 1000
    text = re.sub(r"(?<=\d)[-.,](?=\d)", " ", text)  # 4-5-6 -> 4 5 6
    text = re.sub(r"[^a-z0-9' ]+", " ", text).replace("'", "")
    words = text.split()
    out: list[str] = []
    for word in words:
        value = _NUMBER_WORDS.get(word)
        if value is not None and 1 <= value <= 9 and out and out[-1].isdigit() and out[-1].endswith("0"):
            previous = int(out[-1])
            if 20 <= previous <= 90:  # "twenty five" -> 25
                out[-1] = str(previous + value)
                continue
        out.append(str(value) if value is not None else word)
    digits: list[str] = []
    for word in out:
        digits.extend(list(word) if word.isdigit() and len(word) >= 4 else [word])
    return " ".join(digits)


def word_error_rate(reference: str, hypothesis: str) -> float:
    """WER of ``hypothesis`` against ``reference`` after ``normalize_for_wer`` on both."""
    import jiwer  # a development dependency: benchmarks and tests only

    reference_norm = normalize_for_wer(reference)
    if not reference_norm:
        raise ValueError("empty reference")
    return float(jiwer.wer(reference_norm, normalize_for_wer(hypothesis)))


def transcript_words(transcript: Transcript, *, speaker: str | None = None) -> str:
    """The transcript's text without speaker labels (optionally one speaker's), in segment order."""
    return " ".join(s.text for s in transcript.segments if speaker is None or s.speaker == speaker)


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM) in MB. Not ru_maxrss: in a child started by spawn it begins at
    the parent's, because Linux keeps the high-water mark across the fork and exec that start the child."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # elsewhere; Linux reports KiB


@dataclass(frozen=True)
class EngineMeasurement:
    engine: str
    file: str
    audio_s: float
    wall_s: float
    real_time_factor: float  # processing time / audio duration; below 1 is faster than real time
    peak_rss_mb: float  # the child process's peak resident memory (model included)
    wer: float | None  # None without a reference
    segments: int
    text: str


def _measure_in_child(
    engine_factory: Callable[[], TranscriptionEngine], audio_path: str, reference: str | None
) -> EngineMeasurement:
    engine = engine_factory()
    facts = probe_audio(audio_path)
    load = getattr(engine, "load", None)
    if callable(load):
        load()  # time the transcription, not the model load
    started = time.perf_counter()
    transcript = engine.transcribe(AudioInput(audio_file_id="bench", path=Path(audio_path)))
    wall = time.perf_counter() - started
    peak_mb = peak_rss_mb()
    plain = transcript_words(transcript)
    return EngineMeasurement(
        engine=engine.name,
        file=Path(audio_path).name,
        audio_s=facts.duration_ms / 1000,
        wall_s=wall,
        real_time_factor=wall / max(facts.duration_ms / 1000, 1e-9),
        peak_rss_mb=peak_mb,
        wer=None if reference is None else word_error_rate(reference, plain),
        segments=len(transcript.segments),
        text=transcript.text,
    )


def measure_engine(
    engine_factory: Callable[[], TranscriptionEngine],
    audio_path: Path,
    *,
    reference: str | None = None,
) -> EngineMeasurement:
    """Transcribe ``audio_path`` once with a fresh engine from ``engine_factory`` and measure it.

    ``engine_factory`` must be picklable (a module-level function or ``functools.partial``): it runs in a
    spawned child process. The wall time excludes loading the model when the engine has a ``load()`` method; the peak
    memory includes it.
    """
    # "spawn": a forked child would inherit the parent's memory and its peak.
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        return pool.apply(_measure_in_child, (engine_factory, str(audio_path), reference))


@dataclass(frozen=True)
class LibraryComparison:
    """Our Whisper engine against faster-whisper's own ``transcribe()`` on each full channel, same model."""

    file: str
    audio_s: float
    engine_s: float  # best of the repeats
    library_s: float
    engine_wer: float
    library_wer: float

    @property
    def ratio(self) -> float:
        return self.engine_s / self.library_s


def _library_text(model: object, audio_path: str, *, beam_size: int, language: str | None) -> str:
    """The bare library: ``WhisperModel.transcribe`` on each whole channel with word timestamps, its own
    defaults otherwise; segments of both channels merged by start time."""
    from shared.ai.audio import read_all

    channels, _ = read_all(audio_path)
    timed: list[tuple[float, str]] = []
    for channel in channels:
        segments, _info = model.transcribe(  # type: ignore[attr-defined]
            channel, language=language, beam_size=beam_size, word_timestamps=True
        )
        timed.extend((segment.start, segment.text) for segment in segments)
    return " ".join(text for _, text in sorted(timed))


def _compare_in_child(model_dir: str, audio_path: str, reference: str, repeats: int) -> LibraryComparison:
    from shared.ai.transcription.whisper import WhisperEngine, load_model

    engine = WhisperEngine(Path(model_dir))
    engine.load()
    model = load_model(Path(model_dir), compute_type=engine.compute_type, cpu_threads=engine.cpu_threads)
    engine_times: list[float] = []
    library_times: list[float] = []
    engine_text = library_text = ""
    for _ in range(repeats):  # alternate, so a busy spell of the machine hits both alike
        started = time.perf_counter()
        engine_text = transcript_words(engine.transcribe(AudioInput("bench", Path(audio_path))))
        engine_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        library_text = _library_text(model, audio_path, beam_size=engine.beam_size, language=engine.language)
        library_times.append(time.perf_counter() - started)
    return LibraryComparison(
        file=Path(audio_path).name,
        audio_s=probe_audio(audio_path).duration_ms / 1000,
        engine_s=min(engine_times),
        library_s=min(library_times),
        engine_wer=word_error_rate(reference, engine_text),
        library_wer=word_error_rate(reference, library_text),
    )


def compare_with_library(model_dir: Path, audio_path: Path, *, reference: str, repeats: int = 2) -> LibraryComparison:
    """Time our engine and the bare library on ``audio_path`` in one fresh child (model loaded once, shared)."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        return pool.apply(_compare_in_child, (str(model_dir), str(audio_path), reference, repeats))


@dataclass(frozen=True)
class TimedSpeech:
    """Someone speaking from ``start_ms`` to ``end_ms`` (a true turn, or a diarized one)."""

    speaker: str | int
    start_ms: int
    end_ms: int


def diarization_error_rate(
    reference: Sequence[TimedSpeech], hypothesis: Sequence[TimedSpeech], *, collar_ms: int = 250, step_ms: int = 10
) -> float:
    """Diarization error rate: (missed + false alarm + confused speaker time) / reference speech time.

    As NIST's md-eval scores it: on a 10 ms grid, frames within ``collar_ms`` of a reference turn's start or end
    are not scored, overlapped reference speech counts once per speaker, and each hypothesis voice is mapped to
    the reference speaker it overlaps most (one to one, Hungarian assignment).
    """
    from scipy.optimize import linear_sum_assignment

    end = max((t.end_ms for t in [*reference, *hypothesis]), default=0) // step_ms + 1
    ref_names = sorted({t.speaker for t in reference}, key=str)
    hyp_names = sorted({t.speaker for t in hypothesis}, key=str)
    ref = np.zeros((len(ref_names), end), dtype=bool)
    hyp = np.zeros((len(hyp_names), end), dtype=bool)
    scored = np.ones(end, dtype=bool)
    for turn in reference:
        ref[ref_names.index(turn.speaker), turn.start_ms // step_ms : turn.end_ms // step_ms] = True
        for edge in (turn.start_ms, turn.end_ms):
            scored[max(0, (edge - collar_ms) // step_ms) : (edge + collar_ms) // step_ms] = False
    for turn in hypothesis:
        hyp[hyp_names.index(turn.speaker), turn.start_ms // step_ms : turn.end_ms // step_ms] = True
    ref, hyp = ref[:, scored], hyp[:, scored]
    total = int(ref.sum())
    if not total:
        raise ValueError("no scored reference speech")
    overlap = ref.astype(np.int64) @ hyp.T.astype(np.int64)  # (reference speakers, hypothesis voices)
    rows, columns = linear_sum_assignment(-overlap)
    correct = int(overlap[rows, columns].sum())
    errors = int(np.maximum(ref.sum(axis=0), hyp.sum(axis=0)).sum()) - correct
    return errors / total
