"""Errors every engine raises, so the pipeline can tell a retry from a final failure."""

from __future__ import annotations


class EngineError(Exception):
    """An engine could not finish.

    ``code`` is stable and machine-readable (it reaches clients in ``error.code``); ``message`` is safe to
    show a client (no secrets, no transcript text); ``retryable`` says whether another attempt may succeed
    (throttling, 5xx, timeouts) or not (unsupported audio, rejected request).
    """

    def __init__(self, code: str, message: str, *, retryable: bool, retry_after_s: float | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.retryable = retryable
        self.retry_after_s = retry_after_s
