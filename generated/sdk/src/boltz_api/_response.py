# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Raw responses: ``client.<resource>.with_raw_response.<method>(...)`` returns an
:class:`APIResponse` (headers, status, ``.parse()``), and
``with_streaming_response`` returns one whose body is read only on demand."""

from __future__ import annotations

import datetime
import functools
from typing import (
    Any,
    AsyncIterator,
    Awaitable,
    Callable,
    Dict,
    Generic,
    Iterator,
    Optional,
    Type,
    TypeVar,
    cast,
    overload,
)

import httpx
from typing_extensions import ParamSpec

from ._base_client import RAW_RESPONSE_HEADER, _parse

__all__ = [
    "APIResponse",
    "AsyncAPIResponse",
    "ResponseContextManager",
    "AsyncResponseContextManager",
    "to_raw_response_wrapper",
    "async_to_raw_response_wrapper",
    "to_streamed_response_wrapper",
    "async_to_streamed_response_wrapper",
]

_P = ParamSpec("_P")
_R = TypeVar("_R")
_T = TypeVar("_T")

_UNPARSED: Any = object()


class _BaseAPIResponse(Generic[_R]):
    def __init__(
        self,
        response: httpx.Response,
        cast_to: Any,
        parse: Callable[[], _R],
        *,
        retries_taken: int = 0,
    ) -> None:
        self.http_response = response
        self.retries_taken = retries_taken
        self._cast_to = cast_to
        self._parse_default = parse
        self._parsed: Any = _UNPARSED

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def http_request(self) -> httpx.Request:
        return self.http_response.request

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def method(self) -> str:
        return self.http_request.method

    @property
    def http_version(self) -> str:
        return self.http_response.http_version

    @property
    def elapsed(self) -> datetime.timedelta:
        """Time from sending the request to receiving the last byte of the response."""
        return self.http_response.elapsed

    @property
    def is_closed(self) -> bool:
        return self.http_response.is_closed

    def _parse_as(self, to: Optional[Type[_T]]) -> Any:
        if to is not None:
            return _parse(to, self.http_response)
        if self._parsed is _UNPARSED:
            self._parsed = self._parse_default()
        return self._parsed

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code} {self.http_response.reason_phrase}] type={self._cast_to}>"


class APIResponse(_BaseAPIResponse[_R]):
    """The HTTP response of a call; :meth:`parse` gives what the method returns normally."""

    @overload
    def parse(self) -> _R: ...
    @overload
    def parse(self, *, to: Type[_T]) -> _T: ...
    def parse(self, *, to: Optional[Type[_T]] = None) -> Any:
        """The method's usual result, or the body parsed as ``to`` (``object``, ``str``, a model...)."""
        self.read()
        return self._parse_as(to)

    def read(self) -> bytes:
        """The whole body (read now when streaming)."""
        return self.http_response.read()

    @property
    def content(self) -> bytes:
        return self.read()

    def text(self) -> str:
        self.read()
        return self.http_response.text

    def json(self) -> object:
        self.read()
        return self.http_response.json()

    def close(self) -> None:
        self.http_response.close()

    def iter_bytes(self, chunk_size: Optional[int] = None) -> Iterator[bytes]:
        yield from self.http_response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: Optional[int] = None) -> Iterator[str]:
        yield from self.http_response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        yield from self.http_response.iter_lines()


class AsyncAPIResponse(_BaseAPIResponse[_R]):
    """The HTTP response of an async call; ``await response.parse()`` gives the usual result."""

    @overload
    async def parse(self) -> _R: ...
    @overload
    async def parse(self, *, to: Type[_T]) -> _T: ...
    async def parse(self, *, to: Optional[Type[_T]] = None) -> Any:
        """The method's usual result, or the body parsed as ``to`` (``object``, ``str``, a model...)."""
        await self.read()
        return self._parse_as(to)

    async def read(self) -> bytes:
        return await self.http_response.aread()

    async def text(self) -> str:
        await self.read()
        return self.http_response.text

    async def json(self) -> object:
        await self.read()
        return self.http_response.json()

    async def close(self) -> None:
        await self.http_response.aclose()

    async def iter_bytes(self, chunk_size: Optional[int] = None) -> AsyncIterator[bytes]:
        async for chunk in self.http_response.aiter_bytes(chunk_size):
            yield chunk

    async def iter_text(self, chunk_size: Optional[int] = None) -> AsyncIterator[str]:
        async for chunk in self.http_response.aiter_text(chunk_size):
            yield chunk

    async def iter_lines(self) -> AsyncIterator[str]:
        async for line in self.http_response.aiter_lines():
            yield line


class ResponseContextManager(Generic[_R]):
    """``with ...with_streaming_response.method(...) as response:`` sends on enter
    and closes the response on exit."""

    def __init__(self, send: Callable[[], _R]) -> None:
        self._send = send
        self._response: Optional[_R] = None

    def __enter__(self) -> _R:
        self._response = self._send()
        return self._response

    def __exit__(self, *exc: object) -> None:
        if self._response is not None:
            cast(APIResponse[Any], self._response).close()


class AsyncResponseContextManager(Generic[_R]):
    """``async with ...with_streaming_response.method(...) as response:``"""

    def __init__(self, send: Awaitable[_R]) -> None:
        self._send = send
        self._response: Optional[_R] = None

    async def __aenter__(self) -> _R:
        self._response = await self._send
        return self._response

    async def __aexit__(self, *exc: object) -> None:
        if self._response is not None:
            await cast(AsyncAPIResponse[Any], self._response).close()


def _marked(kwargs: Dict[str, Any], mode: str) -> Dict[str, Any]:
    extra = dict(kwargs.get("extra_headers") or {})
    extra[RAW_RESPONSE_HEADER] = mode
    kwargs["extra_headers"] = extra
    return kwargs


def to_raw_response_wrapper(func: Callable[_P, _R]) -> Callable[_P, APIResponse[_R]]:
    """``func`` returning the :class:`APIResponse` instead of the parsed result."""

    @functools.wraps(func)
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> APIResponse[_R]:
        return cast(APIResponse[_R], func(*args, **_marked(kwargs, "raw")))

    return wrapped


def async_to_raw_response_wrapper(
    func: Callable[_P, Awaitable[_R]],
) -> Callable[_P, Awaitable[AsyncAPIResponse[_R]]]:
    """Async ``func`` returning the :class:`AsyncAPIResponse` instead of the parsed result."""

    @functools.wraps(func)
    async def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> AsyncAPIResponse[_R]:
        return cast(AsyncAPIResponse[_R], await func(*args, **_marked(kwargs, "raw")))

    return wrapped


def to_streamed_response_wrapper(
    func: Callable[_P, _R],
) -> Callable[_P, ResponseContextManager[APIResponse[_R]]]:
    """``func`` returning a context manager around an unread :class:`APIResponse`."""

    @functools.wraps(func)
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> ResponseContextManager[APIResponse[_R]]:
        marked = _marked(kwargs, "stream")
        return ResponseContextManager(lambda: cast(APIResponse[_R], func(*args, **marked)))

    return wrapped


def async_to_streamed_response_wrapper(
    func: Callable[_P, Awaitable[_R]],
) -> Callable[_P, AsyncResponseContextManager[AsyncAPIResponse[_R]]]:
    """Async ``func`` returning an async context manager around an unread :class:`AsyncAPIResponse`."""

    @functools.wraps(func)
    def wrapped(
        *args: _P.args, **kwargs: _P.kwargs
    ) -> AsyncResponseContextManager[AsyncAPIResponse[_R]]:
        marked = _marked(kwargs, "stream")

        async def send() -> AsyncAPIResponse[_R]:
            return cast(AsyncAPIResponse[_R], await func(*args, **marked))

        return AsyncResponseContextManager(send())

    return wrapped
