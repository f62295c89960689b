"""Short calls judged by the rules engine, with and without its intent layer: for tests of how one criterion reads
wording."""

from __future__ import annotations

import pytest

from shared.ai.evaluation import tone
from shared.ai.evaluation.base import EvaluationContext
from shared.ai.evaluation.intent import load_intent_model
from shared.ai.evaluation.learned import load_intent_classifiers
from shared.ai.evaluation.matching import normalize
from shared.ai.evaluation.rules import RuleBasedEngine
from shared.models.analysis import CriterionResult
from tests.shared.ai.evaluation.call_scripts import Script, build_transcript

PHRASE_ENGINE = RuleBasedEngine(clock=lambda: "2024-05-01T12:00:00Z")
INTENT_ENGINE = RuleBasedEngine(clock=lambda: "2024-05-01T12:00:00Z", intent=load_intent_model())
# The engine as the service runs it by default: the intent layer and the shipped learned readings, which pass some
# sentences the examples alone do not.
DEFAULT_ENGINE = RuleBasedEngine(
    clock=lambda: "2024-05-01T12:00:00Z", intent=load_intent_model(), classifiers=load_intent_classifiers()
)
ENGINES = pytest.mark.parametrize("engine", [PHRASE_ENGINE, INTENT_ENGINE], ids=["phrases", "intent"])


def judged(engine: RuleBasedEngine, script: Script, criterion_id: str, *, is_ai_call: bool = False) -> CriterionResult:
    analysis = engine.evaluate(build_transcript(script), EvaluationContext("af", "eng", None, is_ai_call))
    return next(item for item in analysis.criteria if item.id == criterion_id)


def verdict(script: Script, criterion_id: str, *, is_ai_call: bool = False) -> CriterionResult:
    """How the default engine, intent layer on, judges ``criterion_id`` on ``script``."""
    return judged(INTENT_ENGINE, script, criterion_id, is_ai_call=is_ai_call)


def kinds(sentence: str) -> list[str]:
    """What ``sentence`` does to the customer, as the tone rules read it."""
    return tone.kinds_in(normalize(sentence).joined)


def call(opening: str = "Hello, Contoso billing.", middle: str = "Let me look.", goodbye: str = "Okay.") -> Script:
    return (
        ("agent", opening),
        ("customer", "Hi, my parcel never came."),
        ("agent", middle),
        ("customer", "Right, thanks."),
        ("agent", goodbye),
    )
