"""`make run`: Azurite, the local Functions host and a dev token, until Ctrl-C.

Creates local.settings.json from the example on first run, with a freshly generated development secret.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import secrets
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from devhost.azurite import DEFAULT_PORTS, Azurite, port_open
from devhost.host import FunctionHost
from devhost.settings import apply_settings_to_environ, connection_string_for, load_local_settings
from shared.auth import SCOPES, mint_dev_token
from shared.openapi import SERVER_URL

REPO_ROOT = Path(__file__).resolve().parent.parent
SETTINGS_FILE = REPO_ROOT / "local.settings.json"
EXAMPLE_FILE = REPO_ROOT / "local.settings.json.example"


def ensure_local_settings() -> None:
    """Create local.settings.json if missing, then apply it to the environment as the host does (exported
    variables win), so the token printed below is signed with the secret the host will check."""
    if not SETTINGS_FILE.exists():
        document = json.loads(EXAMPLE_FILE.read_text())
        document["Values"]["AUTH_DEV_SECRET"] = secrets.token_urlsafe(32)
        SETTINGS_FILE.write_text(json.dumps(document, indent=2) + "\n")
        print(f"Created {SETTINGS_FILE.name} from the example, with a new development secret.")
    apply_settings_to_environ(load_local_settings(SETTINGS_FILE))


def allow_browser_uploads(connection_string: str) -> None:
    """CORS on the local Blob service, so a web page can PUT to upload URLs (Bicep does this in Azure)."""
    from azure.storage.blob import BlobServiceClient, CorsRule

    from shared.storage.clients import normalized_connection_string

    service = BlobServiceClient.from_connection_string(normalized_connection_string(connection_string))
    rule = CorsRule(["*"], ["GET", "HEAD", "PUT", "OPTIONS"], allowed_headers=["*"], exposed_headers=["*"],
                    max_age_in_seconds=3600)  # fmt: skip
    service.set_service_properties(cors=[rule])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=7071)
    parser.add_argument("--tenant", default="dev-tenant", help="tenant id put in the printed token")
    parser.add_argument("--data-dir", type=Path, default=REPO_ROOT / ".azurite", help="where Azurite keeps data")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("azure").setLevel(logging.WARNING)

    ensure_local_settings()
    azurite: Azurite | None = None
    if all(port_open(port) for port in DEFAULT_PORTS):
        print("Azurite is already running on ports 10000-10002; using it.")
    else:
        azurite = Azurite(*DEFAULT_PORTS, location=args.data_dir, log_file=args.data_dir / "azurite.log").start()
    allow_browser_uploads(connection_string_for(None))
    try:
        host = FunctionHost(http_port=args.port, settings_file=SETTINGS_FILE).start()
    except Exception:
        if azurite:
            azurite.stop()
        raise
    token = mint_dev_token(
        os.environ["AUTH_DEV_SECRET"], args.tenant, SCOPES, tenant_claim=os.environ.get("AUTH_TENANT_CLAIM", "tid")
    )
    api = f"{host.base_url}{SERVER_URL}"  # the app serves its API under /api, the console at /console
    print(
        f"\nAudio Files service running at {api}/v1\n"
        f"  health:  {api}/health\n"
        f"  docs:    {api}/v1/docs\n"
        # The token rides in the fragment, which browsers never send; the console moves it into memory.
        f"  console: {host.base_url}/console#token={token}\n"
        f"  tenant:  {args.tenant}  (scopes: {' '.join(SCOPES)})\n\n"
        f"export TOKEN={token}\n"
        f'curl -s -H "Authorization: Bearer $TOKEN" {api}/v1/audio-files\n\n'
        "Ctrl-C stops the host and Azurite.\n",
        flush=True,
    )
    stop = threading.Event()

    def request_stop(_signal: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    stop.wait()
    print("Stopping...", flush=True)
    host.stop()
    if azurite:
        azurite.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
