"""Where redaction's choices and outputs live, and who may read what came before redaction.

A tenant's policy is ``policies/{tenant}/redaction.json`` (absent: the defaults, redaction on for every kind,
nothing unredacted kept); an upload may override it (``RedactionOverride``). Outputs beside the originals:
the redacted transcript is the stage's output, the redacted recording is
``redacted-audio/{tenant}/{id}/recording.wav``, and, only where the policy keeps them, the unredacted
transcript is ``transcripts/{tenant}/{id}/unredacted.json`` (beside the per-stage run outputs under
``{tenant}/{id}/{stage}/``, which a finished stage prunes) and the original recording stays where it was uploaded.
"""

from __future__ import annotations

from shared.auth import READ_UNREDACTED_SCOPE, Principal
from shared.models.redaction import RedactionOverride, RedactionPolicy
from shared.storage.blobs import POLICIES_CONTAINER, BlobStore, recording_prefix


def policy_blob_name(tenant_id: str) -> str:
    return f"{tenant_id}/redaction.json"


def redacted_audio_blob_name(tenant_id: str, audio_file_id: str) -> str:
    """In the redacted-audio container, under the recording's prefix (deleting a recording's prefix takes it)."""
    return f"{recording_prefix(tenant_id, audio_file_id)}recording.wav"


def unredacted_transcript_blob_name(tenant_id: str, audio_file_id: str) -> str:
    """In the transcripts container; written only when the policy keeps unredacted artefacts."""
    return f"{recording_prefix(tenant_id, audio_file_id)}unredacted.json"


def tenant_policy(*, blobs: BlobStore, tenant_id: str) -> RedactionPolicy:
    document = blobs.read_json(POLICIES_CONTAINER, policy_blob_name(tenant_id))
    return RedactionPolicy() if document is None else RedactionPolicy.model_validate(document)


def save_tenant_policy(*, blobs: BlobStore, tenant_id: str, policy: RedactionPolicy) -> None:
    blobs.write_json(POLICIES_CONTAINER, policy_blob_name(tenant_id), policy.to_wire())


def effective_policy(*, blobs: BlobStore, tenant_id: str, override: RedactionOverride | None = None) -> RedactionPolicy:
    """The policy one upload is processed under: the tenant's, with the upload's own choices on top."""
    policy = tenant_policy(blobs=blobs, tenant_id=tenant_id)
    return policy if override is None else override.applied_to(policy)


def require_unredacted_access(principal: Principal) -> None:
    """Raise ``Forbidden`` (403 ``insufficient_scope``) unless the token may read unredacted content."""
    principal.require(READ_UNREDACTED_SCOPE)
