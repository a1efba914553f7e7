# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""The ``jq_filter`` argument: ask for part of a result instead of all of it.

Two syntaxes, told apart by the first character:

- a jq path (starts with ``.``): ``.data``, ``.data[0]``, ``.data[].id``,
  ``.["odd key"]``, ``.data[-1]``, stages joined by ``|``, and the
  functions ``length``, ``keys``, ``first``, ``last``. A path that yields
  several values gives them as a list.
- anything else is a GJSON path (https://github.com/tidwall/gjson/blob/master/SYNTAX.md),
  e.g. ``data.#.id`` or ``items.#(state=="open")#``.
"""

from __future__ import annotations

import re
from typing import Any


class FilterError(ValueError):
    """The filter cannot be read, or cannot apply to the value."""


def apply(value: Any, expression: str) -> Any:
    """``value`` narrowed by ``expression`` (``None`` when a GJSON path matches nothing)."""
    expression = expression.strip()
    if not expression:
        raise FilterError("the filter is empty")
    if expression.startswith(".") and not expression.startswith(".."):
        return _jq(value, expression)
    if expression in _FUNCTIONS or expression.split("|")[0].strip() in _FUNCTIONS:
        return _jq(value, expression)
    import gjson

    try:
        return gjson.get(value, expression)
    except gjson.GJSONError as exc:
        raise FilterError(f"invalid GJSON path: {str(exc).splitlines()[0]}") from None


# --- the jq subset --------------------------------------------------------------

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<dot>\.)(?P<name>[A-Za-z_][A-Za-z0-9_]*)?
      | \[\s*(?P<index>-?[0-9]+)\s*\]
      | \[\s*(?P<string>"(?:[^"\\]|\\.)*")\s*\]
      | \[\s*(?P<all>)\]
      | (?P<quoted>"(?:[^"\\]|\\.)*")
    )""",
    re.VERBOSE,
)

_FUNCTIONS = ("length", "keys", "first", "last")


def _jq(value: Any, expression: str) -> Any:
    stream = [value]
    for stage in _split_pipes(expression):
        stream = [out for item in stream for out in _stage(item, stage)]
    return stream[0] if len(stream) == 1 else stream


def _split_pipes(expression: str) -> list[str]:
    stages, current, quoted, escaped = [], [], False, False
    for char in expression:
        if quoted:
            current.append(char)
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                quoted = False
        elif char == '"':
            quoted = True
            current.append(char)
        elif char == "|":
            stages.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    stages.append("".join(current).strip())
    if any(not s for s in stages):
        raise FilterError("a `|` needs a filter on each side")
    return stages


def _stage(value: Any, stage: str) -> list[Any]:
    if stage in _FUNCTIONS:
        return [_function(value, stage)]
    if stage == ".":
        return [value]
    stream = [value]
    pos = 0
    while pos < len(stage):
        match = _TOKEN.match(stage, pos)
        if match is None or match.end() == pos:
            raise FilterError(f"cannot read the jq filter at {stage[pos:]!r}")
        pos = match.end()
        stream = [out for item in stream for out in _step(item, match)]
    return stream


def _step(value: Any, match: re.Match[str]) -> list[Any]:
    import json

    if match.group("name") is not None:
        return [_key(value, match.group("name"))]
    for group in ("string", "quoted"):
        if match.group(group) is not None:
            return [_key(value, json.loads(match.group(group)))]
    if match.group("index") is not None:
        index = int(match.group("index"))
        if value is None:
            return [None]
        if not isinstance(value, list):
            raise FilterError(f"cannot index {_kind(value)} with a number")
        return [value[index] if -len(value) <= index < len(value) else None]
    if match.group("all") is not None:
        if isinstance(value, list):
            return list(value)
        if isinstance(value, dict):
            return list(value.values())
        raise FilterError(f"cannot iterate over {_kind(value)}")
    return [value]  # a lone `.` between steps


def _key(value: Any, key: str) -> Any:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise FilterError(f"cannot index {_kind(value)} with {key!r}")
    return value.get(key)


def _function(value: Any, name: str) -> Any:
    if name == "length":
        if value is None:
            return 0
        if isinstance(value, (list, dict, str)):
            return len(value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return abs(value)
        raise FilterError(f"{_kind(value)} has no length")
    if name == "keys":
        if isinstance(value, dict):
            return sorted(value)
        if isinstance(value, list):
            return list(range(len(value)))
        raise FilterError(f"{_kind(value)} has no keys")
    if not isinstance(value, list):
        raise FilterError(f"`{name}` needs an array, not {_kind(value)}")
    if not value:
        return None
    return value[0] if name == "first" else value[-1]


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"
