"""Every page's view, and the rendering of the whole site.

The site exists once per language (:data:`LANGS`): each operation and shared type
has a page in each, built from one :class:`PageDoc`. The field lists a
language shares with another (the CLI's and HTTP's response fields are the same)
are rendered once and reused.
"""

from __future__ import annotations

import dataclasses
import gc
from typing import Any

from ... import escape, naming
from ...model import (
    API,
    Operation,
    ParamLocation,
    Primitive,
    Resource,
)
from ...render import render
from ..python_types import Annotator
from ..sdk import _returns as _sdk_returns
from . import assets, llms, search
from .examples import (
    _cli_example,
    _curl_example,
    _python_example,
    response_example_json,
    response_json,
)
from .fields import _cli_params, _Fields, shared_models
from .highlight import Highlighter
from .html import html_fields
from .markdown import markdown_fields
from .navigation import Sidebar, nav_doc
from .views import (
    LANGS,
    TYPES_ANCHOR,
    AuthDoc,
    FieldDoc,
    Lang,
    PageDoc,
    ParamGroup,
    ResourceDoc,
    ResponseExample,
    ReturnsDoc,
    SiteDoc,
)
from .words import (
    _notes,
    _words,
)

#: Where the site's own scripts, styles and search index live, under ``docs/html/``.
STATIC = "_static"


def prepare_docs(api: API) -> None:
    """Build what every part of the site is rendered from (the pages' views), so that
    processes forked after this share it instead of each building it again."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        _built(api)
    finally:
        if collecting:
            gc.enable()


def render_docs(api: API, part: str | None = None) -> dict[str, str]:
    """Every docs file, keyed by path under ``docs/``; or those of one of :data:`PARTS`
    (together, the parts are every file), so two processes can share the site."""
    # The model of a large API is millions of objects, and each full collection walks
    # them all; rendering allocates enough to run several (a third of the time on
    # GitHub's description) while making no garbage worth collecting before it ends.
    collecting = gc.isenabled()
    gc.disable()
    try:
        if part is None:
            return _render_docs(_Built(api), tuple(LANGS), shared=True)
        langs, shared = PARTS[part]
        chosen = tuple(x for x in LANGS if x.key in langs)
        return _render_docs(_built(api), chosen, shared=shared)
    finally:
        if collecting:
            gc.enable()


#: The site in two parts of about the same work, by language: the second holds the
#: files every language shares (the home page, script, stylesheet, search index and
#: llms files; llms-full.txt is made of the HTTP pages).
PARTS: dict[str, tuple[tuple[str, ...], bool]] = {
    "cli+python": (("cli", "python"), False),
    "http": (("http",), True),
}


class _SharedFields:
    """``html_fields`` for the templates, each list rendered once per place it is shown
    from (a list the CLI and HTTP pages share is not rendered twice)."""

    def __init__(self) -> None:
        self._done: dict[tuple[int, str, str], str] = {}

    def __call__(self, fields: tuple[FieldDoc, ...], root: str, prefix: str = "field") -> str:
        key = (id(fields), root, prefix)
        text = self._done.get(key)
        if text is None:
            text = self._done[key] = html_fields(fields, root, prefix)
        return text


class _SharedMarkdown:
    """``markdown_fields`` for the templates, each list written once per folder depth."""

    def __init__(self) -> None:
        self._done: dict[tuple[int, str], str] = {}

    def __call__(self, fields: tuple[FieldDoc, ...], root: str) -> str:
        key = (id(fields), root)
        text = self._done.get(key)
        if text is None:
            text = self._done[key] = markdown_fields(fields, root)
        return text


class _Built:
    """What every part of the site is rendered from: the pages' views and the caches of
    what the parts share (field lists, highlighted code). A process that renders both
    parts (the forked one, usually) builds them once, not once per part."""

    def __init__(self, api: API) -> None:
        self.api = api
        self.site = site_docs(api)
        self.highlight = Highlighter()
        self.markdown_fields = _SharedMarkdown()
        self.html_fields = _SharedFields()


#: The last API whose site was rendered in parts in this process (or prepared before
#: a fork) and what was built from it, for the other part. The model is frozen, so
#: what was built from it stays right for as long as it lives.
_LAST: list[_Built] = []


def _built(api: API) -> _Built:
    """What ``api``'s parts are rendered from: built on the first part, reused after."""
    if _LAST and _LAST[0].api is api:
        return _LAST[0]
    built = _Built(api)
    _LAST[:] = [built]
    return built


def _render_docs(built: _Built, langs: tuple[Lang, ...], *, shared: bool) -> dict[str, str]:
    api = built.api
    site = built.site
    hl = built.highlight
    pages = [page for group in site.groups for page in group.pages]
    ctx: dict[str, Any] = {
        "api": api,
        "groups": site.groups,
        "types_anchor": TYPES_ANCHOR,
        "auth": _auth(api),
        "langs": LANGS,
        "markdown_fields": built.markdown_fields,
        "html_fields": built.html_fields,
        "highlight": hl,
        "static": STATIC,
    }
    files: dict[str, str] = {}
    if shared:
        files["api.md"] = render("docs", "api.md.j2", **ctx, types=site.types)
        files["html/index.html"] = render(
            "docs",
            "home.html.j2",
            **ctx,
            types=site.types,
            lang=None,
            root="",
            lroot="",
            markdown=files["api.md"],
            md_href="../api.md",
            page=None,
            nav=None,
        )
    for lang in langs:
        types = site.python_types if lang.key == "python" else site.types
        sidebar = Sidebar(site.groups, TYPES_ANCHOR, bool(types), python=lang.key == "python")
        lctx = {**ctx, "lang": lang, "types": types, "sidebar": sidebar}
        index_md = render("docs", "index.md.j2", **lctx, lroot="")
        files[f"{lang.key}/index.md"] = index_md
        files[f"html/{lang.key}/index.html"] = render(
            "docs",
            "index.html.j2",
            **lctx,
            page=None,
            nav=None,
            root="../",
            lroot="",
            markdown=index_md,
            md_href="../../" + f"{lang.key}/index.md",
            crumbs=(),
        )
        number = 0
        for group in site.groups:
            for i, page in enumerate(group.pages):
                view = page.view(lang)
                lroot = page.root
                md = render("docs", "operation.md.j2", **lctx, page=page, view=view)
                files[page.md_path(lang.key)] = md
                files[page.html_path(lang.key)] = render(
                    "docs",
                    "operation.html.j2",
                    **lctx,
                    page=page,
                    view=view,
                    nav=nav_doc(group, i),
                    root=lroot + "../",
                    lroot=lroot,
                    markdown=md,
                    md_href=lroot + "../../" + escape.url_path(page.md_path(lang.key)),
                    prev=pages[number - 1] if number else None,
                    next=pages[number + 1] if number + 1 < len(pages) else None,
                )
                number += 1
        for type_doc in types:
            md = render("docs", "type.md.j2", **lctx, page=type_doc)
            files[type_doc.md_path(lang.key)] = md
            lroot = type_doc.root
            files[type_doc.html_path(lang.key)] = render(
                "docs",
                "type.html.j2",
                **lctx,
                page=type_doc,
                nav=None,
                root=lroot + "../",
                lroot=lroot,
                markdown=md,
                md_href=lroot + "../../" + escape.url_path(type_doc.md_path(lang.key)),
            )
    if shared:
        files[f"html/{STATIC}/site.css"] = assets.stylesheet(hl)
        files[f"html/{STATIC}/site.js"] = assets.script()
        files[f"html/{STATIC}/search-index.js"] = search.index_script(site)
        files.update(llms.llms_files(api, site, files))
    return files


def site_docs(api: API) -> SiteDoc:
    """Every page's view: the resources' operation pages, then the shared types' pages."""
    shared = shared_models(api)
    fields = _Fields(api, shared=shared)
    py_fields = _Fields(api, python=True, shared=shared)
    ann = Annotator(api, ("docs",))
    anchors = naming.Namer(sep="-")
    groups = []
    for resource in api.all_resources():
        if not resource.operations:
            continue
        pages = tuple(
            _page(api, fields, py_fields, ann, resource, op) for op in resource.operations
        )
        anchor = anchors.claim("resource-" + (naming.kebab(resource.docs_dir) or "api"))
        groups.append(ResourceDoc(resource, anchor, pages))
    words_ids, py_ids = tuple(fields.linked), tuple(py_fields.linked)
    return SiteDoc(tuple(groups), fields.type_docs(py_ids), py_fields.type_docs(words_ids))


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


def _page(
    api: API,
    fields: _Fields,
    py_fields: _Fields,
    ann: Annotator,
    resource: Resource,
    op: Operation,
) -> PageDoc:
    command = f"{api.names.cli_binary} {resource.cli_path} {op.cli_name}"
    stem = f"{resource.docs_dir}/{op.cli_name}"
    returns = _returns(api, fields, op, op.docs_type_name, "cli")
    # The SDK's own return annotation (``APIKeyCreateResponse``, ``SyncPage[Item]``).
    py_name = _sdk_returns(api, op, ann).sync_returns
    py_returns = _returns(api, py_fields, op, py_name if py_name != "None" else "", "python")
    status = op.response.status + (
        f" {op.response.content_type}" if op.response.content_type else ""
    )
    http_returns = dataclasses.replace(
        returns,
        name=status if returns.name else "",
        pagination=_pagination_text(op, "http"),
    )
    return PageDoc(
        resource=resource,
        op=op,
        stem=stem,
        href=escape.url_path(f"{stem}.html"),
        title=op.summary or f"{op.http_method.upper()} {op.path}",
        cli_command=command,
        verb=op.http_method.upper(),
        params=tuple(_param_docs(fields, op)),
        returns=returns,
        cli_example=_cli_example(api, command, op),
        python_example=_python_example(api, resource, op),
        curl_example=_curl_example(api, op),
        response_example=response_example_json(api, op, fields.examples),
        python_call=f"client.{'.'.join(resource.path)}.{op.py_name}",
        python_params=tuple(_python_params(py_fields, op)),
        python_returns=py_returns,
        http_params=tuple(_http_params(fields, op)),
        http_returns=http_returns,
        responses=tuple(_responses(api, op, fields)),
    )


def _responses(api: API, op: Operation, fields: _Fields) -> list[ResponseExample]:
    """One example per documented status that has a body: the operation's own response
    first, then its other successes and its errors."""
    out = []
    primary = response_example_json(api, op, fields.examples)
    if primary is not None:
        out.append(ResponseExample(op.response.status, op.response.description or "", primary))
    for response in (*op.other_responses, *op.error_responses):
        text = response_json(api, response, fields.examples)
        if text is not None:
            out.append(ResponseExample(response.status, response.description or "", text))
    return out


def _python_params(fields: _Fields, op: Operation) -> list[FieldDoc]:
    """The SDK method's arguments, in its signature's order: path parameters, then the
    required keywords, then the optional ones (a whole body is one argument)."""
    whole = op.body is not None and not op.body.flattened
    rest = [
        p for p in op.parameters if p.location != "path" and not (whole and p.location == "body")
    ]
    ordered = [
        *op.path_params,
        *(p for p in rest if p.required),
        *(p for p in rest if not p.required),
    ]
    docs = [
        fields.field(
            p.py_name,
            p.type,
            optional=not p.required,
            description=p.description,
            request=True,
            extra=_notes(p.default, p.deprecated),
        )
        for p in ordered
    ]
    body = op.body
    if whole and body is not None and body.type is not None:
        docs.append(
            fields.field(
                body.py_name,
                body.type,
                optional=not body.required,
                description=body.description or f"The request body ({body.content_type}).",
                request=True,
            )
        )
    return docs


_HTTP_GROUPS: tuple[tuple[ParamLocation, str], ...] = (
    ("path", "Path parameters"),
    ("query", "Query parameters"),
    ("header", "Headers"),
    ("cookie", "Cookies"),
)


def _http_params(fields: _Fields, op: Operation) -> list[ParamGroup]:
    """The request as sent: parameters by where they go, by their wire names, then the
    body's fields."""
    groups = []
    for location, heading in _HTTP_GROUPS:
        listed = tuple(
            fields.field(
                p.wire_name,
                p.type,
                optional=not p.required,
                description=p.description,
                request=True,
                extra=_notes(p.default, p.deprecated),
            )
            for p in op.params_in(location)
        )
        if listed:
            groups.append(ParamGroup(heading, listed))
    body = op.body
    if body is None:
        return groups
    heading = f"Body ({body.content_type})"
    if body.flattened:
        listed = tuple(
            fields.field(
                p.wire_name,
                p.type,
                optional=not p.required,
                description=p.description,
                request=True,
                extra=_notes(p.default, p.deprecated),
            )
            for p in op.params_in("body")
        )
    else:
        expr = body.type if body.type is not None else Primitive("string")
        listed = (
            fields.field(
                "body",
                expr,
                optional=not body.required,
                description=body.description,
                request=True,
            ),
        )
    if listed:
        groups.append(ParamGroup(heading, listed))
    return groups


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


def _returns(api: API, fields: _Fields, op: Operation, name: str, lang: str) -> ReturnsDoc:
    response = op.response
    status = f"HTTP {response.status}" + (
        f": {response.description}" if response.description else ""
    )
    paging = _pagination_text(op, lang)
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
        name=name,
        type_words=_words(api, expr),
        fields=listed,
        note="" if response.kind == "json" else f"Text ({response.content_type}).",
        pagination=paging,
        link=link[0],
        link_name=link[1],
    )


def _pagination_text(op: Operation, lang: str) -> str:
    pg = op.pagination
    if pg is None:
        return ""
    # Markdown, with every name from the spec in a code span (rendered for both outputs).
    code = escape.md_code
    # Each language names the parameter that turns the page its own way.
    flags = {
        p.wire_name: {"cli": f"--{p.cli_flag}", "python": p.py_name}.get(lang, p.wire_name)
        for p in op.parameters
        if p.location == "query"
    }
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
