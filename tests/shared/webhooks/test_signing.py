"""Standard Webhooks signatures: verified with the reference library, and both secrets during a rotation."""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from shared.webhooks.records import SubscriptionRecord
from shared.webhooks.signing import SECRET_PREFIX, new_secret, signed_headers

pytestmark = pytest.mark.unit

BODY = '{"type":"analysis.completed","timestamp":"2024-05-01T10:00:00Z","data":{"audioFileId":"af_1"}}'


def test_secrets_have_the_standard_format_and_are_random() -> None:
    first, second = new_secret(), new_secret()
    assert first != second
    for secret in (first, second):
        assert secret.startswith(SECRET_PREFIX)
        raw = base64.b64decode(secret.removeprefix(SECRET_PREFIX), validate=True)
        assert 24 <= len(raw) <= 32


def test_a_signed_request_verifies_with_the_reference_library() -> None:
    secret = new_secret()
    now = datetime.now(UTC)
    headers = signed_headers([secret], "evt_123", now, BODY)
    assert headers["webhook-id"] == "evt_123"
    assert headers["webhook-timestamp"] == str(int(now.timestamp()))
    assert headers["webhook-signature"].startswith("v1,") and " " not in headers["webhook-signature"]
    assert Webhook(secret).verify(BODY, headers) == {
        "type": "analysis.completed",
        "timestamp": "2024-05-01T10:00:00Z",
        "data": {"audioFileId": "af_1"},
    }


@pytest.mark.parametrize(
    "tamper",
    [
        lambda h, b: ({**h, "webhook-id": "evt_other"}, b),
        lambda h, b: ({**h, "webhook-timestamp": str(int(h["webhook-timestamp"]) + 1)}, b),
        lambda h, b: (h, b.replace("af_1", "af_2")),
    ],
    ids=["other-id", "other-timestamp", "other-body"],
)
def test_any_change_breaks_the_signature(tamper: Callable[[dict[str, str], str], tuple[dict[str, str], str]]) -> None:
    secret = new_secret()
    headers, body = tamper(signed_headers([secret], "evt_123", datetime.now(UTC), BODY), BODY)
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(body, headers)


def test_another_secret_does_not_verify() -> None:
    headers = signed_headers([new_secret()], "evt_123", datetime.now(UTC), BODY)
    with pytest.raises(WebhookVerificationError):
        Webhook(new_secret()).verify(BODY, headers)


def _subscription(now: datetime, *, previous: str | None, expires: datetime | None) -> SubscriptionRecord:
    return SubscriptionRecord(
        tenant_id="t1",
        id="wh_01HZX3N6Z8Q4W5E6R7T8Y9U0AB",
        url="https://example.com/hook",
        events=["analysis.completed"],
        secret=new_secret(),
        previous_secret=previous,
        previous_secret_expires_at=expires,
        created_at=now,
        updated_at=now,
    )


def test_during_the_grace_period_both_secrets_verify() -> None:
    now = datetime.now(UTC)
    old = new_secret()
    subscription = _subscription(now, previous=old, expires=now + timedelta(hours=24))
    signing = subscription.signing_secrets(now)
    assert signing == [subscription.secret, old]
    headers = signed_headers(signing, "evt_1", now, BODY)
    assert len(headers["webhook-signature"].split(" ")) == 2
    Webhook(subscription.secret).verify(BODY, headers)
    Webhook(old).verify(BODY, headers)


def test_after_the_grace_period_only_the_new_secret_signs() -> None:
    now = datetime.now(UTC)
    old = new_secret()
    subscription = _subscription(now, previous=old, expires=now - timedelta(seconds=1))
    headers = signed_headers(subscription.signing_secrets(now), "evt_1", now, BODY)
    Webhook(subscription.secret).verify(BODY, headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(old).verify(BODY, headers)


def test_signing_needs_a_secret() -> None:
    with pytest.raises(ValueError):
        signed_headers([], "evt_1", datetime.now(UTC), BODY)
