"""Redact a transcript: each entity becomes its typed token in segment text and in words, word times kept.

Every rendering (JSON, text, SRT, VTT) and every later stage reads the redacted document, so nothing said
leaks through an export. The transcript lists what was hidden (kind, segment, start/end ms), never the value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from shared.models.redaction import EntityType, RedactedSpan
from shared.models.transcript import Segment, Transcript, Word
from shared.redaction.detection import TextSpan, detect, in_time_order

# Slower than anyone reads digits out (about three a second): a word of many digits timed faster was mistimed.
MIN_MS_PER_DIGIT = 250
_MERGED_DIGITS = 8


def redact_transcript(transcript: Transcript, types: Iterable[EntityType] = tuple(EntityType)) -> Transcript:
    """A copy of ``transcript`` with the personal data of the kinds in ``types`` replaced by tokens."""
    entities = detect(transcript.segments, types)
    spans_by_segment: dict[int, list[tuple[TextSpan, EntityType]]] = {}
    for entity in entities:
        for span in entity.spans:
            spans_by_segment.setdefault(span.segment, []).append((span, entity.type))
    segments: list[Segment] = []
    redactions: list[RedactedSpan] = []
    silent = _unheard_time(transcript)
    for segment in transcript.segments:
        spans = sorted(spans_by_segment.get(segment.index, []))
        if not spans:
            segments.append(segment)
            continue
        redacted, found = _redact_segment(segment, spans, silent[segment.index])
        segments.append(redacted)
        redactions.extend(found)
    return transcript.model_copy(
        update={
            "segments": segments,
            "text": "\n".join(f"{segment.speaker}: {segment.text}" for segment in segments),
            "redactions": redactions,
        }
    )


def _unheard_time(transcript: Transcript) -> dict[int, tuple[int, int]]:
    """For each segment, from the end of its speaker's previous segment to the start of their next one."""
    bounds: dict[int, tuple[int, int]] = {}
    for speaker in {segment.speaker for segment in transcript.segments}:
        own = in_time_order(s for s in transcript.segments if s.speaker == speaker)
        for position, segment in enumerate(own):
            before = own[position - 1].end_ms if position else 0
            after = own[position + 1].start_ms if position + 1 < len(own) else transcript.duration_ms
            bounds[segment.index] = (min(before, segment.start_ms), max(after, segment.end_ms))
    return bounds


def _mistimed(words: Sequence[Word]) -> bool:
    """Whether a word holds a run of digits said one by one, timed faster than anyone says them.

    Whisper writes such a run as one word and then times it badly: a card number, expiry and code said over
    15 s came out as one 27-digit word timed 5 s, a card number as a word timed at the next answer.
    """
    for word in words:
        digits = sum(char.isdigit() for char in word.text)
        if digits >= _MERGED_DIGITS and word.end_ms - word.start_ms < digits * MIN_MS_PER_DIGIT:
            return True
    return False


def _redact_segment(
    segment: Segment, spans: Sequence[tuple[TextSpan, EntityType]], unheard: tuple[int, int]
) -> tuple[Segment, list[RedactedSpan]]:
    word_offsets = _word_offsets(segment)
    pieces: list[str] = []
    cursor = 0
    found: list[RedactedSpan] = []
    for span, entity_type in spans:
        pieces.append(segment.text[cursor : span.start])
        pieces.append(entity_type.token)
        cursor = span.end
        covered = [
            index for index, (start, end) in enumerate(word_offsets or []) if start < span.end and span.start < end
        ]
        if covered and _mistimed([segment.words[index] for index in covered]):
            # The digits were said somewhere in the time the transcript gives to none of this speaker's words.
            start_ms, end_ms = unheard
        elif covered:
            start_ms = segment.words[covered[0]].start_ms
            end_ms = segment.words[covered[-1]].end_ms
        else:
            # Without word times the whole segment is the span: the audio loses more, but nothing leaks.
            start_ms, end_ms = segment.start_ms, segment.end_ms
        found.append(RedactedSpan(type=entity_type, segment=segment.index, start_ms=start_ms, end_ms=end_ms))
    pieces.append(segment.text[cursor:])
    return (
        segment.model_copy(update={"text": "".join(pieces), "words": _redact_words(segment, word_offsets, spans)}),
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
    segment: Segment, offsets: list[tuple[int, int]] | None, spans: Sequence[tuple[TextSpan, EntityType]]
) -> list[Word]:
    """The words with each entity's characters replaced by its token, what is around the entity kept (the
    sentence's full stop after a card number stays), and one token word for an entity spread over words."""
    if offsets is None:
        # The words cannot be placed in the text, so none of them can be shown safely.
        return []
    words: list[Word] = []
    entity_open = False  # the last word ends inside an entity that goes on in the next word
    for word, (start, end) in zip(segment.words, offsets, strict=True):
        overlapping = [(span, kind) for span, kind in spans if span.start < end and start < span.end]
        if not overlapping:
            words.append(word)
            entity_open = False
            continue
        pieces: list[str] = []
        cursor = start
        for span, kind in overlapping:
            pieces.append(segment.text[cursor : max(span.start, start)])
            if span.start >= start:
                pieces.append(kind.token)
            cursor = min(span.end, end)
        pieces.append(segment.text[cursor:end])
        text = "".join(pieces)
        if entity_open and overlapping[0][0].start < start:
            # One token for the whole entity, spanning the times of every word it hides.
            words[-1] = words[-1].model_copy(update={"text": words[-1].text + text, "end_ms": word.end_ms})
        else:
            leading = word.text[: len(word.text) - len(word.text.lstrip())]
            words.append(Word(text=leading + text, start_ms=word.start_ms, end_ms=word.end_ms))
        entity_open = overlapping[-1][0].end > end
    return words
