"""The token file: one token per base URL, readable by its owner only."""

import json
import stat
from pathlib import Path

import pytest

from audio_files_cli.credentials import Login, credentials_path, forget_login, load_login, save_login

pytestmark = pytest.mark.unit


@pytest.fixture(autouse=True)
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    return tmp_path


def test_the_file_is_private_and_under_the_user_config_dir(config_home: Path) -> None:
    path = save_login(Login("http://127.0.0.1:7071/api/v1/", "token-a"))
    assert path == credentials_path() == config_home / "audio-files" / "credentials.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    path.chmod(0o644)  # loosened by hand: the next save makes it private again
    save_login(Login("http://127.0.0.1:7071/api/v1", "token-b"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_one_token_per_base_url_and_the_last_one_is_the_default() -> None:
    save_login(Login("https://a.example/api/v1", "token-a"))
    save_login(Login("https://b.example/api/v1/", "token-b"))
    assert load_login("https://a.example/api/v1") == Login("https://a.example/api/v1", "token-a")
    assert load_login(None) == Login("https://b.example/api/v1", "token-b")
    assert load_login("https://c.example/api/v1") is None
    assert forget_login(None)
    assert load_login("https://b.example/api/v1") is None
    assert load_login(None) == Login("https://a.example/api/v1", "token-a")
    assert json.loads(credentials_path().read_text())["default"] == "https://a.example/api/v1"


def test_nothing_stored_is_no_login() -> None:
    assert load_login(None) is None and not forget_login(None)
