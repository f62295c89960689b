"""A deterministic extractive summary: the few sentences that say why the customer called and what
was promised, each with the evidence to jump to it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from shared.ai.evaluation.matching import SENTENCE_END, SegmentText, evidence_for, find_keyword, normalize_phrase
from shared.models.analysis import SummaryPoint

DEFAULT_SUMMARY_SENTENCES = 3
MIN_SENTENCE_TOKENS = 5
# Unpunctuated speech-recognition output is cut into chunks of this many words to act as sentences.
MAX_SENTENCE_WORDS = 25

_COMMITMENT = re.compile(r"\b(will|going to|should)\b")
# Something the agent has already done ("i have updated your address"): the outcome of the call.
_OUTCOME = re.compile(r"\b(i|we) have (\w+ed|sent|made|set up|put)\b")
_WHEN = re.compile(
    r"\b(today|tomorrow|tonight|within|next (week|month)"
    r"|\d+ (business |working )?(minutes?|hours?|days?|weeks?))\b"
)


@dataclass(frozen=True)
class _Sentence:
    item: SegmentText
    first_word: int
    last_word: int
    position: int  # order in the call, for tie-breaks and output order

    @property
    def text(self) -> str:
        return " ".join(self.item.text.words[self.first_word : self.last_word + 1])

    def normalized(self) -> str:
        return " ".join(
            token.text
            for token in self.item.text.tokens
            if self.first_word <= token.first_word and token.last_word <= self.last_word
        )


def _sentences(texts: Sequence[SegmentText]) -> list[_Sentence]:
    sentences: list[_Sentence] = []
    for item in texts:
        words = item.text.words
        start = 0
        for position, word in enumerate(words):
            at_end = position == len(words) - 1
            if SENTENCE_END.search(word) or at_end or position - start + 1 >= MAX_SENTENCE_WORDS:
                sentences.append(_Sentence(item, start, position, len(sentences)))
                start = position + 1
    return sentences


def _score(sentence: _Sentence, keywords: Sequence[tuple[str, ...]], is_opening_request: bool) -> float:
    normalized = sentence.normalized()
    score = 3.0 if is_opening_request else 0.0  # the customer's first real sentence: why they called
    sentence_text = sentence.item.text
    distinct_keywords = sum(
        1
        for keyword in keywords
        if any(
            sentence.first_word <= first and last <= sentence.last_word
            for first, last in find_keyword(sentence_text, keyword)
        )
    )
    score += 2.0 * distinct_keywords
    if _COMMITMENT.search(normalized):
        score += 1.0
    if _WHEN.search(normalized):
        score += 1.0
    if _OUTCOME.search(normalized):
        score += 2.0
    return score


def extractive_summary(
    texts: Sequence[SegmentText],
    keywords: Sequence[str],
    *,
    max_sentences: int = DEFAULT_SUMMARY_SENTENCES,
) -> list[SummaryPoint]:
    sentences = [s for s in _sentences(texts) if len(s.normalized().split()) >= MIN_SENTENCE_TOKENS]
    normalized_keywords = [normalize_phrase(keyword) for keyword in keywords]
    opening = next((s for s in sentences if s.item.segment.speaker == "customer"), None)
    scored = [(_score(s, normalized_keywords, s is opening), s) for s in sentences]
    chosen = sorted((pair for pair in scored if pair[0] > 0), key=lambda pair: (-pair[0], pair[1].position))[
        :max_sentences
    ]
    if not chosen and opening is not None:
        chosen = [(0.0, opening)]
    return [
        SummaryPoint(text=s.text, evidence=[evidence_for(s.item, s.first_word, s.last_word)])
        for _, s in sorted(chosen, key=lambda pair: pair[1].position)
    ]
