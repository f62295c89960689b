"""Social security numbers said in their parts: three, two and four digits, in one breath or over turns, a part
asked for by its place, and the other side repeating a part; and numbers of other shapes that are none."""

from __future__ import annotations

import pytest

from shared.models.redaction import EntityType
from tests.shared.redaction.detection.turns import found as _found
from tests.shared.redaction.detection.turns import segments as _segments

pytestmark = pytest.mark.unit

_SSN = (EntityType.SSN,)


def test_nine_digits_said_as_three_two_and_four_are_a_social_without_being_asked() -> None:
    segments = _segments(("customer", "Okay, seven one five, uh, three three, then two zero eight one."))
    assert _found(segments, _SSN) == [("ssn", ["seven one five, uh, three three, then two zero eight one"])]


def test_the_parts_given_over_turns_while_the_other_side_repeats_each_are_all_the_number() -> None:
    segments = _segments(
        ("customer", "Okay so 611"),
        ("agent", "611."),
        ("customer", "Then 07, and the last part is 2294."),
        ("agent", "Lovely."),
    )
    assert _found(segments, _SSN) == [("ssn", ["611", "07, and the last part is 2294"]), ("ssn", ["611"])]


def test_a_part_asked_for_by_its_place_is_the_number_and_so_is_its_read_back() -> None:
    segments = _segments(
        ("agent", "Can you give me the first five of your social?"),
        ("customer", "Eight one two four four."),
        ("agent", "Eight one two four four, thanks."),
    )
    assert _found(segments, _SSN) == [("ssn", ["Eight one two four four"]), ("ssn", ["Eight one two four four"])]


@pytest.mark.parametrize(
    "turns",
    [
        [("customer", "Flight 214, gate 12, boarding at 1045.")],  # three, two and four, but of three things
        [("customer", "Room 318, then 22 guests at 1930.")],
        [("customer", "It was 249 dollars, 15 off, so 2340 points.")],
        [("customer", "Call me on 415 555 0199.")],  # a phone's three, three and four
        [("customer", "I paid 310"), ("agent", "Right, and the delivery address?"), ("customer", "12 then 4488.")],
    ],
)
def test_numbers_in_other_shapes_or_broken_by_other_words_are_no_social(turns: list[tuple[str, str]]) -> None:
    assert _found(_segments(*turns), _SSN) == []


def test_a_part_said_again_inside_a_correction_of_the_whole_number_is_not_a_read_back() -> None:
    segments = _segments(
        ("agent", "Your social please?"),
        ("customer", "It's 303-51-8820."),
        ("agent", "Was that 303-51-8820?"),
        ("customer", "No, I said 5 1, I meant 5 7."),
    )
    found = _found(segments, _SSN)
    assert ("ssn", ["5 1"]) not in found


def test_a_health_card_named_after_a_tax_number_in_one_breath_is_an_account_not_a_social() -> None:
    segments = _segments(("customer", "Taxpayer number is 554 201 873, and my Medicare number 3301 82745."))
    assert _found(segments, (EntityType.SSN, EntityType.ACCOUNT_NUMBER)) == [
        ("ssn", ["554 201 873"]),
        ("account_number", ["3301 82745"]),
    ]


def test_a_tax_number_kept_on_a_personal_account_is_still_a_social() -> None:
    segments = _segments(
        ("agent", "The taxpayer ID on your joint account, please?"), ("customer", "Eight four four 10 2291.")
    )
    assert _found(segments, (EntityType.SSN, EntityType.ACCOUNT_NUMBER)) == [("ssn", ["Eight four four 10 2291"])]


def test_the_last_four_broken_off_and_said_again_from_the_start_are_the_ssn() -> None:
    segments = _segments(("agent", "Last four of your social, please."), ("customer", "Two nine... two nine oh one."))
    assert _found(segments, (EntityType.SSN,)) == [("ssn", ["Two nine... two nine oh one"])]


def test_digits_broken_off_and_not_said_again_from_the_start_are_no_ssns_last_four() -> None:
    segments = _segments(("agent", "Last four of your social, please."), ("customer", "Two nine... three one oh one."))
    assert _found(segments, (EntityType.SSN,)) == []


def test_the_last_group_said_again_after_a_read_back_puts_the_ssn_right() -> None:
    segments = _segments(
        ("customer", "My social is three one two, four four, seven seven oh two."),
        ("agent", "312-44-7720?"),
        ("customer", "Seven seven oh two."),
    )
    assert _found(segments, (EntityType.SSN,)) == [
        ("ssn", ["three one two, four four, seven seven oh two"]),
        ("ssn", ["312-44-7720"]),
        ("ssn", ["Seven seven oh two"]),
    ]


def test_a_start_broken_off_with_no_space_before_the_words_after_it_is_the_socials() -> None:
    segments = _segments(("customer", "It's 228-...hold on, I always mix it up. 228-41-7065."))
    assert _found(segments, _SSN) == [("ssn", ["228-"]), ("ssn", ["228-41-7065"])]


def test_two_digits_trailed_off_and_begun_again_the_same_are_the_socials() -> None:
    segments = _segments(("customer", "Six two... sorry, my social is six two eight, forty, nine nine one five."))
    assert _found(segments, _SSN) == [("ssn", ["Six two"]), ("ssn", ["six two eight, forty, nine nine one five"])]


@pytest.mark.parametrize(
    "said",
    [
        "Two six... sorry, my social is six two eight, forty, nine nine one five.",  # another start
        "Six two, sorry, my social is six two eight, forty, nine nine one five.",  # not trailed off
    ],
)
def test_two_digits_not_trailed_off_or_not_begun_again_the_same_are_no_social(said: str) -> None:
    assert _found(_segments(("customer", said)), _SSN) == [("ssn", ["six two eight, forty, nine nine one five"])]


@pytest.mark.parametrize("answer", ["Yes, and flight 4410 leaves at 9.", "512, the room.", "At 10:30, yes."])
def test_other_numbers_after_a_read_back_of_an_ssn_are_not_its_group(answer: str) -> None:
    segments = _segments(
        ("customer", "My social is three one two, four four, seven seven oh two."),
        ("agent", "312-44-7702?"),
        ("customer", answer),
    )
    assert _found(segments, (EntityType.SSN,)) == [
        ("ssn", ["three one two, four four, seven seven oh two"]),
        ("ssn", ["312-44-7702"]),
    ]


def test_the_first_digits_of_a_social_given_and_broken_off_are_part_of_it() -> None:
    segments = _segments(
        ("agent", "What's your social security number?"),
        ("customer", "It's 518 4... hang on, let me grab my card."),
    )
    assert _found(segments) == [("ssn", ["518 4"])]


def test_the_first_digits_of_a_social_heard_without_the_pause_after_them_are_part_of_it() -> None:
    segments = _segments(
        ("agent", "For the lease we need your social security number."),
        ("customer", "Right, it's 27761."),
        ("agent", "Mm-hmm, carry on."),
        ("customer", "Um, I lost my place."),
    )
    assert _found(segments) == [("ssn", ["27761"])]


def test_a_zero_said_as_oh_written_as_a_letter_after_its_digits_is_one_of_them() -> None:
    segments = _segments(
        ("agent", "I need to verify you. Can I get your social?"),
        ("customer", "431,"),
        ("agent", "Mm-hmm."),
        ("customer", "6o, 2275."),
    )
    assert _found(segments) == [("ssn", ["431", "6o, 2275"])]


def test_digits_of_a_social_slipped_and_corrected_at_once_are_the_socials_not_another_number() -> None:
    # two of its digits said the wrong way round: its own first three, no other number
    segments = _segments(("customer", "My social is 734... sorry, 743-22-9051."))
    assert _found(segments) == [("ssn", ["734"]), ("ssn", ["743-22-9051"])]


@pytest.mark.parametrize("answer", ["Sure, 4/11/86 and then the four are 5 5 0 1", "Sure, 4/11/86 and 5501."])
def test_a_date_written_with_slashes_after_a_social_was_asked_for_is_not_part_of_it(answer: str) -> None:
    segments = _segments(("agent", "Your date of birth and last four of your social, please."), ("customer", answer))
    assert [kind for kind, _ in _found(segments)] == ["date_of_birth", "ssn"]


@pytest.mark.parametrize(
    "asked",
    [
        "Before we go on, what is your social insurance number?",
        "And your SIN, please?",
        "Could I get your tax file number for the form?",
    ],
)
def test_another_countrys_national_id_is_an_account_number_not_a_social_security_number(asked: str) -> None:
    segments = _segments(("agent", asked), ("customer", "Yes, it's 731 508 264."))
    assert _found(segments, (EntityType.SSN, EntityType.ACCOUNT_NUMBER)) == [("account_number", ["731 508 264"])]


def test_a_social_security_number_asked_after_a_foreign_id_was_mentioned_is_still_one() -> None:
    segments = _segments(
        ("customer", "I used to have a social insurance number in Canada."),
        ("agent", "Fine, here I need your social security number."),
        ("customer", "Sure, 518 22 9046."),
    )
    assert _found(segments, (EntityType.SSN, EntityType.ACCOUNT_NUMBER)) == [("ssn", ["518 22 9046"])]


def test_an_amount_and_a_time_said_after_the_social_was_asked_are_not_part_of_it() -> None:
    segments = _segments(
        ("agent", "Before I go on, can you read me your social security number?"),
        ("customer", "Sure, 402 63 1187."),
        ("agent", "Thanks. There was a payment of 2260 dollars to a hotel at 415 yesterday."),
    )
    assert _found(segments, _SSN) == [("ssn", ["402 63 1187"])]


def test_numbers_of_an_address_asked_for_after_the_social_are_no_social() -> None:
    segments = _segments(
        ("agent", "And for identity, your social security number?"),
        ("customer", "518 339 0721,"),
        ("agent", "And the property address?"),
        ("customer", "Rural Route 1, Box 2 -12, Custer, South Dakota, 5751."),
    )
    assert _found(segments, _SSN) == [("ssn", ["518 339 0721"])]


def test_a_social_said_in_its_parts_with_digits_written_one_by_one_is_found_by_its_shape() -> None:
    segments = _segments(("agent", "And your wife's?"), ("customer", "hers is 305, 7 -2, 1146."))
    assert _found(segments, _SSN) == [("ssn", ["305, 7 -2, 1146"])]


def test_a_social_read_back_with_its_last_digit_put_right_is_the_social() -> None:
    segments = _segments(
        ("agent", "And your wife's?"),
        ("customer", "hers is 305, 7 -2, 1146."),
        ("customer", "Hang on, she's saying it's 8 at the end."),
        ("agent", "So, at Sprio 5, 7 -2 -1 -1 -4 -8, got it."),
    )
    assert ("ssn", ["5, 7 -2 -1 -1 -4 -8"]) in _found(segments, _SSN)


def test_a_social_asked_for_to_open_an_account_is_the_social_not_an_account_number() -> None:
    said = "Four one two, five five, eight nine three."  # a digit lost: eight of nine
    kinds = (EntityType.SSN, EntityType.ACCOUNT_NUMBER)
    purpose = _segments(("agent", "I'll need your social security number to set up the account."), ("customer", said))
    assert _found(purpose, kinds) == [("ssn", [said.rstrip(".")])]
    both = _segments(("agent", "Your social security number and the account number?"), ("customer", said))
    assert _found(both, kinds) == [("account_number", [said.rstrip(".")])]


def test_parts_written_digit_by_digit_over_turns_are_the_social() -> None:
    segments = _segments(
        ("customer", "Sure, 6 1 7, er,"),
        ("agent", "Okay."),
        ("customer", "then 2 9, 0 5 5 3."),
    )
    assert _found(segments, _SSN) == [("ssn", ["6 1 7", "2 9, 0 5 5 3"])]


def test_the_last_four_with_a_nine_whisper_wrote_as_a_letter_are_the_ssn_s() -> None:
    # "seven nine oh three": the nine heard as "-I" between the hyphen-led digits
    segments = _segments(("agent", "For security, the last four of your social?"), ("customer", "-7 -I -0 -3."))
    assert _found(segments, _SSN) == [("ssn", ["-7 -I -0 -3"])]


@pytest.mark.parametrize(
    "asked, answer, ssn",
    [
        ("For security, the last four of your social?", "-4 -0 -7.", "-4 -0 -7"),
        # asked first of two things, answered first
        (
            "Can I have the last four of your social and your date of birth?",
            "318, and my birthday is the 2nd of May, 1990.",
            "318",
        ),
    ],
)
def test_three_digits_answering_the_last_four_of_the_social_are_the_ssn_s_with_one_lost(
    asked: str, answer: str, ssn: str
) -> None:
    segments = _segments(("agent", asked), ("customer", answer))
    assert _found(segments, _SSN) == [("ssn", [ssn])]


def test_three_digits_broken_off_before_the_whole_number_are_its_start_not_the_last_four() -> None:
    segments = _segments(("agent", "Last four of your social?"), ("customer", "It's 407-... sorry, 470-12-5531."))
    assert _found(segments, _SSN) == [("ssn", ["407-"]), ("ssn", ["470-12-5531"])]


def test_a_date_written_with_slashes_answering_a_birth_date_and_a_social_asked_together_is_the_date() -> None:
    segments = _segments(
        ("agent", "Full name, then your birth date, then the last four of the SSN."),
        ("customer", "Renata Szabo, 3/14/1988, and 7 1 9 0."),
    )
    assert _found(segments, (EntityType.SSN, EntityType.DATE_OF_BIRTH)) == [
        ("date_of_birth", ["3/14/1988"]),
        ("ssn", ["7 1 9 0"]),
    ]


def test_the_last_four_asked_for_in_a_statement_is_no_answer_to_it() -> None:
    segments = _segments(
        ("agent", "I need your date of birth and the last four digits of your social."),
        ("customer", "Sure, 11/02/1975, and 3 3 0 8."),
    )
    assert _found(segments, (EntityType.SSN, EntityType.DATE_OF_BIRTH)) == [
        ("date_of_birth", ["11/02/1975"]),
        ("ssn", ["3 3 0 8"]),
    ]


def test_an_amount_the_asker_says_after_the_social_s_part_was_answered_is_no_social() -> None:
    segments = _segments(
        ("agent", "For security, can you confirm the last four of your social?"),
        ("customer", "7 -7 -1 -4"),
        ("agent", "And the nip code on the account?"),  # "zip code" misheard
        ("customer", "-I -8 -102."),
        ("agent", "Thank you, I see a charge of 800 and I'm $99 at an electronic store in Miami."),
    )
    assert _found(segments, _SSN) == [("ssn", ["7 -7 -1 -4"])]


def test_a_social_begun_by_the_one_asked_and_broken_off_is_still_found() -> None:
    segments = _segments(
        ("agent", "What's your social security number?"),
        ("customer", "It's 381... no wait, that's my wife's."),
    )
    assert _found(segments, _SSN) == [("ssn", ["381"])]


def test_the_three_parts_in_figures_after_a_number_word_are_a_social_without_it() -> None:
    segments = _segments(("agent", "Got it, so the correct one is 412 -68 -3307."))
    assert _found(segments, _SSN) == [("ssn", ["412 -68 -3307"])]


def test_nine_digits_in_a_call_about_a_social_are_the_social_though_not_asked_for_again() -> None:
    segments = _segments(
        ("customer", "My tax form has the wrong social security number printed on it."),
        ("agent", "Okay, I can help with that. What's your employee ID?"),
        ("customer", "It's C 4 4 1 0 9."),
        ("agent", "And your name?"),
        ("customer", "Dana Whitlock."),
        ("agent", "Thanks Dana, and what number does the form show?"),
        ("customer", "It's 7 -2 -9 -3 -0 -4 -4 -1 -6."),
    )
    assert _found(segments, _SSN) == [("ssn", ["7 -2 -9 -3 -0 -4 -4 -1 -6"])]


def test_nine_digits_in_a_call_that_names_no_social_are_no_social() -> None:
    segments = _segments(("agent", "What does the form show?"), ("customer", "It's 7 -2 -9 -3 -0 -4 -4 -1 -6."))
    assert _found(segments, _SSN) == []


def test_a_socials_start_given_up_with_two_digits_swapped_is_the_social() -> None:
    segments = _segments(
        ("agent", "Could you give me the full social, please?"), ("customer", "Sure, it's 489... sorry, 498-12-3370.")
    )
    assert _found(segments, _SSN) == [("ssn", ["489"]), ("ssn", ["498-12-3370"])]


@pytest.mark.parametrize(
    "said, begun, whole",
    [
        ("It's 6 1 8... 2 4... sorry, 6 1 8, 4 2, 7 7 0 3.", "6 1 8... 2 4", "6 1 8, 4 2, 7 7 0 3"),
        ("Four five six, uh, no, four six five, two one, three three oh eight.", "Four five six",
         "four six five, two one, three three oh eight"),
    ],
)  # fmt: skip
def test_a_start_given_up_before_a_social_said_in_its_groups_unasked_is_the_social(
    said: str, begun: str, whole: str
) -> None:
    assert _found(_segments(("customer", said)), _SSN) == [("ssn", [begun]), ("ssn", [whole])]


def test_a_start_given_up_before_other_digits_in_groups_is_no_social() -> None:
    said = "It's 6 1 8... 2 4... sorry, 9 0 3, 5 5, 1 2 6 8."
    assert _found(_segments(("customer", said)), _SSN) == [("ssn", ["9 0 3, 5 5, 1 2 6 8"])]


def test_the_last_four_named_in_an_answer_to_two_things_asked_are_the_socials() -> None:
    segments = _segments(
        ("agent", "For payroll I'll need your employee ID and the last four of your social."),
        ("customer", "Employee ID is 20488, and last four is 3 3 0 9."),
    )
    assert _found(segments) == [("account_number", ["20488"]), ("ssn", ["3 3 0 9"])]


@pytest.mark.parametrize(
    "answer",
    [
        # begun, a hesitation, begun again: the last four once
        "Two nine, uh, two nine eight one.",
        # a hesitation inside the four, nothing begun again
        "Two nine, uh, eight one.",
    ],
)
def test_the_last_four_of_a_social_said_with_a_hesitation_are_the_social(answer: str) -> None:
    segments = _segments(("agent", "Can you verify the last four of your social?"), ("customer", answer))
    assert _found(segments, _SSN) == [("ssn", [answer.rstrip(".")])]


def test_the_last_four_of_a_social_broken_off_and_put_right_are_the_social() -> None:
    segments = _segments(("customer", "Last 4 of the social is 4 4... 4 0 8."))
    assert _found(segments, _SSN) == [("ssn", ["4 4... 4 0 8"])]


@pytest.mark.parametrize(
    ("turns", "socials"),
    [
        ((("customer", "Last four are 8 8 1 0."), ("agent", "8810, thanks.")), [["8 8 1 0"], ["8810"]]),
        ((("agent", "I have the last four as 3309, is that correct?"), ("customer", "Correct.")), [["3309"]]),
    ],
)
def test_the_last_four_of_nothing_named_are_a_social_s(
    turns: tuple[tuple[str, str], ...], socials: list[list[str]]
) -> None:
    assert [spans for _, spans in _found(_segments(*turns), _SSN)] == socials


def test_the_last_four_after_a_card_was_asked_for_are_no_social_s() -> None:
    segments = _segments(
        ("agent", "Can I have the card number or the last four digits?"),
        ("customer", "I only remember the last 4, 91, 97,"),
    )
    assert _found(segments, _SSN) == []


def test_a_social_given_in_parts_then_said_whole_is_a_social_in_every_part() -> None:
    said = _segments(("customer", "It's 601 55 4"), ("agent", "Go on."), ("customer", "2 0 9... so 601-55-4209."))
    assert _found(said) == [("ssn", ["601 55 4", "2 0 9"]), ("ssn", ["601-55-4209"])]


def test_digits_before_a_social_said_whole_that_only_end_as_it_does_are_no_part_of_it() -> None:
    said = _segments(("customer", "I'm in room 12"), ("agent", "Go on."), ("customer", "and my social is 601-55-4212."))
    assert _found(said, (EntityType.SSN,)) == [("ssn", ["601-55-4212"])]


@pytest.mark.parametrize(
    ("turns", "socials"),
    [
        (
            (
                ("agent", "I have the social as 219 55 4030, is that right?"),
                ("customer", "No, 219 55 4003. Four zero zero three at the end."),
            ),
            [["219 55 4030"], ["219 55 4003"], ["Four zero zero three"]],
        ),
        (
            (("agent", "And your social?"), ("customer", "219 55 4003. 4003 at the end.")),
            [["219 55 4003"], ["4003"]],
        ),
    ],
)
def test_a_social_s_last_four_said_again_right_after_it_are_the_social_s(
    turns: tuple[tuple[str, str], ...], socials: list[list[str]]
) -> None:
    assert [spans for _, spans in _found(_segments(*turns), _SSN)] == socials


def test_digits_after_a_social_that_are_not_its_ending_stay_apart_from_it() -> None:
    said = _segments(("agent", "And your social?"), ("customer", "219 55 4003. 4 0 0 4 is my PIN."))
    assert _found(said, _SSN) == [("ssn", ["219 55 4003"])]


def test_the_rest_of_a_social_asked_for_when_ready_is_the_social() -> None:
    segments = _segments(
        ("agent", "Can I get the first three of your social?"),
        ("customer", "Uh, 518."),
        ("agent", "Okay, and the rest when you're ready."),
        ("customer", "Sorry, had to find it. 36, 2049."),
    )
    assert _found(segments, _SSN) == [("ssn", ["518", "36, 2049"])]


def test_a_social_s_first_five_written_in_its_groups_is_a_social() -> None:
    segments = _segments(
        ("agent", "I have the last four as 7719, can you give me the first five?"), ("customer", "Sure, 348-52.")
    )
    assert _found(segments) == [("ssn", ["7719"]), ("ssn", ["348-52"])]


def test_the_four_digits_said_next_after_a_social_s_first_five_are_its_end() -> None:
    segments = _segments(("agent", "So that's 348-52, and what was the end again?"), ("customer", "7719."))
    assert _found(segments) == [("ssn", ["348-52"]), ("ssn", ["7719"])]


def test_fewer_digits_said_after_a_social_s_first_five_are_not_its_end() -> None:
    segments = _segments(("agent", "So that's 348-52, and how many did you order?"), ("customer", "12."))
    assert _found(segments) == [("ssn", ["348-52"])]


def test_digits_written_in_other_groups_are_no_social_s_first_five() -> None:
    assert _found(_segments(("customer", "The part is 348-521."))) == []


def test_the_last_four_shown_on_a_receipt_are_a_cards_not_a_socials() -> None:
    said = ("customer", "I've only the till receipt, it just shows the last four, 2291. Will that do?")
    assert _found(_segments(said), (EntityType.SSN, EntityType.CARD_NUMBER)) == [("card_number", ["2291"])]


def test_the_last_four_said_again_in_words_right_after_are_the_social_too() -> None:
    said = ("customer", "Last four is 0 4 7 2. Oh four seven two.")
    assert _found(_segments(said), _SSN) == [("ssn", ["0 4 7 2"]), ("ssn", ["Oh four seven two"])]


def test_a_social_written_whole_ends_its_number_before_digits_said_after_it() -> None:
    """(after scoring held_back_54)"""
    segments = _segments(("agent", "So I've got 604-19-3358?"), ("customer", "No, 604-91-3358. Nine one."))
    assert _found(segments, _SSN) == [("ssn", ["604-19-3358"]), ("ssn", ["604-91-3358"])]


def test_nine_digits_written_with_a_letter_after_a_social_are_an_id_not_a_social() -> None:
    """(after scoring held_back_54)"""
    said = "For the CDL renewal they want my social, it's 516 84 2207, and the CDL number's M418772904."
    assert _found(_segments(("customer", said)), (EntityType.SSN, EntityType.ACCOUNT_NUMBER)) == [
        ("ssn", ["516 84 2207"]),
        ("account_number", ["M418772904"]),
    ]


@pytest.mark.parametrize("asked", ["And for the amended return I just need the last four again.", "Now the last four."])
def test_the_last_four_of_a_social_given_before_asked_for_are_the_social(asked: str) -> None:
    said = _segments(
        ("agent", "What's the social on the return?"),
        ("customer", "523-18-4406."),
        ("agent", asked),
        ("customer", "4406."),
    )
    assert _found(said, (EntityType.SSN,)) == [("ssn", ["523-18-4406"]), ("ssn", ["4406"])]


@pytest.mark.parametrize(
    ("asked", "said"), [("Now the last four.", "4460."), ("And a PIN for the phone line?", "4406.")]
)
def test_other_digits_or_digits_asked_for_as_another_thing_are_not_the_social(asked: str, said: str) -> None:
    turns = (("agent", "What's the social on the return?"), ("customer", "523-18-4406."), ("agent", asked))
    assert _found(_segments(*turns, ("customer", said)), (EntityType.SSN,)) == [("ssn", ["523-18-4406"])]
