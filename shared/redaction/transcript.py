"""Redact a transcript: each entity becomes its typed token in segment text and in words, word times kept.

Every rendering (JSON, text, SRT, VTT) and every later stage reads the redacted document, so nothing said
leaks through an export. The transcript lists what was hidden (kind, segment, start/end ms), never the value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from shared.models.redaction import EntityType, RedactedSpan
from shared.models.transcript import Segment, Transcript, Word
from shared.redaction.detection import TextSpan, detect


def redact_transcript(transcript: Transcript, types: Iterable[EntityType] = tuple(EntityType)) -> Transcript:
    """A copy of ``transcript`` with the personal data of the kinds in ``types`` replaced by tokens."""
    entities = detect(transcript.segments, types)
    spans_by_segment: dict[int, list[tuple[TextSpan, EntityType]]] = {}
    for entity in entities:
        for span in entity.spans:
            spans_by_segment.setdefault(span.segment, []).append((span, entity.type))
    segments: list[Segment] = []
    redactions: list[RedactedSpan] = []
    for segment in transcript.segments:
        spans = sorted(spans_by_segment.get(segment.index, []))
        if not spans:
            segments.append(segment)
            continue
        redacted, found = _redact_segment(segment, spans)
        segments.append(redacted)
        redactions.extend(found)
    return transcript.model_copy(
        update={
            "segments": segments,
            "text": "\n".join(f"{segment.speaker}: {segment.text}" for segment in segments),
            "redactions": redactions,
        }
    )


def _redact_segment(
    segment: Segment, spans: Sequence[tuple[TextSpan, EntityType]]
) -> tuple[Segment, list[RedactedSpan]]:
    word_offsets = _word_offsets(segment)
    pieces: list[str] = []
    cursor = 0
    found: list[RedactedSpan] = []
    redacted_words: dict[int, EntityType] = {}
    for span, entity_type in spans:
        pieces.append(segment.text[cursor : span.start])
        pieces.append(entity_type.token)
        cursor = span.end
        covered = [
            index for index, (start, end) in enumerate(word_offsets or []) if start < span.end and span.start < end
        ]
        for index in covered:
            redacted_words[index] = entity_type
        if covered:
            start_ms = segment.words[covered[0]].start_ms
            end_ms = segment.words[covered[-1]].end_ms
        else:
            # Without word times the whole segment is the span: the audio loses more, but nothing leaks.
            start_ms, end_ms = segment.start_ms, segment.end_ms
        found.append(RedactedSpan(type=entity_type, segment=segment.index, start_ms=start_ms, end_ms=end_ms))
    pieces.append(segment.text[cursor:])
    return (
        segment.model_copy(
            update={"text": "".join(pieces), "words": _redact_words(segment, word_offsets, redacted_words)}
        ),
        found,
    )


def _word_offsets(segment: Segment) -> list[tuple[int, int]] | None:
    """Where each word is in the segment text; None when the words do not spell the text."""
    offsets: list[tuple[int, int]] = []
    cursor = 0
    for word in segment.words:
        core = word.text.strip()
        found = segment.text.find(core, cursor) if core else cursor
        if found < 0:
            return None
        offsets.append((found, found + len(core)))
        cursor = found + len(core)
    return offsets


def _redact_words(
    segment: Segment, offsets: list[tuple[int, int]] | None, redacted: dict[int, EntityType]
) -> list[Word]:
    if offsets is None:
        # The words cannot be placed in the text, so none of them can be shown safely.
        return []
    words: list[Word] = []
    for index, word in enumerate(segment.words):
        entity_type = redacted.get(index)
        if entity_type is None:
            words.append(word)
            continue
        previous = words[-1] if words else None
        if (
            previous is not None
            and redacted.get(index - 1) == entity_type
            and previous.text.strip() == entity_type.token
        ):
            # One token for the whole entity, spanning the times of every word it hides.
            words[-1] = previous.model_copy(update={"end_ms": word.end_ms, "confidence": None})
            continue
        leading = word.text[: len(word.text) - len(word.text.lstrip())]
        words.append(Word(text=leading + entity_type.token, start_ms=word.start_ms, end_ms=word.end_ms))
    return words
