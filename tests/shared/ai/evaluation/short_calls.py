"""A short call around one agent line, judged by the default engine with its intent layer: for tests of how one
criterion reads wording."""

from __future__ import annotations

from shared.ai.evaluation.base import EvaluationContext
from shared.ai.evaluation.intent import load_intent_model
from shared.ai.evaluation.rules import RuleBasedEngine
from shared.models.analysis import CriterionResult
from tests.shared.ai.evaluation.call_scripts import Script, build_transcript

ENGINE = RuleBasedEngine(clock=lambda: "2024-05-01T12:00:00Z", intent=load_intent_model())


def verdict(script: Script, criterion_id: str, *, is_ai_call: bool = False) -> CriterionResult:
    analysis = ENGINE.evaluate(build_transcript(script), EvaluationContext("af", "eng", None, is_ai_call))
    return next(item for item in analysis.criteria if item.id == criterion_id)


def call(opening: str = "Hello, Contoso billing.", middle: str = "Let me look.", goodbye: str = "Okay.") -> Script:
    return (
        ("agent", opening),
        ("customer", "Hi, my parcel never came."),
        ("agent", middle),
        ("customer", "Right, thanks."),
        ("agent", goodbye),
    )
