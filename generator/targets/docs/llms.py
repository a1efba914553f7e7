"""``llms.txt`` and ``llms-full.txt`` at the docs root, for tools and language models.

``llms.txt`` follows the llms.txt convention: the API's title, a summary, then links
to every Markdown page, by language. ``llms-full.txt`` is the HTTP reference in full
(every operation page, then every type page) in one file, the language-neutral view.
"""

from __future__ import annotations

from ... import escape
from ...model import API
from .views import LANGS, SiteDoc


def llms_files(api: API, site: SiteDoc, files: dict[str, str]) -> dict[str, str]:
    """``llms.txt`` and ``llms-full.txt``; ``files`` holds the HTTP Markdown pages already."""
    title = escape.md_text(api.names.title)
    lines = [f"# {title} API reference", ""]
    summary = " ".join((api.description or "").split())
    lines += [f"> {escape.md_text(summary)}" if summary else f"> The {title} API.", ""]
    lines.append(
        "Every operation is documented once per language: the command-line tool (cli), "
        "the Python SDK (python) and HTTP with curl (http). Base URL: "
        f"{escape.md_code(api.base_url)}."
    )
    for lang in LANGS:
        lines += ["", f"## {lang.label}", ""]
        lines.append(f"- [Index]({lang.key}/index.md): every resource, operation and type")
        for group in site.groups:
            for page in group.pages:
                href = escape.url_path(page.md_path(lang.key))
                lines.append(f"- [{escape.md_text(page.title)}]({href})")
    full = [files[page.md_path("http")] for group in site.groups for page in group.pages]
    full += [files[t.md_path("http")] for t in site.types]
    return {
        "llms.txt": "\n".join(lines) + "\n",
        "llms-full.txt": "\n\n".join(text.rstrip("\n") for text in full) + "\n",
    }
