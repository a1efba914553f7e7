# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""What a resource module says about its operations: plain data, no behaviour.

Each module under ``commands/`` lists its operations as :class:`Operation`
objects; :mod:`._commands` turns them into click commands on demand.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

#: Values of ``--format`` and ``--format-error`` (see :mod:`._output`).
FORMATS = ("auto", "json", "jsonl", "pretty", "raw", "yaml", "explore")


class Param:
    """One input of an operation: a flag, and for path parameters also a positional argument.

    ``where`` is ``path``, ``query``, ``header``, ``cookie``, ``body`` (a field
    of a JSON/form/multipart body) or ``body:whole`` (the entire body).
    ``kind`` says how one value is read from the command line: ``string``,
    ``integer``, ``number``, ``boolean``, ``enum``, ``json`` (JSON or YAML
    text) or ``file`` (a path whose bytes are sent).
    """

    __slots__ = (
        "flag",
        "wire",
        "where",
        "kind",
        "required",
        "multiple",
        "positional",
        "metavar",
        "help",
        "schema",
        "deprecated",
        "arg",
        "style",
    )

    def __init__(
        self,
        flag: str,
        wire: str,
        where: str,
        kind: str,
        *,
        required: bool = False,
        multiple: bool = False,
        positional: bool = False,
        metavar: str = "",
        help: str = "",
        schema: dict[str, Any] | None = None,
        deprecated: bool = False,
        arg: str = "",
        style: tuple[str, bool] | None = None,
    ) -> None:
        self.flag = flag
        self.wire = wire
        self.where = where
        self.kind = kind
        self.required = required
        self.multiple = multiple
        self.positional = positional
        self.metavar = metavar
        self.help = help
        self.schema: dict[str, Any] = schema if schema is not None else {"type": "any"}
        self.deprecated = deprecated
        #: The positional argument's name in usage lines (path parameters).
        self.arg = arg
        #: Query serialisation (style, explode) when it is not the default form/explode.
        self.style = style

    @property
    def label(self) -> str:
        """How errors name this input: ``'--name'``."""
        return f"'--{self.flag}'"


class Operation:
    """One API call and the command that makes it."""

    __slots__ = (
        "name",
        "method",
        "path",
        "help",
        "short_help",
        "params",
        "body",
        "page",
        "paging",
        "response",
        "security",
        "deprecated",
    )

    def __init__(
        self,
        name: str,
        method: str,
        path: str,
        *,
        help: str = "",
        short_help: str = "",
        params: Sequence[Param] = (),
        body: dict[str, Any] | None = None,
        page: str | None = None,
        paging: dict[str, Any] | None = None,
        response: str = "json",
        security: tuple[str, ...] = (),
        deprecated: bool = False,
    ) -> None:
        self.name = name
        self.method = method
        self.path = path
        self.help = help
        self.short_help = short_help
        self.params = tuple(params)
        #: ``{"encoding", "content_type", "whole", "required"}`` or ``None``.
        self.body = body
        #: Page class name in the SDK's ``pagination`` module (without ``Sync``).
        self.page = page
        #: How to ask for the next page: style, items field and cursor names (see ``._http``).
        self.paging = paging
        #: ``json``, ``text``, ``binary``, ``empty`` or ``sse``.
        self.response = response
        #: Client options of the credentials that can authenticate this call.
        self.security = security
        self.deprecated = deprecated


def choice_text(value: Any) -> str:
    """How an enum value is typed on the command line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return str(value)


def resolve(schema: dict[str, Any], models: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """Follow ``{"ref": id}`` links to the schema they name."""
    seen = 0
    while "ref" in schema and seen < 64:
        nullable = schema.get("nullable", False)
        schema = models.get(schema["ref"], {"type": "any"})
        if nullable and not schema.get("nullable"):
            schema = {**schema, "nullable": True}
        seen += 1
    return schema


class Schemas(Mapping[str, dict[str, Any]]):
    """The named schemas flags refer to (``{"ref": id}``), from :mod:`._schemas`.

    They are kept as JSON text and parsed one at a time when a command first
    needs one, so a large API's types cost nothing at start-up.
    """

    def __init__(self) -> None:
        self._texts: Mapping[str, str] | None = None
        self._parsed: dict[str, dict[str, Any]] = {}

    def _all(self) -> Mapping[str, str]:
        if self._texts is None:
            from ._schemas import SCHEMAS as texts

            self._texts = texts
        return self._texts

    def __getitem__(self, key: str) -> dict[str, Any]:
        found = self._parsed.get(key)
        if found is None:
            import json

            found = self._parsed[key] = json.loads(self._all()[key])
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


#: Every named schema of the API.
SCHEMAS = Schemas()
