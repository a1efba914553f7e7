# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""How each pagination style finds the next page; ``pagination.py`` names the fields."""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional

from ._base_client import RequestOptions

__all__ = ["CursorIDPaging", "CursorPaging", "OffsetPaging", "PageNumberPaging"]


class _Paging:
    _items_field: str = "data"
    _has_more_field: Optional[str] = None
    _next_cursor_field: Optional[str] = None
    _next_cursor_param: Optional[str] = None
    _previous_cursor_field: Optional[str] = None
    _previous_cursor_param: Optional[str] = None
    _page_size_param: Optional[str] = None
    _offset_param: Optional[str] = None
    _page_param: Optional[str] = None
    _items: List[Any]
    _raw: Mapping[str, Any]
    _options: RequestOptions

    def _more_reported(self) -> bool:
        """False only when the server says there is nothing more."""
        if self._has_more_field is None:
            return True
        return self._raw.get(self._has_more_field) is not False


def _item_id(item: Any) -> Optional[object]:
    if isinstance(item, Mapping):
        return item.get("id")
    return getattr(item, "id", None)


class CursorIDPaging(_Paging):
    """``after_id=<last id>`` for the next page; ``before_id=<first id>`` when paging backwards."""

    def next_page_query(self) -> Optional[Dict[str, object]]:
        if not self._items or not self._more_reported():
            return None
        previous = (
            self._options.query.get(self._previous_cursor_param)
            if self._previous_cursor_param
            else None
        )
        if (
            self._previous_cursor_param is not None
            and previous is not None
            and not _is_not_given(previous)
        ):
            first = (
                self._raw.get(self._previous_cursor_field) if self._previous_cursor_field else None
            )
            cursor = first if first is not None else _item_id(self._items[0])
            return None if cursor is None else {self._previous_cursor_param: cursor}
        if self._next_cursor_param is None:
            return None
        last = self._raw.get(self._next_cursor_field) if self._next_cursor_field else None
        cursor = last if last is not None else _item_id(self._items[-1])
        return None if cursor is None else {self._next_cursor_param: cursor}


class CursorPaging(_Paging):
    """An opaque cursor from the response is sent back as a parameter."""

    def next_page_query(self) -> Optional[Dict[str, object]]:
        if not self._items or not self._more_reported() or self._next_cursor_param is None:
            return None
        cursor = self._raw.get(self._next_cursor_field) if self._next_cursor_field else None
        if cursor in (None, ""):
            return None
        return {self._next_cursor_param: cursor}


class OffsetPaging(_Paging):
    """``offset`` advances by the number of items received."""

    def next_page_query(self) -> Optional[Dict[str, object]]:
        if not self._items or not self._more_reported() or self._offset_param is None:
            return None
        current = self._options.query.get(self._offset_param)
        start = current if isinstance(current, int) else 0
        return {self._offset_param: start + len(self._items)}


class PageNumberPaging(_Paging):
    """``page`` advances by one."""

    def next_page_query(self) -> Optional[Dict[str, object]]:
        if not self._items or not self._more_reported() or self._page_param is None:
            return None
        current = self._options.query.get(self._page_param)
        page = current if isinstance(current, int) else 1
        return {self._page_param: page + 1}


def _is_not_given(value: object) -> bool:
    from ._types import NotGiven

    return isinstance(value, NotGiven)
