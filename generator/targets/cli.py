"""The CLI target: ``OUT/cli`` (an installable click application).

One module per resource holds that resource's commands; the root command
loads them lazily so ``--help`` and each call import only what they use.
Requests go through the generated SDK's transport (``SyncAPIClient.send``)
without its models, so a call never pays for pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import escape
from ..model import (
    API,
    ArrayType,
    EnumType,
    MapType,
    ModelRef,
    Operation,
    Parameter,
    Primitive,
    Resource,
    TypeExpr,
    UnionType,
)
from ..render import render

CLI_VERSION = "0.1.0"


@dataclass
class OptionView:
    flag: str
    dest: str
    wire_name: str
    location: str
    click_type: str
    multiple: bool
    required: bool
    is_flag: bool
    help: str
    metavar: str
    positional: bool
    kind: str
    constraints: str
    #: Python code for a click callback that checks string rules, or "".
    callback: str


@dataclass
class CommandView:
    name: str
    func: str
    help: str
    short_help: str
    http_method: str
    path: str
    options: list[OptionView]
    encoding: str
    body_whole: bool
    paginated: bool
    page_class: str | None


@dataclass
class GroupView:
    name: str
    module: str
    help: str
    commands: list[CommandView]


def render_cli(api: API) -> dict[str, str]:
    """Every file of the CLI distribution, keyed by path under ``cli/``."""
    pkg = api.names.cli_package
    src = f"src/{pkg}"
    groups = [_group(api, r) for r in api.all_resources() if r.operations]
    ctx = {"api": api, "names": api.names, "cli_version": CLI_VERSION, "groups": groups}
    files = {
        "pyproject.toml": render("cli", "pyproject.toml.j2", **ctx),
        f"{src}/__init__.py": render("cli", "package_init.py.j2", **ctx),
        f"{src}/__main__.py": render("cli", "main_module.py.j2", **ctx),
        f"{src}/main.py": render("cli", "main.py.j2", **ctx),
        f"{src}/_runtime.py": render("cli", "runtime.py.j2", **ctx),
        f"{src}/commands/__init__.py": render("cli", "commands_init.py.j2", **ctx),
    }
    for group in groups:
        files[f"{src}/commands/{group.module}.py"] = render(
            "cli", "group.py.j2", **ctx, group=group
        )
    return files


def _group(api: API, resource: Resource) -> GroupView:
    return GroupView(
        name=resource.cli_path,
        module="_".join(resource.path),
        help=resource.description or "",
        commands=[_command(op) for op in resource.operations],
    )


def _command(op: Operation) -> CommandView:
    options = [
        _option(p)
        for p in op.parameters
        if op.body is None or op.body.flattened or p.location != "body"
    ]
    if op.body is not None and not op.body.flattened:
        options.append(
            OptionView(
                flag=op.body.cli_flag,
                dest=op.body.py_name,
                wire_name="body",
                location="body_whole",
                click_type="str",
                multiple=False,
                required=op.body.required,
                is_flag=False,
                help=op.body.description or "Request body (JSON or YAML text, or @file)",
                metavar="JSON",
                positional=False,
                kind="json",
                constraints="",
                callback="",
            )
        )
    text = op.description or op.summary or ""
    return CommandView(
        name=op.cli_name,
        func="cmd_" + op.py_name,
        help=text,
        short_help=op.summary or "",
        http_method=op.http_method,
        path=op.path,
        options=options,
        encoding=op.body.encoding if op.body else "json",
        body_whole=op.body is not None and not op.body.flattened,
        paginated=op.pagination is not None,
        page_class=op.pagination.page_class if op.pagination else None,
    )


def _option(p: Parameter) -> OptionView:
    expr = p.type
    multiple = isinstance(expr, ArrayType)
    item = expr.items if isinstance(expr, ArrayType) else expr
    kind, click_type, metavar = _click_type(item)
    is_flag = kind == "bool" and not multiple
    return OptionView(
        flag=p.cli_flag,
        dest=p.py_name,
        wire_name=p.wire_name,
        location=p.location,
        click_type=click_type,
        multiple=multiple,
        required=p.required,
        is_flag=is_flag,
        help=escape.clean(p.description or ""),
        metavar=metavar,
        positional=p.location == "path",
        kind=kind,
        constraints=_constraint_text(item),
        callback=_string_rules(item),
    )


def _string_rules(expr: TypeExpr) -> str:
    if not isinstance(expr, Primitive) or expr.kind != "string":
        return ""
    c = expr.constraints
    args = []
    if c.min_length is not None:
        args.append(f"min_length={c.min_length}")
    if c.max_length is not None:
        args.append(f"max_length={c.max_length}")
    if c.pattern is not None:
        args.append(f"pattern={escape.py_string(c.pattern)}")
    return f"string_rules({', '.join(args)})" if args else ""


def _click_type(expr: TypeExpr) -> tuple[str, str, str]:
    """(kind, click type expression, metavar) for one value."""
    if isinstance(expr, EnumType) and all(isinstance(v, str) for v in expr.values):
        choices = ", ".join(escape.py_string(str(v)) for v in expr.values)
        return "str", f"click.Choice([{choices}])", ""
    if isinstance(expr, Primitive):
        c = expr.constraints
        if expr.kind == "integer":
            if c.minimum is not None or c.maximum is not None:
                return (
                    "int",
                    f"click.IntRange(min={_num(c.minimum)}, max={_num(c.maximum)})",
                    "INTEGER",
                )
            return "int", "int", "INTEGER"
        if expr.kind == "number":
            if c.minimum is not None or c.maximum is not None:
                return (
                    "float",
                    f"click.FloatRange(min={_num(c.minimum)}, max={_num(c.maximum)})",
                    "NUMBER",
                )
            return "float", "float", "NUMBER"
        if expr.kind == "boolean":
            return "bool", "bool", ""
        if expr.kind == "string":
            return "str", "str", "TEXT"
    if isinstance(expr, (MapType, ModelRef, UnionType)) or (
        isinstance(expr, Primitive) and expr.kind == "any"
    ):
        return "json", "str", "JSON"
    return "str", "str", "TEXT"


def _num(value: object) -> str:
    return "None" if value is None else repr(value)


def _constraint_text(expr: TypeExpr) -> str:
    if not isinstance(expr, Primitive):
        return ""
    c = expr.constraints
    parts = []
    for label, value in (
        ("minLength", c.min_length),
        ("maxLength", c.max_length),
        ("minimum", c.minimum),
        ("maximum", c.maximum),
        ("pattern", c.pattern),
    ):
        if value is not None:
            parts.append(f"{label} {value}")
    return ", ".join(parts)
