""".funcignore keeps the deployment package to what the Function App runs, and drops nothing it needs."""

from __future__ import annotations

import subprocess

import pathspec
import pytest

from tests.infra.consistency import REPO

pytestmark = pytest.mark.unit

RUNTIME_FILES = ("function_app.py", "host.json", "requirements.txt")
RUNTIME_DIRS = ("shared/",)
LEFT_OUT = (
    ".venv/lib/python3.11/site-packages/x.py",
    "node_modules/azurite/package.json",
    "tests/conftest.py",
    "bench/api.py",
    "devhost/host.py",
    "scripts/dev.py",
    "samples/support_call.wav",
    "docs/deploy.md",
    "infra/main.bicep",
    ".azurite/__blobstorage__/x",
    ".cache/audio-files-service/models/x.bin",
    "local.settings.json",
    "README.md",
    "shared/__pycache__/config.cpython-311.pyc",
)
# Build output that is not in git but must be deployed: `make web` copies the pages' libraries here.
BUILT_RUNTIME_FILES = ("shared/web/vendor/wavesurfer.esm.js",)


def funcignore_problems(funcignore: str, files: list[str]) -> list[str]:
    """Runtime files the patterns would leave out, and other files they would package."""
    spec = pathspec.PathSpec.from_lines("gitignore", funcignore.splitlines())
    problems = []
    for path in files:
        runtime = path in RUNTIME_FILES or (path.startswith(RUNTIME_DIRS) and "__pycache__" not in path)
        if runtime and spec.match_file(path):
            problems.append(f"{path} is needed at run time but left out of the package")
        if not runtime and not spec.match_file(path):
            problems.append(f"{path} would be packaged")
    return problems


def repository_files() -> list[str]:
    """The files git knows about (tracked, and untracked but not ignored), plus known local-only ones."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return sorted(
        {line for line in listed.stdout.splitlines() if (REPO / line).is_file()}
        | set(LEFT_OUT)
        | set(BUILT_RUNTIME_FILES)
    )


@pytest.fixture(scope="module")
def funcignore() -> str:
    return (REPO / ".funcignore").read_text(encoding="utf-8")


def test_the_package_holds_exactly_the_runtime_files(funcignore: str) -> None:
    files = repository_files()
    assert set(RUNTIME_FILES) <= set(files)
    assert "shared/ai/evaluation/scorecards/default-human.json" in files  # data files are runtime files too
    assert funcignore_problems(funcignore, files) == []


def test_a_pattern_that_drops_runtime_files_is_reported(funcignore: str) -> None:
    problems = funcignore_problems(funcignore + "\n*.json\n", repository_files())
    assert "host.json is needed at run time but left out of the package" in problems
    assert "shared/ai/evaluation/scorecards/default-human.json is needed at run time but left out of the package" in (
        problems
    )


def test_a_missing_exclusion_is_reported(funcignore: str) -> None:
    without_tests = "\n".join(line for line in funcignore.splitlines() if line.strip() != "tests/")
    assert "tests/conftest.py would be packaged" in funcignore_problems(without_tests, repository_files())
    without_secrets = "\n".join(line for line in funcignore.splitlines() if line.strip() != "local.settings.json")
    assert "local.settings.json would be packaged" in funcignore_problems(without_secrets, repository_files())
