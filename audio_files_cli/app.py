"""The ``audio-files`` commands. Results go to stdout (tables, or JSON with ``--json``); progress, live status
and errors go to stderr, so a script can read stdout as JSON."""

from __future__ import annotations

import contextlib
import functools
import json
import mimetypes
import os
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, TextIO

import httpx
import typer
from rich.console import Console
from rich.live import Live
from rich.markup import escape
from rich.progress import BarColumn, DownloadColumn, Progress, TaskProgressColumn, TextColumn, TransferSpeedColumn
from rich.table import Table
from rich.text import Text

from audio_files_cli.api import DEFAULT_BASE_URL, TERMINAL_STATUSES, ApiClient, ApiError, ExitCode
from audio_files_cli.credentials import Login, credentials_path, forget_login, load_login, save_login

EXIT_CODES_HELP = (
    "Exit codes: 0 ok; 1 unexpected error; 2 bad arguments; 3 not signed in, token refused or missing scope; "
    "4 not found; 5 request refused (400/409/413); 6 a recording ended failed; 7 service unavailable "
    "(network, 429, 5xx)."
)

app = typer.Typer(
    name="audio-files",
    help=f"Upload, follow and read call recordings through the Audio Files API.\n\n{EXIT_CODES_HELP}",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
webhooks_app = typer.Typer(help="Webhook subscriptions: list, create, delete, rotate-secret, deliveries.")
app.add_typer(webhooks_app, name="webhooks")
scorecards_app = typer.Typer(help="Scorecards: list, show, create (or add a version), publish, assign.")
app.add_typer(scorecards_app, name="scorecards")

out = Console()
err = Console(stderr=True)


@dataclass
class Options:
    base_url: str | None
    as_json: bool


def _options(ctx: typer.Context) -> Options:
    options = ctx.find_root().obj
    assert isinstance(options, Options)
    return options


@app.callback()
def _root(
    ctx: typer.Context,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            envvar="AUDIO_FILES_BASE_URL",
            help=f"API base URL (default: the one you last signed in to, else {DEFAULT_BASE_URL}).",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print results as JSON (for scripts).")] = False,
) -> None:
    ctx.obj = Options(base_url, as_json)


def write_json(stream: TextIO, data: Any) -> None:
    """Plain JSON (no colours, even on a terminal), one document per command."""
    stream.write(json.dumps(data, indent=2, default=str, ensure_ascii=False) + "\n")


def fail(message: str, code: ExitCode, options: Options, detail: dict[str, Any] | None = None) -> typer.Exit:
    if options.as_json:
        write_json(sys.stderr, {"error": {"message": message, **(detail or {})}})
    else:
        err.print(f"[bold red]Error:[/bold red] {escape(message)}", highlight=False)
    return typer.Exit(int(code))


def _describe(error: ApiError) -> str:
    parts = [f"{error.status} {error.title}"]
    if error.detail:
        parts.append(f"— {error.detail}")
    if error.code:
        parts.append(f"[{error.code}]")
    return " ".join(parts)


@contextlib.contextmanager
def api_session(ctx: typer.Context, hints: Mapping[str, str] | None = None) -> Iterator[ApiClient]:
    """A client for the signed-in base URL; API and network errors end the command with their exit code.
    ``hints`` says what to do instead, for the error codes a command expects (printed after the error)."""
    options = _options(ctx)
    token = os.environ.get("AUDIO_FILES_TOKEN")
    login = load_login(options.base_url)
    base_url = options.base_url or (login.base_url if login else DEFAULT_BASE_URL)
    if not token:
        if login is None:
            raise fail(f"Not signed in to {base_url}: run `audio-files login`.", ExitCode.AUTH, options)
        token = login.token
    try:
        with ApiClient(base_url, token) as client:
            yield client
    except ApiError as error:
        hint = (hints or {}).get(error.code or "")
        message = f"{_describe(error)}\n{hint}" if hint else _describe(error)
        detail = {**error.as_dict(), "hint": hint} if hint else error.as_dict()
        raise fail(message, error.exit_code, options, detail) from None
    except httpx.HTTPError as error:
        raise fail(f"Cannot reach {base_url}: {error}", ExitCode.UNAVAILABLE, options) from None


def emit(ctx: typer.Context, data: Any, render: Any = None) -> None:
    """``data`` as JSON with --json, else ``render`` (a rich renderable, or plain text)."""
    if _options(ctx).as_json:
        write_json(sys.stdout, data)
    elif isinstance(render, str):
        out.print(render, markup=False, highlight=False)
    elif render is not None:
        out.print(render)


def add_row(table: Table, *values: object) -> None:
    """Cells as plain text: a file name like ``call [1].wav`` is not rich markup."""
    table.add_row(*(Text(str(value)) for value in values))


def _short_time(value: str | None) -> str:
    if not value:
        return ""
    return datetime.fromisoformat(value.replace("Z", "+00:00")).strftime("%Y-%m-%d %H:%M:%S")


# --- sign-in ---------------------------------------------------------------------------------------------


@app.command()
def login(
    ctx: typer.Context,
    token: Annotated[
        str | None, typer.Option(help="Bearer token (else read from stdin, or asked for without echo).")
    ] = None,
) -> None:
    """Check a token against the API and store it for the base URL (a 0600 file in your config folder)."""
    options = _options(ctx)
    base_url = options.base_url or DEFAULT_BASE_URL
    if token is None:
        token = sys.stdin.readline().strip() if not sys.stdin.isatty() else typer.prompt("Token", hide_input=True)
    if not token:
        raise fail("No token given.", ExitCode.USAGE, options)
    warning = None
    try:
        with ApiClient(base_url, token) as client:
            client.list_audio_files({"pageSize": 1})
    except ApiError as error:
        if error.status != 403:
            raise fail(f"The API refused the token: {_describe(error)}", error.exit_code, options) from None
        warning = "the token cannot read recordings (missing audio:read); stored anyway"
    except httpx.HTTPError as error:
        raise fail(f"Cannot reach {base_url}: {error}", ExitCode.UNAVAILABLE, options) from None
    path = save_login(Login(base_url, token))
    if warning:
        err.print(f"[yellow]Warning:[/yellow] {warning}")
    emit(ctx, {"baseUrl": base_url, "credentialsFile": str(path)}, f"Signed in to {base_url} (token in {path}).")


@app.command()
def logout(ctx: typer.Context) -> None:
    """Forget the stored token of the base URL."""
    options = _options(ctx)
    forgotten = forget_login(options.base_url)
    emit(
        ctx, {"forgotten": forgotten}, "Token forgotten." if forgotten else f"No token stored in {credentials_path()}."
    )


# --- recordings -------------------------------------------------------------------------------------------


def _recordings_table(items: list[dict[str, Any]], title: str | None = None) -> Table:
    table = Table(title=title)
    for column in ("id", "file", "engagement", "campaign", "AI", "status", "recorded"):
        table.add_column(column, overflow="fold")
    for item in items:
        add_row(table,
            item["id"], item["fileName"], item["engagementId"], item.get("campaignId") or "",
            "yes" if item["isAICall"] else "no", item["status"], _short_time(item.get("recordedAt")),
        )  # fmt: skip
    return table


@app.command("list")
def list_command(
    ctx: typer.Context,
    campaign: Annotated[str | None, typer.Option(help="Only this campaignId.")] = None,
    engagement: Annotated[str | None, typer.Option(help="Only this engagementId.")] = None,
    ai_call: Annotated[
        bool | None, typer.Option("--ai-call/--human", help="Only AI-agent calls, or only human.")
    ] = None,
    date_from: Annotated[
        str | None, typer.Option("--from", help="Recorded on or after (ISO 8601 date or time).")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="Recorded on or before (a bare date covers its day).")
    ] = None,
    page: Annotated[int, typer.Option(min=1, help="Page number.")] = 1,
    page_size: Annotated[int, typer.Option(min=1, max=100, help="Recordings per page.")] = 50,
    continuation_token: Annotated[str | None, typer.Option(help="Resume after a page (from --json output).")] = None,
) -> None:
    """List recordings, newest first, with the API's filters."""
    params = {
        "campaignId": campaign,
        "engagementId": engagement,
        "isAICall": None if ai_call is None else str(ai_call).lower(),
        "dateFrom": date_from,
        "dateTo": date_to,
        "page": page if continuation_token is None else None,
        "pageSize": page_size,
        "continuationToken": continuation_token,
    }
    with api_session(ctx) as client:
        body = client.list_audio_files(params)
    title = f"page {body['page']} of {body['totalPages']} ({body['totalCount']} recordings)"
    emit(ctx, body, _recordings_table(body["items"], title))


@app.command()
def status(ctx: typer.Context, audio_file_id: Annotated[str, typer.Argument(metavar="ID")]) -> None:
    """Processing status of one recording, stage by stage."""
    with api_session(ctx) as client:
        body = client.processing_status(audio_file_id)
    table = Table(title=f"{body['audioFileId']}: {body['status']}")
    for column in ("stage", "status", "attempts", "started", "completed", "last error"):
        table.add_column(column)
    for name, stage in body["stages"].items():
        add_row(table,
            name, stage["status"], str(stage["attempts"]), _short_time(stage.get("startedAt")),
            _short_time(stage.get("completedAt")), stage.get("lastErrorCode") or "",
        )  # fmt: skip
    emit(ctx, body, table)
    if body.get("error") and not _options(ctx).as_json:
        error = body["error"]
        reason = escape(f"{error['message']} [{error['code']}]")
        err.print(f"[red]failed[/red] at {error.get('stage')}: {reason}", highlight=False)
    if body["status"] == "failed":
        raise typer.Exit(int(ExitCode.PROCESSING_FAILED))


@app.command()
def transcript(
    ctx: typer.Context,
    audio_file_id: Annotated[str, typer.Argument(metavar="ID")],
    output_format: Annotated[str, typer.Option("--format", help="text, srt, vtt or json.")] = "text",
) -> None:
    """Print the transcript: plain text, SRT or WebVTT subtitles, or the JSON document."""
    options = _options(ctx)
    if output_format not in ("text", "srt", "vtt", "json"):
        raise fail("--format must be text, srt, vtt or json.", ExitCode.USAGE, options)
    wanted = "json" if options.as_json else output_format
    with api_session(ctx) as client:
        text = client.transcript(audio_file_id, wanted)
    if wanted == "json":
        write_json(sys.stdout, json.loads(text))
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


@app.command()
def analysis(ctx: typer.Context, audio_file_id: Annotated[str, typer.Argument(metavar="ID")]) -> None:
    """The evaluation: score, pass or fail, and every scorecard criterion with its evidence."""
    with api_session(ctx) as client:
        body = client.analysis(audio_file_id)
    verdict = "[green]passed[/green]" if body["passed"] else "[red]failed[/red]"
    table = Table(title=f"score {body['score']:.0f} / 100 ({verdict}, pass at {body['passThreshold']:.0f})")
    for column in ("criterion", "result", "evidence"):
        table.add_column(column, overflow="fold")
    for criterion in body["criteria"]:
        evidence = criterion.get("evidence") or []
        quote = f"{evidence[0].get('startMs', 0) / 1000:.1f}s “{evidence[0].get('text', '')}”" if evidence else ""
        add_row(table, criterion.get("name", criterion.get("id", "")), "pass" if criterion["passed"] else "fail", quote)
    emit(ctx, body, table)


def _scorecard_pin(ctx: typer.Context, value: str | None) -> dict[str, str] | None:
    """``ID:VERSION`` as the API's ``{id, version}``."""
    if value is None:
        return None
    scorecard_id, _, version = value.rpartition(":")
    if not scorecard_id or not version:
        raise fail("--scorecard takes ID:VERSION, e.g. sc_01J...:2 or default-human:2.9", ExitCode.USAGE, _options(ctx))
    return {"id": scorecard_id, "version": version}


@app.command()
def reprocess(
    ctx: typer.Context,
    audio_file_id: Annotated[str, typer.Argument(metavar="ID")],
    evaluation_only: Annotated[bool, typer.Option(help="Re-evaluate the existing transcript only.")] = False,
    scorecard: Annotated[
        str | None,
        typer.Option(metavar="ID:VERSION", help="Evaluate with this published version instead of the assigned one."),
    ] = None,
) -> None:
    """Run processing again (transcription, redaction and evaluation, or only the evaluation).

    Where the redaction policy did not keep the original recording, only the evaluation can run again."""
    pin = _scorecard_pin(ctx, scorecard)
    only_evaluation = f"Only the evaluation can run again: audio-files reprocess {audio_file_id} --evaluation-only"
    with api_session(ctx, hints={"original_audio_not_kept": only_evaluation}) as client:
        stages = ["evaluation"] if evaluation_only else None
        body = client.process(audio_file_id, force=True, stages=stages, scorecard=pin)
    emit(ctx, body, f"{body['audioFileId']}: {body['status']} ({', '.join(body['stages'])}) — {body['message']}")


@app.command()
def delete(
    ctx: typer.Context,
    audio_file_id: Annotated[str, typer.Argument(metavar="ID")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete a recording and everything derived from it."""
    if not yes and sys.stdin.isatty() and not typer.confirm(f"Delete {audio_file_id} and its transcript and analysis?"):
        raise typer.Exit(int(ExitCode.OK))
    with api_session(ctx) as client:
        client.delete_audio_file(audio_file_id)
    emit(ctx, {"id": audio_file_id, "deleted": True}, f"Deleted {audio_file_id}.")


# --- upload ------------------------------------------------------------------------------------------------


@dataclass
class Upload:
    path: Path
    audio_file_id: str = ""
    status: str = "uploading"
    stage: str = ""
    error: str = ""
    score: float | None = None
    passed: bool | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": str(self.path), "id": self.audio_file_id, "status": self.status, "error": self.error or None,
            "score": self.score, "passed": self.passed,
        }  # fmt: skip


def _status_table(uploads: list[Upload]) -> Table:
    table = Table(title="recordings")
    for column in ("file", "id", "status", "stage", "score"):
        table.add_column(column, overflow="fold")
    for upload in uploads:
        status = upload.status + (f" ({upload.error})" if upload.error else "")
        score = "" if upload.score is None else f"{upload.score:.0f} ({'passed' if upload.passed else 'failed'})"
        add_row(table, upload.path.name, upload.audio_file_id, status, upload.stage, score)
    return table


def _content_type(path: Path) -> str:
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed if guessed and guessed.startswith("audio/") else "application/octet-stream"


def _upload_body(path: Path, size: int, engagement: str, campaign: str | None, ai_call: bool) -> dict[str, Any]:
    body = {"fileName": path.name, "engagementId": engagement, "isAICall": ai_call, "sizeBytes": size}
    return body | {"contentType": _content_type(path)} | ({"campaignId": campaign} if campaign else {})


def _running_stage(body: dict[str, Any]) -> str:
    return next((name for name, stage in body["stages"].items() if stage["status"] in ("running", "retrying")), "")


@app.command()
def upload(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(exists=True, dir_okay=False, readable=True, metavar="FILE...")],
    engagement: Annotated[str, typer.Option(help="engagementId of the recordings.")],
    campaign: Annotated[str | None, typer.Option(help="campaignId of the recordings.")] = None,
    ai_call: Annotated[bool, typer.Option("--ai-call", help="The agent on these calls is an AI.")] = False,
    process: Annotated[bool, typer.Option(help="Queue AI processing once each upload is checked.")] = True,
    wait: Annotated[bool, typer.Option(help="Follow processing until every recording is completed or failed.")] = False,
    poll_seconds: Annotated[float, typer.Option(min=0.2, help="Seconds between status polls.")] = 2.0,
    timeout_seconds: Annotated[float, typer.Option(min=1, help="Give up waiting after this long.")] = 3600.0,
) -> None:
    """Upload recordings the way the API docs say (upload URL, PUT with x-ms-blob-type, process, poll)."""
    options = _options(ctx)
    uploads = [Upload(path) for path in files]
    with api_session(ctx) as client:
        columns = [
            TextColumn("{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
        ]
        with Progress(*columns, console=err) as progress:
            for item in uploads:
                size = item.path.stat().st_size
                task = progress.add_task(item.path.name, total=size)
                created = client.request_upload(_upload_body(item.path, size, engagement, campaign, ai_call))
                item.audio_file_id = created["audioFileId"]
                client.put_blob(created, item.path, functools.partial(progress.advance, task))
                item.status = "awaiting_upload"
        deadline = time.monotonic() + timeout_seconds
        with Live(_status_table(uploads), console=err, auto_refresh=False) as live:

            def refresh() -> None:
                live.update(_status_table(uploads), refresh=True)

            _start_processing(client, uploads, process, poll_seconds, deadline, refresh)
            if wait:
                _follow(client, uploads, poll_seconds, deadline, refresh)
    emit(ctx, [item.as_dict() for item in uploads], _status_table(uploads))
    if any(item.status == "failed" for item in uploads):
        raise typer.Exit(int(ExitCode.PROCESSING_FAILED))
    if wait and any(item.status not in TERMINAL_STATUSES for item in uploads):
        raise fail(f"Still processing after {timeout_seconds:.0f} s.", ExitCode.UNAVAILABLE, options)


def _start_processing(
    client: ApiClient, uploads: list[Upload], process: bool, poll_seconds: float, deadline: float, refresh: Any
) -> None:
    """Wait until each upload has been checked (no longer awaiting_upload), then queue its processing."""
    waiting = list(uploads)
    while waiting and time.monotonic() < deadline:
        for item in list(waiting):
            record = client.get_audio_file(item.audio_file_id)
            item.status = record["status"]
            if record["status"] == "awaiting_upload":
                continue
            waiting.remove(item)
            if record.get("error"):
                item.error = record["error"]["code"]
            elif process and record["status"] == "pending":
                item.status = client.process(item.audio_file_id)["status"]
        refresh()
        if waiting:
            time.sleep(poll_seconds)


def _follow(client: ApiClient, uploads: list[Upload], poll_seconds: float, deadline: float, refresh: Any) -> None:
    """Poll processing-status until every recording is completed or failed; then read each score."""
    active = [item for item in uploads if item.status not in TERMINAL_STATUSES]
    while active and time.monotonic() < deadline:
        for item in list(active):
            body = client.processing_status(item.audio_file_id)
            item.status, item.stage = body["status"], _running_stage(body)
            if body["status"] == "failed" and body.get("error"):
                item.error = body["error"]["code"]
            if body["status"] in TERMINAL_STATUSES:
                active.remove(item)
        refresh()
        if active:
            time.sleep(poll_seconds)
    for item in uploads:
        if item.status == "completed":
            result = client.analysis(item.audio_file_id)
            item.score, item.passed = result["score"], result["passed"]
    refresh()


# --- webhooks -------------------------------------------------------------------------------------------------


def _webhooks_table(items: list[dict[str, Any]]) -> Table:
    table = Table(title="webhooks")
    for column in ("id", "url", "events", "enabled", "description"):
        table.add_column(column, overflow="fold")
    for item in items:
        enabled = "yes" if item["enabled"] else f"no ({item.get('disabledReason') or 'disabled'})"
        add_row(table, item["id"], item["url"], ", ".join(item["events"]), enabled, item.get("description") or "")
    return table


@webhooks_app.command("list")
def webhooks_list(ctx: typer.Context) -> None:
    """Subscriptions of your tenant."""
    with api_session(ctx) as client:
        body = client.list_webhooks()
    emit(ctx, body, _webhooks_table(body["items"]))


@webhooks_app.command("create")
def webhooks_create(
    ctx: typer.Context,
    url: Annotated[str, typer.Argument(help="Public HTTPS address that receives the events.")],
    event: Annotated[
        list[str] | None,
        typer.Option("--event", help="analysis.completed, processing.failed or backtest.completed (repeatable)."),
    ] = None,
    description: Annotated[str | None, typer.Option(help="A note for you.")] = None,
) -> None:
    """Subscribe to events; the signing secret is shown this once."""
    body: dict[str, Any] = {"url": url, "events": event or ["analysis.completed", "processing.failed"]}
    if description:
        body["description"] = description
    with api_session(ctx) as client:
        created = client.create_webhook(body)
    emit(ctx, created, _webhooks_table([created]))
    if not _options(ctx).as_json:
        out.print(f"Signing secret (shown once): {created['secret']}", highlight=False)


@webhooks_app.command("delete")
def webhooks_delete(ctx: typer.Context, webhook_id: Annotated[str, typer.Argument(metavar="ID")]) -> None:
    """Delete a subscription."""
    with api_session(ctx) as client:
        client.delete_webhook(webhook_id)
    emit(ctx, {"id": webhook_id, "deleted": True}, f"Deleted webhook {webhook_id}.")


@webhooks_app.command("rotate-secret")
def webhooks_rotate_secret(ctx: typer.Context, webhook_id: Annotated[str, typer.Argument(metavar="ID")]) -> None:
    """A new signing secret; the old one keeps signing for 24 hours."""
    with api_session(ctx) as client:
        body = client.rotate_webhook_secret(webhook_id)
    emit(
        ctx,
        body,
        f"New signing secret (shown once): {body['secret']}\n"
        f"The previous secret works until {_short_time(body['previousSecretExpiresAt'])} UTC.",
    )


@webhooks_app.command("deliveries")
def webhooks_deliveries(ctx: typer.Context, webhook_id: Annotated[str, typer.Argument(metavar="ID")]) -> None:
    """Recent deliveries of a subscription, with their attempts."""
    with api_session(ctx) as client:
        body = client.webhook_deliveries(webhook_id)
    table = Table(title=f"deliveries of {webhook_id}")
    for column in ("id", "event", "status", "attempts", "last status code", "created"):
        table.add_column(column, overflow="fold")
    for item in body["items"]:
        attempts = item.get("attempts") or []
        last_code = attempts[-1].get("statusCode") if attempts else None
        add_row(table,
            item["id"], item["eventType"], item["status"], str(item["attemptCount"]),
            "" if last_code is None else str(last_code), _short_time(item.get("createdAt")),
        )  # fmt: skip
    emit(ctx, body, table)


def _scorecards_table(items: list[dict[str, Any]]) -> Table:
    table = Table(title="scorecards")
    for column in ("id", "name", "for", "latest", "published", "updated"):
        table.add_column(column, overflow="fold")
    for item in items:
        published = item.get("publishedVersion")
        add_row(table, item["id"], item["name"], item["for"], str(item["latestVersion"]),
                "" if published is None else str(published), _short_time(item.get("updatedAt")))  # fmt: skip
    return table


def _card_table(version: dict[str, Any]) -> Table:
    card = version["card"]
    title = f"{card['name']} — version {version['version']} ({version['status']}), pass at {card['passThreshold']:g}"
    table = Table(title=title)
    for column in ("criterion", "weight", "speaker", "flags"):
        table.add_column(column, overflow="fold")
    for criterion in card["criteria"]:
        flags = ", ".join(flag for flag in ("mustNot", "critical") if criterion.get(flag))
        add_row(table, criterion["name"], f"{criterion['weight']:g}", criterion.get("speaker") or "anyone", flags)
    return table


def _read_card(ctx: typer.Context, path: Path) -> dict[str, Any]:
    """A card from a JSON file: a built-in card, or a version as `scorecards show ID VERSION --json` prints it."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise fail(f"Cannot read a JSON card from {path}: {error}", ExitCode.USAGE, _options(ctx)) from None
    card = document.get("card", document) if isinstance(document, dict) else None
    if not isinstance(card, dict):
        raise fail(f"{path} does not hold a JSON object", ExitCode.USAGE, _options(ctx))
    return {key: value for key, value in card.items() if key not in ("id", "version")}  # the service sets them


@scorecards_app.command("list")
def scorecards_list(ctx: typer.Context) -> None:
    """Scorecards of your tenant, and which version evaluates which calls."""
    with api_session(ctx) as client:
        body = client.list_scorecards()
        assignments = client.list_scorecard_assignments()
    table = Table(title="assignments")
    for column in ("calls", "campaign", "scorecard", "version"):
        table.add_column(column, overflow="fold")
    for item in [*assignments["defaults"], *assignments["campaigns"]]:
        scorecard = f"{item['scorecardId']} (built-in)" if item.get("builtIn") else item["scorecardId"]
        add_row(table, item["callType"], item.get("campaignId") or "(default)", scorecard, item["version"])
    if _options(ctx).as_json:
        emit(ctx, {**body, "assignments": assignments})
    else:
        out.print(_scorecards_table(body["items"]))
        out.print(table)


@scorecards_app.command("show")
def scorecards_show(
    ctx: typer.Context,
    scorecard_id: Annotated[str, typer.Argument(metavar="ID")],
    version: Annotated[int | None, typer.Argument(help="A version: its card (all versions without).")] = None,
) -> None:
    """A scorecard's versions, or one version's card."""
    with api_session(ctx) as client:
        if version is None:
            body = client.get_scorecard(scorecard_id)
            table = Table(title=f"{body['name']} ({body['id']}, for {body['for']} calls)")
            for column in ("version", "status", "created", "published"):
                table.add_column(column)
            for item in body["versions"]:
                add_row(table, str(item["version"]), item["status"], _short_time(item["createdAt"]),
                        _short_time(item.get("publishedAt")))  # fmt: skip
            emit(ctx, body, table)
            return
        body = client.get_scorecard_version(scorecard_id, version)
    emit(ctx, body, _card_table(body))


@scorecards_app.command("create")
def scorecards_create(
    ctx: typer.Context,
    card_file: Annotated[Path, typer.Argument(metavar="CARD.json", help="The card (the built-in cards' JSON).")],
    scorecard_id: Annotated[
        str | None, typer.Option("--scorecard", metavar="ID", help="Add the card as this scorecard's next version.")
    ] = None,
) -> None:
    """A new scorecard (version 1), or with --scorecard a new version; either is a draft until published."""
    card = _read_card(ctx, card_file)
    with api_session(ctx) as client:
        if scorecard_id is None:
            created = client.create_scorecard(card)
            emit(ctx, created, f"Created scorecard {created['id']}, version 1 (draft).")
            return
        added = client.add_scorecard_version(scorecard_id, card)
    emit(ctx, added, f"Added version {added['version']} (draft) to {scorecard_id}.")


@scorecards_app.command("publish")
def scorecards_publish(
    ctx: typer.Context,
    scorecard_id: Annotated[str, typer.Argument(metavar="ID")],
    version: Annotated[int, typer.Argument(metavar="VERSION")],
) -> None:
    """Publish a version: from then on it never changes, and it can be assigned."""
    with api_session(ctx) as client:
        body = client.publish_scorecard_version(scorecard_id, version)
    emit(ctx, body, f"Version {version} of {scorecard_id} is published.")


@scorecards_app.command("assign")
def scorecards_assign(
    ctx: typer.Context,
    scorecard_id: Annotated[str, typer.Argument(metavar="ID")],
    version: Annotated[int, typer.Argument(metavar="VERSION")],
    campaign: Annotated[
        str | None, typer.Option(help="Only this campaign's calls (default: all calls of the card's type).")
    ] = None,
) -> None:
    """Evaluate a campaign's calls (or, without --campaign, all calls of the card's type) with a published version."""
    request: dict[str, Any] = {"scorecardId": scorecard_id, "version": version}
    if campaign:
        request["campaignId"] = campaign
    with api_session(ctx) as client:
        body = client.assign_scorecard(request)
    where = f"campaign {campaign}" if campaign else "the default"
    emit(ctx, body, f"{scorecard_id} version {version} now evaluates {body['callType']} calls of {where}.")


# --- reviews, agreement and backtests -----------------------------------------------------------------


def _verdicts(values: list[str], comment: str | None, options: Options) -> list[dict[str, Any]]:
    criteria = []
    for value in values:
        criterion, sep, verdict = value.partition("=")
        if not sep or not criterion or not verdict:
            raise fail(
                f"--verdict {value!r}: write it as CRITERION=VERDICT, e.g. greeting=fail.", ExitCode.USAGE, options
            )
        criteria.append({"criterionId": criterion, "verdict": verdict, **({"comment": comment} if comment else {})})
    return criteria


@app.command()
def review(
    ctx: typer.Context,
    audio_file_id: Annotated[str, typer.Argument(metavar="ID")],
    verdict: Annotated[
        list[str],
        typer.Option("--verdict", help="CRITERION=VERDICT (pass, fail, needs_review, not_applicable); repeatable."),
    ],
    comment: Annotated[str | None, typer.Option(help="Why, for every criterion of this review.")] = None,
) -> None:
    """Record your verdicts on criteria of a call's analysis (scope audio:review)."""
    criteria = _verdicts(verdict, comment, _options(ctx))
    with api_session(ctx) as client:
        body = client.put_reviews(audio_file_id, criteria)
    table = Table(title=f"reviews of {body['audioFileId']} ({body['scorecardId']} v{body['scorecardVersion']})")
    for column in ("criterion", "machine", "reviewer's", "by", "at", "comment"):
        table.add_column(column, overflow="fold")
    for item in body["reviews"]:
        add_row(table,
            item["criterionId"], item["machineVerdict"], item["verdict"], item["reviewer"],
            _short_time(item.get("reviewedAt")), item.get("comment") or "",
        )  # fmt: skip
    emit(ctx, body, table)


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


@app.command()
def agreement(
    ctx: typer.Context,
    scorecard_id: Annotated[str, typer.Argument(metavar="SCORECARD")],
    date_from: Annotated[str | None, typer.Option("--from", help="Calls recorded on or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Calls recorded on or before (YYYY-MM-DD).")] = None,
    version: Annotated[str | None, typer.Option(help="Only reviews made against this version.")] = None,
) -> None:
    """How often machine and reviewers agree, per criterion: counts and Cohen's kappa (scope scorecards:manage)."""
    with api_session(ctx) as client:
        body = client.agreement(scorecard_id, {"from": date_from, "to": date_to, "version": version})
    table = Table(title=f"agreement on {body['scorecardId']}: {body['reviewedCalls']} reviewed calls")
    for column in ("criterion", "reviewed", "agreed", "agreement", "kappa"):
        table.add_column(column, justify="left" if column == "criterion" else "right")
    for item in [*body["criteria"], {**body["overall"], "criterionId": "overall"}]:
        shares = (_share(item.get("agreement")), _share(item.get("kappa")))
        add_row(table, item["criterionId"], item["pairs"], item["agreed"], *shares)
    emit(ctx, body, table)


def _backtest_tables(body: dict[str, Any]) -> Table:
    report = body["report"]
    overall = report["overall"]
    table = Table(
        title=f"backtest {body['id']} of {body['scorecardId']} v{body['version']}: {overall['calls']} calls, "
        f"{overall['passToFail']} pass→fail, {overall['failToPass']} fail→pass"
    )
    for column in ("criterion", "compared", "pass→fail", "fail→pass", "other changes"):
        table.add_column(column, justify="left" if column == "criterion" else "right")
    for item in report["criteria"]:
        add_row(table,
            item["criterionId"], item["compared"], item["passToFail"], item["failToPass"], item["otherChanges"],
        )  # fmt: skip
    return table


@app.command()
def backtest(
    ctx: typer.Context,
    scorecard_id: Annotated[str, typer.Argument(metavar="SCORECARD")],
    version: Annotated[str, typer.Argument(metavar="VERSION")],
    campaign: Annotated[str | None, typer.Option(help="Only calls of this campaign.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Calls recorded on or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Calls recorded on or before (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(help="At most this many calls, newest first.")] = 100,
    job: Annotated[str | None, typer.Option("--job", help="Follow this backtest instead of starting one.")] = None,
    wait: Annotated[bool, typer.Option(help="Follow the job to its report.")] = True,
    poll_seconds: Annotated[float, typer.Option(hidden=True)] = 1.0,
) -> None:
    """Re-score stored calls with a scorecard version; report what would flip (scope scorecards:manage)."""
    request = {"campaignId": campaign, "from": date_from, "to": date_to, "limit": limit}
    with api_session(ctx) as client:
        if job:
            body = client.backtest(scorecard_id, version, job)
        else:
            body = client.create_backtest(scorecard_id, version, {k: v for k, v in request.items() if v is not None})
        while wait and body["status"] in ("queued", "running"):
            progress = body["progress"]
            err.print(f"{body['id']}: {body['status']} {progress['done']}/{progress['total']}", highlight=False)
            time.sleep(poll_seconds)
            body = client.backtest(scorecard_id, version, body["id"])
    if body["status"] == "completed" and body.get("report"):
        emit(ctx, body, _backtest_tables(body))
    else:
        emit(ctx, body, f"{body['id']}: {body['status']}")
    if body["status"] == "failed":
        raise typer.Exit(int(ExitCode.PROCESSING_FAILED))


def main() -> None:
    app()
