"""The blob trigger that notices an upload has arrived and validates it."""

from __future__ import annotations

import logging

import azure.functions as func
import azurefunctions.extensions.bindings.blob as blob_types

from shared.audio_files.uploads import register_upload
from shared.config import blob_trigger_source_from_environment
from shared.dependencies import get_dependencies

logger = logging.getLogger(__name__)
bp = func.Blueprint()


@bp.blob_trigger(
    arg_name="client",
    path="audio/{name}",
    connection="AzureWebJobsStorage",
    source=func.BlobSource(blob_trigger_source_from_environment()),
)
def upload_arrived(client: blob_types.BlobClient) -> None:
    # An SDK-type binding: the host hands over a client, not the blob's bytes, so an upload of any size costs
    # nothing until its properties have been checked.
    outcome = register_upload(get_dependencies(), f"{client.container_name}/{client.blob_name}")
    logger.info("Upload %s -> %s %s", outcome.audio_file_id, outcome.status, outcome.code or "")
