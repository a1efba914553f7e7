"""Emit spec text safely into each output context.

Every string that comes from the document passes through one of these
before it reaches generated code or docs, so that nothing in a description
or a name can end a docstring, run code at import time, or inject markup.
"""

from __future__ import annotations

import functools
import html
import math
import re
import urllib.parse
from typing import Any

#: Control characters, Unicode line separators, and the bidirectional
#: overrides that can make generated code read differently from how it runs
#: ("Trojan Source").
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
    r"\u202a-\u202e\u2066-\u2069\ufeff]"
)
#: The escapes below are pure functions of their text, and large documents repeat the
#: same descriptions and names on many pages (a shared model's fields), so the most
#: recent results are kept.
_memo = functools.lru_cache(maxsize=1 << 15)
#: Half of a UTF-16 pair on its own (JSON can spell one); no file can hold it.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
#: A quote that would close a triple-quoted string: one followed by another
#: quote, or the last character.
_CLOSING_QUOTE = re.compile(r'"(?="|\Z)')


#: What :func:`clean` changes in ASCII text (a quick check for long text, such as examples).
_ASCII_UNCLEAN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean(text: str) -> str:
    """Normalise newlines, drop control characters, replace lone surrogates."""
    if text.isascii() and not _ASCII_UNCLEAN.search(text):
        return text
    text = _SURROGATE.sub("\ufffd", text)
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def py_docstring(text: str, indent: int | None = None) -> str:
    """Body of a triple-double-quoted string: backslashes and quotes defused.

    Backslashes are doubled (no escape sequence can form), and every quote
    that starts a run of quotes or ends the text is escaped, so no three
    unescaped quotes ever meet the closing ones.

    With ``indent`` (the columns of the statement the docstring is) the body
    is in black's normal form for a docstring, so black leaves it as it is:
    the first line and trailing whitespace stripped, continuation lines
    re-indented to ``indent`` (leading tabs count four columns), a space
    between a quote and the closing quotes, and the closing quotes on a line
    of their own when they would not fit after the last line. Without it the
    text is kept as it is, which is right for a string black does not take
    for a docstring (an attribute's: black never re-indents those).
    """
    body = clean(text).strip("\n")
    if indent is None:
        return _escape_docstring(body)
    if not body:
        return ""
    prefix = " " * indent
    lines = _expand_leading_tabs(body.split("\n"))
    body = lines[0].strip() if len(lines) == 1 else "\n".join(_trim(lines, prefix))
    if not body:
        return " "  # black keeps a blank docstring as one space
    body = _escape_docstring(body)
    if body[0] == '"':
        body = " " + body
    if body[-1] == '"':
        body += " "
    head, newline, last = body.rpartition("\n")
    if newline and len(last) + 3 > LINE_LENGTH and indent + 3 <= LINE_LENGTH:
        body += "\n" + prefix
    return body


#: Black's line length (the mode is in :mod:`generator.formatting`).
LINE_LENGTH = 100


def _escape_docstring(body: str) -> str:
    return _CLOSING_QUOTE.sub('\\\\"', body.replace("\\", "\\\\"))


def _expand_leading_tabs(lines: list[str]) -> list[str]:
    """Leading tabs as four columns, the way black reads a docstring's indentation."""
    out = []
    for line in lines:
        stripped = line.lstrip()
        if not stripped or stripped == line:
            out.append(line)
        else:
            out.append(line[: len(line) - len(stripped)].expandtabs(4) + stripped)
    return out


def _trim(lines: list[str], prefix: str) -> list[str]:
    """PEP 257 trimming re-indented to ``prefix``, blank lines emptied (as black does)."""
    margins = [len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()]
    trimmed = [lines[0].strip()]
    if not margins:
        return trimmed
    margin = min(margins)
    last = len(lines) - 2
    for i, line in enumerate(lines[1:]):
        rest = line[margin:].rstrip()
        trimmed.append(prefix + rest if rest or i == last else "")
    return trimmed


def py_docline(text: str) -> str:
    """Spec text placed inside one line of a docstring: on one line, no edge spaces, defused."""
    return _escape_docstring(" ".join(clean(text).split()))


def py_string(text: str) -> str:
    """A Python string literal, quoted as black quotes it.

    Double quotes unless they would need more escapes than single ones; every
    other character as :func:`repr` spells it, so nothing ends the literal or
    the line.
    """
    if '"' not in text:
        literal = repr(text)  # single-quoted unless the text has a single quote
        return literal if literal[0] == '"' else '"' + literal[1:-1] + '"'
    if "'" not in text:
        return repr(text)  # double quotes would need more escapes
    # Both quotes: black picks double quotes unless they need more escapes.
    if text.count('"') > text.count("'"):
        return repr(text)
    # Each piece holds no double quote, so its repr escapes no quote at all.
    return '"' + '\\"'.join(repr(piece)[1:-1] for piece in text.split('"')) + '"'


def py_number(value: int | float) -> str:
    """A finite number as black writes it (``1e20``, not ``1e+20``)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"not a number: {value!r}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{value!r} has no Python literal")
    mantissa, e, exponent = repr(value).partition("e")
    return f"{mantissa}e{exponent.lstrip('+')}" if e else mantissa


def py_comment(text: str) -> str:
    """One line of text safe after ``#``."""
    return " ".join(clean(text).split())


#: A Markdown link or link definition whose destination runs script
#: (browsers ignore whitespace inside a scheme, so it may be spread out).
_SCRIPT_LINK = re.compile(
    r"(\]\s*\(\s*<?|^[ \t]*\[[^\]\n]*\]:\s*<?)(?=(?:"
    + "|".join(r"\s*".join(scheme) for scheme in ("javascript", "vbscript", "data", "file"))
    + r")\s*:)",
    re.I | re.M,
)


def md_inline(text: str) -> str:
    """Spec text inside Markdown: HTML is escaped, Markdown formatting is kept,
    except links to ``javascript:`` and similar, whose brackets are escaped so
    they stay text."""
    escaped = html.escape(clean(text), quote=False)
    return _SCRIPT_LINK.sub(lambda m: m.group(1).replace("]", "\\]", 1), escaped)


@_memo
def html_text(text: str) -> str:
    """Text inside HTML elements or attribute values."""
    return html.escape(clean(text), quote=True)


@_memo
def html_code(text: str) -> str:
    """Text inside an element, never an attribute value (quotes stay as they are: a JSON
    example would otherwise grow by a third)."""
    return html.escape(clean(text), quote=False)


def toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped,
    everything else (emoji included) as itself."""
    out = []
    for char in text:
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        elif 0xD800 <= ord(char) <= 0xDFFF:  # a lone surrogate: not representable
            out.append("\\uFFFD")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def shell_arg(text: str) -> str:
    """One argument quoted for a POSIX shell, only when it needs quoting."""
    if text and re.fullmatch(r"[A-Za-z0-9_./:=@%+-]+", text):
        return text
    return "'" + text.replace("'", "'\"'\"'") + "'"


# --- Markdown ------------------------------------------------------------------

#: Characters that can start Markdown or HTML syntax anywhere in a line.
_MD_SPECIAL = re.compile(r"([\\`*\[\]|~#!])")
#: ``_`` only makes emphasis at a word's edge; escaping it inside words hurts readability.
_MD_EDGE_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
#: A line start that Markdown reads as a block (list item, quote, heading, rule).
_MD_BLOCK_START = re.compile(r"^(\s*)(\d*)([-+=>.)])")
#: Link destinations that must never become links, with any spacing or case.
_UNSAFE_SCHEME = r"<?\s*(?:j\s*a\s*v\s*a|v\s*b)\s*s\s*c\s*r\s*i\s*p\s*t|<?\s*d\s*a\s*t\s*a\s*:"
_UNSAFE_LINK = re.compile(r"\]\(\s*(?=" + _UNSAFE_SCHEME + ")", re.I)
#: A link reference definition (``[x]: javascript:...``) with such a destination.
_UNSAFE_DEFINITION = re.compile(r"^(\s{0,3})\[(?=[^\]]*\]:\s*(?:" + _UNSAFE_SCHEME + "))", re.I)
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})")
#: An ATX heading, also inside list items and block quotes (``- # x``, ``> # x``).
_ATX_HEADING = re.compile(
    r"^((?:[ \t]{0,3}(?:>[ \t]?|[*+-][ \t]+|\d{1,9}[.)][ \t]+))*[ \t]{0,3})(#{1,6})(?=[ \t]|$)"
)
#: ``===`` or ``---`` under a line of text would turn that line into a heading.
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")


@_memo
def md_text(text: str) -> str:
    """Plain spec text (a name, a summary, an enum value) on one line of Markdown.

    Nothing in it may format, link, start a block or end a table cell: newlines
    become spaces, HTML is escaped, Markdown punctuation is backslash-escaped.
    """
    line = " ".join(clean(text).split())
    line = html.escape(line, quote=False)
    line = _MD_SPECIAL.sub(r"\\\1", line)
    line = _MD_EDGE_UNDERSCORE.sub(r"\\_", line)
    return _MD_BLOCK_START.sub(r"\1\2\\\3", line)


@_memo
def md_block(text: str) -> str:
    """A spec description as Markdown: its formatting is kept, but it cannot break the page.

    HTML is escaped (outside code, where it would show as entities), links to
    ``javascript:``/``data:`` URLs are defused, headings are demoted below the
    page's own, and a code fence left open is closed so it cannot swallow the
    rest of the page.
    """
    out: list[str] = []
    fence: str | None = None
    for line in clean(text).strip("\n").split("\n"):
        match = _FENCE.match(line)
        if fence is not None:
            out.append(line)
            if match and match.group(2)[0] == fence[0] and len(match.group(2)) >= len(fence):
                if not line[match.end() :].strip():
                    fence = None
            continue
        if match and not (match.group(2)[0] == "`" and "`" in line[match.end() :]):
            fence = match.group(2)
            out.append(line)
            continue
        heading = _ATX_HEADING.match(line)
        if heading:
            # Demoted below the page's own headings (h4 and down), like the HTML.
            level = min(6, len(heading.group(2)) + 3)
            line = heading.group(1) + "#" * level + line[heading.end(2) :]
        elif _SETEXT_UNDERLINE.match(line) and out and out[-1].strip():
            line = line.replace(line.lstrip()[0], "\\" + line.lstrip()[0], 1)
        out.append(_md_escape_outside_code(line))
    if fence is not None:
        out.append(fence)
    return "\n".join(out)


def _md_escape_outside_code(line: str) -> str:
    if "`" not in line:
        return _md_escape_prose(line)
    parts: list[str] = []
    pos = 0
    for match in _BACKTICKS.finditer(line):
        if match.start() < pos:
            continue
        ticks = match.group(0)
        end = re.search(rf"(?<!`){ticks}(?!`)", line[match.end() :])
        if end is None:
            continue
        close = match.end() + end.end()
        parts.append(_md_escape_prose(line[pos : match.start()]))
        parts.append(line[match.start() : close])
        pos = close
    parts.append(_md_escape_prose(line[pos:]))
    return "".join(parts)


_BACKTICKS = re.compile(r"`+")
#: What prose needs escaping for: HTML, or the bracket of a link.
_PROSE_SPECIAL = re.compile(r"[&<>\[]")


def _md_escape_prose(text: str) -> str:
    if not _PROSE_SPECIAL.search(text):
        return text
    text = _UNSAFE_DEFINITION.sub(r"\1\\[", html.escape(text, quote=False))
    return _UNSAFE_LINK.sub("]\\(", text)


@_memo
def md_code(text: str) -> str:
    """Text inside a Markdown code span (on one line, so it cannot break a list or table)."""
    text = " ".join(clean(text).split("\n"))
    ticks = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    # CommonMark strips one space from each end when both ends have one.
    edge_space = text.startswith(" ") and text.endswith(" ") and text.strip() != ""
    pad = " " if text.startswith("`") or text.endswith("`") or edge_space else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def md_cell(markdown: str) -> str:
    """Already-escaped Markdown made safe inside a table cell (pipes, even in code spans)."""
    return re.sub(r"(?<!\\)\|", r"\\|", markdown)


def md_fence(text: str, info: str = "") -> str:
    """A fenced code block holding ``text`` verbatim, whatever backticks it contains."""
    longest = max((len(m) for m in re.findall(r"`{3,}", text)), default=0) if "```" in text else 0
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{clean(text)}\n{fence}"


# --- HTML from Markdown ------------------------------------------------------------

_SAFE_LINK = re.compile(r"^(https?:|mailto:)", re.I)


@_memo
def html_markdown(text: str) -> str:
    """A spec description rendered from CommonMark to HTML, safely.

    Raw HTML in the text is escaped, never passed through; images are not
    rendered (a docs page must load nothing from the network); only
    ``http(s):``/``mailto:`` links become links; headings are demoted below
    the page's own (h4 and down).
    """
    text = clean(text)
    plain = _simple_markdown(text)
    return plain if plain is not None else _render_markdown(text)


def _render_markdown(text: str) -> str:
    md = _markdown()
    tokens = md.parse(text)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1:]) + 3)}"
    html_text = str(md.renderer.render(tokens, md.options, {})).strip("\n")
    # markdown-it keeps a link whose target it refused (or an empty one) with an empty
    # href, a link back to the page itself: show its text alone instead.
    return _EMPTY_LINK.sub(r"\1", html_text)


_EMPTY_LINK = re.compile(r'<a href="">(.*?)</a>', re.S)


#: No character that can start inline syntax (code, emphasis, links, HTML, entities,
#: escapes) or change how a line ends (tabs).
_PLAIN_LINE = re.compile(r"[^\\`*_\[\]<>&\t]*")
#: The inline syntax the fast path writes itself: a code span of one backtick; a link
#: with plain text to an http(s) URL; strong emphasis, and emphasis, between a space
#: (or the line's start) and a space, punctuation or the line's end; brackets of a word
#: that are no link (no reference can be defined: a definition's line is never simple);
#: a link to a relative URL, which stays text; and an underscore (inside a word, text).
_SIMPLE_INLINE = re.compile(
    r"(?<!`)`([^`]+)`(?!`)"
    r"|\[([^\\`*_\[\]<>&\t]+)\]\((https?://[A-Za-z0-9\-._~:/?#@!$+,;=%]+)\)"
    r"|(?<![^ ])\*\*(?=[A-Za-z0-9`])([^*]*[^* ])\*\*(?=$|[ .,:;!?)])"
    r"|(?<![^ ])([*_])(?=[A-Za-z0-9`])([^*_]*[A-Za-z0-9`])\5(?=$|[ .,:;!?)])"
    r"|\[([A-Za-z0-9!]+)\](?![(\[:])"
    r"|(\[[^\\`*_\[\]<>&\t]+\]\(/[A-Za-z0-9\-.~:/?#@!$+,;=%]*\))"
    r"|_"
)
#: A list item the fast path writes itself: a bullet, one space, the item's text.
_BULLETS = ("- ", "* ", "+ ")


def _simple_markdown(text: str) -> str | None:
    """The HTML of ``text`` without the parser when its Markdown is simple (most
    descriptions): paragraphs, block quotes, and tight bullet lists of one-line items,
    each ended by a blank line, with the inline syntax of :func:`_simple_inline`. No line
    can open any other block: each starts with a letter, a code span, a link, strong
    text, ``>`` or a bullet. ``None`` for anything else, which the parser renders."""
    return _simple_blocks(text.strip("\n").split("\n"))


def _simple_blocks(lines: list[str]) -> str | None:
    out: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if not line:
            i += 1
            continue
        j = i
        if line[0] == ">":
            inner = []
            while j < n and lines[j].startswith(">"):
                rest = lines[j][1:]
                inner.append(rest[1:] if rest.startswith(" ") else rest)
                j += 1
            body = _simple_blocks(inner)
            if not body:
                return None
            block = f"<blockquote>\n{body}\n</blockquote>"
        elif line[:2] in _BULLETS:
            items = []
            while j < n and lines[j][:2] == line[:2]:
                item = _simple_line(lines[j][2:])
                if item is None:
                    return None
                items.append(f"<li>{item}</li>\n")
                j += 1
            k = j
            while k < n and not lines[k]:
                k += 1
            if k < n and k > j and lines[k][:2] == line[:2]:
                return None  # the same list goes on after a blank line: a loose list
            block = "<ul>\n" + "".join(items) + "</ul>"
        else:
            paragraph = []
            while j < n and lines[j] and lines[j][0] != ">" and lines[j][:2] not in _BULLETS:
                html_line = _simple_line(lines[j])
                if html_line is None:
                    return None
                paragraph.append(html_line)
                j += 1
            block = "<p>" + "\n".join(paragraph) + "</p>"
        if j < n and lines[j] and (line[0] == ">" or line[:2] in _BULLETS):
            return None  # a line right after a quote or a list would continue it
        out.append(block)
        i = j
    return "\n".join(out)


def _simple_line(line: str) -> str | None:
    if not line or line != line.strip():
        return None
    # Strong text may open a line too: "**" and a letter is no list item or rule.
    if not (line[0].isalpha() or line[0] in "`[" or line.startswith("**") and line[2:3].isalnum()):
        return None
    return _simple_inline(line)


def _md_attr(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _simple_inline(line: str) -> str | None:
    out: list[str] = []
    pos = 0
    for match in _SIMPLE_INLINE.finditer(line):
        before = line[pos : match.start()]
        if not _PLAIN_LINE.fullmatch(before):
            return None
        out.append(before.replace('"', "&quot;"))
        code, label, url, strong, mark, emphasis, word, relative = match.groups()
        start, end = match.start(), match.end()
        if code is not None:
            # CommonMark trims one space off each end of a code span; keep clear of that.
            if code[0] == " " or code[-1] == " ":
                return None
            out.append(f"<code>{_md_attr(code)}</code>")
        elif label is not None:
            if start and line[start - 1] == "!":
                return None  # what an image would be
            href = _md_attr(_normalize_link(url))
            out.append(f'<a href="{href}">{label.replace(chr(34), "&quot;")}</a>')
        elif strong is not None:
            inner = _simple_inline(strong)
            if inner is None:
                return None
            out.append(f"<strong>{inner}</strong>")
        elif emphasis is not None:
            inner = _simple_inline(emphasis)
            if inner is None:
                return None
            out.append(f"<em>{inner}</em>")
        elif word is not None:
            out.append(f"[{word}]")
        elif relative is not None:
            out.append(relative.replace('"', "&quot;"))  # no link: only http(s) URLs are
        elif not (
            0 < start and end < len(line) and line[start - 1].isalnum() and line[end].isalnum()
        ):
            return None  # an underscore that could start or end emphasis
        else:
            out.append("_")
        pos = end
    rest = line[pos:]
    if not _PLAIN_LINE.fullmatch(rest):
        return None
    out.append(rest.replace('"', "&quot;"))
    return "".join(out)


@_memo
def _normalize_link(url: str) -> str:
    return str(_markdown().normalizeLink(url))


@functools.cache
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable("image")
    # markdown-it's documented hook for link policy is replacing this method.
    md.validateLink = lambda url: bool(_SAFE_LINK.match(url.strip()))  # type: ignore[method-assign]
    return md


# --- shell ---------------------------------------------------------------------------


def shell_dq(text: str) -> str:
    """Text for inside a double-quoted shell word, where ``$VAR`` is meant to expand elsewhere."""
    return re.sub(r'([\\"$`])', r"\\\1", clean(text).replace("\n", " "))


@_memo
def url_path(text: str) -> str:
    """A relative URL for a generated file path (each segment percent-encoded)."""
    return "/".join(urllib.parse.quote(part, safe="") for part in text.split("/"))
