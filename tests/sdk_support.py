"""Helpers for the generated SDK's tests (test_sdk_*.py).

Clients built here never sleep between retries: they record the delay they
would have waited in ``client.delays``, so retry tests run in milliseconds
and can assert the exact delays the policy chose.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from tests.servers import API_KEY

ROOT = Path(__file__).resolve().parent.parent
SDK_SRC = ROOT / "generated" / "sdk" / "src"
PETSTORE_SDK_SRC = ROOT / "tests" / "fixtures" / "petstore" / "expected" / "sdk" / "src"


def make_client(base_url: str, **options: Any) -> Any:
    """A ``boltz_api.Boltz`` that records retry delays instead of sleeping."""
    from boltz_api import Boltz

    options.setdefault("api_key", API_KEY)
    client = Boltz(base_url=base_url, **options)
    record_delays(client)
    return client


def make_async_client(base_url: str, **options: Any) -> Any:
    """A ``boltz_api.AsyncBoltz`` that records retry delays instead of sleeping."""
    from boltz_api import AsyncBoltz

    options.setdefault("api_key", API_KEY)
    client = AsyncBoltz(base_url=base_url, **options)
    record_delays(client)
    return client


def record_delays(client: Any) -> list[float]:
    """Replace the client's sleep with one that only records the delay."""
    delays: list[float] = []
    if client.__class__.__name__.startswith("Async"):

        async def fake_sleep(seconds: float) -> None:
            delays.append(seconds)

        client._sleep = fake_sleep
    else:
        client._sleep = delays.append
    client.delays = delays
    return delays


def mock_client(
    handler: Callable[[httpx.Request], httpx.Response], *, is_async: bool = False, **options: Any
) -> Any:
    """A Boltz client whose requests go to ``handler`` (no network)."""
    transport = httpx.MockTransport(handler)
    if is_async:
        return make_async_client(
            "http://testserver", http_client=httpx.AsyncClient(transport=transport), **options
        )
    return make_client(
        "http://testserver", http_client=httpx.Client(transport=transport), **options
    )


def json_response(
    body: Any, status: int = 200, headers: dict[str, str] | None = None
) -> httpx.Response:
    return httpx.Response(
        status,
        content=json.dumps(body).encode(),
        headers={"content-type": "application/json", **(headers or {})},
    )


def api_key_item(key_id: str = "key_000001", **fields: Any) -> dict[str, Any]:
    """One API key object as the API sends it."""
    item = {
        "id": key_id,
        "allowed_ips": [],
        "created_at": "2026-01-02T03:04:05Z",
        "expires_at": None,
        "is_active": True,
        "key_prefix": "sk_bc_00000",
        "key_type": "workspace",
        "last_used_at": None,
        "livemode": False,
        "name": "test",
        "workspace_id": "ws_1",
    }
    item.update(fields)
    return item


def load_petstore() -> Any:
    """The pet store fixture's generated SDK (package ``pet_store_api``), imported from its snapshot."""
    path = str(PETSTORE_SDK_SRC)
    if path not in sys.path:
        sys.path.insert(0, path)
    return importlib.import_module("pet_store_api")


def run_python(
    code: str, *, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter (for import-time and logging behaviour)."""
    import os

    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=full_env,
        cwd=ROOT,
    )
