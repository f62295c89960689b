"""The OpenAPI document and the Swagger UI page: valid, complete, and built from the routes the app registers."""

from __future__ import annotations

import importlib.util
import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import azure.functions as func
import jsonschema_rs
import pytest
from schemathesis.specs.openapi.definitions import OPENAPI_31_VALIDATOR

import shared.http
from devhost.functions import HTTP_TRIGGER, FunctionSpec, describe_functions, find_app
from shared.audio_files.service import new_audio_file_id
from shared.auth import SCOPES, LocalTokenValidator, mint_dev_token
from shared.blueprints import console
from shared.blueprints.docs import api_docs, api_docs_file, api_routes, get_openapi, openapi_document, openapi_json
from shared.http import ApiBlueprint
from shared.models.api import AUDIO_FILE_ID_PATTERN
from shared.openapi import (
    PROBLEM_MEDIA_TYPE,
    SECURITY_SCHEME,
    SERVER_URL,
    SITE_ROOT,
    PathParam,
    Reply,
    Route,
    build_openapi,
)
from shared.web.static import VENDOR_DIR

pytestmark = pytest.mark.unit

REPO_ROOT = Path(__file__).resolve().parents[2]
SECRET = "openapi-test-secret-" + "q" * 40
METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return get_openapi()


def operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]


@cache
def http_functions() -> list[FunctionSpec]:
    """The HTTP functions of a fresh copy of the app module.

    get_functions() can run only once per FunctionApp, and other tests index ``function_app.app`` themselves;
    executing function_app.py again gives an app of its own that registers the very same blueprints.
    """
    spec = importlib.util.spec_from_file_location("function_app_for_openapi_tests", REPO_ROOT / "function_app.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [function for function in describe_functions(find_app(module)) if function.trigger_type == HTTP_TRIGGER]


def resolve(document: dict[str, Any], ref: str) -> Any:
    assert ref.startswith("#/"), ref
    node: Any = document
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def refs_in(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [ref for value in node.values() for ref in refs_in(value)]
    if isinstance(node, list):
        return [ref for value in node for ref in refs_in(value)]
    return []


# --- The document is valid -------------------------------------------------------------------------------


def test_the_document_validates_as_openapi_3_1(document: dict[str, Any]) -> None:
    errors = [f"{'/'.join(map(str, error.instance_path))}: {error.message}" for error in
              OPENAPI_31_VALIDATOR.iter_errors(document)]  # fmt: skip
    assert errors == []
    assert document["openapi"].startswith("3.1.")
    assert document["servers"] == [{"url": SERVER_URL}]


def test_the_validator_used_above_does_reject_a_broken_document(document: dict[str, Any]) -> None:
    broken = json.loads(json.dumps(document))
    broken["paths"]["/v1/audio-files"]["get"]["responses"] = "none"
    assert not OPENAPI_31_VALIDATOR.is_valid(broken)


def test_every_schema_is_valid_json_schema_2020_12(document: dict[str, Any]) -> None:
    schemas = dict(document["components"]["schemas"])
    for method, path, operation in operations(document):
        for parameter in operation.get("parameters", []):
            schemas[f"{method} {path} {parameter['name']}"] = parameter["schema"]
    for name, schema in schemas.items():
        # $refs point into the document; the meta-schema only checks the shape of each schema.
        jsonschema_rs.meta.validate(schema)
        assert "$defs" not in schema, name


def test_every_ref_resolves(document: dict[str, Any]) -> None:
    refs = refs_in(document)
    assert refs
    for ref in refs:
        assert isinstance(resolve(document, ref), dict), ref


def test_operation_ids_are_unique_and_every_operation_is_tagged(document: dict[str, Any]) -> None:
    ids = [operation["operationId"] for _, _, operation in operations(document)]
    assert len(ids) == len(set(ids))
    tags = {tag["name"] for tag in document["tags"]}
    for _, _, operation in operations(document):
        assert operation["summary"] and set(operation["tags"]) <= tags


# --- The document matches the app --------------------------------------------------------------------------


def served_path(spec: FunctionSpec) -> str:
    """The URL path a function answers at: host.json's routePrefix is empty, so its route is the whole path."""
    return "/" + str(spec.trigger.route).strip("/")


def test_every_http_function_under_the_api_is_documented_with_the_same_methods_and_vice_versa(
    document: dict[str, Any],
) -> None:
    registered: dict[str, set[str]] = {}
    pages: set[str] = set()
    for spec in http_functions():
        path = served_path(spec)
        if not path.startswith(f"{SERVER_URL}/"):
            pages.add(path)
            continue
        methods = {str(getattr(method, "value", method)).lower() for method in spec.trigger.methods}
        registered.setdefault(path.removeprefix(SERVER_URL), set()).update(methods)
    documented = {path: {m for m in item if m in METHODS} for path, item in document["paths"].items()}
    assert documented == registered
    # Everything else is the console's: its pages, served from the site root and not part of the API.
    assert pages == {"/console", "/console/config.json", "/console/{file}"}


def test_host_json_leaves_every_url_to_the_app() -> None:
    """Azure Functions puts routePrefix before every route; empty, the routes above are the URLs."""
    host = json.loads((REPO_ROOT / "host.json").read_text())
    assert host["extensions"]["http"]["routePrefix"] == ""


def test_the_comparison_above_notices_a_missing_route() -> None:
    without_health = tuple(route for route in api_routes() if route.path != "/health")
    assert "/health" not in build_openapi(without_health)["paths"]


def test_each_documented_scope_is_the_one_the_handler_enforces(
    document: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A token with every scope but the documented one gets 403: so the handler needs exactly that scope."""
    monkeypatch.setattr(shared.http, "get_validator", lambda: LocalTokenValidator(SECRET))
    functions = {
        (served_path(spec).removeprefix(SERVER_URL), str(getattr(method, "value", method)).lower()): spec
        for spec in http_functions()
        for method in spec.trigger.methods
    }
    checked = 0
    for method, path, operation in operations(document):
        scope = operation.get("x-required-scope")
        if scope is None:
            continue
        token = mint_dev_token(SECRET, "t-openapi", [other for other in SCOPES if other != scope])
        params = {name: f"{name}-x" for name in re.findall(r"{([^}]+)}", path)}
        request = func.HttpRequest(
            method.upper(),
            f"http://localhost{SERVER_URL}{path}",
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            route_params=params,
            body=b"{}",
        )
        response = functions[(path, method)].user_function(request)
        assert response.status_code == 403, (method, path, response.get_body())
        assert json.loads(response.get_body())["code"] == "insufficient_scope"
        checked += 1
    assert checked >= 9


# --- Security, parameters and answers -----------------------------------------------------------------------


def test_authenticated_operations_name_their_scope_and_auth_errors(document: dict[str, Any]) -> None:
    for method, path, operation in operations(document):
        scope = operation.get("x-required-scope")
        if scope is None:
            assert operation["security"] == [], (method, path)
            assert "401" not in operation["responses"]
            continue
        assert scope in SCOPES
        assert operation["security"] == [{SECURITY_SCHEME: [scope]}]
        assert f"`{scope}`" in operation["description"]
        unauthorized = operation["responses"]["401"]
        assert unauthorized["headers"]["WWW-Authenticate"]["required"] is True
        assert "403" in operation["responses"]
    scheme = document["components"]["securitySchemes"][SECURITY_SCHEME]
    assert scheme == {**scheme, "type": "http", "scheme": "bearer", "bearerFormat": "JWT"}


def test_health_and_the_reference_need_no_token(document: dict[str, Any]) -> None:
    for path in ("/health", "/v1/openapi.json", "/v1/docs", "/v1/docs/{file}"):
        assert document["paths"][path]["get"]["security"] == []


def test_every_error_answer_is_a_problem_with_a_code(document: dict[str, Any]) -> None:
    problem = document["components"]["schemas"]["Problem"]
    assert {"type", "title", "status", "detail", "code"} <= set(problem["required"])
    for method, path, operation in operations(document):
        for status, response in operation["responses"].items():
            if int(status) < 400 or path == "/health":
                continue
            schema = response["content"][PROBLEM_MEDIA_TYPE]["schema"]
            assert schema["allOf"][0] == {"$ref": "#/components/schemas/Problem"}, (method, path, status)
            details = schema["allOf"][1]["properties"]
            assert details["status"] == {"const": int(status)}
            assert details["code"]["enum"], (method, path, status)


def test_success_answers_have_schemas(document: dict[str, Any]) -> None:
    for method, path, operation in operations(document):
        successes = {status: r for status, r in operation["responses"].items() if int(status) < 300}
        assert successes, (method, path)
        for status, response in successes.items():
            if status == "204":
                assert "content" not in response
            else:
                assert all("schema" in media for media in response["content"].values()), (method, path)


def test_audio_file_ids_are_af_and_a_ulid(document: dict[str, Any]) -> None:
    pattern = None
    for _, path, operation in operations(document):
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "path" and path.startswith("/v1/audio-files/"):
                assert parameter["required"] is True
                assert parameter["schema"] == {"type": "string", "pattern": AUDIO_FILE_ID_PATTERN}
                pattern = parameter["schema"]["pattern"]
    assert pattern is not None
    assert re.fullmatch(pattern, new_audio_file_id())
    assert not re.fullmatch(pattern, "af_not-a-ulid")


def test_list_parameters_carry_their_bounds(document: dict[str, Any]) -> None:
    parameters = {p["name"]: p for p in document["paths"]["/v1/audio-files"]["get"]["parameters"]}
    assert set(parameters) == {
        "page", "pageSize", "campaignId", "engagementId", "isAICall", "dateFrom", "dateTo", "continuationToken"
    }  # fmt: skip
    assert parameters["pageSize"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 100, "default": 50}
    assert parameters["page"]["schema"]["minimum"] == 1
    assert parameters["isAICall"]["schema"] == {"type": "boolean"}
    assert parameters["continuationToken"]["schema"]["maxLength"] == 2048
    assert all(p["in"] == "query" and p["required"] is False and p.get("description") for p in parameters.values())


def test_the_transcript_comes_as_json_text_srt_or_vtt(document: dict[str, Any]) -> None:
    operation = document["paths"]["/v1/audio-files/{id}/transcript"]["get"]
    content = operation["responses"]["200"]["content"]
    assert set(content) == {"application/json", "text/plain", "application/x-subrip", "text/vtt"}
    assert content["application/json"]["schema"] == {"$ref": "#/components/schemas/Transcript"}
    (format_parameter,) = [p for p in operation["parameters"] if p["name"] == "format"]
    assert format_parameter["schema"]["enum"] == ["json", "text", "srt", "vtt"]


def test_request_bodies_refuse_unknown_fields_and_examples_are_valid(document: dict[str, Any]) -> None:
    upload = document["paths"]["/v1/audio-files/upload-url"]["post"]["requestBody"]
    assert upload["required"] is True
    process = document["paths"]["/v1/audio-files/{id}/process"]["post"]["requestBody"]
    assert process["required"] is False
    for body in (upload, process):
        media = body["content"]["application/json"]
        schema = resolve(document, media["schema"]["$ref"])
        assert schema["additionalProperties"] is False
        validator = jsonschema_rs.validator_for({**schema, "components": document["components"]})
        assert validator.is_valid(media["example"])


def test_created_and_accepted_answers_say_where_to_look(document: dict[str, Any]) -> None:
    created = document["paths"]["/v1/audio-files/upload-url"]["post"]["responses"]["201"]
    accepted = document["paths"]["/v1/audio-files/{id}/process"]["post"]["responses"]["202"]
    assert created["headers"]["Location"]["required"] and accepted["headers"]["Location"]["required"]
    for status in ("503",):
        assert document["paths"]["/v1/audio-files"]["get"]["responses"][status]["headers"]["Retry-After"]


def test_component_schemas_use_wire_names(document: dict[str, Any]) -> None:
    body = document["components"]["schemas"]["AudioFileBody"]["properties"]
    assert {"fileName", "engagementId", "isAICall", "hasTranscript"} <= set(body)
    assert not [name for name in body if "_" in name]
    assert all("title" not in schema for schema in body.values())


def test_the_route_table_refuses_inconsistent_entries() -> None:
    reply = (Reply(200, "ok"),)
    with pytest.raises(ValueError, match="path parameters"):
        build_openapi((Route("GET", "/v1/x/{id}", "x", "x", "Service", None, reply),))
    with pytest.raises(ValueError, match="unknown scope"):
        build_openapi((Route("GET", "/v1/x", "x", "x", "Service", "audio:everything", reply),))
    with pytest.raises(ValueError, match="twice"):
        build_openapi((Route("GET", "/v1/x", "x", "x", "Service", None, reply),) * 2)
    param = PathParam("id", "^x$", "an id")
    built = build_openapi((Route("GET", "/v1/x/{id}", "x", "x", "Service", None, reply, path_params=(param,)),))
    assert built["paths"]["/v1/x/{id}"]["get"]["parameters"][0]["schema"]["pattern"] == "^x$"


def test_each_route_is_declared_once_where_its_function_is_registered() -> None:
    routes = (*api_routes(), *console.bp.routes)
    assert len({(route.method, route.path) for route in routes}) == len(routes)
    assert len({spec.name for spec in http_functions()}) == len(routes)


def test_a_blueprint_serves_its_routes_under_the_api_unless_told_otherwise() -> None:
    route = Route("GET", "/v1/x", "x", "x", "Service", None, (Reply(200, "ok"),))
    assert ApiBlueprint().served_path(route) == "/api/v1/x"
    assert ApiBlueprint(under=SITE_ROOT).served_path(route) == "/v1/x"


def test_a_declaration_must_say_whether_it_needs_a_token() -> None:
    blueprint = ApiBlueprint()
    reply = (Reply(200, "ok"),)
    with pytest.raises(ValueError, match="public_endpoint"):
        blueprint.endpoint(Route("GET", "/v1/x", "x", "x", "Service", None, reply))
    with pytest.raises(ValueError, match="needs audio:read"):
        blueprint.public_endpoint(Route("GET", "/v1/x", "x", "x", "Service", "audio:read", reply))
    assert blueprint.routes == []


def test_the_document_is_built_once_and_callers_cannot_change_it() -> None:
    assert openapi_json() is openapi_json()
    first = get_openapi()
    first["paths"].clear()
    assert get_openapi()["paths"]


# --- Served over HTTP (the handlers' bodies) ---------------------------------------------------------------


def get(url: str, **route_params: str) -> func.HttpRequest:
    return func.HttpRequest("GET", f"http://localhost{SERVER_URL}{url}", body=b"", route_params=route_params)


def test_the_json_endpoint_serves_the_document(document: dict[str, Any]) -> None:
    response = openapi_document(get("/v1/openapi.json"))
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert json.loads(response.get_body()) == document


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline_scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for name in ("src", "href"):
            if found.get(name):
                self.urls.append(str(found[name]))
        if tag == "script" and not found.get("src"):
            self.inline_scripts += 1


def test_the_docs_page_is_swagger_ui_from_this_origin_only() -> None:
    response = api_docs(get("/v1/docs"))
    assert response.status_code == 200 and response.mimetype == "text/html"
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "connect-src 'self';" in policy and "unsafe-eval" not in policy
    parser = _PageParser()
    parser.feed(response.get_body().decode())
    assert parser.inline_scripts == 0
    assert parser.urls == [
        "data:,",  # no favicon request
        "/api/v1/docs/swagger-ui.css",
        "/api/v1/docs/swagger-ui-bundle.js",
        "/api/v1/docs/docs.js",
    ]


@pytest.mark.skipif(not (VENDOR_DIR / "swagger-ui-bundle.js").is_file(), reason="`make web` has not run")
def test_the_docs_files_are_served_from_the_pinned_package() -> None:
    bundle = api_docs_file(get("/v1/docs/swagger-ui-bundle.js", file="swagger-ui-bundle.js"))
    assert bundle.status_code == 200 and bundle.mimetype == "text/javascript"
    assert bundle.get_body() == (VENDOR_DIR / "swagger-ui-bundle.js").read_bytes()
    assert api_docs_file(get("/v1/docs/docs.js", file="docs.js")).mimetype == "text/javascript"


@pytest.mark.parametrize("name", ["../static.py", "..%2Fstatic.py", "console.js", "index.html.py", ".env", ""])
def test_a_docs_file_outside_its_folders_is_not_found(name: str) -> None:
    response = api_docs_file(get(f"/v1/docs/{name}", file=name))
    assert response.status_code == 404
    assert json.loads(response.get_body())["code"] == "file_not_found"
