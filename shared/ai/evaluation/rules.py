"""The offline, deterministic evaluation engine: scorecard phrases, VADER sentiment, talk metrics.

It needs no network and no model download, so it is the default engine and the reference the Azure
OpenAI engine is compared against.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from shared.ai import package_version, utc_now_iso
from shared.ai.evaluation.base import EvaluationContext
from shared.ai.evaluation.keywords import DEFAULT_KEYWORDS, find_keyword_hits
from shared.ai.evaluation.matching import (
    SegmentText,
    evidence_for,
    find_pattern,
    find_phrase,
    index_segments,
    normalize_phrase,
)
from shared.ai.evaluation.metrics import call_duration_ms
from shared.ai.evaluation.scorecards import default_scorecard
from shared.ai.evaluation.scoring import assemble_analysis
from shared.ai.evaluation.sentiment import analyze_sentiment
from shared.ai.evaluation.summary import DEFAULT_SUMMARY_SENTENCES, extractive_summary
from shared.models.analysis import Analysis, CriterionResult, Evidence, Scorecard, ScorecardCriterion
from shared.models.transcript import EngineInfo, Transcript, is_unattributed

logger = logging.getLogger(__name__)

ENGINE_NAME = "rules"
RULES_VERSION = "1.0"
MAX_EVIDENCE_PER_CRITERION = 3


@dataclass(frozen=True)
class CompiledCriterion:
    """A scorecard criterion with its phrases normalized and patterns compiled once per evaluation."""

    criterion: ScorecardCriterion
    phrases: tuple[tuple[str, ...], ...]
    patterns: tuple[re.Pattern[str], ...]

    @classmethod
    def of(cls, criterion: ScorecardCriterion) -> CompiledCriterion:
        phrases = tuple(p for p in (normalize_phrase(phrase) for phrase in criterion.any_of) if p)
        return cls(criterion, phrases, tuple(re.compile(pattern) for pattern in criterion.patterns))

    def first_match(self, item: SegmentText) -> tuple[int, int] | None:
        """The earliest match in a segment, as an original-word span."""
        spans = [span for phrase in self.phrases for span in find_phrase(item.text, phrase)]
        spans += [span for pattern in self.patterns for span in find_pattern(item.text, pattern)]
        return min(spans) if spans else None


def segments_for_speaker(texts: Sequence[SegmentText], speaker: str | None) -> list[SegmentText]:
    if speaker is None:
        return list(texts)
    chosen = [item for item in texts if item.segment.speaker == speaker]
    if chosen:
        return chosen
    # Mono transcripts carry no speaker roles ("speaker", or diarized "speaker 1", "speaker 2"): search
    # everything rather than fail every criterion.
    if all(is_unattributed(item.segment.speaker) for item in texts):
        return list(texts)
    return []


def in_window(evidence: Evidence, criterion: ScorecardCriterion, duration_ms: int) -> bool:
    """Whether evidence falls in the criterion's window (starts early enough / ends late enough)."""
    if criterion.within_first_ms is not None and evidence.start_ms > criterion.within_first_ms:
        return False
    if criterion.within_last_ms is not None:
        return evidence.end_ms >= duration_ms - criterion.within_last_ms
    return True


def _window_text(criterion: ScorecardCriterion) -> str:
    if criterion.within_first_ms is not None:
        return f" in the first {criterion.within_first_ms / 1000:g} s"
    if criterion.within_last_ms is not None:
        return f" in the last {criterion.within_last_ms / 1000:g} s"
    return ""


def evaluate_criterion(compiled: CompiledCriterion, texts: Sequence[SegmentText], duration_ms: int) -> CriterionResult:
    criterion = compiled.criterion
    found: list[Evidence] = []
    for item in segments_for_speaker(texts, criterion.speaker):
        span = compiled.first_match(item)
        if span is None:
            continue
        evidence = evidence_for(item, *span)
        if in_window(evidence, criterion, duration_ms):
            found.append(evidence)
    if criterion.within_last_ms is not None:
        found.reverse()  # the closing that matters is the last one
    who = criterion.speaker or "anyone"
    if criterion.must_not:
        passed = not found
        reason = (
            f"no prohibited language from {who}"
            if passed
            else f"prohibited language from {who} in {len(found)} segment(s)"
        )
    else:
        passed = bool(found)
        reason = (
            f"matched in segment {found[0].segment_index}"
            if passed
            else f"no matching phrase from {who}{_window_text(criterion)}"
        )
    return CriterionResult.judged(
        criterion,
        passed=passed,
        reason=reason,
        # A missed must-have has nothing to cite; a failed must_not cites the offending lines.
        evidence=found[:MAX_EVIDENCE_PER_CRITERION] if (passed != criterion.must_not) else [],
    )


class RuleBasedEngine:
    """Scores a transcript against a scorecard with forgiving phrase matching; fully deterministic."""

    name = ENGINE_NAME

    def __init__(
        self,
        *,
        keywords: Sequence[str] = DEFAULT_KEYWORDS,
        summary_sentences: int = DEFAULT_SUMMARY_SENTENCES,
        clock: Callable[[], str] = utc_now_iso,
    ) -> None:
        self._keywords = tuple(keywords)
        self._summary_sentences = summary_sentences
        self._clock = clock
        self._engine_info = EngineInfo(
            name=ENGINE_NAME, model=f"phrase-rules+vader-{package_version('vaderSentiment')}", version=RULES_VERSION
        )

    @staticmethod
    def scorecard_for(context: EvaluationContext) -> Scorecard:
        if context.scorecard is not None:
            return context.scorecard
        return default_scorecard("ai_agent" if context.is_ai_call else "human")

    def evaluate(self, transcript: Transcript, context: EvaluationContext) -> Analysis:
        scorecard = self.scorecard_for(context)
        texts = index_segments(transcript.segments)
        duration_ms = call_duration_ms(transcript)
        criteria = [evaluate_criterion(CompiledCriterion.of(c), texts, duration_ms) for c in scorecard.criteria]
        analysis = assemble_analysis(
            transcript=transcript,
            context=context,
            scorecard=scorecard,
            criteria=criteria,
            sentiment=analyze_sentiment(transcript.segments),
            summary=extractive_summary(texts, self._keywords, max_sentences=self._summary_sentences),
            keyword_hits=find_keyword_hits(texts, self._keywords),
            engine=self._engine_info,
            created_at=self._clock(),
        )
        logger.info(
            "Evaluated audio file %s with %s scorecard %s@%s: score %.1f, passed %s, %d segment(s)",
            context.audio_file_id,
            ENGINE_NAME,
            scorecard.id,
            scorecard.version,
            analysis.score,
            analysis.passed,
            len(transcript.segments),
        )
        return analysis
