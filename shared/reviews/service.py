"""Reviewer overrides and the agreement report, as plain functions of their collaborators.

A review belongs to the analysis it was made against: it records the scorecard id and version and the
machine's verdict of that moment. The analysis shows a review while the current analysis was made with the
same scorecard id and version (a re-evaluation with the same card keeps them: the reviewer judged the call
against that card's criteria); after a re-evaluation with another version they no longer apply to it, but
they stay, and still count in the agreement report of the version they were made against.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from pydantic import ValidationError

from shared.ai.evaluation.scoring import overall_score
from shared.audio_files.records import AudioFileRecord, epoch_ms
from shared.errors import BadRequest, ConcurrencyConflict, Conflict, NotFound
from shared.models.analysis import Analysis, CriterionResult
from shared.pipeline.model import Stage
from shared.reviews.agreement import Tally, cohen_kappa, tally
from shared.reviews.models import (
    AgreementBody,
    AgreementFigures,
    AgreementQuery,
    CriterionAgreement,
    FinalOutcome,
    ReviewBody,
    ReviewedAnalysis,
    ReviewedCriterion,
    ReviewListBody,
    ReviewRequest,
)
from shared.reviews.records import MAX_TIME_MS, ReviewRecord
from shared.reviews.repository import ReviewRepository

_CAS_ATTEMPTS = 8
# The agreement report reads every review in its range: past this many criterion reviews, ask for a narrower one.
MAX_AGREEMENT_PAIRS = 50_000


def _applies(review: ReviewRecord, analysis: Analysis) -> bool:
    return review.scorecard_id == analysis.scorecard.id and review.scorecard_version == analysis.scorecard.version


def _body(review: ReviewRecord) -> ReviewBody:
    return ReviewBody(
        criterion_id=review.criterion_id,
        verdict=review.verdict,
        machine_verdict=review.machine_verdict,
        reviewer=review.reviewer,
        reviewed_at=review.reviewed_at,
        comment=review.comment,
        scorecard_id=review.scorecard_id,
        scorecard_version=review.scorecard_version,
    )


def _list_body(record: AudioFileRecord, analysis: Analysis, reviews: Iterable[ReviewRecord]) -> ReviewListBody:
    applying = sorted((r for r in reviews if _applies(r, analysis)), key=lambda r: r.criterion_id)
    return ReviewListBody(
        audio_file_id=record.id,
        scorecard_id=analysis.scorecard.id,
        scorecard_version=analysis.scorecard.version,
        reviews=[_body(review) for review in applying],
    )


def record_reviews(
    *,
    reviews: ReviewRepository,
    record: AudioFileRecord,
    analysis: Analysis,
    reviewer: str,
    request: ReviewRequest,
    now: datetime,
) -> ReviewListBody:
    """Store the reviewer's verdicts on the current analysis (replacing earlier reviews of those criteria)."""
    machine = {criterion.id: criterion.verdict for criterion in analysis.criteria}
    unknown = [item.criterion_id for item in request.criteria if item.criterion_id not in machine]
    if unknown:
        raise BadRequest(
            f"The analysis has no criterion {unknown[0]!r} ({len(unknown)} unknown); review the criteria it lists.",
            code="unknown_criterion",
            extra={"unknownCriteria": unknown},
        )
    run_id = record.outputs.get(Stage.EVALUATION, "")
    after = [
        ReviewRecord(
            tenant_id=record.tenant_id,
            audio_file_id=record.id,
            criterion_id=item.criterion_id,
            scorecard_id=analysis.scorecard.id,
            scorecard_version=analysis.scorecard.version,
            analysis_run_id=run_id,
            recorded_at=record.recorded_at,
            machine_verdict=machine[item.criterion_id],
            verdict=item.verdict,
            reviewer=reviewer,
            reviewed_at=now,
            comment=item.comment,
        )
        for item in request.criteria
    ]
    for _ in range(_CAS_ATTEMPTS):
        before = {r.criterion_id: r for r in reviews.for_audio_file(record.tenant_id, record.id)}
        try:
            reviews.replace(before, after)
        except ConcurrencyConflict:
            continue  # another reviewer wrote one of these criteria meanwhile: decide again on what is there now
        stored = {**before, **{r.criterion_id: r for r in after}}
        return _list_body(record, analysis, stored.values())
    raise ConcurrencyConflict(f"reviews of {record.id}")


def list_reviews(*, reviews: ReviewRepository, record: AudioFileRecord, analysis: Analysis) -> ReviewListBody:
    return _list_body(record, analysis, reviews.for_audio_file(record.tenant_id, record.id))


def reviewable(document: Mapping[str, object]) -> Analysis:
    """The stored analysis, if reviews can apply to it: one written before criteria had verdicts cannot."""
    try:
        return Analysis.model_validate(document)
    except ValidationError:
        raise Conflict(
            "This analysis predates per-criterion verdicts; re-evaluate the recording before reviewing it.",
            code="analysis_outdated",
        ) from None


def reviewed_document(document: dict[str, object], reviews: Iterable[ReviewRecord]) -> dict[str, object]:
    """The analysis as the API shows it: with the reviews laid over it, or as stored when it predates verdicts."""
    try:
        analysis = Analysis.model_validate(document)
    except ValidationError:
        return document
    return reviewed_analysis(analysis, reviews).to_wire()


def reviewed_analysis(analysis: Analysis, reviews: Iterable[ReviewRecord]) -> ReviewedAnalysis:
    """The analysis with, per criterion, the machine's verdict, the reviewer's (if any) and the final one."""
    by_criterion = {r.criterion_id: r for r in reviews if _applies(r, analysis)}
    criteria: list[ReviewedCriterion] = []
    finals: list[CriterionResult] = []
    for criterion in analysis.criteria:
        review = by_criterion.get(criterion.id)
        verdict = review.verdict if review else criterion.verdict
        criteria.append(
            ReviewedCriterion(
                **criterion.model_dump(),
                machine_verdict=criterion.verdict,
                review=_body(review) if review else None,
                final_verdict=verdict,
            )
        )
        finals.append(criterion.model_copy(update={"verdict": verdict, "score": 100.0 if verdict == "pass" else 0.0}))
    score = overall_score(finals)
    critical_open = any(c.critical and c.verdict in ("fail", "needs_review") for c in finals)
    outcome = FinalOutcome(
        score=score,
        passed=score >= analysis.pass_threshold and not critical_open,
        needs_review=sum(1 for c in finals if c.verdict == "needs_review"),
        reviewed=len(by_criterion),
    )
    return ReviewedAnalysis(**{**analysis.model_dump(), "criteria": criteria, "final": outcome})


def _figures(pairs: Tally) -> AgreementFigures:
    count = len(pairs.pairs)
    kappa = cohen_kappa(pairs.pairs)
    return AgreementFigures(
        pairs=count,
        agreed=pairs.agreed,
        agreement=round(pairs.agreed / count, 4) if count else None,
        kappa=round(kappa, 4) if kappa is not None else None,
        confusion=pairs.confusion(),
    )


def agreement(
    *, reviews: ReviewRepository, scorecard_known: bool, tenant_id: str, scorecard_id: str, query: AgreementQuery
) -> AgreementBody:
    """Per criterion and overall, how often the machine's verdict and the reviewer's agree, for calls recorded in
    the range (the machine's verdict as the reviewer saw it)."""
    if not scorecard_known:
        raise NotFound(f"No scorecard with id '{scorecard_id}'.", code="scorecard_not_found")
    start = epoch_ms(query.range_start) if query.range_start else 0
    end = epoch_ms(query.range_end) if query.range_end else MAX_TIME_MS - 1
    triples: list[tuple[str, str, str]] = []
    calls: set[str] = set()
    for review in reviews.agreement_rows(tenant_id, scorecard_id, start_ms=start, end_ms=end):
        if query.version is not None and review.scorecard_version != query.version:
            continue
        if len(triples) == MAX_AGREEMENT_PAIRS:
            raise BadRequest(
                f"More than {MAX_AGREEMENT_PAIRS} reviews fall in this range; ask for a narrower one.",
                code="agreement_range_too_large",
            )
        triples.append((review.criterion_id, review.machine_verdict, review.verdict))
        calls.add(review.audio_file_id)
    per_criterion, overall = tally(triples)
    return AgreementBody(
        scorecard_id=scorecard_id,
        version=query.version,
        date_from=query.date_from,
        date_to=query.date_to,
        reviewed_calls=len(calls),
        criteria=[
            CriterionAgreement(criterion_id=criterion_id, **_figures(pairs).model_dump())
            for criterion_id, pairs in sorted(per_criterion.items())
        ],
        overall=_figures(overall),
    )
