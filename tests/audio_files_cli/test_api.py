"""problem+json answers become errors with the API's code and an exit status scripts can test."""

import httpx
import pytest

from audio_files_cli.api import ApiError, ExitCode

pytestmark = pytest.mark.unit


def problem(http_status: int, **body: object) -> httpx.Response:
    return httpx.Response(
        http_status, json={"status": http_status, **body}, headers={"content-type": "application/problem+json"}
    )


@pytest.mark.parametrize(
    ("status", "exit_code"),
    [(400, ExitCode.REJECTED), (401, ExitCode.AUTH), (403, ExitCode.AUTH), (404, ExitCode.NOT_FOUND),
     (409, ExitCode.REJECTED), (413, ExitCode.REJECTED), (429, ExitCode.UNAVAILABLE), (503, ExitCode.UNAVAILABLE)],
)  # fmt: skip
def test_status_to_exit_code(status: int, exit_code: ExitCode) -> None:
    assert ApiError.from_response(problem(status, title="t")).exit_code is exit_code


def test_the_problem_fields_are_kept() -> None:
    error = ApiError.from_response(
        problem(
            409, type="about:blank", title="Conflict", status=409, detail="Not uploaded.", code="audio_not_uploaded"
        )
    )
    assert error.as_dict() == {
        "status": 409,
        "title": "Conflict",
        "detail": "Not uploaded.",
        "code": "audio_not_uploaded",
    }


def test_a_body_that_is_not_json_still_gives_a_readable_error() -> None:
    error = ApiError.from_response(httpx.Response(502, text="<html>Bad gateway</html>"))
    assert (error.status, error.title, error.code) == (502, "Bad Gateway", None)
