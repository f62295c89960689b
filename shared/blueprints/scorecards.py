"""HTTP endpoints of /api/v1/scorecards and /api/v1/scorecard-assignments: the tenant's versioned scorecards and
which version evaluates which calls. Each function is declared once by its ``Route``."""

from __future__ import annotations

import re

import azure.functions as func

from shared.auth import SCORECARDS_SCOPE, Principal
from shared.dependencies import get_dependencies
from shared.errors import NotFound
from shared.http import ApiBlueprint, json_response, parse_json_body, parse_query
from shared.openapi import BODY_ERRORS, PathParam, Reply, Route
from shared.scorecards import service
from shared.scorecards.model import (
    SCORECARD_ID_PATTERN,
    VERSION_PATTERN,
    AssignmentBody,
    AssignmentListBody,
    AssignRequest,
    ScorecardBody,
    ScorecardDraft,
    ScorecardListBody,
    UnassignQuery,
    VersionBody,
)

bp = ApiBlueprint()
TAG = "Scorecards"

SCORECARD_ID = PathParam("id", SCORECARD_ID_PATTERN, "The scorecard id: `sc_` and a ULID.")
VERSION = PathParam("version", VERSION_PATTERN, "The version number, from 1.")
NOT_FOUND = ("scorecard_not_found",)
VERSION_NOT_FOUND = (*NOT_FOUND, "scorecard_version_not_found")
CARD_ERRORS = (
    "scorecard_no_criteria",
    "scorecard_empty_criterion",
    "scorecard_duplicate_criterion",
    "scorecard_invalid_weight",
    "scorecard_unknown_speaker",
    "scorecard_invalid_pattern",
    "scorecard_unsafe_pattern",
    "scorecard_too_large",
)
CARD_BODY_ERRORS = {**BODY_ERRORS, 400: (*BODY_ERRORS[400], *CARD_ERRORS)}
CARD_EXAMPLE = {
    "name": "Spring promo (human agents)",
    "for": "human",
    "passThreshold": 80,
    "criteria": [
        {
            "id": "greeting",
            "name": "Greeting",
            "description": "The agent greets the customer and says who is answering.",
            "weight": 2,
            "speaker": "agent",
            "withinFirstMs": 30000,
            "passExamples": ["Thank you for calling {org}, this is {name}."],
            "anyOf": ["thank you for calling"],
        },
        {
            "id": "offer",
            "name": "Mentions the spring offer",
            "weight": 1,
            "speaker": "agent",
            "patterns": ["\\bspring (offer|promotion|deal)\\b"],
        },
    ],
}
CARD_RULES = (
    "The card is the built-in cards' JSON without `id` and `version` (the service sets them). Each mistake has "
    "its own code: no criteria, a criterion with nothing to match, duplicate criterion ids, a weight not above 0 "
    "(or above 1000), a speaker other than `agent`, `customer` or null, a pattern that is not a regular "
    "expression, a pattern that can backtrack without bound (nested or overlapping repeats such as `(a+)+`, "
    "back-references), and too much: over 50 criteria, 20 patterns or 200 phrases per list, or text over its limit."
)


def _scorecard_id(req: func.HttpRequest) -> str:
    scorecard_id = req.route_params.get("id", "")
    if not re.fullmatch(SCORECARD_ID_PATTERN, scorecard_id):
        raise NotFound(f"No scorecard {scorecard_id[:40]}.", code="scorecard_not_found")
    return scorecard_id


def _version(req: func.HttpRequest) -> int:
    version = req.route_params.get("version", "")
    if not re.fullmatch(VERSION_PATTERN, version):
        raise NotFound("No such version.", code="scorecard_version_not_found")
    return int(version)


@bp.endpoint(Route(
    "POST", "/v1/scorecards", "createScorecard", "Create a scorecard (its version 1, a draft)", TAG,
    SCORECARDS_SCOPE,
    (Reply(201, "The scorecard, with version 1 as a draft.", ScorecardBody,
           headers=(("Location", "The new scorecard."),)),),
    {**CARD_BODY_ERRORS, 409: ("scorecard_limit_reached",)},
    body=ScorecardDraft, body_example=CARD_EXAMPLE, description=CARD_RULES,
))  # fmt: skip
def create_scorecard(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    draft = parse_json_body(req, ScorecardDraft)
    deps = get_dependencies()
    created = service.create_scorecard(
        repository=deps.scorecards, blobs=deps.blobs, tenant_id=principal.tenant_id, draft=draft
    )
    return json_response(created, status=201, headers={"Location": f"/api/v1/scorecards/{created.id}"})


@bp.endpoint(Route(
    "GET", "/v1/scorecards", "listScorecards", "The tenant's scorecards", TAG, SCORECARDS_SCOPE,
    (Reply(200, "Every scorecard of the tenant (at most 100), oldest first, with its versions.", ScorecardListBody),),
))  # fmt: skip
def list_scorecards(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    return json_response(
        service.list_scorecards(repository=get_dependencies().scorecards, tenant_id=principal.tenant_id)
    )


@bp.endpoint(Route(
    "GET", "/v1/scorecards/{id}", "getScorecard", "One scorecard and its versions", TAG, SCORECARDS_SCOPE,
    (Reply(200, "The scorecard: name, call type, each version's status.", ScorecardBody),), {404: NOT_FOUND},
    path_params=(SCORECARD_ID,),
))  # fmt: skip
def get_scorecard(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    deps = get_dependencies()
    return json_response(
        service.get_scorecard(
            repository=deps.scorecards, tenant_id=principal.tenant_id, scorecard_id=_scorecard_id(req)
        )
    )


@bp.endpoint(Route(
    "POST", "/v1/scorecards/{id}/versions", "addScorecardVersion", "Add a version (a draft)", TAG,
    SCORECARDS_SCOPE,
    (Reply(201, "The new version, a draft, with its card.", VersionBody,
           headers=(("Location", "The new version."),)),),
    {**CARD_BODY_ERRORS, 400: (*CARD_BODY_ERRORS[400], "scorecard_call_type_changed"), 404: NOT_FOUND,
     409: ("scorecard_version_limit_reached", "scorecard_busy")},
    path_params=(SCORECARD_ID,), body=ScorecardDraft, body_example=CARD_EXAMPLE,
    description=f"The card's `for` must be the scorecard's. {CARD_RULES}",
))  # fmt: skip
def add_scorecard_version(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    scorecard_id = _scorecard_id(req)
    draft = parse_json_body(req, ScorecardDraft)
    deps = get_dependencies()
    added = service.add_version(
        repository=deps.scorecards, blobs=deps.blobs, tenant_id=principal.tenant_id, scorecard_id=scorecard_id,
        draft=draft,
    )  # fmt: skip
    location = f"/api/v1/scorecards/{scorecard_id}/versions/{added.version}"
    return json_response(added, status=201, headers={"Location": location})


@bp.endpoint(Route(
    "GET", "/v1/scorecards/{id}/versions/{version}", "getScorecardVersion", "One version and its card", TAG,
    SCORECARDS_SCOPE,
    (Reply(200, "The version's status and card.", VersionBody),), {404: VERSION_NOT_FOUND},
    path_params=(SCORECARD_ID, VERSION),
))  # fmt: skip
def get_scorecard_version(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    deps = get_dependencies()
    return json_response(service.get_version(
        repository=deps.scorecards, blobs=deps.blobs, tenant_id=principal.tenant_id,
        scorecard_id=_scorecard_id(req), version=_version(req),
    ))  # fmt: skip


@bp.endpoint(Route(
    "PUT", "/v1/scorecards/{id}/versions/{version}", "replaceScorecardDraft", "Replace a draft's card", TAG,
    SCORECARDS_SCOPE,
    (Reply(200, "The draft with its new card.", VersionBody),),
    {**CARD_BODY_ERRORS, 400: (*CARD_BODY_ERRORS[400], "scorecard_call_type_changed"), 404: VERSION_NOT_FOUND,
     409: ("scorecard_version_published", "scorecard_version_changed")},
    path_params=(SCORECARD_ID, VERSION), body=ScorecardDraft, body_example=CARD_EXAMPLE,
    description=f"Only a draft changes: a published version answers 409 `scorecard_version_published`. {CARD_RULES}",
))  # fmt: skip
def replace_scorecard_draft(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    scorecard_id, version = _scorecard_id(req), _version(req)
    draft = parse_json_body(req, ScorecardDraft)
    deps = get_dependencies()
    return json_response(service.replace_draft(
        repository=deps.scorecards, blobs=deps.blobs, tenant_id=principal.tenant_id, scorecard_id=scorecard_id,
        version=version, draft=draft,
    ))  # fmt: skip


@bp.endpoint(Route(
    "POST", "/v1/scorecards/{id}/versions/{version}/publish", "publishScorecardVersion",
    "Publish a version: from now on it never changes", TAG, SCORECARDS_SCOPE,
    (Reply(200, "The published version (publishing it again answers the same).", VersionBody),),
    {404: VERSION_NOT_FOUND}, path_params=(SCORECARD_ID, VERSION),
))  # fmt: skip
def publish_scorecard_version(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    deps = get_dependencies()
    return json_response(service.publish_version(
        repository=deps.scorecards, blobs=deps.blobs, tenant_id=principal.tenant_id,
        scorecard_id=_scorecard_id(req), version=_version(req),
    ))  # fmt: skip


@bp.endpoint(Route(
    "GET", "/v1/scorecard-assignments", "listScorecardAssignments", "Which version evaluates which calls", TAG,
    SCORECARDS_SCOPE,
    (Reply(200, "The default per call type (the tenant's, or the built-in card) and each campaign's.",
           AssignmentListBody),),
))  # fmt: skip
def list_scorecard_assignments(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    deps = get_dependencies()
    return json_response(service.list_assignments(repository=deps.scorecards, tenant_id=principal.tenant_id))


@bp.endpoint(Route(
    "PUT", "/v1/scorecard-assignments", "assignScorecard", "Assign a published version", TAG, SCORECARDS_SCOPE,
    (Reply(200, "The assignment, for the card's call type.", AssignmentBody),),
    {**BODY_ERRORS, 404: VERSION_NOT_FOUND, 409: ("scorecard_version_not_published",)},
    body=AssignRequest, body_example={"scorecardId": "sc_01JDZ2V1D3W4X5Y6Z7A8B9C0D1", "version": 2,
                                      "campaignId": "spring-promo"},
    description="With `campaignId`, the version evaluates that campaign's calls of the card's call type (`for`); "
    "without, all the tenant's calls of that type outside assigned campaigns. An evaluation uses the version a "
    "`POST /process` names, else the campaign's, else the tenant's default, else the built-in card. Replaces "
    "what was assigned there.",
))  # fmt: skip
def assign_scorecard(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    body = parse_json_body(req, AssignRequest)
    deps = get_dependencies()
    return json_response(
        service.assign(repository=deps.scorecards, blobs=deps.blobs, tenant_id=principal.tenant_id, request=body)
    )


@bp.endpoint(Route(
    "DELETE", "/v1/scorecard-assignments", "unassignScorecard", "Remove an assignment", TAG, SCORECARDS_SCOPE,
    (Reply(204, "Removed: those calls fall back to the default (or the built-in card)."),),
    {400: ("validation_error",), 404: ("scorecard_assignment_not_found",)}, query=UnassignQuery,
    query_docs={"callType": "`human` or `ai_agent`.", "campaignId": "The campaign; leave out for the default."},
))  # fmt: skip
def unassign_scorecard(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    query = parse_query(req, UnassignQuery)
    service.unassign(repository=get_dependencies().scorecards, tenant_id=principal.tenant_id,
                     call_type=query.call_type, campaign_id=query.campaign_id)  # fmt: skip
    return func.HttpResponse(status_code=204)
