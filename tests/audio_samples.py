"""Small audio files made in memory for tests that need real bytes but not real speech."""

from __future__ import annotations

import io

import numpy as np
import soundfile as sf

from bench.uploads import pcm_wav_header


def tone_wav(seconds: float = 1.0, channels: int = 2, sample_rate: int = 16_000) -> bytes:
    t = np.arange(int(seconds * sample_rate)) / sample_rate
    signal = 0.2 * np.sin(2 * np.pi * 440 * t)
    frames = np.stack([signal] * channels, axis=1) if channels > 1 else signal
    buffer = io.BytesIO()
    sf.write(buffer, frames, sample_rate, format="WAV", subtype="PCM_16")
    return buffer.getvalue()


def crafted_wav(
    *, sample_rate: int, data_bytes: int = 20_000, claimed_data_bytes: int | None = None, bits: int = 16
) -> bytes:
    """A mono PCM WAV of silence whose header says what the test chooses: any sample rate, and a data size that
    need not be what the file holds (as a crafted upload's would)."""
    header = pcm_wav_header(
        sample_rate=sample_rate, bits=bits, data_bytes=data_bytes, claimed_data_bytes=claimed_data_bytes
    )
    return header + (b"\x80" if bits == 8 else b"\x00") * data_bytes  # 8-bit PCM is unsigned
