"""Follow ``$ref`` pointers, inside the document and into sibling files.

A reference may point into the same document (``#/components/...``) or into
a file beside it or below its folder (``schemas/pet.yaml#/Pet``). Anything
that would read outside that folder -- ``..`` climbing out, absolute paths,
``file:`` or ``http:`` URLs -- is refused, so a spec can never make the
generator touch the network or read arbitrary files.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import unquote

from .errors import SpecError, join_pointer, split_pointer
from .loader import Document, load_file


class Position(NamedTuple):
    """A node's address: the document it is in and its JSON pointer there.

    A named tuple rather than a frozen dataclass: the model builder makes
    hundreds of thousands of them on a large document.
    """

    doc: Document
    pointer: str

    def child(self, *tokens: str | int) -> Position:
        return Position(self.doc, join_pointer(self.pointer, *tokens))

    @property
    def key(self) -> str:
        """A string that identifies the node across documents."""
        return f"{self.doc.display}#{self.pointer}"

    def error(self, message: str) -> SpecError:
        """A :class:`SpecError` pointing here, with the line looked up."""
        return SpecError(
            message,
            file=self.doc.display,
            pointer=self.pointer,
            line=self.doc.line_of(self.pointer),
        )


class Resolver:
    """Resolves references relative to the document that contains them."""

    def __init__(self, root: Document):
        self.root = root
        self.base_dir = root.path.parent.resolve()
        self._docs: dict[Path, Document] = {root.path.resolve(): root}
        self._cache: dict[tuple[str, str], tuple[Position, Any]] = {}
        self._indexes: dict[str, RefIndex] = {}

    def documents(self) -> list[Document]:
        """Every document read so far, the root first, in the order they were read."""
        return list(self._docs.values())

    def lookup(self, ref: Any, at: Position) -> tuple[Position, Any]:
        """The target of one ``$ref`` found at ``at`` (not followed any further)."""
        if not isinstance(ref, str):
            raise at.error(f"$ref must be a string, not {type(ref).__name__}")
        cache_key = (at.doc.display, ref)
        hit = self._cache.get(cache_key)
        if hit is not None:
            return hit
        file_part, _, fragment = ref.partition("#")
        doc = self._document_for(file_part, at) if file_part else at.doc
        try:
            tokens = split_pointer(unquote(fragment))
        except ValueError:
            raise at.error(
                f"cannot resolve $ref {ref!r}: only JSON-pointer fragments are supported"
            ) from None
        node: Any = doc.data
        walked = ""
        for token in tokens:
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif isinstance(node, dict) and token.isdigit() and int(token) in node:
                node = node[int(token)]  # YAML integer keys such as response codes
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                where = f" in {doc.display}" if doc is not at.doc else ""
                raise at.error(
                    f"$ref {ref!r} points nowhere{where}: no {token!r} under "
                    f"{'#' + walked if walked else 'the document root'}"
                )
            walked = join_pointer(walked, token)
        result = (Position(doc, walked), node)
        self._cache[cache_key] = result
        return result

    def ref_index(self, doc: Document) -> RefIndex:
        """Every ``$ref`` in ``doc`` (walked once, on first use)."""
        index = self._indexes.get(doc.display)
        if index is None:
            index = self._indexes[doc.display] = RefIndex(doc)
        return index

    def follow(self, node: Any, at: Position) -> tuple[Position, Any]:
        """Follow a chain of references until a node that is not a bare ``$ref``.

        Raises :class:`SpecError` for a cycle made only of references, which
        no schema could ever satisfy.
        """
        seen: list[str] = []
        while isinstance(node, dict) and "$ref" in node:
            if at.key in seen:
                chain = " -> ".join(seen + [at.key])
                raise at.error(f"$ref cycle with nothing but references: {chain}")
            seen.append(at.key)
            at, node = self.lookup(node["$ref"], at)
        return at, node

    def _document_for(self, file_part: str, at: Position) -> Document:
        if "://" in file_part or file_part.startswith(("file:", "//")):
            raise at.error(
                f"$ref to {file_part!r} refused: remote and file: URLs are never fetched"
            )
        if Path(file_part).is_absolute() or file_part.startswith(("/", "\\")):
            raise at.error(f"$ref to absolute path {file_part!r} refused; use a relative path")
        target = (at.doc.path.parent / unquote(file_part)).resolve()
        if not target.is_relative_to(self.base_dir):
            raise at.error(
                f"$ref to {file_part!r} refused: it leaves the spec's folder "
                f"{self.root.path.parent.name or '.'}/"
            )
        doc = self._docs.get(target)
        if doc is None:
            display = str(Path(self.root.display).parent / target.relative_to(self.base_dir))
            try:
                doc = load_file(target, display)
            except SpecError as exc:
                raise at.error(f"$ref {file_part!r}: {exc}") from None
            self._docs[target] = doc
        return doc


#: Keywords whose value is data, not OpenAPI: a "$ref" key in there is part
#: of an example (an API about JSON Schemas has plenty), never followed.
_LITERAL_KEYS = frozenset({"example", "default", "const", "enum"})


def is_literal(key: Any, value: Any, pointer: str) -> bool:
    """True when ``key`` under ``pointer`` holds data (an example, a default,
    an extension) rather than OpenAPI or JSON Schema."""
    if not isinstance(key, str):
        return False
    if key in _LITERAL_KEYS or key.startswith("x-"):
        return True
    if key == "examples" and isinstance(value, list):  # a schema's examples (3.1)
        return True
    # `value` of an Example Object, under `examples/<name>`
    return key == "value" and pointer.rsplit("/", 2)[-2:-1] == ["examples"]


#: Mappings whose keys are names the author chose (a property, a schema, a
#: media type...): a key "$ref" there, holding a mapping, is a name.
_NAME_MAPS = frozenset(
    {"properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "schemas",
     "responses", "parameters", "examples", "requestBodies", "headers", "securitySchemes",
     "links", "callbacks", "pathItems", "content", "encoding", "variables", "webhooks", "paths"}
)  # fmt: skip


def is_name_map(pointer: str) -> bool:
    """True when the mapping at ``pointer`` is keyed by names (properties, schemas...)."""
    return pointer.rsplit("/", 1)[-1] in _NAME_MAPS


def iter_refs(node: Any, at: Position, *, shared: bool = True) -> Iterator[tuple[Any, Position]]:
    """Every ``$ref`` value under ``node`` (found at ``at``), with the position
    of the mapping that holds it; references are not followed.

    Data is not searched (examples, defaults, extensions: see
    :func:`is_literal`), nor is a mapping named ``$ref`` in a map of names.
    ``shared``: nodes may be shared through YAML aliases; each is walked once.
    """
    # This visits every node of a document: pointers are plain strings and a
    # Position is made only for each $ref found.
    doc = at.doc
    stack: list[tuple[Any, str]] = [(node, at.pointer)]
    seen: set[int] = set()
    while stack:
        current, here = stack.pop()
        if shared:
            if id(current) in seen:
                continue
            seen.add(id(current))
        if isinstance(current, dict):
            names = is_name_map(here)
            ref = current.get("$ref")
            if ref is not None and not (isinstance(ref, dict) and names):
                yield ref, Position(doc, here)
            for key, value in current.items():
                if isinstance(value, (dict, list)) and (names or not is_literal(key, value, here)):
                    stack.append((value, _child_pointer(here, key)))
        elif isinstance(current, list):
            for i, value in enumerate(current):
                if isinstance(value, (dict, list)):
                    stack.append((value, f"{here}/{i}"))


def _child_pointer(pointer: str, key: Any) -> str:
    if isinstance(key, str) and "~" not in key and "/" not in key:
        return f"{pointer}/{key}"  # the common case, without escaping
    return join_pointer(pointer, key)


class RefIndex:
    """Every ``$ref`` of one document, found in a single walk and sorted by
    where it is, so the refs under any node are a slice of it.

    Vetting every reference and finding recursive schemas both need the refs
    under many nodes; walking each node's subtree on its own would visit
    shared components again and again (twice the document and more on
    GitHub's description). Documents with YAML aliases keep per-node walks:
    there a node has several places, and a single walk records only its first.
    """

    def __init__(self, doc: Document):
        self.doc = doc
        self._pointers: list[str] = []
        self._refs: list[tuple[Any, Position]] = []
        self._indexed = doc.alias_expansion is None
        if not self._indexed:
            return
        found = sorted(
            (ref_at.pointer, i, ref)
            for i, (ref, ref_at) in enumerate(iter_refs(doc.data, Position(doc, ""), shared=False))
        )
        self._pointers = [pointer for pointer, _, _ in found]
        self._refs = [(ref, Position(doc, pointer)) for pointer, _, ref in found]

    def refs_under(self, at: Position) -> Iterator[tuple[Any, Position]]:
        """The refs at ``at`` and below it, as :func:`iter_refs` finds them."""
        if not self._indexed or not self._walked(at.pointer):
            yield from iter_refs(_node_at(at), at)
            return
        start = bisect.bisect_left(self._pointers, at.pointer)
        # Descendants are the pointers that continue with "/", which sort
        # before those that continue with "0" (the next character).
        end = bisect.bisect_left(self._pointers, at.pointer + "0", lo=start)
        for i in range(start, end):
            pointer = self._pointers[i]
            if len(pointer) == len(at.pointer) or pointer[len(at.pointer)] == "/":
                yield self._refs[i]

    def _walked(self, pointer: str) -> bool:
        """Whether the document walk reached ``pointer`` (not inside data)."""
        node: Any = self.doc.data
        here = ""
        for token in split_pointer(pointer):
            if isinstance(node, dict):
                key: Any = token if token in node else (int(token) if token.isdigit() else token)
                value = node.get(key)
                if not is_name_map(here) and is_literal(key, value, here):
                    return False
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                value = node[int(token)]
            else:
                return False
            if not isinstance(value, (dict, list)):
                return False
            node, here = value, _child_pointer(here, key if isinstance(node, dict) else token)
        return True


def _node_at(at: Position) -> Any:
    node: Any = at.doc.data
    for token in split_pointer(at.pointer):
        if isinstance(node, dict):
            node = node.get(token, node.get(int(token)) if token.isdigit() else None)
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    return node
