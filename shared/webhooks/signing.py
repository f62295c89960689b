"""Standard Webhooks secrets and signatures.

A secret is ``whsec_`` + base64 of random bytes. A request carries ``webhook-id``, ``webhook-timestamp`` and
``webhook-signature``: ``v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">``, one per valid secret,
space-separated, so a receiver holding either the new or the old secret verifies during a rotation.
"""

from __future__ import annotations

import base64
import secrets
from collections.abc import Sequence
from datetime import datetime

from standardwebhooks import Webhook

SECRET_PREFIX = "whsec_"  # noqa: S105 - the Standard Webhooks prefix, not a secret
SECRET_BYTES = 24


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii")


def signature_header(signing_secrets: Sequence[str], message_id: str, sent_at: datetime, body: str) -> str:
    if not signing_secrets:
        raise ValueError("at least one secret is needed to sign")
    return " ".join(Webhook(secret).sign(message_id, sent_at, body) for secret in signing_secrets)


def signed_headers(signing_secrets: Sequence[str], message_id: str, sent_at: datetime, body: str) -> dict[str, str]:
    """The three Standard Webhooks headers for ``body`` sent at ``sent_at`` (whole seconds are signed)."""
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(int(sent_at.timestamp())),
        "webhook-signature": signature_header(signing_secrets, message_id, sent_at, body),
    }
