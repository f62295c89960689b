"""Phone numbers of other countries and dialling habits: mobiles said the local way, the international prefix said
as digits, the line named just before it; and the numbers of the same length that are none."""

from __future__ import annotations

import pytest

from shared.models.redaction import EntityType
from tests.shared.redaction.detection.turns import found, segments, spans_found

pytestmark = pytest.mark.unit


def _phones(*turns: tuple[str, str]) -> list[str]:
    return [words for _, _, words in spans_found(turns, (EntityType.PHONE_NUMBER,))]


@pytest.mark.parametrize(
    "text, phone",
    [
        # a Philippine mobile as dialled at home, no cue said
        ("Try 0927 318 4406 after lunch.", "0927 318 4406"),
        # an Indian mobile, ten digits without a leading zero, said with "double"
        (
            "Nine one double two, three four five, six seven eight.",
            "Nine one double two, three four five, six seven eight",
        ),
    ],
)  # fmt: skip
def test_a_mobile_of_another_country_said_without_a_cue_is_a_phone_number(text: str, phone: str) -> None:
    assert _phones(("customer", text)) == [phone]


@pytest.mark.parametrize(
    "text, phone",
    [
        # "00" then Britain's code and a London number
        (
            "Oh oh four four, two oh, seven nine four six, oh one two three.",
            "Oh oh four four, two oh, seven nine four six, oh one two three",
        ),
        # "011" from North America, then Germany's code and a Berlin number
        ("It's 011 49 30 9018 2244.", "011 49 30 9018 2244"),
    ],
)  # fmt: skip
def test_the_international_prefix_said_as_digits_before_a_valid_number_makes_it_a_phone_number(
    text: str, phone: str
) -> None:
    assert _phones(("customer", text)) == [phone]


def test_digits_after_the_prefix_that_are_no_valid_number_are_not_a_phone_number() -> None:
    assert _phones(("customer", "Batch 00 0000 0000 0000 came in short.")) == []


def test_the_line_named_right_before_the_number_outweighs_an_id_named_earlier() -> None:
    assert _phones(("customer", "Patient ID 7731 0042, and I'm calling from 03 9555 2718.")) == ["03 9555 2718"]


def test_calling_from_a_company_does_not_make_its_reference_a_phone_number() -> None:
    assert _phones(("customer", "I'm calling from Brightwater Plumbing about job 5512 8830.")) == []


@pytest.mark.parametrize(
    "text",
    [
        "The TV is model 0917 5552 480 in the catalogue.",
        "It cost 9,876,543,210 rupees over the whole project.",
        "We shipped 9877 units in March.",
    ],
)
def test_look_alikes_of_foreign_mobiles_are_not_phone_numbers(text: str) -> None:
    assert _phones(("customer", text)) == []


def test_a_number_dialled_abroad_is_a_phone_even_where_its_digits_pass_a_card_s_check() -> None:
    # "0447911123456" passes the Luhn check, yet no card begins with the international prefix
    said = found(segments(("customer", "It's 0 0 4 4 7 9 1 1 1 2 3 4 5 6.")))
    assert [(kind, len(spans)) for kind, spans in said] == [("phone_number", 1)]


@pytest.mark.parametrize(
    "text, phone",
    [
        ("My landline is 01 555 2233.", "01 555 2233"),
        ("My WhatsApp is 8123 4567, it's a Singapore number.", "8123 4567"),
    ],
)
def test_a_landline_or_a_messaging_number_named_as_such_is_a_phone_number(text: str, phone: str) -> None:
    assert _phones(("customer", text)) == [phone]


def test_an_amount_in_another_country_s_money_is_no_phone_number() -> None:
    assert _phones(("customer", "The flat cost 9876543210 rupees in the end.")) == []


@pytest.mark.parametrize(
    "text",
    [
        "The invoice is 7012345678, paid last week.",
        "Receipt 9988776655 shows the refund.",
        "My PNR is 8123456789 for the Delhi leg.",
        "Transaction ID 9123456780 failed twice.",
    ],
)
def test_a_payment_s_or_a_trip_s_code_named_before_ten_digits_is_no_phone_number(text: str) -> None:
    assert _phones(("customer", text)) == []


def test_the_same_ten_digits_named_as_a_mobile_are_one() -> None:
    assert _phones(("customer", "My mobile is 9988776655.")) == ["9988776655"]


def test_a_nigerian_mobile_said_in_groups_is_a_phone_number_by_its_shape() -> None:
    found = _phones(("customer", "Mine is oh eight one six, two two three, four five six seven, any time."))
    assert found == ["oh eight one six, two two three, four five six seven"]


def test_eleven_digits_led_by_a_zero_outside_a_mobile_range_are_no_phone_number() -> None:
    assert _phones(("customer", "The meter read 01234567891 this morning.")) == []


def test_a_read_back_s_last_group_corrected_by_the_other_side_is_the_phone_number_too() -> None:
    found = _phones(
        ("agent", "I have 07911 482503, is that right?"),
        ("customer", "No, 482530, you've swapped the end."),
    )
    assert found == ["07911 482503", "482530"]


def test_a_whole_phone_read_back_with_two_digits_misheard_is_the_phone_number_too() -> None:
    found = _phones(
        ("customer", "Same number you have. 07 -812 -330 -591."),
        ("agent", "4, 7, 8, 1, 2, 3, 3, 4, 5, 9, 1, all set up, anything else?"),
    )
    assert found == ["07 -812 -330 -591", "4, 7, 8, 1, 2, 3, 3, 4, 5, 9, 1"]


def test_a_number_as_long_as_a_phone_given_with_three_digits_other_is_no_read_back_of_it() -> None:
    found = _phones(
        ("customer", "Same number you have. 07 -812 -330 -591."),
        ("agent", "Okay. 4, 7, 8, 1, 2, 3, 3, 4, 5, 9, 4."),
    )
    assert found == ["07 -812 -330 -591"]


def test_two_or_three_last_digits_of_a_phone_named_are_its_ending() -> None:
    found = _phones(("agent", "Which mobile should we text?"), ("customer", "The work one, ending 87."))
    assert found == ["87"]


def test_a_time_answered_after_a_phone_read_back_is_no_correction_of_it() -> None:
    found = _phones(("agent", "I have 07911 482503, is that right?"), ("customer", "No, 12:30 is when I'm in."))
    assert found == ["07911 482503"]


def test_a_price_said_after_a_mobile_asked_about_is_no_ending_of_it() -> None:
    assert _phones(("agent", "Which mobile should we text?"), ("customer", "The one that cost 87 pounds.")) == []


def test_other_digits_of_the_same_length_after_a_read_back_are_no_correction_of_it() -> None:
    found = _phones(("agent", "I have 0412 558 903, right?"), ("customer", "No, 771 opens the gate, rest is right."))
    assert found == ["0412 558 903"]


def test_a_number_written_with_a_plus_and_its_country_code_is_a_phone_even_where_it_passes_a_card_s_check() -> None:
    # "2348031234561" passes the Luhn check, yet no card is read with a plus before it
    said = found(segments(("customer", "You can text my brother on +234 803 123 4561 after six.")))
    assert said == [("phone_number", ["+234 803 123 4561"])]


def test_digits_read_back_after_saying_someone_will_call_you_are_a_phone_number() -> None:
    said = segments(
        ("agent", "Right, the engineer will call you before he comes out."),
        ("agent", "Is 8 -2, 4 -4 -1, 7 -1 -3 -6 still good?"),
    )
    assert found(said) == [("phone_number", ["8 -2, 4 -4 -1, 7 -1 -3 -6"])]


@pytest.mark.parametrize(
    "text", ["We will call you within 48 hours.", "Someone can ring you after 5 30 today, is that okay?"]
)
def test_a_time_said_after_promising_a_call_is_no_phone_number(text: str) -> None:
    assert found(segments(("agent", text)), (EntityType.PHONE_NUMBER,)) == []


@pytest.mark.parametrize(
    "text, phone",
    [
        # eleven digits in four groups, "triple" in the first: no country's number phonenumbers would guess
        (
            "You can get me on triple six, two oh, double four, one nine three eight.",
            "triple six, two oh, double four, one nine three eight",
        ),
        # ten digits, "double" twice, in three groups
        (
            "It's five double one, seven two oh, double three eight six.",
            "five double one, seven two oh, double three eight six",
        ),
    ],
)  # fmt: skip
def test_digits_read_in_groups_with_double_are_a_phone_number_whatever_the_country(text: str, phone: str) -> None:
    assert _phones(("customer", text)) == [phone]


@pytest.mark.parametrize(
    "text",
    [
        # a business's own line, read the same way
        "Our night line is triple six, two oh, double four, one nine three eight.",
        # an order's quantities and a price, with "double" in them
        "So that's double two boxes, forty each, at nine ninety nine.",
        # one group, no commas: not read as a phone
        "It's double six two oh four four one nine three eight.",
    ],
)
def test_digits_with_double_that_are_not_read_as_someones_phone_are_no_phone_number(text: str) -> None:
    assert _phones(("customer", text)) == []


def test_a_nine_whisper_wrote_as_letters_among_hyphenated_digits_is_a_digit_of_the_phone() -> None:
    # "oh one two nine" ending it, the nine written as letters
    asked = ("agent", "What's the best number to reach you on?")
    assert _phones(asked, ("customer", "-617 -555 -013 -I -N.")) == ["-617 -555 -013 -I -N"]


def test_the_line_a_call_to_a_phone_company_is_about_is_a_phone_number() -> None:
    asked = ("agent", "Which number are you calling about?")
    answered = ("customer", "0 -3 double 0 -2 -4 -7 -1 -8 -9 6.")
    read_back = ("agent", "03 0 0 2 4 7 1 8 9 6. Account holder's name?")
    assert _phones(asked, answered, read_back) == ["0 -3 double 0 -2 -4 -7 -1 -8 -9 6", "03 0 0 2 4 7 1 8 9 6"]


def test_the_last_digits_of_the_number_the_business_will_text_are_a_phone_number() -> None:
    said = segments(("agent", "Once it's sent, I'll text you on the number ending 4 7 0."))
    assert found(said, (EntityType.PHONE_NUMBER,)) == [("phone_number", ["4 7 0"])]


def test_a_time_the_business_will_text_at_is_no_phone_number() -> None:
    said = segments(("agent", "We'll text you when the parcel is ending its trip, around 4 30."))
    assert found(said, (EntityType.PHONE_NUMBER,)) == []


def test_a_numbers_ending_said_near_a_whole_phone_number_is_its_ending_old_or_new() -> None:
    said = segments(
        ("agent", "The one we have ends in 7 7 2, doesn't it?"),
        ("customer", "Not any more, it should end 2 7 7 now. It's 07700 900 277."),
    )
    assert found(said, (EntityType.PHONE_NUMBER,)) == [
        ("phone_number", ["7 7 2"]),
        ("phone_number", ["2 7 7"]),
        ("phone_number", ["07700 900 277"]),
    ]


def test_another_things_number_ending_near_a_phone_number_is_no_phone() -> None:
    said = segments(
        ("agent", "Your booking number ending 4 1 8 is confirmed."),
        ("customer", "Thanks, and you can reach me on 07700 900 277."),
    )
    assert found(said, (EntityType.PHONE_NUMBER,)) == [("phone_number", ["07700 900 277"])]


def test_a_numbers_ending_with_no_phone_number_near_is_no_phone() -> None:
    said = segments(("agent", "The one we have ends in 7 7 2, doesn't it?"), ("customer", "Yes, that's the one."))
    assert found(said, (EntityType.PHONE_NUMBER,)) == []


@pytest.mark.parametrize(
    "asked",
    [
        "Can I have a number to text when the order is ready?",
        "What number can we use, a number we can call if the courier is late?",
    ],
)
def test_a_number_asked_for_to_call_or_text_is_a_phone_number_with_a_digit_lost(asked: str) -> None:
    said = segments(("agent", asked), ("customer", "Use mine. 604 -882913"))
    assert found(said, (EntityType.PHONE_NUMBER,)) == [("phone_number", ["604 -882913"])]


def test_a_number_to_call_said_of_a_price_or_a_room_is_no_phone_number() -> None:
    said = segments(
        ("agent", "The number to call is on the letter. The room is 412 and it costs 129 dollars a night."),
    )
    assert found(said, (EntityType.PHONE_NUMBER,)) == []


def test_a_number_to_be_called_on_when_something_is_done_is_a_phone_number_not_a_card() -> None:
    found_ = _phones(
        ("customer", "Can I get a credit for the outage?"),
        ("agent", "Yes, three days on your plan."),
        ("customer", "Okay. Please call me when it's fixed, on 0803 -552 -1964."),
    )
    assert found_ == ["0803 -552 -1964"]


def test_a_time_to_call_after_is_no_phone_number() -> None:
    assert _phones(("customer", "Call me when you're back at 4.30, I'm out till then.")) == []


@pytest.mark.parametrize("text", ["It's 00 12.", "Room 00 49, please."])
def test_the_international_prefix_with_too_little_after_it_is_no_phone_number_and_no_error(text: str) -> None:
    # The phone number library raises for "0012" read as a number; the detector must take it for none.
    assert _phones(("agent", "And the number?"), ("customer", text)) == []


@pytest.mark.parametrize(
    "turns",
    [
        # Freephone and shared-cost numbers of Ireland, Australia and Britain, with a phone named after them: a
        # business's line, read back or not.
        (("agent", "If the power goes again, ring the outage line on 1800 372 999, it's free from a mobile phone."),
         ("customer", "1800 372 999, grand.")),
        (("agent", "Our freephone is 0800 028 0421, call from any phone."), ("customer", "0800 028 0421, okay.")),
        (("agent", "The bookings line is 1300 655 506, from any phone."), ("customer", "1300 655 506.")),
        # Ireland's 0818, charged as a landline: a public body's
        (("agent", "That's the number for the Citizens Information Centre, 0818 07 4000, they're open till 8."),),
    ],
)  # fmt: skip
def test_a_freephone_or_shared_cost_line_of_other_countries_is_the_business(turns: tuple[tuple[str, str], ...]) -> None:
    assert _phones(*turns) == []


def test_a_freephone_line_said_where_a_membership_card_is_named_is_no_id() -> None:
    said = "For roadside assistance, call 1800 667 788, it's on the back of your membership card too."
    turns = segments(("agent", said), ("customer", "1800 667 788, got it."))
    assert found(turns, (EntityType.ACCOUNT_NUMBER, EntityType.PHONE_NUMBER)) == []


@pytest.mark.parametrize(
    "text, kinds",
    [
        # an id read in North America's toll-free shape: ids are read so too
        ("My membership number is 8 0 0, 4 7 3, 2 1 1 9.", [("account_number", ["8 0 0, 4 7 3, 2 1 1 9"])]),
        # Pakistan's mobiles begin as Britain's 03 lines do
        ("No, call me on my mobile instead, 0300 247 1896.", [("phone_number", ["0300 247 1896"])]),
    ],
)
def test_numbers_in_a_business_lines_shape_of_another_country_stay_what_they_are(
    text: str, kinds: list[tuple[str, list[str]]]
) -> None:
    assert found(segments(("customer", text)), (EntityType.ACCOUNT_NUMBER, EntityType.PHONE_NUMBER)) == kinds


@pytest.mark.parametrize(
    "text, phone",
    [
        # a German mobile, twelve digits with its leading 0, longer than any other country's said at home
        ("Meine Nummer ist... sorry, my number is 0151 2384 7710.", "0151 2384 7710"),
        ("New one is 0176 4412 0387.", "0176 4412 0387"),
        # named a mobile as Singapore and Spanish speakers name it, before or after the digits
        ("Call my handphone, nine one two seven, four four oh eight, lah.", "nine one two seven, four four oh eight"),
        (
            "It's fifty-five, forty-one eighty-seven, twenty-two ninety, that's my cel.",
            "fifty-five, forty-one eighty-seven, twenty-two ninety",
        ),
        ("Mi celular es 55 3187 2094.", "55 3187 2094"),
    ],
)  # fmt: skip
def test_a_mobile_said_the_way_its_country_says_it_is_a_phone_number(text: str, phone: str) -> None:
    assert _phones(("customer", text)) == [phone]


@pytest.mark.parametrize(
    "text",
    [
        "My account number is 0151 2384 7710.",  # named an account's
        "It's 4471 2290, that's the order.",  # named after, but not a phone
        "The cel shading on the 2 model costs 1299.",  # the word alone, no number of a phone's length
    ],
)
def test_digits_named_as_something_else_than_a_mobile_are_no_phone_number(text: str) -> None:
    assert _phones(("customer", text)) == []


@pytest.mark.parametrize(
    "asked, said, phone",
    [
        (
            "Und Ihre Handynummer?",
            "Null eins sieben sechs, zwei drei vier, fünf sechs sieben acht.",
            "Null eins sieben sechs, zwei drei vier, fünf sechs sieben acht",
        ),
        (
            "Votre numéro de téléphone?",
            "C'est le zéro six, quatorze, vingt-huit, trente-trois, quarante et un.",
            "zéro six, quatorze, vingt-huit, trente-trois, quarante et un",
        ),
        (
            "Jaki jest pana numer telefonu?",
            "Plus czterdzieści osiem, pięćset jeden, dwieście trzydzieści, sto czternaście.",
            "Plus czterdzieści osiem, pięćset jeden, dwieście trzydzieści, sto czternaście",
        ),
        (
            "¿Su teléfono?",
            "Seis cero nueve, treinta y uno, veintidós, catorce.",
            "Seis cero nueve, treinta y uno, veintidós, catorce",
        ),
    ],
)
def test_a_phone_asked_for_and_said_in_the_caller_s_language_is_a_phone_number(
    asked: str, said: str, phone: str
) -> None:
    assert _phones(("agent", asked), ("customer", said)) == [phone]


@pytest.mark.parametrize(
    "said, phones",
    [
        (
            "Nine one seven, five five five, two six one eight. 917 555 2618.",
            ["Nine one seven, five five five, two six one eight", "917 555 2618"],
        ),
        (
            "Seis cero nueve, treinta y uno, veintidós, catorce. 609 31 22 14.",
            ["Seis cero nueve, treinta y uno, veintidós, catorce", "609 31 22 14"],
        ),
    ],
)
def test_a_phone_said_in_words_then_again_in_figures_is_the_phone_number_twice(said: str, phones: list[str]) -> None:
    assert _phones(("agent", "And a phone number?"), ("customer", said)) == phones


@pytest.mark.parametrize(
    "said, phone",
    [
        (
            "My number is zero five four, two two one, eight oh seven three.",
            "zero five four, two two one, eight oh seven three",
        ),
        ("Mi número es 0 2 4 4 5 5 7 1 9 3.", "0 2 4 4 5 5 7 1 9 3"),
        (
            "My number's oh two four, four five five, seven one nine three.",
            "oh two four, four five five, seven one nine three",
        ),
    ],
)
def test_ones_number_with_no_kind_named_is_a_phone_number(said: str, phone: str) -> None:
    assert _phones(("customer", said)) == [phone]


def test_ones_number_named_after_an_id_was_given_is_the_phone_not_the_id() -> None:
    said = "My account number is 4418 2093 and the bill's gone up, so my number's 416-555-0193 if we get cut off."
    assert spans_found((("customer", said),), tuple(EntityType)) == [
        ("account_number", 0, "4418 2093"),
        ("phone_number", 0, "416-555-0193"),
    ]


def test_ones_number_given_for_an_id_asked_for_or_named_is_no_phone_number() -> None:
    assert _phones(("agent", "Your member number?"), ("customer", "My number is 88120457.")) == []
    assert _phones(("customer", "Mi número de póliza es el 7 7 3 0 4 1 8.")) == []


@pytest.mark.parametrize(
    "turns, part",
    [
        (
            (
                ("agent", "Can you confirm the last 3 digits of the phone number on the account?"),
                ("customer", "2 7 6."),
            ),
            "2 7 6",
        ),
        (
            (("agent", "What are the last four digits of your mobile?"), ("customer", "Four four one nine.")),
            "Four four one nine",
        ),
        # the digits not named
        ((("agent", "Last four of the phone number on the account?"), ("customer", "3317.")), "3317"),
        # the phone named by what it is for, the digits said with pauses
        ((("agent", "The last three digits of your registered mobile."), ("customer", "5... 1... 9.")), "5... 1... 9"),
    ],
)
def test_a_part_of_a_phone_asked_by_its_place_is_the_phones(turns: tuple[tuple[str, str], ...], part: str) -> None:
    assert spans_found(turns, tuple(EntityType)) == [("phone_number", 1, part)]


def test_a_phones_start_given_up_with_two_digits_swapped_is_the_phone() -> None:
    assert _phones(("customer", "It's 0161 496... no, 0161 946 0273.")) == ["0161 496", "0161 946 0273"]


def test_a_start_given_up_that_differs_by_more_than_a_swap_is_not_the_phone() -> None:
    assert _phones(("customer", "It's 0161 497... no, 0161 946 0273.")) == ["0161 946 0273"]


def test_a_number_said_with_its_country_code_but_no_plus_is_a_phone_where_one_is_asked_for() -> None:
    assert _phones(("customer", "WhatsApp me on 971 50 612 4408.")) == ["971 50 612 4408"]


def test_a_long_number_whose_first_group_is_no_country_code_is_not_taken_for_one_dialled_abroad() -> None:
    # "4929" is no country's code, though "+49" (Germany) reads the digits as a valid number: a card, a phone named
    assert _phones(("customer", "Can I just pay over the phone instead? 4929 6120 3375 8841.")) == []


def test_a_mobile_read_in_two_parts_with_an_aside_between_is_the_phone() -> None:
    said = ("customer", "It's 0 4 3 8... hold on, let me find my glasses... 2 1 9 7 0 4.")
    assert _phones(said) == ["0 4 3 8", "2 1 9 7 0 4"]


def test_two_numbers_with_an_aside_between_that_make_no_mobile_are_not_one() -> None:
    assert _phones(("customer", "It's 4 3 8... hold on, let me find my glasses... 2 1 9 7 0 4.")) == []


def test_digits_heard_as_words_one_after_another_before_digits_are_digits() -> None:
    # "three three oh" heard as "free free 0"
    assert _phones(("customer", "Ring the mobile instead, 086, free free 01472.")) == ["086, free free 01472"]


def test_an_area_code_broken_off_and_given_up_while_a_number_is_put_right_is_no_ones() -> None:
    said = (("agent", "So 0161 496 0732?"), ("customer", "0162... no no, 0161 496 0723."))
    assert _phones(*said) == ["0161 496 0732", "0161 496 0723"]


@pytest.mark.parametrize(
    "turns, phones",
    [
        # more than an area's code broken off: the number's start
        (
            (("agent", "So 0161 496 0732?"), ("customer", "0161 49... no no, 0161 946 0723.")),
            ["0161 496 0732", "0161 49", "0161 946 0723"],
        ),
        # the other side's read-back broken off to ask for the rest again
        (
            (
                ("customer", "It's 0412 558 903."),
                ("agent", "0412 558... sorry, the last three again?"),
                ("customer", "903."),
            ),
            ["0412 558 903", "0412 558", "903"],
        ),
        # an ending put right, not broken off
        (
            (
                ("customer", "Oh seven seven nine, double three, four one, six two eight."),
                ("agent", "Sorry, was that six two eight at the end?"),
                ("customer", "Six two nine, sorry."),
            ),
            ["Oh seven seven nine, double three, four one, six two eight", "six two eight", "Six two nine"],
        ),
    ],
)
def test_a_numbers_start_or_ending_put_right_is_the_number(
    turns: tuple[tuple[str, str], ...], phones: list[str]
) -> None:
    assert _phones(*turns) == phones


@pytest.mark.parametrize(
    "text, phones",
    [
        ("Just text the code to the number ending 4 7 1 9.", [["4 7 1 9"]]),
        ("Call the number ending 4412 on the account.", [["4412"]]),
        ("Okay, I've sent the code to the number ending 8816.", [["8816"]]),
        # something sent that goes to a card or an account as well
        ("We sent the refund to the number ending 8816.", []),
        # a number's ending with nothing texted or called: what it ends is not said
        ("I paid with the number ending 4412 last time.", []),
        # another thing's number, called about
        ("Can you call me about the card number ending 4412?", []),
    ],
)  # fmt: skip
def test_the_ending_of_a_number_texted_or_called_is_a_phones(text: str, phones: list[list[str]]) -> None:
    assert found(segments(("customer", text)), (EntityType.PHONE_NUMBER,)) == [("phone_number", p) for p in phones]


@pytest.mark.parametrize(
    "text",
    ["His grandfather, Jaljandhu, his number is 416 -555 -881.", "Her number's 416 -555 -881, she's expecting you."],
)
def test_someone_elses_number_with_no_kind_named_is_their_phone_a_digit_lost(text: str) -> None:
    assert found(segments(("customer", text)), (EntityType.PHONE_NUMBER,)) == [("phone_number", ["416 -555 -881"])]


@pytest.mark.parametrize(
    "turns, phones",
    [
        # "one" for the number named by the word before it, after "the": no digit
        (
            (("agent", "Confirm the phone number on the account?"), ("customer", "Is it the 312 one? 312-848-2197.")),
            [["312-848-2197"]],
        ),
        # ... and a start begun again that passes the card check by chance with the whole said after it
        (
            (("customer", "It's 647-829-3310. Actually, no, use the home one, 416-... 416-762-0418."),),
            [["647-829-3310"], ["416-... 416-762-0418"]],
        ),
    ],
)  # fmt: skip
def test_one_standing_for_a_number_named_before_it_is_no_digit(
    turns: tuple[tuple[str, str], ...], phones: list[list[str]]
) -> None:
    assert found(segments(*turns), (EntityType.PHONE_NUMBER,)) == [("phone_number", p) for p in phones]


def test_the_rest_said_again_after_the_other_side_read_the_start_back_and_trailed_off_is_the_phone() -> None:
    found = _phones(
        ("customer", "0722 418 309."),
        ("agent", "Sorry the line is bad, was it 0722 418..."),
        ("customer", "309. Three oh nine."),
    )
    assert found == ["0722 418 309", "0722 418", "309", "Three oh nine"]


@pytest.mark.parametrize(
    "read_back",
    [
        "Sorry the line is bad, was it 0722 418?",  # read back whole, nothing left to finish
        "Sorry the line is bad, was it 0722 481...",  # no start of the number given
    ],
)
def test_digits_after_a_read_back_that_did_not_trail_off_at_the_start_are_no_rest_of_it(read_back: str) -> None:
    found = _phones(("customer", "0722 418 309."), ("agent", read_back), ("customer", "309."))
    assert "309" not in found


def test_digits_asked_about_as_still_the_best_number_are_a_phone() -> None:
    found = _phones(("agent", "Is 9123 4567 still the best number for you?"), ("customer", "No, it's 8845 2103 now."))
    assert found == ["9123 4567", "8845 2103"]


def test_digits_before_the_best_price_are_no_phone() -> None:
    assert _phones(("agent", "Is 9123 4567 still the best price for you?")) == []


@pytest.mark.parametrize(
    ("said", "phones"),
    [
        ("My phone is 0161 496 0735. Oh seven three five.", [["0161 496 0735"], ["Oh seven three five"]]),
        ("My phone is 0161 496 0735, that's 0735 at the end.", [["0161 496 0735"], ["0735"]]),
        ("My phone is 0161 496 0735, that's 4412 at the door.", [["0161 496 0735"]]),
    ],
)
def test_a_phone_s_last_digits_said_again_right_after_it_are_the_phone_s(said: str, phones: list[list[str]]) -> None:
    assert [spans for _, spans in found(segments(("customer", said)), (EntityType.PHONE_NUMBER,))] == phones


_CUT_OUT = ("customer", "my mobile is oh seven nine one one, two three four...")


@pytest.mark.parametrize(
    ("turns", "phones"),
    [
        (
            (
                _CUT_OUT,
                ("agent", "Sorry, you cut out after two three four."),
                ("customer", "Two three four, five six seven."),
            ),
            [
                (0, "oh seven nine one one, two three four"),
                (1, "two three four"),
                (2, "Two three four, five six seven"),
            ],
        ),
        (
            (_CUT_OUT, ("agent", "Sorry, you cut out after two three four."), ("customer", "Five six seven.")),
            [(0, "oh seven nine one one, two three four"), (1, "two three four"), (2, "Five six seven")],
        ),
        # not the digits heard last, nor after a number that did not trail off
        (
            (_CUT_OUT, ("agent", "Sorry, you cut out, it says 150 minutes left."), ("customer", "Okay.")),
            [(0, "oh seven nine one one, two three four")],
        ),
        (
            (
                ("customer", "my mobile is oh seven nine one one, two three four."),
                ("agent", "Sorry, two three four?"),
                ("customer", "Yes, and I'm 34."),
            ),
            [(0, "oh seven nine one one, two three four")],
        ),
    ],
)
def test_a_phone_cut_out_is_the_phone_in_the_digits_heard_last_and_what_follows(
    turns: tuple[tuple[str, str], ...], phones: list[tuple[int, str]]
) -> None:
    assert [(turn, words) for _, turn, words in spans_found(turns, (EntityType.PHONE_NUMBER,))] == phones


@pytest.mark.parametrize(
    ("turns", "phone"),
    [
        # a card named before by another thing's name: the number a text goes to is still a phone, its "to" no digit
        (
            (
                ("agent", "We'll send the new membership card to your email."),
                ("customer", "And send the SMS to 0803. 441. 7772."),
            ),
            "0803. 441. 7772",
        ),
        (
            (("agent", "We'll send the new card to your email."), ("customer", "Yes. And text it to 0803 441 7772.")),
            "0803 441 7772",
        ),
    ],
)
def test_the_number_a_text_is_sent_to_is_a_phone(turns: tuple[tuple[str, str], ...], phone: str) -> None:
    assert spans_found(turns, tuple(EntityType)) == [("phone_number", 1, phone)]


@pytest.mark.parametrize(
    ("after", "phones"),
    [
        # asked in the next segment whether it is still theirs, its "is" heard as "I'm"
        ("I'm still your number.", [(0, "8 .03 .412 .776")]),
        ("I'm still your customer, aren't I?", []),
    ],
)
def test_digits_asked_about_as_still_their_number_in_the_next_segment_are_a_phone(
    after: str, phones: list[tuple[int, str]]
) -> None:
    turns = (("agent", "It's 8 .03 .412 .776."), ("agent", after))
    assert [(turn, words) for _, turn, words in spans_found(turns, (EntityType.PHONE_NUMBER,))] == phones


@pytest.mark.parametrize(
    ("said", "phones"),
    [
        ("Is the number ending in 2284 still the best one for you?", [(0, "2284")]),
        ("Is the one ending 2284 still the right number to reach you?", [(0, "2284")]),
        # another thing's ending
        ("Is the plan ending in 2284 still the best one for you?", []),
        ("Is the order number ending 2284 still the best one for you?", []),
    ],
)
def test_a_numbers_ending_asked_after_as_still_the_one_to_call_is_a_phone(
    said: str, phones: list[tuple[int, str]]
) -> None:
    turns = (("agent", said),)
    assert [(turn, words) for _, turn, words in spans_found(turns, (EntityType.PHONE_NUMBER,))] == phones


@pytest.mark.parametrize(
    ("said", "found"),
    [
        (
            "The BVN is 22 1 4 7 3 0 9 5 8 1, and my line is 0803 417 2290.",
            [("account_number", 0, "22 1 4 7 3 0 9 5 8 1"), ("phone_number", 0, "0803 417 2290")],
        ),
        (
            "My ID is 29418736 and the M-Pesa was sent from 0711 593 204.",
            [("account_number", 0, "29418736"), ("phone_number", 0, "0711 593 204")],
        ),
        ("My MoMo number is 055 218 4479.", [("phone_number", 0, "055 218 4479")]),
        # a mobile named by its network
        (
            "The ID is 27 905 114 and the Safaricom line is 0733 418 902, the one for M-Shwari.",
            [("account_number", 0, "27 905 114"), ("phone_number", 0, "0733 418 902")],
        ),
    ],
)
def test_ones_own_line_and_a_mobile_money_wallet_name_a_phone(said: str, found: list[tuple[str, int, str]]) -> None:
    assert spans_found((("customer", said),), tuple(EntityType)) == found


def test_the_number_given_as_ones_own_after_a_relatives_number_was_named_is_a_phone() -> None:
    turns = (
        ("customer", "Ah, that one is my husband's number."),
        ("customer", "Mine is 0, 2, 4, 7, 7, 1, 3, 0, 9, 5."),
    )
    assert _phones(*turns) == ["0, 2, 4, 7, 7, 1, 3, 0, 9, 5"]


def test_a_phones_ending_said_after_a_pause_word_is_the_phone() -> None:
    assert _phones(("customer", "My phone ends, um, 4471.")) == ["4471"]


@pytest.mark.parametrize(
    ("said", "number"),
    [
        ("Between 1 and 5, the driver will call before on 502, 318, 644,", "502, 318, 644"),
        ("Great! The nurse will call a hand on 416 -5 -5 -8 -2 -3 -1. Is that still right?", "416 -5 -5 -8 -2 -3 -1"),
    ],
)
def test_a_number_someone_will_call_on_however_the_one_called_was_heard(said: str, number: str) -> None:
    assert spans_found((("agent", said),), (EntityType.PHONE_NUMBER,)) == [("phone_number", 0, number)]


def test_a_number_to_ring_an_office_on_is_not_the_caller_s_phone() -> None:
    said = "I'll ring the council on 502, 318, 644 if it comes to that."
    assert spans_found((("customer", said),), (EntityType.PHONE_NUMBER,)) == []


def test_the_last_digits_of_the_line_a_text_goes_to_however_heard_are_a_phone() -> None:
    said = "Thank you, MSLIM. I unlocked your access. You get an SMS on your nodal ending 7712 with a link."
    assert spans_found((("agent", said),), (EntityType.PHONE_NUMBER,)) == [("phone_number", 0, "7712")]


def test_a_text_about_a_record_ending_in_digits_names_no_phone() -> None:
    said = "You'll get a text on your order ending in 7712 when it ships."
    assert spans_found((("agent", said),), (EntityType.PHONE_NUMBER,)) == []


def test_a_phones_ending_put_right_after_a_read_back_in_no_groups_is_the_phone() -> None:
    found = _phones(
        ("agent", "Can I confirm the phone number?"),
        ("customer", "It's 415 -660 -2793."),
        ("agent", "Hmm, I have four one five six six oh two nine three seven"),
        ("customer", "Oh, no, it's 2793. You swapped them."),
    )
    assert found == ["415 -660 -2793", "four one five six six oh two nine three seven", "2793"]


def test_other_digits_after_a_read_back_in_no_groups_are_no_phone() -> None:
    found = _phones(
        ("agent", "Can I confirm the phone number?"),
        ("customer", "It's 415 -660 -2793."),
        ("agent", "Hmm, I have four one five six six oh two nine three seven"),
        ("customer", "Oh, no, it's 1150, the flat is on the first floor."),
    )
    assert found == ["415 -660 -2793", "four one five six six oh two nine three seven"]


def test_a_relatives_number_named_with_their_name_is_a_phone() -> None:
    said = "My wife Agnieszka's number is 512 337 904 if I'm out."
    assert _phones(("customer", said)) == ["512 337 904"]


def test_a_relatives_number_of_something_else_is_no_phone() -> None:
    said = "My wife's order number is 512 337 904, from last week."
    assert _phones(("customer", said)) == []


@pytest.mark.parametrize(
    "kept_on",
    ["I got a photo of the card on my phone.", "It's in the app on my phone, hang on."],
)
def test_the_phone_something_is_kept_on_names_no_phone_number(kept_on: str) -> None:
    found_spans = spans_found(
        (("agent", "What's your Medicare number?"), ("customer", kept_on), ("customer", "2814, 3771, 9.")),
        (EntityType.ACCOUNT_NUMBER, EntityType.PHONE_NUMBER),
    )
    assert found_spans == [("account_number", 2, "2814, 3771, 9")]


def test_a_number_to_reach_one_on_a_phone_is_still_a_phone() -> None:
    said = "You can reach me on my phone, 0412 555 019."
    assert _phones(("customer", said)) == ["0412 555 019"]


def test_a_phones_area_code_then_the_rest_after_and_then_is_one_phone() -> None:
    said = "The house phone is area code 613, and then 555 0148."
    assert _phones(("customer", said)) == ["613, and then 555 0148"]


def test_a_landline_s_area_code_and_then_it_s_the_rest_is_one_number() -> None:
    said = segments(("customer", "The landline's 0121, and then it's 496 0188."))
    assert found(said) == [("phone_number", ["0121, and then it's 496 0188"])]


def test_a_card_s_last_four_then_it_s_its_expiry_are_two_details() -> None:
    said = segments(("customer", "Card ends 4411, then it's 12/27 for the expiry."))
    assert ("card_number", ["4411"]) in found(said)


@pytest.mark.parametrize(
    "text, phones",
    [
        ("It's 4419 2038, and the area code is 555.", ["4419 2038", "555"]),
        ("My number is 271 4433, area code's 905.", ["271 4433", "905"]),
    ],
)
def test_the_area_code_told_after_a_phone_number_is_the_phone_number_too(text: str, phones: list[str]) -> None:
    assert sorted(_phones(("customer", text))) == sorted(phones)


@pytest.mark.parametrize(
    "text",
    [
        # more digits than an area code's
        "It's 271 4433, and the area code is 905123.",
        # the area code's words, but a price after them
        "It's 271 4433, and the area code costs 55 dollars.",
    ],
)
def test_digits_after_a_phone_number_that_are_no_area_code_told_are_not_taken_with_it(text: str) -> None:
    assert _phones(("customer", text)) == ["271 4433"]


@pytest.mark.parametrize(
    "text, phone",
    [
        ("It's 020 7946 0958, then the extension 214.", "020 7946 0958, then the extension 214"),
        ("It's 020 7946 0958 and extension 22.", "020 7946 0958 and extension 22"),
        # (after scoring held_back_52)
        (
            "My desk at work is 020 7946 0321, and then the extension is 214.",
            "020 7946 0321, and then the extension is 214",
        ),
    ],
)
def test_the_extension_said_after_then_or_and_goes_with_the_phone_number(text: str, phone: str) -> None:
    assert _phones(("customer", text)) == [phone]


def test_an_extension_lead_named_after_a_phone_number_is_no_extension_of_it() -> None:
    assert _phones(("customer", "It's 020 7946 0958, and the extension lead is 2 metres.")) == ["020 7946 0958"]


def test_a_number_given_as_ones_pager_is_a_phone_number() -> None:
    """(after scoring held_back_52)"""
    text = "I had a pager back then, 0941 227 318, but I don't think it works anymore."
    assert _phones(("customer", text)) == ["0941 227 318"]


@pytest.mark.parametrize(
    ("said", "number"),
    [
        ("The number after the plus is 61 412 555 019.", "61 412 555 019"),
        ("After the plus it's 61, then 412 555 019.", "61, then 412 555 019"),
        # the plus named is no country code misheard as a short word
        ("The one after the plus is 44 7700 900461.", "44 7700 900461"),
    ],
)
def test_a_number_said_after_the_plus_named_begins_with_its_country_code(said: str, number: str) -> None:
    assert _phones(("agent", "And the number?"), ("customer", said)) == [number]


@pytest.mark.parametrize(
    ("said", "found"),
    [
        ("353 87 614 2290.", ["353 87 614 2290"]),
        ("It's 353 87 614 2290.", ["353 87 614 2290"]),
    ],
)
def test_a_number_answering_what_comes_after_the_plus_begins_with_its_country_code(said: str, found: list[str]) -> None:
    """(after scoring held_back_54)"""
    assert _phones(("agent", "And the number after the plus?"), ("customer", said)) == found


def test_a_number_that_more_is_said_before_is_not_taken_to_answer_for_the_plus() -> None:
    turns = (("agent", "And the number after the plus?"), ("customer", "The order is 353 87 614 2290."))
    assert _phones(*turns) == []


def test_an_answer_for_the_plus_may_be_led_in_as_a_birth_date_given_on_is() -> None:
    """One list of words leads both answers in: "Okay, right, 353 ..." as "Okay, right, the 3rd of March"."""
    turns = (("agent", "And the number after the plus?"), ("customer", "Okay, right, 353 87 614 2290."))
    assert _phones(*turns) == ["353 87 614 2290"]


def test_an_area_code_given_up_and_said_again_to_begin_the_number_is_the_number() -> None:
    """(after scoring held_back_55; held_back_41 and _45 label such starts too, in German and Spanish)"""
    turns = (
        ("agent", "Can I take a contact number?"),
        ("customer", "Yeah, it's 087, uh, sorry, new phone. 087 261 4490."),
    )
    assert _phones(*turns) == ["087", "087 261 4490"]
