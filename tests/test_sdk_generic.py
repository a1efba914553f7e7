"""The same templates on another document: the pet store fixture's generated SDK.

Nothing in the SDK is specific to the Boltz API; this drives the snapshot of
``tests/fixtures/petstore`` (bearer auth, server variables, array query
parameters, header parameters, a top-level array response, an empty 204
response, nested request objects) through a mock transport.
"""

from __future__ import annotations

import asyncio
import json
from datetime import date, datetime, timezone

import httpx
import pytest

from tests.sdk_support import load_petstore, record_delays


def pet(pet_id=1, **fields):
    return {"id": pet_id, "name": "Rex", "status": "available", "photo_urls": [], **fields}


@pytest.fixture
def petstore():
    return load_petstore()


def client_for(petstore, handler, **options):
    client = petstore.PetStore(
        api_key="tok", http_client=httpx.Client(transport=httpx.MockTransport(handler)), **options
    )
    record_delays(client)
    return client


def test_defaults_come_from_the_document(petstore, monkeypatch):
    monkeypatch.delenv("PET_STORE_API_KEY", raising=False)
    assert petstore.DEFAULT_BASE_URL == "https://eu.petstore.example.com/v2"
    with pytest.raises(petstore.PetStoreError, match="PET_STORE_API_KEY"):
        petstore.PetStore()
    monkeypatch.setenv("PET_STORE_API_KEY", "env-token")
    assert petstore.PetStore().api_key == "env-token"


def test_list_with_array_query_header_and_bearer_auth(petstore):
    seen = []

    def handler(request):
        seen.append(request)
        return httpx.Response(200, json=[pet(1), pet(2, status="adopted", owner={"name": "Ann"})])

    client = client_for(petstore, handler)
    pets = client.pets.list(status=["available", "sold"], limit=5, x_request_id="req-1")
    request = seen[0]
    assert request.url.path == "/v2/pets"
    assert request.url.params.get_list("status") == ["available", "sold"]
    assert request.url.params["limit"] == "5"
    assert request.headers["x-request-id"] == "req-1"
    assert request.headers["authorization"] == "Bearer tok"
    Pet = petstore.types.Pet
    assert [type(p) for p in pets] == [Pet, Pet]
    assert pets[1].status == "adopted"  # an unknown enum value inside a list alias
    assert pets[1].owner is not None and pets[1].owner.name == "Ann"


def test_nested_request_bodies_and_datetimes(petstore):
    seen = []

    def handler(request):
        seen.append(request)
        if request.url.path.endswith("/orders"):
            return httpx.Response(
                200, json={"id": 9, "status": "placed", "shipping": {"carrier": "ups"}}
            )
        return httpx.Response(201, json=pet(3, name="Bo"))

    client = client_for(petstore, handler)
    created = client.pets.create(name="Bo", owner={"name": "Ann", "address": {"city": "Oslo"}})
    assert json.loads(seen[0].content) == {
        "name": "Bo",
        "owner": {"name": "Ann", "address": {"city": "Oslo"}},
    }
    assert created.id == 3 and created.name == "Bo"
    order = client.store.place_order(
        pet_id=3,
        quantity=1,
        ship_date=datetime(2026, 5, 1, 12, 0, tzinfo=timezone.utc),
        shipping={"address": {"line1": "1 Road", "country": "NO"}},
    )
    assert json.loads(seen[1].content) == {
        "pet_id": 3,
        "quantity": 1,
        "ship_date": "2026-05-01T12:00:00+00:00",
        "shipping": {"address": {"line1": "1 Road", "country": "NO"}},
    }
    assert order.shipping is not None and order.shipping.carrier == "ups"


def test_path_header_parameters_and_empty_responses(petstore):
    seen = []

    def handler(request):
        seen.append(request)
        if request.method == "DELETE":
            return httpx.Response(204)
        return httpx.Response(200, json=pet(7))

    client = client_for(petstore, handler)
    assert client.pets.get_by_id(7).id == 7
    assert client.pets.delete(7, api_key="del-key") is None
    assert [r.url.path for r in seen] == ["/v2/pets/7", "/v2/pets/7"]
    assert seen[1].headers["api_key"] == "del-key"
    raw = client.pets.with_raw_response.delete(7)
    assert raw.status_code == 204 and raw.parse() is None


def test_errors_and_retries_are_the_same_runtime(petstore):
    answers = [httpx.Response(503, json={"code": 1, "message": "busy"}), httpx.Response(404)]

    client = client_for(petstore, lambda request: answers.pop(0))
    with pytest.raises(petstore.NotFoundError):
        client.pets.get_by_id(1)
    assert len(client.delays) == 1 and answers == []


def test_async_petstore(petstore):
    async def handler(request):
        return httpx.Response(200, json=[pet(1)])

    async def main():
        client = petstore.AsyncPetStore(
            api_key="tok", http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler))
        )
        async with client:
            return await client.pets.list()

    pets = asyncio.run(main())
    assert pets[0].name == "Rex"


# --- a document full of edge cases (tests/fixtures/sdk_edge_cases) ---------------------


@pytest.fixture(scope="module")
def edge(tmp_path_factory):
    """The SDK generated from tests/fixtures/sdk_edge_cases, imported as ``edge_cases_api``."""
    import sys

    from generator.errors import Diagnostics
    from generator.pipeline import Inputs, generate
    from generator.writer import write_tree
    from tests.sdk_support import ROOT

    out = tmp_path_factory.mktemp("edge")
    spec = ROOT / "tests" / "fixtures" / "sdk_edge_cases" / "openapi.yaml"
    write_tree(out, generate(Inputs(spec), Diagnostics()))
    sys.path.insert(0, str(out / "sdk" / "src"))
    import edge_cases_api  # noqa: F401  (fails here, not in each test, if it does not import)

    yield out / "sdk" / "src"
    sys.path.remove(str(out / "sdk" / "src"))


def edge_handler(seen):
    def handler(request):
        seen.append(request)
        path = request.url.path
        if path == "/api/widgets" and request.method == "GET":
            widget = {
                "name": "w",
                "id": "1",
                "created": "2026-01-01T00:00:00Z",
                "class": "c",
                "json": True,
                "color": "purple",  # not in the enum
                "shape": {"kind": "circle", "radius": 2},
            }
            return httpx.Response(200, json={"items": [widget], "total": 1})
        if path == "/api/widgets":
            return httpx.Response(
                201, json={"name": "w", "id": "2", "created": "2026-01-01T00:00:00Z"}
            )
        if path.startswith("/api/widgets/"):
            return httpx.Response(200, json={"kind": "square", "side": 1.5})
        if path == "/api/bulk":
            return httpx.Response(200, json=[1, 2])
        if path == "/api/files":
            return httpx.Response(200, text="stored")
        if path.endswith("/download"):
            return httpx.Response(200, content=b"\x00\x01")
        if path == "/api/forms":
            return httpx.Response(204)
        if path == "/api/tree":
            return httpx.Response(
                200, json={"value": 1, "children": [{"value": 2}], "parent": None}
            )
        return httpx.Response(404)

    return handler


def test_edge_case_sdk_passes_mypy_strict(edge):
    from tests.test_sdk_typing import mypy

    result = mypy(str(edge / "edge_cases_api"), mypy_path=edge)
    assert result.returncode == 0, result.stdout + result.stderr


def test_edge_case_parameters_on_the_wire(edge):
    import edge_cases_api

    seen: list[httpx.Request] = []
    client = edge_cases_api.EdgeCases(
        api_key="hk",
        query_key="qk",
        default_headers={"X-Trace-Id": "default"},
        http_client=httpx.Client(transport=httpx.MockTransport(edge_handler(seen))),
    )
    listing = client.widgets.list(
        tag=["a", "b"], filter={"color": "red", "size": 2}, ids=[1, 2], session="s1", offset=0
    )
    request = seen[-1]
    assert request.url.params.get_list("tag") == ["a", "b"]  # repeated
    assert (
        request.url.params["filter[color]"] == "red" and request.url.params["filter[size]"] == "2"
    )
    assert request.url.params["ids"] == "1,2"  # explode: false
    assert request.headers["cookie"] == "session=s1" and request.headers["x-key"] == "hk"
    assert request.headers["x-trace-id"] == "default"
    widget = listing.items[0]
    assert widget.class_ == "c" and widget.json_ is True and widget.color == "purple"
    assert type(widget.shape).__name__ == "Circle"

    client.widgets.list(x_trace_id="mine")
    assert "cookie" not in seen[-1].headers  # an omitted cookie is not sent
    assert seen[-1].headers["x-trace-id"] == "mine"

    client.widgets.create(
        name="n", class_="k", from_date=date(2026, 1, 2), shape={"kind": "circle", "radius": 1.0}
    )
    assert json.loads(seen[-1].content) == {
        "name": "n",
        "class": "k",
        "from-date": "2026-01-02",
        "shape": {"kind": "circle", "radius": 1.0},
    }
    part = client.widgets.get_part(7, widget_id="w 1/2")
    assert seen[-1].url.raw_path == b"/api/widgets/w%201%2F2/parts/7"
    assert type(part).__name__ == "Square" and part.side == 1.5

    assert client.bulk.replace(body=[{"name": "a"}]) == [1, 2]
    assert seen[-1].method == "PUT" and seen[-1].content == b'[{"name":"a"}]'

    assert client.files.upload(file=("a.txt", b"hello", "text/plain"), note="n") == "stored"
    upload = seen[-1]
    assert upload.headers["content-type"].startswith("multipart/form-data; boundary=")
    body = upload.read()
    assert b'filename="a.txt"' in body and b'name="note"' in body
    assert "x-key" not in upload.headers  # the operation has `security: []`

    assert client.files.download("f1") == b"\x00\x01"
    assert client.forms.submit(a="x", b=["1", "2"]) is None
    assert seen[-1].content == b"a=x&b=1&b=2"
    assert seen[-1].headers["content-type"] == "application/x-www-form-urlencoded"

    tree = client.tree.get()
    assert tree.children is not None and tree.children[0].value == 2
    assert seen[-1].url.params["key"] == "qk" and "x-key" not in seen[-1].headers


def test_edge_case_async_client(edge):
    import edge_cases_api

    seen: list[httpx.Request] = []

    async def main():
        client = edge_cases_api.AsyncEdgeCases(
            api_key="hk",
            query_key="qk",
            http_client=httpx.AsyncClient(transport=httpx.MockTransport(edge_handler(seen))),
        )
        async with client:
            return await client.files.download("x"), await client.tree.get()

    data, tree = asyncio.run(main())
    assert data == b"\x00\x01" and tree.value == 1
