"""A business's own line or address, known by where the caller read it or by being asked whether there is one, is no
one's personal data; a person's own, said the same way, still is."""

from __future__ import annotations

import pytest

from shared.models.redaction import EntityType
from tests.shared.redaction.detection.turns import spans_found

pytestmark = pytest.mark.unit

_CONTACTS = (EntityType.PHONE_NUMBER, EntityType.ADDRESS)


def _found(*turns: tuple[str, str]) -> list[tuple[str, str]]:
    return [(kind, words) for kind, _, words in spans_found(turns, _CONTACTS)]


def test_a_number_the_business_published_is_its_own() -> None:
    assert _found(("customer", "Your leaflet says ring 07700 900 456 for returns, is that right?")) == []


def test_a_number_named_as_a_business_place_s_own_line_is_the_business_s() -> None:
    said = "You can also call the pharmacy's main number, 020 7946 0321, during opening hours."
    assert _found(("agent", said)) == []


def test_a_number_named_as_a_person_s_line_at_a_business_place_is_still_theirs() -> None:
    said = "The pharmacist said to call her mobile, 07700 900 321, not the pharmacy's."
    assert _found(("agent", said)) == [("phone_number", "07700 900 321")]


def test_a_number_the_caller_published_is_still_theirs() -> None:
    found = _found(("customer", "My website says call 07700 900 123 for lessons."))
    assert found == [("phone_number", "07700 900 123")]


def test_an_address_given_when_asked_whether_there_is_one_is_the_business_s() -> None:
    found = _found(
        ("customer", "Is there a postal address for complaints?"),
        ("agent", "Yes, PO Box 77, Leeds LS1 4AB."),
    )
    assert found == []


def test_an_address_asked_for_as_the_caller_s_is_theirs() -> None:
    found = _found(
        ("agent", "What's your postal address?"),
        ("customer", "PO Box 77, Leeds LS1 4AB."),
    )
    assert found == [("address", "PO Box 77, Leeds LS1 4AB")]


@pytest.mark.parametrize("question", ["Is there a number I can call you back on?", "Is there a phone number for you?"])
def test_asked_whether_the_caller_has_one_is_not_asking_the_business(question: str) -> None:
    found = _found(("agent", question), ("customer", "Yes, 07700 900 123."))
    assert found == [("phone_number", "07700 900 123")]


def test_an_address_the_business_has_things_sent_to_is_its_own() -> None:
    said = "Our postal address for returns is Unit 9, Greenfield Trade Park, Swindon, SN2 8BY."
    assert _found(("agent", said)) == []


def test_a_household_s_own_postal_address_is_theirs() -> None:
    found = _found(("customer", "Our postal address is Unit 9, Greenfield Court, Swindon, SN2 8BY."))
    assert found == [("address", "Unit 9, Greenfield Court, Swindon, SN2 8BY")]


def test_an_address_said_to_be_the_business_s_place_right_after_it_is_its_own() -> None:
    assert _found(("agent", "Drop it at 9 Harbour Point Road, Wexford, that's our parcel depot.")) == []


def test_an_address_followed_by_the_caller_s_own_place_is_theirs() -> None:
    found = _found(("customer", "Drop it at 9 Harbour Point Road, Wexford, that's my house."))
    assert found == [("address", "9 Harbour Point Road, Wexford")]


def test_a_role_mailbox_that_signs_in_to_the_callers_account_is_theirs() -> None:
    turns = (("agent", "The username on the account is info@greenleafflorists.co.nz, yes?"), ("customer", "Yes."))
    found = [(kind, words) for kind, _, words in spans_found(turns, (EntityType.EMAIL,))]
    assert found == [("email", "info@greenleafflorists.co.nz")]


def test_a_role_mailbox_to_write_to_is_still_the_business_s() -> None:
    turns = (("agent", "To log in again, write to info@greenleafflorists.co.nz and we'll reset it."),)
    assert spans_found(turns, (EntityType.EMAIL,)) == []


def _emails(*turns: tuple[str, str]) -> list[str]:
    return [words for _, _, words in spans_found(turns, (EntityType.EMAIL,))]


@pytest.mark.parametrize(
    "turns, email",
    [
        (
            (("agent", "And an email for the invoice?"), ("customer", "orders at tui-crafts dot co dot nz, please.")),
            "orders at tui-crafts dot co dot nz",
        ),
        (
            (("customer", "Just send it to accounts at brennan-joinery dot ie and I'll pick it up."),),
            "accounts at brennan-joinery dot ie",
        ),
    ],
)
def test_a_role_mailbox_the_caller_gives_as_theirs_is_theirs(turns: tuple[tuple[str, str], ...], email: str) -> None:
    assert _emails(*turns) == [email]


@pytest.mark.parametrize(
    "turns",
    [
        (("agent", "You can send it to claims at harbourinsure dot com."),),
        (("customer", "What's your email for complaints?"), ("agent", "It's complaints at harbourinsure dot com.")),
        (("customer", "I used to email support at harbourinsure dot com."),),
    ],
)
def test_a_role_mailbox_of_the_business_called_stays(turns: tuple[tuple[str, str], ...]) -> None:
    assert _emails(*turns) == []


def test_where_the_business_is_based_answered_by_the_agent_is_its_own_address() -> None:
    assert _found(("customer", "Where are you guys based?"), ("agent", "We're at 44 Ngong Road, Nairobi.")) == []


def test_where_the_caller_is_based_asked_by_the_agent_gives_the_callers_address() -> None:
    found = _found(("agent", "Where are you based?"), ("customer", "We're at Plot 44, Ngong Road, Kilimani, Nairobi."))
    assert found == [("address", "Plot 44, Ngong Road, Kilimani, Nairobi")]


def test_a_business_place_named_by_whose_it_is_gives_its_own_address_and_line() -> None:
    said = "The vet's surgery is at 3 Church Lane, and the out-of-hours number is 01632 960 418."
    assert _found(("agent", said)) == []


def test_a_business_place_to_ring_on_a_number_is_its_own_line() -> None:
    said = "For lost property ring the station office on 020 7946 0380, that's their direct line, not ours."
    assert _found(("agent", said)) == []


def test_a_person_s_own_place_of_work_to_ring_is_still_theirs() -> None:
    found = _found(("customer", "If I'm out, ring my office on 020 7946 0380."))
    assert found == [("phone_number", "020 7946 0380")]


def test_a_business_line_from_abroad_given_beside_it_is_its_own() -> None:
    said = "It's 1-800-555-0199, open 24 hours, and from abroad it's +1 302 555 0147."
    assert _found(("agent", said)) == []


def test_a_caller_s_number_said_while_calling_from_abroad_is_theirs() -> None:
    found = _found(("customer", "I'm calling from abroad, it's +44 7700 900 123."))
    assert found == [("phone_number", "+44 7700 900 123")]


def test_an_address_followed_by_the_business_s_opening_hours_is_its_own() -> None:
    said = "We're at 9 Harbour Street, next to the post office, and we're open till 6 tonight."
    assert _found(("agent", said)) == []


def test_a_home_address_followed_by_when_the_household_is_in_is_still_theirs() -> None:
    found = _found(("customer", "I live at 9 Harbour Street, and we're home all day Thursday."))
    assert [kind for kind, words in found if words.startswith("9 Harbour Street")] == ["address"]


@pytest.mark.parametrize(
    "said",
    [
        "Our WhatsApp line is 0861 555 219, you can send the photos there.",
        "Or WhatsApp us on 0917 555 4410 any time.",
        "For press it's the switchboard on 0161 496 0555.",
        "Ring reception on 020 7946 0555 if you get lost.",
        "If you're calling from outside Ireland the number is plus 353 1 525 0555.",
        "Call 0800 555 0199, that's our customer line.",
        "It's plus 44 20 7946 0555, that's our international desk.",
    ],
)
def test_a_businesss_own_line_named_as_such_is_no_ones_phone(said: str) -> None:
    assert _found(("agent", said)) == []


@pytest.mark.parametrize(
    ("said", "phone"),
    [
        ("I'm calling from outside the UK, my number is plus 44 7700 900 555.", "plus 44 7700 900 555"),
        ("Our landline is 021 448 9031, if I'm out.", "021 448 9031"),
        ("It's 0412 555 019, that's my number.", "0412 555 019"),
    ],
)
def test_a_persons_line_said_near_such_words_is_their_phone(said: str, phone: str) -> None:
    assert _found(("customer", said)) == [("phone_number", phone)]


@pytest.mark.parametrize(
    "said", ["We're at 200 Harbour Street, Unit 4, right next to the bus station.", "We are on 14 Quay Road, Wexford."]
)
def test_where_we_are_told_by_the_agent_is_the_business_s_address(said: str) -> None:
    assert _found(("agent", said)) == []


def test_where_we_are_told_by_the_caller_is_their_home() -> None:
    said = "We're at 200 Harbour Street, Unit 4, right next to the bus station."
    assert _found(("customer", said)) == [("address", "200 Harbour Street, Unit 4")]
