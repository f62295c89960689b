"""The Scorecard, Analysis and Transcript models: validation, wire names, speaker labels."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from shared.models.analysis import Evidence, Scorecard
from shared.models.transcript import is_unattributed, numbered_speaker

pytestmark = pytest.mark.unit


def scorecard(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": "sc",
        "name": "Scorecard",
        "version": "1",
        "for": "human",
        "criteria": [{"id": "greeting", "name": "Greeting", "anyOf": ["hello"], "withinFirstMs": 30000}],
    }
    body.update(overrides)
    return body


def test_scorecard_reads_wire_names() -> None:
    parsed = Scorecard.model_validate(scorecard())
    assert parsed.call_type == "human"
    assert parsed.pass_threshold == 80
    assert parsed.criteria[0].within_first_ms == 30000
    assert parsed.criteria[0].speaker == "agent"
    wire = parsed.to_wire()
    assert wire["for"] == "human"
    assert wire["criteria"][0]["anyOf"] == ["hello"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"for": "robot"}, "for"),
        ({"criteria": []}, "criteria"),
        ({"criteria": [{"id": "x", "name": "X"}]}, "at least one phrase"),
        ({"criteria": [{"id": "x", "name": "X", "patterns": ["(unclosed"]}]}, "invalid regular expression"),
        ({"criteria": [{"id": "x", "name": "X", "anyOf": ["a"]}] * 2}, "duplicate criterion ids"),
        ({"criteria": [{"id": "Bad Id", "name": "X", "anyOf": ["a"]}]}, "id"),
        ({"passThreshold": 101}, "passThreshold"),
    ],
)
def test_scorecard_rejects_bad_definitions(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Scorecard.model_validate(scorecard(**overrides))


def test_evidence_wire_shape() -> None:
    evidence = Evidence(segment_index=2, speaker="agent", start_ms=100, end_ms=900, quote="Hello.")
    assert evidence.to_wire() == {
        "segmentIndex": 2,
        "speaker": "agent",
        "startMs": 100,
        "endMs": 900,
        "quote": "Hello.",
    }


@pytest.mark.parametrize(
    ("speaker", "unattributed"),
    [
        ("speaker", True),
        (numbered_speaker(1), True),
        ("speaker 12", True),
        ("agent", False),
        ("customer", False),
        ("speaker 0", False),
        ("speakers", False),
        ("speaker one", False),
        ("channel 2", False),
    ],
)
def test_speakers_without_a_role_are_recognised(speaker: str, unattributed: bool) -> None:
    assert is_unattributed(speaker) is unattributed
