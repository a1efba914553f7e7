"""Format generated Python with black, in-process, with a content-keyed cache.

Black is by far the most expensive stage on large APIs, so each file's
formatted text is cached under a key made of black's version, its mode and
the unformatted text: a re-run only formats files whose text changed. When
many files miss the cache they are formatted on all cores.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import black

from .errors import GeneratorError

_MODE = black.Mode(target_versions={black.mode.TargetVersion.PY310}, line_length=100)
_KEY_PREFIX = f"black-{importlib.metadata.version('black')}-{_MODE!r}".encode()
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
        return black.format_str(source, mode=_MODE)
    except Exception as exc:  # black raises several unrelated types
        snippet = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise FormatError(f"generated code does not parse: {snippet}", file=path) from None


def line_width(line: str) -> int:
    """A line's width as black measures it against the line length (East Asian wide
    characters count twice)."""
    return len(line) if line.isascii() else int(black.strings.str_width(line))


def _format_pair(item: tuple[str, str]) -> tuple[str, str]:
    path, source = item
    return path, format_python(source, path)


def format_files(files: Mapping[str, str], *, jobs: int | None = None) -> dict[str, str]:
    """Return ``files`` with every ``.py`` entry formatted; other entries unchanged."""
    out = dict(files)
    cache = cache_dir()
    pending: dict[str, tuple[str, Path | None]] = {}
    for path, text in files.items():
        if not path.endswith(".py"):
            continue
        key = hashlib.sha256(_KEY_PREFIX + text.encode()).hexdigest()
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
