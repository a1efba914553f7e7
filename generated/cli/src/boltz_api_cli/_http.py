# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Sending a prepared request and printing what comes back, with the exit code.

Exit codes: 0 success, 1 the API answered with an error (or a body that
does not parse), 2 bad usage or input (raised before this module runs, so
nothing was sent), 3 the API could not be reached or did not answer in time.
The transport (:mod:`._transport`, on ``http.client``) is imported only here.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from ._output import Printer, write

EXIT_OK = 0
EXIT_API_ERROR = 1
EXIT_USAGE = 2
EXIT_CONNECTION = 3


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
        security: tuple[str, ...] = (),
        accept: str = "application/json",
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
        self.security = security
        self.accept = accept


DEFAULT_BASE_URL = "https://api.boltz.bio"


def execute(
    prepared: Prepared,
    settings: Settings,
    *,
    paging: Mapping[str, Any] | None,
    response_kind: str,
    max_items: int | None,
    save: Any = None,
) -> int:
    """Send, print the result (or the error), and return the exit code.

    ``save`` is a :class:`._download.Target` for operations that answer with
    a file; ``max_items`` of ``None`` (or -1) walks every page.
    """
    from ._transport import Transport, TransportError

    printer = Printer(
        settings.fmt, transform_path=settings.transform, raw_output=settings.raw_output
    )
    transport = Transport(
        settings.base_url or DEFAULT_BASE_URL,
        settings.credentials,
        timeout=settings.timeout,
        max_retries=settings.max_retries,
        on_request=_show_request(settings) if settings.debug else None,
        on_response=_show_response(settings) if settings.debug else None,
    )
    try:
        if paging is not None:
            return _walk(transport, prepared, paging, printer, settings, max_items)
        stream = response_kind == "binary"
        response = _send(transport, prepared, prepared.query, stream=stream)
        if not response.ok:
            _report_status(response, settings)
            return EXIT_API_ERROR
        return _print_response(response, response_kind, printer, save)
    except TransportError as err:
        where = f"{err.method} {_scrub(err.url, settings)}"
        if err.timed_out:
            limit = f" after {settings.timeout:g} s" if settings.timeout is not None else ""
            _say(f"Error: the request timed out{limit}: {where}")
        else:
            _say(f"Error: could not connect to the API: {_scrub(str(err), settings)} ({where})")
        return EXIT_CONNECTION
    except json.JSONDecodeError as err:
        _say(
            f"Error: the API answered with a body that is not valid JSON ({err.msg} at line {err.lineno}, column {err.colno})"
        )
        return EXIT_API_ERROR
    finally:
        transport.close()


def _send(transport: Any, prepared: Prepared, query: Mapping[str, Any], *, stream: bool) -> Any:
    from ._transport import encode_body

    url = transport.url_for(prepared.path, query, prepared.query_styles, prepared.security)
    headers = transport.headers_for(prepared.headers, prepared.security, prepared.accept)
    body: bytes | None = None
    if prepared.has_body:
        body, content_type = encode_body(prepared.body, prepared.encoding, prepared.content_type)
        if content_type and "content-type" not in {k.lower() for k in headers}:
            headers["Content-Type"] = content_type
    return transport.send(prepared.method, url, headers, body, stream=stream)


def _walk(
    transport: Any,
    prepared: Prepared,
    paging: Mapping[str, Any],
    printer: Printer,
    settings: Settings,
    max_items: int | None,
) -> int:
    """Print every item of every page, each as soon as its page arrives."""
    limit = None if max_items is None or max_items < 0 else max_items
    query = dict(prepared.query)
    field = paging["items"]
    while True:
        response = _send(transport, prepared, query, stream=False)
        if not response.ok:
            _report_status(response, settings)
            return EXIT_API_ERROR
        raw = response.json() if response.body else {}
        if not isinstance(raw, dict):
            raw = {field: raw}
        items = raw.get(field) or []
        if not isinstance(items, list):
            _say(f"Error: the API answered with a page whose `{field}` field is not a list")
            return EXIT_API_ERROR
        for item in items:
            printer.value(item)
            if limit is not None and printer.count >= limit:
                return EXIT_OK
        following = next_query(paging, items, raw, query)
        if following is None or all(query.get(k) == v for k, v in following.items()):
            # The last page, or a server handing back the cursor it was given.
            return EXIT_OK
        query = {**query, **following}


def _given(value: Any) -> bool:
    return value is not None and value != ""


def next_query(
    paging: Mapping[str, Any],
    items: Sequence[Any],
    raw: Mapping[str, Any],
    query: Mapping[str, Any],
) -> dict[str, Any] | None:
    """The query of the page after this one, or ``None`` (the SDK's paging styles)."""
    has_more = paging.get("has_more")
    if not items or (has_more is not None and raw.get(has_more) is False):
        return None
    style = paging["style"]
    if style == "cursor_id":
        before = paging.get("prev_param")
        if before is not None and _given(query.get(before)):
            field = paging.get("prev_field")
            cursor = raw.get(field) if field else None
            if not _given(cursor) and isinstance(items[0], dict):
                cursor = items[0].get("id")
            return {before: cursor} if _given(cursor) else None
        after = paging.get("next_param")
        if after is None:
            return None
        field = paging.get("next_field")
        cursor = raw.get(field) if field else None
        if not _given(cursor) and isinstance(items[-1], dict):
            cursor = items[-1].get("id")
        return {after: cursor} if _given(cursor) else None
    if style == "cursor":
        param, field = paging.get("next_param"), paging.get("next_field")
        if param is None or field is None or not _given(raw.get(field)):
            return None
        return {param: raw[field]}
    if style == "offset":
        param = paging.get("offset_param")
        if param is None:
            return None
        current = query.get(param)
        start = current if isinstance(current, int) and not isinstance(current, bool) else 0
        return {param: start + len(items)}
    param = paging.get("page_param")
    if param is None:
        return None
    current = query.get(param)
    page = current if isinstance(current, int) and not isinstance(current, bool) else 1
    return {param: page + 1}


def _print_response(response: Any, kind: str, printer: Printer, save: Any) -> int:
    content_type = response.headers.get("content-type", "")
    if kind == "binary" or (kind != "json" and not _is_text(content_type) and response.body):
        from ._download import deliver

        return deliver(response, save, printer.stream)
    if not response.body:
        return EXIT_OK
    if kind == "sse" or "text/event-stream" in content_type:
        for item in _events(response.text):
            printer.value(item)
        return EXIT_OK
    text = response.text
    try:
        value = json.loads(text)
    except ValueError:
        if kind == "json" and "json" in content_type:
            raise
        # Not JSON after all: the text itself is the result.
        write(printer.stream, text if text.endswith("\n") else text + "\n")
        return EXIT_OK
    printer.value(value, raw_text=text)
    return EXIT_OK


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


def _report_status(response: Any, settings: Settings) -> None:
    _say(
        f"Error: {response.status} {response.reason} ({response.method} {_scrub(response.url, settings)})"
    )
    if not response.body:
        return
    text = _scrub(response.text, settings)
    try:
        body: Any = json.loads(text)
    except ValueError:
        body = text
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
    printer.value(body, raw_text=text)


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


def _show_request(settings: Settings) -> Any:
    from ._transport import redact_headers

    def show(method: str, url: str, headers: Mapping[str, str], body: bytes | None) -> None:
        lines = [f"> {method} {url}"]
        lines += [f"> {k}: {v}" for k, v in redact_headers(headers).items()]
        lines.append(">")
        text = _body_text(headers, body or b"")
        if text:
            lines.append(text)
        _say(_scrub("\n".join(lines), settings))

    return show


def _show_response(settings: Settings) -> Any:
    from ._transport import redact_headers

    def show(response: Any) -> None:
        lines = [f"< {response.version} {response.status} {response.reason}"]
        lines += [f"< {k}: {v}" for k, v in redact_headers(dict(response.header_items)).items()]
        lines.append("<")
        text = _body_text(response.headers, response.body)
        if text:
            lines.append(text)
        _say(_scrub("\n".join(lines), settings))

    return show


def _body_text(headers: Mapping[str, str], data: bytes) -> str:
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    if content_type.startswith("multipart/"):
        return f"({len(data)} bytes of {content_type.split(';')[0]})"
    if not data:
        return ""
    if len(data) > _BODY_LIMIT:
        return f"({len(data)} bytes)"
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return f"({len(data)} bytes of binary data)"
