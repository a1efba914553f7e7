"""The docs target: ``OUT/docs`` (Markdown reference pages and a static HTML site).

Every operation gets a page laid out like the published reference pages: the
summary as title, the CLI invocation, verb and path, the description, the
parameters as CLI flags with their types in words and their constraints, the
response type with its fields (nested objects expanded), examples for the CLI,
the Python SDK and curl, and an example response. ``api.md`` and
``html/index.html`` list every resource, method and shared type.

The site stays linear in the size of the API. A model used in more than one
place (a user object nested in hundreds of responses, say) gets one page of its
own under ``types/``, and a field of that type links there instead of listing
its fields again; the fields of a model used in one place only are listed
where it is used. An operation's own response type is listed on its page
unless it is shared and longer than :data:`INLINE_FIELDS`. A page's navigation
shows its resource's methods around it (:data:`NAV_METHODS`), never the whole
API: the index pages list everything.

This module only decides *what* a page says (view objects built from the
model); the templates under ``templates/docs`` decide how it looks, except for
field lists (a template call per field was most of the rendering time on large
APIs), which :func:`markdown_fields` and :func:`html_fields` write in the same
style. :mod:`generator.escape` makes every piece of spec text safe where it
lands.
"""

from __future__ import annotations

import gc
import json
import urllib.parse
from collections import Counter
from dataclasses import dataclass
from typing import Any

from .. import escape, naming
from ..formatting import format_python, line_width
from ..model import (
    API,
    ArrayType,
    Constraints,
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

#: JSON Schema primitive kinds in words, the way the reference pages spell them.
_WORDS = {
    "string": "string",
    "integer": "number",
    "number": "number",
    "boolean": "boolean",
    "null": "null",
    "any": "unknown",
}
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
#: An object type lists at most this many field names before "N more".
_MAX_NAMES = 4
_SHOWN_NAMES = 3
#: The line length of the generated code, which the Python examples share.
_PY_LINE_LENGTH = 100
#: Nested objects are expanded this deep; deeper ones link to their type's page.
_MAX_DEPTH = 6
#: An operation page lists at most this many entries of a shared response type's fields
#: (nested ones included); a larger type links to its own page.
INLINE_FIELDS = 40
#: The navigation lists at most this many of the resource's methods, around the page's own.
NAV_METHODS = 15


@dataclass(frozen=True)
class Constraint:
    """One validation rule or note shown under a field, e.g. ``minLength 1``."""

    label: str
    value: str = ""

    @property
    def text(self) -> str:
        return f"{self.label} {self.value}" if self.value else self.label


@dataclass(frozen=True)
class FieldDoc:
    """A parameter (``--allowed-ip``) or a response field (``key_details``)."""

    name: str
    type_words: str
    #: Shown for parameters only; the reference pages never mark response fields.
    optional: bool
    description: str | None
    constraints: tuple[Constraint, ...]
    children: tuple[FieldDoc, ...] = ()
    #: The page of this field's type (a :class:`TypeDoc`), when its fields are listed
    #: there rather than here: the path under ``docs/`` without its extension.
    link: str = ""
    #: That type's name, the link's text.
    link_name: str = ""


@dataclass(frozen=True)
class ReturnsDoc:
    #: The response type as the reference pages name it (``AdminAPIKeyNewResponse``);
    #: empty when the operation returns no body.
    name: str
    type_words: str
    fields: tuple[FieldDoc, ...]
    #: A sentence about the body when it is not a plain JSON value (empty, binary...).
    note: str
    #: How a paginated list pages, in words; empty otherwise.
    pagination: str
    #: As for :class:`FieldDoc`: the type's own page, when its fields are listed there.
    link: str = ""
    link_name: str = ""


def _up(path: str) -> str:
    """The way from the folder of ``path`` back up to the folder it is relative to."""
    return "../" * path.count("/")


@dataclass(frozen=True)
class PageDoc:
    """Everything one operation's page shows."""

    resource: Resource
    op: Operation
    #: Paths under ``docs/``: the Markdown page and the HTML page.
    md_path: str
    html_path: str
    #: ``html_path`` as a URL relative to ``docs/html/``.
    href: str
    title: str
    cli_command: str
    verb: str
    params: tuple[FieldDoc, ...]
    returns: ReturnsDoc
    cli_example: str
    python_example: str
    curl_example: str
    response_example: str | None

    @property
    def root(self) -> str:
        """The way from this HTML page back up to ``docs/html/``."""
        return _up(self.html_path.removeprefix("html/"))

    @property
    def md_root(self) -> str:
        """The way from this Markdown page back up to ``docs/``."""
        return _up(self.md_path)


@dataclass(frozen=True)
class TypeDoc:
    """The page of a model used in more than one place: its fields, listed once."""

    model: Model
    name: str
    #: Paths under ``docs/``, as for :class:`PageDoc`.
    md_path: str
    html_path: str
    href: str
    type_words: str
    description: str | None
    fields: tuple[FieldDoc, ...]

    @property
    def root(self) -> str:
        return _up(self.html_path.removeprefix("html/"))

    @property
    def md_root(self) -> str:
        return _up(self.md_path)


@dataclass(frozen=True)
class ResourceDoc:
    resource: Resource
    #: Fragment id of the resource's section in ``html/index.html``.
    anchor: str
    pages: tuple[PageDoc, ...]


@dataclass(frozen=True)
class NavDoc:
    """An operation page's navigation: its resource and the methods around it."""

    group: ResourceDoc
    #: At most :data:`NAV_METHODS` of the resource's pages, the current one among them.
    pages: tuple[PageDoc, ...]
    #: How many of the resource's methods come before and after those shown.
    before: int
    after: int


@dataclass(frozen=True)
class SiteDoc:
    groups: tuple[ResourceDoc, ...]
    #: The shared types' pages, by name.
    types: tuple[TypeDoc, ...]


#: Fragment id of the types' section in ``html/index.html`` (resource ids start ``resource-``).
TYPES_ANCHOR = "types"


@dataclass(frozen=True)
class AuthDoc:
    """How a request authenticates, for the index pages."""

    #: What it is, e.g. ``API key in the header``.
    kind: str
    #: The header, query parameter or cookie name, when there is one.
    name: str
    env_var: str
    cli_flag: str


def render_docs(api: API) -> dict[str, str]:
    """Every docs file, keyed by path under ``docs/``."""
    # The model of a large API is millions of objects, and each full collection walks
    # them all; rendering allocates enough to run several (a third of the time on
    # GitHub's description) while making no garbage worth collecting before it ends.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _render_docs(api)
    finally:
        if collecting:
            gc.enable()


def _render_docs(api: API) -> dict[str, str]:
    site = site_docs(api)
    ctx: dict[str, Any] = {
        "api": api,
        "groups": site.groups,
        "types": site.types,
        "types_anchor": TYPES_ANCHOR,
        "auth": _auth(api),
        "markdown_fields": markdown_fields,
        "html_fields": html_fields,
    }
    files = {"api.md": render("docs", "api.md.j2", **ctx)}
    for group in site.groups:
        for page in group.pages:
            files[page.md_path] = render("docs", "operation.md.j2", **ctx, page=page)
    for type_doc in site.types:
        files[type_doc.md_path] = render("docs", "type.md.j2", **ctx, page=type_doc)
    files["html/index.html"] = render("docs", "index.html.j2", **ctx, page=None, nav=None, root="")
    for group in site.groups:
        for i, page in enumerate(group.pages):
            files[page.html_path] = render(
                "docs",
                "operation.html.j2",
                **ctx,
                page=page,
                nav=nav_doc(group, i),
                root=page.root,
            )
    for type_doc in site.types:
        files[type_doc.html_path] = render(
            "docs", "type.html.j2", **ctx, page=type_doc, nav=None, root=type_doc.root
        )
    return files


def nav_doc(group: ResourceDoc, index: int) -> NavDoc:
    """The navigation of ``group.pages[index]``: a window of the resource's methods,
    centred on it where it can be."""
    total = len(group.pages)
    start = max(0, min(index - NAV_METHODS // 2, total - NAV_METHODS))
    end = min(total, start + NAV_METHODS)
    return NavDoc(group, group.pages[start:end], start, total - end)


def site_docs(api: API) -> SiteDoc:
    """Every page's view: the resources' operation pages, then the shared types' pages."""
    fields = _Fields(api)
    anchors = naming.Namer(sep="-")
    groups = []
    for resource in api.all_resources():
        if not resource.operations:
            continue
        pages = tuple(_page(api, fields, resource, op) for op in resource.operations)
        anchor = anchors.claim("resource-" + (naming.kebab(resource.docs_dir) or "api"))
        groups.append(ResourceDoc(resource, anchor, pages))
    return SiteDoc(tuple(groups), fields.type_docs())


def resource_docs(api: API) -> list[ResourceDoc]:
    """The resources that have operations, each with its operations' pages, in model order."""
    return list(site_docs(api).groups)


def _auth(api: API) -> list[AuthDoc]:
    out = []
    for scheme in api.security_schemes:
        name = ""
        if scheme.kind == "api_key":
            where = {"header": "header", "query": "query parameter", "cookie": "cookie"}
            kind, name = f"API key in the {where[scheme.location]}", scheme.param_name
        elif scheme.kind == "http_bearer":
            kind = "HTTP bearer token"
        elif scheme.kind == "http_basic":
            kind = "HTTP basic authentication"
        else:
            kind = "OAuth 2 client credentials"
        out.append(AuthDoc(kind, name, scheme.env_var, scheme.cli_flag))
    return out


# --- one page ------------------------------------------------------------------------


def _page(api: API, fields: _Fields, resource: Resource, op: Operation) -> PageDoc:
    command = f"{api.names.cli_binary} {resource.cli_path} {op.cli_name}"
    stem = f"{resource.docs_dir}/{op.cli_name}"
    return PageDoc(
        resource=resource,
        op=op,
        md_path=f"{stem}.md",
        html_path=f"html/{stem}.html",
        href=escape.url_path(f"{stem}.html"),
        title=op.summary or f"{op.http_method.upper()} {op.path}",
        cli_command=command,
        verb=op.http_method.upper(),
        params=tuple(_param_docs(fields, op)),
        returns=_returns(api, fields, op),
        cli_example=_cli_example(api, command, op),
        python_example=_python_example(api, resource, op),
        curl_example=_curl_example(api, op),
        response_example=response_example_json(api, op, fields.examples),
    )


def _cli_params(op: Operation) -> list[Parameter]:
    """The parameters the CLI takes as flags (a whole body is one ``--body`` flag)."""
    whole = op.body is not None and not op.body.flattened
    return [p for p in op.parameters if not (whole and p.location == "body")]


def _param_docs(fields: _Fields, op: Operation) -> list[FieldDoc]:
    docs = [
        fields.field(
            f"--{p.cli_flag}",
            p.type,
            optional=not p.required,
            description=p.description,
            request=True,
            extra=_notes(p.default, p.deprecated),
        )
        for p in _cli_params(op)
    ]
    body = op.body
    if body is not None and not body.flattened:
        expr = body.type if body.type is not None else Primitive("string")
        docs.append(
            fields.field(
                f"--{body.cli_flag}",
                expr,
                optional=not body.required,
                description=body.description or f"The request body ({body.content_type}).",
                request=True,
            )
        )
    return docs


def _documented_types(op: Operation) -> list[TypeExpr]:
    """The types whose fields an operation's page lists: its flags' and its response's."""
    out = [p.type for p in _cli_params(op)]
    if op.body is not None and not op.body.flattened and op.body.type is not None:
        out.append(op.body.type)
    if op.response.kind in ("json", "text") and op.response.type is not None:
        out.append(op.response.type)
    return out


def _returns(api: API, fields: _Fields, op: Operation) -> ReturnsDoc:
    response = op.response
    status = f"HTTP {response.status}" + (
        f": {response.description}" if response.description else ""
    )
    paging = _pagination_text(op)
    if response.kind == "empty" or (response.kind == "json" and response.type is None):
        return ReturnsDoc("", "", (), f"Nothing ({status}).", paging)
    if response.kind == "binary":
        note = f"Binary data ({response.content_type}); {status}."
        return ReturnsDoc("", "", (), note, paging)
    if response.kind == "sse":
        words = _words(api, response.type) if response.type is not None else "unknown"
        return ReturnsDoc("", "", (), f"A stream of server-sent events, each {words}.", paging)
    expr = response.type if response.type is not None else Primitive("string")
    link, listed = fields.returned(expr)
    return ReturnsDoc(
        name=op.docs_type_name,
        type_words=_words(api, expr),
        fields=listed,
        note="" if response.kind == "json" else f"Text ({response.content_type}).",
        pagination=paging,
        link=link[0],
        link_name=link[1],
    )


def _pagination_text(op: Operation) -> str:
    pg = op.pagination
    if pg is None:
        return ""
    # Markdown, with every name from the spec in a code span (rendered for both outputs).
    code = escape.md_code
    flags = {p.wire_name: f"--{p.cli_flag}" for p in op.parameters if p.location == "query"}
    text = f"Paginated: each page holds the items in {code(pg.items_field)}; the type above is one item."
    if pg.next_cursor_field and pg.next_cursor_param:
        flag = flags.get(pg.next_cursor_param, pg.next_cursor_param)
        text += f" Pass {code(pg.next_cursor_field)} as {code(flag)} for the next page"
        if pg.has_more_field:
            text += f" while {code(pg.has_more_field)} is true"
        text += "."
    elif pg.offset_param:
        text += f" Step {code(flags.get(pg.offset_param, pg.offset_param))} for the next page."
    elif pg.page_param:
        text += f" Increase {code(flags.get(pg.page_param, pg.page_param))} for the next page."
    return text + " The SDK's iterator and the CLI fetch further pages for you."


# --- fields, and the shared types' pages ----------------------------------------------


def _listed_models(api: API, expr: TypeExpr) -> list[Model]:
    """The object models whose fields a field of type ``expr`` lists: its own model's,
    through aliases, arrays and maps, or each object variant's of a union."""
    expr = _resolve(api, expr)
    if isinstance(expr, ArrayType):
        return _listed_models(api, expr.items)
    if isinstance(expr, MapType):
        return _listed_models(api, expr.values)
    if isinstance(expr, UnionType):
        return [m for v in expr.variants if (m := _object_model(api, v)) is not None]
    model = _object_model(api, expr)
    return [model] if model is not None else []


def _count(fields: tuple[FieldDoc, ...]) -> int:
    """Entries in a field list, at every depth."""
    return sum(1 + _count(f.children) for f in fields)


def _field_model(api: API, expr: TypeExpr) -> Model | None:
    """The object model a field of type ``expr`` is (or holds, in an array or map)."""
    expr = _resolve(api, expr)
    if isinstance(expr, ArrayType):
        return _field_model(api, expr.items)
    if isinstance(expr, MapType):
        return _field_model(api, expr.values)
    return _object_model(api, expr)


def shared_models(api: API) -> frozenset[str]:
    """Ids of the models used in more than one place of the docs (by several operations,
    or by several fields): each gets a page of its own instead of being listed at every use."""
    uses: Counter[str] = Counter()
    todo: list[Model] = []
    for _, op in api.all_operations():
        for expr in _documented_types(op):
            todo += _listed_models(api, expr)
    uses.update(m.id for m in todo)
    done: set[str] = set()
    while todo:
        model = todo.pop()
        if model.id in done:
            continue
        done.add(model.id)
        for prop in model.properties:
            used = _listed_models(api, prop.type)
            uses.update(m.id for m in used)
            todo += used
    return frozenset(model_id for model_id, n in uses.items() if n > 1)


class _Fields:
    """Builds the field lists of every page, and the shared types' pages they link to."""

    def __init__(self, api: API) -> None:
        self.api = api
        self.shared = shared_models(api)
        #: Linked models, in the order first linked; each gets a :class:`TypeDoc`.
        self.linked: dict[str, str] = {}
        self._stems: dict[str, str] | None = None
        self._returned: dict[TypeExpr | str, tuple[tuple[str, str], tuple[FieldDoc, ...]]] = {}
        #: A model's type in words, by id.
        self._words: dict[str, str] = {}
        #: Example responses made from a schema, by response type.
        self.examples: dict[TypeExpr, str] = {}
        #: Response types' fields built for an operation page but listed on their own page.
        self._listed: dict[str, tuple[FieldDoc, ...]] = {}

    def stem(self, model: Model) -> str:
        """The path of a model's page under ``docs/``, without extension, e.g.
        ``types/simple-user``: unique, and the same whatever else links to it."""
        if self._stems is None:
            # The folder must not be a resource's; pages are named in model order.
            tops = {r.docs_dir.split("/")[0] for r in self.api.all_resources()}
            folder, n = "types", 2
            while folder in tops:
                folder, n = f"types-{n}", n + 1
            names = naming.Namer(sep="-")
            self._stems = {
                m.id: f"{folder}/{names.claim(naming.kebab(m.class_name) or 'type')}"
                for m in self.api.models
                if m.kind == "object"
            }
        return self._stems[model.id]

    def _link(self, model: Model) -> tuple[str, str]:
        stem = self.stem(model)
        self.linked.setdefault(model.id, stem)
        return stem, model.class_name

    def field(
        self,
        name: str,
        expr: TypeExpr,
        *,
        optional: bool,
        description: str | None,
        request: bool,
        extra: tuple[Constraint, ...] = (),
        depth: int = 0,
        seen: frozenset[str] = frozenset(),
    ) -> FieldDoc:
        api = self.api
        resolved = _resolve(api, expr)
        (link, link_name), children = self.listing(resolved, request, depth, seen)
        if isinstance(expr, ModelRef):
            words = self._words.get(expr.model_id)
            if words is None:
                words = self._words[expr.model_id] = _words(api, expr)
        else:
            words = _words(api, expr)
        return FieldDoc(
            name=name,
            type_words=words,
            # The reference pages mark optional parameters, never optional response fields.
            optional=optional and request,
            description=description or _model_description(api, resolved),
            constraints=_constraints(api, resolved) + extra,
            children=children,
            link=link,
            link_name=link_name,
        )

    def listing(
        self,
        expr: TypeExpr,
        request: bool,
        depth: int = 0,
        seen: frozenset[str] = frozenset(),
    ) -> tuple[tuple[str, str], tuple[FieldDoc, ...]]:
        """What is shown of the fields of a value of type ``expr``: a link to its type's
        page (a shared model, or one too deep or recursive to list here), or the fields."""
        target = _field_model(self.api, expr)
        if (
            target is not None
            and target.properties
            and (target.id in self.shared or target.id in seen or depth >= _MAX_DEPTH)
        ):
            return self._link(target), ()
        return ("", ""), self.children(expr, depth, seen, request=request)

    def returned(self, expr: TypeExpr) -> tuple[tuple[str, str], tuple[FieldDoc, ...]]:
        """What an operation page shows of its response type's fields: all of them, unless
        the type has a page of its own (it is used elsewhere too) and they are more than
        :data:`INLINE_FIELDS` entries, which would be repeated on every page using it."""
        target = _field_model(self.api, expr)
        # A model's fields are the same whether one or an array of them is returned.
        key: TypeExpr | str = expr if target is None else target.id
        known = self._returned.get(key)
        if known is not None:
            return known  # a shared type: the same for every operation returning it
        listed = self.children(expr, depth=0, seen=frozenset(), request=False)
        shown: tuple[tuple[str, str], tuple[FieldDoc, ...]] = (("", ""), listed)
        if target is not None and target.id in self.shared and _count(listed) > INLINE_FIELDS:
            shown = (self._link(target), ())
            self._listed[target.id] = listed  # what its page lists
        self._returned[key] = shown
        return shown

    def children(
        self, expr: TypeExpr, depth: int, seen: frozenset[str], *, request: bool
    ) -> tuple[FieldDoc, ...]:
        """The fields listed under a field: an object's properties, an array's or map's
        item properties, or one entry per object variant of a union."""
        api = self.api
        if depth >= _MAX_DEPTH:
            return ()
        expr = _resolve(api, expr)
        if isinstance(expr, (ArrayType, MapType)):
            inner_expr = expr.items if isinstance(expr, ArrayType) else expr.values
            return self.children(inner_expr, depth, seen, request=request)
        if isinstance(expr, UnionType):
            variants = []
            for variant in expr.variants:
                model = _object_model(api, variant)
                if model is not None:
                    variants.append(
                        self.field(
                            model.class_name,
                            variant,
                            optional=False,
                            description=model.description,
                            request=request,
                            depth=depth + 1,
                            seen=seen,
                        )
                    )
            return tuple(variants)
        model = _object_model(api, expr)
        if model is None or model.id in seen:
            return ()
        inner = seen | {model.id}
        return tuple(
            self.field(
                p.wire_name,
                p.type,
                optional=not p.required,
                description=p.description,
                request=request,
                extra=_notes(p.default, p.deprecated),
                depth=depth + 1,
                seen=inner,
            )
            for p in model.properties
        )

    def type_docs(self) -> tuple[TypeDoc, ...]:
        """The pages of every linked model (their own fields may link further models)."""
        docs: dict[str, TypeDoc] = {}
        while len(docs) < len(self.linked):
            for model_id, stem in list(self.linked.items()):
                if model_id in docs:
                    continue
                model = self.api.model(model_id)
                # Request models document what is sent; their pages read like the flags'.
                request = model.role == "request"
                docs[model_id] = TypeDoc(
                    model=model,
                    name=model.class_name,
                    md_path=f"{stem}.md",
                    html_path=f"html/{stem}.html",
                    href=escape.url_path(f"{stem}.html"),
                    type_words=_words(self.api, ModelRef(model_id)),
                    description=model.description,
                    fields=self._listed[model_id]
                    if not request and model_id in self._listed
                    else self.children(
                        ModelRef(model_id), depth=0, seen=frozenset(), request=request
                    ),
                )
        return tuple(sorted(docs.values(), key=lambda t: t.md_path))


# --- field lists ---------------------------------------------------------------------
#
# Written here rather than by a recursive template macro: on a large API a Jinja macro
# call (or loop iteration) per field was most of the rendering time. Every piece of spec
# text still goes through its :mod:`escape` function, as in the templates.


def markdown_fields(fields: tuple[FieldDoc, ...], root: str) -> str:
    """A field list in Markdown: one item per field, children two spaces deeper, items apart
    by a blank line; ``root`` leads from the page back up to ``docs/`` (for type links)."""
    out: list[str] = []

    def walk(items: tuple[FieldDoc, ...], pad: str) -> None:
        for f in items:
            if out:
                out.append("\n")
            optional = "optional " if f.optional else ""
            out.append(f"{pad}- **{escape.md_code(f.name)}**: {optional}")
            out.append(escape.md_text(f.type_words) + "\n")
            if f.description:
                out.append("\n" + _indent(escape.md_block(f.description), pad + "  ") + "\n")
            if f.constraints:
                chips = " · ".join(escape.md_code(c.text) for c in f.constraints)
                out.append(f"\n{pad}  {chips}\n")
            if f.link:
                href = root + escape.url_path(f"{f.link}.md")
                link = f"[{escape.md_code(f.link_name)}]({href})"
                out.append(f"\n{pad}  See {link} for its fields.\n")
            walk(f.children, pad + "  ")

    walk(fields, "")
    return "".join(out)


def _indent(text: str, pad: str) -> str:
    """Every line of ``text`` after ``pad``, but blank ones (as Jinja's ``indent`` filter)."""
    lines = (text + "\n").splitlines()
    return pad + "\n".join([lines[0]] + [pad + line if line else line for line in lines[1:]])


def html_fields(fields: tuple[FieldDoc, ...], root: str) -> str:
    """A field list in HTML: nested objects fold with ``<details>`` (no script needed);
    ``root`` leads from the page back up to ``docs/html/`` (for type links)."""
    html = escape.html_text
    out: list[str] = []

    def walk(items: tuple[FieldDoc, ...]) -> None:
        out.append('<ul class="fields">\n')
        for f in items:
            optional = '<span class="optional">optional</span> ' if f.optional else ""
            sig = (
                f'<span class="sig"><code class="name">{html(f.name)}</code>: {optional}'
                f'<span class="type">{html(f.type_words)}</span></span>'
            )
            out.append('<li class="field">\n')
            out.append(f"<details open>\n<summary>{sig}</summary>\n" if f.children else f"{sig}\n")
            if f.description:
                description = escape.html_markdown(f.description)
                out.append(f'<div class="description">{description}</div>\n')
            if f.constraints:
                chips = " ".join(
                    f'<span class="constraint">{html(c.label)}'
                    + (f" <code>{html(c.value)}</code>" if c.value else "")
                    + "</span>"
                    for c in f.constraints
                )
                out.append(f'<p class="constraints">{chips}</p>\n')
            if f.link:
                href = root + escape.url_path(f"{f.link}.html")
                link = f'<a href="{href}"><code>{html(f.link_name)}</code></a>'
                out.append(f'<p class="see">See {link} for its fields.</p>\n')
            if f.children:
                walk(f.children)
                out.append("</details>\n")
            out.append("</li>\n")
        out.append("</ul>\n")

    walk(fields)
    return "".join(out)


# --- types in words ------------------------------------------------------------------


def _model_description(api: API, expr: TypeExpr) -> str | None:
    model = _object_model(api, expr)
    return model.description if model is not None else None


def _resolve(api: API, expr: TypeExpr) -> TypeExpr:
    """Follow alias models to the type they stand for."""
    hops = 0
    while isinstance(expr, ModelRef) and hops < 32:
        model = api.model(expr.model_id)
        if model.kind != "alias" or model.alias_of is None:
            return expr
        expr, hops = model.alias_of, hops + 1
    return expr


def _object_model(api: API, expr: TypeExpr) -> Model | None:
    expr = _resolve(api, expr)
    if isinstance(expr, ModelRef):
        model = api.model(expr.model_id)
        return model if model.kind == "object" else None
    return None


#: Enum values spelled out in a type; a 20,000-value enum would fill every page.
_ENUM_SHOWN = 50


def _words(api: API, expr: TypeExpr, _seen: frozenset[str] = frozenset()) -> str:
    """A type in words: ``string``, ``array of string``, ``"live" or "test"``,
    ``object { id, allowed_ips, created_at, 8 more }``."""
    if isinstance(expr, ModelRef):
        alias = api.model(expr.model_id)
        if alias.kind == "alias" and alias.id in _seen:
            return alias.class_name  # a recursive alias (a JSON value type): name it
        if alias.kind == "alias":
            _seen = _seen | {alias.id}
    expr = _resolve(api, expr)
    if isinstance(expr, Primitive):
        return _WORDS[expr.kind]
    if isinstance(expr, EnumType):
        shown = [json.dumps(v, ensure_ascii=False) for v in expr.values[:_ENUM_SHOWN]]
        hidden = len(expr.values) - len(shown)
        return " or ".join(shown) + (f" or one of {hidden} more" if hidden > 0 else "")
    if isinstance(expr, ArrayType):
        return f"array of {_words(api, expr.items, _seen)}"
    if isinstance(expr, MapType):
        return f"map[{_words(api, expr.values, _seen)}]"
    if isinstance(expr, UnionType):
        return " or ".join(_words(api, v, _seen) for v in expr.variants)
    model = api.model(expr.model_id)
    names = [p.wire_name for p in model.properties]
    if not names:
        return "object" if not model.additional else f"map[{_words(api, model.additional)}]"
    shown = names if len(names) <= _MAX_NAMES else names[:_SHOWN_NAMES]
    more = [f"{len(names) - len(shown)} more"] if len(shown) < len(names) else []
    return "object { " + ", ".join(shown + more) + " }"


def _scalar(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _constraints(api: API, expr: TypeExpr) -> tuple[Constraint, ...]:
    """Validation rules in the reference pages' words (``format date-time``, ``maxLength 255``)."""
    expr = _resolve(api, expr)
    out: list[Constraint] = []
    if isinstance(expr, Primitive):
        if expr.format:
            out.append(Constraint("format", expr.format))
        out += _rules(expr.constraints)
    elif isinstance(expr, ArrayType):
        out += _rules(expr.constraints)
        item = _resolve(api, expr.items)
        if isinstance(item, Primitive):
            if item.format:
                out.append(Constraint("items format", item.format))
            out += [Constraint("items " + c.label, c.value) for c in _rules(item.constraints)]
    if getattr(expr, "nullable", False):
        out.append(Constraint("nullable"))
    return tuple(out)


def _rules(c: Constraints) -> list[Constraint]:
    pairs: list[tuple[str, Any]] = [
        ("minLength", c.min_length),
        ("maxLength", c.max_length),
        ("minimum", c.minimum),
        ("maximum", c.maximum),
        ("exclusiveMinimum", c.exclusive_minimum),
        ("exclusiveMaximum", c.exclusive_maximum),
        ("multipleOf", c.multiple_of),
        ("minItems", c.min_items),
        ("maxItems", c.max_items),
        ("pattern", c.pattern),
    ]
    out = [Constraint(label, _scalar(value)) for label, value in pairs if value is not None]
    if c.unique_items:
        out.append(Constraint("uniqueItems"))
    return out


def _notes(default: Any, deprecated: bool) -> tuple[Constraint, ...]:
    out = []
    if default is not None:
        out.append(Constraint("default", json.dumps(default.value, ensure_ascii=False)))
    if deprecated:
        out.append(Constraint("deprecated"))
    return tuple(out)


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
