"""The CLI target: ``OUT/cli`` (an installable click application).

The generated package is a small, near-static runtime (``_commands``,
``_values``, ``_output``, ``_http``) plus one data module per resource under
``commands/``. A resource module only *describes* its operations (flags,
wire names, locations, JSON-schema-like constraints, help text); the runtime
turns those descriptions into click commands when, and only when, that
resource is invoked. So ``--help`` imports click and nothing else, and a call
adds the standard library's ``http.client`` (never httpx, the SDK or pydantic).

Everything a command needs is decided here from the model, once, at
generation time: the click type of each flag, its metavar, its help line with
constraints and defaults, and the schema the runtime checks input against
before anything is sent.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

from .. import escape, naming
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
from ..pycode import tuple_literal
from ..render import render

#: Runtime modules rendered from templates/cli/<name>.py.j2 (same for every API).
RUNTIME = (
    "_spec",
    "_values",
    "_output",
    "_transport",
    "_http",
    "_download",
    "_dotted",
    "_request",
    "_commands",
    "_completion",
    # Only on a terminal (pager, --format explore) or when asked (__man).
    "_pager",
    "_explore",
    "_man",
)

#: Value kinds the runtime knows how to read from a flag.
_METAVARS = {
    "string": "TEXT",
    "integer": "INTEGER",
    "number": "NUMBER",
    "boolean": "BOOLEAN",
    "json": "JSON",
    "file": "FILE",
    "enum": "",
}

#: How many property names an object's help line lists before "N more".
_SHOWN_PROPERTIES = 4


@dataclass
class ParamView:
    """One flag (and, for path parameters, one positional argument) of a command."""

    flag: str
    wire: str
    where: str
    kind: str
    required: bool
    multiple: bool
    positional: bool
    metavar: str
    help: str
    #: Python literal: the schema the runtime checks the value against.
    schema: str
    deprecated: bool
    #: Name of the positional argument in usage lines (path parameters), else "".
    arg: str = ""
    #: Python literal (style, explode) for query parameters not sent as form/explode, else "".
    style: str = ""
    #: An enum flag's values as typed on the command line (man pages list them).
    choices: tuple[str, ...] = ()


@dataclass
class OperationView:
    name: str
    method: str
    path: str
    help: str
    short_help: str
    params: list[ParamView]
    #: Python literal for the request body description, or "None".
    body: str
    page_class: str | None
    #: Python literal: how the runtime asks for the next page (the SDK's paging rules), or "".
    paging: str
    response: str
    security: list[str]
    deprecated: bool

    @property
    def security_literal(self) -> str:
        return tuple_literal([escape.py_string(s) for s in self.security])


@dataclass
class GroupView:
    name: str
    module: str
    help: str
    short_help: str
    operations: list[OperationView]


@dataclass
class SchemaBuilder:
    """Turns type expressions into the plain-data schemas the runtime validates with.

    Named models are emitted once for the whole CLI (``_schemas.py``, as JSON
    text the runtime parses on demand) and referenced by id, so recursive
    types stay finite and a model shared by many flags is written once.
    """

    api: API
    needed: dict[str, None] = field(default_factory=dict)

    def schema(self, expr: TypeExpr) -> dict[str, object]:
        out: dict[str, object]
        if isinstance(expr, Primitive):
            out = {"type": expr.kind}
            if expr.format:
                out["format"] = expr.format
            out.update(_constraint_items(expr.constraints))
        elif isinstance(expr, EnumType):
            out = {"enum": list(expr.values)}
        elif isinstance(expr, ArrayType):
            out = {"type": "array", "items": self.schema(expr.items)}
            if expr.prefix_items:
                out["prefixItems"] = [self.schema(e) for e in expr.prefix_items]
            out.update(_constraint_items(expr.constraints))
        elif isinstance(expr, MapType):
            out = {"type": "object", "values": self.schema(expr.values)}
        elif isinstance(expr, UnionType):
            out = {"anyOf": [self.schema(v) for v in expr.variants]}
        else:
            self._need(expr.model_id)
            out = {"ref": expr.model_id}
        if expr.nullable:
            out["nullable"] = True
        return out

    def _need(self, model_id: str) -> None:
        if model_id in self.needed:
            return
        self.needed[model_id] = None
        model = self.api.model(model_id)
        # Walk now so every reachable model is known before MODELS is emitted.
        self.model_schema(model)

    def model_schema(self, model: Model) -> dict[str, object]:
        if model.kind == "alias" and model.alias_of is not None:
            return self.schema(model.alias_of)
        props = [p for p in model.properties if not p.read_only]
        out: dict[str, object] = {
            "type": "object",
            "properties": {p.wire_name: self.schema(p.type) for p in props},
        }
        required = [p.wire_name for p in props if p.required]
        if required:
            out["required"] = required
        if model.additional is False:
            out["additional"] = False
        elif model.additional is not None:
            out["additional"] = self.schema(model.additional)
        return out

    def schema_texts(self) -> list[tuple[str, str]]:
        """(model id, schema as compact JSON) of every model the flags reach, sorted."""
        return [
            (model_id, _compact_json(self.model_schema(self.api.model(model_id))))
            for model_id in sorted(self.needed)
        ]


def _compact_json(value: object) -> str:
    # (a bound of .inf from YAML is written Infinity, which json.loads reads back)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def render_cli(api: API) -> dict[str, str]:
    """Every file of the CLI distribution, keyed by path under ``cli/``."""
    pkg = api.names.cli_package
    src = f"src/{pkg}"
    builder = SchemaBuilder(api)
    groups = _groups(api, builder)
    title = escape.clean(api.names.title)
    label = title if title.split()[-1:] == ["API"] else f"{title} API"
    root_help = f"Command-line tool for the {label}."
    if api.description:
        root_help += "\n\n" + escape.clean(api.description)
    root_help += (
        f"\n\nCommands are `{api.names.cli_binary} <resource> <operation> [flags]`;"
        f" run `{api.names.cli_binary} <resource> --help` for a resource's operations."
    )
    ctx = {
        "api": api,
        "root_help": root_help,
        "api_label": label,
        "names": api.names,
        "cli_version": api.names.cli_version,
        "groups": groups,
        "security": [_security_view(api, s.name) for s in api.security_schemes],
        "auth": api.security_schemes,
    }
    files = {
        "pyproject.toml": render("cli", "pyproject.toml.j2", **ctx),
        "README.md": render("cli", "README.md.j2", **ctx),
        f"{src}/__init__.py": render("cli", "package_init.py.j2", **ctx),
        f"{src}/__main__.py": render("cli", "main_module.py.j2", **ctx),
        f"{src}/main.py": render("cli", "main.py.j2", **ctx),
        f"{src}/commands/__init__.py": render("cli", "commands_init.py.j2", **ctx),
    }
    for module in RUNTIME:
        files[f"{src}/{module}.py"] = render("cli", f"{module}.py.j2", **ctx)
    for group in groups:
        files[f"{src}/commands/{group.module}.py"] = render(
            "cli", "group.py.j2", **ctx, group=group
        )
    files[f"{src}/_schemas.py"] = render(
        "cli", "_schemas.py.j2", **ctx, schemas=builder.schema_texts()
    )
    files.update(_man_files(api, groups, src, label))
    return files


def _man_files(api: API, groups: list[GroupView], src: str, label: str) -> dict[str, str]:
    """The roff page of every command, and the index the hidden ``__man`` command reads."""
    from .cli_man import man_pages

    pages = man_pages(api, groups, api.names.cli_version, label)
    files = {f"{src}/man/{page.file}": page.text for page in pages}
    index = {" ".join(page.command): page.file for page in pages}
    files[f"{src}/man/index.json"] = json.dumps(index, indent=1, ensure_ascii=False) + "\n"
    return files


@dataclass
class SecurityView:
    flag: str
    option: str
    env_var: str
    help: str


def _security_view(api: API, name: str) -> SecurityView:
    scheme = next(s for s in api.security_schemes if s.name == name)
    where = {
        "api_key": f"sent in the {scheme.param_name} {scheme.location}"
        if scheme.param_name
        else "API key",
        "http_bearer": "sent as a bearer token",
        "http_basic": "sent with HTTP basic authentication",
        "oauth2_client_credentials": "OAuth2 client credentials",
    }.get(scheme.kind, scheme.kind)
    text = escape.clean(scheme.description or "Credential for the API")
    return SecurityView(scheme.cli_flag, scheme.option, scheme.env_var, f"{text} ({where}).")


def _groups(api: API, builder: SchemaBuilder) -> list[GroupView]:
    modules = naming.Namer(sep="_")
    out = []
    for resource in api.all_resources():
        if not resource.operations:
            continue
        module = modules.claim(naming.module_name("_".join(resource.path)))
        out.append(_group(api, resource, module, builder))
    return out


def _group(api: API, resource: Resource, module: str, builder: SchemaBuilder) -> GroupView:
    text = escape.clean(resource.description or "")
    return GroupView(
        name=resource.cli_path,
        module=module,
        help=text,
        short_help=first_sentence(text) or f"Commands for {resource.cli_path}.",
        operations=[_operation(api, op, builder) for op in resource.operations],
    )


def _operation(api: API, op: Operation, builder: SchemaBuilder) -> OperationView:
    params = [
        _param(api, p, builder)
        for p in op.parameters
        if p.location != "body" or op.body is None or op.body.flattened
    ]
    body = op.body
    body_literal = "None"
    if body is not None:
        if not body.flattened:
            params.append(_whole_body_param(api, op, builder))
        body_literal = py_literal(
            {
                "encoding": body.encoding,
                "content_type": body.content_type,
                "whole": not body.flattened,
                "required": body.required,
            }
        )
    summary = escape.clean(op.summary or "")
    description = escape.clean(op.description or "") or summary
    short = summary or first_sentence(description)
    options = {s.name: s.option for s in api.security_schemes}
    return OperationView(
        name=op.cli_name,
        method=op.http_method.upper(),
        path=op.path,
        help=description,
        short_help=short,
        params=params,
        body=body_literal,
        page_class=op.pagination.page_class if op.pagination else None,
        paging=_paging_literal(op),
        response=op.response.kind,
        security=[options[name] for name in op.security if name in options],
        deprecated=op.deprecated,
    )


def _paging_literal(op: Operation) -> str:
    """The page rules the CLI's transport follows, as a literal (``""`` when not paginated)."""
    pg = op.pagination
    if pg is None:
        return ""
    fields = {
        "style": pg.style,
        "items": pg.items_field,
        "has_more": pg.has_more_field,
        "next_param": pg.next_cursor_param,
        "next_field": pg.next_cursor_field,
        "prev_param": pg.previous_cursor_param,
        "prev_field": pg.previous_cursor_field,
        "offset_param": pg.offset_param,
        "page_param": pg.page_param,
    }
    return py_literal({k: v for k, v in fields.items() if v is not None})


def _param(api: API, p: Parameter, builder: SchemaBuilder) -> ParamView:
    expr = _unalias(api, p.type)
    multiple = isinstance(expr, ArrayType)
    item = _unalias(api, expr.items) if isinstance(expr, ArrayType) else expr
    kind = _kind(item)
    if multiple and isinstance(item, ArrayType):
        kind = "json"
    positional = p.location == "path"
    arg = (naming.snake(p.wire_name).upper() or "VALUE") if positional else ""
    style = ""
    if p.location == "query" and p.query_style != ("form", True):
        style = py_literal(p.query_style)
    return ParamView(
        flag=p.cli_flag,
        wire=p.wire_name,
        where=p.location,
        kind=kind,
        required=p.required,
        multiple=multiple,
        positional=positional,
        metavar=_METAVARS[kind],
        help=_help_line(
            api,
            p.description,
            p.type,
            p.required,
            multiple,
            p.default,
            p.deprecated,
            arg,
            flag=p.cli_flag if kind == "json" else "",
        ),
        schema=py_literal(builder.schema(p.type)),
        deprecated=p.deprecated,
        arg=arg,
        style=style,
        choices=tuple(_choice_text(v) for v in item.values) if isinstance(item, EnumType) else (),
    )


def _whole_body_param(api: API, op: Operation, builder: SchemaBuilder) -> ParamView:
    body = op.body
    assert body is not None and not body.flattened
    if body.encoding in ("binary", "text") or body.type is None:
        kind = "file" if body.encoding == "binary" else "string"
        schema: dict[str, object] = {"type": "any"}
        shape = "raw bytes of a file" if kind == "file" else "text"
    else:
        kind = "json"
        schema = builder.schema(body.type)
        shape = _type_words(api, body.type)
    description = escape.clean(body.description or "") or "The request body."
    extra = "" if kind == "file" else "; may also be piped on stdin"
    details = (["required"] if body.required else []) + [f"{shape}{extra}"]
    return ParamView(
        flag=body.cli_flag,
        wire="",
        where="body:whole",
        kind=kind,
        required=body.required,
        multiple=False,
        positional=False,
        metavar=_METAVARS[kind],
        help=f"{description}  [{'; '.join(details)}]",
        schema=py_literal(schema),
        deprecated=False,
    )


def _unalias(api: API, expr: TypeExpr) -> TypeExpr:
    """Follow references to alias models (``$ref`` to an enum, say) to the real type."""
    seen: set[str] = set()
    while isinstance(expr, ModelRef) and expr.model_id not in seen:
        seen.add(expr.model_id)
        model = api.model(expr.model_id)
        if model.kind != "alias" or model.alias_of is None:
            break
        expr = model.alias_of
    return expr


def _kind(expr: TypeExpr) -> str:
    """How one value is read from a flag (an enum's choices are its schema's values)."""
    if isinstance(expr, EnumType):
        return "enum"
    if isinstance(expr, Primitive):
        if expr.kind == "string":
            return "file" if expr.format == "binary" else "string"
        if expr.kind in ("integer", "number", "boolean"):
            return expr.kind
    return "json"


def _choice_text(value: object) -> str:
    """How an enum value is typed on the command line (``true``, ``3``, ``live``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return str(value)


def _help_line(
    api: API,
    description: str | None,
    expr: TypeExpr,
    required: bool,
    multiple: bool,
    default: object,
    deprecated: bool,
    arg: str = "",
    flag: str = "",
) -> str:
    """The flag's description followed by ``[required; repeatable; minLength 1; ...]``."""
    details: list[str] = []
    if deprecated:
        details.append("deprecated")
    if required:
        details.append("required")
    if arg:
        details.append(f"or give it as the {arg} argument")
    if multiple:
        details.append("repeatable")
    item = _unalias(api, expr.items) if isinstance(expr, ArrayType) else _unalias(api, expr)
    if isinstance(item, (ModelRef, MapType, UnionType)) or (
        isinstance(item, Primitive) and item.kind == "any"
    ):
        details.append(f"JSON or YAML: {_type_words(api, item)}")
        if flag and _has_fields(api, item):
            details.append(f"or one field at a time: --{flag}.FIELD VALUE")
    if isinstance(item, Primitive):
        if item.format and item.format != "binary":
            details.append(f"format {item.format}")
        if item.format == "binary":
            details.append("a file path (a leading @ is optional)")
        details.extend(_constraint_words(item.constraints))
    if isinstance(expr, ArrayType):
        details.extend(_constraint_words(expr.constraints))
    if item.nullable if not isinstance(item, ArrayType) else expr.nullable:
        details.append("nullable")
    from ..model import Value

    if isinstance(default, Value):
        details.append(f"default: {_default_text(default.value)}")
    text = escape.clean(description or "")
    suffix = f"[{'; '.join(details)}]" if details else ""
    return f"{text}  {suffix}".strip() if text else suffix


def _has_fields(api: API, expr: TypeExpr) -> bool:
    """Whether a value of ``expr`` is an object whose fields dotted flags can set."""
    if isinstance(expr, MapType):
        return True
    if isinstance(expr, ModelRef):
        model = api.model(expr.model_id)
        return model.kind != "alias" and any(not p.read_only for p in model.properties)
    return False


def _default_text(value: object) -> str:
    import json

    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _type_words(api: API, expr: TypeExpr, depth: int = 0) -> str:
    """A short description of a type, as reference docs write it (``object { a, b }``)."""
    expr = _unalias(api, expr)
    if isinstance(expr, ModelRef):
        model = api.model(expr.model_id)
        names = [p.wire_name for p in model.properties if not p.read_only]
        shown = ", ".join(names[:_SHOWN_PROPERTIES])
        more = len(names) - _SHOWN_PROPERTIES
        if more > 0:
            shown += f", {more} more"
        return f"object {{ {shown} }}" if names else "object"
    if isinstance(expr, MapType):
        return f"map of {_type_words(api, expr.values, depth + 1)}" if depth < 3 else "map"
    if isinstance(expr, ArrayType):
        return f"array of {_type_words(api, expr.items, depth + 1)}" if depth < 3 else "array"
    if isinstance(expr, UnionType):
        if depth >= 3:
            return "one of several types"
        return " or ".join(_type_words(api, v, depth + 1) for v in expr.variants)
    if isinstance(expr, EnumType):
        shown = " or ".join(_choice_text(v) for v in expr.values[:_MAX_WORDED_VALUES])
        more = len(expr.values) - _MAX_WORDED_VALUES
        return f"{shown} (or {more:,} more)" if more > 0 else shown
    return "any value" if expr.kind == "any" else expr.kind


#: An enum spelled out in a help line shows at most this many values.
_MAX_WORDED_VALUES = 8


_CONSTRAINT_NAMES = (
    ("min_length", "minLength"),
    ("max_length", "maxLength"),
    ("pattern", "pattern"),
    ("minimum", "minimum"),
    ("maximum", "maximum"),
    ("exclusive_minimum", "exclusiveMinimum"),
    ("exclusive_maximum", "exclusiveMaximum"),
    ("multiple_of", "multipleOf"),
    ("min_items", "minItems"),
    ("max_items", "maxItems"),
)


def _constraint_items(c: object) -> dict[str, object]:
    """The constraints that are set, under their JSON Schema names (finite numbers only)."""
    out: dict[str, object] = {}
    for attr, name in _CONSTRAINT_NAMES:
        value = getattr(c, attr)
        if value is None or (isinstance(value, float) and not math.isfinite(value)):
            continue
        out[name] = value
    if getattr(c, "unique_items", False):
        out["uniqueItems"] = True
    return out


def _constraint_words(c: object) -> list[str]:
    words = [
        f"{name} {value}" for name, value in _constraint_items(c).items() if name != "uniqueItems"
    ]
    if getattr(c, "unique_items", False):
        words.append("unique items")
    return words


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (for one-line summaries)."""
    line = " ".join(text.split())
    for i, ch in enumerate(line):
        if ch == "." and (i + 1 == len(line) or line[i + 1] == " "):
            return line[: i + 1]
    return line


def py_literal(value: object) -> str:
    """A Python literal for plain data (str, int, float, bool, None, list, tuple, dict).

    Strings go through :func:`escape.py_string`, so nothing from the spec can
    end the literal; non-finite floats (which have no literal) become ``None``.
    """
    if isinstance(value, str):
        return escape.py_string(value)
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return escape.py_number(value)
    if isinstance(value, float):
        return escape.py_number(value) if math.isfinite(value) else "None"
    if isinstance(value, (list, tuple)):
        inner = ", ".join(py_literal(v) for v in value)
        return (
            f"({inner},)"
            if isinstance(value, tuple) and len(value) == 1
            else (f"({inner})" if isinstance(value, tuple) else f"[{inner}]")
        )
    if isinstance(value, dict):
        return "{" + ", ".join(f"{py_literal(k)}: {py_literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot emit {type(value).__name__} as a literal")
