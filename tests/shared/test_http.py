"""The HTTP adapter: problem+json answers, body and query parsing, error mapping and authenticated endpoints."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import azure.functions as func
import pytest
from azure.core.exceptions import (
    HttpResponseError,
    ResourceNotFoundError,
    ServiceRequestError,
    ServiceResponseError,
    ServiceResponseTimeoutError,
)
from pydantic import Field

import shared.http
from shared.auth import LocalTokenValidator, Principal, mint_dev_token
from shared.dependencies import reset_dependencies
from shared.errors import (
    BadRequest,
    Forbidden,
    NotFound,
    PayloadTooLarge,
    ServiceError,
    ServiceUnavailable,
    Unauthorized,
    UnsupportedMediaType,
    ValidationFailed,
)
from shared.http import (
    MAX_JSON_BODY_BYTES,
    PROBLEM_TYPE_BASE,
    api_endpoint,
    handle_errors,
    json_response,
    parse_json_body,
    parse_query,
    problem_response,
    text_response,
)
from shared.models.api import ListAudioFilesQuery, ProcessRequest
from shared.models.base import StrictRequest, WireModel
from tests.settings import clear_settings_environment

pytestmark = pytest.mark.unit

SECRET = "http-test-secret-" + "z" * 40
TENANT = "tenant-a"


class Sample(StrictRequest):
    display_name: str
    max_count: int = Field(default=1, ge=1)
    tags: list[str] = Field(default_factory=list)


class SampleBody(WireModel):
    audio_file_id: str
    note: str | None = None


def request(
    body: bytes | str = b"",
    *,
    method: str = "POST",
    headers: dict[str, str] | None = None,
    params: dict[str, str] | None = None,
) -> func.HttpRequest:
    return func.HttpRequest(
        method,
        "http://localhost/api/audio-files",
        headers=headers if headers is not None else {"Content-Type": "application/json"},
        params=params or {},
        body=body.encode() if isinstance(body, str) else body,
    )


def problem(response: func.HttpResponse) -> dict[str, Any]:
    assert response.mimetype == "application/problem+json"
    body = json.loads(response.get_body())
    assert isinstance(body, dict)
    return body


# --------------------------------------------------------------------------------------------------------------------
# Responses
# --------------------------------------------------------------------------------------------------------------------


class TestProblemResponse:
    def test_body_shape(self) -> None:
        response = problem_response(NotFound("No audio file af_1 in this tenant.", code="audio_file_not_found"))
        assert response.status_code == 404
        assert response.charset == "utf-8"
        assert problem(response) == {
            "type": f"{PROBLEM_TYPE_BASE}audio_file_not_found",
            "title": "Not Found",
            "status": 404,
            "detail": "No audio file af_1 in this tenant.",
            "code": "audio_file_not_found",
        }

    def test_default_code_and_extra_members(self) -> None:
        response = problem_response(BadRequest("Nope.", extra={"errors": [{"field": "x", "message": "bad"}]}))
        body = problem(response)
        assert body["code"] == "bad_request"
        assert body["type"] == "urn:audio-files:problem:bad_request"
        assert body["errors"] == [{"field": "x", "message": "bad"}]

    def test_security_and_error_headers(self) -> None:
        response = problem_response(ServiceUnavailable("Busy.", headers={"Retry-After": "5"}))
        assert response.status_code == 503
        assert response.headers["Retry-After"] == "5"
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "WWW-Authenticate" not in response.headers

    def test_missing_token_challenge(self) -> None:
        response = problem_response(Unauthorized("Send a bearer token.", code="missing_token"))
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"] == "Bearer"

    def test_invalid_token_challenge(self) -> None:
        response = problem_response(Unauthorized('The "token" has expired.', code="token_expired"))
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"] == (
            'Bearer error="invalid_token", error_description="The \'token\' has expired."'
        )
        assert problem(response)["detail"] == 'The "token" has expired.'

    def test_forbidden_challenge(self) -> None:
        response = problem_response(Forbidden("The token does not grant the 'audio:write' scope."))
        assert response.status_code == 403
        assert response.headers["WWW-Authenticate"] == 'Bearer error="insufficient_scope"'
        assert problem(response)["code"] == "insufficient_scope"


class TestJsonAndTextResponses:
    def test_json_response_of_a_wire_model_is_camel_case_without_nulls(self) -> None:
        response = json_response(SampleBody(audio_file_id="af_1"), status=201, headers={"Location": "/x"})
        assert response.status_code == 201
        assert response.mimetype == "application/json"
        assert json.loads(response.get_body()) == {"audioFileId": "af_1"}
        assert response.headers["Location"] == "/x"
        assert response.headers["Cache-Control"] == "no-store"

    def test_json_response_keeps_unicode(self) -> None:
        response = json_response({"name": "Zoë"})
        assert "Zoë" in response.get_body().decode("utf-8")

    def test_text_response(self) -> None:
        response = text_response("WEBVTT\n", "text/vtt")
        assert response.status_code == 200
        assert response.mimetype == "text/vtt"
        assert response.get_body() == b"WEBVTT\n"
        assert response.headers["X-Content-Type-Options"] == "nosniff"


# --------------------------------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------------------------------


class TestParseJsonBody:
    def test_valid_body(self) -> None:
        model = parse_json_body(request('{"displayName": "a", "maxCount": 3}'), Sample)
        assert model == Sample(display_name="a", max_count=3)

    @pytest.mark.parametrize(
        "content_type",
        ["application/json", "application/json; charset=utf-8", "Application/JSON", "application/merge-patch+json"],
    )
    def test_json_content_types(self, content_type: str) -> None:
        model = parse_json_body(request('{"displayName": "a"}', headers={"Content-Type": content_type}), Sample)
        assert model.display_name == "a"

    @pytest.mark.parametrize(
        "body",
        [
            '{"displayName": "a", "maxCount": "3"}',  # a number as text
            '{"displayName": "a", "maxCount": 3.0}',  # a float where an integer is documented
            '{"displayName": 7}',  # a number where text is documented
        ],
    )
    def test_json_types_are_taken_as_documented(self, body: str) -> None:
        with pytest.raises(BadRequest) as excinfo:
            parse_json_body(request(body), Sample)
        assert excinfo.value.code == "validation_error"

    def test_missing_content_type_is_read_as_json(self) -> None:
        assert parse_json_body(request('{"displayName": "a"}', headers={}), Sample).display_name == "a"

    @pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"])
    def test_wrong_content_type(self, content_type: str) -> None:
        with pytest.raises(UnsupportedMediaType) as excinfo:
            parse_json_body(request('{"displayName": "a"}', headers={"Content-Type": content_type}), Sample)
        assert excinfo.value.status == 415

    @pytest.mark.parametrize("body", ['{"displayName": ', "{'displayName': 'a'}", "nul", b'{"displayName": "\xff"}'])
    def test_malformed_json(self, body: str | bytes) -> None:
        with pytest.raises(BadRequest) as excinfo:
            parse_json_body(request(body), Sample)
        assert excinfo.value.status == 400
        assert excinfo.value.code == "malformed_json"

    def test_deeply_nested_json_is_a_bad_request(self) -> None:
        with pytest.raises(BadRequest) as excinfo:
            parse_json_body(request("[" * 50_000), Sample)
        assert excinfo.value.code == "malformed_json"

    @pytest.mark.parametrize("body", ["[1, 2]", '"text"', "null", "42", "true"])
    def test_non_object_json(self, body: str) -> None:
        with pytest.raises(BadRequest) as excinfo:
            parse_json_body(request(body), Sample)
        assert excinfo.value.code == "malformed_json"
        assert "JSON object" in excinfo.value.detail

    def test_too_large(self) -> None:
        body = '{"displayName": "' + "a" * MAX_JSON_BODY_BYTES + '"}'
        with pytest.raises(PayloadTooLarge) as excinfo:
            parse_json_body(request(body), Sample)
        assert excinfo.value.status == 413
        assert excinfo.value.code == "body_too_large"

    def test_largest_accepted_body(self) -> None:
        body = '{"displayName": "a"}'
        body += " " * (MAX_JSON_BODY_BYTES - len(body))
        assert parse_json_body(request(body), Sample).display_name == "a"

    def test_size_is_checked_before_content_type(self) -> None:
        with pytest.raises(PayloadTooLarge):
            parse_json_body(request(b"x" * (MAX_JSON_BODY_BYTES + 1), headers={"Content-Type": "text/plain"}), Sample)

    @pytest.mark.parametrize("body", [b"", b"  \n "])
    def test_empty_body(self, body: bytes) -> None:
        with pytest.raises(BadRequest) as excinfo:
            parse_json_body(request(body), Sample)
        assert excinfo.value.status == 400
        assert excinfo.value.code == "missing_body"

    def test_empty_body_allowed_gives_defaults(self) -> None:
        model = parse_json_body(request(b""), ProcessRequest, allow_empty=True)
        assert model == ProcessRequest()
        assert model.force is False and model.stages is None

    def test_allow_empty_still_parses_a_body(self) -> None:
        model = parse_json_body(request('{"force": true}'), ProcessRequest, allow_empty=True)
        assert model.force is True

    def test_unknown_field_is_listed_by_its_name(self) -> None:
        with pytest.raises(ValidationFailed) as excinfo:
            parse_json_body(request('{"displayName": "a", "colour": "red"}'), Sample)
        error = excinfo.value
        assert error.status == 400
        assert error.code == "validation_error"
        assert error.extra["errors"] == [{"field": "colour", "message": "is not a known field"}]
        assert error.detail == "Invalid request body: colour: is not a known field"

    def test_invalid_fields_are_listed_by_camel_case_names(self) -> None:
        with pytest.raises(ValidationFailed) as excinfo:
            parse_json_body(request('{"maxCount": 0, "tags": ["ok", 5]}'), Sample)
        fields = [item["field"] for item in excinfo.value.extra["errors"]]
        assert sorted(fields) == ["displayName", "maxCount", "tags.1"]
        assert "display_name" not in excinfo.value.detail

    def test_validation_error_does_not_echo_the_input(self) -> None:
        with pytest.raises(ValidationFailed) as excinfo:
            parse_json_body(request('{"displayName": "a", "maxCount": "hunter2-secret"}'), Sample)
        assert "hunter2-secret" not in json.dumps({"detail": excinfo.value.detail, **excinfo.value.extra})

    def test_value_error_prefix_is_removed(self) -> None:
        with pytest.raises(ValidationFailed) as excinfo:
            parse_json_body(request('{"stages": ["publishing"]}'), ProcessRequest)
        [item] = excinfo.value.extra["errors"]
        assert item["field"] == "stages.0"
        assert not item["message"].startswith("Value error")


class TestParseQuery:
    def test_valid_query(self) -> None:
        query = parse_query(request(params={"page": "2", "pageSize": "10", "isAICall": "true"}), ListAudioFilesQuery)
        assert (query.page, query.page_size, query.is_ai_call) == (2, 10, True)

    def test_no_parameters_give_defaults(self) -> None:
        assert parse_query(request(), ListAudioFilesQuery) == ListAudioFilesQuery()

    def test_invalid_and_unknown_parameters(self) -> None:
        with pytest.raises(ValidationFailed) as excinfo:
            parse_query(request(params={"pageSize": "500", "sort": "name"}), ListAudioFilesQuery)
        assert excinfo.value.status == 400
        assert excinfo.value.detail.startswith("Invalid query parameters: ")
        errors = {item["field"]: item["message"] for item in excinfo.value.extra["errors"]}
        assert set(errors) == {"pageSize", "sort"}
        assert errors["sort"] == "is not a known field"

    def test_model_level_error_names_the_query(self) -> None:
        with pytest.raises(ValidationFailed) as excinfo:
            parse_query(request(params={"dateFrom": "2024-05-02", "dateTo": "2024-05-01"}), ListAudioFilesQuery)
        assert excinfo.value.extra["errors"] == [
            {"field": "query parameters", "message": "dateFrom must not be after dateTo"}
        ]


# --------------------------------------------------------------------------------------------------------------------
# Error mapping
# --------------------------------------------------------------------------------------------------------------------


def raising(error: BaseException) -> Any:
    def call() -> func.HttpResponse:
        raise error

    return call


def http_response_error(status: int) -> HttpResponseError:
    error = HttpResponseError(message="The specified resource does not exist. AccountKey=topsecret")
    error.status_code = status
    return error


class TestHandleErrors:
    def test_success_passes_through(self) -> None:
        response = handle_errors(lambda: json_response({"ok": True}), "op")
        assert response.status_code == 200

    def test_service_error_becomes_its_problem(self) -> None:
        response = handle_errors(raising(Forbidden("No.")), "op")
        assert response.status_code == 403
        assert problem(response)["detail"] == "No."

    def test_unexpected_error_is_a_generic_500(self, caplog: pytest.LogCaptureFixture) -> None:
        with caplog.at_level(logging.ERROR, logger="shared.http"):
            response = handle_errors(raising(RuntimeError("db password=hunter2 at /srv/app.py")), "list_files")
        assert response.status_code == 500
        body = problem(response)
        assert body["code"] == "internal_error"
        assert body["status"] == 500
        assert body["detail"] == "An unexpected error occurred."
        assert "hunter2" not in response.get_body().decode()
        assert "RuntimeError" not in response.get_body().decode()
        assert any("list_files" in record.getMessage() for record in caplog.records)

    @pytest.mark.parametrize(
        "error",
        [
            ServiceRequestError("connection refused to 127.0.0.1:10000"),
            ServiceResponseError("connection reset"),
            ServiceResponseTimeoutError("read timed out"),
        ],
    )
    def test_storage_unreachable_is_503(self, error: Exception) -> None:
        response = handle_errors(raising(error), "op")
        assert response.status_code == 503
        assert response.headers["Retry-After"] == "5"
        body = problem(response)
        assert body["code"] == "storage_unavailable"
        assert "127.0.0.1" not in body["detail"]

    @pytest.mark.parametrize("code", ["TableNotFound", "ContainerNotFound", "QueueNotFound"])
    def test_a_missing_table_container_or_queue_is_503_and_restored(
        self, code: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        restored: list[BaseException] = []

        class Resources:
            def restore_after(self, error: BaseException) -> bool:
                restored.append(error)
                return True

        class Deps:
            resources = Resources()

        monkeypatch.setattr(shared.http, "get_dependencies", Deps)
        error = ResourceNotFoundError(message="The specified queue does not exist.")
        error.status_code, error.error_code = 404, code
        response = handle_errors(raising(error), "request_processing")
        assert response.status_code == 503
        assert response.headers["Retry-After"] == "5"
        assert problem(response)["code"] == "storage_unavailable"
        assert restored == [error]

    @pytest.mark.parametrize(("status", "expected"), [(500, 503), (503, 503), (429, 429), (404, 500), (409, 500)])
    def test_storage_http_errors(self, status: int, expected: int) -> None:
        response = handle_errors(raising(http_response_error(status)), "op")
        assert response.status_code == expected
        assert "topsecret" not in response.get_body().decode()
        if expected in (429, 503):
            assert response.headers["Retry-After"] == "5"


# --------------------------------------------------------------------------------------------------------------------
# Authenticated endpoints
# --------------------------------------------------------------------------------------------------------------------


class Recorder:
    """A fake handler (a plain function, as real handlers are) that records who reached it."""

    def __init__(self) -> None:
        self.principals: list[Principal] = []

        def fake_handler(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
            self.principals.append(principal)
            return json_response({"tenant": principal.tenant_id})

        self.handler = fake_handler


@pytest.fixture
def local_validator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shared.http, "get_validator", lambda: LocalTokenValidator(SECRET))


def authorized(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.usefixtures("local_validator")
class TestApiEndpoint:
    def test_good_token_reaches_the_handler(self) -> None:
        handler = Recorder()
        endpoint = api_endpoint("audio:read")(handler.handler)
        response = endpoint(request(method="GET", headers=authorized(mint_dev_token(SECRET, TENANT, ["audio:read"]))))
        assert response.status_code == 200
        assert json.loads(response.get_body()) == {"tenant": TENANT}
        [principal] = handler.principals
        assert principal.tenant_id == TENANT
        assert principal.scopes == frozenset({"audio:read"})

    def test_no_token(self) -> None:
        handler = Recorder()
        response = api_endpoint("audio:read")(handler.handler)(request(method="GET", headers={}))
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"] == "Bearer"
        assert problem(response)["code"] == "missing_token"
        assert handler.principals == []

    @pytest.mark.parametrize(
        "authorization",
        ["Basic dXNlcjpwYXNz", "Bearer not-a-token", f"Bearer {mint_dev_token('wrong-secret-' + 'q' * 40, TENANT)}"],
    )
    def test_bad_token(self, authorization: str) -> None:
        handler = Recorder()
        response = api_endpoint("audio:read")(handler.handler)(
            request(method="GET", headers={"Authorization": authorization})
        )
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"].startswith('Bearer error="invalid_token"')
        assert problem(response)["code"] == "invalid_token"
        assert handler.principals == []

    def test_expired_token(self) -> None:
        token = mint_dev_token(SECRET, TENANT, ttl_s=-3600)
        response = api_endpoint("audio:read")(Recorder().handler)(request(method="GET", headers=authorized(token)))
        assert response.status_code == 401
        assert problem(response)["code"] == "token_expired"

    def test_token_without_the_scope(self) -> None:
        handler = Recorder()
        token = mint_dev_token(SECRET, TENANT, ["audio:read"])
        response = api_endpoint("audio:write")(handler.handler)(request(headers=authorized(token)))
        assert response.status_code == 403
        assert response.headers["WWW-Authenticate"] == 'Bearer error="insufficient_scope"'
        assert "audio:write" in problem(response)["detail"]
        assert handler.principals == []

    def test_handler_errors_become_problems(self) -> None:
        def handler(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
            parse_json_body(req, Sample)
            raise AssertionError("unreachable")

        token = mint_dev_token(SECRET, TENANT)
        response = api_endpoint("audio:write")(handler)(request("[]", headers=authorized(token)))
        assert response.status_code == 400
        assert problem(response)["code"] == "malformed_json"

    def test_handler_crash_is_a_generic_500(self) -> None:
        def handler(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
            raise KeyError("internal-detail")

        response = api_endpoint("audio:read")(handler)(request(headers=authorized(mint_dev_token(SECRET, TENANT))))
        assert response.status_code == 500
        assert "internal-detail" not in response.get_body().decode()

    def test_wrapper_keeps_the_handler_name(self) -> None:
        def list_audio_files(req: func.HttpRequest, principal: Principal) -> func.HttpResponse:
            return json_response({})

        assert api_endpoint("audio:read")(list_audio_files).__name__ == "list_audio_files"


@pytest.fixture
def local_auth_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    clear_settings_environment(monkeypatch)
    monkeypatch.setenv("AzureWebJobsStorage", "UseDevelopmentStorage=true")
    monkeypatch.setenv("AUTH_MODE", "local")
    monkeypatch.setenv("AUTH_DEV_SECRET", SECRET)
    reset_dependencies()
    yield
    reset_dependencies()


@pytest.mark.usefixtures("local_auth_environment")
def test_authenticate_uses_the_validator_built_from_the_settings() -> None:
    principal = shared.http.authenticate(request(headers=authorized(mint_dev_token(SECRET, "tenant-b"))))
    assert principal.tenant_id == "tenant-b"
    with pytest.raises(Unauthorized):
        shared.http.authenticate(request(headers=authorized(mint_dev_token("other-secret-" + "w" * 40, "tenant-b"))))


def test_service_error_default_is_internal() -> None:
    error = ServiceError("x")
    assert (error.status, error.code, error.headers, error.extra) == (500, "internal_error", {}, {})
