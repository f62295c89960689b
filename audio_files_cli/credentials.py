"""Tokens the CLI signed in with, one per API base URL, in a file only the user can read (0600)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import typer

APP_NAME = "audio-files"
FILE_NAME = "credentials.json"


def credentials_path() -> Path:
    """``$XDG_CONFIG_HOME/audio-files/credentials.json`` (``~/.config/...`` by default) on Linux."""
    return Path(typer.get_app_dir(APP_NAME)) / FILE_NAME


@dataclass(frozen=True)
class Login:
    base_url: str
    token: str


def normalize_base_url(base_url: str) -> str:
    return base_url.rstrip("/")


def _read(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text())
    except FileNotFoundError:
        return {}
    return data if isinstance(data, dict) else {}


def save_login(login: Login) -> Path:
    """Remember the token for its base URL, and make that URL the default one."""
    path = credentials_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    data = _read(path)
    tokens = data.get("tokens") if isinstance(data.get("tokens"), dict) else {}
    assert isinstance(tokens, dict)
    tokens[normalize_base_url(login.base_url)] = login.token
    data = {"default": normalize_base_url(login.base_url), "tokens": tokens}
    # Created 0600 before the token is written, so it is never readable by others, not even for a moment.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)
    with os.fdopen(descriptor, "w") as file:
        json.dump(data, file, indent=2)
    return path


def load_login(base_url: str | None) -> Login | None:
    """The stored login for ``base_url`` (or for the default URL when None)."""
    data = _read(credentials_path())
    wanted = normalize_base_url(base_url) if base_url else data.get("default")
    tokens = data.get("tokens")
    if not isinstance(wanted, str) or not isinstance(tokens, dict) or not isinstance(tokens.get(wanted), str):
        return None
    return Login(wanted, tokens[wanted])


def forget_login(base_url: str | None) -> bool:
    path = credentials_path()
    data = _read(path)
    wanted = normalize_base_url(base_url) if base_url else data.get("default")
    tokens = data.get("tokens")
    if not isinstance(tokens, dict) or wanted not in tokens:
        return False
    del tokens[wanted]
    if data.get("default") == wanted:
        data["default"] = next(iter(tokens), None)
    descriptor = os.open(path, os.O_WRONLY | os.O_TRUNC)
    with os.fdopen(descriptor, "w") as file:
        json.dump(data, file, indent=2)
    return True
