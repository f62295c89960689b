"""The app's one Azure credential (managed identity in Azure), created on first use and shared."""

from __future__ import annotations

from functools import lru_cache

from azure.core.credentials import TokenCredential

from shared.config import Settings, get_settings


def build_credential(settings: Settings) -> TokenCredential:
    from azure.identity import DefaultAzureCredential

    return DefaultAzureCredential(managed_identity_client_id=settings.managed_identity_client_id)


@lru_cache(maxsize=1)
def get_credential() -> TokenCredential:
    return build_credential(get_settings())
