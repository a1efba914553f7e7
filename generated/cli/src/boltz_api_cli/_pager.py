# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Paging long output on a terminal through ``$PAGER`` (``less -FRX`` by default).

Output is held until it no longer fits on the screen; only then is the
pager started, and everything written so far and after goes to it, so a
short result never starts a process and a long list still streams into the
pager as its pages arrive. Imported only when standard output is a terminal.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
from typing import IO, Any

#: less: quit at once when the text fits one screen (-F), keep colours (-R), leave the text on
#: the screen and do not clear it first (-X).
_LESS_FLAGS = "FRX"


def pager_command() -> list[str] | None:
    """The pager to run (``$PAGER``, else ``less``), or None when paging is switched off."""
    text = os.environ.get("PAGER")
    if text is None:
        return ["less"]
    try:
        words = shlex.split(text)
    except ValueError:
        words = text.split()
    if not words or words == ["cat"]:
        return None
    return words


class Pager:
    """The output of one command on a terminal: written directly, or through the pager."""

    def __init__(self, stream: IO[Any], command: list[str] | None, rows: int, columns: int) -> None:
        self.stream = stream
        self.command = command
        self.rows = rows
        self.columns = max(columns, 1)
        self.held: list[str] = []
        self.used = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.closed = False

    @classmethod
    def for_terminal(cls, stream: IO[Any]) -> Pager | None:
        command = pager_command()
        if command is None:
            return None
        try:
            size = os.get_terminal_size(stream.fileno())
        except (OSError, ValueError, AttributeError):
            return None
        # A terminal that does not know its size (0 x 0) counts as the classic 24 x 80.
        return cls(stream, command, size.lines or 24, size.columns or 80)

    def write(self, text: str) -> bool:
        """Pass ``text`` on; False once the reader has quit the pager."""
        if self.closed:
            return False
        if self.process is None and self.command is not None:
            self.held.append(text)
            self.used += _screen_rows(text, self.columns)
            # One row is the pager's prompt: text that needs all rows does not fit.
            if self.used < self.rows:
                return True
            if not self._start():
                self._flush_held()
                return True
            text = "".join(self.held)
            self.held = []
        if self.process is None:
            _direct(self.stream, text)
            return True
        try:
            assert self.process.stdin is not None
            self.process.stdin.write(text.encode("utf-8", "surrogateescape"))
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            self.closed = True
            return False
        return True

    def _start(self) -> bool:
        assert self.command is not None
        env = dict(os.environ)
        env.setdefault("LESS", _LESS_FLAGS)
        env.setdefault("LV", "-c")  # lv (another common pager): keep colours
        try:
            self.process = subprocess.Popen(self.command, stdin=subprocess.PIPE, env=env)
        except OSError:  # no such pager: print directly rather than fail
            self.command = None
            return False
        return True

    def _flush_held(self) -> None:
        if self.held:
            _direct(self.stream, "".join(self.held))
            self.held = []

    def close(self, *, interrupted: bool = False) -> None:
        """Show what is held, or let the pager finish: the command ends when the reader quits."""
        if self.process is None:
            if not interrupted:
                self._flush_held()
            return
        if self.process.stdin is not None:
            try:
                self.process.stdin.close()
            except OSError:
                pass
        # The pager reads the keyboard until the reader quits; Ctrl-C is its business.
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            self.process.wait()
        finally:
            signal.signal(signal.SIGINT, previous)


def _direct(stream: IO[Any], text: str) -> None:
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        stream.flush()
        buffer.write(text.encode("utf-8", "surrogateescape"))
        buffer.flush()
    else:
        stream.write(text)
        stream.flush()


def _screen_rows(text: str, columns: int) -> int:
    """How many terminal rows ``text`` takes (colour codes take none; long lines wrap)."""
    rows = 0
    for line in text.split("\n")[:-1] if text.endswith("\n") else text.split("\n"):
        width = len(_strip_ansi(line))
        rows += max(1, -(-width // columns))
    return rows


def _strip_ansi(text: str) -> str:
    if "\x1b" not in text:
        return text
    import re

    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)
