"""The call shapes the published Stainless Python SDKs have, on small inline documents.

Each test writes a document (and a config when the rule depends on one),
builds the model, and where the rule is about Python, generates the SDK,
imports it and type-checks it: the rule must hold for any spec, not only for
the default one.
"""

from __future__ import annotations

import importlib
import inspect
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from generator.errors import Diagnostics
from generator.model import API, ModelRef
from generator.pipeline import Inputs, generate, load_api
from generator.writer import write_tree


def _ok(schema: dict[str, Any] | None = None, status: str = "200") -> dict[str, Any]:
    response: dict[str, Any] = {"description": "ok"}
    if schema is not None:
        response["content"] = {"application/json": {"schema": schema}}
    return {status: response}


def _doc(title: str, paths: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": "1.0"},
        "servers": [{"url": "https://api.example.com"}],
        "paths": paths,
        **extra,
    }


class Generated:
    """One generated SDK, importable while the test runs."""

    def __init__(self, api: API, root: Path, warnings: list[str]):
        self.api = api
        self.root = root
        self.src = root / "sdk" / "src"
        self.warnings = warnings

    @property
    def package(self) -> Any:
        return importlib.import_module(self.api.names.sdk_package)

    def source(self, *parts: str) -> str:
        return (self.src / self.api.names.sdk_package / Path(*parts)).read_text()

    def mypy(self) -> None:
        from tests.test_sdk_typing import mypy

        result = mypy(str(self.src / self.api.names.sdk_package), mypy_path=self.src)
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def make_sdk(tmp_path: Path) -> Iterator[Any]:
    added: list[str] = []

    def make(doc: dict[str, Any], config: dict[str, Any] | None = None) -> Generated:
        spec = tmp_path / "openapi.yaml"
        spec.write_text(yaml.safe_dump(doc, sort_keys=False))
        config_path = None
        if config is not None:
            config_path = tmp_path / "generator.yaml"
            config_path.write_text(yaml.safe_dump(config, sort_keys=False))
        inputs = Inputs(spec, config_path, validate=False)
        diagnostics = Diagnostics()
        api = load_api(inputs, diagnostics)
        out = tmp_path / "out"
        write_tree(out, generate(inputs, Diagnostics()))
        src = str(out / "sdk" / "src")
        sys.path.insert(0, src)
        added.append(src)
        return Generated(api, out, [str(d) for d in diagnostics.items])

    yield make
    for src in added:
        sys.path.remove(src)
    for name in [m for m in sys.modules if m.split(".")[0].endswith("_api")]:
        if getattr(sys.modules[name], "__file__", "") and str(tmp_path) in str(
            sys.modules[name].__file__
        ):
            del sys.modules[name]


def _recorder(seen: list[httpx.Request], body: Any = None) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=body if body is not None else {})

    return httpx.MockTransport(handler)


# --- path parameters --------------------------------------------------------------


NESTED = _doc(
    "Nested Path",
    {
        "/agents/{agent_id}/deployments/{deployment_id}": {
            "get": {
                "operationId": "retrieveDeployment",
                "tags": ["deployments"],
                # Declared in another order than the path spells them.
                "parameters": [
                    {
                        "name": "deployment_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    {
                        "name": "agent_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                ],
                "responses": _ok({"type": "object", "properties": {"id": {"type": "string"}}}),
            }
        }
    },
)


def test_only_the_last_path_parameter_is_positional(make_sdk):
    sdk = make_sdk(NESTED)
    (_, op) = sdk.api.all_operations()[0]
    assert [p.py_name for p in op.positional_params] == ["deployment_id"]
    assert [p.py_name for p in op.keyword_path_params] == ["agent_id"]
    seen: list[httpx.Request] = []
    client = sdk.package.NestedPath(http_client=httpx.Client(transport=_recorder(seen)))
    params = inspect.signature(client.deployments.retrieve).parameters
    assert params["deployment_id"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert params["agent_id"].kind is inspect.Parameter.KEYWORD_ONLY
    client.deployments.retrieve("d1", agent_id="a1")
    assert seen[-1].url.path == "/agents/a1/deployments/d1"
    with pytest.raises(TypeError):
        client.deployments.retrieve("a1", "d1")  # type: ignore[misc]
    sdk.mypy()


# --- parameter names --------------------------------------------------------------


NAMES = _doc(
    "Param Names",
    {
        "/things": {
            "get": {
                "operationId": "listThings",
                "tags": ["things"],
                "parameters": [
                    {"name": n, "in": "query", "schema": {"type": "string"}}
                    for n in ("type", "id", "format", "options", "input", "from", "timeout")
                ],
                "responses": _ok({"type": "object", "properties": {"id": {"type": "string"}}}),
            }
        }
    },
)


def test_parameter_names_keep_the_spec_spelling_except_keywords_and_request_options(make_sdk):
    sdk = make_sdk(NAMES)
    (_, op) = sdk.api.all_operations()[0]
    names = {p.wire_name: p.py_name for p in op.parameters}
    assert names == {
        "type": "type",
        "id": "id",
        "format": "format",
        "options": "options",
        "input": "input",
        "from": "from_",
        "timeout": "timeout_",
    }
    renames = [w for w in sdk.warnings if "in the SDK" in w]
    assert len(renames) == 2
    assert any("'from' is 'from_'" in w and "keyword" in w for w in renames)
    assert any("'timeout' is 'timeout_'" in w and "per-request option" in w for w in renames)

    seen: list[httpx.Request] = []
    client = sdk.package.ParamNames(http_client=httpx.Client(transport=_recorder(seen)))
    client.things.list(
        type="t", id="i", format="f", options="o", input="n", from_="x", timeout_="9"
    )
    assert dict(seen[-1].url.params) == {
        "type": "t",
        "id": "i",
        "format": "f",
        "options": "o",
        "input": "n",
        "from": "x",
        "timeout": "9",
    }
    sdk.mypy()


# --- request bodies ---------------------------------------------------------------

_CIRCLE = {
    "type": "object",
    "title": "Circle",
    "required": ["kind", "radius"],
    "properties": {
        "kind": {"const": "circle"},
        "radius": {"type": "number"},
        "label": {"type": "string"},
    },
}
_SQUARE = {
    "type": "object",
    "title": "Square",
    "required": ["kind", "side"],
    "properties": {
        "kind": {"const": "square"},
        "side": {"type": "number"},
        "label": {"type": "string"},
    },
}

BODIES = _doc(
    "Body Shapes",
    {
        "/shapes": {
            "post": {
                "operationId": "createShape",
                "tags": ["shapes"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {"oneOf": [{"$ref": "#/components/schemas/Circle"}, _SQUARE]}
                        }
                    },
                },
                "responses": _ok({"$ref": "#/components/schemas/Circle"}),
            }
        },
        "/labels": {
            "post": {
                "operationId": "createLabel",
                "tags": ["shapes"],
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "allOf": [
                                    {"$ref": "#/components/schemas/Circle"},
                                    {
                                        "type": "object",
                                        "required": ["text"],
                                        "properties": {"text": {"type": "string"}},
                                    },
                                ]
                            }
                        }
                    }
                },
                "responses": _ok({"$ref": "#/components/schemas/Circle"}),
            }
        },
    },
    components={"schemas": {"Circle": _CIRCLE}},
)


def test_all_of_bodies_are_flattened_into_keywords(make_sdk):
    sdk = make_sdk(BODIES)
    op = next(op for _, op in sdk.api.all_operations() if op.py_name == "create_label")
    assert op.body is not None and op.body.flattened and not op.body.variants
    assert {p.py_name: p.required for p in op.parameters} == {
        "kind": True,
        "radius": True,
        "label": False,
        "text": True,
    }


def test_one_of_bodies_become_one_overload_per_variant(make_sdk):
    sdk = make_sdk(BODIES)
    op = next(op for _, op in sdk.api.all_operations() if op.py_name == "create")
    assert op.body is not None and op.body.flattened
    variants = [{p.py_name: p.required for p in v.parameters} for v in op.body.variants]
    assert variants == [
        {"kind": True, "radius": True, "label": False},
        {"kind": True, "side": True, "label": False},
    ]
    # The method itself takes every variant's fields; only `kind` is always required.
    assert {p.py_name: p.required for p in op.parameters} == {
        "kind": True,
        "radius": False,
        "label": False,
        "side": False,
    }
    source = sdk.source("resources", "shapes.py")
    assert source.count("@overload") == 4  # two variants, sync and async
    sdk.mypy()

    seen: list[httpx.Request] = []
    client = sdk.package.BodyShapes(
        http_client=httpx.Client(transport=_recorder(seen, {"kind": "circle", "radius": 1}))
    )
    client.shapes.create(kind="square", side=2.0)
    assert json.loads(seen[-1].content) == {"kind": "square", "side": 2.0}


def test_overloads_reject_a_call_no_variant_accepts(make_sdk, tmp_path: Path):
    sdk = make_sdk(BODIES)
    from tests.test_sdk_typing import mypy

    user = tmp_path / "user_code.py"
    user.write_text(
        "from body_shapes_api import BodyShapes\n"
        "client = BodyShapes()\n"
        "client.shapes.create(kind='circle', radius=1.0)\n"
        "client.shapes.create(kind='square', side=1.0)\n"
        "client.shapes.create(kind='square', radius=1.0)\n"
    )
    result = mypy(str(user), mypy_path=sdk.src)
    errors = [line for line in result.stdout.splitlines() if "error:" in line]
    assert len(errors) == 1 and "user_code.py:5" in errors[0], result.stdout


# --- responses --------------------------------------------------------------------

RESULTS = _doc(
    "Results",
    {
        "/files/{id}/copy": {
            "post": {
                "operationId": "copyFile",
                "tags": ["files"],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": _ok({"type": "object"}),
            }
        },
        "/files/{id}": {
            "get": {
                "operationId": "getFile",
                "tags": ["files"],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": _ok(
                    {"anyOf": [{"$ref": "#/components/schemas/File"}, {"type": "null"}]}
                ),
            }
        },
    },
    components={"schemas": {"File": {"type": "object", "properties": {"id": {"type": "string"}}}}},
)
RESULTS_CONFIG = {
    "resources": {
        "files": {"methods": {"copy": "post /files/{id}/copy", "retrieve": "get /files/{id}"}}
    }
}


def test_an_object_without_properties_is_a_model_of_its_own(make_sdk):
    sdk = make_sdk(RESULTS, RESULTS_CONFIG)
    op = next(op for _, op in sdk.api.all_operations() if op.py_name == "copy")
    assert isinstance(op.response.type, ModelRef)
    model = sdk.api.model(op.response.type.model_id)
    assert (model.class_name, model.kind) == ("FileCopyResponse", "object")
    assert "-> FileCopyResponse:" in sdk.source("resources", "files.py")

    seen: list[httpx.Request] = []
    client = sdk.package.Results(http_client=httpx.Client(transport=_recorder(seen, {"a": 1})))
    result = client.files.copy("f1")
    assert type(result).__name__ == "FileCopyResponse" and result.a == 1  # type: ignore[attr-defined]
    sdk.mypy()


def test_a_nullable_any_of_result_keeps_its_name(make_sdk):
    sdk = make_sdk(RESULTS, RESULTS_CONFIG)
    op = next(op for _, op in sdk.api.all_operations() if op.py_name == "retrieve")
    assert isinstance(op.response.type, ModelRef) and op.response.type.nullable
    assert "-> Optional[FileRetrieveResponse]:" in sdk.source("resources", "files.py")

    client = sdk.package.Results(
        http_client=httpx.Client(
            transport=httpx.MockTransport(lambda r: httpx.Response(200, json=None))
        )
    )
    assert client.files.retrieve("f1") is None


# --- type names -------------------------------------------------------------------

SPACES = _doc(
    "Spaces",
    {
        "/files": {
            "post": {
                "responses": _ok(
                    {
                        "type": "object",
                        "properties": {
                            "id": {"type": "string"},
                            "v2": {"$ref": "#/components/schemas/V2"},
                        },
                    }
                )
            }
        },
        "/beta/v2/files": {
            "post": {
                "responses": _ok({"type": "object", "properties": {"size": {"type": "integer"}}})
            }
        },
    },
    components={"schemas": {"V2": {"type": "object", "properties": {"n": {"type": "integer"}}}}},
)
SPACES_CONFIG = {
    "resources": {
        "files": {"methods": {"upload": "post /files"}},
        "beta": {
            "subresources": {
                "v2": {"subresources": {"files": {"methods": {"upload": "post /beta/v2/files"}}}}
            }
        },
    }
}


def test_types_are_namespaced_by_resource_not_numbered(make_sdk):
    sdk = make_sdk(SPACES, SPACES_CONFIG)
    names = {(m.module, m.class_name) for m in sdk.api.models}
    assert (("file_upload_response",), "FileUploadResponse") in names
    assert (("beta", "v2", "file_upload_response"), "FileUploadResponse") in names
    assert not any(name.endswith("Response2") for _, name in names)
    top = sdk.package.types.FileUploadResponse
    beta = importlib.import_module("spaces_api.types.beta.v2").FileUploadResponse
    assert top is not beta and "size" in beta.model_fields and "id" in top.model_fields
    sdk.mypy()


def test_a_module_that_meets_two_models_of_one_name_aliases_one(make_sdk):
    doc = _doc(
        "Meet",
        {
            "/a": {"get": {"responses": _ok({"$ref": "#/components/schemas/Thing"})}},
            "/b/things": {
                "get": {
                    "responses": _ok(
                        {
                            "type": "object",
                            "properties": {"other": {"$ref": "#/components/schemas/Thing"}},
                        }
                    )
                }
            },
        },
        components={
            "schemas": {"Thing": {"type": "object", "properties": {"x": {"type": "integer"}}}}
        },
    )
    config = {
        "resources": {
            "a": {"models": {"Thing": "#/components/schemas/Thing"}, "methods": {"get": "get /a"}},
            "b": {
                "subresources": {"things": {"methods": {"list": "get /b/things"}}},
            },
        }
    }
    sdk = make_sdk(doc, config)
    sdk.mypy()


# --- the client -------------------------------------------------------------------


def _url(client: Any) -> str:
    return str(client.base_url).rstrip("/")


def test_the_client_class_comes_from_the_organization_name(make_sdk):
    sdk = make_sdk(NESTED, {"organization": {"name": "Parsec API"}})
    assert sdk.api.names.client_class == "ParsecAPI"
    assert sdk.api.names.async_client_class == "AsyncParsecAPI"
    assert sdk.api.names.env_prefix == "PARSEC_API"
    assert hasattr(sdk.package, "ParsecAPI")


def test_a_class_name_in_the_config_wins_over_the_organization(make_sdk):
    sdk = make_sdk(
        NESTED,
        {"organization": {"name": "Parsec API"}, "client_settings": {"class_name": "Parsec"}},
    )
    assert sdk.api.names.client_class == "Parsec"


def test_environments_become_the_environment_keyword(make_sdk, monkeypatch):
    sdk = make_sdk(
        NESTED,
        {
            "environments": {
                "production": "https://api.example.com",
                "sandbox": "https://sandbox.example.com",
            }
        },
    )
    env = "NESTED_PATH_BASE_URL"
    monkeypatch.delenv(env, raising=False)
    NestedPath = sdk.package.NestedPath
    assert _url(NestedPath()) == "https://api.example.com"
    assert _url(NestedPath(environment="sandbox")) == "https://sandbox.example.com"
    # The environment variable comes between the environment and base_url.
    monkeypatch.setenv(env, "https://env.example.com")
    assert _url(NestedPath(environment="sandbox")) == "https://env.example.com"
    assert (
        _url(NestedPath(environment="sandbox", base_url="https://mine.example.com"))
        == "https://mine.example.com"
    )
    monkeypatch.delenv(env)
    with pytest.raises(ValueError, match="Unknown environment 'staging'"):
        NestedPath(environment="staging")
    copy = NestedPath().with_options(environment="sandbox")
    assert _url(copy) == "https://sandbox.example.com"
    assert _url(NestedPath(environment="sandbox").with_options(timeout=3)) == (
        "https://sandbox.example.com"
    )
    sdk.mypy()


# --- positional_params from the config --------------------------------------------


def test_the_config_positional_params_replace_the_default(make_sdk):
    config = {
        "resources": {
            "deployments": {
                "methods": {
                    "retrieve": {
                        "type": "http",
                        "endpoint": "get /agents/{agent_id}/deployments/{deployment_id}",
                        "positional_params": ["agent_id", "deployment_id"],
                    }
                }
            }
        }
    }
    sdk = make_sdk(NESTED, config)
    (_, op) = sdk.api.all_operations()[0]
    assert [p.py_name for p in op.positional_params] == ["agent_id", "deployment_id"]
    assert op.keyword_path_params == ()
    seen: list[httpx.Request] = []
    client = sdk.package.NestedPath(http_client=httpx.Client(transport=_recorder(seen)))
    client.deployments.retrieve("a1", "d1")
    assert seen[-1].url.path == "/agents/a1/deployments/d1"
    sdk.mypy()


# --- streaming --------------------------------------------------------------------

STREAMS = _doc(
    "Streamer",
    {
        "/events": {
            "get": {
                "operationId": "listenEvents",
                "tags": ["events"],
                "responses": {
                    "200": {
                        "description": "events",
                        "content": {
                            "text/event-stream": {"schema": {"$ref": "#/components/schemas/Chunk"}}
                        },
                    }
                },
            }
        },
        "/chat": {
            "post": {
                "operationId": "createChat",
                "tags": ["chat"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["prompt"],
                                "properties": {
                                    "prompt": {"type": "string"},
                                    "stream": {"type": "boolean"},
                                },
                            }
                        }
                    },
                },
                "responses": {
                    "200": {
                        "description": "a completion, or its chunks",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Completion"}
                            },
                            "text/event-stream": {"schema": {"$ref": "#/components/schemas/Chunk"}},
                        },
                    }
                },
            }
        },
    },
    components={
        "schemas": {
            "Chunk": {"type": "object", "properties": {"delta": {"type": "string"}}},
            "Completion": {"type": "object", "properties": {"text": {"type": "string"}}},
        }
    },
)

_EVENTS = (
    b'event: message\ndata: {"delta": "a"}\n\n'
    b": keep-alive\n\n"
    b'data: {"delta":\ndata:  "b"}\r\n\r\n'
    b"data: [DONE]\n\n"
    b'data: {"delta": "never"}\n\n'
)


def _sse_server(events: bytes = _EVENTS) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/chat" and not json.loads(request.content).get("stream"):
            return httpx.Response(200, json={"text": "whole"})
        return httpx.Response(200, content=events, headers={"content-type": "text/event-stream"})

    return httpx.MockTransport(handler)


def test_an_event_stream_response_returns_a_stream(make_sdk):
    sdk = make_sdk(STREAMS)
    op = next(op for _, op in sdk.api.all_operations() if op.py_name == "listen")
    assert op.streaming is not None and op.streaming.param is None
    assert "-> Stream[Chunk]:" in sdk.source("resources", "events.py")
    assert "-> AsyncStream[Chunk]:" in sdk.source("resources", "events.py")
    client = sdk.package.Streamer(http_client=httpx.Client(transport=_sse_server()))
    stream = client.events.listen()
    assert isinstance(stream, sdk.package.Stream)
    chunks = list(stream)
    assert [type(c).__name__ for c in chunks] == ["Chunk", "Chunk"]
    assert [c.delta for c in chunks] == ["a", "b"]  # `[DONE]` ends the stream
    assert stream.response.is_closed

    async def main() -> list[str]:
        client = sdk.package.AsyncStreamer(http_client=httpx.AsyncClient(transport=_sse_server()))
        events = await client.events.listen()
        return [c.delta async for c in events]

    import asyncio

    assert asyncio.run(main()) == ["a", "b"]


def test_an_error_event_raises(make_sdk):
    sdk = make_sdk(STREAMS)
    events = b'data: {"delta": "a"}\n\nevent: error\ndata: {"message": "overloaded"}\n\n'
    client = sdk.package.Streamer(http_client=httpx.Client(transport=_sse_server(events)))
    stream = client.events.listen()
    assert next(stream).delta == "a"
    with pytest.raises(sdk.package.APIError, match="overloaded"):
        next(stream)


def test_the_config_on_event_rules_decide_what_each_event_does(make_sdk):
    config = {
        "streaming": {
            "on_event": [
                {"event_type": "ping", "handle": "continue"},
                {"data_starts_with": "[END]", "handle": "done"},
                {"kind": "fallthrough", "handle": "yield"},
            ]
        }
    }
    sdk = make_sdk(STREAMS, config)
    events = (
        b'data: {"delta": "a"}\n\nevent: ping\ndata: {"delta": "p"}\n\n'
        b'data: [DONE]\n\ndata: [END]\n\ndata: {"delta": "z"}\n\n'
    )
    client = sdk.package.Streamer(http_client=httpx.Client(transport=_sse_server(events)))
    # `[DONE]` is not special here: it is yielded as text (not JSON).
    assert [getattr(c, "delta", c) for c in client.events.listen()] == ["a", "[DONE]"]


def test_a_stream_parameter_gives_literal_overloads(make_sdk, tmp_path: Path):
    sdk = make_sdk(STREAMS)
    op = next(op for _, op in sdk.api.all_operations() if op.py_name == "create")
    assert op.streaming is not None and op.streaming.param == "stream"
    source = sdk.source("resources", "chat.py")
    assert "stream: Literal[True]," in source and "stream: Literal[False] | Omit = omit," in source
    assert source.count("@overload") == 6  # three, sync and async

    client = sdk.package.Streamer(http_client=httpx.Client(transport=_sse_server()))
    assert client.chat.create(prompt="p").text == "whole"
    assert [c.delta for c in client.chat.create(prompt="p", stream=True)] == ["a", "b"]
    sdk.mypy()

    from tests.test_sdk_typing import mypy

    user = tmp_path / "user_stream.py"
    user.write_text(
        "from streamer_api import Stream, Streamer\n"
        "from streamer_api.types import Chunk, Completion\n"
        "client = Streamer()\n"
        "a: Completion = client.chat.create(prompt='p')\n"
        "b: Stream[Chunk] = client.chat.create(prompt='p', stream=True)\n"
        "c: Completion = client.chat.create(prompt='p', stream=True)\n"
    )
    result = mypy(str(user), mypy_path=sdk.src)
    errors = [line for line in result.stdout.splitlines() if "error:" in line]
    assert len(errors) == 1 and "user_stream.py:6" in errors[0], result.stdout


def test_the_config_streaming_block_names_the_switch_and_the_event_model(make_sdk):
    doc = _doc(
        "Sessions",
        {
            "/sessions/{id}/act": {
                "post": {
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "input": {"type": "string"},
                                        "streamResponse": {"type": "boolean"},
                                    },
                                }
                            }
                        }
                    },
                    "responses": _ok({"type": "object", "properties": {"ok": {"type": "boolean"}}}),
                }
            },
            "/events": {"get": {"responses": _ok({"$ref": "#/components/schemas/Event"})}},
        },
        components={
            "schemas": {
                "StreamEvent": {"type": "object", "properties": {"type": {"type": "string"}}},
                "Event": {"type": "object", "properties": {"name": {"type": "string"}}},
            }
        },
    )
    config = {
        "resources": {
            "sessions": {
                "models": {"stream_event": "#/components/schemas/StreamEvent"},
                "methods": {
                    "act": {
                        "type": "http",
                        "endpoint": "post /sessions/{id}/act",
                        "streaming": {
                            "param_discriminator": "streamResponse",
                            "stream_event_model": "sessions.stream_event",
                        },
                    }
                },
            },
            "event": {
                "methods": {
                    "list": {
                        "type": "http",
                        "endpoint": "get /events",
                        "streaming": {"param_discriminator": None},
                    }
                }
            },
        }
    }
    sdk = make_sdk(doc, config)
    act = next(op for _, op in sdk.api.all_operations() if op.py_name == "act")
    assert act.streaming is not None and act.streaming.param == "stream_response"
    sessions = sdk.source("resources", "sessions.py")
    assert "stream_response: Literal[True]," in sessions and "-> Stream[StreamEvent]:" in sessions
    assert hasattr(sdk.package.types, "StreamEvent")
    events = sdk.source("resources", "event.py")
    assert "-> Stream[EventListResponse]:" in events  # always streams
    sdk.mypy()


def test_a_scalar_json_result_is_a_named_alias(make_sdk):
    doc = _doc(
        "Scalars",
        {
            "/app/init": {"post": {"responses": _ok({"type": "boolean"})}},
            "/app/mode": {"get": {"responses": _ok({"enum": ["a", "b"]})}},
            "/app/name": {"get": {"responses": _ok({"type": "string"})}},
        },
    )
    methods = {"init": "post /app/init", "mode": "get /app/mode", "name": "get /app/name"}
    sdk = make_sdk(doc, {"resources": {"app": {"methods": methods}}})
    source = sdk.source("resources", "app.py")
    assert "-> AppInitResponse:" in source and "-> AppModeResponse:" in source
    assert sdk.package.types.AppInitResponse is not None
    # A string result is typed `str`, its alias exported all the same.
    assert "-> str:" in source and sdk.package.types.AppNameResponse is not None

    def client(value: Any) -> Any:
        transport = httpx.MockTransport(lambda r: httpx.Response(200, json=value))
        return sdk.package.Scalars(http_client=httpx.Client(transport=transport))

    assert client(True).app.init() is True
    assert client("n").app.name() == "n"  # decoded as JSON, not the raw text
    sdk.mypy()


def test_a_204_with_a_json_schema_is_typed_by_it(make_sdk):
    doc = _doc(
        "Copies",
        {"/files/copy": {"post": {"responses": _ok({"type": "object"}, status="204")}}},
    )
    sdk = make_sdk(doc, {"resources": {"files": {"methods": {"copy": "post /files/copy"}}}})
    assert "-> FileCopyResponse:" in sdk.source("resources", "files.py")
    sdk.mypy()


def test_type_names_spell_acronyms_as_stainless_does():
    from generator import naming

    assert naming.pascal("ai_answer_create_params") == "AIAnswerCreateParams"
    assert naming.pascal("json_get_json_response") == "JsonGetJsonResponse"
    assert naming.pascal("api_key_id") == "APIKeyID"


# --- webhook_unwrap methods -------------------------------------------------------

_EVENT = {"type": "object", "required": ["type"], "properties": {"type": {"type": "string"}}}
HOOKS = _doc(
    "Hooks",
    {
        "/files": {
            "get": {"responses": _ok({"type": "object", "properties": {"id": {"type": "string"}}})}
        }
    },
    components={
        "schemas": {
            "BaseEvent": _EVENT,
            "FileCreateEvent": {
                "type": "object",
                "required": ["type", "name"],
                "properties": {"type": {"const": "file.created"}, "name": {"type": "string"}},
            },
            "FileDeleteEvent": {
                "type": "object",
                "required": ["type"],
                "properties": {"type": {"const": "file.deleted"}, "id": {"type": "string"}},
            },
        }
    },
)
HOOKS_CONFIG = {
    "resources": {
        "files": {"methods": {"list": "get /files"}},
        "webhooks": {
            "models": {
                "BaseEvent": "#/components/schemas/BaseEvent",
                "FileCreateEvent": "#/components/schemas/FileCreateEvent",
                "FileDeleteEvent": "#/components/schemas/FileDeleteEvent",
            },
            "methods": {
                "unwrap": {
                    "type": "webhook_unwrap",
                    "discriminator": "type",
                    "webhook_key_opt": "webhook_secret",
                },
                "unsafe_unwrap": {"type": "webhook_unwrap", "discriminator": "type"},
            },
        },
    }
}


def _signed(
    payload: str, key: str, msg_id: str = "msg_1", when: int | None = None
) -> dict[str, str]:
    import base64
    import hashlib
    import hmac
    import time

    stamp = str(int(time.time()) if when is None else when)
    digest = hmac.new(key.encode(), f"{msg_id}.{stamp}.{payload}".encode(), hashlib.sha256).digest()
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": stamp,
        "webhook-signature": "v1,bogus v1," + base64.b64encode(digest).decode(),
    }


def test_webhook_unwrap_methods_parse_and_verify_payloads(make_sdk):
    sdk = make_sdk(HOOKS, HOOKS_CONFIG)
    source = sdk.source("resources", "webhooks.py")
    assert "def unsafe_unwrap(self, payload: str) -> UnsafeUnwrapWebhookEvent:" in source
    assert "def unwrap(" in source and "-> UnwrapWebhookEvent:" in source
    types = sdk.package.types
    assert types.UnwrapWebhookEvent is not None and types.FileCreateEvent is not None
    client = sdk.package.Hooks()
    payload = '{"type": "file.deleted", "id": "f1"}'
    event = client.webhooks.unsafe_unwrap(payload)
    assert type(event).__name__ == "FileDeleteEvent" and event.id == "f1"
    created = client.webhooks.unwrap(
        '{"type": "file.created", "name": "a"}',
        headers=_signed('{"type": "file.created", "name": "a"}', "whsec_k"),
        key="whsec_k",
    )
    assert type(created).__name__ == "FileCreateEvent" and created.name == "a"
    from importlib import import_module

    error = import_module("hooks_api._webhooks").WebhookVerificationError
    with pytest.raises(error, match="signature"):
        client.webhooks.unwrap(payload, headers=_signed(payload, "other"), key="whsec_k")
    with pytest.raises(error, match="too old"):
        client.webhooks.unwrap(payload, headers=_signed(payload, "k", when=1), key="k")
    with pytest.raises(ValueError, match="without a key"):
        client.webhooks.unwrap(payload, headers=_signed(payload, "k"))
    sdk.mypy()


# --- shared models (`resources.$shared`) --------------------------------------------


SHARED = _doc(
    "Atlas",
    {
        "/maps": {
            "post": {
                "operationId": "createMap",
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["center"],
                                "properties": {
                                    "center": {"$ref": "#/components/schemas/Point"},
                                    "label": {"$ref": "#/components/schemas/Label"},
                                    "filter": {"$ref": "#/components/schemas/Filter"},
                                },
                            }
                        }
                    }
                },
                "responses": _ok(
                    {
                        "type": "object",
                        "properties": {
                            "id": {"type": "string"},
                            "label": {"$ref": "#/components/schemas/Label"},
                        },
                    }
                ),
            }
        },
        # Sends a shared model and gets the same one back: the resource module
        # meets the model and its TypedDict under one name.
        "/labels": {
            "put": {
                "operationId": "putLabel",
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {"label": {"$ref": "#/components/schemas/Label"}},
                            }
                        }
                    }
                },
                "responses": _ok({"$ref": "#/components/schemas/Label"}),
            }
        },
    },
    components={
        "schemas": {
            "Point": {
                "type": "object",
                "required": ["x", "y"],
                "properties": {"x": {"type": "number"}, "y": {"type": "number"}},
            },
            "Label": {"type": "object", "properties": {"name": {"type": "string"}}},
            "Filter": {"type": "object", "properties": {"kind": {"type": "string"}}},
        }
    },
)
SHARED_CONFIG = {
    "resources": {
        "$shared": {
            "models": {
                "Point": "#/components/schemas/Point",
                "Label": "#/components/schemas/Label",
            }
        },
        "maps": {
            "models": {"Filter": "#/components/schemas/Filter"},
            "methods": {"create": "post /maps", "put_label": "put /labels"},
        },
    }
}


def test_shared_models_are_models_in_shared_and_typeddicts_in_shared_params(make_sdk):
    sdk = make_sdk(SHARED, SHARED_CONFIG)
    names = {(m.role, m.module, m.class_name) for m in sdk.api.models}
    # Point is only sent, yet its model is in types/shared as well.
    assert ("response", ("shared", "point"), "Point") in names
    assert ("request", ("shared_params", "point"), "Point") in names
    assert ("response", ("shared", "label"), "Label") in names
    assert ("request", ("shared_params", "label"), "Label") in names
    # A model that is not shared keeps the Param suffix beside its package.
    assert ("request", ("filter_param",), "FilterParam") in names
    assert not any(name == "PointParam" or name == "LabelParam" for _, _, name in names)

    types = sdk.package.types
    shared = importlib.import_module("atlas_api.types.shared")
    params = importlib.import_module("atlas_api.types.shared_params")
    assert types.Point is shared.Point and types.Label is shared.Label
    assert "x" in shared.Point.model_fields
    from typing_extensions import is_typeddict

    assert is_typeddict(params.Point) and is_typeddict(params.Label)
    assert "x: Required[float]" in sdk.source("types", "shared_params", "point.py")
    # `types` re-exports the models, never the TypedDicts of the same names.
    assert not hasattr(types, "PointParam")
    assert types.Point is not params.Point

    resource = sdk.source("resources", "maps.py")
    assert "from ..types.shared_params.point import Point" in resource
    assert "from ..types.shared_params.label import Label" in resource
    assert "from ..types.filter_param import FilterParam" in resource
    seen: list[httpx.Request] = []
    client = sdk.package.Atlas(http_client=httpx.Client(transport=_recorder(seen, {"id": "m"})))
    client.maps.create(center={"x": 1, "y": 2}, label={"name": "home"})
    assert json.loads(seen[0].content) == {"center": {"x": 1, "y": 2}, "label": {"name": "home"}}
    back = client.maps.put_label(label={"name": "home"})
    assert type(back) is shared.Label
    sdk.mypy()


# --- client options the client keeps but sends nowhere -----------------------------


KEPT = _doc(
    "Hooks",
    {"/events": {"get": {"operationId": "listEvents", "responses": _ok({"type": "object"})}}},
)
KEPT_CONFIG = {
    "client_settings": {
        "opts": {
            "webhook_secret": {"type": "string", "read_env": "HOOKS_WEBHOOK_SECRET"},
            "strict": {"type": "boolean", "read_env": "HOOKS_STRICT", "default": False},
            "shard": {"type": "integer", "read_env": "HOOKS_SHARD", "nullable": True},
        }
    },
    "resources": {"events": {"methods": {"list": "get /events"}}},
}


def test_an_option_sent_nowhere_is_a_typed_keyword_kept_on_the_client(make_sdk, monkeypatch):
    for name in ("HOOKS_WEBHOOK_SECRET", "HOOKS_STRICT", "HOOKS_SHARD"):
        monkeypatch.delenv(name, raising=False)
    sdk = make_sdk(KEPT, KEPT_CONFIG)
    assert any("'webhook_secret'" in w and "sends it nowhere" in w for w in sdk.warnings)
    cls = sdk.package.Hooks
    for c in (cls, sdk.package.AsyncHooks):
        params = inspect.signature(c).parameters
        assert {"webhook_secret", "strict", "shard"} <= set(params)
        assert params["webhook_secret"].kind is inspect.Parameter.KEYWORD_ONLY
    assert "webhook_secret: Optional[str] = None" in sdk.source("_client.py")
    assert "shard: Optional[int] = None" in sdk.source("_client.py")
    assert "strict: Optional[bool] = None" in sdk.source("_client.py")

    seen: list[httpx.Request] = []
    http = httpx.Client(transport=_recorder(seen))
    bare = cls(http_client=http)
    assert (bare.webhook_secret, bare.strict, bare.shard) == (None, False, None)

    monkeypatch.setenv("HOOKS_WEBHOOK_SECRET", "whsec-from-env")
    monkeypatch.setenv("HOOKS_STRICT", "true")
    monkeypatch.setenv("HOOKS_SHARD", "7")
    from_env = cls(http_client=http)
    assert (from_env.webhook_secret, from_env.strict, from_env.shard) == ("whsec-from-env", True, 7)

    monkeypatch.setenv("HOOKS_SHARD", "seven")
    with pytest.raises(getattr(sdk.package, sdk.api.names.error_base), match="HOOKS_SHARD"):
        cls(http_client=http)
    monkeypatch.setenv("HOOKS_SHARD", "7")
    client = cls(webhook_secret="whsec-given", strict=False, http_client=http)
    assert client.webhook_secret == "whsec-given" and client.strict is False
    assert client.shard == 7
    copied = client.with_options(shard=3)
    assert (copied.webhook_secret, copied.shard, copied.strict) == ("whsec-given", 3, False)
    assert client.copy(webhook_secret="whsec-new").webhook_secret == "whsec-new"

    client.events.list()
    sent = seen[-1]
    assert "whsec-given" not in str(sent.url) and "whsec-given" not in str(dict(sent.headers))
    assert "whsec-given" not in repr(client)
    # A secret-looking option is redacted wherever the client logs, like a credential.
    assert "whsec-given" in client._secrets()
    assert False not in client._secrets() and 7 not in client._secrets()
    sdk.mypy()


def test_a_kept_option_required_by_nullable_false_and_checked_defaults(make_sdk, monkeypatch):
    from generator.errors import ConfigError

    monkeypatch.delenv("HOOKS_REGION", raising=False)
    config = {
        "client_settings": {
            "opts": {"region": {"type": "string", "read_env": "HOOKS_REGION", "nullable": False}}
        },
        "resources": {"events": {"methods": {"list": "get /events"}}},
    }
    sdk = make_sdk(KEPT, config)
    (kept,) = sdk.api.client_settings.kept_options
    assert (kept.option, kept.required, kept.secret) == ("region", True, False)
    with pytest.raises(getattr(sdk.package, sdk.api.names.error_base), match="HOOKS_REGION"):
        sdk.package.Hooks()
    assert sdk.package.Hooks(region="eu").region == "eu"
    assert "region: str\n" in sdk.source("_client.py")
    sdk.mypy()

    bad = {
        "client_settings": {"opts": {"shard": {"type": "integer", "default": "many"}}},
        "resources": {"events": {"methods": {"list": "get /events"}}},
    }
    with pytest.raises(ConfigError, match="not an integer") as caught:
        make_sdk(KEPT, bad)
    assert caught.value.pointer == "/client_settings/opts/shard/default"
