"""Types, constraints and notes in the reference pages' words."""

from __future__ import annotations

import json
from typing import Any

from ...model import (
    API,
    ArrayType,
    Constraints,
    EnumType,
    MapType,
    Model,
    ModelRef,
    Primitive,
    TypeExpr,
    UnionType,
)
from .views import (
    Constraint,
)

#: JSON Schema primitive kinds in words, the way the reference pages spell them.
_WORDS = {
    "string": "string",
    "integer": "number",
    "number": "number",
    "boolean": "boolean",
    "null": "null",
    "any": "unknown",
}

#: An object type lists at most this many field names before "N more".
_MAX_NAMES = 4
_SHOWN_NAMES = 3


def _model_description(api: API, expr: TypeExpr) -> str | None:
    model = _object_model(api, expr)
    return model.description if model is not None else None


def _resolve(api: API, expr: TypeExpr) -> TypeExpr:
    """Follow alias models to the type they stand for."""
    hops = 0
    while isinstance(expr, ModelRef) and hops < 32:
        model = api.model(expr.model_id)
        if model.kind != "alias" or model.alias_of is None:
            return expr
        expr, hops = model.alias_of, hops + 1
    return expr


def _object_model(api: API, expr: TypeExpr) -> Model | None:
    expr = _resolve(api, expr)
    if isinstance(expr, ModelRef):
        model = api.model(expr.model_id)
        return model if model.kind == "object" else None
    return None


#: Enum values spelled out in a type; a 20,000-value enum would fill every page.
_ENUM_SHOWN = 50


def _words(api: API, expr: TypeExpr, _seen: frozenset[str] = frozenset()) -> str:
    """A type in words: ``string``, ``array of string``, ``"live" or "test"``,
    ``object { id, allowed_ips, created_at, 8 more }``."""
    if isinstance(expr, ModelRef):
        alias = api.model(expr.model_id)
        if alias.kind == "alias" and alias.id in _seen:
            return alias.class_name  # a recursive alias (a JSON value type): name it
        if alias.kind == "alias":
            _seen = _seen | {alias.id}
    expr = _resolve(api, expr)
    if isinstance(expr, Primitive):
        return _WORDS[expr.kind]
    if isinstance(expr, EnumType):
        shown = [json.dumps(v, ensure_ascii=False) for v in expr.values[:_ENUM_SHOWN]]
        hidden = len(expr.values) - len(shown)
        return " or ".join(shown) + (f" or one of {hidden} more" if hidden > 0 else "")
    if isinstance(expr, ArrayType):
        return f"array of {_words(api, expr.items, _seen)}"
    if isinstance(expr, MapType):
        return f"map[{_words(api, expr.values, _seen)}]"
    if isinstance(expr, UnionType):
        return " or ".join(_words(api, v, _seen) for v in expr.variants)
    model = api.model(expr.model_id)
    names = [p.wire_name for p in model.properties]
    if not names:
        return "object" if not model.additional else f"map[{_words(api, model.additional)}]"
    shown = names if len(names) <= _MAX_NAMES else names[:_SHOWN_NAMES]
    more = [f"{len(names) - len(shown)} more"] if len(shown) < len(names) else []
    return "object { " + ", ".join(shown + more) + " }"


def _scalar(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _constraints(api: API, expr: TypeExpr) -> tuple[Constraint, ...]:
    """Validation rules in the reference pages' words (``format date-time``, ``maxLength 255``)."""
    expr = _resolve(api, expr)
    out: list[Constraint] = []
    if isinstance(expr, Primitive):
        if expr.format:
            out.append(Constraint("format", expr.format))
        out += _rules(expr.constraints)
    elif isinstance(expr, ArrayType):
        out += _rules(expr.constraints)
        item = _resolve(api, expr.items)
        if isinstance(item, Primitive):
            if item.format:
                out.append(Constraint("items format", item.format))
            out += [Constraint("items " + c.label, c.value) for c in _rules(item.constraints)]
    if getattr(expr, "nullable", False):
        out.append(Constraint("nullable"))
    return tuple(out)


def _rules(c: Constraints) -> list[Constraint]:
    pairs: list[tuple[str, Any]] = [
        ("minLength", c.min_length),
        ("maxLength", c.max_length),
        ("minimum", c.minimum),
        ("maximum", c.maximum),
        ("exclusiveMinimum", c.exclusive_minimum),
        ("exclusiveMaximum", c.exclusive_maximum),
        ("multipleOf", c.multiple_of),
        ("minItems", c.min_items),
        ("maxItems", c.max_items),
        ("pattern", c.pattern),
    ]
    out = [Constraint(label, _scalar(value)) for label, value in pairs if value is not None]
    if c.unique_items:
        out.append(Constraint("uniqueItems"))
    return out


def _notes(default: Any, deprecated: bool) -> tuple[Constraint, ...]:
    out = []
    if default is not None:
        out.append(Constraint("default", json.dumps(default.value, ensure_ascii=False)))
    if deprecated:
        out.append(Constraint("deprecated"))
    return tuple(out)
