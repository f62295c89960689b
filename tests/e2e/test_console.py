"""The review console and the API reference in a real headless browser (Debian's chromium, driven by Playwright).

The browser does what a reviewer does: signs in with a development token, drops a generated call on the page,
watches it reach `completed`, opens it, plays it and seeks from a finding and from a word. Screenshots of the
list and the call page go to docs/ for the README.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect, sync_playwright

from scripts.dev import allow_browser_uploads
from scripts.sample_calls import SampleCalls
from shared.auth import SCOPES
from tests.conftest import token_for
from tests.e2e.conftest import REPO_ROOT, LiveService, upload_file
from tests.waiting import wait_for

pytestmark = pytest.mark.e2e

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--autoplay-policy=no-user-gesture-required",
]  # fmt: skip
DOCS = REPO_ROOT / "docs"
# Seeks land on the requested time give or take one audio frame and the player's rounding.
SEEK_TOLERANCE_MS = 60


@pytest.fixture(scope="module")
def browser(live: LiveService, storage_connection_string: str) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is missing: run scripts/install-system-deps.sh")
    allow_browser_uploads(storage_connection_string)  # what `make run` does, and Bicep in Azure
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page_errors() -> list[str]:
    """Script errors, CSP violations and failed requests of the page; a test that expects one removes it."""
    return []


@pytest.fixture
def page(browser: Browser, page_errors: list[str]) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors = page_errors
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    opened.on("response", lambda reply: errors.append(f"{reply.status} {reply.url}") if reply.status >= 400 else None)
    yield opened
    context.close()
    assert errors == [], errors  # no script errors and no CSP violations


def drop_file(page: Page, path: Path, content_type: str) -> None:
    """A real drop event on the drop zone, carrying the file as a browser File."""
    data_transfer = page.evaluate_handle(
        """([name, type, data]) => {
            const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], name, { type }));
            return transfer;
        }""",
        [path.name, content_type, base64.b64encode(path.read_bytes()).decode()],
    )
    page.dispatch_event("#drop-zone", "drop", {"dataTransfer": data_transfer})


def player_ms(page: Page) -> int:
    return int(page.get_attribute("#time", "data-ms") or -1)


def expect_player_at(page: Page, wanted_ms: int) -> None:
    """Poll the player's own time from Python (the page's CSP forbids the eval that wait_for_function uses)."""
    wait_for(
        lambda: abs(player_ms(page) - wanted_ms) <= SEEK_TOLERANCE_MS,
        10,
        interval=0.1,
        message=lambda: f"the player is at {player_ms(page)} ms, not {wanted_ms}",
    )


def test_a_reviewer_uploads_a_call_and_reviews_it(live: LiveService, page: Page, sample_calls: SampleCalls) -> None:
    page.goto(f"{live.origin}/console#token={token_for('console-tenant', SCOPES)}")
    expect(page.locator("#list-view")).to_be_visible()
    expect(page.locator("#signed-out")).to_be_hidden()
    assert "token=" not in page.url  # taken into memory, not left in the address bar or history
    assert page.evaluate("localStorage.length + sessionStorage.length + document.cookie.length") == 0

    page.fill("#upload-campaign", "console-demo")
    drop_file(page, sample_calls.support_call, "audio/wav")
    upload = page.locator("#uploads li").first
    expect(upload.locator("progress")).to_have_attribute("value", "100", timeout=30_000)

    row = page.locator("#calls tr[data-id]").first
    expect(row).to_contain_text(sample_calls.support_call.name)
    # The chip follows processing on its own (transcribing 40 s takes seconds; the list polls every 1.5 s);
    # autoProcess queued it without another call.
    expect(row.locator("[data-status=processing]")).to_be_visible(timeout=120_000)
    expect(row.locator("[data-status=completed]")).to_be_visible(timeout=240_000)
    expect(upload.locator("[data-status=completed]")).to_be_visible(timeout=10_000)
    expect(page.locator("#total")).not_to_be_empty()
    page.screenshot(path=str(DOCS / "console-list.png"))

    row.click()
    expect(page.locator("#call-view")).to_be_visible()
    expect(page.locator("#transcript .word").first).to_be_visible(timeout=30_000)
    expect(page.locator("#criteria .evidence").first).to_be_visible()
    assert page.locator("#transcript [data-speaker=agent]").count() > 0
    assert page.locator("#transcript [data-speaker=customer]").count() > 0
    expect(page.locator("#play")).to_be_enabled(timeout=30_000)

    page.click("#play")
    wait_for(lambda: player_ms(page) > 300, 15, interval=0.1, message=lambda: "the player did not play")
    expect(page.locator("#transcript .word.spoken")).to_have_count(1)
    page.click("#play")  # pause, so the checks below see where the seek put the player
    expect(page.locator("#play")).to_have_text("Play")

    evidence = page.locator("#criteria .evidence").last
    evidence_ms = int(evidence.get_attribute("data-start") or -1)
    evidence.click()
    expect_player_at(page, evidence_ms)

    word = page.locator("#transcript .word").nth(12)
    word_ms = int(word.get_attribute("data-start") or -1)
    assert abs(word_ms - evidence_ms) > 500, "pick a word away from the evidence, so the seek is visible"
    word.click()
    expect_player_at(page, word_ms)
    expect(word).to_have_class("word spoken")
    page.screenshot(path=str(DOCS / "console-call.png"), full_page=True)

    with page.expect_download() as download:
        page.click(".exports [data-format=srt]")
    assert download.value.suggested_filename.endswith(".srt")
    subtitles = Path(download.value.path()).read_text()
    assert subtitles.startswith("1\n") and " --> " in subtitles

    with page.expect_response(lambda reply: reply.url.endswith("/process")) as queued:
        page.click("#reevaluate")
    assert queued.value.status == 202
    assert queued.value.request.post_data_json == {"force": True, "stages": ["evaluation"]}
    expect(page.locator("#call-status [data-status=completed]")).to_be_visible(timeout=60_000)
    expect(page.locator("#criteria .evidence").first).to_be_visible()


def test_another_tenants_call_is_not_shown(
    live: LiveService, page: Page, page_errors: list[str], sample_calls: SampleCalls
) -> None:
    with live.client("tenant-a") as client:
        audio_file_id = upload_file(client, sample_calls.support_call)
    page.goto(f"{live.origin}/console#token={token_for('tenant-b', SCOPES)}")
    expect(page.locator("#list-view")).to_be_visible()
    expect(page.locator("#calls")).not_to_contain_text(audio_file_id)
    page.goto("about:blank")  # a fresh page: the token is gone with the old one
    page.goto(f"{live.origin}/console#/calls/{audio_file_id}")
    expect(page.locator("#list-view")).to_be_hidden()
    expect(page.locator("#signed-out")).to_be_visible()
    page.fill("#token", token_for("tenant-b", SCOPES))
    page.click("#sign-in button")
    expect(page.locator("#message")).to_have_text("No such recording.")
    expect(page.locator("#call-title")).to_be_empty()
    # The one failed request is the API's 404 for the other tenant's id (and the browser's note of it).
    assert len(page_errors) == 2 and all("404" in error for error in page_errors), page_errors
    page_errors.clear()

    page.click("#sign-out")
    expect(page.locator("#signed-out")).to_be_visible()
    expect(page.locator("#call-view")).to_be_hidden()
    expect(page.locator("#list-view")).to_be_hidden()


def test_the_api_reference_tries_a_call_with_a_pasted_token(live: LiveService, page: Page) -> None:
    page.goto(f"{live.base_url}/v1/docs")
    expect(page.locator(".opblock").first).to_be_visible(timeout=30_000)
    assert page.locator(".opblock").count() >= 20
    page.click("button.authorize")
    page.fill(".auth-container input", token_for("docs-tenant", SCOPES))
    page.click(".auth-container button.authorize")
    page.click(".btn-done")
    operation = page.locator("#operations-Audio_files-listAudioFiles")
    operation.locator(".opblock-summary").click()
    operation.locator("button.try-out__btn").click()
    operation.locator("button.execute").click()
    status = operation.locator(".live-responses-table tbody .response-col_status").first
    expect(status).to_have_text("200", timeout=15_000)


def test_page_numbers_and_the_total_come_from_the_list_counters(live: LiveService, page: Page) -> None:
    """Where the list answers totalCount/totalPages the console shows them and numbered pages; where it does
    not (the other tests) it falls back to previous/next. The real answer is extended here with the counters."""
    requested: list[str] = []

    def with_counters(route: Route) -> None:
        requested.append(route.request.url)
        answer = route.fetch()
        body = answer.json()
        route.fulfill(response=answer, json={**body, "totalCount": 237, "totalPages": 10})

    page.route("**/api/v1/audio-files?*", with_counters)
    page.goto(f"{live.origin}/console#token={token_for('pages-tenant', SCOPES)}")
    expect(page.locator("#total")).to_have_text("237 recordings · page 1 of 10")
    assert page.locator("#pages button").all_inner_texts() == ["Previous", "1", "2", "3", "10", "Next"]
    page.locator("#pages button", has_text="10").click()
    expect(page.locator("#total")).to_have_text("237 recordings · page 10 of 10")
    assert "page=10" in requested[-1]
    expect(page.locator("#pages button", has_text="Next")).to_be_disabled()
