"""Intent detection beyond phrase lists: sentence embeddings compared with a criterion's example wording.

Each sentence of the right speaker, and each of its clauses (long unpunctuated speech-recognition turns
are cut into overlapping windows), is embedded with WordLlama's static token embeddings (``l2_supercat``,
256 dimensions, shipped inside the ``wordllama`` wheel) and compared with the embeddings of every
criterion's pass and fail examples. A sentence shows a criterion's intent when it is closer to that
criterion's pass examples than to its fail examples and to every other criterion's pass examples, by a
margin; the nearest example is named in the reason, so a reviewer sees why. Examples with slots
("{org}, {name} speaking.") are also a grammar: a sentence, or its opening clauses, that is exactly such an
example shows the intent; so does a sentence that begins with one that has wording of its own ("{org}, this is
{name}"), since unpunctuated speech runs the greeting into what follows.

WordLlama averages word vectors, so a sentence that shares few words with the examples is missed. Where it
finds no pass, the sentences it ranks closest are read again, whole, by a word-order-aware encoder
(all-MiniLM-L6-v2, ``encoder.py``) against the same examples and rivals; the encoder runs only when
provisioned (``make model``), and only on those sentences, since it costs milliseconds each.

The model never comes from a hub: WordLlama is asked for the files of its own package directory with
downloads disabled, and both files must match the sha256 pinned here, once per process.

Usage: ``python -m shared.ai.evaluation.intent --check`` verifies the installed model (exit 0, or 4 when
it is missing or does not match the pins).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import logging
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from shared.ai.evaluation.encoder import EncoderUnavailable, SentenceEncoder, default_encoder_dir, load_encoder
from shared.ai.evaluation.matching import (
    COMMON_WORDS,
    NEGATORS,
    SENTENCE_END,
    SegmentText,
    Token,
    evidence_for,
    is_alternative_not,
    is_exclaimed_no,
    is_negated,
    negates_just_before,
    negation_between,
    normalize_phrase,
    sentence_bounds,
)
from shared.models.transcript import is_unattributed

if TYPE_CHECKING:
    from wordllama import WordLlama
    from wordllama.inference import WordLlamaInference

    from shared.ai.evaluation.learned import IntentClassifiers
    from shared.models.analysis import Evidence, Scorecard, ScorecardCriterion

MODEL_CONFIG = "l2_supercat"
MODEL_DIM = 256
MODEL_NAME = f"wordllama-{MODEL_CONFIG}-{MODEL_DIM}"
# sha256 of the files the wordllama 0.4.0.post1 wheel ships, relative to the package directory.
PINNED_SHA256: dict[str, str] = {
    "weights/l2_supercat_256.safetensors": "64b47a2dc493cb8e85944076601189739852d7b64e0e1eedcb1937a251cd9fd5",
    "tokenizers/l2_supercat_tokenizer_config.json": "93248f2a9ec36c7b35f700a033d5f36228aae48db61aee31007fa49062cdeb68",
}
EXIT_OK = 0
EXIT_NOT_PROVISIONED = 4
# Example wording kept encoded by the word-order-aware encoder (384 floats each).
MAX_ORDERED_TEXTS = 20_000

# Unpunctuated turns are cut into windows of this many words, overlapping by half.
WINDOW_WORDS = 12
_CLAUSE_END = re.compile(r"[,;:][\"')\]]*$")
_QUESTION_OPENING = re.compile(
    r"(?:(?:and|so|but|okay|ok|right|well|yeah|um|uh) )*"
    r"(?:why|when|where|who|whose|which"
    r"|(?:do|did|does|are|were|is|was|can|could|would|will|have|has) (?:you|it|they|he|she|we|i|there)) "
)
_SLOT = re.compile(r"\{[a-z_]+\}")


# What agents say all the time without doing any criterion: a sentence must be closer to a criterion's
# examples than to these as well, so that sharing words ("bill", "account", "monday") is not enough.
BACKGROUND_WORDING: tuple[str, ...] = (
    "What seems to be the problem?",
    "What's wrong with it?",
    "Let me have a look at that.",
    "Bear with me a moment.",
    "I can see the payment on the account.",
    "Your bill was higher last month.",
    "The price went up in April.",
    "That's the standard charge.",
    "The system is a bit slow today.",
    "Okay, I see.",
    "Right, got it.",
    "Can you hold on a second?",
    "It says here it was sent on Monday.",
    "The order was placed last week.",
    "That's what the policy says.",
    "You can do that in the app.",
    "Is the light on the router green?",
    "Have you tried turning it off and on again?",
    "We had a lot of calls about that today.",
    "It should say on your statement.",
    "What happened exactly?",
    "When did you first notice it?",
    "You'll have to call back later.",
    "Try ringing again another day.",
    "Thank you for holding.",
    "Appreciate you waiting there.",
)

# A slot in an example ("{org}, {name} speaking") stands for a name: one to five words (a name is one),
# none of them a common word, so "yeah, go ahead" or "what do you need" never fill "{org}, {name}".
_SLOT_WORDS = {"name": 1, "org": 5, "team": 3}
# ... nor a "yes" or "speak" of the languages calls switch into: "Sim, diga." and "Jee, bolein." are a bare "yes, go
# ahead" in Portuguese and Hindi, not a company and a name.
_ANSWERING_WORDS = frozenset({
        "si", "sim", "diga", "digame", "digam", "oui", "allo", "ja", "bitte", "pronto", "dimmi", "jee", "ji", "haan",
        "han", "bolo", "boliye", "bolein", "bolen", "bolye", "kahiye", "ndiyo", "ndio", "sema", "naam", "aiwa", "evet",
        "buyrun", "opo", "oo", "sige", "ano", "moshi",
})  # fmt: skip
_SLOT_WORD = r"(?!(?:" + "|".join(sorted(COMMON_WORDS | _ANSWERING_WORDS)) + r")\b)[a-z0-9]+"
# Nor is a slot that ends the sentence made only of a salutation or a form of address: "hello, good evening" and
# "hello sir" name no company ("Hello, {org}."), though "hello, good day cafe" does.
_ADDRESSED_ONLY = (
    r"(?!(?:(?:good|morning|afternoon|evening|day|there|all|everyone|sir|madam|maam|ji|po|mate|love|dear|boss)"
    r"(?: |$))+$)"
)


# Any template may be opened by a salutation: "hi there, {org}, {name} speaking" is "{org}, {name} speaking",
# itself after a word that opens speech ("yeah hi, ...").
_OPENER = r"(?:(?:yeah|yes|okay|ok|right|so|oh|well|and|sorry) ){0,2}"
_SALUTATION_WORDS = r"(?:hi|hello|hey|hiya|good morning|good afternoon|good evening|morning|afternoon|evening)"
_SALUTATION = _OPENER + r"(?:" + _SALUTATION_WORDS + r"(?: there)? )?"


# A company's name may open with "the" ("The Rind Club") and join words with "and", "of" or "a" ("Smith and
# Daughters Joinery", "Bank of Ireland", "Dial-a-Ride"), and a salutation may follow it ("Harbour Dental, hi, it's
# Ana"); unpunctuated speech drops the apostrophe of "it's" ("its ana").
_ORG_JOINER = "(?:(?:and|of|a|on|de) )?"
_ITS = re.compile(r"\bit is\b")


@lru_cache(maxsize=4096)  # bounded: campaign scorecards bring their own examples
def slot_template(example: str) -> re.Pattern[str] | None:
    """A grammar rule from an example with slots, matched against a whole normalized sentence; None
    for an example without slots. Wording between slots must be said as written (after normalizing), after
    an optional salutation."""
    pieces = re.split(r"(\{[a-z_]+\})", example)
    if len(pieces) == 1:
        return None
    parts: list[str] = []
    for at, piece in enumerate(pieces):
        slot = re.fullmatch(r"\{([a-z_]+)\}", piece)
        if slot:
            most = _SLOT_WORDS.get(slot.group(1), 3)
            joiner = _ORG_JOINER if slot.group(1) == "org" else ""
            article = "(?:the )?" if slot.group(1) == "org" else ""
            parts.append(f"{_ADDRESSED_ONLY}{article}{_SLOT_WORD}(?: {joiner}{_SLOT_WORD}){{0,{most - 1}}}")
            if slot.group(1) == "org":
                parts[-1] += f"(?: {_SALUTATION_WORDS}(?: there)?)?"
        elif words := normalize_phrase(re.sub(r"^['\u2019]s\b", "", piece) if parts else piece):
            # A slot's possessive ("{org}'s helpline") is dropped as it is from the name said ("Acme's" -> "acme").
            said = " ".join(words)
            if not parts and (rest := re.sub(rf"^{_SALUTATION}", "", said + " ").strip()):
                # The example's own salutation is any or none ("Hi, you're through to {org}'s ..." is also said
                # "Hello, you're through to ..."): the grammar's optional salutation stands for it.
                said = rest
            after_name = at > 0 and pieces[at - 1] == "{name}"
            before_name = at + 1 < len(pieces) and pieces[at + 1] == "{name}"
            parts.append(_piece_grammar(said.split(), after_name=after_name, before_name=before_name))
    return re.compile(_SALUTATION + " ".join(parts))


# Wording between slots is said in more than the example's words: an agent names themselves by any of the ways one
# introduces oneself ("this is", "it's", "I'm", "my name is", and "my name" without its verb), is "speaking" or
# "talking" "to" or "with" the customer, and after their name says they are at the customer's service in any of the
# words for it ("{name} speaking", "{name} helping you today", "{name} assisting").
_INTRODUCTIONS = ("this is", "it is", "i am", "my name is")
_INTRODUCED = "(?:this is|it is|its|i am|my name is|my name)"
_DOING = "(?:speaking|talking|helping|answering|assisting|serving|listening)"
_TALKING = frozenset({"speaking", "talking"})


def _piece_grammar(words: Sequence[str], *, after_name: bool, before_name: bool) -> str:
    """The pattern for the normalized ``words`` of an example between (or around) its slots."""
    said = " ".join(words)
    introduced = next((i for i in _INTRODUCTIONS if said == i or said.endswith(f" {i}")), None)
    if introduced is not None and before_name:
        head = words[: len(words) - len(introduced.split())]
        return " ".join([*(re.escape(word) for word in head), _INTRODUCED])
    parts: list[str] = []
    for position, word in enumerate(words):
        if position == 0 and after_name and word in _TALKING:
            parts.append(_DOING)
        elif word in _TALKING:
            parts.append("(?:speaking|talking)")
        elif word in ("to", "with") and position > 0 and words[position - 1] in _TALKING:
            parts.append("(?:to|with)")
        else:
            parts.append(re.escape(word))
    return _ITS.sub("(?:it is|its)", " ".join(parts))


@lru_cache(maxsize=4096)
def is_anchored(example: str) -> bool:
    """Whether a slotted example has wording of its own besides its slots and a salutation ("{org}, this is
    {name}" has "this is"; "Hello, {org}." has none). Only such a template is looked for at the start of a
    longer sentence: unpunctuated speech runs the greeting into what follows ("acme this is jo calls are
    recorded"), while "Hello, {org}" at the start of "hello mr smith, how are you" names nobody."""
    words = " ".join(normalize_phrase(_SLOT.sub(" ", example)))
    return bool(re.sub(rf"^{_SALUTATION}", "", words + " ").strip())


class IntentModelUnavailable(Exception):
    """The embedding model is not installed, or its files do not match the pinned hashes."""


def model_dir() -> Path:
    """The installed wordllama package directory, which holds the weights and the tokenizer."""
    # Found without importing it: the import has side effects (see _import_wordllama).
    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise IntentModelUnavailable("the wordllama package is not installed")
    return Path(next(iter(spec.submodule_search_locations))).resolve()


def verify_model(directory: Path) -> None:
    for relative, expected in PINNED_SHA256.items():
        path = directory / relative
        if not path.is_file():
            raise IntentModelUnavailable(f"{relative} is missing from the wordllama package")
        with path.open("rb") as handle:
            actual = hashlib.file_digest(handle, "sha256").hexdigest()
        if actual != expected:
            raise IntentModelUnavailable(f"{relative} does not match its pinned sha256")


def _import_wordllama() -> type[WordLlama]:
    """``wordllama.WordLlama``, keeping the root logger as it was: the package calls
    ``logging.basicConfig(level=INFO)`` on import, which would switch on every library's INFO logs."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    from wordllama import WordLlama

    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
    root.setLevel(level)
    return WordLlama


@dataclass(frozen=True)
class Unit:
    """A sentence (or a window of an unpunctuated turn): words ``first_word..last_word`` of a segment."""

    item: SegmentText
    first_word: int
    last_word: int

    @property
    def text(self) -> str:
        return " ".join(self.item.text.words[self.first_word : self.last_word + 1])

    def evidence(self) -> Evidence:
        return evidence_for(self.item, self.first_word, self.last_word)

    @property
    def normalized(self) -> str:
        return self.normalized_to(self.last_word)

    def normalized_to(self, last_word: int) -> str:
        tokens = self.item.text.tokens
        return " ".join(t.text for t in tokens if self.first_word <= t.first_word <= last_word)

    @property
    def is_question(self) -> bool:
        """Whether the unit asks something: it ends with a question mark or, unpunctuated, opens like a question
        ("and why do you want a refund"). "What"/"how" do not tell: they also open exclamations ("how awful")."""
        if self.item.text.words[self.last_word].endswith("?"):
            return True
        if any(SENTENCE_END.search(word) for word in self.item.text.words):
            return False
        return bool(_QUESTION_OPENING.match(self.normalized))

    def clauses(self) -> list[str]:
        """The normalized sentence and each of its beginnings that ends at a comma or similar
        ("margie's travel, sam speaking, calls may be recorded" -> "margies travel sam speaking", ...)."""
        words = self.item.text.words
        ends = [w for w in range(self.first_word, self.last_word) if _CLAUSE_END.search(words[w])]
        return [self.normalized_to(end) for end in ends] + [self.normalized]

    @property
    def negated(self) -> bool:
        """Whether the unit is said in the negative: any negator in it (even "no problem": a unit stands for a
        sentence, not a cue in one) but the "no" of an exclamation ("oh no, you poor thing") and the "not" of "or
        not", or a negation before it in its clause ("...my manager theres nothing else i can do for you" for the
        window "else i can do for you")."""
        text = self.item.text
        return (
            any(
                token.text in NEGATORS
                and self.first_word <= token.first_word <= self.last_word
                and not is_exclaimed_no(text.tokens, index, text.words)
                and not is_alternative_not(text.tokens, index)
                for index, token in enumerate(text.tokens)
            )
            or is_negated(text, self.first_word, self.last_word)
            or negates_just_before(text, self.first_word)
        )

    @property
    def denied_elsewhere(self) -> bool:
        """Whether the unit is part of a longer sentence with a negation outside it ("heads up, the recording
        system is off today, so nothing is being taped" for the clause "heads up"; "there is nothing else i can
        offer you on that date, the whole week is full" for its last clause)."""
        text = self.item.text
        start, end = sentence_bounds(text.words, self.first_word, self.last_word)
        return negation_between(text, start, self.first_word - 1) or negation_between(text, self.last_word + 1, end)

    def sentence(self) -> Unit:
        """The whole sentence the unit is part of."""
        return Unit(self.item, *sentence_bounds(self.item.text.words, self.first_word, self.last_word))


def units_of(item: SegmentText) -> list[Unit]:
    words = item.text.words
    units: list[Unit] = []
    start = 0
    for position, word in enumerate(words):
        if SENTENCE_END.search(word) or position == len(words) - 1:
            units.extend(_windows(item, start, position))
            units.extend(_clauses(item, start, position))
            start = position + 1
    return units


def _clauses(item: SegmentText, first: int, last: int) -> list[Unit]:
    """The comma-separated parts of a sentence: a short sympathetic clause ("oh no, how awful, what's the
    order number?") is diluted when its whole sentence is averaged into one vector."""
    words = item.text.words
    cuts = [w for w in range(first, last) if _CLAUSE_END.search(words[w])]
    # Unpunctuated speech runs a sympathy straight into the next question ("oh no poor thing whats the
    # postcode"): a question opened inside the sentence starts a clause of its own.
    cuts += [
        w
        for w in range(first + 1, last - 1)
        if not _CLAUSE_END.search(words[w]) and _opens_question(words[w + 1 : w + 3], words[w])
    ]
    cuts.sort()
    if not cuts:
        return []
    bounds = [first, *(c + 1 for c in cuts)], [*cuts, last]
    return [Unit(item, a, b) for a, b in zip(*bounds, strict=True) if b - a >= 1]


_QUESTION_WORDS = frozenset({"whats", "wheres", "whens", "hows", "whos"})
_ASKING = frozenset({"can", "could", "may"})


_WH_WORDS = frozenset({"what", "how", "where", "when", "who", "why", "which"})


def _opens_question(words: Sequence[str], before: str) -> bool:
    """Whether the words start a question: "what's ...", or "can I / could you ..." asking for something, not
    the middle of one ("what | can i do for you")."""
    bare = [re.sub(r"[^a-z]", "", word.lower()) for word in words]
    asking = (
        len(bare) > 1
        and bare[0] in _ASKING
        and bare[1] in {"i", "you", "we"}
        and re.sub(r"[^a-z]", "", before.lower()) not in _WH_WORDS
    )
    return bool(bare) and (bare[0] in _QUESTION_WORDS or asking)


def _fits(template: re.Pattern[str], example: str, unit: Unit, *, first: bool) -> bool:
    """Whether the unit is the slotted example ``template`` was made from, or begins with a clause that is; a bare
    one ("{org}, {name}.") only as the whole of the first sentence."""
    if not _SLOT.sub("", example).strip(" ,.?!"):
        return first and bool(template.fullmatch(unit.normalized))
    return any(template.fullmatch(clause) for clause in unit.clauses()) or (
        is_anchored(example) and bool(re.match(template.pattern + " ", unit.normalized + " "))
    )


_GREETING_ENDS = frozenset({"morning", "afternoon", "evening", "day", "hello", "hi", "hey", "there", "everyone"})


def _after_salutation(unit: Unit) -> list[Unit]:
    """The unit without an opening clause of one or two words ("Bore da, ...", "Now then, ...", "Kia ora, ..."), or
    of up to four ending as greetings do: a salutation in any language or dialect, which the grammar's own list of
    salutations cannot hold."""
    words = unit.item.text.words
    opening = range(unit.first_word, min(unit.first_word + 4, unit.last_word))  # something must follow it
    cut = next((w for w in opening if _CLAUSE_END.search(words[w])), None)
    if cut is None:
        return []
    # Longer, it must end as greetings do: "Namaste and good morning, ..."
    last = re.sub(r"[^a-z]", "", words[cut].lower())
    return [Unit(unit.item, cut + 1, unit.last_word)] if cut - unit.first_word < 2 or last in _GREETING_ENDS else []


def _windows(item: SegmentText, first: int, last: int) -> list[Unit]:
    if last - first + 1 <= WINDOW_WORDS:
        return [Unit(item, first, last)]
    step = WINDOW_WORDS // 2
    starts = range(first, last - step + 1, step)
    return [Unit(item, start, min(start + WINDOW_WORDS - 1, last)) for start in starts]


# What a caller says before the name of whoever answered: "hi there, Gemma", "good afternoon Chinedu", "thanks Tyler".
_ADDRESS_OPENERS = frozenset(
    {"hi", "hello", "hey", "hiya", "good", "morning", "afternoon", "evening", "day", "gday", "g", "there", "thanks",
     "thank", "you", "yes", "yeah", "ok", "okay", "oh", "ah", "right", "cheers", "howzit", "yo",
     # Interjections of the languages calls switch into, never a name ("Hello? Haan, hello, I'm calling from ...").
     "haan", "han", "ji", "achha", "acha", "accha", "arre", "ha", "ya", "ja", "si", "oui", "sawa", "aye", "hmm", "mm",
     "um", "uh", "er", "erm", "eh"}
)  # fmt: skip


def _addressees(reply: SegmentText) -> tuple[str, ...]:
    """The names a turn may open by addressing: a word that is not a common one, after opening words ("hi rhea,
    ...") or as a clause of its own ("Dwayne, is this recorded?"); and, when the turn opens with a word of its own
    that is none of these, the word after it, as after a greeting in another language or dialect ("Salaam Bilal,
    ...", "haan pradeep this is vinod"). A name only counts where the greeting said it."""
    tokens = reply.text.tokens
    first = next((position for position, token in enumerate(tokens) if token.text not in _ADDRESS_OPENERS), None)
    if first is None:
        return ()
    words = reply.text.words

    def name_like(token: Token) -> bool:
        return token.text.isalpha() and len(token.text) >= 2 and token.text not in COMMON_WORDS

    token = tokens[first]
    if not name_like(token):
        return ()
    own_clause = token.last_word == len(words) - 1 or bool(re.search(r"[,.!?;:]$", words[token.last_word]))
    if first > 0 or own_clause:
        return (token.text,)
    following = tokens[first + 1] if first + 1 < len(tokens) else None
    if following is None or following.text in _ADDRESS_OPENERS or not name_like(following):
        return ()
    return (following.text,)


@dataclass(frozen=True)
class IntentScore:
    """How close a unit is to one criterion's passing wording, and to what else."""

    unit: Unit
    similarity: float  # to the nearest pass example of the criterion
    example: str  # that example
    rival: float  # to the nearest fail example of the criterion or pass example of another criterion
    rival_example: str

    @property
    def margin(self) -> float:
        return self.similarity - self.rival


class IntentModel:
    """Sentence embeddings from the pinned WordLlama model and, when provisioned, the word-order-aware encoder
    (``encoder.py``); loaded once per process (``load_intent_model``)."""

    def __init__(self, inference: WordLlamaInference, encoder: SentenceEncoder | None = None) -> None:
        self._inference = inference
        self.encoder = encoder
        self.name = MODEL_NAME + (f"+{encoder.name}" if encoder is not None else "")
        self._ordered_texts: dict[str, np.ndarray] = {}

    @classmethod
    def load(cls, directory: Path | None = None, *, encoder: SentenceEncoder | None = None) -> IntentModel:
        directory = directory or model_dir()
        verify_model(directory)
        WordLlama = _import_wordllama()

        # cache_dir holds weights/ and tokenizers/; with downloads disabled nothing is fetched from a hub.
        inference = WordLlama.load(config=MODEL_CONFIG, dim=MODEL_DIM, cache_dir=directory, disable_download=True)
        return cls(inference, encoder)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, MODEL_DIM), dtype=np.float32)
        return np.asarray(self._inference.embed(list(texts), norm=True), dtype=np.float32)

    # One model per process; bounded, since campaign scorecards bring their own examples.
    @lru_cache(maxsize=512)  # noqa: B019
    def examples(self, examples: tuple[str, ...]) -> np.ndarray:
        return self.embed([" ".join(_SLOT.sub(" ", example).split()) for example in examples])

    @lru_cache(maxsize=512)  # noqa: B019
    def ordered_examples(self, examples: tuple[str, ...]) -> np.ndarray:
        """The examples as the encoder reads them (only called when there is an encoder). Each criterion's
        rivals are mostly the other criteria's examples, so each text is encoded once per process."""
        assert self.encoder is not None
        texts = [" ".join(_SLOT.sub(" ", example).split()) for example in examples]
        missing = [text for text in dict.fromkeys(texts) if text not in self._ordered_texts]
        if len(self._ordered_texts) + len(missing) > MAX_ORDERED_TEXTS:
            self._ordered_texts.clear()  # bounded: campaign scorecards bring their own examples
            missing = list(dict.fromkeys(texts))
        for text, vector in zip(missing, self.encoder.embed(missing), strict=True):
            self._ordered_texts[text] = vector
        return np.array([self._ordered_texts[text] for text in texts], dtype=np.float32).reshape(len(texts), -1)


class CallIntents:
    """One call's sentences, embedded once, scored against any criterion of its scorecard."""

    def __init__(
        self, model: IntentModel, texts: Sequence[SegmentText], classifiers: IntentClassifiers | None = None
    ) -> None:
        self._model = model
        self._classifiers = classifiers if classifiers is not None and classifiers.model == MODEL_NAME else None
        self.texts = list(texts)
        self.units = [unit for item in texts for unit in units_of(item)]
        self._vectors = model.embed([unit.text for unit in self.units])
        # The encoder costs milliseconds a sentence where WordLlama costs microseconds: units are encoded only
        # when a criterion asks for them, each once per call, in batches.
        self._ordered: dict[int, np.ndarray] = {}

    @property
    def vectors(self) -> np.ndarray:
        """WordLlama's vector of each unit, in the order of ``units``."""
        return self._vectors

    def learned(self, criterion: ScorecardCriterion, chosen: Sequence[int]) -> np.ndarray | None:
        """The learned classifier's probability that each unit ``chosen`` does what the criterion asks, or None when
        there is no classifier for the criterion's id and description (``learned.py``)."""
        classifier = self._classifiers.for_criterion(criterion) if self._classifiers is not None else None
        if classifier is None:
            return None
        return classifier.probabilities(self._vectors[list(chosen)])

    @property
    def reads_word_order(self) -> bool:
        return self._model.encoder is not None

    def _ordered_vectors(self, indexes: Sequence[int]) -> np.ndarray:
        encoder = self._model.encoder
        assert encoder is not None
        missing = [index for index in dict.fromkeys(indexes) if index not in self._ordered]
        if missing:
            for index, vector in zip(missing, encoder.embed([self.units[i].text for i in missing]), strict=True):
                self._ordered[index] = vector
        return np.array([self._ordered[index] for index in indexes], dtype=np.float32).reshape(len(indexes), -1)

    def templated(self, criterion: ScorecardCriterion, chosen: Sequence[int]) -> list[tuple[Unit, str]]:
        """Units ``chosen`` that are, or begin with a clause that is, one of the criterion's slotted
        examples, with that example.

        A template made only of slots ("{org}, {name}.") says nothing by itself: it is taken only as the
        whole of the first sentence ``chosen``, where a bare name is how a call opens ("Lakeside Medical,
        Steve."), and not as the start of one ("Contoso Mobile, go ahead.")."""
        templates = [(t, e) for e in criterion.pass_examples if (t := slot_template(e)) is not None]
        found = []
        for position, index in enumerate(chosen):
            unit = self.units[index]
            readings = (unit, *_after_salutation(unit))
            example = next(
                (e for t, e in templates if any(_fits(t, e, read, first=position == 0) for read in readings)), None
            )
            if example is not None:
                found.append((unit, example))
        return found

    def answered_by_name(self, chosen: Sequence[int]) -> Unit | None:
        """The unit of the first turn ``chosen`` holding a name that the other party's reply then calls the speaker
        by ("Hi Gemma, ...", "Otieno, the truck skipped us"), or None. However the turn greets, in whatever language
        or dialect ("Habari, Kinangop Dairy, you are with Otieno"), a name the caller answers to is who answered.
        A question is not counted: "Is that Dana?" names the caller, whose reply may repeat it."""
        if not chosen:
            return None
        turn = min((self.units[index].item for index in chosen), key=lambda item: item.segment.start_ms)
        reply = next(
            (
                item
                for item in self.texts
                if item.segment.start_ms > turn.segment.start_ms and item.segment.speaker != turn.segment.speaker
            ),
            None,
        )
        names = _addressees(reply) if reply is not None and not is_unattributed(reply.segment.speaker) else ()
        if not names:
            return None
        return next(
            (
                unit
                for unit in (self.units[index] for index in chosen)
                if unit.item is turn
                and not unit.is_question
                and any(
                    token.text in names and unit.first_word <= token.first_word <= unit.last_word
                    for token in turn.text.tokens
                )
            ),
            None,
        )

    def nearest_to(self, unit: Unit, examples: Sequence[str]) -> tuple[float, str]:
        """As ``nearest``, for any unit (a whole sentence the call's units were cut from)."""
        if not examples:
            return -1.0, ""
        similarities = self._model.examples(tuple(examples)) @ self._model.embed([unit.text])[0]
        best = int(similarities.argmax())
        return float(similarities[best]), examples[best]

    def nearest(self, index: int, examples: Sequence[str]) -> tuple[float, str]:
        """Similarity of unit ``index`` to the closest of ``examples``, and that example."""
        if not examples:
            return -1.0, ""
        similarities = self._model.examples(tuple(examples)) @ self._vectors[index]
        best = int(similarities.argmax())
        return float(similarities[best]), examples[best]

    def unit_at(self, item: SegmentText, word: int) -> int | None:
        """Index of the unit of ``item`` holding word ``word``."""
        return next(
            (i for i, unit in enumerate(self.units) if unit.item is item and unit.first_word <= word <= unit.last_word),
            None,
        )

    def score(
        self, criterion: ScorecardCriterion, scorecard: Scorecard, chosen: Sequence[int], *, ordered: bool = False
    ) -> list[IntentScore]:
        """Units ``chosen`` (indexes into ``units``) against the criterion's pass examples and its rivals:
        its own fail examples, the pass examples of the scorecard's other must-have criteria and the
        background wording. ``ordered`` compares the encoder's embeddings (``reads_word_order``) instead of
        WordLlama's."""
        # Slotted examples are a grammar (see ``templated``): with their names taken out they are too
        # short to compare with ("Hello, {org} billing team" would be "hello billing team").
        examples = [example for example in criterion.pass_examples if slot_template(example) is None]
        if not chosen or not examples:
            return []
        rivals = [
            *criterion.fail_examples,
            *(
                example
                for other in scorecard.criteria
                if other.id != criterion.id and not other.must_not
                for example in other.pass_examples
            ),
            *BACKGROUND_WORDING,
        ]
        embed = self._model.ordered_examples if ordered else self._model.examples
        vectors = self._ordered_vectors(chosen) if ordered else self._vectors[list(chosen)]
        to_pass = vectors @ embed(tuple(examples)).T
        to_rival = vectors @ embed(tuple(rivals)).T if rivals else None
        scores = []
        for row, index in enumerate(chosen):
            best = int(to_pass[row].argmax())
            rival = int(to_rival[row].argmax()) if to_rival is not None else -1
            scores.append(
                IntentScore(
                    unit=self.units[index],
                    similarity=float(to_pass[row, best]),
                    example=examples[best],
                    rival=float(to_rival[row, rival]) if to_rival is not None else -1.0,
                    rival_example=rivals[rival] if rivals else "",
                )
            )
        return scores


def load_intent_model(encoder_dir: Path | None = None) -> IntentModel:
    """The process's intent model (verified and loaded on first use), with the encoder when one is provisioned
    in ``encoder_dir`` (default: where ``make model`` puts it); without it the intent layer runs on WordLlama
    alone and the engine's model name says so."""
    return _load_intent_model(Path(encoder_dir) if encoder_dir is not None else default_encoder_dir())


@cache
def _load_intent_model(encoder_dir: Path) -> IntentModel:
    try:
        encoder: SentenceEncoder | None = load_encoder(encoder_dir)
    except EncoderUnavailable as error:
        logging.getLogger(__name__).warning("intent layer without its word-order-aware encoder: %s", error)
        encoder = None
    return IntentModel.load(encoder=encoder)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Verify the pinned sentence-embedding model of the evaluation.")
    parser.add_argument("--check", action="store_true", help="verify the installed files against their sha256")
    parser.parse_args(argv)
    try:
        directory = model_dir()
        verify_model(directory)
    except IntentModelUnavailable as error:
        print(f"intent model not usable: {error}", file=sys.stderr)
        return EXIT_NOT_PROVISIONED
    print(f"{MODEL_NAME} verified in {directory}")
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
