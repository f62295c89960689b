"""Sentiment with VADER (lexicon shipped in the package, so it runs offline): per segment, per speaker,
overall, and whether the customer's mood improved during the call."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from shared.models.analysis import SegmentSentiment, Sentiment, SentimentLabel, SentimentScore, SentimentShift
from shared.models.transcript import Segment

# VADER's documented thresholds for calling a compound score positive or negative.
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05
# How far the customer's mean compound must move between halves of the call to count as a shift.
SHIFT_THRESHOLD = 0.2


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    # Loading the lexicon takes a moment; one analyzer serves every call (it holds no per-call state).
    return SentimentIntensityAnalyzer()


def label_for(compound: float) -> SentimentLabel:
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"


def segment_compound(text: str) -> float:
    return float(_analyzer().polarity_scores(text)["compound"])


def _weighted_mean(items: Sequence[tuple[float, int]]) -> float:
    """Mean compound weighted by word count, so a long complaint outweighs a short "ok"."""
    total_weight = sum(weight for _, weight in items)
    if total_weight == 0:
        return 0.0
    return round(sum(value * weight for value, weight in items) / total_weight, 4)


def _score(items: Sequence[tuple[float, int]]) -> SentimentScore:
    compound = _weighted_mean(items)
    return SentimentScore(compound=compound, label=label_for(compound))


def _customer_shift(trend: Sequence[SegmentSentiment], words: dict[int, int]) -> SentimentShift | None:
    customer = [point for point in trend if point.speaker == "customer"]
    if len(customer) < 2:
        return None
    half = len(customer) // 2
    first = _weighted_mean([(point.compound, words[point.segment_index]) for point in customer[:half]])
    second = _weighted_mean([(point.compound, words[point.segment_index]) for point in customer[half:]])
    if second - first >= SHIFT_THRESHOLD:
        return "improved"
    if first - second >= SHIFT_THRESHOLD:
        return "worsened"
    return "unchanged"


def analyze_sentiment(segments: Sequence[Segment]) -> Sentiment:
    ordered = sorted(segments, key=lambda segment: (segment.start_ms, segment.index))
    trend: list[SegmentSentiment] = []
    words: dict[int, int] = {}
    for segment in ordered:
        compound = round(segment_compound(segment.text), 4) if segment.text.strip() else 0.0
        words[segment.index] = max(1, len(segment.text.split()))
        trend.append(
            SegmentSentiment(
                segment_index=segment.index,
                speaker=segment.speaker,
                start_ms=segment.start_ms,
                compound=compound,
                label=label_for(compound),
            )
        )
    by_speaker: dict[str, SentimentScore] = {}
    for speaker in dict.fromkeys(point.speaker for point in trend):
        points = [(point.compound, words[point.segment_index]) for point in trend if point.speaker == speaker]
        by_speaker[speaker] = _score(points)
    overall = _score([(point.compound, words[point.segment_index]) for point in trend])
    return Sentiment(overall=overall, by_speaker=by_speaker, customer_shift=_customer_shift(trend, words), trend=trend)
