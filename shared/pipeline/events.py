"""The event a run emits when it ends, for the webhook fan-out. Thin by design: ids, status, links; no content."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from shared.audio_files.records import AudioFileRecord, Status
from shared.clock import iso_z
from shared.storage.queues import WEBHOOKS_QUEUE
from shared.webhooks.events import EventType, event_id


class MessageSender(Protocol):
    def send(self, queue: str, message: dict[str, Any], *, visibility_timeout: int | None = None) -> None: ...


def run_outcome_event(record: AudioFileRecord, analysis: Mapping[str, Any] | None = None) -> dict[str, object] | None:
    """The event of a run that ended; ``analysis`` (of a completed run) gives the scorecard id and version used."""
    if record.run_id is None or record.status not in (Status.COMPLETED, Status.FAILED):
        return None
    event_type = EventType.ANALYSIS_COMPLETED if record.status is Status.COMPLETED else EventType.PROCESSING_FAILED
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
    scorecard = analysis.get("scorecard") if analysis is not None else None
    if record.status is Status.COMPLETED and isinstance(scorecard, Mapping):
        data["scorecard"] = {"id": scorecard.get("id"), "version": scorecard.get("version")}
    return {
        "id": event_id(record.run_id, event_type),
        "type": event_type.value,
        "tenantId": record.tenant_id,
        "timestamp": iso_z(record.updated_at),
        "data": data,
    }


def publish_run_outcome(
    *, queues: MessageSender, record: AudioFileRecord, analysis: Mapping[str, Any] | None = None
) -> None:
    event = run_outcome_event(record, analysis)
    if event is not None:
        queues.send(WEBHOOKS_QUEUE, {"kind": "event", "event": event})
