# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Server-sent event streams: what a streaming method returns.

:class:`Stream` (and :class:`AsyncStream`) iterate over the events of one
response as they arrive, each event's data decoded into the method's event
type. The response is closed when the stream ends, when iteration stops
early through ``with``/``close()``, or on an error event.
"""

from __future__ import annotations

import json
from typing import (
    Any,
    AsyncIterator,
    Generic,
    Iterator,
    List,
    Optional,
    Tuple,
    TypeVar,
)

import httpx

from ._exceptions import APIError

__all__ = ["ServerSentEvent", "Stream", "AsyncStream"]

_T = TypeVar("_T")

#: What each event does, in order; the first rule that matches wins:
#: (event names or None for any, data prefix or None, handle). A name of
#: None stands for an event without an ``event:`` line.
RULES: Tuple[Tuple[Optional[Tuple[Optional[str], ...]], Optional[str], str], ...] = (
    (("error",), None, "error"),
    (None, "[DONE]", "done"),
)


class ServerSentEvent:
    """One event of a ``text/event-stream`` response."""

    __slots__ = ("event", "data", "id", "retry")

    def __init__(
        self,
        *,
        event: Optional[str] = None,
        data: str = "",
        id: Optional[str] = None,
        retry: Optional[int] = None,
    ) -> None:
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry

    def json(self) -> Any:
        return json.loads(self.data)

    def __repr__(self) -> str:
        return f"ServerSentEvent(event={self.event!r}, data={self.data!r}, id={self.id!r})"


class _Decoder:
    """The event-stream format: fields by line, an event at each blank line."""

    def __init__(self) -> None:
        self._event: Optional[str] = None
        self._data: List[str] = []
        self._id: Optional[str] = None
        self._retry: Optional[int] = None
        self._pending = ""

    def feed(self, text: str) -> List[ServerSentEvent]:
        """Events completed by ``text`` (a chunk of the body, split anywhere)."""
        out: List[ServerSentEvent] = []
        lines = (self._pending + text).splitlines(keepends=True)
        self._pending = ""
        if lines and not lines[-1].endswith(("\n", "\r")):
            self._pending = lines.pop()
        elif lines and lines[-1].endswith("\r"):
            # "\r\n" may be split across chunks: wait for what follows.
            self._pending = lines.pop()
        for line in lines:
            event = self._line(line.rstrip("\r\n"))
            if event is not None:
                out.append(event)
        return out

    def flush(self) -> List[ServerSentEvent]:
        events = self.feed("\n") if self._pending else []
        event = self._line("")
        return events + ([event] if event is not None else [])

    def _line(self, line: str) -> Optional[ServerSentEvent]:
        if not line:
            if not self._data and self._event is None and self._id is None:
                return None
            event = ServerSentEvent(
                event=self._event, data="\n".join(self._data), id=self._id, retry=self._retry
            )
            self._event, self._data, self._retry = None, [], None
            return event
        if line.startswith(":"):
            return None  # a comment (often a keep-alive)
        name, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if name == "event":
            self._event = value
        elif name == "data":
            self._data.append(value)
        elif name == "id" and "\0" not in value:
            self._id = value
        elif name == "retry" and value.isdigit():
            self._retry = int(value)
        return None


def _handle(sse: ServerSentEvent) -> str:
    for names, prefix, handle in RULES:
        if names is not None and sse.event not in names:
            continue
        if prefix is not None and not sse.data.startswith(prefix):
            continue
        return handle
    return "yield"


def _error(sse: ServerSentEvent, response: httpx.Response) -> APIError:
    try:
        body: object = sse.json()
    except ValueError:
        body = sse.data
    message = body.get("message") if isinstance(body, dict) else None
    if not isinstance(message, str):
        message = f"The server sent an error event: {sse.data}"
    return APIError(message, response.request, body=body)


def _decode(item_type: Any, sse: ServerSentEvent) -> Any:
    if item_type is str:
        return sse.data
    try:
        data = sse.json()
    except ValueError:
        return sse.data
    if item_type is object:
        return data
    from ._models import construct

    return construct(item_type, data)


class Stream(Generic[_T]):
    """The events of one streaming response, decoded as they arrive."""

    response: httpx.Response

    def __init__(self, item_type: Any, response: httpx.Response) -> None:
        self.response = response
        self._item_type = item_type
        self._iterator = self._items()

    def __iter__(self) -> Iterator[_T]:
        return self._iterator

    def __next__(self) -> _T:
        return next(self._iterator)

    def __enter__(self) -> "Stream[_T]":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop reading and release the connection."""
        self.response.close()

    def events(self) -> Iterator[ServerSentEvent]:
        """The raw events, undecoded (instead of iterating the stream itself)."""
        decoder = _Decoder()
        for chunk in self.response.iter_text():
            yield from decoder.feed(chunk)
        yield from decoder.flush()

    def _items(self) -> Iterator[_T]:
        try:
            for sse in self.events():
                handle = _handle(sse)
                if handle == "done":
                    break
                if handle == "error":
                    raise _error(sse, self.response)
                if handle == "yield" and (sse.data or sse.event is not None):
                    yield _decode(self._item_type, sse)
        finally:
            self.response.close()


class AsyncStream(Generic[_T]):
    """The events of one streaming response, decoded as they arrive (``async for``)."""

    response: httpx.Response

    def __init__(self, item_type: Any, response: httpx.Response) -> None:
        self.response = response
        self._item_type = item_type
        self._iterator = self._items()

    def __aiter__(self) -> AsyncIterator[_T]:
        return self._iterator

    async def __anext__(self) -> _T:
        return await self._iterator.__anext__()

    async def __aenter__(self) -> "AsyncStream[_T]":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Stop reading and release the connection."""
        await self.response.aclose()

    async def events(self) -> AsyncIterator[ServerSentEvent]:
        """The raw events, undecoded (instead of iterating the stream itself)."""
        decoder = _Decoder()
        async for chunk in self.response.aiter_text():
            for event in decoder.feed(chunk):
                yield event
        for event in decoder.flush():
            yield event

    async def _items(self) -> AsyncIterator[_T]:
        try:
            async for sse in self.events():
                handle = _handle(sse)
                if handle == "done":
                    break
                if handle == "error":
                    raise _error(sse, self.response)
                if handle == "yield" and (sse.data or sse.event is not None):
                    yield _decode(self._item_type, sse)
        finally:
            await self.response.aclose()
