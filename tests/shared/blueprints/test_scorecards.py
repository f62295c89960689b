"""The scorecards endpoints through the registered functions, with real tokens against Azurite: scope, codes,
tenant isolation, and naming a version in POST /process."""

from __future__ import annotations

import json
from typing import Any

import azure.functions as func
import pytest

import function_app
from devhost.functions import indexed_functions
from shared.auth import SCOPES
from shared.dependencies import Dependencies
from tests.conftest import token_for
from tests.shared.audio_files.test_service import uploaded
from tests.shared.scorecards.cards import small_draft

pytestmark = pytest.mark.integration

FUNCTIONS = {str(f.get_function_name()): f.get_user_function() for f in indexed_functions(function_app.app)}


def call(
    function: str,
    token: str | None,
    body: Any = None,
    params: dict[str, str] | None = None,
    method: str = "POST",
    **route_params: str,
) -> func.HttpResponse:
    headers = {"content-type": "application/json", **({"authorization": f"Bearer {token}"} if token else {})}
    request = func.HttpRequest(method, "http://localhost/api/v1/scorecards", headers=headers, params=params or {},
                               route_params=route_params,
                               body=json.dumps(body).encode() if body is not None else b"")  # fmt: skip
    return FUNCTIONS[function](request)


def answer(response: func.HttpResponse, status: int) -> Any:
    assert response.status_code == status, response.get_body()
    body = json.loads(response.get_body()) if response.get_body() else None
    if status >= 400:
        assert response.mimetype == "application/problem+json"
    return body


def test_every_scorecards_call_needs_the_scorecards_manage_scope(deps: Dependencies, tenant: str) -> None:
    assert "scorecards:manage" in SCOPES
    others = [scope for scope in SCOPES if scope != "scorecards:manage"]
    assert answer(call("create_scorecard", None, small_draft()), 401)["code"] == "missing_token"
    for function in ("create_scorecard", "list_scorecards", "list_scorecard_assignments", "assign_scorecard"):
        refused = call(function, token_for(tenant, others), small_draft())
        assert answer(refused, 403)["code"] == "insufficient_scope"
        assert refused.headers["WWW-Authenticate"] == 'Bearer error="insufficient_scope"'
    answer(call("list_scorecards", token_for(tenant, ["scorecards:manage"]), method="GET"), 200)


def test_a_bad_card_is_a_400_with_its_code_and_nothing_is_stored(deps: Dependencies, tenant: str) -> None:
    token = token_for(tenant)
    refused = answer(call("create_scorecard", token, small_draft(patterns=["(a+)+$"])), 400)
    assert refused["code"] == "scorecard_unsafe_pattern"
    assert refused["errors"][0]["field"] == "criteria.0.patterns"
    assert "(a+)+$" not in json.dumps(refused)  # the input is not echoed back
    assert answer(call("create_scorecard", token, small_draft(weight=0)), 400)["code"] == "scorecard_invalid_weight"
    assert answer(call("list_scorecards", token, method="GET"), 200) == {"items": []}


def test_create_publish_assign_and_another_tenant_sees_none_of_it(deps: Dependencies, tenant: str) -> None:
    token, stranger = token_for(tenant), token_for(f"{tenant}-x")
    created_response = call("create_scorecard", token, small_draft())
    created = answer(created_response, 201)
    scorecard_id = created["id"]
    assert created_response.headers["Location"] == f"/api/v1/scorecards/{scorecard_id}"
    assert (created["for"], created["latestVersion"], created["versions"][0]["status"]) == ("human", 1, "draft")
    ids = {"id": scorecard_id, "version": "1"}
    assignment = {"scorecardId": scorecard_id, "version": 1, "campaignId": "spring"}
    assert answer(call("assign_scorecard", token, assignment, method="PUT"), 409)["code"] == (
        "scorecard_version_not_published"
    )
    published = answer(call("publish_scorecard_version", token, **ids), 200)
    assert published["status"] == "published" and published["card"]["version"] == "1"
    changed = call("replace_scorecard_draft", token, small_draft(name="Changed"), method="PUT", **ids)
    assert answer(changed, 409)["code"] == "scorecard_version_published"
    assert answer(call("assign_scorecard", token, assignment, method="PUT"), 200)["campaignId"] == "spring"

    # The other tenant: every id is unknown, every list empty.
    assert answer(call("get_scorecard", stranger, method="GET", id=scorecard_id), 404)["code"] == "scorecard_not_found"
    for function in ("get_scorecard_version", "publish_scorecard_version"):
        assert answer(call(function, stranger, method="GET", **ids), 404)["code"] == "scorecard_not_found"
    assert answer(call("list_scorecards", stranger, method="GET"), 200) == {"items": []}
    assert answer(call("list_scorecard_assignments", stranger, method="GET"), 200)["campaigns"] == []
    assert answer(call("assign_scorecard", stranger, assignment, method="PUT"), 404)["code"] == "scorecard_not_found"
    audio_file_id = uploaded(deps, f"{tenant}-x")
    pinned = call("process_audio_file", stranger, {"scorecard": ids}, id=audio_file_id)
    assert answer(pinned, 404)["code"] == "scorecard_not_found"
    without_evaluation = {"stages": ["transcription"], "scorecard": {"id": "default-human", "version": "2.8"}}
    assert answer(call("process_audio_file", stranger, without_evaluation, id=audio_file_id), 400)["code"] == (
        "validation_error"
    )

    unassign = {"callType": "human", "campaignId": "spring"}
    assert answer(call("unassign_scorecard", stranger, params=unassign, method="DELETE"), 404)["code"] == (
        "scorecard_assignment_not_found"
    )
    answer(call("unassign_scorecard", token, params=unassign, method="DELETE"), 204)


def test_a_malformed_id_or_version_is_a_404(deps: Dependencies, tenant: str) -> None:
    token = token_for(tenant)
    assert answer(call("get_scorecard", token, method="GET", id="../x"), 404)["code"] == "scorecard_not_found"
    created = answer(call("create_scorecard", token, small_draft()), 201)
    missing = call("get_scorecard_version", token, method="GET", id=created["id"], version="0")
    assert answer(missing, 404)["code"] == "scorecard_version_not_found"
