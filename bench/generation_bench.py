"""Generation speed, peak memory and scale, side by side with openapi-python-client.

Documents: the default spec, GitHub's REST description (npm
``@octokit/openapi``, pinned, fetched with ``npm pack`` into bench/.work) and
synthetic documents of 100, 1,000 and 5,000 operations (bench/synth.py).

Each round runs, one after the other so that load on the machine hits them
alike: ours cold (an empty format cache, into a folder that does not exist
yet), ours again (the same command over the output and cache that run left:
what `make generate` costs when little changed) and openapi-python-client
(pinned, in its own venv under bench/.work, default settings including its
ruff post-hooks, also into a new folder). Every command is a new process
under GNU ``/usr/bin/time`` (wall seconds and peak resident memory). Our runs
also print ``--timings``, the time of each stage, which is where the profile
below comes from.

Disk hygiene, because on a virtual disk the cost of one run's writes can
land on the next: nothing is deleted between timed runs (every run writes a
folder of its own, removed when the suite ends), and before each timed run
the page cache is flushed (``sync``) and the disk's counters are left to go
quiet (:func:`settle`).

Also: import time of the SDK generated for GitHub's description, ours versus
openapi-python-client's, with bytecode compiled first as ``pip install``
does.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

OCTOKIT = "@octokit/openapi@23.0.2"
OPC = "openapi-python-client==0.29.1"
SIZES = (100, 1000, 5000)
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
IMPORT_RUNS = 7


@dataclass
class Timing:
    seconds: float
    peak_mb: float
    output: str


def bench_env() -> dict[str, str]:
    """The environment commands run in: bytecode allowed (as for an installed package)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "OPENAPI_FORGE"))}
    return env


def run_timed(cmd: list[str], *, env: dict[str, str], cwd: Path | None = None) -> Timing:
    """Run ``cmd`` under /usr/bin/time: wall seconds and peak RSS (the largest process)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as stats:
        proc = subprocess.run(
            ["/usr/bin/time", "-f", "%e %M", "-o", stats.name, *cmd],
            env=env,
            cwd=cwd,
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            raise RuntimeError(
                f"{shlex.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}"
            )
        elapsed, rss_kb = stats.read().split()[-2:]
    return Timing(float(elapsed), int(rss_kb) / 1024, proc.stdout + proc.stderr)


def settle(timeout: float = 30.0) -> None:
    """Flush dirty pages, then wait until the disks' I/O counters stop moving.

    A run's files are written back to disk after it exits; without this the
    next run would pay for them.
    """
    os.sync()
    deadline = time.monotonic() + timeout
    last = _disk_counters()
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = _disk_counters()
        if now == last:
            return
        last = now


def _disk_counters() -> str:
    try:
        lines = Path("/proc/diskstats").read_text().splitlines()
    except OSError:
        return ""
    # Every counter of every device but loop devices (reads, writes, discards,
    # flushes and the time spent on them): all still while the disk is idle.
    return "\n".join(" ".join(line.split()[2:]) for line in lines if " loop" not in line)


def ensure_octokit(work: Path) -> Path:
    spec = work / "octokit" / "package" / "generated" / "api.github.com.json"
    if spec.exists():
        return spec
    target = work / "octokit"
    target.mkdir(parents=True, exist_ok=True)
    out = subprocess.run(
        ["npm", "pack", OCTOKIT, "--silent"], cwd=target, capture_output=True, text=True, check=True
    )
    with tarfile.open(target / out.stdout.strip().splitlines()[-1]) as tar:
        tar.extractall(target, filter="data")
    return spec


def ensure_opc(work: Path) -> Path:
    venv = work / "opc-venv"
    exe = venv / "bin" / "openapi-python-client"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", OPC], check=True)
    return exe


def ensure_synthetic(root: Path, work: Path, size: int) -> Path:
    path = work / f"synthetic-{size}.json"
    if not path.exists():
        subprocess.run(
            [sys.executable, str(root / "bench" / "synth.py"), str(size), str(path)], check=True
        )
    return path


def our_command(ctx: Any, spec: Path, config: Path | None, out: Path) -> list[str]:
    cmd = [ctx.python, "-m", "generator", "generate", "--spec", str(spec)]
    if config is not None:
        cmd += ["--config", str(config)]
    return cmd + ["--out", str(out), "--timings"]


def their_command(exe: Path, spec: Path, out: Path) -> list[str]:
    return [str(exe), "generate", "--path", str(spec), "--output-path", str(out), "--overwrite"]


def count_opc_drops(output: str) -> tuple[int, int]:
    """(responses, schemas) openapi-python-client reports it left out of the client."""
    responses = len(re.findall(r"^Cannot parse response for status code", output, re.M))
    schemas = len(re.findall(r"^Unable to process schema", output, re.M))
    return responses, schemas


def stages(output: str) -> dict[str, float]:
    """The ``--timings`` line of one of our runs, as {stage: seconds}."""
    match = re.search(r"^timings: (.*); total ([\d.]+)s$", output, re.M)
    if match is None:
        return {}
    found = {
        name: float(seconds[:-1])
        for name, seconds in (part.rsplit(" ", 1) for part in match.group(1).split(", "))
    }
    found["total (in process)"] = float(match.group(2))
    return found


def tree_size(folder: Path) -> tuple[int, float]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files) / 1e6


def import_time(python: str, code: str, path: Path, env: dict[str, str]) -> float:
    """Median seconds of ``code`` in a new process (bytecode compiled first)."""
    subprocess.run([python, "-m", "compileall", "-q", str(path)], env=env, capture_output=True)
    script = f"import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"
    times = []
    for _ in range(IMPORT_RUNS):
        proc = subprocess.run(
            [python, "-c", script],
            env={**env, "PYTHONPATH": str(path)},
            capture_output=True,
            text=True,
            check=True,
        )
        times.append(float(proc.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def run(ctx: Any) -> str:
    work: Path = ctx.work / "generation"
    work.mkdir(parents=True, exist_ok=True)
    env = bench_env()
    subprocess.run([ctx.python, "-m", "compileall", "-q", str(ctx.root / "generator")], env=env)
    opc = ensure_opc(ctx.work)
    github = ensure_octokit(ctx.work)
    documents: list[tuple[str, Path, Path | None]] = [
        (
            "default spec (3 operations)",
            ctx.root / "spec/openapi.yaml",
            ctx.root / "spec/generator.yaml",
        ),
        ("GitHub REST (octokit 23.0.2, 1,223 operations)", github, None),
    ] + [
        (f"synthetic, {n:,} operations", ensure_synthetic(ctx.root, ctx.work, n), None)
        for n in SIZES
    ]

    runs = work / "runs"  # every timed run's output, removed at the end
    shutil.rmtree(runs, ignore_errors=True)
    runs.mkdir()
    try:
        results = _measure(ctx, env, opc, documents, runs)
    finally:
        shutil.rmtree(runs, ignore_errors=True)
        settle()
    lines = _report(results, documents, ctx.cores)
    lines += _import_times(ctx, env, github, opc, work)
    return "\n".join(lines)


def _measure(
    ctx: Any,
    env: dict[str, str],
    opc: Path,
    documents: list[tuple[str, Path, Path | None]],
    runs: Path,
) -> dict[str, dict[str, Any]]:
    results: dict[str, dict[str, Any]] = {}
    for number, (label, spec, config) in enumerate(documents):
        print(f"   {label}", flush=True)
        cold: list[Timing] = []
        warm: list[Timing] = []
        theirs: list[Timing] = []
        for round_ in range(RUNS):
            cache = runs / f"{number}-{round_}-format-cache"
            ours_env = {**env, "OPENAPI_FORGE_CACHE": str(cache)}
            cmd = our_command(ctx, spec, config, runs / f"{number}-{round_}-ours")
            settle()
            cold.append(run_timed(cmd, env=ours_env, cwd=ctx.root))
            settle()
            warm.append(run_timed(cmd, env=ours_env, cwd=ctx.root))
            theirs_out = runs / f"{number}-{round_}-opc"
            settle()
            theirs.append(run_timed(their_command(opc, spec, theirs_out), env=env, cwd=runs))
        median_cold = sorted(cold, key=lambda t: t.seconds)[len(cold) // 2]
        files, megabytes = tree_size(runs / f"{number}-0-ours")
        warnings = re.search(r"; (\d+) warnings?$", median_cold.output, re.M)
        results[label] = {
            "cold": statistics.median(t.seconds for t in cold),
            "warm": statistics.median(t.seconds for t in warm),
            "peak": max(t.peak_mb for t in cold + warm),
            "opc": statistics.median(t.seconds for t in theirs),
            "opc_peak": max(t.peak_mb for t in theirs),
            "opc_drops": count_opc_drops(theirs[0].output),
            "stages": stages(median_cold.output),
            "files": files,
            "megabytes": megabytes,
            "warnings": int(warnings.group(1)) if warnings else -1,
        }
    return results


def _report(
    results: dict[str, dict[str, Any]], documents: list[tuple[str, Path, Path | None]], cores: int
) -> list[str]:
    lines = [
        "## generation",
        "",
        f"{cores} cores. Medians of {RUNS} rounds; each round runs ours cold, ours "
        "again and openapi-python-client (opc) one after the other, every run a new process under "
        "`/usr/bin/time -f '%e %M'` (wall seconds; peak RSS of the largest process in the tree). "
        "Cold = an empty black cache (`OPENAPI_FORGE_CACHE` pointing at a fresh folder) and an "
        "output folder that does not exist yet, as for opc; again = the same command over the "
        "output and cache the cold run left (what `make generate` costs when little changed: "
        "unchanged files are linked from the old output, not written). Nothing is deleted "
        "between timed runs, and before each one the page cache is flushed (`sync`) and the "
        "disk's I/O counters are left to go quiet, so one run's write-back does not land on the "
        "next. We emit an SDK, a CLI and the docs; opc emits an SDK.",
        "",
        "- ours: `python -m generator generate --spec DOC --out OUT --timings`",
        "- opc 0.29.1 (own venv, default config incl. its ruff post-hooks): "
        "`openapi-python-client generate --path DOC --output-path OUT --overwrite`",
        "",
        "| document | ours cold (s) | ours again (s) | ours peak MB | opc (s) | opc peak MB | "
        "opc / ours cold | our output |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for label, r in results.items():
        lines.append(
            f"| {label} | {r['cold']:.2f} | {r['warm']:.2f} | {r['peak']:.0f} | {r['opc']:.2f} | "
            f"{r['opc_peak']:.0f} | **{r['opc'] / r['cold']:.1f}x** | "
            f"{r['files']:,} files, {r['megabytes']:.1f} MB |"
        )
    gh = results[documents[1][0]]
    r1000 = results[f"synthetic, {SIZES[1]:,} operations"]["cold"]
    r5000 = results[f"synthetic, {SIZES[2]:,} operations"]["cold"]
    dropped_responses, dropped_schemas = gh["opc_drops"]
    lines += [
        "",
        f"- GitHub's description: ours **{gh['opc'] / gh['cold']:.1f}x** faster than opc "
        "(goal: at least 3x), peak "
        f"{gh['peak']:.0f} MB (goal: under 1 GB). Ours reports {gh['warnings']} warnings, each "
        "with its location, and leaves nothing out; opc left out "
        f"{dropped_responses} responses and {dropped_schemas} schemas.",
        f"- Growth: 5,000 operations take **{r5000 / r1000:.2f}x** the time of 1,000 "
        "(goal: within 5.5x).",
        "",
        "### Where the time goes (ours, GitHub's description, cold, median run)",
        "",
        "From `--timings`. From 100 operations a forked process renders and formats the docs "
        "(then the CLI, unless this one has taken it by then) while this one does the SDK, so "
        "their stages overlap the SDK's and `wait for the second process` is what the parent "
        "waited for the child after its own work; interpreter start-up and imports are the "
        "rest of the wall time.",
        "",
        "| stage | seconds |",
        "|---|---:|",
    ]
    for stage, seconds in gh["stages"].items():
        lines.append(f"| {stage} | {seconds:.2f} |")
    return lines


def _import_times(ctx: Any, env: dict[str, str], github: Path, opc: Path, work: Path) -> list[str]:
    ours_out = work / "ours-github"
    run_timed(our_command(ctx, github, None, ours_out), env=env, cwd=ctx.root)
    src = ours_out / "sdk" / "src"
    pkg = next(p.name for p in src.iterdir() if (p / "__init__.py").exists())
    client_py = (src / pkg / "_client.py").read_text()
    client = re.search(r"^class (\w+)\(SyncAPIClient\)", client_py, re.M)
    resource = re.search(r"@cached_property\s+def (\w+)\(self\)", client_py)
    assert client is not None and resource is not None
    ours_code = f"import {pkg}; c = {pkg}.{client.group(1)}(); c.{resource.group(1)}"
    ours_seconds = import_time(ctx.python, ours_code, src, env)

    opc_out = work / "opc-github"
    shutil.rmtree(opc_out, ignore_errors=True)
    run_timed(their_command(opc, github, opc_out), env=env, cwd=work)
    opc_pkg = next(p.name for p in opc_out.iterdir() if (p / "__init__.py").exists())
    opc_code = f"import {opc_pkg}; import {opc_pkg}.models; {opc_pkg}.Client"
    opc_seconds = import_time(str(opc.parent / "python"), opc_code, opc_out, env)
    return [
        "",
        "### Import time of the SDK generated for GitHub's description",
        "",
        f"New process each run, median of {IMPORT_RUNS}, bytecode compiled first. "
        f"Ours: `{ours_code}` = **{ours_seconds * 1000:.0f} ms** (goal: under 500 ms); "
        f"opc: `{opc_code}` = **{opc_seconds * 1000:.0f} ms** ({opc_seconds / ours_seconds:.1f}x ours). "
        "Ours imports a resource's module when it is first touched and a model's module when "
        "it is first needed, so this stays flat as the API grows.",
    ]
