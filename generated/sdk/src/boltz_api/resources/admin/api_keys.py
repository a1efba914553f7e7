# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING
from typing import cast as _cast

import httpx

from typing_extensions import Literal
from ..._types import Body, Headers, NotGiven, Omit, Query, SequenceNotStr, not_given, omit
from ..._base_client import RequestOptions
from ..._base_client import path_param as _path_param
from ..._base_client import AsyncPaginator
from ...pagination import SyncCursorPage, AsyncCursorPage
from ..._resource import AsyncAPIResource, SyncAPIResource
from ..._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)

if TYPE_CHECKING:
    from ...types.admin.api_key_create_response import APIKeyCreateResponse
    from ...types.admin.api_key_list_response import APIKeyListResponse
    from ...types.admin.api_key_revoke_response import APIKeyRevokeResponse

    pass

__all__ = [
    "APIKeysResource",
    "AsyncAPIKeysResource",
    "APIKeysResourceWithRawResponse",
    "AsyncAPIKeysResourceWithRawResponse",
    "APIKeysResourceWithStreamingResponse",
    "AsyncAPIKeysResourceWithStreamingResponse",
]


class APIKeysResource(SyncAPIResource):
    """API keys authenticate requests to the Boltz API. There are two key types: admin keys have full access to all management and compute operations across the organization, while workspace keys are scoped to a single workspace and can only perform compute operations (predictions, protein design, small molecule design) within that workspace. Keys can be created in live or test mode. Test keys (prefixed `sk_bc_*_test_`) create test-mode resources with synthetic data and no GPU cost. Every resource includes a `livemode` field indicating its mode."""

    @cached_property
    def with_raw_response(self) -> APIKeysResourceWithRawResponse:
        """Prefix a method call to get the HTTP response (headers, status, ``.parse()``) instead of the result."""
        return APIKeysResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> APIKeysResourceWithStreamingResponse:
        """Like ``with_raw_response``, but the body is only read when you ask for it."""
        return APIKeysResourceWithStreamingResponse(self)

    def create(
        self,
        *,
        name: str,
        allowed_ips: SequenceNotStr[str] | Omit = omit,
        expires_in_days: int | Omit = omit,
        mode: Literal["live", "test"] | Omit = omit,
        workspace_id: str | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> APIKeyCreateResponse:
        """Create a workspace API key

        Args:
          name: API key name

          allowed_ips: IP addresses allowed to use this key (IPv4 or IPv6). An empty array (the default) means all IPs are allowed.

          expires_in_days: Days until the key expires. Omit for a key that does not expire.

          mode: Key mode. Test keys create test-mode resources with synthetic data.

          workspace_id: Workspace ID to scope this key to. Omit for default workspace.

          extra_headers: Send extra headers

          extra_query: Add additional query parameters to the request

          extra_body: Add additional JSON properties to the request

          timeout: Override the client-level default timeout for this request, in seconds"""
        from ...types.admin.api_key_create_response import APIKeyCreateResponse

        _options = RequestOptions(
            method="POST",
            path="/compute/v1/admin/api-keys",
            body={
                "name": name,
                "allowed_ips": allowed_ips,
                "expires_in_days": expires_in_days,
                "mode": mode,
                "workspace_id": workspace_id,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
            security=("api_key_auth",),
        )
        return _cast("APIKeyCreateResponse", self._client.request(APIKeyCreateResponse, _options))

    def list(
        self,
        *,
        after_id: str | Omit = omit,
        before_id: str | Omit = omit,
        limit: int | Omit = omit,
        workspace_id: str | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> SyncCursorPage[APIKeyListResponse]:
        """List API keys

        List the organization's API keys, newest first. Results are cursor-paginated: pass `after_id` (or `before_id`) from a previous page to fetch the next one.

        Args:
          after_id: Return results after this ID

          before_id: Return results before this ID

          limit: Max items to return

          workspace_id: Filter by workspace ID. If not provided, returns keys across all workspaces.

          extra_headers: Send extra headers

          extra_query: Add additional query parameters to the request

          extra_body: Add additional JSON properties to the request

          timeout: Override the client-level default timeout for this request, in seconds"""
        from ...types.admin.api_key_list_response import APIKeyListResponse

        _options = RequestOptions(
            method="GET",
            path="/compute/v1/admin/api-keys",
            query={
                "after_id": after_id,
                "before_id": before_id,
                "limit": limit,
                "workspace_id": workspace_id,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
            security=("api_key_auth",),
        )
        return self._client.request_page(SyncCursorPage, APIKeyListResponse, _options)

    def revoke(
        self,
        api_key_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> APIKeyRevokeResponse:
        """Revoke an API key

        Revoke an API key. A revoked key stops authenticating requests at once; revoking cannot be undone.

        Args:
          api_key_id: ID of the API key to revoke

          extra_headers: Send extra headers

          extra_query: Add additional query parameters to the request

          extra_body: Add additional JSON properties to the request

          timeout: Override the client-level default timeout for this request, in seconds"""
        from ...types.admin.api_key_revoke_response import APIKeyRevokeResponse

        _options = RequestOptions(
            method="POST",
            path="/compute/v1/admin/api-keys/" + _path_param("api_key_id", api_key_id) + "/revoke",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
            security=("api_key_auth",),
        )
        return _cast("APIKeyRevokeResponse", self._client.request(APIKeyRevokeResponse, _options))


class AsyncAPIKeysResource(AsyncAPIResource):
    """API keys authenticate requests to the Boltz API. There are two key types: admin keys have full access to all management and compute operations across the organization, while workspace keys are scoped to a single workspace and can only perform compute operations (predictions, protein design, small molecule design) within that workspace. Keys can be created in live or test mode. Test keys (prefixed `sk_bc_*_test_`) create test-mode resources with synthetic data and no GPU cost. Every resource includes a `livemode` field indicating its mode."""

    @cached_property
    def with_raw_response(self) -> AsyncAPIKeysResourceWithRawResponse:
        """Prefix a method call to get the HTTP response (headers, status, ``.parse()``) instead of the result."""
        return AsyncAPIKeysResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncAPIKeysResourceWithStreamingResponse:
        """Like ``with_raw_response``, but the body is only read when you ask for it."""
        return AsyncAPIKeysResourceWithStreamingResponse(self)

    async def create(
        self,
        *,
        name: str,
        allowed_ips: SequenceNotStr[str] | Omit = omit,
        expires_in_days: int | Omit = omit,
        mode: Literal["live", "test"] | Omit = omit,
        workspace_id: str | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> APIKeyCreateResponse:
        """Create a workspace API key

        Args:
          name: API key name

          allowed_ips: IP addresses allowed to use this key (IPv4 or IPv6). An empty array (the default) means all IPs are allowed.

          expires_in_days: Days until the key expires. Omit for a key that does not expire.

          mode: Key mode. Test keys create test-mode resources with synthetic data.

          workspace_id: Workspace ID to scope this key to. Omit for default workspace.

          extra_headers: Send extra headers

          extra_query: Add additional query parameters to the request

          extra_body: Add additional JSON properties to the request

          timeout: Override the client-level default timeout for this request, in seconds"""
        from ...types.admin.api_key_create_response import APIKeyCreateResponse

        _options = RequestOptions(
            method="POST",
            path="/compute/v1/admin/api-keys",
            body={
                "name": name,
                "allowed_ips": allowed_ips,
                "expires_in_days": expires_in_days,
                "mode": mode,
                "workspace_id": workspace_id,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
            security=("api_key_auth",),
        )
        return _cast(
            "APIKeyCreateResponse", await self._client.request(APIKeyCreateResponse, _options)
        )

    def list(
        self,
        *,
        after_id: str | Omit = omit,
        before_id: str | Omit = omit,
        limit: int | Omit = omit,
        workspace_id: str | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> AsyncPaginator[APIKeyListResponse, AsyncCursorPage[APIKeyListResponse]]:
        """List API keys

        List the organization's API keys, newest first. Results are cursor-paginated: pass `after_id` (or `before_id`) from a previous page to fetch the next one.

        Args:
          after_id: Return results after this ID

          before_id: Return results before this ID

          limit: Max items to return

          workspace_id: Filter by workspace ID. If not provided, returns keys across all workspaces.

          extra_headers: Send extra headers

          extra_query: Add additional query parameters to the request

          extra_body: Add additional JSON properties to the request

          timeout: Override the client-level default timeout for this request, in seconds"""
        from ...types.admin.api_key_list_response import APIKeyListResponse

        _options = RequestOptions(
            method="GET",
            path="/compute/v1/admin/api-keys",
            query={
                "after_id": after_id,
                "before_id": before_id,
                "limit": limit,
                "workspace_id": workspace_id,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
            security=("api_key_auth",),
        )
        return _cast(
            "AsyncPaginator[APIKeyListResponse, AsyncCursorPage[APIKeyListResponse]]",
            self._client.request_page(AsyncCursorPage, APIKeyListResponse, _options),
        )

    async def revoke(
        self,
        api_key_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> APIKeyRevokeResponse:
        """Revoke an API key

        Revoke an API key. A revoked key stops authenticating requests at once; revoking cannot be undone.

        Args:
          api_key_id: ID of the API key to revoke

          extra_headers: Send extra headers

          extra_query: Add additional query parameters to the request

          extra_body: Add additional JSON properties to the request

          timeout: Override the client-level default timeout for this request, in seconds"""
        from ...types.admin.api_key_revoke_response import APIKeyRevokeResponse

        _options = RequestOptions(
            method="POST",
            path="/compute/v1/admin/api-keys/" + _path_param("api_key_id", api_key_id) + "/revoke",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
            security=("api_key_auth",),
        )
        return _cast(
            "APIKeyRevokeResponse", await self._client.request(APIKeyRevokeResponse, _options)
        )


class APIKeysResourceWithRawResponse:
    """``APIKeysResource`` methods returning the HTTP response."""

    def __init__(self, resource: APIKeysResource) -> None:
        self._resource = resource
        self.create = to_raw_response_wrapper(resource.create)
        self.list = to_raw_response_wrapper(resource.list)
        self.revoke = to_raw_response_wrapper(resource.revoke)


class AsyncAPIKeysResourceWithRawResponse:
    """``AsyncAPIKeysResource`` methods returning the HTTP response."""

    def __init__(self, resource: AsyncAPIKeysResource) -> None:
        self._resource = resource
        self.create = async_to_raw_response_wrapper(resource.create)
        self.list = async_to_raw_response_wrapper(resource.list)
        self.revoke = async_to_raw_response_wrapper(resource.revoke)


class APIKeysResourceWithStreamingResponse:
    """``APIKeysResource`` methods returning a context manager around the unread response."""

    def __init__(self, resource: APIKeysResource) -> None:
        self._resource = resource
        self.create = to_streamed_response_wrapper(resource.create)
        self.list = to_streamed_response_wrapper(resource.list)
        self.revoke = to_streamed_response_wrapper(resource.revoke)


class AsyncAPIKeysResourceWithStreamingResponse:
    """``AsyncAPIKeysResource`` methods returning a context manager around the unread response."""

    def __init__(self, resource: AsyncAPIKeysResource) -> None:
        self._resource = resource
        self.create = async_to_streamed_response_wrapper(resource.create)
        self.list = async_to_streamed_response_wrapper(resource.list)
        self.revoke = async_to_streamed_response_wrapper(resource.revoke)
