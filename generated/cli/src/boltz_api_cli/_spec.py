# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""What a resource module says about its operations: plain data, no behaviour.

Each module under ``commands/`` lists its operations as :class:`Operation`
objects; :mod:`._commands` turns them into click commands on demand.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

#: Values of ``--format`` and ``--format-error`` (see :mod:`._output`).
FORMATS = ("auto", "json", "jsonl", "pretty", "raw", "yaml")


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
        "choices",
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
        choices: Sequence[str] = (),
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
        self.choices = tuple(choices)
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
        #: ``json``, ``text``, ``binary``, ``empty`` or ``sse``.
        self.response = response
        #: Client options of the credentials that can authenticate this call.
        self.security = security
        self.deprecated = deprecated
