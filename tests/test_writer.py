"""The writer: atomic replacement, and unchanged files linked from the old tree."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from generator import writer
from generator.writer import Staging, write_tree

FILES = {
    "sdk/pkg/__init__.py": "from ._client import Client\n",
    "sdk/pkg/_client.py": "class Client:\n    pass\n",
    "docs/index.md": "# API\n",
    "docs/html/index.html": "<!DOCTYPE html>\n<title>API · ünïcode</title>\n",
}


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _inodes(folder: Path) -> dict[str, int]:
    return {
        p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()
    }


def test_regenerating_links_unchanged_files_and_writes_changed_ones(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, FILES)
    before = _inodes(out)
    old_mtime = (out / "docs/index.md").stat().st_mtime_ns
    os.utime(out / "docs/index.md", ns=(old_mtime - 10**9, old_mtime - 10**9))

    changed = {**FILES, "sdk/pkg/_client.py": "class Client:\n    x = 1\n", "docs/new.md": "new\n"}
    del changed["docs/index.md"]
    changed["docs/index.md"] = FILES["docs/index.md"]  # same text, kept
    del changed["sdk/pkg/__init__.py"]  # no longer generated
    write_tree(out, changed)

    assert _tree(out) == changed
    after = _inodes(out)
    assert after["docs/index.md"] == before["docs/index.md"]
    assert after["docs/html/index.html"] == before["docs/html/index.html"]
    assert after["sdk/pkg/_client.py"] != before["sdk/pkg/_client.py"]
    # Unchanged files keep their modification time and are the tree's own again.
    assert (out / "docs/index.md").stat().st_mtime_ns == old_mtime - 10**9
    assert all((out / rel).stat().st_nlink == 1 for rel in changed)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # nothing left beside


def test_files_that_are_not_the_trees_own_are_written_afresh(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, FILES)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    # A hard link kept outside: an edit there must not reach the new output.
    os.link(out / "docs/index.md", elsewhere / "index.md")
    # A symlink to a file outside the tree with the same bytes.
    (elsewhere / "client.py").write_text(FILES["sdk/pkg/_client.py"])
    (out / "sdk/pkg/_client.py").unlink()
    (out / "sdk/pkg/_client.py").symlink_to(elsewhere / "client.py")
    # Permissions changed by hand.
    os.chmod(out / "sdk/pkg/__init__.py", 0o600)
    # Edited by hand, same length.
    (out / "docs/html/index.html").write_text(FILES["docs/html/index.html"].replace("API", "IPA"))

    write_tree(out, FILES)

    assert _tree(out) == FILES
    for rel in FILES:
        info = os.lstat(out / rel)
        assert stat.S_ISREG(info.st_mode) and info.st_nlink == 1, rel
    (elsewhere / "index.md").write_text("changed elsewhere\n")
    (elsewhere / "client.py").write_text("changed elsewhere\n")
    assert _tree(out) == FILES
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((out / "sdk/pkg/__init__.py").stat().st_mode) == 0o666 & ~umask


def test_without_hard_links_every_file_is_written(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    write_tree(out, FILES)
    calls: list[str] = []

    def no_links(source: str, target: str, **_: object) -> None:
        calls.append(target)
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(writer.os, "link", no_links)
    changed = {**FILES, "docs/index.md": "# Changed\n"}
    write_tree(out, changed)
    assert _tree(out) == changed
    assert len(calls) == 1  # tried once, then wrote the rest without trying


def test_a_discarded_staging_leaves_the_old_tree_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, FILES)
    before = _inodes(out)
    staging = Staging(out)
    staging.write({**FILES, "docs/index.md": "# Changed\n"})
    assert (out / "sdk/pkg/_client.py").stat().st_nlink == 2  # linked into the staging folder
    staging.discard()
    assert _tree(out) == FILES
    assert _inodes(out) == before
    assert all((out / rel).stat().st_nlink == 1 for rel in FILES)
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


@pytest.mark.parametrize("previous", ["missing", "file"])
def test_no_usable_previous_tree_means_plain_writes(tmp_path: Path, previous: str) -> None:
    out = tmp_path / "out"
    if previous == "file":
        (tmp_path / "not-a-folder").write_text("x")
        root = tmp_path / "root"
        root.mkdir()
        writer.write_files(root, FILES, previous=tmp_path / "not-a-folder")
        assert _tree(root) == FILES
        return
    write_tree(out, FILES)
    assert _tree(out) == FILES


def test_writing_a_staged_file_again_never_writes_through_to_the_old_tree(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, FILES)
    staging = Staging(out)
    staging.write(FILES)  # every file linked to the old tree's
    changed = {rel: text.upper() for rel, text in FILES.items()}
    staging.write(changed)  # a second writer over the same paths (a failed child's)
    assert _tree(out) == FILES  # the old tree is as it was
    assert _tree(staging.root()) == changed
    staging.write(FILES)  # and back to links
    assert _tree(staging.root()) == FILES
    staging.commit()
    assert _tree(out) == FILES
