"""How far machine and reviewers agree: counts, the confusion matrix and Cohen's kappa, per criterion.

Kappa corrects the share of agreeing verdicts for the agreement two raters would reach by chance given how
often each uses each verdict: ``(p_o - p_e) / (1 - p_e)``. It is undefined (None) when chance agreement is
certain, e.g. both always said ``pass``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

VERDICTS: tuple[str, ...] = ("pass", "fail", "needs_review", "not_applicable")


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa of (rater A, rater B) label pairs; None when there are none or it is undefined."""
    total = len(pairs)
    if total == 0:
        return None
    observed = sum(1 for first, second in pairs if first == second) / total
    first_counts = Counter(first for first, _ in pairs)
    second_counts = Counter(second for _, second in pairs)
    expected = sum(first_counts[label] * second_counts[label] for label in first_counts) / (total * total)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


@dataclass
class Tally:
    """Pairs of (machine verdict, reviewer verdict) for one criterion, or for all of them."""

    pairs: list[tuple[str, str]] = field(default_factory=list)

    def add(self, machine: str, reviewer: str) -> None:
        self.pairs.append((machine, reviewer))

    @property
    def agreed(self) -> int:
        return sum(1 for machine, reviewer in self.pairs if machine == reviewer)

    def confusion(self) -> dict[str, dict[str, int]]:
        """machine verdict -> reviewer verdict -> count, every verdict present (zeros included)."""
        counts = Counter(self.pairs)
        return {machine: {reviewer: counts[(machine, reviewer)] for reviewer in VERDICTS} for machine in VERDICTS}


def tally(pairs: Iterable[tuple[str, str, str]]) -> tuple[dict[str, Tally], Tally]:
    """Per criterion id and overall, from (criterion id, machine verdict, reviewer verdict) triples."""
    per_criterion: dict[str, Tally] = {}
    overall = Tally()
    for criterion_id, machine, reviewer in pairs:
        per_criterion.setdefault(criterion_id, Tally()).add(machine, reviewer)
        overall.add(machine, reviewer)
    return per_criterion, overall
