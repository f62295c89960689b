"""The README's curl walk-through, run verbatim with bash against the local host."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from scripts.sample_calls import SampleCalls
from tests.conftest import token_for
from tests.e2e.conftest import REPO_ROOT, LiveService

pytestmark = pytest.mark.e2e


def walkthrough_script() -> str:
    readme = (REPO_ROOT / "README.md").read_text()
    match = re.search(r"<!-- walkthrough:start -->\s*```bash\n(.*?)```\s*<!-- walkthrough:end -->", readme, re.S)
    assert match, "README.md lost its walk-through block"
    return match.group(1)


def test_the_readme_walkthrough_works_as_printed(live: LiveService, sample_calls: SampleCalls, tmp_path: Path) -> None:
    (tmp_path / "samples").mkdir()
    shutil.copy(sample_calls.support_call, tmp_path / "samples" / "support_call.wav")
    environment = {**os.environ, "BASE": live.api, "TOKEN": token_for("t-readme")}
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", walkthrough_script()],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout
    assert result.returncode == 0, f"{output}\n{result.stderr}"
    assert "without x-ms-blob-type: 400" in output
    assert "with x-ms-blob-type: 201" in output
    assert '"message":"Processing queued successfully"' in output
    assert "status: completed" in output
    assert "agent: Thank you for calling" in output  # the transcript as text
    assert re.search(r"my name is \[PERSON_NAME\]", output, re.I) and "sarah" not in output.lower()  # redacted
    # The download is the redacted recording: as long as the upload, with the name's span masked.
    shown = re.search(r"downloaded call\.redacted\.wav: ([\d.]+) s, the upload ([\d.]+) s", output)
    assert shown and shown.group(1) == shown.group(2), output
    downloaded, _ = sf.read(tmp_path / "downloaded.wav")
    uploaded, _ = sf.read(tmp_path / "call.wav")
    assert downloaded.shape == uploaded.shape and not np.array_equal(downloaded, uploaded)
