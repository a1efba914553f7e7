"""BOLTZ_LOG logging, and the API key never showing up in logs, reprs or errors."""

from __future__ import annotations

import pytest

from tests.sdk_support import API_KEY, make_client, run_python

SCRIPT = """
import boltz_api
from boltz_api._base_client import RequestOptions
client = boltz_api.Boltz(api_key={key!r}, base_url={url!r})
client._sleep = lambda seconds: None
try:
    client.admin.api_keys.revoke("key_000001")
except boltz_api.APIStatusError as err:
    print("error:", str(err), repr(err))
client.admin.api_keys.create(name="logged")
list(client.admin.api_keys.list(limit=1))
print("client:", repr(client), repr(client.with_options(timeout=1)))
print("options:", repr(RequestOptions(method="get", path="/x", extra_headers={{"x-api-key": {key!r}}})))
print("raw:", repr(client.admin.api_keys.with_raw_response.list()))
print("page:", repr(client.admin.api_keys.list()))
"""


def run_logged(api_server, level: str | None):
    env = {"BOLTZ_LOG": level} if level else {"BOLTZ_LOG": ""}
    # The server echoes the key back in an error body: it must still not be printed.
    api_server.fail_next(400, body={"error": {"message": f"bad key {API_KEY}"}})
    api_server.fail_next(429, headers={"retry-after": "0"})
    result = run_python(SCRIPT.format(key=API_KEY, url=api_server.base_url), env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout, result.stderr


def test_debug_logging_shows_requests_but_never_the_key(api_server):
    stdout, stderr = run_logged(api_server, "debug")
    assert API_KEY not in stdout + stderr
    assert "Sending HTTP Request: POST" in stderr and "HTTP Response: GET" in stderr
    assert "Retrying POST" in stderr
    assert "'x-api-key': '<redacted>'" in stderr
    assert "boltz_api" in stderr  # the logger's name
    assert "error: Error code: 400 - {'error': {'message': 'bad key <redacted>'}}" in stdout


def test_info_logging_shows_responses_without_headers(api_server):
    stdout, stderr = run_logged(api_server, "info")
    assert API_KEY not in stdout + stderr
    assert "HTTP Response: POST" in stderr and "Sending HTTP Request" not in stderr


def test_no_logging_by_default(api_server):
    stdout, stderr = run_logged(api_server, None)
    assert stderr == "" and API_KEY not in stdout


def test_reprs_and_errors_in_process(api_server, caplog):
    import logging

    client = make_client(api_server.base_url)
    assert API_KEY not in repr(client) and API_KEY not in str(vars(client).get("base_url"))
    with caplog.at_level(logging.DEBUG, logger="boltz_api"):
        client.admin.api_keys.list()
    assert caplog.records and all(API_KEY not in r.getMessage() for r in caplog.records)
    from boltz_api import AuthenticationError

    bad = make_client(api_server.base_url, api_key="sk_wrong_but_secret_0000")
    with pytest.raises(AuthenticationError) as info:
        bad.admin.api_keys.list()
    assert "sk_wrong_but_secret_0000" not in str(info.value) + repr(info.value)
