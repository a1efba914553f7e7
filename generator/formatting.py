"""Format generated Python with black, only where it might still change something.

The templates and :mod:`generator.pycode` already write black's layout, so
most files are left exactly as rendered. :func:`needs_black` is a cheap,
conservative test for a file black could still change (a line wider than
the limit that black might split, trailing whitespace, a trailing comma
black would explode or drop, blank lines it would fold...); only those files
go through black, in-process, with a content-keyed cache: each file's
formatted text is cached under a key made of black's version, its mode and
the unformatted text, so a re-run only formats files whose text changed.
When many files miss the cache they are formatted on all cores.

The test itself is remembered too: the digests of texts it cleared are kept
in the same cache folder (:class:`_Verdicts`), so a re-run only looks at
files whose text changed (on GitHub's description the test is 1.3-1.8 s
of pure Python over 13 MB of code; hashing it is a few hundredths).
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import importlib.metadata
import os
import re
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from .errors import GeneratorError
from .escape import LINE_LENGTH
from .pycode import width


@functools.cache
def _black() -> tuple[Any, Any, bytes]:
    """black, its mode and the cache key prefix for its output, imported on first use:
    black costs a quarter of a second to import, and most runs format no file."""
    import black

    mode = black.Mode(target_versions={black.mode.TargetVersion.PY310}, line_length=LINE_LENGTH)
    prefix = f"black-{importlib.metadata.version('black')}-{mode!r}".encode()
    return black, mode, prefix


#: Below this many uncached files a process pool costs more than it saves.
_PARALLEL_THRESHOLD = 64


class FormatError(GeneratorError):
    """Black rejected generated code: a generator bug, reported with the file."""


def cache_dir() -> Path | None:
    """Where formatted files are cached; ``OPENAPI_FORGE_CACHE=off`` disables it."""
    setting = os.environ.get("OPENAPI_FORGE_CACHE")
    if setting == "off":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "openapi-forge" / "black"


def format_python(source: str, path: str = "<generated>") -> str:
    """Format one file's source (no cache)."""
    try:
        black, mode, _ = _black()
        return str(black.format_str(source, mode=mode))
    except Exception as exc:  # black raises several unrelated types
        snippet = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise FormatError(f"generated code does not parse: {snippet}", file=path) from None


def line_width(line: str) -> int:
    """A line's width as black measures it against the line length (East Asian wide
    characters count twice)."""
    return width(line)


def _format_pair(item: tuple[str, str]) -> tuple[str, str]:
    path, source = item
    return path, format_python(source, path)


def needing_black(
    files: Mapping[str, str], check: Callable[[str], bool] | None = None
) -> list[str]:
    """The ``.py`` paths of ``files`` that :func:`format_files` runs black on
    (``check`` stands in for :func:`needs_black`)."""
    check = check or needs_black
    return [path for path, text in files.items() if path.endswith(".py") and check(text)]


class _Verdicts:
    """The texts :func:`needs_black` cleared in earlier runs, by digest.

    Kept in one append-only file of 16-byte BLAKE2 digests in the cache
    folder, named after a digest of the test's own source (and black's
    version), so a changed test starts afresh. Two processes of one run may
    append at once: each appends its digests in one ``write`` on a file
    opened for appending. A file that is not whole records, or grew past
    :data:`_VERDICTS_LIMIT`, is started afresh; any error only costs speed.
    """

    def __init__(self, cache: Path | None) -> None:
        self._file = cache / f"clean-{_test_fingerprint()}" if cache is not None else None
        self._known: set[bytes] = set()
        self._new: list[bytes] = []
        if self._file is None:
            return
        try:
            data = self._file.read_bytes()
        except OSError:
            return
        if len(data) % _DIGEST or len(data) > _VERDICTS_LIMIT:
            self._file.unlink(missing_ok=True)
            return
        self._known = {data[i : i + _DIGEST] for i in range(0, len(data), _DIGEST)}

    def needs_black(self, text: str) -> bool:
        """:func:`needs_black`, answered from earlier runs when they cleared ``text``."""
        if self._file is None:
            return needs_black(text)
        digest = hashlib.blake2b(text.encode(), digest_size=_DIGEST).digest()
        if digest in self._known:
            return False
        if needs_black(text):
            return True
        self._known.add(digest)
        self._new.append(digest)
        return False

    def save(self) -> None:
        """Append the digests cleared in this run."""
        if self._file is None or not self._new:
            return
        try:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            handle = os.open(self._file, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(handle, b"".join(self._new))
            finally:
                os.close(handle)
        except OSError:
            pass
        self._new = []


_DIGEST = 16
#: 4 million digests: past this the file is started afresh.
_VERDICTS_LIMIT = 64 * 1024 * 1024


@functools.cache
def _test_fingerprint() -> str:
    """A digest of what :func:`needs_black`'s answers depend on: its source,
    the width rules it uses, and the installed black."""
    here = Path(__file__).parent
    digest = hashlib.blake2b(digest_size=8)
    for module in ("formatting.py", "pycode.py", "escape.py"):
        digest.update((here / module).read_bytes())
    try:
        digest.update(importlib.metadata.version("black").encode())
    except importlib.metadata.PackageNotFoundError:
        pass
    return digest.hexdigest()


def format_files(files: Mapping[str, str], *, jobs: int | None = None) -> dict[str, str]:
    """Return ``files`` with every ``.py`` entry in black's style; other entries unchanged.

    Files :func:`needs_black` clears are already black's output and pass
    through untouched; the rest are formatted (through the cache).
    """
    out = dict(files)
    cache = cache_dir()
    verdicts = _Verdicts(cache)
    flagged = needing_black(files, verdicts.needs_black)
    verdicts.save()
    pending: dict[str, tuple[str, Path | None]] = {}
    for path in flagged:
        text = files[path]
        key = hashlib.sha256(_black()[2] + text.encode()).hexdigest()
        entry = cache / key[:2] / key if cache is not None else None
        if entry is not None:
            try:
                out[path] = entry.read_text(encoding="utf-8")
                continue
            except OSError:
                pass
        pending[path] = (text, entry)
    if not pending:
        return out
    items = [(p, t) for p, (t, _) in pending.items()]
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers > 1 and len(items) >= _PARALLEL_THRESHOLD:
        chunk = max(1, len(items) // (workers * 4))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_format_pair, items, chunksize=chunk))
    else:
        results = [_format_pair(item) for item in items]
    for path, formatted in results:
        out[path] = formatted
        entry = pending[path][1]
        if entry is not None:
            _store(entry, formatted)
    return out


def _store(entry: Path, text: str) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, entry)
    except OSError:
        pass  # a read-only or full cache only costs speed


# --- the test --------------------------------------------------------------------------

_LONG_LINE = re.compile(rf"^.{{{LINE_LENGTH + 1},}}$", re.M)
_NON_ASCII_LINE = re.compile(r"^.*[^\x00-\x7f].*$", re.M)
#: A trailing comma black would explode (``[a,]``) or tidy (``(a, )``); ``,)``
#: is left alone only in a one-tuple of one name or string (checked below).
_TRAILING_COMMA = re.compile(r",[ \t]+[)\]}]|,[\]}]|,\)")
_SPACING = re.compile(r",[^\s)\]}]|[(\[{][ \t]")
#: ``from x import (a, b)`` on one line: black drops the redundant brackets.
_PARENTHESISED_IMPORT = re.compile(r"^[ \t]*from [\w.]+ import \([^\n]*\)[ \t]*$", re.M)
_ONE_TUPLE = re.compile(r"""\((?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[\w.]+)\Z""")
#: Three blank lines (black keeps two at most), or two inside a block (one).
_BLANK_LINES = re.compile(r"\n\n\n(?:\n|(?=[ \t]))")
#: The start of a top-level line.
_COLUMN_ZERO = re.compile(r"\n(?=[^ \t\n])")
_IMPORT_LINE = re.compile(r"( *)(?:import |from \S+ import )")
#: How a line inside brackets can start (a closing bracket, a string, an operator).
_INSIDE_BRACKETS = re.compile(r"[ \t]*(?:[)\]}]|[rbfuRBFU]{0,2}[\"']|[+|-] |or |and )")
_TOP_LEVEL = re.compile(r"^[^ \t\n]", re.M)
#: The quotes of triple-quoted strings.
_TRIPLE = ('"' * 3, "'" * 3)
#: String literals and comments, triple-quoted strings across lines.
_STRINGS = re.compile(
    r'''"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\''''
    r"""|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\#[^\n]*""",
    re.S,
)
_STRING = re.compile(r"""[rRbBuUfF]{0,2}(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')""")
#: Lines black cannot split: an item that is one string or name (``"...",``,
#: ``key="...",``, ``"key": "...",``, ``Name as Name,``) ...
_LONE_ITEM = re.compile(
    rf"\s*(?:\w+=|{_STRING.pattern}: )?(?:{_STRING.pattern}|[\w.]+(?: as \w+)?),"
)
#: ... the first line of an item split at its brackets (``"key": {``) or of
#: an import of names in parentheses ...
_LONE_HEAD = re.compile(rf"\s*(?:from \S+ import \(|(?:\w+=|{_STRING.pattern}: )[\w.]*[(\[{{])")
#: ... a name or return given one string too long for a line of its own ...
_LONE_STRING_VALUE = re.compile(rf"(\s*)(?:[A-Za-z_][\w.]* = |return )({_STRING.pattern})")
#: ... one of strings concatenated over lines ...
_LONE_STRING = re.compile(rf"\s*{_STRING.pattern},?")
#: ... and the only item of brackets split over lines (``f(`` or ``{`` above,
#: ``)`` or ``}`` below; not parentheses around a value, which black drops).
_ONLY_ITEM = re.compile(rf"\s*(?:\w+=|{_STRING.pattern}: )?(?:{_STRING.pattern}|[\w.]+)")
_OPENS = re.compile(r"(?:[\w)\]][(\[]|[{\[])\Z")
_CLOSERS = {"(": ")", "[": "]", "{": "}"}
_INDENTED_CLOSER = re.compile(r"[ \t]*([)\]}])")


def needs_black(text: str) -> bool:
    """Whether black might change ``text``: cheap, and true whenever unsure.

    False means ``text`` is black's output already. Rendered code is in
    black's layout except where :mod:`generator.pycode` could not lay a line
    out (it is then too long) or a template slipped, so this looks, outside
    strings, for what black would still change:

    * a line wider than the limit, unless black cannot split it (a string
      or docstring line, a comment, an item or the head of an item that is
      one string or name, a string too long even on a line of its own);
    * trailing whitespace, tabs in indentation, spacing around commas and
      brackets, trailing commas black would explode or drop, brackets
      around a one-line import;
    * blank lines black would add or fold: around defs and classes, after
      imports, a module or class docstring, a def's body; inside brackets;
      empty brackets split over two lines;
    * docstrings not in black's normal form, and a file that does not end
      in exactly one newline.
    """
    if not text:
        return False
    if not text.endswith("\n") or text.endswith("\n\n") or text.startswith("\n"):
        return True
    if "\r" in text or "\x0b" in text or "\x0c" in text:
        return True  # breaks black treats specially (spec text never has them: escape.clean)
    if not _module_docstring_spaced(text):
        return True
    lines: list[tuple[int, str]] = []  # (offset into text, what to check)
    for match in _LONG_LINE.finditer(text):
        if width(match.group()) > LINE_LENGTH:
            lines.append((match.start(), "wide"))
    if not text.isascii():
        for match in _NON_ASCII_LINE.finditer(text):
            line = match.group()
            if len(line) <= LINE_LENGTH and width(line) > LINE_LENGTH:
                lines.append((match.start(), "wide"))
    lines += [(offset, "space") for offset in _find_all(text, (" \n", "\t\n"))]
    for at in _find_all(text, ("\t",)):
        start = text.rfind("\n", 0, at) + 1
        if not text[start:at].strip(" "):
            lines.append((start, "tab"))  # a tab in a line's indentation
    # Spacing black would change: ``a,b``, ``a ,b``, ``( a``, ``a )`` (outside strings).
    lines += [(m.start(), "comma") for m in _SPACING.finditer(text)]
    lines += [(m.start(), "comma") for m in _PARENTHESISED_IMPORT.finditer(text)]
    lines += [(at, "comma") for at in _find_all(text, (" ,", "\t,"))]
    for at in _find_all(text, (" )", " ]", " }")):
        if text[at - 1] not in " \t\n([{,":
            lines.append((at, "comma"))
    for match in _TRAILING_COMMA.finditer(text):
        if match.group() == ",)":
            start = text.rfind("\n", 0, match.start()) + 1
            if _ONE_TUPLE.search(text, start, match.start()):
                continue
        lines.append((match.start(), "comma"))
    lines += [(m.start() + 1, "blank") for m in _BLANK_LINES.finditer(text)]
    lines += [(at, "blank") for at in _blank_in_brackets(text)]
    lines += [(offset, "blank") for offset in _after_imports(text)]
    for at in _find_all(text, ("(\n", "[\n", "{\n")):
        closing = _INDENTED_CLOSER.match(text, at + 2)
        if closing is not None and closing.group(1) == _CLOSERS[text[at]]:
            lines.append((at, "blank"))  # empty brackets over two lines: black joins them
    defs = _defs(text)
    lines += [(offset, "blank") for offset in defs if not _def_spaced(text, offset)]
    # Leaving a block for the top level: two blank lines after a def or class.
    dedents = [offset for offset in _top_level_after_block(text) if text[offset] not in ")]}"]
    if not lines and not dedents and not defs and _TRIPLE[0] not in text:
        return False
    strings = _Strings(text)
    if not all(strings.allows(offset, what) for offset, what in lines):
        return True
    if any(strings.closes_def(offset) for offset in dedents):
        return True
    if not all(_spaced_after(text, strings, start) for start in defs):
        return True
    return not strings.docstrings_normal()


def _spaced_after(text: str, strings: _Strings, start: int) -> bool:
    """Whether the statement after the body of the def or class at ``start``
    (at the same depth) has black's blank lines before it: one, two at the top level."""
    eol = text.find("\n", start)
    line = text[start : eol if eol >= 0 else len(text)]
    indent = len(line) - len(line.lstrip(" "))
    if not line.lstrip(" ").startswith(_DEF_STARTS) or strings.inside(start + indent):
        return True
    if line.rstrip().endswith("...") or eol < 0:
        return True  # a stub: black lets the next one follow closely
    end = eol  # of the header, which may run over several lines
    while not text[text.rfind("\n", 0, end) + 1 : end].rstrip().endswith(":"):
        end = text.find("\n", end + 1)
        if end < 0:
            return True
    pattern = _LINE_AT_MOST.get(indent)
    if pattern is None:
        pattern = _LINE_AT_MOST[indent] = re.compile(rf"\n( {{0,{indent}}})(?=[^ \n])")
    match = pattern.search(text, end)
    while match is not None and strings.inside(match.end()):
        match = pattern.search(text, match.end())
    if match is None or len(match.group(1)) != indent:
        return True  # the end of the file, or of an enclosing block too
    after = match.end()
    statement = text[after : text.find("\n", after)]
    if statement.startswith(_DEF_STARTS + ("@", ")", "]", "}")):
        return True  # spaced as a def (_def_spaced), or part of the header
    if statement.startswith(("else", "elif", "except", "finally")):
        return True
    blank, _ = _previous_line(text, match.start() + 1)
    return blank == (1 if indent else 2)


_DEF_STARTS = ("def ", "async def ", "class ")
_LINE_AT_MOST: dict[int, re.Pattern[str]] = {}


def _module_docstring_spaced(text: str) -> bool:
    """Whether a module docstring has black's one blank line after it (two before a def)."""
    start = 0
    while text.startswith("#", start):
        start = text.find("\n", start) + 1
        if not start:
            return True
    if not text.startswith(_TRIPLE[0], start):
        return True
    close = text.find(_TRIPLE[0], start + 3)
    if close < 0 or text[close - 1] == "\\" or text[close + 3 : close + 4] not in ("\n", ""):
        return False  # unusual: let black decide
    after = close + 4
    rest = text[after:].lstrip("\n") if after < len(text) else ""
    if not rest:
        return True
    blank = len(text) - after - len(rest)
    return blank == (2 if rest.startswith(("def ", "async def ", "class ", "@")) else 1)


def _blank_in_brackets(text: str) -> list[int]:
    """Blank lines black drops: inside brackets (after an item or an opening bracket,
    before a closing one, a string or an operator) or after a decorator."""
    out = []
    for at in _find_all(text, ("\n\n",)):
        line_start = text.rfind("\n", 0, at) + 1
        # Comment lines between an item and the blank line keep it inside the brackets.
        code_end = at
        while line_start > 0 and text[line_start:code_end].lstrip(" ").startswith("#"):
            code_end = line_start - 1
            line_start = text.rfind("\n", 0, code_end) + 1
        if text[code_end - 1 : code_end] in (",", "(", "[", "{") or text[
            line_start:code_end
        ].lstrip(" ").startswith("@"):
            out.append(at)
        elif _INSIDE_BRACKETS.match(text, at + 2):
            out.append(at)
    return out


def _after_imports(text: str) -> list[int]:
    """Lines after an import without black's one blank line (two before a top-level def)."""
    out = []
    for at in _find_all(text, ("import ",)):
        start = text.rfind("\n", 0, at) + 1
        match = _IMPORT_LINE.match(text, start)
        if match is None or match.end() != at + 7:
            continue
        indent = match.group(1)
        end = text.find("\n", match.start())
        if text[end - 1 : end] == "(":
            end = text.find("\n" + indent + ")", end)
            end = text.find("\n", end + 1) if end >= 0 else -1
        if end < 0:
            continue
        after = end + 1
        while text.startswith("\n", after):
            after += 1
        if after >= len(text):
            continue
        line = text[after : text.find("\n", after)]
        if not line.startswith(indent) or line[len(indent) : len(indent) + 1] in (" ", "\t", ")"):
            continue  # the block ends, or the import is not a statement of this block
        statement = line[len(indent) :]
        if _IMPORT_LINE.match(line):
            continue
        wanted = (
            2 if not indent and statement.startswith(("def ", "async def ", "class ", "@")) else 1
        )
        if after - end - 1 != wanted:
            out.append(after)
    return out


def _find_all(text: str, needles: tuple[str, ...]) -> list[int]:
    found = []
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            found.append(at)
            at = text.find(needle, at + 1)
    return found


def _defs(text: str) -> list[int]:
    """Offsets of the lines that start a function, a class or a decorator."""
    out = set()
    for at in _find_all(text, ("def ", "class ", "@")):
        start = text.rfind("\n", 0, at) + 1
        prefix = text[start:at].strip(" ")
        if not prefix or (prefix == "async" and text[at] == "d"):
            out.add(start)
    return sorted(out)


def _previous_line(text: str, at: int) -> tuple[int, str]:
    """``(blank lines, previous non-blank line)`` before the line starting at ``at``."""
    end = at - 1
    while end > 0 and text[end - 1] == "\n":
        end -= 1
    start = text.rfind("\n", 0, end) + 1 if end > 0 else 0
    return at - 1 - end, text[start:end] if end > 0 else ""


def _top_level_after_block(text: str) -> list[int]:
    """Top-level lines after an indented one, with other than two blank lines between."""
    out = []
    for match in _COLUMN_ZERO.finditer(text):
        blank, previous = _previous_line(text, match.end())
        if blank != 2 and previous[:1] in (" ", "\t"):
            out.append(match.end())
    return out


def _def_spaced(text: str, at: int) -> bool:
    """Whether a ``def``/``class``/decorator line has black's blank lines before it:
    two at the top level, one inside a block (none first in a block, after a
    decorator or after a comment, fewer after a stub)."""
    blank, previous = _previous_line(text, at)
    previous = previous.strip()
    wanted = 1 if text[at] == " " else 2
    if previous.startswith("#"):
        # A comment right above belongs to the def; one set apart by blank lines
        # does not, and the def gets black's count of blank lines after it.
        return blank in (0, wanted)
    if not previous or previous.startswith("@"):
        return True
    if previous.endswith(":"):
        # First in a block: as it is after ``class``/``def``, one blank line after ``if``...
        return blank <= 1 if previous.startswith(_DEF_STARTS + (") -> ",)) else blank == 1
    # Black lets stubs (``def f(): ...``, overloads) follow each other closely.
    return blank == wanted or (previous.endswith(": ...") and blank < wanted)


class _Strings:
    """Where the multi-line and triple-quoted strings of a file are."""

    def __init__(self, text: str) -> None:
        self.text = text
        spans = self._quick_spans(text)
        if spans is None:
            spans = [m.span() for m in _STRINGS.finditer(text) if m.group()[:3] in _TRIPLE]
        self.spans = spans
        self.starts = [start for start, _ in self.spans]
        self._tops: list[int] | None = None
        self._line_strings: dict[int, tuple[list[int], list[tuple[int, int]]]] = {}

    @staticmethod
    def _quick_spans(text: str) -> list[tuple[int, int]] | None:
        """The triple-quoted strings found by pairing up their quotes, when that is right.

        Generated code writes triple-quoted strings only as statements of their
        own: each opens after a line's indentation and closes at a line's end.
        When every pair of triple quotes sits so (and there are no triple
        single quotes), none of them can be inside another string or a
        comment; otherwise (``None``) the file is tokenised.
        """
        if _TRIPLE[1] in text:
            return None
        quotes: list[int] = []
        at = text.find(_TRIPLE[0])
        while at >= 0:
            quotes.append(at)
            at = text.find(_TRIPLE[0], at + 3)
        if len(quotes) % 2:
            return None
        spans = []
        for first, last in zip(quotes[::2], quotes[1::2], strict=True):
            end = last + 3
            indent = text[text.rfind("\n", 0, first) + 1 : first]
            if indent.strip(" ") or text[end : end + 1] not in ("\n", "") or text[last - 1] == "\\":
                return None
            spans.append((first, end))
        return spans

    def _span(self, offset: int) -> tuple[int, int] | None:
        """The triple-quoted string holding the character at ``offset``, if any."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]:
            return self.spans[i]
        return None

    def inside(self, offset: int) -> bool:
        return self._span(offset) is not None

    def _in_line_string(self, start: int, end: int, offset: int) -> bool:
        """Whether ``offset`` is inside a one-line string literal of the line ``start:end``.

        The line's strings are found once: a long line of JSON text holds a
        suspect comma every few characters.
        """
        line = self._line_strings.get(start)
        if line is None:
            spans = [m.span() for m in _STRING.finditer(self.text, start, end)]
            line = self._line_strings[start] = ([first for first, _ in spans], spans)
        starts, spans = line
        i = bisect.bisect_left(starts, offset) - 1
        return i >= 0 and spans[i][0] < offset < spans[i][1]

    def allows(self, offset: int, what: str) -> bool:
        """Whether black leaves the line at ``offset`` as it is, for the reason ``what``."""
        text = self.text
        start = text.rfind("\n", 0, offset) + 1
        end = text.find("\n", offset)
        end = len(text) if end < 0 else end
        if what in ("comma", "blank"):
            if self.inside(offset):
                return True
            # A comma inside a string literal on this line is no trailing comma.
            return what == "comma" and self._in_line_string(start, end, offset)
        span = self._span(start) or self._span(max(start, end - 1))
        line = text[start:end]
        if span is None:
            if what != "wide":
                return False
            return self._unsplittable(text, start, end)
        first, last = span
        standalone = text[text.rfind("\n", 0, first) + 1 : first].strip() == "" and (
            text.find("\n", last - 1) in (last, -1)
        )
        if not standalone:
            return False
        docstring = self._docstring(first)
        if what in ("space", "tab"):
            # Inside a string black leaves alone (not a docstring it would tidy).
            return not docstring and (first < start or what == "space") and end < last
        if end >= last and first < start and docstring and len(line) > LINE_LENGTH:
            return False  # black would move the closing quotes to a line of their own
        return True

    def docstrings_normal(self) -> bool:
        """Whether every docstring is in black's normal form (as escape.py_docstring writes it).

        Checked: the first line has no space before it, continuation lines are
        indented as the statement is (blank ones empty) and hold no tab in
        their indentation, and a single line has no space around it (except
        the one black puts between a quote and the closing quotes).
        """
        text = self.text
        for first, last in self.spans:
            if text[first : first + 3] != _TRIPLE[0] or not self._docstring(first):
                continue
            line_start = text.rfind("\n", 0, first) + 1
            if text[line_start:first].strip(" "):
                return False  # not a statement of its own
            indent = first - line_start
            if indent and text[line_start - 2 : line_start] == "\n\n":
                return False  # black drops blank lines before a docstring
            if not self._class_docstring_spaced(first, last, indent):
                return False
            body = text[first + 3 : last - 3]
            lines = body.split("\n")
            head = lines[0]
            if head[:1].isspace() and not head.startswith(' "'):
                return False
            if len(lines) == 1:
                if body[-1:].isspace() and not body.endswith('" '):
                    return False
                continue
            rest = lines[1:]
            margins = [len(x) - len(x.lstrip(" ")) for x in rest if x.strip()]
            if margins and min(margins) != indent:
                return False
            for i, line in enumerate(rest):
                blank = not line.strip()
                if blank and line and not (i == len(rest) - 1 and line == " " * indent):
                    return False
                if "\t" in line[: len(line) - len(line.lstrip())]:
                    return False
        return True

    def closes_def(self, offset: int) -> bool:
        """Whether the top-level line at ``offset`` follows a def or class body
        (which black wants two blank lines after) and is not inside a string."""
        if self.inside(offset) or self.inside(offset - 2):
            return False
        if self._tops is None:
            self._tops = [m.start() for m in _TOP_LEVEL.finditer(self.text)]
        i = bisect.bisect_left(self._tops, offset) - 1
        while i >= 0:
            start = self._tops[i]
            line = self.text[start : self.text.find("\n", start)]
            if not line.startswith("#") and not self.inside(start):
                return line.startswith(("def ", "async def ", "class ", "@"))
            i -= 1
        return False

    def _class_docstring_spaced(self, first: int, last: int, indent: int) -> bool:
        """After a class's docstring black puts one blank line before the next statement."""
        text = self.text
        header_end = text.rfind("\n", 0, first)
        header = text[text.rfind("\n", 0, header_end) + 1 : header_end].lstrip(" ")
        if not header.startswith("class ") or last >= len(text):
            return True
        after = last + 1
        while text.startswith("\n", after):
            after += 1
        line = text[after : text.find("\n", after)]
        if len(line) - len(line.lstrip(" ")) != indent or after >= len(text):
            return True  # the class ends with its docstring
        return after - last - 1 == 1

    def _docstring(self, first: int) -> bool:
        """Whether the string starting at ``first`` is a docstring to black
        (the first statement of the module or of a block); true when unsure."""
        text = self.text
        pos = text.rfind("\n", 0, first)
        while pos > 0:
            prev = text.rfind("\n", 0, pos) + 1
            line = text[prev:pos].strip()
            if line and not line.startswith("#"):
                if self._span(prev) is not None or "#" in line:
                    return True
                return line.endswith(":")
            pos = prev - 1
        return True

    @staticmethod
    def _unsplittable(text: str, start: int, end: int) -> bool:
        """A too-long code line (``text[start:end]``) that black leaves as it is."""
        line = text[start:end]
        if line.lstrip().startswith("#") or _LONE_ITEM.fullmatch(line):
            return True
        if _LONE_HEAD.fullmatch(line):
            return True
        match = _LONE_STRING_VALUE.fullmatch(line)
        if match is not None:
            # Black parenthesises the value when that makes it fit.
            return len(match.group(1)) + 4 + width(match.group(2)) > LINE_LENGTH
        before = text[text.rfind("\n", 0, start - 1) + 1 : max(start - 1, 0)]
        after_end = text.find("\n", end + 1)
        after = text[end + 1 : len(text) if after_end < 0 else after_end]
        if _LONE_STRING.fullmatch(line) and (
            _LONE_STRING.fullmatch(before) or _LONE_STRING.fullmatch(after)
        ):
            return True  # strings concatenated one per line: black splits them so
        if not _ONLY_ITEM.fullmatch(line) or _OPENS.search(before) is None:
            return False
        return after.lstrip(" ").startswith(_CLOSERS[before[-1]])
