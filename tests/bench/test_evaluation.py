"""The labelled evaluation set is complete and consistent, and the bench's arithmetic is right."""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import pytest

from bench.evaluation import (
    SPLITS,
    Label,
    LabelledCall,
    Tally,
    build_transcript,
    load_calls,
    long_call,
    parse_label,
    ratio,
    reviewer_passes,
)

pytestmark = pytest.mark.unit

CALLS = {split: load_calls(split) for split in SPLITS}


def test_splits_are_large_enough_and_a_third_is_held_back() -> None:
    # Every split but dev is held back: written unseen, scored once.
    dev = len(CALLS["dev"])
    held_back = sum(len(calls) for split, calls in CALLS.items() if split != "dev")
    assert dev + held_back >= 80
    assert dev >= 81  # 59 from the first authors, 22 by a fresh author aimed at traps and paraphrases, and more
    # The held-back splits together stay at least a third of all labelled calls as dev grows.
    assert held_back >= (dev + held_back) / 3
    for calls in CALLS.values():
        assert {call.call_type for call in calls} == {"human", "ai_agent"}
        assert len({call.industry for call in calls}) >= 6


def test_call_ids_are_unique_across_splits() -> None:
    ids = [call.id for calls in CALLS.values() for call in calls]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("call", [call for calls in CALLS.values() for call in calls], ids=lambda call: call.id)
def test_every_criterion_is_labelled_and_passes_point_at_an_agent_line(call: LabelledCall) -> None:
    criteria = call.scorecard.criteria
    assert set(call.labels) == {criterion.id for criterion in criteria}
    segments = call.transcript.segments
    for criterion in criteria:
        label = call.labels[criterion.id]
        if label.segment is not None:
            assert 0 <= label.segment < len(segments), criterion.id
        if label.verdict == "pass" and not criterion.must_not:
            assert label.segment is not None, f"{criterion.id}: a pass names the segment that shows it"
            assert segments[label.segment].speaker == criterion.speaker, criterion.id


def test_every_case_kind_occurs_in_every_split() -> None:
    for calls in CALLS.values():
        kinds = {label.kind for call in calls for label in call.labels.values()}
        assert kinds == {"literal", "paraphrase", "trap", "absent"}


# Whole splits, each written after the one before was scored.
LATER_HELD_BACK = (
    "held_back_2",
    "held_back_3",
    "held_back_4",
    "held_back_5",
    "held_back_6",
    "held_back_7",
    "held_back_8",
    "held_back_9",
    "held_back_10",
    "held_back_11",
    "held_back_12",
    "held_back_13",
    "held_back_14",
    "held_back_15",
    "held_back_16",
    "held_back_17",
    "held_back_18",
    "held_back_19",
    "held_back_20",
    "held_back_21",
    "held_back_22",
    "held_back_23",
    "held_back_24",
    "held_back_25",
    "held_back_26",
    "held_back_27",
    "held_back_28",
    "held_back_29",
)


@pytest.mark.parametrize("split", LATER_HELD_BACK)
def test_later_held_back_splits_are_large_varied_and_balanced(split: str) -> None:
    calls = CALLS[split]
    assert len(calls) >= 30
    assert {call.call_type for call in calls} == {"human", "ai_agent"}
    assert sum(call.call_type == "ai_agent" for call in calls) >= 10
    assert len({call.industry for call in calls}) >= 15
    labels = [label for call in calls for label in call.labels.values()]
    kinds = Counter(label.kind for label in labels)
    assert kinds["paraphrase"] >= 0.25 * len(labels), kinds  # how agents really talk carries weight
    assert kinds["trap"] >= 20
    fails = sum(label.verdict == "fail" for label in labels)
    assert 0.15 <= fails / len(labels) <= 0.5
    # Every criterion of both cards can go either way, and so can whole calls.
    outcomes: dict[str, set[str]] = defaultdict(set)
    for call in calls:
        for criterion, label in call.labels.items():
            outcomes[f"{call.call_type}/{criterion}"].add(label.verdict)
    assert all(verdicts == {"pass", "fail"} for verdicts in outcomes.values()), outcomes
    passing = sum(reviewer_passes(call) for call in calls)
    assert 0.3 * len(calls) <= passing <= 0.7 * len(calls)


@pytest.mark.parametrize("split", LATER_HELD_BACK)
def test_later_held_back_splits_turns_are_plain_text(split: str) -> None:
    """A turn written as ``{c: {text: ..., secs: N}}`` would be read as the text of a dict and lose its length."""
    for call in CALLS[split]:
        for segment in call.transcript.segments:
            assert not segment.text.startswith("{"), f"{call.id} segment {segment.index}"


def test_labels_parse_and_reject_typos() -> None:
    assert parse_label("pass paraphrase 3") == Label("pass", "paraphrase", 3)
    assert parse_label("fail absent") == Label("fail", "absent", None)
    for wrong in ("passes literal 1", "pass literally 1", "pass", "fail trap 1 2"):
        with pytest.raises(ValueError, match="is not"):
            parse_label(wrong)


def test_holds_and_silence_shift_times_without_adding_segments() -> None:
    transcript = build_transcript(
        "t",
        {
            "startS": 2,
            "trailingSilenceS": 30,
            "turns": [{"a": "one two three"}, {"hold": 60}, {"c": "four", "secs": 5}],
        },
    )
    first, second = transcript.segments
    assert (first.speaker, first.start_ms, first.end_ms) == ("agent", 2600, 2600 + 3 * 330)
    assert (second.speaker, second.index) == ("customer", 1)
    assert second.start_ms == first.end_ms + 60_000 + 700
    assert second.end_ms == second.start_ms + 5000
    assert transcript.duration_ms == second.end_ms + 30_000


def test_a_long_turn_written_as_a_mapping_keeps_its_text_and_length() -> None:
    said = "so the letter says eight till six on a weekday"
    transcript = build_transcript("t", {"turns": [{"c": {"text": said, "secs": 32}}, {"a": "Okay.", "secs": 1}]})
    first, second = transcript.segments
    assert (first.speaker, first.text) == ("customer", said)
    assert first.end_ms - first.start_ms == 32_000
    assert second.end_ms - second.start_ms == 1000


def test_tally_on_known_counts() -> None:
    tally = Tally()
    pairs = [
        ("pass", "pass"),
        ("pass", "pass"),
        ("pass", "fail"),
        ("pass", "needs_review"),
        ("fail", "pass"),
        ("fail", "fail"),
        ("fail", "needs_review"),
    ]
    for label, verdict in pairs:
        tally.add(label, verdict)
    assert (tally.total, tally.agree, tally.wrong_pass, tally.review) == (7, 3, 1, 2)
    assert tally.accuracy == pytest.approx(3 / 7)
    assert tally.pass_precision == pytest.approx(2 / 3)  # 3 engine passes, 2 right
    assert tally.pass_recall == pytest.approx(2 / 4)  # 4 labelled passes, 2 found


def test_ratio_of_nothing_is_not_a_number() -> None:
    assert math.isnan(ratio(0, 0))
    assert math.isnan(Tally().pass_precision)


def test_reviewer_outcome_follows_weights_threshold_and_critical_items() -> None:
    call = next(call for call in CALLS["dev"] if call.call_type == "human")
    everything_passes = {cid: Label("pass", "literal", 0) for cid in call.labels}
    assert reviewer_passes(_relabelled(call, everything_passes))
    # Recording (10) and further help (10) missing: 90 of 110 weight, above the 80% threshold.
    missing = Label("fail", "absent", None)
    two_missing = everything_passes | {"recording_disclosure": missing, "further_help": missing}
    assert reviewer_passes(_relabelled(call, two_missing))
    # Resolution (20) missing as well: 70 of 110.
    assert not reviewer_passes(_relabelled(call, two_missing | {"resolution": missing}))
    # A critical item failed sinks a call however high the score.
    critical = everything_passes | {"no_prohibited_language": Label("fail", "literal", 0)}
    assert not reviewer_passes(_relabelled(call, critical))


def test_the_long_call_lasts_ten_minutes() -> None:
    transcript = long_call(CALLS["dev"]).transcript
    assert 600_000 <= transcript.duration_ms < 610_000
    assert [segment.index for segment in transcript.segments] == list(range(len(transcript.segments)))


def _relabelled(call: LabelledCall, labels: dict[str, Label]) -> LabelledCall:
    return LabelledCall(call.id, call.split, call.industry, call.call_type, call.transcript, labels)
