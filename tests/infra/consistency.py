"""Checkers that compare what the code needs with what the Bicep templates deploy.

Each ``check_*`` function takes the template texts (so a test can hand it an edited copy) and the facts read from
the code, and returns a list of problems, one readable sentence each; an empty list means consistent.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import AliasChoices, ValidationError

from devhost.settings import parse_timespan
from shared.config import Settings
from tests.infra import bicep
from tests.infra.bicep import GUID, IDENT, BicepShapeError
from tests.settings import settings_from

REPO = Path(__file__).resolve().parents[2]

# ---------------------------------------------------------------------------------------------------------------
# Built-in role definition ids. Checked against "Azure built-in roles" on learn.microsoft.com
# (role-based-access-control/built-in-roles, Storage / AI + machine learning / Monitor sections).
# ---------------------------------------------------------------------------------------------------------------
STORAGE_BLOB_DATA_CONTRIBUTOR = "ba92f5b4-2d11-453d-a403-e96b0029c9fe"
STORAGE_BLOB_DATA_OWNER = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b"
STORAGE_BLOB_DELEGATOR = "db58b8e5-c6ad-4a2a-8342-4190687cbf4a"
STORAGE_QUEUE_DATA_CONTRIBUTOR = "974c5e8b-45b9-4653-ba55-5f855dd0fb88"
STORAGE_QUEUE_DATA_MESSAGE_PROCESSOR = "8a0f0c08-91a1-4084-bc3d-661d67233fed"
STORAGE_TABLE_DATA_CONTRIBUTOR = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"
COGNITIVE_SERVICES_SPEECH_USER = "f2dc8367-1007-4938-bd23-fe263f013447"
COGNITIVE_SERVICES_OPENAI_USER = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd"
MONITORING_METRICS_PUBLISHER = "3913510d-42f4-4e42-8a64-420c390055eb"
KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER = "e147488a-f6f5-4113-8e2d-b22465e65bf6"
KEY_VAULT_CRYPTO_USER = "12338af0-0e69-4776-bea7-57ae8d297424"

ROLE_NAMES: dict[str, str] = {
    STORAGE_BLOB_DATA_CONTRIBUTOR: "Storage Blob Data Contributor",
    STORAGE_BLOB_DATA_OWNER: "Storage Blob Data Owner",
    STORAGE_BLOB_DELEGATOR: "Storage Blob Delegator",
    STORAGE_QUEUE_DATA_CONTRIBUTOR: "Storage Queue Data Contributor",
    STORAGE_QUEUE_DATA_MESSAGE_PROCESSOR: "Storage Queue Data Message Processor",
    STORAGE_TABLE_DATA_CONTRIBUTOR: "Storage Table Data Contributor",
    COGNITIVE_SERVICES_SPEECH_USER: "Cognitive Services Speech User",
    COGNITIVE_SERVICES_OPENAI_USER: "Cognitive Services OpenAI User",
    MONITORING_METRICS_PUBLISHER: "Monitoring Metrics Publisher",
    KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER: "Key Vault Crypto Service Encryption User",
    KEY_VAULT_CRYPTO_USER: "Key Vault Crypto User",
}

STORAGE_ACCOUNT = "Microsoft.Storage/storageAccounts"
COGNITIVE_ACCOUNT = "Microsoft.CognitiveServices/accounts"
APP_INSIGHTS = "Microsoft.Insights/components"
KEY_VAULT = "Microsoft.KeyVault/vaults"


@dataclass(frozen=True)
class Need:
    """Something the app's identity does, the resource type it is done on, and the roles that allow it."""

    what: str
    scope: str
    roles: frozenset[str]


BLOB_DATA = Need("read, write, list and delete blobs and create containers", STORAGE_ACCOUNT,
                 frozenset({STORAGE_BLOB_DATA_CONTRIBUTOR, STORAGE_BLOB_DATA_OWNER}))  # fmt: skip
# generateUserDelegationKey/action: the Delegator role holds only that; Contributor and Owner include it.
USER_DELEGATION_KEY = Need(
    "get a user delegation key (Get User Delegation Key) to sign SAS URLs",
    STORAGE_ACCOUNT,
    frozenset({STORAGE_BLOB_DELEGATOR, STORAGE_BLOB_DATA_CONTRIBUTOR, STORAGE_BLOB_DATA_OWNER}),
)
QUEUE_DATA = Need("create queues and send, receive and delete messages", STORAGE_ACCOUNT,
                  frozenset({STORAGE_QUEUE_DATA_CONTRIBUTOR}))  # fmt: skip
QUEUE_TRIGGER = Need("receive and delete messages (queue trigger)", STORAGE_ACCOUNT,
                     frozenset({STORAGE_QUEUE_DATA_CONTRIBUTOR, STORAGE_QUEUE_DATA_MESSAGE_PROCESSOR}))  # fmt: skip
TABLE_DATA = Need("create tables and read, write and delete entities", STORAGE_ACCOUNT,
                  frozenset({STORAGE_TABLE_DATA_CONTRIBUTOR}))  # fmt: skip
# The Functions host on identity-based AzureWebJobsStorage (keys, leases, blob receipts) and the blob trigger
# need Storage Blob Data Owner; the blob trigger also uses queues (its poison queue and, for Event Grid, its
# internal queue).
HOST_STORAGE = Need("run the Functions host on identity-based AzureWebJobsStorage", STORAGE_ACCOUNT,
                    frozenset({STORAGE_BLOB_DATA_OWNER}))  # fmt: skip
BLOB_TRIGGER_QUEUES = Need("use the blob trigger's queues", STORAGE_ACCOUNT,
                           frozenset({STORAGE_QUEUE_DATA_CONTRIBUTOR}))  # fmt: skip
SPEECH = Need("call Azure AI Speech with an Entra token", COGNITIVE_ACCOUNT,
              frozenset({COGNITIVE_SERVICES_SPEECH_USER}))  # fmt: skip
OPENAI = Need("call Azure OpenAI chat completions with an Entra token", COGNITIVE_ACCOUNT,
              frozenset({COGNITIVE_SERVICES_OPENAI_USER}))  # fmt: skip
# keys/read, keys/wrap/action, keys/unwrap/action: Crypto Service Encryption User holds just those.
KEY_WRAPPING = Need("wrap and unwrap webhook secrets with the Key Vault key", KEY_VAULT,
                    frozenset({KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER, KEY_VAULT_CRYPTO_USER}))  # fmt: skip
TELEMETRY = Need("send Application Insights telemetry with an Entra token", APP_INSIGHTS,
                 frozenset({MONITORING_METRICS_PUBLISHER}))  # fmt: skip

# What the code does, recognised by the SDK calls (or REST paths) in shared/.
SDK_CALLS: tuple[tuple[re.Pattern[str], Need], ...] = (
    (
        re.compile(
            r"\.(upload_blob|download_blob|delete_blob|list_blobs|get_blob_properties|create_container"
            r"|set_blob_metadata|start_copy_from_url|stage_block|commit_block_list)\("
        ),
        BLOB_DATA,
    ),
    (re.compile(r"\.get_user_delegation_key\("), USER_DELEGATION_KEY),
    (
        re.compile(
            r"\.(send_message|receive_messages?|delete_message|update_message|peek_messages|create_queue"
            r"|clear_messages)\("
        ),
        QUEUE_DATA,
    ),
    (
        re.compile(
            r"\.(create_table|create_entity|upsert_entity|update_entity|get_entity|delete_entity"
            r"|query_entities|list_entities|submit_transaction)\("
        ),
        TABLE_DATA,
    ),
    (re.compile(r"/speechtotext/"), SPEECH),
    (re.compile(r"/openai/deployments/"), OPENAI),
    (re.compile(r"\.(wrap_key|unwrap_key)\("), KEY_WRAPPING),
)

# ---------------------------------------------------------------------------------------------------------------
# Settings allow-lists, each with the reason.
# ---------------------------------------------------------------------------------------------------------------
# Read by the code but never set in Azure: a check fails if the Bicep sets them.
NOT_IN_AZURE: dict[str, str] = {
    "AUTH_DEV_SECRET": "the development HS256 token mode must not exist in Azure",
    "AZURE_SPEECH_KEY": "key authentication is disabled on the Speech account; the app uses its managed identity",
    "AZURE_OPENAI_KEY": "key authentication is disabled on the Azure OpenAI account; the app uses its managed identity",
    "AzureWebJobsStorage": "a connection string needs the account key, and shared key access is disabled: "
    "the host and the code use the identity-based AzureWebJobsStorage__* settings",
    "FUNCTIONS_WORKER_RUNTIME": "Flex Consumption takes the runtime from functionAppConfig",
    "FUNCTIONS_EXTENSION_VERSION": "Flex Consumption takes the runtime from functionAppConfig",
    "WEBSITE_RUN_FROM_PACKAGE": "Flex Consumption deploys from its deployment blob container",
}
# Values Azure must have.
AZURE_VALUES: dict[str, str] = {
    "AUTH_MODE": "entra",
    "WEBHOOK_ALLOW_LOOPBACK": "false",
    "BLOB_TRIGGER_SOURCE": "EventGrid",  # Flex Consumption supports only the Event Grid blob trigger
}
# Settings Azure must wire to a resource the deployment creates (name -> Bicep expression, why).
AZURE_WIRING: dict[str, tuple[str, str]] = {
    "WEBHOOK_SECRET_KEY_ID": ("keyVault.outputs.keyUri", "webhook secrets would be stored in plain text"),
}
# Set in Azure for the platform rather than read by the code.
AZURE_PLATFORM: dict[str, str] = {
    "APPLICATIONINSIGHTS_CONNECTION_STRING": "where the host sends telemetry",
    "APPLICATIONINSIGHTS_AUTHENTICATION_STRING": "Entra-authenticated telemetry with the app's identity",
}
# Read by the code but not in local.settings.json.example.
NOT_IN_LOCAL_EXAMPLE: dict[str, str] = {
    "AZURE_SPEECH_KEY": "a secret: never in a committed example (set it in local.settings.json to try Speech)",
    "AZURE_OPENAI_KEY": "a secret: never in a committed example (set it in local.settings.json to try OpenAI)",
    "AzureWebJobsStorage__blobServiceUri": "identity-based storage, Azure only (locally: the Azurite connection)",
    "AzureWebJobsStorage__queueServiceUri": "identity-based storage, Azure only (locally: the Azurite connection)",
    "AzureWebJobsStorage__tableServiceUri": "identity-based storage, Azure only (locally: the Azurite connection)",
    "AzureWebJobsStorage__clientId": "the managed identity, Azure only",
    "AZURE_CLIENT_ID": "the managed identity, Azure only",
}
# In local.settings.json.example for Core Tools or libraries rather than read by the code.
LOCAL_PLATFORM: dict[str, str] = {
    "FUNCTIONS_WORKER_RUNTIME": "Core Tools needs it to pick the Python worker",
    "AzureWebJobsFeatureFlags": "worker indexing for the v2 programming model under Core Tools",
    "ORT_DISABLE_TELEMETRY": "turns off onnxruntime telemetry (faster-whisper)",
}
HOST_CONNECTION = "AzureWebJobsStorage"  # the Functions host's own storage, used even without triggers


# ---------------------------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class InfraTexts:
    main: str
    parameters: str
    function_app: str
    storage: str
    rbac: str
    eventgrid: str
    local_settings: str
    host_json: str

    @classmethod
    def load(cls, root: Path = REPO) -> InfraTexts:
        def read(relative: str) -> str:
            return (root / relative).read_text(encoding="utf-8")

        return cls(
            main=read("infra/main.bicep"),
            parameters=read("infra/main.parameters.json"),
            function_app=read("infra/app/function-app.bicep"),
            storage=read("infra/core/storage/storage.bicep"),
            rbac=read("infra/app/rbac.bicep"),
            eventgrid=read("infra/app/eventgrid.bicep"),
            local_settings=read("local.settings.json.example"),
            host_json=read("host.json"),
        )


@dataclass(frozen=True)
class SettingSpec:
    field: str
    names: tuple[str, ...]  # any one of them sets the field
    annotation: Any


@dataclass(frozen=True)
class Trigger:
    function: str
    type: str
    connection: str | None = None
    queue_name: str | None = None
    path: str | None = None
    route: str | None = None
    methods: tuple[str, ...] = ()
    auth_level: str | None = None


@dataclass(frozen=True)
class CodeFacts:
    settings: tuple[SettingSpec, ...]
    triggers: tuple[Trigger, ...]
    containers: frozenset[str]
    queues: frozenset[str]
    tables: frozenset[str]
    needs: tuple[tuple[Need, str], ...]  # (need, evidence "path:line")


def setting_specs() -> tuple[SettingSpec, ...]:
    specs = []
    for name, field in Settings.model_fields.items():
        names: list[str] = []
        if isinstance(field.validation_alias, AliasChoices):
            names.extend(choice for choice in field.validation_alias.choices if isinstance(choice, str))
        elif isinstance(field.validation_alias, str):
            names.append(field.validation_alias)
        elif field.alias:
            names.append(field.alias)
        if not names:
            raise AssertionError(f"Settings.{name} has no alias: it could not be set from an app setting")
        specs.append(SettingSpec(name, tuple(names), field.annotation))
    return tuple(specs)


def triggers_of(functions: Iterable[Any]) -> tuple[Trigger, ...]:
    """The trigger of each indexed function (``FunctionApp.get_functions()`` items)."""
    triggers = []
    for function in functions:
        trigger = function.get_trigger()
        data = trigger.get_dict_repr()
        triggers.append(
            Trigger(
                function=function.get_function_name(),
                type=data["type"],
                connection=data.get("connection"),
                queue_name=data.get("queueName"),
                path=data.get("path"),
                route=data.get("route"),
                methods=tuple(str(getattr(m, "value", m)) for m in data.get("methods") or ()),
                auth_level=str(getattr(data.get("authLevel"), "value", data.get("authLevel") or "")) or None,
            )
        )
    return tuple(triggers)


def scan_needs(source_root: Path, repo: Path = REPO) -> tuple[tuple[Need, str], ...]:
    found: list[tuple[Need, str]] = []
    for path in sorted(source_root.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for pattern, need in SDK_CALLS:
                if pattern.search(line):
                    found.append((need, f"{path.relative_to(repo)}:{number}"))
    return tuple(found)


def code_facts(functions: Iterable[Any]) -> CodeFacts:
    from shared.storage.blobs import CONTAINERS
    from shared.storage.queues import QUEUES
    from shared.storage.tables import TABLES

    return CodeFacts(
        settings=setting_specs(),
        triggers=triggers_of(functions),
        containers=frozenset(CONTAINERS),
        queues=frozenset(QUEUES),
        tables=frozenset(TABLES),
        needs=scan_needs(REPO / "shared"),
    )


# ---------------------------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------------------------
# A complete, valid identity-based configuration: one value at a time is swapped in to check it is accepted.
_AZURE_BASELINE = {
    "AzureWebJobsStorage__blobServiceUri": "https://acct.blob.core.windows.net/",
    "AzureWebJobsStorage__queueServiceUri": "https://acct.queue.core.windows.net/",
    "AzureWebJobsStorage__tableServiceUri": "https://acct.table.core.windows.net/",
    "AUTH_MODE": "entra",
    "AUTH_ISSUER": "https://login.microsoftonline.com/tenant/v2.0",
    "AUTH_AUDIENCE": "00000000-0000-0000-0000-000000000000",
    "AUTH_JWKS_URL": "https://login.microsoftonline.com/tenant/discovery/v2.0/keys",
    "AZURE_SPEECH_ENDPOINT": "https://speech.cognitiveservices.azure.com/",
    "AZURE_OPENAI_ENDPOINT": "https://oai.openai.azure.com/",
    "AZURE_OPENAI_DEPLOYMENT": "evaluation",
}


def validation_problem(values: dict[str, str]) -> str | None:
    try:
        settings_from(**values)
    except ValidationError as error:
        return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'settings'}: {e['msg']}" for e in error.errors())
    return None


def _literal(expression: str) -> str | None:
    """The string value of an expression that is exactly one string literal."""
    match = re.fullmatch(r"'((?:[^'\\]|\\.)*)'", expression.strip())
    return match.group(1) if match else None


def bicep_app_settings(texts: InfraTexts) -> tuple[dict[str, str], list[str]]:
    """Every app setting the deployed function app gets (name -> Bicep expression), and wiring problems."""
    problems: list[str] = []
    try:
        app = bicep.object_entries(bicep.declaration_value(texts.main, "var", "appSettings"))
        platform = bicep.object_entries(bicep.declaration_value(texts.function_app, "var", "platformSettings"))
        path, params = bicep.module_params(texts.main, "api")
        symbols = bicep.resources_of_type(texts.function_app, "Microsoft.Web/sites/config")
    except BicepShapeError as error:
        return {}, [f"cannot read the app settings from the templates: {error}"]
    if path != "app/function-app.bicep" or params.get("appSettings") != "appSettings":
        problems.append("main.bicep does not pass `appSettings` to the app/function-app.bicep module (`api`)")
    bodies = [bicep.object_entries(bicep.resource_body(texts.function_app, s)[2]) for s in symbols]
    applied = [b for b in bodies if b.get("name") == "'appsettings'"]
    if (
        len(applied) != 1
        or re.sub(r"\s", "", applied[0].get("properties", "")) != "union(appSettings,platformSettings)"
    ):
        problems.append("function-app.bicep does not apply union(appSettings, platformSettings) as its app settings")
    for name in sorted(app.keys() & platform.keys()):
        problems.append(f"app setting {name} is set twice (main.bicep and function-app.bicep); one silently wins")
    return {**app, **platform}, problems


def _connection_settings(trigger_type: str) -> tuple[str, ...]:
    if trigger_type == "blobTrigger":
        return ("blobServiceUri", "queueServiceUri")
    if trigger_type == "queueTrigger":
        return ("queueServiceUri",)
    return ()


# ---------------------------------------------------------------------------------------------------------------
# (a) settings
# ---------------------------------------------------------------------------------------------------------------
def check_settings(texts: InfraTexts, facts: CodeFacts) -> list[str]:
    azure, problems = bicep_app_settings(texts)
    read_by_code = {name for spec in facts.settings for name in spec.names}

    # Every setting the code reads is set in Azure (one of its names), unless it must not be.
    for spec in facts.settings:
        candidates = [name for name in spec.names if name not in NOT_IN_AZURE]
        if candidates and not any(name in azure for name in candidates):
            problems.append(f"Bicep app settings lack {' or '.join(candidates)} (Settings.{spec.field})")
    for name, reason in NOT_IN_AZURE.items():
        if name in azure:
            problems.append(f"Bicep app settings must not set {name}: {reason}")
    for name, wanted in AZURE_VALUES.items():
        if name in azure and _literal(azure[name]) != wanted:
            problems.append(f"Bicep app setting {name} must be '{wanted}', not {azure[name]}")
    for name, (wanted, consequence) in AZURE_WIRING.items():
        if name in azure and azure[name].strip() != wanted:
            problems.append(f"Bicep app setting {name} must be {wanted}, not {azure[name]}: {consequence}")

    # Trigger connections are identity-based with the user-assigned identity.
    connections: dict[str, set[str]] = {HOST_CONNECTION: {"blobServiceUri", "queueServiceUri", "tableServiceUri"}}
    for trigger in facts.triggers:
        if trigger.connection:
            connections.setdefault(trigger.connection, set()).update(_connection_settings(trigger.type))
    connection_names: set[str] = set()
    for connection, services in sorted(connections.items()):
        wanted_names = {f"{connection}__{service}" for service in services}
        wanted_names |= {f"{connection}__credential", f"{connection}__clientId"}
        connection_names |= wanted_names
        for name in sorted(wanted_names):
            if name not in azure and f"{connection}__accountName" not in azure:
                problems.append(f"Bicep app settings lack {name} (identity-based connection {connection!r})")
        credential = azure.get(f"{connection}__credential")
        if credential is not None and _literal(credential) != "managedidentity":
            problems.append(f"Bicep app setting {connection}__credential must be 'managedidentity'")

    # Nothing in Azure the code and the platform do not read (a typo would otherwise go unnoticed).
    for name in sorted(azure.keys() - read_by_code - AZURE_PLATFORM.keys() - connection_names - NOT_IN_AZURE.keys()):
        problems.append(f"Bicep sets app setting {name}, which neither the code nor the platform reads")

    # Every literal value Azure can get must be accepted by the code.
    for spec in facts.settings:
        for name in spec.names:
            if name not in azure:
                continue
            for value in bicep.string_literals(azure[name]):
                if value and "${" not in value:
                    refused = validation_problem({**_AZURE_BASELINE, name: value})
                    if refused:
                        problems.append(f"Bicep value '{value}' for {name} is refused by the code: {refused}")

    problems.extend(_check_local_settings(texts, facts, read_by_code, connections))
    return problems


def _check_local_settings(
    texts: InfraTexts, facts: CodeFacts, read_by_code: set[str], connections: dict[str, set[str]]
) -> list[str]:
    problems: list[str] = []
    try:
        values = json.loads(texts.local_settings)["Values"]
    except (ValueError, KeyError) as error:
        return [f"local.settings.json.example cannot be read: {error!r}"]
    for spec in facts.settings:
        candidates = [name for name in spec.names if name not in NOT_IN_LOCAL_EXAMPLE]
        if candidates and not any(name in values for name in candidates):
            problems.append(f"local.settings.json.example lacks {' or '.join(candidates)} (Settings.{spec.field})")
    for connection in sorted(connections):
        if connection not in values:
            problems.append(f"local.settings.json.example lacks the connection {connection!r} used by a trigger")
    for name in sorted(values.keys() - read_by_code - LOCAL_PLATFORM.keys() - connections.keys()):
        problems.append(f"local.settings.json.example sets {name}, which neither the code nor the host reads")
    secrets = [name for name in ("AZURE_SPEECH_KEY", "AZURE_OPENAI_KEY") if values.get(name)]
    if secrets:
        problems.append(f"local.settings.json.example must not hold secrets: {', '.join(secrets)}")
    refused = validation_problem({key: str(value) for key, value in values.items()})
    if refused:
        problems.append(f"local.settings.json.example is refused by the code: {refused}")
    return problems


# ---------------------------------------------------------------------------------------------------------------
# (b) containers, queues, tables
# ---------------------------------------------------------------------------------------------------------------
_STORAGE_COLLECTIONS = (
    ("container", "containerNames", "Microsoft.Storage/storageAccounts/blobServices/containers"),
    ("queue", "queueNames", "Microsoft.Storage/storageAccounts/queueServices/queues"),
    ("table", "tableNames", "Microsoft.Storage/storageAccounts/tableServices/tables"),
)


def bicep_storage_names(texts: InfraTexts) -> tuple[dict[str, set[str]], list[str]]:
    """Names of the containers, queues and tables the storage module creates (kind -> names), and problems."""
    created: dict[str, set[str]] = {}
    problems: list[str] = []
    try:
        path, params = bicep.module_params(texts.main, "storage")
        if path != "core/storage/storage.bicep":
            problems.append(f"main.bicep's storage module is {path}, not core/storage/storage.bicep")
        for kind, param, resource_type in _STORAGE_COLLECTIONS:
            literal = params.get(param) or bicep.declaration_value(texts.storage, "param", param)
            created[kind] = set(bicep.array_strings(literal))
            loops = []
            for symbol in bicep.resources_of_type(texts.storage, resource_type):
                _, existing, body = bicep.resource_body(texts.storage, symbol)
                if not existing and body.startswith("["):
                    loops.append(bicep.loop_parts(body)[1])
            if not any(re.search(rf"\b{param}\b", collection) for collection in loops):
                problems.append(f"storage.bicep has no {resource_type} resource looping over {param}")
    except BicepShapeError as error:
        problems.append(f"cannot read the storage names from the templates: {error}")
    return created, problems


def needed_storage_names(facts: CodeFacts) -> dict[str, set[str]]:
    containers = set(facts.containers)
    queues = set(facts.queues) | {f"{name}-poison" for name in facts.queues}
    for trigger in facts.triggers:
        if trigger.type == "blobTrigger" and trigger.path:
            containers.add(trigger.path.split("/", 1)[0])
        if trigger.type == "queueTrigger" and trigger.queue_name:
            queues.add(trigger.queue_name)
    return {"container": containers, "queue": queues, "table": set(facts.tables)}


def check_storage_resources(texts: InfraTexts, facts: CodeFacts) -> list[str]:
    created, problems = bicep_storage_names(texts)
    for kind, needed in needed_storage_names(facts).items():
        have = created.get(kind, set())
        for name in sorted(needed - have):
            problems.append(f"the code uses {kind} {name!r}, which the Bicep does not create")
        for name in sorted(have - needed):
            problems.append(f"the Bicep creates {kind} {name!r}, which the code does not use")
    return problems


# ---------------------------------------------------------------------------------------------------------------
# Event Grid delivery to the blob trigger, and the routes the deployment points at
# ---------------------------------------------------------------------------------------------------------------
def check_event_grid(texts: InfraTexts, facts: CodeFacts) -> list[str]:
    blob_triggers = [t for t in facts.triggers if t.type == "blobTrigger"]
    if len(blob_triggers) != 1:
        return [f"one Event Grid subscription is provisioned, for one blob trigger; the app has {len(blob_triggers)}"]
    trigger = blob_triggers[0]
    problems: list[str] = []
    try:
        _, params = bicep.module_params(texts.main, "eventGrid")
        default_name = _literal(bicep.declaration_value(texts.main, "param", "blobTriggerFunctionName"))
    except BicepShapeError as error:
        return [f"cannot read the Event Grid module: {error}"]
    container = (trigger.path or "").split("/", 1)[0]
    if _literal(params.get("containerName", "")) != container:
        problems.append(
            f"Event Grid filters container {params.get('containerName')}, the blob trigger watches {container!r}"
        )
    if default_name != trigger.function:
        problems.append(
            f"blobTriggerFunctionName defaults to {default_name!r}, the blob trigger is {trigger.function!r}"
        )
    azd_default = re.search(r"\$\{BLOB_TRIGGER_FUNCTION_NAME=([^}]*)\}", texts.parameters)
    if azd_default is None or azd_default.group(1) != trigger.function:
        problems.append(f"main.parameters.json's BLOB_TRIGGER_FUNCTION_NAME default is not {trigger.function!r}")
    return problems


def check_stage_deadline(texts: InfraTexts) -> list[str]:
    """The stuck-stage deadline outlasts an invocation the host stops at functionTimeout plus the queue's retry
    delay, wherever it is set: otherwise the sweeper fails a run that the queue was about to retry."""
    host = json.loads(texts.host_json)
    timeout_text = host.get("functionTimeout")
    if timeout_text in (None, "-1"):
        return ["host.json sets no functionTimeout: a stage could run past any deadline"]
    visibility_text = host.get("extensions", {}).get("queues", {}).get("visibilityTimeout", "00:00:00")
    limit_s = parse_timespan(timeout_text) + parse_timespan(visibility_text)
    azure, _ = bicep_app_settings(texts)
    local = json.loads(texts.local_settings).get("Values", {})
    places = {
        "Settings default": str(Settings.model_fields["stage_deadline_minutes"].default),
        "main.bicep": _literal(azure.get("STAGE_DEADLINE_MINUTES", "")) or "",
        "local.settings.json.example": str(local.get("STAGE_DEADLINE_MINUTES", "")),
    }
    problems = []
    for place, minutes in places.items():
        if not minutes or float(minutes) * 60 <= limit_s:
            problems.append(
                f"STAGE_DEADLINE_MINUTES in {place} ({minutes or 'unset'}) must exceed functionTimeout plus the "
                f"queue visibilityTimeout ({limit_s / 60:.1f} min)"
            )
    return problems


def route_prefix(texts: InfraTexts) -> str:
    """host.json's routePrefix, which Azure Functions puts before every HTTP route ('api' when absent)."""
    prefix = json.loads(texts.host_json).get("extensions", {}).get("http", {}).get("routePrefix")
    return "api" if prefix is None else str(prefix).strip("/")


def served_path(prefix: str, route: str) -> str:
    """The URL path of an HTTP route, e.g. '/api/v1/audio-files'."""
    return "/" + "/".join(part.strip("/") for part in (prefix, route) if part.strip("/"))


def api_base_path(texts: InfraTexts) -> str:
    """The path of the API_BASE_URL output, e.g. '/api/v1'."""
    try:
        base = bicep.declaration_value(texts.main, "output", "API_BASE_URL")
    except BicepShapeError as error:
        raise BicepShapeError(f"cannot read output API_BASE_URL: {error}") from error
    match = re.fullmatch(r"'\$\{api\.outputs\.uri\}/([^']*)'", base)
    if match is None:
        raise BicepShapeError(f"API_BASE_URL is not '${{api.outputs.uri}}/<path>': {base}")
    return "/" + match.group(1).strip("/")


def check_routes(texts: InfraTexts, facts: CodeFacts) -> list[str]:
    """API_BASE_URL (an azd output) and the post-deploy health probe point at routes the app serves."""
    problems: list[str] = []
    prefix = route_prefix(texts)
    try:
        base_path = api_base_path(texts)
    except BicepShapeError as error:
        return [str(error)]
    http = [t for t in facts.triggers if t.type == "httpTrigger" and t.route]
    # Versioned API routes (.../v1/..., .../v2/...) live under API_BASE_URL; others (health, console) need not.
    api_routes = [t for t in http if re.search(r"(?:^|/)v\d+/", served_path(prefix, str(t.route)))]
    if not api_routes:
        problems.append("the app has no versioned (v<N>/...) HTTP routes for API_BASE_URL to point at")
    for trigger in api_routes:
        if not served_path(prefix, str(trigger.route)).startswith(f"{base_path}/"):
            problems.append(f"route {trigger.route!r} of {trigger.function} is not under API_BASE_URL {base_path}")
    # The post-deploy hook probes ${API_BASE_URL%/v1}/health.
    probed = f"{base_path.rsplit('/', 1)[0]}/health"
    health = [t for t in http if served_path(prefix, str(t.route)) == probed]
    if not health or "GET" not in health[0].methods or health[0].auth_level != "anonymous":
        problems.append(f"the post-deploy hook probes GET {probed} anonymously, but no such route exists")
    return problems


# ---------------------------------------------------------------------------------------------------------------
# (c) role assignments
# ---------------------------------------------------------------------------------------------------------------
APP_PRINCIPAL_PARAM = "managedIdentityPrincipalId"


@dataclass(frozen=True)
class Assignment:
    role: str
    principal: str  # the rbac.bicep parameter naming the principal
    scope_type: str
    scope_symbol: str


def role_lists(rbac_text: str) -> dict[str, list[tuple[str, str]]]:
    """``var <name> = [ '<guid>' // <comment> ... ]`` lists: name -> [(guid, comment)]."""
    lists: dict[str, list[tuple[str, str]]] = {}
    for match in re.finditer(rf"^var[ \t]+({IDENT})[ \t]*=[ \t]*\[", rbac_text, re.MULTILINE):
        end = rbac_text.index("]", match.end())
        items = re.findall(
            rf"^\s*'({GUID})'[ \t]*(?://[ \t]*(.*?))?[ \t]*$", rbac_text[match.end() : end], re.MULTILINE
        )
        if items:
            lists[match.group(1)] = [(guid.lower(), comment) for guid, comment in items]
    return lists


def role_assignments(rbac_text: str) -> tuple[list[Assignment], list[str]]:
    """Every (role, principal, scope) the rbac module assigns, following lists -> map() -> concat -> loops."""
    problems: list[str] = []
    code = bicep.strip_comments(rbac_text)
    lists = role_lists(rbac_text)
    mapped: dict[str, tuple[str, str]] = {}  # var -> (role list var, principal param)
    for match in re.finditer(
        rf"^var[ \t]+({IDENT})[ \t]*=[ \t]*map\(\s*({IDENT})\s*,\s*({IDENT})\s*=>\s*(\{{[^{{}}]*\}})\s*\)",
        code,
        re.MULTILINE,
    ):
        entries = bicep.object_entries(match.group(4))
        if entries.get("roleId") != match.group(3):
            problems.append(f"rbac.bicep: {match.group(1)} does not map roleId from its list")
        mapped[match.group(1)] = (match.group(2), entries.get("principalId", ""))
    others = {
        m.group(1): bicep.declaration_value(rbac_text, "var", m.group(1))
        for m in re.finditer(rf"^var[ \t]+({IDENT})[ \t]*=", code, re.MULTILINE)
        if m.group(1) not in mapped and m.group(1) not in lists
    }

    def resolve(expression: str, seen: frozenset[str] = frozenset()) -> set[str]:
        found: set[str] = set()
        for name in re.findall(IDENT, expression):
            if name in mapped:
                found.add(name)
            elif name in others and name not in seen:
                found |= resolve(others[name], seen | {name})
        return found

    assignments: list[Assignment] = []
    for symbol in bicep.resources_of_type(rbac_text, "Microsoft.Authorization/roleAssignments"):
        _, _, body = bicep.resource_body(rbac_text, symbol)
        item, collection, item_body = bicep.loop_parts(body)
        entries = bicep.object_entries(item_body)
        properties = bicep.object_entries(entries.get("properties", "{}"))
        role_definition = re.sub(r"\s", "", properties.get("roleDefinitionId", ""))
        if role_definition != f"subscriptionResourceId('Microsoft.Authorization/roleDefinitions',{item}.roleId)":
            problems.append(f"rbac.bicep: {symbol} does not use the built-in role definition id of {item}.roleId")
        if properties.get("principalId") != f"{item}.principalId":
            problems.append(f"rbac.bicep: {symbol} does not assign to {item}.principalId")
        scope_symbol = entries.get("scope", "")
        try:
            scope_type, _, _ = bicep.resource_body(rbac_text, scope_symbol)
        except BicepShapeError:
            problems.append(f"rbac.bicep: {symbol} has no resource scope")
            continue
        for var in sorted(resolve(collection)):
            role_list, principal = mapped[var]
            for guid, _ in lists.get(role_list, []):
                assignments.append(Assignment(guid, principal, scope_type, scope_symbol))
    return assignments, problems


def check_roles(texts: InfraTexts, facts: CodeFacts, platform_settings: dict[str, str] | None = None) -> list[str]:
    problems: list[str] = []
    try:
        assignments, shape_problems = role_assignments(texts.rbac)
    except BicepShapeError as error:
        return [f"cannot read the role assignments from rbac.bicep: {error}"]
    problems.extend(shape_problems)

    # The principal that gets the roles is the identity the app runs as, on the resources the app uses.
    try:
        _, rbac_params = bicep.module_params(texts.main, "rbac")
        _, api_params = bicep.module_params(texts.main, "api")
    except BicepShapeError as error:
        return [*problems, f"cannot read the rbac/api modules: {error}"]
    wiring = {
        (rbac_params.get(APP_PRINCIPAL_PARAM), "identity.outputs.principalId"): "the roles go to another principal",
        (api_params.get("identityId"), "identity.outputs.id"): "the app runs as another identity",
        (api_params.get("identityClientId"), "identity.outputs.clientId"): "the host uses another identity",
        (rbac_params.get("storageAccountName"), "storage.outputs.name"): "roles are on another storage account",
        (api_params.get("storageAccountName"), "storage.outputs.name"): "the app uses another storage account",
        (rbac_params.get("speechAccountName"), "ai.outputs.speechAccountName"): "Speech roles are elsewhere",
        (rbac_params.get("openAiAccountName"), "ai.outputs.openAiAccountName"): "OpenAI roles are elsewhere",
        (rbac_params.get("applicationInsightsName"), "monitoring.outputs.applicationInsightsName"):
            "telemetry roles are elsewhere",
        (rbac_params.get("keyVaultName"), "keyVault.outputs.name"): "Key Vault roles are on another vault",
    }  # fmt: skip
    for (actual, expected), consequence in wiring.items():
        if actual != expected:
            problems.append(f"main.bicep passes {actual!r} where {expected!r} is expected: {consequence}")

    # Every role id is a known built-in role, and the comment beside it names that role.
    for list_name, items in role_lists(texts.rbac).items():
        for guid, comment in items:
            if guid not in ROLE_NAMES:
                problems.append(f"rbac.bicep {list_name}: {guid} is not in the verified role table")
            elif comment.strip() != ROLE_NAMES[guid]:
                problems.append(f"rbac.bicep {list_name}: {guid} is {ROLE_NAMES[guid]!r}, commented {comment!r}")

    # What the app does.
    needs: dict[Need, list[str]] = {}
    for need, evidence in facts.needs:
        needs.setdefault(need, []).append(evidence)
    needs.setdefault(HOST_STORAGE, []).append("host.json (Functions host storage)")
    for trigger in facts.triggers:
        if trigger.type == "blobTrigger":
            needs.setdefault(HOST_STORAGE, []).append(f"blob trigger {trigger.function}")
            needs.setdefault(BLOB_TRIGGER_QUEUES, []).append(f"blob trigger {trigger.function}")
        if trigger.type == "queueTrigger":
            needs.setdefault(QUEUE_TRIGGER, []).append(f"queue trigger {trigger.function}")
    if platform_settings is None:
        platform_settings, _ = bicep_app_settings(texts)
    if "Authorization=AAD" in platform_settings.get("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", ""):
        needs.setdefault(TELEMETRY, []).append("APPLICATIONINSIGHTS_AUTHENTICATION_STRING")

    granted = {(a.role, a.scope_type) for a in assignments if a.principal == APP_PRINCIPAL_PARAM}
    for need, places in needs.items():
        if not any((role, need.scope) in granted for role in need.roles):
            role_names = " or ".join(sorted(ROLE_NAMES.get(r, r) for r in need.roles))
            problems.append(
                f"the app's identity needs {role_names} on {need.scope} to {need.what} "
                f"({', '.join(places[:3])}{', ...' if len(places) > 3 else ''})"
            )
    for role, scope_type in sorted(granted):
        if not any(role in need.roles and scope_type == need.scope for need in needs):
            name = ROLE_NAMES.get(role, role)
            problems.append(f"the app's identity gets {name} on {scope_type}, which nothing in the code needs")
    return problems


# ---------------------------------------------------------------------------------------------------------------
# docs/deploy.md
# ---------------------------------------------------------------------------------------------------------------
def check_deploy_doc(doc: str, facts: CodeFacts, texts: InfraTexts) -> list[str]:
    """The API paths docs/deploy.md shows are served, and its resource table names what the code uses."""
    problems: list[str] = []
    prefix, base_path = route_prefix(texts), api_base_path(texts)
    patterns = []
    for trigger in facts.triggers:
        if trigger.type == "httpTrigger" and trigger.route:
            # A route parameter matches a doc placeholder such as {id} or a concrete value.
            parts = re.split(r"\{[^}]*\}", served_path(prefix, trigger.route))
            patterns.append(re.compile(r"(?:\{[^}/]+\}|[^/]+)".join(re.escape(part) for part in parts)))
    for path in sorted(set(re.findall(r"\$API_BASE_URL(/[A-Za-z0-9_{}/.-]*)", doc))):
        if not any(p.fullmatch(f"{base_path}{path}") for p in patterns):
            problems.append(f"docs/deploy.md shows $API_BASE_URL{path}, which the app does not serve")
    for path in sorted(set(re.findall(r"(?<![\w$])(/api/[A-Za-z0-9_{}/.-]*[A-Za-z0-9_}])", doc))):
        if path != base_path and not any(p.fullmatch(path) for p in patterns):
            problems.append(f"docs/deploy.md shows {path}, which the app does not serve")
    rows = {"Blob containers": facts.containers, "Queues": facts.queues, "Tables": facts.tables}
    for row, names in rows.items():
        match = re.search(rf"^\| {row} \| ([^|]*) \|", doc, re.MULTILINE)
        if match is None:
            problems.append(f"docs/deploy.md has no '{row}' row in its resource table")
            continue
        listed = {name for name in re.findall(r"`([^`…]+)`", match.group(1))}
        for name in sorted(names - listed):
            problems.append(f"docs/deploy.md's '{row}' row lacks {name}")
        for name in sorted(listed - names):
            problems.append(f"docs/deploy.md's '{row}' row lists {name}, which the code does not use")
    return problems


def check_parameters(texts: InfraTexts) -> list[str]:
    """main.parameters.json passes only parameters main.bicep declares, and every required one."""
    declared = dict(
        re.findall(rf"^param[ \t]+({IDENT})[ \t]+\w+([^\n]*)$", bicep.strip_comments(texts.main), re.MULTILINE)
    )
    passed = set(json.loads(texts.parameters)["parameters"])
    problems = [
        f"main.parameters.json passes {name}, which main.bicep does not declare"
        for name in sorted(passed - declared.keys())
    ]
    for name, rest in sorted(declared.items()):
        if "=" not in rest and name not in passed:
            problems.append(f"main.bicep parameter {name} has no default and main.parameters.json does not pass it")
    return problems
