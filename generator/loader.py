"""Read a YAML or JSON file into plain Python data.

YAML is read with the YAML 1.2 core schema: ``2024-01-01`` stays a string,
``on``/``yes`` stay strings and ``1:20`` is not a base-60 number, because an
OpenAPI document means what its JSON form means. Aliases are allowed, but a
document that would expand past a size limit (an "alias bomb") is refused,
and so is one nested deeper than any real document.

Line numbers are not tracked while loading (that would slow the common case
down); :meth:`Document.line_of` finds the line of a JSON pointer on demand,
when an error needs it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from .errors import SpecError, split_pointer

# libyaml is several times faster; fall back to pure Python where it is absent.
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: A document whose tree, aliases expanded, holds more nodes than this is refused.
MAX_EXPANDED_NODES = 20_000_000
#: Deeper nesting than this is refused before anything recurses over it.
MAX_DEPTH = 400
#: Files larger than this are refused outright.
MAX_FILE_BYTES = 512 * 1024 * 1024


class _Loader(_BaseLoader):  # type: ignore[misc]
    """SafeLoader with YAML 1.2 core-schema scalars (see the module docstring)."""


_Loader.yaml_implicit_resolvers = {}
for _tag, _regexp, _first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (
        "tag:yaml.org,2002:int",
        r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$",
        "-+0123456789",
    ),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    _Loader.add_implicit_resolver(_tag, re.compile(_regexp), list(_first))


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if text.startswith("0o"):
        return int(text[2:], 8)
    return int(text, 0) if text.startswith("0x") else int(text)


def _construct_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    text = str(loader.construct_scalar(node)).lower()
    if text.endswith("inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    return float("nan") if text == ".nan" else float(text)


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    # An explicit !!timestamp tag still yields the text, never a datetime.
    return str(loader.construct_scalar(node))


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)

_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])&[^\s\]},]")


class Document:
    """One loaded file: its data, and where to find things in its text."""

    def __init__(self, path: Path, display: str, text: str, data: Any, is_json: bool):
        self.path = path
        self.display = display
        self.text = text
        self.data = data
        self.is_json = is_json
        self._root_node: yaml.Node | None = None

    def line_of(self, pointer: str) -> int | None:
        """The 1-based line where ``pointer`` starts, or the nearest parent's line."""
        try:
            if self._root_node is None:
                self._root_node = yaml.compose(self.text, Loader=_BaseLoader)
            tokens = split_pointer(pointer)
        except (yaml.YAMLError, ValueError):
            return None
        node = self._root_node
        line = node.start_mark.line + 1 if node is not None else None
        for token in tokens:
            child = _child_node(node, token)
            if child is None:
                break
            key_node, node = child
            line = (key_node or node).start_mark.line + 1
        return line


def _child_node(node: yaml.Node | None, token: str) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and str(key.value) == token:
                return key, value
    elif isinstance(node, yaml.SequenceNode) and token.isdigit():
        index = int(token)
        if index < len(node.value):
            return None, node.value[index]
    return None


def load_file(path: Path, display: str | None = None) -> Document:
    """Read ``path`` as JSON or YAML; raise :class:`SpecError` with the line on failure."""
    shown = display if display is not None else str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SpecError(f"file is {size} bytes; the limit is {MAX_FILE_BYTES}", file=shown)
        raw = path.read_bytes()
    except IsADirectoryError:
        raise SpecError("is a folder, not a file", file=shown) from None
    except FileNotFoundError:
        raise SpecError("no such file", file=shown) from None
    except OSError as exc:
        raise SpecError(f"cannot read: {exc.strerror or exc}", file=shown) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SpecError(f"not UTF-8 text (byte {exc.start})", file=shown) from None
    return load_text(text, path=path, display=shown)


def load_text(text: str, *, path: Path, display: str) -> Document:
    """Parse ``text``: JSON for ``.json`` files, YAML for ``.yaml``/``.yml``, else by its first character."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        is_json = False
    elif suffix == ".json":
        is_json = True
    else:
        is_json = text.lstrip().startswith(("{", "["))
    data: Any
    try:
        if is_json:
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                raise SpecError(f"invalid JSON: {exc.msg}", file=display, line=exc.lineno) from None
        else:
            data = yaml.load(text, Loader=_Loader)  # noqa: S506 - safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context", None)
        message = f"invalid YAML: {problem}" + (f" ({context})" if context else "")
        line = mark.line + 1 if mark is not None else None
        raise SpecError(message, file=display, line=line) from None
    except RecursionError:
        raise SpecError(
            f"nested too deeply to read (more than {MAX_DEPTH} levels)", file=display
        ) from None
    if not is_json and _ANCHOR.search(text):
        _check_expanded_size(data, display)
    _check_depth(data, display)
    return Document(path, display, text, data, is_json)


def _check_expanded_size(data: Any, display: str) -> None:
    """Refuse documents whose aliases multiply into an enormous tree."""
    sizes: dict[int, int] = {}
    # Post-order over unique containers without recursion: a shared container
    # is counted once per reference, but measured only once.
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        node, done = stack.pop()
        if not isinstance(node, (dict, list)) or id(node) in sizes:
            continue
        children = list(node.values()) if isinstance(node, dict) else node
        if not done:
            stack.append((node, True))
            stack.extend((c, False) for c in children if isinstance(c, (dict, list)))
            continue
        total = 1 + sum(sizes.get(id(c), 1) for c in children)
        if total > MAX_EXPANDED_NODES:
            raise SpecError(
                f"document expands to more than {MAX_EXPANDED_NODES:,} nodes through "
                "YAML aliases; refusing to process it",
                file=display,
            )
        sizes[id(node)] = total


def _check_depth(data: Any, display: str) -> None:
    stack: list[tuple[Any, int]] = [(data, 1)]
    seen: set[int] = set()
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise SpecError(f"nested more than {MAX_DEPTH} levels deep", file=display)
        if isinstance(node, dict):
            if id(node) in seen:
                continue
            seen.add(id(node))
            stack.extend((v, depth + 1) for v in node.values() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            if id(node) in seen:
                continue
            seen.add(id(node))
            stack.extend((v, depth + 1) for v in node if isinstance(v, (dict, list)))
