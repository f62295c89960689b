"""JSON schemas that Azure OpenAI structured outputs accept in strict mode, generated from pydantic.

Strict mode (``"strict": true``) accepts a subset of JSON Schema: every object must say
``additionalProperties: false`` and list *all* its properties in ``required`` (optional values are
expressed as ``anyOf [..., null]``), and keywords such as ``default``, ``format``, ``minLength`` or
``minimum`` are refused by some model versions. ``model_json_schema()`` produces none of that, so it is
post-processed here. References are inlined, which keeps the schema self-contained (the LLM models
here are not recursive). Constraints dropped from the schema are still enforced when the reply is
validated with the same pydantic model.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

# Keywords strict mode refuses or that only document (pydantic re-checks constraints on the reply).
UNSUPPORTED_KEYWORDS = frozenset(
    {
        "title",
        "default",
        "examples",
        "format",
        "pattern",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minProperties",
        "maxProperties",
        "patternProperties",
        "propertyNames",
        "discriminator",
    }
)
_MAX_DEPTH = 64


class SchemaError(ValueError):
    """The model cannot be expressed as a strict schema (recursive, or a free-form dict)."""


def strict_json_schema(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema()
    definitions = schema.pop("$defs", {})
    return _strict(schema, definitions, depth=0)


def _resolve(reference: str, definitions: dict[str, Any]) -> dict[str, Any]:
    prefix = "#/$defs/"
    if not reference.startswith(prefix) or reference[len(prefix) :] not in definitions:
        raise SchemaError(f"unresolvable reference {reference!r}")
    resolved: dict[str, Any] = definitions[reference[len(prefix) :]]
    return resolved


def _strict(node: dict[str, Any], definitions: dict[str, Any], *, depth: int) -> dict[str, Any]:
    if depth > _MAX_DEPTH:
        raise SchemaError("schema is too deep or recursive; strict schemas here are inlined")
    if "$ref" in node:
        # Siblings of $ref (pydantic puts a field's description there) win over the definition's.
        merged = {**_resolve(node["$ref"], definitions), **{k: v for k, v in node.items() if k != "$ref"}}
        return _strict(merged, definitions, depth=depth + 1)
    if "allOf" in node and len(node["allOf"]) == 1:
        merged = {**node["allOf"][0], **{k: v for k, v in node.items() if k != "allOf"}}
        return _strict(merged, definitions, depth=depth + 1)

    result: dict[str, Any] = {}
    for key, value in node.items():
        if key in UNSUPPORTED_KEYWORDS:
            continue
        if key == "properties":
            result[key] = {name: _strict(child, definitions, depth=depth + 1) for name, child in value.items()}
        elif key == "items" and isinstance(value, dict):
            result[key] = _strict(value, definitions, depth=depth + 1)
        elif key in ("anyOf", "oneOf"):
            # Strict mode supports anyOf; oneOf means the same for the disjoint shapes pydantic emits.
            result["anyOf"] = [_strict(child, definitions, depth=depth + 1) for child in value]
        elif key == "additionalProperties":
            if value not in (False, None) and value != {}:
                raise SchemaError("free-form objects (dict fields) cannot be expressed in strict mode")
        else:
            result[key] = value

    if result.get("type") == "object" or "properties" in result:
        result["type"] = "object"
        result.setdefault("properties", {})
        result["required"] = list(result["properties"])
        result["additionalProperties"] = False
    return result


def strict_schema_problems(schema: dict[str, Any], path: str = "$") -> list[str]:
    """Why a schema would be refused in strict mode (empty when it is acceptable)."""
    problems: list[str] = []
    if schema.get("type") == "object" or "properties" in schema:
        properties = schema.get("properties", {})
        if schema.get("additionalProperties") is not False:
            problems.append(f"{path}: additionalProperties must be false")
        if sorted(schema.get("required", [])) != sorted(properties):
            problems.append(f"{path}: required must list every property")
        for name, child in properties.items():
            problems += strict_schema_problems(child, f"{path}.{name}")
    for keyword in UNSUPPORTED_KEYWORDS & set(schema):
        problems.append(f"{path}: unsupported keyword {keyword!r}")
    if "$ref" in schema:
        problems.append(f"{path}: unresolved $ref")
    if isinstance(schema.get("items"), dict):
        problems += strict_schema_problems(schema["items"], f"{path}[]")
    for position, child in enumerate(schema.get("anyOf", [])):
        problems += strict_schema_problems(child, f"{path}|{position}")
    return problems
