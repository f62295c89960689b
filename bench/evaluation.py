"""How often the offline evaluation engine agrees with a human reviewer, on labelled calls; and how fast it is.

The calls (``bench/data/evaluation/{dev,held_back,held_back_2,...,held_back_29}/*.yaml``; files named ``human*`` are
scored with the default human card, ``ai_agent*`` with the AI-agent card) are written the way agents talk: the
card's own wording, paraphrases, speech-recognition noise, negations and refusals, the wrong speaker, late disclosures,
holds and trailing silence. Each criterion of the card is labelled ``pass`` or ``fail`` from its description, as a
reviewer would decide, with the case kind (``literal``: the card's own phrases; ``paraphrase``: other
words for the same thing; ``trap``: wording that looks like the opposite verdict; ``absent``: nothing related said)
and, for a pass, the segment that shows it.

A ``needs_review`` verdict never agrees with a label (it is a person's time), but a fail-labelled trap sent
to review counts as caught. ``held_back`` and then ``held_back_2`` were each scored once, unseen, and have since
become development data beside ``dev``. Each later split was written after the one before it, with neither the
engine's code, its results nor the notes on what it misses in view and without the engine ever run on its calls,
and was scored once at the end of its round: ``held_back_3`` to ``held_back_8`` by one new author each,
``held_back_9`` to ``held_back_28`` by two new authors each (the second keeping agents off the card's own phrases).
``held_back_28`` has been scored and is studied now; ``held_back_29``, written the same way by two more new authors,
is scored only once.

Two engines are scored side by side: the phrase-list engine (the rule engine with its intent layer off:
phrases, patterns, negation, speaker and timing) and the default engine, which adds the intent layer
(sentence embeddings compared with the card's examples, and the card's slotted examples as a grammar).

Usage: ``python -m bench.evaluation [--split {dev,held_back,held_back_2,...,held_back_29}] [--quick]``
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
from shared.ai.evaluation.intent import load_intent_model
from shared.ai.evaluation.learned import load_intent_classifiers
from shared.ai.evaluation.rules import RuleBasedEngine
from shared.ai.evaluation.scorecards import default_scorecard
from shared.models.analysis import Analysis, Scorecard
from shared.models.transcript import EngineInfo, Segment, Transcript, Word
from shared.redaction.transcript import redact_transcript

DATA = Path(__file__).resolve().parent / "data" / "evaluation"
SPLITS = (
    "dev", "held_back", "held_back_2", "held_back_3", "held_back_4", "held_back_5", "held_back_6", "held_back_7",
    "held_back_8", "held_back_9", "held_back_10", "held_back_11", "held_back_12", "held_back_13",
    "held_back_14", "held_back_15", "held_back_16", "held_back_17",
    "held_back_18", "held_back_19", "held_back_20", "held_back_21", "held_back_22", "held_back_23",
    "held_back_24", "held_back_25", "held_back_26", "held_back_27", "held_back_28", "held_back_29",
)  # fmt: skip
# Scored once, at the end of the round that added it, unseen: nothing is trained, tuned or cross-validated on it.
UNSEEN = "held_back_29"
STUDIED = tuple(split for split in SPLITS if split != UNSEEN)
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
    """Segments for the call's turns: ``{a|c: text}`` (optionally with ``secs``) and ``{hold: seconds}`` pauses."""
    segments: list[Segment] = []
    cursor = int(float(call.get("startS", 0)) * 1000) + FIRST_START_MS - GAP_MS
    pause = 0
    for turn in call["turns"]:
        if "hold" in turn:
            pause += int(float(turn["hold"]) * 1000)
            continue
        (code,) = (key for key in turn if key in SPEAKERS)
        # A turn is ``{a: text, secs: n}`` or, for a long one, ``{a: {text: ..., secs: n}}``.
        said = turn[code] if isinstance(turn[code], dict) else {"text": turn[code], **turn}
        speaker, text = SPEAKERS[code], str(said["text"])
        tokens = text.split()
        start = cursor + GAP_MS + pause
        length = int(float(said["secs"]) * 1000) if "secs" in said else len(tokens) * MS_PER_WORD
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


@dataclass(frozen=True)
class RedactionCheck:
    changed: list[str]
    """The verdicts redaction changes ("call criterion: before -> after"), and any call it changed with nothing to
    redact."""
    redacted_calls: int


def changed_by_redaction(calls: Iterable[LabelledCall], engine: RuleBasedEngine) -> RedactionCheck:
    """Redaction runs before evaluation and must change no verdict. Each call is redacted once: redacting is most of
    this check's time."""
    changed = []
    redacted_calls = 0
    for call in calls:
        redacted = redact_transcript(call.transcript)
        if not redacted.redactions:
            if redacted.segments != call.transcript.segments:
                changed.append(f"{call.id}: changed with nothing redacted")
            continue
        redacted_calls += 1
        before = engine.evaluate(call.transcript, context_for(call)).criteria
        after = engine.evaluate(redacted, context_for(call)).criteria
        changed += [
            f"{call.id} {b.id}: {b.verdict} -> {a.verdict}"
            for b, a in zip(before, after, strict=True)
            if b.verdict != a.verdict
        ]
    return RedactionCheck(changed, redacted_calls)


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

# The engines compared: the phrase-list engine (the same engine with the intent layer off) and the default.
BASELINE = "phrase lists"
INTENT = "phrase lists + intent"


def _pair(reports: dict[str, Report], pick: Any) -> list[Any]:
    return [pick(reports[BASELINE]), pick(reports[INTENT])]


def _tally_rows(names: Sequence[str], tallies: dict[str, dict[str, Tally]]) -> list[list[Any]]:
    rows = []
    for name in names:
        baseline, intent = tallies[BASELINE][name], tallies[INTENT][name]
        rows.append(
            [
                name,
                intent.total,
                baseline.accuracy,
                intent.accuracy,
                baseline.pass_precision,
                intent.pass_precision,
                baseline.pass_recall,
                intent.pass_recall,
                f"{baseline.wrong_pass} / {intent.wrong_pass}",
                f"{baseline.review} / {intent.review}",
            ]
        )
    return rows


TALLY_COLUMNS = [
    "group",
    "verdicts",
    "acc. phrase",
    "acc. intent",
    "PASS P phrase",
    "PASS P intent",
    "PASS R phrase",
    "PASS R intent",
    "wrong passes",
    "needs_review",
]


def print_report(split: str, calls: Sequence[LabelledCall], reports: dict[str, Report], verbose: bool) -> None:
    industries = sorted({call.industry for call in calls})
    human = sum(call.call_type == "human" for call in calls)
    title = (
        f"Offline engine vs reviewer labels, {split} split: {len(calls)} calls ({human} human, "
        f"{len(calls) - human} AI agent; {len(industries)} industries); phrase-list engine beside the intent engine"
    )
    criteria = sorted(reports[INTENT].by_criterion)
    by_criterion = {name: report.by_criterion for name, report in reports.items()}
    caption = "Counts are 'phrase / intent'."
    console.print(table(title, TALLY_COLUMNS, _tally_rows(criteria, by_criterion), caption))
    kinds = [kind for kind in KINDS if kind in reports[INTENT].by_kind]
    by_kind = {name: {**report.by_kind, "all": report.overall} for name, report in reports.items()}
    console.print(table("By case kind", TALLY_COLUMNS, _tally_rows([*kinds, "all"], by_kind)))
    measures: list[tuple[str, Any]] = [
        ("criterion verdicts agreeing with the label", lambda r: (r.overall.agree, r.overall.total)),
        ("paraphrases agreeing", lambda r: (r.by_kind["paraphrase"].agree, r.by_kind["paraphrase"].total)),
        ("fail-labelled traps failed or sent to review", lambda r: (r.traps_caught, r.traps_to_fail)),
        ("wrong passes (of all verdicts)", lambda r: (r.overall.wrong_pass, r.overall.total)),
        ("needs_review (of all verdicts)", lambda r: (r.overall.review, r.overall.total)),
        ("passes citing the labelled segment", lambda r: (r.evidence_right, r.evidence_checked)),
        ("calls whose pass/fail agrees with the reviewer's", lambda r: (r.calls_agree, r.calls)),
        ("calls with every criterion verdict agreeing", lambda r: (r.calls_all_criteria, r.calls)),
    ]
    summary = []
    for name, count in measures:
        (base_part, base_whole), (part, whole) = _pair(reports, count)
        summary.append(
            [name, ratio(base_part, base_whole), ratio(part, whole), f"{base_part}/{base_whole}", f"{part}/{whole}"]
        )
    columns = ["measure", BASELINE, INTENT, "count (phrase)", "count (intent)"]
    console.print(table("Summary", columns, summary))
    if verbose:
        for line in reports[INTENT].disagreements:
            console.print(f"  {line}")


def main(argv: Sequence[str] | None = None) -> int:
    def extra(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--split", choices=SPLITS, default="dev", help="score this split (held_back_29: once)")
        parser.add_argument("--verbose", action="store_true", help="list every disagreement of the intent engine")

    args = parse_args(__doc__.splitlines()[0] if __doc__ else "", extra, argv)
    split = args.split
    calls = load_calls(split)
    started = time.perf_counter()
    intent_model = load_intent_model()
    load_ms = 1000 * (time.perf_counter() - started)
    engines = {
        BASELINE: RuleBasedEngine(),
        INTENT: RuleBasedEngine(intent=intent_model, classifiers=load_intent_classifiers()),
    }
    reports = {name: score(calls, engine) for name, engine in engines.items()}
    print_report(split, calls, reports, args.verbose)
    check = changed_by_redaction(calls, engines[INTENT])
    console.print(
        f"verdicts redaction changes ({INTENT}, {check.redacted_calls} of {len(calls)} calls redacted): "
        f"{len(check.changed)}" + "".join(f"\n  {c}" for c in check.changed)
    )

    rounds = 1 if args.quick else 5
    long = long_call(calls)
    long_name = (
        f"generated call, {long.transcript.duration_ms / 60000:.1f} min, {len(long.transcript.segments)} segments"
    )
    timings = []
    for name, subjects in (("one labelled call (mean over the split)", calls), (long_name, [long])):
        base, intent = (1000 * seconds_per_call(engines[key], subjects, rounds) for key in (BASELINE, INTENT))
        timings.append([name, base, intent, intent / base])
    timings.append(["loading and verifying the intent model (once per process)", None, load_ms, None])
    columns = ["call", f"ms ({BASELINE})", f"ms ({INTENT})", "ratio"]
    console.print(table(f"Evaluation time (ms, median of {rounds} rounds)", columns, timings))
    console.print(machine_note())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
