"""Turning criterion results into an overall score, and assembling the ``Analysis`` document.

Both engines go through here, so a score means the same thing whichever engine produced it.
"""

from __future__ import annotations

from collections.abc import Sequence

from shared.ai import utc_now_iso
from shared.ai.evaluation.base import EvaluationContext
from shared.ai.evaluation.metrics import compute_talk_metrics
from shared.models.analysis import (
    Analysis,
    CriterionResult,
    KeywordHit,
    Scorecard,
    ScorecardRef,
    Sentiment,
    SummaryPoint,
)
from shared.models.transcript import EngineInfo, Transcript


def overall_score(results: Sequence[CriterionResult]) -> float:
    """Weighted mean of the decided criteria's scores (0-100); review and not-applicable items wait outside."""
    decided = [result for result in results if result.decided]
    total_weight = sum(result.weight for result in decided)
    if total_weight == 0:
        return 0.0
    return round(sum(result.score * result.weight for result in decided) / total_weight, 1)


def assemble_analysis(
    *,
    transcript: Transcript,
    context: EvaluationContext,
    scorecard: Scorecard,
    criteria: Sequence[CriterionResult],
    sentiment: Sentiment,
    summary: Sequence[SummaryPoint],
    keyword_hits: Sequence[KeywordHit],
    engine: EngineInfo,
    created_at: str | None = None,
) -> Analysis:
    score = overall_score(criteria)
    failed_critical = [result.id for result in criteria if result.critical and result.verdict == "fail"]
    # A critical item awaiting review cannot be signed off yet, so the call does not pass until it is.
    critical_in_review = any(result.critical and result.verdict == "needs_review" for result in criteria)
    return Analysis(
        audio_file_id=context.audio_file_id,
        engagement_id=context.engagement_id,
        campaign_id=context.campaign_id,
        is_ai_call=context.is_ai_call,
        scorecard=ScorecardRef(id=scorecard.id, name=scorecard.name, version=scorecard.version),
        score=score,
        passed=score >= scorecard.pass_threshold and not failed_critical and not critical_in_review,
        needs_review=sum(1 for result in criteria if result.verdict == "needs_review"),
        pass_threshold=scorecard.pass_threshold,
        failed_critical=failed_critical,
        criteria=list(criteria),
        sentiment=sentiment,
        talk=compute_talk_metrics(transcript),
        summary=list(summary),
        keyword_hits=list(keyword_hits),
        engine=engine,
        created_at=created_at or utc_now_iso(),
    )
