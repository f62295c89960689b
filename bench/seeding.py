"""Stored calls for backtests and reviews, written straight into storage as processing would leave them.

``seed_processed_calls`` writes completed recordings with their transcript and analysis (the analysis made by
the default offline engine with the built-in card, as the evaluation stage would); ``create_scorecard_draft``
makes a scorecard through the scorecards service. The bench and the tests use these; nothing else.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

from ulid import ULID

from shared.ai.evaluation.base import EvaluationContext
from shared.ai.factory import offline_evaluation_engine
from shared.audio_files.records import AudioFileRecord, Status
from shared.audio_files.repository import AudioFileRepository
from shared.models.analysis import Analysis, Scorecard
from shared.models.transcript import Transcript
from shared.pipeline.model import Stage, StageState, StageStatus
from shared.scorecards.model import ScorecardDraft
from shared.scorecards.service import create_scorecard
from shared.scorecards.store import ScorecardRepository
from shared.storage.blobs import (
    ANALYSES_CONTAINER,
    TRANSCRIPTS_CONTAINER,
    BlobStore,
    audio_blob_name,
    run_output_blob_name,
)

_WRITERS = 8


def create_scorecard_draft(repository: ScorecardRepository, blobs: BlobStore, tenant_id: str, card: Scorecard) -> str:
    """``card`` as a new scorecard of the tenant, made by the scorecards service (its version 1, a draft, as a
    client's ``POST /scorecards`` makes it); returns its id."""
    draft = ScorecardDraft.model_validate({k: v for k, v in card.to_wire().items() if k not in ("id", "version")})
    return create_scorecard(repository=repository, blobs=blobs, tenant_id=tenant_id, draft=draft).id


def processed_record(
    tenant_id: str, *, is_ai_call: bool, campaign_id: str | None, recorded_at: datetime
) -> AudioFileRecord:
    audio_file_id = f"af_{ULID.from_datetime(recorded_at)}"
    done = StageState(status=StageStatus.SUCCEEDED, completed_at=recorded_at, attempts=1)
    return AudioFileRecord(
        tenant_id=tenant_id, id=audio_file_id, file_name="call.wav", safe_file_name="call.wav",
        blob_name=audio_blob_name(tenant_id, audio_file_id), engagement_id=f"eng-{audio_file_id[-6:]}",
        campaign_id=campaign_id, is_ai_call=is_ai_call, recorded_at=recorded_at, created_at=recorded_at,
        updated_at=recorded_at, status=Status.COMPLETED, upload_expires_at=recorded_at, uploaded_at=recorded_at,
        run_id=f"run_{uuid.uuid4().hex}", run_stages=[Stage.TRANSCRIPTION, Stage.EVALUATION], run_count=1,
        stages={Stage.TRANSCRIPTION: done, Stage.EVALUATION: done},
    )  # fmt: skip


def seed_processed_calls(
    *,
    records: AudioFileRepository,
    blobs: BlobStore,
    tenant_id: str,
    transcripts: Sequence[Transcript],
    is_ai_call: bool,
    campaign_id: str | None,
    first_recorded_at: datetime,
) -> list[tuple[AudioFileRecord, Analysis]]:
    """One completed recording per transcript, recorded a minute apart, with the analysis the offline engine
    makes of it with the built-in card. Returns the records and their stored analyses, oldest first."""
    # The default offline engine, intent layer included.
    engine = offline_evaluation_engine()
    seeded: list[tuple[AudioFileRecord, Transcript, Analysis]] = []
    for index, source in enumerate(transcripts):
        record = processed_record(tenant_id, is_ai_call=is_ai_call, campaign_id=campaign_id,
                                  recorded_at=first_recorded_at + timedelta(minutes=index))  # fmt: skip
        assert record.run_id is not None
        record.outputs = {stage: record.run_id for stage in Stage}
        transcript = source.model_copy(update={"audio_file_id": record.id})
        context = EvaluationContext(record.id, record.engagement_id, campaign_id, is_ai_call)
        seeded.append((record, transcript, engine.evaluate(transcript, context)))

    def write(item: tuple[AudioFileRecord, Transcript, Analysis]) -> None:
        record, transcript, analysis = item
        assert record.run_id is not None
        # As a completed run leaves them: the redacted transcript (the transcription's output is gone) and the analysis.
        redacted = run_output_blob_name(tenant_id, record.id, Stage.REDACTION, record.run_id)
        blobs.write_json(TRANSCRIPTS_CONTAINER, redacted, transcript.to_wire())
        analysis_name = run_output_blob_name(tenant_id, record.id, Stage.EVALUATION, record.run_id)
        blobs.write_json(ANALYSES_CONTAINER, analysis_name, analysis.to_wire())

    with ThreadPoolExecutor(_WRITERS) as writers:
        list(writers.map(write, seeded))
    records.bulk_insert(record for record, _, _ in seeded)
    return [(record, analysis) for record, _, analysis in seeded]
