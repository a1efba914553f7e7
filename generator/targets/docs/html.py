"""Field lists in HTML, written in Python (a template call per field was too slow)."""

from __future__ import annotations

from ... import escape
from .views import (
    FieldDoc,
)


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
