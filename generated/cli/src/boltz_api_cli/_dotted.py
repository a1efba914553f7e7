# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Dotted flags: one field of an object flag at a time (``--filter.color red``).

A flag whose value is an object takes JSON or YAML text as a whole, and
also ``--flag.field VALUE`` for any field at any depth (``--order.address.city
Oslo``), each value read by that field's own type. For an array of objects
(a repeatable flag, or an array field on the way) the fields fill one item
until a field repeats, which starts the next item: ``--item.name a --item.qty 1
--item.name b`` is two items. A field the spec does not have is an error
naming the flag, raised before anything is sent.

Imported only when a command line holds a dotted flag.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import click

from ._spec import Param, choice_text, resolve
from ._values import (
    InputError,
    check,
    expand_at,
    parse_boolean,
    parse_integer,
    parse_number,
    parse_structured,
)

#: (parameter, field path, value text, the flag as typed)
Dotted = tuple[Param, list[str], str, str]


def split_dotted(
    ctx: click.Context, params: Sequence[Param], args: list[str]
) -> tuple[list[str], list[Dotted]]:
    """``args`` without the dotted flags, and the dotted flags found (in order)."""
    by_flag = {p.flag: p for p in params if p.kind == "json"}
    known = {p.flag for p in params}
    rest: list[str] = []
    found: list[Dotted] = []
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "--":
            rest.extend(args[i - 1 :])
            break
        name, eq, inline = arg[2:].partition("=") if arg.startswith("--") else ("", "", "")
        if "." not in name or name in known:
            rest.append(arg)
            continue
        head, _, tail = name.partition(".")
        param = by_flag.get(head)
        if param is None or not tail or "" in tail.split("."):
            if ctx.resilient_parsing:
                continue
            hint = (
                f" ('--{head}' takes no fields)"
                if head in known
                else " (only a flag that takes an object has fields)"
            )
            raise click.NoSuchOption(
                f"--{name}", message=f"No such option: --{name}{hint}", ctx=ctx
            )
        if eq:
            value = inline
        elif i < len(args):
            value = args[i]
            i += 1
        else:
            if ctx.resilient_parsing:
                continue
            raise click.UsageError(f"Option '--{name}' requires a value.", ctx)
        found.append((param, tail.split("."), value, f"--{name}"))
    return rest, found


def apply(
    ctx: click.Context,
    values: dict[Param, Any],
    dotted: Sequence[Dotted],
    models: Mapping[str, Any],
) -> None:
    """Merge the dotted flags into ``values`` (after the whole-object flags) and check them."""
    built: dict[Param, Any] = {}
    for param, path, text, typed in dotted:
        schema = resolve(param.schema, models)
        try:
            if param.multiple:
                items = built.setdefault(param, [])
                _assign_in_list(items, _items_of(schema, models), path, text, models)
            else:
                whole = built.get(param)
                if whole is None:
                    given = values.get(param)
                    whole = built[param] = _copy(given) if isinstance(given, dict) else {}
                _assign(whole, schema, path, text, models)
        except InputError as exc:
            raise click.BadParameter(str(exc), ctx=ctx, param_hint=f"'{typed}'") from None
    for param, value in built.items():
        if param.multiple:
            value = [*(values.get(param) or ()), *value]
        try:
            check(value, param.schema, models)
        except InputError as exc:
            raise click.BadParameter(str(exc), ctx=ctx, param_hint=param.label) from None
        values[param] = tuple(value) if param.multiple else value


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _object_of(schema: dict[str, Any], models: Mapping[str, Any]) -> dict[str, Any] | None:
    """The object schema a value of ``schema`` can be (the first object variant of a union)."""
    schema = resolve(schema, models)
    if schema.get("type") in ("object", "any") or "properties" in schema:
        return schema
    for variant in schema.get("anyOf", ()):
        found = _object_of(variant, models)
        if found is not None:
            return found
    return None


def _items_of(schema: dict[str, Any], models: Mapping[str, Any]) -> dict[str, Any]:
    schema = resolve(schema, models)
    if schema.get("type") == "array":
        return resolve(schema.get("items", {"type": "any"}), models)
    for variant in schema.get("anyOf", ()):
        if resolve(variant, models).get("type") == "array":
            return _items_of(variant, models)
    return {"type": "any"}


def _is_array(schema: dict[str, Any], models: Mapping[str, Any]) -> bool:
    schema = resolve(schema, models)
    return schema.get("type") == "array" or any(
        resolve(v, models).get("type") == "array" for v in schema.get("anyOf", ())
    )


def _field(obj_schema: dict[str, Any], name: str, at: str) -> tuple[str, dict[str, Any]]:
    """(wire name, schema) of the field ``name`` (``zip-code`` also finds ``zip_code``)."""
    properties = obj_schema.get("properties", {})
    if name in properties:
        return name, properties[name]
    for wire in properties:
        if wire.replace("_", "-").lower() == name.lower():
            return wire, properties[wire]
    if "values" in obj_schema:
        return name, obj_schema["values"]
    additional = obj_schema.get("additional")
    if isinstance(additional, dict):
        return name, additional
    if additional is False or properties:
        allowed = ", ".join(properties) or "none"
        where = f" in {at}" if at else ""
        raise InputError(f"unknown field {name!r}{where} (allowed: {allowed})")
    return name, {"type": "any"}


def _assign(
    target: dict[str, Any],
    schema: dict[str, Any],
    path: list[str],
    text: str,
    models: Mapping[str, Any],
    at: str = "",
) -> None:
    obj = _object_of(schema, models)
    if obj is None:
        raise InputError(f"{at or 'the value'} is not an object, so it has no field {path[0]!r}")
    wire, field_schema = _field(obj, path[0], at)
    here = f"{at}.{wire}" if at else wire
    if len(path) == 1:
        value = read_leaf(text, field_schema, models)
        if _is_array(field_schema, models) and not isinstance(value, list):
            existing = target.get(wire)
            target[wire] = [*existing, value] if isinstance(existing, list) else [value]
        else:
            target[wire] = value
        return
    if _is_array(field_schema, models):
        existing = target.get(wire)
        items = existing if isinstance(existing, list) else []
        target[wire] = items
        _assign_in_list(items, _items_of(field_schema, models), path[1:], text, models, here)
        return
    child = target.get(wire)
    if not isinstance(child, dict):
        child = target[wire] = {}
    _assign(child, field_schema, path[1:], text, models, here)


def _assign_in_list(
    items: list[Any],
    item_schema: dict[str, Any],
    path: list[str],
    text: str,
    models: Mapping[str, Any],
    at: str = "",
) -> None:
    """Fill the last item, or start a new one when this field is already set in it."""
    if not items or not isinstance(items[-1], dict) or _has(items[-1], path, item_schema, models):
        items.append({})
    _assign(items[-1], item_schema, path, text, models, f"{at}[{len(items) - 1}]")


def _has(
    item: dict[str, Any], path: list[str], schema: dict[str, Any], models: Mapping[str, Any]
) -> bool:
    """Whether setting ``path`` in ``item`` would overwrite a value given before."""
    obj = _object_of(schema, models)
    if obj is None:
        return False
    try:
        wire, field_schema = _field(obj, path[0], "")
    except InputError:
        return False
    if wire not in item:
        return False
    if len(path) == 1:
        return not _is_array(field_schema, models)
    child = item[wire]
    if isinstance(child, list):
        return False
    return isinstance(child, dict) and _has(child, path[1:], field_schema, models)


def read_leaf(text: str, schema: dict[str, Any], models: Mapping[str, Any]) -> Any:
    """One field's value from its text, read by the field's type (objects as relaxed YAML)."""
    text = expand_at(text)
    schema = resolve(schema, models)
    if _is_array(schema, models) and not text.lstrip().startswith("["):
        schema = _items_of(schema, models)
    if "enum" in schema:
        for allowed in schema["enum"]:
            if choice_text(allowed) == text:
                return allowed
        shown = ", ".join(choice_text(a) for a in schema["enum"])
        raise InputError(f"must be one of {shown}, got {text!r}")
    kind = schema.get("type")
    if kind == "string":
        return text
    if kind == "integer":
        return parse_integer(text)
    if kind == "number":
        return parse_number(text)
    if kind == "boolean":
        return parse_boolean(text)
    if "anyOf" in schema and any(
        resolve(v, models).get("type") == "string" for v in schema["anyOf"]
    ):
        parsed = parse_structured(text)
        try:
            check(parsed, schema, models)
        except InputError:
            return text  # `007` or `yes` meant as the string
        return parsed
    return parse_structured(text)
