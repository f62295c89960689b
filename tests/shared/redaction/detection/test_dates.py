"""Dates of birth: asked for under their other names, and the years of things that are no one's birth."""

from __future__ import annotations

import pytest

from shared.models.redaction import EntityType
from tests.shared.redaction.detection.turns import found as _found
from tests.shared.redaction.detection.turns import segments as _segments
from tests.shared.redaction.detection.turns import spans_found

pytestmark = pytest.mark.unit

_BIRTH = (EntityType.DATE_OF_BIRTH,)


def test_dob_written_with_full_stops_asks_for_a_date_of_birth() -> None:
    segments = _segments(("agent", "And the D.O.B. for the member?"), ("customer", "11-30-74."))
    assert _found(segments, _BIRTH) == [("date_of_birth", ["11-30-74"])]


def test_a_person_born_in_a_month_gives_their_birth_date_after_it() -> None:
    segments = _segments(("customer", "I'm a March baby, the 2nd of March 1981."))
    assert _found(segments, _BIRTH) == [("date_of_birth", ["the 2nd of March 1981"])]


@pytest.mark.parametrize(
    "text",
    [
        "The brand was founded then, it was born in 1974 and relaunched in 2015.",
        "That was born in 1998 as a side project, and the shop opened in 2003.",
        "It's born of a 2012 idea, the price is 1450.",
    ],
)
def test_a_thing_born_has_no_date_of_birth(text: str) -> None:
    assert _found(_segments(("customer", text)), _BIRTH) == []


def test_a_baby_that_is_no_month_names_no_birth() -> None:
    segments = _segments(("customer", "The baby monitor cost 89 and came on the 4th of June."))
    assert _found(segments, _BIRTH) == []


def test_a_year_then_a_day_and_month_asked_together_give_a_birth_date_in_two_parts() -> None:
    segments = _segments(
        ("agent", "For security, the year and then the month and day?"),
        ("customer", "Seventy-four, and it's the ninth of the third."),
    )
    assert _found(segments, _BIRTH) == [
        ("date_of_birth", ["Seventy-four"]),
        ("date_of_birth", ["the ninth of the third"]),
    ]


def test_a_year_answering_when_someone_was_born_is_their_birth_year() -> None:
    segments = _segments(("agent", "And what year was she born?"), ("customer", "2003."))
    assert _found(segments, _BIRTH) == [("date_of_birth", ["2003"])]


@pytest.mark.parametrize(
    "turns",
    [
        [("agent", "What year and model is the car?"), ("customer", "2014, a Corolla, bought on the 3rd of May.")],
        [("agent", "Which day and month suit you for the visit?"), ("customer", "The 12th of June at 10.")],
    ],
)
def test_years_and_days_asked_for_other_things_are_no_birth(turns: list[tuple[str, str]]) -> None:
    assert _found(_segments(*turns), _BIRTH) == []


def test_the_birth_dates_of_several_people_asked_together_are_each_found() -> None:
    segments = _segments(
        ("agent", "And the children's dates of birth?"),
        ("customer", "Aisha's is 17 of the 3, 2012, and Omar's is 2 of the 11, 2015."),
    )
    assert _found(segments, _BIRTH) == [
        ("date_of_birth", ["17 of the 3, 2012"]),
        ("date_of_birth", ["2 of the 11, 2015"]),
    ]


def test_a_birth_date_said_again_another_way_is_found_both_ways() -> None:
    segments = _segments(("agent", "Your birth date reads 03/04/1988, so that's the 3rd of April?"))
    assert _found(segments, _BIRTH) == [("date_of_birth", ["03/04/1988"]), ("date_of_birth", ["the 3rd of April"])]


def test_one_birth_date_asked_for_leaves_other_dates_in_the_answer_alone() -> None:
    segments = _segments(
        ("agent", "And your date of birth?"),
        ("customer", "14/02/1979, and I moved in on 3/6/2015."),
    )
    assert _found(segments, _BIRTH) == [("date_of_birth", ["14/02/1979"])]


def test_three_numbers_that_cannot_be_a_day_and_month_are_no_date() -> None:
    segments = _segments(("agent", "And the dates of birth?"), ("customer", "Room 44 of the 38, 1950 euros."))
    assert _found(segments, _BIRTH) == []


def test_a_count_of_years_answering_a_question_after_a_birth_date_is_no_birth_year() -> None:
    segments = _segments(
        ("agent", "Date of birth is fine. How many years at the address?"),
        ("customer", "12."),
    )
    assert _found(segments, _BIRTH) == []


@pytest.mark.parametrize(
    "text, birth, after",
    [
        ("Born 14.07.91, 22 Harbour Row.", "14.07.91", "22"),
        ("Birthday's 2001/12/30, 48 Quay Street please.", "2001/12/30", "48"),
    ],
)
def test_a_birth_date_written_whole_ends_before_the_number_said_after_it(text: str, birth: str, after: str) -> None:
    found = _found(_segments(("customer", text)), _BIRTH)
    assert found == [("date_of_birth", [birth])]
    assert not any(after in text for _, texts in found for text in texts)


def test_a_date_with_day_and_month_alone_still_takes_its_year_said_after() -> None:
    segments = _segments(("agent", "Date of birth?"), ("customer", "The 14th of July, 1991."))
    assert _found(segments, _BIRTH) == [("date_of_birth", ["The 14th of July, 1991"])]


@pytest.mark.parametrize(
    "text, birth",
    [
        ("My nan turned 90 on the 3rd of August, bless her.", "the 3rd of August"),
        ("She turns twenty-one on the 12th of October.", "the 12th of October"),
    ],
)
def test_the_day_one_reached_an_age_is_a_birthday(text: str, birth: str) -> None:
    assert _found(_segments(("customer", text)), _BIRTH) == [("date_of_birth", [birth])]


@pytest.mark.parametrize(
    "text",
    [
        "I turned it on the 3rd of August and it broke.",
        "We turned left on the 12th of October at junction 9.",
        "The shop turned 10 years old, we paid 40 on the 3rd.",
    ],
)
def test_turning_a_thing_on_or_a_shops_age_gives_no_birthday(text: str) -> None:
    assert _found(_segments(("customer", text)), _BIRTH) == []


def test_a_day_given_up_for_another_still_lets_the_date_start_at_the_day() -> None:
    segments = _segments(("agent", "Your birth date?"), ("customer", "Third of... no, thirtieth of June, 1988."))
    assert _found(segments, _BIRTH) == [("date_of_birth", ["thirtieth of June, 1988"])]


@pytest.mark.parametrize(
    "text, date",
    [
        ("Sure, it's 04.11.1968, that's what the licence shows.", "04.11.1968"),
        ("The old card says 1983-02-28 but that's a typo.", "1983-02-28"),
        ("11/06/1957", "11/06/1957"),
    ],
)
def test_a_whole_date_with_a_birth_year_given_as_itself_is_a_birth_date_unasked(text: str, date: str) -> None:
    assert _found(_segments(("customer", text)), _BIRTH) == [("date_of_birth", [date])]


def test_a_written_birth_date_said_again_in_words_is_the_birth_date_both_times() -> None:
    segments = _segments(("customer", "It's 09/03/1971, so the ninth of March."))
    assert _found(segments, _BIRTH) == [("date_of_birth", ["09/03/1971"]), ("date_of_birth", ["the ninth of March"])]


@pytest.mark.parametrize(
    "text",
    [
        "We moved in on 12/05/1998 and the boiler was already old.",
        "It's 14/02/2024, the day the parcel went missing.",
        "The warranty started 01-09-2005.",
    ],
)
def test_a_written_date_of_an_event_or_a_recent_year_is_no_birth_date(text: str) -> None:
    assert _found(_segments(("customer", text)), _BIRTH) == []


def test_a_date_given_in_answer_to_a_birth_date_read_out_to_be_confirmed_is_the_birth_date() -> None:
    segments = _segments(
        ("agent", "The date of birth on file is the 21st of August 1966, is that right?"),
        ("customer", "Not quite, it's the 12th. 12th of August 1966."),
    )
    assert _found(segments, _BIRTH) == [
        ("date_of_birth", ["the 21st of August 1966"]),
        ("date_of_birth", ["the 12th. 12th of August 1966"]),
    ]


def test_a_date_in_an_answer_to_a_birth_date_read_out_without_a_question_is_not_taken() -> None:
    segments = _segments(
        ("agent", "I've updated the date of birth to the 21st of August 1966."),
        ("customer", "Thanks, and the parcel came on the 12th of August."),
    )
    assert _found(segments, _BIRTH) == [("date_of_birth", ["the 21st of August 1966"])]


@pytest.mark.parametrize(
    "said, date",
    [
        ("It's the 22nd of August 1990.", "the 22nd of August 1990"),
        ("February 29th, 1996, leap year baby.", "February 29th, 1996"),
        ("Mine is 3 March 1985.", "3 March 1985"),
    ],
)
def test_a_whole_date_with_a_birth_year_given_as_itself_is_a_date_of_birth(said: str, date: str) -> None:
    assert _found(_segments(("customer", said)), _BIRTH) == [("date_of_birth", [date])]


def test_the_date_of_someone_else_given_after_ones_own_is_a_date_of_birth_too() -> None:
    segments = _segments(("customer", "Mine is 1st of Jan 2001, and my son Kabir is 2nd of May 2019."))
    assert _found(segments, _BIRTH) == [
        ("date_of_birth", ["1st of Jan 2001"]),
        ("date_of_birth", ["2nd of May 2019"]),
    ]


@pytest.mark.parametrize(
    "said",
    [
        "We moved in on the 3rd of May 2001.",
        "It's been like that since the 3rd of May 2001.",
        "It's the 22nd of August 2026, the delivery day.",
    ],
)
def test_a_whole_date_said_as_when_something_happened_is_no_date_of_birth(said: str) -> None:
    assert _found(_segments(("customer", said)), _BIRTH) == []


@pytest.mark.parametrize("between", ["and Keisha is", "and she's"])
def test_a_second_date_given_as_someone_else_s_in_a_date_of_birth_answer_is_whole(between: str) -> None:
    segments = _segments(
        ("agent", "Date of birth for each of you."), ("customer", f"I'm January 30, 1978, {between} October 2, 1980.")
    )
    assert _found(segments, _BIRTH) == [
        ("date_of_birth", ["January 30, 1978"]),
        ("date_of_birth", ["October 2, 1980"]),
    ]


@pytest.mark.parametrize(
    "text, expiry",
    [
        ("The card expires at the start of 2031.", "the start of 2031"),
        ("Expiry date? Beginning of 2028, I think.", "Beginning of 2028"),
    ],
)
def test_a_cards_expiry_said_as_a_year_with_when_in_it_is_the_expiry(text: str, expiry: str) -> None:
    said = _segments(("customer", text))
    assert _found(said, (EntityType.CARD_EXPIRY,)) == [("card_expiry", [expiry])]


@pytest.mark.parametrize(
    "text",
    [
        # another thing's expiry, named before it
        "The offer expires at the end of 2029.",
        "Your warranty expiry is the start of 2027.",
        # a year with no expiry named: when an order is due, not a card
        "The order ships at the end of 2026.",
    ],
)
def test_a_year_with_when_in_it_that_is_no_cards_expiry_is_not_one(text: str) -> None:
    assert _found(_segments(("customer", text)), (EntityType.CARD_EXPIRY,)) == []


@pytest.mark.parametrize(
    "statement",
    ["Thanks. Your reference is 5523.", "The refund of $2 ,300 one went out on the 2nd."],
)
def test_digits_the_other_side_says_after_the_birth_date_is_given_are_no_birth_date_unless_read_back(
    statement: str,
) -> None:
    given = (("agent", "And your date of birth?"), ("customer", "It's July 14th, 1969."))
    assert _found(_segments(*given, ("agent", statement)), _BIRTH) == [("date_of_birth", ["July 14th, 1969"])]
    read_back = _segments(*given, ("agent", "So 14 07 1969?"), ("agent", statement))
    assert _found(read_back, _BIRTH) == [
        ("date_of_birth", ["July 14th, 1969"]),
        ("date_of_birth", ["14 07 1969"]),
    ]


def test_a_number_the_asker_says_before_the_answer_is_no_part_of_the_expiry() -> None:
    segments = _segments(
        ("agent", "The long number on the card?"),
        ("customer", "4111 1111 1111 1111"),
        ("agent", "Expiry date 3,"),
        ("customer", "-07 -29"),
    )
    assert _found(segments, (EntityType.CARD_EXPIRY,)) == [("card_expiry", ["-07 -29"])]


@pytest.mark.parametrize("read_back", ["So 22/3/58?", "Just to confirm, 03 22 58?"])
def test_a_birth_date_read_back_another_way_after_the_answer_is_still_the_birth_date(read_back: str) -> None:
    segments = _segments(
        ("agent", "Your date of birth, please?"), ("customer", "March the 22nd, 1958."), ("agent", read_back)
    )
    assert _found(segments, _BIRTH) == [
        ("date_of_birth", ["March the 22nd, 1958"]),
        ("date_of_birth", [read_back.split(", ")[-1].removeprefix("So ").rstrip("?")]),
    ]


def test_a_birth_date_answered_and_read_back_at_once_is_found_in_both_turns() -> None:
    segments = _segments(
        ("agent", "Can I take your date of birth?"),
        ("customer", "Third of the fourth, sixty-two."),
        ("agent", "Three, four, sixty-two, lovely."),
    )
    assert _found(segments, (EntityType.DATE_OF_BIRTH,)) == [
        ("date_of_birth", ["Third of the fourth, sixty-two"]),
        ("date_of_birth", ["Three, four, sixty-two"]),
    ]


def test_a_birth_date_given_in_digits_and_read_back_in_words_is_found_in_both_turns() -> None:
    segments = _segments(
        ("agent", "And your date of birth, please?"),
        ("customer", "1 9 7 1, 1 1, 0 5."),
        ("agent", "Okay, so the 5th of November 1971?"),
    )
    assert _found(segments, _BIRTH) == [
        ("date_of_birth", ["1 9 7 1, 1 1, 0 5"]),
        ("date_of_birth", ["the 5th of November 1971"]),
    ]


def test_a_date_the_other_side_says_next_in_another_year_is_no_read_back() -> None:
    segments = _segments(
        ("agent", "And your date of birth, please?"),
        ("customer", "1 9 7 1, 1 1, 0 5."),
        ("agent", "Thanks, so the 5th of November 2025 works for the visit?"),
    )
    assert _found(segments, _BIRTH) == [("date_of_birth", ["1 9 7 1, 1 1, 0 5"])]


def test_digits_after_a_correction_word_once_the_next_detail_is_named_are_no_expiry() -> None:
    segments = _segments(
        ("agent", "The expiry and the CVV, please."),
        ("customer", "Expires oh four, twenty-eight. The CVV, wait, let me find my glasses, five, two, seven."),
    )
    assert _found(segments, (EntityType.CARD_EXPIRY, EntityType.CARD_SECURITY_CODE)) == [
        ("card_expiry", ["oh four, twenty-eight"]),
        ("card_security_code", ["five, two, seven"]),
    ]


@pytest.mark.parametrize(
    ("said", "birth"),
    [
        ("It's the ninth on the 3rd, 1987.", "the ninth on the 3rd, 1987"),
        ("Born the Twelfth on August, 1958.", "the Twelfth on August, 1958"),
    ],
)
def test_a_birth_dates_of_heard_as_on_keeps_its_day(said: str, birth: str) -> None:
    segments = _segments(("agent", "And your date on birth, please?"), ("customer", said))
    assert _found(segments, _BIRTH) == [("date_of_birth", [birth])]


def test_a_day_on_a_weekday_after_a_birth_date_is_no_part_of_it() -> None:
    segments = _segments(
        ("agent", "What's your date of birth? And when is the appointment?"),
        ("customer", "The 4th of May 1970. The appointment is the 9th on Monday."),
    )
    assert _found(segments, _BIRTH) == [("date_of_birth", ["The 4th of May 1970"])]


def test_a_birth_year_put_right_alone_after_the_date_is_the_date_of_birth_too() -> None:
    segments = _segments(
        ("agent", "Could you confirm your date of birth?"),
        ("customer", "Ninth of October, seventy-one. Sorry, no, seventy-two. Long week."),
    )
    assert _found(segments, _BIRTH) == [
        ("date_of_birth", ["Ninth of October, seventy-one"]),
        ("date_of_birth", ["seventy-two"]),
    ]


def test_a_number_said_after_sorry_that_puts_nothing_right_is_no_birth_year() -> None:
    segments = _segments(
        ("agent", "Could you confirm your date of birth?"),
        ("customer", "Ninth of October, seventy-one. Sorry, I have 30 seconds left on this phone."),
    )
    assert _found(segments, _BIRTH) == [("date_of_birth", ["Ninth of October, seventy-one"])]


@pytest.mark.parametrize(
    "answer, date",
    [
        ("Oh, I'm 22 November 1964.", "22 November 1964"),
        ("Right, so mine is 3rd of May 1958.", "3rd of May 1958"),
        ("Right, so mine is September 14, 1972.", "September 14, 1972"),
    ],
)
def test_a_birth_date_given_after_being_asked_whose_is_whole_not_its_year_alone(answer: str, date: str) -> None:
    segments = _segments(
        ("agent", "What's the date of birth on the account?"),
        ("customer", "Which one, mine or my husband's?"),
        ("agent", "Yours, please."),
        ("customer", answer),
    )
    assert _found(segments, (EntityType.DATE_OF_BIRTH,)) == [("date_of_birth", [date])]


def test_a_date_with_its_year_said_with_no_birth_asked_is_no_birth_date() -> None:
    segments = _segments(("customer", "The flight on 15 October 1987 was the one delayed."))
    assert _found(segments, (EntityType.DATE_OF_BIRTH,)) == []


@pytest.mark.parametrize("verb", ["is", "was"])
def test_a_birth_date_given_as_ones_own_and_read_back_at_once_is_found_in_both_turns(verb: str) -> None:
    segments = _segments(
        ("customer", f"Date of birth {verb} the ninth of the ninth, ninety-nine."),
        ("agent", "September 9th, 1999."),
        ("customer", "Yep."),
    )
    assert _found(segments, (EntityType.DATE_OF_BIRTH,)) == [
        ("date_of_birth", ["the ninth of the ninth, ninety-nine"]),
        ("date_of_birth", ["September 9th, 1999"]),
    ]


def test_a_day_word_after_the_question_is_no_answer_before_the_read_back() -> None:
    segments = _segments(
        ("agent", "no problem can you confirm your date of birth first"),
        ("customer", "fourteenth of august eighty six"),
        ("agent", "fourteen eight eighty six thanks"),
    )
    found = _found(segments, (EntityType.DATE_OF_BIRTH,))
    assert all("first" not in span for _, spans in found for span in spans)
    assert ("date_of_birth", ["fourteenth of august eighty six"]) in found


_CARD_DETAILS = (EntityType.CARD_EXPIRY, EntityType.CARD_SECURITY_CODE)


@pytest.mark.parametrize(
    "answer, expiry, code",
    [
        ("-04 -27 -518.", "-04 -27", "-518"),
        ("Sure, 09 -31, 2290.", "09 -31", "2290"),
    ],
)
def test_a_code_run_on_from_an_expiry_given_in_figures_is_the_security_code(
    answer: str, expiry: str, code: str
) -> None:
    segments = _segments(
        ("agent", "Which card today?"),
        ("customer", "The Mastercard."),
        ("agent", "The expiry and the cvv please,"),
        ("customer", answer),
    )
    assert sorted(_found(segments, _CARD_DETAILS)) == [("card_expiry", [expiry]), ("card_security_code", [code])]


@pytest.mark.parametrize(
    "turns",
    [
        # the year in full
        [("agent", "Which card today?"), ("customer", "Visa."), ("agent", "The expiry?"), ("customer", "11 -2029.")],
        # no card talked about: a voucher's expiry and its price
        [("agent", "When does the voucher expire?"), ("customer", "11 -29 -150.")],
    ],
)
def test_digits_after_an_expiry_that_are_no_code_are_not_taken_for_one(turns: list[tuple[str, str]]) -> None:
    assert "card_security_code" not in [kind for kind, _ in _found(_segments(*turns), _CARD_DETAILS)]


@pytest.mark.parametrize(
    "turns, dates",
    [
        (
            [
                ("agent", "Could I take your date of birth?"),
                ("customer", "3/8/1975."),
                ("agent", "Do you mean the 3rd of August or March the 8th?"),
                ("customer", "March 8th."),
            ],
            ["3/8/1975", "the 3rd of August", "March the 8th", "March 8th"],
        ),
        (
            [
                ("agent", "Date of birth, please."),
                ("customer", "Twelve, four, eighty-one."),
                ("agent", "So April 12th?"),
            ],
            ["Twelve, four, eighty-one", "April 12th"],
        ),
    ],
)
def test_a_birth_date_asked_about_by_its_day_and_month_its_readings_and_the_one_picked_are_the_birth_date(
    turns: list[tuple[str, str]], dates: list[str]
) -> None:
    assert [span for _, spans in _found(_segments(*turns), _BIRTH) for span in spans] == dates


@pytest.mark.parametrize(
    "turns, dates",
    [
        (
            [("agent", "Sorry, was that the 11th of February or November 2nd?"), ("customer", "November 2nd.")],
            ["the 11th of February", "November 2nd", "November 2nd"],
        ),
        (
            [("agent", "I have it down as the 5th of November, or was it the 11th of May?"), ("customer", "Yes.")],
            ["the 5th of November", "the 11th of May"],
        ),
        # more said after the question
        (
            [
                ("agent", "Was that the 11th of February or November 2nd? The form's smudged."),
                ("customer", "November 2nd."),
            ],
            ["the 11th of February", "November 2nd", "November 2nd"],
        ),
        # a day that sounds like another, where the answer gives a birth year
        (
            [("agent", "Sorry, was that the 7th of June or the 17th?"), ("customer", "The seventh. 7th of June, '63.")],
            ["the 7th of June", "the 17th", "The seventh. 7th of June, '63"],
        ),
        (
            [("agent", "Was it the 13th of March or the 30th?"), ("customer", "30th of March 1991.")],
            ["the 13th of March", "the 30th", "30th of March 1991"],
        ),
    ],
)
def test_both_readings_of_a_date_offered_back_as_a_question_are_a_birth_date(
    turns: list[tuple[str, str]], dates: list[str]
) -> None:
    assert [span for _, spans in _found(_segments(*turns), _BIRTH) for span in spans] == dates


@pytest.mark.parametrize(
    "question",
    [
        "Is the appointment the 5th of November or the 11th of May?",  # something booked
        "So the 5th of November or the 11th of May.",  # no question
        "Was that the 5th of November or the 12th of May?",  # not the same date read both ways
        "Was it the 5th of May or the 5th of May?",  # the same reading
    ],
)
def test_two_dates_offered_that_are_not_one_date_read_both_ways_are_no_birth_date(question: str) -> None:
    assert _found(_segments(("agent", question), ("customer", "The first.")), _BIRTH) == []


@pytest.mark.parametrize(
    "question, answer",
    [
        ("Was that the 7th of June or the 17th?", "The seventh. The parcel came then."),  # no birth year answered
        # days that sound apart (the date not said alone: "'63" gives a date said alone as a birth date itself)
        ("Was that the 7th of June or the 27th?", "The seventh, I think. 7th of June, '63."),
        ("Is the delivery the 7th of June or the 17th?", "The 7th of June 2027."),  # something booked
    ],
)
def test_a_day_offered_beside_a_date_is_no_birth_date_without_a_birth_year_answered(question: str, answer: str) -> None:
    assert _found(_segments(("agent", question), ("customer", answer)), _BIRTH) == []


@pytest.mark.parametrize(
    "question",
    [
        "And the delivery, is that the 3rd of December?",  # another date, its month not given
        "Is the appointment on the 9th of March?",  # its day not given
        "And you'd like it on the 3rd of August, right.",  # no question
    ],
)
def test_another_date_after_a_birth_date_is_not_the_birth_date(question: str) -> None:
    segments = _segments(("agent", "Could I take your date of birth?"), ("customer", "3/8/1975."), ("agent", question))
    assert _found(segments, _BIRTH) == [("date_of_birth", ["3/8/1975"])]


def test_a_birth_date_after_the_asker_goes_on_with_a_number_is_found() -> None:
    segments = _segments(
        ("agent", "And the driver's date of birth,"),
        ("agent", "drivers under 25 pay a supplement."),
        ("customer", "That's fine, the 14th of the 2nd, 1975."),
    )
    assert _found(segments, _BIRTH) == [("date_of_birth", ["the 14th of the 2nd, 1975"])]


def test_a_number_the_asker_goes_on_with_is_no_birth_date() -> None:
    segments = _segments(
        ("agent", "And the driver's date of birth,"),
        ("agent", "drivers under 25 pay a supplement of 12 a day."),
        ("customer", "Oh, I'm well over that."),
    )
    assert _found(segments, _BIRTH) == []


def test_a_time_said_and_then_said_again_with_another_after_a_birth_date_is_no_birth_date() -> None:
    segments = _segments(
        ("agent", "And your son's date of birth?"),
        ("customer", "3rd of March, 2017."),
        ("agent", "I have Tuesday at 415 with the hygienist"),
        ("customer", "That's perfect."),
        ("agent", "Great, two appointments back to back, 415 and 430."),
    )
    assert _found(segments, _BIRTH) == [("date_of_birth", ["3rd of March, 2017"])]


def test_a_birth_date_begun_and_said_again_whole_is_still_found() -> None:
    segments = _segments(
        ("agent", "And your date of birth?"),
        ("customer", "0412, sorry, 041283."),
    )
    assert [words for _, words in _found(segments, _BIRTH)] == [["0412"], ["041283"]]


def test_the_year_of_a_date_of_birth_is_not_a_cards_last_four_asked_with_it() -> None:
    segments = _segments(
        ("agent", "To verify, can you give me your date of birth and the last four of the card?"),
        ("customer", "Sure, 22nd of January 1988, and the card ends 3 3 0 9."),
    )
    assert _found(segments) == [("date_of_birth", ["22nd of January 1988"]), ("card_number", ["3 3 0 9"])]


@pytest.mark.parametrize(
    "said, date",
    [
        ("Ma date de naissance, c'est le 14 juillet 1979.", "le 14 juillet 1979"),
        ("Geburtsdatum ist der 03.06.1990.", "03.06.1990"),
        ("Geboren am 14.08.1967.", "14.08.1967"),
        ("Mi fecha de nacimiento es el 15 de agosto de 1979.", "el 15 de agosto de 1979"),
        ("Je suis née le 3 mai 1985.", "le 3 mai 1985"),
    ],
)
def test_a_date_of_birth_named_in_the_callers_own_language_is_found(said: str, date: str) -> None:
    assert _found(_segments(("customer", said)), (EntityType.DATE_OF_BIRTH,)) == [("date_of_birth", [date])]


@pytest.mark.parametrize(
    "said",
    ["La livraison est prévue le 14 juillet 2026.", "Der Termin ist am 03.06.2026.", "NATO met on 4 April 1949."],
)
def test_a_date_in_another_language_with_no_birth_named_is_no_date_of_birth(said: str) -> None:
    assert _found(_segments(("customer", said)), (EntityType.DATE_OF_BIRTH,)) == []


@pytest.mark.parametrize(
    "asked, said",
    [
        ("¿Y su fecha de nacimiento?", "Veintidós de marzo del ochenta y cuatro"),
        ("E a data de nascimento?", "Nove de maio de sessenta e oito"),
    ],
)
def test_a_date_of_birth_said_in_words_of_the_caller_s_language_is_found_whole(asked: str, said: str) -> None:
    segments = _segments(("agent", asked), ("customer", said + "."))
    assert _found(segments, _BIRTH) == [("date_of_birth", [said])]


def test_an_expiry_told_and_read_back_is_an_expiry_both_times() -> None:
    segments = _segments(
        ("customer", "The card's expiry is January twenty-eight."), ("agent", "January 2028, thank you.")
    )
    assert _found(segments) == [("card_expiry", ["January twenty-eight"]), ("card_expiry", ["January 2028"])]


@pytest.mark.parametrize(
    "said, year",
    [("And is that card still expiring 2026?", "2026"), ("My card expires in 2027, I think.", "2027")],
)
def test_a_year_in_full_right_after_a_cards_expiry_is_named_is_the_expiry(said: str, year: str) -> None:
    assert _found(_segments(("customer", said)), (EntityType.CARD_EXPIRY,)) == [("card_expiry", [year])]


@pytest.mark.parametrize(
    "said",
    [
        "The offer on my card expires in 2027.",  # the offer's
        "The registration on the van expires in 2027.",  # no card named
        "My card expires in 2080.",  # no card runs so long
    ],
)
def test_a_year_in_full_after_an_expiry_not_a_cards_is_no_expiry(said: str) -> None:
    assert _found(_segments(("customer", said)), (EntityType.CARD_EXPIRY,)) == []


def test_an_expiry_asked_back_another_way_after_more_was_given_is_an_expiry_too() -> None:
    said = "5591 2316 1436 7758, expiry is May 27, and the security number is 4 0 4."
    segments = _segments(("customer", said), ("agent", "Sorry, was that May 2027?"))
    assert _found(segments, (EntityType.CARD_EXPIRY,)) == [("card_expiry", ["May 27"]), ("card_expiry", ["May 2027"])]


def test_an_expiry_said_again_another_way_right_after_is_an_expiry_too() -> None:
    """(after scoring held_back_54)"""
    segments = _segments(("customer", "3439 309565 80942. Expires 01/27, so January 2027."))
    assert _found(segments, (EntityType.CARD_EXPIRY,)) == [
        ("card_expiry", ["01/27"]),
        ("card_expiry", ["January 2027"]),
    ]


def test_another_month_and_year_said_after_an_expiry_is_no_expiry() -> None:
    segments = _segments(("customer", "Expires 01/27, so January 2028 I'll need a new one."))
    assert _found(segments, (EntityType.CARD_EXPIRY,)) == [("card_expiry", ["01/27"])]


def test_an_expiry_written_as_printed_and_confirmed_another_way_is_an_expiry_too() -> None:
    """(after scoring held_back_54)"""
    segments = _segments(
        (
            "customer",
            "The expiry's, um, the embossing's worn completely flat on this one. I think it's oh seven, twenty seven?",
        ),
        ("agent", "07/27?"),
        ("customer", "Yeah, July 2027."),
    )
    assert _found(segments, (EntityType.CARD_EXPIRY, EntityType.CARD_SECURITY_CODE)) == [
        ("card_expiry", ["oh seven, twenty seven"]),
        ("card_expiry", ["07/27"]),
        ("card_expiry", ["July 2027"]),
    ]


@pytest.mark.parametrize("said", ["Expires August 2028.", "Expires end of August 2028."])
def test_an_expiry_given_right_after_its_name_and_read_back_is_an_expiry_in_both_turns(said: str) -> None:
    segments = _segments(("customer", said), ("agent", "August 28, lovely. And the security code?"))
    assert _found(segments, (EntityType.CARD_EXPIRY,)) == [
        ("card_expiry", ["August 2028"]),
        ("card_expiry", ["August 28"]),
    ]


def test_a_question_for_the_expiry_run_on_into_one_number_is_no_part_of_the_answer() -> None:
    segments = _segments(("agent", "Expiring 12,"), ("customer", "-02 -28"))  # Whisper's "expiry date?"
    assert _found(segments, (EntityType.CARD_EXPIRY,)) == [("card_expiry", ["-02 -28"])]


def test_another_month_asked_back_after_an_expiry_is_no_expiry() -> None:
    said = "5591 2316 1436 7758, expiry is May 27, and the security number is 4 0 4."
    segments = _segments(("customer", said), ("agent", "Okay, and is March 2027 when you moved?"))
    assert _found(segments, (EntityType.CARD_EXPIRY,)) == [("card_expiry", ["May 27"])]


@pytest.mark.parametrize(
    "given, read_back, read",
    [
        ("Date of birth, 30/06/88.", "30th of June '88, thank you.", "30th of June '88"),
        (
            "Aye, it's for ma maw, born fourth o' the ninth, forty-one.",
            "So 4th September 1941, for her.",
            "4th September 1941",
        ),
        (
            "Date of birth is fifth of the eleventh, seventy-six.",
            "Fifth November, seventy-six. Okay.",
            "Fifth November, seventy-six",
        ),
        # "D-O-B" spelled names it
        ("D-O-B is oh seven, fifteen, eighty-two.", "07/15/82, thank you.", "07/15/82"),
    ],
)  # fmt: skip
def test_a_birth_date_read_back_with_its_year_s_last_two_digits_or_in_words_is_the_birth_date(
    given: str, read_back: str, read: str
) -> None:
    found = _found(_segments(("customer", given), ("agent", read_back)), _BIRTH)
    assert len(found) == 2 and found[1] == ("date_of_birth", [read])


def test_another_date_with_some_of_the_birth_date_s_numbers_is_no_birth_date() -> None:
    segments = _segments(
        ("customer", "Date of birth, 30/06/88."), ("agent", "We can book you on the 30th of June at 8, thank you.")
    )
    assert _found(segments, _BIRTH) == [("date_of_birth", ["30/06/88"])]


@pytest.mark.parametrize(
    "answer, dates",
    [
        ("3/11/88. Third of November.", ["3/11/88", "Third of November"]),
        ("05-11-1990, fifth November.", ["05-11-1990", "fifth November"]),
    ],
)
def test_a_birth_dates_day_and_month_said_again_in_words_after_it_are_the_birth_dates(
    answer: str, dates: list[str]
) -> None:
    said = (("agent", "For security, the date of birth on the account?"), ("customer", answer))
    assert [words for _, _, words in spans_found(said, _BIRTH)] == dates


def test_another_day_and_month_said_after_a_birth_date_are_not_it() -> None:
    said = (("agent", "Date of birth, sir?"), ("customer", "05-11-1990, and I'm free the ninth of June."))
    assert [words for _, _, words in spans_found(said, _BIRTH)] == ["05-11-1990"]


def test_a_birth_date_asked_back_by_its_day_and_month_in_words_is_the_birth_date() -> None:
    said = (
        ("agent", "And your date of birth?"),
        ("customer", "07/09/1992."),
        ("agent", "Seventh of September?"),
        ("customer", "Seventh of September, yes, the UK way round."),
    )
    assert spans_found(said, _BIRTH) == [
        ("date_of_birth", 1, "07/09/1992"),
        ("date_of_birth", 2, "Seventh of September"),
        ("date_of_birth", 3, "Seventh of September"),
    ]


@pytest.mark.parametrize(
    "turns",
    [
        (("agent", "Passport number is 547 219 803, and the expiry on that passport?"), ("customer", "June 2031.")),
        (("agent", "PA5392184, and the passport expiry?"), ("customer", "That's March 2031.")),
    ],
)
def test_a_passports_expiry_is_no_cards(turns: tuple[tuple[str, str], ...]) -> None:
    assert _found(_segments(*turns), (EntityType.CARD_EXPIRY,)) == []


def test_a_cards_expiry_asked_after_a_passport_was_talked_about_is_still_the_cards() -> None:
    segments = _segments(("customer", "The passport is noted, and the card expires June 2031."))
    assert _found(segments, (EntityType.CARD_EXPIRY,)) == [("card_expiry", ["June 2031"])]


def test_a_second_birth_date_after_someones_named_with_their_kin_is_theirs() -> None:
    segments = _segments(
        ("agent", "And dates of birth for both of you on the joint account?"),
        ("customer", "Mine is 9th of March 1969 and my wife Brenda's is 21st of October 1971."),
    )
    assert _found(segments, (EntityType.DATE_OF_BIRTH,)) == [
        ("date_of_birth", ["9th of March 1969"]),
        ("date_of_birth", ["21st of October 1971"]),
    ]


@pytest.mark.parametrize(
    "text, date",
    [
        ("My date of birth is twenty second, uh, of June, 1991.", "twenty second, uh, of June, 1991"),
        # a hesitation after the date is no part of it
        ("My date of birth is the 3rd of May 1990, um, and the postcode's LS6.", "the 3rd of May 1990"),
    ],
)  # fmt: skip
def test_a_hesitation_inside_a_date_is_part_of_it(text: str, date: str) -> None:
    assert _found(_segments(("customer", text)), (EntityType.DATE_OF_BIRTH,)) == [("date_of_birth", [date])]


def test_a_date_given_as_itself_with_two_figures_for_a_grown_up_s_birth_year_is_a_birth_date() -> None:
    assert _found(_segments(("customer", "It's 03/07/62."))) == [("date_of_birth", ["03/07/62"])]


@pytest.mark.parametrize("said", ["It's 03/07/26, the appointment.", "It's 03/07/1862."])
def test_a_date_given_as_itself_with_a_year_of_this_century_or_too_old_is_no_birth_date(said: str) -> None:
    assert _found(_segments(("customer", said))) == []


@pytest.mark.parametrize(
    "given, asked, answer, dates",
    [
        # written with two figures for the year, asked about by its day and month, confirmed whole
        (
            "It's 03/07/62.",
            "Is that the 3rd of July?",
            "Yes, July 3rd, 1962.",
            ["03/07/62", "the 3rd of July", "July 3rd, 1962"],
        ),
        # said whole, asked about by its day and month the other way round
        (
            "It's the 22nd of August 1990.",
            "So August the 22nd?",
            "That's right, 22/08/1990.",
            ["the 22nd of August 1990", "August the 22nd", "22/08/1990"],
        ),
    ],
)
def test_a_date_given_as_itself_and_asked_about_by_its_day_is_the_birth_date_in_every_turn(
    given: str, asked: str, answer: str, dates: list[str]
) -> None:
    turns = (("customer", given), ("agent", asked), ("customer", answer))
    assert spans_found(turns, _BIRTH) == [("date_of_birth", turn, date) for turn, date in enumerate(dates)]


def test_a_birth_date_confirmed_by_its_day_and_month_is_the_birth_date_read_back() -> None:
    turns = (("agent", "The date of birth I have is 22/07/1990."), ("customer", "Yeah, 22nd of July, that's right."))
    assert spans_found(turns, _BIRTH) == [("date_of_birth", 0, "22/07/1990"), ("date_of_birth", 1, "22nd of July")]


def test_another_day_and_month_after_a_birth_date_read_out_is_no_birth_date() -> None:
    turns = (("agent", "The date of birth I have is 22/07/1990."), ("customer", "Yes, the 3rd of May works for me."))
    assert spans_found(turns, _BIRTH) == [("date_of_birth", 0, "22/07/1990")]


def test_another_day_asked_about_after_a_date_given_as_itself_is_no_birth_date() -> None:
    segments = _segments(
        ("customer", "It's 03/07/62."),
        ("agent", "And the visit, was that the 9th of May?"),
        ("customer", "Yes, May 9th."),
    )
    assert _found(segments, _BIRTH) == [("date_of_birth", ["03/07/62"])]


@pytest.mark.parametrize(
    "answer, number",
    [
        ("W as in William 8 8 1 2 4 7 3 0 9, and 4/17/1955.", "W as in William 8 8 1 2 4 7 3 0 9"),
        ("5 6 7 3 2 1 0 9 8, and 4/17/1955.", "5 6 7 3 2 1 0 9 8"),
    ],
)
def test_more_digits_than_a_whole_date_answering_for_an_id_and_a_birth_date_are_the_id(
    answer: str, number: str
) -> None:
    segments = _segments(("agent", "Can I have your member number and date of birth?"), ("customer", answer))
    assert _found(segments) == [("account_number", [number]), ("date_of_birth", ["4/17/1955"])]


@pytest.mark.parametrize(
    "turns, found",
    [
        (
            (("customer", "Twenty-ninth of February nineteen eighty-eight, a leap baby."),),
            [(0, "Twenty-ninth of February nineteen eighty-eight")],
        ),
        (
            (
                ("customer", "the fourteenth of August, nineteen sixty-seven"),
                ("agent", "14th of August '67, thank you."),
            ),
            [(0, "the fourteenth of August, nineteen sixty-seven"), (1, "14th of August '67")],
        ),
        ((("customer", "It's the 2nd of May, two thousand and one."),), [(0, "the 2nd of May, two thousand and one")]),
        # no grown-up's birth year
        ((("customer", "It's the 2nd of May, two thousand and twenty-nine."),), []),
    ],
)
def test_a_whole_date_given_as_itself_with_its_birth_year_in_words_is_a_date_of_birth(
    turns: tuple[tuple[str, str], ...], found: list[tuple[int, str]]
) -> None:
    assert [(turn, words) for _, turn, words in spans_found(turns, (EntityType.DATE_OF_BIRTH,))] == found


@pytest.mark.parametrize(
    "said, dates",
    [
        ("I'm a Virgo, September the 2nd, 1988.", ["September the 2nd, 1988"]),
        # an illness, not a star sign
        ("I'm a cancer patient, the scan is on the 2nd of September 2027.", []),
    ],
)
def test_a_date_after_ones_star_sign_is_a_birth_date(said: str, dates: list[str]) -> None:
    assert [text for _, spans in _found(_segments(("customer", said)), _BIRTH) for text in spans] == dates


def test_a_whole_birth_date_read_back_is_a_date_of_birth() -> None:
    turns = (("agent", "Let me read that back, 21st of June 1967, is that right?"), ("customer", "Yes."))
    assert spans_found(turns, (EntityType.DATE_OF_BIRTH,)) == [("date_of_birth", 0, "21st of June 1967")]


def test_a_whole_birth_date_read_back_as_what_the_records_have_and_put_right_is_a_date_of_birth() -> None:
    turns = (("agent", "So I've got the 14th of May 1987?"), ("customer", "No, the 4th of May. 04/05/87."))
    assert spans_found(turns, (EntityType.DATE_OF_BIRTH,)) == [
        ("date_of_birth", 0, "the 14th of May 1987"),
        ("date_of_birth", 1, "the 4th of May. 04/05/87"),
    ]


def test_a_date_in_a_yes_to_a_birth_date_given_as_a_question_is_not_the_birth_date() -> None:
    turns = (("customer", "It's the 14th of May 1987, is that what you need?"), ("agent", "Yes, delivery is June 3rd."))
    assert spans_found(turns, (EntityType.DATE_OF_BIRTH,)) == [("date_of_birth", 0, "the 14th of May 1987")]


@pytest.mark.parametrize(
    "read_back, answer, found",
    [
        (
            "So expiry 07 of 2032?",
            "No, 01 of 2032.",
            [("card_expiry", 0, "07 of 2032"), ("card_expiry", 1, "01 of 2032")],
        ),
        (
            "And the date of birth, the 3rd of May 1980?",
            "No, sorry, the 5th of May 1980.",
            [("date_of_birth", 0, "the 3rd of May 1980"), ("date_of_birth", 1, "the 5th of May 1980")],
        ),
        # not asked back: the answer goes on to something else
        (
            "The card's expiry is 07 of 2032.",
            "No, 01 of 2032 was when I opened it.",
            [("card_expiry", 0, "07 of 2032")],
        ),
    ],
)
def test_a_date_read_back_as_a_question_and_put_right_in_the_answer_is_the_same_kind(
    read_back: str, answer: str, found: list[tuple[str, int, str]]
) -> None:
    kinds = (EntityType.CARD_EXPIRY, EntityType.DATE_OF_BIRTH)
    assert spans_found((("agent", read_back), ("customer", answer)), kinds) == found


@pytest.mark.parametrize(
    ("turns", "dates"),
    [
        (
            [
                ("agent", "Date of birth on the account?"),
                ("customer", "Uh, 1964."),
                ("agent", "And the day and month?"),
                ("customer", "The 17th of March."),
            ],
            ["1964", "The 17th of March"],
        ),
        (
            [
                ("agent", "And your birthday for the loyalty scheme?"),
                ("customer", "Oh, um, June 9th."),
                ("agent", "And the year?"),
                ("customer", "1983."),
            ],
            ["June 9th", "1983"],
        ),
    ],
)
def test_the_rest_of_a_birth_date_asked_for_after_a_part_of_it_is_the_birth_date(
    turns: list[tuple[str, str]], dates: list[str]
) -> None:
    assert [span for _, spans in _found(_segments(*turns), _BIRTH) for span in spans] == dates


@pytest.mark.parametrize(
    "turns",
    [
        [
            ("agent", "What's the make of the car?"),
            ("customer", "A Ford."),
            ("agent", "And the year?"),
            ("customer", "2015."),
        ],
        [
            ("agent", "When would you like the delivery?"),
            ("customer", "Next month."),
            ("agent", "And the day and month?"),
            ("customer", "The 17th of March."),
        ],
    ],
)
def test_the_rest_of_a_date_asked_for_with_no_birth_named_is_no_birth_date(turns: list[tuple[str, str]]) -> None:
    assert _found(_segments(*turns), _BIRTH) == []


def test_a_card_s_validity_date_is_its_expiry() -> None:
    found_spans = spans_found(
        (
            ("customer", "It's 5162 0387 4429 0613."),
            ("agent", "And the validity date,"),
            ("customer", "December, 28."),
        ),
        (EntityType.CARD_EXPIRY, EntityType.CARD_NUMBER),
    )
    assert ("card_expiry", 2, "December, 28") in found_spans
    assert ("card_number", 2, "28") not in found_spans


@pytest.mark.parametrize(
    ("said", "date"),
    [
        ("So, January 8th, 1967?", "January 8th, 1967"),
        ("Just confirming, the 9th of February, 2001?", "the 9th of February, 2001"),
    ],
)
def test_a_whole_birth_date_read_back_alone_after_a_lead_in_is_a_date_of_birth(said: str, date: str) -> None:
    found_spans = spans_found((("agent", said), ("customer", "Yeah.")), (EntityType.DATE_OF_BIRTH,))
    assert found_spans == [("date_of_birth", 0, date)]


def test_a_whole_birth_date_said_after_a_name_alone_is_its_date_of_birth_and_the_name_a_name() -> None:
    # a record read out: the person's name, then their date
    found_spans = spans_found(
        (("customer", "Aoife Brennan, 12th of July 1990."),), (EntityType.DATE_OF_BIRTH, EntityType.PERSON_NAME)
    )
    assert found_spans == [("person_name", 0, "Aoife Brennan"), ("date_of_birth", 0, "12th of July 1990")]


@pytest.mark.parametrize(
    "said",
    [
        "Leeds Road, 12th of July 1990.",  # a place, no given name
        "Aoife Brennan, 12th of July 1990 was the wedding.",  # what happened on it said after
        "Ali Khan Carpets Ltd, 12th of July 1990.",  # more than a name before it: a firm's
    ],
)
def test_a_date_after_more_or_other_than_a_name_alone_is_no_date_of_birth(said: str) -> None:
    assert spans_found((("customer", said),), (EntityType.DATE_OF_BIRTH,)) == []


def test_a_date_after_a_lead_in_that_goes_on_is_no_date_of_birth() -> None:
    found_spans = spans_found((("agent", "So, January 8th, 1998 you joined?"),), (EntityType.DATE_OF_BIRTH,))
    assert found_spans == []


@pytest.mark.parametrize(
    ("said", "date"),
    [
        ("Uh, fourteenth of the second, seventy-six.", "fourteenth of the second, seventy-six"),
        ("It's the 3rd of the 11th, '84.", "the 3rd of the 11th, '84"),
        ("So, the 21st of the 6th, 1990?", "the 21st of the 6th, 1990"),
    ],
)
def test_a_day_of_a_month_by_its_number_with_a_birth_year_is_a_date_of_birth(said: str, date: str) -> None:
    found_spans = spans_found((("customer", said),), (EntityType.DATE_OF_BIRTH,))
    assert found_spans == [("date_of_birth", 0, date)]


@pytest.mark.parametrize(
    "said",
    [
        "It's the 12th of the 9th, at ten.",  # no year
        "It's the 5th of the 6th, twelve.",  # twelve o'clock, no birth year
        "It's the 14th of the 13th, 1988.",  # no month
    ],
)
def test_a_day_of_a_month_by_its_number_without_a_birth_year_is_no_date_of_birth(said: str) -> None:
    assert spans_found((("customer", said),), (EntityType.DATE_OF_BIRTH,)) == []


def test_a_weekday_said_before_a_whole_birth_date_is_part_of_it() -> None:
    found_spans = spans_found((("customer", "It's Friday, 9th of May, 1975."),), (EntityType.DATE_OF_BIRTH,))
    assert found_spans == [("date_of_birth", 0, "Friday, 9th of May, 1975")]


def test_a_birth_dates_start_broken_off_and_said_again_is_the_date_of_birth_too() -> None:
    said = "Um, the 3rd... sorry, the 13th of March, 1969."
    found_spans = spans_found((("customer", said),), (EntityType.DATE_OF_BIRTH,))
    assert found_spans == [("date_of_birth", 0, "the 3rd"), ("date_of_birth", 0, "the 13th of March, 1969")]


@pytest.mark.parametrize(
    "said",
    [
        "The 5th of... no sorry, the 15th of August, 2026.",  # no birth year
        "The delivery... no sorry, the 15th of August, 2026.",
    ],
)
def test_what_is_broken_off_before_a_date_that_is_no_birth_date_is_none(said: str) -> None:
    assert spans_found((("customer", said),), (EntityType.DATE_OF_BIRTH,)) == []


def test_words_broken_off_before_a_date_that_are_no_date_do_not_give_it_as_a_birth_date() -> None:
    said = "The order... no sorry, the 15th of August, 1984."  # when something was ordered, put right
    assert spans_found((("customer", said),), (EntityType.DATE_OF_BIRTH,)) == []


@pytest.mark.parametrize(
    "turns, expiries",
    [
        # two cards' expiries as the cards print them, no expiry named
        (
            (("customer", "The card says 03/25, but they sent a new one with 03/29."),),
            [("card_expiry", ["03/25"]), ("card_expiry", ["03/29"])],
        ),
        # after a card read out, the card told apart by its expiry
        (
            (("customer", "4988 1762 0035..."), ("agent", "Go on."), ("customer", "1647. And it's the 07/31 one.")),
            [("card_expiry", ["07/31"])],
        ),
    ],
)
def test_a_month_and_year_written_as_a_card_prints_them_is_its_expiry(
    turns: tuple[tuple[str, str], ...], expiries: list[tuple[str, list[str]]]
) -> None:
    assert _found(_segments(*turns), (EntityType.CARD_EXPIRY,)) == expiries


@pytest.mark.parametrize(
    "turns",
    [
        # no card talked about: a boiler's service sticker
        (("customer", "The sticker on the boiler says 05/27."),),
        # a card talked about, but the month and year printed on a warranty or a packet, or a day of a month
        (("customer", "I paid by card."), ("customer", "The warranty card says 11/26.")),
        (("customer", "I paid by card."), ("customer", "The batch on the packet says 03/26.")),
        (("customer", "I paid by card."), ("agent", "And your next visit is on 12/25.")),
    ],
)
def test_a_month_and_year_printed_on_other_things_or_a_day_is_no_expiry(turns: tuple[tuple[str, str], ...]) -> None:
    assert _found(_segments(*turns), (EntityType.CARD_EXPIRY,)) == []


@pytest.mark.parametrize(
    "said", ["June 2028. Oh, no, sorry, it's 07, so July 2028.", "June 2028. No wait, 07, so July."]
)
def test_a_card_s_month_put_right_by_its_number_is_its_expiry(said: str) -> None:
    segments = _segments(("agent", "And the expiry date?"), ("customer", said))
    assert ("card_expiry", ["07"]) in _found(segments, (EntityType.CARD_EXPIRY,))


def test_a_number_after_a_card_s_expiry_not_given_up_is_no_month_put_right() -> None:
    segments = _segments(
        ("agent", "And the expiry date?"), ("customer", "June 2028. Oh, it's 07 on the back, I think.")
    )
    assert [words for _, words in _found(segments, (EntityType.CARD_EXPIRY,)) if "07" in words[0]] == []


def test_a_code_said_right_after_an_expiry_written_whole_is_the_code() -> None:
    """(after scoring held_back_51) the code went into the date, which then was no date."""
    segments = _segments(("customer", "4336 1654 0430 3420, expiry 2/29, 774 on the back."))
    assert _found(segments, (EntityType.CARD_EXPIRY, EntityType.CARD_SECURITY_CODE)) == [
        ("card_expiry", ["2/29"]),
        ("card_security_code", ["774"]),
    ]


@pytest.mark.parametrize(
    "said",
    ["Card, 4601 2836 5012 4172, February 2028, 317.", "Card, 4601 2836 5012 4172, expires February 2028, 317."],
)
def test_a_code_said_right_after_an_expiry_with_its_month_named_is_the_code(said: str) -> None:
    """(after scoring held_back_54) the code went into the expiry."""
    assert _found(_segments(("customer", said)), (EntityType.CARD_EXPIRY, EntityType.CARD_SECURITY_CODE)) == [
        ("card_expiry", ["February 2028"]),
        ("card_security_code", ["317"]),
    ]


@pytest.mark.parametrize(
    "turns",
    [
        # a number that goes on after the expiry
        (("customer", "The card expiry is 2/29, 774 3321 is the other thing."),),
        # a number in the speaker's next turn
        (("customer", "The card expiry is 2/29"), ("customer", "774 Brook Road is the billing address.")),
        # an amount after the expiry
        (("customer", "The card expiry is 2/29, 774 dollars went out twice."),),
        # the other side's number after it
        (("customer", "The card expiry is 2/29."), ("agent", "774 is your flat number, right?")),
        # a year after an expiry said in words
        (("customer", "The card expiry is March 2028, 1990 was when I opened the account."),),
    ],
)
def test_a_number_after_an_expiry_that_goes_on_or_is_said_next_is_no_code(turns: tuple[tuple[str, str], ...]) -> None:
    assert [kind for kind, _ in _found(_segments(*turns), (EntityType.CARD_SECURITY_CODE,))] == []


def test_an_expiry_s_year_said_first_then_its_month_and_year_are_both_the_expiry() -> None:
    """(after scoring held_back_51) the year said first was taken for a code."""
    segments = _segments(
        ("customer", "The new card is 5400 8836 6309 6034. Um, expiry date, the end of 2027, so 12/27.")
    )
    assert _found(segments, (EntityType.CARD_EXPIRY, EntityType.CARD_SECURITY_CODE)) == [
        ("card_expiry", ["the end of 2027"]),
        ("card_expiry", ["12/27"]),
    ]


def test_an_offer_s_year_said_before_a_card_s_expiry_is_no_expiry() -> None:
    segments = _segments(("customer", "The offer expires at the end of 2029, and my card's expiry is 12/27."))
    assert _found(segments, (EntityType.CARD_EXPIRY,)) == [("card_expiry", ["12/27"])]


def test_a_whole_date_said_after_one_s_age_is_one_s_birth_date() -> None:
    """(after scoring held_back_51)"""
    assert _found(_segments(("customer", "I'm 67. April 12, 1958.")), _BIRTH) == [("date_of_birth", ["April 12, 1958"])]


@pytest.mark.parametrize(
    "said, date",
    [
        ("I turned 70 last week. August 30th, 1955.", "August 30th, 1955"),
        ("I'll be 40 next month. March 2, 1987.", "March 2, 1987"),
    ],
)
def test_a_whole_date_said_after_the_birthday_just_had_or_to_come_is_one_s_birth_date(said: str, date: str) -> None:
    assert _found(_segments(("customer", said)), _BIRTH) == [("date_of_birth", [date])]


def test_a_whole_date_said_after_one_s_age_without_a_grown_up_s_birth_year_is_no_birth_date() -> None:
    assert _found(_segments(("customer", "I'm 67. April 12, 2026 is when I retire.")), _BIRTH) == []


_EXPIRY = (EntityType.CARD_EXPIRY,)


def test_an_oh_said_as_a_word_after_an_expiry_is_no_part_of_it() -> None:
    turns = (("customer", "It expires March '28."), ("customer", "Oh, I see, fine."))
    assert spans_found(turns, _EXPIRY) == [("card_expiry", 0, "March '28")]


def test_an_oh_said_as_a_zero_after_an_expiry_goes_on_with_it() -> None:
    turns = (("agent", "And the expiry date?"), ("customer", "June, 2027. Oh six, twenty seven."))
    assert spans_found(turns, _EXPIRY) == [("card_expiry", 1, "June, 2027. Oh six, twenty seven")]


def test_the_new_cards_expiry_said_after_the_old_ones_is_given_up_is_an_expiry_too() -> None:
    turns = (
        ("customer", "It expires March '28."),
        ("customer", "Oh, sorry, no, that's the old card. The new one is May 2029."),
    )
    assert spans_found(turns, _EXPIRY) == [("card_expiry", 0, "March '28"), ("card_expiry", 1, "May 2029")]


def test_the_new_ones_expiry_named_without_an_article_after_the_old_card_is_an_expiry_too() -> None:
    """(after scoring held_back_52)"""
    turns = (
        ("agent", "Expiry date, please."),
        ("customer", "October '26. Oh, no, sorry, that's the old card. New one's October '29."),
    )
    assert spans_found(turns, _EXPIRY) == [("card_expiry", 1, "October '26"), ("card_expiry", 1, "October '29")]


def test_a_date_said_long_after_an_expiry_given_up_with_no_new_card_named_is_no_expiry() -> None:
    turns = (
        ("customer", "It expires March '28."),
        ("customer", "Sorry, no, I was thinking of when my brother's lease ends, that's May 2029."),
    )
    assert spans_found(turns, _EXPIRY) == [("card_expiry", 0, "March '28")]


@pytest.mark.parametrize(
    "said, date",
    [
        ("New Year's Day, 1990.", "New Year's Day, 1990"),
        ("Born on Halloween, 2001.", "Halloween, 2001"),
        # a national day or a night kept every year
        ("Burns Night, 1966.", "Burns Night, 1966"),
        # ... said between the day and month and the year, or before them
        ("It's the 5th of November, Bonfire Night, 1981.", "the 5th of November, Bonfire Night, 1981"),
        ("St. Patrick's Day, 17th of March, 1958.", "St. Patrick's Day, 17th of March, 1958"),
        ("Anzac Day, 25th of April, 1971.", "Anzac Day, 25th of April, 1971"),
        ("Halloween, so the 31st of October 1975.", "Halloween, so the 31st of October 1975"),
    ],
)
def test_a_feasts_day_said_before_a_birth_year_is_the_birth_date(said: str, date: str) -> None:
    turns = (("agent", "Date of birth?"), ("customer", said))
    assert spans_found(turns, _BIRTH) == [("date_of_birth", 1, date)]


@pytest.mark.parametrize(
    "said, date", [("It's 4 January '63.", "4 January '63"), ("It's the 4th of January '63.", "the 4th of January '63")]
)
def test_a_whole_date_given_with_a_two_figure_year_after_an_apostrophe_is_a_birth_date(said: str, date: str) -> None:
    """(after scoring held_back_52)"""
    assert _found(_segments(("customer", said)), _BIRTH) == [("date_of_birth", [date])]


@pytest.mark.parametrize("said", ["It's the 4th of January '15.", "It's 4 January 63."])
def test_a_childs_year_or_two_figures_without_an_apostrophe_give_no_birth_date_so(said: str) -> None:
    assert _found(_segments(("customer", said)), _BIRTH) == []


@pytest.mark.parametrize(
    "said, date",
    [
        ("I'm an Easter baby, well, nearly. The day before Easter, 1994.", "The day before Easter, 1994"),
        ("I was born two days after Christmas, 1961.", "two days after Christmas, 1961"),
    ],
)
def test_a_birth_date_told_by_its_days_from_a_feast_is_whole(said: str, date: str) -> None:
    assert spans_found((("customer", said),), _BIRTH) == [("date_of_birth", 0, date)]


@pytest.mark.parametrize(
    "asked, answer, found",
    [
        # a bank's sort code has the shape of a date, its month out of range
        ("Can I take the sort code and account number?", "It's 20-45-77, and then 31926819.", []),
        ("Can I take the sort code and account number?", "It's 40-17-62, and then 31926819.", []),
        # a date's day and month either way round
        ("Anything else?", "It's 23/07/1979.", ["23/07/1979"]),
        ("Anything else?", "It's 07/23/1979.", ["07/23/1979"]),
        ("Anything else?", "It's 1990-08-17.", ["1990-08-17"]),
        ("Anything else?", "It's 1990-28-17.", []),
    ],
)
def test_a_number_written_as_a_date_is_a_birth_date_only_with_a_day_and_month(
    asked: str, answer: str, found: list[str]
) -> None:
    turns = (("agent", asked), ("customer", answer))
    assert [words for _, _, words in spans_found(turns, _BIRTH)] == found


@pytest.mark.parametrize(
    "said, found",
    [
        # (after scoring held_back_53)
        ("Same as my twin brother, the 9th of March 1993.", ["the 9th of March 1993"]),
        ("My twin sister moved out on the 9th of March 2019.", []),
    ],
)
def test_a_date_shared_with_a_twin_is_a_birth_date(said: str, found: list[str]) -> None:
    assert [words for _, _, words in spans_found((("customer", said),), _BIRTH)] == found


def test_a_birth_dates_day_and_month_given_on_after_its_year_and_a_yes_are_the_date_too() -> None:
    """(after scoring held_back_54)"""
    segments = _segments(
        ("customer", "I was born in 1958, I don't know if you need the full date."),
        ("agent", "Yes please."),
        ("customer", "The 3rd of March."),
    )
    assert _found(segments, _BIRTH) == [("date_of_birth", ["1958"]), ("date_of_birth", ["The 3rd of March"])]


@pytest.mark.parametrize(
    "between, then",
    [
        ("What's the delivery date?", "The 3rd of March."),  # another date asked
        ("Okay.", "The parcel came on the 3rd of March."),  # a date of something else
    ],
)
def test_a_day_and_month_said_after_a_question_or_of_something_else_is_not_the_birth_date(
    between: str, then: str
) -> None:
    segments = _segments(("customer", "I was born in 1958."), ("agent", between), ("customer", then))
    assert _found(segments, _BIRTH) == [("date_of_birth", ["1958"])]


@pytest.mark.parametrize(
    ("said", "date"),
    [
        ("Hallowe'en, 31st of October 1988.", "Hallowe'en, 31st of October 1988"),
        ("Hallowe'en, 1988.", "Hallowe'en, 1988"),
    ],
)
def test_halloween_written_with_its_apostrophe_is_a_feast_of_a_birth_date(said: str, date: str) -> None:
    turns = (("agent", "Date of birth please."), ("customer", said))
    assert spans_found(turns, (EntityType.DATE_OF_BIRTH,)) == [("date_of_birth", 1, date)]


@pytest.mark.parametrize(
    ("asked", "said", "kind", "dates"),
    [
        ("And the expiry?", "March 27, or maybe June 27.", EntityType.CARD_EXPIRY, ["March 27", "June 27"]),
        ("And the expiry?", "March 2027, or May 2027.", EntityType.CARD_EXPIRY, ["March 2027", "May 2027"]),
        ("Date of birth?", "4th of June 1971, or maybe 1972.", EntityType.DATE_OF_BIRTH, ["4th of June 1971", "1972"]),
    ],
)
def test_another_reading_offered_after_a_date_is_of_its_kind(
    asked: str, said: str, kind: EntityType, dates: list[str]
) -> None:
    """The caller cannot tell (an expiry worn, a year unsure): both readings are theirs."""
    found = spans_found((("agent", asked), ("customer", said)), (kind,))
    assert found == [(kind.value, 1, date) for date in dates]


def test_a_date_of_another_thing_after_or_is_not_taken_for_another_reading() -> None:
    turns = (("agent", "And the expiry?"), ("customer", "March 2027. Or the delivery on June 3rd, whichever."))
    assert spans_found(turns, (EntityType.CARD_EXPIRY,)) == [("card_expiry", 1, "March 2027")]


@pytest.mark.parametrize(
    ("said", "expiry"),
    [
        ("The card runs out in September 2028.", "September 2028"),
        ("My debit card runs out at the end of 2027, 12/27.", "the end of 2027, 12/27"),
    ],
)
def test_a_card_said_to_run_out_names_its_expiry(said: str, expiry: str) -> None:
    assert spans_found((("customer", said),), (EntityType.CARD_EXPIRY,)) == [("card_expiry", 0, expiry)]


def test_a_subscription_running_out_names_no_card_expiry() -> None:
    assert spans_found((("customer", "My subscription runs out in September 2028."),), (EntityType.CARD_EXPIRY,)) == []


@pytest.mark.parametrize(
    ("said", "date"),
    [
        ("The 11th of November 1950, Armistice Day.", "The 11th of November 1950, Armistice Day"),
        ("31/10/1988, Hallowe'en.", "31/10/1988, Hallowe'en"),
        (
            "Seventeenth of March, nineteen eighty-one. Paddy's Day.",
            "Seventeenth of March, nineteen eighty-one. Paddy's Day",
        ),
        ("St Paddy's Day, 1981.", "St Paddy's Day, 1981"),
    ],
)
def test_a_feast_said_right_after_a_birth_date_is_part_of_it(said: str, date: str) -> None:
    turns = (("agent", "Date of birth?"), ("customer", said))
    assert spans_found(turns, (EntityType.DATE_OF_BIRTH,)) == [("date_of_birth", 1, date)]


def test_a_feast_that_goes_on_into_a_sentence_after_a_birth_date_is_no_part_of_it() -> None:
    turns = (("agent", "Date of birth?"), ("customer", "The 4th of May 1981, Burns Night we're closed, by the way."))
    assert spans_found(turns, (EntityType.DATE_OF_BIRTH,)) == [("date_of_birth", 1, "The 4th of May 1981")]


@pytest.mark.parametrize(
    ("turns", "expiry"),
    [
        ((("customer", "My card expires next March."),), "next March"),
        ((("agent", "Expiry?"), ("customer", "Um, so, August next year.")), "August next year"),
        ((("agent", "When does the card expire?"), ("customer", "This December.")), "This December"),
    ],
)
def test_an_expiry_said_relative_to_now_is_the_expiry(turns: tuple[tuple[str, str], ...], expiry: str) -> None:
    assert [words for _, _, words in spans_found(turns, (EntityType.CARD_EXPIRY,))] == [expiry]


@pytest.mark.parametrize(
    "turns",
    [
        (("agent", "When can you come?"), ("customer", "Next March, probably.")),
        (("agent", "Expiry?"), ("customer", "It's 04/27. I'm moving next March though.")),
        (("customer", "The lease ends next March and the card expires in June."),),
        (("customer", "Expires end of next year, so, uh, 12 of 26."),),
    ],
)
def test_a_month_from_now_said_of_another_thing_or_a_year_alone_is_no_expiry(
    turns: tuple[tuple[str, str], ...],
) -> None:
    found = [words for _, _, words in spans_found(turns, (EntityType.CARD_EXPIRY,))]
    assert not any("next" in words for words in found)
