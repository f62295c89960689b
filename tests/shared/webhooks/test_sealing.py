"""Webhook secrets at rest: wrapped with a Key Vault key through the SDK's real pipeline, against a local vault.

The fake vault speaks Key Vault's REST shapes over HTTPS (bearer tokens only travel over TLS); the client trusts
its certificate and skips the check that a challenge names a *.vault.azure.net resource, which 127.0.0.1 cannot be.
"""

from __future__ import annotations

import base64
import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from shared.dependencies import Dependencies
from shared.storage.tables import WEBHOOK_SUBSCRIPTIONS_TABLE, table_client
from shared.webhooks import service
from shared.webhooks.sealing import (
    SEALED_PREFIX,
    KeyVaultSealer,
    SecretStoreUnavailable,
    UnsealedSecrets,
    build_sealer,
)
from tests.fakes import key_vault
from tests.fakes.credentials import RecordingCredential
from tests.fakes.key_vault import FakeKeyVault, running_key_vault
from tests.shared.webhooks.helpers import drain, publish, run_event, subscribe
from tests.shared.webhooks.receiver import running_receiver

SECRET = "whsec_" + base64.b64encode(b"0123456789abcdef0123456789abcdef").decode()
VAULT_SCOPE = ("https://vault.azure.net/.default",)


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[FakeKeyVault]:
    with running_key_vault(tmp_path) as running:
        yield running


def sealer_for(vault: FakeKeyVault, credential: RecordingCredential | None = None, **options: Any) -> KeyVaultSealer:
    return KeyVaultSealer(
        vault.key_id,
        credential or RecordingCredential(key_vault.TOKEN),
        connection_verify=str(vault.cert_path),
        verify_challenge_resource=False,
        retry_total=0,  # an outage shows at once instead of after the SDK's backoff
        **options,
    )


@pytest.mark.integration
def test_a_sealed_secret_names_its_key_version_and_opens_again(vault: FakeKeyVault) -> None:
    credential = RecordingCredential(key_vault.TOKEN)
    sealed = sealer_for(vault, credential).seal(SECRET)

    prefix = f"{SEALED_PREFIX}{vault.key_id}/{vault.current_version}|"
    assert sealed.startswith(prefix)
    assert SECRET not in sealed and SECRET.removeprefix("whsec_") not in sealed
    assert len(base64.urlsafe_b64decode(sealed.removeprefix(prefix) + "==")) == 256  # one RSA-2048 block
    assert credential.scopes and set(credential.scopes) == {VAULT_SCOPE}

    # Another process (a new sealer) opens it with one unwrap, then from memory.
    reader = sealer_for(vault)
    assert reader.open(sealed) == SECRET
    assert reader.open(sealed) == SECRET
    assert len(vault.operations("unwrapkey")) == 1


@pytest.mark.integration
def test_the_client_answers_the_bearer_challenge_and_never_sends_a_token_in_clear(vault: FakeKeyVault) -> None:
    sealer_for(vault).seal(SECRET)
    first_method, first_path, first_had_token = vault.calls[0]
    assert (first_method, first_had_token) == ("GET", False)  # the challenge round trip
    assert first_path.rstrip("/") == f"/keys/{vault.key_name}"
    assert all(had_token for _, _, had_token in vault.calls[1:])
    assert vault.origin.startswith("https://")


@pytest.mark.integration
def test_secrets_sealed_before_a_key_rotation_still_open(vault: FakeKeyVault) -> None:
    old_version = vault.current_version
    before = sealer_for(vault).seal(SECRET)
    new_version = vault.rotate()
    after = sealer_for(vault).seal(SECRET)
    assert f"/{old_version}|" in before and f"/{new_version}|" in after
    reader = sealer_for(vault)
    assert reader.open(before) == reader.open(after) == SECRET


@pytest.mark.integration
def test_a_vault_outage_is_a_503_with_a_stable_code(vault: FakeKeyVault) -> None:
    sealed = sealer_for(vault).seal(SECRET)
    vault.outage_status = 503
    with pytest.raises(SecretStoreUnavailable) as sealing:
        sealer_for(vault).seal(SECRET)
    with pytest.raises(SecretStoreUnavailable) as opening:
        sealer_for(vault).open(sealed)
    for caught in (sealing.value, opening.value):
        assert (caught.status, caught.code) == (503, "secret_store_unavailable")
        assert "vault" not in caught.detail.lower()  # no internals


@pytest.mark.integration
def test_a_value_wrapped_with_another_key_does_not_open(vault: FakeKeyVault, tmp_path: Path) -> None:
    (tmp_path / "other").mkdir()
    with running_key_vault(tmp_path / "other") as other:
        foreign = sealer_for(other).seal(SECRET)
    forged = foreign.replace(other.key_id, vault.key_id)
    with pytest.raises(SecretStoreUnavailable):
        sealer_for(vault).open(forged)


@pytest.mark.integration
def test_a_stored_value_naming_another_key_is_refused_before_any_request(vault: FakeKeyVault) -> None:
    sealed = sealer_for(vault).seal(SECRET)
    reader = sealer_for(vault)
    calls_before = len(vault.calls)
    for elsewhere in ("https://attacker.vault.azure.net/keys/webhook-secrets", f"{vault.origin}/keys/other-key"):
        with pytest.raises(ValueError, match="names a key other than WEBHOOK_SECRET_KEY_ID"):
            reader.open(sealed.replace(vault.key_id, elsewhere))
    assert len(vault.calls) == calls_before
    assert reader.open(sealed) == SECRET


@pytest.mark.integration
def test_webhooks_created_with_a_key_store_no_secret_and_still_sign(
    deps: Dependencies, tenant: str, vault: FakeKeyVault
) -> None:
    sealed_deps = dataclasses.replace(deps, webhook_secrets=sealer_for(vault))
    with running_receiver() as receiver:
        created = subscribe(sealed_deps, tenant, receiver.url())
        rotated = service.rotate_secret(sealed_deps, tenant, created.id)
        entity = table_client(deps.storage, WEBHOOK_SUBSCRIPTIONS_TABLE).get_entity(tenant, created.id)
        stored = " ".join(str(value) for value in entity.values())
        for secret in (created.secret, rotated.secret):
            assert secret.removeprefix("whsec_") not in stored
        assert entity["secret"].startswith(SEALED_PREFIX) and entity["previous_secret"].startswith(SEALED_PREFIX)

        publish(sealed_deps, run_event(tenant))
        assert drain(sealed_deps, tenant) == ["fanned_out:1", "delivered"]
    [request] = receiver.received
    assert request.verify(rotated.secret) == request.verify(created.secret)


@pytest.mark.integration
def test_while_the_vault_is_down_a_delivery_is_retried_by_the_queue(
    deps: Dependencies, tenant: str, vault: FakeKeyVault
) -> None:
    with running_receiver() as receiver:
        subscribe(dataclasses.replace(deps, webhook_secrets=sealer_for(vault)), tenant, receiver.url())
        vault.outage_status = 503
        down = dataclasses.replace(deps, webhook_secrets=sealer_for(vault))  # a fresh process: nothing cached
        publish(down, run_event(tenant))
        with pytest.raises(SecretStoreUnavailable):
            drain(down, tenant)
        assert receiver.received == []


@pytest.mark.unit
def test_without_a_key_secrets_are_stored_as_they_are() -> None:
    sealer = build_sealer(None, lambda: pytest.fail("no credential is needed without a key"))
    assert isinstance(sealer, UnsealedSecrets)
    assert sealer.open(sealer.seal(SECRET)) == SECRET
    with pytest.raises(SecretStoreUnavailable, match="WEBHOOK_SECRET_KEY_ID"):
        sealer.open(f"{SEALED_PREFIX}https://kv.vault.azure.net/keys/k/0123|AAAA")


@pytest.mark.unit
def test_a_key_id_setting_selects_key_vault_with_the_app_credential() -> None:
    credential = RecordingCredential()
    sealer = build_sealer("https://kv.vault.azure.net/keys/webhook-secrets", lambda: credential)
    assert isinstance(sealer, KeyVaultSealer)
    assert credential.scopes == []  # nothing is fetched until a secret is sealed or opened
