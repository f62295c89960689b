"""Redacting a transcript: typed tokens in text and words, word times kept, every export clean."""

from __future__ import annotations

import re

import pytest

from shared.audio_files.transcript_formats import render_transcript
from shared.models.redaction import EntityType, RedactedSpan
from shared.models.transcript import EngineInfo, Segment, Transcript, Word
from shared.redaction.transcript import redact_transcript

pytestmark = pytest.mark.unit


def _words(text: str, start_ms: int) -> list[Word]:
    # Whisper's words carry their leading space; 300 ms each.
    return [
        Word(text=(" " if i else "") + word, start_ms=start_ms + i * 300, end_ms=start_ms + i * 300 + 250)
        for i, word in enumerate(text.split())
    ]


def _transcript(*turns: tuple[str, str, int], with_words: bool = True) -> Transcript:
    segments = [
        Segment(
            index=i,
            speaker=speaker,
            start_ms=start,
            end_ms=start + 300 * len(text.split()),
            text=text,
            words=_words(text, start) if with_words else [],
        )
        for i, (speaker, text, start) in enumerate(turns)
    ]
    return Transcript(
        audio_file_id="af_1",
        language="en",
        duration_ms=60_000,
        speakers=sorted({s.speaker for s in segments}),
        segments=segments,
        text="\n".join(f"{s.speaker}: {s.text}" for s in segments),
        engine=EngineInfo(name="faster-whisper", model="base", version="1"),
        created_at="2026-12-01T00:00:00Z",
    )


CALL = _transcript(
    ("agent", "Can I have the card number?", 0),
    ("customer", "Sure, it's 4111 1111 1111 1111. My email is sam at contoso dot org.", 3000),
    ("agent", "And your social security number?", 9000),
    ("customer", "One two three, four five, six seven eight nine.", 12_000),
)
SECRETS = ("4111", "1111", "sam", "contoso", "six seven", "One two three")


def test_text_and_words_carry_typed_tokens_with_the_words_times() -> None:
    redacted = redact_transcript(CALL)
    customer = redacted.segments[1]
    assert customer.text == "Sure, it's [CARD_NUMBER]. My email is [EMAIL]."
    assert [w.text.strip() for w in customer.words] == [
        "Sure,",
        "it's",
        "[CARD_NUMBER].",
        "My",
        "email",
        "is",
        "[EMAIL].",
    ]
    assert "".join(w.text for w in customer.words) == customer.text  # the words still spell the text
    card_word = customer.words[2]
    assert (card_word.start_ms, card_word.end_ms) == (3000 + 2 * 300, 3000 + 5 * 300 + 250)
    assert redacted.segments[3].text == "[SSN]."
    assert redacted.segments[0] == CALL.segments[0]


def test_the_transcript_lists_what_was_hidden_and_when_never_the_value() -> None:
    redacted = redact_transcript(CALL)
    assert redacted.redactions == [
        RedactedSpan(type=EntityType.CARD_NUMBER, segment=1, start_ms=3600, end_ms=4750),
        RedactedSpan(type=EntityType.EMAIL, segment=1, start_ms=5700, end_ms=7150),
        RedactedSpan(type=EntityType.SSN, segment=3, start_ms=12_000, end_ms=14_650),
    ]
    document = redacted.model_dump_json()
    assert not any(secret in document for secret in SECRETS)


@pytest.mark.parametrize("format_name", ["text", "srt", "vtt"])
def test_every_export_is_redacted(format_name: str) -> None:
    rendered, _ = render_transcript(redact_transcript(CALL).to_wire(), format_name)
    assert "[CARD_NUMBER]" in rendered and "[SSN]" in rendered
    assert not any(secret in rendered for secret in SECRETS)


def test_without_word_times_the_whole_segment_is_the_span() -> None:
    redacted = redact_transcript(_transcript(("customer", "My social is 123-45-6789.", 5000), with_words=False))
    assert redacted.segments[0].text == "My social is [SSN]."
    assert redacted.redactions == [RedactedSpan(type=EntityType.SSN, segment=0, start_ms=5000, end_ms=6200)]


def test_words_that_do_not_spell_the_text_are_dropped_rather_than_leaked() -> None:
    transcript = _transcript(("customer", "My social is 123-45-6789.", 0))
    segment = transcript.segments[0].model_copy(update={"words": _words("My social is one two three", 0)})
    redacted = redact_transcript(transcript.model_copy(update={"segments": [segment]}))
    assert redacted.segments[0].words == []


def test_only_the_policys_types_and_nothing_found_is_an_empty_list() -> None:
    redacted = redact_transcript(CALL, [EntityType.SSN])
    assert [r.type for r in redacted.redactions or []] == [EntityType.SSN]
    assert "4111 1111" in redacted.segments[1].text
    clean = redact_transcript(_transcript(("agent", "How can I help you today?", 0)))
    assert clean.redactions == [] and clean.segments == _transcript(("agent", "How can I help you today?", 0)).segments


def test_a_run_of_digits_whisper_timed_too_short_masks_the_speakers_untranscribed_time() -> None:
    # Card, expiry and code said over 15 s came out as one word timed at the first answer only.
    transcript = _transcript(
        ("customer", "Hi, I want to pay by card.", 2000),
        ("agent", "Can I have the card number?", 6000),
        ("customer", "It is 411111111111111104277310", 9000),
        ("agent", "Thank you.", 30_000),
    )
    card = transcript.segments[2]
    words = [*card.words[:2], card.words[2].model_copy(update={"start_ms": 9600, "end_ms": 14_000})]
    transcript.segments[2] = card.model_copy(update={"words": words})
    redacted = redact_transcript(transcript)
    # From the speaker's previous segment to the end of the recording: nothing of theirs was heard there.
    assert redacted.segments[2].text == "It is [CARD_NUMBER][CARD_EXPIRY][CARD_SECURITY_CODE]"
    assert redacted.redactions == [
        RedactedSpan(type=kind, segment=2, start_ms=4100, end_ms=60_000)
        for kind in (EntityType.CARD_NUMBER, EntityType.CARD_EXPIRY, EntityType.CARD_SECURITY_CODE)
    ]
    assert redacted.segments[2].words[2].start_ms == 9600  # the word keeps its own time


def test_digits_timed_as_people_say_them_keep_their_words_times() -> None:
    transcript = _transcript(("customer", "It is 4111 1111 1111 1111", 0))
    words = [
        *transcript.segments[0].words[:2],
        *(w.model_copy(update={"start_ms": 1000 + i * 1500, "end_ms": 2400 + i * 1500})
          for i, w in enumerate(transcript.segments[0].words[2:])),
    ]  # fmt: skip
    transcript.segments[0] = transcript.segments[0].model_copy(update={"words": words})
    assert redact_transcript(transcript).redactions == [
        RedactedSpan(type=EntityType.CARD_NUMBER, segment=0, start_ms=1000, end_ms=6900)
    ]


def test_punctuation_around_an_entity_stays_in_text_and_words() -> None:
    redacted = redact_transcript(_transcript(("customer", "I live at 12 Main Street. Call me on 212-555-0123!", 0)))
    segment = redacted.segments[0]
    assert segment.text == "I live at [ADDRESS]. Call me on [PHONE_NUMBER]!"
    assert "".join(w.text for w in segment.words) == segment.text


def test_two_entities_in_one_word_each_get_their_token() -> None:
    # Whisper wrote card, expiry and code as one word.
    transcript = _transcript(
        ("agent", "Card number, expiry and code please?", 0),
        ("customer", "It's 411111111111111104277310.", 3000),
    )
    segment = redact_transcript(transcript).segments[1]
    assert segment.text == "It's [CARD_NUMBER][CARD_EXPIRY][CARD_SECURITY_CODE]."
    assert [w.text for w in segment.words] == ["It's", " [CARD_NUMBER][CARD_EXPIRY][CARD_SECURITY_CODE]."]


@pytest.mark.parametrize("format_name", ["srt", "vtt"])
def test_exports_of_a_redacted_transcript_stay_well_formed(format_name: str) -> None:
    rendered, _ = render_transcript(redact_transcript(CALL).to_wire(), format_name)
    blocks = rendered.removeprefix("WEBVTT\n\n").strip().split("\n\n")
    assert len(blocks) == len(CALL.segments)
    for block in blocks:
        lines = block.split("\n")
        timing = lines[1] if format_name == "srt" else lines[0]
        assert re.fullmatch(r"\d\d:\d\d:\d\d[,.]\d{3} --> \d\d:\d\d:\d\d[,.]\d{3}", timing)
        assert len(lines) == (3 if format_name == "srt" else 2)  # one line of text per cue
    assert "Sure, it's [CARD_NUMBER]. My email is [EMAIL]." in rendered
