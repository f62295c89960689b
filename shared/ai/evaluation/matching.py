"""Forgiving phrase matching over speech-recognition output, and quotes that cite where a match was.

Transcripts come from speech recognition: casing and punctuation vary, numbers come as words or digits,
contractions come either way, and words get split or slightly misspelt ("contoso" -> "can toso"). Both
the transcript and the scorecard phrases go through the same ``normalize`` so that these differences
disappear, and multi-word phrases tolerate one-letter errors in longer words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from shared.models.analysis import Evidence
from shared.models.transcript import Segment

# A quote longer than this is cut down to a window around the match.
MAX_QUOTE_WORDS = 16
QUOTE_CONTEXT_WORDS = 5

_FILLERS = frozenset({"uh", "um", "uhm", "umm", "erm", "er", "ah", "hmm", "mm", "mhm"})
_WHOLE_CONTRACTIONS = {
    "won't": "will not",
    "can't": "can not",
    "cannot": "can not",
    "shan't": "shall not",
    "ain't": "is not",
    "let's": "let us",
    "y'all": "you",  # "y'all have reached ...": one addressee or many, "you" all the same
    "gonna": "going to",
    "wanna": "want to",
    # Speech recognition often drops the apostrophe; these spellings are not words of their own.
    "whats": "what is",
    "thats": "that is",
    "im": "i am",
    "ive": "i have",
    "youre": "you are",
    "youll": "you will",
    "youve": "you have",
    "youd": "you would",
    "theyre": "they are",
    "weve": "we have",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "werent": "were not",
    "cant": "can not",
    "couldnt": "could not",
    "wouldnt": "would not",
    "shouldnt": "should not",
    "havent": "have not",
    "hasnt": "has not",
    "aint": "is not",
    "wont": "will not",
    "itll": "it will",
    "thatll": "that will",
    "theyll": "they will",
    "theyve": "they have",
    "theres": "there is",
}
# Words whose "'s" means "is"; elsewhere "'s" is a possessive and is dropped ("contoso's" -> "contoso").
_IS_CONTRACTIONS = frozenset(
    {"it", "that", "there", "here", "what", "who", "he", "she", "where", "how", "this", "everything", "name"}
)
_SUFFIX_CONTRACTIONS = (("n't", " not"), ("'re", " are"), ("'ll", " will"), ("'ve", " have"), ("'m", " am"))

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# A word that ends a sentence: "done.", "really?!", "(ok.)".
# A word that ends a sentence; a title's full stop does not ("anything else I can do for you, Mrs. Okafor?").
SENTENCE_END = re.compile(r"^(?!(?i:mr|mrs|ms|mx|dr|prof)\.$).*[.?!]+[\"')\]]*$")


@dataclass(frozen=True)
class Token:
    """One normalized token and the span of original words (inclusive) it came from."""

    text: str
    first_word: int
    last_word: int


@dataclass(frozen=True)
class NormalizedText:
    words: tuple[str, ...]  # the original text split on whitespace
    tokens: tuple[Token, ...]

    # A criterion's every phrase and pattern is looked for in the same text: what they read is worked out once.
    @cached_property
    def joined(self) -> str:
        return " ".join(self._texts)

    @cached_property
    def _texts(self) -> tuple[str, ...]:
        return tuple(token.text for token in self.tokens)

    def token_texts(self) -> tuple[str, ...]:
        return self._texts

    @cached_property
    def offsets(self) -> tuple[int, ...]:
        """Where each token starts in ``joined``."""
        offsets, position = [], 0
        for text in self._texts:
            offsets.append(position)
            position += len(text) + 1
        return tuple(offsets)

    @cached_property
    def sentence_spans(self) -> tuple[tuple[int, int], ...]:
        """Where each sentence lies in ``joined``: up to the tokens of a word that ends one ("sure.", "why?"), and
        the last up to the end."""
        spans: list[tuple[int, int]] = []
        first = 0
        for index, token in enumerate(self.tokens):
            last = index == len(self.tokens) - 1
            if last or (
                self.tokens[index + 1].first_word > token.last_word and SENTENCE_END.search(self.words[token.last_word])
            ):
                spans.append((self.offsets[first], self.offsets[index] + len(token.text)))
                first = index + 1
        return tuple(spans)

    @cached_property
    def starts(self) -> dict[str, tuple[int, ...]]:
        """The tokens that begin with each letter: only they can start a match of a phrase (see tokens_match)."""
        starts: dict[str, list[int]] = {}
        for index, text in enumerate(self._texts):
            starts.setdefault(text[:1], []).append(index)
        return {initial: tuple(indexes) for initial, indexes in starts.items()}


# The article or pronoun French and Italian elide before a vowel ("l'assistant virtuel", "qu'il", "l'agente"): a word
# of its own, or "l'assistant" reads as one unknown word.
_ELIDED = re.compile(r"^(l|qu)'(?=[aeiouh])")


def _expand_contractions(word: str) -> str:
    if elided := _ELIDED.match(word):
        return f"{elided.group(1)} {_expand_contractions(word[elided.end() :])}"
    if word in _WHOLE_CONTRACTIONS:
        return _WHOLE_CONTRACTIONS[word]
    for suffix, replacement in _SUFFIX_CONTRACTIONS:
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)] + replacement
    if word.endswith("'d") and len(word) > 2:
        return word[:-2] + " would"
    if word.endswith("'s") and len(word) > 2:
        stem = word[:-2]
        return f"{stem} is" if stem in _IS_CONTRACTIONS else stem
    return word


# A typed token that redaction put in place of personal data, and the one word it reads as.
_REDACTED = re.compile(r"\[[A-Z_]+\]")
_REDACTED_WORD = "redacted"


def _word_pieces(word: str) -> list[str]:
    """Lowercase, fold accents, expand contractions, drop punctuation and fillers: "I'll," -> ["i", "will"],
    "Tomás" -> ["tomas"] (not "tom s", which would be two words of a name)."""
    if _REDACTED.search(word):
        # "[ACCOUNT_NUMBER]" stands for a value, and says nothing: read as its words, an agent's read-back ("so
        # that's [DATE_OF_BIRTH]") would ask for a date of birth only once redaction had run.
        return [_REDACTED_WORD]
    folded = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    lowered = folded.lower().replace("\u2019", "'").replace("\u2018", "'")
    lowered = re.sub(r"[^a-z0-9']+", " ", lowered)
    pieces: list[str] = []
    for part in lowered.split():
        for piece in _expand_contractions(part.strip("'")).split():
            piece = piece.replace("'", "")
            if piece and piece not in _FILLERS:
                pieces.append(piece)
    return pieces


def _merge_number_words(tokens: list[Token]) -> list[Token]:
    """Turn number words into digits: "twenty five" -> "25", "one hundred and five" -> "105".

    A run of bare digits stays separate ("four five six" -> "4 5 6"), as when a customer reads out an
    account number, so that it compares equal to the same digits written with spaces.
    """
    merged: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if not _is_number_word(token.text):
            merged.append(token)
            index += 1
            continue
        total, current, last_kind = 0, 0, ""
        end = index
        while end < len(tokens):
            word = tokens[end].text
            if word in _UNITS and last_kind in ("", "tens", "hundred"):
                current += _UNITS[word]
                last_kind = "unit"
            elif word in _TEENS and last_kind in ("", "hundred"):
                current += _TEENS[word]
                last_kind = "teen"
            elif word in _TENS and last_kind in ("", "hundred"):
                current += _TENS[word]
                last_kind = "tens"
            elif word == "hundred" and last_kind in ("unit", "teen", "tens"):
                current *= 100
                last_kind = "hundred"
            elif word == "thousand" and last_kind in ("unit", "teen", "tens", "hundred"):
                total += current * 1000
                current = 0
                last_kind = ""
            elif (
                word == "and"
                and last_kind == "hundred"
                and end + 1 < len(tokens)
                and _is_number_word(tokens[end + 1].text)
            ):
                pass  # "one hundred and five"
            else:
                break
            end += 1
        if end == index:  # a lone "hundred"/"thousand" with nothing before it stays a word
            merged.append(token)
            index += 1
            continue
        merged.append(Token(str(total + current), token.first_word, tokens[end - 1].last_word))
        index = end
    return merged


# Letters read out as words by speech recognition: "an a eye assistant" is "an ai assistant".
_MISHEARD_PAIRS = {("a", "eye"): "ai"}


def _merge_misheard(tokens: list[Token]) -> list[Token]:
    merged: list[Token] = []
    index = 0
    while index < len(tokens):
        pair = (tokens[index].text, tokens[index + 1].text) if index + 1 < len(tokens) else None
        if pair in _MISHEARD_PAIRS:
            merged.append(Token(_MISHEARD_PAIRS[pair], tokens[index].first_word, tokens[index + 1].last_word))
            index += 2
        else:
            merged.append(tokens[index])
            index += 1
    return merged


def _is_number_word(word: str) -> bool:
    return word in _UNITS or word in _TEENS or word in _TENS


def normalize(text: str) -> NormalizedText:
    words = tuple(text.split())
    tokens = [Token(piece, position, position) for position, word in enumerate(words) for piece in _word_pieces(word)]
    return NormalizedText(words=words, tokens=tuple(_merge_number_words(_merge_misheard(tokens))))


@lru_cache(maxsize=16384)  # a card's phrases and examples are normalized again for every call
def normalize_phrase(phrase: str) -> tuple[str, ...]:
    return normalize(phrase).token_texts()


@lru_cache(maxsize=65536)
def _within_edits(left: str, right: str, allowed: int) -> bool:
    """Levenshtein distance <= allowed (small words, so the plain dynamic programme is enough)."""
    if abs(len(left) - len(right)) > allowed:
        return False
    previous = list(range(len(right) + 1))
    for row, left_char in enumerate(left, start=1):
        current = [row]
        for column, right_char in enumerate(right, start=1):
            cost = 0 if left_char == right_char else 1
            current.append(min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost))
        if min(current) > allowed:
            return False
        previous = current
    return previous[-1] <= allowed


@lru_cache(maxsize=262144)  # a call repeats the same word pairs across phrases and segments
def tokens_match(expected: str, heard: str, *, fuzzy: bool) -> bool:
    """Whether a heard token is the expected one, allowing a small ASR error in longer words.

    Short words and numbers must match exactly: one letter turns "worry" into "sorry" and "change" into
    "charge", so a single-word phrase is never matched fuzzily (``fuzzy=False``).
    """
    if expected == heard:
        return True
    # Recognition errors keep a word's first letter ("a count" for "account"); checking it first keeps
    # the edit-distance work to a few candidates.
    if not fuzzy or expected.isdigit() or heard.isdigit() or expected[:1] != heard[:1]:
        return False
    shorter = min(len(expected), len(heard))
    if shorter < 5:
        return False
    return _within_edits(expected, heard, 2 if shorter >= 9 else 1)


def _match_at(phrase: Sequence[str], heard: Sequence[str], start: int) -> int | None:
    """End (exclusive) of a match of ``phrase`` starting at ``heard[start]``, or None.

    Besides one-to-one token matches, a phrase word may be heard split in two ("can toso") and two
    phrase words may be heard as one ("any thing" vs "anything").
    """
    fuzzy = len(phrase) > 1
    expected_at, heard_at = 0, start
    while expected_at < len(phrase):
        if heard_at >= len(heard):
            return None
        expected = phrase[expected_at]
        if tokens_match(expected, heard[heard_at], fuzzy=fuzzy):
            expected_at, heard_at = expected_at + 1, heard_at + 1
        elif heard_at + 1 < len(heard) and tokens_match(expected, heard[heard_at] + heard[heard_at + 1], fuzzy=fuzzy):
            expected_at, heard_at = expected_at + 1, heard_at + 2
        elif expected_at + 1 < len(phrase) and tokens_match(
            expected + phrase[expected_at + 1], heard[heard_at], fuzzy=fuzzy
        ):
            expected_at, heard_at = expected_at + 2, heard_at + 1
        else:
            return None
    return heard_at


def find_phrase(text: NormalizedText, phrase: Sequence[str]) -> list[tuple[int, int]]:
    """Non-overlapping matches of a normalized phrase, as (first, last) original-word spans."""
    if not phrase:
        return []
    heard = text.token_texts()
    spans: list[tuple[int, int]] = []
    taken = 0  # matches do not overlap
    for start in text.starts.get(phrase[0][:1], ()):
        if start < taken or (end := _match_at(phrase, heard, start)) is None:
            continue
        spans.append((text.tokens[start].first_word, text.tokens[end - 1].last_word))
        taken = end
    return spans


# Words too common to stand for anything on their own: a piece of example wording made only of them
# ("this is", "i am") is not a cue, and a name slot in an example is never filled by them.
COMMON_WORDS = frozenset({
        "a", "an", "the", "and", "or", "but", "so", "if", "then", "yes", "yeah", "yep", "no", "not", "ok", "okay",
        "right", "well", "sure", "fine", "oh", "what", "who", "how", "why", "when", "where", "which", "is", "are",
        "was", "were", "be", "am", "do", "does", "did", "have", "has", "had", "can", "could", "will", "would",
        "should", "may", "might", "must", "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us",
        "them", "my", "your", "our", "their", "this", "that", "there", "here", "go", "ahead", "need", "want",
        "help", "hello", "hi", "hey", "speaking", "calling", "call", "thanks", "thank", "please", "sorry", "just",
        "now", "again", "s",
})  # fmt: skip

# Words that put what follows them, up to the end of the clause, under negation ("this call is not
# being recorded", "i can not connect you"). Contractions are expanded first, so "isn't" is "is not".
NEGATORS = frozenset(
    {"not", "no", "never", "nothing", "nobody", "none", "unable", "without", "refuse"}
    # ... and in the languages calls switch into: Spanish, Portuguese and French; Hindi and Urdu, and Swahili as
    # written in Latin script ("no hay nadie a quien pueda transferirle", "yeh call record nahi ho rahi").
    | {"nadie", "nada", "nunca", "ningun", "ninguna", "ninguno", "jamas", "nao", "pas", "jamais", "nahi", "nahin"}
    | {"hapana", "sio"}
    # ... and Jamaican "can't" ("mi cyaan say sorry fi someting weh yuh do yuhself").
    | {"cyaan"}
)
# Unpunctuated speech runs clauses together: a negation reaches this many words ahead at most ("i am
# not going to apologise": 3; "i can not connect you to a representative": 4).
NEGATION_REACH = 5
# "no worries", "no problem", "no doubt", "a no-go", "don't stress": set phrases that negate nothing after them; but
# what one is told not to worry "about" is negated ("don't worry about your date of birth, I don't need it").
_NOT_NEGATING = frozenset(
    {"worries", "worry", "problem", "problems", "rush", "bother", "trouble", "doubt", "go", "stress", "fret", "panic"}
)
# "no further payments will be taken": "no" before these negates the noun, not what will happen.
_NO_DETERMINING = frozenset({"further", "more", "extra", "additional"})
# "just to let you no this call is recorded": speech recognition hears "know" as "no" after "let you".
# "oh no, that is a horrible feeling", "yeah no, i believe you": an exclamation, which negates nothing after it.
_EXCLAIMING = frozenset({"oh", "aw", "aww", "ohh", "ah", "ahh", "och", "yeah"})
# "that is on you, not us": "not" before an object pronoun contrasts that pronoun and negates nothing after it.
_CONTRASTED = frozenset({"us", "me", "them", "him", "her", "mine", "ours", "theirs"})
# Words that start a new clause: a negation before them does not reach past them.
# "i" and "we" are subjects, so they start a clause too ("that is really not on i am sorry").
_CLAUSE_STARTS = frozenset(
    {"but", "and", "so", "because", "although", "though", "however", "then", "i", "we", "pero", "aur", "lekin"}
)
CLAUSE_END = re.compile(r"[,;:.?!]+[\"')\]]*$")


def is_negated(text: NormalizedText, first_word: int, last_word: int, *, inside: bool = True) -> bool:
    """Whether words ``first_word..last_word`` sit in the scope of a negation in their clause.

    ``inside=False`` looks only before the words: for a phrase that is negative itself ("not my problem").
    """
    words = text.words
    start = first_word
    while start > 0 and not CLAUSE_END.search(words[start - 1]):
        start -= 1
    nobody = None  # where "there is no one ..." denies the person a relative clause after it speaks of
    for index, token in enumerate(text.tokens):
        if token.first_word < start or token.first_word > last_word:
            continue
        if token.first_word < first_word and _denies_anyone(text.tokens, index):
            nobody = index
        if token.text in _CLAUSE_STARTS and token.first_word < first_word:
            if (
                nobody is not None
                and token.text in _SUBJECTS
                and token.first_word - text.tokens[nobody].first_word <= 6
            ):
                continue  # "there's nobody here i can pass you to": "i" opens a clause about that nobody
            start = token.first_word  # a later clause: forget negations before it
            nobody = None
    if nobody is not None:
        return True
    end = last_word if inside else first_word - 1
    tokens = text.tokens
    cue = next((index for index, token in enumerate(tokens) if token.first_word >= first_word), len(tokens))
    return (inside and _denied_after(text, last_word)) or any(
        start <= token.first_word <= end
        and index >= cue - NEGATION_REACH
        and _negates(tokens, index, words)
        and not _names_what_it_is_not(tokens, index, cue)
        for index, token in enumerate(tokens)
    )


_COPULAS = frozenset({"is", "are", "was", "were"})
# What an assistant says it is not ("I'm a computer not a person calls are kept on tape"): the "not" denies that
# noun, and unpunctuated speech runs the next clause on after it.
_NOT_WHAT_IT_IS = frozenset({"person", "human", "robot", "machine", "bot", "computer", "staff"})


def _denied_after(text: NormalizedText, last_word: int) -> bool:
    """Whether the words are denied right after them, in their clause: "live agents are not available"."""
    if CLAUSE_END.search(text.words[last_word]):
        return False
    after = [token.text for token in text.tokens if token.first_word > last_word][:2]
    return len(after) == 2 and after[0] in _COPULAS and after[1] in {"not", "never"}


def _names_what_it_is_not(tokens: Sequence[Token], index: int, cue: int) -> bool:
    """Whether the negator at ``index`` denies a person or machine that ends before the cue ("not a (real) person")."""
    following = [token.text for token in tokens[index + 1 : index + 4]]
    if tokens[index].text != "not" or following[:1] not in (["a"], ["an"]):
        return False
    noun_at = index + 2 if following[1:2] != ["real"] else index + 3
    return noun_at < len(tokens) and tokens[noun_at].text in _NOT_WHAT_IT_IS and noun_at < cue


# "there is no one (that) i can put you through to": a person denied, whom a relative clause after it describes.
_THERE_IS = frozenset({"is", "are", "was", "were", "s"})
_SUBJECTS = frozenset({"i", "we"})
_NOBODY = frozenset({"nobody", "noone", "none"})
_PEOPLE = frozenset(
    {"1", "one", "body", "person", "people", "human", "humans", "staff", "agent", "agents", "colleague", "colleagues"}
)


def _denies_anyone(tokens: Sequence[Token], index: int) -> bool:
    """Whether token ``index`` opens "there is nobody" or "there are no (staff) people": an existential denial of a
    person, not "there's no charge"."""
    if index < 2 or tokens[index - 2].text != "there" or tokens[index - 1].text not in _THERE_IS:
        return False
    head = tokens[index].text
    following = [token.text for token in tokens[index + 1 : index + 3]]
    return head in _NOBODY or (head == "no" and any(word in _PEOPLE for word in following))


def negation_between(text: NormalizedText, first_word: int, last_word: int) -> bool:
    """Whether a negation that negates something sits in words ``first_word..last_word`` (none when empty)."""
    return any(
        first_word <= token.first_word <= last_word and _negates(text.tokens, index)
        for index, token in enumerate(text.tokens)
    )


def negates_just_before(text: NormalizedText, first_word: int, words: int = 3) -> bool:
    """Whether a negation sits in the last ``words`` words before word ``first_word``, in its clause: a window
    cut out of "there is nothing else i | can do for you" still says nothing can be done."""
    start = first_word
    while start > 0 and not CLAUSE_END.search(text.words[start - 1]):
        start -= 1
    return any(
        max(start, first_word - words) <= token.first_word < first_word and _negates(text.tokens, index, text.words)
        for index, token in enumerate(text.tokens)
    )


def is_exclaimed_no(tokens: Sequence[Token], index: int, words: Sequence[str] = ()) -> bool:
    """Whether token ``index`` is the "no" of an exclamation ("oh no", "ah no"), which denies nothing; with the
    original ``words``, also after an exclamation the normalized text drops as a filler ("ah")."""
    token = tokens[index]
    if token.text != "no":
        return False
    if index > 0 and tokens[index - 1].text in _EXCLAIMING:
        return True
    before = words[token.first_word - 1] if 0 < token.first_word <= len(words) else ""
    return re.sub(r"[^a-z]", "", before.lower()) in _EXCLAIMING


def is_alternative_not(tokens: Sequence[Token], index: int) -> bool:
    """Whether token ``index`` is the "not" of "or not", or the "no" of "yes or no", which names the other answer and
    denies nothing ("any other thing you want me to check or not?", "whether or not it is covered", "you'll get a yes
    or a no from the panel by Friday")."""
    before = [token.text for token in tokens[max(0, index - 3) : index]]
    if tokens[index].text == "not":
        return before[-1:] == ["or"]
    return tokens[index].text == "no" and (before[-2:] == ["yes", "or"] or before == ["yes", "or", "a"])


# Set phrases of the languages calls switch into that negate nothing after them: "koi baat nahi" (no problem), "no
# hay problema", "no se preocupe" (don't worry), "de nada" (you're welcome).
_SET_NEGATIONS = (
    ("koi", "baat", "nahi"), ("koi", "baat", "nahin"), ("no", "hay", "problema"), ("no", "se", "preocupe"),
    ("no", "te", "preocupes"), ("de", "nada"),
)  # fmt: skip


def _in_set_negation(tokens: Sequence[Token], index: int) -> bool:
    """Whether token ``index`` is part of one of ``_SET_NEGATIONS``; only the few tokens around it are read."""
    word = tokens[index].text
    return any(
        expected == word
        and index >= at
        and [token.text for token in tokens[index - at : index - at + len(phrase)]] == list(phrase)
        for phrase in _SET_NEGATIONS
        for at, expected in enumerate(phrase)
    )


# West African Pidgin's "I no go apologise" (I will not): "no go" after its subject denies, unlike "a no-go".
_PIDGIN_SUBJECTS = frozenset({"i", "we", "you", "una", "dem", "e", "he", "she", "they", "mi"})


def _will_not(tokens: Sequence[Token], index: int) -> bool:
    following = tokens[index + 1].text if index + 1 < len(tokens) else ""
    return following == "go" and index > 0 and tokens[index - 1].text in _PIDGIN_SUBJECTS


def _negates(tokens: Sequence[Token], index: int, words: Sequence[str] = ()) -> bool:
    """Whether token ``index`` is a negator that negates something (not "no worries", "oh no", "let you no")."""
    token = tokens[index]
    following = tokens[index + 1].text if index + 1 < len(tokens) else ""
    after = tokens[index + 2].text if index + 2 < len(tokens) else ""
    return (
        token.text in NEGATORS
        and (following not in _NOT_NEGATING or after == "about" or _will_not(tokens, index))
        and not (token.text == "no" and following in _NO_DETERMINING)
        and not (token.text == "not" and following in _CONTRASTED)
        and not (token.text == "no" and [t.text for t in tokens[max(0, index - 2) : index]] == ["let", "you"])
        and not is_exclaimed_no(tokens, index, words)
        and not is_alternative_not(tokens, index)
        and not _in_set_negation(tokens, index)
    )


def find_pattern(
    text: NormalizedText, pattern: re.Pattern[str], *, in_sentences: bool = False
) -> list[tuple[int, int]]:
    """Matches of a regular expression over the normalized text, as original-word spans; ``in_sentences`` reads each
    sentence on its own, for a pattern anchored to a sentence's start or end ("^reading emails is generally a good
    idea$") said in the middle of a turn."""
    joined = text.joined
    offsets = text.offsets  # to map a match back to tokens
    pieces = ((begin, joined[begin:end]) for begin, end in text.sentence_spans) if in_sentences else ((0, joined),)
    spans: list[tuple[int, int]] = []
    for begin, piece in pieces:
        for match in pattern.finditer(piece):
            if match.end() == match.start():
                continue
            start, end = begin + match.start(), begin + match.end()
            covered = [
                index
                for index, offset in enumerate(offsets)
                if offset < end and offset + len(text.tokens[index].text) > start
            ]
            if covered:
                spans.append((text.tokens[covered[0]].first_word, text.tokens[covered[-1]].last_word))
    return spans


_KEYWORD_SUFFIXES = frozenset({"s", "es", "ed", "d", "ing", "led", "ling", "lation", "lations", "ation", "er", "ers"})


def find_keyword(text: NormalizedText, keyword: Sequence[str]) -> list[tuple[int, int]]:
    """Occurrences of a keyword: a single word also matches its inflections ("cancel" -> "cancelled")."""
    if len(keyword) != 1:
        return find_phrase(text, keyword)
    stem = keyword[0]
    return [
        (token.first_word, token.last_word)
        for token in text.tokens
        if token.text == stem or (token.text.startswith(stem) and token.text[len(stem) :] in _KEYWORD_SUFFIXES)
    ]


@dataclass(frozen=True)
class SegmentText:
    """A segment with its normalized text, computed once per evaluation."""

    segment: Segment
    text: NormalizedText

    @classmethod
    def of(cls, segment: Segment) -> SegmentText:
        return cls(segment=segment, text=normalize(segment.text))


def index_segments(segments: Iterable[Segment]) -> list[SegmentText]:
    return [SegmentText.of(segment) for segment in sorted(segments, key=lambda s: (s.start_ms, s.index))]


def sentence_bounds(words: Sequence[str], first: int, last: int) -> tuple[int, int]:
    """The (first, last) word indexes of the sentence holding words ``first..last``."""
    start = first
    while start > 0 and not SENTENCE_END.search(words[start - 1]):
        start -= 1
    end = last
    while end < len(words) - 1 and not SENTENCE_END.search(words[end]):
        end += 1
    return start, end


def quote_for(words: Sequence[str], first: int, last: int) -> str:
    """The sentence around a match, cut to a window when the sentence is long (unpunctuated ASR)."""
    start, end = sentence_bounds(words, first, last)
    if end - start + 1 > MAX_QUOTE_WORDS:
        start = max(start, first - QUOTE_CONTEXT_WORDS)
        end = min(end, last + QUOTE_CONTEXT_WORDS)
        prefix = "\u2026" if start > 0 else ""
        suffix = "\u2026" if end < len(words) - 1 else ""
        return prefix + " ".join(words[start : end + 1]) + suffix
    return " ".join(words[start : end + 1])


def span_times(segment: Segment, word_count: int, first: int, last: int) -> tuple[int, int]:
    """Times of words ``first..last``: word timings when they line up with the text, else the segment's."""
    if len(segment.words) == word_count and word_count > 0:
        return segment.words[first].start_ms, max(segment.words[last].end_ms, segment.words[first].start_ms)
    return segment.start_ms, segment.end_ms


def evidence_for(item: SegmentText, first: int, last: int) -> Evidence:
    start_ms, end_ms = span_times(item.segment, len(item.text.words), first, last)
    return Evidence(
        segment_index=item.segment.index,
        speaker=item.segment.speaker,
        start_ms=start_ms,
        end_ms=end_ms,
        quote=quote_for(item.text.words, first, last),
    )


def segment_evidence(segment: Segment) -> Evidence:
    """Evidence for a whole segment (when an engine cites a segment but not a phrase in it)."""
    words = segment.text.split()
    quote = quote_for(words, 0, 0) if words else ""
    return Evidence(
        segment_index=segment.index,
        speaker=segment.speaker,
        start_ms=segment.start_ms,
        end_ms=segment.end_ms,
        quote=quote,
    )


def locate_quote(segment: Segment, quote: str) -> Evidence | None:
    """Evidence for a quote claimed to be in a segment, or None when the segment does not contain it."""
    item = SegmentText.of(segment)
    spans = find_phrase(item.text, normalize_phrase(quote))
    if not spans:
        return None
    return evidence_for(item, *spans[0])
