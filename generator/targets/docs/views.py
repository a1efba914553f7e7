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
    #: In Python's view, an object's fields in words (``object { id, name }``) beside its
    #: class name, shown while it is folded.
    preview: str = ""


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
class Lang:
    """One language of the site: every page exists once per language, under its key."""

    #: The folder of its pages (``docs/cli/``, ``docs/html/cli/``).
    key: str
    label: str


#: The languages of the generated clients, in the switcher's order.
LANGS = (Lang("cli", "CLI"), Lang("python", "Python"), Lang("http", "HTTP"))


@dataclass(frozen=True)
class ParamGroup:
    """Parameters under one heading: HTTP lists path, query, header and body apart."""

    heading: str
    fields: tuple[FieldDoc, ...]


@dataclass(frozen=True)
class ResponseExample:
    """One tab of "Returns Examples": a documented status and its example body."""

    status: str
    description: str
    json: str


@dataclass(frozen=True)
class LangView:
    """What an operation's page shows in one language."""

    lang: Lang
    #: How this language calls the operation, and the Pygments lexer of that text.
    signature: str
    signature_lexer: str
    params: tuple[ParamGroup, ...]
    returns: ReturnsDoc
    example: str
    example_lexer: str


@dataclass(frozen=True)
class PageDoc:
    """Everything one operation's page shows, in every language."""

    resource: Resource
    op: Operation
    #: The page's path under a language's folder, without extension
    #: (``admin/api-keys/create``: ``docs/cli/admin/api-keys/create.md``,
    #: ``docs/html/python/admin/api-keys/create.html``).
    stem: str
    #: ``stem`` as a URL relative to a language's folder, with ``.html``.
    href: str
    title: str
    cli_command: str
    verb: str
    #: The CLI's flags and the response in words (the reference page's view).
    params: tuple[FieldDoc, ...]
    returns: ReturnsDoc
    cli_example: str
    python_example: str
    curl_example: str
    response_example: str | None
    #: The other languages' views (CLI's is made from the fields above).
    python_call: str
    python_params: tuple[FieldDoc, ...]
    python_returns: ReturnsDoc
    http_params: tuple[ParamGroup, ...]
    http_returns: ReturnsDoc
    responses: tuple[ResponseExample, ...]

    def md_path(self, lang: str) -> str:
        """The Markdown page's path under ``docs/``."""
        return f"{lang}/{self.stem}.md"

    def html_path(self, lang: str) -> str:
        """The HTML page's path under ``docs/``."""
        return f"html/{lang}/{self.stem}.html"

    @property
    def root(self) -> str:
        """The way from this page back up to its language's folder."""
        return _up(self.stem)

    def view(self, lang: Lang) -> LangView:
        if lang.key == "python":
            return LangView(
                lang,
                f"{self.python_call}(...) -> {self.python_returns.name or 'None'}",
                # One line with nothing to tell apart: not worth a lexer run per page.
                "",
                (ParamGroup("", self.python_params),) if self.python_params else (),
                self.python_returns,
                self.python_example,
                "python",
            )
        if lang.key == "http":
            return LangView(
                lang,
                f"{self.verb} {self.op.path}",
                "",
                self.http_params,
                self.http_returns,
                self.curl_example,
                "sh",
            )
        return LangView(
            lang,
            f"$ {self.cli_command}",
            "console",
            (ParamGroup("", self.params),) if self.params else (),
            self.returns,
            self.cli_example,
            "sh",
        )


@dataclass(frozen=True)
class TypeDoc:
    """The page of a model used in more than one place: its fields, listed once."""

    model: Model
    name: str
    #: The page's path under a language's folder, without extension (``types/user``).
    stem: str
    href: str
    type_words: str
    description: str | None
    fields: tuple[FieldDoc, ...]

    def md_path(self, lang: str) -> str:
        return f"{lang}/{self.stem}.md"

    def html_path(self, lang: str) -> str:
        return f"html/{lang}/{self.stem}.html"

    @property
    def root(self) -> str:
        return _up(self.stem)


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
    #: The shared types' pages, by name: in words (CLI and HTTP) and in Python's names.
    types: tuple[TypeDoc, ...]
    python_types: tuple[TypeDoc, ...] = ()


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
