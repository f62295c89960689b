"""Which voice is the agent, from what each says: greeting, company, "how can I help", AI disclosure.

Stereo recorders put the agent on a fixed channel (``CHANNEL_SPEAKERS``), but a recorder wired the other way
round swaps every role. What agents say (and customers do not) decides it instead, with a confidence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

Cues = tuple[tuple[re.Pattern[str], float], ...]


def _cues(*weighted: tuple[str, float]) -> Cues:
    return tuple((re.compile(pattern, re.IGNORECASE), weight) for pattern, weight in weighted)


# (pattern, weight): phrases an agent says; English and Spanish.
_AGENT_CUES = _cues(
    (r"\b(thank you|thanks) for (calling|contacting|choosing)\b", 3.0),
    (r"\bhow (can|may|could|might) (i|we) (help|assist)\b", 3.0),
    (r"\bwelcome to\b", 2.0),
    (r"\bmy name is\b", 1.0),
    (r"\bthis is \w+ (from|with|at)\b", 1.5),
    (r"\b(virtual|automated|digital|ai) (assistant|agent)\b", 3.0),
    (r"\bthis call (is|may be|will be) (being )?recorded\b", 2.0),
    (r"\banything else (i|we) can\b", 2.0),
    (r"\b(support|customer service|help desk)\b", 0.5),  # the company's team, as agents name it
    (r"\bgracias por (llamar|comunicarse)\b", 3.0),
    (r"\ben qu[eé] (le )?(puedo|podemos) ayudar", 3.0),
    (r"\ble atiende\b", 1.5),
)
# Phrases a customer says about their own account or problem.
_CUSTOMER_CUES = _cues(
    (r"\bi (want|need|would like|'d like)\b", 1.0),
    (r"\bmy (account|order|subscription|bill|card|delivery|package)\b", 1.0),
    (r"\bi was (charged|billed)\b", 1.5),
    (r"\bquiero\b", 1.0),
    (r"\bme cobraron\b", 1.5),
)
# Content must be this sure before it overrules the configured channels.
CONFIDENT = 0.75


@dataclass(frozen=True)
class RoleDecision:
    agent: int  # the voice (channel, or diarized speaker) that is the agent
    confidence: float  # how sure: 0.5 is a coin toss


def agent_score(text: str) -> float:
    """How much ``text`` sounds like the agent's side of a call (negative: like the customer's)."""
    agent = sum(weight * len(pattern.findall(text)) for pattern, weight in _AGENT_CUES)
    customer = sum(weight * len(pattern.findall(text)) for pattern, weight in _CUSTOMER_CUES)
    return agent - customer


def decide_agent(texts: Mapping[int, str]) -> RoleDecision | None:
    """The voice whose words sound most like an agent's; None with fewer than two voices."""
    if len(texts) < 2:
        return None
    scores = sorted(((agent_score(text), voice) for voice, text in texts.items()), reverse=True)
    margin = scores[0][0] - scores[1][0]
    # A logistic on the score margin: one strong cue (3 points) gives about 0.9.
    return RoleDecision(agent=scores[0][1], confidence=round(1 / (1 + math.exp(-0.75 * margin)), 3))
