"""What the docs pages show: view objects built from the model, rendered by the templates."""

from __future__ import annotations

from dataclasses import dataclass

from ...model import (
    Model,
    Operation,
    Resource,
)


@dataclass(frozen=True)
class Constraint:
    """One validation rule or note shown under a field, e.g. ``minLength 1``."""

    label: str
    value: str = ""

    @property
    def text(self) -> str:
        return f"{self.label} {self.value}" if self.value else self.label


@dataclass(frozen=True)
class FieldDoc:
    """A parameter (``--allowed-ip``) or a response field (``key_details``)."""

    name: str
    type_words: str
    #: Shown for parameters only; the reference pages never mark response fields.
    optional: bool
    description: str | None
    constraints: tuple[Constraint, ...]
    children: tuple[FieldDoc, ...] = ()
    #: The page of this field's type (a :class:`TypeDoc`), when its fields are listed
    #: there rather than here: the path under ``docs/`` without its extension.
    link: str = ""
    #: That type's name, the link's text.
    link_name: str = ""


@dataclass(frozen=True)
class ReturnsDoc:
    #: The response type as the reference pages name it (``AdminAPIKeyNewResponse``);
    #: empty when the operation returns no body.
    name: str
    type_words: str
    fields: tuple[FieldDoc, ...]
    #: A sentence about the body when it is not a plain JSON value (empty, binary...).
    note: str
    #: How a paginated list pages, in words; empty otherwise.
    pagination: str
    #: As for :class:`FieldDoc`: the type's own page, when its fields are listed there.
    link: str = ""
    link_name: str = ""


def _up(path: str) -> str:
    """The way from the folder of ``path`` back up to the folder it is relative to."""
    return "../" * path.count("/")


@dataclass(frozen=True)
class PageDoc:
    """Everything one operation's page shows."""

    resource: Resource
    op: Operation
    #: Paths under ``docs/``: the Markdown page and the HTML page.
    md_path: str
    html_path: str
    #: ``html_path`` as a URL relative to ``docs/html/``.
    href: str
    title: str
    cli_command: str
    verb: str
    params: tuple[FieldDoc, ...]
    returns: ReturnsDoc
    cli_example: str
    python_example: str
    curl_example: str
    response_example: str | None

    @property
    def root(self) -> str:
        """The way from this HTML page back up to ``docs/html/``."""
        return _up(self.html_path.removeprefix("html/"))

    @property
    def md_root(self) -> str:
        """The way from this Markdown page back up to ``docs/``."""
        return _up(self.md_path)


@dataclass(frozen=True)
class TypeDoc:
    """The page of a model used in more than one place: its fields, listed once."""

    model: Model
    name: str
    #: Paths under ``docs/``, as for :class:`PageDoc`.
    md_path: str
    html_path: str
    href: str
    type_words: str
    description: str | None
    fields: tuple[FieldDoc, ...]

    @property
    def root(self) -> str:
        return _up(self.html_path.removeprefix("html/"))

    @property
    def md_root(self) -> str:
        return _up(self.md_path)


@dataclass(frozen=True)
class ResourceDoc:
    resource: Resource
    #: Fragment id of the resource's section in ``html/index.html``.
    anchor: str
    pages: tuple[PageDoc, ...]


@dataclass(frozen=True)
class NavDoc:
    """An operation page's navigation: its resource and the methods around it."""

    group: ResourceDoc
    #: At most :data:`NAV_METHODS` of the resource's pages, the current one among them.
    pages: tuple[PageDoc, ...]
    #: How many of the resource's methods come before and after those shown.
    before: int
    after: int


@dataclass(frozen=True)
class SiteDoc:
    groups: tuple[ResourceDoc, ...]
    #: The shared types' pages, by name.
    types: tuple[TypeDoc, ...]


#: Fragment id of the types' section in ``html/index.html`` (resource ids start ``resource-``).
TYPES_ANCHOR = "types"


@dataclass(frozen=True)
class AuthDoc:
    """How a request authenticates, for the index pages."""

    #: What it is, e.g. ``API key in the header``.
    kind: str
    #: The header, query parameter or cookie name, when there is one.
    name: str
    env_var: str
    cli_flag: str
