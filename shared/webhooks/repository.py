"""Reads and writes of webhook subscriptions and deliveries in Table Storage (ETag compare-and-swap)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from azure.core.exceptions import ResourceExistsError, ResourceNotFoundError
from azure.data.tables import TableClient

from shared.storage.paging import first_rows
from shared.storage.tables import compare_and_swap, replace_if_unchanged
from shared.webhooks.records import (
    DeliveryRecord,
    SubscriptionRecord,
    delivery_from_entity,
    delivery_partition,
    delivery_row_key,
    delivery_to_entity,
    subscription_from_entity,
    subscription_to_entity,
)

_BATCH = 100  # Table Storage's limit of operations in one transaction


class SubscriptionRepository:
    def __init__(self, table: TableClient):
        self._table = table

    def create(self, record: SubscriptionRecord) -> SubscriptionRecord:
        metadata = self._table.create_entity(subscription_to_entity(record))
        return record.model_copy(update={"etag": metadata.get("etag")})

    def get(self, tenant_id: str, subscription_id: str) -> SubscriptionRecord | None:
        try:
            return subscription_from_entity(self._table.get_entity(tenant_id, subscription_id))
        except ResourceNotFoundError:
            return None

    def list(self, tenant_id: str) -> list[SubscriptionRecord]:
        """The tenant's subscriptions, oldest first (ids are ULIDs). Bounded by the per-tenant limit."""
        entities = self._table.query_entities("PartitionKey eq @tenant", parameters={"tenant": tenant_id})
        return [subscription_from_entity(entity) for entity in entities]

    def count(self, tenant_id: str) -> int:
        entities = self._table.query_entities(
            "PartitionKey eq @tenant", parameters={"tenant": tenant_id}, select=["RowKey"]
        )
        return sum(1 for _ in entities)

    def save(self, record: SubscriptionRecord) -> SubscriptionRecord:
        etag = replace_if_unchanged(self._table, subscription_to_entity(record), record.etag, record.id)
        return record.model_copy(update={"etag": etag})

    def mutate(
        self, tenant_id: str, subscription_id: str, change: Callable[[SubscriptionRecord], SubscriptionRecord | None]
    ) -> SubscriptionRecord | None:
        return compare_and_swap(lambda: self.get(tenant_id, subscription_id), self.save, change, subscription_id)

    def delete(self, tenant_id: str, subscription_id: str) -> None:
        self._table.delete_entity(tenant_id, subscription_id)


@dataclass(frozen=True)
class DeliveryPage:
    records: list[DeliveryRecord]
    next_row_key: str | None  # where the next page starts (exclusive); None on the last page


class DeliveryRepository:
    def __init__(self, table: TableClient):
        self._table = table

    def create(self, record: DeliveryRecord) -> DeliveryRecord | None:
        """Insert the delivery; None if one with the same id exists already (a repeated event)."""
        try:
            metadata = self._table.create_entity(delivery_to_entity(record))
        except ResourceExistsError:
            return None
        return record.model_copy(update={"etag": metadata.get("etag")})

    def get(self, tenant_id: str, subscription_id: str, delivery_id: str) -> DeliveryRecord | None:
        try:
            entity = self._table.get_entity(
                delivery_partition(tenant_id, subscription_id), delivery_row_key(delivery_id)
            )
        except ResourceNotFoundError:
            return None
        return delivery_from_entity(entity)

    def save(self, record: DeliveryRecord) -> DeliveryRecord:
        etag = replace_if_unchanged(self._table, delivery_to_entity(record), record.etag, record.id)
        return record.model_copy(update={"etag": etag})

    def mutate(
        self,
        tenant_id: str,
        subscription_id: str,
        delivery_id: str,
        change: Callable[[DeliveryRecord], DeliveryRecord | None],
    ) -> DeliveryRecord | None:
        return compare_and_swap(
            lambda: self.get(tenant_id, subscription_id, delivery_id), self.save, change, delivery_id
        )

    def list(
        self, tenant_id: str, subscription_id: str, *, limit: int, after_row_key: str | None = None
    ) -> DeliveryPage:
        """One page of a subscription's deliveries, newest first; reads ``limit + 1`` rows at most."""
        entities = self._table.query_entities(
            "PartitionKey eq @pk and RowKey gt @after",  # every RowKey is greater than ""
            parameters={"pk": delivery_partition(tenant_id, subscription_id), "after": after_row_key or ""},
            results_per_page=limit + 1,
        )
        rows = first_rows(entities, limit + 1)
        page = rows[:limit]
        has_more = len(rows) > limit
        return DeliveryPage(
            records=[delivery_from_entity(row) for row in page],
            next_row_key=page[-1]["RowKey"] if has_more and page else None,
        )

    def delete_all(self, tenant_id: str, subscription_id: str) -> int:
        """Delete a subscription's whole delivery log, in transactions of up to 100 rows."""
        partition = delivery_partition(tenant_id, subscription_id)
        keys = [
            entity["RowKey"]
            for entity in self._table.query_entities(
                "PartitionKey eq @pk", parameters={"pk": partition}, select=["RowKey"]
            )
        ]
        for start in range(0, len(keys), _BATCH):
            operations: list[Any] = [
                ("delete", {"PartitionKey": partition, "RowKey": key}) for key in keys[start : start + _BATCH]
            ]
            self._table.submit_transaction(operations)
        return len(keys)
