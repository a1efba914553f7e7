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
SUITES = ("generation", "sdk", "cli", "docs", "mcp")


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
    written = _previous_sections(BENCH / "RESULTS.md")
    for name in selected:
        try:
            module = importlib.import_module(f"{name}_bench")
        except ModuleNotFoundError:
            written[name] = f"## {name}\n\n_not written yet_"
            continue
        print(f"== {name}", flush=True)
        written[name] = module.run(ctx).rstrip()
    if set(selected) != set(SUITES):
        sections[-1] += (
            f" Sections from the latest run of each suite; this run: {', '.join(selected)}."
        )
    for name in SUITES:
        if name in written:
            sections += ["", written[name]]
    (BENCH / "RESULTS.md").write_text("\n".join(sections) + "\n")
    print(f"wrote {BENCH / 'RESULTS.md'}")
    return 0


def _previous_sections(results: Path) -> dict[str, str]:
    """The ``## suite`` sections of an earlier RESULTS.md, kept when a run selects other suites."""
    if not results.exists():
        return {}
    out: dict[str, str] = {}
    for chunk in ("\n" + results.read_text()).split("\n## ")[1:]:
        name = chunk.split("\n", 1)[0].strip()
        if name in SUITES:
            out[name] = "## " + chunk.rstrip()
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
