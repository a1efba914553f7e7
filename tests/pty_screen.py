"""Run a command in a real pseudo-terminal, send it keys and read its screen back.

The screen is a grid of characters kept up to date from what the program
writes, for the escape sequences a full-screen program and a pager use
(cursor moves, erase in line and display, the alternate screen); colours
and other attributes are dropped. Enough to read what is on the screen;
not a terminal emulator for anything else.
"""

from __future__ import annotations

import os
import re
import select
import signal
import struct
import subprocess
import time
from collections.abc import Sequence

_SEQUENCE = re.compile(
    rb"\x1b(\[[0-9;?>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78DEHMNOc])"
)


class Screen:
    """The visible grid of a terminal ``rows`` x ``columns``."""

    def __init__(self, rows: int, columns: int) -> None:
        self.rows = rows
        self.columns = columns
        self.grid = [[" "] * columns for _ in range(rows)]
        self.saved: list[list[str]] | None = None
        self.row = 0
        self.col = 0
        self.alternate = False
        self.pending = b""

    def feed(self, data: bytes) -> None:
        data = self.pending + data
        self.pending = b""
        i = 0
        text = b""
        while i < len(data):
            byte = data[i : i + 1]
            if byte == b"\x1b":
                match = _SEQUENCE.match(data, i)
                if match is None:
                    if len(data) - i < 16:  # a sequence cut by the read: wait for the rest
                        self.pending = data[i:]
                        break
                    i += 1
                    continue
                self._write(text)
                text = b""
                self._escape(match.group(0))
                i = match.end()
                continue
            text += byte
            i += 1
        self._write(text)

    def _write(self, data: bytes) -> None:
        for char in data.decode("utf-8", "replace"):
            if char == "\r":
                self.col = 0
            elif char == "\n":
                self._down()
            elif char == "\b":
                self.col = max(0, self.col - 1)
            elif char == "\t":
                self.col = min(self.columns - 1, (self.col // 8 + 1) * 8)
            elif char >= " ":
                if self.col >= self.columns:
                    self.col = 0
                    self._down()
                self.grid[self.row][self.col] = char
                self.col += 1

    def _down(self) -> None:
        if self.row == self.rows - 1:
            self.grid.pop(0)
            self.grid.append([" "] * self.columns)
        else:
            self.row += 1

    def _escape(self, seq: bytes) -> None:
        if not seq.startswith(b"\x1b["):
            return
        body = seq[2:-1].decode("ascii")
        final = seq[-1:].decode("ascii")
        if body.startswith("?"):
            if body[1:] in ("1049", "47", "1047") and final in "hl":
                self._alternate(final == "h")
            return
        numbers = [int(n) if n else 0 for n in body.split(";")] if body else []
        first = numbers[0] if numbers else 0
        if final in "Hf":
            self.row = min(self.rows, max(1, first or 1)) - 1
            self.col = min(self.columns, max(1, (numbers[1] if len(numbers) > 1 else 1) or 1)) - 1
        elif final == "K":
            line = self.grid[self.row]
            span = {0: range(self.col, self.columns), 1: range(0, self.col + 1)}.get(
                first, range(self.columns)
            )
            for c in span:
                if c < self.columns:
                    line[c] = " "
        elif final == "J":
            if first == 0:
                self._escape(b"\x1b[K")
                for r in range(self.row + 1, self.rows):
                    self.grid[r] = [" "] * self.columns
            elif first in (2, 3):
                self.grid = [[" "] * self.columns for _ in range(self.rows)]
        elif final == "A":
            self.row = max(0, self.row - (first or 1))
        elif final == "B":
            self.row = min(self.rows - 1, self.row + (first or 1))
        elif final == "C":
            self.col = min(self.columns - 1, self.col + (first or 1))
        elif final == "D":
            self.col = max(0, self.col - (first or 1))
        elif final == "G":
            self.col = min(self.columns, max(1, first or 1)) - 1
        elif final == "d":
            self.row = min(self.rows, max(1, first or 1)) - 1

    def _alternate(self, on: bool) -> None:
        if on and not self.alternate:
            self.saved = self.grid
            self.grid = [[" "] * self.columns for _ in range(self.rows)]
        elif not on and self.alternate and self.saved is not None:
            self.grid = self.saved
        self.alternate = on

    def lines(self) -> list[str]:
        return ["".join(row).rstrip() for row in self.grid]

    def text(self) -> str:
        return "\n".join(self.lines()).rstrip("\n")


class Terminal:
    """A command running in a pseudo-terminal of ``rows`` x ``columns``."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        env: dict[str, str],
        rows: int = 24,
        columns: int = 80,
        stdin_pipe: bytes | None = None,
    ) -> None:
        import fcntl
        import termios

        self.screen = Screen(rows, columns)
        self.output = b""
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        stdin: int = slave
        if stdin_pipe is not None:
            stdin = subprocess.PIPE  # the program reads keys from /dev/tty
        self.process = subprocess.Popen(
            list(argv),
            stdin=stdin,
            stdout=slave,
            stderr=slave,
            env={**env, "TERM": "xterm"},
            start_new_session=True,
            # The pty becomes the child's controlling terminal, so /dev/tty is it.
            preexec_fn=lambda: fcntl.ioctl(1, termios.TIOCSCTTY, 0),
        )
        os.close(slave)
        self.master = master
        if stdin_pipe is not None:
            assert self.process.stdin is not None
            self.process.stdin.write(stdin_pipe)
            self.process.stdin.close()

    def read(self, timeout: float = 0.2) -> None:
        """Take in whatever the program writes within ``timeout`` seconds of quiet."""
        while True:
            ready, _, _ = select.select([self.master], [], [], timeout)
            if not ready:
                return
            try:
                data = os.read(self.master, 65536)
            except OSError:  # the program closed the terminal
                return
            if not data:
                return
            self.output += data
            self.screen.feed(data)

    def wait_for(self, needle: str, timeout: float = 20) -> str:
        """The screen text once ``needle`` is on it (AssertionError after ``timeout``)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.read(0.1)
            if needle in self.screen.text():
                return self.screen.text()
            if self.process.poll() is not None:
                self.read(0.1)
                if needle in self.screen.text():
                    return self.screen.text()
                break
        raise AssertionError(f"{needle!r} never appeared; screen:\n{self.screen.text()}")

    def send(self, keys: str | bytes, expect: str | None = None, settle: float = 0.3) -> str:
        """Type ``keys`` and return the screen once ``expect`` is on it (else after a quiet spell).

        Waiting for what the keys should show, rather than for a fixed time,
        keeps the tests steady on a loaded machine.
        """
        data = keys.encode() if isinstance(keys, str) else keys
        os.write(self.master, data)
        if expect is not None:
            return self.wait_for(expect)
        time.sleep(0.05)
        self.read(settle)
        return self.screen.text()

    def finish(self, timeout: float = 20) -> int:
        """Wait for the program to exit (taking in its last output) and return its exit code."""
        end = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < end:
            self.read(0.1)
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            raise AssertionError(f"still running after {timeout} s; screen:\n{self.screen.text()}")
        self.read(0.1)
        os.close(self.master)
        return self.process.returncode

    def close(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        try:
            os.close(self.master)
        except OSError:
            pass
