"""The evaluation document every evaluation engine produces, and the scorecard it is scored against.

An ``Analysis`` is written for a contact-center lead: an overall score and pass/fail first, then every
scorecard criterion with the quote and time that justify it, then how the call felt (sentiment), how it
flowed (talk metrics), what it was about (summary, keyword hits), and which engine decided.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from shared.models.base import WireModel
from shared.models.transcript import EngineInfo

CallType = Literal["human", "ai_agent"]
SentimentLabel = Literal["positive", "neutral", "negative"]
SentimentShift = Literal["improved", "unchanged", "worsened"]
# How a criterion was judged: ``needs_review`` when the engine is unsure (a person should listen), and
# ``not_applicable`` when it cannot be judged (the call is in a language the criterion has no wording for).
Verdict = Literal["pass", "fail", "needs_review", "not_applicable"]
# ISO 639-1 codes ("en", "es"); a scorecard's wording is English unless it says otherwise.
LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2}$")]
DEFAULT_LANGUAGES: tuple[str, ...] = ("en",)


# --- Scorecard: what a call is measured against -------------------------------------------------


class ScorecardCriterion(WireModel):
    """One thing the agent must do (or, with ``must_not``, must never do), described as a reviewer would.

    The offline engine reads the wording, not just a phrase list: ``pass_examples`` are ways of doing it
    (of a ``must_not`` criterion: innocent wording that resembles a violation, such as a place name),
    ``fail_examples`` ways of getting it wrong (of a ``must_not`` criterion: the violations themselves).
    Phrases in ``any_of`` are literal key phrases, matched forgivingly (case, punctuation, number words vs
    digits, small speech-recognition errors); ``patterns`` are regular expressions applied to the
    *normalized* text: lowercase, punctuation removed, contractions expanded ("i'll" -> "i will"), numbers
    as digits.
    """

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)
    name: str = Field(min_length=1)
    description: str = ""
    weight: float = Field(default=1.0, gt=0)
    # Whose speech counts: "agent", "customer", or None for anyone. Segments without a role ("speaker",
    # "speaker 2": see transcript.is_unattributed) count for every criterion: the agent cannot be told apart.
    speaker: str | None = "agent"
    any_of: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    pass_examples: list[str] = Field(default_factory=list, max_length=200)
    fail_examples: list[str] = Field(default_factory=list, max_length=200)
    # Windows count speech time (silence and holds longer than a pause are not counted): from the first
    # words of the call, or back from its last words.
    within_first_ms: int | None = Field(default=None, gt=0)
    within_last_ms: int | None = Field(default=None, gt=0)
    # A prohibited-language criterion: a match means FAIL and the match is the evidence.
    must_not: bool = False
    # A failed critical criterion fails the whole call whatever the score (compliance items).
    critical: bool = False
    # The languages this criterion's wording is in; None means the scorecard's languages.
    languages: list[LanguageCode] | None = None

    @field_validator("patterns")
    @classmethod
    def _patterns_compile(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from exc
        return patterns

    @model_validator(mode="after")
    def _has_something_to_match(self) -> ScorecardCriterion:
        wording = [*self.any_of, *self.patterns, *self.pass_examples, *(self.fail_examples if self.must_not else [])]
        if not any(item.strip() for item in wording):
            raise ValueError(
                f"criterion {self.id!r} needs at least one phrase in anyOf, one pattern or one example "
                "(passExamples; failExamples for a mustNot criterion)"
            )
        return self


class Scorecard(WireModel):
    id: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1)
    version: str = Field(min_length=1)
    # Wire name is "for" (a Python keyword), so the attribute is ``call_type``.
    call_type: CallType = Field(alias="for")
    pass_threshold: float = Field(default=80.0, ge=0, le=100)
    # The languages the criteria are worded in (ISO 639-1); a criterion may narrow them.
    languages: list[LanguageCode] = Field(default_factory=lambda: list(DEFAULT_LANGUAGES), min_length=1)
    criteria: list[ScorecardCriterion] = Field(min_length=1)

    def languages_of(self, criterion: ScorecardCriterion) -> list[str]:
        return criterion.languages if criterion.languages is not None else self.languages

    @model_validator(mode="after")
    def _unique_criterion_ids(self) -> Scorecard:
        ids = [criterion.id for criterion in self.criteria]
        duplicates = sorted({criterion_id for criterion_id in ids if ids.count(criterion_id) > 1})
        if duplicates:
            raise ValueError(f"duplicate criterion ids: {', '.join(duplicates)}")
        return self


# --- Analysis: what the engine found -------------------------------------------------------------


class ScorecardRef(WireModel):
    id: str
    name: str
    version: str


class Evidence(WireModel):
    """Where in the call something was said: enough to jump the player there and read the line."""

    segment_index: int = Field(ge=0)
    speaker: str
    start_ms: int = Field(ge=0)
    end_ms: int = Field(ge=0)
    quote: str  # the matching phrase's sentence, never the whole transcript


class CriterionResult(WireModel):
    id: str
    name: str
    weight: float
    verdict: Verdict
    # True only for a ``pass`` verdict (kept for clients that read pass/fail).
    passed: bool
    # How sure the engine is of the verdict, 0-1.
    confidence: float = Field(default=1.0, ge=0, le=1)
    score: float = Field(ge=0, le=100)
    must_not: bool = False
    critical: bool = False
    # Why, in one line a lead can read (no transcript text beyond the quotes).
    reason: str = ""
    # The lines behind the verdict: what supports a pass, the violation of a must_not criterion, or the
    # near miss that was rejected (negated, too late, said by the other speaker); empty when nothing came close.
    evidence: list[Evidence] = Field(default_factory=list)

    @property
    def decided(self) -> bool:
        """Whether the verdict counts towards the score (not awaiting review, not inapplicable)."""
        return self.verdict in ("pass", "fail")

    @classmethod
    def judged(
        cls,
        criterion: ScorecardCriterion,
        *,
        verdict: Verdict,
        reason: str,
        evidence: list[Evidence],
        confidence: float = 1.0,
    ) -> CriterionResult:
        """The result of ``criterion``: all-or-nothing score, its weight and flags carried over."""
        return cls(
            id=criterion.id,
            name=criterion.name,
            weight=criterion.weight,
            verdict=verdict,
            passed=verdict == "pass",
            confidence=round(confidence, 2),
            score=100.0 if verdict == "pass" else 0.0,
            must_not=criterion.must_not,
            critical=criterion.critical,
            reason=reason,
            evidence=evidence,
        )


class SentimentScore(WireModel):
    # VADER compound score in [-1, 1]; the label is the engine's judgement (VADER thresholds for the
    # rule engine, the model's reading for the Azure OpenAI engine).
    compound: float = Field(ge=-1, le=1)
    label: SentimentLabel


class SegmentSentiment(WireModel):
    segment_index: int = Field(ge=0)
    speaker: str
    start_ms: int = Field(ge=0)
    compound: float = Field(ge=-1, le=1)
    label: SentimentLabel


class Sentiment(WireModel):
    overall: SentimentScore
    by_speaker: dict[str, SentimentScore]
    # How the customer's mood moved from the first half of their turns to the second.
    customer_shift: SentimentShift | None = None
    trend: list[SegmentSentiment] = Field(default_factory=list)


class SpeakerTalk(WireModel):
    speaker: str
    talk_ms: int = Field(ge=0)
    talk_ratio: float = Field(ge=0, le=1)  # share of all speech time
    words: int = Field(ge=0)
    words_per_minute: float = Field(ge=0)
    turns: int = Field(ge=0)
    # Times this speaker started talking while another speaker was still talking.
    interruptions: int = Field(ge=0)


class TalkMetrics(WireModel):
    duration_ms: int = Field(ge=0)
    speech_ms: int = Field(ge=0)
    silence_ms: int = Field(ge=0)
    silence_ratio: float = Field(ge=0, le=1)
    longest_silence_ms: int = Field(ge=0)  # longest dead air between two stretches of speech
    overlap_count: int = Field(ge=0)  # pairs of segments of different speakers overlapping in time
    overlap_ms: int = Field(ge=0)  # time when two or more speakers talk at once
    longest_monologue_ms: int = Field(ge=0)
    longest_monologue_speaker: str | None = None
    speakers: list[SpeakerTalk] = Field(default_factory=list)


class SummaryPoint(WireModel):
    text: str
    evidence: list[Evidence] = Field(default_factory=list)


class KeywordHit(WireModel):
    keyword: str
    count: int = Field(ge=1)
    evidence: list[Evidence] = Field(default_factory=list)  # the first few occurrences


class Analysis(WireModel):
    audio_file_id: str
    engagement_id: str
    campaign_id: str | None = None
    is_ai_call: bool
    scorecard: ScorecardRef
    score: float = Field(ge=0, le=100)  # weighted share of passed among the decided (pass/fail) criteria
    passed: bool  # score >= pass_threshold and no critical criterion failed
    # Criteria a person should check (verdict ``needs_review``); they are left out of the score until then.
    needs_review: int = Field(default=0, ge=0)
    pass_threshold: float = Field(ge=0, le=100)
    failed_critical: list[str] = Field(default_factory=list)  # ids of failed critical criteria
    criteria: list[CriterionResult]
    sentiment: Sentiment
    talk: TalkMetrics
    summary: list[SummaryPoint] = Field(default_factory=list)
    keyword_hits: list[KeywordHit] = Field(default_factory=list)
    engine: EngineInfo
    created_at: str  # ISO 8601 UTC
