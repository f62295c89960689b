"""Redaction runs before evaluation: it must not change a verdict. Checked on every call of the labelled
evaluation set (both splits; calls written the way agents and customers talk, most of them with a name, an
account number, a date of birth or an e-mail address said for verification, some with none)."""

from __future__ import annotations

import pytest

from bench.evaluation import SPLITS, context_for, load_calls
from shared.ai.evaluation.rules import RuleBasedEngine
from shared.redaction.transcript import redact_transcript

pytestmark = [pytest.mark.unit, pytest.mark.long]

CALLS = [call for split in SPLITS for call in load_calls(split)]


def test_redaction_changes_no_verdict_of_the_labelled_evaluation_calls() -> None:
    engine = RuleBasedEngine(clock=lambda: "2026-01-01T00:00:00Z")
    redacted_calls = 0
    for call in CALLS:
        redacted = redact_transcript(call.transcript)
        if not redacted.redactions:
            assert redacted.segments == call.transcript.segments, call.id  # nothing redacted, nothing changed
            continue
        redacted_calls += 1
        before = engine.evaluate(call.transcript, context_for(call))
        after = engine.evaluate(redacted, context_for(call))
        verdicts_after = [(c.id, c.verdict) for c in after.criteria]
        assert [(c.id, c.verdict) for c in before.criteria] == verdicts_after, (call.id, redacted.redactions)
    # Both kinds are there: calls without PII (nothing to redact, nothing may change) and calls with it.
    assert len(CALLS) >= 80 and 0 < redacted_calls < len(CALLS)
