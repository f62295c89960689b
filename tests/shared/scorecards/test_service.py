"""Scorecards against a real Azurite: the storage contract, versions and publishing, assignments, and which card
an evaluation uses."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from shared.ai.evaluation.scorecards import default_scorecard
from shared.audio_files import service as audio_service
from shared.dependencies import Dependencies
from shared.errors import BadRequest, ConcurrencyConflict, Conflict, NotFound
from shared.models.analysis import Scorecard
from shared.models.api import ProcessRequest
from shared.pipeline.model import StageMessage
from shared.scorecards import load_scorecard_version
from shared.scorecards import service as scorecards
from shared.scorecards.model import AssignRequest, ScorecardDraft, ScorecardPin
from shared.scorecards.service import ScorecardChooser
from shared.scorecards.store import version_blob_name
from shared.storage.blobs import SCORECARDS_CONTAINER
from shared.storage.queues import EVALUATION_QUEUE, REDACTION_QUEUE, WEBHOOKS_QUEUE
from tests.shared.audio_files.test_service import process
from tests.shared.pipeline.test_stages import ScriptedTranscriber, engines_with, run_stage, start, take_messages
from tests.shared.scorecards.cards import small_draft

pytestmark = pytest.mark.integration


def draft(card: dict[str, Any] | None = None, **changes: Any) -> ScorecardDraft:
    return ScorecardDraft.model_validate({**(card or small_draft()), **changes})


def create(deps: Dependencies, tenant: str, card: dict[str, Any] | None = None, **changes: Any) -> str:
    body = scorecards.create_scorecard(repository=deps.scorecards, blobs=deps.blobs, tenant_id=tenant,
                                       draft=draft(card, **changes))  # fmt: skip
    return body.id


def publish(deps: Dependencies, tenant: str, scorecard_id: str, version: int) -> None:
    scorecards.publish_version(repository=deps.scorecards, blobs=deps.blobs, tenant_id=tenant,
                               scorecard_id=scorecard_id, version=version)  # fmt: skip


def assign(deps: Dependencies, tenant: str, scorecard_id: str, version: int, campaign_id: str | None = None) -> None:
    request = AssignRequest(scorecard_id=scorecard_id, version=version, campaign_id=campaign_id)
    scorecards.assign(repository=deps.scorecards, blobs=deps.blobs, tenant_id=tenant, request=request)


def test_each_version_is_the_scorecard_model_json_at_its_documented_blob(deps: Dependencies, tenant: str) -> None:
    scorecard_id = create(deps, tenant)
    second = scorecards.add_version(repository=deps.scorecards, blobs=deps.blobs, tenant_id=tenant,
                                    scorecard_id=scorecard_id, draft=draft(name="Spring promo v2"))  # fmt: skip
    assert second.version == 2 and second.status == "draft"
    for version in (1, 2):
        document = deps.blobs.read_json(SCORECARDS_CONTAINER, f"{tenant}/{scorecard_id}/versions/{version}.json")
        assert document is not None
        card = Scorecard.model_validate(document)
        assert (card.id, card.version, card.call_type) == (scorecard_id, str(version), "human")
    body = scorecards.get_scorecard(repository=deps.scorecards, tenant_id=tenant, scorecard_id=scorecard_id)
    assert (body.name, body.latest_version, body.published_version) == ("Spring promo v2", 2, None)
    assert [(v.version, v.status) for v in body.versions] == [(1, "draft"), (2, "draft")]
    assert asyncio.run(load_scorecard_version(blobs=deps.blobs, tenant_id=tenant, scorecard_id=scorecard_id,
                                              version=2)) == Scorecard.model_validate(document)  # fmt: skip


def test_a_published_version_never_changes_and_a_draft_does(deps: Dependencies, tenant: str) -> None:
    scorecard_id = create(deps, tenant)
    blob = version_blob_name(tenant, scorecard_id, 1)
    changed = scorecards.replace_draft(repository=deps.scorecards, blobs=deps.blobs, tenant_id=tenant,
                                       scorecard_id=scorecard_id, version=1,
                                       draft=draft(passThreshold=90))  # fmt: skip
    assert changed.card.pass_threshold == 90
    # An edit that read the draft before the publish began: the publish rewrites the card, so its write fails.
    before_publish = deps.blobs.read_json_tagged(SCORECARDS_CONTAINER, blob)
    assert before_publish is not None
    publish(deps, tenant, scorecard_id, 1)
    with pytest.raises(ConcurrencyConflict):
        deps.blobs.write_json_if(SCORECARDS_CONTAINER, blob, {"tampered": True}, etag=before_publish[1])
    with pytest.raises(Conflict) as refused:
        scorecards.replace_draft(repository=deps.scorecards, blobs=deps.blobs, tenant_id=tenant,
                                 scorecard_id=scorecard_id, version=1, draft=draft(passThreshold=10))  # fmt: skip
    assert refused.value.code == "scorecard_version_published"
    again = scorecards.publish_version(repository=deps.scorecards, blobs=deps.blobs, tenant_id=tenant,
                                       scorecard_id=scorecard_id, version=1)  # fmt: skip
    assert again.status == "published" and again.card.pass_threshold == 90
    assert deps.blobs.read_json(SCORECARDS_CONTAINER, blob) == again.card.to_wire()


def test_a_version_keeps_the_call_type_and_unknown_ids_are_404(deps: Dependencies, tenant: str) -> None:
    scorecard_id = create(deps, tenant)
    with pytest.raises(BadRequest) as changed:
        scorecards.add_version(repository=deps.scorecards, blobs=deps.blobs, tenant_id=tenant,
                               scorecard_id=scorecard_id, draft=draft(**{"for": "ai_agent"}))  # fmt: skip
    assert changed.value.code == "scorecard_call_type_changed"
    with pytest.raises(NotFound) as missing:
        scorecards.get_version(repository=deps.scorecards, blobs=deps.blobs, tenant_id=tenant,
                               scorecard_id=scorecard_id, version=7)  # fmt: skip
    assert missing.value.code == "scorecard_version_not_found"
    # Another tenant's id is indistinguishable from an unknown one.
    with pytest.raises(NotFound) as foreign:
        scorecards.get_scorecard(repository=deps.scorecards, tenant_id=f"{tenant}-other", scorecard_id=scorecard_id)
    assert foreign.value.code == "scorecard_not_found"
    assert scorecards.list_scorecards(repository=deps.scorecards, tenant_id=f"{tenant}-other").items == []
    assert scorecards.read_scorecard_version(blobs=deps.blobs, tenant_id=f"{tenant}-other",
                                             scorecard_id=scorecard_id, version=1) is None  # fmt: skip


def test_only_published_versions_are_assigned_or_pinned(deps: Dependencies, tenant: str) -> None:
    scorecard_id = create(deps, tenant)
    with pytest.raises(Conflict) as draft_assigned:
        assign(deps, tenant, scorecard_id, 1, "spring")
    assert draft_assigned.value.code == "scorecard_version_not_published"
    with pytest.raises(Conflict) as draft_pinned:
        scorecards.require_runnable(repository=deps.scorecards, blobs=deps.blobs, tenant_id=tenant,
                                    pin=ScorecardPin(id=scorecard_id, version="1"))  # fmt: skip
    assert draft_pinned.value.code == "scorecard_version_not_published"
    scorecards.require_runnable(repository=deps.scorecards, blobs=deps.blobs, tenant_id=tenant,
                                pin=ScorecardPin(id="default-human", version="2.8"))  # fmt: skip
    with pytest.raises(NotFound):
        scorecards.require_runnable(repository=deps.scorecards, blobs=deps.blobs, tenant_id=tenant,
                                    pin=ScorecardPin(id="default-human", version="1.0"))  # fmt: skip


def test_the_campaign_then_the_tenant_default_then_the_built_in_card(deps: Dependencies, tenant: str) -> None:
    chooser = ScorecardChooser(deps.scorecards, deps.blobs)

    def chosen(campaign_id: str | None, call_type: str = "human", pinned: ScorecardPin | None = None) -> str:
        card = chooser.choose(tenant_id=tenant, campaign_id=campaign_id, call_type=call_type,  # type: ignore[arg-type]
                              pinned=pinned)  # fmt: skip
        return f"{card.id}@{card.version}"

    assert chosen("spring") == "default-human@2.11" and chosen(None, "ai_agent") == "default-ai-agent@2.12"
    campaign_card, default_card = create(deps, tenant), create(deps, tenant, name="House default")
    publish(deps, tenant, campaign_card, 1)
    publish(deps, tenant, default_card, 1)
    assign(deps, tenant, campaign_card, 1, "spring")
    assert chosen("spring") == f"{campaign_card}@1"
    assert chosen("autumn") == chosen(None) == "default-human@2.11"
    assign(deps, tenant, default_card, 1)
    assert (chosen("spring"), chosen("autumn"), chosen(None)) == (f"{campaign_card}@1", *[f"{default_card}@1"] * 2)
    # A card for human calls never scores an AI agent's call.
    assert chosen("spring", "ai_agent") == "default-ai-agent@2.12"
    # A run's pin wins over every assignment.
    assert chosen("spring", pinned=ScorecardPin(id="default-human", version="2.8")) == "default-human@2.8"
    listed = scorecards.list_assignments(repository=deps.scorecards, tenant_id=tenant)
    assert [(a.call_type, a.scorecard_id, a.built_in) for a in listed.defaults] == [
        ("human", default_card, False), ("ai_agent", "default-ai-agent", True),
    ]  # fmt: skip
    assert [(a.campaign_id, a.scorecard_id, a.version) for a in listed.campaigns] == [("spring", campaign_card, "1")]
    scorecards.unassign(repository=deps.scorecards, tenant_id=tenant, call_type="human", campaign_id="spring")
    assert chosen("spring") == f"{default_card}@1"
    with pytest.raises(NotFound):
        scorecards.unassign(repository=deps.scorecards, tenant_id=tenant, call_type="human", campaign_id="spring")


def test_an_evaluation_records_the_assigned_version_and_the_event_names_it(deps: Dependencies, tenant: str) -> None:
    scorecard_id = create(deps, tenant, small_draft(anyOf=["thank you for calling"]))
    publish(deps, tenant, scorecard_id, 1)
    assign(deps, tenant, scorecard_id, 1)
    transcriber = ScriptedTranscriber()
    audio_file_id, message = start(deps, tenant)
    assert run_stage(deps, engines_with(transcriber), message) == "succeeded"
    [redaction] = take_messages(deps, REDACTION_QUEUE, audio_file_id)
    assert run_stage(deps, engines_with(transcriber), StageMessage.model_validate(redaction)) == "succeeded"
    [evaluation] = take_messages(deps, EVALUATION_QUEUE, audio_file_id)
    assert run_stage(deps, engines_with(transcriber), StageMessage.model_validate(evaluation)) == "succeeded"
    analysis = audio_service.get_analysis(deps, tenant, audio_file_id)[1]
    assert analysis["scorecard"] == {"id": scorecard_id, "name": "Spring promo", "version": "1"}
    assert [c["id"] for c in analysis["criteria"]] == ["offer"]  # type: ignore[union-attr,index]
    [event] = take_messages(deps, WEBHOOKS_QUEUE, audio_file_id)
    assert event["event"]["data"]["scorecard"] == {"id": scorecard_id, "version": "1"}

    # Re-evaluation with a named version: no force needed, and the pinned card is used over the assignment.
    pin = ScorecardPin(id="default-human", version="2.8")
    process(deps, tenant, audio_file_id, ProcessRequest(stages=["evaluation"], scorecard=pin))
    [again] = take_messages(deps, EVALUATION_QUEUE, audio_file_id)
    assert run_stage(deps, engines_with(transcriber), StageMessage.model_validate(again)) == "succeeded"
    analysis = audio_service.get_analysis(deps, tenant, audio_file_id)[1]
    assert analysis["scorecard"] == {"id": "default-human", "name": default_scorecard("human").name, "version": "2.8"}
    assert transcriber.calls == 1  # the transcript was reused
    [event] = take_messages(deps, WEBHOOKS_QUEUE, audio_file_id)
    assert json.dumps(event["event"]["data"]["scorecard"]) == '{"id": "default-human", "version": "2.8"}'


def test_a_version_number_whose_row_write_was_lost_is_skipped(deps: Dependencies, tenant: str) -> None:
    scorecard_id = create(deps, tenant)
    # A crash between writing version 2's card and listing it in the row left the card behind.
    orphan = draft(passThreshold=1).to_scorecard(scorecard_id, 2)
    deps.blobs.write_json_if(SCORECARDS_CONTAINER, version_blob_name(tenant, scorecard_id, 2), orphan.to_wire(),
                             etag=None)  # fmt: skip
    added = scorecards.add_version(repository=deps.scorecards, blobs=deps.blobs, tenant_id=tenant,
                                   scorecard_id=scorecard_id, draft=draft())  # fmt: skip
    assert added.version == 3
    body = scorecards.get_scorecard(repository=deps.scorecards, tenant_id=tenant, scorecard_id=scorecard_id)
    assert [v.version for v in body.versions] == [1, 3]
