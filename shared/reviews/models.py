"""Wire models of reviews, of the reviewed analysis and of the agreement report."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from shared.models.analysis import Analysis, CriterionResult, Verdict
from shared.models.api import DateRangeRequest, QueryMoment
from shared.models.base import StrictRequest, WireModel
from shared.reviews.repository import MAX_CRITERIA_PER_SUBMISSION

MAX_COMMENT_CHARS = 1000


class CriterionReviewRequest(StrictRequest):
    criterion_id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    verdict: Verdict
    comment: Annotated[str, StringConstraints(max_length=MAX_COMMENT_CHARS)] | None = None


class ReviewRequest(StrictRequest):
    criteria: list[CriterionReviewRequest] = Field(min_length=1, max_length=MAX_CRITERIA_PER_SUBMISSION)

    @model_validator(mode="after")
    def _each_criterion_once(self) -> ReviewRequest:
        ids = [item.criterion_id for item in self.criteria]
        if len(set(ids)) != len(ids):
            raise ValueError("each criterion may be reviewed once per request")
        return self


class ReviewBody(WireModel):
    criterion_id: str
    verdict: Verdict
    machine_verdict: Verdict  # what the analysis said when the reviewer decided
    reviewer: str
    reviewed_at: datetime
    comment: str | None = None
    scorecard_id: str
    scorecard_version: str


class ReviewListBody(WireModel):
    audio_file_id: str
    scorecard_id: str
    scorecard_version: str
    # The reviews that apply to the current analysis (made against the same scorecard id and version).
    reviews: list[ReviewBody]


class ReviewedCriterion(CriterionResult):
    machine_verdict: Verdict
    review: ReviewBody | None = None
    final_verdict: Verdict  # the reviewer's where there is one, else the machine's


class FinalOutcome(WireModel):
    """The score and pass/fail with the reviewers' verdicts in place of the machine's."""

    score: float = Field(ge=0, le=100)
    passed: bool
    needs_review: int = Field(ge=0)
    reviewed: int = Field(ge=0)  # criteria with a review


class ReviewedAnalysis(Analysis):
    criteria: list[ReviewedCriterion]  # type: ignore[assignment]
    final: FinalOutcome


class AgreementQuery(DateRangeRequest):
    date_from: QueryMoment | None = Field(default=None, alias="from")
    date_to: QueryMoment | None = Field(default=None, alias="to")
    # The version as the analyses name it: a tenant card's number, or a built-in card's own ("2.9").
    version: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")] | None = None
    code: str | None = Field(default=None, exclude=True)  # Azure Functions key, when one is used


class AgreementFigures(WireModel):
    pairs: int  # criterion verdicts with a review
    agreed: int
    agreement: float | None = None  # agreed / pairs; left out without pairs
    # Cohen's kappa; left out when undefined (no pairs, or one and the same verdict throughout on both sides)
    kappa: float | None = None
    # machine verdict -> reviewer verdict -> count
    confusion: dict[str, dict[str, int]]


class CriterionAgreement(AgreementFigures):
    criterion_id: str


class AgreementBody(WireModel):
    scorecard_id: str
    version: str | None = None
    date_from: date | datetime | None = Field(default=None, alias="from")
    date_to: date | datetime | None = Field(default=None, alias="to")
    reviewed_calls: int
    criteria: list[CriterionAgreement]
    overall: AgreementFigures
