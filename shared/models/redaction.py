"""What redaction hides and how a tenant or an upload chooses it."""

from __future__ import annotations

import enum

from pydantic import Field

from shared.models.base import StrictRequest, WireModel


class EntityType(enum.StrEnum):
    """A kind of personal data redaction finds in a call."""

    CARD_NUMBER = "card_number"
    CARD_EXPIRY = "card_expiry"
    CARD_SECURITY_CODE = "card_security_code"
    SSN = "ssn"
    PHONE_NUMBER = "phone_number"
    EMAIL = "email"
    DATE_OF_BIRTH = "date_of_birth"
    ADDRESS = "address"
    ACCOUNT_NUMBER = "account_number"
    PERSON_NAME = "person_name"

    @property
    def token(self) -> str:
        """What replaces the entity in text: ``[CARD_NUMBER]``, ``[SSN]``, ..."""
        return f"[{self.name}]"


class RedactedSpan(WireModel):
    """Where something was hidden, never what: the kind, the segment and the time it was said."""

    type: EntityType
    segment: int = Field(ge=0)
    start_ms: int = Field(ge=0)
    end_ms: int = Field(ge=0)


class RedactionPolicy(WireModel):
    """A tenant's redaction choices (stored), and what one run applies.

    On by default for every kind; the unredacted transcript and audio are not kept unless a policy says so,
    and where kept they are read only with the ``audio:read-unredacted`` scope.
    """

    enabled: bool = True
    entity_types: list[EntityType] = Field(default_factory=lambda: list(EntityType), min_length=1)
    keep_unredacted: bool = False


class RedactionOverride(StrictRequest):
    """Per upload: any field left out takes the tenant's choice."""

    enabled: bool | None = None
    entity_types: list[EntityType] | None = Field(default=None, min_length=1, max_length=len(EntityType))
    keep_unredacted: bool | None = None

    def applied_to(self, tenant_policy: RedactionPolicy) -> RedactionPolicy:
        """The policy one upload runs under: the tenant's, with this upload's choices on top."""
        return tenant_policy.model_copy(update=self.model_dump(exclude_none=True))
