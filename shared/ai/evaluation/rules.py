"""The offline, deterministic evaluation engine: scorecard wording, VADER sentiment, talk metrics.

A criterion's cues are its literal phrases, its patterns and the pieces of its example wording. A cue
under negation ("this call is not being recorded") does not pass a must-have and is not a violation of a
must_not criterion ("i can not guarantee"); windows count speech time, not recording time; prohibited
words inside innocent wording, names or quoted speech are excused or sent to review.

It needs no network and no model download, so it is the default engine and the reference the Azure
OpenAI engine is compared against.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from itertools import pairwise

from shared.ai import package_version, utc_now_iso
from shared.ai.evaluation import tone
from shared.ai.evaluation.base import EvaluationContext
from shared.ai.evaluation.intent import CallIntents, IntentModel, IntentScore, Unit
from shared.ai.evaluation.keywords import DEFAULT_KEYWORDS, find_keyword_hits
from shared.ai.evaluation.learned import IntentClassifiers
from shared.ai.evaluation.matching import (
    CLAUSE_END,
    COMMON_WORDS,
    NEGATORS,
    SENTENCE_END,
    SegmentText,
    evidence_for,
    find_pattern,
    find_phrase,
    index_segments,
    is_negated,
    normalize_phrase,
    segment_evidence,
    sentence_bounds,
)
from shared.ai.evaluation.metrics import SpeechClock
from shared.ai.evaluation.scorecards import default_scorecard
from shared.ai.evaluation.scoring import assemble_analysis
from shared.ai.evaluation.sentiment import analyze_sentiment
from shared.ai.evaluation.summary import DEFAULT_SUMMARY_SENTENCES, extractive_summary
from shared.models.analysis import (
    DEFAULT_LANGUAGES,
    Analysis,
    CriterionResult,
    Evidence,
    Scorecard,
    ScorecardCriterion,
    Verdict,
)
from shared.models.redaction import EntityType
from shared.models.transcript import EngineInfo, Transcript, is_unattributed

logger = logging.getLogger(__name__)

ENGINE_NAME = "rules"
RULES_VERSION = "2.23"
MAX_EVIDENCE_PER_CRITERION = 3


# Slots in examples ("thank you for calling {org}, this is {name}") stand for any name: the wording on
# either side of a slot is matched as its own phrase.
_SLOT = re.compile(r"\{[a-z_]+\}")
# Reported speech: the agent repeating what someone else said is not the agent's language.
_REPORTED = re.compile(
    r"\b(called|call|calls|calling) (me|you|him|her|them|us|it|(your|my|his|her|their|our|the) \w+)( a| an)?$"
    r"|\b(said|say|says|word|quote)$"
)
# A pattern that spells out a negator itself.
_NEGATIVE_WORDING = re.compile(r"\b(" + "|".join(sorted(NEGATORS)) + r")\b")
# A regex escape before a word ("\bno way to ...") would hide the word boundary the search above needs.
_ESCAPE = re.compile(r"\\[bBdDsSwW]")
# A rule bound to the sentence it reads: anchored to its start or end ("^", not a character class's "[^...]", or
# "$"), or looking ahead to its end for what would take it back ("(?!.*\b(?:let me|...)"): read on the whole turn,
# an offer of help said sentences later ("... And let me be clear, ...") would.
_ANCHORED = re.compile(r"(?<!\[)\^|\$|\(\?!\.\*")


@lru_cache(maxsize=4096)
def worded_in_the_negative(pattern: str) -> bool:
    """Whether a pattern's own wording holds a negator ("\\bno way to (start|spend)"): then its "no" is no denial."""
    return _NEGATIVE_WORDING.search(_ESCAPE.sub(" ", pattern)) is not None


_LINKING_WORDS = COMMON_WORDS | {"on", "in", "at", "to", "for", "of", "with", "from", "by", "as"}
CONFIDENCE_LITERAL = 0.95
CONFIDENCE_FUZZY = 0.75
CONFIDENCE_REPORTED = 0.5
CONFIDENCE_NEAR_MISS = 0.85  # a cue rejected for negation, timing or speaker
ORDERED_CANDIDATES = 16


@dataclass(frozen=True)
class IntentThresholds:
    """Where the intent layer draws its lines; calibrated on the labelled calls (``bench.evaluation_calibration``)."""

    # Cosine similarity of a sentence to the nearest pass example, and its lead over the nearest rival
    # wording (a fail example, another criterion's pass example, or background wording), for a pass ...
    pass_similarity: float = 0.45
    pass_margin: float = 0.08
    # ... and, short of that, for a review.
    review_similarity: float = 0.45
    review_margin: float = 0.0
    # A cue in a sentence much closer to a fail example than to any pass example ("sorry, but that's not my
    # problem") is not taken as a pass: it goes to review, or fails when the fail example leads by this much.
    refusal_similarity: float = 0.5
    refusal_margin: float = 0.15
    refusal_fail_margin: float = 0.2
    # The word-order-aware encoder's own lines for a pass, when WordLlama's embeddings found none (its
    # similarities run on another scale).
    ordered_pass_similarity: float = 0.4
    ordered_pass_margin: float = 0.1
    # The learned classifier's probability (``learned.py``) for a pass where no other reading found one, and, short
    # of that, for a review; chosen by leave-one-split-out cross-validation (``bench.evaluation_crossval``): passing
    # from 0.9 added as many wrong passes as half the agreeing verdicts it added, where from 0.97, with review from
    # 0.9, it adds agreeing verdicts and no wrong pass.
    learned_pass: float = 0.97
    learned_review: float = 0.9
    # A sentence the learned classifier passes is vetoed when it is nearer to one of the criterion's fail examples
    # than to any of its pass examples by more than this (None: never vetoed) ...
    learned_failure_lead: float | None = 0.0
    # ... or nearer to any rival wording (another criterion's pass example, background wording) by more than this.
    learned_rival_lead: float | None = 0.2


DEFAULT_THRESHOLDS = IntentThresholds()


def _example_phrases(examples: Sequence[str]) -> list[tuple[str, ...]]:
    """Normalized pieces of example wording between slots: four words or more, or two that are not common words or
    prepositions ("this is", "i am", "on the" would be cues everywhere). Four common words are a cue only where every
    example names someone, as a greeting's do, which the name said beside it must then show ("{org}, how can I
    help?"); elsewhere they say nothing ("Hello, this is the {org} automated line" is no disclosure without its own
    words)."""
    named = bool(examples) and all(_SLOT.search(example) for example in examples)
    pieces = [normalize_phrase(piece) for example in examples for piece in _SLOT.split(example)]
    return [
        piece
        for piece in pieces
        if (rare := sum(word not in _LINKING_WORDS for word in piece)) >= 2 or (len(piece) >= 4 and (named or rare))
    ]


@dataclass(frozen=True)
class Match:
    item: SegmentText
    first_word: int
    last_word: int
    negated: bool
    exact: bool
    kind: str = ""  # for language found by its grammar (``tone``): what it does to the customer

    def evidence(self) -> Evidence:
        return evidence_for(self.item, self.first_word, self.last_word)

    def who_it_hurts(self) -> str:
        return f"{self.kind} ({' '.join(self.item.text.words[self.first_word : self.last_word + 1])!r})"


# The pronoun "I", alone or contracted ("I've", "I'll"): capitalized, but no name.
_PRONOUN_I = re.compile(r"I(?:['\u2019]\w+)?\W*$")


@dataclass(frozen=True)
class CompiledCriterion:
    """A scorecard criterion with its wording normalized and patterns compiled once per evaluation.

    Must-have: literal phrases, patterns and the pieces of the pass examples are the cues. ``must_not``:
    the cues are the prohibited phrases and the violation examples; the innocent examples ("Hell's
    Kitchen") excuse a cue they contain.
    """

    criterion: ScorecardCriterion
    phrases: tuple[tuple[str, ...], ...]
    patterns: tuple[re.Pattern[str], ...]
    excuses: tuple[tuple[str, ...], ...]
    # must_not: the grammar of the kinds of language its fail examples show (``tone``), with each kind's name and
    # whether the rule is bound to a sentence (``_ANCHORED``: then each sentence is read on its own too).
    tone: tuple[tuple[re.Pattern[str], str, bool], ...] = ()

    @classmethod
    def of(cls, criterion: ScorecardCriterion) -> CompiledCriterion:
        phrases = [p for p in (normalize_phrase(phrase) for phrase in criterion.any_of) if p]
        if criterion.must_not:
            phrases += [p for p in (normalize_phrase(example) for example in criterion.fail_examples) if p]
            excuses = [p for p in (normalize_phrase(example) for example in criterion.pass_examples) if p]
        else:
            phrases += _example_phrases(criterion.pass_examples)
            excuses = []
        unique = tuple(dict.fromkeys(phrases))
        grammar = (
            tuple(
                (rule, kind, bool(_ANCHORED.search(rule.pattern)))
                for kind in tone.kinds_shown_by(criterion.fail_examples)
                for rule in tone.compiled_rules(kind)
            )
            if criterion.must_not
            else ()
        )
        patterns = tuple(re.compile(pattern) for pattern in criterion.patterns)
        return cls(criterion, unique, patterns, tuple(excuses), grammar)

    @cached_property
    def cue_words(self) -> frozenset[str]:
        """Every word of the cue phrases: what a greeting says besides a name."""
        return frozenset(word for phrase in self.phrases for word in phrase)

    def matches(self, item: SegmentText) -> list[Match]:
        """Every cue in a segment, earliest first, with its negation and whether it matched exactly."""
        heard = f" {item.text.joined} "
        found: dict[tuple[int, int], Match] = {}
        for phrase in self.phrases:
            if not (spans := find_phrase(item.text, phrase)):
                continue
            exact = f" {' '.join(phrase)} " in heard
            inside = NEGATORS.isdisjoint(phrase)  # a negative phrase ("not my problem") is not negated by its "not"
            for span in spans:
                found.setdefault(span, Match(item, *span, is_negated(item.text, *span, inside=inside), exact))
        for pattern in self.patterns:
            for span in find_pattern(item.text, pattern):
                # As for phrases: a pattern worded in the negative ("i do not know what to tell you") is not
                # negated by its own "not"; one whose wildcards caught a "not" is ("this call is not recorded").
                negated = is_negated(item.text, *span, inside=not worded_in_the_negative(pattern.pattern))
                found.setdefault(span, Match(item, *span, negated, True))
        for rule, kind, anchored in self.tone:
            in_sentences = find_pattern(item.text, rule, in_sentences=True) if anchored else []
            for span in [*find_pattern(item.text, rule), *in_sentences]:
                negated = is_negated(item.text, *span, inside=not worded_in_the_negative(rule.pattern))
                found.setdefault(span, Match(item, *span, negated, False, kind))
        return sorted(found.values(), key=lambda match: (match.first_word, match.last_word))

    def inside_names(self, item: SegmentText) -> list[Match]:
        """A one-word cue at the start of a longer name inside a sentence ("Hellifield", "Dumbarton"): innocent,
        and what a reviewer would point at to say so."""
        words = [phrase[0] for phrase in self.phrases if len(phrase) == 1 and len(phrase[0]) >= 4]
        found = []
        for index, word in enumerate(item.text.words):
            bare = re.sub(r"\W", "", word).lower()
            if (
                word[:1].isupper()
                and index > 0
                and not SENTENCE_END.search(item.text.words[index - 1])
                and bare not in COMMON_WORDS
                and any(bare.startswith(cue) and len(bare) > len(cue) + 2 for cue in words)
            ):
                found.append(Match(item, index, index, negated=False, exact=False))
        return found

    def _describes_a_thing(self, match: Match) -> bool:
        """Whether a one-word cue that the innocent examples show before a thing ("dumb meter", "stupid policy")
        stands here before another thing, in a sentence not said to the customer ("one of them old dumb timers");
        "a dumb mistake on your part" is said to them."""
        tokens = match.item.text.tokens
        at = next((i for i, token in enumerate(tokens) if token.first_word == match.first_word), None)
        if at is None or match.first_word != match.last_word or at + 1 >= len(tokens):
            return False
        cue, thing = tokens[at].text, tokens[at + 1].text
        # Innocent examples of two lower-case words: a word before a thing, not a name ("Hell's Kitchen").
        shown = (normalize_phrase(example) for example in self.criterion.pass_examples if example[:1].islower())
        if not any(len(excuse) == 2 and excuse[0] == cue for excuse in shown):
            return False
        start, _ = sentence_bounds(match.item.text.words, match.first_word, match.last_word)
        # Said to the customer before the thing ("you and your dumb app"); "the dumb buffers you asked about" is not.
        sentence = {token.text for token in tokens if start <= token.first_word < match.first_word}
        return (
            thing.isalpha()
            and thing not in _LINKING_WORDS
            and thing not in _JUDGED
            and sentence.isdisjoint({"you", "your", "yours", "yourself", "ya", "ye"})
        )

    def excused(self, match: Match) -> bool:
        """Whether a prohibited cue sits inside innocent wording, a proper name or someone else's words."""
        item = match.item
        for excuse in self.excuses:
            for first, last in find_phrase(item.text, excuse):
                if first <= match.last_word and match.first_word <= last:
                    return True
        word = item.text.words[match.first_word]
        after = item.text.words[match.last_word + 1] if match.last_word + 1 < len(item.text.words) else ""
        if _contraction_lost(item, match, after) or self._describes_a_thing(match) or _named_after(match):
            return True
        # A capitalized word inside a sentence, beside another capitalized one, is a name ("Hell's Kitchen", "a
        # bottle of Fat Bastard"), and so is one given as what something is called ("the village called Fucking");
        # "I" is capitalized anywhere ("..., I've got other calls waiting. I'll log it").
        before = item.text.words[match.first_word - 1] if match.first_word > 0 else ""
        return (
            word[:1].isupper()
            and bool(before)
            and not SENTENCE_END.search(before)
            and not _PRONOUN_I.match(word)
            and (
                (after[:1].isupper() and not _PRONOUN_I.match(after))
                or (before[:1].isupper() and not _PRONOUN_I.match(before))
                or not _NAMING_WORDS.isdisjoint(normalize_phrase(before)[-1:])
            )
        )


# Words after a name that say it is one: "the green hell, they call it", "the Devil's Elbow, as the locals call it".
_CALLED_SO = re.compile(
    r"^(?:as )?(?:they|we|people|locals|the locals|folks|everyone|everybody) (?:call|calls|called)"
    r" (?:it|them|that|this|the \w+)\b"
)


def _named_after(match: Match) -> bool:
    tokens = match.item.text.tokens
    return bool(_CALLED_SO.search(" ".join(t.text for t in tokens if t.first_word > match.last_word)))


# Words after which a capitalized word is what something is called.
_NAMING_WORDS = frozenset({"called", "named", "titled", "dubbed", "brand", "label"})
# What an insulting adjective before it judges: a person or what they said or did, not a thing.
_JUDGED = frozenset(
    {"mistake", "mistakes", "question", "questions", "idea", "ideas", "comment", "comments", "thing", "things",
     "move", "decision", "excuse", "excuses", "people", "person", "customer", "customers", "man", "woman", "git",
     "idiot", "fool", "cow", "kid", "boy", "girl", "lot", "and", "or", "of", "is", "was", "are"}
)  # fmt: skip
# Words after a greeting's cue that name no one: "thank you for calling, how can I help you today?", and "you" as
# many Englishes say it ("how can I help ya?", "what can I do for ye?").
_NOT_A_NAME = _LINKING_WORDS | {
    "good", "hiya", "howdy", "today", "tonight", "morning", "afternoon", "evening", "day", "everyone", "all", "back",
    "holding", "waiting", "wait", "patience", "ya", "ye", "yous", "youse", "yall", "u",
}  # fmt: skip


def _names_after(compiled: CompiledCriterion, match: Match) -> bool:
    """Whether a cue of a criterion that names someone does: a name inside it ("this is Jo speaking", which a
    pattern caught), before it in its sentence ("Strike Zone Lanes, Tyler, how can I help?") or right after it
    ("thank you for calling Acme", "good afternoon, Hotel Miramar", "welcome to the Rind Club"). "Thank you for
    calling, how may I help you?" and "good morning, how can I help?" name no one."""

    def named(word: str) -> bool:
        return word not in compiled.cue_words and word not in _NOT_A_NAME

    text = match.item.text
    start, _ = sentence_bounds(text.words, match.first_word, match.last_word)
    if any(named(t.text) for t in text.tokens if start <= t.first_word <= match.last_word):
        return True
    if _named_earlier_in_turn(text.words, start):
        return True
    if SENTENCE_END.search(text.words[match.last_word]):
        return False
    after = [t.text for t in text.tokens if t.first_word > match.last_word][:2]
    if after[:1] == ["the"]:
        after = after[1:]
    return bool(after) and named(after[0])


def _named_earlier_in_turn(words: Sequence[str], sentence_start: int) -> bool:
    """Whether an earlier sentence of the turn names someone, by a capitalized word inside it ("G'day, you've rung
    Coastline Pest, it's Brooke. What can I do for you?"): the greeting's sentence need not repeat the name. A name
    that redaction took out is still one said ("Bom dia, [PERSON_NAME] speaking. How can I help?")."""
    return any(
        (word[:1].isupper() or _REDACTED_NAME.match(word))
        and index > 0
        and not SENTENCE_END.search(words[index - 1])
        and not _PRONOUN_I.match(word)
        for index, word in enumerate(words[:sentence_start])
    )


_REDACTED_NAME = re.compile(r"\W*" + re.escape(EntityType.PERSON_NAME.token))


def segments_for_speaker(texts: Sequence[SegmentText], speaker: str | None) -> list[SegmentText]:
    if speaker is None:
        return list(texts)
    chosen = [item for item in texts if item.segment.speaker == speaker]
    if chosen:
        return chosen
    # Mono transcripts carry no speaker roles ("speaker", or diarized "speaker 1", "speaker 2"): search
    # everything rather than fail every criterion.
    if all(is_unattributed(item.segment.speaker) for item in texts):
        return list(texts)
    return []


def in_window(evidence: Evidence, criterion: ScorecardCriterion, clock: SpeechClock) -> bool:
    """Whether evidence falls in the criterion's window, counted in speech time (holds and silence skipped)."""
    if criterion.within_first_ms is not None and clock.elapsed(evidence.start_ms) > criterion.within_first_ms:
        return False
    if criterion.within_last_ms is not None:
        return clock.remaining(evidence.end_ms) <= criterion.within_last_ms
    return True


def _window_text(criterion: ScorecardCriterion) -> str:
    if criterion.within_first_ms is not None:
        return f" in the first {criterion.within_first_ms / 1000:g} s of speech"
    if criterion.within_last_ms is not None:
        return f" in the last {criterion.within_last_ms / 1000:g} s of speech"
    return ""


# Speech recognition without apostrophes writes "he'll sort it" as "hell sort it": "hell" before a verb
# that follows "will" is the contraction, not the oath ("what the hell", "hell of a", "go to hell").
_AFTER_WILL = frozenset(
    {
        "be", "sort", "call", "ring", "phone", "have", "get", "come", "fix", "look", "take", "give", "send",
        "meet", "do", "go", "see", "make", "check", "let", "need", "want", "know", "bring", "pick", "pop",
        "text", "email", "confirm", "arrange", "book", "deal", "explain", "talk", "speak", "help", "put",
        "drop", "collect", "deliver", "visit", "sign", "update", "keep", "find", "try", "also", "probably",
        "definitely", "just", "already", "then", "ask", "tell", "write", "order", "ship", "post", "return",
        "refund", "chase", "review", "assess", "contact", "follow", "show", "pass", "transfer", "organise",
        "organize", "handle", "process", "cancel", "replace", "repair", "install", "test", "start", "wait",
        "work", "read", "stay", "hear", "arrive", "answer", "inspect", "measure", "clean", "change", "move",
    }
)  # fmt: skip
_NOT_A_VERB_AFTER_HELL = frozenset({"no", "yes", "yeah", "of", "on", "bent", "hole", "fire", "knows", "raiser", "for"})
_OBJECT_OPENERS = frozenset(
    {"the", "a", "an", "your", "it", "you", "them", "him", "her", "that", "this", "those", "these", "my", "our", "his",
     "their"}
)  # fmt: skip
_BEFORE_OATH = frozenset({"the", "to", "of", "a", "bloody", "like", "what", "oh", "from", "in"})


def _contraction_lost(item: SegmentText, match: Match, after: str) -> bool:
    words = item.text.words
    if match.first_word != match.last_word or re.sub(r"\W", "", words[match.first_word]).lower() != "hell":
        return False
    if any("'" in word or "\u2019" in word for word in words) or re.search(r"\W$", words[match.first_word]):
        return False  # a transcript that kept its apostrophes would have written "he'll"
    before = re.sub(r"\W", "", words[match.first_word - 1]).lower() if match.first_word > 0 else ""
    if before in _BEFORE_OATH:
        return False
    verb = re.sub(r"\W", "", after).lower()
    if verb in _AFTER_WILL:
        return True
    # Any verb taking an object: "and hell swap the thermocouple then" ("he'll swap"); an oath is not followed by a
    # word and then its object ("hell of a", "hell no it isnt").
    following = match.last_word + 2
    taken = re.sub(r"\W", "", words[following]).lower() if following < len(words) else ""
    return verb not in _NOT_A_VERB_AFTER_HELL and not re.search(r"\W$", after) and taken in _OBJECT_OPENERS


_OPENING_QUOTE = re.compile(r"^[\"'\u2018\u201c]")
_CLOSING_QUOTE = re.compile(r"[\"'\u2019\u201d][,.;:?!]*$")


def _inside_quotes(match: Match) -> bool:
    """Words inside quotation marks the agent opens and closes in one turn (an advert's "this damn thing never
    works", a review's 'worst damn night out'): someone else's words, which the card allows."""
    words = match.item.text.words
    opened = next((w for w in range(match.first_word, -1, -1) if _OPENING_QUOTE.search(words[w])), None)
    if opened is None or any(_CLOSING_QUOTE.search(words[w]) for w in range(opened, match.first_word)):
        return False
    closed = next((w for w in range(match.last_word, len(words)) if _CLOSING_QUOTE.search(words[w])), None)
    if closed is None:
        return False
    start, end = sentence_bounds(words, opened, closed)
    return not _owned_by_me(words, start, opened, closed, end)


def _owned_by_me(words: Sequence[str], start: int, opened: int, closed: int, end: int) -> bool:
    """Whether the words of the sentences around a quote (``start..opened`` and ``closed..end``, the quote left out)
    say the agent owns it: "'not my problem' is what I'd say"."""
    around = " ".join([*words[start:opened], *words[closed + 1 : end + 1]]).lower()
    return _SAID_BY_ME.search(around) is not None


# Quotation marks said aloud: "quote" opens someone else's words, "unquote" or "end quote" closes them.
def _spoken_quote_mark(bare: Sequence[str], at: int) -> str | None:
    """ "open", "close" or None for the word at ``at`` of a turn's words (lower case, punctuation off)."""
    if bare[at] in ("unquote", "endquote") or (bare[at] == "end" and bare[at + 1 : at + 2] == ["quote"]):
        return "close"
    if bare[at] == "quote" and (at == 0 or bare[at - 1] != "end"):
        return "open"
    return None


def _inside_spoken_quote(match: Match) -> bool:
    """Words after a spoken "quote" and before its "unquote" (or, with none said, the end of the sentence): a
    complaint or a note read out ("the report says, quote, a pile of crap on the pavement, unquote", "he told me,
    quote, not my problem"), someone else's words, unless the agent owns them ("quote, not my problem, is what I'd
    say")."""
    words = match.item.text.words
    bare = [re.sub(r"\W", "", word).lower() for word in words]
    marks = [_spoken_quote_mark(bare, at) for at in range(len(words))]
    opened = next((w for w in range(match.first_word - 1, -1, -1) if marks[w]), None)
    if opened is None or marks[opened] != "open":
        return False
    closed = next((w for w in range(match.last_word + 1, len(words)) if marks[w]), None)
    if closed is not None and marks[closed] != "close":
        return False
    start, end = sentence_bounds(words, match.first_word, match.last_word)
    if closed is None and opened < start:
        return False  # no "unquote": the quote ends with the sentence it opened in
    first, _ = sentence_bounds(words, opened, opened)
    if closed is None:
        return not _owned_by_me(words, first, opened, end, end)
    return not _owned_by_me(words, first, opened, closed, sentence_bounds(words, closed, closed)[1])


# The agent owning the words they quote: "I said", "is what I'd say", "I'd tell him".
_SAID_BY_ME = re.compile(r"\bi(?:'d| would| will|'ll)? (?:say|said|tell|told)\b")


def _echoed(match: Match, texts: Sequence[SegmentText]) -> bool:
    """Words in quotation marks that the other party said earlier in the call: the agent naming what the
    customer complained of ("'Not my problem' is not something anyone here should write"), not saying it."""
    words = match.item.text.words
    if not (_OPENING_QUOTE.search(words[match.first_word]) and _CLOSING_QUOTE.search(words[match.last_word])):
        return False
    quoted = tuple(
        token.text for token in match.item.text.tokens if match.first_word <= token.first_word <= match.last_word
    )
    return any(
        item.segment.start_ms <= match.item.segment.start_ms
        and item.segment.speaker != match.item.segment.speaker
        and find_phrase(item.text, quoted)
        for item in texts
    )


def _reported(match: Match) -> bool:
    before = " ".join(token.text for token in match.item.text.tokens if token.last_word < match.first_word)
    return bool(_REPORTED.search(before))


# Someone else's words reported in a statement: a third party rang, wrote or came in and "said" them, or "called
# us" them ("aye she rang here and said bloody cowboys to me"), with no "i" or "we" in the sentence before (the
# agent's own words: "i rang him and said ..."), and at most two words between in the same clause ("said bloody
# hell"; not "she said no, bloody hell"). Words aimed at the customer again ("he called you an idiot?") are left to
# review.
_REPORTED_BY_ANOTHER = re.compile(
    r"^(?:(?!i |we )\w+ )*?(?:he|she|they|(?:the|your|my|our|his|her|their|a) \w+|mrs \w+|mr \w+)"
    r"(?: (?!i\b|we\b|you\b)\w+){0,5}"
    r" (?:said|says|called (?:me|us|him|her|them|it|(?:my|our|his|her|their|the) \w+)(?: a| an)?)"
    r"(?P<between>(?: (?!i\b|we\b)\w+){0,2})$"
)


# ... or said to be someone else's right after them ("a damn racket, my taid used to say exactly the same about
# insurance", "bloody cowboys, she called them"): no "i", "we" or "you" before whose words they are.
_REPORTED_AFTER_BY_ANOTHER = re.compile(
    r"^(?: (?!i\b|we\b|you\b)\w+){0,2}? (?:he|she|they|(?:my|your|his|her|their|our|the) \w+)"
    r" (?:(?:used to|would|would always|always|often|still) )?(?:say|says|said|call|calls|called) (?:exactly |just )?"
    r"(?:the same|that|so|it|them|us|him|her)\b"
)


def _reported_by_another(match: Match) -> bool:
    """Whether the sentence says whose words these are, someone else's: before them or right after them."""
    words = match.item.text.words
    start, end = sentence_bounds(words, match.first_word, match.last_word)
    tokens = match.item.text.tokens
    after = " ".join(token.text for token in tokens if match.last_word < token.first_word <= end)
    if _REPORTED_AFTER_BY_ANOTHER.search(f" {after}"):
        return True
    before = [token for token in tokens if start <= token.first_word and token.last_word < match.first_word]
    reported = _REPORTED_BY_ANOTHER.search(" ".join(token.text for token in before))
    if reported is None:
        return False
    between = before[len(before) - len(reported["between"].split()) :]
    return not any(CLAUSE_END.search(words[token.last_word]) for token in between)


# Words a negation passes over to bear on prohibited words after it: saying ("I'm not saying it's on you"), being,
# modals and auxiliaries, determiners and pronouns ("there's no such thing as a silly question", "he shouldn't have
# said 'you people'"). Any other word takes the negation for itself: "I don't have a bloody crystal ball" denies
# having, "it's not complicated, honestly my nine year old can work it" denies complication.
_NEGATION_BRIDGE = frozenset(
    {
        "a", "an", "the", "that", "this", "it", "its", "is", "was", "be", "being", "been", "are", "am", "to", "so",
        "such", "thing", "as", "very", "really", "at", "all", "even", "ever", "just", "going", "gonna", "want",
        "would", "will", "can", "could", "should", "might", "must", "have", "has", "had", "do", "does", "did", "say",
        "saying", "said", "call", "calling", "called", "tell", "telling", "told", "mean", "meaning", "meant", "think",
        "suggest", "suggesting", "imply", "implying", "i", "we", "you", "he", "she", "they", "me", "him", "her",
        "them", "us", "make", "making", "promise", "promising", "guarantee", "guaranteeing", "sure", "exactly",
        "necessarily", "quite", "too", "any", "anyone", "anybody", "one", "of", "for", "with", "like",
    }
)  # fmt: skip
_HAVING = frozenset({"a", "an", "the", "any", "some", "no", "time", "got"})


def _negation_bears_on(match: Match) -> bool:
    """Whether the negation that ``is_negated`` found before a prohibited cue bears on it, not on a word between."""
    if not is_negated(match.item.text, match.first_word, match.last_word, inside=False):
        return True  # negated inside its own words ("definitely not approved")
    tokens = match.item.text.tokens
    at = next((i for i, token in enumerate(tokens) if token.first_word >= match.first_word), len(tokens))
    for index in range(at - 1, -1, -1):
        if tokens[index].text in NEGATORS:
            return all(
                tokens[k].text in _NEGATION_BRIDGE
                and not (tokens[k].text in {"have", "has", "had"} and tokens[k + 1].text in _HAVING)
                for k in range(index + 1, at)
            )
    return True


def _promises_own_doing(match: Match) -> bool:
    _, onwards = _sentence_text(match.item, match.first_word, match.last_word)
    return bool(tone.OWN_DOING_PROMISED.search(onwards))


def _judge_must_not(compiled: CompiledCriterion, texts: Sequence[SegmentText]) -> CriterionResult:
    criterion = compiled.criterion
    who = criterion.speaker or "anyone"
    violations: list[Match] = []
    reported: list[Match] = []
    spared: list[Match] = []  # cues that do not count, cited on a pass so a reviewer sees what was weighed
    speaker_texts = segments_for_speaker(texts, criterion.speaker)
    for item in speaker_texts:
        for match in compiled.matches(item):
            if (
                (match.negated and _negation_bears_on(match))
                or _promises_own_doing(match)
                or compiled.excused(match)
                or _echoed(match, texts)
                or _inside_quotes(match)
                or _inside_spoken_quote(match)
                or _reported_by_another(match)
            ):
                spared.append(match)  # "i can not guarantee", "our Hell's Kitchen store", "she said bloody ..."
                continue
            (reported if _reported(match) else violations).append(match)
        spared.extend(compiled.inside_names(item))  # "the Hellifield run"
        if compiled.tone:  # "whatever time suits you": the words of a rule, in a sentence no rule finds rude
            spared.extend(
                Match(item, *span, negated=False, exact=False) for span in find_pattern(item.text, tone.LOOSE)
            )
    if violations:
        evidence = _distinct([match.evidence() for match in violations])
        return CriterionResult.judged(
            criterion,
            verdict="fail",
            reason=f"prohibited language from {who} in segment {evidence[0].segment_index}"
            + (f": {violations[0].who_it_hurts()}" if violations[0].kind else ""),
            evidence=evidence,
            confidence=CONFIDENCE_LITERAL if violations[0].exact else CONFIDENCE_FUZZY,
        )
    if reported:
        return CriterionResult.judged(
            criterion,
            verdict="needs_review",
            reason=f"{who} repeats prohibited words, apparently quoting someone else",
            evidence=[match.evidence() for match in reported[:MAX_EVIDENCE_PER_CRITERION]],
            confidence=CONFIDENCE_REPORTED,
        )
    objected = _objected_to(compiled, texts) if compiled.tone else None
    if objected is not None:
        said, objection = objected
        return CriterionResult.judged(
            criterion,
            verdict="needs_review",
            reason=f"the customer objects to how {who} spoke to them in segment {said.segment_index}; no rule names"
            " what was said",
            evidence=[said, objection],
            confidence=CONFIDENCE_REPORTED,
        )
    others = [item for item in texts if all(item is not mine for mine in speaker_texts)]
    spared.extend(
        match
        for item in others
        for match in compiled.matches(item)
        if not match.negated and not compiled.excused(match)
    )
    if spared:
        evidence = _distinct([match.evidence() for match in spared])
        reason = (
            f"no prohibited language from {who}: the words in segment {evidence[0].segment_index} are negated, "
            "part of a name or innocent wording, or someone else's"
        )
        return CriterionResult.judged(criterion, verdict="pass", reason=reason, evidence=evidence, confidence=0.9)
    return CriterionResult.judged(
        criterion, verdict="pass", reason=f"no prohibited language from {who}", evidence=[], confidence=0.9
    )


def _objected_to(compiled: CompiledCriterion, texts: Sequence[SegmentText]) -> tuple[Evidence, Evidence] | None:
    """The criterion's speaker's segment that the customer's very next turn objects to as rude ("Are you threatening
    me?"), and the objection: what was said may be in words no rule knows, so a person judges it."""
    speaker = compiled.criterion.speaker
    if speaker is None:
        return None
    for said, reply in pairwise(texts):
        customer = reply.segment.speaker
        if said.segment.speaker != speaker or customer == speaker or is_unattributed(customer):
            continue
        for first, last in find_pattern(reply.text, tone.OBJECTS_TO_MANNER):
            return segment_evidence(said.segment), evidence_for(reply, first, last)
    return None


# What a sentence rude to the customer does instead of a must-have criterion's thing: "thats on you not us its printed
# right on the sheet" reads like a request for a detail to a sentence's vector, and asks for none.
_RUDE_KINDS = ("dismisses the customer", "talks down to the customer", "threatens the customer", "mocks the customer")


def _rude(unit: Unit) -> bool:
    """Whether the sentence holding a unit dismisses, talks down to, threatens or mocks the customer (not promises:
    "I promise I'll ring you tomorrow" still says when)."""
    return _rude_sentence(unit.sentence().normalized)


def _rude_sentence(normalized: str) -> bool:
    return any(kind in _RUDE_KINDS for kind in _conduct_kinds(normalized))


@lru_cache(maxsize=4096)
def _conduct_kinds(normalized: str) -> tuple[str, ...]:
    """What the conduct rules find a sentence does to the customer, read once per sentence."""
    return tuple(tone.kinds_in(normalized))


# A unit this short is its words: its averaged vector is a word or two, and their pieces ("mairtin" shares pieces with
# "unfair", "missing" with "miss", "po" with "poor") make it near an example it says nothing of.
SHORT_UNIT_WORDS = 2


def _too_short_to_paraphrase(score: IntentScore) -> bool:
    """Whether a unit of a word or two is near its example without sharing a word with it: "Missing." is no "You must
    really miss it."; "oh no" is near "Oh no, that sounds awful." by its words."""
    words = score.unit.normalized.split()
    return len(words) <= SHORT_UNIT_WORDS and not set(words) & set(normalize_phrase(score.example))


def _too_short_to_learn_from(criterion: ScorecardCriterion, unit: Unit) -> bool:
    """Whether a unit of a word or two as written shares no word with any of the criterion's pass examples: the learned
    reading of "Ehe." or "That's it." is its few pieces, not a sympathy or a goodbye; "Oh no." shares its words with
    "Oh no, that sounds awful.", and words such as "that" or "is" count for nothing."""
    if unit.last_word - unit.first_word + 1 > SHORT_UNIT_WORDS:
        return False
    words = set(unit.normalized.split()) - _GLUE_WORDS
    return not any(words & set(normalize_phrase(example)) for example in criterion.pass_examples)


# Words any sentence may share with an example ("that is it" with "that is awful"): no sign of meaning it.
_GLUE_WORDS = frozenset(
    {"that", "is", "it", "this", "the", "a", "an", "i", "you", "we", "to", "of", "and", "so", "be", "are", "was", "am",
     "do", "your", "my", "in", "on", "for", "at"}
)  # fmt: skip


def _distinct(evidence: Sequence[Evidence]) -> list[Evidence]:
    """The first few pieces of evidence, each quote once (two cues in one sentence quote it twice)."""
    seen: set[tuple[int, str]] = set()
    kept = []
    for item in evidence:
        if (item.segment_index, item.quote) not in seen:
            seen.add((item.segment_index, item.quote))
            kept.append(item)
    return kept[:MAX_EVIDENCE_PER_CRITERION]


def _sentence_text(item: SegmentText, first_word: int, last_word: int) -> tuple[str, str]:
    """The normalized sentence holding words ``first_word..last_word``, and its part from ``first_word`` on."""
    start, end = sentence_bounds(item.text.words, first_word, last_word)
    tokens = [token for token in item.text.tokens if start <= token.first_word <= end]
    return " ".join(t.text for t in tokens), " ".join(t.text for t in tokens if t.first_word >= first_word)


def _next_sentence(item: SegmentText, last_word: int) -> str:
    """The normalized sentence after the one holding word ``last_word`` in the same turn, or ""."""
    _, end = sentence_bounds(item.text.words, last_word, last_word)
    if end + 1 >= len(item.text.words):
        return ""
    return _sentence_text(item, end + 1, end + 1)[0]


# What follows it may take back what came before ("sorry it arrived like that, though it should have been wrapped
# at your end").
_CONTRAST = re.compile(r" (?:but|though|although|pero|lekin|magar|lakini|mais) ")
# An offer withdrawn by what follows it ("I could try putting you through, but there's really no point").
_NO_POINT = re.compile(
    r"\b(?:there is|theres|it is|its|there would be|there will be)(?: really| honestly| just)? no point\b"
)


def _says_when(item: SegmentText, first_word: int) -> bool:
    """Whether the sentence holding word ``first_word``, or what follows it in the turn, says when."""
    start, _ = sentence_bounds(item.text.words, first_word, first_word)
    return tone.says_when(" ".join(token.text for token in item.text.tokens if token.first_word >= start))


# A request in the words of a statement: "please read me ...", "I'll need your ...", "if you could confirm ...".
_REQUEST = re.compile(
    # "I'll need your postcode" asks; "if you need help, you can email our team" does not.
    r"\b(?:please|kindly|(?:i|we)(?: will| would| just| also| still| will just)? need|need (?:your|the|to (?:see|check"
    r"|confirm|take|have|get|verify))|give me|gie me|gimme|tell me|read me|quote me|send me|confirm|spell"
    r"|let me (?:have|take|get|grab)"
    # "read out the code on your bill" asks; "let me read out your balance" is the agent reading
    r"|(?<!me )(?<!i )(?<!ill )(?<!i'll )(?<!we )(?<!will )read (?:out|off)"
    r"|if you (?:could|can|would)|go ahead with"
    # A sentence opened by the verb tells the customer to do it: "Say the email on your login.", "To find the policy,
    # key in your member number."
    r"|^(?:just |now |to (?:find|locate|look up|pull up|check|verify|open)(?: \w+){0,4} )?"
    r"(?:say|provide|enter|share|key in|type in|punch in|tap in)"
    # The same requests in the languages calls switch into: Spanish, Portuguese, French, Hindi and Urdu, Tagalog and
    # Swahili, as written in Latin script ("Dígame su número de folio.", "Job card number bata dein.").
    r"|por favor|digame|decime|dime|dame|indiqueme|proporcioneme|confirme|confirmeme|me (?:da|das|puede dar|podria dar"
    r"|proporciona|regala|confirma|indica|pasa|passa|informa)|pode me (?:passar|informar|dizer|confirmar)|informe"
    r"|s il vous plait|donnez moi|pouvez vous|kripya|kirpya|bataiye|bata dijiye|bata dein|bata den|batayein|bataen"
    r"|batao|dijiye|boliye|pakibigay|pakisabi|paki|pwede (?:ko )?(?:po )?(?:bang|ba)|tafadhali|nipe|naomba|niambie)\b"
)
# A question without its question mark ("booking under which name ah").
# "What" asks when it opens the sentence or follows a preposition ("booking under which name"), not when it
# stands for "the thing that" ("that's what happens", "I know what you mean"), nor when the agent says what they
# will do ("What I'll do, I'll credit the fee.": a subject before the verb, where a question puts it after).
_ASKED_WITHOUT_MARK = re.compile(
    r"(?:^|\b(?:so|and|but|okay|ok|right|now|um|uh|ah|oh|yeah|well|under|for|on|in|at|to|with|from|by|about) )"
    r"(?:which|whose|what(?! (?:i|we) (?:will|would|shall|can|could|am|are)\b)|whats)\b"
)


@dataclass(frozen=True)
class ExampleShape:
    """What a criterion's example wording shares besides its words, read once per card: the mood and content every
    pass example has are part of what the criterion means, which averaged word vectors do not see."""

    names_someone: bool  # every pass example has a name slot ({org}, {name}): a greeting must name who answers
    asks_sometimes: bool  # some pass example is a question; if none is, a question does not do it
    only_asks: bool  # every pass example asks the customer something: a statement does not do it
    says_when: bool  # every pass example names a day, a time or how long: words without one do not do it
    closes_calls: bool  # (nearly) every pass example is a goodbye or good wish: one in the last turn does it
    apologises: bool  # some pass example says sorry: an apology or sympathy
    takes_back: bool  # a fail example shows it undone by what follows a "but" ("Sorry, but that's not my problem.")
    negative_fails: bool  # a fail example says it in the negative ("No, this call isn't being recorded.")
    person_fails: bool  # a fail example claims a person is answering ("No, I'm a real person."): so does any claim
    asks_for_details: bool  # most pass examples ask for a detail (a number, a name): asked to look them up does it
    topics: frozenset[str]  # what every pass example speaks of (tone.TOPICS): a sentence must speak of it too

    @staticmethod
    def of(criterion: ScorecardCriterion) -> ExampleShape:
        return _example_shape(tuple(criterion.pass_examples), tuple(criterion.fail_examples))


def _is_request(example: str) -> bool:
    return example.rstrip().endswith("?") or bool(_REQUEST.search(" ".join(normalize_phrase(example))))


def _asks_for_a_detail(example: str) -> bool:
    return _is_request(example) and tone.asks_for_a_detail(" ".join(normalize_phrase(example)))


# The share of pass examples that must ask for a detail for a criterion to be about checking who is calling.
_DETAILS_ASKED = 0.6


@lru_cache(maxsize=512)  # bounded: campaign scorecards bring their own examples
def _example_shape(passes: tuple[str, ...], fails: tuple[str, ...]) -> ExampleShape:
    said = [normalize_phrase(example) for example in passes]
    return ExampleShape(
        names_someone=bool(passes) and all(_SLOT.search(example) for example in passes),
        asks_sometimes=any(example.rstrip().endswith("?") for example in passes),
        only_asks=bool(passes) and all(_is_request(example) for example in passes),
        says_when=bool(passes) and all(tone.says_when(" ".join(words)) for words in said),
        closes_calls=tone.closes_a_call(passes),
        apologises=any(not tone.APOLOGY_WORDS.isdisjoint(words) for words in said),
        takes_back=any("but" in normalize_phrase(example) for example in fails),
        negative_fails=any(not NEGATORS.isdisjoint(normalize_phrase(example)) for example in fails),
        person_fails=any(tone.claims_a_person(" ".join(normalize_phrase(example))) for example in fails),
        asks_for_details=bool(passes)
        and sum(_asks_for_a_detail(example) for example in passes) >= _DETAILS_ASKED * len(passes),
        topics=frozenset.intersection(*(tone.topics_of(" ".join(words)) for words in said)) if said else frozenset(),
    )


def _undercut(criterion: ScorecardCriterion, item: SegmentText, first_word: int, last_word: int) -> str | None:
    """Why words that do the criterion are undone by the rest of their sentence, or None: sarcasm ("oh I'm so sorry
    you had to wait two whole minutes"), or, where the card shows that shape, a "but" or "though" that blames the
    customer ("I'm sorry, but you should have read the terms")."""
    sentence, onwards = _sentence_text(item, first_word, last_word)
    if tone.sarcastic(sentence):
        return "said sarcastically"
    said = {token.text for token in item.text.tokens if first_word <= token.first_word <= last_word}
    shape = ExampleShape.of(criterion)
    if shape.person_fails and tone.claims_a_person(sentence):
        # "No need to worry, you are speaking with a real member of staff": close to "you are speaking to a machine"
        # in its words, and the failure the card shows in its meaning.
        return "it says a person is answering"
    if shape.apologises and tone.asks_again(sentence):
        # In other words too: "Line's breaking up, say the last bit again." read as close to "Not again, that's the
        # last thing you need."
        return "it only asks the customer to say something again"
    if not said.isdisjoint(tone.APOLOGY_WORDS):
        start, end = sentence_bounds(item.text.words, first_word, last_word)
        said_as_written = " ".join(item.text.words[start : end + 1])
        if (
            tone.asks_again(sentence)
            or tone.PARDON.search(said_as_written)
            or tone.checks_back(sentence, said_as_written)
        ):
            return "it only asks the customer to say something again"
        if tone.introduces_itself(sentence):
            return "it only excuses not having said who is answering"
        if tone.TALKED_OVER.search(sentence):
            return "it only excuses talking over the customer"
        if tone.CALL_CONDITIONS.search(sentence):
            return "it only apologises for the call's own noise or line"
        if tone.FOR_HOW_THEY_TOOK_IT.search(sentence):
            return "it apologises for how the customer took it, not for what went wrong"
        if tone.FOR_THEIR_OWN_DOING.search(sentence):
            return "it apologises for what the customer chose to do: it blames them"
        if _rude_sentence(sentence):
            # "I am sorry if you did not understand our rules", "sorry it's not clicking for you".
            return "the apology itself talks down to or blames the customer"
        if tone.GRUDGING.search(said_as_written) or tone.REFUSED.search(sentence):
            return "the apology is grudging or refused"
    if tone.sends_elsewhere(sentence) and tone.offers_more(criterion.pass_examples):
        return "it sends the customer to someone else for anything more"
    contrast = _CONTRAST.search(f" {onwards} ")
    rest = f" {onwards} "[contrast.end() :] if contrast else ""
    if _NO_POINT.search(rest):
        return "taken back: it says there is no point"
    if shape.takes_back:
        before = sentence[: len(sentence) - len(onwards)]
        # ... or by anything the conduct rules find rude ("sorry, but you chose the colour yourself", "sorry o, but
        # this one na your own wahala").
        if (contrast and (tone.blames(rest) or _rude_sentence(rest.strip()))) or tone.BLAMED_FIRST.search(before):
            return "taken back by blaming the customer"
        # ... or by the sentence the "but" leads into ("sorry sir, but see, you booked at ten-oh-two. This is your
        # fault only."); a blameless "sorry, but that's the rule." followed by help is not rude.
        if contrast and _rude_sentence(_next_sentence(item, last_word)):
            return "taken back by blaming the customer"
    return None


def _conduct_in(match: Match) -> bool:
    sentence, _ = _sentence_text(match.item, match.first_word, match.last_word)
    return bool(_conduct_kinds(sentence))


def _aside_apology(match: Match) -> bool:
    sentence, _ = _sentence_text(match.item, match.first_word, match.last_word)
    return tone.aside_apology(sentence)


def _cited(
    criterion: ScorecardCriterion, verdict: Verdict, evidence: Evidence, reason: str, confidence: float
) -> CriterionResult:
    """A verdict resting on one quote; ``{segment}`` in ``reason`` becomes the quote's segment index."""
    return CriterionResult.judged(
        criterion,
        verdict=verdict,
        reason=reason.replace("{segment}", str(evidence.segment_index)),
        evidence=[evidence],
        confidence=confidence,
    )


def _asks_in(item: SegmentText, first_word: int) -> bool:
    """Whether the sentence holding word ``first_word`` asks the customer something: it is a question or a request,
    or it cannot tell (speech recognition without punctuation, or none at the end of this sentence: "owt else i can
    do for thee")."""
    words = item.text.words
    start, end = sentence_bounds(words, first_word, first_word)
    if not SENTENCE_END.search(words[end]):
        return True
    said = " ".join(token.text for token in item.text.tokens if start <= token.first_word <= end)
    return words[end].endswith("?") or bool(_REQUEST.search(said) or _ASKED_WITHOUT_MARK.search(said))


# What a check of who the customer is asks for: who they are, or a detail of theirs (``tone.DETAIL_WORDS``) or of
# what they hold ("what's the booking under?", "when was she born?", "read me the serial", "say your verbal passcode").
_WHOM_AND_WHAT_THEY_HOLD = (
    "who", "whom", "whose", "under", "ref", "eircode", "zip", "names", "surname", "born", "birthday", "dob",
    "passcode", "pin", "mobile", "cell", "line", "serial", "vin", "id", "booking", "account", "holder", "owner", "file",
    "policy", "order", "member", "membership", "licence", "license", "plate", "house", "flat", "street", "school",
    "maiden", "married",
)  # fmt: skip
_DETAIL_OR_WHOM = re.compile(rf"\b(?:{'|'.join((*tone.DETAIL_WORDS, *_WHOM_AND_WHAT_THEY_HOLD))})\b")


def _names_a_detail_or_whom(normalized: str) -> bool:
    """Whether a sentence read as checking who the customer is names a detail of theirs, asks who they are, or asks
    for something to look them up by ("which depot did you drop it at, so I can pull the docket up?"): an opening
    "how can I help?" or "what's your question?" does none of these, however close its words are."""
    return _DETAIL_OR_WHOM.search(normalized) is not None or tone.asks_to_look_up(normalized)


def _with_the_sentences_around(unit: Unit) -> str:
    """The normalized sentence of a unit with the ones either side of it in its turn, which an offer may point back
    to ("A technician can call you back within two hours. Would you like me to arrange that?") and a heads-up may
    lead to ("Quick heads up, you've got the dispatch computer. Everything said on this line goes to the log
    recorder.")."""
    sentence = unit.sentence()
    first, last = sentence.first_word, sentence.last_word
    if first > 0:
        first = Unit(unit.item, first - 1, first - 1).sentence().first_word
    if last < len(unit.item.text.words) - 1:
        last = Unit(unit.item, last + 1, last + 1).sentence().last_word
    return Unit(unit.item, first, last).normalized


# Handing the call to someone else, who will check: "shall I transfer you to the team, who can check your order?"
_HANDED_OVER = re.compile(r"\b(?:transfer you|put you through|connect you|pass you|hand you over)\b")
# A detail asked for to find a place, not the customer: "Pole number, or nearest landmark?"
_FOR_A_PLACE = re.compile(r"\b(?:nearest|closest|near you|near to you|where you are|in your area|your local)\b")
# A way for the customer to reach someone, given to them: "they're on 021 430 1122", "phone the technician directly on
# 0 7 2 5 ...", "please email exports at ceylonspiceroute dot lk"; "is your number still 0 7 7 ...?" asks theirs.
_GIVES_A_CONTACT = re.compile(
    r"\b(?:(?:they|he|she|we) (?:are|is)|directly|call|ring|phone|dial|text|whatsapp|reach)"
    r"(?: (?!your\b|you\b)\w+){0,4}? (?:on|at) \+?\d"
    r"|\b(?:please |just )?(?:email|e mail|write to) (?!your\b|me\b|us your\b)\w+ at \w+ dot\b"
)
# Where something will be sent, told and not asked: "your sms ticket will go to the number you are calling from";
# "the code goes to the number on file, can you confirm it?" still asks.
_SENT_TO_THEIRS = re.compile(
    r"\b(?:will|would|is going to|gets|get|goes|go|is|are) (?:go|goes|be sent|come|arrive|be texted|be emailed|sent"
    r"|texted|emailed)(?: (?:by|via|as an?) (?:sms|text|email|e mail|message|whatsapp))? to (?:the|your) (?:number"
    r"|phone|mobile|email|e mail|address|inbox)\b(?!.*\b(?:confirm|is that|is it still|correct|right|which|what)\b)"
)
# What the call is about, asked to route it: "are you calling about the summer school, or a place you've already
# booked?".
_WHAT_ABOUT = re.compile(
    r"^(?:and |so |okay |ok |now )?(?:are|were) you (?:calling|ringing|phoning|contacting us) (?:about|for|regarding"
    r"|in regards to|with regard to)\b"
)
# Someone else's words put to the customer: "He said it was 'a stupid address to find'?"
_SOMEONE_SAID = re.compile(r"^(?:so |and |wait |sorry )?(?:he|she|they|the \w+) (?:said|told you|says)\b")


def _checks_who_they_are(unit: Unit) -> bool:
    """Whether a sentence close to an identity check is one: it names a detail of the customer's or asks who they
    are, and neither hands the call to someone else who will check, repeats what someone else said, asks for
    something near them to find a place, gives them a number or address to reach someone, tells them where
    something will be sent, nor asks what the call is about."""
    normalized = unit.sentence().normalized
    return (
        _names_a_detail_or_whom(normalized)
        and not _HANDED_OVER.search(normalized)
        and not _SOMEONE_SAID.search(normalized)
        and not _FOR_A_PLACE.search(normalized)
        and not _GIVES_A_CONTACT.search(normalized)
        and not _SENT_TO_THEIRS.search(normalized)
        and not _WHAT_ABOUT.search(normalized)
    )


def _asks_something(unit: Unit) -> bool:
    return _asks_in(unit.item, unit.first_word)


# "Nothing else I can help with, no?": a question in the negative still asks whether there is more.
_NOTHING_MORE = re.compile(r"\b(?:nothing|none|no) (?:else|more|further|other)\b")
_CAN_DO_NO_MORE = re.compile(r"\b(?:nothing|no) (?:else|more|further) (?:i|we) (?:can|could) (?:do|offer|say)\b")
_TAG = re.compile(r"\b(?:alright|all right|okay|ok|yeah|right|understood|got it|yes)$")


def _asked_in_the_negative(item: SegmentText, first_word: int) -> bool:
    """Whether the sentence holding word ``first_word`` asks, in the negative, whether there is more."""
    words = item.text.words
    start, end = sentence_bounds(words, first_word, first_word)
    said = " ".join(token.text for token in item.text.tokens if start <= token.first_word <= end)
    if end > start and CLAUSE_END.search(words[end - 1]) and _TAG.search(said) and _CAN_DO_NO_MORE.search(said):
        return False  # a statement with a tag ("nothing else I can do for you, alright?") tells them there is no more
    return words[end].endswith("?") and bool(_NOTHING_MORE.search(said))


def _marked_late(criterion: ScorecardCriterion, item: SegmentText, first_word: int) -> bool:
    """Whether words due at the start of the call are in a sentence that says itself it comes late ("I should have
    said at the start, this call is recorded"): a reviewer takes the speaker's word for it."""
    if criterion.within_first_ms is None:
        return False
    sentence, _ = _sentence_text(item, first_word, first_word)
    return tone.marked_late(sentence)


def _judge_intent(
    criterion: ScorecardCriterion,
    scorecard: Scorecard,
    intents: CallIntents,
    speaker_texts: Sequence[SegmentText],
    clock: SpeechClock,
    thresholds: IntentThresholds,
    *,
    learned: bool = True,
) -> CriterionResult | None:
    """A pass (or a review) from the sentence that means what the criterion's examples mean, else None; ``learned``
    lets the learned classifier pass a sentence where the examples find none."""
    who = criterion.speaker or "anyone"
    allowed = {id(item) for item in speaker_texts}
    chosen = [
        index
        for index, unit in enumerate(intents.units)
        if id(unit.item) in allowed
        and in_window(unit.evidence(), criterion, clock)
        and not _marked_late(criterion, unit.item, unit.first_word)
    ]
    for unit, example in intents.templated(criterion, chosen):
        if not unit.negated:
            reason = f"{who} said it in segment {{segment}}, in the form of {example!r}"
            return _cited(criterion, "pass", unit.evidence(), reason, CONFIDENCE_FUZZY)
    shape = ExampleShape.of(criterion)
    if shape.names_someone and criterion.within_first_ms is not None:
        named = intents.answered_by_name(chosen)
        if named is not None and not named.negated:
            reason = f"{who} said who is answering in segment {{segment}}: the reply calls them by that name"
            return _cited(criterion, "pass", named.evidence(), reason, CONFIDENCE_FUZZY)
    read = intents.score(criterion, scorecard, chosen)

    def fits(unit: Unit) -> bool:
        """Whether a close sentence also has what every pass example shares (see ``ExampleShape``) and is not
        undone by the rest of it."""
        sentence = unit.sentence().normalized
        return (
            (shape.asks_sometimes or not unit.is_question)
            and (not shape.only_asks or _asks_something(unit))
            and (not shape.says_when or _says_when(unit.item, unit.first_word))
            and not _taken_back(criterion, intents, unit)
            and not _undercut(criterion, unit.item, unit.first_word, unit.last_word)
            and not tone.only_acknowledges(sentence)
            and not _rude(unit)
            and (not shape.asks_for_details or _checks_who_they_are(unit))
            and shape.topics <= tone.topics_of(_with_the_sentences_around(unit))
            and not (tone.SOMEONE_TO_REACH in shape.topics and tone.menu_option_for_something_else(sentence))
        )

    # When the card's fail examples say it in the negative, a negated sentence is that failure, not a doubt for a
    # reviewer.
    scores = [
        score
        for score in read
        if score.margin >= thresholds.review_margin
        and not (shape.negative_fails and score.unit.negated)
        and fits(score.unit)
        and not _too_short_to_paraphrase(score)
    ]
    passing = [
        score
        for score in scores
        if score.similarity >= thresholds.pass_similarity
        and score.margin >= thresholds.pass_margin
        and not score.unit.negated
    ]
    if not passing and read and intents.reads_word_order:
        # A second reading, of whole sentences: "I'd be pulling my hair out too" shares no word with "that
        # must be frustrating". Only the sentences WordLlama finds closest to the pass examples are read again
        # (the encoder costs 5-10 ms a sentence on one core), so a long call stays well under a second.
        ranked = sorted(zip(chosen, read, strict=True), key=lambda pair: -pair[1].similarity)
        candidates = sorted(index for index, _ in ranked[:ORDERED_CANDIDATES])
        passing = [
            score
            for score in intents.score(criterion, scorecard, candidates, ordered=True)
            if score.similarity >= thresholds.ordered_pass_similarity
            and score.margin >= thresholds.ordered_pass_margin
            and not score.unit.negated
            and fits(score.unit)
            and not _too_short_to_paraphrase(score)
        ]
    if tone.offers_more(criterion.pass_examples):
        # An offer of more help comes once the issue is dealt with: "what can I do for you?" opening a call is
        # no such offer. Past the middle of the call, a question that leaves it open is one ("that everything?").
        scores = [score for score in scores if not _too_early(score.unit.item, intents.texts)]
        passing = [score for score in passing if not _too_early(score.unit.item, intents.texts)]
        if not passing:
            offer = next((u for u in (intents.units[i] for i in chosen) if _offers_more(criterion, u, clock)), None)
            if offer is not None:
                reason = f"{who} asked in segment {{segment}} whether there was more, once the issue was dealt with"
                return _cited(criterion, "pass", offer.evidence(), reason, CONFIDENCE_FUZZY)
    if not passing and ExampleShape.of(criterion).closes_calls and chosen:
        # A goodbye or good wish in the speaker's last turn closes the call, in whatever words ("happy journey").
        last_turn = max(speaker_texts, key=lambda item: item.segment.start_ms)
        farewell = next(
            (
                unit
                for unit in (intents.units[i] for i in chosen)
                if unit.item is last_turn and tone.says_farewell(unit.normalized) and not unit.negated
            ),
            None,
        )
        if farewell is not None:
            reason = f"{who} closed with a goodbye or good wish in segment {{segment}}"
            return _cited(criterion, "pass", farewell.evidence(), reason, CONFIDENCE_FUZZY)
    if not passing and shape.asks_for_details:
        # A detail asked for so as to find the customer's records checks who they are, whatever the detail is called
        # ("what eircode is the yard at so I can pull it up").
        lookup = next(
            (
                unit
                for unit in (intents.units[i] for i in chosen)
                if not unit.negated and fits(unit) and tone.asks_to_look_up(unit.sentence().normalized)
            ),
            None,
        )
        if lookup is not None:
            reason = f"{who} asked in segment {{segment}} for a detail to look the customer up"
            return _cited(criterion, "pass", lookup.evidence(), reason, CONFIDENCE_FUZZY)
    unsure_learned: tuple[Unit, float] | None = None
    if not passing and learned and chosen and criterion.pass_examples and not shape.names_someone:
        # The learned classifier reads every sentence in the window; the same guards hold as for any other pass. It
        # reads the meaning the card's pass examples show, so a criterion a card leaves to its phrases alone (no pass
        # examples) is not judged by it. Nor is one whose every example names who answers: a sentence's vector
        # cannot tell a name from none ("Good morning, how can I help you?" reads like "{org}, {name} speaking").
        probabilities = intents.learned(criterion, chosen)
        # How much nearer each unit is to a rival wording than to the criterion's pass examples.
        behind = {index: score.rival - score.similarity for index, score in zip(chosen, read, strict=False)}
        rival_lead = thresholds.learned_rival_lead
        early = tone.offers_more(criterion.pass_examples)
        lowest = min(thresholds.learned_pass, thresholds.learned_review)
        heard: list[tuple[Unit, float]] = [
            (intents.units[index], float(probability))
            for index, probability in zip(chosen, probabilities if probabilities is not None else [], strict=False)
            if probability >= lowest
            and not intents.units[index].negated
            and fits(intents.units[index])
            and not (early and _too_early(intents.units[index].item, intents.texts))
            and not _nearer_a_failure(criterion, intents, index, thresholds)
            and not (rival_lead is not None and behind.get(index, 0.0) > rival_lead)
            and not _too_short_to_learn_from(criterion, intents.units[index])
        ]
        if criterion.within_last_ms is not None:
            heard.sort(key=lambda pair: (-pair[0].item.segment.start_ms, -pair[1]))
        else:
            heard.sort(key=lambda pair: -pair[1])
        sure = next((pair for pair in heard if pair[1] >= thresholds.learned_pass), None)
        if sure is not None:
            reason = f"{who} said it in other words in segment {{segment}} (learned reading, probability {sure[1]:.2f})"
            return _cited(criterion, "pass", sure[0].evidence(), reason, min(CONFIDENCE_FUZZY, sure[1]))
        unsure_learned = next((pair for pair in heard if pair[1] >= thresholds.learned_review), None)
    if criterion.within_last_ms is not None:
        passing.sort(key=lambda score: -score.unit.item.segment.start_ms)  # the closing that matters is last
    else:
        passing.sort(key=lambda score: -score.similarity)
    if passing:
        best = passing[0]
        reason = f"{who} said it in other words in segment {{segment}} (like {best.example!r})"
        return _cited(criterion, "pass", best.unit.evidence(), reason, min(CONFIDENCE_FUZZY, 0.5 + best.margin))
    unsure = max(scores, key=lambda score: score.similarity) if scores else None
    if unsure is None or unsure.similarity < thresholds.review_similarity:
        if unsure_learned is None:
            return None
        maybe, probability = unsure_learned
        reason = (
            f"{who} may have said it in other words in segment {{segment}} (learned reading, probability "
            f"{probability:.2f})"
        )
        return _cited(criterion, "needs_review", maybe.evidence(), reason, CONFIDENCE_REPORTED)
    reason = (
        f"{who} may have said it in segment {{segment}}: close to {unsure.example!r}, "
        f"but also to {unsure.rival_example!r}"
    )
    return _cited(criterion, "needs_review", unsure.unit.evidence(), reason, CONFIDENCE_REPORTED)


def _nearer_a_failure(
    criterion: ScorecardCriterion, intents: CallIntents, index: int, thresholds: IntentThresholds
) -> bool:
    """Whether unit ``index`` is nearer to one of the criterion's fail examples than to any of its pass examples
    (by more than ``learned_failure_lead``): what the classifier reads as doing the thing, the card shows as the
    failure ("I can't put you through to anyone", "sorry, but you should have read the terms")."""
    lead = thresholds.learned_failure_lead
    if lead is None or not criterion.fail_examples or not criterion.pass_examples:
        return False
    to_pass, _ = intents.nearest(index, criterion.pass_examples)
    to_failure, _ = intents.nearest(index, criterion.fail_examples)
    return to_failure - to_pass > lead


def _past_the_middle(unit: Unit, clock: SpeechClock) -> bool:
    start = unit.evidence().start_ms
    return clock.elapsed(start) >= clock.remaining(start)


_TURNS_BEFORE_AN_OFFER = 2


def _too_early(item: SegmentText, texts: Sequence[SegmentText]) -> bool:
    """Whether a turn comes before the other party has had two turns (said what they need, heard the answer):
    too early for an offer of more help. Transcripts without speaker roles cannot tell, and are not judged so."""
    if is_unattributed(item.segment.speaker):
        return False
    before = [other for other in texts if other.segment.start_ms < item.segment.start_ms]
    return sum(other.segment.speaker != item.segment.speaker for other in before) < _TURNS_BEFORE_AN_OFFER


def _offers_more(criterion: ScorecardCriterion, unit: Unit, clock: SpeechClock) -> bool:
    """Whether a unit is a question that leaves the call open ("got any other bits you need sorted?"), asked past
    the middle of the call, neither negated nor undone by its sentence."""
    words, sentence = unit.item.text.words, unit.sentence()
    asked = words[sentence.last_word].endswith("?") or not any(SENTENCE_END.search(word) for word in words)
    return (
        asked
        and _past_the_middle(unit, clock)
        and tone.leaves_it_open(unit.normalized)
        and tone.leaves_it_open(sentence.normalized)
        and (not unit.negated or _asked_in_the_negative(unit.item, unit.first_word))
        and not _undercut(criterion, unit.item, unit.first_word, unit.last_word)
    )


def _taken_back(criterion: ScorecardCriterion, intents: CallIntents, unit: Unit) -> bool:
    """Whether a clause that reads like a pass belongs to a sentence that denies it elsewhere and, whole, is closer
    to a fail example than to any pass example ("Heads up, the recording system's off, so nothing's being
    taped.": "heads up" alone is close to "Heads up, this line is monitored")."""
    if not criterion.fail_examples or not unit.denied_elsewhere:
        return False
    sentence = unit.sentence()
    return (
        intents.nearest_to(sentence, criterion.fail_examples)[0]
        > intents.nearest_to(sentence, criterion.pass_examples)[0]
    )


_WORDS_FOR_A_SAID_FAILURE = 4


def _sounds_like_failure(
    criterion: ScorecardCriterion, intents: CallIntents, match: Match, thresholds: IntentThresholds
) -> tuple[str, float] | None:
    """The fail example that the cue's sentence resembles much more than any pass example, and by how much
    more; or None.

    A fail example worded in the negative ("I'm not a bot.") is not compared with a sentence without a
    negation ("I'm a bot, but I can help."): the embeddings barely see the "not" that makes it a failure."""
    unit = intents.unit_at(match.item, match.first_word)
    if unit is None:
        return None
    failures = criterion.fail_examples
    # A fail example said word for word inside a longer sentence is that failure, whatever follows it
    # ("I'm sorry you feel that way, but rules are rules"): the rest of the sentence only dilutes the embedding.
    spoken = f" {intents.units[unit].normalized} "
    for example in failures:
        words = normalize_phrase(example)
        if len(words) >= _WORDS_FOR_A_SAID_FAILURE and f" {' '.join(words)} " in spoken:
            return example, 1.0
    if not intents.units[unit].negated:
        failures = [example for example in failures if NEGATORS.isdisjoint(normalize_phrase(example))]
    to_pass, _ = intents.nearest(unit, criterion.pass_examples)
    to_failure, failure = intents.nearest(unit, failures)
    if to_failure >= thresholds.refusal_similarity and to_failure - to_pass >= thresholds.refusal_margin:
        return failure, to_failure - to_pass
    return None


# Words that join a denied cue to the next one as its object ("not able to transfer you | to a | live agent"): a
# denial of the first is a denial of the whole.
_JOINING_WORDS = frozenset({"to", "a", "an", "the", "with", "of", "one", "our", "any", "for", "from"})
_MOST_JOINING_WORDS = 3


def _runs_on_from(match: Match, negated: Sequence[Match]) -> bool:
    """Whether a cue continues a denied cue before it: in "I'm not able to transfer you to a live agent" the "not" is
    too far from "live agent" to reach it alone, but it denies the whole transfer."""
    tokens = match.item.text.tokens
    words = match.item.text.words
    for denied in negated:
        if denied.item is not match.item or not denied.last_word < match.first_word:
            continue
        if CLAUSE_END.search(words[denied.last_word]):
            continue
        between = [token.text for token in tokens if denied.last_word < token.first_word < match.first_word]
        if 0 < len(between) <= _MOST_JOINING_WORDS and _JOINING_WORDS.issuperset(between):
            return True
    return False


def _judge_must_have(
    compiled: CompiledCriterion,
    texts: Sequence[SegmentText],
    clock: SpeechClock,
    *,
    scorecard: Scorecard | None = None,
    intents: CallIntents | None = None,
    thresholds: IntentThresholds = DEFAULT_THRESHOLDS,
) -> CriterionResult:
    criterion = compiled.criterion
    who = criterion.speaker or "anyone"
    found: list[Match] = []
    negated: list[Match] = []
    late: list[Match] = []
    speaker_texts = segments_for_speaker(texts, criterion.speaker)
    asks_for_more = tone.offers_more(criterion.pass_examples)
    for item in speaker_texts:
        for match in compiled.matches(item):
            if match.negated and asks_for_more and _asked_in_the_negative(item, match.first_word):
                match = replace(match, negated=False)  # asked, not denied: no refusal ("nothing else I can do")
            if match.negated:
                negated.append(match)
            elif not in_window(match.evidence(), criterion, clock) or _marked_late(criterion, item, match.first_word):
                late.append(match)
            else:
                found.append(match)
    chained = [match for match in found if _runs_on_from(match, negated)]
    negated.extend(chained)
    found = [match for match in found if all(match is not other for other in chained)]
    if asks_for_more:
        # Asked before the issue is dealt with ("sure, anything else you need while I pull you up?"), it offers no
        # more help: an offer of more help comes after the customer has said what they need and been answered.
        late.extend(match for match in found if _too_early(match.item, texts))
        found = [match for match in found if not _too_early(match.item, texts)]
    shape = ExampleShape.of(criterion)
    unnamed = [match for match in found if shape.names_someone and not _names_after(compiled, match)]
    when_less = [match for match in found if shape.says_when and not _says_when(match.item, match.first_word)]
    # Where every pass example asks the customer something, the same words in a statement do not do it ("there's a
    # few more things I can look at for you next week").
    unasked = [match for match in found if shape.only_asks and not _asks_in(match.item, match.first_word)]
    found = [match for match in found if all(match is not other for other in (*unnamed, *when_less, *unasked))]
    undercut = [
        (match, why) for match in found if (why := _undercut(criterion, match.item, match.first_word, match.last_word))
    ]
    found = [match for match in found if all(match is not other for other, _ in undercut)]
    refused: list[tuple[Match, tuple[str, float]]] = []
    if intents is not None and criterion.fail_examples:
        for match in found:
            refusal = _sounds_like_failure(criterion, intents, match, thresholds)
            if refusal is not None:
                refused.append((match, refusal))
        found = [match for match in found if all(match is not other for other, _ in refused)]
    if criterion.within_last_ms is not None:
        # The closing that matters is in the last segment (stable sort: its first cue stays first).
        found.sort(key=lambda match: -match.item.segment.start_ms)
    if not found and undercut:
        # Another sentence may still do it in other words; else the undercut one is the evidence of the failure.
        if intents is not None and scorecard is not None:
            judged = _judge_intent(criterion, scorecard, intents, speaker_texts, clock, thresholds)
            if judged is not None and judged.verdict == "pass":
                return judged
        match, why = undercut[0]
        reason = f"{who} said it in segment {{segment}}, but {why}"
        return _cited(criterion, "fail", match.evidence(), reason, CONFIDENCE_FUZZY)
    if not found and refused:
        match, (like, lead) = max(refused, key=lambda pair: pair[1][1])
        reason = f"{who} said it in segment {{segment}}, but in words like {like!r}, which do not count"
        if lead >= thresholds.refusal_fail_margin:
            return _cited(criterion, "fail", match.evidence(), reason, CONFIDENCE_FUZZY)
        return _cited(criterion, "needs_review", match.evidence(), reason, CONFIDENCE_REPORTED)
    if found:
        if shape.apologises:
            # The evidence is the apology for the problem, not one for a hold or the line said before it.
            on_topic = [match for match in found if not _aside_apology(match)]
            if not on_topic and intents is not None and scorecard is not None:
                asides = {match.item.segment.index for match in found}
                other = [item for item in speaker_texts if item.segment.index not in asides]
                instead = (
                    _judge_intent(criterion, scorecard, intents, other, clock, thresholds, learned=False)
                    if other
                    else None
                )
                if instead is not None and instead.verdict == "pass":
                    return instead
            found = on_topic or found
        if criterion.within_first_ms is None and criterion.within_last_ms is None:
            # ... and at a sentence the conduct rules find nothing in: the date given, not the same date guaranteed.
            found = [match for match in found if not _conduct_in(match)] or found
        best = next((match for match in found if match.exact), found[0])
        if (
            intents is not None
            and scorecard is not None
            and (criterion.within_first_ms is not None or criterion.within_last_ms is not None)
        ):
            # The evidence is where a reviewer looks: an opening said in other words before the first cue ("Hi,
            # Contoso Health appointments." rather than a "thanks for calling" at the end of a short call), and
            # for a closing, the last goodbye in other words after a cue ("cheers, catch you tomorrow" after a
            # "thanks" in the turn before).
            closing = criterion.within_last_ms is not None
            start = best.item.segment.start_ms
            other = [
                item
                for item in speaker_texts
                if (item.segment.start_ms > start if closing else item.segment.start_ms < start)
            ]
            instead = (
                _judge_intent(criterion, scorecard, intents, other, clock, thresholds, learned=False) if other else None
            )
            if instead is not None and instead.verdict == "pass":
                return instead
        evidence = best.evidence()
        return CriterionResult.judged(
            criterion,
            verdict="pass",
            reason=f"{who} did it in segment {evidence.segment_index}",
            evidence=[evidence],
            confidence=CONFIDENCE_LITERAL if best.exact else CONFIDENCE_FUZZY,
        )
    if intents is not None and scorecard is not None and not negated:
        # No cue, or only a late one: the intent layer looks for the same thing said in other words.
        judged = _judge_intent(criterion, scorecard, intents, speaker_texts, clock, thresholds)
        if judged is not None:
            return judged
    near_misses = (
        (negated, f"{who} said it in the negative"),
        (unnamed, f"{who} greeted, but named no one"),
        (when_less, f"{who} said what will happen, but not when"),
        (unasked, f"{who} said it, but did not ask"),
        (late, f"{who} did it, but not{_window_text(criterion)}"),
    )
    for misses, why in near_misses:
        if misses:
            miss = misses[0].evidence()
            return CriterionResult.judged(
                criterion,
                verdict="fail",
                reason=f"{why} (segment {miss.segment_index})",
                evidence=[miss],
                confidence=CONFIDENCE_NEAR_MISS,
            )
    others = [item for item in texts if item not in segments_for_speaker(texts, criterion.speaker)]
    said_by_other = next((m for item in others for m in compiled.matches(item) if not m.negated), None)
    if said_by_other is not None:
        return CriterionResult.judged(
            criterion,
            verdict="fail",
            reason=f"only {said_by_other.item.segment.speaker} said it, not {who}",
            evidence=[said_by_other.evidence()],
            confidence=CONFIDENCE_NEAR_MISS,
        )
    return CriterionResult.judged(
        criterion,
        verdict="fail",
        reason=f"no such wording from {who}{_window_text(criterion)}",
        evidence=[],
        confidence=0.8,
    )


def evaluate_criterion(
    compiled: CompiledCriterion,
    texts: Sequence[SegmentText],
    clock: SpeechClock,
    *,
    language: str | None = None,
    languages: Sequence[str] = DEFAULT_LANGUAGES,
    scorecard: Scorecard | None = None,
    intents: CallIntents | None = None,
    thresholds: IntentThresholds = DEFAULT_THRESHOLDS,
) -> CriterionResult:
    criterion = compiled.criterion
    if language is not None and language not in languages:
        return CriterionResult.judged(
            criterion,
            verdict="not_applicable",
            reason=f"the call is in {language!r}; this criterion is worded in {', '.join(languages)}",
            evidence=[],
        )
    if criterion.must_not:
        return _judge_must_not(compiled, texts)
    return _judge_must_have(compiled, texts, clock, scorecard=scorecard, intents=intents, thresholds=thresholds)


def primary_language(transcript: Transcript) -> str | None:
    """The ISO 639-1 part of the transcript's language ("en-US" -> "en"), or None when unknown."""
    language = (transcript.language or "").strip().lower()
    return language.split("-")[0] or None


class RuleBasedEngine:
    """Scores a transcript against a scorecard with forgiving phrase matching; fully deterministic."""

    name = ENGINE_NAME

    def __init__(
        self,
        *,
        keywords: Sequence[str] = DEFAULT_KEYWORDS,
        summary_sentences: int = DEFAULT_SUMMARY_SENTENCES,
        clock: Callable[[], str] = utc_now_iso,
        intent: IntentModel | None = None,
        intent_thresholds: IntentThresholds = DEFAULT_THRESHOLDS,
        classifiers: IntentClassifiers | None = None,
    ) -> None:
        self._intent = intent
        self._classifiers = classifiers if intent is not None else None
        self._thresholds = intent_thresholds
        self._keywords = tuple(keywords)
        self._summary_sentences = summary_sentences
        self._clock = clock
        models = [
            "phrase-rules",
            *([intent.name] if intent is not None else []),
            *([f"learned-{self._classifiers.sha256[:12]}"] if self._classifiers is not None else []),
            f"vader-{package_version('vaderSentiment')}",
        ]
        self._engine_info = EngineInfo(name=ENGINE_NAME, model="+".join(models), version=RULES_VERSION)

    @staticmethod
    def scorecard_for(context: EvaluationContext) -> Scorecard:
        if context.scorecard is not None:
            return context.scorecard
        return default_scorecard("ai_agent" if context.is_ai_call else "human")

    def evaluate(self, transcript: Transcript, context: EvaluationContext) -> Analysis:
        scorecard = self.scorecard_for(context)
        texts = index_segments(transcript.segments)
        clock = SpeechClock(transcript.segments)
        language = primary_language(transcript)
        intents = CallIntents(self._intent, texts, self._classifiers) if self._intent is not None else None
        criteria = [
            evaluate_criterion(
                CompiledCriterion.of(c),
                texts,
                clock,
                language=language,
                languages=scorecard.languages_of(c),
                scorecard=scorecard,
                intents=intents,
                thresholds=self._thresholds,
            )
            for c in scorecard.criteria
        ]
        analysis = assemble_analysis(
            transcript=transcript,
            context=context,
            scorecard=scorecard,
            criteria=criteria,
            sentiment=analyze_sentiment(transcript.segments),
            summary=extractive_summary(texts, self._keywords, max_sentences=self._summary_sentences),
            keyword_hits=find_keyword_hits(texts, self._keywords),
            engine=self._engine_info,
            created_at=self._clock(),
        )
        logger.info(
            "Evaluated audio file %s with %s scorecard %s@%s: score %.1f, passed %s, %d segment(s)",
            context.audio_file_id,
            ENGINE_NAME,
            scorecard.id,
            scorecard.version,
            analysis.score,
            analysis.passed,
            len(transcript.segments),
        )
        return analysis
