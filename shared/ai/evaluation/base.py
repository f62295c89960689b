"""The evaluation interface every engine implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from shared.models.analysis import Analysis, Scorecard
from shared.models.transcript import Transcript


@dataclass(frozen=True)
class EvaluationContext:
    """What the pipeline knows about the call besides its transcript."""

    audio_file_id: str
    engagement_id: str
    campaign_id: str | None
    is_ai_call: bool
    # A campaign-specific scorecard loaded by the pipeline; None means the engine's default scorecard
    # for a human or an AI-agent call (chosen by ``is_ai_call``).
    scorecard: Scorecard | None = None


class EvaluationEngine(Protocol):
    name: str

    def evaluate(self, transcript: Transcript, context: EvaluationContext) -> Analysis: ...
