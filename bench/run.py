"""`make bench`: run every benchmark suite and write bench/RESULTS.md.

Each suite is a module ``bench/<name>_bench.py`` with ``run(ctx) -> str``
returning a Markdown section (figures, the exact commands that produced
them, medians over several runs, ratios measured side by side in this run).
Suites that are not written yet are skipped with a note.
"""

from __future__ import annotations

import importlib
import os
import platform
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
WORK = BENCH / ".work"  # downloads, venvs and scratch output; never committed
SUITES = ("generation", "sdk", "cli", "docs")


@dataclass(frozen=True)
class Context:
    root: Path
    work: Path
    python: str
    cores: int


def main(argv: list[str]) -> int:
    selected = argv or list(SUITES)
    WORK.mkdir(parents=True, exist_ok=True)
    ctx = Context(ROOT, WORK, sys.executable, os.cpu_count() or 1)
    command = " ".join(["python", "bench/run.py", *argv])
    sections = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (`{command}`). Machine: {ctx.cores} cores, "
        f"{platform.machine()}, Python {platform.python_version()}, {platform.system()}.",
    ]
    sys.path.insert(0, str(BENCH))
    for name in selected:
        try:
            module = importlib.import_module(f"{name}_bench")
        except ModuleNotFoundError:
            sections += ["", f"## {name}", "", "_not written yet_"]
            continue
        print(f"== {name}", flush=True)
        sections += ["", module.run(ctx).rstrip()]
    (BENCH / "RESULTS.md").write_text("\n".join(sections) + "\n")
    print(f"wrote {BENCH / 'RESULTS.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
