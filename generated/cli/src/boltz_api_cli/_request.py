# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Turning checked flag values (and a body piped on stdin) into a request.

Flag values were read and checked by their click types already; here the
body on stdin is merged under them (flags win), its fields are checked
against the same schemas, required inputs are enforced, and every value is
put where the spec says it goes: path, query, header, cookie or body.
Every problem is a usage error (exit code 2) raised before anything is sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import click

from ._http import Prepared
from ._spec import Operation, Param
from ._values import InputError, check, parse_structured

_UNSET = object()
_ACCEPT = {"json": "application/json", "empty": "application/json", "sse": "text/event-stream"}


def assemble(
    ctx: click.Context,
    op: Operation,
    models: Mapping[str, Any],
    values: dict[Param, Any],
    stdin: bytes | None,
) -> Prepared:
    """The request ``op`` makes with ``values``; a click usage error when input is wrong."""
    body_spec = op.body or {}
    whole = next((p for p in op.params if p.where == "body:whole"), None)
    fields: dict[str, Any] = {}
    from_stdin: set[str] = set()
    piped: Any = _UNSET
    if stdin is not None and op.body is not None:
        piped = _read_piped(ctx, stdin, whole)
        if whole is None:
            if not isinstance(piped, dict):
                raise click.UsageError(
                    f"The body read from stdin must be an object (JSON or YAML mapping), not {_kind_of(piped)}.",
                    ctx,
                )
            fields.update(piped)
            from_stdin.update(piped)

    path = op.path
    query: dict[str, Any] = {}
    styles: dict[str, Any] = {}
    headers: dict[str, str] = {}
    cookies: list[str] = []
    whole_value: Any = _UNSET
    for p in op.params:
        value = values.get(p)
        given = value is not None and value != ()
        if p.multiple and given:
            value = list(value or ())
            _check_flag(ctx, p, value, models)
        if p.where == "path":
            if not given:
                raise click.UsageError(
                    f"Missing argument '{p.arg or p.flag.upper()}' (or option '--{p.flag}').", ctx
                )
            text = _text(value)
            if not text:
                raise click.BadParameter("must not be empty", ctx=ctx, param_hint=p.label)
            path = path.replace("{" + p.wire + "}", quote(text, safe=""))
            continue
        if not given:
            supplied = (p.where == "body" and p.wire in fields) or (
                p.where == "body:whole" and piped is not _UNSET
            )
            if p.required and not supplied:
                also = ""
                if p.where == "body":
                    also = f" (or a {p.wire!r} field in a body piped on stdin)"
                elif p.where == "body:whole":
                    also = " (or a body piped on stdin)"
                raise click.UsageError(f"Missing option '--{p.flag}'{also}.", ctx)
            continue
        if p.where == "query":
            query[p.wire] = value
            if p.style is not None:
                styles[p.wire] = tuple(p.style)
        elif p.where == "header":
            headers[p.wire] = _text(value)
        elif p.where == "cookie":
            cookies.append(f"{p.wire}={quote(_text(value), safe='')}")
        elif p.where == "body":
            fields[p.wire] = value
            from_stdin.discard(p.wire)
        elif p.where == "body:whole":
            whole_value = value

    for p in op.params:
        if p.where == "body" and p.wire in from_stdin:
            try:
                check(fields[p.wire], p.schema, models)
            except InputError as exc:
                raise click.BadParameter(
                    str(exc), ctx=ctx, param_hint=f"{p.wire!r} in the body read from stdin"
                ) from None
    if cookies:
        headers["Cookie"] = "; ".join(cookies)

    has_body = False
    body: Any = None
    if op.body is not None:
        if whole is not None:
            if whole_value is _UNSET and piped is not _UNSET:
                whole_value = piped
                if whole.kind == "json":
                    try:
                        check(whole_value, whole.schema, models)
                    except InputError as exc:
                        raise click.BadParameter(
                            str(exc), ctx=ctx, param_hint="the body read from stdin"
                        ) from None
            if whole_value is not _UNSET:
                has_body = True
                body = whole_value.getvalue() if hasattr(whole_value, "getvalue") else whole_value
        else:
            has_body = bool(fields) or bool(body_spec.get("required"))
            body = fields
    return Prepared(
        op.method,
        path,
        query=query,
        headers=headers,
        body=body,
        has_body=has_body,
        encoding=str(body_spec.get("encoding") or "json"),
        content_type=body_spec.get("content_type"),
        query_styles=styles,
        security=op.security,
        # A file or text answer may come in any type; asking for JSON only would get a 406.
        accept=_ACCEPT.get(op.response, "*/*"),
    )


def _read_piped(ctx: click.Context, data: bytes, whole: Param | None) -> Any:
    if whole is not None and whole.kind == "file":
        return data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise click.UsageError("The body read from stdin is not UTF-8 text.", ctx) from None
    if whole is not None and whole.kind == "string":
        return text
    try:
        return parse_structured(text, "body read from stdin")
    except InputError as exc:
        raise click.UsageError(f"{str(exc)[0].upper()}{str(exc)[1:]}.", ctx) from None


def _check_flag(ctx: click.Context, p: Param, value: Any, models: Mapping[str, Any]) -> None:
    """Rules on a repeatable flag as a whole (minItems, maxItems, uniqueItems)."""
    try:
        check(value, p.schema, models)
    except InputError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param_hint=p.label) from None


def _kind_of(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return "null" if value is None else type(value).__name__


def _text(value: Any) -> str:
    """A path, header or cookie value as text (arrays and objects comma-separated, "simple" style)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(_text(v) for v in value)
    if isinstance(value, dict):
        return ",".join(f"{k},{_text(v)}" for k, v in value.items())
    if value is None:
        return ""
    return str(value)
