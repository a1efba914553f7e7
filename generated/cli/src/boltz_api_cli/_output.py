# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Printing results: the formats, colour, ``--transform`` and ``--raw-output``.

Formats:
  auto    indented JSON, coloured only when writing to a terminal (and NO_COLOR is unset)
  json    indented JSON, never coloured
  jsonl   one compact JSON value per line
  pretty  a human-readable outline (keys and values, nested by indentation)
  raw     the JSON text as the server sent it (compact for list items and transforms)
  yaml    YAML; list items are separate documents
  explore an interactive viewer on a terminal (``._explore``); plain ``json`` elsewhere

On a terminal, output longer than the screen goes through a pager (``._pager``);
:func:`terminal_output` decides both around one command's output.
"""

from __future__ import annotations

import json
import os
import sys
from typing import IO, Any

from ._values import InputError

#: ANSI colours by JSON token kind.
_KEY = "\x1b[1;34m"
_STRING = "\x1b[32m"
_NUMBER = "\x1b[36m"
_LITERAL = "\x1b[33m"
_NULL = "\x1b[2m"
_RESET = "\x1b[0m"

#: Set (to anything but 0, false or no) to never page output; so does ``--no-pager``.
NO_PAGER_ENV = "BOLTZ_NO_PAGER"

#: Where this command's standard output goes when it is a pager or the explore viewer.
_session: Any = None


def use_colour(stream: IO[Any]) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def check_transform(path: str, flag: str) -> None:
    """Fail before anything is sent when ``path`` is not valid GJSON syntax."""
    from gjson import GJSONError
    from gjson._gjson import GJSONObj

    if not path:
        raise InputError(f"{flag} needs a GJSON path, such as key_details.id")
    parse = getattr(GJSONObj({}, path), "_parse", None)
    if parse is None:  # another gjson release: the path is checked when it is used
        return
    try:
        parts = parse(start=0, end=len(path) - 1)
    except GJSONError as exc:
        raise InputError(f"{flag}: invalid GJSON path: {str(exc).splitlines()[0]}") from None
    known = GJSONObj.builtin_modifiers()
    for part in parts:
        name = getattr(part, "name", None)
        if type(part).__name__ == "ModifierQueryPart" and name not in known:
            raise InputError(
                f"{flag}: unknown GJSON modifier @{name} (known: {', '.join(sorted(known))})"
            )


_MISSING = object()


def transform(value: Any, path: str | None) -> Any:
    """``value`` narrowed by the GJSON ``path``; ``None`` (printed as null) when nothing matches."""
    if not path:
        return value
    import gjson

    try:
        return gjson.get(value, path)
    except gjson.GJSONError:
        return None


class Printer:
    """Writes one value (a response, or one item of a list) at a time to ``stream``."""

    def __init__(
        self,
        fmt: str,
        *,
        transform_path: str | None = None,
        raw_output: bool = False,
        stream: IO[Any] | None = None,
    ) -> None:
        self.stream = stream if stream is not None else sys.stdout
        self.fmt = fmt
        self.transform_path = transform_path
        self.raw_output = raw_output
        self.colour = fmt in ("auto", "pretty") and use_colour(self.stream)
        self.count = 0

    def value(self, value: Any, raw_text: str | None = None) -> None:
        """Print one value; ``raw_text`` is the server's own text for it, when known."""
        if self.transform_path:
            value = transform(value, self.transform_path)
            raw_text = None
        if self.fmt == "explore" and _session is not None and _session.collects(self.stream):
            _session.values.append(value)
            self.count += 1
            return
        self.write(self.render(value, raw_text))
        self.count += 1

    def render(self, value: Any, raw_text: str | None) -> str:
        if self.raw_output and isinstance(value, str):
            return value + "\n"
        fmt = self.fmt
        if fmt == "raw":
            text = raw_text if raw_text is not None else _compact(value)
            return text if text.endswith("\n") else text + "\n"
        if fmt == "jsonl":
            return _compact(value) + "\n"
        if fmt == "yaml":
            return ("---\n" if self.count else "") + _yaml(value)
        if fmt == "pretty":
            return "\n".join(_outline(value, self.colour)) + "\n"
        if self.colour:
            return _coloured_json(value, 0) + "\n"
        return json.dumps(value, indent=2, ensure_ascii=False) + "\n"

    def write(self, text: str) -> None:
        write(self.stream, text)


def write(stream: IO[Any], text: str) -> None:
    """Write ``text`` as UTF-8 whatever the locale, and flush (items appear as they arrive)."""
    if _session is not None and _session.pages(stream):
        _session.write(text)
        return
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        stream.flush()
        buffer.write(text.encode("utf-8", "surrogateescape"))
        buffer.flush()
    else:
        stream.write(text)
        stream.flush()


def write_bytes(stream: IO[Any], data: bytes) -> None:
    if _session is not None and _session.pages(stream):
        _session.write(data.decode("utf-8", "replace"))
        return
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:
        stream.write(data.decode("utf-8", "replace"))


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _yaml(value: Any) -> str:
    import yaml

    text: str = yaml.safe_dump(value, sort_keys=False, allow_unicode=True, default_flow_style=False)
    if text.endswith("\n...\n"):
        text = text[: -len("...\n")]
    return text


def _paint(text: str, colour: str, on: bool) -> str:
    return f"{colour}{text}{_RESET}" if on else text


def _scalar_colour(value: Any) -> str:
    if value is None:
        return _NULL
    if isinstance(value, bool):
        return _LITERAL
    if isinstance(value, (int, float)):
        return _NUMBER
    return _STRING


def _coloured_json(value: Any, depth: int) -> str:
    pad = "  " * (depth + 1)
    end = "  " * depth
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [
            f"{pad}{_paint(json.dumps(str(k), ensure_ascii=False), _KEY, True)}: "
            f"{_coloured_json(v, depth + 1)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + end + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        return (
            "[\n" + ",\n".join(pad + _coloured_json(v, depth + 1) for v in value) + "\n" + end + "]"
        )
    return _paint(json.dumps(value, ensure_ascii=False), _scalar_colour(value), True)


def _pretty_scalar(value: Any, colour: bool) -> str:
    if value is None:
        text = "null"
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (int, float)):
        text = json.dumps(value)
    else:
        text = str(value)
        if text == "" or text != text.strip() or "\n" in text:
            text = json.dumps(text, ensure_ascii=False)
    return _paint(text, _scalar_colour(value), colour)


def _outline(value: Any, colour: bool, depth: int = 0) -> list[str]:
    """Lines of the human-readable view: ``key  value``, nested values indented under their key."""
    pad = "  " * depth
    if isinstance(value, dict):
        if not value:
            return [pad + "(empty)"]
        width = max(len(str(k)) for k in value)
        lines: list[str] = []
        for key, item in value.items():
            label = _paint(str(key), _KEY, colour)
            if _is_leaf(item):
                gap = " " * (width - len(str(key)) + 2)
                lines.append(f"{pad}{label}{gap}{_leaf(item, colour)}")
            else:
                lines.append(f"{pad}{label}")
                lines.extend(_outline(item, colour, depth + 1))
        return lines
    if isinstance(value, list):
        if not value:
            return [pad + "(none)"]
        lines = []
        for item in value:
            if _is_leaf(item):
                lines.append(f"{pad}- {_leaf(item, colour)}")
            else:
                nested = _outline(item, colour, depth + 1)
                lines.append(f"{pad}- " + nested[0].lstrip())
                lines.extend(nested[1:])
        return lines
    return [pad + _pretty_scalar(value, colour)]


def _is_leaf(value: Any) -> bool:
    if isinstance(value, list):
        return all(not isinstance(v, (dict, list)) for v in value)
    return not isinstance(value, dict)


def _leaf(value: Any, colour: bool) -> str:
    if isinstance(value, list):
        return ", ".join(_pretty_scalar(v, colour) for v in value) if value else "(none)"
    return _pretty_scalar(value, colour)


# --- the terminal: pager and explore viewer ---------------------------------------------


class OutputClosed(Exception):
    """The reader quit the pager: the rest of the output is not wanted."""


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")


class TerminalOutput:
    """Around one command's output: explore or page it when stdout is a terminal.

    ``with TerminalOutput(fmt, ...) as fmt:`` yields the format to print with
    (``explore`` becomes ``json`` when there is no terminal to explore on).
    Nothing of the pager or the viewer is imported unless they are used.
    """

    def __init__(self, fmt: str, *, listing: bool, no_pager: bool) -> None:
        self.stream = sys.stdout
        self.fmt = fmt
        self.listing = listing
        self.values: list[Any] = []
        self.pager: Any = None
        self.exploring = False
        tty = _isatty(self.stream)
        if fmt == "explore":
            self.exploring = tty and _explore_available()
            if not self.exploring:
                self.fmt = "json"
        if tty and not self.exploring and not no_pager and not _env_flag(NO_PAGER_ENV):
            from ._pager import Pager

            self.pager = Pager.for_terminal(self.stream)

    def collects(self, stream: IO[Any]) -> bool:
        return self.exploring and stream is self.stream

    def pages(self, stream: IO[Any]) -> bool:
        return self.pager is not None and stream is self.stream

    def write(self, text: str) -> None:
        if not self.pager.write(text):
            raise OutputClosed

    def __enter__(self) -> str:
        global _session
        if self.exploring or self.pager is not None:
            _session = self
        return self.fmt

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> bool:
        global _session
        _session = None
        if self.pager is not None:
            self.pager.close(interrupted=kind is KeyboardInterrupt)
        if kind is None and self.exploring and self.values:
            from ._explore import explore

            doc = self.values if self.listing or len(self.values) > 1 else self.values[0]
            for chosen in explore(doc):  # the reader pressed p: print that value
                Printer("auto", stream=self.stream).value(chosen)
        return kind is OutputClosed


def _isatty(stream: IO[Any]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _explore_available() -> bool:
    """The viewer needs a POSIX terminal to read keys from (termios)."""
    try:
        import termios  # noqa: F401
    except ImportError:
        return False
    if _isatty(sys.stdin):
        return True
    try:  # stdin is the request body: keys come from the terminal itself
        os.close(os.open("/dev/tty", os.O_RDONLY))
    except OSError:
        return False
    return True
