"""Keyword hits: how often a watched word (refund, cancel, supervisor, ...) came up, and where."""

from __future__ import annotations

from collections.abc import Sequence

from shared.ai.evaluation.matching import SegmentText, evidence_for, find_keyword, normalize_phrase
from shared.models.analysis import Evidence, KeywordHit

DEFAULT_KEYWORDS: tuple[str, ...] = (
    "refund",
    "cancel",
    "complaint",
    "supervisor",
    "manager",
    "charge",
    "dispute",
    "chargeback",
    "fraud",
    "escalate",
    "lawyer",
    "unsubscribe",
    "late fee",
)
MAX_EVIDENCE_PER_KEYWORD = 5


def find_keyword_hits(texts: Sequence[SegmentText], keywords: Sequence[str]) -> list[KeywordHit]:
    """Hits per keyword in call order, most frequent first; keywords never said are left out."""
    hits: list[KeywordHit] = []
    for keyword in keywords:
        phrase = normalize_phrase(keyword)
        count = 0
        evidence: list[Evidence] = []
        for item in texts:
            for first, last in find_keyword(item.text, phrase):
                count += 1
                if len(evidence) < MAX_EVIDENCE_PER_KEYWORD:
                    evidence.append(evidence_for(item, first, last))
        if count:
            hits.append(KeywordHit(keyword=keyword, count=count, evidence=evidence))
    hits.sort(key=lambda hit: -hit.count)  # stable: equal counts keep the configured order
    return hits
