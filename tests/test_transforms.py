"""openapi.transforms: the JSONPath subset and each command, on small documents."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from generator.config import TransformConfig
from generator.errors import ConfigError, Diagnostics
from generator.jsonpath import JSONPathError, select
from generator.pipeline import Inputs, load_api
from generator.transforms import apply_transforms

DOC: dict[str, Any] = {
    "info": {"title": "T", "version": "1"},
    "paths": {
        "/v1/users": {
            "get": {
                "summary": "List users",
                "parameters": [
                    {"name": "account_id", "in": "query", "schema": {"type": "integer"}},
                    {"name": "limit", "in": "query"},
                ],
            }
        },
        "/v3.1/items": {"post": {"summary": "Add"}},
    },
    "components": {
        "schemas": {
            "User": {
                "type": "object",
                "properties": {"tags": {"propertyNames": {"pattern": "x"}}},
                "propertyNames": {},
            },
            "Proxy": {"anyOf": [{"type": "array", "items": {}}, {"type": "null"}]},
            "Ref": {"$ref": "#/components/schemas/User"},
        }
    },
}


def doc() -> dict[str, Any]:
    return copy.deepcopy(DOC)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("$.paths['/v1/users'].get", [("paths", "/v1/users", "get")]),
        ('$.paths["/v3.1/items"].post.summary', [("paths", "/v3.1/items", "post", "summary")]),
        ("$.paths./v1/users.get.summary", [("paths", "/v1/users", "get", "summary")]),
        (
            "$.paths['/v1/users'].get.parameters[1]",
            [("paths", "/v1/users", "get", "parameters", 1)],
        ),
        (
            "$.paths['/v1/users'].get.parameters[-1].name",
            [("paths", "/v1/users", "get", "parameters", 1, "name")],
        ),
        (
            "$..propertyNames",
            [
                ("components", "schemas", "User", "propertyNames"),
                ("components", "schemas", "User", "properties", "tags", "propertyNames"),
            ],
        ),
        (
            "$.paths[*][*].summary",
            [("paths", "/v1/users", "get", "summary"), ("paths", "/v3.1/items", "post", "summary")],
        ),
        (
            "$.components.schemas.*",
            [("components", "schemas", n) for n in ("User", "Proxy", "Ref")],
        ),
        (
            '$.paths..parameters[?(@.name == "account_id")].schema.type',
            [("paths", "/v1/users", "get", "parameters", 0, "schema", "type")],
        ),
        (
            '$.components.schemas.Proxy.anyOf[?(@.type == "array")]',
            [("components", "schemas", "Proxy", "anyOf", 0)],
        ),
        ("$.paths..parameters[?(!@.schema)]", [("paths", "/v1/users", "get", "parameters", 1)]),
        (
            "$.paths..parameters[?(@.in == 'query' && @.schema.type == 'integer')]",
            [("paths", "/v1/users", "get", "parameters", 0)],
        ),
        (
            "$.components.schemas['User','Ref']",
            [("components", "schemas", "User"), ("components", "schemas", "Ref")],
        ),
        ("$.nothing.here", []),
    ],
)
def test_select(path: str, expected: list[tuple[Any, ...]]):
    assert select(doc(), path) == expected


@pytest.mark.parametrize("path", ["paths.x", "$.a[", "$.a[?(@.b == )]", "$.a[?(@.b == 'x']", "$."])
def test_select_refuses_what_it_cannot_read(path: str):
    with pytest.raises(JSONPathError):
        select(doc(), path)


def run(data: Any, command: str, **args: Any) -> Any:
    report = apply_transforms(
        data, (TransformConfig(command, "why", args, "/openapi/transforms/0", 7),), "s.yml"
    )
    return report


def test_remove_every_match_and_keys():
    data = doc()
    report = run(data, "remove", target="$..propertyNames")
    assert "propertyNames" not in data["components"]["schemas"]["User"]
    assert "propertyNames" not in data["components"]["schemas"]["User"]["properties"]["tags"]
    (note,) = report.notes
    assert note.line == 7 and "remove (why): 2 change(s)" in note.message
    run(data, "remove", target="$.paths['/v1/users'].get.parameters[*]")
    assert data["paths"]["/v1/users"]["get"]["parameters"] == []
    run(data, "remove", target="$.info", keys=["version", "nope"])
    assert data["info"] == {"title": "T"}


def test_update_replaces_and_templates():
    data = doc()
    run(
        data,
        "update",
        target='$.paths..parameters[?(@.name == "account_id")].schema.type',
        value="string",
    )
    assert data["paths"]["/v1/users"]["get"]["parameters"][0]["schema"] == {"type": "string"}
    run(data, "update", target="$.paths[*][*].summary", value="[BETA] {{value}}", template=True)
    assert data["paths"]["/v3.1/items"]["post"]["summary"] == "[BETA] Add"
    with pytest.raises(ConfigError, match="args.value is required"):
        run(data, "update", target="$.info.title")


def test_merge_is_deep():
    data = doc()
    run(
        data,
        "merge",
        target="$.paths['/v1/users'].get",
        value={"x-stainless-naming": {"python": {"method": "all"}}, "summary": "All"},
    )
    op = data["paths"]["/v1/users"]["get"]
    assert op["summary"] == "All" and op["x-stainless-naming"]["python"]["method"] == "all"
    run(data, "merge", target="$.paths['/v1/users'].get", value={"x-stainless-naming": {"go": {}}})
    assert set(op["x-stainless-naming"]) == {"python", "go"}
    with pytest.raises(ConfigError, match="is not a mapping"):
        run(data, "merge", target="$.info.title", value={"a": 1})


def test_append_to_lists_and_mappings():
    data = doc()
    run(
        data,
        "append",
        target="$.paths['/v1/users'].get.parameters",
        value={"name": "q", "in": "query"},
    )
    assert data["paths"]["/v1/users"]["get"]["parameters"][-1]["name"] == "q"
    run(data, "append", target="$.info", value={"summary": "s"})
    assert data["info"]["summary"] == "s"
    with pytest.raises(ConfigError, match="already has 'title'"):
        run(data, "append", target="$.info", value={"title": "again"})


def test_rename_a_component_rewrites_its_refs_and_keeps_its_place():
    data = doc()
    run(data, "rename", target="$.components.schemas.User", to="Account")
    assert list(data["components"]["schemas"]) == ["Account", "Proxy", "Ref"]
    assert data["components"]["schemas"]["Ref"] == {"$ref": "#/components/schemas/Account"}


def test_rename_a_key_of_each_target():
    data = doc()
    run(data, "rename", target="$.paths[*][*]", **{"from": "summary", "to": "description"})
    assert data["paths"]["/v3.1/items"]["post"] == {"description": "Add"}


def test_extract_to_refs():
    data = doc()
    run(
        data,
        "extractToRefs",
        target='$.components.schemas.Proxy.anyOf[?(@.type == "array")]',
        ref="ProxyList",
    )
    assert data["components"]["schemas"]["Proxy"]["anyOf"][0] == {
        "$ref": "#/components/schemas/ProxyList"
    }
    assert data["components"]["schemas"]["ProxyList"] == {"type": "array", "items": {}}
    with pytest.raises(ConfigError, match="must name the schema"):
        run(data, "extractToRefs", target="$.components.schemas.User.properties.tags")


def test_a_target_that_matches_nothing_is_a_warning_and_copy_is_not_supported():
    data = doc()
    report = run(data, "remove", target="$.components.schemas.Gone")
    assert "matches nothing" in report.warnings[0].message and report.warnings[0].file == "s.yml"
    assert "not supported" in run(data, "copy", target="$.info").warnings[0].message
    assert data == doc() or data["info"] == DOC["info"]


def test_bad_target_is_an_error_at_the_transform():
    with pytest.raises(ConfigError) as info:
        run(doc(), "remove", target="info.title")
    assert info.value.line == 7 and info.value.pointer == "/openapi/transforms/0"


SPEC = """openapi: 3.1.0
info: {title: Zoo, version: '1'}
servers: [{url: https://zoo.example}]
paths:
  /animals:
    get:
      operationId: listAnimals
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Beast'}
components:
  schemas:
    Beast:
      type: object
      properties:
        name: {type: string}
        bogus: {type: strnig}
"""


def test_transforms_run_before_validation_and_modelling(tmp_path: Path):
    spec = tmp_path / "openapi.yaml"
    spec.write_text(SPEC)
    config = tmp_path / "stainless.yml"
    config.write_text(
        "openapi:\n  transforms:\n"
        "    - {command: remove, args: {target: '$.components.schemas.Beast.properties.bogus'}}\n"
        "    - {command: rename, args: {target: '$.components.schemas.Beast', to: Animal}}\n"
    )
    diagnostics = Diagnostics()
    api = load_api(Inputs(spec, config), diagnostics)
    # The invalid `type: strnig` is gone before the schema check, so there is no warning.
    assert diagnostics.items == []
    assert [m.class_name for m in api.models] == ["Animal"]
    assert len(diagnostics.notes) == 2


def test_schema_matching_targets_are_a_warning():
    data = doc()
    report = run(
        data,
        "update",
        target=[{"matches_schema": "$.components.schemas.User"}],
        value={"$ref": "#/components/schemas/User"},
    )
    assert "schema-matching targets are not supported" in report.warnings[0].message
    assert data == doc()
