"""Scorecard patterns that could make the matcher backtrack without bound are refused, with the reason; the
built-in cards' patterns are not."""

from __future__ import annotations

import pytest

from shared.scorecards.patterns import unsafe_pattern_reason
from tests.shared.scorecards.cards import built_in_draft

pytestmark = pytest.mark.unit


def test_the_patterns_of_the_built_in_cards_are_safe_and_runaway_ones_are_not() -> None:
    for call_type in ("human", "ai_agent"):
        for criterion in built_in_draft(call_type)["criteria"]:
            for pattern in criterion.get("patterns", []):
                assert unsafe_pattern_reason(pattern) is None, pattern
    assert unsafe_pattern_reason(r"\bspring (offer|deal)\b") is None
    assert unsafe_pattern_reason(r"\b(call|calls)( \w+){0,4} (recorded|monitored)\b") is None
    assert unsafe_pattern_reason(r"(cat|car)+ x") is None  # alternatives kept apart by a later character
    assert unsafe_pattern_reason(r"( \w+){0,8} x") is None  # each pass starts with a space \w cannot match


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        (r"(?P<w>\w+) (?P=w)", "back-references"),
        (r"(x+x+)+y", "repeat inside a repeat"),
        (r"(?:a?){50}a{50}", "repeat inside a repeat"),  # regexploit alone lets this one through
        (r"(\w+ )*end", "repeat inside a repeat"),
        (r"(a|a)*b", "both match nothing"),  # so does this one
        (r"(\w+|\d+)+x", "start alike"),
        (r".*.*.*x", "overlapping repeats"),
        (r"a{0,1000}", "bound over 100"),
        (r"\w*x" * 11, "more than 10 repeats"),
    ],
)
def test_patterns_that_can_run_away_are_refused_with_the_reason(pattern: str, why: str) -> None:
    reason = unsafe_pattern_reason(pattern)
    assert reason is not None and why in reason
