"""The MCP target in process: tool names, input schemas, annotations, and the filter.

Every document of the corpus that generates gets tools whose names are legal and
unique and whose schemas are valid Draft 2020-12 schemas with no ``$ref``; a
recursive type is expanded once and then cut; constraints Python cannot check
(an unbounded ``.inf``, a regex ``re`` cannot run) are left to the API.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from generator import naming
from generator.errors import Diagnostics
from generator.pipeline import Inputs, load_api
from generator.targets.mcp import MAX_MODEL_DEPTH, render_mcp, tool_records
from tests.servers import ROOT

CORPUS = ROOT / "tests" / "fixtures" / "corpus"
GENERATING = sorted(
    p.name
    for p in CORPUS.iterdir()
    if (p / "expect.yaml").is_file()
    and yaml.safe_load((p / "expect.yaml").read_text())["outcome"] == "generated"
)


def tools_of(spec: Path, config: Path | None = None) -> dict[str, dict[str, Any]]:
    api = load_api(Inputs(spec, config), Diagnostics())
    return {t["name"]: t for t in tool_records(api)}


def write_spec(tmp_path: Path, paths: dict[str, Any], **components: Any) -> Path:
    doc = {
        "openapi": "3.1.0",
        "info": {"title": "Marks", "version": "1"},
        "paths": paths,
        "components": components,
    }
    spec = tmp_path / "openapi.yaml"
    spec.write_text(yaml.safe_dump(doc))
    return spec


OK = {"200": {"description": "ok"}}


# --- names ----------------------------------------------------------------------------


def test_tool_names_are_readable_unique_and_within_64():
    names = naming.mcp_tool_names(
        [
            (("admin", "api_keys"), "create"),
            (("admin", "api_keys"), "create"),
            (("x" * 80,), "list"),
            (("x" * 80,), "list"),
            (("x" * 80 + "y",), "list"),
            ((), "list_api_endpoints"),
            (("Weird Näme!",), "get"),
        ]
    )
    assert names[0] == "create_admin_api_keys"
    assert names[1] == "create_admin_api_keys_2"
    assert len(set(names)) == len(names)
    assert all(naming.MCP_TOOL_NAME.match(n) and len(n) <= 64 for n in names)
    # a cut name keeps a hash of the whole, so two long names cut alike stay apart
    assert names[2] != names[4] and names[2][:50] == names[4][:50]
    assert names[3].endswith("_2") and len(names[3]) == 64
    assert names[5] == "list_api_endpoints_2"  # dynamic mode's names stay free
    assert naming.MCP_TOOL_NAME.match(names[6])
    # stable: the same input, the same names
    assert naming.mcp_tool_base(("x" * 80,), "list") == names[2]


def test_filter_argument_avoids_an_operation_argument():
    assert naming.mcp_filter_argument(["name", "limit"]) == "jq_filter"
    assert naming.mcp_filter_argument(["jq_filter"]) == "_jq_filter"


def test_distribution_names_follow_the_sdk_and_cli():
    assert naming.mcp_distribution("boltz-api", "boltz_api", "boltz-api") == (
        "boltz-api-mcp",
        "boltz_api_mcp",
        "boltz-api-mcp",
    )


# --- every corpus document ----------------------------------------------------------


@pytest.mark.parametrize("name", GENERATING)
def test_corpus_tools_are_valid(name: str):
    folder = CORPUS / name
    config = folder / "generator.yaml"
    (spec,) = [p for p in folder.iterdir() if p.stem == "openapi"]
    tools = tools_of(spec, config if config.is_file() else None)
    assert tools
    for tool in tools.values():
        assert naming.MCP_TOOL_NAME.match(tool["name"])
        schema = tool["inputSchema"]
        jsonschema.Draft202012Validator.check_schema(schema)
        text = json.dumps(schema, allow_nan=False)
        assert '"$ref"' not in text, tool["name"]
        assert schema["additionalProperties"] is False
        assert set(schema.get("required", ())) <= set(schema["properties"])
        for arg in tool["arguments"]:
            assert arg["name"] in schema["properties"]


def test_recursive_types_are_expanded_then_cut():
    tools = tools_of(CORPUS / "recursive" / "openapi.yaml")
    (replace,) = [t for t in tools.values() if t["method"] == "PUT"]
    text = json.dumps(replace["inputSchema"])
    assert "nested too deeply" in text
    assert text.count("nested too deeply") < 50  # bounded, not exponential

    def depth(node: Any) -> int:
        if isinstance(node, dict):
            return 1 + max((depth(v) for v in node.values()), default=0)
        if isinstance(node, list):
            return max((depth(v) for v in node), default=0)
        return 0

    assert depth(replace["inputSchema"]) < 8 * (MAX_MODEL_DEPTH + 2)


def test_tags_and_destructive_marks_and_annotations(tmp_path: Path):
    spec = write_spec(
        tmp_path,
        {
            "/things/{id}": {
                "get": {"operationId": "getThing", "tags": ["things", "read"], "responses": OK},
                "head": {"operationId": "headThing", "responses": OK},
                "put": {"operationId": "putThing", "responses": OK},
                "delete": {"operationId": "deleteThing", "responses": OK},
                "patch": {"operationId": "patchThing", "responses": OK},
                "post": {"operationId": "wipeThing", "x-destructive": True, "responses": OK},
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
            }
        },
    )
    tools = {t["method"]: t for t in tools_of(spec).values()}
    hints = {m: t["annotations"] for m, t in tools.items()}
    assert tools["GET"]["tags"] == ["things", "read"]
    assert hints["GET"] == {
        "readOnlyHint": True,
        "destructiveHint": False,
        "idempotentHint": True,
        "openWorldHint": True,
    }
    assert hints["HEAD"]["readOnlyHint"] and hints["HEAD"]["idempotentHint"]
    assert hints["PUT"] == {
        "readOnlyHint": False,
        "destructiveHint": False,
        "idempotentHint": True,
        "openWorldHint": True,
    }
    assert hints["DELETE"]["destructiveHint"] and hints["DELETE"]["idempotentHint"]
    assert not hints["PATCH"]["destructiveHint"] and not hints["PATCH"]["idempotentHint"]
    assert hints["POST"]["destructiveHint"] and not hints["POST"]["idempotentHint"]


def test_tags_come_from_path_items_in_other_files():
    tools = tools_of(CORPUS / "refs-multifile" / "openapi.yaml")
    assert tools and all(t["tags"] == ["pets"] for t in tools.values() if t["resource"] == "pets")
    assert any(t["tags"] for t in tools.values())


def test_constraints_python_cannot_check_are_left_out(tmp_path: Path):
    spec = write_spec(
        tmp_path,
        {
            "/x": {
                "post": {
                    "operationId": "makeX",
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["code"],
                                    "properties": {
                                        "code": {"type": "string", "pattern": "^[A-Z]{2}$"},
                                        "letters": {"type": "string", "pattern": "^\\p{L}+$"},
                                        "size": {
                                            "type": "number",
                                            "minimum": 0,
                                            "maximum": float("inf"),
                                        },
                                        "maybe": {"type": ["integer", "null"], "default": 3},
                                        "kind": {"enum": ["a", "b", None]},
                                        "nested": {"$ref": "#/components/schemas/Nested"},
                                    },
                                }
                            }
                        }
                    },
                    "responses": OK,
                }
            }
        },
        schemas={
            "Nested": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string", "readOnly": True},
                    "note": {"type": "string"},
                },
            }
        },
    )
    (tool,) = tools_of(spec).values()
    props = tool["inputSchema"]["properties"]
    assert props["code"]["pattern"] == "^[A-Z]{2}$"
    assert "pattern" not in props["letters"]  # Python's re has no \p{L}: the API checks it
    assert props["size"]["minimum"] == 0 and "maximum" not in props["size"]
    assert props["maybe"]["type"] == ["integer", "null"] and props["maybe"]["default"] == 3
    assert None in props["kind"]["enum"]
    assert props["nested"]["additionalProperties"] is False
    assert "id" not in props["nested"]["properties"]  # read-only: never sent
    validator = jsonschema.Draft202012Validator(tool["inputSchema"])
    assert validator.is_valid({"code": "NO", "maybe": None, "nested": {"note": "n"}})
    assert not validator.is_valid({"code": "no"})
    assert not validator.is_valid({"code": "NO", "nested": {"id": "x"}})


def test_rendered_files_and_readme(tmp_path: Path):
    api = load_api(
        Inputs(ROOT / "spec" / "openapi.yaml", ROOT / "spec" / "generator.yaml"), Diagnostics()
    )
    files = render_mcp(api)
    assert set(files) >= {
        "pyproject.toml",
        "README.md",
        "src/boltz_api_mcp/__init__.py",
        "src/boltz_api_mcp/__main__.py",
        "src/boltz_api_mcp/server.py",
        "src/boltz_api_mcp/_tools.json",
    }
    data = json.loads(files["src/boltz_api_mcp/_tools.json"])
    assert [t["name"] for t in data["tools"]] == [
        "create_admin_api_keys",
        "list_admin_api_keys",
        "revoke_admin_api_keys",
    ]
    assert render_mcp(api) == files  # deterministic


# --- the result filter (the generated module itself) ---------------------------------


@pytest.fixture(scope="module")
def result_filter() -> Any:
    sys.path.insert(0, str(ROOT / "generated" / "mcp" / "src"))
    try:
        return importlib.import_module("boltz_api_mcp._filter")
    finally:
        sys.path.pop(0)


PAGE = {"data": [{"id": "a", "n": 1}, {"id": "b", "n": 2}], "has_more": False, "odd key": 7}


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        (".", PAGE),
        (".data[0].id", "a"),
        (".data[-1].n", 2),
        (".data[].id", ["a", "b"]),
        ('.["odd key"]', 7),
        (".data | length", 2),
        (".data[] | .n", [1, 2]),
        (".data | first | .id", "a"),
        (".data | last", {"id": "b", "n": 2}),
        ("keys", ["data", "has_more", "odd key"]),
        (".missing", None),
        (".missing.deeper", None),
        (".data[5]", None),
        ("data.#.id", ["a", "b"]),
        ("data.1.n", 2),
        ("data.#(n==2).id", "b"),
        ("has_more", False),
    ],
)
def test_filter(result_filter: Any, expression: str, expected: Any):
    assert result_filter.apply(PAGE, expression) == expected


@pytest.mark.parametrize(
    "expression", ["", ".data[[", ".data.id", ".has_more[]", "| .x", ".data[0] |"]
)
def test_filter_errors(result_filter: Any, expression: str):
    with pytest.raises(result_filter.FilterError):
        result_filter.apply(PAGE, expression)
