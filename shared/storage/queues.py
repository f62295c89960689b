"""Queue Storage: one queue per pipeline stage, messages base64-encoded as the Functions trigger reads them."""

from __future__ import annotations

import json
from typing import Any

from azure.storage.queue import QueueClient, TextBase64EncodePolicy

from shared.storage.clients import StorageClients

TRANSCRIPTION_QUEUE = "transcription"
REDACTION_QUEUE = "redaction"
EVALUATION_QUEUE = "evaluation"
WEBHOOKS_QUEUE = "webhooks"
BACKTESTS_QUEUE = "backtests"
QUEUES = (TRANSCRIPTION_QUEUE, REDACTION_QUEUE, EVALUATION_QUEUE, WEBHOOKS_QUEUE, BACKTESTS_QUEUE)


class QueueSender:
    def __init__(self, clients: StorageClients):
        self._service = clients.queue
        self._queues: dict[str, QueueClient] = {
            name: self._service.get_queue_client(name, message_encode_policy=TextBase64EncodePolicy())
            for name in QUEUES
        }

    def send(self, queue: str, message: dict[str, Any], *, visibility_timeout: int | None = None) -> None:
        self._queues[queue].send_message(
            json.dumps(message, separators=(",", ":")), visibility_timeout=visibility_timeout
        )
