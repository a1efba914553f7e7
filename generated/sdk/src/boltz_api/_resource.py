# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Base classes of the generated resources."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Callable, Dict

from ._base_client import RAW_RESPONSE_HEADER

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["SyncAPIResource", "AsyncAPIResource", "RawResponseProxy"]


class SyncAPIResource:
    _client: "SyncAPIClient"

    def __init__(self, client: "SyncAPIClient") -> None:
        self._client = client


class AsyncAPIResource:
    _client: "AsyncAPIClient"

    def __init__(self, client: "AsyncAPIClient") -> None:
        self._client = client


def _with_raw(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        extra: Dict[str, Any] = dict(kwargs.pop("extra_headers", None) or {})
        extra[RAW_RESPONSE_HEADER] = "true"
        return method(*args, extra_headers=extra, **kwargs)

    return wrapped


class RawResponseProxy:
    """``resource.with_raw_response``: the same methods, returning the raw response."""

    def __init__(self, resource: Any) -> None:
        self._resource = resource

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._resource, name)
        if isinstance(attr, (SyncAPIResource, AsyncAPIResource)):
            return RawResponseProxy(attr)
        if callable(attr) and not name.startswith("_"):
            return _with_raw(attr)
        raise AttributeError(name)

    def __dir__(self) -> Any:
        return [
            n for n in dir(self._resource) if not n.startswith("_") and n != "with_raw_response"
        ]
