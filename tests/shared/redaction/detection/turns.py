"""Transcripts written as turns, and what the detector finds in them: the detection tests' common ground."""

from __future__ import annotations

from shared.models.redaction import EntityType
from shared.models.transcript import Segment, Word
from shared.redaction.detection import detect


def segments(*turns: tuple[str, str], gap_ms: int = 500) -> list[Segment]:
    """One segment of 2 s per ``(speaker, text)`` turn, ``gap_ms`` apart."""
    found, start = [], 0
    for index, (speaker, text) in enumerate(turns):
        found.append(Segment(index=index, speaker=speaker, start_ms=start, end_ms=start + 2000, text=text))
        start += 2000 + gap_ms
    return found


def found(said: list[Segment], types: tuple[EntityType, ...] = tuple(EntityType)) -> list[tuple[str, list[str]]]:
    """Each entity found: its type and the words of each of its spans."""
    by_index = {segment.index: segment for segment in said}
    return [
        (entity.type.value, [by_index[span.segment].text[span.start : span.end] for span in entity.spans])
        for entity in detect(said, types)
    ]


def spans_found(turns: tuple[tuple[str, str], ...], types: tuple[EntityType, ...]) -> list[tuple[str, int, str]]:
    """Each span found of ``types``: its entity's type, its turn and its words."""
    said = segments(*turns)
    return [
        (entity.type.value, span.segment, said[span.segment].text[span.start : span.end])
        for entity in detect(said, types)
        for span in entity.spans
    ]


def heard_as(segment: Segment, confidences: list[float]) -> Segment:
    """``segment`` with a word for each of its words, Whisper's confidence in it given."""
    words = [
        Word(text=text, start_ms=segment.start_ms + 300 * i, end_ms=segment.start_ms + 300 * (i + 1), confidence=sure)
        for i, (text, sure) in enumerate(zip(segment.text.split(), confidences, strict=True))
    ]
    return segment.model_copy(update={"words": words})
