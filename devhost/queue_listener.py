"""Queue triggers with the Storage Queues extension's rules.

- Messages are received raw and base64-decoded here (host.json messageEncoding); a message that is not valid
  base64 goes straight to ``<queue>-poison`` without an invocation, as extension 5.x does.
- While a handler runs the message stays invisible under a lease (``DEVHOST_QUEUE_LEASE_SECONDS``, default 60,
  renewed at half), so the messages of a host that dies come back soon.
- Success deletes the message. Failure makes it visible again after host.json visibilityTimeout, or,
  once ``dequeue_count >= maxDequeueCount``, copies the original text to ``<queue>-poison`` and deletes it.
  A message received with ``dequeue_count > maxDequeueCount`` goes to poison without an invocation.
- A new batch of ``batchSize`` is fetched when no more than ``newBatchThreshold`` messages are in flight;
  empty polls back off exponentially from 100 ms up to maxPollingInterval.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import functools
import logging
import os
import re
import threading
from typing import Any

import azure.functions as func
from azure.core.exceptions import ResourceExistsError, ResourceNotFoundError
from azure.storage.queue import QueueClient, QueueMessage

from devhost.concurrency import InFlight, Renewer, start_daemon
from devhost.functions import FunctionSpec
from devhost.invoker import Invoker
from devhost.settings import (
    HostStartupError,
    QueueOptions,
    connection_string_for,
    resolve_app_setting_references,
)

logger = logging.getLogger(__name__)

LEASE_SECONDS_SETTING = "DEVHOST_QUEUE_LEASE_SECONDS"
DEFAULT_LEASE_SECONDS = 60
_MIN_POLLING_INTERVAL = 0.1
_QUEUE_NAME = re.compile(r"^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")
_BASE64_WHITESPACE = str.maketrans("", "", " \t\r\n")


class InvalidBase64Message(ValueError):
    pass


def decode_base64_message(text: str) -> bytes:
    """Decode like .NET's Convert.FromBase64String: whitespace ignored, padding required."""
    try:
        return base64.b64decode(text.translate(_BASE64_WHITESPACE), validate=True)
    except (binascii.Error, ValueError) as error:
        raise InvalidBase64Message(str(error)) from error


def queue_lease_seconds() -> int:
    return max(1, int(float(os.environ.get(LEASE_SECONDS_SETTING, DEFAULT_LEASE_SECONDS))))


class QueueListener:
    def __init__(
        self,
        spec: FunctionSpec,
        invoker: Invoker,
        options: QueueOptions,
        *,
        stopping: threading.Event,
        abandoned: threading.Event,
    ) -> None:
        self.spec = spec
        self.queue_name = resolve_app_setting_references(spec.trigger.queue_name).lower()
        if not _QUEUE_NAME.match(self.queue_name):
            raise HostStartupError(f"Function {spec.name}: {self.queue_name!r} is not a valid queue name.")
        connection = connection_string_for(spec.trigger.connection)
        # No message encode/decode policy: raw text in and out (the SDK's base64 policy crashes on bad input).
        self._queue = QueueClient.from_connection_string(connection, self.queue_name)
        self._poison_queue = QueueClient.from_connection_string(connection, f"{self.queue_name}-poison")
        self._options = options
        self._invoker = invoker
        self._stopping = stopping
        self._abandoned = abandoned
        self._lease_seconds = queue_lease_seconds()
        self.active = InFlight()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        create_queue_if_missing(self._queue)
        self._thread = start_daemon(f"devhost-queue-poll-{self.queue_name}", self._poll)

    def join(self, timeout: float) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _poll(self) -> None:
        batch_size = self._options.batch_size
        threshold = self._options.effective_new_batch_threshold
        delay = _MIN_POLLING_INTERVAL
        while not self._stopping.is_set():
            if not self.active.wait_below(threshold + 1, timeout=0.2):
                continue
            try:
                messages = list(
                    self._queue.receive_messages(
                        messages_per_page=batch_size,
                        max_messages=batch_size,
                        visibility_timeout=self._lease_seconds,
                    )
                )
            except Exception as error:
                logger.warning("Polling queue %s failed (%s); retrying.", self.queue_name, type(error).__name__)
                messages = []
            if not messages:
                self._stopping.wait(delay)
                delay = min(delay * 2, self._options.max_polling_interval)
                continue
            delay = _MIN_POLLING_INTERVAL
            for message in messages:
                self.active.enter()
                start_daemon(f"devhost-queue-{self.queue_name}", functools.partial(self._process, message))

    def _process(self, message: QueueMessage) -> None:
        try:
            self._process_message(message)
        except Exception:
            logger.exception("Local host failure handling a message of queue %s.", self.queue_name)
        finally:
            self.active.leave()

    def _process_message(self, message: QueueMessage) -> None:
        max_dequeue_count = self._options.max_dequeue_count
        text = message.content if isinstance(message.content, str) else str(message.content or "")
        if message.dequeue_count is not None and message.dequeue_count > max_dequeue_count:
            self._move_to_poison(message, message.pop_receipt, text)
            return
        if self._options.message_encoding == "base64":
            try:
                body = decode_base64_message(text)
            except InvalidBase64Message:
                logger.error(
                    "Message %s on queue %s is not valid base64 (host.json messageEncoding is base64).",
                    message.id,
                    self.queue_name,
                )
                self._move_to_poison(message, message.pop_receipt, text)
                return
        else:
            body = text.encode("utf-8")

        lease = _MessageLease(self._queue, message, self._lease_seconds, self._abandoned)
        trigger_value = func.queue.QueueMessage(
            id=message.id,
            body=body,
            dequeue_count=message.dequeue_count,
            expiration_time=message.expires_on,
            insertion_time=message.inserted_on,
            time_next_visible=message.next_visible_on,
            pop_receipt=message.pop_receipt,
        )
        with Renewer(f"devhost-queue-lease-{message.id}", self._lease_seconds / 2, lease.renew):
            succeeded = self._invoker.try_invoke(
                self.spec,
                trigger_value,
                trigger_detail=f" queue={self.queue_name} dequeue_count={message.dequeue_count}",
            )
        if self._abandoned.is_set():
            logger.warning("Message %s finished after the host stopped: left for its lease to expire.", message.id)
            return
        if succeeded:
            _delete(self._queue, message.id, lease.pop_receipt)
        elif (message.dequeue_count or 0) >= max_dequeue_count:
            self._move_to_poison(message, lease.pop_receipt, text)
        else:
            try:
                self._queue.update_message(
                    message.id,
                    pop_receipt=lease.pop_receipt,
                    visibility_timeout=round(self._options.visibility_timeout),
                )
            except ResourceNotFoundError:
                logger.warning("Message %s could not be released: its lease was lost.", message.id)

    def _move_to_poison(self, message: QueueMessage, pop_receipt: str | None, text: str) -> None:
        logger.warning(
            "Message %s reached MaxDequeueCount of %d or cannot be decoded: moving it to queue '%s-poison'.",
            message.id,
            self._options.max_dequeue_count,
            self.queue_name,
        )
        send_creating_queue(self._poison_queue, text)
        _delete(self._queue, message.id, pop_receipt)


class _MessageLease:
    """Keeps a message invisible while its handler runs; tracks the pop receipt each renewal returns."""

    def __init__(self, queue: QueueClient, message: QueueMessage, seconds: int, abandoned: threading.Event):
        self._queue = queue
        self._message_id = message.id
        self._seconds = seconds
        self._abandoned = abandoned
        self.pop_receipt: str | None = message.pop_receipt

    def renew(self) -> None:
        if self._abandoned.is_set():  # a stopped host behaves as a dead one: the lease runs out
            return
        updated: Any = self._queue.update_message(
            self._message_id, pop_receipt=self.pop_receipt, visibility_timeout=self._seconds
        )
        self.pop_receipt = updated.pop_receipt


def create_queue_if_missing(queue: QueueClient) -> None:
    with contextlib.suppress(ResourceExistsError):
        queue.create_queue()


def send_creating_queue(queue: QueueClient, text: str) -> None:
    """Send to a queue created on first use, as the host creates poison queues: one request unless it is
    missing, and a queue deleted while the host runs is created again."""
    try:
        queue.send_message(text)
    except ResourceNotFoundError:
        create_queue_if_missing(queue)
        queue.send_message(text)


def _delete(queue: QueueClient, message_id: str, pop_receipt: str | None) -> None:
    try:
        queue.delete_message(message_id, pop_receipt=pop_receipt)
    except ResourceNotFoundError:
        logger.warning("Message %s was already gone or its lease was lost before deletion.", message_id)
