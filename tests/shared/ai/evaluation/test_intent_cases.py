"""The offline engine on the wording that defeated the phrase lists: paraphrases, negations, names,
quotes, contractions, silence and holds (each case as a reviewer would judge it)."""

from __future__ import annotations

import pytest

from shared.ai.evaluation.base import EvaluationContext
from shared.ai.evaluation.rules import RuleBasedEngine
from shared.models.analysis import Analysis, CriterionResult
from shared.models.transcript import Transcript
from tests.shared.ai.evaluation.call_scripts import HUMAN_CALL, build_transcript

pytestmark = pytest.mark.unit

ENGINE = RuleBasedEngine(clock=lambda: "2024-05-01T12:00:00Z")


def evaluate(transcript: Transcript, *, is_ai_call: bool = False) -> Analysis:
    return ENGINE.evaluate(transcript, EvaluationContext("af_1", "eng_1", None, is_ai_call))


def result(analysis: Analysis, criterion_id: str) -> CriterionResult:
    return next(item for item in analysis.criteria if item.id == criterion_id)


def call_with(agent_line: str, *, at_start: bool = True, is_ai_call: bool = False) -> Analysis:
    """The reference support call with one more agent line, first or just before the goodbye."""
    if at_start:
        script = (("agent", agent_line), *HUMAN_CALL)
    else:
        script = (*HUMAN_CALL[:-1], ("agent", agent_line), HUMAN_CALL[-1])
    return evaluate(build_transcript(script), is_ai_call=is_ai_call)


@pytest.mark.parametrize(
    ("line", "criterion_id"),
    [
        ("Hi, my name's Tasha with Contoso Mobile.", "greeting"),
        ("Can I grab the email on the account?", "identity_verification"),
        ("Just so you know, our calls are recorded.", "recording_disclosure"),
    ],
)
def test_paraphrases_pass(line: str, criterion_id: str) -> None:
    script = (("agent", line), ("customer", "Hi, I have a question about my bill."), ("agent", "Sure."))
    analysis = evaluate(build_transcript(script))
    found = result(analysis, criterion_id)
    assert found.verdict == "pass", found.reason
    assert found.evidence[0].segment_index == 0
    assert found.evidence[0].speaker == "agent"


def test_offer_of_further_help_and_goodbye_in_other_words() -> None:
    script = (
        ("agent", "Good morning, you have reached Fabrikam Insurance."),
        ("customer", "Hi, I need a copy of my policy."),
        ("agent", "I've emailed it to you just now."),
        ("customer", "Thanks."),
        # Once the customer has been answered: asked before, it would offer no more help.
        ("agent", "What else can I do for you today?"),
        ("customer", "Nothing, that's it."),
        ("agent", "Okay, take care, bye."),
    )
    analysis = evaluate(build_transcript(script))
    assert result(analysis, "further_help").verdict == "pass"
    early = evaluate(build_transcript((*script[:2], *script[4:])))
    assert result(early, "further_help").verdict == "fail"
    closing = result(analysis, "closing")
    assert (closing.verdict, closing.evidence[0].segment_index) == ("pass", 6)


@pytest.mark.parametrize(
    ("line", "criterion_id", "is_ai_call"),
    [
        ("No, this call isn't being recorded.", "recording_disclosure", False),
        ("I'm not going to apologize for the policy.", "empathy", False),
        ("I can't connect you to a representative.", "escalation_offer", True),
    ],
)
def test_negated_wording_fails_and_cites_the_line(line: str, criterion_id: str, is_ai_call: bool) -> None:
    script = (("agent", line), ("customer", "Okay."))
    analysis = evaluate(build_transcript(script), is_ai_call=is_ai_call)
    found = result(analysis, criterion_id)
    assert found.verdict == "fail"
    assert "negative" in found.reason
    assert found.evidence[0].segment_index == 0


@pytest.mark.parametrize(
    "line",
    ["Your loan will definitely be approved, I promise.", "That is a stupid question.", "Not my problem."],
)
def test_violations_fail_the_critical_criterion(line: str) -> None:
    analysis = call_with(line, at_start=False)
    found = result(analysis, "no_prohibited_language")
    assert found.verdict == "fail"
    assert analysis.passed is False
    assert "no_prohibited_language" in analysis.failed_critical


@pytest.mark.parametrize(
    "line",
    [
        "I can't guarantee the refund will be approved.",
        "Our store in Hell's Kitchen has it in stock.",
        "It is a basic dumb phone, so no apps.",
    ],
)
def test_innocent_lookalikes_are_not_violations(line: str) -> None:
    found = result(call_with(line, at_start=False), "no_prohibited_language")
    assert found.verdict == "pass", found.reason


@pytest.mark.parametrize(
    "line",
    [
        # Guarantees and dismissals in other words than the card's lists.
        "Don't worry, you're 100 percent getting the mortgage.",
        "It'll be approved for sure.",
        "You have my word on that.",
        "Look, I don't know what to tell you.",  # worded in the negative: its own "not" does not excuse it
        "If you missed the deadline, that's your own fault.",
        "that's on you not us damn it",  # "not us" contrasts a pronoun; it does not negate the swearing
        "You lot never read the small print.",
        "Oh for God's sake, just listen.",
    ],
)
def test_violations_in_other_words_fail(line: str) -> None:
    found = result(call_with(line, at_start=False), "no_prohibited_language")
    assert found.verdict == "fail", found.reason
    assert found.evidence[0].segment_index == len(HUMAN_CALL) - 1


@pytest.mark.parametrize(
    "line",
    [
        "I can't promise it'll be approved for sure.",
        "It's not your fault at all.",
        "Keep up the good work with the meter readings.",
    ],
)
def test_refusing_to_guarantee_and_reassurance_are_not_violations(line: str) -> None:
    found = result(call_with(line, at_start=False), "no_prohibited_language")
    assert found.verdict == "pass", found.reason


def test_a_pattern_that_caught_a_negation_in_its_wildcards_stays_negated() -> None:
    found = result(call_with("Good news, this call isn't recorded."), "recording_disclosure")
    assert found.verdict == "fail"
    assert "negative" in found.reason


def test_agent_saying_someone_called_the_customer_names_goes_to_review() -> None:
    line = "I'm sorry he said that, nobody should be calling your plans dumb."
    assert result(call_with(line, at_start=False), "no_prohibited_language").verdict == "needs_review"


def test_customer_quoting_an_insult_is_not_the_agents_language() -> None:
    script = (*HUMAN_CALL[:3], ("customer", "The last agent called me an idiot."), *HUMAN_CALL[3:])
    assert result(evaluate(build_transcript(script)), "no_prohibited_language").verdict == "pass"


def test_agent_repeating_an_insult_goes_to_review() -> None:
    analysis = call_with("I'm sorry, he called you an idiot?", at_start=False)
    found = result(analysis, "no_prohibited_language")
    assert found.verdict == "needs_review"
    assert analysis.needs_review == 1
    assert analysis.passed is False  # a critical item awaits a person


def test_trailing_silence_does_not_hide_the_goodbye() -> None:
    analysis = evaluate(build_transcript(HUMAN_CALL, tail_ms=30_000))
    assert result(analysis, "closing").verdict == "pass"


def test_a_hold_before_the_agent_answers_does_not_make_the_greeting_late() -> None:
    transcript = build_transcript(HUMAN_CALL, with_words=False)  # 45 s of queue before anyone speaks
    held = [
        segment.model_copy(update={"start_ms": segment.start_ms + 45_000, "end_ms": segment.end_ms + 45_000})
        for segment in transcript.segments
    ]
    analysis = evaluate(
        transcript.model_copy(update={"segments": held, "duration_ms": transcript.duration_ms + 45_000})
    )
    greeting = result(analysis, "greeting")
    assert (greeting.verdict, greeting.evidence[0].start_ms) == ("pass", held[0].start_ms)


def test_criteria_without_wording_in_the_calls_language_are_not_applicable() -> None:
    transcript = build_transcript(HUMAN_CALL).model_copy(update={"language": "ja"})
    analysis = evaluate(transcript)
    assert {item.verdict for item in analysis.criteria} == {"not_applicable"}
    assert analysis.needs_review == 0
