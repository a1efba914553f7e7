"""The MCP server generated from GitHub's REST description (1,223 operations; slow).

The description is the pinned ``@octokit/openapi`` package test_large.py fetches
into ``.cache/``. Checks: one tool per operation, names unique, legal and at most
64 characters, every input schema a valid Draft 2020-12 schema without ``$ref``;
the server starts in dynamic mode by itself (more tools than the threshold), its
three tools find, describe and invoke an endpoint (the request checked on an echo
server), arguments are checked before sending, and ``--tools static`` lists every
tool. Start-up time is measured in bench/ (``mcp`` suite), not here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from mcp import ClientSession

from tests.conftest import run_generator
from tests.servers import EchoServer
from tests.test_large import _github_spec
from tests.test_mcp import (
    TOOL_NAME,
    check_tool_listing,
    drive,
    result_json,
    result_text,
    server_env,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def github_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("github-mcp") / "out"
    result: subprocess.CompletedProcess[str] = run_generator(
        "generate", "--spec", str(_github_spec()), "--out", str(out)
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def _env(out: Path, base_url: str = "http://127.0.0.1:9") -> dict[str, str]:
    data = json.loads((out / "mcp" / "src" / _package(out) / "_tools.json").read_text())
    prefix = data["api"]["env_prefix"]
    pythonpath = os.pathsep.join([str(out / "sdk" / "src"), str(out / "mcp" / "src")])
    env = server_env(pythonpath=pythonpath)
    env[f"{prefix}_BASE_URL"] = base_url
    return env


def _package(out: Path) -> str:
    (name,) = [p.name for p in (out / "mcp" / "src").iterdir() if p.is_dir()]
    return name


def test_github_tools_names_and_schemas(github_out: Path):
    package = _package(github_out)
    data = json.loads((github_out / "mcp" / "src" / package / "_tools.json").read_text())
    tools = data["tools"]
    assert len(tools) == 1223
    names = [t["name"] for t in tools]
    assert len(set(names)) == len(names)
    assert all(TOOL_NAME.match(n) and len(n) <= 64 for n in names)
    for tool in tools:
        jsonschema.Draft202012Validator.check_schema(tool["inputSchema"])
        assert "$ref" not in json.dumps(tool["inputSchema"]), tool["name"]
    by_name = {t["name"]: t for t in tools}
    issues = by_name["create_issues"]
    assert (issues["method"], issues["path"]) == ("POST", "/repos/{owner}/{repo}/issues")
    assert {"owner", "repo", "title"} <= set(issues["inputSchema"]["required"])
    deletes = [t for t in tools if t["method"] == "DELETE"]
    assert deletes and all(t["annotations"]["destructiveHint"] for t in deletes)


def test_github_dynamic_mode_by_default(github_out: Path):
    package = _package(github_out)
    with EchoServer() as echo:
        env = _env(github_out, echo.base_url)

        async def body(session: ClientSession) -> None:
            tools = (await session.list_tools()).tools
            check_tool_listing(tools)
            assert [t.name for t in tools] == [
                "list_api_endpoints",
                "get_api_endpoint_schema",
                "invoke_api_endpoint",
            ]
            everything = result_json(await session.call_tool("list_api_endpoints", {}))
            assert everything["count"] == 1223
            found = result_json(
                await session.call_tool("list_api_endpoints", {"search": "create issue"})
            )
            assert "create_issues" in [e["endpoint"] for e in found["endpoints"]]
            schema = result_json(
                await session.call_tool("get_api_endpoint_schema", {"endpoint": "create_issues"})
            )
            jsonschema.Draft202012Validator.check_schema(schema["inputSchema"])
            invoked = await session.call_tool(
                "invoke_api_endpoint",
                {
                    "endpoint": "create_issues",
                    "args": {"owner": "octo", "repo": "hello", "title": "Bug", "labels": ["x"]},
                },
            )
            assert not invoked.isError, result_text(invoked)
            bad = await session.call_tool(
                "invoke_api_endpoint", {"endpoint": "create_issues", "args": {"owner": "octo"}}
            )
            assert bad.isError and "nothing was sent" in result_text(bad)

        drive(body, [], env, package=package)
        (request,) = echo.requests
        assert (request.method, request.path) == ("POST", "/repos/octo/hello/issues")
        assert request.json() == {"title": "Bug", "labels": ["x"]}


def test_github_static_mode_lists_every_tool(github_out: Path):
    seen: list[int] = []

    async def body(session: ClientSession) -> None:
        tools = (await session.list_tools()).tools
        seen.append(len(tools))
        check_tool_listing(tools)

    drive(body, ["--tools", "static"], _env(github_out), package=_package(github_out))
    assert seen == [1223]


def test_github_filters_shrink_the_list(github_out: Path):
    package = _package(github_out)
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            package,
            "--list",
            "--resource",
            "issues",
            "--operation",
            "read",
        ],
        capture_output=True,
        text=True,
        env=_env(github_out),
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    count = int(lines[0].split()[0])
    assert 0 < count < 200 and len(lines) == count + 1
    assert all("\tGET " in line for line in lines[1:])
