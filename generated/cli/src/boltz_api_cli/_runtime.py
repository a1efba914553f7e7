# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""What every command shares: checking input, sending the request, printing the result."""

from __future__ import annotations

import json
import re
import sys
from typing import Any, Callable, Dict, Optional, Sequence, Tuple

import click

#: (flag, python name, wire name, location, kind)
ParamSpec = Tuple[str, str, str, str, str]


def string_rules(
    *,
    min_length: Optional[int] = None,
    max_length: Optional[int] = None,
    pattern: Optional[str] = None,
) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """A click callback that enforces the spec's string constraints on a flag."""
    compiled = re.compile(pattern) if pattern is not None else None

    def check(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        values = value if isinstance(value, tuple) else (value,)
        for item in values:
            if item is None:
                continue
            if min_length is not None and len(item) < min_length:
                raise click.BadParameter(
                    f"must be at least {min_length} characters (minLength {min_length})",
                    ctx=ctx,
                    param=param,
                )
            if max_length is not None and len(item) > max_length:
                raise click.BadParameter(
                    f"must be at most {max_length} characters (maxLength {max_length})",
                    ctx=ctx,
                    param=param,
                )
            if compiled is not None and not compiled.search(item):
                raise click.BadParameter(f"must match the pattern {pattern}", ctx=ctx, param=param)
        return value

    return check


def _json_value(flag: str, text: str) -> Any:
    if text.startswith("@"):
        try:
            with open(text[1:], encoding="utf-8") as handle:
                text = handle.read()
        except OSError as exc:
            raise click.BadParameter(
                f"cannot read {text[1:]}: {exc.strerror}", param_hint=f"'--{flag}'"
            ) from None
    try:
        return json.loads(text)
    except ValueError:
        import yaml

        try:
            return yaml.safe_load(text)
        except yaml.YAMLError:
            raise click.BadParameter(
                "is not valid JSON or YAML", param_hint=f"'--{flag}'"
            ) from None


def invoke(
    ctx: click.Context,
    *,
    method: str,
    path: str,
    params: Sequence[ParamSpec],
    values: Dict[str, Any],
    encoding: str = "json",
    body_whole: bool = False,
    page_class: Optional[str] = None,
) -> None:
    """Send one request from the parsed flags and print its result."""
    options = ctx.find_root().obj or {}
    query: Dict[str, Any] = {}
    headers: Dict[str, Any] = {}
    body: Any = {}
    url = path
    for flag, py_name, wire, location, kind in params:
        value = values.get(py_name)
        if location == "path":
            positional = values.get(py_name + "__pos")
            value = value if value is not None else positional
            if value in (None, ""):
                raise click.UsageError(
                    f"Missing option '--{flag}' (or the {wire.upper()} argument).", ctx=ctx
                )
            from urllib.parse import quote

            url = url.replace("{" + wire + "}", quote(str(value), safe=""))
            continue
        if value is None or value == ():
            continue
        if kind == "json":
            value = (
                [_json_value(flag, v) for v in value]
                if isinstance(value, tuple)
                else _json_value(flag, value)
            )
        elif isinstance(value, tuple):
            value = list(value)
        if location == "query":
            query[wire] = value
        elif location == "header":
            headers[wire] = value
        elif location == "body_whole":
            body = value
        else:
            body[wire] = value
    _send(
        ctx,
        options,
        method,
        url,
        query,
        headers,
        body if (body or body_whole) else None,
        encoding,
        page_class,
    )


def _client(options: Dict[str, Any]) -> Any:
    from boltz_api._client import Boltz

    kwargs: Dict[str, Any] = {}
    if options.get("api_key") is not None:
        kwargs["api_key"] = options["api_key"]
    if options.get("base_url"):
        kwargs["base_url"] = options["base_url"]
    return Boltz(**kwargs)


def _send(
    ctx: click.Context,
    options: Dict[str, Any],
    method: str,
    path: str,
    query: Dict[str, Any],
    headers: Dict[str, Any],
    body: Any,
    encoding: str,
    page_class: Optional[str],
) -> None:
    from boltz_api._base_client import RequestOptions
    from boltz_api._exceptions import BoltzError, APIConnectionError, APIStatusError

    if options.get("debug"):
        _enable_debug()
    try:
        client = _client(options)
        request = RequestOptions(
            method=method,
            path=path,
            query=query,
            headers=headers,
            body=body if body is not None else _not_given(),
            encoding=encoding,
        )
        if page_class is not None:
            from boltz_api import pagination

            page = client.request_page(getattr(pagination, "Sync" + page_class), object, request)
            for item in page:
                _print(item, options)
            return
        response = client.send(request)
        _print(response.json() if response.content else None, options)
    except APIStatusError as err:
        click.echo(f"Error: {err.status_code} {err.response.reason_phrase}", err=True)
        if err.body is not None:
            _print(err.body, options)
        ctx.exit(1)
    except APIConnectionError as err:
        cause = f": {err.__cause__}" if err.__cause__ else ""
        click.echo(f"Error: {err.message}{cause}", err=True)
        ctx.exit(1)
    except BoltzError as err:
        click.echo(f"Error: {err}", err=True)
        ctx.exit(1)


def _not_given() -> Any:
    from boltz_api._types import NOT_GIVEN

    return NOT_GIVEN


def _enable_debug() -> None:
    import logging

    logger = logging.getLogger("boltz_api")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)


def _print(value: Any, options: Dict[str, Any]) -> None:
    fmt = options.get("output_format") or "auto"
    if fmt == "yaml":
        import yaml

        click.echo(yaml.safe_dump(value, sort_keys=False, allow_unicode=True).rstrip("\n"))
    elif fmt == "jsonl":
        click.echo(json.dumps(value, ensure_ascii=False))
    elif fmt == "raw" and isinstance(value, str):
        click.echo(value)
    else:
        click.echo(json.dumps(value, indent=2, ensure_ascii=False))
