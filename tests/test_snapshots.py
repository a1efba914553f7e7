"""The committed output is the snapshot: regenerating must give the same bytes."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tests.snapshots import Snapshot, render, snapshots


def _on_disk(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and "__pycache__" not in p.parts
        and not p.name.endswith(".pyc")
        and ".egg-info" not in p.as_posix()
        and "/build/" not in "/" + p.relative_to(folder).as_posix()
    }


def _report(expected: dict[str, str], actual: dict[str, str]) -> str:
    lines = []
    for path in sorted(set(expected) | set(actual)):
        if path not in actual:
            lines.append(f"no longer generated: {path}")
        elif path not in expected:
            lines.append(f"new file: {path}")
        elif expected[path] != actual[path]:
            diff = difflib.unified_diff(
                expected[path].splitlines(),
                actual[path].splitlines(),
                f"{path} (snapshot)",
                f"{path} (now)",
                lineterm="",
                n=1,
            )
            lines.extend(list(diff)[:40])
    return "\n".join(lines[:200])


@pytest.mark.parametrize("snapshot", snapshots(), ids=lambda s: s.name)
def test_output_matches_snapshot(snapshot: Snapshot):
    actual = render(snapshot)
    expected = _on_disk(snapshot.expected)
    if expected != actual:
        hint = "make generate" if snapshot.name == "default" else "make update-snapshots"
        pytest.fail(
            f"output of {snapshot.name} differs from {snapshot.expected} (run `{hint}` if intended):\n"
            + _report(expected, actual)
        )


def test_snapshot_comparison_notices_a_change(tmp_path: Path):
    """The comparison above must fail when a single byte of output changes."""
    snapshot = snapshots()[0]
    actual = render(snapshot)
    changed = dict(actual)
    path = next(p for p in sorted(changed) if p.endswith(".py"))
    changed[path] = changed[path] + " "
    assert changed != actual and _report(actual, changed)


def test_generation_is_deterministic():
    snapshot = snapshots()[0]
    assert render(snapshot) == render(snapshot)


def test_output_has_no_absolute_paths_or_timestamps():
    import re

    for snapshot in snapshots():
        for path, text in render(snapshot).items():
            assert "/work/" not in text and "/tmp/" not in text and "/home/" not in text, path
            assert not re.search(r"20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(?!\.117Z)", text), path
