"""Wire models of backtests: the request, the job as a client sees it, and its report."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from shared.models.analysis import Verdict
from shared.models.api import DateRangeRequest, ExternalId, QueryMoment
from shared.models.base import WireModel

MAX_BACKTEST_CALLS = 5000


class BacktestRequest(DateRangeRequest):
    """Which stored calls to re-score: the scorecard's call type, optionally one campaign and a date range."""

    campaign_id: ExternalId | None = None
    date_from: QueryMoment | None = Field(default=None, alias="from")
    date_to: QueryMoment | None = Field(default=None, alias="to")
    limit: int = Field(default=100, ge=1, le=MAX_BACKTEST_CALLS)


class BacktestFilterBody(WireModel):
    campaign_id: str | None = None
    date_from: datetime | None = Field(default=None, alias="from")
    date_to: datetime | None = Field(default=None, alias="to")
    limit: int


class BacktestProgress(WireModel):
    total: int  # calls selected (0 until the selection is made)
    done: int  # calls re-scored so far
    flips: int  # of those, calls whose overall pass/fail flips


class CriterionFlips(WireModel):
    criterion_id: str
    compared: int  # calls whose stored analysis has this criterion
    pass_to_fail: int
    fail_to_pass: int
    other_changes: int  # verdict changes that are not between pass and fail (e.g. to needs_review)
    not_in_stored_analysis: int  # calls whose stored analysis lacks this criterion (a new criterion)
    flipped_calls: list[str]  # ids of the calls where this criterion flips between pass and fail


class OverallFlips(WireModel):
    calls: int  # re-scored
    skipped: int  # selected, but their transcript or analysis was gone when scored
    pass_to_fail: int
    fail_to_pass: int
    unchanged: int


class CriterionFlip(WireModel):
    criterion_id: str
    before: Verdict
    after: Verdict


class FlipLinks(WireModel):
    audio_file: str
    analysis: str


class FlippedCall(WireModel):
    """A call where the call's pass/fail or at least one criterion's flips between pass and fail."""

    audio_file_id: str
    passed_before: bool
    passed_after: bool
    score_before: float
    score_after: float
    flipped_criteria: list[CriterionFlip]
    links: FlipLinks


class BacktestReport(WireModel):
    overall: OverallFlips
    criteria: list[CriterionFlips]
    flips: list[FlippedCall]


class BacktestErrorBody(WireModel):
    code: str


class BacktestLinks(WireModel):
    self: str  # where to follow the job


class BacktestBody(WireModel):
    id: str
    scorecard_id: str
    version: str
    status: str  # queued, running, completed or failed
    filter: BacktestFilterBody
    progress: BacktestProgress
    created_at: datetime
    started_at: datetime | None = None
    completed_at: datetime | None = None
    error: BacktestErrorBody | None = None
    links: BacktestLinks
    report: BacktestReport | None = None  # once completed
