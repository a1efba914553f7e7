"""The test servers themselves behave: Prism validates, the stateful server pages and fails on demand."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from tests.servers import API_KEY


def call(base: str, method: str, path: str, body: object = None, key: str | None = API_KEY):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    if key:
        req.add_header("x-api-key", key)
    if data is not None:
        req.add_header("content-type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:  # noqa: S310 - loopback
            return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"null")


def test_prism_accepts_valid_and_rejects_invalid_requests(prism_url: str):
    status, body = call(prism_url, "POST", "/compute/v1/admin/api-keys", {"name": "x"})
    assert status == 200 and body["key_details"]["key_type"] == "workspace"
    status, _ = call(prism_url, "POST", "/compute/v1/admin/api-keys", {"name": ""})
    assert status == 422  # minLength 1
    status, _ = call(
        prism_url, "POST", "/compute/v1/admin/api-keys", {"name": "x", "expires_in_days": 400}
    )
    assert status == 422  # maximum 365
    status, _ = call(prism_url, "POST", "/compute/v1/admin/api-keys", {"name": "x"}, key=None)
    assert status == 401


def test_stateful_server_pages_and_revokes(api_server):
    api_server.seed(5)
    status, page = call(api_server.base_url, "GET", "/compute/v1/admin/api-keys?limit=2")
    assert status == 200 and len(page["data"]) == 2 and page["has_more"] is True
    status, page2 = call(
        api_server.base_url, "GET", f"/compute/v1/admin/api-keys?limit=2&after_id={page['last_id']}"
    )
    assert [k["id"] for k in page2["data"]] == ["key_000003", "key_000002"]
    status, revoked = call(
        api_server.base_url, "POST", "/compute/v1/admin/api-keys/key_000001/revoke"
    )
    assert status == 200 and revoked["is_active"] is False
    status, _ = call(api_server.base_url, "POST", "/compute/v1/admin/api-keys/key_000001/revoke")
    assert status == 409


def test_stateful_server_injects_faults(api_server):
    api_server.fail_next(429, headers={"retry-after": "1"})
    status, body = call(api_server.base_url, "GET", "/compute/v1/admin/api-keys")
    assert status == 429 and body["error"]["message"] == "injected 429"
    status, _ = call(api_server.base_url, "GET", "/compute/v1/admin/api-keys")
    assert status == 200
    assert len(api_server.requests) == 2
