"""Paging over Table Storage range reads: a page costs the rows it shows plus one, and a continuation token
carries the RowKey to resume after, so page N costs what page 1 costs."""

from __future__ import annotations

import base64
import binascii
import itertools
import json
from collections.abc import Iterable
from typing import Any

from shared.errors import BadRequest


def first_rows(entities: Iterable[Any], count: int) -> list[Any]:
    """At most ``count`` entities of a query, without fetching the service pages past them."""
    return list(itertools.islice(entities, count))


def encode_continuation(row_key: str, page: int, filters_fingerprint: str) -> str:
    raw = json.dumps({"k": row_key, "p": page, "f": filters_fingerprint}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_continuation(token: str, filters_fingerprint: str) -> tuple[str, int]:
    """The RowKey after which the next page starts, and that page's number."""
    try:
        padded = token + "=" * (-len(token) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
        row_key, page, fingerprint = data["k"], data["p"], data["f"]
    except (ValueError, KeyError, TypeError, binascii.Error) as error:
        raise BadRequest("The continuation token is not valid.", code="invalid_continuation_token") from error
    if not isinstance(row_key, str) or not isinstance(page, int):
        raise BadRequest("The continuation token is not valid.", code="invalid_continuation_token")
    if fingerprint != filters_fingerprint:
        raise BadRequest(
            "The continuation token was issued for other filters; repeat the query's filters unchanged.",
            code="invalid_continuation_token",
        )
    return row_key, page
