"""A redacted copy of a recording: every redacted span replaced by a tone (or silence) on every channel.

All channels, not only the speaker's: an agent reading a card number back, or crosstalk on a stereo
recording, would otherwise keep it audible. Spans are widened a little because word times are estimates.
The copy is WAV (16-bit PCM) at the recording's own rate and channel count, written block by block.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import BinaryIO

import numpy as np
import soundfile as sf

from shared.ai.audio import AudioSource, native_blocks
from shared.models.redaction import RedactedSpan

TONE_HZ = 1000.0
TONE_LEVEL = 0.1  # -20 dBFS: clearly a bleep, not painful
PADDING_MS = 150
_BLOCK_FRAMES = 65_536


class Masking(enum.StrEnum):
    TONE = "tone"
    SILENCE = "silence"


def merged_intervals(spans: Iterable[RedactedSpan], *, padding_ms: int = PADDING_MS) -> list[tuple[int, int]]:
    """The time intervals (ms) to mask, widened by ``padding_ms`` and merged where they touch."""
    intervals = sorted((max(0, s.start_ms - padding_ms), s.end_ms + padding_ms) for s in spans)
    merged: list[tuple[int, int]] = []
    for start, end in intervals:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def redact_audio(
    source: AudioSource,
    destination: str | BinaryIO,
    spans: Iterable[RedactedSpan],
    *,
    masking: Masking = Masking.TONE,
    padding_ms: int = PADDING_MS,
) -> None:
    """Write to ``destination`` a WAV copy of ``source`` with each span masked (see the module docstring)."""
    intervals = merged_intervals(spans, padding_ms=padding_ms)
    with native_blocks(source, frames=_BLOCK_FRAMES) as (rate, channels, blocks):
        sample_intervals = [(start * rate // 1000, -(-end * rate // 1000)) for start, end in intervals]
        with sf.SoundFile(destination, "w", rate, channels, subtype="PCM_16", format="WAV") as out:
            offset = 0
            for block in blocks:
                out.write(_masked(block, offset, sample_intervals, rate, masking))
                offset += block.shape[0]


def _masked(
    block: np.ndarray, offset: int, intervals: list[tuple[int, int]], rate: int, masking: Masking
) -> np.ndarray:
    block = block.copy()
    for start, end in intervals:
        first, last = max(start, offset), min(end, offset + block.shape[0])
        if first >= last:
            continue
        if masking is Masking.SILENCE:
            block[first - offset : last - offset] = 0.0
        else:
            # The phase follows the recording's sample count, so a tone split over blocks has no click.
            time = np.arange(first, last) / rate
            tone = (TONE_LEVEL * np.sin(2 * np.pi * TONE_HZ * time)).astype(np.float32)
            block[first - offset : last - offset] = tone[:, None]
    return block
