"""The calibration's choice of thresholds: the most agreement within the targets, ties to the shipped ones."""

from __future__ import annotations

import pytest

from bench.evaluation_calibration import Counts, choose, grid
from shared.ai.evaluation.rules import DEFAULT_THRESHOLDS, IntentThresholds

pytestmark = pytest.mark.unit


def counts(agree: int, *, wrong_pass: int = 0, review: int = 0, traps_caught: int = 10) -> Counts:
    return Counts(agree, 100, 0, 0, wrong_pass, review, traps_caught, 10)


def test_the_most_agreement_within_the_targets_is_chosen() -> None:
    loose, strict, shipped = IntentThresholds(pass_margin=0.0), IntentThresholds(pass_margin=0.2), DEFAULT_THRESHOLDS
    candidates = {
        loose: counts(99, wrong_pass=4),  # more agreement, but 4% wrong passes
        strict: counts(95, traps_caught=8),  # 80% of traps caught
        shipped: counts(97),
    }
    assert choose(candidates) == shipped


def test_a_tie_goes_to_the_thresholds_nearest_the_shipped_ones() -> None:
    near, far = IntentThresholds(pass_margin=0.1), IntentThresholds(pass_margin=0.2)
    assert choose({far: counts(97), near: counts(97)}) == near


def test_counts_add_up_over_splits_and_the_grid_varies_only_its_axes() -> None:
    total = counts(90, review=5) + counts(80, review=6)
    assert (total.agree, total.total, total.review, total.traps) == (170, 200, 11, 20)
    candidates = grid(quick=True)
    assert len(candidates) == len(set(candidates)) == 9
    assert all(c.refusal_fail_margin == DEFAULT_THRESHOLDS.refusal_fail_margin for c in candidates)
