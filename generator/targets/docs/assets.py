"""The site's own stylesheet and script, shared by every page (``docs/html/_static/``).

Being files rather than inline, they are allowed by the pages' policy
(``script-src 'self'``, no ``unsafe-inline``) and written once, not on every page.
"""

from __future__ import annotations

from functools import cache

from ...render import TEMPLATES
from .highlight import Highlighter

_STATIC = TEMPLATES / "docs" / "static"


@cache
def _read(name: str) -> str:
    return (_STATIC / name).read_text(encoding="utf-8")


def stylesheet(highlighter: Highlighter) -> str:
    """The site's CSS, with the highlighter's rules for code blocks."""
    return _read("site.css") + highlighter.stylesheet() + "\n"


def script() -> str:
    """The site's script (theme, language memory, copy, folding, tabs, search)."""
    return _read("site.js")
