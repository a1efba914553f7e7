"""The same templates on another document: the pet store fixture's generated SDK.

Nothing in the SDK is specific to the Boltz API; this drives the snapshot of
``tests/fixtures/petstore`` (bearer auth, server variables, array query
parameters, header parameters, a top-level array response, an empty 204
response, nested request objects) through a mock transport.
"""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timezone

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
