"""Roles from content: which voice is the agent, and stereo calls whose channels are the wrong way round."""

from __future__ import annotations

import pytest

from scripts.sample_calls import AI_AGENT_CALL, SPANISH_CALL, SUPPORT_CALL, CallScript
from shared.ai.transcription.offline import DraftSegment, channel_roles
from shared.ai.transcription.roles import CONFIDENT, agent_score, decide_agent

pytestmark = pytest.mark.unit


def _texts(script: CallScript, agent_voice: int) -> dict[int, str]:
    texts = {0: "", 1: ""}
    for turn in script.turns:
        voice = agent_voice if turn.speaker == "agent" else 1 - agent_voice
        texts[voice] += " " + turn.text
    return texts


@pytest.mark.parametrize("script", [SUPPORT_CALL, AI_AGENT_CALL, SPANISH_CALL], ids=lambda s: s.name)
@pytest.mark.parametrize("agent_voice", [0, 1])
def test_the_agent_is_found_from_what_they_say(script: CallScript, agent_voice: int) -> None:
    decision = decide_agent(_texts(script, agent_voice))

    assert decision is not None and decision.agent == agent_voice
    assert decision.confidence >= CONFIDENT


def test_cues_point_both_ways() -> None:
    assert agent_score("Thank you for calling Contoso, how can I help you?") > 3
    assert agent_score("I was charged twice on my account and I want a refund") < 0
    assert agent_score("okay") == 0


def test_one_voice_has_no_roles() -> None:
    assert decide_agent({0: "Thank you for calling"}) is None


def _drafts(script: CallScript, agent_channel: int) -> list[DraftSegment]:
    return [
        DraftSegment(agent_channel if t.speaker == "agent" else 1 - agent_channel, 1000 * i, 1000 * i + 900, t.text)
        for i, t in enumerate(script.turns)
    ]


def test_swapped_channels_are_relabelled_and_say_so() -> None:
    names, roles = channel_roles(["agent", "customer"], _drafts(SUPPORT_CALL, agent_channel=1))

    assert names == ["customer", "agent"]
    assert roles is not None and (roles.source, roles.swapped) == ("content", True) and roles.confidence >= CONFIDENT


def test_channels_the_right_way_round_are_kept() -> None:
    names, roles = channel_roles(["rep", "caller"], _drafts(AI_AGENT_CALL, agent_channel=0))

    assert names == ["rep", "caller"]
    assert roles is not None and (roles.source, roles.swapped) == ("content", False)


def test_without_telling_content_the_configured_channels_stand() -> None:
    drafts = [DraftSegment(0, 0, 900, "okay"), DraftSegment(1, 1000, 1900, "right")]

    names, roles = channel_roles(["agent", "customer"], drafts)

    assert names == ["agent", "customer"]
    assert roles is not None and roles.source == "channel" and not roles.swapped
