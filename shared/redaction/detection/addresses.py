"""Street addresses: the shapes of many countries' addresses, and the answer to "what's your address?"."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise

from shared.models.redaction import EntityType
from shared.models.transcript import Segment
from shared.redaction.detection.context import (
    ADDRESS_CONTEXT,
    ANSWER_LEAD_WORDS,
    ASKED_CONTEXTS,
    answers,
    nearest_match,
    previous_number,
    window_before,
)
from shared.redaction.detection.gazetteers import place_names
from shared.redaction.detection.names import NOT_NAMES
from shared.redaction.detection.spoken import (
    DIGIT_WORDS,
    ELLIPSES,
    MONTHS,
    NUMBER_WORD,
    PUNCTUATION,
    REPEATS,
    SENTENCE_MARKS,
    UNITS,
    TextSpan,
    Token,
    digits_of,
    digits_said,
    in_time_order,
)

# A flat, unit or apartment said before the house number: "Flat 4, 27 ...", "Unit 12, 40 ...", "Apartment 3B, 9 ...".
# Its number may be said in words: "unit twelve oh four".
# An Australian lot or shop, an office's level, numbered like a flat: "Lot 4, Wattle Road", "Level 3, 100 George St";
# a Nigerian or Indian plot: "Plot 9, Ring Road".
# Its number may be named as one: "flat number 204".
_UNIT_NAMED = (
    # also in the languages of the address: "Appartement 5, 12 rue ...", "Wohnung 3", "apto 52"
    r"(?:\b(?i:flat|unit|apartment|apt|suite|lot|plot|house|hse|shop|level|building|appartement|appartamento|apartamento|apto"
    r"|wohnung)\.?\s*(?:(?i:number|no)\.?\s+)?"
    # a house's number as India writes it: "No. 17, 4th Cross"
    r"|\bNo\.\s*)"
    # a block's letter before the flat's number: "Flat B503", "flat C-12"
    rf"(?:\d+[A-Za-z]?|[A-Z]-?\d+\b|[A-Z]\b|(?i:{NUMBER_WORD})(?:[\s-]+(?i:{NUMBER_WORD})){{0,3}})"
    # a Scottish tenement flat, its floor and door said with "stroke": "flat 2 stroke 1" (written 2/1)
    r"(?:\s+(?i:stroke)\s+\d+)?"
)
# also with a slash before the house number, the Australian way: "Unit 3/41 ...", "7/15 ...", or a hyphen, the
# Canadian way: "1205-88 Harbour Street", or said with "stroke", the Scottish way: "14 stroke 2 Leith Walk"
HOUSE_WORDS = {
    "Cottage", "Cottages", "House", "Farm", "Farmhouse", "Rectory", "Vicarage", "Lodge", "Barn", "Mill", "Hall",
    "Manor", "Villa", "Grange", "Granary", "Croft", "Bungalow", "Chapel", "Stables", "Orchard", "Oast", "Court",
    "Annexe", "Annex",
}  # fmt: skip
_HOUSE_WORD = "(?:" + "|".join(sorted(HOUSE_WORDS)) + ")"
# or a house's name before its number on the street: "Rose Cottage, 2 Church Lane, ...", "The Annexe, 31 Mill Lane"
_HOUSE_NAMED_BEFORE = (
    r"(?<![\w'])(?:The\s+|(?:The\s+)?"
    r"(?:(?!(?:It's|It|Its|That's|Yes|Yeah|So|Sure|Okay|Ok|Well|No|At|In|My|Our)\b)[A-Z][\w'-]*\s+){1,2})"
    rf"{_HOUSE_WORD},\s+(?=\d)"
)
# a flat's number before the house's ("12/9"), or a house's first number of a range before the street's name ("9 to
# 11 Parramatta Road"; not "4 to 6 working days")
_NUMBER_BEFORE = r"\b\d+[A-Za-z]?(?:(?:[/-]|\s+(?i:stroke)\s+)(?=\d)|\s+to\s+(?=\d+[A-Za-z]?\s+[A-Z]))"
_UNIT_FIRST = rf"(?:{_UNIT_NAMED}(?:,?\s+|/(?=\d))(?:{_NUMBER_BEFORE})?|{_NUMBER_BEFORE}|{_HOUSE_NAMED_BEFORE})?"
# After a city or state: a US ZIP (also in digit groups Whisper spaced, "4 -5 -402", "306 -5", or in words), a
# four-digit Australian or six-digit Indian one ("New South Wales 2007", "Bengaluru 560001", "560 001").
_ZIP_AFTER_CITY = (
    # (also written with a thousands comma: "Michigan 48 ,235")
    rf"(?:\d{{5}}(?:-\d{{4}})?|\d{{2}}\s?,\d{{3}}\b|\d{{6}}|\d{{3}}\s\d{{3}}|\d{{4}}|\d{{1,3}}(?:\s+\d+){{1,4}}(?<=\d)(?=\b)"
    rf"|(?i:{NUMBER_WORD})(?:[\s-]+(?i:{NUMBER_WORD})){{4,5}})"
)
_STREET_KINDS = (
    r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|circle|"
    r"parkway|pkwy|highway|hwy|square|trail|alley|parade|crescent"
)
# Kinds of street that are also everyday words ("in a row", "close by"): only capitalised, after a house number
# and a capitalised name ("5 Chestnut Row", "402 Juniper Hollow", "12 Ashfield Park").
# A row of cottages or villas is a street too: "3 Glebe Cottages". An Irish estate's kinds: "14 Ashgrove Lawn".
_CAPITALISED_STREET_KINDS = (
    r"(?:Row|Close|Mews|Grove|Gardens|Hollow|Walk|Rise|Green|Hill|Heights|Ridge|Loop|Bend|Path|Cottages|Villas|Quay|"
    r"Wharf|Park|Lawn|Vale|Meadows|Chase|Wynd|Brae|View)"
)
_US_STATE_CODES = (
    r"(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|"
    r"OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)"
)
# A British or Canadian postcode ("LS6 2AB", "M4C 1B5"), or an Irish Eircode ("D02 X285").
_POSTCODE = (
    r"(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d"
    r"|(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?[\dAC-FHKNPRTV-Y]{4})"
)
# The same postcode written all in lower case ("ls6 2qd", "d02 x285"), where speech comes without capitals; an
# Eircode's last four then hold a digit, not to be a word ("c14 then").
_LOWER_POSTCODE = (
    r"(?:[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}|[a-z]\d[a-z]\s?\d[a-z]\d"
    r"|(?:[ac-fhknprtv-y]\d{2}|d6w)\s?(?=[a-z]*\d)[\dac-fhknprtv-y]{4})"
)
_MONTH_WORD = "|".join(sorted(MONTHS))  # a month's name, in lower case (matched without case)
# A place's first letter: a capital, also one beyond ASCII ("Ō", "Ž", "É").
_PLACE_CAPITAL = "[A-ZÀ-ÖØ-Þ" + "".join(char for char in map(chr, range(0x100, 0x250)) if char.isupper()) + "]"
_NOT_PLACE_WORDS = r"(?:and|the|my|is|it's|its|zip|code|postcode|number|was|or|but|so|please|then)"
ADDRESS = re.compile(
    # a house number Whisper wrote with a thousands comma: "19 ,340 Greenfield Road"
    rf"(?:{_UNIT_FIRST}\b(?:\d{{1,2}}\s?,\d{{3}}\b|\d+(?:\s+\d+)*[A-Za-z]?|(?i:{NUMBER_WORD})(?:[\s-]+(?i:{NUMBER_WORD})){{0,4}})"
    rf"|{_UNIT_NAMED},)"  # a flat on a street without a house number: "Flat 2, Harbour Terrace"
    # a direction may be abbreviated in lower case: "2200 s. Congress avenue"
    # a name of two joined by a hyphen: "318 Kaiwaka-Mangawhai Road"
    r"(?:\s+(?:[A-Z0-9][\w'.]*(?:-[A-Z][\w'.]*)?|(?i:north|south|east|west)|(?i:[nsew]|ne|nw|se|sw)\.)){1,3}?\s+"
    # "3 Quarry Hill Road": a word of the name when a capitalised word follows
    rf"(?:(?i:{_STREET_KINDS})|{_CAPITALISED_STREET_KINDS}(?!\s+[A-Z]))\b\.?"
    # which part of a long street: "Rathmines Road Lower", "Baggot Street Upper", "Dundas Street West"; a city's
    # quadrant: "Memorial Drive Southeast", "K Street NW"
    r"(?:\s+(?:Lower|Upper|Extension|North|South|East|West|Northeast|Northwest|Southeast|Southwest|NE|NW|SE|SW)\b)?"
    rf"(?:,?\s+(?i:apartment|apt|unit|suite|flat|number|#)\.?\s*(?:(?i:{NUMBER_WORD})(?:[\s-]+(?i:{NUMBER_WORD})){{0,3}}\b|[\w-]+))?"
    # state and ZIP, or a city and state (and its ZIP); a state may be its postal code ("Monterey CA"); a suburb's
    # name may start with a capital beyond ASCII ("Ōtāhuhu, Auckland 1062")
    # the town after "in", ending what is said: "Is that still 14 Glenview Crescent in Ballincollig?"
    rf"(?:\s+in\s+(?!(?i:{_MONTH_WORD})\b){_PLACE_CAPITAL}[\w'-]*(?:\s+{_PLACE_CAPITAL}[\w'-]*)?(?=\s*(?:[.,;!?]|$))"
    # (a dot only in a place's short word, "St. Albans": "..., Osu. Account 0020 6617" ends the address at its town)
    rf"|,?(?:\s+(?:(?:St|Mt|Ft|Pt)\.|{_PLACE_CAPITAL}\w*),?){{1,4}}\s+{_ZIP_AFTER_CITY}\b"
    # a Nigerian estate's numbered phase is part of its place: "..., Lekki Phase 1, Lagos"
    # a Jamaican parish named so: "..., Mandeville, Manchester parish"
    # a place named after a saint: "..., Old Harbour, St. Catherine"
    # a landmark near the house may come before them: "..., near the Axis Bank, Koramangala, Bengaluru 560034"
    # the part of a long street named after it: "..., 27 Maple Court, Rathmines Road Lower, Dublin 6"
    r"|(?:,\s+(?i:near|opposite|behind|beside|next\s+to)\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})?"
    rf"(?:,\s+(?:St\.\s+)?[A-Z][a-z]+(?:\s+(?!Phase\b)[A-Z][a-z]+)?(?:\s+(?:Lower|Upper)\b)?"
    r"(?:\s+(?i:phase)\s+\d{1,2}\b)?){1,2}"
    r"(?:\s+(?i:parish)\b)?"
    rf"(?:,?\s+{_US_STATE_CODES}\b)?"
    # a city's postal district ends it: "..., Dublin 6."
    r"(?:\s+\d{1,2}\b(?=\s*(?:[.,;!?]|$)))?"
    rf"(?:,?\s+(?:{_ZIP_AFTER_CITY}|{_POSTCODE})\b)?"  # "..., Toronto, M5J 0B1"
    # the ZIP alone after the flat: "211 Baker Street, Apartment 4, 07030."
    r"|,\s+\d{5}(?:-\d{4})?\b(?=\s*(?:[.,;!?]|$))"
    # a city and state in lower case end with their ZIP: "... apartment 14 austin texas 78704"
    rf"|(?:,?\s+(?!{_NOT_PLACE_WORDS}\b)[a-z]+){{1,3}},?\s+\d{{5}}(?:-\d{{4}})?\b)?"
)
# what a number before a street's quarter may be instead of a house's: "Gate 120 East Terminal", "Invoice 4471 North"
_NOT_HOUSE_NUMBERED = (
    "gate", "flight", "platform", "route", "room", "bus", "terminal", "order", "ticket", "case", "ref", "invoice",
    "number", "no.", "account", "policy", "reference", "item", "model",
)  # fmt: skip
# A US house number and a street named by its quarter of the city, without its kind, then the city: "4417 Northeast
# Killingsworth, Portland." (not a gate, a flight or a route: "Gate 120 East Terminal, Dublin")
DIRECTIONAL_STREET_ADDRESS = re.compile(
    "".join(rf"(?<!\b(?i:{re.escape(word)}) )" for word in _NOT_HOUSE_NUMBERED) + r"(?<![\w'.,£$€-])\d{3,5}\s+"
    r"(?:Northeast|Northwest|Southeast|Southwest|North|South|East|West|NE|NW|SE|SW|N|S|E|W)\.?\s+"
    # (not a country or a state named so: "South Africa", "West Virginia")
    r"(?!(?:Africa|America|Korea|Carolina|Dakota|Virginia|Sudan|Timor|Wales|Yorkshire|Sussex|Midlands)\b)"
    rf"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s+{_PLACE_CAPITAL}[\w'-]*(?:\s+{_PLACE_CAPITAL}[\w'-]*)?"
    rf"(?:,?\s+{_US_STATE_CODES}\b)?(?:,?\s+{_ZIP_AFTER_CITY}\b)?(?=\s*(?:[.,;!?]|$))"
)
# Whisper may set the house number apart with a comma ("Are you still 1812, Salem Avenue, Dayton?"): the street by
# its kind, then its town; not a year ("In 2019, Baker Street, London, was ...") nor an amount ("£40, High Street").
HOUSE_SET_APART_ADDRESS = re.compile(
    r"(?<![\w'.,£$€-])(?!(?:19|20)\d\d\b)\d{2,5}[A-Za-z]?,\s+(?:[A-Z][\w'-]*\s+){1,3}"
    rf"(?:(?i:{_STREET_KINDS})|{_CAPITALISED_STREET_KINDS})\b\.?"
    rf"(?:,\s+{_PLACE_CAPITAL}[\w'-]*(?:\s+{_PLACE_CAPITAL}[\w'-]*)?){{1,2}}"
    rf"(?:,?\s+{_US_STATE_CODES}\b)?(?:,?\s+(?:{_ZIP_AFTER_CITY}|{_POSTCODE})\b)?"
)
# A house named by its number, then its street set apart by a comma: "my house, number 9, Pennine View", "I'm number
# 41, Glenview Park"; its town may follow.
NUMBER_SET_APART_ADDRESS = re.compile(
    r"\b(?i:number|no\.)\s+\d{1,4}[A-Za-z]?,\s+(?:[A-Z][\w'-]*\s+){1,3}"
    rf"(?:(?i:{_STREET_KINDS})|{_CAPITALISED_STREET_KINDS})\b\.?"
    rf"(?:,\s+{_PLACE_CAPITAL}[\w'-]*(?:\s+{_PLACE_CAPITAL}[\w'-]*)?(?=\s*(?:[.,;!?]|$)))?"
)
# A state's or province's full name between a town and a code is an address's end whatever Whisper made of the
# street before it: "1422 large month run, Rally, North Carolina, 27609", "unit 210, 86 -8 -3 Toronto, Ontario, M5J,
# 2 -S -1" (a Canadian postcode's second half in pieces).
_REGIONS = (
    r"(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
    r"Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|"
    r"Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|"
    r"Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|"
    r"Virginia|Washington|West Virginia|Wisconsin|Wyoming|Ontario|Quebec|British Columbia|Alberta|Manitoba|"
    r"Saskatchewan|Nova Scotia|New Brunswick|Newfoundland|Prince Edward Island|Victoria|New South Wales|Queensland|"
    r"South Australia|Western Australia|Tasmania|Northern Territory)"
)
# the house number (a flat's before it) and up to six words of street, however heard
_HOUSE_HOWEVER_HEARD = (
    rf"{_UNIT_FIRST}\b(?:\d+[A-Za-z]?|(?i:{NUMBER_WORD})(?:[\s-]+(?i:{NUMBER_WORD})){{0,4}})"
    r"(?:,?\s+[\w'-]+){0,6}?,?\s+"
)
_TOWN_AND_REGION = rf"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?,\s+{_REGIONS},?\s+"
_REGION_CODE = rf"(?:{_ZIP_AFTER_CITY}|{_POSTCODE}|[A-Z]\d[A-Z](?:,?\s+\d\s+[A-Z]\s+\d)?)\b"
REGION_ADDRESS = re.compile(
    # without a house before them, a year is no code: "Austin, Texas, 2019"
    rf"(?:{_HOUSE_HOWEVER_HEARD})?{_TOWN_AND_REGION}(?!(?:19|20)\d\d\b)(?:{_REGION_CODE})"
    rf"|{_HOUSE_HOWEVER_HEARD}{_TOWN_AND_REGION}(?:{_REGION_CODE})"
)
# Or a known city and its five-digit ZIP ending the clause, however the street was said or heard: "1140 Calle del Sol
# Northwest, Albuquerque, 87114", "1140 -KL -L Southwest, Albuquerque -87114".
_HOUSE_IN_CITY_WITH_ZIP = re.compile(
    # the street's first word capitalised, or a group Whisper began with a hyphen: not "1140 dollars to ..."
    r"(?<![\w'.,-])\d{1,5}[A-Za-z]?(?=\s+-?[A-Z])(?:,?\s+[\w'-]+){1,6}?,?\s+"
    r"(?P<city>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}),?\s+-?\d{5}(?:-\d{4})?\b"
    r"(?=\s*(?:[.,;!?]|$))"
)


def houses_in_cities_with_zip(text: str) -> Iterable[tuple[int, int]]:
    """Where a house number, its street however heard, a city (one phone numbers are geocoded to) and its ZIP are
    said together."""
    for match in _HOUSE_IN_CITY_WITH_ZIP.finditer(text):
        if match.group("city") in place_names():
            yield match.span()


# Some speech comes written all in lower case: there a street is known by its kind alone, and its name's words by
# being none of the words a sentence is made of ("27 brookhaven drive unit 4", "thirty one eighteen state highway
# twelve, cedar rapids"; not "5 minutes down the road", "a 2 way street").
_NOT_STREET_NAME_WORDS = (
    r"(?:the|a|an|my|your|our|his|her|their|this|that|these|those|of|to|on|in|at|by|up|down|for|and|or|from|with|"
    r"more|less|minutes?|hours?|days?|weeks?|months?|years?|miles?|blocks?|times|people|kids|cars|houses|doors|"
    r"lanes?|ways?|streets?|roads?|it|is|was|were|are|be|been|i|we|you|they|he|she|just|only|about|other|same|"
    rf"next|last|first|second|third|{_STREET_KINDS})"
)
LOWER_CASE_ADDRESS = re.compile(
    # (not a price: "$15 one way, 25 return")
    rf"(?<![$£€¥₹])\b(?:\d+[a-z]?|{NUMBER_WORD}(?:[\s-]+{NUMBER_WORD}){{0,4}})"
    rf"(?:\s+(?!{_NOT_STREET_NAME_WORDS}\b)[a-z][a-z'.-]*){{1,3}}?\s+(?:{_STREET_KINDS})\b\.?"
    rf"(?:\s+(?:\d+|{NUMBER_WORD})\b)?"  # a numbered road: "county road nine"
    rf"(?:,?\s+(?:apartment|apt|unit|suite|flat|number|#)\.?\s*(?:{NUMBER_WORD}\b|\d+[a-z]?\b))?"
    rf"(?:,?\s+{_LOWER_POSTCODE}\b)?"  # "8 ashley terrace eh11 1rb"
    r"(?:,\s+(?!the\b|and\b|but\b|so\b|please\b|thanks\b|sorry\b|no\b|wait\b|actually\b)"
    r"[a-z]+(?:\s+(?!and\b|please\b)[a-z]+)?(?=\s*(?:[.,!?]|$)))?"
)
# A street of a kind that is also an everyday word ("close", "grove", "rise"), in lower case: only where someone is
# or goes ("she's at 14 larch close now", "moved to 3 elm grove"), and where the sentence or clause ends after it.
LOWER_CASE_EVERYDAY_STREET = re.compile(
    r"(?<=\b(?:at|to) )(?:\d+[a-z]?)"
    rf"(?:\s+(?!{_NOT_STREET_NAME_WORDS}\b|(?:really|very|pretty|so|too|quite|fairly|all|nil|nice)\b)[a-z][a-z'.-]*)"
    rf"{{1,2}}?\s+(?:{_CAPITALISED_STREET_KINDS.lower()})\b"
    r"(?=\s*(?:[.,;!?]|$)|\s+(?:now|then|and|so|but|with|since)\b)"
)
# The same in lower case, where speech comes without capitals: "4 the paddocks naas co kildare w91 k2n8"; its words
# none that say what the code is ("3 orders, the postcode is ls6 2qd").
LOWER_CASE_POSTCODE_ADDRESS = re.compile(
    r"\b\d+[a-z]?(?:,?\s+(?!(?:is|was|it's|its|and|or|but|so|postcode|code|zip|number|please|then|my|your|i|we)\b)"
    rf"[a-z][a-z'.-]*){{1,6}},?\s+{_LOWER_POSTCODE}\b"
)
# A house number corrected right after the address: "12 Elm Road, sorry, 21", "... lane, no, twelve fourteen"; or
# its postcode: "..., Leeds LS6 2AB. Sorry, LS6 2AD."
_CORRECTED_NUMBER = re.compile(
    r"[,.]?\s+(?i:sorry|no|no sorry|no wait|wait|i mean|actually)[,.]?\s+(?:(?i:it's|it is|that's)\s+)?"
    rf"(?P<number>{_POSTCODE}|\d+[A-Za-z]?|(?i:{NUMBER_WORD})(?:[\s-]+(?i:{NUMBER_WORD})){{0,4}})(?=\s*(?:[.,!?]|$))"
)


# A house number said, then corrected right before the address: "741, sorry, 714 Elm Street", "twelve, no, twenty".
_MISTAKEN_NUMBER = re.compile(
    rf"(?<![\w'.-])(?P<number>\d+[A-Za-z]?|(?i:{NUMBER_WORD})(?:[\s-]+(?i:{NUMBER_WORD})){{0,4}}),?\s+"
    r"(?i:sorry|no|no sorry|no wait|wait|i mean|actually)[,.]?\s+$"
)


def mistaken_house_number(text: str, start: int) -> tuple[int, int] | None:
    """Where a house number said before an address starting at ``start`` and corrected by it is."""
    mistaken = _MISTAKEN_NUMBER.search(text, 0, start)
    return (mistaken.start("number"), mistaken.end("number")) if mistaken else None


# A word of the address spelled right after it: "Schillerstraße 12, 10625 Berlin. S-C-H-I-L-L-E-R, ...", maybe said
# again before its letters: "88 Jacaranda Drive, Linden, Johannesburg, 2195. Linden, L-I-N-D-E-N."
_SPELLED_AFTER_ADDRESS = re.compile(
    r"[,.]?\s+(?P<said>[A-Z][a-z\u00df-\u00ff']+,?\s+(?=[A-Z]-))?(?:(?i:that's|that is|it's|spelled|spelt)[,:]?\s+)?"
    r"(?P<letters>[A-Z](?:(?:-|,?\s)[A-Z]\b){2,30})"
)
_MIN_SPELLED_IN_ADDRESS = 3


def spelled_after_address(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where letters spelled right after the address at ``start``-``end`` of ``text`` spell the start of one of its
    words (its street's name), if they do."""
    spelled = _SPELLED_AFTER_ADDRESS.match(text, end)
    if spelled is None:
        return None
    letters = re.sub(r"[^a-z]", "", spelled.group("letters").lower())
    words = re.findall(r"[^\W\d_]+", text[start:end].lower())
    if len(letters) < _MIN_SPELLED_IN_ADDRESS or not any(word.startswith(letters) for word in words):
        return None
    said = spelled.group("said")
    # the word said before is the one spelled, not "..., 2195. Right, L-I-N-D-E-N"
    said_again = said is not None and letters == re.sub(r"[^a-z]", "", said.lower())
    return spelled.start("said" if said_again else "letters"), spelled.end("letters")


# The town and postcode the address goes on with after its street was spelled: "12 Wyndham Crescent, that's
# W-Y-N-D-H-A-M, Cardiff CF11 9EF.", or after "now" said between: "it's 5 Mossgiel Road now, Glasgow, G43 2BX."; or
# after "in": "1408 Carling Avenue, in Ottawa, K1Z 7L5."
_TOWN_AND_CODE_AFTER = re.compile(
    r"(?:\s+(?i:now|these days|nowadays))?"
    rf"[,.]?\s+(?:(?i:in)\s+)?(?P<place>(?:{_PLACE_CAPITAL}[\w'-]+,?\s+){{0,3}}{_POSTCODE})(?![\w-])"
)


# Or, after a yes confirming the address read back, its postcode or zip ending the turn: "19 Kowhai Street,
# Hamilton, yes, 3204."
_CODE_AFTER_YES = re.compile(
    rf"[,.]?\s+(?i:yes|yeah|yep|yup|correct|that's right)[,.]?\s+(?P<place>{_POSTCODE}|\d{{4,5}})(?=[.!]?\s*$)"
)


# Or a five-digit postcode alone after a pause, ending what is said: "Calle Alcalá 318, tercero B, Madrid. 28027."
_CODE_ALONE_AFTER = re.compile(r"[,.]\s+(?P<place>\d{5})(?=\s*[.!?]?\s*$)")


def town_and_code_after(text: str, end: int) -> tuple[int, int] | None:
    """Where a town and postcode said right after ``end`` (an address, or a street spelled after it) are."""
    going_on = (
        _TOWN_AND_CODE_AFTER.match(text, end) or _CODE_AFTER_YES.match(text, end) or _CODE_ALONE_AFTER.match(text, end)
    )
    return (going_on.start("place"), going_on.end("place")) if going_on else None


# After a street's name spelled, the town alone may end what is said: "19 Kowhai Lane, that's K-O-W-H-A-I, Whanganui."
_TOWN_ENDING = re.compile(
    rf",?\s+(?P<place>(?!{_NOT_PLACE_WORDS}\b){_PLACE_CAPITAL}[\w'-]+(?:\s+{_PLACE_CAPITAL}[\w'-]+){{0,2}}"
    r"(?:,?\s+\d{4,6})?)(?=\s*[.!?]?\s*$)"
)


def town_after_spelling(text: str, end: int) -> tuple[int, int] | None:
    """Where a town said alone at the end of ``text``, right after a street spelled ending at ``end``, is."""
    town = _TOWN_ENDING.match(text, end)
    if town is None or NOT_NAMES.intersection(town.group("place").split()):
        return None  # "..., K-O-W-H-A-I, Thanks."
    return town.start("place"), town.end("place")


def corrected_house_number(text: str, end: int) -> tuple[int, int] | None:
    """Where a house number said again as a correction right after an address ending at ``end`` is."""
    corrected = _CORRECTED_NUMBER.match(text, end)
    return (corrected.start("number"), corrected.end("number")) if corrected else None


# A box at a post office or on a rural route ("RR 4 Box 27"), then a place and its code.
# A rural route's site may come before its box ("RR 1, Site 5, Box 12"), or the box before both ("Box 8, Site 2, RR
# 4"); in South Africa a private bag or a PostNet suite takes a box's place ("Private Bag X9", "Postnet Suite 114,
# Private Bag X9").
PO_BOX = re.compile(
    r"\b(?:(?:P\.?\s?O\.?|(?i:post office))\s+(?i:box)"
    r"|(?:R\.?R\.?|(?i:rural route))\s*\d+,?\s+(?:(?i:site)\s+\d+,?\s+)?(?i:box)"
    # or the box first and the route last: "Box 56, Site 3, RR 1"
    r"|(?i:box)\s+\d+,?\s+(?:(?i:site)\s+\d+,?\s+)?(?:R\.?R\.?|(?i:rural route))"
    r"|(?:(?i:postnet)\s+(?i:suite)\s+\d+,?\s+)?(?i:private bag)(?=\s+X?\d))\s+"
    rf"(?:X?\d+|(?i:{NUMBER_WORD})(?:[\s-]+(?i:{NUMBER_WORD})){{0,9}})"
    # the post office's own code after a dash, the Kenyan way: "P.O. Box 52431-00100", heard "41238 -00100"
    r"(?:(?:\s?-\s?|\s{1,2})\d{5}\b)?"
    rf"(?:,?(?:\s+[A-Z][\w.]*,?){{1,4}}\s+(?:{_ZIP_AFTER_CITY}|{_POSTCODE})\b|(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?){{1,2}}"
    # or the code before the town, the continental and Kenyan way: "P.O. Box 40218, 00100 Nairobi"
    r"|,\s+\d{4,6}\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
)
# A postcode ends an address of a house number and capitalised words, whatever its street is called ("7 Quarry Hill,
# Leeds, LS6 2AB"). A city's district may follow its name: "Dublin 2, D02 WR97".
# A unit may be named without a house number ("Unit 4, Kings Business Park, ...") or after the street ("19 Rue
# Sainte-Catherine, apartment 5, Montreal, H2X 1K4").
# A house may be known by its name alone, "The" and capitalised words: "The Old Mill, Little Hampden, HP16 9PS".
# ... or by its name and its kind, a house's: "Care of Achnashellach Lodge, Strathcarron, IV54 8YU."
_NAMED_HOUSE_FIRST = (
    r"(?<![\w'])The(?:\s+[A-Z][\w'-]*){1,3}(?=,)"
    rf"|(?<![\w'])(?:(?!(?:It's|It|Its|That's|Yes|Yeah|So|Sure|Okay|Ok|Well|No|At|In|My|Our)\b)[A-Z][\w'-]*\s+){{1,2}}"
    rf"{_HOUSE_WORD}(?=,)"
)
# What comes before the postcode: a house number (or a flat, or a house's name) and capitalised words.
_BEFORE_POSTCODE = (
    rf"(?:{_UNIT_FIRST}\b\d+[A-Za-z]?|{_UNIT_NAMED}(?=,)|{_NAMED_HOUSE_FIRST})"
    r"(?:,?\s+(?:[A-Z][\w'.-]*(?:\s+\d{1,2}\b)?|(?i:apartment|apt|unit|suite|flat)\.?\s*\d+[A-Za-z]?\b)){1,6}"
)
POSTCODE_ADDRESS = re.compile(
    rf"(?:{_BEFORE_POSTCODE}"
    # or the house's number alone, the postcode narrowing it to a few houses: "number 41, M14 5RT"
    r"|(?<![\w'.-])\d{1,4}[A-Za-z]?(?=,)|(?<=\b(?i:number)\s)\d{1,4}[A-Za-z]?)"
    rf",?\s+{_POSTCODE}\b"
)
# A postcode and the house's number named with it, either first: "Postcode's G12 8QQ, house number 7.", "It's number
# 14, the postcode's LS6 2AB."
POSTCODE_AND_HOUSE_NUMBER = re.compile(
    rf"\b{_POSTCODE},?\s+(?:(?i:and)\s+)?(?:(?i:the)\s+)?(?:(?i:house|door)\s+)?(?i:number|no\.?)\s+\d{{1,4}}[A-Za-z]?\b"
    r"|(?<![\w'])(?:(?i:house|door)\s+)?(?i:number)\s+\d{1,4}[A-Za-z]?,?\s+(?:(?i:and)\s+)?(?:(?i:the)\s+)?"
    rf"(?i:postcode|post code|eircode)(?:'s|\s+is)?,?\s+{_POSTCODE}\b"
)
# A street Whisper misheard as any words, anchored by its house number, its kind and the postcode that ends it: "58B
# can scale Avenue, Toronto, M6J, 3J1"; or a town and a number's code ("11th Alfin Crescent, Palito, 442," for "Eleven
# Dolphin Crescent, Ballito, four four two oh").
MISHEARD_STREET_BEFORE_POSTCODE = re.compile(
    rf"(?<![\w'.-])\d{{1,5}}(?:st|nd|rd|th|[A-Za-z])?\s+(?:[\w'-]+\s+){{1,3}}(?i:{_STREET_KINDS})\b"
    rf"(?:(?:,\s+{_PLACE_CAPITAL}[\w'-]+(?:\s+{_PLACE_CAPITAL}[\w'-]+)?){{0,2}},?\s+"
    r"(?:[A-Z]{1,2}\d[A-Z\d]?,?\s\d[A-Z]{2}|[A-Z]\d[A-Z],?\s\d[A-Z]\d)"
    rf"|(?:,\s+{_PLACE_CAPITAL}[\w'-]+(?:\s+{_PLACE_CAPITAL}[\w'-]+)?){{1,2}},?\s+\d{{3,5}}(?=[,.]?\s*$))(?![\w-])"
)
# The same before a postcode said in pieces ("..., Salisbury, S P two, seven T R"), a hesitation between its words.
_BEFORE_POSTCODE_IN_PIECES = re.compile(
    rf"(?:{_UNIT_FIRST}\b\d+[A-Za-z]?|{_UNIT_NAMED}(?=,)|{_NAMED_HOUSE_FIRST})"
    r"(?:,?\s+(?:[A-Z][\w'.-]*|(?i:um|uh|er)\b)){1,7},?\s+$"
)
# A named flat or unit makes a house number and capitalised words an address whatever its street is called, up to
# its ZIP or postcode: "Unit 5, 18 Bourke, Fitzroy, Vic 3065", "4417 Overlook, Apartment 2B, Madison, WI 53703".
_NOT_A_UNIT_OF_MEASURE = "(?!(?i:" + "|".join(sorted(UNITS)) + r")\b)"  # "Level 2, 30 Minutes, ..."
UNIT_ADDRESS = re.compile(
    rf"(?:{_UNIT_NAMED}(?:,?\s+|/)\d+[A-Za-z]?(?=,?\s+{_NOT_A_UNIT_OF_MEASURE})|\b\d+[A-Za-z]?(?:\s+[A-Z][\w'.-]*){{1,3}},?\s+{_UNIT_NAMED})"
    rf"(?:,?\s+[A-Z][\w'.-]*){{1,5}},?\s+(?:{_ZIP_AFTER_CITY}|{_POSTCODE})\b"
)
_FLOOR_BEFORE = (
    r"\b(?i:ground|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|top|basement|lower ground|"
    r"\d{1,2}(?:st|nd|rd|th))\s+(?i:floor)"
)
# A flat said before the building's address, with how to be let in: "flat 3, buzzer number 7, at 19 Ormeau Road",
# "Apartment 4B, at ...".
_UNIT_BEFORE = re.compile(
    # a Scottish tenement flat written alone before the house number: "3/2, 58 Dumbarton Road", "3F2, 12 Leith Walk";
    # a Philippine block before its lot: "Blk 7 Lot 12, Sampaguita Street, ..."
    # or a floor alone: "Ground floor, 7 Nyerere Road"
    # or a room let in a shared house, a berth or a pitch, before the street it is on: "Room 4, 31 Hyde Park Road"
    rf"(?:{_UNIT_NAMED}|\b\d{{1,2}}(?:/|F)\d{{1,2}},|\b(?i:blk|block)\.?\s*\d{{1,3}}[A-Za-z]?|{_FLOOR_BEFORE}"
    r"|\b(?i:room|berth|pitch)\s+(?:(?i:number|no)\.?\s+)?[A-Z]?\d{1,4}[A-Za-z]?\b)"
    r"(?:,?\s+(?i:buzzer|bell|intercom|door|entrance|entry)(?:\s+(?i:number|no)\.?)?\s+[A-Za-z]?\d+\b"
    # its floor too: "Flat 6, Ground Floor, 41 Mowbray Street"
    rf"|,?\s+{_FLOOR_BEFORE})*"
    # a pause after it: "Unit 9... 42 Jacaranda Street."
    r"(?:,|\.\.\.|\u2026)?\s+(?:(?i:at|in|of)\s+)?$"
)


# A rural route before the house or box number it is part of: "R R 2 Box 147, ...", "RR 3, 2245 Concession Road 7".
_RURAL_ROUTE_BEFORE = re.compile(r"\b(?:R\.?\s?R\.?|(?i:rural route))\s*$")


# The town said first, after where one lives or moved to: "No, we moved to Swords, 4 Applewood Grove, K67 T3W1."
_TOWN_BEFORE = re.compile(
    r"\b(?i:moved to|move to|moving to|live in|living in|lives in)\s+"
    rf"(?P<town>{_PLACE_CAPITAL}[\w'-]+(?:\s+{_PLACE_CAPITAL}[\w'-]+){{0,2}}),\s+$"
)


# The house number marked as India and Nigeria write it, or as a lot: "No. 12 Adebayo Close", "Lot 34 Hibiscus Drive";
# or named: "I'm at number 11 Oakfield Close".
_NUMBER_MARK_BEFORE = re.compile(r"\b(?:No\.|Lot|Plot|(?i:number))\s*$")


# The word naming a flat's number where the address begins at that number: "Unit 1407, Tower 2, Avida Towers ...";
# a room, berth, pitch, mooring or canal lock too: "Room 12, Fulton House, ...", "Lock 42, Tyrley, Market Drayton"
_UNIT_WORD_BEFORE = re.compile(r"\b(?i:unit|flat|apartment|apt\.?|suite|room|berth|pitch|mooring|lock)\s*$")


# A home told by where it stands, right before its address: "the granny flat at the back of 8 Koppie Street", "The
# flat above the bakery, 33 Main Street".
_HOME_TOLD_BEFORE = re.compile(
    r"\b(?:(?i:the)\s+)?(?i:granny flat|flat|apartment|cottage|house|bungalow|annexe?|bedsit|caravan|chalet|cabin"
    r"|studio)\s+(?i:(?:at|round|around) the (?:back|side|rear) of|behind|above|over|below|beneath|beside|next to"
    r"|opposite|across from)(?:\s+[A-Za-z'\u2019 -]{2,30}?)?,?\s+$"
)


def unit_said_before(text: str, start: int) -> int:
    """Where an address at ``start`` of ``text`` begins with the number's mark, the flat, rural route or town said
    before it, or the home told by where it stands; ``start`` if none was."""
    told = _HOME_TOLD_BEFORE.search(text, max(0, start - 80), start)
    start = told.start() if told is not None else start
    mark = _NUMBER_MARK_BEFORE.search(text, max(0, start - len("number ")), start)
    start = mark.start() if mark is not None else start
    unit = _UNIT_BEFORE.search(text, max(0, start - 80), start)
    start = unit.start() if unit is not None else start
    unit_word = _UNIT_WORD_BEFORE.search(text, max(0, start - len("apartment ")), start)
    start = unit_word.start() if unit_word is not None else start
    route = _RURAL_ROUTE_BEFORE.search(text, max(0, start - 20), start)
    start = route.start() if route is not None else start
    town = _TOWN_BEFORE.search(text, max(0, start - 60), start)
    return town.start("town") if town is not None else start


# The floor and door of a flat, said after the house number where a building has many: "seventh floor B", "3rd
# floor, door 2", "piso 4 izquierda" is said "floor 4, left" in English; "2º B" as written in Spain, "5º direito" in
# Portugal.
_ORDINAL_WORDS = r"(?:ground|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
_FLOOR_AND_DOOR = (
    rf"(?:,?\s+(?:(?i:{_ORDINAL_WORDS}|\d{{1,2}}(?:st|nd|rd|th))\s+(?i:floor)|(?i:floor|piso|etage|étage)\s+\d{{1,2}}"
    r"|\d{1,2}[º°ª]"
    # a French floor ("3e étage", "1er étage"); a Catalan floor and door ("2n 1a", "3r 2a")
    r"|\d{1,2}(?:e|er|ère|ème|eme)\s+(?i:étage|etage)|\d{1,2}(?:r|n|t|è|o)\s+\d{1,2}a\b"
    # ... or in words: "troisième étage", "rez-de-chaussée"
    r"|(?i:premier|première|deuxième|second|seconde|troisième|quatrième|cinquième|sixième|septième|huitième|"
    r"neuvième|dixième|deuxieme|troisieme|quatrieme|cinquieme|sixieme)\s+(?i:étage|etage)"
    r"|(?i:rez-de-chaussée|rez-de-chaussee))"
    r"(?:,?\s+(?:(?i:door|puerta|porte)\s+)?(?:[A-Z]|\d{1,2}|(?i:left|right|izquierda|derecha|izda|dcha|esquerdo|direito|esq|dto|frente))\b)?)"
)
# Which part of the building and which floor, said between the house number and the postcode: a German back or
# front building and its storey ("Hinterhaus, 3. OG", "Vorderhaus, EG"), a Spanish floor and side in words
# ("tercero izquierda"), a Portuguese or Brazilian flat ("apartamento 82", "apto 4B"), a Polish one ("mieszkania 4",
# "m. 12").
_BUILDING_PART = (
    r"(?:,?\s+(?:Hinterhaus|Vorderhaus|Seitenflügel|Gartenhaus|Quergebäude|Hof"
    r"|\d{1,2}\.\s?(?:OG|Obergeschoss|Etage|Stock)|EG|DG|UG"
    # its storey in words: "dritter Stock", "zweite Etage"
    r"|(?i:erste[rn]?|zweite[rn]?|dritte[rn]?|vierte[rn]?|fünfte[rn]?|sechste[rn]?)\s+(?i:Stock|Etage|Obergeschoss)"
    r"|(?i:bajo|entresuelo|principal|primero|segundo|tercero|cuarto|quinto|sexto|séptimo|septimo|octavo|noveno|"
    r"décimo|decimo|ático|atico)(?:\s+(?i:izquierda|derecha|centro|interior|exterior|[A-D]\b))?"
    r"|(?i:apartamento|apto|apartment|appartement|app|appt|apt|flat|bloco|andar|piso|mieszkania|mieszkanie|lokal|lok|m|"
    r"stan|leilighet)"
    r"\.?\s+\d{1,4}[A-Za-z]?"
    # a Dutch floor: "2e verdieping"
    r"|\d{1,2}e\s+(?i:verdieping)"
    # a French building or staircase, an Italian staircase or flat: "bâtiment B", "escalier 2", "scala C", "interno 7"
    # ... a Brazilian block or tower: "bloco B", "torre 2"
    r"|(?i:bâtiment|batiment|bât|escalier|esc|scala|interno|escalera|portal|bloco|torre)\.?\s+(?:[A-Z]|\d{1,3})"
    r")"
    r"\b)"
)
# A house number with what tells apart the homes at it: a Dutch floor ("188-II", "12-hs", "7-H"), "bis", "ter", a
# Polish flat after a slash ("17/4").
_CONTINENTAL_HOUSE_NUMBER = r"\d+[A-Za-z]?(?:-(?:I{1,3}|IV|V|hs|H|bis|ter|[A-Za-z]\b|\d{1,3}\b)|/\d{1,3}\b)?"
# A street named after its kind at its end, maybe after a person's name: "Jacob van Lennepkade", "Müllerstraße".
# The word before it none a sentence starts with: "That's Wienerstraße 8, ..." is the street alone.
_NOT_STREET_NAME_START = (
    r"(?!(?:"
    + "|".join(re.escape(word) for word in sorted(NOT_NAMES))
    + r"|It's|That's|It|Its|Yes|Yeah|So|Now|Well|And|At|To|In|On|My|Is|Please|Send|Post|Deliver|Live|Address)\b)"
)
_STREET_KIND_ENDING = (
    rf"(?:{_NOT_STREET_NAME_START}[A-Z][\w'-]*\s+(?:(?:van|von|de|der|den|het|ter|te)\s+)*)?"
    r"[A-Z][\w-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|damm|ufer|straat|laan|gracht|kade|singel|plein|dijk|"
    r"steeg|vej|gade|gatan|gata|vägen|veien|vegur|stræti|braut|stígur)"
    # or its kind a word of its own after the name, the Baltic and Hungarian way: "Gedimino prospektas",
    # "Brīvības iela", "Andrássy út"
    r"|[A-Z][\w'-]*\s+(?:prospektas|gatvė|gatve|iela|gatvi|prospekts|bulvāris|utca|út|körút|tänav|puiestee|maantee)"
)
# A city after its postcode, or a Dutch postcode's letters between them ("1053 NG Amsterdam"); a Portuguese postcode
# has seven digits ("1200-195 Lisboa"), a Polish one five ("00-950 Warszawa"), an Icelandic one three ("105
# Reykjavík"); or a Brazilian city before its CEP ("São Paulo, CEP 01426-001").
# "Łódź", "Évora", "Alcalá de Henares", "Frankfurt am Main"
_CONTINENTAL_CITY = (
    rf"{_PLACE_CAPITAL}[\w'\u2019-]+"
    rf"(?:(?:[\s-]|\s+(?:de|del|de la|da|do|di|am|an der|sur)\s+){_PLACE_CAPITAL}[\w'\u2019-]+)?"
)
_CONTINENTAL_CODE_AND_CITY = (
    # a Swedish, Czech, Slovak or Greek one in two groups ("113 55 Stockholm", "110 00 Praha"); one after its country's
    # letters ("LT-01103 Vilnius", "LV-1050 Riga")
    rf"(?:,?\s+(?:[A-Z]{{2}}-)?(?:\d{{4,5}}|\d{{4}}-\d{{3}}|\d{{2}}-\d{{3}}|\d{{3}}\s\d{{2}})\s+(?:[A-Z]{{2}}\s+)?"
    rf"{_CONTINENTAL_CITY}"
    # three digits are a code only before a city that ends the sentence: not "..., 300 Meter weiter"
    rf"|,?\s+\d{{3}}\s+{_NOT_A_UNIT_OF_MEASURE}{_CONTINENTAL_CITY}(?=\s*(?:[.,;!?]|$))"
    # with the neighbourhood before the city, and its state after it: "Jardim Paulista, São Paulo SP, CEP ..."
    rf"|(?:,?\s+{_CONTINENTAL_CITY}){{1,3}}(?:\s*[-,]?\s*[A-Z]{{2}})?,?\s+(?:CEP|C\.E\.P\.)[:.]?\s*\d{{5}}-?\d{{3}}\b"
    # in Quebec the city, then the Canadian postcode: "3450, rue Saint-Denis, appartement 6, Montréal, H2X 3L3"
    rf"|(?:,?\s+{_CONTINENTAL_CITY}){{1,2}}(?:,?\s+(?:QC|Québec|Quebec))?,?\s+[A-Z]\d[A-Z]\s?\d[A-Z]\d\b)"
)
# A street by its name alone, before its house number, where the postcode and city end the address: "Ermou 56, 105 63
# Athens", "Knez Mihailova 22, stan 5, 11000 Beograd", "Thorvald Meyers gate 31, 0555 Oslo" (a kind written small).
# Not a thing numbered so: "Flight BA 2490, 10435 Berlin", "Order 4471, ...".
_NUMBERED_NOT_STREETS = (
    r"(?!(?i:flight|order|room|gate|case|ticket|invoice|reference|ref|account|policy|claim|booking|unit|platform|"
    r"bus|route|model|version|number|terminal|seat|page|item|code|pin|box)\b)"
)
_NAME_WORD = rf"{_NUMBERED_NOT_STREETS}{_PLACE_CAPITAL}(?=[a-zß-ÿ\u0100-\u024f])[\w'\u2019-]*"
_STREET_NAMED_ALONE = rf"{_NOT_STREET_NAME_START}{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}(?:\s+[a-z]{{3,5}})?"
# Where the postcode comes before the city (France, Germany, Spain, Italy, ...): a street named after its kind
# and a house number ("62 Rue des Lilas", "Calle Mayor 5", "Hauptstraße 12"), then "75019 Paris".
CONTINENTAL_ADDRESS = re.compile(
    # a filler may come between the house number and the street's kind: "88, uh, Rue Saint-Denis"
    r"\b(?:\d+[A-Za-z]?,?\s+(?:(?i:uh|um|er),\s+)?"
    r"(?i:rue|avenue|av|boulevard|bd|chemin|allée|allee|place|quai|impasse|via|viale|calle|"
    r"avenida|rua|piazza|plaza|paseo|carrer|strada|route)\b(?:\s+[\w'\u2019.-]+){1,4}?"
    # a Polish street, avenue or square: "ulica Długa 5", "ul. Piotrkowska 104", "aleja Róż 3"
    r"|(?:(?i:rue|via|calle|avenida|rua|piazza|plaza|paseo|carrer|strada|ulica|ul\.|aleja|al\.|plac|osiedle|os\.)"
    r"(?:\s+[\w'\u2019.-]+){1,4}?"
    rf"|{_STREET_KIND_ENDING})"
    rf",?\s+{_CONTINENTAL_HOUSE_NUMBER}"
    rf"|{_STREET_NAMED_ALONE}\s+\d{{1,4}}[A-Za-z]?(?=,))"
    rf"(?:{_FLOOR_AND_DOOR}|{_BUILDING_PART}){{0,3}}"
    rf"{_CONTINENTAL_CODE_AND_CITY}"
    # the floor or the building's part said after the city: "Keizersgracht 221, 1016 DV Amsterdam, third floor",
    # "Lindenstraße 44, 10969 Berlin, Hinterhaus"
    rf"(?:{_FLOOR_AND_DOOR}|{_BUILDING_PART})?"
)
# A street named after its kind and its house number, then the city and its code said last: "Calle Mayor 12, 3º B,
# Alcalá de Henares, 28801."
CONTINENTAL_CODE_LAST_ADDRESS = re.compile(
    r"\b(?i:calle|rue|via|rua|avenida|piazza|plaza|paseo|carrer|strada|ulica)\s+(?:[\w'\u2019.-]+\s+){1,3}?"
    rf"\d{{1,4}}[A-Za-z]?(?:{_FLOOR_AND_DOOR}|{_BUILDING_PART}){{0,3}},\s+{_CONTINENTAL_CITY},?\s+\d{{5}}"
    r"(?=\s*(?:[.!?]|$))"
)
# A Singapore flat: its block, street (maybe numbered), the unit as "#floor-unit", and the six-digit postcode after
# "Singapore": "Blk 112 Bishan Street 12, #06-23, Singapore 570112".
SINGAPORE_ADDRESS = re.compile(
    # the block set apart with a comma, the unit said as a number: "Block 214, Bishan Street 23, number 08-117, ..."
    # or the unit said right after the block: "Block 220, #08-14, Ang Mo Kio Avenue 1, Singapore 560220"
    r"\b(?:(?i:blk|block)\.?\s+)?\d{1,4}[A-Za-z]?(?:,?\s+#\d{1,3}-\d{1,5}[A-Za-z]?)?"
    r",?\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}(?:\s+\d{1,3}[A-Za-z]?)?"
    r"(?:,?\s+(?:#|(?i:unit|number|no\.?)\s+#?)\d{1,3}-\d{1,5}[A-Za-z]?)?,?\s+Singapore\s+\d{6}\b"
)
# A Malaysian home: a house or lot number, a street by its Malay kind ("Jalan", "Lorong", "Persiaran"), its name
# maybe a code ("SS2/24"), a housing estate ("Taman Melawati") and the town, and the five-digit postcode before or
# after the town: "16, Jalan SS2/24, Petaling Jaya, 47300", "No. 8, Lorong Bukit Bintang, 55100 Kuala Lumpur"; or the
# street alone where a sentence ends after it.
MALAYSIAN_ADDRESS = re.compile(
    r"\b(?:(?i:no|lot)\.?\s+)?\d{1,4}[A-Za-z]?(?:-\d{1,3})?,?\s+"
    r"(?:Jalan|Jln\.?|Lorong|Lrg\.?|Persiaran|Lebuh|Lebuhraya|Taman|Tmn\.?)(?:\s+[A-Z\d][\w/'-]*){1,3}?"
    rf"(?:,\s+{_PLACE_CAPITAL}[\w'-]*(?:\s+{_PLACE_CAPITAL}[\w'-]*){{0,2}}){{0,3}}"
    rf"(?:,?\s+\d{{5}}\b(?!\s+[a-z])(?:,?\s+{_PLACE_CAPITAL}[\w'-]*(?:\s+{_PLACE_CAPITAL}[\w'-]*){{0,2}}){{0,2}}"
    # or the street alone, its postcode still to come: "It's 88 Jalan Ampang..."
    r"|(?=\s*(?:[.;!?]|$)))"
)

# A capitalised word of a place, also one beginning beyond ASCII ("Ñuñoa", "Đống Đa"), and a Spanish place's small
# words ("Ciudad de México").
_PLACE_WORDS = rf"{_PLACE_CAPITAL}[\w'-]*(?:\s+(?:(?:de|del|la|las|los|el)\s+)?{_PLACE_CAPITAL}[\w'-]*){{0,3}}"
# The places end what is said, or the postcode is named after them: "..., Pinheiros, São Paulo, and the CEP is ..."
# ... or the next detail is named: "Rua Augusta 1200, São Paulo, and phone 11 98765 4321?"
_PLACES_END = (
    r"(?=\s*(?:[.!?;]|$)|,\s+and\s+(?:(?:the|my|his|her|our|your)\s+)?"
    r"(?i:cep|postcode|post\s+code|postal\s+code|zip|código|e-?mail|phone|mobile|cell|landline|date\s+of\s+birth)\b)"
)
# The same street and house number with no postcode, where the flat's floor or door, or the city, ends what is said:
# "Carrer de Verdi 45, 2n 1a.", "Rua Augusta 1200, São Paulo." (the street's kind capitalised, or after the house
# number; not a word English says too: "via email 2 days, Paris")
CONTINENTAL_ADDRESS_WITHOUT_CODE = re.compile(
    r"\b(?:\d+[A-Za-z]?,?\s+(?i:rue|boulevard|bd|chemin|allée|allee|quai|impasse|viale|calle|avenida|rua|piazza|"
    r"plaza|paseo|carrer|strada|avinguda|passeig)\b(?:\s+[\w'\u2019.-]+){1,4}?"
    r"|(?:(?-i:Rue|Via|Viale|Calle|Avenida|Av\.|Rua|Piazza|Plaza|Paseo|Carrer|Strada|Avinguda|Passeig|Ulica|Aleja)"
    r"(?:\s+[\w'\u2019.-]+){1,4}?"
    rf"|{_STREET_KIND_ENDING})"
    rf",?\s+{_CONTINENTAL_HOUSE_NUMBER})"
    rf"(?:(?:{_FLOOR_AND_DOOR}|{_BUILDING_PART}){{1,3}}(?:(?:,\s+{_PLACE_WORDS}){{1,3}}{_PLACES_END})?"
    rf"|(?:,\s+{_PLACE_WORDS}){{1,3}}{_PLACES_END})"
)
# A Mexican address: the street by its kind, its number (maybe named, "número 12"), the flat inside ("interior 3"),
# the neighbourhood ("colonia Roma Norte"), the city and the five-digit postcode named ("código postal 06700", "C.P.
# 06700"), the city maybe after it. The neighbourhood or the postcode makes it one: "Avenida Juárez 12" alone may be a
# shop's.
_MEXICAN_STREET = (
    r"(?i:calle|avenida|av\.|calzada|calz\.|boulevard|blvd\.|privada|prolongación|callejón|andador|circuito)"
)
_MEXICAN_CITY = rf",\s+(?!(?i:c\.\s?p\b|cp\b)){_PLACE_WORDS}"
_MEXICAN_POSTCODE = r"(?i:código\s+postal|codigo\s+postal|c\.\s?p\.|cp)\.?:?\s*\d{5}\b"
MEXICAN_ADDRESS = re.compile(
    rf"\b{_MEXICAN_STREET}\s+(?:(?:de|del|la|las|los|el)\s+)?{_PLACE_WORDS}"
    r",?\s+(?:(?i:número|numero|núm\.|num\.|no\.|\#)\s*)?\d{1,5}[A-Za-z]?\b"
    r"(?:,?\s+(?i:interior|int\.|departamento|depto\.?)\s*[A-Za-z\d-]{1,4}\b)?"
    rf"(?:,?\s+(?i:colonia|col\.|fraccionamiento|fracc\.)\s+{_PLACE_WORDS}(?:{_MEXICAN_CITY}){{0,2}}"
    # the postcode named, or unnamed after the neighbourhood and the city: "..., Colonia Centro, Oaxaca, 68000."
    rf"(?:,?\s+{_MEXICAN_POSTCODE}(?:{_MEXICAN_CITY})?|,\s+\d{{5}}\b(?![.,]?\d|\s+(?i:pesos|mxn|dollars|euros)\b))?"
    rf"|(?:{_MEXICAN_CITY}){{0,2}},?\s+{_MEXICAN_POSTCODE}(?:{_MEXICAN_CITY})?"
    # the postcode unnamed, ending it after the neighbourhood and the city: "..., Roma Norte, Ciudad de México, 06700."
    rf"|(?:{_MEXICAN_CITY}){{2,3}},\s+\d{{5}}\b(?=\s*(?:[.!?]|$)))"
)
# An Irish or Welsh street by its kind in the language, after the house number: "12 Cnoc na Gréine, Rahoon", "2 Bóthar
# na Trá, Salthill", "41 Heol y Nant, Cardiff, CF14 6BQ". The kind capitalised: no English word takes its place.
_GAELIC_OR_WELSH_STREET = (
    # an estate by its height, fort, meadow or wood: "7 Ard na Gréine, Ballincollig", "3 Lios an Uisce"
    r"(?:Bóthar|Bothar|Bóithrín|Cnoc|Cois|Sráid|Sraid|Ascaill|Páirc|Pairc|Radharc|Gleann|Cúirt|Cuirt|Plás|Céide"
    r"|Ard|Árd|Lios|Dún|Cluain|Coill|Mullach"
    r"|Heol|Ffordd|Stryd|Lôn|Maes|Rhodfa|Cilgant)"
)
GAELIC_OR_WELSH_ADDRESS = re.compile(
    rf"\b\d{{1,4}}[A-Za-z]?,?\s+{_GAELIC_OR_WELSH_STREET}"
    rf"(?:\s+(?:(?:na|an|y|yr|an\s+t|Uí)\s+)?{_PLACE_CAPITAL}[\w'\u2019-]*){{1,3}}"
    rf"(?:,\s+{_PLACE_WORDS}(?=\s*(?:[.!?;,]|$))){{0,2}}(?:,?\s+{_POSTCODE})?(?![\w-])"
)
# The road a street is off, as Nigerian and Kenyan addresses give it, and the area after it: "No. 12 Adebayo Close, off
# Allen Avenue, Ikeja", "House 14, Kindaruma Road, off Ngong Road, Kilimani".
_STREET_BY_KIND = rf"(?:{_PLACE_CAPITAL}[\w'-]*\s+){{1,3}}(?:(?i:{_STREET_KINDS})|{_CAPITALISED_STREET_KINDS})\b"
_ROAD_OFF_AFTER = re.compile(
    rf",?\s+(?P<place>(?i:off)\s+{_STREET_BY_KIND}(?:,\s+{_PLACE_WORDS}(?=\s*(?:[.!?;,]|$))){{0,2}})"
)


def road_off_after(text: str, end: int) -> tuple[int, int] | None:
    """Where the road said right after an address ending at ``end``, as the one its street is off, and its area are."""
    off = _ROAD_OFF_AFTER.match(text, end)
    return (off.start("place"), off.end("place")) if off else None


# A house or flat numbered last, after its area, road and building, as Kenyan addresses give it, ending a clause:
# "Kilimani, Argwings Kodhek Road, Kindaruma Court, house number C7", "Kilimani, Argwings Kodhek Road, Hse No. 17".
_LISTED_PART = rf"(?!{_NOT_PLACE_WORDS}\b|I'm\b|We're\b){_PLACE_CAPITAL}[\w'-]*(?:\s+{_PLACE_CAPITAL}[\w'-]*){{0,2}}"
HOUSE_LAST_ADDRESS = re.compile(
    rf"(?<![\w'-])(?:{_LISTED_PART},\s+){{0,2}}{_STREET_BY_KIND}"
    rf",\s+(?:{_LISTED_PART},\s+){{0,2}}(?i:house|hse|flat|apartment|apt|unit|door)\.?\s*(?:(?i:number|no)\.?\s*)?"
    rf"[A-Z]?\d+[A-Za-z]?\b(?:,\s+{_PLACE_WORDS})?(?=\s*(?:[.!?;,]|$))"
)
# The street one's home is on, said alone: "that's for my place on Danforth", "our house on Elm Street"; where one
# lives only with its kind ("I live on Harcourt Terrace", not "I live on Medicare"). "I'm on" a street with its kind
# set apart by a comma tells of home too ("I'm on Ferncliff Road, the one behind the big Tesco, and the bin ..."),
# with the house's number after it ("I'm on Thorn Berry Crescent, number 9"); not where one is now ("I'm on Collins
# Street near Flinders Lane"), nor a shop's "we're on Queen Street".
_HOME_ON_STREET = re.compile(
    r"\b(?:(?i:my|our|his|her|their)\s+(?i:place|house|home|flat|apartment)"
    r"|(?P<said_of>(?i:I|we|they|he|she)\s+(?i:live|lives))|(?P<on>I'm|I\s+am))\s+(?i:on)\s+"
    rf"(?P<street>{_PLACE_CAPITAL}[\w'-]+(?:\s+{_PLACE_CAPITAL}[\w'-]+){{0,2}})(?=\s*[.,!?;]|\s+[a-z]|$)"
    r"(?:,\s+(?P<house>(?i:number|no\.?)\s+\d{1,4}[A-Za-z]?\b))?"
)
_KIND_ENDING_STREET = re.compile(rf"\s(?:(?i:{_STREET_KINDS})|{_CAPITALISED_STREET_KINDS})$")


def homes_on_streets(text: str) -> Iterable[tuple[int, int]]:
    """Where the street a home is on is said alone (not when: "my place on Monday")."""
    for match in _HOME_ON_STREET.finditer(text):
        street = match.group("street")
        if NOT_NAMES.intersection(street.split()):
            continue
        if (match.group("said_of") or match.group("on")) and not _KIND_ENDING_STREET.search(street):
            continue
        if match.group("on") and not text.startswith(",", match.end("street")):
            continue
        yield match.start("street"), match.end("house") if match.group("house") else match.end("street")


# A Japanese address the Western way round: the block and house numbers ("3-5-12", chōme, banchi, gō), the district,
# its ward, city or town ("Minato-ku", "Kyoto-shi"), the city or prefecture, and the seven-digit postcode ("107-0062");
# a ward or the postcode makes it one; the floor may follow ("..., 150-0002. Fifth floor.").
_JAPANESE_WARD = rf"{_PLACE_CAPITAL}[\w'-]*-(?:ku|shi|cho|chō|machi|gun|mura)\b"
_FLOOR = rf"(?:(?i:{_ORDINAL_WORDS})|\d{{1,2}}(?:st|nd|rd|th))\s+(?i:floor)\b"
_JAPANESE_POSTCODE = r"\d{3}-\d{4}\b(?![-\d])"
_JAPANESE_DISTRICT = rf"{_PLACE_CAPITAL}[\w'-]*(?:\s+{_PLACE_CAPITAL}[\w'-]*)?"
# The block's "chōme" said before its numbers: "3-chome 8-12", "2 chōme 4-1"
_CHOME = r"(?:\d{1,2}[-\s](?i:chome|chōme|choume),?\s+)?"
JAPANESE_ADDRESS = re.compile(
    rf"(?<![\w'.-])(?:{_CHOME}\d{{1,2}}-\d{{1,2}}(?:-\d{{1,3}})?,?\s+{_JAPANESE_DISTRICT},\s+{_JAPANESE_WARD}"
    rf"(?:,\s+{_PLACE_WORDS})?(?:,?\s+{_JAPANESE_POSTCODE})?"
    # without a ward, all three numbers and the postcode: not "10-12 Monday, 555-1234"
    rf"|\d{{1,2}}-\d{{1,2}}-\d{{1,3}},?\s+{_JAPANESE_DISTRICT}(?:,\s+{_PLACE_WORDS}){{0,2}},?\s+{_JAPANESE_POSTCODE})"
    rf"(?:[.,]?\s+{_FLOOR})?"
    # and the flat, after the postcode, maybe begun again: "..., Tokyo 160-0023, Room 1405", "..., room, uh, Room 1405"
    r"(?:,\s+(?:(?i:room|apartment|flat|unit|suite),?\s+)?(?:(?i:uh|um|er|erm),?\s+)?"
    r"(?i:room|rm\.?|apartment|apt\.?|flat|unit|suite)\s+\d{1,4}[A-Za-z]?\b)?"
)
# A Vietnamese address: the house's number ("Số 12", "số 45/3"), the lane and alley it is down ("ngõ 56", "ngách 7",
# "hẻm 120"), the street by its kind ("Phố Huế", "Đường Lê Lợi"), then the ward, district and city. The lane or the
# street's kind makes it one.
_VIETNAMESE_NUMBER = r"\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)*"
_VIETNAMESE_LANES = rf"(?:,?\s+(?i:ngõ|ngách|hẻm|kiệt)\s+{_VIETNAMESE_NUMBER})"
_VIETNAMESE_STREET = r"(?i:phố|đường|đ\.)"
# A district may be numbered: "Quận 1".
_VIETNAMESE_PLACE = rf"{_PLACE_WORDS}(?:\s+\d{{1,2}}\b)?"
VIETNAMESE_ADDRESS = re.compile(
    rf"(?:\b(?i:số)\s+)?(?<![\w'.-]){_VIETNAMESE_NUMBER}"
    rf"(?:{_VIETNAMESE_LANES}+(?:,?\s+{_VIETNAMESE_STREET})?|{_VIETNAMESE_LANES}*,?\s+{_VIETNAMESE_STREET})"
    rf"\s+{_VIETNAMESE_PLACE}(?:,\s+{_VIETNAMESE_PLACE}){{0,3}}"
)

# A city's numbered postal district ends it: "..., Dublin 6W".
_POSTAL_DISTRICT = r"(?:\s+\d{1,2}[Ww]?\b)"
# "and" beginning a new clause after an address: "..., and it's the 2nd of October", "..., and I've been there
# ten years" ("Victoria and Albert Road" is a street's name).
_CLAUSE_AFTER_AND = r"it's|it\s+is|that's|my|I|I'[a-z]+|we|we're|you|he|she|they|there|then"
_ANSWERED_ADDRESS = re.compile(
    # A flat in a named building has no house number: "Flat 9C, Nilgiri Heights, 4th Cross, ..."
    rf"(?:\b(?i:flat|unit|apartment|apt|suite)\.?\s*(?:(?i:number|no)\.?\s+)?(?:\d+[A-Za-z]?|(?i:{NUMBER_WORD}))(?=,)"
    rf"|{_UNIT_FIRST}(?<![\w'.-])(?:\d+[A-Za-z]?|(?i:{NUMBER_WORD})(?:[\s-]+(?i:{NUMBER_WORD})){{0,4}})"
    # a house number named, with the parts of an Indian one: "House number 4-52, second cross, ..."
    # or a plot or a lot, with or without its "number": "plot 27, Kira Road, ...", "Lot 12, Jalan Bunga Raya 3, ..."
    r"|(?P<named>\b(?i:(?:house|door|plot)\s+(?:number|no\.?)|plot|lot)\s*\d+(?:[-/]\d+)*[A-Za-z]?))"
    # the words may name a numbered road: "7th Cross", "2nd Main"
    # and a postcode's second half after its first: "..., H2B 1K9"
    # whom it is for is no part of it: "..., care of Ann Byrne", "..., attention accounts", "..., ask for Ade at the
    # gate"
    # nor is a new clause: "33 Maple Crescent, but I usually go to High Street", "... Terrace and my date of birth is",
    # or a date given with it: "31 Sandymount Avenue, and October 14th, 1971"
    r"(?P<words>(?:,?\s+(?!(?i:care\s+of|c/o|attention|attn|for\s+the\s+attention|ask\s+for)\b)"
    rf"(?!(?i:but|because|we|we're|you|you're|he|she|they|and\s+(?:{_CLAUSE_AFTER_AND}|-?(?:{_MONTH_WORD})))\b"
    r"|I\b|I'[a-z]+\b)"
    r"(?:(?i:apartment|apt|unit|suite|flat)\.?\s*\d+[A-Za-z]?\b"  # "..., Apartment 2B, ..."
    # a numbered sector or block of an Indian town: "..., sector 15, noida"
    r"|(?i:sector|block|phase)\s+\d{1,3}[A-Za-z]?\b"
    r"|[A-Za-z][\w'-]*|\d{1,3}(?:st|nd|rd|th)\b|\d[A-Z]\d\b|\d[A-Z]{2}\b)){2,8})"
    rf"(?:{_POSTAL_DISTRICT}(?=\s*(?:[.,;!?]|$)))?"  # "..., Dublin 2."
    rf"(?:,?\s+{_ZIP_AFTER_CITY}\b)?"  # "..., Ohio, 4 -5 -402."
)
# An Indian address is often a building, a road and an area, without a house number, ending in a city and its
# six-digit PIN code: "Gulmohar Villa, Near Shiv Mandir, Kothrud, Pune 411038".
# A part is a few capitalised words, a numbered road ("7th Cross") or a numbered block ("Sector 15", "House No. 12").
_ADDRESS_PART = (
    r"(?:[A-Z][\w'-]*\.?|\d{1,3}(?:st|nd|rd|th)\b)(?:\s+(?:[A-Z][\w'-]*\.?|\d{1,3}(?:st|nd|rd|th)?[A-Za-z]?\b)){0,3}"
)
_PIN_ADDRESS = re.compile(
    rf"{_UNIT_FIRST}\b(?P<words>{_ADDRESS_PART}(?:,\s+{_ADDRESS_PART}){{1,6}}),?\s+[1-8]\d{{2}}\s?\d{{3}}\b"
)
# A house with a name and no number, on a street, in a place: "The Granary, Back Lane, Long Sutton".
_CAPITALISED_WORDS = r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}"
NAMED_HOUSE_ADDRESS = re.compile(
    # a flat in the named building may come first: "Apartment 12, The Old Bakery, ..."
    rf"(?<![\w'])(?:{_UNIT_NAMED},\s+)?(?!(?:It's|It|Its|That's|Yes|Yeah|So|Sure|Okay|Ok|Um|Uh|Well|No)\b)"
    rf"(?P<house>(?:The\s+)?{_CAPITALISED_WORDS}),\s+{_CAPITALISED_WORDS}\s+"
    r"(?:Street|Road|Lane|Avenue|Drive|Close|Way|Place|Terrace|Crescent|Row|Court|Gardens),\s+"
    rf"{_CAPITALISED_WORDS}{_POSTAL_DISTRICT}?"
    # an Irish (or Northern English) house known by its townland's name and its county: "Knockanore, Ballinrobe
    # Road, Claremorris, County Mayo"
    r"(?P<county>,\s+(?:County|Co\.?)\s+[A-Z][a-z]+)?"
    # and its postcode: "Rose Cottage, Mill Lane, Little Snoring, NR21 0HU"
    rf"(?:,?\s+{_POSTCODE}\b)?"
)
# A flat in a named building, and its town, with no street: "Apartment 6, The Maltings, Kilkenny", "Flat 2, 14
# Thornhill House, Leeds". A flat is a home; a unit or a suite in a named building is as often a business's.
FLAT_IN_NAMED_HOUSE_ADDRESS = re.compile(
    r"(?<![\w'])(?i:flat|apartment|apt)\.?\s*(?:(?i:number|no)\.?\s+)?\d{1,4}[A-Za-z]?,\s+(?:\d{1,4}[A-Za-z]?\s+)?"
    rf"(?:The\s+)?{_CAPITALISED_WORDS}(?:,\s+{_PLACE_WORDS}){{1,2}}(?:,?\s+{_POSTCODE}\b)?{_PLACES_END}"
)
# A rural Irish address: a named house, its townland and town, and its county, with no street: "Rose Cottage,
# Kilbride, Arklow, County Wicklow".
RURAL_HOUSE_ADDRESS = re.compile(
    rf"(?<![\w'])(?:The\s+)?(?:[A-Z][\w'-]*\s+){{1,2}}{_HOUSE_WORD},(?:\s+{_CAPITALISED_WORDS},){{1,3}}"
    r"\s+(?:County|Co\.?)\s+[A-Z][a-z]+"
)
# A town and its Irish county, said alone: "Ennis, County Clare", "Carrick on Shannon, Co. Leitrim". Counties by
# name, not "Galway County Council".
_IRISH_COUNTIES = (
    "Antrim|Armagh|Carlow|Cavan|Clare|Cork|Derry|Donegal|Down|Dublin|Fermanagh|Galway|Kerry|Kildare|Kilkenny|Laois|"
    "Leitrim|Limerick|Longford|Louth|Mayo|Meath|Monaghan|Offaly|Roscommon|Sligo|Tipperary|Tyrone|Waterford|"
    "Westmeath|Wexford|Wicklow"
)
TOWN_AND_COUNTY_ADDRESS = re.compile(
    r"(?<![\w'])(?!(?:It's|It|Its|That's|Yes|Yeah|So|Sure|Okay|Ok|Um|Uh|Well|No|In|From|Near|I'm)\b)"
    rf"(?:{_PLACE_CAPITAL}[\w'-]*\s+(?:(?:on|upon)\s+)?){{0,2}}{_PLACE_CAPITAL}[\w'-]*,\s+(?:County|Co\.?)\s+(?:{_IRISH_COUNTIES})\b"
)
# An Indian flat in a tower or block of a named complex, then its area and city: "1204, Wing C, Lodha Palava,
# Dombivli, Thane". A hesitation may come after the flat's number.
TOWER_FLAT_ADDRESS = re.compile(
    r"(?<![\w'.-])\d{1,4}[A-Za-z]?,?\s+(?:(?i:um|uh|er),?\s+)?(?:Tower|Block|Wing|Building)\s+(?:[A-Z]|\d{1,2})\b"
    rf"(?:,\s+{_ADDRESS_PART}){{2,6}}"
)
# A home given as the units of a complex, each inside the next, and the complex or its street by name: "Room 214,
# Block C, Carrington Hall", "House 47, Phase 2, Kilimani Gardens Estate", or units around the street: "Block 7,
# Jurong West Street 42, unit 12-34". Two units and a name: one unit and a name is a place to meet as often.
_COMPLEX_UNIT_WORD = r"(?i:room|house|block|flat|unit|plot|apartment|apt|wing|tower|phase|building)"
_COMPLEX_UNIT = rf"{_COMPLEX_UNIT_WORD}\.?\s+(?:\d{{1,4}}(?:-\d{{1,4}})?[A-Za-z]?|[A-Z])(?![\w-])"
_COMPLEX_NAME = rf"(?!{_COMPLEX_UNIT_WORD}\b){_ADDRESS_PART}"  # "Carrington Hall", "Jurong West Street 42"
_UNITS_OF_A_COMPLEX = re.compile(
    rf"(?<![\w'.-]){_COMPLEX_UNIT}"
    rf"(?:(?:,\s+{_COMPLEX_UNIT}){{1,3}}(?:,\s+{_COMPLEX_NAME}){{1,4}}|(?:,\s+{_COMPLEX_NAME}){{1,3}},\s+{_COMPLEX_UNIT})"
)
# Where one is told to go, in the same sentence before: "Your interview is in Room 12, Block C, Science Park."
_TOLD_WHERE_TO_GO = re.compile(
    r"\b(?i:meeting|interview|appointment|class|lecture|exam|seminar|workshop|training|session|tutorial)s?\b[^.!?]*$"
)


# Units alone, one of them a home's, all that is said: "Block B, apartment 402." answering "Which unit?" (not
# directions on: "Flat 2, Block C, Phase 3, then the gym.")
_UNITS_ALONE = re.compile(rf"(?<![\w'.-]){_COMPLEX_UNIT}(?:,\s+{_COMPLEX_UNIT}){{1,3}}(?=[.!?]?\s*$)")
_HOME_UNIT = re.compile(r"\b(?i:apartment|apt|flat|house)\b")


def homes_in_complexes(text: str) -> Iterable[tuple[int, int]]:
    """The units of a complex given as a home, not as where a meeting or a class is."""
    alone = [match for match in _UNITS_ALONE.finditer(text) if _HOME_UNIT.search(match.group())]
    homes = [*_UNITS_OF_A_COMPLEX.finditer(text), *alone]
    for match in homes:
        if not _TOLD_WHERE_TO_GO.search(text, 0, match.start()):
            yield match.start(), match.end()


# A pitch, plot or berth where someone lives or stays in a park or a marina, the park by name before or after it: "Sandy
# Bay Caravan Park, pitch 42", "berth 17, Limehouse Marina"; and the town it is in, said after: "..., that's in
# Exmouth."
_PARK = (
    r"(?:[A-Z][\w'-]*\s+){1,3}(?:(?:Caravan|Holiday|Mobile\s+Home|Trailer|RV|Camping|Leisure|Residential)\s+Park"
    r"|Marina|Caravan\s+Site|Campsite)"
)
_PITCH = r"(?i:pitch|plot|lot|site|berth|mooring|space)\s+(?:(?i:number|no)\.?\s+)?[A-Z]?\d{1,4}[A-Za-z]?(?![\w-])"
# ... or a caravan's pitch or plot, then a park by its name alone: "Pitch 22, Sunnybank Park, Saundersfoot" (not
# "space 4 in Hyde Park")
_CARAVAN_PITCH = r"(?i:pitch|plot)\s+(?:(?i:number|no)\.?\s+)?[A-Z]?\d{1,4}[A-Za-z]?(?![\w-])"
_PITCH_IN_PARK = re.compile(
    rf"(?<![\w'])(?:{_PARK},?\s+{_PITCH}|{_PITCH},?\s+(?:(?i:at|in|on)\s+)?(?:the\s+)?{_PARK}"
    rf"|{_CARAVAN_PITCH},\s+(?:[A-Z][\w'-]*\s+){{1,2}}Park\b)"
)
_TOWN_SAID_AFTER = re.compile(
    r",?\s+(?:(?i:that's|that is|it's|it is|which is)\s+)?(?i:in|near|outside)\s+"
    rf"(?P<town>{_PLACE_CAPITAL}[\w'-]+(?:\s+{_PLACE_CAPITAL}[\w'-]+){{0,2}})(?=\s*(?:[.!?;,]|$))"
)


def pitches_in_parks(text: str) -> Iterable[tuple[int, int]]:
    """A pitch, plot or berth in a named park or marina, and the town said to hold it."""
    for match in _PITCH_IN_PARK.finditer(text):
        yield match.start(), match.end()
        if town := _TOWN_SAID_AFTER.match(text, match.end()):
            yield town.start("town"), town.end("town")


# An Indian PIN code named, whoever asked, and the area said after it: "My PIN code is 400050, Bandra West." A card's
# PIN is said "PIN", not "PIN code".
_PIN_CODE_NAMED = re.compile(
    r"\b(?i:pin\s?code|pincode)(?:\s+(?i:is)|'s|:)?,?\s+(?P<code>[1-8]\d{2}\s?\d{3}(?!\d|[,.]\d)"
    r"(?:,\s+(?!(?i:and|but|or|so|the|that|that's|it|it's|is|please|thanks|thank|yes|yeah|no|okay|ok)\b)"
    rf"{_PLACE_WORDS})?)"
)


# A postcode's second half put right after the whole was given: "My eircode is D08 X2P4... no, X2P7.", "LS6 2AB,
# sorry, 2BA": an Eircode's four characters or a UK or Canadian code's inward three.
_POSTCODE_END_PUT_RIGHT = re.compile(
    rf"{_POSTCODE}(?:\.\.\.|\u2026)?[,.]?\s+(?i:no|sorry|wait|i mean)(?:[,.]?\s+(?i:sorry|no|it's|its))*[,.]?\s+"
    r"(?P<end>[\dAC-FHKNPRTV-Y]{4}|\d[A-Z]{2}|\d[A-Z]\d)(?![\w-])"
)


def postcode_ends_put_right(text: str) -> Iterable[tuple[int, int]]:
    """Where the second half of a postcode just given is said again, put right."""
    for match in _POSTCODE_END_PUT_RIGHT.finditer(text):
        yield match.start("end"), match.end("end")


def pin_codes_named(text: str) -> Iterable[tuple[int, int]]:
    """A PIN code named and said, and the area said after it."""
    for match in _PIN_CODE_NAMED.finditer(text):
        yield match.start("code"), match.end("code")


# A Philippine home by its zone and its barangay (the smallest district), then its city and province, the zone before
# or after it: "Purok 3, Barangay San Isidro, Tagbilaran City, Bohol".
BARANGAY_ADDRESS = re.compile(
    r"(?<![\w'])(?:(?i:purok|sitio|zone)\s+\d{1,3}[A-Za-z]?,\s+)?(?i:barangay|brgy\.?)\s+"
    rf"{_PLACE_WORDS}(?:,\s+(?i:purok|sitio|zone)\s+\d{{1,3}}[A-Za-z]?)?(?:,\s+{_PLACE_WORDS}){{1,3}}"
)


# An Eircode is one address's own, with or without the townland, town and county before it: "Ballyduff Upper,
# Lismore, County Waterford, P51 HX28", "P51 HX28, grand." Its last four mix letters and digits as most do, so a
# reference such as "T12 3456" is not taken for one.
_EIRCODE = (
    r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?(?=[\dAC-FHKNPRTV-Y]{0,3}[AC-FHKNPRTV-Y])(?=[\dAC-FHKNPRTV-Y]{0,3}\d)"
    r"[\dAC-FHKNPRTV-Y]{4}"
)
EIRCODE_ADDRESS = re.compile(
    # a townland's words may have an Irish article between them: "Cnoc na Gréine"; the house's number before them:
    # "14 Ard na Gréine, Knocknacarra, Galway, H91 E2K7"
    rf"(?<![\w'-])(?:\d{{1,4}}[A-Za-z]?\s+(?=[A-Z]))?"
    rf"(?:(?!(?:It's|Its|It|That's|Yes|Yeah|Sure|Okay|Ok|My|Our|So|And|Well|Right|Thanks)\b)"
    rf"{_PLACE_CAPITAL}[\w'-]*(?:\s+(?:[a-z]{{1,4}}\s+)?{_PLACE_CAPITAL}[\w'-]*){{0,3}},\s+){{0,4}}"
    rf"(?:(?:County|Co\.?)\s+[A-Z][a-z]+,?\s+)?{_EIRCODE}(?![\w-])"
)
# A postcode or Eircode named: "and the eircode is F12 X2C6", "postcode's LS6 2AB", or of four digits (Australia,
# New Zealand, much of Europe): "Postcode's 2000, it's in the CBD".
# Also asked of oneself, its halves apart: "My Eircode? A65, F4E2."; and begun, broken off and said again whole:
# "The postcode is BS3... 4... sorry, BS3 4HN.", "The postcode is SW1A, uh, sorry, SE15 4QT."
_POSTCODE_HALVES_APART = _POSTCODE.replace(r"\s?", r"(?:,?\s)?")
_GIVING_UP = r"(?i:sorry|no|i mean|wait|hang on|actually)"
_POSTCODE_BROKEN_OFF = (
    r"(?:[A-Z\d]{1,4}(?:(?:\.\.\.|\u2026),?\s+"
    # or with a comma and the start given up: "The postcode is SW1A, uh, sorry, SE15 4QT."
    rf"|,\s+(?:(?i:uh|um|er|erm),?\s+)?(?={_GIVING_UP}\b)))+"
    rf"(?:{_GIVING_UP},?\s+)*"
)
NAMED_POSTCODE = re.compile(
    # and Brazil's CEP: "the CEP is 05411-000"
    rf"\b(?i:eircode|postcode|post code|postal code|cep)(?:'s|\s+is)?[:?]?\s+(?P<begun>{_POSTCODE_BROKEN_OFF})?"
    # or its digits said one by one: "the postcode is 3 1 1 0?"
    rf"(?P<code>{_POSTCODE_HALVES_APART}|{_LOWER_POSTCODE}|\d{{4}}|\d{{5}}-\d{{3}}|\d(?:\s\d){{3,4}}(?!\s\d))(?![\w-])"
    # Ghana's digital address, which stands for the house: "My GhanaPost GPS is GA-183-8164", "The GhanaPost address
    # is ...", and its area after it: "..., East Legon."
    r"|\b(?i:ghana ?post(?: gps| address)?|gps address|digital address)(?: (?i:code))?(?:'s|\s+is)?[:?]?\s+"
    r"(?P<gps>[A-Z]{2}-\d{3,4}-\d{4}\b(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?=\s*(?:[.;!?]|$)))?)"
)
# A Dutch postcode with the house's number, which together name the house: "1017 CE, huisnummer 22", read back as
# "1017 CE, number 22, Amsterdam" or "1017 CX, 42, Amsterdam".
DUTCH_POSTCODE_ADDRESS = re.compile(
    r"\b[1-9]\d{3}\s?[A-Z]{2},?\s+"
    r"(?:(?i:huisnummer|nummer|nr\.?)\s+\d{1,4}(?:[a-z]|-\d{1,3})?\b(?:,\s+[A-Z][\w'-]+)?"
    # in English, only with the city after it: not "2024 AD, number 5 in the list"
    r"|(?:(?i:house number|number|no\.?)\s+)?\d{1,4}[a-z]?,\s+[A-Z][\w'-]+)"
)
# Begun with a flat's number, such an address is one without being asked for: "Flat 302, ..., Bengaluru 560038".
# An Indian house number named ("House number 23", "H. No. 212", "Door No. 7-2-15") or with its block's letter
# ("B-42"): with an area and a city before the PIN, an address.
_INDIAN_HOUSE_NUMBER = (
    r"(?:\b(?i:house|door|plot)\s+(?i:number|no\.?)|\bH\.?\s?No\.?|\b(?i:plot))\s*\d+(?:[-/]\d+)*[A-Za-z]?"
    # the block's letter where the address starts, not a flight's or a model's code ("Flight B-52")
    r"|(?:^|(?<=[.,:;!?]\s)|(?<=\bat\s)|(?<=\bto\s)|(?<=\bis\s)|(?<=\b[Ii]t's\s))[A-Z]-\d{1,4}\b"
)
# The PIN may be named: "..., Vellore, PIN 632006".
_PIN = r"(?:(?i:pin|pin\s?code)[:\s]\s*)?[1-8]\d{2}\s?\d{3}\b"
# Between the house and the PIN, besides the roads and areas: the floor ("3rd floor") and a landmark near it ("near
# the Shiv temple", "opposite the bus stand", "behind City Hospital").
_INDIAN_PART = (
    rf"(?:{_ADDRESS_PART}|(?:\d{{1,2}}(?:st|nd|rd|th)|(?i:{_ORDINAL_WORDS}))\s+(?i:floor)"
    r"|(?i:near|opposite|opp\.|behind|beside|next\s+to)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,3})"
)
FLAT_PIN_ADDRESS = re.compile(
    # or a bare house number before a numbered road or block and the area: "42, 2nd Main, 5th Block, Jayanagar, ..."
    rf"(?:(?:{_UNIT_NAMED}|(?<![\w'.-])\d{{1,4}}[A-Za-z]?(?=,\s+\d{{1,3}}(?:st|nd|rd|th)\s))"
    rf",?\s+{_INDIAN_PART}(?:,\s+{_INDIAN_PART}){{2,6}}"
    rf"|(?:{_INDIAN_HOUSE_NUMBER}),?\s+{_INDIAN_PART}(?:,\s+{_INDIAN_PART}){{1,6}}),?\s+{_PIN}"
)
# A house number, then numbered cross and main roads, the Bengaluru way, then the area and the city: with two
# numbered roads it is an address without its PIN ("No. 42, 3rd Cross, 5th Main, Indiranagar, Bengaluru"); not the
# way there ("take the 3rd Cross, then 5th Main").
_NUMBERED_ROAD = r"\d{1,2}(?:st|nd|rd|th)\s+(?:Cross|Main|Block|Stage|Phase|Sector)(?:\s+Road)?\b"
NUMBERED_ROADS_ADDRESS = re.compile(
    rf"(?:\b(?i:no)\.?\s*|#\s?|(?<![\w'.#-]))\d{{1,4}}[A-Za-z]?,\s+{_NUMBERED_ROAD}(?:,\s+{_NUMBERED_ROAD})+"
    rf"(?:,\s+{_ADDRESS_PART}){{1,3}}"
)
# The rest of an address given after a backchannel may be its town and code alone: "Tulsa, Oklahoma 74103.",
# "Leeds, LS6 2AB."
# Its flat or apartment may come first: "apartment 2B, Dayton, Ohio, 45420".
_PLACE_AND_CODE = re.compile(
    rf"(?:{_UNIT_NAMED},?\s+)?(?P<words>(?:[A-Z][\w'.-]*,?\s+){{1,4}})"
    # a city's postal district before an Eircode: "Artane, Dublin 5, D05 X7W2"
    rf"(?:\d{{1,2}}[Ww]?,?\s+(?={_POSTCODE}))?(?:{_ZIP_AFTER_CITY}|{_POSTCODE})\b"
)
# The same in lower case, where speech comes without capitals: "in glen eden auckland 0602"; its words none a
# sentence is made of ("for 2", "in march 2019").
_LOWER_PLACE_AND_CODE = re.compile(
    rf"(?:in\s+)?(?P<words>(?:(?!{_NOT_STREET_NAME_WORDS}\b|{_NOT_PLACE_WORDS}\b)[a-z][a-z'.-]*,?\s+){{1,4}})"
    r"(?:\d{4,5})\b"
)
# After an address said or read back in the turns just before, a town, suburb or state and its code alone go on with
# it: "I have you at 22 Banksia Parade, Toowong?" / "Yep, Queensland 4066."
_TURNS_BACK_TO_ADDRESS = 2

_NUMBER_WORD = re.compile(NUMBER_WORD)
# (what goes on after a pause may begin with its dots: "Plot 27, Bode Thomas Street..." / "Okay." / "...Surulere")
_ANSWER_LEAD_IN = re.compile(
    r"(?:\.\.\.|\u2026)?(?:(?i:and|it's|it is|yes|yeah|yep|yup|sure|so|that's|um|uh|okay|ok)[,.]?\s+)*"
)
_NOT_STREET_WORDS = {
    "o'clock", "am", "pm", "a.m", "p.m", "seconds", "second", "times", "of", "or", "and", "to", "percent", "more",
    "less", "people", "digits", "numbers", "left", "ago", "floors",
    # a time of day after "your address" is when, not where: "he'll be at your address before seven thirty tonight"
    "tonight", "today", "tomorrow", "morning", "afternoon", "evening", "sharp", "latest",
}  # fmt: skip

# Asked for a postcode, the postcode given alone is part of the address: it narrows it to a few houses.
# Whisper hears "And your Eircode?" as "And your icon?" and "postcode" as "postcard": asked by the last word alone.
_POSTCODE_ASKED = re.compile(
    r"\b(postcode|post code|postal code|zip code|zip|eircode)\b|\b(your|the) (\w+ )?(icon|postcard)\W*$"
)
_CODE_IN_ANSWER = re.compile(
    rf"(?:\b(?i:at|in|near)\s+(?P<place>(?:[A-Z][\w'-]*,?\s+){{1,3}}))?(?<![\w-]){_POSTCODE}(?![\w-])"
)
_LONE_POSTCODE = re.compile(rf"(?<![\w-])(?:{_POSTCODE}|{_LOWER_POSTCODE})(?![\w-])")
# A postcode said in pieces, its letters and digits one at a time or in groups, digits in words ("L S six, four Q T",
# "CF14, 2 D J", "H91, F2X6"): its characters run together are a postcode's.
_RUN_TOGETHER_POSTCODE = re.compile(_POSTCODE.replace(r"\s?", ""))
_POSTCODE_PIECE = re.compile(r"[A-Z\d]{1,4}", re.ASCII)


# Where the other side told they live or are moving asks the one answering for no address: "I'm moving to Kilimanj
# next month." / "We have 30 megabits for 2,900 shilling, ..." (said, its words are lower case and unpunctuated)
_OWN_MOVE_TOLD = re.compile(
    r"\b(?:i|we)(?:'m| am|'re| are|'ve| have|'d| had)?(?: just| recently| soon)? "
    r"(?:live|living|moved|moving) (?:at|to)\b"
)


def answered_addresses(segments: Sequence[Segment], tokens: Sequence[Token]) -> Iterable[TextSpan]:
    """A house number and what follows it, at the start of an answer to "address?" or right after "I live at"."""
    texts = {segment.index: segment.text for segment in segments}
    words_of: dict[int, list[Token]] = {}
    for token in tokens:
        words_of.setdefault(token.segment, []).append(token)
    addressed: set[int] = set()  # segments an address was found in
    for segment, said_before, gone_on_from in answers(segments, tokens, going_on=True):
        asked = _OWN_MOVE_TOLD.sub("", said_before)
        spoken = words_of.get(segment.index, [])
        if gone_on_from is not None and not (gone_on_from in addressed or ADDRESS.search(texts[gone_on_from])):
            asked = ""  # only an address's first half is gone on from: "Same as before," / "Okay." / "Order 5501 ..."
        rest = _PLACE_AND_CODE.match(segment.text, _lead_in_end(segment.text)) if gone_on_from is not None else None
        # after a turn that began an address, asked for or not: "Apartment 4, Seaview Terrace," / "Yep." / "Galway, ..."
        begun = (
            gone_on_from is not None
            and rest is not None
            and not segment.text[rest.end() :].strip(SENTENCE_MARKS + " ")
            and (gone_on_from in addressed or ADDRESS.search(texts[gone_on_from]) is not None)
        )
        if rest is not None and (ADDRESS_CONTEXT.search(asked) or begun):
            addressed.add(segment.index)
            yield TextSpan(segment.index, rest.start(), rest.end())
        elif place := _place_after_address(segment, texts, addressed):
            addressed.add(segment.index)
            yield TextSpan(segment.index, *place)
        elif region_code := _code_after_region(segment, texts, addressed):
            addressed.add(segment.index)
            yield TextSpan(segment.index, *region_code)
        elif gone_on_from is not None and (going_on := _district_going_on(segment.text, texts[gone_on_from])):
            # "Flat 4, 118 Ranelagh Road," / "Mm-hmm." / "Dublin 6."
            addressed.add(segment.index)
            yield TextSpan(segment.index, *going_on)
        begins_as_address = _ADDRESS_BEGINS.match(segment.text, _lead_in_end(segment.text)) is not None
        if segment.index not in addressed and ADDRESS_CONTEXT.search(asked) and not begins_as_address:
            # a postcode written in capitals anywhere in the answer, with the place it is at: "I'm in the bothy up at
            # Corrour, PH30 4AA." (an answer that begins as an address is read whole from its start below)
            for code in _CODE_IN_ANSWER.finditer(segment.text):
                addressed.add(segment.index)
                yield TextSpan(segment.index, code.start("place") if code.group("place") else code.start(), code.end())
        # "SW1A 2AA." answering "your postcode?", or read back just after it was given ("CF14 2DJ, great.")
        said_before = window_before(tokens, spoken[0].position) if spoken else ""
        if _POSTCODE_ASKED.search(asked) or _POSTCODE_ASKED.search(said_before):
            for code in _LONE_POSTCODE.finditer(segment.text):
                yield TextSpan(segment.index, code.start(), code.end())
            yield from _postcodes_in_pieces(spoken)
        if _address_said_before(segment.index, texts, addressed):
            for district in _DISTRICT_ALONE.finditer(segment.text):
                if _district_read_back(district.group(), segment.index, texts):  # "Dublin 8, and have you an Eircode?"
                    yield TextSpan(segment.index, district.start(), district.end())
            if _PIN_ASKED.search(asked) and (pin := _pin_alone(spoken)):  # "And the PIN?" / "Five six double oh, ..."
                yield pin
        elif _PIN_CODE_ASKED.search(asked) and (pin := _pin_alone(spoken)):
            yield pin  # "And the PIN code?" / "PIN code is 560 034.": a place's code, though no address came before
        if gone_on_from is None and _HOUSE_NUMBER_ASKED.search(asked) and (number := _house_number_alone(segment.text)):
            yield TextSpan(segment.index, *number)
        house_asked = ADDRESS_CONTEXT.search(asked) or _HOUSE_NAME_ASKED.search(asked)
        if house_asked and (house_named := _NAMED_HOUSE_ANSWERED.match(segment.text, _lead_in_end(segment.text))):
            addressed.add(segment.index)
            yield TextSpan(segment.index, house_named.start(), house_named.end())
        for unit in _units_given_after_named(segment.text):
            yield TextSpan(segment.index, *unit)
        yield from _corrected_zip(spoken, tokens)
        if gone_on_from is not None:
            yield from _address_split_over(segment, gone_on_from, texts[gone_on_from], gone_on_from in addressed)
        for house in _houses_of_someone_named(segment.text):
            addressed.add(segment.index)
            yield TextSpan(segment.index, *house)
        for in_pieces in _postcodes_in_pieces(spoken):
            if head := _BEFORE_POSTCODE_IN_PIECES.search(segment.text, 0, in_pieces.start):
                yield TextSpan(segment.index, head.start(), in_pieces.end)
        for match in [*_ANSWERED_ADDRESS.finditer(segment.text), *_PIN_ADDRESS.finditer(segment.text)]:
            said = match.group("words").replace(",", " ").split()
            words = [word.lower() for word in said]
            named = match.re is _ANSWERED_ADDRESS and match.group("named")
            if not named and (words[0] in _NOT_STREET_WORDS or words[0] in UNITS):
                continue  # "2 seconds", "5 minutes"; not a house number named: "House number 4, second ..."
            if re.match(r",\s+(?:the|a|an)\b", match.group("words")):
                continue  # a room or a number, then a new clause: "moved to 318, the breakfast was ..."
            if all(_NUMBER_WORD.fullmatch(word) or word in _NOT_STREET_WORDS for word in words):
                continue  # digits said in words, not a street: "Oh nine oh six eighty four, and ..."
            start = match.start()
            if match.re is _PIN_ADDRESS:
                if said[0].rstrip(".") in NOT_NAMES:  # "Thanks, Ngozi, ...": words said to someone
                    continue
                start = _lead_in_end(segment.text, start)  # "It's Anand Bhavan, ..."
            start = unit_said_before(segment.text, start)  # "Blk 9 Lot 12, Camella Homes, ..."
            before = segment.text[:start].lower()
            at_answer_start = len(before.split()) <= ANSWER_LEAD_WORDS and ADDRESS_CONTEXT.search(asked)
            # where one leaves, only a house's number and name and its town: "moving out of 7 Ashgrove, Naas"
            left = _LEFT_FROM.search(before) is not None and _HOUSE_AND_TOWN.match(segment.text, start) is not None
            # a house's number named, then its parts listed, is one unasked: "it's house number 23, 4th cross, ..."
            listed = named and segment.text.startswith(",", match.end("named"))
            context = ADDRESS_CONTEXT.search(" ".join(before.split()[-ANSWER_LEAD_WORDS:]))
            if at_answer_start or left or listed or context:
                addressed.add(segment.index)
                end = _through_town(segment.text, start, _through_postcode(segment.text, start, match.end()))
                if born := _BORN_AFTER.search(segment.text, start, end):
                    end = born.start()
                yield TextSpan(segment.index, start, end)
    for spoken in words_of.values():
        yield from _postcodes_named_in_pieces(spoken)


# A birth date said after an address, whose year is no postcode: "..., she's at 57 rue Saint-Paul in Quebec City, born
# March 3rd 1941".
_BORN_AFTER = re.compile(r",\s+(?i:born|dob|date of birth)\b")

_POSTCODE_NAMED_WORDS = 4  # "the postcode is", "and the post code is um"


def _postcodes_named_in_pieces(said: Sequence[Token]) -> Iterable[TextSpan]:
    """A postcode said in pieces after the speaker named it in the same breath, unasked: "The postcode is E C 1 A,
    1 B B", "my post code's G two, three A B"."""
    for code in _postcodes_in_pieces(said):
        first = next(index for index, token in enumerate(said) if token.start == code.start)
        before = " ".join(token.norm for token in said[max(0, first - _POSTCODE_NAMED_WORDS) : first])
        if _POSTCODE_ASKED.search(before) and not _ZIP_ONLY.search(before):
            yield code


_ZIP_ONLY = re.compile(r"zip")  # a ZIP code is digits alone: "zip is 9 0 2 1 0" is read with the numbers


# Whisper ends a segment in the middle of a sentence, after a comma: an address's code may start the next one
# ("331 Willow Creek Road, Tucson, Arizona," / "85719."), or its town and code may follow a street said without its
# number ("still at Commander Street," / "Pinelands, Cape Town, 7405.").
_CODE_GOING_ON = re.compile(r"\s*(?:\.\.\.|\u2026)?(?P<code>\d{3,6}(?:\s+\d{1,3})?)\b")
_STREET_ENDING_SEGMENT = re.compile(
    rf"(?<![\w'])(?:[A-Z][\w'-]*\s+){{1,3}}(?:{_STREET_KINDS.title()}|{_CAPITALISED_STREET_KINDS})\b\.?\s*,\s*$"
)


# The town and county an answered address goes on with in the next segment, however heard, up to where the
# sentence or its clause ends: "It's 14 riverside drive," / "castle troids, limerick, and I code this ...". Its words
# are none a sentence is otherwise made of, nor numbers.
_PLACE_WORD = (
    rf"(?!(?i:{_NOT_STREET_NAME_WORDS}|{_NOT_PLACE_WORDS}|{NUMBER_WORD}|please|thanks|thank|sorry|yes|no)\b)"
    r"[A-Za-z][\w'-]*"
)
_PLACES_GOING_ON = re.compile(
    rf"\s*(?:\.\.\.|\u2026)?(?P<places>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}}(?:,\s+{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}}){{0,3}})"
    r"(?=\s*(?:[.?!]\s*)?$|,\s+(?i:and|but|so|then)\b)"
)


# A street named by its kind with its house number ending a segment, its postcode and city ending the speaker's next
# one, a few words of floor and door before them: "9 Rue des Martyrs," / "fourth floor, on the left... 75009 Paris."
_CONTINENTAL_STREET_ENDING_SEGMENT = re.compile(
    r"(?P<street>\b\d+[A-Za-z]?,?\s+(?i:rue|avenue|av|boulevard|bd|chemin|allée|allee|place|quai|impasse|via|viale|"
    r"calle|avenida|rua|piazza|plaza|paseo|carrer|strada)\b(?:\s+[\w'\u2019.-]+){1,4}?"
    r"|(?-i:Rue|Via|Calle|Avenida|Rua|Piazza|Plaza|Paseo|Carrer|Strada)(?:\s+[\w'\u2019.-]+){1,4}?,?\s+\d+[A-Za-z]?"
    rf"|{_STREET_KIND_ENDING},?\s+{_CONTINENTAL_HOUSE_NUMBER})\s*,\s*$"
)
_FLOOR_WORDS_BEFORE_CODE = 6
_CONTINENTAL_CODE_ENDING = re.compile(
    rf"(?:[\w'.-]+[\s,.…]+){{0,{_FLOOR_WORDS_BEFORE_CODE}}}?\d{{4,5}}\s+(?:[A-Z]{{2}}\s+)?{_CONTINENTAL_CITY}"
    r"(?=\s*[.!?]?\s*$)"
)


def _address_split_over(
    segment: Segment, before_index: int, before: str, answered_before: bool = False
) -> Iterable[TextSpan]:
    """The rest of an address that segment ``before`` ended in, after a comma, where ``segment`` goes on with it
    (``answered_before``: an answered address was found in ``before``)."""
    if not before.rstrip().endswith((",", *ELLIPSES)):  # a list, or a pause: "Plot 27, Bode Thomas Street..."
        return
    ends_address = any(
        not before[match.end() :].strip(SENTENCE_MARKS + " ") for p in _WHOLE_ADDRESSES for match in p.finditer(before)
    )
    code = _CODE_GOING_ON.match(segment.text)
    if ends_address and code is not None:
        yield TextSpan(segment.index, code.start("code"), code.end("code"))
        return
    places = _PLACES_GOING_ON.match(segment.text)
    if (ends_address or answered_before) and places is not None:
        yield TextSpan(segment.index, places.start("places"), places.end("places"))
        return
    continental = _CONTINENTAL_STREET_ENDING_SEGMENT.search(before)
    code_and_city = _CONTINENTAL_CODE_ENDING.match(segment.text, _lead_in_end(segment.text))
    if continental is not None and code_and_city is not None:
        # "It's 9 Rue des Martyrs," / "Mm-hmm." / "fourth floor, on the left... 75009 Paris."
        yield TextSpan(before_index, continental.start("street"), continental.end("street"))
        yield TextSpan(segment.index, code_and_city.start(), code_and_city.end())
        return
    street = _STREET_ENDING_SEGMENT.search(before)
    place = _PLACE_AND_CODE.match(segment.text, _lead_in_end(segment.text))
    if street is not None and place is not None and not segment.text[place.end() :].strip(SENTENCE_MARKS + " "):
        yield TextSpan(before_index, street.start(), street.end())
        yield TextSpan(segment.index, place.start(), place.end())


def _through_postcode(text: str, start: int, end: int) -> int:
    """Where an address from ``start`` to ``end`` ends: at its postcode, if one is in it ("..., G1R 1T1 please")."""
    codes = list(_LONE_POSTCODE.finditer(text, start, end))
    return codes[-1].end() if codes else end


# Said right before the address one leaves; a weaker cue than one asked for or lived at ("moved from 2 plans to 1").
_LEFT_FROM = re.compile(r"\b(?:moved|moving) (?:out of|from)\s+$")
_HOUSE_AND_TOWN = re.compile(r"\d+[A-Za-z]?\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2},\s+[A-Z]")
# A house and its town where someone named is, whatever the street is called: "... for Gregor Lindqvist at 9 Ferny
# Rise, Albury".
_SOMEONE_AT_HOUSE = re.compile(
    r"(?<![\w'])(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){1,2})\s+at\s+"
    r"(?P<house>\d+[A-Za-z]?(?:\s+[A-Z][\w'-]*){1,3},\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)"
)


def _houses_of_someone_named(text: str) -> Iterable[tuple[int, int]]:
    """Where the houses are that someone named in ``text`` is said to be at."""
    for match in _SOMEONE_AT_HOUSE.finditer(text):
        if not any(word in NOT_NAMES or word.lower() in MONTHS for word in match.group("name").split()):
            yield match.start("house"), match.end("house")


# A town after a comma or "in", then only words in lower case: what is said next, not the address ("..., Naas on the
# 1st", "... in Dundee now", "... in Quebec City, and the bill's").
_TOWN_THEN_TALK = re.compile(r"(?:,|\s+in)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?(?=,?(?:\s+[a-z][\w'-]*)+[.,;!?]?\s*$)")


def _through_town(text: str, start: int, end: int) -> int:
    """Where an address from ``start`` to ``end`` ends: at its town, where only words in lower case follow it in the
    match ("7 Ashgrove, Naas on the 1st and into"); the whole match where the address is said all in lower case."""
    said = text[start:end]
    if said == said.lower():
        return end
    towns = list(_TOWN_THEN_TALK.finditer(text, start, end))
    return towns[-1].end() if towns else end


# A city and its numbered postal district said alone, as its own clause, read back from the address just given:
# "Dublin 8, and ..."; not "our Dublin 2 office", nor "Thursday 12," said after an address.
_DISTRICT_ALONE = re.compile(r"(?<![\w'])[A-Z][a-z]+\s+\d{1,2}[Ww]?(?=\s*(?:[.,;!?]|$))")
# An Indian postcode asked for by its name: the answer of six digits alone, after an address was given.
_PIN_ASKED = re.compile(r"\b(pin|pin code|pincode)\b")
_PIN_CODE_ASKED = re.compile(r"\b(pin code|pincode)\b")  # not a card's PIN
_PIN_NAMED = frozenset({"pin", "code", "pincode", "is"})  # said before it: "PIN code is 560 034."
_PIN_LENGTH = 6


def _pin_alone(said: Sequence[Token]) -> TextSpan | None:
    """The answer that is six digits and nothing else but fillers ("Five six double oh, six six.")."""
    lead = 0
    leads = _CORRECTING | _BETWEEN_PIECES | _PIN_NAMED | {"it's", "its", "yes", "yeah"}
    while lead < len(said) and said[lead].norm in leads:
        lead += 1
    digits = said[lead:]
    if not digits or not all(
        digits_of(t) is not None or t.norm in REPEATS or t.norm in _BETWEEN_PIECES for t in digits
    ):
        return None
    if len(digits_said(digits)) != _PIN_LENGTH:
        return None
    return TextSpan(digits[0].segment, digits[0].start, digits[-1].end)


def _district_going_on(text: str, before: str) -> tuple[int, int] | None:
    """Where a city and its postal district are, said alone after a backchannel to finish the address ``before``
    ended with."""
    district = _DISTRICT_ALONE.match(text, _lead_in_end(text))
    if district is None or text[district.end() :].strip(SENTENCE_MARKS + " "):
        return None
    ends_address = any(
        not before[match.end() :].strip(SENTENCE_MARKS + " ") for p in _WHOLE_ADDRESSES for match in p.finditer(before)
    )
    return (district.start(), district.end()) if ends_address else None


def _district_read_back(district: str, index: int, texts: dict[int, str]) -> bool:
    """Whether ``district`` ends an address said in the turns just before segment ``index``."""
    return any(
        district in match.group()
        for near in range(index - _TURNS_BACK_TO_ADDRESS, index)
        if (said := texts.get(near)) is not None
        for pattern in _WHOLE_ADDRESSES
        for match in pattern.finditer(said)
    )


def _address_said_before(index: int, texts: dict[int, str], addressed: set[int]) -> bool:
    """Whether an address was found in the turns just before segment ``index``."""
    return any(
        near in addressed or ((said := texts.get(near)) is not None and any(p.search(said) for p in _WHOLE_ADDRESSES))
        for near in range(index - _TURNS_BACK_TO_ADDRESS, index)
    )


def _place_after_address(segment: Segment, texts: dict[int, str], addressed: set[int]) -> tuple[int, int] | None:
    """Where a town, suburb or state and its code are, said alone right after an address in the turns before."""
    text = segment.text
    start = _lead_in_end(text)
    pattern = _LOWER_PLACE_AND_CODE if text == text.lower() else _PLACE_AND_CODE
    place = pattern.match(text, start)
    if place is None or text[place.end() :].strip(SENTENCE_MARKS + " "):
        return None
    if any(word.strip(",").lower() in MONTHS for word in place.group("words").split()):
        return None  # a month and a year: "Yes. March 2019."
    if not _address_said_before(segment.index, texts, addressed):
        return None
    return place.start() if pattern is _PLACE_AND_CODE else place.start("words"), place.end()  # not "in"


# An address said up to its state or province, no code with it ("I'll send it to 2207 Pine Hollow Road, Boone, North
# Carolina?"), and a code alone in the turn right after ("Yep, 28607."): the address's code.
_ENDS_IN_REGION = re.compile(rf"(?:{_REGIONS}|\b{_US_STATE_CODES})[?.]?\s*$")
_CODE_ALONE = re.compile(r"(?:\d{5}(?:-\d{4})?|\d{4})(?=[.!]?\s*$)")  # a ZIP, or an Australian postcode


def _code_after_region(segment: Segment, texts: dict[int, str], addressed: set[int]) -> tuple[int, int] | None:
    """Where the code is that goes with an address said to its region in the turn before, alone in this one."""
    if not _ENDS_IN_REGION.search(texts.get(segment.index - 1, "")):
        return None
    code = _CODE_ALONE.match(segment.text, _lead_in_end(segment.text))
    if code is None or not _address_said_before(segment.index, texts, addressed):
        return None
    return code.start(), code.end()


def _postcode_piece(token: Token) -> str | None:
    """The characters of a postcode a word may be: capitals and digits ("CF14", "D", "4QT"), or a number in words
    (a district's two digits said as one: "B, fifteen, two, T, T")."""
    core = token.text.strip(PUNCTUATION)[token.hyphen_led :]  # "CF -10, 4 -PQ"
    if _POSTCODE_PIECE.fullmatch(core):
        return core
    return DIGIT_WORDS.get(token.norm)


def _postcodes_in_pieces(said: Sequence[Token]) -> Iterable[TextSpan]:
    """The postcodes said in pieces in one segment's words ``said``: from each word on, the longest run of pieces
    that are a postcode together."""
    index = 0
    while index < len(said):
        pieces, found = "", None
        for end in range(index, len(said)):
            if end > index and said[end].norm in _BETWEEN_PIECES:
                continue  # "D08, then K, Y, 4, 7"
            piece = _postcode_piece(said[end])
            if piece is None or len(pieces) >= _LONGEST_POSTCODE:
                break
            pieces += piece
            if end > index and _RUN_TOGETHER_POSTCODE.fullmatch(pieces):
                found = end
        if found is None:
            index += 1
            continue
        yield TextSpan(said[index].segment, said[index].start, said[found].end)
        index = found + 1


_LONGEST_POSTCODE = 7  # characters, without the space: "SW1A2AA", "D02WR97"
_BETWEEN_PIECES = {"then", "and", "um", "uh", "er"}

# Asked for the number of the house alone ("and the house number?"), the answer that is only a number is it.
_HOUSE_NUMBER_ASKED = re.compile(r"\b(house|door|flat|apartment|building|street) (number|no)\b")
_HOUSE_NUMBER_ALONE = re.compile(
    r"(?P<number>(?:(?i:flat|apartment|apt|unit|suite)\.?\s+)?"  # "Yes, flat 5B."
    rf"(?:\d+[A-Za-z]?|(?i:{NUMBER_WORD})(?:[\s-]+(?i:{NUMBER_WORD})){{0,3}}(?:\s+[A-Z]\b)?))[.!]?\s*$"
)
# A flat's number given where the flat's number was named before it in the same breath: "The label is missing the
# flat number, I'll update it to flat 502."
_UNIT_NUMBER_NAMED = re.compile(r"\b(?i:flat|apartment|unit|suite) (?i:number|no)\b")
_UNIT_GIVEN = re.compile(r"\b(?i:flat|apartment|apt|unit|suite)\.?\s+\d+[A-Za-z]?\b")


def _units_given_after_named(text: str) -> Iterable[tuple[int, int]]:
    """Where a flat is given with its number after its number was named in ``text``."""
    named = _UNIT_NUMBER_NAMED.search(text)
    if named is not None:
        for unit in _UNIT_GIVEN.finditer(text, named.end()):
            yield unit.span()


# A house known by its name, given alone or with its street or places, as the answer to where one lives: "Glebe
# Farmhouse, Little Hadham, no number.", "Is there a house name?" / "Yeah, Rose Cottage."
_HOUSE_NAME_ASKED = re.compile(r"\bhouse name\b")
_NAMED_HOUSE_ANSWERED = re.compile(
    rf"(?:The\s+)?(?:[A-Z][\w'-]*\s+){{1,2}}{_HOUSE_WORD}\b(?:,\s+{_PLACE_WORDS}){{0,3}}"
)


def _house_number_alone(text: str) -> tuple[int, int] | None:
    """Where the number is in an answer that is a house number alone, after a lead-in ("It's 43.", "Forty three")."""
    alone = _HOUSE_NUMBER_ALONE.match(text, _lead_in_end(text))
    return (alone.start("number"), alone.end("number")) if alone else None


# Said before a number given again in place of the one before: "Sorry, nine oh two one two."
_CORRECTING = {"sorry", "no", "actually", "wait", "mean"}
_ZIP_LENGTHS = (5, 9)


def _corrected_zip(said: Sequence[Token], tokens: Sequence[Token]) -> Iterable[TextSpan]:
    """A ZIP code said again right after one was asked for and given: a turn of a correction and five (or nine)
    digits alone, by a speaker who gave digits before, the ZIP the last thing asked for."""
    lead = 0
    while lead < len(said) and said[lead].norm in _CORRECTING | {"i", "um", "uh"}:
        lead += 1
    digits = said[lead:]
    if not digits or not any(t.norm in _CORRECTING for t in said[:lead]):
        return
    if not all(digits_of(t) is not None or t.norm in REPEATS for t in digits) or digits[0].norm in REPEATS:
        return
    if len(digits_said(digits)) not in _ZIP_LENGTHS:
        return
    window = window_before(tokens, digits[0].position)
    asked = {
        kind: distance
        for kind, pattern in ASKED_CONTEXTS.items()
        if (distance := nearest_match(pattern, window)) is not None
    }
    nearest = min(asked, key=asked.__getitem__, default=None)  # the ZIP asked for last, not "the member number?"
    if nearest is EntityType.ADDRESS and previous_number(tokens, digits[0].position) is not None:
        yield TextSpan(digits[0].segment, digits[0].start, digits[-1].end)


# Asked for an address, a reply that starts with a house's or a flat's number is the address, to the end of its
# sentence, however recognition garbled the street and the town ("Flatsix, Larkport, ..., London," / "SE -15, for
# J -R."): a digit or a word for where one lives among its first few words.
_DWELLING_WORDS = r"(?i:flat\w*|unit|apartment|apt|suite|house|floor|block|box|route|rural|post office|p\.? ?o\.?)"
# It may begin with the floor ("fourth floor, Sunrise Heights, ...") or a New Zealand rural delivery round ("RD 2,
# 318 Kaipara Road", said "R D two").
_ADDRESS_BEGINS = re.compile(
    rf"(?:[^\s.?!]+\s+){{0,2}}?(?P<at>\d|(?:(?i:{_ORDINAL_WORDS})|\d{{1,2}}(?:st|nd|rd|th))\s+(?i:floor)\b"
    rf"|R\.?\s?D\.?\s+(?=\d|(?i:{NUMBER_WORD})\b)|{_DWELLING_WORDS}\b)"
)
# after "deliver it to", whose house it is may come first: "my mum's, Morag MacLeod, 12 ..."
_TOLD_ADDRESS_BEGINS = re.compile(_ADDRESS_BEGINS.pattern.replace("{0,2}", "{0,5}"))
_NAMED_AFTER = re.compile(r"(?<![\w'-])[A-Z][a-z]")  # a street's, a town's or a building's name
_AFTER_NUMBER = re.compile(r"[\d .,-]*\s*(?P<word>[\w']+)")
# Told, not asked: where the address starts after "the address is" or "should go to" / "deliver it to".
_ADDRESS_TOLD = re.compile(
    r"(?i:\b(?:the|my|our) (?:new |home |mailing |delivery )?address is|\b(?:should|can|will|to) go to"
    r"|\b(?:deliver|send|ship|post|bring) (?:it|them) to|\b(?:be|been|being) (?:delivered|sent|shipped|posted) to)\s+"
)
# Where the address ends: its sentence's end, or a courtesy, a correction or who it is for said after it ("..., ask for
# Ade at the gate").
_SENTENCE_END = re.compile(
    r"[.?!](?=\s+[A-Z]|\s*$)|,?\s+(?i:please|thanks|thank you|okay|ok|cheers|care of|c/o|no|sorry|i mean|actually"
    r"|that's|that is|which is|ask for)\b"
    # a new clause about something else: "19 Ashgrove Terrace, and it's the 2nd of October '64"
    rf"|,?\s+and\s+(?i:{_CLAUSE_AFTER_AND})\b"
    # how long ago, or for how long: "We left 5 Oak Road, Leeds 3 years ago"
    r"|\s+(?=\d+\s+(?:years|months|weeks|days)\b)"
)


def answers_as_addresses(segments: Sequence[Segment], tokens: Sequence[Token]) -> Iterable[TextSpan]:
    """A reply to "your address?" that starts with a number or a flat, or what follows "the address is": the address
    to the end of its sentence, going on into its speaker's next segment where that one ended mid-sentence."""
    following = {a.index: b for a, b in pairwise(segments) if a.speaker == b.speaker}
    preceding = {b.index: a for a, b in pairwise(segments) if a.speaker == b.speaker}
    for segment, asked, _ in answers(segments, tokens):
        going_on = following.get(segment.index)
        # what the address's sentence may take in: this segment, and the next where this one ends mid-sentence
        said = f"{segment.text} {going_on.text}" if going_on and segment.text.rstrip().endswith(",") else segment.text
        starts = []
        before = preceding.get(segment.index)
        moved = before is not None and _MOVED.search(before.text) is not None
        # an answer that starts with a flat is one, whatever the question was heard as ("And your form and rest,
        # please?" / "Flatsix, Larkport, ..., London,")
        flat_first = _FLAT_FIRST.match(segment.text, _lead_in_end(segment.text)) is not None
        if ADDRESS_CONTEXT.search(asked) or moved or flat_first:
            lead = _lead_in_end(segment.text)
            # "To my cousin's place, flat 20, ...": where to, answering "where should we deliver it?"
            to = _TO.match(said, lead)
            begins = _TOLD_ADDRESS_BEGINS.match(said, to.end()) if to else _ADDRESS_BEGINS.match(said, lead)
            if begins and len(said[:lead].split()) <= ANSWER_LEAD_WORDS and _a_place(said, begins, moved):
                starts.append(begins.start("at"))
        for told in _ADDRESS_TOLD.finditer(segment.text):
            begins = _TOLD_ADDRESS_BEGINS.match(said, told.end())
            if begins and _a_place(said, begins):
                starts.append(begins.start("at"))
        for start in starts[:1]:
            yield from _to_sentence_end(segment, start, following)
    yield from _addresses_read_back_for_checking(segments)
    yield from _addresses_still_lived_at(segments)
    yield from _addresses_moved_between(segments)


# Told where one moved from and to, both in one sentence: "I moved from Gedimino prospektas 9-14, LT-01103 Vilnius to
# Unit 1205, Tower 2, Avida Residences, Santa Rosa, Laguna 4026 in March": each of the two, up to when it was, a new
# clause or the sentence's end. Each is told in parts, with a number and a capitalised name ("moved from London to
# Leeds in 2019", "from Flat 2 to Flat 5" hold no address in parts).
_MOVED_FROM_TO = re.compile(
    r"\b(?i:moved|moving|relocated|relocating)\s+(?i:from)\s+(?P<old>[^.!?;]{2,120}?)\s+(?i:to)\s+"
    r"(?P<new>[^.!?;]{2,120}?)"
    r"(?=\s+(?i:in|on|last|this|back in|since|about|around|a|two|three|four|five|six)\s+(?i:the\s+)?"
    r"(?:[A-Z][a-z]+|\d{4}|(?i:week|month|year|weeks|months|years|summer|spring|autumn|fall|winter)\b)"
    r"|,?\s+(?i:and|but|so)\s|\s*[.!?;]|\s*$)"
)
_NUMBER_IN_ADDRESS = re.compile(rf"\d|\b(?i:{NUMBER_WORD})\b")


def _addresses_moved_between(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    for segment in segments:
        for moved in _MOVED_FROM_TO.finditer(segment.text):
            for part in ("old", "new"):
                said = moved.group(part)
                if "," in said and _NUMBER_IN_ADDRESS.search(said) and _NAMED_AFTER.search(said):
                    yield TextSpan(segment.index, moved.start(part), moved.end(part))


# The address on file read back as a question, whether one still lives there, however the street and the town were
# heard: "Is he still at 7 mil cargages, St. Tostell, PL 25, 4 EX?" (7 Mill Cottages, Saint Austell, PL25 4BX): from
# the house number to the question mark, its parts after commas, none of them what is said of it ("..., you reckon?").
_STILL_AT = re.compile(
    r"\b(?i:you|he|she|they|you're|he's|she's|they're) still (?i:at|living at)\s+"
    r"(?P<address>\d+[A-Za-z]?\s+(?P<street>[\w'-]+)[^?]*?(?:,\s*(?=\S)(?!(?i:you|i|we|he|she|they|right|yes|no|correct|"
    r"is|isn't|don't|do|does|yeah|then|or|and|still|please)\b)[^,?]+)+)\?\s*$"
)


def _addresses_still_lived_at(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    for segment in segments:
        still = _STILL_AT.search(segment.text)
        if still is not None and still.group("street").lower() not in _NOT_STREET_WORDS | UNITS:
            yield TextSpan(segment.index, still.start("address"), still.end("address"))


# Asked whether the address is still the one on file, then read out by the same speaker in the segments after, as a
# question: "And is this still the address?" / "I nurtured close," / "Heragate 82, 7DS?" (9 Orchard Close, Harrogate,
# HG2 7JS), however the street and the town were heard.
# Or told where something goes, then asked whether it is still there: "New cards will go to your home address." /
# "Is that still 12 bitching lies?" (12 Ditching Rise).
_ADDRESS_QUESTION_ENDING = re.compile(r"(?<!email )(?<!e-mail )(?<!web )\baddress\s*\?\s*$", re.IGNORECASE)
_ADDRESS_TOLD_ENDING = re.compile(r"(?<!email )(?<!e-mail )(?<!web )\baddress\s*\.\s*$", re.IGNORECASE)
_STILL_THERE_ASKED = re.compile(
    r"\s*(?i:is (?:that|it|this) still|still)(?:\s+(?i:at))?\s+(?=\d)"
    # a house number, not a count: "Is that still 10 working days?"
    r"(?!\d+\s+(?i:working|business|days?|weeks?|months?|years?|hours?|minutes?|pounds?|dollars?|euros?|rand|"
    r"percent)\b)"
)
_READ_BACK_SEGMENTS = 2
_READ_BACK_WORDS = 12


def _addresses_read_back_for_checking(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    ordered = in_time_order(segments)
    for position, asking in enumerate(ordered):
        asked = _ADDRESS_QUESTION_ENDING.search(asking.text) is not None
        next_one = ordered[position + 1] if position + 1 < len(ordered) else None
        still = _STILL_THERE_ASKED.match(next_one.text) if next_one is not None else None
        if not asked and not (_ADDRESS_TOLD_ENDING.search(asking.text) and still):
            continue
        read: list[Segment] = []
        for segment in ordered[position + 1 : position + 1 + _READ_BACK_SEGMENTS]:
            if segment.speaker != asking.speaker or len(segment.text.split()) > _READ_BACK_WORDS:
                break
            read.append(segment)
            if segment.text.rstrip().endswith("?"):
                break
        said = " ".join(segment.text for segment in read)
        if read and read[-1].text.rstrip().endswith("?") and re.search(r"\d", said):
            for segment in read:
                start = still.end() if still and segment is next_one else _lead_in_end(segment.text)
                yield TextSpan(segment.index, start, len(segment.text.rstrip(" ,?")))


_TO = re.compile(r"(?i:to)\s")
# A flat and its number, the number maybe run together with it, then a building's or a street's name and a comma:
# "Flat 6, Larkspur Court,", "Flatsix, Larkport,".
_FLAT_FIRST = re.compile(
    rf"(?i:flat|apartment|apt|unit)\s*(?i:number\s+)?(?:\d+[A-Za-z]?|(?i:{NUMBER_WORD}))\b,"
    r"\s+(?!(?:The|It|It's|I|I'm|That|This|Which|And|But|So|Or|Yes|No|Please|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|Today|Tomorrow|Tonight)\b)"
    rf"(?!(?i:{_MONTH_WORD})\b)[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){{0,2}},"
)
# Said to correct the address read back, the new one right after: "No, we moved." / "It's out 33 this avenue,"
_MOVED = re.compile(r"\b(?i:we|i|we've|i've|we have|i have)\s+(?i:just\s+|recently\s+)?(?i:moved)\s*[.!]\s*$")
# A street's kind right after the number, where nothing was heard capitalised: "33 this avenue"
_STREET_KIND_AFTER = re.compile(
    rf"[\d\s.,-]*(?:(?!(?i:to|of|and|or|for|in|on|at|by|from|with)\b)[\w'-]+\s+){{0,3}}(?i:{_STREET_KINDS})\b"
)


def _a_place(text: str, begins: re.Match[str], street_kind_enough: bool = False) -> bool:
    """Whether what begins at a number or a flat is a house with its street or town named, not a count of something
    ("12 years", "3 - 5 working days"); with ``street_kind_enough``, a street's kind after the number will do for
    its name ("33 this avenue")."""
    ends = _SENTENCE_END.search(text, begins.end())
    if not _NAMED_AFTER.search(text, begins.end(), ends.start() if ends else len(text)):
        after = _AFTER_NUMBER.match(text, begins.start("at"))
        return (
            street_kind_enough
            and text[begins.start("at")].isdigit()
            and _STREET_KIND_AFTER.match(text, begins.start("at")) is not None
            and (after is None or after.group("word").lower() not in _NOT_STREET_WORDS | UNITS)
        )
    if not text[begins.start("at")].isdigit():
        return True
    after = _AFTER_NUMBER.match(text, begins.start("at"))
    return after is None or (after.group("word").lower() not in _NOT_STREET_WORDS | UNITS)


# A date given after the address in the same breath ends it: "31 Sandymount Avenue, and -October 14th, '71."
_DATE_GIVEN_AFTER = re.compile(rf",?\s+and\s+-?(?i:{_MONTH_WORD})\b")


def _to_sentence_end(segment: Segment, start: int, following: dict[int, Segment]) -> Iterable[TextSpan]:
    sentence_end = _SENTENCE_END.search(segment.text, start)
    end = sentence_end.start() if sentence_end else len(segment.text.rstrip(" ,"))
    if date := _DATE_GIVEN_AFTER.search(segment.text, start, end):
        yield TextSpan(segment.index, start, date.start())
        return
    yield TextSpan(segment.index, start, end)
    going_on = following.get(segment.index)
    if sentence_end is None and going_on is not None and segment.text.rstrip().endswith(","):
        ends = _SENTENCE_END.search(going_on.text)
        yield TextSpan(going_on.index, 0, ends.start() if ends else len(going_on.text.rstrip(" ,")))


# Whisper ends a segment where the speaker only paused inside an address, often with a full stop: the town and its
# code come in the segments after ("It's 33 Disa Avenue." / "Kenilworth 7708?", "delivered to flat 204." / "Green
# Park Apartments." / "Koramangala, Bangalore 560034."). A segment that goes on so holds a few words and ends in a
# code: a ZIP, PIN or postal code of four to six digits, or a postcode, whole or in pieces ("M -5 -T -1 -G -4");
# one between holds a few capitalised words alone (a building's, a suburb's name).
_CODE_ENDING = re.compile(
    r"(?<![\w'-])(?P<code>\d{4,6}|\d{3}\s\d{3}|(?:[A-Z\d]{1,4}[\s,]+){0,5}[A-Z\d]{1,4})\s*[.?!,]?\s*$"
)
_GOING_ON_WORDS = 4
_NOT_AN_ADDRESS_S_WORDS = re.compile(
    r"\b(?i:number|code|pin|reference|ref|account|card|phone|mobile|is|was|my|your|our|his|her|their|that's|it's|"
    r"i|i'm|we|you|expiry|expires|security|date|born|birth|ending|ends|"
    # a year's: "Since 2019."
    r"since|in|from|until|till|by|before|after|year|back)\b"
)
_CAPITALISED_NAME = re.compile(r"\s*(?:[A-Z][\w'-]*,?\s+){0,3}[A-Z][\w'-]*[.,]?\s*$")
_GOING_ON_PAUSE_MS = 3000
# A flat or unit ending a segment where it is where something goes or someone is: "will be delivered to flat 204."
_UNIT_ENDING = re.compile(rf"\b(?i:to|at)\s+(?P<unit>{_UNIT_NAMED})\s*[.,]?\s*$")
_MIN_POSTCODE = 5  # letters and digits of a postcode in pieces: "M5T 1G4", "CR0 2AB"
_MAX_POSTCODE = 7


def _ends_in_code(text: str) -> bool:
    """Whether ``text`` is a few words (maybe none) ending in a postal code, and nothing else said."""
    start = _lead_in_end(text)
    code = _CODE_ENDING.search(text, start)
    if code is None:
        return False
    pieces = "".join(re.findall(r"[A-Za-z\d]", code.group("code")))
    digits = sum(c.isdigit() for c in pieces)
    whole_code = pieces.isdigit() and len(pieces) in (4, 5, 6)
    postcode = _MIN_POSTCODE <= len(pieces) <= _MAX_POSTCODE and 0 < digits < len(pieces)
    if not (whole_code or postcode):
        return False
    words = text[start : code.start()].split()
    return (
        len(words) <= _GOING_ON_WORDS
        and not any(re.search(r"\d", w) for w in words)
        and _NOT_AN_ADDRESS_S_WORDS.search(text[start : code.start()]) is None
    )


# The town told after an address and a landmark near it, or an aside: "plot 17, Adeola Odeku Street, just past the
# church, Victoria Island.", "..., opposite the Total petrol station, in Nakuru.", "58 Oxford Street, no, not the London
# one, Woodstock, Cape Town.", "4 Lighthouse Row, the one right on the harbour, Portsoy, AB45 2PB." (its postcode too)
_TOWN_AFTER_ASIDE = re.compile(
    r",\s+(?:(?i:(?:just\s+|right\s+)?(?:near|opposite|behind|beside|past|next\s+to|across\s+from|close\s+to)"
    r"|the\s+one\s+(?:just\s+|right\s+)?(?:on|by|at|near|opposite|behind|beside|next\s+to))"
    r"\s+(?:[\w'-]+\s+){0,4}?[\w'-]+"
    r"|(?i:no),\s+(?i:not\s+the)\s+[\w'-]+\s+(?i:one))"
    rf",\s+(?:in\s+)?(?P<town>{_PLACE_CAPITAL}[\w'-]*(?:\s+{_PLACE_CAPITAL}[\w'-]*){{0,2}}"
    rf"(?:,\s+{_PLACE_CAPITAL}[\w'-]*(?:\s+{_PLACE_CAPITAL}[\w'-]*)?)?(?:,?\s+{_POSTCODE})?)(?=\s*(?:[.!?]|$))"
)


def _no_town(words: str) -> bool:
    """Whether ``words`` hold a month or a word that is no name ("..., near the bank, Monday.")."""
    return any(word in NOT_NAMES or word.lower() in MONTHS for word in re.findall(r"[\w'-]+", words))


def towns_after_aside(segments: Sequence[Segment], addresses: Sequence[TextSpan]) -> Iterable[TextSpan]:
    """The town said right after an address found and a landmark near it, or an aside, ending what is said."""
    texts = {segment.index: segment.text for segment in segments}
    for span in addresses:
        match = _TOWN_AFTER_ASIDE.match(texts[span.segment], span.end)
        if match is not None and not _no_town(match.group("town")):
            yield TextSpan(span.segment, match.start("town"), match.end("town"))


def addresses_going_on(segments: Sequence[Segment], addresses: Sequence[TextSpan]) -> Iterable[TextSpan]:
    """The town and code of an address its speaker's next segments go on with, where an address found ends its
    segment, or a flat where something goes or someone is ("... delivered to flat 204."): up to two segments, the
    last ending in a code."""
    ordered = in_time_order(segments)
    at_end = {
        span.segment
        for span in addresses
        for segment in segments
        if segment.index == span.segment and not segment.text[span.end :].strip(SENTENCE_MARKS + " ")
    }
    for position, segment in enumerate(ordered):
        unit = _UNIT_ENDING.search(segment.text)
        if segment.index not in at_end and unit is None:
            continue
        going_on: list[Segment] = []
        for offset, nxt in enumerate(ordered[position + 1 : position + 3], start=position + 1):
            last = going_on[-1] if going_on else segment
            if nxt.speaker != segment.speaker or nxt.start_ms - last.end_ms > _GOING_ON_PAUSE_MS:
                break
            going_on.append(nxt)
            if _ends_turn_with_place(ordered, offset, going_on, segment):
                # no code, but the address found ended in a comma and the turn ends with the place: "House 12,
                # Ring Road," / "Off -3rd Avenue," / "Nairobi"
                yield from (TextSpan(part.index, 0, len(part.text.rstrip(" ,.?!"))) for part in going_on)
                break
            if _ends_in_code(nxt.text):
                if segment.index not in at_end and unit is not None:
                    yield TextSpan(segment.index, unit.start("unit"), unit.end("unit"))
                for part in going_on:
                    start = _lead_in_end(part.text)
                    yield TextSpan(part.index, start, len(part.text.rstrip(" ,.?!")))
                break
            if nxt.index in at_end or not _CAPITALISED_NAME.fullmatch(nxt.text, _lead_in_end(nxt.text)):
                break


# A flat or house said first, its segment ending in a comma: "Unit I, for the former in parade," / "Coulangata,
# Queensland, 4225." (Unit nine, forty-four Marine Parade, ...).
# Or it ends a segment after a sentence or an "it's": "I, I moved in March. It's flat 21," / "26th in London Road, ...".
_UNIT_SEGMENT_BEFORE = re.compile(
    r"(?:\s*|.*(?:[.!?]\s+|\b(?i:it's|it is|that's|that is)\s+))"
    r"(?P<unit>(?i:unit|flat|apartment|apt|suite|house|block|plot|lot)\b[^.!?]*),\s*$"
)


def addresses_begun_before(segments: Sequence[Segment], addresses: Sequence[TextSpan]) -> Iterable[TextSpan]:
    """The flat or house an address begins with in its speaker's segment before the one it is found at the start
    of, where that segment starts with one, or says it after a sentence or an "it's", and ends in a comma."""
    ordered = in_time_order(segments)
    texts = {segment.index: segment.text for segment in segments}
    starting = {span.segment for span in addresses if not texts[span.segment][: span.start].strip(" ,")}
    for before, segment in pairwise(ordered):
        if (
            segment.index in starting
            and before.speaker == segment.speaker
            and segment.start_ms - before.end_ms <= _GOING_ON_PAUSE_MS
            and (unit := _UNIT_SEGMENT_BEFORE.match(before.text))
        ):
            yield TextSpan(before.index, unit.start("unit"), unit.end("unit"))


def _ends_turn_with_place(
    ordered: Sequence[Segment], position: int, going_on: Sequence[Segment], address: Segment
) -> bool:
    """Whether ``going_on``, said after an address ending its segment in a comma, is a place's name or two that
    ends the speaker's turn: nothing after it from them before the other side speaks."""
    after = ordered[position + 1] if position + 1 < len(ordered) else None
    turn_ends = after is None or after.speaker != address.speaker
    return (
        turn_ends
        and address.text.rstrip().endswith(",")
        and all(part.text.rstrip().endswith(",") for part in going_on[:-1])
        and all(_PLACE_ALONE.fullmatch(part.text) for part in going_on)
    )


_NOT_PLACE_WORDS = (
    r"(?:Thanks|Thank|Yes|Yeah|Yep|No|Nope|Okay|Ok|Sorry|That|That's|Please|Right|Correct|Cheers|Bye|Hello|Hi|Sure|"
    r"Great|Lovely|Perfect|Fine|Good|Done|Wait|Hold|Actually|Um|Uh|Erm|Oh|And|Or|But|So|Then|Is|Was|It|It's)"
)
_PLACE_ALONE = re.compile(rf"\s*(?!{_NOT_PLACE_WORDS}\b)[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?[.,]?\s*")


def _lead_in_end(text: str, start: int = 0) -> int:
    """Where what is said from ``start`` on goes on after a lead-in ("Sure, it's")."""
    lead_in = _ANSWER_LEAD_IN.match(text, start)
    return lead_in.end() if lead_in else start


# Whole addresses, each a street, a named house or a flat with its place: said, what follows may go on with them.
_WHOLE_ADDRESSES = (
    ADDRESS, LOWER_CASE_ADDRESS, NAMED_HOUSE_ADDRESS, RURAL_HOUSE_ADDRESS, TOWER_FLAT_ADDRESS, POSTCODE_ADDRESS, PO_BOX,
    UNIT_ADDRESS, REGION_ADDRESS,
)  # fmt: skip


# A part of an address said again in one of the next segments, as its own clause, read back or put right: its
# postcode ("M1 3HE, thank you.", "1100-053, obrigado."), or its street and number ("17 rue des Lilas, and ...").
_SAID_AGAIN_WITHIN = 2  # segments after the address
_CLAUSE = re.compile(r"[^,.;:!?]+(?:[.,:](?=\d)[^,.;:!?]*)*")  # "00-238", "1.020": a point inside a number goes on
_MIN_DIGITS_ALONE = 5  # digits alone: a postcode, not a house number or a price ("1450", "129")


def address_parts_said_again(segments: Sequence[Segment], addresses: Sequence[TextSpan]) -> Iterable[TextSpan]:
    """The clauses of the next segments that repeat a part of an address just found, with a digit and either a
    letter or more digits than a house number has; or, asked back, a British or Canadian postcode alone that may
    have been misheard ("S10 2QF?" after "..., Sheffield, S10 2QR.")."""
    ordered = in_time_order(segments)
    position = {segment.index: at for at, segment in enumerate(ordered)}
    texts = {segment.index: segment.text for segment in segments}
    for address in addresses:
        said = _words(texts[address.segment][address.start : address.end])
        at = position[address.segment]
        for after in ordered[at + 1 : at + 1 + _SAID_AGAIN_WITHIN]:
            for clause in _CLAUSE.finditer(after.text):
                start = _lead_in_end(after.text, clause.start() + len(clause.group()) - len(clause.group().lstrip()))
                part = after.text[start : clause.end()].rstrip()
                digits = sum(c.isdigit() for c in part)
                if not digits or not (any(c.isalpha() for c in part) or digits >= _MIN_DIGITS_ALONE):
                    continue
                asked_back = after.text[start + len(part) :].lstrip().startswith("?")
                if f" {_words(part)} " in f" {said} " or (asked_back and _LONE_POSTCODE.fullmatch(part)):
                    yield TextSpan(after.index, start, start + len(part))


def _words(text: str) -> str:
    """``text`` in lower case, its words apart by single spaces, without punctuation but hyphens."""
    return " ".join(re.sub(r"[^\w\s-]", " ", text.lower()).split())


# A flat in a named building said alone, the other side asking for the postcode next ("Flat 7, Harbour View House." /
# "And the postcode?"): the first part of an address, its postcode to follow.
_UNIT_IN_BUILDING = re.compile(
    rf"{_UNIT_NAMED},\s+(?:The\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){{0,3}}(?:,\s+[A-Z][\w'-]+){{0,2}}(?=[.,]?$)"
)


def units_before_postcode_asked(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """A turn that is a flat and its building's name, where the other side asks for the postcode right after."""
    ordered = in_time_order(segments)
    for said, asked in pairwise(ordered):
        if asked.speaker == said.speaker or "?" not in asked.text or not _POSTCODE_ASKED.search(asked.text.lower()):
            continue
        if unit := _UNIT_IN_BUILDING.match(said.text, _lead_in_end(said.text)):
            yield TextSpan(said.index, unit.start(), unit.end())
