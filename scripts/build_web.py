"""`make web`: copy the browser libraries the pages use from their pinned npm packages into shared/web/vendor.

The copies are build output (not in git) that the deployment package carries: .funcignore leaves out
node_modules but keeps shared/, so `azd deploy` (whose prepackage hook runs this) ships exactly these files.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from shared.web.static import VENDOR_DIR

REPO_ROOT = Path(__file__).resolve().parent.parent
# Served name -> (npm package, file inside it).
VENDOR_FILES = {
    "wavesurfer.esm.js": ("wavesurfer.js", "dist/wavesurfer.esm.js"),
    "msal-browser.min.js": ("@azure/msal-browser", "lib/msal-browser.min.js"),
    "swagger-ui-bundle.js": ("swagger-ui-dist", "swagger-ui-bundle.js"),
    "swagger-ui.css": ("swagger-ui-dist", "swagger-ui.css"),
}


def build(node_modules: Path, out: Path = VENDOR_DIR) -> list[Path]:
    """Copy each file, after checking its package is the version package.json pins."""
    pins = json.loads((REPO_ROOT / "package.json").read_text())["devDependencies"]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (package, inner) in VENDOR_FILES.items():
        installed = json.loads((node_modules / package / "package.json").read_text())["version"]
        if installed != pins[package]:
            raise SystemExit(f"{package} {installed} is installed but package.json pins {pins[package]}: run npm ci")
        written.append(Path(shutil.copyfile(node_modules / package / inner, out / name)))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--node-modules", type=Path, default=REPO_ROOT / "node_modules")
    args = parser.parse_args(argv)
    for path in build(args.node_modules):
        print(f"{path.relative_to(REPO_ROOT)} ({path.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
