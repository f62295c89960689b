"""Phone numbers: checked with ``phonenumbers``, with the country code and extension said around them."""

from __future__ import annotations

import re
from collections.abc import Sequence

import phonenumbers

from shared.redaction.detection.context import (
    ANSWER_LEAD_INS,
    ASKED_ACCOUNT_CONTEXT,
    CONTEXT_WINDOW,
    said_since_own_turn,
    words_before,
)
from shared.redaction.detection.spoken import TENS, Token, digits_of


def named_as_reference(tokens: Sequence[Token], first: Token) -> bool:
    """Whether the sentence giving the number names it a case's, order's or booking's ("Case number for your
    reference is 2024-118820"), or a product's: its length alone does not make it a phone number."""
    said = " ".join(
        t.norm for t in tokens[max(0, first.position - CONTEXT_WINDOW) : first.position] if t.segment == first.segment
    )
    return ASKED_ACCOUNT_CONTEXT.search(said) is not None or _PRODUCT_CODE_NAMED.search(said) is not None


# A thing's code named right before it ("the model 0917 5552 480", "serial number is ...", "the invoice is ..."): a
# product's, a parcel's or a payment's, not a phone.
_PRODUCT_CODE_NAMED = re.compile(
    r"\b(model|serial|part|sku|item|product|batch|lot|tracking|invoice|receipt|transaction|pnr|consignment|shipment|"
    r"parcel|flight)( number| no| id| code| reference)?( is|'s)?$"
)


# Countries whose mobiles are dialled at home with a leading 0 ("0423 118 907", "07911 123456", "0917 555 2480",
# "0803 456 7890", "0151 2384 7710"),
# in a shape so strict that a number of that shape is one.
_MOBILE_REGIONS = ("AU", "GB", "IE", "NZ", "ZA", "PH", "NG", "DE")
# Countries whose mobiles are said without a leading 0, ten digits from a range kept for mobiles ("98765 43210").
_MOBILE_REGIONS_WITHOUT_ZERO = ("IN",)
_MOBILE = phonenumbers.PhoneNumberType.MOBILE
_UK_MOBILE_SHAPE = re.compile(r"07[1-9]\d{8}")


def national_mobile(digits: str) -> bool:
    """Whether ``digits`` are a mobile number as dialled within one of ``_MOBILE_REGIONS`` or
    ``_MOBILE_REGIONS_WITHOUT_ZERO``."""
    if not digits.startswith("0"):
        return any(_mobile_in(digits, region) for region in _MOBILE_REGIONS_WITHOUT_ZERO)
    if _UK_MOBILE_SHAPE.fullmatch(digits):
        return True  # every British mobile is 07 and nine digits, whether or not the range is in use yet
    return any(_mobile_in(digits, region) for region in _MOBILE_REGIONS)


# Countries that dial a number at home with a leading 0 and write it in set groups ("0161 496 0835", "01 872 3456",
# "(02) 9374 4000" as "02 9374 4000").
_HOME_DIALLED_REGIONS = (*_MOBILE_REGIONS, "IN", "PK", "KE", "MY", "DE", "FR", "NL")
# Countries that dial a number at home without a leading 0 and print it in set groups: "55 4123 8890" (Mexico City),
# "11 91234 5678" (São Paulo).
_DIALLED_WITHOUT_ZERO_REGIONS = ("MX", "BR")


# A person's line: not a freephone, shared-cost or premium number, which only a business has ("0800 328 1000").
_PERSONAL_LINES = frozenset(
    {
        phonenumbers.PhoneNumberType.FIXED_LINE,
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    }
)


def grouped_as_at_home(digits: str, groups: Sequence[int]) -> bool:
    """Whether ``digits``, written in groups of these lengths, are a valid number of a country that dials with a
    leading 0 (or, begun by another digit, of one that dials without it), grouped as that country prints its numbers
    ("0161 496 0835", "55 4123 8890"): a landline as well as a mobile. An id is rarely grouped so, and one grouped so
    is read aloud as a phone number."""
    if len(groups) < 2:
        return False
    for region in _HOME_DIALLED_REGIONS if digits.startswith("0") else _DIALLED_WITHOUT_ZERO_REGIONS:
        number = parsed(digits, region)
        if (
            number is not None
            and phonenumbers.is_valid_number(number)
            and phonenumbers.number_type(number) in _PERSONAL_LINES
        ):
            printed = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
            if [len(group) for group in re.findall(r"\d+", printed)] == list(groups):
                return True
    return False


def parsed(digits: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    """``digits`` as dialled in ``region`` (None: written with their country code, "+..."), or None where they
    cannot be a number there: "0012" is the international prefix "00" with too little after it, and the library
    raises for it."""
    try:
        return phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        return None


def _mobile_in(digits: str, region: str) -> bool:
    number = parsed(digits, region)
    return number is not None and phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) == _MOBILE


def dialled_abroad(digits: str) -> bool:
    """Whether ``digits`` are a number dialled from abroad with the international prefix said as digits ("double
    oh three five three ...", "011 44 ..."): a valid number of the country whose code follows it."""
    for prefix in _INTERNATIONAL_PREFIXES:
        if digits.startswith(prefix) and len(digits) - len(prefix) >= MIN_INTERNATIONAL:
            number = parsed("+" + digits[len(prefix) :], None)
            return number is not None and phonenumbers.is_valid_number(number)
    return False


def dialled_with_country_code(digits: str, first: Token, tokens: Sequence[Token]) -> bool:
    """Whether ``digits`` are a valid number of the country whose code they start with, written or said after a plus
    ("+234 806 112 9087"): a phone number, however its digits fall for a card's check (no card is read with a plus)."""
    if not said_with_country_code(first, tokens) or len(digits) < MIN_INTERNATIONAL:
        return False
    return _valid_international(digits) is not None


def dialled_with_plus_dropped(digits: str, first_group: str) -> bool:
    """Whether ``digits`` are a valid number of the country whose code is their first group, said apart without its
    plus ("971 50 612 4408")."""
    number = _valid_international(digits)
    return number is not None and first_group == str(number.country_code)


def _valid_international(digits: str) -> phonenumbers.PhoneNumber | None:
    number = parsed("+" + digits, None)
    return number if number is not None and phonenumbers.is_valid_number(number) else None


# Dialled before a country code: "00" across most of the world, "011" from North America.
_INTERNATIONAL_PREFIXES = ("011", "00")


MIN_INTERNATIONAL = 8  # a country code and a national number: not "plus 12 people"

# Lines that reach a business, never a person's own phone.
_BUSINESS_LINES = {
    phonenumbers.PhoneNumberType.TOLL_FREE,
    phonenumbers.PhoneNumberType.PREMIUM_RATE,
    phonenumbers.PhoneNumberType.SHARED_COST,
    phonenumbers.PhoneNumberType.UAN,
}


# Business lines said without a country code outside North America, in the shapes only they have: freephone and
# shared-cost "1800 250 250", "1300 655 506" (Australia, Ireland), "0800 328 1000", "0808 ..." (Britain, New
# Zealand). Britain's other "08" lines are not among them: "087 ..." and "083 ..." are Ireland's mobiles.
# and the lines charged as a call to a landline that only businesses and public bodies hold: Ireland's 0818 ("0818 07
# 4000"), Britain's 0843 to 0845 (not Britain's 03, which Pakistan's mobiles share: "0300 247 1896")
_FREEPHONE_SHAPE = re.compile(r"(?:1800|1300|1850|1890)\d{6}|0800\d{6,7}|0808\d{7}|0818\d{6}|084[345]\d{7}")
_BUSINESS_LINE_REGIONS = ("AU", "IE", "GB", "NZ")


def is_business_line(digits: str, first: Token, tokens: Sequence[Token]) -> bool:
    """A toll-free, premium-rate or shared-cost number."""
    return business_line(digits, with_country_code=said_with_country_code(first, tokens))


def business_line(digits: str, *, with_country_code: bool) -> bool:
    """Whether ``digits`` are a toll-free, premium-rate or shared-cost number: dialled with their country code, at
    home in North America, or in a freephone shape of another country where they are valid."""
    if with_country_code:
        return _business(parsed("+" + digits, None))
    return _business(parsed(digits, "US")) or business_line_abroad(digits)


def business_line_abroad(digits: str) -> bool:
    """Whether ``digits`` are a business's line as dialled in Australia, Ireland, Britain or New Zealand, in a
    freephone shape no account number is read in ("1800 667 788"): unlike North America's, whose 800s and 900s are
    the shape of many account numbers too."""
    return bool(_FREEPHONE_SHAPE.fullmatch(digits)) and any(
        _business(parsed(digits, region)) for region in _BUSINESS_LINE_REGIONS
    )


def _business(number: phonenumbers.PhoneNumber | None) -> bool:
    return (
        number is not None
        and phonenumbers.is_valid_number(number)
        and phonenumbers.number_type(number) in _BUSINESS_LINES
    )


_EXTENSION_WORDS = {"ext", "extension"}
_MAX_EXTENSION_WORDS = 5


_EXTENSION_LEAD_WORDS = {"then", "and", "the", "my", "his", "her", "at"}  # "..., then the extension 214"
_MAX_EXTENSION_LEAD = 3


def extension(last: Token, tokens: Sequence[Token]) -> list[Token]:
    """The extension said right after a phone number ("ext 22", "extension three fourteen", "then the extension is
    214"): it reaches the person."""
    position = last.position + 1
    while (
        position < len(tokens)
        and position - last.position <= _MAX_EXTENSION_LEAD
        and tokens[position].norm in _EXTENSION_LEAD_WORDS
    ):
        position += 1
    if position >= len(tokens) or tokens[position].segment != last.segment:
        return []
    if tokens[position].norm.rstrip(".") not in _EXTENSION_WORDS:
        return []
    named = position
    if position + 1 < len(tokens) and tokens[position + 1].norm in {"is", "'s"}:
        position += 1  # "..., and then the extension is 214."
    digits = []
    for token in tokens[position + 1 : position + 1 + _MAX_EXTENSION_WORDS]:
        if token.segment != last.segment or (digits_of(token) is None and token.norm not in TENS):
            break
        digits.append(token)
    return list(tokens[named : position + 1]) + digits if digits else []


# The area code told after the number it goes with: "It's 4419 2038, and the area code is 555.", "271 4433, area
# code's 905"
_AREA_CODE_LEAD = re.compile(r"(?:and )?(?:the |its |my |our )?area code(?:'s| is| was)?")
_MAX_AREA_CODE_LEAD = 5  # words: "and the area code is"
_AREA_CODE_DIGITS = range(2, 6)


def area_code_after(last: Token, tokens: Sequence[Token]) -> list[Token]:
    """The digits of the area code told right after a phone number: they reach the person too."""
    for lead_end in range(last.position + 2, min(len(tokens), last.position + 2 + _MAX_AREA_CODE_LEAD)):
        lead = tokens[last.position + 1 : lead_end]
        digits = digits_of(tokens[lead_end])
        if digits is not None and _AREA_CODE_LEAD.fullmatch(" ".join(token.norm for token in lead)):
            return [tokens[lead_end]] if len(digits) in _AREA_CODE_DIGITS else []
    return []


def international_prefix(first: Token, tokens: Sequence[Token]) -> list[Token]:
    """The "plus" said before a number's country code."""
    before = tokens[first.position - 1] if first.position else None
    return [before] if before is not None and before.segment == first.segment and before.norm == "plus" else []


# The plus named rather than said before the country code: "The number after the plus is 61 412 555 019.", or asked
# for so: "And the number after the plus?" / "353 87 614 2290."
_AFTER_THE_PLUS = r"\bafter the plus(?: sign)?"
_PLUS_NAMED_BEFORE = re.compile(_AFTER_THE_PLUS + r"(?: it's| its| is| that's| comes)?$")
_PLUS_NAMED_WORDS = 5
_PLUS_ASKED = re.compile(_AFTER_THE_PLUS + r"\b")


def said_with_country_code(first: Token, tokens: Sequence[Token]) -> bool:
    """Whether the number that begins at ``first`` begins with its country code: written or said after a plus, or
    after the plus named, or answering what comes after it."""
    if first.text.startswith("+") or international_prefix(first, tokens):
        return True
    before = words_before(first, tokens, _PLUS_NAMED_WORDS)
    if _PLUS_NAMED_BEFORE.search(before) is not None:
        return True
    lead = words_before(first, tokens)  # all of the answer before the number: "It's"
    if any(word not in ANSWER_LEAD_INS for word in lead.split()):
        return False
    answer_start = tokens[first.position - len(lead.split())]
    return _PLUS_ASKED.search(said_since_own_turn(tokens, answer_start)) is not None


_MISHEARD_CODE_WORDS = 2
_MISHEARD_CODE_LETTERS = 5


def country_code_said(first: Token, tokens: Sequence[Token]) -> list[Token]:
    """The "plus" and country code said before a phone number, also where Whisper heard the code as short words
    that are not digits ("plus free I 347 ..." for "plus three nine, three four seven")."""
    prefix = international_prefix(first, tokens)
    if prefix:
        return prefix
    for back in range(2, _MISHEARD_CODE_WORDS + 2):
        position = first.position - back
        if position < 0 or tokens[position].segment != first.segment:
            return []
        between = tokens[position + 1 : first.position]
        # "the plus" is named, not said: "after the plus is 61 ..." has no code misheard as "is"
        plus_named = position > 0 and tokens[position - 1].norm == "the"
        if (
            tokens[position].norm == "plus"
            and not plus_named
            and all(len(t.norm) <= _MISHEARD_CODE_LETTERS and t.norm.isalpha() for t in between)
        ):
            return list(tokens[position : first.position])
    return []
