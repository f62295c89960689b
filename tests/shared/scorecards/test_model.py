"""A card as a client writes it: every mistake is refused with its own stable code, through the one 400 mapping."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from shared.errors import ValidationFailed
from shared.http import validation_problem
from shared.models.analysis import Scorecard
from shared.scorecards.model import (
    MAX_CRITERIA,
    MAX_DESCRIPTION_CHARS,
    MAX_PATTERNS,
    MAX_PHRASE_CHARS,
    ScorecardDraft,
)
from tests.shared.scorecards.cards import built_in_draft, small_draft

pytestmark = pytest.mark.unit


def problem(card: dict[str, Any]) -> ValidationFailed:
    with pytest.raises(ValidationError) as raised:
        ScorecardDraft.model_validate_json(json.dumps(card), strict=True)
    return validation_problem(raised.value, "request body")


@pytest.mark.parametrize("call_type", ["human", "ai_agent"])
def test_the_built_in_cards_are_valid_drafts_and_keep_their_content(call_type: str) -> None:
    card = built_in_draft(call_type)
    draft = ScorecardDraft.model_validate_json(json.dumps(card), strict=True)
    stored = draft.to_scorecard("sc_01JDZ2V1D3W4X5Y6Z7A8B9C0D1", 3)
    assert isinstance(stored, Scorecard)
    assert (stored.id, stored.version, stored.call_type) == ("sc_01JDZ2V1D3W4X5Y6Z7A8B9C0D1", "3", call_type)
    # Nothing of the card is lost or changed on the way: it is the built-in card under a new id and version.
    assert stored == Scorecard.model_validate({**card, "id": "sc_01JDZ2V1D3W4X5Y6Z7A8B9C0D1", "version": "3"})


@pytest.mark.parametrize(
    ("criterion", "code"),
    [
        ({"weight": 0}, "scorecard_invalid_weight"),
        ({"weight": -2}, "scorecard_invalid_weight"),
        ({"weight": 1e6}, "scorecard_invalid_weight"),
        ({"speaker": "bot"}, "scorecard_unknown_speaker"),
        ({"speaker": "Agent"}, "scorecard_unknown_speaker"),
        ({"patterns": ["(unclosed"]}, "scorecard_invalid_pattern"),
        ({"patterns": ["(a+)+b"]}, "scorecard_unsafe_pattern"),
        ({"patterns": [r"(\w+\s?)+$"]}, "scorecard_unsafe_pattern"),
        ({"patterns": [".*.*.*x"]}, "scorecard_unsafe_pattern"),
        ({"patterns": [r"(\w+) \1"]}, "scorecard_unsafe_pattern"),
        ({"anyOf": [], "patterns": [], "passExamples": []}, "scorecard_empty_criterion"),
        ({"anyOf": ["   "]}, "scorecard_empty_criterion"),
        ({"patterns": ["x"] * (MAX_PATTERNS + 1)}, "scorecard_too_large"),
        ({"anyOf": ["x" * (MAX_PHRASE_CHARS + 1)]}, "scorecard_too_large"),
        ({"description": "x" * (MAX_DESCRIPTION_CHARS + 1)}, "scorecard_too_large"),
        ({"speaking": "agent"}, "validation_error"),  # an unknown field is a typo, not a card rule
    ],
)
def test_each_mistake_in_a_criterion_has_its_code(criterion: dict[str, Any], code: str) -> None:
    refused = problem(small_draft(**criterion))
    assert refused.status == 400 and refused.code == code
    assert refused.extra["errors"][0]["field"].startswith("criteria.0")


def test_mistakes_of_the_whole_card_have_their_codes() -> None:
    assert problem({**small_draft(), "criteria": []}).code == "scorecard_no_criteria"
    many = [{**small_draft()["criteria"][0], "id": f"c{i}"} for i in range(MAX_CRITERIA + 1)]
    assert problem({**small_draft(), "criteria": many}).code == "scorecard_too_large"
    twice = small_draft()["criteria"] * 2
    assert problem({**small_draft(), "criteria": twice}).code == "scorecard_duplicate_criterion"
    assert problem({**small_draft(), "for": "robot"}).code == "validation_error"
