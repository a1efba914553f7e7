"""The generated SDK's clients: options, environment, copies, lifecycle, imports."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from tests.sdk_support import API_KEY, api_key_item, make_client, mock_client, run_python


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for name in ("BOLTZ_API_KEY", "BOLTZ_BASE_URL", "BOLTZ_CUSTOM_HEADERS", "BOLTZ_LOG"):
        monkeypatch.delenv(name, raising=False)


def page(*items):
    return {"data": list(items), "first_id": None, "last_id": None, "has_more": False}


def test_official_names_are_importable():
    import boltz_api
    from boltz_api import AsyncBoltz, Boltz
    from boltz_api.types.admin import (
        APIKeyCreateParams,
        APIKeyCreateResponse,
        APIKeyListParams,
        APIKeyListResponse,
        APIKeyRevokeResponse,
    )

    assert boltz_api.Client is Boltz and boltz_api.AsyncClient is AsyncBoltz
    assert APIKeyCreateResponse.__name__ == "APIKeyCreateResponse"
    assert {APIKeyListResponse.__name__, APIKeyRevokeResponse.__name__} == {
        "APIKeyListResponse",
        "APIKeyRevokeResponse",
    }
    assert set(APIKeyCreateParams.__annotations__) == {
        "name",
        "allowed_ips",
        "expires_in_days",
        "mode",
        "workspace_id",
    }
    required = {k for k, v in APIKeyCreateParams.__annotations__.items() if "Required[" in str(v)}
    assert required == {"name"}
    assert set(APIKeyListParams.__annotations__) == {
        "after_id",
        "before_id",
        "limit",
        "workspace_id",
    }
    # the package's attribute path works without importing submodules first
    assert boltz_api.types.admin.APIKeyCreateResponse is APIKeyCreateResponse
    from boltz_api.pagination import AsyncCursorPage, SyncCursorPage

    assert SyncCursorPage.__name__ == "SyncCursorPage" and AsyncCursorPage


def test_api_key_from_argument_or_environment(monkeypatch):
    from boltz_api import Boltz, BoltzError

    with pytest.raises(BoltzError, match="BOLTZ_API_KEY"):
        Boltz()
    monkeypatch.setenv("BOLTZ_API_KEY", "")
    with pytest.raises(BoltzError, match="BOLTZ_API_KEY"):
        Boltz()  # an empty variable is not a key
    monkeypatch.setenv("BOLTZ_API_KEY", "from-env")
    assert Boltz().api_key == "from-env"
    assert Boltz(api_key="explicit").api_key == "explicit"


def test_base_url_from_argument_environment_or_spec(monkeypatch):
    from boltz_api import DEFAULT_BASE_URL, Boltz

    assert DEFAULT_BASE_URL == "https://api.boltz.bio"
    assert str(Boltz(api_key="k").base_url) == "https://api.boltz.bio/"
    monkeypatch.setenv("BOLTZ_BASE_URL", "http://env.example/v9")
    assert str(Boltz(api_key="k").base_url) == "http://env.example/v9/"
    assert str(Boltz(api_key="k", base_url="http://arg.example").base_url) == "http://arg.example/"


def test_defaults_match_the_official_sdk():
    from boltz_api import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, Boltz

    client = Boltz(api_key="k")
    assert client.max_retries == DEFAULT_MAX_RETRIES == 2
    assert client.timeout == DEFAULT_TIMEOUT == httpx.Timeout(60.0, connect=5.0)
    with pytest.raises(TypeError):
        Boltz(api_key="k", max_retries=-1)


def test_headers_query_and_timeout_options_reach_the_wire(monkeypatch):
    monkeypatch.setenv("BOLTZ_CUSTOM_HEADERS", "X-From-Env: one\nX-Both: env\nnot a header line")
    seen = []

    def handler(request):
        seen.append(request)
        return httpx.Response(200, json=page())

    client = mock_client(
        handler,
        default_headers={"X-Both": "arg", "X-Default": "d"},
        default_query={"tenant": "t1"},
        timeout=12.5,
    )
    client.admin.api_keys.list()
    request = seen[0]
    assert request.headers["x-from-env"] == "one"
    assert request.headers["x-both"] == "arg"  # default_headers win over BOLTZ_CUSTOM_HEADERS
    assert request.headers["x-default"] == "d"
    assert request.headers["x-api-key"] == API_KEY
    assert request.headers["accept"] == "application/json"
    assert request.url.params["tenant"] == "t1"
    assert request.extensions["timeout"] == httpx.Timeout(12.5).as_dict()
    client.admin.api_keys.list(timeout=3)
    assert seen[1].extensions["timeout"] == httpx.Timeout(3).as_dict()


def test_with_options_copies_and_shares_the_pool():
    seen = []

    def handler(request):
        seen.append(request)
        return httpx.Response(200, json=page())

    client = mock_client(handler, default_headers={"X-A": "1"})
    copy = client.with_options(max_retries=7, timeout=4.0, default_headers={"X-B": "2"})
    assert copy is not client and copy._client is client._client
    assert (copy.max_retries, copy.timeout, copy.api_key) == (7, 4.0, client.api_key)
    assert client.max_retries == 2  # the original is unchanged
    copy.admin.api_keys.list()
    assert seen[-1].headers["x-a"] == "1" and seen[-1].headers["x-b"] == "2"
    replaced = client.copy(set_default_headers={"X-C": "3"})
    replaced.admin.api_keys.list()
    assert "x-a" not in seen[-1].headers and seen[-1].headers["x-c"] == "3"
    with pytest.raises(ValueError):
        client.copy(default_headers={}, set_default_headers={})
    other_key = client.with_options(api_key="other")
    other_key.admin.api_keys.list()
    assert seen[-1].headers["x-api-key"] == "other"
    copy.close()
    assert not client.is_closed()  # a copy does not close the shared pool


def test_context_managers_close_the_pool():
    from boltz_api import AsyncBoltz, Boltz

    with Boltz(api_key="k") as client:
        assert not client.is_closed()
    assert client.is_closed()

    async def main():
        async with AsyncBoltz(api_key="k") as client:
            assert not client.is_closed()
        return client

    assert asyncio.run(main()).is_closed()
    own = httpx.Client()
    Boltz(api_key="k", http_client=own).close()
    assert not own.is_closed  # a client passed in belongs to the caller
    own.close()


def test_custom_http_client_is_used(api_server):
    transport_calls = []

    class Recording(httpx.HTTPTransport):
        def handle_request(self, request):
            transport_calls.append(request.url.path)
            return super().handle_request(request)

    client = make_client(api_server.base_url, http_client=httpx.Client(transport=Recording()))
    client.admin.api_keys.list()
    assert transport_calls == ["/compute/v1/admin/api-keys"]
    with pytest.raises(TypeError):
        make_client(api_server.base_url, http_client=httpx.AsyncClient())


def test_resources_are_lazy_and_cached():
    from boltz_api import Boltz

    client = Boltz(api_key="k")
    assert "admin" not in vars(client)
    assert client.admin is client.admin
    assert client.admin.api_keys is client.admin.api_keys


def test_importing_and_constructing_never_imports_pydantic():
    result = run_python(
        "import sys\n"
        "from boltz_api._client import Boltz\n"
        "import boltz_api\n"
        "client = Boltz(api_key='k')\n"
        "client.admin.api_keys\n"
        "print(sorted(m for m in sys.modules if m.startswith('pydantic')))\n"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_cli_contract_raw_pages_without_pydantic(api_server):
    """The generated CLI sends RequestOptions and walks raw pages without loading models."""
    api_server.seed(5)
    code = (
        "import sys\n"
        "from boltz_api._client import Boltz\n"
        "from boltz_api._base_client import RequestOptions, redact_headers\n"
        "from boltz_api._types import NOT_GIVEN\n"
        "from boltz_api import pagination\n"
        f"client = Boltz(api_key={API_KEY!r}, base_url={api_server.base_url!r})\n"
        "options = RequestOptions(method='get', path='/compute/v1/admin/api-keys', query={'limit': 2}, headers={}, body=NOT_GIVEN, encoding='json')\n"
        "items = list(client.request_page(pagination.SyncCursorPage, object, options))\n"
        "response = client.send(RequestOptions(method='post', path='/compute/v1/admin/api-keys', body={'name': 'cli'}))\n"
        "assert response.status_code == 200, response\n"
        "assert redact_headers({'x-api-key': 'secret', 'a': 'b'}) == {'x-api-key': '<redacted>', 'a': 'b'}\n"
        "print(len(items), all(type(i) is dict for i in items), response.json()['key_details']['name'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('pydantic')))\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["5 True cli", "[]"]


def test_cli_contract_errors_are_typed(api_server):
    from boltz_api import AuthenticationError
    from boltz_api._base_client import RequestOptions

    client = make_client(api_server.base_url, api_key="wrong")
    with pytest.raises(AuthenticationError) as info:
        client.send(RequestOptions(method="get", path="/compute/v1/admin/api-keys"))
    assert (
        info.value.status_code == 401 and info.value.body["error"]["type"] == "authentication_error"
    )


def test_undocumented_requests(api_server):
    api_server.seed(1)
    client = make_client(api_server.base_url)
    response = client.get("/compute/v1/admin/api-keys", cast_to=httpx.Response)
    assert isinstance(response, httpx.Response) and response.json()["data"][0]["id"] == "key_000001"
    data = client.post(
        "/compute/v1/admin/api-keys",
        cast_to=object,
        body={"name": "custom"},
        options={"headers": {"X-Extra": "1"}, "params": {"debug": "1"}},
    )
    assert data["key_details"]["name"] == "custom"
    assert api_server.requests[-1].headers["x-extra"] == "1"
    assert api_server.requests[-1].query == {"debug": ["1"]}


def test_async_client_options_and_resources():
    from boltz_api import AsyncBoltz

    seen = []

    def handler(request):
        seen.append(request)
        return httpx.Response(200, json=page(api_key_item()))

    async def main():
        client = mock_client(handler, is_async=True, default_headers={"X-A": "1"})
        assert isinstance(client, AsyncBoltz)
        page_ = await client.admin.api_keys.list(limit=1)
        copy = client.with_options(max_retries=0)
        await copy.admin.api_keys.list()
        await client.close()
        return page_

    result = asyncio.run(main())
    assert result.data[0].id == "key_000001"
    assert [r.headers["x-a"] for r in seen] == ["1", "1"]
    assert json.loads(seen[0].url.params["limit"]) == 1


def test_a_call_without_any_credential_fails_before_sending(api_server):
    from boltz_api import BoltzError

    client = make_client(api_server.base_url)
    client.api_key = None  # e.g. cleared after construction
    with pytest.raises(BoltzError, match="api_key"):
        client.admin.api_keys.list()
    assert api_server.requests == []
    # A credential passed by hand as a header is accepted.
    client.admin.api_keys.list(extra_headers={"X-Api-Key": API_KEY})
    assert api_server.requests[-1].headers["x-api-key"] == API_KEY
