# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Where a file the API sends back goes: never raw onto a terminal.

- ``--output PATH``: saved there (inside it, under the server's name, when
  PATH is a folder);
- stdout a terminal and no ``--output``: saved in the current folder under
  the name from ``Content-Disposition``, made safe (no folders, no leading
  dots, no control characters), or refused when the server sent no name;
- stdout piped or redirected: streamed to it as it arrives.

An existing file is replaced only with ``--force``. The bytes go to a
temporary file beside the target, renamed into place once complete.
"""

from __future__ import annotations

import os
import sys
from typing import IO, Any

#: Exit code when the file cannot be saved where asked (a usage problem).
EXIT_USAGE = 2


class Target:
    """What ``--output`` and ``--force`` asked for."""

    def __init__(self, output: str | None, force: bool) -> None:
        self.output = output
        self.force = force


class SaveError(Exception):
    """The response cannot be saved as asked; the message says what to do instead."""


def check_before_sending(target: Target | None) -> str | None:
    """A problem with ``--output`` that is known before anything is sent, else ``None``."""
    if target is None or not target.output:
        return None
    path = os.path.expanduser(target.output)
    if os.path.isdir(path):
        return None
    if os.path.exists(path) and not target.force:
        return f"{target.output!r} exists; pass --force to replace it"
    parent = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(parent):
        return f"the folder {os.path.dirname(target.output) or '.'!r} does not exist"
    return None


def deliver(response: Any, target: Target | None, stream: IO[Any]) -> int:
    """Save or stream a binary response body; the exit code."""
    name = disposition_filename(response.headers.get("content-disposition", ""))
    output = target.output if target is not None else None
    force = bool(target and target.force)
    if not output and not _is_terminal(stream):
        _stream(response, stream)
        return 0
    try:
        path = _choose(output, name, offered=target is not None)
        size = _save(response, path, force)
    except SaveError as exc:
        sys.stderr.write(f"Error: {exc}\n")
        return EXIT_USAGE
    sys.stderr.write(f"Saved {size:,} bytes to {path}\n")
    return 0


def _is_terminal(stream: IO[Any]) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _stream(response: Any, stream: IO[Any]) -> None:
    buffer = getattr(stream, "buffer", stream)
    for chunk in response.chunks():
        buffer.write(chunk)
    buffer.flush()


def _choose(output: str | None, name: str | None, *, offered: bool) -> str:
    if output:
        path = os.path.expanduser(output)
        if not os.path.isdir(path):
            return path
        if name is None:
            raise SaveError(
                f"--output {output!r} is a folder and the response names no file "
                "(no Content-Disposition filename); give a file path instead"
            )
        return os.path.join(path, name)
    if name is None:
        instead = "redirect or pipe the output"
        if offered:
            instead = "pass --output PATH, or " + instead
        raise SaveError(f"the response is a file and stdout is a terminal: {instead}")
    return name


def _save(response: Any, path: str, force: bool) -> int:
    if os.path.exists(path) and not force:
        raise SaveError(f"{path!r} exists; pass --force to replace it")
    folder = os.path.dirname(os.path.abspath(path))
    import tempfile

    try:
        fd, temp = tempfile.mkstemp(prefix=".download-", dir=folder)
    except OSError as exc:
        raise SaveError(f"cannot write in {folder!r}: {exc.strerror or exc}") from None
    size = 0
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in response.chunks():
                handle.write(chunk)
                size += len(chunk)
        if force:
            os.replace(temp, path)
        else:
            # A file created meanwhile is not replaced either.
            os.link(temp, path)
            os.unlink(temp)
    except FileExistsError:
        os.unlink(temp)
        raise SaveError(f"{path!r} exists; pass --force to replace it") from None
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
    return size


def disposition_filename(header: str) -> str | None:
    """The file name a ``Content-Disposition`` header gives, made safe, or ``None``.

    ``filename*`` (RFC 6266 / 5987, percent-encoded) wins over ``filename``.
    Only the last path component is kept, so the name can never leave the
    folder it is saved in.
    """
    plain: str | None = None
    extended: str | None = None
    for key, value in _parameters(header):
        if key == "filename*":
            charset, _, rest = value.partition("'")
            _, _, encoded = rest.partition("'")
            from urllib.parse import unquote

            try:
                extended = unquote(encoded, encoding=charset or "utf-8", errors="strict")
            except (LookupError, UnicodeDecodeError):
                continue
        elif key == "filename":
            plain = value
    return safe_name(extended if extended is not None else plain)


def _parameters(header: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    i, n = header.find(";"), len(header)
    if i < 0:
        return out
    while i < n:
        i += 1
        eq = header.find("=", i)
        if eq < 0:
            break
        key = header[i:eq].strip().lower()
        i = eq + 1
        while i < n and header[i] == " ":
            i += 1
        if i < n and header[i] == '"':
            i += 1
            chars: list[str] = []
            while i < n and header[i] != '"':
                if header[i] == "\\" and i + 1 < n:
                    i += 1
                chars.append(header[i])
                i += 1
            value = "".join(chars)
            i = header.find(";", i)
            if i < 0:
                i = n
        else:
            end = header.find(";", i)
            end = n if end < 0 else end
            value = header[i:end].strip()
            i = end
        out.append((key, value))
    return out


def safe_name(name: str | None) -> str | None:
    """``name`` reduced to a plain file name in the current folder, or ``None``."""
    if not name:
        return None
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '<>:"|?*')
    name = name.strip().lstrip(".").strip()
    if not name or name in (".", ".."):
        return None
    return name[:255]
