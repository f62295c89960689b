"""The scorecards API on the wire: a card as a client writes it (checked with a stable code per mistake), the
version, scorecard and assignment bodies, and the pin a processing run carries.

A leaf module (only the shared models): records and requests import the pin from here.
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import ConfigDict, Field, field_validator, model_validator
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError

from shared.models.analysis import DEFAULT_LANGUAGES, CallType, LanguageCode, Scorecard, ScorecardCriterion
from shared.models.base import StrictRequest, WireModel
from shared.scorecards.patterns import unsafe_pattern_reason

SCORECARD_ID_PATTERN = r"^sc_[0-7][0-9A-HJKMNP-TV-Z]{25}$"  # a ULID
# A run may name a stored version (a positive integer) or a built-in card ("default-human" at "2.9", or at an
# earlier version it kept).
PIN_ID_PATTERN = r"^(sc_[0-7][0-9A-HJKMNP-TV-Z]{25}|default-human|default-ai-agent)$"
PIN_VERSION_PATTERN = r"^[0-9][0-9.]{0,15}$"
# A stored version in a path: a positive integer.
VERSION_PATTERN = r"^[1-9][0-9]{0,5}$"

# Bounds of one card, so a card can neither grow without end nor make evaluation slow.
MAX_CRITERIA = 50
MAX_NAME_CHARS = 200
MAX_DESCRIPTION_CHARS = 2_000
MAX_PHRASE_CHARS = 300
MAX_PHRASES = 200  # each of anyOf, passExamples, failExamples
MAX_PATTERNS = 20
MAX_PATTERN_CHARS = 600
MAX_WEIGHT = 1_000.0
SPEAKERS = ("agent", "customer")


def _problem(code: str, message: str) -> PydanticCustomError:
    """A field problem whose type is the 400's stable code (see shared.http.validation_problem)."""
    return PydanticCustomError(code, message)


def _check_text(value: Any, limit: int, what: str) -> Any:
    if isinstance(value, str) and len(value) > limit:
        raise _problem("scorecard_too_large", f"{what} is longer than {limit} characters")
    return value


def _check_phrases(values: Any, what: str) -> Any:
    if isinstance(values, list):
        if len(values) > MAX_PHRASES:
            raise _problem("scorecard_too_large", f"{what} has more than {MAX_PHRASES} entries")
        for value in values:
            _check_text(value, MAX_PHRASE_CHARS, f"an entry of {what}")
    return values


class CriterionDraft(ScorecardCriterion):
    """A criterion as a client writes it: unknown fields refused, each mistake reported with its own code."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid")

    @field_validator("name", mode="before")
    @classmethod
    def _name_bounded(cls, value: Any) -> Any:
        return _check_text(value, MAX_NAME_CHARS, "name")

    @field_validator("description", mode="before")
    @classmethod
    def _description_bounded(cls, value: Any) -> Any:
        return _check_text(value, MAX_DESCRIPTION_CHARS, "description")

    @field_validator("any_of", "pass_examples", "fail_examples", mode="before")
    @classmethod
    def _phrases_bounded(cls, values: Any) -> Any:
        return _check_phrases(values, "the list")

    @field_validator("weight", mode="before")
    @classmethod
    def _weight_in_range(cls, value: Any) -> Any:
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if number and not (math.isfinite(value) and 0 < value <= MAX_WEIGHT):
            raise _problem("scorecard_invalid_weight", f"a weight must be above 0 and at most {MAX_WEIGHT:g}")
        return value

    @field_validator("speaker", mode="before")
    @classmethod
    def _known_speaker(cls, value: Any) -> Any:
        if value is not None and value not in SPEAKERS:
            raise _problem("scorecard_unknown_speaker", "speaker must be 'agent', 'customer' or null (anyone)")
        return value

    @field_validator("patterns", mode="before")
    @classmethod
    def _patterns_safe(cls, patterns: Any) -> Any:
        if not isinstance(patterns, list):
            return patterns
        if len(patterns) > MAX_PATTERNS:
            raise _problem("scorecard_too_large", f"a criterion has at most {MAX_PATTERNS} patterns")
        for pattern in patterns:
            if not isinstance(pattern, str):
                continue
            _check_text(pattern, MAX_PATTERN_CHARS, "a pattern")
            try:
                re.compile(pattern)
            except re.error as error:
                raise _problem(
                    "scorecard_invalid_pattern", f"a pattern is not a valid regular expression: {error}"
                ) from None
            reason = unsafe_pattern_reason(pattern)
            if reason is not None:
                raise _problem("scorecard_unsafe_pattern", f"a pattern could run away: {reason}")
        return patterns

    @model_validator(mode="after")
    def _has_something_to_match(self) -> CriterionDraft:  # replaces the parent's check, with its own code
        wording = [*self.any_of, *self.patterns, *self.pass_examples, *(self.fail_examples if self.must_not else [])]
        if not any(item.strip() for item in wording):
            raise _problem(
                "scorecard_empty_criterion",
                "a criterion needs at least one phrase in anyOf, one pattern or one example "
                "(passExamples; failExamples for a mustNot criterion)",
            )
        return self


class ScorecardDraft(StrictRequest):
    """A scorecard version as a client writes it: the built-in cards' JSON without ``id`` and ``version``, which
    the service assigns."""

    name: str = Field(min_length=1, max_length=MAX_NAME_CHARS)
    call_type: CallType = Field(alias="for", description="Which calls the card is for: `human` or `ai_agent`.")
    pass_threshold: float = Field(default=80.0, ge=0, le=100)
    languages: list[LanguageCode] = Field(default_factory=lambda: list(DEFAULT_LANGUAGES), min_length=1, max_length=20)
    criteria: list[CriterionDraft]

    @field_validator("criteria", mode="before")
    @classmethod
    def _criteria_count(cls, criteria: Any) -> Any:
        if isinstance(criteria, list) and not criteria:
            raise _problem("scorecard_no_criteria", "a scorecard needs at least one criterion")
        if isinstance(criteria, list) and len(criteria) > MAX_CRITERIA:
            raise _problem("scorecard_too_large", f"a scorecard has at most {MAX_CRITERIA} criteria")
        return criteria

    @model_validator(mode="after")
    def _unique_criterion_ids(self) -> ScorecardDraft:
        ids = [criterion.id for criterion in self.criteria]
        duplicates = sorted({criterion_id for criterion_id in ids if ids.count(criterion_id) > 1})
        if duplicates:
            raise _problem("scorecard_duplicate_criterion", f"duplicate criterion ids: {', '.join(duplicates)}")
        return self

    def to_scorecard(self, scorecard_id: str, version: int) -> Scorecard:
        """The card as stored: the model every engine reads, with the service's id and version."""
        return Scorecard.model_validate({**self.model_dump(by_alias=True), "id": scorecard_id, "version": str(version)})


class ScorecardPin(StrictRequest):
    """One version of one scorecard: a stored one (``sc_…`` at a positive integer) or a built-in card."""

    id: str = Field(pattern=PIN_ID_PATTERN)
    version: str = Field(pattern=PIN_VERSION_PATTERN)


class VersionStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


class AssignRequest(StrictRequest):
    """Use a published version for a campaign's calls, or (without ``campaignId``) for all of the tenant's calls of
    the card's call type. The call type is the card's own ``for``."""

    scorecard_id: str = Field(pattern=SCORECARD_ID_PATTERN)
    version: int = Field(ge=1)
    campaign_id: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")


class UnassignQuery(StrictRequest):
    call_type: CallType = Field(alias="callType")
    campaign_id: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")
    code: str | None = Field(default=None, exclude=True)  # the Functions key, never ours


class VersionSummary(WireModel):
    version: int
    status: VersionStatus
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None = None


class VersionBody(VersionSummary):
    scorecard_id: str
    card: Scorecard = Field(description="The card as evaluation reads it (the built-in cards' JSON).")


class ScorecardBody(WireModel):
    id: str
    name: str
    call_type: CallType = Field(alias="for")
    created_at: datetime
    updated_at: datetime
    latest_version: int
    published_version: int | None = Field(default=None, description="The newest published version, if any.")
    versions: list[VersionSummary]


class ScorecardListBody(WireModel):
    items: list[ScorecardBody]


class AssignmentBody(WireModel):
    call_type: CallType = Field(alias="callType")
    campaign_id: str | None = None
    scorecard_id: str
    version: str
    built_in: bool = Field(default=False, description="A built-in card: nothing of the tenant's is assigned.")
    assigned_at: datetime | None = None


class AssignmentListBody(WireModel):
    defaults: list[AssignmentBody] = Field(description="What each call type uses outside assigned campaigns.")
    campaigns: list[AssignmentBody]
