"""Field lists in HTML, written in Python (a template call per field was too slow)."""

from __future__ import annotations

import re
import urllib.parse

from ... import escape
from .views import FieldDoc

#: An id that needs no escaping in an attribute or a URL fragment.
_PLAIN = re.compile(r"[A-Za-z0-9._-]+")
_SPACE = re.compile(r"\s")


def html_fields(fields: tuple[FieldDoc, ...], root: str, prefix: str = "field") -> str:
    """A field list in HTML: nested objects fold with ``<details>`` (closed, so a long
    response reads as its top-level fields; no script needed to open one). Every entry has
    an id, ``prefix`` and its dotted path (``returns.key_details.id``), and a link to it;
    ``root`` leads from the page back up to the language's folder (for type links)."""
    html = escape.html_text
    out: list[str] = []

    def walk(items: tuple[FieldDoc, ...], path: str) -> None:
        out.append('<ul class="fields">\n')
        for f in items:
            here = f"{path}.{f.name}"
            if _PLAIN.fullmatch(here):
                anchor = href = here
            else:
                # Ids hold any character but whitespace; the link percent-encodes the rest.
                anchor = _SPACE.sub("_", here)
                href = urllib.parse.quote(anchor, safe="")
            optional = '<span class="optional">optional</span> ' if f.optional else ""
            preview = f' <span class="preview">{html(f.preview)}</span>' if f.preview else ""
            sig = (
                f'<span class="sig"><code class="name">{html(f.name)}</code>: {optional}'
                f'<span class="type">{html(f.type_words)}</span>{preview}</span>'
            )
            # The link sits beside the summary, not in it: a link inside the control
            # that folds the entry would be a control inside a control.
            out.append(
                f'<li class="field" id="{html(anchor)}">'
                f'<a class="anchor" href="#{href}" aria-label="Link to {html(f.name)}">#</a>\n'
            )
            out.append(f"<details>\n<summary>{sig}</summary>\n" if f.children else f"{sig}\n")
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
                link_href = root + escape.url_path(f"{f.link}.html")
                link = f'<a href="{link_href}"><code>{html(f.link_name)}</code></a>'
                out.append(f'<p class="see">See {link} for its fields.</p>\n')
            if f.children:
                walk(f.children, here)
                out.append("</details>\n")
            out.append("</li>\n")
        out.append("</ul>\n")

    walk(fields, prefix)
    return "".join(out)
