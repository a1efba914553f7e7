"""The Python SDK target: ``OUT/sdk`` (an installable distribution).

Runtime pieces that do not depend on the API (HTTP, retries, errors, base
models, raw responses) are near-static templates under
``templates/sdk/runtime``; the client, resources, their raw-response
wrappers, types and page classes are rendered from the model. This module
turns the model into small view objects so templates only loop and print.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field

from .. import escape, naming
from ..model import (
    API,
    ArrayType,
    EnumType,
    KeptOption,
    MapType,
    Model,
    ModelRef,
    Operation,
    Pagination,
    Parameter,
    Primitive,
    RequestBody,
    Resource,
    TypeExpr,
    UnionType,
    WebhookMethod,
)
from ..pycode import tuple_literal
from ..render import render
from .python_types import Annotator, relative_import

#: Runtime modules copied from templates/sdk/runtime (module name -> template).
RUNTIME = (
    "_types",
    "_exceptions",
    "_models",
    "_base_client",
    "_paging",
    "_response",
    "_resource",
    "_streaming",
    "_webhooks",
    "_version",
)

#: Names a page class already uses; a page field with one of these names is
#: only reachable through ``to_dict()``.
_PAGE_RESERVED = frozenset(
    {
        "has_next_page",
        "get_next_page",
        "iter_pages",
        "next_page_query",
        "to_dict",
    }
)


def render_sdk(api: API) -> dict[str, str]:
    """Every file of the SDK distribution, keyed by path under ``sdk/``."""
    pkg = api.names.sdk_package
    src = f"src/{pkg}"
    files: dict[str, str] = {}
    ctx = {
        "api": api,
        "names": api.names,
        "sdk_version": api.names.sdk_version,
        "stream_rules": _stream_rules(api),
    }
    for module in RUNTIME:
        files[f"{src}/{module}.py"] = render("sdk", f"runtime/{module}.py.j2", **ctx)
    files[f"{src}/py.typed"] = ""
    files[f"{src}/__init__.py"] = render("sdk", "package_init.py.j2", **ctx)
    files[f"{src}/_client.py"] = render("sdk", "client.py.j2", **ctx, **_client_view(api))
    files[f"{src}/pagination.py"] = render("sdk", "pagination.py.j2", **ctx, **_pages_view(api))
    files.update(_resource_files(api, src))
    files.update(_type_files(api, src))
    files["pyproject.toml"] = render("sdk", "pyproject.toml.j2", **ctx)
    files["README.md"] = render("sdk", "README.md.j2", **ctx, **_readme_view(api))
    return files


# --- client ---------------------------------------------------------------------


@dataclass
class ChildView:
    """A sub-resource reachable as an attribute (``client.admin``, ``admin.api_keys``)."""

    attr: str
    module: str
    class_name: str
    async_class_name: str
    doc: str


@dataclass
class AuthView:
    """One client credential option and how it is sent."""

    scheme: str
    kind: str
    option: str
    env_var: str
    location: str
    param_name: str
    #: Lower-case header that carries the credential ("" when it goes in the query).
    header: str
    #: The password of an HTTP basic scheme in two options; the view of the
    #: user name (``kind == "http_basic"``) names it in ``password_option``.
    password_option: str | None = None


def _auth_header(kind: str, location: str, param_name: str) -> str:
    if kind == "api_key":
        return {"header": param_name.lower(), "cookie": "cookie"}.get(location, "")
    return "authorization"


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
        # The docstring of the property that returns it.
        doc=escape.py_docstring(resource.description or "", indent=8),
    )


_KEPT_TYPES = {"string": "str", "boolean": "bool", "integer": "int", "number": "float"}


@dataclass
class KeptOptionView:
    option: str
    py_type: str
    #: The attribute's annotation: Optional unless a default or a requirement fills it.
    attr_annotation: str
    #: The value read from ``env_var`` (a non-empty ``os.environ`` entry), converted.
    env_value: str
    env_var: str | None
    #: The error when the variable does not convert (``HOOKS_SHARD must be an integer``).
    env_error: str | None
    default: str | None
    required: bool
    doc: str


def _kept_option_view(opt: KeptOption) -> KeptOptionView:
    py_type = _KEPT_TYPES[opt.type]
    raw = f"os.environ[{escape.py_string(opt.env_var or '')}]"
    env_value = {
        "str": raw,
        "bool": f"{raw}.strip().lower() in ('1', 'true', 'yes', 'on')",
        "int": f"int({raw})",
        "float": f"float({raw})",
    }[py_type]
    default = None
    if opt.default is not None:
        default = (
            escape.py_string(opt.default) if isinstance(opt.default, str) else repr(opt.default)
        )
    filled = opt.required or default is not None
    return KeptOptionView(
        option=opt.option,
        py_type=py_type,
        attr_annotation=py_type if filled else f"Optional[{py_type}]",
        env_value=env_value,
        env_var=opt.env_var,
        env_error={"int": "an integer", "float": "a number"}.get(py_type)
        and (
            f"The {opt.env_var} environment variable must be "
            + {"int": "an integer", "float": "a number"}[py_type]
        ),
        default=default,
        required=opt.required,
        doc=(opt.description or "").strip().rstrip("."),
    )


def _client_view(api: API) -> dict[str, object]:
    module = ("_client",)
    operations = [op for _, op in api.all_operations()]
    auth = [
        AuthView(
            s.name,
            s.kind,
            s.option,
            s.env_var,
            s.location,
            s.param_name,
            _auth_header(s.kind, s.location, s.param_name),
            s.password_option,
        )
        for s in api.security_schemes
    ]
    # A basic scheme's password is one more credential option of the client.
    auth += [
        AuthView(s.name, "http_basic_password", s.password_option, s.password_env_var, "", "", "")
        for s in api.security_schemes
        if s.password_option is not None and s.password_env_var is not None
    ]
    environments = list(api.environments)
    return {
        "children": [_child_view(r, module) for r in api.resources],
        "environments": environments,
        "environment_literal": "Literal["
        + ", ".join(escape.py_string(name) for name, _ in environments)
        + "]",
        "auth": auth,
        "kept": [_kept_option_view(o) for o in api.client_settings.kept_options],
        "secret_values": tuple_literal(
            [f"self.{s.option}" for s in auth]
            + [f"self.{o.option}" for o in api.client_settings.kept_options if o.secret]
        ),
        "auth_header_names": tuple_literal(
            [escape.py_string(h) for h in dict.fromkeys(s.header for s in auth if s.header)]
        ),
        # A client that cannot make a single call without a credential says so
        # when it is built, not at the first request.
        "auth_required": bool(auth and operations)
        and all(op.security for op in operations)
        # Credentials the config makes nullable may all be left out.
        and not all(s.optional for s in api.security_schemes),
    }


# --- pagination -----------------------------------------------------------------


@dataclass
class PageFieldView:
    py_name: str
    wire_name: str
    annotation: str


@dataclass
class PageView:
    class_name: str
    doc: str
    paging: str
    items_field: str
    items_attr: str | None
    fields: list[PageFieldView]


_PAGE_STYLES = {
    "cursor_id": (
        "CursorIDPaging",
        (
            "has_more_field",
            "next_cursor_param",
            "next_cursor_field",
            "previous_cursor_param",
            "previous_cursor_field",
        ),
    ),
    "cursor": ("CursorPaging", ("has_more_field", "next_cursor_param", "next_cursor_field")),
    "offset": ("OffsetPaging", ("has_more_field", "offset_param")),
    "page_number": ("PageNumberPaging", ("has_more_field", "page_param")),
    "cursor_url": ("CursorURLPaging", ("has_more_field", "next_url_field")),
}


#: Page fields besides the items, by the purpose the pagination scheme gives
#: them, with the type that purpose implies (the model keeps only the item type).
_PAGE_FIELDS = (
    ("has_more_field", "Optional[bool]"),
    ("previous_cursor_field", "Optional[str]"),
    ("next_cursor_field", "Optional[str]"),
    ("next_url_field", "Optional[str]"),
)


def _pages_view(api: API) -> dict[str, object]:
    pages: dict[str, PageView] = {}
    for p in _paginations(api):
        if p.page_class in pages:
            continue
        style, attrs = _PAGE_STYLES[p.style]
        args = ", ".join(
            f"{attr}={escape.py_string(value)}"
            for attr in attrs
            if (value := getattr(p, attr)) is not None
        )
        fields: list[PageFieldView] = []
        taken = {p.items_field}
        for attr, annotation in _PAGE_FIELDS:
            wire = getattr(p, attr)
            if wire is None or wire in taken or not _page_attr_ok(wire):
                continue
            taken.add(wire)
            fields.append(PageFieldView(wire, wire, annotation))
        pages[p.page_class] = PageView(
            class_name=p.page_class,
            doc=escape.py_docstring(
                f"One page of a list paginated by `{p.scheme}` ({p.style.replace('_', ' ')} style).",
                indent=4,
            ),
            paging=f"{style}({args})",
            items_field=p.items_field,
            items_attr=p.items_field if _page_attr_ok(p.items_field) else None,
            fields=fields,
        )
    return {
        "pages": [pages[k] for k in sorted(pages)],
        "styles": sorted({_PAGE_STYLES[p.style][0] for p in _paginations(api)}),
        "imports": [("typing", "List, Optional")],
    }


def _page_attr_ok(name: str) -> bool:
    """A response field that can be a property of the page class."""
    return (
        name.isidentifier()
        and name not in naming.PY_KEYWORDS
        and not name.startswith("_")
        and name not in _PAGE_RESERVED
    )


def _paginations(api: API) -> list[Pagination]:
    return [op.pagination for _, op in api.all_operations() if op.pagination is not None]


# --- resources ------------------------------------------------------------------


@dataclass
class MethodView:
    name: str
    http_method: str
    doc: str
    signature: list[str]
    #: The ``@overload``s before the method: one per body variant, or the
    #: ``stream: Literal[True]`` / ``Literal[False]`` pair of a method that may stream.
    overloads: list[OverloadView]
    path_expr: str
    query: list[tuple[str, str]]
    query_styles: list[tuple[str, str, bool]]
    headers: list[tuple[str, str]]
    body: list[tuple[str, str]]
    body_expr: str | None
    encoding: str
    content_type: str | None
    security: str
    #: ``(module, name)`` of models the method needs at run time, imported on call.
    runtime_imports: list[tuple[str, str]]
    sync_returns: str
    async_returns: str
    #: False for list methods: the async one returns an awaitable paginator at once.
    async_def: bool
    sync_result: str
    async_result: str
    #: The argument that asks for a stream (``stream``), when one does.
    stream_flag: str | None = None
    sync_stream_result: str = ""
    async_stream_result: str = ""


@dataclass
class OverloadView:
    signature: list[str]
    sync_returns: str
    async_returns: str


@dataclass
class ResourceView:
    class_name: str
    async_class_name: str
    doc: str
    methods: list[MethodView]
    children: list[ChildView]
    imports: list[tuple[str, str]]
    type_imports: list[tuple[str, str]]
    runtime: dict[str, str]
    pages: list[str]
    #: The page classes imported from ``pagination`` (``SyncX, AsyncX``).
    page_imports: str
    #: Whether a method sends cookie parameters.
    cookies: bool
    #: Methods that parse webhook payloads (no request).
    webhooks: list[WebhookView] = field(default_factory=list)


@dataclass
class WebhookView:
    name: str
    returns: str
    #: ``(module, name)`` of the event type, imported on call.
    imports: list[tuple[str, str]]
    #: The client option holding the key; ``None`` for an unverified (unsafe) unwrap.
    key_option: str | None
    doc: str


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
) -> list[tuple[str, list[str]]]:
    """``(module spec, class names)`` a resources package re-exports (lazily)."""
    out = []
    for resource in resources:
        sync_name, async_name = _class_names(resource)
        out.append(
            (
                relative_import(from_module, _resource_module(resource)),
                [
                    sync_name,
                    async_name,
                    f"{sync_name}WithRawResponse",
                    f"{async_name}WithRawResponse",
                    f"{sync_name}WithStreamingResponse",
                    f"{async_name}WithStreamingResponse",
                ],
            )
        )
    return out


def _resource_view(api: API, resource: Resource, module: tuple[str, ...]) -> ResourceView:
    ann = Annotator(api, module)
    methods = [_method_view(api, op, ann) for op in resource.operations]
    webhooks = [_webhook_view(api, w, ann) for w in resource.webhook_methods]
    sync_name, async_name = _class_names(resource)
    pages = sorted({op.pagination.page_class for op in resource.operations if op.pagination})
    return ResourceView(
        class_name=sync_name,
        async_class_name=async_name,
        doc=escape.py_docstring(resource.description or "", indent=4),
        methods=methods,
        children=[_child_view(c, module) for c in resource.subresources],
        imports=ann.typing_imports(),
        # Models are imported for type checkers only; each method imports the
        # one it returns when called, so using one method never loads them all.
        type_imports=ann.model_imports(),
        runtime={name: ann.runtime(name) for name in RUNTIME + ("pagination",)},
        pages=pages,
        page_imports=", ".join(f"Sync{p}, Async{p}" for p in pages),
        cookies=any(p.location == "cookie" for op in resource.operations for p in op.parameters),
        webhooks=webhooks,
    )


def _webhook_view(api: API, method: WebhookMethod, ann: Annotator) -> WebhookView:
    if method.key_option is not None:
        ann.need("typing", "Mapping")
        ann.need("typing", "Optional")
        ann.need("typing", "Union")
        doc = (
            "The webhook payload as its event, after checking its signature with ``key``"
            f" (by default the client's ``{method.key_option}``)."
        )
    else:
        doc = "The webhook payload as its event, WITHOUT checking its signature."
    return WebhookView(
        name=method.py_name,
        returns=ann.response(method.event_type),
        imports=_runtime_imports(api, ann, method.event_type),
        key_option=method.key_option,
        doc=escape.py_docstring(doc, indent=8),
    )


def _signature(
    ann: Annotator,
    params: list[Parameter],
    body_whole: RequestBody | None,
    positional: tuple[Parameter, ...],
    overrides: dict[str, tuple[str, bool]] | None = None,
) -> list[str]:
    """A method's parameters as Python: ``positional`` by position (the last
    path parameter, unless the config says otherwise), everything else by
    keyword (the other path parameters first, then the required, then the
    optional), then the per-request options."""
    names = {p.py_name for p in positional}
    signature = []
    for p in positional:
        text = f"{p.py_name}: {ann.request(p.type)}"
        signature.append(text if p.required else text + " | Omit = omit")
    signature.append("*")
    signature += [
        f"{p.py_name}: {ann.request(p.type)}"
        for p in params
        if p.location == "path" and p.py_name not in names
    ]
    rest = [p for p in params if p.location != "path" and p.py_name not in names]
    whole_arg = None
    if body_whole is not None and body_whole.type is not None:
        whole_arg = f"{body_whole.py_name}: {ann.request(body_whole.type)}"
        if not body_whole.required:
            whole_arg += " | Omit = omit"
    if whole_arg is not None and body_whole is not None and body_whole.required:
        signature.append(whole_arg)
    changed = overrides or {}

    def required(p: Parameter) -> bool:
        return changed[p.py_name][1] if p.py_name in changed else p.required

    for p in [p for p in rest if required(p)] + [p for p in rest if not required(p)]:
        annotation = changed[p.py_name][0] if p.py_name in changed else ann.request(p.type)
        text = f"{p.py_name}: {annotation}"
        signature.append(text if required(p) else text + " | Omit = omit")
    if whole_arg is not None and body_whole is not None and not body_whole.required:
        signature.append(whole_arg)
    signature += [
        "extra_headers: Headers | None = None",
        "extra_query: Query | None = None",
        "extra_body: Body | None = None",
        "timeout: float | httpx.Timeout | None | NotGiven = not_given",
    ]
    return signature


def _method_view(api: API, op: Operation, ann: Annotator) -> MethodView:
    types_module = ann.runtime("_types")
    for name in ("Headers", "Query", "Body", "NotGiven", "not_given", "Omit", "omit"):
        ann.need(types_module, name)
    params = list(op.parameters)
    body_whole = op.body if op.body is not None and not op.body.flattened else None
    returns = _returns(api, op, ann)
    overloads: list[OverloadView] = []
    flag = op.streaming.param if op.streaming is not None else None
    if flag is not None:
        # As the Stainless SDKs have it: stream=False (or left out) returns the
        # result, stream=True the events, a bool either.
        ann.need("typing_extensions", "Literal")
        ann.need("typing", "Union")
        stream_sync, stream_async = _stream_types(op, ann)
        either_sync = f"Union[{returns.sync_returns}, {stream_sync}]"
        either_async = f"Union[{returns.async_returns}, {stream_async}]"
        for annotation, required, sync_ret, async_ret in (
            ("Literal[False]", False, returns.sync_returns, returns.async_returns),
            ("Literal[True]", True, stream_sync, stream_async),
            ("bool", True, either_sync, either_async),
        ):
            overloads.append(
                OverloadView(
                    _signature(
                        ann,
                        params,
                        body_whole,
                        op.positional_params,
                        {flag: (annotation, required)},
                    ),
                    sync_ret,
                    async_ret,
                )
            )
        signature = _signature(
            ann, params, body_whole, op.positional_params, {flag: ("bool", False)}
        )
        ann.need("typing", "overload")
    else:
        signature = _signature(ann, params, body_whole, op.positional_params)
    if flag is None and op.body is not None and op.body.variants:
        # One overload per variant of the body: its own fields, its own required set.
        others = [p for p in params if p.location != "body"]
        for variant in op.body.variants:
            overloads.append(
                OverloadView(
                    _signature(ann, others + list(variant.parameters), None, op.positional_params),
                    returns.sync_returns,
                    returns.async_returns,
                )
            )
        ann.need("typing", "overload")
    query = [(escape.py_string(p.wire_name), p.py_name) for p in params if p.location == "query"]
    styles = [
        (escape.py_string(p.wire_name), *p.query_style)
        for p in params
        if p.location == "query" and p.query_style != ("form", True)
    ]
    headers = [(escape.py_string(p.wire_name), p.py_name) for p in params if p.location == "header"]
    cookies = [p for p in params if p.location == "cookie"]
    if cookies:
        pairs = ", ".join(f"{escape.py_string(p.wire_name)}: {p.py_name}" for p in cookies)
        headers.append(('"Cookie"', f"_cookie_header({{{pairs}}})"))
    body = [(escape.py_string(p.wire_name), p.py_name) for p in params if p.location == "body"]
    security = tuple_literal([escape.py_string(s) for s in op.security])
    stream_results = ("", "")
    sync_returns, async_returns = returns.sync_returns, returns.async_returns
    if flag is not None:
        stream_results = _stream_results(op, ann)
        sync_returns, async_returns = either_sync, either_async
    return MethodView(
        name=op.py_name,
        http_method=op.http_method.upper(),
        doc=_method_doc(op),
        signature=signature,
        overloads=overloads,
        path_expr=_path_expr(op),
        query=query,
        query_styles=styles,
        headers=headers,
        body=body,
        body_expr=body_whole.py_name if body_whole is not None else None,
        encoding=op.body.encoding if op.body is not None else "json",
        content_type=op.body.content_type if op.body is not None else None,
        security=security,
        runtime_imports=sorted(
            set(returns.imports)
            | set(
                _runtime_imports(api, ann, op.streaming.event_type)
                if op.streaming is not None and op.streaming.event_type is not None
                else []
            )
        ),
        sync_returns=sync_returns,
        async_returns=async_returns,
        async_def=returns.async_def,
        sync_result=returns.sync_result,
        async_result=returns.async_result,
        stream_flag=flag,
        sync_stream_result=stream_results[0],
        async_stream_result=stream_results[1],
    )


@dataclass
class _Returns:
    sync_returns: str
    async_returns: str
    async_def: bool
    sync_result: str
    async_result: str
    imports: list[tuple[str, str]] = field(default_factory=list)


def _stream_types(op: Operation, ann: Annotator) -> tuple[str, str]:
    """``Stream[Event]`` and ``AsyncStream[Event]`` for a streaming method."""
    assert op.streaming is not None
    streaming = ann.runtime("_streaming")
    ann.need(streaming, "Stream")
    ann.need(streaming, "AsyncStream")
    event = op.streaming.event_type
    item = ann.response(event) if event is not None else "object"
    return f"Stream[{item}]", f"AsyncStream[{item}]"


def _stream_results(op: Operation, ann: Annotator) -> tuple[str, str]:
    """The expressions that return a streaming method's events (sync, async)."""
    assert op.streaming is not None
    sync_type, async_type = _stream_types(op, ann)
    event = op.streaming.event_type
    item = ann.response(event) if event is not None else "object"
    return (
        f"_cast({escape.py_string(sync_type)}, "
        f"self._client.request_stream(Stream, {item}, _options))",
        f"_cast({escape.py_string(async_type)}, "
        f"await self._client.request_stream(AsyncStream, {item}, _options))",
    )


def _returns(api: API, op: Operation, ann: Annotator) -> _Returns:
    """What a method returns, and the expression that produces it."""
    if op.streaming is not None and op.streaming.param is None:
        sync_type, async_type = _stream_types(op, ann)
        sync_result, async_result = _stream_results(op, ann)
        event = op.streaming.event_type
        return _Returns(
            sync_returns=sync_type,
            async_returns=async_type,
            async_def=True,
            sync_result=sync_result,
            async_result=async_result,
            imports=_runtime_imports(api, ann, event) if event is not None else [],
        )
    if op.pagination is not None:
        item_expr = op.pagination.item_type
        item = ann.response(item_expr)
        page = op.pagination.page_class
        sync_type = f"Sync{page}[{item}]"
        async_type = f"AsyncPaginator[{item}, Async{page}[{item}]]"
        return _Returns(
            sync_returns=sync_type,
            async_returns=async_type,
            async_def=False,
            # The bare page class at run time: subscripting it on every call costs time.
            sync_result=f"self._client.request_page(Sync{page}, {item}, _options)",
            async_result=f"_cast({escape.py_string(async_type)}, "
            f"self._client.request_page(Async{page}, {item}, _options))",
            imports=_runtime_imports(api, ann, item_expr),
        )
    response = op.response
    imports: list[tuple[str, str]] = []
    if response.kind == "empty":
        annotation, cast_to = "None", "None"
    elif response.kind == "binary":
        annotation, cast_to = "bytes", "bytes"
    elif response.kind in ("text", "sse"):
        annotation, cast_to = "str", "str"
    elif response.type is None:
        annotation, cast_to = "object", "object"
    else:
        annotation = cast_to = ann.response(response.type)
        imports = _runtime_imports(api, ann, response.type)
        if _is_string_alias(api, response.type):
            # As the Stainless SDKs have it: a JSON string result is typed `str`
            # (its alias is still exported); it is decoded as JSON all the same.
            annotation = "str"
    target = escape.py_string(annotation)
    return _Returns(
        sync_returns=annotation,
        async_returns=annotation,
        async_def=True,
        sync_result=f"_cast({target}, self._client.request({cast_to}, _options))",
        async_result=f"_cast({target}, await self._client.request({cast_to}, _options))",
        imports=imports,
    )


def _runtime_imports(api: API, ann: Annotator, expr: TypeExpr) -> list[tuple[str, str]]:
    out = []
    for model_id in sorted(_model_ids(expr)):
        model = api.model(model_id)
        target = ("types",) + model.module
        if target != ann.module:
            out.append((relative_import(ann.module, target), ann.import_name(model)))
    return sorted(set(out))


def _path_expr(op: Operation) -> str:
    """The request path as Python code: literal text plus encoded parameters."""
    by_wire = {p.wire_name: p for p in op.parameters if p.location == "path"}
    parts: list[str] = []
    pos = 0
    for match in re.finditer(r"\{([^}/]+)\}", op.path):
        if match.start() > pos:
            parts.append(escape.py_string(op.path[pos : match.start()]))
        param = by_wire.get(match.group(1))
        if param is None:
            parts.append(escape.py_string(match.group(0)))
        else:
            parts.append(f"_path_param({escape.py_string(param.py_name)}, {param.py_name})")
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
    if op.deprecated:
        lines += ["", "Deprecated."]
    lines += ["", "Args:"]
    for p in op.parameters:
        if p.description:
            lines.append(f"  {p.py_name}: {' '.join(p.description.split())}")
            lines.append("")
    if op.body is not None and not op.body.flattened and op.body.description:
        lines.append(f"  {op.body.py_name}: {' '.join(op.body.description.split())}")
        lines.append("")
    lines += [
        "  extra_headers: Send extra headers",
        "",
        "  extra_query: Add additional query parameters to the request",
        "",
        "  extra_body: Add additional JSON properties to the request",
        "",
        "  timeout: Override the client-level default timeout for this request, in seconds",
    ]
    return escape.py_docstring("\n".join(lines), indent=8)


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
    needs_field_info: bool
    needs_base_model: bool


def _type_files(api: API, src: str) -> dict[str, str]:
    by_module: dict[tuple[str, ...], list[Model]] = defaultdict(list)
    for model in api.models:
        by_module[model.module].append(model)
    files: dict[str, str] = {}
    packages: dict[tuple[str, ...], list[tuple[str, str]]] = defaultdict(list)
    subpackages: dict[tuple[str, ...], set[str]] = defaultdict(set)
    packages[()] = []
    for module, models in sorted(by_module.items()):
        files[f"{src}/types/{'/'.join(module)}.py"] = render(
            "sdk", "types_module.py.j2", view=_module_view(api, module, models)
        )
        for model in models:
            if model.parent is None:
                packages[module[:-1]].append((module[-1], model.class_name))
        for i in range(len(module) - 1):
            packages.setdefault(module[:i], [])
            subpackages[module[:i]].add(module[i])
    if api.shared_package is not None:
        # Shared models are importable from `types` itself too, as Stainless SDKs have them.
        top = {name for _, name in packages[()]}
        for model in api.models:
            if (
                len(model.module) == 2
                and model.module[0] == api.shared_package
                and model.parent is None
                and model.class_name not in top
            ):
                packages[()].append((".".join(model.module), model.class_name))
                top.add(model.class_name)
    for package, entries in sorted(packages.items()):
        path = "/".join(("types",) + package)
        pairs = sorted((name, "." + module) for module, name in entries)
        files[f"{src}/{path}/__init__.py"] = render(
            "sdk", "types_init.py.j2", entries=pairs, subpackages=sorted(subpackages[package])
        )
    return files


def _module_view(api: API, module: tuple[str, ...], models: list[Model]) -> ModuleView:
    ann = Annotator(api, ("types",) + module)
    views = [_model_view(api, m, ann) for m in models]
    return ModuleView(
        exports=[m.class_name for m in models],
        models=views,
        imports=ann.typing_imports(),
        model_imports=ann.model_imports(),
        runtime={name: ann.runtime(name) for name in ("_models", "_types")},
        needs_field_info=any(f.alias for v in views for f in v.fields),
        needs_base_model=any(v.kind == "object" and v.role == "response" for v in views),
    )


def _model_view(api: API, model: Model, ann: Annotator) -> ModelView:
    # A module-level string after an assignment is not a docstring to black.
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
            alias_of=_quote_models(api, ann, text, model.alias_of),
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
    if not functional:
        doc = escape.py_docstring(model.description or "", indent=4)  # the class docstring
    return ModelView(model.class_name, "object", model.role, doc, fields, functional=functional)


def _quote_models(api: API, ann: Annotator, text: str, expr: TypeExpr) -> str:
    """Quote model names in an alias's value: they may be defined later (cycles)."""
    names = {ann.model_name(api.model(mid)) for mid in _model_ids(expr)}
    if not names:
        return text
    pattern = re.compile(
        r"(?<![\w\"'])("
        + "|".join(sorted(map(re.escape, names), key=len, reverse=True))
        + r")(?![\w\"'])"
    )
    return pattern.sub(lambda m: f'"{m.group(1)}"', text)


def _model_ids(expr: TypeExpr) -> set[str]:
    if isinstance(expr, ModelRef):
        return {expr.model_id}
    if isinstance(expr, ArrayType):
        out = _model_ids(expr.items)
        for prefix in expr.prefix_items:
            out |= _model_ids(prefix)
        return out
    if isinstance(expr, MapType):
        return _model_ids(expr.values)
    if isinstance(expr, UnionType):
        found: set[str] = set()
        for v in expr.variants:
            found |= _model_ids(v)
        return found
    return set()


def _field_doc(text: str | None) -> str | None:
    return escape.py_docstring(text) if text else None


# --- README -------------------------------------------------------------------


@dataclass
class ExampleCall:
    """One method call written out for the README."""

    summary: str
    #: Variable the example assigns the result to (``api_key``).
    var: str
    call: str
    raw_call: str
    stream_call: str
    timeout_call: str
    #: A field of the result worth printing (``key_details.id``), if any.
    attr: str | None
    #: The result's model name (``APIKeyCreateResponse``), if it is a model.
    type_name: str | None


#: At most this many optional arguments appear in an example call.
_EXAMPLE_OPTIONAL_ARGS = 2


def _readme_view(api: API) -> dict[str, object]:
    ops = api.all_operations()
    create = next(
        ((r, o) for r, o in ops if o.body is not None and o.http_method.lower() == "post"),
        ops[0] if ops else None,
    )
    listing = next(((r, o) for r, o in ops if o.pagination is not None), None)
    by_path = next(((r, o) for r, o in ops if o.path_params), None)
    # The config's readme.example_requests choose the calls, with their arguments.
    chosen: dict[str, tuple[tuple[Resource, Operation], dict[str, object]]] = {}
    for name, method, path, params in api.client_settings.readme_examples:
        pair = next(((r, o) for r, o in ops if (o.http_method, o.path) == (method, path)), None)
        if pair is not None:
            chosen[name] = (pair, json.loads(params))
    given: dict[str, object] = {}
    for name in ("pagination", "headline"):
        if name in chosen and chosen[name][0][1].pagination is not None:
            listing = chosen[name][0]  # a list call is shown walking its pages
    if "headline" in chosen and chosen["headline"][0][1].pagination is None:
        create, given = chosen["headline"]
    example = _example_call(api, create, optional=not given, given=given)
    list_op = listing[1] if listing else None
    page_fields: list[str] = []
    if list_op is not None and list_op.pagination is not None:
        p = list_op.pagination
        page_fields = [
            f for f in (p.has_more_field, p.next_cursor_field) if f is not None and _page_attr_ok(f)
        ]
    return {
        "auth": api.security_schemes[0] if api.security_schemes else None,
        "example": example,
        "list_example": _example_call(api, listing, page_size=True),
        "path_example": _example_call(api, by_path),
        "page_items": list_op.pagination.items_field if list_op and list_op.pagination else "",
        "page_fields": page_fields,
        "types_import": _types_import(api, create[1]) if create and example else None,
    }


def _example_call(
    api: API,
    pair: tuple[Resource, Operation] | None,
    *,
    page_size: bool = False,
    optional: bool = False,
    given: dict[str, object] | None = None,
) -> ExampleCall | None:
    if pair is None:
        return None
    resource, op = pair
    args = []
    extras = 0
    for p in op.parameters:
        if given and p.wire_name in given and _literal_ok(given[p.wire_name]):
            value = _json_literal(given[p.wire_name])
            args.append(value if p in op.positional_params else f"{p.py_name}={value}")
            continue
        size = page_size and op.pagination and p.wire_name == op.pagination.page_size_param
        showcase = (
            optional
            and extras < _EXAMPLE_OPTIONAL_ARGS
            and p.location == "body"
            and isinstance(p.type, (EnumType, Primitive))
            and not (isinstance(p.type, Primitive) and p.type.kind == "string")
        )
        if not p.required and not size and not showcase:
            continue
        if not p.required and not size:
            extras += 1
        value = "2" if size else _example_value(p)
        args.append(value if p in op.positional_params else f"{p.py_name}={value}")
    dotted = ".".join(resource.path)
    call_args = "(" + ", ".join(args) + ")"
    timeout_args = "(" + ", ".join([*args, "timeout=2.0"]) + ")"
    result = op.pagination.item_type if op.pagination else op.response.type
    model = api.model(result.model_id) if isinstance(result, ModelRef) else None
    return ExampleCall(
        summary=op.summary or op.py_name,
        var=naming.snake(resource.singular) or "result",
        call=f"{dotted}.{op.py_name}{call_args}",
        raw_call=f"{dotted}.with_raw_response.{op.py_name}{call_args}",
        stream_call=f"{dotted}.with_streaming_response.{op.py_name}{call_args}",
        timeout_call=f"{dotted}.{op.py_name}{timeout_args}",
        attr=_result_attr(api, model),
        type_name=model.class_name if model is not None and model.kind == "object" else None,
    )


def _result_attr(api: API, model: Model | None) -> str | None:
    """``id`` of the result, or of the first nested object that has one."""
    if model is None or model.kind != "object":
        return None
    names = {p.py_name for p in model.properties}
    if "id" in names:
        return "id"
    for prop in model.properties:
        if isinstance(prop.type, ModelRef):
            nested = api.model(prop.type.model_id)
            if nested.kind == "object" and any(p.py_name == "id" for p in nested.properties):
                return f"{prop.py_name}.id"
    return None


def _types_import(api: API, op: Operation) -> str | None:
    """``from pkg.types.x import Model`` for the README's typed-response example."""
    if not isinstance(op.response.type, ModelRef):
        return None
    model = api.model(op.response.type.model_id)
    if model.kind != "object":
        return None
    package = ".".join((api.names.sdk_package, "types") + model.module[:-1])
    return f"from {package} import {model.class_name}"


def _example_value(p: Parameter) -> str:
    if p.example is not None and isinstance(p.example.value, (str, int, float, bool)):
        return _py_literal(p.example.value)
    t = p.type
    if isinstance(t, EnumType):
        return _py_literal(t.values[0])
    if isinstance(t, ArrayType):
        return "[]"
    if isinstance(t, Primitive) and t.kind in ("integer", "number"):
        low = t.constraints.minimum
        return repr(low) if isinstance(low, int) and low > 0 else "1"
    if isinstance(t, Primitive) and t.kind == "boolean":
        return "True"
    return escape.py_string(
        f"{p.wire_name}_123" if p.location == "path" else _placeholder(p.wire_name)
    )


def _literal_ok(value: object, depth: int = 0) -> bool:
    """Whether ``value`` (from the config) can be written as a Python literal here."""
    if depth > 8:
        return False
    if isinstance(value, list):
        return all(_literal_ok(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _literal_ok(v, depth + 1) for k, v in value.items())
    if isinstance(value, float):
        return value == value and value not in (float("inf"), float("-inf"))
    return value is None or isinstance(value, (str, int, bool))


def _json_literal(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_json_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        items = (f"{escape.py_string(k)}: {_json_literal(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if value is None:
        return "None"
    assert isinstance(value, (str, int, float, bool))
    return _py_literal(value)


def _py_literal(value: str | int | float | bool) -> str:
    return escape.py_string(value) if isinstance(value, str) else repr(value)


def _placeholder(name: str) -> str:
    return name.replace("_", " ").replace("-", " ").strip() or "value"


def _stream_rules(api: API) -> list[tuple[str, str, str]]:
    """The config's ``streaming.on_event`` rules as Python literals for
    ``_streaming.py``; without any, an ``error`` event raises and
    ``data: [DONE]`` ends the stream (the rest are yielded)."""
    rules: list[tuple[tuple[str | None, ...] | None, str | None, str]] = [
        (tuple(r.event_types) or None, r.data_starts_with, r.handle)
        for r in api.client_settings.stream_rules
    ]
    if not rules:
        rules = [(("error",), None, "error"), (None, "[DONE]", "done")]
    out = []
    for names, prefix, handle in rules:
        names_text = (
            "None"
            if names is None
            else tuple_literal(["None" if n is None else escape.py_string(n) for n in names])
        )
        prefix_text = "None" if prefix is None else escape.py_string(prefix)
        out.append((names_text, prefix_text, handle))
    return out


def _is_string_alias(api: API, expr: TypeExpr) -> bool:
    """A method result named only to alias a plain JSON string (``XResponse = str``)."""
    if not isinstance(expr, ModelRef) or expr.nullable:
        return False
    model = api.model(expr.model_id)
    target = model.alias_of
    return (
        model.kind == "alias"
        and isinstance(target, Primitive)
        and target.kind == "string"
        and not target.nullable
        and target.format is None
    )
