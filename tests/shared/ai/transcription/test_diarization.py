"""Diarization's parts on made-up data: clustering, Viterbi turns, word assignment and naming the voices."""

from __future__ import annotations

import numpy as np
import pytest

from scripts.sample_calls import SUPPORT_CALL
from shared.ai.audio import TARGET_SAMPLE_RATE, AudioWindow
from shared.ai.transcription.diarization import (
    Diarizer,
    SpeakerTurn,
    TurnIndex,
    block_embeddings,
    cluster_voices,
    log_pitch,
    viterbi,
)
from shared.ai.transcription.offline import DraftSegment, assign_voices, voice_roles, word_voices
from shared.ai.transcription.speech import SpeechRegion
from shared.models.transcript import Word

pytestmark = pytest.mark.unit
RATE = TARGET_SAMPLE_RATE


def _voice(pitch_hz: float, seconds: float, brightness: float, seed: int) -> np.ndarray:
    """A buzzy vowel-like sound: harmonics of ``pitch_hz`` falling off by ``brightness``, with a little noise."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * RATE)) / RATE
    wobble = pitch_hz * (1 + 0.03 * np.sin(2 * np.pi * 3 * t))  # intonation
    phase = 2 * np.pi * np.cumsum(wobble) / RATE
    sound = sum(np.sin(k * phase) * brightness ** (k - 1) for k in range(1, 30) if k * pitch_hz < 3800)
    sound = sound / np.max(np.abs(sound)) * 0.5
    return np.asarray(sound + 0.01 * rng.standard_normal(t.size), dtype=np.float32)


def test_pitch_is_found_on_a_voiced_sound_and_not_on_noise() -> None:
    voiced = _voice(120, 1.0, 0.7, seed=1)
    noise = np.random.default_rng(2).standard_normal(RATE).astype(np.float32) * 0.3

    pitch = log_pitch(voiced, 90)
    assert np.nanmedian(np.exp(pitch)) == pytest.approx(120, rel=0.05)
    assert np.isnan(log_pitch(noise, 90)).mean() > 0.9


def test_clustering_finds_two_voices_and_more_when_allowed() -> None:
    rng = np.random.default_rng(3)
    centres = np.array([[0.0] * 5, [6.0] * 5, [0.0, 6.0, 0.0, 6.0, 0.0]])
    points = np.vstack([c + rng.standard_normal((30, 5)) for c in centres])
    truth = np.repeat([0, 1, 2], 30)

    three = cluster_voices(points, max_speakers=3)
    two = cluster_voices(points, max_speakers=2)
    one = cluster_voices(points, max_speakers=1)

    # The same partition as the truth, whatever the numbering.
    assert len({(a, b) for a, b in zip(three, truth, strict=True)}) == 3
    assert len(np.unique(two)) == 2 and len(np.unique(one)) == 1


def test_embeddings_clip_pitch_outliers_and_weigh_pitch_most() -> None:
    cepstra = np.zeros((40, 3))
    pitch = np.log(np.r_[np.full(20, 100.0), np.full(19, 200.0), 2000.0])  # one octave error far out

    points = block_embeddings(cepstra, pitch)

    assert points.shape == (40, 4)
    assert np.abs(points[:, -1]).max() < 4  # clipped: the outlier does not stretch the scale
    assert len(np.unique(points[:20, -1])) == 1 and points[0, -1] < points[25, -1]


def test_viterbi_changes_voice_only_when_the_evidence_outweighs_the_cost() -> None:
    likelihood = np.zeros((100, 2))
    likelihood[:, 0] = 1.0
    likelihood[40:42, 1] = 10.0  # a 20 ms blip towards voice 1: 18 nats, below the cost
    likelihood[70:, 1] = 3.0  # 30 frames clearly voice 1: 60 nats

    path = viterbi(likelihood, switch_cost=30.0)

    assert set(path[:70]) == {0}
    assert set(path[70:]) == {1}


def test_two_voices_taking_turns_are_told_apart_to_the_frame() -> None:
    low, high = _voice(110, 2.0, 0.8, seed=4), _voice(220, 2.0, 0.5, seed=5)
    gap = np.zeros(int(0.8 * RATE), dtype=np.float32)
    pieces = [low, gap, high, gap, low, gap, high, gap, low]
    samples = np.concatenate(pieces)
    regions, cursor = [], 0
    for piece in pieces:
        if piece is not gap:
            regions.append(SpeechRegion(0, cursor, cursor + piece.size))
        cursor += piece.size
    window = AudioWindow(0, 0, samples)
    diarizer = Diarizer(max_speakers=2)

    diarizer.push(window, regions)
    turns = diarizer.turns([window])

    assert [turn.voice for turn in turns] == [0, 1, 0, 1, 0]
    for turn, region in zip(turns, regions, strict=True):
        assert turn.start_ms == region.start_sample * 1000 // RATE
        assert turn.end_ms == region.end_sample * 1000 // RATE


def test_a_change_of_voice_inside_one_region_is_placed_near_where_it_happens() -> None:
    samples = np.concatenate([_voice(110, 3.0, 0.8, seed=6), _voice(230, 3.0, 0.5, seed=7)])
    window = AudioWindow(0, 0, samples)
    diarizer = Diarizer()

    diarizer.push(window, [SpeechRegion(0, 0, samples.size)])
    turns = diarizer.turns([window])

    assert [turn.voice for turn in turns] == [0, 1]
    assert turns[0].end_ms == pytest.approx(3000, abs=100)


def test_no_speech_gives_no_turns() -> None:
    diarizer = Diarizer()
    diarizer.push(AudioWindow(0, 0, np.zeros(RATE, dtype=np.float32)), [])
    assert diarizer.turns([]) == []


def test_the_turn_index_takes_the_voice_over_most_of_a_stretch_else_the_nearest() -> None:
    turns = TurnIndex([SpeakerTurn(0, 0, 1000), SpeakerTurn(1, 900, 2000), SpeakerTurn(0, 3000, 4000)])

    assert turns.voice(100, 950) == 0
    assert turns.voice(950, 1500) == 1
    assert turns.voice(2100, 2200) == 1  # in a pause: the nearest turn
    assert turns.voice(2800, 2900) == 0
    assert TurnIndex([]).voice(0, 10) is None


def _words(text: str, start_ms: int = 0, step_ms: int = 300) -> list[Word]:
    return [
        Word(text=word, start_ms=start_ms + i * step_ms, end_ms=start_ms + i * step_ms + 250)
        for i, word in enumerate(text.split())
    ]


def test_a_segment_spanning_two_voices_is_split_at_the_word_where_the_voice_changes() -> None:
    words = _words("Thank you for calling. Hi, I was charged twice.")
    draft = DraftSegment(0, 0, words[-1].end_ms, "Thank you for calling. Hi, I was charged twice.", 0.9, words)
    turns = TurnIndex([SpeakerTurn(0, 0, 1150), SpeakerTurn(1, 1150, 3000)])

    first, second = assign_voices([draft], turns)

    assert (first.voice, first.text, first.start_ms, first.end_ms) == (0, "Thank you for calling.", 0, 1150)
    assert (second.voice, second.text, second.start_ms) == (1, "Hi, I was charged twice.", 1200)
    assert second.words == words[4:] and second.confidence == 0.9


def test_a_segment_without_word_times_goes_to_the_voice_over_most_of_it() -> None:
    draft = DraftSegment(0, 1000, 3000, "I want a refund")
    turns = TurnIndex([SpeakerTurn(0, 0, 1400), SpeakerTurn(1, 1400, 3000)])

    assert [d.voice for d in assign_voices([draft], turns)] == [1]


def test_lone_flips_are_undone_and_changes_move_to_the_clause_end() -> None:
    # A backchannel over "my" would otherwise cut the agent's sentence in three.
    words = _words("Contoso support, my name is Sarah.")
    assert word_voices(words, [0, 0, 1, 0, 0, 0]) == [0] * 6
    # The turn boundary came one word late: "Thank" belongs after the full stop.
    words = _words("No, that is all. Thank you for calling")
    assert word_voices(words, [1, 1, 1, 1, 1, 0, 0, 0]) == [1, 1, 1, 1, 0, 0, 0, 0]
    # No punctuation nearby: the change stays where the voices put it.
    words = _words("yes yes yes yes no no no no")
    assert word_voices(words, [0, 0, 0, 0, 1, 1, 1, 1]) == [0, 0, 0, 0, 1, 1, 1, 1]


def _drafts_of(script_voices: list[tuple[int, str]]) -> list[DraftSegment]:
    return [
        DraftSegment(0, 1000 * i, 1000 * i + 900, text, voice=voice) for i, (voice, text) in enumerate(script_voices)
    ]


def test_the_voice_that_sounds_like_an_agent_is_named_agent() -> None:
    # The customer speaks first, so diarization numbered them voice 0.
    drafts = _drafts_of([(5, "Hello?")] + [(2 if t.speaker == "agent" else 5, t.text) for t in SUPPORT_CALL.turns])

    renumbered, names, roles = voice_roles(drafts, ["agent", "customer"])

    assert names == ["customer", "agent"]
    assert [d.voice for d in renumbered[:3]] == [0, 1, 0]
    assert roles is not None and roles.source == "content" and not roles.swapped and roles.confidence >= 0.75


def test_voices_stay_numbered_when_content_does_not_tell_the_agent() -> None:
    _, names, roles = voice_roles(_drafts_of([(0, "okay"), (1, "right"), (2, "sure")]), ["agent", "customer"])

    assert names == ["speaker 1", "speaker 2", "speaker 3"]
    assert roles is None


def test_one_voice_is_the_plain_speaker_as_before_diarization() -> None:
    renumbered, names, roles = voice_roles(_drafts_of([(3, "Thank you for calling"), (3, "bye")]), ["agent"])

    assert names == ["speaker"] and roles is None
    assert {d.voice for d in renumbered} == {0}
