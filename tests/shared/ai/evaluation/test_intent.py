"""The intent layer: the pinned embedding model, sentences and slotted examples, and verdicts that cite
where the intent was heard (each case as a reviewer would judge it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from shared.ai.evaluation.base import EvaluationContext
from shared.ai.evaluation.encoder import ENCODER_NAME
from shared.ai.evaluation.intent import (
    EXIT_NOT_PROVISIONED,
    EXIT_OK,
    MODEL_DIM,
    MODEL_NAME,
    PINNED_SHA256,
    IntentModel,
    IntentModelUnavailable,
    is_anchored,
    load_intent_model,
    main,
    model_dir,
    slot_template,
    units_of,
    verify_model,
)
from shared.ai.evaluation.matching import SegmentText
from shared.ai.evaluation.rules import IntentThresholds, RuleBasedEngine
from shared.ai.evaluation.scorecards import default_scorecard
from shared.models.transcript import Segment
from tests.shared.ai.evaluation.call_scripts import HUMAN_CALL, Script, build_transcript
from tests.shared.ai.evaluation.short_calls import INTENT_ENGINE, PHRASE_ENGINE, judged

pytestmark = pytest.mark.unit


def opening(line: str) -> Script:
    """The reference support call opened with ``line`` instead of its own greeting."""
    return (("agent", line), *HUMAN_CALL[1:])


def short_call(opening_line: str, problem: str, answer: str, reply: str = "Okay.") -> Script:
    """A short call: the agent picks up, the customer says what is wrong, the agent answers, the customer replies."""
    return (("agent", opening_line), ("customer", problem), ("agent", answer), ("customer", reply))


def segment_text(text: str) -> SegmentText:
    return SegmentText.of(Segment(index=0, speaker="agent", channel=0, start_ms=0, end_ms=1000, text=text))


# --- the model ------------------------------------------------------------------------------------------


def test_installed_model_matches_the_pins_and_embeds_unit_vectors() -> None:
    verify_model(model_dir())
    vectors = load_intent_model().embed(["Is there anything else I can help with?", "Anything more I can do?"])
    assert vectors.shape == (2, MODEL_DIM)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    # Two ways of asking the same thing are closer to each other than to an unrelated sentence.
    other = load_intent_model().embed(["The parcel arrives on Friday."])
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ other[0])


def test_a_tampered_or_missing_model_file_is_refused(tmp_path: Path) -> None:
    for relative in PINNED_SHA256:
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(model_dir() / relative, tmp_path / relative)
    verify_model(tmp_path)
    weights = tmp_path / "weights" / "l2_supercat_256.safetensors"
    data = bytearray(weights.read_bytes())
    data[-1] ^= 0xFF
    weights.write_bytes(bytes(data))
    with pytest.raises(IntentModelUnavailable, match="does not match its pinned sha256"):
        IntentModel.load(tmp_path)
    weights.unlink()
    with pytest.raises(IntentModelUnavailable, match="is missing"):
        verify_model(tmp_path)


def test_loading_never_reaches_for_a_hub(monkeypatch: pytest.MonkeyPatch) -> None:
    import requests

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access: {args}")

    monkeypatch.setattr(requests, "get", refuse)
    assert IntentModel.load().embed(["Anything else?"]).shape == (1, MODEL_DIM)


def test_check_command_reports_the_verified_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--check"]) == EXIT_OK
    assert MODEL_NAME in capsys.readouterr().out


def test_check_command_fails_when_the_model_does_not_verify(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("shared.ai.evaluation.intent.model_dir", lambda: tmp_path)
    assert main(["--check"]) == EXIT_NOT_PROVISIONED


def test_the_analysis_names_the_intent_model() -> None:
    analysis = INTENT_ENGINE.evaluate(build_transcript(HUMAN_CALL), EvaluationContext("af", "eng", None, False))
    assert MODEL_NAME in analysis.engine.model
    plain = PHRASE_ENGINE.evaluate(build_transcript(HUMAN_CALL), EvaluationContext("af", "eng", None, False))
    assert MODEL_NAME not in plain.engine.model


# --- sentences and slotted examples ---------------------------------------------------------------------


def test_sentences_and_their_clauses_are_units_and_unpunctuated_turns_are_cut_into_windows() -> None:
    units = units_of(segment_text("Thanks for holding. Oh no, how awful. Sorry!"))
    assert [unit.text for unit in units] == [
        "Thanks for holding.",
        "Oh no, how awful.",
        "Oh no,",
        "how awful.",
        "Sorry!",
    ]
    long = " ".join(f"w{index}" for index in range(30))
    windows = units_of(segment_text(long))
    assert len(windows) > 1
    assert windows[0].first_word == 0 and windows[-1].last_word == 29
    assert all(unit.last_word - unit.first_word < 12 for unit in windows)


def test_a_question_inside_an_unpunctuated_sentence_starts_a_clause_of_its_own() -> None:
    units = [unit.text for unit in units_of(segment_text("ah what a shame wheres the van parked now"))]
    assert "ah what a shame" in units and "wheres the van parked now" in units
    units = [unit.text for unit in units_of(segment_text("right that is rotten luck could i get the invoice number"))]
    assert "right that is rotten luck" in units
    # "can" that asks nothing does not cut: "you can pick it up" stays one clause.
    assert [unit.text for unit in units_of(segment_text("you can pick it up friday"))] == ["you can pick it up friday"]
    # Nor does the middle of a question: "what | can i do for you".
    units = [unit.text for unit in units_of(segment_text("no bother at all what can i do for you"))]
    assert units == ["no bother at all what can i do for you"]


def test_slotted_examples_match_names_but_not_common_words() -> None:
    speaking = slot_template("{org}, {name} speaking.")
    assert speaking is not None
    assert speaking.fullmatch("riverside pharmacy omar speaking")
    assert not speaking.fullmatch("yes i am speaking")
    bare = slot_template("{org}, {name}.")
    assert bare is not None
    assert bare.fullmatch("lakeside medical steve")
    assert not bare.fullmatch("yeah go ahead")
    assert slot_template("Thanks for calling.") is None


def test_a_slots_possessive_and_the_examples_own_salutation_are_said_as_any_name_and_greeting_would_be() -> None:
    line = slot_template("Hey, you've reached {org}'s parts desk.")
    assert line is not None
    # "Bayside's" is said "bayside"; "hey" stands for any salutation or none.
    assert line.fullmatch("good morning you have reached bayside parts desk")
    assert line.fullmatch("you have reached bayside motors parts desk")
    assert not line.fullmatch("you have reached the end of the parts desk menu")
    bare = slot_template("Hello, {org}.")
    assert bare is not None
    assert not bare.fullmatch("yeah go ahead")  # a salutation alone is no template's wording


# --- verdicts -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Riverside Pharmacy, Omar speaking.",
        "Northwind Gas emergencies, Priya here.",
        "Hello, Fabrikam Bank.",
        "Good evening, Riverside Pharmacy, Omar speaking.",  # any template may open with a salutation
    ],
)
def test_a_greeting_in_the_form_of_a_slotted_example_passes_and_cites_it(line: str) -> None:
    found = judged(INTENT_ENGINE, opening(line), "greeting")
    assert found.verdict == "pass"
    assert found.evidence[0].segment_index == 0
    assert found.evidence[0].speaker == "agent"
    assert found.evidence[0].quote == line
    assert "in the form of" in found.reason
    # The phrase lists alone only find the goodbye, far outside the greeting window.
    assert judged(PHRASE_ENGINE, opening(line), "greeting").verdict == "fail"


def test_a_bare_name_counts_only_as_the_opening_sentence() -> None:
    script = (("agent", "Contoso support."), ("agent", "Lakeside Medical, Steve."), *HUMAN_CALL[1:])
    found = judged(INTENT_ENGINE, script, "greeting")
    assert (found.verdict, found.evidence[0].quote) == ("pass", "Contoso support.")
    assert judged(INTENT_ENGINE, opening("Yeah, go ahead."), "greeting").verdict != "pass"
    # A bare name is not taken from the start of a longer sentence.
    assert judged(INTENT_ENGINE, opening("Contoso Mobile, go ahead."), "greeting").verdict != "pass"


def test_a_slotted_example_may_be_the_first_clause_of_a_longer_sentence() -> None:
    line = "Riverside Pharmacy, Omar speaking, calls are recorded."
    found = judged(INTENT_ENGINE, opening(line), "greeting")
    assert (found.verdict, found.evidence[0].quote) == ("pass", line)


@pytest.mark.parametrize(
    "line",
    [
        # Unpunctuated speech runs the greeting into what follows it.
        "good afternoon riverside pharmacy this is omar calls are recorded for training",
        "yeah hi riverside pharmacy this is omar",  # a word that opens speech, then the salutation
        "Hi there, you've got Riverside Pharmacy prescriptions, Zoë speaking.",  # an accented name is one word
        "Hi, Sarah speaking, Alpine Ski House bookings.",  # the name before the company
    ],
)
def test_a_greeting_template_may_open_a_longer_unpunctuated_turn(line: str) -> None:
    found = judged(INTENT_ENGINE, opening(line), "greeting")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 0), found.reason


def answered(line: str, reply: str) -> Script:
    """A short call opened by ``line`` and the caller's ``reply``, with no other greeting in it."""
    return (
        ("agent", line),
        ("customer", reply),
        ("agent", "Let me look."),
        ("customer", "Okay."),
        ("agent", "Done, bye."),
    )


@pytest.mark.parametrize(
    ("line", "reply"),
    [
        ("Evening, Jollof Junction, na Tunde dey yarn wit you.", "Tunde, abeg my food never reach."),
        (
            "Bonjour, Boulangerie Dupont, vous parlez avec Margaux, que puis-je faire pour vous?",
            "Hello Margaux, my cake order is wrong.",
        ),
    ],
)
def test_a_greeting_in_any_words_says_who_answers_when_the_caller_answers_to_the_name(line: str, reply: str) -> None:
    found = judged(INTENT_ENGINE, answered(line, reply), "greeting")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 0), found.reason
    assert "calls them by that name" in found.reason


@pytest.mark.parametrize(
    ("line", "reply"),
    [
        ("Hello, is that Dana?", "Dana, yes, speaking."),  # the agent asks for the caller by name
        ("Yeah, go ahead.", "Hi Dana here, my order never came."),  # the name is only the caller's
        ("Yep, what is it?", "Hi, my food never came."),  # no name answered to
    ],
)
def test_a_name_the_agent_did_not_answer_to_says_nothing(line: str, reply: str) -> None:
    assert judged(INTENT_ENGINE, answered(line, reply), "greeting").verdict != "pass"


def test_only_a_template_with_wording_of_its_own_is_taken_from_the_start_of_a_sentence() -> None:
    assert is_anchored("{org}, this is {name}.")
    assert not is_anchored("Hello, {org}.")
    assert not is_anchored("{org}, {name}.")
    # "Hello, {org}" would read "Mr Smith" as a company at the start of a longer sentence.
    assert judged(INTENT_ENGINE, opening("hello mr smith how are you doing today"), "greeting").verdict != "pass"


@pytest.mark.parametrize(
    ("line", "verdict"),
    [
        # Much closer to a fail example than to any pass example: that failure. ("not my problem" and "not our
        # problem" themselves the conduct rules fail in both engines, as dismissing.)
        ("Sorry, that one is not our issue.", "fail"),
        # Closer to a fail example, but less clearly: a reviewer decides.
        ("I'm sorry, but I won't apologise for the policy.", "needs_review"),
    ],
)
def test_an_apology_worded_like_a_fail_example_fails_or_is_sent_to_review(line: str, verdict: str) -> None:
    script = (*HUMAN_CALL[:2], ("agent", line), *HUMAN_CALL[2:])
    assert judged(PHRASE_ENGINE, script, "empathy").verdict == "pass"
    found = judged(INTENT_ENGINE, script, "empathy")
    assert found.verdict == verdict
    assert 0 < found.confidence < 1
    assert found.evidence[0].quote == line
    assert "which do not count" in found.reason


def test_a_paraphrase_close_to_the_examples_is_at_least_sent_to_review() -> None:
    line = "Oh no, you poor thing, that sounds like a horrid week."
    script = (*HUMAN_CALL[:2], ("agent", line), *HUMAN_CALL[2:])
    assert judged(PHRASE_ENGINE, script, "empathy").verdict == "fail"
    found = judged(INTENT_ENGINE, script, "empathy")
    assert found.verdict in ("pass", "needs_review")
    assert found.evidence[0].segment_index == 2
    examples = next(c for c in default_scorecard("human").criteria if c.id == "empathy").pass_examples
    assert any(repr(example) in found.reason for example in examples)  # names the example it resembles


def test_the_customer_saying_it_does_not_pass_the_agent() -> None:
    script = (*HUMAN_CALL[:2], ("customer", "Oh no, that sounds like a nightmare."), *HUMAN_CALL[2:])
    assert judged(INTENT_ENGINE, script, "empathy").verdict == "fail"


def test_a_negated_slotted_greeting_does_not_pass() -> None:
    assert judged(INTENT_ENGINE, opening("Not Contoso support, no."), "greeting").verdict != "pass"


def test_an_opening_in_other_words_is_the_evidence_rather_than_a_later_cue() -> None:
    """A short call's "thanks for calling" at the end is in the greeting window, but the opening greets."""
    script: Script = (
        ("agent", "Hi, Riverside Pharmacy prescriptions."),
        ("customer", "Is my prescription ready?"),
        ("agent", "Yes, it is."),
        ("customer", "Great, thanks."),
        ("agent", "Thanks for calling, bye."),
    )
    found = judged(INTENT_ENGINE, script, "greeting")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 0)
    assert judged(PHRASE_ENGINE, script, "greeting").evidence[0].segment_index == 4


@pytest.mark.parametrize(
    ("aside", "apology"),
    [
        ("Hello? Oh, sorry, the line clicked. Sugarbush Wholesale, Marc speaking.", "Oh, I'm so sorry, what a mess."),
        ("Sorry for keeping you waiting, Ridgeline Radio, Jen here.", "Ugh, that's a nightmare for you."),
        ("Oh, sorry, you're on speaker. Ringside Boxing Club, Shaun here.", "Ah, that's out of order, sorry mate."),
        ("Sorry, I should've said, this is KBLU ad sales.", "That's rough, I'd be cross too."),
        ("Hi, Arden Dental, sorry, I was just finishing a note.", "Oh no, you poor thing."),
    ],
)
def test_empathy_cites_the_apology_for_the_problem_before_one_for_the_line_or_a_hold(aside: str, apology: str) -> None:
    script = short_call(aside, "My order came in broken, and it was a gift for tomorrow.", apology)
    found = judged(INTENT_ENGINE, script, "empathy")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


@pytest.mark.parametrize(
    "line",
    [
        "Sorry, Chiva Fiesta Medellín, Mateo speaking, a la orden.",  # said on picking up
        "Oh sorry, yes, West Country Quiz League, Dave here, I'm on the fixtures desk.",
        "Mi cyaan say sorry fi someting weh yuh do yuhself.",  # refused, in Jamaican
        "Relax, I'm joking with you. Sorry if you can't take a little joke, eh.",  # for how they took it
    ],
)
def test_a_sorry_that_only_picks_up_the_phone_or_is_refused_shows_no_empathy(line: str) -> None:
    script = short_call(
        line, "The order came with the wrong colour, and the party is on Saturday.", "Right. Order number?"
    )
    assert judged(INTENT_ENGINE, script, "empathy").verdict != "pass"


@pytest.mark.parametrize(
    "line",
    [
        "Oh, sorry to hear that, Mateo here will sort it out for you.",
        "Sorry, John, the parts are in here now, so that's on us, we should have called.",
    ],
)
def test_an_apology_beside_a_name_still_shows_empathy(line: str) -> None:
    script = short_call("Hi, Chiva Fiesta, Ana speaking.", "The bus never came for us on Saturday.", line)
    assert judged(INTENT_ENGINE, script, "empathy").verdict == "pass"


def test_a_jamaican_refusal_to_promise_is_no_guarantee() -> None:
    script = short_call(
        "Hello, Linstead Growers, Marcia speaking.",
        "Will the committee pay for the spoilt yam?",
        "Mi cyaan promise seh di market committee a go pay fi it, but mi wi put it in fi yuh.",
    )
    assert judged(INTENT_ENGINE, script, "no_prohibited_language").verdict == "pass"


def test_resolution_cites_the_plain_date_rather_than_the_same_date_guaranteed() -> None:
    script: Script = (
        ("agent", "Hi, Arden Watch Repairs, Jo speaking."),
        ("customer", "Will my watch be fixed soon? It's for my dad's birthday."),
        ("agent", "Trust me, I guarantee it'll be back with you on Thursday, one hundred percent."),
        ("customer", "Okay."),
        ("agent", "So the strap goes to the workshop today and it will be back with you on Thursday."),
        ("customer", "Thanks."),
    )
    found = judged(INTENT_ENGINE, script, "resolution")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 4), found.reason


def test_an_apology_for_a_hold_alone_still_shows_empathy() -> None:
    """The card counts it ("my apologies for the wait"): only which apology is cited first changes."""
    script = short_call(
        "Hi, Arden Dental, Jo speaking.",
        "My crown came off again.",
        "Let me look. Okay, sorry for keeping you waiting, you're booked for Tuesday at nine.",
    )
    found = judged(INTENT_ENGINE, script, "empathy")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


@pytest.mark.parametrize(
    ("line", "criterion_id", "is_ai_call"),
    [
        # Sharing words with an example ("account", "bill", "Monday") is not doing what it asks.
        ("What's the problem with your account?", "identity_verification", False),
        ("Your bill was due on Monday.", "resolution", False),
        # Naming an automated service is not saying the agent is one; "press 1 for billing" reaches no human.
        ("You can also pay through our automated phone service.", "ai_disclosure", True),
        ("Press 1 for billing.", "escalation_offer", True),
    ],
)
def test_look_alike_sentences_do_not_pass(line: str, criterion_id: str, is_ai_call: bool) -> None:
    script: Script = (("agent", "Hello, Contoso billing."), ("customer", "Hi."), ("agent", line), ("customer", "Ok."))
    analysis = INTENT_ENGINE.evaluate(build_transcript(script), EvaluationContext("af", "eng", None, is_ai_call))
    found = next(item for item in analysis.criteria if item.id == criterion_id)
    assert found.verdict != "pass", found.reason


@pytest.mark.parametrize(
    ("line", "criterion_id", "is_ai_call"),
    [
        # Worded unlike any example of the cards: the engine should generalise, not recognise sentences.
        ("Just to let you know, everything we say is recorded for quality.", "recording_disclosure", False),
        ("We do record these calls, just so you're aware.", "recording_disclosure", False),
        ("What's the name on the reservation?", "identity_verification", False),
        ("and whats the reg of the car", "identity_verification", False),
        ("oh man that must be so annoying honestly", "empathy", False),
        ("Would you like a call back from one of the team?", "escalation_offer", True),
        ("I can pass this to one of our specialists, would that help?", "escalation_offer", True),
        ("Oh goodness, that must've been stressful.", "empathy", False),
        ("That's a real headache, I understand.", "empathy", False),
        ("The refund goes back to your card in three to five days.", "resolution", False),
        ("Is that everything for today?", "further_help", False),
        ("I can get someone from the team to phone you back this afternoon.", "escalation_offer", True),
        ("You can always ring our helpline and talk to an advisor.", "escalation_offer", True),
        ("hi im an a eye assistant for contoso", "ai_disclosure", True),
    ],
)
def test_paraphrases_in_other_registers_pass(line: str, criterion_id: str, is_ai_call: bool) -> None:
    script: Script = (("agent", "Hello, Contoso billing."), ("customer", "Hi."), ("agent", line), ("customer", "Ok."))
    analysis = INTENT_ENGINE.evaluate(build_transcript(script), EvaluationContext("af", "eng", None, is_ai_call))
    found = next(item for item in analysis.criteria if item.id == criterion_id)
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 2), found.reason


@pytest.mark.parametrize(
    ("line", "criterion_id", "is_ai_call"),
    [
        ("We don't keep recordings of calls.", "recording_disclosure", False),
        ("We used to record calls but we stopped last year.", "recording_disclosure", False),
        ("The recording of your meter reading is on the app.", "recording_disclosure", False),
        ("There's nobody else here to talk to, sorry.", "escalation_offer", True),
        ("I'm unable to put you through to anyone.", "escalation_offer", True),
        ("Our team are working on the outage.", "escalation_offer", True),
        ("You'll need to call back tomorrow.", "escalation_offer", True),
    ],
)
def test_refusals_and_look_alikes_in_other_registers_do_not_pass(
    line: str, criterion_id: str, is_ai_call: bool
) -> None:
    script: Script = (("agent", "Hello, Contoso billing."), ("customer", "Hi."), ("agent", line), ("customer", "Ok."))
    analysis = INTENT_ENGINE.evaluate(build_transcript(script), EvaluationContext("af", "eng", None, is_ai_call))
    found = next(item for item in analysis.criteria if item.id == criterion_id)
    assert found.verdict != "pass", found.reason


def test_thresholds_given_to_the_engine_decide_between_fail_and_review() -> None:
    # Not a fail example word for word (one said word for word fails whatever the thresholds).
    script = (*HUMAN_CALL[:2], ("agent", "Sorry, but that one is not my issue."), *HUMAN_CALL[2:])
    assert judged(INTENT_ENGINE, script, "empathy").verdict == "fail"
    never_fail = RuleBasedEngine(
        clock=lambda: "2024-05-01T12:00:00Z",
        intent=load_intent_model(),
        intent_thresholds=IntentThresholds(refusal_fail_margin=1.0),
    )
    assert judged(never_fail, script, "empathy").verdict == "needs_review"


def test_a_statement_is_not_taken_for_the_denial_it_resembles() -> None:
    """ "I'm a bot" embeds close to the fail example "I'm not a bot."; without a negation it is a disclosure."""
    line = "Just so you know, I'm a bot, but I can help with most things."
    script: Script = (("agent", line), ("customer", "Ok."), ("agent", "Thanks for calling, bye."))
    analysis = INTENT_ENGINE.evaluate(build_transcript(script), EvaluationContext("af", "eng", None, True))
    found = next(item for item in analysis.criteria if item.id == "ai_disclosure")
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 0), found.reason
    denial = (("agent", "No, I'm not a bot."), ("customer", "Ok."), ("agent", "Thanks for calling, bye."))
    analysis = INTENT_ENGINE.evaluate(build_transcript(denial), EvaluationContext("af", "eng", None, True))
    assert next(item for item in analysis.criteria if item.id == "ai_disclosure").verdict == "fail"


# --- the word-order-aware encoder's second reading ------------------------------------------------------

WORDLLAMA_ONLY = RuleBasedEngine(
    clock=lambda: "2024-05-01T12:00:00Z", intent=IntentModel(load_intent_model()._inference, encoder=None)
)


@pytest.mark.parametrize(
    ("line", "criterion_id"),
    [
        # Few words in common with any example: WordLlama's averaged word vectors do not see the intent.
        ("Honestly, I'd be fuming if that happened to me.", "empathy"),
        ("I'd be pulling my hair out too.", "empathy"),
        # (An offer of more help in other words is now read by its grammar, encoder or not: see test_tone.)
    ],
)
def test_the_encoder_reads_paraphrases_the_word_vectors_miss(line: str, criterion_id: str) -> None:
    # The line comes once the customer has been answered, when an offer of more help can be made.
    script: Script = (
        ("agent", "Hello, Contoso billing."),
        ("customer", "Hi, I was charged twice."),
        ("agent", "Okay."),
        ("customer", "Thanks."),
        ("agent", line),
        ("customer", "Ok."),
    )
    context = EvaluationContext("af", "eng", None, False)
    assert load_intent_model().encoder is not None
    without = WORDLLAMA_ONLY.evaluate(build_transcript(script), context)
    assert next(item for item in without.criteria if item.id == criterion_id).verdict != "pass"
    analysis = INTENT_ENGINE.evaluate(build_transcript(script), context)
    found = next(item for item in analysis.criteria if item.id == criterion_id)
    assert (found.verdict, found.evidence[0].segment_index) == ("pass", 4), found.reason
    assert "in other words" in found.reason


@pytest.mark.parametrize(
    ("line", "criterion_id"),
    [
        # Thanking for a wait is not apologising for it.
        ("Appreciate your patience there.", "empathy"),
        ("I'm not able to help with anything more.", "further_help"),
        ("Was there a problem with the engineer?", "further_help"),
    ],
)
def test_the_second_reading_does_not_pass_look_alikes_or_negations(line: str, criterion_id: str) -> None:
    script: Script = (("agent", "Hello, Contoso billing."), ("customer", "Hi."), ("agent", line), ("customer", "Ok."))
    analysis = INTENT_ENGINE.evaluate(build_transcript(script), EvaluationContext("af", "eng", None, False))
    assert next(item for item in analysis.criteria if item.id == criterion_id).verdict != "pass"


def test_without_a_provisioned_encoder_the_intent_layer_runs_on_word_vectors(tmp_path: Path) -> None:
    model = load_intent_model(tmp_path)  # no encoder there
    assert model.encoder is None
    assert model.name == MODEL_NAME
    assert load_intent_model().name == f"{MODEL_NAME}+{ENCODER_NAME}"
