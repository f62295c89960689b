"""HTTP endpoints of /api/v1/webhooks, and the queue triggers that fan out events and deliver them.

Each HTTP function is declared once by its ``Route``: the Functions registration and its OpenAPI entry come
from it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

import azure.functions as func

from shared.auth import Principal
from shared.dependencies import get_dependencies
from shared.http import ApiBlueprint, json_response, parse_json_body, parse_query
from shared.openapi import AUTH_ERRORS, BODY_ERRORS, PathParam, Reply, Route
from shared.webhooks import delivery, service
from shared.webhooks.models import (
    CreateWebhookRequest,
    DeliveryBody,
    DeliveryListBody,
    ListDeliveriesQuery,
    RotatedSecretBody,
    UpdateWebhookRequest,
    WebhookBody,
    WebhookListBody,
    WebhookWithSecretBody,
)
from shared.webhooks.records import DELIVERY_ID_PATTERN, SUBSCRIPTION_ID_PATTERN

logger = logging.getLogger(__name__)
bp = ApiBlueprint()
SCOPE = "webhooks:manage"
CONNECTION = "AzureWebJobsStorage"
TAG = "Webhooks"

WEBHOOK_ID = PathParam("id", SUBSCRIPTION_ID_PATTERN, "The webhook id: `wh_` and a ULID.")
DELIVERY_ID = PathParam("deliveryId", DELIVERY_ID_PATTERN, "The delivery id: `dlv_` and a ULID.")
WEBHOOK_NOT_FOUND = ("webhook_not_found",)
WEBHOOK_URL_ERRORS = ("invalid_webhook_url", "webhook_url_not_allowed", "webhook_url_unresolvable")
# A new secret is wrapped with the Key Vault key before it is stored (Azure only).
SECRET_STORE_ERRORS = {503: (*AUTH_ERRORS[503], "secret_store_unavailable")}
WEBHOOK_BODY_ERRORS: Mapping[int, tuple[str, ...]] = {
    **BODY_ERRORS,
    400: (*BODY_ERRORS[400], *WEBHOOK_URL_ERRORS),
}
WEBHOOK_URL_RULES = (
    "The URL must be `https`, without user name or password, and every address its host resolves to must be "
    "public (no loopback, private, link-local, CGNAT, multicast or reserved addresses); it is checked again "
    "at every delivery."
)
DELIVERY_DESCRIPTION = (
    "Each event is POSTed as JSON `{type, timestamp, data}` (`data`: ids, status and links, and for "
    "`analysis.completed` the `scorecard {id, version}` the analysis used; never content) "
    "with the Standard Webhooks headers `webhook-id` (the event id, the same on every retry), "
    "`webhook-timestamp` and `webhook-signature`. Any 2xx answer is a delivery; redirects are not followed; "
    "failures are retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (with jitter, or later if "
    "`Retry-After` asks); `410 Gone` disables the webhook."
)


def _id(req: func.HttpRequest) -> str:
    return req.route_params.get("id", "")


@bp.endpoint(Route(
    "POST", "/v1/webhooks", "createWebhook", "Subscribe a URL to processing events", TAG, SCOPE,
    (Reply(201, "The webhook, with its signing `secret`: shown this once only.", WebhookWithSecretBody,
           headers=(("Location", "The new webhook."),)),),
    {**WEBHOOK_BODY_ERRORS, 409: ("webhook_limit_reached",), **SECRET_STORE_ERRORS},
    body=CreateWebhookRequest,
    body_example={"url": "https://crm.example/hooks/audio", "events": ["analysis.completed"]},
    description=f"{WEBHOOK_URL_RULES}\n\n{DELIVERY_DESCRIPTION}",
))  # fmt: skip
def create_webhook(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    body = parse_json_body(req, CreateWebhookRequest)
    created = service.create_subscription(get_dependencies(), principal.tenant_id, body)
    return json_response(created, status=201, headers={"Location": f"/api/v1/webhooks/{created.id}"})


@bp.endpoint(Route(
    "GET", "/v1/webhooks", "listWebhooks", "The tenant's webhooks", TAG, SCOPE,
    (Reply(200, "Every webhook of the tenant (at most 20), without secrets.", WebhookListBody),),
))  # fmt: skip
def list_webhooks(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    return json_response(service.list_subscriptions(get_dependencies(), principal.tenant_id))


@bp.endpoint(Route(
    "GET", "/v1/webhooks/{id}", "getWebhook", "One webhook", TAG, SCOPE,
    (Reply(200, "The webhook, without its secret.", WebhookBody),), {404: WEBHOOK_NOT_FOUND},
    path_params=(WEBHOOK_ID,),
))  # fmt: skip
def get_webhook(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    return json_response(service.to_body(service.get_subscription(get_dependencies(), principal.tenant_id, _id(req))))


@bp.endpoint(Route(
    "PATCH", "/v1/webhooks/{id}", "updateWebhook", "Change, disable or re-enable a webhook", TAG, SCOPE,
    (Reply(200, "The webhook as it is now.", WebhookBody),),
    {**WEBHOOK_BODY_ERRORS, 404: WEBHOOK_NOT_FOUND},
    path_params=(WEBHOOK_ID,), body=UpdateWebhookRequest, body_example={"enabled": False},
    description="Send only the fields to change. `enabled: true` also re-enables a webhook disabled by a "
    f"`410 Gone`. {WEBHOOK_URL_RULES}",
))  # fmt: skip
def update_webhook(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    body = parse_json_body(req, UpdateWebhookRequest)
    return json_response(service.update_subscription(get_dependencies(), principal.tenant_id, _id(req), body))


@bp.endpoint(Route(
    "DELETE", "/v1/webhooks/{id}", "deleteWebhook", "Delete a webhook and its delivery log", TAG, SCOPE,
    (Reply(204, "Deleted; attempts still queued stop."),), {404: WEBHOOK_NOT_FOUND}, path_params=(WEBHOOK_ID,),
))  # fmt: skip
def delete_webhook(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    service.delete_subscription(get_dependencies(), principal.tenant_id, _id(req))
    return func.HttpResponse(status_code=204)


@bp.endpoint(Route(
    "POST", "/v1/webhooks/{id}/rotate-secret", "rotateWebhookSecret", "Replace the signing secret", TAG, SCOPE,
    (Reply(200, "The new secret, shown this once only.", RotatedSecretBody),),
    {404: WEBHOOK_NOT_FOUND, **SECRET_STORE_ERRORS},
    path_params=(WEBHOOK_ID,),
    description="Until `previousSecretExpiresAt` (24 hours) every request carries two signatures in "
    "`webhook-signature`, one per secret, so the receiver can switch secrets without missing events.",
))  # fmt: skip
def rotate_webhook_secret(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    return json_response(service.rotate_secret(get_dependencies(), principal.tenant_id, _id(req)))


@bp.endpoint(Route(
    "GET", "/v1/webhooks/{id}/deliveries", "listWebhookDeliveries", "The delivery log, newest event first",
    TAG, SCOPE,
    (Reply(200, "Deliveries with their attempts (newest first), status codes and next retry time.",
           DeliveryListBody),),
    {400: ("validation_error", "invalid_continuation_token"), 404: WEBHOOK_NOT_FOUND},
    path_params=(WEBHOOK_ID,), query=ListDeliveriesQuery,
    query_docs={
        "limit": "Deliveries per page.",
        "continuationToken": "The `continuationToken` of the previous page, for the next one.",
    },
))  # fmt: skip
def list_webhook_deliveries(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    query = parse_query(req, ListDeliveriesQuery)
    return json_response(service.list_deliveries(get_dependencies(), principal.tenant_id, _id(req), query))


@bp.endpoint(Route(
    "POST", "/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", "redeliverWebhook", "Send an event again",
    TAG, SCOPE,
    (Reply(202, "A fresh series of attempts is queued, with the same `webhook-id`.", DeliveryBody),),
    {404: (*WEBHOOK_NOT_FOUND, "delivery_not_found"), 409: ("webhook_disabled",)},
    path_params=(WEBHOOK_ID, DELIVERY_ID),
))  # fmt: skip
def redeliver_webhook(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    delivery_id = req.route_params.get("deliveryId", "")
    result = service.redeliver(get_dependencies(), principal.tenant_id, _id(req), delivery_id)
    return json_response(result, status=202)


@bp.queue_trigger(arg_name="msg", queue_name="webhooks", connection=CONNECTION)
def webhook_delivery(msg: func.QueueMessage) -> None:
    deps = get_dependencies()
    outcome = delivery.handle_message(
        deps, msg.get_body(), delivery.sender_for(deps), dequeue_count=msg.dequeue_count or 1
    )
    logger.info("Webhooks message %s: %s", msg.id, outcome)


@bp.queue_trigger(arg_name="msg", queue_name="webhooks-poison", connection=CONNECTION)
def webhook_delivery_poison(msg: func.QueueMessage) -> None:
    delivery.fail_from_poison(get_dependencies(), msg.get_body())
