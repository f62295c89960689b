"""The redaction stage's work on Azurite: transcript blob rewritten, redacted audio written, policy obeyed."""

from __future__ import annotations

import io

import numpy as np
import pytest
import soundfile as sf

from scripts.sample_calls import SampleCalls
from shared.dependencies import Dependencies
from shared.models.redaction import EntityType, RedactionPolicy
from shared.models.transcript import EngineInfo, Segment, Transcript
from shared.redaction.policy import redacted_audio_blob_name, unredacted_transcript_blob_name
from shared.redaction.service import redact_recording
from shared.storage.blobs import AUDIO_CONTAINER, TRANSCRIPTS_CONTAINER, document_blob_name

pytestmark = pytest.mark.integration


def _store_call(deps: Dependencies, sample_calls: SampleCalls, tenant: str, audio_file_id: str) -> str:
    turns = sample_calls.turns("support_call")
    segments = [
        Segment(index=i, speaker=t.speaker, start_ms=t.start_ms, end_ms=t.end_ms, text=t.text)
        for i, t in enumerate(turns)
    ]
    transcript = Transcript(
        audio_file_id=audio_file_id,
        language="en",
        duration_ms=turns[-1].end_ms,
        speakers=["agent", "customer"],
        segments=segments,
        text="\n".join(f"{s.speaker}: {s.text}" for s in segments),
        engine=EngineInfo(name="script", model="-", version="-"),
        created_at="2026-12-01T00:00:00Z",
    )
    deps.blobs.write_json(TRANSCRIPTS_CONTAINER, document_blob_name(tenant, audio_file_id), transcript.to_wire())
    audio_name = f"{tenant}/{audio_file_id}/call.wav"
    deps.blobs.upload_file(AUDIO_CONTAINER, audio_name, sample_calls.support_call, "audio/wav")
    return audio_name


def _read_audio(deps: Dependencies, name: str) -> tuple[np.ndarray, int]:
    data = deps.blobs.read_head(AUDIO_CONTAINER, name, 50_000_000)
    samples, rate = sf.read(io.BytesIO(data), dtype="float32", always_2d=True)
    return samples, rate


def test_by_default_only_redacted_content_remains(deps: Dependencies, sample_calls: SampleCalls, tenant: str) -> None:
    audio_name = _store_call(deps, sample_calls, tenant, "af_redact1")
    outcome = redact_recording(
        blobs=deps.blobs,
        tenant_id=tenant,
        audio_file_id="af_redact1",
        audio_blob_name=audio_name,
        policy=RedactionPolicy(),
    )
    assert outcome.counts == {EntityType.PERSON_NAME: 1, EntityType.ACCOUNT_NUMBER: 1}
    stored = deps.blobs.read_json(TRANSCRIPTS_CONTAINER, document_blob_name(tenant, "af_redact1"))
    assert stored is not None
    text = str(stored)
    assert "Sarah" not in text and "four five six seven eight" not in text
    assert "[ACCOUNT_NUMBER]" in text and "[PERSON_NAME]" in text
    assert deps.blobs.properties(AUDIO_CONTAINER, audio_name) is None  # the original is not kept
    assert deps.blobs.read_json(TRANSCRIPTS_CONTAINER, unredacted_transcript_blob_name(tenant, "af_redact1")) is None

    samples, rate = _read_audio(deps, redacted_audio_blob_name(tenant, "af_redact1"))
    account = next(r for r in stored["redactions"] if r["type"] == "account_number")
    inside = samples[account["startMs"] * rate // 1000 : account["endMs"] * rate // 1000]
    spectrum = np.abs(np.fft.rfft(inside[:, 1]))
    assert abs(np.argmax(spectrum) * rate / inside.shape[0] - 1000) < 5  # a tone where the number was said

    # A retry after everything was written (the original already deleted) changes nothing and does not fail.
    again = redact_recording(
        blobs=deps.blobs,
        tenant_id=tenant,
        audio_file_id="af_redact1",
        audio_blob_name=audio_name,
        policy=RedactionPolicy(),
    )
    assert again.counts == outcome.counts
    assert deps.blobs.read_json(TRANSCRIPTS_CONTAINER, document_blob_name(tenant, "af_redact1")) == stored


def test_a_policy_that_keeps_unredacted_content(deps: Dependencies, sample_calls: SampleCalls, tenant: str) -> None:
    audio_name = _store_call(deps, sample_calls, tenant, "af_redact2")
    policy = RedactionPolicy(entity_types=[EntityType.ACCOUNT_NUMBER], keep_unredacted=True)
    redact_recording(
        blobs=deps.blobs, tenant_id=tenant, audio_file_id="af_redact2", audio_blob_name=audio_name, policy=policy
    )
    kept = deps.blobs.read_json(TRANSCRIPTS_CONTAINER, unredacted_transcript_blob_name(tenant, "af_redact2"))
    assert kept is not None and "four five six seven eight" in str(kept) and "redactions" not in kept
    redacted = deps.blobs.read_json(TRANSCRIPTS_CONTAINER, document_blob_name(tenant, "af_redact2"))
    assert redacted is not None and "Sarah" in str(redacted)  # names were not chosen
    assert "four five six seven eight" not in str(redacted)
    assert deps.blobs.properties(AUDIO_CONTAINER, audio_name) is not None


def test_redaction_turned_off_touches_nothing(deps: Dependencies, sample_calls: SampleCalls, tenant: str) -> None:
    audio_name = _store_call(deps, sample_calls, tenant, "af_redact3")
    before = deps.blobs.read_json(TRANSCRIPTS_CONTAINER, document_blob_name(tenant, "af_redact3"))
    outcome = redact_recording(
        blobs=deps.blobs, tenant_id=tenant, audio_file_id="af_redact3", audio_blob_name=audio_name,
        policy=RedactionPolicy(enabled=False),
    )  # fmt: skip
    assert outcome.redacted_audio_blob is None
    assert deps.blobs.read_json(TRANSCRIPTS_CONTAINER, document_blob_name(tenant, "af_redact3")) == before
    assert deps.blobs.properties(AUDIO_CONTAINER, redacted_audio_blob_name(tenant, "af_redact3")) is None
