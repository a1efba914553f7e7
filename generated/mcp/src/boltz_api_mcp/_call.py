# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Calling one tool: check the arguments, send the request through the SDK, shape the result.

Whatever goes wrong (arguments that do not fit the tool's schema, an error
status, a connection that fails, a filter that does not apply) comes back as
a tool result with ``isError`` set, the HTTP status where there is one and
the message, never as an exception out of the server. Credential values are
scrubbed from every text that leaves here.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from typing import Any

from mcp import types

from ._catalog import Tool
from ._filter import FilterError, apply

#: Environment variables holding credentials: their values never leave the server.
SECRET_ENV_VARS: tuple[str, ...] = ("BOLTZ_API_KEY",)
_RESOURCE_SCHEME = "boltz-api-mcp"
_UNSET: Any = object()


class ArgumentError(ValueError):
    """The arguments do not fit the tool; nothing was sent."""


class Settings:
    """How the SDK client is made (``None``: the SDK's default or its environment variable)."""

    def __init__(self, *, timeout: float | None = None, max_retries: int | None = None) -> None:
        self.timeout = timeout
        self.max_retries = max_retries


class Caller:
    """Calls tools on one SDK client, made on first use and shared by every call."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._client: Any = None
        self._validators: dict[str, Any] = {}

    async def call(self, tool: Tool, arguments: dict[str, Any]) -> types.CallToolResult:
        """The result of calling ``tool`` with ``arguments`` (an error result on any failure)."""
        try:
            return self.scrub_result(await self._call(tool, arguments))
        except ArgumentError as exc:
            return error_result(
                f"Invalid arguments for {tool.name}; nothing was sent. {exc}",
                {"status": None, "type": "invalid_arguments", "message": self.scrub(str(exc))},
                self,
            )
        except FilterError as exc:
            name = tool.data["filter"]
            return error_result(
                f"{name}: {exc}",
                {"status": None, "type": "invalid_filter", "message": str(exc)},
                self,
            )
        except Exception as exc:  # a bug or a surprise must not take the server down
            return self._exception_result(exc)

    def validate(self, tool: Tool, arguments: Any) -> None:
        """Raise :class:`ArgumentError` unless ``arguments`` fit the tool's input schema."""
        if not isinstance(arguments, dict):
            raise ArgumentError("The arguments must be an object.")
        validator = self._validators.get(tool.name)
        if validator is None:
            from jsonschema import Draft202012Validator

            validator = Draft202012Validator(tool.input_schema)
            self._validators[tool.name] = validator
        errors = sorted(validator.iter_errors(arguments), key=lambda e: list(e.absolute_path))
        if errors:
            problems = []
            for error in errors[:5]:
                where = "/".join(str(p) for p in error.absolute_path)
                problems.append(f"{where}: {error.message}" if where else error.message)
            more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
            raise ArgumentError("; ".join(problems) + more)

    async def _call(self, tool: Tool, arguments: dict[str, Any]) -> types.CallToolResult:
        self.validate(tool, arguments)
        options = build_request(tool, arguments)
        client = self.client()
        expression = arguments.get(tool.data["filter"])
        page_class = tool.data.get("page")
        if page_class is not None:
            from boltz_api import pagination

            page = await client.request_page(
                getattr(pagination, "Async" + page_class), object, options
            )
            following = page.next_page_query() if page.has_next_page() else None
            return json_result(
                page.to_dict(), expression, next_page=_next_arguments(tool, following), tool=tool
            )
        response = await client.send(options)
        return response_result(tool, response, expression)

    def client(self) -> Any:
        if self._client is None:
            from boltz_api._client import AsyncBoltz

            kwargs: dict[str, Any] = {}
            if self._settings.timeout is not None:
                kwargs["timeout"] = self._settings.timeout
            if self._settings.max_retries is not None:
                kwargs["max_retries"] = self._settings.max_retries
            self._client = AsyncBoltz(**kwargs)
        return self._client

    def scrub(self, text: str) -> str:
        """``text`` with every credential value replaced."""
        secrets = [os.environ.get(name, "") for name in SECRET_ENV_VARS]
        if self._client is not None:
            secrets += list(self._client._secrets())
        for secret in secrets:
            if secret and len(secret) >= 4:
                text = text.replace(secret, "<redacted>")
        return text

    def scrub_result(self, result: types.CallToolResult) -> types.CallToolResult:
        """``result`` with every credential value replaced, should the API echo one back."""
        texts = [c.text for c in result.content if isinstance(c, types.TextContent)]
        structured = json.dumps(result.structuredContent, default=str)
        if all(self.scrub(t) == t for t in texts) and self.scrub(structured) == structured:
            return result
        content: list[Any] = []
        for block in result.content:
            if isinstance(block, types.TextContent):
                block = types.TextContent(type="text", text=self.scrub(block.text))
            content.append(block)
        return types.CallToolResult(
            content=content,
            structuredContent=json.loads(self.scrub(structured)),
            isError=result.isError,
        )

    def _exception_result(self, exc: Exception) -> types.CallToolResult:
        from boltz_api._exceptions import (
            APIConnectionError,
            APIStatusError,
            APITimeoutError,
            BoltzError,
        )

        if isinstance(exc, APIStatusError):
            response = exc.response
            body = exc.body
            where = f"{response.request.method} {response.request.url}"
            text = f"HTTP {response.status_code} {response.reason_phrase} from {where}"
            if body not in (None, ""):
                text += "\n" + (body if isinstance(body, str) else _json_text(body))
            return error_result(
                text,
                {
                    "status": response.status_code,
                    "type": "api_error",
                    "message": self.scrub(exc.message),
                    "body": body,
                },
                self,
            )
        if isinstance(exc, APITimeoutError):
            return error_result(
                f"The request timed out: {_where(exc)}",
                {"status": None, "type": "timeout", "message": "The request timed out."},
                self,
            )
        if isinstance(exc, APIConnectionError):
            cause = exc.__cause__
            reason = (
                str(cause).strip().splitlines()[0] if cause and str(cause).strip() else exc.message
            )
            return error_result(
                f"Could not connect to the API: {reason} ({_where(exc)})",
                {"status": None, "type": "connection_error", "message": reason},
                self,
            )
        if isinstance(exc, BoltzError):
            return error_result(
                f"Error: {exc}", {"status": None, "type": "client_error", "message": str(exc)}, self
            )
        if isinstance(exc, ValueError):
            return error_result(
                f"Invalid arguments: {exc}",
                {"status": None, "type": "invalid_arguments", "message": str(exc)},
                self,
            )
        return error_result(
            f"Unexpected error: {type(exc).__name__}: {exc}",
            {"status": None, "type": "internal_error", "message": f"{type(exc).__name__}: {exc}"},
            self,
        )


def build_request(tool: Tool, arguments: dict[str, Any]) -> Any:
    """The SDK request options for a call with ``arguments`` (already checked)."""
    from boltz_api._base_client import RequestOptions, cookie_header, path_param

    path = tool.path
    query: dict[str, Any] = {}
    styles: dict[str, Any] = {}
    headers: dict[str, Any] = {}
    cookies: dict[str, Any] = {}
    fields: dict[str, Any] = {}
    multipart = (tool.data["body"] or {}).get("encoding") == "multipart"
    for arg in tool.data["arguments"]:
        name = arg["name"]
        if name not in arguments:
            continue
        value = arguments[name]
        wire, where = arg["wire"], arg["in"]
        if arg.get("file") and multipart:
            value = (wire, _decode(value, name))
        if where == "path":
            path = path.replace("{" + wire + "}", path_param(name, value))
        elif where == "query":
            query[wire] = value
            if "style" in arg:
                styles[wire] = tuple(arg["style"])
        elif where == "header":
            headers[wire] = _text(value)
        elif where == "cookie":
            cookies[wire] = value
        else:
            fields[wire] = value
    if cookies:
        headers["Cookie"] = cookie_header(cookies)
    if "accept" in tool.data:
        headers.setdefault("Accept", tool.data["accept"])
    kwargs: dict[str, Any] = {
        "method": tool.method,
        "path": path,
        "query": query,
        "headers": headers,
        "security": tuple(tool.data["security"]),
    }
    if styles:
        kwargs["query_styles"] = styles
    body = tool.data["body"]
    if body is not None:
        kwargs["encoding"] = body["encoding"]
        kwargs["content_type"] = body["content_type"]
        whole = body["whole"]
        if whole is not None:
            if whole in arguments:
                value = arguments[whole]
                if body["encoding"] == "binary":
                    value = _decode(value, whole)
                kwargs["body"] = value
        elif fields or body["required"]:
            kwargs["body"] = fields
    return RequestOptions(**kwargs)


def _next_arguments(tool: Tool, query: dict[str, Any] | None) -> dict[str, Any] | None:
    """The tool arguments that fetch the next page, from the SDK's next query."""
    if not query:
        return None
    by_wire = {a["wire"]: a["name"] for a in tool.data["arguments"] if a["in"] == "query"}
    return {by_wire.get(wire, wire): value for wire, value in query.items()}


def response_result(tool: Tool, response: Any, expression: str | None) -> types.CallToolResult:
    """A successful response as a tool result: JSON, text, or an embedded binary resource."""
    status = response.status_code
    content_type = response.headers.get("content-type", "")
    kind = tool.data["response"]
    if not response.content:
        return types.CallToolResult(
            content=[types.TextContent(type="text", text=f"(no content: HTTP {status})")],
            structuredContent={"status": status, "result": None},
        )
    if kind == "sse" or "text/event-stream" in content_type:
        return json_result(_events(response.text), expression, status=status)
    if kind == "binary" or not _is_text(content_type):
        blob = base64.b64encode(response.content).decode("ascii")
        mime = content_type.split(";")[0].strip() or "application/octet-stream"
        resource = types.BlobResourceContents(
            uri=f"{_RESOURCE_SCHEME}://response/{tool.name}", mimeType=mime, blob=blob
        )
        return types.CallToolResult(
            content=[types.EmbeddedResource(type="resource", resource=resource)],
            structuredContent={
                "status": status,
                "result": {"content_type": mime, "size": len(response.content)},
            },
        )
    try:
        value = response.json()
    except ValueError:
        if expression:
            raise FilterError("the response is not JSON, so it cannot be filtered") from None
        return types.CallToolResult(
            content=[types.TextContent(type="text", text=response.text)],
            structuredContent={"status": status, "result": response.text},
        )
    return json_result(value, expression, status=status)


def json_result(
    value: Any,
    expression: str | None,
    *,
    status: int = 200,
    next_page: dict[str, Any] | None = None,
    tool: Tool | None = None,
) -> types.CallToolResult:
    """A JSON value (filtered) as text content and as structured content."""
    if expression:
        value = apply(value, expression)
    content = [types.TextContent(type="text", text=_json_text(value))]
    structured: dict[str, Any] = {"status": status, "result": value}
    if tool is not None:
        structured["next_page"] = next_page
        if next_page is not None:
            content.append(
                types.TextContent(
                    type="text",
                    text=f"More results: call {tool.name} again with {_json_text(next_page, indent=None)} for the next page.",
                )
            )
    return types.CallToolResult(content=content, structuredContent=structured)


def error_result(text: str, error: dict[str, Any], caller: Caller) -> types.CallToolResult:
    """An error as a tool result (``isError``), every credential scrubbed."""
    scrubbed = json.loads(caller.scrub(json.dumps(error, default=str)))
    return types.CallToolResult(
        content=[types.TextContent(type="text", text=caller.scrub(text))],
        structuredContent={"error": scrubbed},
        isError=True,
    )


def _json_text(value: Any, indent: int | None = 2) -> str:
    return json.dumps(value, indent=indent, ensure_ascii=False, default=str)


def _where(exc: Any) -> str:
    request = getattr(exc, "request", None)
    return f"{request.method} {request.url}" if request is not None else "the API"


def _decode(value: Any, name: str) -> bytes:
    if not isinstance(value, str):
        raise ArgumentError(f"{name}: expected base64 text")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ArgumentError(f"{name}: not valid base64") from None


def _is_text(content_type: str) -> bool:
    return (
        not content_type
        or content_type.startswith("text/")
        or "json" in content_type
        or "xml" in content_type
    )


def _events(text: str) -> list[Any]:
    """The data of each server-sent event (JSON where it parses)."""
    out: list[Any] = []
    data: list[str] = []
    for line in text.splitlines() + [""]:
        if line.startswith("data:"):
            data.append(line[5:].lstrip(" "))
        elif not line and data:
            joined = "\n".join(data)
            data = []
            if joined == "[DONE]":
                continue
            try:
                out.append(json.loads(joined))
            except ValueError:
                out.append(joined)
    return out


def _text(value: Any) -> str:
    """A header value as text (arrays and objects comma-separated, "simple" style)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(_text(v) for v in value)
    if isinstance(value, dict):
        return ",".join(f"{k},{_text(v)}" for k, v in value.items())
    if value is None:
        return ""
    return str(value)
