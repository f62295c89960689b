"""ASP.NET Core-style route templates, as Functions HTTP triggers use them.

Supported: literal segments (case-insensitive), ``{name}``, ``{name?}``, ``{name=default}``, catch-all
``{*rest}``, complex segments such as ``{name}.{ext}``, and the common inline constraints (``int``, ``alpha``,
``guid``, ``bool``, ``long``, ``double``, ``decimal``, ``float``, ``datetime``, ``length``, ``minlength``,
``maxlength``, ``min``, ``max``, ``range``, ``regex``, ``required``). Route values are percent-decoded except
``%2F``, which never splits a segment.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Generic, TypeVar
from urllib.parse import unquote

logger = logging.getLogger(__name__)

Target = TypeVar("Target")

_LITERAL, _COMPLEX, _CONSTRAINED, _PARAMETER, _CATCH_ALL = 1, 2, 3, 4, 5


class RouteTemplateError(ValueError):
    pass


@dataclass(frozen=True)
class _Parameter:
    name: str
    group: str
    optional: bool
    default: str | None
    catch_all: bool
    constraints: tuple[Callable[[str], bool], ...]


@dataclass(frozen=True)
class RouteTemplate:
    template: str
    pattern: re.Pattern[str]
    parameters: tuple[_Parameter, ...]
    precedence: tuple[int, ...]

    @classmethod
    def compile(cls, template: str, prefix: str = "") -> RouteTemplate:
        full = "/".join(part.strip("/") for part in (prefix, template) if part.strip("/"))
        regex_parts: list[str] = []
        parameters: list[_Parameter] = []
        precedence: list[int] = []
        segments = full.split("/") if full else []
        for index, segment in enumerate(segments):
            pieces = _split_segment(segment, full)
            separator = "/" if index else ""
            segment_parameters = [piece for piece in pieces if not isinstance(piece, str)]
            whole_parameter = len(pieces) == 1 and segment_parameters
            if whole_parameter:
                parameter = _parse_parameter(pieces[0].text, f"g{len(parameters)}", full)  # type: ignore[union-attr]
                parameters.append(parameter)
                value = "(?P<{}>.*)" if parameter.catch_all else "(?P<{}>[^/]+)"
                body = separator + value.format(parameter.group)
                if parameter.optional or parameter.catch_all:
                    if index != len(segments) - 1:
                        raise RouteTemplateError(f"{full!r}: only the last segment may be optional.")
                    body = f"(?:{body})?"
                regex_parts.append(body)
                if parameter.catch_all:
                    precedence.append(_CATCH_ALL)
                else:
                    precedence.append(_CONSTRAINED if parameter.constraints else _PARAMETER)
                continue
            body = separator
            for piece in pieces:
                if isinstance(piece, str):
                    body += re.escape(piece)
                else:
                    parameter = _parse_parameter(piece.text, f"g{len(parameters)}", full)
                    if parameter.optional or parameter.catch_all:
                        raise RouteTemplateError(f"{full!r}: optional or catch-all inside a complex segment.")
                    parameters.append(parameter)
                    body += f"(?P<{parameter.group}>[^/]+?)"
            regex_parts.append(body)
            precedence.append(_COMPLEX if segment_parameters else _LITERAL)
        pattern = re.compile("^" + "".join(regex_parts) + "/?$", re.IGNORECASE)
        return cls(full, pattern, tuple(parameters), tuple(precedence))

    def match(self, raw_path: str) -> dict[str, str] | None:
        """Route values for a percent-encoded path without the leading slash, or None."""
        found = self.pattern.match(raw_path)
        if not found:
            return None
        values: dict[str, str] = {}
        for parameter in self.parameters:
            raw = found.group(parameter.group)
            if raw is None or raw == "":
                if parameter.default is not None:
                    values[parameter.name] = parameter.default
                elif not (parameter.optional or parameter.catch_all):
                    return None
                continue
            # %2F stays encoded so a value never looks like two segments, as in ASP.NET Core.
            value = unquote(raw.replace("%2F", "%252F").replace("%2f", "%252f"))
            if not all(check(value) for check in parameter.constraints):
                return None
            values[parameter.name] = value
        return values


@dataclass(frozen=True)
class _ParameterText:
    text: str


def _split_segment(segment: str, template: str) -> list[str | _ParameterText]:
    pieces: list[str | _ParameterText] = []
    literal = ""
    position = 0
    while position < len(segment):
        char = segment[position]
        if segment.startswith("{{", position) or segment.startswith("}}", position):
            literal += char
            position += 2
        elif char == "{":
            end = position + 1
            text = ""
            while end < len(segment):
                if segment.startswith("}}", end):
                    text += "}"
                    end += 2
                elif segment.startswith("{{", end):
                    text += "{"
                    end += 2
                elif segment[end] == "}":
                    break
                else:
                    text += segment[end]
                    end += 1
            else:
                raise RouteTemplateError(f"{template!r}: unclosed '{{'.")
            if literal:
                pieces.append(literal)
                literal = ""
            pieces.append(_ParameterText(text))
            position = end + 1
        elif char == "}":
            raise RouteTemplateError(f"{template!r}: unmatched '}}'.")
        else:
            literal += char
            position += 1
    if literal:
        pieces.append(literal)
    if not pieces:
        raise RouteTemplateError(f"{template!r}: empty segment.")
    return pieces


def _parse_parameter(text: str, group: str, template: str) -> _Parameter:
    """``[*]name[:constraint(args)...][?|=default]``."""
    catch_all = text.startswith("*")
    text = text.lstrip("*")
    optional = text.endswith("?")
    text = text.removesuffix("?")
    parts = _split_constraints(text)
    last = parts[-1]
    default: str | None = None
    equals = last.find("=", last.rfind(")") + 1 if "(" in last else 0)
    if equals >= 0:
        parts[-1], default = last[:equals], last[equals + 1 :]
    name = parts[0]
    if not name:
        raise RouteTemplateError(f"{template!r}: a parameter has no name.")
    constraints = tuple(_constraint(spec, template) for spec in parts[1:])
    return _Parameter(name, group, optional or default is not None, default, catch_all, constraints)


def _split_constraints(text: str) -> list[str]:
    """Split ``id:int:range(1,5)`` on colons outside parentheses (a regex constraint may contain colons)."""
    parts: list[str] = []
    depth = 0
    current = ""
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        if char == ":" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


def _is_number(parse: Callable[[str], object]) -> Callable[[str], bool]:
    def check(value: str) -> bool:
        try:
            parse(value)
        except (ValueError, InvalidOperation):
            return False
        return True

    return check


_SIMPLE_CONSTRAINTS: dict[str, Callable[[str], bool]] = {
    "int": lambda value: re.fullmatch(r"-?\d+", value) is not None and -(2**31) <= int(value) < 2**31,
    "long": lambda value: re.fullmatch(r"-?\d+", value) is not None and -(2**63) <= int(value) < 2**63,
    "alpha": lambda value: re.fullmatch(r"[A-Za-z]+", value) is not None,
    "bool": lambda value: value.lower() in ("true", "false"),
    "guid": _is_number(uuid.UUID),
    "double": _is_number(float),
    "float": _is_number(float),
    "decimal": _is_number(Decimal),
    "datetime": _is_number(datetime.fromisoformat),
    "required": lambda value: value != "",
}


def _constraint(spec: str, template: str) -> Callable[[str], bool]:
    name, _, argument_text = spec.partition("(")
    name = name.strip().lower()
    argument_text = argument_text[:-1] if argument_text.endswith(")") else argument_text
    if name in _SIMPLE_CONSTRAINTS and not argument_text:
        return _SIMPLE_CONSTRAINTS[name]
    if name == "regex":
        expression = re.compile(argument_text, re.IGNORECASE)
        return lambda value: expression.search(value) is not None
    numbers = [int(item) for item in argument_text.split(",") if item.strip()] if argument_text else []
    if name == "length" and len(numbers) == 1:
        return lambda value: len(value) == numbers[0]
    if name == "length" and len(numbers) == 2:
        return lambda value: numbers[0] <= len(value) <= numbers[1]
    if name == "minlength" and len(numbers) == 1:
        return lambda value: len(value) >= numbers[0]
    if name == "maxlength" and len(numbers) == 1:
        return lambda value: len(value) <= numbers[0]
    integer = _SIMPLE_CONSTRAINTS["long"]
    if name == "min" and len(numbers) == 1:
        return lambda value: integer(value) and int(value) >= numbers[0]
    if name == "max" and len(numbers) == 1:
        return lambda value: integer(value) and int(value) <= numbers[0]
    if name == "range" and len(numbers) == 2:
        return lambda value: integer(value) and numbers[0] <= int(value) <= numbers[1]
    raise RouteTemplateError(f"{template!r}: unknown route constraint {spec!r}.")


@dataclass(frozen=True)
class Route(Generic[Target]):
    template: RouteTemplate
    methods: frozenset[str] | None  # None: every method
    target: Target


@dataclass
class RouteTable(Generic[Target]):
    """Routes tried from the most specific (literal segments first), as ASP.NET Core orders them."""

    routes: list[Route[Target]] = field(default_factory=list)

    def add(self, template: str, prefix: str, methods: Iterable[str] | None, target: Target) -> None:
        compiled = RouteTemplate.compile(template, prefix)
        method_set = frozenset(method.upper() for method in methods) if methods else None
        for existing in self.routes:
            same_methods = existing.methods is None or method_set is None or existing.methods & method_set
            if existing.template.template.lower() == compiled.template.lower() and same_methods:
                logger.warning("Routes %r overlap: requests match the first registered.", compiled.template)
        self.routes.append(Route(compiled, method_set, target))
        self.routes.sort(key=lambda route: route.template.precedence)

    def resolve(self, method: str, raw_path: str) -> tuple[Target, dict[str, str]] | None:
        """The target and route values for a request, or None (a wrong method is a 404 in Functions)."""
        path = raw_path.lstrip("/")
        for route in self.routes:
            if route.methods is not None and method.upper() not in route.methods:
                continue
            values = route.template.match(path)
            if values is not None:
                return route.target, values
        return None
