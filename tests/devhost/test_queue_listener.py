"""Queue triggers through the local host against Azurite: success, retries, poison, encoding, crash recovery."""

from __future__ import annotations

import base64
import json
import time
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from azure.storage.queue import QueueClient

from devhost import FunctionHost
from devhost.queue_listener import InvalidBase64Message, decode_base64_message
from tests.devhost import sample_app
from tests.waiting import wait_for

pytestmark = pytest.mark.integration


def _queue(names: dict[str, str], suffix: str = "") -> QueueClient:
    return QueueClient.from_connection_string(names["AzureWebJobsStorage"], names["SAMPLE_QUEUE"] + suffix)


def _send(names: dict[str, str], **document: Any) -> str:
    """Send as producers must: base64 of the JSON text. Returns the message key."""
    key = document.setdefault("key", uuid.uuid4().hex)
    queue = _queue(names)
    queue.send_message(base64.b64encode(json.dumps(document).encode()).decode())
    return str(key)


def _poison_texts(names: dict[str, str]) -> list[str]:
    poison = _queue(names, "-poison")
    try:
        return [message.content for message in poison.peek_messages(max_messages=32)]
    except Exception:
        return []


def _queue_length(names: dict[str, str]) -> int:
    return int(_queue(names).get_queue_properties().approximate_message_count or 0)


def test_base64_decoding_follows_dotnet_rules() -> None:
    assert decode_base64_message("aGVs\nbG8=") == b"hello"  # whitespace ignored
    assert decode_base64_message("") == b""
    for invalid in ("not base64!", "aGVsbG8", "{}"):
        with pytest.raises(InvalidBase64Message):
            decode_base64_message(invalid)


def test_a_message_is_processed_once_and_deleted(
    start_host: Callable[..., FunctionHost], names: dict[str, str]
) -> None:
    start_host(["process_message"])  # creates the queue
    key = _send(names, behaviour="ok")
    calls = wait_for(lambda: sample_app.recorded(key))
    assert calls[0]["dequeue_count"] == 1
    assert calls[0]["insertion_time"] is not None
    wait_for(lambda: _queue_length(names) == 0)
    time.sleep(1.5)  # longer than visibilityTimeout: a message not deleted would come back
    assert len(sample_app.recorded(key)) == 1
    assert _poison_texts(names) == []


def test_a_failing_message_is_retried_then_poisoned_after_exactly_max_dequeue_count(
    start_host: Callable[..., FunctionHost], names: dict[str, str]
) -> None:
    _queue(names).create_queue()
    key = _send(names, behaviour="fail")
    # Peeked before any host runs: once one does, the message may be invisible (held) at any moment.
    original_text = _queue(names).peek_messages()[0].content
    start_host(["process_message"])
    poisoned = wait_for(lambda: _poison_texts(names), timeout=30)
    assert poisoned == [original_text]  # the original text, still base64
    assert [call["dequeue_count"] for call in sample_app.recorded(key)] == [1, 2, 3, 4, 5]
    # The poison copy is written before the original is deleted, so the delete may still be in flight.
    assert wait_for(lambda: _queue_length(names) == 0)
    time.sleep(1.5)
    assert len(sample_app.recorded(key)) == 5


def test_a_message_that_succeeds_on_a_retry_is_not_poisoned(
    start_host: Callable[..., FunctionHost], names: dict[str, str]
) -> None:
    start_host(["process_message"])
    key = _send(names, behaviour="fail_until", attempts=3)
    wait_for(lambda: len(sample_app.recorded(key)) == 3, timeout=20)
    wait_for(lambda: _queue_length(names) == 0)
    assert [call["dequeue_count"] for call in sample_app.recorded(key)] == [1, 2, 3]
    assert _poison_texts(names) == []


def test_a_message_that_is_not_base64_goes_to_poison_without_an_invocation(
    start_host: Callable[..., FunctionHost], names: dict[str, str]
) -> None:
    start_host(["process_message"])
    key = uuid.uuid4().hex
    raw = json.dumps({"key": key})  # sent without base64 encoding
    _queue(names).send_message(raw)
    assert wait_for(lambda: _poison_texts(names)) == [raw]
    assert wait_for(lambda: _queue_length(names) == 0)  # deleted just after the poison copy is written
    assert sample_app.recorded(key) == []


def test_a_message_already_over_max_dequeue_count_goes_straight_to_poison(
    start_host: Callable[..., FunctionHost], names: dict[str, str]
) -> None:
    queue = _queue(names)
    queue.create_queue()
    key = _send(names, behaviour="ok")
    for _ in range(5):  # five receives without deletion: dequeue_count is 6 at the host's receive
        (message,) = queue.receive_messages(visibility_timeout=1, max_messages=1)
        queue.update_message(message, pop_receipt=message.pop_receipt, visibility_timeout=0)
    start_host(["process_message"])
    wait_for(lambda: _poison_texts(names))
    assert sample_app.recorded(key) == []


def test_concurrency_is_bounded_by_batch_size_and_threshold(
    start_host: Callable[..., FunctionHost], names: dict[str, str]
) -> None:
    _queue(names).create_queue()
    keys = [_send(names, behaviour="hold") for _ in range(16)]  # all waiting before the host starts
    sample_app.concurrency.update(running=0, peak=0)
    start_host(["process_message"])
    wait_for(lambda: all(sample_app.recorded(key) for key in keys), timeout=20)
    wait_for(lambda: _queue_length(names) == 0)
    # batchSize 4 + newBatchThreshold 2: parallel (the first "hold" invocations wait until 4 run at once),
    # never more than 6 at once.
    assert 4 <= sample_app.concurrency["peak"] <= 6


def test_messages_of_a_host_that_stops_mid_invocation_come_back_after_the_lease(
    start_host: Callable[..., FunctionHost], names: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEVHOST_QUEUE_LEASE_SECONDS", "2")
    first = start_host(["process_message"])
    key = _send(names, behaviour="block_first")
    wait_for(lambda: sample_app.recorded(key))
    stopped_cleanly = first.stop(timeout=0.5)
    assert stopped_cleanly is False
    sample_app.release[key].set()  # the abandoned invocation ends now but must not delete the message
    time.sleep(0.3)
    assert _queue_length(names) == 1

    started = time.monotonic()
    start_host(["process_message"])
    calls = wait_for(lambda: len(sample_app.recorded(key)) == 2 and sample_app.recorded(key), timeout=45)
    assert [call["dequeue_count"] for call in calls] == [1, 2]
    assert time.monotonic() - started < 12  # back after the 2 s lease, not the default 60 s
    wait_for(lambda: _queue_length(names) == 0)
    assert _poison_texts(names) == []


def test_a_long_invocation_keeps_its_message_leased(
    start_host: Callable[..., FunctionHost], names: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEVHOST_QUEUE_LEASE_SECONDS", "4")
    start_host(["process_message"])
    key = _send(names, behaviour="block_first")
    wait_for(lambda: sample_app.recorded(key))
    time.sleep(9)  # over two lease periods: without renewal the message would be received again
    assert len(sample_app.recorded(key)) == 1
    sample_app.release[key].set()
    wait_for(lambda: _queue_length(names) == 0)
    assert len(sample_app.recorded(key)) == 1
