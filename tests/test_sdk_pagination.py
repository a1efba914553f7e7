"""Cursor pagination: iterating a list walks every page, sync and async."""

from __future__ import annotations

import asyncio
import itertools

import httpx
import pytest

from tests.sdk_support import api_key_item, json_response, make_async_client, mock_client


def newest_first(api_server):
    return [k["id"] for k in reversed(api_server.keys)]


def test_iterating_a_list_walks_every_page(sdk, api_server):
    api_server.seed(7)
    from boltz_api.types.admin import APIKeyListResponse

    keys = list(sdk.admin.api_keys.list(limit=2))
    assert [k.id for k in keys] == newest_first(api_server)
    assert all(isinstance(k, APIKeyListResponse) for k in keys)
    queries = [r.query for r in api_server.requests]
    assert queries == [
        {"limit": ["2"]},
        {"limit": ["2"], "after_id": ["key_000006"]},
        {"limit": ["2"], "after_id": ["key_000004"]},
        {"limit": ["2"], "after_id": ["key_000002"]},
    ]


def test_page_objects(sdk, api_server):
    api_server.seed(5)
    page = sdk.admin.api_keys.list(limit=2)
    assert [k.id for k in page.data] == ["key_000005", "key_000004"]
    assert page.has_more is True and page.first_id == "key_000005" and page.last_id == "key_000004"
    assert page.has_next_page() and len(page.data) == 2 and bool(page)
    second = page.get_next_page()
    assert [k.id for k in second.data] == ["key_000003", "key_000002"]
    assert type(second) is type(page)
    pages = list(page.iter_pages())
    assert [len(p.data) for p in pages] == [2, 2, 1]
    last = pages[-1]
    assert last.has_more is False and not last.has_next_page()
    with pytest.raises(RuntimeError, match="has_next_page"):
        last.get_next_page()
    assert page.to_dict()["data"][0]["id"] == "key_000005"
    assert "SyncCursorPage" in repr(page)


def test_paging_backwards_uses_before_id(sdk, api_server):
    api_server.seed(6)
    page = sdk.admin.api_keys.list(limit=2, before_id="key_000001")
    assert [k.id for k in page.data] == ["key_000003", "key_000002"]
    rest = list(page)
    assert [k.id for k in rest] == [
        "key_000003",
        "key_000002",
        "key_000005",
        "key_000004",
        "key_000006",
    ]
    assert api_server.requests[1].query == {"limit": ["2"], "before_id": ["key_000003"]}


def test_empty_list(sdk, api_server):
    page = sdk.admin.api_keys.list()
    assert page.data == [] and not page.has_next_page() and list(page) == []


def test_filters_are_kept_on_every_page(sdk, api_server):
    api_server.seed(3, workspace_id="ws_a")
    api_server.seed(3, workspace_id="ws_b")
    keys = list(sdk.admin.api_keys.list(limit=1, workspace_id="ws_a", extra_query={"x": "1"}))
    assert len(keys) == 3 and {k.workspace_id for k in keys} == {"ws_a"}
    assert all(
        r.query["workspace_id"] == ["ws_a"] and r.query["x"] == ["1"] for r in api_server.requests
    )


def test_a_cursor_that_does_not_move_stops_the_walk():
    """A buggy server that always answers has_more with the same cursor must not loop forever."""
    calls = []

    def handler(request):
        calls.append(request)
        return json_response(
            {"data": [api_key_item("k1")], "first_id": "k1", "last_id": "k1", "has_more": True}
        )

    client = mock_client(handler)
    keys = list(itertools.islice(client.admin.api_keys.list(), 10))
    assert [k.id for k in keys] == ["k1", "k1"] and len(calls) == 2


def test_missing_cursor_fields_fall_back_to_item_ids():
    answers = [
        {"data": [api_key_item("a"), api_key_item("b")], "has_more": True},
        {"data": [api_key_item("c")], "has_more": None},
        {"data": [], "has_more": None},
    ]
    seen = []

    def handler(request):
        seen.append(dict(request.url.params))
        return json_response(answers[len(seen) - 1])

    client = mock_client(handler)
    assert [k.id for k in client.admin.api_keys.list()] == ["a", "b", "c"]
    assert seen == [{}, {"after_id": "b"}, {"after_id": "c"}]


def test_raw_and_streamed_list_responses_parse_to_pages(sdk, api_server):
    api_server.seed(3)
    raw = sdk.admin.api_keys.with_raw_response.list(limit=2)
    assert raw.status_code == 200 and raw.headers["content-type"] == "application/json"
    page = raw.parse()
    assert [k.id for k in page] == ["key_000003", "key_000002", "key_000001"]
    with sdk.admin.api_keys.with_streaming_response.list(limit=5) as response:
        assert response.status_code == 200
        assert [k.id for k in response.parse().data] == ["key_000003", "key_000002", "key_000001"]
    assert response.is_closed


def test_async_pagination(api_server):
    api_server.seed(5)

    async def main():
        async with make_async_client(api_server.base_url) as client:
            items = [k.id async for k in client.admin.api_keys.list(limit=2)]
            first = await client.admin.api_keys.list(limit=2)
            pages = [p async for p in first.iter_pages()]
            second = await first.get_next_page()
            raw = await client.admin.api_keys.with_raw_response.list(limit=4)
            parsed = await raw.parse()
            return items, first, pages, second, parsed

    items, first, pages, second, parsed = asyncio.run(main())
    assert items == ["key_000005", "key_000004", "key_000003", "key_000002", "key_000001"]
    assert type(first).__name__ == "AsyncCursorPage" and first.has_more is True
    assert [len(p.data) for p in pages] == [2, 2, 1]
    assert [k.id for k in second.data] == ["key_000003", "key_000002"]
    assert [k.id for k in parsed.data] == items[:4]


def test_item_models_are_built_once_per_page():
    """Pages hand out the same item objects on every access (no re-parsing)."""

    def handler(request):
        return json_response({"data": [api_key_item("a")], "has_more": False})

    page = mock_client(handler).admin.api_keys.list()
    assert page.data[0] is page.data[0] is next(iter(page))
    assert isinstance(page.data, list) and not isinstance(page.data[0], httpx.Response)
