"""AI engines behind small interfaces: transcription, then evaluation."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from shared.clock import iso_z, utcnow


def package_version(dist: str) -> str:
    """The installed version of distribution ``dist`` (named in engine info), or "unknown"."""
    try:
        return version(dist)
    except PackageNotFoundError:  # pragma: no cover - the engines' libraries are runtime requirements
        return "unknown"


def utc_now_iso() -> str:
    """Now, for ``created_at`` fields: ISO 8601 UTC to the second, e.g. "2025-01-31T12:00:00Z"."""
    return iso_z(utcnow(), timespec="seconds")
