"""The CLI as a user gets it: ``pip install -e .`` into a virtual environment, then the ``audio-files`` script."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.e2e.conftest import REPO_ROOT, live

__all__ = ["installed_cli", "live"]


@pytest.fixture(scope="session")
def installed_cli(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``audio-files`` script of an editable install into a fresh venv that reuses our venv's packages."""
    venv = tmp_path_factory.mktemp("cli-venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    purelib = Path(
        subprocess.run(
            [str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    (purelib / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--quiet", "--no-deps",
         "-e", str(REPO_ROOT)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    script = venv / "bin" / "audio-files"
    assert script.is_file()
    return script
