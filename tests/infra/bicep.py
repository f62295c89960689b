"""Just enough Bicep reading for the consistency tests: no compiler runs here, so the text is parsed.

The helpers are strict on purpose: when the template's shape changes so that a declaration cannot be found,
they raise ``BicepShapeError`` (the checkers turn it into a problem) instead of silently finding nothing.
"""

from __future__ import annotations

import re

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
GUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"


class BicepShapeError(ValueError):
    """The template does not have the shape the checkers rely on."""


def strip_comments(text: str) -> str:
    """The text with // and /* */ comments blanked out (strings, including ''' strings, are kept).

    Newlines are kept so that line-based patterns still line up.
    """
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        if text.startswith("'''", i):
            end = text.find("'''", i + 3)
            end = n if end < 0 else end + 3
            out.append(text[i:end])
            i = end
        elif text[i] == "'":
            j = i + 1
            while j < n and text[j] != "'":
                j += 2 if text[j] == "\\" else 1
            out.append(text[i : j + 1])
            i = j + 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append("".join(ch for ch in text[i:end] if ch == "\n"))
            i = end
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def matching_close(text: str, open_index: int) -> int:
    """Index of the bracket closing the one at ``open_index`` (strings are skipped; text has no comments)."""
    pairs = {"{": "}", "[": "]", "(": ")"}
    stack = [pairs[text[open_index]]]
    i = open_index + 1
    while i < len(text):
        ch = text[i]
        if ch == "'":
            i += 1
            while i < len(text) and text[i] != "'":
                i += 2 if text[i] == "\\" else 1
        elif ch in pairs:
            stack.append(pairs[ch])
        elif ch in "}])":
            if not stack or ch != stack[-1]:
                raise BicepShapeError(f"unbalanced {ch!r} at offset {i}")
            stack.pop()
            if not stack:
                return i
        i += 1
    raise BicepShapeError(f"no closing bracket for {text[open_index]!r} at offset {open_index}")


def declaration_value(text: str, keyword: str, name: str) -> str:
    """The value expression of ``param|var|output <name> ... = <value>`` (a whole bracketed literal if one)."""
    code = strip_comments(text)
    match = re.search(rf"^[ \t]*{keyword}[ \t]+{re.escape(name)}\b[^=\n]*=[ \t]*", code, re.MULTILINE)
    if match is None:
        raise BicepShapeError(f"no `{keyword} {name}` declaration")
    return _value_at(code, match.end())[0]


def _value_at(code: str, start: int) -> tuple[str, int]:
    """The expression starting at ``start`` and the index just after it."""
    if start < len(code) and code[start] in "{[":
        end = matching_close(code, start) + 1
        return code[start:end], end
    # A one-line expression, unless brackets opened on the line continue it.
    i = start
    while i < len(code) and code[i] != "\n":
        if code[i] in "{[(":
            i = matching_close(code, i)
        elif code[i] == "'":
            i += 1
            while i < len(code) and code[i] != "'":
                i += 2 if code[i] == "\\" else 1
        i += 1
    return code[start:i].strip(), i


def object_entries(literal: str) -> dict[str, str]:
    """Top-level ``key: value`` entries of an object literal ``{ ... }`` (values are raw expressions)."""
    literal = strip_comments(literal).strip()
    if not (literal.startswith("{") and literal.endswith("}")):
        raise BicepShapeError(f"not an object literal: {literal[:60]!r}")
    body = literal[1:-1]
    entries: dict[str, str] = {}
    i = 0
    key_pattern = re.compile(rf"\s*(?:({IDENT})|'([^']*)')\s*:\s*")
    while i < len(body):
        if body[i] in " \t\r\n,":
            i += 1
            continue
        match = key_pattern.match(body, i)
        if match is None:
            raise BicepShapeError(f"cannot read an object entry at {body[i : i + 60]!r}")
        key = match.group(1) or match.group(2)
        if key in entries:
            raise BicepShapeError(f"duplicate object key {key!r}")
        entries[key], i = _value_at(body, match.end())
    return entries


def array_strings(literal: str) -> list[str]:
    """The string items of an array literal ``[ 'a' 'b' ]`` (anything else in it is an error)."""
    literal = strip_comments(literal).strip()
    if not (literal.startswith("[") and literal.endswith("]")):
        raise BicepShapeError(f"not an array literal: {literal[:60]!r}")
    body = literal[1:-1]
    items = re.findall(r"'((?:[^'\\]|\\.)*)'", body)
    leftover = re.sub(r"'((?:[^'\\]|\\.)*)'", "", body).strip(" \t\r\n,")
    if leftover:
        raise BicepShapeError(f"array holds more than string literals: {leftover[:60]!r}")
    return items


def string_literals(expression: str) -> list[str]:
    """Every single-quoted string literal in an expression, unescaped (interpolations left as they are)."""
    return [value.replace("\\'", "'") for value in re.findall(r"'((?:[^'\\]|\\.)*)'", expression)]


def module_params(text: str, symbol: str) -> tuple[str, dict[str, str]]:
    """(path, params) of ``module <symbol> '<path>' = { ... params: { ... } }``."""
    code = strip_comments(text)
    pattern = rf"^module[ \t]+{re.escape(symbol)}[ \t]+'([^']+)'[ \t]*=[ \t]*(?:if[ \t]*\(.*?\)[ \t]*)?\{{"
    match = re.search(pattern, code, re.MULTILINE)
    if match is None:
        raise BicepShapeError(f"no `module {symbol}` declaration")
    body = object_entries(code[match.end() - 1 : matching_close(code, match.end() - 1) + 1])
    if "params" not in body:
        raise BicepShapeError(f"module {symbol} has no params")
    return match.group(1), object_entries(body["params"])


def resource_body(text: str, symbol: str) -> tuple[str, bool, str]:
    """(type, existing, body) of ``resource <symbol> '<type>@<version>' [existing] = [if (..)] {...}``.

    For a loop (``= [for x in y: {...}]``) the body is the whole bracketed loop expression.
    """
    code = strip_comments(text)
    match = re.search(rf"^resource[ \t]+{re.escape(symbol)}[ \t]+'([^'@]+)@[^']*'[ \t]*(existing)?[ \t]*=[ \t]*",
                      code, re.MULTILINE)  # fmt: skip
    if match is None:
        raise BicepShapeError(f"no `resource {symbol}` declaration")
    rest = code[match.end() :]
    condition = re.match(r"if[ \t]*\(", rest)
    start = match.end()
    if condition:
        start = matching_close(code, match.end() + condition.end() - 1) + 1
        while code[start] in " \t":
            start += 1
    return match.group(1), bool(match.group(2)), code[start : matching_close(code, start) + 1]


def resources_of_type(text: str, resource_type: str) -> list[str]:
    """Symbols of the resources of one type declared in the file."""
    code = strip_comments(text)
    pattern = rf"^resource[ \t]+({IDENT})[ \t]+'{re.escape(resource_type)}@[^']*'"
    return re.findall(pattern, code, re.MULTILINE)


def loop_parts(body: str) -> tuple[str, str, str]:
    """(item, collection expression, item body) of ``[for <item> in <collection>: { ... }]``."""
    match = re.match(rf"\[\s*for\s+({IDENT})\s+in\s+(.+?)\s*:\s*\{{", body, re.DOTALL)
    if match is None:
        raise BicepShapeError(f"not a resource loop: {body[:60]!r}")
    open_index = match.end() - 1
    return match.group(1), match.group(2), body[open_index : matching_close(body, open_index) + 1]
