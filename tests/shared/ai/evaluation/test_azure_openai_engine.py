"""The Azure OpenAI engine against a local fake of the chat-completions API."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest

from shared.ai.errors import EngineError
from shared.ai.evaluation.azure_openai import TOKEN_SCOPE, AzureOpenAIEngine
from shared.ai.evaluation.base import EvaluationContext, EvaluationEngine
from shared.ai.evaluation.scorecards import default_scorecard
from shared.models.analysis import CriterionResult
from shared.models.transcript import Transcript
from tests.fakes.azure_openai import FakeAzureOpenAI, naive_answer, parse_user_prompt
from tests.fakes.credentials import RecordingCredential

from .call_scripts import AI_CALL, HUMAN_CALL, HUMAN_CALL_ASR, build_transcript

pytestmark = pytest.mark.integration

HUMAN_CONTEXT = EvaluationContext("af_1", "eng_1", "camp_1", is_ai_call=False)
AI_CONTEXT = EvaluationContext("af_2", "eng_2", None, is_ai_call=True)


@pytest.fixture
def fake() -> Iterator[FakeAzureOpenAI]:
    with FakeAzureOpenAI() as server:
        yield server
    assert server.problems == []  # the fake never had to answer outside the engine's schema


@pytest.fixture
def sleeps() -> list[float]:
    return []


def make_engine(fake: FakeAzureOpenAI, sleeps: list[float], **options: Any) -> AzureOpenAIEngine:
    settings: dict[str, Any] = {"api_key": fake.api_key, "max_retries": 2, "timeout": 5.0}
    settings.update(options)
    return AzureOpenAIEngine(
        fake.endpoint,
        fake.deployment,
        fake.api_version,
        sleep=sleeps.append,
        clock=lambda: "2024-05-01T12:00:00Z",
        **settings,
    )


def by_id(results: list[CriterionResult]) -> dict[str, CriterionResult]:
    return {result.id: result for result in results}


def human() -> Transcript:
    return build_transcript(HUMAN_CALL)


# --- happy paths ------------------------------------------------------------------------------------


def test_evaluates_the_human_call_with_an_api_key(fake: FakeAzureOpenAI, sleeps: list[float]) -> None:
    transcript = human()
    with make_engine(fake, sleeps) as engine:
        analysis = engine.evaluate(transcript, HUMAN_CONTEXT)

    results = by_id(analysis.criteria)
    assert {cid for cid, r in results.items() if not r.passed} == {"empathy", "recording_disclosure"}
    greeting = results["greeting"].evidence[0]
    assert (greeting.segment_index, greeting.speaker) == (0, "agent")
    # The fake quotes lowercase example phrases; the engine quotes the transcript's own sentence and times.
    assert greeting.quote == "Thank you for calling Contoso support, my name is Sarah."
    assert greeting.start_ms == transcript.segments[0].words[0].start_ms
    assert results["closing"].evidence[0].segment_index == 8
    assert analysis.score == pytest.approx(77.3) and analysis.passed is False
    # Measured locally, identical to the rule engine's.
    assert analysis.talk.speakers[0].speaker == "agent" and analysis.talk.overlap_count == 0
    assert analysis.keyword_hits[0].keyword == "refund"
    assert analysis.sentiment.by_speaker["customer"].label == "neutral"  # the model's label ...
    assert analysis.sentiment.by_speaker["customer"].compound > -1  # ... next to VADER's score
    assert [point.evidence[0].segment_index for point in analysis.summary] == [1]
    assert (analysis.engine.name, analysis.engine.model, analysis.engine.version) == (
        "azure-openai",
        "gpt-4o-2024-08-06",
        fake.api_version,
    )

    (request,) = fake.requests
    assert request.path == f"/openai/deployments/{fake.deployment}/chat/completions"
    assert request.query["api-version"] == [fake.api_version]
    assert request.headers["api-key"] == fake.api_key and "authorization" not in request.headers
    response_format = request.body["response_format"]
    assert response_format["type"] == "json_schema" and response_format["json_schema"]["strict"] is True
    user = request.body["messages"][1]["content"]
    assert "[4] agent 20.2s-25.5s: Thank you. I see the duplicate charge." in user
    assert sleeps == []


def test_entra_credential_sends_a_bearer_token(sleeps: list[float]) -> None:
    credential = RecordingCredential()
    with (
        FakeAzureOpenAI(api_key=None, bearer_token=credential.token) as fake,
        make_engine(fake, sleeps, api_key=None, credential=credential) as engine,
    ):
        analysis = engine.evaluate(build_transcript(AI_CALL), AI_CONTEXT)
    assert analysis.passed and analysis.scorecard.id == "default-ai-agent"
    assert credential.scopes == [(TOKEN_SCOPE,)]
    assert fake.requests[0].headers["authorization"] == "Bearer entra-token"
    assert "api-key" not in fake.requests[0].headers


def test_the_prompt_carries_each_criterions_description_and_example_wording(
    fake: FakeAzureOpenAI, sleeps: list[float]
) -> None:
    with make_engine(fake, sleeps) as engine:
        engine.evaluate(human(), HUMAN_CONTEXT)
    scorecard, segments = parse_user_prompt(fake.requests[0].body)
    sent = {criterion["id"]: criterion for criterion in scorecard["criteria"]}
    card = default_scorecard("human")
    for criterion in card.criteria:
        assert sent[criterion.id]["description"] == criterion.description
        assert sent[criterion.id]["passExamples"] == criterion.pass_examples
        assert sent[criterion.id]["failExamples"] == criterion.fail_examples
    assert "No, this call isn't being recorded." in sent["recording_disclosure"]["failExamples"]
    assert len(segments) == len(HUMAN_CALL)
    system = fake.requests[0].body["messages"][0]["content"]
    assert "negative" in system and "seconds of speech" in system


def test_noisy_transcript_evidence_points_at_the_right_segment(fake: FakeAzureOpenAI, sleeps: list[float]) -> None:
    transcript = build_transcript(HUMAN_CALL_ASR)
    with make_engine(fake, sleeps) as engine:
        results = by_id(engine.evaluate(transcript, HUMAN_CONTEXT).criteria)
    further = results["further_help"].evidence
    assert [e.segment_index for e in further] == [6]
    assert transcript.segments[6].start_ms <= further[0].start_ms < further[0].end_ms <= transcript.segments[6].end_ms


def test_engine_satisfies_the_protocol(fake: FakeAzureOpenAI, sleeps: list[float]) -> None:
    engine: EvaluationEngine = make_engine(fake, sleeps)
    assert engine.name == "azure-openai"


# --- throttling and server errors -------------------------------------------------------------------
# The retry rules are the shared layer's, tested once in tests/shared/ai/test_service_client.py; here, that the
# engine's wiring honours Azure OpenAI's retry-after-ms.


def test_429_honours_retry_after_ms_then_retry_after(fake: FakeAzureOpenAI, sleeps: list[float]) -> None:
    fake.fail("throttle", retry_after="7", retry_after_ms="1500")
    fake.fail("throttle", retry_after="2")
    with make_engine(fake, sleeps) as engine:
        analysis = engine.evaluate(human(), HUMAN_CONTEXT)
    assert analysis.criteria
    assert sleeps == [1.5, 2.0]
    assert len(fake.requests) == 3


# --- rejected requests ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "code"),
    [
        ("bad_request", "evaluation_rejected"),
        ("unauthorized", "evaluation_auth_failed"),
        ("prompt_filtered", "evaluation_content_filtered"),
        ("content_filter", "evaluation_content_filtered"),
        ("refusal", "evaluation_refused"),
    ],
)
def test_final_failures_are_not_retried(fake: FakeAzureOpenAI, sleeps: list[float], kind: Any, code: str) -> None:
    fake.fail(kind)
    with make_engine(fake, sleeps) as engine, pytest.raises(EngineError) as raised:
        engine.evaluate(human(), HUMAN_CONTEXT)
    assert (raised.value.code, raised.value.retryable) == (code, False)
    assert len(fake.requests) == 1 and sleeps == []


def test_wrong_key_is_an_auth_failure(fake: FakeAzureOpenAI, sleeps: list[float]) -> None:
    with make_engine(fake, sleeps, api_key="wrong") as engine, pytest.raises(EngineError) as raised:
        engine.evaluate(human(), HUMAN_CONTEXT)
    assert (raised.value.code, raised.value.retryable) == ("evaluation_auth_failed", False)


def test_unknown_deployment_is_rejected(fake: FakeAzureOpenAI, sleeps: list[float]) -> None:
    engine = AzureOpenAIEngine(fake.endpoint, "no-such-deployment", fake.api_version, api_key=fake.api_key)
    with engine, pytest.raises(EngineError) as raised:
        engine.evaluate(human(), HUMAN_CONTEXT)
    assert (raised.value.code, raised.value.retryable) == ("evaluation_rejected", False)
    assert "404" in raised.value.message


# --- unusable model output --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["invalid_json", "schema_mismatch", "truncated"])
def test_unusable_output_is_retried_once(fake: FakeAzureOpenAI, sleeps: list[float], kind: Any) -> None:
    fake.fail(kind)
    with make_engine(fake, sleeps) as engine:
        assert engine.evaluate(human(), HUMAN_CONTEXT).criteria
    assert len(fake.requests) == 2


@pytest.mark.parametrize("kind", ["invalid_json", "schema_mismatch"])
def test_unusable_output_twice_is_an_invalid_output_error(
    fake: FakeAzureOpenAI, sleeps: list[float], kind: Any
) -> None:
    fake.fail(kind, times=2)
    with make_engine(fake, sleeps) as engine, pytest.raises(EngineError) as raised:
        engine.evaluate(human(), HUMAN_CONTEXT)
    assert (raised.value.code, raised.value.retryable) == ("evaluation_invalid_output", False)
    assert len(fake.requests) == 2


def answer_with(change: Any) -> Any:
    def answer(body: dict[str, Any]) -> dict[str, Any]:
        content = naive_answer(body)
        change(content)
        return content

    return answer


def finding(content: dict[str, Any], criterion_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(item for item in content["criteria"] if item["criterion_id"] == criterion_id)
    return found


def test_citing_a_segment_that_does_not_exist_is_invalid_output(fake: FakeAzureOpenAI, sleeps: list[float]) -> None:
    fake.answer = answer_with(lambda c: finding(c, "greeting")["evidence"].append({"segment_index": 99, "quote": "x"}))
    with make_engine(fake, sleeps) as engine, pytest.raises(EngineError) as raised:
        engine.evaluate(human(), HUMAN_CONTEXT)
    assert raised.value.code == "evaluation_invalid_output"


def test_a_missing_criterion_is_invalid_output(fake: FakeAzureOpenAI, sleeps: list[float]) -> None:
    fake.answer = answer_with(lambda c: c["criteria"].pop())
    with make_engine(fake, sleeps) as engine, pytest.raises(EngineError) as raised:
        engine.evaluate(human(), HUMAN_CONTEXT)
    assert raised.value.code == "evaluation_invalid_output"


def test_claims_are_checked_against_the_transcript(fake: FakeAzureOpenAI, sleeps: list[float]) -> None:
    def change(content: dict[str, Any]) -> None:
        # A pass whose only evidence is far outside the 30 s greeting window: not credited.
        finding(content, "greeting")["evidence"] = [{"segment_index": 8, "quote": "thank you for calling"}]
        # A pass supported by a quote the segment does not contain: the segment's own words are quoted.
        finding(content, "identity_verification")["evidence"] = [{"segment_index": 2, "quote": "invented words"}]
        # A pass claimed with no evidence at all: not credited.
        finding(content, "further_help")["evidence"] = []
        # A violation citing the agent's segment: stands, with that segment as evidence.
        finding(content, "no_prohibited_language").update(
            passed=False, evidence=[{"segment_index": 4, "quote": "duplicate charge"}]
        )

    fake.answer = answer_with(change)
    with make_engine(fake, sleeps) as engine:
        analysis = engine.evaluate(human(), HUMAN_CONTEXT)
    results = by_id(analysis.criteria)
    assert results["greeting"].passed is False and results["greeting"].evidence == []
    assert results["further_help"].passed is False
    verification = results["identity_verification"]
    assert verification.passed and verification.evidence[0].quote == "I can help with that."
    prohibited = results["no_prohibited_language"]
    assert prohibited.passed is False and [e.segment_index for e in prohibited.evidence] == [4]
    assert prohibited.evidence[0].quote == "I see the duplicate charge."
    assert analysis.failed_critical == ["no_prohibited_language"] and analysis.passed is False


def test_evidence_from_diarized_mono_voices_counts_for_any_speaker(fake: FakeAzureOpenAI, sleeps: list[float]) -> None:
    def mono(agent: str, customer: str) -> Transcript:
        return build_transcript(tuple((agent if role == "agent" else customer, text) for role, text in HUMAN_CALL))

    def verdicts(transcript: Transcript) -> list[tuple[str, bool, list[int]]]:
        with make_engine(fake, sleeps) as engine:
            analysis = engine.evaluate(transcript, HUMAN_CONTEXT)
        return [(r.id, r.passed, [e.segment_index for e in r.evidence]) for r in analysis.criteria]

    plain = verdicts(mono("speaker", "speaker"))
    # Azure AI Speech numbers the voices it tells apart; neither is known to be the agent.
    diarized = verdicts(mono("speaker 1", "speaker 2"))

    assert diarized == plain
    assert ("greeting", True, [0]) in diarized  # cited from "speaker 1" and credited to the agent's criterion


# --- hygiene ----------------------------------------------------------------------------------------


def test_logs_hold_no_transcript_text_and_no_key(
    fake: FakeAzureOpenAI, sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    fake.fail("throttle", retry_after="1")
    fake.fail("invalid_json")
    fake.fail("bad_request")
    caplog.set_level(logging.DEBUG)
    with make_engine(fake, sleeps) as engine, pytest.raises(EngineError):
        engine.evaluate(human(), HUMAN_CONTEXT)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "af_1" in logged  # the logs do say which file
    assert fake.api_key is not None and fake.api_key not in logged
    for _, text in HUMAN_CALL:
        for sentence in text.split(". "):
            assert sentence.strip(".?!").lower() not in logged.lower()
