# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Page types of this API's list methods; iterate one to walk every page."""

from __future__ import annotations

from typing import TypeVar

from ._base_client import AsyncPage, SyncPage
from ._paging import CursorIDPaging

__all__ = ["SyncCursorIDPage", "AsyncCursorIDPage"]

_T = TypeVar("_T")


class SyncCursorIDPage(CursorIDPaging, SyncPage[_T]):
    _items_field = "data"
    _has_more_field = "has_more"
    _next_cursor_field = "last_id"
    _next_cursor_param = "after_id"
    _previous_cursor_field = "first_id"
    _previous_cursor_param = "before_id"
    _page_size_param = "limit"


class AsyncCursorIDPage(CursorIDPaging, AsyncPage[_T]):
    _items_field = "data"
    _has_more_field = "has_more"
    _next_cursor_field = "last_id"
    _next_cursor_param = "after_id"
    _previous_cursor_field = "first_id"
    _previous_cursor_param = "before_id"
    _page_size_param = "limit"
