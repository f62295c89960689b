"""Detection: each kind of personal data in the shapes Whisper writes it, and what must not be taken for it."""

from __future__ import annotations

import time

import pytest

from shared.models.redaction import EntityType
from shared.models.transcript import Segment
from shared.redaction.detection import detect
from tests.shared.redaction.detection.turns import found as _found
from tests.shared.redaction.detection.turns import segments as _segments

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "text, card",
    [
        ("It's 4111 1111 1111 1111.", "4111 1111 1111 1111"),
        ("It's 4111111111111111.", "4111111111111111"),
        ("It's 5,5,5,5,5,5,5,5,5,5,5,5,4,4,4,4.", "5,5,5,5,5,5,5,5,5,5,5,5,4,4,4,4"),
        ("Four two four two, double four two, double four two, four two four two.",
         "Four two four two, double four two, double four two, four two four two"),
        ("Five one oh five, one oh five one, uh, oh five one oh, five one oh oh.",
         "Five one oh five, one oh five one, uh, oh five one oh, five one oh oh"),
        ("My Amex is 3782 822463 10005 thanks", "3782 822463 10005"),
    ],
)  # fmt: skip
def test_card_numbers_in_every_shape(text: str, card: str) -> None:
    assert _found(_segments(("customer", text))) == [("card_number", [card])]


def test_an_expiry_said_in_the_same_breath_as_a_card_nobody_named_is_its_expiry() -> None:
    segments = _segments(("customer", "Okay, reading it: 5500 0000 0000 0004, and 0330."))
    assert _found(segments) == [("card_number", ["5500 0000 0000 0004"]), ("card_expiry", ["0330"])]


def test_a_number_after_a_card_in_an_earlier_turn_is_not_taken_for_its_expiry_without_card_talk() -> None:
    segments = _segments(
        ("customer", "5500 0000 0000 0004."),
        ("agent", "Thanks."),
        ("customer", "And we were in room 1128 last time."),
    )
    assert _found(segments, (EntityType.CARD_EXPIRY,)) == []


def test_a_number_that_fails_the_luhn_check_and_is_not_grouped_as_a_card_is_not_a_card() -> None:
    # Grouped 4-4-4-4 it would be a card with a digit misheard; in other groups it is some other number.
    assert _found(_segments(("customer", "It's 41111 11111 111112.")), (EntityType.CARD_NUMBER,)) == []


def test_a_card_read_over_a_pause_and_a_backchannel_is_one_entity() -> None:
    segments = _segments(
        ("customer", "Okay, four zero one two, eight eight eight eight,"),
        ("agent", "Mm-hmm."),
        ("customer", "eight eight eight eight, one eight eight one."),
    )
    assert _found(segments) == [
        ("card_number", ["four zero one two, eight eight eight eight", "eight eight eight eight, one eight eight one"])
    ]


def test_a_long_pause_ends_a_number() -> None:
    segments = _segments(
        ("customer", "four zero one two, eight eight eight eight,"),
        ("customer", "eight eight eight eight, one eight eight one."),
        gap_ms=30_000,
    )
    assert _found(segments, (EntityType.CARD_NUMBER,)) == []


def test_expiry_and_security_code_answered_after_the_agent_asks() -> None:
    segments = _segments(
        ("agent", "And the expiration date?"),
        ("customer", "Oh four twenty seven."),
        ("agent", "And the three digit security code on the back?"),
        ("customer", "Seven three one."),
    )
    assert _found(segments) == [
        ("card_expiry", ["Oh four twenty seven"]),
        ("card_security_code", ["Seven three one"]),
    ]


@pytest.mark.parametrize(
    "turns, ssn",
    [
        ((("customer", "My social is 123-45-6789."),), "123-45-6789"),
        ((("agent", "Your social security number?"), ("customer", "One two three, four five, six seven eight nine.")),
         "One two three, four five, six seven eight nine"),
        ((("agent", "The last four of your social?"), ("customer", "It's 6789.")), "6789"),
    ],
)  # fmt: skip
def test_ssns(turns: tuple[tuple[str, str], ...], ssn: str) -> None:
    assert _found(_segments(*turns)) == [("ssn", [ssn])]


def test_nine_digits_without_context_or_dashes_are_not_an_ssn() -> None:
    assert _found(_segments(("customer", "The parcel weighs 123456789 grams")), (EntityType.SSN,)) == []


def test_phone_numbers_valid_or_announced() -> None:
    assert _found(_segments(("customer", "Call me on 212 555 0123 after five."))) == [
        ("phone_number", ["212 555 0123"])
    ]
    assert _found(_segments(("customer", "My cell is (617) 555-1212."))) == [("phone_number", ["(617) 555-1212"])]


@pytest.mark.parametrize(
    "text, email",
    [
        ("My email is john dot smith at gmail dot com.", "john dot smith at gmail dot com"),
        ("It's jane.porter@example.com.", "jane.porter@example.com"),
        ("Send it to Jane.Porder at mmple.com please.", "Jane.Porder at mmple.com"),
        ("It is mike underscore lee at outlook dot com.", "mike underscore lee at outlook dot com"),
        ("It is Daniel Wright at www .cantoso .org.", "Daniel Wright at www .cantoso .org"),
    ],
)
def test_emails_written_spoken_and_misheard(text: str, email: str) -> None:
    assert _found(_segments(("customer", text))) == [("email", [email])]


def test_dates_of_birth_only_in_a_verification_context() -> None:
    asked = _segments(("agent", "Can you confirm your date of birth?"), ("customer", "March 3, 1985."))
    assert _found(asked) == [("date_of_birth", ["March 3, 1985"])]
    spoken = _segments(("customer", "I was born on the third of March, nineteen eighty five."))
    assert _found(spoken) == [("date_of_birth", ["the third of March, nineteen eighty five"])]
    assert _found(_segments(("customer", "My order from March 3, 1985 never arrived."))) == []


def test_a_month_whisper_put_at_the_end_of_the_speakers_previous_segment_is_part_of_the_date() -> None:
    # What Whisper made of an espeak-ng call: the month ran into the answer before the question about the date.
    heard = _segments(
        ("customer", "123-45-6789. March"), ("agent", "And your date of birth?"), ("customer", "third, 1985.")
    )
    assert ("date_of_birth", ["March", "third, 1985"]) in _found(heard)
    not_a_month = _segments(("customer", "Okay, sure."), ("agent", "Your date of birth?"), ("customer", "third, 1985."))
    assert _found(not_a_month) == [("date_of_birth", ["third, 1985"])]


def test_a_word_whisper_starts_with_its_group_hyphen_is_read_as_the_word() -> None:
    # What Whisper made of the e2e call once: its fallback's sampling put "-" before each group, the month too.
    heard = _segments(("agent", "And your native birth?"), ("customer", "-March 3rd 1985"))
    assert _found(heard) == [("date_of_birth", ["-March 3rd 1985"])]


@pytest.mark.parametrize(
    "heard, email",
    [
        ("is John .smithat -gmail .com", "John .smithat -gmail .com"),  # "at" run into the name
        ("It is John .Smith at -gmail .com", "John .Smith at -gmail .com"),
    ],
)
def test_an_email_whisper_wrote_with_its_group_hyphen(heard: str, email: str) -> None:
    # What Whisper made of the e2e call's "john dot smith at gmail dot com" when its fallback sampled.
    asked = _segments(("agent", "Thank you. What is the new email address?"), ("customer", heard))
    assert _found(asked) == [("email", [email])]


@pytest.mark.parametrize(
    "turns, expected",
    [
        ((("customer", "My name is -Daniel Wright."),), [("person_name", ["Daniel Wright"])]),
        ((("agent", "Your -email?"), ("customer", "It's dana at g -mail dot com.")),
         [("email", ["dana at g -mail dot com"])]),
        ((("customer", "I live at 12 -Birch Road, Austin."),), [("address", ["12 -Birch Road, Austin"])]),
    ],
)  # fmt: skip
def test_every_rule_reads_a_hyphen_led_word_as_the_word(
    turns: tuple[tuple[str, str], ...], expected: list[tuple[str, list[str]]]
) -> None:
    assert _found(_segments(*turns)) == expected


def test_addresses_and_account_numbers() -> None:
    assert _found(_segments(("customer", "I live at 42 Oak Street, Springfield, IL 62704."))) == [
        ("address", ["42 Oak Street, Springfield, IL 62704"])
    ]
    account = _segments(
        ("agent", "Can you confirm your account number?"), ("customer", "It is four five six seven eight.")
    )
    assert _found(account) == [("account_number", ["four five six seven eight"])]
    assert _found(_segments(("customer", "I have been waiting for 5 o'clock on the way home."))) == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Thank you for calling Contoso, my name is Sarah. How can I help?", "Sarah"),
        ("Hi, this is John Smith speaking.", "John Smith"),
        ("Thank you, Mr. Patel.", "Mr. Patel"),
    ],
)
def test_names_where_the_call_reveals_them(text: str, name: str) -> None:
    assert _found(_segments(("agent", text))) == [("person_name", [name])]


@pytest.mark.parametrize(
    "text",
    [
        "This is the Contoso virtual assistant. This call is recorded.",
        "I'm sorry, I'm not sure.",
        "This is about my bill, it is 49.99 a month and I have 2 lines.",
        "I will issue a refund of twenty dollars today, it arrives in 5 business days.",
    ],
)
def test_ordinary_speech_is_left_alone(text: str) -> None:
    assert _found(_segments(("customer", text))) == []


def test_only_the_chosen_types() -> None:
    segments = _segments(("customer", "My social is 123-45-6789 and my email is sam at contoso dot org."))
    assert _found(segments, (EntityType.EMAIL,)) == [("email", ["sam at contoso dot org"])]


# What Whisper made of the generated calls: each shape below came from a transcript of one of them.


def test_digit_groups_whisper_starts_with_a_hyphen() -> None:
    account = _segments(
        ("agent", "Can you please confirm your account number?"), ("customer", "Sure, it is 8 -2 -1 -3 -4 -0 -1.")
    )
    assert _found(account) == [("account_number", ["8 -2 -1 -3 -4 -0 -1"])]
    phone = _segments(("agent", "And a phone number, where we can reach you?"), ("customer", "212 -555 -0123."))
    assert _found(phone) == [("phone_number", ["212 -555 -0123"])]
    # A misheard digit ("-I") inside a hyphenated number does not end it.
    member = _segments(("agent", "Can I have your member ID?"), ("customer", "Yes, it is 447 -2 -I -1 -338"))
    assert _found(member) == [("account_number", ["447 -2 -I -1 -338"])]


def test_an_email_heard_as_words_joined_by_dots() -> None:
    segments = _segments(("agent", "And an email address for the receipt?"), ("customer", "Priya .Kanatiyahu .com"))
    assert _found(segments) == [("email", ["Priya .Kanatiyahu .com"])]
    assert _found(_segments(("customer", "Priya .Kanatiyahu .com"))) == []  # no e-mail asked for
    # "email" heard as "mail": the address's shape is enough ("by mail" alone names none)
    heard_as_mail = _segments(
        ("agent", "And what you like it by mail as well?"), ("customer", "Yes please earnoutlook .com.")
    )
    assert _found(heard_as_mail) == [("email", ["earnoutlook .com"])]
    assert _found(_segments(("agent", "It will come by post."), ("customer", "Yes please earnoutlook .com."))) == []


def test_each_answer_to_another_question_is_its_own_number() -> None:
    segments = _segments(
        ("agent", "Sure, go ahead with the card number."),
        ("customer", "3782 -822 -463 -10005"),
        ("agent", "And the expiration date?"),
        ("customer", "-0928"),
        ("agent", "And the code on the front of the card?"),
        ("customer", "-1234"),
    )
    assert _found(segments) == [
        ("card_number", ["3782 -822 -463 -10005"]),
        ("card_expiry", ["-0928"]),
        ("card_security_code", ["-1234"]),
    ]


def test_a_code_after_a_misheard_question_is_not_an_expiry() -> None:
    # "And the CVV, please?" was heard as "And the seemingly, please?"; 4/56 is no card's expiry.
    segments = _segments(
        ("customer", "The number is 4012 8888 8888 1881."),
        ("agent", "Thank you, what is the expiry date on the card?"),
        ("agent", "And the seemingly, please?"),
        ("customer", "456."),
    )
    assert _found(segments) == [("card_number", ["4012 8888 8888 1881"]), ("card_security_code", ["456"])]


def test_digits_around_a_card_in_one_answer_are_the_card() -> None:
    # Whisper heard an extra zero and split the answer; the digits beside the valid stretch are still the card.
    segments = _segments(
        ("agent", "Please give me the 16 digit number on your debit card"),
        ("customer", "4 0 0 0 0 0 5 6 6"),
        ("customer", "5 5 6 6"),
        ("customer", "5 5 5 6"),
    )
    assert _found(segments) == [("card_number", ["4 0 0 0 0 0 5 6 6", "5 5 6 6", "5 5 5 6"])]


def test_the_last_four_of_a_social_misheard_and_a_date_asked_after_it() -> None:
    segments = _segments(
        ("agent", "For security, can you give me the last form of your social"),
        ("customer", "Sure, it is 4417,"),
        ("agent", "Thank you, and your full date on birth?"),
        ("customer", "the 14th of July, 1990."),
    )
    assert _found(segments) == [("ssn", ["4417"]), ("date_of_birth", ["the 14th of July, 1990"])]


@pytest.mark.parametrize(
    "turns",
    [
        (("agent", "And your date of birth?"), ("customer", "March 3, 1985."),
         ("agent", "You are verified, your balance is 2000 and 40 dollars")),
        (("agent", "What is the card number?"), ("customer", "It is 4242, 4242, 4242, 4242."),
         ("agent", "The payment on 49 .99 is confirmed.")),
        (("agent", "I have Tuesday at 3 .30 or Wednesday at 10 .15."), ("customer", "I am Tuesday at 3 .30 then.")),
        (("agent", "Your order of two items will arrive tomorrow between 9 and 11."),),
    ],
)  # fmt: skip
def test_amounts_times_and_days_are_not_personal_data(turns: tuple[tuple[str, str], ...]) -> None:
    found = _found(_segments(*turns))
    assert all(kind in {"card_number", "date_of_birth"} for kind, _ in found)
    assert not any("40" in text or "49" in text or "Tuesday" in text for _, spans in found for text in spans)


def test_an_address_said_digit_by_digit_with_its_city() -> None:
    assert _found(_segments(("customer", "1 -2 -3 Main Street, Apartment 4, Boston"))) == [
        ("address", ["1 -2 -3 Main Street, Apartment 4, Boston"])
    ]


def test_card_expiry_and_code_whisper_wrote_as_one_word_are_told_apart() -> None:
    segments = _segments(("agent", "Can I have the card number?"), ("customer", "It is 411111111111111111110427731"))
    assert _found(segments) == [
        ("card_number", ["41111111111111111111"]),
        ("card_expiry", ["0427"]),
        ("card_security_code", ["731"]),
    ]
    expiry_only = _segments(("agent", "What is the card number?"), ("customer", "510510510510510101126"))
    assert _found(expiry_only) == [("card_number", ["51051051051051010"]), ("card_expiry", ["1126"])]


def test_a_code_asked_for_and_heard_in_part_is_still_the_code() -> None:
    segments = _segments(("agent", "Thank you and the security code"), ("customer", "8 7"))
    assert _found(segments) == [("card_security_code", ["8 7"])]


def test_a_digit_heard_as_a_word_before_other_digits() -> None:
    segments = _segments(("customer", "My Visa is for one one one, one one one one, one one one one, one one one one."))
    assert _found(segments) == [("card_number", ["for one one one, one one one one, one one one one, one one one one"])]
    assert _found(_segments(("customer", "I waited for 20 minutes and then for 2 more."))) == []


def test_a_digit_heard_again_and_again_as_a_word() -> None:
    segments = _segments(
        ("agent", "Please read me the card number when you are ready."),
        ("customer", "Okay, fine, fine, fine, fine, fine, fine,"),
        ("agent", "Go on."),
        ("customer", "fine, fine, fine, fine, fine, four, four, four, four."),
    )
    assert [kind for kind, _ in _found(segments)] == ["card_number"]
    assert _found(_segments(("customer", "I'm fine, fine, thanks. Fine weather today."))) == []


def test_a_card_whisper_heard_with_double_as_w_and_digits_lost() -> None:
    segments = _segments(
        ("agent", "Of course, which card would you like to use?"),
        ("customer", "A visa. The number is 4012,"),
        ("customer", "W -88,"),
        ("customer", "W -88,"),
        ("customer", "W -881,"),
    )
    assert _found(segments) == [("card_number", ["4012", "-88", "-88", "-881"])]


def test_an_ssn_answer_with_a_digit_misheard_as_a_letter_is_still_the_ssn() -> None:
    segments = _segments(
        ("agent", "Could you give me your social security number?"),
        ("customer", "4 -1 -7 -2 -2 -0 -I -5 -3,"),
    )
    assert _found(segments) == [("ssn", ["4 -1 -7 -2 -2 -0 -I -5 -3"])]


def test_the_expiry_after_a_card_read_with_doubles_is_found_when_its_question_was_misheard() -> None:
    segments = _segments(
        ("customer", "My debit card is double 5, double 5, double 4, double 1, double 2, double 9,"),
        ("agent", "And the entire date?"),
        ("customer", "07, 28,"),
    )
    assert ("card_expiry", ["07, 28"]) in _found(segments)


def test_a_number_said_with_plus_and_a_country_code_is_a_phone_number() -> None:
    segments = _segments(("customer", "Ring me at my office, plus 33 1 42 68 53 00, after lunch."))
    assert _found(segments) == [("phone_number", ["plus 33 1 42 68 53 00"])]


def test_order_and_reference_numbers_are_private_when_given_or_asked_for_not_in_passing() -> None:
    mentioned = _segments(("agent", "The order numbers all start with 58213 these days."))
    assert _found(mentioned) == []
    given = _segments(("agent", "Your reference number is 58213, and it ships on Tuesday."))
    assert _found(given) == [("account_number", ["58213"])]
    asked = _segments(("agent", "To find you, what's the order number?"), ("customer", "It's 77120."))
    assert _found(asked) == [("account_number", ["77120"])]


@pytest.mark.parametrize(
    "answer, number",
    [
        ("Yes, it's KB dash 9 3 1 0 4.", "KB dash 9 3 1 0 4"),
        ("Sure, T as in Tango, 6 6 1 8 0 2.", "T as in Tango, 6 6 1 8 0 2"),
        ("It's R J 4 4 0 1 9 3.", "R J 4 4 0 1 9 3"),
    ],
)
def test_letters_said_before_an_account_number_are_part_of_it(answer: str, number: str) -> None:
    segments = _segments(("agent", "And the membership number please?"), ("customer", answer))
    assert _found(segments) == [("account_number", [number])]


@pytest.mark.parametrize(
    "text, email",
    [
        ("Write to lee dot park forty two at outlook dot com.", "lee dot park forty two at outlook dot com"),
        ("It's amy dot chen at example dot co dot uk.", "amy dot chen at example dot co dot uk"),
        ("Sure, it's nora jensen at yahoo dot com.", "nora jensen at yahoo dot com"),
        ("It's K L M at fabrikam dot net.", "K L M at fabrikam dot net"),
        ("It is tom .reyes at e -mail .com.", "tom .reyes at e -mail .com"),
    ],
)
def test_spoken_email_addresses_in_more_shapes(text: str, email: str) -> None:
    assert _found(_segments(("customer", text))) == [("email", [email])]


def test_after_email_is_asked_a_domain_heard_with_the_at_lost_is_the_address() -> None:
    segments = _segments(("agent", "Which email should we use?"), ("customer", "it's paulwongadfabrikam .com,"))
    assert _found(segments) == [("email", ["paulwongadfabrikam .com"])]


def test_an_address_answered_is_found_even_with_its_street_type_misheard() -> None:
    segments = _segments(
        ("agent", "What's the delivery address?"),
        ("customer", "It's 318 willow cord, Portland, Oregon."),
    )
    assert _found(segments) == [("address", ["318 willow cord, Portland, Oregon"])]


def test_numbers_after_an_address_question_that_are_not_addresses() -> None:
    segments = _segments(
        ("agent", "What's your address?"),
        ("customer", "Hold on, 2 seconds, let me find the letter."),
    )
    assert _found(segments) == []


def test_a_suite_said_in_words_and_a_city_and_state_are_part_of_the_address() -> None:
    segments = _segments(("customer", "Send it to 40 Quarry Road, suite three hundred, Fresno, California."))
    assert _found(segments) == [("address", ["40 Quarry Road, suite three hundred, Fresno, California"])]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Hello, my name is Liam McKenna and I have a question.", "Liam McKenna"),
        ("Hi, my name is Aoife O'Brien, calling about a refund.", "Aoife O'Brien"),
        ("Thanks Priya, that helps.", "Priya"),
        ("Morning, Jonas here from the warehouse.", "Jonas"),
        ("My surname is spelled K O W A L S K I.", "K O W A L S K I"),
        ("My name is Sam, S A M.", "Sam, S A M"),
    ],
)
def test_names_in_more_shapes(text: str, name: str) -> None:
    assert _found(_segments(("customer", text))) == [("person_name", [name])]


def test_a_name_found_once_is_hidden_wherever_it_is_said_again() -> None:
    segments = _segments(
        ("agent", "You're through to billing, my name is Hannah."),
        ("customer", "Oh great, Hannah, I spoke to you last week."),
    )
    assert _found(segments) == [("person_name", ["Hannah"]), ("person_name", ["Hannah"])]


@pytest.mark.parametrize(
    "text",
    [
        "Thanks Again for holding.",
        "Cheers Everyone, see you Monday.",
        "Hi there, how can I help?",
    ],
)
def test_greetings_without_a_name(text: str) -> None:
    assert _found(_segments(("agent", text))) == []


def test_lengths_and_soundalikes_before_a_small_number_are_not_digits() -> None:
    segments = _segments(
        ("agent", "And the 4 digit code on the front of the card?"),
        ("customer", "9 0 1 5."),
        ("agent", "Thanks, you're booked for 2 nights."),
    )
    assert _found(segments) == [("card_security_code", ["9 0 1 5"])]


def test_a_card_fused_with_the_expiry_in_the_answer_to_the_expiry_question_is_split() -> None:
    segments = _segments(
        ("agent", "What is the card number?"),
        ("agent", "And when does it expire?"),
        ("customer", "5520552055205520927."),  # a digit of the card lost, then "oh nine twenty seven"
    )
    assert _found(segments) == [("card_number", ["552055205520552"]), ("card_expiry", ["0927"])]


def test_spans_leave_out_the_sentence_punctuation() -> None:
    segments = _segments(("customer", "I live at 9 Cedar Street. Really."))
    assert _found(segments) == [("address", ["9 Cedar Street"])]


@pytest.mark.parametrize(
    "turns, expected",
    [
        ((("customer", "The 3 numbers on the back are 5 0 8."),), [("card_security_code", ["5 0 8"])]),
        ((("customer", "The SSN I gave ends in 4410."),), [("ssn", ["4410"])]),
        ((("customer", "And the zip code there is 60614."),), [("address", ["60614"])]),
        ((("customer", "My subscriber ID is QX7734019."),), [("account_number", ["QX7734019"])]),
        ((("customer", "Mail it to PO Box 778, Reno, Nevada 89501."),),
         [("address", ["PO Box 778, Reno, Nevada 89501"])]),
        ((("customer", "Home is (503) 555-0147, evenings."),), [("phone_number", ["(503) 555-0147"])]),
    ],
)  # fmt: skip
def test_more_verification_cues(turns: tuple[tuple[str, str], ...], expected: list[tuple[str, list[str]]]) -> None:
    assert _found(_segments(*turns)) == expected


@pytest.mark.parametrize(
    "text, name",
    [
        ("You've reached Tobias at the front desk.", "Tobias"),
        ("Name's Wendell, by the way.", "Wendell"),
        ("Thanks, and am I speaking with Mrs. Alvarez?", "Mrs. Alvarez"),
    ],
)
def test_more_name_cues(text: str, name: str) -> None:
    assert _found(_segments(("agent", text))) == [("person_name", [name])]


@pytest.mark.parametrize(
    "question, answer, name",
    [
        ("Could I take your full name?", "Beatrice Lindqvist.", "Beatrice Lindqvist"),
        ("And who am I speaking with today?", "Hi, it's Omar Haddad.", "Omar Haddad"),
        ("What's the name on the card?", "Helen R. Fairbanks.", "Helen R. Fairbanks"),
    ],
)
def test_a_name_given_when_asked_for(question: str, answer: str, name: str) -> None:
    assert _found(_segments(("agent", question), ("customer", answer))) == [("person_name", [name])]


def test_an_answer_to_a_name_question_that_is_not_a_name() -> None:
    assert _found(_segments(("agent", "Can I take your name?"), ("customer", "Sorry, one moment."))) == []


def test_a_year_said_with_and_is_all_of_the_date() -> None:
    segments = _segments(
        ("agent", "And your date of birth?"), ("customer", "The ninth of May, two thousand and three.")
    )
    assert _found(segments) == [("date_of_birth", ["The ninth of May, two thousand and three"])]


def test_two_answers_joined_by_and_are_told_apart() -> None:
    segments = _segments(
        ("agent", "Can you confirm your date of birth and your zip code?"),
        ("customer", "June 2nd 1971, and 30305."),
    )
    assert _found(segments) == [("date_of_birth", ["June 2nd 1971"]), ("address", ["30305"])]


@pytest.mark.parametrize(
    "question, answer, name",
    [
        ("And your mother's maiden name?", "Castellanos.", "Castellanos"),
        ("Could you spell your surname for me?", "Of course, it's D-U-V-A-L-L.", "D-U-V-A-L-L"),
    ],
)
def test_a_maiden_name_or_a_spelled_name_given_when_asked_for(question: str, answer: str, name: str) -> None:
    assert _found(_segments(("agent", question), ("customer", answer))) == [("person_name", [name])]


def test_a_name_that_is_also_a_word_is_not_hidden_where_it_starts_a_sentence_as_the_word() -> None:
    segments = _segments(
        ("agent", "Hello, my name is Will."),
        ("customer", "Hi Will, my bill is wrong."),
        ("agent", "Will you hold while I check? Thanks, Will here again."),
    )
    assert [spans for _, spans in _found(segments)] == [["Will"], ["Will"], ["Will"]]
    third = detect(segments)[-1].spans[0]
    assert third.segment == 2 and segments[2].text[third.start :].startswith("Will here")


@pytest.mark.parametrize(
    "turns, expected",
    [
        ((("agent", "And the four-digit code on the front?"), ("customer", "Oh three one eight.")),
         [("card_security_code", ["Oh three one eight"])]),
        ((("customer", "It's a Mastercard, good thru May of twenty nine."),),
         [("card_expiry", ["May of twenty nine"])]),
        ((("customer", "My debit card, the code is seven seven two."),),
         [("card_security_code", ["seven seven two"])]),
    ],
)  # fmt: skip
def test_card_details_asked_or_given_in_other_words(
    turns: tuple[tuple[str, str], ...], expected: list[tuple[str, list[str]]]
) -> None:
    assert _found(_segments(*turns)) == expected


def test_a_date_with_a_day_or_another_code_after_card_talk_is_not_a_card_detail() -> None:
    assert _found(_segments(("agent", "The card offer is good through April 4th."))) == []
    assert _found(_segments(("customer", "The card's billing zip code is one two three."))) == []


@pytest.mark.parametrize(
    "turns, ssn",
    [
        ((("customer", "Six two nine, double one, four oh five three, that's my SSN."),),
         "Six two nine, double one, four oh five three"),
        ((("agent", "Your social security number?"), ("customer", "Five-two-one, three-three, oh-six-double-eight.")),
         "Five-two-one, three-three, oh-six-double-eight"),
    ],
)  # fmt: skip
def test_an_ssn_named_after_it_or_said_in_hyphenated_words(turns: tuple[tuple[str, str], ...], ssn: str) -> None:
    assert _found(_segments(*turns)) == [("ssn", [ssn])]


def test_hyphenated_words_that_are_not_only_digits_are_not_a_number() -> None:
    segments = _segments(
        ("agent", "Your social security number?"), ("customer", "It's a one-to-one, twenty-four-seven line.")
    )
    assert _found(segments) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The number is +61 412 345 678.", [("phone_number", ["+61 412 345 678"])]),
        # A range the UK keeps for examples: not valid, but of a UK mobile's length, said with its country code.
        ("Plus four four, seven seven double oh, nine oh oh, five one two.",
         [("phone_number", ["Plus four four, seven seven double oh, nine oh oh, five one two"])]),
        ("It's plus 12 people and 3 more.", []),
    ],
)  # fmt: skip
def test_phone_numbers_with_their_country_code(text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert _found(_segments(("customer", text))) == expected


@pytest.mark.parametrize(
    "text",
    [
        "For anything else, the helpline is 1-877-555-0110, day or night.",  # toll-free
        "You can always reach us on 415-555-0177 after six.",
        "Our returns desk number is 646-555-0123.",
        "Or send it to billing at tailspin dot com.",
        "Just email us at adatum dot repairs at outlook dot com.",
    ],
)
def test_a_business_s_own_contact_details_are_not_personal(text: str) -> None:
    assert _found(_segments(("agent", text))) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Our records have your cell as 646-555-0123.", [("phone_number", ["646-555-0123"])]),
        ("My own mailbox is info at kellyflorist dot com.", [("email", ["info at kellyflorist dot com"])]),
    ],
)
def test_the_same_details_said_as_someone_s_are_personal(text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert _found(_segments(("agent", text))) == expected


@pytest.mark.parametrize(
    "text, names",
    [
        ("Booked under last name Whitfield, first name Joanna.", ["Whitfield", "Joanna"]),
        ("The surname's Abernathy.", ["Abernathy"]),
        ("Please put your last name in capitals, first name below it.", []),
    ],
)
def test_names_after_first_name_or_last_name(text: str, names: list[str]) -> None:
    assert _found(_segments(("customer", text))) == [("person_name", [name]) for name in names]


@pytest.mark.parametrize(
    "question, answer, expected",
    [
        ("What's the Medicare number on the card?", "Sure, 5TG2-PL8-WQ19.", [("account_number", ["5TG2-PL8-WQ19"])]),
        ("And your member ID, please?", "It's H7R 2KD4 9Z.", [("account_number", ["H7R 2KD4 9Z"])]),
        ("And your member ID, please?", "Hold on, the printer is an MX4 model.", []),
        ("Anything else before we close?", "My new router is an AX55 X3000.", []),
    ],
)
def test_an_id_of_letters_and_digits_mixed_given_when_asked_for(
    question: str, answer: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert _found(_segments(("agent", question), ("customer", answer))) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Send it to 14 Rowan Close, Harrogate, HG1 4QT.", [("address", ["14 Rowan Close, Harrogate, HG1 4QT"])]),
        ("It's 9 Birch Row, Halifax, B3H 2Y9.", [("address", ["9 Birch Row, Halifax, B3H 2Y9"])]),
        ("It's PO Box two one eight, Laramie, Wyoming.", [("address", ["PO Box two one eight, Laramie, Wyoming"])]),
        ("Take the 42 bus to Leeds Station, gate 3, not the M62.", []),
    ],
)
def test_addresses_with_a_postcode_and_po_boxes_in_words(text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert _found(_segments(("customer", text))) == expected


@pytest.mark.parametrize(
    "text, email",
    [
        ("It's nina dot h, that's N-I-N-A dot H, at gmx dot de.", "nina dot h, that's N-I-N-A dot H, at gmx dot de"),
        ("It's T R wolf four two at aol dot com.", "T R wolf four two at aol dot com"),
        ("It's P J nine two harper at gmail dot com.", "P J nine two harper at gmail dot com"),
        ("Sure, O-M-A-R, dot, L-I, at Verizon.net.", "O-M-A-R, dot, L-I, at Verizon.net"),
    ],
)
def test_email_addresses_spelled_out(text: str, email: str) -> None:
    assert _found(_segments(("customer", text))) == [("email", [email])]


def test_a_long_run_of_spelled_letters_is_read_in_linear_time() -> None:
    # Letters can be split into parts of a local part in many ways; the pattern must not try them all (this took
    # minutes before single letters were kept from being parts of their own).
    started = time.process_time()  # this process's CPU time: the other test workers do not count
    assert _found(_segments(("customer", "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z " * 8))) == []
    assert time.process_time() - started < 5


# On calls a customer reads a card's details over several turns, the agent's prompts in between.


def test_a_card_read_over_four_turns_with_the_agent_s_backchannels_is_one_number() -> None:
    segments = _segments(
        ("agent", "The card number?"), ("customer", "4111"), ("agent", "Yep."), ("customer", "1111"),
        ("agent", "Mm-hmm."), ("customer", "1111"), ("agent", "Okay."), ("customer", "1111."),
    )  # fmt: skip
    assert _found(segments) == [("card_number", ["4111", "1111", "1111", "1111"])]


def test_an_expiry_and_a_code_read_over_several_turns() -> None:
    segments = _segments(
        ("agent", "When does it expire?"), ("customer", "September,"), ("agent", "Okay, and the year?"),
        ("customer", "Twenty thirty one."), ("agent", "And the security code?"), ("customer", "Two..."),
        ("agent", "Mm-hmm."), ("customer", "nine six."),
    )  # fmt: skip
    assert _found(segments) == [
        ("card_expiry", ["September", "Twenty thirty one"]),
        ("card_security_code", ["Two", "nine six"]),
    ]


def test_a_date_is_not_continued_into_the_answer_to_another_question() -> None:
    segments = _segments(
        ("agent", "And the expiry?"), ("customer", "April twenty eight."), ("agent", "How many rooms?"),
        ("customer", "Two rooms."),
    )  # fmt: skip
    assert _found(segments) == [("card_expiry", ["April twenty eight"])]


def test_a_business_s_own_address_is_left_and_a_household_s_is_hidden() -> None:
    assert _found(_segments(("agent", "Our head office is at 80 Pine Street, Denver, CO 80202."))) == []
    assert _found(_segments(("customer", "Our address is 80 Pine Street, Denver, CO 80202."))) == [
        ("address", ["80 Pine Street, Denver, CO 80202"])
    ]


def test_a_word_before_that_s_is_not_part_of_the_address_unless_spelled_again() -> None:
    segments = _segments(("customer", "My email, that's kim at gmail dot com."))
    assert _found(segments) == [("email", ["kim at gmail dot com"])]


def test_digits_the_agent_reads_back_are_what_they_repeat() -> None:
    segments = _segments(
        ("agent", "Card number?"), ("customer", "5105 1051"), ("agent", "5105 1051, okay."),
        ("customer", "0510 5100."),
    )  # fmt: skip
    # The customer's two turns are one card read over a short read-back; the read-back is the card too.
    assert _found(segments) == [("card_number", ["5105 1051", "0510 5100"]), ("card_number", ["5105 1051"])]


def test_an_order_number_told_or_asked_for_is_personal_and_so_is_its_read_back() -> None:
    told = _segments(("agent", "Your order number is 558120."), ("customer", "558120, thanks."))
    assert _found(told) == [("account_number", ["558120"]), ("account_number", ["558120"])]
    asked = _segments(("agent", "Can you confirm the order number?"), ("customer", "558120."))
    assert _found(asked) == [("account_number", ["558120"])]


@pytest.mark.parametrize(
    ("said", "number"),
    [
        ("My order number's 112-4839207-5561043.", "112-4839207-5561043"),
        ("I've got a ticket number from last time, INC0047731.", "INC0047731"),
        ("Our booking reference is 7741 2290.", "7741 2290"),
        # ... or given, or a programme's, or named with "the" before it is said
        ("They gave me a case number last week, it's C R 4 4 0 9 1 7.", "C R 4 4 0 9 1 7"),
        ("I was given a claim number the first time, 8830 4471.", "8830 4471"),
        ("My Avios number is BA 7 7 1 0 2 9 4 4.", "BA 7 7 1 0 2 9 4 4"),
        ("The order number is 114-2290417-6610092.", "114-2290417-6610092"),
        ("The claim number is 5521 9903.", "5521 9903"),
    ],
)
def test_an_order_or_ticket_number_the_caller_names_as_theirs_is_an_account_number(said: str, number: str) -> None:
    # Given so their record can be found, unasked; the agent's "your order number is ..." above stays out.
    assert _found(_segments(("customer", said))) == [("account_number", [number])]


# --- answers: what is read out after the other side asked for it -------------------------------------------


def test_a_number_read_in_answer_keeps_the_words_whisper_misheard_between_its_digits() -> None:
    segments = _segments(
        ("agent", "And the number to reach you,"),
        ("customer", "I'm abroad until then, so plus 4 -4, 7 -7 -00, I know 0, 8 -22."),
    )
    assert _found(segments) == [("phone_number", ["plus 4 -4, 7 -7 -00, I know 0, 8 -22"])]


def test_a_card_number_read_over_turns_with_only_acknowledgements_between_is_one_card() -> None:
    segments = _segments(
        ("agent", "That's $35. Go ahead with the card number."),
        ("customer", "5 4 2 5 2 3 3 4 3"),
        ("agent", "MM them."),
        ("customer", "0 1 0 9 I 0 3"),
        ("agent", "And the expiry."),
        ("customer", "Let me find my glasses."),
    )
    assert _found(segments) == [("card_number", ["5 4 2 5 2 3 3 4 3", "0 1 0 9 I 0 3"])]


def test_digits_answering_the_expiry_are_not_taken_for_the_card_asked_for_before() -> None:
    segments = _segments(
        ("agent", "Go ahead with the card number."),
        ("customer", "4 0 1 2 8 8 8 8"),
        ("agent", "Yep."),
        ("customer", "8 8 8 8 1 8 8 1"),
        ("agent", "And the expiry."),
        ("customer", "1 1 28 4"),
    )
    assert _found(segments) == [
        ("card_number", ["4 0 1 2 8 8 8 8", "8 8 8 8 1 8 8 1"]),
        ("card_expiry", ["1 1 28 4"]),
    ]


@pytest.mark.parametrize(
    "question, answer, expected",
    [
        ("Expiration and CVC?", "0331, and 902.",
         [("card_expiry", ["0331"]), ("card_security_code", ["902"])]),
        ("Your member number and phone number, please?", "4 4 0 2 7 1 9 and 0421 336 780.",
         [("account_number", ["4 4 0 2 7 1 9"]), ("phone_number", ["0421 336 780"])]),
        # named in the answer, each is what it is called
        ("Your member number and phone number, please?", "Phone's 0421 336 780, member 4 4 0 2 7 1 9.",
         [("phone_number", ["0421 336 780"]), ("account_number", ["4 4 0 2 7 1 9"])]),
    ],
)  # fmt: skip
def test_two_things_asked_for_together_are_answered_in_the_order_asked(
    question: str, answer: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert _found(_segments(("agent", question), ("customer", answer))) == expected


def test_an_answer_to_a_new_question_is_not_taken_for_the_number_asked_before() -> None:
    segments = _segments(
        ("agent", "What's a good phone number for you?"),
        ("customer", "Sure, one second."),
        ("customer", "Six one seven, uh, two two oh, four eight eight one."),
        ("agent", "And how many nights is the booking for?"),
        ("customer", "3 nights, from the 12th to the 15th."),
    )
    assert _found(segments) == [("phone_number", ["Six one seven, uh, two two oh, four eight eight one"])]


def test_a_read_back_of_part_of_a_number_does_not_end_it_but_a_number_of_the_other_sides_own_does() -> None:
    read_back = _segments(
        ("agent", "What is your phone number?"),
        ("customer", "Six one seven, two two oh,"),
        ("agent", "Two two oh, yep."),
        ("customer", "four eight eight one."),
    )
    assert _found(read_back) == [("phone_number", ["Six one seven, two two oh", "four eight eight one"])]
    their_own = _segments(
        ("agent", "What is your phone number?"),
        ("customer", "Six one seven, two two oh,"),
        ("agent", "Gate 12, okay."),
        ("customer", "four eight eight one."),
    )
    assert _found(their_own) == []


def test_digits_far_apart_in_an_answer_are_not_joined_into_one_number() -> None:
    segments = _segments(
        ("agent", "What's the best callback number?"),
        ("customer", "It's 4 1 5 5 5 5 0 1 9 9 but I won't be home until after 6 tonight."),
    )
    assert _found(segments) == [("phone_number", ["4 1 5 5 5 5 0 1 9 9"])]


@pytest.mark.parametrize(
    "answer, email",
    [
        ("Now you underscore for now to look dot com.", "Now you underscore for now to look dot com"),
        ("Sure, it's Analyst .mod .gmx .gov", "Analyst .mod .gmx .gov"),
        ("Yeah it's cam bell 77 at proton mail dot me", "cam bell 77 at proton mail dot me"),
    ],
)
def test_an_answer_to_what_is_your_email_is_the_address_up_to_its_ending(answer: str, email: str) -> None:
    segments = _segments(("agent", "And the email for your bill?"), ("customer", answer))
    assert _found(segments, (EntityType.EMAIL,)) == [("email", [email])]


def test_an_email_given_over_two_turns_with_a_backchannel_between() -> None:
    segments = _segments(
        ("agent", "And an email for the confirmation?"),
        ("customer", "Hamid underscore rezaei,"),
        ("agent", "Mm-hmm."),
        ("customer", "at posteo dot de, thanks."),
    )
    assert _found(segments) == [("email", ["Hamid underscore rezaei"]), ("email", ["at posteo dot de"])]


def test_an_email_split_after_its_at_goes_on_with_the_domain() -> None:
    segments = _segments(
        ("agent", "Your email address?"),
        ("customer", "It's lucia dot ferraz at,"),
        ("agent", "Mm-hmm."),
        ("customer", "sapo dot pt."),
    )
    assert _found(segments) == [("email", ["lucia dot ferraz at"]), ("email", ["sapo dot pt"])]


def test_words_after_a_backchannel_that_are_not_a_domain_do_not_finish_an_email() -> None:
    segments = _segments(
        ("agent", "And an email for the confirmation?"),
        ("customer", "Hang on a second,"),
        ("agent", "Sure."),
        ("customer", "at the moment I can't find the dot com one."),
    )
    assert _found(segments) == []


def test_a_domain_said_when_no_email_was_asked_for_is_not_an_address() -> None:
    segments = _segments(("agent", "Where did you see the offer?"), ("customer", "On their site, contoso dot com."))
    assert _found(segments) == []


# Numbers named by the question: an expiry asked as "valid-through", a date of birth going on after "the", an id
# named by what it identifies, a zip code "on the account".


def test_an_expiry_asked_for_as_the_valid_through_date() -> None:
    segments = _segments(("agent", "What's the valid-until date?"), ("customer", "It's 09 slash 31."))
    assert _found(segments) == [("card_expiry", ["09 slash 31"])]


def test_a_date_of_birth_goes_on_after_a_backchannel_with_the_day() -> None:
    segments = _segments(
        ("agent", "Your date of birth?"), ("customer", "Er, February,"), ("agent", "Mm-hmm."),
        ("customer", "the eleventh, nineteen seventy-two."),
    )  # fmt: skip
    assert _found(segments) == [("date_of_birth", ["February", "the eleventh, nineteen seventy-two"])]


def test_a_date_of_birth_said_with_the_and_a_year_without_its_century() -> None:
    segments = _segments(("customer", "Date of birth is the fourteenth of June, ninety-one."))
    assert _found(segments) == [("date_of_birth", ["the fourteenth of June, ninety-one"])]


def test_a_date_of_birth_started_with_a_compound_day_goes_on_in_the_next_turn() -> None:
    segments = _segments(
        ("agent", "What's your date of birth?"),
        ("customer", "Right, the thirty-first,"),
        ("agent", "Okay."),
        ("customer", "October sixty-six."),
    )
    assert _found(segments) == [("date_of_birth", ["the thirty-first", "October sixty-six"])]


@pytest.mark.parametrize(
    ("told", "date", "read_back"),
    [
        ("My birthday's June 30th, 1971.", "June 30th, 1971", "June 30, 1971"),
        ("Born, uh, July the 7th, 1984.", "July the 7th, 1984", "7th July 1984"),
        (
            "Date of birth, oh three, oh six, two thousand and one.",
            "oh three, oh six, two thousand and one",
            "3/6/2001",
        ),
    ],
)
def test_a_date_of_birth_the_agent_reads_back_is_found_where_it_was_told_too(
    told: str, date: str, read_back: str
) -> None:
    segments = _segments(("customer", told), ("agent", f"{read_back}, thank you. And the ZIP?"))
    assert _found(segments)[:2] == [("date_of_birth", [date]), ("date_of_birth", [read_back])]


def test_a_day_booked_near_a_birthday_is_no_date_of_birth() -> None:
    segments = _segments(
        ("customer", "The fourteenth, please, that's the closest to his birthday."),
        ("agent", "Lovely, Saturday the fourteenth of June, arrive at Raven Square for quarter past nine."),
    )
    assert _found(segments) == []
    # A birth date said with its weekday and its year is still one, its weekday with it.
    answer = _segments(("agent", "Date of birth?"), ("customer", "Saturday the fourteenth of June 1980."))
    assert _found(answer) == [("date_of_birth", ["Saturday the fourteenth of June 1980"])]


def test_a_word_after_the_question_for_a_date_of_birth_is_no_date() -> None:
    segments = _segments(
        ("agent", "I'll need your date of birth first."), ("customer", "Twenty-ninth of February, 1988.")
    )
    assert _found(segments) == [("date_of_birth", ["Twenty-ninth of February, 1988"])]


def test_a_date_of_birth_does_not_go_on_into_words_after_the() -> None:
    segments = _segments(
        ("agent", "Your date of birth?"), ("customer", "May 1984,"), ("agent", "Okay."),
        ("customer", "the rest is on the form."),
    )  # fmt: skip
    assert _found(segments) == [("date_of_birth", ["May 1984"])]


@pytest.mark.parametrize(
    "question, answer, number",
    [
        ("Do you have your rewards number?", "Triple one, four oh, six two.", "Triple one, four oh, six two"),
        ("The patient ID?", "Oh oh seven one, three three nine.", "Oh oh seven one, three three nine"),
        ("Your employee number, please?", "It's 4 4 8 1 9 0.", "4 4 8 1 9 0"),
        ("What's your student ID?", "2 1 0 0 6 7 3.", "2 1 0 0 6 7 3"),
        ("And her MRN?", "It's 00 517 236.", "00 517 236"),
        ("What's the employee's number?", "Nine nine one, four oh two.", "Nine nine one, four oh two"),
        ("Your hospital number?", "It's 5 5 0 9 1 2.", "5 5 0 9 1 2"),
        # A loan the caller holds, a rental bond lodged for them, their pet's chip.
        ("Your mortgage number?", "Yes, it's on my statement, 0, 0, 7, 221, 846, 6.", "0, 0, 7, 221, 846, 6"),
        ("Have you got the microchip number handy?", "956 000 114 287 391.", "956 000 114 287 391"),
        ("And the bond number?", "It's 2 6 4 3 8 1 7.", "2 6 4 3 8 1 7"),
    ],
)  # fmt: skip
def test_an_id_asked_for_by_what_it_identifies_is_an_account_number(question: str, answer: str, number: str) -> None:
    assert _found(_segments(("agent", question), ("customer", answer))) == [("account_number", [number])]


def test_an_account_number_read_in_answer_keeps_a_group_whisper_ran_into_a_letter() -> None:
    segments = _segments(("agent", "What's your account number?"), ("customer", "Sure, 551, 70i, 238."))
    assert _found(segments) == [("account_number", ["551, 70i, 238"])]


def test_words_between_numbers_answering_for_an_account_do_not_join_them() -> None:
    segments = _segments(
        ("agent", "What's your account number?"), ("customer", "No idea, we had it 12 years and paid 3 bills.")
    )
    assert _found(segments) == []


def test_a_zip_code_asked_for_on_the_account_is_an_address() -> None:
    segments = _segments(("agent", "What's the zip code on your account?"), ("customer", "Four one oh seven two."))
    assert _found(segments) == [("address", ["Four one oh seven two"])]


# Addresses of other countries' shapes, and a flat or unit said before the house number.


@pytest.mark.parametrize(
    "text, address",
    [
        ("I'm at Flat 6, 31 Ferry Road, Leith EH6 4AE.", "Flat 6, 31 Ferry Road, Leith EH6 4AE"),
        ("Unit 4, 12 Jacaranda Street, Paddington, Queensland 4064.",
         "Unit 4, 12 Jacaranda Street, Paddington, Queensland 4064"),
        ("Apartment 2, 5 Leeson Street, Dublin 2, D02 HF62.", "Apartment 2, 5 Leeson Street, Dublin 2, D02 HF62"),
        ("It's 18 Park Road, Chennai 600017.", "18 Park Road, Chennai 600017"),
        ("It's 14 Rue Oberkampf, 75011 Paris.", "14 Rue Oberkampf, 75011 Paris"),
        ("Send it to Goethestraße 7, 80336 München.", "Goethestraße 7, 80336 München"),
        ("Our home is at Via Roma 22, 10121 Torino.", "Via Roma 22, 10121 Torino"),
    ],
)  # fmt: skip
def test_addresses_of_other_countries(text: str, address: str) -> None:
    assert _found(_segments(("customer", text))) == [("address", [address])]


def test_a_zip_code_whisper_wrote_in_digit_groups_after_an_answered_address() -> None:
    segments = _segments(
        ("agent", "What address should I use?"), ("customer", "40 Maplewood Close, Akron, Ohio, 4 -4 -301.")
    )
    assert _found(segments) == [("address", ["40 Maplewood Close, Akron, Ohio, 4 -4 -301"])]


@pytest.mark.parametrize(
    "answer, address",
    [
        ("Flat 21, Sagar Towers, 5th Lane, Salt Lake, Kolkata 700091.",
         "Flat 21, Sagar Towers, 5th Lane, Salt Lake, Kolkata 700091"),
        ("It's Anand Bhavan, Near Clock Tower, Gandhinagar, Dehradun 248001.",
         "Anand Bhavan, Near Clock Tower, Gandhinagar, Dehradun 248001"),
        ("Plot 7, Phase 2, Hitech City, Hyderabad 500081.", "Plot 7, Phase 2, Hitech City, Hyderabad 500081"),
    ],
)  # fmt: skip
def test_an_indian_address_without_a_house_number(answer: str, address: str) -> None:
    segments = _segments(("agent", "And your address?"), ("customer", answer))
    assert _found(segments, (EntityType.ADDRESS,)) == [("address", [address])]


def test_the_rest_of_an_address_after_a_backchannel_answers_the_same_question() -> None:
    segments = _segments(
        ("agent", "What's the shipping address?"),
        ("customer", "Right, 41 Beacon Hill Road,"),
        ("agent", "Okay."),
        ("customer", "Suite 300, Omaha, Nebraska 68102."),
    )
    assert _found(segments) == [
        ("address", ["41 Beacon Hill Road"]),
        ("address", ["Suite 300, Omaha, Nebraska 68102"]),
    ]


def test_a_town_and_postcode_after_a_backchannel_finish_the_address() -> None:
    segments = _segments(
        ("agent", "What's the address for the invoice?"),
        ("customer", "It's 16 Kiln Lane,"),
        ("agent", "Yep."),
        ("customer", "Bristol, BS5 9QT."),
    )
    assert _found(segments) == [("address", ["16 Kiln Lane"]), ("address", ["Bristol, BS5 9QT"])]


@pytest.mark.parametrize(
    "address",
    [
        # A rural route, and a Glasgow or Edinburgh tenement flat written alone, before the number they belong to.
        "R R 2 Box 147, Hettinger, North Dakota 58639",
        "RR 3, 2245 Concession Road 7, Port Perry, Ontario, L9L 1B2",
        "3/2, 58 Dumbarton Road, Glasgow G11 6PA",
        "2F1, 31 Marchmont Road, Edinburgh EH9 1HU",
    ],
)
def test_what_is_said_before_the_house_number_is_part_of_the_address(address: str) -> None:
    assert _found(_segments(("customer", f"It's {address}."))) == [("address", [address])]


def test_a_turn_after_a_backchannel_goes_on_with_an_address_only_if_one_was_begun() -> None:
    segments = _segments(
        ("agent", "What's the address for the invoice?"),
        ("customer", "Whatever is on file,"),
        ("agent", "Okay."),
        ("customer", "Invoice 30021 went there, Bristol, BS5 9QT."),
    )
    assert _found(segments, (EntityType.ADDRESS,)) == []


def test_what_is_said_after_a_new_question_does_not_go_on_with_the_address() -> None:
    segments = _segments(
        ("agent", "What's the shipping address?"),
        ("customer", "It's 41 Beacon Hill Road."),
        ("agent", "Which room would you like it left in?"),
        ("customer", "Apartment 9, the kitchen at the back."),
    )
    assert _found(segments) == [("address", ["41 Beacon Hill Road"])]


def test_a_hyphen_whisper_wrote_on_its_own_after_the_house_number_does_not_end_the_address() -> None:
    segments = _segments(("agent", "And your home address?"), ("customer", "-57 - Larkspur Road, Fresno, California."))
    assert _found(segments) == [("address", ["57 - Larkspur Road, Fresno, California"])]


def test_a_city_and_a_distance_are_not_an_address() -> None:
    segments = _segments(("agent", "Drive past Lyon for about 30 kilometres, 2 exits after the tunnel."))
    assert _found(segments) == []


def test_long_runs_of_unit_and_street_words_are_read_in_linear_time() -> None:
    started = time.process_time()  # this process's CPU time: the other test workers do not count
    for text in (
        "Unit 4, " * 300,
        "12 Rue " + "Des " * 400,
        "Flat 1 " * 300 + "Street",
        "Dublin 2 " * 300 + "D02 WR97",
    ):
        _found(_segments(("customer", text)))
    assert time.process_time() - started < 5


# Names without "my name is": announced before "speaking" or "calling", of someone one speaks for, answering
# whose name a booking is under, spelled after it or after an e-mail address; a business announcing itself is not
# a name.


@pytest.mark.parametrize(
    "text, name",
    [
        ("Yes, hello, Cordelia Vance speaking.", "Cordelia Vance"),
        ("Morning. Ignatius calling about my boiler.", "Ignatius"),
        ("I'm phoning on behalf of my wife, Solveig Brandt, she's abroad.", "Solveig Brandt"),
        ("It's my nephew Cosmo who placed the order.", "Cosmo"),
    ],
)
def test_a_name_announced_without_my_name_is(text: str, name: str) -> None:
    assert _found(_segments(("customer", text))) == [("person_name", [name])]


@pytest.mark.parametrize(
    "text",
    [
        "Hi, this is Northfield Veterinary calling about Biscuit's vaccinations.",
        "Good afternoon, Riverside Dental speaking.",
        "Hello, Halden Credit Union calling with a reminder.",
    ],
)
def test_a_business_announcing_itself_is_not_a_name(text: str) -> None:
    assert _found(_segments(("agent", text))) == []


def test_a_name_answering_whose_name_it_is_under_with_its_spelling_between() -> None:
    segments = _segments(("agent", "Who's the table under?"), ("customer", "Under Aoife, A-O-I-F-E, Brennan."))
    assert _found(segments) == [("person_name", ["Aoife, A-O-I-F-E, Brennan"])]


def test_a_surname_spelled_after_it_is_said() -> None:
    segments = _segments(("agent", "Can you spell your surname?"), ("customer", "Kowalczyk, K-O-W-A-L-C-Z-Y-K."))
    assert _found(segments) == [("person_name", ["Kowalczyk, K-O-W-A-L-C-Z-Y-K"])]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("It's anna.lindqvist at proton.me, that's L-I-N-D-Q-V-I-S-T.", "email"),
        # written, and the word spelled with nothing said before it
        ("It's anna.lindqvist@proton.me, L-I-N-D-Q-V-I-S-T.", "email"),
        ("It's anna.lindqvist at proton.me, surname L-I-N-D-Q-V-I-S-T.", "person_name"),
        # letters of no word in the mailbox: the name the initial stands for
        ("It's anna.l at proton.me, that's L-I-N-D-Q-V-I-S-T.", "person_name"),
    ],
)
def test_a_word_of_the_mailbox_spelled_after_an_email_address_is_the_address_unless_named_a_surname(
    text: str, kind: str
) -> None:
    assert _found(_segments(("customer", text)))[1] == (kind, ["L-I-N-D-Q-V-I-S-T"])


@pytest.mark.parametrize(
    "text, name",
    [
        ("Account holder's Ifeoma Eze, I'm only her carer.", "Ifeoma Eze"),
        ("Policyholder's Gunnar Lindahl.", "Gunnar Lindahl"),
    ],
)
def test_the_name_of_whoever_holds_an_account(text: str, name: str) -> None:
    assert _found(_segments(("customer", text))) == [("person_name", [name])]


def test_a_name_given_as_whose_name_something_is_in() -> None:
    segments = _segments(("customer", "The lease is in my partner's name, Tavita Leaupepe."))
    assert _found(segments) == [("person_name", ["Tavita Leaupepe"])]


@pytest.mark.parametrize("reply", ["Speaking.", "Yes, speaking.", "That's me.", "This is she."])
def test_a_name_asked_about_is_a_name_when_only_its_owner_would_answer_so(reply: str) -> None:
    segments = _segments(("agent", "Morning, is this Wiremu Tane?"), ("customer", reply))
    assert _found(segments) == [("person_name", ["Wiremu Tane"])]


@pytest.mark.parametrize("reply", ["Yes, it is.", "Speaking of which, no."])
def test_a_name_asked_about_is_not_taken_without_its_owner_answering(reply: str) -> None:
    segments = _segments(("agent", "Is that Platform Nine?"), ("customer", reply))
    assert _found(segments) == []


def test_a_name_said_back_after_an_acknowledgement() -> None:
    segments = _segments(("customer", "Hi, it's Bartosz Nowak."), ("agent", "Sure, Bartosz. How can I help?"))
    assert _found(segments) == [("person_name", ["Bartosz Nowak"]), ("person_name", ["Bartosz"])]


@pytest.mark.parametrize(
    "text, email",
    [
        ("Old one was e.novak@seznam.cz but I've stopped using it.", "e.novak@seznam.cz"),
        ("It's tomas dot berg at bredband dot no.", "tomas dot berg at bredband dot no"),
        ("Send it to giulia at alice dot it please.", "giulia at alice dot it"),
    ],
)
def test_an_email_address_of_another_countrys_domain(text: str, email: str) -> None:
    assert _found(_segments(("customer", text)), (EntityType.EMAIL,)) == [("email", [email])]


def test_a_country_ending_that_is_a_word_is_not_an_email_after_point() -> None:
    segments = _segments(("customer", "It aches at the point in my shoulder."))
    assert _found(segments) == []


def test_a_web_address_is_not_an_email_address() -> None:
    assert _found(_segments(("agent", "See the status page at fibrenet dot com slash outages."))) == []


@pytest.mark.parametrize(
    "text, phone",
    [
        ("Drop it off and ring 0423 118 907 when you're outside.", "0423 118 907"),
        ("Forward it to 617 555 0142 tonight.", "617 555 0142"),
        ("Message -07911 -123 -456 if there's a problem.", "-07911 -123 -456"),
        # A landline grouped as its country prints it.
        ("I have 0161 496 0835 on file, is that still right?", "0161 496 0835"),
        ("Same as before, 0151 496 0773.", "0151 496 0773"),
        # Grouped as a country that dials without a leading 0 prints it: Mexico City, São Paulo.
        ("El número es 55 3817 6402, ese es mi WhatsApp.", "55 3817 6402"),
        ("Same as before, 11 98234 5671.", "11 98234 5671"),
    ],
)
def test_a_phone_number_said_without_a_cue(text: str, phone: str) -> None:
    assert _found(_segments(("customer", text))) == [("phone_number", [phone])]


@pytest.mark.parametrize(
    "text",
    [
        "Head office is on 1300 655 506.",
        "The tracking code is 0093 4412 870.",
        "That's 4 items to 2 addresses.",
        # A freephone or shared-cost number is a business's, however it is grouped.
        "I saw the number in the paper, 0800 328 0500, is that you?",
        "The letter says to ring 0345 600 1209 between 8 and 6.",
        # Grouped otherwise than a phone number is printed.
        "It's 0161 4960 835.",
        "It's 5538 1764 02.",
        # Shaped as a Mexican number, but named a parcel's.
        "The tracking code is 55 3817 6402.",
    ],
)
def test_numbers_that_are_not_someones_phone_without_a_cue(text: str) -> None:
    assert _found(_segments(("customer", text))) == []


def test_a_country_code_whisper_heard_as_words_after_plus_is_part_of_the_phone_number() -> None:
    segments = _segments(("agent", "A contact number?"), ("customer", "My Spanish mobile, plus free for 612 345 678."))
    assert _found(segments) == [("phone_number", ["plus free for 612 345 678"])]


@pytest.mark.parametrize(
    "text",
    [
        "Once we take into account 2024 the fee drops.",
        "Taking account of the 1830 invoice, you owe nothing.",
        "On account of 2021 being a leap year, no.",
    ],
)
def test_account_said_as_a_phrase_does_not_make_a_number_an_account_number(text: str) -> None:
    assert _found(_segments(("agent", text)), (EntityType.ACCOUNT_NUMBER,)) == []


def test_an_account_number_is_still_one_after_the_word_account() -> None:
    segments = _segments(("agent", "What's the account number?"), ("customer", "It's 7730 2291."))
    assert _found(segments) == [("account_number", ["7730 2291"])]


def test_the_business_address_given_when_asked_for_it_is_not_personal() -> None:
    segments = _segments(
        ("customer", "Where's your main branch address?"),
        ("agent", "It's 45 Harbour Road, Wellington, by the ferry."),
    )
    assert _found(segments, (EntityType.ADDRESS,)) == []


def test_the_callers_address_is_still_one_after_the_business_gave_its_own() -> None:
    segments = _segments(
        ("customer", "Where's your main branch address?"),
        ("agent", "It's 45 Harbour Road, Wellington. And your own address?"),
        ("customer", "9 Kowhai Street, Lower Hutt."),
    )
    assert _found(segments, (EntityType.ADDRESS,)) == [("address", ["9 Kowhai Street, Lower Hutt"])]


@pytest.mark.parametrize(
    "answer, date",
    [
        ("Born in 91, in March, the fifth.", "91, in March, the fifth"),
        ("October the ninth, in seventy six.", "October the ninth, in seventy six"),
        ("Oh, the twelfth of April, 1990.", "the twelfth of April, 1990"),
        ("oh april twelfth 1990", "april twelfth 1990"),
        ("I was born in '79.", "79"),
        ("Born in 1962, I'm afraid.", "1962"),
    ],
)  # fmt: skip
def test_dates_of_birth_said_in_parts_after_in_or_after_oh(answer: str, date: str) -> None:
    segments = _segments(("agent", "Could you confirm your date of birth?"), ("customer", answer))
    assert _found(segments, (EntityType.DATE_OF_BIRTH,)) == [("date_of_birth", [date])]


def test_a_number_said_alone_after_birth_is_not_a_year_of_birth() -> None:
    segments = _segments(("customer", "Since my son was born I've called 12 times."))
    assert _found(segments, (EntityType.DATE_OF_BIRTH,)) == []


def test_a_code_asked_for_before_the_expiry_is_not_taken_for_the_expiry() -> None:
    segments = _segments(("agent", "The security code and the expiry, please?"), ("customer", "five two nine"))
    assert _found(segments) == [("card_security_code", ["five two nine"])]


def test_an_expiry_said_digit_by_digit_after_its_code() -> None:
    segments = _segments(
        ("agent", "The security code and the expiry, please?"), ("customer", "five two nine, and oh three three one")
    )
    assert _found(segments) == [
        ("card_security_code", ["five two nine"]),
        ("card_expiry", ["oh three three one"]),
    ]


def test_a_social_ending_in_four_digits_read_back_without_in() -> None:
    segments = _segments(("agent", "I see a social ending 7 2 0 3, is that yours?"), ("customer", "Yes."))
    assert _found(segments) == [("ssn", ["7 2 0 3"])]


def test_four_digits_ending_a_sentence_about_a_social_are_not_its_last_four_without_ending_said() -> None:
    segments = _segments(("agent", "Your social was updated in 2019, right?"))
    assert _found(segments, (EntityType.SSN,)) == []


@pytest.mark.parametrize(
    "question",
    [
        "And the card verification code?",
        "What are the last three on the back?",
        "Could you read me the verification value?",
    ],
)
def test_a_security_code_asked_for_by_other_names(question: str) -> None:
    segments = _segments(("agent", question), ("customer", "It's 9 4 1."))
    assert _found(segments) == [("card_security_code", ["9 4 1"])]


def test_a_social_security_number_is_not_asked_for_as_a_security_number() -> None:
    segments = _segments(("agent", "What's your social security number?"), ("customer", "3 1 8 4 4 0 2 7 6"))
    assert _found(segments) == [("ssn", ["3 1 8 4 4 0 2 7 6"])]


def test_an_expiry_asked_before_the_code_on_the_back_is_the_first_answer() -> None:
    segments = _segments(
        ("agent", "Expiry date and then the last four on the back, please."), ("customer", "8/29, and 4 0 5 1.")
    )
    assert _found(segments) == [("card_expiry", ["8/29"]), ("card_security_code", ["4 0 5 1"])]


def test_a_code_named_after_a_card_read_when_asked_is_not_part_of_the_card() -> None:
    segments = _segments(
        ("agent", "Which card is it?"), ("customer", "The Mastercard. 5425 2334 3010 9903, security number 7 1 4.")
    )
    assert _found(segments) == [("card_number", ["5425 2334 3010 9903"]), ("card_security_code", ["7 1 4"])]


def test_an_answer_naming_what_it_gives_first_is_not_the_number_asked_last() -> None:
    segments = _segments(
        ("agent", "Your member number and your mobile, please?"),
        ("customer", "Member number 5 5 1 0 2 8 7 3, and my mobile is 415-555-0136."),
    )
    assert _found(segments) == [("account_number", ["5 5 1 0 2 8 7 3"]), ("phone_number", ["415-555-0136"])]


def test_a_month_and_year_after_a_card_in_one_breath_is_its_expiry() -> None:
    segments = _segments(("customer", "4111 1111 1111 1111 and the date on it is August thirty one"))
    assert _found(segments) == [("card_number", ["4111 1111 1111 1111"]), ("card_expiry", ["August thirty one"])]


def test_a_date_after_a_card_with_a_day_in_it_is_not_its_expiry() -> None:
    segments = _segments(("customer", "4111 1111 1111 1111, I paid with it on August the 3rd."))
    assert _found(segments, (EntityType.CARD_EXPIRY,)) == []


@pytest.mark.parametrize("question", ["The month and year it runs to?", "Got the Visa. And it runs until when?"])
def test_an_expiry_asked_for_as_when_the_card_runs_to(question: str) -> None:
    segments = _segments(("agent", question), ("customer", "ten, twenty nine"))
    assert _found(segments) == [("card_expiry", ["ten, twenty nine"])]


def test_a_month_and_year_a_plan_runs_to_without_a_card_is_not_an_expiry() -> None:
    segments = _segments(("agent", "The promotion runs until March 2027."))
    assert _found(segments, (EntityType.CARD_EXPIRY,)) == []


@pytest.mark.parametrize(
    "text, phone",
    [
        ("My desk is 415-555-0136 ext. 408, mornings only.", "415-555-0136 ext. 408"),
        ("mobile two one two five five five oh one four four extension twenty one",
         "two one two five five five oh one four four extension twenty one"),
        ("The cell is 212 555 0144 ext 7.", "212 555 0144 ext 7"),
    ],
)  # fmt: skip
def test_a_phone_numbers_extension_is_part_of_it(text: str, phone: str) -> None:
    assert _found(_segments(("customer", text))) == [("phone_number", [phone])]


def test_words_after_a_phone_number_are_not_its_extension() -> None:
    segments = _segments(("customer", "My cell is 212 555 0144 extension is the same."))
    assert _found(segments) == [("phone_number", ["212 555 0144"])]


def test_new_last_digits_of_a_phone_number_read_back() -> None:
    segments = _segments(
        ("agent", "We have 646-555-0121 as your mobile, still right?"), ("customer", "It ends in 0195 now.")
    )
    assert _found(segments) == [("phone_number", ["646-555-0121"]), ("phone_number", ["0195"])]


def test_a_year_after_a_phone_number_read_back_is_not_its_ending() -> None:
    segments = _segments(
        ("agent", "We have 646-555-0121 as your mobile, still right?"), ("customer", "Yes, since 2019.")
    )
    assert _found(segments) == [("phone_number", ["646-555-0121"])]


@pytest.mark.parametrize(
    "text, name",
    [
        ("The booking is under Oluwaseun Adeyemi-Clarke, for two nights.", "Oluwaseun Adeyemi-Clarke"),
        ("If I'm out, ask for Mireille at reception.", "Mireille"),
        ("The cheque was made out to Tomasz Wróblewski.", "Tomasz Wróblewski"),
        ("The letter came addressed to Ines Carvalho.", "Ines Carvalho"),
        ("Could I speak to Bogdan, please?", "Bogdan"),
        ("Good morning, Mrs. Øvergård.", "Mrs. Øvergård"),
        ("Thanks, Dr. Núñez.", "Dr. Núñez"),
    ],
)  # fmt: skip
def test_a_name_after_whom_something_is_under_for_or_to_ask_for(text: str, name: str) -> None:
    assert _found(_segments(("customer", text)), (EntityType.PERSON_NAME,)) == [("person_name", [name])]


@pytest.mark.parametrize(
    "text",
    [
        "The claim is under review until Friday.",
        "Please ask for Billing when you call.",
        "You can speak to Someone in the shop.",
        "The refund was made out to Northgate Dental.",
    ],
)
def test_what_is_under_review_or_asked_for_is_not_always_a_name(text: str) -> None:
    assert _found(_segments(("customer", text)), (EntityType.PERSON_NAME,)) == []


def test_a_surname_spelled_with_a_word_for_each_letter() -> None:
    segments = _segments(
        ("agent", "And the surname?"), ("customer", "Oyelaran. O for Oscar, Y as in yellow, E, L, A, R, A, N.")
    )
    assert _found(segments) == [("person_name", ["Oyelaran. O for Oscar, Y as in yellow, E, L, A, R, A, N"])]


def test_a_name_spelled_in_the_radio_alphabet_when_asked_for() -> None:
    segments = _segments(("agent", "What's your first name?"), ("customer", "kilo alpha india, Kai"))
    assert _found(segments, (EntityType.PERSON_NAME,))[0] == ("person_name", ["kilo alpha india"])


def test_radio_alphabet_words_not_answering_for_a_name_are_not_one() -> None:
    segments = _segments(("agent", "Which hotel?"), ("customer", "Hotel Victor, by the Delta terminal."))
    assert _found(segments, (EntityType.PERSON_NAME,)) == []


@pytest.mark.parametrize(
    "text, address",
    [
        ("Mail goes to RR 4 Box 27, Harrow, Ontario.", "RR 4 Box 27, Harrow, Ontario"),
        ("It's PO Box 812, Katherine NT 0850.", "PO Box 812, Katherine NT 0850"),
        ("We're at Unit 3/41 Marine Parade, Coogee NSW 2034.", "Unit 3/41 Marine Parade, Coogee NSW 2034"),
        ("Send it to 7/15 Wattle Street.", "7/15 Wattle Street"),
        ("I'm in Flat 6, Mill Lane, Kinsale.", "Flat 6, Mill Lane, Kinsale"),
        ("Flat 11B, Lotus Residency, 2nd Main, Jayanagar, Bengaluru 560041",
         "Flat 11B, Lotus Residency, 2nd Main, Jayanagar, Bengaluru 560041"),
    ],
)  # fmt: skip
def test_addresses_of_boxes_units_and_flats_without_being_asked(text: str, address: str) -> None:
    assert _found(_segments(("customer", text)), (EntityType.ADDRESS,)) == [("address", [address])]


@pytest.mark.parametrize(
    "text",
    [
        "Unit 4/5 of the course is about Main Street history.",
        "Suite 4, the one with the view, was lovely.",
        "Flat 2, Block C, Phase 3, then the gym, 100 metres.",
    ],
)
def test_units_and_slashes_that_are_no_address(text: str) -> None:
    assert _found(_segments(("customer", text)), (EntityType.ADDRESS,)) == []


def test_a_postcode_ends_an_address_given_when_asked() -> None:
    segments = _segments(("agent", "The billing address?"), ("customer", "88 avenue Laurier Ouest, Montréal, H2T 2N6"))
    assert _found(segments, (EntityType.ADDRESS,)) == [("address", ["88 avenue Laurier Ouest, Montréal, H2T 2N6"])]


def test_the_town_and_code_after_a_backchannel_finish_an_address_nobody_asked_for() -> None:
    segments = _segments(
        ("customer", "Apartment 9, Quay Street, Claddagh"), ("agent", "ok"), ("customer", "Galway, H91 E2W3")
    )
    assert _found(segments, (EntityType.ADDRESS,)) == [
        ("address", ["Apartment 9, Quay Street, Claddagh"]),
        ("address", ["Galway, H91 E2W3"]),
    ]


def test_a_year_after_a_backchannel_does_not_finish_an_address() -> None:
    segments = _segments(
        ("customer", "We lived at 12 Quay Street before."),
        ("agent", "ok"),
        ("customer", "Moved out, 2019, then came back."),
    )
    assert _found(segments, (EntityType.ADDRESS,)) == [("address", ["12 Quay Street"])]


@pytest.mark.parametrize(
    "turns, account",
    [
        ((("agent", "Your member ID is B as in bravo, 4 1, T as in tango, 9 9?"), ("customer", "Yes.")),
         "B as in bravo, 4 1, T as in tango, 9 9"),
        ((("customer", "papa echo three three eight one, that's the policy number"),),
         "papa echo three three eight one"),
        ((("customer", "the membership is mx dash 4 0 9 dash q"),), "mx dash 4 0 9 dash q"),
        ((("customer", "The number on my insurance card is HBQ 702 118 493."),), "HBQ 702 118 493"),
    ],
)  # fmt: skip
def test_an_account_number_spelled_with_letters_and_digits(turns: tuple[tuple[str, str], ...], account: str) -> None:
    assert _found(_segments(*turns), (EntityType.ACCOUNT_NUMBER,)) == [("account_number", [account])]


@pytest.mark.parametrize(
    "text",
    [
        "My member of staff, Delta 4 4 flight, was late.",
        "The policy covers a B 2 C trip.",
        "She took the A 3 road to the airport, not the M 4 motorway.",
    ],
)
def test_letters_and_digits_that_are_not_an_id_read_out(text: str) -> None:
    assert _found(_segments(("customer", text)), (EntityType.ACCOUNT_NUMBER,)) == []


def test_new_last_digits_one_gives_for_ones_own_account_number() -> None:
    segments = _segments(("customer", "My account number is 4402 7719, oh no, the last part is 7791."))
    assert _found(segments) == [("account_number", ["4402 7719"]), ("account_number", ["7791"])]


def test_a_zero_said_as_oh_at_a_numbers_end_is_still_part_of_it() -> None:
    segments = _segments(("agent", "What's the account number?"), ("customer", "six one four four two oh"))
    assert _found(segments) == [("account_number", ["six one four four two oh"])]


def test_oh_before_a_reading_broken_off_is_its_zero() -> None:
    segments = _segments(
        ("agent", "Full SSN, please."), ("customer", "Six one seven, two two, nine nine oh... no, nine oh nine four.")
    )
    assert _found(segments, (EntityType.SSN,)) == [
        ("ssn", ["Six one seven, two two, nine nine oh"]),
        ("ssn", ["nine oh nine four"]),
    ]


def test_oh_said_as_a_word_after_a_number_is_not_its_zero() -> None:
    segments = _segments(("customer", "My account number is 4402 7719 oh wait I'm not sure."))
    assert _found(segments) == [("account_number", ["4402 7719"])]


def test_an_email_address_begun_before_a_backchannel_and_finished_after_it() -> None:
    segments = _segments(("customer", "my email is j p"), ("agent", "uh-huh"), ("customer", "okafor at web dot de"))
    assert _found(segments, (EntityType.EMAIL,)) == [("email", ["j p"]), ("email", ["okafor at web dot de"])]


def test_words_about_email_before_a_backchannel_do_not_begin_an_address() -> None:
    segments = _segments(
        ("customer", "I never got the email, it went to spam or something odd"),
        ("agent", "right"),
        ("customer", "try anna at web dot de"),
    )
    assert _found(segments, (EntityType.EMAIL,)) == [("email", ["anna at web dot de"])]


def test_a_word_after_email_before_a_backchannel_is_not_an_address_begun() -> None:
    segments = _segments(
        ("customer", "I got the email yesterday"), ("agent", "right"), ("customer", "send it to anna at web dot de")
    )
    assert _found(segments, (EntityType.EMAIL,)) == [("email", ["anna at web dot de"])]


def test_an_address_begun_with_a_name_and_dot_before_a_backchannel() -> None:
    segments = _segments(("customer", "the email is maria dot"), ("agent", "yes"), ("customer", "lopez at web dot de"))
    assert _found(segments, (EntityType.EMAIL,)) == [("email", ["maria dot"]), ("email", ["lopez at web dot de"])]


@pytest.mark.parametrize(
    "text, address",
    [
        ("yeah it's 27 brookhaven drive unit 4", "27 brookhaven drive unit 4"),
        ("thirty one eighteen state highway twelve, cedar rapids",
         "thirty one eighteen state highway twelve, cedar rapids"),
        ("we're at 9 ngaio crescent, tawa, since may", "9 ngaio crescent, tawa"),
    ],
)  # fmt: skip
def test_an_address_in_speech_written_in_lower_case(text: str, address: str) -> None:
    assert _found(_segments(("customer", text)), (EntityType.ADDRESS,)) == [("address", [address])]


@pytest.mark.parametrize(
    "text",
    [
        "it took 5 minutes down the road",
        "it's a 2 way street with us",
        "we had 3 kids on that street",
        "you go 2 miles past the first road",
    ],
)
def test_lower_case_words_before_a_street_kind_that_are_no_address(text: str) -> None:
    assert _found(_segments(("customer", text)), (EntityType.ADDRESS,)) == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("hiya this is declan mcbride calling about my order", "declan mcbride"),
        ("hello my name is ayesha and i moved house", "ayesha"),
        ("yes it's parveen here", "parveen"),
    ],
)
def test_a_name_in_speech_written_in_lower_case(text: str, name: str) -> None:
    assert _found(_segments(("customer", text)), (EntityType.PERSON_NAME,)) == [("person_name", [name])]


@pytest.mark.parametrize(
    "text",
    [
        "hi this is just calling to check",
        "this is me calling back again",
        "my name is on the account already",
        "it's still here somewhere",
    ],
)
def test_lower_case_words_around_calling_that_are_no_name(text: str) -> None:
    assert _found(_segments(("customer", text)), (EntityType.PERSON_NAME,)) == []


def test_the_start_of_a_card_given_up_and_read_again_is_the_card() -> None:
    segments = _segments(("customer", "So 5425 23, hang on, I'll start over. 5425 2334 3010 9903."))
    assert _found(segments) == [("card_number", ["5425 23"]), ("card_number", ["5425 2334 3010 9903"])]


def test_digits_before_a_card_that_it_does_not_start_with_are_not_the_card() -> None:
    segments = _segments(("customer", "Order 7781 22, and the card is 5425 2334 3010 9903."))
    assert _found(segments, (EntityType.CARD_NUMBER,)) == [("card_number", ["5425 2334 3010 9903"])]


@pytest.mark.parametrize(
    "answer, date",
    [("Halloween, nineteen ninety.", "Halloween, nineteen ninety"), ("Boxing Day 1983.", "Boxing Day 1983")],
)
def test_a_birthday_named_by_its_feast_and_a_year(answer: str, date: str) -> None:
    segments = _segments(("agent", "And your birthday?"), ("customer", answer))
    assert _found(segments, (EntityType.DATE_OF_BIRTH,)) == [("date_of_birth", [date])]


def test_a_feast_alone_after_birthday_is_not_a_date_of_birth() -> None:
    segments = _segments(("agent", "Any birthday plans?"), ("customer", "Just Christmas shopping, really."))
    assert _found(segments, (EntityType.DATE_OF_BIRTH,)) == []


def test_a_named_house_on_a_street_in_a_place() -> None:
    segments = _segments(("customer", "No number, it's Ivy Cottage, Mill Road, Great Bardfield."))
    assert _found(segments, (EntityType.ADDRESS,)) == [("address", ["Ivy Cottage, Mill Road, Great Bardfield"])]


def test_a_street_named_between_other_words_is_not_a_named_house() -> None:
    segments = _segments(("customer", "Yes, Station Road, then left at the lights."))
    assert _found(segments, (EntityType.ADDRESS,)) == []


def test_a_named_house_called_the_something() -> None:
    segments = _segments(("customer", "It's The Granary, Back Lane, Long Sutton."))
    assert _found(segments, (EntityType.ADDRESS,)) == [("address", ["The Granary, Back Lane, Long Sutton"])]


def test_a_year_said_after_birth_came_up_is_not_a_year_of_birth() -> None:
    segments = _segments(("customer", "I need a copy of the birth certificate from 2019."))
    assert _found(segments, (EntityType.DATE_OF_BIRTH,)) == []


@pytest.mark.parametrize(
    "text",
    ["It's under Warranty Plus, I think.", "Can I speak to Customer Relations?", "I'll ask for Help with the form."],
)
def test_a_plan_or_department_after_under_or_ask_for_is_not_a_name(text: str) -> None:
    assert _found(_segments(("customer", text)), (EntityType.PERSON_NAME,)) == []


def test_one_word_of_the_radio_alphabet_before_digits_does_not_spell_an_id() -> None:
    segments = _segments(("customer", "My flight was Delta 4 4 7 2, member of the club."))
    assert _found(segments, (EntityType.ACCOUNT_NUMBER,)) == []


def test_a_month_said_as_when_after_a_card_is_not_its_expiry() -> None:
    segments = _segments(("customer", "I paid with 4111 1111 1111 1111 in March 2024."))
    assert _found(segments, (EntityType.CARD_EXPIRY,)) == []


def test_what_runs_until_a_month_without_card_talk_is_not_an_expiry() -> None:
    segments = _segments(("customer", "Order number 4471 2231, and it runs until March 2027."))
    assert _found(segments, (EntityType.CARD_EXPIRY,)) == []


@pytest.mark.parametrize(
    "turns",
    [
        (("customer", "My number is 415 555 0136 x 2 kids at home."),),
        (("customer", "the login security number changed in 2021"),),
        (("agent", "Your social ending?"), ("customer", "It ends there, 2020 was the year.")),
        (("customer", "Room 4111, then my card 4111 1111 1111 1111."),),
        (("customer", "We moved from Paris, Main Street, Springfield."),),
        (("customer", "my name is spelled wrong"),),
        (("customer", "this is ridiculous calling me"),),
    ],
)
def test_decoys_of_extensions_codes_endings_restarts_houses_and_lower_case_names(
    turns: tuple[tuple[str, str], ...],
) -> None:
    found = _found(_segments(*turns))
    assert all(kind in {"phone_number", "card_number"} for kind, _ in found), found
    assert ("card_number", ["4111"]) not in found and ("phone_number", ["415 555 0136 x 2"]) not in found


def test_a_persons_own_office_line_is_theirs() -> None:
    segments = _segments(("agent", "And your office number?"), ("customer", "It's 415-555-0136."))
    assert _found(segments) == [("phone_number", ["415-555-0136"])]


def test_oh_written_as_a_word_before_a_code_is_not_its_zero() -> None:
    segments = _segments(("agent", "And the security code?"), ("customer", "Oh, 7 3 9."))
    assert _found(segments) == [("card_security_code", ["7 3 9"])]


def test_last_four_said_before_the_digits_counts_them_and_is_not_one_of_them() -> None:
    segments = _segments(("agent", "Your social?"), ("customer", "Last four, 2 2 0 9."))
    assert _found(segments) == [("ssn", ["2 2 0 9"])]


def test_a_name_a_booking_is_put_under() -> None:
    segments = _segments(("customer", "Can you put it under Halvorsen, please?"))
    assert _found(segments) == [("person_name", ["Halvorsen"])]


@pytest.mark.parametrize("answer, code", [("EH3 9QR.", "EH3 9QR"), ("It's K1A 0B1.", "K1A 0B1")])
def test_a_postcode_given_alone_when_asked_for(answer: str, code: str) -> None:
    segments = _segments(("agent", "And the postcode?"), ("customer", answer))
    assert _found(segments) == [("address", [code])]


def test_a_code_shaped_like_a_postcode_not_asked_for_is_not_an_address() -> None:
    segments = _segments(("agent", "Which model is it?"), ("customer", "The EH3 9QR, I think."))
    assert _found(segments, (EntityType.ADDRESS,)) == []


def test_a_name_on_the_card_with_a_title_and_an_initial() -> None:
    segments = _segments(("agent", "Name on the card?"), ("customer", "Mrs K Lindqvist."))
    assert _found(segments) == [("person_name", ["Mrs K Lindqvist"])]


def test_the_letter_an_id_ends_with() -> None:
    segments = _segments(("customer", "My national insurance number is JT 40 21 88 B."))
    assert _found(segments) == [("account_number", ["JT 40 21 88 B"])]


def test_a_word_after_an_id_is_not_its_last_letter() -> None:
    segments = _segments(("customer", "My member number is 4471 2290 I think."))
    assert _found(segments) == [("account_number", ["4471 2290"])]


def test_the_code_named_after_a_cards_expiry_is_its_security_code() -> None:
    segments = _segments(
        ("agent", "The card number, please."), ("customer", "4111 1111 1111 1111, expires 10/29, and the code is 287.")
    )
    assert _found(segments) == [
        ("card_number", ["4111 1111 1111 1111"]),
        ("card_expiry", ["10/29"]),
        ("card_security_code", ["287"]),
    ]


def test_an_area_code_after_card_talk_is_not_a_security_code() -> None:
    segments = _segments(("customer", "I paid by card. My area code is 415, by the way."))
    assert _found(segments, (EntityType.CARD_SECURITY_CODE,)) == []


def test_a_name_one_spoke_to_before() -> None:
    segments = _segments(("customer", "I talked to Mehmet on Monday and he said it was sorted."))
    assert _found(segments) == [("person_name", ["Mehmet"])]


def test_a_department_one_spoke_to_is_not_a_name() -> None:
    segments = _segments(("customer", "I spoke to Technical Support and Billing already."))
    assert _found(segments, (EntityType.PERSON_NAME,)) == []


def test_an_email_address_written_with_its_at_is_taken_as_written_when_asked_for() -> None:
    segments = _segments(("agent", "What's the email on file?"), ("customer", "It should be ola@nordvik-bygg.co.uk"))
    assert _found(segments) == [("email", ["ola@nordvik-bygg.co.uk"])]


def _names(segments: list[Segment]) -> list[str]:
    return [text for _, spans in _found(segments, (EntityType.PERSON_NAME,)) for text in spans]


def test_the_rest_of_a_name_said_next_to_a_known_part_of_it_is_a_name_too() -> None:
    segments = _segments(
        ("customer", "hello, this is Priscilla Vandermeer about a refund"),
        ("agent", "Certainly Ms. Vandermeer, one moment."),
    )
    assert _names(segments) == ["Priscilla Vandermeer", "Ms. Vandermeer"]


def test_a_double_barrelled_surname_known_by_its_first_half() -> None:
    segments = _segments(
        ("agent", "Thank you Mr. Ashworth."),
        ("customer", "My wife is Odile Ashworth-Kemp, she's on the account too."),
    )
    assert _names(segments) == ["Mr. Ashworth", "Odile Ashworth-Kemp"]


def test_a_surname_learned_from_a_read_back_is_found_where_it_was_said_alone() -> None:
    segments = _segments(
        ("customer", "the baby's name is Ilse and she came home today"),
        ("agent", "Lovely. And the surname, same as yours, Brannigan?"),
        ("customer", "yes Ilse Brannigan"),
    )
    assert _names(segments) == ["Ilse", "Brannigan", "Ilse Brannigan"]


def test_a_known_name_written_in_lower_case_after_a_greeting() -> None:
    segments = _segments(("agent", "This is Corwin, how can I help?"), ("customer", "hi corwin, quick question"))
    assert _names(segments) == ["Corwin", "corwin"]


def test_a_known_name_that_is_also_a_word_is_not_taken_in_lower_case_without_a_greeting() -> None:
    segments = _segments(("agent", "Hi, this is Grace, speaking."), ("customer", "by the grace of god it works"))
    assert _names(segments) == ["Grace"]


def test_an_acknowledgement_before_a_known_name_is_not_part_of_it() -> None:
    segments = _segments(("customer", "My name is Thaddeus."), ("agent", "Perfect Thaddeus, one moment."))
    assert _names(segments) == ["Thaddeus", "Thaddeus"]


@pytest.mark.parametrize(
    "question, answer, name",
    [
        ("And what was his name?", "Dmitri Sokolov", "Dmitri Sokolov"),
        ("Could I take the patient's name and birthday?", "sure Wilhelmina Tate, may 3rd", "Wilhelmina Tate"),
        ("Passenger name as printed on the ticket?", "Leif Anders Brekke", "Leif Anders Brekke"),
        ("Name on the subscription?", "Oriana Pell", "Oriana Pell"),
        ("Cardholder name, please.", "Barnaby Q. Whitlow", "Barnaby Q. Whitlow"),
        ("Who am I speaking with?", "yeah its Saoirse Kilbride", "Saoirse Kilbride"),
    ],
)  # fmt: skip
def test_a_name_answering_a_question_for_whose_name(question: str, answer: str, name: str) -> None:
    assert name in _names(_segments(("agent", question), ("customer", answer)))


def test_a_name_told_is_not_a_question_for_the_name_answered_next() -> None:
    segments = _segments(("customer", "our son's here, his name is Tobiah"), ("agent", "Wonderful! Your reference?"))
    assert _names(segments) == ["Tobiah"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("I'm calling for my aunt, she's Philippa Oduya, she's in hospital", "Philippa Oduya"),
        ("this is um Casimir, I rang yesterday", "Casimir"),
        ("Hello, this is Rosalind in accounts receivable.", "Rosalind"),
        ("The payee is Ines Vidal, sort code to follow.", "Ines Vidal"),
        ("Reading back what I have: Ambrose Kettering, 9 Elm Road.", "Ambrose Kettering"),
        ("the deceased is Cornelius Abara, he passed in March", "Cornelius Abara"),
    ],
)  # fmt: skip
def test_a_name_after_a_cue_that_says_who_someone_is(text: str, name: str) -> None:
    assert name in _names(_segments(("customer", text)))


@pytest.mark.parametrize(
    "text",
    [
        "I spoke to McDonald's about the charge already.",
        "honestly I talked to Ticketmaster's help thing twice",
        "she's Happy with the new plan, thanks",
        "it's Tuesday in any case",
        "he's Canadian, so the form is different",
    ],
)
def test_what_follows_a_cue_but_is_no_ones_name(text: str) -> None:
    assert _names(_segments(("customer", text))) == []


@pytest.mark.parametrize(
    "text",
    [
        "The branch is at 40 Quarry Street, we open at nine.",
        "Our pharmacy is at 7 Lindell Avenue, next to the bank.",
        "Parking's free, the clinic is at 311 Orchard Road.",
    ],
)
def test_a_business_place_said_where_it_is_is_not_a_persons_address(text: str) -> None:
    assert _found(_segments(("agent", text)), (EntityType.ADDRESS,)) == []


def test_ones_own_office_is_still_an_address() -> None:
    segments = _segments(("customer", "The office is at 22 Fenmore Road, send the papers there."))
    assert _found(segments, (EntityType.ADDRESS,)) == [("address", ["22 Fenmore Road"])]


def test_a_number_asked_for_a_business_place_is_not_a_persons() -> None:
    segments = _segments(("customer", "what's the number for the pharmacy?"), ("agent", "It's 312-555-0148."))
    assert _found(segments, (EntityType.PHONE_NUMBER,)) == []


def test_a_zip_code_read_after_a_birthday_was_asked_is_the_addresss() -> None:
    segments = _segments(
        ("agent", "And your date of birth, then where to post it?"),
        ("customer", "march 3 1961, and it's 88 Larkspur Street, Unit C, Toledo Ohio 43604"),
    )
    assert _found(segments) == [
        ("date_of_birth", ["march 3 1961"]),
        ("address", ["88 Larkspur Street, Unit C, Toledo Ohio 43604"]),
    ]


def test_a_house_number_said_after_a_security_code_was_asked_is_the_addresss() -> None:
    segments = _segments(
        ("agent", "Security code, then the billing address."),
        ("customer", "905, and 14 Rowan Mews, Bristol BS6 5TG"),
    )
    assert _found(segments, (EntityType.CARD_SECURITY_CODE, EntityType.ADDRESS)) == [
        ("card_security_code", ["905"]),
        ("address", ["14 Rowan Mews, Bristol BS6 5TG"]),
    ]


def test_a_po_box_after_a_birthday_was_asked_is_an_address_not_a_birthday() -> None:
    segments = _segments(
        ("agent", "Date of birth, and the mailing address on file?"),
        ("customer", "PO Box 2290, Boise, ID 83701"),
    )
    assert _found(segments, (EntityType.DATE_OF_BIRTH,)) == []


def test_digits_read_on_from_a_parcels_code_are_not_a_phone_number() -> None:
    segments = _segments(("agent", "Your parcel's code is 1Z 48W B7 02 8765 4321, it ships Monday."))
    assert _found(segments, (EntityType.PHONE_NUMBER,)) == []


def test_a_phone_number_after_a_code_and_a_pause_is_still_one() -> None:
    segments = _segments(("customer", "Reference QX7, and my mobile is 07700 900 412."))
    assert _found(segments, (EntityType.PHONE_NUMBER,)) == [("phone_number", ["07700 900 412"])]


def test_a_claim_number_the_agent_gives_after_verifying_is_the_claims_not_the_callers_birthday() -> None:
    # the claim's number is the caller's record, as "your claim number is CLM 2024 883 017" is labelled
    segments = _segments(
        ("customer", "My policy is HX-20931-7 and my date of birth is 02/11/1974."),
        ("agent", "Thanks, verified. Was the car drivable?"),
        ("customer", "yes"),
        ("agent", "Your new claim number is 3305 7718, keep it handy."),
    )
    assert _found(segments, (EntityType.ACCOUNT_NUMBER, EntityType.DATE_OF_BIRTH)) == [
        ("account_number", ["HX-20931-7"]),
        ("date_of_birth", ["02/11/1974"]),
        ("account_number", ["3305 7718"]),
    ]


def test_a_claim_number_asked_for_to_find_the_caller_is_still_private() -> None:
    segments = _segments(("agent", "Can you give me the claim number?"), ("customer", "It's 4410 9982."))
    assert _found(segments) == [("account_number", ["4410 9982"])]


def test_the_last_four_of_a_social_and_a_birthday_asked_together_are_told_apart() -> None:
    segments = _segments(
        ("agent", "To verify, the last four of your social and then your date of birth?"),
        ("customer", "sure 7031 and march 19 1977"),
    )
    assert _found(segments) == [("ssn", ["7031"]), ("date_of_birth", ["march 19 1977"])]


def test_a_birthday_asked_alone_is_not_looked_for_past_a_number_in_digits() -> None:
    segments = _segments(
        ("agent", "Date of birth?"),
        ("customer", "hang on, it's on the form, box 12, then 4 pages"),
    )
    assert _found(segments, (EntityType.DATE_OF_BIRTH,)) == []


def test_a_social_read_with_hesitations_written_between_its_groups() -> None:
    segments = _segments(("customer", "the social's three one eight ... two seven ... five five oh four"))
    assert _found(segments) == [("ssn", ["three one eight ... two seven ... five five oh four"])]


def test_numbers_of_separate_things_around_a_hesitation_are_not_one_social() -> None:
    segments = _segments(("customer", "we had 2 ... no 3 boxes and a social event"))
    assert _found(segments, (EntityType.SSN,)) == []


@pytest.mark.parametrize(
    "text, address",
    [
        ("we're moving from 9 Linden Mews on Friday", "9 Linden Mews"),
        ("I have the property as 217 Alder Grove, is that right?", "217 Alder Grove"),
        ("The bill goes to 41 Beacon Hill Road, Concord.", "41 Beacon Hill Road, Concord"),
    ],
)  # fmt: skip
def test_a_street_of_a_kind_that_is_also_a_word_when_capitalised(text: str, address: str) -> None:
    assert _found(_segments(("customer", text)), (EntityType.ADDRESS,)) == [("address", [address])]


@pytest.mark.parametrize(
    "text",
    ["we won 3 games in a row", "the shop is 5 minutes close by", "I walked 2 miles up the hill"],
)
def test_everyday_words_that_name_kinds_of_street_are_no_address(text: str) -> None:
    assert _found(_segments(("customer", text)), (EntityType.ADDRESS,)) == []


def test_an_expiry_ending_in_tens_and_a_code_asked_for_next_stay_apart() -> None:
    segments = _segments(
        ("customer", "the card's four one one one, one one one one, one one one one, one one one one"),
        ("agent", "expiry date"),
        ("customer", "eleven twenty"),
        ("agent", "and the three digits on the back"),
        ("customer", "five seven one"),
    )
    assert _found(segments, (EntityType.CARD_EXPIRY, EntityType.CARD_SECURITY_CODE)) == [
        ("card_expiry", ["eleven twenty"]),
        ("card_security_code", ["five seven one"]),
    ]


def test_a_date_still_goes_on_after_a_question_for_its_year() -> None:
    segments = _segments(
        ("agent", "What's your date of birth?"),
        ("customer", "the fourth of june"),
        ("agent", "and the year?"),
        ("customer", "nineteen eighty"),
    )
    assert _found(segments) == [("date_of_birth", ["the fourth of june", "nineteen eighty"])]


def test_a_birthday_asked_again_with_and_yours_after_someone_elses() -> None:
    segments = _segments(
        ("customer", "adding my daughter, she was born 7/14/2009"),
        ("agent", "Got it. And yours?"),
        ("customer", "ten twelve seventy eight"),
    )
    assert _found(segments, (EntityType.DATE_OF_BIRTH,)) == [
        ("date_of_birth", ["7/14/2009"]),
        ("date_of_birth", ["ten twelve seventy eight"]),
    ]


def test_and_yours_after_other_talk_asks_for_no_birthday() -> None:
    segments = _segments(
        ("customer", "my flight lands on the 14th of may"),
        ("agent", "Nice. And yours, the return?"),
        ("customer", "the twentieth of may"),
    )
    assert _found(segments, (EntityType.DATE_OF_BIRTH,)) == []


def test_an_answered_name_heard_with_a_dropped_last_letter() -> None:
    segments = _segments(("agent", "Your full name, please?"), ("customer", "It's Jocelin' Ravensworth."))
    assert _names(segments) == ["Jocelin' Ravensworth"]


def test_a_quoted_word_after_a_question_for_a_name_is_no_name() -> None:
    segments = _segments(("agent", "Your full name, please?"), ("customer", "It's 'Basic' plan I'm on, not premium."))
    assert _names(segments) == []


@pytest.mark.parametrize(
    "turns",
    [
        # an amount written in thousands is no identifier, whatever was asked before
        (("agent", "and your rewards number"), ("customer", "RW 7781 3302 19"), ("agent", "so 12,750 miles")),
        (("agent", "the member number please"), ("customer", "4471 0092 8812"), ("agent", "you've 1,200 credits")),
    ],
)
def test_an_amount_written_in_thousands_is_no_account(turns: tuple[tuple[str, str], ...]) -> None:
    found = _found(_segments(*turns), (EntityType.ACCOUNT_NUMBER,))
    assert all("," not in text for _, texts in found for text in texts)
    assert len(found) == 1


def test_a_zip_plus_four_after_a_social_is_part_of_the_address() -> None:
    segments = _segments(
        ("agent", "your social first"),
        ("customer", "sure its 5 1 8 - 4 4 - 2 0 9 7"),
        ("agent", "and where do we send the forms"),
        ("customer", "88 Larch Hollow Rd, Helena MT 59601-4410"),
    )
    assert _found(segments, (EntityType.SSN, EntityType.ADDRESS)) == [
        ("ssn", ["5 1 8 - 4 4 - 2 0 9 7"]),
        ("address", ["88 Larch Hollow Rd, Helena MT 59601-4410"]),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Your ticket number is 2025-330171, keep it handy.",
        "The order number for that is 4155550136.",
        "Okay so the claim id on this one is 3125550188.",
    ],
)
def test_a_number_named_as_a_case_or_order_is_no_phone(text: str) -> None:
    assert _found(_segments(("agent", text)), (EntityType.PHONE_NUMBER,)) == []


def test_a_phone_number_after_an_order_number_in_an_earlier_turn_is_still_found() -> None:
    segments = _segments(
        ("customer", "my order number was 4471"),
        ("agent", "and a good callback number?"),
        ("customer", "415 555 0136"),
    )
    assert _found(segments, (EntityType.PHONE_NUMBER,)) == [("phone_number", ["415 555 0136"])]


@pytest.mark.parametrize(
    "text, found",
    [
        ("The store at 400 Elm Street closes at six.", []),
        ("Yeah the store's on 22 Bay Road, open till late.", []),
        ("The store is shut, so ship it to 19 Fern Lane.", [("address", ["19 Fern Lane"])]),
    ],
)
def test_a_stores_street_address_is_the_businesss(text: str, found: list[tuple[str, list[str]]]) -> None:
    assert _found(_segments(("agent", text)), (EntityType.ADDRESS,)) == found


@pytest.mark.parametrize(
    "asked, answer, name",
    [
        ("And who's the account under?", "bartholomew quayle", "bartholomew quayle"),
        ("Can I take the patient's name", "its my daughter imogen szabo", "imogen szabo"),
        ("and the policyholder's name", "my wife dagmar løvstad", "dagmar løvstad"),
        ("your full name and birthday", "tobias achterberg, 4 11 1979", "tobias achterberg"),
        ("Who am I speaking with today?", "this is nguyen thi lan", "nguyen thi lan"),
    ],
)
def test_a_name_asked_for_and_answered_in_lower_case(asked: str, answer: str, name: str) -> None:
    assert _names(_segments(("agent", asked), ("customer", answer))) == [name]


@pytest.mark.parametrize(
    "asked, answer",
    [
        ("And the name on the card?", "same as mine"),
        ("And the name on the card?", "hold on one sec"),
        ("Who am I speaking with?", "sorry what was that"),
        ("Your full name please", "i don't know"),
        ("And the account holder's name", "the business account"),
        ("And the name on the card?", "sounds great"),
        ("Who am I speaking with?", "come again"),
    ],
)
def test_a_lower_case_answer_to_a_name_question_that_names_no_one(asked: str, answer: str) -> None:
    assert _names(_segments(("agent", asked), ("customer", answer))) == []


@pytest.mark.parametrize(
    "text, names",
    [
        ("okay thanks mister adebayo and your zip code", ["mister adebayo"]),
        ("thank you miss pham. can I get your postcode", ["miss pham"]),
        ("hi doctor okafor, it's the pharmacy", ["doctor okafor"]),
        ("i'll miss the bus if this takes long", []),
        ("my doctor said it was fine", []),
    ],
)
def test_someone_addressed_by_title_in_lower_case(text: str, names: list[str]) -> None:
    assert _names(_segments(("agent", text))) == names


def test_a_lower_case_introduction_before_im_calling() -> None:
    segments = _segments(("customer", "hiya its ruairi kavanagh i'm calling about a late fee"))
    assert _names(segments) == ["ruairi kavanagh"]


@pytest.mark.parametrize(
    "turns, names",
    [
        ((("customer", "you can use tomasz.wieczorek@gmail.com"), ("agent", "thanks tomasz")), ["tomasz"]),
        ((("customer", "it's r_okonkwo-ade@proton.me"), ("agent", "Great, Okonkwo, you're set.")), ["Okonkwo"]),
        # a role mailbox's word, or one said without a greeting, names no one
        ((("customer", "send it to billing@acme.com"), ("agent", "thanks billing")), []),
        ((("customer", "my email is mark.holt@web.de"), ("agent", "i'll mark that down")), []),
    ],
)
def test_a_name_said_again_from_an_email_address(turns: tuple[tuple[str, str], ...], names: list[str]) -> None:
    assert _names(_segments(*turns)) == names


@pytest.mark.parametrize(
    "text, spelled",
    [
        ("Hello, it's Siobhan, spelled s i o b h a n, about my order", "s i o b h a n"),
        ("Hi, this is Ailbhe, spelt a-i-l-b-h-e, calling back", "a-i-l-b-h-e"),
    ],
)
def test_a_name_spelled_in_lower_case_letters(text: str, spelled: str) -> None:
    assert spelled in _names(_segments(("customer", text)))


def test_spelled_followed_by_words_spells_no_name() -> None:
    assert _names(_segments(("customer", "they spelled it wrong on the letter"))) == []


@pytest.mark.parametrize(
    "asked, answer, kind",
    [
        ("and the 3 digit code on the back", "seven for two", "card_security_code"),
        ("the security code please", "6 won 6", "card_security_code"),
        ("the last four of your social", "5 ate 3 0", "ssn"),
        ("the last four of your social", "1 1 to 7", "ssn"),
    ],
)
def test_a_digit_heard_as_a_word_in_an_answer_of_digits(asked: str, answer: str, kind: str) -> None:
    segments = _segments(("agent", "Visa card ending 4242, thanks"), ("agent", asked), ("customer", answer))
    assert (kind, [answer]) in _found(segments)


@pytest.mark.parametrize(
    "text",
    ["the deal was 2 for 1 on pizzas", "we won 2 games and lost 1", "I ate 3 of them"],
)
def test_a_word_like_a_digit_among_other_words_is_a_word(text: str) -> None:
    segments = _segments(("agent", "and the security code on the back"), ("customer", text))
    assert _found(segments, (EntityType.CARD_SECURITY_CODE,)) == []


@pytest.mark.parametrize(
    "turns, expiry",
    [
        ((("agent", "the expiry on that card?"), ("customer", "11 / 28")), "11 / 28"),
        ((("customer", "my visa's valid thru 0 6 / 3 0 and the cvc is 4 4 1"),), "0 6 / 3 0"),
        ((("agent", "when does the card expire"), ("customer", "it's 02 / 29")), "02 / 29"),
    ],
)
def test_an_expiry_with_a_slash_written_apart(turns: tuple[tuple[str, str], ...], expiry: str) -> None:
    assert ("card_expiry", [expiry]) in _found(_segments(*turns))


def test_a_slash_written_apart_without_a_card_makes_no_number() -> None:
    segments = _segments(("customer", "we're open 24 / 7 and the score was 3 / 10"))
    assert _found(segments) == []


@pytest.mark.parametrize(
    "asked, answer",
    [
        ("and your policy number", "HMB 4 4 1 0 9 2 7 A"),
        ("the patient ID on the letter?", "MR-07 33 81 K"),
    ],
)
def test_an_id_with_letters_joined_on_or_a_letter_a_ending_the_turn(asked: str, answer: str) -> None:
    assert _found(_segments(("agent", asked), ("customer", answer)), (EntityType.ACCOUNT_NUMBER,)) == [
        ("account_number", [answer])
    ]


def test_a_word_a_after_an_account_number_is_no_part_of_it() -> None:
    segments = _segments(("agent", "your member number?"), ("customer", "7781 0034 a month ago it changed"))
    assert _found(segments, (EntityType.ACCOUNT_NUMBER,)) == [("account_number", ["7781 0034"])]


@pytest.mark.parametrize(
    "text, address",
    [
        ("the power's off at 7 Quail Run Rd, Salinas CA since noon", "7 Quail Run Rd, Salinas CA"),
        (
            "send it to 310 n. Lamar boulevard unit 6 dallas texas 75201",
            "310 n. Lamar boulevard unit 6 dallas texas 75201",
        ),
        ("it's 88 w. Elm street", "88 w. Elm street"),
    ],
)
def test_an_address_with_a_state_code_a_lower_case_direction_or_a_lower_case_city(text: str, address: str) -> None:
    assert _found(_segments(("customer", text)), (EntityType.ADDRESS,)) == [("address", [address])]


def test_a_zip_said_after_a_street_with_words_between_stays_out_of_the_city() -> None:
    segments = _segments(("customer", "it's 12 Ash Street and the zip is 30301"))
    assert _found(segments, (EntityType.ADDRESS,))[0] == ("address", ["12 Ash Street"])


def test_a_written_birth_date_and_the_last_four_of_a_social_in_one_answer() -> None:
    segments = _segments(
        ("agent", "To verify, your birth date and the last four of your social."),
        ("customer", "11/4/79 and the last four are 8 8 1 3"),
    )
    assert sorted(_found(segments, (EntityType.DATE_OF_BIRTH, EntityType.SSN))) == [
        ("date_of_birth", ["11/4/79"]),
        ("ssn", ["8 8 1 3"]),
    ]


@pytest.mark.parametrize(
    "answer, date",
    [
        ("le 14 juillet 1983", "le 14 juillet 1983"),
        ("el 3 de marzo de 1975", "el 3 de marzo de 1975"),
        ("am 9 märz 1968", "9 märz 1968"),
    ],
)
def test_a_birth_date_said_in_another_language(answer: str, date: str) -> None:
    segments = _segments(("agent", "and your date of birth"), ("customer", answer))
    assert _found(segments, (EntityType.DATE_OF_BIRTH,)) == [("date_of_birth", [date])]


def test_a_month_name_of_another_language_outside_a_date_is_a_name() -> None:
    segments = _segments(("agent", "Who am I speaking with?"), ("customer", "It's Mai Tran."))
    assert _names(segments) == ["Mai Tran"]


@pytest.mark.parametrize(
    "asked, answer, names",
    [
        ("Who did you speak to last time?", "I think it was Priyanka from the returns desk", ["Priyanka"]),
        ("Who was the person you dealt with", "Tomas, I believe", ["Tomas"]),
        ("Who did you speak to last time?", "It was Monday in the morning", []),
        ("Who did you speak to last time?", "It was Billing in the end", []),
    ],
)
def test_the_staff_member_a_caller_says_they_spoke_to(asked: str, answer: str, names: list[str]) -> None:
    assert _names(_segments(("agent", asked), ("customer", answer))) == names


@pytest.mark.parametrize(
    "text, found",
    [
        ("The policy covered you from 03/01/2024 to 03/01/2026, then it lapsed.", []),
        ("Between 11/02/2023 and 12/02/2023 we billed you twice.", []),
    ],
)
def test_dates_written_with_slashes_never_join_into_a_card(text: str, found: list[str]) -> None:
    assert _found(_segments(("agent", text)), (EntityType.CARD_NUMBER,)) == found


def test_an_expiry_and_a_code_said_in_one_breath_after_a_card() -> None:
    segments = _segments(("agent", "Ready when you are."), ("customer", "5500 0000 0000 0004, 11/29, 318."))
    assert _found(segments) == [
        ("card_number", ["5500 0000 0000 0004"]),
        ("card_expiry", ["11/29"]),
        ("card_security_code", ["318"]),
    ]


def test_a_slashed_number_after_a_card_that_is_no_month_is_no_expiry() -> None:
    segments = _segments(("customer", "5500 0000 0000 0004, 24/7 support they said."))
    assert _found(segments) == [("card_number", ["5500 0000 0000 0004"])]


@pytest.mark.parametrize(
    "asked, answer, kind",
    [
        ("and the taxpayer number on your own return?", "6 1 8 2 2 0 4 7 3", "ssn"),
        # another country's national id is an account number: SSN is the US social security number
        ("your social insurance number, please", "812 440 297", "account_number"),
        ("what's the tax ID for your company?", "6 1 8 2 2 0 4 7 3", "account_number"),
        ("and your taxpayer number please", "6 1 8 2 2 0 4 7", "account_number"),
    ],
)
def test_nine_digits_of_a_persons_tax_id_are_their_social(asked: str, answer: str, kind: str) -> None:
    assert _found(_segments(("agent", asked), ("customer", answer))) == [(kind, [answer])]


@pytest.mark.parametrize(
    "text, found",
    [
        ("Visit us at 48 Canal Street, Suite 210, we're open till six.", []),
        ("You can find us at 9 Mill Lane, Unit 3, next to the car park.", []),
        ("My sister can visit us at 12 Harbour Road, Unit 4.", [("address", ["12 Harbour Road, Unit 4"])]),
    ],
)
def test_a_business_telling_callers_where_to_find_it_gives_its_own_address(
    text: str, found: list[tuple[str, list[str]]]
) -> None:
    assert _found(_segments(("agent", text)), (EntityType.ADDRESS,)) == found


@pytest.mark.parametrize(
    "text, found",
    [
        ("Pay it into GB82 WEST 1234 5698 7654 32 if you can.", [("account_number", ["GB82 WEST 1234 5698 7654 32"])]),
        ("My IBAN is DE89370400440532013000.", [("account_number", ["DE89370400440532013000"])]),
        # the country's letters said apart from the check digits, as a reader pauses after them
        ("The IBAN is DE 89 3704 0044 0532 0130 00.", [("account_number", ["DE 89 3704 0044 0532 0130 00"])]),
        # neither the check digits nor the country's structure hold (a British one has its bank's four letters): a
        # product code, not a bank account
        ("The part is GB83 1234 5698 7654 3312 34 in the catalogue.", []),
        ("Flight BA12 LHR 0945 from terminal 5.", []),
    ],
)
def test_an_iban_is_an_account_number_where_its_check_digits_or_its_countrys_structure_hold(
    text: str, found: list[tuple[str, list[str]]]
) -> None:
    assert _found(_segments(("customer", text)), (EntityType.ACCOUNT_NUMBER,)) == found


@pytest.mark.parametrize(
    "asked, answer, found",
    [
        ("And the number on your library card?", "KT 5521 0093 8", [("account_number", ["KT 5521 0093 8"])]),
        ("What's the ID on the member card, please?", "4471 2290 15", [("account_number", ["4471 2290 15"])]),
        # where it is kept, not what it is: the code asked for is no account
        ("Is there a promo code on your rewards card?", "It says 2291 on it", []),
    ],
)
def test_the_number_on_an_id_card_is_an_account_number(asked: str, answer: str, found: list[object]) -> None:
    assert _found(_segments(("agent", asked), ("customer", answer)), (EntityType.ACCOUNT_NUMBER,)) == found


def test_a_birth_date_corrected_in_the_same_breath_is_a_birth_date_too() -> None:
    segments = _segments(
        ("agent", "And your date of birth?"), ("customer", "June 21st, 1987, wait, no, June 12th, 1987.")
    )
    assert _found(segments) == [
        ("date_of_birth", ["June 21st, 1987"]),
        ("date_of_birth", ["June 12th, 1987"]),
    ]


def test_a_date_said_after_a_birth_date_without_correcting_it_is_no_birth_date() -> None:
    segments = _segments(("agent", "And your date of birth?"), ("customer", "June 12th, 1987, since you ask."))
    assert _found(segments) == [("date_of_birth", ["June 12th, 1987"])]


@pytest.mark.parametrize(
    "answer, found",
    [
        ("It's 312 555 0148, no wait, 0184 at the end.", [["312 555 0148"], ["0184"]]),
        ("312 555 0148, sorry, 0184 on the end of it.", [["312 555 0148"], ["0184"]]),
        # no correction: what is said after the number is something else
        ("312 555 0148, and 0184 at the end of the form is my code.", [["312 555 0148"]]),
    ],
)
def test_new_last_digits_of_a_phone_number_named_after_them(answer: str, found: list[list[str]]) -> None:
    segments = _segments(("agent", "What's a good number for you?"), ("customer", answer))
    assert [spans for _, spans in _found(segments, (EntityType.PHONE_NUMBER,))] == found


@pytest.mark.parametrize(
    "text, kind, spelled",
    [
        ("Send it to marta.b@proton.me, that's M A R T A dot B.", "email", "M A R T A dot B"),
        ("It's lena_k at gmail dot com, spelled L E N A underscore K.", "email", "L E N A underscore K"),
        # one word of the address spelled: the address spelled out, as the other words are
        ("It's priya.nair at outlook dot com, that's N-A-I-R.", "email", "N-A-I-R"),
        # ... or a name, said to be one
        ("It's priya.nair at outlook dot com, last name N-A-I-R.", "person_name", "N-A-I-R"),
    ],
)
def test_an_email_address_spelled_again_after_it_is_the_address(text: str, kind: str, spelled: str) -> None:
    assert (kind, [spelled]) in _found(_segments(("customer", text)))


@pytest.mark.parametrize(
    "text, found",
    [
        ("Sure, it's r, o, s, a, 2, 2, at gmail dot com.", [("email", ["r, o, s, a, 2, 2, at gmail dot com"])]),
        ("Okay, j, k, 4, at outlook dot com.", [("email", ["j, k, 4, at outlook dot com"])]),
        # letters listed, no mailbox after them
        ("We offer plans a, b, c, at any time.", []),
    ],
)
def test_an_email_spelled_one_character_at_a_time_with_commas(text: str, found: list[object]) -> None:
    assert _found(_segments(("customer", text)), (EntityType.EMAIL,)) == found


@pytest.mark.parametrize(
    "turns, names",
    [
        ((("agent", "Who's the policyholder?"), ("customer", "Søren Aaberg.")), ["Søren Aaberg"]),
        ((("customer", "The booking's under Mei Ling Tan, my aunt."),), ["Mei Ling Tan"]),
        ((("agent", "You're speaking to Anouk in the returns team, what can I do?"),), ["Anouk"]),
        ((("agent", "Alright Tendai, that's all updated."),), ["Tendai"]),
        # no name: a day, a department, a role asked about without a person's answer
        ((("agent", "Okay Monday, then."),), []),
        ((("customer", "Okay Google, call the bank."),), []),
        ((("agent", "You're through to Billing, how can I help?"),), []),
    ],
)
def test_names_said_as_the_call_is_put_through_or_as_a_role_is_asked_for(
    turns: tuple[tuple[str, str], ...], names: list[str]
) -> None:
    assert [spans[0] for _, spans in _found(_segments(*turns), (EntityType.PERSON_NAME,))] == names


def test_a_card_read_with_no_card_word_names_its_expiry_and_the_back() -> None:
    segments = _segments(
        ("customer", "Alright, 4000 0566"),
        ("agent", "Mhm."),
        ("customer", "5566 5556. It runs out 09/29 and the back is 7 1 4."),
    )
    assert _found(segments) == [
        ("card_number", ["4000 0566", "5566 5556"]),
        ("card_expiry", ["09/29"]),
        ("card_security_code", ["7 1 4"]),
    ]


def test_a_security_number_after_a_named_expiry_is_the_cards_code_not_another_expiry() -> None:
    text = "Go ahead, 4000 0566 5566 5556. Expires ten twenty nine. Security number triple three."
    assert ("card_security_code", ["triple three"]) in _found(_segments(("customer", text)))


def test_digits_named_as_on_the_back_after_them_are_the_security_code() -> None:
    segments = _segments(
        ("agent", "And the expiry on that Visa?"),
        ("customer", "Ten twenty nine, and it's four oh eight on the back."),
    )
    assert ("card_security_code", ["four oh eight"]) in _found(segments)
    # With no card in the call, a number on the back of something else is not a card's code.
    assert (
        _found(_segments(("customer", "It's 408 on the back of the parcel.")), (EntityType.CARD_SECURITY_CODE,)) == []
    )


def test_a_birth_date_keeps_the_the_it_was_said_with() -> None:
    segments = _segments(("agent", "And your date of birth?"), ("customer", "the twenty first of May sixty one"))
    assert _found(segments) == [("date_of_birth", ["the twenty first of May sixty one"])]


def test_the_last_group_of_a_phone_number_said_again_at_once_is_the_number() -> None:
    found = _found(_segments(("customer", "my mobile is 07700 900 354, no sorry, 345")), (EntityType.PHONE_NUMBER,))
    assert [text for _, spans in found for text in spans] == ["07700 900 354", "345"]
    # A new number after "sorry" that is not as long as the last group is not taken for it.
    found = _found(_segments(("customer", "my mobile is 07700 900 354, sorry, 12 of them")), (EntityType.PHONE_NUMBER,))
    assert [text for _, spans in found for text in spans] == ["07700 900 354"]


def test_a_time_after_at_is_no_birth_date_even_after_one_was_asked() -> None:
    segments = _segments(
        ("agent", "What's your surname and when were you born?"),
        ("customer", "Mbeki, second of June 1990."),
        ("agent", "Thanks, you're booked for Friday the fifth at eleven twenty."),
    )
    assert [spans for kind, spans in _found(segments) if kind == "date_of_birth"] == [["second of June 1990"]]


@pytest.mark.parametrize(
    "text, names",
    [
        ("Could you put me through to Dr Okonjo-Ilesanmi, please?", ["Dr Okonjo-Ilesanmi"]),
        ("Please let Miss Thornbury know I rang.", ["Miss Thornbury"]),
        ("I'd like a word with Mx. Achterberg about the invoice.", ["Mx. Achterberg"]),
        ("Pass it on to Mrs Delacroix-Whitlow when she's back.", ["Mrs Delacroix-Whitlow"]),
        # a word that goes on in lower case after its hyphen is no surname
        ("You could speak to Mr. Fix-it, our handyman service.", []),
    ],
)
def test_a_title_is_part_of_the_name_it_comes_before(text: str, names: list[str]) -> None:
    assert _names(_segments(("customer", text))) == names


@pytest.mark.parametrize(
    "text, names",
    [
        ("morning youre through to bronagh in lettings what can i do for you", ["bronagh"]),
        ("hiya you're through to tadeusz on the claims line", ["tadeusz"]),
        ("you are speaking to dariusz, how can i help", ["dariusz"]),
        # a team, not a person
        ("hi you are through to renewals on the main line how can i help", []),
        ("you've been put through to billing in leeds", []),
        ("you're through to the claims team how can i help", []),
    ],
)
def test_the_agents_own_name_as_the_call_is_put_through_in_lower_case(text: str, names: list[str]) -> None:
    assert _names(_segments(("agent", text))) == names


@pytest.mark.parametrize(
    "text, names",
    [
        ("its in my husbands name, tomasz wieczorek", ["tomasz wieczorek"]),
        ("the policy's in my dad's name, eoghan mac giolla-phádraig", ["eoghan mac giolla-phádraig"]),
        ("The card is in my wife's name, Anjali Raghunathan.", ["Anjali Raghunathan"]),
        # no name after it, or a word that says more of it
        ("the account's in my name", []),
        ("the account is in my name, obviously", []),
        ("it's in my mum's name, please hold", []),
        ("It is in my name, thanks.", []),
    ],
)
def test_a_name_given_as_whose_name_an_account_is_in(text: str, names: list[str]) -> None:
    assert _names(_segments(("customer", text))) == names


@pytest.mark.parametrize(
    "text, names",
    [
        ("it will be sunita picking it up on saturday", ["sunita"]),
        ("That will be Declan Foyle signing for it.", ["Declan Foyle"]),
        ("It'll be Oluwaseun who'll be collecting, he has the code.", ["Oluwaseun"]),
        # when, how or which business: not who
        ("it'll be Monday collecting it, not before", []),
        ("it'll be monday collecting it", []),
        ("it'll be my son collecting it", []),
        ("It will be Royal Mail collecting it from the door.", []),
        ("it would be easier booking online", []),
        ("It'll be PayPal taking the payment.", []),
        ("It'll be Easter coming up by then.", []),
    ],
)
def test_a_name_said_as_who_will_do_something(text: str, names: list[str]) -> None:
    assert _names(_segments(("customer", text))) == names


@pytest.mark.parametrize(
    "turns, names",
    [
        # the surname, then the whole name, in an answer to who is speaking
        ((("agent", "Can I take your name?"), ("customer", "its van der berg, anneke van der berg")),
         ["van der berg", "anneke van der berg"]),
        # a name learned in lower case, said again capitalised
        ((("agent", "Who's calling, please?"), ("customer", "it's ferreira, joana ferreira"),
          ("agent", "Lovely, and your postcode, Joana?")),
         ["ferreira", "joana ferreira", "Joana"]),
        ((("customer", "hi this is tamsin calling about my order"), ("agent", "No problem, Tamsin, one moment.")),
         ["tamsin", "Tamsin"]),
        # a learned name that is also a word, said as the word; a surname's particle said as a word
        ((("customer", "hi this is will calling about my bill"), ("agent", "Will that be by card?")), ["will"]),
        ((("agent", "Can I take your name?"), ("customer", "its van der berg, anneke van der berg"),
          ("agent", "Thanks. And is the Van insured too?")),
         ["van der berg", "anneke van der berg"]),
    ],
)  # fmt: skip
def test_a_name_learned_in_the_call_in_lower_case_said_again(
    turns: tuple[tuple[str, str], ...], names: list[str]
) -> None:
    assert _names(_segments(*turns)) == names


@pytest.mark.parametrize(
    "text, found",
    [
        ("yes, it's k for kilo, e for echo, n for november, dot o'neill at gmail dot com",
         [("email", ["k for kilo, e for echo, n for november, dot o'neill at gmail dot com"])]),
        ("Sure, p as in peter, j as in john, at outlook dot ie",
         [("email", ["p as in peter, j as in john, at outlook dot ie"])]),
        ("My email is chen underscore yu at one two six dot com.",
         [("email", ["chen underscore yu at one two six dot com"])]),
        ("It's d'souza dot raj at yahoo dot co dot uk", [("email", ["d'souza dot raj at yahoo dot co dot uk"])]),
        # letters for words with no mailbox after them, and a time said after "at"
        ("A for effort, B for boldness, that's my motto.", []),
        ("I'll call back at one thirty.", []),
    ],
)  # fmt: skip
def test_an_email_spelled_with_a_word_for_each_letter_or_with_digits_in_its_domain(
    text: str, found: list[object]
) -> None:
    assert _found(_segments(("customer", text)), (EntityType.EMAIL,)) == found


@pytest.mark.parametrize(
    "first, found",
    [
        ("it's my initials and the year I was born, so jk.walsh72", [["jk.walsh72"], ["at gmail dot co dot uk"]]),
        ("it's my first name and a number, so priya_88", [["priya_88"], ["at gmail dot co dot uk"]]),
        # not a mailbox's name: a plain word, a time
        ("I was at the shop", []),
        ("I phoned them at 3pm", []),
    ],
)
def test_a_mailbox_name_ending_a_turn_and_its_domain_after_a_backchannel(first: str, found: list[object]) -> None:
    segments = _segments(("customer", first), ("agent", "Okay."), ("customer", "at gmail dot co dot uk"))
    assert [spans for _, spans in _found(segments, (EntityType.EMAIL,))] == found


@pytest.mark.parametrize(
    "text, found",
    [
        ("My sort code's 30 92 14, account 11290037.", [["30 92 14"], ["11290037"]]),
        ("Sort code is 04-00-75.", [["04-00-75"]]),
        ("The reference on the bill is TR 40 19 7M.", [["TR 40 19 7M"]]),
        ("My reference is 5521 0983.", [["5521 0983"]]),
        # a reference given to the caller; a code no account is in
        ("Your reference number is 55210, keep it handy.", [["55210"]]),
        ("The discount code is 30 92 14.", []),
    ],
)
def test_a_sort_code_and_a_reference_on_the_callers_own_letter_are_account_numbers(
    text: str, found: list[list[str]]
) -> None:
    assert [spans for _, spans in _found(_segments(("customer", text)), (EntityType.ACCOUNT_NUMBER,))] == found


@pytest.mark.parametrize(
    "read_back, found",
    [
        (
            "Let me read that back: P Q L, double two, seven, four, one, W?",
            [["P Q L, double two, seven, four, one, W"]],
        ),
        ("Just to confirm, that's M R, triple four, nine, zero, six, K.", [["M R, triple four, nine, zero, six, K"]]),
        # short, like a postcode; said without a read-back
        ("So that's S W 1 A, 2 A A?", []),
        ("We had B B, double two, seven, four, one, W on the form.", []),
    ],
)
def test_a_long_id_of_letters_and_digits_read_back_to_be_confirmed_is_an_account_number(
    read_back: str, found: list[list[str]]
) -> None:
    segments = _segments(("agent", read_back), ("customer", "Yes, that's it."))
    assert [spans for _, spans in _found(segments, (EntityType.ACCOUNT_NUMBER,))] == found


@pytest.mark.parametrize(
    "text, found",
    [
        ("It's suite nine oh two, forty one Queen Street, Ottawa, K1P 5N2.",
         [["suite nine oh two, forty one Queen Street, Ottawa, K1P 5N2"]]),
        ("Post it to 7 Chemin Sainte-Foy, apt 12, Quebec, G1R 1T1 please.",
         [["7 Chemin Sainte-Foy, apt 12, Quebec, G1R 1T1"]]),
        ("Deliver to Flat 3, Orchard Court, Bristol, BS8 4QT.", [["Flat 3, Orchard Court, Bristol, BS8 4QT"]]),
        # the business's own place
        ("Please post the part to our repair center, Unit 6, Lakeside Business Park, Leeds, LS10 1PZ.", []),
    ],
)  # fmt: skip
def test_an_address_with_its_unit_said_in_words_before_or_after_the_street_ends_with_its_postcode(
    text: str, found: list[list[str]]
) -> None:
    assert [spans for _, spans in _found(_segments(("customer", text)), (EntityType.ADDRESS,))] == found


@pytest.mark.parametrize(
    "answer, found",
    [
        ("Twelve oh three seventy nine, and 8 Mill Cottages.",
         [("date_of_birth", ["Twelve oh three seventy nine"]), ("address", ["8 Mill Cottages"])]),
        ("Oh two eleven ninety, and 14 Station Villas.",
         [("date_of_birth", ["Oh two eleven ninety"]), ("address", ["14 Station Villas"])]),
    ],
)  # fmt: skip
def test_a_date_said_in_words_before_a_row_of_cottages_is_the_date_and_the_cottages_the_address(
    answer: str, found: list[object]
) -> None:
    segments = _segments(
        ("agent", "Can I take your date of birth and the first line of the address?"), ("customer", answer)
    )
    assert _found(segments) == found


def test_cottages_without_a_number_are_not_an_address() -> None:
    assert _found(_segments(("customer", "We stayed in the Glebe Cottages last summer."))) == []


@pytest.mark.parametrize(
    "rest, found",
    [
        ("unit 7C, Boise, Idaho, 83702.", [["2210 Aspen Ridge Road"], ["unit 7C, Boise, Idaho, 83702"]]),
        ("Apartment twelve, Spokane, Washington 99201",
         [["2210 Aspen Ridge Road"], ["Apartment twelve, Spokane, Washington 99201"]]),
        # not the rest of the address: a flat mentioned with a count of things
        ("Flat 2 has 3 bedrooms.", [["2210 Aspen Ridge Road"]]),
    ],
)  # fmt: skip
def test_the_rest_of_an_address_after_a_backchannel_may_start_with_its_unit(rest: str, found: list[object]) -> None:
    segments = _segments(("customer", "2210 Aspen Ridge Road"), ("agent", "Mm-hmm."), ("customer", rest))
    assert [spans for _, spans in _found(segments, (EntityType.ADDRESS,))] == found


@pytest.mark.parametrize(
    "text, found",
    [
        ("we're at thirty two ninety elm court, sorry, thirty two nineteen",
         [["thirty two ninety elm court"], ["thirty two nineteen"]]),
        ("It's 58 Carlton Avenue, no, 85.", [["58 Carlton Avenue"], ["85"]]),
        # what follows the "sorry" is not a house number on its own
        ("It's 58 Carlton Avenue, sorry, 5 minutes from the station.", [["58 Carlton Avenue"]]),
    ],
)  # fmt: skip
def test_a_house_number_corrected_right_after_the_address_is_part_of_it(text: str, found: list[object]) -> None:
    assert [spans for _, spans in _found(_segments(("customer", text)), (EntityType.ADDRESS,))] == found


@pytest.mark.parametrize(
    "text, found",
    [
        ("No house number, it's Carrowkeel, Sligo Road, Ballymote, County Sligo, and the eircode is F56 K2P9.",
         [["Carrowkeel, Sligo Road, Ballymote, County Sligo"], ["F56 K2P9"]]),
        ("Drumcliffe, Church Lane, Kells, Co. Meath.", [["Drumcliffe, Church Lane, Kells, Co. Meath"]]),
        ("The postcode's NE3 4RT if that helps.", [["NE3 4RT"]]),
        # no county or house word: a list of places; a code that is not a postcode
        ("Paris, Main Street, Dublin, all lovely places.", []),
        ("The postcode box is empty.", []),
    ],
)  # fmt: skip
def test_a_house_known_by_its_townland_and_county_and_a_postcode_named_are_the_address(
    text: str, found: list[object]
) -> None:
    assert [spans for _, spans in _found(_segments(("customer", text)), (EntityType.ADDRESS,))] == found


@pytest.mark.parametrize(
    "turns, expected",
    [
        # a phone number named by asking to be called on it
        ((("customer", "Ring me back on 97654 32108 after six."),), [("phone_number", ["97654 32108"])]),
        # a consumer or client number asked for
        (
            (("agent", "And your client number?"), ("customer", "It's 2 0 4 4 8 1 9 3 7 7.")),
            [("account_number", ["2 0 4 4 8 1 9 3 7 7"])],
        ),
        # two things asked together, the answer naming which it gives first
        (
            (
                ("agent", "Your policy number and date of birth?"),
                ("customer", "Policy's 7 7 1 0 4 9 3 2, and birthday 12/03/68."),
            ),
            [("account_number", ["7 7 1 0 4 9 3 2"]), ("date_of_birth", ["12/03/68"])],
        ),
        # the last four of a phone, named as its ending, after a ZIP asked for with it
        (
            (("agent", "Zip code and the last four of your phone?"), ("customer", "Zip is 60614, phone ends 3307.")),
            [("address", ["60614"]), ("phone_number", ["3307"])],
        ),
    ],
)  # fmt: skip
def test_numbers_named_by_how_they_are_asked_for_or_answered(
    turns: tuple[tuple[str, str], ...], expected: list[tuple[str, list[str]]]
) -> None:
    assert _found(_segments(*turns)) == expected


def test_eight_digits_that_hold_no_day_and_month_are_no_birth_date() -> None:
    segments = _segments(
        ("agent", "And your date of birth?"), ("customer", "Hang on, it's 6 4 9 9 2 0 7 1, no, sorry.")
    )
    assert _found(segments, (EntityType.DATE_OF_BIRTH,)) == []
    segments = _segments(("agent", "And your date of birth?"), ("customer", "Oh two oh nine seventy one."))
    assert _found(segments, (EntityType.DATE_OF_BIRTH,)) == [("date_of_birth", ["Oh two oh nine seventy one"])]


def test_an_ending_corrected_when_asked_about_or_a_short_group_said_again_is_the_same_number() -> None:
    segments = _segments(
        ("agent", "What's the best number?"),
        ("customer", "Oh four one two, five five three, eight one oh."),
        ("agent", "Was that eight one oh at the end?"),
        ("customer", "Eight one one, sorry."),
    )
    assert [spans for kind, spans in _found(segments) if kind == "phone_number"][-1] == ["Eight one one"]
    segments = _segments(("agent", "Your member number?"), ("customer", "It's 4 4 9, 2 0 7, 6 1. Sorry, 6 8."))
    assert [text for _, spans in _found(segments) for text in spans] == ["4 4 9, 2 0 7, 6 1", "6 8"]


@pytest.mark.parametrize(
    "turns, names",
    [
        # an Irish particle with no word of its own; the first name said again
        ((("agent", "Name of the account holder?"), ("customer", "Tadhg Ó Súilleabháin."),
          ("agent", "Thanks, is that Tadhg with a G at the end?")),
         [["Tadhg Ó Súilleabháin"], ["Tadhg"]]),
        ((("agent", "Full name and the date you were born?"),
          ("customer", "Nomvula Dlamini, third of March nineteen ninety.")),
         [["Nomvula Dlamini"]]),
        ((("customer", "Can I speak to Mr. Van den Heever please?"),), [["Mr. Van den Heever"]]),
        ((("customer", "It's in the name of Lucía de la Fuente."),), [["Lucía de la Fuente"]]),
        # the name of a street or of a company is no person's; a word after a name is no particle
        ((("agent", "Name of the street?"), ("customer", "Dunmore Avenue.")), []),
        ((("agent", "Name of the company?"), ("customer", "Bluewave Digital.")), []),
        ((("customer", "I spoke to Ronan in Galway last week."),), [["Ronan"]]),
    ],
)  # fmt: skip
def test_names_with_particles_and_accents_asked_for_by_whose_they_are(
    turns: tuple[tuple[str, str], ...], names: list[list[str]]
) -> None:
    assert [spans for _, spans in _found(_segments(*turns), (EntityType.PERSON_NAME,))] == names


@pytest.mark.parametrize(
    "text, names",
    [
        # said to whom one asks, after what is asked for
        ("And your date of birth, Tavita?", [["Tavita"]]),
        ("Can I take the postcode, Ngozi?", [["Ngozi"]]),
        # someone named, then what of theirs follows
        ("Sure, Lwazi, his mobile is on the form.", [["Lwazi"]]),
        ("My neighbour. Akosua Mensah, her email is on file.", [["Akosua Mensah"]]),
        # whose own number or birthday it is
        ("And the date of birth for Mereana?", [["Mereana"]]),
        ("What's the NHS number for Callum Reid?", [["Callum Reid"]]),
        # a place, a month, a day or a company there is none
        ("And ship it to the same depot, Tulsa Central, Tulsa?", []),
        ("Is your birthday in the spring, May?", []),
        ("Is the delivery on the same day, Tuesday?", []),
        ("Is that your debit card, Visa?", []),
        ("Vodafone, their number is on the bill.", []),
        ("What's the account number for Vodafone Business?", []),
    ],
)  # fmt: skip
def test_a_name_said_to_whom_one_asks_or_as_whose_a_number_is(text: str, names: list[list[str]]) -> None:
    assert [spans for _, spans in _found(_segments(("agent", text)), (EntityType.PERSON_NAME,))] == names


@pytest.mark.parametrize(
    "answer, names",
    [
        ("It's m dot okonkwo underscore 7 at yahoo dot com, people often misspell Okonkwo.", [["Okonkwo"]]),
        ("s dash whitfield at outlook dot com, and that's Whitfield like the town.", [["Whitfield"]]),
        # the words read between the mailbox's words, and a role's mailbox, are no names
        ("info dot sales at harbourtech dot com. Dot is the word, then Sales.", []),
    ],
)  # fmt: skip
def test_the_words_of_an_email_read_aloud_name_its_owner_where_said_again(answer: str, names: list[list[str]]) -> None:
    segments = _segments(("agent", "What email should we use?"), ("customer", answer))
    assert [spans for _, spans in _found(segments, (EntityType.PERSON_NAME,))] == names


@pytest.mark.parametrize(
    "turns, names",
    [
        ((("customer", "My name's Siobhan McCarthy."), ("agent", "Is that M C C A R T H Y?")),
         [["Siobhan McCarthy"], ["M C C A R T H Y"]]),
        ((("customer", "It's liam dot o'halloran at gmail dot com."),
          ("agent", "Lovely, O apostrophe H A double L O R A N?")),
         [["O apostrophe H A double L O R A N"]]),
        # letters of no name found, three letters that are also a code's, letters of an e-mail read back
        ((("customer", "My name's Siobhan McCarthy."), ("agent", "And the code is B T X R, right?")),
         [["Siobhan McCarthy"]]),
        ((("customer", "This is Joanna Lee calling."), ("agent", "The reference is L double E four four.")),
         [["Joanna Lee"]]),
        ((("customer", "It's t dot kowalczyk at wp dot pl."),
          ("agent", "T dot K-O-W-A-L-C-Z-Y-K at wp dot pl?")),
         []),
    ],
)  # fmt: skip
def test_a_name_found_once_is_known_where_it_is_spelled_back_letter_by_letter(
    turns: tuple[tuple[str, str], ...], names: list[list[str]]
) -> None:
    assert [spans for _, spans in _found(_segments(*turns), (EntityType.PERSON_NAME,))] == names


@pytest.mark.parametrize(
    "question, reply, names",
    [
        ("And is the tenant still Mrs. Oyelaran?", "Yes, Folake.", [["Mrs. Oyelaran"], ["Folake"]]),
        ("Am I right the carer is Dr. Whitlock?", "That's right, Imogen.", [["Dr. Whitlock"], ["Imogen"]]),
        # a question about no one named; a day, a month or a company said with the yes
        ("Is that a credit card?", "Yes, Mastercard.", []),
        ("And Mrs. Oyelaran is coming in?", "Yeah, Tuesday.", [["Mrs. Oyelaran"]]),
        ("Is the appointment with Dr. Whitlock?", "Yes, March.", [["Dr. Whitlock"]]),
        ("Did Mr. Ashby send it by post?", "Yes, Express.", [["Mr. Ashby"]]),
    ],
)  # fmt: skip
def test_a_name_said_with_a_yes_to_a_question_about_someone_named_is_another_of_their_names(
    question: str, reply: str, names: list[list[str]]
) -> None:
    segments = _segments(("agent", question), ("customer", reply))
    assert [spans for _, spans in _found(segments, (EntityType.PERSON_NAME,))] == names


@pytest.mark.parametrize(
    "question, answer, found",
    [
        ("What's your postcode?", "It's M, K, nine, three, R, T.", [["M, K, nine, three, R, T"]]),
        ("Postcode, please?", "SW1A, 2 A A.", [["SW1A, 2 A A"]]),
        ("And the postal code?", "K, 1 A, 0 B 1.", [["K, 1 A, 0 B 1"]]),
        ("And the Eircode?", "Um, T12, X 7 P 3.", [["T12, X 7 P 3"]]),
        # letters and digits that are no postcode's
        ("What's your postcode?", "I'd have to ask B, T or whoever.", []),
        ("What's your postcode?", "Sorry, one two three four.", []),
    ],
)  # fmt: skip
def test_a_postcode_said_in_pieces_answering_for_it_is_the_address(
    question: str, answer: str, found: list[object]
) -> None:
    segments = _segments(("agent", question), ("customer", answer))
    assert [spans for _, spans in _found(segments, (EntityType.ADDRESS,))] == found


def test_letters_and_digits_said_without_a_postcode_asked_are_no_address() -> None:
    segments = _segments(("agent", "What's the code on the box?"), ("customer", "It's B T seven one N X."))
    assert _found(segments, (EntityType.ADDRESS,)) == []


@pytest.mark.parametrize(
    "read_back, found",
    [
        ("G41 2AB, lovely, thanks.", [["G, four, one, two, A, B"], ["G41 2AB"]]),
        ("So that's G, 4 1, 2 A B?", [["G, four, one, two, A, B"], ["G, 4 1, 2 A B"]]),
    ],
)  # fmt: skip
def test_a_postcode_read_back_after_it_was_given_is_the_address_too(read_back: str, found: list[object]) -> None:
    segments = _segments(
        ("agent", "And your postcode?"), ("customer", "G, four, one, two, A, B."), ("agent", read_back)
    )
    assert [spans for _, spans in _found(segments, (EntityType.ADDRESS,))] == found


def test_a_postcode_shaped_code_with_no_postcode_talked_about_is_no_address() -> None:
    segments = _segments(("agent", "Your voucher is AB1 2CD, and it's valid for a month."), ("customer", "Great."))
    assert _found(segments, (EntityType.ADDRESS,)) == []


@pytest.mark.parametrize(
    "question, answer, found",
    [
        ("Great, and what's the door number?", "Seventy two.", [["Seventy two"]]),
        ("And the house number?", "It's 9A.", [["9A"]]),
        ("Which flat number is it?", "Um, fourteen.", [["fourteen"]]),
        # not a number alone, or no house number asked for
        ("And the house number?", "I'm not sure, hang on.", []),
        ("How many people live in the house?", "Three.", []),
    ],
)  # fmt: skip
def test_a_number_alone_answering_for_the_house_number_is_the_address(
    question: str, answer: str, found: list[object]
) -> None:
    segments = _segments(("agent", question), ("customer", answer))
    assert [spans for _, spans in _found(segments, (EntityType.ADDRESS,))] == found


@pytest.mark.parametrize(
    "text, found",
    [
        ("It's 22 Leinster Road, Rathmines, Dublin 8.", [["22 Leinster Road, Rathmines, Dublin 8"]]),
        ("4 Quay Street, Galway 2, thanks.", [["4 Quay Street, Galway 2"]]),
        # a number with words after it is no district: "3 years ago"
        ("We left 5 Oak Road, Leeds 3 years ago.", [["5 Oak Road, Leeds"]]),
    ],
)  # fmt: skip
def test_a_citys_postal_district_ends_the_address(text: str, found: list[object]) -> None:
    segments = _segments(("agent", "And the address?"), ("customer", text))
    assert [spans for _, spans in _found(segments, (EntityType.ADDRESS,))] == found


@pytest.mark.parametrize(
    "question, answer, found",
    [
        ("Shipping address?", "Door No. 12-3-456, Banjara Hills, Hyderabad, 500034.",
         [["Door No. 12-3-456, Banjara Hills, Hyderabad, 500034"]]),
        ("And your address, please?", "House number 7, second main, Jayanagar, Bengaluru 560011.",
         [["House number 7, second main, Jayanagar, Bengaluru 560011"]]),
        # a house number named without an address asked for
        ("Anything else?", "Their house number 12 was painted blue, second time this year.", []),
    ],
)  # fmt: skip
def test_a_house_number_named_before_the_road_and_area_starts_the_address(
    question: str, answer: str, found: list[object]
) -> None:
    segments = _segments(("agent", question), ("customer", answer))
    assert [spans for _, spans in _found(segments, (EntityType.ADDRESS,))] == found


@pytest.mark.parametrize(
    "correction, found",
    [
        ("Sorry, three oh one one seven.", [["30171"], ["three oh one one seven"]]),
        ("No wait, 30117.", [["30171"], ["30117"]]),
        # not five digits alone, or no correction
        ("Sorry, 3 of us live here.", [["30171"]]),
        ("30117.", [["30171"]]),
    ],
)  # fmt: skip
def test_a_zip_code_given_again_as_a_correction_is_the_address(correction: str, found: list[object]) -> None:
    segments = _segments(
        ("agent", "What's the ZIP code there?"),
        ("customer", "30171."),
        ("agent", "Okay, let me just pull that up for you."),
        ("customer", correction),
    )
    assert [spans for _, spans in _found(segments, (EntityType.ADDRESS,))] == found


def test_five_digits_corrected_after_another_number_was_asked_for_are_not_the_zip_code() -> None:
    segments = _segments(
        ("agent", "What's the ZIP code there?"),
        ("customer", "30171."),
        ("agent", "And the member number, please?"),
        ("customer", "Sorry, 4 4 1 2 7."),
    )
    assert _found(segments, (EntityType.ADDRESS,)) == [("address", ["30171"])]


@pytest.mark.parametrize(
    "turns, found",
    [
        ((("agent", "You can post it to our returns centre, 14 Canal Street, Manchester."),
          ("customer", "14 Canal Street, got it.")), []),
        ((("agent", "Our support line is 0161 496 0000."), ("customer", "0161 496 0000, thanks.")), []),
        # the caller's own address said after the business's is still theirs
        ((("agent", "You can post it to our returns centre, 14 Canal Street, Manchester."),
          ("customer", "Okay, and mine is 9 Mill Lane, Salford.")), [("address", ["9 Mill Lane, Salford"])]),
    ],
)  # fmt: skip
def test_a_business_address_or_number_said_again_by_the_caller_is_still_the_business(
    turns: tuple[tuple[str, str], ...], found: list[object]
) -> None:
    assert _found(_segments(*turns), (EntityType.ADDRESS, EntityType.PHONE_NUMBER)) == found


@pytest.mark.parametrize(
    "question, found",
    [
        ("What's the address for the Leeds branch?", []),
        ("And the number of the city centre office?", []),
        # the caller's own address asked for
        ("What's the address for your account?", [("address", ["Unit 4, 20 Kirkgate, Leeds"])]),
    ],
)  # fmt: skip
def test_a_business_place_named_by_where_it_is_asked_for_gives_the_business_address(
    question: str, found: list[object]
) -> None:
    segments = _segments(("customer", question), ("agent", "It's Unit 4, 20 Kirkgate, Leeds."))
    assert _found(segments, (EntityType.ADDRESS,)) == found


@pytest.mark.parametrize(
    "answer, found",
    [
        ("My husband's, he handles the bills. It's tom dot reyes at orange dot fr.",
         [["tom dot reyes at orange dot fr"]]),
        ("Not mine, no. Use ana dot silva at sapo dot pt.", [["ana dot silva at sapo dot pt"]]),
        ("Ours is shared, the whole family uses it. It's kowhai dot whanau at xtra dot co dot nz.",
         [["kowhai dot whanau at xtra dot co dot nz"]]),
        # a sentence's full stop before "It" is no ".it" ending
        ("I left that with my daughter. It should be fine.", []),
    ],
)  # fmt: skip
def test_an_answered_email_starts_in_the_sentence_that_says_it(answer: str, found: list[object]) -> None:
    segments = _segments(("agent", "Which email should the invoices go to?"), ("customer", answer))
    assert [spans for _, spans in _found(segments, (EntityType.EMAIL,))] == found


@pytest.mark.parametrize(
    "read_back, found",
    [
        ("So M O dot O-K-A-F-O-R, two two, at yahoo?", [["mo dot okafor twenty two at yahoo dot com"],
                                                    ["M O dot O-K-A-F-O-R, two two, at yahoo"]]),
        ("That's mo.okafor22@yahoo, yes?", [["mo dot okafor twenty two at yahoo dot com"], ["mo.okafor22@yahoo"]]),
        # another mailbox's name, or not an address at all
        ("And that's at yahoo, right?", [["mo dot okafor twenty two at yahoo dot com"]]),
        ("So M O dot O-K-A-F-O-R at hotmail?", [["mo dot okafor twenty two at yahoo dot com"]]),
    ],
)  # fmt: skip
def test_an_email_read_back_without_its_ending_is_the_email(read_back: str, found: list[object]) -> None:
    segments = _segments(
        ("agent", "What's the best email for you?"),
        ("customer", "It's mo dot okafor twenty two at yahoo dot com."),
        ("agent", read_back),
    )
    assert [spans for _, spans in _found(segments, (EntityType.EMAIL,))] == found


@pytest.mark.parametrize(
    "turns, found",
    [
        ((("agent", "Could you confirm the booking reference?"), ("customer", "Yes, H, W, four, two, L, eight.")),
         [("account_number", ["H, W, four, two, L, eight"])]),
        ((("agent", "What's the order reference on that one?"), ("customer", "It's 7 7 3 K M 2.")),
         [("account_number", ["7 7 3 K M 2"])]),
        # given by the agent, as the caller's; or no reference read
        ((("agent", "Your booking reference is H W 4 2 L 8, keep it handy."), ("customer", "Thanks.")),
         [("account_number", ["H W 4 2 L 8"])]),
        ((("agent", "Could you confirm the booking reference?"), ("customer", "It's on page 4, I think.")), []),
    ],
)  # fmt: skip
def test_a_reference_asked_for_by_what_it_references_is_the_account_number(
    turns: tuple[tuple[str, str], ...], found: list[object]
) -> None:
    assert _found(_segments(*turns), (EntityType.ACCOUNT_NUMBER,)) == found


@pytest.mark.parametrize(
    "text",
    ["Two , five , nine , at gmail .com", "It's , , okay.", "Mm , yeah"],
)
def test_a_comma_written_on_its_own_breaks_no_detection(text: str) -> None:
    segments = _segments(("agent", "And the email?"), ("customer", text))
    assert isinstance(_found(segments), list)


@pytest.mark.parametrize(
    "turns, expected",
    [
        # a card named by its last four, once a card is talked about
        (
            (("agent", "Shall I put it on the Visa ending 3391?"), ("customer", "Yes please.")),
            [("card_number", ["3391"])],
        ),
        # four digits after "ending" with no card in the call are not a card
        ((("agent", "Your reference ending 3391 is closed now."),), []),
        # a person's tax file number is Australia's national id: an account number, not a US social security number
        (
            (("agent", "What's your tax file number?"), ("customer", "It's 4 1 7, 3 3 8, 9 0 2.")),
            [("account_number", ["4 1 7, 3 3 8, 9 0 2"])],
        ),
        # an expiry given before the code was asked for is no expiry asked together with it
        (
            (
                ("agent", "I have the card as 4000 0566 5566 5556, expiry 03/28."),
                ("customer", "Yes."),
                ("agent", "And the security code?"),
                ("customer", "Five one seven."),
            ),
            [
                ("card_number", ["4000 0566 5566 5556"]),
                ("card_expiry", ["03/28"]),
                ("card_security_code", ["Five one seven"]),
            ],
        ),
        # a British mobile by its shape, though its range is not yet in use
        ((("customer", "she rang me from 07911 604 281 last night"),), [("phone_number", ["07911 604 281"])]),
    ],
)  # fmt: skip
def test_card_endings_tax_file_numbers_codes_asked_apart_and_british_mobiles(
    turns: tuple[tuple[str, str], ...], expected: list[tuple[str, list[str]]]
) -> None:
    assert _found(_segments(*turns)) == expected


def test_a_birth_date_asked_again_for_the_caller_is_theirs() -> None:
    segments = _segments(
        ("agent", "Is the date of birth the ninth of June seventy?"),
        ("customer", "That's my wife's. Mine's different."),
        ("agent", "Okay, and for you?"),
        ("customer", "Fourth of October, sixty eight."),
    )
    assert ("date_of_birth", ["Fourth of October, sixty eight"]) in _found(segments)


def test_a_number_begun_broken_off_and_said_whole_is_the_kind_named_before_it() -> None:
    segments = _segments(
        ("customer", "right my social is six one two"),
        ("agent", "go on"),
        ("customer", "sorry the kids are shouting, hang on"),
        ("agent", "no rush"),
        ("customer", "okay six one two four four eight nine one three"),
    )
    assert _found(segments) == [("ssn", ["six one two"]), ("ssn", ["six one two four four eight nine one three"])]
    # Digits said again that do not begin the same are not taken for it; the digits begun are its first part still.
    segments = _segments(
        ("customer", "my social is six one two"),
        ("agent", "go on"),
        ("customer", "the kids are six and four, and the house is 9 rooms"),
    )
    assert _found(segments, (EntityType.SSN,)) == [("ssn", ["six one two"])]


def test_a_written_social_after_a_corrected_group_is_whole() -> None:
    segments = _segments(
        ("agent", "And your social?"),
        ("customer", "It's 6 0 1, 2 2, 8 4 1 9."),
        ("agent", "601-22-8419?"),
        ("customer", "No wait, I said 2 2, it's 2 3. 601-23-8419."),
    )
    assert ("ssn", ["601-23-8419"]) in _found(segments)


@pytest.mark.parametrize(
    "text, names",
    [
        ("so my son jamal he's not well again", [["jamal"]]),
        ("i'm ringing for my lodger femi adeyemi he can't read english", [["femi adeyemi"]]),
        ("it's about my nan, dorothy pike", [["dorothy pike"]]),
        ("we want to add my husband to it his name is rangi parata", [["rangi parata"]]),
        # what is said of the relative, or whose something is, is no name
        ("my daughter's school sent a letter", []),
        ("my husband works nights so he can't", []),
        ("my son moved to bristol last year", []),
        ("my wife usually sorts it out", []),
        ("my brother tomorrow maybe", []),
        ("my neighbour in tesco she's lovely", []),
        ("her name was on the letter", []),
    ],
)  # fmt: skip
def test_a_relative_named_in_lower_case_after_who_they_are_is_a_name(text: str, names: list[object]) -> None:
    segments = _segments(("agent", "okay how can i help"), ("customer", text))
    assert [spans for _, spans in _found(segments, (EntityType.PERSON_NAME,))] == names


@pytest.mark.parametrize(
    "text, names",
    [
        ("It's about my aunt's pension, her name was Philippa Sowerby.", [["Philippa Sowerby"]]),
        ("His name was Desmond, he passed in May.", [["Desmond"]]),
        ("The name was wrong on the letter.", []),
    ],
)  # fmt: skip
def test_a_name_told_in_the_past_is_a_name(text: str, names: list[object]) -> None:
    segments = _segments(("agent", "How can I help?"), ("customer", text))
    assert [spans for _, spans in _found(segments, (EntityType.PERSON_NAME,))] == names


@pytest.mark.parametrize(
    "turns, names",
    [
        ((("agent", "And your dad's name?"), ("customer", "Reginald Thorpe. He's ninety next month.")),
         [["Reginald Thorpe"]]),
        ((("agent", "and your landlord's name for the form"), ("customer", "bernadette quigley")),
         [["bernadette quigley"]]),
        ((("agent", "Thanks. And you are?"), ("customer", "Oksana Bilyk, her carer.")), [["Oksana Bilyk"]]),
        ((("agent", "and the lead passenger"), ("customer", "that's me ruairi doyle")), [["ruairi doyle"]]),
        # a place, a product, a day or a company answered is no name
        ((("agent", "And your son's name?"), ("customer", "Sorry, he's in Leeds now.")), []),
        ((("agent", "and the lead passenger"), ("customer", "that's me")), []),
        ((("agent", "And you are?"), ("customer", "Calling from Barclays Bank.")), []),
        ((("agent", "And your daughter's name?"), ("customer", "Monday, I'll call back.")), []),
    ],
)  # fmt: skip
def test_a_name_answering_who_someone_is_is_a_name(turns: tuple[tuple[str, str], ...], names: list[object]) -> None:
    assert [spans for _, spans in _found(_segments(*turns), (EntityType.PERSON_NAME,))] == names


@pytest.mark.parametrize(
    "text, names",
    [
        ("My flatmate Dominika signed for it, she's away now.", [["Dominika"]]),
        ("I spoke to your manager, Tariq I think, last week.", [["Tariq"]]),
        ("Is the order under the name Fenella Marsh?", [["Fenella Marsh"]]),
        ("There's post here for a lady named Rosamund Achebe.", [["Rosamund Achebe"]]),
        # a day, a company, a school or one's own word is no name
        ("My colleague Monday said it was fine.", []),
        ("My landlord, Foxtons Lettings, has the keys.", []),
        ("Someone called British Gas rang me.", []),
        ("Joint, both of us.", []),
        ("My friend's school is closed.", []),
    ],
)  # fmt: skip
def test_someone_named_in_passing_after_who_they_are_is_a_name(text: str, names: list[object]) -> None:
    segments = _segments(("agent", "How can I help?"), ("customer", text))
    assert [spans for _, spans in _found(segments, (EntityType.PERSON_NAME,))] == names


@pytest.mark.parametrize(
    "text, names",
    [
        ("there's a parcel here for somebody called tamsin ogunleye at my door", [["tamsin ogunleye"]]),
        ("you're speaking to ruaridh macleod", [["ruaridh macleod"]]),
        # a team, a company or what one does next is no name
        ("you're speaking to the manager", []),
        ("you're speaking to billing", []),
        ("someone called british gas rang", []),
        ("someone called back yesterday", []),
    ],
)  # fmt: skip
def test_a_lower_case_name_said_after_someone_called_or_speaking_to_is_a_name(text: str, names: list[object]) -> None:
    segments = _segments(("agent", "okay how can i help"), ("customer", text))
    assert [spans for _, spans in _found(segments, (EntityType.PERSON_NAME,))] == names


@pytest.mark.parametrize(
    "asked, names",
    [
        ("and can i get your postcode fionnuala", [["fionnuala okafor"], ["fionnuala"]]),
        ("thanks fionnuala.", [["fionnuala okafor"], ["fionnuala"]]),
        # the name said as a word, not to its owner
        ("so that's with okafor", [["fionnuala okafor"]]),
    ],
)  # fmt: skip
def test_a_lower_case_name_said_last_to_its_owner_is_the_name(asked: str, names: list[object]) -> None:
    segments = _segments(("agent", "who am i speaking with"), ("customer", "it's fionnuala okafor"), ("agent", asked))
    assert [spans for _, spans in _found(segments, (EntityType.PERSON_NAME,))] == names


def test_a_lower_case_name_that_is_a_word_said_last_is_the_word() -> None:
    segments = _segments(
        ("agent", "who am i speaking with"), ("customer", "it's rose patel"), ("agent", "did you see the price rose")
    )
    assert [spans for _, spans in _found(segments, (EntityType.PERSON_NAME,))] == [["rose patel"]]


@pytest.mark.parametrize(
    "text, names",
    [
        ("Let me read that back. Bongani Mthembu, 8 Jacaranda Street, Pretoria.", [["Bongani Mthembu"]]),
        ("Okay: Ilse van der Berg, 31 Harbour Road, Hout Bay.", [["Ilse van der Berg"]]),
        # a house, an estate or a town before the address is no name
        ("Rose Cottage, 12 Mill Lane, Leeds.", []),
        ("Greenfield Park, 8 Ash Close, Derby.", []),
        ("New York, 12 Main Street.", []),
        ("Monday, 12 Main Street.", []),
    ],
)  # fmt: skip
def test_a_full_name_read_out_before_an_address_is_a_name(text: str, names: list[object]) -> None:
    segments = _segments(("agent", text), ("customer", "That's right."))
    assert [spans for _, spans in _found(segments, (EntityType.PERSON_NAME,))] == names


@pytest.mark.parametrize(
    "answer, names",
    [
        ("It's joint, my husband, Kwame and Efua Mensah.", [["Kwame"], ["Efua Mensah"]]),
        ("Lena Vogt and Jonas Vogt.", [["Lena Vogt"], ["Jonas Vogt"]]),
        # a company, a street or a town after "and" is no second person
        ("It's Priti Shah and Barclays Bank.", [["Priti Shah"]]),
        ("It's Priti Shah and Mill Lane.", [["Priti Shah"]]),
        ("It's Priti Shah and New York.", [["Priti Shah"]]),
    ],
)  # fmt: skip
def test_a_second_person_named_with_the_first_is_a_name(answer: str, names: list[object]) -> None:
    segments = _segments(("agent", "And the name on the account?"), ("customer", answer))
    assert [spans for _, spans in _found(segments, (EntityType.PERSON_NAME,))] == names


@pytest.mark.parametrize(
    "answer, names",
    [
        ("It's Dana Holt-Amos, H-O-L-T, hyphen, A-M-O-S.", [["Dana Holt-Amos, H-O-L-T, hyphen, A-M-O-S"]]),
        ("Femi Cole-Ade, C-O-L-E dash A-D-E.", [["Femi Cole-Ade, C-O-L-E dash A-D-E"]]),
    ],
)  # fmt: skip
def test_a_double_barrelled_name_spelled_with_its_hyphen_said_is_the_name(answer: str, names: list[object]) -> None:
    segments = _segments(("agent", "Can I take your full name?"), ("customer", answer))
    assert [spans for _, spans in _found(segments, (EntityType.PERSON_NAME,))] == names


@pytest.mark.parametrize(
    "text, found",
    [
        ("it's 9 mill lane flat 4", [["9 mill lane flat 4"]]),
        ("It's 31 Dean Street, flat 7.", [["31 Dean Street, flat 7"]]),
        # "flat" as a word after the street, not a flat's number
        ("the van got a flat at 9 mill lane flat tyre and all", [["9 mill lane"]]),
    ],
)  # fmt: skip
def test_a_flat_named_after_the_street_is_part_of_the_address(text: str, found: list[object]) -> None:
    segments = _segments(("agent", "What's the address?"), ("customer", text))
    assert [spans for _, spans in _found(segments, (EntityType.ADDRESS,))] == found


@pytest.mark.parametrize(
    "turns, found",
    [
        ((("customer", "and the postcode's bd7 1hq"),), [["bd7 1hq"]]),
        ((("agent", "and your post code"), ("customer", "um it's cf10 3at")), [["cf10 3at"]]),
        ((("agent", "what's the address"), ("customer", "41 moor road ls6 4bp")), [["41 moor road ls6 4bp"]]),
        ((("customer", "the eircode is h91 f2x6"),), [["h91 f2x6"]]),
        # not a postcode asked for or named; an Eircode's shape of words
        ((("agent", "and the reference"), ("customer", "it's ab1 2cd")), []),
        ((("customer", "the eircode is d02 then"),), []),
    ],
)  # fmt: skip
def test_a_postcode_written_in_lower_case_is_the_address(
    turns: tuple[tuple[str, str], ...], found: list[object]
) -> None:
    assert [spans for _, spans in _found(_segments(*turns), (EntityType.ADDRESS,))] == found


@pytest.mark.parametrize(
    "turns, found",
    [
        ((("agent", "Can you read me your Aadhaar?"), ("customer", "Sure, 3 9 7 2 1 4 6 0 8 8 5 1.")),
         [("account_number", ["3 9 7 2 1 4 6 0 8 8 5 1"])]),
        ((("customer", "i lost my debit card but my aadhar is 5 5 2 0 1 9 8 3 4 6 7 0"),),
         [("account_number", ["5 5 2 0 1 9 8 3 4 6 7 0"])]),
        ((("agent", "And your PPS number?"), ("customer", "It's 8 4 3 1 2 0 7.")),
         [("account_number", ["8 4 3 1 2 0 7"])]),
        # a card asked for after the id was talked about is still the card
        ((("customer", "I gave my Aadhaar already."), ("agent", "Fine. And the card number for the fee?"),
          ("customer", "4 5 3 2 0 1 5 1 1 2 8 3 0 3 6 6")),
         [("card_number", ["4 5 3 2 0 1 5 1 1 2 8 3 0 3 6 6"])]),
    ],
)  # fmt: skip
def test_a_national_id_named_as_such_is_the_account_number_not_a_card(
    turns: tuple[tuple[str, str], ...], found: list[object]
) -> None:
    assert _found(_segments(*turns), (EntityType.ACCOUNT_NUMBER, EntityType.CARD_NUMBER)) == found


@pytest.mark.parametrize(
    "turns, found",
    [
        ((("agent", "and the membership number"), ("customer", "it's k t 4 4 1 0 9 2")), [["k t 4 4 1 0 9 2"]]),
        ((("customer", "the account number is x y z 3 0 0 8 1 7"),), [["x y z 3 0 0 8 1 7"]]),
        ((("agent", "Your policy number?"), ("customer", "It's R, then 5 5 1, 2 0 9.")), [["R, then 5 5 1, 2 0 9"]]),
        ((("customer", "Student number is s 3 0 4 7 7 1 9."),), [["s 3 0 4 7 7 1 9"]]),
        # one letter alone in lower case that is a word, or zero, is no letter of it; "then" with no letter before it
        # starts nothing
        ((("agent", "and the membership number"), ("customer", "it's a 4 4 1 0 9 2")), [["4 4 1 0 9 2"]]),
        ((("agent", "and the membership number"), ("customer", "it's i 4 4 1 0 9 2")), [["4 4 1 0 9 2"]]),
        ((("agent", "Your policy number?"), ("customer", "Okay then 5 5 1 2 0 9.")), [["5 5 1 2 0 9"]]),
    ],
)  # fmt: skip
def test_letters_said_before_an_ids_digits_in_lower_case_or_before_then_start_the_id(
    turns: tuple[tuple[str, str], ...], found: list[object]
) -> None:
    assert [spans for _, spans in _found(_segments(*turns), (EntityType.ACCOUNT_NUMBER,))] == found


@pytest.mark.parametrize(
    "turns, found",
    [
        ((("agent", "And you're still at 40 Jacaranda Street, Paddington?"),
          ("customer", "Yes. New South Wales 2021.")),
         [["40 Jacaranda Street, Paddington"], ["New South Wales 2021"]]),
        ((("customer", "It's 3 Acacia Avenue."), ("agent", "And the suburb?"), ("customer", "Kew East, 3102.")),
         [["3 Acacia Avenue"], ["Kew East, 3102"]]),
        ((("customer", "it's 12 totara street"), ("agent", "totara street"), ("customer", "yep in mount eden 1024")),
         [["12 totara street"], ["mount eden 1024"]]),
        # a month and its year, words of a sentence and a number, or no address before
        ((("agent", "And you're still at 40 Jacaranda Street, Paddington?"), ("customer", "Yes. Since March 2021.")),
         [["40 Jacaranda Street, Paddington"]]),
        ((("customer", "it's 12 totara street"), ("agent", "how long there"), ("customer", "yeah for about 2021")),
         [["12 totara street"]]),
        ((("agent", "Which store was it?"), ("customer", "Kew East, 3102.")), []),
    ],
)  # fmt: skip
def test_a_place_and_its_code_said_alone_after_an_address_go_on_with_it(
    turns: tuple[tuple[str, str], ...], found: list[object]
) -> None:
    assert [spans for _, spans in _found(_segments(*turns), (EntityType.ADDRESS,))] == found


@pytest.mark.parametrize(
    "text, found",
    [
        ("my son's staying at 8 rowan grove now", [["8 rowan grove"]]),
        ("they moved it to 21 beech tree rise, so that's done", [["21 beech tree rise"]]),
        # the everyday word, not a street: not at a clause's end, or words of a sentence before it
        ("it came to 3 hundred close enough", []),
        ("we got it down to 2 really close", []),
        ("the scores are at 4 in the green", []),
    ],
)  # fmt: skip
def test_a_street_of_an_everyday_words_kind_in_lower_case_is_the_address_where_someone_is(
    text: str, found: list[object]
) -> None:
    segments = _segments(("customer", text), ("agent", "okay"))
    assert [spans for _, spans in _found(segments, (EntityType.ADDRESS,))] == found


@pytest.mark.parametrize(
    "turns, found",
    [
        # the business's own place: where it says it is, or named by its address
        ((("agent", "We are based at 40 Canal Street, Leeds."), ("customer", "Thanks.")), []),
        ((("customer", "Is the 220 King Street branch open today?"), ("agent", "Till six.")), []),
        # a person's: where they live, or a business word after a comma
        ((("customer", "We live at 40 Canal Street, Leeds."), ("agent", "Thanks.")), [["40 Canal Street, Leeds"]]),
        ((("customer", "Her flat is 220 King Street, shop staff know her."), ("agent", "Okay.")),
         [["220 King Street"]]),
    ],
)  # fmt: skip
def test_a_business_saying_where_it_is_based_or_a_place_named_by_its_address_is_not_personal(
    turns: tuple[tuple[str, str], ...], found: list[object]
) -> None:
    assert [spans for _, spans in _found(_segments(*turns), (EntityType.ADDRESS,))] == found


@pytest.mark.parametrize(
    "later, found",
    [
        ("So that's dara.quinlan@hotmail.com?", [["dara dot quinlan at hotmail"], ["dara.quinlan@hotmail.com"]]),
        # an address at another mailbox, or of another person, said after
        ("So that's dara.quinlan@yahoo.com?", [["dara.quinlan@yahoo.com"]]),
        ("So that's dana.reid@hotmail.com?", [["dana.reid@hotmail.com"]]),
    ],
)  # fmt: skip
def test_an_email_given_without_its_ending_then_said_whole_is_the_email(later: str, found: list[object]) -> None:
    segments = _segments(
        ("customer", "Write to me, it's dara dot quinlan at hotmail"),
        ("agent", "Dot com?"),
        ("customer", "Yes."),
        ("agent", later),
    )
    assert [spans for _, spans in _found(segments, (EntityType.EMAIL,))] == found


@pytest.mark.parametrize(
    "turns, found",
    [
        ((("agent", "and the address"), ("customer", "12 the willows ennis co clare v95 x2k7")),
         [("address", ["12 the willows ennis co clare v95 x2k7"])]),
        ((("agent", "your date of birth"), ("customer", "second of may nineteen eighty"), ("agent", "and the address"),
          ("customer", "7 mill row leeds ls6 2qd")),
         [("date_of_birth", ["second of may nineteen eighty"]), ("address", ["7 mill row leeds ls6 2qd"])]),
        # words that say what the code is, not a street
        ((("customer", "i've got 3 orders and the postcode is ls6 2qd"),), [("address", ["ls6 2qd"])]),
    ],
)  # fmt: skip
def test_a_lower_case_house_number_and_words_ending_in_a_postcode_are_the_address(
    turns: tuple[tuple[str, str], ...], found: list[object]
) -> None:
    assert _found(_segments(*turns), (EntityType.ADDRESS, EntityType.DATE_OF_BIRTH)) == found


@pytest.mark.parametrize(
    "question, answer",
    [
        ("To verify, the last four numbers of your passport please.", "Seven one one nine."),
        ("Can you confirm the last 4 digits of your driving permit?", "2046."),
    ],
)
def test_the_last_few_digits_of_an_id_asked_to_verify_the_caller_are_the_ids(question: str, answer: str) -> None:
    said = answer.strip("-.")
    segments = _segments(("agent", question), ("customer", answer))
    assert _found(segments) == [("account_number", [said])]


def test_the_last_few_digits_asked_where_a_card_is_talked_about_are_no_account_number() -> None:
    segments = _segments(
        ("agent", "Which card are you calling about? The last four digits will do."),
        ("customer", "Eight two one five."),
    )
    assert ("account_number", ["Eight two one five"]) not in _found(segments)


@pytest.mark.parametrize(
    "given, read_back, expected",
    [
        # a phone given before another kind's number is named
        (
            "My line is 0803 456 7712, and my BVN is 22154387960.",
            "Okay, Mr. Adeyemi, I've got 0803 456 7712.",
            ("phone_number", ["0803 456 7712"]),
        ),
        # a birthday given after a policy is named, its month read back with it
        (
            "I'm adding my son to the policy, Mateo Alejandro Herrera, his birthday's August 2nd, 2015.",
            "Got it, Mateo, August 2nd, 2015.",
            ("date_of_birth", ["August 2nd, 2015"]),
        ),
    ],
)
def test_a_value_read_back_in_the_same_figures_is_of_the_kind_it_was_given_as(
    given: str, read_back: str, expected: tuple[str, list[str]]
) -> None:
    found = _found(_segments(("customer", given), ("agent", read_back)))
    assert found[-1] == expected
    assert expected in found[:-1]


def test_the_same_figures_said_by_the_same_speaker_keep_their_own_kind() -> None:
    found = _found(
        _segments(("customer", "My line is 0803 456 7712, and my BVN is 22154387960. And the account, 0803 456 7712."))
    )
    assert found == [
        ("phone_number", ["0803 456 7712"]),
        ("account_number", ["22154387960"]),
        ("account_number", ["0803 456 7712"]),
    ]


@pytest.mark.parametrize(
    "given, read_back, expected",
    [
        (
            "I already called, they gave me ticket INC 0 0 4 4 8 7 1.",
            "INC0044871, I see it.",
            ("account_number", ["INC0044871"]),
        ),
        (
            "Booking ref is Tango, Kilo, seven, seven, four, two, one.",
            "TK77421, Salamat.",
            ("account_number", ["TK77421"]),
        ),
    ],
)
def test_a_value_read_back_written_as_one_word_is_found_as_the_kind_it_was_given_as(
    given: str, read_back: str, expected: tuple[str, list[str]]
) -> None:
    assert _found(_segments(("customer", given), ("agent", read_back)))[-1] == expected


def test_the_same_figures_in_a_word_said_three_turns_later_are_not_read_back() -> None:
    found = _found(
        _segments(
            ("customer", "They gave me ticket INC 0 0 4 4 8 7 1."),
            ("agent", "Okay."),
            ("customer", "Yes."),
            ("agent", "The part is x0044871 then."),
        )
    )
    assert found == [("account_number", ["INC 0 0 4 4 8 7 1"])]


def test_a_value_begun_and_begun_again_after_a_hesitation_is_one_with_the_hesitation() -> None:
    segments = _segments(
        ("agent", "I'll need the full Social Security number for the W-2 request."),
        ("customer", "Okay, 233 hmm 233-90-5547."),
    )
    assert _found(segments) == [("ssn", ["233 hmm 233-90-5547"])]


@pytest.mark.parametrize(
    "text, found",
    [
        # two kinds, a hesitation between them
        (
            "My card is 4111 1111 1111 1111, um, 09/28.",
            [("card_number", ["4111 1111 1111 1111"]), ("card_expiry", ["09/28"])],
        ),
        # one kind, more than a hesitation between them
        (
            "My mobile is 07700 900412, um, or at work 0161 496 0000.",
            [("phone_number", ["07700 900412"]), ("phone_number", ["0161 496 0000"])],
        ),
    ],
)  # fmt: skip
def test_values_with_more_than_a_hesitation_or_of_two_kinds_between_them_stay_apart(
    text: str, found: list[tuple[str, list[str]]]
) -> None:
    assert _found(_segments(("customer", text))) == found


@pytest.mark.parametrize(
    "asked, answer, found",
    [
        # the date read first is the date's, the digits after it the social's
        (
            "To verify, what's your date of birth and the last four of your Social Security number?",
            "August 30th, 1988, and 5524.",
            [("date_of_birth", ["August 30th, 1988"]), ("ssn", ["5524"])],
        ),
        # only the date said, the social not yet
        (
            "Your date of birth and the last four of your social?",
            "August 30th, 1988.",
            [("date_of_birth", ["August 30th, 1988"])],
        ),
        # a date written out ends the answer's digits: the ZIP after it is no part of a social
        (
            "I'll verify three things: date of birth, ZIP, and last four of the social.",
            "Sure, 02/29/1988, 85016, and 4410.",
            [("date_of_birth", ["02/29/1988"]), ("address", ["85016"]), ("ssn", ["4410"])],
        ),
    ],
)  # fmt: skip
def test_digits_answering_two_questions_after_a_date_are_not_read_with_the_dates(
    asked: str, answer: str, found: list[tuple[str, list[str]]]
) -> None:
    assert _found(_segments(("agent", asked), ("customer", answer))) == found
