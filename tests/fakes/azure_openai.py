"""A local stand-in for an Azure OpenAI chat-completions deployment, for integration tests.

It follows the documented request and response shapes: ``POST
/openai/deployments/{deployment}/chat/completions?api-version=...`` authenticated by an ``api-key`` or an
``Authorization: Bearer`` header, with ``response_format`` of type ``json_schema`` in strict mode. It
refuses what the real service refuses (wrong deployment, missing api-version, bad key, a schema that is
not strict-valid) with the service's error shapes, and otherwise answers with a completion computed
naively from the request: for each scorecard criterion it searches the numbered transcript segments for
the criterion's example phrases. The answer is checked against the request's own schema before it is
sent, so a fake that drifts from the engine's schema fails loudly.

Faults can be scripted for the next N calls: throttling with ``Retry-After``/``retry-after-ms``, server
errors, bad requests, a filtered prompt, a ``content_filter`` finish, a refusal, a truncated reply,
invalid JSON or JSON that does not match the schema.
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any, Literal
from urllib.parse import parse_qs, urlsplit

from tests.fakes.server import LoopbackServer

FaultKind = Literal[
    "throttle",
    "server_error",
    "bad_request",
    "unauthorized",
    "prompt_filtered",
    "content_filter",
    "refusal",
    "truncated",
    "invalid_json",
    "schema_mismatch",
]

MODEL_NAME = "gpt-4o-2024-08-06"
# Keywords the documented strict mode does not support (structured outputs "unsupported keywords").
UNSUPPORTED_STRICT_KEYWORDS = frozenset(
    {
        "minLength",
        "maxLength",
        "pattern",
        "format",
        "minimum",
        "maximum",
        "multipleOf",
        "patternProperties",
        "unevaluatedProperties",
        "propertyNames",
        "minProperties",
        "maxProperties",
        "unevaluatedItems",
        "contains",
        "minContains",
        "maxContains",
        "minItems",
        "maxItems",
        "uniqueItems",
    }
)
_SEGMENT_LINE = re.compile(r"^\[(\d+)\] (.+?) (\d+(?:\.\d+)?)s-(\d+(?:\.\d+)?)s: (.*)$")
# Speakers without a role (mono audio), as the system prompt describes them: they may be anyone.
_NO_ROLE = re.compile(r"speaker(?: \d+)?")
_SCORECARD_BLOCK = re.compile(r"<scorecard>\n(.*?)\n</scorecard>", re.DOTALL)
_SCHEMA_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@dataclass
class Fault:
    kind: FaultKind
    retry_after: str | None = None  # Retry-After header value (seconds or an HTTP date)
    retry_after_ms: str | None = None  # Azure OpenAI's retry-after-ms header value
    status: int = 500  # for server_error


@dataclass
class RecordedRequest:
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: Any


@dataclass
class FakeAzureOpenAI:
    """Use as a context manager; ``endpoint`` is the base URL to give the engine."""

    deployment: str = "gpt-4o-eval"
    api_version: str = "2024-10-21"
    api_key: str | None = "fake-azure-openai-key"
    bearer_token: str | None = None
    # Replace the naive answer: receives the request body, returns the object to send as content.
    answer: Callable[[dict[str, Any]], dict[str, Any]] | None = None
    requests: list[RecordedRequest] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # answers the fake could not make schema-valid
    _faults: deque[Fault] = field(default_factory=deque)
    _server: LoopbackServer | None = None

    # -- lifecycle -----------------------------------------------------------------------------------

    def __enter__(self) -> FakeAzureOpenAI:
        self._server = LoopbackServer(_handler_for(self), name="fake-azure-openai").start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        assert self._server is not None
        self._server.stop()

    @property
    def endpoint(self) -> str:
        assert self._server is not None, "start the fake with 'with FakeAzureOpenAI() as fake:'"
        return self._server.origin

    def fail(self, kind: FaultKind, *, times: int = 1, **options: Any) -> None:
        """Answer the next ``times`` valid requests with a fault instead of a completion."""
        for _ in range(times):
            self._faults.append(Fault(kind, **options))

    # -- request handling ----------------------------------------------------------------------------

    def handle(self, method: str, path: str, headers: dict[str, str], raw_body: bytes) -> _Reply:
        parts = urlsplit(path)
        query = parse_qs(parts.query)
        try:
            body = json.loads(raw_body or b"null")
        except ValueError:
            body = None
        self.requests.append(RecordedRequest(parts.path, query, headers, body))

        if method != "POST" or parts.path != f"/openai/deployments/{self.deployment}/chat/completions":
            return _error(404, "DeploymentNotFound", "The API deployment for this resource does not exist.")
        if query.get("api-version") != [self.api_version]:
            return _error(404, "404", "Resource not found")
        if not self._authorized(headers):
            return _error(
                401,
                "401",
                "Access denied due to invalid subscription key or wrong API endpoint.",
            )
        problem = request_problem(body)
        if problem:
            return _error(400, None, problem, param="response_format", error_type="invalid_request_error")

        if self._faults:
            return _fault_reply(self._faults.popleft())

        content = self.answer(body) if self.answer else naive_answer(body)
        schema = body["response_format"]["json_schema"]["schema"]
        mismatches = instance_problems(schema, content)
        if mismatches:
            self.problems.extend(mismatches)
            return _error(500, "InternalServerError", "the fake produced an answer that violates the schema")
        return _completion(json.dumps(content), finish_reason="stop")

    def _authorized(self, headers: dict[str, str]) -> bool:
        if self.api_key is not None and headers.get("api-key") == self.api_key:
            return True
        return self.bearer_token is not None and headers.get("authorization") == f"Bearer {self.bearer_token}"


@dataclass
class _Reply:
    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)


def _handler_for(fake: FakeAzureOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            raw_body = self.rfile.read(length) if length else b""
            headers = {name.lower(): value for name, value in self.headers.items()}
            reply = fake.handle(self.command, self.path, headers, raw_body)
            payload = json.dumps(reply.body).encode()
            self.send_response(reply.status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(payload)))
            self.send_header("apim-request-id", f"fake-{len(fake.requests)}")
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)

        # The method names http.server dispatches to.
        do_POST = _serve
        do_GET = _serve

        def log_message(self, format: str, *args: Any) -> None:  # quiet test output
            return

    return Handler


# --- shapes of the service's replies ----------------------------------------------------------------


def _error(
    status: int,
    code: str | None,
    message: str,
    *,
    param: str | None = None,
    error_type: str | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> _Reply:
    error: dict[str, Any] = {"code": code, "message": message}
    if param is not None:
        error["param"] = param
    if error_type is not None:
        error["type"] = error_type
    error.update(extra or {})
    return _Reply(status, {"error": error}, headers or {})


def _filter_results(filtered: bool) -> dict[str, Any]:
    severity = "high" if filtered else "safe"
    return {
        "hate": {"filtered": False, "severity": "safe"},
        "self_harm": {"filtered": False, "severity": "safe"},
        "sexual": {"filtered": False, "severity": "safe"},
        "violence": {"filtered": filtered, "severity": severity},
    }


def _completion(
    content: str | None, *, finish_reason: str, refusal: str | None = None, filtered: bool = False
) -> _Reply:
    return _Reply(
        200,
        {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": 1_714_564_800,
            "model": MODEL_NAME,
            "system_fingerprint": "fp_fake",
            "prompt_filter_results": [{"prompt_index": 0, "content_filter_results": _filter_results(False)}],
            "choices": [
                {
                    "index": 0,
                    "finish_reason": finish_reason,
                    "logprobs": None,
                    "message": {"role": "assistant", "content": content, "refusal": refusal},
                    "content_filter_results": _filter_results(filtered),
                }
            ],
            "usage": {"prompt_tokens": 900, "completion_tokens": 300, "total_tokens": 1200},
        },
    )


def _fault_reply(fault: Fault) -> _Reply:
    if fault.kind == "throttle":
        headers = {}
        if fault.retry_after is not None:
            headers["retry-after"] = fault.retry_after
        if fault.retry_after_ms is not None:
            headers["retry-after-ms"] = fault.retry_after_ms
        return _error(
            429,
            "429",
            "Requests to the ChatCompletions_Create Operation under Azure OpenAI API have exceeded "
            "token rate limit of your current AIServices S0 pricing tier.",
            headers=headers,
        )
    if fault.kind == "server_error":
        return _error(fault.status, "InternalServerError", "The server had an error processing your request.")
    if fault.kind == "bad_request":
        return _error(400, "BadRequest", "Invalid request.", error_type="invalid_request_error")
    if fault.kind == "unauthorized":
        return _error(401, "401", "Access denied due to invalid subscription key or wrong API endpoint.")
    if fault.kind == "prompt_filtered":
        return _error(
            400,
            "content_filter",
            "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
            param="prompt",
            extra={
                "status": 400,
                "innererror": {
                    "code": "ResponsibleAIPolicyViolation",
                    "content_filter_result": _filter_results(True),
                },
            },
        )
    if fault.kind == "content_filter":
        return _completion(None, finish_reason="content_filter", filtered=True)
    if fault.kind == "refusal":
        return _completion(None, finish_reason="stop", refusal="I'm sorry, I can't help with that request.")
    if fault.kind == "truncated":
        return _completion('{"criteria": [{"criterion_id": "gree', finish_reason="length")
    if fault.kind == "invalid_json":
        return _completion("{this is not json", finish_reason="stop")
    # schema_mismatch: valid JSON, wrong shape (what a non-strict deployment might return).
    return _completion(json.dumps({"criteria": "all good", "summary": []}), finish_reason="stop")


# --- request validation -----------------------------------------------------------------------------


def request_problem(body: Any) -> str | None:
    """Why the service would reject this chat-completions body, or None."""
    if not isinstance(body, dict):
        return "The request body is not valid JSON."
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        return "'messages' is a required property"
    for message in messages:
        if not isinstance(message, dict) or message.get("role") not in ("system", "user", "assistant", "developer"):
            return "Invalid message role."
        if not isinstance(message.get("content"), str):
            return "Invalid message content."
    response_format = body.get("response_format")
    if not isinstance(response_format, dict) or response_format.get("type") != "json_schema":
        return "response_format of type json_schema is required by this fake"
    json_schema = response_format.get("json_schema")
    if not isinstance(json_schema, dict):
        return "Missing required parameter: 'response_format.json_schema'."
    if not isinstance(json_schema.get("name"), str) or not _SCHEMA_NAME.match(json_schema["name"]):
        return "Invalid 'response_format.json_schema.name'."
    if json_schema.get("strict") is not True:
        return "this fake expects strict structured outputs"
    schema = json_schema.get("schema")
    if not isinstance(schema, dict) or schema.get("type") != "object":
        return f"Invalid schema for response_format '{json_schema['name']}': the root must be an object."
    problems = strict_problems(schema, schema, "root")
    if problems:
        return f"Invalid schema for response_format '{json_schema['name']}': {problems[0]}"
    return None


def _resolve(root: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    reference = node.get("$ref")
    if not isinstance(reference, str):
        return node
    name = reference.removeprefix("#/$defs/")
    target: dict[str, Any] = root.get("$defs", {}).get(name, {})
    return target


def strict_problems(root: dict[str, Any], node: dict[str, Any], context: str) -> list[str]:
    """Strict-mode rules: objects close with additionalProperties false and require every property."""
    node = _resolve(root, node)
    problems = [
        f"In context={context}, '{keyword}' is not permitted." for keyword in UNSUPPORTED_STRICT_KEYWORDS & set(node)
    ]
    if node.get("type") == "object" or "properties" in node:
        properties = node.get("properties", {})
        if node.get("additionalProperties") is not False:
            problems.append(f"In context={context}, 'additionalProperties' is required to be supplied and to be false.")
        missing = sorted(set(properties) - set(node.get("required", [])))
        if missing:
            problems.append(
                f"In context={context}, 'required' is required to be supplied and to be an array including "
                f"every key in properties. Missing '{missing[0]}'."
            )
        for name, child in properties.items():
            problems += strict_problems(root, child, f"{context}.{name}")
    if isinstance(node.get("items"), dict):
        problems += strict_problems(root, node["items"], f"{context}[]")
    for position, child in enumerate(node.get("anyOf", [])):
        problems += strict_problems(root, child, f"{context}.anyOf[{position}]")
    for definition_name, definition in root.get("$defs", {}).items() if node is root else []:
        problems += strict_problems(root, definition, f"$defs.{definition_name}")
    return problems


_JSON_TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "string": lambda value: isinstance(value, str),
    "integer": lambda value: isinstance(value, int) and not isinstance(value, bool),
    "number": lambda value: isinstance(value, int | float) and not isinstance(value, bool),
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
}


def instance_problems(
    schema: dict[str, Any], value: Any, root: dict[str, Any] | None = None, path: str = "$"
) -> list[str]:
    """A small validator for the strict subset: type, enum, properties/required, items, anyOf."""
    root = root or schema
    schema = _resolve(root, schema)
    if "anyOf" in schema:
        if any(not instance_problems(option, value, root, path) for option in schema["anyOf"]):
            return []
        return [f"{path}: matches no anyOf option"]
    expected = schema.get("type")
    types = expected if isinstance(expected, list) else [expected] if expected else []
    if types and not any(_JSON_TYPES[name](value) for name in types):
        return [f"{path}: expected {expected}"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{path}: {value!r} not in enum"]
    problems: list[str] = []
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for name in set(value) - set(properties):
            problems.append(f"{path}.{name}: not allowed")
        for name in schema.get("required", []):
            if name not in value:
                problems.append(f"{path}.{name}: missing")
        for name, child in properties.items():
            if name in value:
                problems += instance_problems(child, value[name], root, f"{path}.{name}")
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        for position, item in enumerate(value):
            problems += instance_problems(schema["items"], item, root, f"{path}[{position}]")
    return problems


# --- the naive evaluator ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Segment:
    index: int
    speaker: str
    start_s: float
    end_s: float
    text: str


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text.lower()).split())


def parse_user_prompt(body: dict[str, Any]) -> tuple[dict[str, Any], list[_Segment]]:
    """The scorecard and segments the engine sent in its user message."""
    user = next(message["content"] for message in body["messages"] if message["role"] == "user")
    match = _SCORECARD_BLOCK.search(user)
    scorecard = json.loads(match.group(1)) if match else {"criteria": []}
    segments = [
        _Segment(int(found[1]), found[2], float(found[3]), float(found[4]), found[5])
        for line in user.splitlines()
        if (found := _SEGMENT_LINE.match(line))
    ]
    return scorecard, segments


def naive_answer(body: dict[str, Any]) -> dict[str, Any]:
    """What a (very literal) model would answer: substring search for each criterion's examples."""
    scorecard, segments = parse_user_prompt(body)
    duration = max((segment.end_s for segment in segments), default=0.0)
    findings = []
    for criterion in scorecard["criteria"]:
        speaker = criterion.get("speaker", "anyone")
        evidence = []
        for segment in segments:
            if speaker not in ("anyone", segment.speaker) and not _NO_ROLE.fullmatch(segment.speaker):
                continue
            if "withinFirstSeconds" in criterion and segment.start_s > criterion["withinFirstSeconds"]:
                continue
            if "withinLastSeconds" in criterion and segment.end_s < duration - criterion["withinLastSeconds"]:
                continue
            text = _plain(segment.text)
            phrase = next((p for p in criterion["examplePhrases"] if f" {_plain(p)} " in f" {text} "), None)
            if phrase is not None:
                evidence.append({"segment_index": segment.index, "quote": _plain(phrase)})
        if "withinLastSeconds" in criterion:
            evidence.reverse()
        evidence = evidence[:2]
        violated_or_done = bool(evidence)
        findings.append(
            {
                "criterion_id": criterion["id"],
                "passed": not violated_or_done if criterion.get("mustNot") else violated_or_done,
                "reason": "found an example phrase" if evidence else "no example phrase found",
                "evidence": evidence,
            }
        )
    speakers = sorted({segment.speaker for segment in segments})
    customer = [segment for segment in segments if segment.speaker == "customer"]
    summary = []
    if customer:
        summary.append({"text": "The customer explained why they called.", "segment_indexes": [customer[0].index]})
    return {
        "criteria": findings,
        "sentiment": {
            "overall": "positive",
            "by_speaker": [
                {"speaker": speaker, "label": "positive" if speaker == "agent" else "neutral"} for speaker in speakers
            ],
        },
        "summary": summary,
    }
