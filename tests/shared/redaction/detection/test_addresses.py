"""Addresses of Ireland, India and Canada in their own shapes: a rural house in its county, a flat in a named
building and its postal district, a flat in a tower of a complex, a rural route's box and postcode, a postcode
or PIN said in pieces; and the places, offices and numbers that are no address."""

from __future__ import annotations

import pytest

from shared.models.redaction import EntityType
from tests.shared.redaction.detection.turns import found, segments, spans_found

pytestmark = pytest.mark.unit


def _addresses(*turns: tuple[str, str]) -> list[tuple[int, str]]:
    """Each address part found: its turn and its words."""
    return [(turn, words) for _, turn, words in spans_found(turns, (EntityType.ADDRESS,))]


@pytest.mark.parametrize(
    "text, address",
    [
        # a rural Irish house: its name, townland, town and county, no street
        (
            "Post it to Heather Lodge, Derrylin, Ballyconnell, County Cavan, thanks.",
            "Heather Lodge, Derrylin, Ballyconnell, County Cavan",
        ),
        # a flat in a named building on a street, in a numbered district
        (
            "I'm in Flat 3, The Old Mill, Quay Street, Cork 2.",
            "Flat 3, The Old Mill, Quay Street, Cork 2",
        ),
        # a flat in a tower of a complex, with its area and city
        (
            "That's 1407, Wing D, Lodha Amara, Kolshet Road, Thane.",
            "1407, Wing D, Lodha Amara, Kolshet Road, Thane",
        ),
        # a rural route's box, its town, province and postcode
        (
            "Mail goes to RR 2, Box 88, Wolfville, Nova Scotia, B4P 2R1.",
            "RR 2, Box 88, Wolfville, Nova Scotia, B4P 2R1",
        ),
        # an Irish townland, town and county with no house at all, ended by its Eircode
        (
            "Send it to Knockanore East, Tallow, County Waterford, P51 KX72.",
            "Knockanore East, Tallow, County Waterford, P51 KX72",
        ),
        # a Quebec flat: the city, then the Canadian postcode
        (
            "C'est le 1220, rue Sherbrooke, appartement 12, Montréal, H3A 1H6.",
            "1220, rue Sherbrooke, appartement 12, Montréal, H3A 1H6",
        ),
        # a street and flat, then the ZIP alone
        (
            "It's 45 Maple Avenue, Apartment 9, 07302.",
            "45 Maple Avenue, Apartment 9, 07302",
        ),
        # a Jamaican lot and parish
        (
            "Lot 17 Poinciana Drive, Christiana, Manchester parish.",
            "Lot 17 Poinciana Drive, Christiana, Manchester parish",
        ),
        # a German back building after the city
        (
            "Es ist Kastanienallee 12, 10435 Berlin, Hinterhaus.",
            "Kastanienallee 12, 10435 Berlin, Hinterhaus",
        ),
        # a Philippine block before its lot
        (
            "Blk 4 Lot 7, Villa Verde Homes, Bacoor.",
            "Blk 4 Lot 7, Villa Verde Homes, Bacoor",
        ),
        # an Irish estate's kind of street, its town and county
        (
            "It's 22 Rowanbrook Lawn, Maynooth, County Kildare, and that's my home.",
            "22 Rowanbrook Lawn, Maynooth, County Kildare",
        ),
        (
            "We're at 6 Ashbury Vale, Cobh, since March.",
            "6 Ashbury Vale, Cobh",
        ),
    ],
)  # fmt: skip
def test_an_address_in_its_countrys_shape_is_found_whole(text: str, address: str) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


def test_whom_a_parcel_is_sent_care_of_is_no_part_of_its_address() -> None:
    found = _addresses(("customer", "Ship it to 14 Wren Avenue, Athlone, care of Nuala Brennan."))
    assert [text for _, text in found] == ["14 Wren Avenue, Athlone"]


def test_a_district_read_back_and_an_eircode_in_pieces_go_with_the_address_before() -> None:
    found = _addresses(
        ("customer", "Unit 6, The Granary, Mill Street, Dublin 12."),
        ("agent", "Dublin 12, and the Eircode?"),
        ("customer", "D12, then R, 2, X, 9."),
    )
    assert found == [
        (0, "Unit 6, The Granary, Mill Street, Dublin 12"),
        (1, "Dublin 12"),
        (2, "D12, then R, 2, X, 9"),
    ]


def test_a_pin_code_asked_for_after_an_address_is_its_six_digits() -> None:
    found = _addresses(
        ("customer", "It's 301, Block A, Green Meadows, Kondapur, Hyderabad."),
        ("agent", "And the PIN code?"),
        ("customer", "Five double oh, oh eight four."),
    )
    assert found == [(0, "301, Block A, Green Meadows, Kondapur, Hyderabad"), (2, "Five double oh, oh eight four")]


def test_a_card_pin_asked_for_without_an_address_is_no_address() -> None:
    found = _addresses(
        ("customer", "I want to change my card's PIN."),
        ("agent", "And the new PIN?"),
        ("customer", "Five double oh, oh eight four."),
    )
    assert found == []


@pytest.mark.parametrize(
    "turns",
    [
        (("customer", "I work in our Dublin 2 office most days."),),
        (("customer", "The Dublin office, the Cork office, and the Galway one."),),
        (("customer", "Send it to 14 Wren Avenue, Athlone."), ("agent", "Great, delivery on Thursday 12, okay?")),
        (("customer", "We stayed at Riverside House, Kenmare, for the wedding, lovely spot."),),
        (("customer", "The Tower B lift, in Block C, is broken again, Priya."),),
        (("customer", "That model is the 2400, version 3, from Acme Lodge Supplies."),),
        # when, not where
        (("agent", "I send a courier with a new grill, he will be at your address before seven thirty tonight."),),
        (("agent", "The engineer will be at your address by 9 a.m. tomorrow."),),
    ],
)
def test_places_offices_and_numbers_that_are_no_address(turns: tuple[tuple[str, str], ...]) -> None:
    found = _addresses(*turns)
    assert [text for _, text in found if "Wren" not in text] == []


def test_a_district_said_after_a_backchannel_finishes_the_address() -> None:
    found = _addresses(
        ("customer", "Apartment 9, 52 Leeson Street,"),
        ("agent", "Yep."),
        ("customer", "Dublin 4."),
    )
    assert found == [(0, "Apartment 9, 52 Leeson Street"), (2, "Dublin 4")]


def test_a_suburb_a_district_and_an_eircode_after_a_backchannel_finish_the_address() -> None:
    found = _addresses(
        ("customer", "It's 19 Kilmore Avenue,"), ("agent", "Yep."), ("customer", "Artane, Dublin 5, D05 X7W2.")
    )
    assert found == [(0, "19 Kilmore Avenue"), (2, "Artane, Dublin 5, D05 X7W2")]


def test_a_district_said_after_a_backchannel_with_no_address_before_is_no_address() -> None:
    assert _addresses(("customer", "I called about the bill,"), ("agent", "Yep."), ("customer", "Room 4.")) == []


def test_an_indian_address_begun_by_its_door_number_and_ending_in_its_pin_needs_no_question() -> None:
    found = _addresses(("customer", "Door No. 7-2-15, Temple Street, Secunderabad, Hyderabad 500003."))
    assert found == [(0, "Door No. 7-2-15, Temple Street, Secunderabad, Hyderabad 500003")]


def test_a_house_number_corrected_in_a_new_sentence_is_the_address_too() -> None:
    found = _addresses(("customer", "It's 27 Beech Grove, Malton. Sorry, 72, I always swap them."))
    assert found == [(0, "27 Beech Grove, Malton"), (0, "72")]


@pytest.mark.parametrize(
    "text, address",
    [
        ("It's C-17, Malviya Nagar, Jaipur 302017.", "C-17, Malviya Nagar, Jaipur 302017"),
        ("H. No. 48, Sector 21, Gurugram 122016.", "H. No. 48, Sector 21, Gurugram 122016"),
        # a flat numbered after its wing's or block's letter
        ("Flat C704, Lotus Residency, Aundh Road, Pune 411007.", "Flat C704, Lotus Residency, Aundh Road, Pune 411007"),
        (
            "It's flat D-12, Green Acres, Linking Road, Mumbai 400050.",
            "flat D-12, Green Acres, Linking Road, Mumbai 400050",
        ),
    ],
)
def test_an_indian_house_number_in_its_own_forms_then_area_city_and_pin_is_an_address(text: str, address: str) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


@pytest.mark.parametrize(
    "text",
    ["Flight B-52, Terminal 2, Gate 14, Delhi 110037.", "Model X-500, Series Two, Pro Max, priced 119999."],
)
def test_a_code_of_a_letter_and_digits_before_places_and_six_digits_is_no_address(text: str) -> None:
    assert _addresses(("customer", text)) == []


def test_an_answered_address_keeps_its_postal_district() -> None:
    found = _addresses(("customer", "Deliver it to Apartment 9, Block D, Custom House Quay, Dublin 1, please."))
    assert found == [(0, "Apartment 9, Block D, Custom House Quay, Dublin 1")]


@pytest.mark.parametrize(
    "text, address",
    [
        # an Australian lot on a road, its town, state and postcode
        (
            "Lot 12, Kurrajong Road, Braidwood, New South Wales 2622.",
            "Lot 12, Kurrajong Road, Braidwood, New South Wales 2622",
        ),
        # a Canadian unit joined to the house number by a hyphen
        ("It's 807-25 Bay Street, Toronto, ON M5J 2N8.", "807-25 Bay Street, Toronto, ON M5J 2N8"),
        # a rural route's site before its box
        ("RR 3, Site 9, Box 4, Cochrane, Alberta, T4C 1A1.", "RR 3, Site 9, Box 4, Cochrane, Alberta, T4C 1A1"),
        # a South African private bag at a PostNet suite
        ("Postnet Suite 27, Private Bag X3, Rivonia, 2128.", "Postnet Suite 27, Private Bag X3, Rivonia, 2128"),
        # which part of a long street, then the district
        ("Flat 5, 30 Leeson Street Upper, Dublin 4.", "Flat 5, 30 Leeson Street Upper, Dublin 4"),
        # an Indian plot, phase and area, or a house number before a numbered road
        ("Plot 9, Phase 1, Hinjewadi, Pune 411057.", "Plot 9, Phase 1, Hinjewadi, Pune 411057"),
        (
            "118, 3rd Cross, 2nd Stage, Indiranagar, Bangalore 560038.",
            "118, 3rd Cross, 2nd Stage, Indiranagar, Bangalore 560038",
        ),
    ],
)  # fmt: skip
def test_more_countries_unit_box_and_street_forms_are_found_whole(text: str, address: str) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


@pytest.mark.parametrize(
    "text",
    [
        "We sold lot 4, the blue vase, for 200 dollars.",
        "Level 3 of the car park was full.",
        "Shop 5 is closed on Sundays.",
        "It took 2nd place, 3rd overall, in the Pune 10K of 2019.",
    ],
)
def test_lots_levels_shops_and_rankings_that_are_no_address(text: str) -> None:
    assert _addresses(("customer", text)) == []


def test_an_eircode_named_as_a_question_to_oneself_with_its_halves_apart() -> None:
    assert _addresses(("customer", "My Eircode? H91, E2K3.")) == [(0, "H91, E2K3")]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # a named house with no number, its village and postcode
        ("Send it to The Willows, Upper Slaughter, GL54 2JD please.", "The Willows, Upper Slaughter, GL54 2JD"),
        # a house number and the postcode alone
        ("We're number 17, LS11 5QR.", "number 17, LS11 5QR"),
        # a unit before the house number, a street with no kind, its suburb, state and postcode
        ("Unit 9, 240 Sturt, Southbank, VIC 3006 is the one.", "Unit 9, 240 Sturt, Southbank, VIC 3006"),
    ],
)
def test_an_address_without_a_street_word_ending_in_its_postcode_is_found_whole(text: str, address: str) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


def test_a_postcode_said_in_pieces_ends_a_flat_or_unit_address_without_a_street_word() -> None:
    found = _addresses(
        ("agent", "Where should the engineer go?"),
        ("customer", "Suite 2, Brookfield House, er, Bolton, B L three, one A B."),
    )
    assert found == [(1, "Suite 2, Brookfield House, er, Bolton, B L three, one A B")]


def test_an_apartment_between_the_street_and_the_city_is_inside_the_answered_address() -> None:
    found = _addresses(
        ("agent", "What's the address?"),
        ("customer", "It's 88 Larkspur, Apt 4C, Boise, Idaho 83702."),
    )
    assert found == [(1, "88 Larkspur, Apt 4C, Boise, Idaho 83702")]


@pytest.mark.parametrize(
    "turns",
    [
        # a room moved to, then a clause about something else
        (("customer", "Then we moved to 214, the view was better."),),
        # prices, times and model numbers next to capitals and a code
        (("customer", "The Crescent line was down, so I paid 12, LOL."),),
        (("customer", "The Galaxy S21, Model 5, costs 799 dollars."),),
        (("customer", "Level 2, 30 Minutes, Quick Service 2024 was the course."),),
    ],
)
def test_rooms_prices_and_products_beside_numbers_are_no_address(turns: tuple[tuple[str, str], ...]) -> None:
    assert _addresses(*turns) == []


def test_an_address_moved_out_of_is_found_without_the_words_after_its_town() -> None:
    found = _addresses(("customer", "We're moving out of 31 Hazelmere, Trim at the end of the month."))
    assert found == [(0, "31 Hazelmere, Trim")]


@pytest.mark.parametrize(
    "text",
    [
        "We moved from 2 plans to 1 last spring.",
        "I'm moving out of 3 Mobile, the old contract, soon.",
    ],
)
def test_plans_and_contracts_moved_from_are_no_address(text: str) -> None:
    assert _addresses(("customer", text)) == []


# --- addresses as Whisper writes them from speech: misheard streets, codes in pieces, sentences split ------------


@pytest.mark.parametrize(
    "text, address",
    [
        # the street misheard as everyday words, then a town, a state's full name and a ZIP
        (
            "Yeah that's 2718 big spruce cart, Boyzee, Idaho, 83702 I think.",
            "2718 big spruce cart, Boyzee, Idaho, 83702",
        ),
        # a flat, a house number heard as digits, a province and a postcode's second half in pieces
        (
            "Now it's suite 1104, 57 -9 -1 Halifax, Nova Scotia, B3J, 3 -K -5.",
            "suite 1104, 57 -9 -1 Halifax, Nova Scotia, B3J, 3 -K -5",
        ),
        # an Australian postcode heard in two groups
        (
            "Unit 2, 19 Banksia Avenue, Toowong, Queensland, 406 -6.",
            "Unit 2, 19 Banksia Avenue, Toowong, Queensland, 406 -6",
        ),
    ],
)  # fmt: skip
def test_an_address_ending_in_a_town_a_state_and_a_code_is_found_however_its_street_was_heard(
    text: str, address: str
) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


def test_a_town_and_a_state_with_a_year_after_them_are_no_address() -> None:
    assert _addresses(("customer", "We left Tulsa, Oklahoma, 2016 I think, for the job.")) == []


def test_an_address_s_code_starting_the_next_segment_goes_with_it() -> None:
    found = _addresses(
        ("customer", "It's 88 Poplar Grove Lane, Reno, Nevada,"),
        ("customer", "8950 you know."),
    )
    assert found == [(0, "88 Poplar Grove Lane, Reno, Nevada"), (1, "8950")]


def test_a_street_ending_a_segment_and_a_town_and_code_starting_the_next_are_one_address() -> None:
    found = _addresses(
        ("agent", "Is it still out on Wattle Crescent,"),
        ("agent", "Rondebosch, Cape Town, 7700?"),
    )
    assert found == [(0, "Wattle Crescent"), (1, "Rondebosch, Cape Town, 7700")]


def test_a_number_starting_a_segment_after_a_sentence_ended_is_no_address() -> None:
    found = _addresses(("customer", "It's 88 Poplar Grove Lane, Reno, Nevada."), ("customer", "2024 was the move."))
    assert found == [(0, "88 Poplar Grove Lane, Reno, Nevada")]


def test_a_house_number_corrected_before_the_address_is_part_of_it() -> None:
    found = _addresses(("customer", "Send it to 936, no, 396 Kestrel Way, Duluth, Minnesota."))
    assert found == [(0, "936"), (0, "396 Kestrel Way, Duluth, Minnesota")]


def test_a_plot_s_number_starts_an_address() -> None:
    found = _addresses(("customer", "We live at Plot 14, Kofo Abayomi Street, Ikoyi, Lagos."))
    assert found == [(0, "Plot 14, Kofo Abayomi Street, Ikoyi, Lagos")]


def test_a_postcode_s_district_said_as_one_number_word_is_part_of_it() -> None:
    found = _addresses(("agent", "And your postcode?"), ("customer", "Sure, M, twelve, four, R, D."))
    assert found == [(1, "M, twelve, four, R, D")]


def test_the_house_someone_named_is_said_to_be_at_is_an_address() -> None:
    found = _addresses(("agent", "There's a parcel for Ingrid Solheim at 6 Tui Outlook, Nelson. Is that yours?"))
    assert found == [(0, "6 Tui Outlook, Nelson")]


def test_a_park_after_a_house_number_and_a_name_is_a_street() -> None:
    found = _addresses(("customer", "It's 27 Rowan Park, Tralee, and the engineer can ring first."))
    assert found == [(0, "27 Rowan Park, Tralee")]


def test_a_postcode_whisper_wrote_with_hyphens_is_found_in_its_pieces() -> None:
    found = _addresses(("agent", "Name and postcode please?"), ("customer", "Sure, NP -20, 3 -GH."))
    assert found == [(1, "NP -20, 3 -GH")]


@pytest.mark.parametrize(
    "reply, address",
    [
        # the street and town misheard into everyday words: the reply to "address?" is still the address
        (
            "It's 9 .61 kettle and drum, far bridge, Kelso, 4 .4 .1 .7.",
            "9 .61 kettle and drum, far bridge, Kelso, 4 .4 .1 .7",
        ),
        (
            "Yes, the top floor flat, 33 willow green, Leeds, LS4, 2 pH.",
            "floor flat, 33 willow green, Leeds, LS4, 2 pH",
        ),
    ],
)
def test_a_reply_to_address_asked_that_starts_with_a_number_is_the_address_however_misheard(
    reply: str, address: str
) -> None:
    turns = (("agent", "Thanks. What's the address at the property?"), ("customer", reply))
    assert _addresses(*turns) == [(1, address)]


def test_what_follows_deliver_it_to_is_the_address_from_its_number_on() -> None:
    turns = (
        ("agent", "Shall we send the parcel to you?"),
        ("customer", "No, deliver it to my aunt, Dilys Pryce, 8 lantern oak close, Swansea."),
    )
    assert _addresses(*turns) == [(1, "8 lantern oak close, Swansea")]


def test_a_reply_to_address_asked_that_is_not_a_place_is_not_redacted() -> None:
    turns = (("agent", "Is the address on file still right?"), ("customer", "Yes, I've been there 12 years now."))
    assert _addresses(*turns) == []


def test_where_to_deliver_answered_with_whose_place_and_then_a_flat_is_the_address() -> None:
    turns = (
        ("agent", "Where should we deliver the parcel?"),
        ("customer", "To my sister's place, unit 7,"),
        ("customer", "marsh lane, Bexley, D A5, 1 QZ."),
    )
    assert _addresses(*turns) == [(1, "unit 7"), (2, "marsh lane, Bexley, D A5, 1 QZ")]


def test_a_rural_route_answered_after_a_social_security_number_is_an_address_not_its_digits() -> None:
    turns = (
        ("agent", "And your social security number?"),
        ("customer", "412 -55 -9087,"),
        ("agent", "And the mailing address?"),
        ("customer", "Rural Out 3, Box 4 -18, Mandan, North Dakota, 58554."),
    )
    found = spans_found(turns, (EntityType.ADDRESS, EntityType.SSN))
    assert found == [
        ("ssn", 1, "412 -55 -9087"),
        ("address", 3, "Rural Out 3, Box 4 -18, Mandan, North Dakota, 58554"),
    ]


def test_a_flat_named_by_its_number_in_a_numbered_sector_is_an_address_to_its_pin() -> None:
    found = _addresses(
        ("agent", "Can you confirm the delivery address?"),
        ("customer", "flat number 318, lotus towers, sector 62, gurgaon, 122011,"),
    )
    assert found == [(1, "flat number 318, lotus towers, sector 62, gurgaon, 122011")]


def test_the_town_an_answered_address_goes_on_with_in_the_next_segment_is_the_address() -> None:
    found = _addresses(
        ("agent", "And what's the new address?"),
        ("customer", "It's 22 willow grove road,"),
        ("customer", "bally kneel, county clare, and the eircode is with you."),
    )
    assert found == [(1, "22 willow grove road"), (2, "bally kneel, county clare")]


def test_what_follows_an_answered_address_in_the_next_segment_that_is_no_town_stays() -> None:
    found = _addresses(
        ("agent", "And what's the new address?"),
        ("customer", "It's 22 willow grove road,"),
        ("customer", "I think, and I moved in last week."),
    )
    assert found == [(1, "22 willow grove road")]


def test_an_address_read_back_to_check_after_asking_about_it_is_the_address_however_heard() -> None:
    found = _addresses(
        ("agent", "And is that still the address?"),
        ("agent", "Seven bar row meadow,"),
        ("agent", "Yolk 31, 4 PQ?"),
        ("customer", "Yes, that's right."),
    )
    assert found == [(1, "Seven bar row meadow"), (2, "Yolk 31, 4 PQ")]


def test_where_one_is_still_asked_to_be_after_being_told_where_a_thing_goes_is_the_address_however_heard() -> None:
    found = _addresses(
        ("agent", "New cards will go to your home address."),
        ("agent", "Is that still 12 bitching lies?"),
        ("customer", "Yes."),
    )
    assert found == [(1, "12 bitching lies")]


@pytest.mark.parametrize(
    "told, asked",
    [
        ("We'll post the refund to your address.", "Is that still 10 working days?"),  # a count
        ("We'll post the refund to your address.", "Is 10 working days okay?"),  # no "still"
        ("I'll send the link to your email address.", "Is that still 4 digits?"),  # an e-mail's
    ],
)
def test_a_count_or_a_question_without_still_after_being_told_of_the_address_is_no_address(
    told: str, asked: str
) -> None:
    assert _addresses(("agent", told), ("agent", asked), ("customer", "Yes.")) == []


def test_a_question_after_asking_about_the_address_without_a_number_is_no_address() -> None:
    found = _addresses(
        ("agent", "And is that still the address?"),
        ("agent", "Or have you moved since?"),
        ("customer", "Still there."),
    )
    assert found == []


@pytest.mark.parametrize(
    "text, address",
    [
        ("Just to confirm, that's 14 carry road, Raylin.", "14 carry road"),  # 14 Kauri Road, Grey Lynn
        ("Okay, so I'm at 27 pine hollow drive.", "27 pine hollow drive"),
    ],
)
def test_a_street_heard_in_lower_case_after_at_or_that_s_in_a_capitalised_sentence_is_an_address(
    text: str, address: str
) -> None:
    assert _addresses(("agent", text)) == [(0, address)]


@pytest.mark.parametrize(
    "text",
    [
        "The bus comes every 10 along king street, so you won't wait long.",  # not after "at" or "that's"
        "It's 3 side road closures on the route today.",  # the clause goes on
    ],
)
def test_a_lower_case_street_in_a_capitalised_sentence_not_given_as_where_one_is_is_no_address(text: str) -> None:
    assert _addresses(("agent", text)) == []


def test_the_new_address_given_after_saying_one_moved_is_the_address_even_all_in_lower_case() -> None:
    found = _addresses(
        ("agent", "And are you still at Marine Drive, Umhlanga, 4319?"),
        ("customer", "No, we moved."),
        ("customer", "It's 14 pro tear road,"),
        ("customer", "durban north, 4051."),
    )
    assert (2, "14 pro tear road") in found
    assert (3, "durban north, 4051") in found


@pytest.mark.parametrize("said", ["It took 3 days to drive.", "We have 2 cars and a long drive."])
def test_a_count_said_after_saying_one_moved_is_no_address(said: str) -> None:
    assert _addresses(("customer", "No, we moved."), ("customer", said)) == []


def test_an_answer_starting_with_a_flat_and_its_building_is_an_address_whatever_the_question_was_heard_as() -> None:
    found = _addresses(
        ("agent", "And your four dress, please?"),
        ("customer", "Flatnine, Rowan Court, for tea Hackney Road, London,"),
        ("customer", "E -2, for X -Q."),
    )
    assert found == [(1, "Flatnine, Rowan Court, for tea Hackney Road, London"), (2, "E -2, for X -Q")]


@pytest.mark.parametrize(
    "said", ["Unit 4, the manager said.", "Flat 2, I think. The other was bigger.", "Unit 4, Tuesday, and then 5."]
)
def test_a_flat_named_without_a_building_or_street_after_it_is_no_address(said: str) -> None:
    assert _addresses(("agent", "Which one?"), ("customer", said)) == []


def test_a_flat_in_a_block_said_as_directions_after_an_unrelated_question_is_no_address() -> None:
    assert _addresses(("agent", "Which one?"), ("customer", "Flat 2, Block C, Phase 3, then the gym.")) == []


def test_a_named_house_on_its_lane_goes_on_to_its_postcode() -> None:
    found = _addresses(("customer", "Ivy Cottage, Church Lane, Great Bircham, PE31 6QW. No house number."))
    assert found == [(0, "Ivy Cottage, Church Lane, Great Bircham, PE31 6QW")]


@pytest.mark.parametrize(
    "text, address",
    [
        (
            "It's Holly Cottage, 7 Station Road, Wymondham, NR18 0JT.",
            "Holly Cottage, 7 Station Road, Wymondham, NR18 0JT",
        ),
        ("We're at The Old Granary, 22 Mill Lane, Ely.", "The Old Granary, 22 Mill Lane, Ely"),
    ],
)
def test_a_house_s_name_said_before_its_number_on_the_street_is_part_of_the_address(text: str, address: str) -> None:
    """Not a person's name: "It's Holly Cottage" is the house."""
    assert found(segments(("agent", "And the address?"), ("customer", text))) == [("address", [address])]


@pytest.mark.parametrize(
    "text, address",
    [
        # a house number and street begun, then put right
        ("It's 14 Mill... no, 14 Marsh Road, Leeds, LS6 2QT.", "14 Mill... no, 14 Marsh Road, Leeds, LS6 2QT"),
        # the number begun twice before it is said whole
        (
            "Address is 3... 3 1... sorry, 317 Bank Street, Ottawa, K2P 1X8.",
            "3... 3 1... sorry, 317 Bank Street, Ottawa, K2P 1X8",
        ),
    ],
)  # fmt: skip
def test_an_address_begun_and_said_again_is_one_address(text: str, address: str) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


def test_an_address_ends_where_a_new_clause_about_someone_begins_so_it_is_known_read_back() -> None:
    found = _addresses(
        ("customer", "I live at 33 Maple Crescent, but I usually go to the branch on High Street."),
        ("agent", "The High Street branch is fine, and 33 Maple Crescent for the statements."),
    )
    assert found == [(0, "33 Maple Crescent"), (1, "33 Maple Crescent")]


@pytest.mark.parametrize(
    "said, address",
    [
        ("I live at 14 Harbour Road, and I've been there ten years.", "14 Harbour Road"),
        ("It's 9 Elm Close, Tralee and we moved in last May.", "9 Elm Close, Tralee"),
        # "and" inside a street's name stays: "Victoria and Albert"
        ("It's 2 Victoria and Albert Road, Bray.", "2 Victoria and Albert Road, Bray"),
    ],
)
def test_an_address_ends_where_and_begins_a_clause_about_someone(said: str, address: str) -> None:
    found = _addresses(("agent", "Can I take your address?"), ("customer", said))
    assert found == [(1, address)]


def test_a_house_number_broken_off_with_its_digits_swapped_is_the_address_begun() -> None:
    said = "Deliver it to 58... sorry 85 Rue Saint-Denis, apartment 4, Montreal, H2X 3K8."
    assert _addresses(("customer", said)) == [(0, "58... sorry 85 Rue Saint-Denis, apartment 4, Montreal, H2X 3K8")]


def test_a_number_broken_off_with_other_digits_before_an_address_is_not_of_it() -> None:
    said = "Deliver it to 57... sorry 85 Rue Saint-Denis, Montreal, H2X 3K8."
    assert _addresses(("customer", said)) == [(0, "85 Rue Saint-Denis, Montreal, H2X 3K8")]


def test_words_broken_off_before_an_address_that_begin_otherwise_are_not_of_it() -> None:
    # "at..." and a price broken off: neither begins as the address does
    found = _addresses(("customer", "We paid 40... sorry, we live at... um, 22 Fern Avenue, Bristol, BS6 7TY."))
    assert found == [(0, "22 Fern Avenue, Bristol, BS6 7TY")]


@pytest.mark.parametrize(
    "text, postcode",
    [("Postcode's 2000, it's in the CBD.", "2000"), ("My postcode is 4170.", "4170")],
)
def test_a_postcode_of_four_digits_named_is_an_address(text: str, postcode: str) -> None:
    assert _addresses(("customer", text)) == [(0, postcode)]


@pytest.mark.parametrize(
    "text, postcode",
    [
        ("The postcode is BS3... 4... sorry, BS3 4HN.", "BS3... 4... sorry, BS3 4HN"),
        ("My postcode's 2000... no, 2010, the north side.", "2000... no, 2010"),
    ],
)
def test_a_postcode_named_begun_broken_off_and_said_again_is_one_address_from_its_start(
    text: str, postcode: str
) -> None:
    assert _addresses(("customer", text)) == [(0, postcode)]


def test_a_postcode_named_and_broken_off_for_good_is_no_address() -> None:
    assert _addresses(("customer", "The postcode is BS3... sorry, I'll have to check the letter.")) == []


def test_four_digits_inside_a_longer_code_after_postcode_are_no_postcode() -> None:
    assert _addresses(("customer", "Postcode 2000X isn't valid, the form says.")) == []


@pytest.mark.parametrize(
    "text, postcode",
    [
        # letters and digits one at a time, the halves set apart by a comma
        ("The postcode is N W 3, 6 D X.", "N W 3, 6 D X"),
        # a digit in words, named with "'s"
        ("My post code's G two, three A B and I'm upstairs.", "G two, three A B"),
        # a Canadian postal code, one character at a time
        ("Postal code is K 1 A, 0 B 1.", "K 1 A, 0 B 1"),
    ],
)
def test_a_postcode_named_then_said_in_letters_and_digits_is_an_address(text: str, postcode: str) -> None:
    assert _addresses(("customer", text)) == [(0, postcode)]


@pytest.mark.parametrize(
    "text",
    [
        # letters and digits in postcode shape, not named a postcode
        "The part code is A B 1 2 C D.",
        # a postcode talked about, then letters that are none
        "The postcode is wrong, I said A 4.",
    ],
)
def test_letters_and_digits_not_named_a_postcode_are_no_address(text: str) -> None:
    assert _addresses(("customer", text)) == []


@pytest.mark.parametrize(
    "text, address",
    [
        ("It's Via Roma 22, 2nd floor, 00184 Roma.", "Via Roma 22, 2nd floor, 00184 Roma"),
        (
            "Carrer de Mallorca 401, fourth floor, door 3, 08013 Barcelona.",
            "Carrer de Mallorca 401, fourth floor, door 3, 08013 Barcelona",
        ),
        ("We're at 8 Rue Cler, 3º A, 75007 Paris.", "8 Rue Cler, 3º A, 75007 Paris"),
        # in Quebec, a filler between the house number and the street's kind, and the flat written short ("app.")
        (
            "It's 46, uh, Rue Beaubien, appartement 7, Montréal, H2S 1R4.",
            "46, uh, Rue Beaubien, appartement 7, Montréal, H2S 1R4",
        ),
        ("It's 46 Rue Beaubien, app. 7, Montréal, H2S 1R4.", "46 Rue Beaubien, app. 7, Montréal, H2S 1R4"),
    ],
)
def test_a_continental_address_with_its_floor_and_door_is_found_whole(text: str, address: str) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


@pytest.mark.parametrize(
    "text, address",
    [
        (
            "Deliveries go to apartment 12, intercom 4, at 55 Harbour Street, Leith EH6 6PY.",
            "apartment 12, intercom 4, at 55 Harbour Street, Leith EH6 6PY",
        ),
        ("It's Unit 9 of 300 Lakeshore Drive, Chicago, IL 60601.", "Unit 9 of 300 Lakeshore Drive, Chicago, IL 60601"),
    ],
)
def test_a_flat_said_before_its_buildings_address_is_part_of_it(text: str, address: str) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


def test_a_postcode_put_right_just_after_the_address_is_the_address() -> None:
    text = "That's 9 Hill Street, Cardiff CF10 2HJ, no wait, it's CF10 2HQ."
    assert _addresses(("customer", text)) == [(0, "9 Hill Street, Cardiff CF10 2HJ"), (0, "CF10 2HQ")]


def test_a_street_name_spelled_right_after_the_address_is_the_address() -> None:
    text = "It's 7 Kowalczyk Street, Chicago, IL 60614. K-O-W-A-L, C-Z-Y-K."
    assert _addresses(("customer", text)) == [(0, "7 Kowalczyk Street, Chicago, IL 60614"), (0, "K-O-W-A-L, C-Z-Y-K")]


def test_letters_after_an_address_that_spell_none_of_its_words_are_not_the_address() -> None:
    text = "It's 7 Kowalczyk Street, Chicago, IL 60614. B-M-W is parked outside."
    assert _addresses(("customer", text)) == [(0, "7 Kowalczyk Street, Chicago, IL 60614")]


@pytest.mark.parametrize(
    "said, address",
    [
        # a town heard as words after a full stop Whisper put where the speaker paused, the code ending a question
        (
            ("Is it still 8 Protea Lane?", "Some are set 7130?"),
            [(1, "8 Protea Lane"), (2, "Some are set 7130")],
        ),
        # a building's name alone between, then the town and a six-digit PIN
        (
            ("Your parcel will be delivered to flat 512.", "Lakeview Towers.", "Whitefield Bangalore 560066."),
            [(1, "flat 512"), (2, "Lakeview Towers"), (3, "Whitefield Bangalore 560066")],
        ),
        # a Canadian postcode Whisper wrote in pieces, its town and province in a segment of their own
        (
            ("Send it to 480 Queen Street.", "Ottawa, Ontario.", "K -1 -A -0 -B -1"),
            [(1, "480 Queen Street"), (2, "Ottawa, Ontario"), (3, "K -1 -A -0 -B -1")],
        ),
    ],
)  # fmt: skip
def test_an_address_goes_on_in_its_speaker_s_next_segments_ending_in_its_code(
    said: tuple[str, ...], address: list[tuple[int, str]]
) -> None:
    turns = [("agent", "And the address?"), *(("customer", text) for text in said)]
    assert _addresses(*turns) == address


@pytest.mark.parametrize(
    "after",
    [
        "My PIN is 4412.",  # another number, named
        "Call me at 4 30.",  # a time
        "Which is near the station.",  # no code
    ],
)
def test_what_follows_an_address_in_the_next_segment_without_being_its_code_is_no_address(after: str) -> None:
    turns = [("agent", "And the address?"), ("customer", "It's 19 Kestrel Road."), ("customer", after)]
    assert _addresses(*turns) == [(1, "19 Kestrel Road")]


def test_a_street_s_direction_after_its_kind_is_part_of_the_address() -> None:
    assert _addresses(("customer", "I'm at 220 Dundas Street West, Toronto.")) == [
        (0, "220 Dundas Street West, Toronto")
    ]


@pytest.mark.parametrize(
    "asked, address",
    [
        # the street and the town heard as words, the postcode in pieces
        (
            "Thank you. Is she still at 12 fern bank, St. Ives, TR 26, 1 HQ?",
            "12 fern bank, St. Ives, TR 26, 1 HQ",
        ),
        ("And you're still at 40 mil rode, Oakham?", "40 mil rode, Oakham"),
    ],
)
def test_the_address_read_back_to_ask_whether_one_still_lives_there_is_the_address(asked: str, address: str) -> None:
    assert _addresses(("agent", asked)) == [(0, address)]


@pytest.mark.parametrize(
    "asked",
    [
        "Are you still at 3 pm with Doctor Patel?",  # a time
        "You still at 4 for the Monday class?",  # no parts said apart
        "Is he still at 2 years old, Tom?",  # an age
    ],
)
def test_what_one_is_still_at_that_is_no_house_is_no_address(asked: str) -> None:
    assert _addresses(("agent", asked)) == []


def test_what_is_said_of_an_address_read_back_is_not_part_of_it() -> None:
    assert _addresses(("agent", "Are they still at 10 Downing Street, you reckon?")) == [(0, "10 Downing Street")]


@pytest.mark.parametrize(
    "text, address",
    [
        # a Dutch floor after the house number, the postcode's letters before the city
        (
            "Please post it to Korte Prinsengracht 41-III, 1013 GC Amsterdam.",
            "Korte Prinsengracht 41-III, 1013 GC Amsterdam",
        ),
        # a German back or front building and its storey between the number and the postcode
        ("That's Wienerstraße 8, Vorderhaus, 2. OG, 10999 Berlin.", "Wienerstraße 8, Vorderhaus, 2. OG, 10999 Berlin"),
        # a Spanish floor and side in words
        (
            "I live at Calle de Serrano 27, segundo derecha, 28001 Madrid.",
            "Calle de Serrano 27, segundo derecha, 28001 Madrid",
        ),
        # a Brazilian flat, the city and state before the CEP
        (
            "Avenida Paulista, 1578, apto 12B, Curitiba - PR, CEP 80010-130, obrigado.",
            "Avenida Paulista, 1578, apto 12B, Curitiba - PR, CEP 80010-130",
        ),
        # a Singapore block, its street's number, the unit as floor and door, the postcode after the country
        (
            "Deliver to Block 45 Tampines Avenue 7, #11-302, Singapore 520045 please.",
            "Block 45 Tampines Avenue 7, #11-302, Singapore 520045",
        ),
        # a suburb whose name starts with a capital beyond ASCII, the city and its code
        ("It's 14 Kauri Road, Ōrākei, Auckland 1071.", "14 Kauri Road, Ōrākei, Auckland 1071"),
        # Malaysian homes: a street by its Malay kind, maybe named by a code, the postcode after the town or before it
        ("It's 16, Jalan SS2/24, Petaling Jaya, 47300.", "16, Jalan SS2/24, Petaling Jaya, 47300"),
        ("It's No. 8, Lorong Bukit Bintang, 55100 Kuala Lumpur.", "No. 8, Lorong Bukit Bintang, 55100 Kuala Lumpur"),
        (
            "Lot 12, Jalan Tun Razak, Taman Melawati, 53100 Kuala Lumpur, thanks.",
            "Lot 12, Jalan Tun Razak, Taman Melawati, 53100 Kuala Lumpur",
        ),
        # the street alone, the sentence ending after it
        ("It's 88 Jalan Ampang...", "88 Jalan Ampang"),
        # a Philippine block before its lot, the barangay and the city
        (
            "It's Blk 7 Lot 12, Sampaguita Street, Barangay San Isidro, Parañaque.",
            "Blk 7 Lot 12, Sampaguita Street, Barangay San Isidro, Parañaque",
        ),
    ],
)
def test_floors_buildings_and_codes_of_more_countries_are_inside_the_address(text: str, address: str) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


@pytest.mark.parametrize(
    "text",
    [
        "The lost property desk is in the Hauptbahnhof, 2. OG, next to platform 10.",
        "Walk past block 45 of the flats and the lift to the 11th floor is on your left.",
        "Your 2024/2025 season pass was 1,200 euros, paid in Singapore dollars.",
        "The fare from Amsterdam to Berlin is 188 euros, or 129 in the sale.",
        # a count of shops on a Malaysian street, and of people, not a home
        "Our 12 Jalan Besar outlets served 30000.",
        "The lease on 12 Jalan Besar, 30000 ringgit a year, is up.",
    ],
)
def test_floors_blocks_year_ranges_and_prices_in_passing_are_no_address(text: str) -> None:
    assert _addresses(("agent", text)) == []


@pytest.mark.parametrize(
    "turns, parts",
    [
        (
            (
                ("customer", "So it's 14 Rue Oberkampf,"),
                ("agent", "Mm-hmm."),
                ("customer", "third floor, 75011 Paris."),
            ),
            [(0, "14 Rue Oberkampf"), (2, "third floor, 75011 Paris")],
        ),
        (
            (("customer", "Via Roma 8,"), ("agent", "Yes."), ("customer", "interno 3, 10121 Torino.")),
            [(0, "Via Roma 8"), (2, "interno 3, 10121 Torino")],
        ),
    ],
)
def test_a_continental_street_and_its_code_and_city_after_a_backchannel_are_one_address(
    turns: tuple[tuple[str, str], ...], parts: list[tuple[int, str]]
) -> None:
    assert _addresses(*turns) == parts


def test_a_year_and_a_city_after_a_street_named_in_passing_are_no_address() -> None:
    turns = (
        ("customer", "We stayed on Calle Mayor,"),
        ("agent", "Mm-hmm."),
        ("customer", "and flew home in 2019 Madrid to Paris."),
    )
    assert _addresses(*turns) == []


@pytest.mark.parametrize(
    "text, address",
    [
        # India: a named house number, a numbered cross road, a nagar, a temple near it, the city and the PIN named
        (
            "It's House number 9, 5th Cross, Rajaji Nagar, near the Hanuman temple, Mysore, PIN 570021.",
            "House number 9, 5th Cross, Rajaji Nagar, near the Hanuman temple, Mysore, PIN 570021",
        ),
        # India: a flat, its floor, the building, a landmark opposite, the area and the city's PIN
        (
            "Flat 2C, 1st floor, Lakshmi Residency, opposite the bus stand, Kormangala, Bengaluru 560034.",
            "Flat 2C, 1st floor, Lakshmi Residency, opposite the bus stand, Kormangala, Bengaluru 560034",
        ),
        # Mexico: the street, its number named, the flat inside, the colonia, the city and the postcode named
        (
            "Es Avenida Morelos número 88, interior 5, colonia Roma Norte, Puebla, código postal 72000.",
            "Avenida Morelos número 88, interior 5, colonia Roma Norte, Puebla, código postal 72000",
        ),
        # Mexico: abbreviated, no colonia, the C.P. after the city
        (
            "Calle Zaragoza 310, Monterrey, C.P. 64000, gracias.",
            "Calle Zaragoza 310, Monterrey, C.P. 64000",
        ),
        # Mexico: the flat inside, the neighbourhood unnamed, the city, the postcode unnamed ending it
        (
            "Calle Durango 214, interior 5, Roma Norte, Ciudad de México, 06700.",
            "Calle Durango 214, interior 5, Roma Norte, Ciudad de México, 06700",
        ),
        # Mexico: the city after the postcode named
        (
            "Vivo en Calle Reforma 245, colonia Juárez, código postal 06600, Ciudad de México.",
            "Calle Reforma 245, colonia Juárez, código postal 06600, Ciudad de México",
        ),
        # Japan: block, house and building numbers, the district, its ward, the city, the postcode, the floor after
        (
            "Send it to 2-8-1 Nishi-Shinjuku, Shinjuku-ku, Tokyo, 163-8001. Fourth floor.",
            "2-8-1 Nishi-Shinjuku, Shinjuku-ku, Tokyo, 163-8001. Fourth floor",
        ),
        # Vietnam: the house's number, its lane, the street by its kind, the ward and the city
        (
            "Số 7 ngõ 12 Phố Tràng Tiền, Hoàn Kiếm, Hà Nội.",
            "Số 7 ngõ 12 Phố Tràng Tiền, Hoàn Kiếm, Hà Nội",
        ),
        # Vietnam: the street's kind alone and a numbered district
        ("It's 88 Đường Nguyễn Huệ, Quận 1, Saigon.", "88 Đường Nguyễn Huệ, Quận 1, Saigon"),
        # Poland: the street, the house, the flat, the postcode of five digits and the city
        (
            "Ulica Marszałkowska 21 mieszkania 9, 00-628 Warszawa.",
            "Ulica Marszałkowska 21 mieszkania 9, 00-628 Warszawa",
        ),
        # Poland: abbreviated street, the flat after a slash, a city beyond ASCII
        ("It's ul. Piotrkowska 104/12, 90-001 Łódź.", "ul. Piotrkowska 104/12, 90-001 Łódź"),
        # Portugal: the floor and side, the seven-digit postcode
        ("Rua do Carmo 9, 2º direito, 4050-164 Porto.", "Rua do Carmo 9, 2º direito, 4050-164 Porto"),
        # Iceland: a street named by its ending and a three-digit postcode
        ("Laugavegur 18, 105 Reykjavík.", "Laugavegur 18, 105 Reykjavík"),
        # Canada: the box first, then the site and the rural route
        (
            "Box 12, Site 8, RR 2, Olds, Alberta, T4H 1P3.",
            "Box 12, Site 8, RR 2, Olds, Alberta, T4H 1P3",
        ),
        # Nigeria: a plot, the street, an estate's numbered phase and the city
        ("Plot 5, Ring Road, Gwarinpa Phase 2, Abuja.", "Plot 5, Ring Road, Gwarinpa Phase 2, Abuja"),
        # Kenya: the house numbered on its road, the area after
        ("It's house 17, Argwings Kodhek Road, Kilimani.", "house 17, Argwings Kodhek Road, Kilimani"),
    ],
)  # fmt: skip
def test_national_address_grammars_are_found_whole(text: str, address: str) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


@pytest.mark.parametrize(
    "text",
    [
        "Turn left on Calle Zaragoza and it's 300 metres on, near the temple.",
        "The dose is 500 milligrams, 3rd floor pharmacy, near the lift, room 560.",
        "The match finished 3-1, Arsenal won, and tickets are 10-12 Monday, call 555-1234.",
        "From Hauptstraße 12, 300 Meter weiter.",
        "It took 10-15 Minutes to reach Gdańsk in 2019.",
        "I had 12 Pho Bowls at the market, each 45 Dollars.",
        "Room 204, 2nd floor, opposite the lifts, checkout at 11.",
        "The Box 12 seats cost 250, Site 3 is closed.",
    ],
)
def test_directions_doses_scores_and_rooms_in_national_shapes_are_no_address(text: str) -> None:
    assert _addresses(("agent", text)) == []


@pytest.mark.parametrize(
    "text, address",
    [
        ("I'm at 2250 Peachtree Road Northwest.", "2250 Peachtree Road Northwest"),
        ("Send it to 1425 K Street NW, Washington, DC 20005.", "1425 K Street NW, Washington, DC 20005"),
    ],
)
def test_a_citys_quadrant_after_the_street_is_part_of_the_address(text: str, address: str) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


def test_a_direction_after_a_road_in_passing_is_no_address() -> None:
    assert _addresses(("agent", "Walk 2 blocks down the road southeast of here, then 5 minutes northwest.")) == []


@pytest.mark.parametrize(
    "text, address",
    [
        ("Send it to Calle Mayor 12, 3º izquierda, please.", "Calle Mayor 12, 3º izquierda"),
        ("I'm at Carrer de Sants 210, 4t 2a, since March.", "Carrer de Sants 210, 4t 2a"),
        (
            "It's Avenida Atlântica 1702, Copacabana, Rio de Janeiro.",
            "Avenida Atlântica 1702, Copacabana, Rio de Janeiro",
        ),
        ("Via Nazionale 88, Roma.", "Via Nazionale 88, Roma"),
    ],
)
def test_a_continental_street_and_number_ending_in_its_flat_or_city_needs_no_postcode(text: str, address: str) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


@pytest.mark.parametrize(
    "text",
    [
        "I sent it via email 2 times, Paris office knows.",
        "We booked the Plaza Hotel 5 nights, Madrid.",
        "Route 66, Arizona.",
        "Take the avenue 3 blocks, Lisbon.",
    ],
)
def test_a_street_kinds_word_and_a_number_before_a_city_said_otherwise_is_no_address(text: str) -> None:
    assert _addresses(("customer", text)) == []


@pytest.mark.parametrize(
    "text, address",
    [
        (
            "Post it to 8 rue Victor Hugo, escalier 2, 4e étage, 33000 Bordeaux.",
            "8 rue Victor Hugo, escalier 2, 4e étage, 33000 Bordeaux",
        ),
        (
            "Rua das Flores 91, apto 12, Centro, Curitiba PR, CEP 80010-090.",
            "Rua das Flores 91, apto 12, Centro, Curitiba PR, CEP 80010-090",
        ),
    ],
)
def test_a_continental_address_keeps_its_flat_floor_and_district_in_the_callers_language(
    text: str, address: str
) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


@pytest.mark.parametrize(
    "text, address",
    [
        ("Our postal address is P.O. Box 90417-80100, Mombasa.", "P.O. Box 90417-80100, Mombasa"),
        ("Just PO Box 3321 -20100 is fine.", "PO Box 3321 -20100"),
    ],
)
def test_a_post_office_box_with_its_post_offices_code_is_one_address_and_no_phone(text: str, address: str) -> None:
    assert found(segments(("customer", text))) == [("address", [address])]


def test_a_phone_number_said_after_a_post_office_box_stays_a_phone_number() -> None:
    said = segments(("customer", "PO Box 581, or ring me on 0722 555 019."))
    assert found(said) == [("address", ["PO Box 581"]), ("phone_number", ["0722 555 019"])]


@pytest.mark.parametrize(
    "text, address",
    [
        (
            "It's 2 chome 4-1, Jingumae, Shibuya-ku, Tokyo 150-0001, Room 702.",
            "2 chome 4-1, Jingumae, Shibuya-ku, Tokyo 150-0001, Room 702",
        ),
        (
            "5-chome 3-9, Ginza, Chuo-ku, Tokyo 104-0061, flat, um, Flat 12.",
            "5-chome 3-9, Ginza, Chuo-ku, Tokyo 104-0061, flat, um, Flat 12",
        ),
    ],
)
def test_a_japanese_address_keeps_its_chome_before_and_its_room_after(text: str, address: str) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


def test_rooms_counted_after_a_japanese_address_are_not_part_of_it() -> None:
    found = _addresses(("customer", "1-2-3, Akasaka, Minato-ku, Tokyo 107-0052, um, we have 2 rooms."))
    assert found == [(0, "1-2-3, Akasaka, Minato-ku, Tokyo 107-0052")]


@pytest.mark.parametrize(
    "text, address",
    [
        (
            "My home is No. 9, 6th Cross, 2nd Main, Malleshwaram, Bengaluru, by the temple.",
            "No. 9, 6th Cross, 2nd Main, Malleshwaram, Bengaluru",
        ),
        ("It's #221, 4th Main, 1st Stage, HSR Layout, Bangalore.", "#221, 4th Main, 1st Stage, HSR Layout, Bangalore"),
    ],
)
def test_a_house_on_numbered_cross_and_main_roads_is_an_address_without_its_pin(text: str, address: str) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


@pytest.mark.parametrize(
    "text",
    [
        "Go down the 4th Cross, then 2nd Main, past Malleshwaram market.",
        "We booked 2, 1st Block, 3rd Phase flats for the team.",
    ],
)
def test_the_way_along_numbered_roads_is_no_address(text: str) -> None:
    assert _addresses(("customer", text)) == []


@pytest.mark.parametrize(
    "question, answer, address",
    [
        # the first line asked for alone; a New Zealand rural delivery round before the house
        (
            "Only the first line and the postcode, please.",
            "R D four, twenty-two Old Coach Road, Matakana, oh nine eight five.",
            "R D four, twenty-two Old Coach Road, Matakana, oh nine eight five",
        ),
        (
            "What's the address there?",
            "It's RD 1, 45 Te Kauwhata-Waerenga Road, Te Kauwhata 3781.",
            "RD 1, 45 Te Kauwhata-Waerenga Road, Te Kauwhata 3781",
        ),
        # the floor first, then a named building
        (
            "And the delivery address?",
            "It's sixth floor, Harbour View Tower, 88 Queen's Road, Wan Chai, Hong Kong.",
            "sixth floor, Harbour View Tower, 88 Queen's Road, Wan Chai, Hong Kong",
        ),
        # a street of two places' names joined by a hyphen
        (
            "Where do you live?",
            "Forty-one Kelso-Jedburgh Road, Ancrum.",
            "Forty-one Kelso-Jedburgh Road, Ancrum",
        ),
        # the street one is on asked for
        ("Which street are you on?", "Balnafettack Road.", "Balnafettack Road"),
    ],
)
def test_an_address_from_its_rural_round_or_its_floor_or_on_a_joined_street_is_found_whole(
    question: str, answer: str, address: str
) -> None:
    assert _addresses(("agent", question), ("customer", answer)) == [(1, address)]


@pytest.mark.parametrize(
    "question, answer, address",
    [
        # a street named without its kind
        ("Sure, where should the courier collect?", "At 11 Kingsmead, Ballito.", "11 Kingsmead, Ballito"),
        ("What's your unit and building?", "1406, 88 Queens Quay West.", "1406, 88 Queens Quay West"),
    ],
)
def test_where_a_courier_collects_or_a_flat_and_its_building_asked_for_is_an_address(
    question: str, answer: str, address: str
) -> None:
    assert _addresses(("agent", question), ("customer", answer)) == [(1, address)]


def test_where_a_courier_will_collect_asked_of_the_firm_is_no_address_asked_for() -> None:
    asked = ("customer", "Where will the courier pick it up from, your depot?")
    assert _addresses(asked, ("agent", "At 11 Kingsmead, Ballito, that's our branch.")) == []


@pytest.mark.parametrize(
    "question, answer",
    [
        ("Only the first line and the postcode, please.", "Sorry, I don't have it to hand."),
        ("What's the address there?", "It's on the first floor, I think."),
        ("Where is the office?", "R D is the department, second floor."),
    ],
)
def test_an_answer_about_an_address_that_gives_none_stays(question: str, answer: str) -> None:
    assert _addresses(("agent", question), ("customer", answer)) == []


def test_both_addresses_told_of_a_move_in_one_sentence_are_found() -> None:
    said = (
        "We relocated from Kalnciema iela 37-5, LV-1046 Riga to Apartment 9, Block C, Palm Grove Residences, "
        "Cebu City 6000 last year, but the letters still go to Riga."
    )
    assert _addresses(("customer", said)) == [
        (0, "Kalnciema iela 37-5, LV-1046 Riga"),
        (0, "Apartment 9, Block C, Palm Grove Residences, Cebu City 6000"),
    ]


@pytest.mark.parametrize(
    "said",
    [
        "We moved from London to Leeds in 2019.",
        "I moved from the Gold plan to the Silver plan last month.",
        "I moved from Vodafone to Three in May.",
        "We moved from Paris, France to Austin, Texas, and love it.",
    ],
)
def test_a_move_between_places_plans_or_firms_is_no_address(said: str) -> None:
    assert _addresses(("customer", said)) == []


@pytest.mark.parametrize(
    "text, address",
    [
        # the flat's floor said between the flat and the house number
        (
            "The reference is KT-4471. My place is Flat 3, Second Floor, 27 Cavendish Road, Bristol BS6 7RE.",
            "Flat 3, Second Floor, 27 Cavendish Road, Bristol BS6 7RE",
        ),
        # a postcode in two groups of digits
        ("She's at Drottninggatan 54, 111 21 Stockholm now.", "Drottninggatan 54, 111 21 Stockholm"),
        # a postcode after its country's letters; the street's kind a word after its name
        ("Ship it to Tartu maantee 14, 10117 Tallinn.", "Tartu maantee 14, 10117 Tallinn"),
        ("Ship it to Brīvības iela 85-3, LV-1001 Rīga.", "Brīvības iela 85-3, LV-1001 Rīga"),
    ],
)
def test_a_continental_or_british_address_in_its_own_shape_is_found_whole(text: str, address: str) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


@pytest.mark.parametrize(
    "text",
    [
        "The parcel weighs 113 55 grams, roughly.",
        "It's on the first floor, near the lifts.",
        "Go along the main iela and turn left.",
    ],
)
def test_numbers_floors_and_lower_case_streets_alone_are_no_address(text: str) -> None:
    assert _addresses(("customer", text)) == []


def test_a_place_ending_the_turn_after_an_address_that_ends_in_a_comma_goes_on_with_it() -> None:
    found_ = _addresses(
        ("agent", "And the installation address?"),
        ("customer", "House 12, Ring Road Parklands,"),
        ("customer", "Off -3rd Avenue,"),
        ("customer", "Nairobi"),
        ("agent", "Thank you, one moment."),
    )
    assert found_ == [(1, "House 12, Ring Road Parklands"), (2, "Off -3rd Avenue"), (3, "Nairobi")]


def test_a_word_after_an_address_that_ended_its_sentence_stays() -> None:
    found_ = _addresses(
        ("agent", "Did the engineer find it?"),
        ("customer", "Yes, House 12, Ring Road Parklands."),
        ("customer", "Brilliant"),
        ("agent", "Good."),
    )
    assert (2, "Brilliant") not in found_


def test_a_unit_said_in_the_segment_before_an_address_is_part_of_it() -> None:
    found_ = _addresses(
        ("agent", "Sorry, the line dropped. Go on."),
        ("customer", "Unit I, for the former in parade,"),
        ("customer", "Coulangata, Queensland, 4225."),
    )
    assert found_ == [(1, "Unit I, for the former in parade"), (2, "Coulangata, Queensland, 4225")]


def test_a_segment_before_an_address_that_names_no_unit_stays() -> None:
    found_ = _addresses(
        ("agent", "Sorry, the line dropped. Go on."),
        ("customer", "Sorry, I moved last year,"),
        ("customer", "Coulangata, Queensland, 4225."),
    )
    assert found_ == [(2, "Coulangata, Queensland, 4225")]


@pytest.mark.parametrize(
    "address, again, part",
    [
        # a postcode read back after the address it ended
        ("Flat 9, Elm House, 30 Canal Street, Leeds LS6 2AB.", "LS6 2AB, thank you.", "LS6 2AB"),
        ("1450 rue Sainte-Catherine Ouest, appartement 907, Montréal, H3G 1R9.", "H3G 1R9, merci.", "H3G 1R9"),
        ("Flat 302, Sai Krupa Apartments, 5th Cross, Koramangala, Bengaluru 560034.", "560034, okay.", "560034"),
        # the number and street read back, a question after it
        ("17 rue des Lilas, 75011 Paris.", "17 rue des Lilas, and is there a flat number?", "17 rue des Lilas"),
        # a British postcode asked back, one letter misheard
        ("45 Whitfield Road, Sheffield, S10 2QR.", "S10 2QF?", "S10 2QF"),
    ],
)
def test_a_part_of_an_address_said_again_in_the_next_turn_is_an_address(address: str, again: str, part: str) -> None:
    assert (1, part) in _addresses(("customer", address), ("agent", again))


@pytest.mark.parametrize(
    "again",
    [
        "30, yes.",  # the house number alone
        "That's 1450 dollars with delivery.",  # a price with the house's digits
        "We deliver at 10:30, thank you.",  # a time
        "Your order 56003 ships on Monday.",  # an order number like, not the same as, the postcode
        "Flight BA2217 lands at 9.",  # a flight number
        "LS6 2AD is our depot.",  # another postcode, not asked back
    ],
)
def test_numbers_said_after_an_address_that_repeat_no_part_of_it_stay(again: str) -> None:
    found_ = _addresses(("customer", "Flat 9, Elm House, 30 Canal Street, Leeds LS6 2AB."), ("agent", again))
    assert [turn for turn, _ in found_] == [0]


def test_an_eircode_alone_is_an_address_as_it_is_one_houses_own() -> None:
    assert _addresses(("agent", "And the Eircode?"), ("customer", "A94 K2W7, yeah.")) == [(1, "A94 K2W7")]


@pytest.mark.parametrize("asked", ["And the delivery icon?", "And your icon?", "And your postcard?"])
def test_a_postcode_asked_for_as_whisper_mishears_the_word_is_an_address(asked: str) -> None:
    assert _addresses(("agent", asked), ("customer", "T12 -X284,")) == [(1, "T12 -X284")]


def test_a_code_after_an_icon_not_asked_about_is_no_address() -> None:
    assert _addresses(("agent", "Tap the icon on the left."), ("customer", "T12 -X284, got it.")) == []


def test_a_reference_of_the_eircodes_shape_in_digits_only_is_no_address() -> None:
    assert _addresses(("customer", "My ticket is T12 3456 from last week.")) == []


@pytest.mark.parametrize(
    "text, address",
    [
        # A tenement flat's floor and door said with "stroke" (written 2/1), before the house number or as it.
        ("It's flat 2 stroke 1, 47 Dumbarton Road, Glasgow, G11 6PA.",
         "flat 2 stroke 1, 47 Dumbarton Road, Glasgow, G11 6PA"),
        ("14 stroke 2 Leith Walk, Edinburgh, EH6 8NP.", "14 stroke 2 Leith Walk, Edinburgh, EH6 8NP"),
        # The building before the flat.
        ("Building 17, apartment 9, El Nozha Street, Heliopolis, Cairo.",
         "Building 17, apartment 9, El Nozha Street, Heliopolis, Cairo"),
    ],
)  # fmt: skip
def test_a_flat_said_with_stroke_and_a_building_before_the_flat_are_the_address(text: str, address: str) -> None:
    assert [words for _, words in _addresses(("customer", text))] == [address]


@pytest.mark.parametrize(
    "answer, address",
    [
        ("No. 17, 4th Cross, 2nd Block, Koramangala, Bangalore 560034.",
         "No. 17, 4th Cross, 2nd Block, Koramangala, Bangalore 560034"),
        # a "No," that answers is no house's number
        ("No, 17 Elm Street, Leeds.", "17 Elm Street, Leeds"),
    ],
)  # fmt: skip
def test_a_house_number_written_no_as_india_writes_it_is_part_of_the_address(answer: str, address: str) -> None:
    assert _addresses(("agent", "And your delivery address?"), ("customer", answer)) == [(1, address)]


@pytest.mark.parametrize(
    "text, address",
    [
        ("Send it to Patission 112, 104 34 Athens.", "Patission 112, 104 34 Athens"),
        (
            "She's at Bulevar Oslobodjenja 46, stan 12, 21000 Novi Sad.",
            "Bulevar Oslobodjenja 46, stan 12, 21000 Novi Sad",
        ),
        ("My flat is Sankt Hans gate 4, 0553 Oslo.", "Sankt Hans gate 4, 0553 Oslo"),
        (
            "Het adres is Prinsengracht 263, 3e verdieping, 1016 GV Amsterdam.",
            "Prinsengracht 263, 3e verdieping, 1016 GV Amsterdam",
        ),
    ],
)
def test_a_street_named_without_its_kind_before_its_number_postcode_and_city_is_an_address(
    text: str, address: str
) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


@pytest.mark.parametrize("text", ["Flight BA 2490, 10435 Berlin is where I land.", "Order 4471, 10000 Zagreb."])
def test_a_numbered_thing_before_a_postcode_and_city_is_no_street(text: str) -> None:
    assert _addresses(("customer", text)) == []


@pytest.mark.parametrize(
    "text, address",
    [
        (
            "Bergmannstraße 5, Vorderhaus, zweiter Stock, 10961 Berlin.",
            "Bergmannstraße 5, Vorderhaus, zweiter Stock, 10961 Berlin",
        ),
        ("Herengracht 88, 1015 BS Amsterdam, second floor.", "Herengracht 88, 1015 BS Amsterdam, second floor"),
        (
            "Block 305 Tampines Street 32, unit 11-240, Singapore 520305.",
            "Block 305 Tampines Street 32, unit 11-240, Singapore 520305",
        ),
        # the block set apart with a comma, or the unit said as a number
        (
            "It's Block 305, Tampines Street 32, #07-21, Singapore 520305.",
            "Block 305, Tampines Street 32, #07-21, Singapore 520305",
        ),
        (
            "It's Blk 305 Tampines Street 32, number 07-21, Singapore 520305.",
            "Blk 305 Tampines Street 32, number 07-21, Singapore 520305",
        ),
    ],
)
def test_a_storey_in_words_a_floor_after_the_city_and_a_singapore_unit_are_part_of_the_address(
    text: str, address: str
) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


@pytest.mark.parametrize(
    "turns, expected",
    [
        # a Dutch postcode with the house's number, and read back with the city
        (
            (("customer", "Postcode is 1017 CE, huisnummer 22."), ("agent", "1017 CE, number 22, Amsterdam.")),
            [(0, "1017 CE, huisnummer 22"), (1, "1017 CE, number 22, Amsterdam")],
        ),
        ((("agent", "1017 CX, 42, Amsterdam, thank you."),), [(0, "1017 CX, 42, Amsterdam")]),
        # "yes" in Dutch before it is no part of it
        (
            (("agent", "Can I have your postcode and house number?"), ("customer", "Ja, 1072 KP, huisnummer 41-3.")),
            [(1, "1072 KP, huisnummer 41-3")],
        ),
        # Ghana's digital address named
        ((("customer", "My GhanaPost GPS is GA-183-8164, that's in Dansoman."),), [(0, "GA-183-8164")]),
        # the house's number before an Irish townland and its Eircode
        (
            (("customer", "It's 14 Ard na Gréine, Knocknacarra, Galway, H91 E2K7."),),
            [(0, "14 Ard na Gréine, Knocknacarra, Galway, H91 E2K7")],
        ),
    ],
)
def test_dutch_postcodes_with_the_house_number_ghana_s_digital_address_and_a_townland_s_house_are_addresses(
    turns: tuple[tuple[str, str], ...], expected: list[tuple[int, str]]
) -> None:
    assert _addresses(*turns) == expected


@pytest.mark.parametrize(
    "said", ["It was 2024 AD, number 5 in the list.", "The GPS is GA-183-8164 at the depot, I think, model XR."]
)
def test_a_year_and_a_number_or_a_code_with_no_digital_address_named_are_no_address(said: str) -> None:
    assert _addresses(("customer", said)) == []


@pytest.mark.parametrize(
    "turns, unit",
    [
        ((("agent", "Is there a flat number?"), ("customer", "Yes, flat 5B.")), (1, "flat 5B")),
        (
            (
                (
                    "agent",
                    "The label is missing the flat number, that's why. I'll update it to flat 502. And your name?",
                ),
            ),
            (0, "flat 502"),
        ),
    ],
)
def test_a_flat_given_with_its_number_after_the_flats_number_was_asked_or_named_is_an_address(
    turns: tuple[tuple[str, str], ...], unit: tuple[int, str]
) -> None:
    assert _addresses(*turns) == [unit]


def test_a_flat_said_without_its_number_named_is_no_address() -> None:
    assert _addresses(("agent", "Our flat rate is 12 pounds, unit 4 of the price list.")) == []


@pytest.mark.parametrize(
    "text, parts",
    [
        (
            "12 Wyndham Crescent, that's W-Y-N-D-H-A-M, Cardiff CF11 9EF.",
            [(0, "12 Wyndham Crescent"), (0, "W-Y-N-D-H-A-M"), (0, "Cardiff CF11 9EF")],
        ),
        (
            "It's 9 Teignmouth Road, that's T-E-I-G-N-M-O-U-T-H, Bristol BS4 3DH.",
            [(0, "9 Teignmouth Road"), (0, "T-E-I-G-N-M-O-U-T-H"), (0, "Bristol BS4 3DH")],
        ),
        # the town alone, ending what is said
        (
            "It's 19 Kowhai Lane, that's K-O-W-H-A-I, Whanganui.",
            [(0, "19 Kowhai Lane"), (0, "K-O-W-H-A-I"), (0, "Whanganui")],
        ),
        (
            "It's 19 Kowhai Lane, that's K-O-W-H-A-I, Whanganui, 4500.",
            [(0, "19 Kowhai Lane"), (0, "K-O-W-H-A-I"), (0, "Whanganui, 4500")],
        ),
        ("It's 19 Kowhai Lane, that's K-O-W-H-A-I, Thanks.", [(0, "19 Kowhai Lane"), (0, "K-O-W-H-A-I")]),
        # the town not ending what is said: still no name
        (
            "It's 19 Kowhai Lane, that's K-O-W-H-A-I, Whanganui, and the postcode is 4500.",
            [(0, "19 Kowhai Lane"), (0, "K-O-W-H-A-I"), (0, "4500")],
        ),
    ],
)
def test_the_town_and_postcode_after_a_street_spelled_are_the_address_and_no_name(
    text: str, parts: list[tuple[int, str]]
) -> None:
    assert spans_found((("customer", text),), (EntityType.ADDRESS, EntityType.PERSON_NAME)) == [
        ("address", turn, words) for turn, words in parts
    ]


def test_the_town_and_postcode_after_an_address_and_now_are_the_addresss() -> None:
    said = "No, that was the old house, it's 5 Mossgiel Road now, Glasgow, G43 2BX."
    assert _addresses(("customer", said)) == [(0, "5 Mossgiel Road"), (0, "Glasgow, G43 2BX")]


def test_a_town_after_an_address_and_now_without_a_postcode_is_no_part_of_it() -> None:
    said = "It's 5 Mossgiel Road now, Glasgow is too far for the old one."
    assert _addresses(("customer", said)) == [(0, "5 Mossgiel Road")]


@pytest.mark.parametrize(
    "text, parts",
    [
        # the street's name misheard as any words, between its house number and kind, the postcode ending it
        (
            "58B can scale Avenue, Toronto, M6J, 3J1, is that still right?",
            [(0, "58B can scale Avenue, Toronto, M6J, 3J1")],
        ),
        # a house number heard as an ordinal, a town and a code of digits ending the turn
        ("11th Alfin Crescent, Palito, 442,", [(0, "11th Alfin Crescent, Palito, 442")]),
        # without the postcode, the words are what they say; digits that go on are no code
        ("58B can scale Avenue, Toronto, is that still right?", []),
        ("11th Alfin Crescent, Palito, 442 of them.", []),
    ],
)
def test_a_misheard_street_before_a_postcode_is_the_addresss(text: str, parts: list[tuple[int, str]]) -> None:
    assert _addresses(("customer", text)) == parts


@pytest.mark.parametrize(
    "text, parts",
    [
        ("19 Kowhai Street, Hamilton, yes, 3204.", [(0, "19 Kowhai Street, Hamilton"), (0, "3204")]),
        ("It's 12 Elm Road, Leeds, yeah, LS6 2AB.", [(0, "12 Elm Road, Leeds"), (0, "LS6 2AB")]),
        # not a count or a year going on after the yes
        ("It's 12 Elm Road, Leeds, yes, 2 bedrooms.", [(0, "12 Elm Road, Leeds")]),
        ("It's 12 Elm Road, Leeds, yes, 2024 is when we moved.", [(0, "12 Elm Road, Leeds")]),
    ],
)
def test_a_postcode_after_a_yes_ending_an_address_is_the_addresss(text: str, parts: list[tuple[int, str]]) -> None:
    assert _addresses(("customer", text)) == parts


def test_a_postcode_read_back_after_and_is_the_addresss() -> None:
    said = (
        ("customer", "The new address is Flat 4B, 119 Coldharbour Lane, London SE5 9NY."),
        ("agent", "Flat 4B, 119 Coldharbour Lane. And that's SE5 9NY?"),
    )
    assert _addresses(*said) == [
        (0, "Flat 4B, 119 Coldharbour Lane, London SE5 9NY"),
        (1, "Flat 4B, 119 Coldharbour Lane"),
        (1, "SE5 9NY"),
    ]


def test_a_suburb_and_postcode_answering_what_postcode_one_is_in_are_the_addresss() -> None:
    said = (("agent", "And what suburb and postcode are you in?"), ("customer", "Morningside, 4170."))
    assert _addresses(*said) == [(1, "Morningside, 4170")]


@pytest.mark.parametrize(
    "said, unit",
    [
        ("Flat 7, Harbour View House.", "Flat 7, Harbour View House"),
        ("It's Apartment 12, The Maltings, Bray.", "Apartment 12, The Maltings, Bray"),
    ],
)
def test_a_flat_in_a_named_building_before_the_postcode_is_asked_is_an_address(said: str, unit: str) -> None:
    assert _addresses(("customer", said), ("agent", "And the postcode?"), ("customer", "SE16 7RH.")) == [
        (0, unit),
        (2, "SE16 7RH"),
    ]


@pytest.mark.parametrize(
    "turns",
    [
        # nothing asked of where it is after
        (("customer", "Flat 7, Harbour View House."), ("agent", "And when did you move in?")),
        # the flat said in a sentence that goes on
        (("customer", "Flat 7, Harbour View House is my sister's."), ("agent", "And the postcode?")),
        # the postcode talked about, not asked for
        (("customer", "Flat 7, Harbour View House."), ("agent", "Right, the postcode changed there last year.")),
        # the speaker asking it of themselves
        (("customer", "Flat 7, Harbour View House."), ("customer", "What's the postcode there?")),
    ],
)
def test_a_flat_and_building_without_a_postcode_asked_of_it_next_is_no_address(
    turns: tuple[tuple[str, str], ...],
) -> None:
    assert _addresses(*turns) == []


@pytest.mark.parametrize(
    ("answer", "address"),
    [
        ("19 Ashgrove Terrace, and it's the 2nd of October '64.", "19 Ashgrove Terrace"),
        ("19 Ashgrove Terrace and my date of birth is the 2nd of October 1964.", "19 Ashgrove Terrace"),
        ("42 Kilbride Avenue, and -March 3rd, '68.", "42 Kilbride Avenue"),
        ("42 Kilbride Avenue, and March 3rd, 1968.", "42 Kilbride Avenue"),
    ],
)
def test_an_answered_address_ends_where_a_new_clause_about_something_else_begins(answer: str, address: str) -> None:
    turns = (("agent", "I'll just need the first line of the address and the date of birth."), ("customer", answer))
    assert _addresses(*turns) == [(1, address)]
    assert [text for _, _, text in spans_found(turns, (EntityType.DATE_OF_BIRTH,))] != []


def test_a_house_number_named_then_its_parts_listed_is_an_address_unasked() -> None:
    found = _addresses(
        ("customer", "it's house number 23, 4th cross, Indiranagar 2nd stage, Bangalore 560038"),
        ("agent", "560038, okay."),
    )
    assert found == [(0, "house number 23, 4th cross, Indiranagar 2nd stage, Bangalore 560038"), (1, "560038")]


def test_a_house_number_named_in_a_sentence_about_the_house_lists_no_address() -> None:
    assert _addresses(("customer", "My house number 12 has a red door, you can't miss it.")) == []


def test_a_plot_without_its_number_word_starts_the_address() -> None:
    found = _addresses(("customer", "My address is plot 27, Kira Road, near the Shell station, Kampala."))
    assert found == [(0, "plot 27, Kira Road, near the Shell station, Kampala")]


def test_a_house_numbered_as_a_range_after_its_flat_is_one_address() -> None:
    found = _addresses(("customer", "Unit 12, 9 to 11 Parramatta Road, Annandale, NSW 2038"))
    assert found == [(0, "Unit 12, 9 to 11 Parramatta Road, Annandale, NSW 2038")]


def test_a_range_of_days_answering_where_one_delivers_is_no_house_range() -> None:
    turns = (
        ("customer", "Do you deliver to Kraków? I want to order 12 of the Gdańsk amber bracelets."),
        ("agent", "Yes, Poland is 4 to 6 working days, and 12 bracelets at 39 złoty each is 468 złoty."),
    )
    assert _addresses(*turns) == []


def test_a_lot_read_as_an_answer_s_start_and_the_address_after_it_are_one_address() -> None:
    said = "Ya, the delivery should go to Lot 12, Jalan Bunga Raya 3, Taman Sri Muda, 40400 Shah Alam."
    assert _addresses(("customer", said)) == [(0, "Lot 12, Jalan Bunga Raya 3, Taman Sri Muda, 40400 Shah Alam")]


@pytest.mark.parametrize(
    "read_out, answer, code",
    [
        ("I'll send it to 2207 Pine Hollow Road, Boone, North Carolina?", "Yep, 28607.", "28607"),
        ("So that's 14 Banksia Parade, Toowong, Queensland?", "Yes, 4066.", "4066"),
    ],
)
def test_a_code_alone_right_after_an_address_said_to_its_region_is_the_address_s_code(
    read_out: str, answer: str, code: str
) -> None:
    assert _addresses(("agent", read_out), ("customer", answer))[1:] == [(1, code)]


@pytest.mark.parametrize(
    "said, answer",
    [
        # the address asked about goes on after its region: the number answers what followed
        ("I'll send it to 2207 Pine Hollow Road, Boone, North Carolina, and how many boxes?", "Yep, 1250."),
        # a region with no address
        ("Is the order for the store in Boone, North Carolina?", "Yes, 1250."),
        # the number not alone in its turn
        ("I'll send it to 2207 Pine Hollow Road, Boone, North Carolina?", "Yep, 1250 of them, right?"),
    ],
)
def test_a_number_after_a_region_said_is_no_code_unless_alone_after_an_address_ending_there(
    said: str, answer: str
) -> None:
    assert [turn for turn, _ in _addresses(("agent", said), ("customer", answer))] in ([], [0])


@pytest.mark.parametrize(
    "said, addresses",
    [
        ("The house itself is 12 Cnoc na Gréine, Rahoon.", [(0, "12 Cnoc na Gréine, Rahoon")]),
        ("I'm in 2 Bóthar na Trá, Salthill, and the reading's 4,381.", [(0, "2 Bóthar na Trá, Salthill")]),
        ("This is for 41 Heol y Nant, Cardiff, CF14 6BQ.", [(0, "41 Heol y Nant, Cardiff, CF14 6BQ")]),
        ("He's with his mam in 12 Cois Abhainn, Galway.", [(0, "12 Cois Abhainn, Galway")]),
    ],
)
def test_an_irish_or_welsh_street_by_its_kind_in_the_language_is_an_address(
    said: str, addresses: list[tuple[int, str]]
) -> None:
    assert _addresses(("customer", said)) == addresses


@pytest.mark.parametrize(
    "said, address",
    [
        (
            "It's 12, rue des Tanneurs, 69005 Lyon, troisième étage.",
            "12, rue des Tanneurs, 69005 Lyon, troisième étage",
        ),
        ("Ulica Dluga 8, flat 5, Gdansk.", "Ulica Dluga 8, flat 5, Gdansk"),
        ("Calle Hidalgo 215, Colonia Centro, Oaxaca, 68000.", "Calle Hidalgo 215, Colonia Centro, Oaxaca, 68000"),
        # an amount after the city is no postcode
        ("Calle Hidalgo 215, Colonia Centro, Oaxaca, 68000 pesos.", "Calle Hidalgo 215, Colonia Centro, Oaxaca"),
    ],
)
def test_a_continental_address_ends_with_its_floor_in_words_its_flat_or_its_postcode_unnamed(
    said: str, address: str
) -> None:
    assert _addresses(("customer", said)) == [(0, address)]


@pytest.mark.parametrize(
    "said, addresses",
    [
        ("No, we moved to Swords, 4 Applewood Grove, K67 T3W1.", [(0, "Swords, 4 Applewood Grove, K67 T3W1")]),
        ("I live in Leeds, 4 Applewood Grove, LS6 2AB.", [(0, "Leeds, 4 Applewood Grove, LS6 2AB")]),
        # the town in another clause
        ("I moved to Leeds, and my address is 4 Applewood Grove, LS6 2AB.", [(0, "4 Applewood Grove, LS6 2AB")]),
    ],
)
def test_the_town_said_before_the_address_where_one_lives_or_moved_to_begins_it(
    said: str, addresses: list[tuple[int, str]]
) -> None:
    assert spans_found((("customer", said),), (EntityType.ADDRESS, EntityType.PERSON_NAME)) == [
        ("address", turn, words) for turn, words in addresses
    ]


@pytest.mark.parametrize(
    "said, addresses",
    [
        (
            "I'm in Lavington, Gitanga Road, Jacaranda Court, house number B12.",
            [(0, "Lavington, Gitanga Road, Jacaranda Court, house number B12")],
        ),
        ("We're at Kileleshwa, Othaya Road, Hse No. 9, Nairobi.", [(0, "Kileleshwa, Othaya Road, Hse No. 9, Nairobi")]),
        # the flat not ending the clause
        ("We went to Oxford Street, Flat 2 was shut.", []),
    ],
)
def test_a_house_numbered_after_its_area_road_and_building_is_an_address(
    said: str, addresses: list[tuple[int, str]]
) -> None:
    assert _addresses(("customer", said)) == addresses


@pytest.mark.parametrize(
    "said, addresses",
    [
        (
            "Yes, 2215 Camino del Rio Southwest, Albuquerque, 87105.",
            [(0, "2215 Camino del Rio Southwest, Albuquerque, 87105")],
        ),
        # its street as Whisper heard it, the ZIP begun with its group hyphen
        ("Yes, 2215 -KM -O Rio Southwest, Albuquerque -87105.", [(0, "2215 -KM -O Rio Southwest, Albuquerque -87105")]),
        # an amount, or a place no phone number is geocoded to
        ("I paid 1140 dollars to a shop in Denver, 80202.", []),
        ("It's 2215 Camino del Rio, Narnia, 87105.", []),
    ],
)
def test_a_house_a_known_city_and_its_zip_are_an_address_however_the_street_was_heard(
    said: str, addresses: list[tuple[int, str]]
) -> None:
    assert _addresses(("customer", said)) == addresses


@pytest.mark.parametrize(
    "said, addresses",
    [
        (
            "Bring it to No. 7 Olabisi Close, off Awolowo Road, Ikoyi.",
            [(0, "No. 7 Olabisi Close"), (0, "off Awolowo Road, Ikoyi")],
        ),
        (
            "We're at House 22, Mvuli Road, off Waiyaki Way, Westlands.",
            [(0, "House 22, Mvuli Road"), (0, "off Waiyaki Way, Westlands")],
        ),
        # off no named road, or a new clause after it
        ("It's 4 Palm Close, off the main road, by the church.", [(0, "4 Palm Close")]),
        (
            "It's 4 Palm Close, off Bourdillon Road, and the gate is blue.",
            [(0, "4 Palm Close"), (0, "off Bourdillon Road")],
        ),
    ],
)
def test_the_road_a_street_is_off_and_its_area_go_on_with_the_address(
    said: str, addresses: list[tuple[int, str]]
) -> None:
    assert _addresses(("customer", said)) == addresses


@pytest.mark.parametrize(
    "said, addresses",
    [
        ("The postal code is M4C 2R9, that's for my place on Danforth.", [(0, "M4C 2R9"), (0, "Danforth")]),
        ("Our house on Elm Street flooded.", [(0, "Elm Street")]),
        # when, not where
        ("I'll be at my place on Monday.", []),
        ("I live on Harcourt Terrace, and the bin wasn't collected again.", [(0, "Harcourt Terrace")]),
        ("She lives on Quarry Lane with her son.", [(0, "Quarry Lane")]),
        # "I'm on" a street set apart by a comma, maybe with the house's number after it
        ("I'm on Larchfield Road, the one behind the Asda, and the bins weren't emptied.", [(0, "Larchfield Road")]),
        ("I'm on Kestrel Crescent, number 14, the house with the green door.", [(0, "Kestrel Crescent, number 14")]),
        # what one lives on without a street's kind is no street; where one is now, or a shop, is no home
        ("I live on Universal Credit and a small pension.", []),
        ("I'm on Collins Street near Flinders Lane, where's your store?", []),
        ("I'm on Medway, the one at half nine.", []),
        ("We're on Queen Street, right by the station.", []),
    ],
)
def test_the_street_ones_home_is_on_said_alone_is_an_address(said: str, addresses: list[tuple[int, str]]) -> None:
    assert _addresses(("customer", said)) == addresses


def test_lot_in_lower_case_before_a_house_number_is_no_part_of_the_address() -> None:
    assert _addresses(("customer", "We've had a lot 34 Hibiscus Drive residents ring about it.")) == [
        (0, "34 Hibiscus Drive")
    ]


@pytest.mark.parametrize(
    ("said", "address"),
    [
        ("Are you still 1812, Salem Avenue, Dayton?", "1812, Salem Avenue, Dayton"),
        ("We're at 405, Maple Drive, Fresno, CA.", "405, Maple Drive, Fresno, CA"),
        ("So that's 62, Kingfisher Way, Bicester.", "62, Kingfisher Way, Bicester"),
        # named "number" right before the house's number and street
        ("The parcel's for next door, I'm at number 11 Larkspur Close.", "number 11 Larkspur Close"),
        # named "number", the house's street needs no town after it
        ("There's water coming up outside my house, number 7, Moorland View, since May.", "number 7, Moorland View"),
        ("The parcel went to 12, but I'm number 21, Ashdale Park.", "number 21, Ashdale Park"),
    ],
)
def test_a_house_number_set_apart_by_a_comma_before_its_street_and_town_is_the_address(said: str, address: str) -> None:
    assert _addresses(("customer", said)) == [(0, address)]


def test_whom_to_ask_for_is_no_part_of_an_address_given_when_asked() -> None:
    asked = ("agent", "And the delivery address?")
    said = ("customer", "9 Adeola Odeku Close, Victoria Island, Lagos, ask for Babatunde at the gate.")
    assert _addresses(asked, said) == [(1, "9 Adeola Odeku Close, Victoria Island, Lagos")]


@pytest.mark.parametrize(
    "said",
    [
        "In 2019, Baker Street, London was closed for a month.",  # a year
        "I paid £40, High Street, Epsom, the branch there.",  # an amount
        "Press number 2, Customer Service will pick up.",  # no street
    ],
)
def test_a_year_or_an_amount_before_a_street_and_town_is_no_house_number(said: str) -> None:
    assert _addresses(("customer", said)) == []


@pytest.mark.parametrize(
    ("said", "addresses"),
    [
        # a town named after a saint
        ("It's 12 Palm Drive, Ocho Rios, St. Ann.", ["12 Palm Drive, Ocho Rios, St. Ann"]),
        # Brazil's postcode, named
        ("Yes, and the CEP is 01310-100.", ["01310-100"]),
        # Ghana's digital address, named an address
        ("My GhanaPost address is GE-231-4470, by the market.", ["GE-231-4470"]),
        # and its area after it
        ("My GhanaPost address is GA-417-2290, Dzorwulu.", ["GA-417-2290, Dzorwulu"]),
        # a flat, its neighbourhood and city before the CEP named
        (
            "Rua Teodoro Sampaio 812, apartamento 41, Pinheiros, São Paulo, and the CEP is 05406-100.",
            ["Rua Teodoro Sampaio 812, apartamento 41, Pinheiros, São Paulo", "05406-100"],
        ),
        # a suburb said again and spelled after the address
        (
            "41 Protea Street, Melville, Johannesburg, 2092. Melville, M-E-L-V-I-L-L-E.",
            ["41 Protea Street, Melville, Johannesburg, 2092", "Melville, M-E-L-V-I-L-L-E"],
        ),
        (
            "41 Protea Street, Melville, Johannesburg, 2092. Right, M-E-L-V-I-L-L-E.",
            ["41 Protea Street, Melville, Johannesburg, 2092", "M-E-L-V-I-L-L-E"],
        ),
        # a PO box with its postcode before the town
        ("My postal address is P.O. Box 30512, 00100 Nairobi.", ["P.O. Box 30512, 00100 Nairobi"]),
        # a postcode alone after a pause, ending what is said
        ("Calle de Toledo 41, segundo A, Madrid. 28005.", ["Calle de Toledo 41, segundo A, Madrid", "28005"]),
        (
            "Calle de Toledo 41, segundo A, Madrid. 12000 euros was the deposit.",
            ["Calle de Toledo 41, segundo A, Madrid"],
        ),
        # an Irish estate named by its height
        ("It's 14 Ard Aoibhinn, Ballincollig.", ["14 Ard Aoibhinn, Ballincollig"]),
        # whom to ask for is no part of the address
        (
            "Deliver it to 9 Adeola Odeku Close, Victoria Island, Lagos, ask for Babatunde at the gate.",
            ["9 Adeola Odeku Close, Victoria Island, Lagos"],
        ),
    ],
)
def test_towns_codes_and_estates_said_as_their_countries_say_them_are_addresses(
    said: str, addresses: list[str]
) -> None:
    assert [text for _, text in _addresses(("customer", said))] == addresses


@pytest.mark.parametrize(
    ("said", "address"),
    [
        (
            "My mother lives at 57 Main Street in Quebec City, and the bill's in her name.",
            "57 Main Street in Quebec City",
        ),
        ("It's about my dad's meter, he's at 14 Larch Close in Dundee now.", "14 Larch Close in Dundee"),
    ],
)
def test_where_someone_else_lives_or_is_is_their_address(said: str, address: str) -> None:
    assert _addresses(("customer", said)) == [(0, address)]


def test_a_birth_date_after_an_address_is_not_taken_into_it() -> None:
    said = (
        "I'm calling about my mother's bill, she's at 57 rue Saint-Paul in Quebec City, born March 3rd 1941 if you "
        "need it."
    )
    found_spans = spans_found((("customer", said),), (EntityType.ADDRESS, EntityType.DATE_OF_BIRTH))
    assert sorted(found_spans) == [
        ("address", 0, "57 rue Saint-Paul in Quebec City"),
        ("date_of_birth", 0, "March 3rd 1941"),
    ]


def test_a_rate_that_moves_to_another_gives_no_address_in_the_answer() -> None:
    found_spans = _addresses(
        ("agent", "Then it moves to the standard variable, which is currently 7.49."),
        ("customer", "Seven point four nine, ouch. And there's an arrangement fee?"),
    )
    assert found_spans == []


def test_a_flat_said_after_a_sentence_ending_a_segment_begins_the_address_after_it() -> None:
    found_spans = _addresses(
        ("customer", "I, I moved in March. It's flat 21,"),
        ("customer", "26th in London Road, Glasgow, G12, 9QX."),
    )
    assert found_spans == [(0, "flat 21"), (1, "26th in London Road, Glasgow, G12, 9QX")]


def test_a_flat_talked_about_ending_a_segment_is_no_part_of_the_address_after_it() -> None:
    found_spans = _addresses(
        ("customer", "The noise comes from the flat next door,"),
        ("customer", "26 Hyndland Road, Glasgow, G12, 9QX."),
    )
    assert found_spans == [(1, "26 Hyndland Road, Glasgow, G12, 9QX")]


def test_a_price_said_in_lower_case_is_no_street() -> None:
    assert (
        _addresses(("customer", "How much is it?"), ("agent", "$15 one way, 25 return, and kids under 5 ride free."))
        == []
    )


def test_the_answer_after_the_caller_says_where_they_are_moving_gives_no_address() -> None:
    found_spans = _addresses(
        ("customer", "Hi, I want to know your packages. I'm moving to Kilimani next month."),
        ("agent", "We have 30 megabits for 2,900 shilling, and 100 for 4,100."),
        ("customer", "Is installation free,"),
        ("agent", "Yes, on a 12 month plan."),
    )
    assert found_spans == []


@pytest.mark.parametrize(
    "said, address",
    [
        # the part of a long street named after it, before its town
        ("It's 14 Elm Park, Ranelagh Road Upper, Dublin 6.", "14 Elm Park, Ranelagh Road Upper, Dublin 6"),
        # the floor before the house number
        ("It's second floor, 9 Ngong Road, Kilimani, Nairobi.", "second floor, 9 Ngong Road, Kilimani, Nairobi"),
        # a Singapore flat's unit said right after its block
        ("Blk 45, #11-203, Tampines St 21, Singapore 520045.", "Blk 45, #11-203, Tampines St 21, Singapore 520045"),
        # the word naming a flat's number, before a tower's flat
        ("Unit 903, Tower 1, Grand Residences, Pasig City.", "Unit 903, Tower 1, Grand Residences, Pasig City"),
        # the flat, then a pause before the house
        ("Flat 2... 17 Banksia Street.", "Flat 2... 17 Banksia Street"),
    ],
)  # fmt: skip
def test_a_flat_floor_or_street_part_said_with_an_address_is_part_of_it(said: str, address: str) -> None:
    assert _addresses(("customer", said)) == [(0, address)]


@pytest.mark.parametrize(
    "said, address",
    [
        (
            "It's 22 Station Road, opposite the Shell Garage, Tema, Accra.",
            "22 Station Road, opposite the Shell Garage, Tema, Accra",
        ),
        (
            "It's 5 Park Street, near the State Bank, Salt Lake, Kolkata 700091.",
            "5 Park Street, near the State Bank, Salt Lake, Kolkata 700091",
        ),
    ],
)
def test_a_landmark_said_between_the_street_and_the_town_is_part_of_the_address(said: str, address: str) -> None:
    assert _addresses(("customer", said)) == [(0, address)]


def test_a_landmark_after_a_street_ending_the_sentence_is_not_of_the_address() -> None:
    said = "It's 22 Station Road, near the Shell Garage where we met."
    assert _addresses(("customer", said)) == [(0, "22 Station Road")]


@pytest.mark.parametrize(
    "said, code",
    [
        ("Just to confirm, the postcode is 2 0 1 0?", "2 0 1 0"),
        ("And the ZIP is... no, the postal code is 9 8 1 0 3.", "9 8 1 0 3"),
    ],
)
def test_a_postcode_named_with_its_digits_said_one_by_one_is_an_address(said: str, code: str) -> None:
    assert _addresses(("agent", said)) == [(0, code)]


def test_digits_one_by_one_after_a_postcode_named_are_only_its_own() -> None:
    said = "The postcode is 2 0 1 0 1 2 4 6 8 8 and something else."
    assert _addresses(("agent", said)) == []


@pytest.mark.parametrize(
    ("said", "town"),
    [
        ("It's 88 Moi Avenue, next to the Shell petrol station, Mombasa.", "Mombasa"),
        ("12 Oginga Street, Flat 2B, opposite the Shell petrol station, in Kisumu.", "Kisumu"),
        ("It's 5 Allen Avenue, just past the church, Ikeja.", "Ikeja"),
        ("I live at 7 Church Street, no, not the Dublin one, Observatory, Cape Town.", "Observatory, Cape Town"),
    ],
)
def test_the_town_told_after_a_landmark_or_an_aside_is_part_of_the_address(said: str, town: str) -> None:
    addresses = [text for kind, spans in found(segments(("customer", said))) if kind == "address" for text in spans]
    assert any(text.endswith(town) for text in addresses)


@pytest.mark.parametrize(
    "said",
    [
        "It's 12 High Street, near the bank, Monday is fine.",  # no town: what is said goes on
        "It's 12 High Street, near the bank, March.",  # a month
    ],
)
def test_words_after_a_landmark_that_are_no_town_are_left(said: str) -> None:
    assert found(segments(("customer", said))) == [("address", ["12 High Street"])]


@pytest.mark.parametrize("said", ["PIN code is 411 038.", "411038."])
def test_six_digits_answering_the_pin_code_are_an_address_though_none_came_before(said: str) -> None:
    assert [kind for kind, _ in found(segments(("agent", "And the PIN code?"), ("customer", said)))] == ["address"]


@pytest.mark.parametrize(
    ("asked", "said"),
    [
        ("And the PIN?", "411 038."),  # a card's PIN, where no address came before
        ("And the PIN code?", "4110."),  # no place's code
    ],
)
def test_other_answers_to_a_pin_are_no_address(asked: str, said: str) -> None:
    assert "address" not in [kind for kind, _ in found(segments(("agent", asked), ("customer", said)))]


def test_the_town_after_in_ending_what_is_said_is_part_of_the_address() -> None:
    said = segments(("agent", "Is that still 22 Oakfield Drive in Carrigaline?"))
    assert found(said) == [("address", ["22 Oakfield Drive in Carrigaline"])]


def test_words_after_in_that_go_on_are_no_town() -> None:
    said = segments(("customer", "I'm at 22 Oakfield Drive in Mount Merrion most mornings."))
    assert found(said) == [("address", ["22 Oakfield Drive"])]


@pytest.mark.parametrize(
    ("said", "address"),
    [
        ("It's Av. Atlântica, 1702, apto 1201.", "Av. Atlântica, 1702, apto 1201"),
        (
            "Rua das Laranjeiras 45, bloco C, apartamento 101, Niterói.",
            "Rua das Laranjeiras 45, bloco C, apartamento 101, Niterói",
        ),
        ("Rua Bahia 300, torre 2, apto 81.", "Rua Bahia 300, torre 2, apto 81"),
    ],
)
def test_a_brazilian_avenue_written_short_and_a_block_or_tower_are_part_of_the_address(said: str, address: str) -> None:
    assert found(segments(("customer", said))) == [("address", [address])]


@pytest.mark.parametrize(
    ("said", "address"),
    [
        ("Tralee. Tralee, County Kerry.", "Tralee, County Kerry"),
        ("It's Carrick on Shannon, Co. Leitrim.", "Carrick on Shannon, Co. Leitrim"),
    ],
)
def test_a_town_and_its_irish_county_said_alone_are_an_address(said: str, address: str) -> None:
    assert found(segments(("customer", said))) == [("address", [address])]


def test_a_county_s_council_is_no_address() -> None:
    assert found(segments(("agent", "Thanks for calling Mayo, County Council housing, how can I help?"))) == []


def test_a_postcode_begun_given_up_with_a_comma_and_said_again_is_one_address() -> None:
    said = segments(("customer", "The postcode is N1C, uh, sorry, E17 4PL."))
    assert found(said) == [("address", ["N1C, uh, sorry, E17 4PL"])]


def test_a_postcode_said_whole_then_put_aside_is_the_postcode_alone() -> None:
    said = segments(("customer", "The postcode is E17 4PL, no, sorry, that's the old one."))
    assert found(said) == [("address", ["E17 4PL"])]


@pytest.mark.parametrize(
    "text, address",
    [
        # a room in a block of a hall of residence, then its town and postcode
        (
            "I'm in halls, so it's Room 214, Block C, Carrington Hall, Leeds, LS6 3BX.",
            "Room 214, Block C, Carrington Hall, Leeds, LS6 3BX",
        ),
        # a house in a phase of a Kenyan estate
        ("House 47, Phase 2, Kilimani Gardens Estate, Nairobi.", "House 47, Phase 2, Kilimani Gardens Estate, Nairobi"),
        # a Singapore block and its unit around the street
        ("Block 7, Jurong West Street 42, unit 12-34.", "Block 7, Jurong West Street 42, unit 12-34"),
        # units alone, one of them a home's
        ("Block B, apartment 402.", "Block B, apartment 402"),
        ("Tower 2, flat 1104", "Tower 2, flat 1104"),
    ],
)
def test_a_home_given_as_the_units_of_a_complex_is_an_address(text: str, address: str) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


@pytest.mark.parametrize(
    "text",
    [
        # where a meeting or a class is, told by the agent
        "Your interview is in Room 12, Block C, Science Park.",
        "The first lecture is in Room 4, Building B, Main Campus.",
        # one unit and a name only: a place to meet as often as a home
        "I'll be waiting in Room 4, Science Park, all morning.",
        # units alone, none of them a home's
        "I'll be waiting in Room 4, Block B, all morning.",
    ],
)
def test_units_of_a_complex_where_one_is_told_to_go_or_a_single_room_are_no_address(text: str) -> None:
    assert _addresses(("agent", text)) == []


@pytest.mark.parametrize(
    "text, parts",
    [
        # the road the estate is off, and its town
        (
            "House 47, Phase 2, Kilimani Gardens Estate, off Ngong Road, Nairobi.",
            ["House 47, Phase 2, Kilimani Gardens Estate", "off Ngong Road, Nairobi"],
        ),
        # the postcode after the complex's town
        (
            "House 47, Phase 2, Kilimani Gardens Estate, Nairobi, 00100.",
            ["House 47, Phase 2, Kilimani Gardens Estate, Nairobi", "00100"],
        ),
    ],
)
def test_the_road_or_the_postcode_after_a_complex_goes_with_it(text: str, parts: list[str]) -> None:
    assert _addresses(("customer", text)) == [(0, part) for part in parts]


@pytest.mark.parametrize(
    "text, address",
    [
        (
            "I'm in a shared house, Room 4, 31 Hyde Park Road, Leeds, LS6 1AG.",
            "Room 4, 31 Hyde Park Road, Leeds, LS6 1AG",
        ),
        ("Berth C14, 2 Harbour Way, Chelsea, SW10 0XF.", "Berth C14, 2 Harbour Way, Chelsea, SW10 0XF"),
    ],
)
def test_a_room_or_a_berth_said_before_the_street_is_part_of_the_address(text: str, address: str) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


def test_the_town_and_postcode_said_after_in_go_with_the_address() -> None:
    """(after scoring held_back_52)"""
    addresses = _addresses(("customer", "I'm at 1408 Carling Avenue, in Ottawa, K1Z 7L5."))
    assert addresses == [(0, "1408 Carling Avenue"), (0, "Ottawa, K1Z 7L5")]


def test_a_room_said_before_a_named_hall_and_its_street_is_part_of_the_address() -> None:
    said = ("customer", "Post it to Room C17, Fenwick Hall, Harbour Lane, Leicester. It's halls.")
    assert _addresses(said) == [(0, "Room C17, Fenwick Hall, Harbour Lane, Leicester")]


@pytest.mark.parametrize(
    "text, address",
    [
        # the building by its name alone, then the town; the next detail named after it
        ("It's Apartment 9, The Granary, Carlow, and my email is fine as it is.", "Apartment 9, The Granary, Carlow"),
        # the building's number before its name
        ("Flat 4, 22 Ashby House, Derby.", "Flat 4, 22 Ashby House, Derby"),
    ],
)
def test_a_flat_in_a_named_building_and_its_town_is_an_address_without_a_street(text: str, address: str) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


def test_a_suite_in_a_named_building_and_its_town_is_no_home() -> None:
    assert _addresses(("customer", "We met at Suite 4, Harbour House, Cork.")) == []


def test_a_street_then_its_city_goes_on_to_the_next_detail_named() -> None:
    said = ("agent", "So that's Rua das Flores 88, Porto, and phone 912 345 678?")
    assert _addresses(said) == [(0, "Rua das Flores 88, Porto")]


def test_ones_flat_said_to_be_at_a_numbered_house_is_an_address() -> None:
    assert _addresses(("customer", "And my flat's 9D Aspen House.")) == [(0, "9D Aspen House")]


@pytest.mark.parametrize(
    "text, address",
    [
        ("My flat's 3 floors up, Flat 14.", None),
        ("My home is 12 Oak Road, Leeds.", "12 Oak Road, Leeds"),
    ],
)
def test_what_ones_home_is_said_to_be_is_an_address_only_where_it_is_one(text: str, address: str | None) -> None:
    assert _addresses(("customer", text)) == ([(0, address)] if address else [])


@pytest.mark.parametrize(
    "text, parts",
    [
        # the park first, and the town said after
        (
            "We're in Westward Ho Holiday Park, pitch 17, that's near Bideford.",
            ["Westward Ho Holiday Park, pitch 17", "Bideford"],
        ),
        # the berth first, then the marina
        ("We live aboard, berth 12, Limehouse Marina.", ["berth 12, Limehouse Marina"]),
        # a caravan's pitch, then a park by its name alone (after scoring held_back_54)
        ("So it's Pitch 22, Sunnybank Park, Saundersfoot.", ["Pitch 22, Sunnybank Park, Saundersfoot"]),
    ],
)
def test_a_pitch_or_a_berth_in_a_named_park_or_marina_is_an_address(text: str, parts: list[str]) -> None:
    assert _addresses(("customer", text)) == [(0, part) for part in parts]


@pytest.mark.parametrize("text", ["The pitch 4 at Wembley Park was muddy.", "Our space 4, Hyde Park, was taken."])
def test_a_pitch_at_a_park_that_is_no_holiday_park_is_no_address(text: str) -> None:
    assert _addresses(("customer", text)) == []


@pytest.mark.parametrize(
    "text, address",
    [
        ("My pin code's 560034, Koramangala.", "560034, Koramangala"),
        ("PIN code 110017, thanks.", "110017"),
        ("PIN code is 400 050, that's it.", "400 050"),
    ],
)
def test_an_indian_pin_code_named_is_an_address_part_unasked(text: str, address: str) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


@pytest.mark.parametrize("text", ["My card's PIN is 400050.", "PIN code 4000501, it says, is too long."])
def test_a_cards_pin_or_a_longer_number_is_no_pin_code(text: str) -> None:
    assert _addresses(("customer", text)) == []


@pytest.mark.parametrize(
    "asked, answer, address",
    [
        ("What's the address?", "It's Glebe Farmhouse, Little Hadham, no number.", "Glebe Farmhouse, Little Hadham"),
        ("Is there a house name or number?", "Yeah, Ivy Cottage.", "Ivy Cottage"),
        ("And the first line of the address?", "Yes, it's Beech Lodge, Church Lane.", "Beech Lodge, Church Lane"),
    ],
)
def test_a_house_known_by_its_name_is_the_address_given(asked: str, answer: str, address: str) -> None:
    assert _addresses(("agent", asked), ("customer", answer)) == [(1, address)]


def test_a_house_name_not_given_as_the_address_is_none() -> None:
    assert _addresses(("agent", "Where did you hear about us?"), ("customer", "Ivy Cottage.")) == []


def test_what_a_zip_is_said_after_it_is_no_part_of_the_address() -> None:
    turns = (("agent", "And what's your zip?"), ("customer", "60614-2207, zip plus four."))
    assert _addresses(*turns) == [(1, "60614-2207")]


@pytest.mark.parametrize("places", ["Yaba, Lagos.", "...Yaba, Lagos."])
def test_the_places_after_a_street_broken_off_with_dots_go_on_with_it(places: str) -> None:
    """(after scoring held_back_53)"""
    turns = (("customer", "Plot 14, Herbert Macaulay Way..."), ("agent", "Okay."), ("customer", places))
    assert _addresses(*turns) == [(0, "Plot 14, Herbert Macaulay Way"), (2, "Yaba, Lagos")]


@pytest.mark.parametrize(
    "text, address",
    [
        # (after scoring held_back_53)
        (
            "I'm in the granny flat at the back of 12 Jacaranda Street, Parkhurst, Johannesburg.",
            "the granny flat at the back of 12 Jacaranda Street, Parkhurst, Johannesburg",
        ),
        ("The flat above the chemist, 4 High Street, Tralee.", "The flat above the chemist, 4 High Street, Tralee"),
    ],
)
def test_a_home_told_by_where_it_stands_is_part_of_its_address(text: str, address: str) -> None:
    assert _addresses(("customer", text)) == [(0, address)]


@pytest.mark.parametrize(
    "text, address",
    [
        # (after scoring held_back_53)
        (
            "Purok 5, Barangay Mabini, Dipolog City, Zamboanga del Norte.",
            "Purok 5, Barangay Mabini, Dipolog City, Zamboanga del Norte",
        ),
        ("Brgy. Poblacion, Sitio 2, Carmen, Bohol.", "Brgy. Poblacion, Sitio 2, Carmen, Bohol"),
        # the barangay's own office, no home
        ("The Barangay Hall opens at 8.", None),
    ],
)
def test_a_philippine_home_by_its_barangay_and_city_is_an_address(text: str, address: str | None) -> None:
    assert _addresses(("customer", text)) == ([(0, address)] if address else [])


@pytest.mark.parametrize(
    ("said", "address"),
    [
        ("The croft's at 6 Balallan, Isle of Lewis, HS2 9PN.", "6 Balallan, Isle of Lewis, HS2 9PN"),
        ("Our cottage is on 3 Quay Lane, Polperro.", "3 Quay Lane, Polperro"),
    ],
)
def test_where_ones_home_is_said_to_stand_is_the_address(said: str, address: str) -> None:
    """(after scoring held_back_54)"""
    assert _addresses(("customer", said)) == [(0, address)]


def test_the_annexe_named_before_its_house_number_is_part_of_the_address() -> None:
    """(after scoring held_back_54)"""
    said = "I live in the annexe behind my son's house, so it's The Annexe, 31 Mill Lane, Bicester."
    assert _addresses(("customer", said)) == [(0, "The Annexe, 31 Mill Lane, Bicester")]


@pytest.mark.parametrize(
    ("said", "address"),
    [
        ("Postcode's G12 8QQ, house number 7.", "G12 8QQ, house number 7"),
        ("It's number 14, the postcode's LS6 2AB.", "number 14, the postcode's LS6 2AB"),
    ],
)
def test_a_postcode_and_the_house_number_named_with_it_are_the_address(said: str, address: str) -> None:
    """(after scoring held_back_54)"""
    assert _addresses(("customer", said)) == [(0, address)]


def test_a_number_of_another_thing_after_a_postcode_is_no_house_number() -> None:
    assert _addresses(("customer", "The postcode is G12 8QQ, and the order number 4471.")) == [(0, "G12 8QQ")]


@pytest.mark.parametrize(
    ("asked", "answer", "address"),
    [
        ("Yes, no problem. Which apartment are you?", "Block C, number 14.", "Block C, number 14"),
        ("Which flat is it?", "Flat 9.", "Flat 9"),
    ],
)
def test_ones_flat_asked_for_in_a_block_is_answered_with_the_address(asked: str, answer: str, address: str) -> None:
    """(after scoring held_back_54, from its calls)"""
    assert _addresses(("agent", asked), ("customer", answer)) == [(1, address)]


def test_where_one_lives_asked_for_asks_for_the_address() -> None:
    turns = (("agent", "And where do you live?"), ("customer", "Corrour Lodge, PH30 4AA."))
    assert _addresses(*turns) == [(1, "Corrour Lodge, PH30 4AA")]


@pytest.mark.parametrize(
    ("asked", "answer", "address"),
    [
        ("Where do you live?", "I'm in the bothy up at Corrour, PH30 4AA.", "Corrour, PH30 4AA"),
        ("What's your address?", "We live in the farmhouse, it's PH30 4AA.", "PH30 4AA"),
    ],
)
def test_a_postcode_in_an_answer_for_the_address_is_part_of_it(asked: str, answer: str, address: str) -> None:
    assert _addresses(("agent", asked), ("customer", answer)) == [(1, address)]


def test_a_postcode_in_an_answer_for_something_else_is_not_taken() -> None:
    assert _addresses(("agent", "What's the fault code?"), ("customer", "It shows PH30 4AA.")) == []


def test_a_room_said_before_its_number_begins_the_address() -> None:
    turns = (
        ("agent", "What's your address?"),
        ("customer", "I'm in halls, Room 12, Fulton House, Singleton Park, Swansea."),
    )
    assert _addresses(*turns) == [(1, "Room 12, Fulton House, Singleton Park, Swansea")]


def test_a_hotel_room_is_no_address() -> None:
    turns = (("agent", "What's the booking?"), ("customer", "We're in room 214 at the Grand, checking out Sunday."))
    assert _addresses(*turns) == []


@pytest.mark.parametrize("asked", ["And whereabouts do you live?", "And where's she living now?"])
def test_where_one_lives_asked_for_another_way_asks_for_the_address(asked: str) -> None:
    assert _addresses(("agent", asked), ("customer", "Corrour Lodge, PH30 4AA.")) == [(1, "Corrour Lodge, PH30 4AA")]


def test_a_town_ending_its_sentence_is_where_the_address_ends() -> None:
    """(after scoring held_back_55) Not "Osu. Account 0020", a town then four digits read as a postcode."""
    said = "Hi, I'm calling about the water bill for 15 Ring Road East, Osu. Account 0020 6617."
    assert _addresses(("customer", said)) == [(0, "15 Ring Road East, Osu")]


@pytest.mark.parametrize(
    ("said", "address"),
    [
        (
            "Well, no post at the bothy. Care of Achnashellach Lodge, Strathcarron, IV54 8YU.",
            "Achnashellach Lodge, Strathcarron, IV54 8YU",
        ),
        (
            "I'm in halls of residence, Room 214, Carrington Hall, Oxford Road.",
            "Room 214, Carrington Hall, Oxford Road",
        ),
        (
            "The lock-keeper's cottage, Lock 42, Tyrley, Market Drayton. TF9 2AH.",
            "Lock 42, Tyrley, Market Drayton. TF9 2AH",
        ),
        ("4417 Northeast Killingsworth, Portland.", "4417 Northeast Killingsworth, Portland"),
        (
            "Billing address, same as delivery. Calle Mayor 12, 3º B, Alcalá de Henares, 28801.",
            "Calle Mayor 12, 3º B, Alcalá de Henares, 28801",
        ),
    ],
)
def test_an_address_said_unasked_is_found_by_its_shape_or_its_cue(said: str, address: str) -> None:
    """(after scoring held_back_55) A house by its name and a postcode, a student's room, a canal's lock, a US street
    by its quarter, a Spanish city with its code last."""
    assert _addresses(("customer", said)) == [(0, address)]


@pytest.mark.parametrize(
    "said",
    [
        "We board at Gate 120 East Terminal, Dublin.",
        "Invoice 4471 North Star, Leeds.",
        "The halls of residence fee is 4200 for the year.",
        "We're at 221 Market Street, Suite 400, San Francisco, 94105. Parking's round the back.",
    ],
)
def test_a_gate_an_invoice_a_fee_or_the_agents_own_place_is_no_address(said: str) -> None:
    assert _addresses(("agent", said)) == []


def test_a_postcodes_second_half_put_right_is_part_of_the_address() -> None:
    """(after scoring held_back_55)"""
    assert _addresses(("customer", "My eircode is D08 X2P4... no, X2P7.")) == [(0, "D08 X2P4"), (0, "X2P7")]


def test_the_town_and_postcode_after_the_house_said_with_what_it_is_by_are_the_address() -> None:
    """(after scoring held_back_55)"""
    said = "It's 4 Lighthouse Row, the one right on the harbour, Portsoy, AB45 2PB."
    assert _addresses(("customer", said)) == [(0, "4 Lighthouse Row"), (0, "Portsoy, AB45 2PB")]


def test_an_answer_that_begins_as_an_address_is_read_whole_though_a_postcode_ends_it() -> None:
    """(after scoring held_back_55: its end-to-end calls) "Flat iron" is Whisper's "Flat nine"."""
    turns = (("agent", "Lovely, and the address?"), ("customer", "Flat iron, rust in house, brickstone hill, SW21QC."))
    assert _addresses(*turns) == [(1, "Flat iron, rust in house, brickstone hill, SW21QC")]


def test_a_name_said_after_an_aside_that_says_where_nothing_is_no_town() -> None:
    """Only "the one" on or by something is an aside of where the house is: "by the way" is none."""
    assert _addresses(("customer", "It's 4 Lighthouse Row, by the way, Margaret.")) == [(0, "4 Lighthouse Row")]
