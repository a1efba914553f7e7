"""Write a rendered tree to disk atomically, and compare a tree with a folder.

The whole tree is written to a fresh sibling folder first and swapped in
with renames, so a failed run never leaves a half-written output folder, and
files that are no longer generated disappear.
"""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import GeneratorError


class WriteError(GeneratorError):
    """The output folder could not be replaced."""


def write_tree(out_dir: Path, files: Mapping[str, str]) -> None:
    """Replace ``out_dir`` with exactly ``files`` (relative path -> text)."""
    staging = Staging(out_dir)
    try:
        staging.write(files)
        staging.commit()
    finally:
        staging.discard()


class Staging:
    """A fresh folder beside ``out_dir`` that is filled, then swapped in for it.

    Made on first use (:meth:`root`), so a run that fails before writing
    leaves nothing behind; :meth:`discard` removes it unless committed. A
    forked process may write into it too (the CLI and docs rendered beside
    the SDK), since only :meth:`commit` touches ``out_dir``.
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir.absolute()
        self._root: Path | None = None
        self._committed = False

    def root(self) -> Path:
        if self._root is None:
            out_dir = self.out_dir
            if out_dir.exists() and not out_dir.is_dir():
                raise WriteError("exists and is not a folder", file=str(out_dir))
            try:
                out_dir.parent.mkdir(parents=True, exist_ok=True)
                self._root = Path(
                    tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent)
                )
            except OSError as exc:
                raise WriteError(
                    f"cannot create a folder beside it: {exc.strerror}", file=str(out_dir)
                ) from None
        return self._root

    def write(self, files: Mapping[str, str]) -> None:
        """Write ``files`` into the staging folder."""
        try:
            write_files(self.root(), files)
        except OSError as exc:
            raise WriteError(
                f"cannot write: {exc.strerror or exc}", file=str(self.out_dir)
            ) from None

    def commit(self) -> None:
        """Swap the staging folder in for ``out_dir`` (the old one is removed)."""
        staging, out_dir = self.root(), self.out_dir
        try:
            os.chmod(staging, 0o755)
            if out_dir.exists():
                backup = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
                os.rmdir(backup)
                os.replace(out_dir, backup)
                try:
                    os.replace(staging, out_dir)
                except OSError:
                    os.replace(backup, out_dir)
                    raise
                shutil.rmtree(backup, ignore_errors=True)
            else:
                os.replace(staging, out_dir)
        except OSError as exc:
            raise WriteError(f"cannot write: {exc.strerror or exc}", file=str(out_dir)) from None
        self._committed = True

    def discard(self) -> None:
        """Remove the staging folder, unless it was committed (a no-op then)."""
        if self._root is not None and not self._committed:
            shutil.rmtree(self._root, ignore_errors=True)


def write_files(root: Path, files: Mapping[str, str]) -> None:
    """Write ``files`` (relative path -> text) under the existing folder ``root``."""
    made = {""}  # folders made so far: one mkdir per folder, not per file
    base = str(root)
    for rel, text in sorted(files.items()):
        folder = os.path.dirname(rel)
        if folder not in made:
            os.makedirs(os.path.join(base, folder), exist_ok=True)
            made.add(folder)
        with open(os.path.join(base, rel), "wb") as handle:
            handle.write(text.encode("utf-8"))


def _is_byproduct(folder: str) -> bool:
    return folder in ("__pycache__", "build", "dist") or folder.endswith(".egg-info")


@dataclass(frozen=True)
class Drift:
    """How a folder differs from what would be generated."""

    changed: tuple[str, ...]
    missing: tuple[str, ...]
    extra: tuple[str, ...]
    diff: str

    @property
    def clean(self) -> bool:
        return not (self.changed or self.missing or self.extra)


def compare_tree(out_dir: Path, files: Mapping[str, str], *, diff_lines: int = 40) -> Drift:
    """Compare ``out_dir`` with ``files``; include a short unified diff."""
    on_disk: set[str] = set()
    if out_dir.is_dir():
        for root, dirs, names in os.walk(out_dir):
            # Build and install byproducts (git-ignored) are not output.
            dirs[:] = [d for d in dirs if not _is_byproduct(d)]
            for name in names:
                if not name.endswith(".pyc"):
                    on_disk.add(Path(root, name).relative_to(out_dir).as_posix())
    changed: list[str] = []
    diff: list[str] = []
    for rel in sorted(files):
        if rel not in on_disk:
            continue
        try:
            current = (out_dir / rel).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            current = None
        if current != files[rel]:
            changed.append(rel)
            if current is not None and len(diff) < diff_lines:
                diff.extend(
                    difflib.unified_diff(
                        current.splitlines(),
                        files[rel].splitlines(),
                        f"{rel} (on disk)",
                        f"{rel} (generated)",
                        lineterm="",
                        n=1,
                    )
                )
    missing = sorted(set(files) - on_disk)
    extra = sorted(on_disk - set(files))
    text = "\n".join(diff[:diff_lines]) + ("\n..." if len(diff) > diff_lines else "")
    return Drift(tuple(changed), tuple(missing), tuple(extra), text if diff else "")
