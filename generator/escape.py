"""Emit spec text safely into each output context.

Every string that comes from the document passes through one of these
before it reaches generated code or docs, so that nothing in a description
or a name can end a docstring, run code at import time, or inject markup.
"""

from __future__ import annotations

import html
import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]")


def clean(text: str) -> str:
    """Normalise newlines and drop control characters."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def py_docstring(text: str) -> str:
    """Body of a triple-double-quoted docstring: backslashes and quotes defused."""
    body = clean(text).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if body.endswith('"'):
        body = body[:-1] + '\\"'
    return body.strip("\n")


def py_string(text: str) -> str:
    """A Python string literal (double-quoted where possible, as black prefers)."""
    literal = repr(text)
    if literal.startswith("'") and '"' not in text:
        literal = '"' + literal[1:-1].replace("\\'", "'") + '"'
    return literal


def py_comment(text: str) -> str:
    """One line of text safe after ``#``."""
    return " ".join(clean(text).split())


def md_inline(text: str) -> str:
    """Spec text inside Markdown: HTML is escaped, Markdown formatting is kept."""
    return html.escape(clean(text), quote=False)


def md_code(text: str) -> str:
    """Text inside a Markdown code span."""
    ticks = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{clean(text)}{pad}{ticks}"


def html_text(text: str) -> str:
    """Text inside HTML elements or attribute values."""
    return html.escape(clean(text), quote=True)


def shell_arg(text: str) -> str:
    """One argument quoted for a POSIX shell, only when it needs quoting."""
    if text and re.fullmatch(r"[A-Za-z0-9_./:=@%+-]+", text):
        return text
    return "'" + text.replace("'", "'\"'\"'") + "'"
