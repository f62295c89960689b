"""The built-in scorecards, kept as JSON data files next to this module and validated once.

A built-in card changes only with a new version: the one before is kept in ``scorecards/earlier/`` (named
``{id}-{version}.json``), so a run or a backtest pinned to it is judged by the same card as before.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from shared.models.analysis import CallType, Scorecard

SCORECARD_DIR = Path(__file__).resolve().parent / "scorecards"
EARLIER_DIR = SCORECARD_DIR / "earlier"
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


@cache
def earlier_scorecards() -> dict[tuple[str, str], Scorecard]:
    """The built-in cards' earlier versions, by (id, version); each file must be named after what it holds."""
    cards: dict[tuple[str, str], Scorecard] = {}
    for path in sorted(EARLIER_DIR.glob("*.json")):
        card = load_scorecard(path)
        if path.name != f"{card.id}-{card.version}.json":
            raise ValueError(f"{path.name} holds {card.id} at version {card.version}")
        cards[card.id, card.version] = card
    return cards


def built_in_scorecard(call_type: CallType, version: str) -> Scorecard | None:
    """The built-in card for ``call_type`` at ``version``, current or earlier; None if it never had that version."""
    current = default_scorecard(call_type)
    if version == current.version:
        return current
    return earlier_scorecards().get((current.id, version))
