"""`make token TENANT=... SCOPES="..."`: print a development token the local validator accepts."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from devhost.settings import apply_settings_to_environ, load_local_settings
from shared.auth import SCOPES, mint_dev_token

REPO_ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tenant", default="dev-tenant")
    parser.add_argument("--scopes", default=" ".join(SCOPES), help="space-separated scopes")
    parser.add_argument("--ttl", type=int, default=12 * 3600, help="lifetime in seconds")
    parser.add_argument("--subject", default="dev-user")
    args = parser.parse_args(argv)
    settings_file = REPO_ROOT / "local.settings.json"
    # The host's precedence: an exported variable wins over local.settings.json.
    apply_settings_to_environ(load_local_settings(settings_file if settings_file.exists() else None))
    secret = os.environ.get("AUTH_DEV_SECRET")
    if not secret:
        print("No AUTH_DEV_SECRET in the environment or local.settings.json.", file=sys.stderr)
        return 2
    tenant_claim = os.environ.get("AUTH_TENANT_CLAIM", "tid")
    print(mint_dev_token(secret, args.tenant, args.scopes.split(), subject=args.subject, ttl_s=args.ttl,
                         tenant_claim=tenant_claim))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
