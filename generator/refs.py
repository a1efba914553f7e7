"""Follow ``$ref`` pointers, inside the document and into sibling files.

A reference may point into the same document (``#/components/...``) or into
a file beside it or below its folder (``schemas/pet.yaml#/Pet``). Anything
that would read outside that folder -- ``..`` climbing out, absolute paths,
``file:`` or ``http:`` URLs -- is refused, so a spec can never make the
generator touch the network or read arbitrary files.
"""

from __future__ import annotations

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
