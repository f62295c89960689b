"""The tables, containers and queues the app needs, on Azurite: what is missing, and creating it again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from azure.core.exceptions import ResourceNotFoundError

from shared.dependencies import Dependencies
from shared.storage.errors import is_missing_resource
from shared.storage.resources import StorageResources

pytestmark = pytest.mark.integration


def test_nothing_is_missing_once_the_app_has_started(deps: Dependencies) -> None:
    assert deps.resources.creates_missing  # Azurite: an account key
    assert deps.resources.missing() == []


@pytest.fixture
def restored(deps: Dependencies) -> Iterator[Dependencies]:
    """The session's Azurite is whole again after the test, whatever it asserted."""
    yield deps
    deps.resources.create()


def test_a_deleted_table_container_and_queue_are_reported_then_restored(restored: Dependencies) -> None:
    deps = restored
    deps.storage.table.delete_table("WebhookDeliveries")
    deps.storage.blob.delete_container("scorecards")
    deps.storage.queue.delete_queue("webhooks-poison")
    assert deps.resources.missing() == ["table WebhookDeliveries", "container scorecards", "queue webhooks-poison"]

    with pytest.raises(ResourceNotFoundError) as raised:
        deps.storage.blob.get_blob_client("scorecards", "t/x.json").get_blob_properties()
    assert is_missing_resource(raised.value)
    in_azure = StorageResources(deps.storage, creates_missing=False)
    assert in_azure.restore_after(raised.value) is False  # Bicep's job there: only reported
    assert len(in_azure.missing()) == 3

    assert deps.resources.restore_after(raised.value) is True
    assert deps.resources.missing() == []


def test_an_absent_entity_or_blob_is_not_a_missing_resource(deps: Dependencies) -> None:
    with pytest.raises(ResourceNotFoundError) as entity:
        deps.storage.table.get_table_client("AudioFiles").get_entity("nobody", "nothing")
    with pytest.raises(ResourceNotFoundError) as blob:
        deps.storage.blob.get_blob_client("audio", "nobody/nothing.wav").get_blob_properties()
    assert not is_missing_resource(entity.value)
    assert not is_missing_resource(blob.value)
    assert deps.resources.restore_after(entity.value) is False
