"""Syntax highlighting of the site's code blocks, done at generation time.

Python goes through Pygments' lexer; the JSON and shell examples, which the docs
target writes itself in a fixed layout, through a one-pass tokenizer emitting the
same Pygments classes (Pygments took seconds for them on a large API).

The pages carry the highlighted HTML (spans with Pygments' short class names; in
JSON, ``b`` for keys and ``i`` for strings, which is a third of the size) and
the site's stylesheet the matching rules, so code reads highlighted with scripts
off and nothing is fetched. Every piece of text is escaped by Pygments' formatter.
"""

from __future__ import annotations

import re

# Pygments ships no type information.
from pygments import highlight as _highlight  # type: ignore[import-untyped]
from pygments.formatters import HtmlFormatter  # type: ignore[import-untyped]
from pygments.lexer import Lexer  # type: ignore[import-untyped]
from pygments.lexers import PythonLexer  # type: ignore[import-untyped]
from pygments.token import Token  # type: ignore[import-untyped]

from ... import escape

#: JSON's tokens: a string (a key when a colon follows), a number, a literal.
_JSON_TOKEN = re.compile(
    r'("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b'
)

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
        if lexer == "json":
            return _json(code)
        if lexer in ("sh", "console"):
            return _shell(code)
        made = self._lexer(lexer)
        if made is None:
            return escape.html_code(code)
        # The Python examples are written a line at a time with no construct spanning
        # lines (string literals are one-line reprs), so each line is lexed alone, and
        # the lines every example shares (the import, the client) only once.
        return "\n".join(self._line(line, made) for line in escape.clean(code).split("\n"))

    def _line(self, line: str, lexer: Lexer) -> str:
        key = (line, "python line")
        text = self._done.get(key)
        if text is None:
            made: str = _highlight(line, lexer, self._formatter)
            text = self._done[key] = made.removesuffix("\n")
        return text

    def _lexer(self, name: str) -> Lexer | None:
        if name != "python":
            return None
        made = self._lexers.get(name)
        if made is None:
            made = self._lexers[name] = PythonLexer(stripnl=False)
        return made

    def stylesheet(self) -> str:
        """The CSS rules of the highlighted spans, scoped to code blocks, and of the
        short elements the JSON examples mark keys (``b``) and strings (``i``) with."""
        rules = [str(self._formatter.get_style_defs(".hl"))]
        style = self._formatter.style
        for element, token in (("b", Token.Name.Tag), ("i", Token.Literal.String.Double)):
            color = style.style_for_token(token)["color"]
            paint = f"color: #{color}; " if color else ""
            rules.append(f".hl {element} {{ {paint}font-weight: inherit; font-style: inherit }}")
        return "\n".join(rules)


#: A shell word: a quoted string, a variable, a flag, a prompt or a line continuation.
_SHELL_TOKEN = re.compile(
    r"('(?:[^']|'\\'')*')|(\"(?:[^\"\\]|\\.)*\")|(\$[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?<![^\s])(--?[A-Za-z0-9][A-Za-z0-9-]*)|^(\$ )|(\\)$",
    re.MULTILINE,
)


def _shell(code: str) -> str:
    """A command line highlighted: strings, variables, flags, the prompt."""
    text = escape.clean(code)
    out: list[str] = []
    at = 0
    esc = escape.html_code
    kinds = ("s1", "s2", "nv", "na", "gp", "se")
    for match in _SHELL_TOKEN.finditer(text):
        if match.start() > at:
            out.append(esc(text[at : match.start()]))
        kind = kinds[match.lastindex - 1 if match.lastindex else 0]
        out.append(f'<span class="{kind}">{esc(match.group())}</span>')
        at = match.end()
    out.append(esc(text[at:]))
    return "".join(out)


def _json(code: str) -> str:
    """JSON highlighted with Pygments' class names, in one pass: the response examples
    are most of the site's code, and Pygments' own lexer and formatter took seconds
    on a large API for what a regular expression does here."""
    text = escape.clean(code)
    out: list[str] = []
    at = 0
    esc = escape.html_code
    for match in _JSON_TOKEN.finditer(text):
        start = match.start()
        if start > at:
            out.append(esc(text[at:start]))
        string, colon, number, literal = match.groups()
        if string is not None:
            # Keys and strings are most of the spans on a large site, so they get the
            # shortest markup that can carry a colour (see ``Highlighter.stylesheet``).
            if colon is not None:
                out.append(f"<b>{esc(string)}</b>{colon}")
            else:
                out.append(f"<i>{esc(string)}</i>")
        elif number is not None:
            out.append(f'<span class="m">{number}</span>')
        else:
            out.append(f'<span class="kc">{literal}</span>')
        at = match.end()
    out.append(esc(text[at:]))
    return "".join(out)
