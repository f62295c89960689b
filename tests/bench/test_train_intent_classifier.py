"""Training the learned classifiers: deterministic, and refined to the best sentence of each labelled segment."""

from __future__ import annotations

import numpy as np
import pytest

from bench.train_intent_classifier import Examples, card_examples, train, train_one
from shared.ai.evaluation.intent import MODEL_NAME, load_intent_model
from shared.ai.evaluation.learned import IntentClassifiers
from shared.ai.evaluation.scorecards import default_scorecard

pytestmark = pytest.mark.unit


def synthetic() -> Examples:
    """Positive bags each holding one unit near a direction, among noise; negatives are noise."""
    rng = np.random.default_rng(7)
    direction = np.zeros(16, np.float32)
    direction[0] = 1.0

    def unit(vectors: np.ndarray) -> np.ndarray:
        return (vectors / np.linalg.norm(vectors, axis=-1, keepdims=True)).astype(np.float32)

    bags = [unit(np.vstack([3 * direction + 0.3 * rng.normal(size=16), rng.normal(size=(3, 16))])) for _ in range(30)]
    return Examples(bags=bags, negatives=[unit(rng.normal(size=(200, 16)))])


def test_training_is_deterministic() -> None:
    first, second = train_one(synthetic()), train_one(synthetic())
    assert first is not None and second is not None
    files = [IntentClassifiers(MODEL_NAME, {"k": c}).to_json() for c in (first, second)]
    assert files[0] == files[1]


def test_the_refined_classifier_prefers_the_unit_each_segment_has_in_common() -> None:
    examples = synthetic()
    classifier = train_one(examples, rounds=1)
    assert classifier is not None
    for bag in examples.bags:
        assert int(classifier.probabilities(bag).argmax()) == 0


def test_a_criterion_without_positives_or_negatives_gets_no_classifier() -> None:
    assert train_one(Examples(bags=[], negatives=synthetic().negatives)) is None
    assert train_one(Examples(bags=synthetic().bags, negatives=[])) is None


def test_the_cards_own_examples_teach_what_does_not_count() -> None:
    """Trained on nothing but the cards' examples, each criterion's classifier passes its pass examples and not its
    fail examples: a refusal the card shows ("I'm unable to transfer you.") is a hard negative."""
    model = load_intent_model()
    cards = card_examples(model)
    classifiers = train([], cards=cards)
    escalation = next(c for c in default_scorecard("ai_agent").criteria if c.id == "escalation_offer")
    classifier = classifiers.for_criterion(escalation)
    assert classifier is not None
    passes = classifier.probabilities(model.examples(tuple(escalation.pass_examples)))
    fails = classifier.probabilities(model.examples(tuple(escalation.fail_examples)))
    assert float(passes.min()) > 0.5 > float(fails.max())
    assert train([]).by_key == {}
