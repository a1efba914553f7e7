# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Pagination styles: how to ask for the page after this one.

Each generated page class (``pagination.py``) holds one of these, configured
with the names of its request parameters and response fields.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Dict, Optional

from ._types import Omit

__all__ = [
    "Paging",
    "CursorIDPaging",
    "CursorPaging",
    "OffsetPaging",
    "PageNumberPaging",
    "CursorURLPaging",
]


class Paging:
    """The fields every style shares. (Plain classes, not dataclasses: they cost import time.)"""

    def __init__(self, *, has_more_field: Optional[str] = None) -> None:
        #: Response field that says whether more items follow (``False`` stops the walk).
        self.has_more_field = has_more_field

    def next_query(
        self, items: Sequence[Any], raw: Mapping[str, Any], query: Mapping[str, object]
    ) -> Optional[Dict[str, object]]:
        """Query parameters for the next page, or ``None`` when this page is the last."""
        raise NotImplementedError

    def _more(self, items: Sequence[Any], raw: Mapping[str, Any]) -> bool:
        if not items:
            return False
        return self.has_more_field is None or raw.get(self.has_more_field) is not False


def _given(value: object) -> bool:
    return value is not None and not isinstance(value, Omit) and value != ""


def _item_id(item: Any) -> Optional[object]:
    if isinstance(item, Mapping):
        return item.get("id")
    return getattr(item, "id", None)


class CursorIDPaging(Paging):
    """``after=<last id>`` for the next page; ``before=<first id>`` when the caller paged backwards."""

    def __init__(
        self,
        *,
        has_more_field: Optional[str] = None,
        next_cursor_param: Optional[str] = None,
        next_cursor_field: Optional[str] = None,
        previous_cursor_param: Optional[str] = None,
        previous_cursor_field: Optional[str] = None,
    ) -> None:
        super().__init__(has_more_field=has_more_field)
        self.next_cursor_param = next_cursor_param
        self.next_cursor_field = next_cursor_field
        self.previous_cursor_param = previous_cursor_param
        self.previous_cursor_field = previous_cursor_field

    def next_query(
        self, items: Sequence[Any], raw: Mapping[str, Any], query: Mapping[str, object]
    ) -> Optional[Dict[str, object]]:
        if not self._more(items, raw):
            return None
        if self.previous_cursor_param is not None and _given(query.get(self.previous_cursor_param)):
            cursor = raw.get(self.previous_cursor_field) if self.previous_cursor_field else None
            if not _given(cursor):
                cursor = _item_id(items[0])
            return {self.previous_cursor_param: cursor} if _given(cursor) else None
        if self.next_cursor_param is None:
            return None
        cursor = raw.get(self.next_cursor_field) if self.next_cursor_field else None
        if not _given(cursor):
            cursor = _item_id(items[-1])
        return {self.next_cursor_param: cursor} if _given(cursor) else None


class CursorPaging(Paging):
    """An opaque cursor from the response is sent back as a parameter."""

    def __init__(
        self,
        *,
        has_more_field: Optional[str] = None,
        next_cursor_param: Optional[str] = None,
        next_cursor_field: Optional[str] = None,
    ) -> None:
        super().__init__(has_more_field=has_more_field)
        self.next_cursor_param = next_cursor_param
        self.next_cursor_field = next_cursor_field

    def next_query(
        self, items: Sequence[Any], raw: Mapping[str, Any], query: Mapping[str, object]
    ) -> Optional[Dict[str, object]]:
        if (
            not self._more(items, raw)
            or self.next_cursor_param is None
            or self.next_cursor_field is None
        ):
            return None
        cursor = raw.get(self.next_cursor_field)
        return {self.next_cursor_param: cursor} if _given(cursor) else None


class OffsetPaging(Paging):
    """The offset advances by the number of items received."""

    def __init__(
        self, *, has_more_field: Optional[str] = None, offset_param: Optional[str] = None
    ) -> None:
        super().__init__(has_more_field=has_more_field)
        self.offset_param = offset_param

    def next_query(
        self, items: Sequence[Any], raw: Mapping[str, Any], query: Mapping[str, object]
    ) -> Optional[Dict[str, object]]:
        if not self._more(items, raw) or self.offset_param is None:
            return None
        current = query.get(self.offset_param)
        start = current if isinstance(current, int) and not isinstance(current, bool) else 0
        return {self.offset_param: start + len(items)}


class PageNumberPaging(Paging):
    """The page number advances by one."""

    def __init__(
        self, *, has_more_field: Optional[str] = None, page_param: Optional[str] = None
    ) -> None:
        super().__init__(has_more_field=has_more_field)
        self.page_param = page_param

    def next_query(
        self, items: Sequence[Any], raw: Mapping[str, Any], query: Mapping[str, object]
    ) -> Optional[Dict[str, object]]:
        if not self._more(items, raw) or self.page_param is None:
            return None
        current = query.get(self.page_param)
        page = current if isinstance(current, int) and not isinstance(current, bool) else 1
        return {self.page_param: page + 1}


class CursorURLPaging(Paging):
    """The response holds the next page's URL; its query is the next request's.

    Only the query is taken: the next page is asked for at the same path, so
    the URL cannot send the request (and its credentials) to another host."""

    def __init__(
        self, *, has_more_field: Optional[str] = None, next_url_field: Optional[str] = None
    ) -> None:
        super().__init__(has_more_field=has_more_field)
        self.next_url_field = next_url_field

    def next_query(
        self, items: Sequence[Any], raw: Mapping[str, Any], query: Mapping[str, object]
    ) -> Optional[Dict[str, object]]:
        if not self._more(items, raw) or self.next_url_field is None:
            return None
        url = raw.get(self.next_url_field)
        if not isinstance(url, str) or not url:
            return None
        from urllib.parse import parse_qsl, urlsplit

        pairs = parse_qsl(urlsplit(url).query, keep_blank_values=True)
        if not pairs:
            return None
        merged: Dict[str, object] = {}
        for key, value in pairs:
            previous = merged.get(key)
            if previous is None:
                merged[key] = value
            elif isinstance(previous, list):
                previous.append(value)
            else:
                merged[key] = [previous, value]
        return merged
