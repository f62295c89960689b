"""Answers to a question for personal data: what the other side says back is of the kind asked, however Whisper
heard it.

Whisper turns a name, a street or a code of letters and digits into any words ("SMESM .TURBERG", "-28B trolled.
Kudy."), so rules that read the words miss them; the dialogue around them is heard well: the agent asked for a
name, and the next turn is the name. These rules take the words of such an answer that no rule of its kind read.

One sentence per rule:

- Asked: a turn asks for the kinds named in its last sentence that names one (if one of its last two), when that
  sentence asks (a question mark, a request such as "can I take", or the thing's name ending it: "Name for the
  booking.") and gives no value after the name or three digits anywhere (told or read back: "your claim number is
  ...") (``context.kinds_asked``).
- Asked of whom: where roles are known, a caller asks the business only for a name, as its address and numbers
  are its own.
- The answer: the other speaker's next segments, on through the asker's backchannels ("Yes.", "Mm-hmm."), until
  the asker says more, a pause longer than a number is read over, four segments, or a question back.
- Its value: the answer's clauses (cut at punctuation, and at "and", "but", "so" before a new subject) less their
  lead-ins ("yes", "it's", "my name is", "the reference is"; "I'm" only before a name), from the first with words
  left on while none has a word sentences are made of (a pronoun or possessive, a verb such as "is", "need",
  "take", a question word), so an answer that starts as a sentence ("I'd rather not", "yes, he is", "Our office
  ..."), says where the value is ("It's on page 2") or gives an age ("I'm 43") gives none.
- Its kind: the first kind asked that no other rule found in the answer, so an answer they found that kind in is
  theirs alone ("Joint, me and my wife, Ahmed and Samira Qureshi": not "Joint"), except an address, said in parts
  any of which may be misheard, whose parts beside the one found are taken too.
- What is redacted: each run of the value's words, within a segment, that no other rule took, without function
  words at its ends, if it looks like its kind: a number's digits as many as that kind has (a birth date's with
  its month), an account's a digit or letters said apart, an address's a digit or two capitalised words, a name's
  every word capitalised (in a transcript with capitals) unless Whisper was unsure of one of them (confidence
  below 0.2: a name written as common words, "image and press cut"), no digit, no "in the" nor day, at most six words;
  nothing counted ("3 - 5 working days", "19 digits") and no "same as before".
- Whisper's hyphen-led words ("-I'm", "-J") are characters said apart, never words of a sentence.
- A name asked for, answered in a short segment of words Whisper was unsure of (``names_unheard``): all of it, even
  where it reads as a sentence ("No hand vendor me." for "Johan van der Merwe").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from shared.models.redaction import EntityType
from shared.models.transcript import Segment
from shared.redaction.detection.context import AGENT, CALLER, CONTEXTS, DIGIT_LENGTHS, asks_anew, kinds_asked
from shared.redaction.detection.spoken import (
    MAX_PAUSE_MS,
    MONTHS,
    PUNCTUATION,
    UNITS,
    YES_ABROAD,
    Entity,
    TextSpan,
    Token,
    digits_of,
    in_time_order,
    pause_ms,
    unsure_words,
)

# Words that only lead into an answer or acknowledge: "Yes, it's ...", "Sure, ...", "..., thanks."
_LEAD_WORDS = {
    "yes", "yeah", "yep", "yup", "ya", "sure", "okay", "ok", "right", "alright", "um", "umm", "uhm", "uh", "erm",
    "er", "hmm", "mm", "mhm", "ah", "so", "well", "hi", "hello", "hey", "and", "no", "nope", "sorry", "certainly",
    "absolutely", "please", "thanks", "thank", "cheers", "great", "perfect", "lovely", "brilliant", "fine", "good",
    "correct", "exactly", "indeed", "cool", "awesome", "wonderful", "excellent", "ma'am", "sir", "madam", "then",
    "speaking",  # "Am I speaking to Dmitri Volkov?" / "Speaking, yes."
    *YES_ABROAD,
}  # fmt: skip
_LEAD_PHRASES = [
    tuple(phrase.split())
    for phrase in (
        "it's", "its", "it is", "that's", "that is", "it'll be", "it will be", "it'd be",
        "it would be", "that'd be", "that would be", "that'll be", "it should be", "of course", "go ahead",
        "under the name of", "under the name", "under", "here you go", "here it is", "let me see", "let me check",
        "let me think", "hang on", "hold on", "one sec", "one second", "one moment", "just a sec", "just a second",
        "just a moment", "i think it's", "i think", "i believe", "it ends in", "it ends with", "ends in", "ends with",
        "it starts with", "starts with", "thank you", "name's", "it was", "that was",
    )
]  # fmt: skip
# Who is speaking, which leads into a name alone: "I'm Rosa Delgado", not "I'm 43" nor a digit misheard ("I'm zero").
_NAME_LEAD_PHRASES = [("i'm",), ("i", "am"), ("this", "is")]
_LEAD_PHRASES.sort(key=len, reverse=True)
# "oh" leads in only where no digits follow: "Oh 627" is "0627".
_OH = {"oh", "o"}
# Words a sentence is made of, which no name, address or code is: a clause, not a value.
_CLAUSE_WORDS = {
    "i", "i'm", "i've", "i'll", "i'd", "me", "you", "you're", "you've", "you'll", "he", "she", "they", "we", "he's",
    "she's", "we're", "they're", "we've", "they've", "him", "them", "us", "is", "are", "was", "were", "am", "be",
    "been", "being", "do", "does", "did", "don't", "dont", "doesn't", "didn't", "have", "has", "had", "haven't",
    "hasn't", "hadn't", "can", "can't", "cannot", "could", "couldn't", "will", "won't", "would", "wouldn't", "shall",
    "should", "shouldn't", "might", "must", "need", "needs", "want", "wants", "wanted", "think", "know", "knew",
    "got", "get", "gets", "give", "gave", "wrote", "write", "lost", "moved", "check", "checking", "find", "found",
    "look", "looking", "remember", "forgot", "forget", "mean", "said", "say", "says", "tell", "told", "see", "saw",
    "hold", "hang", "wait", "let", "like", "prefer", "rather", "not", "never", "why", "what", "how", "when",
    "where", "who", "which", "whose", "just", "actually", "really", "maybe", "probably", "already", "also", "still",
    "because", "if", "it's", "that's", "there's", "what's", "here's", "pay", "paid", "use", "using", "used",
    "call", "calling", "called", "ring", "text", "send", "sent", "change", "changed", "update", "updated",
    "cancel", "help", "try", "trying", "going", "gonna", "wanna", "it", "this", "that", "there", "here", "born",
    "ask", "take", "takes", "took", "go", "goes", "went", "come", "comes", "came", "about",
    # whose: "my son tobias wren", "our office, Tower C": who or what the value is of, said as a sentence
    "my", "your", "his", "her", "our", "their",
}  # fmt: skip
_POSSESSIVES = {"my", "your", "his", "her", "our", "their", "the"}
# Said first, it tells where the value is or what it is about, not the value: "It's on page 2", "in my name".
_NOT_FIRST = {"on", "in", "from", "with", "by", "around", "near", "one"}
# Counted, not said as a value: "3 - 5 working days", "19 digits", "about 3 lines down".
_COUNTED = UNITS | {
    "digits", "digit", "numbers", "lines", "line", "ones", "page", "pages", "times", "old", "seconds", "second",
    "secs", "sec", "moment", "moments",
}  # fmt: skip
# Ambiguous with a name where written with a capital inside a clause: "Will", "May", "Can".
_NAME_LIKE_CLAUSE_WORDS = {"will", "can", "may", "mark", "rather", "hope", "pat", "bill", "sue"}
# Said to start a new subject: "Rosa Delgado and she is ...", "14 Elm Road, but I'm moving".
_CONJUNCTIONS = {"and", "but", "so", "because", "cos", "though"}
# Inside a value, never its first or last word: "Flat 2 of Green Park", "Unit 6, 28 ...".
_FUNCTION_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from"}
# A value that is no value: "The same as before.", "No idea."
_NO_VALUE = re.compile(
    r"\b(same|as before|as above|n/a|none|nothing|not applicable|no idea|unknown|anything|everything|usual|"
    r"one (moment|sec|second|minute)|one of)\b"
)
# How many digits a number of each kind has, counted in a piece the number rules left.
_DIGITS = {EntityType.CARD_NUMBER: range(13, 20)}
# Said between a name's words: "Lucía de la Fuente", "SMESM .TURBERG, a CHTR BDRG" (a letter spelled).
_NAME_JOINS = {"a", "and", "de", "la", "del", "van", "von", "der", "den", "da", "di", "du", "bin", "al", "el", "le"}
_WHEN_WORDS = MONTHS | {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow", "yesterday",
    "morning", "afternoon", "evening", "night", "week", "weekend",
}  # fmt: skip
_SENTENCE_END = ".?!"
_CLAUSE_END = ".?!,;:"
_ANSWER_SEGMENTS = 4
# An address is said in parts, each of which Whisper may write as a segment of its own: "Flat 6." / "92 Kingsway." /
# "Manchester." / "M19." / "2LL."
_ADDRESS_ANSWER_SEGMENTS = 6
_MAX_NAME_WORDS = 6
_NUMBER_KINDS = {
    EntityType.CARD_NUMBER,
    EntityType.CARD_EXPIRY,
    EntityType.CARD_SECURITY_CODE,
    EntityType.PHONE_NUMBER,
    EntityType.SSN,
    EntityType.DATE_OF_BIRTH,
}
# The one serving, where the transcript names roles, is the only one to ask for more than a name.
_ROLES = {AGENT, CALLER}


@dataclass(frozen=True)
class _Turn:
    speaker: str
    segments: tuple[Segment, ...]
    tokens: tuple[Token, ...]


def answered_values(segments: Sequence[Segment], tokens: Sequence[Token], found: Sequence[Entity]) -> Iterable[Entity]:
    """The words of answers to questions for personal data that ``found`` (the other rules' entities) left."""
    turns = _turns(segments, tokens)
    covered: dict[int, list[tuple[int, int]]] = {}
    for entity in found:
        for span in entity.spans:
            covered.setdefault(span.segment, []).append((span.start, span.end))
    lower_case = not any(c.isupper() for segment in segments for c in segment.text if c.isalpha() and c != "I")
    unsure = unsure_words(segments)
    for position, turn in enumerate(turns[:-1]):
        kinds = kinds_asked(" ".join(segment.text for segment in turn.segments))
        if turn.speaker in _ROLES and turn.speaker != AGENT:
            kinds = [kind for kind in kinds if kind is EntityType.PERSON_NAME]
        elif not kinds and position and _line_asked_after_named(turns[position - 1], turn):
            kinds = [EntityType.PHONE_NUMBER]
        if not kinds:
            continue
        answer = _answer(turns, position, _ADDRESS_ANSWER_SEGMENTS if EntityType.ADDRESS in kinds else _ANSWER_SEGMENTS)
        if not answer:
            continue
        value = _value(answer, EntityType.PERSON_NAME in kinds)
        if not value:
            continue
        kinds = [*kinds, *(kind for kind in _kinds_told(answer) if kind not in kinds)]
        yield from _entities(value, answer, kinds, covered, found, lower_case or unsure)


# "The number" asked for alone, after the other side asked to be texted or called on theirs: "Can you send the new
# ticket to my number?" / "Sure, what's the number?"
_NUMBER_ASKED_ALONE = re.compile(r"\b(?:what's|what is|which is) (?:the|that|your) number\W*$", re.IGNORECASE)
_OWN_LINE_NAMED = re.compile(
    r"\b(?:to|on) (?:my|her|his|another|a different) (?:number|phone|mobile|cell)\b"
    r"|\b(?:text|call|ring|sms|whatsapp) (?:me|her|him)\b",
    re.IGNORECASE,
)


def _line_asked_after_named(before: _Turn, turn: _Turn) -> bool:
    """Whether ``turn`` asks for "the number" right after the turn before (the other side's) named their line to be
    reached on."""
    asked = " ".join(segment.text for segment in turn.segments)
    named = " ".join(segment.text for segment in before.segments)
    return _NUMBER_ASKED_ALONE.search(asked) is not None and _OWN_LINE_NAMED.search(named) is not None


# Numbers an answer may name as it gives them: "and the security code is ...".
_TOLD_KINDS = {
    kind: re.compile(rf"(?:{CONTEXTS[kind].pattern})\s+(?:is|was)\b")
    for kind in (EntityType.CARD_SECURITY_CODE, EntityType.CARD_EXPIRY, EntityType.PHONE_NUMBER, EntityType.SSN)
}


def _kinds_told(answer: Sequence[Token]) -> list[EntityType]:
    """The kinds of number the answer names as it gives them, whatever was asked: the expiry asked for, "-0 -6 -28.
    And the security code is i1 -4," gives the code too."""
    said = " ".join(token.norm for token in answer)
    return [kind for kind, told in _TOLD_KINDS.items() if told.search(said)]


def _turns(segments: Sequence[Segment], tokens: Sequence[Token]) -> list[_Turn]:
    """Consecutive segments of one speaker, in time order, with their words."""
    by_segment: dict[int, list[Token]] = {}
    for token in tokens:
        by_segment.setdefault(token.segment, []).append(token)
    ordered = in_time_order(s for s in segments if s.index in by_segment)
    turns: list[_Turn] = []
    for segment in ordered:
        said = tuple(by_segment[segment.index])
        if turns and turns[-1].speaker == segment.speaker:
            last = turns[-1]
            turns[-1] = _Turn(last.speaker, (*last.segments, segment), last.tokens + said)
        else:
            turns.append(_Turn(segment.speaker, (segment,), said))
    return turns


def _answer(turns: Sequence[_Turn], asked_at: int, most_segments: int) -> list[Token]:
    """The words of the answer to turn ``asked_at``: the next turn, and the answerer's turns after only a
    backchannel of the asker's, over no long pause and no more than ``most_segments`` segments."""
    asker = turns[asked_at].speaker
    said: list[Token] = []
    segments = 0
    for turn in turns[asked_at + 1 :]:
        if turn.speaker == asker:
            if asks_anew(list(turn.tokens), ""):
                break
            continue
        for segment_tokens in _by_segment(turn.tokens):
            if said and pause_ms(said[-1], segment_tokens[0]) > MAX_PAUSE_MS:
                return said
            said.extend(segment_tokens)
            segments += 1
            if segments >= most_segments:
                return said
    return said


def _by_segment(tokens: Sequence[Token]) -> list[list[Token]]:
    groups: list[list[Token]] = []
    for token in tokens:
        if groups and groups[-1][-1].segment == token.segment:
            groups[-1].append(token)
        else:
            groups.append([token])
    return groups


def _value(answer: Sequence[Token], name_asked: bool) -> list[list[Token]]:
    """The value's clauses: from the first clause with words after its lead-in, while each is no sentence; none
    where the answer starts with a sentence, and none from a question back on."""
    value: list[list[Token]] = []
    for position, sentence in enumerate(_sentences(answer)):
        if sentence[-1].text.rstrip().endswith("?"):
            break  # a question back: "Sorry, which number?"
        if position == 0 and _denied_first(sentence, name_asked):
            continue  # "Still at the same address?" / "No, we moved. It's 33 ...": the new value follows
        for clause in _clauses(sentence):
            words = clause[_lead_end(clause, name_asked) :]
            while words and _is_lead(words[-1]):
                words = words[:-1]  # "..., thanks."
            if not words:
                continue
            sentence_like = any(_clause_word(token, index) for index, token in enumerate(words))
            if sentence_like or (not value and _not_a_value(clause, words)):
                return value
            value.append(words)
    return value


_DENIALS = {"no", "nope", "nah"}


def _denied_first(sentence: Sequence[Token], name_asked: bool) -> bool:
    """Whether ``sentence`` is only a "no" and a few words of why, said before the value: "No, we moved."."""
    clauses = _clauses(sentence)
    if len(clauses) < 2 or clauses[0][0].norm not in _DENIALS or len(clauses[0]) > 1:
        return False
    rest = [token for clause in clauses[1:] for token in clause]
    return len(rest) <= _DENIAL_WORDS and any(_clause_word(token, index) for index, token in enumerate(rest))


_DENIAL_WORDS = 4  # "No, we've moved since."


def _not_a_value(clause: Sequence[Token], words: Sequence[Token]) -> bool:
    """Whether an answer's first words say where its value is ("It's on page 2"), or one's age ("I'm 43")."""
    lead = [token.norm for token in clause[: len(clause) - len(words)]]
    age = bool({"i'm", "am", "he's", "she's"} & set(lead)) and digits_of(words[0]) is not None
    return words[0].norm in _NOT_FIRST or age


def _sentences(tokens: Sequence[Token]) -> list[list[Token]]:
    """Split at a sentence's mark and at the end of a segment."""
    sentences: list[list[Token]] = [[]]
    for index, token in enumerate(tokens):
        sentences[-1].append(token)
        last = index + 1 == len(tokens)
        if last or token.text[-1] in _SENTENCE_END or tokens[index + 1].segment != token.segment:
            sentences.append([])
    return [s for s in sentences if s]


def _clauses(sentence: Sequence[Token]) -> list[list[Token]]:
    """Split at a comma or the like, and before a conjunction a new subject follows ("and she was born ...")."""
    clauses: list[list[Token]] = [[]]
    for index, token in enumerate(sentence):
        following = sentence[index + 1] if index + 1 < len(sentence) else None
        if token.norm in _CONJUNCTIONS and following is not None and _clause_word(following, 1) and clauses[-1]:
            clauses.append([])
        clauses[-1].append(token)
        if token.text[-1] in _CLAUSE_END:
            clauses.append([])
    return [c for c in clauses if c]


def _lead_end(clause: Sequence[Token], name_asked: bool) -> int:
    """Where the clause's lead-in ("yes, it's", "my name is", "the reference is") ends."""
    index = 0
    while index < len(clause):
        norms = [token.norm for token in clause[index:]]
        if norms[0] in _OH and not (len(norms) > 1 and digits_of(clause[index + 1]) is not None):
            index += 1
            continue
        if _is_lead(clause[index]):
            index += 1
            continue
        phrases = _NAME_LEAD_PHRASES + _LEAD_PHRASES if name_asked else _LEAD_PHRASES
        phrase = next((p for p in phrases if tuple(norms[: len(p)]) == p), None)
        if phrase is not None:
            index += len(phrase)
            continue
        told = _told_lead(clause, index)
        if told is None:
            break
        index = told
    return index


_COPULAS = {"is", "was", "are"}
_TOLD_WORDS = 4  # "My member number is", "The reference is", "Her name is"
_TOLD_THING = re.compile(
    r"name|surname|number|no|id|reference|ref|code|postcode|zip|address|email|date|birthday|card|account|policy|"
    r"member|membership|expiry|cvv|phone|mobile|cell|licence|license|passport|social|ssn|booking|order|claim"
)


def _told_lead(clause: Sequence[Token], start: int) -> int | None:
    """The end of "<what> is" leading the clause ("my member number is", "surname is", "policy number's"), where
    what is told is a thing asked for by its name, no pronoun and no digits ("the deal was 2 for 1": no lead)."""
    for index in range(start, min(len(clause), start + _TOLD_WORDS + 1)):
        token = clause[index]
        named = any(_TOLD_THING.fullmatch(t.norm.removesuffix("'s")) for t in clause[start : index + 1])
        if token.norm in _COPULAS and index > start:
            return index + 1 if named else None
        if token.norm.endswith("'s") and token.norm not in _CLAUSE_WORDS:
            return index + 1 if named else None
        if index == start and token.norm in _POSSESSIVES:
            continue  # "my member number is", "her name is"
        if token.norm in _CLAUSE_WORDS or digits_of(token) is not None or token.text[-1] in _CLAUSE_END:
            return None
    return None


def _is_lead(token: Token) -> bool:
    return token.norm in _LEAD_WORDS and not token.hyphen_led


def _clause_word(token: Token, index: int) -> bool:
    """Whether ``token`` is a word of a sentence: not where Whisper wrote characters said apart ("-I'm"), nor a
    name-like word with a capital inside the clause ("Will")."""
    if token.hyphen_led or token.norm not in _CLAUSE_WORDS:
        return False
    core = token.text.strip(".,;:!?\"'()")
    return not (index > 0 and token.norm in _NAME_LIKE_CLAUSE_WORDS and core[:1].isupper())


def _entities(
    value: Sequence[Sequence[Token]],
    answer: Sequence[Token],
    kinds: Sequence[EntityType],
    covered: dict[int, list[tuple[int, int]]],
    found: Sequence[Entity],
    unsure: bool | set[tuple[int, int]],
) -> Iterable[Entity]:
    """The value's words no other rule took, as the first kind asked that no rule found in the answer, if they look
    like it."""
    words = [token for clause in value for token in clause]
    if _NO_VALUE.search(" ".join(token.norm for token in words)):
        return
    given = {
        entity.type
        for entity in found
        for span in entity.spans
        for token in answer
        if token.segment == span.segment and span.start < token.end and token.start < span.end
    }
    kind = next((kind for kind in kinds if kind not in given), None)
    if kind is None and EntityType.ADDRESS in kinds:
        kind = EntityType.ADDRESS  # said in parts, any of them misheard: "Roll out to box 18, Bravillberg, S0H 1X0"
    if kind is None:
        return
    if kind is EntityType.PERSON_NAME and sum(t.norm not in _FUNCTION_WORDS for t in words) > _MAX_NAME_WORDS:
        return
    pieces = _uncovered_pieces(value, covered)
    looking = [piece for piece in pieces if _looks_like(kind, piece, unsure)]
    if kind is EntityType.ADDRESS and (looking or EntityType.ADDRESS in given):
        # a town or a street said as a part of its own beside the address's other parts: "92 Kingsway." /
        # "Manchester."
        looking = [piece for piece in pieces if piece in looking or _a_place_word(piece)]
    pieces = looking
    if pieces:
        yield Entity(kind, tuple(TextSpan(piece[0].segment, piece[0].start, piece[-1].end) for piece in pieces))


def _uncovered_pieces(value: Sequence[Sequence[Token]], covered: dict[int, list[tuple[int, int]]]) -> list[list[Token]]:
    """Runs of the value's words, within one segment, that no other rule's entity touches, without function words
    at their ends."""
    pieces: list[list[Token]] = [[]]
    previous: Token | None = None
    for clause in value:
        for token in clause:
            taken = any(start < token.end and token.start < end for start, end in covered.get(token.segment, ()))
            after = previous is not None and (previous.position + 1, previous.segment)
            apart = previous is not None and after != (token.position, token.segment)
            if taken or apart:
                pieces.append([])
            if not taken:
                pieces[-1].append(token)
            previous = token
    trimmed = []
    for piece in pieces:
        while piece and (piece[0].norm in _FUNCTION_WORDS or _is_lead(piece[0])):
            piece = piece[1:]
        while piece and (piece[-1].norm in _FUNCTION_WORDS or _is_lead(piece[-1])):
            piece = piece[:-1]
        if piece:
            trimmed.append(piece)
    return trimmed


def _a_place_word(piece: Sequence[Token]) -> bool:
    """Whether ``piece`` is a capitalised word alone, as a town or a street is said."""
    return (
        len(piece) == 1
        and piece[0].text.lstrip("-")[:1].isupper()
        and piece[0].norm not in _WHEN_WORDS | _CLAUSE_WORDS | _LEAD_WORDS | _COUNTED
    )


def _written_as_name(token: Token) -> bool:
    core = token.text.strip(".,;:!?\"'()-")
    return token.hyphen_led or core[:1].isupper()


# "zip plus four" said after a ZIP names it; "Postal Code 441 603" before one is heard and labelled with it
_CODE_NAMING_WORDS = {"zip", "plus", "four"}


def _looks_like(kind: EntityType, piece: Sequence[Token], unsure: bool | set[tuple[int, int]]) -> bool:
    """Whether ``piece`` may be of ``kind``; ``unsure`` is True in a transcript without capitals, else where Whisper
    was unsure of its words (a name it wrote as common words: "image and press cut")."""
    lower_case = unsure is True
    guessed = unsure is not True and any((t.segment, t.start) in unsure for t in piece) if unsure else False
    digits = sum(len(digits_of(token) or re.sub(r"\D", "", token.norm)) for token in piece)  # "-28B": 2
    capitals = sum(1 for token in piece if token.text.lstrip("-")[:1].isupper() and token.norm != "i")
    if any(token.norm in _COUNTED for token in piece):
        return False
    if kind is EntityType.DATE_OF_BIRTH:
        return digits > 0 and any(t.norm in MONTHS for t in piece)
    if kind in _NUMBER_KINDS:
        return digits in _DIGITS.get(kind, DIGIT_LENGTHS.get(kind, range(0)))
    if kind is EntityType.ACCOUNT_NUMBER:
        return digits > 0 or any(t.hyphen_led or re.fullmatch(r"[A-Z]{1,4}", t.text.strip(".,;:!?")) for t in piece)
    if kind is EntityType.ADDRESS:
        if all(token.norm in _CODE_NAMING_WORDS for token in piece):
            return False  # "30309-4512, zip plus four.": what the code is, said after it
        return digits > 0 or capitals > 1 or (lower_case and len(piece) > 1)
    if kind is EntityType.PERSON_NAME:
        # "Woodgrove's AI assistant", "Monday in the morning", "Billing in the end": no one's name
        words = [t for t in piece if t.norm not in _NAME_JOINS]
        return (
            digits == 0
            and not any(t.norm in _FUNCTION_WORDS or t.norm in _WHEN_WORDS for t in words)
            and (lower_case or guessed or all(_written_as_name(t) for t in words))
        )
    return False


_UNHEARD = 0.75  # Whisper's mean confidence in an answer it made words of: "No hand vendor me." (0.32)
_MAX_UNHEARD_WORDS = 6


def names_unheard(segments: Sequence[Segment], tokens: Sequence[Token], found: Sequence[Entity]) -> Iterable[Entity]:
    """The first segment of an answer to a question for a name, where Whisper heard the name as common words and was
    unsure of them ("And your name?" / "No hand vendor me." for "Johan van der Merwe"; "And the passenger name?" /
    "In rent, where is she?" for "Imran Qureshi"): all of it, where no rule found anything in it. A short answer only,
    and only where the engine gives each word's confidence."""
    covered = {span.segment for entity in found for span in entity.spans}
    turns = _turns(segments, tokens)
    for turn, answer in itertools.pairwise(turns):
        if EntityType.PERSON_NAME not in kinds_asked(" ".join(segment.text for segment in turn.segments)):
            continue
        segment = answer.segments[0]
        confidences = [word.confidence for word in segment.words if word.confidence is not None]
        if segment.index in covered or not confidences or len(segment.words) > _MAX_UNHEARD_WORDS:
            continue
        if sum(confidences) / len(confidences) < _UNHEARD:
            text = segment.text.rstrip(PUNCTUATION + " ")
            start = len(text) - len(text.lstrip())
            yield Entity(EntityType.PERSON_NAME, (TextSpan(segment.index, start, len(text)),))
