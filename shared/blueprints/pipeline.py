"""Queue-triggered pipeline stages (one function per stage and one per its poison queue), and the sweeper."""

from __future__ import annotations

import logging
from collections.abc import Callable

import azure.functions as func

from shared.ai.factory import get_evaluation_engine, get_transcription_engine
from shared.clock import utcnow
from shared.dependencies import Dependencies, get_dependencies
from shared.pipeline.model import Stage
from shared.pipeline.run import RunTimes
from shared.pipeline.stages import (
    Engines,
    StageHandler,
    StageOutputs,
    StageRunner,
    build_handlers,
    fail_from_poison,
    parse_message,
)
from shared.pipeline.sweeper import sweep_deadlines
from shared.scorecards.service import ScorecardChooser

logger = logging.getLogger(__name__)
bp = func.Blueprint()
ENGINES = Engines(transcription=get_transcription_engine, evaluation=get_evaluation_engine)
CONNECTION = "AzureWebJobsStorage"


def _times(deps: Dependencies) -> RunTimes:
    return RunTimes.of(deps.settings.stage_deadline_minutes)


def _handlers(deps: Dependencies) -> dict[Stage, StageHandler]:
    return build_handlers(deps.blobs, ENGINES, ScorecardChooser(deps.scorecards, deps.blobs))


def _outputs(deps: Dependencies) -> StageOutputs:
    return StageOutputs(deps.blobs, _handlers(deps))


def _runner(deps: Dependencies) -> StageRunner:
    return StageRunner(
        records=deps.audio_files, deadlines=deps.deadlines, queues=deps.queues, blobs=deps.blobs,
        handlers=_handlers(deps), times=_times(deps),
    )  # fmt: skip


def _stage_function(stage: Stage) -> Callable[[func.QueueMessage], None]:
    def run(msg: func.QueueMessage) -> None:
        message = parse_message(msg.get_body())
        if message.stage != stage:
            raise ValueError(f"A {message.stage} message in the {stage} queue")
        outcome = _runner(get_dependencies()).run(message, msg.dequeue_count or 1)
        logger.info("%s stage of %s: %s (attempt %s)", stage, message.audio_file_id, outcome, msg.dequeue_count)

    return run


def _poison_function(stage: Stage) -> Callable[[func.QueueMessage], None]:
    def fail(msg: func.QueueMessage) -> None:
        deps = get_dependencies()
        fail_from_poison(records=deps.audio_files, deadlines=deps.deadlines, queues=deps.queues,
                         outputs=_outputs(deps), body=msg.get_body(), stage=stage)  # fmt: skip

    return fail


# One trigger per stage queue and per its poison queue, so a new Stage member gets both.
for _stage in Stage:
    bp.function_name(f"{_stage.value}_stage")(
        bp.queue_trigger(arg_name="msg", queue_name=_stage.queue, connection=CONNECTION)(_stage_function(_stage))
    )
    bp.function_name(f"{_stage.value}_poison")(
        bp.queue_trigger(arg_name="msg", queue_name=_stage.poison_queue, connection=CONNECTION)(
            _poison_function(_stage)
        )
    )


# Every 5 minutes: a queued stage's first deadline is 5 minutes, and an idle app then wakes ~8,600 times a month.
@bp.timer_trigger(arg_name="timer", schedule="0 */5 * * * *", run_on_startup=False)
def deadline_sweeper(timer: func.TimerRequest) -> None:
    deps = get_dependencies()
    now = utcnow()
    report = sweep_deadlines(records=deps.audio_files, deadlines=deps.deadlines, queues=deps.queues,
                             outputs=_outputs(deps), due=deps.deadlines.due(now), times=_times(deps),
                             now=now)  # fmt: skip
    if report.examined:
        logger.info("Deadlines: %d due, %d failed, %d sent again", report.examined, len(report.failed),
                    len(report.requeued))  # fmt: skip
