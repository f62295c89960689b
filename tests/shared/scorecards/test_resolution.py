"""Which card evaluates a call, and how the run's outcome event names it: pure logic over in-memory stand-ins."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest

from shared.ai.errors import EngineError
from shared.audio_files.records import AudioFileRecord, Status
from shared.pipeline.events import run_outcome_event
from shared.scorecards.model import ScorecardDraft, ScorecardPin
from shared.scorecards.service import ScorecardChooser
from shared.scorecards.store import AssignmentRecord, version_blob_name
from shared.webhooks.delivery import RunEvent, payload_of
from tests.shared.scorecards.cards import small_draft

pytestmark = pytest.mark.unit

TENANT = "t-unit"
NOW = datetime(2026, 12, 1, tzinfo=UTC)


@dataclass
class Assignments:
    rows: dict[tuple[str, str, str | None], tuple[str, int]] = field(default_factory=dict)

    def assignment(self, tenant_id: str, call_type: str, campaign_id: str | None) -> AssignmentRecord | None:
        found = self.rows.get((tenant_id, call_type, campaign_id))
        if found is None:
            return None
        return AssignmentRecord(tenant_id=tenant_id, call_type=call_type, campaign_id=campaign_id,  # type: ignore[arg-type]
                                scorecard_id=found[0], version=found[1], assigned_at=NOW)  # fmt: skip


@dataclass
class Cards:
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)

    def read_json(self, container: str, blob_name: str) -> dict[str, Any] | None:
        return self.documents.get(f"{container}/{blob_name}")

    def store(self, scorecard_id: str, version: int, call_type: str = "human") -> None:
        card = ScorecardDraft.model_validate(small_draft(call_type=call_type)).to_scorecard(scorecard_id, version)
        self.documents[f"scorecards/{version_blob_name(TENANT, scorecard_id, version)}"] = card.to_wire()


def choose(assignments: Assignments, cards: Cards, **call: Any) -> str:
    chooser = ScorecardChooser(assignments, cards)  # type: ignore[arg-type]
    card = chooser.choose(**{"tenant_id": TENANT, "campaign_id": None, "call_type": "human", "pinned": None, **call})
    return f"{card.id}@{card.version}"


def test_the_pin_then_the_campaign_then_the_default_then_the_built_in_card() -> None:
    assignments, cards = Assignments(), Cards()
    for scorecard_id in (
        "sc_01JDZ2V1D3W4X5Y6Z7A8B9C0CA",
        "sc_01JDZ2V1D3W4X5Y6Z7A8B9C0DE",
        "sc_01JDZ2V1D3W4X5Y6Z7A8B9C0P1",
    ):
        cards.store(scorecard_id, 3)
    assert choose(assignments, cards, campaign_id="spring") == "default-human@2.11"
    assignments.rows[(TENANT, "human", None)] = ("sc_01JDZ2V1D3W4X5Y6Z7A8B9C0DE", 3)
    assert choose(assignments, cards, campaign_id="spring") == "sc_01JDZ2V1D3W4X5Y6Z7A8B9C0DE@3"
    assignments.rows[(TENANT, "human", "spring")] = ("sc_01JDZ2V1D3W4X5Y6Z7A8B9C0CA", 3)
    assert choose(assignments, cards, campaign_id="spring") == "sc_01JDZ2V1D3W4X5Y6Z7A8B9C0CA@3"
    assert choose(assignments, cards, campaign_id="autumn") == "sc_01JDZ2V1D3W4X5Y6Z7A8B9C0DE@3"
    assert choose(assignments, cards, campaign_id="spring", call_type="ai_agent") == "default-ai-agent@2.12"
    pinned = ScorecardPin(id="sc_01JDZ2V1D3W4X5Y6Z7A8B9C0P1", version="3")
    assert choose(assignments, cards, campaign_id="spring", pinned=pinned) == "sc_01JDZ2V1D3W4X5Y6Z7A8B9C0P1@3"
    # Another tenant's assignments and cards are not this tenant's.
    assert choose(assignments, cards, tenant_id="t-else", campaign_id="spring") == "default-human@2.11"


def test_a_missing_version_fails_the_evaluation_for_good() -> None:
    assignments = Assignments({(TENANT, "human", None): ("sc_gone", 1)})
    with pytest.raises(EngineError) as failed:
        choose(assignments, Cards())
    assert failed.value.code == "scorecard_not_found" and not failed.value.retryable
    with pytest.raises(EngineError):
        choose(Assignments(), Cards(), pinned=ScorecardPin(id="default-human", version="1.0"))


def completed_record() -> AudioFileRecord:
    return AudioFileRecord(
        tenant_id=TENANT, id="af_01JDZ2V1D3W4X5Y6Z7A8B9C0D1", file_name="a.wav", safe_file_name="a.wav",
        blob_name="b", engagement_id="e1", recorded_at=NOW, created_at=NOW, updated_at=NOW, status=Status.COMPLETED,
        upload_expires_at=NOW, run_id="run-1",
    )  # fmt: skip


def test_the_completed_event_names_the_scorecard_version_and_nothing_else_of_the_analysis() -> None:
    analysis = {"scorecard": {"id": "sc_x", "name": "Spring", "version": "4"}, "summary": [{"text": "secret"}]}
    event = run_outcome_event(completed_record(), analysis)
    assert event is not None
    data = event["data"]
    assert isinstance(data, dict)
    assert data["scorecard"] == {"id": "sc_x", "version": "4"}
    payload = payload_of(RunEvent.model_validate(event))
    assert payload["data"]["scorecard"] == {"id": "sc_x", "version": "4"}
    assert "secret" not in str(payload) and "Spring" not in str(payload)
    assert "scorecard" not in run_outcome_event(completed_record())["data"]  # type: ignore[index,operator]
