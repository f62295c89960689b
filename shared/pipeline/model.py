"""The vocabulary of a processing run: its stages in pipeline order, their statuses, their state on the record,
and the one message a stage's queue carries.

A leaf module (it imports no other part of the app), so records, requests and the run module all share it.
The pipeline order is the declaration order of ``Stage``: adding a stage is one member here and one handler in
``shared.pipeline.stages`` (plus its queue among the storage resources).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel

from shared.models.base import WireModel


class Stage(StrEnum):
    """Pipeline stages, in the order a full run goes through them. A stage's queue has the stage's name."""

    TRANSCRIPTION = "transcription"
    REDACTION = "redaction"  # after transcription, so evaluation and every reader only see redacted text
    EVALUATION = "evaluation"

    @property
    def queue(self) -> str:
        return self.value

    @property
    def poison_queue(self) -> str:
        return f"{self.value}-poison"


PIPELINE: tuple[Stage, ...] = tuple(Stage)


def ordered(stages: list[Stage] | list[str]) -> list[Stage]:
    """The given stages in pipeline order, each once."""
    wanted = {Stage(stage) for stage in stages}
    return [stage for stage in PIPELINE if stage in wanted]


def with_companions(stages: list[Stage]) -> list[Stage]:
    """The stages a requested run goes through: transcription and redaction always together, since redaction
    reads the transcription's unredacted output and deletes it once the redacted transcript is stored."""
    wanted = set(stages)
    if wanted & {Stage.TRANSCRIPTION, Stage.REDACTION}:
        wanted |= {Stage.TRANSCRIPTION, Stage.REDACTION}
    return ordered(list(wanted))


class StageStatus(StrEnum):
    NOT_STARTED = "not_started"
    WAITING = "waiting"  # for an earlier stage of the same run
    QUEUED = "queued"
    RUNNING = "running"
    RETRYING = "retrying"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    SKIPPED = "skipped"  # not part of the current run


ACTIVE_STAGE_STATUSES = frozenset({StageStatus.QUEUED, StageStatus.RUNNING, StageStatus.RETRYING})


class StageState(BaseModel):
    status: StageStatus = StageStatus.NOT_STARTED
    queued_at: datetime | None = None
    started_at: datetime | None = None
    completed_at: datetime | None = None
    attempts: int = 0
    last_error_code: str | None = None
    # The due time of the one deadline row that guards this stage while it is active (written before this state).
    deadline_at: datetime | None = None
    requeues: int = 0  # messages the sweeper sent again because the stage sat queued or went quiet

    @property
    def active(self) -> bool:
        return self.status in ACTIVE_STAGE_STATUSES

    @property
    def last_activity(self) -> datetime | None:
        return self.started_at or self.queued_at


class StageMessage(WireModel):
    """The message of every stage queue: which record, which run, which stage. Sent and read through this."""

    tenant_id: str
    audio_file_id: str
    run_id: str
    stage: Stage
