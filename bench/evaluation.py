"""How often the offline evaluation engine agrees with a human reviewer, on labelled calls; and how fast it is.

The calls (``bench/data/evaluation/{dev,held_back}/*.yaml``; files named ``human*`` are scored with the default
human card, ``ai_agent*`` with the AI-agent card) are written the way agents talk: the card's own wording,
paraphrases, speech-recognition noise, negations and refusals, the wrong speaker, late disclosures, holds and
trailing silence. Each criterion of the card is labelled ``pass`` or ``fail`` from its description, as a
reviewer would decide, with the case kind (``literal``: the card's own phrases; ``paraphrase``: other words
for the same thing; ``trap``: wording that looks like the opposite verdict; ``absent``: nothing related said)
and, for a pass, the segment that shows it.

A ``needs_review`` verdict never agrees with a label (it is a person's time), but a fail-labelled trap sent
to review counts as caught. The held-back split is scored only with ``--held-back``, once the rest is settled.

The phrase-list engine this one replaced is no longer in the tree, so only the current engine is scored.

Usage: ``python -m bench.evaluation [--held-back] [--quick]``
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bench.common import console, machine_note, parse_args, table
from shared.ai.evaluation.base import EvaluationContext
from shared.ai.evaluation.rules import RuleBasedEngine
from shared.ai.evaluation.scorecards import default_scorecard
from shared.models.analysis import Analysis, Scorecard
from shared.models.transcript import EngineInfo, Segment, Transcript, Word

DATA = Path(__file__).resolve().parent / "data" / "evaluation"
SPLITS = ("dev", "held_back")
LABEL_VERDICTS = ("pass", "fail")
KINDS = ("literal", "paraphrase", "trap", "absent")
SPEAKERS = {"a": "agent", "c": "customer"}
CHANNELS = {"agent": 0, "customer": 1}

# Speech timing of a written turn: a word every 330 ms, 0.7 s between turns (3-5 s for a typical turn).
MS_PER_WORD = 330
GAP_MS = 700
FIRST_START_MS = 600
LONG_CALL_MS = 10 * 60 * 1000


# --- the labelled set -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Label:
    verdict: str  # "pass" or "fail", as a reviewer decides from the criterion's description
    kind: str  # one of KINDS
    segment: int | None  # the turn that shows it (required for a pass of a criterion that must be said)


@dataclass(frozen=True)
class LabelledCall:
    id: str
    split: str
    industry: str
    call_type: str  # "human" or "ai_agent": which default card
    transcript: Transcript
    labels: dict[str, Label]

    @property
    def scorecard(self) -> Scorecard:
        return default_scorecard("ai_agent" if self.call_type == "ai_agent" else "human")


def parse_label(text: str) -> Label:
    """``"pass paraphrase 3"`` -> Label("pass", "paraphrase", 3); the segment is optional."""
    parts = str(text).split()
    if len(parts) not in (2, 3) or parts[0] not in LABEL_VERDICTS or parts[1] not in KINDS:
        raise ValueError(f"label {text!r} is not '<pass|fail> <{'|'.join(KINDS)}> [segment]'")
    return Label(parts[0], parts[1], int(parts[2]) if len(parts) == 3 else None)


def build_transcript(call_id: str, call: dict[str, Any]) -> Transcript:
    """Segments for the call's turns: ``{a|c: text}`` (optionally ``secs``) and ``{hold: seconds}`` pauses."""
    segments: list[Segment] = []
    cursor = int(float(call.get("startS", 0)) * 1000) + FIRST_START_MS - GAP_MS
    pause = 0
    for turn in call["turns"]:
        if "hold" in turn:
            pause += int(float(turn["hold"]) * 1000)
            continue
        (code,) = (key for key in turn if key in SPEAKERS)
        speaker, text = SPEAKERS[code], str(turn[code])
        tokens = text.split()
        start = cursor + GAP_MS + pause
        length = int(float(turn["secs"]) * 1000) if "secs" in turn else len(tokens) * MS_PER_WORD
        step = length // max(len(tokens), 1)
        words = [
            Word(text=token, start_ms=start + i * step, end_ms=start + (i + 1) * step - 40)
            for i, token in enumerate(tokens)
        ]
        segments.append(
            Segment(
                index=len(segments),
                speaker=speaker,
                channel=CHANNELS[speaker],
                start_ms=start,
                end_ms=start + length,
                text=text,
                words=words,
            )
        )
        cursor, pause = start + length, 0
    duration = cursor + pause + int(float(call.get("trailingSilenceS", 0)) * 1000)
    return Transcript(
        audio_file_id=call_id,
        language="en",
        duration_ms=duration,
        speakers=sorted({s.speaker for s in segments}),
        segments=segments,
        text="\n".join(f"{s.speaker}: {s.text}" for s in segments),
        engine=EngineInfo(name="labelled-set", model="written", version="1"),
        created_at="2024-05-01T12:00:00Z",
    )


def load_calls(split: str, data: Path = DATA) -> list[LabelledCall]:
    calls: list[LabelledCall] = []
    for path in sorted((data / split).glob("*.yaml")):
        call_type = "ai_agent" if path.stem.startswith("ai_agent") else "human"
        for call in yaml.safe_load(path.read_text(encoding="utf-8")):
            calls.append(
                LabelledCall(
                    id=call["id"],
                    split=split,
                    industry=call["industry"],
                    call_type=call_type,
                    transcript=build_transcript(call["id"], call),
                    labels={criterion: parse_label(text) for criterion, text in call["labels"].items()},
                )
            )
    return calls


# --- scoring ----------------------------------------------------------------------------------------------


def ratio(part: int, whole: int) -> float:
    """``part / whole``, NaN (printed as a dash) when there is nothing to divide."""
    return part / whole if whole else float("nan")


@dataclass
class Tally:
    """Label-vs-engine counts for one group of criterion verdicts."""

    total: int = 0
    agree: int = 0
    labelled_pass: int = 0
    engine_pass: int = 0
    true_pass: int = 0  # labelled pass and passed
    wrong_pass: int = 0  # labelled fail but passed
    review: int = 0  # needs_review

    def add(self, label: str, verdict: str) -> None:
        self.total += 1
        self.agree += label == verdict
        self.labelled_pass += label == "pass"
        self.engine_pass += verdict == "pass"
        self.true_pass += label == "pass" and verdict == "pass"
        self.wrong_pass += label == "fail" and verdict == "pass"
        self.review += verdict == "needs_review"

    @property
    def accuracy(self) -> float:
        return ratio(self.agree, self.total)

    @property
    def pass_precision(self) -> float:
        return ratio(self.true_pass, self.engine_pass)

    @property
    def pass_recall(self) -> float:
        return ratio(self.true_pass, self.labelled_pass)


@dataclass
class Report:
    by_criterion: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_kind: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    overall: Tally = field(default_factory=Tally)
    traps_to_fail: int = 0  # fail-labelled traps the engine failed or sent to review
    traps_caught: int = 0
    evidence_checked: int = 0  # labelled passes the engine passed, with a labelled segment
    evidence_right: int = 0  # ... whose evidence cites that segment
    calls: int = 0
    calls_agree: int = 0  # the engine's call-level pass/fail is the reviewer's
    calls_all_criteria: int = 0  # every criterion verdict agrees
    disagreements: list[str] = field(default_factory=list)

    def add(self, call: LabelledCall, analysis: Analysis) -> None:
        results = {result.id: result for result in analysis.criteria}
        all_agree = True
        for criterion in call.scorecard.criteria:
            label, result = call.labels[criterion.id], results[criterion.id]
            groups = (self.by_criterion[f"{call.call_type}/{criterion.id}"], self.by_kind[label.kind], self.overall)
            for tally in groups:
                tally.add(label.verdict, result.verdict)
            if label.kind == "trap" and label.verdict == "fail":
                self.traps_to_fail += 1
                self.traps_caught += result.verdict in ("fail", "needs_review")
            if label.verdict == "pass" and result.verdict == "pass" and label.segment is not None:
                self.evidence_checked += 1
                self.evidence_right += any(e.segment_index == label.segment for e in result.evidence)
            if label.verdict != result.verdict:
                all_agree = False
                self.disagreements.append(
                    f"{call.id} {criterion.id}: labelled {label.verdict} ({label.kind}), engine {result.verdict}"
                )
        self.calls += 1
        self.calls_agree += reviewer_passes(call) == analysis.passed
        self.calls_all_criteria += all_agree


def reviewer_passes(call: LabelledCall) -> bool:
    """The call-level outcome of the labels, scored like the engine scores (weights, threshold, critical items)."""
    card = call.scorecard
    weight = sum(c.weight for c in card.criteria)
    score = 100 * sum(c.weight for c in card.criteria if call.labels[c.id].verdict == "pass") / weight
    critical_failed = any(c.critical and call.labels[c.id].verdict == "fail" for c in card.criteria)
    return score >= card.pass_threshold and not critical_failed


def context_for(call: LabelledCall) -> EvaluationContext:
    return EvaluationContext(call.id, f"eng-{call.id}", None, call.call_type == "ai_agent")


def score(calls: Iterable[LabelledCall], engine: RuleBasedEngine) -> Report:
    report = Report()
    for call in calls:
        report.add(call, engine.evaluate(call.transcript, context_for(call)))
    return report


def long_call(calls: Sequence[LabelledCall], target_ms: int = LONG_CALL_MS) -> LabelledCall:
    """A human call of ``target_ms``: the labelled human calls' turns back to back until it is that long."""
    source = [call for call in calls if call.call_type == "human"]
    lines = itertools.cycle(s for call in source for s in call.transcript.segments)
    turns: list[dict[str, Any]] = []
    elapsed = FIRST_START_MS
    while elapsed < target_ms:
        segment = next(lines)
        turns.append({"a" if segment.speaker == "agent" else "c": segment.text})
        elapsed += GAP_MS + MS_PER_WORD * len(segment.text.split())
    first = source[0]
    return LabelledCall("long", first.split, "mixed", "human", build_transcript("long", {"turns": turns}), first.labels)


def seconds_per_call(engine: RuleBasedEngine, calls: Sequence[LabelledCall], rounds: int) -> float:
    """Median over ``rounds`` of the mean wall time to evaluate one of ``calls``."""
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        for call in calls:
            engine.evaluate(call.transcript, context_for(call))
        samples.append((time.perf_counter() - started) / len(calls))
    return statistics.median(samples)


# --- output -----------------------------------------------------------------------------------------------


def _tally_row(name: str, tally: Tally) -> list[Any]:
    return [
        name,
        tally.total,
        tally.accuracy,
        tally.pass_precision,
        tally.pass_recall,
        tally.wrong_pass,
        tally.review,
    ]


TALLY_COLUMNS = ["group", "verdicts", "accuracy", "PASS precision", "PASS recall", "wrong passes", "needs_review"]


def print_report(split: str, calls: Sequence[LabelledCall], report: Report, verbose: bool) -> None:
    industries = sorted({call.industry for call in calls})
    human = sum(call.call_type == "human" for call in calls)
    title = (
        f"Offline engine vs reviewer labels, {split} split: {len(calls)} calls ({human} human, "
        f"{len(calls) - human} AI agent; {len(industries)} industries)"
    )
    rows = [_tally_row(name, report.by_criterion[name]) for name in sorted(report.by_criterion)]
    console.print(table(title, TALLY_COLUMNS, rows))
    rows = [_tally_row(kind, report.by_kind[kind]) for kind in KINDS if kind in report.by_kind]
    rows.append(_tally_row("all", report.overall))
    console.print(table("By case kind", TALLY_COLUMNS, rows))
    overall = report.overall
    paraphrase = report.by_kind["paraphrase"]
    counts: list[tuple[str, int, int]] = [
        ("criterion verdicts agreeing with the label", overall.agree, overall.total),
        ("paraphrases agreeing", paraphrase.agree, paraphrase.total),
        ("fail-labelled traps failed or sent to review", report.traps_caught, report.traps_to_fail),
        ("wrong passes (of all verdicts)", overall.wrong_pass, overall.total),
        ("needs_review (of all verdicts)", overall.review, overall.total),
        ("passes citing the labelled segment", report.evidence_right, report.evidence_checked),
        ("calls whose pass/fail agrees with the reviewer's", report.calls_agree, report.calls),
        ("calls with every criterion verdict agreeing", report.calls_all_criteria, report.calls),
    ]
    summary = [[name, ratio(part, whole), f"{part}/{whole}"] for name, part, whole in counts]
    console.print(table("Summary", ["measure", "share", "count"], summary))
    if verbose:
        for line in report.disagreements:
            console.print(f"  {line}")


def main(argv: Sequence[str] | None = None) -> int:
    def extra(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--held-back", action="store_true", help="score the held-back split (only at the end)")
        parser.add_argument("--verbose", action="store_true", help="list every disagreement")

    args = parse_args(__doc__.splitlines()[0] if __doc__ else "", extra, argv)
    split = "held_back" if args.held_back else "dev"
    calls = load_calls(split)
    engine = RuleBasedEngine()
    print_report(split, calls, score(calls, engine), args.verbose)

    rounds = 1 if args.quick else 5
    long = long_call(calls)
    timings = [
        ["one labelled call (mean over the split)", 1000 * seconds_per_call(engine, calls, rounds)],
        [
            f"generated call, {long.transcript.duration_ms / 60000:.1f} min, {len(long.transcript.segments)} segments",
            1000 * seconds_per_call(engine, [long], rounds),
        ],
    ]
    console.print(table(f"Evaluation time (ms, median of {rounds} rounds)", ["call", "ms"], timings))
    console.print(machine_note())
    console.print("The phrase-list engine is no longer in the tree, so its figures are not printed beside these.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
