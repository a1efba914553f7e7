"""Snapshot fixtures: specs under tests/fixtures/<name>/ and their expected output.

``python -m tests.snapshots update`` regenerates every ``expected/`` folder
(``make update-snapshots``); the tests compare against them byte for byte.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Diagnostics
from generator.pipeline import Inputs, generate
from generator.writer import write_tree

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


@dataclass(frozen=True)
class Snapshot:
    name: str
    spec: Path
    config: Path | None
    expected: Path


def snapshots() -> list[Snapshot]:
    """The default spec (snapshot: generated/) and every fixture with an expected/ folder."""
    out = [
        Snapshot(
            "default", ROOT / "spec/openapi.yaml", ROOT / "spec/generator.yaml", ROOT / "generated"
        )
    ]
    for folder in sorted(p for p in FIXTURES.iterdir() if (p / "expected").is_dir()):
        config = folder / "generator.yaml"
        out.append(
            Snapshot(
                folder.name,
                folder / "openapi.yaml",
                config if config.exists() else None,
                folder / "expected",
            )
        )
    return out


def render(snapshot: Snapshot) -> dict[str, str]:
    """What the generator produces for ``snapshot`` (paths relative to ROOT, as in CI)."""
    spec = snapshot.spec.relative_to(ROOT)
    config = snapshot.config.relative_to(ROOT) if snapshot.config else None
    import os

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return generate(Inputs(spec, config), Diagnostics())
    finally:
        os.chdir(cwd)


def update() -> None:
    for snapshot in snapshots():
        if snapshot.name == "default":
            continue  # generated/ is written by `make generate`
        write_tree(snapshot.expected, render(snapshot))
        print(f"updated {snapshot.expected.relative_to(ROOT)}")


if __name__ == "__main__":
    if sys.argv[1:] != ["update"]:
        sys.exit("usage: python -m tests.snapshots update")
    update()
