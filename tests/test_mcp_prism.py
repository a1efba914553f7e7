"""The tool schemas accept what the API accepts: arguments that satisfy a tool's input
schema produce a request Prism (``--errors``) lets through, for every operation of
the default spec and of the fixtures.

Two argument sets per tool are built from the tool's own schema: the smallest
(required arguments only, each at its lower bounds) and the largest (every
argument, nested objects filled in too). Each is first checked against the
schema, so a builder bug cannot hide a schema that is too loose or too strict.
The pet store also runs as a plain (non-Boltz) server end to end.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import find, settings
from hypothesis.strategies import from_regex
from mcp import ClientSession, types

from tests.harness import generate
from tests.servers import ROOT, EchoServer, Prism
from tests.test_mcp import drive, result_json, result_text, server_env

FIXTURES = ROOT / "tests" / "fixtures"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00binary\xff"

#: Values for string formats Prism checks.
_FORMATS = {
    "date-time": "2024-01-02T03:04:05Z",
    "date": "2024-01-02",
    "time": "03:04:05Z",
    "uuid": "0b8c6c33-5a4c-4a8e-9f57-2f7e3b1d3c11",
    "email": "ann@example.com",
    "uri": "https://example.com/x",
    "url": "https://example.com/x",
    "hostname": "example.com",
    "ipv4": "10.0.0.1",
    "ipv6": "::1",
    "byte": base64.b64encode(b"bytes").decode(),
}


#: (tool, largest) -> what Prism says about a request that is right: Prism 5 does not
#: read a form body's repeated keys (``b=x&b=y``, OpenAPI's form/explode default) as an array.
PRISM_LIMITS = {("submit_forms", True): "Request body property b must be array"}


def example(schema: dict[str, Any], largest: bool, depth: int = 0) -> Any:
    """A value that satisfies ``schema`` (the JSON Schemas the generator writes)."""
    for key in ("default", "examples"):
        if key in schema and not largest:
            value = schema[key][0] if key == "examples" else schema[key]
            if _valid(value, schema):
                return value
    if "enum" in schema:
        values = [v for v in schema["enum"] if v is not None]
        return (values[-1] if largest else values[0]) if values else None
    if "anyOf" in schema:
        variants = [v for v in schema["anyOf"] if v.get("type") != "null"]
        return example(variants[0], largest, depth) if variants else None
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind is None:
        kind = "object" if "properties" in schema else "string"
    if kind == "string":
        if schema.get("contentEncoding") == "base64":
            return base64.b64encode(b"file contents").decode()
        if "pattern" in schema:
            return _matching(schema)
        text = _FORMATS.get(schema.get("format", ""), "abc")
        low, high = schema.get("minLength", 0), schema.get("maxLength")
        if len(text) < low:
            text = text + "x" * (low - len(text))
        if high is not None and len(text) > high:
            text = text[: max(high, low)]
        return text
    if kind in ("integer", "number"):
        return _number(schema, kind, largest)
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    if kind == "array":
        # Two items when largest: an array of one in a form body reads back as a scalar.
        count = max(schema.get("minItems", 0), 2 if largest else 0)
        if "maxItems" in schema:
            count = min(count, schema["maxItems"])
        item_schema = schema.get("items", {})
        items = []
        for i in range(count):
            item = example(item_schema, largest, depth + 1)
            if schema.get("uniqueItems") and isinstance(item, (int, float)):
                item = item + i
            if schema.get("uniqueItems") and item in items:
                break
            items.append(item)
        return items
    # object
    properties = schema.get("properties", {})
    required = set(schema.get("required", ()))
    out = {}
    for name, sub in properties.items():
        # Prism (5.x) crashes on a request without an optional array header, so
        # array headers are always sent (a Prism bug, not a rule of the spec).
        prism_crash = depth == 0 and _is_array_header(sub)
        if name in required or prism_crash or (largest and depth < 4 and name != "jq_filter"):
            out[name] = example(sub, largest, depth + 1)
    if not properties and isinstance(schema.get("additionalProperties"), dict) and largest:
        out["key"] = example(schema["additionalProperties"], largest, depth + 1)
    return out


def _matching(schema: dict[str, Any]) -> str:
    """The simplest string fitting a ``pattern`` (and the length bounds), found by hypothesis."""
    strategy = from_regex(schema["pattern"], fullmatch=False)
    found: str = find(strategy, lambda text: _valid(text, schema), settings=settings(database=None))
    return found


def _number(schema: dict[str, Any], kind: str, largest: bool) -> int | float:
    low = schema.get("minimum")
    if "exclusiveMinimum" in schema:
        low = schema["exclusiveMinimum"] + 1
    high = schema.get("maximum")
    if "exclusiveMaximum" in schema:
        high = schema["exclusiveMaximum"] - 1
    value = (
        (high if largest and high is not None else low)
        if (low is not None or high is not None)
        else 1
    )
    if value is None:
        value = high if high is not None else 1
    step = schema.get("multipleOf")
    if step:
        value = (int(value / step) + (1 if value % step else 0)) * step
    return int(value) if kind == "integer" else value


def _is_array_header(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    is_array = kind == "array" or (isinstance(kind, list) and "array" in kind)
    return is_array and "(header parameter" in schema.get("description", "")


def _valid(value: Any, schema: dict[str, Any]) -> bool:
    return jsonschema.Draft202012Validator(schema).is_valid(value)


def check_against_prism(
    spec: Path, pythonpath: str, package: str, env_prefix: str, key_vars: list[str]
) -> list[str]:
    """Every tool called with its smallest and largest arguments: the problems found."""
    problems: list[str] = []
    calls: list[tuple[str, str]] = []
    with Prism(spec) as url:
        env = server_env(pythonpath=pythonpath)
        env[f"{env_prefix}_BASE_URL"] = url
        for var in key_vars:
            env[var] = "sk_test_prism_key"

        async def body(session: ClientSession) -> None:
            tools = (await session.list_tools()).tools
            assert tools
            for tool in tools:
                for largest in (False, True):
                    args = example(tool.inputSchema, largest)
                    label = (
                        f"{tool.name} ({'largest' if largest else 'smallest'}): {json.dumps(args)}"
                    )
                    if not _valid(args, tool.inputSchema):
                        problems.append(f"{label}: the built arguments do not fit the schema")
                        continue
                    result = await session.call_tool(tool.name, args)
                    calls.append((tool.name, label))
                    known = PRISM_LIMITS.get((tool.name, largest))
                    if known is not None:
                        # still refused for that reason alone, or the entry goes
                        if not (result.isError and known in result_text(result)):
                            problems.append(f"{label}: no longer refused with {known!r}")
                    elif result.isError:
                        problems.append(f"{label}: {result_text(result)[:600]}")

        drive(body, ["--tools", "static"], env, package=package)
    assert calls, "no tool was called"
    return problems


def test_default_spec_against_prism():
    problems = check_against_prism(
        ROOT / "spec" / "openapi.yaml", "", "boltz_api_mcp", "BOLTZ", ["BOLTZ_API_KEY"]
    )
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    out: dict[str, Path] = {}
    for name in ("cli_kitchen", "sdk_edge_cases"):
        folder = tmp_path_factory.mktemp(name)
        result = generate(FIXTURES / name / "openapi.yaml", folder)
        assert result.returncode == 0, result.stderr
        out[name] = folder
    out["petstore"] = FIXTURES / "petstore" / "expected"
    yield out


def _package(out: Path) -> str:
    (name,) = [p.name for p in (out / "mcp" / "src").iterdir() if p.is_dir()]
    return name


def _prefix_and_keys(out: Path) -> tuple[str, list[str]]:
    """The environment prefix and the credential variables, as the README lists them."""
    data = json.loads((out / "mcp" / "src" / _package(out) / "_tools.json").read_text())
    prefix = data["api"]["env_prefix"]
    readme = (out / "mcp" / "README.md").read_text()
    keys = [line.split("`")[1] for line in readme.splitlines() if "| credential" in line]
    return prefix, keys


@pytest.mark.parametrize("fixture", ["petstore", "cli_kitchen", "sdk_edge_cases"])
def test_fixture_against_prism(fixture: str, generated: dict[str, Path]):
    out = generated[fixture]
    prefix, keys = _prefix_and_keys(out)
    pythonpath = os.pathsep.join([str(out / "sdk" / "src"), str(out / "mcp" / "src")])
    problems = check_against_prism(
        FIXTURES / fixture / "openapi.yaml", pythonpath, _package(out), prefix, keys
    )
    assert not problems, "\n".join(problems)


def test_example_builder_fits_schemas():
    schema = {
        "type": "object",
        "properties": {
            "n": {"type": "integer", "minimum": 3, "maximum": 9, "multipleOf": 3},
            "s": {"type": "string", "minLength": 5, "format": "date"},
            "a": {"type": "array", "items": {"enum": ["x", "y"]}, "minItems": 2},
        },
        "required": ["n", "s", "a"],
    }
    for largest in (False, True):
        value = example(schema, largest)
        assert _valid(value, schema), value
    assert example(schema, False)["n"] == 3 and example(schema, True)["n"] == 9


# --- the pet store end to end, on a plain echo server --------------------------------


def test_petstore_wire_requests():
    out = FIXTURES / "petstore" / "expected"
    pythonpath = os.pathsep.join([str(out / "sdk" / "src"), str(out / "mcp" / "src")])
    with EchoServer() as echo:
        echo.routes[("GET", "/pets/42")] = (200, "image/png", PNG)
        env = server_env(
            pythonpath=pythonpath,
            PET_STORE_BASE_URL=echo.base_url,
            PET_STORE_API_KEY="tok_petstore_secret",
        )

        async def body(session: ClientSession) -> None:
            tools = {t.name: t for t in (await session.list_tools()).tools}
            assert sorted(tools) == [
                "create_pets",
                "delete_pets",
                "get_by_id_pets",
                "list_pets",
                "place_order_store",
            ]
            assert tools["delete_pets"].annotations.destructiveHint is True
            assert tools["delete_pets"].annotations.idempotentHint is True
            listed = await session.call_tool(
                "list_pets", {"status": ["available", "sold"], "limit": 5, "x_request_id": "abc"}
            )
            assert not listed.isError, result_text(listed)
            assert result_json(listed) == {"ok": True}
            # a binary answer comes back as an embedded resource, not as text
            picture = await session.call_tool("get_by_id_pets", {"pet_id": 42})
            assert not picture.isError, result_text(picture)
            (block,) = picture.content
            assert isinstance(block, types.EmbeddedResource)
            assert isinstance(block.resource, types.BlobResourceContents)
            assert base64.b64decode(block.resource.blob) == PNG
            assert block.resource.mimeType == "image/png"
            created = await session.call_tool(
                "create_pets",
                {"name": "Rex", "owner": {"name": "Ann", "address": {"city": "Oslo"}}},
            )
            assert not created.isError, result_text(created)
            assert "tok_petstore_secret" not in json.dumps(
                [t.model_dump(mode="json") for t in tools.values()]
            )

        drive(body, [], env, package="pet_store_api_mcp")
        methods = [(r.method, r.path) for r in echo.requests]
        assert methods[0][0] == "GET" and methods[0][1] == "/pets"
        assert echo.requests[0].query == {"status": ["available", "sold"], "limit": ["5"]}
        assert echo.requests[0].headers["x-request-id"] == "abc"
        assert echo.requests[0].headers["authorization"] == "Bearer tok_petstore_secret"
        assert methods[1] == ("GET", "/pets/42")
        assert methods[2] == ("POST", "/pets")
        assert echo.requests[2].json() == {
            "name": "Rex",
            "owner": {"name": "Ann", "address": {"city": "Oslo"}},
        }


def test_petstore_filters_dynamic_mode_and_errors_over_http():
    out = FIXTURES / "petstore" / "expected"
    pythonpath = os.pathsep.join([str(out / "sdk" / "src"), str(out / "mcp" / "src")])
    with EchoServer() as echo:
        echo.routes[("GET", "/pets/7")] = (404, "application/json", b'{"message": "no pet 7"}')
        env = server_env(
            pythonpath=pythonpath, PET_STORE_BASE_URL=echo.base_url, PET_STORE_API_KEY="tok_pets"
        )

        async def body(session: ClientSession) -> None:
            listed = result_json(await session.call_tool("list_api_endpoints", {}))
            # --tag pets and --operation read: the GET operations of the pets tag
            assert [e["endpoint"] for e in listed["endpoints"]] == ["list_pets", "get_by_id_pets"]
            missing = await session.call_tool(
                "invoke_api_endpoint", {"endpoint": "get_by_id_pets", "args": {"pet_id": 7}}
            )
            assert missing.isError and (missing.structuredContent or {})["error"]["status"] == 404
            assert "no pet 7" in result_text(missing)
            bad = await session.call_tool(
                "invoke_api_endpoint", {"endpoint": "get_by_id_pets", "args": {"pet_id": "seven"}}
            )
            assert bad.isError and "nothing was sent" in result_text(bad)
            refused = await session.call_tool(
                "invoke_api_endpoint", {"endpoint": "delete_pets", "args": {"pet_id": 7}}
            )
            assert refused.isError  # filtered out at start-up

        drive(
            body,
            ["--tools", "dynamic", "--tag", "pets", "--operation", "read"],
            env,
            transport="http",
            package="pet_store_api_mcp",
        )
        assert [(r.method, r.path) for r in echo.requests] == [("GET", "/pets/7")]

    # a server that is not there: a connection error result, not a crash
    env = server_env(
        pythonpath=pythonpath, PET_STORE_BASE_URL="http://127.0.0.1:9", PET_STORE_API_KEY="tok"
    )

    async def unreachable(session: ClientSession) -> None:
        result = await session.call_tool("list_pets", {})
        assert result.isError and "Could not connect" in result_text(result)
        again = await session.call_tool("list_pets", {})
        assert again.isError  # the server is still up

    drive(unreachable, ["--max-retries", "0"], env, package="pet_store_api_mcp")
