"""Error and warning types shared by every stage of the pipeline.

A stage that meets input it cannot use raises :class:`SpecError` (or
:class:`ConfigError`); the command line turns either into exit code 2 and a
short message. Problems the generator can work around are recorded as
:class:`Diagnostic` warnings instead, so nothing is dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def escape_pointer_token(token: str | int) -> str:
    """Escape one reference token of a JSON pointer (RFC 6901)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    """Undo :func:`escape_pointer_token`."""
    return token.replace("~1", "/").replace("~0", "~")


def join_pointer(pointer: str, *tokens: str | int) -> str:
    """Append reference tokens to a JSON pointer."""
    return pointer + "".join("/" + escape_pointer_token(t) for t in tokens)


def split_pointer(pointer: str) -> list[str]:
    """Split a JSON pointer (with or without a leading ``#``) into its tokens."""
    pointer = pointer[1:] if pointer.startswith("#") else pointer
    if not pointer:
        return []
    if not pointer.startswith("/"):
        raise ValueError(f"not a JSON pointer: {pointer!r}")
    return [unescape_pointer_token(t) for t in pointer[1:].split("/")]


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file, a JSON pointer inside it, and a line if known."""

    file: str
    pointer: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where} ({'#' + self.pointer})" if self.pointer else where


@dataclass(frozen=True)
class Diagnostic:
    """A warning: something the generator could not express exactly."""

    message: str
    file: str
    pointer: str = ""
    line: int | None = None

    @property
    def location(self) -> Location:
        return Location(self.file, self.pointer, self.line)

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class GeneratorError(Exception):
    """Base class of the errors the command line reports without a traceback."""

    def __init__(self, message: str, *, file: str = "", pointer: str = "", line: int | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.pointer = pointer
        self.line = line

    def with_location(
        self, *, file: str | None = None, pointer: str | None = None, line: int | None = None
    ) -> GeneratorError:
        """Fill in location details that were not known where the error was raised."""
        if file is not None and not self.file:
            self.file = file
        if pointer is not None and not self.pointer:
            self.pointer = pointer
        if line is not None and self.line is None:
            self.line = line
        return self

    def __str__(self) -> str:
        if not self.file:
            return self.message
        return f"{Location(self.file, self.pointer, self.line)}: {self.message}"


class SpecError(GeneratorError):
    """The OpenAPI document cannot be read or used."""


class ConfigError(GeneratorError):
    """The generator config cannot be read or contradicts the document."""


class StrictModeError(GeneratorError):
    """Warnings were raised while ``--strict`` was on."""


@dataclass
class Diagnostics:
    """Collects warnings across the stages of one run."""

    items: list[Diagnostic] = field(default_factory=list)
    #: What the run accepted but did not act on, or did beyond the document
    #: (config keys not used, transforms applied): printed, never an error.
    notes: list[Diagnostic] = field(default_factory=list)

    def warn(self, message: str, *, file: str, pointer: str = "", line: int | None = None) -> None:
        self.items.append(Diagnostic(message, file, pointer, line))

    def __len__(self) -> int:
        return len(self.items)
