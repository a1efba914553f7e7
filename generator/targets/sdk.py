"""The Python SDK target: ``OUT/sdk`` (an installable distribution).

Runtime pieces that do not depend on the API (HTTP, retries, errors, base
models) are near-static templates under ``templates/sdk/runtime``; the
client, resources, types and page classes are rendered from the model.
This module turns the model into small view objects so templates only loop
and print.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .. import escape, naming
from ..model import API, Model, Operation, Parameter, Resource, TypeExpr
from ..render import render
from .python_types import Annotator, relative_import

SDK_VERSION = "0.1.0"

#: Runtime modules copied from templates/sdk/runtime (module name -> template).
RUNTIME = (
    "_types",
    "_exceptions",
    "_models",
    "_base_client",
    "_paging",
    "_response",
    "_resource",
    "_version",
)


@dataclass
class ParamView:
    py_name: str
    wire_name: str
    annotation: str
    required: bool
    description: str | None


@dataclass
class MethodView:
    name: str
    http_method: str
    doc: str
    signature: list[str]
    path_expr: str
    query: list[tuple[str, str]]
    query_styles: list[tuple[str, str, bool]]
    headers: list[tuple[str, str]]
    body: list[tuple[str, str]]
    body_expr: str | None
    encoding: str
    content_type: str | None
    returns: str
    cast_to: str
    page_class: str | None
    item_type: str | None


@dataclass
class ChildView:
    attr: str
    module: str
    class_name: str
    async_class_name: str
    doc: str


@dataclass
class ResourceView:
    class_name: str
    async_class_name: str
    doc: str
    methods: list[MethodView]
    children: list[ChildView]
    imports: list[tuple[str, str]]
    runtime: dict[str, str]


def render_sdk(api: API) -> dict[str, str]:
    """Every file of the SDK distribution, keyed by path under ``sdk/``."""
    pkg = api.names.sdk_package
    src = f"src/{pkg}"
    files: dict[str, str] = {}
    ctx = {"api": api, "names": api.names, "sdk_version": SDK_VERSION}
    for module in RUNTIME:
        files[f"{src}/{module}.py"] = render("sdk", f"runtime/{module}.py.j2", **ctx)
    files[f"{src}/py.typed"] = ""
    files[f"{src}/__init__.py"] = render("sdk", "package_init.py.j2", **ctx)
    files[f"{src}/_client.py"] = render("sdk", "client.py.j2", **ctx, **_client_view(api))
    files[f"{src}/pagination.py"] = render("sdk", "pagination.py.j2", **ctx, pages=_page_views(api))
    files.update(_resource_files(api, src))
    files.update(_type_files(api, src))
    files["pyproject.toml"] = render("sdk", "pyproject.toml.j2", **ctx)
    files["README.md"] = render("sdk", "README.md.j2", **ctx, **_readme_view(api))
    return files


# --- client ---------------------------------------------------------------------


def _resource_module(resource: Resource) -> tuple[str, ...]:
    """Where a resource's class lives: ``resources/admin/admin.py`` for a resource
    with children, ``resources/admin/api_keys.py`` for a leaf."""
    parents = resource.path[:-1]
    tail = (resource.py_name, resource.py_name) if resource.subresources else (resource.py_name,)
    return ("resources",) + parents + tail


def _class_names(resource: Resource) -> tuple[str, str]:
    return f"{resource.class_name}Resource", f"Async{resource.class_name}Resource"


def _child_view(resource: Resource, from_module: tuple[str, ...]) -> ChildView:
    sync_name, async_name = _class_names(resource)
    return ChildView(
        attr=resource.py_name,
        module=relative_import(from_module, _resource_module(resource)),
        class_name=sync_name,
        async_class_name=async_name,
        doc=escape.py_docstring(resource.description or ""),
    )


def _client_view(api: API) -> dict[str, object]:
    module = ("_client",)
    return {
        "children": [_child_view(r, module) for r in api.resources],
        "auth": api.security_schemes,
        "requires_auth": any(op.security for _, op in api.all_operations()),
    }


# --- pagination -----------------------------------------------------------------


@dataclass
class PageView:
    class_name: str
    style: str
    mixin: str
    items_field: str
    has_more_field: str | None
    next_cursor_field: str | None
    next_cursor_param: str | None
    previous_cursor_field: str | None
    previous_cursor_param: str | None
    page_size_param: str | None
    offset_param: str | None
    page_param: str | None


_PAGE_MIXINS = {
    "cursor_id": "CursorIDPaging",
    "cursor": "CursorPaging",
    "offset": "OffsetPaging",
    "page_number": "PageNumberPaging",
}


def _page_views(api: API) -> list[PageView]:
    seen: dict[str, PageView] = {}
    for _, op in api.all_operations():
        p = op.pagination
        if p is None or p.page_class in seen:
            continue
        seen[p.page_class] = PageView(
            p.page_class,
            p.style,
            _PAGE_MIXINS[p.style],
            p.items_field,
            p.has_more_field,
            p.next_cursor_field,
            p.next_cursor_param,
            p.previous_cursor_field,
            p.previous_cursor_param,
            p.page_size_param,
            p.offset_param,
            p.page_param,
        )
    return [seen[k] for k in sorted(seen)]


# --- resources ------------------------------------------------------------------


def _resource_files(api: API, src: str) -> dict[str, str]:
    files: dict[str, str] = {}
    packages: dict[tuple[str, ...], list[Resource]] = defaultdict(list)
    files[f"{src}/resources/__init__.py"] = render(
        "sdk", "resources_init.py.j2", exports=_exports(api.resources, ("resources", "__init__"))
    )
    for resource in api.all_resources():
        module = _resource_module(resource)
        files[f"{src}/{'/'.join(module)}.py"] = render(
            "sdk", "resource.py.j2", view=_resource_view(api, resource, module)
        )
        if resource.subresources:
            package = module[:-1]
            packages[package] = [resource, *resource.subresources]
    for package, members in packages.items():
        files[f"{src}/{'/'.join(package)}/__init__.py"] = render(
            "sdk", "resources_init.py.j2", exports=_exports(tuple(members), package + ("__init__",))
        )
    return files


def _exports(
    resources: tuple[Resource, ...], from_module: tuple[str, ...]
) -> list[tuple[str, str, str]]:
    out = []
    for resource in resources:
        sync_name, async_name = _class_names(resource)
        out.append(
            (relative_import(from_module, _resource_module(resource)), sync_name, async_name)
        )
    return out


def _resource_view(api: API, resource: Resource, module: tuple[str, ...]) -> ResourceView:
    annotator = Annotator(api, module)
    methods = [_method_view(api, op, annotator) for op in resource.operations]
    sync_name, async_name = _class_names(resource)
    return ResourceView(
        class_name=sync_name,
        async_class_name=async_name,
        doc=escape.py_docstring(resource.description or ""),
        methods=methods,
        children=[_child_view(c, module) for c in resource.subresources],
        imports=annotator.typing_imports() + annotator.model_imports(),
        runtime={
            name: annotator.runtime(name)
            for name in ("_types", "_base_client", "_resource", "pagination")
        },
    )


def _method_view(api: API, op: Operation, ann: Annotator) -> MethodView:
    ann.need(ann.runtime("_types"), "NOT_GIVEN")
    ann.need(ann.runtime("_types"), "NotGiven")
    signature: list[str] = []
    params = list(op.parameters)
    path_params = [p for p in params if p.location == "path"]
    for p in path_params:
        signature.append(f"{p.py_name}: {ann.request(p.type)}")
    signature.append("*")
    rest = [p for p in params if p.location != "path"]
    body_whole = op.body if op.body is not None and not op.body.flattened else None
    ordered = [p for p in rest if p.required] + [p for p in rest if not p.required]
    for p in ordered:
        if p.required:
            signature.append(f"{p.py_name}: {ann.request(p.type)}")
        else:
            signature.append(f"{p.py_name}: {ann.request(p.type)} | NotGiven = NOT_GIVEN")
    if body_whole is not None and body_whole.type is not None:
        text = f"{body_whole.py_name}: {ann.request(body_whole.type)}"
        signature.insert(
            len(path_params) + 1 if body_whole.required else len(signature),
            text if body_whole.required else text + " | NotGiven = NOT_GIVEN",
        )
    signature += [
        "extra_headers: Headers | None = None",
        "extra_query: Query | None = None",
        "extra_body: Body | None = None",
        "timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN",
    ]
    for name in ("Headers", "Query", "Body"):
        ann.need(ann.runtime("_types"), name)

    returns, cast_to = _return_types(api, op, ann)
    page_class = item_type = None
    if op.pagination is not None:
        page_class = op.pagination.page_class
        item_type = ann.response(op.pagination.item_type)
    query = [(escape.py_string(p.wire_name), p.py_name) for p in params if p.location == "query"]
    styles = [
        (escape.py_string(p.wire_name), p.style or "form", p.explode)
        for p in params
        if p.location == "query" and (p.style not in (None, "form") or not p.explode)
    ]
    headers = [(escape.py_string(p.wire_name), p.py_name) for p in params if p.location == "header"]
    cookies = [p for p in params if p.location == "cookie"]
    if cookies:
        parts = " + '; ' + ".join(
            f"{escape.py_string(p.wire_name + '=')} + str({p.py_name})" for p in cookies
        )
        headers.append(('"Cookie"', parts))
    body = [(escape.py_string(p.wire_name), p.py_name) for p in params if p.location == "body"]
    return MethodView(
        name=op.py_name,
        http_method=op.http_method,
        doc=_method_doc(op),
        signature=signature,
        path_expr=_path_expr(op),
        query=query,
        query_styles=styles,
        headers=headers,
        body=body,
        body_expr=body_whole.py_name if body_whole is not None else None,
        encoding=op.body.encoding if op.body is not None else "json",
        content_type=op.body.content_type if op.body is not None else None,
        returns=returns,
        cast_to=cast_to,
        page_class=page_class,
        item_type=item_type,
    )


def _return_types(api: API, op: Operation, ann: Annotator) -> tuple[str, str]:
    response = op.response
    if op.pagination is not None:
        item = ann.response(op.pagination.item_type)
        return f"Sync{op.pagination.page_class}[{item}]", item
    if response.kind == "empty":
        return "None", "type(None)"
    if response.kind == "binary":
        return "bytes", "bytes"
    if response.kind in ("text", "sse"):
        return "str", "str"
    if response.type is None:
        return "object", "object"
    text = ann.response(response.type)
    return text, text


def _path_expr(op: Operation) -> str:
    """The request path as Python code: literal text plus encoded parameters."""
    by_wire = {p.wire_name: p for p in op.parameters if p.location == "path"}
    parts: list[str] = []
    pos = 0
    import re

    for match in re.finditer(r"\{([^}/]+)\}", op.path):
        if match.start() > pos:
            parts.append(escape.py_string(op.path[pos : match.start()]))
        param = by_wire.get(match.group(1))
        if param is None:
            parts.append(escape.py_string(match.group(0)))
        else:
            parts.append(f"path_param({escape.py_string(param.py_name)}, {param.py_name})")
        pos = match.end()
    if pos < len(op.path):
        parts.append(escape.py_string(op.path[pos:]))
    return " + ".join(parts) if parts else '"/"'


def _method_doc(op: Operation) -> str:
    lines: list[str] = []
    if op.summary:
        lines.append(op.summary)
    if op.description and op.description != op.summary:
        lines += ["", op.description] if lines else [op.description]
    documented = [p for p in op.parameters if p.description]
    if documented:
        lines += ["", "Args:"]
        for p in documented:
            desc = " ".join((p.description or "").split())
            lines.append(f"  {p.py_name}: {desc}")
    if op.deprecated:
        lines += ["", "Deprecated."]
    lines += [
        "",
        "  extra_headers: Send extra headers",
        "  extra_query: Add additional query parameters to the request",
        "  extra_body: Add additional JSON properties to the request",
        "  timeout: Override the client-level default timeout for this request, in seconds",
    ]
    if "Args:" not in lines:
        lines.insert(lines.index("  extra_headers: Send extra headers"), "Args:")
    return escape.py_docstring("\n".join(lines))


# --- types ----------------------------------------------------------------------


@dataclass
class FieldView:
    py_name: str
    wire_name: str
    annotation: str
    default: str | None
    alias: bool
    doc: str | None


@dataclass
class ModelView:
    class_name: str
    kind: str
    role: str
    doc: str
    fields: list[FieldView] = field(default_factory=list)
    alias_of: str = ""
    functional: bool = False


@dataclass
class ModuleView:
    exports: list[str]
    models: list[ModelView]
    imports: list[tuple[str, str]]
    model_imports: list[tuple[str, str]]
    runtime: dict[str, str]


def _type_files(api: API, src: str) -> dict[str, str]:
    by_module: dict[tuple[str, ...], list[Model]] = defaultdict(list)
    for model in api.models:
        by_module[model.module].append(model)
    files: dict[str, str] = {}
    packages: dict[tuple[str, ...], list[tuple[str, str]]] = defaultdict(list)
    packages[()] = []
    for module, models in sorted(by_module.items()):
        files[f"{src}/types/{'/'.join(module)}.py"] = render(
            "sdk", "types_module.py.j2", view=_module_view(api, module, models)
        )
        primary = next((m for m in models if m.parent is None), models[-1])
        packages[module[:-1]].append((module[-1], primary.class_name))
        for i in range(len(module) - 1):
            packages.setdefault(module[:i], [])
    for package, entries in sorted(packages.items()):
        path = "/".join(("types",) + package)
        pairs = sorted((name, "." + module) for module, name in entries)
        files[f"{src}/{path}/__init__.py"] = render("sdk", "types_init.py.j2", entries=pairs)
    return files


def _module_view(api: API, module: tuple[str, ...], models: list[Model]) -> ModuleView:
    ann = Annotator(api, ("types",) + module)
    views = [_model_view(api, m, ann) for m in models]
    exports = [m.class_name for m in models]
    return ModuleView(
        exports=exports,
        models=views,
        imports=ann.typing_imports(),
        model_imports=ann.model_imports(),
        runtime={name: ann.runtime(name) for name in ("_models", "_types")},
    )


def _model_view(api: API, model: Model, ann: Annotator) -> ModelView:
    doc = escape.py_docstring(model.description or "")
    if model.kind == "alias":
        assert model.alias_of is not None
        ann.need("typing_extensions", "TypeAliasType")
        text = (
            ann.response(model.alias_of)
            if model.role == "response"
            else ann.request(model.alias_of)
        )
        return ModelView(
            model.class_name,
            "alias",
            model.role,
            doc,
            alias_of=_quote_models(api, text, model.alias_of),
        )
    fields = []
    for prop in model.properties:
        if model.role == "response":
            annotation = ann.response(prop.type)
            optional = not prop.required
            if optional and not annotation.startswith("Optional[") and annotation != "object":
                ann.need("typing", "Optional")
                annotation = f"Optional[{annotation}]"
            default = "None" if optional else None
            fields.append(
                FieldView(
                    prop.py_name,
                    prop.wire_name,
                    annotation,
                    default,
                    prop.py_name != prop.wire_name,
                    _field_doc(prop.description),
                )
            )
        else:
            annotation = ann.request(prop.type)
            if prop.required:
                ann.need("typing_extensions", "Required")
                annotation = f"Required[{annotation}]"
            fields.append(
                FieldView(
                    prop.py_name,
                    prop.wire_name,
                    annotation,
                    None,
                    False,
                    _field_doc(prop.description),
                )
            )
    if model.role == "request":
        ann.need("typing_extensions", "TypedDict")
    functional = model.role == "request" and any(
        not f.wire_name.isidentifier()
        or f.wire_name in naming.PY_KEYWORDS
        or not f.wire_name.isascii()
        for f in fields
    )
    return ModelView(model.class_name, "object", model.role, doc, fields, functional=functional)


def _quote_models(api: API, text: str, expr: TypeExpr) -> str:
    """Quote model names in an alias's value: they may be defined later (cycles)."""
    import re

    names = {api.model(mid).class_name for mid in _model_ids(expr)}
    if not names:
        return text
    pattern = re.compile(
        r"(?<![\w\"'])("
        + "|".join(sorted(map(re.escape, names), key=len, reverse=True))
        + r")(?![\w\"'])"
    )
    return pattern.sub(lambda m: f'"{m.group(1)}"', text)


def _model_ids(expr: TypeExpr) -> set[str]:
    from ..model import ArrayType, MapType, ModelRef, UnionType

    if isinstance(expr, ModelRef):
        return {expr.model_id}
    if isinstance(expr, ArrayType):
        return _model_ids(expr.items)
    if isinstance(expr, MapType):
        return _model_ids(expr.values)
    if isinstance(expr, UnionType):
        out: set[str] = set()
        for v in expr.variants:
            out |= _model_ids(v)
        return out
    return set()


def _field_doc(text: str | None) -> str | None:
    return escape.py_docstring(text) if text else None


# --- README -------------------------------------------------------------------


def _readme_view(api: API) -> dict[str, object]:
    ops = api.all_operations()
    create = next(
        ((r, o) for r, o in ops if o.body is not None and o.body.flattened), ops[0] if ops else None
    )
    listing = next(((r, o) for r, o in ops if o.pagination is not None), None)
    return {"example": _example_call(api, create), "list_example": _example_call(api, listing)}


def _example_call(api: API, pair: tuple[Resource, Operation] | None) -> dict[str, str] | None:
    if pair is None:
        return None
    resource, op = pair
    args = []
    for p in op.parameters:
        if not p.required:
            continue
        value = _example_value(p)
        args.append(value if p.location == "path" else f"{p.py_name}={value}")
    call_args = "(" + ", ".join(args) + ")"
    return {
        "call": ".".join(resource.path) + "." + op.py_name + call_args,
        "raw_call": ".".join(resource.path) + ".with_raw_response." + op.py_name + call_args,
        "summary": op.summary or op.py_name,
    }


def _example_value(p: Parameter) -> str:
    from ..model import ArrayType, EnumType, Primitive

    if p.example is not None and isinstance(p.example.value, (str, int, float, bool)):
        return repr(p.example.value)
    t = p.type
    if isinstance(t, EnumType):
        return repr(t.values[0])
    if isinstance(t, ArrayType):
        return "[]"
    if isinstance(t, Primitive) and t.kind in ("integer", "number"):
        return "1"
    if isinstance(t, Primitive) and t.kind == "boolean":
        return "True"
    return escape.py_string(p.wire_name if p.location != "path" else f"{p.wire_name}")
