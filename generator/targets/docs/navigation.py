"""An operation page's navigation."""

from __future__ import annotations

from ... import escape
from .views import (
    NavDoc,
    PageDoc,
    ResourceDoc,
)

#: The navigation lists at most this many of the resource's methods, around the page's own.
NAV_METHODS = 15
#: The sidebar lists at most this many resources, around the page's own, so that its
#: size stays the same however many resources the API has; the index lists them all.
NAV_RESOURCES = 15


def nav_doc(group: ResourceDoc, index: int) -> NavDoc:
    """The navigation of ``group.pages[index]``: a window of the resource's methods,
    centred on it where it can be."""
    total = len(group.pages)
    start = max(0, min(index - NAV_METHODS // 2, total - NAV_METHODS))
    end = min(total, start + NAV_METHODS)
    return NavDoc(group, group.pages[start:end], start, total - end)


class Sidebar:
    """The sidebar of a language's pages: every resource, folded to a link, but the
    current one, which lists the methods around the page's own (:func:`nav_doc`). An
    API of more than :data:`NAV_RESOURCES` resources shows that many around the page's
    own and links the index for the others, as for methods.

    The folded links before and after a resource are the same on each of its pages,
    so they are written once per resource and folder depth, not once per page.
    """

    def __init__(
        self,
        groups: tuple[ResourceDoc, ...],
        types_anchor: str,
        has_types: bool,
        python: bool = False,
    ) -> None:
        self.groups = groups
        #: Methods are named as the language names them (``create`` / ``list_all``).
        self.python = python
        self.types_anchor = types_anchor
        self.has_types = has_types
        self._folded: dict[tuple[int, str], tuple[str, str]] = {}
        self._numbers = {id(g): i for i, g in enumerate(groups)}
        self._items: dict[tuple[int, str], tuple[str, str]] = {}

    def _link(self, group: ResourceDoc, lroot: str) -> str:
        name = escape.html_text(group.resource.cli_path)
        return f'<li><a href="{lroot}index.html#{group.anchor}">{name}</a></li>\n'

    def _around(self, number: int, lroot: str) -> tuple[str, str]:
        key = (number, lroot)
        known = self._folded.get(key)
        if known is None:
            total = len(self.groups)
            start = max(0, min(number - NAV_RESOURCES // 2, total - NAV_RESOURCES))
            end = min(total, start + NAV_RESOURCES)
            more = f'<li><a class="more" href="{lroot}index.html">'
            before = f"{more}{start} more resources</a></li>\n" if start else ""
            before += "".join(self._link(g, lroot) for g in self.groups[start:number])
            after = "".join(self._link(g, lroot) for g in self.groups[number + 1 : end])
            if end < total:
                after += f"{more}{total - end} more resources</a></li>\n"
            if self.has_types:
                after += f'<li><a href="{lroot}index.html#{self.types_anchor}">Types</a></li>\n'
            known = self._folded[key] = (before, after)
        return known

    def html(self, lroot: str, nav: NavDoc | None = None, page: PageDoc | None = None) -> str:
        """The sidebar's list, ``lroot`` leading from the page to its language's folder."""
        if nav is None:
            before, after = self._around(len(self.groups), lroot)
            return f"<ul>\n{before}{after}</ul>\n"
        number = self._numbers[id(nav.group)]
        before, after = self._around(number, lroot)
        group = nav.group
        more = f'<li><a class="more" href="{lroot}index.html#{group.anchor}">'
        items = [
            f'<li class="open"><a href="{lroot}index.html#{group.anchor}">'
            f"{escape.html_text(group.resource.cli_path)}</a>\n<ul>\n"
        ]
        if nav.before:
            items.append(f"{more}{nav.before} earlier</a></li>\n")
        for p in nav.pages:
            item = self._items.get((id(p), lroot))
            if item is None:
                name = p.op.py_name if self.python else p.op.cli_name
                item = self._items[(id(p), lroot)] = (
                    f'<li><a href="{lroot}{p.href}"',
                    f'><span class="verb verb-{p.op.http_method}">{p.verb}</span> '
                    f"{escape.html_text(name)}</a></li>\n",
                )
            items.append(item[0] + (' aria-current="page"' if p is page else "") + item[1])
        if nav.after:
            items.append(f"{more}{nav.after} more</a></li>\n")
        items.append("</ul></li>\n")
        return f"<ul>\n{before}{''.join(items)}{after}</ul>\n"
