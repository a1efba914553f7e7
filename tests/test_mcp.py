"""The generated MCP server (generated/mcp), started as a subprocess and driven by
the ``mcp`` SDK's own client over stdio and over streamable HTTP.

Against the stateful test server (tests/servers.py): the tools and their
schemas (valid Draft 2020-12 JSON Schemas, no ``$ref``), annotations, create,
list (one page and the cursor for the next) and revoke with the requests they
put on the wire, error results (404, 422, arguments the schema refuses that
are never sent, a dropped connection), the result filter, the start-up
filters and dynamic mode. The API key must appear in no description, result
or log line.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
import jsonschema
import pytest
from mcp import ClientSession, StdioServerParameters, types
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client

from tests.servers import API_KEY, ROOT, StatefulServer, free_port, stateful_server

GENERATED = ROOT / "generated"
PACKAGE = "boltz_api_mcp"
TOOL_NAME = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")


def server_env(
    base_url: str = "http://127.0.0.1:9", *, pythonpath: str | None = None, **extra: str
) -> dict[str, str]:
    """The environment the server runs in: the SDK's variables, nothing inherited that could leak."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOLTZ_")}
    env["BOLTZ_API_KEY"] = API_KEY
    env["BOLTZ_BASE_URL"] = base_url
    if pythonpath is not None:
        env["PYTHONPATH"] = pythonpath
    env.update(extra)
    return env


def run_cli(
    *args: str, package: str = PACKAGE, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m PACKAGE ARGS`` (the --list and usage-error paths)."""
    return subprocess.run(
        [sys.executable, "-m", package, *args],
        capture_output=True,
        text=True,
        env=env or server_env(),
        timeout=60,
    )


@asynccontextmanager
async def stdio_session(
    flags: list[str], env: dict[str, str], package: str = PACKAGE, errlog: Any = None
) -> AsyncIterator[ClientSession]:
    params = StdioServerParameters(command=sys.executable, args=["-m", package, *flags], env=env)
    async with stdio_client(params, errlog=errlog or sys.stderr) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            yield session


@asynccontextmanager
async def http_session(
    flags: list[str], env: dict[str, str], package: str = PACKAGE, log: Path | None = None
) -> AsyncIterator[ClientSession]:
    port = free_port()
    out = open(log, "w") if log is not None else subprocess.DEVNULL  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", package, "--transport", "http", "--port", str(port), *flags],
        env=env,
        stdout=out,
        stderr=out,
    )
    try:
        await _wait_for_port(port, proc)
        async with streamable_http_client(f"http://127.0.0.1:{port}/mcp") as (read, write, _):
            async with ClientSession(read, write) as session:
                await session.initialize()
                yield session
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if log is not None:
            out.close()  # type: ignore[union-attr]


async def _wait_for_port(port: int, proc: subprocess.Popen[bytes]) -> None:
    with anyio.fail_after(30):
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"the server exited with {proc.returncode}")
            try:
                stream = await anyio.connect_tcp("127.0.0.1", port)
            except OSError:
                await anyio.sleep(0.05)
                continue
            await stream.aclose()
            return


def drive(
    body: Callable[[ClientSession], Awaitable[None]],
    flags: list[str],
    env: dict[str, str],
    *,
    transport: str = "stdio",
    package: str = PACKAGE,
) -> None:
    """Start the server, run ``body`` against it, stop it."""

    async def main() -> None:
        opener = stdio_session if transport == "stdio" else http_session
        async with opener(flags, env, package) as session:
            await body(session)

    anyio.run(main)


def result_json(result: types.CallToolResult) -> Any:
    """The first text block of a result, as JSON."""
    first = result.content[0]
    assert isinstance(first, types.TextContent)
    return json.loads(first.text)


def result_text(result: types.CallToolResult) -> str:
    return "\n".join(c.text for c in result.content if isinstance(c, types.TextContent))


def check_tool_listing(tools: list[types.Tool]) -> None:
    """Names legal and unique, schemas valid 2020-12 without $ref, annotations present."""
    names = [t.name for t in tools]
    assert len(set(names)) == len(names)
    meta = jsonschema.Draft202012Validator.META_SCHEMA
    for tool in tools:
        assert TOOL_NAME.match(tool.name), tool.name
        jsonschema.Draft202012Validator.check_schema(tool.inputSchema)
        jsonschema.validate(tool.inputSchema, meta)
        assert "$ref" not in json.dumps(tool.inputSchema), tool.name
        assert tool.inputSchema["type"] == "object"
        assert tool.description
        assert tool.annotations is not None
        assert API_KEY not in json.dumps(tool.model_dump())


# --- the default spec over stdio ------------------------------------------------


@pytest.fixture
def api() -> Any:
    with stateful_server() as server:
        yield server


def test_tools_schemas_and_annotations():
    seen: dict[str, types.Tool] = {}

    async def body(session: ClientSession) -> None:
        listed = await session.list_tools()
        seen.update({t.name: t for t in listed.tools})

    drive(body, [], server_env())
    check_tool_listing(list(seen.values()))
    assert sorted(seen) == ["create_admin_api_keys", "list_admin_api_keys", "revoke_admin_api_keys"]
    create = seen["create_admin_api_keys"]
    schema = create.inputSchema
    assert schema["required"] == ["name"]
    assert schema["additionalProperties"] is False
    assert schema["properties"]["name"] == {
        "type": "string",
        "minLength": 1,
        "maxLength": 255,
        "description": "API key name",
    }
    assert schema["properties"]["expires_in_days"]["minimum"] == 1
    assert schema["properties"]["expires_in_days"]["maximum"] == 365
    assert schema["properties"]["mode"]["enum"] == ["live", "test"]
    assert schema["properties"]["allowed_ips"]["default"] == []
    assert "jq_filter" in schema["properties"]
    assert create.title == "Create a workspace API key"
    assert "POST /compute/v1/admin/api-keys" in (create.description or "")
    hints = {n: t.annotations for n, t in seen.items()}
    assert hints["list_admin_api_keys"].readOnlyHint is True
    assert hints["list_admin_api_keys"].idempotentHint is True
    assert hints["list_admin_api_keys"].destructiveHint is False
    assert hints["create_admin_api_keys"].readOnlyHint is False
    assert hints["create_admin_api_keys"].destructiveHint is False
    assert hints["create_admin_api_keys"].idempotentHint is False
    # revoke is a POST the spec marks `x-destructive: true`
    assert hints["revoke_admin_api_keys"].destructiveHint is True
    assert hints["revoke_admin_api_keys"].readOnlyHint is False
    listing = seen["list_admin_api_keys"].inputSchema
    assert listing["properties"]["limit"]["type"] == "integer"
    assert "query parameter `limit`" in listing["properties"]["limit"]["description"]
    revoke = seen["revoke_admin_api_keys"].inputSchema
    assert revoke["required"] == ["api_key_id"]


def exercise(server: StatefulServer) -> Callable[[ClientSession], Awaitable[None]]:
    """create, list (two pages), revoke, and the error results, against ``server``."""

    async def body(session: ClientSession) -> None:
        created = await session.call_tool(
            "create_admin_api_keys", {"name": "ci", "allowed_ips": ["10.0.0.1"], "mode": "test"}
        )
        assert not created.isError, result_text(created)
        value = result_json(created)
        assert value["key_details"]["name"] == "ci"
        assert created.structuredContent == {"status": 200, "result": value}
        rec = server.requests[-1]
        assert (rec.method, rec.path) == ("POST", "/compute/v1/admin/api-keys")
        assert rec.json() == {"name": "ci", "allowed_ips": ["10.0.0.1"], "mode": "test"}
        assert rec.headers["x-api-key"] == API_KEY
        key_id = value["key_details"]["id"]

        server.seed(3)
        page = await session.call_tool("list_admin_api_keys", {"limit": 2})
        assert not page.isError, result_text(page)
        assert server.requests[-1].query == {"limit": ["2"]}
        structured = page.structuredContent or {}
        assert len(structured["result"]["data"]) == 2
        assert structured["next_page"] == {"after_id": structured["result"]["last_id"]}
        assert "after_id" in result_text(page)
        rest = await session.call_tool(
            "list_admin_api_keys", {"limit": 2, **structured["next_page"]}
        )
        assert server.requests[-1].query == {
            "limit": ["2"],
            "after_id": [structured["result"]["last_id"]],
        }
        assert [k["id"] for k in (rest.structuredContent or {})["result"]["data"]] == [
            "key_000002",
            "key_000001",
        ]
        assert (rest.structuredContent or {})["next_page"] is None

        ids = await session.call_tool("list_admin_api_keys", {"jq_filter": "data.#.id"})
        assert result_json(ids) == ["key_000004", "key_000003", "key_000002", "key_000001"]
        jq = await session.call_tool("list_admin_api_keys", {"jq_filter": ".data[].name | length"})
        assert result_json(jq) == [5, 5, 5, 2]
        bad_filter = await session.call_tool("list_admin_api_keys", {"jq_filter": ".data[[["})
        assert bad_filter.isError

        revoked = await session.call_tool("revoke_admin_api_keys", {"api_key_id": key_id})
        assert not revoked.isError, result_text(revoked)
        assert result_json(revoked)["is_active"] is False
        assert (server.requests[-1].method, server.requests[-1].path) == (
            "POST",
            f"/compute/v1/admin/api-keys/{key_id}/revoke",
        )

        # 404 from the API
        missing = await session.call_tool("revoke_admin_api_keys", {"api_key_id": "key_nope"})
        assert missing.isError
        assert "HTTP 404" in result_text(missing)
        assert (missing.structuredContent or {})["error"]["status"] == 404
        assert (missing.structuredContent or {})["error"]["body"]["error"]["type"] == "not_found"

        # 422 from the API (the schema allows it; the server refuses it)
        server.fail_next(422, body={"error": {"type": "invalid_request", "message": "name taken"}})
        refused = await session.call_tool("create_admin_api_keys", {"name": "dup"})
        assert refused.isError
        assert (refused.structuredContent or {})["error"]["status"] == 422
        assert "name taken" in result_text(refused)

        # arguments the schema refuses are never sent
        before = len(server.requests)
        for args in (
            {"name": ""},
            {"name": "x", "expires_in_days": 0},
            {"name": "x", "mode": "staging"},
            {"name": "x", "unknown": 1},
            {},
            {"name": 5},
        ):
            bad = await session.call_tool("create_admin_api_keys", args)
            assert bad.isError, args
            assert "nothing was sent" in result_text(bad)
            assert (bad.structuredContent or {})["error"]["type"] == "invalid_arguments"
        assert len(server.requests) == before

        # a dropped connection (every attempt): an error result, and the server lives on
        server.drop_next(times=10)
        dropped = await session.call_tool("list_admin_api_keys", {})
        assert dropped.isError
        assert "Could not connect" in result_text(dropped)
        server.faults.clear()
        again = await session.call_tool("list_admin_api_keys", {"limit": 1})
        assert not again.isError

        # a response that echoes the key back: the key still never reaches the client
        server.respond_raw_next(
            200, json.dumps({"data": [], "has_more": False, "echo": API_KEY}).encode()
        )
        echoed = await session.call_tool("list_admin_api_keys", {})
        assert not echoed.isError
        assert (echoed.structuredContent or {})["result"]["echo"] == "<redacted>"
        assert API_KEY not in json.dumps(echoed.model_dump(mode="json"))

        unknown = await session.call_tool("no_such_tool", {})
        assert unknown.isError

        everything = json.dumps(
            [r.model_dump(mode="json") for r in (created, page, missing, refused, bad, dropped)]
        )
        assert API_KEY not in everything

    return body


def test_create_list_revoke_and_errors_over_stdio(api: StatefulServer, tmp_path: Path):
    log = tmp_path / "stderr.log"

    async def main() -> None:
        with log.open("w") as errlog:
            async with stdio_session(
                ["--max-retries", "1"], server_env(api.base_url), errlog=errlog
            ) as session:
                await exercise(api)(session)

    anyio.run(main)
    assert API_KEY not in log.read_text()


def test_create_list_revoke_and_errors_over_http(api: StatefulServer, tmp_path: Path):
    log = tmp_path / "server.log"

    async def main() -> None:
        env = server_env(api.base_url, BOLTZ_LOG="debug")
        async with http_session(["--max-retries", "1"], env, log=log) as session:
            await exercise(api)(session)

    anyio.run(main)
    text = log.read_text()
    assert "serving MCP at" in text
    assert API_KEY not in text


def test_missing_api_key_is_an_error_result(api: StatefulServer):
    env = server_env(api.base_url)
    del env["BOLTZ_API_KEY"]

    async def body(session: ClientSession) -> None:
        result = await session.call_tool("list_admin_api_keys", {})
        assert result.isError
        assert "BOLTZ_API_KEY" in result_text(result)

    drive(body, [], env)
    assert api.requests == []


# --- start-up filters -------------------------------------------------------------


def listed_names(*flags: str) -> list[str]:
    out = run_cli("--list", *flags)
    assert out.returncode == 0, out.stderr
    return [line.split("\t")[0] for line in out.stdout.splitlines()[1:]]


def test_filters_with_list():
    everything = ["create_admin_api_keys", "list_admin_api_keys", "revoke_admin_api_keys"]
    assert listed_names() == everything
    assert listed_names("--operation", "read") == ["list_admin_api_keys"]
    assert listed_names("--operation", "write") == [
        "create_admin_api_keys",
        "revoke_admin_api_keys",
    ]
    assert listed_names("--operation", "read", "--operation", "write") == everything
    assert listed_names("--resource", "admin.*") == everything
    assert listed_names("--resource", "admin.api_keys") == everything
    assert listed_names("--tool", "list_admin_api_keys", "--tool", "revoke_admin_api_keys") == [
        "list_admin_api_keys",
        "revoke_admin_api_keys",
    ]
    assert listed_names("--tag", "Admin API Keys", "--operation", "write") == [
        "create_admin_api_keys",
        "revoke_admin_api_keys",
    ]
    assert listed_names(
        "--tool", "create_admin_api_keys", "--operation", "read", "--tool", "list_admin_api_keys"
    ) == ["list_admin_api_keys"]
    out = run_cli("--list", "--tools", "dynamic")
    assert out.stdout.startswith(
        "dynamic mode: list_api_endpoints, get_api_endpoint_schema, invoke_api_endpoint over 3 endpoints"
    )
    header = run_cli("--list").stdout.splitlines()
    assert header[0] == "3 tools"
    assert header[2] == "list_admin_api_keys\tGET /compute/v1/admin/api-keys\tread-only,idempotent"


def test_filter_usage_errors():
    unknown = run_cli("--tool", "nope")
    assert unknown.returncode == 2
    assert "--tool" in unknown.stderr and "'nope'" in unknown.stderr
    empty = run_cli("--resource", "billing.*")
    assert empty.returncode == 2
    assert "leave no tools" in empty.stderr
    bad = run_cli("--operation", "delete")
    assert bad.returncode == 2 and "--operation" in bad.stderr


def test_filters_reach_the_client(api: StatefulServer):
    async def body(session: ClientSession) -> None:
        names = [t.name for t in (await session.list_tools()).tools]
        assert names == ["list_admin_api_keys"]
        refused = await session.call_tool("create_admin_api_keys", {"name": "x"})
        assert refused.isError

    drive(body, ["--operation", "read", "--resource", "admin.*"], server_env(api.base_url))
    assert api.requests == []


# --- dynamic mode -------------------------------------------------------------------


def test_dynamic_mode(api: StatefulServer):
    async def body(session: ClientSession) -> None:
        tools = (await session.list_tools()).tools
        check_tool_listing(tools)
        assert [t.name for t in tools] == [
            "list_api_endpoints",
            "get_api_endpoint_schema",
            "invoke_api_endpoint",
        ]
        everything = result_json(await session.call_tool("list_api_endpoints", {}))
        assert everything["count"] == 3
        found = result_json(await session.call_tool("list_api_endpoints", {"search": "revoke"}))
        assert [e["endpoint"] for e in found["endpoints"]] == ["revoke_admin_api_keys"]
        names = await session.call_tool("list_api_endpoints", {"jq_filter": "endpoints.#.endpoint"})
        assert result_json(names) == [
            "create_admin_api_keys",
            "list_admin_api_keys",
            "revoke_admin_api_keys",
        ]
        schema = result_json(
            await session.call_tool(
                "get_api_endpoint_schema", {"endpoint": "create_admin_api_keys"}
            )
        )
        assert schema["method"] == "POST"
        assert schema["inputSchema"]["required"] == ["name"]
        jsonschema.Draft202012Validator.check_schema(schema["inputSchema"])
        created = await session.call_tool(
            "invoke_api_endpoint", {"endpoint": "create_admin_api_keys", "args": {"name": "dyn"}}
        )
        assert not created.isError, result_text(created)
        assert api.requests[-1].json() == {"name": "dyn"}
        only_id = await session.call_tool(
            "invoke_api_endpoint",
            {"endpoint": "list_admin_api_keys", "args": {}, "jq_filter": "data.0.name"},
        )
        assert result_json(only_id) == "dyn"
        before = len(api.requests)
        bad = await session.call_tool(
            "invoke_api_endpoint", {"endpoint": "create_admin_api_keys", "args": {"name": ""}}
        )
        assert bad.isError and "nothing was sent" in result_text(bad)
        nowhere = await session.call_tool("invoke_api_endpoint", {"endpoint": "nope", "args": {}})
        assert nowhere.isError and "list_api_endpoints" in result_text(nowhere)
        wrong = await session.call_tool("get_api_endpoint_schema", {})
        assert wrong.isError
        assert len(api.requests) == before

    drive(body, ["--tools", "dynamic"], server_env(api.base_url))


def test_dynamic_mode_over_http_respects_filters(api: StatefulServer):
    async def body(session: ClientSession) -> None:
        listed = result_json(await session.call_tool("list_api_endpoints", {}))
        assert [e["endpoint"] for e in listed["endpoints"]] == ["list_admin_api_keys"]
        refused = await session.call_tool(
            "invoke_api_endpoint", {"endpoint": "create_admin_api_keys", "args": {"name": "x"}}
        )
        assert refused.isError

    drive(
        body,
        ["--tools", "dynamic", "--operation", "read"],
        server_env(api.base_url),
        transport="http",
    )
    assert api.requests == []


# --- the generated distribution ----------------------------------------------------------


def test_distribution_metadata():
    import tomllib

    meta = tomllib.loads((GENERATED / "mcp" / "pyproject.toml").read_text())
    assert meta["project"]["name"] == "boltz-api-mcp"
    assert meta["project"]["scripts"] == {"boltz-api-mcp": "boltz_api_mcp.server:main"}
    deps = meta["project"]["dependencies"]
    assert "mcp==1.30.0" in deps and "boltz-api==1.0.0" in deps
    import importlib.metadata

    assert importlib.metadata.version("mcp") == "1.30.0"


def test_command_runs():
    out = subprocess.run(
        [str(Path(sys.executable).parent / "boltz-api-mcp"), "--list"],
        capture_output=True,
        text=True,
        env=server_env(),
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("3 tools\n")


def test_readme_snippets():
    readme = (GENERATED / "mcp" / "README.md").read_text()
    for client in ("Claude Desktop", "Claude Code", "Cursor", "VS Code"):
        assert client in readme
    blocks = re.findall(r"```json\n(.*?)```", readme, re.S)
    assert len(blocks) >= 3
    configs = [json.loads(b) for b in blocks]
    assert any("mcpServers" in c for c in configs)
    assert any("servers" in c for c in configs)  # VS Code's shape
    assert "claude mcp add" in readme
    for flag in (
        "--tool",
        "--resource",
        "--operation",
        "--tag",
        "--tools dynamic",
        "--list",
        "--transport http",
    ):
        assert flag in readme
    assert "BOLTZ_API_KEY" in readme and API_KEY not in readme
