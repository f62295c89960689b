"""Probing and decoding: every accepted format, the broken files, bounded windows and channel handling."""

from __future__ import annotations

import io
import itertools
import json
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from scripts.sample_calls import SampleCalls
from shared.ai.audio import (
    AudioError,
    AudioLimits,
    channels_are_duplicates,
    decoded_duration_ms,
    iter_windows,
    probe_audio,
    read_all,
    speaker_names,
)
from tests.audio_samples import crafted_wav, tone_wav

pytestmark = pytest.mark.unit

SUPPORT_CALL_FILES = [
    ("support_call.wav", "wav", "PCM_16"),
    ("support_call.flac", "flac", "PCM_16"),
    ("support_call.ogg", "ogg", "VORBIS"),
    ("support_call.mp3", "mp3", "MPEG_LAYER_III"),
    ("support_call.m4a", "m4a", "aac"),
    ("support_call_8k.wav", "wav", "ULAW"),
]


def _script_duration_ms(sample_calls: SampleCalls) -> int:
    return int(json.loads((sample_calls.directory / "support_call.script.json").read_text())["duration_ms"])


@pytest.mark.parametrize(("name", "fmt", "codec"), SUPPORT_CALL_FILES)
def test_probe_reads_every_accepted_format(sample_calls: SampleCalls, name: str, fmt: str, codec: str) -> None:
    facts = probe_audio(sample_calls.path(name))

    assert (facts.format, facts.codec, facts.channels) == (fmt, codec, 2)
    # AAC adds encoder priming; the others are sample-exact.
    assert abs(facts.duration_ms - _script_duration_ms(sample_calls)) <= (120 if fmt == "m4a" else 2)
    assert facts.sample_rate == (8000 if name.endswith("_8k.wav") else 22050)


def test_probe_accepts_a_file_object_and_restores_its_position(sample_calls: SampleCalls) -> None:
    stream = io.BytesIO(sample_calls.support_call.read_bytes())
    stream.seek(10)

    facts = probe_audio(stream)

    assert facts.channels == 2 and facts.format == "wav"
    assert stream.tell() == 10


@pytest.mark.parametrize(
    ("name", "reason"),
    [("empty.wav", "empty"), ("not_audio.wav", "not_audio"), ("truncated.wav", "truncated")],
)
def test_probe_refuses_broken_files(sample_calls: SampleCalls, name: str, reason: str) -> None:
    with pytest.raises(AudioError) as caught:
        probe_audio(sample_calls.path(name))

    assert caught.value.reason == reason
    assert caught.value.code == "unsupported_audio" and caught.value.retryable is False


@pytest.mark.parametrize("name", ["support_call.flac", "support_call.mp3"])
def test_probe_refuses_a_compressed_file_cut_in_half(sample_calls: SampleCalls, tmp_path: Path, name: str) -> None:
    data = sample_calls.path(name).read_bytes()
    cut = tmp_path / name
    cut.write_bytes(data[: len(data) // 2])

    with pytest.raises(AudioError) as caught:
        probe_audio(cut)

    assert caught.value.reason == "truncated"


def test_probe_accepts_a_streamed_wav_whose_header_has_a_placeholder_size(
    sample_calls: SampleCalls, tmp_path: Path
) -> None:
    # espeak-ng and sox writing to a pipe put 0x7ffff000 in the size fields: not a cut file.
    data = bytearray(sample_calls.support_call.read_bytes())
    assert data[36:40] == b"data"
    data[4:8] = (0x7FFFF024).to_bytes(4, "little")
    data[40:44] = (0x7FFFF000).to_bytes(4, "little")
    streamed = tmp_path / "streamed.wav"
    streamed.write_bytes(bytes(data))

    assert probe_audio(streamed).duration_ms == probe_audio(sample_calls.support_call).duration_ms


FOUR_HOURS = AudioLimits(max_duration_s=4 * 3600)


def test_a_1_hz_wav_is_refused_from_its_header() -> None:
    # 20 KB at 1 Hz "lasts" 10,000 s; resampling it to 16 kHz would take minutes of a core.
    with pytest.raises(AudioError) as caught:
        probe_audio(io.BytesIO(crafted_wav(sample_rate=1)), FOUR_HOURS)
    assert caught.value.reason == "sample_rate_too_low"


def test_a_wav_claiming_0xfffffff0_frames_is_refused_from_its_header() -> None:
    claim = crafted_wav(sample_rate=8000, bits=8, claimed_data_bytes=0xFFFFFFF0)  # 8-bit mono: a byte a frame
    with pytest.raises(AudioError) as caught:
        probe_audio(io.BytesIO(claim), FOUR_HOURS)
    assert caught.value.reason == "too_long"
    # Without limits the same header is a file cut short: it announces more than it holds.
    with pytest.raises(AudioError) as cut:
        probe_audio(io.BytesIO(claim))
    assert cut.value.reason == "truncated"


def test_a_streamed_wav_is_measured_by_decoding_and_stopped_past_the_limit(tmp_path: Path) -> None:
    data = bytearray(tone_wav(seconds=3, channels=1))
    data[40:44] = (0x7FFFF000).to_bytes(4, "little")  # the length is unknown until decoded
    streamed = tmp_path / "streamed.wav"
    streamed.write_bytes(bytes(data))
    facts = probe_audio(streamed, FOUR_HOURS)

    assert decoded_duration_ms(streamed, facts, FOUR_HOURS) == 3000
    with pytest.raises(AudioError) as caught:
        decoded_duration_ms(streamed, facts, AudioLimits(max_duration_s=2))
    assert caught.value.reason == "too_long"


@pytest.mark.parametrize("name", ["support_call.wav", "support_call.mp3", "support_call.m4a", "support_call_8k.wav"])
def test_the_decoded_length_agrees_with_the_header_for_honest_files(sample_calls: SampleCalls, name: str) -> None:
    path = sample_calls.directory / name
    facts = probe_audio(path, FOUR_HOURS)
    assert abs(decoded_duration_ms(path, facts, FOUR_HOURS) - facts.duration_ms) <= 100


def test_probe_refuses_formats_outside_the_accepted_list(tmp_path: Path) -> None:
    aiff = tmp_path / "call.aiff"
    sf.write(aiff, np.zeros(8000, dtype=np.float32), 8000, format="AIFF")

    with pytest.raises(AudioError) as caught:
        probe_audio(aiff)

    assert caught.value.reason == "unsupported_format"


def test_probe_refuses_a_header_without_samples(tmp_path: Path) -> None:
    silent = tmp_path / "nothing.wav"
    sf.write(silent, np.zeros((0, 2), dtype=np.float32), 16000)

    with pytest.raises(AudioError) as caught:
        probe_audio(silent)

    assert caught.value.reason == "empty"


@pytest.mark.parametrize(("name", "fmt", "codec"), SUPPORT_CALL_FILES)
def test_every_format_decodes_to_16khz_channels_that_keep_the_speakers_apart(
    sample_calls: SampleCalls, name: str, fmt: str, codec: str
) -> None:
    audio, rate = read_all(sample_calls.path(name))

    assert rate == 16000 and audio.shape[0] == 2
    assert abs(audio.shape[1] / rate * 1000 - _script_duration_ms(sample_calls)) < 150
    for turn in sample_calls.turns("support_call"):
        speaking, listening = (0, 1) if turn.speaker == "agent" else (1, 0)
        # The inner part of the turn: leave codec and filter ringing at the edges aside.
        span = slice((turn.start_ms + 100) * 16, (turn.end_ms - 100) * 16)
        speech_rms = float(np.sqrt(np.mean(np.square(audio[speaking, span]))))
        other_rms = float(np.sqrt(np.mean(np.square(audio[listening, span]))))
        assert speech_rms > 0.02, (name, turn)
        assert other_rms < speech_rms / 30, (name, turn)


def test_a_decoded_wav_matches_the_source_samples(sample_calls: SampleCalls) -> None:
    original, source_rate = sf.read(sample_calls.support_call, dtype="float32", always_2d=True)
    audio, rate = read_all(sample_calls.support_call)

    # Same energy per channel after resampling (a dropped or repeated block would change it).
    for channel in range(2):
        source_energy = float(np.sum(np.square(original[:, channel]))) / source_rate
        decoded_energy = float(np.sum(np.square(audio[channel]))) / rate
        assert decoded_energy == pytest.approx(source_energy, rel=0.01)


def _bursts_wav(path: Path, *, seconds: int, sample_rate: int, bursts: list[tuple[float, float]]) -> None:
    """Stereo file, tone on the left during ``bursts`` (start, end in s), silence elsewhere."""
    left = np.zeros(seconds * sample_rate, dtype=np.float32)
    for start, end in bursts:
        t = np.arange(int(start * sample_rate), int(end * sample_rate))
        left[t] = 0.3 * np.sin(2 * np.pi * 300 * t / sample_rate)
    sf.write(path, np.stack([left, np.zeros_like(left)], axis=1), sample_rate, subtype="PCM_16")


def test_windows_are_bounded_contiguous_and_cut_in_silence(tmp_path: Path) -> None:
    # Speech-like bursts of 3 s every 4 s: the only quiet places are the 1 s gaps.
    bursts = [(start + 0.5, start + 3.5) for start in range(0, 60, 4)]
    path = tmp_path / "bursts.wav"
    _bursts_wav(path, seconds=60, sample_rate=8000, bursts=bursts)

    windows = [w for w in iter_windows(path, max_window_s=10, min_window_s=6) if w.channel == 0]

    assert sum(w.samples.size for w in windows) == pytest.approx(60 * 16000, abs=16)
    for previous, current in itertools.pairwise(windows):
        assert previous.start_sample + previous.samples.size == current.start_sample  # no gap, no overlap
    for window in windows:
        assert window.duration_s <= 10.0
    for window in windows[:-1]:
        assert window.duration_s >= 6.0
        cut_s = (window.start_sample + window.samples.size) / 16000
        assert not any(start < cut_s < end for start, end in bursts), cut_s


def test_mixdown_yields_one_channel(sample_calls: SampleCalls) -> None:
    windows = list(iter_windows(sample_calls.support_call, mixdown=True))

    assert {w.channel for w in windows} == {0}
    assert sum(w.samples.size for w in windows) == pytest.approx(39.586 * 16000, abs=32)


def test_memory_stays_flat_however_long_the_call(tmp_path: Path) -> None:
    # 10 minutes of stereo: decoded whole at 16 kHz float32 it would take 77 MB.
    path = tmp_path / "long.wav"
    rng = np.random.default_rng(1)
    with sf.SoundFile(path, "w", 8000, 2, subtype="PCM_16") as out:
        for _ in range(60):
            out.write((rng.standard_normal((80_000, 2)) * 0.05).astype(np.float32))

    tracemalloc.start()
    try:
        seen = sum(window.samples.size for window in iter_windows(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert seen == pytest.approx(2 * 600 * 16000, abs=64)
    assert peak < 16 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_duplicate_channels_are_detected(sample_calls: SampleCalls, tmp_path: Path) -> None:
    mono, rate = sf.read(sample_calls.support_call_mono, dtype="float32")
    doubled = tmp_path / "doubled.wav"
    sf.write(doubled, np.stack([mono, mono], axis=1), rate)
    doubled_mp3 = tmp_path / "doubled.mp3"
    sf.write(doubled_mp3, np.stack([mono, mono], axis=1), rate, format="MP3")

    assert channels_are_duplicates(doubled)
    assert channels_are_duplicates(doubled_mp3)
    assert not channels_are_duplicates(sample_calls.support_call)
    assert not channels_are_duplicates(sample_calls.support_call_mono)


def test_speaker_names_follow_channels() -> None:
    assert speaker_names(1, ("agent", "customer")) == ["speaker"]
    assert speaker_names(2, ("agent", "customer")) == ["agent", "customer"]
    assert speaker_names(3, ("agent", "customer")) == ["agent", "customer", "channel_2"]


def test_sample_call_scripts_match_their_audio(sample_calls: SampleCalls) -> None:
    for call in ("support_call", "ai_agent_call"):
        turns = sample_calls.turns(call)
        facts = probe_audio(sample_calls.path(f"{call}.wav"))
        assert [t.speaker for t in turns][:2] == ["agent", "customer"]
        for previous, current in itertools.pairwise(turns):
            assert previous.end_ms < current.start_ms  # turns do not overlap
        assert turns[-1].end_ms < facts.duration_ms
    first = sample_calls.turns("support_call")[0]
    assert first.text == "Thank you for calling Contoso support, my name is Sarah. How can I help you today?"
