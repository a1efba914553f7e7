"""Servers the end-to-end tests talk to, all on 127.0.0.1 and stopped after use.

- :class:`Prism`: the Prism mock server (``@stoplight/prism-cli`` from
  ``package.json``) serving ``spec/openapi.yaml`` with ``--errors``, so any
  request that does not match the spec is answered with an error.
- :class:`StatefulServer`: a small in-memory implementation of the Boltz
  admin API-keys surface (create, list with cursor pages, revoke) that records
  every request and can be told to fail: error statuses with ``retry-after``
  headers, dropped connections, slow answers.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PRISM = ROOT / "node_modules" / ".bin" / "prism"
API_KEY = "sk_bc_test_0123456789abcdef"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Prism:
    """``with Prism(spec) as base_url:`` runs the mock server for the block."""

    def __init__(self, spec: Path = ROOT / "spec" / "openapi.yaml"):
        self.spec = spec
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._proc: subprocess.Popen[bytes] | None = None
        self.log_path: Path | None = None

    def __enter__(self) -> str:
        if not PRISM.exists():
            raise RuntimeError(f"{PRISM} is missing; run `make install` (it runs `npm ci`)")
        import tempfile

        log = tempfile.NamedTemporaryFile(prefix="prism-", suffix=".log", delete=False)
        self.log_path = Path(log.name)
        self._proc = subprocess.Popen(
            [
                str(PRISM),
                "mock",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--errors",
                str(self.spec),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(f"prism exited early:\n{self.log_path.read_text()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self.base_url
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("prism did not start within 60 s")

    def __exit__(self, *exc: object) -> None:
        if self._proc is not None and self._proc.poll() is None:
            os.killpg(self._proc.pid, signal.SIGTERM)
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self._proc.pid, signal.SIGKILL)
                self._proc.wait()
        if self.log_path is not None:
            self.log_path.unlink(missing_ok=True)


@dataclass
class Recorded:
    """One request as the server saw it."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


@dataclass
class Fault:
    status: int = 500
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    drop: bool = False
    delay: float = 0.0
    #: Bytes sent as they are (instead of ``body`` as JSON), e.g. a malformed body.
    raw: bytes | None = None


class StatefulServer:
    """An in-memory Boltz admin API-keys service; see the module docstring."""

    def __init__(self, api_key: str = API_KEY):
        self.api_key = api_key
        self.keys: list[dict[str, Any]] = []
        self.requests: list[Recorded] = []
        self.faults: deque[Fault] = deque()
        self._lock = threading.Lock()
        self._counter = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
        # A short poll interval: shutdown() waits up to one interval, once per test.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def __enter__(self) -> StatefulServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- test controls ---------------------------------------------------------

    def fail_next(
        self,
        status: int = 500,
        *,
        times: int = 1,
        headers: dict[str, str] | None = None,
        body: Any = None,
    ) -> None:
        """Answer the next ``times`` requests with ``status`` (before doing anything)."""
        for _ in range(times):
            self.faults.append(Fault(status, headers or {}, body))

    def respond_raw_next(
        self, status: int, raw: bytes, content_type: str = "application/json"
    ) -> None:
        """Answer the next request with exactly ``raw`` (say, JSON that does not parse)."""
        self.faults.append(Fault(status, {"content-type": content_type}, raw=raw))

    def drop_next(self, times: int = 1) -> None:
        """Close the connection without answering, ``times`` times."""
        for _ in range(times):
            self.faults.append(Fault(drop=True))

    def delay_next(self, seconds: float, times: int = 1) -> None:
        for _ in range(times):
            self.faults.append(Fault(status=0, delay=seconds))

    def seed(self, count: int, **fields: Any) -> list[dict[str, Any]]:
        """Create ``count`` keys directly (not through the API)."""
        return [self._new_key({"name": f"key-{i}", **fields}) for i in range(count)]

    # --- the API ---------------------------------------------------------------

    def _new_key(self, body: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            self._counter += 1
            n = self._counter
        mode = body.get("mode") or "live"
        key = {
            "id": f"key_{n:06d}",
            "allowed_ips": body.get("allowed_ips") or [],
            "created_at": f"2026-01-01T00:00:{n % 60:02d}Z",
            "expires_at": None if body.get("expires_in_days") is None else "2027-01-01T00:00:00Z",
            "is_active": True,
            "key_prefix": f"sk_bc_{n:06d}"[:12],
            "key_type": "workspace",
            "last_used_at": None,
            "livemode": mode == "live",
            "name": body["name"],
            "workspace_id": body.get("workspace_id") or "ws_default",
        }
        self.keys.append(key)
        return key

    def handle(self, rec: Recorded) -> tuple[int, dict[str, str], Any]:
        if rec.headers.get("x-api-key") != self.api_key:
            return 401, {}, _error("authentication_error", "Invalid API key")
        base = "/compute/v1/admin/api-keys"
        if rec.path == base and rec.method == "POST":
            try:
                body = rec.json()
            except ValueError:
                return 400, {}, _error("invalid_request", "Body is not JSON")
            problem = _check_create(body)
            if problem:
                return 422, {}, _error("invalid_request", problem[1], problem[0])
            key = self._new_key(body)
            return (
                200,
                {},
                {
                    "key": f"sk_bc_{'test' if body.get('mode') == 'test' else 'live'}_{key['id']}",
                    "key_details": key,
                },
            )
        if rec.path == base and rec.method == "GET":
            return 200, {}, self._page(rec.query)
        if (
            rec.path.startswith(base + "/")
            and rec.path.endswith("/revoke")
            and rec.method == "POST"
        ):
            key_id = rec.path[len(base) + 1 : -len("/revoke")]
            key = next((k for k in self.keys if k["id"] == key_id), None)
            if key is None:
                return 404, {}, _error("not_found", f"No API key {key_id}")
            if not key["is_active"]:
                return 409, {}, _error("conflict", "Already revoked")
            key["is_active"] = False
            return 200, {}, key
        return 404, {}, _error("not_found", f"No route {rec.method} {rec.path}")

    def _page(self, query: dict[str, list[str]]) -> dict[str, Any]:
        keys = list(reversed(self.keys))  # newest first
        if "workspace_id" in query:
            keys = [k for k in keys if k["workspace_id"] == query["workspace_id"][0]]
        limit = int(query.get("limit", ["20"])[0])
        ids = [k["id"] for k in keys]
        if "after_id" in query:
            after = query["after_id"][0]
            start = ids.index(after) + 1 if after in ids else len(ids)
            window = keys[start : start + limit]
            has_more = start + limit < len(keys)
        elif "before_id" in query:
            before = query["before_id"][0]
            end = ids.index(before) if before in ids else 0
            window = keys[max(0, end - limit) : end]
            has_more = end - limit > 0
        else:
            window = keys[:limit]
            has_more = limit < len(keys)
        return {
            "data": window,
            "first_id": window[0]["id"] if window else None,
            "last_id": window[-1]["id"] if window else None,
            "has_more": has_more,
        }

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # keep test output clean
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                url = urlsplit(self.path)
                rec = Recorded(
                    self.command,
                    url.path,
                    parse_qs(url.query, keep_blank_values=True),
                    {k.lower(): v for k, v in self.headers.items()},
                    body,
                )
                server.requests.append(rec)
                fault = server.faults.popleft() if server.faults else None
                if fault is not None and fault.delay:
                    time.sleep(fault.delay)
                    fault = None
                if fault is not None and fault.drop:
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if fault is not None:
                    status, headers, payload = fault.status, fault.headers, fault.body
                    if payload is None and fault.raw is None:
                        payload = _error("server_error", f"injected {fault.status}")
                else:
                    status, headers, payload = server.handle(rec)
                if fault is not None and fault.raw is not None:
                    data = fault.raw
                else:
                    data = b"" if payload is None else json.dumps(payload).encode()
                self.send_response(status)
                if "content-type" not in headers:
                    self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

        return Handler


def _error(kind: str, message: str, param: str | None = None) -> dict[str, Any]:
    return {"error": {"type": kind, "message": message, "param": param}}


def _check_create(body: Any) -> tuple[str, str] | None:
    """The create endpoint's validation, as the spec describes it."""
    if not isinstance(body, dict):
        return "body", "must be an object"
    name = body.get("name")
    if not isinstance(name, str) or not 1 <= len(name) <= 255:
        return "name", "name must be a string of 1 to 255 characters"
    days = body.get("expires_in_days")
    if days is not None and (not isinstance(days, int) or not 1 <= days <= 365):
        return "expires_in_days", "expires_in_days must be an integer from 1 to 365"
    if "mode" in body and body["mode"] is not None and body["mode"] not in ("live", "test"):
        return "mode", "mode must be live or test"
    ips = body.get("allowed_ips")
    if ips is not None and (not isinstance(ips, list) or not all(isinstance(i, str) for i in ips)):
        return "allowed_ips", "allowed_ips must be an array of strings"
    return None


class EchoServer:
    """Records every request and answers it from ``routes`` (else ``200 {"ok": true}``).

    For end-to-end tests of what a generated client puts on the wire for any
    spec: the test reads :attr:`requests` (each with its raw body bytes).
    """

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        #: (METHOD, path) -> (status, content type, body bytes)
        self.routes: dict[tuple[str, str], tuple[int, str, bytes]] = {}
        #: (METHOD, path) -> extra response headers (``Content-Disposition``...)
        self.route_headers: dict[tuple[str, str], dict[str, str]] = {}
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> EchoServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                url = urlsplit(self.path)
                server.requests.append(
                    Recorded(
                        self.command,
                        url.path,
                        parse_qs(url.query, keep_blank_values=True),
                        {k.lower(): v for k, v in self.headers.items()},
                        body,
                    )
                )
                status, content_type, data = server.routes.get(
                    (self.command, url.path), (200, "application/json", b'{"ok": true}')
                )
                self.send_response(status)
                self.send_header("content-type", content_type)
                self.send_header("content-length", str(len(data)))
                for name, value in server.route_headers.get((self.command, url.path), {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

        return Handler


@contextmanager
def stateful_server(**kwargs: Any) -> Iterator[StatefulServer]:
    with StatefulServer(**kwargs) as server:
        yield server


def wait_for_http(url: str, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)  # noqa: S310 - loopback only
            return
        except Exception:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer")
