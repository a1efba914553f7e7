# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, cast

import httpx

from ..._base_client import RequestOptions, path_param
from ..._resource import AsyncAPIResource, RawResponseProxy, SyncAPIResource

if TYPE_CHECKING:
    from .api_keys import APIKeysResource, AsyncAPIKeysResource

    pass

__all__ = ["AdminResource", "AsyncAdminResource"]


class AdminResource(SyncAPIResource):

    @cached_property
    def with_raw_response(self) -> RawResponseProxy:
        """The same methods, returning the HTTP response (with ``.parse()``) instead of the result."""
        return RawResponseProxy(self)

    @cached_property
    def api_keys(self) -> APIKeysResource:
        """API keys authenticate requests to the Boltz API. There are two key types: admin keys have full access to all management and compute operations across the organization, while workspace keys are scoped to a single workspace and can only perform compute operations (predictions, protein design, small molecule design) within that workspace. Keys can be created in live or test mode. Test keys (prefixed `sk_bc_*_test_`) create test-mode resources with synthetic data and no GPU cost. Every resource includes a `livemode` field indicating its mode."""
        from .api_keys import APIKeysResource

        return APIKeysResource(self._client)


class AsyncAdminResource(AsyncAPIResource):

    @cached_property
    def with_raw_response(self) -> RawResponseProxy:
        """The same methods, returning the HTTP response (with ``.parse()``) instead of the result."""
        return RawResponseProxy(self)

    @cached_property
    def api_keys(self) -> AsyncAPIKeysResource:
        """API keys authenticate requests to the Boltz API. There are two key types: admin keys have full access to all management and compute operations across the organization, while workspace keys are scoped to a single workspace and can only perform compute operations (predictions, protein design, small molecule design) within that workspace. Keys can be created in live or test mode. Test keys (prefixed `sk_bc_*_test_`) create test-mode resources with synthetic data and no GPU cost. Every resource includes a `livemode` field indicating its mode."""
        from .api_keys import AsyncAPIKeysResource

        return AsyncAPIKeysResource(self._client)
