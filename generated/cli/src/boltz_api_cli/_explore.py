# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""``--format explore``: a JSON result as a folding tree in the terminal.

Keys: up/down or k/j move; right or l unfolds (again: to the first child);
left or h folds (again: to the parent); Enter or space toggles; e unfolds
everything under the cursor; g/G or Home/End jump; PgUp/PgDn (Ctrl-B/Ctrl-F)
scroll a screen; r toggles the raw JSON text (same place); p leaves and
prints the value under the cursor; q, Esc or Ctrl-C leave.

Plain termios and ANSI escapes (no curses): the screen is redrawn whole on
each key with cursor-home, clear-to-end-of-line and SGR codes only. Imported
only when the viewer opens, so no other command pays for it.
"""

from __future__ import annotations

import json
import os
import select
import sys
from typing import Any

from ._output import _KEY, _NULL, _RESET, _scalar_colour, use_colour

_ALT_ON = "\x1b[?1049h\x1b[?25l"
_ALT_OFF = "\x1b[?25h\x1b[?1049l"
_REVERSE = "\x1b[7m"
_DIM = _NULL

Step = str | int
Segment = tuple[str, str]


class Node:
    """One value of the document; its children are built when it is first unfolded."""

    __slots__ = ("value", "step", "depth", "parent", "open", "_children")

    def __init__(self, value: Any, step: Step | None, depth: int, parent: Node | None) -> None:
        self.value = value
        self.step = step
        self.depth = depth
        self.parent = parent
        self.open = False
        self._children: list[Node] | None = None

    @property
    def foldable(self) -> bool:
        return isinstance(self.value, (dict, list)) and bool(self.value)

    def children(self) -> list[Node]:
        if self._children is None:
            items: Any = (
                self.value.items() if isinstance(self.value, dict) else enumerate(self.value)
            )
            self._children = [Node(v, k, self.depth + 1, self) for k, v in items]
        return self._children

    def steps(self) -> tuple[Step, ...]:
        out: list[Step] = []
        node: Node | None = self
        while node is not None and node.step is not None:
            out.append(node.step)
            node = node.parent
        return tuple(reversed(out))


def path_text(steps: tuple[Step, ...]) -> str:
    """``$.key_details.allowed_ips[0]`` (keys that are not plain names in brackets)."""
    out = "$"
    for step in steps:
        if isinstance(step, int):
            out += f"[{step}]"
        elif step.isidentifier():
            out += f".{step}"
        else:
            out += f"[{json.dumps(step, ensure_ascii=False)}]"
    return out


def _count(value: Any) -> str:
    n = len(value)
    if isinstance(value, dict):
        return f"{n} key" if n == 1 else f"{n} keys"
    return f"{n} item" if n == 1 else f"{n} items"


class Viewer:
    """The state of the viewer (what is unfolded, where the cursor is) and its keys."""

    def __init__(self, doc: Any, *, colour: bool, unicode: bool) -> None:
        self.root = Node(doc, None, 0, None)
        self.root.open = True
        for child in self.root.children() if self.root.foldable else ():
            # Small documents start unfolded one level deeper.
            child.open = child.foldable and len(self.root.children()) <= 3
        self.colour = colour
        self.marks = ("\u25be ", "\u25b8 ") if unicode else ("- ", "+ ")
        self.cursor = 0
        self.top = 0
        self.raw = False
        self.raw_lines: list[tuple[list[Segment], tuple[Step, ...]]] = []
        self.rows: list[Node] = []
        self.refresh()

    # --- the tree -------------------------------------------------------------------

    def refresh(self) -> None:
        rows: list[Node] = []
        stack = [self.root]
        while stack:
            node = stack.pop()
            rows.append(node)
            if node.open and node.foldable:
                stack.extend(reversed(node.children()))
        self.rows = rows
        self.cursor = max(0, min(self.cursor, len(rows) - 1))

    def current(self) -> Node:
        return self.rows[self.cursor]

    def reveal(self, steps: tuple[Step, ...]) -> None:
        """Unfold the way to the value at ``steps`` and put the cursor on it."""
        node = self.root
        for step in steps:
            node.open = True
            match = [c for c in node.children() if c.step == step]
            if not match:
                break
            node = match[0]
        self.refresh()
        self.cursor = self.rows.index(node) if node in self.rows else 0

    def tree_row(self, node: Node) -> list[Segment]:
        segs: list[Segment] = [("  " * node.depth, "")]
        if node.foldable:
            segs.append((self.marks[0] if node.open else self.marks[1], ""))
        else:
            segs.append(("  ", ""))
        if isinstance(node.step, str):
            segs += [(node.step, _KEY), (": ", "")]
        elif isinstance(node.step, int):
            segs += [(f"[{node.step}]", _DIM), (" ", "")]
        value = node.value
        if node.foldable:
            brackets = "{}" if isinstance(value, dict) else "[]"
            shown = brackets[0] if node.open else f"{brackets[0]}\u2026{brackets[1]}"
            segs += [(shown, ""), ("  " + _count(value), _DIM)]
        else:
            segs.append((json.dumps(value, ensure_ascii=False), _scalar_colour(value)))
        return segs

    # --- the raw JSON text ----------------------------------------------------------

    def build_raw(self) -> None:
        lines: list[tuple[list[Segment], tuple[Step, ...]]] = []

        def walk(value: Any, steps: tuple[Step, ...], prefix: list[Segment], end: str) -> None:
            pad = "  " * len(steps)
            if isinstance(value, (dict, list)) and value:
                is_dict = isinstance(value, dict)
                lines.append(([(pad, ""), *prefix, ("{" if is_dict else "[", "")], steps))
                items: list[tuple[Any, Any]] = (
                    list(value.items()) if isinstance(value, dict) else list(enumerate(value))
                )
                for i, (k, v) in enumerate(items):
                    key: list[Segment] = (
                        [(json.dumps(k, ensure_ascii=False), _KEY), (": ", "")] if is_dict else []
                    )
                    walk(v, (*steps, k), key, "," if i < len(items) - 1 else "")
                lines.append(([(pad + ("}" if is_dict else "]") + end, "")], steps))
            else:
                text = json.dumps(value, ensure_ascii=False)
                lines.append(
                    ([(pad, ""), *prefix, (text, _scalar_colour(value)), (end, "")], steps)
                )

        walk(self.root.value, (), [], "")
        self.raw_lines = lines

    def toggle_raw(self) -> None:
        if not self.raw:
            steps = self.current().steps()
            self.build_raw()
            self.raw = True
            self.cursor = next((i for i, (_, s) in enumerate(self.raw_lines) if s == steps), 0)
        else:
            steps = self.raw_lines[self.cursor][1]
            self.raw = False
            self.reveal(steps)

    # --- keys -----------------------------------------------------------------------

    def selected(self) -> Any:
        if self.raw:
            value = self.root.value
            for step in self.raw_lines[self.cursor][1]:
                value = value[step]
            return value
        return self.current().value

    def length(self) -> int:
        return len(self.raw_lines) if self.raw else len(self.rows)

    def handle(self, key: str, body: int) -> str:
        """Apply one key; returns ``quit``, ``print`` or ``""``."""
        if key in ("q", "esc", "ctrl-c"):
            return "quit"
        if key == "p":
            return "print"
        if key == "r":
            self.toggle_raw()
            return ""
        last = self.length() - 1
        moves = {
            "up": -1,
            "k": -1,
            "down": 1,
            "j": 1,
            "pgdn": body,
            "ctrl-f": body,
            "ctrl-d": max(1, body // 2),
            "pgup": -body,
            "ctrl-b": -body,
            "ctrl-u": -max(1, body // 2),
        }
        if key in moves:
            self.cursor = max(0, min(last, self.cursor + moves[key]))
        elif key in ("g", "home"):
            self.cursor = 0
        elif key in ("G", "end"):
            self.cursor = last
        elif not self.raw:
            self._fold(key)
        return ""

    def _fold(self, key: str) -> None:
        node = self.current()
        if key in ("right", "l"):
            if node.foldable and not node.open:
                node.open = True
            elif node.foldable:
                self.cursor += 1
        elif key in ("left", "h"):
            if node.foldable and node.open:
                node.open = False
            elif node.parent is not None:
                self.cursor = self.rows.index(node.parent)
        elif key in ("enter", "space"):
            if node.foldable:
                node.open = not node.open
        elif key == "e":
            stack = [node]
            while stack:
                n = stack.pop()
                if n.foldable:
                    n.open = True
                    stack.extend(n.children())
        self.refresh()

    # --- the screen -----------------------------------------------------------------

    def frame(self, height: int, width: int) -> list[str]:
        body = max(1, height - 1)
        if self.cursor < self.top:
            self.top = self.cursor
        elif self.cursor >= self.top + body:
            self.top = self.cursor - body + 1
        self.top = max(0, min(self.top, max(0, self.length() - body)))
        out = []
        for i in range(self.top, min(self.length(), self.top + body)):
            segs = self.raw_lines[i][0] if self.raw else self.tree_row(self.rows[i])
            out.append(self._paint(segs, width, i == self.cursor))
        out += [""] * (body - len(out))
        steps = self.raw_lines[self.cursor][1] if self.raw else self.current().steps()
        where = f" {path_text(steps)}  ({self.cursor + 1}/{self.length()})"
        if self.raw:
            hints = " raw JSON  p print  r tree  q quit "
        else:
            arrows = "\u2190\u2192" if self.marks[0].startswith("\u25be") else "h/l"
            hints = f" {arrows} fold  p print  r raw  q quit "
        gap = width - len(where) - len(hints)
        status = where + " " * gap + hints if gap > 0 else where
        out.append(_REVERSE + status[:width].ljust(width) + _RESET)
        return out

    def _paint(self, segs: list[Segment], width: int, selected: bool) -> str:
        text = ""
        room = width
        for chunk, style in segs:
            if room <= 0:
                break
            chunk = chunk.replace("\n", " ").replace("\t", " ")[:room]
            room -= len(chunk)
            text += f"{style}{chunk}{_RESET}" if style and self.colour and not selected else chunk
        return f"{_REVERSE}{text}{_RESET}" if selected else text


# --- the terminal -----------------------------------------------------------------------

_CSI = {
    "A": "up",
    "B": "down",
    "C": "right",
    "D": "left",
    "H": "home",
    "F": "end",
    "1~": "home",
    "7~": "home",
    "4~": "end",
    "8~": "end",
    "5~": "pgup",
    "6~": "pgdn",
}
_CONTROL = {
    "\r": "enter",
    "\n": "enter",
    " ": "space",
    "\x03": "ctrl-c",
    "\x02": "ctrl-b",
    "\x06": "ctrl-f",
    "\x04": "ctrl-d",
    "\x15": "ctrl-u",
}


def _csi_name(sequence: str) -> str:
    """``A`` -> up, ``1;5A`` (with a modifier) -> up, ``5~`` -> pgup; unknown -> ""."""
    if sequence.endswith("~"):
        return _CSI.get(sequence.split(";")[0].rstrip("~") + "~", "")
    return _CSI.get(sequence[-1:], "")


class Terminal:
    """Raw keys in, whole frames out; the terminal is put back however the viewer ends."""

    def __init__(self) -> None:
        self.out = sys.stdout.fileno()
        self.own = not os.isatty(0)
        # Stdin may be the request body: keys then come from the terminal itself.
        self.fd = os.open("/dev/tty", os.O_RDONLY) if self.own else 0
        self.pending = b""
        self.saved: Any = None

    def __enter__(self) -> Terminal:
        import termios

        self.saved = termios.tcgetattr(self.fd)
        mode = termios.tcgetattr(self.fd)
        mode[0] &= ~(termios.IXON | termios.ICRNL)
        mode[3] &= ~(termios.ICANON | termios.ECHO | termios.ISIG | termios.IEXTEN)
        mode[6][termios.VMIN] = 1
        mode[6][termios.VTIME] = 0
        termios.tcsetattr(self.fd, termios.TCSAFLUSH, mode)
        sys.stdout.flush()
        self.send(_ALT_ON)
        return self

    def __exit__(self, *exc: object) -> None:
        import termios

        self.send(_ALT_OFF)
        termios.tcsetattr(self.fd, termios.TCSAFLUSH, self.saved)
        if self.own:
            os.close(self.fd)

    def size(self) -> tuple[int, int]:
        try:
            size = os.get_terminal_size(self.out)
        except OSError:
            return 24, 80
        # A terminal that does not know its size (0 x 0) counts as the classic 24 x 80.
        return max(size.lines or 24, 2), max(size.columns or 80, 10)

    def send(self, text: str) -> None:
        data = text.encode("utf-8", "replace")
        while data:
            data = data[os.write(self.out, data) :]

    def draw(self, lines: list[str]) -> None:
        self.send("\x1b[H" + "\r\n".join(line + "\x1b[K" for line in lines) + "\x1b[J")

    def key(self, size: tuple[int, int]) -> str:
        """The next key's name (``up``, ``q``...), or ``resize`` when the window changed."""
        while not self.pending:
            ready, _, _ = select.select([self.fd], [], [], 0.25)
            if not ready:
                if self.size() != size:
                    return "resize"
                continue
            chunk = os.read(self.fd, 64)
            if not chunk:
                return "q"  # the terminal went away
            self.pending += chunk
        return self._take()

    def _take(self) -> str:
        data = self.pending
        if data[:1] == b"\x1b":
            if len(data) == 1:
                ready, _, _ = select.select([self.fd], [], [], 0.05)
                if ready:
                    self.pending += os.read(self.fd, 64)
                    data = self.pending
            if data[1:2] in (b"[", b"O"):
                end = 2
                while end < len(data) and not 0x40 <= data[end] <= 0x7E:
                    end += 1
                self.pending = data[end + 1 :]
                return _csi_name(data[2 : end + 1].decode("ascii", "replace"))
            self.pending = data[1:]
            return "esc"
        for size in (1, 2, 3, 4):
            try:
                char = data[:size].decode("utf-8")
            except UnicodeDecodeError:
                continue
            self.pending = data[size:]
            return _CONTROL.get(char, char)
        self.pending = data[1:]
        return ""


def explore(doc: Any) -> list[Any]:
    """Show ``doc`` until the reader quits (``[]``) or presses p (``[the value under the cursor]``)."""
    encoding = (getattr(sys.stdout, "encoding", "") or "").lower().replace("-", "")
    viewer = Viewer(doc, colour=use_colour(sys.stdout), unicode=encoding == "utf8")
    with Terminal() as term:
        while True:
            size = term.size()
            term.draw(viewer.frame(*size))
            key = term.key(size)
            action = viewer.handle(key, size[0] - 1)
            if action == "quit":
                return []
            if action == "print":
                return [viewer.selected()]
