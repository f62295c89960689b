"""Words as said: the token stream every rule reads, and the digits words stand for ("4111", "seven", "double four")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from text_to_num import text2num

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


DIGIT_WORDS = {
    "zero": "0", "oh": "0", "o": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11",
    "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16",
    "seventeen": "17", "eighteen": "18", "nineteen": "19",
}  # fmt: skip

TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
REPEATS = {"double": 2, "triple": 3}
# Said while thinking, inside a value or between its tries: "233 hmm 233-90-5547", "twenty second, uh, of June"
HESITATIONS = frozenset({"uh", "um", "er", "ah", "erm", "hmm"})

# Whisper joins digits with hyphens and commas, and sometimes starts the next group with a comma: ",4".
_NUMERIC_TOKEN = re.compile(r"[#(+]?\d[\d,.\-/()]*", re.ASCII)  # "+49": a country code
LETTERED_NUMBER = re.compile(r"[a-z]{1,4}-?\d{3,}", re.ASCII)
ORDINAL_DIGITS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)", re.ASCII)

# "Yes" in the languages callers switch to: a word that leads into an answer ("Ja, 1072 KP, ..."), no one's name
# ("Sim, that's me.").
YES_ABROAD = frozenset({"ja", "sí", "si", "sì", "sim", "oui", "tak"})
# A yes that confirms what the turn then names ("Yeah, 22nd of July, that's right."): narrower than the words an
# answer may lead with, as "right" and "okay" also begin a booking ("And you'd like it on the 3rd of August, right.").
YES = frozenset({"yes", "yeah", "yep", "yup", "correct", "exactly", *YES_ABROAD})
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip

PUNCTUATION = ".,;:!?\"'()[]"
MAX_PAUSE_MS = 10_000  # a number read over a longer pause is two numbers


@dataclass(frozen=True)
class Token:
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


# A word, or what was said before trailing off with no space after it: "228-...hold on" is "228-..." and "hold".
_WORD = re.compile(r"\S+?(?:\.\.\.|\u2026)(?=[^\s.\u2026])|\S+")


def tokenise(segments: Sequence[Segment]) -> list[Token]:
    ordered = in_time_order(segments)
    tokens: list[Token] = []
    for segment in ordered:
        for match in _WORD.finditer(segment.text):
            # The span leaves out punctuation around the word, so redaction keeps the sentence's full stop.
            raw = match.group()
            core = raw.strip(PUNCTUATION) or raw
            start = match.start() + raw.find(core)
            hyphen_led = len(core) > 1 and core[0] == "-" and core[1].isalnum()
            tokens.append(
                Token(
                    len(tokens), segment.index, segment.speaker, start, start + len(core), raw,
                    core[hyphen_led:].lower(), hyphen_led, segment.start_ms, segment.end_ms,
                )
            )  # fmt: skip
    return _numbers_said_abroad(tokens)


# The languages calls switch into whose numbers text2num reads, and Polish (read below), with the word each joins a
# number's parts with ("cuarenta y dos", "quarante et un", "setenta e cinco"; German and Dutch write them as one word,
# Polish joins them with none).
_JOINED_BY = {"de": "und", "fr": "et", "es": "y", "pt": "e", "it": "e", "nl": "en", "pl": ""}
# English words too, which alone do not tell that a number was said in another language: Portuguese "um" is "um"
_ENGLISH_WORDS_TOO = {
    *DIGIT_WORDS, *TENS, "hundred", "thousand", "um", "once", "due", "sept", "elf", "un", "dos", "cent", "mil", "null",
}  # fmt: skip


def _number_abroad(words: str, language: str) -> int | None:
    if language == "pl":
        return _polish_number(words.split())
    try:
        return text2num(words, language)
    except ValueError:
        return None


# Polish, which text2num does not read: each word's value and rank (hundreds 3, tens 2, teens 1.5, units 1).
_POLISH_WORDS = {
    **{word: (value, 1.0) for value, word in enumerate(
        ["zero", "jeden", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć"]
    )},
    "jedna": (1, 1.0), "jedno": (1, 1.0), "dwie": (2, 1.0),
    **{word: (value, 1.5) for value, word in enumerate(
        ["dziesięć", "jedenaście", "dwanaście", "trzynaście", "czternaście", "piętnaście", "szesnaście",
         "siedemnaście", "osiemnaście", "dziewiętnaście"], start=10
    )},
    **{word: (value * 10, 2.0) for value, word in enumerate(
        ["dwadzieścia", "trzydzieści", "czterdzieści", "pięćdziesiąt", "sześćdziesiąt", "siedemdziesiąt",
         "osiemdziesiąt", "dziewięćdziesiąt"], start=2
    )},
    **{word: (value * 100, 3.0) for value, word in enumerate(
        ["sto", "dwieście", "trzysta", "czterysta", "pięćset", "sześćset", "siedemset", "osiemset", "dziewięćset"],
        start=1,
    )},
}  # fmt: skip


def _polish_number(words: Sequence[str]) -> int | None:
    """A number below a thousand said in Polish, its parts from the largest down: "sześćset dwa" is 602, "czterdzieści
    osiem" 48; None for words that are no one number ("dwa trzy", "zero jeden")."""
    value, rank = 0, 4.0
    for word in words:
        part = _POLISH_WORDS.get(word)
        if part is None or part[1] >= rank or (rank == 1.5 and part[1] == 1.0) or (part[0] == 0 and len(words) > 1):
            return None
        value, rank = value + part[0], part[1]
    return value


def _numbers_said_abroad(tokens: list[Token]) -> list[Token]:
    """``tokens`` with each number said in another language made one token written as figures, as every rule for
    numbers reads them: "Null eins fünf eins" reads "0 1 5 1", "zéro six, quarante-sept" reads "0 6, 47",
    "cuarenta y dos" reads "42". Only where two or more of a language's number words run on in one segment, or one
    names the day before "de" and its month ("quince de agosto"), and one of them is no English word: "six", "once"
    and "um" said in English stay words."""
    read: list[Token] = []
    index = 0
    while index < len(tokens):
        language, numbers = max(
            ((language, _numbers_from(tokens, index, language)) for language in _JOINED_BY),
            key=lambda found: found[1][-1][1] if found[1] else index,
        )
        words = [
            token for start, end, _ in numbers for token in tokens[start:end] if token.norm != _JOINED_BY[language]
        ]
        end = numbers[-1][1] if numbers else index
        day_of_month = len(words) == 1 and end < len(tokens) and tokens[end].norm == "de"  # "quince de agosto"
        if not (len(words) >= 2 or day_of_month) or all(token.norm in _ENGLISH_WORDS_TOO for token in words):
            read.append(replace(tokens[index], position=len(read)))
            index += 1
            continue
        for start, end, value in numbers:
            first, last = tokens[start], tokens[end - 1]
            text = first.text if end - start == 1 else " ".join(token.text for token in tokens[start:end])
            read.append(replace(first, position=len(read), end=last.end, text=text, norm=str(value)))
        index = end
    return read


def _numbers_from(tokens: Sequence[Token], index: int, language: str) -> list[tuple[int, int, int]]:
    """The numbers said in ``language`` one after another from ``index`` on, in its segment: the start, end and
    value of each. A number ends at a comma or a full stop, and zero is a number of its own ("null eins": 0, 1)."""
    segment = tokens[index].segment
    numbers: list[tuple[int, int, int]] = []
    start = index
    while start < len(tokens) and tokens[start].segment == segment:
        value = _number_abroad(tokens[start].norm, language)
        if value is None:
            break
        end = start + 1
        while value and not tokens[end - 1].text.endswith(tuple(SENTENCE_MARKS)):
            step = 2 if end < len(tokens) and tokens[end].norm == _JOINED_BY[language] else 1
            if end + step > len(tokens) or tokens[end + step - 1].segment != segment:
                break
            if step == 2 and tokens[end].text.endswith(tuple(SENTENCE_MARKS)):
                break
            longer = _number_abroad(" ".join(token.norm for token in tokens[start : end + step]), language)
            if longer is None:
                break
            value, end = longer, end + step
        numbers.append((start, end, value))
        start = end
    return numbers


def read_segments(segments: Sequence[Segment], tokens: Sequence[Token]) -> list[Segment]:
    """The segments as the text patterns read them: a hyphen-led word's group hyphen is a space ("at -gmail .com"
    reads "at  gmail .com"), and so is a hyphen Whisper wrote on its own after such a group ("-57 - Larkspur
    Road"), so characters keep their places and spans found in them hold for the real text."""
    texts = {segment.index: list(segment.text) for segment in segments}
    for previous, token in zip([None, *tokens], tokens, strict=False):
        group_goes_on = token.text == "-" and previous is not None and previous.hyphen_led
        if token.hyphen_led or group_goes_on:
            texts[token.segment][token.start] = " "
    return [segment.model_copy(update={"text": "".join(texts[segment.index])}) for segment in segments]


def digits_of(token: Token) -> str | None:
    """The digits a token stands for on its own ("4111", "1,2,3" -> "123", "seven" -> "7"), else None."""
    if _NUMERIC_TOKEN.fullmatch(token.norm):
        return re.sub(r"\D", "", token.norm)
    if re.fullmatch(r"o\d+", token.norm, re.ASCII):  # "oh four" heard as "O4"
        return "0" + token.norm[1:]
    if re.fullmatch(r"\d+o", token.norm, re.ASCII):  # "... three oh" heard as "883O", "six oh" as "6o"
        return token.norm[:-1] + "0"
    if LETTERED_NUMBER.fullmatch(token.norm):  # an id with letters in front: "ABC123456", "HX-220571"
        return re.sub(r"\D", "", token.norm)
    ordinal = ORDINAL_DIGITS.fullmatch(token.norm)
    if ordinal:
        return ordinal.group(1)
    if "-" in token.norm:
        return hyphenated_digits(token.norm)
    return DIGIT_WORDS.get(token.norm)


def hyphenated_digits(word: str) -> str | None:
    """The digits of digit words joined by hyphens: "seven-six-two" -> "762", "double-four" -> "44"."""
    digits, repeat = "", 1
    for part in word.split("-"):
        if part in REPEATS and repeat == 1:
            repeat = REPEATS[part]
            continue
        digit = DIGIT_WORDS.get(part)
        if digit is None or len(digit) != 1:
            return None
        digits, repeat = digits + digit * repeat, 1
    return digits if repeat == 1 else None


@dataclass(frozen=True)
class Atom:
    """Digits said as one unit: a token, "double four", or "forty one"."""

    digits: str
    tokens: tuple[Token, ...]


def pause_ms(previous: Token, token: Token) -> int:
    if previous.segment == token.segment:
        return 0
    return max(0, token.segment_start_ms - previous.segment_end_ms)


def luhn(digits: str) -> bool:
    total = 0
    for offset, char in enumerate(reversed(digits)):
        value = int(char) * (2 if offset % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def digit_count(said: Sequence[Token]) -> int:
    """How many digits ``said`` stands for, "double four" as two."""
    return len(digits_said(said))


def digits_said(said: Sequence[Token]) -> str:
    """The digits ``said`` stands for, "double four" as "44"."""
    digits = ""
    for index, token in enumerate(said):
        digit = digits_of(token) or ""
        if index and said[index - 1].norm in REPEATS and len(digit) == 1:
            digit *= REPEATS[said[index - 1].norm]
        digits += digit
    return digits


UNITS = {
    "dollars", "dollar", "bucks", "cents", "percent", "minutes", "minute", "hours", "hour", "days", "day", "weeks",
    "months", "years", "items", "boxes", "pounds", "pound", "quid", "euros", "euro", "miles", "inches", "feet",
    # other countries' money: "9876543210 rupees" is an amount, not a phone number
    "rupees", "rand", "pesos", "yen", "yuan", "dirhams", "naira", "shillings", "francs", "ringgit", "baht",
    "rupee", "shilling", "cedis", "kwacha",
    # as Whisper hears "rand" and "rupees" after an amount: "a balance of 400 and 85 rent", "2,100 and 40 ruby"
    "rent", "ruby",
}  # fmt: skip

NUMBER_WORD = (
    r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)"
)

MISHEARD_LETTERS = 2

# How a transcript writes a word broken off: "oh six...", "M, T, R...", "four-".
ELLIPSES = ("...", "\u2026")  # a speaker trailing off, as Whisper writes it
TRAILING_OFF = (*ELLIPSES, "-")
# Letters said one at a time: "K-O-W-A-L-S-K-I", "S, A, M", "r o w a n".
SPELLED_LETTERS = re.compile(r"[A-Za-z](?:[\s.,-]+[A-Za-z](?![\w']))+")

# A letter said in the radio alphabet: "Kilo", "Whiskey".
RADIO_LETTER = (
    r"(?i:alpha|alfa|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliett?|kilo|lima|mike|november|oscar|"
    r"papa|quebec|romeo|sierra|tango|uniform|victor|whiske?y|x-ray|xray|yankee|zulu)\b"
)

SENTENCE_MARKS = ".,;:!?"

# A value begun, broken off and said again from its start: "8 Rue... no, 8 Rose Lane", "k.walsh at... sorry,
# kieran.walsh@...", "2... 2 4... sorry, 224 Queen Street". The start broken off is of the value too.
_BROKEN_OFF = re.compile(
    r"(?:\.\.\.|\u2026|\s-|\u2014)\s*(?:(?i:sorry|no|nope|i mean|wait|hang on|actually|rather|oops|um|uh|er),?\s+)*$"
)
_MAX_BROKEN_OFF_WORDS = 4


def begun_again_from(text: str, start: int) -> int:
    """Where the value said again at ``start`` of ``text`` was first begun: the starts broken off right before it
    that begin as it does ("8 Rue..." before "8 Rose Lane"); ``start`` if none were."""
    while True:
        broken = _BROKEN_OFF.search(text, 0, start)
        if broken is None or broken.end() != start:
            return start
        words = list(re.finditer(r"\S+", text[: broken.start()]))[-_MAX_BROKEN_OFF_WORDS:]
        begun = None
        for index in range(len(words) - 1, -1, -1):
            if index < len(words) - 1 and words[index].group().endswith((*TRAILING_OFF, ",", ".", "?", "!")):
                break  # an earlier start broken off, or the sentence before
            if words[index].group()[:1].lower() == text[start : start + 1].lower() or _digits_swapped(
                words[index].group(), text[start:]
            ):
                begun = words[index].start()
        if begun is None:
            return start
        start = begun


def _digits_swapped(broken_off: str, said_again: str) -> bool:
    """Whether a number broken off holds the digits of the one said again after it in another order: "58... sorry 85
    Rue Saint-Denis"."""
    begun = re.match(r"\d{2,}", broken_off)
    again = re.match(r"\d{2,}", said_again)
    return begun is not None and again is not None and sorted(begun.group()) == sorted(again.group())


def in_order_in_common(first: str, second: str) -> int:
    """How many characters ``first`` and ``second`` share in the same order (the longest common subsequence): a
    letter or digit lost or misheard leaves the rest."""
    row = [0] * (len(second) + 1)
    for char in first:
        diagonal = 0
        for column, other in enumerate(second, 1):
            diagonal, row[column] = row[column], diagonal + 1 if char == other else max(row[column], row[column - 1])
    return row[-1]


UNSURE = 0.2  # Whisper's confidence in a word it guessed: "image" (0.03) for "Imogen"


def heard_words(segment: Segment) -> list[tuple[int, float]]:
    """Each word of ``segment`` the engine gave a confidence for: where it starts in the text (its punctuation left
    out) and the confidence; up to the first word the text does not hold."""
    heard: list[tuple[int, float]] = []
    cursor = 0
    for word in segment.words:
        core = word.text.strip()
        found = segment.text.find(core, cursor) if core else -1
        if found < 0:
            break
        cursor = found + len(core)
        if word.confidence is not None:
            heard.append((found + len(core) - len(core.lstrip(".,;:!?\"'()-")), word.confidence))
    return heard


def unsure_words(segments: Sequence[Segment]) -> set[tuple[int, int]]:
    """Where, by segment and character, each word Whisper was unsure of starts."""
    return {
        (segment.index, start)
        for segment in segments
        for start, confidence in heard_words(segment)
        if confidence < UNSURE
    }


def in_time_order(segments: Iterable[Segment]) -> list[Segment]:
    """``segments`` as they were said: by start time, then by index where two start together."""
    return sorted(segments, key=lambda segment: (segment.start_ms, segment.index))


def with_segment_before(segments: Iterable[Segment]) -> Iterator[tuple[Segment | None, Segment]]:
    """Each segment, in the order said, with the one said just before it (``None`` before the first)."""
    ordered = in_time_order(segments)
    return zip([None, *ordered], ordered, strict=False)


def segment_starts(tokens: Sequence[Token]) -> dict[int, Token]:
    """Each segment's first token, by segment."""
    starts: dict[int, Token] = {}
    for token in tokens:
        starts.setdefault(token.segment, token)
    return starts
