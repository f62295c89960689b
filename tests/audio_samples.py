"""Small audio files made in memory for tests that need real bytes but not real speech."""

from __future__ import annotations

import io

import numpy as np
import soundfile as sf


def tone_wav(seconds: float = 1.0, channels: int = 2, sample_rate: int = 16_000) -> bytes:
    t = np.arange(int(seconds * sample_rate)) / sample_rate
    signal = 0.2 * np.sin(2 * np.pi * 440 * t)
    frames = np.stack([signal] * channels, axis=1) if channels > 1 else signal
    buffer = io.BytesIO()
    sf.write(buffer, frames, sample_rate, format="WAV", subtype="PCM_16")
    return buffer.getvalue()
