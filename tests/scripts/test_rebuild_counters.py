"""`python -m scripts.rebuild_counters`: the documented command that gives an older deployment right totals."""

from __future__ import annotations

import pytest
from azure.data.tables import TableClient

from scripts.rebuild_counters import main
from shared.audio_files.repository import ListQuery
from shared.dependencies import Dependencies
from shared.storage.tables import AUDIO_FILES_TABLE
from tests.shared.audio_files.test_repository import counter_rows, make_record

pytestmark = pytest.mark.integration


def forget_counters(tenant: str, storage_connection_string: str) -> None:
    """As if the recordings predated the counters."""
    table = TableClient.from_connection_string(storage_connection_string, AUDIO_FILES_TABLE)
    for row in counter_rows(tenant, storage_connection_string):
        table.delete_entity(row["PartitionKey"], row["RowKey"])


def test_the_command_rebuilds_the_named_tenants(
    deps: Dependencies, tenant: str, storage_connection_string: str, capsys: pytest.CaptureFixture[str]
) -> None:
    other = f"{tenant}-other"
    deps.audio_files.bulk_insert([make_record(tenant, index) for index in range(30)])
    deps.audio_files.bulk_insert([make_record(other, index) for index in range(5)])
    forget_counters(tenant, storage_connection_string)
    forget_counters(other, storage_connection_string)
    assert deps.audio_files.count(ListQuery(tenant_id=tenant)).total == 0

    assert main(["--tenant", tenant]) == 0
    out = capsys.readouterr().out
    assert f"{tenant}: 30 recordings" in out and "Rebuilt the counters of 1 tenants." in out
    assert deps.audio_files.count(ListQuery(tenant_id=tenant)).total == 30
    assert deps.audio_files.count(ListQuery(tenant_id=tenant, campaign_id="rare")).total == 1
    assert deps.audio_files.count(ListQuery(tenant_id=other)).total == 0  # not named, not touched

    assert main(["--all-tenants"]) == 0
    out = capsys.readouterr().out
    assert f"{other}: 5 recordings" in out and f"{tenant}: 30 recordings; 0 counter rows corrected" in out
    assert deps.audio_files.count(ListQuery(tenant_id=other)).total == 5


def test_the_command_needs_to_be_told_which_tenants(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2
    assert "--tenant" in capsys.readouterr().err
