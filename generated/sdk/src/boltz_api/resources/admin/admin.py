# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING
from typing import cast as _cast

import httpx

from ..._base_client import RequestOptions
from ..._base_client import path_param as _path_param
from ..._resource import AsyncAPIResource, SyncAPIResource
from ..._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)

if TYPE_CHECKING:
    from .api_keys import (
        APIKeysResource,
        AsyncAPIKeysResource,
        APIKeysResourceWithRawResponse,
        AsyncAPIKeysResourceWithRawResponse,
        APIKeysResourceWithStreamingResponse,
        AsyncAPIKeysResourceWithStreamingResponse,
    )

    pass

__all__ = [
    "AdminResource",
    "AsyncAdminResource",
    "AdminResourceWithRawResponse",
    "AsyncAdminResourceWithRawResponse",
    "AdminResourceWithStreamingResponse",
    "AsyncAdminResourceWithStreamingResponse",
]


class AdminResource(SyncAPIResource):

    @cached_property
    def with_raw_response(self) -> AdminResourceWithRawResponse:
        """Prefix a method call to get the HTTP response (headers, status, ``.parse()``) instead of the result."""
        return AdminResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AdminResourceWithStreamingResponse:
        """Like ``with_raw_response``, but the body is only read when you ask for it."""
        return AdminResourceWithStreamingResponse(self)

    @cached_property
    def api_keys(self) -> APIKeysResource:
        """API keys authenticate requests to the Boltz API. There are two key types: admin keys have full access to all management and compute operations across the organization, while workspace keys are scoped to a single workspace and can only perform compute operations (predictions, protein design, small molecule design) within that workspace. Keys can be created in live or test mode. Test keys (prefixed `sk_bc_*_test_`) create test-mode resources with synthetic data and no GPU cost. Every resource includes a `livemode` field indicating its mode."""
        from .api_keys import APIKeysResource

        return APIKeysResource(self._client)


class AsyncAdminResource(AsyncAPIResource):

    @cached_property
    def with_raw_response(self) -> AsyncAdminResourceWithRawResponse:
        """Prefix a method call to get the HTTP response (headers, status, ``.parse()``) instead of the result."""
        return AsyncAdminResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncAdminResourceWithStreamingResponse:
        """Like ``with_raw_response``, but the body is only read when you ask for it."""
        return AsyncAdminResourceWithStreamingResponse(self)

    @cached_property
    def api_keys(self) -> AsyncAPIKeysResource:
        """API keys authenticate requests to the Boltz API. There are two key types: admin keys have full access to all management and compute operations across the organization, while workspace keys are scoped to a single workspace and can only perform compute operations (predictions, protein design, small molecule design) within that workspace. Keys can be created in live or test mode. Test keys (prefixed `sk_bc_*_test_`) create test-mode resources with synthetic data and no GPU cost. Every resource includes a `livemode` field indicating its mode."""
        from .api_keys import AsyncAPIKeysResource

        return AsyncAPIKeysResource(self._client)


class AdminResourceWithRawResponse:
    """``AdminResource`` methods returning the HTTP response."""

    def __init__(self, resource: AdminResource) -> None:
        self._resource = resource

    @cached_property
    def api_keys(self) -> APIKeysResourceWithRawResponse:
        from .api_keys import APIKeysResourceWithRawResponse

        return APIKeysResourceWithRawResponse(self._resource.api_keys)


class AsyncAdminResourceWithRawResponse:
    """``AsyncAdminResource`` methods returning the HTTP response."""

    def __init__(self, resource: AsyncAdminResource) -> None:
        self._resource = resource

    @cached_property
    def api_keys(self) -> AsyncAPIKeysResourceWithRawResponse:
        from .api_keys import AsyncAPIKeysResourceWithRawResponse

        return AsyncAPIKeysResourceWithRawResponse(self._resource.api_keys)


class AdminResourceWithStreamingResponse:
    """``AdminResource`` methods returning a context manager around the unread response."""

    def __init__(self, resource: AdminResource) -> None:
        self._resource = resource

    @cached_property
    def api_keys(self) -> APIKeysResourceWithStreamingResponse:
        from .api_keys import APIKeysResourceWithStreamingResponse

        return APIKeysResourceWithStreamingResponse(self._resource.api_keys)


class AsyncAdminResourceWithStreamingResponse:
    """``AsyncAdminResource`` methods returning a context manager around the unread response."""

    def __init__(self, resource: AsyncAdminResource) -> None:
        self._resource = resource

    @cached_property
    def api_keys(self) -> AsyncAPIKeysResourceWithStreamingResponse:
        from .api_keys import AsyncAPIKeysResourceWithStreamingResponse

        return AsyncAPIKeysResourceWithStreamingResponse(self._resource.api_keys)
