"""Events a run emits when it ends, for the webhook fan-out. Thin by design: ids, status, links; no content."""

from __future__ import annotations

import uuid

from shared.audio_files.records import AudioFileRecord, Status
from shared.clock import iso_z
from shared.dependencies import Dependencies
from shared.storage.queues import WEBHOOKS_QUEUE

ANALYSIS_COMPLETED = "analysis.completed"
PROCESSING_FAILED = "processing.failed"
EVENT_TYPES = (ANALYSIS_COMPLETED, PROCESSING_FAILED)
_EVENT_NAMESPACE = uuid.UUID("5b1f8a52-7d0e-4c38-9a0e-3c2f3f7f6a01")


def event_id(run_id: str, event_type: str) -> str:
    """The same run and outcome always give the same id, so a repeated completion is one event, not two."""
    return f"evt_{uuid.uuid5(_EVENT_NAMESPACE, f'{run_id}:{event_type}').hex}"


def run_outcome_event(record: AudioFileRecord) -> dict[str, object] | None:
    if record.run_id is None or record.status not in (Status.COMPLETED, Status.FAILED):
        return None
    event_type = ANALYSIS_COMPLETED if record.status is Status.COMPLETED else PROCESSING_FAILED
    base = f"/api/v1/audio-files/{record.id}"
    data: dict[str, object] = {
        "audioFileId": record.id,
        "runId": record.run_id,
        "status": record.status.value,
        "engagementId": record.engagement_id,
        "links": {
            "self": base,
            "processingStatus": f"{base}/processing-status",
            "transcript": f"{base}/transcript",
            "analysis": f"{base}/analysis",
        },
    }
    if record.campaign_id:
        data["campaignId"] = record.campaign_id
    if record.error:
        data["error"] = {"code": record.error.code, "stage": record.error.stage}
    return {
        "id": event_id(record.run_id, event_type),
        "type": event_type,
        "tenantId": record.tenant_id,
        "timestamp": iso_z(record.updated_at),
        "data": data,
    }


def publish_run_outcome(deps: Dependencies, record: AudioFileRecord) -> None:
    event = run_outcome_event(record)
    if event is not None:
        deps.queues.send(WEBHOOKS_QUEUE, {"kind": "event", "event": event})
