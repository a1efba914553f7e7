# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""HTTP for one command, on the standard library's ``http.client``.

The SDK's transport (httpx) costs more to import than a whole CLI call
should take, so the command line sends with ``http.client`` instead, and
keeps the SDK's wire policy: the same headers (``Accept``, credentials,
``BOLTZ_CUSTOM_HEADERS``), query encoding, body encodings, retries with
backoff and ``retry-after``, an idempotency key kept across retries, and
redirects followed. One connection is kept alive for every page of a list.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

ENV_PREFIX = "BOLTZ"
USER_AGENT = "boltz-api/1.0.0"
#: Client option -> (kind, location, name) of each credential (see the SDK's client).
AUTH: dict[str, tuple[str, str, str]] = {
    "api_key": (
        "api_key",
        "header",
        "x-api-key",
    ),
}
#: Header names (lower case) whose values never reach the screen.
SECRET_HEADERS = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "cookie",
        "set-cookie",
        "x-api-key",
    }
)
DEFAULT_TIMEOUT = 60.0
CONNECT_TIMEOUT = 5.0
DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
MAX_REDIRECTS = 20
_CHUNK = 64 * 1024


class TransportError(Exception):
    """The request could not be completed: no connection, a dropped one, or a timeout."""

    def __init__(self, message: str, *, method: str, url: str, timed_out: bool) -> None:
        super().__init__(message)
        self.method = method
        self.url = url
        self.timed_out = timed_out


class Response:
    """A response whose body is read whole (``body``) or streamed (``chunks()``)."""

    def __init__(self, method: str, url: str, raw: Any, conn: Any) -> None:
        self.method = method
        self.url = url
        self.status: int = raw.status
        self.reason: str = raw.reason or ""
        self.version = "HTTP/1.0" if raw.version == 10 else "HTTP/1.1"
        self.header_items: list[tuple[str, str]] = list(raw.getheaders())
        self.headers = {k.lower(): v for k, v in self.header_items}
        self._raw = raw
        self._conn = conn
        self._body: bytes | None = None

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def body(self) -> bytes:
        if self._body is None:
            self._body = self._read(self._raw.read)
        return self._body

    def chunks(self) -> Iterator[bytes]:
        """The body piece by piece, as it arrives (for downloads)."""
        if self._body is not None:
            yield self._body
            return
        while True:
            chunk = self._read(lambda: self._raw.read(_CHUNK))
            if not chunk:
                return
            yield chunk

    def _read(self, read: Any) -> bytes:
        try:
            data: bytes = read()
            return data
        except TimeoutError:
            raise TransportError(
                "timed out reading the response", method=self.method, url=self.url, timed_out=True
            ) from None
        except OSError as exc:
            raise TransportError(
                _reason(exc), method=self.method, url=self.url, timed_out=False
            ) from None

    @property
    def text(self) -> str:
        return self.body.decode(_charset(self.headers.get("content-type", "")), "replace")

    def json(self) -> Any:
        return json.loads(self.body)


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            try:
                "".encode(value.strip('"'))
                return value.strip('"')
            except LookupError:
                break
    return "utf-8"


def _reason(exc: BaseException) -> str:
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return str(text).strip().splitlines()[0]


class Transport:
    """Sends requests for one invocation; ``close()`` when done."""

    def __init__(
        self,
        base_url: str,
        credentials: Mapping[str, str],
        *,
        timeout: float | None,
        max_retries: int | None,
        on_request: Any = None,
        on_response: Any = None,
    ) -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self.credentials = dict(credentials)
        self.timeout = timeout
        self.max_retries = DEFAULT_MAX_RETRIES if max_retries is None else max_retries
        self.on_request = on_request
        self.on_response = on_response
        #: (scheme, host, port) -> (connection, headers for a plain-HTTP proxy or None)
        self._conns: dict[tuple[str, str, int], tuple[Any, dict[str, str] | None]] = {}
        self.custom_headers = _headers_from_env(f"{ENV_PREFIX}_CUSTOM_HEADERS")

    def close(self) -> None:
        for conn, _via_proxy in self._conns.values():
            conn.close()
        self._conns.clear()

    # --- building -------------------------------------------------------------------

    def url_for(
        self,
        path: str,
        query: Mapping[str, Any],
        styles: Mapping[str, Any],
        security: tuple[str, ...],
    ) -> str:
        url = self.base_url + path.lstrip("/")
        merged = {**self._auth_query(security), **query}
        pairs = encode_query(merged, styles)
        if pairs:
            url += ("&" if "?" in url else "?") + urlencode(pairs)
        return url

    def headers_for(
        self, extra: Mapping[str, str], security: tuple[str, ...], accept: str = "application/json"
    ) -> dict[str, str]:
        merged: dict[str, tuple[str, str]] = {
            "accept": ("Accept", accept),
            "user-agent": ("User-Agent", USER_AGENT),
        }
        custom = {name.lower() for name in self.custom_headers}
        for name, value in self.custom_headers.items():
            merged[name.lower()] = (name, value)
        for name, value in self._auth_headers(security).items():
            if name.lower() not in custom:
                merged[name.lower()] = (name, value)
        for name, value in extra.items():
            if name.lower() == "cookie" and "cookie" in merged:
                value = merged["cookie"][1] + "; " + value
            merged[name.lower()] = (name, value)
        return dict(merged.values())

    def _auth_headers(self, security: tuple[str, ...]) -> dict[str, str]:
        out: dict[str, str] = {}
        for option, (kind, location, name) in AUTH.items():
            value = self.credentials.get(option)
            if not value or option not in security:
                continue  # as in the SDK: only the credentials this operation accepts
            if kind == "api_key" and location == "header":
                out.setdefault(name, value)
            elif kind == "api_key" and location == "cookie":
                out.setdefault("Cookie", f"{name}={value}")
            elif kind == "http_basic":
                import base64

                out.setdefault(
                    "Authorization", "Basic " + base64.b64encode(value.encode()).decode()
                )
            elif kind != "api_key":
                out.setdefault("Authorization", f"Bearer {value}")
        return out

    def _auth_query(self, security: tuple[str, ...]) -> dict[str, str]:
        out: dict[str, str] = {}
        for option, (kind, location, name) in AUTH.items():
            value = self.credentials.get(option)
            if value and kind == "api_key" and location == "query" and option in security:
                out.setdefault(name, value)
        return out

    # --- sending ----------------------------------------------------------------------

    def send(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        body: bytes | None,
        *,
        stream: bool = False,
    ) -> Response:
        """Send with retries and redirects; the last response, whatever its status."""
        if method != "GET" and "idempotency-key" not in {k.lower() for k in headers}:
            import uuid

            headers = {
                **headers,
                "Idempotency-Key": f"{USER_AGENT.split('/')[0]}-retry-{uuid.uuid4()}",
            }
        retries = 0
        while True:
            try:
                response = self._follow(method, url, headers, body)
            except TransportError as exc:
                if retries < self.max_retries:
                    time.sleep(self._delay(retries, None))
                    retries += 1
                    continue
                raise exc from None
            if not response.ok and retries < self.max_retries and _should_retry(response):
                response.body  # noqa: B018 - drain, so the connection can be reused
                time.sleep(self._delay(retries, response.headers))
                retries += 1
                continue
            if not stream:
                response.body  # noqa: B018 - read while the connection is ours
            return response

    def _follow(
        self, method: str, url: str, headers: dict[str, str], body: bytes | None
    ) -> Response:
        for _ in range(MAX_REDIRECTS + 1):
            response = self._once(method, url, headers, body)
            location = response.headers.get("location")
            if response.status not in (301, 302, 303, 307, 308) or not location:
                return response
            response.body  # noqa: B018
            from urllib.parse import urljoin

            target = urljoin(url, location)
            if urlsplit(target).netloc != urlsplit(url).netloc:
                # Credentials stay with the host they were meant for.
                headers = {k: v for k, v in headers.items() if k.lower() not in SECRET_HEADERS}
            if response.status == 303 or (response.status in (301, 302) and method == "POST"):
                method, body = "GET", None
                headers = {k: v for k, v in headers.items() if k.lower() != "content-type"}
            url = target
        raise TransportError("too many redirects", method=method, url=url, timed_out=False)

    def _once(self, method: str, url: str, headers: dict[str, str], body: bytes | None) -> Response:
        parts = urlsplit(url)
        if self.on_request is not None:
            self.on_request(method, url, headers, body)
        for attempt in (0, 1):
            conn, reused, via_proxy = self._connection(parts, method, url)
            target = url if via_proxy is not None else (parts.path or "/")
            if parts.query and via_proxy is None:
                target += "?" + parts.query
            sent = headers if not via_proxy else {**headers, **via_proxy}
            try:
                conn.request(method, target, body=body, headers=sent)
                raw = conn.getresponse()
            except TimeoutError:
                self._drop(parts)
                raise TransportError("timed out", method=method, url=url, timed_out=True) from None
            except OSError as exc:
                self._drop(parts)
                import http.client

                stale = isinstance(
                    exc, (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)
                )
                if reused and stale and attempt == 0:
                    continue  # the server closed an idle keep-alive connection: reconnect once
                raise TransportError(
                    _reason(exc), method=method, url=url, timed_out=False
                ) from None
            except Exception as exc:  # http.client's protocol errors
                self._drop(parts)
                raise TransportError(
                    _reason(exc), method=method, url=url, timed_out=False
                ) from None
            response = Response(method, url, raw, conn)
            if raw.will_close:
                self._conns.pop(_key(parts), None)
            if self.on_response is not None:
                self.on_response(response)
            return response
        raise AssertionError("unreachable")

    def _connection(
        self, parts: Any, method: str, url: str
    ) -> tuple[Any, bool, dict[str, str] | None]:
        """(connection, whether it was used before, headers for a plain-HTTP proxy or None).

        Through a plain-HTTP proxy the request line holds the absolute URL.
        """
        key = _key(parts)
        found = self._conns.get(key)
        if found is not None:
            return found[0], True, found[1]
        import http.client

        scheme, host, port = key
        connect = self.timeout if self.timeout is not None else CONNECT_TIMEOUT
        proxy = _proxy_for(scheme, host)
        via_proxy: dict[str, str] | None = None
        conn: Any
        if proxy is not None:
            proxy_host, proxy_port, auth = proxy
            if scheme == "https":
                conn = http.client.HTTPSConnection(proxy_host, proxy_port, timeout=connect)
                conn.set_tunnel(host, port, headers=auth)
            else:
                conn = http.client.HTTPConnection(proxy_host, proxy_port, timeout=connect)
                via_proxy = auth
        elif scheme == "https":
            conn = http.client.HTTPSConnection(host, port, timeout=connect)
        else:
            conn = http.client.HTTPConnection(host, port, timeout=connect)
        conn._create_connection = _create_connection
        try:
            conn.connect()
        except TimeoutError:
            raise TransportError(
                "timed out connecting", method=method, url=url, timed_out=True
            ) from None
        except OSError as exc:
            raise TransportError(_reason(exc), method=method, url=url, timed_out=False) from None
        if conn.sock is not None:
            # Connecting has its own (shorter) limit; waiting for an answer gets the full one.
            conn.sock.settimeout(self.timeout if self.timeout is not None else DEFAULT_TIMEOUT)
        self._conns[key] = (conn, via_proxy)
        return conn, False, via_proxy

    def _drop(self, parts: Any) -> None:
        found = self._conns.pop(_key(parts), None)
        if found is not None:
            found[0].close()

    @staticmethod
    def _delay(retries: int, headers: Mapping[str, str] | None) -> float:
        if headers is not None:
            after = _retry_after(headers)
            if after is not None and 0 < after <= MAX_RETRY_AFTER:
                return after
        import random

        delay = min(INITIAL_RETRY_DELAY * 2.0**retries, MAX_RETRY_DELAY)
        return max(0.0, delay * (1 - 0.25 * random.random()))


def _key(parts: Any) -> tuple[str, str, int]:
    scheme = parts.scheme or "http"
    return (scheme, parts.hostname or "", parts.port or (443 if scheme == "https" else 80))


def _proxy_for(scheme: str, host: str) -> tuple[str, int, dict[str, str]] | None:
    """(host, port, headers) of the proxy the environment names for this request, if any.

    ``HTTPS_PROXY``, ``HTTP_PROXY``, ``ALL_PROXY`` and ``NO_PROXY`` (any case), as httpx
    reads them; urllib is imported only when one of them is set.
    """
    if not any(k.lower() in ("http_proxy", "https_proxy", "all_proxy") for k in os.environ):
        return None
    import urllib.request

    proxies = urllib.request.getproxies_environment()
    proxy = proxies.get(scheme) or proxies.get("all")
    bypass = getattr(urllib.request, "proxy_bypass_environment", None)
    if not proxy or (bypass is not None and bypass(host)):
        return None
    if "://" not in proxy:
        proxy = "http://" + proxy
    parts = urlsplit(proxy)
    headers: dict[str, str] = {}
    if parts.username is not None:
        import base64
        from urllib.parse import unquote

        token = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
        headers["Proxy-Authorization"] = "Basic " + base64.b64encode(token).decode()
    return parts.hostname or "", parts.port or 80, headers


def _create_connection(address: tuple[str, int], *args: Any) -> Any:
    # An ASCII host name given as bytes skips the idna codec (and its imports) in getaddrinfo.
    import socket

    host: Any = address[0].encode("ascii") if address[0].isascii() else address[0]
    return socket.create_connection((host, address[1]), *args)


def _should_retry(response: Response) -> bool:
    override = response.headers.get("x-should-retry")
    if override in ("true", "false"):
        return override == "true"
    return response.status in (408, 409, 429) or response.status >= 500


def _retry_after(headers: Mapping[str, str]) -> float | None:
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
    return None if parsed is None else float(email.utils.mktime_tz(parsed) - time.time())


def _headers_from_env(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in os.environ.get(name, "").splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            out[key.strip()] = value.strip()
    return out


# --- encoding (the SDK's rules) -------------------------------------------------------


def scalar(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return str(value)


def encode_query(params: Mapping[str, Any], styles: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Query pairs: arrays repeat the key unless the spec's style says otherwise,
    objects are ``deepObject`` (``a[b]=1``) or form fields, ``json`` is one JSON text."""
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        if value is None:
            continue
        style, explode = styles.get(key, ("form", True))
        if style == "json":
            pairs.append((key, json.dumps(value, separators=(",", ":"))))
        elif isinstance(value, str):
            pairs.append((key, value))
        elif isinstance(value, (list, tuple)):
            items = [scalar(v) for v in value if v is not None]
            if explode and style == "form":
                pairs.extend((key, v) for v in items)
            elif items:
                sep = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(style, ",")
                pairs.append((key, sep.join(items)))
        elif isinstance(value, Mapping):
            if style == "deepObject":
                pairs.extend(_deep_object(key, value))
            elif explode:
                pairs.extend((str(k), scalar(v)) for k, v in value.items() if v is not None)
            else:
                text = ",".join(f"{k},{scalar(v)}" for k, v in value.items() if v is not None)
                pairs.append((key, text))
        else:
            pairs.append((key, scalar(value)))
    return pairs


def _deep_object(prefix: str, value: Mapping[Any, Any]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for k, v in value.items():
        name = f"{prefix}[{k}]"
        if isinstance(v, Mapping):
            pairs.extend(_deep_object(name, v))
        elif isinstance(v, (list, tuple)):
            pairs.extend((name, scalar(item)) for item in v)
        elif v is not None:
            pairs.append((name, scalar(v)))
    return pairs


def encode_body(body: Any, encoding: str, content_type: str | None) -> tuple[bytes, str | None]:
    """(bytes, content type) of a request body, as the SDK would send it."""
    if encoding == "json":
        text = json.dumps(body, separators=(",", ":"), ensure_ascii=False)
        return text.encode("utf-8"), content_type or "application/json"
    if encoding == "multipart" and isinstance(body, Mapping):
        return _multipart(body)
    if encoding == "form" and isinstance(body, Mapping):
        fields = {
            k: [scalar(x) for x in v] if isinstance(v, list) else scalar(v)
            for k, v in body.items()
            if v is not None
        }
        return urlencode(fields, doseq=True).encode(), "application/x-www-form-urlencoded"
    if isinstance(body, str):
        return body.encode("utf-8"), content_type
    if isinstance(body, (bytes, bytearray)):
        return bytes(body), content_type
    return json.dumps(body).encode("utf-8"), content_type


def _is_file(value: Any) -> bool:
    return isinstance(value, (bytes, bytearray)) or hasattr(value, "getvalue")


def _multipart(body: Mapping[str, Any]) -> tuple[bytes, str]:
    boundary = os.urandom(16).hex()
    out: list[bytes] = []

    def part(name: str, data: bytes, filename: str | None, kind: str | None) -> None:
        disposition = f'form-data; name="{_quoted(name)}"'
        if filename is not None:
            disposition += f'; filename="{_quoted(filename)}"'
        head = f"--{boundary}\r\nContent-Disposition: {disposition}\r\n"
        if kind:
            head += f"Content-Type: {kind}\r\n"
        out.append(head.encode("utf-8") + b"\r\n" + data + b"\r\n")

    for key, value in body.items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            if item is None:
                continue
            if _is_file(item):
                data = item.getvalue() if hasattr(item, "getvalue") else bytes(item)
                name = getattr(item, "name", None) or key
                part(key, data, os.path.basename(str(name)), "application/octet-stream")
            elif isinstance(item, (dict, list)) and not isinstance(value, list):
                part(key, json.dumps(item).encode("utf-8"), None, "application/json")
            else:
                part(key, scalar(item).encode("utf-8"), None, None)
    out.append(f"--{boundary}--\r\n".encode())
    return b"".join(out), f"multipart/form-data; boundary={boundary}"


def _quoted(text: str) -> str:
    return quote(text, safe=" !#$&'()*+,-./:;<=>?@[]^_`{|}~")


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {k: "<redacted>" if k.lower() in SECRET_HEADERS else v for k, v in headers.items()}
