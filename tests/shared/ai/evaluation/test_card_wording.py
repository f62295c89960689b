"""Cards 2.6: families of wording agents use in their own words, which the examples of 2.5 did not reach: an
assistant saying it is software or a program, a recording kept as a copy of the audio, identity asked as who holds
the account or as a code read out, sympathy, when a visit happens, good wishes and thanks as goodbyes, greetings
naming who answers "from my side", and where a person can be reached; and look-alikes that must not pass. Each
case is worded afresh, neither a card's example nor a labelled call's sentence."""

from __future__ import annotations

import pytest

from tests.shared.ai.evaluation.short_calls import DEFAULT_ENGINE, PHRASE_ENGINE, call, judged, verdict

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("line", "criterion_id"),
    [
        ("hi there this line is handled by a computer program so no human is answering", "ai_disclosure"),
        ("Welcome to Harbour Parking, I'm software that takes bookings, not an employee.", "ai_disclosure"),
        (
            "good evening this is the parking line im a computer program not a real person and we keep a sound copy "
            "of every call",
            "recording_disclosure",
        ),
    ],
)
def test_an_assistant_saying_it_is_software_or_that_calls_are_kept_as_audio(line: str, criterion_id: str) -> None:
    found = verdict(call(opening=line), criterion_id, is_ai_call=True)
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 0), found.reason


@pytest.mark.parametrize(
    ("line", "criterion_id"),
    [
        ("Don't worry, you've got a real member of staff, not a computer.", "ai_disclosure"),
        ("You'll get a recorded message telling you our hours.", "recording_disclosure"),
        ("Hello, I'll keep a note of everything you tell me today.", "recording_disclosure"),
    ],
)
def test_a_person_on_the_line_a_recorded_message_or_a_note_discloses_nothing(line: str, criterion_id: str) -> None:
    assert verdict(call(opening=line), criterion_id, is_ai_call=True).verdict != "pass"


@pytest.mark.parametrize(
    ("line", "criterion_id"),
    [
        ("Who's the policy holder on this one?", "identity_verification"),
        ("Grab your latest bill and read out the account code at the top.", "identity_verification"),
        ("You must be at the end of your tether.", "empathy"),
        ("The fitter's next stop is your place, so about half three.", "resolution"),
    ],
)
def test_who_holds_the_account_sympathy_and_when_in_other_words(line: str, criterion_id: str) -> None:
    found = verdict(call(middle=line), criterion_id)
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


@pytest.mark.parametrize(
    ("line", "criterion_id"),
    [
        ("Which store do you want to pick it up from?", "identity_verification"),
        ("Let me read out the code I've just texted you.", "identity_verification"),
        ("Ah right, gotcha, carry on.", "empathy"),
        ("Yeah nah, fair, fair.", "empathy"),
        ("No clue when the courier gets round to it.", "resolution"),
    ],
)
def test_a_pick_up_place_a_gotcha_or_no_clue_when_are_no_pass(line: str, criterion_id: str) -> None:
    assert verdict(call(middle=line), criterion_id).verdict != "pass"


@pytest.mark.parametrize(
    "line",
    ["Shukriya, sir.", "Happy gardening, Mrs Lee.", "Lovely talking with you, Mrs Ahmed."],
)
def test_thanks_in_other_languages_and_good_wishes_close_the_call(line: str) -> None:
    found = verdict(call(goodbye=line), "closing")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 4), found.reason


def test_a_bare_okay_madam_does_not_close() -> None:
    assert verdict(call(goodbye="Hmm, okay madam."), "closing").verdict != "pass"


@pytest.mark.parametrize(
    "line", ["Good evening, Sunline Gas, Meera from my side.", "You've rung Hilltop Roofing, it's Gemma."]
)
def test_more_ways_of_saying_who_answers(line: str) -> None:
    found = verdict(call(opening=line), "greeting")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 0), found.reason


@pytest.mark.parametrize(
    "line",
    [
        "Press eight and one of our staff will pick up.",
        "Or drop by the service desk and the staff there can sort it by hand.",
    ],
)
def test_telling_the_caller_where_staff_answer_offers_a_person(line: str) -> None:
    found = verdict(call(middle=line), "escalation_offer", is_ai_call=True)
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


def test_no_one_free_to_take_the_call_offers_no_person() -> None:
    line = "All our staff are tied up, so there's no one to put you through to."
    assert verdict(call(middle=line), "escalation_offer", is_ai_call=True).verdict != "pass"


# Cards 2.7: more families agents use in their own words: identifiers asked with "say", "provide" or "let me take",
# under which name or at which house number; when, said with a dropped apostrophe ("ill"), in pidgin ("go bring") or
# as post going out on a day; sympathy as a hassle, scary, "no good" or felt for the caller; thanks for ringing and good
# luck as goodbyes; a copy of the call hung on to; an assistant calling itself a bot or software after naming the
# line; a staff member to give the caller a ring, or a word with one of the team.


@pytest.mark.parametrize(
    ("line", "criterion_id"),
    [
        ("Right, under which name did you book the lesson?", "identity_verification"),
        ("Let me take your policy number first.", "identity_verification"),
        ("ok ill ring you on thursday with the figures", "resolution"),
        ("di van go bring am tomorrow morning", "resolution"),
        ("Your new cheque book goes out on the second.", "resolution"),
        ("Ugh, that's a hassle when you've taken the day off.", "empathy"),
        ("Aw, that sounds scary for the little one.", "empathy"),
        ("Honestly, I feel for you with that.", "empathy"),
    ],
)
def test_identity_when_and_sympathy_in_more_words(line: str, criterion_id: str) -> None:
    found = verdict(call(middle=line), criterion_id)
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


@pytest.mark.parametrize(
    ("line", "criterion_id"),
    [
        ("Which unit sizes do you stock for a garden shed?", "identity_verification"),
        ("Just say the word agent if you need a person.", "identity_verification"),
        ("Jo is ill today, so I cannot say.", "resolution"),
        ("You can go check the tracking page tomorrow.", "resolution"),
        ("That's no good to me, you need the other form.", "empathy"),
    ],
)
def test_unit_sizes_being_ill_or_a_form_that_is_no_good_are_no_pass(line: str, criterion_id: str) -> None:
    assert verdict(call(middle=line), criterion_id).verdict != "pass"


@pytest.mark.parametrize("line", ["Appreciate you ringing in.", "Best of luck with the move.", "Righto, hooroo."])
def test_thanks_for_ringing_good_luck_and_hooroo_close_the_call(line: str) -> None:
    found = verdict(call(goodbye=line), "closing")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 4), found.reason


@pytest.mark.parametrize(
    ("line", "criterion_id"),
    [
        ("hi youve come through to the harbour council parking bot so no person is listening", "ai_disclosure"),
        ("Hello, you've got Pip, Brightwater Dental's booking software.", "ai_disclosure"),
        ("Morning, Brightwater Dental, we hang onto a copy of every call for training.", "recording_disclosure"),
    ],
)
def test_an_assistant_naming_itself_software_or_a_copy_hung_on_to(line: str, criterion_id: str) -> None:
    found = verdict(call(opening=line), criterion_id, is_ai_call=True)
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 0), found.reason


@pytest.mark.parametrize(
    ("line", "criterion_id"),
    [
        ("I'll have one of the nurses give you a ring this evening.", "escalation_offer"),
        ("If you'd like a word with one of the garage team, say garage.", "escalation_offer"),
        ("Please say the reference on your letter.", "identity_verification"),
    ],
)
def test_a_ring_from_staff_a_word_with_the_team_or_a_reference_said(line: str, criterion_id: str) -> None:
    found = verdict(call(middle=line), criterion_id, is_ai_call=True)
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


# Cards 2.8: an assistant naming itself by a machine word and then saying what it is not ("the computerised till,
# not a cashier"); a person patched in, coming on the line or ringing back when named with their team; a chat or a
# yarn with one of the team; staff who are real people; staff who sort it face to face or in person.


@pytest.mark.parametrize(
    "line",
    [
        "Morning, Harbour Parking, this is the computerised attendant, not one of the wardens.",
        "hi harbour parking you are on the automated bookings desk no humans on it",
        "Harbour Parking, it's the robo receptionist here, not a real receptionist.",
    ],
)
def test_an_assistant_named_by_a_machine_word_and_what_it_is_not_discloses_ai(line: str) -> None:
    found = verdict(call(opening=line), "ai_disclosure", is_ai_call=True)
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 0), found.reason


@pytest.mark.parametrize(
    "line",
    [
        "Hello, Harbour Parking, the computer system is not a problem today, how can I help?",
        "Hi, Harbour Parking bookings, the automated barrier is not working on level two.",
    ],
)
def test_a_machine_word_with_a_denial_of_something_else_discloses_nothing(line: str) -> None:
    assert verdict(call(opening=line), "ai_disclosure", is_ai_call=True).verdict != "pass"


@pytest.mark.parametrize(
    "line",
    [
        "Just say manager and I'll patch you through to the duty manager.",
        "Shall I get Tomasz from the billing team to ring you this afternoon?",
        "Hang on, one of the night crew will come on the line in a moment.",
        "If you'd like a chat with one of the wardens, press two.",
        "Our parking crew are real people and answer on the same number after nine.",
        "The attendants in the kiosk can refund it with you face to face.",
    ],
)
def test_a_person_patched_in_named_with_their_team_or_met_face_to_face_is_an_escalation(line: str) -> None:
    found = verdict(call(middle=line), "escalation_offer", is_ai_call=True)
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


@pytest.mark.parametrize(
    "line",
    [
        "Unfortunately there's nobody on shift I could patch you through to today.",
        "I'm afraid there are no staff here we can put you through to.",
        "The courier will hand the parcel to you in person.",
    ],
)
def test_nobody_to_patch_through_or_a_parcel_handed_over_is_no_escalation(line: str) -> None:
    assert verdict(call(middle=line), "escalation_offer", is_ai_call=True).verdict != "pass"


# Cards 2.9 (AI agent): "automatic" is a machine word as "automated" is ("the Hillcrest automatic
# enquiries line"), and calls "listened to" or "listened in on" are monitored.


@pytest.mark.parametrize(
    ("line", "passed"),
    [
        ("You've reached the Hillcrest Allotments automatic enquiries line.", True),
        ("You've reached the Hillcrest Allotments enquiries line.", False),  # nothing said of what answers
    ],
)
def test_an_automatic_line_discloses_that_no_person_answers(line: str, passed: bool) -> None:
    found = verdict(call(opening=line), "ai_disclosure", is_ai_call=True)
    assert (found.verdict == "pass") is passed, found.reason


@pytest.mark.parametrize(
    ("line", "passed", "is_ai_call"),
    [
        ("Welcome to Hillcrest Allotments, calls here might get listened to by the committee.", True, True),
        ("Welcome to Hillcrest Allotments, our calls can be listened in on by a supervisor.", True, True),
        ("Welcome to Hillcrest Allotments, nobody has listened to the voicemail yet.", False, True),
    ],
)
def test_calls_listened_to_are_monitored(line: str, passed: bool, is_ai_call: bool) -> None:
    found = verdict(call(opening=line), "recording_disclosure", is_ai_call=is_ai_call)
    assert (found.verdict == "pass") is passed, found.reason


@pytest.mark.parametrize(
    ("line", "criterion_id"),
    [
        ("Is there anything else I can do for you, Mrs. Okafor?", "further_help"),
        ("Anything more I can help with today, Dr. Reyes?", "further_help"),
    ],
)
def test_a_titles_full_stop_does_not_end_the_sentence(line: str, criterion_id: str) -> None:
    """ "Mrs." is no end of a sentence: the question runs on to the name and its question mark."""
    middle = "I've rebooked the delivery for Friday morning."
    script = (*call(middle=middle)[:4], ("agent", line), ("customer", "No, that's all."), ("agent", "Bye now."))
    assert verdict(script, criterion_id).verdict == "pass"


@pytest.mark.parametrize(
    "line",
    [
        "Madam, I no go apologise for the traffic wey block the road.",
        "Sorry eh, forgot to say, this is Dayo from Swift Couriers.",
        "Well, I'm sorry, but everybody else managed to fill the form, eh.",
    ],
)
def test_a_refusal_in_pidgin_an_excuse_for_no_name_and_a_comparison_are_no_empathy(line: str) -> None:
    assert verdict(call(middle=line), "empathy").verdict != "pass"


@pytest.mark.parametrize(
    "line",
    [
        "No go-slow on our side, the van leaves at nine tomorrow.",
        "Everyone else in your street has the same fault, so it's on our side and I'm sorry for that.",
    ],
)
def test_look_alikes_of_those_stay_as_they_were(line: str) -> None:
    assert verdict(call(middle=line), "empathy").verdict == ("pass" if "sorry" in line else "fail")


@pytest.mark.parametrize(
    ("line", "criterion_id", "passes"),
    [
        # Denied right after the words: no offer of a person.
        ("Live agents are not available on this line.", "escalation_offer", False),
        ("A human advisor is not something this line has.", "escalation_offer", False),
        # An offer withdrawn by what follows it.
        ("I could try putting you through, but there's really no point, they don't take calls.", "escalation_offer",
         False),
        ("Putting you through to Mairead in the office now.", "escalation_offer", True),
        ("I'll ask Tomas, who runs the workshop, to phone you tomorrow morning.", "escalation_offer", True),
        ("I'll ask the system to text you a code.", "escalation_offer", False),
    ],
)  # fmt: skip
def test_offers_of_a_person_denied_withdrawn_or_made(line: str, criterion_id: str, passes: bool) -> None:
    script = ai_call_with(line)
    assert (verdict(script, criterion_id, is_ai_call=True).verdict == "pass") is passes


def ai_call_with(line: str) -> tuple[tuple[str, str], ...]:
    return (
        ("agent", "Hi, you've reached the Larch Tools automated assistant. Calls are recorded."),
        ("customer", "My saw arrived broken."),
        ("agent", line),
        ("customer", "Okay."),
        ("agent", "Thanks for calling, goodbye."),
    )


def test_what_an_assistant_is_not_does_not_deny_the_recording_after_it() -> None:
    opening = "hello im the fair line assistant im a computer not a person calls are kept on tape for training"
    script = (("agent", opening), *ai_call_with("One moment.")[1:])
    assert verdict(script, "recording_disclosure", is_ai_call=True).verdict == "pass"
    denied = "hello im the fair line assistant not a person and calls are not kept on tape"
    assert verdict((("agent", denied), *ai_call_with("One moment.")[1:]), "recording_disclosure").verdict != "pass"


@pytest.mark.parametrize(
    "line", ["Perfetto, grazie mille, arrivederci.", "Gut, danke schön, tschüss.", "Shukran, ma'a salama."]
)
def test_goodbyes_in_more_languages_close(line: str) -> None:
    found = verdict(call(goodbye=line), "closing")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 4), found.reason


@pytest.mark.parametrize(
    "line",
    [
        # A pattern worded with "no" itself is not denied by it, whatever the words before it.
        "Two weeks without hot water, that's no way to spend a winter.",
        "I understand your concern, madam, with the exams so close.",
        "Oh gosh, that's not what you want after paying for a full service.",
        "I know this is stressful with the move on Friday.",
        "God love you, and the heating gone all week.",
        "Ah, that's a real shame after all the practice.",
        "I completely appreciate how unsettling that must have been.",
        # Cards 2.9: pity in Spanish, a heart heavy for them, a plan they looked forward to.
        "Ay, pobrecita, the altitude is hard the first days.",
        "My heart goes out to your mother, with the wedding and everything.",
        "What a pity, I know you were really looking forward to that trail.",
        # Card 2.10: the customer's worry or hardship understood, however it is put.
        "Yes yes the box is fine and i understand you are worry, it's a long time with no news.",
        "I do understand, ma'am, it is very disappointing when the kit arrives damaged.",
        "I understand, it's hard when the pay is late.",
        "ah i know it's so disappointing when you plan the whole weekend around it",
    ],
)
def test_sympathy_in_everyday_words_passes_on_phrases_alone(line: str) -> None:
    found = judged(PHRASE_ENGINE, call(middle=line), "empathy")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


@pytest.mark.parametrize(
    "line", ["I don't understand why you are upset, the box says so.", "I understand, so the order is for Friday."]
)
def test_understanding_that_is_no_sympathy_does_not_pass(line: str) -> None:
    assert judged(PHRASE_ENGINE, call(middle=line), "empathy").verdict != "pass"


def test_sympathy_wording_does_not_pass_a_refusal_to_give_any() -> None:
    line = "I'm not going to say sorry, it's a shame but that's the rules."
    assert verdict(call(middle=line), "empathy").verdict != "pass"


@pytest.mark.parametrize(
    "line",
    [
        "I can't put you through tonight, but ring the depot directly in the morning, the foreman answers himself.",
        "Say staff and I will route you to the help desk.",
        "If you'd rather talk it over with a real live person, press nine.",
        "Our duty nurses will pick up after the tone, they're people, not me.",
        # Cards 2.11: "get you over to".
        "I can get you over to a claims adjuster right now, want me to do that?",
    ],
)
def test_a_person_to_reach_named_in_other_words_is_an_escalation_offer(line: str) -> None:
    found = verdict(call(middle=line), "escalation_offer", is_ai_call=True)
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


def test_the_app_or_this_line_reached_directly_is_no_person() -> None:
    line = "You can message us directly in the app, it answers around the clock."
    assert verdict(call(middle=line), "escalation_offer", is_ai_call=True).verdict != "pass"


@pytest.mark.parametrize(
    "goodbye",
    [
        "Dhanyabad, namaste.",
        "Tack för att du ringde, hej då.",
        "Gut. Wiederschauen.",
        # Cards 2.9 and 2.11: Icelandic, Hawaiian, Japanese and Polish.
        "Takk fyrir og bless.",
        "Mahalo, a hui hou!",
        "Arigatou gozaimasu, sayonara.",
        "Dziękuję, do widzenia.",
    ],
)
def test_goodbyes_in_the_languages_calls_switch_into_close_the_call(goodbye: str) -> None:
    found = verdict(call(goodbye=goodbye), "closing")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 4), found.reason


@pytest.mark.parametrize(
    "line",
    [
        "Hi, you're through to Harbour Camps bookings, what's your question?",
        "If you need help with a bulk order, you can email our trade team.",
    ],
)
def test_an_opening_question_or_an_offer_of_help_checks_no_one(line: str) -> None:
    assert verdict(call(middle=line), "identity_verification", is_ai_call=True).verdict != "pass"


@pytest.mark.parametrize(
    "line", ["Lovely, and what surname's the booking in?", "Right, and when was she born, so I can find her?"]
)
def test_a_detail_asked_in_everyday_words_still_checks_who_they_are(line: str) -> None:
    found = verdict(call(middle=line), "identity_verification")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


def test_an_exclamation_of_no_is_no_detail_asked_for() -> None:
    line = "Oh no, that's awful, can you confirm for me what happened?"
    assert verdict(call(middle=line), "identity_verification").verdict != "pass"


# Cards 2.12 (AI agent) and 2.11 (human): wording in the languages calls switch into, and ids asked for by name.


@pytest.mark.parametrize(
    "line",
    [
        "Guten Morgen, Bäckerei Lindner, hier spricht Ihr virtueller Assistent.",
        "Welkom bij Fietsverhuur Vos, u spreekt met een digitale assistent.",
        "Buongiorno, sono l'assistente virtuale di Ferramenta Rossi.",
        "Good morning, welcome to the automated booking server of Harbour Parking.",
        "Hallo, ik ben de spraakcomputer van Fietsverhuur Vos.",
    ],
)
def test_an_assistant_saying_what_it_is_in_another_language_discloses_ai(line: str) -> None:
    found = judged(PHRASE_ENGINE, call(opening=line), "ai_disclosure", is_ai_call=True)
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 0), found.reason


@pytest.mark.parametrize(
    ("line", "passed"),
    [
        ("Guten Morgen, Bäckerei Lindner. Ihr Anruf wird zu Schulungszwecken aufgezeichnet.", True),
        ("Welkom bij Fietsverhuur Vos, dit gesprek wordt opgenomen.", True),
        ("Buongiorno, la chiamata potrebbe essere registrata.", True),
        ("Dzień dobry, rozmowa jest nagrywana.", True),
        ("Selamat pagi, panggilan ini direkam untuk kualitas layanan.", True),
        ("Hello, Harbour Parking, calls on this line are saved for quality checks.", True),
        ("Guten Morgen, Bäckerei Lindner, dieses Gespräch wird nicht aufgezeichnet.", False),
        ("Welkom bij Fietsverhuur Vos, dit gesprek wordt niet opgenomen.", False),
    ],
)
def test_a_recording_said_in_another_language_is_disclosed_and_its_denial_is_not(line: str, passed: bool) -> None:
    found = judged(PHRASE_ENGINE, call(opening=line), "recording_disclosure", is_ai_call=True)
    assert (found.verdict == "pass") is passed, found.reason


@pytest.mark.parametrize(
    "goodbye",
    [
        "Pronto, já está. Tenha um bom dia!",  # "um" is also a filler word in English, and dropped as one
        "Listo, que le vaya muy bien.",
        "Endaxi, kali sou mera.",
        "ok done tq",
    ],
)
def test_goodbyes_whose_article_or_adverb_the_card_missed_close_the_call(goodbye: str) -> None:
    found = judged(PHRASE_ENGINE, call(goodbye=goodbye), "closing")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 4), found.reason


def test_a_person_offered_in_portuguese_is_an_escalation() -> None:
    found = judged(PHRASE_ENGINE, call(middle="Se preferir, pode falar com um atendente agora."), "escalation_offer",
                   is_ai_call=True)  # fmt: skip
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


@pytest.mark.parametrize(
    "line",
    [
        "Please key in your nine-digit membership number, then the star key.",
        "To find the policy, say the last four digits of the main holder's card number.",
        "What is your CPF, please?",
        "Could you give me your NRIC so I can pull it up?",
    ],
)
def test_an_id_keyed_in_or_asked_for_by_its_name_checks_who_they_are(line: str) -> None:
    found = judged(PHRASE_ENGINE, call(middle=line), "identity_verification", is_ai_call=True)
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


def test_an_indonesian_greeting_with_the_agents_name_says_who_answers() -> None:
    found = judged(PHRASE_ENGINE, call(opening="Selamat pagi, Toko Kain Sari, dengan Rina, ada yang bisa dibantu?"),
                   "greeting")  # fmt: skip
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 0), found.reason


def test_further_help_asked_in_the_spanish_subjunctive() -> None:
    found = judged(PHRASE_ENGINE, call(goodbye="¿Algo más que necesite hoy?"), "further_help")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 4), found.reason


# Sympathy speaks of a feeling or a trouble (tone.TOPICS): a sentence whose words only lie near an example's
# ("plate", "classic", "miss") shows none, whatever the learned reading makes of it.
@pytest.mark.parametrize(
    "line",
    [
        "What is the plate number, the matricula?",
        "Oh, that's a classic one.",
        "Fair enough, it's your choice.",
        "Fair enough, up to you.",
    ],
)
def test_words_near_a_sympathy_example_that_speak_of_no_feeling_show_no_empathy(line: str) -> None:
    assert judged(DEFAULT_ENGINE, call(middle=line), "empathy").verdict == "fail"


@pytest.mark.parametrize(
    "line",
    [
        "Eish, two weeks with no geyser, I'd be climbing the walls.",
        "Oh no, and right before the wedding too.",
        "That's gutting, after all that saving.",
    ],
)
def test_sympathy_in_words_of_its_own_still_shows_empathy(line: str) -> None:
    found = judged(DEFAULT_ENGINE, call(middle=line), "empathy")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason
