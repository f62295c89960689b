"""VADER sentiment per segment, per speaker, overall, and the customer's shift."""

from __future__ import annotations

import pytest

from shared.ai.evaluation.sentiment import analyze_sentiment, label_for
from shared.models.transcript import Segment

pytestmark = pytest.mark.unit


def segments(lines: list[tuple[str, str]]) -> list[Segment]:
    return [
        Segment(index=i, speaker=speaker, start_ms=i * 4_000, end_ms=i * 4_000 + 3_000, text=text)
        for i, (speaker, text) in enumerate(lines)
    ]


def test_labels_follow_vader_thresholds() -> None:
    assert (label_for(0.05), label_for(0.0), label_for(-0.05)) == ("positive", "neutral", "negative")


def test_angry_customer_who_ends_happy_has_improved() -> None:
    sentiment = analyze_sentiment(
        segments(
            [
                ("customer", "This is terrible, I am furious and angry about this awful bill!"),
                ("agent", "I am sorry about that, let me fix it."),
                ("customer", "Still a horrible experience."),
                ("agent", "Done, the charge is removed."),
                ("customer", "Great, thank you so much, that is wonderful."),
                ("customer", "Really appreciate the help, excellent."),
            ]
        )
    )
    assert sentiment.customer_shift == "improved"
    assert sentiment.trend[0].label == "negative"
    assert sentiment.trend[4].label == "positive"
    assert [point.segment_index for point in sentiment.trend] == [0, 1, 2, 3, 4, 5]
    assert set(sentiment.by_speaker) == {"customer", "agent"}


def test_happy_customer_who_turns_angry_has_worsened() -> None:
    sentiment = analyze_sentiment(
        segments(
            [
                ("customer", "Hi, great to talk to you, thanks!"),
                ("customer", "This is awful, terrible service, I hate it."),
            ]
        )
    )
    assert sentiment.customer_shift == "worsened"
    assert sentiment.by_speaker["customer"].label == "negative"  # the longer, angrier turn weighs more


def test_no_customer_turns_means_no_shift() -> None:
    sentiment = analyze_sentiment(segments([("agent", "Hello there.")]))
    assert sentiment.customer_shift is None
    assert sentiment.overall.label == "neutral"
