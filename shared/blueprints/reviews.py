"""HTTP endpoints of reviewer overrides (``PUT /v1/audio-files/{id}/analysis/reviews``) and of the agreement
between machine and reviewers (``GET /v1/scorecards/{id}/agreement``)."""

from __future__ import annotations

import re

import azure.functions as func

from shared.audio_files import service as audio_files
from shared.auth import REVIEW_SCOPE, SCORECARDS_SCOPE, Principal
from shared.blueprints.audio_files import AUDIO_FILE_ID, NOT_FOUND
from shared.clock import utcnow
from shared.dependencies import get_dependencies
from shared.http import ApiBlueprint, json_response, parse_json_body, parse_query
from shared.openapi import BODY_ERRORS, PathParam, Reply, Route
from shared.reviews import service
from shared.reviews.models import AgreementBody, AgreementQuery, ReviewListBody, ReviewRequest
from shared.scorecards.model import PIN_ID_PATTERN
from shared.scorecards.service import scorecard_exists

bp = ApiBlueprint()
SCORECARD_ID = PathParam("id", PIN_ID_PATTERN, "The scorecard id: `sc_` and a ULID, or a built-in card's id.")


@bp.endpoint(Route(
    "PUT", "/v1/audio-files/{id}/analysis/reviews", "putAnalysisReviews", "Record a reviewer's verdicts",
    "Reviews", REVIEW_SCOPE,
    (Reply(200, "The reviews that apply to the current analysis, these included.", ReviewListBody),),
    {
        **BODY_ERRORS,
        400: (*BODY_ERRORS[400], "unknown_criterion"),
        404: (*NOT_FOUND, "analysis_not_found"),
        409: ("analysis_not_ready", "analysis_outdated"),
    },
    path_params=(AUDIO_FILE_ID,), body=ReviewRequest,
    body_example={"criteria": [{"criterionId": "greeting", "verdict": "fail", "comment": "No greeting at all."}]},
    description="Per criterion of the current analysis: `pass`, `fail`, `needs_review` or `not_applicable`, "
    "and an optional comment. The reviewer is the token's subject; a criterion reviewed again keeps the latest "
    "review. A review is tied to the scorecard id and version of the analysis it was made against: it shows "
    "in the analysis (as `review` and `finalVerdict`) while the analysis uses that version, and counts in "
    "that scorecard's agreement report.",
))  # fmt: skip
def put_analysis_reviews(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    deps = get_dependencies()
    # The recording first: another tenant's id is a 404 whatever the body says.
    record, document = audio_files.get_analysis(deps, principal.tenant_id, req.route_params.get("id", ""))
    body = parse_json_body(req, ReviewRequest)
    result = service.record_reviews(
        reviews=deps.reviews,
        record=record,
        analysis=service.reviewable(document),
        reviewer=principal.subject,
        request=body,
        now=utcnow(),
    )
    return json_response(result)


@bp.endpoint(Route(
    "GET", "/v1/scorecards/{id}/agreement", "getScorecardAgreement", "How far machine and reviewers agree",
    "Reviews", SCORECARDS_SCOPE,
    (Reply(200, "Per criterion and overall: reviewed verdicts, how many agree, the confusion matrix (machine "
           "verdict → reviewer verdict) and Cohen's kappa.", AgreementBody),),
    {400: ("validation_error", "agreement_range_too_large"), 404: ("scorecard_not_found",)},
    path_params=(SCORECARD_ID,), query=AgreementQuery,
    query_docs={
        "from": "Calls recorded at or after (ISO 8601; a bare date means the start of that day, UTC).",
        "to": "Calls recorded at or before (ISO 8601; a bare date covers that whole day, UTC).",
        "version": "Only reviews made against this version of the scorecard.",
    },
    description="The machine's verdict is the one the reviewer saw. `kappa` (and `agreement`) are left out when "
    "undefined: no reviews, or machine and reviewers each gave one and the same verdict throughout.",
))  # fmt: skip
def get_scorecard_agreement(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    query = parse_query(req, AgreementQuery)
    deps = get_dependencies()
    scorecard_id = req.route_params.get("id", "")
    known = re.fullmatch(PIN_ID_PATTERN, scorecard_id) is not None and scorecard_exists(
        repository=deps.scorecards, tenant_id=principal.tenant_id, scorecard_id=scorecard_id
    )
    result = service.agreement(
        reviews=deps.reviews, scorecard_known=known, tenant_id=principal.tenant_id, scorecard_id=scorecard_id,
        query=query,
    )  # fmt: skip
    return json_response(result)
