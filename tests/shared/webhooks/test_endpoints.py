"""The /api/v1/webhooks endpoints through the registered functions, with real tokens against Azurite."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import azure.functions as func
import pytest

import function_app
from devhost.functions import indexed_functions
from shared.dependencies import Dependencies
from shared.webhooks import delivery
from shared.webhooks.policy import DeliveryPolicy
from tests.conftest import token_for
from tests.shared.webhooks.helpers import publish, run_event, take_messages

pytestmark = pytest.mark.integration

FUNCTIONS: dict[str, Callable[[func.HttpRequest], func.HttpResponse]] = {
    # Indexed through the host's cache: an app can be indexed only once per process.
    str(f.get_function_name()): f.get_user_function()
    for f in indexed_functions(function_app.app)
}
ROUTES = {
    ("POST", "v1/webhooks"): "create_webhook",
    ("GET", "v1/webhooks"): "list_webhooks",
    ("GET", "v1/webhooks/{id}"): "get_webhook",
    ("PATCH", "v1/webhooks/{id}"): "update_webhook",
    ("DELETE", "v1/webhooks/{id}"): "delete_webhook",
    ("POST", "v1/webhooks/{id}/rotate-secret"): "rotate_webhook_secret",
    ("GET", "v1/webhooks/{id}/deliveries"): "list_webhook_deliveries",
    ("POST", "v1/webhooks/{id}/deliveries/{deliveryId}/redeliver"): "redeliver_webhook",
}


def call(
    method: str,
    route: str,
    token: str | None,
    body: Any = None,
    params: dict[str, str] | None = None,
    **route_params: str,
) -> func.HttpResponse:
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    path = route.format(**route_params)
    request = func.HttpRequest(
        method,
        f"http://localhost/api/{path}",
        headers=headers,
        params=params or {},
        route_params=route_params,
        body=json.dumps(body).encode() if body is not None else b"",
    )
    return FUNCTIONS[ROUTES[(method, route)]](request)


def body_of(response: func.HttpResponse) -> Any:
    return json.loads(response.get_body())


def problem_code(response: func.HttpResponse, status: int) -> str:
    assert response.status_code == status, response.get_body()
    assert response.mimetype == "application/problem+json"
    return str(body_of(response)["code"])


def create(tenant: str, url: str = "http://127.0.0.1:9/hook", **extra: Any) -> dict[str, Any]:
    response = call("POST", "v1/webhooks", token_for(tenant), {"url": url, "events": ["analysis.completed"], **extra})
    assert response.status_code == 201, response.get_body()
    return dict(body_of(response))


def test_create_shows_the_secret_once(deps: Dependencies, tenant: str) -> None:
    response = call(
        "POST", "v1/webhooks", token_for(tenant),
        {"url": "http://127.0.0.1:9/hook", "events": ["analysis.completed", "processing.failed"], "description": "CRM"},
    )  # fmt: skip
    assert response.status_code == 201
    created = body_of(response)
    assert created["id"].startswith("wh_") and len(created["id"]) == 29
    assert response.headers["Location"] == f"/api/v1/webhooks/{created['id']}"
    assert created["secret"].startswith("whsec_")
    assert created["events"] == ["analysis.completed", "processing.failed"]
    assert created["enabled"] is True and created["description"] == "CRM"
    fetched = body_of(call("GET", "v1/webhooks/{id}", token_for(tenant), id=created["id"]))
    listed = body_of(call("GET", "v1/webhooks", token_for(tenant)))
    assert "secret" not in fetched and fetched == {k: v for k, v in created.items() if k != "secret"}
    assert listed == {"items": [fetched]}


def test_no_token_is_401_and_another_scope_is_403(deps: Dependencies, tenant: str) -> None:
    assert problem_code(call("GET", "v1/webhooks", None), 401) == "missing_token"
    reader = token_for(tenant, ["audio:read", "audio:write"])
    assert problem_code(call("GET", "v1/webhooks", reader), 403) == "insufficient_scope"
    assert problem_code(call("POST", "v1/webhooks", reader, {"url": "x", "events": []}), 403) == "insufficient_scope"
    assert problem_code(call("DELETE", "v1/webhooks/{id}", reader, id="wh_x"), 403) == "insufficient_scope"


def test_another_tenants_webhook_does_not_exist(deps: Dependencies, tenant: str) -> None:
    created = create(tenant)
    stranger = token_for(f"{tenant}-x")
    for method, route, body in (
        ("GET", "v1/webhooks/{id}", None),
        ("PATCH", "v1/webhooks/{id}", {"enabled": False}),
        ("DELETE", "v1/webhooks/{id}", None),
        ("POST", "v1/webhooks/{id}/rotate-secret", None),
        ("GET", "v1/webhooks/{id}/deliveries", None),
    ):
        assert problem_code(call(method, route, stranger, body, id=created["id"]), 404) == "webhook_not_found"
    assert body_of(call("GET", "v1/webhooks", stranger)) == {"items": []}
    assert body_of(call("GET", "v1/webhooks/{id}", token_for(tenant), id=created["id"]))["enabled"] is True
    assert problem_code(call("GET", "v1/webhooks/{id}", token_for(tenant), id="not-an-id"), 404) == "webhook_not_found"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"url": "http://127.0.0.1:9/hook", "events": []}, "validation_error"),
        ({"url": "http://127.0.0.1:9/hook", "events": ["audio.deleted"]}, "validation_error"),
        ({"url": "http://127.0.0.1:9/hook"}, "validation_error"),
        ({"url": "http://127.0.0.1:9/hook", "events": ["analysis.completed"], "secret": "mine"}, "validation_error"),
        ({"url": "http://127.0.0.1:9/", "events": ["processing.failed"], "description": "d" * 257}, "validation_error"),
        ({"url": "ftp://127.0.0.1/hook", "events": ["analysis.completed"]}, "invalid_webhook_url"),
        ({"url": "https://user:pw@127.0.0.1/hook", "events": ["analysis.completed"]}, "invalid_webhook_url"),
        ({"url": "https://10.0.0.5/hook", "events": ["analysis.completed"]}, "webhook_url_not_allowed"),
        ({"url": "https://169.254.169.254/", "events": ["analysis.completed"]}, "webhook_url_not_allowed"),
        ({"url": "https://[::ffff:10.0.0.1]/", "events": ["analysis.completed"]}, "webhook_url_not_allowed"),
    ],
)  # fmt: skip
def test_invalid_bodies_are_400_with_a_code(deps: Dependencies, tenant: str, body: dict[str, Any], code: str) -> None:
    response = call("POST", "v1/webhooks", token_for(tenant), body)
    assert problem_code(response, 400) == code
    assert body_of(call("GET", "v1/webhooks", token_for(tenant))) == {"items": []}


def test_patch_changes_only_what_is_sent(deps: Dependencies, tenant: str) -> None:
    created = create(tenant, description="first")
    token = token_for(tenant)
    patched = body_of(call("PATCH", "v1/webhooks/{id}", token, {"enabled": False}, id=created["id"]))
    assert patched["enabled"] is False and patched["disabledReason"] == "disabled_by_client"
    assert patched["description"] == "first" and patched["url"] == created["url"]
    patched = body_of(
        call("PATCH", "v1/webhooks/{id}", token, {"enabled": True, "events": ["processing.failed"],
             "description": None, "url": "http://127.0.0.1:8/other"}, id=created["id"])
    )  # fmt: skip
    assert patched["enabled"] is True and "disabledReason" not in patched and "description" not in patched
    assert patched["events"] == ["processing.failed"] and patched["url"] == "http://127.0.0.1:8/other"
    for body, code in (
        ({}, "validation_error"),
        ({"url": None}, "validation_error"),
        ({"events": []}, "validation_error"),
        ({"url": "https://192.168.0.1/"}, "webhook_url_not_allowed"),
    ):
        assert problem_code(call("PATCH", "v1/webhooks/{id}", token, body, id=created["id"]), 400) == code


def test_rotate_returns_a_new_secret_and_the_grace_period(deps: Dependencies, tenant: str) -> None:
    created = create(tenant)
    response = call("POST", "v1/webhooks/{id}/rotate-secret", token_for(tenant), id=created["id"])
    assert response.status_code == 200
    rotated = body_of(response)
    assert rotated["id"] == created["id"] and rotated["secret"].startswith("whsec_")
    assert rotated["secret"] != created["secret"]
    grace_ends = datetime.fromisoformat(rotated["previousSecretExpiresAt"])
    assert timedelta(hours=23, minutes=59) < grace_ends - datetime.now(UTC) <= timedelta(hours=24)
    fetched = body_of(call("GET", "v1/webhooks/{id}", token_for(tenant), id=created["id"]))
    assert fetched["previousSecretExpiresAt"] == rotated["previousSecretExpiresAt"] and "secret" not in fetched


def test_delete_is_204_then_404(deps: Dependencies, tenant: str) -> None:
    created = create(tenant)
    token = token_for(tenant)
    response = call("DELETE", "v1/webhooks/{id}", token, id=created["id"])
    assert response.status_code == 204 and response.get_body() == b""
    assert problem_code(call("GET", "v1/webhooks/{id}", token, id=created["id"]), 404) == "webhook_not_found"
    assert problem_code(call("DELETE", "v1/webhooks/{id}", token, id=created["id"]), 404) == "webhook_not_found"


def test_a_tenant_has_at_most_twenty_webhooks(deps: Dependencies, tenant: str) -> None:
    for _ in range(delivery.DEFAULT_POLICY.max_subscriptions_per_tenant):
        create(tenant)
    response = call(
        "POST", "v1/webhooks", token_for(tenant), {"url": "http://127.0.0.1:9/", "events": ["analysis.completed"]}
    )
    assert problem_code(response, 409) == "webhook_limit_reached"
    assert len(body_of(call("GET", "v1/webhooks", token_for(tenant)))["items"]) == 20


def test_the_delivery_log_and_redelivery(deps: Dependencies, tenant: str) -> None:
    token = token_for(tenant)
    created = create(tenant)  # port 9 (discard) is closed on loopback: every attempt fails to connect
    publish(deps, run_event(tenant))
    no_retries = DeliveryPolicy(retry_delays_s=(), jitter_ratio=0)
    for text, _ in take_messages(deps, tenant):
        delivery.handle_message(deps, text, delivery.sender_for(deps), no_retries)
    for text, _ in take_messages(deps, tenant):
        assert delivery.handle_message(deps, text, delivery.sender_for(deps), no_retries) == "failed"

    response = call("GET", "v1/webhooks/{id}/deliveries", token, id=created["id"])
    assert response.status_code == 200
    [logged] = body_of(response)["items"]
    assert logged["status"] == "failed" and logged["finalError"] == "retries_exhausted"
    assert logged["webhookId"] == created["id"] and logged["eventType"] == "analysis.completed"
    [attempt] = logged["attempts"]
    assert attempt["error"] == "connect_error" and "statusCode" not in attempt and attempt["attempt"] == 1

    route = "v1/webhooks/{id}/deliveries/{deliveryId}/redeliver"
    response = call("POST", route, token, id=created["id"], deliveryId=logged["id"])
    assert response.status_code == 202
    assert body_of(response)["status"] == "pending" and body_of(response)["id"] == logged["id"]
    [(attempt_message, _)] = take_messages(deps, tenant)
    assert json.loads(attempt_message)["sequence"] == 2 and json.loads(attempt_message)["attempt"] == 1

    assert (
        problem_code(call("POST", route, token, id=created["id"], deliveryId="dlv_nope"), 404) == "delivery_not_found"
    )
    assert problem_code(
        call("POST", route, token_for(f"{tenant}-x"), id=created["id"], deliveryId=logged["id"]), 404
    ) == ("webhook_not_found")
    call("PATCH", "v1/webhooks/{id}", token, {"enabled": False}, id=created["id"])
    assert (
        problem_code(call("POST", route, token, id=created["id"], deliveryId=logged["id"]), 409) == "webhook_disabled"
    )
    bad_query = call("GET", "v1/webhooks/{id}/deliveries", token, params={"limit": "0"}, id=created["id"])
    assert problem_code(bad_query, 400) == "validation_error"
    bad_token = call("GET", "v1/webhooks/{id}/deliveries", token, params={"continuationToken": "zz"}, id=created["id"])
    assert problem_code(bad_token, 400) == "invalid_continuation_token"
