"""Cohen's kappa against textbook figures, and the confusion counts."""

from __future__ import annotations

import pytest

from shared.reviews.agreement import cohen_kappa, tally

pytestmark = pytest.mark.unit


def _pairs(counts: dict[tuple[str, str], int]) -> list[tuple[str, str]]:
    return [pair for pair, count in counts.items() for _ in range(count)]


def test_the_two_rater_textbook_example() -> None:
    # 50 proposals read by A and B (Wikipedia, "Cohen's kappa"): yes/yes 20, yes/no 5, no/yes 10, no/no 15.
    # p_o = 0.7, p_e = 0.5*0.6 + 0.5*0.4 = 0.5, kappa = 0.4.
    pairs = _pairs({("yes", "yes"): 20, ("yes", "no"): 5, ("no", "yes"): 10, ("no", "no"): 15})
    assert cohen_kappa(pairs) == pytest.approx(0.4)


def test_a_three_category_example_worked_by_hand() -> None:
    # 100 subjects: diagonal 75 + 1 + 8 gives p_o = 0.84; marginals A (80, 6, 14) and B (82, 6, 12) give
    # p_e = (80*82 + 6*6 + 14*12) / 100^2 = 0.6764; kappa = (0.84 - 0.6764) / (1 - 0.6764) = 0.5056.
    counts = {
        ("psych", "psych"): 75, ("psych", "neuro"): 1, ("psych", "organic"): 4,
        ("neuro", "psych"): 5, ("neuro", "neuro"): 1, ("neuro", "organic"): 0,
        ("organic", "psych"): 2, ("organic", "neuro"): 4, ("organic", "organic"): 8,
    }  # fmt: skip
    assert cohen_kappa(_pairs(counts)) == pytest.approx(0.5056, abs=1e-4)


def test_perfect_and_chance_agreement() -> None:
    assert cohen_kappa([("pass", "pass"), ("fail", "fail")]) == pytest.approx(1.0)
    assert cohen_kappa([("pass", "pass"), ("pass", "fail"), ("fail", "pass"), ("fail", "fail")]) == pytest.approx(0.0)


def test_undefined_kappa_is_none() -> None:
    assert cohen_kappa([]) is None
    assert cohen_kappa([("pass", "pass"), ("pass", "pass")]) is None


def test_tally_counts_per_criterion_and_overall() -> None:
    per_criterion, overall = tally(
        [("greeting", "pass", "pass"), ("greeting", "pass", "fail"), ("closing", "fail", "fail")]
    )
    assert set(per_criterion) == {"greeting", "closing"}
    assert per_criterion["greeting"].agreed == 1
    assert per_criterion["greeting"].confusion()["pass"] == {
        "pass": 1,
        "fail": 1,
        "needs_review": 0,
        "not_applicable": 0,
    }
    assert overall.agreed == 2
    assert len(overall.pairs) == 3
