"""Where scorecards live. Each version's card is a blob, ``scorecards/{tenant}/{scorecardId}/versions/{n}.json``
(the ``Scorecard`` model's JSON, ``id`` the scorecard's, ``version`` the number as text); the table ``Scorecards``
(PartitionKey = tenant) holds one row per scorecard (name, call type, each version's status) and one row per
assignment (RowKey ``~a|{callType}|{campaignId}``, empty campaign for the tenant's default), which sort after
the ``sc_`` ids.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from azure.core.exceptions import ResourceNotFoundError
from azure.data.tables import TableClient, UpdateMode
from pydantic import BaseModel, Field, ValidationError

from shared.models.analysis import CallType, Scorecard
from shared.scorecards.model import VersionStatus
from shared.storage.blobs import SCORECARDS_CONTAINER, BlobStore
from shared.storage.paging import first_rows
from shared.storage.tables import (
    compare_and_swap,
    from_properties,
    keyed_entity,
    keyed_record,
    replace_if_unchanged,
    to_properties,
)

ASSIGNMENT_PREFIX = "~a|"
_AFTER_ASSIGNMENTS = "~a}"  # '}' sorts right after '|'
MAX_SCORECARDS = 100  # per tenant: the list is one partition read of at most this many rows
MAX_VERSIONS = 100  # per scorecard: the row lists them all (well under a property's 32K characters)
MAX_LISTED_ASSIGNMENTS = 1_000  # campaigns are the client's: the list shows this many at most


def version_blob_name(tenant_id: str, scorecard_id: str, version: int | str) -> str:
    return f"{tenant_id}/{scorecard_id}/versions/{version}.json"


def read_card(blobs: BlobStore, tenant_id: str, scorecard_id: str, version: int | str) -> Scorecard | None:
    """A stored version's card, or None when there is none (or it is not a valid card)."""
    document = blobs.read_json(SCORECARDS_CONTAINER, version_blob_name(tenant_id, scorecard_id, version))
    if document is None:
        return None
    try:
        return Scorecard.model_validate(document)
    except ValidationError:
        return None


class VersionEntry(BaseModel):
    version: int
    status: VersionStatus = VersionStatus.DRAFT
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None = None


class ScorecardRecord(BaseModel):
    tenant_id: str
    id: str
    name: str
    call_type: CallType
    created_at: datetime
    updated_at: datetime
    versions: list[VersionEntry] = Field(default_factory=list)
    etag: str | None = Field(default=None, exclude=True)

    def entry(self, version: int) -> VersionEntry | None:
        return next((entry for entry in self.versions if entry.version == version), None)

    @property
    def latest_version(self) -> int:
        return max((entry.version for entry in self.versions), default=0)

    @property
    def published_version(self) -> int | None:
        published = [entry.version for entry in self.versions if entry.status is VersionStatus.PUBLISHED]
        return max(published, default=None)


class AssignmentRecord(BaseModel):
    tenant_id: str
    call_type: CallType
    campaign_id: str | None = None
    scorecard_id: str
    version: int
    assigned_at: datetime

    @property
    def row_key(self) -> str:
        return assignment_row_key(self.call_type, self.campaign_id)


def assignment_row_key(call_type: CallType, campaign_id: str | None) -> str:
    return f"{ASSIGNMENT_PREFIX}{call_type}|{campaign_id or ''}"


_JSON_FIELDS = {"versions"}


def _scorecard_entity(record: ScorecardRecord) -> dict[str, Any]:
    return keyed_entity(record, json_fields=_JSON_FIELDS)


def _scorecard_record(entity: dict[str, Any]) -> ScorecardRecord:
    return keyed_record(ScorecardRecord, entity, json_fields=_JSON_FIELDS)


def _assignment_record(entity: dict[str, Any]) -> AssignmentRecord:
    fields = from_properties(entity, leave_out={"PartitionKey", "RowKey", "etag"})
    fields.pop("etag", None)
    return AssignmentRecord.model_validate({**fields, "tenant_id": entity["PartitionKey"]})


class ScorecardRepository:
    """Scorecard and assignment rows of the ``Scorecards`` table (ETag compare-and-swap on scorecard rows)."""

    def __init__(self, table: TableClient):
        self._table = table

    def create(self, record: ScorecardRecord) -> ScorecardRecord:
        metadata = self._table.create_entity(_scorecard_entity(record))
        return record.model_copy(update={"etag": metadata.get("etag")})

    def get(self, tenant_id: str, scorecard_id: str) -> ScorecardRecord | None:
        try:
            return _scorecard_record(self._table.get_entity(tenant_id, scorecard_id))
        except ResourceNotFoundError:
            return None

    def scorecards(self, tenant_id: str) -> list[ScorecardRecord]:
        """The tenant's scorecards, oldest first (ids are ULIDs), at most MAX_SCORECARDS."""
        entities = self._table.query_entities(
            "PartitionKey eq @tenant and RowKey lt @end", parameters={"tenant": tenant_id, "end": "~"}
        )
        return [_scorecard_record(entity) for entity in entities]

    def count(self, tenant_id: str) -> int:
        entities = self._table.query_entities(
            "PartitionKey eq @tenant and RowKey lt @end",
            parameters={"tenant": tenant_id, "end": "~"},
            select=["RowKey"],
        )
        return sum(1 for _ in entities)

    def save(self, record: ScorecardRecord) -> ScorecardRecord:
        etag = replace_if_unchanged(self._table, _scorecard_entity(record), record.etag, record.id)
        return record.model_copy(update={"etag": etag})

    def mutate(
        self, tenant_id: str, scorecard_id: str, change: Callable[[ScorecardRecord], ScorecardRecord | None]
    ) -> ScorecardRecord | None:
        return compare_and_swap(lambda: self.get(tenant_id, scorecard_id), self.save, change, scorecard_id)

    # --- assignments ---------------------------------------------------------------------------------------

    def assign(self, assignment: AssignmentRecord) -> None:
        entity = {"PartitionKey": assignment.tenant_id, "RowKey": assignment.row_key}
        entity |= to_properties(assignment, exclude={"tenant_id"})
        self._table.upsert_entity(entity, mode=UpdateMode.REPLACE)

    def assignment(self, tenant_id: str, call_type: CallType, campaign_id: str | None) -> AssignmentRecord | None:
        try:
            return _assignment_record(self._table.get_entity(tenant_id, assignment_row_key(call_type, campaign_id)))
        except ResourceNotFoundError:
            return None

    def assignments(self, tenant_id: str) -> list[AssignmentRecord]:
        entities = self._table.query_entities(
            "PartitionKey eq @tenant and RowKey ge @start and RowKey lt @end",
            parameters={"tenant": tenant_id, "start": ASSIGNMENT_PREFIX, "end": _AFTER_ASSIGNMENTS},
        )
        return [_assignment_record(entity) for entity in first_rows(entities, MAX_LISTED_ASSIGNMENTS)]

    def unassign(self, tenant_id: str, call_type: CallType, campaign_id: str | None) -> bool:
        if self.assignment(tenant_id, call_type, campaign_id) is None:
            return False
        self._table.delete_entity(tenant_id, assignment_row_key(call_type, campaign_id))
        return True
