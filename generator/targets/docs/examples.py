"""Example values and the example requests and responses of an operation page."""

from __future__ import annotations

import json
import urllib.parse
from typing import Any

from ... import escape, naming
from ...formatting import format_python, line_width
from ...model import (
    API,
    ArrayType,
    EnumType,
    MapType,
    ModelRef,
    Operation,
    Parameter,
    Primitive,
    Resource,
    Response,
    TypeExpr,
    UnionType,
)
from .fields import _cli_params
from .words import (
    _resolve,
    _scalar,
)

#: Example values by string format, for synthesised examples.
_FORMAT_SAMPLES = {
    "date-time": "2019-12-27T18:11:19.117Z",
    "date": "2019-12-27",
    "time": "18:11:19.117Z",
    "uuid": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
    "email": "user@example.com",
    "uri": "https://example.com",
    "url": "https://example.com",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
}
#: The line length of the generated code, which the Python examples share.
_PY_LINE_LENGTH = 100


# --- example values --------------------------------------------------------------------


def response_example_json(
    api: API, op: Operation, made: dict[TypeExpr, str] | None = None
) -> str | None:
    """The example response as shown: the spec's own, else one made from the schema
    (kept in ``made``, when given, for the other operations returning the same type)."""
    response = op.response
    if response.example is not None:
        return json_pretty(response.example.value)
    if response.kind != "json" or response.type is None:
        return None
    if op.pagination is not None:
        return json_pretty(_page_example(api, op))
    text = made.get(response.type) if made is not None else None
    if text is None:
        text = json_pretty(_synth(api, response.type, "", frozenset()))
        if made is not None:
            made[response.type] = text
    return text


def response_json(api: API, response: Response, made: dict[TypeExpr, str]) -> str | None:
    """The example body of another documented response (an error, a second success):
    the spec's own, else one made from its schema; ``None`` when it has no JSON body."""
    if response.example is not None:
        return json_pretty(response.example.value)
    if response.kind != "json" or response.type is None:
        return None
    text = made.get(response.type)
    if text is None:
        text = made[response.type] = json_pretty(_synth(api, response.type, "", frozenset()))
    return text


class _NotPlainJSON(Exception):
    pass


def json_pretty(value: Any) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``, several times faster: with an
    indent, the json module encodes in pure Python through a generator per nesting level
    (most of a large example's cost). Anything unusual goes to ``json.dumps`` itself."""
    out: list[str] = []
    encode = json.encoder.encode_basestring

    def key(k: Any) -> str:
        if isinstance(k, str):
            return encode(k)
        if k is True or k is False or k is None or isinstance(k, int):
            return encode(json.dumps(k))  # true, false, null, 12 as JSON writes them
        raise _NotPlainJSON

    def emit(v: Any, indent: str) -> None:
        if isinstance(v, str):
            out.append(encode(v))
        elif v is None:
            out.append("null")
        elif v is True or v is False:
            out.append("true" if v else "false")
        elif type(v) is int:
            out.append(int.__repr__(v))
        elif type(v) is float:
            out.append(float.__repr__(v) if v == v and v not in _INFINITIES else json.dumps(v))
        elif type(v) is dict:
            if not v:
                out.append("{}")
                return
            inner = indent + "  "
            sep = "{\n"
            for k, item in v.items():
                out.append(f"{sep}{inner}{key(k)}: ")
                emit(item, inner)
                sep = ",\n"
            out.append(f"\n{indent}}}")
        elif type(v) is list or type(v) is tuple:
            if not v:
                out.append("[]")
                return
            inner = indent + "  "
            sep = "[\n"
            for item in v:
                out.append(sep + inner)
                emit(item, inner)
                sep = ",\n"
            out.append(f"\n{indent}]")
        else:
            raise _NotPlainJSON

    try:
        emit(value, "")
    except (_NotPlainJSON, RecursionError):
        return json.dumps(value, indent=2, ensure_ascii=False)
    return "".join(out)


_INFINITIES = (float("inf"), float("-inf"))


def _page_example(api: API, op: Operation) -> dict[str, Any]:
    pg = op.pagination
    assert pg is not None
    page: dict[str, Any] = {pg.items_field: [_synth(api, pg.item_type, "", frozenset())]}
    for name in (pg.previous_cursor_field, pg.next_cursor_field):
        if name:
            page[name] = name
    if pg.has_more_field:
        page[pg.has_more_field] = True
    return page


def _synth(api: API, expr: TypeExpr, name: str, seen: frozenset[str]) -> Any:
    """A response value made from the schema the way reference pages show one: a string
    shows its field name, a date-time a fixed instant, a boolean ``true``, an array one
    element, an enum its first value."""
    expr = _resolve(api, expr)
    if isinstance(expr, Primitive):
        if expr.kind == "string":
            return _FORMAT_SAMPLES.get(expr.format or "", name or "string")
        return {"integer": 0, "number": 0, "boolean": True, "null": None}.get(expr.kind, {})
    if isinstance(expr, EnumType):
        return expr.values[0] if expr.values else None
    if isinstance(expr, ArrayType):
        return [_synth(api, expr.items, "", seen)]
    if isinstance(expr, MapType):
        return {"foo": _synth(api, expr.values, "", seen)}
    if isinstance(expr, UnionType):
        return _synth(api, expr.variants[0], name, seen) if expr.variants else None
    if expr.model_id in seen:
        return {}
    model = api.model(expr.model_id)
    inner = seen | {expr.model_id}
    return {
        p.wire_name: p.example.value
        if p.example is not None
        else _synth(api, p.type, p.wire_name, inner)
        for p in model.properties
    }


def _arg_value(api: API, expr: TypeExpr, seen: frozenset[str] = frozenset()) -> Any:
    """A valid value for a required argument: ``"x"`` for a string (as the reference
    example passes ``--name x``), the smallest allowed number, required fields only."""
    expr = _resolve(api, expr)
    if isinstance(expr, Primitive):
        c = expr.constraints
        if expr.kind == "string":
            if expr.format in _FORMAT_SAMPLES:
                return _FORMAT_SAMPLES[expr.format]
            length = max(1, c.min_length or 1)
            return "x" * (length if c.max_length is None else min(length, c.max_length))
        if expr.kind in ("integer", "number"):
            value: int | float = 0
            if c.minimum is not None and value < c.minimum:
                value = c.minimum
            if c.exclusive_minimum is not None and value <= c.exclusive_minimum:
                value = c.exclusive_minimum + 1
            if c.maximum is not None and value > c.maximum:
                value = c.maximum
            return int(value) if expr.kind == "integer" else value
        return {"boolean": True, "null": None}.get(expr.kind, {})
    if isinstance(expr, EnumType):
        return expr.values[0] if expr.values else None
    if isinstance(expr, ArrayType):
        return [_arg_value(api, expr.items, seen)] * max(1, expr.constraints.min_items or 1)
    if isinstance(expr, MapType):
        return {}
    if isinstance(expr, UnionType):
        return _arg_value(api, expr.variants[0], seen) if expr.variants else None
    model = api.model(expr.model_id)
    if expr.model_id in seen:
        return {}
    inner = seen | {expr.model_id}
    return {
        p.wire_name: p.example.value if p.example is not None else _arg_value(api, p.type, inner)
        for p in model.properties
        if p.required
    }


def _param_value(api: API, p: Parameter) -> Any:
    return p.example.value if p.example is not None else _arg_value(api, p.type)


def _body_value(api: API, op: Operation) -> Any:
    """The request body of the examples: required fields only."""
    body = op.body
    if body is None:
        return None
    if body.flattened:
        fields = {p.wire_name: _param_value(api, p) for p in op.params_in("body") if p.required}
        return fields if fields or body.required else None
    if not body.required or body.type is None:
        return None
    return _arg_value(api, body.type)


# --- the three examples -----------------------------------------------------------------


def _is_json_flag(api: API, expr: TypeExpr) -> bool:
    """Whether the CLI reads this flag's value as JSON text (objects, maps, unions, any)."""
    expr = _resolve(api, expr)
    if isinstance(expr, ArrayType):
        expr = _resolve(api, expr.items)
    if isinstance(expr, Primitive):
        return expr.kind == "any"
    if isinstance(expr, EnumType):
        return not all(isinstance(v, str) for v in expr.values)
    return isinstance(expr, (MapType, UnionType, ModelRef))


def _cli_example(api: API, command: str, op: Operation) -> str:
    lines = [command]
    for p in _cli_params(op):
        if not p.required:
            continue
        value = _param_value(api, p)
        is_array = isinstance(_resolve(api, p.type), ArrayType)
        for item in value if is_array and isinstance(value, list) else [value]:
            if item is True and not is_array and not _is_json_flag(api, p.type):
                lines.append(f"  --{p.cli_flag}")  # a boolean flag takes no value
                continue
            text = (
                json.dumps(item, ensure_ascii=False)
                if _is_json_flag(api, p.type)
                else _scalar(item)
            )
            lines.append(f"  --{p.cli_flag} {escape.shell_arg(text)}")
    body = op.body
    if body is not None and not body.flattened and body.required:
        text = json.dumps(_body_value(api, op), ensure_ascii=False)
        lines.append(f"  --{body.cli_flag} {escape.shell_arg(text)}")
    return " \\\n".join(lines)


def _py_str(text: str) -> str:
    """A string literal quoted the way black leaves it: double quotes, unless the text
    holds more double than single quotes (then single quotes, with fewer escapes)."""
    literal = repr(text)  # single-quoted unless the text has ' and no "
    if literal[0] == '"' or text.count('"') > text.count("'"):
        return literal
    return '"' + literal[1:-1].replace("\\'", "'").replace('"', '\\"') + '"'


def _py_number(value: int | float) -> str:
    # black writes exponents without "+" (1e100, not 1e+100).
    return repr(value).replace("e+", "e")


def _py_literal(value: Any) -> str:
    if isinstance(value, str):
        return _py_str(value)
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, (int, float)):
        return _py_number(value)
    if isinstance(value, list):
        return "[" + ", ".join(_py_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        items = (f"{_py_str(str(k))}: {_py_literal(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    return _py_str(str(value))


def _py_lines(prefix: str, value: Any, suffix: str, indent: int) -> list[str]:
    """``prefix``, the value and ``suffix`` at ``indent``, laid out as black lays out the
    one-line form: on one line when it fits, else a list or dict exploded one item per
    line (each item laid out the same way) with a trailing comma."""
    pad = " " * indent
    flat = f"{pad}{prefix}{_py_literal(value)}{suffix}"
    if line_width(flat) <= _PY_LINE_LENGTH or not isinstance(value, (list, dict)) or not value:
        return [flat]
    # black adds the trailing comma only when it splits between items: a lone item has none.
    comma = "," if len(value) > 1 else ""
    if isinstance(value, list):
        lines = [f"{pad}{prefix}["]
        for item in value:
            lines += _py_lines("", item, comma, indent + 4)
        return lines + [f"{pad}]{suffix}"]
    lines = [f"{pad}{prefix}{{"]
    for key, item in value.items():
        lines += _py_lines(f"{_py_str(str(key))}: ", item, comma, indent + 4)
    return lines + [f"{pad}}}{suffix}"]


def _python_example(api: API, resource: Resource, op: Operation) -> str:
    """The SDK call with the required arguments, already in black's layout (black
    itself runs only on the rare example that layout cannot fit in the line length)."""
    args: list[tuple[str, Any]] = [("", _param_value(api, p)) for p in op.positional_params]
    args += [(f"{p.py_name}=", _param_value(api, p)) for p in op.keyword_path_params]
    whole = op.body is not None and not op.body.flattened
    for p in op.parameters:
        if (
            p.location != "path"
            and p.required
            and p not in op.positional_params
            and not (whole and p.location == "body")
        ):
            args.append((f"{p.py_name}=", _param_value(api, p)))
    if whole and op.body is not None and op.body.required:
        args.append((f"{op.body.py_name}=", _body_value(api, op)))
    names = naming.Namer(naming.PY_KEYWORDS | {"client", "os", api.names.client_class})
    returns_list = (
        isinstance(_resolve(api, op.response.type), ArrayType) if op.response.type else False
    )
    noun = resource.py_name if returns_list else naming.singular_name(resource.py_name)
    var = names.claim(naming.snake(noun) or "result")
    call = f"client.{'.'.join(resource.path)}.{op.py_name}("
    paginated = op.pagination is not None
    if paginated:
        head, close = f"for {var} in {call}", "):"
    elif op.response.kind == "empty" or (op.response.kind == "json" and op.response.type is None):
        head, close = call, ")"
    else:
        head, close = f"{var} = {call}", ")"
    package, cls = api.names.sdk_package, api.names.client_class
    lines = [f"from {package} import {cls}"]
    if line_width(lines[0]) > _PY_LINE_LENGTH:
        lines = [f"from {package} import (", f"    {cls},", ")"]
    lines += ["", f"client = {cls}()"]
    if args:
        lines.append(head)
        for prefix, value in args:
            lines += _py_lines(prefix, value, ",", 4)
        lines.append(close)
    else:
        lines.append(head + close)
    if paginated:
        lines.append(f"    print({var})")
    elif head.startswith(f"{var} = "):
        lines.append(f"print({var})")
    source = "\n".join(lines)
    if any(line_width(line) > _PY_LINE_LENGTH for line in lines):
        source = format_python(source + "\n", "docs example").rstrip("\n")
    return source


def _curl_example(api: API, op: Operation) -> str:
    path = op.path
    query: list[tuple[str, str]] = []
    headers: list[str] = []
    cookies: list[str] = []
    for p in op.parameters:
        if not p.required or p.location == "body":
            continue
        value = _param_value(api, p)
        values = value if isinstance(value, list) else [value]
        text = [
            json.dumps(v) if isinstance(v, (dict, bool)) or v is None else str(v) for v in values
        ]
        if p.location == "path":
            path = path.replace(
                "{" + p.wire_name + "}", urllib.parse.quote(",".join(text), safe="")
            )
        elif p.location == "query":
            query += [(p.wire_name, t) for t in text]
        elif p.location == "header":
            headers.append(escape.shell_arg(f"{p.wire_name}: {','.join(text)}"))
        else:
            cookies.append(f"{p.wire_name}={','.join(text)}")
    url = api.base_url.rstrip("/") + path
    if query:
        url += "?" + urllib.parse.urlencode(query)
    url_word = escape.shell_arg(url)
    auth: list[str] = []
    schemes = {s.name: s for s in api.security_schemes}
    for name in op.security[:1]:
        scheme = schemes.get(name)
        if scheme is None:
            continue
        env = "$" + scheme.env_var
        if scheme.kind == "api_key" and scheme.location == "query":
            sep = "&" if "?" in url else "?"
            key = urllib.parse.quote(scheme.param_name, safe="")
            url_word = f'"{escape.shell_dq(url + sep + key + "=")}{env}"'
        elif scheme.kind == "api_key" and scheme.location == "cookie":
            auth.append(f'--cookie "{escape.shell_dq(scheme.param_name + "=")}{env}"')
        elif scheme.kind == "api_key":
            auth.append(f'-H "{escape.shell_dq(scheme.param_name + ": ")}{env}"')
        elif scheme.kind == "http_basic":
            auth.append(f'--user "{env}"')
        else:
            auth.append(f'-H "Authorization: Bearer {env}"')
    lines = [f"curl {url_word}"]
    if op.http_method != "get":
        lines.append(f"-X {op.http_method.upper()}")
    lines += auth
    lines += [f"-H {h}" for h in headers]
    if cookies:
        lines.append(f"--cookie {escape.shell_arg('; '.join(cookies))}")
    lines += _curl_body(api, op)
    return " \\\n  ".join(lines)


def _curl_body(api: API, op: Operation) -> list[str]:
    body = op.body
    value = _body_value(api, op)
    if body is None or value is None:
        return []
    content_type = escape.shell_arg(f"Content-Type: {body.content_type}")
    if body.encoding == "json":
        return [
            f"-H {content_type}",
            f"-d {escape.shell_arg(json.dumps(value, ensure_ascii=False))}",
        ]
    if body.encoding in ("multipart", "form") and isinstance(value, dict):
        flag = "-F" if body.encoding == "multipart" else "--data-urlencode"
        return [
            f"{flag} {escape.shell_arg(f'{k}={v if isinstance(v, str) else json.dumps(v)}')}"
            for k, v in value.items()
        ]
    if body.encoding == "binary":
        return [f"-H {content_type}", "--data-binary @file"]
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return [f"-H {content_type}", f"-d {escape.shell_arg(text)}"]
