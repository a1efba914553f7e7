# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Page types of this API's list methods; iterate one to walk every page."""

from __future__ import annotations

from typing import TypeVar
from typing import cast as _cast

from typing import List, Optional
from ._base_client import AsyncPage, SyncPage
from ._paging import CursorIDPaging

__all__ = ["SyncCursorPage", "AsyncCursorPage"]

_T = TypeVar("_T")


class SyncCursorPage(SyncPage[_T]):
    """One page of a list paginated by `cursor_page` (cursor id style)."""

    _items_field = "data"
    _paging = CursorIDPaging(
        has_more_field="has_more",
        next_cursor_param="after_id",
        next_cursor_field="last_id",
        previous_cursor_param="before_id",
        previous_cursor_field="first_id",
    )

    @property
    def data(self) -> List[_T]:
        """The items on this page."""
        return self._items

    @property
    def has_more(self) -> Optional[bool]:
        return _cast("Optional[bool]", self._raw.get("has_more"))

    @property
    def first_id(self) -> Optional[str]:
        return _cast("Optional[str]", self._raw.get("first_id"))

    @property
    def last_id(self) -> Optional[str]:
        return _cast("Optional[str]", self._raw.get("last_id"))


class AsyncCursorPage(AsyncPage[_T]):
    """One page of a list paginated by `cursor_page` (cursor id style)."""

    _items_field = "data"
    _paging = CursorIDPaging(
        has_more_field="has_more",
        next_cursor_param="after_id",
        next_cursor_field="last_id",
        previous_cursor_param="before_id",
        previous_cursor_field="first_id",
    )

    @property
    def data(self) -> List[_T]:
        """The items on this page."""
        return self._items

    @property
    def has_more(self) -> Optional[bool]:
        return _cast("Optional[bool]", self._raw.get("has_more"))

    @property
    def first_id(self) -> Optional[str]:
        return _cast("Optional[str]", self._raw.get("first_id"))

    @property
    def last_id(self) -> Optional[str]:
        return _cast("Optional[str]", self._raw.get("last_id"))
