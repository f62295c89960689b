"""Speech regions (Silero VAD) and the speech-only windows with their time map back to the recording."""

from __future__ import annotations

import numpy as np
import pytest

from scripts.sample_calls import SampleCalls
from shared.ai.audio import AudioWindow, Piece, iter_windows
from shared.ai.transcription.speech import SpeechPacker, speech_regions

RATE = 16_000
EDGE_TOLERANCE_MS = 400  # the VAD pads each region by 200 ms and works on 32 ms frames


@pytest.mark.unit
def test_a_joined_window_maps_its_times_back_to_the_recording() -> None:
    # Two pieces: 1 s from 5 s into the recording, then 0.5 s from 12 s.
    window = AudioWindow(
        0,
        5 * RATE,
        np.zeros(int(1.5 * RATE), np.float32),
        pieces=(Piece(0, 5 * RATE, RATE), Piece(RATE, 12 * RATE, RATE // 2)),
    )

    assert (window.start_ms, window.end_ms) == (5000, 12500)
    assert [window.piece_index(s) for s in (0.0, 0.99, 1.0, 1.4, 9.0)] == [0, 0, 1, 1, 1]
    assert window.recording_ms(0.25) == 5250
    assert window.recording_ms(1.25) == 12250
    # A word's end pinned to its start's piece stops at that piece's end, never in the next piece.
    assert window.recording_ms(1.2, piece=0) == 6000


@pytest.mark.unit
def test_a_contiguous_window_maps_by_its_start() -> None:
    window = AudioWindow(1, 3 * RATE, np.zeros(RATE, np.float32))

    assert window.recording_ms(0.5) == 3500 and window.piece_index(0.5) == 0


@pytest.mark.unit
def test_speech_regions_follow_each_channels_turns(sample_calls: SampleCalls) -> None:
    turns = sample_calls.turns("support_call")
    regions = [r for w in iter_windows(sample_calls.support_call) for r in speech_regions(w)]

    for channel, speaker in ((0, "agent"), (1, "customer")):
        mine = [t for t in turns if t.speaker == speaker]
        found = [(r.start_sample * 1000 // RATE, r.end_sample * 1000 // RATE) for r in regions if r.channel == channel]
        # Every region lies within one of this speaker's turns: none spans the other party's turn.
        for start, end in found:
            assert any(t.start_ms - EDGE_TOLERANCE_MS <= start and end <= t.end_ms + EDGE_TOLERANCE_MS for t in mine), (
                channel,
                start,
                end,
            )
        # And every turn is found.
        for turn in mine:
            assert any(start < turn.end_ms and end > turn.start_ms for start, end in found), turn


@pytest.mark.unit
def test_packed_windows_hold_only_speech_and_stay_within_the_limit(sample_calls: SampleCalls) -> None:
    packer = SpeechPacker(max_window_s=10)
    packs: list[AudioWindow] = []
    total = 0
    for window in iter_windows(sample_calls.support_call):
        total += window.samples.size
        packs.extend(packer.push(window, speech_regions(window)))
    packs.extend(packer.finish())

    assert {p.channel for p in packs} == {0, 1}
    assert all(p.samples.size <= 10 * RATE for p in packs)
    speech = sum(p.samples.size for p in packs)
    assert speech == sum(packer.speech_samples.values())
    assert 0.3 * total < speech < 0.7 * total  # each channel is silent while the other party speaks
    for pack in packs:
        assert sum(piece.length for piece in pack.pieces) == pack.samples.size
        starts = [piece.start_sample for piece in pack.pieces]
        assert starts == sorted(starts)


@pytest.mark.unit
def test_silence_has_no_speech() -> None:
    assert speech_regions(AudioWindow(0, 0, np.zeros(RATE, np.float32))) == []
