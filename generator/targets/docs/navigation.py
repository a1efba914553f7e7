"""An operation page's navigation."""

from __future__ import annotations

from .views import (
    NavDoc,
    ResourceDoc,
)

#: The navigation lists at most this many of the resource's methods, around the page's own.
NAV_METHODS = 15


def nav_doc(group: ResourceDoc, index: int) -> NavDoc:
    """The navigation of ``group.pages[index]``: a window of the resource's methods,
    centred on it where it can be."""
    total = len(group.pages)
    start = max(0, min(index - NAV_METHODS // 2, total - NAV_METHODS))
    end = min(total, start + NAV_METHODS)
    return NavDoc(group, group.pages[start:end], start, total - end)
