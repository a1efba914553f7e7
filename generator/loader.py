"""Read a YAML or JSON file into plain Python data.

YAML is read with the YAML 1.2 core schema: ``2024-01-01`` stays a string,
``on``/``yes`` stay strings and ``1:20`` is not a base-60 number, because an
OpenAPI document means what its JSON form means. Aliases are allowed, but a
document that would expand past a size limit (an "alias bomb") is refused,
and so is one nested deeper than any real document.

Line numbers are not tracked while loading (that would slow the common case
down); :meth:`Document.line_of` finds the line of a JSON pointer on demand,
when an error needs it: in JSON by scanning only the containers on the
pointer's way, in YAML from a composed node tree.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from json.decoder import scanstring as _scanstring  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any

import yaml

from .errors import Diagnostic, SpecError, split_pointer

# libyaml is several times faster; fall back to pure Python where it is absent.
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: A document whose tree, aliases expanded, holds more nodes than this is refused.
MAX_EXPANDED_NODES = 5_000_000
#: Deeper nesting than this is refused before anything recurses over it.
MAX_DEPTH = 400
#: Files larger than this are refused outright.
MAX_FILE_BYTES = 512 * 1024 * 1024


class _Loader(_BaseLoader):  # type: ignore[misc]
    """SafeLoader with YAML 1.2 core-schema scalars (see the module docstring)
    that notes keys given twice in one mapping (YAML keeps the last silently)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[int, str]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
        seen: set[str] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                if key_node.value in seen:
                    self.duplicates.append((key_node.start_mark.line + 1, str(key_node.value)))
                seen.add(key_node.value)
        return super().construct_mapping(node, deep)


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


def json_key(key: Any) -> str:
    """A mapping key as the document's JSON form spells it (YAML may read
    ``200:`` as an integer and ``true:`` as a boolean)."""
    if isinstance(key, str):
        return key
    if isinstance(key, bool):
        return "true" if key else "false"
    return "null" if key is None else str(key)


class Document:
    """One loaded file: its data, and where to find things in its text."""

    def __init__(self, path: Path, display: str, text: str, data: Any, is_json: bool):
        self.path = path
        self.display = display
        self.text = text
        self.data = data
        self.is_json = is_json
        self._root_node: yaml.Node | None = None
        self._json_index: _JsonIndex | None = None
        #: For YAML with anchors: (nodes with aliases expanded, distinct nodes).
        self.alias_expansion: tuple[int, int] | None = None
        #: What reading the file noticed but could work around (duplicate keys).
        self.problems: list[Diagnostic] = []

    def line_of(self, pointer: str) -> int | None:
        """The 1-based line where ``pointer`` starts, or the nearest parent's line."""
        try:
            tokens = split_pointer(pointer)
        except ValueError:
            return None
        if self.is_json:
            if self._json_index is None:
                self._json_index = _JsonIndex(self.text)
            return self._json_index.line_of(tokens)
        try:
            if self._root_node is None:
                self._root_node = yaml.compose(self.text, Loader=_BaseLoader)
        except yaml.YAMLError:
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


class _JsonIndex:
    """Where JSON pointers start in a JSON text, found without composing a tree.

    Composing a node tree of a 13 MB document (to learn one warning's line)
    takes longer than everything else the generator does with it. Instead a
    container is scanned only as far as the member on the pointer's way: the
    keys before it are read and their values skipped by the C decoder, and
    the scan resumes there for the next pointer. Every byte before the
    deepest point looked up is skipped at most once.
    """

    def __init__(self, text: str):
        self.text = text
        #: container offset -> its scan so far
        self._scans: dict[int, _Scan] = {}

    def line_of(self, tokens: list[str]) -> int | None:
        try:
            pos = _skip_ws(self.text, 0)
            mark = pos
            for token in tokens:
                found = self._member(pos, token)
                if found is None:
                    break
                mark, pos = found
        except (ValueError, IndexError):
            return None
        return self.text.count("\n", 0, mark) + 1

    def _member(self, pos: int, token: str) -> tuple[int, int] | None:
        """(key offset, value offset) of ``token`` in the container at ``pos``."""
        text = self.text
        scan = self._scans.get(pos)
        if scan is None:
            if text[pos] not in "{[":
                return None
            scan = self._scans[pos] = _Scan(text[pos] == "{", _skip_ws(text, pos + 1))
        key: str | int = token
        if not scan.is_object:
            if not token.isdigit():
                return None
            key = int(token)
        while key not in scan.members and scan.resume is not None:
            i = scan.resume
            if text[i] in "}]":
                scan.resume = None
                break
            if scan.is_object:
                name, end = _scanstring(text, i + 1)
                colon = _skip_ws(text, end)
                if text[colon] != ":":
                    raise ValueError("expected ':'")
                value = _skip_ws(text, colon + 1)
                scan.members.setdefault(name, (i, value))  # a key given twice: its first line
            else:
                value = i
                scan.members[len(scan.members)] = (i, value)
            _, end = _DECODER.raw_decode(text, value)
            i = _skip_ws(text, end)
            scan.resume = _skip_ws(text, i + 1) if text[i] == "," else i
        return scan.members.get(key)


@dataclass
class _Scan:
    is_object: bool
    resume: int | None
    members: dict[str | int, tuple[int, int]] = field(default_factory=dict)


_DECODER = json.JSONDecoder()
_WHITESPACE = re.compile(r"[ \t\n\r]*")


def _skip_ws(text: str, pos: int) -> int:
    match = _WHITESPACE.match(text, pos)
    return match.end() if match else pos


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
    found: list[tuple[int | None, str]] = []  # (line, message) to warn about
    try:
        if is_json:
            try:
                data = json.loads(text, object_pairs_hook=_json_object(found))
            except json.JSONDecodeError as exc:
                raise SpecError(f"invalid JSON: {exc.msg}", file=display, line=exc.lineno) from None
        else:
            loader = _Loader(text)
            try:
                data = loader.get_single_data()
            finally:
                loader.dispose()
            found.extend((line, _twice(key)) for line, key in loader.duplicates)
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
    if _SURROGATE_ESCAPE.search(text):
        data, replaced = _replace_surrogates(data)
        if replaced:
            found.append(
                (None, f"{replaced} string(s) held a lone UTF-16 surrogate; replaced by U+FFFD")
            )
    expanded = None
    if not is_json and _ANCHOR.search(text):
        expanded = _check_expanded_size(data, display)
    _check_depth(data, display, shared=expanded is not None)
    document = Document(path, display, text, data, is_json)
    document.alias_expansion = expanded
    document.problems = [Diagnostic(what, display, line=line) for line, what in found]
    return document


#: A \\u escape of half a surrogate pair (JSON and double-quoted YAML).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]|\\U0000[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _replace_surrogates(data: Any) -> tuple[Any, int]:
    """``data`` with lone surrogates in strings (keys too) replaced by U+FFFD:
    they cannot be written to any file. Only runs when the text escapes one."""
    count = 0

    def fix(text: str) -> str:
        nonlocal count
        fixed = _LONE_SURROGATE.sub("\ufffd", text)
        count += fixed != text
        return fixed

    def walk(node: Any) -> Any:
        if isinstance(node, str):
            return fix(node)
        if isinstance(node, dict):
            return {walk(k): walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return walk(data), count


def _twice(key: str) -> str:
    return f"key {key!r} appears twice in one mapping; the last value is used"


def _json_object(duplicates: list[tuple[int | None, str]]) -> Any:
    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    duplicates.append((None, _twice(key)))
                seen.add(key)
        return obj

    return hook


def _check_expanded_size(data: Any, display: str) -> tuple[int, int]:
    """Refuse documents whose aliases multiply into an enormous tree, or
    that contain themselves (which no JSON document can). Returns the
    number of containers with aliases expanded, and without."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    # Post-order over unique containers without recursion: a shared container
    # is counted once per reference, but measured only once.
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        node, done = stack.pop()
        if not isinstance(node, (dict, list)) or id(node) in sizes:
            continue
        children = list(node.values()) if isinstance(node, dict) else node
        if not done:
            if id(node) in open_nodes:
                raise SpecError(
                    "a YAML alias refers to a node that contains it (a cycle JSON cannot "
                    "express); write recursion with $ref instead",
                    file=display,
                )
            open_nodes.add(id(node))
            stack.append((node, True))
            stack.extend((c, False) for c in children if isinstance(c, (dict, list)))
            continue
        open_nodes.discard(id(node))
        total = 1 + sum(sizes.get(id(c), 1) for c in children)
        if total > MAX_EXPANDED_NODES:
            raise SpecError(
                f"document expands to more than {MAX_EXPANDED_NODES:,} nodes through "
                "YAML aliases; refusing to process it",
                file=display,
            )
        sizes[id(node)] = total
    return sizes.get(id(data), 1), len(sizes)


def _check_depth(data: Any, display: str, shared: bool) -> None:
    """Refuse data nested deeper than :data:`MAX_DEPTH`, level by level.

    ``shared``: containers may appear more than once (YAML aliases); each
    is then looked into once, so an alias bomb costs no more than its text.
    """
    level = [data] if isinstance(data, (dict, list)) else []
    seen: set[int] = set()
    depth = 1
    while level:
        if depth > MAX_DEPTH:
            raise SpecError(f"nested more than {MAX_DEPTH} levels deep", file=display)
        if shared:
            fresh = []
            for node in level:
                if id(node) not in seen:
                    seen.add(id(node))
                    fresh.append(node)
            level = fresh
        level = [
            child
            for node in level
            for child in (node.values() if isinstance(node, dict) else node)
            if isinstance(child, (dict, list))
        ]
        depth += 1
