"""A card's security code named as each card network names it."""

from __future__ import annotations

import pytest

from shared.models.redaction import EntityType
from tests.shared.redaction.detection.turns import found as _found
from tests.shared.redaction.detection.turns import segments as _segments
from tests.shared.redaction.detection.turns import spans_found

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("name", ["CID", "CVN", "CVV2", "CAV2"])
def test_the_networks_names_for_the_security_code_name_it(name: str) -> None:
    segments = _segments(("agent", f"And the {name} on that card?"), ("customer", "Two eight one."))
    assert _found(segments, (EntityType.CARD_SECURITY_CODE,)) == [("card_security_code", ["Two eight one"])]


def test_a_cid_without_a_card_talked_about_names_no_security_code_in_a_price() -> None:
    segments = _segments(("customer", "The CID team said it costs $212."))
    assert _found(segments, (EntityType.CARD_SECURITY_CODE,)) == []


def test_the_cvv_heard_as_covid_after_a_card_names_the_security_code_after_the_expiry() -> None:
    segments = _segments(
        ("agent", "Can I have the card number?"),
        ("customer", "Yes, 4126, 4281, 8102, 6187,"),
        ("agent", "And the expiry and security code?"),
        ("customer", "Xperia 03, 28, COVID -517,"),
    )
    found = _found(segments, (EntityType.CARD_SECURITY_CODE, EntityType.CARD_EXPIRY))
    assert found == [("card_expiry", ["03, 28"]), ("card_security_code", ["-517"])]


def test_covid_without_a_card_talked_about_names_no_security_code() -> None:
    segments = _segments(("customer", "I had COVID 219 days ago, so the booster is due."))
    assert _found(segments, (EntityType.CARD_SECURITY_CODE,)) == []


@pytest.mark.parametrize(
    "turns",
    [
        (("agent", "Could I get the last four digits of the Visa, please?"), ("customer", "Sure, 5038.")),
        # a date of birth asked just before is answered already
        (
            ("agent", "Your date of birth?"),
            ("customer", "2nd of May, 1966."),
            ("agent", "And the last 4 on your card?"),
            ("customer", "Yeah, 6102."),
        ),
    ],
)
def test_four_digits_given_for_the_last_four_of_a_card_are_the_card_number(turns: tuple[tuple[str, str], ...]) -> None:
    found = _found(_segments(*turns), (EntityType.CARD_NUMBER, EntityType.CARD_SECURITY_CODE))
    assert found == [("card_number", [turns[-1][1].split()[-1].rstrip(".")])]


def test_a_cards_end_put_right_after_it_was_read_is_the_card_not_an_expiry() -> None:
    segments = _segments(
        ("agent", "Great Ana, what's the new card number?"),
        ("customer", "492 -1187 -3302 -1516."),
        ("customer", "Oh no, sorry, the end is 161 -5."),
        ("agent", "Thank you, and the expiry?"),
        ("customer", "May 28."),
    )
    found = _found(segments, (EntityType.CARD_NUMBER, EntityType.CARD_EXPIRY))
    assert ("card_number", ["161 -5"]) in found
    assert [spans for kind, spans in found if kind == "card_expiry"] == [["May 28"]]


def test_four_digits_for_the_last_four_of_a_social_are_no_card_number() -> None:
    segments = _segments(
        ("agent", "The card's on file. The last four of your social?"),
        ("customer", "It's 8817."),
    )
    assert _found(segments, (EntityType.CARD_NUMBER,)) == []


_EXPIRY = (EntityType.CARD_EXPIRY,)


@pytest.mark.parametrize(
    "answer, expiry",
    [
        ("It's good till the end of March, '29.", "the end of March, '29"),
        ("Runs out at the start of next year, thirty.", "the start of next year, thirty"),
        ("End of this year, twenty-six, I think.", "End of this year, twenty-six"),
    ],
)
def test_an_expiry_said_as_when_in_its_month_or_year_the_card_runs_out_is_found_whole(answer: str, expiry: str) -> None:
    segments = _segments(("agent", "When does the card expire?"), ("customer", answer))
    assert _found(segments, _EXPIRY) == [("card_expiry", [expiry])]


def test_a_year_alone_after_the_year_is_named_is_the_expiry_not_the_code_asked_with_it() -> None:
    segments = _segments(
        ("agent", "Expiry and the security code?"),
        ("customer", "Next year, thirty-one, and the code is six one two."),
    )
    assert _found(segments, (EntityType.CARD_EXPIRY, EntityType.CARD_SECURITY_CODE)) == [
        ("card_expiry", ["Next year, thirty-one"]),
        ("card_security_code", ["six one two"]),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The warranty expires at the end of next year, it cost 30 pounds.",
        "My card expires next year, we moved in 2019.",
        "The card expires at the end of the year, I'm 31.",
    ],
)
def test_a_year_or_number_said_near_an_expiry_but_not_as_its_year_is_no_expiry(text: str) -> None:
    assert _found(_segments(("customer", text)), _EXPIRY) == []


def test_a_card_group_said_as_thousands_is_part_of_the_card() -> None:
    segments = _segments(("customer", "Five thousand, twelve thirty-four, fifty-six seventy-eight, nine oh one four."))
    assert _found(segments, (EntityType.CARD_NUMBER,)) == [
        ("card_number", ["Five thousand, twelve thirty-four, fifty-six seventy-eight, nine oh one four"])
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The card limit is four thousand, and I paid two thousand and nine last month.",
        "My card was charged four thousand pounds, then 1204 for the room.",
        "The card arrived in two thousand and nineteen, I was 45.",
    ],
)
def test_thousands_said_as_amounts_or_years_near_a_card_are_no_card_number(text: str) -> None:
    assert _found(_segments(("customer", text)), (EntityType.CARD_NUMBER, EntityType.CARD_SECURITY_CODE)) == []


def test_digits_put_right_in_a_turn_after_a_card_was_read_are_the_card() -> None:
    said = _segments(
        ("customer", "Mastercard, 5412 7534 9921 3328."),
        ("customer", "Sorry, wrong line, I mean"),
        ("customer", "9921 3382."),
    )
    assert _found(said) == [("card_number", ["5412 7534 9921 3328"]), ("card_number", ["9921 3382"])]


def test_a_number_given_after_a_card_without_putting_it_right_is_not_the_card() -> None:
    said = _segments(("customer", "Mastercard, 5412 7534 9921 3328."), ("customer", "Then 44812 for the gate."))
    assert _found(said) == [("card_number", ["5412 7534 9921 3328"])]


def test_a_phones_area_code_given_up_is_no_ones_number() -> None:
    found = _found(_segments(("customer", "My number is 087, hang on, my daughter changed it for me. 087 6621 504.")))
    assert [words[0] for _, words in found] == ["087 6621 504"]


def test_a_cards_end_said_after_the_other_side_read_its_start_back_misheard_is_the_card() -> None:
    segments = _segments(
        ("customer", "It's a Discover, 601 -10872"), ("agent", "6 -0 -1 -0 -8 -7 -2."), ("customer", "-3345 -9016,")
    )
    assert [words for _, words in _found(segments)] == [["601 -10872"], ["6 -0 -1 -0 -8 -7 -2"], ["-3345 -9016"]]


def test_digits_after_a_cards_start_read_back_that_fail_the_card_check_with_it_are_no_card() -> None:
    segments = _segments(
        ("customer", "It's a Discover, 601 -10872"), ("agent", "6 -0 -1 -0 -8 -7 -2."), ("customer", "-3345 -9017,")
    )
    assert [words for _, words in _found(segments)] == [["601 -10872"], ["6 -0 -1 -0 -8 -7 -2"]]


_CARD = (EntityType.CARD_NUMBER,)


def test_a_card_read_in_two_parts_with_talk_between_is_the_card_where_together_they_pass_its_check() -> None:
    said = _segments(
        ("customer", "So it's 4917 3020"),
        ("agent", "Yep."),
        ("customer", "hang on, my glasses. 5561 0004."),
    )
    assert _found(said, _CARD) == [("card_number", ["4917 3020"]), ("card_number", ["5561 0004"])]


def test_a_card_s_group_broken_off_and_said_again_leaves_a_card_that_passes_its_check() -> None:
    said = _segments(
        ("customer", "four nine one seven, three oh two oh, five five, no wait, five five six one, oh oh oh four")
    )
    assert [kind for kind, _ in _found(said, _CARD)] == ["card_number", "card_number"]


def test_two_numbers_read_apart_that_do_not_pass_a_card_s_check_together_are_no_card() -> None:
    said = _segments(("customer", "So it's 4917 3020"), ("agent", "Yep."), ("customer", "hang on. 5561 0005."))
    assert _found(said, _CARD) == []


def test_an_amount_in_euro_said_after_the_security_code_is_no_code() -> None:
    segments = _segments(
        ("customer", "The card is 4012 8888 8888 1881, and the three digits on the back are 274."),
        ("agent", "Grand, that's 300 and 45 euro taken off the balance."),
    )
    codes = _found(segments, (EntityType.CARD_SECURITY_CODE,))
    assert codes == [("card_security_code", ["274"])]


def test_an_offers_end_said_as_valid_until_a_month_is_no_card_expiry() -> None:
    segments = _segments(
        ("customer", "Do you have a discount code for new customers?"),
        ("agent", "Yes, it's WINTER10, valid until March 31, on any plan."),
    )
    assert _found(segments, (EntityType.CARD_EXPIRY, EntityType.CARD_SECURITY_CODE)) == []


def test_a_cards_valid_until_date_is_still_its_expiry() -> None:
    segments = _segments(("customer", "It's the Mastercard 5555 4444 3333 1111, valid until March 29."))
    assert _found(segments, (EntityType.CARD_EXPIRY,)) == [("card_expiry", ["March 29"])]


def test_a_card_read_after_the_listener_breaks_in_to_say_go_ahead_is_one_card() -> None:
    segments = _segments(
        ("agent", "And what card will you be using?"),
        ("customer", "Discover, 6011, 3842,"),
        ("agent", "Sorry, let me just, ok, go ahead."),
        ("customer", "7063, 3177,"),
    )
    assert _found(segments, _CARD) == [("card_number", ["6011, 3842", "7063, 3177"])]


def test_a_card_read_after_the_listener_asks_something_else_is_not_joined_to_it() -> None:
    segments = _segments(
        ("agent", "And what card will you be using?"),
        ("customer", "Discover, 6011, 3842,"),
        ("agent", "Sorry, what's your phone number first, go ahead."),
        ("customer", "7063, 3177,"),
    )
    assert _found(segments, _CARD) == [("card_number", ["6011, 3842"])]  # begun after the network, not joined


def test_a_card_number_begun_with_double_is_found_from_double() -> None:
    segments = _segments(
        ("agent", "Can you read me the card number if you have it?"),
        ("customer", "Off my statement, double five two two, seven double six eight, two five four three,"),
        ("customer", "four seven i'm two."),  # "nine" misheard
    )
    assert _found(segments, _CARD) == [
        ("card_number", ["double five two two, seven double six eight, two five four three", "four seven i'm two"])
    ]


def test_the_number_said_before_and_the_code_is_is_the_expiry_where_only_the_code_was_heard_asked() -> None:
    segments = _segments(
        ("customer", "It's a Discover, 6011 3842 7063 3177."),
        ("agent", "Experience the code on the back."),  # "Expiry and the code ..." misheard
        ("customer", "1029, and the code is 204."),
    )
    assert _found(segments, (EntityType.CARD_EXPIRY, EntityType.CARD_SECURITY_CODE)) == [
        ("card_expiry", ["1029"]),
        ("card_security_code", ["204"]),
    ]


def test_days_said_as_ordinals_after_a_code_was_asked_are_no_code() -> None:
    segments = _segments(
        ("agent", "And the security code."),
        ("agent", "Thanks, your room for the 14th to the 16th of May is guaranteed at 1669 euros."),
    )
    assert _found(segments, (EntityType.CARD_SECURITY_CODE,)) == []


def test_a_card_read_after_paying_with_cards_was_said_is_a_card_though_too_long_for_its_check() -> None:
    segments = _segments(
        ("agent", "How would you like to pay?"),
        ("customer", "Split it over two cards."),
        ("customer", "The first is 4111111111111111111."),
    )
    assert _found(segments, _CARD) == [("card_number", ["4111111111111111111"])]


def test_a_card_s_last_digits_read_back_with_one_lost_are_the_card() -> None:
    segments = _segments(
        ("customer", "4176 1052 9555 0641."),
        ("agent", "Thanks."),
        ("customer", "It ends 0641."),
        ("agent", "all 641, thank you, expiry date?"),
    )
    assert ("card_number", ["641"]) in _found(segments, _CARD)


def test_digits_said_to_be_read_back_after_a_card_are_the_card_however_misheard() -> None:
    segments = _segments(
        ("agent", "Go ahead with the card number."),
        ("customer", "4176 1052 9555 0641."),
        ("agent", "Let me read that back, and begin all 614,"),
    )
    assert ("card_number", ["614"]) in _found(segments, _CARD)


def test_an_amount_said_after_a_card_without_a_read_back_is_no_card() -> None:
    segments = _segments(
        ("customer", "4176 1052 9555 0641."),
        ("agent", "Thanks, that's 614 euros for the room."),
    )
    assert _found(segments, _CARD) == [("card_number", ["4176 1052 9555 0641"])]


def test_digits_begun_right_after_a_card_network_is_named_are_the_card_not_a_phone() -> None:
    segments = _segments(
        ("customer", "I'm placing a phone order for the wallet."),
        ("agent", "Which card are you using?"),
        ("customer", "Discover, 6 -O -1 -1 -1 -1 -1, hang on, let me start again."),
    )
    assert _found(segments, (EntityType.CARD_NUMBER, EntityType.PHONE_NUMBER)) == [
        ("card_number", ["6 -O -1 -1 -1 -1 -1"])
    ]


def test_an_expiry_named_as_whisper_hears_it_after_a_card_is_the_expiry() -> None:
    segments = _segments(
        ("customer", "It's five five five five, five five five five, five five five five, four four four four,"),
        ("customer", "Xperia 11, 27,"),
    )
    assert ("card_expiry", ["11, 27"]) in _found(segments, (EntityType.CARD_EXPIRY,))


def test_xperia_without_a_card_talked_about_names_no_expiry() -> None:
    segments = _segments(("customer", "My Xperia 10 is broken, the screen cracked in 2024."))
    assert _found(segments, (EntityType.CARD_EXPIRY,)) == []


def test_digits_after_a_card_answer_that_name_the_expiry_are_not_the_card() -> None:
    segments = _segments(
        ("agent", "What card would you like to pay with?"),
        ("customer", "MasterCard, 5489, 8066,"),
        ("agent", "Yep,"),
        ("customer", "6742, 0722."),
        ("customer", "Xperio 920, I'm"),
    )
    assert _found(segments, (EntityType.CARD_NUMBER, EntityType.CARD_EXPIRY)) == [
        ("card_number", ["5489, 8066", "6742, 0722"]),
        ("card_expiry", ["920"]),
    ]


@pytest.mark.parametrize(
    "said, code",
    [
        ("8888, 1881, expiry 06, 28, and the code on the map is 531.", "531"),
        ("The code is 77712, expi -04, 29.", "77712"),
    ],
)
def test_a_code_named_as_it_is_given_after_a_card_is_the_code(said: str, code: str) -> None:
    segments = _segments(("customer", "It's the Visa 4012 8888"), ("agent", "Go on."), ("customer", said))
    assert ("card_security_code", [code]) in _found(segments, (EntityType.CARD_SECURITY_CODE,))


def test_a_north_american_number_dialled_with_its_one_where_cards_are_talked_about_is_no_card() -> None:
    segments = _segments(
        ("agent", "Thanks for calling Acme card services, our number again is 1 800 555 0199."), ("customer", "okay")
    )
    assert _found(segments, _CARD) == []


def test_a_card_s_year_alone_answering_the_expiry_question_is_its_expiry() -> None:
    segments = _segments(
        ("agent", "And the new card number?"),
        ("customer", "4111 1111 1111 1111"),
        ("agent", "Expire it?"),
        ("customer", "-30,"),  # the month lost
    )
    assert ("card_expiry", ["-30"]) in _found(segments, (EntityType.CARD_EXPIRY,))


def test_a_number_alone_answering_when_something_other_than_a_card_expires_is_no_card_expiry() -> None:
    segments = _segments(("agent", "When does your membership expire?"), ("customer", "30"))
    assert _found(segments, (EntityType.CARD_EXPIRY,)) == []


def test_a_card_parted_by_an_aside_in_one_turn_is_one_card() -> None:
    said = _segments(("customer", "Right, it's 5105 1051... hold on, the dog... 0510 5100, yes."))
    assert _found(said, (EntityType.CARD_NUMBER,)) == [("card_number", ["5105 1051... hold on, the dog... 0510 5100"])]


@pytest.mark.parametrize(
    "said, expiry",
    [
        # with the expiry's digits the card passes the check by chance, 17 digits long
        ("Diners Club, 3674 543532 5327, expiry 5/28.", "5/28"),
        ("Diners Club, 3674 543532 5327, expires 5 28.", "5 28"),
    ],
)
def test_a_card_and_its_expiry_named_after_it_are_not_joined_into_one_card(said: str, expiry: str) -> None:
    found = _found(_segments(("customer", said)), (EntityType.CARD_NUMBER, EntityType.CARD_EXPIRY))
    assert found == [("card_number", ["3674 543532 5327"]), ("card_expiry", [expiry])]


@pytest.mark.parametrize(
    "said, expiry",
    [
        ("It's a JCB, 3566 8901 2347 5901, um, 09 of 28.", ["09 of 28"]),
        ("Mastercard, 5425 2334 3010 9903, uh, 11 of 2031, thanks.", ["11 of 2031"]),
        # no month and year a card expires in
        ("It's a JCB, 3566 8901 2347 5901, 2 of 3 cards I have.", []),
    ],
)
def test_a_month_of_a_year_after_a_card_printed_whole_is_its_expiry_not_more_of_the_card(
    said: str, expiry: list[str]
) -> None:
    found = dict(_found(_segments(("customer", said)), (EntityType.CARD_NUMBER, EntityType.CARD_EXPIRY)))
    assert len(found["card_number"][0].replace(" ", "")) == 16
    assert found.get("card_expiry", []) == expiry


def test_two_numbers_parted_by_an_aside_that_are_no_card_together_stay_apart() -> None:
    # an order's quantity and a price: together they fail the card check
    said = _segments(("customer", "It's 1200 units... sorry, hang on... 4999 each."))
    assert _found(said, (EntityType.CARD_NUMBER,)) == []


@pytest.mark.parametrize(
    "text",
    [
        # an order's number in its printed groups, passing the card check by chance
        "My order is 112-4839207-5561043.",
        "It's 40-2213-9915-774006 on the receipt.",
    ],
)
def test_a_number_printed_in_groups_no_card_is_printed_in_is_no_card(text: str) -> None:
    assert _found(_segments(("customer", text)), (EntityType.CARD_NUMBER,)) == []


@pytest.mark.parametrize(
    "turns",
    [
        (("customer", "My card is 4111-1111-1111-1111."),),
        (("customer", "It's the Amex, 3782-822463-10005."),),
        # asked for the card, odd groups are still its digits
        (("agent", "And the card number?"), ("customer", "411-1111-1111-1111-1.")),
    ],
)
def test_a_card_in_its_printed_groups_or_asked_for_is_a_card(turns: tuple[tuple[str, str], ...]) -> None:
    assert [kind for kind, _ in _found(_segments(*turns), (EntityType.CARD_NUMBER,))] == ["card_number"]


_CODE = (EntityType.CARD_SECURITY_CODE,)


@pytest.mark.parametrize(
    "statement", ["Thanks, your order of 240 is confirmed.", "Lovely, that's 365 a month from June."]
)
def test_digits_the_asker_says_after_the_code_is_answered_are_not_the_code_unless_read_back(statement: str) -> None:
    asked = (("agent", "What's the three digit code on the back?"), ("customer", "Five two seven."))
    assert _found(_segments(*asked, ("agent", statement)), _CODE) == [("card_security_code", ["Five two seven"])]
    read_back = _segments(*asked, ("agent", "527, thank you."), ("agent", statement))
    assert _found(read_back, _CODE) == [
        ("card_security_code", ["Five two seven"]),
        ("card_security_code", ["527"]),
    ]


@pytest.mark.parametrize(
    "question, answer",
    [
        ("Please read me the last four numbers of your passport.", "Eight two zero three."),
        ("For verification, the last four digits on your licence?", "-3917"),
    ],
)
def test_the_last_few_digits_of_another_number_are_no_security_code(question: str, answer: str) -> None:
    assert _found(_segments(("agent", question), ("customer", answer)), _CODE) == []


_CARD_DETAILS = (EntityType.CARD_NUMBER, EntityType.CARD_EXPIRY, EntityType.CARD_SECURITY_CODE)


def test_a_month_and_year_after_a_card_read_over_turns_is_its_expiry_however_the_question_was_heard() -> None:
    segments = _segments(
        ("agent", "Card number please?"),
        ("customer", "5425 2334"),
        ("agent", "Yes."),
        ("customer", "-3010 -9903"),
        ("agent", "And when is it good for?"),
        ("customer", "-11 -27."),
    )
    assert _found(segments, _CARD_DETAILS) == [
        ("card_number", ["5425 2334", "-3010 -9903"]),
        ("card_expiry", ["-11 -27"]),
    ]


def test_digits_answering_the_expiry_with_one_lost_are_the_expiry_not_a_code_asked_after_it() -> None:
    card = (("agent", "The long number on the card?"), ("customer", "4111 1111 1111 1111"))
    expiry = _segments(*card, ("agent", "Expiry date?"), ("customer", "-092"))
    assert _found(expiry, _CARD_DETAILS)[1:] == [("card_expiry", ["-092"])]
    code = _segments(*card, ("agent", "Expiry date?"), ("agent", "And the savvy, please?"), ("customer", "381."))
    assert _found(code, _CARD_DETAILS)[1:] == [("card_security_code", ["381"])]


@pytest.mark.parametrize(
    "turns",
    [
        (("agent", "What's the security code?"), ("customer", "Hang on."), ("agent", "That's 7 pounds 45 today.")),
        (("agent", "Could I get the CVV?"), ("agent", "The charge is twelve dollars fifty.")),
    ],
)
def test_the_cents_or_pence_of_an_amount_are_no_security_code(turns: tuple[tuple[str, str], ...]) -> None:
    assert _found(_segments(*turns), _CODE) == []


@pytest.mark.parametrize(
    "question, answer, last_four",
    [
        ("Could you read me the last four of the card on file?", "Three, nine, oh, seven.", "Three, nine, oh, seven"),
        ("What are the final 4 digits on your Visa?", "It's 5 0 1 8.", "5 0 1 8"),
        # the card named first
        ("Can you confirm the card, just the last four?", "Um, 3583.", "3583"),
        # any network, not only the four best known
        ("For the refund, what are the last four digits of the Maestro?", "2 2 0 9.", "2 2 0 9"),
        ("And your RuPay, just the last four?", "Um, 6 0 7 1, I think.", "6 0 7 1"),
        # "four of" as Whisper may run it together
        ("Can I have the last forum the card?", "4417.", "4417"),
    ],
)
def test_digits_answering_the_last_four_of_a_card_are_the_card_number(
    question: str, answer: str, last_four: str
) -> None:
    segments = _segments(("agent", question), ("customer", answer))
    assert _found(segments) == [("card_number", [last_four])]


def test_one_that_stands_for_a_card_is_no_digit_of_the_last_four_given_after_it() -> None:
    segments = _segments(
        ("agent", "Which are the last four of the card you'd like to use?"),
        ("customer", "2, 7, 7, 4. Hmm, no, that's the other one. 2, 7, 1, 9."),
    )
    assert _found(segments) == [("card_number", ["2, 7, 7, 4"]), ("card_number", ["2, 7, 1, 9"])]


@pytest.mark.parametrize(
    "text, card",
    [
        ("My RuPay number is 6521 5031 2874 4067, the one from SBI.", "6521 5031 2874 4067"),
        ("Charge my Union Pay number, 6214 8370 9125 5832 015, please.", "6214 8370 9125 5832 015"),
        # a digit misheard breaks the check: a card as its network is named
        ("My Elo number is 6362 9710 4552 8718, from Bradesco.", "6362 9710 4552 8718"),
    ],
)
def test_a_card_named_by_a_network_beyond_the_best_known_is_a_card_not_a_scheme_number(text: str, card: str) -> None:
    assert _found(_segments(("customer", text))) == [("card_number", [card])]


def test_a_card_group_put_right_and_read_on_after_a_correction_is_the_card() -> None:
    segments = _segments(("customer", "Okay, 5105 2233 8814, sorry, 8841 0210. The numbers are tiny."))
    assert _found(segments) == [("card_number", ["5105 2233 8814"]), ("card_number", ["8841 0210"])]


def test_a_last_digit_said_unsure_after_and_is_still_part_of_the_code() -> None:
    segments = _segments(
        ("agent", "What's the CVV on the back?"),
        ("customer", "It's rubbed off, six, two, and maybe a nine."),
    )
    assert _found(segments, (EntityType.CARD_SECURITY_CODE,)) == [
        ("card_security_code", ["six, two, and maybe a nine"])
    ]


def test_an_expirys_month_and_the_year_named_after_it_are_one_expiry() -> None:
    segments = _segments(
        ("agent", "When does it expire?"), ("customer", "That's March, so zero three, and then the year is 2029.")
    )
    assert _found(segments, _EXPIRY) == [("card_expiry", ["zero three, and then the year is 2029"])]


_EXPIRY = (EntityType.CARD_EXPIRY,)


def test_an_expiry_asked_for_as_whisper_heard_expiry_next_fiery_is_the_card_s() -> None:
    # "and the expiry" heard as "and next fiery", after the card was read back
    segments = _segments(
        ("agent", "What is the card number?"),
        ("customer", "4532 7153 3790 1241."),
        ("agent", "So that is 4, 5, 3, 2, 7, 1, 5, 3, 3, 7, 9, 0, 1, 2, 4, 1,"),
        ("customer", "Yes, that is it."),
        ("agent", "and next fiery."),
        ("customer", "10, 28."),
    )
    assert _found(segments, _EXPIRY) == [("card_expiry", ["10, 28"])]


def test_a_month_and_year_after_expires_heard_as_pires_are_the_expiry_not_the_card_s_digits() -> None:
    segments = _segments(
        ("agent", "And the card number?"), ("customer", "5425 2334 3010 9903."), ("customer", "At Pires June 2031.")
    )
    assert _found(segments) == [("card_number", ["5425 2334 3010 9903"]), ("card_expiry", ["June 2031"])]


def test_four_digits_after_expiry_heard_as_appearance_are_the_expiry_not_a_security_code() -> None:
    segments = _segments(
        ("agent", "The card number, please?"),
        ("customer", "5425 2334 3010 9903."),
        ("agent", "Appearance security code?"),
        ("customer", "0529, and the COVID -418."),
    )
    assert _found(segments, (EntityType.CARD_EXPIRY, EntityType.CARD_SECURITY_CODE)) == [
        ("card_expiry", ["0529"]),
        ("card_security_code", ["-418"]),
    ]


def test_appearance_where_no_card_was_talked_about_names_no_expiry() -> None:
    segments = _segments(("agent", "Any change to your appearance since the photo?"), ("customer", "Since 0529, no."))
    assert _found(segments, _EXPIRY) == []


def test_the_19_of_covid_19_written_for_code_is_is_no_digit_of_the_security_code() -> None:
    # "and the code is six one five nine" heard "and the COVID -19 -615 -I'm"
    segments = _segments(
        ("agent", "It's an American Express?"),
        ("customer", "3714 496353 98431."),
        ("agent", "Expiry and the four digit code on the front."),
        ("customer", "expiry is 04, 29, and the COVID -19 -615 -I'm"),
    )
    assert _found(segments, (EntityType.CARD_SECURITY_CODE,)) == [("card_security_code", ["-615 -I'm"])]


def test_a_cards_last_four_named_by_count_and_kind_before_them_are_its_number() -> None:
    segments = _segments(
        ("agent", "Which card would you like the money back on?"),
        ("customer", "Its last 4 digits are two six one eight."),
    )
    assert _found(segments, (EntityType.CARD_NUMBER,)) == [("card_number", ["two six one eight"])]


def test_the_last_four_digits_of_a_price_are_no_card() -> None:
    segments = _segments(
        ("agent", "Your card will be charged for the order."),
        ("customer", "The last four digits are the same as before, 2618 pounds in total?"),
    )
    assert _found(segments, (EntityType.CARD_NUMBER,)) == []


def test_a_named_cards_ending_heard_with_a_digit_lost_is_its_number() -> None:
    segments = _segments(("agent", "So we'll charge the Mastercard ending 904, is that right?"))
    assert _found(segments, (EntityType.CARD_NUMBER,)) == [("card_number", ["904"])]


def test_three_digits_ending_something_else_than_a_card_are_no_card() -> None:
    segments = _segments(("agent", "Your card arrives with the order ending 904, the one for three shirts."))
    assert _found(segments, (EntityType.CARD_NUMBER,)) == []


def test_the_code_named_after_a_card_and_an_expiry_said_in_words_is_its_security_code() -> None:
    segments = _segments(
        ("agent", "Go ahead whenever you're ready."),
        (
            "customer",
            "Five four five four, five four five four, five four five four, five four five four. "
            "Ten thirty-one. And the code is three oh seven.",
        ),
    )
    assert _found(segments, (EntityType.CARD_SECURITY_CODE,)) == [("card_security_code", ["three oh seven"])]


def test_the_end_of_a_card_confirmed_after_it_was_read_back_is_the_card_not_its_code() -> None:
    segments = _segments(
        ("agent", "Go ahead with the card number."),
        ("customer", "5312 7781 0093 2218."),
        ("agent", "Sorry, did you say two two one eight at the end?"),
        ("customer", "Yes, 2218."),
    )
    assert _found(segments, (EntityType.CARD_NUMBER, EntityType.CARD_SECURITY_CODE)) == [
        ("card_number", ["5312 7781 0093 2218"]),
        ("card_number", ["two two one eight"]),
        ("card_number", ["2218"]),
    ]


def test_four_digits_said_to_end_a_card_just_read_that_the_check_then_passes_put_its_ending_right() -> None:
    segments = _segments(("customer", "Card number is 4499 0353 7922 9818, no wait, sorry, 9889 at the end."))
    assert _found(segments, (EntityType.CARD_NUMBER, EntityType.CARD_SECURITY_CODE)) == [
        ("card_number", ["4499 0353 7922 9818"]),
        ("card_number", ["9889"]),
    ]


def test_four_digits_said_to_end_a_card_that_the_check_then_fails_are_no_new_ending() -> None:
    segments = _segments(("customer", "Card number is 4499 0353 7922 9818, and 1234 at the end."))
    assert ("card_number", ["1234"]) not in _found(segments, (EntityType.CARD_NUMBER,))


def test_four_digits_after_a_card_when_the_code_is_asked_stay_its_code() -> None:
    segments = _segments(
        ("agent", "Go ahead with the card number."),
        ("customer", "5312 7781 0093 2218."),
        ("agent", "And the security code?"),
        ("customer", "7741."),
    )
    assert _found(segments, (EntityType.CARD_SECURITY_CODE,)) == [("card_security_code", ["7741"])]


@pytest.mark.parametrize(
    "said",
    [
        "I see the amoxicillin at 250 milligrams, 21 capsules.",
        "The inhaler is 100 micrograms, 200 puffs, and a 5 ml spacer.",
        "She's still at 7 Birch Road, apartment 12, and the room is 31.",
    ],
)
def test_doses_and_rooms_after_a_health_cards_version_code_are_no_security_code(said: str) -> None:
    segments = _segments(
        ("agent", "I also need the health card number."),
        ("customer", "It's 6120 447 913, and the version code is XK."),
        ("agent", "Got it."),
        ("agent", said),
    )
    assert _found(segments, (EntityType.CARD_SECURITY_CODE,)) == []


@pytest.mark.parametrize(
    "said, begun, whole",
    [
        ("It's 4-5-3-9, sorry, 4532 7781 0093 2219.", "4-5-3-9", "4532 7781 0093 2219"),
        ("My social is 412... no, sorry. 512-44-9031.", "412", "512-44-9031"),
        (
            "Oh four double one, seven... no, oh four double one, six two eight, nine nine oh.",
            "Oh four double one, seven",
            "oh four double one, six two eight, nine nine oh",
        ),
        # a card begun again from its first group, no card named
        (
            "Six oh one one, oh oh oh oh, hmm no, six oh one one, oh oh nine three, four four seven one, two two five "
            "eight.",
            "Six oh one one, oh oh oh oh",
            "six oh one one, oh oh nine three, four four seven one, two two five eight",
        ),
    ],
)
def test_a_start_misspoken_and_given_up_is_the_number_said_after_it(said: str, begun: str, whole: str) -> None:
    found = [words[0] for _, words in _found(_segments(("customer", said)))]
    assert found == [begun, whole]


@pytest.mark.parametrize(
    "said",
    [
        "A table for 4, sorry, 5 people at 7 30.",
        "Room 214, no sorry, I'm checking out. My card is 4111 1111 1111 1111.",
        # as long as a card's first groups, but not how it starts
        "Room 1234 5678, no sorry, that's old. My card is 4111 1111 1111 1111.",
    ],
)
def test_numbers_given_up_that_do_not_start_the_number_after_are_not_it(said: str) -> None:
    found = [words[0] for _, words in _found(_segments(("customer", said)))]
    assert found in ([], ["4111 1111 1111 1111"])


_CARD = (EntityType.CARD_NUMBER,)


@pytest.mark.parametrize(
    "answer, card",
    [
        (
            "Mastercard. four five five six, hold on, seven three seven, five eight six, sorry, eight nine nine eight "
            "five five.",
            "four five five six, hold on, seven three seven, five eight six, sorry, eight nine nine eight five five",
        ),
        ("Amex, 3714, let me see, 496353, um, 98431.", "3714, let me see, 496353, um, 98431"),
    ],
)
def test_a_card_read_in_groups_with_asides_between_them_is_one_card(answer: str, card: str) -> None:
    segments = _segments(("agent", "How are you paying for the tickets?"), ("customer", answer))
    assert _found(segments, _CARD) == [("card_number", [card])]


@pytest.mark.parametrize(
    "turns",
    [
        # an id on a loyalty card put right, its digits by chance passing the card check
        [("customer", "Member card number is 4 9 1 6 3 3 8 5 0 6, sorry, 0 8 2 8 3 2 at the end.")],
        # a price and a quantity said with the card, apart
        [("customer", "It's on my Visa, the total was 129, sorry, 4 units at 89 each.")],
    ],
)
def test_numbers_with_asides_between_them_that_are_no_card_are_not_joined_into_one(
    turns: list[tuple[str, str]],
) -> None:
    assert _found(_segments(*turns), _CARD) == []


@pytest.mark.parametrize(
    "turns, said",
    [
        # a card picked out by its ending, said back
        (
            [
                ("agent", "There's a Mastercard ending in 5519 saved, shall we use that?"),
                ("customer", "Sure, 5519 is fine."),
            ],
            "5519",
        ),
        (
            # ("one" stands for the card, no digit)
            [("agent", "We have the Amex ending 2087 on file."), ("customer", "Okay, the 2087 one, please.")],
            "2087",
        ),
        # a group asked about, given again
        (
            [
                ("customer", "It's 5312 6641 0987 3328."),
                ("agent", "Was the third group oh nine eight seven?"),
                ("customer", "Yes, 0987."),
            ],
            "0987",
        ),
        # a group heard wrong, put right with the group it was heard as
        (
            [
                ("customer", "The card is 5312 6641 0987 3328."),
                ("agent", "Thanks, so that's ending 0978 3328?"),
                ("customer", "No, 0987 not 0978."),
            ],
            "0987|0978",
        ),
    ],
)
def test_a_group_of_a_card_said_again_soon_after_it_is_the_card(turns: list[tuple[str, str]], said: str) -> None:
    found = [spans for _, spans in _found(_segments(*turns), _CARD)]
    assert all([part] in found for part in said.split("|")), found


def test_the_one_ending_picked_out_against_a_card_named_by_its_ending_is_a_card() -> None:
    segments = _segments(("customer", "Please don't use the one that ends in 8842, put it on the Visa ending 1170."))
    assert _found(segments, _CARD) == [("card_number", ["8842"]), ("card_number", ["1170"])]


@pytest.mark.parametrize(
    "turns",
    [
        # a price that holds a card's ending
        [("agent", "Your Visa ending 4821 is on file."), ("customer", "And the total was $48.21?")],
        # a quantity, an order number and a time after a card's ending, none of its groups
        [("agent", "That's the Visa ending 4821."), ("customer", "Great, I ordered 2400 of them.")],
        [("agent", "That's the Visa ending 4821."), ("customer", "And my order number is 7715.")],
        [("agent", "That's the Visa ending 4821."), ("customer", "Can you deliver at 1830?")],
        # a number heard wrong with no putting right: another number
        [("agent", "That's the Visa ending 4821."), ("customer", "The model is the 4812.")],
        # "the one ending" of a subscription or a phone plan
        [("customer", "Cancel the subscription, the one ending 2027, and bill the card ending 6612.")],
        [("customer", "My phone plan is the one ending 0415, the card stays the same.")],
    ],
)
def test_numbers_near_a_cards_ending_that_are_not_its_groups_stay(turns: list[tuple[str, str]]) -> None:
    found = _found(_segments(*turns), _CARD)
    assert all(spans[0] in {"4821", "6612"} for _, spans in found), found


@pytest.mark.parametrize("number", ["4716 2209 8831 5505", "5301-7742-0098-1126", "3782 514409 71203"])
def test_a_number_grouped_as_a_card_is_printed_is_a_card_though_a_digit_breaks_its_check(number: str) -> None:
    segments = _segments(("customer", f"Can I just pay now? {number}."))
    assert _found(segments, (EntityType.CARD_NUMBER, EntityType.ACCOUNT_NUMBER)) == [("card_number", [number])]


def test_a_loyalty_number_grouped_as_a_card_is_the_account_it_is_named() -> None:
    segments = _segments(("customer", "My Nectar number is 6011 4207 3318 9052."))
    assert _found(segments, (EntityType.CARD_NUMBER, EntityType.ACCOUNT_NUMBER)) == [
        ("account_number", ["6011 4207 3318 9052"])
    ]


def test_a_card_named_by_its_ending_after_the_social_was_asked_is_the_cards() -> None:
    turns = (
        ("agent", "Can you confirm the last four of your social?"),
        ("customer", "Two two nine one."),
        ("agent", "Thank you. We've seen some unusual activity on your card ending in 6117."),
    )
    assert _found(_segments(*turns), (EntityType.SSN, EntityType.CARD_NUMBER)) == [
        ("ssn", ["Two two nine one"]),
        ("card_number", ["6117"]),
    ]


@pytest.mark.parametrize("kind", ["loyalty", "rewards", "membership", "library"])
def test_a_number_on_a_card_that_is_an_id_is_no_card_number_though_it_passes_the_card_check(kind: str) -> None:
    segments = _segments(
        ("agent", f"Have you got your {kind} card?"),
        ("customer", f"Yes, the {kind} card number is 6314 5002 7718 4021."),
    )
    assert _found(segments) == [("account_number", ["6314 5002 7718 4021"])]


def test_a_code_said_to_be_on_the_back_is_a_cards_where_no_card_was_named() -> None:
    segments = _segments(("customer", "The code is 6 0 3, on the back."))
    assert _found(segments, (EntityType.CARD_SECURITY_CODE,)) == [("card_security_code", ["6 0 3"])]


def test_digits_after_the_back_named_once_the_expiry_was_given_are_the_code_not_an_expiry() -> None:
    said = "The card, 4111 1111 1111 1111, it runs out in, um, March '29, and the back, 8 1 5."
    assert _found(_segments(("customer", said)), _CARD_DETAILS) == [
        ("card_number", ["4111 1111 1111 1111"]),
        ("card_expiry", ["March '29"]),
        ("card_security_code", ["8 1 5"]),
    ]


@pytest.mark.parametrize(
    "said, codes",
    [
        ("The number on the back, the last three, is 4 0 7.", ["4 0 7"]),
        # the back of another thing
        ("The number on the back of the box is 442.", []),
    ],
)
def test_the_number_on_the_back_names_a_cards_code(said: str, codes: list[str]) -> None:
    found = _found(_segments(("customer", said)), (EntityType.CARD_SECURITY_CODE,))
    assert [text for _, spans in found for text in spans] == codes


def test_a_toll_free_line_given_for_lost_cards_with_its_hours_run_on_is_no_card() -> None:
    segments = _segments(
        ("customer", "What's the number for lost cards again?"),
        ("agent", "It's 1-800-555-0199, open 24 hours."),
    )
    assert _found(segments, _CARD_DETAILS) == []


def test_digits_after_the_back_named_with_no_card_talked_about_are_no_code() -> None:
    said = "We painted the front last week and the back, 412."
    assert _found(_segments(("customer", said)), _CARD_DETAILS) == []


@pytest.mark.parametrize(
    "text, codes",
    [
        ("The code is 411, the one on the back.", ["411"]),
        ("The code is 411, the one on the back of the card.", ["411"]),
        # "security number" where it is on the back: the card's, not a social's
        (
            "Security number is four one one... wait, is that the one on the back? Yeah, that's it, 411.",
            ["four one one", "411"],
        ),
    ],
)
def test_a_code_said_with_the_one_on_the_back_is_a_cards(text: str, codes: list[str]) -> None:
    found = _found(_segments(("customer", text)), (EntityType.CARD_SECURITY_CODE,))
    assert found == [("card_security_code", [code]) for code in codes]


@pytest.mark.parametrize(
    "text",
    [
        "The code is 603, on the back of the box.",
        "The code is 603, the one on the back of the box.",
        "I paid by card, and the number on the back of the box is 603.",
    ],
)
def test_a_code_on_the_back_of_another_thing_is_no_cards(text: str) -> None:
    assert _found(_segments(("customer", text))) == []


def test_a_card_read_back_in_part_and_gone_on_with_by_the_other_side_is_one_card() -> None:
    segments = _segments(("agent", "So far I've got 4819 2740."), ("customer", "Yep, then 6635 1184."))
    assert _found(segments) == [("card_number", ["4819 2740"]), ("card_number", ["6635 1184"])]


def test_two_numbers_of_two_speakers_are_no_card_unless_one_goes_on_from_the_other() -> None:
    segments = _segments(("agent", "So far I've got 4819 2740."), ("customer", "Yep, 6635 1184."))
    assert _found(segments, (EntityType.CARD_NUMBER,)) == []


def test_nine_oh_heard_as_i_know_between_a_cards_digits_is_part_of_it() -> None:
    segments = _segments(
        ("customer", "3 7 4 2 1 1 8 I know 5 6 6 3 0 1."),
        ("agent", "Let me repeat that. 3, 7, 4, 2, 1, 1, 8, I know 5. 6, 6, 3, 0, 1."),
    )
    assert _found(segments) == [
        ("card_number", ["3 7 4 2 1 1 8 I know 5 6 6 3 0 1"]),
        ("card_number", ["3, 7, 4, 2, 1, 1, 8, I know 5. 6, 6, 3, 0, 1"]),
    ]


@pytest.mark.parametrize(
    "turns, cards",
    [
        (
            [
                (
                    "customer",
                    "Card number 5500 1234... no, sorry, that's the wrong card. Let me get the right one. Okay. "
                    "4024 0071 8836 2210.",
                )
            ],
            [("card_number", ["5500 1234"]), ("card_number", ["4024 0071 8836 2210"])],
        ),
        (
            [
                ("agent", "What card would you like to use today?"),
                (
                    "customer",
                    "nine zero three nine, oh wait, no, that's the one that expired. Hang on. Okay, the new one "
                    "is 67592 50336 10466 9874.",
                ),
            ],
            [("card_number", ["nine zero three nine"]), ("card_number", ["67592 50336 10466 9874"])],
        ),
    ],
)
def test_the_start_of_the_wrong_card_given_up_before_the_right_one_is_a_cards(
    turns: list[tuple[str, str]], cards: list[tuple[str, list[str]]]
) -> None:
    assert _found(_segments(*turns)) == cards


def test_digits_counted_up_as_an_example_before_a_card_are_no_cards() -> None:
    segments = _segments(("customer", "The card is 1,2,3,4? No sorry, 6,0,1,1,1,1,1,1,1,1,1,1,1,1,1,7."))
    assert _found(segments) == [("card_number", ["6,0,1,1,1,1,1,1,1,1,1,1,1,1,1,7"])]


_CARD_READ_OVER_TURNS = (
    ("agent", "How would you like to pay?"),
    ("customer", "debit card, ready?"),
    ("customer", "5 -3 -5 -5 -2 -4 -0 -1,"),
    ("agent", "Yes, go on."),
    ("customer", "7 -7 -8 -1, 6 -6 -2 -8,"),
)


def test_a_cards_expiry_and_code_given_next_by_its_reader_are_its_however_the_questions_were_heard() -> None:
    segments = _segments(
        *_CARD_READ_OVER_TURNS,
        ("agent", "Thank you, next priority date."),
        ("customer", "0 -7 -28,"),
        ("agent", "And the free tickets on the Mac and the card."),
        ("customer", "3 -1 -5,"),
    )
    assert _found(segments) == [
        ("card_number", ["5 -3 -5 -5 -2 -4 -0 -1", "7 -7 -8 -1, 6 -6 -2 -8"]),
        ("card_expiry", ["0 -7 -28"]),
        ("card_security_code", ["3 -1 -5"]),
    ]


def test_a_number_given_after_a_card_when_another_kind_was_asked_is_not_the_cards_detail() -> None:
    segments = _segments(
        *_CARD_READ_OVER_TURNS, ("agent", "And the postcode on the account?"), ("customer", "1 -2 -27,")
    )
    assert "card_expiry" not in [kind for kind, _ in _found(segments)]


@pytest.mark.parametrize(
    "question, code",
    [
        ("The CVV, is that the 4 digit one on the front? For the Amex?", "7 2 1 5"),
        ("The security code, is that the one on the back?", "7 2 1"),
    ],
)
def test_the_code_given_after_the_caller_asked_which_one_it_is_is_the_code(question: str, code: str) -> None:
    segments = _segments(("customer", question), ("agent", "That's right."), ("customer", f"Okay, {code}."))
    assert _found(segments, _CODE) == [("card_security_code", [code])]


# "Oh," begins a sentence, no zero: the code given before it still answers the question
@pytest.mark.parametrize("aside", ["And we're in room 318.", "Oh, and we're in room 318."])
def test_digits_after_the_code_was_given_with_the_one_asked_about_are_no_code(aside: str) -> None:
    segments = _segments(
        ("agent", "And the security code?"),
        ("customer", "The one on the back? 7 2 1."),
        ("agent", "Thank you."),
        ("customer", aside),
    )
    assert _found(segments, _CODE) == [("card_security_code", ["7 2 1"])]


@pytest.mark.parametrize(
    "question, answer",
    [
        ("Can you read me the first six digits?", "4 5 5 3 5 7."),
        ("Can you confirm the first six digits?", "5 1 0 5, 1 0."),
        ("And the first 6 numbers on the card?", "455357."),
    ],
)
def test_six_digits_given_for_the_first_six_are_the_card_number(question: str, answer: str) -> None:
    segments = _segments(("agent", question), ("customer", answer))
    assert _found(segments, (EntityType.CARD_NUMBER,)) == [("card_number", [answer.rstrip(".")])]


@pytest.mark.parametrize(
    "question",
    [
        "Can you read me the first six digits of the serial on the router?",
        "The first six digits, and then your account number?",
    ],
)
def test_the_first_six_digits_of_another_number_are_no_card_number(question: str) -> None:
    assert _found(_segments(("agent", question), ("customer", "455357.")), (EntityType.CARD_NUMBER,)) == []


def test_a_card_read_on_after_its_first_half_was_read_back_to_confirm_it_is_one_card() -> None:
    segments = _segments(("customer", "It's 5270 7984..."), ("agent", "5270 7984, yes?"), ("customer", "1185 1067."))
    found = _found(segments, (EntityType.CARD_NUMBER,))
    assert sorted(said for _, spans in found for said in spans) == ["1185 1067", "5270 7984", "5270 7984"]


# asking anew, read back wrong, or asking about a part only
@pytest.mark.parametrize("read_back", ["5270 7984, and the expiry?", "5270 7948, yes?", "7984?"])
def test_digits_after_a_read_back_that_asks_anew_or_differs_go_on_no_card(read_back: str) -> None:
    segments = _segments(("customer", "It's 5270 7984..."), ("agent", read_back), ("customer", "1185 1067."))
    assert _found(segments, (EntityType.CARD_NUMBER,)) == []


@pytest.mark.parametrize(
    "turns, cards",
    [
        (
            (("customer", "4388 5760 1832"), ("agent", "And the last four?"), ("customer", "9576. Sorry, it's worn.")),
            ["4388 5760 1832", "9576"],
        ),
        # the one reading it back asks for the rest
        (
            (("agent", "I've got 4919 0741 6470, and the last group?"), ("customer", "6639.")),
            ["4919 0741 6470", "6639"],
        ),
        # asked for in halves, no card named
        (
            (
                ("agent", "Can I take the first eight digits?"),
                ("customer", "5495 3654."),
                ("agent", "Okay, and the last eight?"),
                ("customer", "5458 6908."),
            ),
            ["5495 3654", "5458 6908"],
        ),
    ],
)
def test_a_card_whose_rest_was_asked_for_after_its_first_groups_is_one_card(
    turns: tuple[tuple[str, str], ...], cards: list[str]
) -> None:
    found = _found(_segments(*turns), (EntityType.CARD_NUMBER,))
    assert [said for _, spans in found for said in spans] == cards


@pytest.mark.parametrize(
    "turns",
    [
        (("customer", "4388 5760 1832"), ("agent", "And the last four? Then the expiry."), ("customer", "9576.")),
        (("agent", "I've got 4919 0741 6470. What's the expiry?"), ("customer", "6639.")),
    ],
)
def test_digits_given_after_something_else_was_asked_do_not_end_the_card(turns: tuple[tuple[str, str], ...]) -> None:
    assert _found(_segments(*turns), (EntityType.CARD_NUMBER,)) == []


@pytest.mark.parametrize(
    "said, code",
    [
        ("CVV, 2 2... 2 7 1", "2 2... 2 7 1"),
        ("The 3 digits on the back, it's rubbed off a bit, 5 8... 5 6 1?", "5 8... 5 6 1"),
    ],
)
def test_a_code_broken_off_and_put_right_from_its_first_digit_is_the_code_once(said: str, code: str) -> None:
    assert _found(_segments(("customer", said))) == [("card_security_code", [code])]


@pytest.mark.parametrize(
    "text, codes",
    [
        ("okay and the code is 8 1 7 1, it's Amex.", ["8 1 7 1"]),
        ("The code's 412 on the Visa.", ["412"]),
        ("And the code is 412, it's a debit card.", ["412"]),
        # another card, or a code the card is not named after
        ("The door code is 4412 on the card they gave me.", []),
        ("The code is 4412, it's for the gate.", []),
        # a card named after digits no code was named for
        ("Flat 4412, it's a Visa.", []),
    ],
)  # fmt: skip
def test_a_code_with_its_card_named_right_after_it_is_the_cards(text: str, codes: list[str]) -> None:
    found = _found(_segments(("customer", text)), (EntityType.CARD_SECURITY_CODE,))
    assert found == [("card_security_code", [code]) for code in codes]


@pytest.mark.parametrize(
    "turns, found",
    [
        ((("agent", "How would you like to pay?"), ("customer", "Visa, 4024.")), [("card_number", ["4024"])]),
        ((("agent", "Which card?"), ("customer", "The Mastercard 4024")), [("card_number", ["4024"])]),
        # a year going on in its sentence after a visa
        ((("customer", "My visa 2024 application was refused."),), []),
        # the network said with a code asked for
        (
            (("agent", "And the security code on the card?"), ("customer", "Amex, 4024.")),
            [("card_security_code", ["4024"])],
        ),
    ],
)  # fmt: skip
def test_four_digits_said_right_after_a_cards_network_are_its_last_four(
    turns: tuple[tuple[str, str], ...], found: list[tuple[str, list[str]]]
) -> None:
    assert _found(_segments(*turns)) == found


@pytest.mark.parametrize(
    "asked, answer, found",
    [
        (
            "Right, the code on the back, the last three digits on the signature strip.",
            "One... two... seven. 127.",
            [("card_security_code", ["One... two... seven"]), ("card_security_code", ["127"])],
        ),
        # the last digits of another number, no card named, or on the back of another thing: an id's
        ("And the last four digits of your Aadhaar?", "4412.", [("account_number", ["4412"])]),
        ("And the last four digits on the back of your Aadhaar card?", "4412.", [("account_number", ["4412"])]),
    ],
)  # fmt: skip
def test_the_last_digits_asked_where_a_cards_code_is_printed_are_its_code(
    asked: str, answer: str, found: list[tuple[str, list[str]]]
) -> None:
    assert _found(_segments(("agent", asked), ("customer", answer))) == found


@pytest.mark.parametrize(
    ("said", "ending"),
    [
        ("Um, the one ending in 7428, that's the Visa, not the debit one.", "7428"),
        ("The last four is 2095, and the expiry 10/26.", "2095"),
        ("The last four is 0588 and it expires in April 2028.", "0588"),
    ],
)
def test_an_ending_with_the_card_or_its_expiry_named_after_it_is_the_card_s(said: str, ending: str) -> None:
    found = _found(_segments(("customer", said)), (EntityType.CARD_NUMBER,))
    assert found == [("card_number", [ending])]


def test_an_ending_with_something_else_named_after_it_is_no_card_s() -> None:
    found = _found(_segments(("customer", "The one ending in 7428, that's the landline.")), (EntityType.CARD_NUMBER,))
    assert found == []


def test_a_first_group_trailed_off_and_given_up_before_a_whole_card_is_a_card_s() -> None:
    found = _found(_segments(("customer", "4989... hold on, that's the old one. 4053 8588 0114 5789.")))
    assert found == [("card_number", ["4989"]), ("card_number", ["4053 8588 0114 5789"])]


def test_a_first_group_given_up_without_trailing_off_before_a_card_is_no_card_s() -> None:
    found = _found(_segments(("customer", "Room 4989, hold on, that's the old one. 4053 8588 0114 5789.")))
    assert found == [("card_number", ["4053 8588 0114 5789"])]


def test_the_date_on_the_card_is_its_expiry() -> None:
    said = "The date on the card is 02/28, but the bank says it's been renewed already."
    assert _found(_segments(("customer", said)), _EXPIRY) == [("card_expiry", ["02/28"])]


def test_the_date_on_an_id_card_is_no_expiry() -> None:
    said = "The date on my ID card is 02/28, when it was issued."
    assert _found(_segments(("customer", said)), _EXPIRY) == []


def test_a_card_heard_as_a_car_before_its_ending_is_still_named() -> None:
    said = "Thanks. The refund will come back to the car ending 7 -8 -1 or within 5 working days."
    assert _found(_segments(("agent", said)), _CARD) == [("card_number", ["7 -8 -1"])]


def test_a_car_s_own_number_ending_names_no_card() -> None:
    said = "Is that the car registration ending 781?"
    assert _found(_segments(("agent", said)), _CARD) == []


def test_a_code_read_back_right_after_its_expiry_is_the_code() -> None:
    segments = _segments(
        ("customer", "It's 5330 4539 8663 9855, expires 07/30, and the code is 417."),
        ("agent", "Let me just repeat that. 5330 4539 8663 9855, expiry 07/30, and 417."),
    )
    assert _found(segments, (EntityType.CARD_SECURITY_CODE,)) == [
        ("card_security_code", ["417"]),
        ("card_security_code", ["417"]),
    ]


def test_a_code_said_in_words_after_an_expiry_said_in_words_keeps_its_kind() -> None:
    # no figures to compare: neither reads the other back
    segments = _segments(
        ("agent", "Thanks. Expiry?"),
        ("customer", "Twelve twenty-seven."),
        ("agent", "Twelve twenty-seven, and the code on the back?"),
        ("customer", "Seven seven one."),
    )
    assert _found(segments, (EntityType.CARD_SECURITY_CODE,)) == [("card_security_code", ["Seven seven one"])]


@pytest.mark.parametrize(
    "said, cards",
    [
        (
            "Four five three two, one one nine eight, zero zero seven four, six six two three.",
            ["Four five three two, one one nine eight, zero zero seven four, six six two three"],
        ),
        # no card starts so
        ("Eight five three two, one one nine eight, zero zero seven four, six six two three.", []),
        # not a card's groups
        ("Four five three, two one one nine, eight zero zero seven, four six six two three.", []),
    ],
)
def test_digits_said_in_words_in_a_cards_four_groups_are_a_card_though_they_fail_the_check(
    said: str, cards: list[str]
) -> None:
    assert [
        words for kind, _, words in spans_found((("customer", said),), tuple(EntityType)) if kind == "card_number"
    ] == cards


@pytest.mark.parametrize(
    "turns, found",
    [
        ((("agent", "Which card?"), ("customer", "The one that ends, uh, 5518.")), [(1, "5518")]),
        (
            (("agent", "Is that the card ending 2231?"), ("customer", "No, the one that ends, um, 5518.")),
            [(0, "2231"), (1, "5518")],
        ),
    ],
)
def test_a_cards_ending_said_after_a_pause_word_is_its_last_four(
    turns: tuple[tuple[str, str], ...], found: list[tuple[int, str]]
) -> None:
    assert [(turn, words) for _, turn, words in spans_found(turns, (EntityType.CARD_NUMBER,))] == found


def test_a_brazilian_cards_network_is_no_name() -> None:
    said = "É um Elo... sorry, it's an Elo card, six three six three, six eight eight six, nine seven eight oh."
    found = spans_found((("customer", said),), (EntityType.PERSON_NAME, EntityType.CARD_NUMBER))
    assert found == [("card_number", 0, "six three six three, six eight eight six, nine seven eight oh")]


def test_a_code_named_by_code_alone_ends_the_card_given_in_answer() -> None:
    segments = _segments(
        ("agent", "Which card would you like to use?"),
        ("customer", "Use the Visa, 4 .5 .32 .0151,"),
        ("customer", "1 .2 .8 .3 .0 .3 .6 .6."),
        ("customer", "and the code is 482."),
    )
    assert _found(segments) == [
        ("card_number", ["4 .5 .32 .0151", "1 .2 .8 .3 .0 .3 .6 .6"]),
        ("card_security_code", ["482"]),
    ]


def test_a_cards_last_four_after_an_id_sharing_three_of_its_digits_stays_the_card() -> None:
    segments = _segments(
        ("agent", "And your CPF, for the system?"),
        ("customer", "3 -1 -4, 5 -5 -2, 0 -8 -7, 6 -1,"),
        ("agent", "Thank you, you pay by card every month, the Mastercard ending 4421."),
    )
    assert _found(segments) == [
        ("account_number", ["3 -1 -4, 5 -5 -2, 0 -8 -7, 6 -1"]),
        ("card_number", ["4421"]),
    ]


@pytest.mark.parametrize(
    ("said", "expiry"),
    [
        ("Expiry's the winter of 2029, December 2029.", "the winter of 2029, December 2029"),
        ("It runs out in the spring of 2027, March.", "the spring of 2027, March"),
    ],
)
def test_the_season_said_before_an_expiry_is_part_of_it(said: str, expiry: str) -> None:
    segments = _segments(("agent", "And the card's expiry?"), ("customer", said))
    assert _found(segments) == [("card_expiry", [expiry])]


@pytest.mark.parametrize(
    ("said", "expiry"),
    [
        ("Expiry is the 11th month of 2028.", "the 11th month of 2028"),
        ("Expiry on this one is the 3rd month, 2031.", "the 3rd month, 2031"),
    ],
)
def test_a_month_by_its_number_before_month_is_an_expiry(said: str, expiry: str) -> None:
    assert _found(_segments(("customer", said)), _EXPIRY) == [("card_expiry", [expiry])]


def test_a_day_said_for_an_expiry_makes_it_no_cards() -> None:
    said = "The expiry on the voucher is the 6th of May 2027."
    assert _found(_segments(("customer", said)), _EXPIRY) == []


def test_an_expirys_month_put_right_is_the_expiry_too() -> None:
    found = _found(_segments(("customer", "Expiry is June, no, sorry, July 2031.")), _EXPIRY)
    assert found == [("card_expiry", ["June"]), ("card_expiry", ["July 2031"])]


@pytest.mark.parametrize(
    "said",
    [
        "Expiry is, um, hang on, no, sorry, July 2031.",  # no date
        "Expiry is 2030, no, sorry, July 2031.",  # another start: a year before the month
    ],
)
def test_words_given_up_before_an_expiry_that_do_not_begin_it_are_not_of_it(said: str) -> None:
    assert _found(_segments(("customer", said)), _EXPIRY) == [("card_expiry", ["July 2031"])]


def test_digits_after_a_card_given_whole_are_no_more_of_the_card() -> None:
    segments = _segments(
        ("agent", "The family membership is $390 for the term, or you can pay monthly."),
        ("customer", "I'll pay the full amount now,"),
        ("agent", "Sure, card number when you're ready,"),
        ("customer", "4709, 3012, 5578, 6419,"),
        ("agent", "expire it,"),
        ("customer", "05,"),
        ("agent", "and the receiving fee,"),
        ("customer", "30128."),
    )
    cards = [found for found in _found(segments) if found[0] == "card_number"]
    assert cards == [("card_number", ["4709, 3012, 5578, 6419"])]


def test_oh_and_one_digit_before_a_year_are_an_expirys_month() -> None:
    segments = _segments(("agent", "And the expiry?"), ("customer", "Oh, 7, 29."))
    assert _found(segments, _EXPIRY) == [("card_expiry", ["Oh, 7, 29"])]


@pytest.mark.parametrize("said", ["Oh, 12 months from now.", "Oh, 0, 29, I can't read it."])
def test_oh_said_as_a_word_before_no_month_is_no_expirys(said: str) -> None:
    segments = _segments(("agent", "And the expiry?"), ("customer", said))
    assert all("Oh" not in spans[0] for _, spans in _found(segments, _EXPIRY))


def test_a_card_s_first_half_read_back_with_its_length_named_then_gone_on_with_is_one_card() -> None:
    segments = _segments(
        ("customer", "It's 5204 3178."),
        ("agent", "Okay, so that's the first eight, 5204 3178. Go on."),
        ("customer", "Then 6620 9159."),
    )
    assert _found(segments) == [
        ("card_number", ["5204 3178", "6620 9159"]),
        ("card_number", ["5204 3178"]),
    ]


def test_a_read_back_of_the_digits_so_far_followed_by_a_question_is_asked_anew() -> None:
    segments = _segments(
        ("agent", "What's the billing ZIP code?"),
        ("customer", "60614."),
        ("agent", "60614, thank you, and the street?"),
        ("customer", "2210 Halsted Avenue."),
    )
    assert _found(segments).count(("address", ["60614"])) == 2  # given, and read back


def test_a_card_read_in_parts_with_backchannels_and_ended_by_its_last_four_is_one_card() -> None:
    segments = _segments(
        ("customer", "First four 4556."),
        ("agent", "Mm-hmm."),
        ("customer", "Then 2817, 3946."),
        ("agent", "Yep."),
        ("customer", "Last four 0620."),
    )
    assert _found(segments) == [("card_number", ["4556", "2817, 3946"]), ("card_number", ["0620"])]


def test_parts_that_do_not_pass_the_card_check_together_are_no_card() -> None:
    segments = _segments(
        ("customer", "First four 4556."),
        ("agent", "Mm-hmm."),
        ("customer", "Then 2817, 3946."),
        ("agent", "Yep."),
        ("customer", "Last four 0628."),
    )
    assert ("card_number", ["4556", "2817, 3946"]) not in _found(segments)


def test_a_first_payment_named_before_a_number_leaves_the_number_whole() -> None:
    segments = _segments(("customer", "Please ring my mobile first, 07700 900 461."))
    assert _found(segments) == [("phone_number", ["07700 900 461"])]


def test_a_social_said_whole_after_a_birth_date_makes_no_card_with_it() -> None:
    # the date's digits and the social's pass the card check together by chance
    segments = _segments(("customer", "I was born on May 14th, 1975, and my social is 528 71 3012."))
    assert _found(segments) == [("date_of_birth", ["May 14th, 1975"]), ("ssn", ["528 71 3012"])]


def test_an_address_s_numbers_are_no_card_read_in_parts() -> None:
    # "218", "2", "11347" and "520109" pass the card check together by chance
    segments = _segments(
        ("agent", "And your address?"), ("customer", "It's Block 218, Tampines Street 2, #11-347, Singapore 520109.")
    )
    assert _found(segments) == [("address", ["Block 218, Tampines Street 2, #11-347, Singapore 520109"])]


@pytest.mark.parametrize(
    ("said", "code"),
    [
        ("Code's 5, 8, 3.", "5, 8, 3"),
        ("So the code was 5 8 3?", "5 8 3"),
        ("Oh, that code, it's 583.", "583"),
    ],
)
def test_three_digits_given_as_the_code_are_a_card_s_code_though_no_card_was_talked_about(said: str, code: str) -> None:
    assert _found(_segments(("customer", said))) == [("card_security_code", [code])]


@pytest.mark.parametrize(
    "said",
    ["The door code is 583.", "My area code is 583.", "The error code is 583.", "The code is 5830."],
)
def test_a_code_named_for_what_it_opens_or_of_other_length_is_no_card_s_code(said: str) -> None:
    assert ("card_security_code", ["583"]) not in _found(_segments(("customer", said)))
    assert ("card_security_code", ["5830"]) not in _found(_segments(("customer", said)))


def test_a_card_s_code_read_back_whole_is_its_code() -> None:
    segments = _segments(("customer", "Oh, that code, it's 583."), ("agent", "Thank you, 583."))
    assert _found(segments) == [("card_security_code", ["583"]), ("card_security_code", ["583"])]


def test_when_a_card_lapses_is_its_expiry() -> None:
    segments = _segments(("customer", "It lapses at the end of October '27."), ("agent", "So 10/27?"))
    assert _found(segments) == [("card_expiry", ["the end of October '27"]), ("card_expiry", ["10/27"])]


def test_when_a_policy_lapses_is_no_card_s_expiry() -> None:
    assert _found(_segments(("customer", "My policy lapses at the end of October '27."))) == []


def test_a_code_given_again_when_asked_once_more_is_the_code() -> None:
    segments = _segments(
        ("agent", "And the security code?"),
        ("customer", "Um, the strip's really worn. 5, 2, and I think a 7."),
        ("agent", "Could you give me that once more?"),
        ("customer", "Yeah, 527. Pretty sure it's 527."),
    )
    assert [kind for kind, _ in _found(segments)] == ["card_security_code"] * 3


def test_the_same_digits_given_after_another_question_are_not_the_code_again() -> None:
    segments = _segments(
        ("agent", "And the security code?"),
        ("customer", "Um, the strip's really worn. 5, 2, and I think a 7."),
        ("agent", "Thanks. And how many tickets?"),
        ("customer", "527."),
    )
    assert [kind for kind, _ in _found(segments)] == ["card_security_code"]


@pytest.mark.parametrize(
    "text", ["The code is 901. Or is it 109? Hang on. Yeah, 109.", "The code is 901. Or is it 109? Yeah, 109."]
)
def test_a_code_doubted_and_read_again_another_way_is_the_code(text: str) -> None:
    """Read again after a doubt, and that reading said again, whatever is said between."""
    segments = _segments(("customer", text))
    assert _found(segments) == [("card_security_code", ["901"])] + [("card_security_code", ["109"])] * 2


@pytest.mark.parametrize(
    "said_next",
    [
        # not doubted: the same digits in another order, said of something else
        "And we're in room 109.",
        # doubted, but a price
        "Actually the fee is 109 pounds.",
        # doubted, but not the code's digits
        "Or is it 245?",
    ],
)
def test_other_digits_after_a_code_are_not_the_code_read_again(said_next: str) -> None:
    segments = _segments(("agent", "And the security code?"), ("customer", "It's 901."), ("customer", said_next))
    assert [kind for kind, _ in _found(segments)] == ["card_security_code"]


@pytest.mark.parametrize(
    "line_broke",
    [
        "Sorry, you broke up after the first eight.",
        "Sorry, you cut out there.",
        "Hello? You cut out after the first eight digits.",
    ],
)
def test_a_card_read_on_after_the_line_broke_up_is_one_card(line_broke: str) -> None:
    segments = _segments(
        ("customer", "Okay, the card is 4308, 9456..."), ("agent", line_broke), ("customer", "5028, 7425.")
    )
    assert _found(segments) == [("card_number", ["4308, 9456", "5028, 7425"])]


def test_digits_asked_for_anew_after_the_line_broke_up_are_not_the_card_going_on() -> None:
    segments = _segments(
        ("customer", "Okay, the card is 4308, 9456..."),
        ("agent", "Sorry, you broke up. And a phone number for the account?"),
        ("customer", "5028, 7425."),
    )
    assert ("card_number", ["4308, 9456", "5028, 7425"]) not in _found(segments)


def test_three_digits_right_after_a_card_s_expiry_are_its_code() -> None:
    segments = _segments(
        ("agent", "Yes, the card number,"),
        ("customer", "2221, 0266, 8544, 9245,"),
        ("agent", "expiry and see me me."),
        ("customer", "1128, and 337."),
    )
    assert _found(segments)[1:] == [("card_expiry", ["1128"]), ("card_security_code", ["337"])]


@pytest.mark.parametrize(
    "said",
    [
        # said later in the breath
        "1128, and it's been the same card since, so 337.",
        # a month and year again, not a code
        "0325, and 0329.",
    ],
)
def test_numbers_said_later_or_a_second_expiry_after_a_card_s_expiry_keep_their_kind(said: str) -> None:
    segments = _segments(("agent", "And the expiry?"), ("customer", said))
    assert "card_security_code" not in [kind for kind, _ in _found(segments)]


def test_a_code_s_first_two_digits_heard_as_free_free_are_its_digits() -> None:
    """ "three three seven" heard as "Free free 7."."""
    segments = _segments(("agent", "And the security code?"), ("customer", "Free free 7."))
    assert _found(segments) == [("card_security_code", ["Free free 7"])]


def test_a_diners_cards_fourteen_digits_are_whole_and_a_year_after_them_is_its_expiry() -> None:
    """(after scoring held_back_53) "26" makes the card's digits pass the check at sixteen as well."""
    said = ("customer", "It's a Diners Club, 3056 930902 5904, and it runs out end of next year, December '26.")
    assert _found(_segments(said), (EntityType.CARD_NUMBER, EntityType.CARD_EXPIRY)) == [
        ("card_number", ["3056 930902 5904"]),
        ("card_expiry", ["end of next year, December '26"]),
    ]


@pytest.mark.parametrize(
    "asked, kind",
    [
        # (after scoring held_back_53)
        ("Sorry, you cut out there. Could you go again from the seventh digit?", "card_number"),
        # asked for something else: what is given is that
        ("Thanks. And a good number for you?", "phone_number"),
    ],
)
def test_a_cards_end_given_again_when_asked_again_is_the_card(asked: str, kind: str) -> None:
    turns = (
        ("customer", "4539 1488 0343 6467."),
        ("agent", asked),
        ("customer", "From the seventh. 8, 8, 0, 3, 4, 3, 6, 4, 6, 7."),
    )
    found = _found(_segments(*turns), (EntityType.CARD_NUMBER, EntityType.PHONE_NUMBER))
    assert found[-1] == (kind, ["8, 8, 0, 3, 4, 3, 6, 4, 6, 7"])


@pytest.mark.parametrize("prompt, found", [("Yes?", 2), ("Go on?", 2), ("Which card is that?", 0)])
def test_a_card_in_two_halves_goes_on_over_a_prompt_to_go_on(prompt: str, found: int) -> None:
    """(after scoring held_back_53) A question asks anew; "Yes?" only asks for the rest."""
    turns = (("customer", "It's 4556 7375..."), ("agent", prompt), ("customer", "Sorry, the dog's barking. 8689 9855."))
    assert sum(len(spans) for kind, spans in _found(_segments(*turns)) if kind == "card_number") == found


@pytest.mark.parametrize(
    "turns, code",
    [
        # (after scoring held_back_53) named as callers name it, or by "security" alone right before it
        ((("customer", "The little code's 4, 1, 9."),), "4, 1, 9"),
        (
            (
                (
                    "customer",
                    "So the card is 4918 6543 4997 5927, expiry June twenty-seven, security 118, name Ana Ruiz.",
                ),
            ),
            "118",
        ),
    ],
)
def test_the_little_code_or_security_alone_names_the_security_code(
    turns: tuple[tuple[str, str], ...], code: str
) -> None:
    assert _found(_segments(*turns), (EntityType.CARD_SECURITY_CODE,)) == [("card_security_code", [code])]


@pytest.mark.parametrize(
    "said, ending",
    [
        # (after scoring held_back_53)
        ("The new card is 6011 9721 4109 5905, and the old one I reported stolen ended 3381.", "3381"),
        ("Last four of my social is 8 8 2 0 and the card's last four is 5 0 7 7.", "5 0 7 7"),
    ],
)
def test_a_cards_last_four_named_after_another_number_are_the_cards(said: str, ending: str) -> None:
    found = _found(
        _segments(("customer", said)), (EntityType.CARD_NUMBER, EntityType.SSN, EntityType.CARD_SECURITY_CODE)
    )
    assert found[-1] == ("card_number", [ending])


def test_a_year_something_ended_in_is_no_cards_last_four() -> None:
    said = ("customer", "I paid by card last time. The contract ended 2021, so I'm out of it.")
    assert _found(_segments(said), (EntityType.CARD_NUMBER,)) == []


def test_the_last_four_of_a_card_in_a_phones_wallet_are_the_cards() -> None:
    """(after scoring held_back_54)"""
    segments = _segments(
        ("customer", "Oh, it's on my phone in Apple Pay, I can only see the last four. 1493."),
        ("agent", "1493, okay, I can see that payment."),
    )
    assert _found(segments, (EntityType.CARD_NUMBER, EntityType.PHONE_NUMBER)) == [
        ("card_number", ["1493"]),
        ("card_number", ["1493"]),
    ]


def test_the_last_four_of_a_phone_are_no_cards() -> None:
    segments = _segments(("customer", "My phone's last four are 1493."))
    assert _found(segments, (EntityType.CARD_NUMBER, EntityType.PHONE_NUMBER)) == [("phone_number", ["1493"])]


def test_the_code_named_by_its_numbered_name_is_the_security_code() -> None:
    turns = (("agent", "And the CVC2 on the back?"), ("customer", "The CVC2 is 482."))
    assert spans_found(turns, (EntityType.CARD_SECURITY_CODE,)) == [("card_security_code", 1, "482")]


@pytest.mark.parametrize(
    "said",
    [
        "I think it's 4929 7342 1180 5563. The third group might be 1186.",
        "It's 4929 7342 1180 5563. The last group could be 5565.",
    ],
)
def test_a_card_group_named_by_its_place_after_the_card_is_the_card(said: str) -> None:
    """A group said again or put right (the numbers "peeling"), not a four-digit security code."""
    found = spans_found((("agent", "Go ahead with the card."), ("customer", said)), tuple(EntityType))
    assert [kind for kind, _, _ in found] == ["card_number", "card_number"]


def test_a_group_named_without_a_card_read_before_it_is_not_taken_for_the_card() -> None:
    turns = (("agent", "Which locker?"), ("customer", "The third block is 1186."))
    assert spans_found(turns, (EntityType.CARD_NUMBER,)) == []


@pytest.mark.parametrize(
    "said", ["It's the blue one, 4539 1488 0343 6467.", "The one on the fridge. 4 5 3 9, 1 4 8 8, 0 3 4 3, 6 4 6 7."]
)
def test_one_said_of_the_card_before_an_answered_card_is_no_digit_of_it(said: str) -> None:
    found = spans_found((("agent", "Card?"), ("customer", said)), (EntityType.CARD_NUMBER,))
    assert [words for _, _, words in found] == [said[said.index("4") :].rstrip(".")]


@pytest.mark.parametrize(
    ("said", "ending"),
    [("The visa ending $954.", "$954"), ("I see two charges of $59 .99 on the card ending $8 .142.", "$8 .142")],
)
def test_a_card_ending_heard_as_a_price_is_the_card(said: str, ending: str) -> None:
    """As Whisper writes the digits of "the card ending nine five four four"."""
    assert spans_found((("agent", said),), (EntityType.CARD_NUMBER,)) == [("card_number", 0, ending)]


def test_a_price_after_another_thing_ending_is_no_card() -> None:
    assert spans_found((("agent", "The one ending in $2,664 was declined."),), (EntityType.CARD_NUMBER,)) == []


@pytest.mark.parametrize(
    ("turns", "read_back"),
    [
        (
            (
                ("customer", "The numbers are peeling off a bit, so it's 4645 5933 7223 and then I think 4820."),
                ("agent", "4820 at the end, okay."),
            ),
            "4820",
        ),
        (
            (
                ("customer", "It's 4819 8427..."),
                ("agent", "Sorry, you cut out after 4819."),
                ("customer", "4819 8427 3616 3435."),
            ),
            "4819",
        ),
    ],
)
def test_a_part_of_a_card_read_back_is_the_card_where_the_card_is_known_later(
    turns: tuple[tuple[str, str], ...], read_back: str
) -> None:
    """(after scoring held_back_55) A card found in two runs, or a start said whole only after the read-back."""
    assert ("card_number", 1, read_back) in spans_found(turns, (EntityType.CARD_NUMBER,))


def test_card_groups_whisper_wrote_as_prices_after_a_card_was_asked_for_are_the_card() -> None:
    """(a kept call of held_back_55, after scoring) Whisper had just heard "fifty dollars"."""
    turns = (
        ("customer", "$50, please."),
        ("agent", "Okay, card number when you're ready."),
        ("customer", "$5581, $8056,"),
        ("agent", "Uh-huh,"),
        ("customer", "$8930, $4440,"),
    )
    assert spans_found(turns, (EntityType.CARD_NUMBER,)) == [
        ("card_number", 2, "$5581, $8056"),
        ("card_number", 4, "$8930, $4440"),
    ]


@pytest.mark.parametrize(
    "turns",
    [
        # no card talked about: four prices, though their digits pass the card check
        (("agent", "What were the four totals?"), ("customer", "$5581, $8056, $8930, $4440.")),
        # a card talked about, and the prices said with words around them
        (
            ("agent", "Thanks, the card's been charged."),
            ("customer", "The four bills were $5581, $8056, $8930, $4440."),
        ),
    ],
)
def test_prices_before_any_card_or_said_with_words_are_no_card(turns: tuple[tuple[str, str], ...]) -> None:
    assert spans_found(turns, (EntityType.CARD_NUMBER,)) == []
