"""`make web` copies each browser library from the npm package version package.json pins, and refuses others."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts.build_web import REPO_ROOT, VENDOR_FILES, build

pytestmark = pytest.mark.unit


def fake_node_modules(root: Path, version_of: dict[str, str]) -> Path:
    for name, (package, inner) in VENDOR_FILES.items():
        (root / package / inner).parent.mkdir(parents=True, exist_ok=True)
        (root / package / inner).write_text(f"/* {name} */")
        (root / package / "package.json").write_text(json.dumps({"version": version_of[package]}))
    return root


def pins() -> dict[str, str]:
    pinned: dict[str, str] = json.loads((REPO_ROOT / "package.json").read_text())["devDependencies"]
    return pinned


def test_each_file_is_copied_under_its_served_name(tmp_path: Path) -> None:
    node_modules = fake_node_modules(tmp_path / "node_modules", pins())
    written = build(node_modules, tmp_path / "vendor")
    assert sorted(path.name for path in written) == sorted(VENDOR_FILES)
    assert (tmp_path / "vendor" / "wavesurfer.esm.js").read_text() == "/* wavesurfer.esm.js */"


def test_a_package_other_than_the_pinned_version_is_refused(tmp_path: Path) -> None:
    node_modules = fake_node_modules(tmp_path / "node_modules", {**pins(), "wavesurfer.js": "7.0.0"})
    with pytest.raises(SystemExit, match=r"wavesurfer\.js 7\.0\.0 is installed but package\.json pins"):
        build(node_modules, tmp_path / "vendor")
