"""A small Function App for the local host's own tests: one function per behaviour the tests prove.

Handlers record what they saw in ``calls`` (the host runs in the test process). Queue and container names and
the timer schedule come from app settings (``%SAMPLE_QUEUE%`` ...), so each test gets fresh ones.
"""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict
from typing import Any

import azure.functions as func
import azurefunctions.extensions.bindings.blob as blob_sdk_types

app = func.FunctionApp(http_auth_level=func.AuthLevel.FUNCTION)

calls: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
# Handlers told to block wait on these; tests set them to let abandoned invocations end.
release: defaultdict[str, threading.Event] = defaultdict(threading.Event)
_lock = threading.Lock()
# Queue invocations running now and the most seen at once, for the concurrency test.
concurrency = {"running": 0, "peak": 0}
HOLD_UNTIL_RUNNING = 4
_running_changed = threading.Condition(_lock)


def record(key: str, **seen: Any) -> None:
    with _lock:
        calls[key].append(seen)


def recorded(key: str) -> list[dict[str, Any]]:
    with _lock:
        return list(calls[key])


# --- HTTP --------------------------------------------------------------------------------------------------


@app.route(route="v1/audio-files/{id}", methods=["GET", "PUT"])
def get_audio_file(req: func.HttpRequest, context: func.Context) -> func.HttpResponse:
    document = {
        "function": "get_audio_file",
        "method": req.method,
        "url": req.url,
        "route_params": dict(req.route_params),
        "params": dict(req.params),
        "custom_header": req.headers.get("x-custom"),
        "body": req.get_body().decode("utf-8"),
        "invocation_id": context.invocation_id,
        "function_name": context.function_name,
    }
    return func.HttpResponse(json.dumps(document), mimetype="application/json")


@app.route(route="v1/audio-files/{id}/download-url", methods=["GET"])
def get_download_url(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse(
        json.dumps({"function": "get_download_url", "id": req.route_params["id"]}),
        mimetype="application/json",
    )


@app.route(route="v1/audio-files/search", methods=["GET"])
def search_audio_files(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse(json.dumps({"function": "search_audio_files"}), mimetype="application/json")


@app.route(route="v1/numbers/{number:int}/{label:alpha?}", methods=["GET"])
def numbers(req: func.HttpRequest) -> str:
    return json.dumps(dict(req.route_params))


@app.route(route="v1/echo", methods=["POST"])
async def echo(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse(
        req.get_body(),
        status_code=201,
        headers={"X-Request-Length": str(len(req.get_body())), "Set-Cookie": "a=1"},
        mimetype="application/octet-stream",
    )


@app.route(route="v1/cookies", methods=["GET"])
def cookies(req: func.HttpRequest) -> func.HttpResponse:
    response = func.HttpResponse("two cookies", status_code=202)
    response.headers.add("Set-Cookie", "first=1; Path=/")
    response.headers.add("Set-Cookie", "second=2; Path=/")
    return response


@app.route(route="v1/boom")
def boom(req: func.HttpRequest) -> func.HttpResponse:
    raise RuntimeError("secret internal detail")


@app.route(route="v1/wrong-return")
def wrong_return(req: func.HttpRequest) -> func.HttpResponse:
    return {"not": "a response"}  # type: ignore[return-value]


# --- Queue -------------------------------------------------------------------------------------------------


@app.queue_trigger(arg_name="msg", queue_name="%SAMPLE_QUEUE%", connection="AzureWebJobsStorage")
def process_message(msg: func.QueueMessage) -> None:
    """Message JSON: {"key": ..., "behaviour": "ok" | "fail" | "fail_until" | "block_first" | "hold"}."""
    document = json.loads(msg.get_body())
    key = document["key"]
    record(key, dequeue_count=msg.dequeue_count, message_id=msg.id, insertion_time=msg.insertion_time)
    behaviour = document.get("behaviour", "ok")
    if behaviour == "fail":
        raise RuntimeError("failing on purpose")
    if behaviour == "fail_until" and msg.dequeue_count < document["attempts"]:
        raise RuntimeError("failing until a later attempt")
    if behaviour == "block_first" and msg.dequeue_count == 1:
        release[key].wait(timeout=60)
    if behaviour == "hold":
        with _running_changed:
            concurrency["running"] += 1
            concurrency["peak"] = max(concurrency["peak"], concurrency["running"])
            _running_changed.notify_all()
            # The first invocations wait until four run at once, so reaching four does not depend on timing
            # (a host that never runs four in parallel makes them give up after 10 s, and the peak stays low).
            _running_changed.wait_for(lambda: concurrency["peak"] >= HOLD_UNTIL_RUNNING, timeout=10)
        time.sleep(0.5)  # then hold: a host running more than its bound at once would show it in the peak
        with _lock:
            concurrency["running"] -= 1


# --- Blob --------------------------------------------------------------------------------------------------


@app.blob_trigger(arg_name="blob", path="%SAMPLE_CONTAINER%/{name}", connection="AzureWebJobsStorage")
def on_blob(blob: func.InputStream) -> None:
    data = blob.read()
    record("on_blob", name=blob.name, data=data, length=blob.length, uri=blob.uri)
    if data.startswith(b"fail"):
        raise RuntimeError("failing on purpose")


@app.blob_trigger(arg_name="blob", path="%SAMPLE_CONTAINER%/wav/{name}.wav", connection="AzureWebJobsStorage")
def on_wav_blob(blob: bytes) -> None:
    record("on_wav_blob", data=blob)


@app.blob_trigger(arg_name="client", path="%SAMPLE_CONTAINER%/sdk/{name}", connection="AzureWebJobsStorage")
def on_sdk_blob(client: blob_sdk_types.BlobClient) -> None:
    # The SDK-type binding: the function gets a client and reads (or not) what it wants itself.
    record("on_sdk_blob", name=f"{client.container_name}/{client.blob_name}", size=client.get_blob_properties().size)


# --- Timer -------------------------------------------------------------------------------------------------


@app.timer_trigger(arg_name="timer", schedule="%SAMPLE_SCHEDULE%", run_on_startup=False, use_monitor=False)
def tick(timer: func.TimerRequest) -> None:
    record("tick", past_due=timer.past_due, next=getattr(timer, "schedule_status", {}).get("Next"))


@app.timer_trigger(arg_name="timer", schedule="0 0 0 1 1 *", run_on_startup=True, use_monitor=False)
@app.retry(strategy="fixed_delay", max_retry_count="2", delay_interval="00:00:00.200")
async def flaky_startup_tick(timer: func.TimerRequest, context: func.Context) -> None:
    retry_count = context.retry_context.retry_count
    record("flaky_startup_tick", retry_count=retry_count)
    if retry_count < 2:
        raise RuntimeError("failing until the last retry")
