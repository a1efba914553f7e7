"""Start-up of the generated MCP server: the default spec and GitHub's 1,223 operations.

Each run starts a fresh server process over stdio with the ``mcp`` SDK's client
and times, from the spawn, the ``initialize`` handshake and then the first
``tools/list`` answer: what a client waits for before the model sees the tools.
Runs take turns (round robin) so load on the machine hits every case alike;
medians are reported. ``--list`` (no MCP session at all) is timed beside them,
and ``python -c pass`` for scale. Bytecode is compiled first, as ``pip install`` does.
"""

from __future__ import annotations

import os
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

RUNS = 9


def _session_times(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(seconds to initialized, seconds to the first tools/list answer, tools listed)."""
    import anyio
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client

    out: list[Any] = []

    async def main() -> None:
        params = StdioServerParameters(command=argv[0], args=argv[1:], env=env)
        start = time.perf_counter()
        with open(os.devnull, "w") as errlog:
            async with stdio_client(params, errlog=errlog) as (read, write):
                async with ClientSession(read, write) as session:
                    await session.initialize()
                    ready = time.perf_counter() - start
                    tools = (await session.list_tools()).tools
                    listed = time.perf_counter() - start
                    out.extend([ready, listed, len(tools)])

    anyio.run(main)
    return out[0], out[1], out[2]


def _wall(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{shlex.join(argv)} failed: {result.stderr.decode()[-500:]}")
    return elapsed


def _github_tree(ctx: Any) -> Path:
    from generation_bench import ensure_octokit

    out = ctx.work / "mcp-github"
    subprocess.run(
        [
            ctx.python,
            "-m",
            "generator",
            "generate",
            "--spec",
            str(ensure_octokit(ctx.work)),
            "--out",
            str(out),
        ],
        cwd=ctx.root,
        check=True,
        capture_output=True,
    )
    return out


def run(ctx: Any) -> str:
    root: Path = ctx.root
    python = ctx.python
    github = _github_tree(ctx)
    (gh_package,) = [p.name for p in (github / "mcp" / "src").iterdir() if p.is_dir()]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update({"BOLTZ_API_KEY": "sk_bench_unused", "BOLTZ_BASE_URL": "http://127.0.0.1:9"})
    gh_env = dict(
        env, PYTHONPATH=os.pathsep.join([str(github / "sdk" / "src"), str(github / "mcp" / "src")])
    )
    for folder in (
        root / "generated" / "mcp" / "src",
        github / "mcp" / "src",
        github / "sdk" / "src",
    ):
        subprocess.run([python, "-m", "compileall", "-q", str(folder)], env=env, check=True)
    sessions = {
        "default spec, 3 tools (static)": ([python, "-m", "boltz_api_mcp"], env),
        "GitHub, 1,223 operations, dynamic mode (the default there): 3 tools": (
            [python, "-m", gh_package],
            gh_env,
        ),
        "GitHub, 1,223 operations, `--tools static`: 1,223 tools": (
            [python, "-m", gh_package, "--tools", "static"],
            gh_env,
        ),
    }
    plain = {
        "python -c pass": ([python, "-c", "pass"], env),
        "default spec `--list`": ([python, "-m", "boltz_api_mcp", "--list"], env),
        "GitHub `--list` (1,223 lines)": ([python, "-m", gh_package, "--list"], gh_env),
    }
    for argv, e in sessions.values():  # warm caches
        _session_times(argv, e)
    for argv, e in plain.values():
        _wall(argv, e)
    ready: dict[str, list[float]] = {n: [] for n in sessions}
    listed: dict[str, list[float]] = {n: [] for n in sessions}
    counts: dict[str, int] = {}
    walls: dict[str, list[float]] = {n: [] for n in plain}
    for _ in range(RUNS):
        for name, (argv, e) in sessions.items():
            r, t, n = _session_times(argv, e)
            ready[name].append(r)
            listed[name].append(t)
            counts[name] = n
        for name, (argv, e) in plain.items():
            walls[name].append(_wall(argv, e))
    base = statistics.median(walls["python -c pass"])
    lines = [
        "## mcp",
        "",
        f"Start-up of the generated MCP server over stdio, {RUNS} runs per case taken in turns, "
        f"median wall time from spawning `python -m <package>` ({ctx.cores} cores; the `mcp` "
        "SDK's own client drives it). GitHub's output is generated from `@octokit/openapi@23.0.2` "
        "into bench/.work/mcp-github.",
        "",
        "| server | tools listed | to `initialize` answered | to `tools/list` answered | min (list) |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in sessions:
        lines.append(
            f"| {name} | {counts[name]} | {statistics.median(ready[name]) * 1000:.0f} ms "
            f"| {statistics.median(listed[name]) * 1000:.0f} ms | {min(listed[name]) * 1000:.0f} ms |"
        )
    lines += [
        "",
        "| command (no MCP session) | median wall | ratio to `python -c pass` |",
        "|---|---:|---:|",
    ]
    for name, values in walls.items():
        median = statistics.median(values)
        lines.append(f"| {name} | {median * 1000:.0f} ms | {median / base:.1f}x |")
    lines += [
        "",
        "Exact commands: `python bench/run.py mcp` (from the repository root); the servers are "
        "`python -m boltz_api_mcp` and `python -m "
        + gh_package
        + " [--tools static]` with `PYTHONPATH=bench/.work/mcp-github/sdk/src:bench/.work/mcp-github/mcp/src`.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit("run through bench/run.py: python bench/run.py mcp")
