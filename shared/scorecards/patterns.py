"""Whether a scorecard pattern can make Python's backtracking matcher run away.

Two checks, both conservative (a pattern they cannot vouch for is refused, and the card's author rewrites it):

- regexploit finds sequences of repeats that overlap (``.*.*.*x``, ``(a+)+b``): cubic or exponential work on a
  line that almost matches.
- Our own walk of the parsed pattern refuses what regexploit misses: back-references; a repeat (at most more
  than once) whose body holds a variable repeat, unless each pass starts with a character the inner repeats
  cannot match (``( \\w+){0,8}`` is fine, ``(?:a?){50}a{50}`` and ``(\\w+ )*`` are not); alternatives under such
  a repeat that can start alike or both match nothing (``(a|a)*``); repeat bounds over 100; and more than 10
  variable repeats in one pattern.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

with warnings.catch_warnings():  # regexploit reads patterns with the standard library's (deprecated) sre_parse
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants as c
    import sre_parse

    from regexploit.ast.sre import SreOpParser
    from regexploit.redos import find as find_redos

# regexploit's "starriness": 1-2 is linear or quadratic work on a failing match, 3 and up cubic or exponential.
MAX_STARRINESS = 2
MAX_REPEAT_BOUND = 100
MAX_VARIABLE_REPEATS = 10
# Characters tried when asking whether two single-character items can match the same character.
_SAMPLE = [chr(code) for code in range(32, 127)] + ["\t", "\n", "é", "ß", "ñ", "ü", "ø", "ç", "٣"]
_CATEGORIES = {
    c.CATEGORY_WORD: re.compile(r"\w"),
    c.CATEGORY_NOT_WORD: re.compile(r"\W"),
    c.CATEGORY_DIGIT: re.compile(r"\d"),
    c.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    c.CATEGORY_SPACE: re.compile(r"\s"),
    c.CATEGORY_NOT_SPACE: re.compile(r"\S"),
}
_SINGLE = (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN)
_REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT))
Item = tuple[Any, Any]


class _Unsafe(Exception):
    pass


def _matches(item: Item, char: str) -> bool:
    """Whether a single-character item matches ``char`` (True when it cannot tell)."""
    op, value = item
    if op is c.LITERAL:
        return chr(value) == char
    if op is c.NOT_LITERAL:
        return chr(value) != char
    if op is c.IN:
        negate, hit = False, False
        for member_op, member in value:
            if member_op is c.NEGATE:
                negate = True
            elif member_op is c.LITERAL:
                hit = hit or chr(member) == char
            elif member_op is c.RANGE:
                hit = hit or member[0] <= ord(char) <= member[1]
            elif member_op is c.CATEGORY and member in _CATEGORIES:
                hit = hit or bool(_CATEGORIES[member].match(char))
            else:
                return True
        return hit != negate
    return True


def _overlap(first: Item, second: Item) -> bool:
    return any(_matches(first, char) and _matches(second, char) for char in _SAMPLE)


def _unwrap(items: list[Item]) -> list[Item]:
    """A group's content instead of the group, as long as the sequence is just one group."""
    while len(items) == 1 and items[0][0] is c.SUBPATTERN:
        items = list(items[0][1][-1])
    return items


def _first(items: list[Item]) -> Item | None:
    """The single-character item a sequence starts with; None when it starts otherwise (or is empty)."""
    items = _unwrap(items)
    return items[0] if items and items[0][0] in _SINGLE else None


def _variable_repeats(items: list[Item]) -> list[Item]:
    """The items repeated a variable number of times, at any depth."""
    found: list[Item] = []
    for op, value in items:
        if op in _REPEATS:
            low, high, body = value
            if low != high:
                found.append((op, value))
            found += _variable_repeats(list(body))
        elif op is c.SUBPATTERN:
            found += _variable_repeats(list(value[-1]))
        elif op is c.BRANCH:
            for alternative in value[1]:
                found += _variable_repeats(list(alternative))
        elif op in (c.ASSERT, c.ASSERT_NOT):
            found += _variable_repeats(list(value[1]))
    return found


def _branches(items: list[Item]) -> list[list[list[Item]]]:
    found: list[list[list[Item]]] = []
    for op, value in items:
        if op is c.BRANCH:
            found.append([list(alternative) for alternative in value[1]])
            for alternative in value[1]:
                found += _branches(list(alternative))
        elif op is c.SUBPATTERN:
            found += _branches(list(value[-1]))
        elif op in _REPEATS:
            found += _branches(list(value[2]))
    return found


def _check_repeated_body(body: list[Item]) -> None:
    """A body that may match many times in a row must split one way only."""
    body = _unwrap(body)
    for alternatives in _branches(body):
        starts = [_first(alternative) for alternative in alternatives]
        empties = sum(1 for alternative in alternatives if not _unwrap(alternative))
        if empties > 1:
            raise _Unsafe("alternatives that both match nothing under a repeat")
        known = [start for start, alternative in zip(starts, alternatives, strict=True) if _unwrap(alternative)]
        if None in known or any(_overlap(a, b) for i, a in enumerate(known) for b in known[i + 1 :] if a and b):
            raise _Unsafe("alternatives that can start alike under a repeat")
    inner = _variable_repeats(body)
    if not inner:
        return
    separator = body[0] if body and body[0][0] in _SINGLE else None
    if separator is None:
        raise _Unsafe("a repeat inside a repeat (such as (a+)+ or (\\w+ )*) can backtrack without bound")
    for _, (_, _, repeated) in inner:
        item = _first(list(repeated))
        if item is None or len(_unwrap(list(repeated))) != 1 or _overlap(separator, item):
            raise _Unsafe("a repeat inside a repeat whose passes are not kept apart by their first character")


def _walk(items: list[Item]) -> None:
    for op, value in items:
        if op in (c.GROUPREF, c.GROUPREF_EXISTS):
            raise _Unsafe("back-references can take exponential time")
        if op in _REPEATS:
            _, high, body = value
            if high != c.MAXREPEAT and high > MAX_REPEAT_BOUND:
                raise _Unsafe(f"a repeat bound over {MAX_REPEAT_BOUND}")
            if high == c.MAXREPEAT or high > 1:
                _check_repeated_body(list(body))
            _walk(list(body))
        elif op is c.SUBPATTERN:
            _walk(list(value[-1]))
        elif op is c.BRANCH:
            for alternative in value[1]:
                _walk(list(alternative))
        elif op in (c.ASSERT, c.ASSERT_NOT):
            _walk(list(value[1]))


def unsafe_pattern_reason(pattern: str) -> str | None:
    """Why a regular expression could backtrack without bound, or None when it cannot (as far as we can tell).
    ``pattern`` must compile."""
    try:
        parsed: list[Item] = list(sre_parse.parse(pattern).data)
        _walk(parsed)
        if len(_variable_repeats(parsed)) > MAX_VARIABLE_REPEATS:
            return f"more than {MAX_VARIABLE_REPEATS} repeats"
        findings = find_redos(SreOpParser().parse_sre(pattern))
    except _Unsafe as unsafe:
        return str(unsafe)
    except Exception:  # a construct the checks cannot model: refuse rather than guess
        return "it uses a construct that cannot be checked for runaway backtracking"
    if any(finding.starriness > MAX_STARRINESS for finding in findings):
        return "overlapping repeats (such as .*.*.*x or (a+)+b) can backtrack without bound"
    return None
