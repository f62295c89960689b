"""Account, member and policy numbers: ids spelled out or mixed with letters, letters said around the digits, IBANs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from stdnum import iban

from shared.models.redaction import EntityType
from shared.models.transcript import Segment
from shared.redaction.detection.context import (
    ASKED_CONTEXTS,
    BACKCHANNEL_WORDS,
    CONTEXT_WINDOW,
    CONTEXTS,
    asks_for_a_number,
    context_distances,
    gone_on_from,
    others_between_parts,
    said_after,
    window_before,
    words_before,
)
from shared.redaction.detection.gazetteers import english_words
from shared.redaction.detection.spoken import (
    DIGIT_WORDS,
    MISHEARD_LETTERS,
    PUNCTUATION,
    REPEATS,
    TRAILING_OFF,
    TextSpan,
    Token,
    digits_of,
    in_time_order,
)

# its parts joined by hyphens, slashes or dots: "3kp7-hw2-rd48", "2024/88173/q", a UK pilot's "gbr.fcl.pa.00419876"
_MIXED_ID_PART = re.compile(r"(?=[a-z/.-]*\d)(?=[\d/.-]*[a-z])[a-z\d]+(?:[-/.][a-z\d]+)*", re.ASCII)
_MIN_MIXED_ID = 6  # characters: "W4K-88R-2P9", not a model's "XR-500"
# A number and a word joined to say what something has: "the 10-digit number", "the 5-piece set", "a 24-hour line"
_NUMBER_AND_WORD = re.compile(r"\d+-(?P<word>[a-z]{3,})", re.ASCII)


def _id_part(token: Token) -> bool:
    """Whether ``token`` may be a part of an id of letters and digits mixed: not a number and a word joined."""
    joined = _NUMBER_AND_WORD.fullmatch(token.norm)
    if joined is not None and joined.group("word") in english_words():
        return False
    return _MIXED_ID_PART.fullmatch(token.norm) is not None


_RADIO_LETTERS = {
    "alpha", "alfa", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "juliett",
    "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "victor",
    "whiskey", "whisky", "x-ray", "xray", "yankee", "zulu",
}  # fmt: skip
# said between an id's printed groups: "P O L slash 2 0 2 3 slash ...", "C U S dash 9 9 1 2 4"
_DASHES = {"dash", "hyphen", "-", "slash", "/"}
_MIN_SPELLED_ID = 5  # letters and digits: "G 6 6 R 0 4", not "A 4"
_DIGITS_AFTER_ONE_LETTER = 6  # an id's first letter said by its radio word: "Papa 5 3 9 1 0 4 8 2", not "Delta 4472"


def spelled_characters(said: str) -> str | None:
    """The letters and digits of an id read out one by one ("Kilo Lima 4 4 7 Zulu", "X-ray, Lima, seven, ..."), in
    capitals, as it is written whole ("KL447Z"); None where a word of it is none of a letter, a radio letter, a digit
    or digits, or it has no letter or no digit."""
    characters = ""
    for word in re.findall(r"[\w-]+", said):
        if word.lower() in _RADIO_LETTERS:
            characters += word[0].upper()
        elif word.isdigit() or (len(word) == 1 and word.isalpha()):
            characters += word.upper()
        elif (digit := DIGIT_WORDS.get(word.lower())) is not None and len(digit) == 1:
            characters += digit
        else:
            return None
    return characters if re.search(r"[A-Z]", characters) and re.search(r"\d", characters) else None


def _spelled_letter(tokens: Sequence[Token], index: int) -> int:
    """How many words at ``index`` spell one letter of an id: "G", "kilo", "G as in golf", or "pl" or "k" next to
    a dash ("pl dash 7 7 3 dash k"); 0 if they do not."""
    token = tokens[index]
    following = [t.norm for t in tokens[index + 1 : index + 4] if t.segment == token.segment]
    core = token.text.strip(PUNCTUATION)
    single = len(core) == 1 and core.isalpha() and core.isupper()
    if single and following[:2] == ["as", "in"] and len(following) == 3:
        return 3
    if single and following[:1] == ["for"] and len(following) > 1 and following[1][:1] == core.lower():
        return 2  # "K for kilo"
    # "I" and "A" are words, unless more letters are spelled after them: "A C C, dash, ..."
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    spelled_on = after is not None and after.segment == token.segment and capital_letter(after)
    # or after a letter spelled, in the same sentence: "..., dash, A A."
    before = tokens[index - 1] if index else None
    spelled_on = spelled_on or (
        before is not None
        and before.segment == token.segment
        and capital_letter(before)
        and before.text.strip()[-1] not in ".!?"
    )
    if token.norm in _RADIO_LETTERS or (single and (core not in {"I", "A"} or spelled_on)):
        return 1
    if _HYPHENATED_LETTERS.fullmatch(core):  # letters spelled as Whisper writes them: "P-O-L"
        return 1
    # two or three letters written as one word right before its digits: "HM, 7734, 2019, B as in Bravo" (not a
    # flight's or a gate's: "flight BA 2490")
    nxt = tokens[index + 1] if index + 1 < len(tokens) else None
    digits_next = nxt is not None and nxt.segment == token.segment and digits_of(nxt) is not None
    named_otherwise = before is not None and before.norm in _NUMBERED_THINGS
    if (
        _LETTERS_AS_WORD.fullmatch(core)
        and core not in _CAPITALS_THAT_ARE_WORDS
        and digits_next
        and not named_otherwise
    ):
        return 1
    beside_dash = (index and tokens[index - 1].norm in _DASHES) or (following[:1] and following[0] in _DASHES)
    return 1 if beside_dash and token.norm.isalpha() and len(token.norm) <= MISHEARD_LETTERS else 0


_HYPHENATED_LETTERS = re.compile(r"[A-Z](?:-[A-Z]){1,4}", re.ASCII)
_LETTERS_AS_WORD = re.compile(r"[A-Z]{2,3}", re.ASCII)
_CAPITALS_THAT_ARE_WORDS = {"OK", "ID", "US", "UK", "TV", "AM", "PM", "NO"}
_NUMBERED_THINGS = {"flight", "gate", "room", "platform", "bus", "route", "terminal", "seat", "model"}


# Capitals written as a word of their own right before an id's digits, spelled with hyphens, or each with the dot
# Whisper writes after a letter said apart: its letters ("INC 0048213, got it.", "I-N-C, double oh four, ...", "CS,
# zero zero four nine, ...", "L .I .4770209").
# Or said with the word for the mark between: "HX stroke 44182 stroke B", "7Q4 dash 88120", and several so: "UK dot
# FCL dot 004412" (a pilot's licence).
_MARK_SAID = r"(?i:stroke|slash|dash|hyphen|dot)"
_LETTERS_BEFORE = re.compile(
    rf"(?<![\w'-])(?:(?:[A-Z]{{2,4}} {_MARK_SAID} )*"
    rf"(?P<letters>[A-Z]{{2,4}}|[A-Z](?:-[A-Z]){{1,3}}),? (?:{_MARK_SAID} )?"
    rf"|(?=[A-Z\d]*[A-Z])[A-Z\d]{{2,4}} {_MARK_SAID} "
    r"|(?P<dotted>[A-Z](?: \.[A-Z]){1,3}) \.)$",
    re.ASCII,
)
# ... and the letters or digits said after it so: "44182 stroke B", "HM stroke 2023 stroke 0041187"
_LETTERS_AFTER = re.compile(rf"(?: {_MARK_SAID} (?:[A-Z]{{1,3}}|\d{{2,8}})\b)+", re.ASCII)
_DIGIT_SAID_FIRST = re.compile(rf"\d|(?i:{'|'.join(sorted({*DIGIT_WORDS, *REPEATS}, key=len, reverse=True))})\b")


def with_letters_before(span: TextSpan, text: str) -> TextSpan:
    """``span`` of an id's digits with the capitals written right before them, where they are no word."""
    match = _LETTERS_BEFORE.search(text, 0, span.start)
    if match is None or match.group("letters") in _CAPITALS_THAT_ARE_WORDS:
        return span
    if _DIGIT_SAID_FIRST.match(text, span.start) is None:
        return span
    return TextSpan(span.segment, match.start(), span.end)


def with_letters_after(span: TextSpan, text: str) -> TextSpan:
    """``span`` of an id's digits with the capitals or digits said after them and the mark between: "44182 stroke
    B"."""
    after = _LETTERS_AFTER.match(text, span.end)
    return span if after is None else TextSpan(span.segment, span.start, after.end())


# A check digit written or said in brackets after an id, as a Hong Kong identity card prints it: "K612437(3)", "K 6 1
# 2 4 3 7 bracket 3", "Y 6 4 2 8 9 1, bracket 3".
_CHECK_DIGIT_AFTER = re.compile(
    rf"\s*\(\s*[0-9A]\s*\)|,?\s+(?i:bracket|in brackets?)\s+(?:[0-9A]|(?i:{'|'.join(sorted(DIGIT_WORDS))}))\b"
)


def with_check_digit_after(span: TextSpan, text: str) -> TextSpan:
    """``span`` of an id with the check digit in brackets right after it."""
    check = _CHECK_DIGIT_AFTER.match(text, span.end)
    return span if check is None else TextSpan(span.segment, span.start, check.end())


def capital_letter(token: Token) -> bool:
    """Whether ``token`` is one capital letter."""
    core = token.text.strip(PUNCTUATION)
    return len(core) == 1 and core.isalpha() and core.isupper()


def spelled_ids(tokens: Sequence[Token]) -> Iterable[tuple[EntityType, list[Token]]]:
    """An id read out as letters and digits ("G as in golf, 6 6, R as in romeo, 0 4", "kilo lima 4 4 7 2", "pl dash
    7 7 3 dash k") where an account, member or policy number is asked for or named just before or after it."""
    index = 0
    given: list[Token] = []  # the last word of each id found so far
    while index < len(tokens):
        run: list[Token] = []
        letters = digits = radio = 0
        while index < len(tokens) and (not run or tokens[index].segment == run[-1].segment):
            token = tokens[index]
            spelled = _spelled_letter(tokens, index)
            said = digits_of(token) if not spelled else None
            if spelled:
                letters += 1
                radio += token.norm in _RADIO_LETTERS
                run += tokens[index : index + spelled]
                index += spelled
            elif said and len(said) <= 4:
                digits += len(said)
                run.append(token)
                index += 1
            elif (repeated := _repeated_digit(tokens, index)) is not None:  # "double five"
                digits += len(repeated)
                run += tokens[index : index + 2]
                index += 2
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
        named = (
            EntityType.ACCOUNT_NUMBER in context_distances(tokens, run[0].position)
            or CONTEXTS[EntityType.ACCOUNT_NUMBER].search(said_after(run[-1], tokens))
            or plate_asked(tokens, run[0])
        )
        # one word of the radio alphabet may be a word ("Delta 4472"): two or more spell, or one before many digits of
        # an id asked for ("Your passport number?" / "It's Papa 5 3 9 1 0 4 8 2.")
        before_digits = run[0].norm in _RADIO_LETTERS and digits >= _DIGITS_AFTER_ONE_LETTER
        spelled_id = letters and not (letters == radio == 1 and not (named and before_digits))
        long_id = letters >= 2 and digits >= 4 and letters + digits >= _MIN_READ_BACK_ID
        # letters and digits both, more than a short code's: "K, 7, R, 2, 9, X", "R E F 4 4 9 8 2 oh"
        mixed = letters >= 2 and digits >= 2 and letters + digits >= _MIN_NAMED_ID
        # read in groups with "dash" said between them, as an id's printed form is: "A C C, dash, 5 5 0 2, dash, 9 1"
        dashed = letters >= 2 and digits >= 4 and any(t.norm in _DASHES for t in run)
        if (
            spelled_id
            and digits >= 2
            and letters + digits >= _MIN_SPELLED_ID
            and (named or dashed or (long_id and _read_back(run, tokens)) or (mixed and _id_named_before(run, tokens)))
        ) or (spelled_id and digits and any(id_goes_on(last, run[0], tokens) for last in given)):
            given.append(run[-1])
            yield EntityType.ACCOUNT_NUMBER, run


# A vehicle's registration, the caller's own on a claim, a permit or a booking, or the serial of the meter at their
# home: "registration of the vehicle?", "your car reg", "the number plate", "your meter number" (not a course's or an
# event's registration, nor its fee). Only an id of letters and digits answers it: a year or a price said after it is
# the car's ("a 2017 Corolla", "I paid 4500"), and five digits after "the reading" the meter's.
_PLATE_ASKED = re.compile(
    r"\b((vehicle|car|van|motorbike|motorcycle)('s)? (registration|reg|rego)"
    r"|registration (of|on|for) (the|your|my|his|her|their) (vehicle|car|van|motorbike|motorcycle)"
    r"|(number|licen[cs]e|registration) plate|(registration|reg|rego|plate) number"
    # a home's gas or electricity meter, by the serial printed on it: "your meter number", "the meter serial"
    r"|meter('s)? (serial|number|id)|meter serial number)\b"
)


_DIGIT_GROUP = re.compile(r"\d{2,6}", re.ASCII)
_SHORT_DIGIT_GROUP = re.compile(r"\d{1,6}", re.ASCII)
_LETTERS_WITH_FIRST_DIGITS = re.compile(r"[a-z]{1,3}\d{1,2}", re.ASCII)


# A product's code named right before it: "the model is XR5 2000"
_PRODUCT_NAMED = re.compile(r"\b(model|product|part|item|sku|version)( number| no| code)?( is|'s)?$")


def plate_asked(tokens: Sequence[Token], first: Token) -> bool:
    """Whether a vehicle's registration or a meter's serial was asked for or named just before ``first``, and no
    product's code is named right before it."""
    asked = _PLATE_ASKED.search(window_before(tokens, first.position)) is not None
    return asked and not product_named_before(tokens, first)


def product_named_before(tokens: Sequence[Token], first: Token) -> bool:
    """Whether a product's code is named right before ``first``: "the model is 3000"."""
    return _PRODUCT_NAMED.search(words_before(first, tokens, _PRODUCT_NAMED_WORDS)) is not None


_PRODUCT_NAMED_WORDS = 4


# Said before the next part of an id read in its printed groups: "then dash 8 8 1 4 5", "and the rest is K B 4 1".
_ID_PART_LEADS = {
    "then", "and", "dash", "hyphen", "followed", "by", "after", "that", "the", "rest", "last", "next", "final", "bit",
    "part", "is", "it's", "so", "um", "uh", "er", "erm",
}  # fmt: skip


def id_goes_on(last: Token, first: Token, tokens: Sequence[Token]) -> bool:
    """Whether ``first`` begins the rest of the id ``last`` ended, in its speaker's next turn, the other side having
    said no more than a backchannel and asked for nothing ("P O L dash 2 0 2 3." / "Yes?" / "Then dash 8 8 1 4 5.")."""
    if last.speaker != first.speaker or last.segment == first.segment or last.position >= first.position:
        return False
    if first.position - last.position > CONTEXT_WINDOW:
        return False
    others = others_between_parts(tokens, last, first, _ID_PART_LEADS)
    asked = [t for t in tokens[last.position + 1 : first.position] if t.speaker != first.speaker]
    # "Thanks. And the reading?": a new thing asked for in few words, not a backchannel
    asks_another = any("?" in t.text for t in asked) and _ASKS_ANOTHER.search(" ".join(t.norm for t in asked))
    return (
        others is not None and len(others) <= BACKCHANNEL_WORDS and not asks_for_a_number(others) and not asks_another
    )


_ASKS_ANOTHER = re.compile(r"\b(and|what about|now|then) (the|your) (?!rest\b|last\b|next\b|final\b|end\b)\w+")


def id_begun_before(first: Token, tokens: Sequence[Token]) -> list[Token]:
    """The id's first part of letters and digits mixed that ended the speaker's turn before ``first``, which goes
    on with the rest after a backchannel ("It's CR-88," / "Mm-hmm." / "15-02.")."""
    last = next((t for t in reversed(tokens[: first.position]) if t.speaker == first.speaker), None)
    if last is None or not _MIXED_ID_PART.fullmatch(last.norm) or not id_goes_on(last, first, tokens):
        return []
    # written in capitals as an id is: not "3rd" or "5pm"
    return [last] if re.fullmatch(r"[A-Z]+(-?\d+)+", last.text.strip(PUNCTUATION), re.ASCII) else []


_MIN_READ_BACK_ID = 8  # letters and digits: longer than any postcode ("S W 1 A 2 A A")
# Said before an id read back to be confirmed: "let me read that back, that's ...", "just to confirm, ..."
READ_BACK = re.compile(r"\b(read (that|it|this|those) back|reading (that|it) back|to confirm|just to check)\b")


# An id's kind named in the words before it in its turn: "The reference you gave me was R E F 4 4 9 8 2 oh".
_ID_NAMED_BEFORE = re.compile(r"\b(reference|ref|number|id|licen[cs]e|passport|registration|pnr)\b")
_MIN_NAMED_ID = 6  # letters and digits: "K7R29X"; fewer ("A B 1 2") may be anything
_ID_NAMED_WORDS = 8


def _id_named_before(run: Sequence[Token], tokens: Sequence[Token]) -> bool:
    """Whether a long id spelled in letters and digits (more than a postcode) is named an id, of whatever kind, in
    the words before it in its turn: spelled out so, it is the caller's to be checked."""
    first = run[0]
    said = words_before(first, tokens, _ID_NAMED_WORDS)
    return _ID_NAMED_BEFORE.search(said) is not None and _PRODUCT_ID_NAMED.search(said) is None


# A product's id ("model number", "serial number"), no one's record. An id the business gives the caller for their
# case or booking is theirs: whoever holds it can ask about the case.
_PRODUCT_ID_NAMED = re.compile(r"\b(model|serial|part|product|item|sku|batch|lot)( number| no| code| id)?\b")


def _read_back(run: Sequence[Token], tokens: Sequence[Token]) -> bool:
    """Whether a long id spelled in letters and digits is read back to be confirmed, so it is the caller's own,
    whatever it identifies: a question ends it, or a read-back is said before it in its turn."""
    return "?" in run[-1].text or READ_BACK.search(words_before(run[0], tokens)) is not None


def _repeated_digit(tokens: Sequence[Token], index: int) -> str | None:
    """The digits of "double five", "triple oh" said at ``index`` in one segment, if they are."""
    if tokens[index].norm not in REPEATS or index + 1 >= len(tokens):
        return None
    following = tokens[index + 1]
    said = digits_of(following) if following.segment == tokens[index].segment else None
    return said * REPEATS[tokens[index].norm] if said and len(said) == 1 else None


# A Canadian or British postcode ("T1K 3V6", "SW1A 2AA"), of letters and digits as an id is: an address's part. Only
# with the letters each place in one may have: "QX7 4LM" (no area starts with Q, no unit has an M) is a booking's.
_POSTCODE = re.compile(
    r"[abceghj-nprstvxy]\d[abceghj-nprstv-z] \d[abceghj-nprstv-z]\d"
    r"|(?:[a-pr-uwyz]\d[\da-hjkpstuw]?|[a-pr-uwyz][a-hk-y]\d[\dabehmnprv-y]?) \d[abd-hjlnp-uw-z]{2}",
    re.ASCII,
)


def _after_digits(token: Token, tokens: Sequence[Token]) -> bool:
    before = tokens[token.position - 1] if token.position else None
    return before is not None and before.segment == token.segment and any(char.isdigit() for char in before.norm)


def alphanumeric_ids(tokens: Sequence[Token]) -> Iterable[tuple[EntityType, list[Token]]]:
    """An id of letters and digits mixed ("3KP7-HW2-RD48", "1EG4 TE5 MK73") given after an account, member or
    Medicare number was asked for: letters and digits in each part."""
    index = 0
    while index < len(tokens):
        run: list[Token] = []
        while index < len(tokens) and _id_part(tokens[index]) and (not run or tokens[index].segment == run[-1].segment):
            run.append(tokens[index])
            index += 1
        # a meter's serial or a plate read in groups, the first of letters and digits and the rest digits alone:
        # "E10BG 07432", "G4A 0092 1175"; or any id whose letters Whisper wrote with its first digits, the rest
        # in groups: "dp2 025 0881", "tk7 -7 -421"
        letters_first = (
            len(run) == 1
            and _LETTERS_WITH_FIRST_DIGITS.fullmatch(run[0].norm) is not None
            and not _after_digits(run[0], tokens)  # the id's start, not a group inside one: "1Z 999 AA1 0123"
        )
        if run and (letters_first or plate_asked(tokens, run[0])):
            group = _SHORT_DIGIT_GROUP if letters_first else _DIGIT_GROUP
            while (
                index < len(tokens) and tokens[index].segment == run[-1].segment and group.fullmatch(tokens[index].norm)
            ):
                run.append(tokens[index])
                index += 1
        if not run:
            index += 1
        elif (
            sum(len(t.norm.replace("-", "")) for t in run) >= _MIN_MIXED_ID
            and not product_named_before(tokens, run[0])
            and (EntityType.ACCOUNT_NUMBER in context_distances(tokens, run[0].position) or plate_asked(tokens, run[0]))
        ):
            postcode = _POSTCODE.fullmatch(" ".join(t.norm.strip(PUNCTUATION) for t in run))
            yield EntityType.ADDRESS if postcode else EntityType.ACCOUNT_NUMBER, run


_MIXED_CHARACTERS = re.compile(r"(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]+", re.ASCII)
_MAX_ID_TOKENS = 16  # an id spelled a character at a time: "S 1 4 D, 0 0 8 7 3 2 1"


def _characters(said: Sequence[Token]) -> str:
    return "".join(char for token in said for char in token.norm if char.isalnum())


def ids_said_again(ids: Sequence[Sequence[Token]], tokens: Sequence[Token]) -> Iterable[list[Token]]:
    """An id of letters and digits found, said again later by either side with the same characters however they are
    grouped ("S 1 4 D, 0 0 8 7 3 2 1" / "S14D 0087321", "Booking ref is 7H4M2Z." / "Perfect, 7H4M2Z, Lindqvist"), or
    with its six digits or more the same and its letters heard as others: the same id, wherever its kind was named."""
    known: dict[str, int] = {}
    for said in ids:
        characters = _characters(said)
        if len(characters) >= _MIN_MIXED_ID and _MIXED_CHARACTERS.fullmatch(characters):
            known.setdefault(characters, said[-1].position)
            if sum(char.isdigit() for char in characters) >= _MIN_DIGITS_LETTERS_MISHEARD:
                known.setdefault(_letters_unknown(characters), said[-1].position)
    if not known:
        return
    for start, first in enumerate(tokens):
        characters, shape = "", ""
        for token in tokens[start : start + _MAX_ID_TOKENS]:
            if token.segment != first.segment:
                break
            characters += _characters([token])
            # letters heard as others only where written as capitals, as an id's are: "HPR", not "is"
            shape += _characters([token]) if token.text.isupper() or token.norm.isdigit() else "?"
            if min(known.get(characters, len(tokens)), known.get(_letters_unknown(shape), len(tokens))) < (
                first.position
            ):
                yield list(tokens[start : token.position + 1])
                break
            if not characters or not any(
                id_said.startswith(characters) or id_said.startswith(_letters_unknown(shape)) for id_said in known
            ):
                break


# Said again with the same digits, an id's letters may be heard as others: "... with the Reference APR -309 -112?" /
# "HPR, 309, 112, okay,". Six digits at least make it the same id.
_MIN_DIGITS_LETTERS_MISHEARD = 6


def _letters_unknown(characters: str) -> str:
    """``characters`` with each letter left unknown ("#"), as an id said again with its letters misheard reads."""
    return re.sub(r"[a-z]", "#", characters)


# also joined by hyphens as Whisper writes letters spelled: "P-O-L", "H-W"
_SPELLED_LETTERS = re.compile(rf"[A-Z]{{1,3}}|{_HYPHENATED_LETTERS.pattern}", re.ASCII)
# A group of capitals written right before the digits: a British driving licence's five ("MORGA 753116 SM9IJ").
_LETTER_GROUP = re.compile(r"[A-Z]{4,5}", re.ASCII)
_LETTERS_AND_FIRST_DIGITS = re.compile(r"[A-Z]{1,4}-\d{1,2}", re.ASCII)


_TWO_LETTER_ENDING = re.compile(
    r"(?!(?:OK|ID|AM|PM|NO|SO|IS|IT|US|UK|TV|OR|AN|AT|IN|ON|TO|BY|MY|ME|WE|HE|OF|UP)$)[A-Z]{2}"
)


def letter_suffix(last: Token, tokens: Sequence[Token]) -> list[Token]:
    """The letter an id ends with, said after its digits: "QQ 12 34 56 C", "HZ 73 08 2K" (not "I", a word, nor "A"
    unless it ends the turn: "LIF 0 0 7 2 9 9 1 A", not "4471 a month")."""
    nxt = tokens[last.position + 1] if last.position + 1 < len(tokens) else None
    if nxt is None or nxt.segment != last.segment:
        return []
    core = nxt.text.strip(PUNCTUATION)
    after = tokens[nxt.position + 1] if nxt.position + 1 < len(tokens) else None
    ends = after is None or after.segment != nxt.segment or nxt.text[-1] in PUNCTUATION
    turn_ends = after is None or after.segment != nxt.segment
    # or a last group of a digit and a letter: "HZ 73 08 2K", or of letters and digits mixed: "MORGA 753116 SM9IJ"; or
    # two letters, as an Ontario health card's version code: "4455 221 908 KT" (not a word: "..., OK?")
    letter = (
        re.fullmatch(r"[B-HJ-Z]|\d[A-Z]", core)
        or _MIXED_LAST_GROUP.fullmatch(core)
        or _TWO_LETTER_ENDING.fullmatch(core)
    ) and ends
    if letter or (core == "A" and turn_ends):
        return [nxt]
    # or two letters said apart, the second ending the id: "7523148 W A." (an Irish PPS number's)
    second = after.text.strip(PUNCTUATION) if after is not None and not ends else ""
    second_ends = after is not None and (
        after.position + 1 >= len(tokens)
        or tokens[after.position + 1].segment != after.segment
        or after.text[-1] in PUNCTUATION
    )
    both = re.fullmatch(r"[A-HJ-Z]", core) and re.fullmatch(r"[A-HJ-Z]", second) and second_ends
    # or the mixed last group said in two: "MURPH 712037 J99 4", "MORGA 753116 SM9 IJ"
    split_group = _MIXED_LAST_GROUP.fullmatch(core) and re.fullmatch(r"[A-Z\d]{1,2}", second) and second_ends
    return [nxt, after] if (both or split_group) and after is not None else []


# The last group of a British driving licence's number: "SM9IJ".
_MIXED_LAST_GROUP = re.compile(r"(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z\d]{3,5}", re.ASCII)
_SPELLING_WORDS = ("as", "in")  # "M as in Mary"


def letter_prefix(first: Token, tokens: Sequence[Token]) -> list[Token]:
    """The letters an account number starts with, as said before its digits: "HX dash", "H X", "M as in Mary", or
    with its first digits joined on, too few to be a number of their own ("PT-00 48 17 B")."""
    position = first.position - 1
    taken: list[Token] = []
    letters = 0
    while position >= 0 and tokens[position].segment == first.segment:
        token = tokens[position]
        core = token.text.strip(PUNCTUATION)
        spelled = position >= 3 and [t.norm for t in tokens[position - 2 : position]] == list(_SPELLING_WORDS)
        lower_run = _lower_case_letters_before(tokens, position, first.segment)
        if token.text.endswith(":"):
            break  # the id's name as a heading, not its letters: "CPF: 111.444.777-35"
        if token.norm in _DASHES or (token.norm == "then" and not taken):  # "M, then 0 0 3 ..."
            taken.insert(0, token)
            position -= 1
        elif lower_run >= _MIN_LOWER_CASE_LETTERS or (lower_run == 1 and not taken and core not in _LETTER_WORDS):
            # written in lower case: "p l 5 5 0 9", "c i d 7 7 3", "s 2 1 0 4 8 8 7"
            taken[:0] = tokens[position - lower_run + 1 : position + 1]
            letters += lower_run
            position -= lower_run
        elif spelled and _SPELLED_LETTERS.fullmatch(tokens[position - 3].text.strip(PUNCTUATION)):
            taken[:0] = tokens[position - 3 : position + 1]
            letters += 1
            position -= 4
        elif (core != "I" and _SPELLED_LETTERS.fullmatch(core)) or (
            # right before the digits, or before "dash" and the digits ("AUTO dash 5512 ...")
            not letters and (_LETTERS_AND_FIRST_DIGITS.fullmatch(core) or _LETTER_GROUP.fullmatch(core))
        ):
            taken.insert(0, token)
            letters += 1
            position -= 1
        else:
            break
    while taken and taken[0].norm in _DASHES:
        taken.pop(0)
    return taken if letters else []


_MIN_LOWER_CASE_LETTERS = 2  # "a" and "i" alone are words: "it's a 5 ..."
_LETTER_WORDS = {"a", "i", "o"}  # words, or zero said as "oh"
_MIN_LETTERS_BROKEN_OFF = 2  # "M, T, R...": one capital alone may be a word ("A...")


def letters_broken_off(first: Token, tokens: Sequence[Token]) -> list[Token]:
    """The letters an id starts with where its speaker said them, trailed off and gave the digits in their next
    turn after the other side's backchannel ("Policy is M, T, R..." / "M T R." / "...oh oh four, ...")."""
    if first.position == 0 or tokens[first.position - 1].segment == first.segment:
        return []
    own = [t for t in tokens[: first.position] if t.speaker == first.speaker]
    if not own or not own[-1].text.endswith(TRAILING_OFF):
        return []
    letters: list[Token] = []
    for token in reversed(own):
        core = token.text.strip(PUNCTUATION)
        if token.segment != own[-1].segment or not (len(core) == 1 and core.isupper() and core not in {"I", "A"}):
            break
        letters.insert(0, token)
    return letters if len(letters) >= _MIN_LETTERS_BROKEN_OFF else []


def _lower_case_letters_before(tokens: Sequence[Token], position: int, segment: int) -> int:
    """How many single letters in lower case are said one after another up to ``position``."""
    count = 0
    while position - count >= 0 and tokens[position - count].segment == segment:
        core = tokens[position - count].text.strip(PUNCTUATION)
        if not (len(core) == 1 and core.isalpha() and core.islower()):
            break
        count += 1
    return count


# An international bank account number: country letters, two check digits (said apart from the letters or not),
# then letters and digits in groups.
_IBAN = re.compile(r"\b[A-Z]{2}[ ]?\d{2}(?:[ ]?[A-Z0-9]{1,4}){3,8}\b", re.ASCII)
_IBAN_LENGTHS = range(15, 35)


def _valid_iban(text: str) -> bool:
    """The standard check: the country and check digits moved to the end, letters as numbers, mod 97 is 1."""
    compact = text.replace(" ", "")
    if len(compact) not in _IBAN_LENGTHS:
        return False
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in moved)) % 97 == 1


_TENS_SAID = {"twenty": "2", "thirty": "3", "forty": "4", "fifty": "5", "sixty": "6", "seventy": "7", "eighty": "8",
              "ninety": "9"}  # fmt: skip
_IBAN_COUNTRY = re.compile(r"[A-Z]{2}", re.ASCII)
_IBAN_COUNTRY_AND_CHECK = re.compile(r"[A-Z]{2}\d{2}", re.ASCII)  # "IE29", written together
_IBAN_LETTERS = re.compile(r"[A-Z]{1,4}", re.ASCII)
_SPELLED_WITH_DASHES = re.compile(r"[A-Z0-9](-[A-Z0-9]){1,3}", re.ASCII)
_MAX_SPOKEN_IBAN_TOKENS = 40


def _iban_part(token: Token) -> str | None:
    """What a word read out in an IBAN stands for: a letter or a bank's letters written in capitals ("A", "AIBK"),
    digits ("9311", "nine", "twenty-nine"), or None."""
    core = token.text.strip(PUNCTUATION)
    if _IBAN_LETTERS.fullmatch(core):
        return core
    if _SPELLED_WITH_DASHES.fullmatch(core):
        return core.replace("-", "")  # "B-O-F-I", "D-E-8-6": spelled one by one
    if token.norm in _TENS_SAID:
        return _TENS_SAID[token.norm] + "0"
    tens, _, unit = token.norm.partition("-")
    if tens in _TENS_SAID and unit:
        digit = DIGIT_WORDS.get(unit)
        return None if digit is None or len(digit) != 1 else _TENS_SAID[tens] + digit
    digits = digits_of(token)
    return digits if digits and digits.isdigit() else None


def spoken_ibans(tokens: Sequence[Token]) -> Iterable[tuple[EntityType, list[Token]]]:
    """IBANs read out in words and letters ("IE twenty-nine, A I B K, nine three one one, ..."): from a country's two
    capitals, the longest stretch of letters and digits that passes the IBAN check, in one segment or going on in the
    speaker's next after a backchannel ("The IBAN, IE29..." / "Yes?" / "AIBK 9311 5212 3456 78.")."""
    index = 0
    while index < len(tokens):
        start = tokens[index]
        said = _iban_start(start)
        if said is None:
            index += 1
            continue
        read = [start]
        best = None
        end = index + 1
        while end < len(tokens) and end - index < _MAX_SPOKEN_IBAN_TOKENS:
            if tokens[end].segment != read[-1].segment:
                going_on = _going_on_at(tokens, read[-1], end)
                if going_on is None:
                    break
                end = going_on
            part = _iban_part(tokens[end])
            repeated = tokens[end + 1] if tokens[end].norm in REPEATS and end + 1 < len(tokens) else None
            if repeated is not None and repeated.segment == tokens[end].segment and len(digits_of(repeated) or "") == 1:
                part = (digits_of(repeated) or "") * REPEATS[tokens[end].norm]  # "double zero"
                read.append(tokens[end])
                end += 1
            if part is None:
                break
            said += part
            read.append(tokens[end])
            if len(said) > 4 and said[2:4].isdigit() and _valid_iban(said):
                best = len(read)
            end += 1
        if best is None and len(said) >= _IBAN_LENGTHS.start and said[2:4].isdigit() and _iban_named(tokens, index):
            best = len(read)  # a digit lost or misheard, but said as an IBAN: "..., one two three four five six. That's
            # my IBAN."
        if best is not None:
            yield EntityType.ACCOUNT_NUMBER, read[:best]
            index = read[best - 1].position + 1
        else:
            index += 1


def _going_on_at(tokens: Sequence[Token], last: Token, after: int) -> int | None:
    """Where the speaker of ``last`` goes on after the others' backchannel that begins at ``after``, or None."""
    for position in range(after, min(len(tokens), after + BACKCHANNEL_WORDS + 1)):
        if tokens[position].speaker == last.speaker:
            return position if gone_on_from(tokens, tokens[position]) is last else None
    return None


def _iban_start(token: Token) -> str | None:
    """The characters an IBAN read out begins with: its country's two capitals, on their own ("IE") or spelled with
    dashes with its check digits ("D-E-8-6")."""
    core = token.text.strip(PUNCTUATION)
    if _IBAN_COUNTRY.fullmatch(core) or _IBAN_COUNTRY_AND_CHECK.fullmatch(core):
        return core
    spelled = core.replace("-", "")
    if _SPELLED_WITH_DASHES.fullmatch(core) and _IBAN_COUNTRY.fullmatch(spelled[:2]) and spelled[2:].isdigit():
        return spelled
    return None


_IBAN_NAMED = re.compile(r"\b(iban|i b a n)\b")


def _iban_named(tokens: Sequence[Token], index: int) -> bool:
    """Whether "IBAN" was said in the segment of ``tokens[index]`` or just before it."""
    segment = tokens[index].segment
    near = [t.norm for t in tokens[max(0, index - CONTEXT_WINDOW) : index]]
    near += [t.norm for t in tokens[index:] if t.segment == segment]
    return _IBAN_NAMED.search(" ".join(near)) is not None


_IBAN_NAMED_BEFORE = re.compile(r"\b(?i:iban|i\.?b\.?a\.?n\.?)\b(?:'s| is| was| number is)?[:,]?\s*$")


def _shaped_as_iban(text: str) -> bool:
    """Whether ``text`` has the letters and digits of its country's IBAN, in their places and number (the registry's
    structure: "GB", two digits, four letters, fourteen digits), whatever its check digits say: a character misheard
    or made up breaks the check, and that structure does not come about by chance."""
    compact = iban.compact(text)
    if len(compact) < _IBAN_LENGTHS.start or not compact[:4].isalnum():
        return False
    return iban.is_valid(compact[:2] + iban.calc_check_digits(compact) + compact[4:], check_country=False)


def ibans(text: str) -> Iterable[tuple[int, int]]:
    """Where IBANs are written, each cut back group by group until its check holds, or else its country's structure
    (words may follow it); one named an IBAN right before it is one as written, its check failing only where a
    character was misheard or misread."""
    for match in _IBAN.finditer(text):
        for holds in (_valid_iban, _shaped_as_iban):
            candidate = match.group()
            while candidate and not holds(candidate):
                candidate = candidate.rsplit(" ", 1)[0] if " " in candidate else ""
            if candidate:
                yield match.start(), match.start() + len(candidate)
                break
        else:
            named = _IBAN_NAMED_BEFORE.search(text[: match.start()]) is not None
            if named and len(match.group().replace(" ", "")) in _IBAN_LENGTHS:
                yield match.span()


# A Brazilian taxpayer's number (CPF) as written: "123.456.789-09" (its dash read as a space); no phone number is
# grouped so.
_CPF = re.compile(r"(?<![\w.-])\d{3}\.\d{3}\.\d{3}[-\s]\d{2}(?![\w-]|\.\d)", re.ASCII)
_CPF_BODY = 9


def _cpf_check(digits: str, length: int) -> str:
    """The check digit of a CPF's first ``length`` digits."""
    total = sum(int(digit) * (length + 1 - i) for i, digit in enumerate(digits[:length]))
    return str(total * 10 % 11 % 10)


def cpfs(text: str) -> Iterable[tuple[int, int]]:
    """Where CPF numbers are written: the shape, with both check digits right."""
    for match in _CPF.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if digits[_CPF_BODY] == _cpf_check(digits, _CPF_BODY) and digits[-1] == _cpf_check(digits, _CPF_BODY + 1):
            yield match.span()


# A UK National Insurance number as written: two letters, three pairs of digits, a letter A to D ("JT 48 19 73 B",
# "QQ123456C"). HMRC never issues D, F, I, Q, U or V as either prefix letter nor O as the second, nor the prefixes
# below; those rules leave a shape no product code or flight shares by chance.
_NINO = re.compile(
    r"(?<![\w-])(?P<prefix>[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w-])", re.ASCII
)
_NINO_PREFIXES_NOT_ISSUED = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


# Named before it, the shape alone, whatever its prefix: "National Insurance, QH 44 71 09 C." (a made-up number, or one
# misheard, is still given as the caller's)
_NINO_SHAPE = re.compile(r"(?<![\w-])[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w-])", re.ASCII)
_NINO_NAMED = re.compile(r"\b(?i:national insurance|nino)\b|\bNI\b")


def national_insurance_numbers(text: str) -> Iterable[tuple[int, int]]:
    """Where UK National Insurance numbers are written."""
    for match in _NINO_SHAPE.finditer(text):
        issued = _NINO.fullmatch(match.group())
        if (issued and issued.group("prefix") not in _NINO_PREFIXES_NOT_ISSUED) or _NINO_NAMED.search(
            text, 0, match.start()
        ):
            yield match.span()


# A Ghana Card's personal id number: "GHA", nine digits and a check digit, joined by hyphens however said ("GHA dash
# 728401936 dash 2", "GHA 728401936 2", "GHA -712449038 -2").
# Its digits may be written apart and a comma said after the letters: "GHA, 7 2 1 0 4 4 9 3 8, dash 3"; its letters
# too, and the check digit after a dash Whisper heard as another word ("G, H, A, 7, 2, 9, 3, 8, 1, 4, 0, 6, Mesh 5"):
# the letters and nine digits are one.
_GHANA_CARD = re.compile(
    r"(?<![\w-])(?:GHA|G,?\s+H,?\s+A)(?:,?\s*-\s*|,?\s+(?i:dash),?\s+|,?\s+)(?:\d{9}|\d(?:,?\s\d){8})"
    r"(?:(?:,?\s*-\s*|,?\s+(?i:dash),?\s+|\s+)\d)?(?![\w-])",
    re.ASCII,
)


def ghana_cards(text: str) -> Iterable[tuple[int, int]]:
    """Where Ghana Card numbers are written."""
    return (match.span() for match in _GHANA_CARD.finditer(text))


# An Indian PAN as it is written, five letters (the fourth the holder's kind), four digits and a letter:
# "BNZPK4471R"; its structure checked as the tax department defines it.
_PAN_SHAPED = re.compile(r"(?<![\w-])[A-Z]{5}\d{4}[A-Z](?![\w-])", re.ASCII)


def pans(text: str) -> Iterable[tuple[int, int]]:
    """Where Indian PANs are written."""
    from stdnum.in_ import pan

    return (match.span() for match in _PAN_SHAPED.finditer(text) if pan.is_valid(match.group()))


# A reference or claim number written as one is, capitals then digits in groups joined by hyphens ("CR-953642",
# "TR-2019-88341", "CRN 55-09812-K"), named so right before it: the caller's, unless the business gives it out now,
# as the caller's ("I see your application, reference number ...", "Your refund ...; reference RF-88120").
_NAMED_REFERENCE = re.compile(
    r"\b(?i:reference|ref|claim)(?:\s+(?i:number|no))?(?:'s|\s+is|\s+was)?[:,]?\s+"
    r"(?P<id>[A-Z]{1,4}(?:-|\s)\d+(?:-[A-Z\d]+)+|[A-Z]{1,4}-\d+)(?![\w-])",
    re.ASCII,
)
_MIN_REFERENCE_DIGITS = 5  # not a model's "XR-500" or a flight's "BA-217"


def named_references(text: str) -> Iterable[tuple[int, int]]:
    """Where references written as ids are, named a reference or claim number and not a product's."""
    for match in _NAMED_REFERENCE.finditer(text):
        sentence = re.split(r"[.!?]\s", text[: match.start("id")])[-1].lower()
        digits = sum(c.isdigit() for c in match.group("id"))
        if digits >= _MIN_REFERENCE_DIGITS and not _PRODUCT_ID_NAMED.search(sentence):
            yield match.span("id")


# A British driving licence number as printed, its groups written apart or not: five of the surname (9s after a short
# one), six of the birth date (decade, month, plus 50 for a woman, day, year), two initials (9 for none), a digit and
# two check letters: "MORGA 753116 SM9IJ".
_DRIVING_LICENCE = re.compile(
    r"(?<![\w-])[A-Z][A-Z9]{4}[ ]?\d(?P<month>\d\d)(?P<day>\d\d)\d[ ]?[A-Z][A-Z9]\d[A-Z]{2}(?![\w-])", re.ASCII
)
_WOMAN = 50
_MONTHS = range(1, 13)
_DAYS = range(1, 32)


def driving_licences(text: str) -> Iterable[tuple[int, int]]:
    """Where British driving licence numbers are written: the shape, with a birth month and day that can be."""
    for match in _DRIVING_LICENCE.finditer(text):
        month, day = int(match.group("month")), int(match.group("day"))
        if (month in _MONTHS or month - _WOMAN in _MONTHS) and day in _DAYS:
            yield match.start(), match.end()


# The other side asking for the letters an id ends with, once its digits were given: "And the letter at the end?"
_END_LETTERS_ASKED = re.compile(
    r"\b((the )?(last|final|end|check|closing) letters?|letters? (at|on) the end|letters? (it|that) ends with)\b"
)
_MAX_END_LETTERS = 2


def end_letters_given(accounts: Sequence[Sequence[Token]], tokens: Sequence[Token]) -> Iterable[list[Token]]:
    """The letters the speaker of an id gives when asked for the ones it ends with, in a turn of those letters
    alone ("N E, then 55 12 09." / "And the letter at the end?" / "B.")."""
    for said in accounts:
        last = said[-1]
        after = tokens[last.position + 1 : last.position + 1 + CONTEXT_WINDOW]
        asked_at = next((i for i, t in enumerate(after) if t.speaker != last.speaker), None)
        if asked_at is None:
            continue
        answer_at = next((i for i, t in enumerate(after[asked_at:], asked_at) if t.speaker == last.speaker), None)
        asked = " ".join(t.norm for t in after[asked_at:answer_at])
        if answer_at is None or not _END_LETTERS_ASKED.search(asked):
            continue
        answer = [t for t in tokens if t.segment == after[answer_at].segment]
        letters = [t for t in answer if re.fullmatch(r"[A-Z]", t.text.strip(PUNCTUATION))]
        if letters and len(letters) == len(answer) <= _MAX_END_LETTERS:
            yield answer


# One's own number in a scheme named by its brand, written with capitals: "my Avios number is", "your Flybuys number",
# "put it on my Marriott number,".
_PROGRAMME_NAMED = re.compile(
    r"\b(?i:my|your|his|her|our) (?P<name>(?:[A-Z][\w&'-]* ){1,2})(?:number|no\.?|ID|membership)(?:'s| is| was)?[,:]?$"
)
# A person's id named by the bare word, written in capitals, right before it: "Pieter van der Merwe, ID 7904215082086",
# "my ID is ..." (not "order ID", "transaction ID": a purchase's).
_ID_NAMED = re.compile(r"(?:^|[,;.]|\b(?i:my|your|his|her|their) )\s?I\.?D\.?(?:'s| is| was)?[,:]?$")
_PROGRAMME_LEAD_WORDS = 6


def programme_number_named(first: Token, tokens: Sequence[Token]) -> bool:
    """Whether the words right before ``first`` in its turn name it someone's "ID", or their number in a scheme by the
    scheme's brand (a loyalty, airline or hotel programme); not a card's ("my Visa number") nor a phone's ("my
    WhatsApp number"), which name what they are."""
    lead = " ".join(
        t.text for t in tokens[max(0, first.position - _PROGRAMME_LEAD_WORDS) : first.position]
        if t.segment == first.segment
    )  # fmt: skip
    if _ID_NAMED.search(lead):
        return True
    named = _PROGRAMME_NAMED.search(lead)
    if named is None:
        return False
    name = named.group("name").lower()
    return not any(
        pattern.search(name) for kind, pattern in ASKED_CONTEXTS.items() if kind is not EntityType.ACCOUNT_NUMBER
    )


# A code said character by character or in groups, each of which Whisper glued a hyphen to, as all of an answer:
# "CY -417 -702 -885 -US,", "Sure, it's -22301 -558 -417." Nothing but an id is said so, as all of a segment, with
# five digits or more: the question for it was often heard as other words ("Have you met Racking number there?").
_GROUP_SAID_APART = r"-[A-Za-z0-9]{1,6}"
_CODE_SAID_APART = re.compile(rf"(?<![\w-])(?P<code>-?[A-Za-z0-9]{{1,6}}(?:[\s,]+{_GROUP_SAID_APART}){{2,}})")
# and its groups going on in the speaker's next segment: "F -K -4 -1 -7 -7" / "-2 -9 -0."
_CODE_GOING_ON = re.compile(rf"\s*(?P<code>{_GROUP_SAID_APART}(?:[\s,]+{_GROUP_SAID_APART})*)")
_CODE_LEAD = re.compile(
    r"(?:(?i:yes|yeah|yep|sure|okay|ok|so|um|uh|i do|i have|it's|it is|that's|that is|the number is|my \w+ is)"
    r"[\s,.]*){0,4}"
)
_CODE_END = re.compile(r"\s*[.,?!]?\s*")
_MIN_CODE_DIGITS = 5
# A question for another kind: a postcode, a phone, a birth date, a card's expiry or its code are told by their own
# rules.
_OTHER_KIND_ASKED = re.compile(
    r"\b(?i:post ?code|zip|address|phone|mobile|cell|contact number|birth|born|expir\w*|security|cvv|cvc|amount|"
    r"price|total)\b"
)


def codes_said_apart(segments: Sequence[Segment], found: Sequence[TextSpan]) -> Iterable[TextSpan]:
    """A segment that is a code said apart and nothing else but a lead-in ("Sure, it's"), where no rule found
    anything and the segment before asks for no other kind, and the same speaker's next segment where the code goes
    on in it: an id."""
    ordered = in_time_order(segments)
    taken = {span.segment for span in found}
    for before, segment, after in zip([None, *ordered[:-1]], ordered, [*ordered[1:], None], strict=True):
        if segment.index in taken or (before is not None and _OTHER_KIND_ASKED.search(before.text)):
            continue
        start = _CODE_LEAD.match(segment.text).end()  # type: ignore[union-attr]
        code = _CODE_SAID_APART.match(segment.text, start)
        if code is None or not _CODE_END.fullmatch(segment.text, code.end()):
            continue
        said = [(segment.index, code)]
        if after is not None and after.speaker == segment.speaker and after.index not in taken:
            going_on = _CODE_GOING_ON.match(after.text)
            if going_on and _CODE_END.fullmatch(after.text, going_on.end()):
                said.append((after.index, going_on))
        if sum(char.isdigit() for _, match in said for char in match.group("code")) >= _MIN_CODE_DIGITS:
            yield from (TextSpan(index, match.start("code"), match.end("code")) for index, match in said)


# An id document named as a heading, then its number: "Passport, A 0 3 3 9 8 1 2 4.", "Indian passport, Z 4 3 1 8 8
# 2 7.", "National ID: 2 8 4 1 9 3 0 7."; or with what it is, its number said short: "Passport is P 4 4 1 9 0 2 7
# 3.", "Voter ID's XQW 4481927, if you need it.", "Hunting permit, the number's HP 2024 0093 117." The number, its
# digits with a letter or a few around them, ends what is said, its sentence or its clause.
_ID_DOCUMENT_HEADING = re.compile(
    r"^\s*(?:(?i:um|uh|so|yes|yeah|okay|ok|sure),?\s+)?(?:[A-Z][a-z]+\s+)?"
    r"(?i:passport|driving licen[cs]e|driver'?s licen[cs]e|national id|id card|voter(?:'s)? id(?: card)?|voter'?s card"
    r"|permit)(?:\s*[,:]|'s|\s+is)\s+(?:(?i:the )?(?i:number|no)(?:'s|\s+is)\s+)?"
    r"(?P<id>[A-Z]{0,3}(?:[\s-]?\d){6,12}(?:[\s-]?[A-Z]){0,2})(?=\s*[.;!?]?\s*$|[.;,]\s)"
)


def ids_named_as_heading(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """An id document's number said after its name alone, as a heading."""
    for segment in segments:
        if heading := _ID_DOCUMENT_HEADING.match(segment.text):
            yield TextSpan(segment.index, heading.start("id"), heading.end("id"))


# How an id starts, told by the one who asked for it: "It usually starts with DC." / "Oh yes, here it is, DC -814
# -227," (its letters heard as said, its digits in groups)
_STARTS_WITH = re.compile(
    r"\b(?i:it|they|that|yours|the \w+)(?:'s|\s+is|\s+are)?\s+"
    r"(?i:(?:usually|normally|always|should|will|would)\s+)?(?i:starts?|begins?|starting|beginning)\s+with\s+"
    r"(?:(?i:an?|the letters?)\s+)?(?P<letters>[A-Z](?:[\s.-]?[A-Z]){0,3})\b"
)
_TURNS_TO_GIVE_IT = 3
_LETTER_GAP = r"[\s.-]?"
_MIN_DIGITS_GIVEN = 4


def ids_begun_as_told(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """An id the other side gives starting with the letters just told it starts with, its digits after them; not a
    product's serial."""
    ordered = in_time_order(segments)
    for position, segment in enumerate(ordered):
        for told in _STARTS_WITH.finditer(segment.text):
            if _PRODUCT_ID_NAMED.search(segment.text.lower()):
                continue  # "Serial number on the back of the unit should start with S N ...": a product's
            letters = re.sub(r"[^A-Z]", "", told.group("letters"))
            spaced = _LETTER_GAP.join(letters)
            given = re.compile(rf"(?<![\w-]){spaced}[\s.,-]*\d(?:[\d\s,.-]*\d)?")
            later = ordered[position + 1 : position + 1 + _TURNS_TO_GIVE_IT]
            for answer in (s for s in later if s.speaker != segment.speaker):
                for match in given.finditer(answer.text):
                    if len(re.sub(r"\D", "", match.group())) >= _MIN_DIGITS_GIVEN:
                        yield TextSpan(answer.index, match.start(), match.end())
