"""The grammar of openings and apologies: how agents introduce themselves beyond the cards' own wording, names a
caller answers to after a greeting of their own, a "sorry" that only asks back what was said, and example wording
made only of common words, which is no cue (each case as a reviewer would judge it, in wording of its own rather
than the labelled calls')."""

from __future__ import annotations

import pytest

from shared.ai.evaluation.intent import slot_template
from shared.ai.evaluation.rules import _example_phrases
from tests.shared.ai.evaluation.call_scripts import Script
from tests.shared.ai.evaluation.short_calls import INTENT_ENGINE, call, judged, verdict

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("line", "passed"),
    [
        # Any way of introducing oneself stands for the example's, "my name" without its verb too.
        ("Ostrava Glassworks, my name Pavel, what is the problem?", True),
        ("Good day, Marlow Boatyard, it's Kofi.", True),
        # "Talking with" as "speaking to", and any word for being at the customer's service after the name.
        ("Kia ora, Tui Street Bakery, you're talking with Aroha.", True),
        ("Hello, Brindle Vets, Oksana assisting you this evening.", True),
        # Look-alikes that still name no one.
        ("Hello, my name is on the list, is it?", False),
    ],
)
def test_an_agent_introduces_themselves_in_more_than_the_cards_words(line: str, passed: bool) -> None:
    found = verdict(call(opening=line), "greeting")
    assert (found.verdict == "pass") is passed, found.reason


def test_introductions_and_doing_words_are_read_only_beside_the_name() -> None:
    template = slot_template("{org}, this is {name}.")
    assert template is not None
    assert template.fullmatch("harlow tyres my name hamid")
    assert template.fullmatch("harlow tyres i am hamid")
    assert not template.fullmatch("harlow tyres my hamid")
    doing = slot_template("{org}, {name} speaking.")
    assert doing is not None
    assert doing.fullmatch("harlow tyres hamid helping")
    assert not doing.fullmatch("harlow tyres hamid bleating")
    talking = slot_template("{org}, you're speaking with {name}.")
    assert talking is not None
    assert talking.fullmatch("harlow tyres you are talking to hamid")
    assert not talking.fullmatch("harlow tyres you are talking about hamid")


def answered(opening: str, reply: str) -> Script:
    return (
        ("agent", opening),
        ("customer", reply),
        ("agent", "Let me look."),
        ("customer", "Right, thanks."),
        ("agent", "Okay."),
    )


@pytest.mark.parametrize(
    ("opening", "reply", "passed"),
    [
        # The caller answers to the name after a greeting of their own.
        ("Yebo, Umlazi Solar installs, with you is Thabo.", "Sawubona Thabo, my inverter is beeping.", True),
        ("salaam alaikum crescent halal butchers yusuf for the orders", "salaam yusuf my order is short", True),
        # A name the greeting never said is not who answered; nor is a word that greets nothing.
        ("Hello?", "Sawubona Thabo, my inverter is beeping.", False),
        ("Go ahead.", "Morning Priya, the boiler's out again.", False),
    ],
)
def test_a_name_the_caller_answers_to_after_their_own_greeting_says_who_answered(
    opening: str, reply: str, passed: bool
) -> None:
    found = verdict(answered(opening, reply), "greeting")
    assert (found.verdict == "pass") is passed, found.reason


@pytest.mark.parametrize(
    ("line", "passed"),
    [
        # A "sorry" opening a question that checks what the customer said apologises for nothing.
        ("Sorry, did you say the fourteenth or the fortieth? Bad signal here.", False),
        ("Sorry, was that an M or an N?", False),
        ("Sorry, which one was it?", False),
        # Look-alikes: a real apology, and one followed by a question of its own.
        ("Sorry, did that really happen twice? That's awful, I'm sorry.", True),
        ("Sorry about that, it shouldn't have happened. Did you say it came Tuesday?", True),
        ("I'm so sorry, was the box damaged as well?", True),
    ],
)
def test_a_sorry_that_only_asks_back_what_was_said_is_no_empathy(line: str, passed: bool) -> None:
    found = verdict(call(middle=line), "empathy")
    assert (found.verdict == "pass") is passed, found.reason


def test_example_wording_made_only_of_common_words_is_no_cue() -> None:
    phrases = _example_phrases(("Hello, this is the {org} automated phone line.", "I'm an AI assistant."))
    assert ("hello", "this", "is", "the") not in phrases
    assert ("automated", "phone", "line") in phrases
    assert _example_phrases(("Anything else I can do?",)) == [("anything", "else", "i", "can", "do")]
    # Where every example names someone, the name beside them is checked, and common words stay a cue.
    assert ("how", "can", "i", "help") in _example_phrases(("{org}, how can I help?", "{org}, {name} here."))


@pytest.mark.parametrize(
    ("line", "passed"),
    [
        ("Hello, this is the Ridgeway boiler recall line. What's the serial number?", False),
        ("Hello, this is the Ridgeway automated phone line.", True),
    ],
)
def test_a_line_named_without_saying_it_is_automated_discloses_nothing(line: str, passed: bool) -> None:
    found = verdict(call(opening=line), "ai_disclosure", is_ai_call=True)
    assert (found.verdict == "pass") is passed, found.reason


@pytest.mark.parametrize(
    ("line", "passed"),
    [
        # The "no" of "yes or no" names the other answer and denies nothing ...
        ("I've added you to the reserve list just now. You'll get a yes or no from the committee by Monday.", True),
        ("I've passed your appeal on. You'll have a yes or a no from the panel by Friday, by letter.", True),
        # ... while a "no" of its own still does.
        ("I've added you to the reserve list. No, you won't hear from the committee by Monday.", False),
    ],
)
def test_the_no_of_yes_or_no_denies_nothing(line: str, passed: bool) -> None:
    found = verdict(call(middle=line), "resolution")
    assert (found.verdict == "pass") is passed, found.reason


@pytest.mark.parametrize(
    ("line", "passed"),
    [
        # Thanks for the call, in whatever language the thanks is said.
        ("Right, merci beaucoup for calling, au revoir.", True),
        ("Okay then, danke schön for ringing.", True),
        # Look-alikes: an apology for calling, and the reason for it, thank no one.
        ("Okay, sorry for calling so late.", False),
        ("Okay, so that was the reason for calling.", False),
    ],
)
def test_thanks_for_the_call_in_any_language_closes_it(line: str, passed: bool) -> None:
    found = verdict(call(goodbye=line), "closing")
    assert (found.verdict == "pass") is passed, found.reason


def _opened_with(first: str) -> Script:
    return (
        ("agent", first),
        ("customer", "Hi, my order hasn't arrived."),
        ("agent", "Let me check that for you."),
        ("customer", "Thanks."),
        ("agent", "Okay, bye now."),
    )


@pytest.mark.parametrize("first", ["Sim, diga.", "Jee, bolein.", "Si, digame.", "Ndiyo, sema."])
def test_a_yes_go_ahead_in_another_language_names_no_company(first: str) -> None:
    found = judged(INTENT_ENGINE, _opened_with(first), "greeting")
    assert found.verdict == "fail", found.reason


def test_a_company_and_a_name_alone_still_greet() -> None:
    found = judged(INTENT_ENGINE, _opened_with("Tata Motors, Ravi."), "greeting")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 0), found.reason
