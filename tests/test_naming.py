from __future__ import annotations

import pytest

from generator import naming


@pytest.mark.parametrize(
    "text, snake, pascal, kebab",
    [
        ("createApiKey", "create_api_key", "CreateAPIKey", "create-api-key"),
        ("api_keys", "api_keys", "APIKeys", "api-keys"),
        ("HTTPServer", "http_server", "HTTPServer", "http-server"),
        ("Foo-Bar", "foo_bar", "FooBar", "foo-bar"),
        ("userIDs", "user_ids", "UserIDs", "user-ids"),
        ("Ñame Straße", "name_strasse", "NameStrasse", "name-strasse"),
        ("名前", "u21517_u21069", "U21517U21069", "u21517-u21069"),
        ("x-api-key", "x_api_key", "XAPIKey", "x-api-key"),
    ],
)
def test_cases(text: str, snake: str, pascal: str, kebab: str):
    assert naming.snake(text) == snake
    assert naming.pascal(text) == pascal
    assert naming.kebab(text) == kebab


@pytest.mark.parametrize(
    "word, expected",
    [
        ("keys", "key"),
        ("policies", "policy"),
        ("addresses", "address"),
        ("status", "status"),
        ("ips", "ip"),
        ("data", "data"),
        ("boxes", "box"),
        ("pets", "pet"),
        ("analyses", "analysis"),
    ],
)
def test_singular(word: str, expected: str):
    assert naming.singular(word) == expected


def test_array_flags_are_singular_kebab():
    assert naming.cli_flag("allowed_ips", is_array=True) == "allowed-ip"
    assert naming.cli_flag("allowed_ips", is_array=False) == "allowed-ips"
    assert naming.cli_flag("expires_in_days", is_array=False) == "expires-in-days"


def test_py_identifier_handles_digits_and_empty_names():
    assert naming.py_identifier("2fa", prefix="field") == "field_2fa"
    assert naming.py_identifier("", prefix="field") == "field"
    assert naming.py_identifier("$$$", prefix="param") == "param"
    assert naming.py_identifier("3d model", prefix="model", case="pascal") == "Model3dModel"


def test_namer_escapes_reserved_words_and_collisions_deterministically():
    namer = naming.Namer(naming.MODEL_FIELD_RESERVED)
    got = [
        namer.claim(naming.py_identifier(w, prefix="field"))
        for w in ["class", "Foo-Bar", "foo_bar", "json", "model_config", "id", "class"]
    ]
    assert got == ["class_", "foo_bar", "foo_bar_2", "json_", "model_config_", "id", "class_2"]


def test_cli_flags_never_reuse_global_options():
    namer = naming.Namer(naming.CLI_GLOBAL_FLAGS, sep="-", escape="-param")
    got = [namer.claim(f) for f in ["format", "debug", "name", "name", "format"]]
    assert got == ["format-param", "debug-param", "name", "name-2", "format-param-2"]


@pytest.mark.parametrize(
    "operation_id, method, path, resource, expected",
    [
        ("createApiKey", "post", "/keys", ["api", "keys"], "create"),
        ("listApiKeys", "get", "/keys", ["api", "keys"], "list"),
        ("revokeApiKey", "post", "/keys/{id}/revoke", ["api", "keys"], "revoke"),
        ("getPetById", "get", "/pets/{id}", ["pets"], "get_by_id"),
        (None, "get", "/pets", ["pets"], "list"),
        (None, "get", "/pets/{id}", ["pets"], "retrieve"),
        (None, "post", "/pets", ["pets"], "create"),
        (None, "delete", "/pets/{id}", ["pets"], "delete"),
        (None, "post", "/pets/{id}/revoke", ["pets"], "revoke"),
        (None, "get", "/pets/search", ["pets"], "retrieve_search"),
    ],
)
def test_method_names(operation_id, method, path, resource, expected):
    assert naming.method_name(operation_id, method, path, resource) == expected


def test_docs_type_name_matches_the_reference_page():
    assert naming.docs_type_name(["Admin", "APIKey"], "create") == "AdminAPIKeyNewResponse"
    assert naming.docs_type_name(["Admin", "APIKey"], "retrieve") == "AdminAPIKeyGetResponse"
    assert naming.docs_type_name(["Admin", "APIKey"], "list") == "AdminAPIKeyListResponse"


def test_names_in_any_script_become_stable_ascii_words():
    assert naming.snake("名前") == "u21517_u21069"
    assert naming.snake("名前") != naming.snake("名刺")
    assert naming.py_identifier("🚀", prefix="field") == "field"
    assert naming.pascal("Łódź") == "Lodz"


def test_model_classes_never_shadow_what_modules_import():
    namer = naming.Namer(naming.CLASS_RESERVED, sep="", escape="Model")
    got = [namer.claim(n) for n in ["List", "BaseModel", "None", "Pet", "Pet", "Optional"]]
    assert got == ["ListModel", "BaseModelModel", "NoneModel", "Pet", "Pet2", "OptionalModel"]


@pytest.mark.parametrize("name", ["copy", "with_options", "close", "with_raw_response", "class"])
def test_resources_never_shadow_client_attributes(name: str):
    assert naming.Namer(naming.CLIENT_RESERVED).claim(name) == name + "_"


@pytest.mark.parametrize(
    "name", ["self", "class", "from", "extra_headers", "extra_query", "extra_body", "timeout"]
)
def test_method_parameters_never_shadow_keywords_or_the_request_options(name: str):
    assert naming.Namer(naming.METHOD_PARAM_RESERVED).claim(name) == name + "_"
    assert naming.method_param_name(naming.Namer(naming.METHOD_PARAM_RESERVED), name) == (
        name + "_",
        True,
    )


@pytest.mark.parametrize("name", ["type", "id", "format", "options", "input", "str", "cast"])
def test_method_parameters_keep_builtin_and_body_names(name: str):
    # As the Stainless SDKs spell them: only keywords and request options are renamed.
    assert naming.method_param_name(naming.Namer(naming.METHOD_PARAM_RESERVED), name) == (
        name,
        False,
    )


def test_possessives_do_not_make_a_word():
    assert naming.snake("GitHub's official API") == "git_hub_official_api"
    assert naming.kebab("The Owner’s Pets") == "the-owner-pets"
