# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING, Dict, Mapping, Optional, Union

import httpx

from ._base_client import DEFAULT_MAX_RETRIES, AsyncAPIClient, SyncAPIClient
from ._exceptions import BoltzError
from ._types import NOT_GIVEN, NotGiven, Timeout

if TYPE_CHECKING:
    from .resources.admin.admin import AdminResource, AsyncAdminResource

__all__ = ["Boltz", "AsyncBoltz", "DEFAULT_BASE_URL"]

DEFAULT_BASE_URL = "https://api.boltz.bio"


class Boltz(SyncAPIClient):
    """Client for the Boltz API.

    Credentials and the base URL come from the arguments, else from the
    environment (``BOLTZ_API_KEY``, ``BOLTZ_BASE_URL``).
    """

    api_key: Optional[str]

    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Optional[Mapping[str, str]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        http_client: Optional[httpx.Client] = None,
    ) -> None:
        if api_key is None:
            api_key = os.environ.get("BOLTZ_API_KEY")
        self.api_key = api_key
        if base_url is None:
            base_url = os.environ.get("BOLTZ_BASE_URL") or DEFAULT_BASE_URL
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
        )
        if self.api_key is None:
            raise BoltzError(
                "The api_key client option must be set either by passing api_key to the client "
                "or by setting the BOLTZ_API_KEY environment variable"
            )

    @cached_property
    def admin(self) -> AdminResource:
        from .resources.admin.admin import AdminResource

        return AdminResource(self)

    @property
    def auth_headers(self) -> Dict[str, str]:
        headers: Dict[str, str] = {}
        if self.api_key is not None:
            headers["x-api-key"] = self.api_key
        return headers

    @property
    def auth_query(self) -> Dict[str, str]:
        query: Dict[str, str] = {}
        return query

    def with_options(
        self,
        *,
        api_key: Optional[str] = None,
        base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        default_headers: Optional[Mapping[str, str]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        http_client: Optional[httpx.Client] = None,
    ) -> "Boltz":
        """A copy of this client with some options changed; it shares the connection pool."""
        clone = type(self)(
            api_key=api_key if api_key is not None else self.api_key,
            base_url=base_url if base_url is not None else self.base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=self.max_retries if max_retries is None else max_retries,
            default_headers={**self._custom_headers, **(default_headers or {})},
            default_query={**self._custom_query, **(default_query or {})},
            http_client=http_client or self._client,
        )
        if http_client is None:
            clone._owns_client = False
        return clone

    copy = with_options


class AsyncBoltz(AsyncAPIClient):
    """Client for the Boltz API.

    Credentials and the base URL come from the arguments, else from the
    environment (``BOLTZ_API_KEY``, ``BOLTZ_BASE_URL``).
    """

    api_key: Optional[str]

    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Optional[Mapping[str, str]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        http_client: Optional[httpx.AsyncClient] = None,
    ) -> None:
        if api_key is None:
            api_key = os.environ.get("BOLTZ_API_KEY")
        self.api_key = api_key
        if base_url is None:
            base_url = os.environ.get("BOLTZ_BASE_URL") or DEFAULT_BASE_URL
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
        )
        if self.api_key is None:
            raise BoltzError(
                "The api_key client option must be set either by passing api_key to the client "
                "or by setting the BOLTZ_API_KEY environment variable"
            )

    @cached_property
    def admin(self) -> AsyncAdminResource:
        from .resources.admin.admin import AsyncAdminResource

        return AsyncAdminResource(self)

    @property
    def auth_headers(self) -> Dict[str, str]:
        headers: Dict[str, str] = {}
        if self.api_key is not None:
            headers["x-api-key"] = self.api_key
        return headers

    @property
    def auth_query(self) -> Dict[str, str]:
        query: Dict[str, str] = {}
        return query

    def with_options(
        self,
        *,
        api_key: Optional[str] = None,
        base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        default_headers: Optional[Mapping[str, str]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        http_client: Optional[httpx.AsyncClient] = None,
    ) -> "AsyncBoltz":
        """A copy of this client with some options changed; it shares the connection pool."""
        clone = type(self)(
            api_key=api_key if api_key is not None else self.api_key,
            base_url=base_url if base_url is not None else self.base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=self.max_retries if max_retries is None else max_retries,
            default_headers={**self._custom_headers, **(default_headers or {})},
            default_query={**self._custom_query, **(default_query or {})},
            http_client=http_client or self._client,
        )
        if http_client is None:
            clone._owns_client = False
        return clone

    copy = with_options
