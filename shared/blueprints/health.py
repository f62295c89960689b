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


@bp.public_endpoint(Route(
    "GET", "/health", "getHealth", "Liveness and a storage round trip", "Service", None,
    (Reply(200, "Healthy.", HealthBody), Reply(503, "Storage is unreachable.", HealthBody, headers=(RETRY_AFTER,))),
))  # fmt: skip
def health(req: func.HttpRequest) -> func.HttpResponse:
    """Liveness plus a storage round trip, so a load balancer sees a broken storage connection."""
    started = time.perf_counter()
    try:
        deps = get_dependencies()
        deps.audio_files.get("health", "probe")
    except Exception as error:
        logger.warning("Health check failed: %s", type(error).__name__)
        return json_response({"status": "unhealthy", "checks": {"storage": "unavailable"}}, status=503,
                             headers={"Retry-After": "5"})  # fmt: skip
    elapsed_ms = round((time.perf_counter() - started) * 1000, 1)
    return json_response({"status": "ok", "checks": {"storage": "ok"}, "storageLatencyMs": elapsed_ms})
