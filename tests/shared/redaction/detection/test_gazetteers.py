"""The word lists read from pinned wheels: given names of many countries, English words and places."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from shared.redaction.detection.gazetteers import an_english_word, english_words, person_names, place_names

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "name", ["Chinedu", "Aoife", "Kofi", "Ximena", "Dmitri", "Jean-Luc", "Saoirse", "Okafor", "Volkov"]
)
def test_given_names_and_surnames_of_many_countries_are_listed(name: str) -> None:
    assert name in person_names()


@pytest.mark.parametrize("word", ["Grace", "Will", "Can", "Press", "Valid"])
def test_a_given_name_that_is_an_english_word_is_left_out(word: str) -> None:
    assert word.lower() in english_words()
    assert word not in person_names()


@pytest.mark.parametrize("place", ["London", "Memphis", "Sydney", "India", "Kenya"])
def test_countries_and_the_places_phone_numbers_are_geocoded_to_are_places(place: str) -> None:
    assert place in place_names()


def test_importing_the_detector_loads_no_list_until_one_is_read() -> None:
    # every function of the app imports the detector: its cold start must not pay for the lists
    loaded = subprocess.run(
        [sys.executable, "-c", _MODULES_AFTER_IMPORT], cwd=_REPOSITORY, capture_output=True, text=True, check=True
    ).stdout.split()
    assert not {"faker", "english_words", "phonenumbers.geodata"} & set(loaded)


_MODULES_AFTER_IMPORT = "import sys, shared.redaction.detection; print(*sys.modules)"
_REPOSITORY = Path(__file__).resolve().parents[4]


@pytest.mark.parametrize(("word", "english"), [("kids", True), ("shared", True), ("sharing", True), ("okafor", False)])
def test_an_english_word_is_known_with_the_endings_the_list_leaves_off(word: str, english: bool) -> None:
    assert an_english_word(word) is english
