from __future__ import annotations

import pytest

from devhost.routing import RouteTable, RouteTemplate, RouteTemplateError

pytestmark = pytest.mark.unit


def test_parameters_and_case_insensitive_literals() -> None:
    template = RouteTemplate.compile("v1/audio-files/{id}", "api")
    assert template.match("api/v1/audio-files/af_1") == {"id": "af_1"}
    assert template.match("API/V1/AUDIO-FILES/AF_1") == {"id": "AF_1"}
    assert template.match("api/v1/audio-files/af_1/") == {"id": "af_1"}
    assert template.match("api/v1/audio-files") is None
    assert template.match("api/v1/audio-files/a/b") is None


def test_values_are_percent_decoded_except_slashes() -> None:
    template = RouteTemplate.compile("files/{name}", "")
    assert template.match("files/a%20b") == {"name": "a b"}
    assert template.match("files/a%2Fb") == {"name": "a%2Fb"}


@pytest.mark.parametrize(
    ("template", "path", "expected"),
    [
        ("n/{id:int}", "n/42", {"id": "42"}),
        ("n/{id:int}", "n/4x", None),
        ("n/{id:alpha}", "n/abc", {"id": "abc"}),
        ("n/{id:alpha}", "n/ab1", None),
        ("n/{id:guid}", "n/0f8fad5b-d9cb-469f-a165-70867728950e", {"id": "0f8fad5b-d9cb-469f-a165-70867728950e"}),
        ("n/{id:guid}", "n/nope", None),
        ("n/{id:int:range(1,10)}", "n/11", None),
        ("n/{id:minlength(3)}", "n/ab", None),
        ("n/{id:regex(^af_[0-9]+$)}", "n/af_12", {"id": "af_12"}),
        ("n/{id?}", "n", {}),
        ("n/{id?}", "n/7", {"id": "7"}),
        ("n/{id=first}", "n", {"id": "first"}),
        ("n/{id:int?}", "n", {}),
        ("n/{*rest}", "n/a/b/c", {"rest": "a/b/c"}),
        ("n/{*rest}", "n", {}),
        ("n/{name}.{ext}", "n/call.wav", {"name": "call", "ext": "wav"}),
        ("n/{{literal}}", "n/{literal}", {}),
    ],
)
def test_template_forms(template: str, path: str, expected: dict[str, str] | None) -> None:
    assert RouteTemplate.compile(template).match(path) == expected


@pytest.mark.parametrize("template", ["n/{id:nonsense}", "n/{id", "n/{?}", "n/{a?}/b"])
def test_bad_templates_fail_at_start(template: str) -> None:
    with pytest.raises(RouteTemplateError):
        RouteTemplate.compile(template)


def test_table_prefers_literals_and_filters_methods() -> None:
    table: RouteTable[str] = RouteTable()
    table.add("v1/audio-files/{id}", "api", ["GET", "DELETE"], "by-id")
    table.add("v1/audio-files/search", "api", ["GET"], "search")
    table.add("v1/{*anything}", "api", None, "fallback")
    assert table.resolve("GET", "/api/v1/audio-files/search") == ("search", {})
    assert table.resolve("get", "/api/v1/audio-files/x1") == ("by-id", {"id": "x1"})
    assert table.resolve("POST", "/api/v1/audio-files/x1") == ("fallback", {"anything": "audio-files/x1"})
    assert table.resolve("GET", "/elsewhere") is None


def test_empty_route_prefix() -> None:
    table: RouteTable[str] = RouteTable()
    table.add("health", "", None, "health")
    assert table.resolve("GET", "/health") == ("health", {})
