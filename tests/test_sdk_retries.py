"""Retries, as the official SDK does them: which answers, how long to wait, how often.

Clients here record the delay they would sleep (see tests/sdk_support.py),
so nothing actually waits and the chosen delays can be checked exactly.
"""

from __future__ import annotations

import asyncio
import email.utils
import time

import httpx
import pytest

from tests.sdk_support import make_async_client, make_client


def test_429_honours_retry_after_seconds(sdk, api_server):
    api_server.fail_next(429, headers={"retry-after": "2"})
    assert list(sdk.admin.api_keys.list()) == []
    assert sdk.delays == [2.0]
    assert len(api_server.requests) == 2


def test_503_honours_retry_after_ms(sdk, api_server):
    api_server.fail_next(503, headers={"retry-after-ms": "150", "retry-after": "9"})
    sdk.admin.api_keys.list()
    assert sdk.delays == [0.15]  # retry-after-ms wins


def test_retry_after_as_an_http_date(sdk, api_server):
    when = email.utils.formatdate(time.time() + 5, usegmt=True)
    api_server.fail_next(503, headers={"retry-after": when})
    sdk.admin.api_keys.list()
    assert len(sdk.delays) == 1 and 3.0 <= sdk.delays[0] <= 5.5


def test_unreasonable_retry_after_falls_back_to_backoff(sdk, api_server):
    api_server.fail_next(429, headers={"retry-after": "3600"})
    api_server.fail_next(429, headers={"retry-after": "soon"})
    sdk.admin.api_keys.list()
    first, second = sdk.delays
    assert 0.375 <= first <= 0.5 and 0.75 <= second <= 1.0


def test_exponential_backoff_with_jitter_capped_at_8_seconds(api_server):
    client = make_client(api_server.base_url, max_retries=5)
    api_server.fail_next(500, times=5)
    client.admin.api_keys.list()
    expected = [0.5, 1.0, 2.0, 4.0, 8.0]
    assert len(client.delays) == 5
    for delay, full in zip(client.delays, expected, strict=True):
        assert full * 0.75 <= delay <= full
    assert all(0.75 * 8 <= client._retry_delay(n, None) <= 8 for n in range(5, 30))


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504])
def test_retried_statuses(sdk, api_server, status):
    api_server.fail_next(status)
    sdk.admin.api_keys.list()
    assert len(api_server.requests) == 2


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_client_errors_are_not_retried(sdk, api_server, status):
    from boltz_api import APIStatusError

    api_server.fail_next(status)
    with pytest.raises(APIStatusError) as info:
        sdk.admin.api_keys.list()
    assert info.value.status_code == status
    assert len(api_server.requests) == 1 and sdk.delays == []


def test_x_should_retry_overrides_the_status(sdk, api_server):
    from boltz_api import BadRequestError, InternalServerError

    api_server.fail_next(503, headers={"x-should-retry": "false"})
    with pytest.raises(InternalServerError):
        sdk.admin.api_keys.list()
    assert len(api_server.requests) == 1
    api_server.fail_next(400, headers={"x-should-retry": "true"})
    sdk.admin.api_keys.list()
    assert len(api_server.requests) == 3
    api_server.fail_next(400, times=3, headers={"x-should-retry": "true"})
    with pytest.raises(BadRequestError):
        sdk.admin.api_keys.list()


def test_retries_give_up_after_max_retries(sdk, api_server):
    from boltz_api import InternalServerError

    api_server.fail_next(500, times=3)
    with pytest.raises(InternalServerError) as info:
        sdk.admin.api_keys.list()
    assert info.value.status_code == 500
    assert len(api_server.requests) == 3 and len(sdk.delays) == 2


def test_max_retries_zero_and_per_call_override(api_server):
    from boltz_api import RateLimitError

    client = make_client(api_server.base_url, max_retries=0)
    api_server.fail_next(429)
    with pytest.raises(RateLimitError):
        client.admin.api_keys.list()
    assert len(api_server.requests) == 1
    patient = client.with_options(max_retries=1)
    patient._sleep = lambda seconds: None
    api_server.fail_next(429)
    patient.admin.api_keys.list()
    assert len(api_server.requests) == 3


def test_dropped_connections_are_retried(sdk, api_server):
    from boltz_api import APIConnectionError

    api_server.drop_next()
    assert sdk.admin.api_keys.create(name="after-drop").key_details.name == "after-drop"
    assert len(sdk.delays) == 1
    api_server.drop_next(times=3)
    with pytest.raises(APIConnectionError) as info:
        sdk.admin.api_keys.list()
    assert isinstance(info.value.__cause__, httpx.TransportError)
    assert info.value.request.url.path == "/compute/v1/admin/api-keys"


def test_unreachable_server_raises_connection_error():
    from boltz_api import APIConnectionError, APITimeoutError

    from tests.servers import free_port

    client = make_client(f"http://127.0.0.1:{free_port()}", max_retries=1)
    with pytest.raises(APIConnectionError) as info:
        client.admin.api_keys.list()
    assert not isinstance(info.value, APITimeoutError)
    assert len(client.delays) == 1


def test_timeouts_raise_after_retries(api_server):
    from boltz_api import APIConnectionError, APITimeoutError

    client = make_client(api_server.base_url, timeout=0.05, max_retries=0)
    api_server.delay_next(0.3)
    with pytest.raises(APITimeoutError) as info:
        client.admin.api_keys.list()
    assert isinstance(info.value, APIConnectionError)  # the official hierarchy
    retrying = make_client(api_server.base_url, timeout=0.05, max_retries=1)
    api_server.delay_next(0.3)
    assert list(retrying.admin.api_keys.list()) == []
    assert len(retrying.delays) == 1


def test_idempotency_key_is_reused_across_retries(sdk, api_server):
    api_server.fail_next(503)
    api_server.drop_next()
    sdk.admin.api_keys.create(name="retried")
    keys = [r.headers.get("idempotency-key") for r in api_server.requests]
    assert len(keys) == 3 and keys[0] and len(set(keys)) == 1
    assert [r.json() for r in api_server.requests] == [{"name": "retried"}] * 3


def test_raw_response_reports_retries_taken(sdk, api_server):
    api_server.fail_next(429, headers={"retry-after": "1"})
    response = sdk.admin.api_keys.with_raw_response.list()
    assert response.retries_taken == 1 and response.status_code == 200


def test_async_client_retries_the_same_way(api_server):
    from boltz_api import APIConnectionError, RateLimitError

    async def main():
        client = make_async_client(api_server.base_url)
        api_server.fail_next(429, headers={"retry-after": "3"})
        api_server.drop_next()
        created = await client.admin.api_keys.create(name="async-retry")
        api_server.fail_next(429, times=3)
        with pytest.raises(RateLimitError):
            await client.admin.api_keys.list()
        api_server.drop_next(times=3)
        with pytest.raises(APIConnectionError):
            await client.admin.api_keys.list()
        await client.close()
        return client, created

    client, created = asyncio.run(main())
    assert created.key_details.name == "async-retry"
    assert client.delays[0] == 3.0 and len(client.delays) == 6
    keys = {r.headers["idempotency-key"] for r in api_server.requests[:3]}
    assert len(keys) == 1
