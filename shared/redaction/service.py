"""The redaction stage's work for one recording: the redacted transcript, the redacted audio, the policy.

The stage's caller stores the returned transcript as the stage's output (the run module writes stage outputs),
so evaluation, exports and webhooks only ever read redacted text. Idempotent at every line, for at-least-once
queues: the unredacted transcript is copied aside first (only where the policy keeps it), the redacted audio is
written from the redactions' times, and the uploaded original is deleted last (only where the policy does not
keep it), once its redacted copy exists. A transcript that already lists its ``redactions`` is not redacted
again, so a retry that reads the stage's own earlier output only rewrites what is missing.
"""

from __future__ import annotations

import logging
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from shared.models.redaction import EntityType, RedactionPolicy
from shared.models.transcript import Transcript
from shared.redaction.audio import redact_audio
from shared.redaction.policy import redacted_audio_blob_name, unredacted_transcript_blob_name
from shared.redaction.transcript import redact_transcript
from shared.storage.blobs import AUDIO_CONTAINER, REDACTED_AUDIO_CONTAINER, TRANSCRIPTS_CONTAINER, BlobStore

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RedactedRecording:
    transcript: Transcript  # to store as the stage's output
    redacted_audio_blob: str | None  # in the redacted-audio container; None when redaction is off
    counts: dict[EntityType, int]  # spans of each kind, for logs and metrics (never values)
    original_audio_kept: bool


def redact_recording(
    *,
    blobs: BlobStore,
    tenant_id: str,
    audio_file_id: str,
    audio_blob_name: str,
    transcript: Transcript,
    policy: RedactionPolicy,
) -> RedactedRecording:
    """Redact ``transcript`` and write the recording's redacted audio (see the module docstring)."""
    if not policy.enabled:
        return RedactedRecording(transcript, redacted_audio_blob=None, counts={}, original_audio_kept=True)
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
            blobs.upload_file(REDACTED_AUDIO_CONTAINER, redacted_name, redacted, "audio/wav")
        if not policy.keep_unredacted:
            blobs.delete(AUDIO_CONTAINER, audio_blob_name)
    elif blobs.properties(REDACTED_AUDIO_CONTAINER, redacted_name) is None:
        raise LookupError(f"no recording for {audio_file_id}")
    # else: a retry after the original was deleted; its redacted copy was written before that.
    counts = dict(Counter(redaction.type for redaction in redactions))
    logger.info("redacted %s: %d spans", audio_file_id, len(redactions))
    return RedactedRecording(
        transcript, redacted_audio_blob=redacted_name, counts=counts, original_audio_kept=policy.keep_unredacted
    )
