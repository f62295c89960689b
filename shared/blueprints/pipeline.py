"""Queue-triggered pipeline stages, their poison queues, and the deadline sweeper."""

from __future__ import annotations

import logging

import azure.functions as func

from shared.ai.factory import get_evaluation_engine, get_transcription_engine
from shared.clock import utcnow
from shared.dependencies import get_dependencies
from shared.pipeline.stages import Engines, fail_from_poison, parse_message, run_stage
from shared.pipeline.sweeper import sweep_deadlines

logger = logging.getLogger(__name__)
bp = func.Blueprint()
ENGINES = Engines(transcription=get_transcription_engine, evaluation=get_evaluation_engine)
CONNECTION = "AzureWebJobsStorage"


def _run(msg: func.QueueMessage) -> None:
    message = parse_message(msg.get_body())
    outcome = run_stage(get_dependencies(), ENGINES, message, msg.dequeue_count or 1)
    logger.info("%s stage of %s: %s (attempt %s)", message.stage, message.audio_file_id, outcome, msg.dequeue_count)


@bp.queue_trigger(arg_name="msg", queue_name="transcription", connection=CONNECTION)
def transcription_stage(msg: func.QueueMessage) -> None:
    _run(msg)


@bp.queue_trigger(arg_name="msg", queue_name="evaluation", connection=CONNECTION)
def evaluation_stage(msg: func.QueueMessage) -> None:
    _run(msg)


@bp.queue_trigger(arg_name="msg", queue_name="transcription-poison", connection=CONNECTION)
def transcription_poison(msg: func.QueueMessage) -> None:
    fail_from_poison(get_dependencies(), msg.get_body(), "transcription")


@bp.queue_trigger(arg_name="msg", queue_name="evaluation-poison", connection=CONNECTION)
def evaluation_poison(msg: func.QueueMessage) -> None:
    fail_from_poison(get_dependencies(), msg.get_body(), "evaluation")


# Every 5 minutes: deadlines are tens of minutes, and an idle app then wakes ~8,600 times a month.
@bp.timer_trigger(arg_name="timer", schedule="0 */5 * * * *", run_on_startup=False)
def deadline_sweeper(timer: func.TimerRequest) -> None:
    report = sweep_deadlines(get_dependencies(), utcnow())
    if report.examined:
        logger.info(
            "Deadlines: %d due, %d failed, %d rescheduled", report.examined, len(report.failed), report.rescheduled
        )
