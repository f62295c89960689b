"""The redaction stage's work on Azurite: redacted transcript, redacted audio written, policy obeyed."""

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
from shared.redaction.service import RedactedRecording, redact_recording
from shared.storage.blobs import AUDIO_CONTAINER, REDACTED_AUDIO_CONTAINER, TRANSCRIPTS_CONTAINER, audio_blob_name

pytestmark = pytest.mark.integration


def _store_call(
    deps: Dependencies, sample_calls: SampleCalls, tenant: str, audio_file_id: str
) -> tuple[str, Transcript]:
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
    audio_name = audio_blob_name(tenant, audio_file_id)
    deps.blobs.upload_file(AUDIO_CONTAINER, audio_name, sample_calls.support_call, "audio/wav")
    return audio_name, transcript


def _redact(deps: Dependencies, tenant: str, audio_file_id: str, audio_name: str, transcript: Transcript,
            policy: RedactionPolicy) -> RedactedRecording:  # fmt: skip
    return redact_recording(
        blobs=deps.blobs, tenant_id=tenant, audio_file_id=audio_file_id, audio_blob_name=audio_name,
        transcript=transcript, policy=policy,
    )  # fmt: skip


def _read_audio(deps: Dependencies, container: str, name: str) -> tuple[np.ndarray, int]:
    data = deps.blobs.read_head(container, name, 50_000_000)
    samples, rate = sf.read(io.BytesIO(data), dtype="float32", always_2d=True)
    return samples, rate


def test_by_default_only_redacted_content_remains(deps: Dependencies, sample_calls: SampleCalls, tenant: str) -> None:
    audio_name, transcript = _store_call(deps, sample_calls, tenant, "af_redact1")
    result = _redact(deps, tenant, "af_redact1", audio_name, transcript, RedactionPolicy())
    assert result.counts == {EntityType.PERSON_NAME: 1, EntityType.ACCOUNT_NUMBER: 1}
    text = result.transcript.model_dump_json()
    assert "Sarah" not in text and "four five six seven eight" not in text
    assert "[ACCOUNT_NUMBER]" in text and "[PERSON_NAME]" in text
    assert deps.blobs.properties(AUDIO_CONTAINER, audio_name) is None  # the original is not kept
    assert deps.blobs.read_json(TRANSCRIPTS_CONTAINER, unredacted_transcript_blob_name(tenant, "af_redact1")) is None

    samples, rate = _read_audio(deps, REDACTED_AUDIO_CONTAINER, redacted_audio_blob_name(tenant, "af_redact1"))
    account = next(r for r in result.transcript.redactions or [] if r.type is EntityType.ACCOUNT_NUMBER)
    inside = samples[account.start_ms * rate // 1000 : account.end_ms * rate // 1000]
    spectrum = np.abs(np.fft.rfft(inside[:, 1]))
    assert abs(np.argmax(spectrum) * rate / inside.shape[0] - 1000) < 5  # a tone where the number was said

    # A retry of its own output after the original was deleted changes nothing and does not fail.
    again = _redact(deps, tenant, "af_redact1", audio_name, result.transcript, RedactionPolicy())
    assert again == result


def test_a_retry_before_the_original_was_deleted_gives_the_same_result(
    deps: Dependencies, sample_calls: SampleCalls, tenant: str
) -> None:
    audio_name, transcript = _store_call(deps, sample_calls, tenant, "af_redact4")
    first = _redact(deps, tenant, "af_redact4", audio_name, transcript, RedactionPolicy(keep_unredacted=True))
    second = _redact(deps, tenant, "af_redact4", audio_name, transcript, RedactionPolicy(keep_unredacted=True))
    assert first == second
    kept = deps.blobs.read_json(TRANSCRIPTS_CONTAINER, unredacted_transcript_blob_name(tenant, "af_redact4"))
    assert kept == transcript.to_wire()


def test_a_policy_that_keeps_unredacted_content(deps: Dependencies, sample_calls: SampleCalls, tenant: str) -> None:
    audio_name, transcript = _store_call(deps, sample_calls, tenant, "af_redact2")
    policy = RedactionPolicy(entity_types=[EntityType.ACCOUNT_NUMBER], keep_unredacted=True)
    result = _redact(deps, tenant, "af_redact2", audio_name, transcript, policy)
    kept = deps.blobs.read_json(TRANSCRIPTS_CONTAINER, unredacted_transcript_blob_name(tenant, "af_redact2"))
    assert kept is not None and "four five six seven eight" in str(kept) and "redactions" not in kept
    redacted = result.transcript.model_dump_json()
    assert "Sarah" in redacted  # names were not chosen
    assert "four five six seven eight" not in redacted
    assert deps.blobs.properties(AUDIO_CONTAINER, audio_name) is not None
    assert result.original_audio_kept


def test_redaction_turned_off_touches_nothing(deps: Dependencies, sample_calls: SampleCalls, tenant: str) -> None:
    audio_name, transcript = _store_call(deps, sample_calls, tenant, "af_redact3")
    result = _redact(deps, tenant, "af_redact3", audio_name, transcript, RedactionPolicy(enabled=False))
    assert result.redacted_audio_blob is None and result.transcript == transcript
    assert deps.blobs.properties(REDACTED_AUDIO_CONTAINER, redacted_audio_blob_name(tenant, "af_redact3")) is None
    assert deps.blobs.properties(AUDIO_CONTAINER, audio_name) is not None
