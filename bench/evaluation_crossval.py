"""Whether the learned classifiers generalise to calls in new words: leave-one-split-out cross-validation.

For each studied split (``bench.evaluation.STUDIED``, never the round's unseen one), the classifiers are trained on
every other split (``bench.train_intent_classifier``) and the left-out split is scored by the default engine without
them (before) and with them (after), for each pair of thresholds asked for. Thresholds are chosen from the totals over
all splits, never from one split; the weights file shipped beside the cards is trained on every studied split and is
not read here.

Usage: ``python -m bench.evaluation_crossval [--pass P ...] [--review R ...] [--c C] [--rounds N] [--traps T]
[--failure-lead L ...] [--rival-lead L ...] [--cards yes|no]``
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Sequence
from dataclasses import replace

from bench.common import console, table
from bench.evaluation import STUDIED, LabelledCall, Report, context_for, load_calls, ratio
from bench.train_intent_classifier import (
    CARD_EXAMPLES,
    MIL_ROUNDS,
    TRAPS,
    C,
    CallUnits,
    card_examples,
    embed_calls,
    train,
)
from shared.ai.evaluation.intent import load_intent_model
from shared.ai.evaluation.learned import IntentClassifiers
from shared.ai.evaluation.rules import DEFAULT_THRESHOLDS, RuleBasedEngine
from shared.models.analysis import Analysis

COLUMNS = [
    "split",
    "verdicts",
    "agreement",
    "paraphrase recall",
    "traps caught",
    "wrong passes",
    "needs_review",
    "evidence right",
]


def measures(report: Report) -> list[float]:
    paraphrase = report.by_kind["paraphrase"]
    overall = report.overall
    return [
        overall.accuracy,
        paraphrase.pass_recall,
        ratio(report.traps_caught, report.traps_to_fail),
        ratio(overall.wrong_pass, overall.total),
        ratio(overall.review, overall.total),
        ratio(report.evidence_right, report.evidence_checked),
    ]


def merge(reports: Sequence[Report]) -> Report:
    total = Report()
    for report in reports:
        for name in ("traps_to_fail", "traps_caught", "evidence_checked", "evidence_right", "calls"):
            setattr(total, name, getattr(total, name) + getattr(report, name))
        for tallies, into in ((report.by_kind, total.by_kind), ({"all": report.overall}, {"all": total.overall})):
            for kind, tally in tallies.items():
                target = into[kind]
                for name in ("total", "agree", "labelled_pass", "engine_pass", "true_pass", "wrong_pass", "review"):
                    setattr(target, name, getattr(target, name) + getattr(tally, name))
    return total


def cell(before: float, after: float) -> str:
    return f"{before:.3f} -> {after:.3f}"


def needs_another_look(
    call: LabelledCall, before: Analysis, unit_vectors: CallUnits, classifiers: IntentClassifiers, lowest: float
) -> bool:
    """Whether the classifiers can change a verdict of ``before``: they only judge where no other reading passed,
    and only a unit of the criterion's speaker at ``lowest`` or more; elsewhere the verdicts stay as they were."""
    verdicts = {result.id: result.verdict for result in before.criteria}
    for criterion in call.scorecard.criteria:
        classifier = classifiers.for_criterion(criterion)
        if classifier is None or verdicts[criterion.id] == "pass":
            continue
        mine = [criterion.speaker in (None, speaker) for speaker in unit_vectors.speakers]
        if any(mine) and float(classifier.probabilities(unit_vectors.vectors[mine]).max()) >= lowest:
            return True
    return False


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pass", dest="passes", type=float, nargs="+", default=[DEFAULT_THRESHOLDS.learned_pass])
    parser.add_argument("--review", type=float, nargs="+", default=[DEFAULT_THRESHOLDS.learned_review])
    parser.add_argument("--c", type=float, nargs="+", default=[C])
    parser.add_argument("--rounds", type=int, nargs="+", default=[MIL_ROUNDS])
    parser.add_argument("--traps", choices=("skip_windowed", "skip", "negative"), nargs="+", default=[TRAPS])
    for flag, default, rival in (
        ("--failure-lead", DEFAULT_THRESHOLDS.learned_failure_lead, "a fail example"),
        ("--rival-lead", DEFAULT_THRESHOLDS.learned_rival_lead, "a rival wording"),
    ):
        parser.add_argument(
            flag,
            type=lambda text: None if text == "none" else float(text),
            nargs="+",
            default=[default],
            help=f"veto a learned pass nearer {rival} than a pass example by more than this ('none': never)",
        )
    parser.add_argument(
        "--cards",
        choices=("yes", "no"),
        nargs="+",
        default=["yes" if CARD_EXAMPLES else "no"],
        help="train on the cards' own pass and fail examples as well",
    )
    args = parser.parse_args(argv)

    model = load_intent_model()
    calls = {split: load_calls(split) for split in STUDIED}
    embedded = {split: embed_calls(calls[split], model) for split in STUDIED}
    # The engine without classifiers, once: each setting re-judges only the calls it can change.
    plain = RuleBasedEngine(intent=model)
    before = {split: [plain.evaluate(c.transcript, context_for(c)) for c in calls[split]] for split in STUDIED}
    print("scored without classifiers", file=sys.stderr, flush=True)
    totals = []
    examples = card_examples(model)
    for c, rounds, traps, cards in itertools.product(args.c, args.rounds, args.traps, args.cards):
        folds = {
            split: train(
                (item for other in STUDIED if other != split for item in embedded[other]),
                c=c,
                rounds=rounds,
                traps=traps,
                cards=examples if cards == "yes" else None,
            )
            for split in STUDIED
        }
        for learned_pass, learned_review, lead, rival in itertools.product(
            args.passes, args.review, args.failure_lead, args.rival_lead
        ):
            thresholds = replace(
                DEFAULT_THRESHOLDS,
                learned_pass=learned_pass,
                learned_review=learned_review,
                learned_failure_lead=lead,
                learned_rival_lead=rival,
            )
            lowest = min(learned_pass, learned_review)
            rows = []
            reports_before, reports_after = [], []
            for split in STUDIED:
                engine = RuleBasedEngine(intent=model, classifiers=folds[split], intent_thresholds=thresholds)
                b, a = Report(), Report()
                for call, analysis, units in zip(calls[split], before[split], embedded[split], strict=True):
                    b.add(call, analysis)
                    again = needs_another_look(call, analysis, units, folds[split], lowest)
                    a.add(call, engine.evaluate(call.transcript, context_for(call)) if again else analysis)
                reports_before.append(b)
                reports_after.append(a)
                rows.append([split, a.overall.total, *map(cell, measures(b), measures(a))])
            b, a = merge(reports_before), merge(reports_after)
            rows.append(["total", a.overall.total, *map(cell, measures(b), measures(a))])
            setting = (
                f"C={c}, rounds={rounds}, traps={traps}, cards={cards}, pass>={learned_pass}, "
                f"review>={learned_review}, veto: fail lead>{lead}, rival lead>{rival}"
            )
            totals.append([setting, *(f"{x:.3f}" for x in measures(a))])
            console.print(table(f"Leave-one-split-out, before -> after ({setting})", COLUMNS, rows))
            print(f"done {setting}", file=sys.stderr, flush=True)
    console.print(table("Totals after, by setting (before: see the tables above)", ["setting", *COLUMNS[2:]], totals))
    return 0


if __name__ == "__main__":
    sys.exit(main())
