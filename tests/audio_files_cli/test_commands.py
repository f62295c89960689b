"""Every ``audio-files`` command against the local host (Azurite, real HTTP), run as the installed script."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from audio_files_cli.api import ExitCode
from bench.evaluation import load_calls
from bench.seeding import create_scorecard_draft, seed_processed_calls
from scripts.sample_calls import SampleCalls
from shared.ai.evaluation.scorecards import default_scorecard
from shared.dependencies import Dependencies
from tests.conftest import token_for
from tests.e2e.conftest import CEILING_S, LiveService, upload_file, wait_for_status
from tests.shared.scorecards.cards import small_draft

pytestmark = pytest.mark.e2e


@dataclass
class Cli:
    script: Path
    workdir: Path
    environment: dict[str, str]

    def run(self, *args: str, stdin: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.script), *args],
            cwd=self.workdir,
            env=self.environment,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def json(self, *args: str) -> Any:
        result = self.run("--json", *args)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)


@pytest.fixture
def cli(installed_cli: Path, live: LiveService, tmp_path: Path, sample_calls: SampleCalls) -> Cli:
    (tmp_path / "samples").mkdir()
    shutil.copy(sample_calls.support_call, tmp_path / "samples" / "support_call.wav")
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith("AUDIO_FILES_")},
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "AUDIO_FILES_BASE_URL": live.api,
        "COLUMNS": "200",
    }
    return Cli(installed_cli, tmp_path, environment)


def sign_in(cli: Cli, tenant: str) -> None:
    result = cli.run("login", "--token", token_for(tenant))
    assert result.returncode == 0, result.stderr


def test_login_stores_the_token_only_the_user_can_read(cli: Cli) -> None:
    refused = cli.run("login", "--token", "not-a-token")
    assert refused.returncode == ExitCode.AUTH
    assert "401" in refused.stderr and "invalid_token" in refused.stderr
    credentials = cli.workdir / "config" / "audio-files" / "credentials.json"
    assert not credentials.exists()

    token = token_for("t-cli-login")
    stored = cli.run("login", stdin=token + "\n")  # from stdin, as a script would pass it
    assert stored.returncode == 0, stored.stderr
    assert stat.S_IMODE(credentials.stat().st_mode) == 0o600
    saved = json.loads(credentials.read_text())
    assert saved["tokens"][cli.environment["AUDIO_FILES_BASE_URL"]] == token
    assert token not in stored.stdout + stored.stderr

    # Without --base-url the last signed-in URL is used.
    environment = {k: v for k, v in cli.environment.items() if k != "AUDIO_FILES_BASE_URL"}
    listed = Cli(cli.script, cli.workdir, environment).json("list")
    assert listed["totalCount"] == 0

    assert cli.run("logout").returncode == 0
    after = cli.run("list")
    assert after.returncode == ExitCode.AUTH and "audio-files login" in after.stderr


def test_upload_wait_shows_progress_and_ends_with_status_and_score(cli: Cli) -> None:
    sign_in(cli, "t-cli-upload")
    cli.environment |= {"TTY_COMPATIBLE": "1", "TTY_INTERACTIVE": "1", "NO_COLOR": "1"}  # render as in a terminal
    result = cli.run(
        "upload", "samples/support_call.wav", "--engagement", "eng-cli", "--campaign", "cli-camp", "--wait",
        "--poll-seconds", "1", timeout=CEILING_S,  # it waits for processing, as long as an e2e wait may
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "support_call.wav" in result.stderr and "100%" in result.stderr  # the upload's progress bar
    assert "processing" in result.stderr or "evaluating" in result.stderr  # the live status table
    final = result.stdout
    assert "support_call.wav" in final and "completed" in final
    assert "passed" in final or "failed" in final
    [uploaded] = cli.json("list", "--campaign", "cli-camp")["items"]
    analysis = cli.json("analysis", uploaded["id"])
    assert f"{analysis['score']:.0f} (" in final


def test_every_read_command_against_a_processed_call(cli: Cli, live: LiveService, sample_calls: SampleCalls) -> None:
    tenant = "t-cli-read"
    sign_in(cli, tenant)
    with live.client(tenant) as client:
        audio_file_id = upload_file(client, sample_calls.support_call, campaignId="reads", isAICall=True)
        # This one's policy keeps the original recording (the default does not), so it can be transcribed again.
        other_id = upload_file(client, sample_calls.support_call, engagementId="eng-other",
                               redaction={"keepUnredacted": True})  # fmt: skip
        for each in (audio_file_id, other_id):
            wait_for_status(client, each, ("pending",))
            assert client.post(f"/audio-files/{each}/process").status_code == 202
        for each in (audio_file_id, other_id):
            wait_for_status(client, each, ("completed",))

    listed = cli.json("list")
    assert listed["totalCount"] == 2 and listed["totalPages"] == 1
    assert [item["id"] for item in listed["items"]] == [other_id, audio_file_id]  # newest first
    assert [i["id"] for i in cli.json("list", "--campaign", "reads")["items"]] == [audio_file_id]
    assert [i["id"] for i in cli.json("list", "--ai-call")["items"]] == [audio_file_id]
    assert [i["id"] for i in cli.json("list", "--human", "--engagement", "eng-other")["items"]] == [other_id]
    assert cli.json("list", "--from", "2000-01-01", "--to", "2000-12-31")["totalCount"] == 0
    paged = cli.json("list", "--page-size", "1", "--page", "2")
    assert paged["totalPages"] == 2 and [i["id"] for i in paged["items"]] == [audio_file_id]
    table = cli.run("list")
    assert table.returncode == 0 and "page 1 of 1 (2 recordings)" in table.stdout and audio_file_id in table.stdout

    status = cli.run("status", audio_file_id)
    assert status.returncode == 0 and "completed" in status.stdout and "transcription" in status.stdout
    assert cli.json("status", audio_file_id)["status"] == "completed"

    text = cli.run("transcript", audio_file_id)
    assert text.returncode == 0 and "agent: Thank you for calling" in text.stdout
    assert "-->" in cli.run("transcript", audio_file_id, "--format", "srt").stdout
    assert cli.run("transcript", audio_file_id, "--format", "vtt").stdout.startswith("WEBVTT")
    assert cli.json("transcript", audio_file_id)["segments"]
    assert cli.run("transcript", audio_file_id, "--format", "doc").returncode == ExitCode.USAGE

    analysis = cli.run("analysis", audio_file_id)
    assert analysis.returncode == 0 and "score" in analysis.stdout and "criterion" in analysis.stdout
    assert 0 <= cli.json("analysis", audio_file_id)["score"] <= 100

    # The default policy did not keep the original: a full re-run is refused with what still works...
    before = cli.json("status", audio_file_id)
    refused = cli.run("reprocess", audio_file_id)
    assert refused.returncode == ExitCode.REJECTED, refused.stdout + refused.stderr
    assert "409" in refused.stderr and "original_audio_not_kept" in refused.stderr
    assert f"audio-files reprocess {audio_file_id} --evaluation-only" in refused.stderr
    as_json = json.loads(cli.run("--json", "reprocess", audio_file_id).stderr)["error"]
    assert as_json["code"] == "original_audio_not_kept" and "--evaluation-only" in as_json["hint"]
    assert '"stages": ["evaluation"]' in as_json["detail"]  # the API's own answer says how, for API clients
    assert cli.json("status", audio_file_id) == before  # nothing was started
    # ...and that works: the redacted transcript is evaluated again, here with a named scorecard version.
    reprocessed = cli.json("reprocess", audio_file_id, "--evaluation-only", "--scorecard", "default-human:2.8")
    assert reprocessed["status"] == "pending" and reprocessed["stages"] == ["evaluation"]
    with live.client(tenant) as client:
        status = wait_for_status(client, audio_file_id, ("completed",))
    assert status["runId"] != before["runId"] and status["stages"]["transcription"]["status"] == "skipped"
    assert "agent: Thank you for calling" in cli.run("transcript", audio_file_id).stdout
    # Where the policy kept the original, the full re-run transcribes it again.
    first_run = cli.json("status", other_id)
    assert cli.json("reprocess", other_id)["stages"] == ["transcription", "redaction", "evaluation"]
    with live.client(tenant) as client:
        status = wait_for_status(client, other_id, ("completed",))
    transcribed = status["stages"]["transcription"]
    assert status["runId"] != first_run["runId"] and transcribed["status"] == "succeeded"
    assert transcribed["completedAt"] > first_run["stages"]["transcription"]["completedAt"]

    assert cli.run("delete", audio_file_id, "--yes").returncode == 0
    gone = cli.run("status", audio_file_id)
    assert gone.returncode == ExitCode.NOT_FOUND
    assert "404" in gone.stderr and "audio_file_not_found" in gone.stderr
    assert cli.json("list")["totalCount"] == 1


def test_api_errors_are_shown_with_their_code_and_exit_status(cli: Cli, live: LiveService) -> None:
    tenant = "t-cli-errors"
    sign_in(cli, tenant)
    with live.client(tenant) as client:
        created = client.post("/audio-files/upload-url", json={"fileName": "never.wav", "engagementId": "e"}).json()
    conflict = cli.run("reprocess", created["audioFileId"])
    assert conflict.returncode == ExitCode.REJECTED
    assert "409" in conflict.stderr and "audio_not_uploaded" in conflict.stderr
    as_json = cli.run("--json", "reprocess", created["audioFileId"])
    assert json.loads(as_json.stderr)["error"]["code"] == "audio_not_uploaded"
    invalid = cli.run("list", "--from", "yesterday")
    assert invalid.returncode == ExitCode.REJECTED and "400" in invalid.stderr
    assert cli.run("status", created["audioFileId"]).returncode == 0  # awaiting_upload, seen by its tenant
    sign_in(cli, "t-cli-someone-else")
    assert cli.run("status", created["audioFileId"]).returncode == ExitCode.NOT_FOUND
    unreachable = cli.run("--base-url", "http://127.0.0.1:9/api/v1", "list")
    assert unreachable.returncode == ExitCode.AUTH  # never signed in there
    unreachable = Cli(cli.script, cli.workdir, {**cli.environment, "AUDIO_FILES_TOKEN": "x"}).run(
        "--base-url", "http://127.0.0.1:9/api/v1", "list"
    )
    assert unreachable.returncode == ExitCode.UNAVAILABLE and "Cannot reach" in unreachable.stderr


def test_webhook_commands(cli: Cli) -> None:
    sign_in(cli, "t-cli-webhooks")
    created = cli.json("webhooks", "create", "http://127.0.0.1:9/hooks", "--event", "analysis.completed",
                       "--description", "from the CLI")  # fmt: skip
    assert created["secret"].startswith("whsec_") and created["events"] == ["analysis.completed"]
    listed = cli.run("webhooks", "list")
    assert listed.returncode == 0 and created["id"] in listed.stdout and "from the CLI" in listed.stdout
    rotated = cli.json("webhooks", "rotate-secret", created["id"])
    assert rotated["secret"].startswith("whsec_") and rotated["secret"] != created["secret"]
    deliveries = cli.json("webhooks", "deliveries", created["id"])
    assert deliveries["items"] == []
    refused = cli.run("webhooks", "create", "ftp://example.com/x")
    assert refused.returncode == ExitCode.REJECTED and "400" in refused.stderr
    assert cli.run("webhooks", "delete", created["id"]).returncode == 0
    assert cli.json("webhooks", "list")["items"] == []
    assert cli.run("webhooks", "delete", created["id"]).returncode == ExitCode.NOT_FOUND


def test_an_upload_that_is_not_audio_ends_failed_with_its_code(cli: Cli) -> None:
    sign_in(cli, "t-cli-bad-upload")
    (cli.workdir / "notes.wav").write_bytes(b"this is not audio at all" * 100)
    result = cli.run("upload", "notes.wav", "--engagement", "e", "--poll-seconds", "0.5")
    assert result.returncode == ExitCode.PROCESSING_FAILED, result.stdout + result.stderr
    assert "not_audio" in result.stdout
    [item] = cli.json("list")["items"]
    assert item["status"] == "failed" and item["error"]["code"] == "not_audio"


def test_scorecard_commands(cli: Cli) -> None:
    sign_in(cli, "t-cli-scorecards")
    card_file = cli.workdir / "card.json"
    card_file.write_text(json.dumps(small_draft()))
    created = cli.json("scorecards", "create", str(card_file))
    scorecard_id = created["id"]
    assert created["versions"][0]["status"] == "draft"
    # The card as `show --json` prints it is a valid input for the next version.
    shown = cli.json("scorecards", "show", scorecard_id, "1")
    card_file.write_text(json.dumps({**shown, "card": {**shown["card"], "passThreshold": 75}}))
    added = cli.json("scorecards", "create", str(card_file), "--scorecard", scorecard_id)
    assert (added["version"], added["card"]["passThreshold"], added["card"]["id"]) == (2, 75, scorecard_id)
    assert cli.run("scorecards", "assign", scorecard_id, "2", "--campaign", "spring").returncode == ExitCode.REJECTED
    assert cli.json("scorecards", "publish", scorecard_id, "2")["status"] == "published"
    assigned = cli.json("scorecards", "assign", scorecard_id, "2", "--campaign", "spring")
    assert (assigned["callType"], assigned["campaignId"], assigned["version"]) == ("human", "spring", "2")
    listed = cli.run("scorecards", "list")
    assert listed.returncode == 0 and scorecard_id in listed.stdout and "spring" in listed.stdout
    versions = cli.run("scorecards", "show", scorecard_id)
    assert versions.returncode == 0 and "published" in versions.stdout and "draft" in versions.stdout
    card_file.write_text(json.dumps(small_draft(weight=0)))
    refused = cli.run("scorecards", "create", str(card_file))
    assert refused.returncode == ExitCode.REJECTED and "scorecard_invalid_weight" in refused.stderr
    assert cli.run("scorecards", "show", "sc_01JDZ2V1D3W4X5Y6Z7A8B9C0D1").returncode == ExitCode.NOT_FOUND
    bad_pin = cli.run("reprocess", "af_01JDZ2V1D3W4X5Y6Z7A8B9C0D1", "--evaluation-only", "--scorecard", "nocolon")
    assert bad_pin.returncode == ExitCode.USAGE


def test_review_agreement_and_backtest(cli: Cli, deps: Dependencies) -> None:
    tenant = "t-cli-quality"
    sign_in(cli, tenant)
    transcripts = [call.transcript for call in load_calls("dev") if call.call_type == "human"][:3]
    seeded = seed_processed_calls(
        records=deps.audio_files, blobs=deps.blobs, tenant_id=tenant, transcripts=transcripts, is_ai_call=False,
        campaign_id="cli-qa", first_recorded_at=datetime(2026, 11, 5, tzinfo=UTC),
    )  # fmt: skip
    base = default_scorecard("human")
    criteria = [c.model_copy(update={"any_of": ["zebra quartz"], "pass_examples": []}) if c.id == "greeting" else c
                for c in base.criteria]  # fmt: skip
    strict = create_scorecard_draft(deps.scorecards, deps.blobs, tenant, base.model_copy(update={"criteria": criteria}))
    record, analysis = seeded[0]
    machine = next(c.verdict for c in analysis.criteria if c.id == "greeting")
    opposite = "fail" if machine == "pass" else "pass"

    reviewed = cli.json("review", record.id, "--verdict", f"greeting={opposite}", "--comment", "heard it")
    assert [(r["criterionId"], r["machineVerdict"], r["verdict"]) for r in reviewed["reviews"]] == [
        ("greeting", machine, opposite)
    ]
    assert cli.run("review", record.id, "--verdict", "greeting").returncode == ExitCode.USAGE
    assert cli.run("review", record.id, "--verdict", "nope=pass").returncode == ExitCode.REJECTED

    figures = cli.json("agreement", "default-human", "--from", "2026-11-05", "--to", "2026-11-05")
    assert (figures["overall"]["pairs"], figures["overall"]["agreed"]) == (1, 0)
    table = cli.run("agreement", "default-human")
    assert table.returncode == 0 and "greeting" in table.stdout and "overall" in table.stdout
    assert cli.run("agreement", "no-such-card").returncode == ExitCode.NOT_FOUND

    greetings = sum(1 for _, stored in seeded if next(c for c in stored.criteria if c.id == "greeting").passed)
    assert greetings > 0
    result = cli.run("backtest", strict, "1", "--campaign", "cli-qa", "--poll-seconds", "0.5")
    assert result.returncode == 0, result.stderr
    shown = " ".join(result.stdout.split())  # the table wraps to the terminal's width
    assert f"of {strict} v1: 3 calls," in shown and f"│ greeting │ 3 │ {greetings} │ 0 │ 0 │" in shown
    job = cli.json("backtest", strict, "1", "--no-wait")
    assert job["status"] == "queued"
    followed = cli.json("backtest", strict, "1", "--job", job["id"], "--poll-seconds", "0.5")
    greeting = next(c for c in followed["report"]["criteria"] if c["criterionId"] == "greeting")
    assert followed["status"] == "completed" and greeting["passToFail"] == greetings
