# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Sending a prepared request through the SDK's transport and printing what comes back.

The SDK (and with it httpx) is imported here, on first use, so that
``--help`` and input errors never pay for it. Only the transport is used:
responses stay plain JSON, so pydantic is never imported either.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Mapping
from typing import Any

from ._output import Printer, write, write_bytes


class Settings:
    """The global options of one invocation, after command line and environment are merged."""

    def __init__(
        self,
        *,
        credentials: dict[str, str],
        base_url: str | None,
        fmt: str,
        format_error: str,
        transform: str | None,
        transform_error: str | None,
        raw_output: bool,
        debug: bool,
        timeout: float | None,
        max_retries: int | None,
    ) -> None:
        self.credentials = credentials
        self.base_url = base_url
        self.fmt = fmt
        self.format_error = format_error
        self.transform = transform
        self.transform_error = transform_error
        self.raw_output = raw_output
        self.debug = debug
        self.timeout = timeout
        self.max_retries = max_retries

    def __repr__(self) -> str:
        # Never the credentials.
        return f"Settings(base_url={self.base_url!r}, fmt={self.fmt!r})"


class Prepared:
    """A request ready to send: everything already checked against the spec."""

    def __init__(
        self,
        method: str,
        path: str,
        *,
        query: dict[str, Any],
        headers: dict[str, str],
        body: Any,
        has_body: bool,
        encoding: str,
        content_type: str | None,
        query_styles: dict[str, Any],
    ) -> None:
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.has_body = has_body
        self.encoding = encoding
        self.content_type = content_type
        self.query_styles = query_styles


def execute(
    prepared: Prepared,
    settings: Settings,
    *,
    page: str | None,
    response_kind: str,
    max_items: int | None,
) -> int:
    """Send, print the result (or the error), and return the exit code (0, 1 or 2)."""
    from boltz_api._base_client import RequestOptions
    from boltz_api._exceptions import (
        APIConnectionError,
        APIResponseValidationError,
        APIStatusError,
        APITimeoutError,
        BoltzError,
    )

    printer = Printer(
        settings.fmt, transform_path=settings.transform, raw_output=settings.raw_output
    )
    kwargs: dict[str, Any] = {
        "method": prepared.method,
        "path": prepared.path,
        "query": prepared.query,
        "headers": prepared.headers,
        "encoding": prepared.encoding,
    }
    if prepared.has_body:
        kwargs["body"] = prepared.body
    if prepared.content_type:
        kwargs["content_type"] = prepared.content_type
    if prepared.query_styles:
        kwargs["query_styles"] = prepared.query_styles
    options = RequestOptions(**kwargs)
    try:
        client = _client(settings)
    except BoltzError as err:
        _say(f"Error: {_scrub(str(err), settings)}")
        return 2
    try:
        if page is not None:
            from boltz_api import pagination

            page_cls = getattr(pagination, "Sync" + page)
            for item in client.request_page(page_cls, object, options):
                printer.value(item)
                if max_items is not None and printer.count >= max_items:
                    break
            return 0
        response = client.send(options)
        _print_response(response, response_kind, printer)
        return 0
    except APIStatusError as err:
        _report_status(err, settings)
        return 1
    except APITimeoutError as err:
        limit = f" after {settings.timeout:g} s" if settings.timeout is not None else ""
        _say(f"Error: the request timed out{limit}: {_where(err, settings)}")
        return 1
    except APIConnectionError as err:
        cause = err.__cause__
        reason = (
            str(cause).strip().splitlines()[0]
            if cause is not None and str(cause).strip()
            else err.message
        )
        _say(
            f"Error: could not connect to the API: {_scrub(reason, settings)} ({_where(err, settings)})"
        )
        return 1
    except APIResponseValidationError as err:
        what = "is not valid JSON" if "JSON" in err.message else "does not have the expected shape"
        _say(f"Error: the API answered with a body that {what} ({_scrub(err.message, settings)})")
        return 1
    except BoltzError as err:
        _say(f"Error: {_scrub(str(err), settings)}")
        return 1
    except json.JSONDecodeError as err:
        _say(
            f"Error: the API answered with a body that is not valid JSON ({err.msg} at line {err.lineno}, column {err.colno})"
        )
        return 1
    finally:
        client.close()


def _client(settings: Settings) -> Any:
    from boltz_api._client import Boltz

    kwargs: dict[str, Any] = dict(settings.credentials)
    if settings.base_url:
        kwargs["base_url"] = settings.base_url
    if settings.timeout is not None:
        kwargs["timeout"] = settings.timeout
    if settings.max_retries is not None:
        kwargs["max_retries"] = settings.max_retries
    if settings.debug:
        kwargs["http_client"] = _debug_http_client(settings)
    return Boltz(**kwargs)


def _print_response(response: Any, kind: str, printer: Printer) -> None:
    if not response.content:
        return
    content_type = response.headers.get("content-type", "")
    if kind == "binary" or (kind != "json" and not _is_text(content_type)):
        write_bytes(printer.stream, response.content)
        return
    if kind == "sse" or "text/event-stream" in content_type:
        for item in _events(response.text):
            printer.value(item)
        return
    text = response.text
    try:
        value = response.json()
    except ValueError:
        # Not JSON after all: the text itself is the result.
        write(printer.stream, text if text.endswith("\n") else text + "\n")
        return
    printer.value(value, raw_text=text)


def _is_text(content_type: str) -> bool:
    return content_type.startswith("text/") or "json" in content_type or "xml" in content_type


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


def _report_status(err: Any, settings: Settings) -> None:
    response = err.response
    _say(
        f"Error: {response.status_code} {response.reason_phrase} ({response.request.method} {_scrub(str(response.request.url), settings)})"
    )
    body = err.body
    if body is None or body == "":
        return
    printer = Printer(
        settings.format_error,
        transform_path=settings.transform_error,
        raw_output=settings.raw_output,
        stream=sys.stderr,
    )
    if isinstance(body, str):
        if settings.transform_error:
            printer.value(body)
        else:
            write(sys.stderr, body if body.endswith("\n") else body + "\n")
        return
    printer.value(body, raw_text=response.text)


def _where(err: Any, settings: Settings) -> str:
    request = getattr(err, "request", None)
    if request is None:
        return settings.base_url or "the API"
    return f"{request.method} {_scrub(str(request.url), settings)}"


def _say(message: str) -> None:
    write(sys.stderr, message + "\n")


def _scrub(text: str, settings: Settings) -> str:
    """``text`` with every credential value replaced, wherever it appears."""
    for secret in settings.credentials.values():
        if secret and len(secret) >= 4:
            text = text.replace(secret, "<redacted>")
    return text


# --- --debug ------------------------------------------------------------------------

_BODY_LIMIT = 64 * 1024


def _debug_http_client(settings: Settings) -> Any:
    """An httpx client that shows every request and response (credentials redacted) on stderr."""
    import httpx
    from boltz_api._base_client import redact_headers

    def show(lines: list[str]) -> None:
        _say(_scrub("\n".join(lines), settings))

    def on_request(request: httpx.Request) -> None:
        lines = [f"> {request.method} {request.url}"]
        lines += [f"> {k}: {v}" for k, v in redact_headers(dict(request.headers)).items()]
        lines.append(">")
        body = _body_text(request.headers, lambda: request.read())
        if body:
            lines.append(body)
        show(lines)

    def on_response(response: httpx.Response) -> None:
        lines = [f"< {response.http_version} {response.status_code} {response.reason_phrase}"]
        lines += [f"< {k}: {v}" for k, v in redact_headers(dict(response.headers)).items()]
        lines.append("<")
        body = _body_text(response.headers, lambda: response.read())
        if body:
            lines.append(body)
        show(lines)

    kwargs: dict[str, Any] = {
        "follow_redirects": True,
        "event_hooks": {"request": [on_request], "response": [on_response]},
    }
    if settings.timeout is not None:
        kwargs["timeout"] = settings.timeout
    return httpx.Client(**kwargs)


def _body_text(headers: Mapping[str, str], read: Callable[[], bytes]) -> str:
    content_type = headers.get("content-type", "")
    if content_type.startswith("multipart/"):
        return f"({headers.get('content-length', '?')} bytes of {content_type.split(';')[0]})"
    try:
        data = read()
    except Exception:  # a streamed body that cannot be replayed
        return "(streamed body)"
    if not data:
        return ""
    if len(data) > _BODY_LIMIT:
        return f"({len(data)} bytes)"
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return f"({len(data)} bytes of binary data)"
