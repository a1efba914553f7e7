"""Lay out spec-dependent lines of generated Python the way black lays them out.

Templates write code whose shape depends on the document (a signature with
a long ``Literal[...]``, a dict of schemas, an import of many names) on one
line and mark it (:data:`MARK`, through the ``pystr`` and ``code`` filters).
After rendering, :func:`layout_marked` applies the one rule every Python
template shares to each marked line:

* the one-line form when it fits in :data:`LINE_LENGTH` columns, measured
  with black's own width function at the line's real indentation (and has
  no magic trailing comma);
* otherwise split at its last bracket pair the way black's right-hand split
  does: the contents on one line of their own when they fit there (calls and
  subscripts), else one item per line with a (magic) trailing comma, each
  item laid out by the same rule. Collection literals and imports go one
  item per line; an item holding a ``+``/``|`` chain splits before each
  operator; a parameter's long ``X | Omit`` annotation is parenthesised; a
  lone value after ``=``/``return`` that only fits on a line of its own is
  parenthesised.

Only shapes whose black layout is known are laid out. Any other line that
does not fit is left on one line, where the formatting stage notices it (it
is wider than the limit) and has black format that file. So this never has
to be complete, only right when it acts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Union

from .escape import LINE_LENGTH

#: Marks a rendered line for :func:`layout_marked`. Spec text cannot carry it
#: (:func:`generator.escape.clean` drops it, string literals escape it).
MARK = "\x1f"

_TOKEN = re.compile(
    r"""
    (?P<string>[rRbBuUfF]{0,2}(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'))
    |(?P<open>[(\[{])
    |(?P<close>[)\]}])
    |(?P<comma>,)
    |(?P<space>[ ]+)
    |(?P<word>[^\s"'()\[\]{},]+)
    """,
    re.X,
)
_CLOSERS = {"(": ")", "[": "]", "{": "}"}
#: Words black may split a line at (operators, and keywords inside expressions).
_DELIMITERS = frozenset(
    "+ - * / // % @ | & ^ << >> < > <= >= == != ** ~ "
    "if else or and not in is for lambda async".split()
)
#: Operators whose chains are laid out here (one operand per line).
_CHAIN_OPERATORS = frozenset({"+", "|", "or", "and"})
_KEYWORDS = frozenset("return await raise import from del assert yield".split()) | _DELIMITERS
_IMPORT = re.compile(r"^from (\S+) import \(?([^()#]*?),?\)?(  # .*)?$")
#: A comma before a closing bracket: a trailing comma black may keep exploded.
_TRAILING_COMMA = re.compile(r",\s*[)\]}]")
#: A parameter's ``name:`` (an item that starts with one is an annotation).
_PARAMETER = re.compile(r"[A-Za-z_]\w*:")
_NAME = re.compile(r"[A-Za-z_][\w.]*")
#: How a name or a string literal ends: brackets right after one are a call or subscript.
_OPERAND_END = re.compile(r"[\w\"']$")


@dataclass
class Group:
    """A bracket pair and the comma-separated items inside it."""

    open: str
    items: list[Item]
    trailing_comma: bool
    #: "call" or "subscript" (right after a name or another bracket), else
    #: "display" (a list, dict, set or tuple literal, or parentheses).
    kind: str

    @property
    def close(self) -> str:
        return _CLOSERS[self.open]

    @property
    def magic(self) -> bool:
        """A trailing comma black keeps exploded (not a one-tuple's or a lone subscript's)."""
        if not self.trailing_comma:
            return False
        if len(self.items) == 1:
            return not (self.kind == "subscript" or (self.kind == "display" and self.open == "("))
        return True


#: Tokens (words, string literals, single spaces) and bracket groups, in order.
Item = list[Union[str, Group]]


class _Unparsable(Exception):
    pass


_FIRST_WIDE_SYMBOL = "\u231a"
_HANGUL_JAMO = re.compile("[\u1100-\u115f]")


def width(line: str) -> int:
    """Columns a line takes, as black counts them (East Asian wide characters are two)."""
    if line.isascii():
        return len(line)
    # Below U+231A only the Hangul leading jamo are wide (black's width table),
    # which covers Latin, Greek, Cyrillic and most punctuation without black:
    # it costs a quarter of a second to import, and most runs format no file.
    if max(line) < _FIRST_WIDE_SYMBOL and not _HANGUL_JAMO.search(line):
        return len(line)
    from black.strings import str_width

    return int(str_width(line))


def fits(indent: int, text: str) -> bool:
    """Whether ``text`` fits on a line after ``indent`` columns."""
    return indent + width(text) <= LINE_LENGTH


def tuple_literal(items: list[str]) -> str:
    """A tuple display of ``items`` (Python source), as black writes one on one line."""
    if len(items) == 1:
        return f"({items[0]},)"
    return "(" + ", ".join(items) + ")"


def layout_marked(text: str) -> str:
    """Lay out every line of ``text`` that holds :data:`MARK`, and drop the marks."""
    if MARK not in text:
        return text
    return "\n".join(
        layout_line(line.replace(MARK, "")) if MARK in line else line for line in text.split("\n")
    )


def layout_line(line: str) -> str:
    """One physical line of code laid out as black would (possibly as several lines).

    A line ending in a comma is an item inside brackets (a template's
    exploded call, signature or literal); any other, a statement.
    """
    code = line.lstrip(" ")
    indent = len(line) - len(code)
    if not code or (fits(indent, code) and not _TRAILING_COMMA.search(code)):
        return line
    try:
        return "\n".join(_statement(code, indent))
    except _Unparsable:
        return line


def _statement(code: str, indent: int) -> list[str]:
    pad = " " * indent
    match = _IMPORT.match(code)
    if match:
        module, names_text, comment = match.group(1), match.group(2), match.group(3) or ""
        names = [n.strip() for n in names_text.split(",") if n.strip()]
        flat = f"from {module} import {', '.join(names)}{comment}"
        if fits(indent, flat) and not code[: len(code) - len(comment)].rstrip(") ").endswith(","):
            return [pad + flat]
        # A trailing comment goes after the closing parenthesis.
        return [
            f"{pad}from {module} import (",
            *[f"{pad}    {n}," for n in names],
            pad + ")" + comment,
        ]
    if code.endswith(","):
        return _lay(_parse(code[:-1]), indent, ",", in_brackets=True)
    if code.startswith(") -> ") and code.endswith(":"):
        # The end of a signature split over lines: black splits the return
        # annotation, unless that gives it a trailing comma (see _lay_def).
        tail = _lay(_parse(code[5:-1]), indent, ":", in_brackets=False, lead=") -> ")
        return [pad + code] if any(line.endswith(",") for line in tail) else tail
    item = _parse(code)
    flat = _flat(item)
    if not _forced(item) and fits(indent, flat):
        return [pad + flat]
    if item[:2] in (["def", " "], ["async", " "]):
        return _lay_def(item, indent)
    split = _split_statement(item)
    if split is None:
        if _name_annotation(item) is not None:
            return _split_annotation(item, "", indent) or [pad + flat]
        return _lay(item, indent, "", in_brackets=False)
    target, keyword, value = split
    lead = _flat(target) + keyword
    if _has_delimiter(target):
        return [pad + flat]
    if _has_delimiter(value):
        # Black keeps the invisible parentheses around an operation that does
        # not start or end with a bracket, and splits inside them.
        if isinstance(value[0], Group) or isinstance(value[-1], Group) or _forced(value):
            return [pad + flat]
        return [pad + lead + "(", *_lay(value, indent + 4, "", in_brackets=True), pad + ")"]
    if len(value) == 1 and isinstance(value[0], str):
        atom = value[0]
        if not _annotated(target):
            # Black wraps a lone value in parentheses when that makes it fit.
            if fits(indent + 4, atom):
                return [pad + lead + "(", pad + "    " + atom, pad + ")"]
            return [pad + flat]
        # An annotated target: black wraps the value in parentheses when
        # ``target = (`` fits, else splits the annotation.
        if not _forced(target) and fits(indent, lead + "("):
            return [pad + lead + "(", pad + "    " + atom, pad + ")"]
        return _split_annotation(target, keyword + atom, indent) or [pad + flat]
    if _annotated(target):
        # An annotated target (``x: Dict[str, int] = {...}``): black splits the
        # value; if that leaves too long a first line, it wraps the value in
        # parentheses, or splits the annotation when even ``target = (`` is too long.
        shape = _shape(value)
        if shape is None or _forced(target):
            return [pad + flat]
        before, group, after = shape
        lines = _lay_group(lead + _flat(before), group, _flat(after), indent)
        if fits(0, lines[0]):
            return lines
        if fits(indent, lead + "("):
            return [pad + lead + "(", *_lay(value, indent + 4, "", in_brackets=True), pad + ")"]
        return _split_annotation(target, keyword + _flat(value), indent) or lines
    lines = _lay(item, indent, "", in_brackets=False)
    if len(lines) > 1 and not fits(0, lines[0]):
        # Black's second opinion: the value in parentheses, if all of it then fits.
        wrapped = [pad + lead + "(", *_lay(value, indent + 4, "", in_brackets=True), pad + ")"]
        if all(fits(0, line) for line in wrapped):
            return wrapped
    return lines


def _name_annotation(item: Item) -> str | None:
    """The annotation of ``name: Annotation`` when it is one name (no brackets)."""
    if (
        len(item) == 3
        and isinstance(item[0], str)
        and _PARAMETER.fullmatch(item[0])
        and item[1] == " "
        and isinstance(item[2], str)
        and _NAME.fullmatch(item[2])
    ):
        return item[2]
    return None


def _annotated(target: Item) -> bool:
    """Whether black sees brackets in ``target``: an annotation's, or the
    invisible parentheses it puts around an annotation that is one name."""
    return _has_group(target) or _name_annotation(target) is not None


def _split_annotation(target: Item, rest: str, indent: int) -> list[str] | None:
    """``target`` split at its annotation's brackets, ``rest`` (`` = value``) after them."""
    pad = " " * indent
    name = _name_annotation(target)
    if name is not None:
        # Black parenthesises a long annotation that is one name, if it then fits.
        if not fits(indent + 4, name):
            return None
        return [f"{pad}{target[0]} (", f"{pad}    {name}", f"{pad}){rest}"]
    shape = _shape(target)
    if shape is None:
        return None
    before, group, after = shape
    lines = _lay_group(_flat(before), group, _flat(after) + rest, indent)
    return lines if fits(0, lines[0]) else None


def _lay_def(item: Item, indent: int) -> list[str]:
    """A ``def`` line, split as black splits one: at its parameters' parentheses."""
    pad = " " * indent
    at = next((i for i, p in enumerate(item) if isinstance(p, Group)), None)
    group = item[at] if at is not None else None
    if not isinstance(group, Group) or at is None or not group.items:
        return [pad + _flat(item)]
    head = pad + _flat(item[:at]) + "("
    returns = _strip(item[at + 1 :])
    last = returns[-1] if returns else None
    if isinstance(last, str) and last.endswith(":") and last != ":":
        returns = [*returns[:-1], last[:-1], ":"]  # ``-> Name:`` is read as one word
    if returns[:2] != ["->", " "] or returns[-1:] != [":"]:
        return [pad + _flat(item)]
    items = group.items
    # A lone parameter gets a trailing comma, which keeps it on its own line.
    body = ", ".join(_flat(i) for i in items) + ("," if len(items) == 1 else "")
    if not group.magic and not any(_forced(i) for i in items) and fits(indent + 4, body):
        lines = [head, " " * (indent + 4) + body]
    else:
        lines = [head]
        for param in items:
            lines += _lay(param, indent + 4, ",", in_brackets=True)
    annotation = returns[2:-1]
    tail = _lay(annotation, indent, ":", in_brackets=False, lead=") -> ")
    if any(line.endswith(",") for line in tail):
        # A trailing comma in the return annotation would make black split the
        # whole line differently on its next pass; leave this one to black.
        return [pad + _flat(item)]
    return lines + tail


def _split_statement(item: Item) -> tuple[Item, str, Item] | None:
    """``(target, " = " or "return ", value)`` of an assignment or a return."""
    if item[:2] == ["return", " "]:
        return [], "return ", item[2:]
    for i, piece in enumerate(item):
        if piece == "=":
            return _strip(item[:i]), " = ", _strip(item[i + 1 :])
    return None


# --- parsing ------------------------------------------------------------------------


def _parse(code: str) -> Item:
    tokens = [(m.lastgroup or "", m.group()) for m in _TOKEN.finditer(code)]
    if sum(len(text) for _, text in tokens) != len(code):
        raise _Unparsable(code)
    for i, (kind, text) in enumerate(tokens):
        # Comments, and adjacent strings (implicit concatenation, or a
        # triple-quoted string read as several), are not laid out here.
        if kind == "word" and "#" in text:
            raise _Unparsable(code)
        if kind == "string" and i and tokens[i - 1][0] == "string":
            raise _Unparsable(code)
    items, trailing, pos = _parse_items(tokens, 0, None)
    if pos != len(tokens) or len(items) != 1 or trailing:
        raise _Unparsable(code)
    return items[0]


def _parse_items(
    tokens: list[tuple[str, str]], pos: int, closer: str | None
) -> tuple[list[Item], bool, int]:
    items: list[Item] = []
    current: Item = []
    while pos < len(tokens):
        kind, text = tokens[pos]
        if kind == "close":
            if text != closer:
                raise _Unparsable(text)
            break
        pos += 1
        if kind == "comma":
            items.append(_strip(current))
            current = []
        elif kind == "open":
            inner, trailing, pos = _parse_items(tokens, pos, _CLOSERS[text])
            if pos >= len(tokens):
                raise _Unparsable("unclosed bracket")
            pos += 1
            prev = current[-1] if current else None
            trailer = text != "{" and (
                isinstance(prev, Group)
                or (isinstance(prev, str) and _OPERAND_END.search(prev) is not None)
                and prev not in _KEYWORDS
            )
            kind_name = ("call" if text == "(" else "subscript") if trailer else "display"
            current.append(Group(text, inner, trailing, kind_name))
        elif kind == "space":
            current.append(" ")
        else:
            current.append(text)
    else:
        if closer is not None:
            raise _Unparsable("unclosed bracket")
    tail = _strip(current)
    trailing = False
    if tail:
        items.append(tail)
    elif items:
        trailing = True
    if any(not item for item in items):
        raise _Unparsable("empty item")
    return items, trailing, pos


def _strip(item: Item) -> Item:
    """``item`` without spaces at its edges."""
    start, end = 0, len(item)
    while start < end and item[start] == " ":
        start += 1
    while end > start and item[end - 1] == " ":
        end -= 1
    return item[start:end]


# --- measuring ------------------------------------------------------------------------


def _flat(item: Item) -> str:
    return "".join(p if isinstance(p, str) else _flat_group(p) for p in item)


def _flat_group(group: Group) -> str:
    inner = ", ".join(_flat(i) for i in group.items)
    return group.open + inner + ("," if group.trailing_comma else "") + group.close


def _forced(item: Item) -> bool:
    """Whether ``item`` holds a magic trailing comma (black splits it whatever its length)."""
    return any(isinstance(p, Group) and (p.magic or any(_forced(i) for i in p.items)) for p in item)


def _has_group(item: Item) -> bool:
    return any(isinstance(p, Group) for p in item)


def _delimiters(item: Item) -> set[str]:
    """The delimiters at the top level of ``item`` (strings are single tokens)."""
    return {p for p in item if isinstance(p, str) and p in _DELIMITERS}


def _has_delimiter(item: Item) -> bool:
    return any(isinstance(p, str) and p in _DELIMITERS for p in item)


def _split_at(item: Item, word: str) -> list[Item]:
    parts: list[Item] = [[]]
    for piece in item:
        if piece == word:
            parts.append([])
        else:
            parts[-1].append(piece)
    return [_strip(p) for p in parts]


def _shape(item: Item) -> tuple[Item, Group, Item] | None:
    """``(before, group, after)`` when ``item`` has one bracket pair black would split at.

    The text around it must hold no delimiter and no other bracket, and what
    follows must not continue the expression (``.attr``), or black's split
    differs; empty brackets are never split.
    """
    at = [i for i, p in enumerate(item) if isinstance(p, Group)]
    if len(at) != 1 or _has_delimiter(item):
        return None
    group = item[at[0]]
    assert isinstance(group, Group)
    after = item[at[0] + 1 :]
    if (after and after[0] != " " and after[0] != ":") or not group.items:
        return None
    return item[: at[0]], group, after


# --- laying out -----------------------------------------------------------------------


def _lay(item: Item, indent: int, trail: str, *, in_brackets: bool, lead: str = "") -> list[str]:
    """``lead``, ``item`` and ``trail``, split as black would when they do not fit."""
    pad = " " * indent
    flat = lead + _flat(item) + trail
    if not _forced(item) and fits(indent, flat):
        return [pad + flat]
    if in_brackets and not lead and _has_delimiter(item):
        return _lay_delimited(item, indent, trail)
    shape = _shape(item)
    if shape is None:
        return [pad + flat]
    before, group, after = shape
    return _lay_group(lead + _flat(before), group, _flat(after) + trail, indent)


def _lay_delimited(item: Item, indent: int, trail: str) -> list[str]:
    """An item inside brackets whose top level holds operators."""
    pad = " " * indent
    first = item[0] if item else ""
    if isinstance(first, str) and _PARAMETER.fullmatch(first) and item[1:2] == [" "]:
        # A parameter: black wraps its annotation in parentheses and splits inside.
        annotation, *default = _split_at(item[2:], "=")
        if len(default) > 1 or any(_has_delimiter(d) for d in default):
            return [pad + _flat(item) + trail]
        rest = "".join(" = " + _flat(d) for d in default)
        return [
            f"{pad}{first} (",
            *_lay(annotation, indent + 4, "", in_brackets=True),
            f"{pad}){rest}{trail}",
        ]
    operators = _delimiters(item)
    if len(operators) != 1 or not operators <= _CHAIN_OPERATORS:
        return [pad + _flat(item) + trail]
    (operator,) = operators
    operands = _split_at(item, operator)
    if any(not o for o in operands):
        return [pad + _flat(item) + trail]
    lines: list[str] = []
    for i, operand in enumerate(operands):
        lines += _lay(
            operand,
            indent,
            trail if i == len(operands) - 1 else "",
            in_brackets=True,
            lead=f"{operator} " if i else "",
        )
    return lines


def _lay_group(lead: str, group: Group, after: str, indent: int) -> list[str]:
    """``lead``, then ``group`` split at its brackets, then ``after``."""
    pad = " " * indent
    inner = indent + 4
    head = pad + lead + group.open
    tail = pad + group.close + after
    items = group.items
    if not (group.magic or (group.kind == "display" and len(items) > 1)):
        body = ", ".join(_flat(i) for i in items) + ("," if group.trailing_comma else "")
        if not any(_forced(i) for i in items) and fits(inner, body):
            return [head, " " * inner + body, tail]
        if len(items) == 1:
            comma = "," if group.trailing_comma else ""
            return [head, *_lay(items[0], inner, comma, in_brackets=True), tail]
    lines = [head]
    for item in items:
        lines += _lay(item, inner, ",", in_brackets=True)
    lines.append(tail)
    return lines
