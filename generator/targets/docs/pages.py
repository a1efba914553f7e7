"""Every page's view, and the rendering of the whole site."""

from __future__ import annotations

import gc
from typing import Any

from ... import escape, naming
from ...model import (
    API,
    Operation,
    Primitive,
    Resource,
)
from ...render import render
from .examples import _cli_example, _curl_example, _python_example, response_example_json
from .fields import _cli_params, _Fields
from .html import html_fields
from .markdown import markdown_fields
from .navigation import nav_doc
from .views import (
    TYPES_ANCHOR,
    AuthDoc,
    FieldDoc,
    PageDoc,
    ResourceDoc,
    ReturnsDoc,
    SiteDoc,
)
from .words import (
    _notes,
    _words,
)


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
