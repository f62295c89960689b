"""Social security numbers: told apart from other nine- and four-digit numbers by what was asked for."""

from __future__ import annotations

import re
from collections.abc import Sequence

from shared.models.redaction import EntityType
from shared.redaction.detection.context import CONTEXTS, asked_first, window_before, words_before
from shared.redaction.detection.spoken import Token

MISHEARD_SSN_LENGTHS = range(7, 11)
# "social ending 4418": "ends" or "ending" right before the digits needs no "in"
_LAST_FOUR = re.compile(r"\b(last (four|for|form|4)|ends (in|with)|ending (in|with))\b|\b(ends|ending)$")

# what the answer says it gives: "..., and last four is 3 3 0 9"
_LAST_FOUR_TOLD = re.compile(r"\blast (four|4)( is| are|'s)?$")
_LAST_FOUR_TOLD_WORDS = 3

SSN_WRITTEN = re.compile(r"\d{3}-\d{2}-\d{4}", re.ASCII)
# The number's own three parts, however they are said apart: "four four six, two one, zero zero seven nine", or
# over turns while the other side repeats each part ("It's 402 91" / "Okay." / "3376.").
SSN_GROUPS = (3, 2, 4)

# A person's number for taxes: nine digits of it are their social security number; a business's tax id is its own.
_PERSONAL_TAX_ID = re.compile(r"\b(tax(payer)?('s)? (id|number|identification number))\b")
# Another country's national id, however it is named: an account number, not a US social security number ("my
# social insurance number", "the SIN", "tax file number", "national insurance", "PPS number", "Aadhaar").
_OTHER_COUNTRYS_ID = re.compile(
    r"\b(social insurance|sin|s i n|tax file|tfn|national insurance|nino|ni number|ppsn?|aadhaa?r|"
    r"national (id|identity)|(\w+an|\w+ish|\w+ese|\w+i) (id|identity))\b"
)


def other_countrys_id_named(tokens: Sequence[Token], first: Token) -> bool:
    """Whether another country's national id is the id named last before ``first``, not a US social security
    number ("Your SIN, you mean social insurance?" / "It's 046 454 286")."""
    window = window_before(tokens, first.position)
    named = list(_OTHER_COUNTRYS_ID.finditer(window))
    return bool(named) and CONTEXTS[EntityType.SSN].search(window[named[-1].end() :]) is None


_BUSINESS_OWNED = re.compile(r"\b(business|company|companies|firm|employer|ein|corporate|llc|inc|ltd|charity)\b")


def personal_tax_id_asked(tokens: Sequence[Token], first: Token) -> bool:
    """Whether a person's tax id is the id named last before ``first``: not where another is named after it ("Tax
    file number's ..., and my Medicare is ...")."""
    window = window_before(tokens, first.position)
    named = list(_PERSONAL_TAX_ID.finditer(window))
    return (
        bool(named)
        and _BUSINESS_OWNED.search(window) is None
        and CONTEXTS[EntityType.ACCOUNT_NUMBER].search(_KEPT_ON.sub("", window[named[-1].end() :])) is None
    )


# Where a thing is kept, not another id: "the tax ID on your personal account"
_KEPT_ON = re.compile(r"\b(on|for|in) (your|the|my|this) (\w+ )?account\b")


# What the number is for, not another number: "your social security number to open the account"
_ACCOUNT_OPENED = re.compile(
    r"\b(to|and|so (we|i) can|before (we|i)) (open|set up|close|access|verify|update|unlock|activate|reopen) "
    r"(the|your|an|a|this|my) (\w+ )?account\b"
)


def account_named_only_as_purpose(tokens: Sequence[Token], first: Token) -> bool:
    """Whether the social security number is named last before ``first``, where an account said after it only says
    what the number is for ("I need your social security number to open the account" / "six two one, ...")."""
    window = window_before(tokens, first.position)
    named = list(CONTEXTS[EntityType.SSN].finditer(window))
    if not named:
        return False
    after = _ACCOUNT_OPENED.sub("", _KEPT_ON.sub("", window[named[-1].end() :]))
    return CONTEXTS[EntityType.ACCOUNT_NUMBER].search(after) is None


def last_four_of_ssn_asked(distances: dict[EntityType, int], tokens: Sequence[Token], first: Token) -> bool:
    """Whether four digits answer "the last four of your social", asked last or first of two things asked together
    ("the last four of your social and your date of birth?")."""
    if not _LAST_FOUR.search(window_before(tokens, first.position)):
        return False
    if _LAST_FOUR_TOLD.search(words_before(first, tokens, _LAST_FOUR_TOLD_WORDS)):
        return True  # "Employee ID is 20488, and last four is 3 3 0 9": the answer says which it gives
    nearest, kind = min((distance, kind) for kind, distance in distances.items())
    if kind is EntityType.SSN or distances[EntityType.SSN] == nearest:
        return True
    return asked_first([(nearest, kind), (distances[EntityType.SSN], EntityType.SSN)], tokens, first) is EntityType.SSN


# A part of the number asked for by its place: "the middle two digits of your social", "first three of the SSN".
_PART_ASKED = re.compile(
    r"\b(?P<place>first|middle|last) (?P<count>two|three|four|five|2|3|4|5)( digits| numbers)?( of)?( your| the)?"
    r" (social|ssn|s s n)\b"
)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}


def part_of_ssn_asked(tokens: Sequence[Token], first: Token) -> int | None:
    """How many digits of a social security number were asked for by their place, if a part was asked for last."""
    window = window_before(tokens, first.position)
    last = None
    for last in _PART_ASKED.finditer(window):  # noqa: B007 - the last match is the nearest
        pass
    if last is None:
        return None
    count = last.group("count")
    return _COUNTS.get(count) or int(count)
