"""Syntax highlighting of the site's code blocks, done at generation time with Pygments.

The pages carry the highlighted HTML (spans with Pygments' short class names) and
the site's stylesheet the matching rules, so code reads highlighted with scripts
off and nothing is fetched. Every piece of text is escaped by Pygments' formatter.
"""

from __future__ import annotations

# Pygments ships no type information.
from pygments import highlight as _highlight  # type: ignore[import-untyped]
from pygments.formatters import HtmlFormatter  # type: ignore[import-untyped]
from pygments.lexer import Lexer  # type: ignore[import-untyped]
from pygments.lexers import BashLexer, JsonLexer, PythonLexer  # type: ignore[import-untyped]

from ... import escape

#: The Pygments style of every code block (code blocks are dark in both themes).
STYLE = "github-dark"


class Highlighter:
    """Highlights code by lexer name (``sh``, ``console``, ``python``, ``json``); the same
    text is highlighted once (a response example shared by many pages, say)."""

    def __init__(self) -> None:
        self._formatter = HtmlFormatter(nowrap=True, style=STYLE)
        self._lexers: dict[str, Lexer] = {}
        self._done: dict[tuple[str, str], str] = {}

    def __call__(self, code: str, lexer: str) -> str:
        key = (code, lexer)
        text = self._done.get(key)
        if text is None:
            text = self._done[key] = self._highlight(code, lexer)
        return text

    def _highlight(self, code: str, lexer: str) -> str:
        made = self._lexer(lexer)
        if made is None:
            return escape.html_code(code)
        # Control characters are dropped as escape.html_code drops them.
        text: str = _highlight(escape.clean(code), made, self._formatter)
        return text.removesuffix("\n")

    def _lexer(self, name: str) -> Lexer | None:
        if name not in ("sh", "console", "python", "json"):
            return None
        made = self._lexers.get(name)
        if made is None:
            kinds = {"sh": BashLexer, "console": BashLexer, "python": PythonLexer}
            made = self._lexers[name] = kinds.get(name, JsonLexer)(stripnl=False)
        return made

    def stylesheet(self) -> str:
        """The CSS rules of the highlighted spans, scoped to code blocks."""
        return str(self._formatter.get_style_defs(".hl"))
