"""A learned reading of each default criterion: a linear classifier over a sentence's WordLlama vector.

Hand-written examples and rules fitted to one set of calls carry over weakly to calls written in other words. A
logistic regression per criterion, trained on the labelled calls (``python -m bench.train_intent_classifier``),
scores every sentence the intent layer already embeds: the probability that it does what the criterion asks is
``sigmoid(weights . vector + bias)``, a dot product, so it costs nothing beside the embedding.

A classifier belongs to one meaning: it is keyed by the card's criterion id and the sha256 of the criterion's
description, so a tenant's custom criterion that reuses an id with another description gets none. The weights file
sits beside the default cards and must match the sha256 pinned here; it is verified once per process.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from shared.models.analysis import ScorecardCriterion

# Beside the default cards (``scorecards/`` holds only cards).
CLASSIFIERS_FILE = Path(__file__).resolve().parent / "intent-classifiers.json"
# sha256 of CLASSIFIERS_FILE, printed by ``python -m bench.train_intent_classifier`` when it writes the file.
PINNED_SHA256 = "b3d3a0a7f66c2a3715b3991cb9c07aebfe799ac4d89a815da3346ebcb831c0dd"
FORMAT_VERSION = 1
# Decimals kept in the file: training is deterministic to far fewer.
DECIMALS = 6


class IntentClassifiersUnavailable(Exception):
    """The weights file is missing, malformed, or does not match its pinned sha256."""


def description_sha256(description: str) -> str:
    return hashlib.sha256(description.encode("utf-8")).hexdigest()


def criterion_key(criterion_id: str, description: str) -> str:
    """What a classifier is filed under: the criterion's id and the sha256 of its description."""
    return f"{criterion_id}:{description_sha256(description)}"


@dataclass(frozen=True)
class LinearClassifier:
    """``sigmoid(weights . vector + bias)`` over unit-length sentence vectors."""

    weights: np.ndarray
    bias: float

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        logits = np.asarray(vectors, dtype=np.float32) @ self.weights + np.float32(self.bias)
        return np.asarray(1.0 / (1.0 + np.exp(-logits)), dtype=np.float32)


@dataclass(frozen=True)
class IntentClassifiers:
    """The classifiers of one weights file, each for the criterion id and description it was trained on."""

    model: str  # the sentence vectors they read (``intent.MODEL_NAME``)
    by_key: Mapping[str, LinearClassifier]
    sha256: str = ""

    def for_criterion(self, criterion: ScorecardCriterion) -> LinearClassifier | None:
        return self.by_key.get(criterion_key(criterion.id, criterion.description))

    def to_json(self) -> bytes:
        """The weights file: deterministic bytes (sorted keys, fixed decimals)."""
        document: dict[str, Any] = {
            "format": FORMAT_VERSION,
            "model": self.model,
            "classifiers": {
                key: {
                    "bias": round(float(classifier.bias), DECIMALS),
                    "weights": [round(float(w), DECIMALS) for w in classifier.weights],
                }
                for key, classifier in sorted(self.by_key.items())
            },
        }
        return (json.dumps(document, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes, *, expected_sha256: str | None) -> IntentClassifiers:
        """The classifiers in ``data``, refused unless its sha256 is ``expected_sha256`` (None: not checked)."""
        actual = hashlib.sha256(data).hexdigest()
        if expected_sha256 is not None and actual != expected_sha256:
            raise IntentClassifiersUnavailable("the intent classifiers do not match their pinned sha256")
        try:
            document = json.loads(data)
            if document["format"] != FORMAT_VERSION:
                raise IntentClassifiersUnavailable(f"intent classifiers of format {document['format']!r}")
            by_key = {
                key: LinearClassifier(np.asarray(entry["weights"], dtype=np.float32), float(entry["bias"]))
                for key, entry in document["classifiers"].items()
            }
            model = str(document["model"])
        except (ValueError, KeyError, TypeError) as error:
            raise IntentClassifiersUnavailable(f"the intent classifiers are malformed: {error}") from error
        return cls(model=model, by_key=by_key, sha256=actual)


def load_intent_classifiers(path: Path = CLASSIFIERS_FILE, sha256: str = PINNED_SHA256) -> IntentClassifiers:
    """The classifiers shipped beside the default cards, verified against the pinned sha256 once per process."""
    return _load(Path(path), sha256)


@cache
def _load(path: Path, sha256: str) -> IntentClassifiers:
    if not path.is_file():
        raise IntentClassifiersUnavailable(f"{path.name} is missing")
    return IntentClassifiers.from_json(path.read_bytes(), expected_sha256=sha256)
