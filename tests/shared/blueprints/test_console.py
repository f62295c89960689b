"""How the console is told to sign in: a pasted token locally, MSAL.js with the API's registration in Azure."""

from __future__ import annotations

import pytest

from shared.blueprints.console import CONSOLE_SCOPES, console_config
from tests.settings import settings_from

pytestmark = pytest.mark.unit

STORAGE = "UseDevelopmentStorage=true"
API_ID = "11111111-2222-3333-4444-555555555555"
TENANT = "99999999-8888-7777-6666-555555555555"


def test_locally_the_console_asks_for_a_token_and_learns_nothing_else() -> None:
    config = console_config(settings_from(AzureWebJobsStorage=STORAGE, AUTH_MODE="local", AUTH_DEV_SECRET="s" * 40))
    assert config.to_wire() == {"signIn": "token", "scopes": []}


@pytest.mark.parametrize("audience", [f"{API_ID},api://{API_ID}", f"api://{API_ID}", API_ID])
def test_in_azure_the_console_signs_in_with_the_apis_own_registration(audience: str) -> None:
    settings = settings_from(
        AzureWebJobsStorage=STORAGE,
        AUTH_MODE="entra",
        AUTH_ISSUER=f"https://login.microsoftonline.com/{TENANT}/v2.0",
        AUTH_AUDIENCE=audience,
        AUTH_JWKS_URL=f"https://login.microsoftonline.com/{TENANT}/discovery/v2.0/keys",
    )
    config = console_config(settings)
    assert config.sign_in == "entra"
    assert config.client_id == API_ID
    assert config.authority == f"https://login.microsoftonline.com/{TENANT}"
    assert config.scopes == [f"api://{API_ID}/{scope}" for scope in CONSOLE_SCOPES]
    assert set(CONSOLE_SCOPES) == {"audio:read", "audio:download", "audio:write"}
