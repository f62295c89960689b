"""The default scorecards, kept as JSON data files next to this module and validated once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from shared.models.analysis import CallType, Scorecard

SCORECARD_DIR = Path(__file__).resolve().parent / "scorecards"
_DEFAULT_FILES: dict[CallType, str] = {"human": "default-human.json", "ai_agent": "default-ai-agent.json"}


def load_scorecard(path: Path) -> Scorecard:
    return Scorecard.model_validate_json(path.read_bytes())


@cache
def default_scorecard(call_type: CallType) -> Scorecard:
    """The built-in scorecard for a human or an AI-agent call (parsed on first use, then cached)."""
    scorecard = load_scorecard(SCORECARD_DIR / _DEFAULT_FILES[call_type])
    if scorecard.call_type != call_type:
        raise ValueError(f"{_DEFAULT_FILES[call_type]} is a scorecard for {scorecard.call_type!r} calls")
    return scorecard
