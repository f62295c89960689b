"""What a sentence does to the customer: insults, dismissals and guarantees found by their grammar, apologies
undone by sarcasm or blame, denials and questions that look like passes (wording unlike any card example)."""

from __future__ import annotations

import pytest

from shared.ai.evaluation import tone
from shared.ai.evaluation.rules import RuleBasedEngine
from shared.ai.evaluation.scorecards import default_scorecard
from tests.shared.ai.evaluation.call_scripts import Script
from tests.shared.ai.evaluation.short_calls import (
    DEFAULT_ENGINE,
    ENGINES,
    INTENT_ENGINE,
    PHRASE_ENGINE,
    call,
    judged,
    kinds,
    verdict,
)

pytestmark = pytest.mark.unit


def around(line: str) -> Script:
    """A short call with ``line`` as the agent's third turn."""
    return (
        ("agent", "Morning, Alder Street Vets, Priya speaking."),
        ("customer", "Hi, the invoice for my cat's jab is double what you quoted."),
        ("agent", line),
        ("customer", "Right."),
        ("agent", "Thanks for calling, bye now."),
    )


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Frankly that's all on you, the form was clear.", "dismisses the customer"),
        ("Well it's your own fault for booking the late slot.", "dismisses the customer"),
        ("No clue. It turns up when it turns up.", "dismisses the customer"),
        ("oh whatever anyway what's the postcode", "dismisses the customer"),
        ("Honestly, that isn't my concern.", "dismisses the customer"),
        ("You'll have to work it out on your own.", "dismisses the customer"),
        ("Are you even listening to me?", "talks down to the customer"),
        ("Sir, you need to calm down.", "talks down to the customer"),
        ("It's not rocket science, is it.", "talks down to the customer"),
        ("That's a daft question, the price is on the site.", "talks down to the customer"),
        ("The loan will certainly go through, guaranteed.", "promises an outcome"),
        ("The council will sign it off, you have my word.", "promises an outcome"),
        ("Planning permission? That's a done deal, stop fretting.", "promises an outcome"),
        ("Honestly, my gran could use this app.", "talks down to the customer"),
        ("Okay, calm down, it's only a parking ticket.", "talks down to the customer"),
        ("Stop moaning and give me the reference.", "talks down to the customer"),
        ("Like I said three times already, the form's online.", "talks down to the customer"),
        ("Whatever you say, the van's coming anyway.", "dismisses the customer"),
        ("Your visa's approved, you can take that to the bank.", "promises an outcome"),
        # Blame in the words of neglect, rules and reasons.
        ("Cracked screens are usually down to carelessness.", "dismisses the customer"),
        ("The delay happened because you did not submit the form.", "dismisses the customer"),
        ("Lost keys are the tenant's own responsibility.", "dismisses the customer"),
        ("That damage is your responsibility, not the landlord's.", "dismisses the customer"),
        ("That's what happens when people don't read the label.", "dismisses the customer"),
        ("Every summer it's the same story with the tourists.", "dismisses the customer"),
        ("Everyone says they never got the letter.", "dismisses the customer"),
        ("And then you expect a miracle from us.", "talks down to the customer"),
        ("Honestly, the old printer is junk.", "talks down to the customer"),
        ("I'm amazed it worked at all, the state of it.", "talks down to the customer"),
        ("Frankly, resetting a router is not that hard.", "talks down to the customer"),
        ("The form was maybe a bit too much for you.", "talks down to the customer"),
        ("I'm not sure how much simpler we could make it.", "talks down to the customer"),
        ("Rain or shine it'll be open, I can guarantee it.", "promises an outcome"),
        ("If you ring us again about this, your account will be suspended.", "threatens the customer"),
        ("I'll personally make sure no garage in town services your car.", "threatens the customer"),
        ("Do you want your kids to carry that debt?", "threatens the customer"),
        ("Sure, knock yourself out.", "mocks the customer"),
        ("Next you'll be wanting us to deliver it by drone.", "mocks the customer"),
        ("Hundred percent it will be there by Monday, I am giving you my word.", "promises an outcome"),
        ("Members who keep doing this get put on a blocked list.", "threatens the customer"),
        ("Nobody here will take your orders again.", "threatens the customer"),
        ("Don't ring here blaming us for the weather.", "dismisses the customer"),
        ("Look, everybody's got an excuse.", "dismisses the customer"),
        # One of too many callers to bother with.
        ("Do you know how many calls I've taken today about this same thing?", "talks down to the customer"),
        ("Look, you're the third call this week about one tap.", "talks down to the customer"),
        # Those who read, set against the customer; slowed down for them; others who manage.
        ("Customers who actually read the reminder emails don't usually run into this.", "talks down to the customer"),
        ("Let me go real slow for you so you can follow.", "talks down to the customer"),
        ("Other parents manage to do it.", "talks down to the customer"),
        ("They'll be ready when they're ready, sisi.", "dismisses the customer"),
        ("Did you think of phoning before driving in, or is that too modern?", "mocks the customer"),
        ("Once you upload the job card this fine will surely be cancelled.", "promises an outcome"),
        ("Oh for God's sake.", "talks down to the customer"),
        ("People like this, really make our life very hard.", "talks down to the customer"),
        ("Sorry na lang po if the party has to wait.", "dismisses the customer"),
        ("I'm telling you how it goes.", "dismisses the customer"),
        ("You'll be through security in under five minutes, guaranteed, even in the rush.", "promises an outcome"),
        ("This time the money is pakka coming back by tomorrow morning.", "promises an outcome"),
        ("Please be more careful next time.", "talks down to the customer"),
        # Shamed before the people they know; blamed by name; their trouble kept as a story; their kind said not to
        # get it.
        (
            "If it's not paid by six, we will message every contact in your phone, and your employer.",
            "threatens the customer",
        ),
        ("We'll tell your family you are someone who does not pay her debts.", "threatens the customer"),
        ("I'll make sure every rental company in the country knows your name.", "threatens the customer"),
        ("This error was made by you, not by the system.", "dismisses the customer"),
        ("Oh, that's a classic. I'm putting that one on the whiteboard for the boys.", "mocks the customer"),
        ("Wait till I tell the lads about this.", "mocks the customer"),
        ("Some people they just don't get how these things work.", "talks down to the customer"),
        # Their handling guessed at; set against others who follow it or wait.
        ("I am sorry, but maybe you stored it wrong, with no cedar.", "dismisses the customer"),
        ("Most of our customers naman po, they follow it and no problem.", "talks down to the customer"),
        ("I suppose it is easier to cancel than to wait two days like everybody else.", "talks down to the customer"),
        # The firm's trouble denied; slowed down, or their age made the reason; others who "know this".
        ("If the driver takes it to the wrong depot, that is not our problem.", "dismisses the customer"),
        ("Alright, I'll go nice and slow here so it doesn't get confusing.", "talks down to the customer"),
        ("These apps can be a bit much for some of our older customers.", "talks down to the customer"),
        ("Honestly, people who buy vintage watches usually know this.", "talks down to the customer"),
        ("Good luck with that.", "mocks the customer"),
        # A mishap exclaimed at as typical, or treated as a child's; what everybody knows before they book.
        ("Dropped it again? Classic!", "mocks the customer"),
        ("Maybe get your mum to look after it for you.", "mocks the customer"),
        ("Most folks can tell a left boot from a right by the time they're grown.", "mocks the customer"),
        ("We don't refund rain, everybody knows that before they book.", "talks down to the customer"),
        # Shut out of a trade, punished for calling, named on a board; measured against a pet; a skill beyond them.
        ("Pay by Friday or no agency in Osaka will rent to you again.", "threatens the customer"),
        ("If you keep calling about this, your account will be suspended.", "threatens the customer"),
        ("Your name goes up on the board at reception with the other defaulters.", "threatens the customer"),
        ("Even my dog knows not to do that.", "talks down to the customer"),
        ("Maths clearly isn't your strong suit.", "talks down to the customer"),
        ("Maybe you need staff who finished school.", "talks down to the customer"),
        # What they should have done first; their kind held up as the trouble; no way for it to go wrong again.
        ("Well, you should have switched off the mains before you touched it.", "dismisses the customer"),
        ("People like you are the reason we have a queue every Monday.", "talks down to the customer"),
        ("Every day we get tenants who cannot read a meter.", "talks down to the customer"),
        ("Customers love to think a kettle descales itself.", "talks down to the customer"),
        ("There's no way the flight gets cancelled again, you'll be fine.", "promises an outcome"),
        # A delay their calls cause made theirs; a trade shut to them; their job sent to the back for how they speak;
        # people sent to their yard; an approval called certain.
        ("Further delays caused by your constant calls are your responsibility.", "dismisses the customer"),
        ("I will make sure no dealer in the county gives you credit again.", "threatens the customer"),
        ("Carry on speaking to me like this and your claim goes to the bottom of the list.", "threatens the customer"),
        (
            "If the rent is not paid by Monday, we are sending the bailiffs round to your compound.",
            "threatens the customer",
        ),
        ("Your mortgage is guaranteed, whatever the underwriter says.", "promises an outcome"),
    ],
)
def test_insults_dismissals_and_guarantees_are_found_by_their_grammar(sentence: str, kind: str) -> None:
    assert kind in kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Whatever time suits you is fine by me.",
        "No idea yet, but let me check with the warehouse and ring you back.",
        "That's on your account now, under the March invoice.",
        "It can take a while for the dog to calm down after the anaesthetic.",
        "The music helps him settle down at night.",
        "Your deposit is guaranteed by the scheme.",
        "I'll sort it out for you myself.",
        "Next you'll want to press the reset button.",
        "I can guarantee I'll call you back by five.",
        "It's not our fault the courier was late, but I'll sort out a refund.",
        "The rubbish collection is on Tuesdays.",
        "Because you didn't receive the code, I'll send another one.",
        "That's what happens when the frost gets into the pipes.",
        "You're not the only one with the outage, we've had lots of calls.",
        "You have been added to our do not call list.",
        "A hundred percent of the fee will be refunded.",
        "You're the first caller today, congratulations.",
        "Most people manage fine with the app, but I can walk you through it.",
        "It'll be ready when the paint is dry.",
        "Customers who read the newsletter get first dibs on tickets.",
        "I'll go slowly so you can write it down.",
        "We will definitely cancel the order today.",
        "People like this can apply online.",
        "I'm telling you how it works so you can plan.",
        "Your deposit will be guaranteed by the scheme.",
        "The price will stay the same, guaranteed by contract.",
        "We'll be more careful with the packing next time.",
        "We will contact your employer to confirm your income.",
        "I'll make sure everyone in the office knows your parcel is coming.",
        "The error was made by the courier, not by you.",
        "I'm putting that on the board for the engineers to fix.",
        "Some people don't get how the app works, so let me walk you through it.",
        "Some people don't get the email, so check your spam folder.",
        "Maybe you could store it in a cool cupboard.",
        "Most customers follow the link with no problem, but I can send it again.",
        "If you read the leaflet, it says not to take it with food.",
        "It's quicker to book online than to wait on the phone.",
        "Good luck with that exam on Friday.",
        "People who fly often usually know this, but let me explain the baggage rule.",
        "The stairs can be hard for some of our older guests, so we put you on the ground floor.",
        "I'll go nice and slow so you can write it down.",
        "What you spend it on is none of our business.",
        "It's a classic car, the 1967 model.",
        "Classic mistake with that model, the latch sticks, I'll send a new one.",
        "Your mum can call us to change the booking.",
        "Most people book the tour by the time they're in Oslo.",
        "No one will rent to you again without a reference, so let me write you one.",
        "If you keep calling us, we will call you back within the hour.",
        "Your name will be on the list for the tasting.",
        "You should have received a text with the code by now.",
        "You should have checked in online already, so just go to bag drop.",
        "People like you are why we opened on Sundays, thank you.",
        "Every day we get people who love the new menu.",
        "There's no way to get it cancelled online, so I'll do it for you.",
        "Any delay caused by our courier is our responsibility, not yours.",
        "I'll make sure no one charges you for that again.",
        "Your job goes to the top of the list now, don't worry.",
        "We're sending our engineer to your yard on Monday.",
        "Your approval is not guaranteed, it depends on the lender.",
    ],
)
def test_innocent_sentences_are_not_taken_for_them(sentence: str) -> None:
    assert kinds(sentence) == []


def test_a_criterion_takes_up_only_the_kinds_its_fail_examples_show() -> None:
    card = default_scorecard("human")
    prohibited = next(c for c in card.criteria if c.id == "no_prohibited_language")
    assert tone.kinds_shown_by(prohibited.fail_examples) == tuple(tone.RULES)
    assert tone.kinds_shown_by(["Mentioning Fabrikam by name", "our rivals are cheaper"]) == ()


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "Well that's really on you, the deadline was in the letter.",
        "Look, you need to calm down and let me talk.",
        "Dunno. It'll come when it comes.",
        "Your visa will certainly come through, guaranteed.",
    ],
)
def test_prohibited_language_in_fresh_words_fails_and_says_what_it_does(engine: RuleBasedEngine, line: str) -> None:
    found = judged(engine, around(line), "no_prohibited_language")
    assert found.verdict == "fail", found.reason
    assert found.evidence[0].segment_index == 2
    assert any(kind in found.reason for kind in tone.RULES)


@ENGINES
@pytest.mark.parametrize(
    ("line", "who"),
    [
        # Someone else's words, reported; a refusal to blame; the customer's own words.
        ("The driver said your own fault? I'm so sorry, that's awful.", "agent"),
        ("I'm not saying it's on you at all, we'll fix it.", "agent"),
        ("Ha, a damn racket, my grandad used to say exactly the same about insurance.", "agent"),
        ("There's no such thing as a silly question here.", "agent"),
        ("Calm down, I said to myself, the car is insured.", "customer"),
    ],
)
def test_the_same_words_quoted_negated_or_from_the_customer_pass(engine: RuleBasedEngine, line: str, who: str) -> None:
    script = (*around("Let me see.")[:2], (who, line), *around("Let me see.")[3:])
    assert judged(engine, script, "no_prohibited_language").verdict != "fail"


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "I'm sorry about the bill, but you should have checked the quote before the appointment.",
        "Apologies for that, but if you'd read the leaflet you'd have known.",
        "Oh I'm so sorry you had to hold for a whole 3 minutes.",
        "A lost parcel, how awful, never heard that one before.",
        "Apologies for the mix-up, I guess.",
        "Why would I apologise, the storm isn't our doing.",
        "What do you want me to say, that I'm sorry the state doesn't give power?",
        "Sorry, but if you read the care card, it says do not put the box on the floor.",
        "So sorry the naughty printer hurt your feelings.",
        "I'm sorry you didn't read the small print, but that's how it works.",
        "Sorry, but maybe you stored it wrong.",
        "You're welcome to complain if it makes you feel better.",
        "Sorry, but the opening hours are written on the door very clearly.",
        "I'm sorry, but the fee is clearly stated in the terms.",
    ],
)
def test_an_apology_undone_by_blame_or_sarcasm_is_no_empathy(engine: RuleBasedEngine, line: str) -> None:
    found = judged(engine, around(line), "empathy")
    assert found.verdict != "pass", found.reason


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "I'm so sorry, but the good news is I can waive the extra today.",
        "I'm sorry, but the fee was not written clearly on the form, so I'll refund it.",
    ],
)
def test_an_apology_with_a_but_that_blames_nobody_still_counts(engine: RuleBasedEngine, line: str) -> None:
    assert judged(engine, around(line), "empathy").verdict == "pass"


def test_a_clause_of_a_sentence_that_denies_recording_does_not_pass() -> None:
    line = "Just so you're aware, our recorder has been off since Monday, so none of this is kept."
    script = (("agent", line), *around("Let me look.")[1:])
    assert judged(INTENT_ENGINE, script, "recording_disclosure").verdict == "fail"


def test_a_question_is_no_resolution() -> None:
    assert judged(INTENT_ENGINE, around("and when did you want the refund to go back"), "resolution").verdict == "fail"


@ENGINES
@pytest.mark.parametrize(
    ("line", "passed"),
    [
        # A when taken back as soon as it is said, or a size read as a time, is no when.
        ("You will receive a replacement at some point, when the next shipment goes.", False),
        ("It ships when the port opens. Maybe next week, maybe after.", False),
        ("Someone will ring you back next week, but honestly it could be a while.", False),
        ("So I'm looking at the order, the width is written down at 71 inches, and that's what we built.", False),
        ("You will receive the refund at some point today, by five at the latest.", True),
        ("I'll ring you back at 4 with the quote.", True),
        # Two whens far apart set against each other; a range of days is still a when.
        ("The refund will reach you, could be five working days, could be three weeks.", False),
        ("A fitter will come out, this week, next week, depends on the rota.", False),
        ("The refund will reach you, could be three working days, could be five days.", True),
    ],
)
def test_a_when_taken_back_or_a_measurement_is_no_when(engine: RuleBasedEngine, line: str, passed: bool) -> None:
    found = judged(engine, around(line), "resolution")
    assert (found.verdict == "pass") is passed, found.reason


@ENGINES
def test_luck_wished_with_a_shrug_is_no_polite_close(engine: RuleBasedEngine) -> None:
    script = (*around("We can't refund a used voucher.")[:4], ("agent", "Well, good luck with that."))
    assert judged(engine, script, "closing").verdict != "pass"
    script = (*around("We can't refund a used voucher.")[:4], ("agent", "Good luck with the move, bye now."))
    assert judged(engine, script, "closing").verdict == "pass"


@pytest.mark.parametrize(
    ("line", "verdict"),
    [
        # A refusal that runs on to the person denies the whole transfer ...
        ("I'm sorry, I'm not able to put you through to a live agent today.", "fail"),
        ("I am unable to connect you to a human advisor for billing questions.", "fail"),
        # ... but not an offer made in a clause of its own after it.
        ("I'm not able to transfer you right now, but you can ask for a live agent by pressing zero.", "pass"),
    ],
)
def test_a_refusal_that_runs_on_to_the_person_is_no_offer_but_one_after_it_is(line: str, verdict: str) -> None:
    script = (
        ("agent", "Hi, I'm the automated assistant for Contoso Energy, this call is recorded."),
        ("customer", "Can I speak to a real person please?"),
        ("agent", line),
        ("customer", "Fine."),
        ("agent", "Thanks for calling, goodbye."),
    )
    assert judged(INTENT_ENGINE, script, "escalation_offer", is_ai_call=True).verdict == verdict


def test_no_more_help_said_with_a_tag_is_no_offer_of_it() -> None:
    line = "Look, there's nothing more I can do for you, okay?"
    assert judged(INTENT_ENGINE, around(line), "further_help").verdict == "fail"


@pytest.mark.parametrize(
    "line",
    [
        "We stock Fat Bastard, the Languedoc red, it's very popular.",
        "Your tour stops at the village called Fucking, near Salzburg.",
        "The beads are called Big Ass Beads, I promise I'm not cussing at you.",
    ],
)
def test_rude_words_inside_names_are_innocent(line: str) -> None:
    assert judged(INTENT_ENGINE, around(line), "no_prohibited_language").verdict == "pass"


def test_a_refusal_after_a_long_run_of_words_is_no_offer_of_more_help() -> None:
    line = "look i have to pass this up to the practice manager first there isnt anything else i can do for you today"
    assert judged(INTENT_ENGINE, around(line), "further_help").verdict == "fail"


def test_a_pass_cites_the_words_it_weighed() -> None:
    script = (
        ("agent", "Morning, Alder Street Vets, Priya speaking."),
        ("customer", "The last vet was a bloody idiot about my cat."),
        ("agent", "I can't guarantee the same vet, but our Dumbleton clinic has a slot on Friday."),
        ("customer", "Fine."),
        ("agent", "Thanks for calling, bye now."),
    )
    found = judged(PHRASE_ENGINE, script, "no_prohibited_language")
    assert found.verdict == "pass"
    assert {evidence.segment_index for evidence in found.evidence} == {1, 2}


def _with_late_question(question: str, *, opening: str = "Morning, Alder Street Vets, Priya speaking.") -> Script:
    return (
        ("agent", opening),
        ("customer", "Hi, the invoice for my cat's jab is double what you quoted."),
        ("agent", "Sorry about that. I've corrected it, and the new invoice will be emailed today."),
        ("customer", "Great."),
        ("agent", question),
        ("customer", "No, that's it."),
        ("agent", "Thanks for calling, bye now."),
    )


@pytest.mark.parametrize("question", ["Got anything more on your list for me?", "anything further on your side"])
def test_a_late_question_that_leaves_the_call_open_is_an_offer_of_more_help(question: str) -> None:
    found = judged(INTENT_ENGINE, _with_late_question(question), "further_help")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 4), found.reason


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        # Asking for a detail, however open it sounds.
        ("Any other email address we might have it under?", "Morning, Alder Street Vets, Priya speaking."),
        # The opening question of a call offers help, but not more of it.
        ("Okay.", "Morning, Alder Street Vets, Priya speaking, what can I do for you?"),
    ],
)
def test_questions_for_details_and_opening_questions_are_no_offer_of_more_help(question: str, opening: str) -> None:
    found = judged(INTENT_ENGINE, _with_late_question(question, opening=opening), "further_help")
    assert found.verdict == "fail", found.reason


def test_the_closing_cited_is_the_last_goodbye_even_in_other_words() -> None:
    script = (
        ("agent", "Morning, Alder Street Vets, Priya speaking."),
        ("customer", "Hi, can I move Biscuit's appointment to Friday?"),
        ("agent", "Done, Friday at ten. Thanks for letting us know."),
        ("customer", "Great."),
        ("agent", "Lovely, until Friday then, ta-ta."),
    )
    assert judged(PHRASE_ENGINE, script, "closing").evidence[0].segment_index == 2  # its "thanks" is all it sees
    found = judged(INTENT_ENGINE, script, "closing")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 4), found.reason


def test_a_refusal_to_promise_is_cited_on_a_pass() -> None:
    found = judged(
        PHRASE_ENGINE,
        around("I won't promise a refund, but I'll put the case to the practice manager."),
        "no_prohibited_language",
    )
    assert (found.verdict, [evidence.segment_index for evidence in found.evidence]) == ("pass", [2])


@ENGINES
@pytest.mark.parametrize("line", ["What a load of bollocks that courier talks.", "Oh bugger, the system's down again."])
def test_swearing_in_other_englishes_is_prohibited(engine: RuleBasedEngine, line: str) -> None:
    assert judged(engine, around(line), "no_prohibited_language").verdict == "fail"


@ENGINES
def test_a_sorry_that_only_asks_to_hear_it_again_is_no_apology(engine: RuleBasedEngine) -> None:
    line = "Sorry, the line's breaking up, could you repeat that?"
    assert judged(engine, around(line), "empathy").verdict != "pass"
    assert judged(engine, around("Sorry about that, could you repeat your postcode?"), "empathy").verdict == "pass"


def test_a_window_cut_just_after_a_negation_is_still_negated() -> None:
    line = (
        "Well I've checked with the warehouse and I'm sorry but there really is nothing more we can arrange "
        "for you on this order."
    )
    assert judged(INTENT_ENGINE, _with_late_question(line), "further_help").verdict != "pass"


def test_an_offer_of_more_help_before_the_customer_is_answered_is_too_early() -> None:
    script = (
        ("agent", "Morning, Alder Street Vets, Priya speaking."),
        ("customer", "Hi, the invoice for my cat's jab is double what you quoted."),
        ("agent", "Right, anything else you need while I open the account?"),
        ("customer", "No, just the invoice."),
        ("agent", "I've corrected it, and the new invoice will be emailed today."),
        ("customer", "Great."),
        ("agent", "Thanks for calling, bye now."),
    )
    for engine in (PHRASE_ENGINE, INTENT_ENGINE):
        assert judged(engine, script, "further_help").verdict == "fail"


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "It's a ferry, what do you expect, a cruise liner?",
        "You plug it in first. Really basic stuff.",
        "Billing's not my department, take it up with whoever sold it you.",
        "That's for you to figure out with the landlord.",
    ],
)
def test_belittling_and_sending_the_customer_away_in_fresh_words_fail(engine: RuleBasedEngine, line: str) -> None:
    assert judged(engine, around(line), "no_prohibited_language").verdict == "fail"


@ENGINES
def test_not_my_department_with_an_offer_to_put_them_through_passes(engine: RuleBasedEngine) -> None:
    line = "Refunds are not my department, but let me put you through to the team that does them."
    assert judged(engine, around(line), "no_prohibited_language").verdict == "pass"


@ENGINES
def test_figuring_it_out_together_is_not_sending_the_customer_away(engine: RuleBasedEngine) -> None:
    line = "Leave it with me, we'll figure it out with the courier by Friday."
    assert judged(engine, around(line), "no_prohibited_language").verdict == "pass"


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "Your visa will definitely be approved.",
        "You'll 100% pass this time.",
        "They'll pay out in full, no two ways about it.",
        "Trust me, the price won't go up again.",
        "Do you not check your post?",
        "It's not hard to remember a PIN, is it?",
        "You should have read the small print properly.",
        "That's a you problem, honestly.",
        "I haven't got all day, which one is it?",
    ],
)
def test_certainties_and_talking_down_in_more_words_fail(engine: RuleBasedEngine, line: str) -> None:
    assert judged(engine, around(line), "no_prohibited_language").verdict == "fail"


@ENGINES
@pytest.mark.parametrize(
    "line",
    ["Trust me, I'll chase them today.", "You'll definitely get an email confirming it.", "No two days are the same."],
)
def test_a_promise_of_ones_own_work_or_the_companys_process_passes(engine: RuleBasedEngine, line: str) -> None:
    assert judged(engine, around(line), "no_prohibited_language").verdict == "pass"


@ENGINES
def test_mocking_sympathy_is_prohibited_and_no_empathy(engine: RuleBasedEngine) -> None:
    line = "Oh boo hoo, you were on hold for three whole minutes."
    assert judged(engine, around(line), "no_prohibited_language").verdict == "fail"
    assert judged(engine, around(line), "empathy").verdict != "pass"
    # Two whole days without heating, said with an apology, is sympathy.
    sincere = "I'm so sorry, two whole days without heating in this weather."
    assert judged(engine, around(sincere), "no_prohibited_language").verdict == "pass"
    assert judged(engine, around(sincere), "empathy").verdict == "pass"


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "Sorry, one moment, Priya speaking, how can I help?",
        "Sorry, I didn't quite hear that, what's the postcode?",
        "If you'd locked the shed properly I'm sorry but this wouldn't have happened.",
        "I won't apologise for the rain, that's not on us.",
    ],
)
def test_sorry_for_a_wait_or_a_mishearing_blame_first_and_not_on_us_are_no_empathy(
    engine: RuleBasedEngine, line: str
) -> None:
    assert judged(engine, around(line), "empathy").verdict != "pass"


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        # words inside quotation marks are someone else's
        'The advert has a man shouting "this bloody printer" at the start, but ours is quieter.',
        # "he'll" without its apostrophe, before a verb
        "hell ask the vet in the morning and ring you",
    ],
)
def test_quoted_words_and_a_lost_apostrophe_are_not_prohibited(engine: RuleBasedEngine, line: str) -> None:
    assert judged(engine, around(line), "no_prohibited_language").verdict == "pass"


@ENGINES
def test_telling_the_customer_they_are_overreacting_talks_down(engine: RuleBasedEngine) -> None:
    assert (
        judged(engine, around("Honestly, you're overreacting, it's one scratch."), "no_prohibited_language").verdict
        == "fail"
    )


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "Look, I already told you, it's on the app.",
        "Honestly it's not that hard, you just tap renew.",
        "It's not difficult to find the reset button, is it?",
        "A cold radiator is hardly worth ringing about.",
        "That's nothing to do with me, you'll have to chase it up yourself.",
        "Your loan is guaranteed to go through this week.",
        "The committee is certain to approve it.",
        "Oh dear, it's the end of the world, is it?",
    ],
)
def test_held_back_8s_kinds_of_prohibited_language_in_other_words_fail(engine: RuleBasedEngine, line: str) -> None:
    assert judged(engine, around(line), "no_prohibited_language").verdict == "fail"


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "It's not hard to fix, I'll have it done today.",
        "It's not the end of the world, we'll sort it out.",
        "The parcel is certain to arrive by Friday.",
    ],
)
def test_reassurance_in_the_same_words_passes(engine: RuleBasedEngine, line: str) -> None:
    assert judged(engine, around(line), "no_prohibited_language").verdict == "pass"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # Sent off with the problem: it is theirs, not the agent's.
        ("Parking is your responsibility, not mine.", "dismisses the customer"),
        ("The scaffolding is your problem, not something I need to deal with.", "dismisses the customer"),
        ("Work out a new date with the venue yourself.", "dismisses the customer"),
        ("Sort out some other transport on your own, the coach is full.", "dismisses the customer"),
        ("I've got other customers waiting, so is that all?", "dismisses the customer"),
        ("Try the council, I have calls waiting.", "dismisses the customer"),
        # Impatience with the customer for asking again, or for asking at all.
        ("Like I've already explained, the gate code is on the ticket.", "talks down to the customer"),
        ("As I already explained, the gate shuts at six.", "talks down to the customer"),
        ("A meter reading means reading the meter. It's really simple.", "talks down to the customer"),
        ("It's very simple, the card goes in the slot.", "talks down to the customer"),
        ("Let me put it in little words for you: no ticket, no entry.", "talks down to the customer"),
        ("I'll try to use tiny words so you follow: plug in, switch on.", "talks down to the customer"),
        ("You left the hatch open in a storm, what did you think would happen?", "talks down to the customer"),
        ("What do ya think will happen if you never service it?", "talks down to the customer"),
        ("Oh for flip's sake, it's the same form as last time.", "talks down to the customer"),
        ("For Pete's sake, the reference is on the email.", "talks down to the customer"),
        # A certainty about what a third party will do.
        ("The airline will refund you, it's a dead cert.", "promises an outcome"),
        ("They'll approve the extension, I can tell you that for free.", "promises an outcome"),
    ],
)
def test_dismissals_impatience_and_certainties_in_more_forms_are_found(sentence: str, kind: str) -> None:
    assert kind in kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The deposit is your responsibility until handover, I'll send the form.",
        "Insurance is your responsibility, not the landlord's, under the lease.",
        "That's not something you need to worry about, we cover it.",
        "You can work out the fee yourself on our calculator, or I can do it now.",
        "Happy for you to sort out the colour yourself when you're in store.",
        "We've got other calls about the outage, so it's a known fault.",
        "I have other calls logged about the same fault on your street.",
        "I've got people waiting at the depot to load your van.",
        "As I explained in the email, the fee is waived.",
        "As I mentioned, the refund went out on Monday.",
        "It's pretty simple to reset, I'll walk you through it.",
        "It's really simple, you just pop it in the post and we'll do the rest.",
        "We use small words and pictures in the children's guide.",
        "The small words at the bottom of the ticket are the terms.",
        "What do you think will happen to the old meter, do you want it back?",
        "For the sake of time, I'll email you the rest.",
        "For safety's sake, keep the receipt with the boiler.",
        "I can't tell you that for certain, the panel decides.",
    ],
)
def test_look_alikes_of_those_forms_are_innocent(sentence: str) -> None:
    assert kinds(sentence) == []


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "That's your responsibility, not mine. Find another way there yourself.",
        "As I've already explained, a refund needs a receipt. It's pretty simple.",
        "Put the claim in, they'll pay, it's a dead cert.",
        "Oh for frig's sake, what did you think would happen, parking on a red route?",
        "Gutters aren't my department, I've got other calls waiting. I'll log it.",
        "I'll use small words so it's easier for you: bin out, Tuesday.",
    ],
)
def test_dismissals_impatience_and_certainties_in_more_forms_fail(engine: RuleBasedEngine, line: str) -> None:
    found = judged(engine, around(line), "no_prohibited_language")
    assert found.verdict == "fail", found.reason
    assert found.evidence[0].segment_index == 2


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "It's pretty simple to reset, I'll walk you through it.",
        "The deposit is your responsibility until handover, I'll send the form.",
        "We've got other calls about the outage, so it's a known fault.",
        "For the sake of time, I'll email you the breakdown.",
        "Nothing's a dead cert with insurers, but I'll help you fill in the claim.",
    ],
)
def test_look_alikes_of_those_forms_pass(engine: RuleBasedEngine, line: str) -> None:
    assert judged(engine, around(line), "no_prohibited_language").verdict == "pass"


@ENGINES
@pytest.mark.parametrize(
    ("line", "who"),
    [
        # Someone else's words, reported: who said them is named, and it is not the agent.
        ("The driver rang this morning and said bloody hell to me about the ramp, fair enough.", "agent"),
        ("Aye, your brother phoned and called us bloody idiots, and he wasn't wrong.", "agent"),
        ("She wrote in and said damn the lot of you, so we've sent flowers.", "agent"),
        # The customer saying it.
        ("For pete's sake, it's your responsibility, not mine, what did you expect?", "customer"),
    ],
)
def test_reported_speech_and_the_customers_own_words_pass(engine: RuleBasedEngine, line: str, who: str) -> None:
    script = (*around("Let me see.")[:2], (who, line), *around("Let me see.")[3:])
    assert judged(engine, script, "no_prohibited_language").verdict == "pass"


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        # The agent's own report of what they said, or words that follow another's report.
        "I rang him and said bloody hell, where's the van?",
        "She said she'd ring back, bloody hell, what a day.",
        "He said no, bloody hell, so I've escalated it.",
    ],
)
def test_the_agents_own_words_beside_a_report_are_not_reported_speech(engine: RuleBasedEngine, line: str) -> None:
    assert judged(engine, around(line), "no_prohibited_language").verdict == "fail"


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "The insurer will definitely cover the whole bill.",  # someone else's decision, as a certainty
        "Those shares will go up, I'd bet my house on it.",
        "Honestly, my little brother could follow these steps.",
    ],
)
def test_certainties_about_others_decisions_and_comparisons_that_belittle_fail(
    engine: RuleBasedEngine, line: str
) -> None:
    assert judged(engine, around(line), "no_prohibited_language").verdict == "fail"


@ENGINES
@pytest.mark.parametrize(
    ("line", "passed"),
    [
        ("The insurer will decide whether they cover it.", True),
        # Without apostrophes "he'll fit" is written "hell fit"; "hell no" is the oath.
        ("ok so the plumber comes friday and hell fit the new valve then", True),
        ("ok so hell no the plumber never came", False),
    ],
)
def test_hell_before_a_verb_and_its_object_is_a_lost_contraction(
    engine: RuleBasedEngine, line: str, passed: bool
) -> None:
    assert (judged(engine, around(line), "no_prohibited_language").verdict == "pass") is passed


@pytest.mark.parametrize(
    ("sentence", "farewell"),
    [
        ("right then go well", True),
        ("have a peaceful weekend", True),
        ("happy motoring", True),
        ("stay warm out there", True),
        ("the well will go dry in summer", False),
        ("you will have a new invoice", False),
    ],
)
def test_goodbyes_and_good_wishes_are_read_by_their_grammar(sentence: str, farewell: bool) -> None:
    assert tone.says_farewell(sentence) is farewell


def test_a_late_question_about_other_concerns_is_an_offer_of_more_help() -> None:
    found = judged(INTENT_ENGINE, _with_late_question("Is there other query on your side, sir?"), "further_help")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 4), found.reason


@ENGINES
@pytest.mark.parametrize(
    ("line", "passed"),
    [
        # The card excuses "dumb meter": the same word before another thing, said of no one, is as innocent.
        ("Yeah, those are the old dumb sensors, no app, no wifi.", True),
        ("That was a dumb mistake on your part.", False),
        ("What a dumb idea that was.", False),
    ],
)
def test_an_insult_word_before_a_thing_is_innocent_where_the_card_excuses_it(
    engine: RuleBasedEngine, line: str, passed: bool
) -> None:
    assert (judged(engine, around(line), "no_prohibited_language").verdict == "pass") is passed


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # Belittling the customer's wits or skill, with none of a card's words.
        ("It's a parcel, not neurosurgery.", "talks down to the customer"),
        ("You'll live, it's one late train.", "talks down to the customer"),
        ("It seriously isn't complicated, the button's on the front.", "talks down to the customer"),
        ("If you can't read a basic timetable I don't know what to say.", "talks down to the customer"),
        ("Are you sure you're using it properly?", "talks down to the customer"),
        ("You couldn't organise a party in a brewery, you lot.", "talks down to the customer"),
        ("No wonder you missed the bus then.", "talks down to the customer"),
        # Dismissing them: their trouble theirs alone, an apology refused or taken back.
        ("Well that's hardly my concern, is it.", "dismisses the customer"),
        ("The snow? That's honestly not down to us.", "dismisses the customer"),
        ("I'm not a mind reader, madam.", "dismisses the customer"),
        ("I can't hold your hand through every step.", "dismisses the customer"),
        ("That's your error, not mine.", "dismisses the customer"),
        ("Sorry, but you typed the wrong card number.", "dismisses the customer"),
        ("If you'd checked the label you'd have noticed it.", "dismisses the customer"),
        ("If she'd booked on time like the rest we wouldn't be on the phone now.", "dismisses the customer"),
        # Threats, mockery and certainties in fresh words.
        ("Quit emailing us about it or we'll close the account.", "threatens the customer"),
        ("Any more of this and we'll hand you over to our debt collectors.", "threatens the customer"),
        ("Oh how terrible, a tiny scratch on the lid.", "mocks the customer"),
        ("The builder will finish by June, hundred percent.", "promises an outcome"),
        ("The boiler will never break down again, 100 percent.", "promises an outcome"),
        ("Relax, the sale is a done deal.", "promises an outcome"),
        ("I'd bet the farm on it, the panel will say yes.", "promises an outcome"),
    ],
)
def test_conduct_in_words_no_card_lists_is_found_by_what_it_does(sentence: str, kind: str) -> None:
    assert kind in kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "How awful for you, I'm so sorry that happened.",
        "No wonder you're frustrated, that's a long wait.",
        "You'll live in the new flat from May.",
        "The refund will be 100 percent of the fare.",
        "I can't apologise enough for the delay.",
        "I won't apologise for the wait, ten days is our normal turnaround.",
        "It's not down to us to decide, the council sets the fee.",
        "Sorry, but it looks like we sent the wrong size.",
        "If you had called us we would have sent a van.",
        "Stop by the branch or we'll post it to you.",
        "We'll pass your feedback to the manager.",
        "Silly me, I typed the wrong date.",
        "I'm not going to swear at you, I know you're cross.",
    ],
)
def test_innocent_sentences_near_that_conduct_are_not_taken_for_it(sentence: str) -> None:
    assert kinds(sentence) == []


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "Honestly, you couldn't find your way out of a paper bag, the code's on the card.",
        "Stop ringing us every day or we'll cancel the order.",
        "Oh how dreadful for you, a mildly dented tin. Anyway, it's on its way.",
    ],
)
def test_conduct_in_fresh_words_fails_prohibited_language(engine: RuleBasedEngine, line: str) -> None:
    found = judged(engine, around(line), "no_prohibited_language")
    assert found.verdict == "fail", found.reason
    assert any(kind in found.reason for kind in tone.RULES)


@ENGINES
@pytest.mark.parametrize(
    ("line", "who"),
    [
        ("No wonder you missed it, I told my brother, he never reads the post.", "customer"),
        ("The courier said no wonder you missed it? I'm so sorry, that's not how we talk.", "agent"),
        ("Silly me, I gave you the wrong postcode, sorry.", "customer"),
    ],
)
def test_that_conduct_from_the_customer_or_quoted_passes(engine: RuleBasedEngine, line: str, who: str) -> None:
    script = (*around("Let me see.")[:2], (who, line), *around("Let me see.")[3:])
    assert judged(engine, script, "no_prohibited_language").verdict != "fail"


@ENGINES
def test_sympathy_that_makes_the_harm_small_is_no_empathy(engine: RuleBasedEngine) -> None:
    line = "Oh what a nightmare for you, a slightly late invoice. Anyway, it's paid now."
    assert judged(engine, around(line), "empathy").verdict != "pass"


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "Apologies, but your office give us an expired certificate.",
        "Sorry, but if they'd renewed before the cut-off we wouldn't be on the phone now.",
        "Sorry about that, but you'd need to have cancelled it yourself first.",
    ],
)
def test_an_apology_taken_back_by_putting_the_call_on_them_is_no_empathy(engine: RuleBasedEngine, line: str) -> None:
    assert judged(engine, around(line), "empathy").verdict != "pass"


@pytest.mark.parametrize(
    ("sentence", "farewell"),
    [
        ("okay marta enjoy the concert", True),
        ("right you are ride safely", True),
        ("you will enjoy the new tariff", False),
        ("we drive safely on every job", False),
    ],
)
def test_a_wish_said_to_the_customer_is_a_good_wish_and_one_said_of_someone_is_not(
    sentence: str, farewell: bool
) -> None:
    assert tone.says_farewell(sentence) is farewell


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("i have moved it to the twentieth", True),
        ("your pickup is booked for 6 30 p m", True),
        ("take the parcel up to the second floor", False),
        ("for the first time in years", False),
    ],
)
def test_dates_and_clock_times_in_words_say_when_and_floors_do_not(sentence: str, when: bool) -> None:
    assert tone.says_when(sentence) is when


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # The ease of it stressed with the adverb after the verb, and no help offered.
        ("Look, it's honestly not that hard. Press save.", "talks down to the customer"),
        ("Even a young kid can do it, it's two clicks.", "talks down to the customer"),
        # The customer's time, reading or standing mocked.
        ("Nine calls this week, you must have loads of spare time.", "talks down to the customer"),
        ("Checking your post is usually advisable.", "talks down to the customer"),
        ("The premium range isn't meant for the likes of you.", "talks down to the customer"),
        # A sanction for a fuss; guilt laid on the customer's choice.
        ("If you keep making a scene like this, we can just ban you from the branch.", "threatens the customer"),
        ("The horses might suffer because of your choice, you know.", "threatens the customer"),
        ("Cancel if you want. You'll have to live with it.", "threatens the customer"),
        # A decision's going through, as a certainty.
        ("Relax, your visa will go through, no question.", "promises an outcome"),
    ],
)
def test_talking_down_threats_and_certainties_in_other_grammar_are_found(sentence: str, kind: str) -> None:
    assert kind in kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "It's honestly not that hard, I'll walk you through it.",
        "You must have a lot on with the move.",
        "Checking the meter every month is a good idea.",
        "We give grants to the likes of small breeders.",
        "If you keep getting the error, we can cancel it and refund you.",
        "The roof could suffer because of the trees, so we'll trim them.",
        "Your transfer will go through tonight.",
    ],
)
def test_look_alikes_of_that_grammar_are_innocent(sentence: str) -> None:
    assert kinds(sentence) == []


def replied(line: str, reply: str) -> Script:
    """A short call with ``line`` as the agent's third turn and ``reply`` as the customer's answer to it."""
    return (*around(line)[:3], ("customer", reply), *around(line)[4:])


@ENGINES
@pytest.mark.parametrize(
    "reply",
    [
        "Is that a threat?",
        "Okay. There's no need for that.",
        "Sorry, that's not very nice. I only asked about the bill.",
        "I'm not stupid, I can read an invoice.",
        "You're being quite condescending, you know.",
    ],
)
def test_a_customer_objecting_to_the_agents_manner_sends_words_no_rule_knows_to_review(
    engine: RuleBasedEngine, reply: str
) -> None:
    line = "Well, the ones who pay on time seem to get on fine with our prices."
    found = judged(engine, replied(line, reply), "no_prohibited_language")
    assert found.verdict == "needs_review", found.reason
    assert [item.segment_index for item in found.evidence] == [2, 3]


@ENGINES
@pytest.mark.parametrize(
    ("line", "reply"),
    [
        # Anger at the firm, or an offer declined.
        ("The jab went up to ninety pounds in May.", "That's outrageous, that's not fair at all."),
        ("I can post you a printed copy.", "Oh, no need for that, I'll pop in."),
        ("You'll need to fill in the claim form again.", "Honestly, that's ridiculous, I'm not doing it twice."),
    ],
)
def test_anger_at_the_firm_or_an_offer_declined_is_no_objection_to_the_agent(
    engine: RuleBasedEngine, line: str, reply: str
) -> None:
    assert judged(engine, replied(line, reply), "no_prohibited_language").verdict == "pass"


@ENGINES
def test_an_objection_that_answers_the_customer_is_not_the_agents_doing(engine: RuleBasedEngine) -> None:
    script = (
        *around("Let me check that for you.")[:3],
        ("customer", "My neighbour says you lot are rude."),
        ("customer", "That's a bit rude of him, I told him so."),
        *around("Let me check that for you.")[4:],
    )
    assert judged(engine, script, "no_prohibited_language").verdict == "pass"


@pytest.mark.parametrize(
    ("reply", "objects"),
    [
        ("are you threatening me", True),
        ("i am not confused somebody used my id", True),
        ("there is no need for that", True),
        ("no need for that i will collect it", False),
        ("that is not fair on pensioners", False),
        ("is there no need for a deposit", False),
    ],
)
def test_what_counts_as_objecting_to_the_agents_manner(reply: str, objects: bool) -> None:
    assert tone.objects_to_manner(reply) is objects


@pytest.mark.parametrize(
    "line",
    [
        "Well, I'm sorry you got confused, but it's all right there on page two of the quote.",
        "I'm sorry you find it so difficult.",
    ],
)
def test_sorry_for_the_customer_finding_it_hard_is_no_empathy(line: str) -> None:
    assert verdict(around(line), "empathy").verdict == "fail"


@ENGINES
def test_an_apology_after_an_exclaimed_no_and_fillers_is_empathy(engine: RuleBasedEngine) -> None:
    line = "ah no right okay sorry about that now thats a pain for you"
    assert judged(engine, around(line), "empathy").verdict == "pass"


@pytest.mark.parametrize(
    "line",
    [
        # Someone else's words put back to the customer, and a detail checked by whoever the call is handed to.
        "He said it was 'a stupid address to find'? That's completely out of line.",
        "Would you like me to transfer you to our customer service team, who can check your order?",
        # A detail asked for to find a place near them.
        "Pole number, or nearest landmark?",
        # A number or an address to reach someone, given to them.
        "If you'd rather talk it through with one of our support team, they're on 021 430 1122, Monday to Friday.",
        "For the order itself, please email exports at ceylonspiceroute dot lk or call our office.",
        # Where something will be sent, told; what the call is about, asked to route it.
        "two seats at nine the price is ten dinars each your sms ticket will go to the number you are calling from",
        "Are you calling about the summer school, or a place you've already booked?",
    ],
)
def test_a_detail_repeated_from_someone_else_or_left_to_another_team_checks_no_one(line: str) -> None:
    assert judged(DEFAULT_ENGINE, around(line), "identity_verification").verdict == "fail"


@pytest.mark.parametrize(
    "line",
    [
        "Can I call you back on 07700 900123 to confirm, and what's the postcode on the account?",
        "the code goes to the number on file can you confirm the last four digits of it",
        "Are you calling about an order? What's the order number?",
    ],
)
def test_a_number_of_the_customers_read_back_still_checks_who_they_are(line: str) -> None:
    assert judged(DEFAULT_ENGINE, around(line), "identity_verification").verdict == "pass"


@pytest.mark.parametrize(
    ("line", "outcome"),
    [
        ("Sunday, six a.m.", "fail"),
        ("Cards usually reach the post office within ten working days of the decision letter.", "fail"),
        ("If you'd like to ask a librarian about it, press 0 now.", "pass"),
        ("You can reach a registry clerk by calling the main office on weekdays.", "pass"),
    ],
)
def test_an_escalation_names_someone_or_how_to_reach_them(line: str, outcome: str) -> None:
    script = (
        ("agent", "Hi, I'm the automated assistant for Contoso Libraries, this call is recorded."),
        ("customer", "When can I collect my books?"),
        ("agent", line),
        ("customer", "Okay."),
        ("agent", "Thanks for calling, goodbye."),
    )
    assert judged(DEFAULT_ENGINE, script, "escalation_offer", is_ai_call=True).verdict == outcome


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("yes you called yesterday also and the day before", False),
        ("i posted it yesterday youll have it tomorrow", True),
        ("ill ring you the day before to confirm", True),
        ("it went out two days ago", False),
    ],
)
def test_yesterday_alone_says_nothing_of_what_happens_next(sentence: str, when: bool) -> None:
    assert tone.says_when(sentence) is when


def test_an_interjection_repeated_in_the_reply_is_no_name() -> None:
    script = (
        ("agent", "Haan ji, bolo."),
        ("customer", "Hello? Haan, hello, I'm calling from Hapur Cricket Club about twenty-four balls."),
        ("agent", "Achha. Bill number hai?"),
        ("customer", "M R 2 2 1 8."),
        ("agent", "Okay ji, thank you."),
    )
    assert verdict(script, "greeting").verdict == "fail"


@ENGINES
@pytest.mark.parametrize(
    ("opening", "goodbye", "criterion_id"),
    [
        ("Reifen Kessler, Kessler am Apparat.", "Okay.", "greeting"),
        ("GoSwap batteries, Dana here. Everything you say on this line is logged.", "Okay.", "recording_disclosure"),
        ("Hello, Contoso billing.", "Ha det bra.", "closing"),
        ("Hello, Contoso billing.", "Okay bhai, Allah Hafez.", "closing"),
    ],
)
def test_a_greeting_a_disclosure_and_goodbyes_in_more_words_pass(
    engine: RuleBasedEngine, opening: str, goodbye: str, criterion_id: str
) -> None:
    assert judged(engine, call(opening=opening, goodbye=goodbye), criterion_id).verdict == "pass"


@ENGINES
def test_a_rude_word_in_a_name_the_locals_use_is_innocent(engine: RuleBasedEngine) -> None:
    line = "We also have the Nordschleife, the green hell they call it, the boys usually like that one."
    assert judged(engine, around(line), "no_prohibited_language").verdict == "pass"


@pytest.mark.parametrize(
    ("line", "outcome"),
    [
        # Close in words to a disclosure, but nothing of the call kept or heard.
        ("Madam, I am telling you, this line is for booking new repairs only.", "fail"),
        ("Edge lifting is covered under the twelve month workmanship warranty, so I'll book an inspection.", "fail"),
        ("We check when we check, depends how busy.", "fail"),
        # In other words, and kept.
        ("Heads up, whatever you tell me today ends up in our call archive.", "pass"),
    ],
)
def test_a_recording_disclosure_speaks_of_the_call_kept_or_heard(line: str, outcome: str) -> None:
    assert verdict(call(opening=f"Morning, Contoso Repairs, Sam speaking. {line}"), "recording_disclosure").verdict == (
        outcome
    )


@ENGINES
def test_a_rule_for_a_whole_sentence_is_found_in_the_middle_of_a_turn(engine: RuleBasedEngine) -> None:
    line = (
        "The booking was cancelled because the deposit wasn't paid in time. That was in the confirmation email. "
        "Reading emails is generally a good idea. Anything else?"
    )
    found = judged(engine, around(line), "no_prohibited_language")
    assert (found.verdict, found.evidence[0].quote) == ("fail", "Reading emails is generally a good idea.")


@pytest.mark.parametrize("line", ["For English, press two.", "To remove a package, press one."])
def test_a_menu_option_for_something_else_offers_no_one_to_reach(line: str) -> None:
    script = (("agent", "Hello, you're through to the automated parcel line. " + line), *around("Let me see.")[1:])
    assert judged(INTENT_ENGINE, script, "escalation_offer", is_ai_call=True).verdict != "pass"


def test_a_menu_option_for_a_person_still_offers_one() -> None:
    script = (("agent", "Hello, automated parcel line. To speak to someone, press zero."), *around("Let me see.")[1:])
    assert judged(INTENT_ENGINE, script, "escalation_offer", is_ai_call=True).verdict == "pass"
