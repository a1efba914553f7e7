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

from .examples import _py_lines, _py_literal, json_pretty, response_example_json
from .fields import INLINE_FIELDS, shared_models
from .html import html_fields
from .markdown import markdown_fields
from .navigation import NAV_METHODS, nav_doc
from .pages import render_docs, resource_docs, site_docs
from .views import (
    LANGS,
    TYPES_ANCHOR,
    AuthDoc,
    Constraint,
    FieldDoc,
    Lang,
    LangView,
    NavDoc,
    PageDoc,
    ParamGroup,
    ResourceDoc,
    ResponseExample,
    ReturnsDoc,
    SiteDoc,
    TypeDoc,
)

__all__ = [
    "LANGS",
    "Lang",
    "LangView",
    "ParamGroup",
    "ResponseExample",
    "INLINE_FIELDS",
    "NAV_METHODS",
    "TYPES_ANCHOR",
    "AuthDoc",
    "Constraint",
    "FieldDoc",
    "NavDoc",
    "PageDoc",
    "ResourceDoc",
    "ReturnsDoc",
    "SiteDoc",
    "TypeDoc",
    "_py_lines",
    "_py_literal",
    "html_fields",
    "json_pretty",
    "markdown_fields",
    "nav_doc",
    "render_docs",
    "resource_docs",
    "response_example_json",
    "shared_models",
    "site_docs",
]
