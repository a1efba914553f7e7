"""The search index, built at generation time: operations, shared types and the names of
every parameter and property listed on their pages.

It is a script (``docs/html/_static/search-index.js``) that sets ``window.DOCS_SEARCH``,
loaded by a ``<script>`` element on the first search: ``fetch()`` of a JSON file fails
when the site is opened from ``file://``. Entries hold page stems; the page script
puts the reader's language in front of them. The size is linear in the API's: each
operation and type once, each name once with the numbers of the pages listing it.
"""

from __future__ import annotations

import json

from ... import escape
from .views import FieldDoc, PageDoc, SiteDoc


def _names(fields: tuple[FieldDoc, ...], out: set[str]) -> None:
    for f in fields:
        out.add(f.name.lstrip("-") if f.name.startswith("--") else f.name)
        _names(f.children, out)


def _page_names(page: PageDoc) -> set[str]:
    out: set[str] = set()
    for fields in (
        page.params,
        page.returns.fields,
        page.python_params,
        page.python_returns.fields,
    ):
        _names(fields, out)
    for group in page.http_params:
        _names(group.fields, out)
    return out


def index_data(site: SiteDoc) -> dict[str, list[list[object]]]:
    """``ops``: [stem, title, CLI command, Python call, HTTP verb and path]; ``types``:
    [stem, name]; ``props``: [name, operation numbers, type numbers]."""
    ops: list[list[object]] = []
    props: dict[str, tuple[list[int], list[int]]] = {}
    for group in site.groups:
        for page in group.pages:
            number = len(ops)
            ops.append(
                [
                    escape.url_path(page.stem),
                    page.title,
                    page.cli_command,
                    page.python_call,
                    f"{page.verb} {page.op.path}",
                ]
            )
            for name in sorted(_page_names(page)):
                props.setdefault(name, ([], []))[0].append(number)
    types: list[list[object]] = []
    for number, type_doc in enumerate(site.types):
        types.append([escape.url_path(type_doc.stem), type_doc.name])
        names: set[str] = set()
        _names(type_doc.fields, names)
        for name in sorted(names):
            props.setdefault(name, ([], []))[1].append(number)
    return {
        "ops": ops,
        "types": types,
        "props": [[name, found[0], found[1]] for name, found in sorted(props.items())],
    }


def index_script(site: SiteDoc) -> str:
    """The index as a script. ``<``, ``>`` and ``&`` are written as escapes so no spec
    text can end the script or open markup wherever it is read."""
    text = json.dumps(index_data(site), ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.DOCS_SEARCH={text};\n"
