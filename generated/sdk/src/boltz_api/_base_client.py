# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""The HTTP machinery under every resource: requests, retries, errors, pages.

This module imports httpx but not pydantic: a caller that only needs raw
responses (the CLI does) never pays for the models. Parsing into models
happens in :mod:`._models`, imported on first use.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import os
import platform
import random
import time
import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import (
    TYPE_CHECKING,
    Any,
    AsyncIterator,
    Dict,
    Generator,
    Generic,
    Iterator,
    List,
    Mapping,
    Optional,
    Tuple,
    Type,
    TypeVar,
    Union,
    cast,
)
from urllib.parse import quote

import httpx

from ._exceptions import APIConnectionError, APIStatusError, APITimeoutError, status_error
from ._types import NOT_GIVEN, Body, Headers, NotGiven, Omit, Query, Timeout
from ._version import __version__

if TYPE_CHECKING:
    from ._response import APIResponse, AsyncAPIResponse

__all__ = [
    "SyncAPIClient",
    "AsyncAPIClient",
    "RequestOptions",
    "SyncPage",
    "AsyncPage",
    "AsyncPaginator",
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
    "path_param",
]

log = logging.getLogger("boltz_api")

DEFAULT_TIMEOUT = httpx.Timeout(timeout=60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
DEFAULT_CONNECTION_LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=100)
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
#: Internal marker header: the caller wants the raw response (stripped before sending).
RAW_RESPONSE_HEADER = "X-Forge-Raw-Response"
#: Header names whose values never reach a log line.
SECRET_HEADERS = frozenset({"authorization", "cookie", "proxy-authorization", "x-api-key"})
#: Query parameter names whose values never reach a log line.
SECRET_QUERY = frozenset({})

_T = TypeVar("_T")
_ItemT = TypeVar("_ItemT")


def path_param(name: str, value: object) -> str:
    """One path segment: non-empty, and percent-encoded so it cannot add segments."""
    text = str(value)
    if not text:
        raise ValueError(f"Expected a non-empty value for `{name}` but received {value!r}")
    return quote(text, safe="")


def _json_default(value: object) -> object:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    dump = getattr(value, "model_dump", None)
    if callable(dump):  # a pydantic model passed as input
        return dump(mode="json", by_alias=True, exclude_unset=True)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _strip_not_given(value: object) -> object:
    if isinstance(value, Mapping):
        return {k: _strip_not_given(v) for k, v in value.items() if not isinstance(v, NotGiven)}
    if isinstance(value, (list, tuple)):
        return [_strip_not_given(v) for v in value]
    return value


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


def encode_query(
    params: Mapping[str, object], styles: Mapping[str, Tuple[str, bool]]
) -> List[Tuple[str, str]]:
    """Query pairs: arrays repeated (``a=1&a=2``) unless the spec says otherwise,
    objects as ``deepObject`` (``a[b]=1``) or form fields."""
    pairs: List[Tuple[str, str]] = []
    for key, value in params.items():
        if value is None or isinstance(value, NotGiven):
            continue
        style, explode = styles.get(key, ("form", True))
        if isinstance(value, (list, tuple)):
            items = [_scalar(v) for v in value if v is not None]
            if explode and style == "form":
                pairs.extend((key, v) for v in items)
            else:
                sep = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(style, ",")
                pairs.append((key, sep.join(items)))
        elif isinstance(value, Mapping):
            if style == "deepObject":
                pairs.extend(_deep_object(key, value))
            elif explode:
                pairs.extend((str(k), _scalar(v)) for k, v in value.items() if v is not None)
            else:
                pairs.append(
                    (key, ",".join(f"{k},{_scalar(v)}" for k, v in value.items() if v is not None))
                )
        else:
            pairs.append((key, _scalar(value)))
    return pairs


def _deep_object(prefix: str, value: Mapping[Any, object]) -> List[Tuple[str, str]]:
    pairs: List[Tuple[str, str]] = []
    for k, v in value.items():
        name = f"{prefix}[{k}]"
        if isinstance(v, Mapping):
            pairs.extend(_deep_object(name, v))
        elif isinstance(v, (list, tuple)):
            pairs.extend((name, _scalar(item)) for item in v)
        elif v is not None and not isinstance(v, NotGiven):
            pairs.append((name, _scalar(v)))
    return pairs


@dataclass(frozen=True)
class RequestOptions:
    """Everything needed to send (and resend) one request."""

    method: str
    path: str
    query: Mapping[str, object] = field(default_factory=dict)
    query_styles: Mapping[str, Tuple[str, bool]] = field(default_factory=dict)
    headers: Mapping[str, object] = field(default_factory=dict)
    body: object = NOT_GIVEN
    #: json, multipart, form, binary or text
    encoding: str = "json"
    content_type: Optional[str] = None
    extra_headers: Optional[Headers] = None
    extra_query: Optional[Query] = None
    extra_body: Optional[Body] = None
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN
    max_retries: Union[int, NotGiven] = NOT_GIVEN
    idempotency_key: Optional[str] = None

    @property
    def wants_raw(self) -> bool:
        return bool(self.extra_headers and self.extra_headers.get(RAW_RESPONSE_HEADER))


_LOG_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}


def _setup_logging(env_var: str) -> None:
    level = _LOG_LEVELS.get(os.environ.get(env_var, "").lower())
    if level is None or log.handlers:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(
        logging.Formatter("[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s")
    )
    log.addHandler(handler)
    log.setLevel(level)


def redact_headers(headers: Mapping[str, str]) -> Dict[str, str]:
    """A copy of ``headers`` safe to log: credentials replaced by ``<redacted>``."""
    return {k: ("<redacted>" if k.lower() in SECRET_HEADERS else v) for k, v in headers.items()}


def redact_url(url: httpx.URL) -> str:
    if not SECRET_QUERY or not url.query:
        return str(url)
    params = [(k, "<redacted>" if k in SECRET_QUERY else v) for k, v in url.params.multi_items()]
    return str(url.copy_with(params=params))


def _parse_retry_after(headers: httpx.Headers) -> Optional[float]:
    """Seconds the server asked us to wait, from ``retry-after-ms`` or ``retry-after``."""
    try:
        ms = headers.get("retry-after-ms")
        if ms is not None:
            return float(ms) / 1000
    except ValueError:
        pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        parsed = email.utils.parsedate_tz(value)
        if parsed is None:
            return None
        return float(email.utils.mktime_tz(parsed) - time.time())


class _BaseClient:
    """Request building and retry policy shared by the sync and async clients."""

    _env_prefix = "BOLTZ"

    def __init__(
        self,
        *,
        base_url: Union[str, httpx.URL],
        timeout: Union[Timeout, NotGiven],
        max_retries: int,
        default_headers: Optional[Mapping[str, str]],
        default_query: Optional[Mapping[str, object]],
    ) -> None:
        if max_retries is None or max_retries < 0:  # type: ignore[redundant-expr]
            raise TypeError("max_retries must be a non-negative int")
        self.base_url = httpx.URL(str(base_url).rstrip("/") + "/")
        self.timeout: Timeout = DEFAULT_TIMEOUT if isinstance(timeout, NotGiven) else timeout
        self.max_retries = max_retries
        self._custom_headers: Dict[str, str] = dict(default_headers or {})
        self._custom_query: Dict[str, object] = dict(default_query or {})
        self._env_headers = self._headers_from_env()
        _setup_logging(f"{self._env_prefix}_LOG")

    def _headers_from_env(self) -> Dict[str, str]:
        raw = os.environ.get(f"{self._env_prefix}_CUSTOM_HEADERS", "")
        out: Dict[str, str] = {}
        for line in raw.splitlines():
            name, sep, value = line.partition(":")
            if sep and name.strip():
                out[name.strip()] = value.strip()
        return out

    # --- hooks for the generated client ---------------------------------------

    @property
    def auth_headers(self) -> Dict[str, str]:
        return {}

    @property
    def auth_query(self) -> Dict[str, str]:
        return {}

    def _validate_auth(self, options: RequestOptions) -> None:
        """Raise before sending when a credential the request needs is missing."""

    # --- building --------------------------------------------------------------

    @property
    def default_headers(self) -> Dict[str, str]:
        return {
            "Accept": "application/json",
            "User-Agent": f"boltz-api/{__version__} (Python {platform.python_version()})",
            **self.auth_headers,
            **self._env_headers,
            **self._custom_headers,
        }

    def _build_request(self, options: RequestOptions, retries_taken: int) -> httpx.Request:
        headers: Dict[str, str] = dict(self.default_headers)
        for source in (options.headers, options.extra_headers or {}):
            for name, value in source.items():
                if isinstance(value, (Omit, NotGiven)) or value is None:
                    headers = {k: v for k, v in headers.items() if k.lower() != name.lower()}
                elif name != RAW_RESPONSE_HEADER:
                    headers = {k: v for k, v in headers.items() if k.lower() != name.lower()}
                    headers[name] = _scalar(value)
        if options.idempotency_key and "Idempotency-Key" not in headers:
            headers["Idempotency-Key"] = options.idempotency_key
        if retries_taken:
            headers["X-Retry-Count"] = str(retries_taken)

        query: Dict[str, object] = {
            **self._custom_query,
            **self.auth_query,
            **options.query,
            **(options.extra_query or {}),
        }
        params = encode_query(query, options.query_styles)

        kwargs: Dict[str, Any] = {}
        body = options.body
        if isinstance(body, NotGiven):
            body = None if options.extra_body is None else {}
        if options.extra_body is not None and isinstance(body, Mapping):
            body = {**body, **cast(Mapping[str, object], options.extra_body)}
        if body is not None:
            body = (
                _strip_not_given(body)
                if options.encoding in ("json", "multipart", "form")
                else body
            )
            if options.encoding == "json":
                kwargs["content"] = json.dumps(
                    body, default=_json_default, separators=(",", ":"), ensure_ascii=False
                ).encode()
                headers.setdefault("Content-Type", options.content_type or "application/json")
            elif options.encoding == "multipart":
                kwargs["data"], kwargs["files"] = _split_multipart(cast(Mapping[str, object], body))
            elif options.encoding == "form":
                kwargs["data"] = {
                    k: _form_value(v)
                    for k, v in cast(Mapping[str, object], body).items()
                    if v is not None
                }
            else:
                kwargs["content"] = body if isinstance(body, (bytes, str)) else cast(Any, body)
                if options.content_type:
                    headers.setdefault("Content-Type", options.content_type)
        timeout = self.timeout if isinstance(options.timeout, NotGiven) else options.timeout
        url = self.base_url.join(options.path.lstrip("/"))
        return httpx.Request(
            options.method.upper(),
            url,
            params=params,
            headers=headers,
            extensions={"timeout": httpx.Timeout(timeout).as_dict()},
            **kwargs,
        )

    def _prepare_options(self, options: RequestOptions) -> RequestOptions:
        if options.method.lower() != "get" and options.idempotency_key is None:
            options = replace(options, idempotency_key=f"forge-retry-{uuid.uuid4()}")
        return options

    # --- retries ----------------------------------------------------------------

    def _max_retries(self, options: RequestOptions) -> int:
        return (
            self.max_retries if isinstance(options.max_retries, NotGiven) else options.max_retries
        )

    @staticmethod
    def _should_retry(response: httpx.Response) -> bool:
        override = response.headers.get("x-should-retry")
        if override == "true":
            return True
        if override == "false":
            return False
        return response.status_code in (408, 409, 429) or response.status_code >= 500

    @staticmethod
    def _retry_delay(retries_taken: int, headers: Optional[httpx.Headers]) -> float:
        if headers is not None:
            after = _parse_retry_after(headers)
            if after is not None and 0 < after <= 60:
                return after
        delay = min(INITIAL_RETRY_DELAY * 2.0**retries_taken, MAX_RETRY_DELAY)
        return max(0.0, delay * (1 - 0.25 * random.random()))

    def _status_error(self, response: httpx.Response) -> APIStatusError:
        try:
            body: object = response.json()
        except (ValueError, UnicodeDecodeError):
            body = response.text or None
        detail = body if body is not None else response.reason_phrase
        return status_error(
            f"Error code: {response.status_code} - {detail}", response=response, body=body
        )

    def _log_request(self, request: httpx.Request) -> None:
        if log.isEnabledFor(logging.DEBUG):
            log.debug(
                "Request: %s %s headers=%s",
                request.method,
                redact_url(request.url),
                redact_headers(dict(request.headers)),
            )

    def _log_response(self, request: httpx.Request, response: httpx.Response) -> None:
        if log.isEnabledFor(logging.INFO):
            log.info(
                'HTTP Response: %s %s "%s %s"',
                request.method,
                redact_url(request.url),
                response.status_code,
                response.reason_phrase,
            )
        if log.isEnabledFor(logging.DEBUG):
            log.debug("Response headers: %s", redact_headers(dict(response.headers)))

    def __repr__(self) -> str:
        # Never the credentials.
        return f"<{type(self).__name__} base_url={str(self.base_url)!r}>"


def _form_value(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return [_scalar(v) for v in value]
    return _scalar(value)


def _is_file(value: object) -> bool:
    return (
        isinstance(value, (bytes, bytearray))
        or hasattr(value, "read")
        or (
            isinstance(value, tuple)
            and len(value) in (2, 3)
            and (isinstance(value[1], (bytes, bytearray)) or hasattr(value[1], "read"))
        )
    )


def _split_multipart(body: Mapping[str, object]) -> Tuple[Dict[str, object], List[Tuple[str, Any]]]:
    data: Dict[str, object] = {}
    files: List[Tuple[str, Any]] = []
    for key, value in body.items():
        if value is None:
            continue
        if _is_file(value):
            files.append((key, value))
        elif isinstance(value, (list, tuple)) and value and all(_is_file(v) for v in value):
            files.extend((key, v) for v in value)
        elif isinstance(value, (Mapping, list)):
            data[key] = json.dumps(value, default=_json_default)
        else:
            data[key] = _scalar(value)
    return data, files


def _parse(cast_to: Any, response: httpx.Response) -> Any:
    """Decode a successful response into ``cast_to``."""
    if cast_to is None or cast_to is type(None):
        return None
    if cast_to is httpx.Response:
        return response
    if cast_to is bytes:
        return response.content
    if cast_to is str:
        return response.text
    if not response.content:
        return None
    try:
        data = response.json()
    except ValueError:
        from ._exceptions import APIResponseValidationError

        raise APIResponseValidationError(
            response, response.text, message="The response body is not JSON."
        ) from None
    if cast_to is object:
        return data
    from ._models import construct

    return construct(cast_to, data)


class SyncAPIClient(_BaseClient):
    """Sends requests with a keep-alive :class:`httpx.Client`."""

    _client: httpx.Client

    def __init__(
        self,
        *,
        base_url: Union[str, httpx.URL],
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Optional[Mapping[str, str]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        http_client: Optional[httpx.Client] = None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
        )
        self._owns_client = http_client is None
        self._client = http_client or httpx.Client(
            timeout=self.timeout, limits=DEFAULT_CONNECTION_LIMITS, follow_redirects=True
        )

    def close(self) -> None:
        """Close the connection pool (only when the client created it)."""
        if self._owns_client:
            self._client.close()

    def __enter__(self: _T) -> _T:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def send(self, options: RequestOptions, *, stream: bool = False) -> httpx.Response:
        """Send with retries; return the successful response or raise an :class:`APIError`."""
        options = self._prepare_options(options)
        self._validate_auth(options)
        max_retries = self._max_retries(options)
        retries_taken = 0
        while True:
            request = self._build_request(options, retries_taken)
            self._log_request(request)
            try:
                response = self._client.send(request, stream=stream)
            except httpx.TimeoutException as err:
                if retries_taken < max_retries:
                    time.sleep(self._retry_delay(retries_taken, None))
                    retries_taken += 1
                    continue
                raise APITimeoutError(request=request) from err
            except httpx.HTTPError as err:
                if retries_taken < max_retries:
                    time.sleep(self._retry_delay(retries_taken, None))
                    retries_taken += 1
                    continue
                raise APIConnectionError(request=request) from err
            self._log_response(request, response)
            if response.is_success:
                return response
            if retries_taken < max_retries and self._should_retry(response):
                response.close()
                time.sleep(self._retry_delay(retries_taken, response.headers))
                retries_taken += 1
                continue
            response.read()
            raise self._status_error(response)

    def request(self, cast_to: Type[_T], options: RequestOptions) -> _T:
        """Send ``options`` and parse the result as ``cast_to`` (or wrap it, for raw responses)."""
        response = self.send(options)
        if options.wants_raw:
            from ._response import APIResponse

            return cast(_T, APIResponse(response, cast_to))
        return cast(_T, _parse(cast_to, response))

    def request_page(
        self, page_cls: Type["SyncPage[_ItemT]"], item_type: Any, options: RequestOptions
    ) -> "SyncPage[_ItemT]":
        response = self.send(options)
        if options.wants_raw:
            from ._response import APIResponse

            return cast(
                "SyncPage[_ItemT]",
                APIResponse(response, page_cls, page_args=(self, item_type, options)),
            )
        return page_cls._from_response(self, item_type, options, response)


class AsyncAPIClient(_BaseClient):
    """Sends requests with a keep-alive :class:`httpx.AsyncClient`."""

    _client: httpx.AsyncClient

    def __init__(
        self,
        *,
        base_url: Union[str, httpx.URL],
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Optional[Mapping[str, str]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        http_client: Optional[httpx.AsyncClient] = None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
        )
        self._owns_client = http_client is None
        self._client = http_client or httpx.AsyncClient(
            timeout=self.timeout, limits=DEFAULT_CONNECTION_LIMITS, follow_redirects=True
        )

    async def close(self) -> None:
        """Close the connection pool (only when the client created it)."""
        if self._owns_client:
            await self._client.aclose()

    async def __aenter__(self: _T) -> _T:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def send(self, options: RequestOptions, *, stream: bool = False) -> httpx.Response:
        """Send with retries; return the successful response or raise an :class:`APIError`."""
        options = self._prepare_options(options)
        self._validate_auth(options)
        max_retries = self._max_retries(options)
        retries_taken = 0
        while True:
            request = self._build_request(options, retries_taken)
            self._log_request(request)
            try:
                response = await self._client.send(request, stream=stream)
            except httpx.TimeoutException as err:
                if retries_taken < max_retries:
                    await asyncio.sleep(self._retry_delay(retries_taken, None))
                    retries_taken += 1
                    continue
                raise APITimeoutError(request=request) from err
            except httpx.HTTPError as err:
                if retries_taken < max_retries:
                    await asyncio.sleep(self._retry_delay(retries_taken, None))
                    retries_taken += 1
                    continue
                raise APIConnectionError(request=request) from err
            self._log_response(request, response)
            if response.is_success:
                return response
            if retries_taken < max_retries and self._should_retry(response):
                await response.aclose()
                await asyncio.sleep(self._retry_delay(retries_taken, response.headers))
                retries_taken += 1
                continue
            await response.aread()
            raise self._status_error(response)

    async def request(self, cast_to: Type[_T], options: RequestOptions) -> _T:
        response = await self.send(options)
        if options.wants_raw:
            from ._response import AsyncAPIResponse

            return cast(_T, AsyncAPIResponse(response, cast_to))
        return cast(_T, _parse(cast_to, response))

    def request_page(
        self, page_cls: Type["AsyncPage[_ItemT]"], item_type: Any, options: RequestOptions
    ) -> "AsyncPaginator[_ItemT]":
        return AsyncPaginator(self, page_cls, item_type, options)


# --- pagination ----------------------------------------------------------------


class _BasePage(Generic[_ItemT]):
    """One page of a list; subclasses (in ``pagination.py``) know the page's shape."""

    #: Name of the response field that holds the items.
    _items_field = "data"

    def __init__(
        self, items: List[_ItemT], raw: Mapping[str, Any], options: RequestOptions
    ) -> None:
        self._items = items
        self._raw = raw
        self._options = options

    @classmethod
    def _parse_items(cls, item_type: Any, raw: Mapping[str, Any]) -> List[Any]:
        items = raw.get(cls._items_field) or []
        if item_type is object or not items:
            return list(items)
        from ._models import construct

        return [construct(item_type, item) for item in items]

    def __getattr__(self, name: str) -> Any:
        # Page fields (has_more, last_id...) straight from the response.
        raw = self.__dict__.get("_raw")
        if raw is not None and name in raw:
            return raw[name]
        raise AttributeError(name)

    def next_page_query(self) -> Optional[Dict[str, object]]:
        """Query parameters that fetch the next page, or ``None`` on the last page."""
        raise NotImplementedError

    def has_next_page(self) -> bool:
        return self.next_page_query() is not None

    def to_dict(self) -> Dict[str, Any]:
        return dict(self._raw)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(items={len(self._items)}, has_next_page={self.has_next_page()})"
        )


class SyncPage(_BasePage[_ItemT]):
    _client: SyncAPIClient
    _item_type: Any

    @classmethod
    def _from_response(
        cls,
        client: SyncAPIClient,
        item_type: Any,
        options: RequestOptions,
        response: httpx.Response,
    ) -> "SyncPage[_ItemT]":
        raw = response.json() if response.content else {}
        if not isinstance(raw, Mapping):
            raw = {cls._items_field: raw}
        page = cls(cls._parse_items(item_type, raw), raw, options)
        page._client = client
        page._item_type = item_type
        return page

    def get_next_page(self) -> "SyncPage[_ItemT]":
        query = self.next_page_query()
        if query is None:
            raise RuntimeError("No next page; check has_next_page() first.")
        options = replace(
            self._options, query={**self._options.query, **query}, idempotency_key=None
        )
        return self._client.request_page(type(self), self._item_type, options)

    def iter_pages(self) -> Iterator["SyncPage[_ItemT]"]:
        page: SyncPage[_ItemT] = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.get_next_page()

    def __iter__(self) -> Iterator[_ItemT]:  # type: ignore[override]
        for page in self.iter_pages():
            yield from page._items


class AsyncPage(_BasePage[_ItemT]):
    _client: AsyncAPIClient
    _item_type: Any

    @classmethod
    async def _fetch(
        cls, client: AsyncAPIClient, item_type: Any, options: RequestOptions
    ) -> "AsyncPage[_ItemT]":
        response = await client.send(options)
        raw = response.json() if response.content else {}
        if not isinstance(raw, Mapping):
            raw = {cls._items_field: raw}
        page = cls(cls._parse_items(item_type, raw), raw, options)
        page._client = client
        page._item_type = item_type
        return page

    async def get_next_page(self) -> "AsyncPage[_ItemT]":
        query = self.next_page_query()
        if query is None:
            raise RuntimeError("No next page; check has_next_page() first.")
        options = replace(
            self._options, query={**self._options.query, **query}, idempotency_key=None
        )
        return await type(self)._fetch(self._client, self._item_type, options)

    async def iter_pages(self) -> AsyncIterator["AsyncPage[_ItemT]"]:
        page: AsyncPage[_ItemT] = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.get_next_page()

    async def __aiter__(self) -> AsyncIterator[_ItemT]:
        async for page in self.iter_pages():
            for item in page._items:
                yield item


class AsyncPaginator(Generic[_ItemT]):
    """What an async list method returns: ``await`` it for the first page,
    or ``async for`` over it for every item of every page."""

    def __init__(
        self,
        client: AsyncAPIClient,
        page_cls: Type[AsyncPage[_ItemT]],
        item_type: Any,
        options: RequestOptions,
    ) -> None:
        self._client = client
        self._page_cls = page_cls
        self._item_type = item_type
        self._options = options

    def __await__(self) -> Generator[Any, None, AsyncPage[_ItemT]]:
        return self._page_cls._fetch(self._client, self._item_type, self._options).__await__()

    async def __aiter__(self) -> AsyncIterator[_ItemT]:
        page = await self
        async for item in page:
            yield item
