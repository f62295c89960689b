"""Digits read out, told apart by length, shape and what was asked: one reading decides between card, social security,
phone and account numbers, so it sits above each kind's own rules."""

from __future__ import annotations

import itertools
import re
import textwrap
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

import phonenumbers
from text_to_num import alpha2digit

from shared.models.redaction import EntityType
from shared.redaction.detection.accounts import (
    READ_BACK,
    alphanumeric_ids,
    capital_letter,
    end_letters_given,
    id_begun_before,
    id_goes_on,
    letter_prefix,
    letter_suffix,
    letters_broken_off,
    product_named_before,
    programme_number_named,
    spelled_ids,
)
from shared.redaction.detection.cards import (
    card_ending_put_right,
    card_read_before,
    merged_card_details,
    plausible_expiry,
    written_with_slash,
)
from shared.redaction.detection.context import (
    ADDRESS_CONTEXT,
    ANSWER_LEAD_WORDS,
    ASKED_CONTEXTS,
    BACKCHANNEL_WORDS,
    CARD_CONTEXT,
    CARD_NETWORKS,
    CODE,
    CONTEXT_WINDOW,
    CONTEXTS,
    DIGIT_LENGTHS,
    EXPIRY_SAID,
    GIVEN_UP,
    PART_OF_NUMBER,
    REST_ASKED,
    WRITTEN_PRICE,
    asked_first,
    asks_anew,
    asks_for_a_number,
    card_ending_asked,
    card_start_asked,
    card_talked_about,
    context_distances,
    nearest_match,
    oh_said_as_word,
    one_said_as_word,
    others_between_parts,
    previous_number,
    said_after,
    said_between,
    said_since_own_turn,
    says_length,
    window_before,
    words_before,
)
from shared.redaction.detection.dates import WRITTEN_WHOLE_DATE, plausible_date_digits
from shared.redaction.detection.phones import (
    MIN_INTERNATIONAL,
    area_code_after,
    business_line,
    business_line_abroad,
    country_code_said,
    dialled_abroad,
    dialled_with_country_code,
    dialled_with_plus_dropped,
    extension,
    grouped_as_at_home,
    is_business_line,
    named_as_reference,
    national_mobile,
    parsed,
    said_with_country_code,
)
from shared.redaction.detection.spoken import (
    DIGIT_WORDS,
    ELLIPSES,
    HESITATIONS,
    LETTERED_NUMBER,
    MAX_PAUSE_MS,
    MISHEARD_LETTERS,
    MONTHS,
    ORDINAL_DIGITS,
    PUNCTUATION,
    REPEATS,
    SENTENCE_MARKS,
    TENS,
    TRAILING_OFF,
    UNITS,
    Atom,
    Token,
    digit_count,
    digits_of,
    digits_said,
    hyphenated_digits,
    in_order_in_common,
    luhn,
    pause_ms,
)
from shared.redaction.detection.ssn import (
    MISHEARD_SSN_LENGTHS,
    SSN_GROUPS,
    SSN_WRITTEN,
    account_named_only_as_purpose,
    last_four_of_ssn_asked,
    other_countrys_id_named,
    part_of_ssn_asked,
    personal_tax_id_asked,
)

# Words Whisper writes for a digit said before other digits ("for one one one", "Free 782"), or said again and
# again ("fine, fine, fine, fine" for "five five five five").
_SOUNDALIKES = {"for": "4", "free": "3", "tree": "3", "to": "2", "too": "2", "won": "1", "ate": "8", "fine": "5"}
_REPEATED_SOUNDALIKE = 3

# Said between the digits of one number without ending it: a hesitation, or
# "w": Whisper's "W -88" for "double eight".
# "/": a slash written apart from the digits around it ("5 / 27", "0 3 / 2 9").
# "...": a hesitation written on its own between the groups ("six six two ... four one ...").
_FILLERS = {*HESITATIONS, "and", "dash", "hyphen", "space", "then", "slash", "/", "w", "-", "", "...", "…"}


def _atoms(stream: Sequence[Token], tokens: Sequence[Token]) -> list[list[Atom]]:
    """Runs of digit atoms: digits with only fillers or a short pause (same speaker) between them, and no
    question for something else from the other side."""
    runs: list[list[Atom]] = []
    current: list[Atom] = []
    fillers = 0
    index = 0
    while index < len(stream):
        token = stream[index]
        nxt = stream[index + 1] if index + 1 < len(stream) else None
        atom: Atom | None = None
        # "double five"; "double for one": a digit heard as the word it sounds like
        repeated = None if nxt is None else digits_of(nxt) or _SOUNDALIKES.get(nxt.norm)
        if token.norm in REPEATS and nxt is not None and repeated is not None and len(repeated) == 1:
            atom = Atom(repeated * REPEATS[token.norm], (token, nxt))
        elif token.norm in REPEATS and nxt is not None and _in_figures_after_repeat(nxt):
            # "double 41 -709": Whisper writes the digits said after "double" as one figure ("double four one")
            said = digits_of(nxt) or ""
            atom = Atom(said[0] * REPEATS[token.norm] + said[1:], (token, nxt))
        elif nxt is not None and _thousands_group(token, nxt, stream[index + 2] if index + 2 < len(stream) else None):
            atom = Atom(f"{digits_of(token)}000", (token, nxt))
        elif token.norm in TENS or (re.fullmatch(r"[a-z]+-[a-z]+", token.norm) and not hyphenated_digits(token.norm)):
            spoken = token.norm.replace("-", " ")
            consumed: tuple[Token, ...] = (token,)
            if (
                token.norm in TENS
                and nxt is not None
                and nxt.segment == token.segment  # "oh six thirty" / "the code?" / "two four eight": two answers
                and nxt.norm in DIGIT_WORDS
                and len(DIGIT_WORDS[nxt.norm]) == 1
            ):
                spoken += " " + nxt.norm
                consumed = (token, nxt)
            value = alpha2digit(spoken, "en")
            if value.isdigit():
                atom = Atom(value, consumed)
        elif (
            (digit := digits_of(token)) is not None
            and digit
            and not says_length(stream, index)
            and not oh_said_as_word(tokens, token)
            and not one_said_as_word(tokens, token)
            and not _covid_nineteen(stream, index)
        ):
            atom = Atom(digit, (token,))
        elif _card_digits_heard_as_price(token, tokens):
            atom = Atom(token.norm[1:], (token,))
        elif token.norm in _SOUNDALIKES and _soundalike_digit(stream, index):
            atom = Atom(_SOUNDALIKES[token.norm], (token,))
        elif heard := _nine_heard_as_letters(stream, index):
            atom = Atom("9", tuple(stream[index : index + heard]))
        elif _nine_oh_heard_as_words(stream, index):
            atom = Atom("90", tuple(stream[index : index + 2]))
        if atom is not None:
            previous = current[-1].tokens[-1] if current else None
            if previous is not None and (
                fillers > 2
                or SSN_WRITTEN.fullmatch(token.norm.rstrip(".,?!")) is not None  # "it's 4 7. 528-47-7063": whole
                or SSN_WRITTEN.fullmatch(previous.norm.rstrip(".,?!")) is not None  # "604-91-3358. Nine one.": too
                or WRITTEN_WHOLE_DATE.fullmatch(previous.norm) is not None  # "02.11.83, 6 Meadowbank": whole
                or pause_ms(previous, token) > MAX_PAUSE_MS
                or asks_anew(said_between(tokens, previous, token), "".join(a.digits for a in current))
            ):
                runs.append(current)
                current = []
            current.append(atom)
            fillers = 0
            index += len(atom.tokens)
            continue
        hedge = (_hedge_length(stream, index) or _year_named_length(stream, index)) if current else 0
        if hedge:  # "three, eight, and I think a one": unsure of the next digit, still the same number
            index += hedge
            continue
        # "447 -2 -I -1", "447, 2i1, 88": a misheard digit
        if (
            current
            and token.norm in {"it's", "its"}
            and stream[index - 1].norm == "then"
            and "".join(atom.digits for atom in current).startswith("0")
        ):
            index += 1  # "0161, and then it's 496 0732": after an area code, "then it's" goes on as "then" does
            continue
        if current and (token.norm in _FILLERS or token.hyphen_led or _MISHEARD_GROUP.fullmatch(token.norm)):
            fillers += 1
        elif current:
            runs.append(current)
            current = []
            fillers = 0
        index += 1
    if current:
        runs.append(current)
    return [part for run in runs for part in _said_twice(run)]


_MIN_SAID_TWICE = 3  # digits each time
_MIN_ENDING_SAID_AGAIN = 4  # "Four zero zero three at the end": a social's or a card's last four
_MIN_NUMBER_BEFORE_ENDING = 7
_SENTENCE_ENDS = (".", "?", "!")


def _said_twice(run: list[Atom]) -> list[list[Atom]]:
    """``run`` as the two numbers it is where the speaker said one number twice over, at once ("Six one five,
    forty two. 615 42."): the same digits again after a comma or full stop; or, after a full stop, the number's last
    digits again ("No, 219 55 4003. Four zero zero three at the end.")."""
    digits = "".join(atom.digits for atom in run)
    half = len(digits) // 2
    said = ""
    for split, atom in enumerate(run[:-1], start=1):
        said += atom.digits
        if len(said) >= half:
            twice = len(said) == half >= _MIN_SAID_TWICE and digits == said * 2
            if twice and atom.tokens[-1].text.endswith(tuple(SENTENCE_MARKS)):
                return [run[:split], run[split:]]
        ending = digits[len(said) :]
        if (
            len(said) >= _MIN_NUMBER_BEFORE_ENDING
            and len(ending) >= _MIN_ENDING_SAID_AGAIN
            and said.endswith(ending)
            and atom.tokens[-1].text.endswith(_SENTENCE_ENDS)
        ):
            return [run[:split], run[split:]]
    return [run]


def _in_figures_after_repeat(token: Token) -> bool:
    """Whether ``token`` is a figure of two to four digits, as Whisper writes the digits said after "double" or
    "triple" run together ("double 41" for "double four one")."""
    return re.fullmatch(r"\d{2,4}", token.norm, re.ASCII) is not None


# Said before a digit one is unsure of, inside the number: "and I think a one", "maybe a 7".
_HEDGES = (("i", "think"), ("i", "guess"), ("i", "believe"), ("maybe",), ("probably",), ("possibly",))
_HEDGE_WORDS = frozenset(word for hedge in _HEDGES for word in hedge if word != "i")


def _hedge_length(stream: Sequence[Token], index: int) -> int:
    """How many words from ``index`` hedge the single digit said right after them in the same segment to end the
    number ("I think a one"), 0 if they do not."""
    token = stream[index]
    for hedge in _HEDGES:
        words = stream[index : index + len(hedge)]
        if tuple(t.norm for t in words) != hedge or any(t.segment != token.segment for t in words):
            continue
        length = len(hedge)
        if index + length < len(stream) and stream[index + length].norm == "a":
            length += 1
        nxt = stream[index + length] if index + length < len(stream) else None
        after = stream[index + length + 1] if index + length + 1 < len(stream) else None
        # the number's last digit: not where the number is said again after it ("then I think a six. 516.")
        last = after is None or after.segment != token.segment or not digits_of(after)
        if nxt is not None and nxt.segment == token.segment and len(digits_of(nxt) or "") == 1 and last:
            return length
    return 0


# Said between a month and its year: "oh eight, and the year is 2030".
_YEAR_NAMED = (("the", "year", "is"), ("the", "year's"), ("year", "is"), ("year's",))


def _year_named_before(first: Token, tokens: Sequence[Token]) -> bool:
    """Whether the words right before ``first``, in its segment, name a year ("the year is 2019")."""
    before = [t.norm for t in tokens[max(0, first.position - 3) : first.position] if t.segment == first.segment]
    return any(tuple(before[-len(named) :]) == named for named in _YEAR_NAMED)


def _year_named_length(stream: Sequence[Token], index: int) -> int:
    """How many words from ``index`` name the year said right after them in the same segment ("the year is 2030"),
    0 if they do not: the month said before and the year are one date."""
    token = stream[index]
    for named in _YEAR_NAMED:
        words = stream[index : index + len(named)]
        if tuple(t.norm for t in words) != named or any(t.segment != token.segment for t in words):
            continue
        nxt = stream[index + len(named)] if index + len(named) < len(stream) else None
        if nxt is not None and nxt.segment == token.segment and digits_of(nxt):
            return len(named)
    return 0


# A group of digits with one heard as a letter ("2i1" for "two nine one", "70i"): goes on with the number.
_MISHEARD_GROUP = re.compile(r"\d+[iol]\d+|\d{2,}[iol]", re.ASCII)


def _thousands_group(token: Token, nxt: Token, after: Token | None) -> bool:
    """Whether a group of four digits is said as thousands ("four thousand, oh five six six, ..."), one of a card's
    groups: not a year or an amount going on ("two thousand and nine", "four thousand pounds"); alone it is an
    amount too (``_is_quantity``)."""
    digit = digits_of(token) if token.norm in DIGIT_WORDS else None
    goes_on_as_amount = (
        after is not None and after.segment == nxt.segment and (after.norm == "and" or after.norm in UNITS)
    )
    return (
        digit is not None
        and digit not in ("", "0")
        and nxt.segment == token.segment
        and nxt.norm == "thousand"
        and not goes_on_as_amount
    )


_ORDERED = {"order", "orders", "quote", "invoice", "booking", "reservation", "table", "ticket", "tickets"}


_SENT = {"sms", "text", "texts", "message", "it", "them"}


def _soundalike_digit(stream: Sequence[Token], index: int) -> bool:
    """Whether the word at ``index`` stands for a digit: digits follow it ("for one one one", "Free 782"; not
    "for 2 nights"), or it is one of several in a row."""
    token = stream[index]
    before = stream[index - 1] if index else None
    if token.norm == "for" and before is not None and before.segment == token.segment and before.norm in _ORDERED:
        return False  # "the order for 250 mugs": what was ordered, not a digit of the order's number
    if token.norm == "to" and before is not None and before.segment == token.segment and before.norm in _SENT:
        return False  # "send the SMS to 0803 ...": where to, not a digit
    following = ""
    for nxt in stream[index + 1 : index + 3]:
        # "free free 01472": the next word may be one too
        digits = (digits_of(nxt) or _SOUNDALIKES.get(nxt.norm)) if nxt.segment == token.segment else None
        if not digits:
            break
        following += digits
    if len(following) >= 2:
        return True
    if following and before is not None and before.norm in _SOUNDALIKES:
        return True  # "Free free 7.": the second of two before a digit, the first a digit by the two after it
    if following and _answer_of_digits_alone(stream, index):
        return True
    same = 1
    for step in (-1, 1):
        position = index + step
        while 0 <= position < len(stream) and stream[position].norm == token.norm:
            same += 1
            position += step
    return same >= _REPEATED_SOUNDALIKE


def _covid_nineteen(stream: Sequence[Token], index: int) -> bool:
    """Whether the "-19" at ``index`` ends "COVID-19", as Whisper writes a card's "code is" ("the COVID -19 -844"):
    the name's, not a digit of the code."""
    before = stream[index - 1] if index else None
    return (
        stream[index].norm == "19"
        and stream[index].hyphen_led
        and before is not None
        and before.segment == stream[index].segment
        and before.norm == "covid"
    )


# "nine" as Whisper writes it among digits it hyphenates: "-I", "-iN", "-I'm", or "-I -N" ("012 -I -N" for "oh one two
# nine", "3 -I -12" for "three nine one two").
_NINE_HEARD = frozenset({"i", "in", "i'm"})


def _nine_heard_as_letters(stream: Sequence[Token], index: int) -> int:
    """How many words at ``index`` are "nine" heard as letters in a number Whisper wrote in hyphen-led groups: a
    hyphen-led "I", "iN" or "I'm" next to a group of digits in its segment, or one between digits and a hyphen-led
    group; 0 if none."""
    token = stream[index]
    if token.norm not in _NINE_HEARD:
        return 0
    words = 1
    nxt = stream[index + 1] if index + 1 < len(stream) else None
    if token.norm == "i" and nxt is not None and nxt.segment == token.segment and nxt.hyphen_led and nxt.norm == "n":
        words, nxt = 2, stream[index + 2] if index + 2 < len(stream) else None
    before = stream[index - 1] if index else None
    digits_before = before is not None and before.segment == token.segment and bool(digits_of(before))
    group_after = nxt is not None and nxt.segment == token.segment and nxt.hyphen_led and bool(digits_of(nxt))
    # "3 -I -12", "012 -I -N."; not hyphen-led, between digits and a group: "447 I -42"
    if (token.hyphen_led and (digits_before or group_after)) or (digits_before and group_after):
        return words
    # between digits in a turn of nothing else: "1 I 87." for "one nine eight seven"
    return words if digits_before and _digits_alone_around(stream, index, words) else 0


def _nine_oh_heard_as_words(stream: Sequence[Token], index: int) -> bool:
    """Whether the words at ``index`` are "I know", as Whisper hears "nine oh" between digits of one turn ("1, 1, 8,
    I know 5. 6, 6, ..."), or ending a reading it wrote in hyphen-led groups ("KG -441 I know.")."""
    if index == 0 or index + 1 >= len(stream) or (stream[index].norm, stream[index + 1].norm) != ("i", "know"):
        return False
    before, know = stream[index - 1], stream[index + 1]
    if before.segment != know.segment or not digits_of(before):
        return False
    after = stream[index + 2] if index + 2 < len(stream) else None
    if after is not None and after.segment == know.segment:
        return digits_of(after) is not None
    return before.hyphen_led


def _digits_alone_around(stream: Sequence[Token], index: int, words: int) -> bool:
    """Whether the ``words`` at ``index`` lie between digits in a segment of nothing but digits."""
    segment = stream[index].segment
    start, end = index, index + words
    while start > 0 and stream[start - 1].segment == segment:
        start -= 1
    while end < len(stream) and stream[end].segment == segment:
        end += 1
    after = index + words
    return (
        after < end
        and bool(digits_of(stream[after]))
        and all(digits_of(token) for token in [*stream[start:index], *stream[after:end]])
    )


def _said_whole(atoms: Sequence[Atom]) -> bool:
    """Whether the digits of ``atoms`` were said to their end, not broken off ("It's 512-... sorry, 521-44-8830"):
    three of them then answer "the last four of your social?" with one lost ("Two nine oh six" heard "2 -0 -6")."""
    last = atoms[-1].tokens[-1].text
    return not last.endswith(TRAILING_OFF) and not last.rstrip(",.?!").endswith(TRAILING_OFF)


def _answer_of_digits_alone(stream: Sequence[Token], index: int) -> bool:
    """Whether the word at ``index`` comes after a digit in a turn of nothing but digits and words that sound like
    them ("four for one", "9 won 9", "2 2 ate 1"): there it is one too; not in "2 for 1 on pizzas"."""
    segment = stream[index].segment
    if index == 0 or stream[index - 1].segment != segment or not digits_of(stream[index - 1]):
        return False
    start, end = index, index
    while start > 0 and stream[start - 1].segment == segment:
        start -= 1
    while end + 1 < len(stream) and stream[end + 1].segment == segment:
        end += 1
    return all(
        digits_of(token) or token.norm in _SOUNDALIKES or token.norm in _FILLERS for token in stream[start : end + 1]
    )


_WRITTEN_DATE = re.compile(r"\d{1,2}/\d{1,2}/(?:\d{2}|\d{4})", re.ASCII)

_ZIP_PLUS_FOUR = re.compile(r"\d{5}-\d{4}", re.ASCII)

# Said before a time of day, not a date: "at ten forty", "by 5 30".
_TIME_WORDS = frozenset({"at", "by", "around", "from", "until", "till"})
# Said right before a journey's number: "flight 2217", "gate 14", "platform 9", "bus 42"
_TRAVEL_NUMBERED = frozenset({"flight", "gate", "platform", "terminal", "bus", "train", "route"})
_LONGEST_TRAVEL_NUMBER = 4  # digits
# Named after the digits: where on a card they are printed.
# Said right after the digits, maybe as "the one on the back", or asked of oneself before them in the same breath:
# "... is that the one on the back? Yeah, that's it, 411."
_ON_THE_BACK = re.compile(r"((the one|it's|that's|which is) )?(on|off) the back\b")
_ON_THE_BACK_BEFORE = re.compile(r"\b(on|off) the back\b(?! of)")
# ... or named right before them, after what else of the card was given: "..., and the back, 9 1 6."
_BACK_JUST_NAMED = re.compile(r"\b(and|then|plus|on) the back$")
_BACK_LEAD_WORDS = 4
# A card's code named so, "security number" too where it is on the back (a social's is on no back)
_BACK_WORDS = 9  # "the one on the back of the gift card"
_CODE_ON_THE_BACK = re.compile(rf"{CODE.pattern}|\bsecurity number\b")
_BACK_OF_ANOTHER_THING = re.compile(r"(on|off) the back of (?!(the |your |my |this )?card\b)")  # "of the box"


# A card's group or code written as a price, the turn nothing but such: "Okay, card number when you're ready." /
# "$5581, $8056," / "Uh-huh," / "$8930, $4440," (Whisper heard "fifty dollars" just before)
_PRICE_AS_DIGITS = re.compile(r"\$\d{3,4}")


def _card_digits_heard_as_price(token: Token, tokens: Sequence[Token]) -> bool:
    """Whether ``token`` is a card's digits Whisper wrote as dollars: after a card was talked about, in a turn of such
    prices alone, with no cents and no word of money."""
    if not _PRICE_AS_DIGITS.fullmatch(token.norm):
        return False
    # the turn's tokens stand together: read it from the token out, not the whole call (a price is often said)
    first = token.position
    while first and tokens[first - 1].segment == token.segment:
        first -= 1
    last = token.position
    while last + 1 < len(tokens) and tokens[last + 1].segment == token.segment:
        last += 1
    turn = tokens[first : last + 1]
    prices_alone = all(_PRICE_AS_DIGITS.fullmatch(t.norm) or t.norm in _FILLERS for t in turn)
    return prices_alone and card_talked_about(tokens, token.position)


def _code_named_before(tokens: Sequence[Token], position: int) -> int | None:
    """How far before ``position`` a code was named in the window, seen with the word before it, which may say
    which other code it is ("version code", "postal code") though it fell just outside the window."""
    window = window_before(tokens, position)
    code = nearest_match(CODE, " ".join(t.norm for t in tokens[max(0, position - CONTEXT_WINDOW - 1) : position]))
    return code if code is not None and code <= len(window) - len("code") else None


# How card numbers are printed and read out: four groups of four (Visa, Mastercard, Discover), Amex's 4-6-5; and the
# digits the networks' numbers start with.
_CARD_GROUPS = frozenset({(4, 4, 4, 4), (4, 6, 5)})
_CARD_FIRST_DIGITS = frozenset("3456")
_DIGIT_GROUP = re.compile(r"\d+", re.ASCII)


# A social's first five written in its groups, alone: nothing else is written so
_SSN_FIRST_FIVE = re.compile(r"\d{3}-\d{2}", re.ASCII)
# A year in figures after a word saying when ("since 2019", "until 2031")
_SINCE_WORDS = frozenset({"since", "until", "till", "from", "before", "after", "during"})
_YEAR_WRITTEN = re.compile(r"(?:19|20)\d{2}", re.ASCII)


def _itin(digits: str) -> bool:
    """Whether nine digits are a US individual taxpayer number, which the IRS issues where no social is."""
    from stdnum.us import itin

    return bool(itin.is_valid(digits))


def _printed_as_card(digits: str, atoms: Sequence[Atom]) -> bool:
    """Whether digits are grouped as a card's number is and start as one does, though they fail the Luhn check: a
    reviewer hides "6011-4521-8870-3316" whether or not a digit was misheard or misread; so too the groups said in
    words ("Four five three two, one one nine eight, zero zero seven four, six six two three.")."""
    if digits[:1] not in _CARD_FIRST_DIGITS:
        return False
    if not any(_in_figures(atom) for atom in atoms):
        return tuple(len("".join(atom.digits for atom in group)) for group in _groups(atoms)) in _CARD_GROUPS
    return _written_groups(atoms, hyphens=True) in _CARD_GROUPS


def _written_groups(atoms: Sequence[Atom], *, hyphens: bool) -> tuple[int, ...]:
    """The lengths of the digit groups written in figures, set apart by spaces or, with ``hyphens``, hyphens too
    ("0161 496 0835" -> (4, 3, 4), "6011-4521-8870-3316" -> (4, 4, 4, 4)); none where any part is said in words."""
    said = [token.norm for atom in atoms for token in atom.tokens]
    if not all(re.fullmatch(r"[\d-]+" if hyphens else r"\d+", word, re.ASCII) for word in said):
        return ()
    return tuple(len(group) for word in said for group in _DIGIT_GROUP.findall(word))


def _ssn_talked_about(tokens: Sequence[Token], position: int) -> bool:
    return CONTEXTS[EntityType.SSN].search(" ".join(token.norm for token in tokens[:position])) is not None


def _after_a_letter(tokens: Sequence[Token], first: Token) -> bool:
    """Whether a capital letter said alone comes right before ``first`` in its segment: an id's."""
    if not first.position:
        return False
    before = tokens[first.position - 1]
    return before.segment == first.segment and capital_letter(before)


def _back_named(atoms: Sequence[Atom], tokens: Sequence[Token]) -> str | None:
    """The words after the digits, where the back (of a card, or of something they go on to name) is said right after
    them or before them in their segment; None where it is not."""
    first, last = atoms[0].tokens[0], atoms[-1].tokens[-1]
    # "the one on the back of the card": beyond the words usually read after a number
    after = " ".join(
        t.norm for t in tokens[last.position + 1 : last.position + 1 + _BACK_WORDS] if t.segment == last.segment
    )
    before = " ".join(
        t.norm for t in tokens[max(0, first.position - CONTEXT_WINDOW) : first.position] if t.segment == first.segment
    )
    return after if _ON_THE_BACK.match(after) or _ON_THE_BACK_BEFORE.search(before) else None


def _said_to_end_the_card_before(atoms: Sequence[Atom], tokens: Sequence[Token]) -> bool:
    """Whether the digits are said to be the end ("... at the end") of a card number the speaker read just before
    them, which passes the card check with them as its ending: the ending put right, not a security code."""
    last = atoms[-1].tokens[-1]
    after = " ".join(
        t.norm for t in tokens[last.position + 1 : last.position + 1 + _ENDING_AFTER_WORDS] if t.segment == last.segment
    )
    ending = "".join(atom.digits for atom in atoms)
    return _ENDING_AFTER.match(after) is not None and card_ending_put_right(tokens, atoms[0].tokens[0], ending)


# A card's group named by its place, right before its digits: "the third group might be", "the second block is"
_CARD_GROUP_NAMED = re.compile(
    r"\b(the )?(first|second|third|fourth|middle|last) (group|block|set|lot|four)"
    r"( (is|was|might be|could be|should be|reads|says|looks like))?( um| uh)*$"
)
_CARD_GROUP_NAMED_WORDS = 6


def _card_group_named_before(atoms: Sequence[Atom], tokens: Sequence[Token]) -> bool:
    """Whether the digits are a group of a card number the speaker read just before them, named by its place: that
    group said again or put right, not a security code."""
    first = atoms[0].tokens[0]
    named = _CARD_GROUP_NAMED.search(words_before(first, tokens, _CARD_GROUP_NAMED_WORDS)) is not None
    return named and card_read_before(tokens, first)


def _number_type(digits: str, atoms: Sequence[Atom], tokens: Sequence[Token]) -> EntityType | None:
    """What a run of digits that is not a card number is, from its length, shape and context."""
    first = atoms[0].tokens[0]
    distances = context_distances(tokens, first.position)
    code = _code_named_before(tokens, first.position)
    if (
        code is not None
        and EntityType.CARD_SECURITY_CODE not in distances
        and card_talked_about(tokens, first.position)
    ):
        # where a card is talked about, "the code is 341" after its expiry names its security code
        distances[EntityType.CARD_SECURITY_CODE] = code
    if first.position and tokens[first.position - 1].norm in _TRAVEL_NUMBERED and len(digits) <= _LONGEST_TRAVEL_NUMBER:
        return None  # "flight 2217", "gate 14": whatever was asked, a journey's
    if (
        len(atoms) == 1
        and first.position
        and tokens[first.position - 1].norm in _SINCE_WORDS
        and _YEAR_WRITTEN.fullmatch(first.norm.rstrip(".,"))
    ):
        return None  # "the policy ... it's been with us since 2019": when, not whose
    if len(atoms) == 1 and _YEAR_WRITTEN.fullmatch(first.norm.rstrip(".,")) and _year_named_before(first, tokens):
        return None  # "2041208 -047, and the year is 2019.": a year, not whose
    if len(atoms) == 1 and _SSN_FIRST_FIVE.fullmatch(first.norm.rstrip(".,?!")):
        return EntityType.SSN  # "Sure, 402-71.", "So that's 219-66, and ...": a social's first five in its groups
    if len(digits) == _CARD_GROUP and _said_to_end_the_card_before(atoms, tokens):
        return EntityType.CARD_NUMBER  # "4499 0353 7922 9818, no wait, 9889 at the end": the card's last four
    if len(digits) == _CARD_GROUP and _card_group_named_before(atoms, tokens):
        return EntityType.CARD_NUMBER  # "4929 7342 1180 5566. The third group might be 1186.": a group said again
    code_named = code is not None and CODE.search(_words_since_number(tokens, first)) is not None
    if code_named and len(digits) in _NAMED_CODE_LENGTHS and card_talked_about(tokens, first.position):
        # "..., 28, and the code on the map is 531": named as it is given; "The code is 77712": a digit heard twice
        return EntityType.CARD_SECURITY_CODE
    if (
        len(digits) == _CODE_DIGITS
        and _BARE_CODE.search(_words_since_number(tokens, first))
        and not _BACK_OF_ANOTHER_THING.search(_back_named(atoms, tokens) or "")  # "..., on the back of the box."
    ):
        return EntityType.CARD_SECURITY_CODE  # "Code's 9, 0, 2.", "So the code was 3 1 2?", no card talked about
    if first.position and tokens[first.position - 1].norm in _TIME_WORDS and len(digits) <= 4:
        distances.pop(EntityType.DATE_OF_BIRTH, None)  # "moved you to Thursday at ten forty": a time
    if product_named_before(tokens, first):
        distances.pop(EntityType.ACCOUNT_NUMBER, None)  # "Your meter number?" / "Not sure, the model is 3000"
    reading = nearest_match(_METER_READING, window_before(tokens, first.position))
    if reading is not None and reading < distances.get(EntityType.ACCOUNT_NUMBER, reading):
        del distances[EntityType.ACCOUNT_NUMBER]  # "the meter number is ..., and the reading today is 48213"
    code_asked = distances.get(EntityType.CARD_SECURITY_CODE)
    window = window_before(tokens, first.position)
    if (
        code_asked is not None
        and nearest_match(PART_OF_NUMBER, window) == code_asked
        and not (_WHERE_ON_A_CARD.search(window) and not _BACK_OF_ANOTHER_THING.search(window))
    ):
        del distances[EntityType.CARD_SECURITY_CODE]  # "the last four digits of your Aadhaar": another number's
        if not distances and len(digits) in _SECURITY_CODE_LENGTHS and not card_talked_about(tokens, first.position):
            return EntityType.ACCOUNT_NUMBER  # no card, social or phone talked about: an id's, asked to verify
    for kind in _ANSWERED_ONCE:
        if kind in distances and _answered_by_other_side(digits, distances[kind], first, tokens):
            del distances[kind]  # "the security code?" / "993." / "... guaranteed at 160 a night": a price
    nearest = min(distances.values(), default=None)
    # Written five and four ("83702-1187"): a ZIP+4 ending an address, never a social security number's grouping.
    zip_plus_four = len(atoms) == 1 and _ZIP_PLUS_FOUR.fullmatch(first.norm.rstrip(".,")) is not None
    # Written as a date with slashes ("6/11/1979"): a date, never a social security number misheard.
    written_date = len(atoms) == 1 and _WRITTEN_DATE.fullmatch(first.norm.rstrip(".,")) is not None
    # After a letter said alone, or written with one: an id's digits, as no social has a letter ("reference letter
    # number L, 0, 0, 4, ...", "my social, ..., and the CDL number's M418772904").
    lettered_id = any(LETTERED_NUMBER.fullmatch(token.norm.rstrip(".,")) for atom in atoms for token in atom.tokens)
    if zip_plus_four or written_date or lettered_id or _after_a_letter(tokens, first):
        distances.pop(EntityType.SSN, None)
        nearest = min(distances.values(), default=None)
    if len(digits) == 9 and _itin(digits):
        return EntityType.ACCOUNT_NUMBER  # "I have an ITIN, it's 912 78 4431": no social begins with a 9
    if len(digits) in MISHEARD_SSN_LENGTHS and other_countrys_id_named(tokens, first):
        return EntityType.ACCOUNT_NUMBER  # a Canadian SIN, an Australian TFN: not a US social security number
    if len(digits) == 4 and _CARD_ENDING_NAMED.search(_words_since_number(tokens, first)):
        return EntityType.CARD_NUMBER  # "your card ending in 6117", whatever was asked before: its last four
    if len(digits) == 4 and _CARD_LAST_FOUR_NAMED.search(words_before(first, tokens, _CARD_LAST_FOUR_WORDS)):
        return EntityType.CARD_NUMBER  # "..., and the card's last four is 1 1 3 4", a social's named before
    if EntityType.SSN in distances and (
        len(digits) == 9  # nine digits after "social security" are the number, whatever else was asked
        # A digit misheard as a word ("-I") or heard twice: still the number asked for last.
        or (len(digits) in MISHEARD_SSN_LENGTHS and distances[EntityType.SSN] == nearest)
        or (len(digits) in MISHEARD_SSN_LENGTHS and _ssn_named_for_account(distances, tokens, first))
        or (len(digits) == 4 and last_four_of_ssn_asked(distances, tokens, first))
        or (len(digits) == 3 and _said_whole(atoms) and last_four_of_ssn_asked(distances, tokens, first))
    ):
        return EntityType.SSN
    if distances.get(EntityType.SSN) == nearest and part_of_ssn_asked(tokens, first) == len(digits):
        return EntityType.SSN  # "the middle two digits of your social?" / "Seven three."
    if (
        len(digits) == 9
        and not zip_plus_four
        and CONTEXTS[EntityType.SSN].search(said_after(atoms[-1].tokens[-1], tokens))
    ):
        return EntityType.SSN  # "..., that's my social"
    lead_in = words_before(first, tokens, ANSWER_LEAD_WORDS)
    if len(digits) == 4 and _LAST_FOUR.search(lead_in) and _WALLET.search(window_before(tokens, first.position)):
        return EntityType.CARD_NUMBER  # "it's on my phone in Apple Pay, I can only see the last four. 1493."
    phone_nearest = EntityType.PHONE_NUMBER in distances and distances[EntityType.PHONE_NUMBER] == nearest
    if _MIN_PHONE_ENDING <= len(digits) <= 4 and phone_nearest and _ENDING.search(lead_in):
        return EntityType.PHONE_NUMBER  # "phone ends 8842": its last four
    if (
        _MIN_PHONE_ENDING <= len(digits) <= 4
        and phone_nearest
        and _PHONE_PART_ASKED.search(window_before(tokens, first.position))
    ):
        return EntityType.PHONE_NUMBER  # "the last 3 digits of the phone number on the account?" / "2 7 6."
    if _MIN_PHONE_ENDING <= len(digits) <= 4 and _ACCOUNT_ENDING.search(_words_since_number(tokens, first)):
        # "your IBAN ending 3 1", "the account ending in 07": its last digits, also where a card was talked about
        # before ("the same bank account, ending 4729?")
        return EntityType.ACCOUNT_NUMBER
    # "the last four digits are": the count, a number word itself, said before the digits
    ended = _ENDED.search(lead_in) is not None and not _A_RECENT_YEAR.fullmatch(digits)  # not "it ended 2021"
    ending_named = _ENDING.search(words_before(first, tokens, _ENDING_LEAD_WORDS)) is not None or ended
    if len(digits) == 4 and ending_named and card_talked_about(tokens, first.position):
        return EntityType.CARD_NUMBER  # "the card ending 5818", "the one ending 4024": its last four
    lead = words_before(first, tokens)
    if len(digits) == 4 and _ONE_ENDING.search(lead) and not _OTHER_THING_ENDING.search(lead):
        rest = itertools.takewhile(lambda t: t.segment == first.segment, tokens[atoms[-1].tokens[-1].position + 1 :])
        if _CARD_ENDING_AFTER.search(" ".join(t.norm for t in rest)):
            return EntityType.CARD_NUMBER  # "not the one ending 2664, use the Visa ending ...": a card named after
    if len(digits) == _MIN_CORRECTED_ENDING and _CARD_ENDING_NAMED.search(_words_since_number(tokens, first)):
        return EntityType.CARD_NUMBER  # "the Visa ending 381": its last four, a digit lost in hearing
    if len(digits) == 4 and card_ending_asked(tokens, first):
        return EntityType.CARD_NUMBER  # "the last four digits of the card?" / "7209": its last four
    if len(digits) == _CARD_START_DIGITS and card_start_asked(tokens, first):
        return EntityType.CARD_NUMBER  # "Can you read me the first six digits?" / "4 5 5 3 5 7."
    account_nearest = distances.get(EntityType.ACCOUNT_NUMBER) == nearest
    if len(digits) == _MIN_CORRECTED_ENDING and nearest is not None and account_nearest and _ENDING.search(lead_in):
        return EntityType.ACCOUNT_NUMBER  # "account ending six six two": its last three, fewer than a whole id's
    if len(digits) == 9 and account_nearest and personal_tax_id_asked(tokens, first):
        return EntityType.SSN  # "your taxpayer number"
    # Said with its country code: a number of that country's length is a phone number, even in a range the country
    # keeps for examples ("+44 7700 900461").
    if said_with_country_code(first, tokens) and len(digits) >= MIN_INTERNATIONAL:
        number = parsed("+" + digits, None)
        if number is not None and phonenumbers.is_possible_number(number):
            return EntityType.PHONE_NUMBER
    longer_than_at_home = len(digits) >= DIGIT_LENGTHS[EntityType.PHONE_NUMBER].stop
    if phone_nearest and longer_than_at_home and dialled_with_plus_dropped(digits, atoms[0].digits):
        return EntityType.PHONE_NUMBER  # "WhatsApp me on 971 50 612 4408": its country code said without the plus
    if _CARD_NETWORK.search(lead_in) and len(digits) >= _MIN_CARD_CORRECTION:
        return EntityType.CARD_NUMBER  # "Discover, 6 0 1 1 1 1 1, hang on, ...": the card named begins its digits
    if len(digits) == 4 and not distances and _NETWORK_THEN_ENDING.search(lead_in) and _ends_sentence(atoms, tokens):
        return EntityType.CARD_NUMBER  # "How would you like to pay?" / "Visa, 4024.": a card by its last four
    if len(digits) == 4 and not distances and _ENDING.search(lead_in):
        said_next = said_after(atoms[-1].tokens[-1], tokens)
        if _CARD_NAMED_AFTER.match(said_next) or _EXPIRY_NAMED_AFTER.match(said_next):
            return EntityType.CARD_NUMBER  # "the one ending in 7428, that's the Visa", "..., and the expiry 10/26"
    if len(digits) == 4 and not distances and _LAST_FOUR.search(lead_in):
        window = window_before(tokens, first.position)
        if _RECEIPT.search(window):
            return EntityType.CARD_NUMBER  # "I've only got the receipt, it just shows the last four, 6418."
        if not CARD_CONTEXT.search(window):  # looked for last: it reads back far
            return EntityType.SSN  # "Last four are 8 8 1 0.": nothing else named, a social's, as verification asks
    card_named_before = CARD_CONTEXT.search(" ".join(t.norm for t in tokens[: first.position])) is not None
    expiry_asked = distances.get(EntityType.CARD_EXPIRY) == nearest and card_named_before
    if expiry_asked and _year_alone_answers(digits, atoms, tokens):
        return EntityType.CARD_EXPIRY  # "Expire it?" / "-30,": the month lost, the year is the expiry's
    account_length = len(digits) in DIGIT_LENGTHS[EntityType.ACCOUNT_NUMBER]
    if account_length and programme_number_named(first, tokens) and not _phone_shaped(digits):
        return EntityType.ACCOUNT_NUMBER  # "my Avios number is 34821907": named by its scheme, not by its kind
    if _printed_as_card(digits, atoms) and not (nearest is not None and account_nearest):
        return EntityType.CARD_NUMBER  # "4929 6120 3375 8841": grouped as a card is printed, a digit misheard
    phone_length = len(digits) in DIGIT_LENGTHS[EntityType.PHONE_NUMBER] or _phone_shaped(digits)
    if phone_length and _PHONE_NAMED_AFTER.match(said_after(atoms[-1].tokens[-1], tokens, into_next=True)):
        return EntityType.PHONE_NUMBER  # "fifty-five, forty-one eighty-seven, twenty-two ninety, that's my cel"
    if (
        len(digits) in (3, 4)
        and _BACK_JUST_NAMED.search(words_before(first, tokens, _BACK_LEAD_WORDS))
        and card_talked_about(tokens, first.position)
    ):
        return EntityType.CARD_SECURITY_CODE  # "..., it runs out in November '30, and the back, 9 1 6.": not an expiry
    # an id's letters written before its digits ("RF22801"): an id, never a date, whatever was asked before it
    lettered = any(LETTERED_NUMBER.fullmatch(token.norm) for atom in atoms for token in atom.tokens)
    fitting = sorted(
        (distance, entity_type)
        for entity_type, distance in distances.items()
        if len(digits) in DIGIT_LENGTHS[entity_type]
        and (entity_type is not EntityType.CARD_EXPIRY or plausible_expiry(digits))
        and (entity_type is not EntityType.DATE_OF_BIRTH or (plausible_date_digits(digits) and not lettered))
    )
    if fitting:
        return asked_first(fitting, tokens, first) if len(fitting) > 1 else fitting[0][1]
    if len(atoms) == 1 and SSN_WRITTEN.fullmatch(first.norm):
        return EntityType.SSN
    if len(digits) == 9 and _ssn_talked_about(tokens, first.position) and not _after_a_letter(tokens, first):
        # "my W-2 has the wrong social security number" / ... / "It's 5 -3 -1 -4 -4 -2 -0 -9 -8.": nothing else
        # asked for, nine digits in a call about a social are the social
        return EntityType.SSN
    if (
        len(digits) in (3, 4)
        and (after := _back_named(atoms, tokens)) is not None
        and (
            card_talked_about(tokens, first.position)
            or (
                _CODE_ON_THE_BACK.search(window_before(tokens, first.position))
                and not _BACK_OF_ANOTHER_THING.search(after)
            )
        )
    ):
        # "... and it's 306 on the back"; "The code is 6 0 3, on the back.": a code printed on the back is a card's
        return EntityType.CARD_SECURITY_CODE
    if (
        len(digits) in (3, 4)
        and CODE.search(window_before(tokens, first.position))
        and _CARD_NAMED_AFTER.match(said_after(atoms[-1].tokens[-1], tokens))
    ):
        return EntityType.CARD_SECURITY_CODE  # "the code is 8 1 7 1, it's Amex": the card it is on named after it
    if CARD_CONTEXT.search(window_before(tokens, first.position)) or card_read_before(tokens, first):
        # a card with digits lost or misheard; not a North American number dialled with its 1 ("1 800 555 0199"),
        # as no card starts with 1
        if 11 <= len(digits) <= 19 and not (digits.startswith("1") and _phone_shaped(digits)):
            return EntityType.CARD_NUMBER
        if len(digits) in (3, 4) and CODE.search(window_before(tokens, first.position)):  # "Visa ... the code is 412"
            return EntityType.CARD_SECURITY_CODE
        # Said right after a card number: the first number that can be a month and year is its expiry, and
        # three or four digits after the expiry are its code.
        said_before = tokens[max(0, first.position - CONTEXT_WINDOW) : first.position]
        card_given = digit_count([t for t in said_before if t.speaker == first.speaker]) >= _WHOLE_CARD_SAID
        if card_given:
            previous = previous_number(tokens, first.position)
            after_card = previous is not None and _segment_digits(tokens, previous) >= 12
            if after_card and len(digits) == 4 and plausible_expiry(digits):
                return EntityType.CARD_EXPIRY
            if len(digits) in (3, 4) and EntityType.CARD_SECURITY_CODE not in distances:
                # No code asked for: the expiry asked last with a digit lost ("Expiry?" / "-013" for "oh one,
                # thirty"), or a month and year the card was read over turns before ("4485 -2760" / "-1938 -4504"
                # / "When does it expire?", misheard / "-04 -28")
                if distances.get(EntityType.CARD_EXPIRY) == nearest and _expiry_asked_last(first, tokens):
                    return EntityType.CARD_EXPIRY
                if len(digits) == 4 and plausible_expiry(digits):
                    return EntityType.CARD_EXPIRY
            own_before = digits_said([t for t in said_before if t.speaker == first.speaker])
            if len(digits) == 4 and EntityType.CARD_SECURITY_CODE not in distances and own_before.endswith(digits):
                return EntityType.CARD_NUMBER  # "Was that double zero four four at the end?" / "Yes, 0044.": read back
            if len(digits) in (3, 4):
                return EntityType.CARD_SECURITY_CODE
            if previous is not None and after_card and len(digits) >= _MIN_CARD_CORRECTION:
                # "visa 4485 3912 6740." / "Sorry, I misread." / "6704 2215.": the card's digits put right
                own = [t.norm for t in tokens[previous.position + 1 : first.position] if t.speaker == first.speaker]
                if GIVEN_UP.search(" ".join(own)):
                    return EntityType.CARD_NUMBER
        # Digits given when a card number was asked for are part of it, even where the rest was misheard; not
        # where something else was asked for since ("And the expiry?"), nor after the card was given whole (its
        # expiry and code run together as Whisper heard them: "4709, 3012, 5578, 6419," / ... / "30128.").
        asked = " ".join(t.norm for t in tokens[max(0, first.position - CONTEXT_WINDOW) : first.position]
                         if t.speaker != first.speaker)  # fmt: skip
        if len(digits) >= 4 and "card number" in asked and not distances and not card_given:
            return EntityType.CARD_NUMBER
    if named_as_reference(tokens, first):
        return None
    # What the other side did with the digits says more than their shape: a mobile's shape is only a guess.
    if len(digits) >= _MIN_NAMED_AFTER and _ACCOUNT_FOUND.search(said_after(atoms[-1].tokens[-1], tokens)):
        return EntityType.ACCOUNT_NUMBER  # "0045 8812 907, I've found the account": the digits looked up
    if dialled_abroad(digits):
        return EntityType.PHONE_NUMBER  # "double oh three five three, eight six, ...": the country code dialled
    if zero_led_account(digits):
        return EntityType.ACCOUNT_NUMBER
    if not distances and _read_in_phone_groups(digits, atoms, tokens):
        return (
            EntityType.PHONE_NUMBER
        )  # nothing else asked for: "double nine eight, four oh, double two, seven one three five"
    if _phone_shaped(digits) or grouped_as_at_home(digits, _written_groups(atoms, hyphens=False)):
        return EntityType.PHONE_NUMBER
    return None


_MIN_LONG_ACCOUNT = 16  # digits: more than a phone number holds, with or without its country code


def zero_led_account(digits: str) -> bool:
    """Whether ``digits`` are a bank account's, not a card's nor a phone's: longer than a phone number and begun by
    one 0, which starts no card's issuer nor is a call abroad ("00"), as a Mexican CLABE's 18 digits are begun by its
    bank's code ("032, 180, ...")."""
    return _MIN_LONG_ACCOUNT <= len(digits) <= _LONGEST_CARD and digits.startswith("0") and not digits.startswith("00")


_PHONE_GROUPED_LENGTHS = (10, 11)  # digits: a phone number with its area or mobile code, in any country
_MIN_PHONE_GROUPS = 3
_OURS = re.compile(r"\b(our|us|we|we're|we've)\b")


def _read_in_phone_groups(digits: str, atoms: Sequence[Atom], tokens: Sequence[Token]) -> bool:
    """Whether ``digits`` are read the way a phone number is, whatever its country: in words, in three or more
    groups set apart by commas, with a digit said "double" or "triple" in them. An id or an amount is rarely read
    so; a number of a country ``phonenumbers`` would not guess is still a phone number. Not a business's own
    ("our after-hours line is ..."), which its turn says is theirs."""
    if len(digits) not in _PHONE_GROUPED_LENGTHS:
        return False
    first = atoms[0].tokens[0]
    if _OURS.search(words_before(first, tokens)):
        return False
    said = [token for atom in atoms for token in atom.tokens]
    if any(token.norm[:1].isdigit() for token in said) or not any(token.norm in REPEATS for token in said):
        return False
    groups = 1 + sum(token.text.endswith(",") for token in said[:-1])
    return groups >= _MIN_PHONE_GROUPS


_EXPIRY_YEARS = range(15, 50)


def _year_alone_answers(digits: str, atoms: Sequence[Atom], tokens: Sequence[Token]) -> bool:
    """Whether two digits that can be a card's year are all the speaker says in their turn."""
    if len(digits) != 2 or int(digits) not in _EXPIRY_YEARS:
        return False
    segment = atoms[0].tokens[0].segment
    said = [t for t in tokens if t.segment == segment]
    return all(t in atoms[0].tokens for t in said) and len(atoms) == 1


_CARD_START_DIGITS = 6  # the bank's number that begins a card
# Asked for once and answered with digits: a new number said after the answer is something else, unless it reads
# the answer back.
_ANSWERED_ONCE = (EntityType.CARD_SECURITY_CODE, EntityType.DATE_OF_BIRTH)
_READ_BACK_WINDOW = 4  # digits: a year, a group read back from a longer answer


# What a meter shows, named after the meter's number: its reading, no one's record.
_METER_READING = re.compile(r"\b(the|a|your|my) ((meter|day|night|current|latest|new|last) )?readings?\b")


def _answered_by_other_side(digits: str, distance: int, first: Token, tokens: Sequence[Token]) -> bool:
    """Whether the other side said digits in an earlier turn after the question ``distance`` characters before
    ``first`` ("And the security code?" / "993." / "Thanks, that's 160 euros a night"), and ``first``'s digits do
    not read those back ("993, thank you"): the question has its answer, these digits are not it."""
    tail, after = 0, list[Token]()
    for token in reversed(tokens[max(0, first.position - CONTEXT_WINDOW) : first.position]):
        tail += len(token.norm) + (1 if after else 0)
        if tail > distance:
            break
        after.insert(0, token)
    asking = {t.segment for t in after if t.text.rstrip().endswith("?")}  # "the three numbers on the back?"
    answer = digits_said(
        [
            t
            for t in after
            if t.speaker != first.speaker
            and t.segment not in {first.segment, *asking}
            # a count of digits asked for, not an answer: "... and the last four of your social."
            and not says_length(tokens, t.position)
        ]
    )
    if not answer:
        return False
    windows = {digits[i : i + _READ_BACK_WINDOW] for i in range(len(digits) - _READ_BACK_WINDOW + 1)}
    read_back = (
        digits in answer
        or answer in digits
        or any(window in answer for window in windows)
        # the whole answer read back, a digit misheard ("993" / "994?"); two digits differing in one are two numbers
        or (len(digits) == len(answer) >= _MIN_CORRECTED_ENDING and _misheard_as(digits, answer))
        # a date read back another way, ending in its year ("July 14th, 1969" / "So 14/7/69?")
        or (len(digits) >= _READ_BACK_WINDOW and digits[-2:] in _year_endings(answer))
    )
    return not read_back


def _year_endings(digits: str) -> set[str]:
    """The last two digits of each year ("1969", "2004") in ``digits``, and their own last two."""
    years = {digits[i + 2 : i + 4] for i in range(len(digits) - 3) if _YEAR.fullmatch(digits[i : i + 4])}
    return years | {digits[-2:]}


def _ssn_named_for_account(distances: dict[EntityType, int], tokens: Sequence[Token], first: Token) -> bool:
    """Whether only an account, said as what the social security number asked for is for, was named since it."""
    nearer = {kind for kind, distance in distances.items() if distance < distances[EntityType.SSN]}
    return nearer == {EntityType.ACCOUNT_NUMBER} and account_named_only_as_purpose(tokens, first)


def _expiry_asked_last(first: Token, tokens: Sequence[Token]) -> bool:
    """Whether the other side's last words before ``first`` ask for the expiry and ``first`` begins the answer: not
    where they went on to ask for something more, however misheard ("What's the expiry?" / "And the seemingly,
    please?" for "the CVV"), nor after an expiry given first ("Expiry and CVV?" / "0 .5, 20 .9, CBV -814")."""
    asked = next((t for t in reversed(tokens[: first.position]) if t.speaker != first.speaker), None)
    if asked is None or digits_said(tokens[asked.position + 1 : first.position]):
        return False
    said = " ".join(t.norm for t in tokens if t.segment == asked.segment)
    return CONTEXTS[EntityType.CARD_EXPIRY].search(said) is not None


def _words_since_number(tokens: Sequence[Token], first: Token) -> str:
    """The words said in ``first``'s segment before it, since the last digit said there."""
    words: list[str] = []
    for token in reversed(tokens[: first.position]):
        if token.segment != first.segment or digits_of(token) is not None:
            break
        words.append(token.norm)
    return " ".join(reversed(words))


_LONGEST_HOME_MOBILE = 12  # digits: a German mobile, "0151 2384 7710"


def _phone_shaped(digits: str) -> bool:
    """Whether ``digits`` are a valid North American number or a mobile as dialled at home in another country."""
    if len(digits) == _LONGEST_HOME_MOBILE:
        return national_mobile(digits)
    if len(digits) not in (10, 11):
        return False
    number = parsed(digits, "US")
    return number is not None and (phonenumbers.is_valid_number(number) or national_mobile(digits))


# The last four of a card asked for by its place on the card: what is said next are the card's digits.
# A bank account named right before the digits it ends with: "your IBAN ending", "the account that ends in".
_ACCOUNT_ENDING = re.compile(r"\b(iban|account)( number)?( that| which)? (ends|ending)( in| with)?$")
# A card network named right before digits: the card's ("a loyalty card" or "the card here" may hold any id).
_CARD_NETWORK = re.compile(rf"\b({CARD_NETWORKS})\b")
# A card named right after a code: "the code is 8 1 7 1, it's Amex", "... 412 on the Visa"
_CARD_NAMED_AFTER = re.compile(
    rf"((it's|its|it is|that's|on|for) )?(the |my |an? )?({CARD_NETWORKS}|(credit|debit) card)\b"
)


def _ends_sentence(atoms: Sequence[Atom], tokens: Sequence[Token]) -> bool:
    said_last = atoms[-1].tokens[-1]
    return said_last.text.endswith((".", "?", "!")) or not said_after(said_last, tokens)


# A card's expiry named right after digits: "The last four is 2095, and the expiry 10/26.", "... is 0588 and it
# expires in April 2028."
_EXPIRY_NAMED_AFTER = re.compile(rf"(and )?(the |its |it )?({EXPIRY_SAID})\b")
# A receipt shows a card's last four, never a social's.
_RECEIPT = re.compile(r"\b(receipt|till slip|card slip)s?\b")
# A card held in a phone's wallet, which shows only its last four
_WALLET = re.compile(r"\b(apple|google|samsung) (pay|wallet)\b|\b(digital wallet|wallet app)\b")
# Four digits asked or given as "the last four" of nothing named: in verification, a social's.
_LAST_FOUR = re.compile(r"\blast (four|4)( digits| numbers)?( are| is| as|'s)?$")
# A card's network named alone right before its last four: "Visa, 4024."
_NETWORK_THEN_ENDING = re.compile(rf"(^|\b(it's|its|the|my|a|an|on|with|use) )({CARD_NETWORKS})$")
# Where a card's code is printed, named with the digits asked for: "the last three digits on the signature strip"
# (not the back of another thing: "the last four digits on the back of your Aadhaar card")
_WHERE_ON_A_CARD = re.compile(r"\b(signature (strip|panel|box)|on the back)\b")
_MIN_CARD_CORRECTION = 5  # digits: more than an expiry or a security code
_WHOLE_CARD_SAID = 12  # digits said just before: a card's, lost digits and all
# A thing named by its ending alone, what it is said after: "not the one ending 2664, use the Visa ..."
_ONE_ENDING = re.compile(r"\bones?( that| which)? (ends|ending)( in| with)?$")
# ... where a card is named after by its ending too, and no other thing before it
_CARD_ENDING_AFTER = re.compile(rf"\b(cards?|{CARD_NETWORKS})\b( \S+){{0,3}} (ends|ending)\b")
_OTHER_THING_ENDING = re.compile(
    r"\b(plan|subscription|contract|phone|mobile|number|order|account|policy|booking|membership|line|sim)s?\b"
)
_MIN_NAMED_AFTER = 6  # digits: an id's, more than a PIN's or a year's
_MIN_PHONE_ENDING = 2  # digits: "same as my mobile but ending 42"
_ENDING_LEAD_WORDS = 5  # "the last four digits are"
# A card named in the words right before the digits it ends with ("the card we bill is the Visa ending"), no other
# thing with a number named between ("the card goes with the order ending").
_CARD_ENDING_NAMED = re.compile(
    # "card" also as Whisper may hear it before its ending: "the refund will come back to the car ending 7 -8 -1"
    rf"\b(cards?|car(?= (ends|ending)\b)|{CARD_NETWORKS})\b"
    r"( (?!(order|account|number|reference|ref|policy|phone|mobile|booking|invoice|ticket|case|claim)\b)\S+){0,6} "
    r"(ends|ending)( in| with)?$"
)
_CARD_LAST_FOUR_WORDS = 6  # "the visa's last four digits are"
# Its last four named as the card's: "Last four of my social is 8 8 2 0 and the card's last four is 1 1 3 4."
_CARD_LAST_FOUR_NAMED = re.compile(rf"\b(card|{CARD_NETWORKS})('s)? last (four|4)( digits| numbers)?( are| is|'s)?$")
# Said right after a phone number, naming it: "..., that's my cel", "..., that's the landline"
_PHONE_NAMED_AFTER = re.compile(
    r"(that's|that is|it's|thats) (my|his|her|our|the|your) (own |home |work |personal )?"
    r"(mobile|cell|cel|cellphone|handphone|phone|landline|whatsapp)\b"
    # asked after it whether it is still the one to call: "Is 9123 4567 still the best number for you?"
    r"|(still )?(the )?(best|right|correct) (number|contact number|mobile|phone|one)"
    r" (for you|to (reach|call|contact))\b"
    # or whether it is still theirs, its "is" heard as anything: "It's 8 .03 .412 .776." / "I'm still your number."
    r"|(\S+ )?still (your|my) (number|mobile|phone|cell)\b"
    # or by the area code told after it: "It's 4419 2038, and the area code is 555."
    r"|(and )?(the |its |my |our )?area code\b"
)
# Said right after digits looked up: "..., I've found the account", "..., that's your membership"
_ACCOUNT_FOUND = re.compile(
    r"\b(found|got|see|pulled up|brought up|that's) (the|your|my) (account|membership|policy)\b"
)


def _segment_digits(tokens: Sequence[Token], token: Token) -> int:
    """How many digits were said in ``token``'s segment."""
    return digit_count([t for t in tokens if t.segment == token.segment])


_MAX_ASIDE_WORDS = 3  # "sorry", "hang on", "let me see"
_MAX_CARD_PARTS = 5  # a card read in its groups of three or four
_MIN_ASIDE_PART = 3  # digits: a group of a card, not a word heard as a digit
_CARD_DIGITS = range(13, 20)


def _cards_across_asides(runs: list[list[Atom]], tokens: Sequence[Token]) -> list[list[Atom]]:
    """Runs a speaker read in one turn with a few words aside between them ("Visa. 402, hang on, 957, 304, ..., 7864",
    "42859, sorry, 13614, 802827") joined into one, where a card was talked about and the digits together pass the
    card check at a card's length: one card read with pauses, not several numbers."""
    joined: list[list[Atom]] = []
    index = 0
    while index < len(runs):
        taken = 1
        for parts in range(min(_MAX_CARD_PARTS, len(runs) - index), 1, -1):
            if _one_card(runs[index : index + parts], tokens):
                taken = parts
                break
        joined.append([atom for run in runs[index : index + taken] for atom in run])
        index += taken
    return joined


def _one_card(runs: Sequence[Sequence[Atom]], tokens: Sequence[Token]) -> bool:
    """Whether ``runs`` are the groups of one card read in one turn with asides between them."""
    first = runs[0][0].tokens[0]
    digits = "".join(atom.digits for run in runs for atom in run)
    if len(digits) not in _CARD_DIGITS or not luhn(digits):
        return False
    if any(len("".join(atom.digits for atom in run)) < _MIN_ASIDE_PART for run in runs):
        return False
    for before, after in itertools.pairwise(runs):
        last, resumed = before[-1].tokens[-1], after[0].tokens[0]
        if resumed.segment != first.segment or resumed.position - last.position - 1 > _MAX_ASIDE_WORDS:
            return False
        # not the next detail named and given: "3674 543532 5327, expiry 5/28" (passing the check by chance)
        aside = " ".join(t.norm for t in tokens[last.position + 1 : resumed.position])
        if any(CONTEXTS[kind].search(aside) for kind in (EntityType.CARD_EXPIRY, EntityType.CARD_SECURITY_CODE)):
            return False
    # not a loyalty card's or another id's number put right ("Loyalty card number is ..., sorry, 7 7 9 at the end")
    distances = context_distances(tokens, first.position)
    id_named = EntityType.ACCOUNT_NUMBER in distances and distances[EntityType.ACCOUNT_NUMBER] == min(
        distances.values()
    )
    return card_talked_about(tokens, first.position) and not id_named


def numbers(tokens: Sequence[Token]) -> Iterable[tuple[EntityType, list[Token]]]:
    found: list[tuple[EntityType, list[Token]]] = []
    untyped: list[list[Atom]] = []
    socials: list[list[Atom]] = []  # runs found as (parts of) social security numbers
    codes: list[list[Atom]] = []  # runs found as security codes, which may be a card's group said again
    for speaker in dict.fromkeys(token.speaker for token in tokens):
        stream = [token for token in tokens if token.speaker == speaker]
        for run in _cards_across_asides(_atoms(stream, tokens), tokens):
            typed = list(_classify_run(run, tokens))
            found += typed
            if not typed:
                untyped.append(run)
            elif all(kind is EntityType.SSN for kind, _ in typed):
                socials.append(run)
            elif all(kind is EntityType.CARD_SECURITY_CODE for kind, _ in typed):
                codes.append(run)
    found = _endings_asked_again(_codes_after_expiries(_accounts_read_back(found)), tokens)
    yield from found
    accounts = [said for kind, said in found if kind is EntityType.ACCOUNT_NUMBER]
    yield from ((EntityType.ACCOUNT_NUMBER, letters) for letters in end_letters_given(accounts, tokens))
    read_back = list(_read_back(untyped, found, tokens))
    yield from read_back
    # what the other side heard of a card's start said again whole later: "It's 4819 8427..." / "Sorry, you cut out
    # after 4819." / "4819 8427 3616 3435."
    yield from _read_back(untyped, [(kind, said) for kind, said in read_back if kind is EntityType.CARD_NUMBER], tokens)
    yield from _rest_after_read_back(untyped, found, read_back, tokens)
    yield from _resumed_after_cut_out(untyped, found)
    yield from _groups_picked(untyped, [*found, *read_back], tokens)
    yield from _card_groups_said_again([*untyped, *codes], found, tokens)
    yield from _repeated_after(untyped, found)
    yield from _given_again_when_asked(untyped, found, tokens)
    yield from _code_put_right(untyped, found, tokens)
    yield from _ending_said_again(untyped, found)
    in_two = [
        *_card_in_two_runs(untyped, tokens),
        *_card_ended_after_read_back(untyped, found, tokens),
        *_card_in_many_runs(untyped, found, tokens),
    ]
    yield from in_two
    parted = {token.position for _, said in in_two for token in said}
    untyped = [run for run in untyped if run[0].tokens[0].position not in parted]
    yield from _read_back(untyped, in_two, tokens)  # a card said in two runs, its end read back: "4820 at the end"
    begun = list(_begun_again(untyped, tokens))
    yield from begun
    yield from _mobile_across_aside(untyped, tokens)
    yield from _details_given_after_card(untyped, found, tokens)
    yield from _ssn_ended_after_first_five(untyped, socials)
    in_groups = list(_ssn_in_groups(sorted([*untyped, *socials], key=lambda run: run[0].tokens[0].position), tokens))
    yield from in_groups
    yield from _misspoken_starts(untyped, [*found, *begun, *in_groups], tokens)
    yield from _read_back(untyped, in_groups, tokens)  # a social said in its parts, read back
    taken = {token.position for _, said in [*begun, *in_groups] for token in said}
    yield from _ssn_begun(untyped, taken, tokens)
    yield from _parts_read_back(untyped, [*found, *in_groups])
    yield from _parts_before_whole(untyped, found)
    ids = [*alphanumeric_ids(tokens), *spelled_ids(tokens)]
    yield from _parts_given_again(untyped, [*found, *in_groups, *ids], tokens)
    yield from _ids_said_on(untyped, ids, tokens)
    phones = [said for kind, said in found if kind is EntityType.PHONE_NUMBER]
    yield from _phone_endings_near_phones(untyped, phones, tokens)


# A number's ending named, the thing it ends a number: "a number ending 391", "it should end 913 now".
_NUMBER_ENDING = re.compile(
    r"\b(number|one|it|mine)( \S+){0,3} (ends|ending|(should|would|will|does|did) end)( in| with)?$"
)
# ... unless another thing's number: "your order number ending 391"
_OTHER_NUMBER_ENDING = re.compile(
    r"\b(order|account|policy|reference|booking|case|claim|ticket|member|membership|tracking|invoice|card|customer|"
    r"confirmation|serial|model|flight|room|seat) number\b"
)
_ENDING_NEAR_PHONE = 2 * CONTEXT_WINDOW  # tokens either side
# ... or a number texted or called, by its ending: "Just text the code to the number ending 4 7 1 9", "I've sent the
# code to the number ending 8816"
_TEXTED_TO_NUMBER_ENDING = re.compile(
    r"\b(text|texted|texting|call|called|calling|ring|rang|sms|whatsapp"
    r"|(send|sent|sending) (it |you )?(the |a |an )?(code|text|message|link|otp|pin))"
    r"( \S+){0,4} number (ends|ending)( in| with)?$"
)
_TEXTED_TO_WORDS = 10


def _phone_endings_near_phones(
    untyped: Sequence[Sequence[Atom]], phones: Sequence[Sequence[Token]], tokens: Sequence[Token]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """A number's last few digits named as its ending, where a whole phone number is said just before or after
    ("We've got a number ending 3 9 1 on file." / "That's old, it should end 9 1 3 now. Full thing is 021 555
    0913."), or asked after whether it is still the one to call: the phone number's ending, old or new."""
    for run in untyped:
        digits = "".join(atom.digits for atom in run)
        first, last = run[0].tokens[0], run[-1].tokens[-1]
        if not _MIN_PHONE_ENDING < len(digits) <= 4:
            continue
        lead = words_before(first, tokens, _ENDING_LEAD_WORDS)
        if not _NUMBER_ENDING.search(lead) or _OTHER_NUMBER_ENDING.search(lead):
            continue
        near_phone = any(
            abs(phone[0].position - last.position) <= _ENDING_NEAR_PHONE
            or abs(first.position - phone[-1].position) <= _ENDING_NEAR_PHONE
            for phone in phones
        )
        if (
            near_phone
            or _TEXTED_TO_NUMBER_ENDING.search(words_before(first, tokens, _TEXTED_TO_WORDS))
            # asked after it whether it is still the one to call: "Is the number ending in 2284 still the best one?"
            or _PHONE_NAMED_AFTER.match(said_after(last, tokens))
        ):
            yield EntityType.PHONE_NUMBER, [token for atom in run for token in atom.tokens]


def _groups(run: Sequence[Atom]) -> list[list[Atom]]:
    """The groups a number was said in: digit words said together ("two oh nine", "eleven forty seven"), each
    group written in figures ("402", "91") on its own, a new group after a comma, a full stop, a filler ("um",
    "then", "...") or another turn. Digits Whisper writes one by one with a dash before each ("7 -2") are said
    together too, and so are single digits written apart ("2 3 8, um, 5 1"), a group of digit words read out."""
    groups: list[list[Atom]] = []
    for atom in run:
        previous = groups[-1][-1] if groups else None
        # "7 -2" or "2 3 8": digits written one by one, each its own word, are said together too
        one_by_one = (
            previous is not None
            and len(atom.digits) == len(previous.digits) == 1
            and (atom.tokens[0].hyphen_led or (len(atom.tokens) == len(previous.tokens) == 1 and _in_figures(atom)))
        )
        if previous is None or (
            ((_in_figures(atom) or _in_figures(previous)) and not one_by_one)
            or previous.tokens[-1].segment != atom.tokens[0].segment
            or previous.tokens[-1].text[-1] in ".,;?!…"
            or atom.tokens[0].position - previous.tokens[-1].position > 1
        ):
            groups.append([atom])
        else:
            groups[-1].append(atom)
    return groups


def _in_figures(atom: Atom) -> bool:
    return any(char.isdigit() for token in atom.tokens for char in token.norm)


def _ssn_ended_after_first_five(
    untyped: Sequence[Sequence[Atom]], socials: Sequence[Sequence[Atom]]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """The four digits said next after a social's first five written in its groups, by either side: its end ("So
    that's 219-66, and what was the end again?" / "4057.")."""
    for social in socials:
        five = social[0].tokens[0]
        if len(social) != 1 or not _SSN_FIRST_FIVE.fullmatch(five.norm.rstrip(".,?!")):
            continue
        after = [run for run in untyped if run[0].tokens[0].position > five.position]
        if not after:
            continue
        rest = min(after, key=lambda run: run[0].tokens[0].position)
        if (
            rest[0].tokens[0].position - five.position <= CONTEXT_WINDOW
            and len("".join(atom.digits for atom in rest)) == SSN_GROUPS[-1]
        ):
            yield EntityType.SSN, [token for atom in rest for token in atom.tokens]


def _ssn_in_groups(
    untyped: Sequence[Sequence[Atom]], tokens: Sequence[Token]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """A social security number said in its three parts of three, two and four digits, in one breath or over the
    speaker's turns while the other side only acknowledges or repeats: its shape names it, asked for or not."""
    chains: list[list[list[Atom]]] = []  # per chain, the groups said on one after another by one speaker
    last_chain: dict[str, list[list[Atom]]] = {}
    for run in untyped:
        for group in _groups(run):
            chain = last_chain.get(group[0].tokens[0].speaker)
            if chain is not None and _said_on(chain[-1][-1].tokens[-1], group[0].tokens[0], tokens):
                chain.append(group)
            else:
                chain = [group]
                chains.append(chain)
                last_chain[group[0].tokens[0].speaker] = chain
    for chain in chains:
        sizes = tuple(sum(len(atom.digits) for atom in group) for group in chain)
        if sizes == SSN_GROUPS:  # the three parts alone, no digits said on before or after them
            yield EntityType.SSN, [token for group in chain for atom in group for token in atom.tokens]
        elif sizes[-3:] == SSN_GROUPS and _written_apart_from_before(chain[-4], chain[-3:]):
            # "so the correct one is 531 -47 -2098": the three parts in figures, a number word said before them
            yield EntityType.SSN, [token for group in chain[-3:] for atom in group for token in atom.tokens]


def _written_apart_from_before(before: Sequence[Atom], parts: Sequence[Sequence[Atom]]) -> bool:
    """Whether the parts of a number are each written in figures and a word stands between them and the group
    before: that group ("one" in "the correct one is 531 -47 -2098") is no part of the number."""
    return all(_in_figures(atom) for group in parts for atom in group) and (
        parts[0][0].tokens[0].position - before[-1].tokens[-1].position > 1
    )


_SAID_ON_WITHIN = CONTEXT_WINDOW  # tokens between one part and the next
# What a speaker says between the parts of one number: "then five two, and the last bit is ..."
_PART_LEADS = _FILLERS | {"the", "last", "next", "final", "bit", "part", "is", "it's", "rest", "so", "that's"}


def _said_on(last: Token, first: Token, tokens: Sequence[Token]) -> bool:
    """Whether ``first`` goes on with the number ``last`` ended: soon after, with only words that lead to a number's
    next part between ("and then", "the last bit is"), the other side saying nothing but a few words of
    acknowledgement, a repeat of the digits or a question for the rest."""
    if first.position - last.position > _SAID_ON_WITHIN:
        return False
    others = others_between_parts(tokens, last, first, _PART_LEADS)
    return (
        others is not None
        and sum(1 for t in others if digits_of(t) is None) <= BACKCHANNEL_WORDS
        and not asks_for_a_number(others, besides=EntityType.SSN)
    )


def _repeated_after(
    untyped: Sequence[Sequence[Atom]], found: Sequence[tuple[EntityType, list[Token]]]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """Digits the other side repeats whole right after, where the repeat is what tells their kind ("It's 0045 8812
    907" / "0045 8812 907, I've found the account."): the same kind."""
    for run in untyped:
        last = run[-1].tokens[-1]
        digits = "".join(atom.digits for atom in run)
        for entity_type, said in found:
            if (
                len(digits) >= _MIN_READ_BACK
                and said[0].speaker != last.speaker
                and 0 < said[0].position - last.position <= CONTEXT_WINDOW
                and digits_said(said) == digits
            ):
                yield entity_type, [token for atom in run for token in atom.tokens]
                break


# The other side asking for what was just given once more: "Could you give me that once more?", "Say that again?"
_ASKED_AGAIN = re.compile(r"\b(once more|one more time|again|repeat (that|it)|come again)\b")
_MIN_GIVEN_AGAIN = 3  # digits: a card's code
_LAST_FOUR_ASKED = re.compile(r"\blast (four|4)\b")


def _given_again_when_asked(
    untyped: Sequence[Sequence[Atom]], found: Sequence[tuple[EntityType, list[Token]]], tokens: Sequence[Token]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """The same digits the speaker gives again when the other side asks for them once more ("3, 8, and I think a 1." /
    "Could you give me that once more?" / "Yeah, 381. Pretty sure it's 381."), or its last four when those are asked
    for ("523-18-4406." / "... I just need the last four again." / "4406."): the same kind."""
    for run in untyped:
        first = run[0].tokens[0]
        digits = "".join(atom.digits for atom in run)
        for entity_type, said in found:
            last, given = said[-1], digits_said(said)
            ending = len(digits) == _CARD_GROUP < len(given) and given.endswith(digits)
            if (
                len(digits) < _MIN_GIVEN_AGAIN
                or last.speaker != first.speaker
                or not 0 < first.position - last.position <= CONTEXT_WINDOW
                or (given != digits and not ending)
            ):
                continue
            asked = " ".join(t.norm for t in tokens[last.position + 1 : first.position] if t.speaker != first.speaker)
            if (_LAST_FOUR_ASKED if ending else _ASKED_AGAIN).search(asked):
                yield entity_type, [token for atom in run for token in atom.tokens]
                break


# The speaker doubting what they just read: giving it up ("..., no wait, 190."), or asking "or": "The code is 901. Or
# is it 109?"
_OR_ASKED = re.compile(r"\bor\b")


def _code_put_right(
    untyped: Sequence[Sequence[Atom]], found: Sequence[tuple[EntityType, list[Token]]], tokens: Sequence[Token]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """A security code the speaker doubts and reads again another way, its digits in another order or one of them
    changed, and that reading said again ("The code is 901. Or is it 109? Hang on. Yeah, 109."): codes too."""
    for entity_type, said in found:
        if entity_type is not EntityType.CARD_SECURITY_CODE:
            continue
        code, last, readings = digits_said(said), said[-1], set()
        for run in untyped:
            first = run[0].tokens[0]
            if first.speaker != last.speaker or not 0 < first.position - last.position <= CONTEXT_WINDOW:
                continue
            digits = "".join(atom.digits for atom in run)
            if _is_quantity(run, tokens):
                continue  # "No, it's 109 dollars a night": a price
            between = " ".join(t.norm for t in tokens[last.position + 1 : first.position])
            doubted = GIVEN_UP.search(between) or _OR_ASKED.search(between)
            if digits in readings or (_misheard_as(code, digits) and doubted):
                readings.add(digits)
                last = run[-1].tokens[-1]
                yield entity_type, [token for atom in run for token in atom.tokens]


_ENDING_AFTER_WORDS = 3  # "..., that's 0735 at the end"


def _ending_said_again(
    untyped: Sequence[Sequence[Atom]], found: Sequence[tuple[EntityType, list[Token]]]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """A number's last digits, or all of them, said again by the same speaker right after it ("My phone is 0161 496
    0735. Oh seven three five.", "Last four is 0 9 3 2. Oh nine three two."): the same kind."""
    for run in untyped:
        first = run[0].tokens[0]
        digits = "".join(atom.digits for atom in run)
        for entity_type, said in found:
            whole = digits_said(said)
            if (
                _MIN_ENDING_SAID_AGAIN <= len(digits) <= len(whole)
                and whole.endswith(digits)
                and said[-1].speaker == first.speaker
                and 0 < first.position - said[-1].position <= _ENDING_AFTER_WORDS + 1
            ):
                yield entity_type, [token for atom in run for token in atom.tokens]
                break


def _parts_read_back(
    untyped: Sequence[Sequence[Atom]], found: Sequence[tuple[EntityType, list[Token]]]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """The other side repeating the part of a social security number just given, as it was given ("Three oh
    nine." / "Three oh nine."): the number too, however short the part."""
    for run in untyped:
        first = run[0].tokens[0]
        digits = "".join(atom.digits for atom in run)
        for entity_type, said in found:
            said_before = [t for t in said if t.position < first.position and t.speaker != first.speaker]
            part = [t for t in said_before if t.segment == said_before[-1].segment] if said_before else []
            if (
                entity_type is EntityType.SSN
                and part
                and first.position - part[-1].position <= CONTEXT_WINDOW
                and len(digits) >= _MIN_CORRECTED_GROUP
                and digits == digits_said(part)
            ):
                yield entity_type, [token for atom in run for token in atom.tokens]
                break


def _parts_before_whole(
    untyped: Sequence[Sequence[Atom]], found: Sequence[tuple[EntityType, list[Token]]]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """A number given in parts and then said whole by the same speaker ("It's 601 55 4" / "Go on." / "2 0 9... so
    601-55-4209."): the parts, whose digits together are the whole, are the number too."""
    for entity_type, said in found:
        whole = digits_said(said)
        if len(whole) < _MIN_WHOLE_IN_PARTS:
            continue
        start = said[0]
        before = [
            run
            for run in untyped
            if run[0].tokens[0].speaker == start.speaker
            and run[-1].tokens[-1].position < start.position
            and start.position - run[0].tokens[0].position <= CONTEXT_WINDOW
        ]
        parts: list[Sequence[Atom]] = []
        digits = ""
        for run in reversed(before):  # the nearest part first, back to the number's start
            digits = "".join(atom.digits for atom in run) + digits
            parts.insert(0, run)
            if not whole.endswith(digits):
                break
            if digits == whole:
                yield from ((entity_type, [token for atom in part for token in atom.tokens]) for part in parts)
                break


_MIN_WHOLE_IN_PARTS = 7  # digits: a number long enough that its parts are no other number's


def _ids_said_on(
    untyped: Sequence[Sequence[Atom]], ids: Sequence[tuple[EntityType, list[Token]]], tokens: Sequence[Token]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """Digits the speaker of an id of letters and digits goes on with in their next turn after a backchannel
    ("P O L dash 2 0 2 3." / "Yes?" / "Then dash 8 8 1 4 5."): the id's rest."""
    for run in untyped:
        first = run[0].tokens[0]
        kinds = [kind for kind, said in ids if id_goes_on(said[-1], first, tokens)]
        if kinds:
            yield kinds[0], [token for atom in run for token in atom.tokens]


# The other side asking for a part of a number again: "Could you repeat the last part?", "And the rest?"
_PART_ASKED_AGAIN = re.compile(
    r"\b(repeat|again|the rest|(last|first|middle|final|next) (part|bit|digits|few|group|two|three|four))\b"
)


def _parts_given_again(
    untyped: Sequence[Sequence[Atom]], given: Sequence[tuple[EntityType, list[Token]]], tokens: Sequence[Token]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """Digits a speaker gives when the other side asks again for a part of the number they just gave ("A C C, dash,
    5 5 0 2, dash, 9 1." / "Could you repeat the last part?" / "9 1... no, 9 7."): that number's kind."""
    for run in untyped:
        first = run[0].tokens[0]
        turn_start = next(t.position for t in tokens if t.segment == first.segment)  # "9 1... no, 9 7": both
        asked: list[Token] = []
        for token in reversed(tokens[max(0, turn_start - CONTEXT_WINDOW) : turn_start]):
            if token.speaker == first.speaker:
                break
            asked.insert(0, token)
        question = any("?" in t.text for t in asked)
        if not question or not _PART_ASKED_AGAIN.search(" ".join(t.norm for t in asked)):
            continue
        earlier = [  # given before the question, which asks for it again
            (kind, said)
            for kind, said in given
            if said[0].speaker == first.speaker
            and said[-1].position < asked[0].position
            and first.position - said[-1].position <= CONTEXT_WINDOW
        ]
        if earlier:
            kind = max(earlier, key=lambda found: found[1][-1].position)[0]
            yield kind, [token for atom in run for token in atom.tokens]


_BEGUN_AGAIN_WITHIN = 2 * CONTEXT_WINDOW  # tokens: "my ssn is 904" / "sorry, someone's at the door" / "904 331 268"


def _begun_again(
    untyped: Sequence[Sequence[Atom]], tokens: Sequence[Token]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """A number begun after what it is was named ("my ssn is nine oh four"), broken off, and then said whole by the
    same speaker: both are that kind of number, which the whole one, named too far back, is not found as alone."""
    for index, begun in enumerate(untyped):
        start = begun[0].tokens[0]
        digits = "".join(atom.digits for atom in begun)
        if len(digits) < _MIN_CORRECTED_ENDING:
            continue
        distances = context_distances(tokens, start.position)
        if start.position and tokens[start.position - 1].norm in _TIME_WORDS and len(digits) <= 4:
            distances.pop(EntityType.DATE_OF_BIRTH, None)  # "Tuesday, 21st at 415": a time, begun or not
        for whole in untyped[index + 1 :]:
            first = whole[0].tokens[0]
            said = "".join(atom.digits for atom in whole)
            if first.speaker != start.speaker or first.position - start.position > _BEGUN_AGAIN_WITHIN:
                continue
            fitting = [k for k in distances if len(said) in DIGIT_LENGTHS[k] and said.startswith(digits)]
            if len(said) > len(digits) and fitting:
                kind = min(fitting, key=distances.__getitem__)
                yield kind, [token for atom in begun for token in atom.tokens]
                yield kind, [token for atom in whole for token in atom.tokens]
                break


_MIN_MISSPOKEN = 3  # digits: "078... no, sorry": fewer may be anything
_MIN_TRAILED_OFF = 2  # digits: "Six two... sorry, my social is six two eight, ...", begun again the same
_MIN_MISSPOKEN_PHONE = 5  # digits: more than a phone's area code ("Oh four double one, seven... no, ...")
_GIVEN_UP_WITHIN = 4  # tokens after the digits: "..., sorry,", "... no, sorry."
_COUNTING = "0123456789"


def _misspoken_starts(
    untyped: Sequence[Sequence[Atom]], found: Sequence[tuple[EntityType, list[Token]]], tokens: Sequence[Token]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """A number's start misspoken and given up ("SSN, 078... no, sorry. 178-05-1120", "6-0-1-2, sorry, 6-0-1-1"):
    digits the speaker gives up right after saying them are the number they then say, whose start they are with
    one slip put right; before a card, any digits given up are a card's."""
    for run in untyped:
        start, last = run[0].tokens[0], run[-1].tokens[-1]
        digits = "".join(atom.digits for atom in run)
        trailed_off = last.text.endswith(ELLIPSES)
        if len(digits) < (_MIN_TRAILED_OFF if trailed_off else _MIN_MISSPOKEN):
            continue
        after = [t.norm for t in tokens[last.position + 1 : last.position + 1 + _GIVEN_UP_WITHIN]]
        if not GIVEN_UP.search(" ".join(after)):
            continue
        for kind, said in sorted(found, key=lambda item: item[1][0].position):
            first = said[0]
            if first.speaker != start.speaker or not 0 < first.position - last.position <= _BEGUN_AGAIN_WITHIN:
                continue
            whole = digits_said(said)
            # a phone's first three or four digits are its area's, no one's ("My number is 087, hang on, ..."), unless
            # the number is then said from them in the same breath: "it's 087, uh, sorry, new phone. 087 261 4490."
            area_said_again = (
                digits_of(first) == digits
                and first.segment == start.segment
                and _PUT_RIGHT_WORD.search(" ".join(after)) is not None  # not a pause: "087, hang on, ..."
            )
            enough = len(digits) >= _MIN_MISSPOKEN_PHONE or kind is not EntityType.PHONE_NUMBER or area_said_again
            put_right = len(whole) >= len(digits) and _put_right_once(digits, whole[: len(digits)])
            if len(digits) < _MIN_MISSPOKEN:
                put_right = whole.startswith(digits)  # too few digits to tell one put right from another number
            # or another card's begun, the wrong one, and given up for this one: "Card number 5500 1234... no, sorry,
            # that's the wrong card. ... 4024 0071 ...", "..., nine two oh, no sorry, five four nine oh two."
            # a card talked about before them (not "Room 214, no sorry, ... My card is ..."), and not counted up as
            # an example ("The card is 1,2,3,4? No sorry, ...")
            card_begun = card_talked_about(tokens, start.position) and digits not in _COUNTING
            # or the card's own start, begun again: "Six oh one one, oh oh oh oh, hmm no, six oh one one, oh oh nine
            # three, ..."
            card_begun = card_begun or (len(digits) >= _CARD_GROUP and whole.startswith(digits[:_CARD_GROUP]))
            # or another card's first group, trailed off and given up for this one: "4989... hold on, that's the old
            # one. 4053 8588 0114 5789."
            another_card = trailed_off and len(digits) == _CARD_GROUP and len(whole) >= _CARD_LENGTHS.start
            card_begun = card_begun or another_card
            if (put_right and enough) or (kind is EntityType.CARD_NUMBER and card_begun):
                yield kind, [token for atom in run for token in atom.tokens]
            break


_PUT_RIGHT_WORD = re.compile(r"\b(sorry|no|wait|i mean|scratch that)\b")


def _put_right_once(misspoken: str, meant: str) -> bool:
    """Whether ``meant`` puts right one slip in ``misspoken``: a digit, or two digits side by side said the wrong way
    round ("0161 496... no, 0161 946 ...", "489... sorry, 498-12-3370")."""
    differing = [i for i, (a, b) in enumerate(zip(misspoken, meant, strict=True)) if a != b]
    if len(differing) <= 1:
        return True
    first, second = differing[0], differing[-1]
    return len(differing) == 2 and second == first + 1 and misspoken[first : second + 1] == meant[second] + meant[first]


_MIN_READ_BACK = 4  # digits: "4111 1111, yes" repeats part of a card, "2, yes" may repeat anything
_MIN_READ_BACK_PUT_RIGHT = 6  # digits: enough that one of them put right leaves the rest the same number's
_MIN_WHOLE_READ_BACK = 10  # digits: a phone number's, an account's
_MISHEARD_IN_WHOLE_READ_BACK = 2


def _read_back(
    untyped: Sequence[Sequence[Atom]], found: Sequence[tuple[EntityType, list[Token]]], tokens: Sequence[Token]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """Digits one side repeats of what the other side just gave ("4111 1111" / "4111 1111, yes"): the same kind,
    also where the other side goes on with the number after the read-back ("4111 1111" / "4111 1111" / "1111 ..."),
    or gives new last digits for it ("it ends 0193 now")."""
    for run in untyped:
        digits = "".join(atom.digits for atom in run)
        first = run[0].tokens[0]
        if len(digits) < _MIN_CORRECTED_GROUP:
            continue
        # broken off and given up: "0162... no no, ..." (not put right: "Six two nine, sorry.")
        last = run[-1].tokens[-1]
        after = " ".join(t.norm for t in tokens[last.position + 1 :][:_GIVEN_UP_WITHIN])
        given_up = last.text.endswith(TRAILING_OFF) and GIVEN_UP.search(after) is not None
        for entity_type, said in found:
            if entity_type is EntityType.CARD_NUMBER and _restarted(run, said, tokens):
                yield entity_type, [token for atom in run for token in atom.tokens]
                break
            if entity_type is EntityType.PHONE_NUMBER and given_up and digits not in digits_said(said):
                # "So 0161 496 0732?" / "0162... no no, 0161 496 0723.": a start given up, not read back (unlike
                # "0412 558... sorry, the last three again?", the number's start read back as given)
                continue
            said_before = [token for token in said if token.position < first.position]
            if not said_before or first.position - said_before[-1].position > CONTEXT_WINDOW:
                continue
            given = digits_said(said_before)
            lead_in = words_before(first, tokens)
            repeated = (
                said_before[-1].speaker != first.speaker
                and (
                    (len(digits) >= _MIN_READ_BACK and digits in given)
                    # a card's code read back whole: "Oh, that code, it's 614." / "Thank you, 614."
                    or (entity_type is EntityType.CARD_SECURITY_CODE and digits == given)
                    # a card's last digits read back, one of them lost ("ends 0641" / "all 641, thank you")
                    or (
                        entity_type is EntityType.CARD_NUMBER
                        and len(digits) >= _MIN_CORRECTED_ENDING
                        and given.endswith(digits)
                    )
                    # said to be read back, however misheard ("Let me read that back, ending 614?")
                    or (len(digits) >= _MIN_CORRECTED_ENDING and READ_BACK.search(lead_in) is not None)
                    # a whole long number read back, two of its digits misheard ("07 -812 -330 -591." / "4, 7, 8, 1,
                    # 2, 3, 3, 4, 5, 9, 1"): eight or more digits in their places are no other number's
                    or (
                        len(digits) >= _MIN_WHOLE_READ_BACK
                        and _misheard_at_most(digits, given, _MISHEARD_IN_WHOLE_READ_BACK)
                    )
                    # read back with the digit put right since ("305 72 1146" / "it's 1148 at the end" / "5 72 1148")
                    or (
                        len(digits) >= _MIN_READ_BACK_PUT_RIGHT
                        and any(
                            _misheard_as(digits, given[start : start + len(digits)])
                            for start in range(len(given) - len(digits) + 1)
                        )
                    )
                )
            )
            if repeated or _new_ending(run, tokens, said_before):
                yield entity_type, [token for atom in run for token in atom.tokens]
                break


_CARD_GROUP = 4  # digits: a card's group, or the last four it is known by
_MAX_GROUPS_AGAIN = 2  # groups said again: one put right, and the one it was mistaken for
_PUT_RIGHT = re.compile(r"\b(no|not|sorry|i mean|actually)\b")
_AMOUNT_MARKS = re.compile(r"[$£€¥₹%]|\d[.,]\d{1,2}\b")


def _card_groups_said_again(
    untyped: Sequence[Sequence[Atom]], found: Sequence[tuple[EntityType, list[Token]]], tokens: Sequence[Token]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """A group of a card said again soon after the card, by either side: to pick the card out by it ("a Visa
    ending in 7364" / "the 7364 one"), to answer for a group asked about ("... four double oh one, ..." / "double oh
    or double eight in the second group?" / "Double oh, four zero zero one"), or to put a group right, the group it
    was heard as said too ("so ending 4034 6482?" / "No, 4043, not 4034"). Said the same, or, where the speaker
    puts something right, misheard."""
    for run in untyped:
        digits = "".join(atom.digits for atom in run)
        first = run[0].tokens[0]
        if not _CARD_GROUP <= len(digits) <= _MAX_GROUPS_AGAIN * _CARD_GROUP:
            continue
        if any(_AMOUNT_MARKS.search(token.text) for atom in run for token in atom.tokens):
            continue  # "$73.64": a price
        segment = " ".join(t.norm for t in tokens if t.segment == first.segment)
        put_right = _PUT_RIGHT.search(segment) is not None
        # put right group by group: "4043, not 4034", never part of a longer number ("dp -442091")
        said_in_groups = set() if len(digits) % _CARD_GROUP else set(textwrap.wrap(digits, _CARD_GROUP))
        windows = {digits[start : start + _CARD_GROUP] for start in range(len(digits) - _CARD_GROUP + 1)}
        for entity_type, said in found:
            if (
                entity_type is not EntityType.CARD_NUMBER
                or not 0 < first.position - said[-1].position <= CONTEXT_WINDOW
            ):
                continue
            card = digits_said(said)
            groups = {card[start : start + _CARD_GROUP] for start in range(0, len(card) - _CARD_GROUP + 1, _CARD_GROUP)}
            if windows & groups or (put_right and any(_misheard_as(w, g) for w in said_in_groups for g in groups)):
                yield entity_type, [token for atom in run for token in atom.tokens]
                break


def _groups_picked(
    untyped: Sequence[Sequence[Atom]], found: Sequence[tuple[EntityType, list[Token]]], tokens: Sequence[Token]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """The answer to the other side's question between two readings of a group of a number the answering speaker
    gave ("CUS 558 201 7" / "was that 558 or 585?" / "558. Five five eight."): of that number's kind, where every
    group of the answer is a reading the question offers."""
    for run in untyped:
        first = run[0].tokens[0]
        turn_start = next(t.position for t in tokens if t.segment == first.segment)
        if not turn_start or first.position - turn_start > ANSWER_LEAD_WORDS:
            continue  # not the start of an answer ("It's 558")
        asked = [t for t in tokens if t.segment == tokens[turn_start - 1].segment]
        if asked[-1].speaker == first.speaker or "?" not in asked[-1].text:
            continue
        readings = {digits for t in asked if (digits := digits_of(t)) and len(digits) >= _MIN_CORRECTED_ENDING}
        groups = {"".join(atom.digits for atom in group) for group in _groups(run)}
        if len(readings) < 2 or not groups <= readings:
            continue
        for entity_type, said in found:
            given = {digits_of(t) for t in said if t.speaker == first.speaker and t.position < asked[0].position}
            if first.position - said[-1].position <= CONTEXT_WINDOW and readings & given:
                yield entity_type, [token for atom in run for token in atom.tokens]
                break


def _restarted(run: Sequence[Atom], card: Sequence[Token], tokens: Sequence[Token]) -> bool:
    """Whether ``run`` is the start of ``card`` given up and read again ("So 5425 23, hang on, I'll start over.
    5425 2334 ..."): the same speaker, soon after, the card's first digits."""
    first, last = run[0].tokens[0], run[-1].tokens[-1]
    digits = "".join(atom.digits for atom in run)
    between = " ".join(t.norm for t in tokens[last.position + 1 : card[0].position])
    return (
        GIVEN_UP.search(between) is not None
        and card[0].position > last.position
        and card[0].speaker == first.speaker
        and card[0].position - last.position <= CONTEXT_WINDOW
        and len(digits) >= _MIN_READ_BACK
        and digits_said(card).startswith(digits)
    )


_MIN_CORRECTED_ENDING = 3  # digits: "the last bit's 522"
_MIN_CORRECTED_GROUP = 2  # digits: "2 8 8, 1 4. Sorry, 1 3.", a group said again at once
# Said before new last digits for a number: "it ends 0193 now", "the last part's 7791"
# "the end is 0440": a card's ending put right after it was read
# "the last four digits are 7955": the count and what is counted, together
# A phone's part asked for by its place: "the last 3 digits of the phone number on the account?", "Last four of the
# phone number on the account?"
_PHONE_PART_ASKED = re.compile(
    r"\b(last|first|final) (two|three|four|2|3|4)([ -](digits|numbers))? of (the |your |my |his |her )?"
    # the phone named by what it is for: "the last three digits of your registered mobile"
    r"((registered|listed|usual|main|current|new|old|home|work|contact|primary) )?"
    r"(phone|mobile|cell|telephone|contact|home)\b"
)
# Or an old card's ending, past: "the old one I reported stolen ended 2474".
_ENDED = re.compile(r"\bended( in| with)?$")
_A_RECENT_YEAR = re.compile(r"(19[5-9]|20[0-4])\d")
_ENDING = re.compile(
    r"\b(ends|ending|the end|last (four|for|three|bit|part|digits?|numbers?|few)('s)?"
    r"|last (four|for|three|4|3) (digits|numbers))( in| with| is| are)?( um| uh| er| erm)*$"
)

_ENDING_AFTER = re.compile(r"((at|on) the end|(for|as) the last)\b(?! of\b)")


def _new_ending(run: Sequence[Atom], tokens: Sequence[Token], said_before: Sequence[Token]) -> bool:
    """Whether ``run`` corrects the last digits of a number either side read ("We have 646-555-0121?" / "It ends
    0195 now"; "4402 7719, oh no, the last part is 7791"): at most as many digits, said right after "ends"
    or "the last bit"."""
    first = run[0].tokens[0]
    lead_in = words_before(first, tokens, ANSWER_LEAD_WORDS)
    digits = "".join(atom.digits for atom in run)
    if len(digits) > len(digits_said(said_before)):
        return False
    if len(digits) >= _MIN_CORRECTED_ENDING and _ENDING.search(lead_in) is not None:
        return True
    # "646 209 3318, sorry, 3381 at the end": the ending named after the digits, given up for them just before
    last = run[-1].tokens[-1]
    after = " ".join(t.norm for t in tokens[last.position + 1 : last.position + 1 + ANSWER_LEAD_WORDS]
                     if t.segment == last.segment)  # fmt: skip
    between = " ".join(t.norm for t in tokens[said_before[-1].position + 1 : first.position])
    # "Was that 628 at the end?" / "629, sorry.": the answer to the other side asking about the ending
    starts_answer = first.position == 0 or tokens[first.position - 1].segment != first.segment
    if (
        len(digits) >= _MIN_CORRECTED_ENDING
        and starts_answer
        and _ENDING_AFTER.search(said_since_own_turn(tokens, first))
    ):
        return True
    # "601-22-4851?" / "Four eight one five.": the last group of a number read back as a question, said again in
    # answer to put it right
    read_back_asked = said_before[-1].speaker != first.speaker and said_before[-1].text.endswith("?")
    if (
        read_back_asked
        and starts_answer
        and len(digits) >= _MIN_CORRECTED_ENDING
        and len(digits) == len(_last_group(said_before))
    ):
        return True
    if GIVEN_UP.search(between) is None:
        return False
    # "020 7946 1182, no wait, 1128", "2 8 8, 1 4. Sorry, 1 3.": the last group said again at once, as long as it was
    corrected_at_once = (
        said_before[-1].speaker == first.speaker
        and first.position - said_before[-1].position <= ANSWER_LEAD_WORDS + 1
        and len(digits) == len(_last_group(said_before))
    )
    # "So that's 07700 900461?" / "No, 900416": the other side's read-back, its last group given again at the start
    # of the answer to it, after a word that corrects; or the read-back's last digits where it was read in no groups
    # ("one two five five oh eight four eight one" / "Oh, no, it's 8841.")
    answer_lead = [t for t in tokens[max(0, first.position - ANSWER_LEAD_WORDS) : first.position]
                   if t.segment == first.segment]  # fmt: skip
    before_answer = first.position - len(answer_lead) - 1
    corrected_by_other = (
        said_before[-1].speaker != first.speaker
        and before_answer >= 0
        and tokens[before_answer].segment == said_before[-1].segment
        and GIVEN_UP.search(" ".join(t.norm for t in answer_lead)) is not None
        and len(digits) >= _MIN_CORRECTED_ENDING
        and _misheard_as(digits, _last_group(said_before)[-len(digits) :])
    )
    return (
        corrected_at_once
        or corrected_by_other
        or (len(digits) >= _MIN_CORRECTED_ENDING and _ENDING_AFTER.match(after) is not None)
    )


_CARD_LENGTHS = range(15, 17)  # digits: Amex's, and every other network's
_MIN_CARD_PART = 4  # digits: a card's group


# The other side going on from what was read back to them: "So far I've got 4819 2740." / "Yep, then 6635 1184."
_GOES_ON_FROM_THERE = re.compile(
    r"((yes|yep|yeah|right|correct|that's right|mhm|okay|ok) )?(and )?(then|next|after that)"
)


def _card_in_two_runs(
    untyped: Sequence[Sequence[Atom]], tokens: Sequence[Token]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """A card number read in two parts that no other reading joined: one speaker (or the other going on from where
    the first part was read back: "So far I've got 4819 2740." / "Yep, then 6635 1184."), the second part soon
    after the first with nothing asked between ("the card number is 5274 8301" / "Mhm." / "sorry, the dog's going
    mental. 9264 5818."), or with the end of the first given up and said again ("..., six one, sorry, six one three
    nine, ..."), or the other side read the first back between ("It's 5270 7984..." / "5270 7984, yes?" / "1185
    1067."), or asked for the rest of it ("4388 5760 1832" / "And the last four?" / "9576."; "I've got 4919 0741
    6470, and the last group?" / "6639."), where the digits together pass the card check at a card's length."""
    pairs = list(itertools.pairwise(untyped))  # each speaker's runs in turn
    # and a run with the other side's next one: "..., and the last group?" / "6639."
    in_time = sorted(untyped, key=lambda run: run[0].tokens[0].position)
    pairs += [(a, b) for a, b in itertools.pairwise(in_time) if a[0].tokens[0].speaker != b[0].tokens[0].speaker]
    for first, second in pairs:
        start, last, resumed = first[0].tokens[0], first[-1].tokens[-1], second[0].tokens[0]
        said, going_on = "".join(a.digits for a in first), "".join(a.digits for a in second)
        if not _part_goes_on(last, resumed, said, tokens):
            continue
        between = tokens[last.position + 1 : resumed.position]
        own = " ".join(t.norm for t in between if t.speaker == start.speaker)
        if resumed.speaker != start.speaker and not (
            _GOES_ON_FROM_THERE.fullmatch(words_before(resumed, tokens)) or REST_ASKED.fullmatch(own)
        ):
            continue
        last_group = "".join(a.digits for a in _groups(first)[-1])
        given_up = GIVEN_UP.search(" ".join(t.norm for t in between)) is not None
        readings = [said + going_on]
        if given_up and len(going_on) > len(last_group):
            # the group broken off, said again ("..., six one, sorry, six one three nine"), or put right and read on
            # ("4929 4617 1693, no sorry, 6193 7006": its digits swapped)
            readings.append(said[: len(said) - len(last_group)] + going_on)
        if min(len(said), len(going_on)) >= _MIN_CARD_PART and any(
            len(digits) in _CARD_LENGTHS and luhn(digits) for digits in readings
        ):
            if resumed.segment == last.segment and len(readings[0]) in _CARD_LENGTHS and luhn(readings[0]):
                # one card where an aside in the same turn parts it: "4245 2737... sorry, hang on... 9609 0322"
                yield EntityType.CARD_NUMBER, [t for atom in [*first, *second] for t in atom.tokens]
                continue
            yield EntityType.CARD_NUMBER, [t for atom in first for t in atom.tokens]
            yield EntityType.CARD_NUMBER, [t for atom in second for t in atom.tokens]


_MAX_PARTS_OF_CARD = 4  # "first four", "then", "then", "last four"


@dataclass(frozen=True)
class _Part:
    """A part of a number one speaker read: its words, its digits, and whether a rule found it already."""

    said: list[Token]
    digits: str
    found: bool


def _card_in_many_runs(
    untyped: Sequence[Sequence[Atom]], found: Sequence[tuple[EntityType, list[Token]]], tokens: Sequence[Token]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """A card one speaker read in parts with only a backchannel between them ("First four 5164." / "Mm-hmm." / "Then
    8413, 9275." / "Yes." / "Last four 2893."), where the digits together pass the card check at a card's length:
    three or four parts, or two where one is found already (as the card's last four, or as a social's where none
    was talked about)."""
    parts = [
        _Part([t for atom in run for t in atom.tokens], "".join(atom.digits for atom in run), False) for run in untyped
    ]
    parts += [
        _Part(said, digits_said(said), True)
        for kind, said in found
        if kind is EntityType.CARD_NUMBER
        or (kind is EntityType.SSN and not _ssn_talked_about(tokens, said[0].position))
    ]
    parts.sort(key=lambda part: part.said[0].position)
    for speaker in dict.fromkeys(part.said[0].speaker for part in parts):
        own = [part for part in parts if part.said[0].speaker == speaker]
        for start in range(len(own)):
            for count in range(2, _MAX_PARTS_OF_CARD + 1):
                chain = own[start : start + count]
                if len(chain) < count:
                    break
                so_far = "".join(part.digits for part in chain[:-1])
                if not _part_goes_on(chain[-2].said[-1], chain[-1].said[0], so_far, tokens):
                    break
                digits = "".join(part.digits for part in chain)
                if (
                    (count > 2 or any(part.found for part in chain))  # two new parts: read by the two-run reading
                    and all(len(part.digits) >= _MIN_CARD_PART for part in chain)
                    and len(digits) in _CARD_LENGTHS
                    and luhn(digits)
                ):
                    yield from ((EntityType.CARD_NUMBER, part.said) for part in chain)
                    break


def _part_goes_on(last: Token, resumed: Token, said: str, tokens: Sequence[Token]) -> bool:
    """Whether the next part, from ``resumed``, may go on with the number whose digits so far are ``said`` and which
    was left at ``last``: soon, with no long pause (which ends a number), and the others asking nothing new between."""
    if not 0 < resumed.position - last.position <= CONTEXT_WINDOW:
        return False
    between = tokens[last.position + 1 : resumed.position]
    if any(pause_ms(a, b) > MAX_PAUSE_MS for a, b in itertools.pairwise([last, *between, resumed])):
        return False
    return not asks_anew([t for t in between if t.speaker != last.speaker], said)


# The other kinds asked for after a card: a number given after one of these is not the card's next detail.
_NOT_CARD_DETAILS = (
    EntityType.PHONE_NUMBER,
    EntityType.DATE_OF_BIRTH,
    EntityType.SSN,
    EntityType.ACCOUNT_NUMBER,
    EntityType.ADDRESS,
)


_DETAIL_LEAD_WORDS = 2  # "Yes, 12, 27.": the detail is the turn, not a number in a sentence


def _details_given_after_card(
    untyped: Sequence[Sequence[Atom]], found: Sequence[tuple[EntityType, list[Token]]], tokens: Sequence[Token]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """A card's next detail given by whoever read the card, in their next turn, however the other side's question
    between was heard ("7 -7 -8 -1, 6 -6 -2 -8," / "Thank you, next priority date." / "0 -7 -28," / "And the free
    tickets on the Mac and the card." / "3 -1 -5,"): after the card, a month and a year are its expiry; after the
    expiry, three or four digits its code: the detail said alone, as the turn. Not where the other side asked for
    another kind between."""
    given: list[tuple[EntityType, list[Token]]] = sorted(
        ((kind, said) for kind, said in found if kind in (EntityType.CARD_NUMBER, EntityType.CARD_EXPIRY)),
        key=lambda item: item[1][-1].position,
    )
    for run in untyped:
        first = run[0].tokens[0]
        before = [(kind, said) for kind, said in given if said[-1].position < first.position]
        before = [(kind, said) for kind, said in before if said[0].speaker == first.speaker]
        alone = len(words_before(first, tokens).split()) <= _DETAIL_LEAD_WORDS and not said_after(
            run[-1].tokens[-1], tokens
        )
        if not before or not alone or _is_quantity(run, tokens):
            continue  # "And we were in room 1128 last time.", "the total was 1,899 dirhams": said in a sentence
        kind, said = before[-1]
        between = tokens[said[-1].position + 1 : first.position]
        theirs = {t.segment for t in between if t.speaker == first.speaker} - {said[-1].segment, first.segment}
        if theirs or len(between) > CONTEXT_WINDOW:
            continue  # they said something else between, or it was long ago
        asked = " ".join(t.norm for t in between)
        if any(CONTEXTS[other].search(asked) for other in _NOT_CARD_DETAILS):
            continue
        digits = "".join(atom.digits for atom in run)
        detail = None
        if kind is EntityType.CARD_NUMBER and len(digits) in (3, 4) and plausible_expiry(digits):
            detail = EntityType.CARD_EXPIRY
        elif kind is EntityType.CARD_EXPIRY and len(digits) in _SECURITY_CODE_LENGTHS:
            detail = EntityType.CARD_SECURITY_CODE
        if detail is not None:
            said_now = [t for atom in run for t in atom.tokens]
            given.append((detail, said_now))
            yield detail, said_now


_MAX_PHONE_ASIDE_WORDS = 8  # "hold on, let me find my glasses"


def _mobile_across_aside(
    untyped: Sequence[Sequence[Atom]], tokens: Sequence[Token]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """A mobile number read in two parts of one turn with an aside between them that stops the reading ("It's 0 4 3
    8... hold on, let me find my glasses... 2 1 9 7 0 4."), where the digits together are a mobile as dialled at
    home: nothing else has that shape by chance."""
    for first, second in itertools.pairwise(untyped):
        last, resumed = first[-1].tokens[-1], second[0].tokens[0]
        between = tokens[last.position + 1 : resumed.position]
        if resumed.segment != last.segment or len(between) > _MAX_PHONE_ASIDE_WORDS:
            continue
        said, going_on = "".join(a.digits for a in first), "".join(a.digits for a in second)
        if min(len(said), len(going_on)) < _MIN_ASIDE_PART or not GIVEN_UP.search(" ".join(t.norm for t in between)):
            continue
        if national_mobile(said + going_on):
            yield EntityType.PHONE_NUMBER, [t for atom in first for t in atom.tokens]
            yield EntityType.PHONE_NUMBER, [t for atom in second for t in atom.tokens]


_DINERS_LENGTH = 14  # digits of a Diners Club card, the one network shorter than 15
_DINERS_STARTS = ("30", "36", "38", "39")


def _whole_diners_card(digits: str) -> bool:
    """Whether ``digits`` are a whole Diners Club card: fourteen, its start, and the card check passed."""
    return len(digits) == _DINERS_LENGTH and digits.startswith(_DINERS_STARTS) and luhn(digits)


def _card_ended_after_read_back(
    untyped: Sequence[Sequence[Atom]], found: Sequence[tuple[EntityType, list[Token]]], tokens: Sequence[Token]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """A card's end said by the speaker who began it, after the other side read the start back however it was heard
    ("It's a Discover, 601 -10872" / "6 -0 -1 -0 -8 -7 -2." / "-3345 -9016,"): the start was found as a card, and the
    two together pass the card check at a card's length."""
    for kind, said in found:
        begun = digits_said(said)
        if kind is not EntityType.CARD_NUMBER or len(begun) >= _CARD_LENGTHS.start or _whole_diners_card(begun):
            continue
        start, last = said[0], said[-1]
        later = [run for run in untyped if run[0].tokens[0].position > last.position]
        going_on = min(
            (run for run in later if run[0].tokens[0].speaker == start.speaker),
            key=lambda run: run[0].tokens[0].position,
            default=None,
        )
        if going_on is None or going_on[0].tokens[0].position - last.position > CONTEXT_WINDOW:
            continue
        resumed = going_on[0].tokens[0]
        others = [t for t in tokens[last.position + 1 : resumed.position] if t.speaker != start.speaker]
        if asks_anew(others, digits_said(others)):  # their digits are the start read back, as it was heard
            continue
        whole = begun + "".join(atom.digits for atom in going_on)
        if len(whole) in _CARD_LENGTHS and luhn(whole):
            yield EntityType.CARD_NUMBER, [t for atom in going_on for t in atom.tokens]


def _rest_after_read_back(
    untyped: Sequence[Sequence[Atom]],
    found: Sequence[tuple[EntityType, list[Token]]],
    read_back: Sequence[tuple[EntityType, list[Token]]],
    tokens: Sequence[Token],
) -> Iterable[tuple[EntityType, list[Token]]]:
    """The rest of a number said again by the one who gave it, after the other side read its start back and trailed
    off ("0722 418 309." / "was it 0722 418..." / "309. Three oh nine."): the same kind."""
    for kind, said in found:
        given = digits_said(said)
        for _, start in read_back:
            begun = digits_said(start)
            heard = start[-1]
            if (
                start[0].speaker == said[0].speaker
                or not 0 < heard.position - said[-1].position <= CONTEXT_WINDOW
                or not heard.text.endswith(ELLIPSES)
                or not (given.startswith(begun) and len(given) - len(begun) >= _MIN_CORRECTED_GROUP)
            ):
                continue
            for run in untyped:
                first = run[0].tokens[0]
                if (
                    first.speaker == said[0].speaker
                    and 0 < first.position - heard.position <= CONTEXT_WINDOW
                    and "".join(atom.digits for atom in run) == given[len(begun) :]
                ):
                    yield kind, [token for atom in run for token in atom.tokens]


_MIN_ECHOED = 3  # digits the other side heard last: "you cut out after two three four"


def _resumed_after_cut_out(
    untyped: Sequence[Sequence[Atom]], found: Sequence[tuple[EntityType, list[Token]]]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """A number that trailed off, the other side saying the last digits they heard ("my mobile is oh seven nine one
    one, two three four..." / "Sorry, you cut out after two three four."), and the one who gave it going on ("Two
    three four, five six seven."): the same kind, what was heard and what follows."""
    for kind, said in found:
        last = said[-1]
        if not last.text.endswith(ELLIPSES):
            continue
        given = digits_said(said)
        for echo in untyped:
            heard = "".join(atom.digits for atom in echo)
            echoed = echo[0].tokens[0]
            if (
                echoed.speaker == last.speaker
                or not 0 < echoed.position - last.position <= CONTEXT_WINDOW
                or len(heard) < _MIN_ECHOED
                or not given.endswith(heard)
            ):
                continue
            yield kind, [token for atom in echo for token in atom.tokens]
            echo_end = echo[-1].tokens[-1].position
            for run in untyped:
                first = run[0].tokens[0]
                if first.speaker == last.speaker and 0 < first.position - echo_end <= CONTEXT_WINDOW:
                    yield kind, [token for atom in run for token in atom.tokens]
                    break
            break


_SSN_BEGUN_LENGTHS = range(3, 7)  # digits: its first part or two, not yet the nine
_YEAR = re.compile(r"(19|20)\d\d")


def _ssn_begun(
    untyped: Sequence[Sequence[Atom]], taken: set[int], tokens: Sequence[Token]
) -> Iterable[tuple[EntityType, list[Token]]]:
    """The first digits of a social security number, where it was named or asked for whole last, given and broken off
    ("Social is 381... no wait, that's my wife's", "It's 64122." / "Go ahead."): they are part of it, whatever
    follows. Not a date written with slashes, nor a slip corrected at once by the number said right after it with
    the same digits ("512-... sorry, 521-44-8830")."""
    for run in untyped:
        said = [token for atom in run for token in atom.tokens]
        digits = "".join(atom.digits for atom in run)
        if len(digits) not in _SSN_BEGUN_LENGTHS or any(t.position in taken or "/" in t.norm for t in said):
            continue
        if _YEAR.fullmatch(digits):
            continue  # "Your social was updated in 2019": a year
        if _is_quantity(run, tokens) or (said[0].position and tokens[said[0].position - 1].norm in _TIME_WORDS):
            continue  # "a charge of 1140 dollars at 312 this afternoon": an amount and a time
        distances = context_distances(tokens, said[0].position)
        if EntityType.SSN not in distances or distances[EntityType.SSN] != min(distances.values()):
            continue
        address = nearest_match(ADDRESS_CONTEXT, window_before(tokens, said[0].position))
        if address is not None and address < distances[EntityType.SSN]:
            continue  # "And the property address?" / "Rural Route 1, Box 2-12, ...": the address's numbers
        if last_four_of_ssn_asked(distances, tokens, said[0]) or part_of_ssn_asked(tokens, said[0]):
            continue  # a part asked for by its place has its own length: other digits are not it
        if _answered_by_other_side(digits, distances[EntityType.SSN], said[0], tokens):
            continue  # "the last four of your social?" / "7 -7 -1 -4" / "I see a charge of 800 ...": answered
        going_on = [t for t in tokens[said[-1].position + 1 :] if t.segment == said[-1].segment]
        if not _misheard_as(digits, digits_said(going_on)[: len(digits)]):
            yield EntityType.SSN, said


def _misheard_as(digits: str, heard: str) -> bool:
    """Whether ``heard`` is ``digits`` misheard: the same digits in another order, or one of them wrong ("900461"
    for "900416"; not "6604" for "0918", another group)."""
    if len(digits) != len(heard) or digits == heard:
        return False
    return sorted(digits) == sorted(heard) or _misheard_at_most(digits, heard, 1)


def _misheard_at_most(digits: str, heard: str, wrong: int) -> bool:
    """Whether ``heard`` is ``digits``, of the same length, with no more than ``wrong`` of them in their place
    misheard."""
    return len(digits) == len(heard) and sum(a != b for a, b in zip(digits, heard, strict=True)) <= wrong


def _last_group(said: Sequence[Token]) -> str:
    """The digits of the last group of ``said``: its last word where that holds several ("1182"), else the digits
    said one by one since the last comma or full stop ("2 8 8, 1 4")."""
    if len(digits_of(said[-1]) or "") > 1:
        return re.split(r"[-/.]", said[-1].norm.rstrip("?.,!"))[-1]  # "601-22-4851": its last part
    group = [said[-1]]
    for token in reversed(said[:-1]):
        if token.segment != group[0].segment or token.text.endswith((",", ".", "?", "!", ";")):
            break
        group.insert(0, token)
    return digits_said(group)


def _classify_run(run: Sequence[Atom], tokens: Sequence[Token]) -> Iterable[tuple[EntityType, list[Token]]]:
    for candidate in run:
        merged = merged_card_details(candidate, tokens)
        if merged:
            yield from merged
            others = [a for a in run if a is not candidate]
            if others:
                yield from _classify_run(others, tokens)
            return
    said = "".join(atom.digits for atom in run)
    if dialled_abroad(said) or dialled_with_country_code(said, run[0].tokens[0], tokens):
        # "double oh four four, ...", "+234 ...": the international prefix or the plus before a phone number's
        # country code, however a Luhn sum falls
        yield from _typed_numbers(run, tokens)
        return
    if _longer_than_any_card(said, run, tokens):
        yield EntityType.ACCOUNT_NUMBER, [t for atom in run for t in atom.tokens]
        return
    used = [False] * len(run)
    cards: list[list[Token]] = []
    # Where an id was asked for and no card talked about, a number passing the card check is the id (national ids
    # use the same check: "your ID number, the thirteen digits?").
    first = run[0].tokens[0]
    start = (
        len(run)
        if _id_not_card_asked(first, tokens)
        or programme_number_named(first, tokens)
        or _printed_not_as_card(run)
        or zero_led_account(said)
        else 0
    )
    while start < len(run):  # card numbers first, the longest Luhn-valid stretch from each atom
        digits, card_end = "", None
        for end in range(start, len(run)):  # at most 19 digits ahead: linear in the run's length
            if written_with_slash(run[end]):
                break  # "06/15/2025 to 06/15/2027": a date or an expiry, never a card's digits
            digits += run[end].digits
            if len(digits) > 19:
                break
            # (not digits begun again, passing the check by chance: "416-... 416-762-0418")
            if len(digits) >= 13 and luhn(digits) and not _broken_off_start(run[start : end + 1], tokens):
                card_end = end
        if card_end is not None:
            cards.append([t for atom in run[start : card_end + 1] for t in atom.tokens])
            used[start : card_end + 1] = [True] * (card_end + 1 - start)
            start = card_end
        start += 1
    if cards and sum(len(atom.digits) for atom in run) <= 19 and not _printed_whole(cards, run):
        # No room for another number: the digits around the card are the card too, misheard or repeated.
        yield EntityType.CARD_NUMBER, [t for atom in run for t in atom.tokens]
        return
    for card in cards:
        yield EntityType.CARD_NUMBER, card
    rest: list[Atom] = []
    after_card = False
    for atom, is_used in [*zip(run, used, strict=True), (None, True)]:
        if atom is not None and not is_used:
            rest.append(atom)
            continue
        if rest:
            yield from _details_after_card(rest, tokens) if after_card else _typed_numbers(rest, tokens)
            rest = []
        after_card = True


def _printed_whole(cards: Sequence[Sequence[Token]], run: Sequence[Atom]) -> bool:
    """Whether the one card found is written in figures as cards are printed, so the digits after it are more said,
    not the card misheard: "3566 8901 2347 5901, um, 09 of 28"."""
    card = [atom for atom in run if atom.tokens[0] in cards[0]]
    return len(cards) == 1 and _written_groups(card, hyphens=True) in _CARD_GROUPS


_LONGEST_CARD = 19  # digits
_LONGEST_BANK_ACCOUNT = 34  # characters of an IBAN, the longest bank account number read out
_BANK_ACCOUNT_TALKED_ABOUT = re.compile(r"\b(account|iban|bank|bic|swift|salary)\b")
_MIN_ACCOUNT_GROUPS = 3


def _longer_than_any_card(said: str, run: Sequence[Atom], tokens: Sequence[Token]) -> bool:
    """Whether the run is a bank account's number read out in groups (an IBAN's digits, however its letters were
    heard): more digits than any card holds, in three or more groups, where a bank account and no card was talked
    about, so a stretch of it passing the card check by chance is no card."""
    if not (_LONGEST_CARD < len(said) <= _LONGEST_BANK_ACCOUNT and len(run) >= _MIN_ACCOUNT_GROUPS):
        return False  # the cheap test first: the rest reads the whole call before the run
    first = run[0].tokens[0]
    before = " ".join(token.norm for token in tokens[: first.position])
    return (
        _BANK_ACCOUNT_TALKED_ABOUT.search(before) is not None
        and not card_talked_about(tokens, first.position)
        and not CARD_CONTEXT.search(said_after(first, tokens))
    )


_CODE_AFTER_EXPIRY_WORDS = 2  # "1128, and 337."


def _codes_after_expiries(found: Sequence[tuple[EntityType, list[Token]]]) -> list[tuple[EntityType, list[Token]]]:
    """Three digits said right after a card's expiry, in the same breath ("1128, and 337."), are its security code,
    though taken for a second expiry ("3/37") where only the expiry was named."""
    retyped = list(found)
    for at, ((kind, expiry), (next_kind, said)) in enumerate(itertools.pairwise(found)):
        if (
            kind is next_kind is EntityType.CARD_EXPIRY
            and 0 < said[0].position - expiry[-1].position <= _CODE_AFTER_EXPIRY_WORDS + 1
            and len(digits_said(said)) == min(_SECURITY_CODE_LENGTHS)
        ):
            retyped[at + 1] = (EntityType.CARD_SECURITY_CODE, said)
    return retyped


_MIN_ENDING_ASKED_AGAIN = 6  # digits: more than a card's or a phone's last four, which have rules of their own


def _endings_asked_again(
    found: Sequence[tuple[EntityType, list[Token]]], tokens: Sequence[Token]
) -> list[tuple[EntityType, list[Token]]]:
    """``found``, with the end of a number the speaker gave again when the other side asked for it again from a place
    in it ("4426 3793 4339 7762." / "Could you go again from the seventh digit?" / "9, 3, 4, 3, 3, 9, 7, 7, 6, 2.")
    typed as that number, though its length is a phone's."""
    retyped = list(found)
    for at, (kind, said) in enumerate(found):
        digits = digits_said(said)
        for earlier_kind, earlier in found[:at]:
            whole = digits_said(earlier)
            between = tokens[earlier[-1].position + 1 : said[0].position]
            if (
                earlier_kind is not kind
                and earlier[0].speaker == said[0].speaker
                and 0 < said[0].position - earlier[-1].position <= CONTEXT_WINDOW
                and _MIN_ENDING_ASKED_AGAIN <= len(digits) < len(whole)
                and whole.endswith(digits)
                and _ASKED_AGAIN.search(" ".join(t.norm for t in between if t.speaker != said[0].speaker))
            ):
                retyped[at] = (earlier_kind, said)
    return retyped


def _accounts_read_back(found: Sequence[tuple[EntityType, list[Token]]]) -> list[tuple[EntityType, list[Token]]]:
    """``found``, with a card that is an account number read back just after it typed as the account: a bank
    account's longer than any card ("d6 1 5 0 0 1 ...", its digits passing the card check), or an id named as such
    ("Order number's 112-4839021-5567032." / "One one two, four eight three nine ...")."""
    accounts = [said for kind, said in found if kind is EntityType.ACCOUNT_NUMBER]
    retyped = []
    for kind, said in found:
        digits = digits_said(said)
        # (a card's last four are too few to tell: "CPF 314 552 087 61" / "the card ending 4421" share three)
        if (
            kind is EntityType.CARD_NUMBER
            and len(digits) >= _MIN_READ_BACK_PUT_RIGHT
            and any(
                0 < said[0].position - account[-1].position <= CONTEXT_WINDOW
                and in_order_in_common(digits, digits_said(account)) >= len(digits) - 1
                for account in accounts
            )
        ):
            kind = EntityType.ACCOUNT_NUMBER
        retyped.append((kind, said))
    return retyped


# How cards are printed: groups of four (the last of three to five), or Amex's and Diners' four, six and the rest.
_CARD_PRINTED = re.compile(r"\d{4}(?:-\d{4}){2,3}(?:-\d{1,4})?|\d{4}-\d{6}-\d{4,5}|\d{4}-\d{4}-\d{4}-\d{3,5}", re.ASCII)
_PRINTED_GROUPS = re.compile(r"\d+(?:-\d+){2,}", re.ASCII)


def _printed_not_as_card(run: Sequence[Atom]) -> bool:
    """Whether the run is one number written in three or more groups joined by hyphens as no card is printed
    ("112-4839207-5561043", an order's): an id copied from where it is printed, whatever its check digit."""
    if len(run) != 1 or len(run[0].tokens) != 1:
        return False
    written = run[0].tokens[0].norm.rstrip(".,")
    return _PRINTED_GROUPS.fullmatch(written) is not None and _CARD_PRINTED.fullmatch(written) is None


_SECURITY_CODE_LENGTHS = (3, 4)
_NAMED_CODE_LENGTHS = (3, 4, 5)  # five: a digit of four heard twice
# Three digits given as "the code" with nothing saying which: in a call, a card's ("Oh, that code, it's 614."), not
# a door's, an area's or an error's, which are named so.
_BARE_CODE = re.compile(r"(^|\b(the|that|this|your|my) )code('s)?( is| was| it's)?$")
_CODE_DIGITS = 3


def _id_not_card_asked(first: Token, tokens: Sequence[Token]) -> bool:
    """Whether an account or id was named last before ``first``, no card talked about before nor named after it."""
    distances = context_distances(tokens, first.position)
    nearest = min(distances.values(), default=None)
    return (
        nearest is not None
        and distances.get(EntityType.ACCOUNT_NUMBER) == nearest
        and not card_talked_about(tokens, first.position)
        and not CARD_CONTEXT.search(said_after(first, tokens))
    )


def _details_after_card(rest: Sequence[Atom], tokens: Sequence[Token]) -> Iterable[tuple[EntityType, list[Token]]]:
    """What follows a card in one breath: a month and year written with a slash or joined by "of" is its expiry
    ("..., 03/30", "..., 09 of 28"), and three or four digits right after a slashed expiry its security code ("...,
    03/30, 227")."""
    first = rest[0]
    if year := _year_joined_by_of(first, tokens):
        yield EntityType.CARD_EXPIRY, [*first.tokens, *year]
        if rest[1:]:
            yield from _typed_numbers(rest[1:], tokens)
        return
    if written_with_slash(first) and not _month_before_slash(first):
        yield from _typed_numbers(rest[1:], tokens) if rest[1:] else ()  # "..., 24/7 support": no card's detail
        return
    if not (written_with_slash(first) and plausible_expiry(first.digits)):
        yield from _typed_numbers(rest, tokens)
        return
    yield EntityType.CARD_EXPIRY, list(first.tokens)
    others = list(rest[1:])
    if others and len(others[0].digits) in _SECURITY_CODE_LENGTHS and len(others[0].tokens) == 1:
        yield EntityType.CARD_SECURITY_CODE, list(others[0].tokens)
        others = others[1:]
    if others:
        yield from _typed_numbers(others, tokens)


def _month_before_slash(atom: Atom) -> bool:
    """Whether what is written before the slash is a month's number ("11/29", not "24/7")."""
    month = atom.tokens[0].norm.split("/", 1)[0]
    return month.isdigit() and 1 <= int(month) <= 12


def _year_joined_by_of(month: Atom, tokens: Sequence[Token]) -> list[Token]:
    """The "of" and the year after a month said in figures right after a card: its expiry as printed, read out
    ("3566 8901 2347 5901, um, 09 of 28"); nothing if what follows is no year a card expires in."""
    last = month.tokens[-1]
    following = tokens[last.position + 1 : last.position + 3]
    if (
        len(month.tokens) != 1
        or len(following) < 2
        or following[0].norm != "of"
        or following[1].segment != last.segment
    ):
        return []
    year = digits_of(following[1])
    return list(following) if year is not None and plausible_expiry(month.digits + year) else []


# Written in thousands ("3,400", "12,000,000"): a number said as an amount; an identifier is read digit by digit.
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+", re.ASCII)


_MONEY = frozenset(
    {"dollars", "dollar", "bucks", "pounds", "pound", "quid", "euros", "euro", "rupees", "rand", "pesos", "dirhams",
     "naira", "shillings", "francs", "ringgit", "baht"}
)  # fmt: skip


# What a dose, a pack or a length is counted in: "500 milligrams", "90 tablets", "2 litres".
_MEASURES = frozenset(
    {"milligrams", "milligram", "mg", "micrograms", "mcg", "grams", "gram", "kilos", "kilograms", "kg", "tablets",
     "tablet", "pills", "capsules", "doses", "millilitres", "milliliters", "ml", "litres", "liters", "metres",
     "meters", "kilometres", "kilometers", "km", "puffs", "sachets", "refills"}
)  # fmt: skip


def _is_quantity(atoms: Sequence[Atom], tokens: Sequence[Token]) -> bool:
    """An amount, a price or a length of time: "$312", "2000 and 40 dollars", "45 minutes", "3,400 points"."""
    first, last = atoms[0].tokens[0], atoms[-1].tokens[-1]
    if len(atoms) == 1 and _THOUSANDS.fullmatch(first.norm.rstrip(".,")):
        return True
    if len(atoms) == 2 and re.fullmatch(r",\d{3}\b.*", atoms[1].tokens[0].text) and len(first.norm) <= 3:
        return True  # "3 ,400", "1 ,200": thousands written apart by Whisper
    if len(atoms) == 1 and atoms[0].tokens[-1].norm == "thousand":
        return True  # "four thousand", not a group of a number read in groups
    before = tokens[max(0, first.position - 2) : first.position]
    money = len(before) == 2 and before[1].norm in _MONEY and digits_of(before[0]) is not None
    if money and {t.segment for t in before} == {first.segment}:
        return True  # "4 pounds 99", "twelve dollars fifty": the amount's pence or cents
    said = [token for atom in atoms for token in atom.tokens]
    if len(said) == 2 and re.fullmatch(r"\d{1,4}", first.text) and re.fullmatch(r"\.\d\d[.,?!]?", last.text):
        return True  # a price heard as "24 .99", its cents taken into the number
    if len(said) == 1 and WRITTEN_PRICE.fullmatch(first.text.rstrip(".,?!")):
        return True  # a price written with its cents: "the case was 29.99"
    after = tokens[last.position + 1] if last.position + 1 < len(tokens) else None
    if after is not None and after.segment == last.segment and re.fullmatch(r"\.\d\d\b.*", after.text):
        after = tokens[after.position + 1] if after.position + 1 < len(tokens) else None  # "49 .99 dollars"
        if after is None or after.segment != last.segment or after.norm not in UNITS:
            return True  # a price heard as "49 .99"
    measured = after is not None and after.segment == last.segment and after.norm in UNITS | _MEASURES
    return first.text.startswith("$") or measured


def _typed_numbers(atoms: Sequence[Atom], tokens: Sequence[Token]) -> Iterable[tuple[EntityType, list[Token]]]:
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
    # "oh six... oh six seven seven": digits broken off and said again from the start are the number once
    digits = digits[_broken_off_start(atoms, tokens) :]
    # Longer than any one number: answers to several questions, told apart by their segments.
    entity_type = None if len(digits) > 19 and len(segments) > 1 else _number_type(digits, atoms, tokens)
    if entity_type is EntityType.PHONE_NUMBER and is_business_line(digits, atoms[0].tokens[0], tokens):
        return
    if entity_type in (EntityType.ACCOUNT_NUMBER, EntityType.CARD_NUMBER) and business_line_abroad(digits):
        return  # a business's line, whatever else was named: "call 1800 667 788, it's on your membership card too"
    first = atoms[0].tokens[0]
    after_a_month = first.position > 0 and tokens[first.position - 1].norm in MONTHS
    if after_a_month and (
        entity_type is EntityType.CARD_SECURITY_CODE or (entity_type is EntityType.CARD_NUMBER and len(digits) <= 4)
    ):
        # "valid until April 35", "22nd of January 1988, and the card ends 3309": a date's day or year, not a code
        # or a card's last four
        return
    in_a_year = (
        first.position > 1
        and tokens[first.position - 1].norm == "in"
        and not _ENDING.search(words_before(first, tokens, 2))  # "the policy ending in 2019": its last four
        and _YEAR.fullmatch(digits)
    )
    if (after_a_month or in_a_year) and entity_type is EntityType.ACCOUNT_NUMBER and len(digits) == 4:
        # "the expiry on that passport?" / "June 2031.", "and it expires in 2031?": a year, not the passport's number
        return
    # ("to" between them a word, not a two: "from the 4th to 18th")
    said = [t for a in atoms for t in a.tokens if t.norm not in _SOUNDALIKES]
    said_as_ordinals = all(ORDINAL_DIGITS.fullmatch(t.norm) for t in said)
    if said_as_ordinals and entity_type is not EntityType.DATE_OF_BIRTH:
        return  # "the 14th to the 16th": days, where an identifier's digits are read as numbers
    code_next = _CODE_NAMED_NEXT.match(said_after(atoms[-1].tokens[-1], tokens))
    if entity_type is EntityType.CARD_SECURITY_CODE and code_next and plausible_expiry(digits):
        entity_type = EntityType.CARD_EXPIRY  # "1029, and the code is 204": the code comes next, this is the expiry
    if entity_type is not None:
        found = [t for a in atoms for t in a.tokens]
        if entity_type is EntityType.PHONE_NUMBER:
            found = country_code_said(found[0], tokens) + found + extension(found[-1], tokens)
            if area_code := area_code_after(found[-1], tokens):
                yield entity_type, area_code
        elif entity_type is EntityType.ACCOUNT_NUMBER:
            prefix = letter_prefix(found[0], tokens) or letters_broken_off(found[0], tokens)
            found = prefix + found + letter_suffix(found[-1], tokens)
            found = id_begun_before(found[0], tokens) + found
        yield entity_type, found
        return
    if atoms[0].tokens[0].norm in _SOUNDALIKES and len(atoms) > 1:
        # A word that sounds like a digit read as one ("to" in "send them to 312 555 0199"): the number without it.
        yield from _typed_numbers(atoms[1:], tokens)
        return
    if len(segments) > 1:
        for segment in segments:
            yield from _typed_numbers([a for a in atoms if a.tokens[0].segment == segment], tokens)


# Said right after a card's detail, naming what comes next as its code: "1029, and the code is 204", "then the CVV"
_CODE_NAMED_NEXT = re.compile(r"(and|then|plus)( the| my)? (security )?(code|cvv|cvc)\b")


def _broken_off_start(atoms: Sequence[Atom], tokens: Sequence[Token]) -> int:
    """How many digits a speaker said, broke off ("oh six...") and then said again to begin the number anew ("oh six
    seven seven"), or said again after a hesitation ("Two nine, uh, two nine eight one"); 0 if they did not."""
    said = ""
    for index, atom in enumerate(atoms[:-1]):
        said += atom.digits
        rest = "".join(a.digits for a in atoms[index + 1 :])
        begun_again = rest.startswith(said) and len(rest) > len(said)
        if atom.tokens[-1].text.endswith(TRAILING_OFF):
            # begun again, or put right from its first digit on ("2 2... 2 7 1")
            put_right = rest[:1] == said[:1] and len(rest) > len(said)
            return len(said) if begun_again or put_right else 0
        hesitation = tokens[atom.tokens[-1].position + 1 : atoms[index + 1].tokens[0].position]
        if begun_again and any(token.norm in HESITATIONS for token in hesitation):
            return len(said)
    return 0


_CODE_PART = re.compile(r"(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]+", re.ASCII)


def _ends_a_code(first: Token, tokens: Sequence[Token]) -> bool:
    """Digits read straight on from letters and digits mixed ("1Z 999 A1 03 2345 6789"): the rest of a parcel's or
    a product's code, not a number of their own."""
    if first.position == 0:
        return False
    before = tokens[first.position - 1]
    return (
        before.segment == first.segment
        and not before.text.endswith(tuple(PUNCTUATION))
        and _CODE_PART.fullmatch(before.norm) is not None
    )


def _split_at_and(atoms: Sequence[Atom], tokens: Sequence[Token]) -> list[list[Atom]]:
    """The atoms in groups, a new group after each "and" said between two of them; not "and then", which goes on
    with the same number ("area code 905, and then 271 4433")."""
    parts: list[list[Atom]] = [[]]
    for atom in atoms:
        if parts[-1]:
            between = tokens[parts[-1][-1].tokens[-1].position + 1 : atom.tokens[0].position]
            hedged = any(token.norm in _HEDGE_WORDS for token in between)  # "three, eight, and I think a one"
            going_on = any(token.norm == "then" for token in between)
            if any(token.norm == "and" for token in between) and not hedged and not going_on:
                parts.append([])
        parts[-1].append(atom)
    return parts


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
    digit_tokens: list[list[Token]]  # per segment, the tokens from its first digit to its last


_NORTH_AMERICAN_DIALLED = 11  # digits: "1", the area code, the number


def _business_line_dialled(digits: str) -> bool:
    """Whether ``digits`` begin with a North American business line dialled with its 1 ("1-800-555-0199"), maybe with
    more digits said after it run on ("..., open 24 hours")."""
    return digits.startswith("1") and business_line(digits[:_NORTH_AMERICAN_DIALLED], with_country_code=True)


def answered_numbers(tokens: Sequence[Token], dated: Collection[int]) -> Iterable[tuple[EntityType, list[Token]]]:
    """The digits a speaker read in answer to a question for a card, phone, social security or account number; not
    those of a date read at its start (the tokens at the positions ``dated``): "date of birth and the last four of
    your social?" / "August 30th, 1988, and 5524." answers both."""
    for answer in _answers_with_digits(tokens):
        distances = {
            kind: distance
            for kind, pattern in ASKED_CONTEXTS.items()
            if (distance := nearest_match(pattern, answer.asked)) is not None
        }
        if not distances:
            continue
        # What was asked for last: only a card, phone, social security or account number asked for last counts.
        kind = min(distances, key=distances.__getitem__)
        said = [token for part in _parts_of_kind(answer.digit_tokens, kind, tokens) for token in part]
        if any(_WRITTEN_DATE.fullmatch(token.norm) for token in said):
            continue  # "3/12/88 and the last 4 are 6 0 3 2": a date written out is no number's part, two answers
        said = list(itertools.dropwhile(lambda token: token.position in dated or token.norm in _FILLERS, said))
        if not said:
            continue
        # One word of digits is the runs' to read: it may hold a card's expiry and code after the card.
        several = sum(1 for token in said if digits_of(token)) > 1
        if kind is EntityType.ACCOUNT_NUMBER and not all(map(_may_be_misheard_digits, said)):
            continue  # an id is read as digits: "12 years and paid 3400" is not one
        lead_in = words_before(said[0], tokens)
        if any(p.search(lead_in) for other, p in ASKED_CONTEXTS.items() if other is not kind):
            continue  # the answer names what it gives first ("Member number 5 5 1 0 ..."): not the one asked last
        if several and kind in _ANSWERED_DIGITS and digit_count(said) in _ANSWERED_DIGITS[kind]:
            if kind is not EntityType.PHONE_NUMBER and business_line_abroad(digits_said(said)):
                continue  # "call 1800 667 788, it's on the back of your membership card too" / "1800 667 788"
            if kind is EntityType.CARD_NUMBER and _business_line_dialled(digits_said(said)):
                continue  # "the number for lost cards?" / "It's 1-800-555-0199, open 24 hours": no card starts with 1
            if kind is EntityType.PHONE_NUMBER:
                said = country_code_said(said[0], tokens) + said + extension(said[-1], tokens)
                if area_code := area_code_after(said[-1], tokens):
                    yield kind, area_code
            yield kind, said


def _parts_of_kind(parts: list[list[Token]], kind: EntityType, tokens: Sequence[Token]) -> list[list[Token]]:
    """The parts of an answer up to one whose own words name another kind before its digits ("6742, 0722." /
    "Expiry 920"), or a card's code by "code" alone ("..., and the code is 570."): the answer to what was asked ends
    there."""
    for index, part in enumerate(parts[1:], 1):
        lead_in = words_before(part[0], tokens)
        if any(pattern.search(lead_in) for other, pattern in ASKED_CONTEXTS.items() if other is not kind):
            return parts[:index]
        if kind is EntityType.CARD_NUMBER and CODE.search(lead_in):
            return parts[:index]
    return parts


def _may_be_misheard_digits(token: Token) -> bool:
    """A digit, a filler, or a word Whisper may have made of digits: one with a digit in it ("70i") or a letter
    or two ("I" for "nine")."""
    return (
        digits_of(token) is not None
        or token.norm in _FILLERS
        or any(char.isdigit() for char in token.norm)
        or (token.norm.isalpha() and len(token.norm) <= MISHEARD_LETTERS)
    )


def _answers_with_digits(tokens: Sequence[Token]) -> list[_Answer]:
    """Each speaker's turns with digits in them, grouped by the question they answer: a turn continues the
    answer before it while the other side only acknowledges (a few words, no question, nothing asked for)."""
    segments: dict[int, list[Token]] = {}
    for token in tokens:
        segments.setdefault(token.segment, []).append(token)
    speakers = {token.speaker for token in tokens}
    answers: list[_Answer] = []
    open_answers: dict[str, _Answer] = {}
    heard: dict[str, list[Token]] = {}  # per speaker, what the others said since they last said much
    for said in segments.values():
        speaker = said[0].speaker
        for other in speakers - {speaker}:
            heard.setdefault(other, []).extend(said)
        asked = heard.get(speaker, [])[-CONTEXT_WINDOW:]
        answer = open_answers.get(speaker)
        answered = digits_said([t for part in answer.digit_tokens for t in part]) if answer else ""
        if asks_anew(asked, answered) and not _bids_go_on(asked):
            open_answers.pop(speaker, None)
        digits = _digit_stretch(said, tokens)
        if digits:
            answer = open_answers.get(speaker)
            if answer is None:
                answer = open_answers[speaker] = _Answer(speaker, " ".join(t.norm for t in asked), [])
                answers.append(answer)
            answer.digit_tokens.append(digits)
            heard[speaker] = []
        elif len(said) > BACKCHANNEL_WORDS:  # "Sure, one second." still answers what was asked
            open_answers.pop(speaker, None)
            heard[speaker] = []
    return answers


# The other side breaking in only to let the speaker go on: "Sorry, let me just, ok, go ahead."
_GO_ON = re.compile(r"\b(go ahead|go on|carry on|keep going|continue|i'm ready|ready now)$")


def _bids_go_on(said: Sequence[Token]) -> bool:
    """Whether the other side broke in, without a question or a number of their own, only to tell the speaker to go
    on: what the speaker says next still answers what was asked before."""
    text = " ".join(t.norm for t in said)
    return (
        _GO_ON.search(text) is not None
        and not any("?" in t.text for t in said)
        and not digits_said(said)
        and not any(pattern.search(text) for pattern in ASKED_CONTEXTS.values())
    )


def _digit_stretch(said: Sequence[Token], tokens: Sequence[Token]) -> list[Token]:
    """The tokens from the first digit said to the last one that is at most a few words from the one before; "one"
    said as a word is none ("It's the blue one, 4539 ...")."""
    digit_indexes = [i for i, token in enumerate(said) if digits_of(token) and not one_said_as_word(tokens, token)]
    if digit_count([said[i] for i in digit_indexes]) < 2:  # "Sure, one second."
        return []
    last = digit_indexes[0]
    for index in digit_indexes[1:]:
        between = [t for t in said[last + 1 : index] if t.norm not in _FILLERS and t.norm not in REPEATS]
        named = " ".join(t.norm for t in between)
        # "..., security number 7 1 4": the words name what the next digits are, another number
        if len(between) > _MISHEARD_WORDS_BETWEEN or any(p.search(named) for p in ASKED_CONTEXTS.values()):
            break
        last = index
    first = digit_indexes[0]
    if first and said[first - 1].norm in REPEATS:  # "double five two two": the digit said twice
        first -= 1
    return list(said[first : last + 1])
