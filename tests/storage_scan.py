"""Whole-account scans for tests that prove nothing of a recording is left: every container, every table."""

from __future__ import annotations

from azure.data.tables import TableServiceClient
from azure.storage.blob import BlobServiceClient


def blobs_naming(blob_service: BlobServiceClient, audio_file_id: str) -> list[str]:
    """Every blob, in every container (the host's receipts included), whose name contains the id."""
    return [
        f"{container.name}/{blob.name}"
        for container in blob_service.list_containers()
        for blob in blob_service.get_container_client(container.name).list_blobs()
        if audio_file_id in blob.name
    ]


def rows_naming(table_service: TableServiceClient, audio_file_id: str) -> list[str]:
    """Every row, in every table, whose keys or values contain the id."""
    return [
        f"{table.name}/{row['PartitionKey']}/{row['RowKey']}"
        for table in table_service.list_tables()
        for row in table_service.get_table_client(table.name).list_entities()
        if audio_file_id in repr(dict(row)) or audio_file_id in row["RowKey"]
    ]
