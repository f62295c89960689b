"""Settings in tests: built from given values only, or read from an environment cleared of every app setting."""

from __future__ import annotations

from typing import Any

import pytest

from shared.config import Settings


class _FromValuesOnly(Settings):
    """Settings validated from the given values only: the test process's environment does not leak in."""

    @classmethod
    def settings_customise_sources(cls, settings_cls: Any, init_settings: Any, *args: Any, **kwargs: Any) -> Any:
        return (init_settings,)


def settings_from(**values: Any) -> Settings:
    """Settings from ``values`` (app setting names or field names), ignoring the process environment."""
    return _FromValuesOnly(**values)


def setting_names() -> frozenset[str]:
    """Every environment variable the settings read (aliases and alias choices)."""
    names: set[str] = set()
    for field in Settings.model_fields.values():
        choices = getattr(field.validation_alias, "choices", None) or ()
        names.update(name for name in (field.alias, *choices) if isinstance(name, str))
    return frozenset(names)


def clear_settings_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unset every app setting for the test, for tests of how the settings are read from the environment."""
    for name in setting_names():
        monkeypatch.delenv(name, raising=False)
