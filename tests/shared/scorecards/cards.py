"""Scorecard drafts for the tests: the built-in cards' JSON as a client would send it."""

from __future__ import annotations

import copy
import json
from typing import Any

from shared.ai.evaluation.scorecards import SCORECARD_DIR


def built_in_draft(call_type: str = "human") -> dict[str, Any]:
    """A built-in card without the ``id`` and ``version`` the service assigns: a valid draft."""
    card: dict[str, Any] = json.loads((SCORECARD_DIR / f"default-{call_type.replace('_', '-')}.json").read_text())
    del card["id"], card["version"]
    return card


def small_draft(name: str = "Spring promo", call_type: str = "human", **criterion: Any) -> dict[str, Any]:
    """A one-criterion card: the agent must mention the spring offer (overridable per test)."""
    base = {"id": "offer", "name": "Mentions the spring offer", "weight": 1, "speaker": "agent",
            "anyOf": ["spring offer"]}  # fmt: skip
    return {"name": name, "for": call_type, "passThreshold": 50, "criteria": [{**base, **criterion}]}


def edited(card: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {**copy.deepcopy(card), **changes}
