# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Reading values from the command line, files and stdin, and checking them against the spec.

Everything here raises :class:`InputError` with a message that states the
rule that was broken; callers add which flag or field it was. Nothing here
touches the network, so every check runs before a request is sent.
"""

from __future__ import annotations

import io
import json
import math
import os
import re
import stat
import sys
from collections.abc import Mapping
from typing import Any

from ._spec import choice_text, resolve

Schema = dict[str, Any]
Models = Mapping[str, Schema]


class InputError(Exception):
    """A value the spec does not allow; the message names the rule."""


# --- reading text -------------------------------------------------------------------


def expand_at(text: str) -> str:
    """A flag value with files embedded.

    ``@path`` is the contents of the file: its text when it is UTF-8 text,
    else its bytes in base64. ``@file://path`` insists on text,
    ``@data://path`` always gives base64. ``-`` is what was piped on stdin.
    A leading ``\\@`` (or ``@@``) is a literal ``@``, and ``\\-`` a literal ``-``.
    """
    if text == "-":
        return _as_text_or_base64(read_stdin_once(), "standard input")
    if text[:2] in ("\\@", "\\-", "@@"):
        return text[1:]
    if not text.startswith("@"):
        return text
    if text.startswith("@file://"):
        path = text[len("@file://") :]
        try:
            return read_file(path).decode("utf-8")
        except UnicodeDecodeError:
            raise InputError(
                f"the file {path!r} is not UTF-8 text (use @data://{path} for base64)"
            ) from None
    if text.startswith("@data://"):
        import base64

        return base64.b64encode(read_file(text[len("@data://") :])).decode("ascii")
    return _as_text_or_base64(read_file(text[1:]), text[1:])


def _as_text_or_base64(data: bytes, what: str) -> str:
    """Text as text; anything that is not UTF-8 (or holds NUL bytes) as base64."""
    if b"\x00" not in data:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    import base64

    return base64.b64encode(data).decode("ascii")


def read_file(path: str) -> bytes:
    """The bytes of ``path`` (``~`` expanded), or an :class:`InputError` saying why not."""
    if not path:
        raise InputError("'@' must be followed by a file path (write \\@ for a literal @)")
    try:
        with open(os.path.expanduser(path), "rb") as handle:
            return handle.read()
    except IsADirectoryError:
        raise InputError(f"{path!r} is a folder, not a file") from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(
            f"cannot read the file {path!r}: {reason} (write \\@ for a literal @)"
        ) from None


_STDIN_TAKEN = False


def read_stdin_once() -> bytes:
    """All of stdin, for a flag given as ``-``; only one flag may read it."""
    global _STDIN_TAKEN
    if _STDIN_TAKEN:
        raise InputError("standard input ('-') can be read by one flag only")
    _STDIN_TAKEN = True
    try:
        if sys.stdin.isatty():
            raise InputError("'-' reads standard input, but nothing is piped into it")
    except (AttributeError, ValueError):
        pass
    return sys.stdin.buffer.read()


def stdin_taken() -> bool:
    """Whether a flag has read stdin already (then it is not also the body)."""
    return _STDIN_TAKEN


def read_stdin() -> bytes | None:
    """What was piped or redirected into stdin, or ``None``.

    Only a pipe or a regular file is read, never a terminal (which would wait
    for typing) or anything else; an empty or blank input counts as nothing.
    """
    try:
        fd = sys.stdin.fileno()
        mode = os.fstat(fd).st_mode
    except (AttributeError, OSError, ValueError):
        return None
    if not (stat.S_ISFIFO(mode) or stat.S_ISREG(mode)):
        return None
    data = sys.stdin.buffer.read()
    return data if data.strip() else None


_INT = r"^[+-]?[0-9]+$"


def parse_integer(text: str) -> int:
    if not re.match(_INT, text.strip()):
        raise InputError(f"{text!r} is not an integer")
    return int(text)


def parse_number(text: str) -> Any:
    stripped = text.strip()
    if re.match(_INT, stripped):
        return int(stripped)
    try:
        value = float(stripped)
    except ValueError:
        raise InputError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise InputError(f"{text!r} is not a finite number")
    return value


_TRUE = ("true", "1", "yes", "y", "on")
_FALSE = ("false", "0", "no", "n", "off")


def parse_boolean(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise InputError(f"{text!r} is not a boolean (use true or false)")


def parse_structured(text: str, what: str = "value") -> Any:
    """JSON, else YAML (1.2 core schema: ``no`` stays a string, ``010`` stays 10)."""
    try:
        return json.loads(text)
    except ValueError:
        pass
    try:
        return yaml_load(text)
    except Exception as exc:  # the YAML parser raises several types
        raise InputError(f"the {what} is not valid JSON or YAML: {_parse_problem(exc)}") from None


def _parse_problem(exc: Exception) -> str:
    """What the YAML parser disliked, and where (line and column, counted from 1)."""
    problem = getattr(exc, "problem", None) or getattr(exc, "context", None)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if problem and mark is not None:
        return f"{problem} at line {mark.line + 1}, column {mark.column + 1}"
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


_YAML_LOADER: Any = None


def yaml_load(text: str) -> Any:
    """Parse YAML with the 1.2 core schema (what JSON users expect), no timestamps."""
    global _YAML_LOADER
    import yaml

    if _YAML_LOADER is None:
        base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

        class Loader(base):  # type: ignore[misc]
            pass

        Loader.yaml_implicit_resolvers = {}
        for tag, pattern, first in (
            ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
            ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
            (
                "float",
                r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
                "-+0123456789.",
            ),
            ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
        ):
            Loader.add_implicit_resolver(
                f"tag:yaml.org,2002:{tag}", re.compile(pattern), list(first)
            )

        def construct_int(loader: Any, node: Any) -> int:
            text = str(loader.construct_scalar(node))
            if text.startswith("0o"):
                return int(text[2:], 8)
            return int(text, 16) if text.startswith("0x") else int(text)

        def construct_float(loader: Any, node: Any) -> float:
            text = str(loader.construct_scalar(node)).lower()
            if text.endswith("inf"):
                return float("-inf") if text.startswith("-") else float("inf")
            return float("nan") if text == ".nan" else float(text)

        def construct_text(loader: Any, node: Any) -> str:
            return str(loader.construct_scalar(node))

        Loader.add_constructor("tag:yaml.org,2002:int", construct_int)
        Loader.add_constructor("tag:yaml.org,2002:float", construct_float)
        Loader.add_constructor("tag:yaml.org,2002:timestamp", construct_text)
        _YAML_LOADER = Loader
    return yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 - a SafeLoader subclass


class FileValue(io.BytesIO):
    """The contents of a file flag, named like the file (multipart uploads send the name)."""

    def __init__(self, name: str, data: bytes) -> None:
        super().__init__(data)
        self.name = name


def read_file_field(text: str) -> FileValue:
    """A file flag's value: a path (a leading ``@`` is optional) read whole, or ``-`` for stdin."""
    if text == "-":
        return FileValue("stdin", read_stdin_once())
    for prefix in ("@file://", "@data://", "@"):
        if text.startswith(prefix) and not text.startswith("@@"):
            text = text[len(prefix) :]
            break
    else:
        if text[:2] in ("\\@", "\\-", "@@"):
            text = text[1:]
    return FileValue(os.path.basename(text) or "file", read_file(text))


# --- checking against the spec -------------------------------------------------------


def check(value: Any, schema: Schema, models: Models, at: str = "") -> None:
    """Raise :class:`InputError` unless ``value`` satisfies ``schema``.

    ``at`` is the position inside the value (``shipping.address.country``),
    which prefixes the message of a nested failure.
    """
    schema = resolve(schema, models)
    if value is None:
        if (
            schema.get("nullable")
            or schema.get("type") in ("null", "any")
            or (None in schema.get("enum", ()))
        ):
            return
        if "anyOf" in schema and any(
            resolve(v, models).get("nullable") or resolve(v, models).get("type") == "null"
            for v in schema["anyOf"]
        ):
            return
        raise InputError(_at(at, "must not be null"))
    if "anyOf" in schema:
        problems: list[str] = []
        for variant in schema["anyOf"]:
            try:
                check(value, variant, models, at)
                return
            except InputError as exc:
                problems.append(str(exc))
        raise InputError(
            problems[0]
            if len(problems) == 1
            else _at(at, "matches none of the allowed types: " + "; ".join(problems))
        )
    if "enum" in schema:
        allowed = schema["enum"]
        if not any(_same(value, a) for a in allowed):
            shown = ", ".join(choice_text(a) for a in allowed)
            raise InputError(_at(at, f"must be one of {shown}, got {_show(value)}"))
        return
    kind = schema.get("type", "any")
    checker = _CHECKS.get(kind)
    if checker is not None:
        checker(value, schema, models, at)


def _same(value: Any, allowed: Any) -> bool:
    """JSON equality: 1 == 1.0, but true is not 1."""
    if isinstance(value, bool) or isinstance(allowed, bool):
        return value is allowed
    if isinstance(value, (int, float)) and isinstance(allowed, (int, float)):
        return value == allowed
    return type(value) is type(allowed) and bool(value == allowed)


def _at(at: str, message: str) -> str:
    return f"{at}: {message}" if at else message


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _type_error(at: str, expected: str, value: Any) -> InputError:
    return InputError(_at(at, f"must be {expected}, got {_show(value)}"))


_PATTERNS: dict[str, re.Pattern[str] | None] = {}


def _pattern(source: str) -> re.Pattern[str] | None:
    if source not in _PATTERNS:
        try:
            _PATTERNS[source] = re.compile(source)
        except re.error:
            # An ECMA-262 feature Python lacks: leave the check to the server.
            _PATTERNS[source] = None
    return _PATTERNS[source]


#: Patterns of the string formats checked here (compiled on first use, through _pattern).
_FORMATS = {
    "date-time": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})\Z",
    "date": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\Z",
    "uuid": r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\Z",
}
_FORMAT_WORDS = {
    "date-time": "an RFC 3339 date-time (YYYY-MM-DDThh:mm:ss, then Z or an offset such as +02:00)",
    "date": "a date (YYYY-MM-DD)",
    "uuid": "a UUID",
    "ipv4": "an IPv4 address",
    "ipv6": "an IPv6 address",
}


def _check_string(value: Any, schema: Schema, models: Models, at: str) -> None:
    if schema.get("format") == "binary" and isinstance(value, (bytes, io.IOBase)):
        return
    if not isinstance(value, str):
        raise _type_error(at, "a string", value)
    n = len(value)
    low, high = schema.get("minLength"), schema.get("maxLength")
    if low is not None and n < low:
        unit = "character" if low == 1 else "characters"
        raise InputError(_at(at, f"must be at least {low} {unit} long (minLength {low}), got {n}"))
    if high is not None and n > high:
        raise InputError(
            _at(at, f"must be at most {high} characters long (maxLength {high}), got {n}")
        )
    source = schema.get("pattern")
    if source is not None:
        compiled = _pattern(source)
        if compiled is not None and not compiled.search(value):
            raise InputError(
                _at(at, f"must match the pattern {source} (pattern), got {_show(value)}")
            )
    fmt = str(schema.get("format") or "")
    format_pattern = _pattern(_FORMATS[fmt]) if fmt in _FORMATS else None
    if format_pattern is not None and not format_pattern.search(value):
        raise InputError(
            _at(at, f"must be {_FORMAT_WORDS[fmt]} (format {fmt}), got {_show(value)}")
        )
    if fmt in ("ipv4", "ipv6"):
        import ipaddress

        try:
            parsed = ipaddress.ip_address(value)
        except ValueError:
            parsed = None
        if parsed is None or parsed.version != int(fmt[-1]):
            raise InputError(
                _at(at, f"must be {_FORMAT_WORDS[fmt]} (format {fmt}), got {_show(value)}")
            )


_INT_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


def _check_number(value: Any, schema: Schema, models: Models, at: str) -> None:
    integer = schema.get("type") == "integer"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _type_error(at, "an integer" if integer else "a number", value)
    if isinstance(value, float) and not math.isfinite(value):
        raise _type_error(at, "a finite number", value)
    if integer and isinstance(value, float) and not value.is_integer():
        raise _type_error(at, "an integer", value)
    shown = _show(value)
    for name, words in _BOUNDS:
        bound = schema.get(name)
        if bound is not None and not _within(name, value, bound):
            raise InputError(_at(at, f"must be {words} {bound} ({name} {bound}), got {shown}"))
    step = schema.get("multipleOf")
    if step and not _is_multiple(value, step):
        raise InputError(_at(at, f"must be a multiple of {step} (multipleOf {step}), got {shown}"))
    bounds = _INT_RANGES.get(schema.get("format") or "")
    if integer and bounds is not None and not bounds[0] <= value <= bounds[1]:
        raise InputError(_at(at, f"must fit in {schema['format']}, got {shown}"))


_BOUNDS = (
    ("minimum", "at least"),
    ("maximum", "at most"),
    ("exclusiveMinimum", "greater than"),
    ("exclusiveMaximum", "less than"),
)


def _within(name: str, value: float, bound: float) -> bool:
    if name == "minimum":
        return value >= bound
    if name == "maximum":
        return value <= bound
    if name == "exclusiveMinimum":
        return value > bound
    return value < bound


def _is_multiple(value: Any, step: Any) -> bool:
    if isinstance(value, int) and isinstance(step, int):
        return value % step == 0
    quotient = float(value) / float(step)
    return abs(quotient - round(quotient)) < 1e-9


def _check_boolean(value: Any, schema: Schema, models: Models, at: str) -> None:
    if not isinstance(value, bool):
        raise _type_error(at, "true or false", value)


def _check_null(value: Any, schema: Schema, models: Models, at: str) -> None:
    raise _type_error(at, "null", value)


def _check_array(value: Any, schema: Schema, models: Models, at: str) -> None:
    if not isinstance(value, list):
        raise _type_error(at, "an array", value)
    n = len(value)
    low, high = schema.get("minItems"), schema.get("maxItems")
    if low is not None and n < low:
        raise InputError(
            _at(at, f"needs at least {low} item{'s' if low != 1 else ''} (minItems {low}), got {n}")
        )
    if high is not None and n > high:
        raise InputError(
            _at(
                at,
                f"allows at most {high} item{'s' if high != 1 else ''} (maxItems {high}), got {n}",
            )
        )
    if schema.get("uniqueItems"):
        seen: list[str] = []
        for item in value:
            key = json.dumps(item, sort_keys=True)
            if key in seen:
                raise InputError(_at(at, f"must not repeat {_show(item)} (uniqueItems)"))
            seen.append(key)
    prefix = schema.get("prefixItems") or []
    items = schema.get("items", {"type": "any"})
    for i, item in enumerate(value):
        check(
            item, prefix[i] if i < len(prefix) else items, models, f"{at}[{i}]" if at else f"[{i}]"
        )


def _check_object(value: Any, schema: Schema, models: Models, at: str) -> None:
    if not isinstance(value, dict):
        raise _type_error(at, "an object", value)
    if "values" in schema:
        for key, item in value.items():
            check(item, schema["values"], models, _join(at, key))
        return
    properties = schema.get("properties", {})
    for name in schema.get("required", ()):
        if name not in value:
            raise InputError(_at(at, f"the field {name!r} is required"))
    additional = schema.get("additional")
    for key, item in value.items():
        if key in properties:
            check(item, properties[key], models, _join(at, key))
        elif additional is False:
            known = ", ".join(properties) or "none"
            raise InputError(_at(at, f"unknown field {key!r} (allowed: {known})"))
        elif isinstance(additional, dict):
            check(item, additional, models, _join(at, key))


def _join(at: str, key: str) -> str:
    return f"{at}.{key}" if at else str(key)


_CHECKS = {
    "string": _check_string,
    "integer": _check_number,
    "number": _check_number,
    "boolean": _check_boolean,
    "null": _check_null,
    "array": _check_array,
    "object": _check_object,
}
