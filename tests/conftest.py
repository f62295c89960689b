"""Fixtures shared by every tier. Integration and e2e tests run against a real Azurite started here."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from devhost.azurite import Azurite
from devhost.settings import environment_overrides
from shared.auth import SCOPES, mint_dev_token
from shared.dependencies import Dependencies, get_dependencies, reset_dependencies

pytest_plugins = ["tests.fixtures_audio"]

DEV_SECRET = "tests-only-signing-secret-0123456789abcdef"
TIERS = ("unit", "integration", "e2e")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test has exactly one tier marker, so ``-m unit`` runs pure logic only and no test is left out.

    Files marked ``long`` go first: a parallel run hands out files in this order, and one that takes minutes,
    started last, leaves every other worker idle while it finishes."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)
    problems = []
    for item in items:
        tiers = sorted({marker.name for marker in item.iter_markers() if marker.name in TIERS})
        if len(tiers) != 1:
            problems.append(f"{item.nodeid}: {', '.join(tiers) or 'no tier marker'}")
    if problems:
        raise pytest.UsageError(f"Tests need exactly one of the markers {', '.join(TIERS)}:\n" + "\n".join(problems))


@pytest.fixture(scope="session")
def azurite() -> Iterator[Azurite]:
    """A private, in-memory Azurite on free ports for the whole test session."""
    with Azurite() as instance:
        yield instance


@pytest.fixture(scope="session")
def storage_connection_string(azurite: Azurite) -> str:
    return azurite.connection_string


@pytest.fixture(scope="session")
def app_environment(azurite: Azurite) -> Iterator[dict[str, str]]:
    """The app's settings pointing at the test Azurite, set for the whole session (the app reads os.environ)."""
    values = {
        "AzureWebJobsStorage": azurite.connection_string,
        "AUTH_MODE": "local",
        "AUTH_DEV_SECRET": DEV_SECRET,
        "AUTH_TENANT_CLAIM": "tid",
        "MAX_UPLOAD_BYTES": str(5 * 1024 * 1024),
        "BLOB_TRIGGER_SOURCE": "LogsAndContainerScan",
        "WEBHOOK_ALLOW_LOOPBACK": "true",
        "ORT_DISABLE_TELEMETRY": "1",
    }
    with environment_overrides(values):
        reset_dependencies()
        yield values
    reset_dependencies()


@pytest.fixture
def deps(app_environment: dict[str, str]) -> Dependencies:
    return get_dependencies()


@pytest.fixture
def tenant() -> str:
    """A fresh tenant per test: tests share one Azurite without seeing each other's data."""
    return f"t-{uuid.uuid4().hex[:12]}"


def token_for(tenant_id: str, scopes: tuple[str, ...] | list[str] = SCOPES) -> str:
    return mint_dev_token(DEV_SECRET, tenant_id, scopes)
