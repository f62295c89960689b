"""The API as the README describes it to clients, over httpx; problem+json errors become ``ApiError``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from enum import IntEnum
from pathlib import Path
from typing import Any

import httpx

DEFAULT_BASE_URL = "http://127.0.0.1:7071/api/v1"
UPLOAD_CHUNK_BYTES = 256 * 1024
TERMINAL_STATUSES = ("completed", "failed")


class ExitCode(IntEnum):
    """What the CLI's exit status means (documented in the README and in ``audio-files --help``)."""

    OK = 0
    ERROR = 1  # anything unexpected
    USAGE = 2  # bad command-line arguments (typer's own)
    AUTH = 3  # not signed in, token refused (401) or missing scope (403)
    NOT_FOUND = 4  # 404: unknown id, or another tenant's
    REJECTED = 5  # 400/409/413/415/422: the API refused the request as sent or in this state
    PROCESSING_FAILED = 6  # a recording ended `failed`
    UNAVAILABLE = 7  # network error, 429 or 5xx: try again later


def exit_code_of(status: int) -> ExitCode:
    if status in (401, 403):
        return ExitCode.AUTH
    if status == 404:
        return ExitCode.NOT_FOUND
    if status == 429 or status >= 500:
        return ExitCode.UNAVAILABLE
    return ExitCode.REJECTED


class ApiError(Exception):
    """An error answer of the API, from its problem+json body when it has one."""

    def __init__(self, status: int, title: str, detail: str | None = None, code: str | None = None):
        super().__init__(f"{status} {title}")
        self.status = status
        self.title = title
        self.detail = detail
        self.code = code

    @classmethod
    def from_response(cls, response: httpx.Response) -> ApiError:
        problem: dict[str, Any] = {}
        if "json" in response.headers.get("content-type", ""):
            try:
                body = response.json()
                problem = body if isinstance(body, dict) else {}
            except ValueError:
                problem = {}
        return cls(
            response.status_code,
            str(problem.get("title") or response.reason_phrase or "Error"),
            str(problem["detail"]) if problem.get("detail") else None,
            str(problem["code"]) if problem.get("code") else None,
        )

    @property
    def exit_code(self) -> ExitCode:
        return exit_code_of(self.status)

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "title": self.title, "detail": self.detail, "code": self.code}


class ApiClient:
    def __init__(self, base_url: str, token: str, *, timeout: float = 60, transport: httpx.BaseTransport | None = None):
        self._api = httpx.Client(
            base_url=base_url.rstrip("/"),
            headers={"Authorization": f"Bearer {token}"},
            timeout=timeout,
            transport=transport,
        )
        # The SAS upload goes to Blob Storage with no Authorization header, exactly as the README says.
        self._storage = httpx.Client(timeout=timeout, transport=transport)

    def close(self) -> None:
        self._api.close()
        self._storage.close()

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        response = self._api.request(method, path, **kwargs)
        if response.status_code >= 400:
            raise ApiError.from_response(response)
        return response

    def _json(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        body = self._call(method, path, **kwargs).json()
        assert isinstance(body, dict)
        return body

    # --- audio files ---------------------------------------------------------------------------------

    def list_audio_files(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._json("GET", "/audio-files", params={k: v for k, v in params.items() if v is not None})

    def get_audio_file(self, audio_file_id: str) -> dict[str, Any]:
        return self._json("GET", f"/audio-files/{audio_file_id}")

    def processing_status(self, audio_file_id: str) -> dict[str, Any]:
        return self._json("GET", f"/audio-files/{audio_file_id}/processing-status")

    def transcript(self, audio_file_id: str, output_format: str) -> str:
        return self._call("GET", f"/audio-files/{audio_file_id}/transcript", params={"format": output_format}).text

    def analysis(self, audio_file_id: str) -> dict[str, Any]:
        return self._json("GET", f"/audio-files/{audio_file_id}/analysis")

    def process(self, audio_file_id: str, *, force: bool = False, stages: list[str] | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {"force": force} if force else {}
        if stages:
            body["stages"] = stages
        return self._json("POST", f"/audio-files/{audio_file_id}/process", json=body)

    def delete_audio_file(self, audio_file_id: str) -> None:
        self._call("DELETE", f"/audio-files/{audio_file_id}")

    def request_upload(self, body: dict[str, Any]) -> dict[str, Any]:
        return self._json("POST", "/audio-files/upload-url", json=body)

    def put_blob(self, upload: dict[str, Any], path: Path, on_progress: Callable[[int], None]) -> None:
        """PUT the file to the SAS URL with the headers the API asked for (``x-ms-blob-type``, Content-Type)."""

        def chunks() -> Iterator[bytes]:
            with path.open("rb") as file:
                while chunk := file.read(UPLOAD_CHUNK_BYTES):
                    yield chunk
                    on_progress(len(chunk))

        headers = {**upload["requiredHeaders"], "Content-Length": str(path.stat().st_size)}
        response = self._storage.put(upload["uploadUrl"], content=chunks(), headers=headers)
        if response.status_code >= 400:
            raise ApiError(response.status_code, "Blob Storage refused the upload", response.text[:300] or None)

    # --- webhooks --------------------------------------------------------------------------------------

    def list_webhooks(self) -> dict[str, Any]:
        return self._json("GET", "/webhooks")

    def create_webhook(self, body: dict[str, Any]) -> dict[str, Any]:
        return self._json("POST", "/webhooks", json=body)

    def delete_webhook(self, webhook_id: str) -> None:
        self._call("DELETE", f"/webhooks/{webhook_id}")

    def rotate_webhook_secret(self, webhook_id: str) -> dict[str, Any]:
        return self._json("POST", f"/webhooks/{webhook_id}/rotate-secret")

    def webhook_deliveries(self, webhook_id: str) -> dict[str, Any]:
        return self._json("GET", f"/webhooks/{webhook_id}/deliveries")
