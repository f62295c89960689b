"""Trains the intent layer's learned classifiers on the labelled calls and writes the weights file beside the cards.

For each must-have criterion of the default cards (keyed by id and the sha256 of its description, so the two cards
share data where a criterion is the same), a logistic regression over the WordLlama vectors of the speaker's
sentences and clauses (``units_of``):

- positives: the units of the segment a pass label names, refined by multiple instances: after a first fit only the
  best-scoring unit of each such segment stays a positive (a segment says more than the one thing), and it is fit
  again;
- negatives: the speaker's units in calls labelled fail for the criterion, and the speaker's other segments of calls
  labelled pass. A fail-labelled trap of a criterion with a time window is left out: its wording often does the thing,
  too late, which only the window rejects;
- the card's own examples (``CARD_EXAMPLES``): each pass example a positive, each fail example a hard negative, so
  the classifier learns what the card says does not count (a refusal, a blame dressed as an apology) as well as what
  does.

Deterministic (lbfgs, no sampling); trains on every studied split (``bench.evaluation.STUDIED``: never on the
unseen split of the round), prints the sha256 to pin in ``shared/ai/evaluation/learned.py``.

Usage: ``python -m bench.train_intent_classifier [--check]`` (``--check``: write nothing, exit 1 when the file
differs from a fresh training)
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from bench.evaluation import STUDIED, LabelledCall, load_calls
from shared.ai.evaluation.intent import MODEL_NAME, CallIntents, IntentModel, load_intent_model
from shared.ai.evaluation.learned import (
    CLASSIFIERS_FILE,
    IntentClassifiers,
    LinearClassifier,
    criterion_key,
)
from shared.ai.evaluation.matching import index_segments
from shared.ai.evaluation.scorecards import default_scorecard

# Regularisation (inverse strength) and refinement rounds, chosen by leave-one-split-out cross-validation.
C = 1.0
MIL_ROUNDS = 1
TRAPS = "skip_windowed"  # or "skip" (no trap call is a negative) or "negative" (every one is)
CARD_EXAMPLES = True  # the default cards' pass and fail examples join the positives and negatives


@dataclass(frozen=True)
class CallUnits:
    """One labelled call's units as the intent layer cuts and embeds them."""

    call: LabelledCall
    vectors: np.ndarray
    segments: np.ndarray  # segment index of each unit
    speakers: tuple[str, ...]  # speaker of each unit


def embed_calls(calls: Iterable[LabelledCall], model: IntentModel) -> list[CallUnits]:
    embedded = []
    for call in calls:
        intents = CallIntents(model, index_segments(call.transcript.segments))
        embedded.append(
            CallUnits(
                call,
                intents.vectors,
                np.array([unit.item.segment.index for unit in intents.units], dtype=np.int64),
                tuple(unit.item.segment.speaker for unit in intents.units),
            )
        )
    return embedded


@dataclass
class Examples:
    """One criterion's training data: a bag of units per labelled pass segment, and negative units."""

    bags: list[np.ndarray] = field(default_factory=list)
    negatives: list[np.ndarray] = field(default_factory=list)


def card_examples(model: IntentModel) -> dict[str, Examples]:
    """The default cards' own examples of each must-have criterion: a pass example is a bag of one positive, a fail
    example a negative (a criterion both cards share is taken once)."""
    examples: dict[str, Examples] = {}
    for call_type in ("human", "ai_agent"):
        for criterion in default_scorecard(call_type).criteria:
            key = criterion_key(criterion.id, criterion.description)
            if criterion.must_not or key in examples:
                continue
            passes = model.examples(tuple(criterion.pass_examples)) if criterion.pass_examples else None
            fails = model.examples(tuple(criterion.fail_examples)) if criterion.fail_examples else None
            examples[key] = Examples(
                bags=[vector[None, :] for vector in passes] if passes is not None else [],
                negatives=[fails] if fails is not None else [],
            )
    return examples


def gather(
    embedded: Iterable[CallUnits], *, traps: str = TRAPS, cards: dict[str, Examples] | None = None
) -> dict[str, Examples]:
    examples: dict[str, Examples] = defaultdict(Examples)
    for key, card in (cards or {}).items():
        examples[key].bags.extend(card.bags)
        examples[key].negatives.extend(card.negatives)
    for item in embedded:
        for criterion in item.call.scorecard.criteria:
            if criterion.must_not:
                continue
            label = item.call.labels[criterion.id]
            mine = np.array([criterion.speaker in (None, speaker) for speaker in item.speakers], dtype=bool)
            into = examples[criterion_key(criterion.id, criterion.description)]
            if label.verdict == "pass":
                if label.segment is None:
                    continue
                bag = mine & (item.segments == label.segment)
                if bag.any():
                    into.bags.append(item.vectors[bag])
                into.negatives.append(item.vectors[mine & (item.segments != label.segment)])
                continue
            windowed = criterion.within_first_ms is not None or criterion.within_last_ms is not None
            if label.kind == "trap" and (traps == "skip" or (traps == "skip_windowed" and windowed)):
                continue
            into.negatives.append(item.vectors[mine])
    return examples


def fit(positives: np.ndarray, negatives: np.ndarray, c: float) -> LinearClassifier:
    from sklearn.linear_model import LogisticRegression

    x = np.concatenate([positives, negatives]).astype(np.float64)
    y = np.concatenate([np.ones(len(positives)), np.zeros(len(negatives))])
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000, solver="lbfgs")
    model.fit(x, y)
    return LinearClassifier(model.coef_[0].astype(np.float32), float(model.intercept_[0]))


def train_one(examples: Examples, *, c: float = C, rounds: int = MIL_ROUNDS) -> LinearClassifier | None:
    if not examples.bags or not examples.negatives:
        return None
    negatives = np.concatenate(examples.negatives)
    classifier = fit(np.concatenate(examples.bags), negatives, c)
    for _ in range(rounds):
        best = [bag[int(classifier.probabilities(bag).argmax())] for bag in examples.bags]
        classifier = fit(np.stack(best), negatives, c)
    return classifier


def train(
    embedded: Iterable[CallUnits],
    *,
    c: float = C,
    rounds: int = MIL_ROUNDS,
    traps: str = TRAPS,
    cards: dict[str, Examples] | None = None,
) -> IntentClassifiers:
    """``cards``: the card examples to train on as well (``card_examples``), or None."""
    by_key = {}
    for key, examples in sorted(gather(embedded, traps=traps, cards=cards).items()):
        classifier = train_one(examples, c=c, rounds=rounds)
        if classifier is not None:
            by_key[key] = classifier
    trained = IntentClassifiers(model=MODEL_NAME, by_key=by_key)
    # As loaded from its file: rounded weights, and the file's sha256.
    return IntentClassifiers.from_json(trained.to_json(), expected_sha256=None)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if the file would change")
    args = parser.parse_args(argv)
    model = load_intent_model()
    embedded = embed_calls((call for split in STUDIED for call in load_calls(split)), model)
    data = train(embedded, cards=card_examples(model) if CARD_EXAMPLES else None).to_json()
    digest = hashlib.sha256(data).hexdigest()
    if args.check:
        same = CLASSIFIERS_FILE.is_file() and CLASSIFIERS_FILE.read_bytes() == data
        print(f"{CLASSIFIERS_FILE.name}: {'up to date' if same else 'differs from a fresh training'} ({digest})")
        return 0 if same else 1
    CLASSIFIERS_FILE.write_bytes(data)
    print(f"wrote {CLASSIFIERS_FILE.name}: {len(data)} bytes, sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
