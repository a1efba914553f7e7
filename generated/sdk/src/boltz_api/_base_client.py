# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""The HTTP machinery under every resource: requests, retries, errors, pages.

This module imports httpx but never pydantic: a caller that only needs raw
responses (the CLI does) never pays for the models, and constructing a
client stays cheap. Parsing into models happens in :mod:`._models`, which
is imported on first use.
"""

from __future__ import annotations

import json
import logging
import os
import time
from datetime import date, datetime
from collections.abc import Mapping
from types import MappingProxyType
from typing import (
    TYPE_CHECKING,
    Any,
    AsyncIterator,
    ClassVar,
    Dict,
    Generator,
    Generic,
    Iterator,
    List,
    Optional,
    Tuple,
    Type,
    TypeVar,
    Union,
)
from urllib.parse import quote, urlencode

import httpx

from ._exceptions import (
    BoltzError,
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    status_error,
)
from ._types import NOT_GIVEN, Body, Headers, NotGiven, Omit, Query, Timeout
from ._version import __version__

if TYPE_CHECKING:
    from ._paging import Paging

__all__ = [
    "SyncAPIClient",
    "AsyncAPIClient",
    "RequestOptions",
    "BasePage",
    "SyncPage",
    "AsyncPage",
    "AsyncPaginator",
    "DefaultHttpxClient",
    "DefaultAsyncHttpxClient",
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_CONNECTION_LIMITS",
    "path_param",
    "cookie_header",
    "encode_query",
    "redact_headers",
]

log = logging.getLogger("boltz_api")

DEFAULT_TIMEOUT = httpx.Timeout(timeout=60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
DEFAULT_CONNECTION_LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=100)
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
#: A ``retry-after`` longer than this is not obeyed; the usual backoff applies instead.
MAX_RETRY_AFTER = 60.0
IDEMPOTENCY_HEADER = "Idempotency-Key"
#: How query strings spell arrays and nested objects (the config's query_settings)
#: for parameters the document gives no style of its own; None: the OpenAPI default.
QUERY_ARRAY_FORMAT: Optional[str] = None
QUERY_NESTED_FORMAT: Optional[str] = None
#: Internal marker set by ``with_raw_response`` / ``with_streaming_response``
#: in ``extra_headers``; it is never sent.
RAW_RESPONSE_HEADER = "X-Forge-Raw-Response"
#: Header names (lower case) whose values never reach a log line or an error.
SECRET_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"}
)
#: Query parameter names whose values never reach a log line or an error.
SECRET_QUERY: frozenset[str] = frozenset(())
REDACTED = "<redacted>"

_T = TypeVar("_T")
_ItemT = TypeVar("_ItemT")
_SyncPageT = TypeVar("_SyncPageT", bound="SyncPage[Any]")
_AsyncPageT = TypeVar("_AsyncPageT", bound="AsyncPage[Any]")

_EMPTY: Mapping[str, Any] = MappingProxyType({})


class DefaultHttpxClient(httpx.Client):
    """An :class:`httpx.Client` with this SDK's defaults (timeout, pool limits, redirects).

    Pass one as ``http_client`` to customise transport options (proxies...)
    while keeping the defaults.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
        kwargs.setdefault("limits", DEFAULT_CONNECTION_LIMITS)
        kwargs.setdefault("follow_redirects", True)
        super().__init__(**kwargs)


class DefaultAsyncHttpxClient(httpx.AsyncClient):
    """An :class:`httpx.AsyncClient` with this SDK's defaults (timeout, pool limits, redirects)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
        kwargs.setdefault("limits", DEFAULT_CONNECTION_LIMITS)
        kwargs.setdefault("follow_redirects", True)
        super().__init__(**kwargs)


# --- encoding ------------------------------------------------------------------


def path_param(name: str, value: object) -> str:
    """One path segment: non-empty, and percent-encoded so it cannot add segments."""
    text = _scalar(value)
    if not text or isinstance(value, Omit) or value is None:
        raise ValueError(f"Expected a non-empty value for `{name}` but received {value!r}")
    return quote(text, safe="")


def cookie_header(cookies: Mapping[str, object]) -> Union[str, Omit]:
    """A ``Cookie`` header from cookie parameters; omitted ones are left out."""
    pairs = [
        f"{name}={_scalar(value)}"
        for name, value in cookies.items()
        if value is not None and not isinstance(value, Omit)
    ]
    return "; ".join(pairs) if pairs else Omit()


def _scalar(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


def _json_default(value: object) -> object:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    dump = getattr(value, "model_dump", None)
    if callable(dump):  # a response model passed back as input
        return dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _strip_omitted(value: object) -> object:
    """Drop omitted values (``omit`` / ``NOT_GIVEN``) at any depth; ``None`` stays (it is ``null``)."""
    if isinstance(value, Mapping):
        return {k: _strip_omitted(v) for k, v in value.items() if not isinstance(v, Omit)}
    if isinstance(value, list):
        return [_strip_omitted(v) for v in value if not isinstance(v, Omit)]
    if isinstance(value, tuple):  # kept a tuple: ("name.txt", content, "type") is a file
        return tuple(_strip_omitted(v) for v in value if not isinstance(v, Omit))
    return value


_FORM = ("form", True)


def encode_query(
    params: Mapping[str, object], styles: Mapping[str, Tuple[str, bool]] = _EMPTY
) -> List[Tuple[str, str]]:
    """Query pairs. Arrays repeat the key (``a=1&a=2``) unless the spec asks for
    another style; objects become ``deepObject`` (``a[b]=1``) or form fields;
    the ``json`` style (a parameter given as JSON ``content``) sends one JSON
    text. Omitted and ``None`` values are left out: a query string has no ``null``."""
    pairs: List[Tuple[str, str]] = []
    for key, value in params.items():
        if value is None or isinstance(value, Omit):
            continue
        style, explode = styles.get(key, _FORM)
        if key not in styles and _configured_format(value):
            pairs.extend(_formatted(key, value))
            continue
        if style == "json":
            text = json.dumps(_strip_omitted(value), separators=(",", ":"), default=_json_default)
            pairs.append((key, text))
            continue
        if isinstance(value, str):
            pairs.append((key, value))
            continue
        if isinstance(value, (list, tuple, set, frozenset)):
            items = [_scalar(v) for v in value if v is not None and not isinstance(v, Omit)]
            if explode and style == "form":
                pairs.extend((key, v) for v in items)
            elif items:
                sep = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(style, ",")
                pairs.append((key, sep.join(items)))
        elif isinstance(value, Mapping):
            if style == "deepObject":
                pairs.extend(_deep_object(key, value))
            elif explode:
                pairs.extend(
                    (str(k), _scalar(v))
                    for k, v in value.items()
                    if v is not None and not isinstance(v, Omit)
                )
            else:
                pairs.append(
                    (
                        key,
                        ",".join(
                            f"{k},{_scalar(v)}"
                            for k, v in value.items()
                            if v is not None and not isinstance(v, Omit)
                        ),
                    )
                )
        else:
            pairs.append((key, _scalar(value)))
    return pairs


def _configured_format(value: object) -> bool:
    """Whether the config's query_settings say how to spell ``value``."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return QUERY_ARRAY_FORMAT is not None
    return isinstance(value, Mapping) and QUERY_NESTED_FORMAT is not None


def _formatted(key: str, value: object) -> List[Tuple[str, str]]:
    """Query pairs for ``value`` spelt as the config's query_settings say."""
    if isinstance(value, Mapping):
        pairs: List[Tuple[str, str]] = []
        for k, v in value.items():
            if v is None or isinstance(v, Omit):
                continue
            name = f"{key}.{k}" if QUERY_NESTED_FORMAT == "dots" else f"{key}[{k}]"
            pairs.extend(_formatted(name, v))
        return pairs
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [v for v in value if v is not None and not isinstance(v, Omit)]
        fmt = QUERY_ARRAY_FORMAT or "repeat"
        if fmt == "comma":
            return [(key, ",".join(_scalar(v) for v in items))] if items else []
        out: List[Tuple[str, str]] = []
        for i, item in enumerate(items):
            name = {"brackets": f"{key}[]", "indices": f"{key}[{i}]"}.get(fmt, key)
            out.extend(_formatted(name, item))
        return out
    return [(key, _scalar(value))]


def _deep_object(prefix: str, value: Mapping[Any, object]) -> List[Tuple[str, str]]:
    pairs: List[Tuple[str, str]] = []
    for k, v in value.items():
        name = f"{prefix}[{k}]"
        if isinstance(v, Mapping):
            pairs.extend(_deep_object(name, v))
        elif isinstance(v, (list, tuple)):
            pairs.extend((name, _scalar(item)) for item in v)
        elif v is not None and not isinstance(v, Omit):
            pairs.append((name, _scalar(v)))
    return pairs


def _form_value(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return [_scalar(v) for v in value]
    return _scalar(value)


def _is_file(value: object) -> bool:
    if isinstance(value, (bytes, bytearray)) or hasattr(value, "read"):
        return True
    return (
        isinstance(value, tuple)
        and len(value) in (2, 3)
        and (isinstance(value[1], (bytes, bytearray)) or hasattr(value[1], "read"))
    )


def _multipart_parts(body: Mapping[str, object]) -> List[Tuple[str, Any]]:
    """Multipart parts: files as given, other fields as parts without a filename."""
    parts: List[Tuple[str, Any]] = []
    for key, value in body.items():
        if value is None:
            continue
        if _is_file(value):
            parts.append((key, value))
        elif isinstance(value, (list, tuple)) and value and all(_is_file(v) for v in value):
            parts.extend((key, v) for v in value)
        elif isinstance(value, (list, tuple)):
            parts.extend((key, (None, _scalar(v))) for v in value)
        elif isinstance(value, Mapping):
            parts.append(
                (key, (None, json.dumps(value, default=_json_default), "application/json"))
            )
        else:
            parts.append((key, (None, _scalar(value))))
    return parts


# --- options -------------------------------------------------------------------


class RequestOptions:
    """Everything needed to send (and resend) one request.

    ``query``, ``headers`` and ``body`` may hold ``omit``/``NOT_GIVEN`` values:
    they are left out. ``None`` in a body is sent as JSON ``null``.
    A plain class rather than a dataclass: one is built per call, and
    dataclasses cost import time.
    """

    __slots__ = (
        "method",
        "path",
        "query",
        "query_styles",
        "headers",
        "body",
        "encoding",
        "content_type",
        "extra_headers",
        "extra_query",
        "extra_body",
        "timeout",
        "max_retries",
        "idempotency_key",
        "security",
    )

    def __init__(
        self,
        method: str,
        path: str,
        query: Mapping[str, object] = _EMPTY,
        query_styles: Mapping[str, Tuple[str, bool]] = _EMPTY,
        headers: Mapping[str, object] = _EMPTY,
        body: object = NOT_GIVEN,
        encoding: str = "json",
        content_type: Optional[str] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
        idempotency_key: Optional[str] = None,
        security: Optional[Tuple[str, ...]] = None,
    ) -> None:
        self.method = method
        self.path = path
        self.query = query
        #: Wire name -> (OpenAPI style, explode) for query parameters not in the default form style.
        self.query_styles = query_styles
        self.headers = headers
        self.body = body
        #: json, multipart, form, binary or text
        self.encoding = encoding
        self.content_type = content_type
        self.extra_headers = extra_headers
        self.extra_query = extra_query
        self.extra_body = extra_body
        self.timeout = timeout
        self.max_retries = max_retries
        self.idempotency_key = idempotency_key
        #: Security schemes that may authenticate this call (``None``: every configured credential).
        self.security = security

    def copy(self, **changes: Any) -> "RequestOptions":
        """A copy with some fields replaced."""
        values = {name: getattr(self, name) for name in self.__slots__}
        values.update(changes)
        return RequestOptions(**values)

    @property
    def response_mode(self) -> Optional[str]:
        """``"raw"`` or ``"stream"`` when called through ``with_raw_response`` / ``with_streaming_response``."""
        extra = self.extra_headers
        if not extra:
            return None
        mode = extra.get(RAW_RESPONSE_HEADER)
        return mode if isinstance(mode, str) else None

    @property
    def wants_raw(self) -> bool:
        return self.response_mode is not None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RequestOptions):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.__slots__)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        # Headers may carry credentials (extra_headers={"x-api-key": ...}).
        headers = redact_headers({k: str(v) for k, v in self.headers.items()})
        extra = redact_headers({k: str(v) for k, v in (self.extra_headers or {}).items()})
        return f"RequestOptions(method={self.method!r}, path={self.path!r}, query={dict(self.query)!r}, headers={headers!r}, extra_headers={extra!r})"


# --- logging and redaction -------------------------------------------------------

_LOG_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
_logging_configured = False


def _setup_logging(env_var: str) -> None:
    """Honour ``<PREFIX>_LOG=debug|info`` once per process."""
    global _logging_configured
    if _logging_configured:
        return
    _logging_configured = True
    level = _LOG_LEVELS.get(os.environ.get(env_var, "").strip().lower())
    if level is None:
        return
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(
            logging.Formatter("[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s")
        )
        log.addHandler(handler)
    log.setLevel(level)


def redact_headers(headers: Mapping[str, str], secrets: Tuple[str, ...] = ()) -> Dict[str, str]:
    """A copy of ``headers`` safe to log: credentials replaced by ``<redacted>``."""
    out: Dict[str, str] = {}
    for name, value in headers.items():
        if name.lower() in SECRET_HEADERS:
            out[name] = REDACTED
        else:
            out[name] = redact_text(value, secrets)
    return out


def redact_text(text: str, secrets: Tuple[str, ...]) -> str:
    """``text`` with every occurrence of a credential replaced by ``<redacted>``."""
    for secret in secrets:
        if secret and secret in text:
            text = text.replace(secret, REDACTED)
    return text


def redact_url(url: httpx.URL, secrets: Tuple[str, ...] = ()) -> str:
    if SECRET_QUERY and url.query:
        params = [(k, REDACTED if k in SECRET_QUERY else v) for k, v in url.params.multi_items()]
        url = url.copy_with(params=params)
    return redact_text(str(url), secrets)


def _parse_retry_after(headers: httpx.Headers) -> Optional[float]:
    """Seconds the server asked us to wait: ``retry-after-ms``, else ``retry-after``
    as seconds or as an HTTP date."""
    ms = headers.get("retry-after-ms")
    if ms is not None:
        try:
            return float(ms) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    import email.utils

    parsed = email.utils.parsedate_tz(value)
    if parsed is None:
        return None
    return float(email.utils.mktime_tz(parsed) - time.time())


# --- the client ------------------------------------------------------------------


class _BaseClient:
    """Request building and retry policy shared by the sync and async clients."""

    _env_prefix: ClassVar[str] = "BOLTZ"
    _user_agent: ClassVar[str] = "Boltz/Python " + __version__
    #: Backoff parameters (seconds); an instance may override them.
    _initial_retry_delay: float = INITIAL_RETRY_DELAY
    _max_retry_delay: float = MAX_RETRY_DELAY

    _base_url: httpx.URL
    _url_prefix: str
    _custom_headers: Dict[str, str]
    _custom_query: Dict[str, object]

    def __init__(
        self,
        *,
        base_url: Union[str, httpx.URL],
        timeout: Union[Timeout, NotGiven],
        max_retries: int,
        default_headers: Optional[Mapping[str, str]],
        default_query: Optional[Mapping[str, object]],
    ) -> None:
        if not isinstance(max_retries, int) or isinstance(max_retries, bool) or max_retries < 0:
            raise TypeError(f"max_retries must be a non-negative int, got {max_retries!r}")
        self.base_url = base_url
        self.timeout: Timeout = DEFAULT_TIMEOUT if isinstance(timeout, NotGiven) else timeout
        self.max_retries = max_retries
        # <PREFIX>_CUSTOM_HEADERS first, so default_headers win over it.
        self._custom_headers = {
            **_headers_from_env(f"{self._env_prefix}_CUSTOM_HEADERS"),
            **(default_headers or {}),
        }
        self._custom_query = dict(default_query or {})
        self._refresh_header_defaults()
        _setup_logging(f"{self._env_prefix}_LOG")

    # --- configuration -------------------------------------------------------------

    @property
    def base_url(self) -> httpx.URL:
        return self._base_url

    @base_url.setter
    def base_url(self, url: Union[str, httpx.URL]) -> None:
        text = str(url)
        if not text.endswith("/"):
            text += "/"
        self._base_url = httpx.URL(text)
        self._url_prefix = text

    def _refresh_header_defaults(self) -> None:
        defaults: Dict[str, Tuple[str, str]] = {
            "accept": ("Accept", "application/json"),
            "user-agent": ("User-Agent", self._user_agent),
        }
        for name, value in self._custom_headers.items():
            defaults[name.lower()] = (name, value)
        self._header_defaults = defaults
        self._custom_header_keys = frozenset(name.lower() for name in self._custom_headers)

    @property
    def default_headers(self) -> Dict[str, str]:
        """The headers sent with every request, credentials included."""
        headers = {name: value for name, value in self._header_defaults.values()}
        for name, value in self._auth_headers(None).items():
            if name.lower() not in self._custom_header_keys:
                headers[name] = value
        return headers

    @property
    def default_query(self) -> Dict[str, object]:
        return dict(self._custom_query)

    @property
    def user_agent(self) -> str:
        return self._user_agent

    # --- hooks for the generated client ---------------------------------------------

    def _auth_headers(self, security: Optional[Tuple[str, ...]]) -> Dict[str, str]:
        """Credential headers for a call that ``security`` may authenticate."""
        return {}

    def _auth_query(self, security: Optional[Tuple[str, ...]]) -> Dict[str, str]:
        return {}

    def _secrets(self) -> Tuple[str, ...]:
        """Credential values, so they can be redacted wherever they might show up."""
        return ()

    def _validate_auth(self, options: RequestOptions) -> None:
        """Raise before sending when the call needs a credential and none is available."""

    # --- building --------------------------------------------------------------------

    def _build_headers(
        self, options: RequestOptions, idempotency_key: Optional[str]
    ) -> List[Tuple[str, str]]:
        merged = dict(self._header_defaults)
        for name, value in self._auth_headers(options.security).items():
            key = name.lower()
            if key not in self._custom_header_keys:
                merged[key] = (name, value)
        for name, raw in options.headers.items():
            # A header parameter left out is just not set (a default header stays).
            if raw is not None and not isinstance(raw, Omit):
                merged[name.lower()] = (name, _scalar(raw))
        for name, raw in (options.extra_headers or _EMPTY).items():
            if name == RAW_RESPONSE_HEADER:
                continue
            if raw is None or isinstance(raw, Omit):
                # The caller asks for a header the client would send to be left out.
                merged.pop(name.lower(), None)
            else:
                merged[name.lower()] = (name, _scalar(raw))
        if idempotency_key is not None and "idempotency-key" not in merged:
            merged["idempotency-key"] = (IDEMPOTENCY_HEADER, idempotency_key)
        return list(merged.values())

    def _build_url(self, options: RequestOptions) -> str:
        path = options.path
        if path.startswith(("http://", "https://")):
            url = path
        else:
            url = self._url_prefix + path.lstrip("/")
        query: Mapping[str, object] = options.query
        auth_query = self._auth_query(options.security)
        if self._custom_query or auth_query or options.extra_query:
            query = {**self._custom_query, **auth_query, **query, **(options.extra_query or {})}
        if query:
            pairs = encode_query(query, options.query_styles)
            if pairs:
                url += ("&" if "?" in url else "?") + urlencode(pairs)
        return url

    def _build_body(
        self, options: RequestOptions, headers: List[Tuple[str, str]]
    ) -> Dict[str, Any]:
        """httpx keyword arguments for the body (``content``, ``data``, ``files``)."""
        body = options.body
        extra = options.extra_body
        if isinstance(body, Omit):
            if extra is None:
                return {}
            body = {}
        if extra is not None and isinstance(body, Mapping) and isinstance(extra, Mapping):
            body = {**body, **extra}
        encoding = options.encoding
        has_type = any(name.lower() == "content-type" for name, _ in headers)
        if encoding == "json":
            content = json.dumps(
                _strip_omitted(body),
                default=_json_default,
                separators=(",", ":"),
                ensure_ascii=False,
            )
            if not has_type:
                headers.append(("Content-Type", options.content_type or "application/json"))
            return {"content": content.encode()}
        if encoding == "multipart" and isinstance(body, Mapping):
            stripped = _strip_omitted(body)
            assert isinstance(stripped, dict)
            # Every field goes in `files` so httpx always builds multipart/form-data
            # (with its boundary), even when no file is attached.
            return {"files": _multipart_parts(stripped)}
        if encoding == "form" and isinstance(body, Mapping):
            stripped = _strip_omitted(body)
            assert isinstance(stripped, dict)
            return {"data": {k: _form_value(v) for k, v in stripped.items() if v is not None}}
        if options.content_type and not has_type:
            headers.append(("Content-Type", options.content_type))
        if isinstance(body, str):
            return {"content": body.encode()}
        return {"content": body}

    def _timeout_for(self, options: RequestOptions) -> Timeout:
        return self.timeout if isinstance(options.timeout, NotGiven) else options.timeout

    # --- retries -----------------------------------------------------------------------

    def _max_retries_for(self, options: RequestOptions) -> int:
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
        status = response.status_code
        return status in (408, 409, 429) or status >= 500

    def _retry_delay(self, retries_taken: int, headers: Optional[httpx.Headers]) -> float:
        """Seconds before the next attempt: what the server asked for (when
        reasonable), else exponential backoff with jitter."""
        if headers is not None:
            after = _parse_retry_after(headers)
            if after is not None and 0 < after <= MAX_RETRY_AFTER:
                return after
        import random

        delay = min(self._initial_retry_delay * 2.0**retries_taken, self._max_retry_delay)
        return max(0.0, delay * (1 - 0.25 * random.random()))

    @staticmethod
    def _idempotency_key() -> str:
        import uuid

        return f"boltz-api-retry-{uuid.uuid4()}"

    def _first_idempotency_key(self, options: RequestOptions) -> Optional[str]:
        if options.idempotency_key is not None:
            return options.idempotency_key
        if options.method.upper() == "GET":
            return None
        return self._idempotency_key()

    # --- errors and logs -----------------------------------------------------------------

    def _make_status_error(self, response: httpx.Response) -> APIStatusError:
        try:
            body: object = response.json()
        except (ValueError, UnicodeDecodeError):
            body = response.text or None
        detail = body if body is not None else response.reason_phrase
        message = redact_text(f"Error code: {response.status_code} - {detail}", self._secrets())
        return status_error(message, response=response, body=body)

    def _log_request(self, request: httpx.Request, retries_taken: int) -> None:
        if log.isEnabledFor(logging.DEBUG):
            secrets = self._secrets()
            log.debug(
                "Sending HTTP Request: %s %s (attempt %d) headers=%s body=%d bytes",
                request.method,
                redact_url(request.url, secrets),
                retries_taken + 1,
                redact_headers(dict(request.headers), secrets),
                len(request.content) if isinstance(request.stream, httpx.ByteStream) else -1,
            )

    def _log_response(self, request: httpx.Request, response: httpx.Response) -> None:
        if log.isEnabledFor(logging.INFO):
            secrets = self._secrets()
            log.info(
                'HTTP Response: %s %s "%s %s"',
                request.method,
                redact_url(request.url, secrets),
                response.status_code,
                response.reason_phrase,
            )
            if log.isEnabledFor(logging.DEBUG):
                log.debug("Response headers: %s", redact_headers(dict(response.headers), secrets))

    def _log_retry(self, request: httpx.Request, delay: float, reason: str) -> None:
        if log.isEnabledFor(logging.INFO):
            log.info(
                "Retrying %s %s in %.3f seconds (%s)",
                request.method,
                redact_url(request.url, self._secrets()),
                delay,
                reason,
            )

    def __repr__(self) -> str:
        # Never the credentials.
        return f"<{type(self).__name__} base_url={str(self.base_url)!r}>"


def _headers_from_env(name: str) -> Dict[str, str]:
    """``Name: value`` lines from an environment variable."""
    out: Dict[str, str] = {}
    for line in os.environ.get(name, "").splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            out[key.strip()] = value.strip()
    return out


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
        raise APIResponseValidationError(
            response, response.text, message="The response body is not valid JSON."
        ) from None
    if cast_to is object:
        return data
    from ._models import construct

    return construct(cast_to, data)


class SyncAPIClient(_BaseClient):
    """Sends requests on a keep-alive :class:`httpx.Client`."""

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
        if http_client is not None and not isinstance(http_client, httpx.Client):
            raise TypeError(
                f"http_client must be an httpx.Client, got {type(http_client).__name__}"
            )
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
        )
        self._owns_client = http_client is None
        self._client = http_client or DefaultHttpxClient(timeout=self.timeout)

    def _sleep(self, seconds: float) -> None:
        """How the client waits between attempts; tests replace it to record delays."""
        time.sleep(seconds)

    def close(self) -> None:
        """Close the connection pool (only when this client created it)."""
        if self._owns_client:
            self._client.close()

    def is_closed(self) -> bool:
        return self._client.is_closed

    def __enter__(self: _T) -> _T:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def send(self, options: RequestOptions, *, stream: bool = False) -> httpx.Response:
        """Send with retries; return the successful response or raise an :class:`APIError`."""
        return self._send(options, stream)[0]

    def _send(self, options: RequestOptions, stream: bool) -> Tuple[httpx.Response, int]:
        self._validate_auth(options)
        idempotency_key = self._first_idempotency_key(options)
        max_retries = self._max_retries_for(options)
        retries_taken = 0
        while True:
            headers = self._build_headers(options, idempotency_key)
            body = self._build_body(options, headers)
            request = self._client.build_request(
                options.method.upper(),
                self._build_url(options),
                headers=headers,
                timeout=self._timeout_for(options),
                **body,
            )
            self._log_request(request, retries_taken)
            try:
                response = self._client.send(request, stream=stream)
            except httpx.TimeoutException as err:
                if retries_taken < max_retries:
                    retries_taken = self._wait(request, retries_taken, None, "timed out")
                    continue
                raise APITimeoutError(request=request) from err
            except httpx.HTTPError as err:
                if retries_taken < max_retries:
                    retries_taken = self._wait(
                        request, retries_taken, None, f"connection error: {type(err).__name__}"
                    )
                    continue
                raise APIConnectionError(request=request) from err
            self._log_response(request, response)
            if response.is_success:
                return response, retries_taken
            if retries_taken < max_retries and self._should_retry(response):
                response.close()
                retries_taken = self._wait(
                    request, retries_taken, response.headers, f"status {response.status_code}"
                )
                continue
            response.read()
            raise self._make_status_error(response)

    def _wait(
        self,
        request: httpx.Request,
        retries_taken: int,
        headers: Optional[httpx.Headers],
        reason: str,
    ) -> int:
        delay = self._retry_delay(retries_taken, headers)
        self._log_retry(request, delay, reason)
        self._sleep(delay)
        return retries_taken + 1

    def request(self, cast_to: Any, options: RequestOptions) -> Any:
        """Send ``options`` and parse the result as ``cast_to`` (a raw response
        when called through ``with_raw_response`` / ``with_streaming_response``)."""
        mode = options.response_mode
        if mode is None:
            return _parse(cast_to, self._send(options, False)[0])
        response, retries_taken = self._send(options, mode == "stream")
        from ._response import APIResponse

        return APIResponse(
            response, cast_to, lambda: _parse(cast_to, response), retries_taken=retries_taken
        )

    def request_stream(self, stream_cls: Any, item_type: Any, options: RequestOptions) -> Any:
        """Send ``options`` and return a ``stream_cls`` over the response's
        server-sent events, read as they arrive (a raw response when called
        through ``with_raw_response`` / ``with_streaming_response``)."""
        response, retries_taken = self._send(options, True)
        if options.response_mode is None:
            return stream_cls(item_type, response)
        from ._response import APIResponse

        return APIResponse(
            response,
            stream_cls,
            lambda: stream_cls(item_type, response),
            retries_taken=retries_taken,
        )

    def request_page(
        self, page_cls: Type[_SyncPageT], item_type: Any, options: RequestOptions
    ) -> _SyncPageT:
        """Fetch one page of a list; iterating the page walks every following page.

        With ``item_type=object`` the items stay the decoded JSON (no models are
        built and pydantic is never imported).
        """
        mode = options.response_mode
        if mode is None:
            return page_cls._from_response(self, item_type, options, self._send(options, False)[0])
        response, retries_taken = self._send(options, mode == "stream")
        from ._response import APIResponse

        parsed: Any = APIResponse(
            response,
            page_cls,
            lambda: page_cls._from_response(self, item_type, options, response),
            retries_taken=retries_taken,
        )
        return parsed  # type: ignore[no-any-return]

    # --- requests to paths the API document does not describe ---------------------------

    def get(
        self, path: str, *, cast_to: Type[_T], options: Optional[Mapping[str, Any]] = None
    ) -> _T:
        """``GET path``, parsed as ``cast_to`` (``httpx.Response``, ``object``, a model...)."""
        return self._custom("GET", path, cast_to, NOT_GIVEN, options)

    def post(
        self,
        path: str,
        *,
        cast_to: Type[_T],
        body: object = NOT_GIVEN,
        options: Optional[Mapping[str, Any]] = None,
    ) -> _T:
        return self._custom("POST", path, cast_to, body, options)

    def put(
        self,
        path: str,
        *,
        cast_to: Type[_T],
        body: object = NOT_GIVEN,
        options: Optional[Mapping[str, Any]] = None,
    ) -> _T:
        return self._custom("PUT", path, cast_to, body, options)

    def patch(
        self,
        path: str,
        *,
        cast_to: Type[_T],
        body: object = NOT_GIVEN,
        options: Optional[Mapping[str, Any]] = None,
    ) -> _T:
        return self._custom("PATCH", path, cast_to, body, options)

    def delete(
        self,
        path: str,
        *,
        cast_to: Type[_T],
        body: object = NOT_GIVEN,
        options: Optional[Mapping[str, Any]] = None,
    ) -> _T:
        return self._custom("DELETE", path, cast_to, body, options)

    def _custom(
        self,
        method: str,
        path: str,
        cast_to: Type[_T],
        body: object,
        options: Optional[Mapping[str, Any]],
    ) -> _T:
        result: _T = self.request(cast_to, _custom_options(method, path, body, options))
        return result


def _custom_options(
    method: str, path: str, body: object, options: Optional[Mapping[str, Any]]
) -> RequestOptions:
    """RequestOptions from the ``options`` mapping of ``client.get/post/...``:
    ``headers``, ``params``, ``extra_json``, ``timeout``, ``max_retries``, ``idempotency_key``."""
    opts = dict(options or {})
    return RequestOptions(
        method=method,
        path=path,
        query=opts.get("params") or _EMPTY,
        headers=opts.get("headers") or _EMPTY,
        body=body,
        extra_body=opts.get("extra_json"),
        timeout=opts.get("timeout", NOT_GIVEN),
        max_retries=opts.get("max_retries", NOT_GIVEN),
        idempotency_key=opts.get("idempotency_key"),
    )


class AsyncAPIClient(_BaseClient):
    """Sends requests on a keep-alive :class:`httpx.AsyncClient`."""

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
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise TypeError(
                f"http_client must be an httpx.AsyncClient, got {type(http_client).__name__}"
            )
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
        )
        self._owns_client = http_client is None
        self._client = http_client or DefaultAsyncHttpxClient(timeout=self.timeout)

    async def _sleep(self, seconds: float) -> None:
        """How the client waits between attempts; tests replace it to record delays."""
        import asyncio

        await asyncio.sleep(seconds)

    async def close(self) -> None:
        """Close the connection pool (only when this client created it)."""
        if self._owns_client:
            await self._client.aclose()

    def is_closed(self) -> bool:
        return self._client.is_closed

    async def __aenter__(self: _T) -> _T:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def send(self, options: RequestOptions, *, stream: bool = False) -> httpx.Response:
        """Send with retries; return the successful response or raise an :class:`APIError`."""
        return (await self._send(options, stream))[0]

    async def _send(self, options: RequestOptions, stream: bool) -> Tuple[httpx.Response, int]:
        self._validate_auth(options)
        idempotency_key = self._first_idempotency_key(options)
        max_retries = self._max_retries_for(options)
        retries_taken = 0
        while True:
            headers = self._build_headers(options, idempotency_key)
            body = self._build_body(options, headers)
            request = self._client.build_request(
                options.method.upper(),
                self._build_url(options),
                headers=headers,
                timeout=self._timeout_for(options),
                **body,
            )
            self._log_request(request, retries_taken)
            try:
                response = await self._client.send(request, stream=stream)
            except httpx.TimeoutException as err:
                if retries_taken < max_retries:
                    retries_taken = await self._wait(request, retries_taken, None, "timed out")
                    continue
                raise APITimeoutError(request=request) from err
            except httpx.HTTPError as err:
                if retries_taken < max_retries:
                    retries_taken = await self._wait(
                        request, retries_taken, None, f"connection error: {type(err).__name__}"
                    )
                    continue
                raise APIConnectionError(request=request) from err
            self._log_response(request, response)
            if response.is_success:
                return response, retries_taken
            if retries_taken < max_retries and self._should_retry(response):
                await response.aclose()
                retries_taken = await self._wait(
                    request, retries_taken, response.headers, f"status {response.status_code}"
                )
                continue
            await response.aread()
            raise self._make_status_error(response)

    async def _wait(
        self,
        request: httpx.Request,
        retries_taken: int,
        headers: Optional[httpx.Headers],
        reason: str,
    ) -> int:
        delay = self._retry_delay(retries_taken, headers)
        self._log_retry(request, delay, reason)
        await self._sleep(delay)
        return retries_taken + 1

    async def request(self, cast_to: Any, options: RequestOptions) -> Any:
        """Send ``options`` and parse the result as ``cast_to`` (a raw response
        when called through ``with_raw_response`` / ``with_streaming_response``)."""
        mode = options.response_mode
        if mode is None:
            return _parse(cast_to, (await self._send(options, False))[0])
        response, retries_taken = await self._send(options, mode == "stream")
        from ._response import AsyncAPIResponse

        return AsyncAPIResponse(
            response, cast_to, lambda: _parse(cast_to, response), retries_taken=retries_taken
        )

    async def request_stream(self, stream_cls: Any, item_type: Any, options: RequestOptions) -> Any:
        """Send ``options`` and return a ``stream_cls`` over the response's
        server-sent events, read as they arrive (a raw response when called
        through ``with_raw_response`` / ``with_streaming_response``)."""
        response, retries_taken = await self._send(options, True)
        if options.response_mode is None:
            return stream_cls(item_type, response)
        from ._response import AsyncAPIResponse

        return AsyncAPIResponse(
            response,
            stream_cls,
            lambda: stream_cls(item_type, response),
            retries_taken=retries_taken,
        )

    def request_page(
        self, page_cls: Type[_AsyncPageT], item_type: Any, options: RequestOptions
    ) -> "AsyncPaginator[Any, _AsyncPageT]":
        """An :class:`AsyncPaginator`: ``await`` it for the first page, or ``async for`` over every item."""
        return AsyncPaginator(self, page_cls, item_type, options)

    async def _fetch_page(
        self, page_cls: Type[_AsyncPageT], item_type: Any, options: RequestOptions
    ) -> _AsyncPageT:
        mode = options.response_mode
        if mode is None:
            return page_cls._from_response(
                self, item_type, options, (await self._send(options, False))[0]
            )
        response, retries_taken = await self._send(options, mode == "stream")
        from ._response import AsyncAPIResponse

        parsed: Any = AsyncAPIResponse(
            response,
            page_cls,
            lambda: page_cls._from_response(self, item_type, options, response),
            retries_taken=retries_taken,
        )
        return parsed  # type: ignore[no-any-return]

    async def get(
        self, path: str, *, cast_to: Type[_T], options: Optional[Mapping[str, Any]] = None
    ) -> _T:
        """``GET path``, parsed as ``cast_to`` (``httpx.Response``, ``object``, a model...)."""
        return await self._custom("GET", path, cast_to, NOT_GIVEN, options)

    async def post(
        self,
        path: str,
        *,
        cast_to: Type[_T],
        body: object = NOT_GIVEN,
        options: Optional[Mapping[str, Any]] = None,
    ) -> _T:
        return await self._custom("POST", path, cast_to, body, options)

    async def put(
        self,
        path: str,
        *,
        cast_to: Type[_T],
        body: object = NOT_GIVEN,
        options: Optional[Mapping[str, Any]] = None,
    ) -> _T:
        return await self._custom("PUT", path, cast_to, body, options)

    async def patch(
        self,
        path: str,
        *,
        cast_to: Type[_T],
        body: object = NOT_GIVEN,
        options: Optional[Mapping[str, Any]] = None,
    ) -> _T:
        return await self._custom("PATCH", path, cast_to, body, options)

    async def delete(
        self,
        path: str,
        *,
        cast_to: Type[_T],
        body: object = NOT_GIVEN,
        options: Optional[Mapping[str, Any]] = None,
    ) -> _T:
        return await self._custom("DELETE", path, cast_to, body, options)

    async def _custom(
        self,
        method: str,
        path: str,
        cast_to: Type[_T],
        body: object,
        options: Optional[Mapping[str, Any]],
    ) -> _T:
        result: _T = await self.request(cast_to, _custom_options(method, path, body, options))
        return result


# --- pagination ------------------------------------------------------------------


class BasePage(Generic[_ItemT]):
    """One page of a list. Subclasses (in ``pagination.py``) name the page's fields;
    a paging style (in ``_paging.py``) says how to ask for the next page."""

    #: Name of the response field that holds the items.
    _items_field: ClassVar[str] = "data"
    #: How to ask for the next page (set by each page class).
    _paging: ClassVar["Paging"]

    _items: List[_ItemT]
    _raw: Mapping[str, Any]
    _options: RequestOptions
    _item_type: Any

    def __init__(
        self,
        items: List[_ItemT],
        raw: Mapping[str, Any],
        options: RequestOptions,
        item_type: Any = object,
    ) -> None:
        self._items = items
        self._raw = raw
        self._options = options
        self._item_type = item_type

    @classmethod
    def _parse(
        cls, item_type: Any, options: RequestOptions, response: httpx.Response
    ) -> Tuple[List[Any], Mapping[str, Any]]:
        try:
            raw = response.json() if response.content else {}
        except ValueError:
            raise APIResponseValidationError(
                response, response.text, message="The response body is not valid JSON."
            ) from None
        if not isinstance(raw, Mapping):
            raw = {cls._items_field: raw}
        items = raw.get(cls._items_field) or []
        if not isinstance(items, list):
            raise APIResponseValidationError(
                response,
                raw,
                message=f"Expected a list in the `{cls._items_field}` field of the page.",
            )
        if item_type is object or not items:
            return list(items), raw
        from ._models import parser

        parse = parser(item_type)
        return [parse(item) for item in items], raw

    def _get_page_items(self) -> List[_ItemT]:
        return self._items

    def _current_query(self) -> Mapping[str, object]:
        extra = self._options.extra_query
        return {**self._options.query, **extra} if extra else self._options.query

    def next_page_query(self) -> Optional[Dict[str, object]]:
        """Query parameters that fetch the next page, or ``None`` on the last page."""
        return self._paging.next_query(self._items, self._raw, self._current_query())

    def _next_query(self) -> Optional[Dict[str, object]]:
        query = self.next_page_query()
        if query is None:
            return None
        current = self._current_query()
        if all(current.get(key) == value for key, value in query.items()):
            # The server handed back the cursor it was given: following it would loop forever.
            return None
        return query

    def has_next_page(self) -> bool:
        """Whether another page follows this one."""
        return self._next_query() is not None

    def _next_options(self) -> RequestOptions:
        query = self._next_query()
        if query is None:
            raise RuntimeError(
                "No next page expected; check `.has_next_page()` before `.get_next_page()`."
            )
        extra = self._options.extra_query
        if extra:
            extra = {k: v for k, v in extra.items() if k not in query}
        headers = self._options.extra_headers
        if headers and RAW_RESPONSE_HEADER in headers:
            # A page parsed from a raw response fetches the next pages normally.
            headers = {k: v for k, v in headers.items() if k != RAW_RESPONSE_HEADER}
        return self._options.copy(
            query={**self._options.query, **query},
            extra_query=extra,
            extra_headers=headers,
            idempotency_key=None,
        )

    def to_dict(self) -> Dict[str, Any]:
        """The page as the server sent it (items as decoded JSON)."""
        return dict(self._raw)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(items={len(self._items)}, has_next_page={self.has_next_page()})"
        )

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # Page fields this version does not know about, straight from the response.
            raw = self.__dict__.get("_raw")
            if raw is not None and name in raw:
                return raw[name]
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


class SyncPage(BasePage[_ItemT]):
    """A page from the sync client: ``for item in page`` walks every page."""

    _client: SyncAPIClient

    @classmethod
    def _from_response(
        cls: Type[_SyncPageT],
        client: SyncAPIClient,
        item_type: Any,
        options: RequestOptions,
        response: httpx.Response,
    ) -> _SyncPageT:
        items, raw = cls._parse(item_type, options, response)
        page = cls(items, raw, options, item_type)
        page._client = client
        return page

    def get_next_page(self: _SyncPageT) -> _SyncPageT:
        """Fetch the page after this one (raises when there is none)."""
        options = self._next_options()
        return self._client.request_page(type(self), self._item_type, options)

    def iter_pages(self: _SyncPageT) -> Iterator[_SyncPageT]:
        """This page and every page after it."""
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.get_next_page()

    def __iter__(self) -> Iterator[_ItemT]:
        for page in self.iter_pages():
            yield from page._items


class AsyncPage(BasePage[_ItemT]):
    """A page from the async client: ``async for item in page`` walks every page."""

    _client: AsyncAPIClient

    @classmethod
    def _from_response(
        cls: Type[_AsyncPageT],
        client: AsyncAPIClient,
        item_type: Any,
        options: RequestOptions,
        response: httpx.Response,
    ) -> _AsyncPageT:
        items, raw = cls._parse(item_type, options, response)
        page = cls(items, raw, options, item_type)
        page._client = client
        return page

    async def get_next_page(self: _AsyncPageT) -> _AsyncPageT:
        """Fetch the page after this one (raises when there is none)."""
        options = self._next_options()
        return await self._client._fetch_page(type(self), self._item_type, options)

    async def iter_pages(self: _AsyncPageT) -> AsyncIterator[_AsyncPageT]:
        """This page and every page after it."""
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.get_next_page()

    async def __aiter__(self) -> AsyncIterator[_ItemT]:
        async for page in self.iter_pages():
            for item in page._items:
                yield item


class AsyncPaginator(Generic[_ItemT, _AsyncPageT]):
    """What an async list method returns: ``await`` it for the first page,
    or ``async for`` over it for every item of every page."""

    def __init__(
        self,
        client: AsyncAPIClient,
        page_cls: Type[_AsyncPageT],
        item_type: Any,
        options: RequestOptions,
    ) -> None:
        self._client = client
        self._page_cls = page_cls
        self._item_type = item_type
        self._options = options

    def __await__(self) -> Generator[Any, None, _AsyncPageT]:
        return self._client._fetch_page(self._page_cls, self._item_type, self._options).__await__()

    async def __aiter__(self) -> AsyncIterator[_ItemT]:
        page = await self
        async for item in page:
            yield item
