"""The labelled redaction set covers what the issue lists, and the call bench scores leaks as misses."""

from __future__ import annotations

import pytest

from bench.redaction import (
    Label,
    LabelledDialogue,
    Score,
    leaks,
    load_calls,
    load_utterances,
    score_call,
    score_utterances,
)
from shared.models.redaction import EntityType
from shared.models.transcript import EngineInfo, Segment, Transcript

pytestmark = pytest.mark.unit


def test_the_set_is_large_enough_and_covers_every_type_on_dev_calls() -> None:
    utterances, calls = load_utterances(), load_calls()
    assert len(utterances) >= 60
    dev_calls = [call for call in calls if call.split == "dev"]
    assert len(dev_calls) >= 20
    assert {label.type for call in dev_calls for label in call.labels} == set(EntityType)
    assert sum(not call.labels for call in dev_calls) >= 3  # precision needs calls with numbers but no PII
    names = [call.id for call in calls] + [utterance.id for utterance in utterances]
    assert len(names) == len(set(names))


def test_a_label_leaks_while_four_of_its_digits_or_one_of_its_words_survive() -> None:
    card = Label(EntityType.CARD_NUMBER, 0, "four one one one, one one one one")
    assert leaks(card, "It is 4111 and [CARD_NUMBER]")
    assert not leaks(card, "It is [CARD_NUMBER], 41")
    email = Label(EntityType.EMAIL, 0, "john dot smith at gmail dot com")
    assert leaks(email, "It is [EMAIL] smith")
    assert not leaks(email, "It is [EMAIL] at the office")


def _call(*texts: tuple[str, int, int]) -> Transcript:
    segments = [
        Segment(index=i, speaker="customer", start_ms=start, end_ms=end, text=text)
        for i, (text, start, end) in enumerate(texts)
    ]
    return Transcript(
        audio_file_id="bench",
        duration_ms=20_000,
        speakers=["customer"],
        segments=segments,
        text="",
        engine=EngineInfo(name="faster-whisper", model="base", version="1"),
        created_at="2026-12-01T00:00:00Z",
    )


def test_a_call_label_is_found_only_when_redacted_in_its_turn_and_nothing_leaks() -> None:
    dialogue = LabelledDialogue(
        "card",
        "dev",
        (("customer", "My card number is four one one one one one one one one one one one one one one one."),),
        (Label(EntityType.CARD_NUMBER, 0, "four one one one one one one one one one one one one one one one"),),
    )
    heard = Score.empty()
    score_call(dialogue, _call(("My card number is 4111 1111 1111 1111.", 1000, 6000)), [(900, 6100)], heard)
    assert (heard.found[EntityType.CARD_NUMBER], heard.correct[EntityType.CARD_NUMBER]) == (1, 1)
    misheard = Score.empty()  # Whisper lost a digit and there is no card context: the digits stay
    score_call(dialogue, _call(("My number is 4111 1111 1111 111.", 1000, 6000)), [(900, 6100)], misheard)
    assert (misheard.labels[EntityType.CARD_NUMBER], misheard.found[EntityType.CARD_NUMBER]) == (1, 0)


def test_a_name_labelled_again_where_it_is_said_again_is_scored_where_it_is_said_again() -> None:
    """ "Ngozi. N-G-O-Z-I. Ngozi." labelled twice: both are found and both redactions are right."""
    name = Label(EntityType.PERSON_NAME, 1, "Ngozi")
    spelled = Label(EntityType.PERSON_NAME, 1, "N-G-O-Z-I")
    dialogue = LabelledDialogue(
        "t1", "dev", (("agent", "And the first name?"), ("customer", "Ngozi. N-G-O-Z-I. Ngozi.")), (name, spelled, name)
    )
    score = Score.empty()
    score_utterances([dialogue], score)
    assert score.labels[EntityType.PERSON_NAME] == 3 == score.found[EntityType.PERSON_NAME]
    assert score.correct[EntityType.PERSON_NAME] == score.predicted[EntityType.PERSON_NAME] >= 2


def test_a_label_is_looked_for_as_whole_words_before_inside_longer_ones() -> None:
    """The code "716" said after the card "4348-6796-6716-1503" is the code where it stands alone, not inside "6716":
    found where it is said, and the card not counted as a wrong code."""
    card = Label(EntityType.CARD_NUMBER, 1, "4348-6796-6716-1503")
    code = Label(EntityType.CARD_SECURITY_CODE, 1, "716")
    dialogue = LabelledDialogue(
        "t1",
        "dev",
        (("agent", "The card and the code on the back?"), ("customer", "4348-6796-6716-1503, and the code is 716.")),
        (card, code),
    )
    score = Score.empty()
    score_utterances([dialogue], score)
    assert score.found[EntityType.CARD_SECURITY_CODE] == 1 == score.correct[EntityType.CARD_SECURITY_CODE]


def test_a_name_said_only_inside_a_longer_one_is_still_looked_for_there() -> None:
    """ "Thandi" labelled where only "Thandiwe" is said is scored on those letters rather than failing the bench."""
    dialogue = LabelledDialogue(
        "t1", "dev", (("customer", "It's Thandiwe Nkosi."),), (Label(EntityType.PERSON_NAME, 0, "Thandi"),)
    )
    score = Score.empty()
    score_utterances([dialogue], score)
    assert score.labels[EntityType.PERSON_NAME] == 1
