"""Field lists in Markdown, written in Python (a template call per field was too slow)."""

from __future__ import annotations

from ... import escape
from .views import (
    FieldDoc,
)

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
