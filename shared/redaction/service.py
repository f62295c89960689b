"""The redaction stage's work for one recording: redact the transcript blob and write the redacted audio.

Idempotent at every line, for at-least-once queues. The unredacted transcript is copied aside first (only
where the policy keeps it), then the redacted audio is written from the redactions, then the transcript blob
is replaced by the redacted one. A transcript that already lists its ``redactions`` is not redacted again: a
retry after a crash only rewrites the audio from the stored list, which holds times, never values. Where the
policy does not keep unredacted content, the uploaded original is deleted last, once its redacted copy exists.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path

from shared.models.redaction import EntityType, RedactionPolicy
from shared.models.transcript import Transcript
from shared.redaction.audio import redact_audio
from shared.redaction.policy import redacted_audio_blob_name, unredacted_transcript_blob_name
from shared.redaction.transcript import redact_transcript
from shared.storage.blobs import AUDIO_CONTAINER, TRANSCRIPTS_CONTAINER, BlobStore, document_blob_name

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RedactionOutcome:
    redacted_audio_blob: str | None  # None when the policy turns redaction off
    counts: dict[EntityType, int]  # how many spans of each kind (for logs and metrics: no values)
    original_audio_kept: bool


def redact_recording(
    *,
    blobs: BlobStore,
    tenant_id: str,
    audio_file_id: str,
    audio_blob_name: str,
    policy: RedactionPolicy,
) -> RedactionOutcome:
    """Redact the stored transcript of one recording and write its redacted audio (see the module docstring)."""
    if not policy.enabled:
        return RedactionOutcome(redacted_audio_blob=None, counts={}, original_audio_kept=True)
    transcript_name = document_blob_name(tenant_id, audio_file_id)
    document = blobs.read_json(TRANSCRIPTS_CONTAINER, transcript_name)
    if document is None:
        raise LookupError(f"no transcript for {audio_file_id}")
    transcript = Transcript.model_validate(document)
    if transcript.redactions is None:
        if policy.keep_unredacted:
            blobs.write_json(
                TRANSCRIPTS_CONTAINER, unredacted_transcript_blob_name(tenant_id, audio_file_id), transcript.to_wire()
            )
        transcript = redact_transcript(transcript, policy.entity_types)
    redactions = transcript.redactions or []
    redacted_name = redacted_audio_blob_name(tenant_id, audio_file_id)
    if blobs.properties(AUDIO_CONTAINER, audio_blob_name) is not None:
        with tempfile.TemporaryDirectory(prefix="redaction-") as work:
            original, redacted = Path(work) / "original", Path(work) / "redacted.wav"
            blobs.download_to_file(AUDIO_CONTAINER, audio_blob_name, original)
            redact_audio(original, str(redacted), redactions)
            blobs.upload_file(AUDIO_CONTAINER, redacted_name, redacted, "audio/wav")
    elif blobs.properties(AUDIO_CONTAINER, redacted_name) is None:
        raise LookupError(f"no recording for {audio_file_id}")
    # else: a retry after the original was deleted; its redacted copy is already written.
    blobs.write_json(TRANSCRIPTS_CONTAINER, transcript_name, transcript.to_wire())
    if not policy.keep_unredacted:
        blobs.delete(AUDIO_CONTAINER, audio_blob_name)
    counts: dict[EntityType, int] = {}
    for redaction in redactions:
        counts[redaction.type] = counts.get(redaction.type, 0) + 1
    logger.info("redacted %s: %d spans", audio_file_id, len(redactions))
    return RedactionOutcome(
        redacted_audio_blob=redacted_name, counts=counts, original_audio_kept=policy.keep_unredacted
    )
