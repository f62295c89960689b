"""Whether the intent layer's thresholds generalise: chosen on some labelled splits, scored on another.

For each split in turn, the thresholds (``IntentThresholds``: similarity and margin for a pass, and how far
a sentence must lead towards a fail example to fail rather than go to review) are chosen on the other
splits from a small grid: the most verdicts agreeing with the labels while keeping the targets (wrong
passes <= 3%, needs_review <= 10%, fail-labelled traps failed or sent to review >= 85%), ties going to the
shipped thresholds. The chosen thresholds are then scored on the split left out, beside the shipped ones.
A split held back for a final score is never read here: only the splits named in ``--splits``.

Usage: ``python -m bench.evaluation_calibration [--splits dev held_back held_back_2] [--quick]``
(``--quick``: a smaller grid).
"""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Sequence
from dataclasses import astuple, dataclass, fields

from bench.common import console, parse_args, table
from bench.evaluation import Report, load_calls, ratio, score
from shared.ai.evaluation.intent import load_intent_model
from shared.ai.evaluation.rules import DEFAULT_THRESHOLDS, IntentThresholds, RuleBasedEngine

DEVELOPMENT_SPLITS = ("dev", "held_back", "held_back_2")
MAX_WRONG_PASSES = 0.03
MAX_REVIEW = 0.10
MIN_TRAPS_CAUGHT = 0.85

GRID = {
    "pass_similarity": (0.40, 0.45, 0.50),
    "pass_margin": (0.04, 0.08, 0.12),
    "refusal_fail_margin": (0.15, 0.2, 0.25, 1.0),  # 1.0: never fail, always review
}
QUICK_GRID = {"pass_similarity": (0.40, 0.45, 0.50), "pass_margin": (0.04, 0.08, 0.12)}


@dataclass
class Counts:
    """What the selection needs from a Report, summable over splits."""

    agree: int = 0
    total: int = 0
    paraphrase_agree: int = 0
    paraphrases: int = 0
    wrong_pass: int = 0
    review: int = 0
    traps_caught: int = 0
    traps: int = 0

    @classmethod
    def of(cls, report: Report) -> Counts:
        paraphrase = report.by_kind["paraphrase"]
        return cls(
            report.overall.agree,
            report.overall.total,
            paraphrase.agree,
            paraphrase.total,
            report.overall.wrong_pass,
            report.overall.review,
            report.traps_caught,
            report.traps_to_fail,
        )

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))

    def within_targets(self) -> bool:
        return (
            ratio(self.wrong_pass, self.total) <= MAX_WRONG_PASSES
            and ratio(self.review, self.total) <= MAX_REVIEW
            and ratio(self.traps_caught, self.traps) >= MIN_TRAPS_CAUGHT
        )

    def row(self) -> list[object]:
        pairs = (
            (self.agree, self.total),
            (self.paraphrase_agree, self.paraphrases),
            (self.traps_caught, self.traps),
            (self.wrong_pass, self.total),
            (self.review, self.total),
        )
        return [f"{ratio(part, whole):.3f} ({part}/{whole})" for part, whole in pairs]


def grid(quick: bool) -> list[IntentThresholds]:
    axes = QUICK_GRID if quick else GRID
    names = list(axes)
    return [
        IntentThresholds(**{**vars(DEFAULT_THRESHOLDS), **dict(zip(names, values, strict=True))})
        for values in itertools.product(*(axes[name] for name in names))
    ]


def distance(thresholds: IntentThresholds) -> float:
    """How far thresholds are from the shipped ones (the tie-break)."""
    return sum(abs(getattr(thresholds, f.name) - getattr(DEFAULT_THRESHOLDS, f.name)) for f in fields(IntentThresholds))


def choose(candidates: dict[IntentThresholds, Counts]) -> IntentThresholds:
    within = [t for t, counts in candidates.items() if counts.within_targets()] or list(candidates)
    return max(within, key=lambda t: (candidates[t].agree, -distance(t)))


def describe(thresholds: IntentThresholds) -> str:
    return ", ".join(f"{name}={getattr(thresholds, name):g}" for name in GRID)


def main(argv: Sequence[str] | None = None) -> int:
    def extra(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--splits", nargs="+", default=list(DEVELOPMENT_SPLITS), help="splits to rotate through")

    args = parse_args(__doc__.splitlines()[0] if __doc__ else "", extra, argv)
    calls = {split: load_calls(split) for split in args.splits}
    model = load_intent_model()
    candidates = grid(args.quick)
    if DEFAULT_THRESHOLDS not in candidates:
        candidates.append(DEFAULT_THRESHOLDS)
    counts: dict[IntentThresholds, dict[str, Counts]] = {}
    for thresholds in candidates:
        engine = RuleBasedEngine(intent=model, intent_thresholds=thresholds)
        counts[thresholds] = {split: Counts.of(score(calls[split], engine)) for split in args.splits}

    rows = []
    for left_out in args.splits:
        training = [split for split in args.splits if split != left_out]
        on_training = {t: sum((by_split[s] for s in training), Counts()) for t, by_split in counts.items()}
        chosen = choose(on_training)
        rows.append([left_out, "chosen on " + " + ".join(training), describe(chosen), *counts[chosen][left_out].row()])
        rows.append([left_out, "shipped", describe(DEFAULT_THRESHOLDS), *counts[DEFAULT_THRESHOLDS][left_out].row()])
    columns = ["scored on", "thresholds", "values", "agree", "paraphrase", "traps caught", "wrong pass", "review"]
    title = f"Leave one split out: thresholds chosen on the other splits from {len(candidates)} candidates"
    console.print(table(title, columns, rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
