"""Uploads that should cost nothing: the worker's memory while oversize and crafted uploads are refused.

The local host runs in this process (it is the worker here), with its HTTP functions and the blob trigger only.
Each upload goes through the documented flow (upload-url, PUT with the required headers, poll until the
record leaves ``awaiting_upload``) while a thread samples this process's resident memory every 20 ms:

- an oversize upload (``--oversize-mb``, default 230 MB) against ``MAX_UPLOAD_BYTES`` (``--limit-mb``, 200 MB):
  refused from the blob's properties without a read;
- a 20 KB WAV at 1 Hz (10,000 s of "audio" by its header);
- a 20 KB WAV whose header claims 0xFFFFFFF0 frames (149 hours at 8 kHz, 8-bit mono);
- a valid WAV of ``--valid-mb`` (default 150 MB, about 78 minutes at 16 kHz mono) that is accepted: downloaded
  to a temporary file and decoded block by block.

Printed per upload: the code it ended with, the seconds from the PUT's end to that, and peak RSS over the
idle figure (measured after one small upload warmed the imports). The target is under 1.2x.

Usage: ``python -m bench.uploads [--quick] [--limit-mb N] [--oversize-mb N] [--valid-mb N]``; ``--quick``
uses 20 / 30 / 15 MB. Files are written to a temporary directory and streamed from disk, so the client's
side of the PUT does not count in the figure.
"""

from __future__ import annotations

import argparse
import gc
import os
import struct
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.common import (
    BenchEnvironment,
    bench_environment,
    console,
    http_function_names,
    machine_note,
    parse_args,
    table,
)

MB = 1_000_000
TARGET_RATIO = 1.2
_SAMPLE_S = 0.02
_BLOCK = 4 * 1024 * 1024


def pcm_wav_header(*, sample_rate: int, bits: int, data_bytes: int, claimed_data_bytes: int | None = None) -> bytes:
    """A mono PCM WAV header for ``data_bytes`` of samples, optionally announcing another data size."""
    block_align = bits // 8
    claimed = data_bytes if claimed_data_bytes is None else claimed_data_bytes
    fmt = struct.pack("<HHIIHH", 1, 1, sample_rate, sample_rate * block_align, block_align, bits)
    riff = struct.pack("<I", min(0xFFFFFFFF, 36 + data_bytes))
    return b"RIFF" + riff + b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", claimed)


def write_wav(
    path: Path, *, sample_rate: int, bits: int, data_bytes: int, claimed_data_bytes: int | None = None
) -> Path:
    """A WAV of silence written block by block (never whole in memory)."""
    silence = (b"\x80" if bits == 8 else b"\x00") * _BLOCK
    with path.open("wb") as out:
        out.write(
            pcm_wav_header(
                sample_rate=sample_rate, bits=bits, data_bytes=data_bytes, claimed_data_bytes=claimed_data_bytes
            )
        )
        remaining = data_bytes
        while remaining > 0:
            out.write(silence[: min(remaining, _BLOCK)])
            remaining -= _BLOCK
    return path


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


@contextmanager
def peak_rss() -> Iterator[list[float]]:
    """Samples this process's RSS until the block ends; the list holds the peak, in MB, afterwards."""
    peak = [rss_mb()]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(_SAMPLE_S):
            peak[0] = max(peak[0], rss_mb())

    sampler = threading.Thread(target=sample, name="rss-sampler", daemon=True)
    sampler.start()
    try:
        yield peak
    finally:
        done.set()
        sampler.join()
        peak[0] = max(peak[0], rss_mb())


@dataclass(frozen=True)
class Outcome:
    label: str
    size_mb: float
    status: str
    code: str | None
    seconds: float
    peak_mb: float


def upload(env: BenchEnvironment, label: str, path: Path, timeout_s: float = 600) -> Outcome:
    with env.client("bench-uploads") as client:
        created = client.post("/audio-files/upload-url", json={"fileName": path.name, "engagementId": "eng-bench"})
        assert created.status_code == 201, created.text
        body = created.json()
        with peak_rss() as peak:
            with path.open("rb") as content:  # streamed from disk by httpx
                put = httpx.put(body["uploadUrl"], content=content, headers=body["requiredHeaders"], timeout=300)
            assert put.status_code == 201, put.text
            uploaded = time.monotonic()
            while True:
                record = client.get(f"/audio-files/{body['audioFileId']}").json()
                if record["status"] != "awaiting_upload":
                    break
                assert time.monotonic() - uploaded < timeout_s, f"{label}: never validated"
                time.sleep(0.05)
            seconds = time.monotonic() - uploaded
    error = record.get("error") or {}
    return Outcome(label, path.stat().st_size / MB, record["status"], error.get("code"), seconds, peak[0])


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--limit-mb", type=int, default=None, help="MAX_UPLOAD_BYTES in MB (default 200)")
    parser.add_argument("--oversize-mb", type=int, default=None, help="the oversize upload (default 230)")
    parser.add_argument("--valid-mb", type=int, default=None, help="the accepted upload (default 150)")


def main() -> None:
    args = parse_args(__doc__.splitlines()[0] if __doc__ else "", _options)
    limit_mb = args.limit_mb or (20 if args.quick else 200)
    oversize_mb = args.oversize_mb or (30 if args.quick else 230)
    valid_mb = args.valid_mb or (15 if args.quick else 150)
    console.rule("[bold]bench.uploads[/bold]: worker memory while uploads are refused")
    console.print(f"{machine_note()}; MAX_UPLOAD_BYTES {limit_mb} MB")
    settings = {"MAX_UPLOAD_BYTES": str(limit_mb * MB), "DEVHOST_BLOB_POLL_SECONDS": "0.2"}
    with tempfile.TemporaryDirectory(prefix="bench-uploads-") as workdir, bench_environment(settings) as env:
        files = Path(workdir)
        cases = [
            ("oversize", write_wav(files / "oversize.wav", sample_rate=16_000, bits=16, data_bytes=oversize_mb * MB)),
            ("1 Hz WAV", write_wav(files / "one-hz.wav", sample_rate=1, bits=16, data_bytes=20_000)),
            (
                "0xFFFFFFF0 frames",
                write_wav(
                    files / "claims.wav", sample_rate=8000, bits=8, data_bytes=20_000, claimed_data_bytes=0xFFFFFFF0
                ),
            ),
            ("valid (accepted)", write_wav(files / "valid.wav", sample_rate=16_000, bits=16, data_bytes=valid_mb * MB)),
        ]
        env.start_host(functions=[*http_function_names(), "upload_arrived"])
        warm = upload(env, "warm-up", write_wav(files / "warm.wav", sample_rate=16_000, bits=16, data_bytes=64_000))
        assert warm.status == "pending", warm
        gc.collect()
        time.sleep(1)
        idle = rss_mb()
        outcomes = [upload(env, label, path) for label, path in cases]
    rows = [
        [
            o.label,
            o.size_mb,
            o.status,
            o.code,
            o.seconds,
            o.peak_mb,
            o.peak_mb / idle,
            "yes" if o.peak_mb / idle < TARGET_RATIO else "NO",
        ]
        for o in outcomes
    ]
    console.print(
        table(
            f"Worker (pid {os.getpid()}) idle RSS {idle:.0f} MB",
            ["upload", "MB", "status", "code", "s to verdict", "peak RSS MB", "peak / idle", f"< {TARGET_RATIO}x"],
            rows,
            caption="s to verdict: from the end of the PUT to the record leaving awaiting_upload (0.2 s blob polling).",
        )
    )


if __name__ == "__main__":
    main()
