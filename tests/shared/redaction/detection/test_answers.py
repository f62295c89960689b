"""Answers to a question for personal data, however Whisper heard their words: a name, an address, a code or a
card's digits that no rule of their kind reads, taken for what was asked; and the answers that give nothing (a
"yes, that's right", a question back, a refusal, a value the agent reads back, a statement that only names a kind)."""

from __future__ import annotations

import pytest

from shared.models.redaction import EntityType
from shared.models.transcript import Word
from shared.redaction.detection.context import kinds_asked
from tests.shared.redaction.detection.turns import found, heard_as, segments, spans_found

pytestmark = pytest.mark.unit


def _found(*turns: tuple[str, str]) -> list[tuple[str, int, str]]:
    return spans_found(turns, tuple(EntityType))


# --- asked ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "turn, kinds",
    [
        ("Enx. And your name?", [EntityType.PERSON_NAME]),
        # the thing's name ends the sentence: asked, though Whisper wrote no question mark
        ("Name for the booking.", [EntityType.PERSON_NAME]),
        ("Who do I have the pleasure of speaking with?", [EntityType.PERSON_NAME]),
        ("Thank you. And the first line and post code.", [EntityType.ADDRESS]),
        ("App hiring and the four digit code on the front.", [EntityType.CARD_SECURITY_CODE]),
        # the card named with its code: its code asked for, not its number
        ("And the three digits on the back of the card?", [EntityType.CARD_SECURITY_CODE]),
        ("Lovely, what's your daughter's name and date of birth?", [EntityType.PERSON_NAME, EntityType.DATE_OF_BIRTH]),
        # the verb before its subject: asked
        ("no worries, whose name is it Unger,", [EntityType.PERSON_NAME]),
        # something else asked last
        ("I see the policy for the Toyota Corolla. Where was the car when it happened?", []),
        # told or read back, not asked
        ("Your claim number is CL99421.", []),
        ("My name is Imogen.", []),
        ("Receipt on to your phone, 805, 441 ,7732.", []),
        ("Is your name John?", []),
        ("Your card has been cancelled.", []),
        ("Shall I email the receipt?", []),
    ],
)  # fmt: skip
def test_what_a_turn_asks_for(turn: str, kinds: list[EntityType]) -> None:
    assert kinds_asked(turn) == kinds


# --- answered ------------------------------------------------------------------------------------------------


def test_a_misheard_name_after_its_lead_in_is_the_name_asked_for() -> None:
    assert _found(
        ("agent", "Can I take your full name?"),
        ("customer", "Yes, it's SMESM .TURBERG, a CHTR BDRG."),
    ) == [("person_name", 1, "SMESM .TURBERG, a CHTR BDRG")]


def test_a_name_whisper_wrote_as_common_words_it_was_unsure_of_is_the_name() -> None:
    said = segments(("agent", "No worries, whose name is it under?"), ("customer", "It's under image and press cut."))
    guessed = [
        Word(text=text, start_ms=2500 + 300 * i, end_ms=2800 + 300 * i, confidence=confidence)
        for i, (text, confidence) in enumerate(
            [("It's", 0.93), ("under", 0.91), ("image", 0.03), ("and", 0.81), ("press", 0.89), ("cut.", 0.88)]
        )
    ]
    sure = [word.model_copy(update={"confidence": 0.9}) for word in guessed]
    assert found([said[0], said[1].model_copy(update={"words": guessed})]) == [("person_name", ["image and press cut"])]
    assert found([said[0], said[1].model_copy(update={"words": sure})]) == []


def test_a_name_asked_for_by_the_word_alone_is_answered() -> None:
    assert _found(("agent", "Name for the booking."), ("customer", "UK Matsumoto,")) == [
        ("person_name", 1, "UK Matsumoto")
    ]


def test_an_address_answered_over_several_segments_is_redacted_in_each() -> None:
    said = [
        ("agent", "And the new address?"),
        ("customer", "Unit 6"),
        ("customer", "-28B trolled. Kudy. New South Wales."),
        ("customer", "2034"),
    ]
    assert found(segments(*said), (EntityType.ADDRESS,)) == [
        ("address", ["Unit 6", "-28B trolled. Kudy. New South Wales", "2034"])
    ]


def test_an_address_said_part_by_part_over_six_segments_is_redacted_with_its_town_alone() -> None:
    said = [
        ("agent", "And where are you moving to?"),
        ("customer", "It's the new address."),
        ("agent", "What's the new address?"),
        ("customer", "Unit -3."),
        ("customer", "14 Beacon Rise."),
        ("customer", "Leeds."),
        ("customer", "LS -6."),
        ("customer", "4QT."),
    ]
    assert sorted(_found(*said), key=lambda span: span[1]) == [
        ("address", 3, "Unit -3"),
        ("address", 4, "14 Beacon Rise"),
        ("address", 5, "Leeds"),
        ("address", 6, "LS -6"),
        ("address", 7, "4QT"),
    ]


def test_a_capitalised_word_alone_answering_an_address_question_with_nothing_else_is_no_address() -> None:
    assert _found(("agent", "And the new address?"), ("customer", "Sorry."), ("customer", "Tuesday.")) == []


def test_a_code_the_answer_names_as_it_gives_it_is_that_code_beside_what_was_asked() -> None:
    assert _found(
        ("agent", "Card number, please."),
        ("customer", "5105 1051 0510 5100."),
        ("agent", "and the expiry"),
        ("customer", "-1 -1 -27."),
        ("customer", "And the CVV is e7 -2,"),
    ) == [
        ("card_number", 1, "5105 1051 0510 5100"),
        ("card_expiry", 3, "-1 -1 -27"),
        ("card_security_code", 4, "e7 -2"),
    ]


def test_an_answer_naming_a_code_without_giving_it_gives_no_code() -> None:
    spans = _found(("agent", "And the expiry?"), ("customer", "-1 -1 -27."), ("customer", "The CVV is on the back."))
    assert spans == [("card_expiry", 1, "-1 -1 -27")]


def test_the_new_value_after_a_no_and_why_is_the_answer() -> None:
    assert _found(
        ("agent", "Are you still at the same address?"),
        ("customer", "Nope, I've moved."),
        ("customer", "Vaxholm Brae, Kilmory."),
    ) == [("address", 2, "Vaxholm Brae, Kilmory")]


@pytest.mark.parametrize("said", ["No, I'd rather not give it out over the phone.", "No, it's the same."])
def test_a_no_and_a_sentence_with_no_value_after_gives_nothing(said: str) -> None:
    assert _found(("agent", "Are you still at the same address?"), ("customer", said)) == []


def test_an_answer_goes_on_after_the_askers_backchannel() -> None:
    assert _found(
        ("agent", "And the property address?"),
        ("customer", "Unit 6"),
        ("agent", "Mm-hmm."),
        ("customer", "-28B trolled. Kudy."),
    ) == [("address", 1, "Unit 6"), ("address", 3, "-28B trolled. Kudy")]


def test_a_code_of_letters_and_digits_misheard_is_the_account_asked_for() -> None:
    assert _found(("agent", "And your booking reference?"), ("customer", "KW7 for IP,")) == [
        ("account_number", 1, "KW7 for IP")
    ]


def test_a_security_code_heard_with_a_word_in_it_is_the_code_asked_for() -> None:
    assert _found(("agent", "Security code."), ("customer", "9 or 7.")) == [("card_security_code", 1, "9 or 7")]


def test_the_words_of_an_answer_another_rule_left_are_taken_beside_what_it_found() -> None:
    # the expiry is read by the card rules; the code after it, misheard, is what was asked for
    assert _found(
        ("agent", "And the four digit code on the front."),
        ("customer", "expiry is 10, 27, and the code is 8 or 4."),
    ) == [("card_expiry", 1, "10, 27"), ("card_security_code", 1, "8 or 4")]


def test_with_two_things_asked_the_one_no_rule_found_is_the_one_answered() -> None:
    spans = _found(
        ("agent", "Lovely, what's your daughter's name and date of birth?"),
        ("customer", "Adiz DECD, the 22nd of July 2021."),
    )
    assert spans == [("person_name", 1, "Adiz DECD"), ("date_of_birth", 1, "the 22nd of July 2021")]


def test_an_answer_another_rule_found_the_kind_asked_in_is_left_to_it() -> None:
    assert _found(("agent", "And your name?"), ("customer", "Trn, an NHCRN.")) == [("person_name", 1, "Trn")]


def test_the_parts_of_an_address_beside_the_part_found_are_the_address_too() -> None:
    assert _found(
        ("agent", "And the first line of the address and the postcode?"),
        ("customer", "Roll out to box, Bravillberg, SW1A 2AA."),
    ) == [("address", 1, "Roll out to box, Bravillberg"), ("address", 1, "SW1A 2AA")]


# --- not answered --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answer",
    [
        "Yes, that's right.",
        "Sorry, which name?",  # a question back
        "I'd rather not say, to be honest.",  # a refusal
        "I wrote it down somewhere.",
        "Same as before.",
        "It's on page 2, about 3 lines down.",  # where the value is, not the value
        "Delivery takes 3 - 5 working days.",  # counted, not a value
        "Our office, Tower C, takes the parcels for us.",
        "Yeah it's for my son.",
    ],
)
def test_an_answer_that_gives_no_value_is_left(answer: str) -> None:
    for question in ("Can I take your full name?", "And the delivery address?", "What's your account number?"):
        assert _found(("agent", question), ("customer", answer)) == [], (question, answer)


def test_a_value_the_agent_reads_back_makes_the_yes_no_answer() -> None:
    # the address read back is one; the answer to it gives none
    assert _found(
        ("agent", "Is he still at 7 mil cargages, St. Tostell?"),
        ("customer", "Yes, he is, and can you text me when it's ready?"),
    ) == [("address", 0, "7 mil cargages, St. Tostell")]


def test_the_answer_ends_where_the_answerer_changes_subject() -> None:
    assert _found(
        ("agent", "And your name?"),
        ("customer", "Rosa Delgado and she is a male. I'm calling about my tax refund."),
    ) == [("person_name", 1, "Rosa Delgado")]


def test_a_statement_that_names_a_kind_asks_for_nothing() -> None:
    assert _found(("agent", "Your claim reference is on its way."), ("customer", "Brilliant, Fairview Close.")) == []


def test_a_caller_asks_the_business_only_for_a_name() -> None:
    assert _found(("customer", "And your address for returns?"), ("agent", "Riverside Trading Estate, Unit C.")) == []


def test_one_s_age_answers_no_date_of_birth() -> None:
    assert _found(("agent", "Can you confirm your date of birth?"), ("customer", "I'm 43.")) == []


@pytest.mark.parametrize(
    ("asked", "answer", "confidences", "names"),
    [
        # "Johan van der Merwe" heard as common words Whisper was unsure of
        ("Thank you, and your name?", "No hand vendor me.", [0.15, 0.51, 0.4, 0.22], [["No hand vendor me"]]),
        (
            "And the passenger name?",
            "In rent, where is she?",
            [0.75, 0.09, 0.75, 0.52, 0.98],
            [["In rent, where is she"]],
        ),
        # heard surely, the answer is what it says
        ("Thank you, and your name?", "Sorry, one moment please.", [0.95, 0.9, 0.93, 0.97], []),
        # a long answer is no name however unsure Whisper was
        (
            "Thank you, and your name?",
            "I would rather not give it out on a call.",
            [0.5, 0.4, 0.6, 0.5, 0.6, 0.5, 0.4, 0.6, 0.5, 0.6],
            [],
        ),
        # nor an answer to another question
        ("And what's the issue today?", "No hand vendor me.", [0.15, 0.51, 0.4, 0.22], []),
        # where other rules found the name in it, theirs alone
        ("Thank you. And your name?", "Mabaton Alweil, that's me.", [0.39, 0.37, 0.6, 0.6], [["Mabaton Alweil"]]),
    ],
)
def test_a_short_answer_to_a_name_question_whisper_was_unsure_of_is_the_name(
    asked: str, answer: str, confidences: list[float], names: list[list[str]]
) -> None:
    question, said = segments(("agent", asked), ("customer", answer))
    assert [spans for _, spans in found([question, heard_as(said, confidences)])] == names


def test_the_number_asked_for_after_the_caller_named_their_line_is_a_phone() -> None:
    assert _found(
        ("customer", "Okay, and can you send the new ticket to my number?"),
        ("agent", "Sure, what's the number?"),
        ("customer", "803, 552, 716, I know,"),
    ) == [("phone_number", 2, "803, 552, 716")]


def test_the_number_asked_for_alone_where_no_line_was_named_is_no_phone() -> None:
    assert (
        _found(
            ("customer", "Okay, and can you send the new ticket to the station?"),
            ("agent", "Sure, what's the number?"),
            ("customer", "803, 552, 716, I know,"),
        )
        == []
    )
