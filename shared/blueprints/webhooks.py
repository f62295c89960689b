"""HTTP endpoints of /api/v1/webhooks, and the queue triggers that fan out events and deliver them."""

from __future__ import annotations

import logging

import azure.functions as func

from shared.auth import Principal
from shared.dependencies import get_dependencies
from shared.http import api_endpoint, json_response, parse_json_body, parse_query
from shared.webhooks import delivery, service
from shared.webhooks.models import CreateWebhookRequest, ListDeliveriesQuery, UpdateWebhookRequest

logger = logging.getLogger(__name__)
bp = func.Blueprint()
ANONYMOUS = func.AuthLevel.ANONYMOUS
SCOPE = "webhooks:manage"
CONNECTION = "AzureWebJobsStorage"


def _id(req: func.HttpRequest) -> str:
    return req.route_params.get("id", "")


@bp.route(route="v1/webhooks", methods=["GET", "POST"], auth_level=ANONYMOUS)
def webhooks(req: func.HttpRequest) -> func.HttpResponse:
    if req.method.upper() == "POST":
        return _create_webhook(req)
    return _list_webhooks(req)


@api_endpoint(SCOPE)
def _create_webhook(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    body = parse_json_body(req, CreateWebhookRequest)
    created = service.create_subscription(get_dependencies(), principal.tenant_id, body)
    return json_response(created, status=201, headers={"Location": f"/api/v1/webhooks/{created.id}"})


@api_endpoint(SCOPE)
def _list_webhooks(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    return json_response(service.list_subscriptions(get_dependencies(), principal.tenant_id))


@bp.route(route="v1/webhooks/{id}", methods=["GET", "PATCH", "DELETE"], auth_level=ANONYMOUS)
def webhook(req: func.HttpRequest) -> func.HttpResponse:
    method = req.method.upper()
    if method == "PATCH":
        return _update_webhook(req)
    if method == "DELETE":
        return _delete_webhook(req)
    return _get_webhook(req)


@api_endpoint(SCOPE)
def _get_webhook(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    return json_response(service.to_body(service.get_subscription(get_dependencies(), principal.tenant_id, _id(req))))


@api_endpoint(SCOPE)
def _update_webhook(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    body = parse_json_body(req, UpdateWebhookRequest)
    return json_response(service.update_subscription(get_dependencies(), principal.tenant_id, _id(req), body))


@api_endpoint(SCOPE)
def _delete_webhook(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    service.delete_subscription(get_dependencies(), principal.tenant_id, _id(req))
    return func.HttpResponse(status_code=204)


@bp.route(route="v1/webhooks/{id}/rotate-secret", methods=["POST"], auth_level=ANONYMOUS)
@api_endpoint(SCOPE)
def rotate_webhook_secret(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    return json_response(service.rotate_secret(get_dependencies(), principal.tenant_id, _id(req)))


@bp.route(route="v1/webhooks/{id}/deliveries", methods=["GET"], auth_level=ANONYMOUS)
@api_endpoint(SCOPE)
def list_webhook_deliveries(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
    query = parse_query(req, ListDeliveriesQuery)
    return json_response(service.list_deliveries(get_dependencies(), principal.tenant_id, _id(req), query))


@bp.route(route="v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", methods=["POST"], auth_level=ANONYMOUS)
@api_endpoint(SCOPE)
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
