"""Redaction runs before evaluation: it must not change a verdict. Checked on every call of the studied splits of
the labelled evaluation set (calls written the way agents and customers talk, most of them with a name, an account
number, a date of birth or an e-mail address said for verification, some with none). The unseen split is checked
once, with the rest of its scores, by ``python -m bench.evaluation --split <it>``."""

from __future__ import annotations

import pytest

from bench.evaluation import STUDIED, changed_by_redaction, load_calls
from shared.ai.evaluation.rules import RuleBasedEngine

pytestmark = [pytest.mark.unit, pytest.mark.long]

CALLS = [call for split in STUDIED for call in load_calls(split)]


def test_redaction_changes_no_verdict_of_the_labelled_evaluation_calls() -> None:
    engine = RuleBasedEngine(clock=lambda: "2026-01-01T00:00:00Z")
    check = changed_by_redaction(CALLS, engine)
    assert check.changed == []
    # Both kinds are there: calls without PII (nothing to redact, nothing may change) and calls with it.
    assert len(CALLS) >= 80 and 0 < check.redacted_calls < len(CALLS)
