from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import SpecError
from generator.loader import load_file
from generator.refs import Position, Resolver


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def resolver_for(tmp_path: Path, text: str) -> tuple[Resolver, Position]:
    spec = write(tmp_path / "spec" / "openapi.yaml", text)
    doc = load_file(spec, "spec/openapi.yaml")
    return Resolver(doc), Position(doc, "")


def test_local_ref(tmp_path: Path):
    resolver, root = resolver_for(tmp_path, "components:\n  schemas:\n    A: {type: string}\n")
    at, node = resolver.lookup("#/components/schemas/A", root)
    assert node == {"type": "string"} and at.pointer == "/components/schemas/A"


def test_escaped_pointer_tokens(tmp_path: Path):
    resolver, root = resolver_for(tmp_path, "paths:\n  /a~b/c:\n    x: 1\n")
    _, node = resolver.lookup("#/paths/~1a~0b~1c", root)
    assert node == {"x": 1}


def test_relative_file_ref(tmp_path: Path):
    write(
        tmp_path / "spec" / "schemas" / "pet.yaml",
        "Pet:\n  type: object\n  properties:\n    owner: {$ref: 'owner.yaml#/Owner'}\n",
    )
    write(tmp_path / "spec" / "schemas" / "owner.yaml", "Owner: {type: string}\n")
    resolver, root = resolver_for(tmp_path, "x: 1\n")
    at, node = resolver.lookup("schemas/pet.yaml#/Pet", root)
    assert node["type"] == "object"
    # a ref inside the external file is relative to that file
    _, owner = resolver.lookup(node["properties"]["owner"]["$ref"], at)
    assert owner == {"type": "string"}


@pytest.mark.parametrize(
    "ref, message",
    [
        ("../outside.yaml#/A", "leaves the spec's folder"),
        ("/etc/passwd#/A", "absolute path"),
        ("https://example.com/schema.yaml#/A", "never fetched"),
        ("file:///etc/passwd", "never fetched"),
    ],
)
def test_unsafe_refs_are_refused(tmp_path: Path, ref: str, message: str):
    write(tmp_path / "outside.yaml", "A: {type: string}\n")
    resolver, root = resolver_for(tmp_path, "x: 1\n")
    with pytest.raises(SpecError, match=message):
        resolver.lookup(ref, root.child("x"))


def test_missing_ref_names_what_is_missing(tmp_path: Path):
    resolver, root = resolver_for(tmp_path, "components:\n  schemas:\n    A: {type: string}\n")
    with pytest.raises(SpecError) as err:
        resolver.lookup("#/components/schemas/B", root.child("components"))
    assert "points nowhere" in err.value.message and "'B'" in err.value.message
    assert err.value.pointer == "/components" and err.value.line == 1


def test_missing_file_ref(tmp_path: Path):
    resolver, root = resolver_for(tmp_path, "x: 1\n")
    with pytest.raises(SpecError, match="no such file"):
        resolver.lookup("nope.yaml#/A", root)


def test_pure_ref_cycle_is_an_error_not_a_recursion_error(tmp_path: Path):
    resolver, root = resolver_for(
        tmp_path,
        "components:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n",
    )
    at = root.child("components", "schemas", "A")
    with pytest.raises(SpecError, match="cycle"):
        resolver.follow({"$ref": "#/components/schemas/A"}, at)


def test_follow_stops_at_first_real_schema(tmp_path: Path):
    resolver, root = resolver_for(
        tmp_path,
        "components:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: {type: integer}\n",
    )
    at, node = resolver.follow({"$ref": "#/components/schemas/A"}, root)
    assert node == {"type": "integer"} and at.pointer == "/components/schemas/B"


_INDEXED = """
components:
  schemas:
    Foo: {type: object, properties: {a: {$ref: '#/components/schemas/Foo-Bar'}}}
    Foo-Bar: {type: object, properties: {b: {$ref: '#/components/schemas/Foo'}}}
    Foo/Baz: {items: {$ref: '#/components/schemas/Foo'}}
    Plain: {type: string, example: {$ref: 'not/a/ref'}}
    Named:
      type: object
      properties:
        $ref: {type: string}
        x-more: {$ref: '#/components/schemas/Plain'}
paths:
  /a:
    get:
      responses:
        '200': {$ref: '#/components/responses/Ok'}
"""


@pytest.mark.parametrize("aliased", [False, True])
def test_ref_index_slices_agree_with_walking_each_node(tmp_path: Path, aliased: bool):
    """The index finds the refs under a node as a walk of that node would:
    siblings that share a prefix (Foo, Foo-Bar, Foo/Baz) stay apart, data
    and names are not refs; a document with aliases walks each node."""
    from generator.refs import _node_at, iter_refs

    shared = "{description: ok, content: {application/json: {schema: {$ref: '#/x'}}}}"
    text = _INDEXED + (
        f"  /b:\n    get:\n      responses:\n        '200': &shared {shared}\n"
        "        '201': *shared\n"
        if aliased
        else ""
    )
    resolver, root = resolver_for(tmp_path, text)
    index = resolver.ref_index(root.doc)
    assert resolver.ref_index(root.doc) is index
    pointers = [
        "",
        "/components/schemas/Foo",
        "/components/schemas/Foo-Bar",
        "/components/schemas/Foo~1Baz",
        "/components/schemas/Plain",
        "/components/schemas/Named",
        "/components/schemas/Plain/example",  # data: walked on its own, it is a ref
        "/paths",
    ]
    expected_counts = [5, 1, 1, 1, 0, 1, 1, 1]
    for pointer, count in zip(pointers, expected_counts, strict=True):
        at = root.child(*[t.replace("~1", "/") for t in pointer.split("/")[1:]])
        walked = sorted((r, p.pointer) for r, p in iter_refs(_node_at(at), at))
        indexed = sorted((r, p.pointer) for r, p in index.refs_under(at))
        assert indexed == walked
        assert len(indexed) == count + (aliased and pointer in ("", "/paths")), pointer
