"""PocketSphinx 5, the zero-download fallback: its en-us model ships inside the wheel.

Much less accurate than Whisper (see the README figures) but always available. Each 16 kHz window is split
into speech segments by pocketsphinx's own voice-activity segmenter; each speech segment is one utterance.
"""

from __future__ import annotations

import io
import logging
import re
import threading
from typing import Any

import numpy as np

from shared.ai import package_version
from shared.ai.audio import TARGET_SAMPLE_RATE, AudioWindow
from shared.ai.errors import EngineError
from shared.ai.transcription.offline import DraftSegment, WindowedEngine, WindowResult, clamp_unit
from shared.models.transcript import Word

logger = logging.getLogger(__name__)

ENGINE_NAME = "pocketsphinx"
MODEL_NAME = "en-us"
_FRAME_MS = 10  # pocketsphinx reports word times in 10 ms frames
_ALTERNATE = re.compile(r"\(\d+\)$")  # "to(2)": the second pronunciation of "to"


def is_filler(token: str) -> bool:
    """Sentence markers, silence and noise tokens that are not words: <s>, </s>, <sil>, [NOISE], ++UH++."""
    return token.startswith(("<", "[", "++")) or not token


class PocketSphinxEngine(WindowedEngine):
    """Offline speech recognition with pocketsphinx's bundled US English models."""

    name = ENGINE_NAME

    def __init__(self, **window_options: Any):
        """``window_options``: ``WindowedEngine``'s (speakers, window lengths)."""
        super().__init__(**window_options)
        self.model = MODEL_NAME
        self.version = package_version("pocketsphinx")
        self._decoder: Any = None
        # A decoder holds one utterance at a time: serialise calls on this engine.
        self._lock = threading.Lock()

    def load(self) -> None:
        if self._decoder is not None:
            return
        try:
            from pocketsphinx import Decoder

            self._decoder = Decoder(loglevel="FATAL", samprate=TARGET_SAMPLE_RATE)
        except (ImportError, RuntimeError, ValueError) as error:
            raise EngineError("model_unavailable", "pocketsphinx could not be loaded", retryable=False) from error

    def _transcribe_window(self, window: AudioWindow, language: str | None) -> WindowResult:
        from pocketsphinx import Segmenter

        if window.sample_rate != TARGET_SAMPLE_RATE:
            raise ValueError("pocketsphinx needs 16 kHz audio")
        pcm = (np.clip(window.samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()
        drafts: list[DraftSegment] = []
        with self._lock:
            decoder = self._decoder
            for speech in Segmenter(sample_rate=TARGET_SAMPLE_RATE).segment(io.BytesIO(pcm)):
                decoder.start_utt()
                decoder.process_raw(speech.pcm, full_utt=True)
                decoder.end_utt()
                speech_start_ms = window.start_ms + round(speech.start_time * 1000)
                words = [
                    Word(
                        text=_ALTERNATE.sub("", token.word),
                        start_ms=speech_start_ms + token.start_frame * _FRAME_MS,
                        end_ms=speech_start_ms + (token.end_frame + 1) * _FRAME_MS,
                        confidence=clamp_unit(token.prob),
                    )
                    for token in decoder.seg()
                    if not is_filler(token.word)
                ]
                if not words:
                    continue
                drafts.append(
                    DraftSegment(
                        channel=window.channel,
                        start_ms=words[0].start_ms,
                        end_ms=words[-1].end_ms,
                        text=" ".join(word.text for word in words),
                        confidence=float(np.mean([word.confidence or 0.0 for word in words])),
                        words=words,
                    )
                )
        return WindowResult(drafts, language="en")
