"""Redaction policy: defaults, a tenant's stored choice, an upload's override, and the unredacted scope."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from shared.auth import READ_UNREDACTED_SCOPE, SCOPES, Forbidden, Principal
from shared.blueprints.docs import api_routes
from shared.dependencies import Dependencies
from shared.models.redaction import EntityType, RedactionOverride, RedactionPolicy
from shared.openapi import SECURITY_SCHEME, build_openapi
from shared.redaction.policy import effective_policy, require_unredacted_access, save_tenant_policy, tenant_policy


@pytest.mark.unit
def test_on_for_every_kind_and_nothing_unredacted_kept_by_default() -> None:
    policy = RedactionPolicy()
    assert policy.enabled and not policy.keep_unredacted
    assert set(policy.entity_types) == set(EntityType)


@pytest.mark.unit
def test_an_upload_overrides_only_what_it_names() -> None:
    tenant = RedactionPolicy(entity_types=[EntityType.CARD_NUMBER, EntityType.SSN], keep_unredacted=True)
    assert RedactionOverride(keep_unredacted=False).applied_to(tenant) == RedactionPolicy(
        entity_types=[EntityType.CARD_NUMBER, EntityType.SSN], keep_unredacted=False
    )
    assert RedactionOverride().applied_to(tenant) == tenant


@pytest.mark.unit
def test_an_override_is_a_strict_request_body() -> None:
    assert RedactionOverride.model_validate({"entityTypes": ["ssn"]}).entity_types == [EntityType.SSN]
    for body in ({"entityTypes": []}, {"entityTypes": ["shoe_size"]}, {"keepUnredacted": True, "typo": 1}):
        with pytest.raises(ValidationError):
            RedactionOverride.model_validate(body)


@pytest.mark.unit
def test_unredacted_content_needs_its_own_scope() -> None:
    everything_else = frozenset(scope for scope in SCOPES if scope != READ_UNREDACTED_SCOPE)
    with pytest.raises(Forbidden) as excinfo:
        require_unredacted_access(Principal(tenant_id="t", subject="s", scopes=everything_else))
    assert excinfo.value.code == "insufficient_scope"
    require_unredacted_access(Principal(tenant_id="t", subject="s", scopes=frozenset({READ_UNREDACTED_SCOPE})))


@pytest.mark.integration
def test_a_tenants_policy_is_stored_per_tenant(deps: Dependencies, tenant: str) -> None:
    assert tenant_policy(blobs=deps.blobs, tenant_id=tenant) == RedactionPolicy()
    chosen = RedactionPolicy(entity_types=[EntityType.CARD_NUMBER], keep_unredacted=True)
    save_tenant_policy(blobs=deps.blobs, tenant_id=tenant, policy=chosen)
    assert tenant_policy(blobs=deps.blobs, tenant_id=tenant) == chosen
    assert tenant_policy(blobs=deps.blobs, tenant_id=tenant + "-other") == RedactionPolicy()
    override = RedactionOverride(enabled=False)
    assert effective_policy(blobs=deps.blobs, tenant_id=tenant, override=override) == chosen.model_copy(
        update={"enabled": False}
    )


@pytest.mark.unit
def test_the_openapi_document_names_the_unredacted_scope() -> None:
    scheme = build_openapi(api_routes())["components"]["securitySchemes"][SECURITY_SCHEME]
    assert f"`{READ_UNREDACTED_SCOPE}`" in scheme["description"]
