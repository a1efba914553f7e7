"""The docs target: ``OUT/docs`` (Markdown reference pages and a static HTML site).

Every operation gets a page in each language of the generated clients (CLI,
Python, HTTP; :data:`LANGS`), at ``docs/LANG/...`` and ``docs/html/LANG/...``,
laid out like the published reference pages: the summary as title, how the
language calls it (``$ boltz-api admin:api-keys create``,
``client.admin.api_keys.create(...)``, ``POST /path``), the description, the
parameters and the response's fields as that language names them (CLI flags,
the SDK's argument names and annotations, wire names by location) with their
constraints, an example request in that language and one example response per
documented status. Each language's ``index.md`` / ``index.html`` lists every
resource, method and shared type; ``llms.txt`` and ``llms-full.txt`` serve tools.

The site stays linear in the size of the API. A model used in more than one
place (a user object nested in hundreds of responses, say) gets one page of its
own under ``types/``, and a field of that type links there instead of listing
its fields again; the fields of a model used in one place only are listed
where it is used. An operation's own response type is listed on its page
unless it is shared and longer than :data:`INLINE_FIELDS`. A page's sidebar
shows at most a bounded window of resources and of its resource's methods
(:mod:`.navigation`); the index pages list everything. The search index is one
entry per operation, type and name (:mod:`.search`).

Modules: :mod:`.views` (what a page shows), :mod:`.pages` (building the views
from the model, rendering the site), :mod:`.fields` and :mod:`.words` (field
lists, types in words), :mod:`.examples` (example requests and responses),
:mod:`.markdown` and :mod:`.html` (field lists written in Python: a template
call per field was most of the rendering time on large APIs),
:mod:`.highlight`, :mod:`.navigation`, :mod:`.search`, :mod:`.assets`
(the shared script and stylesheet) and :mod:`.llms`. The templates under
``templates/docs`` decide how pages look; :mod:`generator.escape` (and
Pygments' formatter for highlighted code) makes every piece of spec text safe
where it lands.
"""

from .examples import _py_lines, _py_literal, json_pretty, response_example_json
from .fields import INLINE_FIELDS, shared_models
from .html import html_fields
from .markdown import markdown_fields
from .navigation import NAV_METHODS, nav_doc
from .pages import prepare_docs, render_docs, resource_docs, site_docs
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
    "prepare_docs",
    "render_docs",
    "resource_docs",
    "response_example_json",
    "shared_models",
    "site_docs",
]
