"""The generated SDK against Prism, which checks every request against spec/openapi.yaml.

Prism is started with ``--errors``: a request that does not match the
document (a missing field, a value out of range, a missing credential) gets
an error answer instead of a mock, so a passing call here means the SDK sent
what the spec describes. ``Prefer: code=NNN`` asks Prism for the documented
answer with that status, which exercises the typed errors.
"""

from __future__ import annotations

import asyncio
import itertools
from datetime import datetime

import pytest

from tests.sdk_support import make_async_client


def test_create_with_every_parameter(prism_sdk):
    from boltz_api.types.admin import APIKeyCreateResponse

    created = prism_sdk.admin.api_keys.create(
        name="ci", allowed_ips=["10.0.0.1"], expires_in_days=365, mode="live", workspace_id="ws_1"
    )
    assert isinstance(created, APIKeyCreateResponse)
    assert created.key == "key" and created.key_details.key_type == "workspace"
    assert isinstance(created.key_details.created_at, datetime)


def test_create_with_only_the_required_parameter(prism_sdk):
    assert prism_sdk.admin.api_keys.create(name="x").key_details.name == "name"


def test_list_first_page(prism_sdk):
    from boltz_api.types.admin import APIKeyListResponse

    page = prism_sdk.admin.api_keys.list(limit=2, workspace_id="ws_1", after_id="key_1")
    assert page.data and all(isinstance(k, APIKeyListResponse) for k in page.data)
    assert page.has_more is True
    assert page.has_next_page()


def test_list_iteration_stops_when_prism_repeats_its_cursor(prism_sdk):
    """Prism's static page always says has_more=true with the same last_id; the
    stuck-cursor guard ends the walk after the repeated page instead of looping."""
    items = list(itertools.islice(prism_sdk.admin.api_keys.list(limit=2), 50))
    assert 0 < len(items) < 50


def test_revoke(prism_sdk):
    revoked = prism_sdk.admin.api_keys.revoke("key_123")
    assert revoked.id and isinstance(revoked.is_active, bool)


def test_raw_response(prism_sdk):
    response = prism_sdk.admin.api_keys.with_raw_response.create(name="raw")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.parse().key_details.key_type == "workspace"
    assert response.json()["key"] == "key"


def test_invalid_requests_are_rejected_by_the_spec(prism_sdk):
    from boltz_api import UnprocessableEntityError

    with pytest.raises(UnprocessableEntityError):
        prism_sdk.admin.api_keys.create(name="")  # minLength 1
    with pytest.raises(UnprocessableEntityError):
        prism_sdk.admin.api_keys.create(name="x", expires_in_days=400)  # maximum 365
    with pytest.raises(UnprocessableEntityError):
        prism_sdk.admin.api_keys.create(name="x", mode="prod")  # type: ignore[arg-type]


def test_missing_credentials_are_rejected(prism_sdk):
    from boltz_api import AuthenticationError, omit

    with pytest.raises(AuthenticationError) as info:
        prism_sdk.admin.api_keys.list(extra_headers={"x-api-key": omit})
    assert info.value.status_code == 401


@pytest.mark.parametrize(
    "status, error",
    [
        (400, "BadRequestError"),
        (401, "AuthenticationError"),
        (403, "PermissionDeniedError"),
        (404, "NotFoundError"),
        (409, "ConflictError"),
        (429, "RateLimitError"),
        (500, "InternalServerError"),
    ],
)
def test_documented_errors_are_typed(prism_sdk, status, error):
    import boltz_api

    with pytest.raises(getattr(boltz_api, error)) as info:
        prism_sdk.admin.api_keys.revoke("key_1", extra_headers={"Prefer": f"code={status}"})
    assert info.value.status_code == status
    assert isinstance(info.value.body, dict) and "error" in info.value.body


def test_async_client_against_prism(prism_url):
    async def main():
        async with make_async_client(prism_url, max_retries=0) as client:
            created = await client.admin.api_keys.create(name="async", mode="test")
            page = await client.admin.api_keys.list(limit=1)
            revoked = await client.admin.api_keys.revoke("key_9")
            raw = await client.admin.api_keys.with_raw_response.revoke("key_9")
            return created, page, revoked, await raw.parse()

    created, page, revoked, parsed = asyncio.run(main())
    assert created.key_details.key_type == "workspace"
    assert type(page).__name__ == "AsyncCursorPage" and page.data
    assert revoked.id == parsed.id
