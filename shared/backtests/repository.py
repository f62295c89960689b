"""Backtest jobs in Table Storage: every status and progress change an ETag compare-and-swap."""

from __future__ import annotations

from collections.abc import Callable

from azure.core import MatchConditions
from azure.core.exceptions import ResourceModifiedError, ResourceNotFoundError
from azure.data.tables import TableClient, UpdateMode

from shared.backtests.records import BacktestJob, from_entity, to_entity
from shared.errors import ConcurrencyConflict
from shared.storage.errors import raise_if_resource_missing
from shared.storage.tables import compare_and_swap


class BacktestRepository:
    def __init__(self, table: TableClient):
        self._table = table

    def create(self, job: BacktestJob) -> BacktestJob:
        metadata = self._table.create_entity(to_entity(job))
        return job.model_copy(update={"etag": metadata.get("etag")})

    def get(self, tenant_id: str, job_id: str) -> BacktestJob | None:
        try:
            return from_entity(self._table.get_entity(tenant_id, job_id))
        except ResourceNotFoundError as error:
            raise_if_resource_missing(error)
            return None

    def save(self, job: BacktestJob) -> BacktestJob:
        if not job.etag:
            raise ValueError("save() needs a job read from the table (with its ETag)")
        try:
            metadata = self._table.update_entity(
                to_entity(job), mode=UpdateMode.REPLACE, etag=job.etag, match_condition=MatchConditions.IfNotModified
            )
        except (ResourceModifiedError, ResourceNotFoundError) as error:
            raise ConcurrencyConflict(job.id) from error
        return job.model_copy(update={"etag": metadata.get("etag")})

    def mutate(
        self, tenant_id: str, job_id: str, change: Callable[[BacktestJob], BacktestJob | None]
    ) -> BacktestJob | None:
        return compare_and_swap(lambda: self.get(tenant_id, job_id), self.save, change, job_id)
