"""A small JSONPath: the part of it that ``openapi.transforms`` targets use.

Supported: the root ``$``; members ``.name`` (up to the next ``.`` or ``[``,
so ``$.paths./v1/users.get`` works), ``['name']`` / ``["name"]`` (any text,
``'a','b'`` for several) and ``[0]`` (negative from the end); wildcards
``.*`` and ``[*]``; recursive descent ``..name``, ``..*`` and ``..[...]``;
filters ``[?(@.a.b == "x")]`` with ``==``, ``!=``, ``<``, ``<=``, ``>``,
``>=``, existence (``[?(@.x)]``), ``!``, ``&&``, ``||`` and parentheses,
comparing with strings, numbers, ``true``, ``false`` and ``null``.

:func:`select` gives the JSON pointer tokens of every match, in document
order; the caller edits the data through them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

Tokens = tuple[str | int, ...]


class JSONPathError(ValueError):
    """The expression is not in the supported subset (the message says where)."""


@dataclass(frozen=True)
class _Step:
    kind: str  # "member", "index", "wild", "filter"
    deep: bool
    names: tuple[str, ...] = ()
    index: int = 0
    predicate: Callable[[Any], bool] | None = None


def select(data: Any, path: str) -> list[Tokens]:
    """The pointer tokens of every value ``path`` matches in ``data``."""
    steps = _parse(path)
    nodes: list[tuple[Any, Tokens]] = [(data, ())]
    for step in steps:
        out: list[tuple[Any, Tokens]] = []
        for value, tokens in nodes:
            sources = _descendants(value, tokens) if step.deep else iter([(value, tokens)])
            for node, at in sources:
                out.extend(_apply(step, node, at))
        # A node reached twice through recursive descent counts once.
        seen: set[Tokens] = set()
        nodes = []
        for v, t in out:
            if t not in seen:
                seen.add(t)
                nodes.append((v, t))
    return [tokens for _, tokens in nodes]


def _descendants(value: Any, tokens: Tokens) -> Iterator[tuple[Any, Tokens]]:
    stack = [(value, tokens)]
    while stack:
        node, at = stack.pop()
        yield node, at
        if isinstance(node, dict):
            stack.extend((v, at + (k,)) for k, v in reversed(list(node.items())))
        elif isinstance(node, list):
            stack.extend((v, at + (i,)) for i, v in reversed(list(enumerate(node))))


def _children(value: Any, tokens: Tokens) -> Iterator[tuple[Any, Tokens]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield v, tokens + (k,)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield v, tokens + (i,)


def _apply(step: _Step, value: Any, tokens: Tokens) -> list[tuple[Any, Tokens]]:
    if step.kind == "wild":
        return list(_children(value, tokens))
    if step.kind == "filter":
        assert step.predicate is not None
        return [(v, t) for v, t in _children(value, tokens) if step.predicate(v)]
    if step.kind == "index":
        if isinstance(value, list) and -len(value) <= step.index < len(value):
            i = step.index % len(value)
            return [(value[i], tokens + (i,))]
        return []
    out = []
    for name in step.names:
        if isinstance(value, dict) and name in value:
            out.append((value[name], tokens + (name,)))
        elif isinstance(value, list) and re.fullmatch(r"\d+", name) and int(name) < len(value):
            out.append((value[int(name)], tokens + (int(name),)))
    return out


# --- parsing ------------------------------------------------------------------------

_QUOTED = re.compile(r"""'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)\"""")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def _unquote(match: re.Match[str]) -> str:
    text = match.group(1) if match.group(1) is not None else match.group(2)
    return re.sub(r"\\(.)", r"\1", text)


def _parse(path: str) -> list[_Step]:
    text = path.strip()
    if not text.startswith("$"):
        raise JSONPathError(f"a JSONPath starts with '$': {path!r}")
    pos = 1
    steps: list[_Step] = []
    while pos < len(text):
        deep = False
        if text.startswith("..", pos):
            deep, pos = True, pos + 2
            if pos < len(text) and text[pos] == "[":
                step, pos = _bracket(text, pos, deep=True)
                steps.append(step)
                continue
        elif text[pos] == ".":
            pos += 1
        elif text[pos] == "[":
            step, pos = _bracket(text, pos, deep=False)
            steps.append(step)
            continue
        else:
            raise JSONPathError(f"unexpected {text[pos]!r} at {pos} in {path!r}")
        end = pos
        while end < len(text) and text[end] not in ".[":
            end += 1
        name = text[pos:end]
        if not name:
            raise JSONPathError(f"a member name is missing at {pos} in {path!r}")
        steps.append(_Step("wild", deep) if name == "*" else _Step("member", deep, (name,)))
        pos = end
    return steps


def _bracket(text: str, pos: int, *, deep: bool) -> tuple[_Step, int]:
    assert text[pos] == "["
    pos += 1
    if text.startswith("?(", pos):
        end = _closing(text, pos + 1)
        predicate = _Filter(text[pos + 2 : end], text).parse()
        if not text.startswith("]", end + 1):
            raise JSONPathError(f"']' expected after the filter at {end + 1} in {text!r}")
        return _Step("filter", deep, predicate=predicate), end + 2
    if text.startswith("*]", pos):
        return _Step("wild", deep), pos + 2
    number = re.compile(r"\s*(-?\d+)\s*\]").match(text, pos)
    if number:
        return _Step("index", deep, index=int(number.group(1))), number.end()
    names = []
    while True:
        while pos < len(text) and text[pos] == " ":
            pos += 1
        match = _QUOTED.match(text, pos)
        if match is None:
            raise JSONPathError(f"a quoted name, index, '*' or filter expected at {pos}: {text!r}")
        names.append(_unquote(match))
        pos = match.end()
        while pos < len(text) and text[pos] == " ":
            pos += 1
        if text.startswith("]", pos):
            return _Step("member", deep, tuple(names)), pos + 1
        if not text.startswith(",", pos):
            raise JSONPathError(f"',' or ']' expected at {pos} in {text!r}")
        pos += 1


def _closing(text: str, pos: int) -> int:
    """The index of the ``)`` that closes the ``(`` at ``pos`` (quotes respected)."""
    depth = 0
    i = pos
    while i < len(text):
        char = text[i]
        if char in "'\"":
            match = _QUOTED.match(text, i)
            if match is None:
                break
            i = match.end()
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise JSONPathError(f"unclosed '(' in {text!r}")


_MISSING = object()


class _Filter:
    """Recursive-descent parser of a filter expression into a predicate."""

    _TOKEN = re.compile(
        r"""\s*(?:(?P<op>==|!=|<=|>=|<|>|&&|\|\||!|\(|\))|(?P<at>@(?:\.[A-Za-z0-9_$-]+|\[(?:'[^']*'|"[^"]*"|\d+)\])*)"""
        r"""|(?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(?P<num>-?\d+(?:\.\d+)?)|(?P<word>true|false|null))"""
    )

    def __init__(self, source: str, path: str):
        self.tokens: list[tuple[str, str]] = []
        pos = 0
        source = source.rstrip()
        while pos < len(source):
            match = self._TOKEN.match(source, pos)
            if match is None or match.end() == pos:
                raise JSONPathError(f"cannot read the filter {source!r} at {pos} in {path!r}")
            kind = match.lastgroup or ""
            self.tokens.append((kind, match.group(kind)))
            pos = match.end()
        self.i = 0
        self.path = path

    def parse(self) -> Callable[[Any], bool]:
        result = self._or()
        if self.i != len(self.tokens):
            raise JSONPathError(
                f"unexpected {self.tokens[self.i][1]!r} in a filter of {self.path!r}"
            )
        return result

    def _peek(self) -> str | None:
        return self.tokens[self.i][1] if self.i < len(self.tokens) else None

    def _next(self) -> tuple[str, str]:
        if self.i >= len(self.tokens):
            raise JSONPathError(f"a filter ends too early in {self.path!r}")
        self.i += 1
        return self.tokens[self.i - 1]

    def _or(self) -> Callable[[Any], bool]:
        left = self._and()
        while self._peek() == "||":
            self._next()
            right = self._and()
            left = (lambda a, b: lambda v: a(v) or b(v))(left, right)
        return left

    def _and(self) -> Callable[[Any], bool]:
        left = self._unary()
        while self._peek() == "&&":
            self._next()
            right = self._unary()
            left = (lambda a, b: lambda v: a(v) and b(v))(left, right)
        return left

    def _unary(self) -> Callable[[Any], bool]:
        if self._peek() == "!":
            self._next()
            inner = self._unary()
            return lambda v: not inner(v)
        if self._peek() == "(":
            self._next()
            inner = self._or()
            if self._next()[1] != ")":
                raise JSONPathError(f"')' expected in a filter of {self.path!r}")
            return inner
        left = self._operand()
        op = self._peek()
        if op in ("==", "!=", "<", "<=", ">", ">="):
            self._next()
            right = self._operand()
            return lambda v: _compare(op, left(v), right(v))
        return lambda v: left(v) not in (_MISSING, None, False)

    def _operand(self) -> Callable[[Any], Any]:
        kind, text = self._next()
        if kind == "at":
            parts = re.findall(r"\.([A-Za-z0-9_$-]+)|\[(?:'([^']*)'|\"([^\"]*)\"|(\d+))\]", text)
            steps = [a or b or c or d for a, b, c, d in parts]
            return lambda v: _walk(v, steps)
        if kind == "str":
            match = _QUOTED.fullmatch(text)
            assert match is not None
            value: Any = _unquote(match)
        elif kind == "num":
            value = float(text) if "." in text else int(text)
        elif kind == "word":
            value = {"true": True, "false": False, "null": None}[text]
        else:
            raise JSONPathError(f"a value expected in a filter of {self.path!r}, not {text!r}")
        return lambda v: value


def _walk(value: Any, steps: list[str]) -> Any:
    for step in steps:
        if isinstance(value, dict) and step in value:
            value = value[step]
        elif isinstance(value, list) and step.isdigit() and int(step) < len(value):
            value = value[int(step)]
        else:
            return _MISSING
    return value


def _compare(op: str, left: Any, right: Any) -> bool:
    if left is _MISSING or right is _MISSING:
        return op == "!="
    if op == "==":
        return bool(left == right)
    if op == "!=":
        return bool(left != right)
    try:
        return bool(
            {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right}[op]
        )
    except TypeError:
        return False
