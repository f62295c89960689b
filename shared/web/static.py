"""Serving the pages' static files: a name is looked up in known folders, never joined into a path as given."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import azure.functions as func

from shared.errors import NotFound
from shared.http import text_response

WEB_ROOT = Path(__file__).resolve().parent
VENDOR_DIR = WEB_ROOT / "vendor"
FILE_NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*\.(js|css|html)$"
MEDIA_TYPES = {".js": "text/javascript", ".css": "text/css", ".html": "text/html"}
# Vendor files are pinned and ours change only with a deploy: a short cache keeps a deploy visible soon.
CACHE_HEADERS = {"Cache-Control": "public, max-age=300"}


@dataclass(frozen=True)
class StaticFiles:
    """The files of one page: its own folder first, then the vendored libraries."""

    folders: tuple[Path, ...]

    def response(self, name: str, headers: dict[str, str] | None = None) -> func.HttpResponse:
        if not re.fullmatch(FILE_NAME_PATTERN, name):
            raise NotFound("No such file.", code="file_not_found")
        for folder in self.folders:
            content = _read(folder / name)
            if content is not None:
                return text_response(content, MEDIA_TYPES[Path(name).suffix], {**CACHE_HEADERS, **(headers or {})})
        raise NotFound("No such file.", code="file_not_found")


@lru_cache(maxsize=64)
def _read(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None
