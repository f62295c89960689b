"""What the scorecards API does, and which card an evaluation uses.

Versions are numbered from 1. A draft may be replaced; a published version never changes (publishing rewrites
the card it read, so an edit that raced with it cannot survive). Only published versions can be assigned or
named by a run. Which card evaluates a call: the version the run names, else the one assigned to the call's
campaign for its call type, else the tenant's default for the call type, else the built-in card.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from ulid import ULID

from shared.ai.errors import EngineError
from shared.ai.evaluation.scorecards import built_in_scorecard, default_scorecard
from shared.clock import utcnow
from shared.errors import BadRequest, ConcurrencyConflict, Conflict, NotFound
from shared.models.analysis import CallType, Scorecard
from shared.scorecards.model import (
    AssignmentBody,
    AssignmentListBody,
    AssignRequest,
    ScorecardBody,
    ScorecardDraft,
    ScorecardListBody,
    ScorecardPin,
    VersionBody,
    VersionStatus,
    VersionSummary,
)
from shared.scorecards.store import (
    MAX_SCORECARDS,
    MAX_VERSIONS,
    AssignmentRecord,
    ScorecardRecord,
    ScorecardRepository,
    VersionEntry,
    read_card,
    version_blob_name,
)
from shared.storage.blobs import SCORECARDS_CONTAINER, BlobStore

logger = logging.getLogger(__name__)

CALL_TYPES: tuple[CallType, ...] = ("human", "ai_agent")
BUILT_IN_IDS: dict[str, CallType] = {default_scorecard(call_type).id: call_type for call_type in CALL_TYPES}
_NEW_VERSION_ATTEMPTS = 5


def _not_found(scorecard_id: str) -> NotFound:
    return NotFound(f"No scorecard {scorecard_id}.", code="scorecard_not_found")


def _version_not_found(scorecard_id: str, version: int | str) -> NotFound:
    return NotFound(f"Scorecard {scorecard_id} has no version {version}.", code="scorecard_version_not_found")


def _summary(entry: VersionEntry) -> VersionSummary:
    return VersionSummary(**entry.model_dump())


def scorecard_body(record: ScorecardRecord) -> ScorecardBody:
    return ScorecardBody(
        id=record.id, name=record.name, call_type=record.call_type, created_at=record.created_at,
        updated_at=record.updated_at, latest_version=record.latest_version,
        published_version=record.published_version, versions=[_summary(entry) for entry in record.versions],
    )  # fmt: skip


def _get(repository: ScorecardRepository, tenant_id: str, scorecard_id: str) -> ScorecardRecord:
    record = repository.get(tenant_id, scorecard_id)
    if record is None:
        raise _not_found(scorecard_id)
    return record


def _entry(record: ScorecardRecord, version: int) -> VersionEntry:
    entry = record.entry(version)
    if entry is None:
        raise _version_not_found(record.id, version)
    return entry


# --- scorecards and versions ---------------------------------------------------------------------------


def create_scorecard(
    *, repository: ScorecardRepository, blobs: BlobStore, tenant_id: str, draft: ScorecardDraft
) -> ScorecardBody:
    """A new scorecard whose version 1 is ``draft``, still a draft."""
    if repository.count(tenant_id) >= MAX_SCORECARDS:
        raise Conflict(f"A tenant has at most {MAX_SCORECARDS} scorecards.", code="scorecard_limit_reached")
    now = utcnow()
    scorecard_id = f"sc_{ULID()}"
    # The card first: a row never lists a version whose card is not there.
    blobs.write_json_if(SCORECARDS_CONTAINER, version_blob_name(tenant_id, scorecard_id, 1),
                        draft.to_scorecard(scorecard_id, 1).to_wire(), etag=None)  # fmt: skip
    record = ScorecardRecord(
        tenant_id=tenant_id, id=scorecard_id, name=draft.name, call_type=draft.call_type, created_at=now,
        updated_at=now, versions=[VersionEntry(version=1, created_at=now, updated_at=now)],
    )  # fmt: skip
    logger.info("Scorecard %s created", scorecard_id)
    return scorecard_body(repository.create(record))


def list_scorecards(*, repository: ScorecardRepository, tenant_id: str) -> ScorecardListBody:
    return ScorecardListBody(items=[scorecard_body(record) for record in repository.scorecards(tenant_id)])


def get_scorecard(*, repository: ScorecardRepository, tenant_id: str, scorecard_id: str) -> ScorecardBody:
    return scorecard_body(_get(repository, tenant_id, scorecard_id))


def _version_body(record: ScorecardRecord, entry: VersionEntry, card: Scorecard) -> VersionBody:
    return VersionBody(scorecard_id=record.id, card=card, **entry.model_dump())


def _check_call_type(record: ScorecardRecord, draft: ScorecardDraft) -> None:
    if draft.call_type != record.call_type:
        raise BadRequest(
            f"This scorecard is for {record.call_type} calls; a version cannot change that.",
            code="scorecard_call_type_changed",
        )


def add_version(
    *, repository: ScorecardRepository, blobs: BlobStore, tenant_id: str, scorecard_id: str, draft: ScorecardDraft
) -> VersionBody:
    """The next version, as a draft. Its card is written create-only before the row lists it, so two clients
    adding at once get two numbers; a number whose row write was lost stays unused."""
    untried = 1
    for _ in range(_NEW_VERSION_ATTEMPTS):
        record = _get(repository, tenant_id, scorecard_id)
        _check_call_type(record, draft)
        if len(record.versions) >= MAX_VERSIONS:
            raise Conflict(f"A scorecard has at most {MAX_VERSIONS} versions.", code="scorecard_version_limit_reached")
        version = max(record.latest_version + 1, untried)
        card = draft.to_scorecard(scorecard_id, version)
        try:
            blobs.write_json_if(SCORECARDS_CONTAINER, version_blob_name(tenant_id, scorecard_id, version),
                                card.to_wire(), etag=None)  # fmt: skip
        except ConcurrencyConflict:
            untried = version + 1  # taken (by a racing client, or a write whose row update was lost): the next one
            continue
        now = utcnow()
        entry = VersionEntry(version=version, created_at=now, updated_at=now)

        def listed(current: ScorecardRecord, entry: VersionEntry = entry) -> ScorecardRecord | None:
            if current.entry(entry.version) is not None:
                return None
            current.versions.append(entry)
            current.name, current.updated_at = draft.name, entry.created_at
            return current

        stored = repository.mutate(tenant_id, scorecard_id, listed)
        if stored is None:
            raise _not_found(scorecard_id)
        logger.info("Scorecard %s: version %s added", scorecard_id, version)
        return _version_body(stored, _entry(stored, version), card)
    raise Conflict("Other versions are being added right now; try again.", code="scorecard_busy")


def get_version(
    *, repository: ScorecardRepository, blobs: BlobStore, tenant_id: str, scorecard_id: str, version: int
) -> VersionBody:
    record = _get(repository, tenant_id, scorecard_id)
    entry = _entry(record, version)
    card = read_card(blobs, tenant_id, scorecard_id, version)
    if card is None:
        raise _version_not_found(scorecard_id, version)
    return _version_body(record, entry, card)


def _published_conflict(scorecard_id: str, version: int) -> Conflict:
    return Conflict(
        f"Version {version} of {scorecard_id} is published and cannot change; add a new version instead.",
        code="scorecard_version_published",
    )


def replace_draft(
    *,
    repository: ScorecardRepository,
    blobs: BlobStore,
    tenant_id: str,
    scorecard_id: str,
    version: int,
    draft: ScorecardDraft,
) -> VersionBody:
    """Replace a draft's card. The card's ETag is read before the row, and the write is conditional on it: a
    publish that began before this read rewrites the card, so this write fails; one that began after it finds
    the row already published, so this call is refused."""
    blob_name = version_blob_name(tenant_id, scorecard_id, version)
    tagged = blobs.read_json_tagged(SCORECARDS_CONTAINER, blob_name)
    record = _get(repository, tenant_id, scorecard_id)
    entry = _entry(record, version)
    if entry.status is VersionStatus.PUBLISHED:
        raise _published_conflict(scorecard_id, version)
    if tagged is None:
        raise _version_not_found(scorecard_id, version)
    _check_call_type(record, draft)
    card = draft.to_scorecard(scorecard_id, version)
    try:
        blobs.write_json_if(SCORECARDS_CONTAINER, blob_name, card.to_wire(), etag=tagged[1])
    except ConcurrencyConflict:
        raise Conflict("The version changed meanwhile (edited or published); read it again.",
                       code="scorecard_version_changed") from None  # fmt: skip

    def touched(current: ScorecardRecord) -> ScorecardRecord | None:
        found = current.entry(version)
        if found is None or found.status is VersionStatus.PUBLISHED:
            return None
        found.updated_at = current.updated_at = utcnow()
        current.name = draft.name
        return current

    stored = repository.mutate(tenant_id, scorecard_id, touched) or record
    return _version_body(stored, _entry(stored, version), card)


def publish_version(
    *, repository: ScorecardRepository, blobs: BlobStore, tenant_id: str, scorecard_id: str, version: int
) -> VersionBody:
    """Publish a version (again: the same answer). From then on it never changes."""
    blob_name = version_blob_name(tenant_id, scorecard_id, version)
    record = _get(repository, tenant_id, scorecard_id)
    entry = _entry(record, version)
    card = read_card(blobs, tenant_id, scorecard_id, version)
    if card is None:
        raise _version_not_found(scorecard_id, version)
    if entry.status is VersionStatus.PUBLISHED:
        return _version_body(record, entry, card)

    def published(current: ScorecardRecord) -> ScorecardRecord | None:
        found = current.entry(version)
        if found is None or found.status is VersionStatus.PUBLISHED:
            return None
        now = utcnow()
        found.status, found.published_at, found.updated_at, current.updated_at = VersionStatus.PUBLISHED, now, now, now
        return current

    stored = repository.mutate(tenant_id, scorecard_id, published)
    if stored is None:
        raise _not_found(scorecard_id)
    # Rewriting what was read here changes the card's ETag, so an edit that read the draft earlier cannot land.
    blobs.write_json(SCORECARDS_CONTAINER, blob_name, card.to_wire())
    logger.info("Scorecard %s: version %s published", scorecard_id, version)
    return _version_body(stored, _entry(stored, version), card)


# --- assignments -------------------------------------------------------------------------------------


def _published_card(
    repository: ScorecardRepository, blobs: BlobStore, tenant_id: str, scorecard_id: str, version: int
) -> tuple[ScorecardRecord, Scorecard]:
    record = _get(repository, tenant_id, scorecard_id)
    entry = _entry(record, version)
    if entry.status is not VersionStatus.PUBLISHED:
        raise Conflict(f"Version {version} of {scorecard_id} is a draft; publish it first.",
                       code="scorecard_version_not_published")  # fmt: skip
    card = read_card(blobs, tenant_id, scorecard_id, version)
    if card is None:
        raise _version_not_found(scorecard_id, version)
    return record, card


def _assignment_body(assignment: AssignmentRecord) -> AssignmentBody:
    return AssignmentBody(
        call_type=assignment.call_type, campaign_id=assignment.campaign_id, scorecard_id=assignment.scorecard_id,
        version=str(assignment.version), assigned_at=assignment.assigned_at,
    )  # fmt: skip


def _built_in_body(call_type: CallType) -> AssignmentBody:
    card = default_scorecard(call_type)
    return AssignmentBody(call_type=call_type, scorecard_id=card.id, version=card.version, built_in=True)


def assign(
    *, repository: ScorecardRepository, blobs: BlobStore, tenant_id: str, request: AssignRequest
) -> AssignmentBody:
    """Use a published version for a campaign's calls of its call type, or as the tenant's default for them."""
    record, _ = _published_card(repository, blobs, tenant_id, request.scorecard_id, request.version)
    assignment = AssignmentRecord(
        tenant_id=tenant_id, call_type=record.call_type, campaign_id=request.campaign_id,
        scorecard_id=record.id, version=request.version, assigned_at=utcnow(),
    )  # fmt: skip
    repository.assign(assignment)
    logger.info("Scorecard %s version %s assigned", record.id, request.version)
    return _assignment_body(assignment)


def list_assignments(*, repository: ScorecardRepository, tenant_id: str) -> AssignmentListBody:
    rows = repository.assignments(tenant_id)
    defaults = {row.call_type: _assignment_body(row) for row in rows if row.campaign_id is None}
    return AssignmentListBody(
        defaults=[defaults.get(call_type) or _built_in_body(call_type) for call_type in CALL_TYPES],
        campaigns=[_assignment_body(row) for row in rows if row.campaign_id is not None],
    )


def unassign(*, repository: ScorecardRepository, tenant_id: str, call_type: CallType, campaign_id: str | None) -> None:
    if not repository.unassign(tenant_id, call_type, campaign_id):
        raise NotFound("Nothing is assigned there.", code="scorecard_assignment_not_found")


# --- for other code: a stored card, the check of a run's pin, and the card a call is evaluated with -----


def read_scorecard_version(
    *, blobs: BlobStore, tenant_id: str, scorecard_id: str, version: int | str
) -> Scorecard | None:
    """A card as stored (draft or published), or a built-in card by its id and version; None if there is none."""
    if scorecard_id in BUILT_IN_IDS:
        return built_in_scorecard(BUILT_IN_IDS[scorecard_id], str(version))
    return read_card(blobs, tenant_id, scorecard_id, version)


def scorecard_exists(*, repository: ScorecardRepository, tenant_id: str, scorecard_id: str) -> bool:
    """A built-in card, or one of the tenant's own."""
    return scorecard_id in BUILT_IN_IDS or repository.get(tenant_id, scorecard_id) is not None


async def load_scorecard_version(
    *, blobs: BlobStore, tenant_id: str, scorecard_id: str, version: int | str
) -> Scorecard | None:
    """``read_scorecard_version`` for asyncio code (the storage client is synchronous: it runs in a thread)."""
    return await asyncio.to_thread(
        read_scorecard_version, blobs=blobs, tenant_id=tenant_id, scorecard_id=scorecard_id, version=version
    )


def require_runnable(*, repository: ScorecardRepository, blobs: BlobStore, tenant_id: str, pin: ScorecardPin) -> None:
    """A run may name a built-in card or a published version of the tenant's own."""
    if pin.id in BUILT_IN_IDS:
        if read_scorecard_version(blobs=blobs, tenant_id=tenant_id, scorecard_id=pin.id, version=pin.version) is None:
            raise _version_not_found(pin.id, pin.version)
        return
    if not pin.version.isdigit():
        raise _version_not_found(pin.id, pin.version)
    _published_card(repository, blobs, tenant_id, pin.id, int(pin.version))


@dataclass(frozen=True)
class ScorecardChooser:
    """The card an evaluation uses: the run's pin, else the campaign's, else the tenant's default, else built-in."""

    repository: ScorecardRepository
    blobs: BlobStore

    def choose(
        self, *, tenant_id: str, campaign_id: str | None, call_type: CallType, pinned: ScorecardPin | None
    ) -> Scorecard:
        if pinned is not None:
            return self._card(tenant_id, pinned.id, pinned.version)
        places = ([campaign_id] if campaign_id else []) + [None]
        for place in places:
            assignment = self.repository.assignment(tenant_id, call_type, place)
            if assignment is not None:
                return self._card(tenant_id, assignment.scorecard_id, assignment.version)
        return default_scorecard(call_type)

    def _card(self, tenant_id: str, scorecard_id: str, version: int | str) -> Scorecard:
        card = read_scorecard_version(blobs=self.blobs, tenant_id=tenant_id, scorecard_id=scorecard_id, version=version)
        if card is None:
            raise EngineError("scorecard_not_found", "The scorecard version to evaluate with is missing.",
                              retryable=False)  # fmt: skip
        return card
