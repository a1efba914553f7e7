"""What the generated SDK puts on the wire, seen by the stateful server."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone

import httpx
import pytest

from tests.sdk_support import API_KEY, make_async_client, mock_client

BASE = "/compute/v1/admin/api-keys"


def test_create_sends_exactly_the_given_arguments(sdk, api_server):
    created = sdk.admin.api_keys.create(
        name="ci",
        allowed_ips=["10.0.0.1", "::1"],
        expires_in_days=30,
        mode="test",
        workspace_id="ws_9",
    )
    request = api_server.requests[-1]
    assert (request.method, request.path) == ("POST", BASE)
    assert request.json() == {
        "name": "ci",
        "allowed_ips": ["10.0.0.1", "::1"],
        "expires_in_days": 30,
        "mode": "test",
        "workspace_id": "ws_9",
    }
    assert request.headers["content-type"] == "application/json"
    assert request.headers["x-api-key"] == API_KEY
    assert created.key.startswith("sk_bc_test_") and created.key_details.workspace_id == "ws_9"


def test_omitted_arguments_are_not_sent_and_none_is_null(sdk, api_server):
    sdk.admin.api_keys.create(name="only-name")
    assert api_server.requests[-1].json() == {"name": "only-name"}
    sdk.admin.api_keys.create(name="nulls", workspace_id=None, expires_in_days=None)  # type: ignore[arg-type]
    assert (
        api_server.requests[-1].body
        == b'{"name":"nulls","expires_in_days":null,"workspace_id":null}'
    )
    sdk.admin.api_keys.list()
    assert api_server.requests[-1].query == {}
    sdk.admin.api_keys.list(limit=3, workspace_id="ws_1")
    assert api_server.requests[-1].query == {"limit": ["3"], "workspace_id": ["ws_1"]}


def test_omit_and_not_given_sentinels_leave_arguments_out(sdk, api_server):
    from boltz_api import NOT_GIVEN, omit

    sdk.admin.api_keys.create(name="x", mode=omit, workspace_id=NOT_GIVEN)
    assert api_server.requests[-1].json() == {"name": "x"}


def test_extra_headers_query_and_body(sdk, api_server):
    from boltz_api import AuthenticationError, omit

    sdk.admin.api_keys.create(
        name="x",
        extra_headers={"X-Trace": "t-1"},
        extra_query={"dry_run": True, "tags": ["a", "b"]},
        extra_body={"note": "hello", "mode": "live"},
    )
    request = api_server.requests[-1]
    assert request.headers["x-trace"] == "t-1"
    assert request.query == {"dry_run": ["true"], "tags": ["a", "b"]}  # arrays repeat the key
    assert request.json() == {"name": "x", "note": "hello", "mode": "live"}
    sdk.admin.api_keys.list(extra_body={"ignored": False})  # a GET with extra_body sends it as JSON
    assert api_server.requests[-1].json() == {"ignored": False}
    with pytest.raises(AuthenticationError):  # omit removes a header the client would send
        sdk.admin.api_keys.list(extra_headers={"x-api-key": omit})
    assert "x-api-key" not in api_server.requests[-1].headers


def test_extra_headers_override_credentials_case_insensitively(sdk, api_server):
    from boltz_api import AuthenticationError

    with pytest.raises(AuthenticationError):
        sdk.admin.api_keys.list(extra_headers={"X-API-KEY": "not-the-key"})
    assert api_server.requests[-1].headers["x-api-key"] == "not-the-key"


def test_path_parameters_are_validated_and_encoded(sdk, api_server):
    for bad in ("", None):
        with pytest.raises(ValueError, match="api_key_id"):
            sdk.admin.api_keys.revoke(bad)  # type: ignore[arg-type]
    assert api_server.requests == []  # nothing was sent
    from boltz_api import NotFoundError

    with pytest.raises(NotFoundError):
        sdk.admin.api_keys.revoke("a/b c?d#e")
    assert api_server.requests[-1].path == f"{BASE}/a%2Fb%20c%3Fd%23e/revoke"
    key = api_server.seed(1)[0]
    revoked = sdk.admin.api_keys.revoke(key["id"])
    assert revoked.id == key["id"] and revoked.is_active is False
    assert api_server.requests[-1].path == f"{BASE}/{key['id']}/revoke"
    assert api_server.requests[-1].body == b""


def test_non_get_requests_carry_an_idempotency_key(sdk, api_server):
    sdk.admin.api_keys.create(name="a")
    sdk.admin.api_keys.create(name="b")
    sdk.admin.api_keys.list()
    first, second, listing = api_server.requests
    assert first.headers["idempotency-key"] != second.headers["idempotency-key"]
    assert first.headers["idempotency-key"].startswith("boltz-api-retry-")
    assert "idempotency-key" not in listing.headers
    sdk.admin.api_keys.create(name="c", extra_headers={"Idempotency-Key": "mine"})
    assert api_server.requests[-1].headers["idempotency-key"] == "mine"


def test_user_agent_names_the_sdk(sdk, api_server):
    import boltz_api

    sdk.admin.api_keys.list()
    assert api_server.requests[-1].headers["user-agent"] == f"Boltz/Python {boltz_api.__version__}"


def test_query_encoding_of_values():
    from boltz_api._base_client import encode_query

    when = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    assert encode_query(
        {"a": [1, 2], "b": True, "c": None, "d": when, "e": "x y", "f": {"k": "v"}},
        {"f": ("deepObject", True)},
    ) == [
        ("a", "1"),
        ("a", "2"),
        ("b", "true"),
        ("d", "2026-01-02T03:04:05+00:00"),
        ("e", "x y"),
        ("f[k]", "v"),
    ]
    assert encode_query({"a": [1, 2]}, {"a": ("form", False)}) == [("a", "1,2")]
    assert encode_query({"a": [1, 2]}, {"a": ("pipeDelimited", False)}) == [("a", "1|2")]
    # A parameter given as JSON ``content``: one JSON text, strings quoted too.
    assert encode_query(
        {"c": {"lat": 1.5, "at": when}, "s": "x"}, {"c": ("json", False), "s": ("json", False)}
    ) == [("c", '{"lat":1.5,"at":"2026-01-02T03:04:05+00:00"}'), ("s", '"x"')]


def test_datetimes_in_bodies_are_iso_8601():
    seen = []

    def handler(request):
        seen.append(request)
        return httpx.Response(200, json={"ok": True})

    client = mock_client(handler)
    when = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    client.post("/x", cast_to=object, body={"at": when, "nested": {"list": [when]}})
    assert seen[0].content == (
        b'{"at":"2026-01-02T03:04:05+00:00","nested":{"list":["2026-01-02T03:04:05+00:00"]}}'
    )


def test_async_client_sends_the_same_requests(api_server):
    async def main():
        async with make_async_client(api_server.base_url) as client:
            await client.admin.api_keys.create(name="async", workspace_id=None)  # type: ignore[arg-type]
            await client.admin.api_keys.list(limit=1, extra_query={"x": 1})

    asyncio.run(main())
    create, listing = api_server.requests
    assert create.json() == {"name": "async", "workspace_id": None}
    assert "idempotency-key" in create.headers
    assert listing.query == {"limit": ["1"], "x": ["1"]}
