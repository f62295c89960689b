"""Read-only access to scorecard versions, as the scorecards resource stores them.

Each version is a ``Scorecard`` document at ``scorecards/{tenant}/{scorecardId}/versions/{version}.json``
(the version a positive integer as text); the built-in cards ship with the app. Reviews and backtests only
read them, through these two functions.
"""

from __future__ import annotations

import re

from shared.ai.evaluation.scorecards import default_scorecard
from shared.models.analysis import Scorecard
from shared.scorecards import service as scorecards
from shared.storage.blobs import SCORECARDS_CONTAINER, BlobStore

# Scorecard ids as a path segment and a key part: no '/', '|' or other separators.
SCORECARD_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"
VERSION_PATTERN = r"^[1-9][0-9]{0,8}$"
BUILT_IN_IDS = frozenset(default_scorecard(call_type).id for call_type in ("human", "ai_agent"))


def valid_scorecard_id(scorecard_id: str) -> bool:
    return re.fullmatch(SCORECARD_ID_PATTERN, scorecard_id) is not None


def versions_prefix(tenant_id: str, scorecard_id: str) -> str:
    return f"{tenant_id}/{scorecard_id}/versions/"


def read_scorecard_version(blobs: BlobStore, tenant_id: str, scorecard_id: str, version: str) -> Scorecard | None:
    """The tenant's version of the scorecard (or a built-in card), or None when there is none."""
    return scorecards.read_scorecard_version(
        blobs=blobs, tenant_id=tenant_id, scorecard_id=scorecard_id, version=version
    )


def scorecard_exists(blobs: BlobStore, tenant_id: str, scorecard_id: str) -> bool:
    """A built-in card, or one with at least one version stored for this tenant."""
    if scorecard_id in BUILT_IN_IDS:
        return True
    return bool(blobs.list_names(SCORECARDS_CONTAINER, versions_prefix(tenant_id, scorecard_id)))
