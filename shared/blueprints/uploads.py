"""The blob trigger that notices an upload has arrived and validates it."""

from __future__ import annotations

import logging

import azure.functions as func

from shared.audio_files.uploads import register_upload
from shared.config import blob_trigger_source_from_environment
from shared.dependencies import get_dependencies

logger = logging.getLogger(__name__)
bp = func.Blueprint()


@bp.blob_trigger(
    arg_name="blob",
    path="audio/{name}",
    connection="AzureWebJobsStorage",
    source=func.BlobSource(blob_trigger_source_from_environment()),
)
def upload_arrived(blob: func.InputStream) -> None:
    outcome = register_upload(get_dependencies(), blob.name or "", blob.read())
    logger.info("Upload %s -> %s %s", outcome.audio_file_id, outcome.status, outcome.code or "")
