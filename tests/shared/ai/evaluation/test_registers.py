"""Informal and regional English: agents naming themselves by where they sit or what they are doing,
goodbyes and sympathy from several Englishes, while refusals and dismissals still fail (each case as a
reviewer would judge it, in wording of its own rather than the labelled calls')."""

from __future__ import annotations

import pytest

from shared.ai.evaluation.base import EvaluationContext
from shared.ai.evaluation.intent import load_intent_model, slot_template
from shared.ai.evaluation.rules import RuleBasedEngine
from shared.models.analysis import CriterionResult
from tests.shared.ai.evaluation.call_scripts import Script, build_transcript

pytestmark = pytest.mark.unit

ENGINE = RuleBasedEngine(clock=lambda: "2024-05-01T12:00:00Z", intent=load_intent_model())


def verdict(script: Script, criterion_id: str, *, is_ai_call: bool = False) -> CriterionResult:
    analysis = ENGINE.evaluate(build_transcript(script), EvaluationContext("af", "eng", None, is_ai_call))
    return next(item for item in analysis.criteria if item.id == criterion_id)


def call(opening: str = "Hello, Contoso billing.", middle: str = "Let me look.", goodbye: str = "Okay.") -> Script:
    return (
        ("agent", opening),
        ("customer", "Hi, my parcel never came."),
        ("agent", middle),
        ("customer", "Right, thanks."),
        ("agent", goodbye),
    )


@pytest.mark.parametrize(
    "line",
    [
        "Good afternoon, Saltmarsh Dental, Priya at the front counter.",
        "Harbourside Ferries, Dermot on the phones, how can I help?",
        "Tamworth Lettings maintenance line, Ade taking calls this morning.",
        "Copperleaf Florists, Jun answering.",
        "Westgate Library enquiries, Rhys on duty.",
        "Hello, Bell and Partners Solicitors, Noor at the reception desk.",  # a company named with "and"
        "quarry lane garage hi its mick",  # a salutation after the company, "it's" without its apostrophe
        "redwood kennels morning youre talking to shaz",
        "You're talking to Ines at Brightwater Pools.",
    ],
)
def test_an_agent_naming_themselves_by_role_or_place_greets(line: str) -> None:
    found = verdict(call(opening=line), "greeting")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 0), found.reason


def test_role_phrases_need_a_name_that_is_not_a_common_word() -> None:
    template = slot_template("{org}, {name} on the phones.")
    assert template is not None
    assert template.match("crestwood tiles ola on the phones")
    assert not template.match("yeah go ahead on the phones")


@pytest.mark.parametrize(
    "line",
    [
        "Grand, mind yourself now, cheerio.",
        "Ta-ra then, see you Tuesday.",
        "Sweet as, catch you later.",
        "No dramas, take it easy mate.",
        "Okay madam, have a blessed day.",
        "Alright, look after yourself.",
        "Safe journey home, all the best.",
        "Right then, mind how you go.",
        # Cards 2.3: "catch you" whenever, "laters", "until next time", "speak/talk later", "ciao".
        "Nice one, catch you Monday.",
        "sound laters",
        "Okay, until next time.",
        "Great stuff, talk later.",
        "Perfetto, ciao ciao.",
    ],
)
def test_goodbyes_across_englishes_close_the_call(line: str) -> None:
    found = verdict(call(goodbye=line), "closing")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 4), found.reason


@pytest.mark.parametrize(
    "line",
    [
        "Aw, that's a bummer, let me look.",
        "Oh, you must be gutted about that.",
        "That's rough on a Monday, let me see what happened.",
        "Oh dear, hope you're on the mend soon.",
        "I can only imagine what that was like.",
        "Ah man, that's a proper nightmare.",
        "Oh no, that's an awful feeling, let me look.",  # "oh no" exclaims, it negates nothing
    ],
)
def test_sympathy_in_everyday_words_is_empathy(line: str) -> None:
    found = verdict(call(middle=line), "empathy")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


@pytest.mark.parametrize(
    "line",
    [
        "Sorry, but that's not my problem, mate.",
        "Thanks for holding, let me check.",
        "Well, I'm sorry you feel that way, but rules are rules.",
    ],
)
def test_dismissals_and_thanks_for_holding_are_not_empathy(line: str) -> None:
    assert verdict(call(middle=line), "empathy").verdict != "pass"


def test_know_heard_as_no_after_let_you_still_discloses_recording() -> None:
    line = "hi thornbury insurance just to let you no this call is recorded"
    found = verdict(call(opening=line), "recording_disclosure")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 0), found.reason
    # A real refusal is still one.
    refusal = call(opening="Hello, Contoso. No, we do not record calls.")
    assert verdict(refusal, "recording_disclosure").verdict != "pass"


def test_no_doubt_negates_nothing_and_a_name_may_be_asked_several_words_before_under() -> None:
    found = verdict(call(middle="no doubt youre fed up whats the surname on the account"), "identity_verification")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason
    found = verdict(call(middle="Which name did you book it under?"), "identity_verification")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


@pytest.mark.parametrize(
    ("line", "criterion_id", "segment"),
    [
        ("yeah no fair enough thats super frustrating", "empathy", 2),  # "yeah no" negates nothing
        ("Och, that's a right scunner.", "empathy", 2),
        ("Ugh, that's the worst when it happens.", "empathy", 2),
    ],
)
def test_more_registers_of_sympathy(line: str, criterion_id: str, segment: int) -> None:
    found = verdict(call(middle=line), criterion_id)
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", segment), found.reason


def test_mind_yourself_is_an_irish_goodbye() -> None:
    found = verdict(call(goodbye="Grand so, mind yourself."), "closing")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 4), found.reason
