"""Look-alikes a reviewer fails beside the wording they pass: each criterion's cue said without doing what the
criterion describes (a greeting that names no one, a question that asks nothing of the customer, a promise with
no time), in wording of its own rather than the labelled calls'."""

from __future__ import annotations

import pytest

from tests.shared.ai.evaluation.test_registers import call, verdict

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("line", "passed"),
    [
        ("Good evening, how can I help you tonight?", False),
        ("Thanks for calling, what can I do for you?", False),
        ("Hiya, thank you for calling, how may I help?", False),
        ("Thanks for calling Pemberton Garage, how can I help?", True),
        ("Good evening, Larkspur Hotel, how can I help you?", True),
        ("Welcome to the Copper Kettle, what can I get you?", True),
        ("Saddleworth Taxis, Imran, how can I help?", True),
    ],
)
def test_a_greeting_must_name_who_is_answering(line: str, passed: bool) -> None:
    found = verdict(call(opening=line), "greeting")
    assert (found.verdict == "pass") is passed, found.reason


@pytest.mark.parametrize(
    ("line", "passed"),
    [
        ("Hiya, I'm the parcel line's computer, not a member of the team.", False),
        ("I'm the reservations computer, I'm afraid, not a person.", False),
        ("Just so you know, the account's in the name of Mr. Patel.", False),
        ("I've sent the claim across to our theft team.", False),
        ("Tell me the registration on the van, please.", True),
        ("Okay, and the policy's under which surname?", True),
    ],
)
def test_an_identity_check_asks_the_customer_something(line: str, passed: bool) -> None:
    found = verdict(call(middle=line), "identity_verification")
    assert (found.verdict == "pass") is passed, found.reason


@pytest.mark.parametrize(
    ("line", "passed"),
    [
        ("That's all I can do for you from here, I'm afraid, the billing side sits with another team.", False),
        ("Anything more you need from me before you go?", True),
    ],
)
def test_an_offer_of_more_help_is_asked(line: str, passed: bool) -> None:
    found = verdict(call(goodbye=line), "further_help")
    assert (found.verdict == "pass") is passed, found.reason


@pytest.mark.parametrize(
    ("line", "passed"),
    [
        ("Sorry about all the background noise, the builders are in next door.", False),
        ("Sorry if that came across as rude, we're just busy today.", False),
        ("Sorry that you feel that way about the new prices.", False),
        ("You're breaking up there, give me the last bit again.", False),
        ("Line's gone crackly, say the last bit again for me.", False),
        ("Sorry, but that's your own mistake for booking the wrong day.", False),
        ("Sorry madam, but that is what happens when the filter is left in.", False),
        ("Sorry about the mix-up with your parcel, that's on us.", True),
        ("Oh no, I'm sorry the line kept dropping on you all week, that's no good for a home worker.", True),
    ],
)
def test_an_apology_for_something_else_than_the_customers_problem_is_no_empathy(line: str, passed: bool) -> None:
    found = verdict(call(middle=line), "empathy")
    assert (found.verdict == "pass") is passed, found.reason


@pytest.mark.parametrize(
    ("line", "passed"),
    [
        ("Someone from dispatch will get back to you about the replacement at some point.", False),
        ("It'll all get sorted, don't you worry.", False),
        ("You will receive an update once the team have looked at it.", False),
        ("I've rebooked the fitter, he'll be with you Thursday between eight and ten.", True),
        ("Your refund's gone through, give it three to five working days to show.", True),
        ("The certificate will come by email on the fifteenth.", True),
    ],
)
def test_a_resolution_says_when(line: str, passed: bool) -> None:
    found = verdict(call(middle=line), "resolution")
    assert (found.verdict == "pass") is passed, found.reason


@pytest.mark.parametrize(
    ("line", "passed"),
    [
        # The name said in the sentence before the offer of help is the greeting's.
        ("Good evening, Larchfield Opticians, lovely to hear from you. What can I do for you this evening?", True),
        ("Yeah, hang on a sec. How can I help you today?", False),
    ],
)
def test_a_greeting_may_name_who_answers_in_an_earlier_sentence_of_the_turn(line: str, passed: bool) -> None:
    found = verdict(call(opening=line), "greeting")
    assert (found.verdict == "pass") is passed, found.reason


@pytest.mark.parametrize(
    ("line", "passed"),
    [
        # The words of an offer of more help in a statement offer nothing now.
        ("There's a couple more things we can look at for you on Thursday.", False),
        # A question in the negative still asks whether there is more.
        ("Nothing more I can sort for you, no?", True),
        ("Nothing else I can help with today, no?", True),
    ],
)
def test_an_offer_of_more_help_is_a_question_even_in_the_negative(line: str, passed: bool) -> None:
    found = verdict(call(goodbye=line), "further_help")
    assert (found.verdict == "pass") is passed, found.reason


def test_a_what_that_means_the_thing_that_asks_nothing() -> None:
    found = verdict(call(middle="Your account number is what links the two orders together."), "identity_verification")
    assert found.verdict == "fail", found.reason


@pytest.mark.parametrize(
    "line",
    [
        "Sorry, sorry, you go ahead.",  # talking over the customer
        "Oh right, got it. Which day was the jab?",  # only acknowledging what was said
    ],
)
def test_a_sorry_for_talking_over_or_a_bare_acknowledgement_is_no_empathy(line: str) -> None:
    found = verdict(call(middle=line), "empathy")
    assert found.verdict != "pass", found.reason


@pytest.mark.parametrize(
    ("line", "passed"),
    [
        ("I ought to have mentioned earlier, this call is recorded for training.", False),
        ("Before I let you go, calls on this line are recorded for training.", False),
        # Owning to a late introduction is not owning to a late disclosure.
        ("Sorry, I should have said, it's Tomasz here, and calls on this line are recorded for training.", True),
        ("Just a heads up, this call is recorded for training.", True),
    ],
)
def test_a_disclosure_the_agent_says_is_late_is_late(line: str, passed: bool) -> None:
    found = verdict(call(middle=line), "recording_disclosure")
    assert (found.verdict == "pass") is passed, found.reason


@pytest.mark.parametrize(
    ("line", "passed"),
    [
        # A word or two that shares only pieces of words with an example ("missed" / "miss it", "poorly" / "poor
        # you", "unfairly" / "unfair", "gutter" / "gutted") is no paraphrase of it.
        ("Missed.", False),
        ("Poorly.", False),
        ("Unfairly.", False),
        ("Gutter.", False),
        # ... but a word or two that says it in the example's own words is.
        ("Oh no.", True),
        ("Poor you.", True),
    ],
)
def test_a_word_or_two_must_share_a_word_with_the_example_it_is_near(line: str, passed: bool) -> None:
    found = verdict(call(middle=line), "empathy")
    assert (found.verdict == "pass") is passed, found.reason


@pytest.mark.parametrize(
    "line",
    [
        # Blame near the words of a request ("it's written on the form") asks the customer for nothing.
        "well thats on you not us its written right on the form in big print",
        "look if you had read the booking email like i said you would know the reference would you not",
        "sorry mate thats your own fault the details are printed on your receipt",
    ],
)
def test_a_sentence_that_dismisses_the_customer_is_no_paraphrase_of_a_request(line: str) -> None:
    assert verdict(call(middle=line), "identity_verification").verdict != "pass"


@pytest.mark.parametrize(
    ("line", "criterion_id"),
    [
        ("can you read me the number on your card please", "identity_verification"),
        # A promise of the agent's own doing is no rudeness.
        ("I promise I'll ring you back tomorrow morning.", "resolution"),
    ],
)
def test_requests_and_own_promises_near_them_still_pass(line: str, criterion_id: str) -> None:
    assert verdict(call(middle=line), criterion_id).verdict == "pass"


@pytest.mark.parametrize(
    ("line", "passed"),
    [
        # Anything more sent to someone else is no offer of more help; an invitation to call back is.
        ("For anything else you'd need to talk to your letting agent.", False),
        ("With anything else, please contact the council directly.", False),
        ("Is there anything else I can help you with today?", True),
    ],
)
def test_anything_more_sent_to_someone_else_is_no_offer_of_more_help(line: str, passed: bool) -> None:
    found = verdict(call(goodbye=line), "further_help")
    assert (found.verdict == "pass") is passed, found.reason
