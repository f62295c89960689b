"""Normalization and forgiving phrase matching over speech-recognition output."""

from __future__ import annotations

import re

import pytest

from shared.ai.evaluation.matching import (
    find_keyword,
    find_pattern,
    find_phrase,
    is_negated,
    locate_quote,
    normalize,
    normalize_phrase,
    quote_for,
)
from shared.models.transcript import Segment, Word

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sure, it is four five six seven eight.", "sure it is 4 5 6 7 8"),
        ("I will issue a refund of twenty dollars today.", "i will issue a refund of 20 dollars today"),
        ("twenty-five, one hundred and five; two thousand twenty", "25 105 2020"),
        ("I'll check; it's Contoso's policy, we won't charge", "i will check it is contoso policy we will not charge"),
        ("Um, uh, THANK you!!", "thank you"),
        ("within 5 business days", "within 5 business days"),
        # Speech recognition drops apostrophes: these spellings are contractions, not words of their own.
        ("whats the postcode thats fine im sorry it isnt", "what is the postcode that is fine i am sorry it is not"),
        # Accents are folded, so a name stays one word ("Tomás", not "tom s").
        ("Tomás speaking, José's café", "tomas speaking jose cafe"),
        # Letters heard as words: "a eye" is "ai" (but "an eye test" stays).
        ("im an a eye assistant, book an eye test", "i am an ai assistant book an eye test"),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text).joined == expected


def test_number_tokens_remember_the_original_words_they_came_from() -> None:
    text = normalize("a refund of twenty five dollars")
    number = next(token for token in text.tokens if token.text == "25")
    assert (number.first_word, number.last_word) == (3, 4)


@pytest.mark.parametrize(
    ("heard", "phrase"),
    [
        ("thank you for calling can toso support", "Thank you for calling Contoso"),  # split word
        ("is there any thing else", "anything else"),  # split compound
        ("confirm your a count number", "account number"),  # split + one-letter error
        ("arrive within 5 busy ness days", "within five business days"),  # digits vs words + split
        ("THANKS FOR CALLING!", "thanks for calling"),
    ],
)
def test_phrases_survive_asr_noise(heard: str, phrase: str) -> None:
    assert find_phrase(normalize(heard), normalize_phrase(phrase))


@pytest.mark.parametrize(
    ("heard", "phrase"),
    [
        ("don't worry about it", "sorry"),  # one letter apart, but a single word is never fuzzy
        ("i want to change my address", "charge"),
        ("he'll call you back", "hell"),  # a contraction, not profanity
    ],
)
def test_near_misses_do_not_match(heard: str, phrase: str) -> None:
    assert find_phrase(normalize(heard), normalize_phrase(phrase)) == []


def test_find_phrase_returns_original_word_spans() -> None:
    text = normalize("Hello. Thank you for calling Contoso, my name is Sarah.")
    assert find_phrase(text, normalize_phrase("my name is")) == [(6, 8)]
    assert find_phrase(text, normalize_phrase("thank you for calling contoso")) == [(1, 5)]


def test_repeated_matches_of_a_phrase_do_not_overlap() -> None:
    # Candidates are only the tokens with the phrase's first letter; one inside an earlier match is skipped.
    text = normalize("no no no no, and then no no")
    assert find_phrase(text, normalize_phrase("no no")) == [(0, 1), (2, 3), (6, 7)]


def test_pattern_spans_map_back_to_words() -> None:
    text = normalize("The refund will arrive within five business days.")
    pattern = re.compile(r"\bwill( \w+){0,8} within\b")
    assert find_pattern(text, pattern) == [(2, 4)]


def test_keywords_count_inflections_but_not_lookalikes() -> None:
    text = normalize("I cancelled, they charged me; a cancellation charge. Change it.")
    assert len(find_keyword(text, ("cancel",))) == 2
    assert len(find_keyword(text, ("charge",))) == 2  # "charged", "charge"; not "change"


def test_quote_is_the_sentence_of_the_match() -> None:
    text = "Thank you. I see the duplicate charge. I will issue a refund of twenty dollars today."
    assert quote_for(text.split(), 9, 9) == "I will issue a refund of twenty dollars today."


def test_quote_of_unpunctuated_text_is_a_window_not_the_whole_segment() -> None:
    words = ("so " * 20 + "the refund will arrive within five business days " + "and " * 20).split()
    quote = quote_for(words, 22, 23)
    assert "refund will arrive" in quote
    assert quote.startswith("\u2026") and quote.endswith("\u2026")
    assert len(quote.strip("\u2026").split()) <= 2 + 2 * 5


def test_located_quote_uses_word_timings() -> None:
    text = "Sure. It is four five six."
    words = [Word(text=w, start_ms=1000 + 500 * i, end_ms=1400 + 500 * i) for i, w in enumerate(text.split())]
    segment = Segment(index=3, speaker="customer", start_ms=1000, end_ms=4000, text=text, words=words)
    evidence = locate_quote(segment, "it is 4 5 6")
    assert evidence is not None
    assert (evidence.segment_index, evidence.start_ms, evidence.end_ms) == (3, 1500, 3900)
    assert evidence.quote == "It is four five six."
    assert locate_quote(segment, "my account number") is None


def _negated(text: str, phrase: str) -> bool:
    normalized = normalize(text)
    (span,) = find_phrase(normalized, normalize_phrase(phrase))
    return is_negated(normalized, *span)


@pytest.mark.parametrize(
    ("text", "phrase", "negated"),
    [
        ("No, this call isn't being recorded.", "being recorded", True),
        ("i can not connect you to a representative", "representative", True),
        ("I'm not going to apologise for the policy.", "apologise", True),
        # Unpunctuated speech: a new subject ends the negation's clause, and it reaches five words at most.
        ("ah no thats really not on im sorry you waited in all day", "sorry", False),
        ("not that it matters much to anyone at all anything else", "anything else", False),
        # "no worries" and "no problem" negate nothing after them.
        ("no worries whats the postcode on the account", "postcode", False),
        ("no problem can i take your account number", "account number", False),
        # "no further payments will be taken": the "no" belongs to the noun, not to what will happen.
        ("no further payments will be taken from next month", "will be taken", False),
        ("no one will be out tomorrow", "will be out", True),
        # A person denied ("there's nobody", "there are no staff"): a clause after it describing that person, with no
        # "that" or "who", is still denied, however far the words it negates.
        ("sadly there's nobody on the late shift we could hand you over to", "hand you over", True),
        ("there are no staff in the depot today i can transfer you to", "transfer you", True),
        # "there's no charge" denies a thing, and a comma or a "but" ends the denial.
        ("there's no charge i can transfer you now", "transfer you", False),
        ("There's nobody in billing, but I can transfer you to sales.", "transfer you", False),
        # "or not" names the other answer; a negation before it still negates.
        ("any other bits you want looked at or not", "looked at or not", False),
        ("i can not say whether or not it is covered", "it is covered", True),
    ],
)
def test_negation_scope(text: str, phrase: str, negated: bool) -> None:
    assert _negated(text, phrase) is negated


def test_an_elided_article_is_a_word_of_its_own() -> None:
    assert normalize("Je suis l'assistant virtuel, qu'il soit.").joined == "je suis l assistant virtuel qu il soit"
    assert normalize("I'll say it's l'Oréal's.").joined == "i will say it is l oreal"


def test_a_redaction_token_reads_as_one_word_that_names_nothing() -> None:
    tokens = [t.text for t in normalize("So that's [DATE_OF_BIRTH] and [ACCOUNT_NUMBER], thanks [PERSON_NAME].").tokens]
    assert tokens == ["so", "that", "is", "redacted", "and", "redacted", "thanks", "redacted"]
    # Brackets around ordinary words are still words.
    assert [t.text for t in normalize("[laughs] okay").tokens] == ["laughs", "okay"]
