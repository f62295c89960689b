"""The grammar of openings and apologies: how agents introduce themselves beyond the cards' own wording, names a
caller answers to after a greeting of their own, a "sorry" that only asks back what was said, and example wording
made only of common words, which is no cue (each case as a reviewer would judge it, in wording of its own rather
than the labelled calls')."""

from __future__ import annotations

import pytest

from shared.ai.evaluation.rules import _example_phrases
from tests.shared.ai.evaluation.short_calls import call, verdict

pytestmark = pytest.mark.unit


def test_example_wording_made_only_of_common_words_is_no_cue() -> None:
    phrases = _example_phrases(("Hello, this is the {org} automated phone line.", "I'm an AI assistant."))
    assert ("hello", "this", "is", "the") not in phrases
    assert ("automated", "phone", "line") in phrases
    assert _example_phrases(("Anything else I can do?",)) == [("anything", "else", "i", "can", "do")]
    # Where every example names someone, the name beside them is checked, and common words stay a cue.
    assert ("how", "can", "i", "help") in _example_phrases(("{org}, how can I help?", "{org}, {name} here."))


@pytest.mark.parametrize(
    ("line", "passed"),
    [
        ("Hello, this is the Ridgeway boiler recall line. What's the serial number?", False),
        ("Hello, this is the Ridgeway automated phone line.", True),
    ],
)
def test_a_line_named_without_saying_it_is_automated_discloses_nothing(line: str, passed: bool) -> None:
    found = verdict(call(opening=line), "ai_disclosure", is_ai_call=True)
    assert (found.verdict == "pass") is passed, found.reason
