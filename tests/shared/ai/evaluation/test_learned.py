"""The learned classifiers of the intent layer: a pinned weights file, one meaning per classifier, and passes held to
the same guards as any other reading."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from shared.ai.evaluation.base import EvaluationContext
from shared.ai.evaluation.intent import MODEL_NAME, load_intent_model
from shared.ai.evaluation.learned import (
    PINNED_SHA256,
    IntentClassifiers,
    IntentClassifiersUnavailable,
    LinearClassifier,
    criterion_key,
    load_intent_classifiers,
)
from shared.ai.evaluation.rules import DEFAULT_THRESHOLDS, IntentThresholds, RuleBasedEngine
from shared.ai.evaluation.scorecards import default_scorecard
from shared.models.analysis import CriterionResult, Scorecard
from tests.shared.ai.evaluation.call_scripts import Script, build_transcript
from tests.shared.ai.evaluation.short_calls import call

pytestmark = pytest.mark.unit

# A sentence no card example or phrase is near: only a classifier trained on it passes it.
# Nonsense the classifier is taught to pass, speaking of a trouble as every sympathy does ("poor").
ODD = "The poor purple zebras gallop across the frozen lake at dawn."
HUMAN = default_scorecard("human")


def classifiers_for(criterion_id: str, sentence: str = ODD, card: Scorecard = HUMAN) -> IntentClassifiers:
    """A classifier of ``criterion_id`` that is sure of ``sentence`` (and of little else)."""
    criterion = next(c for c in card.criteria if c.id == criterion_id)
    vector = load_intent_model().embed([sentence])[0]
    classifier = LinearClassifier(weights=60 * vector, bias=-60 * 0.85)
    return IntentClassifiers(MODEL_NAME, {criterion_key(criterion.id, criterion.description): classifier}, "ab" * 32)


def judge(
    script: Script, criterion_id: str, classifiers: IntentClassifiers | None, card: Scorecard = HUMAN
) -> CriterionResult:
    engine = RuleBasedEngine(clock=lambda: "2024-05-01T12:00:00Z", intent=load_intent_model(), classifiers=classifiers)
    analysis = engine.evaluate(build_transcript(script), EvaluationContext("af", "eng", None, False, card))
    return next(item for item in analysis.criteria if item.id == criterion_id)


# --- the weights file -------------------------------------------------------------------------------------------


def test_the_shipped_file_matches_its_pin_and_covers_the_default_cards(tmp_path: Path) -> None:
    shipped = load_intent_classifiers()
    assert shipped.model == MODEL_NAME
    assert shipped.sha256 == PINNED_SHA256
    for card in (default_scorecard("human"), default_scorecard("ai_agent")):
        for criterion in card.criteria:
            assert (shipped.for_criterion(criterion) is None) == criterion.must_not


def test_a_file_whose_sha256_differs_from_the_pin_is_refused(tmp_path: Path) -> None:
    data = classifiers_for("empathy").to_json()
    path = tmp_path / "intent-classifiers.json"
    path.write_bytes(data)
    assert load_intent_classifiers(path, hashlib.sha256(data).hexdigest()).by_key
    tampered = tmp_path / "tampered.json"
    tampered.write_bytes(data.replace(b'"bias":', b'"bias": ', 1))  # the same weights, other bytes
    with pytest.raises(IntentClassifiersUnavailable, match="pinned sha256"):
        load_intent_classifiers(tampered, hashlib.sha256(data).hexdigest())
    with pytest.raises(IntentClassifiersUnavailable, match="missing"):
        load_intent_classifiers(tmp_path / "nothing.json", PINNED_SHA256)


def test_the_file_round_trips_and_probabilities_are_a_sigmoid() -> None:
    trained = IntentClassifiers(MODEL_NAME, {"x:1": LinearClassifier(np.array([1.0, -2.0], np.float32), 0.5)})
    loaded = IntentClassifiers.from_json(trained.to_json(), expected_sha256=None)
    assert loaded.to_json() == trained.to_json()
    assert loaded.sha256 == hashlib.sha256(trained.to_json()).hexdigest()
    p = loaded.by_key["x:1"].probabilities(np.array([[1.0, 0.0], [0.0, 1.0]], np.float32))
    assert np.allclose(p, 1 / (1 + np.exp(-np.array([1.5, -1.5]))))


def test_a_criterion_with_another_description_gets_no_classifier() -> None:
    classifiers = classifiers_for("empathy")
    empathy = next(c for c in HUMAN.criteria if c.id == "empathy")
    assert classifiers.for_criterion(empathy) is not None
    other = empathy.model_copy(update={"description": "The agent mentions animals."})
    assert classifiers.for_criterion(other) is None
    card = HUMAN.model_copy(update={"criteria": [other if c.id == "empathy" else c for c in HUMAN.criteria]})
    assert judge(call(middle=ODD), "empathy", classifiers, card).verdict == "fail"


# --- verdicts ----------------------------------------------------------------------------------------------------


def test_a_sentence_the_classifier_is_sure_of_passes_citing_it() -> None:
    assert judge(call(middle=ODD), "empathy", None).verdict == "fail"
    result = judge(call(middle=ODD), "empathy", classifiers_for("empathy"))
    assert result.verdict == "pass"
    assert [e.segment_index for e in result.evidence] == [2]
    assert "segment 2" in result.reason and "learned reading, probability" in result.reason


def test_a_criterion_left_to_its_phrases_is_not_judged_by_the_classifier() -> None:
    """A card that takes a criterion's pass examples away leaves it to its phrases, as the embedding readings do."""
    empathy = next(c for c in HUMAN.criteria if c.id == "empathy")
    phrases_only = empathy.model_copy(update={"pass_examples": []})
    card = HUMAN.model_copy(update={"criteria": [phrases_only if c.id == "empathy" else c for c in HUMAN.criteria]})
    assert judge(call(middle=ODD), "empathy", classifiers_for("empathy"), card).verdict == "fail"


def test_a_classifier_pass_respects_negation() -> None:
    negated = "The poor purple zebras never gallop across the frozen lake at dawn."
    assert judge(call(middle=negated), "empathy", classifiers_for("empathy", negated)).verdict == "fail"


def test_a_classifier_pass_respects_the_window() -> None:
    # Nonsense the classifier is taught to pass, speaking of the call kept as every disclosure does ("tape").
    line = "The purple zebras gallop across the frozen lake while the tape rolls, just so you know."
    late: Script = (
        ("agent", "Hello, Contoso billing, Sam speaking."),
        ("customer", " ".join(["my bill is wrong again this month and I am not happy about it at all"] * 14)),
        ("agent", line),
        ("customer", "Okay."),
        ("agent", "Thanks for calling, bye now."),
    )
    early = (late[0], (*late[1][:1], "My bill is wrong."), *late[2:])
    classifiers = classifiers_for("recording_disclosure", line)
    assert judge(early, "recording_disclosure", classifiers).verdict == "pass"
    assert judge(late, "recording_disclosure", classifiers).verdict == "fail"


def test_the_review_band_sends_a_less_sure_sentence_to_review() -> None:
    classifiers = classifiers_for("empathy")
    near = "The poor purple zebras gallop over the frozen lake at dawn."
    (classifier,) = classifiers.by_key.values()
    probability = float(classifier.probabilities(load_intent_model().embed([near]))[0])
    thresholds = replace(DEFAULT_THRESHOLDS, learned_pass=probability + 0.001, learned_review=probability - 0.001)
    engine = RuleBasedEngine(intent=load_intent_model(), classifiers=classifiers, intent_thresholds=thresholds)
    analysis = engine.evaluate(build_transcript(call(middle=near)), EvaluationContext("af", "eng", None, False, HUMAN))
    assert next(c for c in analysis.criteria if c.id == "empathy").verdict == "needs_review"


# --- what the learned reading does not pass -------------------------------------------------------------------------

AI = default_scorecard("ai_agent")
NO_VETO = replace(DEFAULT_THRESHOLDS, learned_failure_lead=None, learned_rival_lead=None)


def judged_with(
    script: Script, criterion_id: str, sentence: str, card: Scorecard, thresholds: IntentThresholds = DEFAULT_THRESHOLDS
) -> CriterionResult:
    """The verdict on ``criterion_id`` with a classifier sure of ``sentence``."""
    engine = RuleBasedEngine(
        clock=lambda: "2024-05-01T12:00:00Z",
        intent=load_intent_model(),
        classifiers=classifiers_for(criterion_id, sentence, card),
        intent_thresholds=thresholds,
    )
    analysis = engine.evaluate(build_transcript(script), EvaluationContext("af", "eng", None, False, card))
    return next(item for item in analysis.criteria if item.id == criterion_id)


def ai_call(line: str) -> Script:
    return (
        ("agent", line),
        ("customer", "I want to talk to somebody about my booking."),
        ("agent", "Sure, what's the booking reference?"),
        ("customer", "It's AB123."),
        ("agent", "Thanks for calling, goodbye."),
    )


def test_a_sentence_nearer_a_fail_example_of_the_card_is_not_passed() -> None:
    """ "You'll hear a recorded message" is the card's own example of what is no recording disclosure."""
    line = "Call the number on the email and you'll hear a recorded message with the directions."
    script = call(middle=line)
    assert judged_with(script, "recording_disclosure", line, HUMAN, NO_VETO).verdict == "pass"
    assert judged_with(script, "recording_disclosure", line, HUMAN).verdict == "fail"


def test_a_sentence_that_does_another_criterion_is_not_passed() -> None:
    """A recording disclosure is no AI disclosure, however sure the classifier is."""
    line = "Calls are recorded for quality and training."
    assert judged_with(ai_call(line), "ai_disclosure", line, AI, NO_VETO).verdict == "pass"
    assert judged_with(ai_call(line), "ai_disclosure", line, AI).verdict == "fail"


def test_a_paraphrase_near_the_pass_examples_still_passes() -> None:
    line = "sure sending you over to the workshop team now"
    call = (*ai_call("Hi, this is the Contoso automated assistant.")[:2], ("agent", line), ("customer", "Great."))
    assert judge(call, "escalation_offer", None, AI).verdict != "pass"
    assert judged_with(call, "escalation_offer", line, AI).verdict == "pass"


def test_a_greeting_that_names_nobody_is_not_passed_by_the_classifier() -> None:
    """Every greeting example names who answers; a sentence's vector cannot tell whether one does."""
    line = "Good morning, how can I help you today?"
    call: Script = (
        ("agent", line),
        ("customer", "My bill is wrong."),
        ("agent", "Let me check that for you."),
        ("customer", "Okay."),
    )
    assert judged_with(call, "greeting", line, HUMAN, NO_VETO).verdict == "fail"


@pytest.mark.parametrize("line", ["That's it.", "Ehe."])
def test_a_word_or_two_sharing_nothing_with_the_pass_examples_is_not_passed(line: str) -> None:
    """However sure the classifier is of "That's it.", its vector is a word or two, and "that" and "is" are any
    sentence's."""
    assert judge(call(middle=line), "empathy", classifiers_for("empathy", line)).verdict == "fail"


def test_a_word_or_two_from_the_pass_examples_is_still_passed() -> None:
    line = "Oh no."
    assert judge(call(middle=line), "empathy", classifiers_for("empathy", line)).verdict == "pass"
