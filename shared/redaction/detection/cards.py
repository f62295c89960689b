"""Card numbers and their details: the Luhn check, an expiry's month and year, and a card Whisper ran together
with them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from shared.models.redaction import EntityType
from shared.redaction.detection.context import CARD_CONTEXT, CONTEXT_WINDOW, context_distances, window_before
from shared.redaction.detection.spoken import PUNCTUATION, Atom, Token, digits_said, luhn


def plausible_expiry(digits: str) -> bool:
    """A month and a year a card can expire in: "427", "0427", "42027", "042027"."""
    month, year = (digits[:-2], digits[-2:]) if len(digits) <= 4 else (digits[:-4], digits[-4:])
    years = range(15, 50) if len(year) == 2 else range(2015, 2050)
    return month.isdigit() and 1 <= int(month) <= 12 and int(year) in years


def _digits_read_before(tokens: Sequence[Token], first: Token) -> str:
    """The digits the speaker said in the same breath (segment) before ``first``, within the context window."""
    return digits_said([t for t in tokens[max(0, first.position - CONTEXT_WINDOW) : first.position]
                        if t.segment == first.segment])  # fmt: skip


def card_read_before(tokens: Sequence[Token], first: Token) -> bool:
    """Whether the speaker read a card number (Luhn-valid, 13 to 19 digits) in the same breath before ``first``,
    though nobody said "card": "Reading it off now, 4111 1111 1111 1111, and 09 31"."""
    said = _digits_read_before(tokens, first)
    return any(luhn(said[-length:]) for length in range(13, min(19, len(said)) + 1))


def card_ending_put_right(tokens: Sequence[Token], first: Token, ending: str) -> bool:
    """Whether ``ending``, said from ``first``, puts right the end of a card number (13 to 19 digits) the speaker read
    in the same breath before it: the card passes the Luhn check with it as its ending ("4499 0353 7922 9818, no
    wait, sorry, 9889 at the end")."""
    said = _digits_read_before(tokens, first)
    return 13 <= len(said) <= 19 and luhn(said[: -len(ending)] + ending)


# A card's details run together in one word: expiry and code (3 digits), expiry and code (4), or expiry alone.
_CARD_TAILS = ((4, 3), (4, 4), (4, 0))
_MIN_CARD_DIGITS = 12  # a card with a few digits lost
_MIN_CARD_WITH_TAIL = _MIN_CARD_DIGITS + 3


def merged_card_details(atom: Atom, tokens: Sequence[Token]) -> list[tuple[EntityType, list[Token]]]:
    """A card number, expiry and code that Whisper wrote as one word ("411111111111111104277310"), split into
    its parts where the digits after a card's length read as an expiry (and a code)."""
    if len(atom.tokens) != 1 or len(atom.digits) < _MIN_CARD_WITH_TAIL:
        return []
    token = atom.tokens[0]
    if not CARD_CONTEXT.search(window_before(tokens, token.position)):
        return []
    tails: tuple[tuple[int, int], ...] = _CARD_TAILS
    if len(atom.digits) <= 19:
        # As long as a card: only where the last question asked for what comes after the card ("...when does it
        # expire?" answered by a word holding the card said before, fused with the expiry).
        distances = context_distances(tokens, token.position)
        nearest = min(distances, key=distances.__getitem__, default=None)
        if nearest is EntityType.CARD_EXPIRY:
            tails = ((4, 0), (4, 3), (4, 4))
        elif nearest is EntityType.CARD_SECURITY_CODE:
            tails = ((0, 3), (0, 4))
        else:
            return []
    text_start = token.start - (len(token.text) - len(token.text.lstrip(PUNCTUATION)))  # of the raw word
    digit_offsets = [text_start + i for i, char in enumerate(token.text) if char.isdigit()]
    for expiry, code in tails:
        card = len(atom.digits) - expiry - code
        if card >= _MIN_CARD_DIGITS and (not expiry or plausible_expiry(atom.digits[card : card + expiry])):
            cuts = [(EntityType.CARD_NUMBER, 0, card)]
            if expiry:
                cuts.append((EntityType.CARD_EXPIRY, card, card + expiry))
            if code:
                cuts.append((EntityType.CARD_SECURITY_CODE, card + expiry, card + expiry + code))
            return [
                (kind, [replace(token, start=digit_offsets[first], end=digit_offsets[last - 1] + 1)])
                for kind, first, last in cuts
            ]
    return []


def written_with_slash(atom: Atom) -> bool:
    """Digits written with a slash between them ("06/15/2025", "03/30"): a date or an expiry, not part of a card."""
    return any(re.search(r"\d/\d", token.norm) for token in atom.tokens)
