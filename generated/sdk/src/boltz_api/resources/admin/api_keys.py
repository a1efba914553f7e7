# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, cast

import httpx

from typing_extensions import Literal
from ..._types import Body, Headers, NOT_GIVEN, NotGiven, Query, SequenceNotStr
from ...types.admin.api_key_create_response import APIKeyCreateResponse
from ...types.admin.api_key_list_response import APIKeyListResponse
from ...types.admin.api_key_revoke_response import APIKeyRevokeResponse
from ..._base_client import RequestOptions, path_param
from ..._resource import AsyncAPIResource, RawResponseProxy, SyncAPIResource
from ..._base_client import AsyncPaginator
from ...pagination import SyncCursorIDPage, AsyncCursorIDPage

if TYPE_CHECKING:
    pass

__all__ = ["APIKeysResource", "AsyncAPIKeysResource"]


class APIKeysResource(SyncAPIResource):
    """API keys authenticate requests to the Boltz API. There are two key types: admin keys have full access to all management and compute operations across the organization, while workspace keys are scoped to a single workspace and can only perform compute operations (predictions, protein design, small molecule design) within that workspace. Keys can be created in live or test mode. Test keys (prefixed `sk_bc_*_test_`) create test-mode resources with synthetic data and no GPU cost. Every resource includes a `livemode` field indicating its mode."""

    @cached_property
    def with_raw_response(self) -> RawResponseProxy:
        """The same methods, returning the HTTP response (with ``.parse()``) instead of the result."""
        return RawResponseProxy(self)

    def create(
        self,
        *,
        name: str,
        allowed_ips: SequenceNotStr[str] | NotGiven = NOT_GIVEN,
        expires_in_days: int | NotGiven = NOT_GIVEN,
        mode: Literal["live", "test"] | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
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
        options = RequestOptions(
            method="post",
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
        )
        return cast("APIKeyCreateResponse", self._client.request(APIKeyCreateResponse, options))

    def list(
        self,
        *,
        after_id: str | NotGiven = NOT_GIVEN,
        before_id: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SyncCursorIDPage[APIKeyListResponse]:
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
        options = RequestOptions(
            method="get",
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
        )
        return self._client.request_page(SyncCursorIDPage[APIKeyListResponse], APIKeyListResponse, options)  # type: ignore[return-value]

    def revoke(
        self,
        api_key_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> APIKeyRevokeResponse:
        """Revoke an API key

        Revoke an API key. A revoked key stops authenticating requests at once; revoking cannot be undone.

        Args:
          api_key_id: ID of the API key to revoke

          extra_headers: Send extra headers
          extra_query: Add additional query parameters to the request
          extra_body: Add additional JSON properties to the request
          timeout: Override the client-level default timeout for this request, in seconds"""
        options = RequestOptions(
            method="post",
            path="/compute/v1/admin/api-keys/" + path_param("api_key_id", api_key_id) + "/revoke",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return cast("APIKeyRevokeResponse", self._client.request(APIKeyRevokeResponse, options))


class AsyncAPIKeysResource(AsyncAPIResource):
    """API keys authenticate requests to the Boltz API. There are two key types: admin keys have full access to all management and compute operations across the organization, while workspace keys are scoped to a single workspace and can only perform compute operations (predictions, protein design, small molecule design) within that workspace. Keys can be created in live or test mode. Test keys (prefixed `sk_bc_*_test_`) create test-mode resources with synthetic data and no GPU cost. Every resource includes a `livemode` field indicating its mode."""

    @cached_property
    def with_raw_response(self) -> RawResponseProxy:
        """The same methods, returning the HTTP response (with ``.parse()``) instead of the result."""
        return RawResponseProxy(self)

    async def create(
        self,
        *,
        name: str,
        allowed_ips: SequenceNotStr[str] | NotGiven = NOT_GIVEN,
        expires_in_days: int | NotGiven = NOT_GIVEN,
        mode: Literal["live", "test"] | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
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
        options = RequestOptions(
            method="post",
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
        )
        return cast(
            "APIKeyCreateResponse", await self._client.request(APIKeyCreateResponse, options)
        )

    def list(
        self,
        *,
        after_id: str | NotGiven = NOT_GIVEN,
        before_id: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[APIKeyListResponse]:
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
        options = RequestOptions(
            method="get",
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
        )
        return self._client.request_page(AsyncCursorIDPage[APIKeyListResponse], APIKeyListResponse, options)  # type: ignore[return-value]

    async def revoke(
        self,
        api_key_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> APIKeyRevokeResponse:
        """Revoke an API key

        Revoke an API key. A revoked key stops authenticating requests at once; revoking cannot be undone.

        Args:
          api_key_id: ID of the API key to revoke

          extra_headers: Send extra headers
          extra_query: Add additional query parameters to the request
          extra_body: Add additional JSON properties to the request
          timeout: Override the client-level default timeout for this request, in seconds"""
        options = RequestOptions(
            method="post",
            path="/compute/v1/admin/api-keys/" + path_param("api_key_id", api_key_id) + "/revoke",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return cast(
            "APIKeyRevokeResponse", await self._client.request(APIKeyRevokeResponse, options)
        )
