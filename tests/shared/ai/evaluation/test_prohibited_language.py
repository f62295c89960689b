"""Prohibited language in more families of fresh words (dismissive idioms, blame for the call itself, insults,
mocking, threats, certainties about others' decisions, minced swearing), negations that do not reach it, and traps
that look like passes: an apology for what the customer chose to do, one taken back by faulting what they sent, and
an agent claiming to be a person."""

from __future__ import annotations

import pytest

from shared.ai.evaluation import tone
from shared.ai.evaluation.matching import normalize
from shared.ai.evaluation.rules import RuleBasedEngine
from tests.shared.ai.evaluation.call_scripts import Script
from tests.shared.ai.evaluation.short_calls import ENGINES, INTENT_ENGINE, judged, kinds

pytestmark = pytest.mark.unit


def around(line: str) -> Script:
    """A short call with ``line`` as the agent's third turn."""
    return (
        ("agent", "Morning, Harrow Road Cycles, Dev speaking."),
        ("customer", "Hi, the bike I collected on Saturday already has a flat tyre."),
        ("agent", line),
        ("customer", "Okay."),
        ("agent", "Thanks for calling, bye now."),
    )


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Tyres puncture, it happens, get over it.", "dismisses the customer"),
        ("It's a fixed price, like it or lump it.", "dismisses the customer"),
        ("If you'd pumped them up properly you wouldn't be ringing us now.", "dismisses the customer"),
        ("If your kids stopped jumping kerbs we wouldn't keep having this chat.", "dismisses the customer"),
        ("whatever, which branch did you collect from", "dismisses the customer"),
        ("It's hardly brain surgery, you twist the valve.", "talks down to the customer"),
        ("It is not really rocket science.", "talks down to the customer"),
        ("You're not very bright, are you.", "talks down to the customer"),
        ("Not the sharpest tool in the shed, our customer.", "talks down to the customer"),
        ("Stop shouting, you absolute numpty.", "talks down to the customer"),
        ("A five year old could fix that.", "talks down to the customer"),
        ("Did you even read the care card?", "talks down to the customer"),
        ("Sounds like someone can't cope with a little puncture.", "mocks the customer"),
        ("Well done, Sherlock, tyres go flat.", "mocks the customer"),
        ("You fixed it yourself, do you want a medal?", "mocks the customer"),
        ("Carry on like this and you'll regret it.", "threatens the customer"),
        ("One more word out of you and I hang up.", "threatens the customer"),
        ("I'll have you banned from every branch.", "threatens the customer"),
        ("You can kiss your deposit goodbye.", "threatens the customer"),
        ("She'll get the apprenticeship for sure.", "promises an outcome"),
        ("The insurer will pay out in full, mark my words.", "promises an outcome"),
        ("No inspector will fault it again, that much is sure.", "promises an outcome"),
    ],
)
def test_more_families_of_prohibited_language_are_found(sentence: str, kind: str) -> None:
    assert kind in kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "If you had the receipt handy we wouldn't need your date of birth.",
        "A kid could use the balance bike from about three.",
        "Thank you, Clown Around Parties, is that right?",
        "You won't regret the upgrade, the ride is much smoother.",
        "You'll be sorry to hear the sportive is cancelled.",
        "Watch your step on the ramp when you come in.",
        "Whatever works for you, we're open till six.",
        "Did you actually receive the collection email?",
        "That much is sure: the shop is closed on Mondays.",
        "We will have it trued for sure by Friday.",
        "Take a seat or else wait outside, whichever you prefer.",
    ],
)
def test_look_alikes_of_those_families_are_innocent(sentence: str) -> None:
    assert kinds(sentence) == []


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        # A negation inside the insult is part of it, not a denial of it.
        "Honestly, you're not the brightest, are you.",
        "It's not exactly brain surgery, the valve unscrews.",
        # "don't stress" denies nothing after it, with or without a comma.
        "dont stress youll get the apprenticeship for sure",
        "Trust me, from next week no mechanic will ever charge you for that again.",
        "That tyre is shite, whoever fitted it.",
        "Keep going like that and you'll live to regret it.",
    ],
)
def test_prohibited_language_with_a_negation_nearby_still_fails(engine: RuleBasedEngine, line: str) -> None:
    found = judged(engine, around(line), "no_prohibited_language")
    assert found.verdict == "fail", found.reason
    assert found.evidence[0].segment_index == 2


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "No worries, not a problem at all, I'll book it in.",
        "Don't worry, nobody will be charged for the repair.",
        "We're in Scunthorpe, on Dumbarton Street.",
        "I'd never call anyone a muppet, sir, and I'm sorry you were spoken to like that.",
    ],
)
def test_innocent_calls_with_the_same_words_pass(engine: RuleBasedEngine, line: str) -> None:
    assert judged(engine, around(line), "no_prohibited_language").verdict == "pass"


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "Sorry that you chose to pump it past the limit on the sidewall.",
        "I'm sorry, but the photos you sent were too blurry to claim on.",
    ],
)
def test_an_apology_for_the_customers_own_doing_is_no_empathy(engine: RuleBasedEngine, line: str) -> None:
    found = judged(engine, around(line), "empathy")
    assert found.verdict != "pass", found.reason


@pytest.mark.parametrize(
    "claim",
    [
        "Don't worry, you're talking to a real person here.",
        "Relax, you're speaking with a real agent.",
        "You're speaking with Amani, a real person here to help you.",
    ],
)
def test_an_agent_claiming_to_be_a_person_discloses_no_ai(claim: str) -> None:
    script: Script = (
        ("agent", "Hello, Harrow Road Cycles service line."),
        ("customer", "Is this a recording or a real person?"),
        ("agent", claim),
        ("customer", "Okay, my bike has a flat."),
        ("agent", "Let me book it in, bye now."),
    )
    found = judged(INTENT_ENGINE, script, "ai_disclosure", is_ai_call=True)
    assert found.verdict != "pass", found.reason
    # Said the other way round, it is a disclosure.
    disclosure = ("agent", "You're chatting with an automated helper, not a real person.")
    honest = (*script[:2], disclosure, *script[3:])
    assert judged(INTENT_ENGINE, honest, "ai_disclosure", is_ai_call=True).verdict == "pass"


def test_claims_to_be_a_person_are_told_from_offers_of_one() -> None:
    assert tone.claims_a_person(normalize("No, I'm a real person, promise.").joined)
    assert tone.claims_a_person(normalize("You're speaking with a live agent.").joined)
    assert not tone.claims_a_person(normalize("I'm a virtual assistant, not a real person.").joined)
    assert not tone.claims_a_person(normalize("If you'd rather speak to a real person, say agent.").joined)
    assert not tone.claims_a_person(normalize("You're speaking to Ana, not a real person.").joined)
    assert not tone.claims_a_person(normalize("I'm a human resources adviser.").joined)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Oh, what a tragedy, your latte was lukewarm.", "mocks the customer"),
        ("However will you cope without the spare key.", "mocks the customer"),
        ("Don't waste my time with the neighbour's complaints.", "dismisses the customer"),
        ("I've got a queue waiting, so be quick.", "dismisses the customer"),
        ("Where you park it overnight is your lookout.", "dismisses the customer"),
        ("Grown men can't work a padlock, apparently.", "talks down to the customer"),
        ("The seedlings will certainly survive the move.", "promises an outcome"),
        ("The parcel will never go missing again, I can assure you a hundred percent.", "promises an outcome"),
    ],
)
def test_mock_tragedies_time_wasting_and_certain_survival_are_found(sentence: str, kind: str) -> None:
    assert kind in kinds(sentence)


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        # The negation denies the word it governs ("own", "hard"), not the swearing or belittling after it.
        "I don't own a bloody time machine, do I.",
        "It's not hard, honestly my gran could follow that form.",
        "I promise you it will be approved.",
    ],
)
def test_a_negation_that_governs_another_word_does_not_excuse(engine: RuleBasedEngine, line: str) -> None:
    found = judged(engine, around(line), "no_prohibited_language")
    assert found.verdict == "fail", found.reason


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "I promise I'll call you the minute it lands.",
        "The set with the dumb buffers you wanted is back in stock.",
        "He should never have called you stupid, I'm so sorry.",
    ],
)
def test_a_promise_of_ones_own_doing_and_a_dumb_thing_pass(engine: RuleBasedEngine, line: str) -> None:
    found = judged(engine, around(line), "no_prohibited_language")
    assert found.verdict == "pass", found.reason


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "Sorry, but the hold-up is because your garage only sent us a damaged wheel.",
        "Why we should apologise, the puncture happened on your ride home.",
    ],
)
def test_an_apology_blaming_what_was_sent_or_refused_in_plain_order_is_no_empathy(
    engine: RuleBasedEngine, line: str
) -> None:
    found = judged(engine, around(line), "empathy")
    assert found.verdict != "pass", found.reason


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # A sanction for the customer's conduct if it goes on.
        ("Carry on swearing and the account gets closed, I will report it.", "threatens the customer"),
        ("If you keep yelling, your membership may be suspended.", "threatens the customer"),
        ("Keep on with that attitude and I'm going to have the order cancelled.", "threatens the customer"),
        # Impatience at explaining again, and told to keep up this time.
        ("I've now explained it three times, the bolt goes on the left.", "talks down to the customer"),
        ("Like I've explained twice, the chain is not included.", "talks down to the customer"),
        ("Try to pay attention properly this time, please.", "talks down to the customer"),
        ("Honestly, what sort of idiot rides on a flat.", "talks down to the customer"),
        # An outcome promised in the agent's name, or with a certainty after it.
        ("Your claim goes through by Friday, I could promise you that.", "promises an outcome"),
        ("It'll ride like new, and that much I promise.", "promises an outcome"),
        ("The frame won't crack again, I'd put my name on it.", "promises an outcome"),
        ("Your son will get every penny of the fee back, no doubt.", "promises an outcome"),
        # The trouble put down to the customer or left with them.
        ("If you'd stored it inside as the manual said, the rust wouldn't be there.", "dismisses the customer"),
        ("If you had pumped them up when I told you, you wouldn't be in this mess.", "dismisses the customer"),
        ("That bit's on you lot, not the shop.", "dismisses the customer"),
        ("The courier's problem, frankly, not ours.", "dismisses the customer"),
        ("It's not exactly my headache, is it.", "dismisses the customer"),
        ("You'll need to chase the courier up yourself.", "dismisses the customer"),
        ("Oh dear, a whole weekend without your bike, how will you ever manage.", "mocks the customer"),
    ],
)
def test_sanctions_repeated_explanations_promises_in_ones_name_and_ignored_advice_are_found(
    sentence: str, kind: str
) -> None:
    assert kind in kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "If you keep the old tube, we will cancel the return label.",
        "If you continue to the second page, the form will close the claim for you.",
        "I've already explained this to the mechanic, he'll ring you.",
        "As I explained in the letter, the warranty covers the frame.",
        "We'll follow along this time with the tracking link.",
        "I can promise you that I'll ring you back by four.",
        "You'll get a text back within the hour.",
        "You'll get the deposit back, no questions asked.",
        "If you'd like, as I said, we can fit it on Tuesday.",
        "If you had the older frame it would still be under warranty.",
        "That one is on you to choose, both colours are in stock.",
        "The fault is the supplier's, not ours to fix, but we'll chase them for you.",
    ],
)
def test_look_alikes_of_sanctions_explanations_and_promises_are_innocent(sentence: str) -> None:
    assert kinds(sentence) == []


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "The review we got reads, quote, rubbish bloody service, unquote, and it was posted on Monday.",
        "Your neighbour's note says quote your bins are crap end quote, so I've logged it.",
        "The driver wrote on the docket, quote, not my problem, mate.",
    ],
)
def test_words_read_out_between_spoken_quotes_are_someone_elses(engine: RuleBasedEngine, line: str) -> None:
    found = judged(engine, around(line), "no_prohibited_language")
    assert found.verdict == "pass", found.reason


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        # The agent's own words after the quote is closed, or in a later sentence.
        "The review says, quote, slow, unquote, and frankly that's your own fault.",
        "The note says quote late again. Not my problem, mate.",
        # The agent owning the words quoted.
        "Quote, frankly, not my problem, unquote, is what I'd say to that.",
    ],
)
def test_the_agents_own_words_around_spoken_quotes_still_fail(engine: RuleBasedEngine, line: str) -> None:
    found = judged(engine, around(line), "no_prohibited_language")
    assert found.verdict == "fail", found.reason


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "I'm sorry, but if you'd checked the valve like the leaflet says, you'd not be stuck.",
        "Sorry, but that one's on you, not the tyre.",
        "Sorry the email got you so wound up.",
    ],
)
def test_an_apology_taken_back_by_ignored_advice_or_for_getting_worked_up_is_no_empathy(
    engine: RuleBasedEngine, line: str
) -> None:
    found = judged(engine, around(line), "empathy")
    assert found.verdict != "pass", found.reason


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # A certainty tagged on to what others will do or what will happen, or a harm that will never come again.
        ("The replacement saddle will turn up on Thursday without fail.", "promises an outcome"),
        ("Your landlord will hand the bond back in full, no matter what.", "promises an outcome"),
        ("The council will sign off the bike shed by Monday, no question.", "promises an outcome"),
        ("This chain will never snap again, believe me.", "promises an outcome"),
        ("Nobody will pinch it from that rack again, ever.", "promises an outcome"),
        # The trouble put down to the customer: a counterfactual with them as its subject, or the fault named theirs.
        ("If you had chained it to the rail overnight, it wouldn't have been taken.", "dismisses the customer"),
        ("If ya did oil the chain every month, that rust would never form.", "dismisses the customer"),
        ("That's user error, so the repair is chargeable.", "dismisses the customer"),
        # A sanction if the customer keeps getting in touch.
        ("If you keep emailing the workshop, we'll just bump your repair to the end.", "threatens the customer"),
        ("If you carry on turning up unannounced, I'm going to refuse the job.", "threatens the customer"),
        # Measured against others, or against what everyone knows.
        ("Even the school kids manage to pump their own tyres.", "talks down to the customer"),
        ("I reckoned every cyclist knew that much.", "talks down to the customer"),
        ("I'd have thought you knew, of all people.", "talks down to the customer"),
        ("Be realistic, a carbon frame for that price?", "talks down to the customer"),
        ("Oh, another one who never checked the tyre pressure.", "talks down to the customer"),
        ("I bet nobody there has ever read the manual.", "talks down to the customer"),
    ],
)
def test_guarantees_counterfactual_blame_conditional_threats_and_comparisons_are_found(
    sentence: str, kind: str
) -> None:
    assert kind in kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "If you had called us sooner we could have sorted it.",
        "If you had the receipt, it wouldn't matter which branch.",
        "If you'd bring it in tomorrow, it wouldn't take long.",
        "If you keep the receipt, we'll refund you.",
        "If you keep getting the error, we'll cancel the order and refund you.",
        "This wheel will definitely need a new spoke.",
        "We will fix it without fail by Friday.",
        "I'll ring you on Friday without fail.",
        "The parts should be here Thursday, hopefully, no matter what the weather does.",
        "Even if you manage to get it here by five, the workshop is closed.",
        "We even managed to source the old part.",
        "Even the mechanics couldn't manage to free that bolt.",
        "To be realistic, the wheel will take a week.",
        "We've had another customer who didn't get the email.",
        "We've had another one who didn't get the email.",
        "I thought everyone knew about the closure, sorry.",
        "We'll never charge you for that again.",
    ],
)
def test_look_alikes_of_guarantees_blame_threats_and_comparisons_are_innocent(sentence: str) -> None:
    assert kinds(sentence) == []


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "Honestly the brake cable will never fray again, not in twenty years.",
        "If you had left the bike indoors over the winter, the seat would never have cracked.",
        "If you keep ringing the branch every hour, I'll just put your bike at the back of the queue.",
        "Mate, even the tourists manage to find the hire desk.",
    ],
)
def test_guarantees_blame_threats_and_comparisons_fail_the_call(engine: RuleBasedEngine, line: str) -> None:
    found = judged(engine, around(line), "no_prohibited_language")
    assert found.verdict == "fail", found.reason
    assert found.evidence[0].segment_index == 2


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        # Refusing to guarantee, and a hedge: no certainty given.
        "I can't promise the parts will come tomorrow without fail.",
        "It should be ready Friday, but I can't say it will never go wrong again.",
        "If you had rung us first we could have sent someone out.",
        "If you keep the box, we'll take it back within thirty days.",
    ],
)
def test_refusals_hedges_and_helpful_conditionals_pass(engine: RuleBasedEngine, line: str) -> None:
    found = judged(engine, around(line), "no_prohibited_language")
    assert found.verdict == "pass", found.reason


@ENGINES
def test_the_customer_threatening_or_blaming_does_not_fail_the_agent(engine: RuleBasedEngine) -> None:
    script = (
        ("agent", "Morning, Harrow Road Cycles, Dev speaking."),
        ("customer", "If you keep ringing me I'll just cancel the order, and it'll never work again."),
        ("agent", "Understood, I'm sorry about the calls, I'll note that on the account."),
        ("customer", "Okay."),
        ("agent", "Thanks for calling, bye now."),
    )
    assert judged(engine, script, "no_prohibited_language").verdict == "pass"


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "I'm sorry, but if you had locked it properly, the bike would not have gone.",
        "Sorry about that, but if ya did charge the battery it wouldn't cut out.",
    ],
)
def test_an_apology_taken_back_by_a_counterfactual_on_the_customer_is_no_empathy(
    engine: RuleBasedEngine, line: str
) -> None:
    found = judged(engine, around(line), "empathy")
    assert found.verdict != "pass", found.reason


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # The customer set below others of their kind, or below everyone down to the least of them; "even you".
        ("Most riders figure it out on their own.", "talks down to the customer"),
        ("Plenty of customers manage this by themselves without ringing.", "talks down to the customer"),
        ("Most folk can manage to read a label on a box.", "talks down to the customer"),
        ("Everybody round here manages it, even the students on their first bike.", "talks down to the customer"),
        ("I'm sure even you can pump up a tyre.", "talks down to the customer"),
        ("Maybe ask a parent to read the manual with you.", "talks down to the customer"),
        ("Perhaps look at a calendar before you book the next service.", "talks down to the customer"),
        ("Honestly, this is a really basic step.", "talks down to the customer"),
        # Counterfactual blame: what they did or wanted, set against what others did, and the call it cost.
        ("If you'd locked it up like everyone else did, you wouldn't be on to me now.", "dismisses the customer"),
        ("If you'd read the care card like the rest of them, we wouldn't be sitting here.", "dismisses the customer"),
        ("If you wanted a racing bike you should have gone to a racing shop.", "dismisses the customer"),
        ("It went flat because you didn't seat the tube properly.", "dismisses the customer"),
        ("Sorry, but you picked the frame size yourself.", "dismisses the customer"),
        ("The problem is usually the person holding the pump.", "dismisses the customer"),
        ("Frankly your story is not very believable.", "dismisses the customer"),
        ("I'm not going to sit here explaining gears for every cyclist who rings.", "dismisses the customer"),
        ("We're not your personal assistant.", "dismisses the customer"),
        # Threats: a final warning, people sent round if they do not pay, shame before others, a sanction for the
        # time taken, the customer's matter put last.
        ("Consider this your last warning.", "threatens the customer"),
        ("If you don't pay by Monday, our collectors will come round to your house.", "threatens the customer"),
        ("If the balance isn't settled by Friday, I'll send our lads over to your shop.", "threatens the customer"),
        ("We are going to repossess it in front of your whole street.", "threatens the customer"),
        ("If you keep tying up this line, your account will be suspended.", "threatens the customer"),
        ("I'll make sure your repair sits at the bottom of the pile.", "threatens the customer"),
        # A certainty about what others decide.
        ("Your flat will certainly be allocated before the new year.", "promises an outcome"),
        ("The council will certainly be granted the permit, it is certain.", "promises an outcome"),
        ("The frame will be replaced, I'm telling you a hundred percent.", "promises an outcome"),
        ("They'll take it back, you have my personal word on it.", "promises an outcome"),
    ],
)
def test_comparisons_even_you_counterfactual_blame_final_warnings_and_visits_are_found(
    sentence: str, kind: str
) -> None:
    assert kind in kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Most people find the online form quickest.",
        "Most people do it themselves in the app, but I can do it for you now.",
        "Even you, as a new member, can claim the discount.",
        "Even if you can't make it, we'll hold the bike.",
        "If you'd like, I can send it.",
        "If you had called earlier we could have saved you a trip.",
        "If you wanted the blue one, you should have it by Friday.",
        "You didn't do anything wrong.",
        "It sounds like you haven't been billed correctly.",
        "If you didn't tighten it properly, just ring us back.",
        "You picked it up yourself on Monday, didn't you?",
        "You can choose the colour yourself online.",
        "Ask a parent to sign the form with you.",
        "Check a map before you set off, the bridge is closed.",
        "It's a basic step, I'll walk you through it.",
        "I don't believe you'll need the receipt.",
        "I'm not your usual contact, but I can help.",
        "Just a warning, there's a legal fine if the lights aren't fitted.",
        "The final warning letter went out in March.",
        "Our engineer will come to your house on Tuesday between eight and twelve.",
        "If the part is not in by Friday, our engineer will come to your house on Monday instead.",
        "If you don't pay by Friday, the engineer will not be able to come to your house.",
        "The van will park in front of your neighbour's house.",
        "If you keep getting cut off, your call will be logged and we'll ring you back.",
        "I'll make sure your repair goes to the top of the pile.",
        "The parcel will definitely go out today.",
        "It is not certain the part will come this week.",
        "Everyone manages it differently, so there's no wrong way.",
    ],
)
def test_look_alikes_of_comparisons_blame_warnings_visits_and_certainties_are_innocent(sentence: str) -> None:
    assert kinds(sentence) == []


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "This is a pretty basic step. Most people figure it out on their own.",
        "If you do not pay by Thursday, our field officer will come to your house in front of your neighbours.",
        "If you'd pumped it up like everybody else, we wouldn't be sitting here.",
        "Your place will definitely be offered by the school, it is certain.",
    ],
)
def test_comparisons_counterfactual_blame_visits_and_certainties_fail_the_call(
    engine: RuleBasedEngine, line: str
) -> None:
    found = judged(engine, around(line), "no_prohibited_language")
    assert found.verdict == "fail", found.reason
    assert found.evidence[0].segment_index == 2


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "Most people find the online form quickest, shall I send the link?",
        "Our engineer will come to your house on Tuesday between eight and twelve.",
        "If you'd like, I can send the care card again.",
    ],
)
def test_look_alikes_of_comparisons_visits_and_offers_pass(engine: RuleBasedEngine, line: str) -> None:
    found = judged(engine, around(line), "no_prohibited_language")
    assert found.verdict == "pass", found.reason


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "Sorry, but you picked the frame size yourself.",
        "I'm sorry, but most riders figure it out on their own.",
        # ... in the sentence the "but" leads into.
        "Sorry sir, but see, you booked at ten-oh-two. This is your fault only.",
    ],
)
def test_an_apology_taken_back_by_any_rude_turn_after_but_is_no_empathy(engine: RuleBasedEngine, line: str) -> None:
    found = judged(engine, around(line), "empathy")
    assert found.verdict != "pass", found.reason


@ENGINES
def test_an_apology_with_a_plain_but_after_it_is_still_empathy(engine: RuleBasedEngine) -> None:
    found = judged(engine, around("I'm so sorry about that, but we can fit a new tube today for free."), "empathy")
    assert found.verdict == "pass", found.reason


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Keep ringing in to swap shifts and the roster will mark you as unreliable.", "threatens the customer"),
        ("If you keep calling to change shifts you can forget about overtime.", "threatens the customer"),
        ("Miss it again and your name will be reported to the sender as a problem customer.", "threatens the customer"),
        ("Your details will be shared with every agency so you never rent again.", "threatens the customer"),
        ("The arrears list goes up in the lobby where all your neighbours can see it.", "threatens the customer"),
        ("Your refund will land by Friday, nothing can stop it.", "promises an outcome"),
        ("If you aired the flat we wouldnae keep getting these calls.", "dismisses the customer"),
        ("I don't have time to hold everybody's hand.", "dismisses the customer"),
        ("Doh waste meh time, call back when yuh find it.", "dismisses the customer"),
        ("If you want it perfect then go buy from the mall.", "dismisses the customer"),
        ("You want it quicker, come and fetch it yourself.", "dismisses the customer"),
        ("A cough like that isn't really worth a doctor's time.", "dismisses the customer"),
        ("You leave it in the rain, and then you're surprised it rusts.", "dismisses the customer"),
        ("You're probably overreacting, to be honest.", "talks down to the customer"),
        ("As I said before, and maybe you were not listening, it takes a week.", "talks down to the customer"),
        ("I am sorry if you did not understand our rules.", "talks down to the customer"),
        ("Sorry it's not clicking for you.", "talks down to the customer"),
        ("The campsite down the road is more your level.", "talks down to the customer"),
        ("Perhaps sailing in open water isn't for you.", "talks down to the customer"),
        ("Even my kid sister does it better.", "talks down to the customer"),
        ("Write it on your hand next time, like the little kids do.", "talks down to the customer"),
        ("I'm sure you can take the bus like everybody else.", "talks down to the customer"),
        ("Most drivers manage to read a sign that size.", "talks down to the customer"),
        ("Normally our customers understand this without calling.", "talks down to the customer"),
    ],
)
def test_sanctions_by_name_shaming_comparisons_and_non_apologies_are_found(sentence: str, kind: str) -> None:
    assert kind in kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "If you keep the receipt, you can forget about the paperwork, we'll do it.",
        "You can forget about the old form, it's all online now.",
        "Your name will be added to the list for the prize draw.",
        "Your details will be passed on to the engineer so he can call you.",
        "The engineer will mark you down as the contact for the visit.",
        "The notice board is in the lobby where your neighbours can see the bin days.",
        "Nothing will stop the refund now, but it can take five days to show.",
        "I'm sorry if you didn't receive the letter, that's on us.",
        "Sorry if you didn't understand me, my line is bad, let me say it again.",
        "Maybe the premium plan is not for you, the basic one is cheaper.",
        "You'll get the same email as everyone else on the list.",
        "You can book online like everyone else, or I can do it for you now.",
        "Most drivers manage to read the meter themselves, but I can send someone if you'd rather.",
        "Our regular customers know this already, but it's a fair question.",
        "It's not worth your time driving in, we can sort it on the phone.",
        "It's not worth the time to post it, just email it.",
        "If you want it sooner, you can collect it yourself from the depot.",
        "If you want the blue one, you can also get it at the mall branch.",
        "My daughter did it better than me, she's the techie in the house.",
        "And then you were surprised by the bill? I'd be too, let me look.",
        "I don't have time today but my colleague can hold your hand through the setup.",
        "Maybe you were not listed on the booking, let me check.",
        "The 50 meg plan is more your speed if you mostly browse.",
        "Maybe online banking is not for you, we can do it in branch.",
        "Put your name on the shared calendar so your family can see the booking.",
        "Your details will be shared with the courier so you do not miss the delivery.",
        "Your number will be added to the list so you never miss an update.",
        "Your details will be shared with our partners so you never have to fill in a form again.",
        "The system will mark you as a no show if you don't check in.",
        "If you keep paying on time, you can forget about the late fees.",
        "I'm sorry if you didn't understand the letter, it was badly written.",
        "Maybe you are not reading the latest statement.",
        "If you need it tonight, go and get one at the supermarket, they stock them.",
        "It's not worth a technician's time coming out for a fuse, I can talk you through it.",
        "Our drivers manage to find it without calling.",
    ],
)
def test_look_alikes_of_sanctions_shaming_comparisons_and_non_apologies_are_innocent(sentence: str) -> None:
    assert kinds(sentence) == []


@pytest.mark.parametrize(
    "line",
    [
        "Your refund will land by Friday, nothing can stop it, tell the landlord to expect it.",
        "Honestly, most riders manage to read a sign that size. Perhaps cycling in town isn't for you.",
        "Flat tyre again. Then you're surprised it goes down. Maybe the bus is more your level.",
        # An offer of help sentences later takes nothing back ("let me" would, in the same sentence).
        "Honestly, the other parents manage to pay on time. And let me be clear, the fee is due Friday.",
    ],
)
@ENGINES
def test_sanctions_comparisons_and_non_apologies_fail_the_call(engine: RuleBasedEngine, line: str) -> None:
    found = judged(engine, around(line), "no_prohibited_language")
    assert (found.verdict, found.evidence[0].segment_index) == ("fail", 2), found.reason


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "Well, I am sorry if you did not understand our rules, it is written on the voucher.",
        "Sorry it's not clicking for you, mate.",
        "Then I am sorry that you rode two full days on new tyres against my advice.",
    ],
)
def test_an_apology_that_talks_down_or_blames_ignored_advice_is_no_empathy(engine: RuleBasedEngine, line: str) -> None:
    found = judged(engine, around(line), "empathy")
    assert found.verdict == "fail", found.reason


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "I'm so sorry the tyre went flat so soon, that's really annoying.",
        "Sorry, the advice you were given in the shop was wrong, I'll fix it.",
    ],
)
def test_an_apology_beside_advice_or_for_the_trouble_is_empathy(engine: RuleBasedEngine, line: str) -> None:
    found = judged(engine, around(line), "empathy")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason
