"""Response models and errors of the generated SDK."""

from __future__ import annotations

import json
import warnings
from datetime import datetime, timezone

import httpx
import pydantic
import pytest

from tests.sdk_support import api_key_item, json_response, mock_client


def client_answering(body, status=200, headers=None, **options):
    return mock_client(lambda request: json_response(body, status, headers), **options)


def test_nested_models_and_datetimes(sdk, api_server):
    from boltz_api.types.admin import APIKeyCreateResponse
    from boltz_api.types.admin.api_key_create_response import KeyDetails

    created = sdk.admin.api_keys.create(name="n", expires_in_days=10)
    assert isinstance(created, APIKeyCreateResponse) and isinstance(created, pydantic.BaseModel)
    assert isinstance(created.key_details, KeyDetails)
    assert created.key_details.created_at.tzinfo is not None
    assert isinstance(created.key_details.expires_at, datetime)
    assert created.key_details.last_used_at is None  # nullable -> Optional


def test_unknown_fields_are_kept():
    client = client_answering(api_key_item(brand_new_field={"x": 1}, extra_flag=True))
    key = client.admin.api_keys.revoke("k")
    assert key.brand_new_field == {"x": 1} and key.extra_flag is True  # type: ignore[attr-defined]
    assert key.to_dict()["brand_new_field"] == {"x": 1}


def test_unknown_enum_values_do_not_break_parsing():
    """A newer server may add an enum value (key_type "service"); an older client must cope."""
    client = client_answering(
        {"key": "sk", "key_details": {**api_key_item(key_type="service"), "surprise": 1}}
    )
    created = client.admin.api_keys.create(name="x")
    details = created.key_details
    assert details.key_type == "service"
    assert isinstance(details.created_at, datetime)  # the rest is still parsed
    assert details.surprise == 1  # type: ignore[attr-defined]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert created.to_dict(mode="json")["key_details"]["key_type"] == "service"


def test_values_of_the_wrong_type_are_kept_as_sent():
    client = client_answering(api_key_item(is_active="sometimes", created_at="not a date"))
    key = client.admin.api_keys.revoke("k")
    assert key.is_active == "sometimes" and key.created_at == "not a date"
    assert key.id == "key_000001"


def test_list_items_with_unknown_values_are_parsed_one_by_one():
    client = client_answering(
        {"data": [api_key_item("a"), api_key_item("b", key_type="robot")], "has_more": False}
    )
    items = list(client.admin.api_keys.list())
    assert [i.key_type for i in items] == ["workspace", "robot"]
    assert isinstance(items[1].created_at, datetime)


def test_to_dict_and_to_json():
    client = client_answering(api_key_item(expires_at="2027-01-01T00:00:00Z"))
    key = client.admin.api_keys.revoke("k")
    as_python = key.to_dict()
    assert as_python["expires_at"] == datetime(2027, 1, 1, tzinfo=timezone.utc)
    as_json = key.to_dict(mode="json")
    assert as_json["expires_at"] in ("2027-01-01T00:00:00Z", "2027-01-01T00:00:00+00:00")
    assert set(as_python) == set(api_key_item())
    assert json.loads(key.to_json()) == as_json
    assert key.to_json(indent=None).startswith('{"id":')
    partial = client_answering({"id": "k", "name": "only"}).admin.api_keys.revoke("k")
    assert partial.to_dict() == {"id": "k", "name": "only"}  # fields not sent are left out
    assert partial.to_dict(exclude_unset=False)["workspace_id"] is None


def test_response_that_is_not_json():
    from boltz_api import APIResponseValidationError

    client = mock_client(lambda r: httpx.Response(200, text="<html>oops</html>"))
    with pytest.raises(APIResponseValidationError) as info:
        client.admin.api_keys.revoke("k")
    assert info.value.status_code == 200 and info.value.body == "<html>oops</html>"


def test_base_model_is_exported_lazily():
    import boltz_api
    from boltz_api._models import BaseModel

    assert boltz_api.BaseModel is BaseModel


# --- errors -------------------------------------------------------------------------


def test_exception_hierarchy():
    import boltz_api as b

    assert issubclass(b.APIError, b.BoltzError) and issubclass(b.BoltzError, Exception)
    assert issubclass(b.APIStatusError, b.APIError)
    assert issubclass(b.APIConnectionError, b.APIError)
    assert issubclass(b.APITimeoutError, b.APIConnectionError)
    assert issubclass(b.APIResponseValidationError, b.APIError)
    for name in (
        "BadRequestError",
        "AuthenticationError",
        "PermissionDeniedError",
        "NotFoundError",
        "ConflictError",
        "UnprocessableEntityError",
        "RateLimitError",
        "InternalServerError",
    ):
        assert issubclass(getattr(b, name), b.APIStatusError), name


@pytest.mark.parametrize(
    "status, name",
    [
        (400, "BadRequestError"),
        (401, "AuthenticationError"),
        (403, "PermissionDeniedError"),
        (404, "NotFoundError"),
        (409, "ConflictError"),
        (422, "UnprocessableEntityError"),
        (429, "RateLimitError"),
        (500, "InternalServerError"),
        (502, "InternalServerError"),
        (503, "InternalServerError"),
        (418, "APIStatusError"),
    ],
)
def test_errors_are_typed_by_status(sdk, api_server, status, name):
    import boltz_api

    api_server.fail_next(status, times=3, body={"error": {"type": "x", "message": f"m{status}"}})
    with pytest.raises(boltz_api.APIStatusError) as info:
        sdk.admin.api_keys.list()
    err = info.value
    assert type(err) is getattr(boltz_api, name)
    assert err.status_code == status and err.response.status_code == status
    assert err.body == {"error": {"type": "x", "message": f"m{status}"}}
    assert f"Error code: {status}" in str(err) and err.message == str(err)
    assert err.request.url.path == "/compute/v1/admin/api-keys"


def test_real_errors_from_the_stateful_server(sdk, api_server):
    from boltz_api import ConflictError, NotFoundError, UnprocessableEntityError

    with pytest.raises(UnprocessableEntityError) as info:
        sdk.admin.api_keys.create(name="")
    assert info.value.body["error"]["param"] == "name"
    with pytest.raises(NotFoundError):
        sdk.admin.api_keys.revoke("key_missing")
    key = sdk.admin.api_keys.create(name="once")
    sdk.admin.api_keys.revoke(key.key_details.id)
    with pytest.raises(ConflictError):
        sdk.admin.api_keys.revoke(key.key_details.id)


def test_error_body_that_is_not_json():
    from boltz_api import InternalServerError

    client = mock_client(lambda r: httpx.Response(500, text="upstream exploded"), max_retries=0)
    with pytest.raises(InternalServerError) as info:
        client.admin.api_keys.list()
    assert info.value.body == "upstream exploded"
