"""The docs target: ``OUT/docs`` (Markdown reference pages and a static HTML site).

Pages follow the published reference layout: the summary as title, the CLI
invocation, verb and path, the description, the parameters as CLI flags with
their types in words and constraints, and the response type with its fields.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..model import (
    API,
    ArrayType,
    EnumType,
    MapType,
    Model,
    ModelRef,
    Operation,
    Parameter,
    Primitive,
    Resource,
    TypeExpr,
    UnionType,
)
from ..render import render

_WORDS = {
    "string": "string",
    "integer": "number",
    "number": "number",
    "boolean": "boolean",
    "null": "null",
    "any": "unknown",
}
#: Sample values for synthesised examples, by string format.
_FORMAT_SAMPLES = {
    "date-time": "2019-12-27T18:11:19.117Z",
    "date": "2019-12-27",
    "uuid": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
    "email": "dev@example.com",
    "uri": "https://example.com",
    "url": "https://example.com",
}


@dataclass
class FieldDoc:
    name: str
    type_words: str
    optional: bool
    description: str | None
    constraints: list[str]
    children: list[FieldDoc] = field(default_factory=list)


@dataclass
class PageDoc:
    resource: Resource
    op: Operation
    path: str
    title: str
    cli_command: str
    params: list[FieldDoc]
    returns_name: str
    returns_words: str
    returns_fields: list[FieldDoc]
    cli_example: str
    python_example: str
    curl_example: str
    response_example: str | None


def render_docs(api: API) -> dict[str, str]:
    """Every docs file, keyed by path under ``docs/``."""
    pages = [_page(api, r, op) for r, op in api.all_operations()]
    files = {"api.md": render("docs", "api.md.j2", api=api, pages=pages)}
    for page in pages:
        files[page.path] = render("docs", "operation.md.j2", api=api, page=page)
    files["html/index.html"] = render("docs", "index.html.j2", api=api, pages=pages)
    return files


def _page(api: API, resource: Resource, op: Operation) -> PageDoc:
    command = f"{api.names.cli_binary} {resource.cli_path} {op.cli_name}"
    params = [_param_doc(api, p) for p in op.parameters]
    returns = op.response.type
    fields: list[FieldDoc] = []
    words = "nothing"
    if returns is not None:
        words = _words(api, returns, expand=True)
        model = _model_of(api, returns)
        if model is not None:
            fields = [
                _field_doc(api, p.wire_name, p.type, not p.required, p.description, depth=0)
                for p in model.properties
            ]
    example = (
        op.response.example.value
        if op.response.example is not None
        else (_synth(api, returns, "", set()) if returns is not None else None)
    )
    return PageDoc(
        resource=resource,
        op=op,
        path=f"{resource.docs_dir}/{op.cli_name}.md",
        title=op.summary or f"{op.http_method.upper()} {op.path}",
        cli_command=command,
        params=params,
        returns_name=op.docs_type_name,
        returns_words=words,
        returns_fields=fields,
        cli_example=_cli_example(command, op),
        python_example=_python_example(api, resource, op),
        curl_example=_curl_example(api, op),
        response_example=json.dumps(example, indent=2, ensure_ascii=False)
        if example is not None
        else None,
    )


def _param_doc(api: API, p: Parameter) -> FieldDoc:
    return FieldDoc(
        name=f"--{p.cli_flag}",
        type_words=_words(api, p.type, expand=False),
        optional=not p.required,
        description=p.description,
        constraints=_constraints(p.type),
    )


def _field_doc(
    api: API, name: str, expr: TypeExpr, optional: bool, description: str | None, depth: int
) -> FieldDoc:
    children: list[FieldDoc] = []
    model = _model_of(api, expr)
    if model is not None and depth < 3:
        children = [
            _field_doc(api, p.wire_name, p.type, not p.required, p.description, depth + 1)
            for p in model.properties
        ]
    return FieldDoc(
        name, _words(api, expr, expand=True), optional, description, _constraints(expr), children
    )


def _model_of(api: API, expr: TypeExpr) -> Model | None:
    if isinstance(expr, ModelRef):
        model = api.model(expr.model_id)
        return model if model.kind == "object" else None
    return None


def _words(api: API, expr: TypeExpr, *, expand: bool) -> str:
    """A type in words: ``string``, ``array of string``, ``"live" or "test"``."""
    if isinstance(expr, Primitive):
        return _WORDS[expr.kind]
    if isinstance(expr, EnumType):
        return " or ".join(json.dumps(v) for v in expr.values)
    if isinstance(expr, ArrayType):
        return f"array of {_words(api, expr.items, expand=False)}"
    if isinstance(expr, MapType):
        return f"map[{_words(api, expr.values, expand=False)}]"
    if isinstance(expr, UnionType):
        return " or ".join(_words(api, v, expand=False) for v in expr.variants)
    model = api.model(expr.model_id)
    if model.kind == "alias" and model.alias_of is not None:
        return _words(api, model.alias_of, expand=expand)
    if not expand:
        return "object"
    names = [p.wire_name for p in model.properties]
    shown = names if len(names) <= 4 else names[:3] + [f"{len(names) - 3} more"]
    return "object { " + ", ".join(shown) + " }"


def _constraints(expr: TypeExpr) -> list[str]:
    if isinstance(expr, Primitive):
        c = expr.constraints
        out = []
        if expr.format:
            out.append(f"format {expr.format}")
        for label, value in (
            ("minLength", c.min_length),
            ("maxLength", c.max_length),
            ("minimum", c.minimum),
            ("maximum", c.maximum),
            ("pattern", c.pattern),
        ):
            if value is not None:
                out.append(f"{label} {value}")
        return out
    return []


def _synth(api: API, expr: TypeExpr | None, name: str, seen: set[str]) -> Any:
    """An example value made from the schema, the way reference docs show one."""
    if expr is None:
        return None
    if isinstance(expr, Primitive):
        if expr.kind == "string":
            return _FORMAT_SAMPLES.get(expr.format or "", name or "string")
        return {"integer": 0, "number": 0, "boolean": True, "null": None}.get(expr.kind, {})
    if isinstance(expr, EnumType):
        return expr.values[0]
    if isinstance(expr, ArrayType):
        return [_synth(api, expr.items, "string", seen)]
    if isinstance(expr, MapType):
        return {"foo": _synth(api, expr.values, "bar", seen)}
    if isinstance(expr, UnionType):
        return _synth(api, expr.variants[0], name, seen)
    if expr.model_id in seen:
        return {}
    model = api.model(expr.model_id)
    if model.kind == "alias":
        return _synth(api, model.alias_of, name, seen | {expr.model_id})
    return {
        p.wire_name: _synth(api, p.type, p.wire_name, seen | {expr.model_id})
        for p in model.properties
    }


def _example_arg(p: Parameter) -> str:
    if p.example is not None and isinstance(p.example.value, (str, int, float)):
        return str(p.example.value)
    if isinstance(p.type, EnumType):
        return str(p.type.values[0])
    if isinstance(p.type, Primitive) and p.type.kind in ("integer", "number"):
        return "0"
    return p.wire_name[:1] or "x"


def _cli_example(command: str, op: Operation) -> str:
    from ..escape import shell_arg

    lines = [command]
    for p in op.parameters:
        if p.required:
            lines.append(f"  --{p.cli_flag} {shell_arg(_example_arg(p))}")
    return " \\\n".join(lines)


def _python_example(api: API, resource: Resource, op: Operation) -> str:
    args = []
    for p in op.parameters:
        if p.required:
            value = (
                json.dumps(_example_arg(p))
                if not isinstance(p.type, Primitive) or p.type.kind == "string"
                else _example_arg(p)
            )
            args.append(value if p.location == "path" else f"{p.py_name}={value}")
    call = f"client.{'.'.join(resource.path)}.{op.py_name}({', '.join(args)})"
    return "\n".join(
        [
            f"from {api.names.sdk_package} import {api.names.client_class}",
            "",
            f"client = {api.names.client_class}()",
            f"result = {call}",
            "print(result)",
        ]
    )


def _curl_example(api: API, op: Operation) -> str:
    from ..escape import shell_arg

    path = op.path
    for p in op.parameters:
        if p.location == "path":
            path = path.replace("{" + p.wire_name + "}", _example_arg(p))
    lines = [f"curl {shell_arg(api.base_url + path)}"]
    if op.http_method != "get":
        lines.append(f"  -X {op.http_method.upper()}")
    for scheme in api.security_schemes[:1]:
        if scheme.kind == "api_key" and scheme.location == "header":
            lines.append(f"  -H {shell_arg(scheme.param_name + ': $' + scheme.env_var)}")
        elif scheme.kind == "http_bearer":
            lines.append(f"  -H {shell_arg('Authorization: Bearer $' + scheme.env_var)}")
    body = {
        p.wire_name: _example_arg(p) for p in op.parameters if p.location == "body" and p.required
    }
    if op.body is not None and op.body.encoding == "json":
        lines.append("  -H 'Content-Type: application/json'")
        lines.append(f"  -d {shell_arg(json.dumps(body))}")
    return " \\\n".join(lines)
