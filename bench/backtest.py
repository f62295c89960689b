"""A backtest over stored calls, end to end: how long until the report is there.

Seeds ``--calls`` (default 1,000) completed human calls straight into a private Azurite (records, the labelled
dev transcripts of ``bench/data/evaluation`` cycled, and the offline engine's analyses with the built-in
card), stores a stricter draft of that card as version 2 of a tenant scorecard, then does what a client does:
``POST /scorecards/{id}/versions/2/backtest`` with ``limit`` = the number of calls, and polls the job every
half second until it is ``completed``. The local host runs in this process with the HTTP functions and the
backtest queue's trigger only.

Printed: seeding time; the backtest's wall time from the POST to the completed report, calls per second, and
the target (under 2 minutes for 1,000 calls); beside it the bare engine, ``RuleBasedEngine.evaluate`` over the
same transcripts in a loop, as the floor the job's storage reads and bookkeeping add to.

Usage: ``python -m bench.backtest [--quick] [--calls N]``; ``--quick`` uses 200 calls.
"""

from __future__ import annotations

import argparse
import itertools
import time
from datetime import UTC, datetime

from bench.common import bench_environment, console, http_function_names, machine_note, parse_args, table
from bench.evaluation import load_calls
from bench.seeding import create_scorecard_draft, seed_processed_calls
from shared.ai.evaluation.base import EvaluationContext
from shared.ai.evaluation.scorecards import default_scorecard
from shared.ai.factory import offline_evaluation_engine
from shared.dependencies import get_dependencies
from shared.models.transcript import Transcript

TARGET_S = 120.0
TARGET_CALLS = 1000
TENANT = "bench-backtest"


def _extra(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--calls", type=int, default=None, help="calls to seed and backtest (default 1000)")


def _transcripts(count: int) -> list[Transcript]:
    source = [call.transcript for call in load_calls("dev") if call.call_type == "human"]
    return list(itertools.islice(itertools.cycle(source), count))


def _bare_engine_seconds(transcripts: list[Transcript]) -> float:
    # The default offline engine, as the job uses.
    engine = offline_evaluation_engine()
    draft = default_scorecard("human").model_copy(update={"pass_threshold": 95.0})
    started = time.perf_counter()
    for index, transcript in enumerate(transcripts):
        engine.evaluate(transcript, EvaluationContext(f"af_{index}", "eng", None, False, draft))
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    args = parse_args(__doc__ or "", _extra, argv)
    calls = args.calls or (200 if args.quick else TARGET_CALLS)
    transcripts = _transcripts(calls)
    with bench_environment() as env:
        deps = get_dependencies()
        started = time.perf_counter()
        seed_processed_calls(
            records=deps.audio_files, blobs=deps.blobs, tenant_id=TENANT, transcripts=transcripts,
            is_ai_call=False, campaign_id="bench", first_recorded_at=datetime(2026, 10, 1, tzinfo=UTC),
        )  # fmt: skip
        seeding_s = time.perf_counter() - started
        draft = default_scorecard("human").model_copy(update={"pass_threshold": 95.0})
        draft_id = create_scorecard_draft(deps.scorecards, deps.blobs, TENANT, draft)
        env.start_host([*http_function_names(), "backtest_job", "backtest_job_poison"])
        with env.client(TENANT) as client:
            started = time.perf_counter()
            created = client.post(f"/scorecards/{draft_id}/versions/1/backtest", json={"limit": calls})
            created.raise_for_status()
            location = created.headers["Location"].removeprefix("/api/v1")
            while True:
                body = client.get(location).json()
                if body["status"] in ("completed", "failed"):
                    break
                time.sleep(0.5)
            wall_s = time.perf_counter() - started
        bare_s = _bare_engine_seconds(transcripts)
    if body["status"] != "completed":
        raise SystemExit(f"the backtest ended {body['status']}: {body.get('error')}")
    overall = body["report"]["overall"]
    target = TARGET_S * calls / TARGET_CALLS
    rows = [
        ["seeding (records, transcripts, analyses)", calls, seeding_s, calls / seeding_s, None],
        ["backtest: POST to completed report", overall["calls"], wall_s, overall["calls"] / wall_s, wall_s / target],
        ["bare RuleBasedEngine.evaluate loop", calls, bare_s, calls / bare_s, None],
    ]
    console.print(
        table(
            f"Backtest of {calls} stored calls (target: under {target:.0f} s)",
            ["what", "calls", "seconds", "calls/s", "of target"],
            rows,
            caption=f"{machine_note()}. Flips: {overall['passToFail']} pass→fail, {overall['failToPass']} "
            f"fail→pass; the backtest took {wall_s / bare_s:.1f}x the bare engine's time.",
        )
    )


if __name__ == "__main__":
    main()
