# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""The ``boltz-api-mcp`` command: an MCP server exposing the Boltz API as tools.

Transports: stdio (the default, for clients that start the server) and
streamable HTTP (``--transport http --host H --port P``, served at ``/mcp``).
Start-up filters narrow the tools; ``--list`` prints what would be exposed.
Above 200 tools (or with ``--tools dynamic``) three tools stand in for
all of them: list the endpoints, get one's input schema, invoke one.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from . import __version__
from ._catalog import DYNAMIC_TOOLS, Catalog, Tool, search

_DESCRIPTION = "Model Context Protocol server for the Boltz API. Credentials and the base URL come from the SDK's environment variables: BOLTZ_API_KEY (credential (api_key_auth)), BOLTZ_BASE_URL (the API's base URL)."
_FILTER_HELP = "A GJSON path (data.#.id) or jq path (.data[].id) applied to the result."


def parser() -> argparse.ArgumentParser:
    """The command line."""
    p = argparse.ArgumentParser(prog="boltz-api-mcp", description=_DESCRIPTION)
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument(
        "--transport",
        choices=("stdio", "http"),
        default="stdio",
        help="stdio (default) or streamable HTTP",
    )
    p.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (http; default 127.0.0.1)"
    )
    p.add_argument("--port", type=int, default=8000, help="port to listen on (http; default 8000)")
    p.add_argument(
        "--tool", action="append", default=[], metavar="NAME", help="expose this tool (repeatable)"
    )
    p.add_argument(
        "--resource",
        action="append",
        default=[],
        metavar="PATTERN",
        help="expose the tools of resources matching PATTERN, wildcards allowed, e.g. 'admin.*' (repeatable)",
    )
    p.add_argument(
        "--operation",
        action="append",
        default=[],
        choices=("read", "write"),
        help="expose read (GET/HEAD) or write operations only (repeatable)",
    )
    p.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="TAG",
        help="expose operations with this tag (repeatable)",
    )
    p.add_argument(
        "--tools",
        choices=("auto", "static", "dynamic"),
        default="auto",
        help="one tool per operation (static), three tools for all (dynamic), or dynamic only above 200 tools (auto, the default)",
    )
    p.add_argument(
        "--list", action="store_true", help="print the tools that would be exposed and exit"
    )
    p.add_argument("--timeout", type=float, default=None, help="seconds before a request times out")
    p.add_argument(
        "--max-retries",
        type=int,
        default=None,
        help="retries of a failed request (the SDK's default otherwise)",
    )
    return p


def main(argv: Sequence[str] | None = None) -> None:
    """Run the server (or ``--list``) as the command line says."""
    p = parser()
    args = p.parse_args(argv)
    catalog = Catalog.load()
    try:
        selected = catalog.select(
            tools=args.tool, resources=args.resource, operations=args.operation, tags=args.tag
        )
    except KeyError as exc:
        p.error(f"--tool: there is no tool named {exc.args[0]!r} (see --list)")
    if not selected:
        p.error("the filters (--tool, --resource, --operation, --tag) leave no tools to expose")
    dynamic = args.tools == "dynamic" or (
        args.tools == "auto" and len(selected) > catalog.threshold
    )
    if args.list:
        _print_list(selected, dynamic)
        return
    if args.port < 0 or args.port > 65535:
        p.error("--port: must be between 0 and 65535")
    from ._call import Caller, Settings

    caller = Caller(Settings(timeout=args.timeout, max_retries=args.max_retries))
    server = build_server(selected, dynamic, caller)
    if args.transport == "stdio":
        import anyio

        anyio.run(_run_stdio, server)
    else:
        _run_http(server, args.host, args.port)


def _print_list(selected: list[Tool], dynamic: bool) -> None:
    out = sys.stdout
    if dynamic:
        out.write(f"dynamic mode: {', '.join(DYNAMIC_TOOLS)} over {len(selected)} endpoints\n")
    else:
        out.write(f"{len(selected)} tools\n")
    for tool in selected:
        hints = [
            h
            for h, key in (
                ("read-only", "readOnlyHint"),
                ("destructive", "destructiveHint"),
                ("idempotent", "idempotentHint"),
            )
            if tool.annotations[key]
        ]
        out.write(f"{tool.name}\t{tool.method} {tool.path}\t{','.join(hints)}\n")


def build_server(selected: list[Tool], dynamic: bool, caller: Any) -> Any:
    """The MCP server exposing ``selected``, one tool each or through the three dynamic tools."""
    from mcp import types
    from mcp.server.lowlevel import Server

    server: Any = Server("boltz-api-mcp", version=__version__)
    by_name = {t.name: t for t in selected}
    listed: list[types.Tool] = []
    dynamic_tools = _dynamic_tools() if dynamic else []

    @server.list_tools()
    async def list_tools() -> list[types.Tool]:
        if not listed:
            if dynamic:
                listed.extend(_mcp_tool(data) for data in dynamic_tools)
            else:
                listed.extend(_mcp_tool(t.data) for t in selected)
        return listed

    @server.call_tool(validate_input=False)
    async def call_tool(name: str, arguments: dict[str, Any] | None) -> types.CallToolResult:
        from ._call import error_result

        arguments = arguments if arguments is not None else {}
        if dynamic:
            entry = next((d for d in dynamic_tools if d["name"] == name), None)
            if entry is not None:
                return await _call_dynamic(entry, arguments, by_name, caller)
        else:
            tool = by_name.get(name)
            if tool is not None:
                return await caller.call(tool, arguments)
        return error_result(
            f"There is no tool named {name!r}.",
            {"status": None, "type": "unknown_tool", "message": f"no tool named {name!r}"},
            caller,
        )

    return server


def _mcp_tool(data: dict[str, Any]) -> Any:
    from mcp import types

    return types.Tool(
        name=data["name"],
        title=data.get("title"),
        description=data["description"],
        inputSchema=data["inputSchema"],
        annotations=types.ToolAnnotations(title=data.get("title"), **data["annotations"]),
    )


def _dynamic_tools() -> list[dict[str, Any]]:
    """The three tools of dynamic mode, in the same shape as an operation's."""
    jq = {"type": "string", "description": _FILTER_HELP}
    read = {
        "readOnlyHint": True,
        "destructiveHint": False,
        "idempotentHint": True,
        "openWorldHint": False,
    }
    return [
        {
            "name": DYNAMIC_TOOLS[0],
            "title": "List API endpoints",
            "description": "List the Boltz API endpoints this server can call, optionally only those matching every word of `search` (in the name, path, resource, tags or summary). Then get one's input schema with get_api_endpoint_schema and call it with invoke_api_endpoint.",
            "annotations": read,
            "filter": "jq_filter",
            "inputSchema": {
                "type": "object",
                "properties": {
                    "search": {
                        "type": "string",
                        "description": "Words to look for, e.g. 'create key'.",
                    },
                    "jq_filter": jq,
                },
                "additionalProperties": False,
            },
        },
        {
            "name": DYNAMIC_TOOLS[1],
            "title": "Get an API endpoint's input schema",
            "description": "The description, HTTP method and path, annotations and input JSON Schema of one endpoint (by the name list_api_endpoints gives).",
            "annotations": read,
            "filter": "jq_filter",
            "inputSchema": {
                "type": "object",
                "properties": {
                    "endpoint": {"type": "string", "description": "The endpoint's name."},
                    "jq_filter": jq,
                },
                "required": ["endpoint"],
                "additionalProperties": False,
            },
        },
        {
            "name": DYNAMIC_TOOLS[2],
            "title": "Invoke an API endpoint",
            "description": "Call one endpoint with arguments that fit its input schema (see get_api_endpoint_schema). The arguments are checked before anything is sent.",
            "annotations": {
                "readOnlyHint": False,
                "destructiveHint": True,
                "idempotentHint": False,
                "openWorldHint": True,
            },
            "filter": "jq_filter",
            "inputSchema": {
                "type": "object",
                "properties": {
                    "endpoint": {"type": "string", "description": "The endpoint's name."},
                    "args": {
                        "type": "object",
                        "description": "The endpoint's arguments, as its input schema describes them.",
                    },
                    "jq_filter": jq,
                },
                "required": ["endpoint"],
                "additionalProperties": False,
            },
        },
    ]


async def _call_dynamic(
    entry: dict[str, Any], arguments: dict[str, Any], by_name: dict[str, Tool], caller: Any
) -> Any:
    from ._call import ArgumentError, error_result, json_result
    from ._filter import FilterError

    itself = Tool({**entry, "method": "", "path": "", "resource": "", "tags": [], "arguments": []})
    try:
        caller.validate(itself, arguments)
    except ArgumentError as exc:
        return error_result(
            f"Invalid arguments for {entry['name']}: {exc}",
            {"status": None, "type": "invalid_arguments", "message": str(exc)},
            caller,
        )
    expression = arguments.get("jq_filter")
    name = entry["name"]
    if name == DYNAMIC_TOOLS[0]:
        found = search(list(by_name.values()), arguments.get("search"))
        value: Any = {"count": len(found), "endpoints": [t.summary() for t in found]}
    else:
        endpoint = by_name.get(arguments["endpoint"])
        if endpoint is None:
            return error_result(
                f"There is no endpoint named {arguments['endpoint']!r}; list_api_endpoints lists them.",
                {"status": None, "type": "unknown_endpoint", "message": "no such endpoint"},
                caller,
            )
        if name == DYNAMIC_TOOLS[2]:
            args = dict(arguments.get("args") or {})
            if expression and endpoint.data["filter"] not in args:
                args[endpoint.data["filter"]] = expression
            return await caller.call(endpoint, args)
        value = {
            "endpoint": endpoint.name,
            "method": endpoint.method,
            "path": endpoint.path,
            "description": endpoint.description,
            "annotations": endpoint.annotations,
            "inputSchema": endpoint.input_schema,
        }
    try:
        return json_result(value, expression)
    except FilterError as exc:
        return error_result(
            f"jq_filter: {exc}",
            {"status": None, "type": "invalid_filter", "message": str(exc)},
            caller,
        )


async def _run_stdio(server: Any) -> None:
    from mcp.server.stdio import stdio_server

    async with stdio_server() as (read, write):
        await server.run(read, write, server.create_initialization_options())


class _Endpoint:
    """The ASGI app at ``/mcp``: every request goes to the session manager."""

    def __init__(self, manager: Any) -> None:
        self.manager = manager

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.manager.handle_request(scope, receive, send)


def _run_http(server: Any, host: str, port: int) -> None:
    import contextlib

    import uvicorn
    from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
    from starlette.applications import Starlette
    from starlette.routing import Route

    manager = StreamableHTTPSessionManager(app=server)

    @contextlib.asynccontextmanager
    async def lifespan(app: Any) -> Any:
        async with manager.run():
            yield

    app = Starlette(routes=[Route("/mcp", endpoint=_Endpoint(manager))], lifespan=lifespan)
    message = f"serving MCP at http://{host}:{port}/mcp"
    print("boltz-api-mcp", message, file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
