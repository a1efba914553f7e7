"""The intermediate model built from the default spec and the pet store fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import Diagnostics
from generator.model import API, ArrayType, EnumType, ModelRef, Primitive
from generator.pipeline import Inputs, load_api

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def boltz() -> API:
    diagnostics = Diagnostics()
    api = load_api(Inputs(ROOT / "spec/openapi.yaml", ROOT / "spec/generator.yaml"), diagnostics)
    assert diagnostics.items == []
    return api


@pytest.fixture(scope="module")
def petstore() -> API:
    return load_api(Inputs(ROOT / "tests/fixtures/petstore/openapi.yaml"), Diagnostics())


def test_names_come_from_the_config(boltz: API):
    n = boltz.names
    assert (n.sdk_package, n.client_class, n.async_client_class) == (
        "boltz_api",
        "Boltz",
        "AsyncBoltz",
    )
    assert (n.cli_package, n.cli_binary, n.env_prefix, n.error_base) == (
        "boltz_api_cli",
        "boltz-api",
        "BOLTZ",
        "BoltzError",
    )
    assert boltz.base_url == "https://api.boltz.bio"


def test_resource_tree(boltz: API):
    (admin,) = boltz.resources
    (api_keys,) = admin.subresources
    assert admin.path == ("admin",) and api_keys.path == ("admin", "api_keys")
    assert api_keys.cli_path == "admin:api-keys" and api_keys.docs_dir == "admin/api-keys"
    assert api_keys.class_name == "APIKeys" and api_keys.singular == "APIKey"
    assert [op.py_name for op in api_keys.operations] == ["create", "list", "revoke"]
    assert api_keys.description and api_keys.description.startswith(
        "API keys authenticate requests"
    )


def test_create_operation_matches_the_reference_page(boltz: API):
    op = boltz.resources[0].subresources[0].operations[0]
    assert (op.http_method, op.path, op.summary) == (
        "post",
        "/compute/v1/admin/api-keys",
        "Create a workspace API key",
    )
    assert op.docs_type_name == "AdminAPIKeyNewResponse"
    params = {p.wire_name: p for p in op.parameters}
    assert list(params) == ["name", "allowed_ips", "expires_in_days", "mode", "workspace_id"]
    assert all(p.location == "body" for p in params.values())
    name = params["name"]
    assert name.required and name.cli_flag == "name" and name.description == "API key name"
    assert isinstance(name.type, Primitive) and (
        name.type.constraints.min_length,
        name.type.constraints.max_length,
    ) == (1, 255)
    ips = params["allowed_ips"]
    assert ips.cli_flag == "allowed-ip" and isinstance(ips.type, ArrayType) and not ips.required
    days = params["expires_in_days"]
    assert isinstance(days.type, Primitive) and days.type.kind == "integer"
    assert (days.type.constraints.minimum, days.type.constraints.maximum) == (1, 365)
    mode = params["mode"]
    assert isinstance(mode.type, EnumType) and mode.type.values == ("live", "test")
    assert op.body is not None and op.body.flattened and op.body.type is None
    assert (
        op.params_model is not None
        and boltz.model(op.params_model).class_name == "APIKeyCreateParams"
    )


def test_create_response_shape(boltz: API):
    op = boltz.resources[0].subresources[0].operations[0]
    assert isinstance(op.response.type, ModelRef)
    model = boltz.model(op.response.type.model_id)
    assert model.class_name == "APIKeyCreateResponse" and model.module == (
        "admin",
        "api_key_create_response",
    )
    details = next(p for p in model.properties if p.wire_name == "key_details")
    assert isinstance(details.type, ModelRef)
    nested = boltz.model(details.type.model_id)
    assert nested.class_name == "KeyDetails" and nested.module == model.module
    fields = {p.wire_name: p for p in nested.properties}
    assert len(fields) == 11
    assert fields["expires_at"].type == Primitive("string", "date-time", nullable=True)
    assert fields["key_type"].type == EnumType(("workspace",))
    assert fields["workspace_id"].required
    assert op.response.example is not None and op.response.example.value["key"] == "key"


def test_list_is_paginated_with_named_items(boltz: API):
    op = boltz.resources[0].subresources[0].operations[1]
    p = op.pagination
    assert p is not None and p.page_class == "CursorPage" and p.style == "cursor_id"
    assert (p.items_field, p.has_more_field, p.next_cursor_field, p.next_cursor_param) == (
        "data",
        "has_more",
        "last_id",
        "after_id",
    )
    assert (p.previous_cursor_field, p.previous_cursor_param) == ("first_id", "before_id")
    assert (
        isinstance(p.item_type, ModelRef)
        and boltz.model(p.item_type.model_id).class_name == "APIKeyListResponse"
    )
    assert [q.wire_name for q in op.params_in("query")] == [
        "after_id",
        "before_id",
        "limit",
        "workspace_id",
    ]
    assert boltz.model(op.params_model).class_name == "APIKeyListParams"


def test_revoke_has_a_path_parameter(boltz: API):
    op = boltz.resources[0].subresources[0].operations[2]
    (param,) = op.parameters
    assert (param.location, param.py_name, param.cli_flag, param.required) == (
        "path",
        "api_key_id",
        "api-key-id",
        True,
    )
    assert op.params_model is None
    assert boltz.model(op.response.type.model_id).class_name == "APIKeyRevokeResponse"
    assert [e.status for e in op.error_responses] == [
        "400",
        "401",
        "403",
        "404",
        "409",
        "429",
        "500",
    ]


def test_security(boltz: API):
    (scheme,) = boltz.security_schemes
    assert (scheme.kind, scheme.location, scheme.param_name) == ("api_key", "header", "x-api-key")
    assert (scheme.option, scheme.env_var, scheme.cli_flag) == (
        "api_key",
        "BOLTZ_API_KEY",
        "api-key",
    )


def test_without_config_names_come_from_the_document(petstore: API):
    n = petstore.names
    assert (n.sdk_package, n.client_class, n.cli_binary) == (
        "pet_store_api",
        "PetStore",
        "pet-store-api",
    )
    assert [r.py_name for r in petstore.resources] == ["pets", "store"]
    pets = petstore.resources[0]
    assert [op.py_name for op in pets.operations] == ["list", "create", "get_by_id", "delete"]
    assert petstore.base_url == "https://eu.petstore.example.com/v2"
    assert petstore.security_schemes[0].kind == "http_bearer"


def test_components_become_models_without_config(petstore: API):
    by_name = {m.class_name: m for m in petstore.models}
    assert {"Pet", "Owner", "OwnerParam", "PetListResponse"} <= set(by_name)
    pet = by_name["Pet"]
    # allOf merged; readOnly id kept on the response side
    assert [p.wire_name for p in pet.properties] == [
        "name",
        "tag",
        "status",
        "owner",
        "id",
        "photo_urls",
    ]
    create = pets_op(petstore, "create")
    # readOnly id is not an input; the body is flattened from NewPet
    assert [p.wire_name for p in create.parameters] == ["name", "tag", "status", "owner"]


def test_path_level_parameters_and_headers(petstore: API):
    get = pets_op(petstore, "get_by_id")
    assert [(p.wire_name, p.location) for p in get.parameters] == [("petId", "path")]
    assert get.parameters[0].py_name == "pet_id"
    listing = pets_op(petstore, "list")
    header = next(p for p in listing.parameters if p.location == "header")
    assert (header.wire_name, header.py_name, header.cli_flag) == (
        "X-Request-ID",
        "x_request_id",
        "x-request-id",
    )


def pets_op(api: API, name: str):
    return next(op for op in api.resources[0].operations if op.py_name == name)
