# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING, Dict, Mapping, Optional, Tuple, Union

import httpx
from typing_extensions import Literal

from ._base_client import DEFAULT_MAX_RETRIES, AsyncAPIClient, RequestOptions, SyncAPIClient
from ._exceptions import BoltzError
from ._types import NOT_GIVEN, NotGiven, Timeout

if TYPE_CHECKING:
    from .resources.admin.admin import (
        AdminResource,
        AsyncAdminResource,
        AdminResourceWithRawResponse,
        AsyncAdminResourceWithRawResponse,
        AdminResourceWithStreamingResponse,
        AsyncAdminResourceWithStreamingResponse,
    )

    pass

__all__ = [
    "Boltz",
    "AsyncBoltz",
    "Client",
    "AsyncClient",
    "DEFAULT_BASE_URL",
    "ENVIRONMENTS",
    "BoltzWithRawResponse",
    "AsyncBoltzWithRawResponse",
    "BoltzWithStreamedResponse",
    "AsyncBoltzWithStreamedResponse",
]

DEFAULT_BASE_URL = "https://api.boltz.bio"

#: The servers the ``environment`` option names; the first is the default.
ENVIRONMENTS: Dict[str, str] = {
    "production": "https://api.boltz.bio",
}


class Boltz(SyncAPIClient):
    """Client for the Boltz API.

    Options left out come from the environment:
    ``api_key`` from ``BOLTZ_API_KEY``,
    ``base_url`` from ``BOLTZ_BASE_URL``, else from ``environment``
    (one of production; ``production`` by default).
    ``BOLTZ_CUSTOM_HEADERS`` (``Name: value`` lines) adds headers to every
    request and ``BOLTZ_LOG=debug|info`` turns on logging; credentials are
    never logged.
    """

    api_key: Optional[str]

    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        environment: Union[Literal["production"], NotGiven] = NOT_GIVEN,
        base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Optional[Mapping[str, str]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        http_client: Optional[httpx.Client] = None,
    ) -> None:
        """Construct a client; see the class docstring for the environment variables it reads."""
        if not api_key:
            # An empty value (BOLTZ_API_KEY= in a shell) counts as not set.
            api_key = os.environ.get("BOLTZ_API_KEY") or None
        self.api_key = api_key
        if self.api_key is None:
            raise BoltzError(
                "The api_key client option must be set either by passing api_key to the client "
                "or by setting the BOLTZ_API_KEY environment variable"
            )
        # base_url wins, then the environment variable, then the environment.
        if isinstance(environment, NotGiven):
            environment = "production"
        elif environment not in ENVIRONMENTS:
            raise ValueError(
                f"Unknown environment {environment!r}; expected one of {', '.join(ENVIRONMENTS)}"
            )
        self._environment: Literal["production"] = environment
        if base_url is None:
            base_url = os.environ.get("BOLTZ_BASE_URL") or ENVIRONMENTS[environment]
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
        )

    @cached_property
    def admin(self) -> AdminResource:
        from .resources.admin.admin import AdminResource

        return AdminResource(self)

    @cached_property
    def with_raw_response(self) -> BoltzWithRawResponse:
        """Prefix a method call to get the HTTP response (headers, status, ``.parse()``) instead of the result."""
        return BoltzWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> BoltzWithStreamedResponse:
        """Like ``with_raw_response``, but the body is only read when you ask for it."""
        return BoltzWithStreamedResponse(self)

    def _auth_headers(self, security: Optional[Tuple[str, ...]]) -> Dict[str, str]:
        headers: Dict[str, str] = {}
        if self.api_key and (security is None or "api_key_auth" in security):
            headers.setdefault("x-api-key", self.api_key)
        return headers

    def _auth_query(self, security: Optional[Tuple[str, ...]]) -> Dict[str, str]:
        query: Dict[str, str] = {}
        return query

    def _secrets(self) -> Tuple[str, ...]:
        return tuple(filter(None, (self.api_key,)))

    def _validate_auth(self, options: RequestOptions) -> None:
        security = options.security
        if not security or self._auth_headers(security) or self._auth_query(security):
            return
        supplied = {name.lower() for name in self._custom_headers}
        supplied.update(name.lower() for name in options.headers)
        supplied.update(name.lower() for name in options.extra_headers or {})
        if not supplied.isdisjoint(("x-api-key",)):
            return
        raise BoltzError(
            "Could not resolve authentication method: this call needs api_key, "
            "which is not set on the client"
        )

    def copy(
        self,
        *,
        api_key: Optional[str] = None,
        environment: Union[Literal["production"], NotGiven] = NOT_GIVEN,
        base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
        default_headers: Optional[Mapping[str, str]] = None,
        set_default_headers: Optional[Mapping[str, str]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        set_default_query: Optional[Mapping[str, object]] = None,
        http_client: Optional[httpx.Client] = None,
    ) -> Boltz:
        """A copy of this client with some options changed; it shares the connection pool.

        ``default_headers``/``default_query`` add to the current ones,
        ``set_default_headers``/``set_default_query`` replace them.
        """
        if default_headers is not None and set_default_headers is not None:
            raise ValueError(
                "The `default_headers` and `set_default_headers` arguments are mutually exclusive"
            )
        if default_query is not None and set_default_query is not None:
            raise ValueError(
                "The `default_query` and `set_default_query` arguments are mutually exclusive"
            )
        headers: Mapping[str, str] = self._custom_headers
        if default_headers is not None:
            headers = {**headers, **default_headers}
        elif set_default_headers is not None:
            headers = set_default_headers
        query: Mapping[str, object] = self._custom_query
        if default_query is not None:
            query = {**query, **default_query}
        elif set_default_query is not None:
            query = set_default_query
        if base_url is None and isinstance(environment, NotGiven):
            # A new environment moves the copy to that environment's server.
            base_url = self.base_url
        clone = type(self)(
            api_key=api_key if api_key is not None else self.api_key,
            environment=self._environment if isinstance(environment, NotGiven) else environment,
            base_url=base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=self.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            default_headers=headers,
            default_query=query,
            http_client=http_client or self._client,
        )
        return clone

    # Alias, for a more readable `client.with_options(timeout=10).admin...`.
    with_options = copy


class AsyncBoltz(AsyncAPIClient):
    """Asynchronous client for the Boltz API.

    Options left out come from the environment:
    ``api_key`` from ``BOLTZ_API_KEY``,
    ``base_url`` from ``BOLTZ_BASE_URL``, else from ``environment``
    (one of production; ``production`` by default).
    ``BOLTZ_CUSTOM_HEADERS`` (``Name: value`` lines) adds headers to every
    request and ``BOLTZ_LOG=debug|info`` turns on logging; credentials are
    never logged.
    """

    api_key: Optional[str]

    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        environment: Union[Literal["production"], NotGiven] = NOT_GIVEN,
        base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Optional[Mapping[str, str]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        http_client: Optional[httpx.AsyncClient] = None,
    ) -> None:
        """Construct a client; see the class docstring for the environment variables it reads."""
        if not api_key:
            # An empty value (BOLTZ_API_KEY= in a shell) counts as not set.
            api_key = os.environ.get("BOLTZ_API_KEY") or None
        self.api_key = api_key
        if self.api_key is None:
            raise BoltzError(
                "The api_key client option must be set either by passing api_key to the client "
                "or by setting the BOLTZ_API_KEY environment variable"
            )
        # base_url wins, then the environment variable, then the environment.
        if isinstance(environment, NotGiven):
            environment = "production"
        elif environment not in ENVIRONMENTS:
            raise ValueError(
                f"Unknown environment {environment!r}; expected one of {', '.join(ENVIRONMENTS)}"
            )
        self._environment: Literal["production"] = environment
        if base_url is None:
            base_url = os.environ.get("BOLTZ_BASE_URL") or ENVIRONMENTS[environment]
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
        )

    @cached_property
    def admin(self) -> AsyncAdminResource:
        from .resources.admin.admin import AsyncAdminResource

        return AsyncAdminResource(self)

    @cached_property
    def with_raw_response(self) -> AsyncBoltzWithRawResponse:
        """Prefix a method call to get the HTTP response (headers, status, ``.parse()``) instead of the result."""
        return AsyncBoltzWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncBoltzWithStreamedResponse:
        """Like ``with_raw_response``, but the body is only read when you ask for it."""
        return AsyncBoltzWithStreamedResponse(self)

    def _auth_headers(self, security: Optional[Tuple[str, ...]]) -> Dict[str, str]:
        headers: Dict[str, str] = {}
        if self.api_key and (security is None or "api_key_auth" in security):
            headers.setdefault("x-api-key", self.api_key)
        return headers

    def _auth_query(self, security: Optional[Tuple[str, ...]]) -> Dict[str, str]:
        query: Dict[str, str] = {}
        return query

    def _secrets(self) -> Tuple[str, ...]:
        return tuple(filter(None, (self.api_key,)))

    def _validate_auth(self, options: RequestOptions) -> None:
        security = options.security
        if not security or self._auth_headers(security) or self._auth_query(security):
            return
        supplied = {name.lower() for name in self._custom_headers}
        supplied.update(name.lower() for name in options.headers)
        supplied.update(name.lower() for name in options.extra_headers or {})
        if not supplied.isdisjoint(("x-api-key",)):
            return
        raise BoltzError(
            "Could not resolve authentication method: this call needs api_key, "
            "which is not set on the client"
        )

    def copy(
        self,
        *,
        api_key: Optional[str] = None,
        environment: Union[Literal["production"], NotGiven] = NOT_GIVEN,
        base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
        default_headers: Optional[Mapping[str, str]] = None,
        set_default_headers: Optional[Mapping[str, str]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        set_default_query: Optional[Mapping[str, object]] = None,
        http_client: Optional[httpx.AsyncClient] = None,
    ) -> AsyncBoltz:
        """A copy of this client with some options changed; it shares the connection pool.

        ``default_headers``/``default_query`` add to the current ones,
        ``set_default_headers``/``set_default_query`` replace them.
        """
        if default_headers is not None and set_default_headers is not None:
            raise ValueError(
                "The `default_headers` and `set_default_headers` arguments are mutually exclusive"
            )
        if default_query is not None and set_default_query is not None:
            raise ValueError(
                "The `default_query` and `set_default_query` arguments are mutually exclusive"
            )
        headers: Mapping[str, str] = self._custom_headers
        if default_headers is not None:
            headers = {**headers, **default_headers}
        elif set_default_headers is not None:
            headers = set_default_headers
        query: Mapping[str, object] = self._custom_query
        if default_query is not None:
            query = {**query, **default_query}
        elif set_default_query is not None:
            query = set_default_query
        if base_url is None and isinstance(environment, NotGiven):
            # A new environment moves the copy to that environment's server.
            base_url = self.base_url
        clone = type(self)(
            api_key=api_key if api_key is not None else self.api_key,
            environment=self._environment if isinstance(environment, NotGiven) else environment,
            base_url=base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=self.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            default_headers=headers,
            default_query=query,
            http_client=http_client or self._client,
        )
        return clone

    # Alias, for a more readable `client.with_options(timeout=10).admin...`.
    with_options = copy


class BoltzWithRawResponse:
    """``Boltz`` resources whose methods return the HTTP response."""

    def __init__(self, client: Boltz) -> None:
        self._client = client

    @cached_property
    def admin(self) -> AdminResourceWithRawResponse:
        from .resources.admin.admin import AdminResourceWithRawResponse

        return AdminResourceWithRawResponse(self._client.admin)


class AsyncBoltzWithRawResponse:
    """``AsyncBoltz`` resources whose methods return the HTTP response."""

    def __init__(self, client: AsyncBoltz) -> None:
        self._client = client

    @cached_property
    def admin(self) -> AsyncAdminResourceWithRawResponse:
        from .resources.admin.admin import AsyncAdminResourceWithRawResponse

        return AsyncAdminResourceWithRawResponse(self._client.admin)


class BoltzWithStreamedResponse:
    """``Boltz`` resources whose methods return a context manager around the unread response."""

    def __init__(self, client: Boltz) -> None:
        self._client = client

    @cached_property
    def admin(self) -> AdminResourceWithStreamingResponse:
        from .resources.admin.admin import AdminResourceWithStreamingResponse

        return AdminResourceWithStreamingResponse(self._client.admin)


class AsyncBoltzWithStreamedResponse:
    """``AsyncBoltz`` resources whose methods return a context manager around the unread response."""

    def __init__(self, client: AsyncBoltz) -> None:
        self._client = client

    @cached_property
    def admin(self) -> AsyncAdminResourceWithStreamingResponse:
        from .resources.admin.admin import AsyncAdminResourceWithStreamingResponse

        return AsyncAdminResourceWithStreamingResponse(self._client.admin)


Client = Boltz
AsyncClient = AsyncBoltz
