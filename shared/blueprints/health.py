"""Unauthenticated operational endpoints: health."""

from __future__ import annotations

import logging
import time

import azure.functions as func

from shared.dependencies import get_dependencies
from shared.http import ApiBlueprint, json_response
from shared.openapi import RETRY_AFTER, HealthBody, Reply, Route

logger = logging.getLogger(__name__)
bp = ApiBlueprint()
_RETRY_LATER = {"Retry-After": "5"}


@bp.public_endpoint(Route(
    "GET", "/health", "getHealth", "Liveness and the storage resources the app needs", "Service", None,
    (
        Reply(200, "Healthy.", HealthBody),
        Reply(503, "Storage is unreachable or lacks a table, container or queue.", HealthBody,
              headers=(RETRY_AFTER,)),
    ),
))  # fmt: skip
def health(req: func.HttpRequest) -> func.HttpResponse:
    """Liveness plus the tables, containers and queues the app needs, so a load balancer sees broken storage.

    Locally the app creates what is missing (and says so); in Azure it reports it and answers 503.
    """
    started = time.perf_counter()
    recreated: list[str] = []
    try:
        resources = get_dependencies().resources
        missing = resources.missing()
        if missing and resources.creates_missing:
            resources.create()
            recreated, missing = missing, resources.missing()
    except Exception as error:  # unreachable, timed out, refused: bounded by the storage clients' timeouts
        logger.warning("Health check failed: %s", type(error).__name__)
        unavailable = {"status": "unhealthy", "checks": {"storage": "unavailable"}}
        return json_response(unavailable, status=503, headers=_RETRY_LATER)
    if missing:
        logger.warning("Health check: %d storage resources are missing.", len(missing))
        incomplete = {"status": "unhealthy", "checks": {"storage": "missing"}, "missing": missing}
        return json_response(incomplete, status=503, headers=_RETRY_LATER)
    elapsed_ms = round((time.perf_counter() - started) * 1000, 1)
    body: dict[str, object] = {"status": "ok", "checks": {"storage": "ok"}, "storageLatencyMs": elapsed_ms}
    if recreated:
        body["recreated"] = recreated
    return json_response(body)
