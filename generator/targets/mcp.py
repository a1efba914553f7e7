"""The MCP target: ``OUT/mcp`` (an installable Model Context Protocol server).

One tool per operation, described by data decided here from the model: a
name (:func:`generator.naming.mcp_tool_names`), a title and description, an
input JSON Schema (Draft 2020-12, every named type inlined so that clients
which refuse ``$ref`` still work; recursion and very deep nesting are cut at
:data:`MAX_MODEL_DEPTH`), the HTTP annotations and how each argument goes on
the wire. The data is one JSON file in the package (``_tools.json``); the
runtime modules are the same for every API apart from the names they import.
Every request goes through the generated SDK's transport, so retries, errors
and redaction are the SDK's.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from .. import escape, naming
from ..model import (
    API,
    ArrayType,
    Constraints,
    EnumType,
    MapType,
    ModelRef,
    Operation,
    Parameter,
    Primitive,
    Resource,
    TypeExpr,
    UnionType,
    Value,
)
from ..pycode import tuple_literal
from ..render import render

#: The MCP Python SDK the server is built on; pinned because its wire
#: behaviour (protocol version, transports) is the server's.
MCP_REQUIREMENT = "mcp==1.30.0"
#: Argument validation against the tool schemas, before anything is sent.
JSONSCHEMA_REQUIREMENT = "jsonschema==4.26.0"
#: The ``jq_filter`` argument's GJSON paths (the same library and release as the CLI's --transform).
GJSON_REQUIREMENT = "gjson==1.2.0"
#: Above this many tools the server starts in dynamic mode unless told otherwise.
DYNAMIC_THRESHOLD = 200
#: How many named types deep a tool schema inlines before it stops expanding
#: (a recursive type stops at its first repetition).
MAX_MODEL_DEPTH = 6

#: Runtime modules rendered from templates/mcp/<name>.py.j2.
RUNTIME = ("_catalog", "_filter", "_call", "server")

_READ_METHODS = frozenset({"GET", "HEAD"})
#: RFC 9110's idempotent methods.
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})


def render_mcp(api: API) -> dict[str, str]:
    """Every file of the MCP server distribution, keyed by path under ``mcp/``."""
    project, package, command = naming.mcp_distribution(
        api.names.sdk_project, api.names.sdk_package, api.names.cli_binary
    )
    tools = tool_records(api)
    title = escape.clean(api.names.title)
    label = title if title.split()[-1:] == ["API"] else f"{title} API"
    env_vars = _env_vars(api)
    ctx: dict[str, Any] = {
        "api": api,
        "names": api.names,
        "label": label,
        "project": project,
        "package": package,
        "command": command,
        # released with the SDK it calls, at the same version
        "mcp_version": api.names.sdk_version,
        "requirements": [
            f"{api.names.sdk_project}=={api.names.sdk_version}",
            MCP_REQUIREMENT,
            JSONSCHEMA_REQUIREMENT,
            GJSON_REQUIREMENT,
        ],
        "threshold": DYNAMIC_THRESHOLD,
        "env_vars": env_vars,
        "secret_env_vars": tuple_literal(
            [escape.py_string(s.env_var) for s in api.security_schemes if s.env_var]
        ),
        "tools": tools,
        "env_example": {s.env_var: "your-key" for s in api.security_schemes if s.env_var},
        "example_tool": tools[0] if tools else None,
        "example_resource": tools[0]["resource"].split(".")[0] + ".*" if tools else "*",
        "tags": sorted({t for tool in tools for t in tool["tags"]}),
    }
    variables = ", ".join(f"{var} ({what})" for var, what in env_vars)
    ctx["cli_description"] = (
        f"Model Context Protocol server for the {label}. Credentials and the base URL"
        f" come from the SDK's environment variables: {variables}."
    )
    ctx["list_description"] = (
        f"List the {label} endpoints this server can call, optionally only those matching"
        " every word of `search` (in the name, path, resource, tags or summary). Then get"
        " one's input schema with get_api_endpoint_schema and call it with invoke_api_endpoint."
    )
    src = f"src/{package}"
    files = {
        "pyproject.toml": render("mcp", "pyproject.toml.j2", **ctx),
        "README.md": render("mcp", "README.md.j2", **ctx),
        f"{src}/__init__.py": render("mcp", "package_init.py.j2", **ctx),
        f"{src}/__main__.py": render("mcp", "main_module.py.j2", **ctx),
        f"{src}/_tools.json": tools_json(api, tools),
    }
    for module in RUNTIME:
        files[f"{src}/{module}.py"] = render("mcp", f"{module}.py.j2", **ctx)
    return files


def _env_vars(api: API) -> list[tuple[str, str]]:
    """(variable, what it sets) for the README and the server's help."""
    out = [(s.env_var, f"credential ({s.name})") for s in api.security_schemes if s.env_var]
    out.append((f"{api.names.env_prefix}_BASE_URL", "the API's base URL"))
    return out


def tools_json(api: API, tools: list[dict[str, Any]]) -> str:
    """The package's ``_tools.json``: one JSON document, one tool per line, stable order."""
    head = {
        "title": api.names.title,
        "version": api.version,
        "threshold": DYNAMIC_THRESHOLD,
        "env_prefix": api.names.env_prefix,
    }
    lines = [_dump(tool) for tool in tools]
    body = ",\n".join(lines)
    return f'{{"api": {_dump(head)},\n"tools": [\n{body}\n]}}\n'


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def tool_records(api: API) -> list[dict[str, Any]]:
    """What the runtime needs of each operation, in the model's order."""
    operations = api.all_operations()
    names = naming.mcp_tool_names((r.path, op.py_name) for r, op in operations)
    builder = SchemaBuilder(api)
    return [
        _tool(api, resource, op, name, builder)
        for (resource, op), name in zip(operations, names, strict=True)
    ]


def _tool(
    api: API, resource: Resource, op: Operation, name: str, builder: SchemaBuilder
) -> dict[str, Any]:
    method = op.http_method.upper()
    arguments: list[dict[str, Any]] = []
    properties: dict[str, Any] = {}
    required: list[str] = []
    for p in op.parameters:
        if op.body is not None and not op.body.flattened and p.location == "body":
            continue
        properties[p.py_name] = _param_schema(p, builder)
        if p.required:
            required.append(p.py_name)
        arguments.append(_argument(p))
    body: dict[str, Any] | None = None
    if op.body is not None:
        body = {
            "encoding": op.body.encoding,
            "content_type": op.body.content_type,
            "required": op.body.required,
            "whole": None,
        }
        if not op.body.flattened:
            whole = op.body.py_name
            body["whole"] = whole
            properties[whole] = _whole_body_schema(op, builder)
            if op.body.required:
                required.append(whole)
    filter_name = naming.mcp_filter_argument(properties)
    properties[filter_name] = {
        "type": "string",
        "description": (
            "Return only part of the result: a GJSON path (`data.#.id`, `data.0`,"
            ' `items.#(state=="open")#`) or a jq path (`.data[].id`, `.data[0]`, `.data | length`).'
        ),
    }
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False
    record: dict[str, Any] = {
        "name": name,
        "title": escape.clean(op.summary) if op.summary else None,
        "description": _description(op),
        "method": method,
        "path": op.path,
        "resource": ".".join(resource.path),
        "tags": list(op.tags),
        "annotations": {
            "readOnlyHint": method in _READ_METHODS,
            "destructiveHint": method == "DELETE" or op.destructive,
            "idempotentHint": method in _IDEMPOTENT_METHODS,
            "openWorldHint": True,
        },
        "arguments": arguments,
        "body": body,
        "filter": filter_name,
        "response": op.response.kind,
        "security": list(op.security),
        "inputSchema": schema,
    }
    if op.pagination is not None:
        record["page"] = op.pagination.page_class
    if op.response.kind in ("text", "binary", "sse") and op.response.content_type:
        # The SDK asks for JSON by default; a server that negotiates would refuse that.
        record["accept"] = op.response.content_type
    return record


def _description(op: Operation) -> str:
    parts = []
    if op.summary:
        parts.append(escape.clean(op.summary).strip())
    if op.description and escape.clean(op.description).strip() not in parts:
        parts.append(escape.clean(op.description).strip())
    if op.deprecated:
        parts.append("Deprecated.")
    parts.append(f"HTTP: {op.http_method.upper()} {op.path}")
    if op.pagination is not None:
        parts.append(
            "Returns one page; the result's `next_page` holds the arguments for the next one."
        )
    return "\n\n".join(parts)


def _argument(p: Parameter) -> dict[str, Any]:
    out: dict[str, Any] = {"name": p.py_name, "wire": p.wire_name, "in": p.location}
    if p.location == "query":
        style = p.query_style
        if style != ("form", True):
            out["style"] = list(style)
    if _is_file(p.type):
        out["file"] = True
    return out


def _is_file(expr: TypeExpr) -> bool:
    return isinstance(expr, Primitive) and expr.kind == "string" and expr.format == "binary"


def _param_schema(p: Parameter, builder: SchemaBuilder) -> dict[str, Any]:
    schema = builder.schema(p.type)
    _describe(schema, p.description, p.default, p.example, p.deprecated)
    where = {"path": "path", "query": "query", "header": "header", "cookie": "cookie"}.get(
        p.location
    )
    if where is not None:
        note = f"({where} parameter `{p.wire_name}`)"
        schema["description"] = (
            f"{schema['description']} {note}" if "description" in schema else note
        )
    return schema


def _whole_body_schema(op: Operation, builder: SchemaBuilder) -> dict[str, Any]:
    assert op.body is not None
    if op.body.encoding == "binary":
        schema: dict[str, Any] = {
            "type": "string",
            "contentEncoding": "base64",
            "description": "The request body's bytes, base64-encoded.",
        }
    elif op.body.encoding == "text" and op.body.type is None:
        schema = {"type": "string"}
    else:
        schema = builder.schema(op.body.type) if op.body.type is not None else {}
    if op.body.description:
        schema["description"] = escape.clean(op.body.description)
    return schema


def _describe(
    schema: dict[str, Any],
    description: str | None,
    default: Value | None,
    example: Value | None,
    deprecated: bool,
) -> None:
    if description:
        schema["description"] = escape.clean(description)
    if default is not None and _json_safe(default.value):
        schema["default"] = default.value
    if example is not None and _json_safe(example.value):
        schema["examples"] = [example.value]
    if deprecated:
        schema["deprecated"] = True


def _json_safe(value: object) -> bool:
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        return False
    return True


class SchemaBuilder:
    """Type expressions as self-contained JSON Schemas (no ``$ref``).

    A named type is inlined wherever it is used; a type that contains itself
    is expanded once and then stands as a plain object (or any value), as is
    anything nested deeper than :data:`MAX_MODEL_DEPTH` named types.
    Read-only properties are left out: they are never sent.
    """

    def __init__(self, api: API):
        self.api = api
        self._stack: list[str] = []
        self._patterns: dict[str, bool] = {}

    def schema(self, expr: TypeExpr) -> dict[str, Any]:
        out: dict[str, Any]
        if isinstance(expr, Primitive):
            out = {} if expr.kind == "any" else {"type": expr.kind}
            if expr.format == "binary" and expr.kind == "string":
                out["contentEncoding"] = "base64"
                out["description"] = "File contents, base64-encoded."
            elif expr.format:
                out["format"] = expr.format
            out.update(self._constraints(expr.constraints))
            if expr.nullable and expr.kind not in ("any", "null"):
                out["type"] = [expr.kind, "null"]
            return out
        if isinstance(expr, EnumType):
            values: list[Any] = [v for v in expr.values if _json_safe(v)]
            if expr.nullable and None not in values:
                values.append(None)
            return {"enum": values}
        if isinstance(expr, ArrayType):
            out = {"type": ["array", "null"] if expr.nullable else "array"}
            if expr.prefix_items:
                out["prefixItems"] = [self.schema(e) for e in expr.prefix_items]
            out["items"] = self.schema(expr.items)
            out.update(self._constraints(expr.constraints))
            return out
        if isinstance(expr, MapType):
            return {
                "type": ["object", "null"] if expr.nullable else "object",
                "additionalProperties": self.schema(expr.values),
            }
        if isinstance(expr, UnionType):
            variants = [self.schema(v) for v in expr.variants]
            if expr.nullable:
                variants.append({"type": "null"})
            return {"anyOf": variants}
        return self._model(expr)

    def _model(self, ref: ModelRef) -> dict[str, Any]:
        model = self.api.model(ref.model_id)
        if ref.model_id in self._stack or len(self._stack) >= MAX_MODEL_DEPTH:
            cut: dict[str, Any] = {
                "description": f"A {model.class_name} (nested too deeply to describe here)."
            }
            if model.kind == "object":
                cut["type"] = ["object", "null"] if ref.nullable else "object"
            return cut
        self._stack.append(ref.model_id)
        try:
            if model.kind == "alias" and model.alias_of is not None:
                out = self.schema(model.alias_of)
                if model.description and "description" not in out:
                    out["description"] = escape.clean(model.description)
            else:
                out = self._object(ref)
        finally:
            self._stack.pop()
        if ref.nullable and model.kind == "alias":
            return {"anyOf": [out, {"type": "null"}]}
        return out

    def _object(self, ref: ModelRef) -> dict[str, Any]:
        model = self.api.model(ref.model_id)
        props = [p for p in model.properties if not p.read_only]
        properties: dict[str, Any] = {}
        for p in props:
            schema = self.schema(p.type)
            _describe(schema, p.description, p.default, p.example, p.deprecated)
            properties[p.wire_name] = schema
        out: dict[str, Any] = {"type": ["object", "null"] if ref.nullable else "object"}
        if model.description:
            out["description"] = escape.clean(model.description)
        if properties:
            out["properties"] = properties
        required = [p.wire_name for p in props if p.required]
        if required:
            out["required"] = required
        if model.additional is False:
            out["additionalProperties"] = False
        elif model.additional is not None:
            out["additionalProperties"] = self.schema(model.additional)
        return out

    def _constraints(self, c: Constraints) -> dict[str, Any]:
        if c.is_empty():
            return {}
        out: dict[str, Any] = {}
        for key, value in (
            ("minLength", c.min_length),
            ("maxLength", c.max_length),
            ("minimum", c.minimum),
            ("maximum", c.maximum),
            ("exclusiveMinimum", c.exclusive_minimum),
            ("exclusiveMaximum", c.exclusive_maximum),
            ("multipleOf", c.multiple_of),
            ("minItems", c.min_items),
            ("maxItems", c.max_items),
        ):
            # (an unbounded .inf from YAML is no bound at all, and not JSON)
            if value is not None and not (isinstance(value, float) and not math.isfinite(value)):
                out[key] = value
        if c.unique_items:
            out["uniqueItems"] = True
        if c.pattern is not None and self._usable(c.pattern):
            out["pattern"] = c.pattern
        return out

    def _usable(self, pattern: str) -> bool:
        """Whether the server's validator (Python's ``re``) can run ``pattern``;
        one it cannot is left to the API to check."""
        known = self._patterns.get(pattern)
        if known is None:
            try:
                re.compile(pattern)
                known = True
            except re.error:
                known = False
            self._patterns[pattern] = known
        return known
