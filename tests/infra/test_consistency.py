"""The Bicep deployment matches the code: settings, storage resources, Event Grid, routes and role assignments.

No Bicep compiler runs here, so the templates are read as text (tests/infra/bicep.py). Each checker returns its
problems; the first test of each group asserts there are none, and the ones after it edit an in-memory copy of a
template to show that the checker notices.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace

import pytest

import function_app
from devhost.functions import indexed_functions
from tests.infra import consistency as c
from tests.infra.consistency import CodeFacts, InfraTexts

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def facts() -> CodeFacts:
    # get_functions() may run only once per app object: devhost's indexer caches it for every caller.
    return c.code_facts(indexed_functions(function_app.app))


@pytest.fixture(scope="module")
def texts() -> InfraTexts:
    return InfraTexts.load()


def remove_line(text: str, pattern: str) -> str:
    """The text without the one line matching ``pattern`` (a regex); fails if not exactly one matches."""
    lines = text.splitlines(keepends=True)
    matching = [i for i, line in enumerate(lines) if re.search(pattern, line)]
    assert len(matching) == 1, f"{pattern!r} matched {len(matching)} lines"
    del lines[matching[0]]
    return "".join(lines)


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def mentions(problems: list[str], *words: str) -> bool:
    return any(all(word in problem for word in words) for problem in problems)


# ---------------------------------------------------------------------------------------------------------------
# What the code is read to need
# ---------------------------------------------------------------------------------------------------------------
def test_code_facts_are_read_from_the_code(facts: CodeFacts) -> None:
    names = {name for spec in facts.settings for name in spec.names}
    assert {"AUTH_MODE", "AzureWebJobsStorage", "AzureWebJobsStorage__clientId", "AZURE_CLIENT_ID"} <= names
    by_name = {t.function: t for t in facts.triggers}
    assert by_name["upload_arrived"].type == "blobTrigger"
    assert by_name["upload_arrived"].connection == "AzureWebJobsStorage"
    assert by_name["transcription_stage"].queue_name == "transcription"
    assert by_name["health"].route == "api/health"  # host.json's routePrefix is empty: the app adds /api
    assert by_name["review_console"].route == "console"
    assert {need for need, _ in facts.needs} >= {c.BLOB_DATA, c.USER_DELEGATION_KEY, c.QUEUE_DATA, c.TABLE_DATA}
    assert any(evidence.startswith("shared/storage/blobs.py:") for need, evidence in facts.needs
               if need is c.USER_DELEGATION_KEY)  # fmt: skip


# ---------------------------------------------------------------------------------------------------------------
# (a) settings
# ---------------------------------------------------------------------------------------------------------------
def test_settings_are_consistent(texts: InfraTexts, facts: CodeFacts) -> None:
    assert c.check_settings(texts, facts) == []


def test_azure_gets_the_production_values(texts: InfraTexts) -> None:
    azure, _ = c.bicep_app_settings(texts)
    assert azure["AUTH_MODE"] == "'entra'"
    assert azure["WEBHOOK_ALLOW_LOOPBACK"] == "'false'"
    assert "AUTH_DEV_SECRET" not in texts.main + texts.function_app


@pytest.mark.parametrize(
    "setting",
    [
        "WEBHOOK_ALLOW_LOOPBACK",
        "UPLOAD_URL_TTL_MINUTES",
        "AUTH_JWKS_URL",
        "CHANNEL_SPEAKERS",
        "AZURE_CLIENT_ID",
        "WEBHOOK_SECRET_KEY_ID",
    ],
)
def test_a_setting_missing_from_bicep_is_reported(texts: InfraTexts, facts: CodeFacts, setting: str) -> None:
    edited = replace(texts, main=remove_line(texts.main, rf"^\s*{setting}:"))
    problems = c.check_settings(edited, facts)
    if setting == "AZURE_CLIENT_ID":  # AzureWebJobsStorage__clientId (function-app.bicep) also sets the field
        assert not mentions(problems, "lack", setting)
    else:
        assert mentions(problems, "Bicep app settings lack", setting)


def test_a_platform_storage_setting_missing_is_reported(texts: InfraTexts, facts: CodeFacts) -> None:
    edited = replace(texts, function_app=remove_line(texts.function_app, r"AzureWebJobsStorage__queueServiceUri:"))
    problems = c.check_settings(edited, facts)
    assert mentions(problems, "AzureWebJobsStorage__queueServiceUri")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("AUTH_MODE: 'entra'", "AUTH_MODE: 'local'", "AUTH_MODE must be 'entra'"),
        ("WEBHOOK_ALLOW_LOOPBACK: 'false'", "WEBHOOK_ALLOW_LOOPBACK: 'true'", "WEBHOOK_ALLOW_LOOPBACK must be 'false'"),
        ("AUTH_MODE: 'entra'", "AUTH_MODE: 'entra'\n  AUTH_DEV_SECRET: devSecret", "must not set AUTH_DEV_SECRET"),
        ("AUTH_MODE: 'entra'", "AUTH_MODE: 'entra'\n  AZURE_OPENAI_KEY: key", "must not set AZURE_OPENAI_KEY"),
        ("AUTH_MODE: 'entra'", "AUTH_MODE: 'entra'\n  UPLOAD_URL_TTL_MINUTE: '15'", "UPLOAD_URL_TTL_MINUTE, which"),
        ("UPLOAD_URL_TTL_MINUTES: '15'", "UPLOAD_URL_TTL_MINUTES: '90'", "'90' for UPLOAD_URL_TTL_MINUTES is refused"),
        ("'azure-speech' : 'whisper'", "'azure_speech' : 'whisper'", "'azure_speech' for TRANSCRIPTION_ENGINE"),
        ("BLOB_TRIGGER_SOURCE: 'EventGrid'", "BLOB_TRIGGER_SOURCE: 'LogsAndContainerScan'", "must be 'EventGrid'"),
        ("WEBHOOK_SECRET_KEY_ID: keyVault.outputs.keyUri", "WEBHOOK_SECRET_KEY_ID: ''", "stored in plain text"),
    ],
)
def test_a_wrong_bicep_value_is_reported(
    texts: InfraTexts, facts: CodeFacts, old: str, new: str, expected: str
) -> None:
    problems = c.check_settings(replace(texts, main=replace_once(texts.main, old, new)), facts)
    assert mentions(problems, expected), problems


def test_settings_not_applied_to_the_app_are_reported(texts: InfraTexts, facts: CodeFacts) -> None:
    edited = replace(texts, main=remove_line(texts.main, r"^\s*appSettings: appSettings$"))
    assert mentions(c.check_settings(edited, facts), "does not pass `appSettings`")
    edited = replace(texts, function_app=replace_once(texts.function_app, "union(appSettings, platformSettings)",
                                                      "platformSettings"))  # fmt: skip
    assert mentions(c.check_settings(edited, facts), "union(appSettings, platformSettings)")


def test_a_setting_missing_from_the_local_example_is_reported(texts: InfraTexts, facts: CodeFacts) -> None:
    values = json.loads(texts.local_settings)
    del values["Values"]["STAGE_DEADLINE_MINUTES"]
    problems = c.check_settings(replace(texts, local_settings=json.dumps(values)), facts)
    assert mentions(problems, "local.settings.json.example lacks STAGE_DEADLINE_MINUTES")


def test_a_bad_local_example_is_reported(texts: InfraTexts, facts: CodeFacts) -> None:
    values = json.loads(texts.local_settings)
    values["Values"]["AUTH_DEV_SECRET"] = "changeme"
    values["Values"]["AZURE_OPENAI_KEY"] = "a-real-key"
    values["Values"]["AUTH_TENANT_CLAIMS"] = "tid"
    problems = c.check_settings(replace(texts, local_settings=json.dumps(values)), facts)
    assert mentions(problems, "is refused by the code", "AUTH_DEV_SECRET")
    assert mentions(problems, "must not hold secrets", "AZURE_OPENAI_KEY")
    assert mentions(problems, "sets AUTH_TENANT_CLAIMS, which")


def test_a_new_setting_in_the_code_is_reported(texts: InfraTexts, facts: CodeFacts) -> None:
    spec = c.SettingSpec("webhook_timeout_seconds", ("WEBHOOK_TIMEOUT_SECONDS",), int)
    problems = c.check_settings(texts, replace(facts, settings=(*facts.settings, spec)))
    assert mentions(problems, "Bicep app settings lack WEBHOOK_TIMEOUT_SECONDS")
    assert mentions(problems, "local.settings.json.example lacks WEBHOOK_TIMEOUT_SECONDS")


def test_a_trigger_on_a_new_connection_is_reported(texts: InfraTexts, facts: CodeFacts) -> None:
    trigger = c.Trigger("archive", "queueTrigger", connection="ArchiveStorage", queue_name="transcription")
    problems = c.check_settings(texts, replace(facts, triggers=(*facts.triggers, trigger)))
    assert mentions(problems, "lack ArchiveStorage__queueServiceUri")
    assert mentions(problems, "lack ArchiveStorage__clientId")
    assert mentions(problems, "local.settings.json.example lacks the connection 'ArchiveStorage'")


# ---------------------------------------------------------------------------------------------------------------
# (b) containers, queues, tables
# ---------------------------------------------------------------------------------------------------------------
def test_storage_resources_are_consistent(texts: InfraTexts, facts: CodeFacts) -> None:
    assert c.check_storage_resources(texts, facts) == []


def test_the_bicep_creates_exactly_these(texts: InfraTexts) -> None:
    created, problems = c.bicep_storage_names(texts)
    assert problems == []
    assert created["table"] == {
        "AudioFiles", "WebhookSubscriptions", "WebhookDeliveries", "Scorecards", "Reviews", "Backtests"
    }  # fmt: skip
    assert created["container"] == {
        "audio", "transcripts", "analyses", "scorecards", "policies", "redacted-audio", "backtests"
    }  # fmt: skip
    assert {"transcription-poison", "evaluation-poison", "webhooks-poison", "backtests-poison"} <= created["queue"]


@pytest.mark.parametrize(
    ("line", "kind", "name"),
    [
        (r"^\s*'evaluation-poison'$", "queue", "evaluation-poison"),
        (r"^\s*'webhooks'$", "queue", "webhooks"),
        (r"^\s*'transcription'$", "queue", "transcription"),
        (r"^\s*'scorecards'$", "container", "scorecards"),
        (r"^\s*'WebhookDeliveries'$", "table", "WebhookDeliveries"),
    ],
)
def test_a_missing_resource_is_reported(texts: InfraTexts, facts: CodeFacts, line: str, kind: str, name: str) -> None:
    problems = c.check_storage_resources(replace(texts, storage=remove_line(texts.storage, line)), facts)
    assert f"the code uses {kind} {name!r}, which the Bicep does not create" in problems


def test_an_unused_resource_is_reported(texts: InfraTexts, facts: CodeFacts) -> None:
    edited = replace_once(texts.storage, "  'AudioFiles'\n", "  'AudioFiles'\n  'AudioFileIndex'\n")
    problems = c.check_storage_resources(replace(texts, storage=edited), facts)
    assert problems == ["the Bicep creates table 'AudioFileIndex', which the code does not use"]


def test_a_queue_a_trigger_listens_on_is_required(texts: InfraTexts, facts: CodeFacts) -> None:
    trigger = c.Trigger("retry", "queueTrigger", connection="AzureWebJobsStorage", queue_name="retries")
    problems = c.check_storage_resources(texts, replace(facts, triggers=(*facts.triggers, trigger)))
    assert problems == ["the code uses queue 'retries', which the Bicep does not create"]


def test_names_without_a_resource_loop_are_reported(texts: InfraTexts, facts: CodeFacts) -> None:
    edited = replace_once(texts.storage, "[for tableName in tableNames:", "[for tableName in []:")
    assert mentions(c.check_storage_resources(replace(texts, storage=edited), facts), "looping over tableNames")


# ---------------------------------------------------------------------------------------------------------------
# Event Grid and routes
# ---------------------------------------------------------------------------------------------------------------
def test_the_stage_deadline_outlasts_an_invocation_and_its_retry(texts: InfraTexts) -> None:
    assert c.check_stage_deadline(texts) == []


@pytest.mark.parametrize(
    ("edit", "place"),
    [
        (lambda t: replace(t, host_json=replace_once(t.host_json, '"00:30:00"', '"01:00:00"')), "Settings default"),
        (lambda t: replace(t, main=replace_once(t.main, "STAGE_DEADLINE_MINUTES: '45'",
                                                "STAGE_DEADLINE_MINUTES: '30'")), "main.bicep"),
        (lambda t: replace(t, local_settings=replace_once(t.local_settings, '"STAGE_DEADLINE_MINUTES": "45"',
                                                          '"STAGE_DEADLINE_MINUTES": "20"')),
         "local.settings.json.example"),
    ],
)  # fmt: skip
def test_a_deadline_shorter_than_an_invocation_is_reported(
    texts: InfraTexts, edit: Callable[[InfraTexts], InfraTexts], place: str
) -> None:
    assert mentions(c.check_stage_deadline(edit(texts)), f"STAGE_DEADLINE_MINUTES in {place}")


def test_event_grid_and_routes_are_consistent(texts: InfraTexts, facts: CodeFacts) -> None:
    assert c.check_event_grid(texts, facts) == []
    assert c.check_routes(texts, facts) == []


def test_event_grid_mismatches_are_reported(texts: InfraTexts, facts: CodeFacts) -> None:
    edited = replace(texts, main=replace_once(texts.main, "containerName: 'audio'", "containerName: 'uploads'"))
    assert mentions(c.check_event_grid(edited, facts), "Event Grid filters container")
    renamed = tuple(replace(t, function="on_upload") if t.type == "blobTrigger" else t for t in facts.triggers)
    problems = c.check_event_grid(texts, replace(facts, triggers=renamed))
    assert mentions(problems, "blobTriggerFunctionName defaults to 'upload_arrived'")
    assert mentions(problems, "BLOB_TRIGGER_FUNCTION_NAME default")


def test_route_mismatches_are_reported(texts: InfraTexts, facts: CodeFacts) -> None:
    edited = replace(texts, main=replace_once(texts.main, "'${api.outputs.uri}/api/v1'", "'${api.outputs.uri}/api/v2'"))
    assert mentions(c.check_routes(edited, facts), "is not under API_BASE_URL")
    no_health = tuple(t for t in facts.triggers if t.route != "api/health")
    assert mentions(c.check_routes(texts, replace(facts, triggers=no_health)), "no such route")


# ---------------------------------------------------------------------------------------------------------------
# (c) role assignments
# ---------------------------------------------------------------------------------------------------------------
def test_roles_are_consistent(texts: InfraTexts, facts: CodeFacts) -> None:
    assert c.check_roles(texts, facts) == []


def test_the_app_identity_gets_these_roles(texts: InfraTexts) -> None:
    assignments, problems = c.role_assignments(texts.rbac)
    assert problems == []
    app = {
        (c.ROLE_NAMES[a.role], a.scope_type, a.scope_symbol)
        for a in assignments
        if a.principal == c.APP_PRINCIPAL_PARAM
    }
    assert app == {
        ("Storage Blob Data Owner", c.STORAGE_ACCOUNT, "storageAccount"),
        ("Storage Blob Delegator", c.STORAGE_ACCOUNT, "storageAccount"),
        ("Storage Queue Data Contributor", c.STORAGE_ACCOUNT, "storageAccount"),
        ("Storage Table Data Contributor", c.STORAGE_ACCOUNT, "storageAccount"),
        ("Cognitive Services Speech User", c.COGNITIVE_ACCOUNT, "speechAccount"),
        ("Cognitive Services OpenAI User", c.COGNITIVE_ACCOUNT, "openAiAccount"),
        ("Monitoring Metrics Publisher", c.APP_INSIGHTS, "applicationInsights"),
        ("Key Vault Crypto Service Encryption User", c.KEY_VAULT, "keyVault"),
    }


def _without_app_role(rbac: str, list_name: str, role_name: str) -> str:
    block = re.search(rf"^var {list_name} = \[\n(.*?)^\]", rbac, re.MULTILINE | re.DOTALL)
    assert block is not None
    kept = "".join(line for line in block.group(1).splitlines(keepends=True) if f"// {role_name}" not in line)
    assert kept != block.group(1)
    return rbac.replace(block.group(1), kept)


@pytest.mark.parametrize(
    ("list_name", "role_name", "expected"),
    [
        ("appStorageRoleIds", "Storage Queue Data Contributor", "create queues and send"),
        ("appStorageRoleIds", "Storage Table Data Contributor", "create tables"),
        ("appStorageRoleIds", "Storage Blob Data Owner", "run the Functions host"),
        ("speechRoleIds", "Cognitive Services Speech User", "call Azure AI Speech"),
        ("openAiRoleIds", "Cognitive Services OpenAI User", "call Azure OpenAI"),
        ("monitoringRoleIds", "Monitoring Metrics Publisher", "send Application Insights telemetry"),
        ("keyVaultRoleIds", "Key Vault Crypto Service Encryption User", "wrap and unwrap webhook secrets"),
    ],
)
def test_a_missing_role_is_reported(
    texts: InfraTexts, facts: CodeFacts, list_name: str, role_name: str, expected: str
) -> None:
    edited = replace(texts, rbac=_without_app_role(texts.rbac, list_name, role_name))
    assert mentions(c.check_roles(edited, facts), "the app's identity needs", expected)


def test_the_delegation_key_needs_a_role_that_includes_the_action(texts: InfraTexts, facts: CodeFacts) -> None:
    # Storage Blob Data Owner includes generateUserDelegationKey/action, so the Delegator role alone may go...
    without_delegator = _without_app_role(texts.rbac, "appStorageRoleIds", "Storage Blob Delegator")
    assert not mentions(c.check_roles(replace(texts, rbac=without_delegator), facts), "user delegation key")
    # ...but with Owner downgraded to Reader-level access nothing grants it.
    downgraded = without_delegator.replace(
        f"'{c.STORAGE_BLOB_DATA_OWNER}' // Storage Blob Data Owner", "'2a2b9908-6ea1-4ae2-8e65-a410df84e7d1' // Reader"
    )
    problems = c.check_roles(replace(texts, rbac=downgraded), facts)
    assert mentions(problems, "needs", "Storage Blob Delegator", "user delegation key", "shared/storage/blobs.py:")
    assert mentions(problems, "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1 is not in the verified role table")


def test_roles_to_the_wrong_principal_or_scope_are_reported(texts: InfraTexts, facts: CodeFacts) -> None:
    head = "var appSpeechAssignments = map(speechRoleIds, roleId => {\n  roleId: roleId\n  principalId: "
    to_user = replace_once(texts.rbac, f"{head}managedIdentityPrincipalId", f"{head}userPrincipalId")
    assert mentions(c.check_roles(replace(texts, rbac=to_user), facts), "needs", "Speech")
    wrong_scope = replace_once(texts.rbac, "scope: openAiAccount", "scope: storageAccount")
    problems = c.check_roles(replace(texts, rbac=wrong_scope), facts)
    assert mentions(problems, "needs Cognitive Services OpenAI User on Microsoft.CognitiveServices/accounts")
    assert mentions(problems, "gets Cognitive Services OpenAI User on Microsoft.Storage/storageAccounts, which nothing")
    rewired = replace_once(texts.main, "managedIdentityPrincipalId: identity.outputs.principalId",
                           "managedIdentityPrincipalId: principalId")  # fmt: skip
    assert mentions(c.check_roles(replace(texts, main=rewired), facts), "the roles go to another principal")


def test_an_unneeded_or_mislabelled_role_is_reported(texts: InfraTexts, facts: CodeFacts) -> None:
    extra = replace_once(
        texts.rbac,
        "  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor\n]\n\n// Developer",
        "  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor\n"
        f"  '{c.STORAGE_QUEUE_DATA_MESSAGE_PROCESSOR}' // Storage Queue Data Message Processor\n"
        "  'ba92f5b4-2d11-453d-a403-e96b0029c9fe' // Storage Blob Data Owner\n]\n\n// Developer",
    )
    problems = c.check_roles(replace(texts, rbac=extra), facts)
    assert mentions(problems, "ba92f5b4-2d11-453d-a403-e96b0029c9fe is 'Storage Blob Data Contributor', commented")
    # Message Processor would do for the queue triggers, but Contributor is there anyway: not an error.
    assert not mentions(problems, "Message Processor on", "which nothing")


def test_a_new_service_in_the_code_needs_its_role(texts: InfraTexts, facts: CodeFacts) -> None:
    keyvault = c.Need(
        "read Key Vault secrets", "Microsoft.KeyVault/vaults", frozenset({"4633458b-17de-408a-b874-0445c86b69e6"})
    )
    problems = c.check_roles(texts, replace(facts, needs=(*facts.needs, (keyvault, "shared/secrets.py:1"))))
    assert mentions(problems, "needs", "read Key Vault secrets", "shared/secrets.py:1")


# ---------------------------------------------------------------------------------------------------------------
# docs/deploy.md
# ---------------------------------------------------------------------------------------------------------------
def test_the_deploy_doc_agrees_with_the_code(texts: InfraTexts, facts: CodeFacts) -> None:
    assert c.check_deploy_doc((c.REPO / "docs" / "deploy.md").read_text(encoding="utf-8"), facts, texts) == []


def test_the_deploy_doc_check_bites(texts: InfraTexts, facts: CodeFacts) -> None:
    doc = (c.REPO / "docs" / "deploy.md").read_text(encoding="utf-8")
    edited = replace_once(
        doc, "`AudioFiles`, `WebhookSubscriptions`", "`AudioFiles`, `AudioFileIndex`, `WebhookSubscriptions`"
    )
    edited = replace_once(
        edited, "$API_BASE_URL/audio-files/{id}/download-url", "$API_BASE_URL/audio-files/{id}/download"
    )
    edited = replace_once(edited, "GET https://<host>/api/health", "GET https://<host>/api/healthz")
    problems = c.check_deploy_doc(edited, facts, texts)
    assert "docs/deploy.md's 'Tables' row lists AudioFileIndex, which the code does not use" in problems
    assert "docs/deploy.md shows $API_BASE_URL/audio-files/{id}/download, which the app does not serve" in problems
    assert "docs/deploy.md shows /api/healthz, which the app does not serve" in problems


def test_the_parameters_file_matches_main_bicep(texts: InfraTexts) -> None:
    assert c.check_parameters(texts) == []
    values = json.loads(texts.parameters)
    values["parameters"]["authAudiance"] = values["parameters"].pop("authAudience")
    problems = c.check_parameters(replace(texts, parameters=json.dumps(values)))
    assert "main.parameters.json passes authAudiance, which main.bicep does not declare" in problems
    assert "main.bicep parameter authAudience has no default and main.parameters.json does not pass it" in problems
