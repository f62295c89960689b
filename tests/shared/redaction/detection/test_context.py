"""The words around a number that the detectors read: what was said before it in its turn."""

from __future__ import annotations

import pytest

from shared.redaction.detection.context import NAME_ASKED, one_said_as_word, words_before
from shared.redaction.detection.spoken import tokenise
from tests.shared.redaction.detection.turns import segments

pytestmark = pytest.mark.unit


def test_words_before_stay_in_the_segment_and_keep_the_last_few() -> None:
    tokens = tokenise(segments(("agent", "And the card?"), ("customer", "Sure, the last four digits are 7955.")))
    digits = next(token for token in tokens if token.norm.startswith("7955"))
    assert words_before(digits, tokens) == "sure the last four digits are"
    assert words_before(digits, tokens, 3) == "four digits are"
    first = next(token for token in tokens if token.segment == 1)
    assert words_before(first, tokens) == ""  # the agent's question is another segment


@pytest.mark.parametrize("asked", ["surname", "and first name", "name date of birth and the last four of your social"])
def test_a_question_starting_with_the_name_asks_for_one(asked: str) -> None:
    assert NAME_ASKED.search(asked)


@pytest.mark.parametrize("asked", ["name of the shop", "name is on the form", "name of the company"])
def test_a_name_of_a_thing_or_one_told_is_not_asked_for(asked: str) -> None:
    assert not NAME_ASKED.search(asked)


@pytest.mark.parametrize(
    "text, pronoun",
    [
        ("Use the home one, 416-762-0418.", True),
        ("Is it the 312 one? 312-848-2197.", True),
        ("Maestro, it's a long one, 6304 1710 9066 8813 110.", True),
        # a digit word before it: digits read out
        ("It's the seven one, two three four.", False),
        ("It's a seven one, two three four.", False),
    ],
)
def test_one_after_the_or_a_and_a_word_naming_which_is_a_pronoun_unless_that_word_is_a_digit(
    text: str, pronoun: bool
) -> None:
    tokens = tokenise(segments(("customer", text)))
    one = next(token for token in tokens if token.norm == "one")
    assert one_said_as_word(tokens, one) is pronoun
