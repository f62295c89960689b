"""The built-in cards: each version's content is fixed, and the versions before the current one stay runnable."""

from __future__ import annotations

import hashlib

import pytest

from shared.ai.evaluation.scorecards import built_in_scorecard, default_scorecard, earlier_scorecards
from shared.models.analysis import Scorecard

pytestmark = pytest.mark.unit

# What each built-in version holds. A card that changes must change its version, and the version before it must
# be kept in scorecards/earlier/ as it was: a run pinned to it is judged by the same card as before.
CONTENT = {
    ("default-human", "2.8"): "0b6ce9db6db93037",
    ("default-human", "2.9"): "7eefecaa702fcc49",
    ("default-human", "2.10"): "cdddbd168a06f6d5",
    ("default-human", "2.11"): "790be3689241e285",
    ("default-ai-agent", "2.10"): "ae26adbd0c1c2cf7",
    ("default-ai-agent", "2.11"): "3d757f8c0fd0bfa3",
    ("default-ai-agent", "2.12"): "964053a0816a7051",
}


def fingerprint(card: Scorecard) -> str:
    return hashlib.sha256(card.model_dump_json().encode()).hexdigest()[:16]


def test_every_built_in_version_holds_what_it_held_when_it_was_made() -> None:
    cards = [default_scorecard("human"), default_scorecard("ai_agent"), *earlier_scorecards().values()]
    assert {(card.id, card.version): fingerprint(card) for card in cards} == CONTENT


def test_an_earlier_version_is_served_as_it_was_and_an_unknown_one_is_not() -> None:
    current, earlier = built_in_scorecard("human", "2.11"), built_in_scorecard("human", "2.8")
    assert current is default_scorecard("human")
    assert earlier is not None and earlier.version == "2.8" and earlier.call_type == "human"
    closing_now, closing_then = ({c.id: c for c in card.criteria}["closing"] for card in (current, earlier))
    assert any("mahalo" in pattern for pattern in closing_now.patterns)
    assert not any("mahalo" in pattern for pattern in closing_then.patterns)
    # A version of the other call type's card, one never made, or a path is no card.
    for version in ("2.12", "2.7", "../default-human", ""):
        assert built_in_scorecard("human", version) is None
    assert built_in_scorecard("ai_agent", "2.10") is not None
    assert built_in_scorecard("human", "2.9") is not None
    assert built_in_scorecard("human", "2.10") is not None and built_in_scorecard("ai_agent", "2.11") is not None
