"""Storage SDK errors that mean something other than their class says."""

from __future__ import annotations

from azure.core.exceptions import HttpResponseError

_MISSING_RESOURCE_CODES = ("TableNotFound", "ContainerNotFound", "QueueNotFound")


def is_missing_resource(error: BaseException) -> bool:
    """Whether storage refused a call because a table, container or queue does not exist (not an entity or blob)."""
    if not isinstance(error, HttpResponseError) or error.status_code != 404:
        return False
    code = getattr(error, "error_code", None)
    if code is not None:
        return getattr(code, "value", code) in _MISSING_RESOURCE_CODES
    # Some table calls (create_entity) leave error_code unset; the code is still in the body.
    return any(name in str(error.message) for name in _MISSING_RESOURCE_CODES)


def raise_if_resource_missing(error: HttpResponseError) -> None:
    """For ``except ResourceNotFoundError`` that means "no such item": a missing table or container is not that."""
    if is_missing_resource(error):
        raise error
