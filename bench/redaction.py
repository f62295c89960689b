"""Recall and precision of PII redaction per entity type, on labelled utterances and on generated calls.

Utterances (``bench/data/redaction/utterances*.jsonl``) are transcripts written the ways Whisper writes speech
("4111 1111 ...", "1,2,3", "March 3, 1985", words). Calls (``calls*.json``) are spoken with espeak-ng,
transcribed with the project's Whisper engine and then redacted, end to end.

A label counts as found only if the redaction of its type covers every letter and digit of it (utterances,
where its words are looked for as whole words first, then inside longer ones), or, for calls, if a redaction
of its type overlaps the turn it was said in and none of its digits (four or more in a row) or words survive
in the redacted text of that turn. A redaction is correct if it overlaps a label of its type. The first
held-back split was moved into ``dev`` once scored. Every later one (``held_back_2`` to ``held_back_55``, each
in its own files) was written by someone who had not read or run the detector, and is scored once, unseen, at
the end of the round in which it was written; after that it is studied; ``held_back_55`` is the last one
scored.

Usage: ``python -m bench.redaction [--split {dev,held_back_2,...,held_back_55}] [--no-calls]``
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import soundfile as sf
from rich.console import Console
from rich.table import Table

from shared.ai.transcription.base import TranscriptionEngine
from shared.config import Settings
from shared.models.redaction import EntityType
from shared.models.transcript import Segment, Transcript
from shared.redaction.detection import detect
from shared.redaction.transcript import redact_transcript

DATA = Path(__file__).resolve().parent / "data" / "redaction"
SPLITS = ("dev", *(f"held_back_{n}" for n in range(2, 56)))
console = Console(width=160)


@dataclass(frozen=True)
class Label:
    type: EntityType
    turn: int
    text: str


@dataclass(frozen=True)
class LabelledDialogue:
    id: str
    split: str  # one of SPLITS
    turns: tuple[tuple[str, str], ...]  # (speaker, text)
    labels: tuple[Label, ...]


def _dialogue(data: dict[str, object], key: str) -> LabelledDialogue:
    turns = tuple((str(speaker), str(text)) for speaker, text in data["turns"])  # type: ignore[attr-defined]
    labels = tuple(Label(EntityType(kind), int(turn), str(text)) for kind, turn, text in data["pii"])  # type: ignore[attr-defined]
    for label in labels:
        if label.text not in turns[label.turn][1]:
            raise ValueError(f"{data[key]}: label {label.text!r} is not in turn {label.turn}")
    return LabelledDialogue(str(data[key]), str(data["split"]), turns, labels)


def load_utterances() -> list[LabelledDialogue]:
    lines = [line for path in sorted(DATA.glob("utterances*.jsonl")) for line in path.read_text().splitlines()]
    return [_dialogue(json.loads(line), "id") for line in lines if line.strip()]


def load_calls() -> list[LabelledDialogue]:
    calls = [call for path in sorted(DATA.glob("calls*.json")) for call in json.loads(path.read_text())]
    return [_dialogue(call, "name") for call in calls]


@dataclass
class Score:
    labels: Counter[EntityType]
    found: Counter[EntityType]
    predicted: Counter[EntityType]
    correct: Counter[EntityType]

    @classmethod
    def empty(cls) -> Score:
        return cls(Counter(), Counter(), Counter(), Counter())

    def rows(self) -> list[list[str]]:
        rows = []
        for entity_type in [*EntityType, None]:
            pick = (lambda c: sum(c.values())) if entity_type is None else (lambda c: c[entity_type])  # noqa: B023
            labels, found, predicted, correct = (
                pick(c) for c in (self.labels, self.found, self.predicted, self.correct)
            )
            if labels or predicted:
                rows.append(
                    [
                        "all" if entity_type is None else entity_type.value,
                        str(labels),
                        _ratio(found, labels),
                        str(predicted),
                        _ratio(correct, predicted),
                    ]
                )
        return rows


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else "-"


def as_segments(turns: Sequence[tuple[str, str]]) -> list[Segment]:
    """A transcript's segments for written turns, 3 s apart (times matter only for pauses)."""
    return [
        Segment(index=i, speaker=speaker, start_ms=i * 3000, end_ms=i * 3000 + 2500, text=text)
        for i, (speaker, text) in enumerate(turns)
    ]


def _find(text: str, said: str, start: int = 0) -> int:
    """The first place from ``start`` where ``said`` stands as whole words, else the first place at all: the code
    "716" after the card "4348-6796-6716-1503" is the code, not the card's third group."""
    whole = re.compile(rf"(?<![^\W_]){re.escape(said)}(?![^\W_])")
    if match := whole.search(text, start):
        return match.start()
    return text.find(said, start)


def _occurrence(text: str, said: str, after: int | None) -> int:
    """Where a label's words are in its turn: a label given again for words said again ("Ngozi. N-G-O-Z-I. Ngozi.")
    is their next occurrence, a label listed twice for words said once the same one."""
    if after is not None and (again := _find(text, said, after + 1)) >= 0:
        return again
    if (first := _find(text, said)) < 0:
        raise ValueError(f"label {said!r} is not in its turn")
    return first


def score_utterances(dialogues: Iterable[LabelledDialogue], score: Score) -> None:
    for dialogue in dialogues:
        segments = as_segments(dialogue.turns)
        entities = detect(segments)
        covered: dict[tuple[EntityType, int], set[int]] = {}
        for entity in entities:
            for span in entity.spans:
                covered.setdefault((entity.type, span.segment), set()).update(range(span.start, span.end))
        label_ranges = []
        said_before: dict[tuple[int, str], int] = {}
        for label in dialogue.labels:
            start = _occurrence(dialogue.turns[label.turn][1], label.text, said_before.get((label.turn, label.text)))
            said_before[(label.turn, label.text)] = start
            label_ranges.append((label, range(start, start + len(label.text))))
            score.labels[label.type] += 1
            text = dialogue.turns[label.turn][1]
            needed = {i for i in label_ranges[-1][1] if text[i].isalnum()}
            if needed <= covered.get((label.type, label.turn), set()):
                score.found[label.type] += 1
        for entity in entities:
            score.predicted[entity.type] += 1
            if any(
                label.type == entity.type
                and label.turn == span.segment
                and span.start < chars.stop
                and chars.start < span.end
                for span in entity.spans
                for label, chars in label_ranges
            ):
                score.correct[entity.type] += 1


# --- end to end on generated calls --------------------------------------------------------------------------

_NUMBER_WORDS = re.compile(r"\b(zero|oh|one|two|three|four|five|six|seven|eight|nine)\b")
_DIGITS = {
    w: str(i) for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
} | {"oh": "0"}
_COMMON = {"dot", "com", "at", "street", "and", "the", "of", "it", "is"}


def _normalized(text: str) -> str:
    """Lower case, number words as digits, nothing but letters, digits and single spaces."""
    text = _NUMBER_WORDS.sub(lambda m: _DIGITS[m.group()], text.lower())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def leaks(label: Label, redacted_text: str) -> bool:
    """Whether any four digits in a row, or any name-like word, of ``label`` survive in ``redacted_text``."""
    said = _normalized(label.text)
    heard = _normalized(redacted_text)
    digits, heard_digits = re.sub(r"\D", "", said), re.sub(r"\D", "", heard)
    if any(digits[i : i + 4] in heard_digits for i in range(len(digits) - 3)):
        return True
    words = [w for w in said.split() if w.isalpha() and len(w) > 2 and w not in _COMMON and w not in _DIGITS]
    return any(re.search(rf"\b{re.escape(w)}\b", heard) for w in words)


def render_calls(dialogues: Sequence[LabelledDialogue], directory: Path) -> dict[str, list[tuple[int, int]]]:
    """Speak each call with espeak-ng into ``directory``; the time span of every turn."""
    from scripts.sample_calls import SAMPLE_RATE, CallScript, Turn, render_call

    spans = {}
    for dialogue in dialogues:
        stereo, timed = render_call(CallScript(dialogue.id, tuple(Turn(s, t) for s, t in dialogue.turns)))
        sf.write(directory / f"{dialogue.id}.wav", stereo, SAMPLE_RATE, subtype="PCM_16")
        spans[dialogue.id] = [(turn.start_ms, turn.end_ms) for turn in timed]
    return spans


def score_call(
    dialogue: LabelledDialogue, transcript: Transcript, turn_spans: Sequence[tuple[int, int]], score: Score
) -> None:
    redacted = redact_transcript(transcript)
    redactions = redacted.redactions or []

    def turn_text(turn: int) -> str:
        start, end = turn_spans[turn]
        return " ".join(s.text for s in redacted.segments if s.start_ms < end and start < s.end_ms)

    def overlaps_turn(start_ms: int, end_ms: int, turn: int) -> bool:
        start, end = turn_spans[turn]
        return start_ms < end + 500 and start - 500 < end_ms

    for label in dialogue.labels:
        score.labels[label.type] += 1
        hit = any(r.type == label.type and overlaps_turn(r.start_ms, r.end_ms, label.turn) for r in redactions)
        if hit and not leaks(label, turn_text(label.turn)):
            score.found[label.type] += 1
    for redaction in redactions:
        score.predicted[redaction.type] += 1
        if any(
            label.type == redaction.type and overlaps_turn(redaction.start_ms, redaction.end_ms, label.turn)
            for label in dialogue.labels
        ):
            score.correct[redaction.type] += 1


def service_transcription_engine() -> TranscriptionEngine:
    """The engine the service builds from its default settings (model, speakers, language), through its factory."""
    from shared.ai.factory import build_transcription_engine
    from shared.ai.transcription.whisper import ENGINE_NAME

    # Only the engine's settings are read; storage and auth, which validation insists on, play no part here.
    engine = build_transcription_engine(Settings.model_construct())
    if engine.name != ENGINE_NAME:
        raise SystemExit("No verified Whisper model: run `python -m shared.ai.transcription.provision` first.")
    return engine


def score_calls(
    dialogues: Sequence[LabelledDialogue], score: Score, keep: Path | None = None, heard: Path | None = None
) -> list[str]:
    """Transcribe and redact each call (or read what ``keep`` wrote in an earlier run from ``heard``); returns
    the calls without PII whose evaluation verdicts changed."""
    from shared.ai.evaluation.base import EvaluationContext
    from shared.ai.evaluation.rules import RuleBasedEngine
    from shared.ai.transcription.base import AudioInput

    engine = service_transcription_engine() if heard is None else None
    evaluator = RuleBasedEngine(clock=lambda: "2026-01-01T00:00:00Z")
    changed = []
    with tempfile.TemporaryDirectory(prefix="redaction-calls-") as directory:
        spans = render_calls(dialogues, Path(directory))
        for dialogue in dialogues:
            if engine is None:
                assert heard is not None
                transcript = Transcript.model_validate_json((heard / f"{dialogue.id}.json").read_text())
            else:
                audio = AudioInput(audio_file_id=dialogue.id, path=Path(directory) / f"{dialogue.id}.wav")
                transcript = engine.transcribe(audio)
            if keep is not None:  # the raw transcripts, to read what a miss looked like
                keep.mkdir(parents=True, exist_ok=True)
                (keep / f"{dialogue.id}.json").write_text(transcript.model_dump_json(indent=1))
            score_call(dialogue, transcript, spans[dialogue.id], score)
            if not dialogue.labels:
                context = EvaluationContext(
                    audio_file_id=dialogue.id, engagement_id="bench", campaign_id=None, is_ai_call=False
                )
                before = evaluator.evaluate(transcript, context)
                after = evaluator.evaluate(redact_transcript(transcript), context)
                if [c.passed for c in before.criteria] != [c.passed for c in after.criteria]:
                    changed.append(dialogue.id)
    return changed


def _print(title: str, score: Score) -> None:
    table = Table(title=title)
    for column in ("type", "labels", "recall", "redactions", "precision"):
        table.add_column(column, justify="left" if column == "type" else "right")
    for row in score.rows():
        table.add_row(*row)
    console.print(table)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--split", choices=SPLITS, default="dev", help="score this split")
    parser.add_argument("--no-calls", action="store_true", help="skip the generated calls (no Whisper, no espeak-ng)")
    parser.add_argument("--keep-transcripts", type=Path, help="write the calls' unredacted transcripts here")
    parser.add_argument(
        "--transcripts",
        type=Path,
        help="score the calls on the transcripts --keep-transcripts wrote before, not on a new transcription (so a "
        "change to detection is measured on the same Whisper output)",
    )
    args = parser.parse_args(argv)
    split = args.split

    utterances = [d for d in load_utterances() if d.split == split]
    score = Score.empty()
    score_utterances(utterances, score)
    _print(f"Redaction on {len(utterances)} labelled transcripts ({split} split)", score)
    if not args.no_calls:
        calls = [d for d in load_calls() if d.split == split]
        call_score = Score.empty()
        changed = score_calls(calls, call_score, args.keep_transcripts, args.transcripts)
        _print(
            f"Redaction end to end on {len(calls)} generated calls ({split} split): espeak-ng, Whisper, redaction",
            call_score,
        )
        console.print(f"evaluation verdicts changed by redaction on calls without PII: {changed or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
