"""Strict-mode JSON schemas generated from pydantic models."""

from __future__ import annotations

from typing import Literal

import pytest
from pydantic import BaseModel, Field

from shared.ai.evaluation.azure_openai import LlmEvaluation
from shared.ai.evaluation.strict_schema import SchemaError, strict_json_schema, strict_schema_problems
from tests.fakes.azure_openai import instance_problems, strict_problems

pytestmark = pytest.mark.unit


class Inner(BaseModel):
    label: Literal["a", "b"]
    note: str | None = None
    count: int = Field(default=0, ge=0, le=10)


class Outer(BaseModel):
    name: str = Field(min_length=1, description="A name.")
    inner: Inner = Field(description="The inner part.")
    items: list[Inner] = Field(max_length=3)


def test_pydantic_schema_alone_is_not_strict() -> None:
    raw = Outer.model_json_schema()
    assert strict_problems(raw, raw, "root")  # the fake's independent check refuses it


def test_strict_schema_closes_objects_requires_all_and_inlines_references() -> None:
    schema = strict_json_schema(Outer)
    assert strict_schema_problems(schema) == []
    assert strict_problems(schema, schema, "root") == []
    assert "$defs" not in schema and "$ref" not in str(schema)
    inner = schema["properties"]["inner"]
    assert inner["additionalProperties"] is False
    assert inner["required"] == ["label", "note", "count"]  # optional fields become required-but-nullable
    assert inner["description"] == "The inner part."
    assert {"type": "null"} in inner["properties"]["note"]["anyOf"]
    assert "minimum" not in inner["properties"]["count"] and "default" not in inner["properties"]["count"]
    assert "minLength" not in schema["properties"]["name"]


def test_llm_evaluation_schema_accepts_a_valid_answer() -> None:
    schema = strict_json_schema(LlmEvaluation)
    answer = {
        "criteria": [
            {
                "criterion_id": "greeting",
                "passed": True,
                "reason": "Greeted.",
                "evidence": [{"segment_index": 0, "quote": "thank you for calling"}],
            }
        ],
        "sentiment": {"overall": "positive", "by_speaker": [{"speaker": "agent", "label": "neutral"}]},
        "summary": [{"text": "Refund issued.", "segment_indexes": [4]}],
    }
    assert instance_problems(schema, answer) == []
    assert instance_problems(schema, {**answer, "extra": 1})  # additionalProperties false is enforced


def test_free_form_dicts_cannot_be_strict() -> None:
    class Loose(BaseModel):
        values: dict[str, int]

    with pytest.raises(SchemaError):
        strict_json_schema(Loose)
