"""Whisper (faster-whisper / CTranslate2, int8 on CPU), embedded and offline.

The model is loaded only from a local directory filled by ``shared.ai.transcription.provision``; nothing is
fetched from a hub at run time. One model instance per process and settings is shared by every engine object.
"""

from __future__ import annotations

import logging
import math
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from faster_whisper import WhisperModel
from faster_whisper.audio import pad_or_trim

from shared.ai import package_version
from shared.ai.audio import DEFAULT_MAX_WINDOW_S, DEFAULT_MIN_WINDOW_S, AudioWindow
from shared.ai.errors import EngineError
from shared.ai.transcription.offline import (
    DEFAULT_MAX_SPEAKERS,
    DEFAULT_SPEAKERS,
    DraftSegment,
    WindowedEngine,
    WindowResult,
    clamp_unit,
)
from shared.ai.transcription.provision import MODEL_ID, verify_model_dir
from shared.models.transcript import Word

logger = logging.getLogger(__name__)

ENGINE_NAME = "faster-whisper"

_models: dict[tuple[str, str, int], Any] = {}
_model_locks: dict[tuple[str, str, int], threading.Lock] = {}
_load_lock = threading.Lock()


def default_cpu_threads() -> int:
    # CTranslate2 gains little past 4 threads for the base model; stay within what the machine has.
    return max(1, min(4, os.cpu_count() or 1))


def load_model(model_dir: Path, *, compute_type: str = "int8", cpu_threads: int | None = None) -> Any:
    """The process-wide ``WhisperModel`` for these settings, loaded from ``model_dir`` on first use."""
    threads = cpu_threads or default_cpu_threads()
    key = (str(Path(model_dir).resolve()), compute_type, threads)
    with _load_lock:
        if key in _models:
            return _models[key]
        if not verify_model_dir(Path(model_dir)):
            raise EngineError(
                "model_unavailable",
                "the Whisper model is not provisioned (run python -m shared.ai.transcription.provision)",
                retryable=False,
            )
        try:
            model = WhisperModel(
                str(model_dir),
                device="cpu",
                compute_type=compute_type,
                cpu_threads=threads,
                local_files_only=True,
            )
        except (RuntimeError, ValueError, OSError) as error:
            raise EngineError("model_unavailable", "the Whisper model could not be loaded", retryable=False) from error
        logger.info("loaded Whisper from %s (%s, %d threads)", model_dir, compute_type, threads)
        _models[key] = model
        _model_locks[key] = threading.Lock()
        return model


class _SamplingOneAtATime:
    """The CTranslate2 model, drawing a temperature fallback's candidates one after another.

    Where a window's beam search fails the library's checks, it samples ``best_of`` (5) candidates at once and
    keeps the best-scoring one. Each candidate carries its own copy of the decoder's attention over the whole
    encoded window, so that one window took about 180 MB over the others (45-65 MB for the beam search), and a
    long call's peak was whichever window fell back. Drawn one at a time, the choice is the same (the best score
    of ``best_of`` samples) and the memory that of one.
    """

    def __init__(self, model: Any) -> None:
        self._model = model

    def __getattr__(self, name: str) -> Any:
        return getattr(self._model, name)

    def generate(self, features: Any, prompts: Any, **options: Any) -> Any:
        count = options.get("num_hypotheses", 1)
        if not options.get("sampling_temperature") or count <= 1 or len(prompts) != 1:
            return self._model.generate(features, prompts, **options)
        draws = [self._model.generate(features, prompts, **{**options, "num_hypotheses": 1})[0] for _ in range(count)]
        return [max(draws, key=lambda draw: draw.scores[0])]


class _EngineModel(WhisperModel):
    """The loaded ``WhisperModel`` as the engine uses it, its weights shared: a one-shot encode memo, so that the
    encoding made to detect the language is the one the decoder reuses, and a temperature fallback that samples
    one candidate at a time (``_SamplingOneAtATime``).

    With the language left to detect, the library encodes a window's first 30 s to detect it and then encodes
    them again to decode them, framed differently (the detection keeps the last frame, the decoder drops it).
    Here the language is detected inside ``transcribe``, on the features it computed for the decoder, framed as
    the decoder will be given them, so the decoder's encoding is the one already made: one encoder pass (a fixed
    30 s of audio, however short the window) less per call, and the features computed once. The memo holds only
    the last encoding and is spent by the next ``encode``. The bare library's own object is left as it is.
    """

    def __init__(self, model: WhisperModel) -> None:  # not the library's: the loaded model's state is copied in
        self.__dict__.update({**model.__dict__, "model": _SamplingOneAtATime(model.model)})
        self.last_encoded: tuple[np.ndarray, Any] | None = None

    def encode(self, features: np.ndarray) -> Any:
        last, self.last_encoded = self.last_encoded, None
        if last is not None and last[0].shape == features.shape and np.array_equal(last[0], features):
            return last[1]
        output = super().encode(features)
        self.last_encoded = (features, output)
        return output

    def detect_language(
        self,
        audio: np.ndarray | None = None,
        features: np.ndarray | None = None,
        vad_filter: bool = False,
        vad_parameters: Any = None,
        language_detection_segments: int = 1,
        language_detection_threshold: float = 0.5,
    ) -> tuple[str, float, list[tuple[str, float]]]:
        """As the library's, on the first 30 s of ``features`` framed as its decoder will be given them (all
        frames but the last, padded), so that the encoding made here serves the decoder too.

        ``transcribe`` calls this with the features it computed for its decoder when no language is given. With
        one detection segment the library's answer is the most probable language, whatever the threshold; any
        other use goes to the library's own detection.
        """
        if audio is not None or features is None or language_detection_segments != 1:
            return super().detect_language(
                audio,
                features,
                vad_filter,
                vad_parameters,
                language_detection_segments,
                language_detection_threshold,
            )
        first = pad_or_trim(features[..., : min(self.feature_extractor.nb_max_frames, features.shape[-1] - 1)])
        results = self.model.detect_language(self.encode(first))[0]
        probabilities = [(str(token[2:-2]), float(probability)) for token, probability in results]
        language, probability = probabilities[0]
        return language, probability, probabilities


class WhisperEngine(WindowedEngine):
    """Transcribe each channel in windows of up to 30 s with Whisper; words carry times and probabilities."""

    name = ENGINE_NAME
    speech_only = True

    def __init__(
        self,
        model_dir: Path,
        *,
        model_name: str = MODEL_ID,
        beam_size: int = 5,
        compute_type: str = "int8",
        cpu_threads: int | None = None,
        speakers: Sequence[str] = DEFAULT_SPEAKERS,
        language: str | None = None,
        word_timestamps: bool = True,
        vad_filter: bool = False,
        max_window_s: float = DEFAULT_MAX_WINDOW_S,
        min_window_s: float = DEFAULT_MIN_WINDOW_S,
        max_speakers: int = DEFAULT_MAX_SPEAKERS,
    ):
        """``language=None`` detects it on the first window with speech and keeps it for the call.

        Only speech is decoded: each channel's speech regions (Silero VAD, ``speech.SpeechPacker``) are joined
        into windows of up to 30 s and times mapped back, and a segment is split wherever its words come from
        different regions, so no segment runs across the other party's turn. ``vad_filter`` (the library's
        own VAD pass inside each window) stays off: it would join speech across those turns again.
        """
        super().__init__(
            speakers=speakers,
            max_window_s=max_window_s,
            min_window_s=min_window_s,
            default_language=language,
            max_speakers=max_speakers,
        )
        self.model_dir = Path(model_dir)
        self.model = model_name
        self.version = package_version("faster-whisper")
        self.beam_size = beam_size
        self.compute_type = compute_type
        self.cpu_threads = cpu_threads or default_cpu_threads()
        self.language = language
        self.word_timestamps = word_timestamps
        self.vad_filter = vad_filter
        self._model: Any = None
        self._lock: threading.Lock | None = None

    def load(self) -> None:
        if self._model is None:
            model = load_model(self.model_dir, compute_type=self.compute_type, cpu_threads=self.cpu_threads)
            self._model = _EngineModel(model)
            key = (str(self.model_dir.resolve()), self.compute_type, self.cpu_threads)
            self._lock = _model_locks[key]

    def _transcribe_window(self, window: AudioWindow, language: str | None) -> WindowResult:
        assert self._model is not None and self._lock is not None
        # One decode at a time per model: the CPU is the bottleneck and parallel decodes only thrash it.
        with self._lock:
            # Without a language, the model detects it on this window (``_EngineModel.detect_language``).
            segments, info = self._model.transcribe(
                window.samples,
                language=self.language or language,
                beam_size=self.beam_size,
                word_timestamps=self.word_timestamps,
                vad_filter=self.vad_filter,
                # Each window is one decoder pass; carrying text across passes invites repetition loops.
                condition_on_previous_text=False,
            )
            # The generator decodes here.
            drafts = [draft for segment in segments for draft in self._drafts(window, segment)]
        return WindowResult([draft for draft in drafts if draft.text], language=info.language)

    @staticmethod
    def _drafts(window: AudioWindow, segment: Any) -> list[DraftSegment]:
        """The segment on the recording's timeline: one draft per piece of the window its words fall in.

        Whisper may run one segment across two pieces of a speech-only window, which on the recording are
        two turns with the other party's speech between them; splitting keeps the merged order right.
        """
        # The mean token log-probability, back on a 0..1 scale (a per-token geometric mean probability).
        confidence = clamp_unit(math.exp(segment.avg_logprob))
        by_piece: dict[int, list[Word]] = {}
        for word in segment.words or []:
            if not word.word.strip():
                continue
            end = max(word.end, word.start)
            piece = window.piece_index((word.start + end) / 2)
            by_piece.setdefault(piece, []).append(
                Word(
                    text=word.word.strip(),
                    start_ms=window.recording_ms(word.start, piece),
                    end_ms=window.recording_ms(end, piece),
                    confidence=clamp_unit(word.probability),
                )
            )
        if not by_piece:  # no word timestamps: the segment's own times
            start = window.recording_ms(segment.start)
            end_ms = max(start, window.recording_ms(max(segment.end, segment.start)))
            return [DraftSegment(window.channel, start, end_ms, segment.text.strip(), confidence)]
        return [
            DraftSegment(
                channel=window.channel,
                start_ms=words[0].start_ms,
                end_ms=max(words[-1].end_ms, words[0].start_ms),
                text=" ".join(word.text for word in words),
                confidence=confidence,
                words=words,
            )
            for words in by_piece.values()
        ]
