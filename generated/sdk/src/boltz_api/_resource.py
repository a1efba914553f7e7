# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Base classes of the generated resources."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["SyncAPIResource", "AsyncAPIResource"]


class SyncAPIResource:
    """A group of operations sharing the client's connection pool and settings."""

    _client: "SyncAPIClient"

    def __init__(self, client: "SyncAPIClient") -> None:
        self._client = client


class AsyncAPIResource:
    """A group of async operations sharing the client's connection pool and settings."""

    _client: "AsyncAPIClient"

    def __init__(self, client: "AsyncAPIClient") -> None:
        self._client = client
