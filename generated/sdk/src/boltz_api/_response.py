# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Raw responses, returned by ``client.<resource>.with_raw_response.<method>(...)``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, Optional, Tuple, TypeVar

import httpx

if TYPE_CHECKING:
    from ._base_client import RequestOptions

__all__ = ["APIResponse", "AsyncAPIResponse"]

_T = TypeVar("_T")


class APIResponse(Generic[_T]):
    """The HTTP response of a call, with :meth:`parse` for the usual result."""

    def __init__(
        self,
        response: httpx.Response,
        cast_to: Any,
        *,
        page_args: Optional[Tuple[Any, Any, "RequestOptions"]] = None,
    ) -> None:
        self.http_response = response
        self._cast_to = cast_to
        self._page_args = page_args
        self._parsed: Optional[_T] = None

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def content(self) -> bytes:
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text

    def json(self) -> Any:
        return self.http_response.json()

    def parse(self) -> _T:
        """The result the method returns without ``with_raw_response``."""
        if self._parsed is None:
            if self._page_args is not None:
                client, item_type, options = self._page_args
                self._parsed = self._cast_to._from_response(
                    client, item_type, options, self.http_response
                )
            else:
                from ._base_client import _parse

                self._parsed = _parse(self._cast_to, self.http_response)
        return self._parsed  # type: ignore[return-value]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code} {self.http_response.reason_phrase}] type={self._cast_to}>"


class AsyncAPIResponse(APIResponse[_T]):
    async def parse(self) -> _T:  # type: ignore[override]
        return super().parse()
