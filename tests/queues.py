"""Reading the session's shared queues: every test's messages land in the same few queues, so a test looks
through all the visible messages, page by page, and takes only its own."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from shared.dependencies import Dependencies

PAGE = 32  # the most one receive returns


@dataclass(frozen=True)
class TakenMessage:
    text: str  # the JSON text, as a queue handler is given it
    body: dict[str, Any]
    dequeue_count: int


def _decode(content: str) -> tuple[str, dict[str, Any]] | None:
    try:
        text = base64.b64decode(content, validate=True).decode()
        body = json.loads(text)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return (text, body) if isinstance(body, dict) else None


def take_messages(
    deps: Dependencies,
    queue_name: str,
    matches: Callable[[dict[str, Any]], bool],
    *,
    visibility_timeout: int = 2,
    max_pages: int = 50,
) -> list[TakenMessage]:
    """Receive the visible messages of ``queue_name``, delete and return those ``matches`` accepts.

    The others stay invisible for ``visibility_timeout`` seconds, which is what lets the next page go past
    them, and then reappear for their own tests. Oldest first, as the queue hands them out.
    """
    client = deps.storage.queue.get_queue_client(queue_name)
    taken: list[TakenMessage] = []
    for _ in range(max_pages):
        page = list(client.receive_messages(max_messages=PAGE, visibility_timeout=visibility_timeout))
        for message in page:
            decoded = _decode(message.content)
            if decoded is not None and matches(decoded[1]):
                taken.append(TakenMessage(decoded[0], decoded[1], message.dequeue_count or 1))
                client.delete_message(message)
        if len(page) < PAGE:
            break
    return taken


def queue_length(deps: Dependencies, name: str) -> int:
    """Messages in the queue, invisible ones (being handled, or retries not yet due) included."""
    properties = deps.storage.queue.get_queue_client(name).get_queue_properties()
    return int(properties.approximate_message_count or 0)
