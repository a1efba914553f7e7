"""Shared state of the builder, the operation record and the media-type helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .. import naming
from ..config import Config, MethodConfig
from ..errors import ConfigError, Diagnostics
from ..loader import Document
from ..model import ArrayType, Primitive, SecurityScheme, TypeExpr, Value
from ..refs import Position, Resolver
from ..schemas import TypeBuilder

JSON_MEDIA = re.compile(r"^application/(?:[\w.+-]+\+)?json\b|^application/json", re.I)
#: What RFC 9110 allows in a header or cookie name.
HTTP_TOKEN = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
SUCCESS_ORDER = ("200", "201", "202", "203", "206", "2XX", "2xx", "204", "205")


@dataclass
class OpRef:
    """An operation found in the document, before it has a resource."""

    http_method: str
    path: str
    at: Position
    node: dict[str, Any]
    path_item: dict[str, Any]
    path_item_at: Position


MISSING = object()


def is_array(expr: TypeExpr) -> bool:
    """Whether ``expr`` is a list type (its CLI flag is then repeatable)."""
    return isinstance(expr, ArrayType)


def claim_flag(namer: naming.Namer, flag: str, expr: TypeExpr) -> str:
    """A unique CLI flag; a boolean's also keeps its ``no-`` form free
    (``--verbose/--no-verbose``), so no other flag can take that."""
    if not (isinstance(expr, Primitive) and expr.kind == "boolean"):
        return namer.claim(flag)
    while True:
        name = namer.claim(flag)
        if "no-" + name not in namer.taken and "no-" + name not in namer.reserved:
            namer.reserve("no-" + name)
            return name


def pick_media(content: dict[str, Any]) -> tuple[str, Any]:
    """The media type a client should use: JSON first, then forms, then the first listed."""
    keys = [k for k in content if isinstance(k, str)]
    for predicate in (
        lambda k: bool(JSON_MEDIA.match(k)),
        lambda k: k.startswith("multipart/form-data"),
        lambda k: k.startswith("application/x-www-form-urlencoded"),
        lambda k: k.startswith("text/event-stream"),
    ):
        for key in keys:
            if predicate(key):
                return key, content[key]
    key = keys[0] if keys else "application/octet-stream"
    return key, content.get(key)


def encoding_of(content_type: str) -> Any:
    """How a request body of ``content_type`` is sent."""
    if JSON_MEDIA.match(content_type):
        return "json"
    if content_type.startswith("multipart/"):
        return "multipart"
    if content_type.startswith("application/x-www-form-urlencoded"):
        return "form"
    if content_type.startswith("text/"):
        return "text"
    return "binary"


def response_kind(content_type: str) -> Any:
    """How a response of ``content_type`` is read."""
    if JSON_MEDIA.match(content_type) or content_type == "*/*":
        return "json"
    if content_type.startswith("text/event-stream"):
        return "sse"
    if content_type.startswith("text/"):
        return "text"
    return "binary"


def media_example(media: dict[str, Any]) -> Value | None:
    """The media object's ``example``, else the value of its first ``examples`` entry."""
    if "example" in media:
        return Value(media["example"])
    examples = media.get("examples")
    if isinstance(examples, dict):
        for example in examples.values():
            if isinstance(example, dict) and "value" in example:
                return Value(example["value"])
    return None


def text_of(value: Any) -> str | None:
    """A spec string stripped, or ``None`` when it is empty or not a string."""
    return value.strip() or None if isinstance(value, str) else None


class BuilderBase:
    """State every stage of the build shares, and the helpers that report problems."""

    types: TypeBuilder
    security: tuple[SecurityScheme, ...]
    default_security: tuple[str, ...] | None
    page_classes: dict[str, str]
    #: The config's entry of each operation it lists, by (method, path).
    method_configs: dict[tuple[str, str], MethodConfig]

    def __init__(self, doc: Document, config: Config, resolver: Resolver, diagnostics: Diagnostics):
        self.doc = doc
        self.data: dict[str, Any] = doc.data
        self.config = config
        self.resolver = resolver
        self.diagnostics = diagnostics
        self.root = Position(doc, "")
        self.method_configs = {}

    def _mapping(self, value: Any, at: Position) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self._warn(at, f"expected a mapping, found {type(value).__name__}; ignored")
            return {}
        return value

    def _warn(self, at: Position, message: str) -> None:
        self.diagnostics.warn(
            message, file=at.doc.display, pointer=at.pointer, line=at.doc.line_of(at.pointer)
        )

    def _param_name(self, namer: naming.Namer, spec_name: str, at: Position) -> str:
        """A method parameter's Python name; a rename is reported, since callers
        of the SDK would expect the spec's name."""
        name, renamed = naming.method_param_name(namer, spec_name)
        if renamed:
            natural = naming.py_identifier(spec_name, prefix="param")
            if natural in naming.PY_KEYWORDS:
                why = "a Python keyword"
            elif natural in naming.REQUEST_OPTIONS:
                why = "a per-request option of every method"
            elif natural in namer.reserved:
                why = "reserved"
            else:
                why = "another parameter's name"
            self._warn(at, f"parameter {spec_name!r} is {name!r} in the SDK ({natural!r} is {why})")
        return name

    def _config_error(self, pointer: str, message: str, line: int | None = None) -> ConfigError:
        return ConfigError(message, file=self.config.file or "", pointer=pointer, line=line)
