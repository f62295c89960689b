"""Reviews on Azurite: ETag-guarded writes, what a re-evaluation does to them, and the final verdicts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bench.evaluation import load_calls
from bench.seeding import seed_processed_calls
from shared.dependencies import Dependencies
from shared.errors import BadRequest, ConcurrencyConflict, Conflict
from shared.models.analysis import Analysis, ScorecardRef
from shared.reviews import service
from shared.reviews.models import AgreementQuery, ReviewRequest
from shared.reviews.records import agreement_row_key

pytestmark = pytest.mark.integration

NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)


def _seed(deps: Dependencies, tenant: str) -> tuple[Any, Analysis]:
    transcript = next(call.transcript for call in load_calls("dev") if call.call_type == "human")
    [(record, analysis)] = seed_processed_calls(
        records=deps.audio_files,
        blobs=deps.blobs,
        tenant_id=tenant,
        transcripts=[transcript],
        is_ai_call=False,
        campaign_id=None,
        first_recorded_at=datetime(2026, 11, 3, tzinfo=UTC),
    )
    return record, analysis


def _review(deps: Dependencies, record: Any, analysis: Analysis, reviewer: str, **verdicts: str) -> Any:
    request = ReviewRequest.model_validate(
        {"criteria": [{"criterionId": key, "verdict": value} for key, value in verdicts.items()]}
    )
    return service.record_reviews(
        reviews=deps.reviews, record=record, analysis=analysis, reviewer=reviewer, request=request, now=NOW
    )


def test_a_stale_write_is_refused_and_the_service_decides_again(deps: Dependencies, tenant: str) -> None:
    record, analysis = _seed(deps, tenant)
    _review(deps, record, analysis, "alice", greeting="fail")
    stale_before: dict[str, Any] = {}  # as if read before alice wrote
    [alice] = deps.reviews.for_audio_file(tenant, record.id)
    with pytest.raises(ConcurrencyConflict):
        deps.reviews.replace(stale_before, [alice.model_copy(update={"reviewer": "bob"})])
    # The service re-reads and replaces alice's review with bob's: one review per criterion, the latest.
    body = _review(deps, record, analysis, "bob", greeting="pass", closing="fail")
    assert [(r.criterion_id, r.reviewer, r.verdict) for r in body.reviews] == [
        ("closing", "bob", "fail"),
        ("greeting", "bob", "pass"),
    ]
    assert len(deps.reviews.for_audio_file(tenant, record.id)) == 2


def test_unknown_criteria_are_refused(deps: Dependencies, tenant: str) -> None:
    record, analysis = _seed(deps, tenant)
    with pytest.raises(BadRequest) as refused:
        _review(deps, record, analysis, "alice", greeting="pass", bogus="fail")
    assert refused.value.code == "unknown_criterion"
    assert deps.reviews.for_audio_file(tenant, record.id) == []


def test_reviews_follow_the_scorecard_version_they_were_made_against(deps: Dependencies, tenant: str) -> None:
    record, analysis = _seed(deps, tenant)
    machine_greeting = next(c for c in analysis.criteria if c.id == "greeting").verdict
    flipped = "fail" if machine_greeting == "pass" else "pass"
    _review(deps, record, analysis, "alice", greeting=flipped)
    reviews = deps.reviews.for_audio_file(tenant, record.id)

    shown = service.reviewed_analysis(analysis, reviews)
    greeting = next(c for c in shown.criteria if c.id == "greeting")
    assert (greeting.machine_verdict, greeting.final_verdict) == (machine_greeting, flipped)
    assert greeting.review is not None and greeting.review.reviewer == "alice"
    assert shown.final.reviewed == 1

    # Re-evaluated with another version: the review no longer applies to the analysis...
    newer = analysis.model_copy(update={"scorecard": ScorecardRef(id=analysis.scorecard.id, name="x", version="9")})
    reevaluated = service.reviewed_analysis(newer, reviews)
    assert next(c for c in reevaluated.criteria if c.id == "greeting").final_verdict == machine_greeting
    assert reevaluated.final.reviewed == 0
    assert (reevaluated.final.score, reevaluated.final.passed) == (newer.score, newer.passed)
    # ...but still counts in the agreement of the version it was made against.
    report = service.agreement(
        reviews=deps.reviews,
        scorecard_known=True,
        tenant_id=tenant,
        scorecard_id=analysis.scorecard.id,
        query=AgreementQuery.model_validate({"version": analysis.scorecard.version}),
    )
    assert (report.overall.pairs, report.overall.agreed) == (1, 0)

    # A review of the new analysis moves the agreement row to the new version's scorecard key.
    moved = _review(
        deps,
        record,
        newer.model_copy(update={"scorecard": ScorecardRef(id="other", name="x", version="1")}),
        "alice",
        greeting=flipped,
    )
    assert moved.scorecard_id == "other"
    [stored] = deps.reviews.for_audio_file(tenant, record.id)
    assert agreement_row_key(stored).startswith("a|other|")
    old = service.agreement(
        reviews=deps.reviews,
        scorecard_known=True,
        tenant_id=tenant,
        scorecard_id=analysis.scorecard.id,
        query=AgreementQuery(),
    )
    assert old.overall.pairs == 0


def test_agreement_reads_only_the_date_range(deps: Dependencies, tenant: str) -> None:
    record, analysis = _seed(deps, tenant)
    _review(deps, record, analysis, "alice", greeting="pass", closing="pass")
    day = record.recorded_at.date()

    def pairs(**query: str) -> int:
        body = service.agreement(
            reviews=deps.reviews,
            scorecard_known=True,
            tenant_id=tenant,
            scorecard_id=analysis.scorecard.id,
            query=AgreementQuery.model_validate(query),
        )
        return body.overall.pairs

    assert pairs(**{"from": str(day), "to": str(day)}) == 2
    assert pairs(**{"from": str(day + timedelta(days=1))}) == 0
    assert pairs(**{"to": str(day - timedelta(days=1))}) == 0
    assert pairs(version="99") == 0


def test_an_analysis_from_before_verdicts_is_shown_as_stored_and_cannot_be_reviewed(
    deps: Dependencies, tenant: str
) -> None:
    _, analysis = _seed(deps, tenant)
    document = analysis.to_wire()
    for criterion in document["criteria"]:  # type: ignore[attr-defined]
        del criterion["verdict"]
    assert service.reviewed_document(document, []) == document
    with pytest.raises(Conflict) as refused:
        service.reviewable(document)
    assert refused.value.code == "analysis_outdated"
    shown = service.reviewed_document(analysis.to_wire(), [])
    assert shown["final"] == {"score": analysis.score, "passed": analysis.passed, "needsReview": 0, "reviewed": 0}
