"""The shape of a ``stainless.yml``: every key it may hold, and what type each value has.

:func:`check_shape` walks a loaded config against :data:`CONFIG_SHAPE`. A key
the shape does not know is a warning naming the nearest known key (a typo
should not stop a team's generation, and ``--strict`` makes it an error); a
value of the wrong type is a :class:`~generator.errors.ConfigError` with its
line. Keys that only matter to products this tool does not generate are
known (so they are not "unknown"), and collected once as not used.

The shape follows the published Stainless config schema as real files use
it; parts this tool never reads are typed loosely (``ANY``) so that a file
that Stainless accepts is accepted here too.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .errors import ConfigError, Diagnostic, join_pointer
from .loader import Document


@dataclass(frozen=True)
class Leaf:
    """A scalar (or anything, for ``any``) of one of ``kinds``."""

    kinds: tuple[str, ...]


@dataclass(frozen=True)
class Obj:
    """A mapping with known keys; ``extra`` types any other key (None: unknown keys warn)."""

    fields: dict[str, Shape]
    extra: Shape | None = None
    #: Known keys that this tool accepts but does not act on (listed once as not used).
    unused: frozenset[str] = frozenset()
    #: Keys starting with one of these are extensions, accepted as anything.
    open_prefixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class MapOf:
    """A mapping with keys of the user's choosing, each value of one shape."""

    value: Shape


@dataclass(frozen=True)
class ListOf:
    item: Shape


@dataclass(frozen=True)
class Either:
    """The first option whose kind fits the value (a mapping, a list or a scalar)."""

    options: tuple[Shape, ...]


@dataclass(frozen=True)
class Lazy:
    """A shape defined later (the resource tree refers to itself)."""

    get: Callable[[], Shape]


Shape = Leaf | Obj | MapOf | ListOf | Either | Lazy

ANY = Leaf(("any",))
STR = Leaf(("str",))
BOOL = Leaf(("bool",))
INT = Leaf(("int",))
NUMBER = Leaf(("int", "float"))
NULL = Leaf(("null",))
STR_OR_NULL = Leaf(("str", "null"))
SCALAR = Leaf(("str", "int", "float", "bool", "null"))
STR_LIST = ListOf(STR)

#: Targets this tool generates; the others are accepted and reported as not generated.
GENERATED_TARGETS = ("python", "cli")
OTHER_TARGETS = (
    "node",
    "typescript",
    "go",
    "java",
    "kotlin",
    "ruby",
    "terraform",
    "php",
    "csharp",
    "swift",
    "rust",
    "openapi",
    "sql",
    "mcp_server",
    "dotnet",
    "elixir",
    "dart",
    "scala",
    "cpp",
)

_PUBLISH = ANY
_PYTHON_TARGET = Obj(
    {
        "package_name": STR,
        "project_name": STR,
        "version": STR,
        "edition": STR,
        "production_repo": STR_OR_NULL,
        "publish": _PUBLISH,
        "options": ANY,
        "skip": BOOL,
        "readme": ANY,
        "license": STR,
        "output": STR,
    },
    unused=frozenset({"edition", "production_repo", "publish", "options", "skip", "output"}),
)
_CLI_TARGET = Obj(
    {
        "package_name": STR,
        "project_name": STR,
        "binary_name": STR,
        "version": STR,
        "edition": STR,
        "production_repo": STR_OR_NULL,
        "publish": _PUBLISH,
        "options": ANY,
        "skip": BOOL,
    },
    unused=frozenset({"edition", "production_repo", "publish", "options", "skip"}),
)

_TARGETS = Obj(
    {
        "python": _PYTHON_TARGET,
        "cli": _CLI_TARGET,
        **{name: ANY for name in OTHER_TARGETS},
    },
    unused=frozenset(OTHER_TARGETS),
)

_ORGANIZATION = Obj(
    {"name": STR, "docs": STR, "contact": STR, "github_org": STR},
    unused=frozenset({"contact", "github_org"}),
)

_CLIENT_OPT = Obj(
    {
        "type": STR,
        "nullable": BOOL,
        "read_env": STR,
        "description": STR,
        "default": SCALAR,
        "example": SCALAR,
        "send_in_header": STR,
        "send_in_query": STR,
        "auth": Obj({"security_scheme": STR, "role": STR}),
    },
    unused=frozenset({"example"}),
)

_CLIENT_SETTINGS = Obj(
    {
        "opts": MapOf(_CLIENT_OPT),
        "class_name": STR,
        "env_prefix": STR,
        "default_timeout": Either((INT, STR)),
        "default_retries": Obj(
            {
                "max_retries": INT,
                "initial_delay_seconds": NUMBER,
                "max_delay_seconds": NUMBER,
            }
        ),
        "idempotency": Obj({"header": STR, "prefix": STR}),
        "default_headers": MapOf(STR),
        "file_uploads": ANY,
    },
    unused=frozenset({"file_uploads"}),
)

_SECURITY_SCHEME = Obj(
    {
        "type": STR,
        "in": STR,
        "name": STR,
        "scheme": STR,
        "bearerFormat": STR,
        "description": STR,
        "flows": ANY,
        "openIdConnectUrl": STR,
    },
    open_prefixes=("x-",),
)

_MODEL = Either(
    (
        STR,
        Obj(
            {
                # ``openapi_uri`` is the current spelling of the pointer, ``type`` the older one
                "openapi_uri": STR,
                "type": STR,
                "description": STR,
                "only": STR_LIST,
                "skip": STR_LIST,
            },
            open_prefixes=("x-",),
        ),
    )
)

_STREAMING_METHOD = Obj(
    {
        "param_discriminator": STR_OR_NULL,
        "stream_event_model": STR,
        "params_type_name": STR,
    }
)

_METHOD = Either(
    (
        STR,
        Obj(
            {
                "endpoint": STR,
                "type": STR,
                "paginated": Either((STR, BOOL)),
                "positional_params": STR_LIST,
                "deprecated": Either((BOOL, STR)),
                "skip_test_reason": STR,
                "streaming": _STREAMING_METHOD,
                "only": STR_LIST,
                "skip": STR_LIST,
                "description": STR,
                "body_param_name": STR,
                "unwrap_response": ANY,
                "discriminator": ANY,
                "webhook_key_opt": STR,
                "event_type": STR,
                "mcp": ANY,
                "terraform": ANY,
            },
            unused=frozenset({"skip_test_reason", "unwrap_response", "mcp", "terraform"}),
        ),
    )
)


def _resource() -> Shape:
    return _RESOURCE


_RESOURCE: Shape = Obj(
    {
        "methods": MapOf(_METHOD),
        "models": MapOf(_MODEL),
        "subresources": MapOf(Lazy(_resource)),
        "description": STR,
        "only": STR_LIST,
        "skip": STR_LIST,
        "standalone_api": BOOL,
        "deprecated": Either((BOOL, STR)),
        # What a resource tells products this tool does not generate.
        "mcp": ANY,
        "terraform": ANY,
    },
    unused=frozenset({"standalone_api", "mcp", "terraform"}),
)

_PAGINATION_FIELD = Obj(
    {
        "purpose": STR,
        "x-stainless-pagination-property": Obj({"purpose": STR}),
    },
    # The rest of a field is a JSON schema describing it: not checked here.
    extra=ANY,
)

_PAGINATION = Obj(
    {
        "name": STR,
        "type": STR,
        "request": MapOf(_PAGINATION_FIELD),
        "response": MapOf(_PAGINATION_FIELD),
        "param_discriminator": ANY,
    }
)

_ON_EVENT = Obj(
    {
        "event_type": Either((STR_OR_NULL, ListOf(STR))),
        "data_starts_with": STR,
        "kind": STR,
        "handle": STR,
    }
)

_STREAMING = Obj({"on_event": ListOf(_ON_EVENT)})

_TRANSFORM = Obj({"command": STR, "reason": STR, "args": Obj({}, extra=ANY)})

_OPENAPI = Obj(
    {
        "transforms": ListOf(_TRANSFORM),
        "transformations": ListOf(_TRANSFORM),
        "code_samples": ANY,
    },
    unused=frozenset({"code_samples"}),
)

#: The whole config.
CONFIG_SHAPE = Obj(
    {
        "edition": STR,
        "organization": _ORGANIZATION,
        "targets": _TARGETS,
        "environments": MapOf(STR),
        "client_settings": _CLIENT_SETTINGS,
        "security_schemes": MapOf(_SECURITY_SCHEME),
        "security": ListOf(MapOf(STR_LIST)),
        "models": MapOf(_MODEL),
        "resources": MapOf(_RESOURCE),
        "pagination": ListOf(_PAGINATION),
        "streaming": _STREAMING,
        "query_settings": Obj({"array_format": STR, "nested_format": STR}),
        "openapi": _OPENAPI,
        "unspecified_endpoints": STR_LIST,
        "readme": ANY,
        "settings": ANY,
        "diagnostics": ANY,
        # Products and languages this tool does not generate.
        "mcp": ANY,
        "terraform": ANY,
        # The earlier form of `targets` (name, repo and skip per language).
        "package": ANY,
    },
    unused=frozenset({"edition", "settings", "diagnostics", "mcp", "terraform", "package"}),
)


@dataclass
class ShapeReport:
    """What :func:`check_shape` found besides errors."""

    warnings: list[Diagnostic] = field(default_factory=list)
    #: JSON pointers of keys accepted but not used, in document order.
    unused: list[str] = field(default_factory=list)


def check_shape(doc: Document, shape: Shape = CONFIG_SHAPE) -> ShapeReport:
    """Check ``doc.data`` against ``shape``; raise :class:`ConfigError` on a wrong type."""
    report = ShapeReport()
    _check(doc, doc.data, shape, "", report)
    return report


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    return type(value).__name__


_KIND_WORDS = {
    "str": "a string",
    "int": "an integer",
    "float": "a number",
    "bool": "true or false",
    "null": "null",
    "mapping": "a mapping",
    "list": "a list",
}


def _expected(shape: Shape) -> list[str]:
    if isinstance(shape, Leaf):
        return list(shape.kinds)
    if isinstance(shape, Obj | MapOf):
        return ["mapping"]
    if isinstance(shape, ListOf):
        return ["list"]
    if isinstance(shape, Lazy):
        return _expected(shape.get())
    return [k for option in shape.options for k in _expected(option)]


def _fits(shape: Shape, kind: str) -> bool:
    expected = _expected(shape)
    return "any" in expected or kind in expected or (kind == "int" and "float" in expected)


def _error(doc: Document, pointer: str, message: str) -> ConfigError:
    return ConfigError(message, file=doc.display, pointer=pointer, line=doc.line_of(pointer))


def _check(doc: Document, value: Any, shape: Shape, pointer: str, report: ShapeReport) -> None:
    while isinstance(shape, Lazy):
        shape = shape.get()
    kind = _kind(value)
    if not _fits(shape, kind):
        # A key written with nothing after it (``pagination:``) is an empty value.
        if value is None and isinstance(shape, Obj | MapOf | ListOf):
            return
        wanted = " or ".join(dict.fromkeys(_KIND_WORDS.get(k, k) for k in _expected(shape)))
        name = pointer.rsplit("/", 1)[-1] or "the config"
        raise _error(doc, pointer, f"{name} must be {wanted}, not {_KIND_WORDS.get(kind, kind)}")
    if isinstance(shape, Either):
        option = next(o for o in shape.options if _fits(o, kind))
        _check(doc, value, option, pointer, report)
        return
    if isinstance(shape, Leaf):
        return
    if isinstance(shape, ListOf):
        for i, item in enumerate(value):
            _check(doc, item, shape.item, join_pointer(pointer, i), report)
        return
    for key in value:
        if not isinstance(key, str):
            raise _error(doc, pointer, f"keys must be strings, found {key!r}")
    if isinstance(shape, MapOf):
        for key, item in value.items():
            _check(doc, item, shape.value, join_pointer(pointer, key), report)
        return
    for key, item in value.items():
        here = join_pointer(pointer, key)
        sub = shape.fields.get(key)
        if sub is None and key.startswith(shape.open_prefixes or ("\0",)):
            continue
        if sub is None:
            sub = shape.extra
        if sub is None:
            report.warnings.append(_unknown(doc, here, key, shape))
            continue
        if key in shape.unused:
            report.unused.append(here)
        _check(doc, item, sub, here, report)


def _unknown(doc: Document, pointer: str, key: str, shape: Obj) -> Diagnostic:
    known = sorted(shape.fields)
    near = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if not near:
        lowered = {k.lower().replace("-", "_"): k for k in known}
        near = [lowered[k] for k in [key.lower().replace("-", "_")] if k in lowered]
    hint = f"; did you mean {near[0]!r}?" if near else f"; known here: {', '.join(known)}"
    return Diagnostic(
        f"unknown config key {key!r}{hint} (ignored)",
        doc.display,
        pointer,
        doc.line_of(pointer),
    )
