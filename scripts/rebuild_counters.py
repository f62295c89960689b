"""Rebuild the list counters (``totalCount``) of one or every tenant from its recordings.

For a deployment whose recordings predate the counters, or whose counters use an earlier layout: it counts
each tenant's recordings, writes every counter row that is wrong and deletes those of the old layout. It is
safe while the app serves uploads and deletes (each write is a compare-and-swap against them) and safe to
run again. Storage comes from the app settings: exported variables, else local.settings.json.

    python -m scripts.rebuild_counters --all-tenants
    python -m scripts.rebuild_counters --tenant <tenant id> [--tenant ...]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from devhost.settings import apply_settings_to_environ, load_local_settings
from shared.audio_files.repository import AudioFileRepository
from shared.storage.clients import get_storage_clients
from shared.storage.tables import AUDIO_FILES_TABLE, table_client

REPO_ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--tenant", action="append", help="a tenant id (repeat for more)")
    which.add_argument("--all-tenants", action="store_true", help="every tenant with a recording (scans the table)")
    args = parser.parse_args(argv)
    settings_file = REPO_ROOT / "local.settings.json"
    # The host's precedence: an exported variable wins over local.settings.json.
    apply_settings_to_environ(load_local_settings(settings_file if settings_file.exists() else None))
    repository = AudioFileRepository(table_client(get_storage_clients(), AUDIO_FILES_TABLE))
    tenants = repository.tenant_ids() if args.all_tenants else args.tenant
    for tenant in tenants:
        started = time.monotonic()
        result = repository.rebuild_counters(tenant)
        print(
            f"{tenant}: {result.records} recordings; {result.rows_changed} counter rows corrected, "
            f"{result.rows_unsharded} of the old layout deleted ({time.monotonic() - started:.1f} s)",
            flush=True,
        )
    print(f"Rebuilt the counters of {len(tenants)} tenants.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
