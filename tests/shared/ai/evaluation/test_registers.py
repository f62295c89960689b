"""Informal and regional English: agents naming themselves by where they sit or what they are doing,
goodbyes and sympathy from several Englishes, while refusals and dismissals still fail (each case as a
reviewer would judge it, in wording of its own rather than the labelled calls')."""

from __future__ import annotations

import pytest

from shared.ai.evaluation.intent import slot_template
from tests.shared.ai.evaluation.short_calls import call, verdict

pytestmark = pytest.mark.unit


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


@pytest.mark.parametrize(
    "line",
    [
        # Rules engine 2.5: an opening of one or two words before a comma is a salutation in any language.
        "Guten Tag, Lindenhof Bakery, it's Jonas at the ovens this morning.",
        "Now then, Coldwell Roofing, Shaz speaking.",
        "Salaam, Crescent Travel, you've got Yusuf.",
        "Hiya, Pennine Bikes, Lou on the phone.",  # cards 2.4: "{org}, {name} on the phone."
    ],
)
def test_a_salutation_in_any_language_may_open_the_greeting(line: str) -> None:
    found = verdict(call(opening=line), "greeting")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 0), found.reason


def test_a_short_opening_clause_is_not_taken_for_a_company() -> None:
    assert verdict(call(opening="Yeah hi, go ahead."), "greeting").verdict != "pass"
    assert verdict(call(opening="Sorry, what was that?"), "greeting").verdict != "pass"


@pytest.mark.parametrize(
    "line",
    [
        "May I have the serial ID off the box?",
        "Kindly read me the booking code from your email.",
        "What's the repair docket on your copy?",
        "Could you give me the ticket from the till?",
    ],
)
def test_asking_for_a_code_ticket_or_docket_verifies_who_it_is(line: str) -> None:
    found = verdict(call(middle=line), "identity_verification")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


def test_telling_the_customer_not_to_worry_about_a_detail_asks_for_none() -> None:
    line = "Don't worry about the account number or any of that, just tell me what happened."
    assert verdict(call(middle=line), "identity_verification").verdict != "pass"
    # "No worries" still negates nothing.
    found = verdict(call(middle="No worries, what's the postcode there?"), "identity_verification")
    assert found.verdict == "pass", found.reason


@pytest.mark.parametrize(
    "line",
    [
        "Oh, what a letdown after all that waiting.",
        "Gosh, I hate that for you, and on your birthday too.",
        "Three cancellations, that's rotten luck.",
    ],
)
def test_a_letdown_and_rotten_luck_are_sympathy(line: str) -> None:
    found = verdict(call(middle=line), "empathy")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


def test_a_sorry_for_not_saying_who_is_answering_is_no_apology() -> None:
    line = "oh sorry this is lena at brookside tyres"
    assert verdict(call(middle=line), "empathy").verdict != "pass"


@pytest.mark.parametrize(
    "line",
    [
        "itll be back on the shelf on friday afternoon",
        "I'll be round Thursday morning with the new part.",
        "The fitter will come out Monday.",
    ],
)
def test_a_bare_day_or_a_run_together_it_will_says_when(line: str) -> None:
    found = verdict(call(middle=line), "resolution")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


def test_other_things_one_can_help_with_is_an_offer_of_more_help() -> None:
    offer = "Got other thing we can sort for you or not?"
    script = (*call(middle="I've rebooked it for Friday.")[:4], ("agent", offer))
    found = verdict(script, "further_help")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 4), found.reason


def test_chats_kept_on_tape_and_one_of_the_crew_count_for_an_ai_agent() -> None:
    script = (
        ("agent", "Hello, you're through to Bramble Post's automated assistant; our chats are kept on tape."),
        ("customer", "My parcel is lost."),
        ("agent", "What's the tracking number? If you want to talk it over with one of the depot staff, say depot."),
        ("customer", "No thanks."),
        ("agent", "Okay, bye."),
    )
    assert verdict(script, "recording_disclosure", is_ai_call=True).verdict == "pass"
    assert verdict(script, "escalation_offer", is_ai_call=True).verdict == "pass"


@pytest.mark.parametrize(
    "line",
    [
        # Cards 2.4 and rules 2.5: more shapes of an agent naming themselves, and companies named with "the", "of".
        "Copper Kettle Tearooms, Agnes at your service.",
        "The Wool Barn, Fen picking up.",
        "Bank of Carrow, Ade on the desk.",
        "hiya jo from the harbour kayaks team here um how can i help",
    ],
)
def test_more_shapes_of_an_agent_saying_who_answers(line: str) -> None:
    found = verdict(call(opening=line), "greeting")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 0), found.reason


def test_a_phrase_of_three_words_before_on_the_is_not_a_greeting() -> None:
    assert verdict(call(opening="Hello? Yeah, poor you, stuck out on the drive."), "greeting").verdict != "pass"


@pytest.mark.parametrize(
    "line",
    [
        "And who am I speaking with, the policy holder?",
        "Is the booking under your partner's name or yours?",
        "um and the surname on the account is",
        "Read me the number off the back of the card.",
        "I'll just need the reference from your letter.",
    ],
)
def test_identity_asked_as_who_or_whose_name_or_a_sentence_left_open(line: str) -> None:
    found = verdict(call(middle=line), "identity_verification")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


@pytest.mark.parametrize("line", ["Oh, that's just not on, is it.", "Ugh, what a nightmare before a holiday."])
def test_not_on_and_a_nightmare_are_sympathy(line: str) -> None:
    found = verdict(call(middle=line), "empathy")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


@pytest.mark.parametrize(
    "line",
    [
        "I'm sorry it broke, though really it should have been packed properly at your end.",
        "Sorry?",
    ],
)
def test_an_apology_taken_back_after_though_or_a_bare_pardon_is_no_empathy(line: str) -> None:
    assert verdict(call(middle=line), "empathy").verdict != "pass"


@pytest.mark.parametrize(
    "line",
    [
        "You'll have it back before the weekend.",
        "Give it a couple of days and the charge will drop off.",
        "The new card goes out first thing tomorrow.",
    ],
)
def test_the_weekend_a_few_days_and_first_thing_say_when(line: str) -> None:
    found = verdict(call(middle=line), "resolution")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


def test_whats_next_on_your_list_is_an_offer_of_more_help() -> None:
    script = (*call(middle="I've rebooked it for Friday.")[:4], ("agent", "Lovely. What's next on your list?"))
    found = verdict(script, "further_help")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 4), found.reason


@pytest.mark.parametrize(
    "line",
    [
        # Rules 2.5: a longer opening that ends as greetings do; "y'all" is "you"; a company of five words.
        "Sat sri akal and good evening, Punjab Spice Cash and Carry, Harpreet this side.",
        "Well hey there, y'all have reached Magnolia Pecan Orchard, this is Lurleen.",
        "Blue Ridge Log Home Supplies, this is Amos.",
    ],
)
def test_greetings_with_longer_openings_and_longer_company_names(line: str) -> None:
    found = verdict(call(opening=line), "greeting")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 0), found.reason


@pytest.mark.parametrize(
    ("line", "criterion_id"),
    [
        ("Whose name did you make the reservation under, love?", "identity_verification"),
        ("Oh, that just breaks my heart, on her birthday too.", "empathy"),
        ("Perfectly understandable, anyone would be anxious.", "empathy"),
        ("If the ferry's a no-go we'll ring you by six on Friday.", "resolution"),
    ],
)
def test_whose_name_a_broken_heart_and_a_no_go_that_negates_nothing(line: str, criterion_id: str) -> None:
    found = verdict(call(middle=line), criterion_id)
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


def test_bidding_good_day_closes_and_saying_supervisor_reaches_a_person() -> None:
    found = verdict(call(goodbye="Then I shall bid you good evening, Mr Okafor."), "closing")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 4), found.reason
    script = call(middle="If you'd like a person, just say supervisor and I'll put you through.")
    assert verdict(script, "escalation_offer", is_ai_call=True).verdict == "pass"


@pytest.mark.parametrize("line", ["morning harbour dental you got sam", "sorry yeah westside tyres its dev"])
def test_you_got_and_an_apologetic_opening_greet(line: str) -> None:
    found = verdict(call(opening=line), "greeting")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 0), found.reason


def test_they_will_be_in_touch_says_no_when() -> None:
    line = "I'll pass it to the surveyors and they'll be in touch."
    assert verdict(call(middle=line), "resolution").verdict != "pass"


# Cards 2.5: goodbyes and thanks in the languages and dialects heard on English-speaking lines.
@pytest.mark.parametrize(
    "line",
    [
        "Right then, diolch, hwyl.",
        "Sawa, asante, kwaheri.",
        "Sige po, salamat, ingat.",
        "Go raibh maith agat, slán.",
        "Ka kite, Hemi.",
        "No problem at all, walk good.",
        "Aye, haste ye back.",
        "Totsiens, Pieter.",
    ],
)
def test_goodbyes_from_other_languages_and_dialects_close(line: str) -> None:
    found = verdict(call(goodbye=line), "closing")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 4), found.reason


@pytest.mark.parametrize("line", ["Make haste back to the desk with that form.", "The walk was good, was it?"])
def test_words_near_a_goodbye_do_not_close(line: str) -> None:
    assert verdict(call(goodbye=line), "closing").verdict != "pass"


@pytest.mark.parametrize(
    "line",
    [
        "Morning, Fenwick Joinery, Abdul on the yard phone.",
        "Hiya, Kev down at Northgate Exhausts, what can I do for you?",
    ],
)
def test_greetings_naming_the_phone_or_where_the_agent_is(line: str) -> None:
    found = verdict(call(opening=line), "greeting")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 0), found.reason


@pytest.mark.parametrize("line", ["Now then, what's all this?", "Yeah, down at the yard, go on."])
def test_down_at_or_now_then_without_a_company_does_not_greet(line: str) -> None:
    assert verdict(call(opening=line), "greeting").verdict != "pass"


@pytest.mark.parametrize(
    "line",
    [
        "Ah, my bad, I should have caught that.",
        "That's a real worry with the clocks going back.",
        "That is very worrying for you, madam.",
        "Pole sana, we'll get it sorted.",
        "Losing the heating in January is a real hardship.",
        "What a big headache on a Monday.",
    ],
)
def test_apologies_and_sympathy_in_other_words(line: str) -> None:
    found = verdict(call(middle=line), "empathy")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


@pytest.mark.parametrize(
    "line",
    [
        "Don't worry about the form.",
        "You can apply to the hardship fund.",
        "Well, bless your heart, is the thing even switched on?",
    ],
)
def test_worry_and_hardship_as_plain_words_are_not_sympathy(line: str) -> None:
    assert verdict(call(middle=line), "empathy").verdict != "pass"


@pytest.mark.parametrize(
    "line",
    [
        "What's the mobile the order's under?",
        "What's the rego of the van you're bringing in?",
        "Which invoice was it on?",
        "Gie me the holding number, would ye.",
        "Gimme the account number there.",
    ],
)
def test_asking_for_a_mobile_a_rego_or_an_invoice_checks_identity(line: str) -> None:
    found = verdict(call(middle=line), "identity_verification")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


@pytest.mark.parametrize("line", ["The mobile signal here is awful.", "The invoice is in the post."])
def test_mentioning_a_mobile_or_an_invoice_asks_nothing(line: str) -> None:
    assert verdict(call(middle=line), "identity_verification").verdict != "pass"


@pytest.mark.parametrize(
    "line",
    [
        "Heads up, our calls are saved to file for training.",
        "The conversation's going on the recorder, just so you know.",
        "These calls get stored on record for quality.",
    ],
)
def test_calls_kept_on_file_or_on_the_recorder_disclose_recording(line: str) -> None:
    found = verdict(call(opening=f"Hello, Contoso billing. {line}"), "recording_disclosure")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 0), found.reason


@pytest.mark.parametrize("line", ["I'll keep your card details on file.", "This call isn't kept on file."])
def test_details_on_file_or_a_call_not_kept_disclose_nothing(line: str) -> None:
    found = verdict(call(opening=f"Hello, Contoso billing. {line}"), "recording_disclosure")
    assert found.verdict != "pass", found.reason


def test_owt_else_offers_more_help_and_nowt_else_does_not() -> None:
    assert verdict(call(goodbye="Is there owt else I can sort for you?"), "further_help").verdict == "pass"
    assert verdict(call(goodbye="Nowt else to be done, I'm afraid."), "further_help").verdict != "pass"


@pytest.mark.parametrize(
    "line",
    ["Hi, you're speaking with a computer program, not a person.", "Hello, I'm the garage's talking machine."],
)
def test_a_computer_program_or_a_talking_machine_discloses_ai(line: str) -> None:
    found = verdict(call(opening=line), "ai_disclosure", is_ai_call=True)
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 0), found.reason


def test_talking_about_a_computer_program_is_no_ai_disclosure() -> None:
    line = "Hello, I'm Ruth, I can help reset the computer program on your till."
    assert verdict(call(opening=line), "ai_disclosure", is_ai_call=True).verdict != "pass"


@pytest.mark.parametrize(
    "line", ["Okay then, happy baking!", "Right, good luck with the move.", "Lovely chatting with you, Mrs Okafor."]
)
def test_a_good_wish_in_the_last_turn_closes_the_call(line: str) -> None:
    found = verdict(call(goodbye=line), "closing")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 4), found.reason


# Cards 2.6: thanked for "phoning" or "ringing", as much of the English-speaking world says it.
@pytest.mark.parametrize(
    "opening",
    ["Thanks for phoning Larchmont Glass, Ines speaking.", "Thank you for ringing Pell Street Dental, it's Rory."],
)
def test_thanks_for_phoning_or_ringing_with_a_name_greets(opening: str) -> None:
    assert verdict(call(opening=opening), "greeting").passed


# A salutation or a form of address is not a company: "Hello, {org}." names no one in "Hello, good evening".
@pytest.mark.parametrize(
    "opening", ["Hello, good evening, what can I do for you?", "hello sir", "Hi there, morning all.", "hello ji"]
)
def test_a_salutation_or_a_form_of_address_in_the_company_slot_greets_no_one(opening: str) -> None:
    assert not verdict(call(opening=opening), "greeting").passed


@pytest.mark.parametrize("opening", ["Hello, Good Day Cafe.", "Hello, Sir Galahad Removals."])
def test_a_company_that_starts_like_a_salutation_still_greets(opening: str) -> None:
    assert verdict(call(opening=opening), "greeting").passed


# Identity examples all ask: "read out the code" asks it of the customer; "let me read out" is the agent reading.
def test_read_out_asks_the_customer_and_let_me_read_out_does_not() -> None:
    assert verdict(call(middle="Read out the code printed on your parcel slip."), "identity_verification").passed
    assert not verdict(call(middle="Let me read out the reference on your bill."), "identity_verification").passed


@pytest.mark.parametrize("goodbye", ["Okay Marta, enjoy the concert.", "Right you are, ride safely."])
def test_a_wish_to_enjoy_something_or_travel_safely_closes_the_call(goodbye: str) -> None:
    found = verdict(call(goodbye=goodbye), "closing")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 4), found.reason


@pytest.mark.parametrize(
    "line", ["I've moved your fitting to the twentieth, all sorted.", "Sorted, your pickup's booked for 6 30 p.m."]
)
def test_a_date_or_a_clock_time_in_words_says_when(line: str) -> None:
    found = verdict(call(middle=line), "resolution")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


@pytest.mark.parametrize(
    "offer",
    [
        "You have any other thing I should look at or not, like the warranty?",
        "Got anything more you want me to go over or not, maybe the bill?",
    ],
)
def test_a_question_left_open_with_or_not_is_an_offer_of_more_help(offer: str) -> None:
    script = (*call(middle="I've rebooked it for Friday.")[:4], ("agent", offer))
    found = verdict(script, "further_help")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 4), found.reason


def test_a_refusal_of_more_help_is_still_no_offer() -> None:
    script = (*call(middle="I've rebooked it for Friday.")[:4], ("agent", "There's not any other thing I can look at."))
    assert not verdict(script, "further_help").passed


@pytest.mark.parametrize("opening", ["Hiya, what can I do for ye?", "Morning, how can I help ya today?"])
def test_you_as_many_englishes_say_it_names_no_one(opening: str) -> None:
    assert not verdict(call(opening=opening), "greeting").passed


def test_a_name_after_how_can_i_help_still_greets() -> None:
    assert verdict(call(opening="Glenrock Tyres, how can I help, Yusuf speaking."), "greeting").passed


@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("Right. What I'll do, I'll knock ten pounds off your next bill.", False),
        ("What we can do is send a new kettle out.", False),
        ("What else can I do for you.", True),  # asked, with a full stop
    ],
)
def test_what_the_agent_will_do_is_no_question_and_what_else_can_i_do_is(line: str, offered: bool) -> None:
    script = (*call(middle="I've rebooked it for Friday.")[:4], ("agent", line))
    assert verdict(script, "further_help").passed is offered


@pytest.mark.parametrize(
    "line",
    [
        "Which depot did you drop it at, so I can pull the docket up?",
        "What street did the van go to, so we can pull the job up?",
        "which school does she go to so i can look her up",
        "Which yard is the horse stabled at, so I can find her file?",
        "To start your file, please read me the make and model.",
    ],
)
def test_a_detail_asked_for_to_look_the_customer_up_checks_who_they_are(line: str) -> None:
    found = verdict(call(middle=line), "identity_verification")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


@pytest.mark.parametrize(
    "line",
    [
        "Can you hang on a sec so I can pull it up?",
        "What I'll do is bring your account up so I can find it.",
        "Which day suits you, so I can look at the diary?",
    ],
)
def test_looking_something_up_without_asking_for_a_detail_checks_no_one(line: str) -> None:
    assert not verdict(call(middle=line), "identity_verification").passed


@pytest.mark.parametrize(
    "opening",
    ["Hello, you're through to Kestrel Rail's automated helpline.", "You're through to Orla's automated helpline."],
)
def test_a_slotted_example_said_with_another_salutation_or_none_discloses(opening: str) -> None:
    assert verdict(call(opening=opening), "ai_disclosure", is_ai_call=True).passed
