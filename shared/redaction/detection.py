"""Find personal data in a transcript: what a redaction must hide, as character spans of segment text.

Speech reaches us as text in many shapes: Whisper writes digits said one by one as "4111111111111111",
"4111 1111", "1,2,3,4" or as words ("four one one one"), spoken forms include "double four" and "oh", and a
customer pauses, so one card number can be spread over several segments of the same speaker. Detection
therefore works on a token stream per speaker (numbers) and on the whole conversation in time order
(context such as "date of birth" asked by the agent and answered by the customer).

Phone numbers are checked with ``phonenumbers``, compound number words ("twenty seven") are read with
``text2num``; both ship their data in the wheel, nothing is fetched at run time.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import phonenumbers
from text_to_num import alpha2digit

from shared.models.redaction import EntityType
from shared.models.transcript import Segment


@dataclass(frozen=True, order=True)
class TextSpan:
    """Characters ``start``..``end`` of the text of segment ``segment`` (its ``index``)."""

    segment: int
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    """One piece of personal data; a card read over a pause has a span in each segment it touches."""

    type: EntityType
    spans: tuple[TextSpan, ...]


# Checked in this order; a later detection that overlaps an earlier one is dropped.
_PRIORITY = (
    EntityType.CARD_NUMBER,
    EntityType.SSN,
    EntityType.EMAIL,
    EntityType.CARD_EXPIRY,
    EntityType.CARD_SECURITY_CODE,
    EntityType.DATE_OF_BIRTH,
    EntityType.PHONE_NUMBER,
    EntityType.ADDRESS,
    EntityType.ACCOUNT_NUMBER,
    EntityType.PERSON_NAME,
)

# ---------------------------------------------------------------------------------------------------------
# Tokens

_DIGIT_WORDS = {
    "zero": "0", "oh": "0", "o": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11",
    "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16",
    "seventeen": "17", "eighteen": "18", "nineteen": "19",
}  # fmt: skip
# Words Whisper writes for a digit said before other digits ("for one one one", "Free 782"), or said again and
# again ("fine, fine, fine, fine" for "five five five five").
_SOUNDALIKES = {"for": "4", "free": "3", "tree": "3", "to": "2", "too": "2", "won": "1", "ate": "8", "fine": "5"}
_REPEATED_SOUNDALIKE = 3
_TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
_REPEATS = {"double": 2, "triple": 3}
# Said between the digits of one number without ending it.
# "w": Whisper's "W -88" for "double eight".
# "/": a slash written apart from the digits around it ("5 / 27", "0 3 / 2 9").
# "...": a hesitation written on its own between the groups ("six six two ... four one ...").
_FILLERS = {
    "uh", "um", "er", "ah", "erm", "hmm", "and", "dash", "hyphen", "space", "then", "slash", "/", "w", "-", "", "...",
    "…",
}  # fmt: skip
# Whisper joins digits with hyphens and commas, and sometimes starts the next group with a comma: ",4".
_NUMERIC_TOKEN = re.compile(r"[#(+]?\d[\d,.\-/()]*", re.ASCII)  # "+49": a country code
_LETTERED_NUMBER = re.compile(r"[a-z]{1,4}-?\d{3,}", re.ASCII)
_ORDINAL_DIGITS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)", re.ASCII)
_ORDINAL_WORDS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth", "thirtieth",
}  # fmt: skip
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip
# A date said in the caller's own language: "le 5 mai 1990", "el 3 de marzo". Only in dates, so "Mai" and "Juli"
# are still names elsewhere.
_OTHER_LANGUAGE_MONTHS = {
    "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout", "septembre", "octobre",
    "novembre", "décembre", "decembre", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
    "septiembre", "setiembre", "octubre", "noviembre", "diciembre", "januar", "februar", "märz", "juni", "juli",
    "oktober", "dezember",
}  # fmt: skip
_DATE_MONTHS = _MONTHS | _OTHER_LANGUAGE_MONTHS
_PUNCTUATION = ".,;:!?\"'()[]"
_MAX_PAUSE_MS = 10_000  # a number read over a longer pause is two numbers


@dataclass(frozen=True)
class _Token:
    position: int  # in the conversation, time order
    segment: int
    speaker: str
    start: int  # characters in the segment text
    end: int
    text: str
    # Lower case, surrounding punctuation removed, and without the hyphen Whisper starts a group with ("8 -2 -1",
    # "-March 3rd", "at -gmail"): every rule reads the word.
    norm: str
    hyphen_led: bool
    segment_start_ms: int
    segment_end_ms: int

    @property
    def span(self) -> TextSpan:
        return TextSpan(self.segment, self.start, self.end)


def _tokens(segments: Sequence[Segment]) -> list[_Token]:
    ordered = sorted(segments, key=lambda s: (s.start_ms, s.index))
    tokens: list[_Token] = []
    for segment in ordered:
        for match in re.finditer(r"\S+", segment.text):
            # The span leaves out punctuation around the word, so redaction keeps the sentence's full stop.
            raw = match.group()
            core = raw.strip(_PUNCTUATION) or raw
            start = match.start() + raw.find(core)
            hyphen_led = len(core) > 1 and core[0] == "-" and core[1].isalnum()
            tokens.append(
                _Token(
                    len(tokens), segment.index, segment.speaker, start, start + len(core), raw,
                    core[hyphen_led:].lower(), hyphen_led, segment.start_ms, segment.end_ms,
                )
            )  # fmt: skip
    return tokens


def _read_segments(segments: Sequence[Segment], tokens: Sequence[_Token]) -> list[Segment]:
    """The segments as the text patterns read them: a hyphen-led word's group hyphen is a space ("at -gmail .com"
    reads "at  gmail .com"), and so is a hyphen Whisper wrote on its own after such a group ("-57 - Larkspur
    Road"), so characters keep their places and spans found in them hold for the real text."""
    texts = {segment.index: list(segment.text) for segment in segments}
    for previous, token in zip([None, *tokens], tokens, strict=False):
        group_goes_on = token.text == "-" and previous is not None and previous.hyphen_led
        if token.hyphen_led or group_goes_on:
            texts[token.segment][token.start] = " "
    return [segment.model_copy(update={"text": "".join(texts[segment.index])}) for segment in segments]


def _digits_of(token: _Token) -> str | None:
    """The digits a token stands for on its own ("4111", "1,2,3" -> "123", "seven" -> "7"), else None."""
    if _NUMERIC_TOKEN.fullmatch(token.norm):
        return re.sub(r"\D", "", token.norm)
    if re.fullmatch(r"o\d+", token.norm, re.ASCII):  # "oh four" heard as "O4"
        return "0" + token.norm[1:]
    if _LETTERED_NUMBER.fullmatch(token.norm):  # an id with letters in front: "ABC123456", "HX-220571"
        return re.sub(r"\D", "", token.norm)
    ordinal = _ORDINAL_DIGITS.fullmatch(token.norm)
    if ordinal:
        return ordinal.group(1)
    if "-" in token.norm:
        return _hyphenated_digits(token.norm)
    return _DIGIT_WORDS.get(token.norm)


def _hyphenated_digits(word: str) -> str | None:
    """The digits of digit words joined by hyphens: "seven-six-two" -> "762", "double-four" -> "44"."""
    digits, repeat = "", 1
    for part in word.split("-"):
        if part in _REPEATS and repeat == 1:
            repeat = _REPEATS[part]
            continue
        digit = _DIGIT_WORDS.get(part)
        if digit is None or len(digit) != 1:
            return None
        digits, repeat = digits + digit * repeat, 1
    return digits if repeat == 1 else None


@dataclass(frozen=True)
class _Atom:
    """Digits said as one unit: a token, "double four", or "forty one"."""

    digits: str
    tokens: tuple[_Token, ...]


def _atoms(stream: Sequence[_Token], tokens: Sequence[_Token]) -> list[list[_Atom]]:
    """Runs of digit atoms: digits with only fillers or a short pause (same speaker) between them, and no
    question for something else from the other side."""
    runs: list[list[_Atom]] = []
    current: list[_Atom] = []
    fillers = 0
    index = 0
    while index < len(stream):
        token = stream[index]
        nxt = stream[index + 1] if index + 1 < len(stream) else None
        atom: _Atom | None = None
        if token.norm in _REPEATS and nxt is not None and (digit := _digits_of(nxt)) is not None and len(digit) == 1:
            atom = _Atom(digit * _REPEATS[token.norm], (token, nxt))
        elif token.norm in _TENS or (re.fullmatch(r"[a-z]+-[a-z]+", token.norm) and not _hyphenated_digits(token.norm)):
            spoken = token.norm.replace("-", " ")
            consumed: tuple[_Token, ...] = (token,)
            if (
                token.norm in _TENS
                and nxt is not None
                and nxt.segment == token.segment  # "oh six thirty" / "the code?" / "two four eight": two answers
                and nxt.norm in _DIGIT_WORDS
                and len(_DIGIT_WORDS[nxt.norm]) == 1
            ):
                spoken += " " + nxt.norm
                consumed = (token, nxt)
            value = alpha2digit(spoken, "en")
            if value.isdigit():
                atom = _Atom(value, consumed)
        elif (
            (digit := _digits_of(token)) is not None
            and digit
            and not _is_length(stream, index)
            and not _oh_said_as_word(tokens, token)
        ):
            atom = _Atom(digit, (token,))
        elif token.norm in _SOUNDALIKES and _soundalike_digit(stream, index):
            atom = _Atom(_SOUNDALIKES[token.norm], (token,))
        if atom is not None:
            previous = current[-1].tokens[-1] if current else None
            if previous is not None and (
                fillers > 2
                or _pause_ms(previous, token) > _MAX_PAUSE_MS
                or _asks_anew(_said_between(tokens, previous, token), "".join(a.digits for a in current))
            ):
                runs.append(current)
                current = []
            current.append(atom)
            fillers = 0
            index += len(atom.tokens)
            continue
        if current and (token.norm in _FILLERS or token.hyphen_led):  # "447 -2 -I -1": a misheard digit
            fillers += 1
        elif current:
            runs.append(current)
            current = []
            fillers = 0
        index += 1
    if current:
        runs.append(current)
    return runs


def _oh_said_as_word(tokens: Sequence[_Token], token: _Token) -> bool:
    """Whether "oh" is said as a word, not as a zero: written "Oh," as a sentence starts ("Oh, 4 1 2"), or after a
    number, after a pause in writing and before words ("4402 7719, oh no, ...", "552 oh wait")."""
    if token.text in {"Oh,", "Oh.", "Oh!", "Oh..."}:
        return True
    if token.norm not in {"oh", "o"} or not token.position or token.position + 1 >= len(tokens):
        return False
    before, after = tokens[token.position - 1], tokens[token.position + 1]
    if before.segment != token.segment or after.segment != token.segment:
        return False
    return (
        _digits_of(after) is None
        and after.norm not in _TENS
        and after.norm not in _REPEATS
        and (before.text[-1] in _PUNCTUATION or after.norm in {"no", "wait", "sorry", "actually", "hang", "hold"})
    )


def _is_length(stream: Sequence[_Token], index: int) -> bool:
    """Whether the number at ``index`` says how long another is: "the 4 digit code", "a 16-digit number", "last
    four, 6 7 8 9"."""
    nxt = stream[index + 1] if index + 1 < len(stream) else None
    before = stream[index - 1] if index else None
    said = stream[index].norm
    return (
        said.endswith(("-digit", "-digits"))
        or (nxt is not None and nxt.segment == stream[index].segment and nxt.norm in {"digit", "digits"})
        or (before is not None and before.segment == stream[index].segment and before.norm == "last")
    )


def _soundalike_digit(stream: Sequence[_Token], index: int) -> bool:
    """Whether the word at ``index`` stands for a digit: digits follow it ("for one one one", "Free 782"; not
    "for 2 nights"), or it is one of several in a row."""
    token = stream[index]
    following = ""
    for nxt in stream[index + 1 : index + 3]:
        digits = _digits_of(nxt) if nxt.segment == token.segment else None
        if not digits:
            break
        following += digits
    if len(following) >= 2:
        return True
    if following and _answer_of_digits_alone(stream, index):
        return True
    same = 1
    for step in (-1, 1):
        position = index + step
        while 0 <= position < len(stream) and stream[position].norm == token.norm:
            same += 1
            position += step
    return same >= _REPEATED_SOUNDALIKE


def _answer_of_digits_alone(stream: Sequence[_Token], index: int) -> bool:
    """Whether the word at ``index`` comes after a digit in a turn of nothing but digits and words that sound like
    them ("four for one", "9 won 9", "2 2 ate 1"): there it is one too; not in "2 for 1 on pizzas"."""
    segment = stream[index].segment
    if index == 0 or stream[index - 1].segment != segment or not _digits_of(stream[index - 1]):
        return False
    start, end = index, index
    while start > 0 and stream[start - 1].segment == segment:
        start -= 1
    while end + 1 < len(stream) and stream[end + 1].segment == segment:
        end += 1
    return all(
        _digits_of(token) or token.norm in _SOUNDALIKES or token.norm in _FILLERS for token in stream[start : end + 1]
    )


def _pause_ms(previous: _Token, token: _Token) -> int:
    if previous.segment == token.segment:
        return 0
    return max(0, token.segment_start_ms - previous.segment_end_ms)


def _luhn(digits: str) -> bool:
    total = 0
    for offset, char in enumerate(reversed(digits)):
        value = int(char) * (2 if offset % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


# ---------------------------------------------------------------------------------------------------------
# Context: what was said just before (by either speaker) tells what a number is.

_CONTEXT_WINDOW = 25  # tokens
_CONTEXTS: dict[EntityType, re.Pattern[str]] = {
    EntityType.SSN: re.compile(r"\b(social security|social|ssn|s s n)\b"),
    # "and it runs until when?": the card
    EntityType.CARD_EXPIRY: re.compile(
        r"\b(expir\w*|exp|(valid|good)[ -](thru|through|until|till)|it runs (out|to|until|till))\b"
    ),
    EntityType.CARD_SECURITY_CODE: re.compile(
        r"\b(security code|(?<!social )security number|cvv\d?|cvc|csc|(three|four|3|4)[ -](digit|number)s?|"
        r"(card )?verification (value|code|number)|"
        r"(code|numbers|digits|three|four|3|4) on the (back|front)|back of the card|card code)\b"
    ),
    # a birth certificate's dates are its issue's, not the birth's
    EntityType.DATE_OF_BIRTH: re.compile(r"\b(birth(?! certificates?\b)|birth ?date|birthday|born|dob|d o b)\b"),
    EntityType.PHONE_NUMBER: re.compile(
        r"\b(phone|telephone|cell|mobile|reach you|call you back|callback|contact number|best number)\b"
    ),
    EntityType.ADDRESS: re.compile(r"\b(zip|zip code|postal code|post code|postcode)\b"),
    EntityType.ACCOUNT_NUMBER: re.compile(
        # "the zip code on the account" asks for a zip code: an account said after "on the" only says where it is kept
        r"(?<!\bon the )(?<!\bon your )(?<!\bon this )(?<!\bfor the )(?<!\bfor your )"
        # "take into account", "on account of", "take account of": the phrase, not an account
        r"(?<!\binto )(?<!\btake )(?<!\btakes )(?<!\btaking )(?<!\btook )(?!account of\b)"
        r"\b(account|member|membership|policy|customer (number|id)|id number|subscriber|medicare|"
        r"medicaid|beneficiary|insurance (number|id|card)|"
        # any id named by what it identifies: "your loyalty number?", "the patient ID"
        r"(loyalty|rewards?|patient|student|employee|staff|payroll|tax|taxpayer|licen[cs]e|passport|badge|"
        r"frequent flyer|library|nhs|health|hospital|chart|national insurance|patient record|medical record)('s)? "
        r"(number|id|card)"
        r"|(patient|student|employee|staff|tax|medical record) id"
        # the number printed on an id card: "the number on your loyalty card?" ("on your" alone only says where)
        r"|(number|id) on (your|the|my|his|her) (loyalty|rewards?|member|membership|insurance|health|library|"
        r"student|staff|employee|patient|medicare|medicaid|id) card"
        # said as its initials: "the patient's MRN"
        r"|mrn|m r n)\b"
    ),
}
# Numbers that identify a purchase or a case rather than a person: private only when the other side asks for them
# to verify the caller ("can you confirm the order number?"), not when someone mentions one in passing or the agent
# gives a new claim its number.
_ASKED_ACCOUNT_CONTEXT = re.compile(
    r"\b(order|reference|confirmation|booking|reservation|ticket|case|claim) (number|id)\b"
)
_REQUEST_WORDS = {"confirm", "verify", "read", "give", "provide", "tell", "need", "what", "what's", "which", "spell"}
_DIGIT_LENGTHS: dict[EntityType, range] = {
    EntityType.SSN: range(9, 10),
    EntityType.CARD_EXPIRY: range(3, 7),
    EntityType.CARD_SECURITY_CODE: range(2, 5),  # two: one digit of the code was misheard or taken elsewhere
    EntityType.DATE_OF_BIRTH: range(4, 9),
    EntityType.PHONE_NUMBER: range(7, 12),
    EntityType.ACCOUNT_NUMBER: range(4, 21),
    EntityType.ADDRESS: range(5, 10),  # a ZIP code, ZIP+4
}
# Card numbers asked for: a misheard digit breaks the Luhn check but the number is still the card.
_CARD_CONTEXT = re.compile(r"\b(card|visa|mastercard|amex|american express|discover|credit|debit)\b")
# Where a card was talked about, "code" alone is its security code, unless it says which other code it is.
_CODE = re.compile(
    r"(?<!zip )(?<!postal )(?<!post )(?<!promo )(?<!discount )(?<!voucher )(?<!area )(?<!country )(?<!sort )"
    r"(?<!access )(?<!booking )(?<!confirmation )\bcode\b"
)
_MISHEARD_SSN_LENGTHS = range(7, 11)
# "social ending 4418": "ends" and "ending" need no "in"
# "social ending 4418": "ends" or "ending" right before the digits needs no "in"
_LAST_FOUR = re.compile(r"\b(last (four|for|form|4)|ends (in|with)|ending (in|with))\b|\b(ends|ending)$")
_WRITTEN_DATE = re.compile(r"\d{1,2}/\d{1,2}/(?:\d{2}|\d{4})", re.ASCII)
_SSN_WRITTEN = re.compile(r"\d{3}-\d{2}-\d{4}", re.ASCII)
_ZIP_PLUS_FOUR = re.compile(r"\d{5}-\d{4}", re.ASCII)


def _window(tokens: Sequence[_Token], position: int, since: int = 0) -> str:
    """What was said in the ``_CONTEXT_WINDOW`` tokens before ``position`` (none before ``since``)."""
    return " ".join(token.norm for token in tokens[max(0, since, position - _CONTEXT_WINDOW) : position])


def _previous_number(tokens: Sequence[_Token], position: int) -> _Token | None:
    """The last digit the same speaker said in the window before ``position``."""
    speaker = tokens[position].speaker
    for token in reversed(tokens[max(0, position - _CONTEXT_WINDOW) : position]):
        if token.speaker == speaker and _digits_of(token) is not None:
            return token
    return None


_BACKCHANNEL_WORDS = 4  # "okay", "go on", "mm-hmm, got it": more than this is a turn of its own


# What the other side may ask for: any kind of number, or a card.
_ASKED_CONTEXTS: dict[EntityType, re.Pattern[str]] = {**_CONTEXTS, EntityType.CARD_NUMBER: _CARD_CONTEXT}


def _asks_anew(said: Sequence[_Token], answered: str) -> bool:
    """Whether what the other side said is more than a backchannel ("okay", "go on", or reading back some of the
    digits ``answered`` so far), so what the speaker says next answers it rather than going on: many words, a
    question, a number of their own, or a thing asked for by name ("the expiry", "card")."""
    text = " ".join(t.norm for t in said)
    their_digits = _digits_said(said)
    return (
        len(said) > _BACKCHANNEL_WORDS
        or any("?" in t.text for t in said)
        or (their_digits != "" and their_digits not in answered)
        or any(pattern.search(text) for pattern in _ASKED_CONTEXTS.values())
        # asked without a question mark: "and the delivery address," "and your email,"
        or any(pattern.search(text) for pattern in (_ADDRESS_CONTEXT, _EMAIL_CONTEXT, _NAME_ASKED))
    )


def _said_between(tokens: Sequence[_Token], previous: _Token, token: _Token) -> list[_Token]:
    """What the others said between two words of one speaker."""
    return [t for t in tokens[previous.position + 1 : token.position] if t.speaker != token.speaker]


def _plausible_expiry(digits: str) -> bool:
    """A month and a year a card can expire in: "427", "0427", "42027", "042027"."""
    month, year = (digits[:-2], digits[-2:]) if len(digits) <= 4 else (digits[:-4], digits[-4:])
    years = range(15, 50) if len(year) == 2 else range(2015, 2050)
    return month.isdigit() and 1 <= int(month) <= 12 and int(year) in years


# Said of a card only where one was talked about: "security number" (not a login's), "it runs until" (not an offer).
_CARD_ONLY_CONTEXTS = re.compile(r"security number|it runs ")


def _card_word_without_card(pattern: re.Pattern[str], window: str, tokens: Sequence[_Token], position: int) -> bool:
    """Whether the last match of ``pattern`` in ``window`` is said of cards alone, and no card was talked about
    before in the call, nor a month and year asked for (what a card's expiry is)."""
    last = None
    for last in pattern.finditer(window):  # noqa: B007 - the last match is the nearest
        pass
    return (
        last is not None
        and _CARD_ONLY_CONTEXTS.match(last.group()) is not None
        and not _card_talked_about(tokens, position)
        and "month and year" not in window
    )


def _card_talked_about(tokens: Sequence[_Token], position: int) -> bool:
    """Whether a card was talked about anywhere in the call before ``position``."""
    return _CARD_CONTEXT.search(" ".join(token.norm for token in tokens[:position])) is not None


def _context_distances(tokens: Sequence[_Token], position: int) -> dict[EntityType, int]:
    """For each kind of context said before ``position``, since the speaker's previous number (each question
    is answered once): how many characters ago."""
    previous = _previous_number(tokens, position)
    answered = previous is not None and previous.segment != tokens[position].segment
    since = previous.position + 1 if answered and previous else 0
    window = _window(tokens, position, since=since)
    distances: dict[EntityType, int] = {}
    for entity_type, pattern in _CONTEXTS.items():
        distance = _nearest_match(pattern, window)
        if distance is not None and not _card_word_without_card(pattern, window, tokens, position):
            distances[entity_type] = distance
    speaker = tokens[position].speaker
    said = [token for token in tokens[max(0, since, position - _CONTEXT_WINDOW) : position] if token.speaker != speaker]
    # Only where they asked: "Can you confirm the order number?", not "Your order number is 448120."
    asking = {token.segment for token in said if "?" in token.text or token.norm in _REQUEST_WORDS}
    asked = " ".join(token.norm for token in said if token.segment in asking)
    distance = _nearest_match(_ASKED_ACCOUNT_CONTEXT, asked)
    if distance is not None and EntityType.ACCOUNT_NUMBER not in distances:
        distances[EntityType.ACCOUNT_NUMBER] = distance
    named = _nearest_match(_ASKED_ACCOUNT_CONTEXT, window)
    if distance is None and named is not None:
        # "... my date of birth is ... your policy ... your claim number is 2291 8840": named last, the number is a
        # claim's, none of the kinds named before it
        distances = {entity_type: d for entity_type, d in distances.items() if d <= named}
    return distances


def _nearest_match(pattern: re.Pattern[str], window: str) -> int | None:
    """How many characters before the end of ``window`` the last match of ``pattern`` ends, if any."""
    last = None
    for last in pattern.finditer(window):  # noqa: B007 - the last match is the nearest
        pass
    return None if last is None else len(window) - last.end()


def _number_type(digits: str, atoms: Sequence[_Atom], tokens: Sequence[_Token]) -> EntityType | None:
    """What a run of digits that is not a card number is, from its length, shape and context."""
    first = atoms[0].tokens[0]
    distances = _context_distances(tokens, first.position)
    code = _nearest_match(_CODE, _window(tokens, first.position))
    if (
        code is not None
        and EntityType.CARD_SECURITY_CODE not in distances
        and _card_talked_about(tokens, first.position)
    ):
        # where a card is talked about, "the code is 341" after its expiry names its security code
        distances[EntityType.CARD_SECURITY_CODE] = code
    nearest = min(distances.values(), default=None)
    # Written five and four ("83702-1187"): a ZIP+4 ending an address, never a social security number's grouping.
    zip_plus_four = len(atoms) == 1 and _ZIP_PLUS_FOUR.fullmatch(first.norm.rstrip(".,")) is not None
    if zip_plus_four:
        distances.pop(EntityType.SSN, None)
    if EntityType.SSN in distances and (
        len(digits) == 9  # nine digits after "social security" are the number, whatever else was asked
        # A digit misheard as a word ("-I") or heard twice: still the number asked for last.
        or (len(digits) in _MISHEARD_SSN_LENGTHS and distances[EntityType.SSN] == nearest)
        or (len(digits) == 4 and _last_four_of_ssn_asked(distances, tokens, first))
    ):
        return EntityType.SSN
    if (
        len(digits) == 9
        and not zip_plus_four
        and _CONTEXTS[EntityType.SSN].search(_said_after(atoms[-1].tokens[-1], tokens))
    ):
        return EntityType.SSN  # "..., that's my social"
    account_nearest = distances.get(EntityType.ACCOUNT_NUMBER) == nearest
    if len(digits) == 9 and account_nearest and _personal_tax_id_asked(tokens, first):
        return EntityType.SSN  # "your taxpayer number", "social insurance number"
    if (first.text.startswith("+") or _international_prefix(first, tokens)) and len(digits) >= _MIN_INTERNATIONAL:
        # Said with its country code: a number of that country's length is a phone number, even in a range
        # the country keeps for examples ("+44 7700 900461").
        try:
            if phonenumbers.is_possible_number(phonenumbers.parse("+" + digits, None)):
                return EntityType.PHONE_NUMBER
        except phonenumbers.NumberParseException:
            pass
    fitting = sorted(
        (distance, entity_type)
        for entity_type, distance in distances.items()
        if len(digits) in _DIGIT_LENGTHS[entity_type]
        and (entity_type is not EntityType.CARD_EXPIRY or _plausible_expiry(digits))
    )
    if fitting:
        return _asked_first(fitting, tokens, first) if len(fitting) > 1 else fitting[0][1]
    if len(atoms) == 1 and _SSN_WRITTEN.fullmatch(first.norm):
        return EntityType.SSN
    if _CARD_CONTEXT.search(_window(tokens, first.position)) or _card_read_before(tokens, first):
        if 11 <= len(digits) <= 19:  # a card with digits lost or misheard
            return EntityType.CARD_NUMBER
        if len(digits) in (3, 4) and _CODE.search(_window(tokens, first.position)):  # "Visa ... the code is 412"
            return EntityType.CARD_SECURITY_CODE
        # Said right after a card number: the first number that can be a month and year is its expiry, and
        # three or four digits after the expiry are its code.
        said_before = tokens[max(0, first.position - _CONTEXT_WINDOW) : first.position]
        if _digit_count([t for t in said_before if t.speaker == first.speaker]) >= 12:
            previous = _previous_number(tokens, first.position)
            after_card = previous is not None and _segment_digits(tokens, previous) >= 12
            if after_card and len(digits) == 4 and _plausible_expiry(digits):
                return EntityType.CARD_EXPIRY
            if len(digits) in (3, 4):
                return EntityType.CARD_SECURITY_CODE
        # Digits given when a card number was asked for are part of it, even where the rest was misheard; not
        # where something else was asked for since ("And the expiry?").
        asked = " ".join(t.norm for t in tokens[max(0, first.position - _CONTEXT_WINDOW) : first.position]
                         if t.speaker != first.speaker)  # fmt: skip
        if len(digits) >= 4 and "card number" in asked and not distances:
            return EntityType.CARD_NUMBER
    if len(digits) in (10, 11) and not _named_as_reference(tokens, first):
        try:
            number = phonenumbers.parse(digits, "US")
        except phonenumbers.NumberParseException:
            return None
        if phonenumbers.is_valid_number(number) or _national_mobile(digits):
            return EntityType.PHONE_NUMBER
    return None


# A person's number for taxes: nine digits of it are their social security number (or the national id of that kind,
# as a "social insurance number"); a business's tax id is its own.
_PERSONAL_TAX_ID = re.compile(r"\b(tax(payer)?('s)? (id|number|identification number)|social insurance( number)?)\b")
_BUSINESS_OWNED = re.compile(r"\b(business|company|companies|firm|employer|ein|corporate|llc|inc|ltd|charity)\b")


def _personal_tax_id_asked(tokens: Sequence[_Token], first: _Token) -> bool:
    window = _window(tokens, first.position)
    return _PERSONAL_TAX_ID.search(window) is not None and _BUSINESS_OWNED.search(window) is None


def _named_as_reference(tokens: Sequence[_Token], first: _Token) -> bool:
    """Whether the sentence giving the number names it a case's, order's or booking's ("Case number for your
    reference is 2024-118820"): its length alone does not make it a phone number."""
    said = [
        t.norm for t in tokens[max(0, first.position - _CONTEXT_WINDOW) : first.position] if t.segment == first.segment
    ]
    return _ASKED_ACCOUNT_CONTEXT.search(" ".join(said)) is not None


def _last_four_of_ssn_asked(distances: dict[EntityType, int], tokens: Sequence[_Token], first: _Token) -> bool:
    """Whether four digits answer "the last four of your social", asked last or first of two things asked together
    ("the last four of your social and your date of birth?")."""
    if not _LAST_FOUR.search(_window(tokens, first.position)):
        return False
    nearest, kind = min((distance, kind) for kind, distance in distances.items())
    if kind is EntityType.SSN or distances[EntityType.SSN] == nearest:
        return True
    return _asked_first([(nearest, kind), (distances[EntityType.SSN], EntityType.SSN)], tokens, first) is EntityType.SSN


# Countries whose mobiles are dialled at home with a leading 0 ("0423 118 907", "07911 123456"), in a shape so
# strict that a number of that shape is one.
_MOBILE_REGIONS = ("AU", "GB", "IE", "NZ", "ZA")
_MOBILE = phonenumbers.PhoneNumberType.MOBILE


def _national_mobile(digits: str) -> bool:
    """Whether ``digits`` are a mobile number as dialled within one of ``_MOBILE_REGIONS``."""
    if not digits.startswith("0"):
        return False
    for region in _MOBILE_REGIONS:
        number = phonenumbers.parse(digits, region)
        if phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) == _MOBILE:
            return True
    return False


_ASKED_TOGETHER_CHARACTERS = 30  # "the expiry and the security code": asked in one breath


def _asked_first(fitting: Sequence[tuple[int, EntityType]], tokens: Sequence[_Token], first: _Token) -> EntityType:
    """Of two things asked for together ("expiry and security code?"), the first number of the answer gives the one
    asked first, unless the answer names what it gives ("Phone's 0421 ..."); later numbers, and answers to
    questions asked apart, the one asked last."""
    (nearest, kind), (farther, asked_before) = fitting[0], fitting[1]
    previous = _previous_number(tokens, first.position)
    answer_starts = previous is None or previous.segment != first.segment
    lead_in = " ".join(t.norm for t in tokens[max(0, first.position - _CONTEXT_WINDOW) : first.position]
                       if t.segment == first.segment)  # fmt: skip
    named = any(pattern.search(lead_in) for pattern in _ASKED_CONTEXTS.values())
    # counted from where the one asked last starts: "the expiry and the last three on the back"
    asked_last = list(_ASKED_CONTEXTS[kind].finditer(_window(tokens, first.position)))
    said_for = asked_last[-1].end() - asked_last[-1].start() if asked_last else 0
    together = farther - nearest - said_for <= _ASKED_TOGETHER_CHARACTERS
    return asked_before if answer_starts and together and not named else kind


def _card_read_before(tokens: Sequence[_Token], first: _Token) -> bool:
    """Whether the speaker read a card number (Luhn-valid, 13 to 19 digits) in the same breath before ``first``,
    though nobody said "card": "Reading it off now, 4111 1111 1111 1111, and 09 31"."""
    said = _digits_said([t for t in tokens[max(0, first.position - _CONTEXT_WINDOW) : first.position]
                         if t.segment == first.segment])  # fmt: skip
    return any(_luhn(said[-length:]) for length in range(13, min(19, len(said)) + 1))


_MIN_INTERNATIONAL = 8  # a country code and a national number: not "plus 12 people"
_AFTER_WORDS = 6  # "..., that's my social security number"


def _said_after(last: _Token, tokens: Sequence[_Token]) -> str:
    """The words said right after ``last`` in its segment."""
    after = tokens[last.position + 1 : last.position + 1 + _AFTER_WORDS]
    return " ".join(token.norm for token in after if token.segment == last.segment)


def _segment_digits(tokens: Sequence[_Token], token: _Token) -> int:
    """How many digits were said in ``token``'s segment."""
    return _digit_count([t for t in tokens if t.segment == token.segment])


def _digit_count(said: Sequence[_Token]) -> int:
    """How many digits ``said`` stands for, "double four" as two."""
    return len(_digits_said(said))


def _digits_said(said: Sequence[_Token]) -> str:
    """The digits ``said`` stands for, "double four" as "44"."""
    digits = ""
    for index, token in enumerate(said):
        digit = _digits_of(token) or ""
        if index and said[index - 1].norm in _REPEATS and len(digit) == 1:
            digit *= _REPEATS[said[index - 1].norm]
        digits += digit
    return digits


def _numbers(tokens: Sequence[_Token]) -> Iterable[tuple[EntityType, list[_Token]]]:
    found: list[tuple[EntityType, list[_Token]]] = []
    untyped: list[list[_Atom]] = []
    for speaker in dict.fromkeys(token.speaker for token in tokens):
        stream = [token for token in tokens if token.speaker == speaker]
        for run in _atoms(stream, tokens):
            typed = list(_classify_run(run, tokens))
            found += typed
            if not typed:
                untyped.append(run)
    yield from found
    yield from _read_back(untyped, found, tokens)


_MIN_READ_BACK = 4  # digits: "4111 1111, yes" repeats part of a card, "2, yes" may repeat anything


def _read_back(
    untyped: Sequence[Sequence[_Atom]], found: Sequence[tuple[EntityType, list[_Token]]], tokens: Sequence[_Token]
) -> Iterable[tuple[EntityType, list[_Token]]]:
    """Digits one side repeats of what the other side just gave ("4111 1111" / "4111 1111, yes"): the same kind,
    also where the other side goes on with the number after the read-back ("4111 1111" / "4111 1111" / "1111 ..."),
    or gives new last digits for it ("it ends 0193 now")."""
    for run in untyped:
        digits = "".join(atom.digits for atom in run)
        first = run[0].tokens[0]
        if len(digits) < _MIN_CORRECTED_ENDING:
            continue
        for entity_type, said in found:
            if entity_type is EntityType.CARD_NUMBER and _restarted(run, said, tokens):
                yield entity_type, [token for atom in run for token in atom.tokens]
                break
            said_before = [token for token in said if token.position < first.position]
            if not said_before or first.position - said_before[-1].position > _CONTEXT_WINDOW:
                continue
            repeated = (
                said_before[-1].speaker != first.speaker
                and len(digits) >= _MIN_READ_BACK
                and digits in _digits_said(said_before)
            )
            if repeated or _new_ending(run, tokens, said_before):
                yield entity_type, [token for atom in run for token in atom.tokens]
                break


_GIVEN_UP = re.compile(r"\b(no|sorry|wait|again|actually|hang on|hold on|let me|scratch that|i mean|start over)\b")


def _restarted(run: Sequence[_Atom], card: Sequence[_Token], tokens: Sequence[_Token]) -> bool:
    """Whether ``run`` is the start of ``card`` given up and read again ("So 5425 23, hang on, I'll start over.
    5425 2334 ..."): the same speaker, soon after, the card's first digits."""
    first, last = run[0].tokens[0], run[-1].tokens[-1]
    digits = "".join(atom.digits for atom in run)
    between = " ".join(t.norm for t in tokens[last.position + 1 : card[0].position])
    return (
        _GIVEN_UP.search(between) is not None
        and card[0].position > last.position
        and card[0].speaker == first.speaker
        and card[0].position - last.position <= _CONTEXT_WINDOW
        and len(digits) >= _MIN_READ_BACK
        and _digits_said(card).startswith(digits)
    )


_MIN_CORRECTED_ENDING = 3  # digits: "the last bit's 522"
# Said before new last digits for a number: "it ends 0193 now", "the last part's 7791"
_ENDING = re.compile(r"\b(ends|ending|last (four|for|three|bit|part|digits?|numbers?|few)('s)?)( in| with| is| are)?$")

_ENDING_AFTER = re.compile(r"((at|on) the end|(for|as) the last)\b(?! of\b)")


def _new_ending(run: Sequence[_Atom], tokens: Sequence[_Token], said_before: Sequence[_Token]) -> bool:
    """Whether ``run`` corrects the last digits of a number either side read ("We have 646-555-0121?" / "It ends
    0195 now"; "4402 7719, oh no, the last part is 7791"): at most as many digits, said right after "ends"
    or "the last bit"."""
    first = run[0].tokens[0]
    lead_in = " ".join(t.norm for t in tokens[max(0, first.position - _ANSWER_LEAD_WORDS) : first.position]
                       if t.segment == first.segment)  # fmt: skip
    digits = "".join(atom.digits for atom in run)
    if len(digits) > len(_digits_said(said_before)):
        return False
    if _ENDING.search(lead_in) is not None:
        return True
    # "646 209 3318, sorry, 3381 at the end": the ending named after the digits, given up for them just before
    last = run[-1].tokens[-1]
    after = " ".join(t.norm for t in tokens[last.position + 1 : last.position + 1 + _ANSWER_LEAD_WORDS]
                     if t.segment == last.segment)  # fmt: skip
    between = " ".join(t.norm for t in tokens[said_before[-1].position + 1 : first.position])
    return _ENDING_AFTER.match(after) is not None and _GIVEN_UP.search(between) is not None


_MIXED_ID_PART = re.compile(r"(?=[a-z-]*\d)(?=[\d-]*[a-z])[a-z\d]+(?:-[a-z\d]+)*", re.ASCII)
_MIN_MIXED_ID = 6  # characters: "W4K-88R-2P9", not a model's "XR-500"


_RADIO_LETTERS = {
    "alpha", "alfa", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "juliett",
    "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "victor",
    "whiskey", "whisky", "x-ray", "xray", "yankee", "zulu",
}  # fmt: skip
_DASHES = {"dash", "hyphen", "-"}
_MIN_SPELLED_ID = 5  # letters and digits: "G 6 6 R 0 4", not "A 4"


def _spelled_letter(tokens: Sequence[_Token], index: int) -> int:
    """How many words at ``index`` spell one letter of an id: "G", "kilo", "G as in golf", or "pl" or "k" next to
    a dash ("pl dash 7 7 3 dash k"); 0 if they do not."""
    token = tokens[index]
    following = [t.norm for t in tokens[index + 1 : index + 4] if t.segment == token.segment]
    core = token.text.strip(_PUNCTUATION)
    single = len(core) == 1 and core.isalpha() and core.isupper()
    if single and following[:2] == ["as", "in"] and len(following) == 3:
        return 3
    if token.norm in _RADIO_LETTERS or (single and core not in {"I", "A"}):
        return 1
    beside_dash = (index and tokens[index - 1].norm in _DASHES) or (following[:1] and following[0] in _DASHES)
    return 1 if beside_dash and token.norm.isalpha() and len(token.norm) <= _MISHEARD_LETTERS else 0


def _spelled_ids(tokens: Sequence[_Token]) -> Iterable[tuple[EntityType, list[_Token]]]:
    """An id read out as letters and digits ("G as in golf, 6 6, R as in romeo, 0 4", "kilo lima 4 4 7 2", "pl dash
    7 7 3 dash k") where an account, member or policy number is asked for or named just before or after it."""
    index = 0
    while index < len(tokens):
        run: list[_Token] = []
        letters = digits = radio = 0
        while index < len(tokens) and (not run or tokens[index].segment == run[-1].segment):
            token = tokens[index]
            spelled = _spelled_letter(tokens, index)
            said = _digits_of(token) if not spelled else None
            if spelled:
                letters += 1
                radio += token.norm in _RADIO_LETTERS
                run += tokens[index : index + spelled]
                index += spelled
            elif said and len(said) <= 4:
                digits += len(said)
                run.append(token)
                index += 1
            elif run and token.norm in _DASHES:
                run.append(token)
                index += 1
            else:
                break
        while run and run[-1].norm in _DASHES:
            run.pop()
        if not run:
            index += 1
            continue
        named = EntityType.ACCOUNT_NUMBER in _context_distances(tokens, run[0].position) or _CONTEXTS[
            EntityType.ACCOUNT_NUMBER
        ].search(_said_after(run[-1], tokens))
        # one word of the radio alphabet may be a word ("Delta 4472"): two or more spell
        spelled_id = letters and not (letters == radio == 1)
        if spelled_id and digits >= 2 and letters + digits >= _MIN_SPELLED_ID and named:
            yield EntityType.ACCOUNT_NUMBER, run


def _alphanumeric_ids(tokens: Sequence[_Token]) -> Iterable[tuple[EntityType, list[_Token]]]:
    """An id of letters and digits mixed ("3KP7-HW2-RD48", "1EG4 TE5 MK73") given after an account, member or
    Medicare number was asked for: letters and digits in each part."""
    index = 0
    while index < len(tokens):
        run: list[_Token] = []
        while (
            index < len(tokens)
            and _MIXED_ID_PART.fullmatch(tokens[index].norm)
            and (not run or tokens[index].segment == run[-1].segment)
        ):
            run.append(tokens[index])
            index += 1
        if not run:
            index += 1
        elif sum(len(t.norm.replace("-", "")) for t in run) >= _MIN_MIXED_ID and (
            EntityType.ACCOUNT_NUMBER in _context_distances(tokens, run[0].position)
        ):
            yield EntityType.ACCOUNT_NUMBER, run


# A card's details run together in one word: expiry and code (3 digits), expiry and code (4), or expiry alone.
_CARD_TAILS = ((4, 3), (4, 4), (4, 0))
_MIN_CARD_DIGITS = 12  # a card with a few digits lost
_MIN_CARD_WITH_TAIL = _MIN_CARD_DIGITS + 3


def _merged_card_details(atom: _Atom, tokens: Sequence[_Token]) -> list[tuple[EntityType, list[_Token]]]:
    """A card number, expiry and code that Whisper wrote as one word ("411111111111111104277310"), split into
    its parts where the digits after a card's length read as an expiry (and a code)."""
    if len(atom.tokens) != 1 or len(atom.digits) < _MIN_CARD_WITH_TAIL:
        return []
    token = atom.tokens[0]
    if not _CARD_CONTEXT.search(_window(tokens, token.position)):
        return []
    tails: tuple[tuple[int, int], ...] = _CARD_TAILS
    if len(atom.digits) <= 19:
        # As long as a card: only where the last question asked for what comes after the card ("...when does it
        # expire?" answered by a word holding the card said before, fused with the expiry).
        distances = _context_distances(tokens, token.position)
        nearest = min(distances, key=distances.__getitem__, default=None)
        if nearest is EntityType.CARD_EXPIRY:
            tails = ((4, 0), (4, 3), (4, 4))
        elif nearest is EntityType.CARD_SECURITY_CODE:
            tails = ((0, 3), (0, 4))
        else:
            return []
    text_start = token.start - (len(token.text) - len(token.text.lstrip(_PUNCTUATION)))  # of the raw word
    digit_offsets = [text_start + i for i, char in enumerate(token.text) if char.isdigit()]
    for expiry, code in tails:
        card = len(atom.digits) - expiry - code
        if card >= _MIN_CARD_DIGITS and (not expiry or _plausible_expiry(atom.digits[card : card + expiry])):
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


def _written_with_slash(atom: _Atom) -> bool:
    """Digits written with a slash between them ("06/15/2025", "03/30"): a date or an expiry, not part of a card."""
    return any(re.search(r"\d/\d", token.norm) for token in atom.tokens)


def _classify_run(run: Sequence[_Atom], tokens: Sequence[_Token]) -> Iterable[tuple[EntityType, list[_Token]]]:
    for candidate in run:
        merged = _merged_card_details(candidate, tokens)
        if merged:
            yield from merged
            others = [a for a in run if a is not candidate]
            if others:
                yield from _classify_run(others, tokens)
            return
    used = [False] * len(run)
    cards: list[list[_Token]] = []
    start = 0
    while start < len(run):  # card numbers first, the longest Luhn-valid stretch from each atom
        digits, card_end = "", None
        for end in range(start, len(run)):  # at most 19 digits ahead: linear in the run's length
            if _written_with_slash(run[end]):
                break  # "06/15/2025 to 06/15/2027": a date or an expiry, never a card's digits
            digits += run[end].digits
            if len(digits) > 19:
                break
            if len(digits) >= 13 and _luhn(digits):
                card_end = end
        if card_end is not None:
            cards.append([t for atom in run[start : card_end + 1] for t in atom.tokens])
            used[start : card_end + 1] = [True] * (card_end + 1 - start)
            start = card_end
        start += 1
    if cards and sum(len(atom.digits) for atom in run) <= 19:
        # No room for another number: the digits around the card are the card too, misheard or repeated.
        yield EntityType.CARD_NUMBER, [t for atom in run for t in atom.tokens]
        return
    for card in cards:
        yield EntityType.CARD_NUMBER, card
    rest: list[_Atom] = []
    after_card = False
    for atom, is_used in [*zip(run, used, strict=True), (None, True)]:
        if atom is not None and not is_used:
            rest.append(atom)
            continue
        if rest:
            yield from _details_after_card(rest, tokens) if after_card else _typed_numbers(rest, tokens)
            rest = []
        after_card = True


_SECURITY_CODE_LENGTHS = (3, 4)


def _details_after_card(rest: Sequence[_Atom], tokens: Sequence[_Token]) -> Iterable[tuple[EntityType, list[_Token]]]:
    """What follows a card in one breath: a month and year written with a slash is its expiry ("..., 03/30"),
    and three or four digits right after that expiry its security code ("..., 03/30, 227")."""
    first = rest[0]
    if not (_written_with_slash(first) and _plausible_expiry(first.digits)):
        yield from _typed_numbers(rest, tokens)
        return
    yield EntityType.CARD_EXPIRY, list(first.tokens)
    others = list(rest[1:])
    if others and len(others[0].digits) in _SECURITY_CODE_LENGTHS and len(others[0].tokens) == 1:
        yield EntityType.CARD_SECURITY_CODE, list(others[0].tokens)
        others = others[1:]
    if others:
        yield from _typed_numbers(others, tokens)


# Written in thousands ("3,400", "12,000,000"): a number said as an amount; an identifier is read digit by digit.
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+", re.ASCII)
_UNITS = {
    "dollars", "dollar", "bucks", "cents", "percent", "minutes", "minute", "hours", "hour", "days", "day", "weeks",
    "months", "years", "items", "boxes", "pounds", "euros", "miles", "inches", "feet",
}  # fmt: skip


def _is_quantity(atoms: Sequence[_Atom], tokens: Sequence[_Token]) -> bool:
    """An amount, a price or a length of time: "$312", "2000 and 40 dollars", "45 minutes", "3,400 points"."""
    first, last = atoms[0].tokens[0], atoms[-1].tokens[-1]
    if len(atoms) == 1 and _THOUSANDS.fullmatch(first.norm.rstrip(".,")):
        return True
    after = tokens[last.position + 1] if last.position + 1 < len(tokens) else None
    if after is not None and after.segment == last.segment and re.fullmatch(r"\.\d\d\b.*", after.text):
        after = tokens[after.position + 1] if after.position + 1 < len(tokens) else None  # "49 .99 dollars"
        if after is None or after.segment != last.segment or after.norm not in _UNITS:
            return True  # a price heard as "49 .99"
    return first.text.startswith("$") or (after is not None and after.segment == last.segment and after.norm in _UNITS)


def _typed_numbers(atoms: Sequence[_Atom], tokens: Sequence[_Token]) -> Iterable[tuple[EntityType, list[_Token]]]:
    """The run as one number if it is one; else each segment's part on its own (two answers, one speaker)."""
    if _is_quantity(atoms, tokens) or _ends_a_code(atoms[0].tokens[0], tokens):
        return
    digits = "".join(a.digits for a in atoms)
    segments = list(dict.fromkeys(atom.tokens[0].segment for atom in atoms))
    parts = _split_at_and(atoms, tokens) if len(segments) == 1 else []
    if len(parts) > 1:  # "March 3rd 1990, and 02139": two answers in one breath, if each is one
        found_in_parts = [found for part in parts for found in _typed_numbers(part, tokens)]
        if found_in_parts:
            yield from found_in_parts
            return
    # Longer than any one number: answers to several questions, told apart by their segments.
    entity_type = None if len(digits) > 19 and len(segments) > 1 else _number_type(digits, atoms, tokens)
    if entity_type is EntityType.PHONE_NUMBER and _is_business_line(digits, atoms[0].tokens[0], tokens):
        return
    if entity_type is not None:
        found = [t for a in atoms for t in a.tokens]
        if entity_type is EntityType.PHONE_NUMBER:
            found = _country_code_said(found[0], tokens) + found + _extension(found[-1], tokens)
        elif entity_type is EntityType.ACCOUNT_NUMBER:
            found = _letter_prefix(found[0], tokens) + found + _letter_suffix(found[-1], tokens)
        yield entity_type, found
        return
    if atoms[0].tokens[0].norm in _SOUNDALIKES and len(atoms) > 1:
        # A word that sounds like a digit read as one ("to" in "send them to 312 555 0199"): the number without it.
        yield from _typed_numbers(atoms[1:], tokens)
        return
    if len(segments) > 1:
        for segment in segments:
            yield from _typed_numbers([a for a in atoms if a.tokens[0].segment == segment], tokens)


_CODE_PART = re.compile(r"(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]+", re.ASCII)


def _ends_a_code(first: _Token, tokens: Sequence[_Token]) -> bool:
    """Digits read straight on from letters and digits mixed ("1Z 999 A1 03 2345 6789"): the rest of a parcel's or
    a product's code, not a number of their own."""
    if first.position == 0:
        return False
    before = tokens[first.position - 1]
    return (
        before.segment == first.segment
        and not before.text.endswith(tuple(_PUNCTUATION))
        and _CODE_PART.fullmatch(before.norm) is not None
    )


# Lines that reach a business, never a person's own phone.
_BUSINESS_LINES = {
    phonenumbers.PhoneNumberType.TOLL_FREE,
    phonenumbers.PhoneNumberType.PREMIUM_RATE,
    phonenumbers.PhoneNumberType.SHARED_COST,
    phonenumbers.PhoneNumberType.UAN,
}


def _is_business_line(digits: str, first: _Token, tokens: Sequence[_Token]) -> bool:
    """A toll-free ("1-800-555-0199"), premium-rate or shared-cost number."""
    international = first.text.startswith("+") or _international_prefix(first, tokens)
    try:
        number = phonenumbers.parse(("+" if international else "") + digits, None if international else "US")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.number_type(number) in _BUSINESS_LINES


def _split_at_and(atoms: Sequence[_Atom], tokens: Sequence[_Token]) -> list[list[_Atom]]:
    """The atoms in groups, a new group after each "and" said between two of them."""
    parts: list[list[_Atom]] = [[]]
    for atom in atoms:
        if parts[-1]:
            between = tokens[parts[-1][-1].tokens[-1].position + 1 : atom.tokens[0].position]
            if any(token.norm == "and" for token in between):
                parts.append([])
        parts[-1].append(atom)
    return parts


_EXTENSION_WORDS = {"ext", "extension"}
_MAX_EXTENSION_WORDS = 5


def _extension(last: _Token, tokens: Sequence[_Token]) -> list[_Token]:
    """The extension said right after a phone number ("ext 22", "extension three fourteen"): it reaches the person."""
    position = last.position + 1
    if position >= len(tokens) or tokens[position].segment != last.segment:
        return []
    if tokens[position].norm.rstrip(".") not in _EXTENSION_WORDS:
        return []
    digits = []
    for token in tokens[position + 1 : position + 1 + _MAX_EXTENSION_WORDS]:
        if token.segment != last.segment or (_digits_of(token) is None and token.norm not in _TENS):
            break
        digits.append(token)
    return [tokens[position], *digits] if digits else []


def _international_prefix(first: _Token, tokens: Sequence[_Token]) -> list[_Token]:
    """The "plus" said before a number's country code."""
    before = tokens[first.position - 1] if first.position else None
    return [before] if before is not None and before.segment == first.segment and before.norm == "plus" else []


_MISHEARD_CODE_WORDS = 2
_MISHEARD_CODE_LETTERS = 5


def _country_code_said(first: _Token, tokens: Sequence[_Token]) -> list[_Token]:
    """The "plus" and country code said before a phone number, also where Whisper heard the code as short words
    that are not digits ("plus free I 347 ..." for "plus three nine, three four seven")."""
    prefix = _international_prefix(first, tokens)
    if prefix:
        return prefix
    for back in range(2, _MISHEARD_CODE_WORDS + 2):
        position = first.position - back
        if position < 0 or tokens[position].segment != first.segment:
            return []
        between = tokens[position + 1 : first.position]
        if tokens[position].norm == "plus" and all(
            len(t.norm) <= _MISHEARD_CODE_LETTERS and t.norm.isalpha() for t in between
        ):
            return list(tokens[position : first.position])
    return []


_SPELLED_LETTERS = re.compile(r"[A-Z]{1,3}", re.ASCII)
_LETTERS_AND_FIRST_DIGITS = re.compile(r"[A-Z]{1,4}-\d{1,2}", re.ASCII)


def _letter_suffix(last: _Token, tokens: Sequence[_Token]) -> list[_Token]:
    """The letter an id ends with, said after its digits: "QQ 12 34 56 C" (not "I", a word, nor "A" unless it ends
    the turn: "LIF 0 0 7 2 9 9 1 A", not "4471 a month")."""
    nxt = tokens[last.position + 1] if last.position + 1 < len(tokens) else None
    if nxt is None or nxt.segment != last.segment:
        return []
    core = nxt.text.strip(_PUNCTUATION)
    after = tokens[nxt.position + 1] if nxt.position + 1 < len(tokens) else None
    ends = after is None or after.segment != nxt.segment or nxt.text[-1] in _PUNCTUATION
    turn_ends = after is None or after.segment != nxt.segment
    return [nxt] if (re.fullmatch(r"[B-HJ-Z]", core) and ends) or (core == "A" and turn_ends) else []


_SPELLING_WORDS = ("as", "in")  # "M as in Mary"


def _letter_prefix(first: _Token, tokens: Sequence[_Token]) -> list[_Token]:
    """The letters an account number starts with, as said before its digits: "HX dash", "H X", "M as in Mary", or
    with its first digits joined on, too few to be a number of their own ("PT-00 48 17 B")."""
    position = first.position - 1
    taken: list[_Token] = []
    letters = 0
    while position >= 0 and tokens[position].segment == first.segment:
        token = tokens[position]
        core = token.text.strip(_PUNCTUATION)
        spelled = position >= 3 and [t.norm for t in tokens[position - 2 : position]] == list(_SPELLING_WORDS)
        if token.norm in {"dash", "hyphen"}:
            taken.insert(0, token)
            position -= 1
        elif spelled and _SPELLED_LETTERS.fullmatch(tokens[position - 3].text.strip(_PUNCTUATION)):
            taken[:0] = tokens[position - 3 : position + 1]
            letters += 1
            position -= 4
        elif (core != "I" and _SPELLED_LETTERS.fullmatch(core)) or (
            not taken and _LETTERS_AND_FIRST_DIGITS.fullmatch(core)
        ):
            taken.insert(0, token)
            letters += 1
            position -= 1
        else:
            break
    while taken and taken[0].norm in {"dash", "hyphen"}:
        taken.pop(0)
    return taken if letters else []


# ---------------------------------------------------------------------------------------------------------
# Dates said after "date of birth" or "expires": "March 3, 1985", "the third of March nineteen eighty five"

# "in": between a date's parts, "born in 84, in June, the second"
_DATE_CONNECTORS = {"of", "the", "slash", "in", "", "de"}  # "de": "el 3 de marzo"
_DATE_LOOKAHEAD = 10  # tokens after the context in which the date must start


# A day named by its feast ("Boxing Day, eighty-three"): "eve" and "day" go on with it.
_FEASTS = {"christmas", "halloween", "hogmanay", "valentine's", "valentines", "boxing", "easter"}
_FEAST_DAYS = {"eve", "day"}


def _is_date_word(token: _Token) -> bool:
    return (
        token.norm in _DATE_MONTHS
        or token.norm in _FEASTS
        or token.norm in _ORDINAL_WORDS
        or token.norm in _TENS
        or token.norm in _DIGIT_WORDS
        or token.norm in {"hundred", "thousand"}
        or _digits_of(token) is not None
        or (re.fullmatch(r"[a-z]+-[a-z]+", token.norm) is not None and token.norm.split("-")[0] in _TENS)
    )


def _dates(tokens: Sequence[_Token]) -> Iterable[tuple[EntityType, list[_Token]]]:
    text = " ".join(token.norm for token in tokens)
    starts = [0]
    for token in tokens:
        starts.append(starts[-1] + len(token.norm) + 1)
    for entity_type in (EntityType.DATE_OF_BIRTH, EntityType.CARD_EXPIRY):
        for match in _CONTEXTS[entity_type].finditer(text):
            position = bisect.bisect_left(starts, match.end())
            if match.group().startswith("it runs") and _card_word_without_card(
                _CONTEXTS[entity_type], text[: match.end()], tokens, position
            ):
                continue  # "it runs until March" is a card's expiry only where a card was talked about
            found = _date_after(tokens, position, year_alone=entity_type is EntityType.DATE_OF_BIRTH)
            if found and not (entity_type is EntityType.CARD_EXPIRY and not _may_be_expiry(found, tokens)):
                yield entity_type, found
                yield from ((entity_type, corrected) for corrected in _corrected_dates(tokens, found))
    # "his birthday is 3/22/85" / "and yours?": the same asked of the one who just gave someone else's
    for match in _ASKED_AGAIN.finditer(text):
        position = bisect.bisect_left(starts, match.end())
        before = text[starts[max(0, position - _CONTEXT_WINDOW)] : match.start()]
        if _CONTEXTS[EntityType.DATE_OF_BIRTH].search(before):
            found = _date_after(tokens, position)
            if found and found[0].speaker != tokens[position - 1].speaker:
                yield EntityType.DATE_OF_BIRTH, found
    # A month and year said in the same breath after a card number, however the expiry is called ("the date on
    # it is August thirty one"): its expiry.
    for token in tokens:
        said_when = token.position and tokens[token.position - 1].norm in _WHEN_WORDS  # "paid it in March 2024"
        if token.norm in _DATE_MONTHS and not said_when and _card_read_before(tokens, token):
            found = _date_after(tokens, token.position)
            if found and found[0] is token and not any(map(_is_day, found)):
                yield EntityType.CARD_EXPIRY, found


_MAX_CORRECTIONS = 3


def _corrected_dates(tokens: Sequence[_Token], found: list[_Token]) -> Iterable[list[_Token]]:
    """Dates the same speaker says right after one to correct it ("February 14th, 1992, no sorry, the 4th"): of
    the same kind as the date they correct."""
    for _ in range(_MAX_CORRECTIONS):
        after = found[-1].position + 1
        correction = _date_after(tokens, after)
        if not correction or any(t.speaker != found[-1].speaker for t in tokens[after : correction[-1].position + 1]):
            return
        between = " ".join(t.norm for t in tokens[after : correction[0].position])
        if not _GIVEN_UP.search(between):
            return
        yield correction
        found = correction


_ASKED_AGAIN = re.compile(r"\b(?:and|what about|how about) (?:yours|your own|you)\b")
_WHEN_WORDS = {"in", "on", "since", "from", "by", "until", "till", "before", "after", "last", "next", "of", "during"}


def _may_be_expiry(found: Sequence[_Token], tokens: Sequence[_Token]) -> bool:
    """Whether a date said after "expiry" can be a card's: no day in it, and said in digits alone, a month and year
    ("oh four twenty nine", not "three one two") given for the expiry rather than for a code asked first
    ("security code and expiry?")."""
    if any(map(_is_day, found)):
        return False
    said = [token for token in found if token.norm not in _DATE_CONNECTORS]
    if not all(len(_digits_of(token) or "") == 1 for token in said):
        return True  # a month named, or numbers said as such ("two thousand thirty")
    digits = _digits_said(said)
    if not _plausible_expiry(digits):
        return False
    distances = _context_distances(tokens, found[0].position)
    fitting = sorted(
        (distance, kind)
        for kind, distance in distances.items()
        if kind in (EntityType.CARD_EXPIRY, EntityType.CARD_SECURITY_CODE) and len(digits) in _DIGIT_LENGTHS[kind]
    )
    return len(fitting) < 2 or _asked_first(fitting, tokens, found[0]) is EntityType.CARD_EXPIRY


def _is_day(token: _Token) -> bool:
    """An ordinal ("30th", "third", "twenty-first") or a feast: a day, which a card's expiry (a month and a year) does
    not have."""
    last_word = token.norm.rsplit("-", 1)[-1]
    return last_word in _ORDINAL_WORDS or token.norm in _FEASTS or _ORDINAL_DIGITS.fullmatch(token.norm) is not None


def _date_after(tokens: Sequence[_Token], position: int, year_alone: bool = False) -> list[_Token]:
    """The date said within a few words after ``position``; with ``year_alone``, also a year said on its own
    ("born in '84", "born in 1984")."""
    passed_a_number = False
    for begin in range(position, min(len(tokens), position + _DATE_LOOKAHEAD)):
        said = tokens[begin]
        if _is_date_word(said) and said.norm not in _DATE_CONNECTORS and not _exclaimed(tokens, begin):
            # Past a number that is no date ("5590 and january 8 1983": the answer to what was asked with it),
            # only a date that names its month.
            if passed_a_number and said.norm not in _DATE_MONTHS:
                continue
            found = _date_from(tokens, begin, year_alone)
            if found:
                return found
            passed_a_number = True
    return []


def _date_from(tokens: Sequence[_Token], begin: int, year_alone: bool) -> list[_Token]:
    end = _date_end(tokens, begin)
    found = list(tokens[begin : end + 1])
    while (going_on := _date_goes_on(tokens, end)) is not None:
        end = _date_end(tokens, going_on)
        found += tokens[going_on : end + 1]
    substantive = [t for t in found if t.norm not in _DATE_CONNECTORS]
    has_separators = len(substantive) == 1 and re.search(r"\d[/.\-]\d", substantive[0].norm) is not None
    year = len(substantive) == 1 and year_alone and _is_year(tokens, substantive[0])
    if not (len(substantive) >= 2 or has_separators or year):
        return []
    return _month_before(tokens, begin) + _article_before_day(tokens, begin) + found


def _exclaimed(tokens: Sequence[_Token], index: int) -> bool:
    """Whether "oh" at ``index`` is said as a word ("Oh, the third of May", "oh march third"), not as a zero: a
    digit follows it in the same breath only for a zero ("oh four twenty nine")."""
    token = tokens[index]
    if token.norm not in {"oh", "o"}:
        return False
    nxt = tokens[index + 1] if index + 1 < len(tokens) else None
    return (
        token.text[-1] in _PUNCTUATION or nxt is None or nxt.segment != token.segment or _digits_of(nxt) is None
    ) and not (nxt is not None and nxt.norm in _TENS)


def _is_year(tokens: Sequence[_Token], token: _Token) -> bool:
    """A year of birth said alone: "'84", or "1984" or "84" right after "born in" or "year of birth", not any year
    said after birth came up ("the birth certificate from 2019")."""
    if not re.fullmatch(r"(19|20)?\d\d", token.norm):
        return False
    before = tokens[token.position - 1] if token.position else None
    right_after = before is not None and (
        before.norm == "in" or _CONTEXTS[EntityType.DATE_OF_BIRTH].search(before.norm)
    )
    return token.text.startswith(("'", "\u2019")) or bool(right_after)


def _article_before_day(tokens: Sequence[_Token], begin: int) -> list[_Token]:
    """The "the" a day is said with ("the ninth of May", "le 5 mai"): part of the date as said."""
    if begin and tokens[begin - 1].norm in {"the", "le", "el"} and tokens[begin - 1].segment == tokens[begin].segment:
        # French and Spanish say the day as a plain number: "le 5 mai", "el 3 de marzo"
        digits = _digits_of(tokens[begin]) if tokens[begin - 1].norm != "the" else None
        plain_day = digits is not None and digits.isdigit() and 1 <= int(digits) <= 31
        return [tokens[begin - 1]] if _is_day(tokens[begin]) or plain_day else []
    return []


def _date_end(tokens: Sequence[_Token], begin: int) -> int:
    """The last word of the date words said from ``begin`` on."""
    end = begin
    while end + 1 < len(tokens) and (
        _is_date_word(tokens[end + 1])
        or (tokens[end + 1].norm in _FEAST_DAYS and tokens[end].norm in _FEASTS)
        or tokens[end + 1].norm in _DATE_CONNECTORS
        or (tokens[end + 1].norm == "and" and tokens[end].norm in {"thousand", "hundred"})  # "two thousand and one"
    ):
        end += 1
    while tokens[end].norm in _DATE_CONNECTORS or tokens[end].norm == "and":
        end -= 1
    return end


_DATE_PART_ASKED = re.compile(r"\b(year|month|day)\b")


def _date_goes_on(tokens: Sequence[_Token], end: int) -> int | None:
    """Where the speaker goes on with the date after the other side's backchannel or question for the rest of it
    ("November," / "And the year?" / "Twenty thirty."), if they do."""
    speaker = tokens[end].speaker
    position = end + 1
    while position < len(tokens) and tokens[position].speaker != speaker:
        position += 1
    between = tokens[end + 1 : position]
    if not between or position == len(tokens) or len(between) > _BACKCHANNEL_WORDS:
        return None
    asked = " ".join(t.norm for t in between)
    if any("?" in token.text for token in between) and not _DATE_PART_ASKED.search(asked):
        return None
    # "and the security code": asked for something else, not for the rest of the date
    if any(
        pattern.search(asked)
        for kind, pattern in _ASKED_CONTEXTS.items()
        if kind not in (EntityType.DATE_OF_BIRTH, EntityType.CARD_EXPIRY)
    ):
        return None
    if _pause_ms(tokens[end], tokens[position]) > _MAX_PAUSE_MS:
        return None
    # "October," / "Mm-hmm." / "the ninth, ...": the date goes on after "the" or "of" said first.
    said = position
    while (
        said + 1 < len(tokens)
        and tokens[said].norm in _DATE_CONNECTORS
        and tokens[said + 1].segment == tokens[position].segment
    ):
        said += 1
    following = tokens[said]
    if following.norm in _DATE_CONNECTORS or not _is_date_word(following):
        return None
    return position


def _month_before(tokens: Sequence[_Token], begin: int) -> list[_Token]:
    """The month, when it is the same speaker's word right before the date: Whisper sometimes ends a speaker's
    previous segment with it ("...6789. March" / "third, 1985"), before the question that gives the context."""
    speaker = tokens[begin].speaker
    for token in reversed(tokens[:begin]):
        if token.speaker == speaker:
            return [token] if token.norm in _DATE_MONTHS else []
    return []


# ---------------------------------------------------------------------------------------------------------
# Patterns on segment text: e-mail addresses, street addresses, names

_TLDS = r"(?:com|net|org|edu|gov|io|co|us|uk|ca|info|biz|me|de|fr|ai|app|dev)"
# Countries' endings ("seznam dot cz", "alice dot it"): some are words ("it", "in", "at", "no"), so only after "dot" or
# a written dot, never after "point" or "period" ("at the point in time").
_COUNTRY_TLDS = r"(?:se|it|nl|es|pl|ie|ch|at|be|dk|no|fi|pt|nz|au|in|jp|br|mx|za|sg|eu|gr|cz|hu|ro|il|ph|ng|ke)"
_NUMBER_WORD = (
    r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)"
)
# A local part: a word, spelled letters, or a first and last name said for "first.last" ("Daniel Wright at ...").
# Spelled letters may have digits said among them or before a word after them: "J T nine nine K", "P J nine two
# harper".
_UNIT = (
    r"(?:(?-i:[A-Z][a-z]+\s+[A-Z][a-z]+)|[a-z0-9]+(?:[._+-][a-z0-9]+)*"
    # letters and digits said one at a time, each followed by a comma: "d, a, v, e, 9, 0, at ..."
    r"|(?<![\w'])[a-z0-9](?:,\s*[a-z0-9]\b){2,30}"
    rf"|(?<![\w'])[a-z](?:\s+(?:{_NUMBER_WORD}\s+)*[a-z]\b){{1,20}}(?:(?:\s+{_NUMBER_WORD})+\s+[a-z]{{2,}})?)"
)
# Said between the parts of a local part: "dot" (also between commas: "F-I-O-N-A, dot, M-C"), digits run on without
# one ("okafor seventy seven" for "okafor77"), a word after a spelled capital ("S K eight E R dan"), or "that's"
# before the same part spelled again ("lars dot ek, that's L-A-R-S dot E-K"; not "my email, that's kim at ...").
_LOCAL_SEPARATOR = (
    r"(?:\s*[._-]\s*|,?\s+(?:dot|period|point|underscore|dash|hyphen),?\s+"
    rf"|\s+(?=(?:{_NUMBER_WORD}|\d+)\b)|(?<=(?<![\w'])(?-i:[A-Z]))\s+(?=[a-z]{{2}})"
    r"|,?\s+(?:that's|that is|spelled|spelt)\s+(?=[a-z][\s-][a-z]\b))"
)
_DOT = r"(?:\s*\.\s*|\s+(?:dot|period|point)\s+)"
_DOMAIN_ENDING = rf"(?:{_DOT}{_TLDS}|(?:\s*\.\s*|\s+dot\s+){_COUNTRY_TLDS})"
# A letter said before the rest of a label: "g mail", "e -mail" (read "e  mail").
_DOMAIN_LABEL = r"(?:[a-z]\s+)?[a-z0-9]+(?:-[a-z0-9]+)*"
_EMAIL = re.compile(
    # Bounded repeats: a long run of "dot"s must not cost quadratic time.
    rf"(?<![\w'])(?:{_UNIT})(?:{_LOCAL_SEPARATOR}{_UNIT}){{0,6}}(?:\s*@\s*|,?\s+at\s+)"
    rf"{_DOMAIN_LABEL}(?:{_DOT}{_DOMAIN_LABEL}){{0,3}}?{_DOMAIN_ENDING}(?:{_DOT}(?:uk|au|nz|za|in|jp|br))?\b",
    re.IGNORECASE,
)
# Written with its "@", an address is one whatever its ending: "r.osei@kumasi-mail.com.gh", "li@post.museum".
_WRITTEN_EMAIL = re.compile(r"(?<![\w.+-])[\w+-]+(?:\.[\w+-]+)*@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.IGNORECASE)
# A flat, unit or apartment said before the house number: "Flat 4, 27 ...", "Unit 12, 40 ...", "Apartment 3B, 9 ...".
_UNIT_NAMED = rf"\b(?i:flat|unit|apartment|apt|suite)\.?\s*(?:\d+[A-Za-z]?|[A-Z]\b|(?i:{_NUMBER_WORD}))"
# also with a slash before the house number, the Australian way: "Unit 3/41 ...", "7/15 ..."
_UNIT_FIRST = rf"(?:{_UNIT_NAMED}(?:,?\s+|/(?=\d))|\b\d+[A-Za-z]?/(?=\d))?"
# After a city or state: a US ZIP (also in digit groups Whisper spaced, "4 -5 -402", or in words), a four-digit
# Australian or six-digit Indian one ("New South Wales 2007", "Bengaluru 560001", "560 001").
_ZIP_AFTER_CITY = (
    rf"(?:\d{{5}}(?:-\d{{4}})?|\d{{6}}|\d{{3}}\s\d{{3}}|\d{{4}}|\d(?:\s+\d+){{1,4}}(?<=\d)(?=\b)"
    rf"|(?i:{_NUMBER_WORD})(?:[\s-]+(?i:{_NUMBER_WORD})){{4,5}})"
)
_STREET_KINDS = (
    r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|circle|"
    r"parkway|pkwy|highway|hwy|square|trail|alley|parade|crescent"
)
# Kinds of street that are also everyday words ("in a row", "close by"): only capitalised, after a house number
# and a capitalised name ("5 Chestnut Row", "402 Juniper Hollow").
_CAPITALISED_STREET_KINDS = r"(?:Row|Close|Mews|Grove|Gardens|Hollow|Walk|Rise|Green|Hill|Heights|Ridge|Loop|Bend|Path)"
_US_STATE_CODES = (
    r"(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|"
    r"OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)"
)
_NOT_PLACE_WORDS = r"(?:and|the|my|is|it's|its|zip|code|postcode|number|was|or|but|so|please|then)"
_ADDRESS = re.compile(
    rf"(?:{_UNIT_FIRST}\b(?:\d+(?:\s+\d+)*[A-Za-z]?|(?i:{_NUMBER_WORD})(?:[\s-]+(?i:{_NUMBER_WORD})){{0,4}})"
    rf"|{_UNIT_NAMED},)"  # a flat on a street without a house number: "Flat 2, Harbour Terrace"
    # a direction may be abbreviated in lower case: "2200 s. Congress avenue"
    r"(?:\s+(?:[A-Z0-9][\w'.]*|(?i:north|south|east|west)|(?i:[nsew]|ne|nw|se|sw)\.)){1,3}?\s+"
    # "3 Quarry Hill Road": a word of the name when a capitalised word follows
    rf"(?:(?i:{_STREET_KINDS})|{_CAPITALISED_STREET_KINDS}(?!\s+[A-Z]))\b\.?"
    rf"(?:,?\s+(?i:apartment|apt|unit|suite|number|#)\.?\s*(?:(?i:{_NUMBER_WORD})(?:[\s-]+(?i:{_NUMBER_WORD})){{0,3}}\b|[\w-]+))?"
    # state and ZIP, or a city and state (and its ZIP); a state may be its postal code ("Monterey CA")
    rf"(?:,?(?:\s+[A-Z][\w.]*,?){{1,4}}\s+{_ZIP_AFTER_CITY}\b"
    rf"|(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?){{1,2}}(?:,?\s+{_US_STATE_CODES}\b)?(?:,?\s+{_ZIP_AFTER_CITY}\b)?"
    # a city and state in lower case end with their ZIP: "... apartment 14 austin texas 78704"
    rf"|(?:,?\s+(?!{_NOT_PLACE_WORDS}\b)[a-z]+){{1,3}},?\s+\d{{5}}(?:-\d{{4}})?\b)?"
)
# Some speech comes written all in lower case: there a street is known by its kind alone, and its name's words by
# being none of the words a sentence is made of ("27 brookhaven drive unit 4", "thirty one eighteen state highway
# twelve, cedar rapids"; not "5 minutes down the road", "a 2 way street").
_NOT_STREET_NAME_WORDS = (
    r"(?:the|a|an|my|your|our|his|her|their|this|that|these|those|of|to|on|in|at|by|up|down|for|and|or|from|with|"
    r"more|less|minutes?|hours?|days?|weeks?|months?|years?|miles?|blocks?|times|people|kids|cars|houses|doors|"
    r"lanes?|ways?|streets?|roads?|it|is|was|were|are|be|been|i|we|you|they|he|she|just|only|about|other|same|"
    rf"next|last|first|second|third|{_STREET_KINDS})"
)
_LOWER_CASE_ADDRESS = re.compile(
    rf"\b(?:\d+[a-z]?|{_NUMBER_WORD}(?:[\s-]+{_NUMBER_WORD}){{0,4}})"
    rf"(?:\s+(?!{_NOT_STREET_NAME_WORDS}\b)[a-z][a-z'.-]*){{1,3}}?\s+(?:{_STREET_KINDS})\b\.?"
    rf"(?:\s+(?:\d+|{_NUMBER_WORD})\b)?"  # a numbered road: "county road nine"
    rf"(?:,?\s+(?:apartment|apt|unit|suite|number|#)\.?\s*(?:{_NUMBER_WORD}\b|\d+[a-z]?\b))?"
    r"(?:,\s+(?!the\b|and\b|but\b|so\b|please\b|thanks\b)[a-z]+(?:\s+(?!and\b|please\b)[a-z]+)?(?=\s*(?:[.,!?]|$)))?"
)
# In lower-case text a name is known only by what is said around it: "this is declan mcbride calling", "my name is
# tomas"; its words must be none of those the sentence goes on with ("this is just calling", "my name is on it").
_NOT_NAME_WORDS = (
    r"(?:just|only|still|also|really|actually|not|me|the|a|an|your|my|our|his|her|their|calling|about|from|with|back|"
    r"again|now|finally|regarding|re|someone|somebody|us|him|them|on|in|at|for|to|and|so|here|speaking|going|trying|"
    r"afraid|sorry|fine|good|well|happy|glad|ringing|phoning|returning|following|hoping|wondering|spelled|spelt|"
    r"wrong|right|correct|missing|different|changed|important|down|up|there|gone)"
)
# lower-case letters beyond ASCII too: "krüger", "núñez"
_LOWER_CASE_NAME_WORD = rf"(?!{_NOT_NAME_WORDS}\b)[a-zß-öø-ÿ][a-zß-öø-ÿ'-]+"
_LOWER_CASE_NAME = re.compile(
    # "its": the apostrophe is often not written
    rf"\b(?:(?:this is|it's|its|i'm|i am)\s+(?P<caller>{_LOWER_CASE_NAME_WORD}(?:\s+{_LOWER_CASE_NAME_WORD})?)"
    r"\s+(?:(?:calling|ringing)(?=\s*(?:[,.!?]|$)|\s+(?:about|from|regarding|re|for|on|back|because|to)\b)"
    r"|(?:i'm|i am) (?:calling|ringing)\b|here\b|speaking\b)"
    rf"|(?:my name is|my name's|name's)\s+(?P<named>{_LOWER_CASE_NAME_WORD}(?:\s+{_LOWER_CASE_NAME_WORD})?)"
    r"(?=\s*(?:[,.!?]|$)|\s+(?:and|calling|from|here|speaking)\b))"
)
# Addressed by title in lower case ("thank you mister oconnell", "hi miss hwang."): after a greeting or thanks, so
# "miss" is no verb ("I'll miss the bus") and "doctor" no one's doctor.
_LOWER_CASE_TITLED_NAME = re.compile(
    r"\b(?:thank you|thanks|hi|hello|hey|sorry|okay|ok|yes|right|alright|great|perfect|bye|goodbye|morning|"
    r"afternoon|evening),?\s+(?:mister|mr|mrs|missus|ms|miss|doctor|dr)\.?\s+"
    rf"(?P<name>{_LOWER_CASE_NAME_WORD})\b"
)
# Who an answer says the name is of, before the name: "my husband graham o'rourke", "my mum, Rita Okafor".
_RELATIONS = (
    r"(?:husband|wife|partner|son|daughter|mother|mum|mom|father|dad|brother|sister|grandmother|grandfather|"
    r"grandma|grandpa|nan|aunt|uncle)"
)
_NAME_ANSWER_LEAD = (
    r"(?:(?i:it's|its|it is|yes|yeah|yep|sure|of course|okay|ok|hi|hello|um|uh|oh|this is|i'm|i am|my name is|that's|"
    rf"that is|under|it's under|(?:it's |its |that's )?my {_RELATIONS}|i think it was|i think|it was)[,.]?\s+)*"
)
# A name asked for and answered in lower case: two or three words that end the answer or its first part
# ("roberto villanueva", "seamus doherty, 2 29 1984"); none a word an answer is otherwise made of.
_NOT_ANSWERED_NAME_WORDS = (
    r"(?:same|as|one|please|hold|sec|second|minute|what|which|who|i|i'm|don't|dont|know|can|you|repeat|that|it|is|"
    r"was|yes|no|ok|okay|sure|of|course|name|names|mine|account|card|is|be|yeah|yep|hmm|um|uh|oh|umm|sounds|great|"
    r"thanks|thank|let|think|wait|need|why|how|where|when|hang|nope|both|joint|excuse|pardon|come|again|do|did|"
    r"does|have|has|had|got|get|looks|seems|good|perfect|lovely|cool|nice|alright)"
)
_LOWER_CASE_ANSWERED_NAME_WORD = rf"(?!{_NOT_ANSWERED_NAME_WORDS}\b){_LOWER_CASE_NAME_WORD}"
_LOWER_CASE_NAME_ANSWER = re.compile(
    rf"{_NAME_ANSWER_LEAD}(?P<name>{_LOWER_CASE_ANSWERED_NAME_WORD}(?:\s+{_LOWER_CASE_ANSWERED_NAME_WORD}){{1,2}})"
    r"(?=\s*(?:[,.!?]|$))"
)
# A box at a post office or on a rural route ("RR 4 Box 27"), then a place and its code.
_PO_BOX = re.compile(
    r"\b(?:(?:P\.?\s?O\.?|(?i:post office))\s+(?i:box)|(?:R\.?R\.?|(?i:rural route))\s*\d+,?\s+(?i:box))\s+"
    rf"(?:\d+|(?i:{_NUMBER_WORD})(?:[\s-]+(?i:{_NUMBER_WORD})){{0,9}})"
    rf"(?:,?(?:\s+[A-Z][\w.]*,?){{1,4}}\s+{_ZIP_AFTER_CITY}\b|(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?){{1,2}})?"
)
# A British or Canadian postcode ("LS6 2AB", "M4C 1B5") ends an address of a house number and capitalised words,
# whatever its street is called ("7 Quarry Hill, Leeds, LS6 2AB").
# Irish Eircodes ("D02 X285") too.
_POSTCODE = (
    r"(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d"
    r"|(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?[\dAC-FHKNPRTV-Y]{4})"
)
# A city's district may follow its name: "Dublin 2, D02 WR97".
_POSTCODE_ADDRESS = re.compile(
    rf"{_UNIT_FIRST}\b\d+[A-Za-z]?(?:,?\s+[A-Z][\w'.-]*(?:\s+\d{{1,2}}\b)?){{1,6}},?\s+{_POSTCODE}\b"
)
# Where the postcode comes before the city (France, Germany, Spain, Italy, ...): a street named after its kind
# and a house number ("62 Rue des Lilas", "Calle Mayor 5", "Hauptstraße 12"), then "75019 Paris".
_CONTINENTAL_ADDRESS = re.compile(
    r"\b(?:\d+[A-Za-z]?,?\s+(?i:rue|avenue|av|boulevard|bd|chemin|allée|allee|place|quai|impasse|via|viale|calle|"
    r"avenida|rua|piazza|plaza|paseo|carrer|strada|route)\b(?:\s+[\w'\u2019.-]+){1,4}?"
    r"|(?:(?i:rue|via|calle|avenida|rua|piazza|plaza|paseo|carrer|strada)(?:\s+[\w'\u2019.-]+){1,4}?"
    r"|[A-Z][\w-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|damm|ufer|straat|laan|gracht|vej|gatan|gata|veien))"
    r",?\s+\d+[A-Za-z]?)"
    r",?\s+\d{4,5}\s+[A-Z][\w'\u2019-]+(?:[\s-][A-Z][\w'\u2019-]+)?"
)
# Asked for or announced: then a house number and the words after it are the address, even where the street's
# kind was misheard ("77 large portort, Austin, Texas").
_ADDRESS_CONTEXT = re.compile(
    r"(?<!email )(?<!e-mail )(?<!web )\baddress\b|\b(live|living|located|moved|moving) (at|to)\b"
    r"|\b(ship|send|deliver|post|mail)(ed)?( it| them| that)? to\b"
    r"|\bwhere (should|shall|do|can|would|will) (we|i|you) (ship|send|deliver|post|mail)\b"
)
_ANSWERED_ADDRESS = re.compile(
    # A flat in a named building has no house number: "Flat 9C, Nilgiri Heights, 4th Cross, ..."
    rf"(?:\b(?i:flat|unit|apartment|apt|suite)\.?\s*(?:\d+[A-Za-z]?|(?i:{_NUMBER_WORD}))(?=,)"
    rf"|{_UNIT_FIRST}(?<![\w'.-])(?:\d+[A-Za-z]?|(?i:{_NUMBER_WORD})(?:[\s-]+(?i:{_NUMBER_WORD})){{0,4}}))"
    # the words may name a numbered road: "7th Cross", "2nd Main"
    # and a postcode's second half after its first: "..., H2B 1K9"
    r"(?P<words>(?:,?\s+(?:[A-Za-z][\w'-]*|\d{1,3}(?:st|nd|rd|th)\b|\d[A-Z]\d\b|\d[A-Z]{2}\b)){2,8})"
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
_HOUSE_WORDS = {
    "Cottage", "Cottages", "House", "Farm", "Farmhouse", "Rectory", "Vicarage", "Lodge", "Barn", "Mill", "Hall",
    "Manor", "Villa", "Grange", "Granary", "Croft", "Bungalow", "Chapel", "Stables", "Orchard", "Oast", "Court",
}  # fmt: skip
_NAMED_HOUSE_ADDRESS = re.compile(
    r"(?<![\w'])(?!(?:It's|It|Its|That's|Yes|Yeah|So|Sure|Okay|Ok|Um|Uh|Well|No)\b)"
    rf"(?P<house>(?:The\s+)?{_CAPITALISED_WORDS}),\s+{_CAPITALISED_WORDS}\s+"
    r"(?:Street|Road|Lane|Avenue|Drive|Close|Way|Place|Terrace|Crescent|Row|Court|Gardens),\s+"
    rf"{_CAPITALISED_WORDS}"
)
# Begun with a flat's number, such an address is one without being asked for: "Flat 302, ..., Bengaluru 560038".
_FLAT_PIN_ADDRESS = re.compile(
    rf"{_UNIT_NAMED},?\s+{_ADDRESS_PART}(?:,\s+{_ADDRESS_PART}){{2,6}},?\s+[1-8]\d{{2}}\s?\d{{3}}\b"
)
# The rest of an address given after a backchannel may be its town and code alone: "Tulsa, Oklahoma 74103.",
# "Leeds, LS6 2AB."
_PLACE_AND_CODE = re.compile(rf"(?P<words>(?:[A-Z][\w'.-]*,?\s+){{1,4}})(?:{_ZIP_AFTER_CITY}|{_POSTCODE})\b")
_ANSWER_LEAD_WORDS = 3  # "Sure, it's 77 ...": the address starts the answer
_ANSWER_LEAD_IN = re.compile(r"(?:(?i:it's|it is|yes|yeah|sure|so|that's|um|uh|okay|ok),?\s+)*")
_NOT_STREET_WORDS = {
    "o'clock", "am", "pm", "a.m", "p.m", "seconds", "second", "times", "of", "or", "and", "to", "percent", "more",
    "less", "people", "digits", "numbers", "left", "ago",
}  # fmt: skip
# "Grace", "O'Connell", "McKenna", "Smith-Jones"
# Lower-case letters beyond ASCII too: "Wróblewski", "Müller", "Núñez"
_LOWER = r"[^\W\dA-Z_À-ÖØ-Þ]"
_NAME = rf"[A-ZÀ-ÖØ-Þ](?:'[A-Z])?{_LOWER}+(?:[A-Z]{_LOWER}+)?(?:-[A-Z]{_LOWER}+)?"
_NOT_NAMES = {
    "Sorry", "Fine", "Good", "Great", "Calling", "Just", "Not", "Here", "The", "Your", "Our", "This", "That",
    "Okay", "Ok", "Yes", "No", "So", "Well", "Thanks", "Thank", "Happy", "Glad", "Looking", "Trying", "Sure",
    "Google", "Alexa", "Siri",  # "Okay Google, ...": a voice assistant, not a person
    "Still", "Also", "Really", "Very", "Hello", "Hi", "Unable", "Afraid", "Going", "With", "In", "On", "At",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today", "Tomorrow",
    "There", "Everyone", "All", "Again", "Sir", "Madam", "Team", "Guys", "Folks", "Both", "Everybody", "Then",
    "Bye", "Much", "Anyway", "Though", "Morning", "Afternoon", "Evening", "Night", "Love", "Mate", "Mr", "Mrs",
    "Ms", "Miss", "Dr", "Someone", "Somebody", "Nobody", "Anyone", "Anybody", "Nothing", "Everything", "Who",
    "Me", "Us", "Myself", "Congratulations", "Oh", "Um", "Uh", "Ah", "Er", "Erm", "Hmm", "Yeah", "Yep",
}  # fmt: skip
# Words of a business's or department's name: "Northgate Veterinary calling", "Harbourview Dental speaking" announce a
# business, not a person.
_BUSINESS_WORDS = {
    "Veterinary", "Vet", "Vets", "Clinic", "Dental", "Dentistry", "Pharmacy", "Bank", "Banking", "Insurance",
    "Services", "Service", "Solutions", "Company", "Co", "Ltd", "Inc", "Llc", "Group", "Hospital", "Surgery",
    "Motors", "Energy", "Electric", "Utilities", "Water", "Gas", "Telecom", "Mobile", "Wireless", "Airlines",
    "Airways", "Travel", "Hotel", "Hotels", "Resort", "Furniture", "Store", "Stores", "Shop", "Market", "Pizza",
    "Restaurant", "Garage", "Auto", "Medical", "Health", "Healthcare", "Care", "Credit", "Union", "Finance",
    "Financial", "Capital", "Realty", "Properties", "Estates", "Housing", "Council", "Office", "Department",
    "Support", "Desk", "Centre", "Center", "Practice", "Associates", "Partners", "Law", "Legal", "Logistics",
    "Delivery", "Deliveries", "Couriers", "Express", "Ferries", "Library", "School", "University", "College",
    "Academy", "Studio", "Studios", "Salon", "Spa", "Fitness", "Gym", "Plumbing", "Heating", "Cleaning", "Repairs",
    "Systems", "Technologies", "Tech", "Labs", "Optical", "Opticians", "Vision", "Physio", "Physiotherapy",
    "Kennels", "Grooming", "Animal", "Pets", "Florist", "Bakery", "Books", "Broadband", "Internet", "Cable",
    "Billing", "Claims", "Sales", "Accounts", "Reception", "Street", "Road", "Avenue", "Help", "Helpdesk", "Customer",
    "Customers", "Relations", "Complaints", "Returns", "Membership", "Plus", "Premium", "Warranty", "Plan", "Cover",
    "Protection", "Package", "Bundle",
}  # fmt: skip
_TITLES = r"(?:Mr|Mrs|Ms|Miss|Dr)"
_NAME_CUES = re.compile(
    r"(?:\b(?i:my name is|my name's|name is|the name is|name's|i am|i'm|this is|it's|its|he's|she's|he is|she is|"
    r"speaking with|talking to|"
    # one's own name as the call is put through: "You're through to Ines at ...", "you're speaking to Tomas"
    r"(?:you're|you are|you've been put) (?:through|speaking|connected) to|"
    r"you've reached|you have reached|(?:first|last|middle|family|given|maiden|sur) ?name(?: is|'s)?,?|"
    # whose an account, card or policy is: "The account holder is Ifeoma Eze", "the policyholder's Jo Reyes"
    r"(?:(?:account|card|policy|joint|primary) ?holder|beneficiary|payee|recipient|deceased|insured)"
    r"(?: is| as|'s| was)?,?|"
    # read from the records: "I have the payee as Ines Vidal", "what I have: Ada Lowe, 4 Elm Road"
    r"(?:i have|i've got) (?:you|it|them|him|her) (?:down )?as|i have(?: here| on file| on record)?:|"
    # whom something is under or for, or whom to ask for: "it's under Ana Ruiz", "addressed to Li Wei", "ask for Sam"
    r"(?:it's|it is|it was|is|was|all|put it|book it|booked|registered|listed|reserved) under|"
    # "The account's under Ana Ruiz"
    r"(?:account|booking|reservation|order|policy|appointment|card|subscription|membership)'s under|"
    r"(?:addressed|made out|made payable) to|in the name of|"
    r"(?:ask|asking|asked) for|(?:speak|spoke|spoken|talk|talked) (?:to|with))\s+"
    r"(?:(?i:uh|um|er|erm),?\s+)?"  # "this is uh Yusuf, ..."
    rf"|\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)(?P<name>(?!{_TITLES}\b){_NAME}(?:\s+{_NAME}){{0,2}})"
)
# After "this is", "it's", "I am": only a name followed by what people say after their name counts.
_WEAK_CUES = re.compile(
    r"(?i:this is|it's|its|he's|she's|he is|she is|i am|i'm|you've reached|you have reached)\s+"
    r"(?:(?i:uh|um|er|erm),?\s+)?$"
)
_THIRD_PERSON_CUE = re.compile(r"(?i:he's|she's|he is|she is)\s+(?:(?i:uh|um|er|erm),?\s+)?$")
# A name said to greet or thank someone ("Hi Daniel,", "Thanks Grace."), or to announce oneself ("Kevin here").
_GREETED = re.compile(
    # "Okay Zanele, I've found ...": said to whom one is talking, a comma after the name
    r"\b(?:Hi|Hello|Hey|Thanks|Thank you|Bye|Goodbye|Morning|Cheers|Dear|Okay|OK|Alright|All right)\s*,?\s+"
    rf"(?P<name>{_NAME}(?:\s+{_NAME})?)(?=\s*[,.!?]|$)"
    rf"|(?:^|(?<=[.,!?]\s))(?P<self>{_NAME}(?:\s+{_NAME})?)\s+(?:here|speaking)\b"
    # "Bartholomew calling about ...", "Dana Ruiz calling from ...": one's own name before "calling"
    rf"|(?:^|(?<=[.,!?]\s))(?P<caller>{_NAME}(?:\s+{_NAME})?)\s+calling\b"
    # Said back after an acknowledgement: "Sure, Karin. For the application ..."
    r"|\b(?:Sure|Okay|OK|Right|Certainly|Of course|Perfect|Lovely|Alright|All right|Absolutely|No problem),\s+"
    rf"(?P<acknowledged>{_NAME})(?=[.!]\s+[A-Z]|,\s)"
    # A relative or someone one speaks for, named: "on behalf of my father, Anselm Richter, he's ..."
    r"|\b(?i:(?:my|our|his|her|their)\s+(?:late\s+|elderly\s+)?(?:father|mother|dad|mum|mom|husband|wife|son|"
    r"daughter|brother|sister|partner|grandmother|grandfather|grandma|grandpa|granddaughter|grandson|aunt|uncle|"
    r"niece|nephew|cousin|fianc[eé]e?|boyfriend|girlfriend|stepfather|stepmother|stepson|stepdaughter|"
    r"father-in-law|mother-in-law|son-in-law|daughter-in-law)(?:'s name)?|on behalf of),?\s+"
    rf"(?P<relative>{_NAME}(?:\s+{_NAME}){{0,2}})(?=\s*[,.!?;]|\s+[a-z]|$)"
)
_GREETED_GROUPS = ("name", "self", "caller", "acknowledged", "relative")
# Letters spelled after a name, or after "spelled": "Sam, S A M", "spelled K-O-W-A-L-S-K-I".
# A letter spelled, also with a word for it ("N as in Nancy", "G for golf"); letters in the radio alphabet.
_SPELLED_LETTER = r"[A-Z]\b(?:\s+(?i:as in|for)\s+[A-Za-z]+\b)?"
_RADIO_LETTER = (
    r"(?i:alpha|alfa|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliett?|kilo|lima|mike|november|oscar|"
    r"papa|quebec|romeo|sierra|tango|uniform|victor|whiske?y|x-ray|xray|yankee|zulu)\b"
)
_RADIO_SPELLING = rf"{_RADIO_LETTER}(?:[\s,.-]+{_RADIO_LETTER}){{2,30}}"
_SPELLED_AFTER_NAME = re.compile(
    rf"[,.]?\s+(?:(?i:that's|spelled|spelt)\s+)?(?:{_SPELLED_LETTER}(?:(?:[\s.-]+|,\s*){_SPELLED_LETTER}){{1,30}}"
    rf"|{_RADIO_SPELLING})"
)
# the letters may be written in lower case: "Fionnuala, spelled f i o n n u a l a"
_SPELLED_NAME = re.compile(
    r"\b(?i:spelled|spelt|spell it|spelling is)[:,]?\s+(?P<name>[A-Za-z](?:[\s.,-]+[A-Za-z]\b){2,30})"
)
_AFTER_NAME = re.compile(r"\s*(?:,|\.|$|\s+(?i:speaking|from|calling|here|with|at|and|in)\b)")


_EMAIL_CONTEXT = re.compile(r"\b(e-?mail|e mail)\b")
# "john dot smith at gmail dot com" heard as one word: "on.smithatemail.com"
# or the "at" lost in it ("bracercaferadoutlook .com"): after "email", a domain said is the address.
_RUN_TOGETHER_EMAIL = re.compile(rf"[a-z0-9._-]+\.(?:{_TLDS}|{_COUNTRY_TLDS})(?:\.[a-z]{{2}})?")


_EMAIL_JOINERS = ".@"
_MAX_EMAIL_TOKENS = 6


def _run_together_emails(tokens: Sequence[_Token]) -> Iterable[tuple[EntityType, list[_Token]]]:
    """After "email": an address heard as one word, or as words joined by dots ("Priya .Kanatiyahu .com")."""
    for first in range(len(tokens)):
        joined = tokens[first].text
        for last in range(first, min(len(tokens), first + _MAX_EMAIL_TOKENS)):
            if last > first:
                previous, token = tokens[last - 1], tokens[last]
                if token.segment != previous.segment or not (
                    token.text[0] in _EMAIL_JOINERS
                    or previous.text.rstrip(",")[-1] in _EMAIL_JOINERS
                    or token.hyphen_led  # a group Whisper started, here of the address: "John .smithat -gmail .com"
                ):
                    break
                joined += token.text
            if _RUN_TOGETHER_EMAIL.fullmatch(joined.strip(_PUNCTUATION).lower()) and _EMAIL_CONTEXT.search(
                _window(tokens, tokens[first].position)
            ):
                yield EntityType.EMAIL, list(tokens[first : last + 1])
                break


# Words said before an address that are not part of it.
_NOT_LOCAL_PARTS = {
    "it's", "its", "it", "is", "was", "my", "me", "to", "at", "the", "a", "an", "sure", "yes", "yeah", "um", "uh",
    "email", "e-mail", "mail", "address", "and", "so", "ok", "okay", "that's", "send", "use", "try", "or", "new",
    "old", "work", "personal", "one", "under", "on", "with", "from", "write", "just", "please", "thats", "oh",
}  # fmt: skip


def _email_start(text: str, match: re.Match[str]) -> int:
    """Where an address starts: a first name said before a one-word local part is part of it ("maria lopez at")."""
    local = match.group().split()[0]
    if not re.fullmatch(r"[a-z]+", local):
        return match.start()
    before = re.search(r"(?<![\w'])([a-z]+)\s+$", text[: match.start()])
    if before is None or before.group(1) in _NOT_LOCAL_PARTS:
        return match.start()
    return before.start(1)


_SPELLED_AFTER_EMAIL = re.compile(
    r",?\s+(?i:so\s+)?(?i:that's|that is|spelled|spelt|surname|last name)[:,]?\s+"
    r"(?P<name>[A-Z](?:[\s.-]+[A-Z]\b|\s+(?i:dot|underscore|dash|hyphen|period)\s+[A-Z]\b){1,30})"
)
_SPELLED_SEPARATOR = re.compile(r"\b(?i:dot|underscore|dash|hyphen|period)\b")


def _spelled_after_email(text: str, email: re.Match[str], spelled: re.Match[str]) -> EntityType:
    """What letters spelled after an e-mail address are: a name in it ("..., that's I-Y-E-R"), or the address's
    own part spelled again, with its separators ("..., that's T O M dot W") or all its letters."""
    letters = re.sub(r"[^a-z]", "", _SPELLED_SEPARATOR.sub("", spelled.group("name")).lower())
    local_part = re.split(r"@|\s+at\s+", email.group(), maxsplit=1)[0]
    local_letters = re.sub(r"[^a-z]", "", _SPELLED_SEPARATOR.sub("", local_part).lower())
    if _SPELLED_SEPARATOR.search(spelled.group("name")) or (len(letters) > 1 and letters == local_letters):
        return EntityType.EMAIL
    return EntityType.PERSON_NAME


# "the status page at fibreway dot com slash status", "visit us at contoso dot com": a web address, not a mailbox.
_WEB_LOCAL_PARTS = {"page", "site", "website", "online", "portal", "web", "us", "visit", "app", "pages"}
_WEB_PATH = re.compile(r"\s*(?:/|(?i:slash)\b)")


def _is_web_address(text: str, match: re.Match[str]) -> bool:
    local = match.group().split()[0].lower()
    return local in _WEB_LOCAL_PARTS or _WEB_PATH.match(text, match.end()) is not None


# An international bank account number: country letters, two check digits, then letters and digits in groups.
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{1,4}){3,8}\b", re.ASCII)
_IBAN_LENGTHS = range(15, 35)


def _valid_iban(text: str) -> bool:
    """The standard check: the country and check digits moved to the end, letters as numbers, mod 97 is 1."""
    compact = text.replace(" ", "")
    if len(compact) not in _IBAN_LENGTHS:
        return False
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in moved)) % 97 == 1


def _ibans(text: str) -> Iterable[tuple[int, int]]:
    """Where IBANs are written, each cut back group by group until its check holds (words may follow it)."""
    for match in _IBAN.finditer(text):
        candidate = match.group()
        while candidate and not _valid_iban(candidate):
            candidate = candidate.rsplit(" ", 1)[0] if " " in candidate else ""
        if candidate:
            yield match.start(), match.start() + len(candidate)


def _patterns(segments: Sequence[Segment]) -> Iterable[tuple[EntityType, TextSpan]]:
    for segment in segments:
        text = segment.text
        for start, end in _ibans(text):
            yield EntityType.ACCOUNT_NUMBER, TextSpan(segment.index, start, end)
        for match in _EMAIL.finditer(text):
            if _is_web_address(text, match):
                continue
            yield EntityType.EMAIL, TextSpan(segment.index, _email_start(text, match), match.end())
            # A part of the address spelled after it is a name: "priyanka.iyer at outlook.com, that's I-Y-E-R."
            spelled = _SPELLED_AFTER_EMAIL.match(text, match.end())
            if spelled:
                yield (
                    _spelled_after_email(text, match, spelled),
                    TextSpan(segment.index, spelled.start("name"), spelled.end("name")),
                )
        for match in _WRITTEN_EMAIL.finditer(text):
            if not _is_web_address(text, match):
                yield EntityType.EMAIL, TextSpan(segment.index, match.start(), match.end())
        patterns = [_ADDRESS, _PO_BOX, _POSTCODE_ADDRESS, _CONTINENTAL_ADDRESS, _FLAT_PIN_ADDRESS]
        for match in _NAMED_HOUSE_ADDRESS.finditer(text):
            house = match.group("house").split()
            # "The Granary", "Ivy Cottage"; not "Paris, Main Street, ..."
            if house[0] == "The" or house[-1] in _HOUSE_WORDS:
                yield EntityType.ADDRESS, TextSpan(segment.index, match.start(), match.end())
        if text == text.lower():
            patterns.append(_LOWER_CASE_ADDRESS)
            for match in _LOWER_CASE_NAME.finditer(text):
                group = "caller" if match.group("caller") else "named"
                yield EntityType.PERSON_NAME, TextSpan(segment.index, match.start(group), match.end(group))
        for match in _LOWER_CASE_TITLED_NAME.finditer(text):
            yield EntityType.PERSON_NAME, TextSpan(segment.index, match.start("name"), match.end("name"))
        for pattern in patterns:
            for match in pattern.finditer(text):
                yield EntityType.ADDRESS, TextSpan(segment.index, match.start(), match.end())
        for match in _NAME_CUES.finditer(text):
            words = match.group("name").split()
            while words and words[-1] in _NOT_NAMES:
                words.pop()
            if not words or words[0] in _NOT_NAMES or _BUSINESS_WORDS.intersection(words):
                continue
            start = match.start("name")
            end = start + len(" ".join(words))
            cue = text[match.start() : start]
            if _WEAK_CUES.search(cue) and not _AFTER_NAME.match(text, end):
                continue
            if _THIRD_PERSON_CUE.search(cue) and len(words) < 2:  # "he's Canadian, ...": only a full name
                continue
            # "I spoke to McDonald's": whose something is, not whom one spoke to; but "Dr. Okafor's patient"
            if text.startswith("'s", end) and not re.search(rf"{_TITLES}\.?\s+$", cue):
                continue
            spelled = _SPELLED_AFTER_NAME.match(text, end)
            yield EntityType.PERSON_NAME, TextSpan(segment.index, start, spelled.end() if spelled else end)
        for match in _GREETED.finditer(text):
            group = next(group for group in _GREETED_GROUPS if match.group(group))
            words = match.group(group).split()
            if words[0] not in _NOT_NAMES and not _BUSINESS_WORDS.intersection(words):
                yield EntityType.PERSON_NAME, TextSpan(segment.index, match.start(group), match.end(group))
        for match in _SPELLED_NAME.finditer(text):
            yield EntityType.PERSON_NAME, TextSpan(segment.index, match.start("name"), match.end("name"))


def _answers(
    segments: Sequence[Segment], tokens: Sequence[_Token], going_on: bool = False
) -> Iterable[tuple[Segment, str, int | None]]:
    """Each segment with words, and what the others said since its speaker last spoke (what it may answer). With
    ``going_on``, a segment said after only a backchannel ("It's 12 Elm Road," / "Uh-huh." / "Unit 4, ...") goes on
    with its speaker's answer before it: it answers that answer's question too, and the index of the segment it
    goes on from comes with it."""
    first_tokens: dict[int, _Token] = {}
    for token in tokens:
        first_tokens.setdefault(token.segment, token)
    for segment in segments:
        first = first_tokens.get(segment.index)
        if first is None:
            continue
        asked = _said_since_own_turn(tokens, first)
        before = _gone_on_from(tokens, first) if going_on else None
        if before is None:
            yield segment, asked, None
        else:
            yield segment, f"{_said_since_own_turn(tokens, first_tokens[before.segment])} {asked}", before.segment


def _gone_on_from(tokens: Sequence[_Token], first: _Token) -> _Token | None:
    """The speaker's last word before ``first``, where the others said no more than a backchannel between."""
    between: list[_Token] = []
    for position in range(first.position - 1, -1, -1):
        token = tokens[position]
        if token.speaker == first.speaker:
            going_on = not _asks_anew(between, "") and _pause_ms(token, first) <= _MAX_PAUSE_MS
            return token if going_on and token.segment != first.segment else None
        between.insert(0, token)
        if len(between) > _BACKCHANNEL_WORDS:
            return None
    return None


# Asked for a postcode, the postcode given alone is part of the address: it narrows it to a few houses.
_POSTCODE_ASKED = re.compile(r"\b(postcode|post code|postal code|zip code|zip|eircode)\b")
_LONE_POSTCODE = re.compile(rf"(?<![\w-]){_POSTCODE}(?![\w-])")


def _answered_addresses(segments: Sequence[Segment], tokens: Sequence[_Token]) -> Iterable[TextSpan]:
    """A house number and what follows it, at the start of an answer to "address?" or right after "I live at"."""
    texts = {segment.index: segment.text for segment in segments}
    addressed: set[int] = set()  # segments an address was found in
    for segment, asked, gone_on_from in _answers(segments, tokens, going_on=True):
        if gone_on_from is not None and not (gone_on_from in addressed or _ADDRESS.search(texts[gone_on_from])):
            asked = ""  # only an address's first half is gone on from: "Same as before," / "Okay." / "Order 5501 ..."
        rest = _PLACE_AND_CODE.match(segment.text, _lead_in_end(segment.text)) if gone_on_from is not None else None
        # after a turn that began an address, asked for or not: "Apartment 4, Seaview Terrace," / "Yep." / "Galway, ..."
        begun = (
            gone_on_from is not None
            and rest is not None
            and not segment.text[rest.end() :].strip(_SENTENCE_MARKS + " ")
            and (gone_on_from in addressed or _ADDRESS.search(texts[gone_on_from]) is not None)
        )
        if rest is not None and (_ADDRESS_CONTEXT.search(asked) or begun):
            addressed.add(segment.index)
            yield TextSpan(segment.index, rest.start(), rest.end())
        if _POSTCODE_ASKED.search(asked):  # "SW1A 2AA." answering "your postcode?"
            for code in _LONE_POSTCODE.finditer(segment.text):
                yield TextSpan(segment.index, code.start(), code.end())
        for match in [*_ANSWERED_ADDRESS.finditer(segment.text), *_PIN_ADDRESS.finditer(segment.text)]:
            said = match.group("words").replace(",", " ").split()
            words = [word.lower() for word in said]
            if words[0] in _NOT_STREET_WORDS or words[0] in _UNITS:
                continue
            start = match.start()
            if match.re is _PIN_ADDRESS:
                if said[0].rstrip(".") in _NOT_NAMES:  # "Thanks, Ngozi, ...": words said to someone
                    continue
                start = _lead_in_end(segment.text, start)  # "It's Anand Bhavan, ..."
            before = segment.text[:start].lower()
            at_answer_start = len(before.split()) <= _ANSWER_LEAD_WORDS and _ADDRESS_CONTEXT.search(asked)
            if at_answer_start or _ADDRESS_CONTEXT.search(" ".join(before.split()[-_ANSWER_LEAD_WORDS:])):
                addressed.add(segment.index)
                yield TextSpan(segment.index, start, match.end())


def _lead_in_end(text: str, start: int = 0) -> int:
    """Where what is said from ``start`` on goes on after a lead-in ("Sure, it's")."""
    lead_in = _ANSWER_LEAD_IN.match(text, start)
    return lead_in.end() if lead_in else start


# Asked for an e-mail address, the answer up to its domain's ending is the address, however it was heard:
# "Now you underscore for now to look dot com" for "Nadia underscore fern at outlook dot com".
_EMAIL_ENDING = re.compile(rf"{_DOMAIN_ENDING}\b", re.IGNORECASE)
_MAX_ANSWERED_EMAIL_WORDS = 12


def _answered_emails(segments: Sequence[Segment], tokens: Sequence[_Token]) -> Iterable[TextSpan]:
    """An answer to "what's your email?" from its first word that is not a lead-in ("sure, it's") to ".com"; or,
    where the answer's domain was given after a backchannel ("It's sanna dot virtanen," / "Okay." / "at elisa dot
    fi."), the part before it and the domain."""
    texts = {segment.index: segment.text for segment in segments}
    for segment, asked, gone_on_from in _answers(segments, tokens, going_on=True):
        ending = _EMAIL_ENDING.search(segment.text)
        if ending is None or _WRITTEN_EMAIL.search(segment.text):
            continue  # written with its "@", the address is read as written: "mark@plumbing.co.uk"
        domain_first = _DOMAIN_FIRST.match(segment.text)
        if gone_on_from is not None and domain_first:
            local_part = texts[gone_on_from]
            start = _after_lead_in(local_part, len(local_part))
            # the "at" is said with one part or the other: "marta dot kowal at," / "wp dot pl."
            at_said = domain_first.group("at") or _AT_LAST.search(local_part)
            if (
                start is not None
                and at_said
                and (_EMAIL_CONTEXT.search(asked) or _EMAIL_CONTEXT.search(local_part.lower()))
            ):
                yield TextSpan(gone_on_from, start, len(local_part))
                yield TextSpan(segment.index, domain_first.start("domain"), domain_first.end())
            continue
        begun = _local_part_begun(texts[gone_on_from]) if gone_on_from is not None else None
        start = _after_lead_in(segment.text, ending.start())
        if gone_on_from is not None and begun is not None and start is not None:
            # "my email is j p" / "uh-huh" / "okafor at web dot de": the address was begun before the backchannel
            yield TextSpan(gone_on_from, begun, len(texts[gone_on_from]))
            yield TextSpan(segment.index, start, ending.end())
            continue
        if start is not None and gone_on_from is None and _EMAIL_CONTEXT.search(asked):
            yield TextSpan(segment.index, start, ending.end())


_MAX_BEGUN_LOCAL_WORDS = 4
_LOCAL_PART_JOINERS = {"dot", "underscore", "dash", "hyphen", "period", "at"}
_EMAIL_NAMED_LAST = re.compile(r"\b(?:e-?mail|e mail)(?:'s| is| address is| address's)?[:,]?\s+", re.IGNORECASE)


def _local_part_begun(text: str) -> int | None:
    """Where the start of an e-mail address said at the end of ``text`` begins: a few words after "email" or "my
    email is" that end it ("my email is j p")."""
    named = None
    for named in _EMAIL_NAMED_LAST.finditer(text):  # noqa: B007 - the last one is the address begun
        pass
    if named is None:
        return None
    words = list(re.finditer(r"\S+", text[named.end() :]))
    while words and words[0].group().strip(_PUNCTUATION).lower() in _NOT_LOCAL_PARTS:
        words.pop(0)
    said = [word.group().strip(_PUNCTUATION).lower() for word in words]
    # spelled letters ("j p"), or a part that a separator says goes on ("maria dot")
    spelled = all(len(word) <= _MISHEARD_LETTERS for word in said) or (said and said[-1] in _LOCAL_PART_JOINERS)
    return named.end() + words[0].start() if spelled and len(words) <= _MAX_BEGUN_LOCAL_WORDS else None


# The domain said first, its local part in the speaker's turn before: "at elisa dot fi."
_DOMAIN_FIRST = re.compile(
    rf"\s*(?P<domain>(?P<at>at\b|@)?\s*{_DOMAIN_LABEL}(?:{_DOT}{_DOMAIN_LABEL}){{0,3}}?{_DOMAIN_ENDING})\b",
    re.IGNORECASE,
)
_AT_LAST = re.compile(r"(?:\bat|@)[,.]?\s*$", re.IGNORECASE)


def _after_lead_in(text: str, end: int) -> int | None:
    """Where the words of an address before ``end`` start, after a lead-in ("sure, it's"), if there are a few."""
    words = list(re.finditer(r"\S+", text[:end]))
    lead = 0
    while lead < len(words) and words[lead].group().strip(_PUNCTUATION).lower() in _NOT_LOCAL_PARTS:
        lead += 1
    if words[lead:] and len(words) - lead <= _MAX_ANSWERED_EMAIL_WORDS:
        return words[lead].start()
    return None


# The other side asked for a name: the answer starts with it ("Carlos Mendes.", "Hi, it's Rebecca Stone.").
_NAME_ASKED = re.compile(
    r"\b(your|the) (full |first |last |sur)?name\b|\bname on the \w+\b|"
    r"\b(his|her|their) (full |first |last |sur)?name\b(?! is| was|'s)|"  # asked, not told: "her name is Amara"
    # whose name: "the patient's name", "passenger name", "cardholder name as it appears"
    r"\b(patient|passenger|cardholder|holder|member|beneficiary|caller|child|baby|son|daughter|customer)('s)? "
    r"(full |first |last )?name\b(?! is| was)|\bwho (am i|i'm) (speaking|talking)"
    # who of the business's people the caller dealt with: "Who was the last person you spoke to?"
    r"|\bwho (was|is) the (\w+ )?person (you|that)\b|\bwho did you (speak|talk) (to|with)\b"
    r"|\bthe \w+'s (full |first |last )?name\b(?! is| was)"  # "the insured's name", "the account holder's name"
    r"|\bwho('s| is) (calling|this)\b|\bmay i ask who\b|\bmaiden name\b"
    # whose name a booking or an account is under: "Who's the order under?", "What name is it under?"
    r"|\bwho('s| is) (it|this|that|the \w+( \w+)?) under\b|\b(what|which|whose) name\b|\bunder (what|which|whose)\b"
    # who holds a role in the account: "Who's the account holder?", "who is the beneficiary?"
    r"|\bwho('s| is| was| are) the (\w+ )?(holder|owner|beneficiary|payee|recipient|insured|policyholder|"
    r"cardholder|subscriber|policy holder|card holder)s?\b"
)
_NAME_ANSWER = re.compile(
    _NAME_ANSWER_LEAD + rf"(?:{_TITLES}\.?\s+)?"  # "Mrs R Adeyemi"
    # a first name may be spelled before the last name is said: "Chidi, C-H-I-D-I, Nwosu"; or given as initials
    # a word heard with its last letter dropped keeps an apostrophe: "Necklin' Moriardi"
    rf"(?P<name>(?!{_TITLES}\b)(?:(?!I\b)[A-Z]\.?\s+){{0,2}}{_NAME}(?:'(?=\s+[A-Z]))?"
    rf"(?:,?\s+[A-Z](?:[\s.-]+[A-Z]\b){{1,30}},?)?(?:\s+(?:[A-Z]\.|{_NAME})){{0,3}}"
    r"|[A-Z](?:[\s.,-]+[A-Z]\b){2,30}"
    rf"|{_RADIO_SPELLING})"
    # or where they work: "Marcus in billing", "Dana from the claims team"
    r"(?=\s*(?:[,.!?]|$)|\s+(?:in|from) (?:the )?[a-z]+\b)"
)


def _answered_names(segments: Sequence[Segment], tokens: Sequence[_Token]) -> Iterable[TextSpan]:
    """The name that starts the answer when the other side asked for one."""
    for segment, asked, _ in _answers(segments, tokens):
        if not _NAME_ASKED.search(asked):
            continue
        match = _NAME_ANSWER.match(segment.text.lstrip())
        if match is None and segment.text == segment.text.lower():
            match = _LOWER_CASE_NAME_ANSWER.match(segment.text.lstrip())
        if match is None or any(word in _NOT_NAMES or word in _BUSINESS_WORDS for word in match.group("name").split()):
            continue
        offset = len(segment.text) - len(segment.text.lstrip())
        end = offset + match.end("name")
        spelled = _SPELLED_AFTER_NAME.match(segment.text, end)  # "Szymanski, S-Z-Y-M-A-N-S-K-I."
        yield TextSpan(segment.index, offset + match.start("name"), spelled.end() if spelled else end)


# Asked whether one is talking to someone ("Hello, is that Wiremu?", "Am I speaking with Mr Osei?") and answered as
# only that person would ("Speaking.", "That's me."): the name asked about is theirs.
_IS_THAT = re.compile(
    rf"\b(?i:is (?:that|this|it)|am i (?:speaking|talking) (?:to|with)|are you)\s+(?:{_TITLES}\.?\s+)?"
    rf"(?P<name>(?!{_TITLES}\b){_NAME}(?:\s+{_NAME})?)\s*\?"
)
_ONLY_THEY_ANSWER = re.compile(
    r"\s*(?i:(?:yes|yeah|yep|that's right|it is)[,.]?\s+)?(?i:speaking|that's me|that is me|it's me|it is me|"
    r"this is (?:she|he|him|her)|you're talking to (?:her|him|me))(?=\s*(?:[,.!?]|$))"
)


def _confirmed_names(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """A name asked about ("is that Wiremu?") that the other side confirms is theirs ("Speaking.")."""
    ordered = sorted(segments, key=lambda s: (s.start_ms, s.index))
    for position, segment in enumerate(ordered):
        reply = next((s for s in ordered[position + 1 :] if s.speaker != segment.speaker), None)
        if reply is None or not _ONLY_THEY_ANSWER.match(reply.text):
            continue
        for match in _IS_THAT.finditer(segment.text):
            words = match.group("name").split()
            if not _NOT_NAMES.intersection(words) and not _BUSINESS_WORDS.intersection(words):
                yield TextSpan(segment.index, match.start("name"), match.end("name"))


def _said_since_own_turn(tokens: Sequence[_Token], first: _Token) -> str:
    """What the others said since ``first``'s speaker last spoke, within the context window."""
    said: list[str] = []
    for token in reversed(tokens[max(0, first.position - _CONTEXT_WINDOW) : first.position]):
        if token.speaker == first.speaker:
            break
        said.append(token.norm)
    return " ".join(reversed(said))


# Asked for one of these, the digits a speaker reads next are it, with what Whisper mistook for words between
# them ("0 1 0 9 I 0 3", "plus 4 -4, 7 -7 -00, I know 0, 8 -22"), which cuts a run of digits short, and over
# several turns while the other side only says "mm-hmm" ("5 4 2 5 2 3 3 4 3" / "MM them." / "0 1 0 9 I 0 3").
_ANSWERED_DIGITS: dict[EntityType, range] = {
    EntityType.CARD_NUMBER: range(12, 23),  # a few digits lost or heard twice
    EntityType.PHONE_NUMBER: range(7, 14),
    EntityType.SSN: range(8, 11),
    EntityType.ACCOUNT_NUMBER: range(6, 21),  # "551, 70i, 238": fewer digits than said, but more than a PIN's
}
_MISHEARD_WORDS_BETWEEN = 3  # more words than this between two digits: they are not one number


@dataclass
class _Answer:
    speaker: str
    asked: str
    digit_tokens: list[list[_Token]]  # per segment, the tokens from its first digit to its last


def _answered_numbers(tokens: Sequence[_Token]) -> Iterable[tuple[EntityType, list[_Token]]]:
    """The digits a speaker read in answer to a question for a card, phone, social security or account number."""
    for answer in _answers_with_digits(tokens):
        distances = {
            kind: distance
            for kind, pattern in _ASKED_CONTEXTS.items()
            if (distance := _nearest_match(pattern, answer.asked)) is not None
        }
        if not distances:
            continue
        # What was asked for last: only a card, phone, social security or account number asked for last counts.
        kind = min(distances, key=distances.__getitem__)
        said = [token for part in answer.digit_tokens for token in part]
        # One word of digits is the runs' to read: it may hold a card's expiry and code after the card.
        several = sum(1 for token in said if _digits_of(token)) > 1
        if kind is EntityType.ACCOUNT_NUMBER and not all(map(_may_be_misheard_digits, said)):
            continue  # an id is read as digits: "12 years and paid 3400" is not one
        if any(_WRITTEN_DATE.fullmatch(token.norm) for token in said):
            continue  # "3/12/88 and the last 4 are 6 0 3 2": a date written out is no number's part, two answers
        lead_in = " ".join(t.norm for t in tokens[: said[0].position] if t.segment == said[0].segment)
        if any(p.search(lead_in) for other, p in _ASKED_CONTEXTS.items() if other is not kind):
            continue  # the answer names what it gives first ("Member number 5 5 1 0 ..."): not the one asked last
        if several and kind in _ANSWERED_DIGITS and _digit_count(said) in _ANSWERED_DIGITS[kind]:
            if kind is EntityType.PHONE_NUMBER:
                said = _country_code_said(said[0], tokens) + said + _extension(said[-1], tokens)
            yield kind, said


_MISHEARD_LETTERS = 2


def _may_be_misheard_digits(token: _Token) -> bool:
    """A digit, a filler, or a word Whisper may have made of digits: one with a digit in it ("70i") or a letter
    or two ("I" for "nine")."""
    return (
        _digits_of(token) is not None
        or token.norm in _FILLERS
        or any(char.isdigit() for char in token.norm)
        or (token.norm.isalpha() and len(token.norm) <= _MISHEARD_LETTERS)
    )


def _answers_with_digits(tokens: Sequence[_Token]) -> list[_Answer]:
    """Each speaker's turns with digits in them, grouped by the question they answer: a turn continues the
    answer before it while the other side only acknowledges (a few words, no question, nothing asked for)."""
    segments: dict[int, list[_Token]] = {}
    for token in tokens:
        segments.setdefault(token.segment, []).append(token)
    speakers = {token.speaker for token in tokens}
    answers: list[_Answer] = []
    open_answers: dict[str, _Answer] = {}
    heard: dict[str, list[_Token]] = {}  # per speaker, what the others said since they last said much
    for said in segments.values():
        speaker = said[0].speaker
        for other in speakers - {speaker}:
            heard.setdefault(other, []).extend(said)
        asked = heard.get(speaker, [])[-_CONTEXT_WINDOW:]
        answer = open_answers.get(speaker)
        answered = _digits_said([t for part in answer.digit_tokens for t in part]) if answer else ""
        if _asks_anew(asked, answered):
            open_answers.pop(speaker, None)
        digits = _digit_stretch(said)
        if digits:
            answer = open_answers.get(speaker)
            if answer is None:
                answer = open_answers[speaker] = _Answer(speaker, " ".join(t.norm for t in asked), [])
                answers.append(answer)
            answer.digit_tokens.append(digits)
            heard[speaker] = []
        elif len(said) > _BACKCHANNEL_WORDS:  # "Sure, one second." still answers what was asked
            open_answers.pop(speaker, None)
            heard[speaker] = []
    return answers


def _digit_stretch(said: Sequence[_Token]) -> list[_Token]:
    """The tokens from the first digit said to the last one that is at most a few words from the one before."""
    digit_indexes = [i for i, token in enumerate(said) if _digits_of(token)]
    if _digit_count([said[i] for i in digit_indexes]) < 2:  # "Sure, one second."
        return []
    last = digit_indexes[0]
    for index in digit_indexes[1:]:
        between = [t for t in said[last + 1 : index] if t.norm not in _FILLERS and t.norm not in _REPEATS]
        named = " ".join(t.norm for t in between)
        # "..., security number 7 1 4": the words name what the next digits are, another number
        if len(between) > _MISHEARD_WORDS_BETWEEN or any(p.search(named) for p in _ASKED_CONTEXTS.values()):
            break
        last = index
    return list(said[digit_indexes[0] : last + 1])


_MIN_NAME_LETTERS = 3


# Said before a name to greet or acknowledge someone: not part of the name when capitalised ("Perfect Anna").
_NOT_NAME_BEFORE = {
    "Sure", "Right", "Certainly", "Perfect", "Lovely", "Alright", "Absolutely", "Cheers", "Dear", "Hey", "Goodbye",
    "Welcome", "Congratulations", "Please", "Excellent", "Wonderful", "Brilliant", "Awesome", "Cool", "Nice",
    "Fantastic", "Ask", "Tell", "Call", "Dial",
}  # fmt: skip
# Written in lower case, a name is known by what comes before it: "hi bree", "this is harold".
_LOWER_CASE_NAME_CUE = re.compile(r"\b(?:hi|hello|hey|thanks|thank you|bye|this is|it's|its|i'm|i am)\s+$")


def _name_words_around(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``..``end`` widened over the name words said right next to it: "Darnell" before a known "Whitcombe",
    "-Baird" after a known "Fenwick"."""
    while True:
        before = re.search(rf"(?:^|(?<=[\s,.!?])){_NAME}(?:\s|-)$", text[:start])
        if before is None:
            break
        word = text[before.start() : start].strip(" -")
        if word in _NOT_NAMES or word in _NOT_NAME_BEFORE or word in _BUSINESS_WORDS or word.lower() in _MONTHS:
            break
        start = before.start()
    while True:
        after = re.match(rf"(?:\s|-)(?P<word>{_NAME}|[A-Z]\.(?=\s+[A-Z]))", text[end:])
        if after is None:
            break
        word = after.group("word")
        if word in _NOT_NAMES or word in _BUSINESS_WORDS or word.lower() in _MONTHS:
            break
        end += after.end()
    return start, end


def _names_said_again(
    segments: Sequence[Segment], names: Iterable[TextSpan], emails: Iterable[TextSpan] = ()
) -> Iterable[TextSpan]:
    """Every other place a name found once is said: "my name is Anna" ... "Hi Anna", also with the rest of the name
    next to it ("Anna Quist" read back): that rest is then known too. An e-mail address's words name its owner
    ("priya.natarajan@..." ... "thank you priya")."""
    texts = {segment.index: segment.text for segment in segments}
    spans = list(names)
    parts = {
        part
        for span in spans
        for part in re.findall(_NAME, texts[span.segment][span.start : span.end])
        if len(part) >= _MIN_NAME_LETTERS and part not in _NOT_NAMES
    }
    parts |= {
        part.capitalize()
        for span in emails
        for part in re.split(r"[._-]", texts[span.segment][span.start : span.end].split("@")[0].lower())
        if part.isalpha()
        and len(part) >= _MIN_NAME_LETTERS
        and part not in _ROLE_MAILBOXES
        and part.capitalize() not in _NOT_NAMES
        and part.capitalize() not in _BUSINESS_WORDS
    }
    found: list[TextSpan] = []
    for _ in range(2):  # once more with the words found next to a known name
        if not parts:
            return
        said = re.compile(r"\b(?:" + "|".join(re.escape(part) for part in sorted(parts)) + r")\b", re.IGNORECASE)
        found = []
        for segment in segments:
            text = segment.text
            for match in said.finditer(text):
                if match.group() not in parts:
                    # a name in lower case, only where a greeting or an introduction says it is one
                    if match.group() != match.group().lower() or not _LOWER_CASE_NAME_CUE.search(
                        text[: match.start()].lower()
                    ):
                        continue
                    found.append(TextSpan(segment.index, match.start(), match.end()))
                    continue
                sentence_start = re.search(r"(?:^|[.!?])\s*$", text[: match.start()]) is not None
                # At a sentence's start a name that is also a word ("Will", "Mark") is capitalised anyway: only
                # "Anna, ..." counts there, not "Will that be all?".
                if not sentence_start or re.match(r"\s*[,!?]", text[match.end() :]):
                    start, end = _name_words_around(text, match.start(), match.end())
                    found.append(TextSpan(segment.index, start, end))
                elif re.match(rf"\s{_NAME}\b", text[match.end() :]):  # "Rosalind Quist" starting an answer
                    start, end = _name_words_around(text, match.start(), match.end())
                    if end > match.end():
                        found.append(TextSpan(segment.index, start, end))
        more = {
            part
            for span in found
            for part in re.findall(_NAME, texts[span.segment][span.start : span.end])
            if len(part) >= _MIN_NAME_LETTERS and part not in _NOT_NAMES
        }
        if more <= parts:
            break
        parts |= more
    yield from found


# ---------------------------------------------------------------------------------------------------------


def detect(segments: Sequence[Segment], types: Iterable[EntityType] = tuple(EntityType)) -> list[Entity]:
    """The personal data in ``segments`` of the kinds in ``types``, no two entities overlapping."""
    tokens = _tokens(segments)
    candidates: list[Entity] = []
    texts = {segment.index: segment.text for segment in segments}
    for entity_type, found in [
        *_dates(tokens),
        *_numbers(tokens),
        *_answered_numbers(tokens),
        *_run_together_emails(tokens),
        *_alphanumeric_ids(tokens),
        *_spelled_ids(tokens),
    ]:
        spans = _merge_spans(t.span for t in found)
        candidates.append(Entity(entity_type, tuple(_trimmed(span, texts) for span in spans)))
    read = _read_segments(segments, tokens)
    found_by_pattern = list(_patterns(read))
    found_by_pattern += [(EntityType.ADDRESS, span) for span in _answered_addresses(read, tokens)]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in _answered_names(read, tokens)]
    found_by_pattern += [(EntityType.EMAIL, span) for span in _answered_emails(read, tokens)]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in _confirmed_names(read)]
    names = [span for entity_type, span in found_by_pattern if entity_type is EntityType.PERSON_NAME]
    emails = [span for entity_type, span in found_by_pattern if entity_type is EntityType.EMAIL]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in _names_said_again(read, names, emails)]
    for entity_type, span in found_by_pattern:
        candidates.append(Entity(entity_type, (_trimmed(span, texts),)))
    addresses = [span for entity_type, span in found_by_pattern if entity_type is EntityType.ADDRESS]
    candidates = [c for c in candidates if not _part_of_address(c, addresses)]
    candidates = [c for c in candidates if not _business_contact(c, texts) and not _business_asked_for(c, tokens)]
    # By kind, then the longest first: "March 3, 1985" wins over the "3, 1985" read as a number.
    candidates.sort(key=lambda e: (_PRIORITY.index(e.type), -sum(span.end - span.start for span in e.spans)))
    kept: list[Entity] = []
    taken: dict[int, list[TextSpan]] = {}  # kept spans by segment, so each check looks at one segment
    for candidate in candidates:
        if not any(
            span.start < other.end and other.start < span.end
            for span in candidate.spans
            for other in taken.get(span.segment, ())
        ):
            kept.append(candidate)
            for span in candidate.spans:
                taken.setdefault(span.segment, []).append(span)
    wanted = set(types)
    return sorted((e for e in kept if e.type in wanted), key=lambda e: e.spans[0])


_SENTENCE_MARKS = ".,;:!?"
# Numbers an address is made of: a house number, a PO box, a ZIP code read after a date of birth or a card's
# security code was asked for are the address's, not those.
_ADDRESS_NUMBER_MISTAKEN_FOR = (EntityType.DATE_OF_BIRTH, EntityType.CARD_SECURITY_CODE, EntityType.CARD_EXPIRY)


def _part_of_address(entity: Entity, addresses: Sequence[TextSpan]) -> bool:
    return entity.type in _ADDRESS_NUMBER_MISTAKEN_FOR and all(
        any(a.segment == span.segment and a.start <= span.start and span.end <= a.end for a in addresses)
        for span in entity.spans
    )


# Said before a phone number, e-mail or street address: whose it is. "Call us at ...", "our claims line is ...",
# "our office at ..." give the business's own; "your mobile", "my work one" a person's. A household's "our
# number", "our address" is a person's: only a business's kind of place or line counts.
_BUSINESS_PLACES = (
    r"clinic|hotel|lab|laboratory|pharmacy|hospital|practice|surgery|showroom|depot|warehouse|shop|restaurant|"
    r"venue|dealership|garage|gym|salon|library|school|station|terminal"
)
_BUSINESS_CUE = re.compile(
    r"\b(?:(?:call|ring|text|phone|email|e-mail|contact|reach|write to|message) us\b(?! back)"
    # told to come to the business: "Visit us at ...", "you can find us at ..." (not "my sister can visit us at")
    r"|(?:(?:^|[.!?]\s+)(?:please )?|\byou can |\byou'll |\byou will )(?:visit|find|come (?:and )?see) us\b"
    r"|our (?:\w+ ){0,2}(?:office|team|desk|helpline|hotline|department|store|branch|headquarters|website|"
    rf"{_BUSINESS_PLACES})"
    # where a business's place is: "the branch is at 200 Main Street", "the hotel's on Harbor Boulevard"
    # (not "the office is at ...": one's own place of work); "the store at ... is open until 9"
    rf"|the (?:{_BUSINESS_PLACES}|branch|store)(?: is|'s)? (?:at|on|located at)\b"
    r"|our (?:billing|claims|support|sales|returns|service|customer service|help|reservations|bookings?) "
    r"(?:line|number|address|email|inbox))"
)
_PERSONAL_CUE = re.compile(r"\b(?:your|my|his|her|their)\b")
_CUE_CHARACTERS = 80
# Mailboxes of a business's functions, not of a person.
_ROLE_MAILBOXES = {
    "support", "help", "info", "claims", "billing", "sales", "service", "services", "customerservice", "contact",
    "enquiries", "inquiries", "admin", "office", "team", "hello", "orders", "returns", "accounts", "reservations",
    "bookings", "careers", "jobs", "press", "media", "privacy", "noreply", "no-reply", "feedback", "complaints",
    "hr", "legal", "marketing", "payments", "refunds", "care",
}  # fmt: skip


def _business_contact(entity: Entity, texts: dict[int, str]) -> bool:
    """A phone number, e-mail or street address given as a business's own, or a role mailbox ("claims at ..."),
    unless said as someone's ("your", "my")."""
    if entity.type not in (EntityType.PHONE_NUMBER, EntityType.EMAIL, EntityType.ADDRESS):
        return False
    span = entity.spans[0]
    text = texts[span.segment]
    before = text[max(0, span.start - _CUE_CHARACTERS) : span.start].lower()
    business = _nearest_match(_BUSINESS_CUE, before)
    personal = _nearest_match(_PERSONAL_CUE, before)
    if business is not None and (personal is None or business < personal):
        return True
    local_part = re.match(r"[\w-]+", text[span.start : span.end].lower())
    return (
        entity.type is EntityType.EMAIL
        and personal is None
        and local_part is not None
        and local_part.group() in _ROLE_MAILBOXES
    )


# Asked for the business's own place or line ("What's your head office address?", "where's your nearest branch?"):
# the other side's answer gives the business's, not a person's.
_BUSINESS_ASKED = re.compile(
    # not "your office number": a person's own line at work is theirs
    r"\b(?:your|the) (?:\w+ )?(?:head office|headquarters|branch|store|shop|showroom|depot|warehouse|"
    r"company|business)('s)? (?:address|number|phone number|email)\b"
    # "what's the fax for the lab?"
    rf"|\b(?:number|fax|phone|line|address|email) (?:for|of) (?:the|your) (?:{_BUSINESS_PLACES}|branch|office|store)\b"
    r"|\bwhere (?:are|is) (?:you|your (?:\w+ )?(?:head office|branch|store|shop|headquarters))(?: guys)? "
    r"(?:based|located)\b"
)


def _business_asked_for(entity: Entity, tokens: Sequence[_Token]) -> bool:
    """A phone number, e-mail or address that answers a question for the business's own."""
    if entity.type not in (EntityType.PHONE_NUMBER, EntityType.EMAIL, EntityType.ADDRESS):
        return False
    span = entity.spans[0]
    first = next((t for t in tokens if t.segment == span.segment), None)
    return first is not None and _BUSINESS_ASKED.search(_said_since_own_turn(tokens, first)) is not None


def _trimmed(span: TextSpan, texts: dict[int, str]) -> TextSpan:
    """``span`` without the punctuation and spaces at its ends (the sentence keeps its full stop), with an area
    code's opening parenthesis."""
    text = texts[span.segment]
    start, end = span.start, span.end
    while end > start and (text[end - 1] in _SENTENCE_MARKS or text[end - 1].isspace()):
        end -= 1
    while start < end and (text[start] in _SENTENCE_MARKS or text[start].isspace()):
        start += 1
    if start and text[start - 1] == "(" and ")" in text[start:end]:  # "(415) 555-0199"
        start -= 1
    return TextSpan(span.segment, start, end) if end > start else span


def _merge_spans(spans: Iterable[TextSpan]) -> tuple[TextSpan, ...]:
    """One span per segment, from the first to the last character found in it."""
    by_segment: dict[int, TextSpan] = {}
    for span in spans:
        known = by_segment.get(span.segment)
        by_segment[span.segment] = (
            span if known is None else TextSpan(span.segment, min(known.start, span.start), max(known.end, span.end))
        )
    return tuple(by_segment.values())
